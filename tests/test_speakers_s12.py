"""Layout and phrasing read as speech on unseen news pages (issue 15, session 12; found on gold_s12 after its
one unseen measurement): a statement ending in a rhetorical question taken for an interview heading, "say,"
meaning "for example" and a topic label before a colon. Real spaCy model and the real pipeline; every text
is written for the test, from no corpus.
"""

from __future__ import annotations

from conftest import attributions as _attrs

from askisk.models import Source
from askisk.sources.passages import split_passages


def _kinds(body: str) -> dict[str, str]:
    _, passages = split_passages(Source(id="t", title="t", path="t.md", body=body))
    return {p.text: p.kind for p in passages}


def test_a_statement_ending_in_a_rhetorical_question_is_body_text():
    kinds = _kinds(
        "The ferry company also sells cheap tickets it cannot honour – but hey, what could go wrong?\n\n"
        "Why is the ferry late again?\n\n"
        "In your view, what should the council do?\n\n"
        "The harbour is quiet?\n"
    )
    assert kinds[
        "The ferry company also sells cheap tickets it cannot honour – but hey, what could go wrong?"
    ] == ("body")
    assert kinds["The harbour is quiet?"] == "body"  # a question mark alone does not make a question line
    assert kinds["Why is the ferry late again?"] == "heading"
    assert kinds["In your view, what should the council do?"] == "heading"


def test_an_opinion_piece_with_rhetorical_questions_is_no_interview():
    body = (
        "The ferry company likes to say it serves the islands. “It is a machine for raising fares,” the "
        "writer Ann Reyes said.\n\n"
        "The company also cancels winter sailings at will – but hey, who needs a ferry in January?\n\n"
        "It cuts wages too. It hides its accounts from the council.\n\n"
        "Aren’t those the kinds of things its defenders say they hate about government?\n\n"
        "This is not a game. It matters. The islands need a ferry that runs.\n"
    )
    got = _attrs(body)
    for sentence in ("This is not a game.", "It matters.", "The islands need a ferry that runs."):
        assert got[sentence] == (None, "narration"), sentence
    assert got["It cuts wages too."] == (None, "narration")


def test_say_between_a_dash_and_a_comma_means_for_example():
    got = _attrs(
        "The team printed a graph of how one or two variables — say, the speed of the wind — changed over "
        "the day.\n\nThe slump, say economists, marks the end of the boom.\n"
    )
    example = "The team printed a graph of how one or two variables — say, the speed of the wind — changed"
    assert got[example + " over the day."] == (None, "narration")
    assert got["The slump, say economists, marks the end of the boom."][1] == "reported"  # still a cue


def test_a_plural_topic_before_a_colon_is_no_speaker():
    got = _attrs("Ferries: What They Cost and How You Book Them\n\nThe island has two ferries.\n")
    assert got["Ferries: What They Cost and How You Book Them"] == (None, "narration")
    got = _attrs("Reyes: The ferry will run all winter\n\nThe island has two ferries.\n")
    assert got["Reyes: The ferry will run all winter"][0] == "Reyes"  # a name before a colon still speaks
    got = _attrs("Sanders: Clinton needs to stop the personal attacks\n\nThe island has two ferries.\n")
    assert got["Sanders: Clinton needs to stop the personal attacks"][0] == "Sanders"  # a plural-looking name
