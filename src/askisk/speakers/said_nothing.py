"""Verbs of saying that, in their sentence, say nothing: an object that is not words ("responded with
videos", "explained the logic behind the change"), nothing given ("said little", "offered no support"),
nothing said yet ("have yet to identify"), a name mentioned, an appeal that only pleases. The news line's
(`withheld.words_withheld` asks them). Pure; spaCy tokens in, booleans out.
"""

from __future__ import annotations

from askisk.speakers.phrases import np_tokens
from askisk.speakers.rules import MESSAGE_NOUNS, SPEECH_VERBS, STATEMENT_VERBS, WH_TAGS, vocab
from askisk.speakers.views import has_prep

_OFFERING = vocab("say tell offer give provide present disclose reveal share express")
_NONE = frozenset({"no", "few", "little"})


def gave_nothing(tok) -> bool:
    """ "The company had said little about the investigation", "offered no support for his assertion that
    …", "offered few specifics": that nothing was said (not "She has no illusions about Putin", a view)."""
    if tok.lemma_.lower() not in _OFFERING:
        return False
    objects = [c for c in tok.children if c.dep_ == "dobj"]
    return any(
        o.lower_ in ("little", "nothing") or any(d.lower_ in _NONE and d.i < o.i for d in o.children)
        for o in objects
    )


def not_done(tok) -> bool:
    """ "Lund has not promised to publish the audit", "the mayor has not yet endorsed anyone": a
    commitment or an act denied, with no clause of words (not "did not say that …"); not a rejection denied
    ("would not rule out a run", "didn't knock down the idea", "did not deny it": the door left open)."""
    kids = list(tok.children)
    negated = any(c.dep_ == "neg" for c in kids)
    rejecting = tok.lemma_.lower() in STATEMENT_VERBS or any(c.dep_ == "prt" for c in kids)
    return (
        negated
        and tok.pos_ == "VERB"
        and not rejecting
        and not any(c.dep_ in ("ccomp", "parataxis") for c in kids)
    )


def nothing_after(tok) -> bool:
    """ "WSJ's Lee Hawkins explains.": a verb of saying that ends its sentence with nothing after it, no
    words, no colon and no quotation (a video's caption), says nothing."""
    if tok.lemma_.lower() not in SPEECH_VERBS or tok.dep_ != "ROOT":
        return False
    if any(c.dep_ not in ("nsubj", "aux", "advmod", "punct") for c in tok.children):
        return False
    subject = next((c for c in tok.children if c.dep_ == "nsubj"), None)
    if subject is None or np_tokens(subject)[0].i != tok.sent.start:
        return False  # "The guards mocked …, the documents state.": the words come first
    rest = tok.doc[tok.i + 1 : tok.sent.end]
    return all(t.text == "." for t in rest) and not any(t.is_quote for t in tok.sent)


def not_yet(tok) -> bool:
    """ "Federal officials have yet to identify which projects would be affected": not said so far."""
    head = tok.head
    return tok.dep_ == "xcomp" and head.lemma_ == "have" and any(c.lower_ == "yet" for c in head.children)


# what is asked for when someone asks a favour, not a question: "asked forgiveness", "asked permission"
_FAVOURS = vocab("forgiveness permission help mercy clemency leniency patience pardon calm privacy")


# what one responds with that is words after all: "Trump has responded with attacks on Machado"
_VERBAL = vocab("attack criticism insult accusation denial joke praise threat jibe barb words")


_TARGETS = vocab(
    "base target position site facility camp compound depot airport convoy village town headquarters"
)


def _armed(attack) -> bool:
    """ "responded with attacks on militia bases that killed …": force, not words."""
    hit = {
        g.lemma_.lower() for c in attack.children if c.dep_ == "prep" and c.lower_ == "on" for g in c.children
    }
    killed = any(t.lemma_.lower() in ("kill", "wound", "destroy") for t in attack.subtree)
    return bool(hit & _TARGETS) or killed


def _a_guest(obj) -> bool:
    return obj.ent_type_ == "PERSON" or obj.lower_ in ("him", "her", "them", "us", "me", "visitors", "guests")


def _mentioned_words(tok, objects) -> bool:
    """What was mentioned says something: a clause, a deed proposed ("has mentioned refinancing student
    loans"), or words and what they show ("mentioned disparaging remarks … as examples of …")."""
    kids = list(tok.children)
    if any(c.dep_ in ("ccomp", "parataxis", "xcomp") for c in kids) or has_prep(tok, "as"):
        return True
    return any(o.left_edge.tag_ == "VBG" or o.lemma_.lower() in MESSAGE_NOUNS for o in objects)


def nothing_said(tok, lemma: str) -> bool:
    """A verb of saying whose object is not words: "Fans responded with teary Vine videos", "Ny explained
    the logic behind the change" (what was explained, not how), "That comment referred to the scheme",
    "MPs offered support for the bill", "the presenter asked forgiveness"."""
    kids = list(tok.children)
    objects = [c for c in kids if c.dep_ == "dobj"]
    if lemma in ("respond", "react", "reply") and not objects:
        means = [g for c in kids if c.dep_ == "prep" and c.lower_ == "with" for g in c.children]
        if not means:  # "The administration has already responded to the poisonings": that it did, not how
            return not any(c.dep_ in _SAYING_MORE for c in kids) and has_prep(tok, "to")
        return any(
            g.dep_ == "pobj" and (g.lemma_.lower() not in MESSAGE_NOUNS | _VERBAL or _armed(g)) for g in means
        )
    told = any(c.dep_ in _SAYING_MORE for c in kids)
    if lemma in ("deliver", "give") and not told and any(_speech_given(o) for o in objects):
        return True  # "delivered a scathing speech about the prospect of …": that she spoke, not what
    if lemma in _UTTERING and objects and not told and all(map(_only_named, objects)):
        return True  # "Kirk has said many controversial things", "offered his theory": of what, nothing
    if lemma == "welcome" and objects and not told and all(_a_guest(o) for o in objects):
        return True  # "Reyes spoke only to welcome Ortiz": a greeting, not a view of something
    if lemma == "mention" and objects and not _mentioned_words(tok, objects):
        return True  # "Barr did not mention Durkan", "barely mentioned the candidate": a topic
    if lemma == "appeal" and not any(
        c.dep_ in ("ccomp", "xcomp", "parataxis") or c.lower_ == "for" for c in kids
    ):
        return True  # "the idea could appeal to advocates": it may please them, it asks nothing
    if lemma == "explain" and len(objects) == 1 and objects[0].pos_ == "NOUN":
        obj = objects[0]
        return obj.lemma_.lower() not in MESSAGE_NOUNS and not any(c.lower_ == "as" for c in kids)
    if lemma == "refer":
        return _referred_only(tok, kids)
    if (
        lemma in ("report", "write")
        and not objects
        and not any(c.dep_ in ("ccomp", "parataxis") for c in kids)
    ):
        return has_prep(tok, "for")  # "also reports for the Ledger": a job, not words
    if lemma == "alert" and not any(c.dep_ in ("ccomp", "parataxis") for c in kids):
        return any(
            c.dep_ == "prep" and c.lower_ == "to" for c in kids
        )  # "alerted directors to irregularities"
    if lemma == "offer":  # "Members of Parliament offered resounding support for …": backing, like a vote
        return any(o.lemma_.lower() in ("support", "backing") for o in objects)
    return lemma == "ask" and any(o.lemma_.lower() in _FAVOURS for o in objects)


_SAYING_MORE = frozenset({"ccomp", "xcomp", "parataxis", "advcl", "dative"})
# words for what was said that say nothing of it without a clause or a topic after them
_BARE_MESSAGES = vocab("thing concern accusation theory view criticism complaint claim allegation remark")
# verbs whose object is the message itself (not "rejected the criticism", an answer; "made a point", one put)
_UTTERING = vocab("say voice reiterate repeat offer express air raise share restate echo")
_SHARES = vocab("many some all several most much few")


def _speech_given(obj) -> bool:
    kids = [c for c in obj.children if c.dep_ in ("acl", "relcl", "appos", "ccomp")]
    return obj.lemma_.lower() in _SPEECHES and not kids  # "a speech in which she said …" gives its words


_SPEECHES = vocab("speech address lecture sermon eulogy keynote talk")


def _only_named(obj) -> bool:
    """ "many controversial things", "similar concerns", "many of his accusations", "his theory": a message
    named and no more: no "about …", "that …", "of the deal" or clause of its own after it."""
    if obj.lemma_.lower() in _SHARES:
        obj = next((g for c in obj.children if c.lower_ == "of" for g in c.children if g.dep_ == "pobj"), obj)
    if obj.lemma_.lower() not in _BARE_MESSAGES or obj.tag_ not in ("NN", "NNS"):
        return False
    after = [c for c in obj.children if c.i > obj.i]
    return not any(c.dep_ in ("acl", "relcl", "appos", "ccomp") or _topic(c) for c in after)


def _topic(prep) -> bool:
    """ "about the plan", "over the cuts": what the message was about (not "over the course of the race")."""
    if prep.dep_ != "prep" or prep.lower_ not in _TOPICS:
        return False
    objects = [g for g in prep.children if g.dep_ == "pobj"]
    return not any(g.lemma_.lower() in _SPANS or g.ent_type_ == "DATE" for g in objects)


_TOPICS = vocab("about on over of against regarding to toward towards for with that concerning")
_SPANS = vocab("course period time span year month week day")


def _referred_only(tok, kids) -> bool:
    """ "The mayor was referring to a letter …" (the writer's gloss of what was meant), "referred the deal to
    the Justice Department" (a case handed on), "That comment referred to the scheme" (a message's topic;
    "ISIS referred to …" said something, and so did "referred to him as …")."""
    if tok.tag_ == "VBG" and any(c.lower_ in ("was", "is", "were") for c in kids) or handed_on(tok):
        return True
    if any(t.lower_ == "as" for t in tok.subtree):
        return False
    subj = next((c for c in kids if c.dep_ == "nsubj"), None)
    about = any(c.dep_ == "prep" and c.lower_ == "to" for c in kids)
    return about and subj is not None and subj.lemma_.lower() in MESSAGE_NOUNS


def handed_on(tok) -> bool:
    """ "referred the case to the Justice Department", "referred a reporter to his aides": something passed
    on to someone else, nothing said."""
    return tok.lemma_.lower() == "refer" and any(c.dep_ == "dobj" for c in tok.children)


# "The radio did not report that she had attended": what was not told
UNSAID = vocab("report remind vouch mention")


def no_comment(tok) -> bool:
    """ "A spokesman said the company had no comment": nothing said. Not when the clause says more ("told
    the Harbor Post that the line had not yet studied the figures and planned no immediate comment")."""
    return any(
        c.dep_ == "ccomp"
        and any(
            t.lemma_ == "comment" and t.head.i == c.i and any(d.lower_ == "no" for d in t.children)
            for t in c.children
        )
        and not any(k.dep_ == "conj" and k.pos_ in ("VERB", "AUX") for k in c.children)
        for c in tok.children
    )


ISSUING = vocab("issue write release publish")
_ISSUED_TEXTS = vocab("statement opinion letter article essay op-ed")


def bare_statement(tok) -> bool:
    """A statement issued or a text written with no words of it: none after "saying", only a question ("a
    statement explaining why the mayor chose the word", "wrote a dissenting opinion of her own")."""
    if any(c.dep_ == "advcl" for c in tok.children):
        return False  # "wrote an opinion, saying …"
    for obj in (c for c in tok.children if c.dep_ == "dobj" and c.lemma_.lower() in _ISSUED_TEXTS):
        told = []  # "a statement saying that …" / "a signing statement that …": its words
        for a in (c for c in obj.children if c.dep_ in ("acl", "relcl")):
            told += [k for k in a.children if k.dep_ == "ccomp"] or [a]
        return all(any(k.tag_ in WH_TAGS and k.lower_ != "that" for k in c.children) for c in told)
    return False


def issued_bare(noun) -> bool:
    """ "the two countries released a joint statement": the text issued, as a learned noun cue, with none of
    its words."""
    verb = noun.head
    return noun.dep_ == "dobj" and verb.lemma_.lower() in ISSUING and bare_statement(verb)


def nobody(subj, verb) -> bool:
    """ "No one is sure …", "No Republicans said …", "It's not certain that …": no one holding a view."""
    no = [c for c in subj.children if c.dep_ == "det" and c.lower_ == "no" and c.nbor().tag_ != "JJR"]
    if subj.lower_ == "nobody" or no:  # not "No fewer than ten senators said"
        return True
    return subj.lower_ == "it" and verb.lemma_.lower() == "be"  # an "it" standing for the clause after
