"""Search time per configuration on a built index, with the query vectors computed once: what the context
BM25, the query-side aliases, the answer-type cue and the learned fusion (issue 17) add to the warm `ask`
path on top of the encoder.

Per question of kb/eval/queries.jsonl, `search.fusion.search` under each configuration, the
configurations interleaved question by question so that the machine's load hits them alike; p50/p95 over
all questions x repeats. The encoder's own time is printed once for scale (`bench/query_path.py` measures
the whole warm ask). `--stance` adds the reranking configuration (the stance cross-encoder over the top 20,
`SLOW_CONFIGS`), with `--top-k` 5 as `ask` uses it; it is ~100x slower, so give it `--repeats 1`.

    .venv/bin/python bench/context_search.py --index index --repeats 5
    .venv/bin/python bench/context_search.py --index index --repeats 1 --stance
    .venv/bin/python bench/context_search.py --kb /tmp/cf/kb --index /tmp/cf/index --set DIR   # many sources
"""

from __future__ import annotations

import argparse
import os
import statistics
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CONFIGS = (
    "hybrid+speaker",
    "hybrid+context",
    "hybrid+context+aliases",
    "hybrid+context+types",
    "hybrid+context+types+tmm",
    "hybrid+context+types+tmm+source",
    "hybrid+learned",
)


def _pct(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(q * len(ordered)))]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--kb", type=Path, default=ROOT / "kb")
    parser.add_argument("--index", type=Path, default=ROOT / "index")
    parser.add_argument("--set", type=Path, help="eval set folder with a queries.jsonl (default: <kb>/eval)")
    parser.add_argument("--repeats", type=int, default=5)
    parser.add_argument("--stance", action="store_true", help="also the stance-reranked configuration")
    args = parser.parse_args()

    from askisk.evaluate.retrieval import load_questions
    from askisk.search.fusion import ALL_CONFIGS as ALL
    from askisk.search.fusion import search
    from askisk.service import Askisk

    names = (*CONFIGS, "hybrid+context+types+stance") if args.stance else CONFIGS
    service = Askisk.open(str(args.kb), str(args.index))
    store = service.store()
    extra = {
        name: {"tokens": service.row_tokens() if ALL[name].fusion == "learned" else None}
        | ({"rerank": service.reranker()} if ALL[name].rerank_depth else {})
        for name in names
    }
    questions = [q.query for q in load_questions(args.set or args.kb / "eval")]
    encoder = service.encoder()
    start = time.perf_counter()
    vectors = encoder.encode(questions)
    encode_ms = (time.perf_counter() - start) * 1000 / len(questions)
    for q, v in zip(questions, vectors, strict=True):  # warm-up: bm25s, FAISS, the alias patterns
        for name in names:
            search(store, q, v, top_k=5, config=ALL[name], **extra[name])
    times: dict[str, list[float]] = {name: [] for name in names}
    for _ in range(args.repeats):
        for q, v in zip(questions, vectors, strict=True):
            for name in names:
                t = time.perf_counter()
                search(store, q, v, top_k=5, config=ALL[name], **extra[name])
                times[name].append((time.perf_counter() - t) * 1000)
    print(
        f"{len(questions)} questions x {args.repeats} passes, {len(store.rows)} passages; "
        f"load average {os.getloadavg()[0]:.1f}; batch encode {encode_ms:.1f} ms per question"
    )
    print("| configuration | search p50 ms | search p95 ms | mean ms |")
    print("|---|---|---|---|")
    for name, values in times.items():
        print(
            f"| {name} | {statistics.median(values):.2f} | {_pct(values, 0.95):.2f} | "
            f"{statistics.fmean(values):.2f} |"
        )


if __name__ == "__main__":
    main()
