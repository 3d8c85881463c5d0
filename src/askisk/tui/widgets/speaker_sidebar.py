"""The kb's speakers with their passage counts; choosing one (click or enter) asks for a filter."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

from textual.app import ComposeResult
from textual.containers import Vertical
from textual.content import Content
from textual.message import Message
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from askisk.text import printable

if TYPE_CHECKING:
    from askisk.models import SpeakerCount

ALL = "\x00all"


class SpeakerSidebar(Vertical):
    class Chosen(Message):
        def __init__(self, speaker: str | None) -> None:
            super().__init__()
            self.speaker = speaker  # None: clear the filter

    def compose(self) -> ComposeResult:
        yield Static("Speakers", classes="sidebar-title")
        yield OptionList(Option("loading ...", disabled=True), id="speaker-list")

    def show_speakers(self, speakers: Sequence[SpeakerCount], style: Callable[[str | None], str]) -> None:
        options = self.query_one("#speaker-list", OptionList)
        options.clear_options()
        if not speakers:
            options.add_option(Option("no speakers found", disabled=True))
            return
        options.add_option(Option(Content("All speakers"), id=ALL))
        for sp in speakers:
            label = Content.assemble((f"{sp.passages:>3} ", "dim"), (printable(sp.name), style(sp.name)))
            options.add_option(Option(label, id=sp.name))

    def show_error(self) -> None:
        options = self.query_one("#speaker-list", OptionList)
        options.clear_options()
        options.add_option(Option("unavailable", disabled=True))

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        choice = event.option.id
        self.post_message(self.Chosen(None if choice in (None, ALL) else choice))
