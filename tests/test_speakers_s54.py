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
    said = 'Lund called the method "a bit of a sham," a description rejected by the committee chairman.'
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


# round 2 (s98ab, s99ab read)


def test_a_pull_quote_signed_after_a_dash_with_a_description_before_the_name():
    pulled = "'I have never taken a single bribe from anyone' — Harbor City mayor Ann Reyes"
    assert _one(pulled) == ("Mayor Ann Reyes", "quote")


def test_shooting_down_an_idea_is_a_rejection_voiced_a_drone_is_not():
    idea = "Council leader Tom Lund on Tuesday shot down the idea, floated by the mayor, of closing the dock."
    drone = "Council leader Tom Lund said the navy shot down a drone over the bay."
    got = _attrs(f"{LEAD}{idea}\n\n{drone}\n")
    assert got[idea] == ("Tom Lund", "reported")
    assert got[drone][1] == "reported" and got[drone][0] == "Tom Lund"  # his statement, not the navy's


@pytest.mark.parametrize("convention", ["news", "polnear"])
def test_to_people_comma_gives_their_view_unless_the_clause_has_a_speaker(convention):
    view = 'To Lund and Hale, that would be a "reckless" reading of the budget law.'
    date = "To date, the ferry has lost money in every winter season."
    promise = "To voters, Tom Lund promised lower fares and a longer season."
    got = _attrs(f"{LEAD}{view}\n\n{date}\n\n{promise}\n", convention=convention)
    assert got[view][0] is not None and "Lund" in got[view][0]
    assert got[date] == (None, "narration")
    assert got[promise][0] == "Tom Lund"


def test_a_document_released_with_its_finding_speaks():
    lead = "The ferry lost money again this year.\n\n"
    released = (
        "On Wednesday, the city budget office released a report showing that ferry costs rose by a third."
    )
    bare = "On Thursday, the city budget office released a report on ferry costs."
    got = _attrs(f"{lead}{released}\n\n{bare}\n")
    assert got[released][1] == "reported" and "budget office" in (got[released][0] or "").lower()
    assert got[bare] == (None, "narration")


@pytest.mark.parametrize(
    "sentence",
    [
        "Ellen Voss of Salem, whose son rides the ferry, wanted the fare cut completely.",
        "STORY: Council votes to keep the ferry running",
        "The parish church told the rowing club, which it had hosted for years, to find a new home.",
        "Hale also reports for The Harbor Ledger.",
        "The city auditor referred the dock contract to the state attorney general.",
    ],
)
def test_wishes_links_requests_jobs_and_referrals_are_narration(sentence):
    assert _one(sentence) == (None, "narration")


@pytest.mark.parametrize(
    "sentence",
    [
        "Democrats continue to slam the ferry plan as a giveaway to the rich.",
        "During the budget hearing, Ann Reyes spoke of the ferry as a lifeline for the islands.",
        "Ann Reyes on Saturday offered one of her firmest defences yet of the ferry subsidy.",
    ],
)
def test_an_attack_a_view_and_a_defence_voiced_are_statements(sentence):
    got = _one(sentence)
    assert got[1] == "reported" and got[0] is not None


def test_a_headline_closed_by_a_quoted_word_and_the_line_under_it_are_the_papers():
    body = (
        "Senator calls the ferry deal a 'non-starter'\n\n"
        "Lund says he will be ‘more careful’ after calling the mayor a ‘faker’\n\n"
        "Senator Tom Lund said on Monday that the ferry deal could not pass.\n"
    )
    got = _attrs(body)
    assert got["Senator calls the ferry deal a 'non-starter'"] == (None, "narration")
    assert got["Lund says he will be ‘more careful’ after calling the mayor a ‘faker’"] == (None, "narration")
    assert got["Senator Tom Lund said on Monday that the ferry deal could not pass."][1] == "reported"
    assert _attrs(body, convention="polnear")["Senator calls the ferry deal a 'non-starter'"][1] != (
        "narration"
    )
