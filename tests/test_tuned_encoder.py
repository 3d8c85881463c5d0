"""The tuned encoder (issue 17, round 6): the package's weight delta rebuilds the fine-tuned model, the
build exports it, $ASKISK_ENCODER switches between it and the stock model, and an index built with one
counts as stale under the other."""

from __future__ import annotations

import json

import numpy as np
import pytest

from askisk.config import ENCODER_ENV, MODEL_NAME, TUNED_NAME, Paths, encoder_choice, encoder_id, model_dir
from askisk.encoder import tuned

SENTENCES = (
    "When was IS-K created?",
    "The group was created in January 2015 by disaffected Taliban in eastern Afghanistan.",
    "Who leads the group now?",
    "It rained all week in the mountains.",
)
# Cosines between SENTENCES[i] and SENTENCES[j], computed with sentence-transformers from the real tuned
# folder (/work/data/enc17/m-mix, scripts/train_encoder.py) and from the bundled stock model.
PAIRS = ((0, 1), (0, 2), (0, 3), (1, 2), (1, 3))
TUNED_COSINES = (0.294075, 0.182031, 0.058851, 0.372443, 0.089309)
STOCK_COSINES = (0.223546, 0.166612, 0.040612, 0.370105, 0.084708)
TOLERANCE = 1e-4
# seed dev q020: the tuned model's dense side ranks its gold passage first, the stock model's fourth
QUESTION = "From which countries do most new members of the IS group come?"
GOLD = "influx of new members from the Central Asian countries"


def _cosines(vectors: np.ndarray) -> np.ndarray:
    return np.array([float(vectors[i] @ vectors[j]) for i, j in PAIRS])


def _manifest(index) -> dict:
    from askisk.index.layout import current_build_dir, read_manifest

    build = current_build_dir(index)
    assert build is not None
    return read_manifest(build)


def _dense_top(kb, index) -> str:
    from askisk.search.fusion import CONFIGS
    from askisk.service import Askisk

    return Askisk(Paths(kb, index)).ask(QUESTION, config=CONFIGS["dense"]).results[0].text


def _onnx_vectors(index, texts) -> np.ndarray:
    from askisk.encoder.onnx_runtime import load_onnx_encoder
    from askisk.index.layout import current_build_dir

    return load_onnx_encoder(current_build_dir(index), _manifest(index)).encode(list(texts))


def test_the_delta_holds_only_the_transformer_layers():
    meta, deltas = tuned.read_delta()
    assert tuned.DELTA_FILE.stat().st_size < 12_000_000
    assert len(deltas) == 96 and all(name.startswith("encoder.layer.") for name in deltas)
    assert meta["base_sha256"] == tuned.file_sha256(model_dir() / tuned.WEIGHTS)
    peak = max(float(np.abs(d).max()) for d in deltas.values())
    assert 0 < peak < 1e-3  # a fine-tune's small step, not a different model


def test_the_default_is_the_tuned_encoder_and_the_setting_switches(monkeypatch):
    from askisk.errors import InputError
    from askisk.index.build import _embed_hash

    monkeypatch.delenv(ENCODER_ENV, raising=False)
    assert encoder_choice() == "tuned" and encoder_id() == f"{MODEL_NAME}+{TUNED_NAME}"
    folder = tuned.encoder_dir()
    assert folder != model_dir() and (folder / tuned.DONE).is_file()
    tuned_hash = _embed_hash("a passage", encoder_id())
    monkeypatch.setenv(ENCODER_ENV, "Stock")
    assert encoder_id() == MODEL_NAME and tuned.encoder_dir() == model_dir()
    assert _embed_hash("a passage", encoder_id()) != tuned_hash  # no vector is reused across encoders
    monkeypatch.setenv(ENCODER_ENV, "large")
    with pytest.raises(InputError, match=ENCODER_ENV):
        encoder_choice()


def test_the_rebuilt_folder_has_the_stock_layout_and_the_tuned_weights():
    from safetensors.numpy import load_file

    from askisk.encoder.onnx_export import model_settings

    folder = tuned.tuned_model_dir()
    assert model_settings(folder) == model_settings(model_dir())
    assert (folder / "tokenizer.json").read_bytes() == (model_dir() / "tokenizer.json").read_bytes()
    base, ours = load_file(str(model_dir() / tuned.WEIGHTS)), load_file(str(folder / tuned.WEIGHTS))
    changed = {k for k in base if not np.array_equal(base[k], ours[k])}
    assert changed == set(tuned.read_delta()[1])
    assert "embeddings.word_embeddings.weight" not in changed


def test_sentence_transformers_on_the_rebuilt_folder_gives_the_tuned_model(monkeypatch):
    from askisk.encoder.embeddings import sentence_transformer_encoder

    monkeypatch.delenv(ENCODER_ENV, raising=False)
    got = _cosines(sentence_transformer_encoder().encode(list(SENTENCES)))
    assert np.abs(got - TUNED_COSINES).max() < TOLERANCE
    monkeypatch.setenv(ENCODER_ENV, "stock")
    got = _cosines(sentence_transformer_encoder().encode(list(SENTENCES)))
    assert np.abs(got - STOCK_COSINES).max() < TOLERANCE


def test_a_base_model_that_is_not_the_one_the_delta_was_made_for_is_refused(tmp_path):
    from safetensors.numpy import save_file

    base = tmp_path / "base"
    base.mkdir()
    save_file({"x": np.zeros(3, dtype=np.float32)}, str(base / tuned.WEIGHTS))
    with pytest.raises(ValueError, match="not the model"):
        tuned.write_model(base, tmp_path / "out")
    assert not (tmp_path / "out").exists()


def test_the_build_exports_the_tuned_model(seed_built):
    kb, index = seed_built
    manifest = _manifest(index)
    assert manifest["encoder"] == f"{MODEL_NAME}+{TUNED_NAME}"
    got = _cosines(_onnx_vectors(index, SENTENCES))
    assert np.abs(got - TUNED_COSINES).max() < TOLERANCE
    assert abs(got[0] - STOCK_COSINES[0]) > 0.05
    assert GOLD in _dense_top(kb, index)


def test_switching_the_encoder_rebuilds_every_vector(seed_copy, monkeypatch):
    from askisk.encoder.embeddings import sentence_transformer_encoder
    from askisk.index.build import build_index
    from askisk.index.layout import index_state
    from askisk.sources.kb import kb_hash

    kb, index = seed_copy
    paths = Paths(kb, index)
    tuned_manifest = _manifest(index)
    tuned_vectors = _onnx_vectors(index, SENTENCES)
    assert not index_state(paths, kb_hash(kb)).stale
    monkeypatch.setenv(ENCODER_ENV, "stock")
    state = index_state(paths, kb_hash(kb))
    assert state.stale and "another encoder" in str(state.reason)
    report = build_index(paths, sentence_transformer_encoder)
    assert report.reused == 0 and report.embedded == report.passages
    stock_manifest = _manifest(index)
    assert stock_manifest["encoder"] == MODEL_NAME
    assert stock_manifest["onnx"]["model_key"] != tuned_manifest["onnx"]["model_key"]
    stock_vectors = _onnx_vectors(index, SENTENCES)
    assert np.abs(_cosines(stock_vectors) - STOCK_COSINES).max() < TOLERANCE
    assert float((stock_vectors * tuned_vectors).sum(axis=1).min()) < 0.999
    assert GOLD not in _dense_top(kb, index)
    assert not index_state(paths, kb_hash(kb)).stale
    monkeypatch.delenv(ENCODER_ENV)
    assert index_state(paths, kb_hash(kb)).stale


def test_the_delta_is_what_the_script_writes(tmp_path):
    """make_delta on (stock + delta) against stock gives the shipped file's values back."""
    from safetensors.numpy import load_file

    meta, deltas = tuned.read_delta()
    base = load_file(str(model_dir() / tuned.WEIGHTS))
    arrays = tuned.make_delta(base, tuned.apply_delta(base, deltas), meta)
    again = {k: v for k, v in arrays.items() if k != tuned.META}
    assert json.loads(str(arrays[tuned.META]))["base_sha256"] == meta["base_sha256"]
    with np.load(tuned.DELTA_FILE) as shipped:
        for key in (k for k in shipped.files if k.startswith(tuned.QUANT)):
            assert np.abs(again[key].astype(int) - shipped[key].astype(int)).max() <= 1, key


def test_the_check_gate_follows_the_encoder(monkeypatch):
    """The gate's cosine floor was re-chosen for the tuned encoder's scale (scripts/gate_sweep.py)."""
    from askisk.verify.aggregate import shipped_settings

    monkeypatch.delenv(ENCODER_ENV, raising=False)
    assert shipped_settings().gate_dense == 0.55
    monkeypatch.setenv(ENCODER_ENV, "stock")
    assert shipped_settings().gate_dense == 0.5 and shipped_settings().gate_coverage == 0.5
