"""Warm `check` latency per claim: retrieval of 10 candidates + rule alignment + the stance model.

In one process with the index loaded and the models warm (one untimed pass first), every claim of
kb/eval/claims.jsonl is checked `--repeats` times with the query cache cleared; p50/p95 of the whole
`Askisk.check`, of the retrieval alone (`Askisk.ask` with 10 candidates) and of the stance model alone
(the pairs it reads). `--verifier rules` times the rule-only path for comparison. With the model verifier
the claims the exact-rule step decides never reach the model: their p50 and the others' are printed
apart, with how many each. `--model-passages K` measures another number of passages through the model
(the shipped `model_passages` otherwise), `--gate-dense` / `--gate-coverage` another gate, `--model DIR`
another stance model folder; `--threads N` the model's intra-op threads. The load average
is printed: the machine is shared, and other work skews every figure.

    .venv/bin/python bench/check_latency.py --repeats 3
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "bench"))

from query_path import built_index, percentile  # noqa: E402


def main() -> int:
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--kb", type=Path, default=ROOT / "kb")
    p.add_argument("--index", type=Path, help="a built index of --kb (default: build one in a temp dir)")
    p.add_argument("--repeats", type=int, default=3)
    p.add_argument("--verifier", choices=("model", "rules"), default="model")
    p.add_argument("--model-passages", type=int, help="passages through the stance model (what-if)")
    p.add_argument("--threads", type=int, help="the stance model's intra-op threads")
    p.add_argument("--gate-dense", type=float, help="the gate's dense cosine floor (what-if)")
    p.add_argument("--gate-coverage", type=float, help="the gate's rule coverage floor (what-if)")
    p.add_argument("--model", type=Path, help="a stance model folder other than the shipped one (what-if)")
    p.add_argument("--out", type=Path, help="also write the figures as JSON here")
    args = p.parse_args()

    from dataclasses import replace

    from askisk.config import Paths
    from askisk.evaluate.claims import load_claims
    from askisk.service import Askisk
    from askisk.verify import aggregate
    from askisk.verify import stance as stance_module
    from askisk.verify.stance import THREADS_ENV, StanceModel
    from askisk.verify.verdict import CANDIDATES

    if args.threads:
        os.environ[THREADS_ENV] = str(args.threads)
    settings = aggregate.shipped_settings()
    what_if = {"model_passages": args.model_passages, "gate_dense": args.gate_dense,
               "gate_coverage": args.gate_coverage}  # fmt: skip
    what_if = {k: v for k, v in what_if.items() if v is not None}
    if what_if:
        settings = replace(settings, **what_if)
        aggregate.shipped_settings = lambda: settings  # type: ignore[assignment]  # what-if, this process only
    if args.model:
        other = StanceModel(args.model)
        stance_module.load_stance = lambda: other  # type: ignore[assignment]  # what-if, this process only

    kb, index, tmp = built_index(args.kb, args.index)
    service = Askisk(Paths(kb, index))
    service.store(refresh=False)
    claims = [c.claim for c in load_claims(ROOT / "kb" / "eval" / "claims.jsonl")]
    model = stance_module.load_stance()
    for claim in claims:  # warm: models loaded, spaCy analyses of the passages cached as in a session
        service.check(claim, verifier=args.verifier)
    whole, retrieval, stance = [], [], []
    by_rules: list[float] = []  # check time of the claims the exact-rule step decides (no model)
    by_model: list[float] = []  # and of the others
    for _ in range(args.repeats):
        for claim in claims:
            service._query_cache.clear() if hasattr(service, "_query_cache") else None
            t0 = time.perf_counter()
            service.check(claim, verifier=args.verifier)
            whole.append(time.perf_counter() - t0)
            t0 = time.perf_counter()
            hits = service.ask(claim, top_k=CANDIDATES).results
            retrieval.append(time.perf_counter() - t0)
            unjudged = aggregate.judge_passages(
                claim, hits, [aggregate.UNJUDGED] * len(hits), service.store().speakers
            )
            if args.verifier == "model" and aggregate.exact_rule(unjudged, settings) is not None:
                by_rules.append(whole[-1])
                continue
            by_model.append(whole[-1])
            t0 = time.perf_counter()
            read = [
                j.hit.read_text
                for j in unjudged[: settings.model_passages]
                if aggregate.reads_model(j, settings)
            ]
            model.stances(claim, read)
            stance.append(time.perf_counter() - t0)
    figures = {
        "claims": len(claims),
        "repeats": args.repeats,
        "verifier": args.verifier,
        "candidates": CANDIDATES,
        "load_average": os.getloadavg(),
    }
    if args.verifier == "model":
        figures["model_passages"] = settings.model_passages
        figures["gate"] = {"dense": settings.gate_dense, "coverage": settings.gate_coverage}
        figures["model"] = str(args.model) if args.model else "shipped"
    parts = (
        ("check", whole), ("check_by_rules", by_rules), ("check_by_model", by_model),
        ("retrieval", retrieval), ("stance_model", stance),
    )  # fmt: skip
    for name, values in parts:
        ms = [v * 1000 for v in values] or [float("nan")]
        figures[name] = {
            "n": len(values), "p50_ms": round(statistics.median(ms), 1),
            "p95_ms": round(percentile(ms, 0.95), 1),
        }  # fmt: skip
    print(f"warm check, {len(claims)} claims x {args.repeats}, {CANDIDATES} candidates, verifier "
          f"{args.verifier}; load average {figures['load_average'][0]:.2f}")  # fmt: skip
    for name, _ in parts:
        f = figures[name]
        print(f"  {name:<15} n {f['n']:>4}   p50 {f['p50_ms']:>7.1f} ms   p95 {f['p95_ms']:>7.1f} ms")
    if args.out:
        args.out.write_text(json.dumps(figures, indent=1) + "\n", encoding="utf-8")
    if tmp is not None:
        tmp.cleanup()
    return 0


if __name__ == "__main__":
    sys.exit(main())
