"""The user's ONNX export cache: a machine's first build exports (torch), every later build of any kb reuses
the export and embeds its passages through onnxruntime, with the vectors sentence-transformers gives."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import numpy as np

from askisk.config import Paths
from askisk.encoder.embeddings import sentence_transformer_encoder
from askisk.index.build import build_index
from askisk.index.layout import current_build_dir, read_manifest

ROOT = Path(__file__).resolve().parents[1]
ARTICLE = ROOT / "tests" / "fixtures" / "articles" / "harbour-flood.txt"


def _fresh_kb(tmp_path: Path, seed_built) -> Path:
    kb = tmp_path / "kb"
    shutil.copytree(seed_built[0], kb)
    return kb


def _build_in_subprocess(kb: Path, index: Path, cache: Path) -> tuple[str, set[str]]:
    """`askisk index` in a new process; its stderr and the modules it imported."""
    code = (
        "import sys, json; from askisk.cli import main; rc = main(['index', '--kb', sys.argv[1], "
        "'--index', sys.argv[2]]); print(json.dumps(sorted(sys.modules))); sys.exit(rc)"
    )
    env = {**os.environ, "ASKISK_CACHE": str(cache), "HF_HUB_OFFLINE": "1"}
    done = subprocess.run(
        [sys.executable, "-c", code, str(kb), str(index)],
        capture_output=True,
        text=True,
        env=env,
        timeout=600,
    )
    assert done.returncode == 0, done.stderr
    return done.stderr, set(json.loads(done.stdout.strip().splitlines()[-1]))


def _session_cache(tmp_path: Path) -> Path:
    """A copy of this session's cache, which holds the export the seed build made (and the stock model's
    when tests/test_tuned_encoder.py ran in this worker before)."""
    copy = tmp_path / "cache"
    shutil.copytree(os.environ["ASKISK_CACHE"], copy)
    return copy


def _seed_export(cache: Path, seed_built) -> Path:
    """The cached model.onnx the seed build used: the one whose checksum its manifest records."""
    want = read_manifest(current_build_dir(seed_built[1]))["onnx"]["sha256"]
    found = [
        onnx
        for onnx in (cache / "onnx").glob("*/model.onnx")
        if json.loads((onnx.parent / "export.json").read_text(encoding="utf-8"))["sha256"] == want
    ]
    assert len(found) == 1
    return found[0]


def test_a_new_kb_reuses_the_cached_export_and_embeds_without_torch(tmp_path, seed_built):
    cache = _session_cache(tmp_path)
    _seed_export(cache, seed_built)
    err, modules = _build_in_subprocess(_fresh_kb(tmp_path, seed_built), tmp_path / "index", cache)
    assert "exporting the model to ONNX" not in err
    assert "embedding" in err  # a new index: every passage was embedded, through onnxruntime
    assert "torch" not in modules and "sentence_transformers" not in modules
    assert read_manifest(current_build_dir(tmp_path / "index"))["onnx"]["reused"] is True

    ours = np.load(current_build_dir(tmp_path / "index") / "embeddings.npy")
    seed = np.load(current_build_dir(seed_built[1]) / "embeddings.npy")
    assert ours.shape == seed.shape
    assert (ours * seed).sum(axis=1).min() > 0.9999


def test_onnx_embedded_passages_match_sentence_transformers(tmp_path, seed_built):
    kb, index = _fresh_kb(tmp_path, seed_built), tmp_path / "index"
    build_index(Paths(kb, index), sentence_transformer_encoder)
    build = current_build_dir(index)
    corpus = json.loads((build / "corpus.json").read_text(encoding="utf-8"))
    assert corpus["rows"]
    from askisk.index.records import record_to_doc
    from askisk.speakers.corpus import retrieval_texts

    docs = [record_to_doc(r) for r in corpus["sources"]]
    texts = [embedded for d in docs for _, embedded, _ in retrieval_texts(d)]
    stored = np.load(build / "embeddings.npy")
    expected = sentence_transformer_encoder().encode(texts)
    assert stored.shape == expected.shape
    assert np.abs(stored - expected).max() < 1e-4


def test_a_damaged_cached_export_is_made_again(tmp_path, seed_built):
    cache = _session_cache(tmp_path)
    cached = _seed_export(cache, seed_built)
    with open(cached, "r+b") as handle:  # flip bytes in the middle: the checksum no longer matches
        handle.seek(cached.stat().st_size // 2)
        handle.write(b"\x00" * 64)
    err, modules = _build_in_subprocess(_fresh_kb(tmp_path, seed_built), tmp_path / "index", cache)
    assert "exporting the model to ONNX" in err and "torch" in modules
    info = read_manifest(current_build_dir(tmp_path / "index"))["onnx"]
    assert info and not info["reused"]
    meta = json.loads((cached.parent / "export.json").read_text(encoding="utf-8"))
    assert meta["sha256"] == info["sha256"]  # the cache holds the good export again


def test_an_unwritable_cache_costs_an_export_not_the_build(tmp_path, seed_built):
    blocked = tmp_path / "not-a-folder"
    blocked.write_text("a file where the cache folder would go\n", encoding="utf-8")
    err, _ = _build_in_subprocess(_fresh_kb(tmp_path, seed_built), tmp_path / "index", blocked)
    assert "exporting the model to ONNX" in err
    assert read_manifest(current_build_dir(tmp_path / "index"))["onnx"]["file"] == "model.onnx"
