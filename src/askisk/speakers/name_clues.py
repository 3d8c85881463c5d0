"""What a name's surroundings tell the registry about who it is: the name a role title introduces ("Only
Fools and Horses star David Jason"), a his/her that opens the sentence, a title's gender, a relative "which"
after it (a company, not a person). Works on spaCy tokens handed to it; never imports spaCy.
"""

from __future__ import annotations

import re

from askisk.speakers.rules import FEMALE_WORDS, MALE_WORDS, census_genders, title_of


def titled_name(tok):
    """ "Only Fools and Horses star David Jason": the small model reads a title's capitalised words as a
    person ("Fools") coordinated with the name; the name is the PERSON right after the lowercase role
    noun ("star") that ends the title; or the PERSON a title's "for"/"of" phrase ends with ("U.N. High
    Commissioner for Human Rights Zeid Ra'ad Al Hussein"). None when `tok` is not such a title word."""
    doc = tok.doc
    if tok.pos_ != "PROPN" or not tok.text[:1].isupper():
        return None
    # "analyst Mike Powell of Dresdner Kleinwort Wasserstein": a full name is no title, whatever "of" names
    full_name = tok.ent_type_ == "PERSON" and tok.ent_iob_ == "I"
    # or a title's own capitalised word read as a preposition ("Treasury Under Secretary John Taylor")
    preps = [c for c in tok.children if c.dep_ == "prep" and c.lower_ in ("for", "of")]
    nxt = doc[tok.i + 1] if tok.i + 1 < len(doc) else None
    if nxt is not None and nxt.dep_ == "prep" and nxt.pos_ == "ADP" and nxt.text[:1].isupper():
        preps.append(nxt)
    preps = [] if full_name else preps
    for prep in preps:
        obj = next((c for c in prep.children if c.dep_ == "pobj"), None)
        if obj is not None and obj.pos_ == "PROPN" and obj.ent_type_ == "PERSON" and obj.i <= tok.i + 8:
            return obj
    for t in doc[tok.i + 1 : tok.i + 8]:
        if t.pos_ == "NOUN" and t.text.islower():
            nxt = doc[t.i + 1] if t.i + 1 < len(doc) else None
            if nxt is not None and nxt.ent_iob_ == "B" and nxt.ent_type_ == "PERSON":
                ent = next(e for e in doc.ents if e.start == nxt.i)
                return ent[-1]
            return None
        if t.pos_ not in ("PROPN", "CCONJ", "ADP", "DET"):
            return None
    return None


def possessive_before(tok) -> str | None:
    """ "In her 2003 book, Clinton noted …": a his/her that opens the sentence before its subject, with no
    one else named before it, is the subject's own: its gender tells which of two Clintons is meant."""
    if tok.dep_ not in ("nsubj", "nsubjpass"):
        return None
    before = tok.doc[tok.sent.start : tok.left_edge.i]
    people = [e for e in before.ents if e.label_ == "PERSON"]
    if any(not (e.root.dep_ == "appos" and e.root.head.pos_ == "NOUN") for e in people):
        return None  # someone else named first; not "her book, Living History," (a title the model misreads)
    owners = {t.lower_ for t in before if t.tag_ == "PRP$" and t.lower_ in ("her", "his")}
    if len(owners) != 1:
        return None
    gender = "f" if owners == {"her"} else "m"
    # "Despite his low standing, Clinton had ordnance ready for him": a him/her after the subject is
    # someone else of that gender, and so is the his/her before it
    later = {t.lower_ for t in tok.doc[tok.i + 1 : tok.sent.end] if t.tag_ == "PRP"}
    return None if later & ({"her"} if gender == "f" else {"him"}) else gender


def title_gender(toks) -> str | None:
    """ "f" for Mrs./Ms./Miss, "m" for Mr. among these tokens, else None."""
    for word in (t.lower_.rstrip(".") for t in toks if title_of(t.lower_.rstrip(".")) is not None):
        if word in FEMALE_WORDS or word in MALE_WORDS:
            return "f" if word in FEMALE_WORDS else "m"
    return None


def which_follows(name) -> bool:
    """ "Carrier, which has had operations in Monterrey": a relative "which" set off right after the name."""
    doc, i = name.doc, name.i
    if i + 2 >= len(doc) or doc[i + 1].text != "," or doc[i + 2].lower_ != "which":
        return False
    return doc[i + 2].head.dep_ == "relcl" and doc[i + 2].head.head.i == i


_NAMED = re.compile(r"(?=\b(Mr\.|Mrs\.|Ms\.|Dr\.|Sen\.|Gov\.|Rep\.|[A-Z][a-z]+) ([A-Z][a-z]{2,})\b)")


def page_surnames(text: str) -> frozenset[str]:
    """The words a page writes after a first name or a title ("Donald Trump", "President Trump", "Mr. May"):
    surnames the parser should read as names wherever they open a sentence (`nlp.names_known`)."""
    first_names = census_genders()
    return frozenset(
        last
        for first, last in _NAMED.findall(text)
        if first in first_names or title_of(first) is not None and first[0].isupper()
    )


# kin who, in news, share the surname (a mother or a wife named "Amy" may not)
_KIN = frozenset({"son", "daughter", "brother", "sister", "father"})


def kin_surname(name) -> str | None:
    """ "Trump's oldest son, Eric, said …": a first name alone in apposition to a kin noun that a name owns
    takes that name's surname (he is Eric Trump, not another Eric the page named); None otherwise."""
    noun = name.head
    if name.dep_ != "appos" or noun.lower_ not in _KIN:
        return None
    owner = next(
        (c for c in noun.children if c.dep_ == "poss" and c.text[:1].isupper() and c.pos_ != "PRON"), None
    )
    return owner.text if owner is not None and owner.text != name.text else None
