"""Score `check` verdicts on a labelled claim set: accuracy, macro-F1, per-class precision/recall, the
confusion matrix, decisive-verdict precision and coverage, ECE with its reliability table and the
precision-coverage curve; and run `check` on Climate-FEVER claims against a kb built from its evidence.

Climate-FEVER (`run_climate_fever`): the kb holds the evidence sentences of every claim of the even half
when an even split is judged (the odd half is never read then), of every claim for `odd`/`all`; one
source per Wikipedia article, written once into `work` (the caller opens the service on it). DISPUTED
claims are left out. Never prints.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from askisk.evaluate import calibration as cal
from askisk.models import Verdict

LABELS = cal.LABELS
Progress = Callable[[int, int], None]


@dataclass(frozen=True)
class VerdictScores:
    name: str
    n: int
    accuracy: float
    macro_f1: float
    precision: dict[str, float]
    recall: dict[str, float]
    confusion: dict[str, dict[str, int]]  # gold -> predicted -> count
    decisive_precision: float
    coverage: float
    ece: float
    reliability: tuple[cal.Bin, ...]
    curve: tuple[tuple[float, float, float], ...]  # (threshold, coverage, precision)
    wrong: tuple[str, ...] = ()

    def to_json(self) -> dict[str, Any]:
        return {
            "name": self.name,
            "n": self.n,
            "accuracy": self.accuracy,
            "macro_f1": self.macro_f1,
            "precision": self.precision,
            "recall": self.recall,
            "confusion": self.confusion,
            "decisive_precision": self.decisive_precision,
            "coverage": self.coverage,
            "ece": self.ece,
            "reliability": [b.__dict__ for b in self.reliability],
            "wrong": list(self.wrong),
        }


def score(name: str, ids: Sequence[str], gold: Sequence[str], verdicts: Sequence[Verdict]) -> VerdictScores:
    predicted = [v.verdict for v in verdicts]
    confidence = [float(v.confidence) for v in verdicts]
    correct = [g == p for g, p in zip(gold, predicted, strict=True)]
    confusion: dict[str, dict[str, int]] = {g: {p: 0 for p in LABELS} for g in LABELS}
    for g, p in zip(gold, predicted, strict=True):
        confusion[g][p] += 1
    precision: dict[str, float] = {}
    recall: dict[str, float] = {}
    for label in LABELS:
        said = sum(confusion[g][label] for g in LABELS)
        actual = sum(confusion[label].values())
        precision[label] = round(confusion[label][label] / said, 4) if said else 0.0
        recall[label] = round(confusion[label][label] / actual, 4) if actual else 0.0
    dp, cov = cal.decisive(gold, predicted)
    n = len(gold)
    return VerdictScores(
        name=name,
        n=n,
        accuracy=round(sum(correct) / n, 4) if n else 0.0,
        macro_f1=round(cal.macro_f1(gold, predicted), 4),
        precision=precision,
        recall=recall,
        confusion=confusion,
        decisive_precision=round(dp, 4),
        coverage=round(cov, 4),
        ece=round(cal.ece(confidence, correct), 4),
        reliability=tuple(cal.reliability(confidence, correct)),
        curve=tuple(cal.precision_coverage(confidence, gold, predicted)),
        wrong=tuple(i for i, ok in zip(ids, correct, strict=True) if not ok),
    )


def climate_fever_kb(path: Path, split: str, work: Path) -> tuple[Path, Path]:
    """The kb folder (written once) and index folder for judging `split`: (kb, index) under `work`."""
    from askisk.evaluate import climate_fever as cf

    kb_split = "even" if split.startswith("even") else "all"
    kb = work / f"kb-{kb_split}"
    if not any(kb.glob("*.md")):
        cf.write_kb(cf.load_claims(path, kb_split), kb)  # type: ignore[arg-type]
    return kb, work / f"index-{kb_split}"


def run_climate_fever(
    check: Callable[[str], Verdict], path: Path, split: str, progress: Progress | None = None
) -> tuple[list[str], list[str], list[Verdict]]:
    """(claim ids, gold labels, verdicts from `check`) of every non-DISPUTED claim of `split`."""
    from askisk.evaluate import climate_fever as cf

    claims = [c for c in cf.load_claims(path, split) if c.label != "disputed"]  # type: ignore[arg-type]
    verdicts = []
    for i, c in enumerate(claims, 1):
        verdicts.append(check(c.text))
        if progress:
            progress(i, len(claims))
    return [str(c.id) for c in claims], [c.label for c in claims], verdicts
