"""Claims that put two events in order or a span of time between them ("Orokzai's capture came more than
five years after IS-K was set up", "A was captured before B was killed"). No single passage says that: each
event is dated from the passage that tells it, and the claimed order and span are checked against the two
dates.

Pure given the passages: `relation` reads the claim, `date_event` dates one event among hits retrieved for it
(the caller retrieves, `decide` takes the search as a function) and `compare` sets the two dates against
the claim.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace

from askisk.models import Hit, Verdict
from askisk.nlp import pipeline
from askisk.text import normalize
from askisk.verify import events
from askisk.verify.features import analyse
from askisk.verify.quantities import WORD_FIGURES, Date, dates, number_value
from askisk.verify.syntax import governing_verb
from askisk.verify.units import DAYS
from askisk.verify.verdict import evidence_speaker

_AMOUNT = rf"(?:\d+(?:\.\d+)?|a|an|one|a few|a couple of|several|{WORD_FIGURES})"
_NAMED = ("PERSON", "ORG", "GPE", "NORP")
_UNIT = r"(?:day|week|month|year|decade)s?"
# how the claim qualifies the span: (low, high) as factors of the amount; None: open on that side
_QUALIFIERS: dict[str, tuple[float | None, float | None]] = {
    "more than": (1.0, None), "over": (1.0, None), "at least": (1.0, None), "upwards of": (1.0, None),
    "just over": (1.0, 1.25), "a little over": (1.0, 1.25), "slightly more than": (1.0, 1.25),
    "less than": (None, 1.0), "under": (None, 1.0), "fewer than": (None, 1.0), "within": (None, 1.0),
    "just under": (0.8, 1.0), "nearly": (0.8, 1.0), "almost": (0.8, 1.0), "close to": (0.8, 1.0),
}  # fmt: skip
_ABOUT = ("about", "around", "roughly", "some", "approximately", "exactly", "only", "just")
_VAGUE = {"a few": (2.0, 5.0), "a couple of": (2.0, 3.0), "several": (3.0, 9.0)}
_QUALIFIER = "|".join(sorted((*_QUALIFIERS, *_ABOUT), key=len, reverse=True))
_SPAN = rf"(?:(?P<qual>{_QUALIFIER})\s+)?(?P<amount>{_AMOUNT})\s+(?P<unit>{_UNIT})\s+"
_ORDER = r"(?P<dir>after|before|earlier than|later than|prior to)\s+"
# "A came N years after B" / "A was captured before B was killed"; a light verb at the end of A is no event
_MIDDLE = re.compile(rf"^(?P<a>.+?)\s+(?:{_SPAN})?{_ORDER}(?P<b>.+?)[.!?]?$", re.IGNORECASE)
_FRONTED = re.compile(rf"^(?:{_SPAN})?{_ORDER}(?P<b>[^,]+),\s*(?P<a>.+?)[.!?]?$", re.IGNORECASE)
_SPAN_END = rf"(?:(?P<qual>{_QUALIFIER})\s+)?(?P<amount>{_AMOUNT})\s+(?P<unit>{_UNIT})"
# "A preceded B (by N years)", "A followed B (by N months)"
_VERBAL = re.compile(
    rf"^(?P<a>.+?)\s+(?P<dir>preceded|followed)\s+(?P<b>.+?)(?:\s+by\s+{_SPAN_END})?[.!?]?$", re.IGNORECASE
)
# "A and B were N years apart", "A came within N months of B": a span, either way round
_APART = re.compile(
    rf"^(?P<a>.+?)\s+and\s+(?P<b>.+?)\s+(?:were|are|came|happened|took place)\s+{_SPAN_END}\s+apart[.!?]?$",
    re.IGNORECASE,
)
_WITHIN = re.compile(
    rf"^(?P<a>.+?)\s+(?P<qual>within)\s+(?P<amount>{_AMOUNT})\s+(?P<unit>{_UNIT})\s+of\s+(?P<b>.+?)[.!?]?$",
    re.IGNORECASE,
)
_TRAILING_LIGHT = re.compile(r"\s+(?:came|happened|occurred|took place|followed|was|were|is)$", re.IGNORECASE)


@dataclass(frozen=True)
class Relation:
    """What the claim says: event `a` came `direction` event `b`, by `low`-`high` days if it says."""

    a: str
    b: str
    direction: str  # "after", "before" or "apart" (either way round)
    low: float | None = None
    high: float | None = None
    phrase: str = ""  # "more than five years after", as the claim says it


@dataclass(frozen=True)
class Dated:
    """An event, the passage that tells it and the date it gives."""

    hit: Hit
    date: Date
    coverage: float


def relation(claim: str) -> Relation | None:
    """The two events and the claimed order and span, or None when the claim orders no two events."""
    text = normalize(claim).strip()
    m = _APART.match(text) or _WITHIN.match(text) or _VERBAL.match(text) or _FRONTED.match(text)
    m = m or _MIDDLE.match(text)
    if m is None:
        return None
    a = _TRAILING_LIGHT.sub("", m.group("a").strip(" ,"))
    b = m.group("b").strip(" ,")
    if len(re.findall(r"[A-Za-z]{3,}", a)) < 2 or len(re.findall(r"[A-Za-z]{3,}", b)) < 1:
        return None
    order = (m.groupdict().get("dir") or "apart").lower()
    direction = "before" if order in ("before", "earlier than", "prior to", "preceded") else "after"
    direction = "apart" if order == "apart" else direction
    low = high = None
    if m.group("amount"):
        low, high = _span(m.group("qual"), m.group("amount"), m.group("unit"))
    return Relation(a, b, direction, low, high, _phrase(m, text))


def _phrase(m: re.Match[str], text: str) -> str:
    """The claim's words for the order and span: "more than five years after", "within six months of"."""
    if m.re is _APART:
        return text[m.end("b") :].strip(" .!?")
    if m.re is _VERBAL:  # "preceded B by two years" says "two years before B"
        way = "before" if m.group("dir").lower() == "preceded" else "after"
        if not m.group("amount"):
            return way
        start = m.start("qual") if m.group("qual") else m.start("amount")
        return f"{text[start : m.end('unit')]} {way}"
    starts = [m.start(g) for g in ("qual", "amount", "dir") if m.groupdict().get(g)]
    ends = [m.end(g) for g in ("dir", "unit") if m.groupdict().get(g)]
    said = text[min(starts) : max(ends)].strip()
    return f"{said} of" if m.re is _WITHIN else said


def _span(qualifier: str | None, amount: str, unit: str) -> tuple[float | None, float | None]:
    """The claimed span in days: "more than five years" is (5 years, open), "about seven months" 7 months
    give or take 15 % (at least half a month), "several months" 3 to 9 months."""
    days = DAYS[unit.lower().rstrip("s")]
    a = amount.lower()
    if a in _VAGUE:
        lo, hi = _VAGUE[a]
        return (lo - 0.5) * days, (hi + 0.5) * days
    n = 1.0 if a in ("a", "an", "one") else number_value(a) or 0.0
    q = (qualifier or "").lower()
    if q in _QUALIFIERS:
        f_lo, f_hi = _QUALIFIERS[q]
        return (None if f_lo is None else n * f_lo * days), (None if f_hi is None else n * f_hi * days)
    slack = max(0.15 * n, 0.5) * days
    return (n * days - slack, n * days + slack)


def _bounds(d: Date) -> tuple[dt.date, dt.date]:
    """The first and last day the date can mean ("2015": the whole year, "April 2020": the month)."""
    assert d.year is not None
    if d.month is None:
        return dt.date(d.year, 1, 1), dt.date(d.year, 12, 31)
    if d.day is not None:
        day = dt.date(d.year, d.month, min(d.day, calendar.monthrange(d.year, d.month)[1]))
        return day, day
    return dt.date(d.year, d.month, 1), dt.date(d.year, d.month, calendar.monthrange(d.year, d.month)[1])


def date_event(event: str, hits: Sequence[Hit]) -> Dated | None:
    """The date of the event, from the best-ranked of `hits` that tells it (`events.find`) and has a dated
    year; the date the event's own words go with when it has several."""
    told = events.find(event, hits, _dated)
    return Dated(told.hit, told.value, told.coverage) if told is not None else None


# the year of writing, for dates told from it ("January 3 this year", "June last year") in a source with
# no date of its own: such dates are numbered from here and set only against each other
WRITING = 5_000


def _dated(event: str, hit: Hit) -> Date | None:
    text = normalize(hit.text)
    found = [d for d in (_in_years(d, hit) for d in dates(text)[0]) if d.year is not None]
    return _event_date(event, text, found) if found else None


def _from_writing(d: Date) -> bool:
    return d.year is not None and d.year > WRITING // 2


def _in_years(d: Date, hit: Hit) -> Date:
    """The date with a year to count on: its own, one counted from the year of writing (the source's date,
    else `WRITING`), or, for a day with no year ("the March 22 attack"), the year of the last date its
    paragraph gives before it."""
    if d.year is not None:
        return d
    if d.relative is not None:
        written = hit.source.date or ""  # YYYY, YYYY-MM or YYYY-MM-DD
        return replace(d, year=(int(written[:4]) if written[:4].isdigit() else WRITING) + d.relative)
    if d.month is None:
        return d
    before = normalize(hit.context)
    at = before.find(normalize(hit.text)[:60])
    earlier = [_in_years(e, hit) for e in dates(before[: max(at, 0)])[0] if e.year or e.relative is not None]
    return replace(d, year=earlier[-1].year) if earlier else d


def _event_date(event: str, text: str, found: list[Date]) -> Date:
    """Of the passage's dates, the one the event goes with: by "respectively" the date in the place of the
    name the event has; else the date whose verb governs most of the event's words in the passage."""
    if len(found) == 1:
        return found[0]
    doc = pipeline()(text)
    event_words = {w.lower() for w in re.findall(r"[\w-]{3,}", event)}
    if "respectively" in text.lower():
        names = [
            e for e in doc.ents if e.label_ in ("PERSON", "ORG", "GPE", "NORP") and e.root.dep_ != "compound"
        ]
        conjoined = [
            e for e in names if e.root.dep_ == "conj" or any(c.dep_ == "conj" for c in e.root.children)
        ]
        if len(conjoined) == len(found):
            for e, d in zip(conjoined, found, strict=True):
                if {t.lower_ for t in e if t.is_alpha} & event_words:
                    return d
    verbs = [governing_verb(t) for t in doc if t.is_alpha and not t.is_stop and t.lower_ in event_words]
    best, votes = found[0], -1
    for d in found:
        start = text.find(d.text)
        span = doc.char_span(start, start + len(d.text), alignment_mode="expand") if start >= 0 else None
        verb = governing_verb(span.root) if span is not None else None
        count = sum(v == verb for v in verbs) if verb is not None else 0
        if count > votes:
            best, votes = d, count
    return best


def compare(rel: Relation, a: Date, b: Date) -> tuple[str, str]:
    """("supported" | "refuted" | "not_enough_info", what the dates give): the days from b to a, set against
    the claimed direction and span."""
    a_lo, a_hi = _bounds(a)
    b_lo, b_hi = _bounds(b)
    lo, hi = (a_lo - b_hi).days, (a_hi - b_lo).days  # a after b by lo..hi days
    if rel.direction == "before" or rel.direction == "apart" and hi <= 0:
        lo, hi = -hi, -lo
    elif rel.direction == "apart" and lo < 0:  # either way round: the span is at most the larger side
        lo, hi = 1, max(-lo, hi)
    gap = _say_gap(a, b)
    if hi < 0:
        return "refuted", gap
    if lo <= 0:
        return "not_enough_info", gap
    if rel.low is None and rel.high is None:
        return "supported", gap
    c_lo = rel.low if rel.low is not None else 0.0
    c_hi = rel.high if rel.high is not None else float("inf")
    if hi < c_lo or lo > c_hi:
        return "refuted", gap
    if c_lo <= lo and hi <= c_hi or c_lo <= (lo + hi) / 2 <= c_hi:
        return "supported", gap
    return "not_enough_info", gap


def _say_gap(a: Date, b: Date) -> str:
    """ "5 years 3 months after" / "3 years 9 months before", from the two dates as given."""
    assert a.year is not None and b.year is not None
    if a.month is None or b.month is None:
        years = a.year - b.year
        way = "after" if years > 0 else "before"
        return f"{abs(years)} year{'s' * (abs(years) != 1)} {way}" if years else "the same year"
    months = (a.year - b.year) * 12 + a.month - b.month
    if months == 0:
        return "the same month"
    y, m = divmod(abs(months), 12)
    parts = [f"{y} year{'s' * (y != 1)}" if y else "", f"{m} month{'s' * (m != 1)}" if m else ""]
    return f"{' '.join(p for p in parts if p)} {'after' if months > 0 else 'before'}"


def decide(claim: str, search: Callable[[str], Sequence[Hit]]) -> Verdict | None:
    """The verdict on a claim that orders two dated events, or None (not such a claim, or an event the
    knowledge base does not date: the ordinary check decides). `search` retrieves passages for a text."""
    rel = relation(claim)
    if rel is None:
        return None
    first, second = date_event(rel.a, search(rel.a)), date_event(rel.b, search(rel.b))
    if (
        first is None
        or second is None
        or first.hit.passage_id == second.hit.passage_id
        and first.date == second.date
        or _from_writing(first.date) != _from_writing(second.date)
    ):
        return None
    label, gap = compare(rel, first.date, second.date)
    reason = (
        f"claim puts {_said(rel)}; the sources date the first to {first.date.text} and "
        f"the second to {second.date.text} ({gap}) {events.where(first.hit, second.hit)}"
    )
    confidence = events.confidence(label, min(first.coverage, second.coverage))
    evidence = events.shown(first.hit, second.hit)
    speaker = evidence_speaker(first.hit, analyse(first.hit.text))
    mismatch = "date" if label == "refuted" else None
    return Verdict(claim, label, confidence, reason, evidence, mismatch, analyse(claim).reporter,  # type: ignore[arg-type]
                   speaker, None)  # fmt: skip


def _said(rel: Relation) -> str:
    if rel.direction == "apart" and not rel.phrase.startswith("within"):
        return f"“{rel.a}” and “{rel.b}” {rel.phrase}"
    return f"“{rel.a}” {rel.phrase} “{rel.b}”"
