"""Session 54 (issue 15): shapes read on fresh AllSides news pages (s92ab, s93ab, s96ab, s97ab), each checked
through the real pipeline (spaCy's small model, the learned cue and pronoun models) on text written for the
test, not copied from a page."""

from __future__ import annotations

import pytest
from conftest import attributions as _attrs

LEAD = "Mayor Ann Reyes spoke about the ferry budget on Monday.\n\n"


def _one(sentence: str, convention: str = "news", lead: str = LEAD) -> tuple[str | None, str]:
    return _attrs(f"{lead}{sentence}\n", convention=convention)[sentence]


def test_what_a_poll_shows_is_its_finding_even_with_a_bare_object():
    lead = "The race for governor tightened this week.\n\n"
    shows = "The newest Harbor College poll shows Lund leading Reyes by nine points among likely voters."
    again = "It showed Lund, who owns two farms near the lake, keeping his lead in the north."
    got = _attrs(f"{lead}{shows}\n\n{again}\n")
    assert got[shows] == ("Harbor College poll", "reported")
    assert got[again] == ("Harbor College poll", "reported")


def test_what_a_study_would_show_is_the_writers_guess():
    lead = "A study of the voter rolls in Ohio was published in May.\n\n"
    shows = "The study shows that hundreds of names were listed twice."
    hypothetical = "What a wider analysis of the rolls would show is not known."
    got = _attrs(f"{lead}{shows}\n\n{hypothetical}\n")
    assert got[shows][1] == "reported"
    assert got[hypothetical] == (None, "narration")


def test_a_noun_acted_on_by_an_agent_after_a_quotation_is_not_its_speaker():
    said = 'Lund called the method used by the panel "a bit of a sham," a label rejected by the chairman.'
    assert _one(said) == ("Lund", "reported")


@pytest.mark.parametrize(
    "sentence",
    [
        "Lund's staff declined a request from the Harbor Ledger for an interview.",
        "On Friday, Lund twice declined to speak about the ferry bill and referred a reporter to his aides.",
        "Reyes was referring to the former city clerk Tom Hale, who leaked a budget memo last year.",
    ],
)
def test_speaking_without_content_is_narration(sentence):
    assert _one(sentence) == (None, "narration")
    assert _one(sentence, "polnear")[1] != "quote"


def test_taking_aim_at_someone_is_a_criticism_voiced():
    aim = "But in a speech full of local pride, she also took aim at her predecessors on taxes and roads."
    assert _one(aim) == ("Mayor Ann Reyes", "reported")


def test_trying_to_portray_someone_as_something_is_the_portrayal():
    tried = "At a rally on Sunday, Tom Lund tried to portray Reyes as an absent mayor who skips votes."
    assert _one(tried) == ("Tom Lund", "reported")


def test_an_act_done_in_a_statement_to_a_paper_is_that_statement():
    laid = (
        "Tom Lund laid out a plan for cutting the ferry budget in a statement to the Harbor Ledger, arguing "
        "for a shorter season."
    )
    assert _one(laid) == ("Tom Lund", "reported")
    assert _one("Tom Lund laid out a plan for cutting the ferry budget.") == (None, "narration")


def test_a_claim_that_is_the_subject_of_the_writers_clause_is_narration():
    topic = "But Tom Hale's argument that the payment was a loan could well be challenged in court."
    stated = "Tom Hale's argument is that the payment was a loan."
    got = _attrs(f"{LEAD}{topic}\n\n{stated}\n")
    assert got[topic] == (None, "narration")
    assert got[stated] == ("Tom Hale", "reported")
