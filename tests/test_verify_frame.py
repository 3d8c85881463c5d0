"""Whom it was told to and in what capacity (issue 16): the names of a claim's attribution frame other than
the reporter ("warned British lawmakers", "McKenzie of U.S. Africa Command") are checked against the
passage's frame. Real parser and rules; sentences of our own, and the seed through the real `check`."""

from __future__ import annotations

from verify_helpers import passage

from askisk.models import SourceRef
from askisk.verify.features import analyse
from askisk.verify.verdict import align

SOURCE = SourceRef("ice", "Sea ice in the Baltic", "ice.md")


def _entity_mismatches(claim: str, text: str) -> list[tuple[str, str]]:
    alignment = align(analyse(claim), passage(text, SOURCE, speaker="Ada Lind"), analyse(text))
    return [(m.claim, m.source) for m in alignment.mismatches if m.kind == "entity"]


def test_the_frame_names_are_all_but_the_reporter():
    claim = analyse(
        "Gen. Ada Lind of the Northern Fleet told Danish lawmakers that the ice is thin this year."
    )
    assert claim.reporter == "Gen. Ada Lind"
    assert {n.text for n in claim.frame_names} == {"the Northern Fleet", "Danish"}
    # what was reported keeps its own names
    assert "Ada Lind" not in {n.text for n in claim.names}
    assert analyse("Lind said that the ice is thin.").frame_names == ()


def test_told_to_others_contradicts():
    text = "Lind told Swedish lawmakers that the ice in the Gulf of Bothnia is thin this year."
    claim = "Lind told Danish lawmakers that the ice in the Gulf of Bothnia is thin this year."
    assert _entity_mismatches(claim, text) == [("Danish", "Swedish")]
    assert _entity_mismatches(text, text) == []


def test_another_command_of_the_same_name_contradicts():
    # "the Southern Fleet" shares "Fleet" with the claim's "the Northern Fleet": the words each lacks clash
    text = "The Southern Fleet's Gen. Ada Lind said that the ice in the Gulf of Bothnia is thin this year."
    claim = "Gen. Ada Lind of the Northern Fleet said that the ice in the Gulf of Bothnia is thin this year."
    assert _entity_mismatches(claim, text) == [("the Northern Fleet", "The Southern Fleet")]


def test_a_frame_the_passage_does_not_state_is_left_open():
    # the passage names no audience: "told Danish lawmakers" is neither confirmed nor contradicted
    text = "The ice in the Gulf of Bothnia is thin this year."
    assert (
        _entity_mismatches("Lind told Danish lawmakers that the ice in the Gulf of Bothnia is thin.", text)
        == []
    )


def test_an_acronym_in_the_frame_is_the_same_name():
    text = (
        "A report released by the United Nations in June warns that the ice in the Gulf of Bothnia is thin."
    )
    assert _entity_mismatches("A UN report says the ice in the Gulf of Bothnia is thin.", text) == []


def test_check_on_the_seed_reads_the_command_and_the_audience(seed_service):
    wrong = seed_service.check(
        "General McKenzie of U.S. Africa Command told lawmakers in March 2022 that the IS affiliate is "
        "solidifying its foothold in Afghanistan."
    )
    assert wrong.verdict == "refuted" and wrong.mismatch == "entity", wrong.reason
    assert "claim says U.S. Africa Command, source says U.S. Central Command (" in wrong.reason
    right = seed_service.check(
        "McKenzie told U.S. lawmakers that IS-K is solidifying its foothold in Afghanistan."
    )
    assert right.verdict == "supported", right.reason
