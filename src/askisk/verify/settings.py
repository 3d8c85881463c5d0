"""The verdict settings of `verify.aggregate`: thresholds, rule floors and the calibration map, as
`scripts/calibrate_stance.py` writes them to stance_model/aggregate.json, read once per process (with the
gate's cosine floor of the chosen encoder). Pure data and its loading: no model, no rules."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from askisk.config import encoder_choice
from askisk.verify.stance import MODEL_DIR

SETTINGS_FILE = MODEL_DIR / "aggregate.json"


@dataclass(frozen=True)
class Settings:
    entail: float = 0.6  # P(entails) of the best passage needed to support
    contradict: float = 0.6  # P(contradicts) of the best passage needed to refute
    related: float = 0.5  # P(entails) + P(contradicts) for a rule mismatch or rule agreement to count
    rule_support: bool = True  # a fully agreeing rule alignment on a related passage supports
    soft_rules: bool = True  # entity and polarity mismatches refute too (else only HARD ones)
    temperature: float = 1.0  # on the stance logits
    # verdict -> ascending (score, P(right)) knots of the isotonic map; empty: the score itself
    calibration: dict[str, list[tuple[float, float]]] = field(default_factory=dict)
    # a rule mismatch refutes only in a passage the rule alignment covers at least this much of the claim
    # (on Wikipedia distractors, half-matching passages clash on numbers and words that are not the point)
    rule_coverage: float = 0.0
    # step 0, the exact rules: the rules' own deciding passage (`verdict.best_alignment`, no model gate)
    # decides when it covers at least this much of the claim; above 1.0 the step is off
    exact_clash: float = 2.0  # a number, date or attribution clash refutes
    exact_soft: float = 2.0  # an entity or polarity clash refutes
    exact_support: float = 2.0  # full agreement (every piece matched, nothing unverified) supports
    # only the best-ranked retrieval candidates go through the stance model (it costs ~25 ms a pair on
    # this CPU); the rest count as unrelated, though the rules still read them
    model_passages: int = 10
    # the gate: of those, a passage goes through the model only when its embedding cosine with the claim
    # (the retrieval's `dense` score) reaches `gate_dense` or the rule alignment covers `gate_coverage` of
    # the claim; a gated-out passage counts as unrelated (most are: chosen on dev, see docs/stance.md)
    gate_dense: float = -1.0
    gate_coverage: float = 0.0
    # selective prediction (`verify.abstain`): {"features", "weights", "bias", "floor"}; empty: off
    abstain: dict = field(default_factory=dict)
    # "X said Y" checked against a passage whose speaker is X: the rules decide on it, before the model,
    # once they cover this much of the claim (quotes paraphrase; the model reads little of them); above
    # 1.0 off
    speaker_coverage: float = 2.0
    # step 4b, where the model would abstain: the rules' own verdict stands when their deciding passage
    # covers this much of the claim and retrieval found it this close (embedding cosine); a refutation
    # also needs a number, date or attribution clash in one of the first `fallback_refute_rank` passages;
    # coverage above 1.0: off
    fallback_support_coverage: float = 2.0
    fallback_support_dense: float = 0.0
    fallback_refute_coverage: float = 2.0
    fallback_refute_dense: float = 0.0
    fallback_refute_rank: int = 10

    def to_json(self) -> dict:
        return {
            **self.__dict__,
            "calibration": {k: [list(p) for p in v] for k, v in self.calibration.items()},
        }

    @classmethod
    def from_json(cls, data: dict) -> Settings:
        known = {k: v for k, v in data.items() if k in cls.__dataclass_fields__}
        known["calibration"] = {k: [tuple(p) for p in v] for k, v in data.get("calibration", {}).items()}
        return cls(**known)


def shipped_settings(path: Path = SETTINGS_FILE) -> Settings:
    """The settings in aggregate.json, with the gate's cosine floor of the chosen encoder
    (`gate_dense_by_encoder`: the encoders' cosine scales differ; docs/eval.md, round 6 "shipped")."""
    return _settings(path, encoder_choice())


@lru_cache(maxsize=4)
def _settings(path: Path, encoder: str) -> Settings:
    if not path.is_file():
        return Settings()
    data = json.loads(path.read_text(encoding="utf-8"))
    gate = data.get("gate_dense_by_encoder", {}).get(encoder)
    return Settings.from_json(data if gate is None else {**data, "gate_dense": gate})
