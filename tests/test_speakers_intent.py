"""Forms from fresh unseen pages (issue 15, session 9 round 4). An intention or an attitude whose only
complement is a to-infinitive ("plans to sign", "continued to run hot", "hopes to expand") says nothing,
so the learned tagger decides it as it decides every cue that says nothing; a commissive speech act
("vowed to fight") stays a cue. A question as a page's first line is its headline: it opens no
interview section. A quantity noun ("a number of analysts") speaks for the people it counts. Real spaCy
model and the real pipeline; every text is written for the test, from no corpus.
"""

from __future__ import annotations

from conftest import attributions as _attrs


def test_an_intention_with_only_an_infinitive_needs_the_tagger():
    """A word-list cue ("continued", learned from PolNeAR) whose only complement is a to-infinitive says
    nothing: the tagger's reading of the sentence decides, as for any cue that says nothing."""
    tensions = "In the days after the vote, tensions between the two parties continued to run high."
    got = _attrs(f"Governor Ellen Marsh spoke in Salem on Friday.\n\n{tensions}\n")
    assert got[tensions] == (None, "narration")


def test_a_commissive_with_an_infinitive_stays_a_cue():
    vowed = "Mayor Tom Brandt vowed to fight the closure of the harbour school."
    got = _attrs(f"{vowed}\n")
    assert got[vowed] == ("Mayor Tom Brandt", "reported")


def test_a_question_as_the_first_line_is_a_headline_not_an_interview():
    caption = "Mayor Ellen Marsh waves to supporters in Salem on Sunday."
    headline = "What next for the harbour after the mayor's victory?"
    got = _attrs(
        f"{headline}\n\n"
        f"{caption}\n\n"
        "“The harbour will need years of work,” said Paul Reyes, an engineer at the port.\n\n"
        "What comes after the vote?\n\n"
        "The council meets again in May.\n\n"
        "“The money is not there yet,” Reyes said.\n",
        title=headline,
    )
    assert got[caption] == (None, "narration")


def test_a_question_opening_the_body_under_another_title_is_an_interview_question():
    """Only the page's own title line is a headline: an interview whose body opens with its first question
    keeps that question's answer."""
    answer = "About two million pounds, and the work will take two years."
    got = _attrs(
        "What will the repairs cost?\n\n"
        f"{answer}\n\n"
        "What happens to the ferries meanwhile?\n\n"
        "“They keep running from the north pier,” said Paul Reyes, the port's engineer.\n",
        title="The harbour engineer on the repairs",
    )
    assert got[answer] == ("Paul Reyes", "reported")


def test_a_quantity_noun_speaks_for_the_people_it_counts():
    said = "A number of economists say that the harbour tax will slow the town's growth."
    got = _attrs(f"{said}\n")
    assert got[said] == ("Economists", "reported")
