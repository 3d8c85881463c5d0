"""Score `check` against a labelled claim set (kb/eval/claims.jsonl): verdict accuracy, per-class precision
and recall, the confusion matrix, overall and per split. Never prints: `askisk eval --claims` shows it.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from askisk.models import VERDICT_LABELS, Verdict


@dataclass(frozen=True)
class LabelledClaim:
    id: str
    claim: str
    label: str
    split: str
    mismatch: str | None = None
    evidence: tuple[str, ...] = ()


@dataclass(frozen=True)
class ClaimOutcome:
    item: LabelledClaim
    verdict: Verdict

    @property
    def correct(self) -> bool:
        return self.verdict.verdict == self.item.label


@dataclass(frozen=True)
class ClaimScores:
    n: int
    accuracy: float
    precision: dict[str, float]
    recall: dict[str, float]
    confusion: dict[str, dict[str, int]]  # gold label -> predicted label -> count
    wrong: tuple[str, ...] = field(default=())  # ids of the claims judged wrongly

    def to_json(self) -> dict[str, Any]:
        return {
            "n": self.n,
            "accuracy": self.accuracy,
            "precision": self.precision,
            "recall": self.recall,
            "confusion": self.confusion,
            "wrong": list(self.wrong),
        }


def load_claims(path: Path) -> list[LabelledClaim]:
    out = []
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip():
            continue
        try:
            rec = json.loads(line)
            out.append(
                LabelledClaim(
                    rec["id"],
                    rec["claim"],
                    rec["label"],
                    rec.get("split", "dev"),
                    rec.get("mismatch"),
                    tuple(rec.get("evidence") or ()),
                )
            )
        except (ValueError, KeyError, TypeError) as exc:
            raise ValueError(f"{path}:{number}: not a claim record ({exc})") from exc
    return out


def run_claims(check: Callable[[str], Verdict], claims: Iterable[LabelledClaim]) -> list[ClaimOutcome]:
    """Judge every claim with `check` (e.g. `service.check`)."""
    return [ClaimOutcome(item, check(item.claim)) for item in claims]


def score(outcomes: Sequence[ClaimOutcome]) -> ClaimScores:
    confusion: dict[str, dict[str, int]] = {
        gold: {pred: 0 for pred in VERDICT_LABELS} for gold in VERDICT_LABELS
    }
    for o in outcomes:
        confusion[o.item.label][o.verdict.verdict] += 1
    precision: dict[str, float] = {}
    recall: dict[str, float] = {}
    for label in VERDICT_LABELS:
        predicted = sum(confusion[g][label] for g in VERDICT_LABELS)
        actual = sum(confusion[label].values())
        precision[label] = round(confusion[label][label] / predicted, 4) if predicted else 0.0
        recall[label] = round(confusion[label][label] / actual, 4) if actual else 0.0
    n = len(outcomes)
    accuracy = round(sum(o.correct for o in outcomes) / n, 4) if n else 0.0
    wrong = tuple(o.item.id for o in outcomes if not o.correct)
    return ClaimScores(n, accuracy, precision, recall, confusion, wrong)


def evaluate_claims(check: Callable[[str], Verdict], path: Path) -> dict[str, ClaimScores]:
    """Scores for the whole set ("all") and for each split ("dev", "test")."""
    outcomes = run_claims(check, load_claims(path))
    result = {"all": score(outcomes)}
    for split in sorted({o.item.split for o in outcomes}):
        result[split] = score([o for o in outcomes if o.item.split == split])
    return result
