"""Who speaks in each passage, and why. Pure: text in, attributions out. (Placeholder being replaced.)"""

from __future__ import annotations

from dataclasses import dataclass

from askisk.models import NARRATION, Attribution, Paragraph, Passage, Source, Speaker


@dataclass(frozen=True)
class SourceSpeakers:
    speakers: tuple[Speaker, ...]
    attributions: tuple[Attribution, ...]  # aligned with the passages given to attribute()


def attribute(source: Source, paragraphs: list[Paragraph], passages: list[Passage]) -> SourceSpeakers:
    return SourceSpeakers(speakers=(), attributions=tuple(NARRATION for _ in passages))


def resolve_speaker(name: str, speakers: list[Speaker]) -> list[str]:
    """Canonical names of the speakers a user's NAME means (case-insensitive, aliases accepted)."""
    wanted = name.strip().lower()
    return [s.name for s in speakers if wanted == s.name.lower() or wanted in (a.lower() for a in s.aliases)]


def speakers_in_query(query: str, speakers: list[Speaker]) -> list[str]:
    """Canonical names of the speakers a question names or describes ("the expert", "McKenzie")."""
    return []
