"""Warm `ask` latency of askisk's default search configuration, end to end, on 100k / 1M synthetic passages.

What is measured: `Askisk.ask(question)` through the service facade with the default configuration
(`search.fusion.DEFAULT_CONFIG`: dense + context BM25, answer types, theoretical min-max, source support,
MaxSim when the build keeps word pieces, i.e. at most `token_store.TOKEN_LIMIT` passages, and the
connective continuation step), in a fresh process per index: load once (`store(refresh=False)` and the
query encoder), 10 warm-up asks, then one timed ask per question with the query-vector cache (and the
store's last-BM25 memo) cleared, as bench/default_path.py and bench/query_path.py time warm asks. A second,
instrumented pass over the same questions gives a breakdown (encode, speaker detection, dense top-k, BM25
top-k, the fusion steps). Reported: build seconds and peak RSS per build step, index file sizes, load time,
query-process RSS, the first (cold) ask, and p50/p95 per question set: the real questions of
kb/eval/queries.jsonl and `synth_questions` of bench/scale.py. The seed index (./index, read only) is
measured in the same run for comparison.

What is synthetic: the passages (one sentence each, `synth_texts` of bench/scale.py: a word-bigram chain
over the seed article with invented Zipf names), grouped into sources of 40 passages and paragraphs of 3-5
sentences; the speaker analysis (no spaCy: each source gets 3 invented speakers, "First Last" with the
aliases "Last", "Dr. Last" and "the <role>", and half its passages are attributed to them as quotes or
reported speech, close to the seed's 20 attributed passages of 38; 40% of passages carry a context group
"Name Name; AB-C"); and the passage vectors (`synth_vectors` "clustered", unit float32, 384-d: embedding
1M texts takes hours on this CPU), handed to the build by an encoder object whose `encode` returns them.
Because the number of speakers changes the query path (`speakers_in_query` matches every alias of every
speaker on each ask), a second index of each size holds the same sources with every passage narration
and no speakers: its dense/BM25 files are hard links to the first's, and its corpus.json is written by
`index.records.doc_to_record` as the build would write it.

What is real: everything else. The build is `index.build._write_build` (dense index type chosen by
`dense.describe` for the size, FAISS build, BM25 over the sentences and over their context text,
corpus.json, manifest, ONNX export reused from the user cache, CURRENT); the index is opened by
`Askisk(Paths(kb, index)).store(refresh=False)` through the local backend's `load_index`; questions are
encoded by the build's ONNX export (the real query encoder); `ask` runs unchanged. The kb folder the
synthetic index is opened with is an empty folder whose kb hash the manifest records; the query processes
open every index with `refresh=False`, so nothing is rebuilt (nor ./index touched) if it counts as stale.

    nice -n 5 .venv/bin/python bench/scale_default.py --size 100000 \\
        --out bench/results/scale-default-100k.json
    nohup nice -n 5 .venv/bin/python bench/scale_default.py --size 1000000 --clean \\
        --out bench/results/scale-default-1m.json > /tmp/s51bench/scale-default-1m.log 2>&1 &

Index folders go under --workdir (default /tmp/s51bench/n<size>/); --clean removes them at the end.
"""

from __future__ import annotations

import argparse
import gc
import hashlib
import json
import os
import random
import shutil
import subprocess
import sys
import time
from dataclasses import replace
from pathlib import Path
from typing import Any

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent))
from scale import PeakRSS, _bisect, _names, synth_questions, synth_texts, synth_vectors  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
WARMUP = 10
PER_SOURCE = 40
SPEAKERS_PER_SOURCE = 3
ATTRIBUTED = 0.5  # share of passages attributed to a speaker (the seed: 20 of 38 searchable)
CONTEXT_SHARE = 0.4  # share of passages whose pronouns stand for the source's named group
ROLES = ("expert", "analyst", "minister", "spokesman", "official", "researcher", "general", "governor")
SIGNALS = (
    "encode",
    "speakers",
    "fused",
    "dense_top",
    "bm25_top",
    "dense_rows",
    "bm25_rows",
    "types",
    "source",
    "continuation",
)


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


# ---------------------------------------------------------------- the query process


def rss() -> dict[str, float]:
    with open("/proc/self/status") as f:
        status = dict(line.split(":", 1) for line in f)
    return {
        "rss_mb": round(int(status["VmRSS"].split()[0]) / 1024, 1),
        "peak_mb": round(int(status["VmHWM"].split()[0]) / 1024, 1),
    }


def pct(values: list[float]) -> dict[str, float]:
    a = np.array(values)
    return {
        "p50_ms": round(float(np.percentile(a, 50)), 2),
        "p95_ms": round(float(np.percentile(a, 95)), 2),
        "mean_ms": round(float(a.mean()), 2),
        "n": len(values),
    }


def instrument(service: Any, timings: dict[str, float]) -> None:
    """Time the steps of `ask` into `timings` (ms, summed per question); for the breakdown pass only."""
    from askisk.index.load import LoadedIndex
    from askisk.search import continuation, fusion, learned

    def timed(owner: Any, attr: str, key: str) -> None:
        fn = getattr(owner, attr)

        def wrapped(*args, **kwargs):
            t = time.perf_counter()
            try:
                return fn(*args, **kwargs)
            finally:
                timings[key] = timings.get(key, 0.0) + (time.perf_counter() - t) * 1e3

        setattr(owner, attr, wrapped)

    timed(service, "embed_query_tokens", "encode")
    timed(fusion, "speakers_in_query", "speakers")
    timed(fusion, "fused_scores", "fused")
    timed(LoadedIndex, "dense_top", "dense_top")
    timed(LoadedIndex, "lexical_top", "bm25_top")
    timed(LoadedIndex, "dense_scores", "dense_rows")
    timed(LoadedIndex, "lexical_scores", "bm25_rows")
    timed(learned, "type_match", "types")
    timed(fusion, "_best_other_of_source", "source")
    timed(continuation, "previous_scores", "continuation")


def worker(kb: Path, index: Path, questions: Path, count: int) -> dict[str, Any]:
    from askisk.config import Paths
    from askisk.service import Askisk

    out: dict[str, Any] = {"kb": str(kb), "index": str(index), "before_load": rss()}
    t = time.perf_counter()
    service = Askisk(Paths(kb, index))
    store = service.store(refresh=False)
    out["load_s"] = round(time.perf_counter() - t, 2)
    t = time.perf_counter()
    encoder = service.encoder()
    out["encoder_load_s"] = round(time.perf_counter() - t, 2)
    out["encoder"] = encoder.backend
    out["after_load"] = rss()
    out["rows"] = len(store.rows)
    out["speakers"] = len(store.speakers)
    out["dense_index"] = store.manifest.get("dense_index")
    out["maxsim_available"] = store.tokens is not None
    sets = json.loads(questions.read_text())
    t = time.perf_counter()
    service.ask(sets["eval"][0])
    out["first_ask_ms"] = round((time.perf_counter() - t) * 1e3, 1)

    def ask(q: str):
        service._query_vectors.clear()  # time the encoder, not the query cache
        store._last_bm25 = None  # nor the BM25 scores of the question before
        return service.ask(q)

    for name, qs in sets.items():
        qs = qs[: WARMUP + count]
        for q in qs[:WARMUP]:
            ask(q)
        times, found = [], 0
        for q in qs[WARMUP:]:
            t = time.perf_counter()
            answer = ask(q)
            times.append((time.perf_counter() - t) * 1e3)
            found += answer.found
        out[name] = {**pct(times), "answered": found}
    timings: dict[str, float] = {}
    instrument(service, timings)
    for name, qs in sets.items():
        per: dict[str, list[float]] = {key: [] for key in (*SIGNALS, "ask")}
        for q in qs[WARMUP : WARMUP + count]:
            timings.clear()
            t = time.perf_counter()
            ask(q)
            timings["ask"] = (time.perf_counter() - t) * 1e3
            for key in per:
                per[key].append(timings.get(key, 0.0))
        steps = ("dense_top", "bm25_top", "dense_rows", "bm25_rows", "types", "source", "continuation")
        per["fusion_rest"] = [per["fused"][i] - sum(per[k][i] for k in steps) for i in range(len(per["ask"]))]
        per["ask_rest"] = [
            per["ask"][i] - per["encode"][i] - per["speakers"][i] - per["fused"][i]
            for i in range(len(per["ask"]))
        ]
        out[f"{name}_breakdown"] = {
            key: {"p50_ms": round(float(np.median(v)), 2), "mean_ms": round(float(np.mean(v)), 2)}
            for key, v in per.items()
        }
    out["after_queries"] = rss()
    out["loadavg"] = os.getloadavg()
    return out


def run_worker(kb: Path, index: Path, questions: Path, count: int) -> dict[str, Any]:
    cmd = [sys.executable, __file__, "--worker", str(kb), str(index), str(questions), str(count)]
    proc = subprocess.run(cmd, capture_output=True, text=True)
    if proc.returncode != 0:
        raise SystemExit(f"query worker on {index} failed:\n{proc.stderr[-3000:]}")
    return json.loads(proc.stdout.strip().splitlines()[-1])


# ---------------------------------------------------------------- report


def table(result: dict[str, Any]) -> str:
    head = [
        "index", "passages", "speakers", "load s", "RSS MB", "first ask ms", "eval p50 / p95 ms",
        "synth p50 / p95 ms", "eval p50 ms: encode / speakers / dense / bm25 / rest of fusion / rest",
    ]  # fmt: skip
    lines = ["| " + " | ".join(head) + " |", "|" + "---|" * len(head)]
    for label, r in result["queries"].items():
        b = r["eval_breakdown"]
        parts = [b[k]["p50_ms"] for k in ("encode", "speakers", "dense_top", "bm25_top")]
        parts.append(b["fused"]["p50_ms"] - b["dense_top"]["p50_ms"] - b["bm25_top"]["p50_ms"])
        parts.append(b["ask_rest"]["p50_ms"])
        cells = [
            label, f"{r['rows']:,}", f"{r['speakers']:,}", f"{r['load_s'] + r['encoder_load_s']:.1f}",
            f"{r['after_queries']['rss_mb']:.0f}", f"{r['first_ask_ms']:.0f}",
            f"{r['eval']['p50_ms']:.1f} / {r['eval']['p95_ms']:.1f}",
            f"{r['synth']['p50_ms']:.1f} / {r['synth']['p95_ms']:.1f}",
            " / ".join(f"{p:.1f}" for p in parts),
        ]  # fmt: skip
        lines.append("| " + " | ".join(cells) + " |")
    return "\n".join(lines)


def main() -> None:
    if len(sys.argv) == 6 and sys.argv[1] == "--worker":
        result = worker(Path(sys.argv[2]), Path(sys.argv[3]), Path(sys.argv[4]), int(sys.argv[5]))
        print(json.dumps(result))
        return
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--size", type=int, default=100_000, help="synthetic passages")
    parser.add_argument("--queries", type=int, default=250, help="timed questions per set (after warm-up)")
    parser.add_argument("--workdir", type=Path, default=Path("/tmp/s51bench"))
    parser.add_argument("--out", type=Path, help="write the results as JSON here")
    parser.add_argument("--clean", action="store_true", help="remove this size's index folders at the end")
    args = parser.parse_args()

    folder = args.workdir / f"n{args.size}"
    if folder.exists():
        shutil.rmtree(folder)
    kb = args.workdir / "kb-empty"  # no sources: its kb hash is what the synthetic manifest records
    kb.mkdir(parents=True, exist_ok=True)
    folder.mkdir(parents=True)
    started, load_before = time.perf_counter(), os.getloadavg()
    result: dict[str, Any] = {"command": " ".join(sys.argv), "workdir": str(folder)}
    result["git_head"] = subprocess.run(
        ["git", "-C", str(ROOT), "rev-parse", "HEAD"], capture_output=True, text=True
    ).stdout.strip()

    def save() -> None:
        if args.out:
            args.out.parent.mkdir(parents=True, exist_ok=True)
            args.out.write_text(json.dumps(result, indent=1) + "\n", encoding="utf-8")

    result["build"] = build_synthetic(args.size, folder, kb)
    save()
    seen: dict[str, None] = {}
    for line in (ROOT / "kb" / "eval" / "queries.jsonl").read_text(encoding="utf-8").splitlines():
        if line.strip():
            seen.setdefault(json.loads(line)["query"], None)
    sets = {"eval": list(seen), "synth": synth_questions(WARMUP + args.queries)}
    questions = folder / "questions.json"
    questions.write_text(json.dumps(sets))
    result["question_sets"] = {k: min(len(v) - WARMUP, args.queries) for k, v in sets.items()}
    result["queries"] = {}
    targets = {
        "seed (./index)": (ROOT / "kb", ROOT / "index"),
        f"synthetic {args.size:,}, speakers": (kb, folder / "speakers"),
        f"synthetic {args.size:,}, narration": (kb, folder / "narration"),
    }
    for label, (kb_dir, index) in targets.items():
        print(f"querying {label} ...", flush=True)
        result["queries"][label] = run_worker(kb_dir, index, questions, args.queries)
        save()
    result["loadavg"] = [load_before, os.getloadavg()]
    result["total_s"] = round(time.perf_counter() - started, 1)
    if args.clean:
        shutil.rmtree(folder)
        result["cleaned"] = True
    save()
    print(table(result))
    print(f"build: {json.dumps(result['build'])}")
    print(f"load average {load_before[0]:.1f} before, {os.getloadavg()[0]:.1f} after; {result['total_s']} s")


if __name__ == "__main__":
    main()
