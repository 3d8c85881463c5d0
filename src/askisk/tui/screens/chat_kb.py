"""The chat screen's work on the knowledge base: stale detection, refresh (ctrl+r), adding a source, and
exporting the conversation. A mixin of `ChatScreen`; every slow step runs in a thread worker and reports
back with messages, so the app stays responsive while the index rebuilds.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from textual import work

from askisk.text import printable
from askisk.tui.messages import ActionFailed, Exported, IndexRefreshed, KbState, ServiceProgress
from askisk.tui.screens.chat_base import ChatBase
from askisk.tui.session import describe_error
from askisk.tui.widgets.answer_block import AnswerBlock
from askisk.tui.widgets.speaker_sidebar import SpeakerSidebar
from askisk.tui.widgets.status_bar import StatusBar

if TYPE_CHECKING:
    from askisk.sources.kbwrite import AddReport
    from askisk.tui.session import LoadInfo

BUSY_TITLES = ("Add source", "Refresh")


class KnowledgeBaseActions(ChatBase):
    # -- ready, refreshed, stale -------------------------------------------------------------------
    def show_ready(self, info: LoadInfo) -> None:
        self.state = "ready"
        status = self.query_one(StatusBar)
        status.state = "ready"
        sources = "source" if info.sources == 1 else "sources"
        status.detail = f"ready · {info.sources} {sources}, {info.passages} passages"
        status.reader = info.reader
        status.stale = info.stale
        self.query_one(SpeakerSidebar).show_speakers(info.speakers, self.speaker_colors)

    def on_kb_state(self, message: KbState) -> None:
        status = self.query_one(StatusBar)
        if message.reason and not status.stale:
            do = "load it" if status.reader else "refresh the index"
            self.notify(f"{message.reason}; press ctrl+r to {do}", title="Knowledge base")
        status.stale = message.reason

    def action_refresh(self) -> None:
        """ctrl+r: retry loading after a failure, else rebuild the index from the kb as it is now (a
        reader: load the newest published build)."""
        if self.state == "failed":
            self.action_retry()
        elif self._can_rebuild("refresh"):
            self._busy("refreshing the index ...")
            self.run_refresh()

    def _can_rebuild(self, what: str) -> bool:
        if self.state == "ready":
            return True
        doing = "the index is being rebuilt" if self.state == "busy" else "the knowledge base is not open"
        self.notify(f"cannot {what} now: {doing}", severity="warning")
        return False

    def _busy(self, text: str) -> None:
        self.state = "busy"
        status = self.query_one(StatusBar)
        status.state, status.detail = "busy", text

    def _progress(self, text: str) -> None:
        self.post_message(ServiceProgress(text))

    @work(thread=True, exclusive=True, group="kb")
    def run_refresh(self) -> None:
        try:
            info = self.session.refresh(self._progress)
        except Exception as exc:
            self.post_message(ActionFailed("Refresh", describe_error(exc)))
        else:
            note = (
                "answering from the newest published build"
                if info.reader
                else "the index now matches the knowledge base"
            )
            self.post_message(IndexRefreshed(info, note))

    # -- adding a source ---------------------------------------------------------------------------
    def add_source(self, path: str, title: str | None = None) -> None:
        from askisk.sources.url import is_url

        path = path.strip()
        if not path:
            self.notify("give a .md, .txt, .html or .pdf file, or a URL, to add", severity="warning")
        elif self._can_rebuild("add a source"):
            # a URL goes to the service as typed: as a Path, "https://" would lose a slash
            target = path if is_url(path) else str(Path(path).expanduser())
            self._busy(f"adding {path if is_url(path) else Path(path).name} ...")
            self.run_add(target, title)

    @work(thread=True, exclusive=True, group="kb")
    def run_add(self, path: str, title: str | None) -> None:
        try:
            report, info = self.session.add(path, title, self._progress)
        except Exception as exc:
            self.post_message(ActionFailed("Add source", describe_error(exc)))
        else:
            note, severity = add_summary(report)
            self.post_message(IndexRefreshed(info, note, severity))

    def on_index_refreshed(self, message: IndexRefreshed) -> None:
        self.show_ready(message.info)
        self.notify(printable(message.note), title="Knowledge base", severity=message.severity)  # type: ignore[arg-type]

    def on_action_failed(self, message: ActionFailed) -> None:
        if self.state == "busy" and message.title in BUSY_TITLES:
            self.state = "ready"  # the previous index is still loaded and answers
            status = self.query_one(StatusBar)
            status.state = "ready"
            status.detail = f"{message.title.lower()} failed (the index is unchanged): {message.error}"
        self.notify(printable(message.error), title=message.title, severity="error")

    # -- export ------------------------------------------------------------------------------------
    def export(self, fmt: str = "md") -> None:
        items = [b.result for b in self.query(AnswerBlock) if b.result is not None]
        if not items:
            self.notify("nothing to export yet: ask a question or check a claim first", severity="warning")
            return
        self.run_export(items, fmt, Path.cwd())

    @work(thread=True, group="export")
    def run_export(self, items: list, fmt: str, folder: Path) -> None:
        try:
            path = self.session.export(items, fmt, folder, self.filters, self.top_k)
        except Exception as exc:
            self.post_message(ActionFailed("Export", describe_error(exc)))
        else:
            self.post_message(Exported(path))

    def on_exported(self, message: Exported) -> None:
        self.notify(f"{message.path.name}\nin {message.path.parent}", title="Conversation exported")


def add_summary(report: AddReport) -> tuple[str, str]:
    """One line per input for the notification, and its severity (error when nothing was added)."""
    from askisk.sources.url import is_url

    lines = []
    for o in report.outcomes:
        if o.status == "added":
            lines.append(f"added {o.title or o.id} ({o.id})" + (f"; {o.notice}" if o.notice else ""))
        else:
            lines.append(f"{o.path if is_url(o.path) else Path(o.path).name}: {o.message}")
    if report.build is not None:
        b = report.build
        lines.append(f"index: {b.passages} passages, {b.embedded} embedded now, {b.seconds:.1f}s")
    severity = "information" if report.added else ("warning" if not report.failed else "error")
    return "\n".join(lines) or "nothing to add", severity
