"""Filters on which passages may answer: by speaker, by source id, by source date. Pure.

Dates in front matter and on the command line may be YYYY, YYYY-MM or YYYY-MM-DD; a partial date covers
its whole period ("--until 2024" includes 2024-12-31). A source without a date is left out by --since and
--until, since nothing shows it lies in the range; the "filter matches nothing" message says so.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date

from askisk.errors import InputError

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
    year, month, day = (int(g) if g else None for g in match.groups())
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
    if since and last < date_range(since, "--since date")[0]:
        return False
    return not (until and first > date_range(until, "--until date")[1])


def validate(filters: Filters, known_sources: list[str]) -> None:
    """Fail early, with the fix, on an unknown source id or a malformed date."""
    unknown = [s for s in filters.sources if s not in known_sources]
    if unknown:
        raise InputError(
            f"unknown source id {', '.join(unknown)}; known: {', '.join(known_sources) or 'none'}"
        )
    if filters.since:
        date_range(filters.since, "--since date")
    if filters.until:
        date_range(filters.until, "--until date")
    if filters.since and filters.until and date_range(filters.since)[0] > date_range(filters.until)[1]:
        raise InputError(f"--since {filters.since} is after --until {filters.until}")
