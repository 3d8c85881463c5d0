"""Session 56 (issue 15): shapes read on the AllSides pages of sessions 55 (s105ab, s106ab, s111ab-s114ab),
each checked through the real pipeline (spaCy's small model, the learned cue and pronoun models) on text
written for the test, not copied from a page."""

from __future__ import annotations

from conftest import attributions as _attrs

LEAD = "The harbor council met on Monday to vote on the ferry budget.\n\n"


def _one(sentence: str, lead: str = LEAD) -> tuple[str | None, str]:
    return _attrs(f"{lead}{sentence}\n")[sentence]


def test_a_party_named_on_its_bill_still_speaks_as_the_party():
    # "Democrats" first seen as the modifier of a bill: the party that speaks later is not the bill
    body = (
        "Budget showdown begins as Democrats filibuster harbor spending bill\n\n"
        "Democrats say the plan starves the island routes of money.\n"
    )
    got = _attrs(body)
    assert got["Democrats say the plan starves the island routes of money."] == ("Democrats", "reported")


def test_a_title_ending_on_an_abbreviation_is_still_the_headline():
    title = "Portugal says ferry tariffs will fall if a deal is reached with U.S."
    got = _attrs(f"{title}\n\nThe talks resume on Monday.\n")
    assert got[title] == (None, "narration")


def test_a_sentence_ending_on_an_abbreviation_in_the_body_still_speaks():
    body = f"{LEAD}The ministry said it was lifting the new ferry tariffs on goods from the U.K.\n"
    got = _attrs(body)
    assert (
        got["The ministry said it was lifting the new ferry tariffs on goods from the U.K."][1] == "reported"
    )


def test_another_storys_headline_in_the_body_is_nobodys_words():
    teasers = [
        "Mayor Ann Reyes warns of 'severe' delays for island ferries, but won't draw 'red lines'",
        "After storm, Harbor Lines vows more 'winter runs' for 'islanders'",
    ]
    body = f"{LEAD}Mayor Ann Reyes spoke on Monday.\n\nREAD MORE:\n\n" + "\n\n".join(teasers)
    got = _attrs(f"{body}\n\nThe council meets again in June.\n")
    assert [got[t] for t in teasers] == [(None, "narration")] * 2


def test_a_signed_line_in_the_body_still_speaks():
    signed = "'I have never taken a bribe from the ferry company' — Harbor Mayor Ann Reyes"
    got = _attrs(f"{LEAD}{signed}\n")
    assert "Ann Reyes" in (got[signed][0] or "")


def test_a_caption_with_a_picture_credit_is_nobodys_words():
    captions = [
        "Harbor police said the boat had been there since at least October.",
        "Ann Reyes battled allegations of fraud after the council approved the pier.",
    ]
    credits = ["(AP Photo/Jan Berg)", "(Photo: Jan Berg, Harbor Ledger)"]
    body = "".join(f"{c} {k}\n\n" for c, k in zip(captions, credits, strict=True))
    got = _attrs(f"{LEAD}{body}The council meets again in June.\n")
    assert [got[c] for c in captions] == [(None, "narration")] * 2


def test_a_product_label_before_a_verbless_line_is_no_speaker():
    teaser = "QuickTake: Sanctions on the island ferries"
    assert _attrs(f"{LEAD}{teaser}\n\nThe council meets again in June.\n")[teaser] == (None, "narration")


def test_a_place_after_in_before_a_colon_is_no_speaker():
    line = "In Maine: Power restored to 50,000 homes, but many ferries still in port."
    assert _one(line) == (None, "narration")


def test_a_named_speaker_before_a_headline_participle_still_speaks():
    line = "Reyes: Harbor council still working on the ferry plan"
    got = _attrs(f"Mayor Ann Reyes spoke on Monday.\n\n{line}\n")
    assert "Ann Reyes" in (got[line][0] or "")


def test_a_glued_more_label_is_a_link():
    teaser = "More:Harbor official says mayor is erratic: 'I am one of the holdouts'"
    assert _one(teaser) == (None, "narration")


def test_expecting_to_act_is_a_plan():
    assert _one("The ferry company expects to publish a new timetable on March 11.") == (None, "narration")


def test_expecting_that_something_happens_is_a_view():
    got = _one("The ferry company expects that fares will rise by ten percent next year.")
    assert got[1] == "reported"


def test_reporting_on_a_topic_says_nothing():
    assert _one("The island's state radio last reported on the mayor's health in April.") == (
        None,
        "narration",
    )


def test_a_spokesman_saying_there_is_no_comment_says_nothing():
    got = _one("A spokesman for Harbor Lines said the firm had no comment on Friday.")
    assert got == (None, "narration")


def test_being_unable_to_determine_is_the_writers_account():
    got = _one(
        "AFP was unable to immediately determine what the visit by the island team meant for the mayor's "
        "health."
    )
    assert got == (None, "narration")


def test_endorsing_a_candidate_is_a_vote():
    got = _one("Governor Tom Hale on Monday also endorsed Ann Reyes for mayor.")
    assert got == (None, "narration")


def test_a_vote_with_a_clause_is_still_a_vote():
    got = _one("Councillors voted 7 to 2 that they had confidence in the harbor board.")
    assert got == (None, "narration")


def test_what_was_not_reported_was_not_said():
    got = _one("State radio did not report that the mayor was at the harbor festival on Sunday.")
    assert got == (None, "narration")


def test_a_statement_issued_without_its_words_says_nothing():
    got = _one("Harbor Lines, which runs the island ferries, issued its statement in a tweet.")
    assert got == (None, "narration")
    said = _one("Harbor Lines issued a statement that the island ferries would run all winter.")
    assert said[1] == "reported"


def test_a_quoted_title_is_no_ones_words():
    titled = "The third event was titled “Protest the pier and the politics of greed on Main Street!”"
    assert _one(titled) == (None, "narration")


def test_an_unnamed_group_calling_for_something_speaks():
    # the small parser reads "called" after "A … group" as naming it ("a group called X")
    got = _one("An advocacy group called for the ouster of the harbor master on Friday.")
    assert got == ("Advocacy group", "reported")


def test_a_wish_yields_to_the_words_given_beside_it():
    wish = (
        "Mayor Ann Reyes has wanted to look fully in charge through the storm, and had expressed concerns "
        "that closing the ferry could undermine that appearance."
    )
    got = _one(wish)
    assert "Ann Reyes" in (got[0] or "") and got[1] == "reported"


def test_releasing_a_document_gives_none_of_its_words():
    released = (
        "Prosecutors also released the harbor master's Statement of Offense, which detailed how council "
        "officials directed him to close the pier."
    )
    assert _one(released) == (None, "narration")


def test_a_list_after_a_speakers_colon_is_not_a_row_of_subheadings():
    got = _attrs(
        "In the interview, Reyes also said:\n\n"
        "The harbor must keep its night ferry to stay open to visitors\n\n"
        "The pier needs new lights before the winter storms\n"
    )
    assert got["The pier needs new lights before the winter storms"] == ("Reyes", "reported")


def test_a_sentence_run_into_a_credit_is_not_a_subheading():
    caption = "Between 40 and 60 ferries are late each winter, an official said.CreditJan Berg for The Ledger"
    got = _attrs(f"Ferries run late in winter.\n\n{caption}\n")
    assert got[caption] == ("Official", "reported")
