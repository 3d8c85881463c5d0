"""Numbers, ranges, vague counts and dates in a parsed sentence, with what they count and the verb that
counts them: the pieces `verify` compares between a claim and a passage. Pure given spaCy tokens."""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from askisk.verify.syntax import governing_verb
from askisk.verify.units import MAGNITUDES

# fmt: off
# Determiners that make a counted noun a description of something known: "the two guards", "these five men".
_DEFINITE = frozenset(["the", "these", "those"])
MONTHS = {m: i for i, m in enumerate([
    "january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
    "november", "december",
], 1)}
NUMBER_WORDS = {w: i for i, w in enumerate([  # "one" is left out: "one of the leaders" is no count
    "zero", "_", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve",
    "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen", "twenty",
])}
# fmt: on


@dataclass(frozen=True)
class Number:
    text: str
    low: float
    high: float
    unit: str | None  # the counted noun: "people", "month"
    verb: str | None  # the governing verb: "kill"
    # "the five Cuban agents": a count the claim takes as given to say which agents, not what it asserts
    described: bool = False
    vague: bool = False  # "dozens", "a handful": a span of plausible counts, not a figure
    total: bool = False  # "169 people in all", "a total of 182": the sum of counts a passage may give apart
    floor: bool = False  # "at least 169", "more than 100": the figure is a lower bound
    near: bool = False  # "nearly 100", "about 90": the figure give or take a tenth


@dataclass(frozen=True)
class Date:
    text: str
    year: int | None
    month: int | None
    day: int | None
    relative: int | None = None  # "January 3 last year": -1, "this year": 0 (the year of writing)

    def compatible(self, other: Date) -> bool:
        return all(
            a is None or b is None or a == b
            for a, b in (
                (self.year, other.year),
                (self.month, other.month),
                (self.day, other.day),
                (self.relative, other.relative),
            )
        )


def number_value(text: str) -> float | None:
    """ "12", "1,200", "2.5", "twelve" as a number; None when it is none."""
    t = text.lower().replace(",", "")
    if t in NUMBER_WORDS:
        return float(NUMBER_WORDS[t])
    try:
        return float(t.rstrip("%"))
    except ValueError:
        return None


# the figures in words a pattern may match ("two", "twelve"; "one" left out, as above)
WORD_FIGURES = "|".join(w for w in NUMBER_WORDS if w != "_")
_VALUE = rf"(\d[\d,]*(?:\.\d+)?|{WORD_FIGURES})"
# "12 to 18", "two to three", "two or three": a range ("and" only between figures: "two and three" is often a
# list)
_RANGE = re.compile(
    r"\b"
    + _VALUE
    + r"\s*(?:to|-|or)\s*"
    + _VALUE
    + r"\b|\b(\d[\d,]*(?:\.\d+)?)\s*and\s*(\d[\d,]*(?:\.\d+)?)\b",
    re.IGNORECASE,
)
_DATE = re.compile(
    r"\b(?:(\d{1,2})\s+)?(" + "|".join(MONTHS) + r")\b(?:\s+(\d{1,2})\b)?(?:,?\s+((?:19|20)\d{2})\b)?"
    r"|\b((?:19|20)\d{2})\b",
    re.IGNORECASE,
)


_RELATIVE_YEAR = re.compile(r"\s+(this|last|next|previous)\s+year\b", re.IGNORECASE)
_RELATIVE = {"this": 0, "last": -1, "previous": -1, "next": 1}


def dates(text: str) -> tuple[list[Date], set[int]]:
    """Dates in the text and the character offsets they cover (so their digits are not counted)."""
    out: list[Date] = []
    covered: set[int] = set()
    for m in _DATE.finditer(text):
        if m.group(5):
            date = Date(m.group(0), int(m.group(5)), None, None)
        else:
            day = m.group(1) or m.group(3)
            year = m.group(4)
            if m.group(2).lower() == "may" and not (day or year):
                continue  # the modal verb
            date = Date(
                m.group(0), int(year) if year else None, MONTHS[m.group(2).lower()], int(day) if day else None
            )
        end = m.end()
        if date.year is None and (rel := _RELATIVE_YEAR.match(text, end)):
            date = replace(date, text=f"{date.text}{rel.group(0)}", relative=_RELATIVE[rel.group(1).lower()])
            end = rel.end()
        out.append(date)
        covered.update(range(m.start(), end))
    return out, covered


# Counts said without a figure, as the spans a reader takes them to mean: "dozens of people" is not 90, "a
# handful" is not scores. Plural nouns count only before "of"; "tens"/"hundreds of thousands" multiply.
VAGUE_PLURALS = {"tens": (20, 99), "dozens": (24, 99), "scores": (40, 199), "hundreds": (200, 999),
                 "thousands": (2_000, 9_999), "millions": (2e6, 9.99e8)}  # fmt: skip
VAGUE_DETERMINED = {("a", "handful"): (2, 9), ("a", "few"): (2, 9), ("a", "couple"): (2, 3)}
VAGUE_ALONE = {"several": (3, 9)}
# Nouns that stand for the counted thing named elsewhere: "killed 90 people and wounded scores of others"
_STAND_INS = frozenset(["other", "one"])


def vague_counts(doc) -> tuple[list[Number], set[int]]:
    """The vague counts and the tokens that say them (no content words of the claim)."""
    out: list[Number] = []
    skip: set[int] = set()
    for tok in doc:
        if tok.i in skip:
            continue
        nxt = doc[tok.i + 1] if tok.i + 1 < len(doc) else None
        prev = doc[tok.i - 1] if tok.i > 0 else None
        span = None
        if tok.lower_ in VAGUE_PLURALS and nxt is not None and nxt.lower_ == "of":
            span, end = VAGUE_PLURALS[tok.lower_], tok.i + 2
            after = doc[end] if end < len(doc) else None
            if (
                after is not None
                and after.lower_ in ("thousands", "millions")
                and doc[end + 1 : end + 2].text == "of"
            ):
                scale = {"thousands": 1_000, "millions": 1_000_000}[after.lower_]
                span, end = (span[0] * scale, span[1] * scale), end + 2
                skip.add(after.i)
        elif prev is not None and (prev.lower_, tok.lower_) in VAGUE_DETERMINED:
            span, end = VAGUE_DETERMINED[(prev.lower_, tok.lower_)], tok.i + 1
            end += 1 if nxt is not None and nxt.lower_ == "of" else 0
        elif tok.lower_ in VAGUE_ALONE and tok.dep_ in ("amod", "det", "nummod", "nsubj", "dobj"):
            span, end = VAGUE_ALONE[tok.lower_], tok.i + 1
        if span is None:
            continue
        counted = doc[end] if end < len(doc) and doc[end].pos_ in ("NOUN", "PROPN") else None
        if counted is None and tok.dep_ in ("amod", "det", "nummod") and tok.head.pos_ == "NOUN":
            counted = tok.head
        unit = counted.lemma_.lower() if counted is not None else None
        unit = None if unit in _STAND_INS else unit
        start = (
            prev.idx
            if (prev is not None and prev.lower_ == "a" and tok.lower_ not in VAGUE_PLURALS)
            else tok.idx
        )
        last = doc[end - 1] if doc[end - 1].lower_ != "of" else doc[end - 2]
        text = doc.text[start : last.idx + len(last.text)]
        skip.update(t.i for t in doc if start <= t.idx <= last.idx)
        out.append(Number(text, span[0], span[1], unit, governing_verb(counted or tok), False, True))
    return out, skip


def numbers(doc, covered: set[int]) -> list[Number]:
    """The figures of the sentence ("90", "12 to 18", "two to three", "5 million") with the noun they count
    and the verb that counts it; `covered`: character offsets of dates, whose digits are no counts."""
    out: list[Number] = []
    used: set[int] = set()
    spans = [
        (m.start(), m.end(), m.group(1) or m.group(3), m.group(2) or m.group(4))
        for m in _RANGE.finditer(doc.text)
    ]
    for tok in doc:
        if tok.idx in covered or tok.idx in used or not (tok.like_num or tok.lower_ in NUMBER_WORDS):
            continue
        value = number_value(tok.text)
        if value is None:
            continue
        low = high = value
        text, anchor = tok.text, tok
        for start, end, a, b in spans:
            if start == tok.idx:
                low, high = sorted((number_value(a) or value, number_value(b) or value))
                text = doc.text[start:end]
                used.update(t.idx for t in doc if start <= t.idx < end)
                anchor = doc.char_span(start, end, alignment_mode="expand")[-1]
        nxt = doc[anchor.i + 1] if anchor.i + 1 < len(doc) else None
        if nxt is not None and nxt.lower_ in MAGNITUDES:  # "5 million", "3.5 billion"
            low, high = low * MAGNITUDES[nxt.lower_], high * MAGNITUDES[nxt.lower_]
            text = f"{text} {nxt.text}"
            used.add(nxt.idx)
        head = anchor.head if anchor.dep_ in ("nummod", "quantmod", "compound") else anchor
        while (head.dep_ in ("nummod", "quantmod", "compound") or head.lower_ in MAGNITUDES) and (
            head.head is not head
        ):
            head = head.head
        unit = head.lemma_.lower() if head.pos_ in ("NOUN", "PROPN") and head is not anchor else None
        described = unit is not None and any(c.dep_ == "det" and c.lower_ in _DEFINITE for c in head.children)
        before = doc.text[: tok.idx].lower().rstrip()
        after = doc.text[head.idx + len(head.text) :].lower().lstrip(" ,")
        verb = _outcome_verb(head)
        opening = doc.text.lower().startswith(_TOTAL_OPENING) and not described
        total = after.startswith(_TOTAL_AFTER) or before.endswith("total of") or opening
        floor, near = bool(_FLOOR.search(before)), bool(_NEAR.search(before))
        out.append(Number(text, low, high, unit, verb, described, False, total, floor, near))
    return out


# a total said in words: "killed 169 people in all", "All told, the attack left 180 dead"
_TOTAL_AFTER = ("in all", "in total", "altogether", "combined", "all told")
_TOTAL_OPENING = ("all told", "in all,", "in total,", "altogether,")
_FLOOR = re.compile(r"\b(?:at least|more than|over|upwards of|no fewer than|no less than)$")
_NEAR = re.compile(r"\b(?:nearly|almost|about|around|roughly|approximately|close to|some)$")
# "left 180 dead" counts the killed, "left 40 wounded" the wounded
_LEFT = {"dead": "kill", "wounded": "wound", "injured": "injure"}


def _outcome_verb(token) -> str | None:
    """The verb that counts the token, with "left N dead" read as "killed N"."""
    verb = governing_verb(token)
    if verb == "leave":
        t = token
        while t.head is not t and t.lemma_.lower() != "leave":
            t = t.head
        for c in t.subtree:
            if c.lower_ in _LEFT:
                return _LEFT[c.lower_]
    return verb


_LISTABLE = frozenset({"PERSON", "ORG", "GPE", "NORP"})


def listed_counts(doc) -> list[Number]:
    """Counts a sentence gives by naming the members: "Its initial leaders, Hafiz Saeed Khan and Abdul Rauf
    Aliza, were killed" counts two leaders. Taken as given (`described`): a claim that lists names asserts
    no count the passage must give."""
    out: list[Number] = []
    for noun in doc:
        if noun.tag_ not in ("NNS", "NNPS"):
            continue
        for first in (c for c in noun.children if c.dep_ == "appos" and c.ent_type_ in _LISTABLE):
            members = [first]
            while conj := next((c for c in members[-1].children if c.dep_ == "conj"), None):
                members.append(conj)
            if len(members) < 2:
                continue
            names = [_entity_text(m) for m in members]
            text = f"{len(members)} ({', '.join(names[:-1])} and {names[-1]})"
            n = float(len(members))
            out.append(Number(text, n, n, noun.lemma_.lower(), governing_verb(noun), described=True))
    return out


def _entity_text(token) -> str:
    ent = next((e for e in token.doc.ents if e.start <= token.i < e.end), None)
    return ent.text if ent is not None else token.text
