"""Whether the kb folder still matches the index built from it, cheaply enough to ask before every
question: the files' stats first, the kb hash only when a stat moved."""

from __future__ import annotations

from pathlib import Path

from askisk.errors import AskiskError
from askisk.sources.kb import kb_hash, source_files


class KbWatch:
    def __init__(self) -> None:
        self._stats: tuple | None = None  # the files' stats when the kb was last found current

    def forget(self) -> None:
        self._stats = None

    def changed(self, kb: Path, built_hash: str | None) -> str | None:
        """Why the kb no longer matches an index built from `built_hash` (None when it does)."""
        try:
            stats = tuple((p.name, p.stat().st_size, p.stat().st_mtime_ns) for p in source_files(kb))
            if stats == self._stats:
                return None
            current = kb_hash(kb)
        except (AskiskError, OSError) as exc:
            self._stats = None
            reason = str(exc) if isinstance(exc, AskiskError) else f"{type(exc).__name__}: {exc}"
            return f"the knowledge base cannot be read ({reason})"
        if current != built_hash:
            self._stats = None
            return "the knowledge base changed since the index was built"
        self._stats = stats
        return None
