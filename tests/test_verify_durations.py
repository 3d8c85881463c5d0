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
