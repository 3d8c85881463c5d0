"""Query time: all-MiniLM-L6-v2 from the index's ONNX export, through onnxruntime and tokenizers.

No torch, transformers or sentence-transformers: the fast Rust tokenizer from the build's tokenizer.json
(truncated at the model's max_seq_length, padded to the longest text of a batch), the exported transformer,
then what sentence-transformers' 1_Pooling (mean over real tokens) and 2_Normalize (L2) modules do, in numpy.
`load_onnx_encoder` raises `OnnxUnavailable` with a reason when the export is missing, fails its checksum
or cannot be loaded; the caller falls back to sentence-transformers.
"""

from __future__ import annotations

import hashlib
import os
from pathlib import Path
from typing import TYPE_CHECKING, Any

from askisk.config import DIMENSION, MODEL_NAME
from askisk.encoder import tokens
from askisk.encoder.tokens import TokenVectors
from askisk.runtime import onnx_session

if TYPE_CHECKING:
    import numpy as np

THREADS_ENV = "ASKISK_ONNX_THREADS"
DEFAULT_THREADS = 1  # one question at a time: a second thread gains little and costs a core (see bench/)


class OnnxUnavailable(Exception):
    """The build has no usable ONNX export; the message says why."""


class OnnxEncoder:
    name = MODEL_NAME
    dimension = DIMENSION
    backend = "onnxruntime"

    def __init__(
        self, model: bytes, tokenizer: bytes, info: dict[str, Any], threads: int | None = None
    ) -> None:
        from tokenizers import Tokenizer

        self.info = info
        self.tokenizer = Tokenizer.from_str(tokenizer.decode("utf-8"))
        self.tokenizer.no_padding()
        self.tokenizer.enable_truncation(int(info.get("max_seq_length", 256)))
        pad_id = self.tokenizer.token_to_id("[PAD]")
        self.tokenizer.enable_padding(pad_id=pad_id if pad_id is not None else 0, pad_token="[PAD]")
        self.session = onnx_session(model, threads or int(os.environ.get(THREADS_ENV) or DEFAULT_THREADS))
        self.inputs = {i.name for i in self.session.get_inputs()}
        self.output = str(info.get("output", "last_hidden_state"))

    def encode(self, texts: list[str], batch_size: int = 64) -> np.ndarray:
        import numpy as np

        if not texts:
            return np.zeros((0, self.dimension), dtype=np.float32)
        # batches of similar length pad little (as sentence-transformers sorts); rows go back in input order
        order = sorted(range(len(texts)), key=lambda i: len(texts[i]))
        ordered = [texts[i] for i in order]
        parts = [self._encode_batch(ordered[i : i + batch_size]) for i in range(0, len(ordered), batch_size)]
        vectors = np.empty((len(texts), self.dimension), dtype=np.float32)
        vectors[order] = np.concatenate(parts)
        return vectors

    def encode_query(self, text: str) -> tuple[np.ndarray, TokenVectors]:
        """The pooled vector and the word-piece vectors (`encoder.tokens`) of one text, in one pass."""
        encoded, hidden, mask = self._forward([text])
        return self._pooled(hidden, mask)[0], tokens.from_hidden(hidden[0], encoded[0])

    def encode_with_tokens(
        self, texts: list[str], batch_size: int = 64
    ) -> tuple[np.ndarray, list[TokenVectors]]:
        """`encode`'s vectors and each text's word-piece vectors, int8 (`encoder.tokens.quantised`), from
        one pass, in input order."""
        import numpy as np

        order = sorted(range(len(texts)), key=lambda i: len(texts[i]))
        vectors = np.zeros((len(texts), self.dimension), dtype=np.float32)
        pieces: list[TokenVectors | None] = [None] * len(texts)
        for start in range(0, len(order), batch_size):
            chunk = order[start : start + batch_size]
            encoded, hidden, mask = self._forward([texts[i] for i in chunk])
            vectors[chunk] = self._pooled(hidden, mask)
            for row, (i, enc) in enumerate(zip(chunk, encoded, strict=True)):
                pieces[i] = tokens.quantised(tokens.from_hidden(hidden[row], enc))
        return vectors, [p for p in pieces if p is not None]

    def _forward(self, texts: list[str]) -> tuple[list[Any], np.ndarray, np.ndarray]:
        import numpy as np

        encoded = self.tokenizer.encode_batch(texts)
        ids = np.array([e.ids for e in encoded], dtype=np.int64)
        mask = np.array([e.attention_mask for e in encoded], dtype=np.int64)
        feed = {"input_ids": ids, "attention_mask": mask, "token_type_ids": np.zeros_like(ids)}
        hidden = self.session.run([self.output], {k: v for k, v in feed.items() if k in self.inputs})[0]
        return encoded, hidden, mask

    def _encode_batch(self, texts: list[str]) -> np.ndarray:
        _, hidden, mask = self._forward(texts)
        return self._pooled(hidden, mask)

    @staticmethod
    def _pooled(hidden: np.ndarray, mask: np.ndarray) -> np.ndarray:
        import numpy as np

        weights = mask[:, :, None].astype(np.float32)
        summed = (hidden * weights).sum(axis=1)
        mean = summed / np.clip(weights.sum(axis=1), 1e-9, None)  # as sentence-transformers' Pooling
        norms = np.linalg.norm(mean, axis=1, keepdims=True)
        return mean / np.clip(norms, 1e-12, None)  # as torch.nn.functional.normalize


def load_onnx_encoder(build_dir: Path, manifest: dict[str, Any], threads: int | None = None) -> OnnxEncoder:
    info = manifest.get("onnx")
    if not isinstance(info, dict) or not info.get("file") or not info.get("sha256"):
        raise OnnxUnavailable("the index has no ONNX export")
    if info.get("pooling") != "mean" or not info.get("normalize"):
        raise OnnxUnavailable(f"the ONNX export's pooling {info.get('pooling')!r} is not supported")
    model = _read_checked(build_dir / str(info["file"]), str(info["sha256"]))
    tokenizer = _read_checked(
        build_dir / str(info.get("tokenizer", "tokenizer.json")), str(info.get("tokenizer_sha256", ""))
    )
    try:
        return OnnxEncoder(model, tokenizer, info, threads)
    except Exception as exc:  # onnxruntime and tokenizers raise their own types for a bad file
        raise OnnxUnavailable(f"the ONNX export could not be loaded ({type(exc).__name__})") from exc


def _read_checked(path: Path, sha256: str) -> bytes:
    """The file's bytes (read once: hashed here, then parsed from memory), or OnnxUnavailable."""
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        raise OnnxUnavailable(f"{path.name} is missing from the index") from None
    except OSError as exc:
        raise OnnxUnavailable(f"{path.name} is unreadable ({exc.strerror})") from None
    if hashlib.sha256(data).hexdigest() != sha256:
        raise OnnxUnavailable(f"{path.name} does not match its checksum in the manifest")
    return data
