"""The passage that tells an event a claim names, for checks no single passage settles: two events put in
order (`verify.timeline`) or two counts compared or added (`verify.counts`). Pure given the hits.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from typing import Generic, TypeVar

from askisk.models import Hit
from askisk.nlp import pipeline
from askisk.text import normalize
from askisk.verify.aggregate import calibrate, shipped_settings
from askisk.verify.features import analyse
from askisk.verify.lexicon import words_match
from askisk.verify.syntax import LIGHT, REPORTING
from askisk.verify.verdict import align

# an event's passage must explain this much of the event's words, with nothing contradicted
EVENT_COVERAGE = 0.6
EVENT_HITS = 10  # the best-ranked passages retrieved for an event that may tell it
# an event that is a statement matches any verb of saying: "McKenzie's warning" is "McKenzie told"
_STATEMENT = REPORTING | {"warning", "statement", "remark", "testimony", "testify"}

T = TypeVar("T")


@dataclass(frozen=True)
class Told(Generic[T]):
    """An event, the passage that tells it and what the passage gives of it (a date, a count)."""

    hit: Hit
    value: T
    coverage: float


def find(event: str, hits: Sequence[Hit], read: Callable[[str, Hit], T | None]) -> Told[T] | None:
    """The best-ranked of `hits` that tells the event (explains EVENT_COVERAGE of its words and contradicts
    none) and gives what `read` looks for, with that value; None when no passage does."""
    claim = analyse(event)
    for hit in list(hits)[:EVENT_HITS]:
        value = read(event, hit)
        if value is None:
            continue
        a = align(claim, hit, analyse(hit.read_text))
        coverage = max(a.coverage, told_share(event, hit.read_text))
        # who is said to have said it is no part of an event: "the explosions claimed by Daesh" reads
        # "claimed" as the explosions' own statement
        if coverage >= EVENT_COVERAGE and all(m.kind == "attribution" for m in a.mismatches):
            return Told(hit, value, coverage)
    return None


def _content(doc) -> list:
    return [
        t for t in doc if (t.is_alpha or "-" in t.text) and not t.is_stop and t.lemma_.lower() not in LIGHT
    ]


def told_share(event: str, passage: str) -> float:
    """The share of the event's content words the passage has, reporting verbs included: an event can be a
    statement ("McKenzie's warning to U.S. lawmakers" is "McKenzie told U.S. lawmakers"), whose words
    `align` leaves out as the frame."""
    nlp = pipeline()
    words = _content(nlp(normalize(event)))
    there = _content(nlp(normalize(passage)))
    if not words:
        return 0.0

    def same(a, b) -> bool:
        la, lb = a.lemma_.lower(), b.lemma_.lower()
        return words_match(la, lb) or (la in _STATEMENT and lb in _STATEMENT)

    return sum(any(same(w, t) for t in there) for w in words) / len(words)


def where(*hits: Hit) -> str:
    """ "(narration, Title)", or each passage's speaker and source where they differ."""
    seen: list[str] = []
    for h in hits:
        said = f"{h.speaker or 'narration'}, {h.source.title}"
        if said not in seen:
            seen.append(said)
    return f"({'; '.join(seen)})"


def confidence(label: str, score: float) -> float:
    """As for every other verdict, the share of verdicts with this label and score that were right on
    Climate-FEVER dev claims (`aggregate.calibrate`): there is no calibration of these checks of their own,
    and their coverage alone would read as certainty."""
    return round(calibrate(score, shipped_settings().calibration.get(label, [])), 3)


def shown(*hits: Hit) -> tuple[Hit, ...]:
    """The events' passages as a verdict's evidence, numbered 1, 2 in the claim's order: each was ranked by
    its own event's search, and "6." beside "1." would read as a weaker passage. One passage telling both
    is shown once."""
    unique = [h for i, h in enumerate(hits) if all(h.passage_id != o.passage_id for o in hits[:i])]
    return tuple(replace(h, rank=i) for i, h in enumerate(unique, 1))
