"""The dense side of retrieval: a FAISS inner-product index over unit vectors (= cosine similarity).

The index type is chosen by size in one place (`describe`/`build`): exact flat search for small
collections; an approximate index takes over past FLAT_LIMIT vectors.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    import faiss
    import numpy as np

FLAT_LIMIT = 200_000


def describe(count: int) -> dict[str, Any]:
    return {"type": "flat-ip", "vectors": count}


def build(vectors: np.ndarray) -> faiss.Index:
    import faiss

    index = faiss.IndexFlatIP(vectors.shape[1])
    if len(vectors):
        index.add(vectors)
    return index


def save(index: faiss.Index, path: Path) -> None:
    import faiss

    faiss.write_index(index, str(path))


def load(path: Path) -> faiss.Index:
    import faiss

    return faiss.read_index(str(path))


def search(index: faiss.Index, query: np.ndarray, k: int) -> tuple[np.ndarray, np.ndarray]:
    """(scores, rows) of the k nearest vectors; rows of -1 (fewer vectors than k) are dropped."""
    k = min(k, index.ntotal)
    if k <= 0:
        import numpy as np

        return np.zeros(0, dtype=np.float32), np.zeros(0, dtype=np.int64)
    scores, rows = index.search(query.reshape(1, -1), k)
    keep = rows[0] >= 0
    return scores[0][keep], rows[0][keep]
