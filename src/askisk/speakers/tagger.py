"""The learned attribution tagger: which words of a sentence are its SOURCE, CUE and CONTENT.

A token classifier fine-tuned from all-MiniLM-L6-v2 on PolNeAR train (scripts/train_tagger.py; data and
figures in docs/attribution.md), shipped as ONNX in `tagger_model/` with its tokenizer and `tagger.json`.
Torch-free: the Rust tokenizer encodes "[CLS] [SEP] sentence [SEP]" (the sentence alone, as the model
was trained; a previous sentence as context did not pay in session 7), onnxruntime gives four logits
per wordpiece (O / SOURCE / CUE / CONTENT), a softmax turns them into probabilities. A document's
sentences run in batches of similar length.
Loaded once per process (`load_tagger`); `None` when the model is absent or ASKISK_TAGGER=0.
Never prints.
"""

from __future__ import annotations

import json
import os
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from askisk.errors import AskiskError
from askisk.runtime import onnx_session

MODEL_DIR = Path(__file__).parent / "tagger_model"
LABELS = ("O", "SOURCE", "CUE", "CONTENT")
SWITCH_ENV = "ASKISK_TAGGER"
THREADS_ENV = "ASKISK_TAGGER_THREADS"
_BATCH = 16


@dataclass(frozen=True)
class Span:
    label: str  # "SOURCE" | "CUE" | "CONTENT"
    start: int  # character offsets into the sentence
    end: int
    score: float  # mean probability of the label over its pieces


@dataclass(frozen=True)
class Tags:
    """One sentence as the tagger reads it."""

    coverage: float  # mean over its pieces of P(not O): the share of it inside an attribution
    cue: float  # the highest P(CUE) of a piece
    spans: tuple[Span, ...]  # runs of pieces with the same best label (not O)

    def of(self, label: str) -> tuple[Span, ...]:
        return tuple(s for s in self.spans if s.label == label)


EMPTY = Tags(0.0, 0.0, ())


class Tagger:
    def __init__(self, folder: Path = MODEL_DIR, threads: int | None = None) -> None:
        from tokenizers import Tokenizer

        try:
            self.info = json.loads((folder / "tagger.json").read_text(encoding="utf-8"))
            tokenizer = Tokenizer.from_file(str(folder / "tokenizer.json"))
            model = (folder / "model.onnx").read_bytes()
        except (OSError, ValueError) as exc:
            raise AskiskError(f"the tagger model in {folder} is missing or broken ({exc})") from exc
        if tuple(self.info.get("labels", ())) != LABELS:
            raise AskiskError(f"the tagger's labels {self.info.get('labels')} are not {LABELS}")
        tokenizer.no_padding()
        tokenizer.no_truncation()
        self.tokenizer = tokenizer
        self.max_len = int(self.info.get("max_length", 96))
        self.special = tuple(tokenizer.token_to_id(t) or 0 for t in ("[CLS]", "[SEP]", "[PAD]"))
        self.session = onnx_session(model, threads or int(os.environ.get(THREADS_ENV) or 1))

    def tag(self, sentences: Sequence[str]) -> list[Tags]:
        """Tags per sentence, each read alone."""
        import numpy as np

        cls, sep, pad = self.special
        rows = []
        for text in sentences:
            enc = self.tokenizer.encode(text, add_special_tokens=False)
            n = self.max_len - 3
            pieces = list(zip(enc.word_ids[:n], enc.offsets[:n], strict=True))
            rows.append(([cls, sep, *enc.ids[:n], sep], 2, pieces))
        out: list[Tags] = [EMPTY] * len(rows)
        order = sorted(range(len(rows)), key=lambda i: len(rows[i][0]))
        for b in range(0, len(order), _BATCH):
            chunk = order[b : b + _BATCH]
            width = max(len(rows[i][0]) for i in chunk)
            ids = np.full((len(chunk), width), pad, dtype=np.int64)
            mask = np.zeros((len(chunk), width), dtype=np.int64)
            types = np.zeros((len(chunk), width), dtype=np.int64)
            for r, i in enumerate(chunk):
                seq, first, _ = rows[i]
                ids[r, : len(seq)] = seq
                mask[r, : len(seq)] = 1
                types[r, first : len(seq)] = 1
            feed = {"input_ids": ids, "attention_mask": mask, "token_type_ids": types}
            logits = self.session.run(["logits"], feed)[0]
            for r, i in enumerate(chunk):
                _, first, pieces = rows[i]
                out[i] = _read(_softmax(logits[r, first : first + len(pieces)]), pieces)
        return out


def _by_word(probs, pieces):
    """Word pieces joined into their words (the first piece's label probabilities, as in training every piece
    carried its word's label; the word's offsets), so no span starts or ends inside a word ("later
    rei|mbursed" was a cue, "wink|ing" one without the mean of its pieces)."""
    import numpy as np

    groups: dict[tuple[str, int], list[int]] = {}
    for k, (word, _) in enumerate(pieces):
        groups.setdefault(("piece", k) if word is None else ("word", word), []).append(k)
    rows = list(groups.values())
    offsets = [(pieces[ks[0]][1][0], pieces[ks[-1]][1][1]) for ks in rows]
    return np.stack([probs[ks[0]] for ks in rows]), offsets


def _softmax(z):
    import numpy as np

    z = z - z.max(axis=-1, keepdims=True)
    e = np.exp(z)
    return e / e.sum(axis=-1, keepdims=True)


def _read(pieces_probs, pieces) -> Tags:
    if not pieces:
        return EMPTY
    coverage, cue = float(1.0 - pieces_probs[:, 0].mean()), float(pieces_probs[:, 2].max())
    probs, offsets = _by_word(pieces_probs, pieces)
    best = probs.argmax(-1)
    spans: list[Span] = []
    run: list[int] = []
    for k in range(len(offsets) + 1):
        if run and (k == len(offsets) or best[k] != best[run[0]]):
            label = int(best[run[0]])
            if label:
                score = float(probs[run, label].mean())
                spans.append(Span(LABELS[label], offsets[run[0]][0], offsets[run[-1]][1], score))
            run = []
        if k < len(offsets):
            run.append(k)
    return Tags(coverage, cue, tuple(spans))


@lru_cache(maxsize=1)
def load_tagger() -> Tagger | None:
    if os.environ.get(SWITCH_ENV, "1") == "0" or not (MODEL_DIR / "model.onnx").is_file():
        return None
    return Tagger()
