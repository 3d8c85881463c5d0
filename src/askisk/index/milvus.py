"""The Milvus backend: the same index on Milvus (Milvus Lite in a local file, or a server by URI).

What Milvus holds: one row per searchable passage with its dense vector, its two BM25 sparse vectors (BM25
functions over our tokens of the sentence, and of the sentence with its context as the local store's
context BM25) and the scalar fields filters use (speaker, source id, date, kind). Dense top-k, BM25 top-k
(both), filters and counts run in the engine.

What stays local, in the writer's index folder (`index.layout`, one build folder per build as for the
local store): the corpus records (sources, paragraphs, passages with their attribution: what a Hit shows),
the embeddings (reused by content hash on the next build, and used to rescore fusion candidates), the
ONNX query encoder, and the manifest naming the collection and the generation to read. The model and
the attribution run where askisk runs.

Readers with only the URI: once a build is live, its generation, manifest and records are published to
the meta collection (`index.milvus_publish`). An askisk whose index folder has no build of its own (no
CURRENT) and finds a published build is a *reader*: it answers from the published generation, takes the
candidates' vectors for rescoring from Milvus, exports its query encoder once into `<index>/reader`
(from the user's cache, as a build does), and never builds; `askisk index` there makes it a writer.

Writing a build (generations that hide a killed one, and why Milvus Lite rewrites every row) is
`index.milvus_write`; the engine side (URIs, client, schema, indexes) is `index.milvus_schema`.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING, Any

from askisk.errors import AskiskError, BrokenIndexError
from askisk.index.milvus_publish import FIX_READER
from askisk.index.milvus_schema import (
    BM25_SCALE,
    FIX,
    MAX_LIMIT,
    STORE,
    Target,
    check_collection,
    connect,
    disconnect,
    in_filter,
    parse_target,
    terms,
)
from askisk.index.milvus_write import ROWS_FILE, write_build
from askisk.models import Attribution, Passage, Scope, Speaker
from askisk.speakers.corpus import SourceDoc

if TYPE_CHECKING:
    import numpy as np

    from askisk.config import Paths
    from askisk.encoder.embeddings import Encoder
    from askisk.encoder.tokens import TokenVectors
    from askisk.index.build import BuildRows
    from askisk.index.layout import IndexState
    from askisk.index.protocol import BuildListener
    from askisk.models import BuildReport


class MilvusBackend:
    name = STORE

    def __init__(self, uri: str, *, rewrite: bool | None = None) -> None:
        """`rewrite`: write every row afresh on each build (default: on Milvus Lite; `index.milvus_write`)."""
        self.target: Target = parse_target(uri)
        self.rewrite = self.target.lite if rewrite is None else rewrite

    def state(self, paths: Paths, kb_hash: str) -> IndexState:
        from askisk.index.layout import IndexState, index_state

        state = index_state(paths, kb_hash, STORE)
        if not state.exists and _reader(paths):
            pointer = self._pointer(paths)
            if pointer is not None:  # a reader: the published build is current whatever its own kb holds
                return IndexState(True, False, None, pointer["manifest"], reader=True)
            if self.target.collection is not None:  # named to be read: a build is `askisk index`'s
                raise BrokenIndexError(
                    f"nothing is published in the Milvus collection {self.target.collection} "
                    f"({self.target.uri}); {FIX_READER}"
                )
        live = (state.manifest or {}).get(STORE) or {}
        if state.exists and not state.stale and not self._same_place(live, paths):
            reason = f"the index was built for another Milvus store ({live.get('uri')})"
            return IndexState(True, True, reason, state.manifest)
        return state

    def reader(self, paths: Paths) -> bool:
        return _reader(paths) and self._pointer(paths) is not None

    def _same_place(self, live: dict[str, Any], paths: Paths) -> bool:
        return live.get("uri") == self.target.uri and live.get("collection") == self._name(paths)

    def _name(self, paths: Paths) -> str:
        return self.target.collection_for(paths.kb)

    def _pointer(self, paths: Paths) -> dict[str, Any] | None:
        """What is published for this kb's collection (None when nothing is, or the engine says no)."""
        from askisk.index.milvus_publish import published

        client = connect(self.target)
        try:
            return published(client, self._name(paths))
        except AskiskError:
            raise
        except Exception as exc:  # pymilvus raises its own types; the user needs the place, in one line
            first = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
            raise AskiskError(f"cannot read the Milvus store {self.target.uri}: {first[:200]}") from exc
        finally:
            disconnect(client, self.target)

    def build(
        self,
        paths: Paths,
        encoder_factory: Callable[[], Encoder],
        *,
        full: bool = False,
        progress: BuildListener | None = None,
    ) -> BuildReport:
        from askisk.index.build import build_index
        from askisk.index.milvus_publish import publish

        name = self._name(paths)

        def hook(index_dir: Path, tmp: Path, rows: BuildRows) -> dict[str, Any]:
            return write_build(self.target, name, index_dir, tmp, rows, self.rewrite)

        def tell_readers(build: Path) -> None:
            client = connect(self.target)
            try:
                publish(client, name, build)
            finally:
                disconnect(client, self.target)

        client = connect(self.target)  # held for the whole build: Milvus Lite then starts once
        try:
            return build_index(
                paths, encoder_factory, full=full, progress=progress, hook=(STORE, hook), publish=tell_readers
            )
        finally:
            disconnect(client, self.target)

    def load(self, paths: Paths) -> MilvusStore:
        from askisk.index.load import live_build, read_records

        if _reader(paths):
            return self._load_published(paths)
        build, manifest = live_build(paths.index, STORE)
        live = manifest.get(STORE) or {}
        if not self._same_place(live, paths):
            raise BrokenIndexError(
                f"the index in {paths.index} was built for the Milvus store {live.get('uri')} "
                f"(collection {live.get('collection')}); choose that store or run `askisk index --full`"
            )
        docs, rows = read_records(build)
        try:
            pks = json.loads((build / ROWS_FILE).read_text(encoding="utf-8"))["pks"]
        except (OSError, ValueError, KeyError, TypeError) as exc:
            raise BrokenIndexError(f"the Milvus row list in {build} is unreadable; {FIX}") from exc
        if len(pks) != len(rows):
            raise BrokenIndexError(f"the Milvus row list in {build} does not match its passages; {FIX}")
        client = connect(self.target)
        try:
            check_collection(client, live["collection"], self.target.uri)
        except BaseException:
            disconnect(client, self.target)
            raise
        generation, floor = int(live["generation"]), int(live.get("floor", 0))
        return MilvusStore(
            build, manifest, docs, rows, client, self.target, live["collection"], generation, floor, pks
        )

    def _load_published(self, paths: Paths) -> MilvusStore:
        """A reader's store: the published generation and records, the vectors in Milvus."""
        from askisk.index.layout import check_compatible
        from askisk.index.load import records_from
        from askisk.index.milvus_publish import read_records

        name = self._name(paths)
        client = connect(self.target)
        try:
            check_collection(client, name, self.target.uri)
            pointer, records = read_records(client, name, self.target.uri)
            manifest = dict(pointer["manifest"])
            check_compatible(manifest)
            try:
                docs, rows = records_from(records["corpus"])
                pks = [int(pk) for pk in records["pks"]]
            except (ValueError, KeyError, TypeError) as exc:
                raise BrokenIndexError(f"the published records of {name} are unreadable") from exc
            if len(pks) != len(rows):
                raise BrokenIndexError(f"the published records of {name} do not match its rows")
            folder, manifest["onnx"] = _reader_encoder(paths.index)
        except BaseException:
            disconnect(client, self.target)
            raise
        generation, floor = int(pointer["generation"]), int(pointer["floor"])
        store = MilvusStore(folder, manifest, docs, rows, client, self.target, name, generation, floor, pks)
        store.local_vectors = False
        return store


def _reader(paths: Paths) -> bool:
    """No build of its own in the index folder (no CURRENT): a reader of what the writer published."""
    from askisk.index.layout import current_build_dir

    return current_build_dir(paths.index) is None


READER_DIR = "reader"  # a reader's query encoder, in its index folder
READER_INFO = "onnx.json"


def _reader_encoder(index_dir: Path) -> tuple[Path, dict[str, Any] | None]:
    """(folder, the manifest's "onnx" entry) of the reader's query encoder: exported once, as a build does
    (from the user's cache when it has the export), into a folder renamed into place; None when the export
    cannot be made (queries then use sentence-transformers, and say so)."""
    import os
    import shutil

    from askisk.encoder.onnx_export import export_for_build

    folder = index_dir / READER_DIR
    info_file = folder / READER_INFO
    try:
        return folder, json.loads(info_file.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        if folder.exists():  # renamed into place whole, so without its info it is damaged
            shutil.rmtree(folder, ignore_errors=True)
    tmp = index_dir / f".{READER_DIR}-{os.getpid()}"
    try:
        shutil.rmtree(tmp, ignore_errors=True)
        tmp.mkdir(parents=True)
        info = export_for_build(tmp, None, lambda _msg: None)
        if info is None:
            return folder, None
        (tmp / READER_INFO).write_text(json.dumps(info), encoding="utf-8")
        try:
            os.rename(tmp, folder)
        except OSError:  # another reader put its export there first: use that one
            return folder, json.loads(info_file.read_text(encoding="utf-8"))
        return folder, info
    except (OSError, ValueError):
        return folder, None
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


# -- reading -------------------------------------------------------------------------------------


@dataclass
class MilvusStore:
    """The Milvus store (see `index.protocol.Store`): top-k, filters and counts in Milvus; records local."""

    build_dir: Path
    manifest: dict[str, Any]
    docs: dict[str, SourceDoc]
    rows: list[tuple[Passage, Attribution]]
    client: Any
    target: Target
    collection: str
    generation: int
    floor: int  # rows born before it are older builds' (see the module's docstring)
    pks: list[int]
    local_vectors: bool = True  # the build folder has embeddings.npy (a writer); a reader asks Milvus
    _closed: bool = field(default=False, repr=False)

    def close(self) -> None:
        """Let go of the engine (for Milvus Lite: free the file for other processes)."""
        if not self._closed:
            self._closed = True
            disconnect(self.client, self.target)

    def __del__(self) -> None:
        self.close()

    @cached_property
    def speakers(self) -> list[Speaker]:
        return [sp for d in self.docs.values() for sp in d.speakers]

    @cached_property
    def _row_of(self) -> dict[int, int]:
        return {pk: row for row, pk in enumerate(self.pks)}

    @cached_property
    def _vectors(self) -> np.ndarray:
        import numpy as np

        from askisk.index.layout import EMBEDDINGS

        return np.load(self.build_dir / EMBEDDINGS, mmap_mode="r", allow_pickle=False)

    def paragraph_text(self, source_id: str, number: int) -> str:
        doc = self.docs[source_id]
        return doc.paragraphs[number - 1].text if 0 < number <= len(doc.paragraphs) else ""

    def _filter(self, scope: Scope) -> str:
        """The Milvus filter expression for this generation and scope."""
        g = self.generation
        parts = [f"born >= {self.floor} and born <= {g} and died > {g}"]
        if scope.speakers is not None:
            parts.append(in_filter("speaker", sorted(scope.speakers)))
        if scope.sources is not None:
            parts.append(in_filter("source_id", sorted(scope.sources)))
        return " and ".join(parts)

    def count(self, scope: Scope) -> int:
        found = self.client.query(self.collection, filter=self._filter(scope), output_fields=["count(*)"])
        return int(found[0]["count(*)"]) if found else 0

    def _search(self, data: Any, field: str, metric: str, limit: int, expr: str) -> list[tuple[int, float]]:
        if limit <= 0:
            return []
        search_params: dict[str, Any] = {"metric_type": metric}
        extra = (self.manifest.get(STORE) or {}).get("dense_index", {}).get("search")
        if field == "dense" and extra:
            search_params["params"] = extra
        result = self.client.search(
            self.collection,
            data=[data],
            anns_field=field,
            limit=min(limit, MAX_LIMIT),
            filter=expr,
            search_params=search_params,
            output_fields=["pk"],
        )
        # Milvus Lite reports BM25 as a negative distance, a server as a positive score
        scale = 1.0 / BM25_SCALE if metric == "BM25" else None
        row_of = self._row_of
        hits = [
            (int(h["pk"]), abs(h["distance"]) * scale if scale else float(h["distance"])) for h in result[0]
        ]
        return [(row_of[pk], value) for pk, value in hits if pk in row_of]

    def dense_top(self, qvec: np.ndarray, depth: int, scope: Scope) -> tuple[np.ndarray, np.ndarray]:
        hits = self._search([float(x) for x in qvec], "dense", "IP", depth, self._filter(scope))
        return _arrays(hits)

    def dense_scores(self, qvec: np.ndarray, rows: np.ndarray) -> np.ndarray:
        import numpy as np

        if self.local_vectors:
            return np.asarray(self._vectors[np.asarray(rows)], dtype=np.float32) @ qvec
        pks = [self.pks[int(r)] for r in rows]
        if not pks:
            return np.zeros(0, dtype=np.float32)
        found = self.client.query(self.collection, filter=in_filter("pk", pks), output_fields=["pk", "dense"])
        by_pk = {int(f["pk"]): f["dense"] for f in found}
        missing = [0.0] * len(qvec)
        return np.asarray([by_pk.get(pk, missing) for pk in pks], dtype=np.float32) @ qvec

    def lexical_top(
        self, query: str, depth: int, scope: Scope, context: bool = False
    ) -> tuple[np.ndarray, np.ndarray]:
        words = terms(query)
        if not words:
            return _arrays([])
        expr = self._filter(scope)
        hits = [(r, s) for r, s in self._search(words, _sparse(context), "BM25", depth, expr) if s > 0]
        return _arrays(hits)

    def token_scores(self, query: TokenVectors, rows: np.ndarray) -> None:
        return None  # the engine holds one vector a passage; the fusion does without MaxSim

    def lexical_scores(self, query: str, rows: np.ndarray, context: bool = False) -> np.ndarray:
        import numpy as np

        words = terms(query)
        wanted = [int(r) for r in rows]
        if not words or not wanted:
            return np.zeros(len(wanted), dtype=np.float64)
        expr = self._filter(Scope()) + " and " + in_filter("pk", [self.pks[r] for r in wanted])
        found = dict(self._search(words, _sparse(context), "BM25", len(wanted), expr))
        return np.array([found.get(r, 0.0) for r in wanted], dtype=np.float64)


def _sparse(context: bool) -> str:
    """The BM25 field: over the sentence, or over the sentence with its context."""
    return "context_sparse" if context else "sparse"


def _arrays(hits: list[tuple[int, float]]) -> tuple[np.ndarray, np.ndarray]:
    import numpy as np

    scores = np.array([s for _, s in hits], dtype=np.float32)
    rows = np.array([r for r, _ in hits], dtype=np.int64)
    return scores, rows
