"""Verbs that report an act, not speech (issue 15, session 15; found on the seen golds s14a–c): a verb
PolNeAR train almost never uses as a cue is no learned cue ("holding talks", "took as", "is betting"),
unless it opens a quotation with a colon; and a speech verb inside a relative clause speaks for no
sentence ("the number who said they had …", "the figure McKinley cited"). Real spaCy model and the real
pipeline; the texts are the failing sentences of the seen golds, shortened, in a context written for the
test (the learned cues depend on context, so freely reworded texts did not fail before).
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
