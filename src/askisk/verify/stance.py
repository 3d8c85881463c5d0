"""The learned stance model: does a passage entail the claim, contradict it, or neither?

A cross-encoder fine-tuned from all-MiniLM-L6-v2 (scripts/train_stance.py; data and figures in
docs/stance.md), shipped as ONNX in `stance_model/` with its tokenizer and `stance.json`. Query time is
torch-free: the Rust tokenizer encodes the pair "claim [SEP] passage", onnxruntime gives three logits per
pair, a softmax turns them into probabilities. Each pair runs on its own, unpadded: the int8 model
quantizes its activations per run, so in a padded batch a passage's stance moved with its neighbours
(argmax differed on 2 % of pairs), and padding to the longest pair cost a third of the time.
Loaded once per process (`load_stance`); never prints.
"""

from __future__ import annotations

import json
import os
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

from askisk.errors import AskiskError
from askisk.runtime import onnx_session

if TYPE_CHECKING:
    import numpy as np

MODEL_DIR = Path(__file__).parent / "stance_model"
LABELS = ("entails", "contradicts", "neutral")
THREADS_ENV = "ASKISK_STANCE_THREADS"


@dataclass(frozen=True)
class Stance:
    """One passage's stance towards the claim (probabilities sum to 1)."""

    entails: float
    contradicts: float
    neutral: float

    @property
    def related(self) -> float:
        """How likely the passage speaks to the claim at all, either way."""
        return self.entails + self.contradicts

    @property
    def label(self) -> str:
        values = (self.entails, self.contradicts, self.neutral)
        return LABELS[values.index(max(values))]


class StanceModel:
    def __init__(self, folder: Path = MODEL_DIR, threads: int | None = None) -> None:
        from tokenizers import Tokenizer

        try:
            self.info = json.loads((folder / "stance.json").read_text(encoding="utf-8"))
            tokenizer = Tokenizer.from_file(str(folder / "tokenizer.json"))
            model = (folder / "model.onnx").read_bytes()
        except (OSError, ValueError) as exc:
            raise AskiskError(f"the stance model in {folder} is missing or broken ({exc})") from exc
        if tuple(self.info.get("labels", ())) != LABELS:
            raise AskiskError(f"the stance model's labels {self.info.get('labels')} are not {LABELS}")
        tokenizer.no_padding()
        tokenizer.enable_truncation(int(self.info.get("max_length", 128)))
        self.tokenizer = tokenizer
        self.session = onnx_session(model, threads or int(os.environ.get(THREADS_ENV) or 1))

    def logits(self, claim: str, passages: Sequence[str]) -> np.ndarray:
        import numpy as np

        if not passages:
            return np.zeros((0, len(LABELS)), dtype=np.float32)
        rows = []
        for e in self.tokenizer.encode_batch([(claim, p) for p in passages]):
            feed = {
                "input_ids": np.array([e.ids], dtype=np.int64),
                "attention_mask": np.array([e.attention_mask], dtype=np.int64),
                "token_type_ids": np.array([e.type_ids], dtype=np.int64),
            }
            rows.append(self.session.run(["logits"], feed)[0])
        return np.concatenate(rows)

    def relatedness(self, claim: str, passages: Sequence[str]) -> np.ndarray:
        """Per passage, 1 - P(neutral): how likely it speaks to the claim either way (a reranking signal
        for search: `search.fusion.Rerank`)."""
        return 1.0 - softmax(self.logits(claim, passages))[:, LABELS.index("neutral")]

    def stances(self, claim: str, passages: Sequence[str], temperature: float = 1.0) -> list[Stance]:
        return [Stance(*map(float, row)) for row in softmax(self.logits(claim, passages), temperature)]


def softmax(logits: np.ndarray, temperature: float = 1.0) -> np.ndarray:
    import numpy as np

    z = logits / max(temperature, 1e-6)
    z = z - z.max(axis=-1, keepdims=True)
    e = np.exp(z)
    return e / e.sum(axis=-1, keepdims=True)


@lru_cache(maxsize=1)
def load_stance() -> StanceModel:
    return StanceModel()
