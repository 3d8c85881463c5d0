"""Learn the speaker ranker (speakers/ranker.py) from PolNeAR train: who a he/she stands for, and which
of a sentence's candidate cues names its speaker.

Every train article goes through the same `analyse` as `askisk index` with the rules alone deciding (the
shipped ranker is switched off while tracing). Two kinds of choices are recorded with their candidates
and features (speakers.ranker.pronoun_features / cue_features):

- he/she: every pronoun the registry resolves to a person. One that lies inside a gold *source* span is
  labelled through that attribution's gold names (its words plus the proper nouns of its CoreNLP
  coreference chain: the matching rule of `askisk eval --attribution polnear`).
- cues: every sentence whose candidate cues name two speakers or more, labelled through the gold
  attribution covering most of the sentence (at least half of its letters).

A candidate is right when its display name matches the gold names; choices with no right candidate are
dropped. One logistic regression per kind (scikit-learn, the `train` extra, at training time only) is
fitted; the weights go to src/askisk/speakers/data/speaker_ranker.json. Before writing, the script
reports top-1 accuracy of the rules and of the model on the last HOLDOUT share of the articles (fitted
on the rest), then refits on all of them. Only PolNeAR train is read (dev is for measuring; test is held
out and never opened).

    nice -n 10 .venv/bin/python scripts/train_speakers.py /work/data/polnear [--limit 400]
"""

from __future__ import annotations

import argparse
import json
import pickle
import sys
import time
from pathlib import Path

from askisk.evaluate.attribution import gold_names, speaker_matches
from askisk.evaluate.polnear import read_split
from askisk.models import Source
from askisk.speakers import ranker
from askisk.speakers.corpus import analyse

OUT = Path(__file__).resolve().parents[1] / "src" / "askisk" / "speakers" / "data" / "speaker_ranker.json"
C = 0.3  # inverse L2 strength
HOLDOUT = 0.2
Event = tuple[list[list[str]], list[int], int]  # features per candidate, labels, index of the rules' choice


def _event(cands, names) -> Event | None:
    labels = [int(speaker_matches(rec.display(), names)) for rec, _ in cands]
    rule = next((i for i, (_, f) in enumerate(cands) if "rule=True" in f), None)
    if not any(labels) or rule is None:
        return None
    return [f for _, f in cands], labels, rule


def events(article) -> tuple[list[Event], list[Event]]:
    source = Source(id=article.name, title=article.name, path=article.name, body=article.text)
    with ranker.tracing() as (trace, cue_trace):
        doc = analyse(source)
    starts = {p.number: p.start for p in doc.paragraphs}
    pronouns, seen = [], set()
    for pos, char, cands in trace:
        if pos in seen or len(cands) < 2 or char < 0:
            continue
        seen.add(pos)
        at = starts[pos // 1_000_000] + char
        gold = next((a for a in article.attributions if any(s <= at < e for s, e in a.source)), None)
        ev = _event(cands, gold_names(article, gold)[0]) if gold is not None else None
        if ev is not None:
            pronouns.append(ev)
    by_start = {p.start: p for p in doc.passages}
    choices = []
    for (base, s), cands in cue_trace:
        passage = by_start.get(starts[base // 1_000_000] + s)
        if passage is None:
            continue
        letters = [i for i in range(passage.start, passage.end) if article.text[i].isalnum()]
        best, best_n = None, 0
        for attr in article.attributions:
            n = sum(1 for i in letters if any(a <= i < b for a, b in attr.spans()))
            if n > best_n:
                best, best_n = attr, n
        if best is None or best_n * 2 < len(letters):
            continue
        ev = _event(cands, gold_names(article, best)[0])
        if ev is not None:
            choices.append(ev)
    return pronouns, choices


def _without(event: Event, prefixes: tuple[str, ...]) -> Event:
    feats, labels, rule = event
    return [[f for f in fs if not f.startswith(prefixes)] for fs in feats], labels, rule


def fit(data: list[Event]) -> ranker.Ranker:
    from sklearn.feature_extraction import DictVectorizer
    from sklearn.linear_model import LogisticRegression

    rows = [dict.fromkeys(f, 1) for feats, _, _ in data for f in feats]
    ys = [y for _, labels, _ in data for y in labels]
    vec = DictVectorizer()
    model = LogisticRegression(C=C, max_iter=2000).fit(vec.fit_transform(rows), ys)
    weights = {name: float(w) for name, w in zip(vec.get_feature_names_out(), model.coef_[0], strict=True)}
    return ranker.Ranker(float(model.intercept_[0]), weights)


def top1(model: ranker.Ranker | None, data: list[Event]) -> float:
    right = 0
    for feats, labels, rule in data:
        pick = rule if model is None else max(range(len(feats)), key=lambda i: model.score(feats[i]))
        right += labels[pick]
    return right / len(data) if data else float("nan")


def _learn(name: str, per_article: list[list[Event]]) -> dict | None:
    cut = int(len(per_article) * (1 - HOLDOUT))
    train = [e for a in per_article[:cut] for e in a]
    held = [e for a in per_article[cut:] for e in a]
    if not train or all(all(labels) for _, labels, _ in train):
        print(f"{name}: {len(train)} choices to learn from, nothing written", file=sys.stderr)
        return None
    model = fit(train)
    print(
        f"{name}: {len(train)} fit, {len(held)} held out; top-1 on held out: rules {top1(None, held):.3f}, "
        f"ranker {top1(model, held):.3f}",
        file=sys.stderr,
    )
    final = fit(train + held)
    weights = {k: round(v, 4) for k, v in sorted(final.weights.items()) if abs(v) >= 0.01}
    return {"bias": round(final.bias, 4), "weights": weights, "choices": len(train) + len(held)}


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("polnear", type=Path)
    ap.add_argument("--limit", type=int, default=None, help="first N train articles only")
    ap.add_argument("--out", type=Path, default=OUT)
    ap.add_argument("--events", type=Path, help="keep the traced choices in this pickle; reuse it if present")
    ap.add_argument("--without", nargs="*", default=[], help="fit without features starting so (a variant)")
    args = ap.parse_args()
    t0 = time.time()
    ranker._models = lambda: {}  # type: ignore[assignment]  # trace the rules' own choices
    if args.events and args.events.is_file():
        n_articles, pronouns, cues = pickle.loads(args.events.read_bytes())
    else:
        articles = read_split(args.polnear, "train", args.limit)
        n_articles, pronouns, cues = len(articles), [], []
        for i, article in enumerate(articles):
            p, c = events(article)
            pronouns.append(p)
            cues.append(c)
            if (i + 1) % 50 == 0:
                print(f"{i + 1}/{len(articles)} articles, {time.time() - t0:.0f} s", file=sys.stderr)
        if args.events:
            args.events.write_bytes(pickle.dumps((n_articles, pronouns, cues)))
    if args.without:
        pronouns = [[_without(e, tuple(args.without)) for e in a] for a in pronouns]
    models = {"pronoun": _learn("pronoun", pronouns), "cue": _learn("cue", cues)}
    payload = {
        "about": "speaker ranker (askisk.speakers.ranker): logistic regressions learned from PolNeAR train "
        f"by scripts/train_speakers.py ({n_articles} articles, C={C})",
        "models": {k: v for k, v in models.items() if v is not None},
    }
    args.out.write_text(json.dumps(payload, indent=0, sort_keys=True) + "\n", encoding="utf-8")
    print(f"wrote {args.out} in {time.time() - t0:.0f} s", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
