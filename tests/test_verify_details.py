"""A claim that adds a detail its passage lacks is not confirmed by it (issue 16): a place the passage's
source never names where the passages were found ("captured in Kandahar" against "captured"), a date more
precise than the passage's ("on August 30, 2021" against "in August 2021"). The stance model reads such a
passage as entailing the claim, so the detail also vetoes the model's support. Real parser, rules and
model; sentences of our own, and the seed through the real `check`."""

from __future__ import annotations

from dataclasses import replace

from verify_helpers import passage

from askisk.models import SourceRef
from askisk.verify.features import analyse
from askisk.verify.verdict import align, decide

SOURCE = SourceRef("dam", "A dam on the Vakhsh", "dam.md")
TEXT = "The chief engineer was dismissed in May 2019 after the spillway failed."


def _align(claim: str, text: str = TEXT, setting: str = ""):
    return align(analyse(claim), passage(text, SOURCE), analyse(text), setting=setting)


def test_a_place_the_passage_does_not_name_is_a_detail_the_claim_adds():
    alignment = _align("The chief engineer was dismissed in Khujand in May 2019 after the spillway failed.")
    assert alignment.added == ("Khujand",) and "Khujand" in alignment.unverified
    assert not alignment.agrees()
    # the claim without it agrees
    assert _align("The chief engineer was dismissed in May 2019 after the spillway failed.").agrees()


def test_a_place_named_where_the_passages_were_found_is_their_setting():
    setting = "A dam on the Vakhsh. The Nurek dam in Tajikistan holds the river. " + TEXT
    alignment = _align(
        "The chief engineer was dismissed in Tajikistan in May 2019 after the spillway failed.",
        setting=setting,
    )
    assert alignment.added == () and alignment.agrees()


def test_a_date_more_precise_than_the_passage_s_is_a_detail_the_claim_adds():
    alignment = _align("The chief engineer was dismissed on May 12, 2019 after the spillway failed.")
    assert alignment.added == ("May 12, 2019",) and not alignment.agrees()
    # a coarser date is what the passage says
    assert _align("The chief engineer was dismissed in 2019 after the spillway failed.").agrees()


def test_decide_reads_the_setting_from_every_passage_found():
    claim = "The chief engineer was dismissed in Tajikistan in May 2019 after the spillway failed."
    alone = decide(claim, [passage(TEXT, SOURCE)])
    assert alone.verdict == "not_enough_info" and "Tajikistan" in alone.reason
    other = replace(passage("The Nurek dam is the highest in Tajikistan.", SOURCE, rank=2),
                    context="The Nurek dam is the highest in Tajikistan.")  # fmt: skip
    assert decide(claim, [passage(TEXT, SOURCE), other]).verdict == "supported"


def test_check_on_the_seed_does_not_confirm_what_a_claim_adds(seed_service):
    # before, both were "supported", by the rules and by the stance model
    place = seed_service.check("Orokzai was captured in Jalalabad in April 2020.")
    assert place.verdict == "not_enough_info" and "Jalalabad" in place.reason, place.reason
    day = seed_service.check("IS-K killed 13 American military personnel on August 26, 2021.")
    assert day.verdict == "not_enough_info" and "August 26, 2021" in day.reason, day.reason
    # what the article gives, and a place it is set in, still stand
    given = seed_service.check("Orokzai was captured in April 2020 by Afghanistan's intelligence service.")
    assert given.verdict == "supported", given.reason
    set_in = seed_service.check(
        "The UN report warns that terrorist groups in Afghanistan have greater freedom of maneuver under the "
        "Taliban."
    )
    assert set_in.verdict == "supported", set_in.reason
