"""Q&A interviews: "Q: …" questions, "A: …" answers.

A source is a Q&A interview when at least MIN_ANSWERS paragraphs open with an answer mark ("A:", "A.")
and at least one opens with a question mark ("Q:", "Q."). Every sentence of an answer, and of the
unmarked body paragraphs that go on after it up to the next question or heading, is the interviewee's,
kind *quote*: the mark sets off the person's own words as quotation marks would. A question is narration
(asking states nothing). The interviewee, read from the text and never from a list: the person named
most often before the first question (the introduction), else the first name there whose first word the
census lists as a first name ("Junior Gaspard", which the entity model missed), else the person named
most often anywhere; a source that names no person is left as it is.

Pure: paragraphs, the decisions of `speakers.attribution` and its registry in, the decisions updated in
place.
"""

from __future__ import annotations

import re

from askisk.models import Paragraph
from askisk.sources.passages import QUESTION_MARK
from askisk.speakers.rules import census_genders

MIN_ANSWERS = 2
ANSWER_CUE = "A:"
QUESTION_CUE = "interview question"
_ANSWER = re.compile(r"\s*A[.:]\s+\S")
_NAME = re.compile(r"\b([A-Z][a-z]+)(?: [A-Z][a-z'’-]+){1,2}\b")


def marks(paragraphs: list[Paragraph]) -> dict[int, str]:
    """Paragraph number -> "q" or "a" for the paragraphs that open with a question or answer mark."""
    out: dict[int, str] = {}
    for p in paragraphs:
        if _ANSWER.match(p.text):
            out[p.number] = "a"
        elif QUESTION_MARK.match(p.text.lstrip()):  # the interviewer's line, as passages reads it
            out[p.number] = "q"
    return out


def apply(decisions: list, paragraphs: list[Paragraph], by_para: dict, registry) -> None:
    """Give an interview's answers to its interviewee and take every attribution off its questions."""
    marked = marks(paragraphs)
    if sum(m == "a" for m in marked.values()) < MIN_ANSWERS or "q" not in marked.values():
        return
    interviewee = _interviewee(paragraphs, marked, registry)
    if interviewee is None:
        return
    answering = False
    for p in paragraphs:
        mark = marked.get(p.number)
        if mark is not None:
            answering = mark == "a"
        elif p.kind != "body":
            answering = False
        for i in by_para.get(p.number, []):
            d = decisions[i]
            if mark == "q":
                d.record, d.kind, d.cue, d.status = None, "narration", QUESTION_CUE, "context"
            elif answering:
                d.record, d.kind, d.cue, d.status = interviewee, "quote", ANSWER_CUE, "cued"
            else:
                continue
            d.mention = None


def _interviewee(paragraphs: list[Paragraph], marked: dict[int, str], registry):
    first = min(n for n, m in marked.items() if m == "q") * 1_000_000  # registry positions: paragraph * 1e6

    def most(records):
        return max(records, key=lambda r: (r.count, -min(r.seen, default=0)), default=None)

    people = [r for r in registry.records if r.kind == "person"]
    if (found := most([r for r in people if r.seen and min(r.seen) < first])) is not None:
        return found
    for p in (p for p in paragraphs if p.number * 1_000_000 < first):
        for m in _NAME.finditer(p.text):
            if m.group(1) in census_genders():
                return registry.named(m.group(0))
    return most(people)
