"""A speaker is never an event, an object or an abstraction (issue 15: "the bloodshed raised fears that",
"The combination, say economists, …"): the animacy test `speakers.animacy` applied where `Registry.resolve`
would turn a common-noun phrase into a group speaker. Real spaCy model and the real pipeline; every text
is written for the test, from no corpus.
"""

from __future__ import annotations

from conftest import attributions as _attrs

from askisk.nlp import pipeline
from askisk.speakers import animacy


def _head(text: str, word: str):
    return next(t for t in pipeline()(text) if t.text == word)


def test_an_event_that_raises_fears_is_not_a_speaker():
    got = _attrs("The explosion raised fears that the old dam would give way before the spring floods.\n")
    assert got["The explosion raised fears that the old dam would give way before the spring floods."] == (
        None,
        "narration",
    )


def test_an_event_before_say_economists_leaves_the_economists_as_speakers():
    got = _attrs("The slump, say economists, marks a journey into uncharted territory for the town.\n")
    speaker, kind = got["The slump, say economists, marks a journey into uncharted territory for the town."]
    assert kind == "reported" and speaker is not None and speaker.lower() == "economists"


def test_people_groups_and_documents_still_speak():
    got = _attrs(
        "The committee said that the dam would hold.\n\n"
        "Residents say the river has never been this high.\n\n"
        "A new survey suggests that most farmers expect a poor harvest.\n"
    )
    assert got["The committee said that the dam would hold."] == ("Committee", "reported")
    assert got["Residents say the river has never been this high."] == ("Residents", "reported")
    assert got["A new survey suggests that most farmers expect a poor harvest."][1] == "reported"


def test_an_alliance_speaks_though_wordnet_reads_it_as_a_state():
    # WordNet's first sense of "alliance" is "the state of being allied" (score 0.117): a bloc of members
    # is an organisation that speaks, as "coalition" is
    got = _attrs("The alliance said in a statement that its troops would stay in the north.\n")
    assert got["The alliance said in a statement that its troops would stay in the north."] == (
        "Alliance",
        "reported",
    )


def test_the_learned_part_refuses_objects_and_events_and_keeps_speakers():
    assert not animacy.can_speak(_head("The attack raised concerns that it would spread.", "attack"))
    assert not animacy.can_speak(_head("The painting seemed to suggest that it would spread.", "painting"))
    assert animacy.can_speak(_head("The activists warned that it would spread.", "activists"))
    assert animacy.can_speak(_head("The ministry warned that it would spread.", "ministry"))
    # "a large body of studies": the "of" phrase names who speaks
    assert animacy.can_speak(_head("A large body of studies has shown that it spreads.", "body"))


def test_wordnet_trained_scores_refuse_more_things_and_keep_speakers():
    # session 12: the scores learned from MiniLM vectors and WordNet senses; merge12's table let these pass
    assert not animacy.can_speak(_head("Their first birthday suggests that the twins grow.", "birthday"))
    assert not animacy.can_speak(_head("The equations show that the bridge will hold.", "equations"))
    assert animacy.can_speak(_head("The complaint says that the builder cut corners.", "complaint"))
    assert animacy.can_speak(_head("The campaign said that the bridge will hold.", "campaign"))


def test_a_noun_with_a_number_is_tested_like_one_with_a_determiner():
    # "12 equations that described": a number, not a determiner, before the noun
    assert not animacy.can_speak(_head("Twelve equations show that the bridge will hold.", "equations"))
    assert animacy.can_speak(_head("Twelve engineers said that the bridge will hold.", "engineers"))
    assert animacy.can_speak(_head("Two polls show that the mayor is ahead.", "polls"))
    got = _attrs("Twelve equations show that the bridge will hold in a storm.\n")
    assert got["Twelve equations show that the bridge will hold in a storm."] == (None, "narration")
