"""Both stores at scale, in one run: build throughput, query p50/p95, memory, and recall@10 of the dense
index askisk picks at each size against exact search.

Vectors: bench/real_vectors.py's cache (every sentence of PolNeAR train + dev and the Climate-FEVER
evidence of even claim ids, embedded with askisk's ONNX encoder: ~34k). The first QUERIES sentences are
the queries; above the real count the collection is *tiled*: copies of the real vectors with Gaussian
noise (sigma 0.04 per dimension, then renormalised: cosine ~0.8 to the original) and the original's text,
which is said in every row ("real" column). Each (store, size) runs in its own process, so peak RSS is
that store's alone (RSS before = the data set loaded, before any index). Milvus Lite inserts until
--milvus-budget seconds have passed and measures the rows it reached (the row says so).

    nice -n 10 .venv/bin/python bench/milvus_scale.py --sizes 100000,1000000 \\
        --out bench/results/milvus-scale.json
"""

from __future__ import annotations

import argparse
import json
import random
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent))
from real_vectors import load  # noqa: E402

DEPTH = 50
QUERIES = 200  # held out of the collection; all for recall (one batched search)
TIMED = 100  # of them timed one by one (after 5 warm-up queries)
NOISE = 0.04


def dataset(size: int) -> tuple[list[str], np.ndarray, np.ndarray, int]:
    """(texts, vectors, query vectors, how many rows are real) for a collection of `size` rows."""
    texts, pool = load()
    queries, texts, vectors = pool[:QUERIES], texts[QUERIES:], pool[QUERIES:]
    real = min(size, len(texts))
    if size > len(texts):
        rng = np.random.default_rng(3)
        extra = size - len(texts)
        base = np.arange(extra) % len(texts)
        noisy = np.empty((extra, vectors.shape[1]), dtype=np.float32)
        for i in range(0, extra, 100_000):  # in chunks: the noise of 1M rows at once is 3 GB of float64
            part = vectors[base[i : i + 100_000]]
            part = part + rng.normal(0, NOISE, part.shape).astype(np.float32)
            noisy[i : i + 100_000] = part / np.linalg.norm(part, axis=1, keepdims=True)
        texts = texts + [texts[i] for i in base]
        vectors = np.concatenate([vectors, noisy])
    return texts[:size], vectors[:size], queries, real


def exact_top(queries: np.ndarray, vectors: np.ndarray, k: int = 10) -> np.ndarray:
    """The exact top k by inner product, in chunks of rows (1M x 200 scores at once is 800 MB)."""
    best_s = np.full((len(queries), 0), -np.inf, dtype=np.float32)
    best_i = np.zeros((len(queries), 0), dtype=np.int64)
    for start in range(0, len(vectors), 100_000):
        scores = queries @ vectors[start : start + 100_000].T
        idx = np.argpartition(-scores, min(k, scores.shape[1] - 1), axis=1)[:, :k]
        best_s = np.concatenate([best_s, np.take_along_axis(scores, idx, 1)], axis=1)
        best_i = np.concatenate([best_i, idx + start], axis=1)
        keep = np.argsort(-best_s, axis=1)[:, :k]
        best_s, best_i = np.take_along_axis(best_s, keep, 1), np.take_along_axis(best_i, keep, 1)
    return best_i


def rss_mb() -> float:
    """Peak RSS of this process so far (MB)."""
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def rss_now_mb() -> float:
    """Current RSS (MB): the store's memory is this after the run minus this with only the data loaded."""
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return float("nan")


def timings(fn, queries: list) -> tuple[float, float]:
    for q in queries[:5]:
        fn(q)
    times = []
    for q in queries[:TIMED]:
        start = time.perf_counter()
        fn(q)
        times.append((time.perf_counter() - start) * 1000)
    return float(np.percentile(times, 50)), float(np.percentile(times, 95))


def recall(found: list, exact: np.ndarray) -> float:
    return float(
        np.mean(
            [len(set(list(f)[:10]) & set(e[:10].tolist())) / 10 for f, e in zip(found, exact, strict=True)]
        )
    )


def run_local(texts, vectors, queries, words, budget: float) -> dict:
    from askisk.index import dense, lexical

    start = time.perf_counter()
    index = dense.build(vectors)  # the index askisk picks at this size
    dense_s = time.perf_counter() - start
    bm25 = lexical.build(texts)
    build_s = time.perf_counter() - start
    found = [dense.search(index, q, 10)[1] for q in queries]
    d50, d95 = timings(lambda q: dense.search(index, q, DEPTH), list(queries))
    b50, b95 = timings(lambda w: lexical.top(lexical.scores(bm25, w), DEPTH, None), words)
    return {
        "rows": len(texts),
        "build_s": build_s,
        "dense_build_s": dense_s,
        "rows_per_s": len(texts) / build_s,
        "dense_p50_ms": d50,
        "dense_p95_ms": d95,
        "bm25_p50_ms": b50,
        "bm25_p95_ms": b95,
        "found": found,
        "dense_index": dense.describe(len(vectors)),
        "peak_rss_mb": rss_mb(),
    }


def _row(ms, terms, j: int, text: str, vector: np.ndarray) -> dict:
    return {
        "pk": j,
        "passage_id": str(j),
        "text": text[:2000],
        "terms": terms(text),
        "context_terms": terms(text),  # a bench row has no neighbours: its context is itself
        "speaker": "",
        "kind": "narration",
        "source_id": "s",
        "date": "",
        "paragraph": 1,
        "born": 1,
        "died": ms.NEVER,
        "dense": vector.tolist(),
    }


def run_milvus(texts, vectors, queries, words, budget: float) -> dict:
    """askisk's collection (schema, BM25 function, indexes) written as a build writes it: 1,000-row
    inserts, flush, the dense index picked for the size; stops inserting when `budget` seconds ran out."""
    from askisk.index import milvus_schema as ms
    from askisk.index.milvus_schema import terms as _terms
    from askisk.index.milvus_write import BATCH

    folder = Path(tempfile.mkdtemp(prefix="milvus-scale-"))
    target = ms.parse_target(f"milvus-lite://{folder / 'bench.db'}")
    client = ms.connect(target)
    ms.create(client, "bench", lite=True)
    start = time.perf_counter()
    rows = 0
    while rows < len(texts) and time.perf_counter() - start < budget:
        end = min(rows + BATCH, len(texts))
        client.insert("bench", [_row(ms, _terms, j, texts[j], vectors[j]) for j in range(rows, end)])
        rows = end
    client.flush("bench")
    insert_s = time.perf_counter() - start
    choice = ms.dense_index_for(rows, lite=True)
    ms.reindex_dense(client, "bench", choice, lite=True)
    client.load_collection("bench")
    build_s = time.perf_counter() - start
    expr = "born <= 1 and died > 1"
    search = {"metric_type": "IP", **({"params": choice["search"]} if choice.get("search") else {})}

    def dense_top(qs, k=DEPTH):
        res = client.search(
            "bench",
            data=[q.tolist() for q in qs],
            anns_field="dense",
            limit=k,
            filter=expr,
            search_params=search,
            output_fields=["pk"],
        )
        return [[int(h["pk"]) for h in hits] for hits in res]

    def bm25_top(w):
        return client.search(
            "bench",
            data=[_terms(w)],
            anns_field="sparse",
            limit=DEPTH,
            filter=expr,
            search_params={"metric_type": "BM25"},
            output_fields=["pk"],
        )

    found = [f for i in range(0, len(queries), 50) for f in dense_top(queries[i : i + 50], 10)]
    d50, d95 = timings(lambda q: dense_top([q]), list(queries))
    b50, b95 = timings(bm25_top, words)
    peak, loaded = rss_mb(), rss_now_mb()  # before the engine is let go
    ms.disconnect(client, target)
    return {
        "rows": rows,
        "build_s": build_s,
        "insert_s": insert_s,
        "rows_per_s": rows / build_s,
        "dense_p50_ms": d50,
        "dense_p95_ms": d95,
        "bm25_p50_ms": b50,
        "bm25_p95_ms": b95,
        "found": found,
        "dense_index": choice,
        "peak_rss_mb": peak,
        "rss_after_mb": loaded,
        "data_mb": sum(f.stat().st_size for f in folder.rglob("*") if f.is_file()) / 2**20,
    }


def worker(store: str, size: int, budget: float) -> dict:
    texts, vectors, queries, real = dataset(size)
    words = [
        " ".join(random.Random(i).sample(t.split(), min(4, len(t.split()))))
        for i, t in enumerate(texts[: TIMED + 5])
    ]
    base = rss_now_mb()
    out = (run_local if store == "local" else run_milvus)(texts, vectors, queries, words, budget)
    out.setdefault("rss_after_mb", rss_now_mb())
    reached = out["rows"]
    out["recall@10"] = recall(out.pop("found"), exact_top(queries, vectors[:reached]))
    return {"store": store, "size": size, "real": min(real, reached), "rss_before_mb": base, **out}


def row_line(r: dict) -> str:
    spec = r["dense_index"]
    kind = spec.get("type") or spec.get("index_type")
    if spec.get("nlist"):
        kind += f" (nlist {spec['nlist']}, nprobe {spec['nprobe']})"
    elif spec.get("params", {}).get("nlist"):
        kind += f" (nlist {spec['params']['nlist']}, nprobe {spec['search']['nprobe']})"
    size = f"{r['rows']:,} ({r['real']:,} real)"
    if r["rows"] < r["size"]:
        size += f", of {r['size']:,}: budget ran out"
    cells = [
        r["store"],
        size,
        kind,
        f"{r['recall@10']:.3f}",
        f"{r['build_s']:.1f}",
        f"{r['rows_per_s']:,.0f}",
        f"{r['dense_p50_ms']:.2f} / {r['dense_p95_ms']:.2f}",
        f"{r['bm25_p50_ms']:.2f} / {r['bm25_p95_ms']:.2f}",
        f"{r['rss_before_mb']:,.0f} / {r.get('rss_after_mb', float('nan')):,.0f} / {r['peak_rss_mb']:,.0f}",
    ]
    return "| " + " | ".join(cells) + " |"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="100000,1000000", help="collection sizes, comma-separated")
    parser.add_argument("--stores", default="local,milvus-lite")
    parser.add_argument("--milvus-budget", type=float, default=900.0, help="seconds of inserting at most")
    parser.add_argument("--out", type=Path)
    parser.add_argument("--worker", nargs=2, metavar=("STORE", "SIZE"), help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.worker:
        print(json.dumps(worker(args.worker[0], int(args.worker[1]), args.milvus_budget)))
        return
    rows = []
    print(
        "| store | rows | dense index | recall@10 | build s | rows/s | dense p50 / p95 ms | "
        "BM25 p50 / p95 ms | RSS data / after / peak MB |",
        flush=True,
    )
    for size in [int(s) for s in args.sizes.split(",") if s]:
        for store in args.stores.split(","):
            cmd = [
                sys.executable,
                __file__,
                "--milvus-budget",
                str(args.milvus_budget),
                "--worker",
                store,
                str(size),
            ]
            done = subprocess.run(cmd, capture_output=True, text=True)
            if done.returncode != 0:
                print(f"| {store} | {size:,} | failed: {done.stderr.strip().splitlines()[-1:]} |", flush=True)
                print(f"{store} {size:,}: the worker's stderr ends\n{done.stderr[-6000:]}", file=sys.stderr)
                continue
            rows.append(json.loads(done.stdout.splitlines()[-1]))
            print(row_line(rows[-1]), flush=True)
            if args.out:
                args.out.write_text(json.dumps(rows, indent=1))


if __name__ == "__main__":
    main()
