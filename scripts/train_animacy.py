"""Train the animacy test (`askisk.speakers.animacy`): can a common noun be a source of speech or opinion?

Data, PolNeAR train only (dev stays for evaluation): a noun lemma is *positive* each time it heads a gold
source ("officials said", "the report found"), *negative* each time it heads the grammatical subject of a
sentence that lies outside every gold attribution ("the attack killed 22 people", "prices rose"). Parsed
with askisk's own spaCy pipeline (`askisk.nlp.pipeline`). One row per lemma: positive when it heads a gold
source at least `--min-pos` times and at least `--min-share` of its subject uses are sources, negative
when it never heads a source and is a subject outside attributions at least `--min-neg` times; lemmas in
between are left out.

Features: the lemma's vector from all-MiniLM-L6-v2 (the encoder askisk bundles; sentence-transformers
here, at training time only). Model: an L2-regularised logistic regression (numpy, full-batch gradient
descent, lemma-balanced classes). The attribution path loads no encoder: the model is shipped as its
scores over a fixed vocabulary (every noun lemma of PolNeAR train, and every whole lowercase word of the
encoder's WordPiece vocabulary), written to `src/askisk/speakers/data/animacy.json` as the lemmas scoring
below `--keep` (the only ones the test can refuse) except the positive rows' lemmas (the data show them
speaking), with the weights (bias last) for inspection.

    PYTHONPATH=src nice -n 10 .venv/bin/python scripts/train_animacy.py /work/data/polnear [--dump rows.tsv]
(~5 min on two shared cores: parsing PolNeAR train dominates; the parse is cached in /tmp.)
"""

from __future__ import annotations

import argparse
import json
import pickle
import re
import sys
from collections import Counter
from pathlib import Path

import numpy as np

from askisk.config import model_dir
from askisk.evaluate.polnear import read_split
from askisk.nlp import pipeline
from askisk.speakers.phrases import GENERIC_ORG_NOUNS
from askisk.speakers.rules import DOCUMENT_NOUNS, PERSON_NOUNS

OUT = Path(__file__).resolve().parents[1] / "src" / "askisk" / "speakers" / "data"
_WORD = re.compile(r"^[a-z]{3,}$")


def _counts(root: Path, cache: Path) -> tuple[Counter, Counter]:
    if cache.is_file():
        return pickle.loads(cache.read_bytes())
    pos: Counter = Counter()
    neg: Counter = Counter()
    articles = read_split(root, "train", coref=False)
    nlp = pipeline()
    for k, (art, doc) in enumerate(zip(articles, nlp.pipe(a.text for a in articles), strict=True)):
        covered = np.zeros(len(art.text) + 1, dtype=bool)
        sources: set[int] = set()
        for g in art.attributions:
            for a, b in g.spans():
                covered[a:b] = True
            for a, b in g.source:
                toks = [t for t in doc if a <= t.idx < b]
                inner = {t.i for t in toks}
                heads = [t for t in toks if t.head.i not in inner or t.head.i == t.i]
                if heads:
                    sources.add(heads[0].i)
        for i in sources:
            if doc[i].pos_ == "NOUN":
                pos[doc[i].lemma_.lower()] += 1
        for sent in doc.sents:
            if covered[sent.start_char : sent.end_char].any():
                continue
            for t in sent:
                if t.dep_ == "nsubj" and t.pos_ == "NOUN":
                    neg[t.lemma_.lower()] += 1
        if k % 100 == 0:
            print(f"{k}/{len(articles)} articles", file=sys.stderr)
    cache.write_bytes(pickle.dumps((pos, neg)))
    return pos, neg


def _vocabulary(pos: Counter, neg: Counter) -> list[str]:
    words = {w for w in (model_dir() / "vocab.txt").read_text(encoding="utf-8").split() if _WORD.match(w)}
    words |= {w for w in (*pos, *neg) if _WORD.match(w)}
    return sorted(words)


def _fit(x: np.ndarray, y: np.ndarray, l2: float, steps: int = 3000, lr: float = 0.5) -> np.ndarray:
    """Weights (bias last) of a logistic regression, classes weighted to equal total mass."""
    xb = np.hstack([x, np.ones((len(x), 1), dtype=np.float32)])
    w = np.zeros(xb.shape[1])
    sw = np.where(y == 1, 0.5 / max(y.sum(), 1), 0.5 / max((1 - y).sum(), 1))
    for _ in range(steps):
        p = 1 / (1 + np.exp(-(xb @ w)))
        grad = xb.T @ ((p - y) * sw) + l2 * np.r_[w[:-1], 0.0]
        w -= lr * grad
    return w


def _score(x: np.ndarray, w: np.ndarray) -> np.ndarray:
    return 1 / (1 + np.exp(-(x @ w[:-1] + w[-1])))


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("polnear", type=Path)
    ap.add_argument("--cache", type=Path, default=Path("/tmp/askisk_animacy_counts.pkl"))
    ap.add_argument("--min-pos", type=int, default=2)
    ap.add_argument("--min-share", type=float, default=0.1)
    ap.add_argument("--min-neg", type=int, default=2)
    ap.add_argument("--l2", type=float, default=1e-3)
    ap.add_argument("--keep", type=float, default=0.3, help="ship the lemmas scoring below this")
    ap.add_argument("--dump", type=Path, help="write lemma, pos, neg, label, score rows here")
    args = ap.parse_args()

    pos, neg = _counts(args.polnear, args.cache)
    rows = []
    for lemma in sorted(set(pos) | set(neg)):
        p, n = pos[lemma], neg[lemma]
        if not _WORD.match(lemma):
            continue
        if p >= args.min_pos and p >= args.min_share * (p + n):
            rows.append((lemma, 1))
        elif p == 0 and n >= args.min_neg:
            rows.append((lemma, 0))
    # the nouns the rules already know as speakers are positives too (people, documents, organisations)
    known = {w for w, _ in rows}
    rows += [(w, 1) for w in sorted(PERSON_NOUNS | DOCUMENT_NOUNS | GENERIC_ORG_NOUNS) if w not in known]
    vocab = _vocabulary(pos, neg)
    from askisk.encoder.embeddings import sentence_transformer_encoder

    vcache = args.cache.with_suffix(".vectors.npz")
    if vcache.is_file():
        got = np.load(vcache)
        vectors = dict(zip(got["words"].tolist(), got["vectors"], strict=True))
    else:
        vectors = {}
    todo = [w for w in sorted(set(vocab) | {w for w, _ in rows}) if w not in vectors]
    if todo:
        vectors.update(zip(todo, sentence_transformer_encoder().encode(todo, batch_size=256), strict=True))
        order = sorted(vectors)
        np.savez(vcache, words=np.array(order), vectors=np.stack([vectors[w] for w in order]))
    x = np.stack([vectors[w] for w, _ in rows])
    y = np.array([lab for _, lab in rows], dtype=float)
    # held-out check: every fifth lemma
    test = np.arange(len(rows)) % 5 == 0
    w = _fit(x[~test], y[~test], args.l2)
    s = _score(x[test], w)
    acc = ((s >= 0.5) == (y[test] == 1)).mean()
    neg_recall = ((s < args.keep) & (y[test] == 0)).sum() / max((y[test] == 0).sum(), 1)
    pos_refused = ((s < args.keep) & (y[test] == 1)).sum() / max((y[test] == 1).sum(), 1)
    print(
        f"rows {len(rows)} (positive {int(y.sum())}); held-out accuracy {acc:.3f}, "
        f"negatives refused {neg_recall:.3f}, positives refused {pos_refused:.3f}",
        file=sys.stderr,
    )
    w = _fit(x, y, args.l2)
    scores = _score(np.stack([vectors[v] for v in vocab]), w)
    table = {word: round(float(sc), 3) for word, sc in zip(vocab, scores, strict=True)}
    # a lemma the data show speaking (a positive row) is never refused, whatever the fit says ("a release")
    speaking = {w for w, lab in rows if lab == 1}
    keep = {k: v for k, v in sorted(table.items()) if v < args.keep and k not in speaking}
    meta = {"keep_below": args.keep, "rows": len(rows), "positive": int(y.sum()), "vocabulary": len(vocab)}
    weights = [round(float(v), 5) for v in w]  # for inspection: the attribution path reads only "scores"
    payload = {"meta": meta, "weights": weights, "scores": keep}
    (OUT / "animacy.json").write_text(json.dumps(payload, separators=(",", ":")) + "\n")
    print(f"vocabulary {len(vocab)}, shipped {len(keep)} lemmas below {args.keep}", file=sys.stderr)
    if args.dump:
        with args.dump.open("w") as f:
            for lemma, lab in rows:
                f.write(f"{lemma}\t{pos[lemma]}\t{neg[lemma]}\t{lab}\t{table.get(lemma, -1)}\n")


if __name__ == "__main__":
    main()
