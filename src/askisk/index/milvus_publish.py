"""Publishing a build to readers that have only the store's URI: the meta collection `<collection>_meta`.

A reader on another machine (same Milvus URI, an empty `--index` folder) needs what the writer's live build
folder holds besides the rows: which generation to read, its floor, the manifest, and the records (sources,
paragraphs, passages with their attribution: what a Hit shows; the pk of each row). The meta collection
holds them: one pointer row (pk 0: generation, floor, manifest, how many record chunks and their sha256) and
the records of each published generation as JSON chunks (pk = generation << GEN_SHIFT | chunk number).
Milvus wants a vector field in every collection: a 2-d dummy.

Order, for kill-safety. The records of generation g+1 are written after the writer's CURRENT names the
g+1 build folder, then the pointer is upserted (one row: atomic), then records older than g are deleted
(a reader that has just read the pointer of g still finds its records). A kill before the pointer leaves
URI readers on generation g, whose rows the next build's delete would take (it keeps only the live and the
previous generation's rows): so every build first re-publishes the local live build when the pointer is
behind it (`repair`), before it deletes anything. Readers never write: they read the pointer, then the
records of its generation, checked against the pointer's sha256.

The records are loaded whole on open: fine at tens of thousands of passages, not at 100M (docs/milvus.md).
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path
from typing import Any

from askisk import faults
from askisk.errors import BrokenIndexError
from askisk.index.milvus_schema import GEN_SHIFT, MAX_LIMIT, STORE

META_SUFFIX = "_meta"
POINTER_PK = 0
CHUNK_CHARS = 15_000  # at most 4 UTF-8 bytes a character: under Milvus's VARCHAR limit of 65,535 bytes
CHUNK_BATCH = 50
FIX_READER = "run `askisk index` where the index is written, then ask again"


def meta_name(name: str) -> str:
    return name + META_SUFFIX


def ensure_meta(client: Any, name: str, *, lite: bool, replace: bool) -> None:
    """The meta collection of `name`, created when missing; emptied (recreated) when `replace`, i.e. when
    the collection itself was just (re)created and an older pointer would name rows that are gone."""
    meta = meta_name(name)
    if client.has_collection(meta):
        if not replace:
            return
        client.drop_collection(meta)
    from pymilvus import DataType, MilvusClient

    schema = MilvusClient.create_schema(auto_id=False, enable_dynamic_field=False)
    schema.add_field("pk", DataType.INT64, is_primary=True)
    schema.add_field("generation", DataType.INT64)
    schema.add_field("data", DataType.VARCHAR, max_length=65_535)
    schema.add_field("dummy", DataType.FLOAT_VECTOR, dim=2)
    params = client.prepare_index_params()
    params.add_index(field_name="dummy", index_type="FLAT", metric_type="L2")
    client.create_collection(meta, schema=schema, consistency_level="Strong")
    client.create_index(meta, params, **({"sync": False} if lite else {}))
    client.load_collection(meta)


def drop_meta(client: Any, name: str) -> None:
    if client.has_collection(meta_name(name)):
        client.drop_collection(meta_name(name))


def _row(pk: int, generation: int, data: str) -> dict[str, Any]:
    return {"pk": pk, "generation": generation, "data": data, "dummy": [0.0, 0.0]}


def publish(client: Any, name: str, build: Path) -> int:
    """Make the live build folder `build` (written for collection `name`) what URI readers read; its
    generation."""
    from askisk.index.layout import CORPUS, read_manifest
    from askisk.index.milvus_write import ROWS_FILE

    manifest = read_manifest(build)
    live = manifest.get(STORE) or {}
    if manifest.get("store") != STORE or live.get("collection") != name:
        raise BrokenIndexError(f"the build {build} was not written for the Milvus collection {name}")
    generation, floor = int(live["generation"]), int(live.get("floor", 0))
    corpus = json.loads((build / CORPUS).read_text(encoding="utf-8"))
    pks = json.loads((build / ROWS_FILE).read_text(encoding="utf-8"))["pks"]
    text = json.dumps({"corpus": corpus, "pks": pks}, ensure_ascii=False, separators=(",", ":"))
    parts = [text[i : i + CHUNK_CHARS] for i in range(0, len(text), CHUNK_CHARS)]
    meta = meta_name(name)
    client.delete(meta, filter=f"generation == {generation} and pk != {POINTER_PK}")  # a killed publish's
    for start in range(0, len(parts), CHUNK_BATCH):
        batch = range(start, min(start + CHUNK_BATCH, len(parts)))
        client.insert(meta, [_row((generation << GEN_SHIFT) | (n + 1), generation, parts[n]) for n in batch])
    faults.point("before-pointer")
    pointer = {
        "generation": generation,
        "floor": floor,
        "parts": len(parts),
        "sha256": hashlib.sha256(text.encode()).hexdigest(),
        "manifest": manifest,
    }
    client.upsert(meta, [_row(POINTER_PK, generation, json.dumps(pointer, ensure_ascii=False))])
    client.delete(meta, filter=f"generation < {generation - 1} and pk != {POINTER_PK}")
    return generation


def published(client: Any, name: str) -> dict[str, Any] | None:
    """The pointer row of `name` (None when nothing was published)."""
    meta = meta_name(name)
    if not client.has_collection(meta):
        return None
    client.load_collection(meta)
    found = client.query(meta, filter=f"pk == {POINTER_PK}", output_fields=["data"])
    if not found:
        return None
    try:
        pointer = json.loads(found[0]["data"])
        int(pointer["generation"]), int(pointer["floor"]), int(pointer["parts"])
        if not isinstance(pointer["manifest"], dict):
            raise TypeError("manifest")
    except (ValueError, KeyError, TypeError) as exc:
        raise BrokenIndexError(f"the published pointer of the Milvus collection {name} is damaged") from exc
    return pointer


def repair(client: Any, name: str, index_dir: Path, live_generation: int) -> None:
    """Publish the local live build (generation `live_generation` of `name`) if a kill stopped its
    publishing: before this build deletes rows the readers of an older pointer still read."""
    from askisk.index.layout import current_build_dir

    if live_generation <= 0:
        return
    pointer = published(client, name)
    if pointer is not None and int(pointer["generation"]) >= live_generation:
        return
    build = current_build_dir(index_dir)
    if build is not None:
        publish(client, name, build)


def read_records(client: Any, name: str, where: str) -> tuple[dict[str, Any], dict[str, Any]]:
    """(pointer, records) of the published generation: records = {"corpus": ..., "pks": [...]}."""
    pointer = published(client, name)
    if pointer is None:
        raise BrokenIndexError(
            f"nothing is published in the Milvus collection {name} at {where}; {FIX_READER}"
        )
    generation, parts = int(pointer["generation"]), int(pointer["parts"])
    if parts > MAX_LIMIT:
        raise BrokenIndexError(f"the records of {name} are too large to load whole ({parts} chunks)")
    found = client.query(
        meta_name(name),
        filter=f"generation == {generation} and pk != {POINTER_PK}",
        output_fields=["pk", "data"],
        limit=max(parts, 1),
    )
    text = "".join(r["data"] for r in sorted(found, key=lambda r: int(r["pk"])))
    if len(found) != parts or hashlib.sha256(text.encode()).hexdigest() != pointer.get("sha256"):
        raise BrokenIndexError(
            f"the published records of generation {generation} of {name} are incomplete; {FIX_READER}"
        )
    return pointer, json.loads(text)
