"""A name the passage lacks is contradicted only by a rival in its own slot (issue 16): "Afghanistan borders
Tajikistan" relates Tajikistan to something else and says nothing against "Tajikistan borders China".
Real parser and rules; sentences of our own, and the seed through the real `check`."""

from __future__ import annotations

from verify_helpers import passage

from askisk.models import SourceRef
from askisk.verify.features import analyse
from askisk.verify.verdict import align

SOURCE = SourceRef("map", "A map of the steppe", "map.md")


def _slots(text: str) -> dict[str, tuple[str, str] | None]:
    return {n.text: n.slot for n in analyse(text).names}


def test_each_name_knows_the_verb_it_fills_and_how():
    assert _slots("Afghanistan borders Iran.") == {
        "Afghanistan": ("border", "nsubj"),
        "Iran": ("border", "dobj"),
    }
    # the passive fills the active's slots, and a conjunct its first conjunct's
    assert _slots("China is bordered by Tajikistan and Kyrgyzstan.") == {
        "China": ("border", "dobj"), "Tajikistan": ("border", "nsubj"), "Kyrgyzstan": ("border", "nsubj"),
    }  # fmt: skip
    # the small parser reads this "borders" as a plural noun; the claim still has a subject and an object
    assert _slots("Tajikistan borders China.") == {
        "Tajikistan": ("border", "nsubj"),
        "China": ("border", "dobj"),
    }
    # a possessor is no argument of the verb
    assert _slots("Tajikistan's army guards Afghan provinces bordering Iran.")["Tajikistan"] is None


def _mismatches_and_open(claim: str, text: str) -> tuple[list[tuple[str, str, str]], tuple[str, ...]]:
    alignment = align(analyse(claim), passage(text, SOURCE), analyse(text))
    return [(m.kind, m.claim, m.source) for m in alignment.mismatches], alignment.unverified


def test_a_claim_name_in_the_missing_name_slot_is_no_rival():
    text = "Mongolia borders Kazakhstan along a short stretch of the Altai."
    mismatches, unverified = _mismatches_and_open("Kazakhstan borders Russia.", text)
    assert mismatches == [] and unverified == ("Russia",)


def test_a_rival_in_the_same_slot_still_contradicts():
    text = "Mongolia borders Kazakhstan along a short stretch of the Altai."
    mismatches, _ = _mismatches_and_open("Mongolia borders Russia.", text)
    assert mismatches == [("entity", "Russia", "Kazakhstan")]


def test_a_claim_name_outside_the_verb_leaves_the_rival_standing():
    # the claim's Kazakhstan is a possessor, in no slot of "border", so the passage's Kazakhstan where the
    # claim has Iran is no swap but the rival, although the claim names Kazakhstan elsewhere
    text = "Herders graze the provinces of Mongolia bordering Kazakhstan."
    mismatches, unverified = _mismatches_and_open(
        "Kazakhstan's herders graze provinces bordering Iran.", text
    )
    assert ("entity", "Iran", "Kazakhstan") in mismatches and "Iran" not in unverified


def test_check_does_not_refute_a_neighbour_the_seed_does_not_name(seed_service):
    # the seed says only that northern Afghan provinces border Tajikistan
    verdict = seed_service.check("Tajikistan borders China.")
    assert verdict.verdict == "not_enough_info", verdict.reason
    assert seed_service.check("Tajikistan borders Afghanistan.").verdict == "supported"


def test_check_refutes_the_wrong_neighbour_although_the_claim_names_the_right_one(seed_service):
    # the claim names Tajikistan (whose authorities worry), so Tajikistan was no rival for Iran; it is the
    # name in Iran's slot of "bordering", and the rules and the model said "supported"
    verdict = seed_service.check(
        "Tajikistan's government worries about IS-K fighters in Afghan provinces bordering Iran."
    )
    assert verdict.verdict == "refuted", verdict.reason
    assert verdict.mismatch == "entity" and "claim says Iran, source says Tajikistan" in verdict.reason
