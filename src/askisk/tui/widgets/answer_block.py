"""One exchange of the conversation: the question, a one-line extractive summary, the passage cards.

Layout, top to bottom: question, verdict slot, summary, notes (filter), cards. The verdict slot is empty
and hidden for questions; when fact-checking lands (`service.check(claim)`), a claim's verdict badge goes
there through `show_badge`, and its evidence reuses `AnswerCard` below it.
"""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Vertical
from textual.content import Content
from textual.widget import AwaitMount
from textual.widgets import Static

from askisk.models import Answer
from askisk.tui.format import SpeakerColors, summary
from askisk.tui.widgets.answer_card import AnswerCard


class AnswerBlock(Vertical):
    def __init__(self, query: str, speaker_filter: str | None = None, **kwargs) -> None:
        super().__init__(classes="answer-block", **kwargs)
        self.question = query
        self.speaker_filter = speaker_filter
        self.answer: Answer | None = None
        self._summary = Static(
            Content("waiting for the knowledge base to load ..."), classes="summary -pending"
        )
        self._verdict = Static(classes="verdict-slot")

    def compose(self) -> ComposeResult:
        yield Static(Content.assemble(("› ", "bold $accent"), (self.question, "bold")), classes="question")
        yield self._verdict
        yield self._summary

    @property
    def cards(self) -> list[AnswerCard]:
        return list(self.query_children(AnswerCard))

    def set_pending(self, text: str) -> None:
        self._summary.update(Content(text))
        self._summary.add_class("-pending")

    def show_badge(self, badge: Content) -> None:
        """Fill the verdict slot (for claims, once `service.check` exists)."""
        self._verdict.update(badge)
        self._verdict.add_class("-shown")

    def show_answer(self, answer: Answer, colors: SpeakerColors) -> AwaitMount:
        self.answer = answer
        if answer.results or not answer.speaker_filter:
            self._summary.update(summary(answer.results, colors))
        else:
            none = f"No passage by {answer.speaker_filter} answers this (/speaker clears the filter)."
            self._summary.update(Content(none))
        self._summary.remove_class("-pending")
        notes = []
        if answer.speaker_filter:
            notes.append(f"only {answer.speaker_filter}")
        if answer.detected_speaker:
            notes.append(f"about {answer.detected_speaker}")
        if notes:
            self.mount(Static(Content("; ".join(notes)), classes="notes"))
        return self.mount_all(AnswerCard(hit, answer.query, colors(hit.speaker)) for hit in answer.results)

    def show_error(self, message: str) -> None:
        self._summary.update(Content.assemble(("Cannot answer: ", "bold"), message))
        self._summary.remove_class("-pending")
        self._summary.add_class("-error")
