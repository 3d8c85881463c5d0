"""A view held, read from the parse without a verb of saying: a stance adjective with its clause ("The
union is adamant (that) …", "Christie was critical of those decisions"), the one to whom a fact became
evident ("it has become clear to researchers that …"), "as X put it" and "in her view". Pure functions over
spaCy tokens.
"""

from __future__ import annotations

from askisk.speakers.rules import DOUBT_ADJECTIVES, STANCE_ADJECTIVES, VIEW_NOUNS, vocab


def has_prep(tok, word: str) -> bool:
    return any(c.dep_ == "prep" and c.lower_ == word for c in tok.children)


def regarded_as(tok) -> bool:
    """ "Investors saw the move as a sign of weakness", and "Economists see next week's report as key", where
    the parser hangs the "as" on the object, or "is considered a risk by …": a view of something."""
    kids = list(tok.children)
    # "is considered an extremist group by the center": what it is held to be, in a passive
    held = any(c.dep_ == "oprd" for c in kids) and any(c.dep_ == "auxpass" for c in kids)
    return held or has_prep(tok, "as") or any(c.dep_ == "dobj" and has_prep(c, "as") for c in kids)


# "was critical / dismissive / supportive / sceptical of …": a judgment voiced
_JUDGING_OF = frozenset({"critical", "dismissive", "supportive", "skeptical", "sceptical", "scornful"})


def stance(tok) -> bool:
    """ "The union is adamant (that) metadata must be exempted", "The council is concerned the laws would
    …": "be" with a stance adjective, or a stance participle after "is", that has a clause of its own (or a
    judging one with "about": "some farmers are sceptical about the proposals")."""
    if tok.lemma_.lower() == "be":
        if any(c.dep_ == "acomp" and c.lower_ in _JUDGING_OF and has_prep(c, "of") for c in tok.children):
            return True  # "Christie was critical of those decisions": a criticism made
        adjs = [c for c in tok.children if c.dep_ == "acomp" and c.lower_ in STANCE_ADJECTIVES]
        if any(a.lower_ in DOUBT_ADJECTIVES and has_prep(a, "about") for a in adjs):
            return True  # "some farmers are sceptical about the proposals": a view held of it
        return any(c.dep_ == "ccomp" for a in adjs for c in (*a.children, *tok.children))
    passive = any(c.dep_ == "auxpass" for c in tok.children)
    return passive and tok.lower_ in STANCE_ADJECTIVES and any(c.dep_ == "ccomp" for c in tok.children)


def experiencer(tok):
    """ "it has become clear to researchers that …", "it was obvious to the judge that …": the one to whom
    a fact became evident holds the view (a "to" object of an evidence adjective after an expletive "it",
    with a that-clause after it), or None."""
    kids = list(tok.children)
    if tok.lemma_.lower() not in _LINKING or not any(c.dep_ == "nsubj" and c.lower_ == "it" for c in kids):
        return None
    for adj in (c for c in kids if c.dep_ == "acomp" and c.lower_ in _EVIDENT):
        for who in (g for c in adj.children if c.dep_ == "prep" and c.lower_ == "to" for g in c.children):
            if who.dep_ == "pobj" and any(t.dep_ == "mark" and t.lower_ == "that" for t in who.doc[who.i :]):
                return who
    return None


_LINKING = frozenset({"be", "become", "seem", "appear"})
_EVIDENT = frozenset({"clear", "clearer", "obvious", "evident", "apparent", "plain"})


def put_it(tok, kids) -> bool:
    """ "As Steven Rosenthal … recently put it, “…”", '"…," was how Boehner put it in mid-September': "as X
    put it" words a statement ("as he put it on the table" does not)."""
    how = tok.dep_ == "ccomp" and tok.head.lemma_ == "be" and any(c.lower_ == "how" for c in kids)
    return (
        tok.lemma_.lower() == "put"
        and not any(c.dep_ in ("prt", "dative", "advcl") or c.dep_ == "prep" and not how for c in kids)
        and any(c.dep_ == "dobj" and c.lower_ == "it" for c in kids)
        and (how or any(c.dep_ == "mark" and c.lower_ == "as" for c in kids))
    )


# A claim answered: "Moscow denies claims by Kiev that …", "She rejected the allegations": a denial is a
# statement, its object names what was said ("IS-K claimed responsibility for the attack" stays an act,
# as the seed's annotation reads it)
_ANSWER_VERBS = frozenset({"deny", "dispute", "reject", "refute", "rebut"})
_CLAIM_OBJECTS = vocab(
    "claim claims allegation allegations accusation accusations charge charges report reports suggestion "
    "suggestions rumour rumours rumor rumors assertion assertions wrongdoing"
)


# what can be rejected as wrong, said or argued: "rejected the notion that …", "rejected this"
_VIEW_OBJECTS = _CLAIM_OBJECTS | vocab(
    "notion argument arguments idea ideas premise contention characterization comparison comparisons "
    "criticism criticisms view views account version description label interpretation conclusion conclusions "
    "finding findings analysis theory assessment portrayal narrative"
)


def rejects_a_thing(tok) -> bool:
    """ "Several states rejected the expansion", "rejected asylum applications": a decision on a thing, not
    an answer to what someone said (nor "rejected the notion that …", "rejected this")."""
    objects = [c for c in tok.children if c.dep_ == "dobj"]
    return bool(objects) and all(
        o.pos_ in ("NOUN", "PROPN", "VERB") and o.lower_ not in _VIEW_OBJECTS for o in objects
    )


def answers_claim(tok, kids) -> bool:
    return tok.lemma_.lower() in _ANSWER_VERBS and any(
        c.dep_ == "dobj" and c.lower_ in _CLAIM_OBJECTS for c in kids
    )


def in_view(tok):
    """ "in her view", "in Smith's opinion", "in the words of X": (possessor or "of" object, noun) or None."""
    for obj in (c for c in tok.children if c.dep_ == "pobj" and c.lemma_.lower() in VIEW_NOUNS):
        if obj.lemma_.lower() == "word" and not _words_set_off(obj):
            continue  # "faith in Obama's word:", "saw it in X's blank stare and robotic words of …"
        poss = [c for c in obj.children if c.dep_ == "poss"]
        poss += [g for c in obj.children if c.dep_ == "prep" and c.lower_ == "of" for g in c.children]
        poss = [c for c in poss if c.dep_ in ("poss", "pobj")]
        if poss:
            return poss[0], obj
    return None


_HOLDER_TAGS = frozenset({"NNP", "NNPS", "NNS"})
_PERSONAL = frozenset({"i", "we", "he", "she", "they", "you"})


def to_whom(tok):
    """ "To the four dissenters, that meant …", "To Lund and Hale, that would be …": a sentence that opens
    with "To" and people, then a comma and a clause whose subject is no person, gives their view (not "To
    date, …", "To Democrats' dismay, …", nor "To voters, she promised …", where the clause has a speaker)."""
    if tok.lower_ != "to":  # asked of every token a cue is looked for in: the cheap test first
        return None
    doc = tok.doc
    start = tok.sent.start + (1 if doc[tok.sent.start].lower_ in ("but", "and") else 0)
    if tok.i != start:
        return None
    holder = next((c for c in tok.children if c.dep_ == "pobj"), None)
    if holder is None or holder.tag_ not in _HOLDER_TAGS:
        return None
    if not any(t.text == "," for t in doc[holder.i + 1 : tok.sent.end]):
        return None
    root = tok.sent.root
    subjects = [c for c in root.children if c.dep_ in ("nsubj", "nsubjpass")] if root is not tok else []
    if any(c.lower_ in _PERSONAL or c.ent_type_ == "PERSON" for c in subjects):
        return None
    return holder


def _words_set_off(words) -> bool:
    """ "In Dr. X's words, …", "in the words of the patient: “…": plural "words" closed by a comma or a
    colon."""
    end = words.right_edge.i + 1
    return words.lower_ == "words" and end < len(words.doc) and words.doc[end].text in (",", ":")


_LEAD_INS = frozenset({"back", "up", "out", "in", "on", "again", "simply", "only", "then"})


def quote_introduced(tok) -> bool:
    """'Hillary shot back, "I suppose I could have …"', 'She smiled: "Thanks."': a finite verb with a
    subject and no object, followed only by a particle or an adverb, then a comma or colon and a quotation
    that runs to the sentence's end: the words are its subject's, whatever the verb (PolNeAR train)."""
    doc = tok.doc
    if tok.pos_ != "VERB" or tok.tag_ not in ("VBD", "VBZ", "VBP") or tok.dep_ in _SUBORDINATE:
        return False  # not 'a headline that hits liberals where they live: "…"'
    j = tok.i + 1
    while j < len(doc) and doc[j].lower_ in _LEAD_INS and doc[j].head.i == tok.i:
        j += 1
    if j + 1 >= len(doc) or doc[j].text not in (",", ":") or doc[j + 1].text not in _OPENING:
        return False
    kids = list(tok.children)  # a clause it takes is the quotation's ('shot back, "I suppose …"')
    if not any(c.dep_ == "nsubj" for c in kids) or any(
        c.dep_ in ("dobj", "attr") or c.dep_ == "ccomp" and c.i < j for c in kids
    ):
        return False
    end = doc[j].sent.end
    return any(t.text in _CLOSING for t in doc[max(j + 2, end - 3) : end])


_SUBORDINATE = frozenset({"relcl", "advcl", "acl", "xcomp", "pcomp", "csubj"})
_OPENING = frozenset({'"', "“", "``"})
_CLOSING = frozenset({'"', "”", "''"})


def quote_closed_by(tok) -> bool:
    """'"By that logic, we've all "seen" the beheadings first hand," pop culture site Complex cracked.': a
    finite main verb whose subject opens right after the closing mark of a quotation that opens the
    sentence (after its comma, ? or !), with only adverbs and phrases of time or place after it: the
    mirror of an inverted tag, the words are its subject's whatever the verb (news pages, session 52)."""
    doc = tok.doc
    if tok.pos_ != "VERB" or tok.tag_ not in ("VBD", "VBZ", "VBP") or tok.dep_ in _SUBORDINATE:
        return False
    # the nearer of two: '“You’re the boss, Mr. Rosenstein,” Jordan interrupted.' has the vocative as one
    subj = max(
        (c for c in tok.children if c.dep_ == "nsubj" and c.i < tok.i), key=lambda c: c.i, default=None
    )
    if subj is None or any(t.pos_ != "ADV" for t in doc[subj.right_edge.i + 1 : tok.i]):
        return False
    at = subj.left_edge.i
    while at < subj.i and doc[at].is_punct:
        at += 1  # the parser may hang the closing mark and its comma on the subject
    # not 'He called it "garbage," and the crowd laughed.': no quotation opens the sentence
    return _closes_opening_quotation(doc, at) and _circumstances_after(tok, tok.i)


def quote_inverted_by(tok):
    """'“…,” scoffed one veteran deckhand after the vote.': the mirror of `quote_closed_by`
    with the speaker after the verb (the parser may make it the verb's object): whatever the verb, the words
    of the quotation that opens the sentence are the speaker's. The speaker's token, else None."""
    doc = tok.doc
    if tok.pos_ != "VERB" or tok.tag_ not in ("VBD", "VBZ", "VBP") or tok.dep_ != "ROOT" or tok.i < 3:
        return None
    if not tok.is_alpha or not _closes_opening_quotation(doc, tok.i):
        return None  # not '…!" ― Julie Diaz': a signature's dash the parser may read as a verb
    who = next((c for c in tok.children if c.dep_ in ("nsubj", "dobj") and c.i > tok.i), None)
    if who is None or who.pos_ not in ("NOUN", "PROPN") or who.left_edge.i != tok.i + 1:
        return None
    return who if _circumstances_after(tok, who.right_edge.i) else None


def _closes_opening_quotation(doc, at: int) -> bool:
    """doc[at] comes right after the closing mark (and its comma, ? or !) of a quotation that opens the
    sentence."""
    if at < 3 or doc[at - 1].text not in _CLOSING or doc[at - 2].text[-1:] not in (",", "?", "!"):
        return False
    return any(doc[k].text in _OPENING and (k == 0 or doc[k - 1].text in _ENDS) for k in range(at - 2))


def _circumstances_after(verb, last: int) -> bool:
    """Nothing follows doc[last] to the sentence's end but the verb's adverbs and phrases of time or place."""
    doc = verb.doc
    after = {t.i for c in verb.children if c.i > last and c.dep_ in _CIRCUMSTANCE for t in c.subtree}
    rest = [t for t in doc[last + 1 :] if not t.is_space]
    stop = next((n for n, t in enumerate(rest) if t.text in _ENDS), len(rest))
    return all(t.i in after or t.is_punct for t in rest[:stop])


_ENDS = frozenset({".", "!", "?"})
_CIRCUMSTANCE = frozenset({"advmod", "npadvmod", "prep", "punct", "advcl"})  # "… after Treasury announced …"
