"""Step 1 of attribution: the explicit cue naming a sentence's speaker ("Azizi noted", "according to the
report", "in her view", a "Name:" label), chosen among its candidates by depth in the parse and the
learned cue ranker. Pure over one parsed paragraph and the source's registry (which it updates)."""

from __future__ import annotations

import re

from askisk.speakers import (
    acts_told,
    asides,
    cues,
    misparse,
    own_acts,
    press,
    ranker,
    rules,
    speech,
    subject_repair,
    views,
)
from askisk.speakers.according import a_person, is_order, relays_words, said_words, source_objects
from askisk.speakers.clauses import bare_relative, linking_complement, opens_as_subject, subordinate
from askisk.speakers.content import hearer_object
from askisk.speakers.convention import records
from askisk.speakers.documents import is_finding, owner_of_figures
from askisk.speakers.formats import dateline_end, is_headline, is_title_case, lead_label
from askisk.speakers.joint import joint_cue, joint_speaker
from askisk.speakers.mention import Record
from askisk.speakers.phrases import is_self_reference, named_example, named_head, np_text, speaker_tokens
from askisk.speakers.registry import Registry
from askisk.speakers.rules import PERSON_PRONOUNS, QUOTE_TOKENS, SPEECH_VERBS, STATEMENT_VERBS
from askisk.speakers.said_nothing import issued_bare, nobody
from askisk.speakers.speech import cue_text, depth, is_speech, subject_of
from askisk.speakers.withheld import declined, gives_no_words, is_request

# a verb of saying, not a view held ("Friends say Mr. Lund does not believe …" is the friends' account)
_SAYING = SPEECH_VERBS - {"testify", "believe", "think", "doubt", "expect", "fear", "hope", "worry"}


def _relays_speech(outer, cands, inside) -> bool:
    """The outer cue's words are another speaker's speech: its clause is a rule cue of a person ("…, the
    complaint said" over "X told the FBI that …"), or of anyone a paper reports ("Police said one man is
    …, KNXV reported"); not a person met inside it ("Beattie, …, insisting …")."""
    # a paper's report: whoever it quotes, not only people ("He criticized …, Press TV reported"); an order
    # it reports is an act ("media reported that Putin had ordered his fleet to …")
    reported = outer[6].lemma_.lower() == "report"
    return any(
        c is not outer
        and (c[3].kind == "person" or reported)
        and not _closing_tag(c[6], outer[6])
        and (c[6].lemma_.lower() in _SAYING or reported and _relayed_words(c, inside))
        and not gives_no_words(c[6])  # "… declined to comment, CNN reported": the paper's report
        and not is_request(c[6])  # "Iraqi MPs told Reuters that Mr Trump had asked for the meeting": an act
        and not _wish_or_plan(c[6])  # "The Star reported that the company is hoping to …": the paper's words
        # "U.S. intelligence indicates that …, NBC News reported": a record says nothing, the paper does
        and not (c[7].pos_ == "NOUN" and records(c[7], c[6].lemma_.lower()))
        and c[6].head.i == outer[6].i
        and c[6].dep_ in ("ccomp", "parataxis")
        for c in cands
    )


def _relayed_words(cand, inside) -> bool:
    """What a paper reports of a rule cue: words, not an order, nor a learned verb with none given ("Judge X
    sided with the appeals court …, ABC News reported": the paper's report of an act)."""
    return cand[0] == 0 and not is_order(cand[6]) and said_words(cand[6], inside)


# what a verb says after itself; a tag closing the sentence has none ("…, KNXV reported on Tuesday")
_COMPLEMENTS = frozenset({"ccomp", "xcomp", "dobj", "attr", "acomp", "oprd"})


def _closing_tag(verb, before) -> bool:
    """ "Police said …, KNXV reported.": a speech tag set off at the sentence's end, after `before`, is the
    outer cue whatever the parse hangs it on."""
    subj = subject_of(verb)
    if subj is None or verb.i < before.i or subj.left_edge.i == 0:
        return False
    doc = verb.doc
    rest = [t for t in doc[verb.i + 1 : verb.sent.end] if not t.is_punct]
    # "Obama lamented that while …, Clinton now seemed more up to speed": a clause with words of its own
    if any(c.dep_ in _COMPLEMENTS and not hearer_object(c) for c in verb.children if c.i > verb.i):
        return False
    at = subj.left_edge.i - 1
    if at > 0 and doc[at].text in QUOTE_TOKENS:
        at -= 1  # '…as “lazy,” the documents state.'
    return doc[at].text == "," and all(t.i in {c.i for c in verb.subtree} for t in rest)


_CONTENT = ("ccomp", "parataxis", "dobj", "xcomp", "advcl")


def _set_off_tag(verb) -> bool:
    """ "Netanyahu, the official said, saw the speech as …": a parenthetical verb of saying closed by a
    comma inside the sentence, the words around it (a paper's "reported" relays whoever it names, see
    `_relays_speech`)."""
    doc = verb.doc
    if (
        verb.lemma_.lower() not in _SAYING - {"report"}
        or verb.i + 1 >= len(doc)
        or doc[verb.i + 1].text != ","
    ):
        return False
    return speech.parenthetical(verb, list(verb.children))


def _under_closing_tag(cands: list) -> list:
    """ "One message referred to a shift as “lazy,” the documents state.": a cue before a speech tag that
    closes the sentence (or set off inside it: "Netanyahu, the official said, saw …") is part of what the
    tag's speaker gives, unless it is a verb of saying (whose speaker `_relays_speech` weighs)."""
    if len(cands) < 2:
        return cands
    tags = [
        (c, _set_off_tag(c[6]))
        for c in cands
        if not any(k.dep_ in _CONTENT and k.i > c[6].i and not hearer_object(k) for k in c[6].children)
    ]  # its words come before it ("…, Mr Blair told the Guardian": the object of "told" is who heard them)
    tags = [(c, off) for c, off in tags if off or any(o is not c and _closing_tag(c[6], o[6]) for o in cands)]
    if not tags:
        return cands
    tag, set_off = tags[-1]
    after = len(tag[6].doc) if set_off else tag[6].i  # a set-off tag frames both sides
    return [
        c
        for c in cands
        if c is tag or c[6].i > after or c[6].lemma_.lower() in _SAYING or c[6].pos_ not in ("VERB", "AUX")
    ]


def _negated(tok) -> bool:
    return any(c.dep_ == "neg" for c in tok.children)


def _news_line(cands: list, inside) -> list:
    """The candidate cues a news reader weighs: the main clause's, not a scene-setting clause's ("When he
    was questioned by the FBI, he lied and claimed …"), and the inner speaker's, not those of whoever relays
    them ("Victor Solis told the FBI that …, the complaint said"; "Police said …, KNXV reported")."""
    if any(not subordinate(c[6]) for c in cands):
        cands = [c for c in cands if not subordinate(c[6])]
    # not a person relaying: "Ditto said she expects …", "Mook asserted that Trump tells so many lies";
    # a reporter's "reports" does relay ("The majority leader stressed that …, Henry reports")
    relayed = [c for c in cands if _relayer(c) and _relays_speech(c, cands, inside)]
    cands = [c for c in cands if c not in relayed] or cands
    # "A handful of issues showed signs of weakness but dealers said investors were …": of two coordinate
    # clauses, the one that gives words
    # ("The mayor has wanted to appear in control, and had voiced concerns that …": a wish gives no words)
    # ("Engineers don't know why the dam gave way, but Orrock said …": a denial of knowing gives none)
    talking = [
        c
        for c in cands
        if speech.says_something(c[6], inside) and not _wish_or_plan(c[6]) and not _negated(c[6])
    ]
    mute = [c for c in cands if c not in talking and any(_coordinate(c[6], t[6]) for t in talking)]
    # "Trump took credit for the lead, writing on Twitter that …": a learned cue that gives no words
    # yields to a rule cue of the same speaker that does
    voiced = {id(t[3]) for t in talking if not t[0]}
    mute += [c for c in cands if c[0] and c[6].pos_ == "NOUN" and c not in talking and id(c[3]) in voiced]
    cands = [c for c in cands if c not in mute]
    cands = [c for c in cands if not _wish_or_plan(c[6])] or cands  # a wish yields to words given
    # "…, Beijing's airport … continued to close the gap, according to the association", "According to
    # police, …, and they ordered him to get out": a cue that says nothing, or an order, yields to the
    # source "according to" names
    named = [c for c in cands if not c[0] and c[6].lower_ in cues.ACCORDING_HEADS]
    quiet = all(c in named or not speech.says_something(c[6], inside) or is_order(c[6]) for c in cands)
    return named if named and quiet else cands


def _wish_or_plan(tok) -> bool:
    return tok.pos_ == "VERB" and (acts_told.wish(tok) or acts_told.plan(tok))


def _relayer(cand) -> bool:
    return cand[3].kind != "person" or cand[6].lemma_.lower() == "report"


def _coordinate(a, b) -> bool:
    a, b = _clause_verb(a), _clause_verb(b)  # "showed [signs] of weakness": the noun's clause
    return b.dep_ == "conj" and b.head.i == a.i or a.dep_ == "conj" and a.head.i == b.i


def _clause_verb(tok):
    for _ in range(4):
        if tok.pos_ in ("VERB", "AUX") or tok.head.i == tok.i:
            break
        tok = tok.head
    return tok


def find_cue(
    doc,
    s,
    e,
    inside,
    registry: Registry,
    base: int,
    recent: Record | None,
    unmatched=None,
    gate=True,
    inner=False,
):
    """The cue naming the speaker of sentence [s, e); `inner` (the news line): a speaker whose words a
    newspaper relays is the speaker, not the newspaper."""
    cands: list[tuple] = []  # (learned, depth, token index, record, cue, mention span, cue token, mention)
    headline = is_headline(doc.text, s, e, inside)
    titled = headline and is_title_case(doc.text, s, e)  # "Greece Says It Has Right …": a title-case headline
    for tok in doc:
        if not (s <= tok.idx < e) or titled or speech.is_circumstance(tok):
            continue
        if inside[tok.idx] and not _quoted_predicate(tok, inside):
            continue
        if tok.dep_ == "amod" and tok.i < tok.head.i:
            continue  # "Vernan's proposed amendments", "the alleged plot": a participle that describes a noun
        if tok.pos_ == "VERB" and own_acts.is_credit(tok, inside) or misparse.reduced_passive(tok):
            continue  # "Photo by X"; "areas, thought to represent …": nobody named as the one thinking
        if own_acts.not_said(tok, inside) or speech.raising_verb(tok) or inner and bare_relative(tok):
            continue  # "called 911"; "the territories, seen as …"; "All told, …"; "feel compelled to"
        if opens_as_subject(tok) or linking_complement(tok):
            continue  # "That the vote ended so close let …": a clause as the subject; "looks promising"
        if asides.is_aside(tok, inside):
            continue  # "the number who said …", "Suter, who joked about …,": a description speaks for none
        if headline and not any(c.dep_ in ("ccomp", "parataxis") for c in tok.children):
            continue  # "BMW reveals new models pipeline": a headline verb with a plain object reports nothing
        if (prep := cues.according_to(tok)) is not None:
            objs = source_objects(tok, prep)
            if objs and inner and press.unnamed_source(objs[0]):
                continue  # "according to various media outlets": no source the reader can check
            if objs:
                who = owner_of_figures(objs[0])
                rec = joint_speaker(registry, who, registry.resolve(who, base, recent), base)
                if rec is not None and inner and not a_person(rec, who) and relays_words(tok, inside):
                    continue  # '"…," Ediboglu said, according to the newspaper': the words are Ediboglu's
                if rec is not None:
                    # "according to X" names the source of the clause it modifies: it outranks that verb
                    word = "according to" if tok.lower_ == "according" else tok.lower_
                    named = np_text(objs[0], strip_det=False)
                    if objs[0].dep_ == "dobj":  # "according to show insiders", as written
                        named = f"{objs[0].head.text} {named}"
                    cue = joint_cue(f"{word} {named}", who, rec)
                    cands.append((0, depth(tok) - 1, tok.i, rec, cue, speaker_span(who), tok, who))
            continue
        if tok.lower_ == "in" and (view := views.in_view(tok)) is not None:
            rec = registry.resolve(view[0], base, recent)  # "in her view, …": the possessor's opinion
            if rec is not None:
                who, noun = view[0].text, view[1].text
                cue = f"in {who} {noun}" if view[0].dep_ == "poss" else f"in the {noun} of {who}"
                cands.append((0, depth(tok) - 1, tok.i, rec, cue, speaker_span(view[0]), tok, view[0]))
            continue
        if (holder := views.to_whom(tok)) is not None:
            # "To the dissenters, that meant …": their view
            rec = joint_speaker(registry, holder, registry.resolve(holder, base, recent), base)
            if rec is not None:
                cands.append(
                    (0, depth(tok) - 1, tok.i, rec, f"to {holder.text}", speaker_span(holder), tok, holder)
                )
            continue
        # a passive speech verb speaks for its agent: "… was strongly denied by Shepherd"
        subj = (subject_of(tok) or cues.passive_speaker(tok)) if tok.pos_ in ("VERB", "AUX") else None
        learned = 0
        if tok.pos_ in ("VERB", "AUX") and (is_speech(tok, inside) or is_finding(tok, subj)):
            if not gate and speech.needs_gate(tok, inside) and not is_finding(tok, subj):
                continue
            if cues.VETO_BELOW > 0 and cues.cue_model().score(tok, inside) < cues.VETO_BELOW:
                continue
        elif gate and cues.passes(tok, inside) and not issued_bare(tok):
            subj, learned = cues.speaker_of(tok), 1  # a cue the rules do not know, learned from PolNeAR
        else:
            continue
        subj = speech.quantity_head(subj)  # "a number of analysts say": the analysts
        written = subj  # "Figures gathered by X show": X speaks, the cue reads "Figures show"
        subj = subj if subj is None else owner_of_figures(subj)
        if subj is None or inside[subj.idx] or is_self_reference(subj) or own_acts.updates_this(tok, inside):
            continue
        if subject_repair.participle_clause(subj):
            continue
        if inner and nobody(subj, tok):
            continue  # "no one is really sure how …", "it's not certain that …": no one holds the view
        if subj.idx < dateline_end(doc.text):
            continue  # "WASHINGTON – Two officers were charged …, stating …": where the story was filed
        rec = joint_speaker(registry, subj, registry.resolve(subj, base, recent), base)
        if rec is None or own_acts.bio_act(tok, inside, rec, base):
            if unmatched is not None and subj.lower_ in PERSON_PRONOUNS:
                unmatched.append(subj)
            continue
        cue = joint_cue(cue_text(tok, written or subj), subj, rec)
        cands.append((learned, depth(tok), tok.i, rec, cue, speaker_span(subj), tok, subj))
    if not cands:
        return None
    if inner:
        cands = _news_line(cands, inside)
    cands = _under_closing_tag(cands)
    # "Both sides wrote to the minister …, but X said he …": a learned cue with only its hearer yields to a
    # rule cue that says something (any cue saying nothing yielding cost 3 passages on PolNeAR dev)
    if any(not c[0] and speech.says_something(c[6], inside) for c in cands):
        cands = [c for c in cands if not (c[0] and speech.only_hearer(c[6], inside))]
    # "Ames declined to name the driver, but a woman nearby told reporters he was …": a refusal
    # yields to a clause of its own that gives words
    told = [c for c in cands if not declined(c[6]) and speech.says_something(c[6], inside)]
    cands = [c for c in cands if not declined(c[6])] if told else cands
    best = ranker.choose_cue(cands, min(cands, key=_rank), inside, recent, (base, s))
    rec = best[3]
    # a learned cue's passive agent ("drafted by X") does not make X the one a later "he" stands for; its
    # subject does ("Trump has also commented on …. On Wednesday, he told a crowd …")
    spoke = not best[0] or best[7].dep_ == "nsubj"
    rec.mention(base + best[2], subject=spoke)
    if spoke:
        rec.spoke, rec.spoke_n = max(rec.spoke, base + best[2]), rec.spoke_n + 1
        example = named_example(best[7])  # "Critics like X are opposing …. He tells …": X
        one = registry.resolve(example, base) if example is not None else None
        if example is not None and one is not None and one.kind == "person":
            one.mention(base + example.i, subject=True)
            one.spoke = max(one.spoke, base + best[2])
    return rec, best[4], best[5]


def _quoted_predicate(tok, inside) -> bool:
    """'Richard Thomas "totally condemned" the deletion of e-mails': the writer quotes only the verb of
    a statement whose subject and object stand outside the marks; the verb is still the cue."""
    if tok.dep_ != "ROOT" or tok.pos_ != "VERB" or tok.lemma_.lower() not in SPEECH_VERBS | STATEMENT_VERBS:
        return False
    quoted = [t for t in tok.sent if inside[t.idx] and t.is_alpha]
    near = [t for t in quoted if abs(t.i - tok.i) <= 2]
    subj = next((c for c in tok.children if c.dep_ == "nsubj"), None)
    return len(quoted) == len(near) and subj is not None and not inside[subj.idx]


def speaker_span(tok) -> tuple[int, int]:
    """Paragraph offsets of the noun phrase naming a speaker ("Dr. Rustam Azizi", "the report")."""
    toks = speaker_tokens(named_head(tok))
    return toks[0].idx, toks[-1].idx + len(toks[-1].text)


def lead_cue(doc, s, e, inside, registry: Registry, base: int, recent: Record | None):
    """ "Pence: Gennifer Flowers won't be at debate": the label is the speaker; not an abstract noun, a
    section's title ("Recognition: 'We're no longer the suckers'"; the small model tags "Pence", "Poll" and
    "Recognition" alike as common nouns)."""
    label = lead_label(doc, s, e, inside)
    if label is None:
        return None
    head = label[-1]
    if len(label) == 1 and head.pos_ == "NOUN" and (_ABSTRACT.search(head.lower_) or _unnamed_text(head)):
        return None  # "Report: Trump Son Informed …", "Claim: Researchers found …": no one named
    if head.lower_ in rules.EVENT_LABELS:
        return None  # "GOP Debate: Is the fight worth it?": a section's label
    if press.press_label(label):
        return None  # "Reports: Ricin-tainted letters threaten more violence": no outlet a reader can check
    words = " ".join(t.text for t in label)
    person = all(t.ent_type_ == "PERSON" or t.text.isupper() for t in label)
    rec = registry.named(words) if person else registry.resolve(head, base, recent) or registry.named(words)
    if rec is None:
        return None
    return rec, f"{head.text}:", (label[0].idx, head.idx + len(head.text))


_ABSTRACT = re.compile(r"(?:tion|sion|ment|ness|ity|ism|ship|hood|ure)$")


def _unnamed_text(noun) -> bool:
    """ "Report", "Claim": a text no one is named for (not "Poll": polls speak unnamed)."""
    texts = (rules.DOCUMENT_NOUNS | rules.MESSAGE_NOUNS) - {"poll", "survey"}
    return noun.lemma_.lower() in texts and noun.text[1:].islower()


def _rank(cand):
    """The cue highest in the parse, then the first (a learned cue competes with the rules' on equal terms:
    ranking rule cues first lowered PolNeAR dev end to end by 0.004)."""
    return cand[1], cand[2]
