"""The fast query path: the build's ONNX export agrees with sentence-transformers, `askisk ask` never
imports torch, and a missing or damaged export falls back with one line on stderr."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest
from conftest import run_cli

from askisk.index.local import messages_only
from askisk.search.fusion import CONFIGS, search
from askisk.speakers.corpus import retrieval_texts

EVAL = Path(__file__).resolve().parents[1] / "kb" / "eval" / "queries.jsonl"
HEAVY = ("torch", "sentence_transformers", "transformers", "sklearn")
QUESTION = "When was IS-K created?"


def _eval_queries() -> list[str]:
    rows = [json.loads(line) for line in EVAL.read_text(encoding="utf-8").splitlines() if line.strip()]
    return [r["query"] for r in rows]


def _build(index: Path) -> Path:
    from askisk.index.layout import current_build_dir

    build = current_build_dir(index)
    assert build is not None
    return build


def _manifest(index: Path) -> dict:
    return json.loads((_build(index) / "manifest.json").read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def encoders(seed_built):
    from askisk.encoder.embeddings import sentence_transformer_encoder
    from askisk.encoder.onnx_runtime import load_onnx_encoder

    _, index = seed_built
    return load_onnx_encoder(_build(index), _manifest(index)), sentence_transformer_encoder()


@pytest.fixture(scope="module")
def loaded(seed_built):
    from askisk.index.load import load_index

    return load_index(seed_built[1])


def _cosines(a: np.ndarray, b: np.ndarray) -> np.ndarray:
    return (a * b).sum(axis=1) / (np.linalg.norm(a, axis=1) * np.linalg.norm(b, axis=1))


def test_build_records_the_export(seed_built):
    from askisk.encoder.onnx_export import file_sha256

    _, index = seed_built
    info = _manifest(index)["onnx"]
    assert info["file"] == "model.onnx" and info["precision"] == "fp32"
    assert info["sha256"] == file_sha256(_build(index) / info["file"])
    assert info["tokenizer_sha256"] == file_sha256(_build(index) / info["tokenizer"])
    assert info["exporter"].startswith("torch.onnx.export(dynamo=True)")
    assert isinstance(info["opset"], int) and info["opset"] >= 17
    assert (info["pooling"], info["normalize"], info["max_seq_length"]) == ("mean", True, 256)


def test_query_encoder_is_onnx(seed_built):
    from askisk.encoder.embeddings import query_encoder

    notes: list[str] = []
    assert (
        query_encoder(_build(seed_built[1]), _manifest(seed_built[1]), notes.append).backend == "onnxruntime"
    )
    assert notes == []


def test_passage_embeddings_agree(encoders, loaded):
    onnx, st = encoders
    texts = [embedded for d in loaded.docs.values() for _, embedded, _ in retrieval_texts(d)]
    assert len(texts) == len(loaded.rows) > 10
    fast, slow = onnx.encode(texts), st.encode(texts)
    assert fast.shape == slow.shape == (len(texts), 384) and fast.dtype == np.float32
    assert _cosines(fast, slow).min() >= 0.999
    np.testing.assert_allclose(np.linalg.norm(fast, axis=1), 1.0, atol=1e-5)
    stored = np.load(loaded.build_dir / "embeddings.npy")
    assert _cosines(fast, stored).min() >= 0.999


def test_question_embeddings_agree(encoders):
    onnx, st = encoders
    queries = _eval_queries()
    assert len(queries) > 20
    batched, single = onnx.encode(queries), np.vstack([onnx.encode([q]) for q in queries])
    slow = st.encode(queries)
    assert _cosines(batched, slow).min() >= 0.999
    assert _cosines(single, slow).min() >= 0.999  # padding in a batch changes nothing


def test_long_text_is_truncated_like_the_model(encoders):
    onnx, st = encoders
    text = " ".join(["The group was created in January 2015 by disaffected Taliban."] * 80)  # > 256 tokens
    assert _cosines(onnx.encode([text]), st.encode([text]))[0] >= 0.999
    assert onnx.encode([]).shape == (0, 384)


def test_hybrid_rankings_identical(encoders, loaded):
    onnx, st = encoders
    queries = _eval_queries()
    fast_vectors, slow_vectors = onnx.encode(queries), st.encode(queries)
    for query, fast_vec, slow_vec in zip(queries, fast_vectors, slow_vectors, strict=True):
        for name in ("hybrid+speaker", "dense"):
            fast, _ = search(loaded, query, fast_vec, top_k=10, config=CONFIGS[name])
            slow, _ = search(loaded, query, slow_vec, top_k=10, config=CONFIGS[name])
            assert [h.passage_id for h in fast] == [h.passage_id for h in slow], (name, query)


# the real `askisk` in a process of its own; at exit, once every thread (the encoder preload) has ended,
# it writes the modules loaded by any thread: read from sys.modules, not parsed from -X importtime lines,
# which a second importing thread could interleave
_LIST_MODULES = """
import json, sys, threading
from askisk.cli import main
code = main(sys.argv[1:])
for thread in threading.enumerate():
    if thread is not threading.main_thread():
        thread.join()
sys.stderr.write("MODULES " + json.dumps(sorted(sys.modules)) + "\\n")
sys.exit(code)
"""


def test_ask_never_imports_torch(seed_built):
    kb, index = seed_built
    env = {**os.environ, "ASKISK_KB": str(kb), "ASKISK_INDEX": str(index)}
    result = subprocess.run(
        [sys.executable, "-c", _LIST_MODULES, "ask", "--json", QUESTION],
        capture_output=True,
        text=True,
        env=env,
        timeout=300,
    )
    assert result.returncode == 0, result.stderr[-2000:]
    answer = json.loads(result.stdout)
    assert "January 2015" in answer["results"][0]["text"]
    *other, last = result.stderr.splitlines()
    assert last.startswith("MODULES ")
    modules = set(json.loads(last.removeprefix("MODULES ")))
    assert "askisk.encoder.onnx_runtime" in modules and "onnxruntime" in modules
    heavy = sorted(m for m in modules if m.split(".")[0] in HEAVY)
    assert heavy == [], heavy[:10]
    # the attribution rules only run at build time: a question never loads them (~80 ms)
    assert "askisk.speakers.attribution" not in modules
    assert [ln for ln in other if ln.strip()] == []


@pytest.mark.parametrize("damage", ["corrupt", "missing", "tokenizer"])
def test_fallback_when_the_export_is_unusable(seed_copy, damage):
    kb, index = seed_copy
    build = _build(index)
    if damage == "corrupt":
        with open(build / "model.onnx", "r+b") as handle:
            handle.seek(os.path.getsize(build / "model.onnx") // 2)
            handle.write(b"\x00" * 64)
    elif damage == "missing":
        (build / "model.onnx").unlink()
    else:
        (build / "tokenizer.json").write_text("{}", encoding="utf-8")
    result = run_cli("ask", "--json", QUESTION, "--kb", str(kb), "--index", str(index))
    assert result.returncode == 0, result.stderr[-2000:]
    assert "January 2015" in json.loads(result.stdout)["results"][0]["text"]
    lines = [ln for ln in result.stderr.splitlines() if ln.strip()]
    assert len(lines) == 1, lines
    assert lines[0].startswith("fast query path unavailable:") and "sentence-transformers" in lines[0]


def test_index_without_export_falls_back(seed_copy):
    from askisk.encoder.embeddings import query_encoder

    _, index = seed_copy
    manifest = _manifest(index)
    manifest.pop("onnx")
    (_build(index) / "manifest.json").write_text(json.dumps(manifest), encoding="utf-8")
    notes: list[str] = []
    encoder = query_encoder(_build(index), _manifest(index), notes.append)
    assert encoder.backend == "sentence-transformers"
    assert notes == ["fast query path unavailable: the index has no ONNX export; using sentence-transformers"]


def test_forced_sentence_transformers(seed_built, monkeypatch):
    from askisk.encoder.embeddings import query_encoder

    monkeypatch.setenv("ASKISK_QUERY_ENCODER", "sentence-transformers")
    notes: list[str] = []
    assert (
        query_encoder(_build(seed_built[1]), _manifest(seed_built[1]), notes.append).backend
        == "sentence-transformers"
    )
    assert notes == []


def test_rebuild_reuses_the_export(seed_copy):
    from askisk.config import Paths
    from askisk.encoder.embeddings import sentence_transformer_encoder
    from askisk.index.build import build_index

    kb, index = seed_copy
    before = _build(index)
    old = _manifest(index)["onnx"]
    messages: list[str] = []
    build_index(Paths(kb, index), sentence_transformer_encoder, progress=messages_only(messages.append))
    after = _build(index)
    assert after != before
    new = _manifest(index)["onnx"]
    assert new["reused"] is True and new["sha256"] == old["sha256"]
    assert not any("exporting" in m for m in messages)
    assert (after / "model.onnx").stat().st_ino == (before / "model.onnx").stat().st_ino  # hard link


def test_damaged_previous_export_is_redone(seed_copy, monkeypatch):
    from askisk.config import Paths
    from askisk.encoder import onnx_export
    from askisk.encoder.embeddings import sentence_transformer_encoder
    from askisk.index.build import build_index

    kb, index = seed_copy
    (_build(index) / "model.onnx").write_bytes(b"not a model")
    calls: list[Path] = []
    monkeypatch.setattr(onnx_export, "_kept", {})
    monkeypatch.setenv("ASKISK_CACHE", str(index.parent / "empty-cache"))  # no cached export either
    monkeypatch.setattr(
        onnx_export,
        "export_onnx",
        lambda folder, dest, n: calls.append(dest) or dest.write_bytes(b"fresh export"),
    )
    monkeypatch.setattr(onnx_export, "_opset", lambda path: 20)
    build_index(Paths(kb, index), sentence_transformer_encoder)
    assert len(calls) == 1
    assert (_build(index) / "model.onnx").read_bytes() == b"fresh export"
    assert _manifest(index)["onnx"]["reused"] is False


def test_failed_export_does_not_fail_the_build(seed_copy, monkeypatch):
    from askisk.config import Paths
    from askisk.encoder import onnx_export
    from askisk.encoder.embeddings import query_encoder, sentence_transformer_encoder
    from askisk.index.build import build_index

    kb, index = seed_copy
    (_build(index) / "model.onnx").unlink()  # nothing to reuse

    def boom(*_args):
        raise RuntimeError("no exporter here")

    monkeypatch.setattr(onnx_export, "_kept", {})
    monkeypatch.setenv("ASKISK_CACHE", str(index.parent / "empty-cache"))
    monkeypatch.setattr(onnx_export, "export_onnx", boom)
    messages: list[str] = []
    build_index(
        Paths(kb, index), sentence_transformer_encoder, full=True, progress=messages_only(messages.append)
    )
    build = _build(index)
    assert _manifest(index)["onnx"] is None
    assert not (build / "model.onnx").exists()
    assert any("ONNX export skipped (RuntimeError: no exporter here)" in m for m in messages)
    notes: list[str] = []
    assert (
        query_encoder(build, _manifest(index), notes.append).backend == "sentence-transformers"
        and len(notes) == 1
    )


def test_kept_links_of_killed_processes_are_swept(tmp_path):
    """A build keeps a link to its export in the temp folder, removed at exit; a process killed before its
    exit leaves it behind (90 MB each), and the next build removes it. Live processes keep theirs."""
    import subprocess
    import sys

    from askisk.encoder import onnx_export

    child = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(60)"])
    child.kill()
    child.wait()
    dead = tmp_path / f"{onnx_export.KEEP_PREFIX}{child.pid}-abc"
    alive = tmp_path / f"{onnx_export.KEEP_PREFIX}{os.getpid()}-def"
    unrelated = tmp_path / f"{onnx_export.KEEP_PREFIX}old_name"
    for folder in (dead, alive, unrelated):
        folder.mkdir()
        (folder / onnx_export.ONNX_FILE).write_bytes(b"x")
    onnx_export._sweep_orphans(tmp_path)
    assert not dead.exists()
    assert alive.exists() and unrelated.exists()
