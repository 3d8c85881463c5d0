"""A "call" that says nothing: a telephone call, a summons or a name ("called 911", "called the bomb squad",
"Called the Marlin Joint Development Association, the alliance will …"), not what someone called a thing
("called the plan a disgrace") or a demand ("called for calm")."""

from __future__ import annotations

from askisk.speakers.rules import PERSON_NOUNS, vocab
from askisk.speakers.speech import colon_after, near_quote, says_something

_CALL_SAYS = ("oprd", "ccomp", "xcomp", "parataxis", "attr")
_CALL_PREPS = ("for", "on")


def participle(tok) -> bool:
    """A past participle with no subject and no auxiliary of its own: "Called X, …", "…, seen as …"."""
    deps = {c.dep_ for c in tok.children}
    return tok.tag_ == "VBN" and not deps & {"aux", "nsubj", "nsubjpass", "agent"}


def plain_call(tok, inside) -> bool:
    """ "called 911", "has called in ESA's design facility", "Called the Marlin Joint Development
    Association, the alliance …", "is called Orion", "called X as their first witness": "call" is a
    statement only with what it calls someone or something ("called the plan a disgrace"), a demand
    ("called for", "called on"), a clause or a quotation; otherwise it is a telephone call, a summons or a
    name."""
    if tok.lemma_.lower() != "call" or tok.pos_ != "VERB":
        return False
    kids = list(tok.children)
    if tok.i == tok.sent.start and not any(c.dep_ == "nsubj" for c in kids):
        return True  # "Called the X, the alliance …": the small parser tags the participle a past tense
    if any(
        c.dep_ == "prt"
        or (c.dep_ == "prep" and c.lower_ in ("in", "into") and c.i == tok.i + 1)  # "called into the show"
        or (c.dep_ == "advmod" and c.lower_ == "back")  # "called the Liberal leader back to Downing Street"
        for c in kids
    ):
        return True  # "called in", "called off", "called back"
    # "called 911 for help": a number rung for something is no demand; "called the bomb squad", parsed as
    # what it was called, names whom
    objects = [c for c in kids if c.dep_ == "dobj" or c.dep_ == "oprd" and _definite_callee(c, kids)]
    # "called the senator the next great leader", parsed as an apposition: what he was called
    renamed = any(a.dep_ == "appos" and a.pos_ == "NOUN" for o in objects for a in o.children)
    says = (
        renamed
        or any(c.dep_ in _CALL_SAYS and c not in objects for c in kids)
        or any(c.dep_ == "prep" and c.lower_ in _CALL_PREPS and not objects for c in kids)
    )
    callees = [c for c in objects if c.dep_ == "dobj" and c.pos_ == "NOUN" and _callee(c)]
    if tok.dep_ == "ccomp" and not says and callees and not near_quote(tok, inside):
        return True  # "that does not mean Labour … are not calling people signed up to …": telephoning
    if near_quote(tok, inside) or colon_after(tok) or says_something(tok, inside):
        return False
    if any(c.dep_ == "auxpass" for c in kids):
        return True
    if any(t.lemma_.lower() == "witness" and t.head.lower_ == "as" for t in tok.subtree):
        return True  # "have called a company whistleblower as their first witness": a summons
    if participle(tok) and not any(c.dep_ == "dobj" for c in kids):
        return True  # not "Mr. Warden, the Virginia Democrat, called the bill “…”" (read as a participle)
    if says:
        return False
    # a number, someone or a service is telephoned; "called the decision" has lost its "a landmark"
    return any(_callee(c) for c in objects)


_CALLEES = vocab(
    "police ambulance authority authorities number hotline doctor family friend mother father people voters "
    "customers households"
)


def _callee(obj) -> bool:
    lemma = obj.lemma_.lower()
    return obj.like_num or obj.pos_ in ("PRON", "PROPN", "NUM") or lemma in _CALLEES or lemma in _RUNG


# whom one rings or summons ("called the mayor", "called the bomb squad"); not "called the plan"
_RUNG = PERSON_NOUNS | vocab(
    "squad team unit crew office department service agency station lawyer attorney sheriff"
)


def _definite_callee(obj, kids) -> bool:
    """ "The police then called the county sheriff office's bomb squad": the small parser reads the one
    called as what someone is called, with no object; "the …" or "X's …" is whom, "a disgrace" is what."""
    opens = obj.left_edge
    owned = any(c.dep_ == "poss" for c in obj.children)
    return not any(c.dep_ == "dobj" for c in kids) and (opens.lower_ == "the" or owned) and _callee(obj)
