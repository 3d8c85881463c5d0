"""The dense index chosen by size: flat is exact, the approximate index keeps recall@10 >= 0.95.

Uses synthetic unit vectors with the clustered structure of sentence embeddings (bench/scale.py draws
the same kind); the size threshold is lowered so the approximate index is built at test size.
"""

from __future__ import annotations

import numpy as np
import pytest

from askisk.index import dense

DIM = 384


def _unit(a: np.ndarray) -> np.ndarray:
    return (a / np.linalg.norm(a, axis=1, keepdims=True)).astype(np.float32)


def _clustered(count: int, queries: int, seed: int = 0) -> tuple[np.ndarray, np.ndarray]:
    rng = np.random.default_rng(seed)
    stories = count // 100
    topic_of = rng.integers(0, stories // 20, stories)
    topics = _unit(rng.standard_normal((stories // 20, DIM)))
    story = _unit(rng.standard_normal((stories, DIM)))

    def draw(m: int) -> np.ndarray:
        s = rng.integers(0, stories, m)
        return _unit(
            topics[topic_of[s]] + 0.8 * story[s] + 1.2 * rng.standard_normal((m, DIM)) / np.sqrt(DIM)
        )

    return draw(count), draw(queries)


@pytest.fixture(scope="module")
def data() -> tuple[np.ndarray, np.ndarray]:
    return _clustered(30_000, 100)


@pytest.fixture(scope="module")
def approx(data):
    vectors, _ = data
    return dense.build(vectors, flat_limit=10_000)


def _exact(vectors: np.ndarray, query: np.ndarray, k: int) -> np.ndarray:
    return np.argsort(-(vectors @ query), kind="stable")[:k]


def test_the_type_follows_the_size_and_the_manifest_says_which():
    assert dense.describe(10, flat_limit=100)["type"] == "flat-ip"
    spec = dense.describe(1_000_000)
    assert spec["type"] == "ivf-sq8-ip" and spec["nlist"] == 4096 and spec["nprobe"] == dense.NPROBE
    assert dense.describe(dense.FLAT_LIMIT)["type"] == "flat-ip"
    assert dense.describe(dense.FLAT_LIMIT + 1)["type"] == "ivf-sq8-ip"


def test_flat_path_is_exact(data):
    vectors, queries = data
    small = vectors[:5_000]
    index = dense.build(small)
    assert dense.describe(len(small))["exact"]
    for q in queries[:20]:
        scores, rows = dense.search(index, q, 10)
        assert list(rows) == list(_exact(small, q, 10))
        np.testing.assert_allclose(scores, small[rows] @ q, atol=1e-5)


def test_approximate_index_recall_at_10(data, approx):
    vectors, queries = data
    assert approx.ntotal == len(vectors) and not isinstance(approx, type(dense.build(vectors[:10])))
    recall = [len(set(dense.search(approx, q, 10)[1]) & set(_exact(vectors, q, 10))) / 10 for q in queries]
    assert np.mean(recall) >= 0.95, np.mean(recall)


def test_approximate_index_reconstructs_every_row_closely(data, approx):
    vectors, queries = data
    rows = np.arange(0, len(vectors), 37, dtype=np.int64)
    cos = approx.reconstruct_batch(rows) @ queries[0]
    np.testing.assert_allclose(cos, vectors[rows] @ queries[0], atol=0.01)


def test_filtered_search_returns_only_allowed_rows_exactly_ranked(data, approx):
    vectors, queries = data
    rng = np.random.default_rng(3)
    for share in (0.01, 0.2, 0.9):  # a scan, then searches through the index with an IDSelector
        allowed = np.sort(rng.choice(len(vectors), int(len(vectors) * share), replace=False)).astype(np.int64)
        for q in queries[:10]:
            _, rows = dense.search(approx, q, 20, allowed)
            assert len(rows) == 20 and np.isin(rows, allowed).all()
            best = allowed[_exact(vectors[allowed], q, 10)]
            assert len(set(rows[:10]) & set(best)) >= 8
    assert len(dense.search(approx, queries[0], 5, np.zeros(0, dtype=np.int64))[1]) == 0


def test_save_load_round_trip(tmp_path, data, approx):
    _, queries = data
    dense.save(approx, tmp_path / "dense.faiss")
    loaded = dense.load(tmp_path / "dense.faiss")
    assert loaded.ntotal == approx.ntotal
    for q in queries[:10]:
        a, b = dense.search(approx, q, 10), dense.search(loaded, q, 10)
        assert list(a[1]) == list(b[1])
        np.testing.assert_allclose(a[0], b[0])
    rows = np.array([0, 5, 29_999], dtype=np.int64)
    np.testing.assert_array_equal(loaded.reconstruct_batch(rows), approx.reconstruct_batch(rows))


def test_bm25_top_depth_selection_ranks_exactly_as_a_full_sort():
    from askisk.index.lexical import top as bm25_ranking

    rng = np.random.default_rng(7)
    for _ in range(50):
        scores = rng.integers(0, 6, 2_000).astype(np.float32)  # many ties, many zeros
        allowed = np.sort(rng.choice(2_000, 900, replace=False)) if rng.random() < 0.5 else None
        masked = scores if allowed is None else np.where(np.isin(np.arange(2_000), allowed), scores, 0)
        rows = np.flatnonzero(masked > 0)
        expected = rows[np.argsort(-masked[rows], kind="stable")][:50]
        got_scores, got = bm25_ranking(scores, 50, allowed)
        assert list(got) == list(expected)
        np.testing.assert_array_equal(got_scores, masked[expected])
