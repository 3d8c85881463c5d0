"""Forms met on the seen golds s14a–c and, after their one unseen measurement, s15a/b (issue 15, session
15). Verbs that report an act, not speech: a verb PolNeAR train almost never uses as a cue is no learned
cue ("holding talks", "took as", "is betting"), unless it opens a quotation with a colon; a speech verb
in a restrictive relative clause speaks for no sentence ("the number who said they had …"). And: a short
quotation opening its sentence is a quote, a plural noun is never one person named before, "Cmdr." ends
no sentence. Real spaCy model and the real pipeline; the first texts are the failing sentences of the
seen golds, shortened, in a context written for the test (the learned cues depend on context, so freely
reworded texts did not fail before); the others are written for the test.
"""

from __future__ import annotations

from conftest import attributions as _attrs


def test_a_verb_of_doing_is_no_cue():
    talks = (
        "Washington and the Taliban had been holding direct talks pursuing an agreement for US troops to "
        "begin leaving."
    )
    took = "They took as their reference an existing mission study to send six humans to Mars."
    betting = "Google is betting on streaming, which, depending on who you ask, is seen as the future."
    got = _attrs(
        "Indiana teachers rallied at the Statehouse on Tuesday.\n\n"
        f"{talks}\n\nNow the team has called in the design facility. {took}\n\n{betting}\n"
    )
    assert got[talks] == (None, "narration")
    assert got[took] == (None, "narration")
    assert got[betting] == (None, "narration")


def test_a_rare_cue_verb_still_opens_a_quotation_with_a_colon():
    colon = (
        "Lind, who phoned in from the set of “Lake,” had a similar experience: "
        "“It was that feeling of ‘this is the song.’”"
    )
    got = _attrs(
        "Mara Lind stars in the film.\n\n"
        f"A demo came in late. “It grabbed me at once,” he said. “It just worked.” {colon}\n"
    )
    assert got[colon] == ("Mara Lind", "quote")


def test_a_speech_verb_in_a_relative_clause_speaks_for_no_sentence():
    number = "Among adults, the number who said they had cycled to work in the past month rose by 23 percent."
    said = "Reed said the merger would save $300 million a year."
    got = _attrs(f"Michael Reed runs the company.\n\n{number}\n\n{said}\n")
    assert got[number] == (None, "narration")
    assert got[said] == ("Michael Reed", "reported")


def test_a_short_quotation_opening_its_sentence_is_a_quote():
    amazing = "“Amazing,” Davis said."
    perfect = "“That’s perfect,” coach Frank Vogel said."
    # (what someone "called" a thing, all in quotation marks, is a quote: tests/test_speakers_s28.py)
    wizard = "Vogel said the young guard was “a wizard” with the ball."
    got = _attrs(f"The Lakers won again on Tuesday.\n\n{amazing} {perfect} {wizard}\n")
    assert got[amazing][1] == "quote"
    assert got[perfect] == ("Frank Vogel", "quote")
    assert got[wizard][1] == "reported"  # a scare quote inside the sentence stays reported


def test_a_plural_noun_is_never_the_one_person_named_before():
    one = "These travellers had overstayed their visas, an airport official said."
    many = "Others had entered illegally, the officials said."
    doctors = "The doctors warned that migrants are not the only people at risk."
    got = _attrs(
        f"{one} {many}\n\nDr. Luz Arroyo, a founder of the group, wrote to the agency.\n\n{doctors}\n"
    )
    assert got[one][0] == "Airport official"
    assert got[many][0] == "Officials"
    assert got[doctors][0] == "Doctors"


def test_a_military_rank_ends_no_sentence():
    said = "Cmdr. Sean Robertson, a spokesman for the coalition, told the site the claims were false."
    got = _attrs(f"The camp has been in the news.\n\n{said}\n")
    assert got[said] == ("Sean Robertson", "reported")
