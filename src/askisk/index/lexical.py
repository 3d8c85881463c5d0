"""The lexical side of retrieval: our tokenizer in front of bm25s (BM25 scoring is bm25s's, not ours).

The tokenizer keeps hyphenated names whole as well as in parts ("IS-K" -> "is-k", "isk", "is", "k"),
folds Unicode look-alikes (text.normalize), drops English stop words and stems with PyStemmer.
"""

from __future__ import annotations

import os
import re
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

from askisk.text import normalize

if TYPE_CHECKING:
    import bm25s
    import numpy as np

_WORD = re.compile(r"[^\W_]+(?:[-'][^\W_]+)*")
_KEEP_SHORT = re.compile(r"^\d+$")


def _bm25s():
    """bm25s, imported without numba and scipy.sparse unless they are loaded already.

    bm25s imports both (and tqdm) at its top when they are installed (~0.3 s of a one-shot `askisk ask`),
    but we use none of them: BM25() defaults to the numpy backends and queries go through get_scores.
    They are hidden only while bm25s itself is imported; later imports of numba or scipy work as usual.
    """
    import sys

    if "bm25s" in sys.modules:
        return sys.modules["bm25s"]
    hidden = [name for name in ("numba", "scipy.sparse") if name not in sys.modules]
    for name in hidden:
        sys.modules[name] = None  # type: ignore[assignment]  # makes `import name` raise ImportError
    tqdm_env = os.environ.get("DISABLE_TQDM")
    os.environ["DISABLE_TQDM"] = "1"  # bm25s's own switch; we never show its progress bars
    try:
        import bm25s
    finally:
        for name in hidden:
            if name in sys.modules and sys.modules[name] is None:
                del sys.modules[name]
        if tqdm_env is None:
            del os.environ["DISABLE_TQDM"]
        else:
            os.environ["DISABLE_TQDM"] = tqdm_env
    return bm25s


@lru_cache(maxsize=1)
def _stopwords() -> frozenset[str]:
    _bm25s()
    from bm25s.stopwords import STOPWORDS_EN

    return frozenset(STOPWORDS_EN)


@lru_cache(maxsize=1)
def _stemmer():
    import Stemmer

    return Stemmer.Stemmer("english")


def tokenize(text: str) -> list[str]:
    tokens: list[str] = []
    stop = _stopwords()
    for raw in _WORD.findall(normalize(text).replace("'s ", " ").replace("U.S.", "US")):
        word = raw.replace("'", "")
        parts = [word]
        if "-" in word:
            pieces = [p for p in word.split("-") if p]
            parts = ["".join(pieces), *pieces]
        for part in parts:
            # an all-capitals acronym ("IS", "US") is a name, even when its lower case is a stop word
            acronym = len(part) > 1 and part.isupper()
            lower = part.lower()
            if (lower in stop and not acronym) or (len(part) < 2 and not _KEEP_SHORT.match(part)):
                continue
            tokens.append(lower)
    return _stemmer().stemWords(tokens)


def build(texts: list[str]) -> bm25s.BM25:
    bm25s = _bm25s()

    retriever = bm25s.BM25(method="lucene", k1=1.2, b=0.75)
    retriever.index([tokenize(t) or ["\u2205"] for t in texts], show_progress=False)
    return retriever


def save(retriever: bm25s.BM25, folder: Path) -> None:
    retriever.save(str(folder), show_progress=False)


def load(folder: Path) -> bm25s.BM25:
    bm25s = _bm25s()

    return bm25s.BM25.load(str(folder), mmap=True, load_corpus=False)


def scores(retriever: bm25s.BM25, query: str) -> np.ndarray:
    """BM25 score of every indexed text for the query (zeros when no query word is known)."""
    import numpy as np

    vocab = retriever.vocab_dict
    tokens = [t for t in tokenize(query) if t in vocab]
    if not tokens:
        return np.zeros(retriever.scores["num_docs"], dtype=np.float32)
    return np.asarray(retriever.get_scores(tokens), dtype=np.float32)


def top(scores: np.ndarray, depth: int, allowed: np.ndarray | None) -> tuple[np.ndarray, np.ndarray]:
    """(scores, rows) of the `depth` best rows with a score above 0 (within `allowed`), best first."""
    import numpy as np

    if allowed is not None:
        mask = np.zeros(len(scores), dtype=bool)
        mask[allowed] = True
        scores = np.where(mask, scores, 0.0)
    candidates = np.flatnonzero(scores > 0)
    if len(candidates) > depth:  # select the top `depth` before sorting them (large corpora)
        values = scores[candidates]
        kth = np.partition(values, len(values) - depth)[len(values) - depth]
        above = candidates[values > kth]
        candidates = np.concatenate([above, candidates[values == kth][: depth - len(above)]])
        candidates.sort()  # row order, so ties rank exactly as in a full stable sort
    order = candidates[np.argsort(-scores[candidates], kind="stable")][:depth]
    return scores[order], order
