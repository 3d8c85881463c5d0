"""The service a server shares between requests, swapped whole when the index changes underneath it.

Each request takes `Live.service` once and uses that object to the end, so a refresh never serves a half
loaded index: the new service is loaded (index and query encoder) beside the old one, then one assignment
makes it current. A watcher thread looks every `poll` seconds: a new live build (an `askisk add` or
`askisk index` run from the CLI meanwhile) is loaded; a kb edited by hand is rebuilt first.
Never prints; the watcher reports through `notify`.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from pathlib import Path

from askisk.config import Paths
from askisk.service import Askisk

Notify = Callable[[str], None]


def _live_build(paths: Paths) -> Path | None:
    from askisk.index.layout import current_build_dir

    return current_build_dir(paths.index)


class Live:
    def __init__(self, paths: Paths, notify: Notify | None = None, poll: float = 2.0) -> None:
        self.paths = paths
        self.notify: Notify = notify or (lambda _msg: None)
        self.poll = poll
        self._service: Askisk | None = None
        self._build: Path | None = None
        self._swap = threading.Lock()
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None
        self.reloads = 0

    @property
    def service(self) -> Askisk:
        service = self._service
        if service is None:
            raise RuntimeError("the service is not loaded yet")
        return service

    @property
    def build_id(self) -> str | None:
        return self._build.name if self._build else None

    def load(self) -> None:
        """Load (refreshing the index first when the kb changed) and make the result current."""
        with self._swap:
            service = Askisk(self.paths, self.notify)
            index = service.ready(refresh=True)
            service.encoder()  # warm before it serves, so the first request does not pay for it
            self._service, self._build = service, index.build_dir
            self.reloads += 1

    def check(self) -> bool:
        """Reload when the live build moved or the kb changed; True when it did."""
        current = self._service
        if current is None:
            self.load()
            return True
        moved = _live_build(self.paths) != self._build
        if not moved and not current.status().stale:
            return False
        self.notify("the index changed; loading the new one beside the old")
        self.load()
        self.notify(f"now serving build {self.build_id}")
        return True

    def start(self) -> None:
        self._thread = threading.Thread(target=self._watch, name="askisk-index-watch", daemon=True)
        self._thread.start()

    def stop(self) -> None:
        self._stop.set()
        if self._thread is not None:
            self._thread.join(timeout=5)

    def _watch(self) -> None:
        wait = self.poll
        while not self._stop.wait(wait):
            try:
                self.check()
                wait = self.poll
            except Exception as exc:  # a broken kb must not stop the server; the old index keeps serving
                first = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
                self.notify(f"refresh failed, still serving build {self.build_id}: {first}")
                wait = self.poll * 15  # do not rebuild a broken kb every few seconds
