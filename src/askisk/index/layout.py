"""The index folder on disk, in one place: file names, the live build, the manifest, compatibility.

Layout of the index folder:
    CURRENT              name of the live build (switched with an atomic rename)
    builds/<build id>/   manifest.json, corpus.json, embeddings.npy, dense.faiss, bm25/, model.onnx
    .lock                held while a build runs; a second build waits, then refuses

Reads only: building is `index.build`, loading for search is `index.load`. Every reader of the manifest
goes through `read_manifest`, so a damaged one is refused with the same sentence everywhere.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from askisk.config import (
    DIMENSION,
    ENCODER_ENV,
    FORMAT_VERSION,
    MODEL_NAME,
    PIPELINE_VERSION,
    Paths,
    encoder_id,
)
from askisk.errors import BrokenIndexError

MANIFEST = "manifest.json"
CORPUS = "corpus.json"
EMBEDDINGS = "embeddings.npy"
DENSE = "dense.faiss"
BM25_DIR = "bm25"
BM25_CONTEXT_DIR = "bm25_context"  # sentences with their context (speakers.corpus.lexical_text)


# the fields whose type the stale check relies on (bool is an int to isinstance, and never valid here)
MANIFEST_TYPES: dict[str, type | tuple[type, ...]] = {
    "kb_hash": str,
    "build_id": str,
    "model": str,
    "format_version": int,
    "pipeline_version": int,
    "dimension": int,
}


@dataclass(frozen=True)
class IndexState:
    exists: bool
    stale: bool
    reason: str | None
    manifest: dict[str, Any] | None
    reader: bool = False  # the build another askisk published (`index.milvus`): reloaded, never built here


def builds_dir(index_dir: Path) -> Path:
    return index_dir / "builds"


def current_build_dir(index_dir: Path) -> Path | None:
    try:
        name = (index_dir / "CURRENT").read_text(encoding="utf-8").strip()
    except FileNotFoundError:
        return None
    if not name or "/" in name or name.startswith("."):
        raise BrokenIndexError(f"index pointer {index_dir / 'CURRENT'} is damaged; run `askisk index --full`")
    return builds_dir(index_dir) / name


def read_manifest(build_dir: Path) -> dict[str, Any]:
    try:
        manifest = json.loads((build_dir / MANIFEST).read_text(encoding="utf-8"))
    except FileNotFoundError as exc:
        raise BrokenIndexError(
            f"index build {build_dir.name} has no manifest; run `askisk index --full`"
        ) from exc
    except (json.JSONDecodeError, UnicodeDecodeError) as exc:
        raise BrokenIndexError(
            f"index manifest in {build_dir} is damaged; run `askisk index --full`"
        ) from exc
    if not isinstance(manifest, dict):
        raise BrokenIndexError(f"index manifest in {build_dir} is damaged; run `askisk index --full`")
    return manifest


def check_compatible(manifest: dict[str, Any]) -> None:
    if manifest.get("format_version") != FORMAT_VERSION:
        raise BrokenIndexError(
            f"index format {manifest.get('format_version')} is not {FORMAT_VERSION}; "
            "run `askisk index --full`"
        )
    if manifest.get("model") != MODEL_NAME or manifest.get("dimension") != DIMENSION:
        raise BrokenIndexError(
            f"index was built with model {manifest.get('model')} ({manifest.get('dimension')} dims), "
            f"not {MODEL_NAME} ({DIMENSION}); run `askisk index --full`"
        )


def index_state(paths: Paths, kb_hash: str, store: str = "local") -> IndexState:
    """Is there a usable index for `store`, and does it reflect the kb as it is now?"""
    build = current_build_dir(paths.index)
    if build is None or not build.is_dir():
        return IndexState(False, True, "no index yet", None)
    manifest = read_manifest(build)
    wrong = [k for k, kind in MANIFEST_TYPES.items() if not isinstance(manifest.get(k), kind)]
    if wrong:
        return IndexState(
            True,
            True,
            f"the index manifest is damaged ({', '.join(wrong)} missing or of the wrong type)",
            manifest,
        )
    built_for = manifest.get("store", "local")
    if built_for != store:
        return IndexState(True, True, f"the index was built for the {built_for} store", manifest)
    if manifest.get("kb_hash") != kb_hash:
        return IndexState(True, True, "the knowledge base changed since the index was built", manifest)
    if manifest.get("pipeline_version") != PIPELINE_VERSION:
        return IndexState(True, True, "the index was built by an older askisk", manifest)
    if manifest.get("encoder", MODEL_NAME) != encoder_id():  # indexes from before the setting: stock
        return IndexState(True, True, f"the index was built with another encoder (${ENCODER_ENV})", manifest)
    return IndexState(True, False, None, manifest)
