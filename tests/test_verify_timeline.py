"""Claims that order two events or put a span of time between them, and totals that add up a passage's
counts (issue 16). No single passage says "X came five years after Y": each event is dated from the
passage that tells it. Real parser and rules; sentences of our own, and the seed through the real `check`."""

from __future__ import annotations

from dataclasses import replace

import pytest
from verify_helpers import passage, word_search

from askisk.models import SourceRef
from askisk.verify import timeline
from askisk.verify.features import analyse
from askisk.verify.quantities import Date
from askisk.verify.verdict import align

SOURCE = SourceRef("dam", "A dam on the Vakhsh", "dam.md")
PASSAGES = [
    "The dam's first turbine was switched on in March 2019, engineers said.",
    "Construction of the dam began in October 2016 after years of delay.",
    "Its two chief engineers, Lena Orlova and Timur Rasulov, resigned in May 2020 and June 2018, "
    "respectively.",
    "The reservoir flooded three villages, displacing 900 residents and 40 herders.",
]


_search = word_search(PASSAGES, SOURCE)


@pytest.mark.parametrize(
    ("claim", "a", "b", "direction", "phrase"),
    [
        ("The first turbine was switched on more than two years after construction began.",
         "The first turbine was switched on", "construction began", "after", "more than two years after"),
        ("Orlova resigned before Rasulov did.", "Orlova resigned", "Rasulov did", "before", "before"),
        ("The dam's first turbine came about 29 months after construction began.",
         "The dam's first turbine", "construction began", "after", "about 29 months after"),
        ("Two years after construction began, the first turbine was switched on.",
         "the first turbine was switched on", "construction began", "after", "Two years after"),
        ("The first turbine followed the start of construction by about two years.", "The first turbine",
         "the start of construction", "after", "about two years after"),
        ("Orlova's resignation preceded Rasulov's.", "Orlova's resignation", "Rasulov's", "before", "before"),
        ("The flood and the first turbine were about two years apart.", "The flood", "the first turbine",
         "apart", "were about two years apart"),
        ("The flood came within six months of the first turbine.", "The flood", "the first turbine",
         "apart", "within six months of"),
    ],
)  # fmt: skip
def test_the_claim_names_two_events_an_order_and_a_span(claim, a, b, direction, phrase):
    rel = timeline.relation(claim)
    assert rel is not None
    assert (rel.a, rel.b, rel.direction, rel.phrase) == (a, b, direction, phrase)


def test_a_claim_that_orders_nothing_is_left_to_the_ordinary_check():
    assert timeline.relation("The dam flooded three villages.") is None
    assert timeline.relation("After that, it rained.") is None  # no event before the order word


def test_spans_in_words_become_days():
    more = timeline.relation("A was built more than two years after B was planned.")
    about = timeline.relation("A was built about seven months after B was planned.")
    several = timeline.relation("A was built several months before B was planned.")
    assert more is not None and about is not None and several is not None
    assert more.low == pytest.approx(2 * 365.25) and more.high is None
    assert about.low is not None and about.high is not None
    assert about.low < 7 * 30.44 < about.high and about.high - about.low < 3 * 30.44
    assert several.low is not None and several.low > 60 and several.direction == "before"


def test_dates_set_against_the_claimed_order_and_span():
    march19, october16 = Date("March 2019", 2019, 3, None), Date("October 2016", 2016, 10, None)

    def rel(order: str) -> timeline.Relation:
        found = timeline.relation(f"The turbine started {order} the building work began.")
        assert found is not None
        return found

    assert timeline.compare(rel("more than two years after"), march19, october16) == (
        "supported",
        "2 years 5 months after",
    )
    assert timeline.compare(rel("less than two years after"), march19, october16)[0] == "refuted"
    assert timeline.compare(rel("about 29 months after"), march19, october16)[0] == "supported"
    assert timeline.compare(rel("before"), march19, october16)[0] == "refuted"
    # a year alone may fall either side of a month of the same year: no order to check
    year = Date("2019", 2019, None, None)
    assert timeline.compare(rel("after"), year, Date("May 2019", 2019, 5, None))[0] == ("not_enough_info")


def test_an_event_is_dated_by_the_passage_that_tells_it():
    dated = timeline.date_event("construction of the dam began", _search("construction of the dam began"))
    assert dated is not None and dated.date.text == "October 2016"
    # "respectively": each name has the date in its own place
    orlova = timeline.date_event("Lena Orlova resigned", _search("Lena Orlova resigned"))
    rasulov = timeline.date_event("Timur Rasulov resigned", _search("Timur Rasulov resigned"))
    assert orlova is not None and rasulov is not None
    assert (orlova.date.text, rasulov.date.text) == ("May 2020", "June 2018")
    # no passage tells the event: nothing to date
    assert (
        timeline.date_event("the villagers were compensated", _search("the villagers were compensated"))
        is None
    )


def test_a_span_either_way_round():
    march19, october16 = Date("March 2019", 2019, 3, None), Date("October 2016", 2016, 10, None)
    apart = timeline.relation("The turbine and the building work were about 29 months apart.")
    within = timeline.relation("The turbine started within two years of the building work.")
    assert apart is not None and within is not None
    # 2 years 5 months, whichever comes first
    assert timeline.compare(apart, march19, october16)[0] == "supported"
    assert timeline.compare(apart, october16, march19)[0] == "supported"
    assert timeline.compare(within, october16, march19)[0] == "refuted"


def test_decide_orders_two_events_from_two_passages():
    verdict = timeline.decide("Orlova resigned before Timur Rasulov resigned.", _search)
    assert verdict is not None and verdict.verdict == "refuted" and verdict.mismatch == "date"
    assert "May 2020" in verdict.reason and "June 2018" in verdict.reason, verdict.reason
    verdict = timeline.decide(
        "The dam's first turbine was switched on more than two years after construction of the dam began.",
        _search,
    )
    assert verdict is not None and verdict.verdict == "supported", verdict
    assert {h.text for h in verdict.evidence} == {PASSAGES[0], PASSAGES[1]}
    assert timeline.decide("Orlova resigned after the villagers were compensated.", _search) is None


def _sum_clashes(claim: str, text: str) -> list[tuple[str, str]]:
    alignment = align(analyse(claim), passage(text, SOURCE), analyse(text))
    return [(m.claim, m.source) for m in alignment.mismatches if m.kind == "number"]


def test_a_total_is_the_sum_of_the_counts_its_verb_gives():
    text = "The flood displaced 900 residents and at least 40 herders."
    assert [n.total for n in analyse("The flood displaced 940 people in all.").numbers] == [True]
    assert [n.total for n in analyse("The flood displaced 940 people.").numbers] == [False]
    assert _sum_clashes("The flood displaced 940 people in all.", text) == []
    assert _sum_clashes("All told, the flood displaced at least 930 people.", text) == []
    assert _sum_clashes("The flood displaced a total of 900 people.", text) == [
        ("900 in all", "900 + at least 40 = at least 940")
    ]


def test_left_dead_counts_the_killed():
    assert [n.verb for n in analyse("The blast left 12 people dead.").numbers] == ["kill"]


def test_check_orders_the_seed_events_across_passages(seed_service):
    verdict = seed_service.check("Orokzai was captured more than five years after IS-K was created.")
    assert verdict.verdict == "supported", verdict.reason
    assert len(verdict.evidence) == 2 and "April 2020" in verdict.reason and "January 2015" in verdict.reason
    # numbered in the claim's order, not by each event's own search
    assert [h.rank for h in verdict.evidence] == [1, 2]
    assert "Orokzai" in verdict.evidence[0].text and "created" in verdict.evidence[1].text
    # calibrated as every other verdict, not the events' coverage (1.0) read as certainty
    assert 0 < verdict.confidence < 1
    verdict = seed_service.check("Abdul Rauf Aliza was killed by US forces after Hafiz Saeed Khan.")
    assert verdict.verdict == "refuted" and verdict.mismatch == "date", verdict.reason
    assert "February 2015" in verdict.reason and "July 2016" in verdict.reason


def test_check_adds_up_the_seed_death_toll(seed_service):
    verdict = seed_service.check("IS-K killed 150 people in all during the U.S. evacuation of Kabul.")
    assert verdict.verdict == "refuted" and verdict.mismatch == "number", verdict.reason
    assert "13 + at least 169 = at least 182" in verdict.reason
    assert seed_service.check(
        "IS-K killed 182 people in all during the U.S. evacuation of Kabul."
    ).verdict == ("supported")


def test_a_span_in_words_is_read_whatever_the_word():
    # "zero" was read with float() and stopped `check` with an internal error
    rel = timeline.relation("The turbine started zero days after the building work began.")
    assert rel is not None and rel.low is not None and rel.low < 1 and rel.high is not None


def test_dates_told_from_the_year_of_writing_are_ordered_among_themselves():
    paragraph = [
        "The spillway was rebuilt in June last year.",
        "The reservoir was drained on January 3 this year.",
        "The new turbine was installed on March 22, engineers said.",
        "Construction of the dam began in October 2016 after years of delay.",
    ]
    context = " ".join(paragraph)
    plain = word_search(paragraph, SOURCE)

    def search(query: str):
        return [replace(h, context=context) for h in plain(query)]

    verdict = timeline.decide("The spillway was rebuilt before the reservoir was drained.", search)
    assert verdict is not None and verdict.verdict == "supported", verdict
    assert "June last year" in verdict.reason and "7 months before" in verdict.reason, verdict.reason
    # a day with no year takes the year of the last date its paragraph gives before it
    verdict = timeline.decide("The new turbine was installed before the reservoir was drained.", search)
    assert verdict is not None and verdict.verdict == "refuted", verdict
    # a calendar year and a year counted from the writing cannot be set against each other
    assert timeline.decide("The reservoir was drained after construction of the dam began.", search) is None


def test_check_orders_the_seed_events_of_this_year_and_last(seed_service):
    # before, neither had a calendar year, so the ordinary check answered "not enough info"
    verdict = seed_service.check("The Crocus City Hall attack came before the explosions in Kerman.")
    assert verdict.verdict == "refuted" and verdict.mismatch == "date", verdict.reason
    verdict = seed_service.check("The UN report was released before the Kerman explosions.")
    assert verdict.verdict == "supported" and "June last year" in verdict.reason, verdict.reason


def test_a_dated_source_gives_this_year_its_calendar_year():
    dated = SourceRef("dam24", "A dam on the Vakhsh", "dam24.md", date="2024-05-02")
    texts = [
        "The reservoir was drained on January 3 this year.",
        "Construction of the dam began in October 2016.",
    ]
    verdict = timeline.decide(
        "The reservoir was drained more than seven years after construction of the dam began.",
        word_search(texts, dated),
    )
    assert verdict is not None and verdict.verdict == "supported", verdict
    assert "7 years 3 months after" in verdict.reason, verdict.reason
