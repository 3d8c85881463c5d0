"""Acts that read like cues, each of them narration: the writer's own (a credit line, "X reported from
Paris"; an author's note, "X has covered economics since 2012"; the publication telling its own work, "will
update this post"), a call that is a telephone call or a name (`calls`) and a participle of opinion with
nobody holding it ("the territories, seen as pivotal parts of any future Palestinian state")."""

from __future__ import annotations

from askisk.speakers import animacy
from askisk.speakers.calls import participle as _participle
from askisk.speakers.calls import plain_call
from askisk.speakers.clauses import to_infinitive
from askisk.speakers.phrases import SELF_NOUNS
from askisk.speakers.rules import (
    OPINION_AS_VERBS,
    QUESTION_WORDS,
    QUOTE_TOKENS,
    SPEECH_VERBS,
    STANCE_ADJECTIVES,
    TRADE_NOUNS,
    vocab,
)
from askisk.speakers.speech import colon_after, says_something
from askisk.speakers.views import has_prep


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
    kids = [c for c in tok.children if not (c.dep_ == "ccomp" and _second_credit(c))]
    story = [c for c in kids if c.dep_ == "dobj" and _the_story(c)]  # "X wrote the story in Atlanta"
    kids = [c for c in kids if c not in story]
    if any(c.dep_ in ("ccomp", "xcomp", "parataxis", "dobj", "dative") for c in kids):
        return False
    if (inside is not None and _tags_quote(tok, inside)) or colon_after(tok):
        return False
    if any(c.dep_ == "prep" and c.lower_ == "from" for c in kids):
        return True
    near = [*kids, *(c for s in story for c in s.children)]
    places = [c for c in near if c.dep_ == "prep" and c.lower_ in ("in", "from")]
    if story and any(g.ent_type_ in ("GPE", "LOC", "FAC") for c in places for g in c.children):
        return True
    # "Laura Smith-Spark wrote and reported from London": the place is on the second verb
    return tok.lemma_.lower() in _CREDIT_VERBS and any(
        c.dep_ == "conj" and c.lemma_.lower() in _CREDIT_VERBS and is_credit(c, inside) for c in kids
    )


_CREDIT_VERBS = ("write", "report", "contribute")


def _the_story(obj) -> bool:
    return obj.lemma_.lower() in ("story", "report", "article") and any(
        c.dep_ == "det" and c.lower_ in ("the", "this") for c in obj.children
    )


def _tags_quote(tok, inside) -> bool:
    """A quotation next to the verb that it may be the tag of: not one that closed its own sentence before
    it ('… this present tragedy." Ryan Young reported from Madison.')."""
    doc = tok.doc
    before = [j for j in range(max(0, tok.i - 3), tok.i) if doc[j].text in QUOTE_TOKENS]
    ahead = range(tok.i + 1, min(len(doc), tok.i + 4))
    after = any(doc[j].text in QUOTE_TOKENS or inside[doc[j].idx] for j in ahead)
    return after or any(j == 0 or doc[j - 1].text not in (".", "?", "!") for j in before)


def _second_credit(tok) -> bool:
    """ "… reported from Baghdad and Laura Smith-Spark wrote in London": the second credit, which the parser
    hangs on the first as its clause: "wrote" or "reported" with only where it was done."""
    kids = list(tok.children)
    return (
        tok.lemma_.lower() in _CREDIT_VERBS
        and all(c.dep_ in ("nsubj", "prep", "punct", "cc", "advmod") for c in kids)
        and any(c.dep_ == "prep" and c.lower_ in ("from", "in") for c in kids)
    )


def unheld_opinion(tok) -> bool:
    """ "Israel seized the territories, seen as pivotal parts of any future Palestinian state": a participle
    of opinion with no subject, auxiliary or "by" agent says nobody's view (the parser may hang it on the
    main verb, whose subject did not say it)."""
    if tok.lemma_.lower() not in OPINION_AS_VERBS or not _participle(tok):
        return False  # not '"…," the patient described in the case report.': a cue the parser misread
    return has_prep(tok, "as")


def all_told(tok) -> bool:
    """ "All told, it's a neat narrative.": the idiom means "in all"; nobody told anything."""
    doc = tok.doc
    return (
        tok.lower_ == "told"
        and tok.i > 0
        and doc[tok.i - 1].lower_ == "all"
        and tok.i + 1 < len(doc)
        and doc[tok.i + 1].text == ","
    )


def time_will_tell(tok) -> bool:
    """ "Time will tell if this was a historic flight": the idiom means "we shall see"; nobody tells."""
    return tok.lemma_.lower() == "tell" and any(
        c.dep_ == "nsubj" and c.lower_ == "time" for c in tok.children
    )


def felt_state(tok) -> bool:
    """ "Lawmakers might feel compelled to cut spending", "she felt sad": "feel" with only how one felt is a
    state, not a view (a view has its clause: "she feels (that) the law is unfair")."""
    if tok.lemma_.lower() != "feel" or tok.pos_ != "VERB":
        return False
    kids = list(tok.children)
    if any(c.dep_ in ("ccomp", "parataxis") for c in kids):
        return False
    return any(c.dep_ in ("acomp", "oprd") or (c.dep_ == "xcomp" and c.tag_ in ("JJ", "VBN")) for c in kids)


def so_moved(tok) -> bool:
    """ "The judge was so incensed that she read her dissent from the bench": a feeling and what it led to,
    a result clause, not a view (not "so sure that the vote would pass", where the clause is what is held)."""
    if tok.tag_ not in ("JJ", "VBN") or tok.dep_ != "acomp":
        return False  # not "So he suggested …", a sentence's opening "so"
    so = any(c.dep_ == "advmod" and c.lower_ in ("so", "such") and c.i == tok.i - 1 for c in tok.children)
    result = any(c.dep_ in ("ccomp", "advcl") and c.i > tok.i for c in tok.children)
    return so and result and tok.lemma_.lower() not in STANCE_ADJECTIVES


_RULED_ON = vocab("case lawsuit suit appeal charge petition claim motion complaint indictment")


def court_ruling(tok) -> bool:
    """ "The Supreme Court dismissed that case", "a judge rejected the appeal": a ruling on a case or a
    filing is an act of the court, not a view (not "dismissed the claims as nonsense", with its "as")."""
    if tok.lemma_.lower() not in ("dismiss", "reject", "deny", "uphold") or has_prep(tok, "as"):
        return False
    objects = {c.lemma_.lower() for c in tok.children if c.dep_ == "dobj"} & _RULED_ON
    if objects and objects <= _ANSWERED and tok.lemma_.lower() in ("deny", "reject", "dismiss"):
        # "Moscow denies claims by Kiev", "He denied the charges", "dismissed claims that …": the accused
        # answers; a court rules
        return any(c.dep_ == "nsubj" and c.lemma_.lower() in _COURTS for c in tok.children)
    return bool(objects)


_ANSWERED = vocab("claim charge")
_COURTS = vocab("court judge justice jury panel tribunal magistrate")


def request_not_made(tok) -> bool:
    """ "Iraq has not asked the coalition to provide air cover": a request nobody made says nothing."""
    kids = list(tok.children)
    return (
        tok.lemma_.lower() in ("ask", "urge", "request", "invite")
        and any(c.dep_ == "neg" for c in kids)
        and any(c.dep_ == "xcomp" for c in kids)
        and not any(c.dep_ in ("ccomp", "parataxis") for c in kids)
    )


def allegiance(tok) -> bool:
    """ "Boko Haram pledged allegiance to ISIS": joining a side is an act, whatever verb swears it."""
    return tok.lemma_.lower() in ("pledge", "swear", "declare") and any(
        c.dep_ == "dobj" and c.lower_ in ("allegiance", "fealty", "loyalty") for c in tok.children
    )


def not_said(tok, inside) -> bool:
    """A verb that reads like a cue and says nothing: `plain_call`, `unheld_opinion`, `all_told`,
    `felt_state`, `so_moved`, `court_ruling`, `request_not_made`, `time_will_tell`, `allegiance`,
    `not_yet_done`, `titled`."""
    acts = (
        titled,
        unheld_opinion,
        all_told,
        felt_state,
        so_moved,
        court_ruling,
        request_not_made,
        time_will_tell,
        allegiance,
        not_yet_done,
    )
    return plain_call(tok, inside) or any(act(tok) for act in acts)


_NAMING = frozenset({"title", "titled", "entitle", "entitled", "subtitle", "subtitled"})


def titled(tok) -> bool:
    """'The mailer titled, "Fair Fares," drew no reply': a name given to a work, nobody's words."""
    return tok.lemma_.lower() in _NAMING or tok.lower_ in _NAMING


def not_yet_done(tok) -> bool:
    """ "have failed to foresee crises": a verb its subject did not carry out (and so no cue, whatever the
    convention; "has yet to explain why", a statement not yet made, is the news line's: `withheld`)."""
    return tok.dep_ == "xcomp" and tok.head.lemma_ == "fail"


def answer_withheld(tok, inside) -> bool:
    """ "Federal officials still haven't spelled out exactly how that will work", "did not say when": a
    negated cue whose clause is a question, with no quoted words, tells what was not said."""
    kids = list(tok.children)
    if not any(c.dep_ == "neg" for c in kids) or any(inside[t.idx] for t in tok.sent):
        return False
    clauses = [c for c in kids if c.dep_ in ("ccomp", "xcomp")]
    return any(
        t.lower_ in QUESTION_WORDS and t.i < c.i and t.i <= c.left_edge.i + 1
        for c in clauses
        for t in c.subtree
    )


_PUT_FORWARD = vocab("propose unveil introduce offer reveal")
_PROPOSALS = vocab(
    "measure plan bill amendment legislation budget resolution extension program programme scheme package "
    "reform tax cut rule regulation law deal compromise initiative agreement proposal"
)
_STORIES = vocab("story tale anecdote")
_DEALS = _PROPOSALS | vocab("deal terms settlement ceasefire truce accord treaty")


def _deal(obj) -> bool:
    """What is agreed on or to as an act: a deal, a measure, or a deed ("on extending the programs")."""
    return obj.dep_ == "pcomp" and obj.tag_ == "VBG" or obj.dep_ == "pobj" and obj.lemma_.lower() in _DEALS


def _others_clause(t, top) -> bool:
    """`t` lies in a clause with a subject of its own below `top` ("…, while hundreds of hotel workers
    packed the chambers for a proposed ordinance")."""
    while t.i != top.i and t.head.i != t.i:
        if any(c.dep_ in ("nsubj", "nsubjpass") for c in t.children):
            return True
        t = t.head
    return False


def _version_of(obj):
    """ "offered a similar version of the amendment": the measure a version is of, else the object."""
    if obj.lemma_ != "version":
        return obj
    return next((g for p in obj.children if p.lower_ == "of" for g in p.children if g.dep_ == "pobj"), obj)


def _put_forward(tok, kids) -> bool:
    """A measure or a deed proposed ("proposed a plan", "proposed boosting the minimum wage"), not a demand
    voiced beside it ("… proposing a 5 percent cut …, while at the same time calling for a boost")."""
    voiced = any(
        t.pos_ == "VERB"
        and t.dep_ != "amod"
        and (t.lemma_.lower() in SPEECH_VERBS or t.lemma_.lower() == "call" and has_prep(t, "for"))
        and not _others_clause(t, tok)
        for t in tok.subtree
        if t.i > tok.i
    )
    if voiced or any(c.dep_ in ("ccomp", "parataxis") for c in kids):
        return False
    objects = [_version_of(c) for c in kids if c.dep_ == "dobj"]
    objects += [a for o in objects for a in o.children if a.dep_ == "appos"]  # "“X,” an initiative"
    return any(o.lemma_.lower() in _PROPOSALS for o in objects) or any(
        c.dep_ == "xcomp" and c.tag_ == "VBG" for c in kids
    )


def news_act(tok, inside) -> bool:
    """Under the news convention, a cue's verb that tells an act, a case or a topic, not words:
    `answer_withheld`; "It is unusual for a president to comment …" (a case put); "Mr. Trump declared a
    national emergency", "declared total dividends" (a thing declared, no clause); "proposed a plan" (a thing
    put forward); money pledged, people admitted, a deal agreed on, a story told; "China responded to Trump's
    tariffs by increasing tariffs" (answered by a deed); "Clinton repeatedly referenced Trump's most
    controversial moments" (a topic touched)."""
    if answer_withheld(tok, inside):
        return True
    if to_infinitive(tok) and any(c.dep_ == "mark" and c.lower_ == "for" for c in tok.children):
        return True
    lemma, kids = tok.lemma_.lower(), list(tok.children)
    quoted = {t.i for t in tok.sent if inside[t.idx]}
    # 'unveiled “Harbor Keepers,” an initiative …': the marks around the thing's name are not words
    named = {t.i for c in kids if c.dep_ == "dobj" for t in c.subtree}
    if lemma in _PUT_FORWARD and quoted <= named:  # "McConnell first proposed a measure to extend the act"
        return _put_forward(tok, kids)
    if quoted:
        return False
    if any(c.dep_ in ("ccomp", "parataxis", "oprd", "xcomp") for c in kids):
        return False
    if lemma in ("declare", "reference"):
        return any(c.dep_ == "dobj" and c.pos_ in ("NOUN", "PROPN") for c in kids)
    if lemma in ("pledge", "promise") and any(c.dep_ == "dobj" and c.ent_type_ == "MONEY" for c in kids):
        return True  # "about 850 donors had pledged more than $32,000": money given
    if lemma == "admit":  # "The United States admits more immigrants than any other country": let in
        return any(
            c.dep_ == "dobj" and c.tag_ == "NNS" and animacy.score(c.lemma_.lower()) >= 0.9 for c in kids
        )
    if lemma == "agree":  # "failed to agree on extending the programs": a deal made or not, no words
        return any(
            _deal(g) for c in kids if c.dep_ == "prep" and c.lower_ in ("on", "to") for g in c.children
        )
    if lemma == "tell":  # "Rubio told the story of his parents' emigration": a story's topic, not its words
        return any(c.dep_ == "dobj" and c.lemma_.lower() in _STORIES for c in kids)
    deeds = [g for c in kids if c.dep_ == "prep" and c.lower_ == "by" for g in c.children if g.tag_ == "VBG"]
    # not "responded by saying …", nor "by using the example of Chicago to prove that …"
    return lemma in ("respond", "react", "reply") and any(
        g.lemma_.lower() not in SPEECH_VERBS and not any(t.dep_ == "ccomp" for t in g.subtree) for g in deeds
    )
