"""Forms met on unseen news pages (issue 15, session 14; found on gold_s14a/s14b after their one unseen
measurement): a hearer the parser takes for a second subject, a dateline as a subject, a company the
entity model calls a person, "the president" among two presidents, "per X", a pronoun after a leading
clause, a dash glued between words, a quoted title with full stops inside, an amount as an object, and
a subject that makes others speak. Real spaCy model and the real pipeline; every text is written for the
test, from no corpus.
"""

from __future__ import annotations

from conftest import attributions as _attrs

from askisk.sources.passages import sentence_spans


def test_the_one_told_is_not_the_speaker():
    said = (
        '"The service was built for the cloud," Tom Marsh, director for games at Orbit, tells The Daily '
        "Reporter."
    )
    more = '"You will see things no other platform can do."'
    got = _attrs(f"Orbit launched its game service on Tuesday.\n\n{said} {more}\n")
    assert got[said] == ("Tom Marsh", "quote")
    assert got[more] == ("Tom Marsh", "quote")


def test_a_dateline_in_capitals_is_no_speaker():
    lead = (
        "WASHINGTON – Two federal prison officers were charged Tuesday with falsifying records, stating "
        "they had checked on the inmate."
    )
    got = _attrs(f"{lead}\n\nThe guards pleaded not guilty.\n")
    assert got[lead][0] != "WASHINGTON"


def test_a_one_word_name_that_never_spoke_is_no_he():
    said = "However, he pointed out it is difficult to draw firm conclusions from such studies."
    got = _attrs(
        "Tom Marsh, an expert in public health at the University of Leeds, told reporters: "
        '"The rise is small, but it matters."\n\n'
        "This chart, provided by Datawise, shows where the law has changed.\n\n"
        f"{said} The data on strength were missing, Marsh argued.\n"
    )
    assert got[said] == ("Tom Marsh", "reported")


def test_the_president_is_the_one_titled_so():
    said = "The president says his approach has created leverage."
    got = _attrs(
        "President Tom Marsh has brought his love of show business to the trade talks.\n\n"
        '"Uncertainty weighs on the economy," said John Reyes, president of the Harbour Reserve Bank.\n\n'
        f"{said}\n"
    )
    assert got[said] == ("President Tom Marsh", "reported")


def test_per_names_a_source_but_not_in_a_rate():
    said = "The bacterium, per the WHO, is often found in small mammals and their fleas."
    rate = "The rent was $5 per hour, per person."
    got = _attrs(f"Three cases of plague were found in the region.\n\n{said}\n\n{rate}\n")
    assert got[said] == ("WHO", "reported")
    assert got[rate] == (None, "narration")


def test_it_after_a_leading_clause_is_that_clauses_subject():
    said = (
        "And though the Harbour Health Agency has said there is no need to worry, it has also acknowledged "
        "that remote regions are vulnerable."
    )
    got = _attrs(f"The Associated Press reported the first case on Monday.\n\n{said}\n")
    assert got[said] == ("Harbour Health Agency", "reported")


def test_a_dash_glued_between_words_splits_the_clauses():
    said = (
        "Officials there were accused of hiding the extent of the outbreak—and city officials ultimately "
        "admitted that the city had seen ten times as many cases."
    )
    got = _attrs(f"The disease spread fast in 2003.\n\n{said}\n")
    assert got[said] == ("City officials", "reported")


def test_a_quoted_title_with_full_stops_stays_in_its_sentence():
    text = "While the “Fog. We’re on it.” campaign did not appeal to Ann Reyes, she said it might work."
    assert [text[a:b] for a, b in sentence_spans(text)] == [text]
    headline = "He said “No. Never.” Then he left."
    assert len(list(sentence_spans(headline))) == 2
    opening = "“You work hard. You pay your taxes. So why not him?” a narrator in the ad asks."
    assert len(list(sentence_spans(opening))) == 3


def test_an_amount_as_the_object_makes_no_message():
    moved = "The stock added more than 2% to begin the week after the brand bought a majority stake."
    got = _attrs(f"Shares of the beauty company rose on Monday.\n\n{moved}\n")
    assert got[moved] == (None, "narration")


def test_a_subject_that_makes_others_speak_is_not_the_speaker():
    drawn = "The proposal has drawn harsh criticism from fellow Republicans."
    sparked = "The merger sparked criticism in Congress."
    faced = "The Harbour Party faced stiff international criticism on Tuesday over its decision to drop it."
    body = f"The senator proposed a new tax on Monday.\n\n{drawn}\n\n{sparked}\n\n{faced}\n"
    got = _attrs(body, convention="polnear")
    assert got[drawn][0] is not None and got[drawn][0].endswith("Republicans")
    assert got[sparked][0] != "Merger"
    assert got[faced][0] != "Harbour Party"
    got = _attrs(body)  # the news line (session 35): that they reacted, not what they said, is narration
    assert got[drawn] == (None, "narration")
    assert got[sparked][0] != "Merger"
    assert got[faced][0] != "Harbour Party"


def test_a_q_and_a_interview_gives_every_answer_to_the_interviewee():
    answer = "A: Proud and a little tired! Running this port is the best job I have had."
    goes_on = "We moved four million containers last year, and we will do better."
    question = "Q: How do you plan your day?"
    got = _attrs(
        "Harbour Lines is glad to welcome Mirela Vance, a sailor for twenty years, as its new chief.\n\n"
        "We asked her about the road ahead. Here is what she had to say.\n\n"
        "Q: Mirela, how did the first morning feel? Tell us in two words.\n\n"
        f"{answer}\n\n"
        f"{goes_on}\n\n"
        f"{question}\n\n"
        "A: I keep one list and I start with the hardest thing on it.\n"
    )
    first, second = answer.split("! ")
    assert got[first + "!"] == ("Mirela Vance", "quote")
    assert got[second] == ("Mirela Vance", "quote")
    assert got[goes_on] == ("Mirela Vance", "quote")
    assert got[question] == (None, "narration")
