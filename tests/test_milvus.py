"""What only the Milvus store has: its selection, its collection (one per kb, versioned), generations
that hide a killed `add`, and pymilvus kept off the local path."""

from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import sys
import time
from dataclasses import asdict, replace
from pathlib import Path

import numpy as np
import pytest
from conftest import FIXTURES, SEED_KB, copy_milvus, run_cli, store_uri

from askisk.config import Paths
from askisk.errors import BrokenIndexError, InputError
from askisk.evaluate.retrieval import load_questions
from askisk.index.milvus import MilvusBackend, MilvusStore
from askisk.index.select import backend_for
from askisk.models import OPEN_SCOPE, Scope
from askisk.search.fusion import DEFAULT_CONFIG
from askisk.service import Askisk

ARTICLE = FIXTURES / "articles" / "harbour-flood.txt"


@pytest.fixture
def milvus_copy(milvus_seed, tmp_path, monkeypatch) -> tuple[Path, Path, str]:
    uri = store_uri("milvus-lite", tmp_path / "store")
    monkeypatch.setenv("ASKISK_STORE", uri)
    kb, index = copy_milvus(milvus_seed, tmp_path / "copy", uri)
    return kb, index, uri


def _loc(kb: Path, index: Path) -> list[str]:
    return ["--kb", str(kb), "--index", str(index)]


@pytest.mark.parametrize(
    ("uri", "message"),
    [
        ("bogus://x", "unknown store 'bogus://x'"),
        ("milvus-lite://", "malformed store 'milvus-lite://'"),
        ("milvus-lite:///tmp/askisk.sqlite", "use milvus-lite:///path/to/askisk.db"),
    ],
)
def test_a_bad_store_uri_is_one_clear_line(uri, message, tmp_path):
    with pytest.raises(InputError, match=message):
        backend_for(uri)
    proc = run_cli("--store", uri, "ask", *_loc(tmp_path / "kb", tmp_path / "index"), "question")
    assert proc.returncode == 1
    lines = proc.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("askisk: error: ") and message in lines[0]


def test_the_local_path_never_imports_pymilvus_or_grpc(seed_built):
    kb, index = seed_built
    probe = (
        "import sys; from askisk.cli import main; code = main(sys.argv[1:]); "
        "print(sorted(m for m in ('pymilvus', 'grpc', 'milvus_lite') if m in sys.modules)); sys.exit(code)"
    )
    local = subprocess.run(
        [sys.executable, "-c", probe, "ask", "--json", *_loc(kb, index), "When was IS-K created?"],
        capture_output=True,
        text=True,
        env={**os.environ, "ASKISK_STORE": ""},
    )
    assert local.returncode == 0, local.stderr
    assert local.stdout.splitlines()[-1] == "[]"


def test_a_milvus_store_answers_like_the_local_one_and_imports_pymilvus(milvus_copy, seed_built):
    kb, index, uri = milvus_copy
    probe = (
        "import sys; from askisk.cli import main; code = main(sys.argv[1:]); "
        "print(sorted(m for m in ('pymilvus', 'grpc') if m in sys.modules)); sys.exit(code)"
    )
    question = "Who killed the first leaders of IS-K?"
    milvus = subprocess.run(
        [sys.executable, "-c", probe, "--store", uri, "ask", "--json", *_loc(kb, index), question],
        capture_output=True,
        text=True,
        env=dict(os.environ),
    )
    assert milvus.returncode == 0, milvus.stderr
    *answer, imported = milvus.stdout.splitlines()
    assert imported == "['grpc', 'pymilvus']"
    # Milvus holds one vector a passage, so its default fuses without MaxSim: the local store's default
    # without it is what it must match
    local = Askisk(Paths(*seed_built), backend=backend_for("local"))
    without = replace(DEFAULT_CONFIG, maxsim=0.0)
    want = [asdict(h) for h in local.ask(question, config=without).results]
    got = json.loads(answer[0])["results"]
    assert [h["passage_id"] for h in got] == [h["passage_id"] for h in want]
    for g, w in zip(got, want, strict=True):
        assert g["scores"]["dense"] == pytest.approx(w["scores"]["dense"], abs=1e-5)
        assert g["scores"]["bm25"] == pytest.approx(w["scores"]["bm25"], rel=1e-5)
        assert g["score"] == pytest.approx(w["score"], abs=1e-5) and "maxsim" not in g["scores"]
    assert all("maxsim" in h.scores for h in local.ask(question).results)


def test_one_collection_per_kb_with_its_versions_and_a_foreign_one_is_refused(milvus_copy):
    kb, index, uri = milvus_copy
    backend = backend_for(uri)
    store = backend.load(Paths(kb, index))
    name = store.collection
    assert name == store.manifest["milvus"]["collection"] and name.startswith("askisk_")
    assert store.count(OPEN_SCOPE) == len(store.rows)
    meta = json.loads(store.client.describe_collection(name)["properties"]["askisk.meta"])
    assert meta["model"] == "sentence-transformers/all-MiniLM-L6-v2" and meta["dimension"] == 384
    for sparse in ("sparse", "context_sparse"):  # the build parameters reached the engine (bm25s's k1, b)
        assert store.client.describe_index(name, sparse)["params"] == {"bm25_k1": 1.2, "bm25_b": 0.75}
    meta["model"] = "other/model"
    store.client.alter_collection_properties(name, {"askisk.meta": json.dumps(meta)})
    store.close()
    with pytest.raises(BrokenIndexError, match="written with model other/model"):
        backend.load(Paths(kb, index))
    proc = run_cli("ask", *_loc(kb, index), "When was IS-K created?")
    assert proc.returncode == 1
    lines = proc.stderr.strip().splitlines()
    assert len(lines) == 1 and "other/model" in lines[0] and "askisk index --full" in lines[0]
    rebuilt = run_cli("index", "--full", *_loc(kb, index))
    assert rebuilt.returncode == 0, rebuilt.stderr
    assert run_cli("ask", *_loc(kb, index), "When was IS-K created?").returncode == 0


def _assert_bm25_parity(local, store, questions: list[str]) -> None:
    """Milvus's BM25 top 10 is the local top 10 with the same scores (within 1e-5), for the sentence and
    the context BM25: rows of exactly equal score may come in another order (or, tied with the 10th,
    swap with one below), no other difference."""
    for context in (False, True):
        for question in questions:
            want_scores, want_rows = local.lexical_top(question, 10, OPEN_SCOPE, context=context)
            scores, rows = store.lexical_top(question, 10, OPEN_SCOPE, context=context)
            assert scores == pytest.approx(want_scores, rel=1e-5), (context, question)
            # each row Milvus returns has that score locally, so its order is the local order
            there = local.lexical_scores(question, rows, context=context)
            assert there == pytest.approx(scores, rel=1e-5), (context, question)
            # rows tied with another, or with the last (which may tie with rows below the top 10)
            tied = np.isclose(scores[:, None], scores[None, :], rtol=1e-5).sum(axis=1) > 1
            tied |= np.isclose(scores, scores[-1], rtol=1e-5) if len(scores) == 10 else tied
            got = [store.rows[r][0].id for r, t in zip(rows, tied, strict=True) if not t]
            want = [local.rows[r][0].id for r, t in zip(want_rows, tied, strict=True) if not t]
            assert got == want, (context, question)


def _dev_questions() -> list[str]:
    questions = [q.query for q in load_questions(SEED_KB / "eval") if q.split == "dev"]
    assert len(questions) > 40
    return questions


def test_both_bm25s_give_the_local_top_10_and_scores_on_every_dev_question(milvus_copy, seed_service):
    """BM25 parity: same tokens, k1, b, statistics and scale on both stores."""
    kb, index, uri = milvus_copy
    store = backend_for(uri).load(Paths(kb, index))
    try:
        _assert_bm25_parity(seed_service.store(refresh=False), store, _dev_questions())
        # ... and the context BM25 is not the sentence BM25 under another name
        question = "What methods may IS-K use in the region?"
        sentence = store.lexical_top(question, 10, OPEN_SCOPE)
        assert list(sentence[1]) != list(store.lexical_top(question, 10, OPEN_SCOPE, context=True)[1])
    finally:
        store.close()


def test_after_an_incremental_build_milvus_lite_scores_bm25_as_the_local_store(milvus_copy, two_sources):
    """Milvus Lite keeps BM25 statistics per segment: a build that wrote only the new source's rows would
    score them against themselves alone. On Lite every build writes all rows afresh, so the scores after
    adding a source are those of a local build of the same kb; the floor hides the older rows."""
    kb, index, uri = milvus_copy
    backend = backend_for(uri)
    before = backend.load(Paths(kb, index))
    seed_rows, seed_gen = len(before.rows), before.generation
    before.close()
    shutil.copy(two_sources[0] / "border-report.md", kb / "border-report.md")
    built = run_cli("index", *_loc(kb, index))
    assert built.returncode == 0, built.stderr
    local = Askisk(Paths(*two_sources), backend=backend_for("local")).store(refresh=False)
    store = backend.load(Paths(kb, index))
    try:
        info = store.manifest["milvus"]
        assert info["afresh"] and info["inserted"] == len(store.rows) == len(local.rows) > seed_rows
        assert info["removed"] == 0 and store.floor == store.generation == seed_gen + 1
        raw = store.client.query(store.collection, filter="pk >= 0", output_fields=["count(*)"])
        assert raw[0]["count(*)"] == seed_rows + len(store.rows)  # the seed's rows, for its readers
        border = [p.text for p, _ in store.rows if p.source_id == "border-report"]
        _assert_bm25_parity(local, store, [*_dev_questions(), *border[:5]])
    finally:
        store.close()


def test_scope_becomes_a_filter_expression(milvus_copy):
    kb, index, uri = milvus_copy
    store = backend_for(uri).load(Paths(kb, index))
    try:
        speakers = sorted({a.speaker for _, a in store.rows if a.speaker})
        name = speakers[0]
        expected = sum(1 for _, a in store.rows if a.speaker == name)
        assert store.count(Scope(speakers=frozenset({name}))) == expected
        assert store.count(Scope(sources=frozenset({"isk-central-asia"}))) == len(store.rows)
        assert store.count(Scope(sources=frozenset({'no "such" source'}))) == 0
        qvec = store._vectors[0]
        _, rows = store.dense_top(qvec, 50, Scope(speakers=frozenset({name})))
        assert len(rows) == expected and all(store.rows[r][1].speaker == name for r in rows)
    finally:
        store.close()


def test_an_incremental_add_only_inserts_the_new_source_and_a_remove_deletes_it(milvus_copy):
    """The write path of a Milvus server (`rewrite=False`; Milvus Lite writes all rows afresh, above)."""
    kb, index, uri = milvus_copy
    service = Askisk(Paths(kb, index), backend=MilvusBackend(uri, rewrite=False))
    before = service.store(refresh=False)
    assert isinstance(before, MilvusStore)
    before_pks, before_gen = list(before.pks), before.generation
    service.add_paths([ARTICLE])
    after = service.store(refresh=False)
    assert isinstance(after, MilvusStore)
    info = after.manifest["milvus"]
    assert after.generation == before_gen + 1 and after.floor == before.floor
    assert info["inserted"] == 7 and info["removed"] == 0 and not info["afresh"]
    assert set(before_pks) <= set(after.pks)  # the seed's rows were kept, not rewritten
    assert after.count(Scope(sources=frozenset({"harbour-flood"}))) == 7
    service.remove("harbour-flood")
    last = service.store(refresh=False)
    assert isinstance(last, MilvusStore)
    assert last.manifest["milvus"]["removed"] == 7 and sorted(last.pks) == sorted(before_pks)
    assert last.count(OPEN_SCOPE) == len(before_pks)
    # the article's rows are marked dead (for readers of the previous build), not rewritten or gone
    dead = last.client.query(last.collection, filter=f"died == {last.generation}", output_fields=["count(*)"])
    assert dead[0]["count(*)"] == 7
    last.close()


def test_a_killed_add_leaves_no_half_visible_source(milvus_copy):
    kb, index, uri = milvus_copy
    backend = backend_for(uri)
    paths = Paths(kb, index)
    store = backend.load(paths)
    before = (store.generation, store.count(OPEN_SCOPE))
    store.close()
    builds = index / "builds"
    caught = False
    for _attempt in range(3):  # catch the process inside its write window
        proc = subprocess.Popen(
            [sys.executable, "-m", "askisk", "add", str(ARTICLE), *_loc(kb, index)],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        deadline = time.monotonic() + 120
        while proc.poll() is None and time.monotonic() < deadline:
            if any(p.name.startswith(".tmp-") for p in builds.iterdir()):
                time.sleep(0.3)  # into the Milvus writes
                proc.send_signal(signal.SIGKILL)
                caught = True
                break
            time.sleep(0.02)  # a busy loop here would take a core from the build it waits for
        proc.wait(timeout=30)
        if caught:
            break
        (kb / "harbour-flood.md").unlink(missing_ok=True)
    assert caught and proc.returncode == -signal.SIGKILL
    store = backend.load(paths)  # the kb has the new file; the live index does not show it
    try:
        assert (store.generation, store.count(OPEN_SCOPE)) == before
        assert store.count(Scope(sources=frozenset({"harbour-flood"}))) == 0
        assert "harbour-flood" not in store.docs
    finally:
        store.close()
    again = run_cli("index", "--json", *_loc(kb, index))  # the next build undoes the leftovers
    assert again.returncode == 0, again.stderr
    store = backend.load(paths)
    try:
        assert store.count(Scope(sources=frozenset({"harbour-flood"}))) == 7
        assert store.count(OPEN_SCOPE) == before[1] + 7 == len(store.rows)
        # nothing of the killed build (born in this same generation) is left; the live build's rows stay
        # for its readers, under the new floor
        mine = store.client.query(
            store.collection, filter=f"born == {store.generation}", output_fields=["count(*)"]
        )
        assert mine[0]["count(*)"] == len(store.rows)
        raw = store.client.query(store.collection, filter="pk >= 0", output_fields=["count(*)"])
        assert raw[0]["count(*)"] == before[1] + len(store.rows)
    finally:
        store.close()
