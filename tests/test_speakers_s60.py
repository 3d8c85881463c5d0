"""Session 60 (issue 15): shapes read on a fresh AllSides page set (s162ab-s167ab), each checked through the
real pipeline (spaCy's small model, the learned cue and pronoun models) on text written for the test, not
copied from a page."""

from __future__ import annotations

from conftest import HARBOR_LEAD as LEAD
from conftest import attributions as _attrs


def test_a_name_right_after_its_description_is_the_speaker_not_the_description():
    # the parser gives "previewed" two subjects, "mate" and "Ola Dahl": the name is the apposition
    sentence = (
        "Lund’s running mate Ola Dahl previewed the campaign’s message on the radio, telling the host: "
        "“We will keep every ferry running through the winter.”"
    )
    assert _attrs(LEAD + sentence + "\n")[sentence] == ("Ola Dahl", "quote")


def test_he_closing_a_quotation_is_not_the_man_named_sentences_earlier_inside_it():
    body = (
        "Harbor vote\n\nSenator Tor Brekke, meanwhile, shared his reading of the race on a call with "
        "reporters. Governor Arne Lund has carried the islands in both of his races.\n\n"
        "“Certainly, if the islands swing away, it is the end of the road for Arne Lund. So pulling the "
        "islands into our column is a very big prize,” he said.\n"
    )
    got = _attrs(body)
    closing = "So pulling the islands into our column is a very big prize,” he said."
    assert got[closing] == ("Sen. Tor Brekke", "quote")
    assert got["“Certainly, if the islands swing away, it is the end of the road for Arne Lund."] == (
        "Sen. Tor Brekke",
        "quote",
    )


def test_a_lawsuit_named_by_its_parties_is_not_the_longer_name_of_the_one_who_speaks():
    body = (
        LEAD + "The suit, Halvorsen v. Pompeo, was filed in 2019 by a ferry captain.\n\n"
        "“The board never answered a single letter,” Halvorsen said.\n"
    )
    assert _attrs(body)["“The board never answered a single letter,” Halvorsen said."] == (
        "Halvorsen",
        "quote",
    )


TRANSCRIPT = (
    "Ferry talks\n\n"
    "HOLM: The council voted on the ferry budget today. Kari Holm reports.\n\n"
    "BERG: We cannot run the night boats on this money.\n\n"
    "HOLM: The mayor disagrees and says the budget is fair.\n\n"
    "BERG: Then she should ride the last boat home in January.\n\n"
    "HOLM: The next vote is in March. Kari Holm, Harbor Radio News.\n\n"
    "Copyright © 2020 Harbor Radio. All rights reserved.\n\n"
    "Harbor Radio transcripts are made on a tight deadline and may be revised later.\n"
)


def test_a_transcript_ends_at_its_copyright_line_and_a_reporters_sign_off_is_narration():
    got = _attrs(TRANSCRIPT)
    assert got["BERG: Then she should ride the last boat home in January."][0] == "Berg"
    assert got["Kari Holm, Harbor Radio News."] == (None, "narration")
    assert got["Copyright © 2020 Harbor Radio."] == (None, "narration")
    assert got["Harbor Radio transcripts are made on a tight deadline and may be revised later."] == (
        None,
        "narration",
    )


def test_a_message_named_without_its_content_says_nothing():
    body = (
        LEAD + "Brekke has said many angry things over the course of the race.\n\n"
        "Some councillors voiced similar concerns.\n\n"
        "The board has already responded to the complaints.\n\n"
        "Other councillors voiced concerns about the cost of the night ferries.\n"
    )
    got = _attrs(body)
    assert got["Brekke has said many angry things over the course of the race."] == (None, "narration")
    assert got["Some councillors voiced similar concerns."] == (None, "narration")
    assert got["The board has already responded to the complaints."] == (None, "narration")
    # a topic after the message: something was said about it
    assert got["Other councillors voiced concerns about the cost of the night ferries."][1] == "reported"


def test_taking_someone_to_task_is_a_rebuke_voiced():
    sentence = "On Monday, Lund took the harbor board to task for failing to fix the pier."
    assert _attrs(LEAD + sentence + "\n")[sentence] == ("Lund", "reported")


def test_a_paper_reporting_what_a_firm_hopes_is_the_papers_statement():
    # the wish inside is no speech the paper relays, so the paper is the speaker
    sentence = "The Harbor Star reported on Friday that the ferry company is hoping to add a night boat."
    assert _attrs(LEAD + sentence + "\n")[sentence] == ("Harbor Star", "reported")


def test_an_inverted_tag_the_parser_leaves_unattached_names_its_speaker():
    sentence = "But that plan could still change, cautioned the officials, who asked not to be named."
    assert _attrs(LEAD + sentence + "\n")[sentence] == ("Officials", "reported")


def test_a_link_card_ends_no_sentence_and_its_speaker_is_read_around_it():
    # the card's headlines hold a "!" that would end the sentence inside it
    body = (
        "Harbor vote\n\nHarbor councillors on Monday slammed Mayor Ann Reyes Ann Marie ReyesReyes opens "
        "new pier to cheers: 'Best day ever!' Ferry fares rise again MORE for skipping the vote on the "
        "ferry budget.\n"
    )
    got = _attrs(body)
    assert len(got) == 2
    sentence = next(t for t in got if t.startswith("Harbor councillors"))
    assert sentence.endswith("ferry budget.")
    assert got[sentence] == ("Harbor councillors", "reported")


def test_a_bare_document_word_before_a_colon_names_no_speaker():
    body = (
        LEAD
        + "Claim: Scientists found a paint that stops rust forever\n\nReyes: The ferry will run all winter\n"
    )
    got = _attrs(body)
    assert got["Claim: Scientists found a paint that stops rust forever"] == (None, "narration")
    assert got["Reyes: The ferry will run all winter"] == ("Reyes", "reported")


def test_an_unnamed_source_keeps_the_participle_that_says_which_one():
    body = (
        LEAD + "Another person involved in the talks said the mayor wanted a firm line on fares.\n\n"
        "Officials based in the port said the pier was safe.\n"
    )
    got = _attrs(body)
    assert got["Another person involved in the talks said the mayor wanted a firm line on fares."] == (
        "Another person involved in the talks",
        "reported",
    )
    assert got["Officials based in the port said the pier was safe."][0] == "Officials based in the port"


def test_a_caption_closed_by_a_bare_piped_agency_credit_is_narration():
    caption = "“The board must answer for the pier,” Dahl says. | Getty Ferry fight"
    body = f"Harbor vote\n\n{caption}\n\nThe council met on Monday to vote on the ferry budget.\n"
    assert _attrs(body)[caption] == (None, "narration")


def test_a_feeling_and_what_it_led_to_is_no_view():
    body = LEAD + "Judge Ann Holm was so incensed that she read her dissent from the bench.\n\n"
    body += "Reyes was so sure that the vote would pass.\n"
    got = _attrs(body)
    assert got["Judge Ann Holm was so incensed that she read her dissent from the bench."] == (
        None,
        "narration",
    )
    # a view held: the clause is what she is sure of
    assert got["Reyes was so sure that the vote would pass."][1] == "reported"


def test_a_speech_delivered_about_a_topic_gives_no_words():
    body = (
        LEAD
        + "Reyes, though, delivered a scathing speech at the hall about the prospect of higher fares.\n\n"
        "Dahl delivered a speech, saying the fares would fall.\n"
    )
    got = _attrs(body)
    assert got[
        "Reyes, though, delivered a scathing speech at the hall about the prospect of higher fares."
    ] == (None, "narration")
    assert got["Dahl delivered a speech, saying the fares would fall."] == ("Dahl", "reported")


def test_a_news_outlet_that_is_told_something_is_its_source():
    body = (
        LEAD + "Harbor Radio News is told the second hearing could come in May.\n\n"
        "A key focus of the questions from councillors, Harbor Radio News is told, was the pier.\n\n"
        "The mayor was told that the pier was unsafe.\n"
    )
    got = _attrs(body)
    assert got["Harbor Radio News is told the second hearing could come in May."] == (
        "Harbor Radio News",
        "reported",
    )
    assert got["A key focus of the questions from councillors, Harbor Radio News is told, was the pier."][
        0
    ] == ("Harbor Radio News")
    assert got["The mayor was told that the pier was unsafe."] == (None, "narration")
