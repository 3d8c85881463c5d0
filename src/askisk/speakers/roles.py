"""A person's role as the text gives it where it names them ("NAME, a tax lawyer at a policy center",
"A spokesman for the authority, NAME,", "economist NAME", "Professor NAME of the University of X"), read
off the parse into the registry's `Record`; also which subjects a story is about (`story_subject`) and
which group records stand for one person (`one_person`). Works on spaCy tokens handed to it; never
imports spaCy.
"""

from __future__ import annotations

from askisk.speakers import descriptions
from askisk.speakers.mention import Record
from askisk.speakers.phrases import NP_KEEP, joined
from askisk.speakers.rules import (
    CALLING_NOUNS,
    CIVIL_GENERALS,
    DETS,
    DOCUMENT_NOUNS,
    FEMALE_WORDS,
    GENERIC_ORG_NOUNS,
    IN_FULL,
    LABEL_PARTIES,
    MALE_WORDS,
    MILITARY_RANKS,
    OFFICE_QUALIFIERS,
    PARTY_LABEL,
    PERSON_NOUNS,
    SPEECH_VERBS,
    title_of,
    vocab,
)


def read_roles(rec: Record, ent, titles: list) -> None:
    """The role a person is given where the text names them: an appositive ("NAME, a tax lawyer at …"),
    the noun phrase the name stands in apposition to, role words before the name ("economist NAME"), an
    organisation's possessive before a title, the institution of a title's "of"/"at" phrase."""
    head = ent.root
    for child in head.children:
        if child.dep_ == "appos" and child.pos_ == "NOUN" and not _across_colon(ent, child):
            toks = list(child.subtree)
            if toks[0].lower_ in DETS:
                toks = toks[1:]
            role = "".join(t.text_with_ws for t in toks).strip(" ,")
            rec.role = rec.role or role
            rec.describe(child.lemma_.lower(), descriptions.marks(child))
            other = descriptions.others_words(child)  # "a lawyer who knows her": her gender is not his
            for t in child.subtree:
                if t.i not in other:
                    rec.gender_from(t.lower_)
    if rec.role is None and head.dep_ == "appos" and head.head.pos_ == "NOUN":
        _appositive_role(rec, head)
    lefts = [t for t in head.lefts if t.i < ent.start and t not in titles and t.dep_ != "poss"]
    before = sorted({s for t in lefts for s in t.subtree if s not in titles}, key=lambda t: t.i)
    # a plural ("fellow comedy stars X and Y") describes the group, not the person
    nouns = descriptions.role_nouns(before)
    rec.parties |= descriptions.parties_in(descriptions.marks_in(before))  # "Democrat NAME", "GOP aide NAME"
    rec.parties |= party_label(ent)
    if nouns and rec.role is None:
        rec.role = role_phrase(before)
        rec.describe(nouns[-1].lemma_.lower(), descriptions.marks_in(t for t in before if t is not nouns[-1]))
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


def _across_colon(ent, appos) -> bool:
    """ "Ida Sandnes: Night Ferries, Not New Bridges, For the Islands": what a headline's colon opens
    is what the person says, not who they are."""
    return any(t.text == ":" for t in ent.doc[ent.end : appos.left_edge.i])


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
        rec.describe(noun.lemma_.lower(), descriptions.marks(noun))
        rec.gender_from(noun.lower_)


def story_subject(tok) -> bool:
    """A subject the story is about: not one inside what someone is reported to say ("The Scot defended
    Beattie, saying Gallas overreacted. … He said: …" is still about the Scot)."""
    if tok.dep_ not in ("nsubj", "nsubjpass"):
        return False
    clause = tok.head  # at any depth: "X said he believed a bid would be enough for Glazer to take control"
    while clause.head.i != clause.i:
        verb = clause.head  # the one speaking comes first; in fronted words news names the speaker herself
        if clause.dep_ == "ccomp" and verb.lemma_.lower() in SPEECH_VERBS and verb.i < tok.i:
            return False
        clause = verb
    return True


# Callings of one person that are not anaphoric role nouns ("said one London-based broker. He forecast …")
_ONE_TRADES = CALLING_NOUNS | vocab("witness resident neighbour neighbor")


def _indefinite(tok) -> bool:
    """ "one London-based broker", "an analyst": someone new ("the securities analyst" names one met before,
    whom the description rules resolve)."""
    return not any(c.dep_ in ("det", "poss") and c.lower_ not in ("a", "an", "one") for c in tok.children)


def plural_for_one(rec: Record, tok) -> bool:
    """A plural mention ("the doctors", "the officials", "the organizers") never stands for one person named
    before, nor for what a singular of its own noun named ("an organizer")."""
    if tok.tag_ not in ("NNS", "NNPS"):
        return False
    return rec.kind == "person" or rec.one or rec.name.split()[-1].lower() == tok.lemma_.lower() != tok.lower_


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
    if lemma in PERSON_NOUNS or (lemma in _ONE_TRADES and _indefinite(tok)):
        rec.one = True
        rec.gender_from(tok.lower_)
    elif lemma in GENERIC_ORG_NOUNS or lemma in DOCUMENT_NOUNS:
        return rec
    elif (gender := descriptions.description_gender(tok)) is not None:
        rec.one = True
        rec.gender = rec.gender or gender
    return rec


# a rank qualifier shown abbreviated before an abbreviated rank ("Lieutenant General" as "Lt. Gen.")
_ABBREVIATED = {"lieutenant": "Lt.", "major": "Maj.", "brigadier": "Brig."}


def _qualifies(tok, title) -> bool:
    word = tok.lower_.rstrip(".")
    if not tok.text[:1].isupper():
        return False
    return (
        word in OFFICE_QUALIFIERS
        or (word in CIVIL_GENERALS and title.lower_ in ("general", "gen."))
        or (word in _ENVOYS and title.lower_ == "representative")
    )


# "U.S. Trade Representative Robert Lighthizer", "EU High Representative …": an office, no congressman
_ENVOYS = frozenset({"trade", "high", "special", "permanent"})


def office_words(doc, titles: list) -> list:
    """The title words before a name with what makes them another office: "Vice" before "President",
    "Secretary" before "General", "Lt." before "Gov." ("U.N. Secretary General Ban Ki-moon")."""
    words = list(titles)
    i = titles[0].i - 1 if titles else -1
    while i >= 0 and _qualifies(doc[i], words[0]):
        words.insert(0, doc[i])
        i -= 1
    return words


# titles that a portfolio names in full: "Finance Minister", "Trade Commissioner"
_PORTFOLIO_TITLES = frozenset({"minister", "commissioner"})


def with_portfolio(doc, titles: list, title: tuple[str, str | None]) -> tuple[str, str | None]:
    """ "Finance Minister Ana Reyes" shown so, not as "Minister Ana Reyes": one capitalised word before a
    lone "Minister" or "Commissioner" names what the office is for (still "the minister")."""
    if len(titles) != 1 or titles[0].lower_ not in _PORTFOLIO_TITLES or titles[0].i == 0:
        return title
    tok = doc[titles[0].i - 1]
    if tok.text[:1].isupper() and tok.pos_ in ("PROPN", "NOUN", "ADJ") and tok.ent_type_ != "PERSON":
        return f"{tok.text} {title[0]}", title[1]
    return title


def former_office(doc, words: list, noun: str) -> bool:
    """ "former President Bill Clinton": a civil office the person no longer holds (a retired general
    keeps the rank)."""
    i = words[0].i - 1
    while i > 0 and doc[i].pos_ == "PROPN" and words[0].i - i <= 2:
        i -= 1  # "former Louisiana Rep. David Duke", "former U.S. Sen."
    return i >= 0 and doc[i].lower_ == "former" and noun.split()[-1] not in MILITARY_RANKS


def office_title(words: list) -> tuple[str, str | None] | None:
    """(display form, generic noun) of the title words before a name: one title word as `title_of` reads
    it; an office of several words as written ("Vice President", "Lt. Gov.", "Secretary General"), its
    noun the whole office ("vice president"), except a military rank, which stays "the general"."""
    if not words:
        return None
    last = title_of(words[-1].text)
    qualified = all(_qualifies(w, words[-1]) for w in words[:-1])
    if len(words) == 1 or last is None or not qualified:
        return last  # "Senator Dr. Kelli Ward": two titles, the one next to the name shown
    civil = words[-2].lower_.rstrip(".") in CIVIL_GENERALS and words[-1].lower_ in ("general", "gen.")
    if words[-1].lower_ == "representative":
        return " ".join(w.text for w in words), " ".join(w.lower_ for w in words)
    short = last[0].endswith(".")  # "Lieutenant General" shown as "Lt. Gen.", "Vice President" as written
    shown = [_ABBREVIATED.get(w.lower_, w.text) if short else w.text for w in words[:-1]]
    shown.append("General" if civil else last[0])
    noun = last[1]
    if noun is not None and (civil or noun not in MILITARY_RANKS):
        qualifiers = " ".join(IN_FULL.get(w.lower_, w.lower_) for w in words[:-1])
        noun = f"{qualifiers} {'general' if civil else noun}"
    return " ".join(shown), noun


def party_label(ent) -> set[str]:
    """The party of a legislator's label right after the name: "Rep. Tom Hale (D-N.C.)", "Bob Corker,
    R-Tenn."."""
    doc = ent.doc
    i = ent.end + 1 if ent.end < len(doc) and doc[ent.end].text in ("(", ",") else ent.end
    if i < len(doc) and PARTY_LABEL.fullmatch(doc[i].text):
        return {LABEL_PARTIES[doc[i].text[0]]}
    return set()


def role_phrase(toks: list) -> str:
    """Role words as written, without a leading article or possessive pronoun ("Her colleague")."""
    while toks and (toks[0].lower_ in DETS or toks[0].tag_ == "PRP$" or toks[0].is_punct):
        toks = toks[1:]
    while toks and toks[-1].is_punct:
        toks = toks[:-1]
    if not toks:
        return ""
    text = joined(toks)
    if toks[0].is_sent_start and toks[0].pos_ != "PROPN":
        text = text[:1].lower() + text[1:]  # "Union leader NAME" opens the sentence
    return text


def title_role(rec, titles: list, ent) -> None:
    """ "Health Minister NAME": the words qualifying the title make the role ("health minister")."""
    doc, i = ent.doc, titles[0].i - 1
    mods: list = []
    while i >= 0 and doc[i].dep_ in ("compound", "amod") and doc[i].head.i > i and not doc[i].is_punct:
        mods.insert(0, doc[i])
        i -= 1
    if not mods or (i >= 0 and doc[i].dep_ == "poss"):
        return
    keep = ("GPE", "NORP")  # "French", "Kenyan" stay capitalised
    words = [t.text if t.ent_type_ in keep or t.text.isupper() else t.lower_ for t in mods]
    rec.role = " ".join([*words, (rec.title[1] if rec.title else None) or ""]).strip()
    rec.aliases.add(" ".join([*(t.text for t in mods), *(t.text for t in titles), *rec.tokens]))
