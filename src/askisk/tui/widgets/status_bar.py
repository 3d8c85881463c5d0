"""The one-line title bar: the app's name, the loading state or readiness, claim mode, a stale kb (or,
for a reader of a published build, a newer build published)."""

from __future__ import annotations

from textual.content import Content
from textual.reactive import reactive
from textual.widgets import Static


class StatusBar(Static):
    state: reactive[str] = reactive("loading")  # loading | ready | busy (add, rebuild) | failed
    detail: reactive[str] = reactive("starting ...")
    claim_mode: reactive[bool] = reactive(False)
    stale: reactive[str | None] = reactive(None)  # why the index no longer matches the kb
    reader: reactive[bool] = reactive(False)  # the index is a published build: ctrl+r reloads it

    def render(self) -> Content:
        marks = {
            "loading": ("⧗ ", "$warning"),
            "busy": ("⧗ ", "$warning"),
            "ready": ("● ", "$success"),
            "failed": ("✖ ", "$error"),
        }
        mark, style = marks.get(self.state, ("", ""))
        parts: list[tuple[str, str] | str] = [("askisk ", "bold"), (mark, style), self.detail]
        if self.claim_mode:
            parts += ["  │  ", ("claim mode", "bold $text-accent"), " (ctrl+k)"]
        if self.stale and self.state == "ready":
            said, does = ("new build published", "reloads") if self.reader else ("kb changed", "refreshes")
            parts += ["  │  ", (said, "bold $text-warning"), f": ctrl+r {does}"]
        return Content.assemble(*parts)

    def watch_state(self, state: str) -> None:
        self.set_class(state in ("loading", "busy"), "-loading")
        self.set_class(state == "failed", "-failed")
