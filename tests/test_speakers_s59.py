"""Session 59 (issue 15): shapes read on the AllSides page sets of sessions 57-58, each checked through the
real pipeline (spaCy's small model, the learned cue and pronoun models) on text written for the test, not
copied from a page."""

from __future__ import annotations

from conftest import attributions as _attrs

from askisk.models import Source
from askisk.speakers.annotate import attribute_source

MEETING = "Harbor budget\n\nSenator Tor Brekke spoke first. Then Governor Arne Lund spoke.\n\n"


def test_he_who_names_another_man_in_his_own_quoted_words_is_not_that_man():
    # names inside quotation marks have no registry record; the word itself binds the pronoun
    sentence = "“Nobody in this state can trust Lund with the ferry money,” he warned."
    assert _attrs(MEETING + sentence + "\n")[sentence] == ("Sen. Tor Brekke", "quote")


def test_he_whose_quoted_words_name_nobody_is_still_the_last_man_to_speak():
    sentence = "“Nobody in this state can trust the board with the ferry money,” he warned."
    assert _attrs(MEETING + sentence + "\n")[sentence] == ("Gov. Arne Lund", "quote")


def test_a_headline_colon_opens_what_the_person_says_not_their_role():
    body = (
        "Ida Sandnes: Night Ferries, Not New Bridges, For the Islands\n\n"
        "Former harbor commissioner Ida Sandnes says the county should run ferries through the night.\n"
    )
    rows = attribute_source(Source(id="t", title="t", path="t.txt", body=body))
    said = next(p for p in rows if p.text.startswith("Former harbor commissioner"))
    assert said.speaker == "Ida Sandnes" and said.attribution == "reported"
    assert said.role is not None and "Ferries" not in said.role and "commissioner" in said.role


def test_a_title_case_headline_says_is_no_part_of_the_name_before_it():
    # the small model labels "Graham Says Mattis" one PERSON; the canonical name would carry the headline
    body = (
        "Graham Says Mattis, Kelly Should Stay In Cabinet\n\n"
        "Senator Graham praised Defense Secretary Jim Mattis and John Kelly on Sunday.\n\n"
        '"They are the adults in the room," Graham said.\n'
    )
    got = _attrs(body)
    assert got['"They are the adults in the room," Graham said.'] == ("Sen. Graham", "quote")


def test_a_caption_with_a_piped_agency_credit_is_narration():
    caption = (
        "Sen. Tor Brekke said he would submit a resolution urging Governor Arne Lund to change course on "
        "the ferry cuts. | Jan Berg/AP Photo"
    )
    lead = "Harbor budget\n\nThe council met on Monday to vote on the ferry budget.\n\n"
    body = f"{lead}{caption}\n\nIt voted no.\n"
    assert _attrs(body)[caption] == (None, "narration")


def test_an_audio_players_label_after_a_colon_is_nobodys_words():
    body = (
        "Harbor vote\n\nThe council met on Monday to vote on the ferry budget.\n\n"
        'Councilman Tor Brekke, a ferry captain, called the vote "absolutely stunning":\n\n'
        "Councilman Tor Brekke 0:07\n\n"
        "The board will meet again in June.\n"
    )
    got = _attrs(body)
    assert got["Councilman Tor Brekke 0:07"] == (None, "narration")
    assert got["The board will meet again in June."] == (None, "narration")


def test_she_in_a_clause_on_a_text_her_name_qualifies_is_its_author():
    # "a recent Holm dissent in which she wrote": were the "she" Lund's (a man the text never gendered),
    # Lund would be a woman from then on and the "he said" below would go to the senator he met
    body = (
        "Court fight\n\n"
        'President Lund criticized remarks by Justices Eva Holm and Ida Berg as "inappropriate" on '
        "Tuesday.\n\n"
        '"I just don\'t know how they can sit on these cases," Lund said in a news conference.\n\n'
        '"What Justice Holm said yesterday was highly inappropriate," Lund added.\n\n'
        "Those words seem to answer a recent Holm dissent in which she wrote that the "
        "government had rushed to the court.\n\n"
        "Lund later met Senator Tor Brekke, who chairs the budget committee.\n\n"
        '"The whole harbor will stop working," he said.\n'
    )
    assert _attrs(body)['"The whole harbor will stop working," he said.'] == ("President Lund", "quote")


def test_the_president_is_the_one_the_story_keeps_naming_not_the_foreign_one_named_last():
    body = (
        "Ferry talks\n\n"
        "President Arne Lund said on Monday that the ferry treaty was dead. Lund spoke in Oslo.\n\n"
        "Lund said the harbor would stay closed. Lund also met union leaders.\n\n"
        "He told reporters he had warned Danish President Tor Brekke not to close the strait.\n\n"
        '"If Denmark closes the strait, we will close the harbor," the president tweeted.\n'
    )
    tweet = '"If Denmark closes the strait, we will close the harbor," the president tweeted.'
    assert _attrs(body)[tweet] == ("President Arne Lund", "quote")


def test_a_teaser_in_capitals_names_no_one_new():
    # the small model labels "IDA HOLM SLAMS HARBOR BOARD" one PERSON; her "she said" is Sen. Ida Holm's
    body = (
        "Holm in Iowa\n\n"
        "Sen. Ida Holm, D-Mass., hit Iowa this weekend with a message on costs.\n\n"
        "IDA HOLM SLAMS HARBOR BOARD AS 'CORRUPT,' ADMITS DEAL ON FERRIES\n\n"
        '"We have to give the ferries back to the islands," she said.\n'
    )
    said = '"We have to give the ferries back to the islands," she said.'
    assert _attrs(body)[said] == ("Sen. Ida Holm", "quote")


def test_a_post_embedded_name_first_is_its_authors_words():
    post = "Ida Holm (@IdaHolmMP) I'm disappointed in the board's decision."
    body = (
        "Ferry ruling\n\nThe harbor board voted on Monday to end the night ferry.\n\n"
        f"{post} But our fight for the islands goes on tomorrow. pic.twitter.com/Fx81kQ2bZp\n\n"
        "The board will meet again in June.\n"
    )
    got = _attrs(body)
    assert got[post] == ("Ida Holm", "quote")
    rest = "But our fight for the islands goes on tomorrow. pic.twitter.com/Fx81kQ2bZp"
    assert got[rest][0] == "Ida Holm"
    assert got["The board will meet again in June."] == (None, "narration")


def test_a_related_link_glued_to_its_label_is_nobodys_words():
    teaser = "Related:President Lund says Defense Secretary Holm is sort of a Democrat and may leave"
    lead = "Lund interview\n\nStahl interviewed the president on Sunday.\n\n"
    body = f"{lead}{teaser}\n\nThe interview aired on CBS.\n"
    assert _attrs(body)[teaser] == (None, "narration")


def test_declined_comment_without_to_says_nothing():
    sentence = "A spokesman for the harbor board, Nils Aas, declined comment on Sunday."
    body = f"Ferry ruling\n\nThe judge ruled on Friday.\n\n{sentence}\n"
    assert _attrs(body)[sentence] == (None, "narration")


def test_a_name_in_another_storys_teaser_is_not_who_she_is():
    # the teaser's author is no one in this story: the "she" has nobody to stand for
    body = (
        "Ferry ruling\n\nOn Monday, the harbor board voted to end the night ferry.\n\n"
        "It's finally official: the night ferry cuts are a sham | Jessica Valenti Read more\n\n"
        '"This vote shows what the islands could lose," she said.\n'
    )
    said = '"This vote shows what the islands could lose," she said.'
    assert _attrs(body)[said] == (None, "quote")
