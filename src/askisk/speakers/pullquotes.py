"""Pull quotes: a paragraph that is only a quotation, repeating words someone is quoted saying elsewhere
in the article ("“Their immune system behaves in an exaggerated fashion”" set above the paragraph where
"…,” Dempsey told Gizmodo by email." says them). Web pages lift such lines out of the text as a display;
they are that speaker's quote, whoever the sentences around them name. Pure: decisions updated in place.
"""

from __future__ import annotations

import re

from askisk.models import Paragraph, Passage

MIN_WORDS = 6  # shorter repeats ("We're on it.") are slogans and catchphrases, not a lifted quotation
_OPENS = "\"“‘'«„"
_CLOSES = "\"”’'»"
_WORD = re.compile(r"[^\W_]+(?:['’][^\W_]+)?")


def _words(text: str) -> str:
    return " ".join(w.lower().replace("’", "'") for w in _WORD.findall(text))


def _only_quotation(text: str) -> bool:
    body = text.strip().rstrip(".,;:!?")
    return len(body) > 2 and body[0] in _OPENS and body[-1] in _CLOSES


def apply(decisions: list, passages: list[Passage], paragraphs: list[Paragraph], by_para: dict) -> None:
    """Give each pull quote the speaker of the quotation elsewhere that holds its words."""
    said = [
        (i, _words(p.text))
        for i, p in enumerate(passages)
        if decisions[i].record is not None and decisions[i].kind == "quote"
    ]
    for para in paragraphs:
        idxs = by_para.get(para.number, [])
        if len(idxs) != 1 or not _only_quotation(passages[idxs[0]].text):
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
