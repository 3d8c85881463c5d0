"""Acts told without words, which the news line reads as narration: a vote on a text ("MPs approved the
measure"), a wish ("Republicans hope the vote …", "are holding out hope that …"), a guess ("Americans can
expect longer waits"), a name in use ("She called him Bernd"). Pure predicates on one spaCy token, read by
`withheld.words_withheld`.
"""

from __future__ import annotations

from askisk.speakers import cues
from askisk.speakers.clauses import on_agent
from askisk.speakers.rules import SPEECH_VERBS, STATEMENT_VERBS, vocab

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
    """ "She called him Bernd", "a woman identified herself as Amanda Berry": a name in use, not a view
    stated ("called the plan a disaster" is one; "what the Navy calls …" is `convention.free_relative`)."""
    if tok.lemma_.lower() == "identify":
        return any(c.dep_ == "dobj" and c.lower_.endswith(("self", "selves")) for c in tok.children)
    if tok.lemma_.lower() != "call":
        return False
    # "called Hale a “liar”": the parser may make the one called a predicate too; what it was called is last
    named = [c for c in tok.children if c.dep_ == "oprd"][-1:]
    return any(c.pos_ == "PROPN" and c.ent_type_ != "" for c in named)


# verbs of judging, told in the passive with their judge as the agent ("was criticised by regulators")
_JUDGING_VERBS = vocab(
    "criticise criticize question condemn attack slam blast lambast praise welcome hail applaud commend laud "
    "rebuke chide berate castigate denounce"
)


_GIVING = SPEECH_VERBS | vocab("call describe brand label dub")


def reaction_told(verb, lemma: str) -> bool:
    """ "It has drawn criticism from environmental groups", "Fannie Mae was criticised by financial
    regulators": the one judged is the topic and the judges say nothing the sentence gives (the news golds
    call these narration; "The Tories have questioned the timing", active, stays theirs)."""
    if verb.pos_ == "NOUN" and verb.dep_ == "dobj":  # the cue read as "criticism environmental groups"
        verb, lemma = verb.head, verb.head.lemma_.lower()
    if verb.pos_ != "VERB":
        return False
    kids = list(verb.children)
    passive = any(c.dep_ == "auxpass" for c in kids) and any(c.dep_ == "agent" for c in kids)
    if not (cues.is_reaction(verb) or lemma in _JUDGING_VERBS and passive):
        return False
    if any(t.dep_ == "prep" and t.lower_ == "as" for t in verb.subtree):
        return False  # "was condemned by Labour as a stunt": what they called it
    # words given elsewhere in the sentence: "…, which called it a stunt", "though they say …", "slammed by
    # island councils, which decried the cuts to …"
    return not any(t.i != verb.i and t.pos_ == "VERB" and _gives_words(t, verb) for t in verb.sent)


def _gives_words(tok, judged) -> bool:
    lemma = tok.lemma_.lower()
    judges = (verb := on_agent(tok)) is not None and verb.i == judged.i
    return lemma in _GIVING or judges and lemma in STATEMENT_VERBS
