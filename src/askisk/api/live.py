"""The service a server shares between requests, swapped whole when a new index build goes live.

Each request takes `Live.service` once and uses that object to the end, so a refresh never serves a half
loaded index: the new service is loaded (store and query encoder) beside the old one, then one assignment
makes it current. A watcher thread looks every `poll` seconds at the live build's manifest; when another
process (`askisk add`, `askisk index`) has switched to a new build, it is loaded. The server never builds
after start-up: the CLI is the one writer, so the two never race for the build lock. A kb edited by hand
is reported once (run `askisk index`). Never prints; the watcher reports through `notify`.
"""

from __future__ import annotations

import threading
from collections.abc import Callable

from askisk.config import Paths
from askisk.service import Askisk

Notify = Callable[[str], None]


class Live:
    def __init__(self, paths: Paths, notify: Notify | None = None, poll: float = 2.0) -> None:
        self.paths = paths
        self.notify: Notify = notify or (lambda _msg: None)
        self.poll = poll
        self._service: Askisk | None = None
        self._swap = threading.Lock()
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None
        self._told: str | None = None  # the kb change already reported
        self.reloads = 0

    @property
    def service(self) -> Askisk:
        service = self._service
        if service is None:
            raise RuntimeError("the service is not loaded yet")
        return service

    @property
    def build_id(self) -> str | None:
        service = self._service
        return service.store().manifest.get("build_id") if service is not None else None

    def load(self, refresh: bool = True) -> None:
        """Load the live build (building it first only when `refresh`) and make it current."""
        with self._swap:
            service = Askisk(self.paths, self.notify)
            service.store(refresh=refresh)
            service.encoder()  # warm before it serves, so the first request does not pay for it
            self._service = service
            self.reloads += 1

    def _live_build_id(self, service: Askisk) -> str | None:
        # the kb hash only decides staleness, which is not asked here: the manifest is what is read
        state = service.backend.state(self.paths, "")
        return state.manifest.get("build_id") if state.manifest else None

    def check(self) -> bool:
        """Load a new live build when there is one; True when it did."""
        current = self._service
        if current is None:
            self.load()
            return True
        if self._live_build_id(current) != self.build_id:
            self.notify("a new index build is live; loading it beside the old one")
            self.load(refresh=False)
            self.notify(f"now serving build {self.build_id}")
            return True
        reason = None if current.reader else current.kb_changed()  # a reader's kb is not its index's
        if reason and reason != self._told:
            self.notify(f"{reason}; run `askisk index` to refresh (still serving build {self.build_id})")
        self._told = reason
        return False

    def start(self) -> None:
        self._thread = threading.Thread(target=self._watch, name="askisk-index-watch", daemon=True)
        self._thread.start()

    def stop(self) -> None:
        self._stop.set()
        if self._thread is not None:
            self._thread.join(timeout=5)

    def _watch(self) -> None:
        while not self._stop.wait(self.poll):
            try:
                self.check()
            except Exception as exc:  # a broken build must not stop the server; the old one keeps serving
                first = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
                self.notify(f"loading the new index failed, still serving build {self.build_id}: {first}")
