"""Pure helpers that turn core results into display pieces: labels, citations, highlights, colours.

Source text is data: it only ever enters `Content(...)` as plain text, never through markup, and
through `shown` (`askisk.text.printable`), so an escape sequence in a source is a visible symbol and
never a command to the terminal.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from textual.content import Content

from askisk.models import verdict_title
from askisk.text import printable as shown

if TYPE_CHECKING:
    from askisk.models import Hit, Verdict
    from askisk.search.scope import Filters

# readable on both the light and the dark theme
PALETTE = ("#d75f87", "#0087d7", "#d78700", "#5faf00", "#af5fd7", "#00afaf", "#d75f00", "#5f87ff")
NARRATION_STYLE = "dim italic"
HIGHLIGHT_STYLE = "bold underline $text-accent"
# fmt: off
STOPWORDS = frozenset((
    "the", "and", "for", "are", "was", "were", "with", "what", "who", "whom", "whose", "which", "that",
    "this", "these", "those", "did", "does", "about", "from", "into", "over", "than", "then", "they",
    "them", "their", "there", "has", "have", "had", "how", "why", "when", "where", "will", "would",
    "could", "should", "can", "not", "but", "you", "your", "his", "her", "its", "our", "out", "all",
    "any", "said", "says", "say",
))
# fmt: on


class SpeakerColors:
    """One colour per speaker, fixed at first sight and kept for the whole session."""

    def __init__(self, palette: tuple[str, ...] = PALETTE) -> None:
        self._palette = palette
        self._assigned: dict[str, str] = {}

    def __call__(self, speaker: str | None) -> str:
        if speaker is None:
            return NARRATION_STYLE
        if speaker not in self._assigned:
            self._assigned[speaker] = self._palette[len(self._assigned) % len(self._palette)]
        return f"bold {self._assigned[speaker]}"


def speaker_name(hit: Hit) -> str:
    return shown(hit.speaker) if hit.speaker else "Narration"


def query_terms(query: str) -> list[str]:
    """The words of a question worth highlighting: 3+ letters, not stopwords, in order, unique."""
    seen: dict[str, None] = {}
    for word in re.findall(r"\w+", query.lower()):
        if len(word) >= 3 and word not in STOPWORDS:
            seen.setdefault(word, None)
    return list(seen)


def highlighted(text: str, query: str) -> Content:
    """The passage as literal text with the query's words (and their inflections) emphasised."""
    content = Content(shown(text))
    terms = query_terms(query)
    if not terms:
        return content
    pattern = re.compile(r"\b(?:" + "|".join(re.escape(t) for t in terms) + r")\w*", re.IGNORECASE)
    return content.highlight_regex(pattern, style=HIGHLIGHT_STYLE)


def source_line(hit: Hit) -> str:
    parts = [hit.source.title, hit.locator]
    if hit.source.date:
        parts.append(hit.source.date)
    return shown(" · ".join(parts))


def attribution_line(hit: Hit) -> str:
    return shown(f"{hit.attribution} · {hit.cue}") if hit.cue else hit.attribution


def summary(hits: tuple[Hit, ...] | list[Hit], colors: SpeakerColors) -> Content:
    """One extractive line: the first hit's speaker and its own words, nothing invented."""
    if not hits:
        return Content("No passage in the knowledge base answers this.")
    first = hits[0]
    return Content.assemble((speaker_name(first), colors(first.speaker)), ": ", shown(first.text))


STYLE_NAMES = {"plain": "plain text", "markdown": "Markdown", "json": "JSON"}
VERDICT_ICONS = {"supported": "✔", "refuted": "✘", "not_enough_info": "?"}
NO_EVIDENCE = "No passage in the knowledge base is about this claim, so there is no evidence to show."


def citation(hit: Hit, style: str = "plain") -> str:
    """The passage's citation in one of `report.STYLES` (plain, markdown, json): the core's, not ours."""
    from askisk.report.render import citation as report_citation

    return report_citation(hit, style)  # type: ignore[arg-type]


def verdict_badge(verdict: Verdict) -> Content:
    """The badge line: the verdict, its confidence, and the one-line reason (colours come from the tcss)."""
    label = f"{VERDICT_ICONS[verdict.verdict]} {verdict_title(verdict.verdict)}"
    return Content.assemble(
        (f" {label} ", "bold reverse"),
        (f"  confidence {verdict.confidence:.0%}", "bold"),
        "\n",
        shown(verdict.reason),
    )


def filters_line(filters: Filters, speaker_shown: str | None = None) -> str:
    """The active filters in one line: "speaker X · source a, b · since 2020 · until 2024"."""
    return shown(" · ".join(filters.parts(speaker_shown or filters.speaker)))
