"""Clauses the parser hangs on the wrong word of a sentence that reports words: a that-clause made a
relative clause of the document or the hearer before it, a participle made the act of the one who
receives a message, a participle describing the subject made the sentence's verb, and a verb of saying
joined to the main verb past the subordinate clause it goes on. Run by `parse_repair.repair`."""

from __future__ import annotations

from askisk.speakers.clauses import SUBORDINATORS
from askisk.speakers.rules import DOCUMENT_NOUNS, FINDING_VERBS, HEARER_VERBS, PERSON_NOUNS, SPEECH_VERBS

_SAYING_OR_FINDING = SPEECH_VERBS | FINDING_VERBS


def participle_after_recipient(doc) -> None:
    """ "Matt Rhoades wrote a brief email to campaign manager Jim Messina dismissing the offer": the parser
    makes the name after "to" the subject of the participle; the writer dismisses, the name receives."""
    for verb in doc:
        prep = verb.head
        # not "with Reuters reporting that …", where the name is the participle's subject
        if verb.tag_ != "VBG" or verb.dep_ != "pcomp" or prep.lower_ != "to" or prep.dep_ != "prep":
            continue
        subj = next(
            (c for c in verb.children if c.dep_ == "nsubj" and c.pos_ == "PROPN" and c.i < verb.i), None
        )
        if subj is not None and prep.head.pos_ == "VERB":
            subj.head, subj.dep_ = prep, "pobj"
            verb.head, verb.dep_ = prep.head, "advcl"


def participle_read_as_root(doc) -> None:
    """ "Residents interviewed on Harbor TV said they knew him": the parser makes the participle describing
    the subject the sentence's verb and hangs the verb of saying on it with no subject. The participle
    goes back to its noun, the verb of saying becomes the root."""
    for say in doc:
        part = say.head
        if (
            say.dep_ != "dep"
            or say.tag_ != "VBD"
            or say.lemma_.lower() not in SPEECH_VERBS
            or part.dep_ != "ROOT"
            or part.tag_ not in ("VBD", "VBN")
            or part.i > say.i
            or any(c.dep_ in ("nsubj", "nsubjpass") for c in say.children)
        ):
            continue
        subj = [c for c in part.children if c.dep_ == "nsubj" and c.pos_ in ("NOUN", "PROPN")]
        between = {t.i for c in part.children if c.dep_ == "prep" and part.i < c.i < say.i for t in c.subtree}
        if (
            len(subj) != 1
            or any(c.dep_ in ("dobj", "ccomp") for c in part.children)
            or (set(range(part.i + 1, say.i)) - between)
        ):
            continue
        for child in [c for c in part.children if c.i > say.i]:
            child.head = say
        say.head, say.dep_ = say, "ROOT"
        subj[0].head = say
        part.head, part.dep_, part.tag_ = subj[0], "acl", "VBN"


def said_in_subordinate(doc) -> None:
    """A verb of saying the parser joins to the main verb, with no subject of its own, though it goes on the
    subordinate clause before it, whose subject said it: "The jeers continued when Trump referenced the emails
    … and claimed that …" (the main subject a thing, the clause's a person), "… approved last year before the
    board changed course and said the approval was a mistake" (no comma before the "and")."""
    for say in doc:
        main = say.head
        if say.dep_ != "conj" or say.lemma_.lower() not in SPEECH_VERBS or main.dep_ != "ROOT":
            continue
        if any(c.dep_ in ("nsubj", "nsubjpass") for c in say.children):
            continue
        scene = [c for c in main.children if c.dep_ == "advcl" and main.i < c.i < say.i]
        if scene and _thing_then_person(main, scene[-1]):
            say.head = scene[-1]
            continue
        cc = next((c for c in main.children if c.dep_ == "cc" and c.i == say.i - 1), None)
        finite = [c for c in scene if any(k.dep_ == "nsubj" for k in c.children) and _subordinate(c)]
        if cc is not None and doc[cc.i - 1].text != "," and finite:
            say.head = finite[-1]


def _thing_then_person(main, clause) -> bool:
    subj = next((c for c in main.children if c.dep_ == "nsubj"), None)
    if subj is None or subj.pos_ != "NOUN" or subj.ent_type_ or subj.lemma_.lower() in PERSON_NOUNS:
        return False
    return any(c.dep_ == "nsubj" and c.ent_type_ == "PERSON" for c in clause.children)


def _subordinate(clause) -> bool:
    return any(k.lower_ in SUBORDINATORS and k.dep_ in ("mark", "advmod") for k in clause.children)


def _hosts(verb) -> tuple[list, bool]:
    """The nouns whose relative clause may be the verb's own complement, and whether only a clause the
    parser already marks with a complementizer "that" qualifies ("told residents that he met" is a
    relative clause, "reassured residents that they will …" is not)."""
    lemma = verb.lemma_.lower()
    kids = list(verb.children)
    if any(c.dep_ in ("ccomp", "xcomp", "parataxis") for c in kids):
        return [], False
    if lemma in HEARER_VERBS:
        return [c for c in kids if c.dep_ == "dobj" and c.pos_ in ("NOUN", "PROPN", "PRON")], True
    if lemma == "rule":  # "a judge ruled in the Ortiz case that the crews must stay …"
        return [n for p in kids if p.dep_ == "prep" and p.lower_ == "in" for n in p.children], True
    if lemma not in _SAYING_OR_FINDING or any(c.dep_ == "dobj" for c in kids):
        return [], False
    return [
        n
        for p in kids
        if p.dep_ == "prep" and p.i > verb.i
        for n in p.children
        if n.dep_ == "pobj" and n.lemma_.lower() in DOCUMENT_NOUNS
    ], False


def clause_read_as_relative(doc) -> None:
    """ "The researchers found in a study that the drug works", "Brown has reassured residents that they
    will revisit the plan": the parser made the that-clause a relative clause of "study" or "residents",
    leaving the verb with nothing found or said. A verb of saying or finding with no clause of its own takes
    it back when the clause has a subject besides "that"."""
    for verb in doc:
        if verb.pos_ != "VERB":
            continue
        nouns, marked_only = _hosts(verb)
        for clause in (c for n in nouns for c in n.children if c.dep_ in ("relcl", "acl")):
            that = doc[clause.left_edge.i]
            if that.lower_ != "that" or that.head.i != clause.i or marked_only and that.dep_ != "mark":
                continue
            if any(c.dep_ in ("nsubj", "nsubjpass") and c.i != that.i for c in clause.children):
                clause.head, clause.dep_ = verb, "ccomp"
                that.dep_ = "mark"
                return


# present-tense cues the small parser reads as a plural noun after "as": "as the Times notes,"
_AS_NOUN_CUES = {
    "notes": "note",
    "reports": "report",
    "writes": "write",
    "argues": "argue",
    "points": "point",
}


def as_tag_read_as_noun(doc) -> None:
    """ "And, as the Times notes, the vote …": the parser read "notes" as a noun, the object of "as", so no
    cue was left. An "as" phrase whose object is such a verb form, with its writer's name or noun just before
    it and a comma after, becomes the clause "as the Times notes" on the main verb."""
    for prep in doc:
        if prep.lower_ != "as" or prep.dep_ != "prep":
            continue
        obj = next((c for c in prep.children if c.dep_ == "pobj"), None)
        if (
            obj is None
            or obj.lower_ not in _AS_NOUN_CUES
            or obj.i + 1 >= len(doc)
            or doc[obj.i + 1].text != ","
        ):
            continue
        subject = next((c for c in obj.children if c.dep_ == "compound" and c.i == obj.i - 1), None)
        if subject is None or subject.pos_ not in ("PROPN", "NOUN"):
            continue
        for child in [c for c in obj.children if c.i < subject.i]:
            child.head = subject
        subject.head, subject.dep_ = obj, "nsubj"
        obj.pos_, obj.tag_, obj.lemma_ = "VERB", "VBZ", _AS_NOUN_CUES[obj.lower_]
        obj.head, obj.dep_ = prep.head, "advcl"
        prep.head, prep.dep_ = obj, "mark"
