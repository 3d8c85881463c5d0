"""Choose a citation style (plain text, Markdown quote, JSON); dismisses with the style, or None."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

CHOICES = (
    ("plain", "Plain text", "the words, then speaker, source, outlet, date, ¶"),
    ("markdown", "Markdown", "a block quote with the attribution under it"),
    ("json", "JSON", "every field, for tools"),
)


class CiteStyleScreen(ModalScreen[str | None]):
    BINDINGS = [Binding("escape,q", "dismiss_none", "Cancel")]

    def compose(self) -> ComposeResult:
        with Vertical(id="cite-box", classes="small-dialog"):
            yield Static(Content.styled("Copy the citation as", "bold"), classes="dialog-title")
            yield OptionList(
                *(
                    Option(Content.assemble((f"{label:<11}", "bold"), (hint, "dim")), id=style)
                    for style, label, hint in CHOICES
                ),
                id="cite-styles",
            )

    def on_mount(self) -> None:
        self.query_one(OptionList).focus()

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.dismiss(event.option.id)

    def action_dismiss_none(self) -> None:
        self.dismiss(None)
