"""The Milvus backend: the same index on Milvus (Milvus Lite in a local file, or a server by URI).

What Milvus holds: one row per searchable passage with its dense vector, its two BM25 sparse vectors (BM25
functions over our tokens of the sentence, and of the sentence with its context as the local store's
context BM25) and the scalar fields filters use (speaker, source id, date, kind). Dense top-k, BM25 top-k
(both), filters and counts run in the engine.

What stays local, in the index folder (`index.layout`, one build folder per build as for the local
store): the corpus records (sources, paragraphs, passages with their attribution: what a Hit shows),
the embeddings (reused by content hash on the next build, and used to rescore fusion candidates), the
ONNX query encoder, and the manifest naming the collection and the generation to read. The model and
the attribution run where askisk runs.

Visibility (kill-safety): every row carries `born` and `died`; a build of generation g+1 inserts new
rows with born = g+1 and marks removed rows died = g+1, all invisible to readers of generation g, who
filter on floor <= born <= g < died. A build that writes every row afresh (a full one, or any build on
Milvus Lite, below) marks nothing: it raises the floor to g+1 instead. The build goes live when its
folder is named in CURRENT (an atomic rename), so a reader sees the old set or the new one, never half
of a source. The next build first undoes what a killed one left (rows born after the live generation,
rows marked dead after it), and rows invisible to both the live and the previous generation are deleted.

Milvus Lite computes BM25 statistics (document count, average length, document frequencies) per
segment, over every row the segment holds, visible or not, and each build's rows land in a segment of
their own: after an incremental `add` the new source would be scored against itself alone (relative
score errors up to 97% on the seed). So on Milvus Lite every build writes all its rows afresh, into one
segment, and the floor hides the older ones. A server keeps its statistics per shard over all segments
and is written incrementally.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING, Any

from askisk.errors import BrokenIndexError
from askisk.index.milvus_schema import (
    BM25_SCALE,
    FIX,
    GEN_SHIFT,
    MAX_LIMIT,
    NEVER,
    TEXT_BYTES,
    Target,
    check_collection,
    collection_name,
    connect,
    dense_index_for,
    disconnect,
    ensure_collection,
    parse_target,
    reindex_dense,
)
from askisk.models import Attribution, Passage, Scope, Speaker
from askisk.speakers.corpus import SourceDoc

if TYPE_CHECKING:
    import numpy as np

    from askisk.config import Paths
    from askisk.encoder.embeddings import Encoder
    from askisk.index.build import BuildRows
    from askisk.index.layout import IndexState
    from askisk.index.protocol import BuildListener
    from askisk.models import BuildReport

STORE = "milvus"
ROWS_FILE = "milvus.json"  # pk and content key of each row, in row order
BATCH = 1000
SCALARS = ["pk", "passage_id", "text", "terms", "context_terms", "speaker", "kind", "source_id"]
SCALARS += ["date", "paragraph"]


def row_key(p: Passage, a: Attribution, date: str | None, context: str) -> str:
    """What a Milvus row holds, hashed: a passage whose key is unchanged keeps its row (and pk)."""
    fields = [p.id, p.source_id, p.text, p.paragraph, a.speaker, a.kind, date, context]
    return hashlib.sha1(json.dumps(fields, ensure_ascii=False).encode()).hexdigest()


def _clip(text: str) -> str:
    raw = text.encode("utf-8")
    return text if len(raw) <= TEXT_BYTES else raw[:TEXT_BYTES].decode("utf-8", "ignore")


def _terms(text: str) -> str:
    """Our tokens (the local store's: stems, stop words, hyphenated names) as text Milvus's standard
    tokenizer splits back into exactly these tokens (it would split "is-k"; "is_k" stays whole)."""
    from askisk.index.lexical import tokenize

    return _clip(" ".join(t.replace("-", "_") for t in tokenize(text)))


class MilvusBackend:
    name = STORE

    def __init__(self, uri: str, *, rewrite: bool | None = None) -> None:
        """`rewrite`: write every row afresh on each build (default: on Milvus Lite; see above)."""
        self.target: Target = parse_target(uri)
        self.rewrite = self.target.lite if rewrite is None else rewrite

    def state(self, paths: Paths, kb_hash: str) -> IndexState:
        from askisk.index.layout import IndexState, index_state

        state = index_state(paths, kb_hash, STORE)
        live = (state.manifest or {}).get(STORE) or {}
        if state.exists and not state.stale and not self._same_place(live, paths):
            reason = f"the index was built for another Milvus store ({live.get('uri')})"
            return IndexState(True, True, reason, state.manifest)
        return state

    def _same_place(self, live: dict[str, Any], paths: Paths) -> bool:
        return live.get("uri") == self.target.uri and live.get("collection") == collection_name(paths.kb)

    def build(
        self,
        paths: Paths,
        encoder_factory: Callable[[], Encoder],
        *,
        full: bool = False,
        progress: BuildListener | None = None,
    ) -> BuildReport:
        from askisk.index.build import build_index

        def write(index_dir: Path, tmp: Path, rows: BuildRows) -> dict[str, Any]:
            return _write(self.target, collection_name(paths.kb), index_dir, tmp, rows, self.rewrite)

        return build_index(paths, encoder_factory, full=full, progress=progress, hook=(STORE, write))

    def load(self, paths: Paths) -> MilvusStore:
        from askisk.index.load import live_build, read_records

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


# -- writing -------------------------------------------------------------------------------------


def _previous_rows(index_dir: Path, target: Target, name: str) -> tuple[int, int, dict[str, int]]:
    """The live generation, its floor and its rows' content key -> pk, when the live build is on this
    collection."""
    from askisk.index.layout import current_build_dir, read_manifest

    try:
        build = current_build_dir(index_dir)
        if build is None or not build.is_dir():
            return 0, 0, {}
        manifest = read_manifest(build)
        live = manifest.get(STORE) or {}
        if manifest.get("store") != STORE or (live.get("uri"), live.get("collection")) != (target.uri, name):
            return 0, 0, {}
        data = json.loads((build / ROWS_FILE).read_text(encoding="utf-8"))
        pairs = dict(zip(data["keys"], data["pks"], strict=True))
        return int(live["generation"]), int(live.get("floor", 0)), pairs
    except (BrokenIndexError, OSError, ValueError, KeyError, TypeError):
        return 0, 0, {}


def _write(
    target: Target,
    name: str,
    index_dir: Path,
    tmp: Path,
    rows: BuildRows,
    rewrite: bool,
) -> dict[str, Any]:
    client = connect(target)
    try:
        return _write_rows(client, target, name, index_dir, tmp, rows, rewrite)
    finally:
        disconnect(client, target)


def _write_rows(
    client: Any, target: Target, name: str, index_dir: Path, tmp: Path, rows: BuildRows, rewrite: bool
) -> dict:
    created = ensure_collection(client, name, target.uri, replace=rows.full, lite=target.lite)
    live_gen, live_floor, live = (0, 0, {}) if created else _previous_rows(index_dir, target, name)
    gen = live_gen + 1
    _undo_unfinished(client, name, live_gen)
    dates = {d.source.id: d.source.date for d in rows.docs}
    contexts = _contexts(rows)
    keys = [
        row_key(p, a, dates[p.source_id], c)
        for p, a, c in zip(rows.passages, rows.attributions, contexts, strict=True)
    ]
    afresh = rows.full or rewrite
    keep = {} if afresh else live
    pks: list[int] = []
    fresh: list[int] = []
    for i, key in enumerate(keys):
        if key in keep:
            pks.append(keep[key])
        else:
            pks.append((gen << GEN_SHIFT) | len(fresh))
            fresh.append(i)
    wanted = set(pks)
    gone = [pk for pk in live.values() if pk not in wanted]
    for start in range(0, len(fresh), BATCH):
        batch = fresh[start : start + BATCH]
        client.insert(name, [_row(rows, i, pks[i], dates, contexts[i], gen) for i in batch])
    floor = gen if afresh else live_floor  # a fresh set hides the older rows by its floor, not by marks
    if not afresh:
        _set_died(client, name, gone, gen)
    # rows invisible to both the live and the previous generation
    client.delete(name, filter=f"born < {live_floor} or died <= {live_gen}")
    choice = dense_index_for(len(pks), target.lite)
    reindex_dense(client, name, choice, lite=target.lite)
    client.flush(name)
    (tmp / ROWS_FILE).write_text(json.dumps({"pks": pks, "keys": keys}), encoding="utf-8")
    return {
        "uri": target.uri,
        "collection": name,
        "generation": gen,
        "floor": floor,
        "dense_index": choice,
        "inserted": len(fresh),  # rows written (all of them when afresh)
        "removed": len(set(live) - set(keys)),  # passages no longer in the kb
        "afresh": afresh,
    }


def _contexts(rows: BuildRows) -> list[str]:
    """The context BM25's text of every row (the local store's `lexical_text`), in row order."""
    from askisk.speakers.corpus import retrieval_texts

    contexts = [(p.id, words) for d in rows.docs for p, _, words in retrieval_texts(d)]
    if [i for i, _ in contexts] != [p.id for p in rows.passages]:
        raise BrokenIndexError("the context texts do not match the build's rows; run `askisk index --full`")
    return [words for _, words in contexts]


def _row(
    rows: BuildRows, i: int, pk: int, dates: dict[str, str | None], context: str, gen: int
) -> dict[str, Any]:
    p, a = rows.passages[i], rows.attributions[i]
    return {
        "pk": pk,
        "passage_id": p.id,
        "text": _clip(p.text),
        "terms": _terms(p.text),
        "context_terms": _terms(context),
        "speaker": a.speaker or "",
        "kind": a.kind,
        "source_id": p.source_id,
        "date": dates.get(p.source_id) or "",
        "paragraph": p.paragraph,
        "born": gen,
        "died": NEVER,
        "dense": rows.vectors[i].tolist(),
    }


def _set_died(client: Any, name: str, pks: list[int], gen: int) -> None:
    """Mark rows dead from generation `gen` on (an upsert of the whole row: Milvus has no field update)."""
    for start in range(0, len(pks), BATCH):
        batch = pks[start : start + BATCH]
        found = client.query(name, filter=_in("pk", batch), output_fields=[*SCALARS, "born", "dense"])
        if found:
            client.upsert(name, [{**_plain(r), "died": gen} for r in found])


def _plain(record: dict[str, Any]) -> dict[str, Any]:
    out = {k: record[k] for k in (*SCALARS, "born")}
    out["dense"] = [float(x) for x in record["dense"]]
    return out


def _undo_unfinished(client: Any, name: str, live_gen: int) -> None:
    """Take back what a killed build wrote: rows it inserted, and rows it marked dead."""
    client.delete(name, filter=f"born > {live_gen}")
    while True:
        marked = client.query(
            name,
            filter=f"died > {live_gen} and died < {NEVER}",
            output_fields=[*SCALARS, "born", "dense"],
            limit=BATCH,
        )
        if not marked:
            return
        client.upsert(name, [{**_plain(r), "died": NEVER} for r in marked])


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
            parts.append(_in("speaker", sorted(scope.speakers)))
        if scope.sources is not None:
            parts.append(_in("source_id", sorted(scope.sources)))
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

        return np.asarray(self._vectors[np.asarray(rows)], dtype=np.float32) @ qvec

    def lexical_top(
        self, query: str, depth: int, scope: Scope, context: bool = False
    ) -> tuple[np.ndarray, np.ndarray]:
        terms = _terms(query)
        if not terms:
            return _arrays([])
        expr = self._filter(scope)
        hits = [(r, s) for r, s in self._search(terms, _sparse(context), "BM25", depth, expr) if s > 0]
        return _arrays(hits)

    def lexical_scores(self, query: str, rows: np.ndarray, context: bool = False) -> np.ndarray:
        import numpy as np

        terms = _terms(query)
        wanted = [int(r) for r in rows]
        if not terms or not wanted:
            return np.zeros(len(wanted), dtype=np.float64)
        expr = self._filter(Scope()) + " and " + _in("pk", [self.pks[r] for r in wanted])
        found = dict(self._search(terms, _sparse(context), "BM25", len(wanted), expr))
        return np.array([found.get(r, 0.0) for r in wanted], dtype=np.float64)


def _sparse(context: bool) -> str:
    """The BM25 field: over the sentence, or over the sentence with its context."""
    return "context_sparse" if context else "sparse"


def _in(field_name: str, values: list) -> str:
    """`field in [...]` with the values as JSON literals (Milvus's string syntax; quotes escaped)."""
    return f"{field_name} in {json.dumps(values, ensure_ascii=False)}"


def _arrays(hits: list[tuple[int, float]]) -> tuple[np.ndarray, np.ndarray]:
    import numpy as np

    scores = np.array([s for _, s in hits], dtype=np.float32)
    rows = np.array([r for r, _ in hits], dtype=np.int64)
    return scores, rows
