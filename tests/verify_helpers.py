"""Passages and negation lookups for the rule tests of `verify` (real parser, sentences of our own)."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import replace

from askisk.models import Hit, SourceRef
from askisk.verify.features import analyse


def passage(
    text: str, source: SourceRef, rank: int = 1, dense: float = 0.7, speaker: str | None = None
) -> Hit:
    """A retrieved passage as `check` sees it: narration unless a speaker is given."""
    kind = "reported" if speaker else "narration"
    return Hit(rank, 1.0, text, speaker, kind, None, source, f"p{rank}", rank, 0, "", scores={"dense": dense})


def word_search(texts: Sequence[str], source: SourceRef) -> Callable[[str], list[Hit]]:
    """A search over passages of our own, for the checks that take one (`verify.timeline`, `verify.counts`):
    the passages sharing most words with the query first, each with its own passage id."""

    def search(query: str) -> list[Hit]:
        words = set(query.lower().split())
        ranked = sorted(texts, key=lambda p: -len(words & set(p.lower().split())))
        return [
            replace(passage(text, source, rank=i + 1), passage_id=f"{source.id}-{texts.index(text)}")
            for i, text in enumerate(ranked)
        ]

    return search


def negated(text: str, lemma: str) -> list[bool]:
    """Whether each word of `text` with this lemma is read as negated."""
    return [w.negated for w in analyse(text).words if w.lemma == lemma]
