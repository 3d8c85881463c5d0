"""The local store: open a built index for reading, refuse a damaged or foreign one with a sentence that
says the fix, and answer the storage protocol's queries from FAISS and bm25s."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING, Any

from askisk.errors import BrokenIndexError
from askisk.index.layout import (
    BM25_CONTEXT_DIR,
    BM25_DIR,
    CORPUS,
    DENSE,
    check_compatible,
    current_build_dir,
    read_manifest,
)
from askisk.index.records import record_to_doc
from askisk.models import Attribution, Passage, Scope, Speaker
from askisk.speakers.corpus import SourceDoc

if TYPE_CHECKING:
    import bm25s
    import faiss
    import numpy as np

    from askisk.encoder.tokens import TokenVectors
    from askisk.index.token_store import TokenStore

FIX = "run `askisk index --full` to rebuild it"


@dataclass
class LoadedIndex:
    """The local store (see `index.protocol.Store`): FAISS for the dense side, bm25s for the lexical."""

    build_dir: Path
    manifest: dict[str, Any]
    docs: dict[str, SourceDoc]
    rows: list[tuple[Passage, Attribution]]  # faiss/bm25 row -> passage
    dense: faiss.Index
    bm25: bm25s.BM25
    _last_bm25: tuple[str, np.ndarray] | None = field(default=None, repr=False)

    @cached_property
    def speakers(self) -> list[Speaker]:
        return [sp for d in self.docs.values() for sp in d.speakers]

    @cached_property
    def _rows_by_speaker(self) -> dict[str | None, np.ndarray]:
        return _group_rows(a.speaker for _, a in self.rows)

    @cached_property
    def _rows_by_source(self) -> dict[str, np.ndarray]:
        return _group_rows(p.source_id for p, _ in self.rows)

    def allowed(self, scope: Scope) -> np.ndarray | None:
        """Row numbers (ascending) the scope lets through, or None for all; grouped once per index."""
        import numpy as np

        sides = []
        if scope.speakers is not None:
            sides.append(_union([self._rows_by_speaker.get(n) for n in scope.speakers]))
        if scope.sources is not None:
            sides.append(_union([self._rows_by_source.get(i) for i in scope.sources]))
        if not sides:
            return None
        return sides[0] if len(sides) == 1 else np.intersect1d(sides[0], sides[1])

    def count(self, scope: Scope) -> int:
        allowed = self.allowed(scope)
        return len(self.rows) if allowed is None else len(allowed)

    @cached_property
    def bm25_context(self) -> bm25s.BM25:
        """BM25 over each sentence with its context; loaded on first use (only context configurations)."""
        return _load_bm25(self.build_dir / BM25_CONTEXT_DIR, len(self.rows))

    def paragraph_text(self, source_id: str, number: int) -> str:
        doc = self.docs[source_id]
        return doc.paragraphs[number - 1].text if 0 < number <= len(doc.paragraphs) else ""

    def dense_top(self, qvec: np.ndarray, depth: int, scope: Scope) -> tuple[np.ndarray, np.ndarray]:
        from askisk.index import dense

        return dense.search(self.dense, qvec, depth, self.allowed(scope))

    def dense_scores(self, qvec: np.ndarray, rows: np.ndarray) -> np.ndarray:
        return self.dense.reconstruct_batch(rows) @ qvec

    def lexical_top(
        self, query: str, depth: int, scope: Scope, context: bool = False
    ) -> tuple[np.ndarray, np.ndarray]:
        from askisk.index import lexical

        return lexical.top(self._bm25_scores(query, context), depth, self.allowed(scope))

    def lexical_scores(self, query: str, rows: np.ndarray, context: bool = False) -> np.ndarray:
        return self._bm25_scores(query, context)[rows]

    def token_scores(self, query: TokenVectors, rows: np.ndarray) -> np.ndarray | None:
        return self.tokens.scores(query, rows) if self.tokens is not None else None

    @cached_property
    def tokens(self) -> TokenStore | None:
        """The word-piece vectors (`index.token_store`), memory-mapped on first use; None without them."""
        from askisk.index import token_store

        return token_store.load(self.build_dir, len(self.rows))

    def _bm25_scores(self, query: str, context: bool) -> np.ndarray:
        """Every row's BM25 score; the last query's are kept, since fusion asks for top-k and then rows."""
        from askisk.index import lexical

        key = f"{int(context)}{query}"
        if self._last_bm25 is None or self._last_bm25[0] != key:
            self._last_bm25 = (key, lexical.scores(self.bm25_context if context else self.bm25, query))
        return self._last_bm25[1]


def _group_rows(keys) -> dict:
    import numpy as np

    groups: dict = {}
    for row, key in enumerate(keys):
        groups.setdefault(key, []).append(row)
    return {k: np.array(v, dtype=np.int64) for k, v in groups.items()}


def _union(groups: list) -> np.ndarray:
    import numpy as np

    present = [g for g in groups if g is not None]
    return np.sort(np.concatenate(present)) if present else np.zeros(0, dtype=np.int64)


def live_build(index_dir: Path, store: str) -> tuple[Path, dict[str, Any]]:
    """The live build folder and its manifest, refused with the fix when absent, foreign or built for
    another store ("local" or "milvus")."""
    build = current_build_dir(index_dir)
    if build is None or not build.is_dir():
        raise BrokenIndexError(f"no index in {index_dir}; run `askisk index` to build it")
    manifest = read_manifest(build)
    check_compatible(manifest)
    built_for = manifest.get("store", "local")
    if built_for != store:
        raise BrokenIndexError(
            f"the index in {index_dir} was built for the {built_for} store, not the {store} one; "
            "choose that store or run `askisk index --full`"
        )
    return build, manifest


def read_records(build: Path) -> tuple[dict[str, SourceDoc], list[tuple[Passage, Attribution]]]:
    """The sources and the searchable rows (in row order) kept in a build folder."""
    try:
        return records_from(json.loads((build / CORPUS).read_text(encoding="utf-8")))
    except (OSError, ValueError, KeyError, TypeError) as exc:
        raise BrokenIndexError(f"index passages in {build} are unreadable; {FIX}") from exc


def records_from(corpus: dict[str, Any]) -> tuple[dict[str, SourceDoc], list[tuple[Passage, Attribution]]]:
    """The sources and the searchable rows of a build's corpus record (corpus.json, or as published)."""
    docs = {rec["id"]: record_to_doc(rec) for rec in corpus["sources"]}
    by_id = {p.id: (p, a) for d in docs.values() for p, a in zip(d.passages, d.attributions, strict=True)}
    return docs, [by_id[pid] for pid in corpus["rows"]]


def load_index(index_dir: Path) -> LoadedIndex:
    from askisk.index import dense

    build, manifest = live_build(index_dir, "local")
    docs, rows = read_records(build)
    try:
        dense_index = dense.load(build / DENSE)
    except Exception as exc:  # faiss raises RuntimeError with a C++ trace; the user needs the fix
        raise BrokenIndexError(f"dense index {build / DENSE} is damaged or truncated; {FIX}") from exc
    if dense_index.ntotal != len(rows) or (len(rows) and dense_index.d != manifest.get("dimension")):
        raise BrokenIndexError(f"dense index {build / DENSE} does not match its passages; {FIX}")
    return LoadedIndex(build, manifest, docs, rows, dense_index, _load_bm25(build / BM25_DIR, len(rows)))


def _load_bm25(folder: Path, rows: int) -> bm25s.BM25:
    from askisk.index import lexical

    try:
        bm25 = lexical.load(folder)
    except Exception as exc:  # bm25s/numpy raise several types for a damaged file
        raise BrokenIndexError(f"lexical index in {folder} is damaged; {FIX}") from exc
    if bm25.scores.get("num_docs") != rows:
        raise BrokenIndexError(f"lexical index in {folder} does not match its passages; {FIX}")
    return bm25
