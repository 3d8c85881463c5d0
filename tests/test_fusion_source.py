"""The default's source support (issue 17, session 45): each candidate gains SOURCE_SUPPORT times the best
score of another candidate from its source. It reorders across sources only; on the real seed index and
on the real seed plus a second source."""

from __future__ import annotations

import dataclasses

import numpy as np

from askisk.search.fusion import CONFIGS, DEFAULT_CONFIG, SOURCE_SUPPORT, _best_other_of_source

TMM = CONFIGS["hybrid+context+types+tmm"]
SOURCE = CONFIGS["hybrid+context+types+tmm+source"]
DETENTIONS = "The report counts 212 detentions in the first four months of 2024."


def test_the_default_has_source_support_on_the_theoretical_fusion():
    assert 0 < DEFAULT_CONFIG.source_support == SOURCE_SUPPORT < 1
    assert dataclasses.replace(SOURCE, source_support=0.0) == TMM
    # the default adds MaxSim (test_maxsim) and the continuation (test_continuation)
    assert dataclasses.replace(DEFAULT_CONFIG, maxsim=0.0, continuation=0.0) == SOURCE


def test_each_candidate_gets_the_best_other_score_of_its_source(two_sources):
    from askisk.config import Paths
    from askisk.service import Askisk

    store = Askisk(Paths(*two_sources)).store()
    sources = [p.source_id for p, _ in store.rows]
    seed = [i for i, s in enumerate(sources) if s == "isk-central-asia"][:3]
    border = [i for i, s in enumerate(sources) if s == "border-report"][:1]
    candidates = np.array(seed + border)
    scores = np.array([0.9, 0.5, 0.7, 0.8])
    out = _best_other_of_source(store, candidates, scores)
    # the best of the seed gets the seed's second best, the others the best; a lone candidate gets nothing
    assert out.tolist() == [0.7, 0.9, 0.9, 0.0]


def test_within_one_source_the_order_never_changes(seed_service):
    for question in (
        "When was IS-K created?",
        "What did McKenzie tell lawmakers?",
        "What methods may IS-K use in the region?",
        "How many terrorist groups are there in Afghanistan?",
    ):
        new = seed_service.ask(question, top_k=10, config=SOURCE).results
        old = seed_service.ask(question, top_k=10, config=TMM).results
        assert [h.text for h in new] == [h.text for h in old]
        assert all(n.score > o.score for n, o in zip(new, old, strict=True))  # it adds, never reorders


def test_a_sentence_whose_article_answers_elsewhere_joins_the_top_five(two_sources):
    """The border report's count of detentions ranks under a lone seed sentence about numbers without the
    support, and inside the top five with it: its article holds the two best answers."""
    from askisk.config import Paths
    from askisk.service import Askisk

    service = Askisk(Paths(*two_sources))
    question = "How many crossings were detected at the Tajik border?"
    new = [h.text for h in service.ask(question, top_k=5, config=SOURCE).results]
    old = [h.text for h in service.ask(question, top_k=5, config=TMM).results]
    assert new[:2] == old[:2]  # the article's two best answers lead either way
    assert DETENTIONS in new and DETENTIONS not in old
