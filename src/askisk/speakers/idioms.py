"""Verb + preposition idioms of speech ("called on X to …", "appealed to the public for help", "called for
calm"): whether a verb's preposition makes it a statement made to someone. Pure; spaCy tokens in, booleans
out.
"""

from __future__ import annotations

from askisk.speakers.rules import VERB_PREPOSITION


def idiom(tok) -> bool:
    """A verb with the preposition that makes it speech ("called on X to", "appealed for him to give up":
    the parser may hang "for" on the clause it opens)."""
    preps = VERB_PREPOSITION.get(tok.lemma_.lower(), ())
    kids = list(tok.children)
    if tok.lemma_.lower() == "appeal" and _legal_appeal(kids):
        return False
    if tok.lemma_.lower() == "rule" and any(c.dep_ in ("auxpass", "nsubjpass") for c in kids):
        return False  # "Smith has been ruled out of the match": done to the subject, who says nothing
    if any(c.dep_ in ("prep", "prt") and c.lower_ in preps for c in kids):
        return True
    if estimate(tok) or argument_put(tok) or put_plainly(tok) or took_aim(tok) or shot_down(tok):
        return True
    if retort(tok):
        return True
    opens = [c for c in kids if c.dep_ == "advcl"]
    return any(
        m.dep_ == "mark" and m.lower_ in preps and m.i == c.left_edge.i for c in opens for m in c.children
    )


_COURTS = frozenset({"court", "circuit", "tribunal", "judge", "board", "panel", "commission"})


def _legal_appeal(kids) -> bool:
    """ "appealed the case to the Sixth Circuit", "appeal to the Supreme Court": a case taken to a court."""
    to = [g for c in kids if c.dep_ == "prep" and c.lower_ == "to" for g in c.children if g.dep_ == "pobj"]
    return any(c.dep_ == "dobj" for c in kids) or any(g.lemma_.lower() in _COURTS for g in to)


_FIGURE_ENTITIES = frozenset({"MONEY", "PERCENT", "QUANTITY", "CARDINAL"})


def estimate(tok) -> bool:
    """ "BP put production for the year at 3.997 billion barrels", "They put exports at 100,000 bpd": a
    figure someone gives (not "put the plan at risk")."""
    if tok.lemma_.lower() != "put":
        return False
    objects = [c for c in tok.children if c.dep_ == "dobj"]
    ats = [c for t in (tok, *objects) for c in t.children if c.dep_ == "prep" and c.lower_ == "at"]
    figures = [g for a in ats for g in a.children if g.dep_ == "pobj"]
    return bool(objects) and any(
        t.like_num or t.ent_type_ in _FIGURE_ENTITIES for g in figures for t in g.subtree
    )


_SOUNDED = frozenset({"theme", "note", "alarm", "warning", "call", "caution"})


def argument_put(tok) -> bool:
    """ "Former state Rep. Juan Planas made a similar point", "made the case for the documents' relevance":
    an argument put, a picture painted (not "made their closing arguments", nor "made this case during oral
    argument")."""
    if tok.lemma_.lower() not in ("make", "paint"):
        return False
    objects = [c for c in tok.children if c.dep_ == "dobj"]
    argued = [
        o for o in objects if o.lemma_ == "case" and any(c.lower_ in ("for", "that") for c in o.children)
    ]
    if tok.lemma_.lower() == "paint":  # "He painted a bleak picture of …", "painted Christie as hostile"
        return any(o.lemma_ in ("picture", "portrait") for o in objects) or any(
            c.dep_ == "prep" and c.lower_ == "as" for c in tok.children
        )
    return any(o.lemma_ == "point" for o in objects) or bool(argued)


def put_plainly(tok) -> bool:
    """ "made clear the union would strike" (with its clause), "Collins sounded a similar theme", "sounded
    the alarm over …": a position stated."""
    lemma = tok.lemma_.lower()
    after = tok.doc[tok.i + 1].lower_ if tok.i + 1 < len(tok.doc) else ""
    if lemma == "make" and after in ("clear", "plain"):
        return any(c.dep_ == "ccomp" for c in tok.children)
    return lemma == "sound" and any(c.dep_ == "dobj" and c.lemma_ in _SOUNDED for c in tok.children)


def took_aim(tok) -> bool:
    """ "took aim at his predecessors on trade", "are taking aim at the author", "took them to task for …": a
    criticism voiced."""
    if tok.lemma_.lower() != "take":
        return False
    kids = list(tok.children)
    aims = [c for c in kids if c.dep_ == "dobj" and c.lower_ == "aim"]
    if aims and any(c.dep_ == "prep" and c.lower_ == "at" for t in (tok, *aims) for c in t.children):
        return True
    # "took the harbor board to task for failing to fix the pier": a rebuke
    near = [*kids, *(g for c in kids for g in c.children)]  # "task" as a verb's xcomp or "to"'s object
    return any(c.dep_ == "dobj" for c in kids) and any(t.lower_ == "task" for t in near)


_IDEAS = frozenset(
    {"idea", "proposal", "plan", "suggestion", "notion", "report", "reports", "rumor", "rumors"}
)


def shot_down(tok) -> bool:
    """ "shot down the idea of bypassing a trial", "slapped down the ideas": a proposal rejected in words
    (not "shot down a drone")."""
    kids = list(tok.children)
    return (
        tok.lemma_.lower() in ("shoot", "slap", "knock")
        and any(c.dep_ == "prt" and c.lower_ == "down" for c in kids)
        and any(c.dep_ == "dobj" and c.lemma_.lower() in _IDEAS for c in kids)
    )


# verb + particle + preposition of a retort or a stance taken in words: "pushed back on the plan", "lashed
# out at the press", "spoke out against the bill", "weighed in on the race" (not "fired back at": troops do)
_RETORTS = {
    "push": ("back", {"on", "against"}),
    "lash": ("out", {"at", "against"}),
    "speak": ("out", {"against", "on", "about"}),
    "weigh": ("in", {"on"}),
}


def retort(tok) -> bool:
    """A retort or a stance with its particle and its preposition (not "pushed back the deadline")."""
    particle, preps = _RETORTS.get(tok.lemma_.lower(), ("", set()))
    kids = list(tok.children)
    if any(c.dep_ == "aux" and c.tag_ == "MD" for c in kids):
        return False  # "David Firestone will weigh in later today": nothing said yet
    return any(c.dep_ in ("prt", "advmod") and c.lower_ == particle for c in kids) and any(
        c.dep_ == "prep" and c.lower_ in preps for c in kids
    )
