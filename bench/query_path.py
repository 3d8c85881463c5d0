"""Query path: the ONNX fast path (onnxruntime + tokenizers) against sentence-transformers, side by side.

One-shot: wall time of `python -m askisk ask "When was IS-K created?"` in a fresh process with a built
index, from process start to printed answer (runs of the two paths interleaved; median and min).
Warm: per question of kb/eval/queries.jsonl, in one process with the index loaded and the encoder ready,
the time of `Askisk.ask` (encode + dense + lexical + fusion + speaker data) with the query cache cleared,
and of the encode alone; p50/p95 over all questions x repeats. ASKISK_QUERY_ENCODER=sentence-transformers
selects the slow path. The machine's load average is printed with the table: other work on a shared
2-core machine skews both paths (torch's 2 threads suffer most).

    .venv/bin/python bench/query_path.py --runs 7 --out bench/results/query-path.json
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
QUESTION = "When was IS-K created?"
ST_ENV = {"ASKISK_QUERY_ENCODER": "sentence-transformers"}


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    pos = (len(ordered) - 1) * q
    lo, hi = int(pos), min(int(pos) + 1, len(ordered) - 1)
    return ordered[lo] + (ordered[hi] - ordered[lo]) * (pos - lo)


def built_index(kb: Path, index: Path | None) -> tuple[Path, Path, tempfile.TemporaryDirectory | None]:
    if index is not None:
        return kb, index, None
    tmp = tempfile.TemporaryDirectory(prefix="askisk-bench-")
    base = Path(tmp.name)
    (base / "kb").mkdir()
    for src in kb.glob("*.md"):
        shutil.copy(src, base / "kb" / src.name)
    from askisk.config import Paths
    from askisk.encoder.embeddings import sentence_transformer_encoder
    from askisk.index.build import build_index

    build_index(Paths(base / "kb", base / "index"), sentence_transformer_encoder)
    return base / "kb", base / "index", tmp


def one_shot(kb: Path, index: Path, env: dict[str, str]) -> float:
    cmd = [sys.executable, "-m", "askisk", "ask", "--kb", str(kb), "--index", str(index), QUESTION]
    started = time.perf_counter()
    proc = subprocess.run(cmd, capture_output=True, text=True, env={**os.environ, **env}, timeout=600)
    elapsed = time.perf_counter() - started
    if proc.returncode != 0 or "January 2015" not in proc.stdout:
        raise SystemExit(f"one-shot run failed: {proc.stderr[-500:]}")
    return elapsed


def warm(kb: Path, index: Path, questions: list[str], repeats: int, env: dict[str, str]) -> dict[str, Any]:
    from askisk.config import Paths
    from askisk.service import Askisk

    saved = {k: os.environ.get(k) for k in env}
    os.environ.update(env)
    try:
        service = Askisk(Paths(kb, index))
        service.store(refresh=False)
        encoder = service.encoder()
    finally:
        for k, v in saved.items():
            if v is None:
                os.environ.pop(k, None)
            else:
                os.environ[k] = v
    for q in questions[:5]:  # warm-up
        service.ask(q)
    ask_ms, encode_ms = [], []
    for _ in range(repeats):
        for q in questions:
            service._query_vectors.clear()  # time the encoder, not the query cache
            t0 = time.perf_counter()
            service.ask(q)
            ask_ms.append((time.perf_counter() - t0) * 1000)
            t0 = time.perf_counter()
            encoder.encode([q])
            encode_ms.append((time.perf_counter() - t0) * 1000)
    return {"ask_ms": ask_ms, "encode_ms": encode_ms, "backend": encoder.backend}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--kb", type=Path, default=ROOT / "kb")
    parser.add_argument("--index", type=Path, help="a built index (default: build the kb into a temp dir)")
    parser.add_argument("--runs", type=int, default=7, help="one-shot runs per path")
    parser.add_argument("--repeats", type=int, default=3, help="warm passes over the eval questions")
    parser.add_argument("--out", type=Path)
    args = parser.parse_args()

    kb, index, tmp = built_index(args.kb, args.index)
    questions = [
        json.loads(line)["query"]
        for line in (args.kb / "eval" / "queries.jsonl").read_text(encoding="utf-8").splitlines()
        if line.strip()
    ]
    load_before = os.getloadavg()
    paths = {"onnx": {}, "sentence-transformers": ST_ENV}
    shots: dict[str, list[float]] = {name: [] for name in paths}
    one_shot(kb, index, {})  # page cache warm for both
    for _ in range(args.runs):
        for name, env in paths.items():
            shots[name].append(one_shot(kb, index, env))
    warm_results = {name: warm(kb, index, questions, args.repeats, env) for name, env in paths.items()}
    load_after = os.getloadavg()

    rows = {}
    for name in paths:
        w = warm_results[name]
        rows[name] = {
            "backend": w["backend"],
            "one_shot_median_s": statistics.median(shots[name]),
            "one_shot_min_s": min(shots[name]),
            "warm_ask_p50_ms": percentile(w["ask_ms"], 0.5),
            "warm_ask_p95_ms": percentile(w["ask_ms"], 0.95),
            "warm_encode_p50_ms": percentile(w["encode_ms"], 0.5),
            "warm_encode_p95_ms": percentile(w["encode_ms"], 0.95),
        }
    fast, slow = rows["onnx"], rows["sentence-transformers"]
    ratio = {k: slow[k] / fast[k] for k in fast if k != "backend" and fast[k]}
    header = f"| metric | ONNX ({fast['backend']}) | sentence-transformers | ratio (st / onnx) |"
    print(header)
    print("|---|---|---|---|")
    labels = {
        "one_shot_median_s": ("one-shot `askisk ask`, median", "s"),
        "one_shot_min_s": ("one-shot `askisk ask`, min", "s"),
        "warm_ask_p50_ms": ("warm ask (encode+search) p50", "ms"),
        "warm_ask_p95_ms": ("warm ask (encode+search) p95", "ms"),
        "warm_encode_p50_ms": ("warm encode only p50", "ms"),
        "warm_encode_p95_ms": ("warm encode only p95", "ms"),
    }
    for key, (label, unit) in labels.items():
        print(f"| {label} | {fast[key]:.3g} {unit} | {slow[key]:.3g} {unit} | {ratio[key]:.1f}x |")
    print(
        f"\n{args.runs} one-shot runs per path, {len(questions)} questions x {args.repeats} warm passes; "
        f"load average {load_before[0]:.1f} before, {load_after[0]:.1f} after ({os.cpu_count()} CPUs)"
    )
    if args.out:
        args.out.parent.mkdir(parents=True, exist_ok=True)
        result = {
            "rows": rows,
            "ratio": ratio,
            "one_shot_runs_s": shots,
            "questions": len(questions),
            "repeats": args.repeats,
            "loadavg": [load_before, load_after],
            "cpus": os.cpu_count(),
        }
        args.out.write_text(json.dumps(result, indent=2) + "\n", encoding="utf-8")
    if tmp is not None:
        tmp.cleanup()


if __name__ == "__main__":
    main()
