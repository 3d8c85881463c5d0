"""The learned cue detector: how likely a token of a spaCy parse is the cue of an attribution. Owns the
features of a candidate token (verbs, nouns, "according") and the logistic model over them learned from
PolNeAR train cue spans by scripts/train_attribution.py, shipped as plain JSON (`data/cue_model.json`:
feature -> weight; a sum of weights and a sigmoid, no numpy at run time). Pure: tokens in, numbers out."""

from __future__ import annotations

import json
import math
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from askisk.speakers import misparse, subject_repair
from askisk.speakers.clauses import bare_as
from askisk.speakers.formats import dateline_end, subjects_after_dateline
from askisk.speakers.rules import (
    CAUSE_VERBS,
    CONCERN_NOUNS,
    DEPICTION_VERBS,
    DOCUMENT_NOUNS,
    INSTRUMENT_NOUNS,
    OPINION_AS_VERBS,
    QUOTE_TOKENS,
    REACTION_NOUNS,
    STANCE_ADJECTIVES,
    TARGET_VERBS,
    vocab,
)
from askisk.speakers.views import regarded_as

_PRONOUN_SUBJECTS = {"he", "she", "they", "i", "we", "you", "it"}
_CLAUSE_DEPS = ("ccomp", "xcomp", "parataxis", "advcl")
MODEL_FILE = "data/cue_model.json"
RATES_FILE = "data/cue_lemma_rates.json"
# A verb PolNeAR train uses as a cue less often than this, where the article itself uses it (not inside a
# quotation), is no learned cue: "Teachers … played “We’re Not Gonna Take It”", "had been holding direct
# talks", "took as their reference", "rolled back its policy" (scripts/cue_lemma_rates.py).
RARE_CUE = 0.2
# Tuned on PolNeAR dev (docs/attribution.md): a token the rules leave alone is a cue at CUE_AT or above;
# a rule cue the model scores below VETO_BELOW is dropped.
CUE_AT = 0.5
VETO_BELOW = 0.0
# A verb with no clause (ccomp/parataxis) and no quotation within three tokens ("C2I plans to reforest",
# "Stein boarded the train") needs a higher score: most false attributions on dev were such verbs.
CUE_AT_BARE = 0.5


def is_candidate(tok) -> bool:
    """Tokens the detector scores: verbs, nouns and the "according" of "according to"."""
    return tok.pos_ in ("VERB", "NOUN") or tok.lower_ == "according"


def learnable(tok) -> bool:
    """A token the learned detector may call a cue. Not a verb whose speech reading the rules decide by
    its complement ("claimed responsibility", "consider each other enemies" stay narration), nor a
    negated verb with a document object ("has not published the study"), nor a verb whose only
    complement is a pronoun ("asked for it"): nothing is attributed in the sentence."""
    if tok.pos_ in ("VERB", "AUX") and (tok.lemma_.lower() in _BY_COMPLEMENT or rarely_a_cue(tok)):
        return False
    if tok.lemma_.lower() in DEPICTION_VERBS and not regarded_as(tok):
        return False  # "the sculpture … portrays a skeletal horse": a thing shown, no view of anyone
    if tok.pos_ == "NOUN" and tok.lemma_.lower() in INSTRUMENT_NOUNS:
        return False  # "State broadcaster Russia 24 also aired video footage": footage records, says nothing
    verb = tok if tok.pos_ in ("VERB", "AUX") else tok.head if tok.dep_ == "dobj" else None
    if verb is not None:
        kids = list(verb.children)
        if any(c.dep_ == "neg" for c in kids) and any(
            c.dep_ == "dobj" and c.lemma_.lower() in DOCUMENT_NOUNS for c in kids
        ):
            return False
        if tok is verb and _only_pronoun_content(kids):
            return False  # "asked for it": what was said is not in the sentence
    return is_candidate(tok)


def rarely_a_cue(tok) -> bool:
    """A verb the corpus almost never uses as a cue ("play", "hold", "take"); unseen verbs are not, nor
    one that opens a quotation with a colon ("X had a similar experience: “…”")."""
    if tok.pos_ != "VERB" or _cue_rates().get(tok.lemma_.lower(), 1.0) >= RARE_CUE:
        return False
    kids = list(tok.children)
    if any(c.dep_ == "dobj" and c.lower_ in POSITION_OBJECTS for c in kids):
        return False  # "has no illusions about the cost", "had doubts": a position held is a cue
    if any(
        c.dep_ == "ccomp" and any(m.dep_ == "mark" and m.lower_ == "that" for m in c.children) for c in kids
    ):
        return False  # "have heard by now that …": the that-clause is what they were told
    end = tok.sent.end
    colon = next((t.i for t in tok.doc[tok.i + 1 : end] if t.text == ":"), None)
    return colon is None or colon + 1 >= end or tok.doc[colon + 1].text not in QUOTE_TOKENS


POSITION_OBJECTS = CONCERN_NOUNS | vocab(
    "illusion illusions confidence faith reservation reservations qualm qualms misgiving misgivings "
    "opinion opinions belief beliefs view views"
)


@lru_cache(maxsize=1)
def _cue_rates() -> dict[str, float]:
    raw = json.loads(resources.files("askisk.speakers").joinpath(RATES_FILE).read_text(encoding="utf-8"))
    return {lemma: cued / seen for lemma, (seen, cued) in raw["rates"].items()}


def cue_rate(lemma: str) -> float | None:
    """How often PolNeAR train uses the verb as a cue outside quotations (None: seen under 8 times)."""
    return _cue_rates().get(lemma)


USUAL_CUE = 0.75  # "accuse" is a cue in 0.91 of PolNeAR train's uses, "continue" in 0.46


def threshold(tok, inside) -> float:
    """The score a token needs to be a learned cue: CUE_AT_BARE for a verb with nothing said near it."""
    if tok.pos_ not in ("VERB", "AUX") or any(c.dep_ in ("ccomp", "parataxis") for c in tok.children):
        return CUE_AT
    return CUE_AT if _near_quote(tok, inside) else CUE_AT_BARE


def passes(tok, inside) -> bool:
    """A token the rules do not know is a learned cue: its model score reaches its threshold."""
    return learnable(tok) and cue_model().score(tok, inside) >= threshold(tok, inside)


def _near_quote(tok, inside) -> bool:
    doc = tok.doc
    return any(
        doc[j].text in QUOTE_TOKENS or (j != tok.i and inside[doc[j].idx])
        for j in range(max(0, tok.i - 3), min(len(doc), tok.i + 4))
    )


def _only_pronoun_content(kids) -> bool:
    heads = [c for c in kids if c.dep_ in ("dobj", "attr", "dative")]
    heads += [g for c in kids if c.dep_ in ("prep", "agent") for g in c.children if g.dep_ == "pobj"]
    if not heads or any(c.dep_ in ("ccomp", "xcomp", "parataxis", "advcl") for c in kids):
        return False
    return all(h.pos_ == "PRON" for h in heads)


_BY_COMPLEMENT = OPINION_AS_VERBS | {"claim"}
_CHANNEL_VERBS = frozenset({"quote", "cite"})
# a passive feeling's "by" names its cause, never a speaker: "Democrats were outraged by the decision"
_FEELINGS = vocab(
    "outrage anger infuriate incense enrage frustrate disappoint dismay alarm appal appall upset"
)


_RECKONINGS = frozenset({"count", "estimate", "tally", "metric", "measure", "reckoning", "calculation"})


# the words that open a named source: "according to X", "per X", "by X's count" (`according_to`)
ACCORDING_HEADS = frozenset({"according", "per", "by"})


def according_to(tok):
    """The preposition whose object names a source, when `tok` opens "according to X", "per X" or "by X's
    count" set off by a comma ("…, per the WHO, is …"; not "$5 per hour", "per person"); else None."""
    doc = tok.doc
    if tok.lower_ == "according":
        return doc[tok.i + 1] if tok.i + 1 < len(doc) and doc[tok.i + 1].lower_ == "to" else None
    if tok.lower_ not in ("per", "by") or not (
        tok.i == tok.sent.start or doc[tok.i - 1].text in (",", "And")
    ):
        return None
    if tok.lower_ == "by":  # "By the group's count, …": a reckoning set off, whose it is names the source
        objs = [c for c in tok.children if c.dep_ == "pobj" and c.lower_ in _RECKONINGS]
        owners = [c for o in objs for c in o.children if c.dep_ == "poss" and c.pos_ in ("PROPN", "NOUN")]
        return tok if owners else None  # not "By my count": the writer's own
    objs = [c for c in tok.children if c.dep_ == "pobj"]  # a named or determined source: not "per person"
    named = any(o.pos_ == "PROPN" or any(c.dep_ in ("det", "poss") for c in o.children) for o in objs)
    return tok if named else None


def subject_of(tok):
    """The grammatical subject of a verb, climbing through conj/xcomp/advcl (at most three steps)."""
    if bare_as(tok):
        return None  # "… won't be coming to Tunisia as once expected"
    if (inverted := misparse.speaker_after_quote(tok)) is not None:
        return inverted  # '"…," mused radio co-host Dana Whitfield.'
    verb = tok
    dateline = dateline_end(tok.doc.text)  # "PHILADELPHIA, July 25 (UPI) — The committee released …"
    for _ in range(3):
        if subjects := subjects_after_dateline(verb, ("nsubj", "nsubjpass"), dateline):
            return subjects[0]
        if verb.dep_ not in ("conj", "advcl", "xcomp") or verb.head is verb:
            return None
        if (made := subject_repair.object_controller(verb)) is not None:
            return made  # "The crisis led analysts to warn": the analysts warn
        verb = subject_repair.gone_so_far(verb) or verb.head
    return None


def agent_of(verb):
    """The "by" object of a passive verb ("was criticized by X"), or None."""
    for child in verb.children:
        if child.dep_ == "agent":
            objs = [g for g in child.children if g.dep_ == "pobj"]
            return objs[0] if objs else None
    if any(c.dep_ == "auxpass" for c in verb.children):
        # "was described as “heartbreaking” by the department", "has been accused of blocking access to
        # Google News by the media watchdog": the parser hangs "by" inside the "as" / "of" phrase (not the
        # agent of a passive of its own there: "accused of being paid by the firm")
        # … or inside what it is called ("is considered an extremist group by the center")
        for prep in (
            c for c in verb.children if c.dep_ == "prep" and c.lower_ in ("as", "of") or c.dep_ == "oprd"
        ):
            for by in (t for t in prep.subtree if t.dep_ in ("prep", "agent") and t.lower_ == "by"):
                if any(c.dep_ == "auxpass" for c in by.head.children):
                    continue
                objs = [g for g in by.children if g.dep_ == "pobj" and g.pos_ in ("NOUN", "PROPN")]
                if objs:
                    return objs[0]
    return None


def passive_speaker(verb):
    """Who speaks through a passive verb: its "by" agent ("was denied by Shepherd"), except for a verb that
    relays ("X was quoted by the agency as saying …"): there the one quoted speaks."""
    quoted = [c for c in verb.children if c.dep_ == "nsubjpass"]
    lemma = verb.lemma_.lower()
    if (lemma in _CHANNEL_VERBS or lemma in _FEELINGS or verb.lower_ in STANCE_ADJECTIVES) and quoted:
        return quoted[0]  # "X is concerned (that) …": the one concerned holds the view
    return agent_of(verb)


_REACTION_VERBS = TARGET_VERBS | CAUSE_VERBS


def is_reaction(verb) -> bool:
    """ "has drawn harsh criticism", "stoked speculation": a verb of reaction whose object is a reaction
    people voice (not "drawing contrasts", "invited Russia to …")."""
    return verb.lemma_.lower() in _REACTION_VERBS and any(
        c.dep_ == "dobj" and c.lemma_.lower() in REACTION_NOUNS for c in verb.children
    )


def from_object(verb):
    """ "has drawn criticism from fellow Republicans": the "from" object on the verb or its object."""
    for tok in (verb, *(c for c in verb.children if c.dep_ == "dobj")):
        for child in tok.children:
            if child.dep_ == "prep" and child.lower_ == "from":
                objs = [g for g in child.children if g.dep_ == "pobj"]
                if objs:
                    return objs[0]
    return None


def speaker_of(tok):
    """The mention that names who speaks through a learned cue, or None.

    A verb: the agent of a passive ("was criticized by X"), else its subject; a noun: its possessor
    ("Trump's claim"), a "from"/"by" object ("a statement from the campaign"), else the subject of the
    verb it hangs off ("X made the claim").
    """
    if tok.pos_ in ("VERB", "AUX"):
        if is_reaction(tok):
            return from_object(tok)
        if any(c.dep_ == "agent" for c in tok.children):
            return passive_speaker(tok)
        if tok.lemma_.lower() in ("cite", "report") and (quoted := misparse.quoted_as(tok)) is not None:
            return quoted  # "FARS reported a spokesperson … as saying, “…”": the one reported speaks
        if (inverted := subject_repair.speaker_read_as_object(tok)) is not None:
            return inverted  # "…, argued the head of the committee": the inverted tag's speaker
        subj = subject_of(tok)
        if subj is None:
            return subject_repair.document_read(tok)  # '"…," read a statement from the firm': its object
        return subj if subj.dep_ in ("nsubj", "dobj") else None  # a dobj: "prompted X to say"
    for child in tok.children:
        if child.dep_ == "poss":
            return child
    for child in tok.children:
        if child.dep_ == "prep" and child.lower_ in ("from", "by"):
            objs = [g for g in child.children if g.dep_ == "pobj"]
            if objs:
                return objs[0]
    if tok.dep_ in ("dobj", "attr", "pobj") and tok.head.pos_ in ("VERB", "AUX", "ADP"):
        verb = tok.head if tok.head.pos_ != "ADP" else tok.head.head
        if tok.head.lemma_.lower() in TARGET_VERBS or (
            tok.head.lemma_.lower() in CAUSE_VERBS and tok.lemma_.lower() in REACTION_NOUNS
        ):
            return from_object(tok.head)  # "X drew criticism from Y", "X sparked criticism": not X
        if tok.head.lower_ == "under":
            return None  # "X came under fire": X is the one criticised
        if any(c.dep_ == "expl" for c in verb.children):
            return None  # "… and there is speculation that …": nobody named speculates
        subj = subject_of(verb)
        return subj if subj is not None and subj.dep_ == "nsubj" else None
    return None


def _mention_type(tok) -> str:
    if tok is None:
        return "none"
    if tok.lower_ in _PRONOUN_SUBJECTS:
        return "pron"
    if tok.ent_type_:
        return tok.ent_type_
    return "propn" if tok.pos_ == "PROPN" else "nominal"


def features(tok, inside) -> list[str]:
    """The feature strings of one candidate token; `inside` marks quoted characters of the parsed text."""
    doc = tok.doc
    lemma = tok.lemma_.lower()
    head = tok.head
    kids = list(tok.children)
    deps = {c.dep_ for c in kids}
    out = [
        f"l={lemma}",
        f"w={tok.lower_}",
        f"p={tok.pos_}",
        f"t={tok.tag_}",
        f"d={tok.dep_}",
        f"l+d={lemma}|{tok.dep_}",
        f"l+t={lemma}|{tok.tag_}",
        f"hl={head.lemma_.lower()}",
        f"hp={head.pos_}",
        f"l+hl={lemma}|{head.lemma_.lower()}",
    ]
    out.extend(f"c={d}" for d in sorted(deps))
    out.extend(f"l+c={lemma}|{d}" for d in sorted(deps) if d in (*_CLAUSE_DEPS, "dobj", "prep", "nsubj"))
    for c in kids:
        if c.dep_ in ("prep", "prt", "agent"):
            out.append(f"pr={c.lower_}")
            out.append(f"l+pr={lemma}|{c.lower_}")
        elif c.dep_ == "dobj":
            out.append(f"ob={c.lemma_.lower()}")
        elif c.dep_ == "poss":
            out.append(f"poss={_mention_type(c)}")
    subj = subject_of(tok) if tok.pos_ == "VERB" else None
    st = _mention_type(subj)
    out.append(f"s={st}")
    out.append(f"l+s={lemma}|{st}")
    if subj is not None:
        out.append(f"s<{'v' if subj.i < tok.i else '>'}")
        out.append(f"sl={subj.lemma_.lower()}")
    q_in = bool(inside[tok.idx])
    out.append(f"inq={q_in}")
    out.append(f"nq={_near_quote(tok, inside)}")
    if any(c.dep_ in _CLAUSE_DEPS and inside[c.idx] for c in kids):
        out.append("qclause")
    prev = doc[tok.i - 1].text if tok.i else "<s>"
    nxt = doc[tok.i + 1].text if tok.i + 1 < len(doc) else "</s>"
    out.append(f"pv={prev if not prev[:1].isalnum() else 'w'}")
    out.append(f"nx={nxt if not nxt[:1].isalnum() else 'w'}")
    out.append(f"nxl={nxt.lower()}")
    return out


@dataclass(frozen=True)
class CueModel:
    bias: float
    weights: dict[str, float]

    def score(self, tok, inside) -> float:
        """Probability that `tok` is the cue of an attribution."""
        z = self.bias + sum(self.weights.get(f, 0.0) for f in features(tok, inside))
        return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))


def load_model(raw: str) -> CueModel:
    data = json.loads(raw)
    return CueModel(float(data["bias"]), {k: float(v) for k, v in data["weights"].items()})


@lru_cache(maxsize=1)
def cue_model() -> CueModel:
    """The shipped model (speakers/data/cue_model.json)."""
    return load_model(resources.files("askisk.speakers").joinpath(MODEL_FILE).read_text(encoding="utf-8"))
