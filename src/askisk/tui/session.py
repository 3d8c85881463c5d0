"""The TUI's handle on the core service: opened lazily in a worker thread, its calls serialised.

Plain Python (no textual): the screens call it from workers only. The service module (and numpy, faiss,
torch behind it) is imported on first `load`, never at import time, so the app's first frame is fast.
Also owns the cheap stale check (file stats first, the kb hash only when they changed) and the export.
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
    from askisk.models import Answer, Hit, Verdict
    from askisk.service import Askisk
    from askisk.sources.kbwrite import AddReport


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
    stale: str | None = None  # why the index no longer matches the kb, or None


class BuildProgress:
    """The `progress` callable `build_index` takes: messages, and counts through `step`, as one line each."""

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
        self._kb_stats: tuple | None = None  # file stats at the last stale check that found the kb current

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
            self._service.ready()
            notify("loading the language model ...")
            self._service.encoder()
            return self._info()

    def _info(self) -> LoadInfo:
        index = self.service.ready()
        return LoadInfo(
            sources=len(index.docs),
            passages=len(index.rows),
            speakers=tuple(_merge_counts(self.service.speakers())),
            stale=self._stale(),
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
            names = self.service.resolve_speaker(filters.speaker)
            self.service.allowed_rows(filters)
        return ", ".join(sorted(names)) if names else None

    # -- the kb changing under the index ----------------------------------------------------------
    def stale(self) -> str | None:
        """Why the loaded index no longer matches the kb (None when it does). Cheap when nothing moved."""
        with self._lock:
            return self._stale()

    def _stale(self) -> str | None:
        from askisk.sources.kb import kb_hash, source_files

        kb = self.service.paths.kb
        try:
            stats = tuple((p.name, p.stat().st_size, p.stat().st_mtime_ns) for p in source_files(kb))
            if stats == self._kb_stats:
                return None
            current = kb_hash(kb)
        except (AskiskError, OSError) as exc:
            self._kb_stats = None
            return f"the knowledge base cannot be read ({describe_error(exc)})"
        # against the index loaded here, not the one on disk: another askisk may have rebuilt it meanwhile
        if current != self.service.ready().manifest.get("kb_hash"):
            self._kb_stats = None
            return "the knowledge base changed since the index was built"
        self._kb_stats = stats
        return None

    def refresh(self, notify: Callable[[str], None]) -> LoadInfo:
        """Rebuild the index from the kb as it is now (incremental) and reload it. Slow: call in a worker."""
        with self._lock:
            self.service.rebuild(progress=BuildProgress(notify))
            return self._info()

    def add(self, path: str, title: str | None, notify: Callable[[str], None]) -> tuple[AddReport, LoadInfo]:
        """Import one file (or folder) into the kb and update the index. Slow: call in a worker."""
        from askisk.sources.importing import Meta

        with self._lock:
            report = self.service.add_paths([path], Meta(title=title or None), BuildProgress(notify))
            return report, self._info()

    def export(
        self, items: Sequence[Answer | Verdict], fmt: str, folder: Path, filters: Filters, top_k: int
    ) -> Path:
        """Write the conversation to a new file in `folder` (atomically); returns its path."""
        from askisk.report.files import report_target, write_report
        from askisk.report.render import provenance, render_session

        with self._lock:
            text = render_session(items, provenance(self.service, filters, top_k), fmt)  # type: ignore[arg-type]
        stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
        name, n = f"askisk-conversation-{stamp}", 1
        while (folder / f"{name}.{fmt}").exists():
            n += 1
            name = f"askisk-conversation-{stamp}-{n}"
        return write_report(report_target(folder / f"{name}.{fmt}"), text)

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
