"""What an "it", "they" or "them" that speaks stands for: the names the sentence before joined by "and", the
party an outlet reported on, the thing the sentence before was about, its own sentence's subject, the last
group that spoke, or the organisation last named as a subject; and a bare "one" that speaks after a group
did ("delegates said. … '…,' one said"). Pure over the registry and the parse.
"""

from __future__ import annotations

from askisk.speakers import anaphora
from askisk.speakers.joint import joint_speaker
from askisk.speakers.mention import Record
from askisk.speakers.rules import GENERIC_ORG_NOUNS, SPEECH_VERBS


def group_pronoun(registry, tok, base: int, recent: Record | None) -> Record | None:
    """The record a subject it/they/them at `tok` (paragraph offset `base`) refers to, or None."""
    low = tok.lower_
    if low == "it" and _impersonal(tok.head):
        return None  # "a resignation, it seemed, that …", "It became clear that …": nobody's view
    if (names := anaphora.joint_before(tok)) is not None:
        return joint_speaker(registry, names, registry.resolve(names, base), base)  # "A and B …. They said"
    people = anaphora.people_before(tok)
    if (
        people is not None
        and (rec := registry.resolve(people, base, recent)) is not None
        and rec.kind != "person"
    ):
        return rec  # "The executives have refused …. They announced …"
    if (
        low == "they"
        and tok.i == 0
        and (rec := _subject_of_paragraph_before(registry.records, base)) is not None
    ):
        return rec  # "Democrats would prefer a full pathway …. ¶ They also said …": the group it was about
    party = reported_party_before(tok) if low == "it" else None
    if (
        party is not None
        and (rec := registry.resolve(party, base)) is not None
        and not (rec.gender or rec.hint)
    ):
        return rec  # "X got an offer, according to the FT. It has confirmed …": X, unless X is a person
    if (thing := anaphora.thing_before(tok)) is not None:
        # "A video … made headlines. It shows …": the video, named now if it has not spoken ("The video also
        # includes a threat …. It warns governments …")
        return registry.by_noun(thing.lemma_.lower()) or registry.resolve(thing, base)
    main = anaphora.sentence_subject(tok) if low == "it" else None
    if (rec := registry.resolve(main, base, recent) if main else None) and rec.kind != "person":
        return rec
    if recent is not None and recent.kind == "document" and low != "it":
        return _group_before(registry.records, base + tok.i)  # '"…," they wrote' after "the letter said"
    if recent is not None and recent.kind != "person" and not recent.one:
        return recent  # not "It said …" or "They say …" for "her father", one person
    if low == "it":
        return anaphora.organisation_before(registry.records, base + tok.i)
    return _collective_before(registry, tok, base) if recent is None or recent.kind == "person" else None


def _impersonal(verb) -> bool:
    """An "it" that stands for nothing: "it seemed", "it appears", "it became clear that"."""
    lemma = verb.lemma_.lower()
    if lemma in ("seem", "appear"):
        return True
    return lemma in ("become", "be") and any(c.dep_ == "acomp" and c.lower_ in _PLAIN for c in verb.children)


_PLAIN = frozenset({"clear", "apparent", "evident", "obvious", "unclear"})


def _subject_of_paragraph_before(records, base: int) -> Record | None:
    """The group named by a plural name ("Democrats") that was the last subject of the paragraph before,
    when no person was a subject after it there."""
    start = base - 1_000_000
    last = [
        (max(p for p in r.subjects if start <= p < base), r)
        for r in records
        if any(start <= p < base for p in r.subjects)
    ]
    if not last:
        return None
    _, rec = max(last, key=lambda pr: pr[0])
    plural = rec.name.endswith("s") and rec.name[:1].isupper() and " " not in rec.name
    return rec if rec.kind == "group" and not rec.one and plural else None


def _collective_before(registry, tok, base: int) -> Record | None:
    """ "The coalition has proposed remaking the courts. The changes are needed, they say, …": a "they" with
    no one speaking before stands for the body the sentence before was about, when it is one."""
    subj = anaphora.main_subject_before(tok)
    if subj is None or subj.lemma_.lower() not in GENERIC_ORG_NOUNS:
        return None
    rec = registry.resolve(subj, base)
    return rec if rec is not None and rec.kind == "group" else None


# what a party says of itself: after "X has received an offer, according to the FT" it is X that confirms
_OF_ITSELF = frozenset({"confirm", "deny", "admit", "acknowledge"})
_FIRMS = frozenset({"club", "firm", "team", "airline", "carrier", "retailer", "network", "school"})


def reported_party_before(tok):
    """ "Manchester United has received an offer, according to the FT. It has confirmed that talks are under
    way": an "it" that confirms or denies, opening the sentence after one an outlet reported about an
    organisation, is that organisation, not the outlet. The organisation's token, or None."""
    subj = anaphora.subject_before(tok, "it")
    if subj is None or tok.head.lemma_.lower() not in _OF_ITSELF:
        return None
    if subj.head.lemma_.lower() in SPEECH_VERBS:  # "The club received a bid, the FT reported"
        clause = next((c for c in subj.head.children if c.dep_ in ("ccomp", "parataxis")), None)
        subj = next((c for c in clause.children if c.dep_ == "nsubj"), None) if clause is not None else None
    if subj is None or subj.pos_ != "PROPN" and subj.lemma_.lower() not in GENERIC_ORG_NOUNS | _FIRMS:
        return None
    return subj


def one_of_them(tok, recent: Record | None) -> Record | None:
    """ "… delegates said. … '…,' one said": a bare "one" is one of the group that spoke last (the words
    the group gives), not one person the text never named; None otherwise."""
    if tok.pos_ != "PRON" or list(tok.children) or recent is None:
        return None
    return recent if recent.kind == "group" and not recent.one else None


def _group_before(records, at: int) -> Record | None:
    """The group last named before `at`: "they" do not stand for a letter, but for those who wrote it."""
    groups = [r for r in records if r.kind == "group" and not r.one and 0 <= r.last < at]
    # a group that has spoken outranks one named since: after "the lawyers wrote …. The filing said …" a
    # teaser line in capitals names a state ("OHIO MAN CHARGED …"), and "They added" is still the lawyers
    spoken = [r for r in groups if 0 <= r.spoke < at]
    return max(spoken or groups, key=lambda r: r.spoke if spoken else r.last, default=None)
