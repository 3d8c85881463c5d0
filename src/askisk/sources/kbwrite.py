"""Every write to the kb folder: add drafted sources (atomically, deduplicated) and take them out again.

Never touches the index and never prints; the service rebuilds after these and undoes them on failure.
Duplicates: same `askisk.text.normalize`d body as a kb source (or an earlier file of the batch).
Writes go to a hidden temp file in kb/, are fsynced, then `os.replace`d into place; each is named in the
kb's journal (`sources.journal`) before it happens, so a killed process can be rolled back.
With `replace`, a source whose id is taken replaces the old one (stashed, then deleted once indexed).
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from askisk import faults
from askisk.config import KB_SUFFIX
from askisk.errors import AskiskError, InputError
from askisk.fsutil import fsync_dir, write_atomic
from askisk.models import BuildReport, Source
from askisk.sources.importing import (
    Draft,
    IngestError,
    Limits,
    Meta,
    Outcome,
    body_digest,
    collect,
    draft,
    validate_meta,
)
from askisk.sources.journal import Journal


@dataclass(frozen=True)
class AddReport:
    outcomes: tuple[Outcome, ...]
    build: BuildReport | None  # None when nothing was added

    @property
    def added(self) -> list[Outcome]:
        return [o for o in self.outcomes if o.status == "added"]

    @property
    def failed(self) -> list[Outcome]:
        return [o for o in self.outcomes if o.status == "failed"]


@dataclass(frozen=True)
class RemoveReport:
    id: str
    title: str
    path: str
    build: BuildReport


def add_files(
    kb: Path,
    inputs: list[str | os.PathLike[str]],
    meta: Meta | None = None,
    *,
    limits: Limits | None = None,
    replace: bool = False,
    journal: Journal | None = None,
) -> list[Outcome]:
    """Write each supported input into kb/ (atomically); one Outcome per input file or problem."""
    from askisk.sources.url import draft_url, is_url

    meta = meta or Meta()
    limits = limits or Limits()
    validate_meta(meta)
    urls = [str(i) for i in inputs if is_url(str(i))]
    files, outcomes = collect([i for i in inputs if not is_url(str(i))])
    if (meta.id or meta.title) and len(files) + len(urls) > 1:
        raise InputError(f"--id and --title name one file, but {len(files) + len(urls)} were given")
    kb.mkdir(parents=True, exist_ok=True)
    ids, digests, paths = _inventory(kb)
    items: list[Path | str] = [*files, *urls]
    for path in items:
        try:
            d = draft_url(path, meta) if isinstance(path, str) else draft(path, meta, limits)
            digest = body_digest(d.body)
            if digest in digests:
                outcomes.append(
                    Outcome(
                        str(path),
                        "duplicate",
                        f"same text as kb source {digests[digest]!r}; not added again",
                        id=digests[digest],
                    )
                )
                continue
            old = paths.get(d.id_hint) if replace else None
            sid = d.id_hint if old is not None else _unique_id(d.id_hint, ids)
            taken = sid != d.id_hint and (
                f"id {d.id_hint!r} is taken; saved as {sid!r} beside it "
                f"(to replace {d.id_hint!r} instead, add again with --replace)"
            )
            replaced = old is not None and f"replaces the earlier text of {sid!r}"
            notes = [n for n in (d.notice, taken, replaced) if n]
            target = old if old is not None else kb / f"{sid}{KB_SUFFIX}"
            text = render(d, sid)
            _check_indexable(target, text, limits)
            if old is not None:
                hidden = _hidden_name(old)
                if journal is not None:
                    journal.will_stash(hidden, old)
                os.replace(old, hidden)
            if journal is not None:
                journal.will_write(target)
            write_atomic(target, text)
            faults.point("after-kb-write")
        except (AskiskError, UnicodeError) as exc:
            outcomes.append(Outcome(str(path), "failed", str(exc)))
            continue
        except OSError as exc:
            outcomes.append(Outcome(str(path), "failed", f"cannot read or write: {exc.strerror or exc}"))
            continue
        ids.add(sid)
        digests[digest] = sid
        outcomes.append(
            Outcome(str(path), "added", str(target), sid, d.meta["title"], "; ".join(notes) or None)
        )
    return outcomes


def render(d: Draft, source_id: str) -> str:
    import yaml

    meta = {**d.meta, "id": source_id}
    head = yaml.safe_dump(meta, sort_keys=False, allow_unicode=True, default_flow_style=False, width=10**6)
    return f"---\n{head}---\n{d.body}"


def _inventory(kb: Path) -> tuple[set[str], dict[str, str], dict[str, Path]]:
    """Ids in use (front matter ids and file names), the body digest -> id of every readable source, and
    id -> file."""
    from askisk.errors import KnowledgeBaseError
    from askisk.sources.kb import read_source, source_files

    ids: set[str] = {p.stem for p in kb.glob(f"*{KB_SUFFIX}")}
    digests: dict[str, str] = {}
    paths: dict[str, Path] = {}
    for path in source_files(kb):
        try:
            source = read_source(path)
        except (KnowledgeBaseError, OSError):
            continue  # the rebuild will name it; it cannot be a duplicate of anything readable
        ids.add(source.id)
        paths[source.id] = path
        digests.setdefault(body_digest(source.body), source.id)
    return ids, digests, paths


def _unique_id(hint: str, taken: set[str]) -> str:
    if hint not in taken:
        return hint
    n = 2
    while f"{hint}-{n}" in taken:
        n += 1
    return f"{hint}-{n}"


def _check_indexable(target: Path, text: str, limits: Limits) -> None:
    from askisk.sources.kb import parse_source
    from askisk.sources.passages import split_passages

    _, passages = split_passages(parse_source(target, text))
    count = sum(1 for p in passages if p.searchable)
    if not count:
        raise IngestError("no sentences to index (only headings or captions)")
    if count > limits.max_passages:
        raise IngestError(
            f"{count:,} passages (sentences); the limit is {limits.max_passages:,} per source "
            "(split the file, or raise it with --max-passages N or $ASKISK_MAX_PASSAGES)"
        )


def find_source(kb: Path, source_id: str) -> Source:
    """The kb Source with this id, or an InputError listing the ids there are."""
    from askisk.sources.kb import load_sources

    sources = load_sources(kb)
    for source in sources:
        if source.id == source_id:
            return source
    known = ", ".join(sorted(s.id for s in sources)) or "none"
    raise InputError(f"no source with id {source_id!r}; known ids: {known}")


def _hidden_name(path: Path) -> Path:
    return path.with_name(f".{path.name}.{os.getpid()}.removed")


def stash(path: Path, journal: Journal) -> Path:
    """Move a kb file out of the kb's sight (same folder, hidden name), recorded in the journal first."""
    hidden = _hidden_name(path)
    journal.will_stash(hidden, path)
    os.replace(path, hidden)
    fsync_dir(path.parent)
    return hidden
