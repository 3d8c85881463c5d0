"""Fusion on the Milvus store: askisk's own (min-max convex, and RRF, over the store's dense and BM25 top-50)
against Milvus's server-side rankers (hybrid_search with RRFRanker(60) and WeightedRanker(0.7, 0.3)),
on the eval set's answerable questions. Prints one row of ranking metrics per method.

    .venv/bin/python bench/milvus_fusion.py --kb kb --index /tmp/fusion-index \
        --store milvus-lite:///tmp/fusion.db
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path

from askisk.config import Paths
from askisk.evaluate import metrics as em
from askisk.evaluate.retrieval import build_qrels, default_eval_dir, load_questions
from askisk.index.milvus_schema import terms as _terms
from askisk.index.select import backend_for
from askisk.models import OPEN_SCOPE
from askisk.search.fusion import CONFIGS, MIN_DEPTH, search
from askisk.service import Askisk


def milvus_ranked(store, qvec, query: str, ranker) -> list[str]:
    from pymilvus import AnnSearchRequest

    expr = store._filter(OPEN_SCOPE)
    requests = [
        AnnSearchRequest(
            data=[[float(x) for x in qvec]],
            anns_field="dense",
            param={"metric_type": "IP"},
            limit=MIN_DEPTH,
            expr=expr,
        )
    ]
    terms = _terms(query)
    if terms:
        requests.append(
            AnnSearchRequest(
                data=[terms], anns_field="sparse", param={"metric_type": "BM25"}, limit=MIN_DEPTH, expr=expr
            )
        )
    result = store.client.hybrid_search(
        store.collection, requests, ranker, limit=em.DEPTH, output_fields=["passage_id"]
    )
    return [h["entity"]["passage_id"] for h in result[0]]


def main() -> None:
    from pymilvus import RRFRanker, WeightedRanker

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--kb", default="kb")
    parser.add_argument("--index", required=True)
    parser.add_argument("--store", required=True, help="a Milvus store URI")
    parser.add_argument("--out", help="write the figures as JSON here")
    args = parser.parse_args()
    service = Askisk(
        Paths(Path(args.kb).absolute(), Path(args.index).absolute()), backend=backend_for(args.store)
    )
    store = service.store()
    questions = [q for q in load_questions(default_eval_dir(service.paths.kb)) if q.answerable]
    qrels = build_qrels(questions, [(p.id, p.text) for p, _ in store.rows])
    vectors = service.encoder().encode([q.query for q in questions])
    methods = {
        "askisk convex (hybrid)": lambda q, v: search(store, q, v, top_k=em.DEPTH, config=CONFIGS["hybrid"]),
        "askisk RRF (hybrid-rrf)": lambda q, v: search(
            store, q, v, top_k=em.DEPTH, config=CONFIGS["hybrid-rrf"]
        ),
        "Milvus RRFRanker(60)": lambda q, v: milvus_ranked(store, v, q, RRFRanker(60)),
        "Milvus WeightedRanker(0.7, 0.3)": lambda q, v: milvus_ranked(store, v, q, WeightedRanker(0.7, 0.3)),
    }
    figures = {}
    for name, rank in methods.items():
        run = {}
        for q, v in zip(questions, vectors, strict=True):
            got = rank(q.query, v)
            ids = [h.passage_id for h in got[0]] if isinstance(got, tuple) else got
            run[q.id] = em.ranked_run(ids)
        figures[name] = em.ranking_metrics(qrels, run)
    print(f"{len(qrels)} answerable questions, store {args.store}")
    print("| method | " + " | ".join(em.RANKING_METRICS) + " |")
    print("|---|" + "---|" * len(em.RANKING_METRICS))
    for name, values in figures.items():
        print(f"| {name} | " + " | ".join(f"{values[m]:.3f}" for m in em.RANKING_METRICS) + " |")
    if args.out:
        Path(args.out).write_text(json.dumps(figures, indent=1), encoding="utf-8")
    store.close()


if __name__ == "__main__":
    main()
