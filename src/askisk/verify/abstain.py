"""Selective prediction for `check`: the probability that a supported/refuted verdict is right, read from
the whole candidate set, and the abstention it drives ("abstaining is allowed, guessing is not").

A small logistic regression over five numbers of the candidate set (FEATURES): whether a rule feature
decided rather than the model, the deciding score, the margin between the strongest passage for the
verdict and the strongest against it, how many passages lean the verdict's way, and how much of the claim
the rules match in the deciding passage. Fit on the Climate-FEVER even-dev-fit claims (and the seed dev
claims), recalibrated (Platt) and its floor chosen on even-dev-cal by
`scripts/fit_abstain.py`, which writes the numbers into `aggregate.json` (`abstain`). A decisive verdict
whose P(right) falls under the floor becomes not_enough_info; one that clears it reports P(right) as its
confidence. Off as shipped (an empty `abstain`): it did not beat raising the thresholds on held-out
claims (docs/stance.md, round 5). The exact-rule step (the rules matching the claim almost word for
word) is not second-guessed: the model has not read those passages, and the rules are right there on the
seed article.

Pure arithmetic on what `verify.aggregate` already computed; no model, no I/O.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from typing import Any, Protocol

FEATURES = ("rule", "score", "margin", "agree", "coverage")
LEANS = 0.3  # a passage leans the verdict's way when its probability for that stance reaches this


class _Stance(Protocol):
    @property
    def entails(self) -> float: ...

    @property
    def contradicts(self) -> float: ...


def features(
    label: str, score: float, rule: bool, coverage: float, stances: Sequence[_Stance]
) -> tuple[float, ...]:
    """FEATURES of one decisive verdict, given the stances of every candidate (unread ones count as
    neutral): the margin is the best stance for the verdict minus the best against it."""
    if label == "supported":
        pro, con = [s.entails for s in stances], [s.contradicts for s in stances]
    else:
        pro, con = [s.contradicts for s in stances], [s.entails for s in stances]
    margin = max(pro, default=0.0) - max(con, default=0.0)
    agree = sum(p >= LEANS for p in pro)
    return (float(rule), float(score), margin, float(agree), float(coverage))


def p_right(model: Mapping[str, Any], x: Sequence[float]) -> float:
    """The logistic model's P(right) for features `x` (`model`: weights in FEATURES order, bias)."""
    z = float(model["bias"]) + sum(float(w) * v for w, v in zip(model["weights"], x, strict=True))
    return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))


def usable(model: Mapping[str, Any]) -> bool:
    """Whether `model` (the `abstain` entry of aggregate.json, possibly empty) is one this code reads."""
    return tuple(model.get("features", ())) == FEATURES and len(model.get("weights", ())) == len(FEATURES)
