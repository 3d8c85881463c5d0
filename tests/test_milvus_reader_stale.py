"""A reader of a published Milvus build never builds: its own kb differing from the writer's is not
"kb changed" (the TUI, `askisk check`/`eval`, `askisk serve`'s watcher), ctrl+r reloads the published
build instead of building, `add` is refused before the kb is touched, and a newer published build is what
makes it out of date. Real Milvus Lite, one process at a time: the writer builds in this process (so the
running reader and the writer share the one Milvus Lite server) or before the reader starts."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from conftest import SEED_KB, rendered, run_cli, wait_for
from test_milvus_reader import NOTE, QUESTIONS, _ask, _pointer

from askisk.api.live import Live
from askisk.config import Paths
from askisk.errors import InputError
from askisk.index.milvus import MilvusBackend
from askisk.service import Askisk
from askisk.tui.app import AskiskApp, make_app
from askisk.tui.widgets.answer_block import AnswerBlock
from askisk.tui.widgets.question_input import QuestionInput
from askisk.tui.widgets.status_bar import StatusBar

OTHER = """---
id: reader-own
title: "The reader's own note"
date: 2025-01-05
---
The reader's own kb has a note of its own, the clerk said. "It must never reach the shared index," he said.
"""


def _writer_build(kb: Path, index: Path, uri: str) -> None:
    """The writer adds the harbour note and builds, in this process (the reader's Milvus Lite server)."""
    (kb / "harbour-note.md").write_text(NOTE, encoding="utf-8")
    Askisk(Paths(kb, index), backend=MilvusBackend(uri)).rebuild()


def _untouched(reader_index: Path) -> bool:
    return not (reader_index / "CURRENT").exists() and not (reader_index / "builds").exists()


def status(app: AskiskApp) -> StatusBar:
    return app.screen_stack[0].query_one(StatusBar)


async def _ask_in(pilot, question: str) -> AnswerBlock:
    app = pilot.app
    before = len(app.screen.query(AnswerBlock))
    field = app.screen.query_one(QuestionInput)
    field.focus()
    field.value = question
    await pilot.press("enter")
    await wait_for(pilot, lambda: len(app.screen.query(AnswerBlock)) > before)
    block = list(app.screen.query(AnswerBlock))[-1]
    await wait_for(pilot, lambda: block.answer is not None or block._summary.has_class("-error"))
    return block


@pytest.mark.anyio
async def test_the_chat_of_a_reader_reloads_published_builds_and_never_builds_its_own_kb(
    uri_reader, monkeypatch
):
    kb, index, uri, reader_uri, reader_kb, reader_index = uri_reader
    (reader_kb / "reader-own.md").write_text(OTHER, encoding="utf-8")  # a kb unlike the writer's
    before = _pointer(reader_uri)
    assert before is not None
    monkeypatch.setenv("ASKISK_STORE", reader_uri)
    app = make_app(str(reader_kb), str(reader_index))
    async with app.run_test(size=(120, 40)) as pilot:
        await wait_for(pilot, lambda: status(app).state in ("ready", "failed"), 300)
        assert status(app).state == "ready", status(app).detail
        block = await _ask_in(pilot, QUESTIONS[0])
        assert block.cards
        await pilot.pause(0.5)  # the stale check posted before the answer has been handled
        assert status(app).stale is None and "kb changed" not in rendered(status(app))
        service = app.screen_stack[0].session.service
        assert service.reader and "reader-own" not in service.store().docs

        # ctrl+r on a reader reloads the published build: nothing is built from the reader's kb
        await pilot.press("ctrl+r")
        await wait_for(pilot, lambda: status(app).state == "ready" and status(app).state != "busy", 300)
        await pilot.pause(0.5)
        assert "failed" not in status(app).detail, status(app).detail
        assert _untouched(reader_index) and _pointer(reader_uri) == before
        assert "reader-own" not in service.store().docs

        # the writer publishes a newer build: the next question says so, ctrl+r loads it
        _writer_build(kb, index, uri)
        newer = _pointer(reader_uri)
        assert newer is not None and newer["generation"] == before["generation"] + 1
        await _ask_in(pilot, QUESTIONS[1])
        await wait_for(pilot, lambda: status(app).stale is not None)
        shown = rendered(status(app))
        assert "new build published" in shown and "ctrl+r" in shown and "kb changed" not in shown
        await pilot.press("ctrl+r")
        await wait_for(pilot, lambda: status(app).state == "ready" and status(app).stale is None, 300)
        assert "failed" not in status(app).detail, status(app).detail
        store = service.store()
        assert "harbour-note" in store.docs and "reader-own" not in store.docs
        assert store.manifest["build_id"] == newer["manifest"]["build_id"]
        block = await _ask_in(pilot, "What did the mayor say about the harbour?")
        assert any(c.hit.source.id == "harbour-note" for c in block.cards)
        assert status(app).stale is None
    assert _untouched(reader_index) and _pointer(reader_uri) == newer


def test_no_command_builds_on_a_reader_and_add_is_refused_before_the_kb_is_touched(uri_reader):
    kb, index, uri, reader_uri, reader_kb, reader_index = uri_reader
    (reader_kb / "reader-own.md").write_text(OTHER, encoding="utf-8")
    before = _pointer(reader_uri)
    where = ["--kb", str(reader_kb), "--index", str(reader_index)]
    claim = "IS-K was created in 2015."
    want = run_cli("--store", uri, "check", "--json", "--kb", str(kb), "--index", str(index), claim)
    got = run_cli("--store", reader_uri, "check", "--json", *where, claim)
    assert got.returncode == 0 == want.returncode, got.stderr
    assert json.loads(got.stdout) == json.loads(want.stdout)
    evaluated = run_cli(
        "--store", reader_uri, "eval", "--json", "--set", str(SEED_KB / "eval"), "--config", "hybrid", *where
    )
    assert evaluated.returncode == 0, evaluated.stderr
    assert json.loads(evaluated.stdout.splitlines()[0])
    new = reader_kb.parent / "extra.md"
    new.write_text(NOTE.replace("harbour-note", "extra-note"), encoding="utf-8")
    added = run_cli("--store", reader_uri, "add", *where, str(new))
    assert added.returncode == 1
    assert added.stderr.strip().splitlines() == [added.stderr.strip()]
    assert "reads the index another askisk published" in added.stderr and "askisk index" in added.stderr
    assert sorted(p.name for p in reader_kb.iterdir()) == ["reader-own.md"]
    assert _untouched(reader_index) and _pointer(reader_uri) == before
    assert _ask(reader_uri, reader_kb, reader_index, QUESTIONS[0]) == _ask(uri, kb, index, QUESTIONS[0])

    service = Askisk(Paths(reader_kb, reader_index), backend=MilvusBackend(reader_uri))
    try:
        assert service.kb_changed() is None and service.reader  # its kb differs: not "kb changed"
        with pytest.raises(InputError, match="cannot build the index from its own kb"):
            service.rebuild()
        with pytest.raises(InputError, match="cannot remove sources"):
            service.remove("reader-own")
        assert (reader_kb / "reader-own.md").exists()
    finally:
        service.store().close()  # type: ignore[attr-defined]
    assert _untouched(reader_index) and _pointer(reader_uri) == before


def test_serve_on_a_reader_loads_each_published_build_and_never_says_kb_changed(uri_reader, monkeypatch):
    kb, index, uri, reader_uri, reader_kb, reader_index = uri_reader
    (reader_kb / "reader-own.md").write_text(OTHER, encoding="utf-8")
    monkeypatch.setenv("ASKISK_STORE", reader_uri)
    said: list[str] = []
    live = Live(Paths(reader_kb, reader_index), said.append)
    live.load()
    first = live.build_id
    assert not live.check()  # nothing new: no reload, and no "kb changed"
    assert not any("changed" in line or "askisk index" in line for line in said), said
    assert live.service.reader
    _writer_build(kb, index, uri)
    assert live.check() and live.build_id != first
    newer = _pointer(reader_uri)
    assert newer is not None and live.build_id == newer["manifest"]["build_id"]
    assert "harbour-note" in live.service.store().docs and "reader-own" not in live.service.store().docs
    assert not live.check()
    assert not any("changed" in line or "askisk index" in line for line in said), said
    live.service.store().close()  # type: ignore[attr-defined]
    assert _untouched(reader_index)
