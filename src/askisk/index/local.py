"""The default backend: the index as files on one disk (FAISS + bm25s + JSON records, `index.layout`)."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from askisk.config import Paths
    from askisk.encoder.embeddings import Encoder
    from askisk.index.layout import IndexState
    from askisk.index.load import LoadedIndex
    from askisk.index.protocol import BuildListener
    from askisk.models import BuildReport


class LocalBackend:
    name = "local"

    def state(self, paths: Paths, kb_hash: str) -> IndexState:
        from askisk.index.layout import index_state

        return index_state(paths, kb_hash, "local")

    def build(
        self,
        paths: Paths,
        encoder_factory: Callable[[], Encoder],
        *,
        full: bool = False,
        progress: BuildListener | None = None,
    ) -> BuildReport:
        from askisk.index.build import build_index

        return build_index(paths, encoder_factory, full=full, progress=progress)

    def load(self, paths: Paths) -> LoadedIndex:
        from askisk.index.load import load_index

        return load_index(paths.index)

    def reader(self, paths: Paths) -> bool:
        return False  # the local files are always this askisk's own


LOCAL = LocalBackend()


class _Messages:
    def __init__(self, say: Callable[[str], None]) -> None:
        self._say = say

    def __call__(self, message: str) -> None:
        self._say(message)

    def step(self, stage: str, done: int, total: int) -> None:
        pass


def messages_only(say: Callable[[str], None]) -> BuildListener:
    """A build listener that passes messages on and ignores counts."""
    return _Messages(say)
