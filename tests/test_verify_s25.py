"""`check` on claims nobody here tuned on (issue 16, session 25): seed claims written blind and claims on
real news pages showed these failures; each test reproduces one with the real parser, model and index."""

from __future__ import annotations

from dataclasses import replace

import pytest

from askisk.models import Source
from askisk.speakers.corpus import analyse as analyse_source
from askisk.verify.features import analyse

# A story of our own in the shape of a wire report: a dateline credit, a quoted speaker, a denial.
STORY = (
    "Ferguson, Missouri (CNN)Mayor James Knowles said Tuesday that the city would review its police "
    "department after the federal report.\n\n"
    "Knowles also said he doesn't think the department will be disbanded.\n\n"
    '"We are in uncharted territory with respect to the budget of the city," Knowles told CNN.\n\n'
    '"If you compare it to last year, it is a calm week," a council member told CNN.\n\n'
    "The council meets again next month to vote on the review."
)


@pytest.fixture(scope="module")
def story_service(tmp_path_factory):
    from askisk.config import Paths
    from askisk.encoder.embeddings import sentence_transformer_encoder
    from askisk.index.build import build_index
    from askisk.service import Askisk

    base = tmp_path_factory.mktemp("story")
    kb = base / "kb"
    kb.mkdir()
    (kb / "ferguson.md").write_text(
        "---\nid: ferguson\ntitle: Ferguson mayor on the police review\noutlet: CNN\n---\n" + STORY + "\n",
        encoding="utf-8",
    )
    build_index(Paths(kb, base / "index"), sentence_transformer_encoder)
    service = Askisk(Paths(kb, base / "index"))
    service.store(refresh=False)
    return service


def test_claimed_by_is_a_passive_not_a_reporter():
    assert analyse("Two explosions claimed by Daesh killed nearly 100 people at a memorial.").reporter is None
    assert analyse("The Taliban claimed that they had defeated the group.").reporter == "The Taliban"


def test_the_negation_of_a_thinking_verb_belongs_to_the_clause_it_governs():
    denied = analyse("Knowles said he doesn't think the department will be disbanded.")
    assert [w.negated for w in denied.words if w.lemma == "disband"] == [True]
    expected = analyse("Knowles said he thinks the department will be disbanded.")
    assert [w.negated for w in expected.words if w.lemma == "disband"] == [False]


def test_died_and_killed_count_the_same_people(seed_service):
    claim = "At least 169 Afghans died in the IS-K attack during the U.S. evacuation of Kabul in August 2021."
    assert seed_service.check(claim).verdict == "supported"
    wrong = seed_service.check(claim.replace("169", "260"))
    assert wrong.verdict == "refuted" and wrong.mismatch == "number"


def test_a_passive_claimed_by_is_not_read_as_who_said_it(seed_service):
    claim = (
        "Two explosions claimed by Daesh killed nearly 100 people at a memorial for Qassem Soleimani in "
        "Kerman on January 3."
    )
    verdict = seed_service.check(claim)
    assert verdict.verdict == "supported" and verdict.mismatch != "attribution"


def test_own_words_need_the_name_not_a_loose_match():
    """The speaker step trusts a passage only when it is the claim's speaker's by name: "WHO" is not the
    League of Conservation Voters (the old word match took the claim's own acronym for a match), and "some
    scientists" is not a named network of them."""
    from askisk.models import Hit, SourceRef
    from askisk.verify.verdict import align

    SOURCE = SourceRef("notes", "Notes", "notes.md")  # noqa: N806
    claim = analyse(
        "According to the World Health Organization (WHO), the U.S. is among the cleanest nations."
    )
    passage = "The U.S. is among the cleanest nations, according to the League of Conservation Voters."
    hit = Hit(1, 1.0, passage, "League of Conservation Voters", "reported", None, SOURCE, "p0", 1, 0, "")
    assert not align(claim, hit, analyse(passage)).own_words
    named = analyse("Knowles said the city is in uncharted territory.")
    quote = "Knowles said the city is in uncharted territory."
    own = Hit(1, 1.0, quote, "Mayor James Knowles", "reported", None, SOURCE, "p0", 1, 0, "")
    assert align(named, own, analyse(quote)).own_words


def test_a_claim_of_what_someone_said_is_set_against_their_own_words(story_service):
    from askisk.verify.aggregate import decide_raw, judge_passages, shipped_settings, top_passages
    from askisk.verify.stance import load_stance

    s = shipped_settings()
    claim = "Mayor James Knowles said he expects the city's police department to be disbanded."
    verdict = story_service.check(claim)
    assert verdict.verdict == "refuted" and verdict.mismatch == "polarity"
    assert "doesn't think the department will be disbanded" in verdict.evidence[0].text
    hits = story_service.ask(claim, top_k=10).results
    judged = judge_passages(claim, hits, load_stance().stances(claim, [h.read_text for h in hits]),
                            story_service.store().speakers)  # fmt: skip
    judged = top_passages(judged, s.model_passages, s)
    assert decide_raw(judged, replace(s, speaker_coverage=2.0)).label != "refuted"  # without the step
    said = story_service.check("Knowles said the city is in uncharted territory with respect to its budget.")
    assert said.verdict == "supported" and "uncharted territory" in said.evidence[0].text


def test_the_outlet_of_a_dateline_is_neither_a_long_form_nor_what_it_stands_for():
    doc = analyse_source(Source(id="ferguson", title="Ferguson", path="ferguson.md", body=STORY))
    assert not any("CNN" in group for group in doc.entities)
    resolved = [doc.resolved_text(i) for i in range(len(doc.passages))]
    assert not any("CNN" in r and "told CNN" not in r for r in resolved if r)
    quote = next(i for i, p in enumerate(doc.passages) if p.text.startswith('"If you compare it'))
    assert doc.resolved_text(quote) == ""  # "it" in a speaker's words: a thing, left unresolved
