"""The shipped stance model answers the same on CPUs with and without VNNI: its int8 weights use 7 bits.

onnxruntime's uint8 x int8 MatMul on AVX2 without VNNI adds pairs of products in 16 bits; with weights in
[-64, 64] no pair can saturate (2 x 255 x 64 = 32,640 < 32,768). `scripts/requantize_stance.py` makes
such a model from an 8-bit one by dequantizing it into a float graph and quantizing that again."""

from __future__ import annotations

import importlib.util
from pathlib import Path

import numpy as np
import onnx
import onnxruntime as ort
import pytest
from onnx import numpy_helper

from askisk.verify.stance import MODEL_DIR, StanceModel

ROOT = Path(__file__).resolve().parents[1]


def _script():
    path = ROOT / "scripts" / "requantize_stance.py"
    spec = importlib.util.spec_from_file_location("requantize_stance", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def shipped() -> onnx.ModelProto:
    return onnx.load(str(MODEL_DIR / "model.onnx"))


def _integer_weights(model: onnx.ModelProto) -> list[np.ndarray]:
    inits = {i.name: i for i in model.graph.initializer}
    out = []
    for node in model.graph.node:
        if node.op_type == "MatMulInteger" and node.input[1] in inits:
            q = numpy_helper.to_array(inits[node.input[1]]).astype(np.int32)
            zero = numpy_helper.to_array(inits[node.input[3]]).astype(np.int32)
            out.append(q - zero)
    return out


def test_shipped_weights_fit_in_seven_bits(shipped):
    weights = _integer_weights(shipped)
    assert len(weights) == 37  # every linear layer of the six blocks and the pooler/head is quantized
    assert all(np.abs(w).max() <= 64 for w in weights)


def test_dequantized_graph_is_the_float_model_of_the_shipped_one(shipped, tmp_path):
    script = _script()
    fp32 = script.dequantize(onnx.load(str(MODEL_DIR / "model.onnx")))
    assert not any(n.op_type in ("MatMulInteger", "DynamicQuantizeLinear") for n in fp32.graph.node)
    onnx.save(fp32, str(tmp_path / "fp32.onnx"))
    model = StanceModel()
    pairs = [
        ("Carbon dioxide is a greenhouse gas.", "Carbon dioxide is a greenhouse gas that traps heat."),
        ("A man is playing a guitar.", "A man is sleeping in his bed."),
        ("Sea levels are rising.", "Paris is the capital of France."),
    ]
    session = ort.InferenceSession(str(tmp_path / "fp32.onnx"), providers=["CPUExecutionProvider"])
    names = {i.name for i in session.get_inputs()}
    for claim, passage in pairs:
        enc = model.tokenizer.encode(claim, passage)
        feed = {
            "input_ids": np.array([enc.ids], dtype=np.int64),
            "attention_mask": np.array([enc.attention_mask], dtype=np.int64),
            "token_type_ids": np.array([enc.type_ids], dtype=np.int64),
        }
        float_logits = session.run(None, {k: v for k, v in feed.items() if k in names})[0][0]
        int8_logits = model.logits(claim, [passage])[0]
        assert int(np.argmax(float_logits)) == int(np.argmax(int8_logits))
        assert np.abs(float_logits - int8_logits).max() < 0.5

    # quantizing the float graph again gives 7-bit weights
    script.requantize(MODEL_DIR / "model.onnx", tmp_path / "again.onnx")
    again = _integer_weights(onnx.load(str(tmp_path / "again.onnx")))
    assert again and all(np.abs(w).max() <= 64 for w in again)
