"""Which storage backend a store URI names, in one place: `local` (the default: FAISS + bm25s files),
`milvus-lite:///path/askisk.db` (Milvus Lite in a local file) or `http(s)://host:19530` (a Milvus server;
token from ASKISK_MILVUS_TOKEN). Chosen by `--store URI`, else ASKISK_STORE. The Milvus backend (and
pymilvus under it) is imported only when a Milvus store is chosen."""

from __future__ import annotations

import os
from typing import TYPE_CHECKING

from askisk.errors import InputError

if TYPE_CHECKING:
    from askisk.index.protocol import Backend

STORE_ENV = "ASKISK_STORE"
LOCAL_NAMES = ("", "local")


def backend_for(uri: str | None = None) -> Backend:
    chosen = (uri if uri is not None else os.environ.get(STORE_ENV, "")).strip()
    if chosen in LOCAL_NAMES:
        from askisk.index.local import LOCAL

        return LOCAL
    if chosen.startswith(("milvus-lite://", "http://", "https://")):
        from askisk.index.milvus import MilvusBackend

        return MilvusBackend(chosen)
    raise InputError(
        f"unknown store {chosen!r}: use local, milvus-lite:///path/to/askisk.db or http://host:19530"
    )
