"""Readers that need only the Milvus URI: a second askisk with the same URI and an empty index folder
answers like the writer and never builds; the publish points (after the writer's CURRENT rename, after
the records before the pointer) are killed for real and the next build repairs them (Milvus Lite: one
file, used by one process after the other)."""

from __future__ import annotations

import json
import signal
from pathlib import Path

import pytest
from conftest import run_cli

from askisk.config import Paths
from askisk.index.milvus import MilvusBackend, MilvusStore
from askisk.index.milvus_publish import meta_name, published
from askisk.index.milvus_schema import connect, disconnect, parse_target
from askisk.models import OPEN_SCOPE

QUESTIONS = ("When was IS-K created?", "Who killed the first leaders of IS-K?")
NOTE = """---
id: harbour-note
title: "Harbour note"
date: 2024-03-02
---
The harbour flooded on Monday night, the mayor said. "We have never seen water this high," she told reporters.
"""


def _ask(uri: str, kb: Path, index: Path, question: str, *extra: str) -> dict:
    proc = run_cli("--store", uri, "ask", "--json", "--kb", str(kb), "--index", str(index), *extra, question)
    assert proc.returncode == 0, proc.stderr
    return json.loads(proc.stdout)


def _pointer(uri: str) -> dict | None:
    target = parse_target(uri)
    client = connect(target)
    try:
        assert target.collection is not None
        return published(client, target.collection)
    finally:
        disconnect(client, target)


def _reader_store(reader_uri: str, kb: Path, index: Path) -> MilvusStore:
    store = MilvusBackend(reader_uri).load(Paths(kb, index))
    assert isinstance(store, MilvusStore) and not store.local_vectors
    return store


def test_a_reader_with_only_the_uri_answers_like_the_writer_and_never_builds(uri_reader):
    kb, index, uri, reader_uri, reader_kb, reader_index = uri_reader
    before = _pointer(reader_uri)
    assert before is not None
    for question in QUESTIONS:
        want = _ask(uri, kb, index, question)
        assert want["results"]
        assert _ask(reader_uri, reader_kb, reader_index, question) == want
    want = _ask(uri, kb, index, QUESTIONS[0], "--speaker", "Azizi")
    assert _ask(reader_uri, reader_kb, reader_index, QUESTIONS[0], "--speaker", "Azizi") == want
    # a reader whose own kb differs (a writer would rebuild from it) still answers from the published build
    (reader_kb / "harbour-note.md").write_text(NOTE, encoding="utf-8")
    assert _ask(reader_uri, reader_kb, reader_index, QUESTIONS[1]) == _ask(uri, kb, index, QUESTIONS[1])
    assert _pointer(reader_uri) == before  # nothing published, i.e. nothing built
    assert not (reader_index / "CURRENT").exists() and not (reader_index / "builds").exists()
    store = _reader_store(reader_uri, reader_kb, reader_index)
    try:
        assert "harbour-note" not in store.docs and store.count(OPEN_SCOPE) == len(store.rows)
        assert store.generation == before["generation"]
    finally:
        store.close()


def test_a_reader_of_an_unknown_collection_is_told_in_one_line(uri_reader):
    _, _, uri, _, reader_kb, reader_index = uri_reader
    proc = run_cli(
        "--store",
        f"{uri}?collection=nobody_here",
        "ask",
        "--kb",
        str(reader_kb),
        "--index",
        str(reader_index),
        "x",
    )
    assert proc.returncode == 1
    assert proc.stderr.strip().splitlines() == [proc.stderr.strip()] and "askisk: error: " in proc.stderr
    bad = run_cli("--store", f"{uri}?collection=9lives", "ask", "--kb", str(reader_kb), "x")
    assert bad.returncode == 1 and "malformed collection name '9lives'" in bad.stderr


@pytest.mark.parametrize("point", ["after-switch", "before-pointer"])
def test_a_publish_killed_leaves_readers_on_the_old_build_and_the_next_build_repairs_it(uri_reader, point):
    kb, index, uri, reader_uri, reader_kb, reader_index = uri_reader
    store = _reader_store(reader_uri, reader_kb, reader_index)
    old_gen, old_rows = store.generation, len(store.rows)
    store.close()
    (kb / "harbour-note.md").write_text(NOTE, encoding="utf-8")
    where = ["--kb", str(kb), "--index", str(index)]
    killed = run_cli("--store", uri, "index", *where, env={"ASKISK_FAULT": point})
    assert killed.returncode == -signal.SIGKILL
    writer = MilvusBackend(uri).load(Paths(kb, index))  # live here: CURRENT names the new build
    assert writer.generation == old_gen + 1 and "harbour-note" in writer.docs
    new_rows = len(writer.rows)
    writer.close()
    store = _reader_store(reader_uri, reader_kb, reader_index)  # URI readers: still the old build, whole
    try:
        assert store.generation == old_gen and "harbour-note" not in store.docs
        assert store.count(OPEN_SCOPE) == len(store.rows) == old_rows
    finally:
        store.close()
    # the next build, killed once its rows are written and the old ones deleted: by then it has published
    # the live build, so URI readers are on it, whole (without the repair they would be on rows just deleted)
    again = run_cli("--store", uri, "index", *where, env={"ASKISK_FAULT": "before-switch"})
    assert again.returncode == -signal.SIGKILL
    store = _reader_store(reader_uri, reader_kb, reader_index)
    try:
        assert store.generation == old_gen + 1 and "harbour-note" in store.docs
        assert store.count(OPEN_SCOPE) == len(store.rows) == new_rows
    finally:
        store.close()
    done = run_cli("--store", uri, "index", *where)
    assert done.returncode == 0, done.stderr
    pointer = _pointer(reader_uri)
    assert pointer is not None and pointer["generation"] == old_gen + 2
    question = "What did the mayor say about the harbour?"
    assert _ask(reader_uri, reader_kb, reader_index, question) == _ask(uri, kb, index, question)
    # the meta collection keeps the records of the live and the previous generation only
    target = parse_target(reader_uri)
    client = connect(target)
    try:
        assert target.collection is not None
        client.load_collection(meta_name(target.collection))  # Milvus Lite opens every collection released
        gens = client.query(meta_name(target.collection), filter="pk != 0", output_fields=["generation"])
        assert {int(g["generation"]) for g in gens} == {old_gen + 1, old_gen + 2}
    finally:
        disconnect(client, target)
