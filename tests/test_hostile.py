"""Hostile sources and careless input (issue #18), one test per defect, through the real CLI and real
files: report paths that are not files, links out of an added folder, escape sequences in sources,
undecodable questions, a read-only index, guessed HTML dates, size and passage caps, re-adding."""

from __future__ import annotations

import json
import os
import shutil
import stat
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import run_cli

from askisk.sources.importing import IngestError, Limits, Meta, draft

SEED_QUESTION = "When was IS-K created?"
ESC_TITLE = "Evil \x1b[31mred\x1b[0m \x1b]0;PWNED\x07title"
ESC_BODY = "The dam was finished in 2019 \x1b[2J\x9b31m and it holds. Engineers praised the work.\n"


def _loc(kb: Path, index: Path) -> list[str]:
    return ["--kb", str(kb), "--index", str(index)]


# -- 1. a report never replaces a device, a pipe or a symlink ----------------------------------------
def test_report_force_refuses_a_fifo_and_a_symlink(seed_built, tmp_path):
    kb, index = seed_built
    fifo = tmp_path / "pipe.json"
    os.mkfifo(fifo)
    r = run_cli("ask", "--report", str(fifo), "--force", SEED_QUESTION, *_loc(kb, index))
    assert r.returncode == 1 and "not a regular file" in r.stderr, r.stderr
    assert stat.S_ISFIFO(os.lstat(fifo).st_mode)  # still a pipe, not a 4 KB file

    target = tmp_path / "kept.md"
    target.write_text("keep me\n")
    link = tmp_path / "link.md"
    link.symlink_to(target)
    r = run_cli("ask", "--report", str(link), "--force", SEED_QUESTION, *_loc(kb, index))
    assert r.returncode == 1 and "is a symlink" in r.stderr, r.stderr
    assert link.is_symlink() and target.read_text() == "keep me\n"
    assert len(r.stderr.strip().splitlines()) == 1


# -- 2. add FOLDER does not follow links out of the folder ------------------------------------------
def test_add_folder_skips_links_that_leave_it(seed_copy, tmp_path):
    kb, index = seed_copy
    outside = tmp_path / "outside"
    outside.mkdir()
    (outside / "secret.txt").write_text("The secret plan is hidden here. Nobody may read it.\n")
    folder = tmp_path / "notes" / "batch"
    folder.mkdir(parents=True)
    (folder / "inside.txt").write_text("The ferry runs twice a day. The captain said so.\n")
    (tmp_path / "notes" / "above.txt").write_text("This file sits above the folder. It must stay out.\n")
    (folder / "link-out.txt").symlink_to(outside / "secret.txt")
    (folder / "loop").symlink_to(folder.parent)
    (folder / "link-in.txt").symlink_to(folder / "inside.txt")  # inside: the same file, seen once

    r = run_cli("add", "--json", str(folder), *_loc(kb, index))
    assert r.returncode == 0, r.stderr
    events = [json.loads(line) for line in r.stdout.splitlines()]
    added = [e for e in events if e["event"] == "added"]
    skipped = sorted(Path(e["path"]).name for e in events if e["event"] == "skipped")
    assert [Path(e["path"]).name for e in added] == ["inside.txt"]
    assert skipped == ["link-out.txt", "loop"]
    assert "outside" in r.stderr
    texts = "".join(p.read_text() for p in kb.glob("*.md"))
    assert "secret plan" not in texts and "sits above" not in texts


# -- 3. escape sequences in sources never reach the terminal -----------------------------------------
def _hostile_md(folder: Path) -> Path:
    path = folder / "evil.md"
    fm = json.dumps(ESC_TITLE)  # a JSON string is a YAML double-quoted scalar, escapes and all
    path.write_text(f'---\ntitle: {fm}\noutlet: "Bad\\x9bOutlet"\n---\n{ESC_BODY}', encoding="utf-8")
    return path


def test_front_matter_controls_are_removed_on_import(tmp_path):
    d = draft(_hostile_md(tmp_path), Meta())
    assert d.meta["title"] == "Evil [31mred[0m ]0;PWNEDtitle"
    assert d.meta["outlet"] == "BadOutlet"


def test_escape_sequences_are_shown_not_executed(seed_copy, tmp_path):
    kb, index = seed_copy
    # a kb file written by hand, controls in the title and the body
    (kb / "evil.md").write_text(f"---\ntitle: {json.dumps(ESC_TITLE)}\n---\n{ESC_BODY}", encoding="utf-8")
    listed = run_cli("sources", *_loc(kb, index))
    assert listed.returncode == 0, listed.stderr
    asked = run_cli("ask", "-k", "3", "When was the dam finished?", *_loc(kb, index))
    checked = run_cli("check", "The dam was finished in 2019.", *_loc(kb, index))
    for out in (listed.stdout, asked.stdout, checked.stdout, listed.stderr, asked.stderr):
        assert "\x1b" not in out and "\x07" not in out and "\x9b" not in out
    assert "␛]0;PWNED␇title" in listed.stdout.replace("\n", "")
    assert "␛[2J" in asked.stdout
    as_json = run_cli("ask", "--json", "-k", "3", "When was the dam finished?", *_loc(kb, index))
    assert "\x9b" not in as_json.stdout  # C1 escaped as \u009b; the data is exact
    texts = [h["text"] for h in json.loads(as_json.stdout)["results"]]
    assert any("\x1b[2J\x9b31m" in t for t in texts)
    report = tmp_path / "r.md"
    run_cli("ask", "--report", str(report), "When was the dam finished?", *_loc(kb, index))
    shown = report.read_text()
    assert "\x1b" not in shown and "␛" in shown  # Markdown escapes the "[" after it


def test_nul_in_a_question_is_not_echoed_raw(seed_built):
    kb, index = seed_built
    r = run_cli("ask", "When was IS-K\x01 created?", *_loc(kb, index))
    assert r.returncode == 0 and "\x01" not in r.stdout and "IS-K␁ created" in r.stdout


# -- 8. questions that are not UTF-8 fail alone ----------------------------------------------------
def test_undecodable_question_fails_alone(seed_built):
    kb, index = seed_built
    env = {**os.environ}
    stdin = b"When was IS-K \xff created?\nWho killed its first leaders?\n"
    r = subprocess.run(
        [sys.executable, "-m", "askisk", "ask", "--json", *_loc(kb, index)],
        input=stdin,
        capture_output=True,
        env=env,
        timeout=300,
    )
    assert r.returncode == 1, r.stderr
    lines = [json.loads(line) for line in r.stdout.decode().splitlines()]
    assert len(lines) == 2
    assert "not UTF-8" in lines[0]["error"] and lines[0]["query"] == "When was IS-K \ufffd created?"
    assert lines[1]["results"]
    assert b"internal error" not in r.stderr and b"Traceback" not in r.stderr
    argv = subprocess.run(
        [sys.executable, "-m", "askisk", "check", b"When was IS-K \xff created?", *_loc(kb, index)],
        capture_output=True,
        timeout=300,
    )
    assert argv.returncode == 1 and argv.stderr.count(b"\n") == 1 and b"not UTF-8" in argv.stderr


# -- 9. a read-only index still answers ------------------------------------------------------------
def _read_only_command(index: Path, args: list[str]) -> list[str] | None:
    """The command with `index` read-only: chmod for a user; for root (who ignores modes) a read-only bind
    mount in a private mount namespace, gone with the process. None when neither is possible."""
    if os.geteuid() != 0:
        for path in [index, *index.rglob("*")]:
            path.chmod(0o555 if path.is_dir() else 0o444)
        return args
    if not shutil.which("unshare") or subprocess.run(["unshare", "-m", "true"]).returncode != 0:
        return None
    script = 'mount --bind "$0" "$0" && mount -o remount,ro,bind "$0" && exec "$@"'
    return ["unshare", "-m", "sh", "-c", script, str(index), *args]


def test_read_only_index_answers_from_the_old_build(seed_copy):
    kb, index = seed_copy
    (kb / "extra.md").write_text("A new note. The kb changed after the build.\n")
    args = [sys.executable, "-m", "askisk", "ask", "--json", SEED_QUESTION, *_loc(kb, index)]
    command = _read_only_command(index, args)
    if command is None:
        pytest.skip("cannot make a folder read-only for root here")
    try:
        r = subprocess.run(command, capture_output=True, text=True, timeout=300)
    finally:
        for path in [index, *index.rglob("*")]:
            path.chmod(0o755 if path.is_dir() else 0o644)
    assert r.returncode == 0, r.stderr
    assert json.loads(r.stdout)["results"]
    assert "could not refresh the index" in r.stderr and "internal error" not in r.stderr
    assert len([line for line in r.stderr.splitlines() if "warning" in line]) == 1


# -- 5. an HTML page without a date gets none ------------------------------------------------------
ARTICLE_HTML = (
    "<html><head><title>The new dam</title>{meta}</head><body><article><h1>The new dam</h1>"
    "<p>The dam on the river was finished in 2020 after six years of work by the regional authority.</p>"
    "<p>Engineers said the structure will hold back floods for a century, and farmers welcomed it.</p>"
    "</article></body></html>"
)


def test_html_date_only_from_the_page_metadata(tmp_path):
    undated = tmp_path / "undated.html"
    undated.write_text(ARTICLE_HTML.format(meta=""))
    d = draft(undated, Meta())
    assert d.meta["date"] is None and "date_from" not in d.meta
    dated = tmp_path / "dated.html"
    dated.write_text(
        ARTICLE_HTML.format(meta='<meta property="article:published_time" content="2024-05-14T08:00:00Z">')
    )
    d = draft(dated, Meta())
    assert d.meta["date"] == "2024-05-14" and d.meta["date_from"] == "page metadata"
    given = draft(undated, Meta(date="2023-01-02"))
    assert given.meta["date"] == "2023-01-02" and given.meta["date_from"] == "command line"


# -- 7. explicit caps -------------------------------------------------------------------------------
def test_size_and_passage_caps_are_explicit_and_configurable(seed_copy, tmp_path):
    kb, index = seed_copy
    long_file = tmp_path / "long.txt"
    long_file.write_text("".join(f"Sentence number {i} is here. " for i in range(40)) + "\n")
    with pytest.raises(IngestError, match="limit is 30 per source"):
        from askisk.sources.kbwrite import _check_indexable

        _check_indexable(kb / "long.md", long_file.read_text(), Limits(max_passages=30))
    r = run_cli("add", str(long_file), "--max-passages", "30", *_loc(kb, index))
    assert r.returncode == 1 and "40 passages (sentences); the limit is 30 per source" in r.stderr
    r = run_cli("add", str(long_file), *_loc(kb, index), env={"ASKISK_MAX_SOURCE_MB": "0.0005"})
    assert r.returncode == 1 and "file is 1 KB; the limit is 524 bytes" in r.stderr, r.stderr
    assert "--max-size MB or $ASKISK_MAX_SOURCE_MB" in r.stderr
    assert not (kb / "long.md").exists()


# -- smaller: re-adding an edited file ---------------------------------------------------------------
def test_readding_an_edited_file_says_how_to_replace_it(seed_copy, tmp_path):
    kb, index = seed_copy
    note = tmp_path / "ferry-note.txt"
    note.write_text("The ferry runs twice a day. The captain said so.\n")
    assert run_cli("add", str(note), *_loc(kb, index)).returncode == 0
    note.write_text("The ferry runs three times a day. The captain said so.\n")
    beside = run_cli("add", str(note), *_loc(kb, index))
    assert beside.returncode == 0 and "--replace" in beside.stderr and (kb / "ferry-note-2.md").exists()
    (kb / "ferry-note-2.md").unlink()
    note.write_text("The ferry runs four times a day. The captain said so.\n")
    replaced = run_cli("add", "--replace", str(note), *_loc(kb, index))
    assert replaced.returncode == 0, replaced.stderr
    assert "replaces the earlier text" in replaced.stderr
    assert "four times" in (kb / "ferry-note.md").read_text()
    assert not list(kb.glob(".*removed")) and not (kb / ".askisk-journal.json").exists()
    listed = [json.loads(x) for x in run_cli("sources", "--json", *_loc(kb, index)).stdout.splitlines()]
    assert [s["id"] for s in listed if s["id"].startswith("ferry")] == ["ferry-note"]


def test_manifest_with_wrong_types_is_named_as_damaged(seed_copy):
    from askisk.index.layout import MANIFEST, current_build_dir

    kb, index = seed_copy
    manifest_path = current_build_dir(index) / MANIFEST
    manifest = json.loads(manifest_path.read_text())
    manifest["kb_hash"] = 12345
    manifest_path.write_text(json.dumps(manifest))
    r = run_cli("sources", *_loc(kb, index))
    assert r.returncode == 0
    assert "manifest is damaged (kb_hash" in r.stderr and "knowledge base changed" not in r.stderr


# -- 4. numbers compare with their units normalised ---------------------------------------------------
@pytest.mark.parametrize(
    ("claim", "passage", "verdict"),
    [
        (
            "Exports rose by 12% in 2021.",
            "Exports rose by 12 percent in 2021, the ministry said.",
            "supported",
        ),
        (
            "Exports rose by 12 per cent in 2021.",
            "Exports rose by 12% in 2021, the ministry said.",
            "supported",
        ),
        ("The pipeline is 1,200 km long.", "The new pipeline is 1,200 kilometres long.", "supported"),
        ("The road runs 182 km to the border.", "The road runs 182 kilometers to the border.", "supported"),
        ("The bridge cost $5m.", "The bridge cost 5 million dollars, the council said.", "supported"),
        ("The bridge cost USD 5,000,000.", "The bridge cost $5 million, the council said.", "supported"),
        (
            "About 3.5bn people live in the region.",
            "About 3.5 billion people live in the region.",
            "supported",
        ),
        ("Exports rose by 15% in 2021.", "Exports rose by 12 percent in 2021, the ministry said.", "refuted"),
    ],
)
def test_units_are_normalised_before_numbers_compare(seed_service, claim, passage, verdict):
    from dataclasses import replace

    from askisk.verify.verdict import decide

    template = seed_service.ask(SEED_QUESTION).results[0]
    hit = replace(
        template, text=passage, context=passage, resolved="", speaker=None, attribution="narration", cue=None
    )
    hit = replace(hit, scores={"dense": 0.8, "bm25": 10.0})
    result = decide(claim, [hit])
    assert result.verdict == verdict, result.reason
    if verdict == "refuted":
        assert "claim says 15, source says 12" in result.reason
    else:
        assert "does not give" not in result.reason


# -- 7. progress for long builds ---------------------------------------------------------------------
def test_progress_lines_on_piped_stderr(seed_copy):
    import re

    kb, index = seed_copy
    r = run_cli("index", "--full", *_loc(kb, index), env={"ASKISK_PROGRESS_EVERY": "0"})
    assert r.returncode == 0, r.stderr
    lines = re.findall(r"^embedding ([\d,]+)/([\d,]+) passages(.*)$", r.stderr, re.MULTILINE)
    assert lines, r.stderr
    done, total, tail = lines[-1]
    assert done == total and re.match(r", [\d,]+/s, in \d+[smh]$", tail), lines[-1]
    assert int(total.replace(",", "")) > 0


def test_progress_line_rate_and_eta():
    from askisk.cli.progress import progress_line

    assert progress_line("embedding", 0, 119_160, 0.0, 0) == "embedding 0/119,160 passages"
    assert (
        progress_line("embedding", 2048, 119_160, 20.0, 2048)
        == "embedding 2,048/119,160 passages, 102/s, about 19m left"
    )
    assert progress_line("embedding", 500, 500, 5.0, 500) == "embedding 500/500 passages, 100/s, in 5s"
