"""Embedded social-media posts: the post's text, then its signature line.

A page that embeds a post (a tweet) keeps, as text, the post's words in one paragraph and the signature in
the next: "— Rep. Ilhan Omar (@Ilhan) November 19, 2019", a dash, the author's name, their handle in
brackets and the date. The post is its author's own words, verbatim: *quote*, in quotation marks or not
(as the answers of a Q&A, `speakers.qa`); the signature line itself is context (narration). A post of
fewer than QUOTE_WORDS words ("Club statement" above a picture) is a label, not something said, and stays
as it was; so does a post that already has a cue of its own. The author is read from the signature
(`registry.named`), never from a list of names. Pure: paragraphs and the decisions of
`speakers.attribution` in, decisions updated in place.
"""

from __future__ import annotations

import re

from askisk.models import Paragraph, Passage
from askisk.speakers.rules import QUOTE_WORDS

_SIGNATURE = re.compile(
    r"[—–―-]{1,2}[ \t]*(?P<name>[^\s(@—–―-][^\n(@]{0,60}?)[ \t]*\(@\w{1,30}\)"
    r"(?:[ \t]+[A-Z][a-z]+\.?[ \t]+\d{1,2},[ \t]+\d{4})?[ \t]*"
)


def signer(text: str) -> tuple[int, int] | None:
    """Offsets of the author's name when the paragraph is only a post's signature line, else None."""
    lead = len(text) - len(text.lstrip())
    m = _SIGNATURE.fullmatch(text.strip())
    return None if m is None else (lead + m.start("name"), lead + m.end("name"))


def apply(
    decisions: list, passages: list[Passage], paragraphs: list[Paragraph], by_para: dict, registry
) -> None:
    """Give each signed post's sentences to the author its signature names."""
    for before, para in zip(paragraphs, paragraphs[1:], strict=False):
        span = signer(para.text)
        idxs = by_para.get(before.number, [])
        if span is None or not idxs:
            continue
        if sum(len(passages[i].text.split()) for i in idxs) < QUOTE_WORDS:
            continue
        if any(decisions[i].status == "cued" for i in idxs):
            continue
        rec = registry.named(para.text[span[0] : span[1]])
        if rec is None:
            continue
        mention = (para.start + span[0], para.start + span[1])
        for i in idxs:
            d = decisions[i]
            d.record, d.cue, d.status, d.mention = rec, f"— {rec.display()} (post)", "cued", mention
            d.kind = "quote"
