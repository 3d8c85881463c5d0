"""Set the verdict thresholds and calibrate `confidence` for verify.aggregate; writes
src/askisk/verify/stance_model/aggregate.json (build time; no torch needed).

Tuning data, never the held-out parts: the Climate-FEVER "even-dev-cal" claims (ids 6 mod 8; the stance
model never trained on them), judged against the kb of the whole even half, and the dev split of the seed
claims (kb/eval/claims.jsonl) against the seed kb. Each claim's candidates and their stance
probabilities are computed once; then a grid over (entail, contradict, related, rule_support, soft_rules,
rule_coverage) picks the
setting with the best Climate-FEVER macro-F1 among those whose supported/refuted verdicts are right at
least --precision of the time and that keep seed dev accuracy >= --seed-floor; finally an isotonic map per
verdict turns the deciding score into P(right), fit on the Climate-FEVER tuning claims (--calibrate-on).

    nice -n 10 .venv/bin/python scripts/calibrate_stance.py \
        --climate-fever ../climate-fever/dataset/climate-fever.jsonl --work /tmp/askisk-cf
"""

from __future__ import annotations

import argparse
import itertools
import json
import sys
import time
from dataclasses import replace
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def open_climate_fever(path, split, work, notify=None):
    from askisk.evaluate.verdicts import climate_fever_kb
    from askisk.service import Askisk

    kb, index = climate_fever_kb(path, split, work)
    service = Askisk.open(str(kb), str(index), notify=notify)
    service.store()
    return service


def candidates(service, claims, model, temperature=1.0):
    """Per claim: (gold, judged passages), the expensive part done once."""
    from askisk.search.fusion import VERIFY_CONFIG
    from askisk.verify.aggregate import judge_passages
    from askisk.verify.verdict import CANDIDATES

    out = []
    for text, gold in claims:
        hits = service.ask(text, top_k=CANDIDATES, config=VERIFY_CONFIG).results
        stances = model.stances(text, [h.read_text for h in hits], temperature)
        out.append((text, gold, judge_passages(text, hits, stances, service.store().speakers)))
    return out


def outcomes(rows, settings):
    from askisk.verify.aggregate import decide_raw

    return [(gold, decide_raw(judged, settings)) for _, gold, judged in rows]


def figures(results):
    from askisk.evaluate import calibration as cal

    gold = [g for g, _ in results]
    pred = [d.label for _, d in results]
    precision, coverage = cal.decisive(gold, pred)
    accuracy = sum(g == p for g, p in zip(gold, pred, strict=True)) / len(gold)
    return cal.macro_f1(gold, pred), precision, coverage, accuracy


def accuracy(scored) -> float:
    return sum(g == p for g, p in scored) / max(1, len(scored))


def figures_of(scored):
    from askisk.evaluate import calibration as cal

    gold = [g for g, _ in scored]
    pred = [p for _, p in scored]
    precision, coverage = cal.decisive(gold, pred)
    return cal.macro_f1(gold, pred), precision, coverage, accuracy(scored)


def main() -> int:
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--climate-fever", type=Path, required=True)
    p.add_argument("--work", type=Path, default=Path("/tmp/askisk-cf"), help="kb + index cache")
    p.add_argument("--precision", type=float, default=0.85, help="decisive-verdict precision floor")
    p.add_argument("--seed-floor", type=float, default=0.90)
    p.add_argument("--min-block", type=int, default=60, help="isotonic: claims per block at least")
    p.add_argument("--prior", type=float, default=0.0, help="isotonic: pseudo-counts of the overall rate")
    p.add_argument("--calibrate-on", choices=("climate-fever", "all"), default="climate-fever")
    p.add_argument("--model", type=Path, help="a stance model folder other than the shipped one")
    p.add_argument("--out", type=Path)
    p.add_argument("--limit", type=int, help="smoke test: this many claims of each set")
    p.add_argument(
        "--dump", type=Path, help="only judge the candidates of --dump-split's claims into this file"
    )
    p.add_argument("--dump-split", default="even-test")
    p.add_argument("--part", default="0/1", help="with --dump: the i-th of n interleaved parts (i/n)")
    p.add_argument(
        "--tune", type=Path, nargs="*", default=[], help="dumps of even-dev-cal (else judged here)"
    )
    p.add_argument("--test", type=Path, nargs="*", default=[], help="dumps to score with the chosen setting")
    p.add_argument("--plot", type=Path, help="reliability + precision-coverage of the --test claims")
    p.add_argument(
        "--keep-thresholds", action="store_true",
        help="keep the model thresholds of the shipped aggregate.json; tune only the exact-rule step",
    )  # fmt: skip
    p.add_argument("--model-passages", type=int, default=10, help="candidates the model reads per claim")
    p.add_argument("--gate-dense", type=float, help="the gate's dense cosine floor (else as shipped)")
    p.add_argument("--gate-coverage", type=float, help="the gate's rule coverage floor (else as shipped)")
    args = p.parse_args()

    from askisk.evaluate import calibration as cal
    from askisk.evaluate import climate_fever as cf
    from askisk.evaluate.claims import load_claims as load_seed
    from askisk.service import Askisk
    from askisk.verify.aggregate import SETTINGS_FILE, shipped_settings, top_passages
    from askisk.verify.stance import StanceModel, load_stance

    started = time.time()
    model = StanceModel(args.model) if args.model else load_stance()
    if args.dump:
        import pickle

        i, n = (int(x) for x in args.part.split("/"))
        claims = [(c.text, c.label, c.id) for c in cf.load_claims(args.climate_fever, args.dump_split)
                  if c.label != "disputed"][i::n]  # fmt: skip
        service = open_climate_fever(args.climate_fever, args.dump_split, args.work)
        rows = candidates(service, [(t, g) for t, g, _ in claims], model)
        ids = [str(cid) for _, _, cid in claims]
        args.dump.write_bytes(pickle.dumps((ids, rows)))
        print(
            f"judged {len(rows)} {args.dump_split} claims (part {args.part}) in {time.time() - started:.0f}s"
        )
        return 0
    cf_claims = [(c.text, c.label) for c in cf.load_claims(args.climate_fever, "even-dev-cal")
                 if c.label != "disputed"]  # fmt: skip
    seed = Askisk.open(str(ROOT / "kb"), str(args.work / "index-seed"))
    seed.store()
    seed_claims = [
        (c.claim, c.label) for c in load_seed(ROOT / "kb" / "eval" / "claims.jsonl") if c.split == "dev"
    ]
    if args.limit:
        cf_claims, seed_claims = cf_claims[: args.limit], seed_claims[: args.limit]
    service = open_climate_fever(args.climate_fever, "even-dev-cal", args.work, notify=print)
    print(
        f"ready in {time.time() - started:.0f}s; "
        f"{len(cf_claims)} Climate-FEVER, {len(seed_claims)} seed claims"
    )
    cf_rows = load_dumps(args.tune, model)[1] if args.tune else candidates(service, cf_claims, model)
    seed_rows = candidates(seed, seed_claims, model)
    shipped = shipped_settings()
    gate = replace(
        shipped,
        abstain={},  # selective prediction is fit afterwards, on these thresholds (scripts/fit_abstain.py)
        model_passages=args.model_passages,
        gate_dense=shipped.gate_dense if args.gate_dense is None else args.gate_dense,
        gate_coverage=shipped.gate_coverage if args.gate_coverage is None else args.gate_coverage,
    )
    cf_rows, seed_rows = (
        [(t, g, top_passages(j, gate.model_passages, gate)) for t, g, j in rows]
        for rows in (cf_rows, seed_rows)
    )
    print(f"candidates judged in {time.time() - started:.0f}s")

    kept = gate
    fixed = exact_search(cf_rows, seed_rows, args.seed_floor, kept)
    best = None
    if args.keep_thresholds:
        best = (None, fixed, [(g, d.label) for g, d in outcomes(cf_rows, fixed) + outcomes(seed_rows, fixed)])
    for s, cf_scored, seed_scored in [] if args.keep_thresholds else grid_search(cf_rows, seed_rows, fixed):
        seed_acc = accuracy(seed_scored)
        f1, precision, coverage, _ = figures_of(cf_scored)
        ok = precision >= args.precision
        # the seed floor first, then the precision floor, then macro-F1 (or precision while under its floor)
        key = (seed_acc >= args.seed_floor, ok, f1 if ok else precision, seed_acc)
        if best is None or key > best[0]:
            best = (key, s, cf_scored + seed_scored)
    if best is None:
        print("no setting keeps the seed dev accuracy; nothing written")
        return 1
    _, s, fast = best
    exact = outcomes(cf_rows, s) + outcomes(seed_rows, s)
    differ = sum(p != d.label for (_, p), (_, d) in zip(fast, exact, strict=True))
    print(f"grid shortcut vs decide_raw on the chosen setting: {differ} verdicts differ")
    f1, precision, coverage, _ = figures(outcomes(cf_rows, s))  # the real decide_raw, as shipped
    seed_acc = figures(outcomes(seed_rows, s))[3]
    print(f"chosen {s}: Climate-FEVER even-dev-cal macro-F1 {f1:.3f}, decisive precision {precision:.3f}, "
          f"coverage {coverage:.3f}; seed dev accuracy {seed_acc:.3f}")  # fmt: skip
    # the map is fit on the Climate-FEVER claims alone by default: the seed claims are nearly all right at
    # any score, and pooling them in made Climate-FEVER verdicts overconfident (ECE 0.14 held out)
    results = outcomes(cf_rows, s) + (outcomes(seed_rows, s) if args.calibrate_on == "all" else [])
    knots = {}
    for label in cal.LABELS:
        mine = [(d.score, g == d.label) for g, d in results if d.label == label]
        if mine:
            knots[label] = cal.isotonic(
                [x for x, _ in mine], [ok for _, ok in mine], args.min_block, args.prior
            )
    s = replace(s, calibration=knots)
    from askisk.verify.aggregate import calibrate

    conf = [calibrate(d.score, knots.get(d.label, [])) for _, d in results]
    right = [g == d.label for g, d in results]
    print(f"ECE after calibration on the claims it was fit on: {cal.ece(conf, right):.4f} (n={len(right)})")
    out = args.out or SETTINGS_FILE
    shipped_json = json.loads(SETTINGS_FILE.read_text(encoding="utf-8")) if SETTINGS_FILE.is_file() else {}
    per_encoder = {
        k: shipped_json[k]
        for k in ("gate_dense_by_encoder", "gate_dense_by_encoder_note")
        if k in shipped_json
    }
    data = s.to_json() | per_encoder | {
        "tuned_on": "Climate-FEVER even-dev-cal (non-DISPUTED) + seed claims split dev"
        + (" (exact-rule step; model thresholds kept from round 2)" if args.keep_thresholds else ""),
        "calibrated_on": "Climate-FEVER even-dev-cal"
        if args.calibrate_on == "climate-fever"
        else "Climate-FEVER even-dev-cal + seed claims split dev",
        "figures": {"macro_f1": round(f1, 4), "decisive_precision": round(precision, 4),
                    "coverage": round(coverage, 4), "seed_dev_accuracy": round(seed_acc, 4)},
    }  # fmt: skip
    out.write_text(json.dumps(data, indent=1) + "\n", encoding="utf-8")
    print(f"wrote {out} in {time.time() - started:.0f}s")
    if args.test:
        report_test(args, s, model)
    return 0


def exact_search(cf_rows, seed_rows, seed_floor, base):
    """The exact-rule step's coverage floors, with the model thresholds of `base` (as shipped):
    the seed floor first, then Climate-FEVER macro-F1 (2 decimals), seed dev accuracy, decisive precision;
    among ties the lowest floors (the rules decide all that the tuning claims let them: they are right on
    every seed claim they decide above 0.7 coverage)."""
    from askisk.verify.aggregate import decide_raw

    floors = [0.6, 0.7, 0.8, 0.9, 1.0, 2.0]
    best = None
    for clash, soft, support in itertools.product(floors, floors, floors):
        s = replace(base, exact_clash=clash, exact_soft=soft, exact_support=support)
        cf = [(g, decide_raw(j, s).label) for _, g, j in cf_rows]
        seed_acc = accuracy([(g, decide_raw(j, s).label) for _, g, j in seed_rows])
        f1, precision, _, _ = figures_of(cf)
        # macro-F1 to 2 decimals: on 176 claims one verdict moves it by ~0.005, so closer is a tie
        key = (seed_acc >= seed_floor, round(f1, 2), seed_acc, round(precision, 3), -clash - soft - support)
        if best is None or key > best[0]:
            best = (key, s, seed_acc, f1, precision)
    _, s, seed_acc, f1, precision = best
    figs = f"macro-F1 {f1:.3f}, precision {precision:.3f}, seed dev {seed_acc:.3f}"
    print(f"exact rules: clash {s.exact_clash}, soft {s.exact_soft}, support {s.exact_support} ({figs})")
    return s


def grid_search(cf_rows, seed_rows, fixed):
    """Every setting of the grid, in order; the thresholds are applied to per-claim summaries computed
    once per (related, soft_rules, rule_coverage), the same logic as `aggregate.decide_raw` (which
    the caller then runs on the settings it keeps), so that ~40k settings take seconds, not an hour.
    The exact-rule step (`exact_*`) is taken from `fixed` (chosen before, by `exact_search`)."""
    from askisk.verify.aggregate import exact_rule
    from askisk.verify.verdict import best_alignment

    def summary(judged, related, soft, coverage):
        exact = exact_rule(judged, fixed)
        if exact is not None:
            return (exact.label,)
        near = [j for j in judged if j.stance.related >= related]
        chosen = best_alignment([j.alignment for j in near])
        ruled = next((j for j in near if j.alignment is chosen), None)
        if ruled is not None and ruled.alignment.coverage >= coverage and ruled.clash(soft) is not None:
            return ("refuted",)
        sure = [j for j in judged if j.clash(soft) is None]
        e = max((j.stance.entails for j in sure), default=-1.0)
        c = max((j.stance.contradicts for j in sure), default=-1.0)
        agrees = ruled is not None and not ruled.alignment.mismatches and not ruled.alignment.unverified
        return (e, c, agrees)

    def label(sm, entail, contradict, rule_support):
        if len(sm) == 1:
            return sm[0]
        e, c, agrees = sm
        ok_e, ok_c = e >= entail, c >= contradict
        if ok_e and ok_c:
            ok_e, ok_c = e >= c, e < c
        if ok_e:
            return "supported"
        if ok_c:
            return "refuted"
        return "supported" if rule_support and agrees else "not_enough_info"

    def scores(rows, sums, entail, contradict, rule_support):
        pairs = zip(rows, sums, strict=True)
        return [(g, label(sm, entail, contradict, rule_support)) for (_, g, _), sm in pairs]

    for related, soft, coverage in itertools.product(
        [0.0, 0.1, 0.15, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7], [True, False], [0.0, 0.6, 0.7, 0.8]
    ):
        cf = [summary(j, related, soft, coverage) for _, _, j in cf_rows]
        seed = [summary(j, related, soft, coverage) for _, _, j in seed_rows]
        for entail, contradict, rule_support in itertools.product(
            [x / 20 for x in range(3, 20)], [x / 20 for x in range(3, 20)], [True, False]
        ):
            yield (
                replace(
                    fixed,
                    entail=entail,
                    contradict=contradict,
                    related=related,
                    rule_support=rule_support,
                    soft_rules=soft,
                    rule_coverage=coverage,
                ),  # fmt: skip
                scores(cf_rows, cf, entail, contradict, rule_support),
                scores(seed_rows, seed, entail, contradict, rule_support),
            )


def load_dumps(paths, model=None):
    """Dumped (ids, rows); with `model`, the stances judged again by it (retrieval and rules stay)."""
    import pickle
    from dataclasses import replace

    ids, rows = [], []
    for path in paths:
        part_ids, part_rows = pickle.loads(path.read_bytes())
        ids += part_ids
        rows += part_rows
    if model is not None:
        rows = [(text, gold, [replace(j, stance=st) for j, st in
                              zip(judged, model.stances(text, [j.hit.read_text for j in judged]),
                                  strict=True)])
                for text, gold, judged in rows]  # fmt: skip
    return ids, rows


def report_test(args, s, model) -> None:
    """The held-out figures with the chosen setting: the same code path as `askisk eval --dataset`."""
    from askisk.evaluate.verdicts import score
    from askisk.verify.aggregate import decide_raw, to_verdict, top_passages

    ids, rows = load_dumps(args.test, model)
    rows = [(text, gold, top_passages(judged, s.model_passages, s)) for text, gold, judged in rows]
    verdicts = [to_verdict(text, judged, decide_raw(judged, s), s) for text, _, judged in rows]
    result = score(f"climate-fever {args.dump_split}", ids, [g for _, g, _ in rows], verdicts)
    summary = {k: v for k, v in result.to_json().items() if k not in ("wrong", "reliability")}
    print("held-out:", json.dumps(summary))
    if args.plot:
        from askisk.report.plots import write_plot

        write_plot(result, args.plot, title=f"Climate-FEVER {args.dump_split}, verifier model")


if __name__ == "__main__":
    sys.exit(main())
