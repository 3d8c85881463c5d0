"""The two attribution conventions (speakers/convention.py, issue 15 session 18): under "news", the default
for every page a user adds, a reported act ("declined to comment", "testified before the committee") is
narration; under "polnear", the corpus's scheme, it keeps its speaker. Statements stay statements under
both. Real spaCy model, tagger, cue detector and the shipped act model; the CLI runs as a real process.
"""

from __future__ import annotations

import json

import pytest
from conftest import run_cli

from askisk.models import Source
from askisk.nlp import pipeline
from askisk.speakers import convention
from askisk.speakers.corpus import analyse
from askisk.speakers.quotes import quote_mask

ACTS = {
    "WeWork declined to comment on the report.": "WeWork",
    "Kurt Volker testified before the committee on Tuesday.": "Kurt Volker",
    "The actor shared a photo of his family on Sunday.": "Actor",
    "The video shows that the man had his hands in the air.": "Video",
    "Breathing tests showed that his lungs could not hold as much air as normal.": "Breathing tests",
    "The company agreed to pay a fine of $5 million.": "Company",
}
STATEMENTS = {
    "The senator said the new levy would drive farmers out of business.": "Senator",
    "Her colleague Dr. Tomas Recke disagrees.": "Dr. Tomas Recke",
    "External observers often see the group as being on the ascendance.": "External observers",
    "The union called for an independent inquiry.": "Union",
    "Mayor Tom Baker has no illusions about the cost of the new bridge.": "Mayor Tom Baker",
    "A new poll shows that the mayor leads by four points.": "New poll",
    "The police said the video shows that the man had his hands in the air.": "Police",
    "The minister agreed that the plan had failed.": "Minister",
    # "Harbour" read as a verb: the cue is the verb highest in the parse
    "Harbour master Ellen Voss said the repairs were overdue.": "Ellen Voss",
    "Harbour master Ellen Voss slammed the decision to close the port for a week.": "Ellen Voss",
}


def _attrs(body: str, rule: str) -> dict[str, tuple[str | None, str]]:
    doc = analyse(Source(id="t", title="t", path="t.md", body=body), rule)
    return {p.text: (a.speaker, a.kind) for p, a in zip(doc.passages, doc.attributions, strict=True)}


@pytest.mark.parametrize(("text", "speaker"), ACTS.items())
def test_a_reported_act_is_narration_for_news_and_an_attribution_for_polnear(text, speaker):
    body = f"The hearing went on all week.\n\n{text}\n"
    assert _attrs(body, "news")[text] == (None, "narration")
    assert _attrs(body, "polnear")[text] == (speaker, "reported")


@pytest.mark.parametrize(("text", "speaker"), STATEMENTS.items())
def test_a_statement_or_a_view_keeps_its_speaker_under_both(text, speaker):
    body = f"The hearing went on all week.\n\n{text}\n"
    assert _attrs(body, "news")[text] == (speaker, "reported")
    assert _attrs(body, "polnear")[text] == (speaker, "reported")


def test_only_a_verb_of_doing_with_nothing_said_is_judged():
    def feats(text: str, cue: str) -> list[str]:
        parsed = pipeline()(text)
        return convention.features(parsed, 0, len(text), quote_mask(text).inside, cue, "group")

    assert convention.judged(feats("WeWork declined to comment.", "WeWork declined"))
    assert not convention.judged(feats("WeWork said it would not comment.", "WeWork said"))
    assert not convention.judged(feats("WeWork declined, he said, to comment.", "he said"))
    assert not convention.judged(feats("Lopez: The levee will hold.", "Lopez:"))


def test_attribute_cli_takes_the_convention(tmp_path):
    path = tmp_path / "acts.txt"
    path.write_text(
        "The hearing went on all week.\n\nWeWork declined to comment on the report.\n", encoding="utf-8"
    )
    rows = {}
    for rule in ("news", "polnear"):
        proc = run_cli("attribute", str(path), "--json", "--convention", rule)
        assert proc.returncode == 0, proc.stderr
        rows[rule] = {r["text"]: r for r in map(json.loads, proc.stdout.splitlines())}
    text = "WeWork declined to comment on the report."
    assert rows["news"][text]["attribution"] == "narration"
    assert rows["polnear"][text]["speaker"] == "WeWork"
    plain = run_cli("attribute", str(path), "--json")
    assert plain.stdout == run_cli("attribute", str(path), "--json", "--convention", "news").stdout


def test_a_convention_outside_the_attribution_eval_is_one_line_error():
    proc = run_cli("eval", "--convention", "news")
    assert proc.returncode != 0
    assert len(proc.stderr.strip().splitlines()) == 1 and "Traceback" not in proc.stderr
    bad = run_cli("attribute", "-", "--convention", "parc", stdin="x\n")
    assert bad.returncode != 0 and "Traceback" not in bad.stderr
