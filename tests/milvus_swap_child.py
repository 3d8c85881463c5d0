"""Child process of test_milvus_reindex: a dense index swap on a fresh Milvus Lite file through a client
that pings too often, so that Lite's server drops the connection mid-build (GOAWAY "too_many_pings").
A fresh process, because grpc keeps state per process that made the drop stop happening after other
Milvus tests had run in the same one. Prints one JSON line.

    python milvus_swap_child.py FOLDER    (runs `milvus_schema.reindex_dense`)
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

import numpy as np
from pymilvus import MilvusClient

from askisk.index import milvus_schema as ms

ROWS = 12_000
# the 4,000-list k-means over 12,000 rows takes seconds; three pings 200 ms apart strike out
SWAP = {"index_type": "IVF_FLAT", "params": {"nlist": 4_000}, "search": {"nprobe": 4_000}}
PINGER = {
    "grpc.keepalive_time_ms": 200,
    "grpc.http2.max_pings_without_data": 0,
    "grpc.keepalive_permit_without_calls": True,
}


def main() -> None:
    folder = Path(sys.argv[1])
    target = ms.parse_target(f"milvus-lite://{folder / 'swap.db'}")
    client = MilvusClient(uri=target.client_uri, grpc_options=PINGER)
    ms.create(client, "swap", lite=True)
    vectors = np.random.default_rng(7).standard_normal((ROWS, ms.DIMENSION)).astype(np.float32)
    vectors /= np.linalg.norm(vectors, axis=1, keepdims=True)
    for start in range(0, ROWS, 1_000):
        client.insert("swap", [_row(j, vectors[j]) for j in range(start, min(start + 1_000, ROWS))])
    client.flush("swap")
    ms.reindex_dense(client, "swap", SWAP, lite=True)
    info = client.describe_index("swap", "dense")
    probes = [0, 1_234, ROWS - 1]
    hits = client.search(
        "swap",
        data=[vectors[j].tolist() for j in probes],
        anns_field="dense",
        limit=1,
        search_params={"metric_type": "IP", "params": SWAP["search"]},
        filter="born <= 1 and died > 1",
    )
    out = {
        "index_type": info["index_type"],
        "nlist": str(info["params"]["nlist"]),
        "state": info["state"],
        "indexes": sorted(client.list_indexes("swap")),
        "probes": probes,
        "found": [h[0]["pk"] for h in hits],
    }
    print(json.dumps(out), flush=True)
    ms.disconnect(client, target)


def _row(j: int, vector: np.ndarray) -> dict:
    return {
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
        "dense": vector.tolist(),
    }


if __name__ == "__main__":
    main()
