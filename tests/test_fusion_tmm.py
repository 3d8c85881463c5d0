"""The default fusion's normalisation (issue 17, session 44): each side divided by its best candidate above
a floor ("theoretical" min-max), not min-max stretched over the candidates; on the real seed index."""

from __future__ import annotations

import numpy as np

from askisk.search.fusion import CONFIGS, DEFAULT_CONFIG, MIN_COSINE, _over_best

UN_REPORT = "The threat of terrorism is rising in both Afghanistan and the region, according to the report"


def test_scores_are_divided_by_the_best_above_the_floor():
    cos = np.array([0.632, 0.607, 0.529, 0.15])
    out = _over_best(cos, MIN_COSINE)
    assert out[0] == 1.0 and out[3] == 0.0  # under the floor counts as nothing, not as negative
    assert np.isclose(out[1], (0.607 - 0.2) / (0.632 - 0.2))  # 0.94: close cosines stay close
    close = np.array([0.632, 0.607, 0.529, 0.45])  # a short article: every candidate is somewhat close
    minmax = (close - close.min()) / (close.max() - close.min())
    over = _over_best(close, MIN_COSINE)
    assert over[1] - over[2] < 0.2 < minmax[1] - minmax[2]  # min-max stretches the same 0.078 gap to 0.43
    assert not _over_best(np.array([0.1, 0.05]), MIN_COSINE).any()  # nothing above the floor: all zero
    assert not _over_best(np.zeros(0), 0.0).size


def test_the_default_is_the_theoretical_normalisation_of_the_typed_context_fusion():
    old = CONFIGS["hybrid+context+types"]
    assert CONFIGS["hybrid+context+types+tmm"].normalise == "theoretical"  # the default adds source support
    assert (DEFAULT_CONFIG.context, DEFAULT_CONFIG.type_boost, DEFAULT_CONFIG.alpha) == (
        old.context, old.type_boost, old.alpha,
    )  # fmt: skip
    assert (old.normalise, DEFAULT_CONFIG.normalise, DEFAULT_CONFIG.dense_floor) == (
        "minmax", "theoretical", MIN_COSINE,
    )  # fmt: skip


def test_a_paraphrased_speaker_question_finds_the_report_first(seed_service):
    """heldout4's q288: min-max ranked the United Nations report's sentence second; the default ranks it
    first."""
    question = "Who assessed that the terrorism threat is growing in Afghanistan and the neighbouring region?"
    new = seed_service.ask(question, top_k=3).results
    old = seed_service.ask(question, top_k=3, config=CONFIGS["hybrid+context+types"]).results
    assert new[0].text.startswith(UN_REPORT) and new[0].speaker == "United Nations report"
    assert not old[0].text.startswith(UN_REPORT)
    assert any(h.text.startswith(UN_REPORT) for h in old)
