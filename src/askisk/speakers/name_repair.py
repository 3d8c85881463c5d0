"""Misparses of names mended in the parse, in place (called by `parse_repair.repair`, in its order): the
acronym "WHO" read as the pronoun "who"; a legislator's party label read as the head of the name before it
("said Rep. G.K. Butterfield (D-N.C.)", "Rep. Leigh Finke, DFL-St. Paul, said"); a Korean given name tagged
a plural noun ("Park Geun-hye"); a surname tagged a place beside a person's description ("Anand Menon, a
professor of …"); a weekday between a name and its verb ("President Barack Obama Monday said")."""

from __future__ import annotations

import re

from askisk.speakers.rules import (
    BODY_NOUNS,
    CALLING_NOUNS,
    PARTY_LABEL,
    PERSON_NOUNS,
    WEEKDAYS,
    vocab,
)

# a Korean given name after the family name: "Park Geun-hye", "Kim Jong-un", "Ban Ki-moon"
_GIVEN_NAME = re.compile(r"[A-Z][a-z]{1,4}-[a-z]{2,5}")


def given_name_after_surname(doc) -> None:
    """ "South Korean President Park Geun-hye told …": the model tags "Geun-hye" a plural noun outside the
    name, and the speaker became a group; after a person's name it is part of the name (so is a
    `_third_part`)."""
    from spacy.tokens import Span  # the caller holds a spaCy doc already: no load here

    for tok in doc:
        if tok.i == 0 or tok.ent_type_ or not (_GIVEN_NAME.fullmatch(tok.text) or _third_part(tok)):
            continue
        before = doc[tok.i - 1]
        ent = next((e for e in doc.ents if e.end == tok.i and e.label_ == "PERSON"), None)
        if ent is None or before.pos_ != "PROPN" or _GIVEN_NAME.fullmatch(tok.text) is None and len(ent) != 2:
            continue
        tok.pos_, tok.tag_ = "PROPN", "NNP"
        doc.ents = [e for e in doc.ents if e is not ent and e.start != ent.start] + [
            Span(doc, ent.start, tok.i + 1, label="PERSON")
        ]


_NOT_NAMES = BODY_NOUNS | vocab("administration campaign prize award act law doctrine era show team family")


def _third_part(tok) -> bool:
    """ "Prime Minister Lee Hsien Loong defended": a name's last part that the model leaves out of the
    name it tags, though the name's words are its compounds (not "the Obama Administration")."""
    head_of_name = any(c.dep_ == "compound" and c.i == tok.i - 1 for c in tok.children)
    plain = tok.pos_ == "PROPN" and tok.text.isalpha() and tok.text.istitle()
    return head_of_name and plain and tok.lower_ not in _NOT_NAMES


def person_tagged_as_place(doc) -> None:
    """ "Anand Menon, a professor of international relations, said …": the model tags the surname a place
    or a firm and leaves the first name out; a plain capitalised word before it, compounded to it, and a
    person described in apposition make it a person's name."""
    from spacy.tokens import Span  # the caller holds a spaCy doc already: no load here

    for ent in list(doc.ents):
        if ent.label_ not in ("GPE", "ORG", "NORP", "LOC") or len(ent) != 1 or ent.start == 0:
            continue
        first, last = doc[ent.start - 1], ent[0]
        described = any(
            c.dep_ == "appos" and c.lemma_.lower() in PERSON_NOUNS | CALLING_NOUNS for c in last.children
        )
        forename = first.text.isalpha() and first.text.istitle() and first.dep_ == "compound"
        if first.ent_type_ or first.pos_ != "PROPN" or not forename or not described:
            continue
        person = Span(doc, first.i, ent.end, label="PERSON")
        doc.ents = [e for e in doc.ents if e.start != ent.start] + [person]


def day_after_name(doc) -> None:
    """ "President Barack Obama Monday said …", "President Park Geun-hye Monday told …": the parser makes the
    weekday the head of the name, or leaves the verb without a subject; the person is the subject, the day
    says when."""
    for day in doc:
        if day.lower_ not in WEEKDAYS or day.i == 0:
            continue
        ent = next((e for e in doc.ents if e.end == day.i and e.label_ == "PERSON"), None)
        verb = day.head
        if ent is None or verb.pos_ != "VERB" or day.dep_ not in ("nsubj", "npadvmod"):
            continue
        if day.dep_ == "npadvmod" and any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children):
            continue
        name, first = doc[day.i - 1], day.left_edge.i
        for tok in doc[first : day.i - 1]:
            if tok.head.i == day.i or first <= tok.head.i < day.i and tok.head.i != tok.i:
                tok.head, tok.dep_ = name, "compound" if tok.pos_ == "PROPN" else tok.dep_
        name.head, name.dep_ = verb, "nsubj"
        day.head, day.dep_ = verb, "npadvmod"


def party_label(doc) -> None:
    """ "said Rep. G.K. Butterfield (D-N.C.), head of …", "Letitia James (D) said": the parser can make the
    party label the head of the name, and so the speaker; the name takes the label's place and the label
    hangs on it."""
    for tok in doc:
        label = PARTY_LABEL.fullmatch(tok.text) or tok.text in ("D", "R", "I")
        if not label or tok.i < 2 or tok.i + 1 >= len(doc):
            continue
        name = doc[tok.i - 2]
        if doc[tok.i - 1].text != "(" or doc[tok.i + 1].text != ")" or name.pos_ != "PROPN":
            continue
        if name.head.i != tok.i:
            continue  # already read as the name's aside
        root = tok.head.i == tok.i
        name.head, name.dep_ = (name if root else tok.head), tok.dep_
        for child in [c for c in tok.children if c.i != name.i]:
            child.head = name
        tok.head, tok.dep_ = name, "appos"


_SAINT_LABEL = re.compile(r"[A-Z]{1,4}-(?:St|Ft|Mt)")


def party_place(doc) -> None:
    """ "Rep. Leigh Finke, DFL-St. Paul, said": the tokenizer cuts the label at "St." and the parser makes
    the place after it the subject; the name the label describes is the subject, the place part of it."""
    for tok in doc[:-2]:
        place = doc[tok.i + 2]
        if not _SAINT_LABEL.fullmatch(tok.text) or doc[tok.i + 1].text != "." or place.pos_ != "PROPN":
            continue
        name = tok.head
        if tok.dep_ != "appos" or name.ent_type_ != "PERSON" or place.dep_ not in ("nsubj", "nsubjpass"):
            continue
        name.head, name.dep_ = place.head, place.dep_
        place.head, place.dep_ = tok, "appos"


def acronym_pronoun(doc) -> None:
    """ "WHO is also calling on governments …": the parser reads the acronym as the pronoun "who"; in a
    sentence not written in capitals it is the organisation's name."""
    from spacy.tokens import Span  # the caller holds a spaCy doc already: no load here

    for tok in doc:
        if tok.text != "WHO" or tok.tag_ != "WP" or tok.head.dep_ == "relcl":
            continue
        if sum(t.is_upper for t in tok.sent if t.is_alpha) > len(tok.sent) // 2:
            continue  # a headline or a transcript label in capitals
        tok.pos_, tok.tag_ = "PROPN", "NNP"
        if not tok.ent_type_:
            doc.ents = [*doc.ents, Span(doc, tok.i, tok.i + 1, label="ORG")]


def name_read_as_interjection(doc) -> None:
    """ "Trump, answering questions from the press …, expressed a wish …": the model tags the name an
    adjective hung on the verb as an interjection, and makes the participle's object the subject, so
    "answering questions" spoke. A capitalised opening word set off by a comma before a participle that
    describes the subject becomes that subject, and the participle its clause."""
    for sent in doc.sents:
        first = sent[0]
        if first.dep_ != "intj" or not first.text[:1].isupper() or first.i + 2 >= sent.end:
            continue
        comma, participle = doc[first.i + 1], doc[first.i + 2]
        subject = participle.head
        if comma.text != "," or participle.tag_ != "VBG" or participle.dep_ != "amod":
            continue
        if subject.dep_ != "nsubj" or subject.head.i != first.head.i:
            continue
        first.pos_, first.tag_, first.dep_ = "PROPN", "NNP", "nsubj"
        participle.head, participle.dep_ = first, "acl"
        subject.head, subject.dep_ = participle, "dobj"
        comma.head = first
