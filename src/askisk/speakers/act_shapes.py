"""The shapes of a cue's clause that tell an act from a statement, which `convention.is_act` reads under the
news line: what an act is for ("joined forces … to warn others"), an act with a statement beside it ("withdrew
his confession, saying …"), a closing tag the parser joined as a second clause, a participle that only
describes, talks held, a passive participle that describes the subject. Pure functions of one spaCy token.
"""

from __future__ import annotations

from askisk.speakers import idioms, press, said_nothing, speech
from askisk.speakers.rules import (
    ATTITUDE_VERBS,
    COMMISSIVE_VERBS,
    SPEECH_VERBS,
    STATEMENT_VERBS,
    VERB_PREPOSITION,
    WH_TAGS,
    learned_cues,
    vocab,
)
from askisk.speakers.withheld import NAMING_VERBS

_CONTENT_PREPS = vocab("of about against on over as")  # "to portray Reyes as weak": a view given
_OF_VERBS = vocab("accuse warn remind inform notify convince assure suspect convict")


def purpose(tok) -> bool:
    """ "Now they've joined forces with a hearing loss association to warn others": the cue is what an act
    of the main clause is for (a to-infinitive under a verb that says nothing, with no words given), not
    a statement made."""
    kids = list(tok.children)
    if tok.dep_ not in ("advcl", "xcomp") or not speech.to_infinitive(tok):
        return False
    # words given: "The doctors met to warn that hospitals would close", "… to accuse X of …", a quotation
    objects = [g for c in kids if c.dep_ == "dobj" for g in c.children]
    # (a quoted word before the cue is the act's: 'used the word "growth" 9 times to indicate spending')
    quoted_after = any(t.is_quote and t.i > tok.i for t in tok.sent)
    if any(c.dep_ in ("ccomp", "parataxis") for c in kids) or quoted_after:
        return False
    around = [*kids, *tok.head.children]  # "used his TV appearance to defend the plans, saying it would …"
    if any(
        c.dep_ in ("advcl", "xcomp") and c.tag_ == "VBG" and c.lemma_.lower() in SPEECH_VERBS for c in around
    ):
        return False  # words given
    # an "of" after the object names what the object is ("to discuss allegations of excessive force"),
    # unless the verb takes it ("to accuse the minister of lying", however the parser hangs it)
    preps = _CONTENT_PREPS if tok.lemma_.lower() in _OF_VERBS else _CONTENT_PREPS - {"of"}
    if any(c.dep_ == "prep" and c.lower_ in _CONTENT_PREPS for c in kids) or any(
        c.dep_ == "prep" and c.lower_ in preps for c in objects
    ):
        return False
    head = tok.head
    lemma = head.lemma_.lower()
    if lemma == "take" and any(c.dep_ == "prep" and c.lower_ == "to" for c in head.children):
        return False  # "took to social media to call for calm": the platform taken to speak
    if head.pos_ != "VERB" or lemma in STATEMENT_VERBS or lemma in SPEECH_VERBS or lemma in COMMISSIVE_VERBS:
        return False
    return lemma not in VERB_PREPOSITION and head.lower_ not in learned_cues()


def then_said(tok) -> bool:
    """ "Lord Dubs agreed to withdraw his bill, but urged the government to think again", "The suspect
    withdrew his confession, saying he had been under duress": an act and, with it, a statement of the same
    subject; also "The White House explained the reaction by saying that …"."""
    means = [g for c in tok.children if c.dep_ == "prep" and c.lower_ == "by" for g in c.children]
    return any(
        (c.dep_ == "conj" or c.dep_ in ("advcl", "pcomp") and c.tag_ == "VBG" and words_given(c))
        and c.pos_ in ("VERB", "AUX")  # not "…, states that are among those hit hardest": a noun
        and (
            c.lemma_.lower() in STATEMENT_VERBS
            or c.lemma_.lower() in SPEECH_VERBS - ATTITUDE_VERBS
            or idioms.idiom(c)  # "Beck fired Solis and appealed for him to give up"
        )
        # a subject of its own, or a negation: "declined to comment or did not respond" says nothing
        and not any(g.dep_ in ("nsubj", "neg") for g in c.children)
        and not said_nothing.handed_on(c)  # "… and referred a reporter to his aides"
        for c in [*tok.children, *means]
    )


def closing_conj(tok) -> bool:
    """ "Sales shot up tenfold in 2004, with 200 million tracks bought online, the IFPI reported last month":
    a closing tag the parser joins to the sentence's verb as a second clause (no "and", a subject of its
    own after a comma, nothing said after it but when): the words are the sentence before it."""
    doc = tok.doc
    subj = next((c for c in tok.children if c.dep_ == "nsubj"), None)
    return (
        tok.dep_ == "conj"
        and tok.lemma_.lower() in SPEECH_VERBS
        and tok.head.i < tok.i
        and subj is not None
        and subj.left_edge.i > 0
        and doc[subj.left_edge.i - 1].text == ","
        and not any(c.dep_ == "cc" for c in tok.head.children if c.i < tok.i)
        and all(c.dep_ in _TAIL for c in tok.children if c.i > tok.i)
    )


_TAIL = frozenset({"npadvmod", "advmod", "punct", "prep"})


def words_given(verb) -> bool:
    """ "saying he had been under duress", "calling him a danger" (not "posted the names …, calling for
    attacks": an act's aim)."""
    kids = list(verb.children)
    if any(c.dep_ in ("ccomp", "parataxis") for c in kids):
        return True
    objects = [
        c for c in kids if c.dep_ in ("dobj", "dative", "oprd") or c.dep_ == "prep" and c.lower_ == "as"
    ]
    return verb.lemma_.lower() in NAMING_VERBS and len(objects) >= 2


def modifier_only(tok) -> bool:
    """A participle that describes a noun ("Groups challenging the plans include …"), giving no words."""
    return (
        tok.dep_ == "acl"
        and tok.tag_ == "VBG"
        and not words_given(tok)
        and not any(c.dep_ == "xcomp" for c in tok.children)
        and not any(t.is_quote for t in tok.sent)
    )


def talks(tok) -> bool:
    """Talks or a topic, with no clause: "is discussing the idea with the London authorities", "spent
    considerable time discussing harassment allegations"; a negotiation without a "that" clause ("unions can
    once again negotiate what are known as …")."""
    if tok.lemma_.lower() == "negotiate":
        clauses = [c for c in tok.children if c.dep_ == "ccomp"]
        return not any(m.lower_ == "that" for c in clauses for m in c.children)
    return tok.lemma_.lower() == "discuss" and not words_given(tok)


def described_by(tok) -> bool:
    """ "Often criticized by conservatives, such laws keep pay rates higher": a passive participle opening
    the sentence describes its subject; the writer's main clause says what the sentence says."""
    return (
        tok.dep_ == "advcl"
        and tok.tag_ == "VBN"
        and tok.i < tok.head.i
        and not any(c.dep_ in ("aux", "auxpass", "nsubj", "nsubjpass", "mark") for c in tok.children)
    )


def press_subject(tok) -> bool:
    """ "Reports carried by local media said …", "Other reports characterized …": the unnamed press as the
    subject, as "according to media reports" (no outlet the reader can check)."""
    subj = speech.subject_of(tok) if tok.pos_ == "VERB" else None
    if subj is None or [c.lower_ for c in subj.children] in (["the"], ["these"], ["those"], ["both"]):
        return False  # "New reports by the CBO …. But the reports said …": reports named before
    return subj.tag_ == "NNS" and press.unnamed_source(subj)


def broke_the_news(tok) -> bool:
    """ "The deal was first reported by the Harbor Post": who broke the news of an event, in a passive
    with no clause of what they said (not "It was reported by X that …")."""
    if tok.lemma_.lower() not in ("report", "disclose", "reveal") or tok.tag_ != "VBN":
        return False
    kids = {c.dep_ for c in tok.children}
    # "… by a neighbor, who said smoke was rising": the agent's own words follow
    told = any(
        g.dep_ == "relcl" for a in tok.children if a.dep_ == "agent" for o in a.children for g in o.children
    )
    return (
        {"auxpass", "agent", "nsubjpass"} <= kids and not kids & {"ccomp", "xcomp", "parataxis"} and not told
    )


def backed_away(tok, quoted: bool) -> bool:
    """ "Trump has stepped back from comments he made about …": a noun cue that is what someone moved away
    from, with no words of its own (no clause, no quotation in the sentence)."""
    if tok.pos_ != "NOUN" or tok.head.dep_ != "prep" or tok.head.lower_ != "from" or quoted:
        return False
    return not any(c.dep_ in ("acl", "ccomp", "appos") for c in tok.children)


_INFERRING = vocab("suggest indicate signal imply")


def inference(tok) -> bool:
    """ "Sanders has rallied young voters to the polls, suggesting they will turn out again": what an act
    suggests is the writer's inference (not "He criticised the plan, suggesting …", a statement's)."""
    if tok.tag_ != "VBG" or tok.dep_ != "advcl" or tok.lemma_.lower() not in _INFERRING:
        return False
    head = tok.head
    said = head.lemma_.lower() in STATEMENT_VERBS | SPEECH_VERBS or idioms.idiom(head)
    return head.pos_ == "VERB" and not said


_OBLIGED = frozenset({"should", "must", "ought"})


def obliged(tok) -> bool:
    """ "If she wants more, she should say so", "The planners would have to work out whether …", "the IRS
    was to determine whether …", "The leaders will state what they need": what someone ought to say, will
    have to, or will say without the words yet, is not anything they said."""
    if any(c.dep_ == "aux" and c.lower_ in _OBLIGED for c in tok.children):
        return True
    if _will_tell_which(tok):
        return True
    head = tok.head
    return tok.dep_ == "xcomp" and head.lemma_.lower() in ("have", "need", "be") and speech.to_infinitive(tok)


def _will_tell_which(tok) -> bool:
    """ "will state what they need", "will decide whether …": a future telling whose content is a question."""
    if not any(c.dep_ == "aux" and c.lower_ in ("will", "'ll") for c in tok.children):
        return False
    clauses = [c for c in tok.children if c.dep_ == "ccomp"]
    return any(c.left_edge.tag_ in WH_TAGS or c.left_edge.lower_ in ("whether", "if") for c in clauses)
