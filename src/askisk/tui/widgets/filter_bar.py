"""The one-line filter bar under the status line: the active filters, hidden when there are none."""

from __future__ import annotations

from textual.content import Content
from textual.reactive import reactive
from textual.widgets import Static


class FilterBar(Static):
    text: reactive[str] = reactive("")  # the active filters in one line ("" hides the bar)

    def render(self) -> Content:
        return Content.assemble(("filters: ", "bold"), self.text, ("   /clear-filters clears them", "dim"))

    def watch_text(self, text: str) -> None:
        self.set_class(bool(text), "-shown")
