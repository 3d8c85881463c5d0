"""Checked claims as schema.org ClaimReview JSON-LD: the markup fact-checkers publish their verdicts in.

Pure: verdicts in, JSON-LD text out; never prints, never writes files. One ClaimReview per claim, all in
one `@graph`. Only properties that schema.org defines for ClaimReview, Claim, Rating, Organization,
Person and CreativeWork are used (a test checks them against the schema.org vocabulary).
Decisions:
- The rating scale is 1 = refuted, 2 = not enough information, 3 = supported (`worstRating` 1,
  `bestRating` 3), stated in the Rating's `description`; `alternateName` is the verdict in words.
- The review's author is the fact-checking organisation from ASKISK_ORG_NAME / ASKISK_ORG_URL (default
  "askisk"); `datePublished` is the day of the check.
- `itemReviewed` is a Claim; its `author` is the person the claim says spoke, when it names one; its
  `appearance` is the evidence that states it, only when the verdict is supported, and `firstAppearance`
  the earliest-dated of those.
- Every evidence passage is a `citation`: a CreativeWork with the source's title, URL, outlet (as
  `publisher`), date, and the passage quoted exactly in `text`.
"""

from __future__ import annotations

import json
import os
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from askisk.models import Hit, Verdict

CONTEXT = "https://schema.org"
ORG_NAME_ENV = "ASKISK_ORG_NAME"
ORG_URL_ENV = "ASKISK_ORG_URL"
SCALE = {"refuted": 1, "not_enough_info": 2, "supported": 3}
VERDICT_WORDS = {"refuted": "Refuted", "not_enough_info": "Not enough information", "supported": "Supported"}
SCALE_TEXT = "1 = refuted by the sources, 2 = not enough information in the sources, 3 = supported by them"


@dataclass(frozen=True)
class Reviewer:
    name: str = "askisk"
    url: str | None = None


def reviewer_from_env() -> Reviewer:
    name = os.environ.get(ORG_NAME_ENV, "").strip() or "askisk"
    return Reviewer(name, os.environ.get(ORG_URL_ENV, "").strip() or None)


def _drop_none(obj: dict[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in obj.items() if v not in (None, [], "")}


def _organization(name: str | None, url: str | None = None) -> dict[str, Any] | None:
    return _drop_none({"@type": "Organization", "name": name, "url": url}) if name else None


def _work(hit: Hit) -> dict[str, Any]:
    s = hit.source
    return _drop_none(
        {
            "@type": "CreativeWork",
            "name": s.title,
            "url": s.url,
            "publisher": _organization(s.outlet),
            "datePublished": s.date,
            "text": hit.text,
            "identifier": hit.passage_id,
            "position": hit.locator,
        }
    )


def _source_work(hit: Hit) -> dict[str, Any]:
    s = hit.source
    return _drop_none(
        {
            "@type": "CreativeWork",
            "name": s.title,
            "url": s.url,
            "publisher": _organization(s.outlet),
            "datePublished": s.date,
        }
    )


def _claim(v: Verdict) -> dict[str, Any]:
    appearances: list[dict[str, Any]] = []
    if v.verdict == "supported":
        seen: set[str] = set()
        for hit in v.evidence:
            if hit.source.id not in seen:
                seen.add(hit.source.id)
                appearances.append(_source_work(hit))
    dated = sorted((a for a in appearances if a.get("datePublished")), key=lambda a: a["datePublished"])
    author = {"@type": "Person", "name": v.claim_speaker} if v.claim_speaker else None
    return _drop_none(
        {
            "@type": "Claim",
            "text": v.claim,
            "author": author,
            "appearance": appearances,
            "firstAppearance": dated[0] if dated else None,
        }
    )


def claim_review(v: Verdict, reviewer: Reviewer, date: str) -> dict[str, Any]:
    rating = {
        "@type": "Rating",
        "ratingValue": SCALE[v.verdict],
        "worstRating": 1,
        "bestRating": 3,
        "alternateName": VERDICT_WORDS[v.verdict],
        "ratingExplanation": v.reason,
        "description": SCALE_TEXT,
    }
    return _drop_none(
        {
            "@type": "ClaimReview",
            "claimReviewed": v.claim,
            "datePublished": date,
            "author": _organization(reviewer.name, reviewer.url),
            "reviewRating": rating,
            "itemReviewed": _claim(v),
            "citation": [_work(h) for h in v.evidence],
        }
    )


def render_claimreview(verdicts: Sequence[Verdict], checked_at: str, reviewer: Reviewer | None = None) -> str:
    """JSON-LD text: {"@context": "https://schema.org", "@graph": [one ClaimReview per verdict]}."""
    who = reviewer or reviewer_from_env()
    date = checked_at[:10]
    graph = [claim_review(v, who, date) for v in verdicts]
    return json.dumps({"@context": CONTEXT, "@graph": graph}, ensure_ascii=False, indent=2) + "\n"
