"""The news line's word rules on a cue: whether a reported sentence gives the words someone said, or only
tells that they asked, wondered, found out, pleaded, stayed silent or meant to do something (narration to
a reader of news; PolNeAR counts most of them as attributions). `convention.is_act` asks
`words_withheld` before its learned act detector. Pure; spaCy tokens in, booleans out.
"""

from __future__ import annotations

from askisk.speakers import acts_told, clauses, cues, misparse, said_nothing, speech, views
from askisk.speakers.rules import (
    ATTITUDE_VERBS,
    COMMISSIVE_VERBS,
    DOCUMENT_NOUNS,
    MESSAGE_NOUNS,
    QUESTION_WORDS,
    SPEECH_VERBS,
    vocab,
)


def infinitive(tok) -> bool:
    """A to-infinitive complement ("agreed to pay"); not a clause the parser hung as one ("Campbell agreed
    receiving the honour capped off …")."""
    return tok.dep_ in ("xcomp", "ccomp") and speech.to_infinitive(tok)


# Aims and wishes: with only an infinitive after them ("hoped to turn", "wants the bill to pass") they
# tell what someone means to do; with a clause ("hopes that …") they hold a view.
WISH_VERBS = vocab("want wish hope decide choose opt")  # "he decided to follow in his father's footsteps"


def _intent(tok) -> bool:
    """ "Supporters hoped to turn the home into a museum", "the City wants its plot to be used for …": an
    aim or a wish with only a to-infinitive after it is what someone means to do, not what they said (a
    promise or a threat is said; "expects to" is a forecast). The caller has made sure nothing is quoted."""
    kids = list(tok.children)
    if tok.lemma_.lower() in WISH_VERBS and any(_done(c) for c in kids):
        return True  # "The group wants billboards taken down": a wish for a thing done
    if any(c.dep_ in ("dobj", "dative", "parataxis") for c in kids) or not any(infinitive(c) for c in kids):
        return False
    if speech.colon_after(tok):
        return False
    lemma = tok.lemma_.lower()
    if lemma in WISH_VERBS:
        return not any(c.dep_ == "mark" for k in kids for c in k.children)
    if lemma in COMMISSIVE_VERBS or lemma == "expect":
        return False
    return speech.infinitive_only(tok) and (lemma not in SPEECH_VERBS or lemma in ATTITUDE_VERBS)


def _done(clause) -> bool:
    """ "billboards taken down": a participle clause with no "that", the state a wish asks for."""
    return (
        clause.dep_ in ("ccomp", "oprd")
        and clause.tag_ == "VBN"
        and not any(c.dep_ == "mark" for c in clause.children)
    )


# Knowing and finding out: "Steenburgen realized that she had to …", "Smith heard that the plant would
# close", "He learned around 75 people view his profile": the writer vouches for what was found out,
# nobody is quoted on it.
FACTIVE_VERBS = vocab("realize realise learn discover notice know hear")
# A question in someone's mind claims nothing: "The researchers wondered whether this threshold is …".
WONDER_VERBS = vocab("wonder")
# A choice still open: "is deciding whether to appeal", "is weighing whether to …".
DELIBERATING_VERBS = vocab("decide consider weigh debate ponder")
# A field or a body of work nobody names: "Neuroscience tells us that …", "existing research shows …",
# "a flurry of work in recent years shows …" (not "New research from the Royal Academy of Dance").
FIELD_NOUNS = vocab("research science neuroscience history experience work literature")
# Acts that stand for a statement made elsewhere, given without it: "Volker testified", "Noel pleaded not
# guilty" (with a clause or a quotation they are statements, and never judged).
WITNESS_VERBS = vocab("testify plead")
# Acts the cue models take for statements when they carry no words: "Steve Jobs showed off the new
# machine", "The North East showed the highest rate", "the second are voted for by readers".
DOING_VERBS = vocab("show vote")
# Questions put about a topic: "Castor asked Morrison about concerns within the NSC", "Republicans
# questioned Morrison about his testimony": what was asked is not given, so nothing is reported.
QUESTION_VERBS = vocab("ask question quiz grill")
# Not commenting: "X has not commented on speculation that …", "did not respond", "have not publicly
# acknowledged any connection", "state media has not yet reported on it" (with no words given).
SILENT_VERBS = vocab("comment respond reply speak acknowledge confirm report speculate")


# What someone could not do: "CNN cannot independently confirm that …", "has not been able to verify …",
# "was unable to confirm …" (that it could not be checked is the writer's account), and astonishment,
# "Mendes could not believe the 'goal' was not given": nothing was said.
INABILITY_VERBS = vocab("confirm verify believe determine")


def _could_not(tok) -> bool:
    if tok.lemma_.lower() not in INABILITY_VERBS:
        return False
    kids = list(tok.children)
    modal = any(c.dep_ == "aux" and c.lemma_.lower() in ("can", "could") for c in kids)
    if modal and any(c.dep_ == "neg" for c in kids):
        return True
    head = tok.head
    able = tok.dep_ == "xcomp" and head.lemma_.lower() in ("able", "unable")
    return able and (head.lower_ == "unable" or any(c.dep_ == "neg" for c in head.head.children))


def _unnamed_field(tok) -> bool:
    subj = cues.subject_of(tok) if tok.pos_ in ("VERB", "AUX") else None
    if subj is None or subj.pos_ != "NOUN" or subj.lemma_.lower() not in FIELD_NOUNS:
        return False
    if any(c.dep_ == "amod" and c.lower_ in _NEW for c in subj.children):
        return False  # "…, new research says": a study just out, one that speaks
    return not any(t.pos_ == "PROPN" for t in subj.subtree)


_NEW = frozenset({"new", "recent", "latest", "fresh"})


TOPIC_VERBS = vocab("report talk")
# "was talking water bottles on Twitter": on a venue, not a topic
_TOPIC_PREPS = {"talk": ("about",), "report": ("about", "on")}


def _topic_only(tok, feats: list[str]) -> bool:
    """A question verb with only what it was about: no clause, quotation or colon carries the question."""
    if "qshare=0" not in feats or "colon" in feats or "set_off" in feats:
        return False
    kids = list(tok.children)
    if any(c.dep_ in ("ccomp", "xcomp", "parataxis") for c in kids):
        return False
    topic = _TOPIC_PREPS.get(tok.lemma_.lower(), ("about", "on", "over"))
    return any(c.dep_ == "prep" and c.lower_ in topic for c in kids)


# what a sentence gives of the words said (a comma before the cue is not among them: it may close an
# apposition, "Kurt Volker, former special envoy to Kyiv, … testified")
_WORDS_GIVEN = frozenset({"c=ccomp", "c=parataxis", "that", "colon"})


def _plea_or_testimony(tok, feats: list[str]) -> bool:
    """ "Noel and Thomas pleaded not guilty", "Volker testified before the House": no words given (not
    "the doctors pleaded with the administration to reconsider", an appeal)."""
    if "qshare=0" not in feats or _WORDS_GIVEN.intersection(feats):
        return False
    return tok.lemma_ == "testify" or any(t.lower_ in ("guilty", "innocent") for t in tok.subtree)


ORDER_VERBS = vocab("order instruct direct command request")


def is_request(tok) -> bool:
    """ "asked the FBI to help", "invited him to attend", "asked scientists for images": someone asked to do
    or give something, no words given."""
    kids = list(tok.children)
    # "had asked scientists for interesting images": a thing asked for
    wanted = any(g.dep_ == "pobj" for c in kids if c.dep_ == "prep" and c.lower_ == "for" for g in c.children)
    # "asking the watchdog overseeing the rules to stop the calls": the parser hangs the infinitive inside
    to_do = [c for c in kids if c.dep_ == "xcomp"] + [
        t for c in kids if c.dep_ == "dobj" for t in c.subtree if t.dep_ in ("xcomp", "advcl", "acl")
    ]
    asked_for = wanted and tok.lemma_.lower() == "ask"  # "The network asked for a restraining order."
    return (
        (any(c.dep_ == "dobj" for c in kids) or asked_for)
        and (any(speech.to_infinitive(c) for c in to_do) or wanted)
        and not any(c.dep_ in ("ccomp", "parataxis") for c in kids)
        # not "asked the court to free her son, saying he was innocent"
        and not any(t.dep_ == "advcl" and t.lemma_.lower() in SPEECH_VERBS for t in tok.subtree)
    )


def _order_only(tok, given: frozenset[str]) -> bool:
    """No words with the order: no "that" or colon, and any clause under it a to-infinitive (the parser
    makes "ordered the firm to pay" a clause)."""
    clauses = [c for c in tok.children if c.dep_ in ("ccomp", "parataxis")]
    return not given - {"c=ccomp"} and all(speech.to_infinitive(c) for c in clauses)


def _open_question(tok, clauses: tuple[str, ...] = ("ccomp",)) -> bool:
    """The clause under the cue leaves a question open ("whether he will sign it", "why he left"; with
    `clauses` ("xcomp", "ccomp"), a choice open too: "is deciding whether to appeal")."""
    return any(
        c.dep_ in clauses
        and (
            c.left_edge.lower_ in QUESTION_WORDS
            or any(g.dep_ == "mark" and g.lower_ in QUESTION_WORDS for g in c.children)
        )
        for c in tok.children
    )


def _message_with_content(tok) -> bool:
    """A message issued whose own clause says what it says: "issued a statement asking Iran to cooperate",
    "issued demands that any bill would have to …" (not "released a statement" alone)."""
    objects = [c for c in tok.children if c.dep_ == "dobj" and c.lemma_.lower() in _ISSUED]
    if any(g.dep_ in _CLAUSE_DEPS and g.pos_ in ("VERB", "AUX") for o in objects for g in o.children):
        return True
    # "released a report showing that costs rose": a document whose finding is given
    papers = [c for c in tok.children if c.dep_ == "dobj" and c.lemma_.lower() in DOCUMENT_NOUNS]
    clauses = [g for o in papers for g in o.children if g.dep_ == "acl" and g.pos_ == "VERB"]
    return any(m.dep_ == "ccomp" for g in clauses for m in g.children)


_ISSUED = MESSAGE_NOUNS | {"demand", "appeal", "plea", "ultimatum"}  # what is issued with its words
_NOTHING_YET = (said_nothing.not_yet, said_nothing.nothing_after, said_nothing.not_done)
_CLAUSE_DEPS = ("acl", "relcl", "ccomp")


def _work_written(tok) -> bool:
    """ "wrote freelance articles", "is writing a script": something written, with nothing of what it says
    (not "wrote a letter saying …", "wrote in a post that …", nor a message to someone: "wrote to him")."""
    kids = list(tok.children)
    objects = [c for c in kids if c.dep_ == "dobj"]
    if not objects or any(c.dep_ in ("dative", "ccomp", "parataxis") for c in kids):
        return False
    if any(c.dep_ == "prep" and c.lower_ == "to" for c in kids):
        return False
    return not any(g.dep_ in ("acl", "relcl", "ccomp", "appos") for o in objects for g in o.children)


def _spoke_something(tok) -> bool:
    """ "spoke out against the plan", "spoke of his fear that …", "spoke of … how the fight for justice
    flowed …": a stance or a claim in what follows."""
    if any(t.dep_ == "prep" and t.lower_ == "as" for t in tok.subtree):
        return True  # "spoke of public schools as commodities": a view of them
    return any(c.dep_ == "prt" for c in tok.children) or any(
        t.dep_ in ("acl", "ccomp", "pcomp", "conj")
        and t.pos_ in ("VERB", "AUX")
        and (any(m.dep_ == "mark" for m in t.children) or t.left_edge.lower_ in QUESTION_WORDS)
        for t in tok.subtree
        if t.i != tok.i
    )


_REFUSING = vocab("decline refuse")
_TELLING = vocab(
    "say comment disclose reveal discuss specify elaborate confirm name identify answer detail speak talk"
)
_ASKED = vocab("request invitation interview comment")  # "declined comment Saturday"


def declined(tok) -> bool:
    """ "Nowak declined to say what he paid", "refused to comment", "declined a request for an interview",
    "declined comment": what was not said."""
    return tok.lemma_.lower() in _REFUSING and any(
        c.dep_ == "xcomp" and c.lemma_ in _TELLING or c.dep_ == "dobj" and c.lemma_ in _ASKED
        for c in tok.children
    )


def gives_no_words(verb) -> bool:
    """A refusal ("declined to comment") or a stance told with "be" ("aides were skeptical of his motives"):
    nothing a paper that reports it relays as someone's words."""
    return declined(verb) or verb.lemma_.lower() == "be"


_SUBJECT = ("nsubj", "nsubjpass")


def _owned_act(noun) -> bool:
    """ "Mr Blair's refusal to accept …", not "his claim that …" (a noun cue with the words it conveys)."""
    if not any(c.dep_ == "poss" for c in noun.children):
        return False
    return not any(
        c.dep_ in ("acl", "ccomp", "appos") and c.left_edge.lower_ in ("that", ":") for c in noun.children
    )


def _aim(noun) -> bool:
    """A noun with what it aims at: "decision to recuse himself", "bid to overturn the vote"."""
    return any(c.dep_ == "acl" and speech.to_infinitive(c) for c in noun.children)


NAMING_VERBS = vocab("describe call dub label term brand characterize characterise")
_WISHING = vocab("want wish hope expect need like prefer")
_DECIDING = vocab("approve pass adopt decide")


def _in_passing(tok, lemma: str, feats: list[str]) -> bool:
    """Words told of in passing, none of them the sentence's: a name given inside a relative clause ("the
    rioters Greene describes as “political prisoners”"), words wished from someone ("want the government to
    declare a disaster"), a decision taken ("The House approved a bill …"), an act "in response to" it."""
    if tok.dep_ == "relcl" and lemma in NAMING_VERBS:
        return any(c.dep_ == "oprd" or c.dep_ == "prep" and c.lower_ == "as" for c in tok.children)
    head = tok.head
    if tok.dep_ in ("xcomp", "ccomp") and head.lemma_.lower() in _WISHING and speech.to_infinitive(tok):
        return True
    if lemma in _DECIDING and "c=parataxis" not in feats and "colon" not in feats:
        # "approved a bill supporters say will …" (the parser's clause is the bill's); not "… that …",
        # nor "approved the plan, saying it was needed"
        kids = list(tok.children)
        said = [c for c in kids if c.dep_ == "advcl" and c.lemma_.lower() in SPEECH_VERBS]
        return not said and not any(m.lower_ == "that" for c in kids if c.dep_ == "ccomp" for m in c.children)
    return tok.lower_ == "response" and head.lower_ == "in"


def words_withheld(tok, lemma: str, feats: list[str]) -> bool | None:
    """The news line's word rules on the cue token: True (narration), False (a statement) or None (the
    act detector decides)."""
    if lemma == "quote" and misparse.quoted_as(tok) is not None:
        return False  # "Doherty was quoted calling Christie a “failed” governor": his words, given
    if _in_passing(tok, lemma, feats):
        return True
    if "qshare=0" in feats and (acts_told.wish(tok) or acts_told.plan(tok) or lemma == "vote"):
        return True
    if "qshare=0" in feats and any(f(tok) for f in (said_nothing.gave_nothing, *_NOTHING_YET)):
        return True  # "offered no support for his assertion that …", "have yet to identify", "X explains."
    # "Mr Blair's refusal to accept … means that …", "stood by his previous decision to recuse himself"
    if tok.pos_ == "NOUN" and "qshare=0" in feats and _owned_act(tok) and (tok.dep_ in _SUBJECT or _aim(tok)):
        return True
    if "qshare=0" in feats and any(c.dep_ == "aux" and c.lower_ in acts_told.GUESSING for c in tok.children):
        return True  # "people may see broadcasting … as …", "Americans can expect longer waits": a guess
    refusal = tok.head if tok.dep_ == "xcomp" and lemma in _TELLING else tok  # "to say" of "declined to say"
    if refusal.lemma_.lower() in _REFUSING and "qshare=0" in feats and declined(refusal):
        return True  # even where the parser hangs the sentence before it on the refusal as its clause
    if (lemma in QUESTION_VERBS or lemma in TOPIC_VERBS) and _topic_only(tok, feats):
        return True  # "state media last reported on Kim's whereabouts": what it was about, nothing said
    if "qshare=0" in feats and said_nothing.no_comment(tok):
        return True  # "A spokeswoman for the firm said it had no comment": nothing said
    if lemma in ("ask", "invite", "tell") and "qshare=0" in feats and is_request(tok):
        return True  # "police asked the FBI to help", "told the club to find a new home": a request, an event
    given = _WORDS_GIVEN.intersection(feats)
    if lemma in ORDER_VERBS and "qshare=0" in feats and _order_only(tok, given):
        return True  # "Holder ordered the investigation", "a judge ordered J&J to pay …": an order, an act
    if lemma in ("announce", "declare") and "qshare=0" in feats and "c=dobj" in feats and not given:
        return True  # "have announced the cancellation of all stops", "declared the event over": decided
    if lemma == "announce" and "qshare=0" in feats and not given and _thing_announced(tok):
        return True  # "New targets … have been announced by the lord chancellor": the same, as a passive
    if lemma == "speak" and "qshare=0" in feats and not given and not _spoke_something(tok):
        return True  # "President Barack Obama spoke on Saturday": that someone spoke, nothing of what
    if lemma == "concede" and "qshare=0" in feats and not given:
        return True  # "McSally conceded six days after the election": a race given up, nothing said
    if lemma == "conclude" and "qshare=0" in feats and "c=dobj" in feats and not given:
        return True  # "The envoy concluded her tour of the region": a thing ended, nothing found
    if lemma == "reject" and "qshare=0" in feats and not given and views.rejects_a_thing(tok):
        return True  # "Several states rejected the expansion": a decision, not an answer to a claim
    if lemma in DELIBERATING_VERBS and "qshare=0" in feats and _open_question(tok, ("xcomp", "ccomp")):
        return True  # "The IAAF is deciding whether to appeal": a choice not yet made, nothing claimed
    if lemma in WONDER_VERBS or _unnamed_field(tok) or _could_not(tok):
        return True
    if acts_told.naming(tok) or acts_told.vote(tok):
        return True
    if lemma in FACTIVE_VERBS and "p=VERB" in feats and "c=neg" not in feats:
        return True  # not "Sowers didn't know Patrick was coming but saw his visit as …"
    if (
        lemma in SILENT_VERBS
        and "c=neg" in feats
        and "qshare=0" in feats
        and not _WORDS_GIVEN.intersection(feats)
    ):
        return True  # "Bruce Jenner has not commented publicly on speculation that …": nothing said
    if (
        lemma in said_nothing.ISSUING
        and "qshare=0" in feats
        and not given
        and said_nothing.bare_statement(tok)
    ):
        return True  # "WikiLeaks issued its statement in a tweet": that it spoke, not what it said
    if lemma in said_nothing.UNSAID and "c=neg" in feats and "qshare=0" in feats:
        return True  # "The radio did not report that she had attended": what was not told
    if "c=neg" in feats and "qshare=0" in feats and _open_question(tok):
        return True  # "Gov. Gary Herbert, who has not said whether he will sign it": nothing said
    if "qshare=0" in feats and not given and acts_told.reaction_told(tok, lemma):
        return True  # "It has drawn criticism from environmental groups": a reaction, not its words
    if _message_with_content(tok):
        return False  # "Hollande released a statement condemning the attack": the statement's words, given
    if lemma in ("report", "say", "write", "note") and clauses.as_reported_by(tok):
        return False  # "As previously reported by Fox News, Comey …": what the sentence goes on to say
    if (lemma in COMMISSIVE_VERBS or lemma == "demand" and "c=xcomp" in feats) and "p=VERB" in feats:
        return False  # "Nigeria has vowed to liberate …", "demanded to see the files": a promise, a demand
    if lemma in WITNESS_VERBS and _plea_or_testimony(tok, feats):
        return True
    # "The latest poll shows Smith leading": what a document shows is its finding, not an act
    finding = lemma == "show" and "rk=document" in feats and "modal" not in feats  # not "would show"
    if lemma in DOING_VERBS and "qshare=0" in feats and not _WORDS_GIVEN.intersection(feats) and not finding:
        return True
    if lemma == "write" and "qshare=0" in feats and not given and _work_written(tok):
        return True  # "The teen wrote freelance articles for the website": work done, no words given
    if "qshare=0" in feats and _intent(tok):
        return True
    if "qshare=0" in feats and not given and said_nothing.nothing_said(tok, lemma):
        return True
    if tok.pos_ == "NOUN" and tok.dep_ == "dobj" and tok.head.lemma_ == "give" and "qshare=0" in feats:
        return not given  # "Edward Leigh was giving his reaction to a report": that he reacted, not how
    return None


def _thing_announced(verb) -> bool:
    """A passive "announce" whose subject is what was decided ("New targets … have been announced"), not
    "it was announced that …"."""
    subjects = [c for c in verb.children if c.dep_ == "nsubjpass"]
    return bool(subjects) and all(c.pos_ in ("NOUN", "PROPN") for c in subjects)
