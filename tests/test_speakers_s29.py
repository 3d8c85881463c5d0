"""Speakers named as a reader would cite them, and titles that name another office (issue 15, session 29):
"Vice President", "Prime Minister", "Lt. Gov.", "Secretary General", a former office, a legislator's party
label, a title-case headline's verb. Shapes met in PolNeAR train and dev; texts written for these tests.
Real spaCy model, tagger and pipeline.
"""

from __future__ import annotations

from conftest import attributions as _attrs


def test_the_vice_president_is_neither_shown_nor_found_as_the_president():
    vice = '"We will win this," the vice president said.'
    president = '"So will I," the president said.'
    got = _attrs(
        "President Ann Ward spoke in Ohio on Monday. Vice President Joe Kell spoke in Iowa on Tuesday.\n\n"
        f"{vice} {president}\n"
    )
    assert got[vice] == ("Vice President Joe Kell", "quote")
    assert got[president] == ("President Ann Ward", "quote")


def test_a_former_office_is_no_title_and_no_present_holder():
    president = '"We will win this," the president said.'
    former = '"I agree," the former president said.'
    described = "The former two-term president dismissed the argument that the party would lose."
    got = _attrs(
        "President Ann Ward spoke in Ohio on Monday. Former President Tom Bale spoke in Iowa on Tuesday.\n\n"
        f"{president}\n\n{former}\n\n{described}\n"
    )
    assert got[president] == ("President Ann Ward", "quote")
    assert got[former] == ("Tom Bale", "quote")
    assert got[described] == ("Tom Bale", "reported")


def test_a_rank_with_its_qualifier_is_shown_whole_and_a_retired_general_keeps_it():
    lieutenant = '"The bill is dead," the lieutenant governor said.'
    got = _attrs(
        "Lt. Gov. Dan Pryor met Gov. Greg Olsen on Monday.\n\n"
        f"{lieutenant}\n\n"
        "Retired Lt. Gen. Mark Fenn said the plan was weak.\n"
    )
    assert got[lieutenant] == ("Lt. Gov. Dan Pryor", "quote")
    assert got["Retired Lt. Gen. Mark Fenn said the plan was weak."][0] == "Lt. Gen. Mark Fenn"


def test_offices_of_two_words_keep_both():
    ban = 'U.N. Secretary General Ban Ki-moon condemned what he called a "brazen breach" of resolutions.'
    corti = "Italian Prime Minister Lena Corti said the deal was dead."
    got = _attrs(f"{ban}\n\n{corti}\n")
    assert got[ban][0] == "Secretary General Ban Ki-moon"
    assert got[corti][0] == "Prime Minister Lena Corti"


def test_a_party_label_after_a_legislator_is_not_the_speaker():
    said = '"This is a disgusting day," said Rep. Tom Hale (D-N.C.), head of the caucus.'
    got = _attrs(f"Lawmakers met on Tuesday.\n\n{said}\n")
    assert got[said] == ("Rep. Tom Hale", "quote")


def test_a_headline_verb_in_title_case_is_not_part_of_the_name():
    headline = "Obama Says African-American Museum Will Tell of 'Suffering and Delight.'"
    said = '"Culture is a sort of theater," Said wrote.'
    museum = "The museum opened on Saturday in Washington."
    body = f"{headline}\n\n{museum}\n\nEdward Said wrote about the East. {said}\n"
    got = _attrs(body)
    # a headline under the news line, with a full stop or without (session 53)
    assert got[headline] == (None, "narration")
    assert got[said] == ("Edward Said", "quote")
    assert _attrs(body, convention="polnear")[headline][0] == "Obama"  # PolNeAR attributes its headlines


def test_the_prime_minister_tagged_as_a_proper_noun_is_still_the_one_who_holds_the_office():
    said = '"We are ready," the prime minister said.'
    got = _attrs(f"Prime Minister Ada Voss met Foreign Minister Karl Brun on Monday. {said}\n")
    assert got[said] == ("Prime Minister Ada Voss", "quote")


def test_a_his_or_her_before_a_shared_surname_tells_which_of_the_couple():
    hers = "In her 2003 book, Living History, Hale noted the clot's existence."
    his = "In his memoir, Hale wrote that the talks had failed."
    got = _attrs(
        f"Ruth Hale spoke in Iowa on Monday. Her husband, Tom Hale, spoke in Ohio.\n\n{hers}\n\n{his}\n"
    )
    assert got[hers] == ("Ruth Hale", "reported")
    assert got[his] == ("Tom Hale", "reported")
