"""Recall@10 of askisk's approximate dense indexes against exact search, on real sentence embeddings.

The pool is bench/real_vectors.py's cache (every sentence of PolNeAR train + dev and the Climate-FEVER
evidence of even claim ids, embedded with askisk's ONNX encoder). The first QUERIES sentences of the
(shuffled) pool are the queries, the rest the collection. Exact = the top 10 by inner product (numpy).

Rows: the index each store picks at this size (`dense.describe`, `milvus_schema.dense_index_for`), and
the approximate index each store switches to above its exact threshold, forced at this size: FAISS
IVF-SQ8 (local store), IVF_FLAT (Milvus Lite), HNSW (a Milvus server; built here by Milvus Lite, which
uses faiss for it). Milvus rows use a collection holding only pk and the dense vector: recall depends on
the dense index alone.

    nice -n 10 .venv/bin/python bench/ann_recall.py --out bench/results/ann-recall.json
"""

from __future__ import annotations

import argparse
import contextlib
import json
import sys
import tempfile
import time
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent))
from real_vectors import load  # noqa: E402

QUERIES = 500
K = 10


def recall(found: list[list[int]], exact: np.ndarray) -> float:
    return float(
        np.mean([len(set(f[:K]) & set(e[:K].tolist())) / K for f, e in zip(found, exact, strict=True)])
    )


def faiss_rows(vectors: np.ndarray, queries: np.ndarray, exact: np.ndarray) -> list[dict]:
    from askisk.index import dense

    out = []
    for label, flat_limit in (("picked", dense.FLAT_LIMIT), ("forced approximate", 0)):
        start = time.perf_counter()
        index = dense.build(vectors, flat_limit=flat_limit)
        build_s = time.perf_counter() - start
        found = [dense.search(index, q, K)[1].tolist() for q in queries]
        spec = dense.describe(len(vectors), flat_limit)
        out.append(
            {
                "store": "local (FAISS)",
                "which": label,
                "index": spec,
                "build_s": build_s,
                "recall@10": recall(found, exact),
            }
        )
    return out


def nprobe_sweep(vectors: np.ndarray, queries: np.ndarray, exact: np.ndarray) -> list[dict]:
    """Where the IVF-SQ8 loss comes from: more lists probed, the 8-bit quantiser alone, IVF without it."""
    import faiss

    from askisk.index import dense

    nlist, dim, ip = dense.nlist_for(len(vectors)), vectors.shape[1], faiss.METRIC_INNER_PRODUCT
    out = []
    for name in ("IVF-SQ8", "IVF-Flat"):
        quantizer = faiss.IndexFlatIP(dim)
        if name == "IVF-SQ8":
            index = faiss.IndexIVFScalarQuantizer(quantizer, dim, nlist, faiss.ScalarQuantizer.QT_8bit, ip)
        else:
            index = faiss.IndexIVFFlat(quantizer, dim, nlist, ip)
        index.train(vectors)
        index.add(vectors)
        for nprobe in (64, 128, 256):
            index.nprobe = nprobe
            found = index.search(queries, K)[1].tolist()
            spec = {"type": f"{name} nlist {nlist}, nprobe {nprobe}"}
            out.append(
                {
                    "store": "FAISS sweep",
                    "which": "",
                    "index": spec,
                    "build_s": 0.0,
                    "recall@10": recall(found, exact),
                }
            )
    flat_sq8 = faiss.IndexScalarQuantizer(dim, faiss.ScalarQuantizer.QT_8bit, ip)
    flat_sq8.train(vectors)
    flat_sq8.add(vectors)
    found = flat_sq8.search(queries, K)[1].tolist()
    out.append(
        {
            "store": "FAISS sweep",
            "which": "",
            "index": {"type": "SQ8, no IVF (every row scanned)"},
            "build_s": 0.0,
            "recall@10": recall(found, exact),
        }
    )
    return out


def milvus_insert(client, name: str, vectors: np.ndarray) -> float:
    from pymilvus import DataType, MilvusClient

    schema = MilvusClient.create_schema(auto_id=False, enable_dynamic_field=False)
    schema.add_field("pk", DataType.INT64, is_primary=True)
    schema.add_field("dense", DataType.FLOAT_VECTOR, dim=vectors.shape[1])
    client.create_collection(name, schema=schema, consistency_level="Strong")
    start = time.perf_counter()
    for i in range(0, len(vectors), 2000):
        rows = [{"pk": j, "dense": vectors[j].tolist()} for j in range(i, min(i + 2000, len(vectors)))]
        client.insert(name, rows)
    client.flush(name)
    return time.perf_counter() - start


def milvus_row(client, name: str, label: str, choice: dict, queries, exact) -> dict:
    """Recall of `choice` on the collection: its dense index swapped for this one, then searched."""
    from askisk.index import milvus_schema as ms

    client.release_collection(name)
    with contextlib.suppress(Exception):  # none yet on the first round
        client.drop_index(name, "dense")
    params = client.prepare_index_params()
    ms.add_index(params, "dense", choice["index_type"], "IP", choice["params"])
    start = time.perf_counter()
    client.create_index(name, params, sync=False)
    client.load_collection(name)  # Milvus Lite builds the index here
    build_s = time.perf_counter() - start
    search = {"metric_type": "IP", **({"params": choice["search"]} if choice.get("search") else {})}
    found = []
    for i in range(0, len(queries), 100):
        res = client.search(
            name,
            data=[q.tolist() for q in queries[i : i + 100]],
            anns_field="dense",
            limit=K,
            search_params=search,
            output_fields=["pk"],
        )
        found += [[int(h["pk"]) for h in hits] for hits in res]
    return {
        "store": "Milvus Lite",
        "which": label,
        "index": choice,
        "build_s": build_s,
        "recall@10": recall(found, exact),
    }


def milvus_rows(vectors: np.ndarray, queries: np.ndarray, exact: np.ndarray) -> list[dict]:
    from askisk.index import milvus_schema as ms

    n = len(vectors)
    target = ms.parse_target(f"milvus-lite://{tempfile.mkdtemp(prefix='ann-recall-')}/recall.db")
    client = ms.connect(target)
    try:
        insert_s = milvus_insert(client, "recall", vectors)
        print(f"Milvus Lite: inserted {n:,} vectors in {insert_s:.0f}s", file=sys.stderr, flush=True)
        choices = [
            ("picked (Milvus Lite)", ms.dense_index_for(n, lite=True)),
            ("forced approximate (Milvus Lite)", ms.dense_index_for(max(n, ms.FLAT_UP_TO + 1), lite=True)),
            ("forced approximate (server)", ms.dense_index_for(max(n, ms.FLAT_UP_TO + 1), lite=False)),
        ]
        out = []
        for label, choice in choices:
            if choice["index_type"] == "IVF_FLAT":  # nlist from this size, not the forced one
                choice = ms.ivf_flat_for(n)
            out.append(milvus_row(client, "recall", label, choice, queries, exact))
            print(json.dumps(out[-1]), file=sys.stderr, flush=True)
        return out
    finally:
        ms.disconnect(client, target)


def describe(index: dict) -> str:
    if "index_type" in index:
        params = {**index.get("params", {}), **index.get("search", {})}
        return index["index_type"] + (
            " " + ", ".join(f"{k} {v}" for k, v in params.items()) if params else ""
        )
    if index["type"] not in ("flat-ip", "ivf-sq8-ip"):
        return index["type"]
    if index["type"] == "flat-ip":
        return "FAISS flat (exact)"
    return f"FAISS IVF-SQ8 nlist {index['nlist']}, nprobe {index['nprobe']}"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path)
    parser.add_argument("--stores", default="local,milvus-lite")
    parser.add_argument("--sweep", action="store_true", help="also FAISS IVF at nprobe 64/128/256")
    args = parser.parse_args()
    texts, pool = load()
    queries, vectors = pool[:QUERIES], pool[QUERIES:]
    print(f"{len(vectors):,} sentences, {len(queries)} queries", file=sys.stderr)
    exact = np.argsort(-(queries @ vectors.T), axis=1)[:, :K]
    rows = []
    if "local" in args.stores:
        rows += faiss_rows(vectors, queries, exact)
    if args.sweep:
        rows += nprobe_sweep(vectors, queries, exact)
    if "milvus-lite" in args.stores:
        rows += milvus_rows(vectors, queries, exact)
    print(f"{len(vectors):,} real sentences, {QUERIES} queries")
    print("| store | which | index | recall@10 | build s |")
    for r in rows:
        cells = [r["store"], r["which"], describe(r["index"]), f"{r['recall@10']:.3f}", f"{r['build_s']:.1f}"]
        print("| " + " | ".join(cells) + " |")
    if args.out:
        args.out.write_text(
            json.dumps({"collection": len(vectors), "queries": QUERIES, "rows": rows}, indent=1)
        )


if __name__ == "__main__":
    main()
