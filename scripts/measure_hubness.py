"""Measure a hubness penalty on the dense side (issue 17, session 45; docs/eval.md): an experiment, not
shipped. Each passage's cosine to a question is lowered by beta times its "hubness", the mean cosine to
its k nearest other passages of the index (over the whole index, or only its own source with
--within-source), as CSLS does for cross-lingual neighbours (Conneau et al. 2018). A sentence close to
everything (a lede that names every actor) then stops outranking the specific sentence that answers.
The built index is patched in memory; nothing is written.

    PYTHONPATH=src .venv/bin/python scripts/measure_hubness.py seed --splits dev --beta 0 0.1 0.2 0.3 \\
        --k 5 10 --index /tmp/seed-index
    PYTHONPATH=src .venv/bin/python scripts/measure_hubness.py cf --splits even-dev --beta 0 0.2 --k 10 \\
        --kb /tmp/cf/kb --index /tmp/cf/index

One JSON line per (split, k, beta, configuration); on Climate-FEVER, hit_rate@5 is the issue's Hit@5.
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path

import numpy as np

from askisk.config import resolve_paths
from askisk.service import Askisk

CF = "/work/data/climate-fever/dataset/climate-fever.jsonl"
CONFIGS = ["dense", "hybrid+context+types+tmm"]
FIGURES = ("recall@1", "recall@5", "hit_rate@5", "mrr@10")


def hubness(vectors: np.ndarray, sources: np.ndarray | None, k: int) -> np.ndarray:
    """Mean cosine of each row to its k nearest other rows (all of them when k <= 0)."""
    sims = vectors @ vectors.T
    np.fill_diagonal(sims, -np.inf)
    if sources is not None:
        sims[sources[:, None] != sources[None, :]] = -np.inf
    out = np.zeros(len(vectors))
    for i, row in enumerate(sims):
        near = np.sort(row[np.isfinite(row)])
        if len(near):
            out[i] = near[-k:].mean() if k > 0 else near.mean()
    return out


def penalise(store, hub: np.ndarray, beta: float) -> None:
    plain = type(store).dense_scores

    def dense_scores(self, qvec, rows):
        return plain(self, qvec, rows) - beta * hub[rows]

    store.dense_scores = dense_scores.__get__(store)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("which", choices=("seed", "cf"))
    ap.add_argument("--splits", nargs="+", default=["dev"])
    ap.add_argument("--beta", type=float, nargs="+", default=[0.0, 0.2])
    ap.add_argument("--k", type=int, nargs="+", default=[10])
    ap.add_argument("--within-source", action="store_true")
    ap.add_argument("--kb", default="kb")
    ap.add_argument("--index", required=True)
    ap.add_argument("--cf", default=CF, help="climate-fever.jsonl")
    a = ap.parse_args(argv)
    from askisk.evaluate import cf_retrieval, retrieval

    for k in a.k:
        for beta in a.beta:
            svc = Askisk(resolve_paths(a.kb, a.index))
            store = svc.store()
            vectors = store.dense.reconstruct_n(0, store.dense.ntotal)
            sources = np.array([p.source_id for p, _ in store.rows]) if a.within_source else None
            penalise(store, hubness(vectors, sources, k), beta)
            if a.which == "seed":
                rep = retrieval.evaluate(svc, Path(a.kb) / "eval", configs=CONFIGS, splits=tuple(a.splits))
            for split in a.splits:
                if a.which == "cf":
                    rep = cf_retrieval.evaluate(svc, Path(a.cf), split, configs=CONFIGS)
                for c in rep.report(split).configs:
                    m = c.metrics
                    line = {"split": split, "k": k, "beta": beta, "config": c.config}
                    line |= {name: round(m[name], 4) for name in FIGURES}
                    print(json.dumps(line), flush=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
