"""Transcripts: turns labelled "COOPER:  …" that run over several paragraphs.

A broadcast or debate transcript opens each turn with its speaker's name in capitals and a colon, and the
turn goes on, paragraph after paragraph, until the next label; stage directions ("(APPLAUSE)") sit between
paragraphs without ending it. A source is a transcript when at least MIN_TURNS paragraphs open with such a
label and at least two different labels occur (one "WASHINGTON:" dateline is not a transcript). In a
transcript every sentence of a turn is its speaker's, a one-line question included (not an interview
heading), and a cue inside the turn ("even some Democrats believe …") is the speaker's own reporting:
the turn's speaker keeps the sentence. The kind follows the quotation rule (`quotes.mostly_quoted`).

Pure: paragraphs and the decisions of `speakers.attribution` in, the decisions updated in place; the labels
are read from the text, never from a list of names.
"""

from __future__ import annotations

import re

from askisk.models import Paragraph, Passage
from askisk.speakers.formats import NOT_LABELS
from askisk.speakers.quotes import quote_mask, quoted_words, speech_kind

MIN_TURNS = 3
# "COOPER:", "O'MALLEY:", "ANDERSON COOPER, CNN ANCHOR:" (a name in capitals, maybe a role after a comma)
_LABEL = re.compile(
    r"(?P<label>[A-Z][A-Z'’.-]+(?:[ \t]+[A-Z][A-Z'’.-]*){0,3})(?:,[ \t]*[A-Z][A-Z'’. -]{0,40})?[ \t]*:\s+\S"
)
_STAGE = re.compile(r"[(\[][^()\[\]]*[)\]]")  # "(APPLAUSE)", "[CROSSTALK]"
_COPYRIGHT = re.compile(r"\s*(?:Copyright\b|©)")
_SIGN_OFF = re.compile(
    r"[A-Z][\w'’.-]+(?: [A-Z][\w'’.-]+){1,3}, (?:[A-Z][\w&]* ){0,2}News(?:, [A-Z][\w .]+)?\."
)


def label_of(text: str) -> str | None:
    """The capitalised speaker label opening a paragraph ("COOPER" of "COOPER:  Thank you."), else None."""
    m = _LABEL.match(text.lstrip())
    if m is None:
        return None
    label = m.group("label")
    if label.split()[0].lower().strip(".") in NOT_LABELS or sum(c.isalpha() for c in label) < 2:
        return None
    return label


def is_stage_direction(text: str) -> bool:
    return _STAGE.fullmatch(text.strip()) is not None


def is_sign_off(text: str) -> bool:
    """ "David Folkenflik, NPR News.", "Mara Liasson, NPR News, Washington.": a reporter signing off the
    piece, the writer's line, not the turn's words."""
    return _SIGN_OFF.fullmatch(text.strip()) is not None


def is_stage_sentence(text: str) -> bool:
    """A sentence that is only a stage direction: '"(CROSSTALK.)' (its quotation mark kept by a transcript
    quoted whole), "(APPLAUSE)", "[inaudible]": capitals or at most three words in brackets, what the room
    did, nobody's words. A sentence in parentheses ("(Mr. Trump has also called for …)") is not one."""
    bare = text.strip().strip("\"“”'")
    if _STAGE.fullmatch(bare) is None:
        return False
    return not any(c.islower() for c in bare) or len(bare.split()) <= 3


def turns(paragraphs: list[Paragraph]) -> dict[int, int]:
    """Paragraph number -> number of the labelled paragraph whose turn it belongs to (empty when the
    source is no transcript). Stage directions and paragraphs before the first label belong to no turn."""
    labels = {p.number: lab for p in paragraphs if (lab := label_of(p.text)) is not None}
    if len(labels) < MIN_TURNS or len(set(labels.values())) < 2:
        return {}
    out: dict[int, int] = {}
    current: int | None = None
    for p in paragraphs:
        if _COPYRIGHT.match(p.text):
            break  # "Copyright © 2013 NPR. All rights reserved.": the site's small print after the last turn
        if p.number in labels:
            current = p.number
        elif is_stage_direction(p.text):
            continue
        if current is not None:
            out[p.number] = current
    return out


def apply(
    decisions: list, passages: list[Passage], paragraphs: list[Paragraph], by_para: dict, registry
) -> None:
    """Give every passage of a transcript turn its speaker: the person its label names (`registry.named`,
    the record the label's own sentence was given when it has one)."""
    owner = turns(paragraphs)
    by_number = {p.number: p for p in paragraphs}
    speaker: dict[int, tuple] = {}  # labelled paragraph -> (record, cue, mention)
    for number in sorted(set(owner.values())):
        para = by_number[number]
        label = label_of(para.text) or ""
        idxs = by_para.get(number, [])
        head = decisions[idxs[0]] if idxs else None
        if head is not None and head.record is not None and (head.cue or "").endswith(":"):
            speaker[number] = (head.record, head.cue, head.mention)
        elif (rec := registry.named(label)) is not None:
            at = para.start + para.text.index(label)
            speaker[number] = (rec, f"{label.split()[-1]}:", (at, at + len(label)))
    for p in paragraphs:
        for i in by_para.get(p.number, []) if owner else []:
            if is_stage_direction(p.text) or _nobodys(passages[i].text):
                d = decisions[i]
                d.record, d.kind, d.cue, d.status, d.mention = None, "narration", None, "none", None
        if p.number not in owner or owner[p.number] not in speaker:
            continue
        record, cue, mention = speaker[owner[p.number]]
        inside = quote_mask(p.text).inside
        for i in by_para.get(p.number, []):
            if _nobodys(passages[i].text):
                continue
            s, e = passages[i].start - p.start, passages[i].end - p.start
            d = decisions[i]
            d.record, d.cue, d.status, d.mention = record, cue, "cued", mention
            d.kind = speech_kind(quoted_words(p.text, inside, s, e), p.text, inside, s, e)


def _nobodys(sentence: str) -> bool:
    return is_stage_sentence(sentence) or is_sign_off(sentence)
