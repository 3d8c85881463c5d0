"""Clauses that only set the scene for the writer's main clause: a speech verb inside one ("When he was
questioned by the FBI, he lied", "Despite Hough saying “…”, the pair earned 26/40", "if they do not
believe …") speaks for nobody under the news convention; nor does the writer's extraposed hedge ("it would be
safe to say that …")."""

from __future__ import annotations

from askisk.speakers.rules import (
    DEPICTION_VERBS,
    FRAMING_PREPS,
    QUOTE_TOKENS,
    SPEECH_VERBS,
    STATEMENT_VERBS,
    WH_TAGS,
    vocab,
)
from askisk.speakers.views import regarded_as

SUBORDINATORS = vocab("after while when because since before until once as if unless")
# only before the main clause ("Although the president has said …, the costs …"); after it, "though Dempsey
# noted there's no proof" adds a speaker's caveat as "but" would
_CONCESSIVE = vocab("although though whereas")
_SCENE_MARKS = vocab("after before since until once because when if unless")
# Frame the main clause only with a subject of their own ("…, with CNN reporting that …", "In what
# observers may see as defiance, Russia …"; not "involved with what lawmakers called fraud")
_ABSOLUTE_PREPS = frozenset({"with", "in"})


def in_framing_phrase(tok) -> bool:
    """ "Despite Hough saying, “…,” the pair earned 26/40": the "-ing" clause of a preposition that frames
    the main clause."""
    if tok.dep_ != "pcomp":
        return False
    prep = tok.head
    if prep.lower_ in _ABSOLUTE_PREPS:
        # "…, with state officials saying that a third of the piers were lost": after the main clause,
        # with a clause of its own, the news the sentence gives
        said = prep.lower_ == "with" and prep.i > prep.head.i and any(c.dep_ == "ccomp" for c in tok.children)
        return prep.head.dep_ == "ROOT" and any(c.dep_ == "nsubj" for c in tok.children) and not said
    return prep.lower_ in FRAMING_PREPS


def subordinate(tok) -> bool:
    """The cue sits in an adverbial clause of the writer's main clause; not "as analysts had predicted", an
    "as" clause that names the source of the main clause."""
    if _scene_read_as_words(tok):
        return True
    clause = tok
    while clause.dep_ != "ROOT" and clause.head.i != clause.i:
        if in_framing_phrase(clause) or _elided_when(clause):
            return True
        if clause.dep_ == "advcl" and _tag_before_quote(clause):
            return False
        if clause.dep_ == "advcl":
            # "when" opening a fronted clause is parsed as its adverb: "When he was questioned by the FBI, he
            # lied" (not "That's when she pointed to reports …", the sentence's point)
            marks = [
                c.lower_
                for c in clause.children
                if c.dep_ == "mark"
                and not _opens_verbless(c, clause)
                or c.dep_ == "advmod"
                and c.i == clause.left_edge.i
                and c.lower_ == "when"
                and (clause.i < clause.head.i or not _is_the_point(clause.head))
            ]
            # no conjunction opens a to-infinitive: "used the days since to try to …" hung "since" on "try"
            # "That's because, he contends, …": the because-clause is what the sentence says
            point = marks[:1] == ["because"] and _is_the_point(clause.head)
            fronted = bool(marks) and marks[0] in _CONCESSIVE and clause.i < clause.head.i
            if marks and (marks[0] in SUBORDINATORS or fronted) and not to_infinitive(clause) and not point:
                # "as analysts had predicted", "as X put it": the source of the main clause
                deps = {c.dep_ for c in clause.children if not (c.dep_ == "dobj" and c.lower_ == "it")}
                own = clause.i == tok.i
                if own and marks[0] == "as" and _measure(clause):
                    return True  # "as good as the Clippers could have hoped": a measure, nobody's words
                return not (marks[0] == "as" and own and not deps & {"ccomp", "dobj", "auxpass", "conj"})
        clause = clause.head
    return False


def relative_clause(tok) -> bool:
    """ "…, a letter to Senate leader Mitch McConnell, who said last week he …", "United States Steel, which
    said it was restarting furnaces, …": the cue describes a noun of the writer's clause."""
    while tok.dep_ in ("conj", "xcomp") and tok.head.i != tok.i:
        tok = tok.head  # "…, which had prompted Trump to call for action": the relative clause's too
    # a relative word opens it (not "…, the firm's chief has told BBC News", a closing tag read as one)
    words = [*tok.children, *(g for c in tok.children if c.dep_ == "prep" for g in c.children)]
    # "The fare plan was panned by commuter groups, which said …": the judges' words, not a description
    judged = on_agent(tok)
    judges = judged is not None and judged.lemma_.lower() in STATEMENT_VERBS | _RESTATING
    return tok.dep_ == "relcl" and any(w.tag_ in WH_TAGS for w in words) and not judges


# "The figure was restated by Lund, who said …": a claim taken up is said again in the clause
_RESTATING = frozenset({"repeat", "restate", "reiterate", "echo"})


def bare_relative(tok) -> bool:
    """ "The question every rider seems to ask is whether …": a relative clause with no
    relative word, which the parser reads as a second subject right after its noun; it describes the noun."""
    host = tok
    while host.dep_ == "xcomp" and host.head.i != host.i:
        host = host.head
    if host.dep_ == "relcl" and host.i != tok.i and not any(c.tag_ in WH_TAGS for c in host.children):
        return True  # "The question every rider seems to be asking is …", parsed as such
    subjects = sorted((c for c in host.children if c.dep_ == "nsubj" and c.i < host.i), key=lambda c: c.i)
    if len(subjects) != 2 or subjects[0].pos_ != "NOUN":
        return False
    return subjects[1].left_edge.i == subjects[0].right_edge.i + 1


def on_agent(tok):
    """The passive verb whose "by" agent the relative clause `tok` describes ("was panned by commuter groups,
    which said …"), or None."""
    if tok.dep_ != "relcl" or tok.head.dep_ != "pobj" or tok.head.head.dep_ != "agent":
        return None
    return tok.head.head.head


def _opens_verbless(mark, clause) -> bool:
    """ "Responding to concerns …, while in office, Clinton says she wants …": the conjunction opens a phrase
    with no verb ("while in office"), closed by a comma before the clause's subject; the parser hung it on the
    clause after, which it does not subordinate."""
    subj = next((c for c in clause.children if c.dep_ == "nsubj"), None)
    if subj is None or not mark.i < subj.left_edge.i < clause.i:
        return False
    return any(t.text == "," for t in mark.doc[mark.i + 1 : subj.left_edge.i])


def _elided_when(clause) -> bool:
    """ "Trump laughed at the joke, and again when Smith made another joke …, saying …": a when-clause of the
    verb left out after "and", which the parser joins to the first verb as a clause of its own."""
    subj = next((c for c in clause.children if c.dep_ == "nsubj"), None)
    return (
        clause.dep_ == "conj"
        and subj is not None
        and any(
            c.dep_ == "advmod" and c.tag_ == "WRB" and c.lower_ == "when" and c.i < subj.i
            for c in clause.children
        )
    )


def to_infinitive(tok) -> bool:
    """A verb marked by "to" ("to warn others", "decision to reject")."""
    return any(c.dep_ == "aux" and c.lower_ == "to" for c in tok.children)


def _measure(clause) -> bool:
    """The second "as" of "as good as …", whichever word the parser hangs the clause on."""
    if clause.head.pos_ in ("ADJ", "ADV"):
        return True
    return any(
        t.lower_ == "as" and t.dep_ == "advmod" and t.head.pos_ in ("ADJ", "ADV") and t.i < clause.left_edge.i
        for t in clause.head.subtree
    )


def _is_the_point(head) -> bool:
    """ "That's when she pointed to reports …", "That's because the law only …": a "when" or "because"
    clause after "that is" is what the sentence says (not "he was unimpressed when told that …", which sets
    the scene)."""
    subj = next((c for c in head.children if c.dep_ == "nsubj"), None)
    return head.lemma_ == "be" and subj is not None and subj.lower_ in ("that", "this", "it", "which")


def bare_as(verb) -> bool:
    """ "as expected", "as once predicted": an as-clause with no subject or agent of its own names nobody."""
    kids = list(verb.children)
    return (
        verb.dep_ == "advcl"
        and any(c.dep_ == "mark" and c.lower_ == "as" for c in kids)
        and not any(c.dep_ in ("nsubj", "nsubjpass", "agent", "expl") for c in kids)
        and not to_infinitive(verb)  # "gone so far as to call X a liar": the one who goes does it
    )


def _scene_read_as_words(tok) -> bool:
    """ "His comments come after Dave Prentis … told the Daily Record that …": the parser makes the writer's
    clause ("His comments come") the words of the cue and leaves "after" without its object, right before
    the cue's subject; the cue is that clause's adverbial."""
    subjects = [c for c in tok.children if c.dep_ == "nsubj"]
    if not subjects:
        return False
    start = subjects[0].left_edge.i
    # "The city began votes, after a court ruled that …" with "after" left as the cue's own mark
    opened = any(m.dep_ == "mark" and m.i == start - 1 and m.lower_ in _SCENE_MARKS for m in tok.children)
    if opened and any(c.dep_ == "ccomp" and c.i < start for c in tok.children):
        return True
    return any(
        p.i == start - 1 and p.lower_ in SUBORDINATORS | {"following", "amid"} and not list(p.children)
        for c in tok.children
        if c.dep_ == "ccomp" and c.i < start
        for p in c.children
        if p.dep_ in ("prep", "mark")
    )


_TAG_VERBS = SPEECH_VERBS | vocab("tweet post")


def _tag_before_quote(clause) -> bool:
    """ "Before the vote on Monday, Lund tweeted, “We will not give up …": the parser hangs the
    quotation's verb over the tag and "Before" on the tag; the tag opens the quotation, the sentence's."""
    doc = clause.doc
    at = clause.i
    return (
        clause.lemma_.lower() in _TAG_VERBS
        and at + 2 < len(doc)
        and doc[at + 1].text in (",", ":")
        and doc[at + 2].text in QUOTE_TOKENS
        and clause.head.i > at + 2
    )


def raising_verb(tok) -> bool:
    """ "But he seemed to say that …": "seem" or "appear" over a speech verb; the speech verb is the cue (a
    learned cue "seemed" would leave the sentence to a verb the news line reads as no statement); so is the
    portrayal of "tried to portray Reyes as weak" and the attack of "continue to slam the bill". Also the
    participle under "seem": "Initial passage seems assured" is a state; nobody assures."""
    if tok.tag_ == "VBN" and any(
        c.dep_ == "aux" and c.lower_.startswith(("seem", "appear")) for c in tok.children
    ):
        return True  # the small model's lemma of an auxiliary "seems" is "seems"
    lemma = tok.lemma_.lower()
    over = [c for c in tok.children if c.dep_ == "xcomp" and c.lemma_.lower() in _OVER.get(lemma, ())]
    if lemma in ("try", "attempt", "seek"):
        # what was tried is a statement only with its words given: not "sought to counter his appeal"
        return any(regarded_as(c) or any(g.dep_ == "ccomp" for g in c.children) for c in over)
    return bool(over)


_OVER = {
    **dict.fromkeys(("seem", "appear"), SPEECH_VERBS),
    **dict.fromkeys(("try", "attempt", "seek"), SPEECH_VERBS | DEPICTION_VERBS),
    **dict.fromkeys(("continue", "begin", "start"), SPEECH_VERBS | STATEMENT_VERBS | DEPICTION_VERBS),
}


_HEDGE_VERBS = frozenset({"say", "tell", "note"})


def extraposed(verb) -> bool:
    """ "it would be safe to say that …", "it is too early to tell", "it is worth noting": the writer's hedge,
    "say", "tell" or "note" after an adjective whose subject is "it" (that "it" is the infinitive clause); no
    one is named as its speaker. Not a verb with a complement of its own ("it is easy to criticize the
    campaign", "difficult to predict how …": PolNeAR annotates those; 2 of 314 train articles)."""
    if verb.dep_ != "xcomp" or verb.lemma_.lower() not in _HEDGE_VERBS:
        return False
    head = verb.head
    adj = head if head.pos_ == "ADJ" else next((c for c in head.children if c.dep_ == "acomp"), None)
    if adj is None:
        return False
    be = head.head if adj is head and head.dep_ == "acomp" else head
    return any(c.dep_ == "nsubj" and c.lower_ == "it" for c in be.children)


def opens_as_subject(verb) -> bool:
    """ "That the vote ended so close let the council skip a recount": a clause opened by "that" or
    "whether" at the sentence's start is the subject of the verb after it (the small parser may make it the
    root): what the clause says is a fact spoken of, not words reported."""
    sent = verb.sent
    first = next((t for t in sent if not (t.is_punct or t.is_quote)), None)
    mark = next((c for c in verb.children if c.dep_ == "mark"), None)
    return mark is not None and first is not None and mark.i == first.i and mark.lower_ in ("that", "whether")


_LINKING = frozenset({"look", "seem", "appear", "sound", "remain", "become", "prove", "feel"})


def linking_complement(tok) -> bool:
    """ "the figures don't look promising for the ferry": a participle after a linking verb is an adjective
    (no one promises); not the progressive "is promising that …"."""
    return tok.tag_ == "VBG" and tok.dep_ in ("xcomp", "acomp") and tok.head.lemma_.lower() in _LINKING


def as_reported_by(verb) -> bool:
    """ "As previously reported by Fox News, …": a passive "as" clause opening the sentence, with its agent,
    vouches for the main clause."""
    kids = list(verb.children)
    return (
        verb.tag_ == "VBN"
        and verb.dep_ == "advcl"
        and verb.i < verb.head.i
        and any(c.dep_ == "mark" and c.lower_ == "as" for c in kids)
        and any(c.dep_ == "agent" for c in kids)
    )
