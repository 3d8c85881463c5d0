"""`check` on claims about news stories (issue 16, session 26): 120 claims written blind on CNN stories
showed these failures; each test reproduces one with the real parser and rules, on sentences of our own."""

from __future__ import annotations

from dataclasses import replace

from verify_helpers import negated, passage

from askisk.models import Hit, SourceRef
from askisk.verify.aggregate import UNJUDGED, decide_unsure, judge_passages, shipped_settings
from askisk.verify.features import analyse
from askisk.verify.verdict import align

SOURCE = SourceRef("snow", "A snow seller's record winter", "snow.md")


def _hit(text: str, rank: int = 1, dense: float = 0.7, speaker: str | None = None) -> Hit:
    return passage(text, SOURCE, rank, dense, speaker)


def test_a_negation_with_until_says_when_not_whether():
    assert negated("Whitlock said the snow will not melt until July.", "melt") == [False]
    assert negated("He won't leave until he is paid.", "leave") == [False]
    assert negated("The snow will not melt this year.", "melt") == [True]
    claim = analyse("Whitlock said that at the current rate the snow will not melt until July.")
    quote = '"At this rate, it\'s going to be July until the snow melts," Whitlock said.'
    alignment = align(claim, _hit(quote, speaker="Dana Whitlock"), analyse(quote))
    assert not [m for m in alignment.mismatches if m.kind == "polarity"]


def test_the_negation_of_a_light_verb_is_its_objects():
    """ "never did any harm" says "never harmed"; "doesn't get to eat" says "does not eat", and its "n't"
    no longer spills over the whole sentence."""
    assert negated('"These boxes never did any harm to anyone," Whitlock wrote.', "harm") == [True]
    assert negated("The company did not make a decision.", "decision") == [True]
    assert negated("The company made a decision.", "decision") == [False]
    text = "Mom doesn't even leave for a swim until the pup is ready, and even then doesn't get to eat."
    assert negated(text, "eat") == [True]
    assert negated(text, "leave") == [False]
    assert negated(text, "ready") == [False]


def test_a_thinking_verb_the_parser_hangs_before_its_clause_still_negates_it():
    text = (
        "Obama said that although he doesn't think the abuses in Ferguson are typical of America, some are."
    )
    assert negated(text, "typical") == [True]
    assert negated("Obama said the abuses in Ferguson are typical of America.", "typical") == [False]


def test_a_count_that_describes_is_not_what_the_claim_asserts():
    """ "the two guards" picks out the guards; a passage that calls them "the guards" neither confirms
    nor contradicts the two, so it is not missing. A passage that counts them otherwise still clashes."""
    claim = analyse("The sheriff said the two guards are still considered victims.")
    assert [n.described for n in claim.numbers] == [True]
    assert [n.described for n in analyse("Two guards were hurt.").numbers] == [False]
    said = "The guards are still considered victims, the sheriff said."
    agrees = align(claim, _hit(said, speaker="The sheriff"), analyse(said))
    assert not agrees.unverified and not agrees.mismatches
    other = "The three guards are still considered victims, the sheriff said."
    clash = align(claim, _hit(other, speaker="The sheriff"), analyse(other))
    assert [m.kind for m in clash.mismatches] == ["number"]


def test_where_the_model_finds_nothing_sure_the_rules_decide_on_a_close_passage():
    """Step 4b with the model's stances all unsure (as it reads a quote's paraphrase): the rules' verdict
    stands when their passage is close (cosine, rank); a bare entity clash or a far passage does not."""
    s = shipped_settings()
    off = replace(s, fallback_support_coverage=2.0, fallback_refute_coverage=2.0)

    def decide(claim: str, hits: list[Hit], settings=s) -> str:
        judged = judge_passages(claim, hits, [UNJUDGED] * len(hits))
        return decide_unsure(judged, settings).label

    claim = "Whitlock has shipped 120 boxes of snow, most of them to Florida and Arizona."
    passage = "He has shipped 120 boxes of snow so far, most of them to Florida and Arizona, Whitlock said."
    assert decide(claim, [_hit(passage)]) == "supported"
    assert decide(claim, [_hit(passage)], off) == "not_enough_info"
    assert decide(claim, [_hit(passage, dense=0.3)]) == "not_enough_info"
    wrong = claim.replace("120", "500")
    assert decide(wrong, [_hit(passage)]) == "refuted"
    assert decide(wrong, [_hit(passage)], off) == "not_enough_info"
    far = [_hit(f"Unrelated sentence number {i} about the harbor.", rank=i) for i in range(1, 5)]
    assert decide(wrong, [*far, _hit(passage, rank=5)]) == "not_enough_info"  # the clash ranks too low
    untold = "Whitlock has shipped 120 boxes of snow to Florida and Arizona since 2019."
    assert decide(untold, [_hit(passage)]) == "not_enough_info"  # the passage does not give the year


def test_lacking_and_failing_negate_what_they_govern():
    """ "lacks the resources to wage a war" is "does not have the resources", "cannot wage" (a seed claim
    written blind was refuted by the expert's "they do not have sufficient resources" for want of this)."""
    claim = "Azizi said IS-K lacks the resources to wage a large-scale war in Central Asia."
    assert negated(claim, "resource") == [True]
    assert negated(claim, "wage") == [True]
    assert negated("The company failed to pay its taxes.", "pay") == [True]
    assert negated("The company paid its taxes.", "pay") == [False]
    passage = "Of course they won't wage a large-scale war; they do not have sufficient resources for this."
    alignment = align(analyse(claim), _hit(passage, speaker="Dr. Rustam Azizi"), analyse(passage))
    assert not [m for m in alignment.mismatches if m.kind == "polarity"]


def test_not_wanting_to_negates_what_is_not_wanted():
    """ "they do not want to be part of any system and be content with a caliphate" says they will not be
    content: the negation of a verb of will carries into its complement and the complement's conjuncts (a
    blind seed claim, "would be content with …", was supported for want of this)."""
    text = "They do not want to join any other movement and be content with ruling a single valley."
    assert negated(text, "content") == [True] and negated(text, "join") == [True]
    assert negated("The smugglers did not try to hide the trucks.", "hide") == [True]
    assert negated("The smugglers tried to hide the trucks.", "hide") == [False]
    assert negated("They want to be content with a single valley.", "content") == [False]
    claim = analyse("Whitlock said the sellers would be content with ruling a single valley.")
    alignment = align(claim, _hit(text, speaker="Dana Whitlock"), analyse(text))
    assert ("polarity", "content", "not content") in [
        (m.kind, m.claim, m.source) for m in alignment.mismatches
    ]
