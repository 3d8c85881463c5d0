"""The dense side of retrieval: a FAISS inner-product index over unit vectors (= cosine similarity).

The index type is chosen by size in one place (`describe`/`build`):

- up to FLAT_LIMIT vectors: exact flat search (IndexFlatIP). On this 2-core machine a flat scan costs
  about 0.1 ms per 1,000 vectors per query, so 50k vectors stay within a few milliseconds.
- above it: IVF with 8-bit scalar quantisation (IndexIVFScalarQuantizer, QT_8bit), NLIST chosen by
  size, NPROBE lists scanned per query. 384 bytes per vector instead of 1,536 (1M vectors: ~0.4 GB),
  builds in minutes where HNSW takes tens of minutes on two cores, and keeps recall@10 >= 0.95
  against exact search on clustered data (measured in bench/scale.py, checked in
  tests/test_dense_scale.py) and on real sentence embeddings (34k MiniLM vectors of news and
  Wikipedia sentences, nlist 1024: 0.983 at 256 probes, where 64 gave 0.924; bench/ann_recall.py).
  Rows are the FAISS ids; a direct map makes `reconstruct` work, which gives the 8-bit approximation
  of a vector (cosine off by ~1e-3), used for fusion and filtered search.

Queries run on one OpenMP thread: a single query gains nothing from a second thread, and on a busy
2-core machine the threads' barrier made a 10k flat search take 60 ms instead of 0.3 ms (bench/README.md).
Builds use every core.

`search` takes an optional set of allowed rows (the speaker filter): small sets are scanned exactly, large
ones searched through the index with an IDSelector, falling back to the scan if the index comes up short.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    import faiss
    import numpy as np

FLAT_LIMIT = 50_000
NPROBE = 256  # real MiniLM vectors need it (see the module docstring)
MIN_NLIST = 256
MAX_NLIST = 16_384
TRAIN_PER_LIST = 40  # k-means sample size per list (FAISS warns below 39)
SCAN_LIMIT = 2_000  # a filter allowing at most this many rows is scanned exactly (IVF decodes ~10 us/row)


@contextmanager
def _threads(count: int) -> Iterator[None]:
    import faiss

    before = faiss.omp_get_max_threads()
    faiss.omp_set_num_threads(count)
    try:
        yield
    finally:
        faiss.omp_set_num_threads(before)


def nlist_for(count: int) -> int:
    """About 4 * sqrt(count) lists, rounded to a power of two: 1M vectors -> 4096."""
    import math

    target = 4 * math.sqrt(max(count, 1))
    return int(min(MAX_NLIST, max(MIN_NLIST, 2 ** round(math.log2(target)))))


def describe(count: int, flat_limit: int = FLAT_LIMIT) -> dict[str, Any]:
    if count <= flat_limit:
        return {"type": "flat-ip", "vectors": count, "exact": True, "flat_limit": flat_limit}
    return {
        "type": "ivf-sq8-ip",
        "vectors": count,
        "exact": False,
        "flat_limit": flat_limit,
        "nlist": nlist_for(count),
        "nprobe": NPROBE,
        "quantizer": "QT_8bit",
        "train_sample": min(count, TRAIN_PER_LIST * nlist_for(count)),
    }


def build(vectors: np.ndarray, flat_limit: int = FLAT_LIMIT) -> faiss.Index:
    import faiss
    import numpy as np

    vectors = np.ascontiguousarray(vectors, dtype=np.float32)
    spec = describe(len(vectors), flat_limit)
    dim = vectors.shape[1]
    if spec["type"] == "flat-ip":
        index = faiss.IndexFlatIP(dim)
        if len(vectors):
            index.add(vectors)
        return index
    quantizer = faiss.IndexFlatIP(dim)
    ivf: Any = faiss.IndexIVFScalarQuantizer(
        quantizer, dim, spec["nlist"], faiss.ScalarQuantizer.QT_8bit, faiss.METRIC_INNER_PRODUCT
    )
    # an evenly spaced sample is deterministic and covers the whole collection
    step = len(vectors) / spec["train_sample"]
    sample = vectors[(np.arange(spec["train_sample"]) * step).astype(np.int64)]
    ivf.cp.seed = 1234
    with _threads(os.cpu_count() or 1):
        ivf.train(sample)
        ivf.add(vectors)
    ivf.nprobe = spec["nprobe"]
    ivf.make_direct_map()
    return ivf


def save(index: faiss.Index, path: Path) -> None:
    import faiss

    faiss.write_index(index, str(path))


def load(path: Path) -> faiss.Index:
    import faiss

    index = faiss.read_index(str(path))
    ivf = _ivf(index)
    if ivf is not None and ivf.direct_map.type == faiss.DirectMap.NoMap:  # type: ignore[attr-defined]
        ivf.make_direct_map()
    return index


def _ivf(index: faiss.Index):
    import faiss

    return faiss.try_extract_index_ivf(index) if not isinstance(index, faiss.IndexFlat) else None


def search(
    index: faiss.Index, query: np.ndarray, k: int, allowed: np.ndarray | None = None
) -> tuple[np.ndarray, np.ndarray]:
    """(scores, rows) of the k nearest vectors, best first; rows of -1 (fewer vectors than k) are dropped.

    `allowed` (sorted or not, int64 rows) restricts the result to those rows.
    """
    import faiss
    import numpy as np

    query = np.ascontiguousarray(query, dtype=np.float32).reshape(1, -1)
    if allowed is not None:
        if len(allowed) == 0:
            return np.zeros(0, dtype=np.float32), np.asarray(allowed, dtype=np.int64)
        ivf = _ivf(index)
        if ivf is None or len(allowed) <= SCAN_LIMIT:
            return _scan(index, query[0], k, allowed)
        want = min(k, len(allowed))
        mask = np.zeros(index.ntotal, dtype=bool)
        mask[allowed] = True
        bits = np.packbits(mask, bitorder="little")  # a bitmap: built in ~1 ms where a hash set takes 30+
        selector = faiss.IDSelectorBitmap(len(mask), faiss.swig_ptr(bits))
        # scan more lists when the filter leaves a small share of each
        share = len(allowed) / max(index.ntotal, 1)
        nprobe = min(ivf.nlist, max(ivf.nprobe, int(ivf.nprobe / max(share, 1e-9) ** 0.5)))
        params = faiss.SearchParametersIVF(sel=selector, nprobe=nprobe)  # type: ignore[call-arg]
        with _threads(1):
            scores, rows = index.search(query, want, params=params)
        keep = rows[0] >= 0
        if int(keep.sum()) < want:
            return _scan(index, query[0], k, allowed)
        return scores[0][keep], rows[0][keep]
    k = min(k, index.ntotal)
    if k <= 0:
        return np.zeros(0, dtype=np.float32), np.zeros(0, dtype=np.int64)
    with _threads(1):
        scores, rows = index.search(query, k)
    keep = rows[0] >= 0
    return scores[0][keep], rows[0][keep]


def _scan(
    index: faiss.Index, query: np.ndarray, k: int, allowed: np.ndarray
) -> tuple[np.ndarray, np.ndarray]:
    """Exact ranking of the allowed rows (over their stored, for IVF 8-bit, vectors)."""
    import numpy as np

    with _threads(1):
        vectors = index.reconstruct_batch(allowed)
    sims = vectors @ query
    order = np.argsort(-sims, kind="stable")[:k]
    return sims[order], allowed[order]
