"""The chat screen's filters: `/speaker`, `/source`, `/since`, `/until`, `/filters`, `/clear-filters`,
the speakers sidebar and the cards' `s`. A mixin of `ChatScreen` (it decides; the filter bar only shows).

A new filter is checked in a worker against the loaded index (unknown source or speaker, malformed date,
nothing matching): refused with the service's one-line message, else applied and shown in the filter bar.
"""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from textual import work
from textual.widgets import OptionList

from askisk.errors import AskiskError
from askisk.search.scope import Filters, validate
from askisk.tui.format import filters_line
from askisk.tui.intent import source_ids
from askisk.tui.messages import ActionFailed, FiltersChecked
from askisk.tui.screens.chat_base import ChatBase
from askisk.tui.session import describe_error
from askisk.tui.widgets.answer_card import AnswerCard
from askisk.tui.widgets.filter_bar import FilterBar
from askisk.tui.widgets.speaker_sidebar import SpeakerSidebar

if TYPE_CHECKING:
    pass


class FilterCommands(ChatBase):
    @property
    def speaker_filter(self) -> str | None:
        return self.filters.speaker

    def filter_command(self, name: str, arg: str) -> None:
        f = self.filters
        if name == "/speaker":
            self.change_filters(replace(f, speaker=arg or None), "speaker")
        elif name == "/source":
            ids = tuple(dict.fromkeys(f.sources + source_ids(arg))) if arg else ()
            self.change_filters(replace(f, sources=ids), "source")
        elif name == "/since":
            self.change_filters(replace(f, since=arg or None), "since")
        elif name == "/until":
            self.change_filters(replace(f, until=arg or None), "until")
        elif name == "/clear-filters":
            self.change_filters(Filters(), "all")
        else:  # /filters
            shown = self.query_one(FilterBar).text
            self.notify(shown or "none: every source, speaker and date", title="Filters")

    def set_filter(self, speaker: str | None) -> None:
        """Only this speaker from now on (None: any speaker)."""
        self.change_filters(replace(self.filters, speaker=speaker), "speaker")

    def change_filters(self, new: Filters, what: str) -> None:
        cleared = {
            "speaker": not new.speaker,
            "source": not new.sources,
            "since": not new.since,
            "until": not new.until,
            "all": True,
        }[what]
        said = f"{what} filter cleared" if cleared else None  # None: say what is filtered now
        if self.state in ("ready", "busy") and new.active:
            self.run_filter_check(new, said)
            return
        try:
            validate(new, list(new.sources))  # before loading: at least the dates
        except AskiskError as exc:
            self.notify(str(exc), title="Filter", severity="error")
            return
        self.post_message(FiltersChecked(new, new.speaker, said))

    @work(thread=True, exclusive=True, group="filter")
    def run_filter_check(self, new: Filters, said: str | None) -> None:
        try:
            shown = self.session.check_filters(new)
        except Exception as exc:
            self.post_message(ActionFailed("Filter", describe_error(exc)))
        else:
            self.post_message(FiltersChecked(new, shown, said))

    def on_filters_checked(self, message: FiltersChecked) -> None:
        old, new = self.filters, message.filters
        self.filters = new
        line = filters_line(new, message.speaker_shown)
        self.query_one(FilterBar).text = line
        self.notify(message.said or f"only {line} from now on", title="Filter")
        if message.said is None and new != old:
            self.rerun_last()  # show the effect at once on the last question or claim

    def action_filter_speaker(self) -> None:
        sidebar = self.query_one(SpeakerSidebar)
        sidebar.add_class("-open")
        sidebar.remove_class("-closed")
        self.query_one("#speaker-list", OptionList).focus()

    def action_toggle_sidebar(self) -> None:
        sidebar = self.query_one(SpeakerSidebar)
        if self.has_class("-narrow"):
            sidebar.toggle_class("-open")
        else:
            sidebar.toggle_class("-closed")

    def on_speaker_sidebar_chosen(self, message: SpeakerSidebar.Chosen) -> None:
        self.set_filter(message.speaker)

    def on_answer_card_filter_requested(self, message: AnswerCard.FilterRequested) -> None:
        if message.speaker is None:
            self.notify("this passage is narration: it has no speaker to filter by", severity="warning")
        else:
            self.set_filter(message.speaker)
