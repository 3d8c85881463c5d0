"""The writer's own acts that read like cues, each of them narration: a credit line ("X reported from
Paris"), an author's note ("X has covered economics since 2012"), the publication telling its own work ("will
update this post")."""

from __future__ import annotations

from askisk.speakers.phrases import SELF_NOUNS
from askisk.speakers.rules import TRADE_NOUNS
from askisk.speakers.speech import colon_after, near_quote, says_something


def bio_act(tok, inside, record, base: int) -> bool:
    """An author's note: "Nelson D. Schwartz has covered economics since 2012. Previously, he wrote about Wall
    Street …, and also served as European economic correspondent": in a paragraph that gives a journalist's
    trade ("is a Metro reporter", "as a feature writer"), a cue that says nothing and whose speaker is named
    there for the first time (`base`: the paragraph's mention positions) tells the writer's career."""
    if says_something(tok, inside) or min(record.seen, default=base) < base:
        return False
    return any(
        t.lemma_.lower() in TRADE_NOUNS and (t.dep_ == "attr" or (t.dep_ == "pobj" and t.head.lower_ == "as"))
        for t in tok.doc
    )


def updates_this(verb, inside) -> bool:
    """ "Ars is asking Mojang for comment and will update this post": a subject that also acts on "this post"
    / "this story" (its object, outside quotation marks, of a verb coordinated with the cue) is the
    publication itself, telling its own work; not "declined requests for an interview for this article"."""
    verbs = [verb, *(c for c in verb.children if c.dep_ == "conj")]
    if verb.dep_ == "conj":
        verbs.append(verb.head)
    objs = [c for v in verbs for c in v.children if c.dep_ == "dobj" and not inside[c.idx]]
    return any(o.lemma_.lower() in SELF_NOUNS and any(d.lower_ == "this" for d in o.children) for o in objs)


def is_credit(tok, inside=None) -> bool:
    """ "CNN's Sandrine Amiel reported from Paris", "X wrote from London": a credit line says where a
    reporter worked, not what anyone said: a verb whose only complement is "from" a place (no clause, no
    object, no quotation near it, no colon after it)."""
    kids = list(tok.children)
    if any(c.dep_ in ("ccomp", "xcomp", "parataxis", "dobj", "dative") for c in kids):
        return False
    if (inside is not None and near_quote(tok, inside)) or colon_after(tok):
        return False
    return any(c.dep_ == "prep" and c.lower_ == "from" for c in kids)
