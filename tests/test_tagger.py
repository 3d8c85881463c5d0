"""The learned attribution tagger (speakers/tagger.py) and where attribution uses it (speakers/tagged.py).

Real shipped ONNX model, real spaCy pipeline; every sentence is written for the test (none from a corpus).
"""

from __future__ import annotations

import re
import subprocess
import sys

import pytest

from askisk.models import Source
from askisk.nlp import pipeline
from askisk.speakers import cues, tagged
from askisk.speakers.corpus import analyse
from askisk.speakers.quotes import match_text, quote_mask
from askisk.speakers.tagger import LABELS, load_tagger

HEAVY = ("torch", "transformers", "sentence_transformers")


@pytest.fixture(scope="module")
def tagger():
    model = load_tagger()
    assert model is not None, "the tagger model is not shipped in src/askisk/speakers/tagger_model/"
    return model


def _attrs(body: str) -> dict[str, tuple[str | None, str]]:
    # the tagger, its gate and its recall draw PolNeAR's line; the news convention's act detector comes
    # after them (tests/test_convention.py)
    doc = analyse(Source(id="t", title="t", path="t.md", body=body), "polnear")
    return {p.text: (a.speaker, a.kind) for p, a in zip(doc.passages, doc.attributions, strict=True)}


def _spans(text: str, tags) -> dict[str, list[str]]:
    out: dict[str, list[str]] = {label: [] for label in LABELS[1:]}
    for span in tags.spans:
        out[span.label].append(text[span.start : span.end])
    return out


def test_tags_source_cue_and_content_of_a_news_sentence(tagger):
    text = "The senator warned on Tuesday that the new levy would drive farmers out of business."
    narration = "The river flooded the lower town twice last winter."
    tags, plain = tagger.tag([text, narration])
    spans = _spans(text, tags)
    assert spans["SOURCE"] == ["The senator"]
    assert any("warned" in c for c in spans["CUE"])
    assert any("the new levy would drive farmers out of business" in c for c in spans["CONTENT"])
    assert tags.coverage > 0.7 and tags.cue > 0.5
    assert plain.coverage < tagged.GATE_AT  # narration: nothing of it inside an attribution
    assert tagger.tag([]) == []


def test_a_batch_tags_each_sentence_as_alone(tagger):
    texts = [
        "Mayor Tom Baker said the bridge would reopen in March.",
        "Officials at the port declined to comment on the strike, which entered its third week on Monday.",
    ]
    batched = tagger.tag(texts)
    for text, tags in zip(texts, batched, strict=True):
        alone = tagger.tag([text])[0]
        assert [(s.label, s.start, s.end) for s in tags.spans] == [
            (s.label, s.start, s.end) for s in alone.spans
        ]
        assert abs(tags.coverage - alone.coverage) < 0.02


def test_gate_turns_a_learned_cue_in_narration_into_narration(monkeypatch):
    text = "GreenCo filed its accounts late last year."
    doc = pipeline()(match_text(text))
    inside = quote_mask(text).inside
    assert [t.text for t in doc if cues.passes(t, inside)] == ["filed"]  # the logistic detector fires
    assert _attrs(text + "\n")[text] == (None, "narration")  # the tagger reads narration: gated
    monkeypatch.setattr(tagged, "GATE_AT", 0.0)
    assert _attrs(text + "\n")[text] == ("GreenCo", "reported")  # the gate is what decided


def test_rule_cues_are_never_gated():
    text = "Mayor Tom Baker said the weather was fine."
    assert _attrs(text + "\n")[text] == ("Mayor Tom Baker", "reported")


@pytest.mark.parametrize(
    "text",
    [
        "The mayor welcomed several hundred guests to the gala.",  # a stance verb used as an action
        "The two leaders withdrew all of their troops from the region.",  # a learned word used as an action
    ],
)
def test_a_list_cue_that_says_nothing_is_gated(text, monkeypatch):
    assert _attrs(text + "\n")[text] == (None, "narration")  # the tagger reads narration: gated
    monkeypatch.setattr(tagged, "GATE_AT", 0.0)
    assert _attrs(text + "\n")[text][1] == "reported"  # the gate is what decided


def test_a_list_cue_the_tagger_reads_as_a_stance_stays():
    text = "The minister welcomed the decision."
    assert _attrs(text + "\n")[text] == ("Minister", "reported")


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        ("Mayor Tom Baker has no illusions about the cost of the new bridge.", "Mayor Tom Baker"),
        ("Governor Ana Ruiz portrayed the bill as a gift to polluters.", "Gov. Ana Ruiz"),
        ("The senator warned on Tuesday that the new levy would drive farmers out of business.", "Senator"),
    ],
)
def test_a_sentence_without_a_say_verb_gets_its_speaker(text, speaker):
    assert _attrs(text + "\n")[text] == (speaker, "reported")


def test_recall_needs_a_speaker_the_registry_can_name():
    got = _attrs("The debate just proved that the mayor is out of touch with the town.\n\nRip Mayor Baker\n")
    assert got["The debate just proved that the mayor is out of touch with the town."][0] != "Debate"
    assert got["Rip Mayor Baker"] == (None, "narration")  # a headline's name is no speaker


def test_recall_takes_a_common_noun_a_name_qualifies(monkeypatch):
    body = (
        "The Baker campaign has previously addressed the plight of single mothers in the city.\n\n"
        "A three-judge panel of the Ohio Court of Appeals overruled the decision of the lower court.\n\n"
        "The former secretary of state aggressively pushed the strategy during the primaries.\n"
    )
    texts = [t.strip() for t in body.split("\n\n")]
    got = _attrs(body)
    assert got[texts[0]] == ("Baker campaign", "reported")
    assert got[texts[1]] == ("Three-judge panel of the Ohio Court of Appeals", "reported")
    assert got[texts[2]] == (None, "narration")  # "state" is no name: a role noun named by nothing before
    monkeypatch.setattr(tagged, "_named_by", lambda head: False)
    assert _attrs(body)[texts[0]] == (None, "narration")  # the name is what lets the recall take it


def test_recall_takes_no_intention(monkeypatch):
    body = (
        "The Hale Research Council gives grants to students every year.\n\n"
        "The council aims to promote and support strategic research for social science postgraduates.\n"
    )
    text = body.split("\n\n")[1].strip()
    assert _attrs(body)[text] == (None, "narration")  # an aim is not a statement
    monkeypatch.setattr(tagged, "infinitive_only", lambda tok: False)
    assert _attrs(body)[text] == ("Hale Research Council", "reported")  # the tagger does read a cue


def test_recall_refuses_verbs_the_rules_decide_by_complement():
    text = "IS-K also claimed responsibility for the March 22 attack on a concert hall near Moscow."
    tags = load_tagger().tag([text])[0]
    assert any("claimed" in text[c.start : c.end] for c in tags.of("CUE"))  # the tagger reads a cue
    assert _attrs(text + "\n")[text] == (None, "narration")  # as the rules say (cues.learnable)


def test_a_possessor_speaks_only_through_its_own_cue_noun():
    nlp = pipeline()
    doc = nlp("Bellamy's latest outburst would appear to make his chances of a recall remote.")
    owner = doc[0]
    assert owner.dep_ == "poss"
    a = doc.text.index("would appear")
    assert tagged._owns_other(owner, a, a + len("would appear"))
    doc = nlp("Baker's criticism of the plan was sharp.")
    a = doc.text.index("criticism")
    assert doc[0].dep_ == "poss" and not tagged._owns_other(doc[0], a, a + len("criticism"))


def test_tagger_stays_off_torch():
    code = (
        "from askisk.speakers.tagger import load_tagger\n"
        "print(len(load_tagger().tag(['Mayor Tom Baker said the bridge would reopen in March.'])))\n"
    )
    result = subprocess.run(
        [sys.executable, "-X", "importtime", "-c", code], capture_output=True, text=True, timeout=120
    )
    assert result.returncode == 0, result.stderr[-2000:]
    assert result.stdout.strip() == "1"
    modules = set(re.findall(r"import time:\s+\d+ \|\s+\d+ \|\s*(\S+)", result.stderr))
    assert "onnxruntime" in modules and "tokenizers" in modules
    assert sorted(m for m in modules if m.split(".")[0] in HEAVY) == []
