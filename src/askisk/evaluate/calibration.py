"""How far to trust a verdict: macro-F1, decisive-verdict precision and coverage, expected calibration
error, the reliability table, the precision-coverage curve, and the isotonic fit that calibrates.

Pure functions over plain lists (verdict labels, gold labels, confidences). Never prints.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from askisk.models import VERDICT_LABELS

LABELS = VERDICT_LABELS
DECISIVE = ("supported", "refuted")


def macro_f1(gold: Sequence[str], predicted: Sequence[str], labels: Sequence[str] = LABELS) -> float:
    scores = []
    for label in labels:
        tp = sum(g == p == label for g, p in zip(gold, predicted, strict=True))
        fp = sum(p == label and g != label for g, p in zip(gold, predicted, strict=True))
        fn = sum(g == label and p != label for g, p in zip(gold, predicted, strict=True))
        scores.append(2 * tp / (2 * tp + fp + fn) if tp else 0.0)
    return sum(scores) / len(scores) if scores else 0.0


def decisive(gold: Sequence[str], predicted: Sequence[str]) -> tuple[float, float]:
    """(precision, coverage) of the supported/refuted verdicts: the share right, the share of claims."""
    pairs = [(g, p) for g, p in zip(gold, predicted, strict=True) if p in DECISIVE]
    precision = sum(g == p for g, p in pairs) / len(pairs) if pairs else 0.0
    coverage = len(pairs) / len(gold) if gold else 0.0
    return precision, coverage


@dataclass(frozen=True)
class Bin:
    low: float
    high: float
    count: int
    confidence: float  # mean confidence in the bin
    accuracy: float  # share right in the bin


def reliability(confidence: Sequence[float], correct: Sequence[bool], bins: int = 10) -> list[Bin]:
    """Equal-width confidence bins (the last one closed) with their mean confidence and accuracy."""
    out = []
    for b in range(bins):
        low, high = b / bins, (b + 1) / bins
        idx = [i for i, c in enumerate(confidence) if low <= c < high or (b == bins - 1 and c == high)]
        if idx:
            conf = sum(confidence[i] for i in idx) / len(idx)
            acc = sum(bool(correct[i]) for i in idx) / len(idx)
            out.append(Bin(low, high, len(idx), conf, acc))
    return out


def ece(confidence: Sequence[float], correct: Sequence[bool], bins: int = 10) -> float:
    """Expected calibration error: the count-weighted mean |accuracy - confidence| over the bins."""
    n = len(confidence)
    if not n:
        return 0.0
    return sum(b.count * abs(b.accuracy - b.confidence) for b in reliability(confidence, correct, bins)) / n


def precision_coverage(
    confidence: Sequence[float], gold: Sequence[str], predicted: Sequence[str]
) -> list[tuple[float, float, float]]:
    """(threshold, coverage, precision) of the decisive verdicts kept when confidence >= threshold, from
    the most confident down: coverage = kept / all claims, precision = right / kept."""
    ranked = sorted(
        ((c, g == p) for c, g, p in zip(confidence, gold, predicted, strict=True) if p in DECISIVE),
        key=lambda x: -x[0],
    )
    out, right = [], 0
    for k, (c, ok) in enumerate(ranked, 1):
        right += ok
        out.append((c, k / len(gold), right / k))
    return out


def isotonic(
    scores: Sequence[float], correct: Sequence[bool], min_block: int = 1, prior: float = 0.0
) -> list[tuple[float, float]]:
    """Pool-adjacent-violators fit of P(right | score), non-decreasing in the score; the knots (block
    mean score, block accuracy) that `verify.aggregate.calibrate` interpolates.

    On a few hundred claims the plain fit ends in blocks of two or three that claim 0 % or 100 %, which
    held-out claims do not bear out: `min_block` pools every block with its neighbour until it holds that
    many, and `prior` shrinks each block's accuracy towards the overall one by that many pseudo-counts."""
    blocks: list[list[float]] = []  # [sum score, sum right, count]
    for s, ok in sorted(zip(scores, correct, strict=True)):
        blocks.append([s, float(ok), 1.0])
        while len(blocks) > 1 and blocks[-2][1] / blocks[-2][2] >= blocks[-1][1] / blocks[-1][2]:
            last = blocks.pop()
            for i in range(3):
                blocks[-1][i] += last[i]
    while len(blocks) > 1 and min(b[2] for b in blocks) < min_block:
        i = min(range(len(blocks)), key=lambda k: blocks[k][2])
        j = i - 1 if i == len(blocks) - 1 or (i > 0 and blocks[i - 1][2] < blocks[i + 1][2]) else i + 1
        a, b = sorted((i, j))
        blocks[a] = [x + y for x, y in zip(blocks[a], blocks[b], strict=True)]
        del blocks[b]
    rate = sum(b[1] for b in blocks) / max(1.0, sum(b[2] for b in blocks))
    return [(round(b[0] / b[2], 4), round((b[1] + prior * rate) / (b[2] + prior), 4)) for b in blocks]
