"""The source "according to X" names ("per X", "by X's count"): which nouns name it, and whether the
phrase only says where another speaker's words were reported ("X said, according to the newspaper").
Used by `explicit`; pure over one parse."""

from __future__ import annotations

from askisk.speakers import cues, speech
from askisk.speakers.rules import PERSON_NOUNS, learned_cues
from askisk.speakers.speech import is_speech, subject_of
from askisk.speakers.withheld import ORDER_VERBS


def relays_words(according, inside) -> bool:
    """ "X said, according to the newspaper": "according to" a paper or a document hangs on a speech verb
    with a subject of its own, so it names where the words were reported, not whose they are ("The
    ministry denies it, according to Petrauskas" stays the person's account)."""
    verbs = [according.head, *(c for c in according.head.children if c.dep_ == "conj")]  # "lied and claimed"
    return any(
        v.pos_ == "VERB" and is_speech(v, inside) and said_words(v, inside) and subject_of(v) is not None
        for v in verbs
    )


def a_person(rec, who) -> bool:
    """A person, or one unnamed ("a source familiar with the talks"): what they say is theirs, not relayed."""
    return rec.kind == "person" or rec.one or who.lemma_.lower() in PERSON_NOUNS | _UNNAMED


_UNNAMED = frozenset({"source", "person", "people"})


def said_words(verb, inside) -> bool:
    """Not a verb that is a cue only by PolNeAR's word list and rarely one there ("the airport … continued to
    close the gap"), nor an order ("they ordered him to get out"), unless a clause or a quotation gives its
    words ("accused X of …" is mostly a cue)."""
    usual = (cues.cue_rate(verb.lemma_.lower()) or 0.0) >= cues.USUAL_CUE and not is_order(verb)
    if verb.lower_ not in learned_cues() or usual:
        return True
    return any(c.dep_ in ("ccomp", "parataxis") for c in verb.children) or speech.near_quote(verb, inside)


def is_order(verb) -> bool:
    return verb.lemma_.lower() in ORDER_VERBS


def _name_after_description(according, objs: list) -> list:
    """ "According to local newspaper the Daily Telegraph": the parser hangs the name on "according" beside
    the description; the name is the source."""
    if not objs or objs[0].pos_ != "NOUN":
        return objs
    end = objs[0].right_edge.i
    names = [
        c for c in according.children if c.dep_ == "pobj" and c.pos_ == "PROPN" and c.left_edge.i == end + 1
    ]
    return names or objs


def _noun_read_as_verb(prep) -> list:
    """ "according to show insiders": the parser reads the first noun as a verb and the speaker as its
    object (not "according to sources familiar with", a participle)."""
    verbs = [c for c in prep.children if c.dep_ == "pcomp" and c.tag_ in ("VB", "VBP") and c.text.islower()]
    objects = [o for v in verbs[:1] for o in v.children if o.dep_ == "dobj" and o.pos_ in ("NOUN", "PROPN")]
    return [o for o in objects if o.left_edge.i == o.head.i + 1]  # "according to witness Aden Hussein"


def source_objects(according, prep) -> list:
    """The nouns naming the source after "according to", "per" or "by" (`cues.according_to`'s preposition)."""
    objs = [c for c in prep.children if c.dep_ == "pobj"] or _noun_read_as_verb(prep)
    return _name_after_description(according, objs)
