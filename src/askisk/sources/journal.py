"""The kb's write-ahead journal: what an `add` or `remove` is about to change, so that a change cut short
(SIGKILL, power loss) is completed or rolled back by the next command, which says which.

`kb/.askisk-journal.json` is written atomically before the kb changes and removed once the index agrees
with the kb again. While a change runs, its process holds an flock on the kb folder itself (no lock file
is left behind), so the next command can tell a change in progress (left alone) from a dead one
(recovered); the kernel drops the lock when a process dies, even by SIGKILL. The record lists
the new kb files and the stashed (hidden) old ones, and a phase:

    writing   the kb is being changed      -> rolled back: new files removed, stashed files restored
    indexing  the kb is changed, the index is being rebuilt -> completed: stashed files deleted; the
              next index refresh (every command does one when the kb changed) takes the new files in

SIGINT/SIGTERM are not the journal's business: they raise in the process, which undoes its own change.
Never prints: `recover` returns the sentence to show. Never touches the index.
"""

from __future__ import annotations

import contextlib
import fcntl
import json
import os
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from askisk.errors import AskiskError
from askisk.fsutil import flock_within, fsync_dir, write_atomic

JOURNAL = ".askisk-journal.json"
LOCK_WAIT_SECONDS = 30.0


@dataclass
class Journal:
    """One change to the kb, recorded before each step (use through `change`)."""

    kb: Path
    op: str = "add"
    phase: str = "writing"
    files: list[str] = field(default_factory=list)  # new kb files (absolute paths)
    stashed: list[tuple[str, str]] = field(default_factory=list)  # (hidden path, original path)
    recovered: str | None = None  # what was done about a dead process's change found at the start

    def record(self, phase: str | None = None) -> None:
        if phase is not None:
            self.phase = phase
        data = {"op": self.op, "phase": self.phase, "files": self.files, "stashed": self.stashed}
        write_atomic(self.kb / JOURNAL, json.dumps(data, ensure_ascii=False) + "\n")

    def will_write(self, target: Path) -> None:
        self.files.append(str(target))
        self.record()

    def will_stash(self, hidden: Path, original: Path) -> None:
        self.stashed.append((str(hidden), str(original)))
        self.record()

    def roll_back(self) -> list[str]:
        """Undo the change: new files removed, stashed files put back. Returns the files removed."""
        removed = [f for f in self.files if _unlink(Path(f))]
        for f in self.files:  # temp files of a write cut short (fsutil.write_atomic's naming)
            for part in self.kb.glob(f".{Path(f).name}.*.part"):
                part.unlink(missing_ok=True)
        for hidden, original in self.stashed:
            if Path(hidden).exists():
                os.replace(hidden, original)
        fsync_dir(self.kb)
        self.clear()
        return removed

    def complete(self) -> None:
        """Keep the change: stashed (removed) files deleted for good, the record cleared."""
        for hidden, _ in self.stashed:
            Path(hidden).unlink(missing_ok=True)
        self.clear()

    def clear(self) -> None:
        (self.kb / JOURNAL).unlink(missing_ok=True)
        with contextlib.suppress(OSError):
            fsync_dir(self.kb)


def _unlink(path: Path) -> bool:
    try:
        path.unlink()
    except FileNotFoundError:
        return False
    return True


@contextlib.contextmanager
def _locked(kb: Path, wait: float) -> Iterator[bool]:
    """Hold the kb change lock (an flock on the folder); yields False, without holding it, when it stays
    busy for `wait` seconds."""
    fd = os.open(kb, os.O_RDONLY)
    try:
        if not flock_within(fd, wait):
            yield False
            return
        try:
            yield True
        finally:
            fcntl.flock(fd, fcntl.LOCK_UN)
    finally:
        os.close(fd)


@contextlib.contextmanager
def change(kb: Path, op: str) -> Iterator[Journal]:
    """Run one kb change under the lock with a fresh journal; the caller records, then completes or rolls
    back. An exception that escapes rolls the change back."""
    try:
        kb.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise AskiskError(f"cannot create the knowledge base folder {kb}: {exc.strerror or exc}") from None
    if not os.access(kb, os.W_OK | os.X_OK):
        raise AskiskError(f"the knowledge base folder {kb} is not writable")
    with _locked(kb, LOCK_WAIT_SECONDS) as held:
        if not held:
            raise AskiskError(f"another askisk is changing {kb}; try again when it finishes")
        journal = Journal(kb, op, recovered=recover_locked(kb))
        try:
            yield journal
        except BaseException:
            journal.roll_back()
            raise


def read(kb: Path) -> Journal | None:
    try:
        data = json.loads((kb / JOURNAL).read_text(encoding="utf-8"))
        return Journal(
            kb,
            str(data["op"]),
            str(data["phase"]),
            [str(f) for f in data["files"]],
            [(str(h), str(o)) for h, o in data["stashed"]],
        )
    except FileNotFoundError:
        return None
    except (ValueError, KeyError, TypeError):  # a torn or edited record: the safe reading is "writing"
        return Journal(kb, "add", "writing", [], [])


def recover(kb: Path) -> str | None:
    """Finish or undo a change a dead process left behind; the sentence saying which, or None."""
    if not (kb / JOURNAL).exists():
        return None
    with _locked(kb, 0.0) as held:
        return recover_locked(kb) if held else None  # busy: a live process is still changing the kb


def recover_locked(kb: Path) -> str | None:
    journal = read(kb)
    if journal is None:
        return None
    if journal.phase == "indexing":
        journal.complete()
        kept = len(journal.files)
        what = f"{kept} new kb file(s) kept" if journal.op == "add" else "the source stays removed"
        return f"an earlier `{journal.op}` was interrupted after the kb changed; completed it ({what})"
    removed = journal.roll_back()
    what = f"{len(removed)} half-added kb file(s) removed" if journal.op == "add" else "the source restored"
    return (
        f"an earlier `{journal.op}` was interrupted before the kb was fully changed; rolled it back ({what})"
    )
