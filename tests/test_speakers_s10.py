"""Attribution forms met on fresh pages (issue 15, session 10: a BBC interview story with a bulleted list
of what the president said, a Washington Post story whose parser read "The leader of X, Y, condemned …"
as a noun phrase, "X has faced criticism"). Real spaCy model and the real pipeline; every text is written
for the test, from no corpus.
"""

from __future__ import annotations

from conftest import attributions as _attrs

from askisk.nlp import pipeline
from askisk.speakers.quotes import match_text
from askisk.speakers.speech import subject_of


def test_a_colon_lead_in_hands_its_speaker_to_every_item_of_the_list_after_it():
    got = _attrs(
        "The mayor, Ann Reyes, gave a long interview on Friday.\n\n"
        "In the interview, Reyes also said:\n\n"
        "The town must keep its bus line to stay open to visitors\n\n"
        "She is confident the budget will pass the council\n\n"
        "The port needs a new pier in order to keep the ferries\n\n"
        "Reyes flies to Lisbon on Monday.\n"
    )
    assert got["The town must keep its bus line to stay open to visitors"] == ("Ann Reyes", "reported")
    assert got["The port needs a new pier in order to keep the ferries"] == ("Ann Reyes", "reported")
    assert got["Reyes flies to Lisbon on Monday."] == (None, "narration")  # the list has ended


def test_a_list_item_with_a_cue_of_its_own_does_not_end_the_list():
    got = _attrs(
        "In the interview, Reyes also said:\n\n"
        "The town must keep its bus line to stay open to visitors\n\n"
        'She would speak "bluntly" against waste in the port\n\n'
        "The port needs a new pier in order to keep the ferries\n"
    )
    assert got["The port needs a new pier in order to keep the ferries"] == ("Reyes", "reported")


def test_a_block_quote_after_a_colon_is_reported_unless_it_is_in_quotation_marks():
    got = _attrs(
        "Reyes added:\n\nIt is typical of the ministry. They know nothing about this town.\n\n"
        "Then Reyes said:\n\n“We will build the pier with or without the ministry.”\n"
    )
    assert got["It is typical of the ministry."] == ("Reyes", "reported")
    assert got["“We will build the pier with or without the ministry.”"] == ("Reyes", "quote")


def test_a_participle_hanging_off_a_noun_is_that_nouns_act():
    # "The leader of X, Y, condemned …" parsed as a noun phrase: "condemned" a reduced relative of "leader"
    doc = pipeline()(
        match_text(
            "The leader of Norveda, Ilse Marten, condemned Friday’s bombing, saying in a statement that it "
            "“will not break our people’s will and will not undermine our revolution.”"
        )
    )
    saying = next(t for t in doc if t.lower_ == "saying")
    subj = subject_of(saying)
    assert subj is not None and subj.lower_ == "leader"


def test_the_subject_of_faced_criticism_is_its_target_not_its_speaker():
    got = _attrs(
        "The mayor, Ann Reyes, opened the pier on Friday.\n\n"
        "Ms Reyes has faced criticism in the town after the council closed the market.\n\n"
        "The minister came under fire for the delay.\n"
    )
    assert got["Ms Reyes has faced criticism in the town after the council closed the market."] == (
        None,
        "narration",
    )


def test_a_credit_line_glued_to_a_caption_does_not_hide_the_cue():
    caption = (
        "There are typically between 400 and 600 water main breaks each year in the town, an official "
        "said.CreditMara Quint for The Daily Ledger"
    )
    got = _attrs(f"Water mains break often in winter.\n\n{caption}\n")
    assert got[caption] == ("Official", "reported")
