"""Speakers on unseen news (issue 15, session 32): figures speak for whoever provided them, refusing to say
says nothing, a counted set of documents, a name that reads as an order, "it" after a thing, an act named
by a noun, a setting ("amid unease among …"), a subject deep inside someone's reported words, rejected
offers, guesses at a view, and a source inside the subject of a thing. Shapes met in a fresh blind set of
CNN and BBC pages; texts written for these tests. Real spaCy model, tagger and pipeline.
"""

from __future__ import annotations

from conftest import attributions as _attrs


def test_figures_speak_for_the_body_that_provided_them():
    provided = "Exports fell by 4% last year, according to 2019 figures provided by Halden Analytics."
    source = "Rents rose by a tenth, according to data from the Census Bureau."
    bare = "Rents rose by a tenth, according to figures."
    got = _attrs(f"{provided} {source} {bare}\n")
    assert got[provided] == ("Halden Analytics", "reported")
    assert got[source] == ("Census Bureau", "reported")
    assert got[bare] == (None, "narration")


def test_declining_to_say_says_nothing_even_in_brackets_after_a_sentence():
    bracket = (
        "The pair bought the boat in 2012, hoping to sail it to Spain one day "
        "(Ferrell declined to say what he paid for it.)"
    )
    got = _attrs(f"Tom Ferrell lives in Leeds. {bracket}\n")
    assert got[bracket] == (None, "narration")


def test_a_counted_set_of_reports_speaks_and_is_not_the_report_named_after():
    two = "Phones are not yet ready to replace cameras, say two reports."
    single = "Prices must fall first, said the report."
    got = _attrs(f"{two} A study by Gartner found demand was weak. {single}\n")
    assert got[two] == ("Two reports", "reported")
    assert got[single][0] != "Two reports"


def test_a_name_that_reads_as_an_order_is_the_speaker():
    said = "Ask Jeeves said it was not planning to change Bloglines."
    got = _attrs(f"Ask Jeeves has bought the Bloglines website. {said}\n")
    assert got[said] == ("Ask Jeeves", "reported")


def test_it_after_a_video_is_the_video_not_the_organisation_named_before():
    shows = 'It shows students on a bus clapping and laughing as they chant, "We will never lose a game."'
    got = _attrs(
        "Harwick College expelled two students on Tuesday. "
        f"A video of a chant by the fraternity made headlines this week. {shows}\n"
    )
    assert got[shows][0] != "Harwick College"


def test_an_act_named_by_a_possessed_noun_is_what_the_writer_talks_about():
    refusal = "Mr Hale's refusal to sign the accord means that the talks will resume in May."
    got = _attrs(f"Premier Jon Hale met his rivals on Monday. {refusal}\n")
    assert got[refusal] == (None, "narration")


def test_unease_amid_which_news_happens_is_its_setting():
    amid = "It also comes amid unease among Norway's neighbours about the pursuit of its fishing claims."
    got = _attrs(f"The budget rose by 7%. {amid}\n")
    assert got[amid] == (None, "narration")


def test_a_name_inside_a_speakers_reported_words_does_not_take_his_next_he():
    told = '"I do not think the fans can stop it," he told the BBC.'
    got = _attrs(
        "Shares in Harwell Town rose after a new offer from Victor Crane. "
        "Mr Crane's latest move is being led by his two sons, according to the Financial Times. "
        "Paul Ridley, head of equities at Stanmore "
        "Capital, said he believed a 300p bid would be enough for Mr Crane to take control of the club. "
        f"{told}\n"
    )
    assert got[told] == ("Paul Ridley", "quote")


def test_rejecting_an_offer_is_an_act_and_a_guess_at_a_view_states_none():
    rejected = "Premier Lise Dorval has rejected a compromise offer from the opposition."
    guess = "As a result, viewers may see the new format as a step backwards."
    got = _attrs(f"{rejected} {guess}\n")
    assert got[rejected] == (None, "narration")
    assert got[guess] == (None, "narration")


def test_a_source_inside_the_subject_of_a_thing_and_figures_which_show_speak_for_nobody():
    meant = (
        "Also the novel distribution system adopted by developer Valve meant that many players downloaded "
        "the title rather than buy a copy."
    )
    figures = "Valve has yet to release figures which show how many copies of the game were sold in this way."
    got = _attrs(
        "Gamers spent more than ever in 2004, according to figures released by the trade body. "
        '"The market continued to be buoyant," said Roger Bennett, its director general. '
        "Movie tie-ins also proved their worth in 2004. "
        "The trade body noted that sales of Xbox games rose 37.9% during the year. "
        "Despite winning awards, Half-Life 2 did not appear in the list. "
        "This was because it was only released on PC and sold in relatively small numbers. "
        f"{meant} {figures}\n"
    )
    assert got[meant] == (None, "narration")
    assert got[figures] == (None, "narration")
