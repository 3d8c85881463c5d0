"""`askisk eval`: metrics against a hand computation, gold spans -> qrels, floors, TREC files, the CLI,
and the product goal (fusion beats each retriever alone) on the shipped eval set."""

from __future__ import annotations

import json
import math
from pathlib import Path

import pytest
from conftest import ROOT, run_cli

from askisk.errors import InputError
from askisk.evaluate import metrics as em
from askisk.evaluate.retrieval import (
    SPLITS,
    EvalQuestion,
    EvalSetError,
    build_qrels,
    evaluate,
    load_questions,
)

EVAL_SET = ROOT / "kb" / "eval"


# -- an independent reference: the textbook definitions, in plain Python -------------------------------
def ref_recall(ranked: list[str], rels: set[str], k: int) -> float:
    return len(set(ranked[:k]) & rels) / len(rels)


def ref_mrr(ranked: list[str], rels: set[str], k: int = 10) -> float:
    return next((1 / i for i, d in enumerate(ranked[:k], start=1) if d in rels), 0.0)


def ref_ndcg(ranked: list[str], rels: set[str], k: int = 10) -> float:
    dcg = sum(1 / math.log2(i + 1) for i, d in enumerate(ranked[:k], start=1) if d in rels)
    ideal = sum(1 / math.log2(i + 1) for i in range(1, min(len(rels), k) + 1))
    return dcg / ideal


def reference(qrels: em.Qrels, rankings: dict[str, list[str]]) -> dict[str, float]:
    per_q = {m: [] for m in em.RANKING_METRICS}
    for qid, rels in qrels.items():
        ranked, relevant = rankings.get(qid, []), set(rels)
        for k in (1, 3, 5, 10):
            per_q[f"recall@{k}"].append(ref_recall(ranked, relevant, k))
        per_q["hit_rate@5"].append(1.0 if relevant & set(ranked[:5]) else 0.0)
        per_q["mrr@10"].append(ref_mrr(ranked, relevant))
        per_q["ndcg@10"].append(ref_ndcg(ranked, relevant))
    return {m: sum(v) / len(v) for m, v in per_q.items()}


def test_ranking_metrics_match_a_hand_computation():
    qrels = {"a": {"d1": 1}, "b": {"d2": 1, "d9": 1}, "c": {"d3": 1}, "d": {"d4": 1}}
    rankings = {
        "a": ["d1", "d5", "d6"],  # first
        "b": ["d5", "d2", "d6", "d7", "d8", "d0", "d11", "d12", "d13", "d9"],  # two relevant: ranks 2 and 10
        "c": ["d5", "d6", "d7", "d8", "d9", "d0", "d10", "d11", "d12", "d13", "d3"],  # rank 11: beyond @10
        # "d": no ranking at all, scores 0
        "x": ["d1"],  # a question without relevant passages is ignored
    }
    got = em.ranking_metrics(qrels, {q: em.ranked_run(r) for q, r in rankings.items()})
    want = reference(qrels, rankings)
    assert got == pytest.approx(want, abs=1e-9)
    assert got["recall@1"] == pytest.approx(0.25)  # only "a"
    assert got["mrr@10"] == pytest.approx((1 + 0.5) / 4)
    assert got["recall@10"] == pytest.approx((1 + 1) / 4)


def test_ranked_run_keeps_the_system_order_through_ties():
    run = em.ranked_run(["z", "a", "m"])
    assert sorted(run, key=lambda d: -run[d]) == ["z", "a", "m"]


# -- gold spans -> qrels ---------------------------------------------------------------------------
PASSAGES = [
    ("p1", "The group was created in January 2015 by disaffected Taliban."),
    ("p2", "“Such cells cannot be kept for long,” said the expert."),
    ("p3", "IS-K group, or Daesh\u2013Khorasan, is reportedly active in South Asia."),
]


def q(id_: str, *answers: str, speaker: str | None = None) -> EvalQuestion:
    return EvalQuestion(id_, "question?", tuple(answers), speaker, "dev", "factual")


def test_a_span_marks_the_passage_that_contains_it():
    qrels = build_qrels([q("q1", "created in January 2015")], PASSAGES)
    assert qrels == {"q1": {"p1": 1}}


def test_spans_match_after_normalisation_and_several_spans_mark_several_passages():
    # straight quotes and a hyphen in the span; curly quotes and an en dash in the text
    qrels = build_qrels([q("q1", '"Such cells cannot', "Daesh-Khorasan, is")], PASSAGES)
    assert qrels == {"q1": {"p2": 1, "p3": 1}}


def test_unanswerable_questions_get_no_qrels():
    assert build_qrels([q("q9")], PASSAGES) == {}


def test_a_span_that_matches_nothing_is_an_error_naming_the_question():
    with pytest.raises(EvalSetError, match=r"question q7: gold span 'created in March 2016'"):
        build_qrels([q("q1", "January 2015"), q("q7", "created in March 2016")], PASSAGES)


def test_every_shipped_span_matches_a_seed_passage(seed_service):
    rows = seed_service.store().rows
    qrels = build_qrels(load_questions(EVAL_SET), [(p.id, p.text) for p, _ in rows])
    assert len(qrels) == sum(1 for x in load_questions(EVAL_SET) if x.answers)


def test_eval_set_errors_are_clear(tmp_path):
    with pytest.raises(EvalSetError, match="no eval set at"):
        load_questions(tmp_path)
    line = json.dumps({"id": "q1", "query": "x", "answers": [], "split": "dev"})
    (tmp_path / "queries.jsonl").write_text(line + "\n" + line + "\n")
    with pytest.raises(EvalSetError, match="queries.jsonl:2: question id 'q1' appears twice"):
        load_questions(tmp_path)
    (tmp_path / "queries.jsonl").write_text('{"query": "no id"}\n')
    with pytest.raises(EvalSetError, match="queries.jsonl:1: not a question record"):
        load_questions(tmp_path)


# -- speakers, not-found threshold, floors ---------------------------------------------------------
def test_speaker_matching_is_lenient_on_names_but_not_on_narration():
    aliases = {"Dr. Rustam Azizi": ("Azizi", "the expert")}
    assert em.is_gold_speaker("Taliban", "the Taliban")
    assert em.is_gold_speaker("Tajikistan\u2019s authorities", "Tajikistan's authorities")
    assert em.is_gold_speaker("Dr. Rustam Azizi", "Azizi", aliases)
    assert em.is_gold_speaker(None, None)
    assert not em.is_gold_speaker(None, "Azizi")
    assert not em.is_gold_speaker("Dr. Rustam Azizi", None, aliases)
    assert not em.is_gold_speaker("United Nations report", "Dr. Rustam Azizi", aliases)
    assert em.speaker_accuracy([True, False, None, True]) == (pytest.approx(2 / 3), 3)


def test_threshold_separates_answerable_from_unanswerable():
    answerable, unanswerable = [0.6, 0.7, 0.8, 0.45], [0.3, 0.4, 0.5]
    t = em.calibrate_threshold(answerable, unanswerable)
    assert 0.5 < t <= 0.6
    assert em.balanced_accuracy(answerable, unanswerable, t) == pytest.approx((3 / 4 + 1) / 2)
    d = em.Distribution.of([1.0, 2.0, 3.0, 4.0])
    assert (d.n, d.min, d.median, d.max, d.p25) == (4, 1.0, 2.5, 4.0, 1.75)


def test_floors_parse_and_fail_with_one_line_each():
    configs = ["bm25", "hybrid+speaker"]
    floors = [
        em.parse_floor("recall@10=0.9", "hybrid+speaker", configs),
        em.parse_floor("bm25:mrr@10=0.5", "hybrid+speaker", configs),
    ]
    assert [str(f) for f in floors] == ["hybrid+speaker:recall@10=0.9", "bm25:mrr@10=0.5"]
    scores = {"hybrid+speaker": {"recall@10": 0.85}, "bm25": {"mrr@10": 0.6}}
    assert em.failed_floors(floors, scores) == ["hybrid+speaker recall@10 = 0.8500, under the floor 0.9"]
    for bad, message in [
        ("recall@10", "write METRIC=VALUE"),
        ("recal@10=1", "unknown metric 'recal@10'"),
        ("dense:mrr@10=1", "configuration 'dense' is not evaluated"),
        ("mrr@10=high", "'high' is not a number"),
    ]:
        with pytest.raises(InputError, match=message):
            em.parse_floor(bad, "hybrid+speaker", configs)


# -- the shipped eval set on the seed --------------------------------------------------------------
@pytest.fixture(scope="module")
def seed_report(seed_service):
    return evaluate(seed_service, EVAL_SET)


def test_ranx_figures_match_the_reference_on_the_seed_runs(seed_report):
    assert seed_report.configs == ["bm25", "dense", *seed_report.configs[2:]]
    for split in ("all", *SPLITS):
        rep = seed_report.report(split)
        for scores in rep.configs:
            results = [
                r
                for r in seed_report.details[scores.config]
                if r.relevant and (split == "all" or r.split == split)
            ]
            assert len(results) == rep.answerable
            qrels = {r.id: dict.fromkeys(r.relevant, 1) for r in results}
            want = reference(qrels, {r.id: list(r.ranked) for r in results})
            got = {m: scores.metrics[m] for m in em.RANKING_METRICS}
            assert got == pytest.approx(want, abs=1e-9), (split, scores.config)
            judged = [r for r in results if r.first_relevant_rank and r.first_relevant_rank <= 5]
            assert scores.speaker_judged == len(judged)


def test_unanswerable_questions_are_counted_apart(seed_report):
    questions = load_questions(EVAL_SET)
    full = seed_report.report("all")
    assert full.unanswerable == sum(1 for x in questions if not x.answers) > 0
    assert full.answerable + full.unanswerable == len(questions)
    assert full.not_found.unanswerable.n == full.unanswerable
    assert full.not_found.answerable.n == full.answerable
    splits = [seed_report.report(s) for s in SPLITS]
    assert sum(s.answerable for s in splits) == full.answerable
    dev = splits[0]
    assert dev.not_found.threshold == full.not_found.threshold  # calibrated on dev only


def test_fusion_beats_each_retriever_alone_on_mrr(seed_report):
    """The product goal: hybrid search ranks the answer higher than BM25 or dense search alone."""
    scores = {c.config: c.metrics["mrr@10"] for c in seed_report.report("all").configs}
    best_fused = max(scores["hybrid"], scores["hybrid+speaker"])
    assert best_fused > scores["bm25"], scores
    assert best_fused > scores["dense"], scores


# -- the command ---------------------------------------------------------------------------------------
def test_cli_json_reports_every_config_and_metric_and_writes_trec_runs(seed_built, tmp_path):
    kb, index = seed_built
    runs = tmp_path / "runs"
    proc = run_cli(
        "eval", "--json", "--kb", str(kb), "--index", str(index), "--set", str(EVAL_SET), "--runs", str(runs)
    )
    assert proc.returncode == 0, proc.stderr
    out = json.loads(proc.stdout)
    from askisk.search.fusion import CONFIGS

    assert out["configs"] == list(CONFIGS)
    from askisk.cli.eval_cmd import SPLIT_CHOICES

    assert ("all", *SPLITS) == SPLIT_CHOICES  # the CLI's copy, kept literal so `askisk --help` stays light
    assert [r["split"] for r in out["reports"]] == list(SPLIT_CHOICES)
    for rep in out["reports"]:
        assert [c["config"] for c in rep["configs"]] == list(CONFIGS)
        for c in rep["configs"]:
            assert set(c["metrics"]) == set(em.METRICS)
            assert all(0.0 <= v <= 1.0 for v in c["metrics"].values())
        assert rep["not_found"]["unanswerable"]["n"] == rep["unanswerable"]
    assert out["failed"] == []

    import ranx

    assert sorted(p.name for p in runs.iterdir()) == sorted([*(f"{c}.trec" for c in CONFIGS), "qrels.txt"])
    qrels = ranx.Qrels.from_file(str(runs / "qrels.txt"), kind="trec")
    full = {c["config"]: c["metrics"] for c in out["reports"][0]["configs"]}
    for name in CONFIGS:
        lines = (runs / f"{name}.trec").read_text().splitlines()
        rows = [line.split() for line in lines]
        assert all(len(r) == 6 and r[1] == "Q0" and r[5] == name for r in rows)
        for qid in {r[0] for r in rows}:  # ranks 1..n with strictly decreasing scores
            mine = [r for r in rows if r[0] == qid]
            assert [int(r[3]) for r in mine] == list(range(1, len(mine) + 1))
            assert all(float(a[4]) > float(b[4]) for a, b in zip(mine, mine[1:], strict=False))
        run = ranx.Run.from_file(str(runs / f"{name}.trec"), kind="trec")
        # the files alone reproduce the reported figures
        assert ranx.evaluate(qrels, run, "mrr@10", make_comparable=True) == pytest.approx(
            full[name]["mrr@10"]
        )


def test_cli_fail_under_exits_non_zero_with_one_line_per_floor(seed_built):
    from askisk.search.fusion import CONFIGS, DEFAULT_NAME

    kb, index = seed_built
    proc = run_cli(
        "eval", "--kb", str(kb), "--index", str(index), "--set", str(EVAL_SET),
        "--config", "bm25", DEFAULT_NAME,
        "--fail-under", "recall@10=1.01", "--fail-under", "bm25:recall@1=0.0",
    )  # fmt: skip
    assert proc.returncode == 1, proc.stderr
    failed = [line for line in proc.stderr.splitlines() if line.startswith("askisk: eval:")]
    assert len(failed) == 1
    assert f"{DEFAULT_NAME} recall@10 = " in failed[0] and "under the floor 1.01" in failed[0]
    rows = [
        line.split()[0] for line in proc.stdout.splitlines() if line.split()[:1] in ([c] for c in CONFIGS)
    ]
    assert "full set:" in proc.stdout and "test split (held out):" in proc.stdout  # the readable tables
    assert rows == ["bm25", DEFAULT_NAME] * (1 + len(SPLITS))  # the full set, then each split


def test_cli_errors_before_loading_anything(seed_built, tmp_path):
    kb, index = seed_built
    proc = run_cli("eval", "--kb", str(kb), "--index", str(index))  # the seed fixture kb has no eval/
    assert proc.returncode == 1
    assert proc.stderr.strip() == f"askisk: error: no eval set at {kb / 'eval' / 'queries.jsonl'}; " + (
        "pass --set DIR with a queries.jsonl (see kb/eval/README.md)"
    )
    proc = run_cli("eval", "--kb", str(kb), "--index", str(index), "--set", str(EVAL_SET), "--config", "bm42")
    assert proc.returncode == 1 and "unknown configuration 'bm42'" in proc.stderr
    proc = run_cli("eval", "--kb", str(kb), "--set", str(EVAL_SET), "--fail-under", "mrr=0.5")
    assert proc.returncode == 1 and "unknown metric 'mrr'" in proc.stderr


def test_default_eval_set_is_beside_the_kb(tmp_path):
    from askisk.evaluate.retrieval import default_eval_dir

    assert default_eval_dir(tmp_path / "kb") == tmp_path / "kb" / "eval"
    assert Path(EVAL_SET / "queries.jsonl").is_file()
