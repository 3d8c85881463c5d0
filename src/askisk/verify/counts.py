"""Claims that compare or add the counts of two events ("the Crocus attack killed more people than the
Mastung bombings", "… twice as many as …", "… 40 more than …", "A and B together killed 250 people"). No
single passage says that: each count is read from the passage that tells its event, and the claimed
comparison or sum is checked against the two.

Pure given the passages: `comparison` reads the claim, `count_event` reads one event's count among hits
retrieved for it (the caller retrieves; `decide` takes the search as a function), `judge` compares.
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from askisk.models import Hit, Verdict
from askisk.nlp import pipeline
from askisk.text import normalize
from askisk.verify import events
from askisk.verify.features import analyse
from askisk.verify.lexicon import words_match
from askisk.verify.quantities import WORD_FIGURES, Number, number_value
from askisk.verify.units import DAYS
from askisk.verify.verdict import evidence_speaker

NEAR = 0.1  # "nearly 100", "about twice": a tenth either way
_MULTIPLES = {"twice": 2.0, "half": 0.5, "three times": 3.0, "four times": 4.0, "five times": 5.0,
              "ten times": 10.0}  # fmt: skip
_FIGURE = rf"\d[\d,]*(?:\.\d+)?|{WORD_FIGURES}"
_QUALIFIER = (
    r"about|nearly|almost|roughly|around|approximately|more than|over|at least|less than|fewer than|under"
)
_VERB = r"(?P<verb>[a-z]+(?:ed|ew|ught|lt|ft|d)|killed|left|wounded|injured|displaced|claimed)"
# "A killed more people than B (did)", "A killed 40 more people than B"
_MORE = re.compile(
    rf"^(?P<a>.+?)\s+{_VERB}\s+(?:(?P<n>{_FIGURE})\s+)?(?P<cmp>more|fewer|less)\s+(?:(?P<unit>[a-z]+)\s+)?"
    r"than\s+(?:did\s+)?(?P<b>.+?)(?:\s+did)?[.!?]?$",
    re.IGNORECASE,
)
# "A was deadlier than B", "A was less deadly than B"
_DEADLIER = re.compile(
    r"^(?P<a>.+?)\s+(?:was|were|is|are)\s+(?P<cmp>deadlier|more deadly|less deadly)\s+than\s+"
    r"(?P<b>.+?)[.!?]?$",
    re.IGNORECASE,
)
# "A killed (about) twice as many people as B (did)"
_TIMES = re.compile(
    rf"^(?P<a>.+?)\s+{_VERB}\s+(?:(?P<qual>{_QUALIFIER})\s+)?(?P<mult>{'|'.join(_MULTIPLES)}|\d+ times)\s+"
    r"as many\s+(?:(?P<unit>[a-z]+)\s+)?as\s+(?:did\s+)?(?P<b>.+?)(?:\s+did)?[.!?]?$",
    re.IGNORECASE,
)
# "A and B together killed 250 people", "A and B killed a combined 250 people", "… 250 people in all"
# where each cue of a sum may stand: before both events, between them and the verb, before the figure, last
_CUES_FIRST = "combined|together|taken together|between them|in all|all told|altogether"
_CUES_BEFORE_VERB = "together|between them|combined"
_CUES_BEFORE_FIGURE = "a combined|a total of"
_CUES_LAST = "in all|in total|altogether|together|combined|between them"
_SUM = re.compile(
    rf"^(?:(?P<cue0>{_CUES_FIRST}),\s*)?"
    rf"(?P<a>.+?)\s+and\s+(?P<b>.+?)\s+(?:(?P<cue1>{_CUES_BEFORE_VERB})\s+)?{_VERB}\s+"
    rf"(?:(?P<cue2>{_CUES_BEFORE_FIGURE})\s+)?(?:(?P<qual>{_QUALIFIER})\s+)?(?P<n>{_FIGURE})\s+"
    rf"(?:(?P<unit>[a-z]+)\s*)?(?P<cue3>{_CUES_LAST})?[.!?]?$",
    re.IGNORECASE,
)
# any of them, searched before the backtracking pattern is tried
_SUM_CUE = re.compile(
    rf"\b(?:{'|'.join((_CUES_FIRST, _CUES_BEFORE_VERB, _CUES_BEFORE_FIGURE, _CUES_LAST))})\b", re.IGNORECASE
)


@dataclass(frozen=True)
class Comparison:
    """What the claim says of two events' counts: `kind` "more"/"fewer" (by `amount` when given), "times"
    (`amount` the factor) or "sum" (`amount` the total), with `qualifier` ("about", "at least", …)."""

    a: str
    b: str
    verb: str  # the counting verb's lemma: "kill"
    kind: str
    amount: float | None = None
    qualifier: str = ""
    phrase: str = (
        ""  # the claim's words: "killed more people than", "were deadlier than", "together killed 250"
    )


@dataclass(frozen=True)
class Count:
    """A count a passage gives: `low`-`high` (high open for "at least"), as the passage says it."""

    low: float
    high: float
    text: str


def _figure(text: str) -> float:
    return number_value(text) or 0.0


def _lemma(verb: str) -> str:
    return pipeline()(f"They {verb.lower()} them.")[1].lemma_.lower()


def comparison(claim: str) -> Comparison | None:
    """The two events and what the claim says of their counts, or None when it compares no two counts."""
    text = normalize(claim).strip()
    if m := _TIMES.match(text):
        mult = m.group("mult").lower()
        factor = _MULTIPLES.get(mult) or float(mult.split()[0])
        return _made(m, "times", factor, (m.group("qual") or "").lower())
    if m := _DEADLIER.match(text):
        kind = "fewer" if m.group("cmp").lower().startswith("less") else "more"
        return _made(m, kind, None, "", verb="kill")
    # "killed fewer than 200 people" compares a count with a figure, not with another event
    if (m := _MORE.match(text)) and not re.match(rf"(?:{_FIGURE})\b", m.group("b"), re.IGNORECASE):
        kind = "more" if m.group("cmp").lower() == "more" else "fewer"
        return _made(m, kind, _figure(m.group("n")) if m.group("n") else None, "")
    # the sum pattern backtracks over every "and": tried only where a sum is said at all
    if (
        _SUM_CUE.search(text)
        and (m := _SUM.match(text))
        and any(m.group(c) for c in ("cue0", "cue1", "cue2", "cue3"))
    ):
        return _made(m, "sum", _figure(m.group("n")), (m.group("qual") or "").lower())
    return None


def _made(
    m: re.Match[str], kind: str, amount: float | None, qualifier: str, verb: str = ""
) -> Comparison | None:
    a, b = m.group("a").strip(" ,"), m.group("b").strip(" ,")
    if not re.search(r"[A-Za-z]{3,}", a) or not re.search(r"[A-Za-z]{3,}", b):
        return None
    if (m.groupdict().get("unit") or "").lower().rstrip(
        "s"
    ) in DAYS:  # "lasted more years": a span, not a count
        return None
    said = verb or _lemma(m.group("verb"))
    # the claim's own words for the comparison: between the events, or after both for a sum
    text = m.string.rstrip(".!?")
    phrase = text[m.end("b") :] if kind == "sum" else text[m.end("a") : m.start("b")]
    return Comparison(a, b, said, kind, amount, qualifier, phrase.strip(" ,"))


def count_event(event: str, verb: str, hits: Sequence[Hit]) -> events.Told[Count] | None:
    """The event's count: from the best-ranked of `hits` that tells the event (`events.find`) and counts
    with the verb; several figures the verb counts there add up ("killed 13 Americans and 169 Afghans")."""
    return events.find(f"{event} {_past(verb)}", hits, lambda _e, hit: _count(hit, verb))


def _past(verb: str) -> str:
    return {"kill": "killed", "wound": "wounded", "injure": "injured"}.get(verb, verb)


def _count(hit: Hit, verb: str) -> Count | None:
    parts = [
        n
        for n in analyse(hit.read_text).numbers
        if n.verb and words_match(n.verb, verb) and not (n.vague or n.described) and n.unit not in DAYS
    ]
    if not parts:
        return None
    low = sum(_low(n) for n in parts)
    high = sum(_high(n) for n in parts)
    text = " + ".join(_say(n) for n in parts)
    return Count(low, high, text if len(parts) == 1 else f"{text} = {_say_total(low, high)}")


def _low(n: Number) -> float:
    return n.low * (1 - NEAR) if n.near else n.low


def _high(n: Number) -> float:
    return math.inf if n.floor else n.high * (1 + NEAR) if n.near else n.high


def _say(n: Number) -> str:
    return f"{'at least ' if n.floor else 'about ' if n.near else ''}{n.text}"


def _say_total(low: float, high: float) -> str:
    return f"at least {low:g}" if math.isinf(high) else f"{low:g}" if low == high else f"{low:g}-{high:g}"


def judge(c: Comparison, a: Count, b: Count) -> str:
    """ "supported", "refuted" or "not_enough_info": the two counts against the claimed comparison."""
    if c.kind == "sum":
        total = Count(a.low + b.low, a.high + b.high, "")
        return _within(total.low, total.high, *_claimed(c.amount or 0.0, c.qualifier))
    if c.kind == "times":
        if b.high <= 0 or math.isinf(a.high) and math.isinf(b.high):
            return "not_enough_info"
        ratio_low = a.low / b.high if not math.isinf(b.high) else 0.0
        ratio_high = a.high / b.low if b.low > 0 else math.inf
        return _within(ratio_low, ratio_high, *_claimed(c.amount or 1.0, c.qualifier or "about"))
    more = c.kind == "more"
    diff_low, diff_high = a.low - b.high, a.high - b.low  # a minus b
    if not more:
        diff_low, diff_high = -diff_high, -diff_low
    if c.amount is not None:
        return _within(diff_low, diff_high, *_claimed(c.amount, "about"))
    if diff_low > 0:
        return "supported"
    return "refuted" if diff_high <= 0 else "not_enough_info"


def _claimed(amount: float, qualifier: str) -> tuple[float, float]:
    if qualifier in ("more than", "over", "at least"):
        return amount, math.inf
    if qualifier in ("less than", "fewer than", "under"):
        return 0.0, amount
    if qualifier in ("nearly", "almost"):
        return amount * (1 - 2 * NEAR), amount
    slack = NEAR if qualifier else NEAR / 2
    return amount * (1 - slack), amount * (1 + slack)


def _within(low: float, high: float, c_low: float, c_high: float) -> str:
    """The sources' range against the claimed one: inside it supported, apart from it refuted."""
    if high < c_low or low > c_high:
        return "refuted"
    if c_low <= low and high <= c_high:
        return "supported"
    return "not_enough_info"


def decide(claim: str, search: Callable[[str], Sequence[Hit]]) -> Verdict | None:
    """The verdict on a claim that compares or adds two events' counts, or None (not such a claim, or an
    event the knowledge base gives no count for: the ordinary check decides)."""
    c = comparison(claim)
    if c is None:
        return None
    first = count_event(c.a, c.verb, search(f"{c.a} {_past(c.verb)}"))
    second = count_event(c.b, c.verb, search(f"{c.b} {_past(c.verb)}"))
    if first is None or second is None or first.hit.passage_id == second.hit.passage_id:
        return None
    label = judge(c, first.value, second.value)
    said = f"“{c.a}” and “{c.b}” {c.phrase}" if c.kind == "sum" else f"“{c.a}” {c.phrase} “{c.b}”"
    reason = (
        f"claim says {said}; the sources give {first.value.text} and {second.value.text} "
        f"{events.where(first.hit, second.hit)}"
    )
    speaker = evidence_speaker(first.hit, analyse(first.hit.text))
    confidence = events.confidence(label, min(first.coverage, second.coverage))
    mismatch = "number" if label == "refuted" else None
    return Verdict(claim, label, confidence, reason, events.shown(first.hit, second.hit),  # type: ignore[arg-type]
                   mismatch, analyse(claim).reporter, speaker, None)  # fmt: skip
