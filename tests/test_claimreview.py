"""ClaimReview JSON-LD: real verdicts from the seed index, checked against the schema.org vocabulary.

tests/fixtures/schemaorg_claimreview.json holds, for each type used, the properties schema.org release 30.0
defines for it (inherited ones included), taken from schemaorg/schemaorg's
data/releases/30.0/schemaorg-current-https-types.csv (see docs/sources.md): an independent reference.
"""

from __future__ import annotations

import json
from datetime import datetime

import pytest
from conftest import FIXTURES, run_cli

from askisk.errors import InputError
from askisk.report.claimreview import Reviewer, render_claimreview
from askisk.report.render import provenance, render_ask, render_check

VOCAB = json.loads((FIXTURES / "schemaorg_claimreview.json").read_text())["types"]
CLAIMS = {
    "supported": "Azizi believes the Central Asian countries are more stable than Syria and Iraq.",
    "refuted": "McKenzie said the Central Asian countries are more stable than Syria and Iraq.",
    "not_enough_info": "The weather in Lisbon is sunny in July.",
}


def _check_node(node: dict, path: str = "$") -> int:
    """Every typed node uses only properties its schema.org type has; returns how many nodes were checked."""
    kind = node.get("@type")
    assert kind in VOCAB, f"{path}: @type {kind!r} is not one the test knows"
    unknown = sorted(k for k in node if not k.startswith("@") and k not in VOCAB[kind])
    assert not unknown, f"{path} ({kind}): not schema.org properties: {unknown}"
    count = 1
    for key, value in node.items():
        for i, item in enumerate(value if isinstance(value, list) else [value]):
            if isinstance(item, dict):
                count += _check_node(item, f"{path}.{key}[{i}]")
    return count


@pytest.fixture(scope="module")
def verdicts(seed_service):
    return {label: seed_service.check(claim) for label, claim in CLAIMS.items()}


def test_verdicts_are_what_the_claims_need(verdicts):
    assert {label: v.verdict for label, v in verdicts.items()} == {k: k for k in CLAIMS}


def test_claimreview_uses_only_schema_org_properties(verdicts):
    doc = json.loads(render_claimreview(list(verdicts.values()), "2026-11-29T10:00:00+00:00"))
    assert doc["@context"] == "https://schema.org"
    assert [r["@type"] for r in doc["@graph"]] == ["ClaimReview"] * 3
    checked = sum(_check_node(review) for review in doc["@graph"])
    assert checked >= 3 * 4  # review, rating, claim, author at least


def test_claimreview_content(verdicts):
    reviewer = Reviewer("Example Fact Desk", "https://factdesk.example")
    graph = json.loads(render_claimreview(list(verdicts.values()), "2026-11-29T10:00:00+00:00", reviewer))[
        "@graph"
    ]
    supported, refuted, nei = graph
    for review, (label, claim) in zip(graph, CLAIMS.items(), strict=True):
        assert review["claimReviewed"] == claim
        assert review["datePublished"] == "2026-11-29"
        assert review["author"] == {
            "@type": "Organization",
            "name": "Example Fact Desk",
            "url": "https://factdesk.example",
        }
        rating = review["reviewRating"]
        assert (rating["worstRating"], rating["bestRating"]) == (1, 3) and "1 = refuted" in rating[
            "description"
        ]
        assert rating["ratingValue"] == {"refuted": 1, "not_enough_info": 2, "supported": 3}[label]
        assert rating["ratingExplanation"] == verdicts[label].reason
    assert supported["reviewRating"]["alternateName"] == "Supported"
    assert refuted["reviewRating"]["alternateName"] == "Refuted"
    # the claim names who said it: the Claim's author; the evidence is quoted exactly with its source
    assert refuted["itemReviewed"]["author"]["name"] == verdicts["refuted"].claim_speaker
    first = refuted["citation"][0]
    hit = verdicts["refuted"].evidence[0]
    assert first["text"] == hit.text and first["name"] == hit.source.title
    assert first.get("publisher", {}).get("name") == hit.source.outlet  # the seed has no outlet: left out
    assert first.get("datePublished") == hit.source.date and first.get("url") == hit.source.url
    # a supported claim appears in the sources that state it; a refuted one does not
    assert (
        supported["itemReviewed"]["appearance"][0]["name"] == verdicts["supported"].evidence[0].source.title
    )
    assert "appearance" not in refuted["itemReviewed"]
    assert "citation" not in nei  # nothing in the kb is about it


def test_outlet_date_url_and_first_appearance():
    from askisk.models import Hit, SourceRef, Verdict

    def hit(sid: str, date: str) -> Hit:
        ref = SourceRef(sid, f"Title {sid}", f"{sid}.md", "The Daily", date, f"https://news.example/{sid}")
        return Hit(1, 1.0, "Text.", None, "narration", None, ref, f"{sid}:0001:ab", 3, 1, "Text.", page=7)

    verdict = Verdict(
        "A claim.", "supported", 0.9, "why", (hit("late", "2024-05-01"), hit("early", "2023-01-02"))
    )
    review = json.loads(render_claimreview([verdict], "2026-01-01T00:00:00Z"))["@graph"][0]
    _check_node(review)
    claim = review["itemReviewed"]
    assert [a["url"] for a in claim["appearance"]] == [
        "https://news.example/late",
        "https://news.example/early",
    ]
    assert claim["firstAppearance"]["datePublished"] == "2023-01-02" and "author" not in claim
    cite = review["citation"][0]
    assert (
        cite["publisher"] == {"@type": "Organization", "name": "The Daily"} and cite["position"] == "p. 7, ¶3"
    )


def test_render_check_dispatches_and_ask_refuses(seed_service, verdicts):
    prov = provenance(seed_service.build_info(), now=datetime.fromisoformat("2026-11-29T10:00:00+00:00"))
    text = render_check([verdicts["supported"]], prov, "claimreview")
    assert json.loads(text)["@graph"][0]["datePublished"] == "2026-11-29"
    with pytest.raises(InputError, match="ClaimReview reviews checked claims"):
        render_ask([], prov, "claimreview")


def test_check_report_jsonld_from_the_cli(seed_built, tmp_path):
    kb, index = seed_built
    out = tmp_path / "reviews.jsonld"
    env = {"ASKISK_ORG_NAME": "Desk", "ASKISK_ORG_URL": "https://desk.example"}
    result = run_cli(
        "check", CLAIMS["refuted"], CLAIMS["supported"], "--kb", str(kb), "--index", str(index),
        "--report", str(out), env=env,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    doc = json.loads(out.read_text())
    assert [r["reviewRating"]["alternateName"] for r in doc["@graph"]] == ["Refuted", "Supported"]
    assert doc["@graph"][0]["author"]["name"] == "Desk"
    forced = tmp_path / "reviews.txt"
    again = run_cli(
        "check", CLAIMS["supported"], "--kb", str(kb), "--index", str(index), "--report", str(forced),
        "--format", "claimreview",
    )  # fmt: skip
    assert again.returncode == 0 and json.loads(forced.read_text())["@graph"][0]["@type"] == "ClaimReview"


def test_ask_with_claimreview_is_one_line(seed_built, tmp_path):
    kb, index = seed_built
    result = run_cli(
        "ask",
        "Who leads IS-K?",
        "--kb",
        str(kb),
        "--index",
        str(index),
        "--report",
        str(tmp_path / "a.jsonld"),
    )
    assert result.returncode == 1
    assert result.stderr.strip().splitlines() == [
        "askisk: error: ClaimReview reviews checked claims; use it with `askisk check --report FILE.jsonld`"
    ]
