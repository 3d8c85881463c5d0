"""Offline measurement of a bi-encoder inside askisk's fusion (issue 17, round 6; docs/eval.md): re-embed
an index's passages with a sentence-transformers model (the texts `corpus.embed_text` gives, as the build
does), swap them into the loaded store, encode the questions with the same model, and run askisk's own
eval (seed `kb/eval` splits and Climate-FEVER even splits) on the chosen configurations. One JSON line per
run (appended to --out). The indexes are built beforehand with the stock model:

    askisk index --kb kb --index /tmp/enc17-seed
    askisk eval --dataset climate-fever $CF --split even-dev --index /tmp/enc17-cf   # writes /tmp/enc17-cf/kb
    PYTHONPATH=src nice -n 15 .venv/bin/python scripts/eval_encoder_offline.py --model /work/data/enc17/m-cf \
        --tag cf --out results.jsonl

Passage vectors are cached per tag under --vectors (delete them when a model under the same tag changes).
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

import numpy as np

from askisk.config import model_dir, resolve_paths
from askisk.service import Askisk
from askisk.speakers.corpus import retrieval_texts


class STEncoder:
    dimension = 384
    backend = "sentence-transformers"

    def __init__(self, path: str) -> None:
        from sentence_transformers import SentenceTransformer

        self.name = path
        self.model = SentenceTransformer(path, device="cpu")

    def encode(self, texts, batch_size: int = 64):
        v = self.model.encode(
            list(texts),
            batch_size=batch_size,
            normalize_embeddings=True,
            convert_to_numpy=True,
            show_progress_bar=False,
        )
        return np.ascontiguousarray(v, dtype=np.float32)


def embed_texts(store) -> list[str]:
    by_id = {}
    for doc in store.docs.values():
        for p, text, _ in retrieval_texts(doc):
            by_id[p.id] = text
    return [by_id[p.id] for p, _ in store.rows]


_cache: dict[str, np.ndarray] = {}


def swap(service: Askisk, enc: STEncoder, cache_dir: Path | None = None, tag: str = "") -> None:
    from askisk.index import dense

    store = service.store()
    texts = embed_texts(store)
    vecs = None
    if cache_dir and tag:
        f = cache_dir / f"{tag}.npy"
        if f.exists():
            vecs = np.load(f)
    if vecs is None:
        vecs = enc.encode(texts)
        if cache_dir and tag:
            np.save(cache_dir / f"{tag}.npy", vecs)
    store.dense = dense.build(vecs)
    service._encoder = enc


def figures(report, split: str, configs) -> dict:
    out = {}
    sr = report.report(split)
    for c in sr.configs:
        if c.config in configs:
            out[c.config] = {k: round(v, 4) for k, v in c.metrics.items() if isinstance(v, float)}
    return out


def hit5(report, config: str) -> float:
    rs = report.details[config]
    judged = [r for r in rs if r.relevant]
    return sum(1 for r in judged if r.first_relevant_rank and r.first_relevant_rank <= 5) / len(judged)


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--model", default=str(model_dir()))
    ap.add_argument("--tag", default="stock")
    ap.add_argument("--seed-index", default="/tmp/enc17-seed")
    ap.add_argument("--cf-index", default="/tmp/enc17-cf/index")
    ap.add_argument("--cf-kb", default="/tmp/enc17-cf/kb")
    ap.add_argument("--cf", default="/work/data/climate-fever/dataset/climate-fever.jsonl")
    ap.add_argument("--seed-splits", nargs="*", default=["dev"])
    ap.add_argument("--cf-splits", nargs="*", default=["even-dev", "even-dev-cal"])
    ap.add_argument("--configs", nargs="*", default=["dense", "hybrid+context+types"])
    ap.add_argument("--out", default=None)
    ap.add_argument("--vectors", default="/work/data/enc17/vecs")
    a = ap.parse_args()
    t0 = time.time()
    enc = STEncoder(a.model)
    cache = Path(a.vectors)
    cache.mkdir(parents=True, exist_ok=True)
    res = {"model": a.model, "tag": a.tag}
    if a.seed_splits:
        from askisk.evaluate import retrieval

        svc = Askisk(resolve_paths("kb", a.seed_index))
        swap(svc, enc, cache, f"seed-{a.tag}")
        rep = retrieval.evaluate(svc, Path("kb/eval"), configs=a.configs, splits=tuple(a.seed_splits))
        for s in a.seed_splits:
            res[f"seed-{s}"] = figures(rep, s, a.configs)
    if a.cf_splits:
        from askisk.evaluate import cf_retrieval

        svc = Askisk(resolve_paths(a.cf_kb, a.cf_index))
        swap(svc, enc, cache, f"cf-{a.tag}")
        for s in a.cf_splits:
            rep = cf_retrieval.evaluate(svc, Path(a.cf), s, configs=a.configs)
            f = figures(rep, s, a.configs)
            for c in a.configs:
                f[c]["hit@5"] = round(hit5(rep, c), 4)
            res[f"cf-{s}"] = f
    res["seconds"] = round(time.time() - t0, 1)
    line = json.dumps(res)
    print(line)
    if a.out:
        with open(a.out, "a") as fh:
            fh.write(line + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
