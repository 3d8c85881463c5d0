"""The one-line title bar: the app's name, the loading state or readiness, and the speaker filter."""

from __future__ import annotations

from textual.content import Content
from textual.reactive import reactive
from textual.widgets import Static


class StatusBar(Static):
    state: reactive[str] = reactive("loading")  # loading | ready | failed
    detail: reactive[str] = reactive("starting ...")
    speaker_filter: reactive[str | None] = reactive(None)

    def render(self) -> Content:
        marks = {"loading": ("⧗ ", "$warning"), "ready": ("● ", "$success"), "failed": ("✖ ", "$error")}
        mark, style = marks.get(self.state, ("", ""))
        parts: list[tuple[str, str] | str] = [("askisk ", "bold"), (mark, style), self.detail]
        if self.speaker_filter:
            parts += ["  │  speaker: ", (self.speaker_filter, "bold")]
        return Content.assemble(*parts)

    def watch_state(self, state: str) -> None:
        self.set_class(state == "loading", "-loading")
        self.set_class(state == "failed", "-failed")
