"""The storage protocol: what search and the service need from an index, whatever engine holds it.

A `Backend` builds, checks and loads; the `Store` it loads answers dense and lexical top-k within a
`Scope`, scores given rows, and hands back passages by row number. The local FAISS + bm25s files
(`index.local`) are the default backend; a backend on a distributed engine implements the same two
protocols and nothing above this package changes. Rows are integers from 0 to len(rows) - 1, in the
order of `rows`; scores come back as float arrays aligned with the row arrays.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol

if TYPE_CHECKING:
    import numpy as np

    from askisk.config import Paths
    from askisk.encoder.embeddings import Encoder
    from askisk.encoder.tokens import TokenVectors
    from askisk.index.layout import IndexState
    from askisk.models import Attribution, BuildReport, Passage, Scope, Speaker
    from askisk.speakers.corpus import SourceDoc


class BuildListener(Protocol):
    """Hears a build: one-line messages, and counts for a progress bar."""

    def __call__(self, message: str) -> None: ...

    def step(self, stage: str, done: int, total: int) -> None: ...


class Store(Protocol):
    @property
    def manifest(self) -> dict[str, Any]: ...

    @property
    def build_dir(self) -> Path:
        """Local folder with this build's files (the query encoder among them)."""
        ...

    @property
    def docs(self) -> dict[str, SourceDoc]: ...

    @property
    def rows(self) -> Sequence[tuple[Passage, Attribution]]:
        """Row number -> searchable passage."""
        ...

    @property
    def speakers(self) -> list[Speaker]: ...

    def paragraph_text(self, source_id: str, number: int) -> str: ...

    def count(self, scope: Scope) -> int:
        """How many passages the scope lets through."""
        ...

    def dense_top(self, qvec: np.ndarray, depth: int, scope: Scope) -> tuple[np.ndarray, np.ndarray]:
        """(cosines, rows) of the `depth` nearest passages in scope, best first."""
        ...

    def lexical_top(
        self, query: str, depth: int, scope: Scope, context: bool = False
    ) -> tuple[np.ndarray, np.ndarray]:
        """(BM25 scores, rows) of the `depth` best passages in scope with a score above 0, best first.
        `context`: the BM25 over each sentence with its context (`speakers.corpus.lexical_text`)."""
        ...

    def dense_scores(self, qvec: np.ndarray, rows: np.ndarray) -> np.ndarray: ...

    def lexical_scores(self, query: str, rows: np.ndarray, context: bool = False) -> np.ndarray: ...

    def token_scores(self, query: TokenVectors, rows: np.ndarray) -> np.ndarray | None:
        """MaxSim of the question's word pieces against these rows' (`index.token_store`); None when the
        store keeps no word-piece vectors."""
        ...


class Backend(Protocol):
    name: str

    def state(self, paths: Paths, kb_hash: str) -> IndexState:
        """Is there a usable index for this kb, and is it current?"""
        ...

    def build(
        self,
        paths: Paths,
        encoder_factory: Callable[[], Encoder],
        *,
        full: bool = False,
        progress: BuildListener | None = None,
    ) -> BuildReport: ...

    def load(self, paths: Paths) -> Store: ...

    def reader(self, paths: Paths) -> bool:
        """True when these folders read a build another askisk published: nothing may be built here
        (from a kb that is not the one the build came from) except by an explicit `askisk index`."""
        ...
