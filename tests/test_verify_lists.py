"""Counts and dates a passage gives through a list (issue 16): "Its engineers, Lena Orlova and Timur
Rasulov," counts two engineers; "in May 2020 and June 2018, respectively" gives each its own date, so "both
… in 2020" is contradicted; "January 3 last year" is not "January 3 this year". Real parser and rules;
sentences of our own, and the seed through the real `check`."""

from __future__ import annotations

from verify_helpers import passage

from askisk.models import SourceRef
from askisk.verify.features import analyse
from askisk.verify.quantities import dates
from askisk.verify.verdict import align

SOURCE = SourceRef("dam", "A dam on the Vakhsh", "dam.md")
LISTED = (
    "Its chief engineers, Lena Orlova and Timur Rasulov, resigned in May 2020 and June 2018, respectively."
)


def _clashes(claim: str, text: str) -> list[tuple[str, str, str]]:
    alignment = align(analyse(claim), passage(text, SOURCE), analyse(text))
    return [(m.kind, m.claim, m.source) for m in alignment.mismatches]


def test_a_list_of_names_counts_its_members():
    listed = [n for n in analyse(LISTED).numbers if n.unit == "engineer"]
    assert [(n.low, n.text, n.verb) for n in listed] == [(2, "2 (Lena Orlova and Timur Rasulov)", "resign")]
    assert _clashes("The dam had three chief engineers, all of whom resigned.", LISTED) == [
        ("number", "three", "2 (Lena Orlova and Timur Rasulov)")
    ]
    assert _clashes("The dam's two chief engineers resigned.", LISTED) == []
    # a claim that lists names asserts no count a passage must give
    text = "Lena Orlova and Timur Rasulov resigned."
    alignment = align(
        analyse("Its engineers, Lena Orlova and Timur Rasulov, resigned."),
        passage(text, SOURCE),
        analyse(text),
    )
    assert not alignment.unverified and not alignment.mismatches


def test_both_must_hold_for_each_date_given_respectively():
    assert _clashes("Both chief engineers resigned in 2020.", LISTED) == [("date", "2020", "June 2018")]
    assert _clashes("One of the chief engineers resigned in 2020.", LISTED) == []


def test_a_year_told_relative_to_the_writing():
    found, _ = dates("The dam opened on January 3 last year, and the canal in June this year.")
    assert [(d.text, d.month, d.day, d.relative) for d in found] == [
        ("January 3 last year", 1, 3, -1),
        ("June this year", 6, None, 0),
    ]
    text = "The dam opened on January 3 this year."
    assert _clashes("The dam opened on January 3 last year.", text) == [
        ("date", "January 3 last year", "January 3 this year")
    ]
    assert _clashes("The dam opened on January 3.", text) == []


def test_check_counts_the_seed_leaders_it_lists(seed_service):
    verdict = seed_service.check("IS-K had three initial leaders, and US forces killed them all.")
    assert verdict.verdict == "refuted" and verdict.mismatch == "number", verdict.reason
    assert "source says 2 (Hafiz Saeed Khan and Abdul Rauf Aliza)" in verdict.reason
