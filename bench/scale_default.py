"""Warm `ask` latency of askisk's default search configuration, end to end, on 100k / 1M synthetic passages.

What is measured: `Askisk.ask(question)` through the service facade with the default configuration
(`search.fusion.DEFAULT_CONFIG`: dense + context BM25, answer types, theoretical min-max, source support,
MaxSim when the build keeps word pieces, i.e. at most `token_store.TOKEN_LIMIT` passages, and the
connective continuation step), in a fresh process per index: load once (`store(refresh=False)` and the
query encoder), 10 warm-up asks, then one timed ask per question with the query-vector cache (and the
store's last-BM25 memo) cleared, as bench/default_path.py and bench/query_path.py time warm asks. A second,
instrumented pass over the same questions gives a breakdown (encode, speaker detection, dense top-k, BM25
top-k, the fusion steps). Reported: build seconds and peak RSS per build step, index file sizes, load time,
query-process RSS, the first (cold) ask, and p50/p95 per question set: the real questions of
kb/eval/queries.jsonl and `synth_questions` of bench/scale.py. The seed index (./index, read only) is
measured in the same run for comparison.

What is synthetic: the passages (one sentence each, `synth_texts` of bench/scale.py: a word-bigram chain
over the seed article with invented Zipf names), grouped into sources of 40 passages and paragraphs of 3-5
sentences; the speaker analysis (no spaCy: each source gets 3 invented speakers, "First Last" with the
aliases "Last", "Dr. Last" and "the <role>", and half its passages are attributed to them as quotes or
reported speech, close to the seed's 20 attributed passages of 38; 40% of passages carry a context group
"Name Name; AB-C"); and the passage vectors (`synth_vectors` "clustered", unit float32, 384-d: embedding
1M texts takes hours on this CPU), handed to the build by an encoder object whose `encode` returns them.
Because the number of speakers changes the query path (`speakers_in_query` matches every alias of every
speaker on each ask), a second index of each size holds the same sources with every passage narration
and no speakers: its dense/BM25 files are hard links to the first's, and its corpus.json is written by
`index.records.doc_to_record` as the build would write it.

What is real: everything else. The build is `index.build._write_build` (dense index type chosen by
`dense.describe` for the size, FAISS build, BM25 over the sentences and over their context text,
corpus.json, manifest, ONNX export reused from the user cache, CURRENT); the index is opened by
`Askisk(Paths(kb, index)).store(refresh=False)` through the local backend's `load_index`; questions are
encoded by the build's ONNX export (the real query encoder); `ask` runs unchanged. The kb folder the
synthetic index is opened with is an empty folder whose kb hash the manifest records; the query processes
open every index with `refresh=False`, so nothing is rebuilt (nor ./index touched) if it counts as stale.

    nice -n 5 .venv/bin/python bench/scale_default.py --size 100000 \\
        --out bench/results/scale-default-100k.json
    nohup nice -n 5 .venv/bin/python bench/scale_default.py --size 1000000 --clean \\
        --out bench/results/scale-default-1m.json > /tmp/s51bench/scale-default-1m.log 2>&1 &

Index folders go under --workdir (default /tmp/s51bench/n<size>/); --clean removes them at the end.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent))
from scale import synth_questions  # noqa: E402
from scale_synthetic import build_synthetic  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
WARMUP = 10
SIGNALS = (
    "encode",
    "speakers",
    "fused",
    "dense_top",
    "bm25_top",
    "dense_rows",
    "bm25_rows",
    "types",
    "source",
    "continuation",
)


# ---------------------------------------------------------------- the query process


def rss() -> dict[str, float]:
    with open("/proc/self/status") as f:
        status = dict(line.split(":", 1) for line in f)
    return {
        "rss_mb": round(int(status["VmRSS"].split()[0]) / 1024, 1),
        "peak_mb": round(int(status["VmHWM"].split()[0]) / 1024, 1),
    }


def pct(values: list[float]) -> dict[str, float]:
    a = np.array(values)
    return {
        "p50_ms": round(float(np.percentile(a, 50)), 2),
        "p95_ms": round(float(np.percentile(a, 95)), 2),
        "mean_ms": round(float(a.mean()), 2),
        "n": len(values),
    }


def instrument(service: Any, timings: dict[str, float]) -> None:
    """Time the steps of `ask` into `timings` (ms, summed per question); for the breakdown pass only."""
    from askisk.index.load import LoadedIndex
    from askisk.search import continuation, fusion, learned

    def timed(owner: Any, attr: str, key: str) -> None:
        fn = getattr(owner, attr)

        def wrapped(*args, **kwargs):
            t = time.perf_counter()
            try:
                return fn(*args, **kwargs)
            finally:
                timings[key] = timings.get(key, 0.0) + (time.perf_counter() - t) * 1e3

        setattr(owner, attr, wrapped)

    timed(service, "embed_query_tokens", "encode")
    timed(fusion, "speakers_in_query", "speakers")
    timed(fusion, "fused_scores", "fused")
    timed(LoadedIndex, "dense_top", "dense_top")
    timed(LoadedIndex, "lexical_top", "bm25_top")
    timed(LoadedIndex, "dense_scores", "dense_rows")
    timed(LoadedIndex, "lexical_scores", "bm25_rows")
    timed(learned, "type_match", "types")
    timed(fusion, "_best_other_of_source", "source")
    timed(continuation, "previous_scores", "continuation")


def worker(kb: Path, index: Path, questions: Path, count: int) -> dict[str, Any]:
    from askisk.config import Paths
    from askisk.service import Askisk

    out: dict[str, Any] = {"kb": str(kb), "index": str(index), "before_load": rss()}
    t = time.perf_counter()
    service = Askisk(Paths(kb, index))
    store = service.store(refresh=False)
    out["load_s"] = round(time.perf_counter() - t, 2)
    t = time.perf_counter()
    encoder = service.encoder()
    out["encoder_load_s"] = round(time.perf_counter() - t, 2)
    out["encoder"] = encoder.backend
    out["after_load"] = rss()
    out["rows"] = len(store.rows)
    out["speakers"] = len(store.speakers)
    out["dense_index"] = store.manifest.get("dense_index")
    out["maxsim_available"] = store.tokens is not None
    sets = json.loads(questions.read_text())
    t = time.perf_counter()
    service.ask(sets["eval"][0])
    out["first_ask_ms"] = round((time.perf_counter() - t) * 1e3, 1)

    def ask(q: str):
        service._query_vectors.clear()  # time the encoder, not the query cache
        store._last_bm25 = None  # nor the BM25 scores of the question before
        return service.ask(q)

    for name, qs in sets.items():
        qs = qs[: WARMUP + count]
        for q in qs[:WARMUP]:
            ask(q)
        times, found = [], 0
        for q in qs[WARMUP:]:
            t = time.perf_counter()
            answer = ask(q)
            times.append((time.perf_counter() - t) * 1e3)
            found += answer.found
        out[name] = {**pct(times), "answered": found}
    timings: dict[str, float] = {}
    instrument(service, timings)
    for name, qs in sets.items():
        per: dict[str, list[float]] = {key: [] for key in (*SIGNALS, "ask")}
        for q in qs[WARMUP : WARMUP + count]:
            timings.clear()
            t = time.perf_counter()
            ask(q)
            timings["ask"] = (time.perf_counter() - t) * 1e3
            for key in per:
                per[key].append(timings.get(key, 0.0))
        steps = ("dense_top", "bm25_top", "dense_rows", "bm25_rows", "types", "source", "continuation")
        per["fusion_rest"] = [per["fused"][i] - sum(per[k][i] for k in steps) for i in range(len(per["ask"]))]
        per["ask_rest"] = [
            per["ask"][i] - per["encode"][i] - per["speakers"][i] - per["fused"][i]
            for i in range(len(per["ask"]))
        ]
        out[f"{name}_breakdown"] = {
            key: {"p50_ms": round(float(np.median(v)), 2), "mean_ms": round(float(np.mean(v)), 2)}
            for key, v in per.items()
        }
    out["after_queries"] = rss()
    out["loadavg"] = os.getloadavg()
    return out


def run_worker(kb: Path, index: Path, questions: Path, count: int) -> dict[str, Any]:
    cmd = [sys.executable, __file__, "--worker", str(kb), str(index), str(questions), str(count)]
    proc = subprocess.run(cmd, capture_output=True, text=True)
    if proc.returncode != 0:
        raise SystemExit(f"query worker on {index} failed:\n{proc.stderr[-3000:]}")
    return json.loads(proc.stdout.strip().splitlines()[-1])


# ---------------------------------------------------------------- report


def table(result: dict[str, Any]) -> str:
    head = [
        "index", "passages", "speakers", "load s", "RSS MB", "first ask ms", "eval p50 / p95 ms",
        "synth p50 / p95 ms", "eval p50 ms: encode / speakers / dense / bm25 / rest of fusion / rest",
    ]  # fmt: skip
    lines = ["| " + " | ".join(head) + " |", "|" + "---|" * len(head)]
    for label, r in result["queries"].items():
        b = r["eval_breakdown"]
        parts = [b[k]["p50_ms"] for k in ("encode", "speakers", "dense_top", "bm25_top")]
        parts.append(b["fused"]["p50_ms"] - b["dense_top"]["p50_ms"] - b["bm25_top"]["p50_ms"])
        parts.append(b["ask_rest"]["p50_ms"])
        cells = [
            label, f"{r['rows']:,}", f"{r['speakers']:,}", f"{r['load_s'] + r['encoder_load_s']:.1f}",
            f"{r['after_queries']['rss_mb']:.0f}", f"{r['first_ask_ms']:.0f}",
            f"{r['eval']['p50_ms']:.1f} / {r['eval']['p95_ms']:.1f}",
            f"{r['synth']['p50_ms']:.1f} / {r['synth']['p95_ms']:.1f}",
            " / ".join(f"{p:.1f}" for p in parts),
        ]  # fmt: skip
        lines.append("| " + " | ".join(cells) + " |")
    return "\n".join(lines)


def main() -> None:
    if len(sys.argv) == 6 and sys.argv[1] == "--worker":
        result = worker(Path(sys.argv[2]), Path(sys.argv[3]), Path(sys.argv[4]), int(sys.argv[5]))
        print(json.dumps(result))
        return
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--size", type=int, default=100_000, help="synthetic passages")
    parser.add_argument("--queries", type=int, default=250, help="timed questions per set (after warm-up)")
    parser.add_argument("--workdir", type=Path, default=Path("/tmp/s51bench"))
    parser.add_argument("--out", type=Path, help="write the results as JSON here")
    parser.add_argument("--clean", action="store_true", help="remove this size's index folders at the end")
    args = parser.parse_args()

    folder = args.workdir / f"n{args.size}"
    if folder.exists():
        shutil.rmtree(folder)
    kb = args.workdir / "kb-empty"  # no sources: its kb hash is what the synthetic manifest records
    kb.mkdir(parents=True, exist_ok=True)
    folder.mkdir(parents=True)
    started, load_before = time.perf_counter(), os.getloadavg()
    result: dict[str, Any] = {"command": " ".join(sys.argv), "workdir": str(folder)}
    result["git_head"] = subprocess.run(
        ["git", "-C", str(ROOT), "rev-parse", "HEAD"], capture_output=True, text=True
    ).stdout.strip()

    def save() -> None:
        if args.out:
            args.out.parent.mkdir(parents=True, exist_ok=True)
            args.out.write_text(json.dumps(result, indent=1) + "\n", encoding="utf-8")

    result["build"] = build_synthetic(args.size, folder, kb)
    save()
    seen: dict[str, None] = {}
    for line in (ROOT / "kb" / "eval" / "queries.jsonl").read_text(encoding="utf-8").splitlines():
        if line.strip():
            seen.setdefault(json.loads(line)["query"], None)
    sets = {"eval": list(seen), "synth": synth_questions(WARMUP + args.queries)}
    questions = folder / "questions.json"
    questions.write_text(json.dumps(sets))
    result["question_sets"] = {k: min(len(v) - WARMUP, args.queries) for k, v in sets.items()}
    result["queries"] = {}
    targets = {
        "seed (./index)": (ROOT / "kb", ROOT / "index"),
        f"synthetic {args.size:,}, speakers": (kb, folder / "speakers"),
        f"synthetic {args.size:,}, narration": (kb, folder / "narration"),
    }
    for label, (kb_dir, index) in targets.items():
        print(f"querying {label} ...", flush=True)
        result["queries"][label] = run_worker(kb_dir, index, questions, args.queries)
        save()
    result["loadavg"] = [load_before, os.getloadavg()]
    result["total_s"] = round(time.perf_counter() - started, 1)
    if args.clean:
        shutil.rmtree(folder)
        result["cleaned"] = True
    save()
    print(table(result))
    print(f"build: {json.dumps(result['build'])}")
    print(f"load average {load_before[0]:.1f} before, {os.getloadavg()[0]:.1f} after; {result['total_s']} s")


if __name__ == "__main__":
    main()
