"""Acts told without words, which the news line reads as narration: a vote on a text ("MPs approved the
measure"), a wish ("Republicans hope the vote …", "are holding out hope that …"), a guess ("Americans can
expect longer waits"), a name in use ("She called him Bernd"). Pure predicates on one spaCy token, read by
`withheld.words_withheld`.
"""

from __future__ import annotations

from askisk.speakers.rules import vocab

# Votes on a text: "Politicians unanimously rejected the bill", "MPs approved the measure": an act (the
# golds' brief: votes are narration), not a view stated ("rejected the claim" is one).
VOTE_VERBS = vocab("reject approve pass back endorse introduce sponsor")
LEGISLATION_NOUNS = vocab(
    "bill law legislation motion amendment resolution measure treaty budget offer proposal bid deal act"
)


_FOR_A_PERSON = frozenset({"endorse", "confirm"})


def vote(tok) -> bool:
    """A vote on a text, an act."""
    lemma = tok.lemma_.lower()
    if lemma not in VOTE_VERBS and lemma not in _FOR_A_PERSON:
        return False
    kids = list(tok.children)
    if any(c.dep_ in ("ccomp", "parataxis") for c in kids):
        return False
    # "also endorsed Reyes for mayor", "The Senate confirmed Lund as attorney general": a vote for a person,
    # not a view stated
    if lemma in _FOR_A_PERSON and any(c.dep_ == "dobj" and c.ent_type_ == "PERSON" for c in kids):
        return True
    texts = [c for c in kids if c.dep_ == "dobj" and c.lemma_.lower() in LEGISLATION_NOUNS]
    return lemma in VOTE_VERBS and bool(texts)


# a wish ("wanted the ban lifted", "Republicans hope the vote …"); spaCy's lemma of "hoping" is at times "hop"
_WISH_WORDS = frozenset({"want", "hope", "hoping", "hoped", "hopes"})
GUESSING = frozenset({"may", "might", "can", "could"})  # "Americans can expect longer waits": a guess


def wish(tok) -> bool:
    """A verb of wishing, or a hope held ("are holding out hope that …"), not voiced ("expressed hope")."""
    if tok.lemma_.lower() not in _WISH_WORDS and tok.lower_ not in _WISH_WORDS:
        return False
    return tok.pos_ == "VERB" or tok.dep_ == "dobj" and tok.head.lemma_.lower() in ("hold", "have", "cling")


_PLAN_WORDS = vocab("expect plan intend aim agree")


def plan(tok) -> bool:
    """ "The agency expects to publish a summary on May 2": a plan for one's own act (a
    to-infinitive, no clause), not a view ("expects that rates will rise" is one)."""
    if tok.lemma_.lower() not in _PLAN_WORDS or any(_clause(c) for c in tok.children):
        return False
    return any(
        c.dep_ == "xcomp" and any(a.dep_ == "aux" and a.lower_ == "to" for a in c.children)
        for c in tok.children
    )


def _clause(tok) -> bool:
    """A clause with its own subject ("expects that rates will rise"), not a participle the parser hung there
    ("expects to publish a summary May 2 followed by …")."""
    return tok.dep_ == "ccomp" and any(c.dep_.startswith("nsubj") for c in tok.children)


def naming(tok) -> bool:
    """ "She called him Bernd": a name in use, not a view stated ("called the plan a disaster" is one; "what
    the Navy calls …" is `convention.free_relative`)."""
    if tok.lemma_.lower() != "call":
        return False
    # "called Hale a “liar”": the parser may make the one called a predicate too; what it was called is last
    named = [c for c in tok.children if c.dep_ == "oprd"][-1:]
    return any(c.pos_ == "PROPN" and c.ent_type_ != "" for c in named)
