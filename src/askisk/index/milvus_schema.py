"""Milvus, the engine side: store URIs, the client, the collection schema and its version check.

One collection per kb (its name derived from the kb path). Each row is one searchable passage:
pk (int64 primary key, stable while the passage is unchanged), passage id, text, terms (our tokens,
joined so that the standard tokenizer keeps each whole; a BM25 function turns them into the `sparse`
field), context_terms (the same for the sentence with its context, `speakers.corpus.lexical_text`; a
second BM25 function makes `context_sparse`), speaker, attribution kind, source id, date, paragraph,
the dense vector, and the generations it is visible in (floor <= born <= g < died; see
`index.milvus_write`). A collection property (askisk.meta) records the schema format, model, dimension
and pipeline version; a collection written by another version is refused with one line.

pymilvus (and grpc under it) is imported here only, and only when a Milvus store is chosen.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import re
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from askisk.config import DIMENSION, MODEL_NAME, PIPELINE_VERSION
from askisk.errors import AskiskError, BrokenIndexError, InputError

STORE = "milvus"  # the backend's name in manifests
TOKEN_ENV = "ASKISK_MILVUS_TOKEN"
COLLECTION_ENV = "ASKISK_MILVUS_COLLECTION"  # the collection to use, else `?collection=` in the URI
# 2: the context BM25 (context_terms -> context_sparse); 3: index params reach Milvus Lite; 4: the meta
# collection (`index.milvus_publish`: the live generation and the records, for readers with only the URI)
SCHEMA_FORMAT = 4
NEVER = 2**62  # `died` of a row no build has removed
GEN_SHIFT = 32  # pk = generation << GEN_SHIFT | position among the rows that generation inserted
TEXT_BYTES = 60_000  # under Milvus's VARCHAR limit of 65,535 bytes
FLAT_UP_TO = 100_000  # exact search below this many rows; an approximate index above
MAX_LIMIT = 16_384  # Milvus's largest top-k
# k1 and b as the local store's bm25s (index.lexical); Milvus scores tf * (k1 + 1) / (...), bm25s
# ("lucene") tf / (...), so a Milvus score divided by BM25_SCALE is on the local scale (MIN_BM25 holds)
BM25_K1 = 1.2
BM25_B = 0.75
BM25_SCALE = BM25_K1 + 1.0
META_KEY = "askisk.meta"  # collection property holding expected_meta() as JSON
FIX = "run `askisk index --full` to rebuild it"
# Milvus Lite serves in-process, so keep-alive pings guard against no dead peer; they only cost. pymilvus
# pings every 10 s (5 s to answer), Lite's server allows a ping every 5 min without data, and one call can
# build a dense index for many minutes (1M rows): a ping that goes unanswered in time, or one too many
# (GOAWAY "too_many_pings"), drops the connection mid-call and pymilvus re-sends the call (docs/milvus.md).
LITE_GRPC = {"grpc.keepalive_time_ms": 2**31 - 1, "grpc.keepalive_permit_without_calls": False}
# Milvus Lite 3.2.2 lists an index under its field's name but drops one by "<field>_idx" only; any other
# name drops every index of the collection (the BM25 ones too, whose k1 and b then fall back to Lite's)
LITE_DENSE_INDEX = "dense_idx"
INDEX_WAIT_S = 1.0  # poll interval while a server builds an index
COLLECTION_RE = re.compile(r"[A-Za-z_][A-Za-z0-9_]{0,199}")  # Milvus allows 255; "_meta" is appended


@dataclass(frozen=True)
class Target:
    """Where the engine is: a Milvus Lite file, or a server by URI (token from ASKISK_MILVUS_TOKEN)."""

    uri: str  # as the user wrote it, without `?collection=`; recorded in the manifest
    client_uri: str  # as pymilvus wants it
    lite: bool
    collection: str | None = None  # from configuration; None: derived from the kb path

    def collection_for(self, kb: Path) -> str:
        return self.collection or collection_name(kb)


def parse_target(uri: str) -> Target:
    uri, _, query = uri.partition("?")
    collection = _collection_setting(uri, query)
    if uri.startswith("milvus-lite://"):
        path = uri[len("milvus-lite://") :]
        if not path or not path.endswith(".db"):
            raise InputError(f"malformed store {uri!r}: use milvus-lite:///path/to/askisk.db")
        file = Path(path).expanduser().absolute()
        return Target(f"milvus-lite://{file}", str(file), True, collection)
    if uri.startswith(("http://", "https://")) and len(uri.split("://", 1)[1]) > 0:
        return Target(uri, uri, False, collection)
    raise InputError(f"malformed store {uri!r}: use milvus-lite:///path/to/askisk.db or http://host:19530")


def _collection_setting(uri: str, query: str) -> str | None:
    """The collection named by `?collection=NAME` or $ASKISK_MILVUS_COLLECTION (the URI wins), checked."""
    from urllib.parse import parse_qs

    try:
        options = parse_qs(query, keep_blank_values=True, strict_parsing=bool(query))
    except ValueError:
        options = {"": [query]}
    unknown = sorted(set(options) - {"collection"})
    if unknown:
        raise InputError(f"malformed store {uri!r}: unknown option {unknown[0]!r} (only ?collection=NAME)")
    name = (options.get("collection") or [os.environ.get(COLLECTION_ENV, "")])[-1].strip()
    if not name:
        return None
    if not COLLECTION_RE.fullmatch(name):
        raise InputError(
            f"malformed collection name {name!r}: a letter or _, then letters, digits or _ (at most 200)"
        )
    return name


def collection_name(kb: Path) -> str:
    """A valid collection name (letters, digits, underscores) that is the same for the same kb folder."""
    return "askisk_" + hashlib.sha1(str(kb.absolute()).encode()).hexdigest()[:16]


def expected_meta() -> dict[str, Any]:
    return {
        "askisk_schema": SCHEMA_FORMAT,
        "model": MODEL_NAME,
        "dimension": DIMENSION,
        "pipeline_version": PIPELINE_VERSION,
    }


_lite_users: dict[str, int] = {}  # open clients per Milvus Lite file in this process
LITE_WAIT_SECONDS = 5.0


def connect(target: Target) -> Any:
    """A client for the target. Milvus Lite serves a file to one process at a time: a file held by
    another process is waited for briefly, then refused with one line."""
    # grpc's C core logs keep-alive chatter with Milvus Lite ("too_many_pings") straight to stderr
    os.environ.setdefault("GRPC_VERBOSITY", "NONE")
    try:
        from pymilvus import MilvusClient
    except ImportError as exc:
        raise AskiskError(
            "the Milvus store needs pymilvus: pip install 'askisk[milvus]' (or choose --store local)"
        ) from exc
    _quiet_logs()
    if target.lite:
        Path(target.client_uri).parent.mkdir(parents=True, exist_ok=True)
        _wait_for_lite(target)
    try:
        client = MilvusClient(
            uri=target.client_uri,
            token=os.environ.get(TOKEN_ENV, ""),
            grpc_options=LITE_GRPC if target.lite else {},
        )
    except Exception as exc:  # grpc / lite start-up errors come in many types; the user needs the place
        first = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
        raise AskiskError(f"cannot reach the Milvus store {target.uri}: {first[:200]}") from exc
    if target.lite:
        _lite_users[target.client_uri] = _lite_users.get(target.client_uri, 0) + 1
    return client


def disconnect(client: Any, target: Target) -> None:
    """Close the client; the last one on a Milvus Lite file stops its server and frees the file."""
    with contextlib.suppress(Exception):
        client.close()
    if not target.lite:
        return
    left = _lite_users.get(target.client_uri, 0) - 1
    if left > 0:
        _lite_users[target.client_uri] = left
        return
    _lite_users.pop(target.client_uri, None)
    from milvus_lite.server_manager import server_manager_instance

    server_manager_instance.release_server(target.client_uri)


def _wait_for_lite(target: Target) -> None:
    import fcntl

    if _lite_users.get(target.client_uri):
        return  # served by this process already
    lock = Path(target.client_uri) / "LOCK"  # milvus_lite.db.LOCK_FILENAME
    if not lock.exists():
        return
    deadline = time.monotonic() + LITE_WAIT_SECONDS
    with open(lock, "a+") as handle:
        while True:
            try:
                fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
                fcntl.flock(handle, fcntl.LOCK_UN)
                return
            except BlockingIOError:
                if time.monotonic() >= deadline:
                    raise AskiskError(
                        f"the Milvus Lite store {target.uri} is open in another process (Milvus Lite "
                        "serves one process at a time); close that askisk, or use a Milvus server"
                    ) from None
                time.sleep(0.2)


def _quiet_logs() -> None:
    """pymilvus and grpc log failed calls (and Milvus Lite's unimplemented ones) at ERROR on stderr; an
    error that matters reaches the user once, as an AskiskError."""
    import logging

    for name in ("pymilvus", "grpc", "milvus_lite"):
        logging.getLogger(name).setLevel(logging.CRITICAL)


def check_collection(client: Any, name: str, where: str) -> None:
    """Refuse, with the fix, a missing collection or one written by another schema, model or pipeline."""
    if not client.has_collection(name):
        raise BrokenIndexError(f"the Milvus store {where} has no collection {name}; {FIX}")
    meta = _meta(client, name)
    want = expected_meta()
    if meta != want:
        diff = ", ".join(f"{k} {meta.get(k)} (not {v})" for k, v in want.items() if meta.get(k) != v)
        raise BrokenIndexError(f"the Milvus collection {name} in {where} was written with {diff}; {FIX}")
    client.load_collection(name)  # a no-op when loaded; Milvus Lite starts each process with it released


def _meta(client: Any, name: str) -> dict[str, Any]:
    recorded = (client.describe_collection(name).get("properties") or {}).get(META_KEY, "")
    try:
        meta = json.loads(recorded)
    except ValueError:
        return {}
    return meta if isinstance(meta, dict) else {}


def ensure_collection(client: Any, name: str, where: str, *, replace: bool, lite: bool) -> bool:
    """The collection ready for writing; True when it was (re)created empty. A foreign one is refused,
    or dropped when `replace` (a full rebuild)."""
    if client.has_collection(name):
        try:
            check_collection(client, name, where)
            return False
        except BrokenIndexError:
            if not replace:
                raise
            client.drop_collection(name)
    create(client, name, lite=lite)
    return True


def add_index(params: Any, field_name: str, index_type: str, metric: str, build: dict[str, Any]) -> None:
    """Add an index to pymilvus `IndexParams` with its build parameters nested under `params`.

    pymilvus 3 flattens `add_index(params={...})` into top-level keys ("bm25_k1": "1.2"); Milvus Lite
    3.2.2 reads build parameters only from a nested `params` (JSON), ignores the rest and silently
    builds with its defaults: BM25 k1 1.5 instead of 1.2, IVF_FLAT nlist 128 whatever the size (its HNSW
    defaults happen to be ours). The nested form is pymilvus's ORM form; a server's proxy merges a `params`
    JSON key into the index parameters too (`parseIndexParams`, internal/proxy/task_index.go).
    """
    params.add_index(
        field_name=field_name,
        index_type=index_type,
        metric_type=metric,
        params={"params": dict(build)} if build else None,
    )


def _index_sync(lite: bool) -> dict[str, Any]:
    """pymilvus waits for an index by sleeping 0.5 s before each poll of its state; Milvus Lite builds an
    index synchronously (its state is always Finished), so that wait is only dead time there."""
    return {"sync": False} if lite else {}


def create(client: Any, name: str, *, lite: bool) -> None:
    """A new, empty, loaded collection with askisk's schema, version property and indexes."""
    from pymilvus import DataType, Function, FunctionType, MilvusClient

    schema = MilvusClient.create_schema(auto_id=False, enable_dynamic_field=False)
    schema.add_field("pk", DataType.INT64, is_primary=True)
    schema.add_field("passage_id", DataType.VARCHAR, max_length=512)
    schema.add_field("text", DataType.VARCHAR, max_length=65_535)
    schema.add_field(
        "terms",
        DataType.VARCHAR,
        max_length=65_535,
        enable_analyzer=True,
        analyzer_params={"tokenizer": "standard"},
    )
    schema.add_field("sparse", DataType.SPARSE_FLOAT_VECTOR)
    schema.add_field(
        "context_terms",
        DataType.VARCHAR,
        max_length=65_535,
        enable_analyzer=True,
        analyzer_params={"tokenizer": "standard"},
    )
    schema.add_field("context_sparse", DataType.SPARSE_FLOAT_VECTOR)
    schema.add_field("speaker", DataType.VARCHAR, max_length=1024)
    schema.add_field("kind", DataType.VARCHAR, max_length=32)
    schema.add_field("source_id", DataType.VARCHAR, max_length=512)
    schema.add_field("date", DataType.VARCHAR, max_length=32)
    schema.add_field("paragraph", DataType.INT64)
    schema.add_field("born", DataType.INT64)
    schema.add_field("died", DataType.INT64)
    schema.add_field("dense", DataType.FLOAT_VECTOR, dim=DIMENSION)
    params = client.prepare_index_params()
    add_index(params, "dense", "FLAT", "IP", {})
    for source, sparse in (("terms", "sparse"), ("context_terms", "context_sparse")):
        schema.add_function(
            Function(
                name=f"{source}_bm25",
                function_type=FunctionType.BM25,
                input_field_names=[source],
                output_field_names=[sparse],
            )
        )
        add_index(params, sparse, "SPARSE_INVERTED_INDEX", "BM25", {"bm25_k1": BM25_K1, "bm25_b": BM25_B})
    client.create_collection(
        name,
        schema=schema,
        consistency_level="Strong",
        properties={META_KEY: json.dumps(expected_meta())},
    )
    client.create_index(name, params, **_index_sync(lite))
    client.load_collection(name)


def dense_index_for(rows: int, lite: bool) -> dict[str, Any]:
    """The dense index for a collection of this size: exact (FLAT) while small; IVF_FLAT (Milvus Lite) or
    HNSW (a server) above FLAT_UP_TO rows."""
    if rows <= FLAT_UP_TO:
        return {"index_type": "FLAT", "params": {}}
    if lite:
        return ivf_flat_for(rows)
    return {"index_type": "HNSW", "params": {"M": 16, "efConstruction": 200}, "search": {"ef": 128}}


def ivf_flat_for(rows: int) -> dict[str, Any]:
    """IVF_FLAT sized for `rows`: nlist 4·√n, a quarter of the lists probed (recall@10 0.984 on 33k real
    sentence embeddings; a sixteenth gave 0.916, as for the local store's IVF: docs/milvus.md)."""
    nlist = int(4 * rows**0.5)
    return {"index_type": "IVF_FLAT", "params": {"nlist": nlist}, "search": {"nprobe": max(16, nlist // 4)}}


def reindex_dense(client: Any, name: str, choice: dict[str, Any], *, lite: bool) -> None:
    """Swap the dense index for `choice` when the current one is another type; return once it is built."""
    current = client.describe_index(name, "dense") or {}
    if current.get("index_type") == choice["index_type"]:
        return
    client.release_collection(name)
    client.drop_index(name, LITE_DENSE_INDEX if lite else "dense")
    params = client.prepare_index_params()
    add_index(params, "dense", choice["index_type"], "IP", choice["params"])
    try:
        client.create_index(name, params, **_index_sync(lite))
    except Exception as exc:
        # pymilvus re-sends a call whose connection dropped (no deadline is set: a deadline would abort
        # the build instead); on Milvus Lite the re-sent call waits for the first one's build and then
        # meets its index. That index is ours when it has the type and parameters we asked for.
        if "already exists" not in str(exc) or not _is_index(client, name, choice):
            raise
    if not lite:
        _wait_built(client, name)
    client.load_collection(name)


def _is_index(client: Any, name: str, choice: dict[str, Any]) -> bool:
    """Whether the dense index is `choice` (type and every build parameter)."""
    info = client.describe_index(name, "dense") or {}
    if info.get("index_type") != choice["index_type"]:
        return False
    nested = info.get("params") or {}
    if isinstance(nested, str):  # a server may report the nested parameters as JSON
        with contextlib.suppress(ValueError):
            nested = json.loads(nested)
    built = {**info, **nested} if isinstance(nested, dict) else info
    return all(str(built.get(key)) == str(value) for key, value in choice["params"].items())


def _wait_built(client: Any, name: str) -> None:
    """Wait until a server has built the dense index (Milvus Lite builds inside create_index)."""
    while True:
        state = (client.describe_index(name, "dense") or {}).get("state", "Finished")
        if state == "Finished":
            return
        if state == "Failed":
            raise BrokenIndexError(f"Milvus failed to build the dense index of {name}; {FIX}")
        time.sleep(INDEX_WAIT_S)


def clip(text: str) -> str:
    """Text cut to what a VARCHAR field holds."""
    raw = text.encode("utf-8")
    return text if len(raw) <= TEXT_BYTES else raw[:TEXT_BYTES].decode("utf-8", "ignore")


def terms(text: str) -> str:
    """Our tokens (the local store's: stems, stop words, hyphenated names) as text Milvus's standard
    tokenizer splits back into exactly these tokens (it would split "is-k"; "is_k" stays whole)."""
    from askisk.index.lexical import tokenize

    return clip(" ".join(t.replace("-", "_") for t in tokenize(text)))


def in_filter(field_name: str, values: list) -> str:
    """`field in [...]` with the values as JSON literals (Milvus's string syntax; quotes escaped)."""
    return f"{field_name} in {json.dumps(values, ensure_ascii=False)}"
