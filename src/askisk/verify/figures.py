"""Numbers set against numbers: whether a passage gives each figure of a claim, the same or another, counting
the same thing by the same verb; durations across units, vague counts as spans, a total against the counts
it adds up. Pure given two `Analysis`; `verdict.align` turns the clashes into number mismatches."""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

from askisk.verify.features import Analysis
from askisk.verify.lexicon import words_match
from askisk.verify.quantities import Number
from askisk.verify.units import DAYS

VAGUE_APART = 4  # two vague counts clash only this many times apart: they are loose on both sides
RIVAL_WEIGHT = 0.5  # a claim value contradicted by a same-kind value counts this much towards coverage


@dataclass(frozen=True)
class NumberCheck:
    explained: float  # claim figures the passage gives (a contradicted one counts RIVAL_WEIGHT)
    counted: int  # claim figures that count towards coverage
    clashes: tuple[tuple[str, str], ...]  # (what the claim says, what the passage says)
    unverified: tuple[str, ...]  # claim figures the passage has nothing to compare with


def _comparable(num, p, passage_lemmas: set[str], claim_lemmas: set[str]) -> bool:
    """Two numbers count the same thing: the same counted noun, or the same verb when a noun is missing."""
    same_verb = num.verb is not None and (
        (p.verb is not None and words_match(num.verb, p.verb))
        or any(words_match(num.verb, x) for x in passage_lemmas)
    )
    if num.unit and p.unit:
        same_unit = words_match(num.unit, p.unit) or (num.unit in DAYS and p.unit in DAYS)
        return same_unit and (same_verb or num.verb is None or p.verb is None)
    if num.vague or p.vague:
        # a vague count meets a figure of its own thing, or a bare one its own verb counts ("killed hundreds
        # of people" / "killed 90 in Kabul", "wounded scores of others"), never a bare figure as a duration
        # ("for several years" is no rival of "98 ft")
        bare, counted = (p, num) if p.unit is None else (num, p)
        return _same_verb(bare, counted) and (bare.vague or counted.unit not in DAYS)
    unit, other = (num.unit, passage_lemmas) if num.unit else (p.unit, claim_lemmas)
    return same_verb or (unit is not None and any(words_match(unit, x) for x in other))


def _same_verb(num: Number, p: Number) -> bool:
    return num.verb is not None and p.verb is not None and words_match(num.verb, p.verb)


def _same_value(num: Number, p: Number) -> bool:
    """The same figure; durations in days, within a few percent ("18 months" is "a year and a half")."""
    if num.unit in DAYS and p.unit in DAYS and num.unit != p.unit:
        a, b = DAYS[num.unit], DAYS[p.unit]
        return all(
            abs(x * a - y * b) <= 0.05 * max(x * a, y * b) for x, y in ((num.low, p.low), (num.high, p.high))
        )
    if (
        num.vague and p.vague
    ):  # "thousands" and "tens of thousands" are near; "a handful" and "scores" are not
        return max(num.low, p.low) / max(min(num.high, p.high), 1) < VAGUE_APART
    if num.vague or p.vague:  # "dozens" holds 90, "hundreds" does not
        return num.low <= p.high and p.low <= num.high
    return p.low == num.low and p.high == num.high


def _duration(num: Number) -> str:
    return f"{num.text} {num.unit}{'' if num.high == 1 else 's'}"


def check_numbers(claim: Analysis, passage: Analysis) -> NumberCheck:
    """What the claim's numbers explain, and how many count: a described count ("the five agents") that the
    passage leaves unsaid ("the agents", "they") is neither checked nor missing."""
    explained = 0.0
    counted = 0
    clashes: list[tuple[str, str]] = []
    unverified: list[str] = []
    lemmas = {w.lemma for w in passage.words}
    claim_lemmas = {w.lemma for w in claim.words}
    for num in claim.numbers:
        parts = _parts(num, passage.numbers)
        if parts:
            counted += 1
            clash = _sum_clash(num, parts)
            if clash is None:
                explained += 1
            else:
                clashes.append(clash)
                explained += RIVAL_WEIGHT
            continue
        comparable = [p for p in passage.numbers if _comparable(num, p, lemmas, claim_lemmas)]
        if not comparable and (num.described or num.vague):  # "several parts": nothing to check it on
            continue
        counted += 1
        if not comparable:
            unverified.append(num.text)
            continue
        if any(_same_value(num, p) for p in comparable):
            explained += 1
        else:
            # the figure its own verb counts first: "wounded a handful" against "killed nearly 100 people and
            # wounded scores of others" names "scores", not 100
            best = min(
                comparable, key=lambda p: (not _same_verb(num, p), num.unit != p.unit, abs(p.low - num.low))
            )
            if num.unit in DAYS and best.unit in DAYS and num.unit != best.unit:  # "two to three years"
                clashes.append((_duration(num), _duration(best)))  # vs "12 to 18 months"
            else:
                clashes.append((num.text, best.text))
            explained += RIVAL_WEIGHT
    return NumberCheck(explained, counted, tuple(clashes), tuple(unverified))


def _parts(total: Number, numbers: Sequence[Number]) -> list[Number]:
    """The passage's counts a claimed total adds up: two or more figures its verb counts ("killed 13
    American military personnel and at least 169 Afghans" for "killed 182 people in all")."""
    if not total.total or total.verb is None:
        return []
    parts = [
        p
        for p in numbers
        if not (p.vague or p.described or p.total) and p.unit not in DAYS and _same_verb(total, p)
    ]
    return parts if len(parts) >= 2 else []


def _sum_clash(total: Number, parts: Sequence[Number]) -> tuple[str, str] | None:
    """None when the parts can add up to the claimed total ("at least" on either side opens that end)."""
    low = sum(p.low for p in parts)
    high = math.inf if any(p.floor for p in parts) else sum(p.high for p in parts)
    claimed_high = math.inf if total.floor else total.high
    if total.low <= high and low <= claimed_high:
        return None
    at_least = "at least " if math.isinf(high) else ""
    said = " + ".join(f"{'at least ' if p.floor else ''}{p.text}" for p in parts)
    return f"{'at least ' if total.floor else ''}{total.text} in all", f"{said} = {at_least}{low:g}"
