"""Read outside files for the kb: a path becomes the front matter and body of a new kb source.

Reads only (the kb writes are `kbwrite`); never touches the index and never prints. Decisions:
- Supported: .txt, .md/.markdown (front matter kept as defaults), .html/.htm (main text via trafilatura).
- Text is read as UTF-8 (a BOM is dropped; UTF-16 with a BOM is accepted); otherwise as Windows-1252
  with a notice; bytes that are neither are refused, as are files with NUL bytes or known binary
  signatures. Line endings become "\\n"; the body is otherwise kept exactly as decoded.
- Files over `Limits.max_bytes` (default 5 MB; `--max-size`, $ASKISK_MAX_SOURCE_MB) are refused before
  they are read; a source of more than `Limits.max_passages` sentences is refused when it is written.
- PDF: the text layer by `askisk.sources.pdf` (page markers, no headers/footers; up to 50 MB).
- HTML: trafilatura's main text, one paragraph per extracted block, separated by blank lines; a first
  line equal to the page title is dropped (it is the title); fewer than MIN_HTML_WORDS words is
  "no article text". Title, outlet, date and url come from its metadata unless given. The date is taken
  only from the page's markup (meta tags, <time>, JSON-LD), never guessed from the body text, and
  `date_from` in the front matter says where a date came from. Block quotations (<blockquote>) become
  Markdown block quotes, "> " before each line (`askisk.sources.htmlquotes`).
- Front-matter values are one line of plain text: control characters (ESC, OSC ...) are removed.
- Folders are walked recursively, skipping hidden names; a symlink inside the folder that leads out of
  it is skipped with a notice (a path named on the command line may itself be a link).
"""

from __future__ import annotations

import errno
import hashlib
import os
import re
import unicodedata
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from askisk.errors import AskiskError, InputError

MAX_BYTES = 5 * 1024 * 1024
MAX_PASSAGES = 5000
MIN_HTML_WORDS = 8
TEXT_SUFFIXES = {".txt"}
MARKDOWN_SUFFIXES = {".md", ".markdown"}
HTML_SUFFIXES = {".html", ".htm"}
PDF_SUFFIXES = {".pdf"}
SUPPORTED = TEXT_SUFFIXES | MARKDOWN_SUFFIXES | HTML_SUFFIXES | PDF_SUFFIXES
_BINARY_MAGIC = {
    b"%PDF": "a PDF", b"PK\x03\x04": "a ZIP/Office file", b"\x89PNG": "a PNG image", b"GIF8": "a GIF image",
    b"\xff\xd8\xff": "a JPEG image", b"\x7fELF": "a program", b"\x1f\x8b": "gzip data",
}  # fmt: skip
_ID_OK = re.compile(r"[A-Za-z0-9][A-Za-z0-9._-]{0,79}")
_DATE_OK = re.compile(r"\d{4}(-\d{2}(-\d{2})?)?")
_HEADING = re.compile(r"^#{1,6}\s+(.+?)\s*#*\s*$", re.MULTILINE)
Status = Literal["added", "duplicate", "failed", "skipped", "replaced"]
MAX_BYTES_ENV = "ASKISK_MAX_SOURCE_MB"
MAX_PASSAGES_ENV = "ASKISK_MAX_PASSAGES"


class IngestError(AskiskError):
    """One file cannot be added; the message says why (the batch goes on)."""


@dataclass(frozen=True)
class Meta:
    """What the user said on the command line; None means "take it from the file"."""

    title: str | None = None
    outlet: str | None = None
    date: str | None = None
    url: str | None = None
    id: str | None = None
    topic: str | bool | None = None  # False: no topic (the front matter's `topic: false`)


@dataclass(frozen=True)
class Limits:
    """How big one source may be: file size before reading, sentences (passages) before writing."""

    max_bytes: int = MAX_BYTES
    max_passages: int = MAX_PASSAGES

    @classmethod
    def from_env(cls, max_mb: float | None = None, max_passages: int | None = None) -> Limits:
        """Explicit values first, then $ASKISK_MAX_SOURCE_MB / $ASKISK_MAX_PASSAGES, then the defaults."""
        try:
            mb = max_mb if max_mb is not None else float(os.environ.get(MAX_BYTES_ENV) or MAX_BYTES / 2**20)
            count = max_passages if max_passages is not None else int(os.environ.get(MAX_PASSAGES_ENV) or 0)
        except ValueError:
            raise InputError(f"${MAX_BYTES_ENV} and ${MAX_PASSAGES_ENV} must be numbers") from None
        if mb <= 0 or (max_passages is not None and max_passages < 1):
            raise InputError("the size and passage limits must be positive")
        return cls(int(mb * 2**20), count or MAX_PASSAGES)


@dataclass(frozen=True)
class Draft:
    origin: Path
    id_hint: str
    meta: dict  # front matter, in kb key order
    body: str
    notice: str | None = None


@dataclass(frozen=True)
class Outcome:
    path: str  # the input file as given
    status: Status
    message: str  # why it failed, which source it duplicates, or the kb file written
    id: str | None = None
    title: str | None = None
    notice: str | None = None


def validate_meta(meta: Meta) -> None:
    if meta.id is not None and not _ID_OK.fullmatch(meta.id):
        raise InputError(f"--id {meta.id!r} must be letters, digits, '.', '_' or '-' (at most 80)")
    if meta.date is not None and not _DATE_OK.fullmatch(meta.date):
        raise InputError(f"--date {meta.date!r} must look like YYYY-MM-DD (or YYYY-MM, YYYY)")


# -- which files ---------------------------------------------------------------------------------
def collect(inputs: list[str | os.PathLike[str]]) -> tuple[list[Path], list[Outcome]]:
    """Expand folders (recursively, following symlinks once, skipping hidden names) into supported files."""
    files: list[Path] = []
    problems: list[Outcome] = []
    for raw in inputs:
        path = Path(raw)
        try:
            st = path.stat()
        except OSError as exc:
            problems.append(Outcome(str(raw), "failed", _stat_problem(exc)))
            continue
        if path.is_dir():
            root = Path(os.path.realpath(path))
            _walk(path, root, frozenset({(st.st_dev, st.st_ino)}), set(), files, problems)
        elif path.suffix.lower() in SUPPORTED:
            files.append(path)
        else:
            problems.append(
                Outcome(
                    str(raw),
                    "failed",
                    f"unsupported file type {path.suffix or '(none)'!r}; "
                    f"supported: {', '.join(sorted(SUPPORTED))}",
                )
            )
    return files, problems


def _stat_problem(exc: OSError) -> str:
    if exc.errno == errno.ELOOP:
        return "symlink loop (the link points back to itself); skipped"
    if exc.errno == errno.ENOENT:
        return "no such file or folder"
    return f"cannot open: {exc.strerror or exc}"


def _walk(
    folder: Path, root: Path, ancestors: frozenset, seen: set, files: list[Path], problems: list[Outcome]
) -> None:
    try:
        entries = sorted(os.scandir(folder), key=lambda e: e.name)
    except OSError as exc:
        problems.append(Outcome(str(folder), "failed", _stat_problem(exc)))
        return
    for entry in entries:
        if entry.name.startswith("."):
            continue
        path = Path(entry.path)
        if entry.is_symlink():
            real = Path(os.path.realpath(path))
            if not real.is_relative_to(root):
                problems.append(
                    Outcome(
                        str(path),
                        "skipped",
                        f"symlink to {real}, outside {root}; skipped (name it on the command line to add it)",
                    )
                )
                continue
        try:
            st = os.stat(path)
        except OSError as exc:
            problems.append(Outcome(str(path), "failed", _stat_problem(exc)))
            continue
        key = (st.st_dev, st.st_ino)
        if entry.is_dir():
            if key in ancestors:
                problems.append(
                    Outcome(str(path), "failed", "symlink loop (points back to a parent folder); skipped")
                )
            elif key not in seen:
                seen.add(key)
                _walk(path, root, ancestors | {key}, seen, files, problems)
        elif path.suffix.lower() in SUPPORTED and key not in seen:
            seen.add(key)
            files.append(path)


# -- one file -> draft -----------------------------------------------------------------------------
def decode(data: bytes) -> tuple[str, str | None]:
    """Bytes -> (text, notice). Refuses binary data and text that is neither UTF-8 nor Windows-1252."""
    for magic, what in _BINARY_MAGIC.items():
        if data.startswith(magic):
            raise IngestError(f"binary file ({what}), not text; extract the text first")
    notice: str | None
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            text, notice = data.decode("utf-16"), "UTF-16 text, converted to UTF-8"
        except UnicodeDecodeError as exc:
            raise IngestError("damaged UTF-16 text") from exc
    else:
        text, notice = _decode_8bit(data)
    controls = sum(1 for ch in text if unicodedata.category(ch) == "Cc" and ch not in "\t\n\r\f")
    if controls > max(2, len(text) // 100):
        raise IngestError("binary file (control characters), not text")
    return text.replace("\r\n", "\n").replace("\r", "\n"), notice


def _decode_8bit(data: bytes) -> tuple[str, str | None]:
    if b"\0" in data[:8192]:
        raise IngestError("binary file (contains NUL bytes), not text")
    try:
        return data.decode("utf-8-sig"), None
    except UnicodeDecodeError as exc:
        try:
            text = data.decode("cp1252")
        except UnicodeDecodeError:
            raise IngestError(
                f"not UTF-8 text (bad byte at offset {exc.start}); convert it to UTF-8"
            ) from None
        return (
            text,
            f"not UTF-8 (bad byte at offset {exc.start}); read as Windows-1252, check accented letters",
        )


def draft(path: Path, meta: Meta, limits: Limits | None = None) -> Draft:
    """Read one input file into the front matter and body it will have in the kb (no kb access)."""
    limits = limits or Limits()
    if path.suffix.lower() in PDF_SUFFIXES:
        from askisk.sources.pdf import read_pdf

        pdf = read_pdf(path)
        return finish(path, meta, {"title": pdf.title}, pdf.body, pdf.notice)
    size = path.stat().st_size
    if size > limits.max_bytes:
        raise IngestError(
            f"file is {_size(size)}; the limit is {_size(limits.max_bytes)} "
            f"(raise it with --max-size MB or ${MAX_BYTES_ENV})"
        )
    if size == 0:
        raise IngestError("empty file")
    text, notice = decode(path.read_bytes())
    if not text.strip():
        raise IngestError("empty file (only whitespace)")
    suffix = path.suffix.lower()
    found: dict = {}
    if suffix in HTML_SUFFIXES:
        found, body = from_html(text)
    elif suffix in MARKDOWN_SUFFIXES:
        found, body = _from_markdown(text)
    else:
        body = text
    if not body.strip():
        raise IngestError("no text after the front matter")
    return finish(path, meta, found, body, notice)


def finish(
    path: Path, meta: Meta, found: dict, body: str, notice: str | None, extra: dict | None = None
) -> Draft:
    """Front matter from what the file says (`found`) overridden by what the user said (`meta`)."""
    given = {k: v for k, v in vars(meta).items() if v is not None}
    found = {k: v for k, v in found.items() if v not in (None, "")}
    merged = {**found, **given}
    date_from = "command line" if meta.date else found.pop("date_from", None) or "front matter"
    title = _one_line(merged.get("title") or path.stem) or _one_line(path.stem) or "untitled"
    fm: dict[str, object] = {
        "id": None,  # decided when written (must be unique in the kb)
        "title": title,
        "outlet": _opt_line(merged.get("outlet")),
        "date": _opt_line(merged.get("date")),
        "language": _opt_line(merged.get("language")) or "en",
        "url": _opt_line(merged.get("url")),
    }
    if fm["date"]:
        fm["date_from"] = date_from
    fm.update(extra or {})
    if "topic" in merged:
        fm["topic"] = _opt_line(merged["topic"]) if merged["topic"] is not False else False
    if merged.get("attribution_overrides"):
        fm["attribution_overrides"] = merged["attribution_overrides"]
    hint = str(merged.get("id") or slugify(path.stem))
    if not _ID_OK.fullmatch(hint):
        hint = slugify(hint)
    return Draft(path, hint, fm, body if body.endswith("\n") else body + "\n", notice)


def _from_markdown(text: str) -> tuple[dict, str]:
    from askisk.sources.kb import split_front_matter

    try:
        found, body = split_front_matter(text)
    except Exception as exc:  # yaml raises many types; all mean "fix the front matter"
        first = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
        raise IngestError(f"bad front matter: {first}") from exc
    if not found.get("title") and (heading := _HEADING.search(body)):
        found = {**found, "title": heading.group(1)}
    return found, body


def from_html(text: str) -> tuple[dict, str]:
    import trafilatura

    from askisk.sources.htmlquotes import mark_quotes

    # the date from the page's markup only: htmldate's extensive search guesses years from the body text
    date_params = {"original_date": True, "extensive_search": False, "max_date": _today()}
    doc = trafilatura.bare_extraction(
        text,
        with_metadata=True,
        include_comments=False,
        include_tables=False,
        date_extraction_params=date_params,
    )
    body = (doc.text or "").strip() if doc is not None else ""
    if len(body.split()) < MIN_HTML_WORDS:  # menus and "Loading…" shells are not articles
        raise IngestError("no article text found in the HTML page")
    found = {"title": doc.title, "outlet": doc.sitename, "date": doc.date, "url": doc.url}
    if doc.date:
        found["date_from"] = "page metadata"
    lines = mark_quotes(doc.body, [line for line in body.split("\n") if line.strip()])
    if len(lines) > 1 and doc.title and _norm(lines[0]) == _norm(doc.title):
        lines = lines[1:]  # the headline is the title, not a sentence of the article
    return found, "\n\n".join(lines)


def _size(n: int) -> str:
    if n >= 2**20:
        return f"{n / 2**20:.3g} MB"
    return f"{n / 1024:.0f} KB" if n >= 1024 else f"{n} bytes"


def _today() -> str:
    from datetime import date

    return date.today().isoformat()


def _one_line(value: object) -> str:
    from askisk.text import strip_controls

    return " ".join(strip_controls(str(value)).split())[:300]


def _opt_line(value: object) -> str | None:
    return _one_line(value) if value not in (None, "") else None


def _norm(text: str) -> str:
    from askisk.text import normalize

    return normalize(text).casefold()


def slugify(text: str) -> str:
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    slug = re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")[:60].strip("-")
    return slug or "source"


def body_digest(body: str) -> str:
    from askisk.text import normalize

    return hashlib.sha256(normalize(body).encode("utf-8")).hexdigest()
