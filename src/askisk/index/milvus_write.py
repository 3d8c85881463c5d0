"""Writing a build into Milvus: rows, generations, and undoing what a killed build left.

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
and is written incrementally: a passage whose content is unchanged keeps its row.
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path
from typing import TYPE_CHECKING, Any

from askisk.errors import BrokenIndexError
from askisk.index.milvus_schema import (
    GEN_SHIFT,
    NEVER,
    STORE,
    Target,
    clip,
    connect,
    dense_index_for,
    disconnect,
    ensure_collection,
    in_filter,
    reindex_dense,
    terms,
)

if TYPE_CHECKING:
    from askisk.index.build import BuildRows
    from askisk.models import Attribution, Passage

ROWS_FILE = "milvus.json"  # pk and content key of each row, in row order
BATCH = 1000
SCALARS = ["pk", "passage_id", "text", "terms", "context_terms", "speaker", "kind", "source_id"]
SCALARS += ["date", "paragraph"]


def row_key(p: Passage, a: Attribution, date: str | None, context: str) -> str:
    """What a Milvus row holds, hashed: a passage whose key is unchanged keeps its row (and pk)."""
    fields = [p.id, p.source_id, p.text, p.paragraph, a.speaker, a.kind, date, context]
    return hashlib.sha1(json.dumps(fields, ensure_ascii=False).encode()).hexdigest()


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


def write_build(
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
    from askisk.index.milvus_publish import ensure_meta, repair

    created = ensure_collection(client, name, target.uri, replace=rows.full, lite=target.lite)
    ensure_meta(client, name, lite=target.lite, replace=created)
    live_gen, live_floor, live = (0, 0, {}) if created else _previous_rows(index_dir, target, name)
    repair(client, name, index_dir, live_gen)  # a killed publish: URI readers first catch up, then deletes
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
        "text": clip(p.text),
        "terms": terms(p.text),
        "context_terms": terms(context),
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
        found = client.query(name, filter=in_filter("pk", batch), output_fields=[*SCALARS, "born", "dense"])
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
