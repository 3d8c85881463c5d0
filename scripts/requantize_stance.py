"""Re-quantize the shipped stance model with 7-bit weights, so that it answers the same on every x86 CPU.

onnxruntime's dynamic int8 MatMul multiplies uint8 activations by int8 weights. On CPUs without VNNI
(AVX2 only, e.g. the AMD EPYC machines here) the kernel adds pairs of products in 16 bits, which saturates
for full-range weights; CPUs with VNNI do not saturate. The model shipped with 8-bit weights therefore gave
different logits on different machines (a claim's 4th and 5th evidence passages swapped places between
two CI machines: relatedness 0.391 / 0.376 on one, 0.383 / 0.396 on the other). With 7-bit weights
(`reduce_range`) no sum can saturate, which is onnxruntime's own advice for such CPUs.

The int8 weights are dequantized back into a float graph (each `DynamicQuantizeLinear → MatMulInteger →
Cast → Mul` chain becomes one `MatMul` with the dequantized weight), which is then quantized again with
`reduce_range=True`. The float graph is the model the int8 one approximates, so nothing is retrained.

    .venv/bin/python scripts/requantize_stance.py src/askisk/verify/stance_model/model.onnx \
        --out src/askisk/verify/stance_model/model.onnx
"""

from __future__ import annotations

import argparse
import tempfile
from pathlib import Path

import numpy as np
import onnx
from onnx import helper, numpy_helper


def dequantize(model: onnx.ModelProto) -> onnx.ModelProto:
    """The float graph whose weights are the int8 model's weights dequantized."""
    graph = model.graph
    producer = {out: node for node in graph.node for out in node.output}
    consumers: dict[str, list[onnx.NodeProto]] = {}
    for node in graph.node:
        for name in node.input:
            consumers.setdefault(name, []).append(node)
    inits = {init.name: init for init in graph.initializer}
    drop: set[int] = set()
    new_inits: list[onnx.TensorProto] = []
    replacements: dict[int, onnx.NodeProto] = {}
    for node in graph.node:
        if node.op_type != "MatMulInteger":
            continue
        quantize = producer[node.input[0]]
        (cast,) = consumers[node.output[0]]
        (rescale,) = consumers[cast.output[0]]
        scales = producer[next(i for i in rescale.input if i != cast.output[0])]
        weight_scale = next(i for i in scales.input if i in inits)
        q = numpy_helper.to_array(inits[node.input[1]]).astype(np.float32)
        zero = numpy_helper.to_array(inits[node.input[3]]).astype(np.float32)
        scale = numpy_helper.to_array(inits[weight_scale]).astype(np.float32)
        name = f"{node.input[1]}_dequantized"
        new_inits.append(numpy_helper.from_array((q - zero) * scale, name))
        matmul = helper.make_node(
            "MatMul", [quantize.input[0], name], [rescale.output[0]], name=f"{node.name}_fp32"
        )
        replacements[id(node)] = matmul
        drop.update({id(cast), id(rescale), id(scales)})
    nodes = [replacements.get(id(n), n) for n in graph.node if id(n) not in drop]
    used = {name for n in nodes for name in n.input}
    nodes = [n for n in nodes if n.op_type != "DynamicQuantizeLinear" or any(o in used for o in n.output)]
    used = {name for n in nodes for name in n.input} | {o.name for o in graph.output}
    kept = [i for i in graph.initializer if i.name in used] + new_inits
    del graph.node[:]
    graph.node.extend(nodes)
    del graph.initializer[:]
    graph.initializer.extend(kept)
    onnx.checker.check_model(model)
    return model


def requantize(src: Path, dest: Path) -> None:
    from onnxruntime.quantization import QuantType, quantize_dynamic

    with tempfile.TemporaryDirectory() as tmp:
        fp32 = Path(tmp) / "fp32.onnx"
        onnx.save(dequantize(onnx.load(str(src))), str(fp32))
        quantize_dynamic(
            str(fp32),
            str(dest),
            weight_type=QuantType.QInt8,
            per_channel=True,
            reduce_range=True,
            op_types_to_quantize=["MatMul"],
        )


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("model", type=Path, help="an int8 model.onnx made by onnxruntime's quantize_dynamic")
    parser.add_argument("--out", type=Path, required=True)
    parser.add_argument("--fp32", type=Path, help="also write the dequantized float graph here")
    args = parser.parse_args()
    if args.fp32:
        onnx.save(dequantize(onnx.load(str(args.model))), str(args.fp32))
    requantize(args.model, args.out)


if __name__ == "__main__":
    main()
