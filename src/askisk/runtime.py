"""The onnxruntime session every bundled model runs in (the index's encoder, the stance model, the tagger).

CPU only, a fixed number of intra-op threads and one inter-op thread (the caller decides how many: each
model has its own environment setting), warnings off (onnxruntime logs graph notes on every load).
Imports onnxruntime on call, never at import.
"""

from __future__ import annotations

from typing import Any


def onnx_session(model: bytes, threads: int) -> Any:
    import onnxruntime as ort

    options = ort.SessionOptions()
    options.intra_op_num_threads = threads
    options.inter_op_num_threads = 1
    options.log_severity_level = 3
    return ort.InferenceSession(model, options, providers=["CPUExecutionProvider"])
