"""Messages the workers post to the chat screen: the service's progress, readiness and answers.

Workers run in threads; `post_message` is thread-safe, so they never touch widgets directly.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual.message import Message

if TYPE_CHECKING:
    from askisk.models import Answer
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
