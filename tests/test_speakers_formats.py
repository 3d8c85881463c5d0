"""Attribution behaviours added for real news (issue 15), each on sentences written for the test.

Real spaCy model; every case is text nobody here took from a corpus.
"""

from __future__ import annotations

import pytest

from askisk.models import Source
from askisk.speakers.corpus import analyse


def _attrs(body: str) -> dict[str, tuple[str | None, str]]:
    doc = analyse(Source(id="t", title="t", path="t.md", body=body))
    return {p.text: (a.speaker, a.kind) for p, a in zip(doc.passages, doc.attributions, strict=True)}


def test_learned_cue_verb_without_a_clause():
    got = _attrs(
        "The council met on Monday.\n\nCouncillor Tom Baker cited the flood maps as proof of neglect.\n"
    )
    assert got["Councillor Tom Baker cited the flood maps as proof of neglect."][0] == "Tom Baker"
    assert got["The council met on Monday."] == (None, "narration")


def test_mid_sentence_said_between_commas():
    got = _attrs("The dam was safe, engineer Paul Kim said, until the spring floods came.\n")
    assert got["The dam was safe, engineer Paul Kim said, until the spring floods came."] == (
        "Paul Kim",
        "reported",
    )


def test_lead_label_and_transcript_turn():
    got = _attrs(
        "Lopez: The levee will hold through the winter.\n\n"
        "MARTIN: Do you really believe that? The water is rising every day.\n"
    )
    assert got["Lopez: The levee will hold through the winter."][0] == "Lopez"
    assert got["MARTIN: Do you really believe that?"][0] == "Martin"
    assert got["The water is rising every day."][0] == "Martin"  # the turn goes on to the paragraph's end


def test_a_stage_direction_inside_a_turn_is_nobodys_words():
    got = _attrs('Lopez spoke first.\n\n"LOPEZ: The levee will hold through the winter. "(CROSSTALK.)\n')
    assert got['"LOPEZ: The levee will hold through the winter.'][0] == "Lopez"
    assert got['"(CROSSTALK.)'] == (None, "narration")  # its quotation mark does not make it a quotation


@pytest.mark.parametrize(
    "text",
    [
        "Correction: An earlier version of this article incorrectly listed when the new levy was introduced.",
        "This article has been revised: An earlier version of this article misstated the cost of the bridge.",
    ],
)
def test_a_correction_note_is_the_publications_own_voice(text):
    assert _attrs(text + "\n")[text] == (None, "narration")


@pytest.mark.parametrize("label", ["Correction", "Update"])
def test_layout_labels_are_not_speakers(label):
    got = _attrs(f"{label}: An earlier version of this story misstated the date of the vote.\n")
    assert next(iter(got.values())) == (None, "narration")


def test_colon_lead_in_hands_the_block_quote_to_its_speaker():
    got = _attrs(
        "The mayor, Ann Reyes, opened the meeting on Friday.\n\n"
        "Reyes added:\n\n"
        "It is typical of the ministry. They know nothing about this town.\n\n"
        "The vote is next week.\n"
    )
    assert got["It is typical of the ministry."][0] == "Ann Reyes"
    assert got["They know nothing about this town."][0] == "Ann Reyes"
    assert got["The vote is next week."] == (None, "narration")


def test_signed_quotations_go_to_the_signature_after_them():
    got = _attrs(
        "Readers wrote in.\n\n"
        "“The plan is a disgrace. It will fail.” ― Rosa Diaz\n"
        "“I am hopeful about it.” ― Omar Khan\n"
    )
    assert got["“The plan is a disgrace."] == ("Rosa Diaz", "quote")
    # a signature ends its line's sentence, full stop or not (tests/test_speakers_dev10.py)
    assert got["It will fail.” ― Rosa Diaz"] == ("Rosa Diaz", "quote")
    assert got["“I am hopeful about it.” ― Omar Khan"] == ("Omar Khan", "quote")
    alone = _attrs("Readers wrote in.\n\n“I am hopeful about it.” ― Omar Khan\n")
    assert alone["“I am hopeful about it.” ― Omar Khan"] == ("Omar Khan", "quote")


def test_typewriter_quotes_run_over_sentences():
    got = _attrs(
        "''We will rebuild the pier,'' Mr. Hale said. ''It will take years, and it will cost a lot.''\n"
    )
    assert got["''It will take years, and it will cost a lot.''"] == ("Mr. Hale", "quote")


def test_one_question_line_in_a_news_story_is_not_an_interview():
    got = _attrs(
        "Officials said the bridge would reopen in May, Director Lena Ortiz said.\n\n"
        "What went wrong?\n\n"
        "The bridge was built in 1962 and last inspected in 2019.\n"
    )
    assert got["The bridge was built in 1962 and last inspected in 2019."] == (None, "narration")


def test_he_said_goes_to_the_person_the_story_is_about():
    got = _attrs(
        "Mark Olsen criticized the budget on Monday.\n\n"
        "The plan was drafted by Peter Lund over the summer.\n\n"
        "“It is a mistake,” he said.\n"
    )
    assert got["“It is a mistake,” he said."][0] == "Mark Olsen"


def test_a_quoted_phrase_in_reported_speech_is_not_a_quote():
    # under half the letters of what she said are quoted (the speech and the evening only frame it)
    got = _attrs(
        "Mayor Ann Cole called the new harbour plan, which the port board approved in March, “a waste of "
        "public money” in a long speech to the council on Tuesday evening.\n\n"
        "“We will not pay for a harbour nobody asked for,” Cole said.\n"
    )
    assert got[
        "Mayor Ann Cole called the new harbour plan, which the port board approved in March, “a waste of "
        "public money” in a long speech to the council on Tuesday evening."
    ] == ("Mayor Ann Cole", "reported")
    assert got["“We will not pay for a harbour nobody asked for,” Cole said."] == ("Mayor Ann Cole", "quote")


def test_a_gendered_title_prefers_the_person_of_that_gender():
    got = _attrs(
        "Ms. Marisol Dunn campaigned in Ohio on Monday.\n\n"
        "The rally was opened by Kestrel Dunn, a former governor.\n\n"
        "Mrs. Dunn said the state needs new jobs.\n"
    )
    assert got["Mrs. Dunn said the state needs new jobs."][0] == "Marisol Dunn"


def test_a_scare_quoted_phrase_nobody_speaks_is_narration():
    text = 'They kept guns in the barn to "shoot any intruder on sight" and planned bunkers in the hills.'
    got = _attrs(f"My father bought land upstate. {text}\n\n")
    assert got[text] == (None, "narration")  # a quoted phrase inside the writer's sentence, no speaker
    whole = _attrs('"We need law and order. If we do not have it, we will not have a country."\n')
    assert set(whole.values()) == {(None, "quote")}  # a quotation nobody is named for stays a quotation
