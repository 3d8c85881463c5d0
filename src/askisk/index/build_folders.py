"""The build folders' lifecycle: one writer at a time (`build_lock`), a fresh folder name per build, the
finished folder fsynced, CURRENT switched atomically, and leftovers cleared. A crash or kill at any moment
leaves the live build whole (`index.build` writes; this module only names, locks, syncs and cleans)."""

from __future__ import annotations

import contextlib
import fcntl
import os
import shutil
from collections.abc import Iterator
from pathlib import Path

from askisk.errors import AskiskError
from askisk.fsutil import flock_within, fsync_dir, write_atomic
from askisk.index.layout import builds_dir, current_build_dir

LOCK_WAIT_SECONDS = 30.0


@contextlib.contextmanager
def build_lock(index_dir: Path, wait: float = LOCK_WAIT_SECONDS) -> Iterator[None]:
    index_dir.mkdir(parents=True, exist_ok=True)
    with open(index_dir / ".lock", "a+") as handle:
        if not flock_within(handle.fileno(), wait):
            raise AskiskError(f"another askisk is rebuilding {index_dir}; try again when it finishes")
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


def new_build_id(index_dir: Path) -> str:
    """A name that sorts by time and is new even for two builds in the same second (add, then refresh)."""
    from datetime import datetime

    stamp = datetime.now().strftime("%Y%m%dT%H%M%S.%f")
    build_id = f"{stamp}-{os.getpid()}"
    n = 1
    while (builds_dir(index_dir) / build_id).exists():
        n += 1
        build_id = f"{stamp}-{os.getpid()}-{n}"
    return build_id


def fsync_tree(folder: Path) -> None:
    for path in folder.rglob("*"):
        if path.is_file():
            with open(path, "rb") as handle:
                os.fsync(handle.fileno())
    fsync_dir(folder)


def point_current(index_dir: Path, build_id: str) -> None:
    write_atomic(index_dir / "CURRENT", build_id + "\n")


def clean_old_builds(index_dir: Path, keep: int = 2) -> None:
    """Remove half-written builds and all but the newest `keep` complete ones (the live one always stays)."""
    live = current_build_dir(index_dir)
    builds = builds_dir(index_dir)
    for path in builds.glob(".tmp-*"):
        shutil.rmtree(path, ignore_errors=True)
    complete = sorted((p for p in builds.iterdir() if not p.name.startswith(".")), key=lambda p: p.name)
    for path in complete[:-keep]:
        if live is None or path != live:
            shutil.rmtree(path, ignore_errors=True)
    for path in index_dir.glob(".CURRENT.*.part"):
        path.unlink(missing_ok=True)
