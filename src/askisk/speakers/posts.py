"""Embedded social-media posts: the post's text, then its signature line.

A page that embeds a post (a tweet) keeps, as text, the post's words in one paragraph and the signature in the
next: "— Rep. Ilhan Omar (@Ilhan) November 19, 2019", a dash, the author's name, their handle in brackets and
the date. The post is its author's own words, verbatim: *quote*, in quotation marks or not (as the answers of
a Q&A, `speakers.qa`), and so is its signature line, which closes the embedded post (a signature alone, its
post cut away, is still the author's). Some pages embed a post name first, in one paragraph: "Ida Holm
(@IdaHolmMP) The board got this one wrong." A post of fewer than QUOTE_WORDS words ("Club statement" above a
picture) is a label, not something said, and stays as it was. A cue inside the post ("It seems like …") is the
author's wording, not another speaker. The author is read from the signature (`registry.named`, emoji left out
of the name), never from a list of names. Pure: paragraphs and the decisions of `speakers.attribution` in,
decisions updated in place.
"""

from __future__ import annotations

import re

from askisk.models import Paragraph, Passage
from askisk.speakers.quotes import QUOTE_WORDS

_SIGNATURE = re.compile(
    r"[—–―-]{1,2}[ \t]*(?P<name>[^\s(@—–―-][^\n(@]{0,60}?)[ \t]*\(@\w{1,30}\)"
    r"(?P<date>[ \t]+[A-Z][a-z]+\.?[ \t]+\d{1,2},[ \t]+\d{4})?[ \t]*"
    r"(?:Report[ \t]*)?"  # the BBC's embed ends with its "Report" button's label
)


def signer(text: str) -> tuple[int, int] | None:
    """Offsets of the author's name when the paragraph is only a post's signature line, else None."""
    lead = len(text) - len(text.lstrip())
    m = _SIGNATURE.fullmatch(text.strip())
    return None if m is None else (lead + m.start("name"), lead + m.end("name"))


_POST_LINK = re.compile(r"(?:pic\.twitter\.com|https?://t\.co)/\w+[ \t]*")


def signed_inline(text: str) -> tuple[int, int] | None:
    """Offsets of the author's name when a page scraped flat keeps a post and its signature in one
    paragraph, the post's picture link between them ("… too woke for Republicans. pic.twitter.com/Lrr —
    Rep. Alexandria Ocasio-Cortez (@RepAOC) March 23, 2023") or nothing but a space ("This was NOT
    planned. — Sean Hannity (@seanhannity) November 6, 2018"); the signature must carry its date."""
    body = text.rstrip()
    links = [link.end() for link in _POST_LINK.finditer(body)]
    for start in [*links, *(m.end() for m in _POST_END.finditer(body))]:
        m = _SIGNATURE.fullmatch(body, start)
        if m is not None and (start in links or m.group("date")):
            return m.start("name"), m.end("name")
    return None


_POST_END = re.compile(r"\S[ \t]+(?=[—–―])")
_SIGNED_FIRST = re.compile(r"(?P<name>[A-Z][^\s(@][^\n(@]{0,60}?)[ \t]*\(@\w{1,30}\)[ \t]+\S")


def signed_first(text: str) -> tuple[int, int] | None:
    """Offsets of the author's name when a post is embedded name first: "Ida Holm (@IdaHolmMP) The board got
    this one wrong. …", the post's words after the handle, in the one paragraph."""
    lead = len(text) - len(text.lstrip())
    m = _SIGNED_FIRST.match(text, lead)
    if m is None or len(m.group("name").split()) > 6:
        return None
    return m.start("name"), m.end("name")


def apply(
    decisions: list, passages: list[Passage], paragraphs: list[Paragraph], by_para: dict, registry
) -> None:
    """Give each signed post's sentences, and its signature, to the author the signature names."""
    for before, para in zip([None, *paragraphs], paragraphs, strict=False):
        span = signer(para.text) or signed_inline(para.text) or signed_first(para.text)
        if span is None:
            continue
        # "— Ann Reyes - Text FERRY to 12345 (@AnnReyes)": a tagline after the name, set off by a hyphen
        signed = para.text[span[0] : span[1]].split(" - ")[0]
        name = " ".join(w for w in signed.split() if any(c.isalnum() for c in w))
        rec = registry.named(name) if name else None
        if rec is None:
            continue
        idxs = by_para.get(para.number, [])
        flat = signer(para.text) is None  # the post is this paragraph: no paragraph above is part of it
        body = by_para.get(before.number, []) if before is not None and not flat else []
        if body and sum(len(passages[i].text.split()) for i in body) >= QUOTE_WORDS:
            idxs = [*body, *idxs]
        mention = (para.start + span[0], para.start + span[1])
        for i in idxs:
            d = decisions[i]
            d.record, d.cue, d.status, d.mention = rec, f"— {rec.display()} (post)", "cued", mention
            d.kind = "quote"
