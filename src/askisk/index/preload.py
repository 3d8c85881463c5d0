"""The live build's question encoder, loaded on the second core while the index loads on the first.

A one-shot `askisk ask` needs both before it can answer: the index (faiss, BM25, the passages) and the
encoder (the export's sha256 over ~90 MB, then an onnxruntime session, ~0.25 s together). hashlib and
onnxruntime release the GIL while they work, so run side by side the question pays the longer of the two,
not their sum. Only the ONNX path is preloaded, and a failure is silent here: the caller then loads the
encoder itself (`embeddings.query_encoder`), which says why and falls back.
"""

from __future__ import annotations

import os
import threading
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from askisk.encoder.onnx_runtime import OnnxEncoder


class EncoderPreload:
    def __init__(self, index_dir: Path) -> None:
        self._build: Path | None = None
        self._encoder: OnnxEncoder | None = None
        # not a daemon: a process that ends meanwhile (a damaged index, a bad filter) waits for the load,
        # since onnxruntime aborts it ("terminate called") when the interpreter exits mid-session-creation
        self._thread = threading.Thread(target=self._load, args=(index_dir,), name="askisk-encoder-preload")
        self._thread.start()

    def _load(self, index_dir: Path) -> None:
        from askisk.encoder.onnx_runtime import load_onnx_encoder
        from askisk.index.layout import current_build_dir, read_manifest

        try:
            build = current_build_dir(index_dir)
            if build is None:
                return
            encoder = load_onnx_encoder(build, read_manifest(build))
        except Exception:  # whatever went wrong, the caller's own load meets it again and reports it
            return
        self._build, self._encoder = build, encoder

    def take(self, build_dir: Path) -> OnnxEncoder | None:
        """The preloaded encoder when it belongs to `build_dir` (the build the index actually loaded, which
        a rebuild in between may have replaced), else None."""
        self._thread.join()
        if self._build is None or self._build.resolve() != Path(build_dir).resolve():
            return None
        return self._encoder


def preload_encoder(index_dir: Path) -> EncoderPreload | None:
    """Start loading the encoder of the index's live build, unless the torch encoder is forced."""
    from askisk.encoder.embeddings import QUERY_ENCODER_ENV, forced_torch

    if forced_torch(os.environ.get(QUERY_ENCODER_ENV, "")):
        return None
    # numpy first, here: both threads need it, and two threads importing it for the first time at once can
    # meet it half initialised ("cannot import name '__cpu_features__' from partially initialized module",
    # seen once in a CI run while the main thread loaded a Milvus store)
    import numpy  # noqa: F401

    return EncoderPreload(index_dir)
