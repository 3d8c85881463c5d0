"""Score `check` against a labelled claim set (kb/eval/claims.jsonl), overall and per split, with the
figures `verdicts.score` gives a public benchmark (accuracy, per-class precision and recall, the
confusion matrix, macro-F1, decisive precision, ECE). Never prints: `askisk eval --claims` shows it.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from askisk.evaluate import verdicts
from askisk.evaluate.verdicts import VerdictScores
from askisk.models import Verdict


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


def score(outcomes: Sequence[ClaimOutcome], name: str = "claims") -> VerdictScores:
    """The same figures as for a public benchmark (`verdicts.score`)."""
    return verdicts.score(
        name, [o.item.id for o in outcomes], [o.item.label for o in outcomes], [o.verdict for o in outcomes]
    )


def evaluate_claims(check: Callable[[str], Verdict], path: Path) -> dict[str, VerdictScores]:
    """Scores for the whole set ("all") and for each split ("dev", "test")."""
    outcomes = run_claims(check, load_claims(path))
    result = {"all": score(outcomes, "all")}
    for split in sorted({o.item.split for o in outcomes}):
        result[split] = score([o for o in outcomes if o.item.split == split], split)
    return result
