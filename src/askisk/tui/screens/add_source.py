"""Ask for a file or URL to add to the kb (and an optional title); dismisses with (path, title)."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Input, Static


class AddSourceScreen(ModalScreen[tuple[str, str | None] | None]):
    BINDINGS = [Binding("escape", "dismiss_none", "Cancel")]

    def compose(self) -> ComposeResult:
        with Vertical(id="add-box", classes="small-dialog"):
            yield Static(Content.styled("Add a source to the knowledge base", "bold"), classes="dialog-title")
            yield Static(
                Content("A .md, .txt, .html or .pdf file (or a folder of them), or a web page's URL."),
                classes="dialog-hint",
            )
            yield Input(placeholder="path or URL, e.g. ~/reports/border.pdf", id="add-path")
            yield Input(placeholder="title (optional: taken from the file)", id="add-title")
            yield Static(
                Content("enter adds · escape cancels · the index rebuilds in the background"),
                classes="dialog-hint",
            )

    def on_mount(self) -> None:
        self.query_one("#add-path", Input).focus()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        path = self.query_one("#add-path", Input).value.strip()
        if not path:
            self.query_one("#add-path", Input).focus()
            self.notify("type the path of the file (or the URL) to add", severity="warning")
            return
        title = self.query_one("#add-title", Input).value.strip() or None
        self.dismiss((path, title))

    def action_dismiss_none(self) -> None:
        self.dismiss(None)
