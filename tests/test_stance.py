"""The shipped stance model (real ONNX weights) on hand-written pairs, the check path staying torch-free,
and `askisk eval --claims --dataset climate-fever` on a small fixture in the dataset's own format."""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest

from askisk.verify.stance import LABELS, MODEL_DIR, load_stance
from tests.conftest import FIXTURES, ROOT, run_cli
from tests.test_onnx import HEAVY

CF_FIXTURE = FIXTURES / "climate-fever-mini.jsonl"


@pytest.fixture(scope="module")
def model():
    return load_stance()


@pytest.mark.parametrize(
    ("claim", "passage", "label"),
    [
        ("A woman is outside.", "A woman is walking her dog in the park.", "entails"),
        ("Two children are playing.", "Two young children are playing football on a field.", "entails"),
        ("A man is playing a guitar.", "A man is sleeping in his bed.", "contradicts"),
        ("The dog is asleep.", "The dog is running across the beach.", "contradicts"),
        (
            "The Eiffel Tower is in Paris.",
            "Photosynthesis converts light energy into chemical energy.",
            "neutral",
        ),
        (
            "Carbon dioxide is a greenhouse gas.",
            "The 2014 World Cup final was played at the Maracanã Stadium in Rio de Janeiro.",
            "neutral",
        ),
    ],
)
def test_stance_on_hand_written_pairs(model, claim, passage, label):
    (stance,) = model.stances(claim, [passage])
    assert stance.label == label, stance
    assert sum((stance.entails, stance.contradicts, stance.neutral)) == pytest.approx(1.0, abs=1e-5)


def test_a_passage_on_the_claim_is_more_related_than_one_off_it(model):
    claim = "Global sea level has been rising over the past century."
    on, off = model.stances(
        claim,
        [
            "Global mean sea level has risen by about 20 centimetres since 1900.",
            "The Eiffel Tower is a wrought-iron lattice tower on the Champ de Mars in Paris.",
        ],
    )
    assert on.related > off.related + 0.2 and on.entails > off.entails


def test_batch_equals_single_and_shipped_files(model):
    claim = "Carbon dioxide is a greenhouse gas."
    passages = ["Carbon dioxide is a greenhouse gas that traps heat.", "Paris is in France."]
    batch = model.stances(claim, passages)
    single = [model.stances(claim, [p])[0] for p in passages]
    # each pair runs unpadded on its own: a passage's stance never depends on the others retrieved with it
    assert batch == single
    assert model.stances(claim, []) == []
    info = json.loads((MODEL_DIR / "stance.json").read_text(encoding="utf-8"))
    assert tuple(info["labels"]) == LABELS
    assert (MODEL_DIR / "model.onnx").stat().st_size < 40_000_000  # shipped in the package


def test_check_never_imports_torch(seed_built):
    """`check` (retrieval, spaCy rule features, the stance model) loads no torch / transformers:
    the modules really present after a check in a fresh process (spaCy's thinc only tries torch)."""
    kb, index = seed_built
    probe = (
        "import json, sys\n"
        "from askisk.cli import main\n"
        f"code = main(['check', '--json', '--kb', {str(kb)!r}, '--index', {str(index)!r}, "
        "'An IS-K bombing killed 200 people in Kabul in May 2021.'])\n"
        "loaded = sorted(m for m, mod in sys.modules.items() if mod is not None)\n"
        "print(json.dumps({'code': code, 'modules': loaded}), file=sys.stderr)\n"
    )
    env = {**os.environ, "ASKISK_VERIFIER": "model"}
    result = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, timeout=300, env=env
    )
    verdict = json.loads(result.stdout)
    assert verdict["verdict"] == "refuted" and verdict["mismatch"] == "number"
    report = json.loads(result.stderr.strip().splitlines()[-1])
    assert report["code"] == 0
    modules = set(report["modules"])
    assert {"askisk.verify.stance", "askisk.verify.aggregate", "onnxruntime", "spacy"} <= modules
    heavy = sorted(m for m in modules if m.split(".")[0] in HEAVY)
    assert heavy == [], heavy[:10]


def test_eval_on_a_climate_fever_fixture(tmp_path):
    plot = tmp_path / "trust.png"
    work = tmp_path / "work"
    result = run_cli(
        "eval", "--claims", "--dataset", "climate-fever", str(CF_FIXTURE), "--split", "even",
        "--verifier", "model", "--json", "--plot", str(plot), "--work", str(work),
    )  # fmt: skip
    assert result.returncode == 0, result.stderr[-2000:]
    out = json.loads(result.stdout)
    rows = [json.loads(line) for line in CF_FIXTURE.read_text(encoding="utf-8").splitlines()]
    judged = [r for r in rows if int(r["claim_id"]) % 2 == 0 and r["claim_label"] != "DISPUTED"]
    assert out["n"] == len(judged) and out["split"] == "even" and out["verifier"] == "model"
    assert sum(sum(row.values()) for row in out["confusion"].values()) == len(judged)
    assert 0.0 <= out["ece"] <= 1.0 and 0.0 <= out["macro_f1"] <= 1.0
    assert plot.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    # the odd (held-out) claim's evidence never reaches the kb of an even split
    kb_text = " ".join(p.read_text(encoding="utf-8") for p in (work / "kb-even").glob("*.md"))
    odd = [e["evidence"] for r in rows if int(r["claim_id"]) % 2 for e in r["evidences"]]
    assert odd and not any(sentence in kb_text for sentence in odd)
    # plainly supported and plainly refuted claims come out so
    right = set(judged_ids(out, rows)) - set(out["wrong"])
    assert {"2", "4"} <= right, out


def judged_ids(out, rows):
    return [r["claim_id"] for r in rows if int(r["claim_id"]) % 2 == 0 and r["claim_label"] != "DISPUTED"]


def test_eval_dataset_bad_input_is_one_line(tmp_path):
    bad = tmp_path / "bad.jsonl"
    bad.write_text("{not json\n", encoding="utf-8")
    for args in (
        ("--claims", "--dataset", "climate-fever", str(bad)),
        ("--claims", "--dataset", "fever", str(CF_FIXTURE)),
        ("--claims", "--dataset", "climate-fever", str(CF_FIXTURE), "--split", "dev"),
        ("--claims", "--dataset", "climate-fever", str(CF_FIXTURE), "--plot", str(tmp_path / "x.svg")),
        ("--plot", str(tmp_path / "x.png")),
        ("--claims", "--split", "even-test"),
    ):
        result = run_cli("eval", *args)
        assert result.returncode == 1, (args, result.stderr)
        lines = [ln for ln in result.stderr.splitlines() if ln.strip()]
        assert len(lines) == 1 and lines[0].startswith("askisk: error:"), (args, lines)
    assert not (tmp_path / "x.svg").exists()


def test_eval_claims_names_a_split_the_set_lacks(seed_built):
    kb, index = seed_built
    # before, a claim split the set lacks checked every claim and printed nothing, with exit 0
    claims = str(ROOT / "kb" / "eval")
    result = run_cli(
        "eval", "--claims", "--split", "heldout8", "--set", claims, "--kb", str(kb), "--index", str(index)
    )
    assert result.returncode == 1 and result.stdout == "", result
    lines = [ln for ln in result.stderr.splitlines() if ln.strip()]
    assert len(lines) == 1 and "no claims in split 'heldout8'" in lines[0] and "heldout7" in lines[0], lines


def test_rule_coverage_keeps_a_half_matching_passage_from_refuting(seed_service, model):
    from dataclasses import replace

    from askisk.verify.aggregate import Settings, decide_raw, judge_passages, shipped_settings

    claim = "An IS-K bombing killed 200 people in Kabul in May 2021."
    hits = seed_service.ask(claim, top_k=10).results
    judged = judge_passages(claim, hits, model.stances(claim, [h.text for h in hits]))
    base = Settings(entail=1.1, contradict=1.1, related=0.0, rule_coverage=0.0)
    by_rule = decide_raw(judged, base)
    assert by_rule.label == "refuted" and by_rule.rule and by_rule.mismatch is not None
    assert by_rule.mismatch.kind == "number" and by_rule.deciding is not None
    covered = by_rule.deciding.alignment.coverage
    assert decide_raw(judged, replace(base, rule_coverage=covered)).label == "refuted"
    above = decide_raw(judged, replace(base, rule_coverage=covered + 0.01))
    assert not (above.rule and above.label == "refuted")  # the clash no longer counts
    assert 0.0 < shipped_settings().rule_coverage <= 1.0  # tuned, shipped in aggregate.json


def test_the_exact_rules_decide_where_the_model_reads_little(seed_service, model):
    """A paraphrase of a seed quote the model calls neutral is supported by the exact-rule step (every
    claim piece matched), and `check` with the shipped settings shows that passage first."""
    from dataclasses import replace

    from askisk.verify.aggregate import decide_raw, exact_rule, judge_passages, shipped_settings

    s = shipped_settings()
    claim = "Azizi says the border is controlled effectively."
    hits = seed_service.ask(claim, top_k=10).results
    judged = judge_passages(claim, hits, model.stances(claim, [h.text for h in hits]))
    exact = exact_rule(judged, s)
    assert exact is not None and exact.label == "supported" and exact.deciding is not None
    assert "border is controlled" in exact.deciding.hit.text
    assert exact.deciding.stance.label == "neutral"  # the model alone does not support it
    # without the exact rules, the speaker step (Azizi's own passage) still supports; without both, the
    # rule fallback where the model is unsure (step 4b); without all three, the model alone does not
    assert decide_raw(judged, replace(s, exact_support=2.0)).label == "supported"
    no_speaker = replace(s, exact_support=2.0, speaker_coverage=2.0)
    fallback = decide_raw(judged, no_speaker)
    assert fallback.label == "supported" and fallback.rule and not fallback.exact
    alone = replace(no_speaker, fallback_support_coverage=2.0)
    assert decide_raw(judged, alone).label == "not_enough_info"
    verdict = seed_service.check(claim)
    assert verdict.verdict == "supported" and verdict.evidence[0].text == exact.deciding.hit.text


def test_the_gate_sends_only_passages_on_the_claim_to_the_model(seed_service, model):
    """The shipped gate lets a passage through to the stance model only when it is close to the claim
    (dense cosine) or the rules find it about the claim; `decide` on the live path gives the verdict the
    tuning path (`top_passages` + `decide_raw`) gives on the same candidates."""
    from dataclasses import replace

    from askisk.verify.aggregate import (
        UNJUDGED,
        decide,
        decide_raw,
        judge_passages,
        reads_model,
        shipped_settings,
        top_passages,
    )

    s = shipped_settings()
    assert s.gate_dense > 0.0 and s.gate_coverage > 0.0  # tuned, shipped in aggregate.json
    claim = "An IS-K bombing killed 200 people in Kabul in May 2021."
    hits = seed_service.ask(claim, top_k=10).results
    judged = judge_passages(claim, hits, model.stances(claim, [h.text for h in hits]))
    through = [reads_model(j, s) for j in judged]
    assert any(through) and not all(through), [j.hit.scores for j in judged]
    for j, ok in zip(judged, through, strict=True):
        assert ok == (j.hit.scores["dense"] >= s.gate_dense or j.alignment.coverage >= s.gate_coverage)
    seen = top_passages(judged, s.model_passages, s)
    assert [x.stance == UNJUDGED for x in seen] == [not ok for ok in through]
    assert decide(claim, hits).verdict == decide_raw(seen, s).label
    open_gate = replace(s, gate_dense=-1.0, gate_coverage=0.0)
    assert all(reads_model(j, open_gate) for j in judged)  # the gate off: every candidate is read
    off = "The Eiffel Tower is a wrought-iron lattice tower in Paris."
    off_hits = seed_service.ask(off, top_k=10).results
    assert not any(reads_model(j, s) for j in judge_passages(off, off_hits, [UNJUDGED] * len(off_hits)))
    assert decide(off, off_hits).verdict == "not_enough_info"


def test_the_abstention_model_turns_an_unsure_verdict_into_not_enough_info(seed_service, model):
    """Selective prediction (`verify.abstain`, off as shipped: it did not beat raising the thresholds on
    dev): a model-decided verdict whose P(right) is under the floor becomes not_enough_info that says which
    way the passage leans; over the floor it keeps its verdict with P(right) as confidence; the exact-rule
    step is never second-guessed."""
    from dataclasses import replace

    from askisk.verify.abstain import FEATURES, features, p_right
    from askisk.verify.aggregate import decide_raw, judge_passages, shipped_settings, to_verdict, top_passages

    s = shipped_settings()
    assert not s.abstain  # not shipped (docs/stance.md, round 5)
    claim = "An IS-K bombing in Kabul in May 2021 killed 90 people."
    hits = seed_service.ask(claim, top_k=10).results
    judged = judge_passages(claim, hits, model.stances(claim, [h.read_text for h in hits]))
    judged = top_passages(judged, s.model_passages, s)
    plain = decide_raw(judged, s)
    assert plain.label == "supported" and not plain.rule and not plain.exact
    margin_only = {"features": list(FEATURES), "weights": [0.0, 0.0, 4.0, 0.0, 0.0], "bias": 0.0}
    cov = plain.deciding.alignment.coverage
    p = p_right(margin_only, features(plain.label, plain.score, plain.rule, cov, [j.stance for j in judged]))
    assert 0.5 < p < 1.0  # the best entailing passage beats the best contradicting one
    kept = decide_raw(judged, replace(s, abstain=margin_only | {"floor": p - 0.01}))
    assert kept.label == "supported" and kept.calibrated and kept.score == p
    assert to_verdict(claim, judged, kept, s).confidence == round(p, 3)
    unsure = decide_raw(judged, replace(s, abstain=margin_only | {"floor": p + 0.01}))
    assert unsure.label == "not_enough_info" and unsure.leaning == "supported"
    verdict = to_verdict(claim, judged, unsure, s)
    assert verdict.verdict == "not_enough_info" and "leans towards the claim" in verdict.reason
    assert verdict.evidence == (plain.deciding.hit,)
    exact_claim = "Azizi says the border is controlled effectively."
    hits = seed_service.ask(exact_claim, top_k=10).results
    judged = judge_passages(exact_claim, hits, model.stances(exact_claim, [h.read_text for h in hits]))
    strict = replace(s, abstain=margin_only | {"floor": 1.0})
    assert decide_raw(judged, strict).label == "supported"  # decided by the exact rules, untouched
