"""The query scope: the user's filters (speaker, source ids, a date range) and their resolution, once
per question, into the `Scope` that search and the store apply. Pure given the store's metadata.

Dates may be YYYY, YYYY-MM or YYYY-MM-DD; a partial date covers its whole period (until 2024 includes
2024-12-31). A source without a date is left out by a date range, since nothing shows it lies in the
range; the "no passage matches" message says so. Messages name the value and the fix, never a flag.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING

from askisk.errors import InputError
from askisk.models import OPEN_SCOPE, Scope

if TYPE_CHECKING:
    from askisk.index.protocol import Store

_DATE = re.compile(r"^(\d{4})(?:-(\d{1,2})(?:-(\d{1,2}))?)?$")


@dataclass(frozen=True)
class Filters:
    speaker: str | None = None
    sources: tuple[str, ...] = ()
    since: str | None = None
    until: str | None = None

    @property
    def active(self) -> bool:
        return bool(self.speaker or self.sources or self.since or self.until)

    def parts(self, speaker_shown: str | None = None) -> list[str]:
        """Each active filter in words; `speaker_shown` replaces the typed name (e.g. the canonical one)."""
        parts = []
        if self.speaker:
            parts.append(f"speaker {speaker_shown or repr(self.speaker)}")
        if self.sources:
            parts.append("source " + ", ".join(self.sources))
        if self.since:
            parts.append(f"since {self.since}")
        if self.until:
            parts.append(f"until {self.until}")
        return parts

    def describe(self) -> str:
        return "; ".join(self.parts())


def date_range(text: str, what: str = "date") -> tuple[date, date]:
    """The first and last day a (possibly partial) date covers; InputError when malformed."""
    match = _DATE.match(text.strip())
    if not match:
        raise InputError(f"malformed {what} {text!r}: use YYYY, YYYY-MM or YYYY-MM-DD")
    year = int(match.group(1))
    month, day = (int(g) if g else None for g in match.groups()[1:])
    try:
        if month is None:
            return date(year, 1, 1), date(year, 12, 31)
        if day is None:
            return date(year, month, 1), date(year, month, calendar.monthrange(year, month)[1])
        return date(year, month, day), date(year, month, day)
    except ValueError:
        raise InputError(f"malformed {what} {text!r}: no such day") from None


def source_in_range(source_date: str | None, since: str | None, until: str | None) -> bool:
    if not since and not until:
        return True
    if not source_date:
        return False
    try:
        first, last = date_range(source_date)
    except InputError:
        return False
    if since and last < date_range(since, "start date")[0]:
        return False
    return not (until and first > date_range(until, "end date")[1])


def validate(filters: Filters, known_sources: list[str]) -> None:
    """Fail early, with the fix, on an unknown source id or a malformed date."""
    unknown = [s for s in filters.sources if s not in known_sources]
    if unknown:
        raise InputError(
            f"unknown source id {', '.join(unknown)}; known: {', '.join(known_sources) or 'none'}"
        )
    if filters.since:
        date_range(filters.since, "start date")
    if filters.until:
        date_range(filters.until, "end date")
    if filters.since and filters.until and date_range(filters.since)[0] > date_range(filters.until)[1]:
        raise InputError(f"the start date {filters.since} is after the end date {filters.until}; swap them")


def resolve_speaker(name: str, store: Store) -> frozenset[str]:
    """The canonical speaker names a typed name, alias or description stands for."""
    from askisk.speakers.query import resolve_speaker as match

    names = frozenset(match(name, store.speakers))
    if not names:
        known = ", ".join(sorted({s.name for s in store.speakers})) or "none"
        raise InputError(f"no speaker matches {name!r}; known speakers: {known}")
    return names


def resolve(filters: Filters | None, store: Store) -> Scope:
    """The scope the filters stand for on this store; InputError when they are malformed, name an unknown
    source or speaker, or let no passage through."""
    if filters is None or not filters.active:
        return OPEN_SCOPE
    validate(filters, sorted(store.docs))
    speakers = resolve_speaker(filters.speaker, store) if filters.speaker else None
    sources = None
    if filters.sources or filters.since or filters.until:
        sources = frozenset(
            sid
            for sid, doc in store.docs.items()
            if (not filters.sources or sid in filters.sources)
            and source_in_range(doc.source.date, filters.since, filters.until)
        )
    scope = Scope(speakers, sources)
    if store.count(scope) == 0:
        undated = (
            [sid for sid, d in store.docs.items() if not d.source.date]
            if filters.since or filters.until
            else []
        )
        hint = f" (sources without a date are left out: {', '.join(undated)})" if undated else ""
        raise InputError(f"no passage matches the filters: {filters.describe()}{hint}")
    return scope
