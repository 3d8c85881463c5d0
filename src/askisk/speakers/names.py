"""Speaker names compared as people compare them: the one definition of "the same name" (pure, no spaCy).

`name_key` is the strict form used to look a name up (case, curly quotes, "U.N." = "UN", "the Taliban" =
"Taliban", "Azizi's" = "Azizi"); `same_person` is the loose match a claim needs against a passage's
speaker: a shared significant word ("McKenzie" / "Gen. Kenneth Frank McKenzie") or an acronym ("UN
report" / "United Nations report").
"""

from __future__ import annotations

import re

from askisk.speakers.rules import spaced_dash
from askisk.text import normalize

_DOTTED = re.compile(r"\b((?:[A-Za-z]\.){2,})")
_SKIP = {"the", "a", "an", "dr", "gen", "general", "mr", "ms", "prof", "report", "s", "'s"}
# the prepositions that open a speaker name's qualifier ("Spokesman for the water department")
QUALIFYING = frozenset({"of", "for", "at", "from", "in", "with", "on", "around", "across"})
_SKIP |= QUALIFYING


def undot(text: str) -> str:
    """Normalised text with dotted acronyms closed up: "the U.N. report" -> "the UN report"."""
    return _DOTTED.sub(lambda m: m.group(1).replace(".", ""), normalize(text))


def name_key(text: str) -> str:
    text = undot(text)
    text = text.casefold().strip(" .?!,;:")
    text = re.sub(r"'s\b", "", text)
    return re.sub(r"^(?:the|a|an)\s+", "", text)


def name_head(name: str) -> str:
    """The head word of a speaker's name, before any qualifier: "spokesman" of "Spokesman for the city's
    water department", "officials" of "Kyrgyz officials"."""
    words = name.lower().split()
    cut = next((i for i, w in enumerate(words) if w in QUALIFYING and i > 0), len(words))
    return words[cut - 1] if cut else ""


def same_person(a: str, b: str) -> bool:
    wa = {w.strip(".,'’").lower() for w in a.replace("'s", " ").split()} - _SKIP
    wb = {w.strip(".,'’").lower() for w in b.replace("'s", " ").split()} - _SKIP
    if wa & wb:
        return True
    acronyms = {w for w in (a + " " + b).replace(".", "").split() if w.isupper() and 1 < len(w) <= 5}
    return any(x in _initials(a) | _initials(b) for x in acronyms)


def _initials(text: str) -> set[str]:
    """Initials of each run of capitalised words: "the United Nations report" -> {"UN"}."""
    runs, current = set(), ""
    for word in text.split() + ["."]:
        if word[:1].isupper() and word.lower() not in ("a", "an", "the"):
            current += word[0]
        else:
            if len(current) > 1:
                runs.add(current)
            current = ""
    return runs


def place_word(tok) -> bool:
    """A word the model reads as a place again and again ("Iran's leaders", "Iran's nuclear program"): not
    the surname of "Cotton Iran", a person it made of a link line."""
    return tok.ent_type_ == "GPE" and sum(t.text == tok.text and t.ent_type_ == "GPE" for t in tok.doc) >= 3


_WEBSITE = re.compile(
    r"(?:www\.)?[a-z0-9][a-z0-9-]*(?:\.[a-z0-9-]+)*\.(?:com|org|net|gov|edu|info|io|co\.uk|org\.uk|gov\.uk)",
    re.IGNORECASE,
)


def website(text: str) -> bool:
    """ "…, according to gulfstream.com": a site's address is the name it speaks under."""
    return _WEBSITE.fullmatch(text) is not None


def appositive_name(tok):
    """ "The UN programme tackling Aids, UNAIDS, pointed out", "His lawyer, Per Olsen, said": the name a
    common-noun subject is set beside, which is who speaks; None when there is none."""
    if tok.pos_ != "NOUN":
        return None
    names = [c for c in tok.children if c.dep_ == "appos" and c.pos_ == "PROPN"]
    # the parser may hang the name on the subject's last word: "programme tackling Aids, UNAIDS, pointed"
    doc, verb = tok.doc, tok.head
    names += [
        c
        for t in tok.subtree
        for c in t.children
        if c.dep_ == "appos"
        and c.pos_ == "PROPN"
        and c.right_edge.i + 2 == verb.i
        and verb.i > tok.i
        and doc[c.right_edge.i + 1].text == ","
    ]
    # a name the entity model knows as one who speaks, an acronym ("UNAIDS"), or any name set right after the
    # noun, with no comma ("the Greek daily Kathimerinos reported")
    if names and (
        names[0].ent_type_ in ("PERSON", "ORG") or names[0].text.isupper() or _close(tok, names[0])
    ):
        return names[0]
    return _name_before_dash(tok) or _described_twice(tok)


def _close(noun, name) -> bool:
    return name.left_edge.i == noun.i + 1 and name.text[:1].isupper()


def _described_twice(tok):
    """ "German football club and former European champion Borussia Dortmund has warned", "Chairman and
    chief executive John Smith said": two descriptions of one subject joined by "and", the name at the end
    of the second; a bare singular noun (no article, no owner) and a name described by common nouns."""
    if tok.tag_ != "NN" or any(c.dep_ in ("det", "poss", "nummod") for c in tok.children):
        return None
    for conj in tok.children:
        if conj.dep_ != "conj" or conj.pos_ != "PROPN" or conj.ent_type_ not in ("PERSON", "ORG"):
            continue
        if any(
            c.dep_ == "conj"
            for c in [*conj.children, *tok.doc[conj.i + 1 : tok.head.i]]
            if c.head in (tok, conj)
        ):
            return None  # "Teacher and mother Mary Jones and her husband said": more than one
        between = tok.doc[tok.i + 1 : conj.i]
        if any(w.pos_ == "NOUN" for w in between) and not any(
            w.pos_ == "PROPN" and w.dep_ == "conj" for w in between
        ):
            return conj
    return None


def _name_before_dash(tok):
    """ "Fund manager Florian Hamm - Borussia Dortmund's largest investor - said": the parser makes the
    aside's noun the subject and the name its modifier; the person named before the spaced dash speaks."""
    doc = tok.doc
    for t in doc[tok.left_edge.i : tok.i]:
        if spaced_dash(t):
            before = [w for w in doc[tok.left_edge.i : t.i] if w.ent_type_ == "PERSON" and w.pos_ == "PROPN"]
            return before[-1] if before else None
    return None


def headed_by(name: str, noun: str) -> bool:
    """ "Labour Party", "Council of Europe", "New ad from X": a party, a council, an ad; "Government proposal"
    is no government."""
    words = name.lower().split()
    at = words.index(noun) if noun in words else -1
    return at >= 0 and (at == len(words) - 1 or words[at + 1] in _AFTER_HEAD)


_AFTER_HEAD = frozenset({"of", "for", "from", "by", "at", "in", "on", "to", "with"})
