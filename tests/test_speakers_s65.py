"""Session 65 (issue 15): shapes read on the session-64 blind page set (s186ab-s191ab), once it had been
measured, each checked through the real pipeline (spaCy's small model, the learned cue and pronoun models)
on text written for the test, not copied from a page."""

from __future__ import annotations

import pytest
from conftest import HARBOR_LEAD as LEAD
from conftest import attribution_of as _one
from conftest import attributions


def test_an_office_held_then_is_a_title_not_the_speaker():
    sentence = "“We will not back down,” said then-Sen. Ann Reyes (D-Ore.), now a lobbyist in Salem."
    assert _one(sentence) == ("Ann Reyes", "quote")


def test_then_and_a_title_stay_one_token_with_their_dot():
    from askisk.nlp import pipeline

    doc = pipeline()("He was welcomed by then-Gov. Lena Ortiz at the pier.")
    assert "then-Gov." in [t.text for t in doc]
    assert len(list(doc.sents)) == 1


def test_a_clause_opened_by_that_is_a_subject_not_a_report():
    sentence = (
        "That the ferry race ended with only a slim margin between the mayor and Ortiz allowed the "
        "council to skip a second ballot."
    )
    assert _one(sentence) == (None, "narration")
    assert _one("Whether the mayor said it matters little to the crews.") == (None, "narration")


def test_a_participle_clause_after_a_comma_names_no_speaker():
    sentence = (
        "This is the White House unleashed, forgoing niceties for the style of blunt talk some of Obama's "
        "friends have been demanding for a while."
    )
    assert _one(sentence) == (None, "narration")


def test_whom_one_disagrees_with_is_no_speaker():
    assert _one("Disagree with a Democrat?") == (None, "narration")


def test_a_statement_released_without_its_words_is_narration():
    bare = "At the end of last week's harbor talks the two towns released a joint statement."
    assert _one(bare) == (None, "narration")
    told = "The two towns released a joint statement saying the talks were useful."
    assert _one(told) == ("Two towns", "reported")


def test_a_tag_set_off_inside_the_sentence_with_its_subject_read_as_a_compound():
    sentence = "Therefore, the letter states, the board has decided to not let the crews release any files."
    body = LEAD + "A letter from Ann Reyes reached the council on Monday.\n\n" + sentence + "\n"
    assert attributions(body)[sentence] == ("Ann Reyes letter", "reported")


def test_a_that_clause_of_a_ruling_hung_on_the_case_is_what_was_ruled():
    sentence = "On Tuesday a second judge also ruled in the Ms. L case that crews should be kept together."
    assert _one(sentence) == ("Second judge", "reported")


def test_a_headline_speaker_on_a_topic_before_quoted_words():
    body = "Ann Reyes on Tolls: ‘We were very open with the town’\n\nThe council met on Monday.\n"
    got = attributions(body)
    assert got["Ann Reyes on Tolls: ‘We were very open with the town’"] == ("Ann Reyes", "quote")
    body = (
        "Harbor Convention: Reyes threatens to move the festival from Salem\n\nThe council met on Monday.\n"
    )
    assert attributions(body)["Harbor Convention: Reyes threatens to move the festival from Salem"] == (
        None,
        "narration",
    )


def test_a_line_that_ends_with_its_colon_is_read_without_error():
    body = LEAD + "Ann Reyes on the ferry budget:\n\nThe crews will keep their jobs.\n"
    got = attributions(body)
    assert got["The crews will keep their jobs."] == (None, "narration")


@pytest.mark.parametrize(
    "post",
    [
        # a tagline after the signer's name
        "But for now the Harbor campaign will again accredit their reporters for rallies. "
        "— Ann Reyes - Text FERRY to 88022 (@AnnReyes) March 6, 2020",
        # the BBC embed's "Report" button label after the date
        "Skip Twitter post by @AnnReyes I love the town of Salem, so much so that I insisted on holding the "
        "festival at the pier in August. — Ann Reyes (@AnnReyes) May 25, 2020 Report",
    ],
)
def test_a_post_is_signed_by_its_signature_whatever_follows_the_name_or_the_date(post):
    got = attributions(LEAD + post + "\n")
    assert next(v for k, v in got.items() if k.startswith(post[:12])) == ("Ann Reyes", "quote")


def test_a_conjunction_opening_a_verbless_phrase_does_not_subordinate_the_clause_after_it():
    sentence = (
        "Answering doubts over her use of a private phone to run town business while in office, former "
        "Mayor Ann Reyes says she wants the public to see every message."
    )
    assert _one(sentence) == ("Ann Reyes", "reported")


def test_short_quoted_words_are_a_quote_when_they_are_most_of_what_was_said():
    assert _one('Ann Reyes called the repair bill "beyond belief" in a press conference Wednesday.') == (
        "Ann Reyes",
        "quote",
    )
    assert _one('The ferry company described the talks as "calm and businesslike."') == (
        "Ferry company",
        "quote",
    )
    assert _one('Ann Reyes said the plan was "a mistake" that would cost the town millions.') == (
        "Ann Reyes",
        "reported",
    )


def test_what_someone_found_in_a_clause_is_their_finding():
    sentence = (
        "Dr. Lena Ortiz, head of the harbor clinic, reviewed the records and found about half of the crew "
        "had missed their checks."
    )
    assert _one(sentence) == ("Dr. Lena Ortiz", "reported")


def test_a_demand_with_its_clause_after_an_act_is_the_groups_words():
    sentence = (
        "Residents have been camped outside the town hall since Friday, demanding that the council reopen "
        "the pier."
    )
    assert _one(sentence) == ("Residents", "reported")


def test_a_surname_that_is_also_a_word_is_read_as_a_name_where_it_opens_a_sentence():
    from askisk.nlp import names_known, pipeline
    from askisk.speakers.name_clues import page_surnames

    text = "Trump in October openly called for the council to investigate the ferry over claims of graft."
    assert pipeline()(text)[0].dep_ == "ROOT"  # the small model alone reads the name as the verb
    with names_known(page_surnames("President Donald Trump met the council.")):
        doc = pipeline()(text)
    assert doc[0].dep_ == "nsubj"
    assert doc[0].head.text == "called"


def test_the_surnames_of_a_page_are_the_words_after_a_first_name_or_a_title():
    from askisk.speakers.name_clues import page_surnames

    found = page_surnames(
        "Mayor Ann Reyes met Mr. Ortiz and Sen. Lund in New York. After Brown spoke, Reyes left."
    )
    assert {"Reyes", "Ortiz", "Lund"} <= found
    assert "York" not in found and "Brown" not in found
