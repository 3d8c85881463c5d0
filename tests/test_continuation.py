"""A sentence that opens with a connective goes on from the one before it in its paragraph (issue 17,
session 50): the default lends it that sentence's score, so "Therefore, such cells are created very quickly
and used quickly" is found for a question whose words are the sentence before it. On the real seed index,
with the real encoder."""

from __future__ import annotations

import dataclasses

import numpy as np

from askisk.search.continuation import CONNECTIVE, previous_scores
from askisk.search.fusion import CONFIGS, CONTINUATION, DEFAULT_CONFIG

MAXSIM = CONFIGS["hybrid+context+types+tmm+source+maxsim"]
QUESTION = "Given that sleeper cells are risky and costly to keep, how are they used?"
THEREFORE = "“Therefore, such cells such cells are created very quickly and used quickly.”"


def test_the_default_is_maxsim_plus_the_continuation():
    assert DEFAULT_CONFIG is CONFIGS["hybrid+context+types+tmm+source+maxsim+connective"]
    assert dataclasses.replace(DEFAULT_CONFIG, continuation=0.0) == MAXSIM
    assert DEFAULT_CONFIG.continuation == CONTINUATION > 0


def test_connectives_open_a_sentence_that_goes_on():
    for text in (THEREFORE, "Accordingly, they can use sleeper cells.", "And since it is impossible, …"):
        assert CONNECTIVE.match(text), text
    for text in (
        "Such cells cannot be kept for long.",
        "Sofia said so.",
        "Andrew Smith agreed.",
        "Butter prices rose.",
    ):
        assert not CONNECTIVE.match(text), text


def test_a_connective_sentence_borrows_the_score_of_the_one_before_it_in_its_paragraph(seed_service):
    store = seed_service.store()
    rows = {p.text: i for i, (p, _) in enumerate(store.rows)}
    therefore = rows[THEREFORE]
    before = next(
        i for i, (p, _) in enumerate(store.rows)
        if p.source_id == store.rows[therefore][0].source_id
        and p.position == store.rows[therefore][0].position - 1
    )  # fmt: skip
    assert store.rows[before][0].paragraph == store.rows[therefore][0].paragraph
    plain = next(i for i, (p, _) in enumerate(store.rows) if not CONNECTIVE.match(p.text) and i != before)
    candidates = np.array([before, therefore, plain])
    lent = previous_scores(store, candidates, np.array([0.9, 0.2, 0.5]))
    assert lent.tolist() == [0.0, 0.9, 0.0]
    # the sentence before it is no candidate: nothing to lend
    assert previous_scores(store, np.array([therefore, plain]), np.array([0.2, 0.5])).tolist() == [0.0, 0.0]


def test_the_default_finds_the_sentence_that_answers_what_the_one_before_raised(seed_service):
    def ranked(config) -> list[str]:
        return [h.text for h in seed_service.ask(QUESTION, top_k=5, config=config).results]

    before, after = ranked(MAXSIM), ranked(DEFAULT_CONFIG)
    assert before.index(THEREFORE) > after.index(THEREFORE), (before, after)
    # the sentence that states the premise keeps its place
    assert before[0] == after[0] and after[0].startswith("“Such cells cannot be kept for long")
