"""Real sentence embeddings for the scale and recall benches: every sentence of PolNeAR train + dev and of
the Climate-FEVER evidence of even claim ids, embedded with askisk's ONNX query encoder, cached under
/work/data (never in the repository).

PolNeAR test is never read (it is not on this machine); Climate-FEVER odd claim ids are held out.
Run once (it prints the count and the wall time; the other benches reuse the cache):

    nice -n 10 .venv/bin/python bench/real_vectors.py --index /work/data/askisk-bench/seed-index
"""

from __future__ import annotations

import argparse
import json
import os
import random
import sys
import time
from pathlib import Path

import numpy as np

DATA = Path("/work/data")
CACHE = Path(os.environ.get("ASKISK_BENCH_CACHE") or DATA / "askisk-bench")
TEXTS = CACHE / "real-texts.json"
VECTORS = CACHE / "real-vectors.npy"
POLNEAR_SPLITS = ("train", "dev")  # never test
MIN_WORDS = 5


def sentences() -> list[str]:
    """Every distinct sentence (>= MIN_WORDS words) of the allowed corpora, in a fixed shuffled order."""
    from askisk.sources.passages import sentence_spans

    texts = []
    for split in POLNEAR_SPLITS:
        texts += [
            p.read_text(encoding="utf-8", errors="ignore")
            for p in sorted((DATA / "polnear/data" / split / "text").glob("*"))
        ]
    with open(DATA / "climate-fever/dataset/climate-fever.jsonl", encoding="utf-8") as handle:
        for line in handle:
            claim = json.loads(line)
            if int(claim["claim_id"]) % 2 == 0:  # odd claim ids are held out
                texts += [e["evidence"] for e in claim["evidences"]]
    seen: set[str] = set()
    out = []
    for text in texts:
        for paragraph in text.split("\n"):
            flat = " ".join(paragraph.split())
            for a, b in sentence_spans(flat):
                s = flat[a:b]
                if len(s.split()) >= MIN_WORDS and s not in seen:
                    seen.add(s)
                    out.append(s)
    random.Random(7).shuffle(out)
    return out


def load() -> tuple[list[str], np.ndarray]:
    """The cached (texts, unit vectors); run this script first."""
    if not (TEXTS.exists() and VECTORS.exists()):
        sys.exit(f"no cached embeddings in {CACHE}: run bench/real_vectors.py --index INDEX first")
    texts = json.loads(TEXTS.read_text(encoding="utf-8"))
    vectors = np.load(VECTORS).astype(np.float32)
    return texts, vectors


def embed(index: Path, batch: int = 256) -> None:
    from askisk.encoder.embeddings import query_encoder
    from askisk.index.layout import current_build_dir, read_manifest

    texts = sentences()
    build = current_build_dir(index)
    if build is None:
        sys.exit(f"no index in {index}")
    encoder = query_encoder(build, read_manifest(build), lambda m: print(m, file=sys.stderr))
    CACHE.mkdir(parents=True, exist_ok=True)
    # batches of similar length: a batch is padded to its longest text
    order = sorted(range(len(texts)), key=lambda i: len(texts[i]))
    vectors = np.zeros((len(texts), 384), dtype=np.float32)
    started = time.perf_counter()
    for i in range(0, len(order), batch):
        chunk = order[i : i + batch]
        vectors[chunk] = encoder.encode([texts[j] for j in chunk], batch_size=32)
        done = min(i + batch, len(texts))
        rate = done / (time.perf_counter() - started)
        print(f"\r{done}/{len(texts)} sentences, {rate:.0f}/s", end="", file=sys.stderr, flush=True)
    wall = time.perf_counter() - started
    print(f"\nembedded {len(texts)} sentences in {wall:.0f}s ({len(texts) / wall:.0f}/s)", file=sys.stderr)
    np.save(VECTORS, vectors)
    TEXTS.write_text(json.dumps(texts), encoding="utf-8")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--index", type=Path, required=True, help="a built index (for its ONNX encoder)")
    parser.add_argument("--count", action="store_true", help="only count the sentences")
    args = parser.parse_args()
    if args.count:
        print(len(sentences()))
        return
    embed(args.index)


if __name__ == "__main__":
    main()
