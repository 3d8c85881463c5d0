"""Who speaks how often, and which sources say what: the counts `askisk speakers` and `askisk sources`
show, computed from analysed sources (pure; the service hands in the loaded store's docs)."""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping

from askisk.models import SourceSummary, SpeakerCount, SpeakerSummary
from askisk.speakers.corpus import SourceDoc


def speaker_summaries(docs: Mapping[str, SourceDoc]) -> list[SpeakerSummary]:
    """One row per (speaker, source), with quoted and reported passages counted; most passages first."""
    counts: Counter[tuple[str, str, str]] = Counter()
    for doc in docs.values():
        for p, a in zip(doc.passages, doc.attributions, strict=True):
            if a.speaker and p.searchable:
                counts[(doc.source.id, a.speaker, a.kind)] += 1
    out = []
    for doc in docs.values():
        for sp in doc.speakers:
            key = (doc.source.id, sp.name)
            quotes, reported = counts[(*key, "quote")], counts[(*key, "reported")]
            out.append(
                SpeakerSummary(
                    sp.name, doc.source.id, sp.role, sp.aliases, quotes + reported, quotes, reported
                )
            )
    return sorted(out, key=lambda s: (-s.passages, s.name))


def merge_counts(summaries: list[SpeakerSummary]) -> list[SpeakerCount]:
    """One row per speaker name across sources, most passages first."""
    merged: dict[str, list[int]] = {}
    for s in summaries:
        row = merged.setdefault(s.name, [0, 0, 0])
        row[0] += s.passages
        row[1] += s.quotes
        row[2] += s.reported
    rows = [SpeakerCount(name, *counts) for name, counts in merged.items()]
    return sorted(rows, key=lambda r: (-r.passages, r.name))


def source_summaries(docs: Mapping[str, SourceDoc]) -> list[SourceSummary]:
    """One row per source, with its searchable passages and speaker names, by id."""
    out = []
    for doc in docs.values():
        s = doc.source
        searchable = sum(1 for p in doc.passages if p.searchable)
        names = tuple(sp.name for sp in doc.speakers)
        out.append(SourceSummary(s.id, s.title, s.date, s.outlet, s.url, s.path, searchable, names))
    return sorted(out, key=lambda s: s.id)
