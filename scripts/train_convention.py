"""Train the news convention's act detector (`speakers/convention.py`) from hand-annotated news pages.

Each gold is a JSON-lines file of pages (the format of `scripts/score_news.py`) with the folder its
`article` paths are relative to. Every page is analysed as `askisk attribute` does, with the act detector
off; each passage askisk calls *reported* through a cue becomes one example: the cue's features
(`convention.features`), label 1 when the gold calls the sentence narration (a reported act, in the news
reader's line), 0 when the gold attributes it. The model learns from the cues it may judge
(`convention.judged`: a verb of doing, nothing said in a clause or quotation). Leave-one-gold-out: a
model fitted on the other golds judges each gold, and the script prints, per threshold, how many
sentences `convention.is_act` would turn right and wrong there (instruments included; the choice of
`convention.ACT_AT`). Then one model is fitted on all the golds and written. A gold merged from two
annotators (`scripts/gold_agreement.py --merged`) teaches only the sentences they label alike.

    G=/work/data/news-gold; D=/work/data   # the shipped model (session 19; those golds are gone from here)
    PYTHONPATH=src .venv/bin/python scripts/train_convention.py $G/gold_s14a.jsonl:$D/news-s14a \\
        $G/gold_s14b.jsonl:$D/news-s14b $G/gold_s14c.jsonl:$D/news-s14c $G/gold_s15a.jsonl:$D/news-s15a \\
        $G/gold_s15b.jsonl:$D/news-s15b $G/gold_s16u.jsonl:$D/news-s16 $G/gold_s17.jsonl:$D/news-s17 \\
        $G/gold_s18.jsonl:$D/news-s18 --out src/askisk/speakers/data/convention_model.json   # ~1 min

    D=/work/data   # measured in session 43, not shipped: the 17 read page sets of sessions 36-42
    G="news36/s63bbc news36/s63reu news36/s64bbc news37/s65bbc news37/s65reu news37/s66bbc news38/s67web
       news38/s69web news38/s70web news40/s72ab news40/s73ab news40/s76ab news40/s77ab news40/s78ab
       news40/s80ab news40/s81ab news40/s83ab"
    PYTHONPATH=src .venv/bin/python scripts/train_convention.py --c 3 --min-feature 1 --cache /tmp/c17.json \\
        $(for g in $G; do echo $D/${g%/*}/gold/${g#*/}.jsonl:$D/${g%/*}/pages; done) --out /tmp/c17-model.json

scikit-learn at training time only (as scripts/train_attribution.py). The golds stay outside the repository.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from score_news import _right, matched, pages  # noqa: E402

import askisk.speakers.attribution as attribution  # noqa: E402
from askisk.speakers import convention, cues  # noqa: E402
from askisk.speakers.annotate import attribute_source  # noqa: E402

THRESHOLDS = (0.3, 0.4, 0.5, 0.6, 0.7, 0.8)
MIN_FEATURE = 2
C = 0.3
_KEY = re.compile(r"[^0-9a-z]+")


def _key(text: str) -> str:
    return _KEY.sub("", text.lower())


def examples(gold: Path, root: Path) -> list[tuple[list[str], int, bool]]:
    """(features, label, right as askisk stands) for every reported passage of the gold's pages."""
    seen: dict[str, list[str]] = {}

    def record(doc, s, e, inside, cue, kind):
        seen[_key(doc.text[s:e])] = convention.features(doc, s, e, inside, cue, kind)
        return False

    attribution.is_act = record
    out = []
    for page, source, spans in pages(gold, root):
        seen.clear()
        for p in attribute_source(source, "news"):
            feats = seen.get(_key(p.text))
            g = matched(page, spans, p.start, p.end)
            if p.attribution != "reported" or feats is None or g is None or g.get("agreed") is False:
                continue  # a merged gold's sentence the two annotators label differently teaches nothing
            out.append((feats, int(g["kind"] == "narration"), _right(g, p.speaker, p.attribution)))
    return out


def fit(
    rows: list[tuple[list[str], int, bool]],
    c: float = C,
    min_feature: int = MIN_FEATURE,
    lemma_vectors: dict[str, list[float]] | None = None,
) -> dict:
    """A logistic model over the cue features. With `lemma_vectors` (each cue lemma's sentence embedding,
    scaled), the embedding enters the fit as dense columns and its share of the logit is then folded into
    one `l=LEMMA` weight per lemma of the table, so a verb no gold annotated is judged by the verbs it is
    like, and the shipped model stays a table of weights (no encoder at run time)."""
    rows = [r for r in rows if convention.judged(r[0])]
    import numpy as np
    from scipy.sparse import csr_matrix, hstack
    from sklearn.feature_extraction import DictVectorizer
    from sklearn.linear_model import LogisticRegression

    counts: Counter[str] = Counter(f for feats, _, _ in rows for f in feats)
    vec = DictVectorizer()
    x = vec.fit_transform([{f: 1 for f in feats if counts[f] >= min_feature} for feats, _, _ in rows])
    if lemma_vectors:
        width = len(next(iter(lemma_vectors.values())))
        dense = [_lemma_vector(feats, lemma_vectors, width) for feats, _, _ in rows]
        x = hstack([x, csr_matrix(np.array(dense))]).tocsr()
    model = LogisticRegression(C=c, max_iter=5000, class_weight="balanced")
    model.fit(x, [y for _, y, _ in rows])
    names = vec.get_feature_names_out()
    coef = model.coef_[0]
    found = {str(n): float(w) for n, w in zip(names, coef[: len(names)], strict=True)}
    if lemma_vectors:
        folded = coef[len(names) :]
        for lemma, v in lemma_vectors.items():
            key = f"l={lemma}"
            found[key] = found.get(key, 0.0) + float(np.dot(folded, v))
    weights = {n: round(w, 4) for n, w in found.items() if abs(w) >= 1e-3}
    return {"bias": round(float(model.intercept_[0]), 4), "weights": dict(sorted(weights.items()))}


def _lemma_vector(feats: list[str], table: dict[str, list[float]], width: int) -> list[float]:
    lemma = next((f[2:] for f in feats if f.startswith("l=")), None)
    return table.get(lemma, [0.0] * width) if lemma else [0.0] * width


def lemma_vectors(lemmas: set[str], scale: float) -> dict[str, list[float]]:
    """Each lemma's embedding ("to LEMMA", the bundled MiniLM; torch at training time only), times `scale`."""
    from askisk.encoder.embeddings import sentence_transformer_encoder

    ordered = sorted(lemmas)
    vectors = sentence_transformer_encoder().encode([f"to {lemma}" for lemma in ordered])
    return {lemma: [float(scale * x) for x in v] for lemma, v in zip(ordered, vectors, strict=True)}


def _vocabulary(sets: dict) -> set[str]:
    """The verbs the table covers: PolNeAR train's frequent verbs (cue_lemma_rates.json) and every cue lemma
    of the golds."""
    rates = json.loads((Path(convention.__file__).parent / cues.RATES_FILE).read_text(encoding="utf-8"))
    seen = {f[2:] for rows in sets.values() for feats, _, _ in rows for f in feats if f.startswith("l=")}
    return {w for w in rates["rates"] if w.isalpha()} | seen


def _score(model: dict, feats: list[str]) -> float:
    import math

    z = model["bias"] + sum(model["weights"].get(f, 0.0) for f in feats)
    return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))


def gain(model: dict, rows, t: float) -> tuple[int, int]:
    """(sentences turned right, turned wrong) when `convention.is_act` decides with this model at t: an
    instrument's sentence, and a judged cue scoring t or more, become narration."""
    up = down = 0
    for feats, label, right in rows:
        instrument = "instrument" in feats and "statement" not in feats
        if instrument or convention.judged(feats) and _score(model, feats) >= t:
            up += int(label == 1 and not right)
            down += int(label == 0 and right)
    return up, down


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("golds", nargs="+", help="GOLD.jsonl:ROOT, one per hand-annotated page set")
    ap.add_argument("--out", type=Path, help="write the model fitted on every gold here")
    ap.add_argument("--cache", type=Path, help="keep the examples here (JSON), reuse them when present")
    ap.add_argument("--c", type=float, default=C, help="inverse regularisation (%(default)s)")
    ap.add_argument("--min-feature", type=int, default=MIN_FEATURE, help="drop rarer features")
    ap.add_argument(
        "--lemma-vectors", type=float, metavar="SCALE", help="add the cue lemma's embedding, times SCALE"
    )
    args = ap.parse_args()
    sets = {}
    if args.cache and args.cache.is_file():
        sets = json.loads(args.cache.read_text(encoding="utf-8"))
    for arg in args.golds if not sets else ():
        gold, root = arg.split(":", 1)
        sets[Path(gold).stem] = examples(Path(gold), Path(root))
        rows = sets[Path(gold).stem]
        print(f"{Path(gold).stem}: {len(rows)} reported, {sum(y for _, y, _ in rows)} acts", file=sys.stderr)
    if args.cache and not args.cache.is_file():
        args.cache.write_text(json.dumps(sets), encoding="utf-8")
    vectors = lemma_vectors(_vocabulary(sets), args.lemma_vectors) if args.lemma_vectors else None
    totals: Counter = Counter()
    for name, rows in sets.items():
        model = fit(
            [r for other, rs in sets.items() if other != name for r in rs], args.c, args.min_feature, vectors
        )
        cells = []
        for t in THRESHOLDS:
            up, down = gain(model, rows, t)
            totals[(t, "up")] += up
            totals[(t, "down")] += down
            cells.append(f"{t}: +{up}/-{down}")
        print(f"held out {name}: " + "  ".join(cells))
    cells = [f"{t}: +{totals[(t, 'up')]}/-{totals[(t, 'down')]}" for t in THRESHOLDS]
    print("all held out: " + "  ".join(cells))
    if args.out:
        rows = [r for rs in sets.values() for r in rs]
        model = fit(rows, args.c, args.min_feature, vectors)
        judged = [r for r in rows if convention.judged(r[0])]
        model.update(
            reported=len(rows),
            examples=len(judged),
            acts=sum(y for _, y, _ in judged),
            golds=sorted(sets),
            c=args.c,
            min_feature=args.min_feature,
            lemma_vectors=args.lemma_vectors,
        )
        args.out.write_text(json.dumps(model, indent=1) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
