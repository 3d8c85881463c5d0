"""Score a stance model (build time; no torch): pair accuracy and per-class F1 on one Climate-FEVER split's
(claim, evidence sentence) pairs, and, given candidate dumps of scripts/calibrate_stance.py --dump, the
claim-level figures (macro-F1, decisive precision, coverage, ECE) with an aggregate.json's settings.

    nice -n 10 .venv/bin/python scripts/stance_compare.py \
        --climate-fever /work/data/climate-fever/dataset/climate-fever.jsonl --split even-dev-cal \
        --model /tmp/stance-new --settings /tmp/stance-new/aggregate.json \
        --dump /tmp/u16/dumps/even-dev-cal.pkl

Without --model / --settings: the shipped model and its aggregate.json.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))


def pair_figures(model, claims) -> dict:
    """Argmax accuracy and per-class F1 over every (claim, evidence, per-evidence label) of `claims`."""
    from askisk.verify.stance import LABELS

    gold_of = {"supported": "entails", "refuted": "contradicts", "not_enough_info": "neutral"}
    gold, pred = [], []
    for c in claims:
        stances = model.stances(c.text, [e.text for e in c.evidences])
        gold += [gold_of[e.label] for e in c.evidences]
        pred += [s.label for s in stances]
    f1 = {}
    for label in LABELS:
        tp = sum(g == p == label for g, p in zip(gold, pred, strict=True))
        said, actual = pred.count(label), gold.count(label)
        f1[label] = round(2 * tp / (said + actual), 4) if said + actual else 0.0
    return {
        "pairs": len(gold),
        "accuracy": round(sum(g == p for g, p in zip(gold, pred, strict=True)) / len(gold), 4),
        "all_neutral_baseline": round(gold.count("neutral") / len(gold), 4),
        "f1": f1,
        "macro_f1": round(sum(f1.values()) / len(f1), 4),
    }


def claim_figures(ids, rows, settings) -> dict:
    """The claim-level figures of dumped candidates (already judged by the model) under `settings`."""
    from askisk.evaluate.verdicts import score
    from askisk.verify.aggregate import decide_raw, to_verdict, top_passages

    rows = [(t, g, top_passages(j, settings.model_passages, settings)) for t, g, j in rows]
    verdicts = [to_verdict(t, j, decide_raw(j, settings), settings) for t, _, j in rows]
    result = score("claims", ids, [g for _, g, _ in rows], verdicts).to_json()
    keys = ("n", "accuracy", "macro_f1", "decisive_precision", "coverage", "ece")
    return {k: result[k] for k in keys}


def main() -> int:
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--climate-fever", type=Path, required=True)
    p.add_argument("--split", default="even-dev-cal", choices=("even-dev-cal", "even-test"))
    p.add_argument("--model", type=Path, help="a stance model folder (else the shipped one)")
    p.add_argument("--settings", type=Path, nargs="*", default=[], help="aggregate.json files (else shipped)")
    p.add_argument("--dump", type=Path, nargs="*", default=[], help="candidate dumps of --split")
    args = p.parse_args()

    from calibrate_stance import load_dumps

    from askisk.evaluate.climate_fever import load_claims
    from askisk.verify.aggregate import shipped_settings
    from askisk.verify.stance import StanceModel, load_stance

    model = StanceModel(args.model) if args.model else load_stance()
    out = {"split": args.split, "model": str(args.model or "shipped")}
    out["pairs"] = pair_figures(model, load_claims(args.climate_fever, args.split))
    print(json.dumps(out), flush=True)
    if args.dump:
        ids, rows = load_dumps(args.dump, model)
        for path in args.settings or [None]:
            settings = shipped_settings(path) if path else shipped_settings()
            claims = claim_figures(ids, rows, settings)
            print(json.dumps({"settings": str(path or "shipped"), "claims": claims}), flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
