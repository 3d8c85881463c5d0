"""What the "not found" gate (`search.fusion.is_about`: MIN_COSINE on the best dense cosine, MIN_BM25 on
the best BM25 score) sees with an index's encoder, re-measured when the encoder changed (issue 17, round
6, "shipped"; docs/eval.md). For the answerable questions of one seed split (default dev, the tuning
split) and a fixed list of off-topic probes: each question's best cosine and best BM25 among the
default configuration's candidates, the answerable questions the gate would drop at a given floor, and
the probes it would let through.

    ASKISK_ENCODER=tuned PYTHONPATH=src .venv/bin/python scripts/cosine_gate.py --index /tmp/ship12/seed-tuned
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

# off-topic for the seed article (a report on IS-K in Central Asia): everyday requests and other news
PROBES = (
    "How do I bake sourdough bread?",
    "What is the weather in Paris tomorrow?",
    "blorf zzz",
    "Who won the football world cup in 2018?",
    "How long should I boil an egg?",
    "What is the best smartphone to buy this year?",
    "When does the next train to Berlin leave?",
    "How many calories are in a banana?",
    "Which team won the basketball final?",
    "What is a good recipe for tomato soup?",
    "How do I reset my router password?",
    "Is it going to snow in London this weekend?",
)


def best_scores(service, query: str) -> tuple[float, float]:
    from askisk.models import OPEN_SCOPE
    from askisk.search.fusion import DEFAULT_CONFIG, MIN_DEPTH, fused_scores, speakers_in_query

    store = service.store()
    boosted = set(speakers_in_query(query, store.speakers))
    qvec = service.embed_query(query)
    _, raw = fused_scores(store, query, qvec, DEFAULT_CONFIG, MIN_DEPTH, OPEN_SCOPE, boosted)
    cos = max((r.get("dense", -1.0) for r in raw.values()), default=-1.0)
    bm25 = max((r.get("bm25", 0.0) for r in raw.values()), default=0.0)
    return float(cos), float(bm25)


def main() -> int:
    from askisk.config import resolve_paths
    from askisk.search.fusion import MIN_BM25, MIN_COSINE
    from askisk.service import Askisk

    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--kb", default="kb")
    ap.add_argument("--index", required=True)
    ap.add_argument("--split", default="dev")
    ap.add_argument("--floors", type=float, nargs="*", default=[0.15, 0.2, 0.25, 0.3])
    a = ap.parse_args()
    service = Askisk(resolve_paths(a.kb, a.index))
    rows = [json.loads(x) for x in (Path(a.kb) / "eval" / "queries.jsonl").read_text().splitlines() if x]
    answerable = [r["query"] for r in rows if r["split"] == a.split and r["answers"]]
    ours = [(q, *best_scores(service, q)) for q in answerable]
    probes = [(q, *best_scores(service, q)) for q in PROBES]
    low = sorted(ours, key=lambda r: r[1])[:3]
    report = {
        "split": a.split,
        "answerable": len(ours),
        "answerable_cosine_min_max": [
            round(min(c for _, c, _ in ours), 3),
            round(max(c for _, c, _ in ours), 3),
        ],
        "lowest_three": [[q, round(c, 3), round(b, 2)] for q, c, b in low],
        "probe_cosine_max": round(max(c for _, c, _ in probes), 3),
        "probe_bm25_max": round(max(b for _, _, b in probes), 2),
        "probes": [[q, round(c, 3), round(b, 2)] for q, c, b in probes],
        "shipped": {"MIN_COSINE": MIN_COSINE, "MIN_BM25": MIN_BM25},
        "by_floor": {
            str(f): {
                "answerable_dropped": sum(c < f and b < MIN_BM25 for _, c, b in ours),
                "probes_passed": sum(c >= f or b >= MIN_BM25 for _, c, b in probes),
            }
            for f in a.floors
        },
    }
    print(json.dumps(report, indent=1))
    return 0


if __name__ == "__main__":
    sys.exit(main())
