"""Who a claim is about and what it sets aside (issue 16): a claim's subject that the passage never names
is not confirmed by it; "U.S. and Pakistani forces" says whose forces for both names; "rather than" and
"instead of" set words aside rather than assert them. Real parser and rules; sentences of our own, and the
seed through the real `check`."""

from __future__ import annotations

from verify_helpers import passage

from askisk.models import SourceRef
from askisk.verify.features import analyse
from askisk.verify.verdict import align

SOURCE = SourceRef("dam", "A dam on the Vakhsh", "dam.md")


def _align(claim: str, text: str):
    return align(analyse(claim), passage(text, SOURCE), analyse(text))


def test_a_subject_the_passage_never_names_is_left_open():
    text = "The chief engineer resigned in May after Timur Rasulov was dismissed."
    alignment = _align("Lena Orlova resigned in May after Timur Rasulov was dismissed.", text)
    assert "Lena Orlova" in alignment.unverified and not alignment.agrees()
    # the passage that names her agrees
    named = _align("Lena Orlova resigned in May.", "Lena Orlova, the chief engineer, resigned in May.")
    assert named.agrees() and not named.unverified
    # a reporting verb's subject is the source, which the attribution check compares, not the actor
    assert [n.subject for n in analyse("Lena Orlova said the dam is safe.").names] == []
    assert [(n.text, n.subject) for n in analyse("Lena Orlova resigned in May.").names] == [
        ("Lena Orlova", True)
    ]


def test_both_conjuncts_before_a_noun_say_whose_it_is():
    names = analyse("The dam is guarded by U.S. and Pakistani forces near Afghanistan.").names
    assert [(n.text, n.origin) for n in names if n.label in ("GPE", "NORP")] == [
        ("U.S.", True),
        ("Pakistani", True),
        ("Afghanistan", False),
    ]


def test_another_origin_is_a_rival_though_the_claim_names_its_country_as_a_place():
    text = "The dam is guarded by U.S. and U.S.-backed Afghan forces near the border."
    clashes = [
        (m.claim, m.source)
        for m in _align("The dam near Afghanistan is guarded by U.S. and Pakistani forces.", text).mismatches
        if m.kind == "entity"
    ]
    assert clashes == [("Pakistani", "Afghan")]


def test_what_rather_than_sets_aside_is_neither_asserted_nor_denied():
    lemmas = [
        w.lemma
        for w in analyse("Rather than building a new dam, the ministry will repair the old one.").words
    ]
    assert "build" not in lemmas and "repair" in lemmas
    lemmas = [w.lemma for w in analyse("The ministry will repair the old dam instead of a new canal.").words]
    assert "canal" not in lemmas and "repair" in lemmas
    text = "The ministry will not build a new dam; it will repair the old one, the minister said."
    alignment = _align("Rather than building a new dam, the ministry will repair the old one.", text)
    assert not [m for m in alignment.mismatches if m.kind == "polarity"]


def test_check_on_the_seed_reads_rather_than_as_set_aside(seed_service):
    # before, "open" was set against the expert's "won't attack openly": refuted
    verdict = seed_service.check(
        "According to the expert, rather than waging open war on the Central Asian countries, IS-K is likely "
        "to use sleeper cells."
    )
    assert verdict.verdict == "supported", verdict.reason
