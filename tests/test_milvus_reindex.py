"""The dense index swap on Milvus Lite (FLAT -> IVF_FLAT when a collection outgrows exact search) when
the connection drops while the index is built: pymilvus re-sends the create_index, which meets the
index the first call built. Milvus Lite builds the index inside create_index (it stays loaded once the
dense index is dropped), for minutes at 1M rows; here a client that pings too often makes Lite's
server close the connection (GOAWAY "too_many_pings") within a second of building."""

from __future__ import annotations

import numpy as np
import pytest

pytest.importorskip("pymilvus")

from pymilvus import MilvusClient  # noqa: E402
from pymilvus.exceptions import MilvusException  # noqa: E402

from askisk.index import milvus_schema as ms  # noqa: E402

ROWS = 12_000
# the 4,000-list k-means over 4,000 rows takes seconds; three pings 50 ms apart strike out
SWAP = {"index_type": "IVF_FLAT", "params": {"nlist": 4_000}, "search": {"nprobe": 4_000}}
PINGER = {
    "grpc.keepalive_time_ms": 200,
    "grpc.http2.max_pings_without_data": 0,
    "grpc.keepalive_permit_without_calls": True,
}


def _collection(folder, size: int):
    """A Milvus Lite collection of askisk's schema with `size` random unit vectors, FLAT-indexed, and its
    client that pings too often (pymilvus shares one connection per URI, so it is the only client)."""
    target = ms.parse_target(f"milvus-lite://{folder / 'swap.db'}")
    client = MilvusClient(uri=target.client_uri, grpc_options=PINGER)
    ms.create(client, "swap", lite=True)
    vectors = np.random.default_rng(7).standard_normal((size, ms.DIMENSION)).astype(np.float32)
    vectors /= np.linalg.norm(vectors, axis=1, keepdims=True)
    rows = [
        {
            "pk": j,
            "passage_id": f"p{j}",
            "text": f"row {j}",
            "terms": ms.terms(f"row {j}"),
            "context_terms": ms.terms(f"row {j}"),
            "speaker": "",
            "kind": "narration",
            "source_id": "s",
            "date": "",
            "paragraph": 1,
            "born": 1,
            "died": ms.NEVER,
            "dense": vectors[j].tolist(),
        }
        for j in range(size)
    ]
    for start in range(0, size, 1_000):
        client.insert("swap", rows[start : start + 1_000])
    client.flush("swap")
    return target, client, vectors


@pytest.fixture
def lite_rows(tmp_path):
    target, client, vectors = _collection(tmp_path, ROWS)
    yield client, vectors
    ms.disconnect(client, target)


@pytest.fixture
def lite_few(tmp_path):
    target, client, _ = _collection(tmp_path, 100)
    yield client
    ms.disconnect(client, target)


def _drop_dense(client) -> None:
    client.release_collection("swap")
    client.drop_index("swap", "dense")


def test_a_dropped_connection_makes_pymilvus_resend_create_index_into_already_exists(lite_rows):
    """The failure of the 1M bench, at 4,000 rows: the re-sent call meets the index the first built."""
    client, _ = lite_rows
    _drop_dense(client)
    params = client.prepare_index_params()
    ms.add_index(params, "dense", SWAP["index_type"], "IP", SWAP["params"])
    with pytest.raises(MilvusException, match="already exists"):
        client.create_index("swap", params, sync=False)


def test_reindex_dense_survives_a_dropped_connection_and_the_new_index_answers(lite_rows):
    client, vectors = lite_rows
    ms.reindex_dense(client, "swap", SWAP, lite=True)
    info = client.describe_index("swap", "dense")
    assert info["index_type"] == "IVF_FLAT"
    assert str(info["params"]["nlist"]) == "4000"
    assert info["state"] == "Finished"
    assert sorted(client.list_indexes("swap")) == ["context_sparse", "dense", "sparse"]
    probes = [0, 1_234, ROWS - 1]
    hits = client.search(
        "swap",
        data=[vectors[j].tolist() for j in probes],
        anns_field="dense",
        limit=1,
        search_params={"metric_type": "IP", "params": SWAP["search"]},
        filter="born <= 1 and died > 1",
    )
    assert [h[0]["pk"] for h in hits] == probes


def test_another_index_in_the_way_is_not_taken_for_ours(lite_few):
    """'already exists' is success only when the index there has the type and parameters asked for."""
    client = lite_few
    _drop_dense(client)
    params = client.prepare_index_params()
    ms.add_index(params, "dense", "IVF_FLAT", "IP", {"nlist": 16})
    client.create_index("swap", params, sync=False)
    assert not ms._is_index(client, "swap", SWAP)
    assert ms._is_index(client, "swap", {"index_type": "IVF_FLAT", "params": {"nlist": 16}})


def test_the_swap_keeps_the_bm25_indexes_and_their_scores(lite_few):
    """Milvus Lite drops every index of a collection for a drop_index by any name but '<field>_idx':
    the BM25 indexes went with the dense one and their k1 and b fell back to Lite's (scores changed)."""
    client = lite_few

    def bm25(field: str) -> list[tuple[int, float]]:
        found = client.search(
            "swap",
            data=[ms.terms("row 7 row")],
            anns_field=field,
            limit=5,
            search_params={"metric_type": "BM25"},
            output_fields=["pk"],
        )
        return [(h["pk"], round(h["distance"], 5)) for h in found[0]]

    before = {field: bm25(field) for field in ("sparse", "context_sparse")}
    ms.reindex_dense(client, "swap", {"index_type": "IVF_FLAT", "params": {"nlist": 8}}, lite=True)
    assert client.describe_index("swap", "dense")["index_type"] == "IVF_FLAT"
    for field in ("sparse", "context_sparse"):
        params = client.describe_index("swap", field)["params"]
        assert (float(params["bm25_k1"]), float(params["bm25_b"])) == (ms.BM25_K1, ms.BM25_B)
        assert bm25(field) == before[field]
