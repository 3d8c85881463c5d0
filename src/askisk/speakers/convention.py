"""Which attributions a reader of news counts: the line between a reported statement and a reported act.

PolNeAR (and PARC before it) annotates an act that conveys a position as an attribution: "WeWork declined
to comment", "Noel pleaded not guilty", "NASA plans to", "The video shows". A fact-checker reading a page
calls those narration and wants a speaker only where someone is reported as saying, writing, claiming or
believing something (the blind news golds' line, docs/attribution.md). The rules and the learned cue
detector follow PolNeAR, which they were measured and trained on; under the "news" convention a small
logistic model, trained on the hand-annotated news pages (`scripts/train_convention.py`), reads the cue of
each attributed sentence that is not a quotation and turns a reported act back into narration.

Two conventions: "news" (the default for every page a user adds, `attribute` and `check`) and "polnear"
(the corpus's own scheme: `askisk eval --attribution polnear` uses it unless told otherwise). Pure given
the shipped model; no I/O beyond its lazy load.
"""

from __future__ import annotations

import math
from functools import lru_cache
from importlib import resources

from askisk.speakers import act_shapes, animacy, cues, idioms, own_acts, press, speech, views
from askisk.speakers.clauses import relative_clause, subordinate
from askisk.speakers.documents import evidence_found, owner_of_figures, results_posted
from askisk.speakers.persons import calling
from askisk.speakers.rules import (
    CONCERN_VERBS,
    DOCUMENT_NOUNS,
    INSTRUMENT_NOUNS,
    OPINION_AS_VERBS,
    QUOTE_TOKENS,
    SPEECH_VERBS,
    STANCE_VERBS,
    STATEMENT_VERBS,
    learned_cues,
    vocab,
)
from askisk.speakers.withheld import MESSAGE_NOUNS, infinitive, words_withheld

DEFAULT_CONVENTION = "news"
MODEL_FILE = "data/convention_model.json"
# chosen on the news golds' leave-one-page-set-out predictions (scripts/train_convention.py)
ACT_AT = 0.5
_MODALS = frozenset({"could", "would", "may", "might", "will", "can", "should", "must", "'ll", "wo", "ca"})


def cue_token(doc, s: int, e: int, cue: str):
    """The token of sentence [s, e) that the cue words name: its verb, else its noun, else None."""
    words = set(cue.replace("’", "'").split())
    found = [t for t in doc if s <= t.idx < e and t.text.replace("’", "'") in words]
    for pos in (("VERB",), ("AUX",), ("NOUN",), ("ADP", "PROPN", "ADJ", "ADV", "PUNCT")):
        picked = [t for t in found if t.pos_ in pos and not speech.raising_verb(t)]  # "seemed to say"
        # the highest in the parse: "Harbour master Ellen Voss said" has "Harbour" read as a verb; of two as
        # high, not the one describing a noun ("hoisting signs condemning …": "condemning")
        if picked:  # "the Obama campaign statement" (pushed back in a statement saying …): the statement
            last = [t for t in picked if pos == ("NOUN",) and t.text == cue.split()[-1] and _written_in(t)]
            return min(last or picked, key=lambda t: (speech.depth(t), t.dep_ == "amod"))
    return None


def _written_in(noun) -> bool:
    return noun.dep_ == "pobj" and noun.head.lower_ in ("in", "through")


# speech verbs too rare in PolNeAR train for the act model, read as the common verb they mean
_LIKE = {"implore": "urge", "exhort": "urge", "beseech": "urge", "boast": "claim"}


def features(doc, s: int, e: int, inside, cue: str, record_kind: str) -> list[str]:
    """Feature strings of one attributed sentence's cue (the model's input; `inside`: quoted characters)."""
    tok = cue_token(doc, s, e, cue)
    out = [f"rk={record_kind}", f"words={min(len(cue.split()), 5)}"]
    text = doc.text[s:e]
    quoted = sum(1 for i in range(s, min(e, len(inside))) if inside[i])
    out.append(f"qshare={min(int(4 * quoted / max(1, e - s)), 3)}")
    if ":" in text:
        out.append("colon")
    if cue.startswith(("according to", "per ", "by ")):
        out.append("according")
    if tok is None:
        return [*out, "notok"]
    lemma = _LIKE.get(tok.lemma_.lower(), tok.lemma_.lower())
    kids = list(tok.children)
    deps = {c.dep_ for c in kids}
    out += [f"l={lemma}", f"p={tok.pos_}", f"t={tok.tag_}", f"d={tok.dep_}"]
    if _statement_rule(tok, lemma, kids):
        out.append("statement")
    after_comma = tok.i and doc[tok.i - 1].text == "," and not _after_subject(tok)
    if after_comma or _comma_after(tok) or _closes_sentence(tok):
        out.append("set_off")
    out += [f"c={d}" for d in sorted(deps & {"ccomp", "parataxis", "xcomp", "dobj", "prep", "agent", "neg"})]
    if any(c.dep_ == "mark" and c.lower_ in ("that", "whether", "if") for k in kids for c in k.children):
        out.append("that")
    elif any(_message_with_clause(o) for p in kids if p.dep_ == "prep" for o in p.children):
        out.append("that")  # "confirmed Wednesday night with a tweet that Hussain will not be hanged"
    for c in kids:
        if c.dep_ == "dobj":
            obj = c.lemma_.lower()
            out.append(
                "ob=msg" if obj in MESSAGE_NOUNS else "ob=doc" if obj in DOCUMENT_NOUNS else "ob=other"
            )
        elif c.dep_ == "xcomp":
            out.append(f"x={c.lemma_.lower()}" if c.lemma_.lower() in ("comment", "say", "be") else "x=other")
        elif c.dep_ in ("aux", "auxpass") and c.lower_ in _MODALS:
            out.append("modal")
        elif c.dep_ == "aux" and c.lemma_ == "be" and tok.tag_ == "VBG":
            out.append("progressive")
    out.append(
        "speech"
        if lemma in SPEECH_VERBS
        else "stance"
        if lemma in STANCE_VERBS
        else "learned"
        if tok.lower_ in learned_cues()
        else "other"
    )
    if cues.is_candidate(tok):  # how surely PolNeAR's detector reads it as a cue
        out.append(f"cm={min(int(cues.cue_model().score(tok, inside) * 4), 3)}")
    rate = cues.cue_rate(lemma)
    out.append("rate=none" if rate is None else f"rate={min(int(rate * 4), 3)}")
    subj = cues.subject_of(tok) if tok.pos_ in ("VERB", "AUX") else None
    # "Figures gathered by X show": X's finding; "a number of commentators noted": the commentators
    subj = subj if subj is None else owner_of_figures(speech.quantity_head(subj))
    if subj is not None and subj.pos_ == "NOUN" and records(subj, lemma):
        out.append("instrument")
    if subj is not None:
        out.append(f"se={subj.ent_type_ or subj.pos_}")
        out.append(f"animate={animacy.can_speak(subj)}")
    out.append(
        f"nq={any(doc[j].text in QUOTE_TOKENS for j in range(max(0, tok.i - 3), min(len(doc), tok.i + 4)))}"
    )
    return out


def _message_with_clause(obj) -> bool:
    """ "with a tweet that Hussain will not be hanged": a message noun whose that-clause gives its words."""
    if obj.dep_ != "pobj" or obj.lemma_.lower() not in MESSAGE_NOUNS:
        return False
    clauses = [c for c in obj.children if c.dep_ in ("acl", "ccomp", "relcl")]
    return any(m.dep_ == "mark" and m.lower_ == "that" for c in clauses for m in c.children)


def _after_subject(tok) -> bool:
    """The comma before the cue closes its subject's aside ("Narasimhan, 55, issued the letter"): the verb
    is not set off."""
    return any(c.dep_ in ("nsubj", "nsubjpass") and c.i < tok.i <= c.right_edge.i + 1 for c in tok.children)


def _closes_sentence(tok) -> bool:
    """ "…, but fewer than a third would have bought one, the institute estimated at the time.":
    a verb whose subject follows a comma and whose clause before it is what it gives, with nothing after
    it but when and where, closes the sentence as ", he said" does."""
    subj = next((c for c in tok.children if c.dep_ == "nsubj"), None)
    if subj is None or subj.i < 2 or tok.doc[subj.left_edge.i - 1].text != ",":
        return False
    given = [c for c in tok.children if c.dep_ in ("advcl", "ccomp", "parataxis") and c.i < subj.left_edge.i]
    after = [c for c in tok.children if c.i > tok.i and c.dep_ not in ("prep", "npadvmod", "advmod", "punct")]
    return bool(given) and not after


def _comma_after(tok) -> bool:
    return tok.i + 1 < len(tok.doc) and tok.doc[tok.i + 1].text == ","


_STRESSING = vocab("highlight stress emphasize emphasise underscore underline demand")


def _statement_rule(tok, lemma: str, kids) -> bool:
    """A cue the hand-written rules know as a statement or a view, not as a learned verb: "see X as Y",
    "as X put it", "called for", "is adamant that", "raised concerns", "drew criticism from X"."""
    if lemma == "agree" and any(infinitive(c) or c.dep_ == "prep" and c.lower_ == "to" for c in kids):
        return False  # "agreed to pay a fine", "agreed to a rescue": a deal made, not a view held
    if lemma in STATEMENT_VERBS or lemma in STANCE_VERBS or lemma in CONCERN_VERBS:
        return True
    if (
        speech.stance(tok)
        or speech.experiencer(tok) is not None
        or speech.put_it(tok, kids)
        or cues.is_reaction(tok)
    ):
        return True
    if lemma in OPINION_AS_VERBS and views.regarded_as(tok):
        return True
    if any(c.dep_ == "dobj" and c.lower_ in cues.POSITION_OBJECTS for c in kids):
        return True  # "has no illusions about the cost": a position held
    if lemma == "encourage" and any(infinitive(c) for c in kids):
        return True  # "Trump encouraged police officers to treat suspects violently": urging
    if lemma in _STRESSING:
        return True  # "Ross highlighted Bush's use of the veto", "Iran has demanded a lifting of sanctions"
    if lemma in _DELIVERING and any(o.lemma_.lower() in _VOICED for o in _objects(kids)):
        return True  # "offered one of his firmest defences yet of the law": a defence voiced
    if lemma == "confirm" and any(c.dep_ in ("dobj", "ccomp") for c in kids):
        return True  # "The navy confirmed the raid on Friday": that it happened, on its word
    return idioms.idiom(tok)


_DELIVERING = vocab("offer give deliver mount issue")
_VOICED = vocab("defense defence apology explanation assessment critique rebuttal endorsement")


def _objects(kids) -> list:
    """The verb's objects, and the noun of "one of X": "offered one of his firmest defences"."""
    objs = [c for c in kids if c.dep_ == "dobj"]
    return objs + [
        g for o in objs for p in o.children if p.lower_ == "of" for g in p.children if g.dep_ == "pobj"
    ]


@lru_cache(maxsize=1)
def _model() -> cues.CueModel | None:
    path = resources.files("askisk.speakers").joinpath(MODEL_FILE)
    if not path.is_file():
        return None
    return cues.load_model(path.read_text(encoding="utf-8"))


def act_score(feats: list[str]) -> float:
    """P(a news reader calls this sentence narration), 0.0 without the model."""
    model = _model()
    if model is None:
        return 0.0
    z = model.bias + sum(model.weights.get(f, 0.0) for f in feats)
    return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))


# Verbs of inference: what they say of an unlisted thing is the writer's reading of it ("The groupings
# suggest that whole families were buried together"); of a person, a document or a body, a claim. ("Another
# slide shows", "the average of polls shows" are left to the act detector: PolNeAR attributes them.)
INFERENCE_VERBS = vocab("suggest indicate imply")


def records(subj, lemma: str) -> bool:
    """The subject records or measures rather than speaks: "the video shows", "the groupings suggest"."""
    if subj.lemma_.lower() in INSTRUMENT_NOUNS:
        return animacy.instrument(subj)  # not "a senior government figure has warned"
    if lemma not in INFERENCE_VERBS or subj.ent_type_ or animacy.listed(subj) or calling(subj):
        return False
    # "The head of Sony Pictures Television indicated …": of a body, a person's title
    return not any(c.dep_ == "prep" and c.lower_ == "of" for c in subj.children)


_STILL_IMAGES = vocab(
    "photo photos photograph photographs picture pictures image images scan scans x-ray x-rays"
)
_CONTENT = frozenset({"c=ccomp", "c=parataxis", "that", "set_off", "colon", "statement"})


def judged(feats: list[str]) -> bool:
    """Whether the detector may judge a cue at all: a verb that is not a verb of saying or of a view, with
    no clause, no quotation and no colon to carry what was said, not set off by commas (", he said,").
    A label ("Lopez: …"), "in her view", "according to" and noun cues ("his claim that …") name words."""
    if "p=VERB" not in feats and "p=AUX" not in feats or "qshare=0" not in feats:
        return False
    return not _CONTENT.intersection(feats) and not any(
        f[2:] in STATEMENT_VERBS for f in feats if f[:2] == "l="
    )


def _unnamed_press(tok) -> bool:
    prep = cues.according_to(tok)
    objs = [c for c in prep.children if c.dep_ == "pobj"] if prep is not None else []
    return bool(objs) and press.unnamed_press(objs[0])


def framed(doc, s: int, e: int, cue: str) -> bool:
    """The cue sits in a clause that frames the writer's main clause ("After Smith said “…”, the crowd
    left"): under the news convention nobody speaks the sentence, quotation or not."""
    tok = cue_token(doc, s, e, cue)
    return tok is not None and tok.pos_ in ("VERB", "AUX") and (subordinate(tok) or free_relative(tok))


def free_relative(tok) -> bool:
    """ "left what geophysicists say is the largest impact zone", "boasts what its website calls “…”": the
    cue names a thing inside the writer's clause (not "What he said was that …", a clause of its own)."""
    # "nothing compared to what police say they found inside": the "what" may be the object of the words
    return tok.dep_ in ("ccomp", "pcomp", "pobj") and (
        any(c.dep_ == "dobj" and c.lower_ == "what" for c in tok.children) or tok.left_edge.lower_ == "what"
    )


_AMID = frozenset({"amid", "amidst", "despite", "after", "following"})


def is_act(doc, s: int, e: int, inside, cue: str, record_kind: str) -> bool:
    """Under the news convention: a reported sentence whose cue reports an act, not a statement; whose
    subject is an instrument that records rather than speaks ("the video shows that …") or a field nobody
    names ("Neuroscience tells us"); or that reports what was found out, wondered, pleaded or testified,
    or asked only about a topic, without the words."""
    words = cue.lower().split()
    if words[:2] == ["according", "to"] and words[-1] in _STILL_IMAGES:
        return True  # "…, according to photos": a picture shows, it says nothing (a video may speak)
    feats = features(doc, s, e, inside, cue, record_kind)
    if "instrument" in feats and "statement" not in feats:
        return True
    tok = cue_token(doc, s, e, cue)
    if tok is not None and words[:2] == ["according", "to"] and _unnamed_press(tok):
        return True  # "…, according to Israeli media": no outlet the reader can check
    if tok is not None and (act_shapes.press_subject(tok) or act_shapes.broke_the_news(tok)):
        return True  # "Reports carried by local media said …"; "The story was first reported by X"
    if tok is not None and act_shapes.backed_away(tok, any(inside[s:e])):
        return True  # "has stepped back from comments he made …"
    if (
        tok is not None
        and tok.pos_ in ("VERB", "AUX")
        and (
            subordinate(tok)
            or act_shapes.purpose(tok)
            or act_shapes.inference(tok)
            or act_shapes.obliged(tok)
        )
    ):
        return True
    if tok is not None and tok.pos_ in ("VERB", "AUX") and relative_clause(tok):
        return (
            True  # "The council, which says the road is unsafe, will shut it": only the main clause decides
        )
    if tok is not None and tok.pos_ == "NOUN" and subordinate(tok):
        return True  # "He won damages after the newspaper printed allegations about …": the scene set
    if tok is not None and _topic_of_main_clause(tok, feats):
        return True  # "Hale's argument that … could well be challenged": the writer's clause about it
    if tok is not None and tok.pos_ == "NOUN" and tok.head.dep_ == "prep" and tok.head.lower_ in _AMID:
        return True  # "It also comes amid unease among China's neighbors about …": the setting of the news
    if tok is not None and (
        act_shapes.then_said(tok)
        or evidence_found(tok, speech.subject_of(tok))
        or act_shapes.closing_conj(tok)
    ):
        return False  # "… but urged the government to think again"; "The investigators found evidence of …"
    if tok is not None and (act_shapes.talks(tok) or own_acts.news_act(tok, inside)):
        return True  # "The SES is discussing the idea with the London authorities": talks held, no words
    if tok is not None and (act_shapes.modifier_only(tok) or act_shapes.described_by(tok)):
        return True  # "Groups challenging the plans include …": a description of who, no words
    if tok is not None and results_posted(tok):
        return True  # "Shell reported an annual profit of $17.5bn": accounts, not words
    if tok is not None and _described_as(tok, feats):
        return True  # "Okafor was a fierce critic of the treaty": who she is, no words
    if tok is not None and _to_someone(tok, inside, feats):
        return True  # "the mayor replied to them in person": who was spoken to, nothing said
    if tok is not None:
        lemma = next((f[2:] for f in feats if f[:2] == "l="), "")
        if (withheld := words_withheld(tok, lemma, feats)) is not None:
            return withheld
    if tok is not None and _in_message(tok):
        return False  # "laid out a road map in a statement to the paper": the statement's content
    return judged(feats) and act_score(feats) >= ACT_AT


def _topic_of_main_clause(tok, feats: list[str]) -> bool:
    """A noun cue that is the subject of the sentence's main verb, itself no verb of saying and not "be"
    ("Her claim is that …" states it): only the main clause decides, and it is the writer's."""
    head = tok.head
    if tok.pos_ != "NOUN" or tok.dep_ not in ("nsubj", "nsubjpass") or "qshare=0" not in feats:
        return False
    if head.dep_ != "ROOT" or head.pos_ not in ("VERB", "AUX") or head.lemma_ == "be":
        return False
    kids = {c.dep_ for c in head.children}
    # "… could well be challenged": a passive nobody is named for says nothing either
    return (
        head.lemma_.lower() not in STATEMENT_VERBS | SPEECH_VERBS or "auxpass" in kids and "agent" not in kids
    )


_CARRIERS = vocab("statement letter tweet post email speech interview testimony remarks comments op-ed")


def _in_message(tok) -> bool:
    """The verb is done in a message ("in a statement", "in an interview with CNN"): what it reports was
    put in words there. The parser may hang the "in" lower in the verb's own phrase, not in a clause."""
    own = [t for c in tok.children if c.dep_ not in _CLAUSES for t in c.subtree]
    return any(
        t.dep_ == "pobj" and t.lemma_.lower() in _CARRIERS and t.head.lower_ == "in" and t.head.dep_ == "prep"
        for t in own
    )


_CLAUSES = frozenset({"advcl", "relcl", "ccomp", "xcomp", "conj", "parataxis", "acl"})


_TURN_VERBS = vocab("respond reply write speak talk answer")


def _to_someone(tok, inside, feats: list[str]) -> bool:
    """A verb of a turn in a conversation with only its hearer and nothing quoted: the sentence tells that
    someone spoke to someone, not what they said."""
    if tok.pos_ != "VERB" or tok.lemma_.lower() not in _TURN_VERBS or "qshare=0" not in feats:
        return False
    # "responded with angry attacks on the mayor": what the response was, not who heard it
    heard = [o for p in tok.children if p.lower_ in ("to", "with") for o in p.children if o.dep_ == "pobj"]
    return speech.only_hearer(tok, inside) and all(o.pos_ in ("PRON", "PROPN") or calling(o) for o in heard)


def _described_as(tok, feats: list[str]) -> bool:
    """A noun cue that is what its subject is ("was a fierce critic of the treaty"), with no clause of
    what was said and nothing quoted."""
    if tok.pos_ != "NOUN" or tok.dep_ != "attr" or tok.head.lemma_ != "be" or "qshare=0" not in feats:
        return False
    return not any(
        c.dep_ in ("ccomp", "acl") and any(m.dep_ == "mark" for m in c.children) for c in tok.children
    )
