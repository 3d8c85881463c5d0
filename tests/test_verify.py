"""Claim checking on the seed: each mismatch kind refutes with both values named, agreement supports,
claims the kb says nothing about get not_enough_info with no evidence, and the labelled set scores."""

from __future__ import annotations

import json

import pytest
from conftest import ROOT, run_cli

from askisk.evaluate.claims import evaluate_claims
from askisk.verify.aggregate import CLOSEST_DENSE
from askisk.verify.features import analyse
from askisk.verify.lexicon import opposite, words_match

CLAIMS = ROOT / "kb" / "eval" / "claims.jsonl"


@pytest.mark.parametrize(
    ("claim", "kind", "claim_value", "source_value"),
    [
        ("An IS-K bombing killed 200 people in Kabul in May 2021.", "number", "200", "90"),
        (
            "McKenzie said IS-K could attack from Afghanistan within 3 to 6 months.",
            "number",
            "3 to 6",
            "12 to 18",
        ),
        ("Abdullah Orokzai was captured in April 2019.", "date", "April 2019", "April 2020"),
        ("The 2018 Mastung bombings took place in Iran.", "entity", "Iran", "Pakistan"),
        (
            "The explosions at the memorial for Qassem Soleimani took place in Tehran.",
            "entity",
            "Tehran",
            "Kerman",
        ),
        ("Azizi says the border is poorly controlled.", "polarity", "poorly", "effectively"),
        ("Azizi expects IS-K to wage a large-scale war in Central Asia.", "polarity", "wage", "not wage"),
        ("The Taliban and IS-K are allies.", "polarity", "allies", "enemies"),
    ],
)
def test_mismatch_refutes_and_names_both_values(seed_service, claim, kind, claim_value, source_value):
    verdict = seed_service.check(claim)
    assert verdict.verdict == "refuted", verdict.reason
    assert verdict.mismatch == kind
    assert f"claim says {claim_value}, source says {source_value}" in verdict.reason
    assert verdict.evidence and "IS-K and Central Asia" in verdict.reason


def test_a_date_clash_through_the_group_description_refutes(seed_built):
    """ "founded in 2018" against "The group was created in January 2015": the sentence calls IS-K "the
    group"; the verifier reads it resolved ("IS-K was created ..."), and founded/created align, so the
    clash covers the claim and refutes, citing the 2015 sentence (before: not_enough_info)."""
    kb, index = seed_built
    for verifier in ("model", "rules"):
        result = run_cli(
            "check", "IS-K was founded in 2018.", "--json", "--kb", str(kb), "--index", str(index),
            env={"ASKISK_VERIFIER": verifier},
        )  # fmt: skip
        assert result.returncode == 0, result.stderr
        out = json.loads(result.stdout)
        assert out["verdict"] == "refuted", (verifier, out["reason"])
        assert out["mismatch"] == "date" and "2018" in out["reason"] and "January 2015" in out["reason"]
        first = out["evidence"][0]
        assert "The group was created in January 2015" in first["text"]  # quoted as written
        assert first["resolved"].startswith("IS-K was created in January 2015")


# unseen claims whose deciding sentence names its subject only as "the group" (docs/stance.md, round 5)
@pytest.mark.parametrize(
    ("claim", "label", "quoted"),
    [
        ("IS-K was established in 2017.", "refuted", "The group was created in January 2015"),
        ("IS-K was created in March 2015.", "refuted", "The group was created in January 2015"),
        ("IS-K was formed in January 2015.", "supported", "The group was created in January 2015"),
        ("IS-K has been active in Afghanistan.", "supported", "The group has been active in Afghanistan"),
        (
            "IS-K was created by disaffected Taliban in western Afghanistan.",
            "refuted",
            "The group was created in January 2015",
        ),
    ],
)
def test_claims_about_the_group_by_description(seed_service, claim, label, quoted):
    verdict = seed_service.check(claim)
    assert verdict.verdict == label, verdict.reason
    assert verdict.evidence and quoted in verdict.evidence[0].text


def test_a_possessive_resolution_does_not_make_a_sentence_about_the_group(seed_service):
    """ "its leader Abdullah Orokzai was captured" is about the leader: read as "IS-K's leader" it would
    match "IS-K" and "arrested" and support a claim about Uzbekistan arresting IS-K recruits."""
    verdict = seed_service.check("Uzbekistan has arrested dozens of suspected IS-K recruits.")
    assert verdict.verdict == "not_enough_info", verdict.reason


@pytest.mark.parametrize(
    "claim",
    [
        "An IS-K bombing in Kabul in May 2021 killed 90 people.",
        "McKenzie said IS-K would be able to conduct attacks out of Afghanistan within 12 to 18 months.",
        "The Taliban and IS-K regard each other as enemies.",
        "Azizi says the border is controlled effectively.",
    ],
)
def test_agreeing_evidence_supports(seed_service, claim):
    verdict = seed_service.check(claim)
    assert verdict.verdict == "supported", verdict.reason
    assert verdict.evidence and verdict.mismatch is None


@pytest.mark.parametrize(
    "claim",
    [
        "Dr. Rustam Azizi teaches at a university in Dushanbe.",
        "China has promised to help the Taliban fight IS-K.",
        "The Crocus City Hall concert venue is located near Moscow.",
        "The weather in Lisbon is sunny in July.",
    ],
)
def test_nothing_about_the_claim_is_not_enough_info(seed_service, claim):
    verdict = seed_service.check(claim)
    assert verdict.verdict == "not_enough_info", verdict.reason
    assert "no passage" in verdict.reason
    # what is shown is only the retrieval's closest passages, in its order, none of them far off
    assert all(h.scores["dense"] >= CLOSEST_DENSE for h in verdict.evidence)
    assert [h.rank for h in verdict.evidence] == sorted(h.rank for h in verdict.evidence)


def test_nothing_near_the_claim_shows_no_evidence(seed_service):
    verdict = seed_service.check("The weather in Lisbon is sunny in July.")
    assert verdict.verdict == "not_enough_info"
    assert verdict.evidence == ()
    assert verdict.reason == "no passage in the knowledge base is about this claim"


def test_abstaining_still_shows_the_closest_passages(seed_service):
    # the stance model reads the appositive as unrelated and the rules miss "specialist" for "expert", so
    # the verdict abstains; the reader must still see the sentence that settles it by hand
    verdict = seed_service.check("Rustam Azizi is a specialist in violent extremism.", top_k=3)
    assert verdict.verdict == "not_enough_info"
    assert verdict.reason == "no passage confirms or contradicts this claim; the closest 3 passages are shown"
    assert len(verdict.evidence) == 3
    assert verdict.evidence[0].text.startswith("Dr. Rustam Azizi, an expert in violent extremism")


def test_unstated_number_is_not_enough_info(seed_service):
    verdict = seed_service.check("IS-K has about 4,000 fighters in Afghanistan.")
    assert verdict.verdict == "not_enough_info"
    assert "4,000" in verdict.reason


@pytest.mark.parametrize(
    ("claim", "said_by", "really_by"),
    [
        (
            "McKenzie said the Central Asian countries are more stable than Syria and Iraq.",
            "McKenzie",
            "Azizi",
        ),
        (
            "A United Nations report said IS-K will be able to conduct attacks out of Afghanistan "
            "in 12 to 18 months.",
            "United Nations",
            "McKenzie",
        ),
        (
            "Tajikistan's authorities claim they have almost defeated the Islamic State's insurgency.",
            "Tajikistan",
            "Taliban",
        ),
    ],
)
def test_words_in_the_wrong_mouth_are_flagged(seed_service, claim, said_by, really_by):
    verdict = seed_service.check(claim)
    assert verdict.verdict == "refuted" and verdict.mismatch == "attribution", verdict.reason
    assert said_by in verdict.claim_speaker
    assert really_by in verdict.evidence_speaker
    assert "claim attributes this to" in verdict.reason


def test_right_speaker_supports(seed_service):
    verdict = seed_service.check(
        "Azizi believes the Central Asian countries are more stable than Syria and Iraq."
    )
    assert verdict.verdict == "supported", verdict.reason
    assert "Azizi" in (verdict.evidence_speaker or "")


def test_claim_features_are_general():
    assert words_match("Afghan", "afghanistan") and words_match("bombings", "bombing")
    assert opposite("possible", "impossible") and opposite("more", "less")
    a = analyse("They won't attack openly and wage a large-scale war.")
    assert {w.lemma: w.negated for w in a.words}["wage"] is True
    b = analyse("McKenzie said IS-K could attack within 3 to 6 months.")
    assert b.reporter == "McKenzie" and (b.numbers[0].low, b.numbers[0].high) == (3, 6)


def test_claims_set_accuracy(seed_service):
    scores = evaluate_claims(lambda c: seed_service.check(c), CLAIMS)
    print({k: (v.n, v.accuracy, v.wrong) for k, v in scores.items()})
    assert scores["all"].n == 284
    # dev and test (54 claims) were written with the verifier in view; dev2, heldout and heldout2 (80) blind
    # to it in session 25, heldout3 (30) in session 43, heldout4 (30) in session 47, heldout5 (30) in
    # session 48, heldout6 (30) in session 49, heldout7 (30) in session 50. Their floors guard what was last
    # measured, two claims below it (0.96 / 0.88 / 0.80 / 0.80 / 0.667 / 0.867 / 0.567 / 0.533), not a goal
    assert scores["dev"].accuracy >= 0.85 and scores["test"].accuracy >= 0.85
    assert scores["dev2"].accuracy >= 0.88 and scores["heldout"].accuracy >= 0.80
    assert scores["heldout2"].accuracy >= 0.73 and scores["heldout3"].accuracy >= 0.73
    assert scores["heldout4"].accuracy >= 0.60 and scores["heldout5"].accuracy >= 0.80
    assert scores["heldout6"].accuracy >= 0.50 and scores["heldout7"].accuracy >= 0.46
    assert all(scores["dev"].recall[label] >= 0.75 for label in ("supported", "refuted", "not_enough_info"))


def test_cli_json_shape(seed_built):
    kb, index = seed_built
    stdin = (
        "An IS-K bombing killed 200 people in Kabul in May 2021.\n"
        "China has promised to help the Taliban fight IS-K.\n"
        "The weather in Lisbon is sunny in July.\n"
    )
    result = run_cli(
        "check", "-", "--json", "--top-k", "2", "--kb", str(kb), "--index", str(index), stdin=stdin
    )
    assert result.returncode == 0, result.stderr
    lines = [json.loads(line) for line in result.stdout.splitlines()]
    assert [o["verdict"] for o in lines] == ["refuted", "not_enough_info", "not_enough_info"]
    first = lines[0]
    assert {"claim", "verdict", "confidence", "reason", "evidence"} <= set(first)
    assert 0 < len(first["evidence"]) <= 2
    hit = first["evidence"][0]
    assert {"rank", "score", "text", "speaker", "attribution", "source", "passage_id", "paragraph"} <= set(
        hit
    )
    assert 0 < len(lines[1]["evidence"]) <= 2  # the closest passages, shown though none settles it
    assert lines[2]["evidence"] == []


def test_cli_readable_and_bad_input(seed_built):
    kb, index = seed_built
    ok = run_cli("check", "The Taliban and IS-K are allies.", "--kb", str(kb), "--index", str(index))
    assert ok.returncode == 0 and "REFUTED" in ok.stdout and "enemies" in ok.stdout
    bad = run_cli("check", "   ", "--kb", str(kb), "--index", str(index))
    assert bad.returncode == 1 and len(bad.stderr.strip().splitlines()) == 1 and bad.stdout == ""


VERIFIERS = ("model", "rules")
SAYS = "that IS-K is a continuation of local extremist groups."


@pytest.mark.parametrize("verifier", VERIFIERS)
@pytest.mark.parametrize("who", ["The expert notes", "The doctor notes", "Azizi notes"])
def test_a_description_the_registry_resolves_is_the_same_speaker(seed_service, verifier, who):
    """ "The expert notes ..." where the passage is Azizi's: in this kb the registry resolves "the expert"
    (and "the doctor") to him, so the claim is his and supported (before: refuted, "The expert" vs
    "Dr. Rustam Azizi"); the report's "did they say it" answers yes."""
    from askisk.report.render import attribution_check

    verdict = seed_service.check(f"{who} {SAYS}", verifier=verifier)
    assert verdict.verdict == "supported", verdict.reason
    assert verdict.mismatch is None and verdict.same_speaker is True
    assert "Azizi" in (verdict.evidence_speaker or "")
    check = attribution_check(verdict)
    assert check is not None and check["answer"] == "yes", check


@pytest.mark.parametrize("verifier", VERIFIERS)
@pytest.mark.parametrize(
    "who",
    [
        "The UN report says",  # resolves to another speaker of the same source
        "The general notes",  # a description of another person (McKenzie)
        "The minister notes",  # a description the registry resolves to nobody
    ],
)
def test_a_description_of_someone_else_stays_a_mismatch(seed_service, verifier, who):
    """The same words put in another mouth are still flagged: only a description that resolves to the
    passage's own speaker counts as that speaker."""
    from askisk.report.render import attribution_check

    verdict = seed_service.check(f"{who} {SAYS}", verifier=verifier)
    assert verdict.verdict in ("refuted", "not_enough_info"), verdict.reason
    assert verdict.same_speaker is not True
    if verdict.verdict == "refuted":
        assert verdict.mismatch == "attribution" and "Azizi" in (verdict.evidence_speaker or "")
    check = attribution_check(verdict)
    assert check is not None and check["answer"] != "yes", check


def test_an_abstained_said_claim_does_not_blame_a_deciding_passage(seed_service):
    """Where nothing settles "X said Y" and only the closest passages are shown, none of them decided, so
    the report's "did they say it" is unknown for that reason (before: "the deciding passage names no
    speaker")."""
    from askisk.report.render import attribution_check

    # ("refuse to become part of any other system" was this claim until "refuse" was read as the "not" it
    # says: the expert's "do not want to be part of any other systems" supports it)
    claim = "Azizi said the Islamist militants plan to merge with other movements."
    verdict = seed_service.check(claim)
    assert verdict.verdict == "not_enough_info" and verdict.evidence, verdict.reason
    check = attribution_check(verdict)
    assert check is not None and check["answer"] == "unknown"
    assert check["detail"] == "no passage settles the claim; the closest are shown"


def test_same_speaker_reads_the_registry_of_the_passage_source(seed_service):
    """A description resolves within the passage's own source ("the expert" of another article is another
    person); a name matches wherever it is; a description that resolves to two speakers matches neither."""
    from askisk.models import Speaker
    from askisk.speakers.query import same_speaker

    speakers = seed_service.store().speakers
    expert = next(s for s in speakers if "the expert" in s.aliases)
    source = expert.source_id
    assert same_speaker("The expert", expert.name, speakers, source)
    assert not same_speaker("The expert", expert.name, speakers, "another-source")
    assert not same_speaker("The expert", expert.name, (), source)
    assert same_speaker(expert.name.split()[-1], expert.name, (), None)
    other = Speaker("Someone Else", source, aliases=("the expert",))
    assert not same_speaker("The expert", expert.name, [*speakers, other], source)
