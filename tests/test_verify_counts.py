"""Claims that compare or add two events' counts (issue 16): "A killed more people than B", "twice as many
as", "40 more than", "A and B together killed N". Each count is read from the passage that tells its event.
Real parser and rules; sentences of our own, and the seed through the real `check`."""

from __future__ import annotations

import math

import pytest
from verify_helpers import word_search

from askisk.models import SourceRef
from askisk.verify import counts

SOURCE = SourceRef("vakhsh", "Disasters on the Vakhsh", "vakhsh.md")
PASSAGES = [
    "The 2019 flood in the valley killed 120 people.",
    "The 2021 landslide near the dam killed at least 80 people.",
    "The 2016 storm killed 35 herders and 12 residents of the valley.",
    "The 2018 drought ruined the harvest of the valley.",
]


_search = word_search(PASSAGES, SOURCE)


@pytest.mark.parametrize(
    ("claim", "a", "b", "kind", "amount", "phrase"),
    [
        ("The 2019 flood killed more people than the 2016 storm.", "The 2019 flood", "the 2016 storm", "more",
         None, "killed more people than"),
        ("The 2016 storm killed 73 fewer people than the 2019 flood did.", "The 2016 storm", "the 2019 flood",
         "fewer", 73, "killed 73 fewer people than"),
        ("The 2019 flood killed about twice as many people as the 2016 storm.", "The 2019 flood",
         "the 2016 storm", "times", 2, "killed about twice as many people as"),
        ("The 2019 flood was deadlier than the 2021 landslide.", "The 2019 flood", "the 2021 landslide",
         "more", None, "was deadlier than"),
        ("The 2019 flood and the 2016 storm together killed 167 people.", "The 2019 flood", "the 2016 storm",
         "sum", 167, "together killed 167 people"),
        ("The 2019 flood and the 2016 storm killed 167 people in all.", "The 2019 flood", "the 2016 storm",
         "sum", 167, "killed 167 people in all"),
        ("Combined, the 2019 flood and the 2016 storm killed fewer than 200 people.", "the 2019 flood",
         "the 2016 storm", "sum", 200, "killed fewer than 200 people"),
    ],
)  # fmt: skip
def test_the_claim_names_two_events_and_how_their_counts_compare(claim, a, b, kind, amount, phrase):
    c = counts.comparison(claim)
    assert c is not None
    assert (c.a, c.b, c.verb, c.kind, c.amount, c.phrase) == (a, b, "kill", kind, amount, phrase)


def test_a_claim_that_compares_no_two_counts_is_left_to_the_ordinary_check():
    assert counts.comparison("The flood killed 120 people.") is None
    assert counts.comparison("Herders and residents killed time in the valley.") is None  # no sum cue
    assert counts.comparison("The dam lasted more years than the bridge.") is None  # no verb that counts
    # a count set against a figure, not against another event's count
    assert counts.comparison("The flood killed fewer than 200 people.") is None


def test_an_event_count_adds_up_what_its_verb_counts():
    storm = counts.count_event("The 2016 storm", "kill", _search("The 2016 storm killed"))
    assert storm is not None and (storm.value.low, storm.value.high) == (47, 47)
    assert storm.value.text == "35 + 12 = 47"
    landslide = counts.count_event("the 2021 landslide", "kill", _search("the 2021 landslide killed"))
    assert landslide is not None and landslide.value.low == 80 and math.isinf(landslide.value.high)
    # the drought's passage counts no one killed
    assert counts.count_event("the 2018 drought", "kill", _search("the 2018 drought killed")) is None


@pytest.mark.parametrize(
    ("claim", "label"),
    [
        ("The 2019 flood killed more people than the 2016 storm.", "supported"),
        ("The 2016 storm killed more people than the 2019 flood.", "refuted"),
        ("The 2016 storm killed 73 fewer people than the 2019 flood did.", "supported"),
        ("The 2016 storm killed 50 fewer people than the 2019 flood did.", "refuted"),
        ("The 2019 flood killed about twice as many people as the 2016 storm.", "refuted"),
        ("The 2019 flood killed more than twice as many people as the 2016 storm.", "supported"),
        ("The 2019 flood and the 2016 storm together killed 167 people.", "supported"),
        ("The 2019 flood and the 2016 storm together killed 200 people.", "refuted"),
        ("Combined, the 2019 flood and the 2016 storm killed fewer than 150 people.", "refuted"),
        ("All told, the 2019 flood and the 2016 storm killed fewer than 200 people.", "supported"),
        # at least 80 may be more or less than 120: the sources do not settle it
        ("The 2019 flood was deadlier than the 2021 landslide.", "not_enough_info"),
    ],
)
def test_decide_compares_the_two_counts(claim, label):
    verdict = counts.decide(claim, _search)
    assert verdict is not None and verdict.verdict == label, verdict
    assert len(verdict.evidence) == 2
    assert (verdict.mismatch == "number") == (label == "refuted")


def test_check_compares_seed_death_tolls_across_passages(seed_service):
    verdict = seed_service.check(
        "The Mastung bombings killed fewer people than the May 2021 bombing in Kabul."
    )
    assert verdict.verdict == "refuted" and verdict.mismatch == "number", verdict.reason
    assert "149" in verdict.reason and "90" in verdict.reason
    verdict = seed_service.check(
        "The Mastung bombings and the May 2021 bombing in Kabul together killed 239 people."
    )
    assert verdict.verdict == "supported", verdict.reason
    assert len(verdict.evidence) == 2


def test_an_event_whose_verb_reads_as_a_statement_is_still_told(seed_service):
    # "The explosions claimed by Daesh" parsed "claimed" as the explosions' statement, which set the
    # passage's speaker against it: the Kerman passage never told the event, and the Mastung one did
    verdict = seed_service.check(
        "The explosions claimed by Daesh in Kerman killed more people than IS-K's 2018 bombings in Mastung."
    )
    assert verdict.verdict == "refuted" and verdict.mismatch == "number", verdict.reason
    assert "100" in verdict.reason and "149" in verdict.reason
