"""The TUI's handle on the core service: opened lazily in a worker thread, its calls serialised.

Plain Python (no textual): the screens call it from workers only. The service module (and numpy, faiss,
torch behind it) is imported on first `load`, never at import time, so the app's first frame is fast.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from askisk.errors import AskiskError

if TYPE_CHECKING:
    from askisk.models import Answer, Hit
    from askisk.service import Askisk


@dataclass(frozen=True)
class SpeakerCount:
    name: str
    passages: int
    quotes: int
    reported: int


@dataclass(frozen=True)
class LoadInfo:
    sources: int
    passages: int
    speakers: tuple[SpeakerCount, ...]


def describe_error(exc: BaseException) -> str:
    """A user-facing sentence: AskiskError messages carry the fix; anything else is named plainly."""
    if isinstance(exc, AskiskError):
        return str(exc)
    first = str(exc).splitlines()[0] if str(exc) else ""
    return (
        f"internal error: {type(exc).__name__}: {first} (set ASKISK_DEBUG=1 and run `askisk ask` for details)"
    )


class Session:
    def __init__(
        self, kb: str | None = None, index: str | None = None, service: Askisk | None = None
    ) -> None:
        self.kb = kb
        self.index = index
        self._service = service
        self._lock = threading.Lock()

    @property
    def service(self) -> Askisk:
        if self._service is None:
            raise AskiskError("the knowledge base is not loaded yet")
        return self._service

    def load(self, notify: Callable[[str], None]) -> LoadInfo:
        """Open the service, build or load the index, warm the query encoder. Slow: call in a worker."""
        with self._lock:
            if self._service is None:
                from askisk.service import Askisk

                self._service = Askisk.open(self.kb, self.index, notify)
            else:
                self._service.notify = notify
            notify("loading the index ...")
            index = self._service.ready()
            notify("loading the language model ...")
            self._service.encoder()
            return LoadInfo(
                sources=len(index.docs),
                passages=len(index.rows),
                speakers=tuple(_merge_counts(self._service.speakers())),
            )

    def ask(self, query: str, top_k: int, speaker: str | None) -> Answer:
        with self._lock:
            return self.service.ask(query, top_k=top_k, speaker=speaker)

    def resolve_speaker(self, name: str) -> str:
        """The canonical name(s) a typed speaker name stands for; raises InputError when none."""
        with self._lock:
            names = self.service.resolve_speaker(name) or set()
        return ", ".join(sorted(names))

    def article(self, hit: Hit) -> list[tuple[int, str]]:
        """The numbered paragraphs of the hit's source, or just its own paragraph when unavailable."""
        try:
            doc = self.service.ready().docs[hit.source.id]
            paragraphs = [(p.number, p.text) for p in doc.paragraphs]
        except (AskiskError, KeyError, AttributeError):
            paragraphs = []
        return paragraphs or [(hit.paragraph, hit.context)]


def _merge_counts(summaries: list) -> list[SpeakerCount]:
    """One row per speaker name across sources, most passages first."""
    merged: dict[str, list[int]] = {}
    for s in summaries:
        row = merged.setdefault(s.name, [0, 0, 0])
        row[0] += s.passages
        row[1] += s.quotes
        row[2] += s.reported
    rows = [SpeakerCount(name, *counts) for name, counts in merged.items()]
    return sorted(rows, key=lambda r: (-r.passages, r.name))
