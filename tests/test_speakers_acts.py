"""The article's own narration read as someone's words (issue 15, branch acts11: false attributions on unseen
news pages): an extraposed "it is ADJ to say" and an author's note at the end of a story. Real spaCy model
and the real pipeline; every text is written for the test, from no corpus.
"""

from __future__ import annotations

from conftest import attributions as _attrs

from askisk.nlp import pipeline
from askisk.speakers.own_acts import updates_this
from askisk.speakers.quotes import match_text, quote_mask
from askisk.speakers.speech import subject_of


def _verb(text: str, word: str):
    return next(t for t in pipeline()(text) if t.lower_ == word)


def test_an_extraposed_it_is_nobodys_voice():
    # "it" stands for "to say that …": nobody is named as the one who says it
    for text, word in (
        ("In fact, it would be safe to say that most of the harbour is empty in winter.", "say"),
        ("It is too early to tell whether the new pier will bring the ferries back.", "tell"),
        ("It is worth noting that the ferry company never answered the council.", "noting"),
    ):
        assert subject_of(_verb(text, word)) is None, text


def test_an_it_that_does_something_keeps_its_infinitive():
    # "It" is the company here (no adjective between): it still speaks through "to say"
    subj = subject_of(_verb("It refused to say whether the pier would open in May.", "say"))
    assert subj is not None and subj.lower_ == "it"


def test_extraposed_it_after_a_group_is_narration():
    got = _attrs(
        "A large body of research has shown that the harbour towns of the north coast are shrinking.\n\n"
        "In fact, it would be safe to say that most of the harbour is empty in winter.\n"
    )
    assert got["In fact, it would be safe to say that most of the harbour is empty in winter."] == (
        None,
        "narration",
    )


def test_an_authors_note_at_the_end_of_a_story_is_narration():
    got = _attrs(
        "The council voted on Tuesday to close the ferry line, the mayor, Ann Reyes, said.\n\n"
        "“We had no other choice,” Reyes said.\n\n"
        "Tomas Lindqvist has covered local government since 2015. Previously, he wrote about shipping and "
        "also served as a correspondent in Oslo. He joined the paper in 2010 as a feature writer.\n"
    )
    assert got["Tomas Lindqvist has covered local government since 2015."] == (None, "narration")
    assert got["Previously, he wrote about shipping and also served as a correspondent in Oslo."] == (
        None,
        "narration",
    )
    assert got["“We had no other choice,” Reyes said."] == ("Ann Reyes", "quote")


def test_a_reporter_named_before_keeps_her_act_in_a_paragraph_giving_her_trade():
    # named in an earlier paragraph: not an author's note, whatever the paragraph says about her trade
    got = _attrs(
        "Lena Ortiz broke the story of the ferry contract in March.\n\n"
        "Ortiz, who was a correspondent in Lisbon, wrote about the contract in a column on Monday.\n"
    )
    assert got["Ortiz, who was a correspondent in Lisbon, wrote about the contract in a column on Monday."][0]


def test_a_publication_that_will_update_this_story_tells_its_own_work():
    got = _attrs(
        "The ferry company closed the line on Monday, the mayor said.\n\n"
        "The Harbour Gazette is asking the company for comment and will update this story if it responds.\n"
    )
    text = "The Harbour Gazette is asking the company for comment and will update this story if it responds."
    assert got[text] == (None, "narration")


def test_this_story_inside_a_quotation_is_the_speakers_words():
    # the parser makes the quoted "the only place … where this story could have unfolded" the object of "said"
    text = (
        "“We will walk away that much more in love with this town,” she said, “the only place on earth where "
        "this story could have unfolded.”"
    )
    said = _verb(match_text(text), "said")
    assert not updates_this(said, quote_mask(text).inside)


def test_this_article_deep_inside_the_object_is_not_the_publications_act():
    text = "Fiorina declined multiple requests for an interview for this article."
    assert not updates_this(_verb(text, "declined"), quote_mask(text).inside)
