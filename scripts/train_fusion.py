"""Fit the learned fusion of search/learned.py (issue 17) on public QA data, never on kb/eval.

SQuAD v1.1 train (truncated; parsed up to its last complete article): each article becomes one kb source
(its paragraphs as paragraphs), indexed by askisk's own pipeline, and each question is asked of that
index; the passages that hold the answer span inside the question's paragraph are relevant. Optionally
Climate-FEVER even-dev-fit (claim ids 2 mod 8; never odd ids) on the index `askisk eval --dataset
climate-fever` built of the even evidence pool. The candidates' FEATURES are computed by the query
path's own code (`learned.gather`), so training and serving see the same numbers.

The model is listwise: a linear score over the standardised FEATURES, fitted so that the softmax over a
question's candidates puts its mass on the relevant ones (a multinomial logistic regression per
question). Writes src/askisk/search/fusion_model.json.

    .venv/bin/python scripts/train_fusion.py --squad /work/data/squad-trunc/train-v1.1.trunc.json.partial \\
        --work /work/data/squad-trunc/askisk --cf /work/data/climate-fever/dataset/climate-fever.jsonl \\
        --cf-index /tmp/cf
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import time
from pathlib import Path

import numpy as np

DEPTH = 50


def squad_articles(path: Path) -> list[dict]:
    raw = path.read_text(encoding="utf-8")
    decoder = json.JSONDecoder()
    articles = []
    for match in re.finditer(r'\{"title": ', raw):
        try:
            obj, _ = decoder.raw_decode(raw, match.start())
        except json.JSONDecodeError:
            break  # the truncated tail
        articles.append(obj)
    return articles


def write_squad_kb(articles: list[dict], kb: Path) -> None:
    import yaml

    kb.mkdir(parents=True, exist_ok=True)
    for n, art in enumerate(articles):
        sid = f"squad-{n:02d}"
        body = "\n\n".join(" ".join(p["context"].split()) for p in art["paragraphs"])
        front = yaml.safe_dump({"id": sid, "title": art["title"].replace("_", " "), "outlet": "Wikipedia"})
        (kb / f"{sid}.md").write_text(f"---\n{front}---\n{body}\n", encoding="utf-8")


def squad_questions(articles: list[dict], store) -> list[tuple[str, str, set[int]]]:
    """(group, question, relevant rows) per question whose answer lies in one indexed sentence."""
    from askisk.text import normalize

    by_source: dict[str, list[tuple[int, object]]] = {}
    for row, (p, _) in enumerate(store.rows):
        by_source.setdefault(p.source_id, []).append((row, p))
    out = []
    for n, art in enumerate(articles):
        sid = f"squad-{n:02d}"
        rows = by_source.get(sid, [])
        para_of = {normalize(store.paragraph_text(sid, p.paragraph)): p.paragraph for _, p in rows}
        for para in art["paragraphs"]:
            number = para_of.get(normalize(" ".join(para["context"].split())))
            if number is None:
                continue
            for qa in para["qas"]:
                answer = normalize(qa["answers"][0]["text"])
                rel = {r for r, p in rows if p.paragraph == number and answer in normalize(p.text)}
                if rel:
                    out.append((f"squad:{art['title']}", qa["question"], rel))
    return out


def cf_questions(dataset: Path, store) -> list[tuple[str, str, set[int]]]:
    from askisk.evaluate import cf_retrieval as cfr
    from askisk.evaluate import climate_fever as cf
    from askisk.evaluate.retrieval import EvalQuestion

    items = []
    for claim in cf.load_claims(dataset, "even-dev-fit"):
        gold = tuple(e for e in claim.evidences if e.label in cfr.GOLD)
        if gold:
            q = EvalQuestion(f"cf{claim.id}", claim.text, (), None, "even-dev-fit", "claim")
            items.append((q, gold))
    qrels = cfr.qrels(store, items)
    row_of = {p.id: row for row, (p, _) in enumerate(store.rows)}
    return [("cf", q.query, {row_of[pid] for pid in qrels[q.id]}) for q, _ in items]


def candidate_sets(service, questions) -> list[tuple[str, np.ndarray, np.ndarray]]:
    """(group, features, labels) per question that has a relevant passage among its candidates."""
    from askisk.models import OPEN_SCOPE
    from askisk.search import learned
    from askisk.search.fusion import ALPHA
    from askisk.speakers.query import speakers_in_query

    store = service.store()
    tokens = service.row_tokens()
    vectors = service.encoder().encode([q for _, q, _ in questions])
    out = []
    for (group, query, rel), qvec in zip(questions, vectors, strict=True):
        boosted = set(speakers_in_query(query, store.speakers))
        rows, _, _, feats = learned.gather(store, query, qvec, DEPTH, OPEN_SCOPE, boosted, ALPHA, tokens)
        labels = np.array([int(r) in rel for r in rows])
        if labels.any() and not labels.all():
            out.append((group, feats, labels))
    return out


def fit_listwise(sets, mean, scale, l2: float) -> np.ndarray:
    """Weights that maximise, summed over questions, the log of the softmax probability mass on the relevant
    candidates (every candidate of a question, not a sample: sampling the negatives by one signal teaches
    the model to distrust that signal), with an L2 penalty."""
    from scipy.optimize import minimize

    zs = [((feats - mean) / scale, labels) for _, feats, labels in sets]

    def loss(w: np.ndarray) -> tuple[float, np.ndarray]:
        total, grad = l2 * float(w @ w), 2 * l2 * w
        for z, labels in zs:
            s = z @ w
            s = s - s.max()
            e = np.exp(s)
            p_all = e / e.sum()
            p_rel = e * labels / (e * labels).sum()
            total -= float(np.log((e * labels).sum() / e.sum()))
            grad = grad - (p_rel - p_all) @ z
        return total / len(zs), grad / len(zs)

    return minimize(loss, np.zeros(zs[0][0].shape[1]), jac=True, method="L-BFGS-B").x


def save_sets(sets, path: Path) -> None:
    arrays = {}
    for n, (_group, feats, labels) in enumerate(sets):
        arrays[f"f{n}"], arrays[f"l{n}"] = feats, labels
    np.savez_compressed(path, groups=np.array([g for g, _, _ in sets]), **arrays)


def load_sets(path: Path) -> list[tuple[str, np.ndarray, np.ndarray]]:
    data = np.load(path)
    return [(str(g), data[f"f{n}"], data[f"l{n}"]) for n, g in enumerate(data["groups"])]


def mrr(sets, weights: np.ndarray, mean, scale) -> tuple[float, float]:
    """MRR over the candidates and R@1, per question (the ranking `search` would make)."""
    rr, r1 = [], []
    for _, feats, labels in sets:
        s = ((feats - mean) / scale) @ weights
        order = np.argsort(-s, kind="stable")
        first = int(np.flatnonzero(labels[order])[0]) + 1
        rr.append(1 / first if first <= 10 else 0.0)
        r1.append(first == 1)
    return float(np.mean(rr)), float(np.mean(r1))


def main(argv: list[str] | None = None) -> int:
    from askisk.search import learned
    from askisk.search.fusion import ALPHA
    from askisk.service import Askisk

    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--squad", type=Path, required=True)
    ap.add_argument("--work", type=Path, required=True, help="kb + index of the SQuAD articles")
    ap.add_argument("--cf", type=Path, help="climate-fever.jsonl (even-dev-fit claims are used)")
    ap.add_argument("--cf-index", type=Path, help="the index of the even evidence pool (askisk eval --index)")
    ap.add_argument("--holdout", type=int, default=3, help="last N SQuAD articles: validation only")
    ap.add_argument("--l2", type=float, default=0.01, help="L2 penalty on the weights (z units)")
    ap.add_argument("--cache", type=Path, help="save the candidates' features here, or reuse them")
    ap.add_argument("--out", type=Path, default=learned.MODEL_FILE)
    args = ap.parse_args(argv)
    started = time.monotonic()

    articles = squad_articles(args.squad)
    train_titles = {f"squad:{a['title']}" for a in articles[: len(articles) - args.holdout]}
    if args.cache and args.cache.exists():
        sets = load_sets(args.cache)
    else:
        write_squad_kb(articles, args.work / "kb")
        squad = Askisk.open(str(args.work / "kb"), str(args.work / "index"), notify=lambda m: None)
        qs = squad_questions(articles, squad.store())
        sets = candidate_sets(squad, qs)
        print(f"SQuAD: {len(articles)} articles, {len(qs)} questions, {len(sets)} with a relevant candidate")
        if args.cf and args.cf_index:
            cf_kb = args.cf_index / "kb"
            cf_service = Askisk.open(str(cf_kb), str(args.cf_index / "index"), notify=lambda m: None)
            cf_sets = candidate_sets(cf_service, cf_questions(args.cf, cf_service.store()))
            print(f"Climate-FEVER even-dev-fit: {len(cf_sets)} claims with a relevant candidate")
            sets += cf_sets
        if args.cache:
            save_sets(sets, args.cache)
    train = [s for s in sets if s[0] in train_titles or s[0] == "cf"]
    valid = [s for s in sets if s[0] not in train_titles and s[0] != "cf"]
    allfeats = np.concatenate([f for _, f, _ in train])
    mean, scale = allfeats.mean(axis=0), allfeats.std(axis=0)
    scale[scale < 1e-6] = 1.0  # a signal constant in training (no typed question): keep it out of the way
    weights = fit_listwise(train, mean, scale, args.l2)
    convex = np.zeros(len(learned.FEATURES))
    convex[0], convex[2] = ALPHA * scale[0], (1 - ALPHA) * scale[2]  # the convex fusion, in z units
    for name, part in (("train", train), ("valid (held-out SQuAD articles)", valid)):
        if part:
            lm, l1 = mrr(part, weights, mean, scale)
            cm, c1 = mrr(part, convex, mean, scale)
            print(f"{name}: {len(part)} q; learned MRR@10 {lm:.3f} R@1 {l1:.3f}; convex {cm:.3f} / {c1:.3f}")
    for name, w in zip(learned.FEATURES, weights, strict=True):
        print(f"  {name:14s} {w:+.3f}")
    args.out.write_text(
        json.dumps(
            {
                "features": list(learned.FEATURES),
                "weights": [round(float(w), 6) for w in weights],
                "bias": 0.0,
                "mean": [round(float(m), 6) for m in mean],
                "scale": [round(float(s), 6) for s in scale],
                "trained_on": {
                    "squad": f"{args.squad.name}: {len(articles) - args.holdout} articles",
                    "climate_fever": "even-dev-fit" if args.cf else None,
                    "questions": len(train),
                    "l2": args.l2,
                },
            },
            indent=1,
        )
        + "\n",
        encoding="utf-8",
    )
    print(f"wrote {args.out} in {time.monotonic() - started:.0f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
