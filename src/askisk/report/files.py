"""Write a report file safely: the format from the suffix (or forced), an existing file kept unless forced,
and the text written to a temporary file in the same folder and renamed, so nothing is ever half-written.

`report_target` checks everything that can be checked before the work starts (so a bad path fails before
the model loads); `write_report` repeats the checks that can change meanwhile. Errors are AskiskError
with one sentence. Never prints.

Only a regular file is ever replaced: a report path that is a symlink (to anything) or a device, FIFO or
socket is refused, with or without --force, so `--report /dev/null --force` cannot turn a device into a
file and a link is never swapped for a copy. Give the real path of a regular file instead.
"""

from __future__ import annotations

import contextlib
import os
import stat
import tempfile
from dataclasses import dataclass
from pathlib import Path

from askisk.errors import InputError
from askisk.report.render import FORMATS

SUFFIXES = {".md": "md", ".markdown": "md", ".json": "json", ".jsonld": "claimreview"}


class ReportError(InputError):
    """The report file cannot be written where or how it was asked for."""


@dataclass(frozen=True)
class ReportTarget:
    path: Path
    format: str  # "md" | "json" | "claimreview"
    force: bool = False


def report_format(path: Path, forced: str | None = None) -> str:
    if forced is not None:
        if forced not in FORMATS:
            raise ReportError(f"unknown report format {forced!r}; use --format md, json or claimreview")
        return forced
    fmt = SUFFIXES.get(path.suffix.lower())
    if fmt is None:
        shown = f"suffix {path.suffix!r}" if path.suffix else "no suffix"
        raise ReportError(
            f"unknown report format for {path} ({shown}); name it .md, .json or .jsonld, "
            "or pass --format md|json|claimreview"
        )
    return fmt


def _check_place(path: Path, force: bool) -> None:
    parent = path.parent
    try:
        mode = os.lstat(path).st_mode
    except (FileNotFoundError, NotADirectoryError):  # the checks below name what is wrong with the folder
        mode = None
    except OSError as exc:
        raise ReportError(f"cannot write report {path}: {exc.strerror or exc}") from None
    if mode is not None and stat.S_ISLNK(mode):
        raise ReportError(
            f"report path {path} is a symlink; give the real path of a file (a link is never replaced)"
        )
    if mode is not None and not stat.S_ISREG(mode) and not stat.S_ISDIR(mode):
        raise ReportError(f"report path {path} exists and is not a regular file (a device or pipe); refused")
    if path.is_dir():
        raise ReportError(f"report path {path} is a folder; give a file name such as {path / 'report.md'}")
    if path.exists() and not force:
        raise ReportError(f"report file {path} already exists; pass --force to overwrite it")
    if not parent.exists():
        blocker = next((p for p in parent.parents if p.exists()), None)
        if blocker is not None and not blocker.is_dir():
            raise ReportError(f"cannot write report {path}: {blocker} is a file, not a folder")
        raise ReportError(f"report folder {parent} does not exist; create it first")
    if not parent.is_dir():
        raise ReportError(f"cannot write report {path}: {parent} is a file, not a folder")
    if not os.access(parent, os.W_OK | os.X_OK):
        raise ReportError(f"report folder {parent} is not writable")


def report_target(
    path: str | os.PathLike[str], forced: str | None = None, force: bool = False
) -> ReportTarget:
    """Validate where and how a report will be written, before doing the work."""
    p = Path(path).expanduser().absolute()
    _check_place(p, force)
    fmt = report_format(p, forced)
    return ReportTarget(p, fmt, force)


def write_report(target: ReportTarget, text: str) -> Path:
    """Write `text` atomically to the target: a temp file in the same folder, fsync, then rename.

    Without force the rename refuses to replace a file that appeared meanwhile (a hard link is atomic
    no-clobber; where links are unsupported, an existence check just before the rename)."""
    _check_place(target.path, target.force)
    tmp_name = None
    try:
        with tempfile.NamedTemporaryFile(
            "w", encoding="utf-8", dir=target.path.parent, prefix=f".{target.path.name}.", suffix=".tmp",
            delete=False,
        ) as handle:  # fmt: skip
            tmp_name = handle.name
            handle.write(text)
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(tmp_name, 0o666 & ~_umask())  # a temp file is private (0600); a report is not
        if target.force:
            os.replace(tmp_name, target.path)
        else:
            _link_no_clobber(Path(tmp_name), target.path)
    except FileExistsError:
        raise ReportError(f"report file {target.path} already exists; pass --force to overwrite it") from None
    except OSError as exc:
        reason = exc.strerror or type(exc).__name__
        raise ReportError(f"cannot write report {target.path}: {reason}") from None
    finally:
        if tmp_name is not None:
            with contextlib.suppress(FileNotFoundError):
                os.unlink(tmp_name)
    return target.path


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def _link_no_clobber(tmp: Path, final: Path) -> None:
    try:
        os.link(tmp, final)  # fails with FileExistsError if `final` exists; the temp name is removed after
    except FileExistsError:
        raise
    except OSError:
        if final.exists():
            raise FileExistsError(final) from None
        os.replace(tmp, final)
