"""The synthetic kb of bench/scale_default.py, built by askisk's real build code: sources of 40 passages
(`synth_texts` of bench/scale.py), 3 invented speakers per source with 3 aliases each, half the passages
attributed to them, 40% carrying a context group, and clustered synthetic vectors handed to the build by a
stand-in encoder (`SyntheticEncoder`). `build_synthetic` writes the index with `index.build._write_build`
and a second, speaker-less copy beside it (`narration_index`), timing each build step (`Steps`).
"""

from __future__ import annotations

import gc
import hashlib
import json
import os
import random
import sys
import time
from dataclasses import replace
from pathlib import Path
from typing import Any

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent))
from scale import PeakRSS, _bisect, _names, synth_texts, synth_vectors  # noqa: E402

PER_SOURCE = 40
SPEAKERS_PER_SOURCE = 3
ATTRIBUTED = 0.5  # share of passages attributed to a speaker (the seed: 20 of 38 searchable)
CONTEXT_SHARE = 0.4  # share of passages whose pronouns stand for the source's named group
ROLES = ("expert", "analyst", "minister", "spokesman", "official", "researcher", "general", "governor")


# ---------------------------------------------------------------- synthetic sources


def synth_docs(count: int, seed: int = 0) -> tuple[list, list[str]]:
    """`count` passages as SourceDocs of PER_SOURCE passages each, and each source's content hash."""
    from askisk.models import NARRATION, Attribution, Paragraph, Passage, Source, Speaker
    from askisk.speakers.corpus import SourceDoc

    texts = synth_texts(count)
    names = _names(random.Random(0), max(1000, count // 5))  # the names synth_texts mixed into the text
    cum = list(
        np.cumsum([1 / (i + 1) for i in range(len(names))]) / sum(1 / (i + 1) for i in range(len(names)))
    )
    rng = random.Random(seed + 7)
    docs, hashes = [], []
    for s, first in enumerate(range(0, count, PER_SOURCE)):
        sentences = texts[first : first + PER_SOURCE]
        sid = f"synth-{s:06d}"
        speakers, lasts = [], []
        for _ in range(SPEAKERS_PER_SOURCE):
            given, last = rng.choice(names), names[_bisect(cum, rng.random())]
            role = rng.choice(ROLES)
            speakers.append(Speaker(f"{given} {last}", sid, (last, f"Dr. {last}", f"the {role}"), role))
            lasts.append(last)
        a, b, c = (names[_bisect(cum, rng.random())] for _ in range(3))
        group = f"{a} {b}; {(a[0] + b[0]).upper()}-{c[0]}"  # a named group and its acronym ("IS-K")
        title = " ".join(sentences[0].split()[:8]).strip(" .,;:")
        paragraphs, passages, attributions, contexts = [], [], [], []
        offset, position, number = 0, 0, 0
        while position < len(sentences):
            size = rng.randint(3, 5)
            chunk = sentences[position : position + size]
            number += 1
            text = " ".join(chunk)
            paragraphs.append(Paragraph(sid, number, text, offset, "body"))
            at = offset
            for sentence in chunk:
                digest = hashlib.sha1(sentence.encode()).hexdigest()[:8]
                pid = f"{sid}:{position:04d}:{digest}"
                passages.append(Passage(pid, sid, position, number, sentence, at, at + len(sentence), "body"))
                if rng.random() < ATTRIBUTED:
                    k = rng.randrange(SPEAKERS_PER_SOURCE)
                    kind = rng.choice(("quote", "reported"))
                    attributions.append(Attribution(speakers[k].name, kind, f"said {lasts[k]}"))
                else:
                    attributions.append(NARRATION)
                contexts.append(group if rng.random() < CONTEXT_SHARE else "")
                at += len(sentence) + 1
                position += 1
            offset += len(text) + 2
        body = "\n\n".join(p.text for p in paragraphs)
        source = Source(sid, title, f"synth/{sid}.md", body, outlet="Synthetic Wire", date="2024-01-01")
        docs.append(
            SourceDoc(
                source,
                tuple(paragraphs),
                tuple(passages),
                tuple(attributions),
                tuple(speakers),
                contexts=tuple(contexts),
                entities=(tuple(group.split("; ")),),
            )
        )
        hashes.append(hashlib.sha256(body.encode()).hexdigest())
    return docs, hashes


class SyntheticEncoder:
    """The passage encoder handed to the build: returns the precomputed synthetic vectors."""

    name = "synthetic-clustered"
    dimension = 384
    backend = "synthetic"

    def __init__(self, vectors: np.ndarray) -> None:
        self.vectors = vectors

    def encode(self, texts: list[str], batch_size: int = 64) -> np.ndarray:
        if len(texts) != len(self.vectors):
            raise ValueError(f"{len(texts)} texts for {len(self.vectors)} synthetic vectors")
        return self.vectors


# ---------------------------------------------------------------- building


class Steps:
    """Wraps build functions (module attributes) to record each call's seconds and peak RSS."""

    def __init__(self) -> None:
        self.rows: list[dict[str, Any]] = []
        self.originals: list[tuple[Any, str, Any]] = []

    def wrap(self, module: Any, attr: str, label: str, only=None) -> None:
        fn = getattr(module, attr)
        self.originals.append((module, attr, fn))
        calls = [0]

        def wrapped(*args, **kwargs):
            if only is not None and not only(args):
                return fn(*args, **kwargs)
            calls[0] += 1
            with PeakRSS() as m:
                out = fn(*args, **kwargs)
            name = label(calls[0], args) if callable(label) else label
            self.rows.append({"step": name, "seconds": round(m.seconds, 2), "peak_rss_mb": round(m.peak)})
            print(f"  {name}: {m.seconds:.1f} s, peak RSS {m.peak:.0f} MB", flush=True)
            return out

        setattr(module, attr, wrapped)

    def restore(self) -> None:
        for module, attr, fn in reversed(self.originals):
            setattr(module, attr, fn)


def build_synthetic(count: int, folder: Path, kb: Path) -> dict[str, Any]:
    from askisk.config import Paths
    from askisk.index import build as index_build
    from askisk.index import dense, lexical
    from askisk.index.build_folders import build_lock, new_build_id
    from askisk.sources.kb import kb_hash

    out: dict[str, Any] = {"passages": count}
    with PeakRSS() as m:
        docs, hashes = synth_docs(count)
        vectors, _ = synth_vectors(count, 1, "clustered")
    out["generate"] = {"seconds": round(m.seconds, 1), "peak_rss_mb": round(m.peak)}
    out["sources"] = len(docs)
    out["speakers"] = sum(len(d.speakers) for d in docs)
    print(f"[{count}] generated {len(docs)} sources in {m.seconds:.0f} s", flush=True)

    steps = Steps()
    steps.wrap(dense, "build", "dense.build")
    steps.wrap(dense, "save", "dense.save")
    steps.wrap(lexical, "build", lambda n, _a: "bm25.build" if n == 1 else "bm25_context.build")
    steps.wrap(lexical, "save", lambda _n, a: f"{Path(a[1]).name}.save")
    steps.wrap(index_build, "_write_json", lambda _n, a: f"{Path(a[0]).name} write")
    steps.wrap(index_build, "fsync_tree", "fsync")
    steps.wrap(np, "save", "embeddings.npy save", only=lambda a: str(a[0]).endswith("embeddings.npy"))
    from askisk.encoder import onnx_export

    steps.wrap(onnx_export, "export_for_build", "onnx export (reused)")
    index = folder / "speakers"
    paths = Paths(kb, index)
    encoder = SyntheticEncoder(vectors)
    with PeakRSS() as m, build_lock(index):
        build_id = new_build_id(index)
        index_build._write_build(
            paths,
            build_id,
            docs,
            hashes,
            kb_hash(kb),
            {},
            lambda _build, _onnx, synthetic=encoder: synthetic,
            lambda msg: print(f"  build: {msg}", flush=True),
            time.perf_counter(),
            full=True,
        )
    steps.restore()
    out["build"] = {"seconds": round(m.seconds, 1), "peak_rss_mb": round(m.peak), "steps": steps.rows}
    del encoder, vectors
    gc.collect()
    build = index / "builds" / build_id
    manifest = json.loads((build / "manifest.json").read_text())
    out["dense_index"] = manifest["dense_index"]
    out["files_mb"] = file_sizes(build)
    print(f"[{count}] built in {m.seconds:.0f} s: {out['files_mb']}", flush=True)

    t = time.perf_counter()
    narration_index(docs, hashes, build, folder / "narration")
    out["narration_corpus_s"] = round(time.perf_counter() - t, 1)
    del docs
    gc.collect()
    return out


def narration_index(docs: list, hashes: list[str], build: Path, index: Path) -> None:
    """The same sources with every passage narration and no speakers: a build folder of hard links to
    `build`'s files but for corpus.json, written as `index.build._write_build` writes it."""
    from askisk.config import encoder_id
    from askisk.index.build import _embed_hash, _write_json
    from askisk.index.records import doc_to_record
    from askisk.models import NARRATION
    from askisk.speakers.corpus import retrieval_texts

    target = index / "builds" / build.name
    target.mkdir(parents=True)
    for path in build.rglob("*"):
        dest = target / path.relative_to(build)
        if path.is_dir():
            dest.mkdir(exist_ok=True)
        elif path.name != "corpus.json":
            os.link(path, dest)
    plain = [replace(d, attributions=(NARRATION,) * len(d.passages), speakers=()) for d in docs]
    name = encoder_id()
    prepared = [row for d in plain for row in retrieval_texts(d)]
    corpus = {
        "sources": [doc_to_record(d, h) for d, h in zip(plain, hashes, strict=True)],
        "embed_hashes": [_embed_hash(text, name) for _, text, _ in prepared],
        "rows": [p.id for p, _, _ in prepared],
    }
    _write_json(target / "corpus.json", corpus)
    (index / "CURRENT").write_text(build.name + "\n")


def file_sizes(build: Path) -> dict[str, float]:
    sizes = {}
    for path in sorted(build.iterdir()):
        files = [path] if path.is_file() else [p for p in path.rglob("*") if p.is_file()]
        sizes[path.name] = round(sum(p.stat().st_size for p in files) / 2**20, 1)
    sizes["total"] = round(sum(sizes.values()), 1)
    return sizes
