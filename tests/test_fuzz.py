"""Property tests of every input boundary (issue #18's harness), with Hypothesis.

The property everywhere: an input is either accepted or refused with one clear line (InputError /
IngestError in the core; exit 1 or 2 on the CLI), never an internal error, a traceback or exit 3; and the
kb and index still answer the seed question afterwards. The core is called in-process on one built seed
index (cheap); the CLI through a subprocess only for a small sample. Profiles live in conftest: "ci"
(fixed examples, bounded) by default, HYPOTHESIS_PROFILE=long by hand; counts with
`pytest tests/test_fuzz.py --hypothesis-show-statistics`.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import subprocess
import sys
from pathlib import Path

import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from askisk.config import Paths
from askisk.errors import InputError
from askisk.report.files import report_target
from askisk.search.scope import Filters
from askisk.service import Askisk
from askisk.sources.importing import Meta
from askisk.sources.kb import load_sources, read_source
from askisk.sources.kbwrite import add_files
from askisk.text import has_controls, printable

SEED_QUESTION = "When was IS-K created?"
BASE = settings.default.max_examples  # 60 in the CI profile


def budget(fraction: float) -> settings:
    """A share of the profile's examples, for properties that cost a process or a parse each."""
    return settings(max_examples=max(3, int(BASE * fraction)), suppress_health_check=list(HealthCheck))


# every code point, surrogates and controls included; questions are short, long or huge
any_char = st.characters(exclude_categories=())
# the characters a hostile source or a careless paste brings, drawn far more often than by chance
nasty_char = st.sampled_from("\x00\x1b\x07\x9b\x7f\r\x08\u202e\ufeff")
questions = st.one_of(
    st.text(any_char, max_size=80),
    st.text(st.sampled_from("\x00\x1b\x07\x9b\r\n\t \u202e\ufeff?IS-K"), max_size=40),
    st.text(any_char, min_size=1900, max_size=2100),
)


def _one_line(message: str) -> None:
    assert message and "\n" not in message.strip() and "Traceback" not in message


# -- questions and claims, in-process -------------------------------------------------------------
@given(questions)
def test_any_question_is_answered_or_refused(seed_service, question):
    try:
        answer = seed_service.ask(question, top_k=3)
    except InputError as exc:
        _one_line(str(exc))
        return
    assert not has_controls(printable(answer.query))
    for hit in answer.results:
        assert hit.source.id == "isk-central-asia"


@budget(0.5)
@given(questions)
def test_any_claim_is_judged_or_refused(seed_service, claim):
    try:
        verdict = seed_service.check(claim, top_k=2)
    except InputError as exc:
        _one_line(str(exc))
        return
    assert verdict.verdict in ("supported", "refuted", "not_enough_info")
    _one_line(verdict.reason)


# -- filters and report paths ------------------------------------------------------------------------
dates = st.one_of(st.none(), st.text(any_char, max_size=12), st.dates().map(dt.date.isoformat))


@given(
    speaker=st.one_of(st.none(), st.text(any_char, max_size=20)),
    sources=st.lists(st.one_of(st.just("isk-central-asia"), st.text(any_char, max_size=12)), max_size=3),
    since=dates,
    until=dates,
)
def test_any_filter_is_applied_or_refused(seed_service, speaker, sources, since, until):
    filters = Filters(speaker=speaker, sources=tuple(sources), since=since, until=until)
    try:
        scope = seed_service.scope(filters)
    except InputError as exc:
        _one_line(str(exc))
        return
    answer = seed_service.ask(SEED_QUESTION, top_k=1, filters=filters)
    assert scope is not None and answer.query == SEED_QUESTION


@given(name=st.text(any_char, min_size=1, max_size=40), fmt=st.sampled_from([None, "md", "json", "txt"]))
def test_any_report_path_is_checked_or_refused(tmp_path_factory, name, fmt):
    folder = tmp_path_factory.mktemp("reports")
    try:
        target = report_target(folder / name, fmt, force=False)
    except InputError as exc:
        _one_line(str(exc))
        return
    except (ValueError, UnicodeEncodeError):  # NUL or a lone surrogate cannot be a path at all
        assert "\x00" in name or any("\ud800" <= c <= "\udfff" for c in name)
        return
    assert target.path.parent.is_dir() and target.format in ("md", "json")


# -- files and front matter into the kb ---------------------------------------------------------------
scalars = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(),
    st.floats(allow_nan=True),
    st.text(st.one_of(nasty_char, any_char.filter(lambda c: not "\ud800" <= c <= "\udfff")), max_size=40),
    st.dates(),
    st.lists(st.text(max_size=5), max_size=3),
)
keys = st.sampled_from(["title", "outlet", "date", "url", "id", "language", "attribution_overrides", "x"])
BODY = "The ferry runs twice a day, the captain said. It is never late.\n"


def _front_matter(draw_meta: dict) -> str:
    head = yaml.safe_dump(draw_meta, allow_unicode=True, sort_keys=False)
    return f"---\n{head}---\n"


@budget(1.0)
@given(
    meta=st.dictionaries(keys, scalars, max_size=6),
    raw=st.one_of(st.none(), st.text(st.sampled_from("title: a\ndate:[]{}'\"#&*!|>-\x1b"), max_size=60)),
)
def test_any_front_matter_is_imported_cleanly_or_refused(tmp_path_factory, meta, raw):
    folder = tmp_path_factory.mktemp("fm")
    kb = folder / "kb"
    text = (f"---\n{raw}\n---\n" if raw is not None else _front_matter(meta)) + BODY
    source = folder / "note.md"
    source.write_text(text, encoding="utf-8")
    (outcome,) = add_files(kb, [source])
    if outcome.status == "failed":
        _one_line(outcome.message)
        return
    assert outcome.status == "added", outcome
    written = read_source(Path(outcome.message))
    for value in (written.title, written.outlet, written.date, written.url):
        assert value is None or not has_controls(value)
    assert load_sources(kb)


@budget(1.0)
@given(
    files=st.lists(
        st.tuples(
            st.sampled_from([".txt", ".md", ".html"]),
            st.one_of(
                st.binary(max_size=300),
                st.text(any_char.filter(lambda c: not "\ud800" <= c <= "\udfff"), max_size=300).map(
                    lambda t: t.encode("utf-8")
                ),
                st.lists(
                    st.sampled_from(
                        [
                            "<p>",
                            "</p>",
                            "<title>T</title>",
                            "<script>x</script>",
                            "Ferries ran. ",
                            "The mayor said it worked. ",
                            "<meta name=date content=2020>",
                            "\x1b]0;x\x07",
                        ]
                    ),
                    max_size=40,
                ).map(lambda parts: "".join(parts).encode()),
            ),
        ),
        min_size=1,
        max_size=3,
    )
)
def _add_random_files(kb: Path, folder: Path, files: list[tuple[str, bytes]]) -> None:
    paths = []
    for n, (suffix, data) in enumerate(files):
        path = folder / f"f{os.urandom(4).hex()}-{n}{suffix}"
        path.write_bytes(data)
        paths.append(path)
    for outcome in add_files(kb, paths, Meta()):
        assert outcome.status in ("added", "duplicate", "failed"), outcome
        if outcome.status == "failed":
            _one_line(outcome.message)
    assert load_sources(kb)  # the kb stays readable after every batch


def test_random_files_leave_a_kb_that_indexes_and_answers(seed_copy, tmp_path):
    kb, index = seed_copy
    folder = tmp_path / "inputs"
    folder.mkdir()
    _add_random_files(kb, folder)  # every example adds into the same kb
    service = Askisk(Paths(kb, index))
    service.rebuild()
    answer = service.ask(SEED_QUESTION)
    assert answer.results and answer.results[0].source.id == "isk-central-asia"


# -- the CLI, a sample through real processes -------------------------------------------------------
@budget(0.15)
@given(
    lines=st.lists(
        st.one_of(
            st.binary(min_size=1, max_size=60).filter(lambda b: b"\n" not in b and b.strip()),
            st.text(
                any_char.filter(lambda c: c not in "\n\r\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029"),
                min_size=1,
                max_size=60,
            )
            .filter(str.strip)
            .map(lambda t: t.encode("utf-8", "surrogatepass")),
        ),
        min_size=1,
        max_size=4,
    ),
    command=st.sampled_from(["ask", "check"]),
)
def test_cli_batches_of_arbitrary_bytes_answer_every_line(seed_built, lines, command):
    kb, index = seed_built
    stdin = b"\n".join([*lines, SEED_QUESTION.encode()]) + b"\n"
    r = subprocess.run(
        [
            sys.executable,
            "-m",
            "askisk",
            command,
            "--json",
            "-k",
            "1",
            "--kb",
            str(kb),
            "--index",
            str(index),
        ],
        input=stdin,
        capture_output=True,
        timeout=300,
    )
    err = r.stderr.decode("utf-8", "replace")
    assert r.returncode in (0, 1), err
    assert "Traceback" not in err and "internal error" not in err
    assert all(line.startswith("askisk: ") for line in err.splitlines()), err
    rows = [json.loads(line) for line in r.stdout.decode("utf-8").splitlines()]
    expected = [line for line in stdin.split(b"\n") if line.decode("utf-8", "surrogateescape").strip()]
    assert len(rows) == len(expected)
    last = rows[-1]
    assert (last.get("results") or last.get("evidence") or last.get("verdict")) is not None
