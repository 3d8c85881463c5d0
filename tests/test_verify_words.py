"""Words a claim and a passage say differently (issue 16): "stopped being a hotbed" denies being one now,
"in charge of" is "in control of", "strive" is "aim", "worldwide" is "global", "creation" is
"create". Real parser and rules; sentences of our own."""

from __future__ import annotations

from verify_helpers import negated, passage

from askisk.models import SourceRef
from askisk.verify.features import analyse
from askisk.verify.lexicon import words_match
from askisk.verify.verdict import align

SOURCE = SourceRef("dam", "A dam on the Vakhsh", "dam.md")


def test_what_something_stopped_being_is_denied():
    assert negated("The valley has stopped being a haven for smugglers.", "haven") == [True]
    assert negated("The dam ceased to be safe after the flood.", "safe") == [True]
    assert negated("They stopped attacking the dam.", "attack") == [True]
    # stopping in order to do something is no denial of it
    assert negated("The convoy stopped to refuel near the dam.", "refuel") == [False]
    # being it still, or again, is asserted
    assert negated("The valley is again becoming a haven for smugglers.", "haven") == [False]
    text = "The valley is again devolving into a haven for smugglers, officials say."
    alignment = align(
        analyse("The valley has stopped being a haven for smugglers."), passage(text, SOURCE), analyse(text)
    )
    assert [m.kind for m in alignment.mismatches] == ["polarity"]


def test_near_synonyms_of_aims_reach_and_control():
    assert words_match("strive", "aim") and words_match("worldwide", "global")
    assert words_match("charge", "control")
    # a verb and its noun
    assert words_match("creation", "create") and words_match("evacuate", "evacuation")
    assert not words_match("station", "state") and not words_match("nation", "native")
    text = "The ministry, which is in control of the dam, says the reservoir is full."
    alignment = align(analyse("The ministry is in charge of the dam."), passage(text, SOURCE), analyse(text))
    assert alignment.agrees(), alignment


def test_function_words_alone_assert_nothing(seed_service):
    # "after" is kept beside content words for its opposite ("before"); alone it matched every passage
    # with "after" in it, word for word, and was supported
    assert analyse("after after after").words == ()
    assert [w.lemma for w in analyse("IS-K attacked after the takeover.").words][-2:] == ["after", "takeover"]
    assert seed_service.check("after after after").verdict == "not_enough_info"


def test_a_raised_negation_reaches_a_be_conjunct():
    # "doesn't believe X will hold and be safe" doubts both; "be" is a conjunct of "hold" though the tagger
    # calls one AUX and the other VERB
    assert negated("She does not believe the dam will hold and be safe.", "safe") == [True]
