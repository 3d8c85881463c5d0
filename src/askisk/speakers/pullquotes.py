"""Pull quotes: a paragraph that is only a quotation, repeating words someone is quoted saying elsewhere
in the article ("“Their immune system behaves in an exaggerated fashion”" set above the paragraph where
"…,” Dempsey told Gizmodo by email." says them). Web pages lift such lines out of the text as a display;
they are that speaker's quote, whoever the sentences around them name. A quotation-only line with no
closing punctuation that repeats nothing ("“My fears have been realized”" above a section) is a subhead the
page quotes, narration (`subheads`). Pure: decisions updated in place.
"""

from __future__ import annotations

import re

from askisk.models import Paragraph, Passage
from askisk.speakers.quotes import quote_mask
from askisk.text import normalize

MIN_WORDS = 6  # shorter repeats ("We're on it.") are slogans and catchphrases, not a lifted quotation
_WORD = re.compile(r"[^\W_]+(?:'[^\W_]+)?")


def _words(text: str) -> str:
    return " ".join(_WORD.findall(normalize(text).lower()))


def _only_quotation(text: str) -> bool:
    """Every letter of the paragraph lies inside a quotation (`quotes.quote_mask`)."""
    inside = quote_mask(text).inside
    letters = [i for i, c in enumerate(text) if c.isalnum()]
    return bool(letters) and all(inside[i] for i in letters)


_CLOSING = "\"'”’"
_SENTENCE_END = ".?!…,;:"


def _subhead(text: str) -> bool:
    line = text.strip()
    if not line or line[-1] not in _CLOSING or not _only_quotation(line):
        return False
    return line[:-1].rstrip()[-1:] not in _SENTENCE_END


def subheads(decisions: list, paragraphs: list[Paragraph], by_para: dict) -> None:
    """A paragraph of one quoted phrase that no punctuation closes is a subhead: no one speaks it there
    (a pull quote of someone's words is then given back to them by `apply`)."""
    for para in paragraphs:
        idxs = by_para.get(para.number, [])
        if len(idxs) == 1 and _subhead(para.text):
            d = decisions[idxs[0]]
            d.record, d.kind, d.cue, d.status, d.mention = None, "narration", None, "none", None


def apply(decisions: list, passages: list[Passage], paragraphs: list[Paragraph], by_para: dict) -> None:
    """Give each pull quote the speaker of the quotation elsewhere that holds its words."""
    said = [
        (i, _words(p.text))
        for i, p in enumerate(passages)
        if decisions[i].record is not None and decisions[i].kind == "quote"
    ]
    for para in paragraphs:
        idxs = by_para.get(para.number, [])
        if len(idxs) != 1 or not _only_quotation(para.text):
            continue
        i = idxs[0]
        words = _words(passages[i].text)
        if len(words.split()) < MIN_WORDS:
            continue
        donor = next((j for j, text in said if j != i and words in text and len(text) > len(words)), None)
        if donor is None:
            continue
        src, d = decisions[donor], decisions[i]
        d.record, d.kind, d.status, d.mention = src.record, "quote", "cued", src.mention
        d.cue = f"pull quote of {src.record.display()}'s words"
