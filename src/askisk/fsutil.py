"""Crash-safe file writes shared by the kb, the index and the eval run files.

A write goes to a hidden temp file beside the target, is fsynced, renamed over the target, and the folder
is fsynced, so a reader sees the old file or the new one, never half of one.
"""

from __future__ import annotations

import hashlib
import os
from pathlib import Path


def fsync_dir(folder: Path) -> None:
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def write_atomic(target: Path, text: str) -> None:
    tmp = target.with_name(f".{target.name}.{os.getpid()}.part")
    try:
        with open(tmp, "w", encoding="utf-8", newline="\n") as handle:
            handle.write(text)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, target)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    fsync_dir(target.parent)


def file_sha256(path: Path) -> str:
    """The SHA-256 of a file, read in 4 MiB blocks (model weights and exports are large)."""
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        for block in iter(lambda: handle.read(1 << 22), b""):
            digest.update(block)
    return digest.hexdigest()


def flock_within(fd: int, wait: float) -> bool:
    """Take an exclusive flock on `fd`, polling every 0.2 s for up to `wait` seconds; False when it stays
    busy (the caller says who holds it). Another process's lock, not a thread's: flock is per open file."""
    import fcntl
    import time

    deadline = time.monotonic() + wait
    while True:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
            return True
        except BlockingIOError:
            if time.monotonic() >= deadline:
                return False
            time.sleep(0.2)
