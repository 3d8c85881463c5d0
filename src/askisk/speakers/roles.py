"""A person's role as the text gives it where it names them ("NAME, a tax lawyer at a policy center",
"A spokesman for the authority, NAME,", "economist NAME", "Professor NAME of the University of X"), read
off the parse into the registry's `Record`; also which subjects a story is about (`story_subject`) and
which group records stand for one person (`one_person`). Works on spaCy tokens handed to it; never
imports spaCy.
"""

from __future__ import annotations

from askisk.speakers import anaphora
from askisk.speakers.mention import Record
from askisk.speakers.phrases import DETS, GENERIC_ORG_NOUNS, NP_KEEP, role_phrase, title_role
from askisk.speakers.rules import DOCUMENT_NOUNS, FEMALE_WORDS, MALE_WORDS, PERSON_NOUNS, SPEECH_VERBS


def read_roles(rec: Record, ent, titles: list) -> None:
    """The role a person is given where the text names them: an appositive ("NAME, a tax lawyer at …"),
    the noun phrase the name stands in apposition to, role words before the name ("economist NAME"), an
    organisation's possessive before a title, the institution of a title's "of"/"at" phrase."""
    head = ent.root
    for child in head.children:
        if child.dep_ == "appos" and child.pos_ == "NOUN":
            toks = list(child.subtree)
            if toks[0].lower_ in DETS:
                toks = toks[1:]
            role = "".join(t.text_with_ws for t in toks).strip(" ,")
            rec.role = rec.role or role
            rec.describe(child.lemma_.lower(), anaphora.marks(child))
            for t in child.subtree:
                rec.gender_from(t.lower_)
    if rec.role is None and head.dep_ == "appos" and head.head.pos_ == "NOUN":
        _appositive_role(rec, head)
    lefts = [t for t in head.lefts if t.i < ent.start and t not in titles and t.dep_ != "poss"]
    before = sorted({s for t in lefts for s in t.subtree if s not in titles}, key=lambda t: t.i)
    # a plural ("fellow comedy stars X and Y") describes the group, not the person
    nouns = anaphora.role_nouns(before)
    if nouns and rec.role is None:
        rec.role = role_phrase(before)
        rec.describe(nouns[-1].lemma_.lower(), anaphora.marks_in(t for t in before if t is not nouns[-1]))
        for t in nouns:
            rec.gender_from(t.lower_)
    poss = [t for t in head.children if t.dep_ == "poss" and t.i < ent.start]
    if poss and rec.role is None and rec.title and rec.title[1]:
        org = "".join(t.text_with_ws for t in poss[0].subtree if t.lower_ not in ("'s", "'")).strip()
        rec.role = f"{org} {rec.title[1]}"
    if rec.role is None and titles and rec.title and rec.title[1]:
        title_role(rec, titles, ent)
    if rec.role is None and rec.title and rec.title[1]:
        # "Professor NAME of the University of X": the title's institution
        for prep in (c for c in head.children if c.dep_ == "prep" and c.lower_ in ("of", "at")):
            objs = [c for c in prep.children if c.dep_ == "pobj" and c.ent_type_ == "ORG"]
            if objs:
                rec.role = f"{rec.title[1]} {role_phrase(list(prep.subtree))}"
                break


def _appositive_role(rec: Record, name) -> None:
    """ "A spokesman for the authority, NAME,": the noun phrase the name stands in apposition to."""
    noun = name.head
    toks = [noun]
    for child in noun.children:
        if child.dep_ in (*NP_KEEP, "prep") and child is not name:
            toks.extend(child.subtree)
    role = role_phrase(sorted(toks, key=lambda t: t.i))
    if role:
        rec.role = role
        rec.describe(noun.lemma_.lower(), anaphora.marks(noun))
        rec.gender_from(noun.lower_)


def story_subject(tok) -> bool:
    """A subject the story is about: not one inside what someone is reported to say ("The Scot defended
    Beattie, saying Gallas overreacted. … He said: …" is still about the Scot)."""
    if tok.dep_ not in ("nsubj", "nsubjpass"):
        return False
    verb = tok.head.head  # the one speaking comes first; in fronted words news names the speaker herself
    return not (tok.head.dep_ == "ccomp" and verb.lemma_.lower() in SPEECH_VERBS and verb.i < tok.i)


def one_person(rec: Record, tok) -> Record:
    """A group record named by a singular noun that stands for one person: a role noun ("A US Embassy
    spokesman said: …" then "he added"), or a noun whose own clause gives it a his/her ("The vigilante
    said his father was among those killed")."""
    if tok.lower_ in FEMALE_WORDS or tok.lower_ in MALE_WORDS:
        rec.one = True  # "The fiancée of X said …" (the tagger may call it plural): one person, never "it"
        rec.gender_from(tok.lower_)
        return rec
    if tok.tag_ != "NN":
        return rec
    lemma = tok.lemma_.lower()
    if lemma in PERSON_NOUNS:
        rec.one = True
        rec.gender_from(tok.lower_)
    elif lemma in GENERIC_ORG_NOUNS or lemma in DOCUMENT_NOUNS:
        return rec
    elif (gender := anaphora.description_gender(tok)) is not None:
        rec.one = True
        rec.gender = rec.gender or gender
    return rec


# Offices named "<word> General" that are no military rank: "Attorney General Eric Holder" is no "Gen."
_CIVIL_GENERALS = frozenset({"attorney", "solicitor", "surgeon", "inspector", "postmaster", "comptroller"})


def civil_office(doc, first) -> tuple[str, str] | None:
    """ "Attorney General": the office a "General" title completes, as (display form, generic noun)."""
    if first.lower_ not in ("general", "gen.") or first.i == 0:
        return None
    word = doc[first.i - 1]
    if word.lower_ not in _CIVIL_GENERALS or not word.text[:1].isupper():
        return None
    office = f"{word.text} General"
    return office, office.lower()
