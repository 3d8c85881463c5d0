"""Journaled kb changes: `add` and `remove` write the kb, then rebuild the index; if the rebuild fails or
the process is interrupted, the kb is rolled back (`sources.journal`) before the failure propagates.

The rebuild itself is the caller's (the service's `rebuild`), passed in: this module never touches an index.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from askisk import faults
from askisk.errors import InputError
from askisk.sources import journal
from askisk.sources.kbwrite import AddReport, RemoveReport, add_files, find_source, stash

if TYPE_CHECKING:
    from askisk.models import BuildReport
    from askisk.sources.importing import Limits, Meta
    from askisk.sources.journal import Journal

Rebuild = Callable[[], "BuildReport"]
Notify = Callable[[str], None]
Opened = Callable[["Journal"], None]  # told once the journal is open (and an earlier change recovered)


def add(
    kb: Path,
    paths: Sequence[str | os.PathLike[str]],
    rebuild: Rebuild,
    notify: Notify,
    opened: Opened,
    meta: Meta | None = None,
    *,
    limits: Limits | None = None,
    replace: bool = False,
) -> AddReport:
    """Import files/folders into the kb, then `rebuild`; nothing added means no rebuild."""
    with journal.change(kb, "add") as change:
        opened(change)
        change.record()
        faults.point("after-journal")
        outcomes = add_files(kb, list(paths), meta, limits=limits, replace=replace, journal=change)
        if not any(o.status == "added" for o in outcomes):
            change.clear()
            return AddReport(tuple(outcomes), None)
        build = _rebuild_or_undo(
            change, "before-index", rebuild, notify, "the file(s) just added were taken out of the kb again"
        )
    return AddReport(tuple(outcomes), build)


def remove(kb: Path, source_id: str, rebuild: Rebuild, notify: Notify, opened: Opened) -> RemoveReport:
    """Take one source out of the kb (the file is stashed, so it can come back), then `rebuild`."""
    with journal.change(kb, "remove") as change:
        opened(change)
        source = find_source(kb, source_id)
        path = Path(source.path)
        if len(list(kb.glob(f"*{path.suffix}"))) <= 1:
            raise InputError(f"{source_id!r} is the only source; an index needs one (add another first)")
        stash(path, change)
        build = _rebuild_or_undo(
            change, "after-stash", rebuild, notify, f"{source_id!r} was put back into the kb"
        )
    return RemoveReport(source.id, source.title, str(path), build)


def _rebuild_or_undo(
    change: Journal, fault: str, rebuild: Rebuild, notify: Notify, undone: str
) -> BuildReport:
    change.record("indexing")
    faults.point(fault)
    try:
        build = rebuild()
    except BaseException as exc:
        change.roll_back()
        why = "interrupted" if isinstance(exc, KeyboardInterrupt) else "the index could not be rebuilt"
        notify(f"{why}: {undone}")
        raise
    change.complete()
    return build
