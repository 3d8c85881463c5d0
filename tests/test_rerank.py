"""The stance-reranked search configuration (issue 17): `hybrid+context+types+stance` reorders the default's
top 20 by the real stance cross-encoder's relatedness, on the real seed index; it is named, never the
default, and `askisk eval` runs it only when asked."""

from __future__ import annotations

import json

import numpy as np
import pytest

from askisk.search.fusion import ALL_CONFIGS, CONFIGS, DEFAULT_CONFIG, SLOW_CONFIGS, search
from askisk.search.learned import minmax

NAME = "hybrid+context+types+stance"
QUESTION = "How many people did the IS-K bombing in Kabul kill?"


def test_relatedness_is_one_minus_neutral_and_ranks_the_answer_above_an_unrelated_sentence(seed_service):
    from askisk.verify.stance import load_stance

    claim = "An IS-K bombing killed 90 people in Kabul."
    passages = [
        "In May 2021, an IS-K bombing killed 90 in Kabul.",
        "The weather in Dushanbe is mild in spring.",
    ]
    related = seed_service.reranker()(claim, passages)
    assert related.shape == (2,) and np.all((related >= 0) & (related <= 1))
    assert related == pytest.approx([s.related for s in load_stance().stances(claim, passages)], abs=1e-5)
    assert related[0] > related[1]


def test_the_reranked_order_is_the_mix_of_the_fused_score_and_the_models_relatedness(seed_service):
    config = ALL_CONFIGS[NAME]
    answer = seed_service.ask(QUESTION, top_k=5, config=config)
    assert len(answer.results) == 5
    assert all(0.0 <= h.scores["related"] <= 1.0 for h in answer.results)
    assert [h.score for h in answer.results] == sorted((h.score for h in answer.results), reverse=True)
    # recompute: hybrid+context+types's top 20 (the fusion it reranks), min-max scaled, mixed with the
    # model's relatedness of each
    store = seed_service.store()
    base = CONFIGS["hybrid+context+types"]
    head, _ = search(
        store, QUESTION, seed_service.embed_query(QUESTION), top_k=config.rerank_depth, config=base
    )
    related = seed_service.reranker()(QUESTION, [h.text for h in head])
    mixed = (1 - config.rerank_weight) * minmax(
        np.array([h.score for h in head])
    ) + config.rerank_weight * related
    expected = sorted(zip(mixed, (h.passage_id for h in head), strict=True), key=lambda x: -x[0])[:5]
    assert [h.passage_id for h in answer.results] == [pid for _, pid in expected]
    assert [h.score for h in answer.results] == pytest.approx([float(v) for v, _ in expected], abs=1e-5)
    assert answer.results[0].text == "In May 2021, an IS-K bombing killed 90 in Kabul."


def test_a_reranking_configuration_without_its_model_is_refused(seed_service):
    store = seed_service.store()
    with pytest.raises(ValueError, match="rerank"):
        search(store, QUESTION, seed_service.embed_query(QUESTION), config=SLOW_CONFIGS[NAME])


def test_it_is_named_only_never_the_default():
    assert NAME not in CONFIGS and NAME in ALL_CONFIGS
    assert DEFAULT_CONFIG.rerank_depth == 0


def test_eval_runs_it_when_named(seed_built, tmp_path):
    from tests.conftest import ROOT, run_cli

    kb, index = seed_built
    # three questions of the test split: the model reads 20 pairs per question, so a small set
    lines = (ROOT / "kb" / "eval" / "queries.jsonl").read_text(encoding="utf-8").splitlines()
    picked = [line for line in lines if line.strip() and json.loads(line)["split"] == "test"][:3]
    (tmp_path / "queries.jsonl").write_text("\n".join(picked) + "\n", encoding="utf-8")
    proc = run_cli(
        *(
            "eval",
            "--kb",
            str(kb),
            "--index",
            str(index),
            "--set",
            str(tmp_path),
            "--split",
            "test",
            "--json",
        ),
        *("--config", "hybrid+context+types", NAME),
    )
    assert proc.returncode == 0, proc.stderr
    out = json.loads(proc.stdout)
    assert out["configs"] == ["hybrid+context+types", NAME]
    rows = {c["config"]: c for c in out["reports"][0]["configs"]}
    assert 0.0 < rows[NAME]["metrics"]["recall@10"] <= 1.0
