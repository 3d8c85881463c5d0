"""The question line: an Input that remembers what was asked (up/down) and hands focus to the cards."""

from __future__ import annotations

from textual.binding import Binding
from textual.message import Message
from textual.widgets import Input


class QuestionInput(Input):
    BINDINGS = [
        Binding("up", "history(-1)", "Previous question", show=False),
        Binding("down", "history(1)", "Next question", show=False),
        Binding("tab", "to_cards", "Cards", show=True),
        Binding("escape", "to_cards", "Cards", show=False),
    ]

    class ToCards(Message):
        """The user wants to move from typing to the answer cards."""

    question_placeholder = "Ask a question or state a claim (/check CLAIM, /speaker NAME, f1: help)"
    claim_placeholder = "Claim mode: state a claim to fact-check (ctrl+k: automatic)"

    def __init__(self, **kwargs) -> None:
        super().__init__(placeholder=self.question_placeholder, **kwargs)
        self.history: list[str] = []
        self._cursor = 0  # == len(history) when editing a fresh line
        self._draft = ""

    def remember(self, text: str) -> None:
        """Add a submitted line to the history (consecutive repeats are kept once)."""
        if text and (not self.history or self.history[-1] != text):
            self.history.append(text)
        self._cursor = len(self.history)
        self._draft = ""

    def action_history(self, step: int) -> None:
        if not self.history:
            return
        if self._cursor == len(self.history):
            self._draft = self.value
        target = max(0, min(len(self.history), self._cursor + step))
        if target == self._cursor:
            return
        self._cursor = target
        self.value = self._draft if target == len(self.history) else self.history[target]
        self.cursor_position = len(self.value)

    def action_to_cards(self) -> None:
        self.post_message(self.ToCards())
