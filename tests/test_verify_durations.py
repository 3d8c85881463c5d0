"""Durations compared across units, and ranges written in words (issue 16): "two to three years" against
"12 to 18 months" is a clash, "18 months" against "a year and a half" is not; a number in what someone
told is counted by its own clause's verb, not by "told". Real parser and rules; sentences of our own, and
the seed through the real `check`."""

from __future__ import annotations

from verify_helpers import passage

from askisk.models import SourceRef
from askisk.verify.features import analyse
from askisk.verify.verdict import align

SOURCE = SourceRef("dam", "A dam on the Vakhsh", "dam.md")


def _numbers(text: str) -> list[tuple[str, float, float, str | None]]:
    return [(n.text, n.low, n.high, n.unit) for n in analyse(text).numbers]


def _number_clashes(claim: str, text: str) -> list[tuple[str, str]]:
    alignment = align(analyse(claim), passage(text, SOURCE, speaker="Lena Orlova"), analyse(text))
    return [(m.claim, m.source) for m in alignment.mismatches if m.kind == "number"]


def test_a_range_in_words_is_one_range():
    assert _numbers("The dam will take two to three years to fill.") == [("two to three", 2, 3, "year")]
    assert [n[:3] for n in _numbers("Two or three engineers resigned.")] == [("Two or three", 2, 3)]
    # "and" joins words that are a list more often than a range
    assert [n[0] for n in _numbers("The flood killed two and injured three.")] == ["two", "three"]


def test_durations_in_different_units_compare():
    text = "Orlova said the reservoir will be full in 12 to 18 months."
    assert _number_clashes("Orlova said the reservoir will be full in two to three years.", text) == [
        ("two to three years", "12 to 18 months")
    ]
    assert (
        _number_clashes("Orlova said the reservoir will be full in 18 months.", "It fills in 78 weeks.") == []
    )
    assert (
        _number_clashes("Orlova said the reservoir will be full in 2 years.", "It fills in 24 months.") == []
    )


def test_a_reported_number_is_counted_by_its_own_verb():
    # "told" is not what counts the years: the clause's own verb, or none, is
    claim = analyse("Orlova told engineers it would take the crews two to three years to fill the reservoir.")
    assert claim.numbers[0].verb is None
    assert analyse("Orlova told reporters the crews had worked for six years.").numbers[0].verb == "work"
    assert analyse("Orlova told 40 engineers about the plan.").numbers[0].verb == "tell"


def test_check_refutes_a_timeline_given_in_years_against_months(seed_service):
    verdict = seed_service.check(
        "McKenzie said it would take IS-K two to three years to be able to attack out of Afghanistan."
    )
    assert verdict.verdict == "refuted" and verdict.mismatch == "number", verdict.reason
    assert "claim says two to three years, source says 12 to 18 months" in verdict.reason


def test_vague_counts_are_spans():
    text = "A handful of engineers and tens of thousands of villagers stayed."
    counts = {n.text: (n.low, n.high, n.unit, n.vague) for n in analyse(text).numbers}
    assert counts == {
        "A handful": (2, 9, "engineer", True),
        "tens of thousands": (20_000, 99_000, "villager", True),
    }
    assert [
        w.lemma for w in analyse(text).words if w.lemma in ("handful", "thousand")
    ] == []  # no content words
    assert analyse("Test scores rose in the valley.").numbers == ()  # "scores" without "of" counts nothing


def test_a_vague_count_clashes_with_a_figure_outside_it():
    text = "The flood killed 90 villagers in the valley."
    assert _number_clashes("Orlova said the flood killed hundreds of villagers in the valley.", text) == [
        ("hundreds", "90")
    ]
    assert _number_clashes("Orlova said the flood killed dozens of villagers in the valley.", text) == []
    # two vague counts clash only far apart: "a handful" is not "scores", "thousands" may be "tens of
    # thousands"
    text = "Villagers said the flood injured scores of others."
    assert _number_clashes("Orlova said the flood injured only a handful of villagers.", text) == [
        ("a handful", "scores")
    ]
    text = "The dam displaced many thousands of villagers."
    assert _number_clashes("Orlova said the dam displaced tens of thousands of villagers.", text) == []


def test_a_vague_count_with_nothing_to_check_it_on_is_no_gap():
    # "several years" is what the claim takes as given, not a figure the passage must give
    text = "The glacier retreated 30 m in the valley."
    alignment = align(
        analyse("The glacier retreated for several years."), passage(text, SOURCE), analyse(text)
    )
    assert alignment.unverified == () and not [m for m in alignment.mismatches if m.kind == "number"]


def test_a_vague_count_meets_a_bare_figure_its_own_verb_counts():
    # "killed 90 in the valley" counts people without naming them; a duration never meets a bare figure
    text = "The flood killed 90 in the valley, receding 30 m (98 ft) a day."
    assert _number_clashes("Orlova said the flood killed hundreds of people in the valley.", text) == [
        ("hundreds", "90")
    ]
    assert _number_clashes("Orlova said the flood receded for several years.", text) == []


def test_the_clashing_figure_named_is_the_one_its_verb_counts():
    text = "The flood killed nearly 100 people and injured scores of others."
    clashes = _number_clashes("Orlova said the flood injured only a handful of people.", text)
    assert clashes == [("a handful", "scores")]


def test_check_on_the_seed_reads_hundreds_against_ninety(seed_service):
    verdict = seed_service.check("An IS-K bombing killed hundreds of people in Kabul in May 2021.")
    assert verdict.verdict == "refuted" and "claim says hundreds, source says 90" in verdict.reason
    assert (
        seed_service.check("An IS-K bombing killed dozens of people in Kabul in May 2021.").verdict
        == "supported"
    )
