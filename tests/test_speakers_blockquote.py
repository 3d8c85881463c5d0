"""Block quotations (issue 15): an HTML <blockquote> kept as Markdown "> " lines by the import, and a
block quote read as a quotation of the cue before it (src/askisk/sources/htmlquotes.py,
sources/passages.py, speakers/pending.block_quote)."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

import pytest

from askisk.models import Source
from askisk.sources.importing import Meta, draft
from askisk.speakers.corpus import analyse
from tests.conftest import run_cli

STATEMENT = "We regret the inconvenience to our customers. Every toaster will be replaced free of charge."
WORDS = " ".join(["Acme Corporation recalled ten thousand toasters on Monday after a fault was found."] * 2)
PAGE = f"""<html><head><title>Acme recalls toasters</title></head><body><article>
<h1>Acme recalls toasters</h1>
<p>{WORDS} Shoppers were told to stop using them at once, and to keep the receipts.</p>
<p>Jane Smith, the chief executive of Acme, said in a statement:</p>
<blockquote><p>{STATEMENT}</p></blockquote>
<p>Regulators had warned about the fault in March, according to the safety agency in its yearly report.</p>
<blockquote><p>Nobody should use these toasters until they are fixed by the maker.</p></blockquote>
</article></body></html>"""


def _analysed(path: Path):
    d = draft(path, Meta())
    doc = analyse(Source(id="t", title=d.meta["title"], path=str(path), body=d.body))
    return d.body, [(p, a) for p, a in zip(doc.passages, doc.attributions, strict=True)]


def test_html_import_keeps_a_blockquote_as_a_markdown_block_quote(tmp_path):
    page = tmp_path / "acme.html"
    page.write_text(PAGE)
    body = draft(page, Meta()).body
    assert f"\n\n> {STATEMENT}\n\n" in body
    assert "\n\nJane Smith, the chief executive of Acme, said in a statement:\n\n" in body
    assert body.count("> ") == 2


def test_a_blockquote_after_said_in_a_statement_is_that_speakers_quotation(tmp_path):
    page = tmp_path / "acme.html"
    page.write_text(PAGE)
    body, rows = _analysed(page)
    quoted = [(p, a) for p, a in rows if p.text in STATEMENT]
    assert [p.text for p, _ in quoted] == [
        "We regret the inconvenience to our customers.",
        "Every toaster will be replaced free of charge.",
    ]
    for p, a in quoted:
        assert (a.speaker, a.kind) == ("Jane Smith", "quote")
        assert body[p.start : p.end] == p.text  # offsets into the main text, markers left out
    last = next(a for p, a in rows if p.text.startswith("Nobody should"))
    assert (last.speaker, last.kind) == (None, "quote")  # no cue before it: a quotation nobody speaks


def test_a_markdown_block_quote_is_a_quotation_of_the_colon_lead_in(tmp_path):
    body = (
        "Acme recalled ten thousand toasters on Monday.\n\n"
        "The chief executive, Jane Smith, wrote:\n\n"
        "> We regret the inconvenience to our customers.\n"
        "> Every toaster will be replaced free of charge.\n\n"
        "Regulators had warned about the fault in March.\n\n"
        "> Nobody should use these toasters until they are fixed.\n"
    )
    path = tmp_path / "acme.md"
    path.write_text(body)
    proc = run_cli("attribute", str(path), "--json")
    rows = [json.loads(line) for line in proc.stdout.splitlines()]
    text = draft(path, Meta()).body
    by_text = {r["text"]: r for r in rows}
    for sentence in (
        "We regret the inconvenience to our customers.",
        "Every toaster will be replaced free of charge.",
    ):
        r = by_text[sentence]
        assert (r["speaker"], r["attribution"]) == ("Jane Smith", "quote")
        assert text[r["start"] : r["end"]] == sentence
    r = by_text["Nobody should use these toasters until they are fixed."]
    assert (r["speaker"], r["attribution"]) == (None, "quote")
    assert not any(t.startswith(">") for t in by_text)


_MIRROR = Path("/work/.mirror/mozilla+readability/repo")


@pytest.mark.skipif(not _MIRROR.exists(), reason="the Readability mirror is not on this machine")
def test_the_ars_1_page_gets_its_quoted_blog_post_attributed(tmp_path):
    page = tmp_path / "ars-1.html"
    page.write_bytes(
        subprocess.run(
            ["git", "-C", str(_MIRROR), "show", "HEAD:test/test-pages/ars-1/source.html"],
            capture_output=True,
            check=True,
        ).stdout
    )
    rows = [json.loads(line) for line in run_cli("attribute", str(page), "--json").stdout.splitlines()]
    post = [r for r in rows if any(c.isalpha() for c in r["text"]) and 1128 < r["start"] < 3460]
    assert len(post) >= 20
    assert all((r["speaker"], r["attribution"]) == ("Ammar Askar", "quote") for r in post)
    last = next(r for r in rows if r["text"].startswith("These were the fixes that I recommended"))
    assert last["speaker"] == "Ammar Askar"
