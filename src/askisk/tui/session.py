"""The TUI's handle on the core service: opened lazily in a worker thread, its calls serialised.

Plain Python (no textual): the screens call it from workers only. The service module (and numpy, faiss,
torch behind it) is imported on first `load`, never at import time, so the app's first frame is fast.
It keeps only the lock and the lazy open; everything it answers comes from the service, the one door.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

from askisk.errors import AskiskError
from askisk.search.scope import Filters

if TYPE_CHECKING:
    from askisk.models import Answer, Hit, SpeakerCount, Verdict
    from askisk.service import Askisk
    from askisk.sources.kbwrite import AddReport


@dataclass(frozen=True)
class LoadInfo:
    sources: int
    passages: int
    speakers: tuple[SpeakerCount, ...]
    stale: str | None = None  # why the index no longer matches the kb, or None
    reader: bool = False  # the index is a build another askisk published: refreshing reloads it


class StatusLineProgress:
    """A build listener (`index.protocol.BuildListener`) for the status line: messages, and counts as
    "stage done/total (n%)" lines."""

    def __init__(self, say: Callable[[str], None]) -> None:
        self._say = say

    def __call__(self, message: str) -> None:
        self._say(message)

    def step(self, stage: str, done: int, total: int) -> None:
        if total > 0:
            self._say(f"{stage} {done}/{total} ({100 * done // total}%)")


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
            self._service.store()
            notify("loading the language model ...")
            self._service.encoder()
            return self._info()

    def _info(self) -> LoadInfo:
        summary = self.service.summary()
        service = self.service
        return LoadInfo(
            summary.sources, summary.passages, summary.speakers, service.kb_changed(), service.reader
        )

    def ask(self, query: str, top_k: int, filters: Filters | None = None) -> Answer:
        with self._lock:
            return self.service.ask(query, top_k=top_k, filters=filters)

    def check(self, claim: str, top_k: int, filters: Filters | None = None) -> Verdict:
        with self._lock:
            return self.service.check(claim, top_k=top_k, filters=filters)

    def check_filters(self, filters: Filters) -> str | None:
        """The speaker names the filters stand for; InputError (the service's one line) when they are
        malformed, name an unknown source or speaker, or match no passage at all."""
        with self._lock:
            scope = self.service.scope(filters)
        return ", ".join(sorted(scope.speakers)) if scope.speakers else None

    # -- the kb changing under the index ----------------------------------------------------------
    def stale(self) -> str | None:
        """Why the loaded index no longer matches the kb (None when it does). Cheap when nothing moved.
        A reader's: a newer build was published."""
        with self._lock:
            return self.service.kb_changed()

    def refresh(self, notify: Callable[[str], None]) -> LoadInfo:
        """Rebuild the index from the kb as it is now (incremental) and reload it; a reader only reloads
        the published build (it never builds from its own kb). Slow: call in a worker."""
        with self._lock:
            if self.service.reader:
                notify("loading the published index ...")
                self.service.reload()
            else:
                self.service.rebuild(progress=StatusLineProgress(notify))
            return self._info()

    def add(self, path: str, title: str | None, notify: Callable[[str], None]) -> tuple[AddReport, LoadInfo]:
        """Import one file (or folder) into the kb and update the index. Slow: call in a worker."""
        from askisk.sources.importing import Meta

        with self._lock:
            report = self.service.add_paths([path], Meta(title=title or None), StatusLineProgress(notify))
            return report, self._info()

    def export(
        self, items: Sequence[Answer | Verdict], fmt: str, folder: Path, filters: Filters, top_k: int
    ) -> Path:
        """Write the conversation to a new file in `folder` (atomically); returns its path."""
        from askisk.report.files import report_target, write_report
        from askisk.report.render import provenance, render_session

        with self._lock:
            text = render_session(items, provenance(self.service.build_info(), filters, top_k), fmt)  # type: ignore[arg-type]
        stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
        name, n = f"askisk-conversation-{stamp}", 1
        while (folder / f"{name}.{fmt}").exists():
            n += 1
            name = f"askisk-conversation-{stamp}-{n}"
        return write_report(report_target(folder / f"{name}.{fmt}"), text)

    def article(self, hit: Hit) -> list[tuple[int, str]]:
        """The numbered paragraphs of the hit's source, or just its own paragraph when unavailable."""
        try:
            with self._lock:
                paragraphs = self.service.article(hit.source.id)
        except AskiskError:
            paragraphs = []
        return paragraphs or [(hit.paragraph, hit.context)]
