"""The `check` verifier's gate (`verify.aggregate.reads_model`: a candidate reaches the stance model when
its dense cosine with the claim >= gate_dense or its rule coverage >= gate_coverage) re-chosen for an
encoder, the way round 4 chose it (docs/stance.md, "Fourth round"): every candidate's stance is judged
once (a Climate-FEVER even-dev-cal dump from `calibrate_stance.py --dump`, and the seed dev claims judged
here), then each gate is scored exactly from those stances with the shipped thresholds. Rule: among the
gates that keep even-dev-cal macro-F1 (2 decimals) and seed dev accuracy of no gate at all, the one that
sends the fewest seed pairs to the model. Tuning claims only (issue 17, round 6, "shipped"; docs/eval.md).

    ASKISK_ENCODER=tuned PYTHONPATH=src nice -n 10 .venv/bin/python scripts/calibrate_stance.py \\
        --climate-fever $CF --work W --dump W/even-dev-cal.pkl --dump-split even-dev-cal
    ASKISK_ENCODER=tuned PYTHONPATH=src nice -n 10 .venv/bin/python scripts/gate_sweep.py \\
        --dump W/even-dev-cal.pkl --seed-index W/index-seed
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
from dataclasses import replace
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

GATES = [(-1.0, 0.0)] + [(d, c) for c in (0.3, 0.5) for d in (0.4, 0.45, 0.5, 0.55, 0.6, 0.65)]


def score(rows, settings):
    from calibrate_stance import figures

    from askisk.verify.aggregate import decide_raw, reads_model, top_passages

    gated = [(gold, top_passages(judged, settings.model_passages, settings)) for _, gold, judged in rows]
    f1, precision, coverage, accuracy = figures([(gold, decide_raw(j, settings)) for gold, j in gated])
    pairs = [sum(reads_model(j, settings) for j in judged) for _, _, judged in rows]
    return f1, precision, coverage, accuracy, pairs


def main() -> int:
    from calibrate_stance import candidates, load_dumps

    from askisk.evaluate.claims import load_claims
    from askisk.service import Askisk
    from askisk.verify.aggregate import shipped_settings
    from askisk.verify.stance import load_stance

    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--dump", type=Path, required=True, help="even-dev-cal candidates (calibrate_stance)")
    ap.add_argument("--seed-index", required=True)
    a = ap.parse_args()
    root = Path(__file__).resolve().parent.parent
    cf_rows = load_dumps([a.dump])[1]
    seed = Askisk.open(str(root / "kb"), a.seed_index)
    seed_claims = [
        (c.claim, c.label) for c in load_claims(root / "kb" / "eval" / "claims.jsonl") if c.split == "dev"
    ]
    seed_rows = candidates(seed, seed_claims, load_stance())
    shipped = replace(shipped_settings(), abstain={})
    out = []
    for dense, cov in GATES:
        s = replace(shipped, gate_dense=dense, gate_coverage=cov)
        f1, precision, coverage, _, cf_pairs = score(cf_rows, s)
        _, _, _, seed_acc, seed_pairs = score(seed_rows, s)
        out.append(
            {
                "gate_dense": dense,
                "gate_coverage": cov,
                "cf_macro_f1": round(f1, 4),
                "cf_precision": round(precision, 3),
                "cf_coverage": round(coverage, 3),
                "seed_dev_accuracy": round(seed_acc, 3),
                "seed_pairs_mean": round(statistics.mean(seed_pairs), 2),
                "seed_pairs_median": statistics.median(seed_pairs),
                "cf_pairs_mean": round(statistics.mean(cf_pairs), 2),
            }
        )
    base = out[0]
    keep = [r for r in out[1:] if round(r["cf_macro_f1"], 2) >= round(base["cf_macro_f1"], 2)
            and r["seed_dev_accuracy"] >= base["seed_dev_accuracy"]]  # fmt: skip
    chosen = min(keep, key=lambda r: (r["seed_pairs_mean"], -r["cf_macro_f1"])) if keep else None
    for r in out:
        print(json.dumps(r))
    print(f"claims: {len(cf_rows)} even-dev-cal, {len(seed_rows)} seed dev; chosen: {json.dumps(chosen)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
