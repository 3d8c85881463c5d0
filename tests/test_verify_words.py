"""Words a claim and a passage say differently (issue 16): "stopped being a hotbed" denies being one now,
"in charge of" is "in control of", "strive" is "aim", "worldwide" is "global", "creation" is "create",
British spelling is American, "raised concerns" is "voiced" them, "escaped being killed" denies the
killing, "less" is the opposite of "greater". Real parser and rules; sentences of our own."""

from __future__ import annotations

from verify_helpers import negated, passage

from askisk.models import SourceRef
from askisk.verify.features import analyse
from askisk.verify.lexicon import opposite, words_match
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


def test_what_something_escaped_or_avoided_is_denied():
    assert negated("Its later engineers escaped being dismissed.", "dismiss") == [True]
    assert negated("The contractors avoided being punished.", "punish") == [True]
    # escaping to somewhere denies nothing
    assert negated("The engineer escaped to Khujand after the flood.", "flood") == [False]
    a = analyse("Its later engineers escaped being dismissed.")
    # the complement is what is asserted; "escape" only says "not" of it
    assert [(w.lemma, w.negated) for w in a.words if w.is_predicate] == [("dismiss", True)]
    assert "escape" not in [w.lemma for w in a.words]
    text = "Subsequent engineers have also been dismissed, the ministry said."
    clashes = [m for m in align(a, passage(text, SOURCE), analyse(text)).mismatches if m.kind == "polarity"]
    assert [(m.claim, m.source) for m in clashes] == [("not dismissed", "dismissed")]


def test_comparatives_and_what_unlike_sets_aside():
    assert opposite("less", "great") and opposite("few", "more") and words_match("later", "subsequent")
    lemmas = [w.lemma for w in analyse("Unlike its founders, the cooperative survived the flood.").words]
    assert "founder" not in lemmas and "survive" in lemmas


def test_check_on_the_seed_reads_escaped_and_less(seed_service):
    # before, both were "not enough info": "escape" was the predicate, "less" no opposite of "greater"
    verdict = seed_service.check("IS-K's later leaders avoided being killed.")
    assert verdict.verdict == "refuted" and verdict.mismatch == "polarity", verdict.reason
    verdict = seed_service.check(
        "The UN report warns that terrorist groups have less freedom of maneuver under the Taliban."
    )
    assert verdict.verdict == "refuted", verdict.reason


def test_british_spelling_matches_american():
    assert words_match("neighbours", "neighbors") and words_match("organised", "organized")
    assert words_match("organisation", "organization") and words_match("analyse", "analyze")
    assert words_match("centre", "center") and words_match("behaviour", "behavior")
    # short words keep their letters: "four" is not "for"
    assert not words_match("four", "for")


def test_raised_voiced_and_expressed_concerns_say_one_thing():
    def lemmas(text: str) -> list[str]:
        return [w.lemma for w in analyse(text).words]

    assert "voice" in lemmas("The herders raised concerns about the dam.")
    assert "voice" in lemmas("The herders expressed their worries about the dam.")
    # raising anything else is raising it
    assert "raise" in lemmas("The ministry raised the dam's budget.")


def test_check_on_the_seed_reads_british_spelling_and_aired_concerns(seed_service):
    # before, "not enough info": "neighbours" matched no word of "neighbors have raised concerns"
    verdict = seed_service.check("Some of Afghanistan's neighbours have aired concerns.")
    assert verdict.verdict == "supported", verdict.reason
    budget = seed_service.check("Some of Afghanistan's neighbors have raised their defence budgets.")
    assert budget.verdict == "not_enough_info", budget.reason
