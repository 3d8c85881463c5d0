"""Build the index: kb -> analysed sources -> embeddings -> a new build folder, switched in atomically.

The folder layout is `index.layout`. A build is written into a fresh folder beside the live one,
fsynced, and only then named in CURRENT, so a crash or kill at any moment leaves the previous build
whole; leftovers are cleared by the next build (the lock, naming, syncing and switching:
`index.build_folders`). Embeddings are reused by content hash, and unchanged
sources are not analysed again.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from askisk import faults
from askisk.config import DIMENSION, FORMAT_VERSION, MODEL_NAME, PIPELINE_VERSION, Paths, encoder_id
from askisk.errors import AskiskError, KnowledgeBaseError
from askisk.index import token_store
from askisk.index.build_folders import build_lock, clean_old_builds, fsync_tree, new_build_id, point_current
from askisk.index.layout import (
    BM25_CONTEXT_DIR,
    BM25_DIR,
    CORPUS,
    DENSE,
    EMBEDDINGS,
    MANIFEST,
    builds_dir,
    check_compatible,
    current_build_dir,
    read_manifest,
)
from askisk.index.records import doc_to_record, record_to_doc
from askisk.models import Attribution, BuildReport, Passage
from askisk.speakers.corpus import SourceDoc, analyse, retrieval_texts

if TYPE_CHECKING:
    import numpy as np

    from askisk.encoder.embeddings import Encoder
    from askisk.encoder.tokens import TokenVectors
    from askisk.index.protocol import BuildListener


def _file_hash(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _embed_hash(text: str, encoder: str) -> str:
    """The key a passage's vector is reused under: the encoder (`config.encoder_id`) and the text."""
    return hashlib.sha1(f"{encoder}\0{text}".encode()).hexdigest()


def _previous(index_dir: Path) -> tuple[dict[str, dict], dict[str, np.ndarray]]:
    """Records and embeddings of the live build, for reuse; nothing when it is absent or unusable."""
    import numpy as np

    try:
        build = current_build_dir(index_dir)
        if build is None:
            return {}, {}
        manifest = read_manifest(build)
        check_compatible(manifest)
        if manifest.get("pipeline_version") != PIPELINE_VERSION:
            return {}, {}
        corpus = json.loads((build / CORPUS).read_text(encoding="utf-8"))
        vectors = np.load(build / EMBEDDINGS, allow_pickle=False)
        hashes = corpus["embed_hashes"]
        if len(hashes) != len(vectors):
            return {}, {}
        by_hash = {h: vectors[i] for i, h in enumerate(hashes)}
        return {r["content_hash"]: r for r in corpus["sources"]}, by_hash
    except (AskiskError, OSError, ValueError, KeyError, TypeError):
        return {}, {}


@dataclass(frozen=True)
class BuildRows:
    """What a build writes, handed to a storage hook: the searchable rows in order, with their vectors."""

    build_id: str
    docs: list[SourceDoc]
    passages: list[Passage]
    attributions: list[Attribution]
    vectors: np.ndarray
    full: bool


# A storage hook writes the rows to an engine while the build folder is still hidden (`tmp`), and returns
# the manifest entry naming what it wrote; the build goes live only after it returns.
StoreHook = Callable[[Path, Path, BuildRows], dict[str, Any]]
# A publish hook runs once the build is live here (named in CURRENT), with its folder: it tells readers
# elsewhere (the Milvus store's readers that have only its URI). A failure there is said, not raised: the
# build is live, and the next build publishes it (`index.milvus_publish.repair`).
PublishHook = Callable[[Path], None]


def build_index(
    paths: Paths,
    encoder_factory: Callable[[], Encoder],
    *,
    full: bool = False,
    progress: BuildListener | None = None,
    hook: tuple[str, StoreHook] | None = None,
    publish: PublishHook | None = None,
) -> BuildReport:
    """Build or refresh the index. With `hook` = (name, write), the rows go to another engine through
    `write` and the build folder keeps records, embeddings and the query encoder but no FAISS/bm25 files;
    `publish` runs once the build is live."""
    from askisk.index.local import messages_only
    from askisk.sources.kb import kb_hash, read_source, source_files

    listener = progress or messages_only(lambda _msg: None)
    say, step = listener, listener.step

    def passage_encoder(build: Path, onnx: dict[str, Any] | None) -> Encoder:
        return _Counting(_passage_encoder(build, onnx, encoder_factory), step)

    started = time.perf_counter()
    with build_lock(paths.index):
        files = source_files(paths.kb)
        if not files:
            raise KnowledgeBaseError(
                f"the knowledge base {paths.kb} has no sources (*.md); add one with `askisk add`"
            )
        records_by_hash, vectors_by_hash = ({}, {}) if full else _previous(paths.index)
        docs: list[SourceDoc] = []
        for done, path in enumerate(files):
            step("reading sources", done, len(files))
            digest = _file_hash(path)
            if digest in records_by_hash and records_by_hash[digest]["path"] == str(path):
                docs.append(record_to_doc(records_by_hash[digest]))
            else:
                say(f"analysing {path.name}")
                docs.append(analyse(read_source(path)))
        _check_unique_ids(docs)
        build_id = new_build_id(paths.index)
        report = _write_build(
            paths,
            build_id,
            docs,
            [_file_hash(p) for p in files],
            kb_hash(paths.kb),
            vectors_by_hash,
            passage_encoder,
            say,
            started,
            hook,
            full,
            publish,
        )
        clean_old_builds(paths.index)
        return report


def _passage_encoder(build: Path, onnx: dict[str, Any] | None, fallback: Callable[[], Encoder]) -> Encoder:
    """The build's own ONNX export embeds the passages when it has one: the vectors of sentence-transformers
    (the export is checked against it) without importing torch. Otherwise `fallback`."""
    from askisk.encoder.embeddings import QUERY_ENCODER_ENV, forced_torch
    from askisk.encoder.onnx_runtime import OnnxUnavailable, load_onnx_encoder

    if onnx is None or forced_torch(os.environ.get(QUERY_ENCODER_ENV, "")):
        return fallback()
    try:
        return load_onnx_encoder(build, {"onnx": onnx}, threads=os.cpu_count() or 1)
    except (OnnxUnavailable, OSError, ValueError):
        return fallback()


class _Counting:
    """An encoder that encodes in chunks and reports each one to `step` (for a progress bar)."""

    def __init__(self, inner: Encoder, step: Callable[[str, int, int], None]) -> None:
        self._inner = inner
        self._step = step
        if hasattr(inner, "encode_with_tokens"):  # the ONNX encoder; sentence-transformers gives no pieces
            self.encode_with_tokens = self._counted_with_tokens

    def __getattr__(self, name: str) -> Any:
        return getattr(self._inner, name)

    def encode(self, texts: list[str], batch_size: int = 64) -> np.ndarray:
        import numpy as np

        parts = [self._inner.encode(part, batch_size=batch_size) for part in self._chunks(texts, batch_size)]
        return np.concatenate(parts) if parts else self._inner.encode(texts, batch_size=batch_size)

    def _counted_with_tokens(self, texts: list[str], batch_size: int = 64) -> tuple[np.ndarray, list[Any]]:
        """The inner encoder's vectors and word pieces, counted as `encode` counts."""
        import numpy as np

        both = self._inner.encode_with_tokens  # type: ignore[attr-defined]
        parts = [both(part, batch_size=batch_size) for part in self._chunks(texts, batch_size)]
        if not parts:
            return both(texts, batch_size=batch_size)
        return np.concatenate([v for v, _ in parts]), [p for _, pieces in parts for p in pieces]

    def _chunks(self, texts: list[str], batch_size: int) -> Iterator[list[str]]:
        """The texts in chunks of four batches, each reported to `step` before it is encoded."""
        chunk = batch_size * 4
        for start in range(0, len(texts), chunk):
            self._step("embedding", start, len(texts))
            yield texts[start : start + chunk]
        self._step("embedding", len(texts), len(texts))


def _check_unique_ids(docs: list[SourceDoc]) -> None:
    seen: dict[str, str] = {}
    for d in docs:
        if d.source.id in seen:
            raise KnowledgeBaseError(
                f"two sources share the id {d.source.id!r}: {seen[d.source.id]} and {d.source.path}"
            )
        seen[d.source.id] = d.source.path


def _write_build(
    paths: Paths,
    build_id: str,
    docs: list[SourceDoc],
    content_hashes: list[str],
    kb_digest: str,
    cached: dict[str, np.ndarray],
    passage_encoder: Callable[[Path, dict[str, Any] | None], Encoder],
    say: Callable[[str], None],
    started: float,
    hook: tuple[str, StoreHook] | None = None,
    full: bool = False,
    publish: PublishHook | None = None,
) -> BuildReport:
    import numpy as np

    from askisk.encoder import onnx_export
    from askisk.index import dense, lexical

    prepared = [row for d in docs for row in retrieval_texts(d)]  # (passage, embedded text, context words)
    texts = [embedded for _, embedded, _ in prepared]
    pairs = [(p, a) for d in docs for p, a in zip(d.passages, d.attributions, strict=True) if p.searchable]
    passages = [p for p, _ in pairs]
    encoder_name = encoder_id()
    hashes = [_embed_hash(t, encoder_name) for t in texts]
    missing = [i for i, h in enumerate(hashes) if h not in cached]
    vectors = np.zeros((len(texts), DIMENSION), dtype=np.float32)
    for i, h in enumerate(hashes):
        if h in cached:
            vectors[i] = cached[h]
    tmp = builds_dir(paths.index) / f".tmp-{build_id}"
    final = builds_dir(paths.index) / build_id
    tmp.mkdir(parents=True)
    try:
        onnx = onnx_export.export_for_build(tmp, _previous_export(paths.index), say)
        encoder: Encoder | None = None
        keep_tokens = hook is None and len(texts) <= token_store.TOKEN_LIMIT
        pieces: dict[str, TokenVectors] = {} if full or not keep_tokens else token_store.reusable(paths.index)
        if missing:
            say(f"embedding {len(missing)} passages ({len(texts) - len(missing)} reused)")
            encoder = passage_encoder(tmp, onnx)
            both = getattr(encoder, "encode_with_tokens", None) if keep_tokens else None
            if both is not None:  # the vectors and the word pieces from one pass of the encoder
                vectors[missing], fresh = both([texts[i] for i in missing])
                pieces.update((hashes[i], t) for i, t in zip(missing, fresh, strict=True))
            else:
                vectors[missing] = encoder.encode([texts[i] for i in missing])
        np.save(tmp / EMBEDDINGS, vectors, allow_pickle=False)
        if keep_tokens:
            token_store.write(tmp, texts, hashes, pieces, lambda: encoder or passage_encoder(tmp, onnx))
        stored: dict[str, Any] = {}
        if hook is None:
            dense.save(dense.build(vectors), tmp / DENSE)
            lexical.save(lexical.build([p.text for p in passages]), tmp / BM25_DIR)
            lexical.save(lexical.build([words for _, _, words in prepared]), tmp / BM25_CONTEXT_DIR)
        else:
            rows = BuildRows(build_id, docs, passages, [a for _, a in pairs], vectors, full)
            stored = {"store": hook[0], hook[0]: hook[1](paths.index, tmp, rows)}
        corpus = {
            "sources": [doc_to_record(d, h) for d, h in zip(docs, content_hashes, strict=True)],
            "embed_hashes": hashes,
            "rows": [p.id for p in passages],
        }
        _write_json(tmp / CORPUS, corpus)
        manifest = {
            "format_version": FORMAT_VERSION,
            "pipeline_version": PIPELINE_VERSION,
            "model": MODEL_NAME,
            "encoder": encoder_name,
            "dimension": DIMENSION,
            "passages": sum(len(d.passages) for d in docs),
            "searchable": len(passages),
            "sources": len(docs),
            "kb_hash": kb_digest,
            "built_at": time.strftime("%Y-%m-%dT%H:%M:%S%z"),
            "build_id": build_id,
            "dense_index": dense.describe(vectors.shape[0]) if hook is None else None,
            **stored,
            "onnx": onnx,
        }
        _write_json(tmp / MANIFEST, manifest)
        fsync_tree(tmp)
        os.rename(tmp, final)
        faults.point("before-switch")
        point_current(paths.index, build_id)
        faults.point("after-switch")
    except BaseException:
        shutil.rmtree(tmp, ignore_errors=True)
        raise
    if publish is not None:
        try:
            publish(final)
        except Exception as exc:
            first = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
            say(
                f"warning: the index is live here but not yet published to other readers ({first[:200]}); "
                "the next `askisk index` publishes it"
            )
    return BuildReport(
        sources=len(docs),
        passages=len(passages),
        embedded=len(missing),
        reused=len(texts) - len(missing),
        seconds=time.perf_counter() - started,
        build_id=build_id,
    )


def _previous_export(index_dir: Path) -> tuple[Path, dict[str, Any]] | None:
    """The live build and its ONNX entry, whose export a new build may reuse; None when unusable."""
    try:
        build = current_build_dir(index_dir)
        if build is None:
            return None
        info = read_manifest(build).get("onnx")
        return (build, info) if isinstance(info, dict) else None
    except AskiskError:  # a damaged pointer or manifest: the build being written replaces it
        return None


def _write_json(path: Path, data: Any) -> None:
    path.write_text(json.dumps(data, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")
