"""The default path (local FAISS + bm25s store) of two checkouts side by side: is it unchanged?

Issue 19 asks that the Milvus store leave the default path as it was, in speed (one-shot `askisk ask`,
warm ask p50) and behaviour. This script runs an older checkout's `src` (`--old-src`, e.g. an export of
main before the Milvus work) and this checkout's, both with this venv, on the seed kb:

- each builds its own index of the seed (`askisk index`, no $ASKISK_STORE: the local store);
- one-shot: `python -m askisk ask QUESTION` in a fresh process, old and new interleaved (the order
  swapped every round) so both see the same machine load; wall median and min, and the median CPU time
  (user + sys of the process: less at the mercy of other work on a shared machine than wall time);
- warm: per round and checkout, a fresh process loads the index and the encoder, then times `Askisk.ask`
  over every question of kb/eval/queries.jsonl (query cache cleared); rounds interleaved; p50/p95 of all;
- behaviour: `ask --json` of every eval question must give the same results (ids, scores, speakers);
- imports: `-X importtime` of this checkout's one-shot ask must name neither pymilvus nor grpc.

    .venv/bin/python bench/default_path.py --old-src /tmp/wt-old/src --runs 9 --rounds 4 \\
        --out bench/results/default-path.json
"""

from __future__ import annotations

import argparse
import json
import os
import resource
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
FORBIDDEN = ("pymilvus", "grpc", "milvus_lite")


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    pos = (len(ordered) - 1) * q
    lo, hi = int(pos), min(int(pos) + 1, len(ordered) - 1)
    return ordered[lo] + (ordered[hi] - ordered[lo]) * (pos - lo)


def env_for(src: Path) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k not in ("ASKISK_STORE", "ASKISK_MILVUS_COLLECTION")}
    env["PYTHONPATH"] = str(src)
    return env


def run(src: Path, *args: str) -> subprocess.CompletedProcess[str]:
    proc = subprocess.run(
        [sys.executable, *args], capture_output=True, text=True, env=env_for(src), timeout=900
    )
    if proc.returncode != 0:
        raise SystemExit(f"{' '.join(args[:4])} with {src} failed: {proc.stderr[-800:]}")
    return proc


def cpu_of_children() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def one_shot(src: Path, kb: Path, index: Path) -> tuple[float, float]:
    """(wall, CPU user+sys) seconds of one `askisk ask`: CPU time suffers less from a loaded machine."""
    started, cpu = time.perf_counter(), cpu_of_children()
    proc = run(src, "-m", "askisk", "ask", "--kb", str(kb), "--index", str(index), QUESTION)
    elapsed, cpu = time.perf_counter() - started, cpu_of_children() - cpu
    if "January 2015" not in proc.stdout:
        raise SystemExit(f"unexpected answer from {src}: {proc.stdout[:300]}")
    return elapsed, cpu


def warm_child(kb: Path, index: Path, questions: list[str]) -> None:
    """In a fresh process with PYTHONPATH set: time every question once, print the list as JSON."""
    from askisk.config import Paths
    from askisk.service import Askisk

    service = Askisk(Paths(kb, index))
    service.store(refresh=False)
    service.encoder()
    for q in questions[:5]:
        service.ask(q)
    times = []
    for q in questions:
        service._query_vectors.clear()
        t0 = time.perf_counter()
        service.ask(q)
        times.append((time.perf_counter() - t0) * 1000)
    print(json.dumps(times))


def answers(src: Path, kb: Path, index: Path, questions: list[str]) -> list[list[tuple]]:
    code = (
        "import json,sys\nfrom askisk.config import Paths\nfrom askisk.service import Askisk\n"
        "from pathlib import Path\ns=Askisk(Paths(Path(sys.argv[1]),Path(sys.argv[2])))\nout=[]\n"
        "for q in json.loads(sys.argv[3]):\n"
        "    a=s.ask(q)\n"
        "    out.append([[h.passage_id,round(h.score,6),h.speaker,h.attribution] for h in a.results])\n"
        "print(json.dumps(out))"
    )
    proc = run(src, "-c", code, str(kb), str(index), json.dumps(questions))
    return json.loads(proc.stdout)


def heavy_imports(src: Path, kb: Path, index: Path) -> list[str]:
    args = ["-X", "importtime", "-m", "askisk", "ask", "--kb", str(kb), "--index", str(index), QUESTION]
    proc = run(src, *args)
    names = [line.rsplit("|", 1)[-1].strip() for line in proc.stderr.splitlines() if "|" in line]
    return sorted({n for n in names if n.split(".")[0] in FORBIDDEN})


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--old-src", type=Path, required=True, help="the older checkout's src folder")
    parser.add_argument("--runs", type=int, default=9, help="one-shot runs per checkout")
    parser.add_argument("--rounds", type=int, default=4, help="warm processes per checkout")
    parser.add_argument("--out", type=Path)
    parser.add_argument("--warm-child", nargs=3, metavar=("KB", "INDEX", "QUESTIONS"), help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.warm_child:
        kb, index, qs = args.warm_child
        warm_child(Path(kb), Path(index), json.loads(qs))
        return

    trees = {"old": args.old_src.resolve(), "new": ROOT / "src"}
    questions = [
        json.loads(line)["query"]
        for line in (ROOT / "kb" / "eval" / "queries.jsonl").read_text(encoding="utf-8").splitlines()
        if line.strip()
    ]
    with tempfile.TemporaryDirectory(prefix="askisk-default-path-") as tmp:
        where: dict[str, tuple[Path, Path]] = {}
        for name, src in trees.items():
            kb, index = Path(tmp) / name / "kb", Path(tmp) / name / "index"
            kb.mkdir(parents=True)
            for md in (ROOT / "kb").glob("*.md"):
                shutil.copy(md, kb / md.name)
            run(src, "-m", "askisk", "index", "--kb", str(kb), "--index", str(index))
            one_shot(src, kb, index)  # page cache warm
            where[name] = (kb, index)
        load_before = os.getloadavg()
        shots: dict[str, list[float]] = {name: [] for name in trees}
        cpu: dict[str, list[float]] = {name: [] for name in trees}
        for r in range(args.runs):
            for name in trees if r % 2 == 0 else reversed(list(trees)):
                wall, used = one_shot(trees[name], *where[name])
                shots[name].append(wall)
                cpu[name].append(used)
        warm: dict[str, list[float]] = {name: [] for name in trees}
        for r in range(args.rounds):
            for name in trees if r % 2 == 0 else reversed(list(trees)):
                kb, index = where[name]
                child = [str(Path(__file__).resolve()), "--old-src", ".", "--warm-child"]
                proc = run(trees[name], *child, str(kb), str(index), json.dumps(questions))
                warm[name] += json.loads(proc.stdout.splitlines()[-1])
        load_after = os.getloadavg()
        same = answers(trees["old"], *where["old"], questions) == answers(
            trees["new"], *where["new"], questions
        )
        imported = heavy_imports(trees["new"], *where["new"])

    rows: dict[str, dict[str, Any]] = {}
    for name in trees:
        rows[name] = {
            "one_shot_median_s": statistics.median(shots[name]),
            "one_shot_min_s": min(shots[name]),
            "one_shot_cpu_median_s": statistics.median(cpu[name]),
            "warm_ask_p50_ms": percentile(warm[name], 0.5),
            "warm_ask_p95_ms": percentile(warm[name], 0.95),
        }
    labels = {
        "one_shot_median_s": ("one-shot `askisk ask`, median", "s"),
        "one_shot_min_s": ("one-shot `askisk ask`, min", "s"),
        "one_shot_cpu_median_s": ("one-shot `askisk ask`, CPU user+sys, median", "s"),
        "warm_ask_p50_ms": ("warm ask p50", "ms"),
        "warm_ask_p95_ms": ("warm ask p95", "ms"),
    }
    print(f"| metric | old ({trees['old']}) | new (this checkout) | new / old |")
    print("|---|---|---|---|")
    for key, (label, unit) in labels.items():
        old, new = rows["old"][key], rows["new"][key]
        print(f"| {label} | {old:.3g} {unit} | {new:.3g} {unit} | {new / old:.2f} |")
    print(
        f"\n{args.runs} one-shot runs and {args.rounds} warm processes x {len(questions)} questions per "
        f"checkout, interleaved; load average {load_before[0]:.1f} before, {load_after[0]:.1f} after "
        f"({os.cpu_count()} CPUs)"
    )
    print(f"same results for all {len(questions)} eval questions: {same}")
    print(f"pymilvus/grpc/milvus_lite imported by the new one-shot ask: {', '.join(imported) or 'none'}")
    if args.out:
        args.out.parent.mkdir(parents=True, exist_ok=True)
        result = {
            "rows": rows,
            "one_shot_runs_s": shots,
            "one_shot_cpu_s": cpu,
            "warm_ask_ms": warm,
            "same_results": same,
            "heavy_imports": imported,
            "loadavg": [load_before, load_after],
            "old_src": str(trees["old"]),
        }
        args.out.write_text(json.dumps(result) + "\n", encoding="utf-8")  # one line: thousands of timings


if __name__ == "__main__":
    main()
