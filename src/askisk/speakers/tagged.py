"""Where the rules run out, the learned tagger (speakers.tagger) decides: a gate and a recall step.

Owns the two uses of the tagger's reading of a sentence inside `attribution.attribute`:

1. Gate (`learned_allowed`): a cue of the logistic cue detector (speakers.cues, one word's features) is
   taken only when the tagger, reading the whole sentence, sees it as attributed: its coverage (mean
   P(not O) over the sentence's pieces, the tagger's estimate of the share of the sentence inside an
   attribution) is GATE_AT or more. Rule cues are never gated, except a verb that is a cue only by a
   word list and says nothing in its sentence (`speech.needs_gate`: "As he welcomed several hundred
   guests", "Obama and Clinton withdrew all of our forces"): the same gate decides it.
2. Recall (`recall`): a sentence the rules leave without a cue, that the tagger reads as attributed
   (coverage >= RECALL_AT) with a CUE span outside quotation marks and a SOURCE span: the SOURCE span's
   head word is resolved through the same registry as every rule cue (names, descriptions, he/she,
   documents, groups with their qualifier); nothing the registry cannot make a speaker becomes one.
   Not taken as the cue: a verb the logistic detector may not take either (`cues.learnable`: "claimed
   responsibility"), a negated verb, an intention ("aims to promote"); nor as the source the possessor
   of a noun that is not the cue ("Bellamy's latest outburst would appear").

Both are off when the tagger is absent (`tagger.load_tagger()` is None): the rules decide alone.
Pure given the tagger; no I/O beyond its lazy load; never prints.
"""

from __future__ import annotations

from askisk.models import Passage
from askisk.speakers import animacy, cues
from askisk.speakers.asides import empty_aside
from askisk.speakers.formats import dateline_end, is_headline, signatures
from askisk.speakers.mention import Record
from askisk.speakers.own_acts import is_credit, not_said, updates_this
from askisk.speakers.registry import Registry
from askisk.speakers.said_nothing import nobody
from askisk.speakers.speech import infinitive_only
from askisk.speakers.tagger import Span, Tags, load_tagger

GATE_AT = 0.4
RECALL_AT = 0.65
RECALL_CUE = 0.5  # the CUE span's mean probability
_SPEAKER_POS = ("PROPN", "NOUN", "PRON")
_SPEAKER_DEPS = ("nsubj", "poss", "pobj", "appos", "conj", "ROOT")
_SILENT_PREPOSITIONS = frozenset({"with", "about", "against", "over", "into", "at", "on"})


def tag_passages(passages: list[Passage]) -> list[Tags | None]:
    """The tagger's reading of every body passage, alone (the previous sentence as context lowered dev
    token accuracy, 0.788 -> 0.771); None for headings and captions, and for all without the tagger."""
    tagger = load_tagger()
    body = [i for i, p in enumerate(passages) if p.kind == "body"]
    out: list[Tags | None] = [None] * len(passages)
    if tagger is None or not body:
        return out
    for i, tags in zip(body, tagger.tag([passages[i].text for i in body]), strict=True):
        out[i] = tags
    return out


def learned_allowed(tags: Tags | None) -> bool:
    return tags is None or tags.coverage >= GATE_AT


def recall(doc, s: int, e: int, inside, tags: Tags | None, registry: Registry, base: int, recent):
    """(record, cue text, mention span in paragraph offsets) for a sentence the rules left uncued, or None.

    `s`, `e`: the sentence's paragraph offsets; `inside`: the paragraph's quotation mask."""
    if tags is None or tags.coverage < RECALL_AT or is_headline(doc.text, s, e, inside):
        return None  # a headline's name is no speaker ("Rip Donald Trump")
    if signatures(doc.text):
        return None  # signed reader quotations go to their signatures (attribution._signed)
    cue_spans = [
        c
        for c in tags.of("CUE")
        if c.score >= RECALL_CUE
        and not _quoted(c, s, inside)
        and _has_word(doc, s + c.start, s + c.end, inside)
    ]
    sources = [c for c in tags.of("SOURCE") if not _quoted(c, s, inside)]
    if not cue_spans or not sources:
        return None
    spans = [[t for t in doc if s + c.start <= t.idx < s + c.end] for c in cue_spans]
    # "When terrorists are revealed as …, Obama and Clinton call them …": a passive naming nobody is no cue
    # while another is there
    active = [i for i, toks in enumerate(spans) if not any(_passive_without_agent(t) for t in toks)]
    cue, cue_tokens = cue_spans[(active or [0])[0]], spans[(active or [0])[0]]
    if _never_a_cue(cue_tokens):
        return None  # "some relatives gathered near the compound, where a sign … read:"
    if any(_instrument_subject(t) for t in cue_tokens):
        return None  # "Photos published in Cuba's state-run press show …": the photos show, nobody speaks
    # the verb may lie outside the CUE span ("faced [stiff criticism on]"): the reaction noun's verb counts
    reaction = [v for t in cue_tokens for v in (t, t.head) if cues.is_reaction(v)]
    if reaction:
        # "The United States faced stiff criticism", "… stoked speculation that …": the subject is spoken of
        # or makes others speak; only a "from" object speaks ("winning praise from Bush's team")
        giver = cues.from_object(reaction[0])
        sources = [x for x in sources if giver is not None and s + x.start <= giver.idx < s + x.end]
        if not sources:
            return None
    source = min(sources, key=lambda x: min(abs(x.start - cue.end), abs(cue.start - x.end)))
    head = _head(doc, s + source.start, s + source.end)
    if head is None or head.pos_ not in _SPEAKER_POS or head.dep_ not in _SPEAKER_DEPS:
        return None  # "X has been given a boost": a passive subject is not a speaker
    if head.dep_ == "pobj" and head.head.lower_ in _SILENT_PREPOSITIONS:
        return None  # "Disagree with a Republican?": whom one disagrees with says nothing
    if nobody(head, head.head):
        return None  # "No Republicans said they would sign": no one spoke
    if head.idx < dateline_end(doc.text):
        return None  # "WASHINGTON – Two officers were charged": where the story was filed
    if any(_passive_without_agent(t) and head.i > t.i for t in cue_tokens):
        return None  # "It has also been accused of colluding with …, which critics … have compared": by whom?
    if _owns_other(head, s + cue.start, s + cue.end) or _thing_subject(cue_tokens, head):
        return None
    if any(_said_of_a_thing(t, head) or _said_of_the_antecedent(t) for t in cue_tokens):
        return None
    known = {id(r) for r in registry.records}
    rec: Record | None = registry.resolve(head, base, recent)
    if rec is None or (
        head.pos_ == "NOUN" and id(rec) not in known and rec.kind != "document" and not _named_by(head)
    ):
        return None  # a common noun speaks only for someone named before ("the nominee"), not "the debate"
    # a source that is its sentence's subject spoke, for a later "he" as for a rule cue ("Mr. Warner, the
    # Virginia Democrat, called …. In 2009, …, he called it …": the parser makes the name the root)
    spoke = head.dep_ in ("nsubj", "ROOT")
    rec.mention(base + head.i, subject=spoke)
    if spoke:
        rec.spoke, rec.spoke_n = max(rec.spoke, base + head.i), rec.spoke_n + 1
    words = doc.text[s + cue.start : s + cue.end]
    toks = [t for t in doc if s + source.start <= t.idx < s + source.end]
    return rec, words, (toks[0].idx, toks[-1].idx + len(toks[-1].text))


NEVER_CUE = 0.02  # "gather": 0 of its 35 uses in PolNeAR train is a cue


def _passive_without_agent(tok) -> bool:
    """A passive verb that names no one by "by" ("has been accused of colluding")."""
    kids = [c.dep_ for c in tok.children]
    return tok.pos_ == "VERB" and "auxpass" in kids and "agent" not in kids and cues.agent_of(tok) is None


def _never_a_cue(cue_tokens) -> bool:
    """The span's verbs are all verbs PolNeAR train almost never uses as a cue; or it is a message not
    answered ("did not return calls seeking comment")."""
    if any(t.pos_ == "NOUN" and t.dep_ == "dobj" and t.head.lemma_.lower() == "return" for t in cue_tokens):
        return True
    verbs = [t for t in cue_tokens if t.pos_ == "VERB"]
    rates = [cues.cue_rate(t.lemma_.lower()) for t in verbs]
    return bool(verbs) and all(r is not None and r <= NEVER_CUE for r in rates)


def _instrument_subject(tok) -> bool:
    """The cue's subject records or measures ("Photos … show"; the parser may read "show" as a noun;
    "figures which show …")."""
    if tok.pos_ in ("VERB", "AUX"):
        subj = cues.subject_of(tok)
    else:
        subj = next((c for c in tok.children if c.dep_ == "nsubj"), None)
    if subj is not None and subj.lower_ in ("which", "that") and tok.dep_ == "relcl":
        subj = tok.head
    return subj is not None and animacy.instrument(subj)


def _thing_subject(cue_tokens, head) -> bool:
    """The source is a modifier inside the cue verb's subject, a thing nobody lists as speaking: "the
    distribution system adopted by developer Valve meant that …" is what the system meant."""
    if head.dep_ == "poss":
        return False  # "Mr. Obama's bet is that …": his
    for tok in cue_tokens:
        subj = cues.subject_of(tok) if tok.pos_ in ("VERB", "AUX") else None
        if subj is not None and subj.pos_ == "NOUN" and subj.i != head.i and not animacy.listed(subj):
            return subj.left_edge.i <= head.i <= subj.right_edge.i
    return False


def _said_of_a_thing(tok, head) -> bool:
    """ "…, a prospect that worries the automotive industry": the cue's subject is "that", a thing, not the
    source named elsewhere in the sentence."""
    subj = next((c for c in tok.children if c.dep_ == "nsubj"), None) if tok.dep_ == "relcl" else None
    thing = tok.head
    return (
        subj is not None
        and subj.lower_ in ("that", "which")
        and thing.pos_ == "NOUN"
        and thing.i != head.i
        and not animacy.can_speak(thing)  # not "ran a feature that extensively profiled …": the paper's
    )


def _said_of_the_antecedent(tok) -> bool:
    """ "Nobody has said how big the grant is, which the Harbor Post says would run for two years": a
    relative clause set off by a comma, whose "which" is what was said of (not who says), vouches for its
    noun only; the sentence is the writer's (the news golds' main-clause line)."""
    if tok.dep_ != "relcl" or tok.pos_ != "VERB" or tok.left_edge.i == 0:
        return False
    relative = tok.left_edge
    own_subject = any(c.dep_ == "nsubj" and c.i == relative.i for c in tok.children)
    set_off = tok.doc[relative.i - 1].text == ","
    if relative.lower_ not in ("which", "that") or not set_off or own_subject:
        return False
    # "The Union claimed the blockade, which it said would last a week": the pronoun is the one the sentence
    # is about, whose claim it is ("they carried sticks, which he said …" is someone else)
    speaker = next((c for c in tok.children if c.dep_ == "nsubj"), None)
    main = next((c for c in tok.sent.root.children if c.dep_ == "nsubj"), None)
    if speaker is not None and speaker.pos_ == "PRON":
        return main is not None and main.pos_ == "PRON" and main.lower_ != speaker.lower_
    return True


def _quoted(span: Span, s: int, inside) -> bool:
    return any(inside[i] for i in range(s + span.start, min(s + span.end, len(inside))))


def _has_word(doc, a: int, b: int, inside) -> bool:
    """The cue holds a verb or noun ("warned", "criticism"), not only an adverb ("Apparently"); no
    negated verb: what was not said or done is nobody's statement ("has not published the study"); and
    no verb the learned cue detector may not take either (`cues.learnable`): the rules decide those by
    their complement ("claimed responsibility", "consider each other enemies" stay narration)."""
    toks = [t for t in doc if a <= t.idx < b]
    verbs = [t for t in toks if t.pos_ in ("VERB", "AUX")]
    if any(c.dep_ == "neg" for t in verbs for c in t.children):
        return False
    if any(t.pos_ == "VERB" and not cues.learnable(t) for t in verbs):
        return False
    # an empty aside only, not a restrictive relative: "The Washington Post ran a feature … that profiled
    # …" is an attribution PolNeAR dev annotates, which refusing relatives here lost
    if any(
        infinitive_only(t)
        or is_credit(t)
        or updates_this(t, inside)
        or empty_aside(t, inside)
        or not_said(t, inside)
        for t in verbs
    ):
        return False
    return any(t.pos_ in ("VERB", "NOUN") for t in toks)


def _owns_other(head, a: int, b: int) -> bool:
    """A possessor speaks through the noun it owns only when that noun is the cue ("Baker's criticism"),
    not through any other ("Bellamy's latest outburst would appear to …")."""
    return head.dep_ == "poss" and not a <= head.head.idx < b


def _head(doc, a: int, b: int):
    """The token of the span [a, b) whose syntactic head lies outside it."""
    toks = [t for t in doc if a <= t.idx < b]
    inner = {t.i for t in toks}
    heads = [t for t in toks if t.head.i not in inner or t.head.i == t.i]
    return heads[0] if heads else None


def _named_by(head) -> bool:
    """A common noun a name qualifies: "The Clinton campaign", "a panel of the U.S. Court of Appeals"."""
    kids = list(head.children)
    if any(c.dep_ in ("compound", "poss") and _a_name(c) for c in kids):
        return True
    return any(
        c.dep_ == "prep" and c.lower_ == "of" and any(g.dep_ == "pobj" and _a_name(g) for g in c.children)
        for c in kids
    )


def _a_name(tok) -> bool:
    return tok.pos_ == "PROPN" and bool(tok.ent_type_)  # not "secretary of state" read as a proper noun
