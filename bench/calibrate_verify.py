"""Calibrate the "about" thresholds of `askisk.verify.verdict` on the dev claims, then report dev and test.

    .venv/bin/python bench/calibrate_verify.py [--kb kb] [--index index]

Aligns every claim with its CANDIDATES retrieved passages once, then grid-searches ABOUT_COVERAGE
(0.10..0.90) x ABOUT_DENSE (0.40..1.00) for verdict accuracy on the dev split. Among the settings that
reach the best dev accuracy it picks the one farthest (in grid steps) from any setting that does worse.
Prints the grid, the chosen values and the dev/test/all scores with them. The chosen values are copied
by hand into verify.py (ABOUT_*).
"""

from __future__ import annotations

import argparse
from pathlib import Path

from askisk.evaluate.claims import ClaimOutcome, load_claims, score
from askisk.service import Askisk
from askisk.verify.features import analyse
from askisk.verify.verdict import CANDIDATES, align, judge


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--kb", default="kb")
    parser.add_argument("--index", default="index")
    parser.add_argument("--claims", default="kb/eval/claims.jsonl")
    args = parser.parse_args()
    service = Askisk.open(args.kb, args.index)
    service.store()
    claims = load_claims(Path(args.claims))
    speakers = service.store().speakers  # as `check` aligns: descriptions resolved by the registry
    prepared = []
    for item in claims:
        claim = analyse(item.claim)
        hits = service.ask(item.claim, top_k=CANDIDATES).results
        prepared.append((item, claim, [align(claim, h, analyse(h.read_text), speakers) for h in hits]))

    def outcomes(cov: float, dense: float, split: str | None):
        return [
            ClaimOutcome(item, judge(item.claim, claim, als, coverage=cov, dense=dense))
            for item, claim, als in prepared
            if split is None or item.split == split
        ]

    covs = [round(0.10 + 0.025 * i, 3) for i in range(33)]
    denses = [round(0.40 + 0.025 * i, 3) for i in range(25)]
    grid = {(c, d): score(outcomes(c, d, "dev")).accuracy for c in covs for d in denses}
    best = max(grid.values())
    print(
        f"best dev accuracy {best:.4f} ('#' = best; rows dense {denses[0]}..{denses[-1]}, "
        f"columns coverage {covs[0]}..{covs[-1]}, step 0.025)"
    )
    for d in denses:
        print(f"  dense {d:.3f} " + "".join("#" if grid[(c, d)] == best else "." for c in covs))
    worse = [(i, j) for i, c in enumerate(covs) for j, d in enumerate(denses) if grid[(c, d)] < best]

    def margin(i: int, j: int) -> int:  # grid steps to the nearest worse setting (Chebyshev distance)
        return min((max(abs(i - a), abs(j - b)) for a, b in worse), default=99)

    cells = [
        (margin(i, j), c, d) for i, c in enumerate(covs) for j, d in enumerate(denses) if grid[(c, d)] == best
    ]
    _, chosen_cov, chosen_dense = max(cells)
    print(
        f"chosen ABOUT_COVERAGE={chosen_cov}, ABOUT_DENSE={chosen_dense} "
        f"(the best-accuracy setting farthest from any worse one: {max(cells)[0]} steps)"
    )
    for split in ("dev", "test", None):
        s = score(outcomes(chosen_cov, chosen_dense, split))
        print(f"{split or 'all':5} n={s.n} accuracy={s.accuracy:.4f} wrong={list(s.wrong)}")
        print(f"      precision={s.precision} recall={s.recall}")
        print(f"      confusion={s.confusion}")


if __name__ == "__main__":
    main()
