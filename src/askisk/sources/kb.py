"""Read the kb folder: one Markdown file per source, a small YAML front-matter block, then the body.

The body is kept exactly as stored (curly quotes, non-breaking spaces and all); matching code
normalises its own copy. This module only reads; writing sources belongs to the `add` path.
"""

from __future__ import annotations

import hashlib
from pathlib import Path

from askisk.config import KB_SUFFIX
from askisk.errors import KnowledgeBaseError
from askisk.models import Override, Source

FENCE = "---"
EXCLUDED_DIRS = {"eval"}


def source_files(kb_dir: Path) -> list[Path]:
    if not kb_dir.exists():
        raise KnowledgeBaseError(f"knowledge base folder not found: {kb_dir} (create it or pass --kb DIR)")
    if not kb_dir.is_dir():
        raise KnowledgeBaseError(f"knowledge base path is not a folder: {kb_dir}")
    return sorted(p for p in kb_dir.glob(f"*{KB_SUFFIX}") if p.is_file())


def split_front_matter(text: str) -> tuple[dict, str]:
    """Return (metadata, body). A file without front matter is all body."""
    import yaml

    if not text.startswith(FENCE + "\n"):
        return {}, text
    end = text.find("\n" + FENCE + "\n", len(FENCE))
    if end < 0:
        raise ValueError("front matter opened with '---' but never closed")
    meta = yaml.safe_load(text[len(FENCE) + 1 : end]) or {}
    if not isinstance(meta, dict):
        raise ValueError("front matter is not a mapping of key: value lines")
    return meta, text[end + len(FENCE) + 2 :]


def _overrides(raw: object) -> tuple[Override, ...]:
    if not raw:
        return ()
    if not isinstance(raw, list):
        raise ValueError("'attribution_overrides' must be a list")
    out = []
    for item in raw:
        if not isinstance(item, dict) or "match" not in item:
            raise ValueError("each attribution override needs at least 'match'")
        kind = item.get("attribution", "quote" if item.get("speaker") else "narration")
        if kind not in ("quote", "reported", "narration"):
            raise ValueError(f"unknown attribution kind in override: {kind!r}")
        out.append(Override(match=str(item["match"]), speaker=item.get("speaker"), attribution=kind))
    return tuple(out)


def _opt(meta: dict, key: str) -> str | None:
    value = meta.get(key)
    return None if value is None or value == "" else str(value)


def _topic(meta: dict) -> str | None:
    value = meta.get("topic")
    if value is None:  # not given, or `topic: null`: the title decides
        return None
    if value is False:
        return ""
    if not isinstance(value, str | int | float) or value is True:
        raise ValueError("'topic' must be a short name, or false for none")
    return " ".join(str(value).split())


def parse_source(path: Path, text: str) -> Source:
    try:
        meta, body = split_front_matter(text)
        overrides = _overrides(meta.get("attribution_overrides"))
        topic = _topic(meta)
    except Exception as exc:  # yaml raises many types; all mean the same thing to the user
        first = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
        raise KnowledgeBaseError(f"{path.name}: bad front matter: {first}") from exc
    if not body.strip():
        raise KnowledgeBaseError(f"{path.name}: the source has no text")
    return Source(
        id=str(meta.get("id") or path.stem),
        title=str(meta.get("title") or path.stem),
        path=str(path),
        body=body,
        outlet=_opt(meta, "outlet"),
        date=_opt(meta, "date"),
        language=str(meta.get("language") or "en"),
        url=_opt(meta, "url"),
        overrides=overrides,
        topic=topic,
    )


def read_source(path: Path) -> Source:
    try:
        text = path.read_text(encoding="utf-8")
    except UnicodeDecodeError as exc:
        raise KnowledgeBaseError(f"{path.name}: not UTF-8 text") from exc
    return parse_source(path, text)


def load_sources(kb_dir: Path) -> list[Source]:
    sources = [read_source(p) for p in source_files(kb_dir)]
    seen: dict[str, str] = {}
    for s in sources:
        if s.id in seen:
            raise KnowledgeBaseError(f"two sources share the id {s.id!r}: {seen[s.id]} and {s.path}")
        seen[s.id] = s.path
    return sources


def kb_hash(kb_dir: Path) -> str:
    """Content hash of every source file (names and bytes): the index is stale when this changes."""
    digest = hashlib.sha256()
    for path in source_files(kb_dir):
        digest.update(path.name.encode())
        digest.update(b"\0")
        digest.update(path.read_bytes())
        digest.update(b"\0")
    return digest.hexdigest()
