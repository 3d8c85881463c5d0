"""Hybrid retrieval on the seed, on every store: checked against brute force, and ahead of dense-only and
BM25-only."""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pytest

from askisk.index.layout import EMBEDDINGS
from askisk.search.fusion import CONFIGS
from askisk.text import normalize

EVAL = Path(__file__).resolve().parents[1] / "kb" / "eval" / "queries.jsonl"


def _questions() -> list[dict]:
    rows = [json.loads(line) for line in EVAL.read_text(encoding="utf-8").splitlines() if line.strip()]
    return [q for q in rows if q["answers"]]


def _metrics(service, config_name: str) -> dict[str, float]:
    questions = _questions()
    r1 = r3 = mrr = 0.0
    for q in questions:
        hits = service.ask(q["query"], top_k=10, config=CONFIGS[config_name]).results
        ranks = [h.rank for h in hits if any(normalize(a) in normalize(h.text) for a in q["answers"])]
        rank = min(ranks) if ranks else None
        r1 += rank == 1
        r3 += rank is not None and rank <= 3
        mrr += 1 / rank if rank else 0
    n = len(questions)
    return {"r1": r1 / n, "r3": r3 / n, "mrr": mrr / n}


def test_eval_set_is_big_enough_and_every_span_is_in_the_seed(store_service):
    questions = _questions()
    assert len(questions) >= 25
    texts = [normalize(p.text) for p, _ in store_service.store().rows]
    for q in questions:
        for span in q["answers"]:
            assert any(normalize(span) in t for t in texts), q["id"]


def test_fused_ranking_beats_dense_only_and_bm25_only(store_service):
    scores = {name: _metrics(store_service, name) for name in ("bm25", "dense", "hybrid+speaker")}
    print(scores)
    fused = scores["hybrid+speaker"]
    for single in ("bm25", "dense"):
        assert fused["mrr"] > scores[single]["mrr"], (single, scores)
        assert fused["r1"] > scores[single]["r1"], (single, scores)


def test_dense_side_matches_brute_force_numpy(store_service):
    index = store_service.store()
    vectors = np.load(index.build_dir / EMBEDDINGS)  # what either store searches, row by row
    for q in _questions()[:10]:
        qvec = store_service.embed_query(q["query"])
        expected = np.argsort(-(vectors @ qvec), kind="stable")[:5]
        hits = store_service.ask(q["query"], top_k=5, config=CONFIGS["dense"]).results
        got = [next(i for i, (p, _) in enumerate(index.rows) if p.id == h.passage_id) for h in hits]
        assert got == list(expected)
        assert hits[0].scores["dense"] == pytest.approx(float(vectors[expected[0]] @ qvec), abs=1e-5)


def test_hits_carry_source_context_and_the_passage_text_alone(store_service):
    answer = store_service.ask("When was IS-K created?", top_k=3)
    top = answer.results[0]
    assert top.text.startswith("The group was created in January 2015")
    assert top.source.id == "isk-central-asia"
    assert top.text in top.context
    assert [h.rank for h in answer.results] == [1, 2, 3]
    assert answer.results[0].score >= answer.results[1].score >= answer.results[2].score


def test_speaker_filter_keeps_only_that_speakers_passages(store_service):
    speakers = store_service.speakers()
    if not speakers:
        pytest.skip("the kb has no attributed speakers yet")
    name = speakers[0].name
    answer = store_service.ask("What is the threat?", top_k=5, speaker=name.lower())
    assert answer.results and all(h.speaker == name for h in answer.results)


@pytest.mark.parametrize(
    "question", ["How do I bake sourdough bread?", "What is the weather in Paris tomorrow?", "blorf zzz"]
)
def test_off_topic_questions_find_nothing_rather_than_the_nearest_passage(store_service, question):
    answer = store_service.ask(question)
    assert not answer.found and answer.results == ()


def test_every_answerable_eval_question_counts_as_on_topic(store_service):
    missed = [q["query"] for q in _questions() if not store_service.ask(q["query"]).found]
    assert missed == []
