"""Which named entities are people: the model's PERSON label mended where news text misleads it (a name
labelled ORG after a title or before "who"; a party or an acronym labelled PERSON, a numbered product, a name
set beside a firm noun, a club listed with places or firms). Works on spaCy entities handed to it; never
hard-codes a name.
"""

from __future__ import annotations

from askisk.speakers.documents import entity_of
from askisk.speakers.rules import (
    BODY_NOUNS,
    CALLING_NOUNS,
    DETS,
    GENERIC_ORG_NOUNS,
    NAME_LABELS,
    PERSON_NOUNS,
    census_genders,
    first_name_genders,
    title_of,
    vocab,
)

_WHO = frozenset({"who", "whom", "whose"})


def person_like(ent) -> bool:
    """A name the small model labels ORG/GPE but reads as a person: "Tomasz Wielgosz, a former planner"."""
    words = [t for t in ent if not t.is_punct]
    if ent.label_ not in NAME_LABELS or not 2 <= len(words) <= 4:
        return False
    if any(not t.text[:1].isupper() or t.lower_ in GENERIC_ORG_NOUNS or t.lower_ in DETS for t in words):
        return False
    if ent.start > 0 and ent.doc[ent.start - 1].lower_ in DETS:
        return False
    described = any(c.dep_ == "appos" and (c.pos_ == "NOUN" or _one_of_people(c)) for c in ent.root.children)
    # "The director of the film, Vinod Pande, says": the name in apposition to a person noun
    head = ent.root.head
    naming = ent.root.dep_ == "appos" and head.tag_ == "NN" and head.lemma_.lower() in PERSON_NOUNS
    # "Mr Pande said": a civil title the model took into the name
    civil = (title := title_of(words[0].text)) is not None and title[1] is None
    known = census_genders()
    # "Vice-President Mike Pence agreed" labelled ORG: an office, then a first name the census knows
    titled = title is not None and len(words) >= 3 and words[1].text in known
    # "(CNN)Levi Pettit, who was expelled …" labelled ORG: a first name, a surname that is none, and a
    # "who" ("Morgan Stanley" is two first names; "Christian News Service, which …" stays a firm)
    who = any(c.dep_ == "relcl" and any(w.lower_ in _WHO for w in c.children) for c in ent.root.children)
    # "CNN meteorologist Judson Jones said" labelled ORG: a first name and a surname after a person's calling
    called = ent.start > 0 and _calling(ent.doc[ent.start - 1])
    forename = (
        ent.label_ == "ORG" and (who or called) and words[0].text in known and words[-1].text not in known
    )
    # "Carly Fiorina announced her run" labelled ORG: a first name, and a his/her of its own clause
    owner = ent.label_ == "ORG" and words[0].text in known and words[-1].text not in known and _owns(ent.root)
    return (
        described
        or naming
        or civil
        or titled
        or forename
        or owner
        or (ent.start > 0 and title_of(ent.doc[ent.start - 1].text) is not None)
    )


# the people an event or a body is made of: "one of the organizers", "one of the guests at the fair"
_PARTICIPANTS = vocab(
    "organizer organiser speaker participant attendee protester protestor demonstrator witness survivor "
    "passenger resident guest student member volunteer"
)


def _one_of_people(appos) -> bool:
    """ "Name Name, one of the organizers of the fair": one of several people, so a person."""
    if appos.lower_ != "one":
        return False
    groups = [o for p in appos.children if p.dep_ == "prep" and p.lower_ == "of" for o in p.children]
    return any(
        o.dep_ == "pobj" and (o.lemma_.lower() in PERSON_NOUNS or o.lemma_.lower() in _PARTICIPANTS)
        for o in groups
    )


def _owns(root) -> bool:
    """The name is the subject of a verb whose object a his/her qualifies ("announced her run")."""
    if root.dep_ != "nsubj":
        return False
    return any(
        c.dep_ == "poss" and c.lower_ in ("his", "her")
        for obj in root.head.children
        if obj.dep_ == "dobj"
        for c in obj.children
    )


def _person_word(word: str) -> bool:
    return word in PERSON_NOUNS or word.endswith(("ist", "yst", "ian"))


def _calling(tok) -> bool:
    """A noun naming what a person does: "meteorologist", "analyst", "historian", "spokesman"."""
    return tok.pos_ in ("NOUN", "PROPN") and _person_word(tok.lower_)


def calling(tok) -> bool:
    """A common noun, singular or plural, naming people by what they do ("analysts", "economists")."""
    lemma = tok.lemma_.lower()
    return tok.pos_ == "NOUN" and (_person_word(lemma) or lemma in CALLING_NOUNS or lemma == "critic")


def named_group(ent) -> bool:
    """A name the small model labels PERSON that names a group: "the Lib Dems" ("the" before a plural
    proper noun names a party, its later "they" refers to it), a name ending in a body's noun ("Peter G.
    Peterson Foundation"), or an acronym in capitals ("The ODPM attributed the fall …. It said …": no
    person's name is written that way)."""
    if ent.start > 0 and ent.doc[ent.start - 1].lower_ == "the" and ent.root.tag_ == "NNPS":
        return True
    if len(ent) == 1 and ent.root.tag_ == "NNPS" and any(c.lower_ in _SOME for c in ent.root.children):
        return True  # "most Nepalis are experts": a people, not a person
    if len(ent) > 1 and ent[-1].lower_ in BODY_NOUNS:
        return True  # "The nonpartisan Peter G. Peterson Foundation has noted …. It estimated …"
    return len(ent) == 1 and len(ent.text) >= 2 and ent.text.isalpha() and ent.text.isupper()


_SOME = frozenset({"most", "many", "some", "all", "few", "other", "these", "those"})


def person_name(ent) -> bool:
    """An entity that names a person: the model's PERSON or a name it mislabels (`person_like`), not a group
    (`named_group`) nor a numbered product ("Xbox 2", "PlayStation 3": no one's name ends in a number)."""
    if named_group(ent) or (len(ent) > 1 and ent[-1].text.isdigit()) or _case_name(ent):
        return False
    if ent.label_ == "PERSON" and (
        _listed_with_places_or_firms(ent) or _called_a_firm(ent) or _platform(ent)
    ):
        return False
    return ent.label_ == "PERSON" or person_like(ent) or _titled_surname(ent)


def _case_name(ent) -> bool:
    """ "McKeever v. Barr": a lawsuit named by its parties, no one's name (nor the longer name of a
    McKeever who speaks later)."""
    return any(t.lower_ in ("v.", "vs.", "v", "vs") for t in ent[1:-1])


def _platform(ent) -> bool:
    """ "Hannity took to Twitter", "wrote on Instagram": a one-word name the model calls a person, where
    words were posted, is the site, not someone a later "he" may stand for."""
    prep = ent.root.head
    if len(ent) != 1 or ent.root.dep_ != "pobj" or prep.i == ent.root.i:
        return False
    verb = prep.head.lemma_.lower()
    return prep.lower_ == "to" and verb == "take" or prep.lower_ in ("on", "via") and verb in _POSTING


_POSTING = frozenset({"post", "write", "say", "tweet", "announce", "share", "comment", "respond", "reply"})


def _listed_with_places_or_firms(ent) -> bool:
    """ "good displays against West Brom and Aston Villa": a name of two words or more the model calls a
    person, coordinated with a place or a firm and opening with no first name the census knows, is another
    club or firm."""
    root = ent.root
    partners = [c for c in root.children if c.dep_ == "conj"] + ([root.head] if root.dep_ == "conj" else [])
    # not "Sen. Rand Paul … and former CEO Carly Fiorina" (a titled name; a partner with a forename)
    named = any(p.ent_type_ in ("ORG", "GPE") and not _forename(p.doc[p.left_edge.i]) for p in partners)
    titled = any(c.dep_ == "compound" and title_of(c.text) is not None for c in root.children)
    # a surname alone stays a person ("Clinton and the DNC"); a first word no census gives is no forename
    return named and not titled and len(ent) > 1 and not _forename(ent[0])


def _forename(tok) -> bool:
    return tok.text in census_genders() or tok.text in first_name_genders()


def _titled_surname(ent) -> bool:
    """ "Tory peer Lord Tebbit said": a one-word name the model labels ORG after a person's title."""
    title = ent.doc[ent.start - 1] if ent.start > 0 else None
    return (
        ent.label_ == "ORG"
        and len(ent) == 1
        and title is not None
        and title.dep_ == "compound"
        and title.head.i == ent.root.i
        and title_of(title.text) is not None
    )


def person_entity(tok):
    ent = entity_of(tok)
    return ent if ent is not None and person_name(ent) else None


# What a firm, a club or an outlet is called beside its name ("a new U.S. drug company, ICI Pharma")
_FIRM_CALLINGS = GENERIC_ORG_NOUNS | vocab(
    "firm subsidiary unit manufacturer retailer airline carrier chain brand club team newspaper "
    "broadcaster network website startup conglomerate"
)


def _called_a_firm(ent) -> bool:
    """ "the formation of a new U.S. drug company, ICI Pharma", "Premiership club Blackburn": a name the
    model calls a person, set beside a noun for a firm, a club or an outlet, names that."""
    root = ent.root
    # right beside the name: not "Chandler Van Voorhis, a founder of C2I, a company outside Washington"
    after = [c for c in root.children if c.dep_ == "appos" and c.left_edge.i == ent.end + 1]
    before = [c for c in root.children if c.dep_ == "compound" and c.i == ent.start - 1]
    if root.dep_ == "appos" and root.head.i == ent.start - 2:
        before.append(root.head)
    if (
        root.dep_ == "conj"
        and root.head.i < ent.start
        and not any(c.dep_ == "det" for c in root.head.children)
    ):
        before.append(root.head)  # "German football club and former European champion Borussia Dortmund"
    return any(t.pos_ == "NOUN" and t.lemma_.lower() in _FIRM_CALLINGS for t in after + before)


def who_named(registry, tok, base: int):
    """ "In response, Chew, who is Singaporean, gave a robust defense": a name with no entity label that a
    "who" clause describes is a person's, found or registered by that name; None otherwise."""
    if tok.pos_ != "PROPN" or tok.tag_ != "NNP" or tok.ent_type_:
        return None
    # the "who" may describe the same name earlier in the paragraph ("Chew, who is …, gave …. '…,' Chew said")
    clauses = [
        c for t in tok.doc if t.text == tok.text and t.i <= tok.i for c in t.children if c.dep_ == "relcl"
    ]
    if not any(g.lower_ in _WHO and g.dep_ in ("nsubj", "nsubjpass") for c in clauses for g in c.children):
        return None
    rec = registry.named(tok.text)
    if rec is None or rec.kind != "person":
        return None
    rec.mention(base + tok.i)
    return rec
