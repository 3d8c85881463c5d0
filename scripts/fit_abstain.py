"""Fit the abstention model of `verify.abstain` and write it into stance_model/aggregate.json (build time;
numpy, no torch).

The thresholds of aggregate.json stay as shipped (scripts/calibrate_stance.py sets them); this adds
selective prediction on top. The logistic regression (FEATURES of `verify.abstain`, L2 on standardised
features) is fit on the decisive, non-exact verdicts of the Climate-FEVER even-dev-fit claims (with
--fit-seed, of the seed dev claims too); then on even-dev-cal: a Platt recalibration (so that its output is
P(right) there) and the floor, the most precise operating point that loses at most --max-f1-loss macro-F1
and keeps seed dev accuracy >= --seed-floor. It is written only if at that coverage it is more precise on
even-dev-cal than ranking the same verdicts by their deciding score (today's thresholds raised). The
isotonic map of not_enough_info is refit on even-dev-cal; the exact-rule verdicts keep theirs. --test
scores the held-out dumps once, settings fixed.

    nice -n 10 .venv/bin/python scripts/fit_abstain.py --climate-fever $CF --work /tmp/askisk-cf \\
        --fit /tmp/stance-dumps/even-dev-fit.pkl --cal /tmp/stance-dumps/even-dev-cal.pkl --fit-seed \\
        [--test /tmp/stance-dumps/even-test.pkl --plot docs/stance-even-test.png]
"""

from __future__ import annotations

import argparse
import json
import sys
from dataclasses import replace
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent))
from calibrate_stance import ROOT, candidates, load_dumps  # noqa: E402


def logistic(x, y, l2):
    """Newton's method on the L2-penalised log loss (bias unpenalised); weights on the raw features."""
    mu, sd = x.mean(0), x.std(0) + 1e-9
    z = np.c_[(x - mu) / sd, np.ones(len(x))]
    w = np.zeros(z.shape[1])
    penalty = np.eye(z.shape[1]) * l2
    penalty[-1, -1] = 0.0
    for _ in range(100):
        p = 1.0 / (1.0 + np.exp(-z @ w))
        step = np.linalg.solve(z.T @ (z * (p * (1 - p))[:, None]) + penalty, z.T @ (p - y) + penalty @ w)
        w -= step
        if np.abs(step).max() < 1e-10:
            break
    raw = w[:-1] / sd
    return raw, float(w[-1] - (mu * raw).sum())


def decisive_rows(rows, s):
    """(features, right, index) of every verdict the abstention model would score."""
    from askisk.verify.abstain import features
    from askisk.verify.aggregate import decide_raw

    out = []
    for i, (_, gold, judged) in enumerate(rows):
        d = decide_raw(judged, s)
        if d.label != "not_enough_info" and not d.exact:
            x = features(d.label, d.score, d.rule, d.deciding.alignment.coverage, [j.stance for j in judged])
            out.append((x, gold == d.label, i, d))
    return out


def figures(gold, pred):
    from askisk.evaluate import calibration as cal

    precision, coverage = cal.decisive(gold, pred)
    return cal.macro_f1(gold, pred), precision, coverage


def main() -> int:
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--climate-fever", type=Path, required=True)
    p.add_argument("--work", type=Path, default=Path("/tmp/askisk-cf"))
    p.add_argument("--fit", type=Path, nargs="+", required=True, help="even-dev-fit dumps")
    p.add_argument("--cal", type=Path, nargs="+", required=True, help="even-dev-cal dumps")
    p.add_argument("--test", type=Path, nargs="*", default=[], help="held-out dumps, scored once at the end")
    p.add_argument("--plot", type=Path)
    p.add_argument("--l2", type=float, default=1.0)
    p.add_argument("--fit-seed", action="store_true", help="fit on the seed dev claims as well")
    p.add_argument("--max-f1-loss", type=float, default=0.02)
    p.add_argument("--seed-floor", type=float, default=0.90, help="seed dev accuracy to keep")
    p.add_argument("--min-block", type=int, default=60)
    p.add_argument("--out", type=Path)
    args = p.parse_args()

    from askisk.evaluate import calibration as cal
    from askisk.evaluate.claims import load_claims as load_seed
    from askisk.service import Askisk
    from askisk.verify.abstain import FEATURES
    from askisk.verify.aggregate import SETTINGS_FILE, calibrate, decide_raw, shipped_settings, top_passages
    from askisk.verify.stance import load_stance

    base = replace(shipped_settings(), abstain={})
    gated = lambda rows: [(t, g, top_passages(j, base.model_passages, base)) for t, g, j in rows]  # noqa: E731
    fit_rows = gated(load_dumps(args.fit)[1])
    cal_rows = gated(load_dumps(args.cal)[1])
    seed = Askisk.open(str(ROOT / "kb"), str(args.work / "index-seed"))
    seed.store()
    seed_claims = load_seed(ROOT / "kb" / "eval" / "claims.jsonl")
    seed_rows = {
        split: gated(
            candidates(seed, [(c.claim, c.label) for c in seed_claims if c.split == split], load_stance())
        )
        for split in ("dev", "test")
    }

    fit = decisive_rows(fit_rows + (seed_rows["dev"] if args.fit_seed else []), base)
    x = np.array([f for f, *_ in fit])
    y = np.array([float(ok) for _, ok, *_ in fit])
    w, b = logistic(x, y, args.l2)
    print(
        f"fit on {len(y)} decisive verdicts ({y.mean():.3f} right): "
        f"{dict(zip(FEATURES, w.round(3), strict=True))}"
    )
    held = decisive_rows(cal_rows, base)
    xc = np.array([f for f, *_ in held])
    yc = np.array([float(ok) for _, ok, *_ in held])
    a, c = logistic((xc @ w + b)[:, None], yc, 0.0)  # Platt: P(right) on even-dev-cal
    w, b = w * a[0], b * a[0] + c
    model = {"features": list(FEATURES), "weights": [round(float(v), 6) for v in w], "bias": round(b, 6)}

    def run(rows, floor):
        s = replace(base, abstain=model | {"floor": floor})
        return [(g, decide_raw(j, s)) for _, g, j in rows]

    gold = [g for _, g, _ in cal_rows]
    f1_0, prec_0, cov_0 = figures(gold, [d.label for _, d in run(cal_rows, 0.0)])
    seed_0 = np.mean([g == d.label for g, d in run(seed_rows["dev"], 0.0)])
    pc = 1.0 / (1.0 + np.exp(-(xc @ w + b)))
    by_score = np.argsort([-d.score for *_, d in held], kind="stable")
    print(f"even-dev-cal: {len(held)} verdicts scored; no abstention: macro-F1 {f1_0:.3f}, precision "
          f"{prec_0:.3f}, coverage {cov_0:.3f}; seed dev {seed_0:.3f}")  # fmt: skip
    print(
        "floor | kept | macro-F1 | precision | coverage | seed dev | by deciding score: macro-F1 | precision"
    )
    best = None
    for floor in sorted({0.0, *(round(float(v), 4) for v in pc)}):
        f1, prec, cov = figures(gold, [d.label for _, d in run(cal_rows, floor)])
        seed_acc = np.mean([g == d.label for g, d in run(seed_rows["dev"], floor)])
        kept = int((pc >= floor).sum())
        pred = [d.label for _, d in run(cal_rows, 0.0)]
        for k in by_score[kept:]:
            pred[held[k][2]] = "not_enough_info"
        sf1, sprec, _ = figures(gold, pred)
        print(
            f"{floor:.3f} | {kept} | {f1:.3f} | {prec:.3f} | {cov:.3f} | {seed_acc:.3f} | "
            f"{sf1:.3f} | {sprec:.3f}"
        )
        ok = f1 >= f1_0 - args.max_f1_loss and seed_acc >= min(seed_0, args.seed_floor)
        if ok and (best is None or prec > best[1] + 1e-9):
            best = (floor, prec, cov, f1, sprec, sf1)
    floor, prec, cov, f1, sprec, sf1 = best
    print(f"chosen floor {floor}: macro-F1 {f1:.3f}, precision {prec:.3f}, coverage {cov:.3f}; ranking "
          f"by deciding score at that coverage: precision {sprec:.3f}, macro-F1 {sf1:.3f}")  # fmt: skip
    if floor == 0.0 or prec <= sprec:
        print("not more precise than raising today's thresholds at equal coverage: nothing written")
        return 1
    s = replace(base, abstain=model | {"floor": floor})
    results = run(cal_rows, floor)
    # the exact-rule verdicts keep the shipped maps (on ~10 dev claims a refit map claims 0 or 100 %);
    # not_enough_info, which now includes the abstentions, is refit
    knots = dict(base.calibration)
    mine = [(d.score, g == d.label) for g, d in results if d.label == "not_enough_info"]
    knots["not_enough_info"] = cal.isotonic([v for v, _ in mine], [ok for _, ok in mine], args.min_block)
    s = replace(s, calibration=knots)
    conf = [d.score if d.calibrated else calibrate(d.score, knots.get(d.label, [])) for _, d in results]
    ece = cal.ece(conf, [g == d.label for g, d in results])
    print(f"ECE on even-dev-cal (in-sample: Platt and maps fit there): {ece:.4f}")
    out = args.out or SETTINGS_FILE
    data = json.loads(SETTINGS_FILE.read_text(encoding="utf-8")) | s.to_json()
    data["abstain_fit"] = {
        "fit_on": f"Climate-FEVER even-dev-fit{' + seed dev' if args.fit_seed else ''}, {len(y)} decisive "
        f"non-exact verdicts, L2 {args.l2}",
        "recalibrated_and_floor_on": f"Climate-FEVER even-dev-cal, {len(held)} decisive non-exact verdicts",
        "even_dev_cal": {"macro_f1": round(f1, 4), "decisive_precision": round(prec, 4),
                         "coverage": round(cov, 4), "ece": round(ece, 4),
                         "by_deciding_score_at_equal_coverage": round(sprec, 4)},
    }  # fmt: skip
    out.write_text(json.dumps(data, indent=1) + "\n", encoding="utf-8")
    print(f"wrote {out}")
    for split, rows in seed_rows.items():
        print(
            f"seed {split}: accuracy {np.mean([g == d.label for g, d in run(rows, floor)]):.3f} "
            f"(n={len(rows)})"
        )
    if args.test:
        report(args, s)
    return 0


def report(args, s) -> None:
    """The held-out figures, settings fixed: the same code path as `askisk eval --dataset`."""
    from askisk.evaluate.verdicts import score
    from askisk.verify.aggregate import decide_raw, to_verdict, top_passages

    ids, rows = load_dumps(args.test)
    rows = [(t, g, top_passages(j, s.model_passages, s)) for t, g, j in rows]
    verdicts = [to_verdict(t, j, decide_raw(j, s), s) for t, _, j in rows]
    result = score("climate-fever even-test", ids, [g for _, g, _ in rows], verdicts)
    print(
        "held-out:",
        json.dumps({k: v for k, v in result.to_json().items() if k not in ("wrong", "reliability")}),
    )
    if args.plot:
        from askisk.report.plots import write_plot

        write_plot(result, args.plot, title="Climate-FEVER even-test, verifier model + abstention")


if __name__ == "__main__":
    sys.exit(main())
