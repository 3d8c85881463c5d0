"""The learned cue detector (speakers/cues.py): its shipped weights, its use in attribution, its training.

Real spaCy model, the shipped JSON weights, and scripts/train_attribution.py run on the hand-made
PolNeAR-shaped fixture under tests/fixtures/polnear/data/train (sentences written for the tests).
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from askisk.models import Source
from askisk.nlp import pipeline
from askisk.speakers import cues
from askisk.speakers.corpus import analyse
from askisk.speakers.quotes import match_text, quote_mask

REPO = Path(__file__).resolve().parents[1]
FIXTURE = REPO / "tests" / "fixtures" / "polnear"


def _scores(sentence: str, model: cues.CueModel | None = None) -> dict[str, float]:
    model = model or cues.cue_model()
    text = match_text(sentence)
    doc = pipeline()(text)
    inside = quote_mask(sentence).inside
    return {t.text: model.score(t, inside) for t in doc if cues.is_candidate(t)}


def _attrs(body: str) -> dict[str, tuple[str | None, str]]:
    doc = analyse(Source(id="t", title="t", path="t.md", body=body))
    return {p.text: (a.speaker, a.kind) for p, a in zip(doc.passages, doc.attributions, strict=True)}


def test_non_say_cues_score_high_and_narration_low():
    got = _scores("Senator Maria Ortega blasted the proposal on Tuesday.")
    assert got["blasted"] >= cues.CUE_AT
    assert got["proposal"] < got["blasted"]
    narration = _scores("The bridge over the river was built in 1952 and repaired in 1990.")
    assert max(narration.values()) < cues.CUE_AT


def test_learned_cue_attributes_a_sentence_the_rules_call_narration():
    body = (
        "The port reopened on Monday.\n\n"
        "Harbour master Ellen Voss slammed the decision to close the port for a week.\n"
    )
    got = _attrs(body)
    assert got["Harbour master Ellen Voss slammed the decision to close the port for a week."] == (
        "Ellen Voss",
        "reported",
    )
    assert got["The port reopened on Monday."] == (None, "narration")


def test_speaker_of_a_learned_cue():
    doc = pipeline()("The plan was criticized by Mayor Tom Reyes. Voss's claim drew a reply.")
    by_text = {t.text: t for t in doc}
    assert cues.speaker_of(by_text["criticized"]).text == "Reyes"
    assert cues.speaker_of(by_text["claim"]).text == "Voss"


def test_shipped_weights_load_and_score_without_scikit_learn():
    code = (
        "import sys; sys.modules['sklearn'] = None\n"
        "from askisk.speakers.cues import cue_model, features\n"
        "m = cue_model()\n"
        "feats = ['l=criticize', 'p=VERB', 's=PERSON']\n"
        "print(len(m.weights), m.bias, sum(m.weights.get(f, 0.0) for f in feats))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    n, bias, z = out.split()
    assert int(n) > 1000
    assert float(z) > 0  # a PERSON criticizing leans towards a cue
    raw = json.loads((REPO / "src/askisk/speakers/data/cue_model.json").read_text(encoding="utf-8"))
    assert "PolNeAR" in raw["corpus"] and raw["examples"] > raw["positives"] > 0


def test_training_script_on_the_fixture(tmp_path):
    subprocess.run(
        [sys.executable, str(REPO / "scripts/train_attribution.py"), str(FIXTURE)]
        + ["--out-dir", str(tmp_path), "--min-count", "1"],
        capture_output=True,
        text=True,
        check=True,
    )
    assert {p.name for p in tmp_path.iterdir()} == {"cue_lexicon.json", "first_names.json", "cue_model.json"}
    model = cues.load_model((tmp_path / "cue_model.json").read_text(encoding="utf-8"))
    got = _scores("Senator Mary Lane criticized the new budget plan on Monday.", model)
    assert got["criticized"] > 0.5 > got["budget"]
    lexicon = json.loads((tmp_path / "cue_lexicon.json").read_text(encoding="utf-8"))["words"]
    assert "criticized" in lexicon and "budget" not in lexicon


def test_training_reads_the_parse_cache_it_wrote(tmp_path):
    cache = tmp_path / "train.docbin"
    out = []
    for k in range(2):
        (tmp_path / str(k)).mkdir()
        subprocess.run(
            [sys.executable, str(REPO / "scripts/train_attribution.py"), str(FIXTURE), "--parts", "cues"]
            + ["--out-dir", str(tmp_path / str(k)), "--parse-cache", str(cache)],
            capture_output=True,
            text=True,
            check=True,
        )
        assert cache.is_file()
        out.append(json.loads((tmp_path / str(k) / "cue_model.json").read_text(encoding="utf-8")))
    assert out[0]["weights"] == out[1]["weights"] and out[0]["examples"] == out[1]["examples"] > 0
