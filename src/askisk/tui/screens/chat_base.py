"""What the chat screen's parts share, typed in one place: `ChatScreen` is built from `FilterCommands`
(chat_filters) and `KnowledgeBaseActions` (chat_kb), both of which are this screen and read these."""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual.screen import Screen

if TYPE_CHECKING:
    from askisk.search.scope import Filters
    from askisk.tui.format import SpeakerColors
    from askisk.tui.session import Session


class ChatBase(Screen[None]):
    session: Session
    speaker_colors: SpeakerColors
    top_k: int
    state: str  # loading | ready | busy (add, refresh) | failed
    filters: Filters  # the speaker as typed; the service resolves aliases

    def rerun_last(self) -> None:
        """Ask the last question again (after a filter changed)."""
        raise NotImplementedError

    def action_retry(self) -> None:
        """Load the service again (after a failed load)."""
        raise NotImplementedError
