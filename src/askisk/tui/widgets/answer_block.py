"""One exchange of the conversation: a question or a claim, then what the sources say.

Layout, top to bottom: the line typed, the verdict badge (claims only: verdict, confidence, reason), a
one-line extractive summary, notes (filters), and the passage cards (answers, or a claim's evidence).
"""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Vertical
from textual.content import Content
from textual.widget import AwaitMount
from textual.widgets import Static

from askisk.models import Answer, Hit, Verdict
from askisk.search.scope import Filters
from askisk.tui.format import NO_EVIDENCE, SpeakerColors, filters_line, shown, summary, verdict_badge
from askisk.tui.intent import Kind
from askisk.tui.widgets.answer_card import AnswerCard


class AnswerBlock(Vertical):
    def __init__(self, query: str, kind: Kind = "question", filters: Filters | None = None, **kwargs) -> None:
        super().__init__(classes=f"answer-block -{kind}", **kwargs)
        self.question = query
        self.kind: Kind = kind
        self.filters = filters or Filters()
        self.answer: Answer | None = None
        self.verdict: Verdict | None = None
        self._summary = Static(
            Content("waiting for the knowledge base to load ..."), classes="summary -pending"
        )
        self._verdict = Static(classes="verdict-slot")

    def compose(self) -> ComposeResult:
        mark = ("› ", "bold $accent") if self.kind == "question" else ("claim › ", "bold $accent")
        yield Static(Content.assemble(mark, (shown(self.question), "bold")), classes="question")
        yield self._verdict
        yield self._summary

    @property
    def speaker_filter(self) -> str | None:
        return self.filters.speaker

    @property
    def result(self) -> Answer | Verdict | None:
        """What the export takes from this exchange (None while pending or after an error)."""
        return self.verdict if self.kind == "claim" else self.answer

    @property
    def cards(self) -> list[AnswerCard]:
        return list(self.query_children(AnswerCard))

    def set_pending(self, text: str) -> None:
        self._summary.update(Content(text))
        self._summary.add_class("-pending")

    def show_badge(self, badge: Content, verdict: str) -> None:
        self._verdict.update(badge)
        self._verdict.add_class("-shown", f"-{verdict.replace('_', '-')}")

    def show_answer(self, answer: Answer, colors: SpeakerColors) -> AwaitMount:
        self.answer = answer
        if answer.results or not self.filters.active:
            self._summary.update(summary(answer.results, colors))
        else:
            shown = filters_line(self.filters, answer.speaker_filter)
            self._summary.update(Content(f"No passage matching {shown} answers this (/clear-filters)."))
        notes = []
        if answer.detected_speaker:
            notes.append(f"about {answer.detected_speaker}")
        return self._finish(answer.results, answer.query, colors, answer.speaker_filter, notes)

    def show_verdict(self, verdict: Verdict, colors: SpeakerColors) -> AwaitMount:
        self.verdict = verdict
        self.show_badge(verdict_badge(verdict), verdict.verdict)
        if verdict.evidence:
            head = verdict.evidence[0]
            # an abstention's passages are the closest found, not evidence either way
            label = "Closest: " if verdict.verdict == "not_enough_info" else "Evidence: "
            self._summary.update(Content.assemble((label, "bold"), summary([head], colors)))
        else:
            self._summary.update(Content(NO_EVIDENCE))
            self._summary.add_class("-wrap")
        return self._finish(verdict.evidence, verdict.claim, colors, None, [])

    def _finish(
        self, hits: tuple[Hit, ...], query: str, colors: SpeakerColors, speaker: str | None, notes: list[str]
    ) -> AwaitMount:
        self._summary.remove_class("-pending")
        if self.filters.active:
            notes.insert(0, "only " + filters_line(self.filters, speaker))
        if notes:
            self.mount(Static(Content(shown("; ".join(notes))), classes="notes"))
        return self.mount_all(AnswerCard(hit, query, colors(hit.speaker)) for hit in hits)

    def show_error(self, message: str) -> None:
        what = "Cannot check: " if self.kind == "claim" else "Cannot answer: "
        self._summary.update(Content.assemble((what, "bold"), shown(message)))
        self._summary.remove_class("-pending")
        self._summary.add_class("-error")
