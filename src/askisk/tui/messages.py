"""Messages the workers post to the chat screen: the service's progress, readiness, answers, verdicts,
filter checks, kb changes (stale, added, refreshed) and exports.

Workers run in threads; `post_message` is thread-safe, so they never touch widgets directly.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual.message import Message

if TYPE_CHECKING:
    from pathlib import Path

    from askisk.models import Answer, Verdict
    from askisk.search.scope import Filters
    from askisk.tui.session import LoadInfo


class ServiceProgress(Message):
    def __init__(self, text: str) -> None:
        super().__init__()
        self.text = text


class ServiceReady(Message):
    def __init__(self, info: LoadInfo) -> None:
        super().__init__()
        self.info = info


class ServiceFailed(Message):
    def __init__(self, error: str) -> None:
        super().__init__()
        self.error = error


class AnswerReady(Message):
    def __init__(self, block_id: str, answer: Answer) -> None:
        super().__init__()
        self.block_id = block_id
        self.answer = answer


class AnswerFailed(Message):
    def __init__(self, block_id: str, error: str) -> None:
        super().__init__()
        self.block_id = block_id
        self.error = error


class VerdictReady(Message):
    def __init__(self, block_id: str, verdict: Verdict) -> None:
        super().__init__()
        self.block_id = block_id
        self.verdict = verdict


class FiltersChecked(Message):
    """The filters are valid and match passages: apply them."""

    def __init__(self, filters: Filters, speaker_shown: str | None, said: str | None) -> None:
        super().__init__()
        self.filters = filters
        self.speaker_shown = speaker_shown
        self.said = said


class KbState(Message):
    """Whether the kb changed since the loaded index was built (reason) or not (None)."""

    def __init__(self, reason: str | None) -> None:
        super().__init__()
        self.reason = reason


class IndexRefreshed(Message):
    """A rebuild (refresh or add) finished: new counts and speakers, and what to tell the user."""

    def __init__(self, info: LoadInfo, note: str, severity: str = "information") -> None:
        super().__init__()
        self.info = info
        self.note = note
        self.severity = severity


class Exported(Message):
    def __init__(self, path: Path) -> None:
        super().__init__()
        self.path = path


class ActionFailed(Message):
    """A filter check, add, refresh or export failed; the screen shows `error` under `title`."""

    def __init__(self, title: str, error: str) -> None:
        super().__init__()
        self.title = title
        self.error = error
