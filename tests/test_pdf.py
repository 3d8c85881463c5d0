"""PDF sources: real PDFs typeset by reportlab (tests/pdfgen.py), read by the real pypdfium2 pipeline,
added through the real CLI and found again with their page numbers."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from conftest import run_cli
from pdfgen import REPORT_PAGES, Page, write_pdf, write_scanned_pdf

from askisk.models import Source
from askisk.sources.passages import split_passages
from askisk.sources.pdf import PdfError, read_pdf


@pytest.fixture
def report_pdf(tmp_path) -> Path:
    return write_pdf(tmp_path / "monitoring-report.pdf", REPORT_PAGES, title="Monitoring Team report")


def _paragraphs(body: str) -> list[str]:
    return [p.strip() for p in body.split("\n\n") if p.strip() and not p.startswith("<!--")]


def test_pages_headers_footers_and_hyphens(report_pdf):
    pdf = read_pdf(report_pdf)
    assert pdf.title == "Monitoring Team report" and pdf.pages == 3
    truth = [p for page in REPORT_PAGES for p in page.paragraphs]
    assert _paragraphs(pdf.body) == truth  # every line-end hyphen undone, "well-known" kept, nothing added
    assert "Report of the Monitoring Team" not in pdf.body and "Page 1 of 3" not in pdf.body
    assert pdf.body.index("<!-- page 2 -->") < pdf.body.index("approximately 4,000 fighters")


def test_hyphenated_words_were_really_split_in_the_pdf(report_pdf):
    """The typesetter did hyphenate, so the test above is about undoing it (PDFium's raw text shows it)."""
    import pypdfium2 as pdfium

    doc = pdfium.PdfDocument(str(report_pdf))
    raw = "".join(page.get_textpage().get_text_range() for page in doc)
    doc.close()
    assert "\ufffe" in raw or "-\r\n" in raw


def test_two_columns_in_reading_order_even_when_drawn_row_by_row(tmp_path):
    paras = [p for page in REPORT_PAGES for p in page.paragraphs]
    for interleave in (False, True):
        path = write_pdf(
            tmp_path / f"cols-{interleave}.pdf",
            [Page(tuple(paras * 2))],
            columns=2,
            header=None,
            interleave=interleave,
        )
        assert _paragraphs(read_pdf(path).body) == paras * 2, interleave


def test_a_paragraph_across_a_page_break_keeps_its_first_page(tmp_path):
    pages = [
        Page(("The committee met twice in the spring. After a long debate the delegations agreed that",)),
        Page(("the mandate would be extended by twelve months. The vote was unanimous.",)),
    ]
    body = read_pdf(write_pdf(tmp_path / "split.pdf", pages)).body
    joined = "agreed that the mandate would be extended"
    assert joined in body and "<!-- page 2 -->" not in body
    _, passages = split_passages(Source("s", "t", "s.md", body))
    assert {p.page for p in passages} == {1}


def test_page_markers_set_the_page_of_passages():
    body = "<!-- page 3 -->\n\nFirst on three. Second on three.\n\n<!-- page 4 -->\n\nOn four.\n"
    paragraphs, passages = split_passages(Source("s", "t", "s.md", body))
    assert [(p.number, p.page) for p in paragraphs] == [(1, 3), (2, 4)]
    assert [(p.text, p.page) for p in passages] == [
        ("First on three.", 3),
        ("Second on three.", 3),
        ("On four.", 4),
    ]
    assert split_passages(Source("s", "t", "s.md", "No pages here."))[1][0].page is None


def test_scanned_encrypted_and_damaged_pdfs_each_get_one_sentence(tmp_path):
    scanned = write_scanned_pdf(tmp_path / "scan.pdf")
    locked = write_pdf(tmp_path / "locked.pdf", REPORT_PAGES, encrypt="secret")
    good = write_pdf(tmp_path / "good.pdf", REPORT_PAGES)
    damaged = tmp_path / "damaged.pdf"
    damaged.write_bytes(good.read_bytes()[:400])
    garbage = tmp_path / "garbage.pdf"
    garbage.write_bytes(b"%PDF-1.7\n" + bytes(range(256)) * 8)
    expected = {
        scanned: "scanned PDF",
        locked: "encrypted PDF",
        damaged: "damaged PDF",
        garbage: "damaged PDF",
    }
    for path, reason in expected.items():
        with pytest.raises(PdfError, match=reason) as info:
            read_pdf(path)
        assert "\n" not in str(info.value)


def test_add_pdf_then_ask_cites_the_page(seed_copy, tmp_path, report_pdf):
    kb, index = seed_copy
    scanned = write_scanned_pdf(tmp_path / "scan.pdf")
    locked = write_pdf(tmp_path / "locked.pdf", REPORT_PAGES, encrypt="secret")
    loc = ("--kb", str(kb), "--index", str(index))
    added = run_cli("add", str(scanned), str(report_pdf), str(locked), *loc, "--json")
    assert added.returncode == 1, added.stderr
    errors = [line for line in added.stderr.splitlines() if line.startswith("askisk: error:")]
    assert len(errors) == 2 and "scanned PDF" in errors[0] and "encrypted PDF" in errors[1], added.stderr
    events = [json.loads(line) for line in added.stdout.splitlines()]
    assert [e["path"] for e in events if e["event"] == "added"] == [str(report_pdf)]
    stored = (kb / "monitoring-report.md").read_text()
    assert "title: Monitoring Team report" in stored and "<!-- page 3 -->" in stored

    asked = run_cli(
        "ask",
        "How many fighters were present in the region?",
        *loc,
        "--json",
        "--source",
        "monitoring-report",
    )
    assert asked.returncode == 0, asked.stderr
    top = json.loads(asked.stdout)["results"][0]
    assert "4,000 fighters" in top["text"] and top["page"] == 2

    quote = run_cli(
        "ask", "What did Lena Okafor say about the sanctions regime?", *loc, "--source", "monitoring-report"
    )
    assert quote.returncode == 0, quote.stderr
    assert "Monitoring Team report, p. 1, ¶2" in quote.stdout
    assert "Lena Okafor" in quote.stdout

    report = tmp_path / "check.json"
    checked = run_cli("check", "About 4,000 fighters were in the region.", *loc, "--report", str(report))
    assert checked.returncode == 0, checked.stderr
    evidence = json.loads(report.read_text())["claims"][0]["evidence"]
    assert any(e.get("page") == 2 for e in evidence), evidence


def test_pdf_body_is_indexable_and_deduplicated(seed_copy, report_pdf, tmp_path):
    kb, index = seed_copy
    loc = ("--kb", str(kb), "--index", str(index))
    first = run_cli("add", str(report_pdf), *loc)
    assert first.returncode == 0, first.stderr
    copy = tmp_path / "copy.pdf"
    copy.write_bytes(report_pdf.read_bytes())
    again = run_cli("add", str(copy), *loc)
    assert again.returncode == 0 and "same text as kb source 'monitoring-report'" in again.stderr
    listed = run_cli("sources", *loc, "--json")
    ids = [json.loads(line)["id"] for line in listed.stdout.splitlines()]
    assert "monitoring-report" in ids


def test_the_chat_card_cites_the_page():
    from askisk.models import Hit, SourceRef
    from askisk.tui.format import source_line

    ref = SourceRef("r", "UN report", "r.md", None, "2024-06-01")
    hit = Hit(1, 1.0, "Text.", None, "narration", None, ref, "r:0001:ab", 40, 1, "Text.", page=12)
    assert source_line(hit) == "UN report · p. 12, ¶40 · 2024-06-01"
    plain = Hit(1, 1.0, "Text.", None, "narration", None, ref, "r:0001:ab", 40, 1, "Text.")
    assert source_line(plain) == "UN report · ¶40 · 2024-06-01"
