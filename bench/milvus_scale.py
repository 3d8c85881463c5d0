"""Both stores at scale: build throughput, query p50/p95, memory, and recall@10 of the approximate dense
indexes against exact search, on real sentence embeddings and on larger synthetic sets.

Real: sentences of public corpora in /work/data (PolNeAR dev + annotator-training texts; Climate-FEVER
evidence of even claim ids only), embedded with askisk's ONNX encoder (from a built --index folder).
Recall is measured on held-out sentences of the same pool as queries, for the FAISS IVF setting
(IVF-SQ8, forced at any size) and Milvus's approximate index (IVF_FLAT; Milvus Lite has no HNSW).
Synthetic: the real vectors with Gaussian noise, texts cycled from the real sentences (timings and
memory only). Each (store, size) runs in its own process, so peak RSS is that store's alone.

    .venv/bin/python bench/milvus_scale.py --index /tmp/eval-local --real 20000 --sizes 100000 \
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

DATA = Path("/work/data")
DEPTH = 50
QUERIES = 200
CACHE = Path(tempfile.gettempdir()) / "askisk-milvus-scale"


def real_sentences(limit: int) -> list[str]:
    from askisk.sources.passages import sentence_spans

    texts = []
    for folder in ("dev", "annotator-training"):
        texts += [
            p.read_text(encoding="utf-8", errors="ignore")
            for p in sorted((DATA / "polnear/data" / folder / "text").glob("*"))
        ]
    with open(DATA / "climate-fever/dataset/climate-fever.jsonl", encoding="utf-8") as handle:
        for line in handle:
            claim = json.loads(line)
            if int(claim["claim_id"]) % 2 == 0:  # odd claim ids are held out
                texts += [e["evidence"] for e in claim["evidences"]]
    seen, out = set(), []
    for text in texts:
        for paragraph in text.split("\n"):
            flat = " ".join(paragraph.split())
            for a, b in sentence_spans(flat):
                s = flat[a:b]
                if len(s.split()) >= 5 and s not in seen:
                    seen.add(s)
                    out.append(s)
    random.Random(7).shuffle(out)
    return out[:limit]


def embedded(index: Path, limit: int) -> tuple[list[str], np.ndarray]:
    CACHE.mkdir(exist_ok=True)
    texts_file, vec_file = CACHE / f"texts-{limit}.json", CACHE / f"vectors-{limit}.npy"
    if texts_file.exists() and vec_file.exists():
        return json.loads(texts_file.read_text()), np.load(vec_file)
    from askisk.encoder.embeddings import query_encoder
    from askisk.index.layout import current_build_dir, read_manifest

    texts = real_sentences(limit)
    started = time.perf_counter()
    build = current_build_dir(index)
    assert build is not None, f"no index in {index}"
    encoder = query_encoder(build, read_manifest(build), lambda _m: None)
    vectors = encoder.encode(texts, batch_size=64)
    print(f"embedded {len(texts)} sentences in {time.perf_counter() - started:.0f}s", file=sys.stderr)
    texts_file.write_text(json.dumps(texts))
    np.save(vec_file, vectors)
    return texts, vectors


def dataset(index: Path, real: int, size: int) -> tuple[list[str], np.ndarray, np.ndarray]:
    """(texts, vectors, query vectors): real sentences up to `real`, then noisy copies up to `size`."""
    texts, vectors = embedded(index, real + QUERIES)
    queries, texts, vectors = vectors[:QUERIES], texts[QUERIES:], vectors[QUERIES:]
    if size > len(texts):
        rng = np.random.default_rng(3)
        extra = size - len(texts)
        base = rng.integers(0, len(texts), extra)
        noisy = vectors[base] + rng.normal(0, 0.04, (extra, vectors.shape[1])).astype(np.float32)
        noisy /= np.linalg.norm(noisy, axis=1, keepdims=True)
        texts = texts + [texts[i] for i in base]
        vectors = np.concatenate([vectors, noisy])
    return texts[:size], vectors[:size].astype(np.float32), queries.astype(np.float32)


def rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def timings(fn, queries: list) -> tuple[float, float]:
    for q in queries[:10]:
        fn(q)
    times = []
    for q in queries:
        start = time.perf_counter()
        fn(q)
        times.append((time.perf_counter() - start) * 1000)
    return float(np.percentile(times, 50)), float(np.percentile(times, 95))


def recall(found: list[np.ndarray], exact: np.ndarray) -> float:
    return float(np.mean([len(set(f[:10]) & set(e[:10])) / 10 for f, e in zip(found, exact, strict=True)]))


def run_local(texts, vectors, queries, words) -> dict:
    from askisk.index import dense, lexical

    start = time.perf_counter()
    index = dense.build(vectors, flat_limit=0)  # the IVF-SQ8 setting, forced at any size
    bm25 = lexical.build(texts)
    build_s = time.perf_counter() - start
    exact = np.argsort(-(queries @ vectors.T), axis=1)[:, :10]
    found = [dense.search(index, q, 10)[1] for q in queries]
    d50, d95 = timings(lambda q: dense.search(index, q, DEPTH), list(queries))
    b50, b95 = timings(lambda w: lexical.top(lexical.scores(bm25, w), DEPTH, None), words)
    return {
        "build_s": build_s,
        "rows_per_s": len(texts) / build_s,
        "dense_p50_ms": d50,
        "dense_p95_ms": d95,
        "bm25_p50_ms": b50,
        "bm25_p95_ms": b95,
        "recall@10": recall(found, exact),
        "dense_index": dense.describe(len(vectors), 0),
        "peak_rss_mb": rss_mb(),
    }


def run_milvus(texts, vectors, queries, words) -> dict:
    from askisk.index import milvus_schema as ms
    from askisk.index.milvus import _terms

    folder = Path(tempfile.mkdtemp(prefix="milvus-scale-"))
    target = ms.parse_target(f"milvus-lite://{folder / 'bench.db'}")
    client = ms.connect(target)
    ms.create(client, "bench", lite=True)
    start = time.perf_counter()
    for i in range(0, len(texts), 1000):
        client.insert(
            "bench",
            [
                {
                    "pk": j,
                    "passage_id": str(j),
                    "text": texts[j][:2000],
                    "terms": _terms(texts[j]),
                    "speaker": "",
                    "kind": "narration",
                    "source_id": "s",
                    "date": "",
                    "paragraph": 1,
                    "born": 1,
                    "died": ms.NEVER,
                    "dense": vectors[j].tolist(),
                }
                for j in range(i, min(i + 1000, len(texts)))
            ],
        )
    client.flush("bench")
    insert_s = time.perf_counter() - start
    choice = ms.dense_index_for(max(len(texts), ms.FLAT_UP_TO + 1), lite=True)  # the approximate setting
    ms.reindex_dense(client, "bench", choice, lite=True)
    build_s = time.perf_counter() - start
    expr = "born <= 1 and died > 1"

    def dense_top(q, k=DEPTH):
        res = client.search(
            "bench",
            data=[q.tolist()],
            anns_field="dense",
            limit=k,
            filter=expr,
            search_params={"metric_type": "IP", "params": choice["search"]},
            output_fields=["pk"],
        )
        return np.array([h["pk"] for h in res[0]])

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

    exact = np.argsort(-(queries @ vectors.T), axis=1)[:, :10]
    found = [dense_top(q, 10) for q in queries]
    d50, d95 = timings(dense_top, list(queries))
    b50, b95 = timings(bm25_top, words)
    ms.disconnect(client, target)
    return {
        "build_s": build_s,
        "insert_s": insert_s,
        "rows_per_s": len(texts) / build_s,
        "dense_p50_ms": d50,
        "dense_p95_ms": d95,
        "bm25_p50_ms": b50,
        "bm25_p95_ms": b95,
        "recall@10": recall(found, exact),
        "dense_index": choice,
        "peak_rss_mb": rss_mb(),
    }


def worker(store: str, index: Path, real: int, size: int) -> dict:
    texts, vectors, queries = dataset(index, real, size)
    words = [
        " ".join(random.Random(i).sample(t.split(), min(4, len(t.split()))))
        for i, t in enumerate(texts[:QUERIES])
    ]
    base = rss_mb()
    out = (run_local if store == "local" else run_milvus)(texts, vectors, queries, words)
    return {"store": store, "size": size, "real": min(real, size), "rss_before_mb": base, **out}


def row_line(r: dict) -> str:
    kind = r["dense_index"].get("type") or r["dense_index"].get("index_type")
    cells = [
        r["store"],
        f"{r['size']:,} ({r['real']:,} real)",
        kind,
        f"{r['recall@10']:.3f}",
        f"{r['build_s']:.1f}",
        f"{r['rows_per_s']:,.0f}",
        f"{r['dense_p50_ms']:.2f} / {r['dense_p95_ms']:.2f}",
        f"{r['bm25_p50_ms']:.2f} / {r['bm25_p95_ms']:.2f}",
        f"{r['peak_rss_mb']:,.0f}",
    ]
    return "| " + " | ".join(cells) + " |"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--index", type=Path, required=True, help="a built index folder (for its ONNX encoder)"
    )
    parser.add_argument("--real", type=int, default=20_000)
    parser.add_argument("--sizes", default="", help="larger synthetic sizes, comma-separated")
    parser.add_argument("--stores", default="local,milvus-lite")
    parser.add_argument("--out", type=Path)
    parser.add_argument("--worker", nargs=2, metavar=("STORE", "SIZE"), help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.worker:
        print(json.dumps(worker(args.worker[0], args.index, args.real, int(args.worker[1]))))
        return
    embedded(args.index, args.real + QUERIES)  # once, before the workers
    sizes = [args.real] + [int(s) for s in args.sizes.split(",") if s]
    rows = []
    for size in sizes:
        for store in args.stores.split(","):
            cmd = [
                sys.executable,
                __file__,
                "--index",
                str(args.index),
                "--real",
                str(args.real),
                "--worker",
                store,
                str(size),
            ]
            done = subprocess.run(cmd, capture_output=True, text=True, check=True)
            rows.append(json.loads(done.stdout.splitlines()[-1]))
            print(row_line(rows[-1]), flush=True)
    if args.out:
        args.out.write_text(json.dumps(rows, indent=1))


if __name__ == "__main__":
    main()
