"""Reports (`askisk check/ask --report`): golden files on the seed, exact quoting, citations, bad input.

Goldens live in tests/golden/ and are written by the real command on the real seed index; volatile
provenance (check time, build time and id, version, paths) is normalised before comparing. After a
deliberate change: `ASKISK_UPDATE_GOLDEN=1 pytest tests/test_report.py`, then read the diff.
"""

from __future__ import annotations

import json
import os
import re

import pytest
from conftest import ROOT, run_cli

from askisk.errors import InputError
from askisk.models import Hit, SourceRef
from askisk.report.files import report_target, write_report
from askisk.report.render import citation, md_escape

GOLDEN = ROOT / "tests" / "golden"
UPDATE = bool(os.environ.get("ASKISK_UPDATE_GOLDEN"))
CLAIMS = [  # two of each verdict, two of them "X said Y" (attribution yes / no)
    "An IS-K bombing in Kabul in May 2021 killed 90 people.",
    "McKenzie said IS-K would be able to conduct attacks out of Afghanistan within 12 to 18 months.",
    "An IS-K bombing killed 200 people in Kabul in May 2021.",
    "McKenzie said the Central Asian countries are more stable than Syria and Iraq.",
    "IS-K has about 4,000 fighters in Afghanistan.",
    "IS-K has an annual budget of about 10 million dollars.",
]
QUESTIONS = ["Who said the border is controlled effectively?", "When was IS-K founded?"]
VOLATILE_JSON = ("askisk_version", "index_built_at", "index_build_id", "checked_at", "kb", "index")
VOLATILE_MD = [
    (re.compile(r"^- askisk \S+;", re.M), "- askisk <version>;"),
    (re.compile(r"^(- knowledge base content hash `\w+`) \(.*\)$", re.M), r"\1 (<kb>)"),
    (re.compile(r"^- index build `[^`]*`, built .*$", re.M), "- index build `<build id>`, built <built at>"),
    (re.compile(r"^- checked .*$", re.M), "- checked <checked at>"),
]


def _normalise(text: str, fmt: str) -> str:
    if fmt == "json":
        data = json.loads(text)
        for key in VOLATILE_JSON:
            data["provenance"][key] = f"<{key}>"
        return json.dumps(data, ensure_ascii=False, indent=2) + "\n"
    for pattern, repl in VOLATILE_MD:
        text = pattern.sub(repl, text)
    return text


def _golden(name: str, text: str) -> None:
    path = GOLDEN / name
    if UPDATE:
        GOLDEN.mkdir(exist_ok=True)
        path.write_text(text, encoding="utf-8")
    assert path.is_file(), f"no golden {path}; run with ASKISK_UPDATE_GOLDEN=1 and read it"
    assert text == path.read_text(encoding="utf-8")


def _loc(seed) -> list[str]:
    return ["--kb", str(seed[0]), "--index", str(seed[1])]


@pytest.mark.parametrize(
    ("command", "items", "stem"), [("check", CLAIMS, "check"), ("ask", QUESTIONS, "ask")]
)
@pytest.mark.parametrize("fmt", ["md", "json"])
def test_report_matches_golden(seed_built, tmp_path, command, items, stem, fmt):
    out = tmp_path / f"report.{fmt}"
    proc = run_cli(command, *_loc(seed_built), "-k", "2", "--report", str(out), stdin="\n".join(items))
    assert proc.returncode == 0, proc.stderr
    assert f"report written to {out}" in proc.stderr
    assert proc.stdout.strip()  # the usual output still goes to stdout
    _golden(f"{stem}-report.{fmt}", _normalise(out.read_text(encoding="utf-8"), fmt))


def test_json_report_separates_attribution_from_content(seed_built, tmp_path):
    out = tmp_path / "r.json"
    proc = run_cli("check", *_loc(seed_built), "--report", str(out), stdin="\n".join(CLAIMS))
    assert proc.returncode == 0, proc.stderr
    claims = {c["claim"]: c for c in json.loads(out.read_text())["claims"]}
    said = claims[CLAIMS[1]]
    assert said["verdict"] == "supported" and said["attribution"]["answer"] == "yes"
    wrong = claims[CLAIMS[3]]
    assert wrong["verdict"] == "refuted" and wrong["mismatch"] == "attribution"
    assert wrong["attribution"]["answer"] == "no" and wrong["content"]["answer"] == "supported"
    assert claims[CLAIMS[2]]["attribution"] is None and claims[CLAIMS[2]]["content"]["answer"] == "refuted"
    assert claims[CLAIMS[5]]["evidence"] == []


# -- exact quoting ---------------------------------------------------------------------------------
def _rendered_text(markdown: str) -> str:
    """The text a CommonMark renderer shows for `markdown` (markdown-it, which rich already depends on)."""
    from markdown_it import MarkdownIt

    tokens = MarkdownIt("commonmark").enable("strikethrough").parse(markdown)
    parts = []
    for tok in tokens:
        if tok.type == "inline":
            assert {c.type for c in tok.children} <= {"text", "softbreak", "hardbreak"}, markdown
            parts.append("".join(c.content if c.type == "text" else " " for c in tok.children))
        assert tok.type not in ("html_block", "fence", "code_block", "heading_open", "bullet_list_open")
    return " ".join(" ".join(parts).split())


TRICKY = [
    "*not bold* and _not italic_ and `not code` and [not](a link) and ![no](image)",
    "# not a heading",
    "- not a list item",
    "1. not an ordered list",
    "> not a nested quote <b>not html</b> &amp; stays &amp;",
    "a \\ backslash, a | pipe, ~~not struck~~, $not math$, + plus",
    "two\nlines\n\n---\nand a rule\n====",
    "    four spaces are not code",
]


@pytest.mark.parametrize("text", TRICKY)
def test_markdown_escaping_keeps_the_exact_words(text):
    quoted = "\n".join(f"> {line}" if line else ">" for line in md_escape(text).split("\n"))
    assert _rendered_text(quoted) == " ".join(text.split())


def test_every_seed_passage_renders_to_its_exact_text(seed_service):
    for passage, _ in seed_service.store().rows:
        hit = _hit(text=passage.text)
        quote = citation(hit, "markdown").rsplit("\n>\n", 1)[0]
        assert _rendered_text(quote) == " ".join(passage.text.split())


# -- citations -------------------------------------------------------------------------------------
def _hit(text="“The number fell by almost half,” said Colonel Nazarova.", url="https://example.org/b"):
    source = SourceRef("border-report", "Border posts *along* the Panj", "/kb/b.md", "Steppe Monitor",
                       "2024-05-14", url)  # fmt: skip
    return Hit(1, 0.9, text, "Colonel Farida Nazarova", "quote", "said Colonel Nazarova", source,
               "border-report:0001:abcd", 2, 1, text)  # fmt: skip


def test_citation_styles():
    hit = _hit()
    assert citation(hit, "plain") == (
        "“The number fell by almost half,” said Colonel Nazarova.\n"
        "— Colonel Farida Nazarova (quote; cue: “said Colonel Nazarova”), Border posts *along* the Panj, "
        "Steppe Monitor, 2024-05-14, ¶2, https://example.org/b"
    )
    assert citation(hit, "markdown") == (
        "> “The number fell by almost half,” said Colonel Nazarova.\n>\n"
        "> — Colonel Farida Nazarova (quote; cue: “said Colonel Nazarova”) · "
        "*Border posts \\*along\\* the Panj* (border-report) · Steppe Monitor · 2024-05-14 · ¶2 · "
        "<https://example.org/b>"
    )
    data = json.loads(citation(hit, "json"))
    assert data["text"] == hit.text and data["source"]["url"] == "https://example.org/b"
    assert data["paragraph"] == 2 and data["cue"] == "said Colonel Nazarova"
    with pytest.raises(InputError, match="unknown citation style"):
        citation(hit, "apa")


# -- writing ---------------------------------------------------------------------------------------
def test_write_is_atomic_and_leaves_nothing_on_failure(tmp_path, monkeypatch):
    target = report_target(tmp_path / "r.md")
    write_report(target, "first\n")
    assert (tmp_path / "r.md").read_text() == "first\n"
    with pytest.raises(InputError, match="already exists"):
        write_report(target, "second\n")

    def broken(*_args):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", broken)
    with pytest.raises(InputError, match="No space left on device"):
        write_report(report_target(tmp_path / "r.md", force=True), "second\n")
    assert (tmp_path / "r.md").read_text() == "first\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["r.md"]


def _bad(tmp_path, *args, loc=None):
    before = set(tmp_path.rglob("*"))
    proc = run_cli(*args, *(_loc(loc) if loc else []))
    assert proc.returncode != 0
    lines = proc.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("askisk: error: "), proc.stderr
    assert set(tmp_path.rglob("*")) == before  # nothing written, no temp file left
    return lines[0]


def test_bad_report_paths_are_one_clear_line(tmp_path):
    blocker = tmp_path / "some_file.txt"
    blocker.write_text("x")
    assert "is a file, not a folder" in _bad(tmp_path, "check", "c", "--report", str(blocker / "r.md"))
    assert "does not exist" in _bad(tmp_path, "check", "c", "--report", str(tmp_path / "nope" / "r.md"))
    assert "already exists" in _bad(tmp_path, "check", "c", "--report", str(blocker), "--format", "md")
    assert blocker.read_text() == "x"
    assert "unknown report format" in _bad(tmp_path, "ask", "q", "--report", str(tmp_path / "r.txt"))
    assert "unknown report format 'pdf'" in _bad(
        tmp_path, "ask", "q", "--report", str(tmp_path / "r.md"), "--format", "pdf"
    )
    assert "is a folder" in _bad(tmp_path, "check", "c", "--report", str(tmp_path))
    assert "only apply with --report" in _bad(tmp_path, "check", "c", "--force")


def test_unwritable_folder_message(tmp_path, monkeypatch):
    """The check itself, also under root (where chmod cannot make a folder unwritable)."""
    monkeypatch.setattr(os, "access", lambda *_args: False)
    with pytest.raises(InputError, match="is not writable"):
        report_target(tmp_path / "r.md")


@pytest.mark.skipif(os.geteuid() == 0, reason="root writes through chmod 0o500; see the file-as-folder case")
def test_unwritable_report_folder(tmp_path):
    locked = tmp_path / "locked"
    locked.mkdir(mode=0o500)
    assert "not writable" in _bad(tmp_path, "check", "c", "--report", str(locked / "r.md"))


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--source", "nope"], "unknown source id nope"),
        (["--since", "2024-13"], "malformed --since date"),
        (["--until", "14/05/2024"], "malformed --until date"),
    ],
)
def test_bad_filters_write_no_report(two_sources, tmp_path, args, message):
    line = _bad(tmp_path, "check", "claim", "--report", str(tmp_path / "r.md"), *args, loc=two_sources)
    assert message in line


def test_check_source_filter_and_report_provenance(two_sources, tmp_path):
    claim = "The number of attempted crossings fell by almost half since January."
    out = tmp_path / "r.json"
    proc = run_cli("check", "--json", claim, "--source", "border-report", "--report", str(out),
                   *_loc(two_sources))  # fmt: skip
    assert proc.returncode == 0, proc.stderr
    verdict = json.loads(proc.stdout)
    assert verdict["verdict"] == "supported"
    assert {h["source"]["id"] for h in verdict["evidence"]} == {"border-report"}
    report = json.loads(out.read_text())
    assert report["provenance"]["filters"]["sources"] == ["border-report"]
    cited = report["claims"][0]["evidence"][0]
    assert cited["source"]["outlet"] == "Steppe Monitor" and cited["source"]["date"] == "2024-05-14"
    assert cited["source"]["url"] == "https://example.org/border-report"
    other = run_cli("check", "--json", claim, "--source", "isk-central-asia", *_loc(two_sources))
    assert json.loads(other.stdout)["verdict"] != "supported"
    assert all(h["source"]["id"] == "isk-central-asia" for h in json.loads(other.stdout)["evidence"])


def test_eval_source_filter_is_for_claims_only(two_sources):
    proc = run_cli(
        "eval", "--source", "border-report", *_loc(two_sources), "--set", str(ROOT / "kb" / "eval")
    )
    assert proc.returncode == 1 and "apply to `askisk eval --claims` only" in proc.stderr


def test_eval_claims_accepts_source_filters(two_sources):
    args = ("eval", "--claims", "--json", "--set", str(ROOT / "kb" / "eval"), *_loc(two_sources))
    seed_only = run_cli(*args, "--source", "isk-central-asia")
    assert seed_only.returncode == 0, seed_only.stderr
    # the seed's claims written with the verifier in view (`dev`), on the seed alone, and then where they
    # cannot be judged
    assert json.loads(seed_only.stdout)["dev"]["accuracy"] > 0.9
    wrong = run_cli(*args, "--source", "border-report")
    assert json.loads(wrong.stdout)["dev"]["accuracy"] < 0.5


def test_report_lists_what_failed_and_force_overwrites(seed_built, tmp_path):
    out = tmp_path / "r.md"
    out.write_text("old report\n")
    stdin = "Azizi says the border is controlled effectively.\n" + "x" * 2001
    proc = run_cli("check", *_loc(seed_built), "--report", str(out), "--force", stdin=stdin)
    assert proc.returncode == 1  # one claim failed; the report still records both
    text = out.read_text()
    assert "## 1. SUPPORTED: Azizi says the border is controlled effectively." in text
    assert "## Not checked" in text and "the limit is 2,000" in text
    assert sorted(p.name for p in tmp_path.iterdir()) == ["r.md"]


def test_session_export_keeps_the_order_and_both_kinds(seed_service):
    from datetime import datetime

    from askisk.report.render import provenance, render_session

    items = [seed_service.ask(QUESTIONS[0], top_k=1), seed_service.check(CLAIMS[3], top_k=1)]
    prov = provenance(seed_service.build_info(), top_k=1, now=datetime(2026, 1, 2, 3, 4, 5).astimezone())
    data = json.loads(render_session(items, prov, "json"))
    assert [i["type"] for i in data["items"]] == ["question", "claim"]
    assert data["provenance"]["checked_at"].startswith("2026-01-02T03:04:05")
    assert data["items"][1]["attribution"]["answer"] == "no"
    text = render_session(items, prov, "md")
    assert "1 question and 1 claim" in text
    assert text.index("## 1. Q: Who said") < text.index("## 2. REFUTED: McKenzie said")
