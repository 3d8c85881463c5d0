"""`askisk add`: reading .txt/.md/.html into the kb format, and every kind of bad input.

Unit tests call `ingest`/`kbwrite` directly; the batch test runs the real command with the real model.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
from conftest import FIXTURES, run_cli

from askisk.sources.importing import MAX_BYTES, IngestError, Meta, collect, decode, draft
from askisk.sources.kb import read_source
from askisk.sources.kbwrite import add_files

ARTICLES = FIXTURES / "articles"


def _file(tmp_path: Path, name: str, data: bytes | str) -> Path:
    path = tmp_path / name
    path.write_bytes(data.encode("utf-8") if isinstance(data, str) else data)
    return path


# -- reading one file ------------------------------------------------------------------------------
def test_txt_body_is_kept_exactly(tmp_path):
    d = draft(ARTICLES / "harbour-flood.txt", Meta(outlet="Coastline Courier", date="2025-03-04"))
    assert d.body == (ARTICLES / "harbour-flood.txt").read_text(encoding="utf-8")
    assert d.meta["title"] == "harbour-flood" and d.meta["outlet"] == "Coastline Courier"
    assert d.id_hint == "harbour-flood" and d.notice is None


def test_html_main_text_and_metadata():
    d = draft(ARTICLES / "harbour-flood.html", Meta())
    assert d.meta["title"] == "Sea wall fails in Veldmark as storm tide floods the quay"
    assert d.meta["outlet"] == "Coastline Courier (fixture)"
    assert d.meta["date"] == "2025-03-04"
    assert "Home" not in d.body and "Subscribe" not in d.body  # navigation and footer dropped
    paragraphs = d.body.strip().split("\n\n")
    assert len(paragraphs) == 6 and paragraphs[1].startswith("“The wall held")


def test_markdown_front_matter_and_first_heading(tmp_path):
    fm = _file(
        tmp_path, "a.md", "---\ntitle: From front matter\ndate: 2024-01-02\n---\nSome text here. More.\n"
    )
    d = draft(fm, Meta())
    assert d.meta["title"] == "From front matter" and d.meta["date"] == "2024-01-02"
    assert d.body == "Some text here. More.\n"
    heading = _file(tmp_path, "b.md", "# The heading title\n\nBody sentence one. Body sentence two.\n")
    assert draft(heading, Meta()).meta["title"] == "The heading title"
    assert draft(heading, Meta(title="Given")).meta["title"] == "Given"


def test_cp1252_falls_back_with_a_notice():
    text, notice = decode("Café au lait, “quoted”.".encode("cp1252"))
    assert text == "Café au lait, “quoted”."
    assert notice and "Windows-1252" in notice


def test_undecodable_bytes_are_refused():
    with pytest.raises(IngestError, match="not UTF-8"):
        decode(b"caf\xe9 \x81\x8d text")  # invalid UTF-8, and 0x81 is unassigned in Windows-1252


def test_utf16_with_bom_and_crlf():
    text, notice = decode("line one\r\nline two".encode("utf-16"))
    assert text == "line one\nline two" and "UTF-16" in notice


@pytest.mark.parametrize(
    "data, reason",
    [(b"\x89PNG\r\n\x1a\n" + bytes(100), "PNG"), (b"abc\0def" * 10, "NUL"), (b"%PDF-1.7\n...", "PDF")],
)
def test_binary_is_refused(data, reason):
    with pytest.raises(IngestError, match=reason):
        decode(data)


def test_size_limit_is_checked_before_reading(tmp_path):
    big = tmp_path / "big.txt"
    with open(big, "wb") as handle:  # sparse: 50 MB on paper, nothing on disk
        handle.truncate(50 * 1024 * 1024)
    assert big.stat().st_size > MAX_BYTES
    with pytest.raises(IngestError, match="limit is 5 MB"):
        draft(big, Meta())


# -- which files ------------------------------------------------------------------------------------
def test_folder_with_symlink_loops(tmp_path):
    root = tmp_path / "batch"
    (root / "sub").mkdir(parents=True)
    (root / "sub" / "a.txt").write_text("A sentence. Another one.\n", encoding="utf-8")
    (root / "b.html").write_text("<p>x</p>", encoding="utf-8")
    (root / "notes.docx").write_bytes(b"PK\x03\x04")  # unsupported in a folder: skipped silently
    os.symlink(root, root / "sub" / "back-to-root")  # a loop through a parent
    os.symlink(root / "self", root / "self")  # a link to itself
    files, problems = collect([root])
    assert sorted(p.name for p in files) == ["a.txt", "b.html"]
    assert sorted(Path(p.path).name for p in problems) == ["back-to-root", "self"]
    assert all("symlink loop" in p.message for p in problems)


def test_missing_path_and_unsupported_file(tmp_path):
    files, problems = collect([tmp_path / "nope.txt", _file(tmp_path, "x.docx", b"PK")])
    assert files == []
    assert [p.message.split(";")[0] for p in problems] == [
        "no such file or folder",
        "unsupported file type '.docx'",
    ]


# -- into the kb --------------------------------------------------------------------------------------
def test_duplicates_and_taken_ids(seed_copy, tmp_path):
    kb, _ = seed_copy
    before = sorted(p.name for p in kb.iterdir())
    outcomes = add_files(kb, [ARTICLES / "harbour-flood.txt", ARTICLES / "harbour-flood.html"])
    assert [o.status for o in outcomes] == ["added", "duplicate"]
    assert "harbour-flood" in outcomes[1].message
    again = add_files(kb, [ARTICLES / "harbour-flood.txt"])
    assert [o.status for o in again] == ["duplicate"]
    other = _file(tmp_path, "harbour-flood.txt", "A different article. With other sentences.\n")
    third = add_files(kb, [other])
    assert third[0].status == "added" and third[0].id == "harbour-flood-2" and "taken" in third[0].notice
    taken = add_files(kb, [_file(tmp_path, "c.txt", "Third text. Yes.\n")], Meta(id="isk-central-asia"))
    assert taken[0].id == "isk-central-asia-2"
    after = sorted(p.name for p in kb.iterdir())
    assert after == sorted([*before, "harbour-flood.md", "harbour-flood-2.md", "isk-central-asia-2.md"])
    source = read_source(kb / "harbour-flood.md")  # the kb format round-trips
    assert source.id == "harbour-flood" and source.body == (ARTICLES / "harbour-flood.txt").read_text()


def test_bad_batch_on_the_command_line(seed_copy, tmp_path):
    """Every bad input: one stderr line naming it; the good file is added; exit 1; kb and index consistent."""
    kb, index = seed_copy
    bad = tmp_path / "bad"
    bad.mkdir()
    inputs = {
        "binary": _file(bad, "photo.txt", b"\x89PNG\r\n\x1a\n" + bytes(64)),
        "latin": _file(bad, "latin.txt", b"caf\xe9 \x81 bad"),
        "empty": _file(bad, "empty.txt", b""),
        "noarticle": ARTICLES / "empty-page.html",
        "missing": bad / "missing.txt",
    }
    big = bad / "huge.txt"
    with open(big, "wb") as handle:
        handle.truncate(50 * 1024 * 1024)
    inputs["huge"] = big
    loopdir = tmp_path / "loopy"
    loopdir.mkdir()
    os.symlink(loopdir, loopdir / "loop")
    inputs["loop"] = loopdir / "loop"
    good = ARTICLES / "harbour-flood.txt"
    paths = [str(p) for p in inputs.values()] + [str(loopdir), str(good)]
    result = run_cli("add", *paths, "--kb", str(kb), "--index", str(index), "--json")
    assert result.returncode == 1, result.stderr
    errors = [line for line in result.stderr.splitlines() if line.startswith("askisk: error:")]
    for name, path in inputs.items():
        mine = [line for line in errors if f"{path}:" in line]
        assert len(mine) == 1, (name, result.stderr)
    events = [json.loads(line) for line in result.stdout.splitlines()]
    assert [e["path"] for e in events if e["event"] == "added"] == [str(good)]
    assert events[-1]["event"] == "build" and events[-1]["embedded"] > 0
    assert sorted(p.name for p in kb.iterdir()) == ["harbour-flood.md", "isk-central-asia.md"]
    from askisk.config import Paths
    from askisk.service import Askisk

    assert not Askisk(Paths(kb, index)).status().stale


def test_failed_rebuild_rolls_the_kb_back(seed_copy):
    kb, index = seed_copy
    (kb / "broken.md").write_text("---\ntitle: [unclosed\n---\nText.\n", encoding="utf-8")
    result = run_cli("add", str(ARTICLES / "harbour-flood.txt"), "--kb", str(kb), "--index", str(index))
    assert result.returncode == 1 and "broken.md" in result.stderr
    assert not (kb / "harbour-flood.md").exists()
    assert not [p for p in kb.iterdir() if p.name.startswith(".")]
