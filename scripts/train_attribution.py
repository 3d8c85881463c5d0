"""Learn askisk's cue lexicon, first-name genders and cue detector from PolNeAR train.

1. Cue words: which words, used as a verb next to a subject, report what someone said, thought or
   found ("called", "warned", "cited", "shows").

For every word form (lowercased) the script counts how often it lies inside a gold *cue* span of the
train compartment and how often it occurs in the train texts at all; the ratio is the word's precision
as a cue. Words seen as cues at least MIN_COUNT times with a precision of at least MIN_PRECISION are
written to src/askisk/speakers/data/cue_lexicon.json together with their counts and the provenance.

2. First-name genders (for "he said" / "she said"): in the CoreNLP coreference chains of train, a chain
   that names a person with two or more proper nouns and refers to them as he/him/his or she/her votes
   for the gender of the first name. Names with at least GENDER_MIN votes, GENDER_AGREE of them for one
   gender, go to src/askisk/speakers/data/first_names.json.

3. The cue detector (speakers/cues.py): every verb, noun and "according" of every train paragraph,
   parsed exactly as attribution parses it, becomes a bag of spaCy features (lemma, POS, dependency,
   head, children, subject type, quotation context, punctuation around it) labelled 1 when it lies in
   a gold cue span; a logistic regression (scikit-learn, the `train` extra; at training time only) is
   fitted on features seen MODEL_MIN_FEATURE times or more, and its weights of at least
   MODEL_MIN_WEIGHT go to src/askisk/speakers/data/cue_model.json (feature -> weight, plain JSON).

Only PolNeAR train is read (dev is for tuning the thresholds, test is held out and never opened).

    nice -n 10 python scripts/train_attribution.py ../PolNeAR              # all three files
    python scripts/train_attribution.py ../PolNeAR --parts cues --limit 100  # a quick look
    nice -n 10 python scripts/train_attribution.py ../PolNeAR --parts cues --parse-cache /tmp/train.docbin

With `--parse-cache` the paragraph parses of train are kept as a spaCy DocBin (8.7 MB): session 13, two
shared cores, `--parts cues` took 5 min 42 s writing it and 47 s to 2 min reading it; both runs write
the shipped cue_model.json byte for byte.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import time
from collections import Counter
from pathlib import Path

from askisk.evaluate.polnear import Article, read_split
from askisk.speakers.quotes import match_text, quote_mask
from askisk.speakers.rules import vocab

DATA = Path(__file__).resolve().parents[1] / "src" / "askisk" / "speakers" / "data"
OUT = DATA / "cue_lexicon.json"
NAMES_OUT = DATA / "first_names.json"
MODEL_OUT = DATA / "cue_model.json"
MODEL_MIN_FEATURE = 3  # a feature seen fewer times in train is dropped before fitting
MODEL_C = 0.5  # inverse L2 strength of the logistic regression
MODEL_MIN_WEIGHT = 0.1  # smaller weights are dropped from the shipped file (same dev figures, 60% smaller)
GENDER_MIN = 2
GENDER_AGREE = 0.9
_PRONOUN_GENDER = {
    "he": "m",
    "him": "m",
    "his": "m",
    "himself": "m",
    "she": "f",
    "her": "f",
    "hers": "f",
    "herself": "f",
}
MIN_COUNT = 3
MIN_PRECISION = 0.3
_WORD = re.compile(r"[a-z]+(?:-[a-z]+)*")
# words that sit inside cue spans but never carry the attribution themselves
_FUNCTION = vocab(
    "a an the to of in on at for by with from and or but not no n't has have had is are was were be "
    "been being do does did will would can could may might should must also then just still again "
    "already even that this his her their its our my your he she it they we i you who which what as "
    "about up out into over very more most so than too"
)


PARTS = ("lexicon", "names", "cues")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("polnear", type=Path, help="the PolNeAR checkout (with data/train)")
    parser.add_argument("--out-dir", type=Path, default=DATA, help="where the JSON files go (the package)")
    parser.add_argument(
        "--parts", default=",".join(PARTS), help=f"comma-separated subset of {','.join(PARTS)}"
    )
    parser.add_argument("--limit", type=int, default=None, help="read only the first N train articles")
    parser.add_argument("--min-count", type=int, default=MIN_COUNT)
    parser.add_argument("--min-precision", type=float, default=MIN_PRECISION)
    parser.add_argument(
        "--parse-cache",
        type=Path,
        default=None,
        help="a spaCy DocBin of the train paragraph parses for the cue model (written once, then read)",
    )
    args = parser.parse_args(argv)
    parts = set(args.parts.split(","))
    if parts - set(PARTS):
        parser.error(f"unknown part(s): {', '.join(sorted(parts - set(PARTS)))}")
    args.out_dir.mkdir(parents=True, exist_ok=True)
    t0 = time.perf_counter()
    articles = read_split(args.polnear, "train", args.limit, coref=False)
    if "lexicon" in parts:
        write_lexicon(articles, args.out_dir / OUT.name, args.min_count, args.min_precision)
    if "names" in parts:
        names = first_name_genders(args.polnear, args.limit)
        _write(
            args.out_dir / NAMES_OUT.name,
            {
                "about": "first names -> m/f, from he/she in CoreNLP coreference chains of PolNeAR train",
                "corpus": CORPUS,
                "min_votes": GENDER_MIN,
                "agreement": GENDER_AGREE,
                "names": names,
            },
        )
        print(f"{len(names)} first names -> {args.out_dir / NAMES_OUT.name}", file=sys.stderr)
    if "cues" in parts:
        model = fit_cue_model(cue_examples(articles, cache=args.parse_cache))
        _write(
            args.out_dir / MODEL_OUT.name,
            {
                "about": "logistic cue detector over spaCy features (askisk.speakers.cues.features): "
                "P(token lies in a gold cue span) = sigmoid(bias + sum of the weights of its features)",
                "corpus": CORPUS,
                "articles": len(articles),
                "min_feature": MODEL_MIN_FEATURE,
                "c": MODEL_C,
                **model,
            },
        )
        print(
            f"cue model: {model['examples']} tokens ({model['positives']} in cues), "
            f"{len(model['weights'])} weights -> {args.out_dir / MODEL_OUT.name}",
            file=sys.stderr,
        )
    print(f"{len(articles)} train articles, {time.perf_counter() - t0:.1f} s", file=sys.stderr)
    return 0


CORPUS = "PolNeAR v1.0.0 (networkdynamics/PolNeAR), train compartment, first annotator per article"


def _write(path: Path, payload: dict) -> None:
    path.write_text(json.dumps(payload, indent=0, ensure_ascii=False) + "\n", encoding="utf-8")


def write_lexicon(articles: list[Article], out: Path, min_count: int, min_precision: float) -> None:
    as_cue: Counter[str] = Counter()
    seen: Counter[str] = Counter()
    for art in articles:
        low = art.text.lower()
        seen.update(_WORD.findall(low))
        for attr in art.attributions:
            for a, b in attr.cue:
                as_cue.update(w for w in _WORD.findall(low[a:b]) if w not in _FUNCTION)
    lexicon = {
        w: [n, seen[w]]
        for w, n in sorted(as_cue.items())
        if n >= min_count and seen[w] and n / seen[w] >= min_precision
    }
    _write(
        out,
        {
            "about": "word forms that report speech, thought or findings, learned from PolNeAR train cue "
            "spans; [times inside a gold cue span, times in the train texts]",
            "corpus": CORPUS,
            "articles": len(articles),
            "min_count": min_count,
            "min_precision": min_precision,
            "words": lexicon,
        },
    )
    print(f"{sum(as_cue.values())} cue words, {len(lexicon)} in the lexicon -> {out}", file=sys.stderr)


def first_name_genders(root: Path, limit: int | None = None) -> dict[str, str]:
    votes: dict[str, Counter[str]] = {}
    for art in read_split(root, "train", limit):
        for chain in art.chains or ():
            genders = Counter(
                g for m in chain if (g := _PRONOUN_GENDER.get(art.text[m.start : m.end].lower())) is not None
            )
            firsts = {m.proper[0] for m in chain if len(m.proper) >= 2 and m.proper[0][:1].isupper()}
            if len(genders) != 1:
                continue  # no pronoun, or a chain that mixes he and she
            (gender,) = genders
            for first in firsts:
                if first.rstrip(".").lower() in ("mr", "mrs", "ms", "dr", "sen", "gov", "rep", "president"):
                    continue
                votes.setdefault(first, Counter())[gender] += 1
    out = {}
    for name, c in sorted(votes.items()):
        gender, n = c.most_common(1)[0]
        if n >= GENDER_MIN and n / sum(c.values()) >= GENDER_AGREE:
            out[name] = gender
    return out


def cue_examples(articles: list[Article], with_meta: bool = False, cache: Path | None = None):
    """(features, label[, (article, start, word)]) for every candidate token of every train paragraph.

    A paragraph is a line of the article; it is parsed exactly as attribution parses it (match_text, the
    same spaCy pipeline, the same quotation mask). The label is 1 when the token lies in a gold cue span.
    `cache`: a spaCy DocBin of those parses (written on the first run, read on the next: the parse of
    train is most of the wall time, and the features can change without it).
    """
    from askisk.speakers.cues import features, is_candidate

    for art, base, line, doc in _paragraph_parses(articles, cache):
        cues = sorted(span for attr in art.attributions for span in attr.cue)
        inside = quote_mask(line).inside
        for tok in doc:
            if not is_candidate(tok):
                continue
            a = base + tok.idx
            b = a + len(tok.text)
            label = int(any(s < b and a < e for s, e in cues))
            if with_meta:
                yield features(tok, inside), label, (art.name, a, tok.text)
            else:
                yield features(tok, inside), label


def _paragraph_parses(articles: list[Article], cache: Path | None):
    """(article, offset, line, doc) for every non-empty line of every article, parsed or read from `cache`
    (a cache holding another number of paragraphs is parsed again and overwritten)."""
    from spacy.tokens import DocBin

    from askisk.nlp import pipeline

    nlp = pipeline()
    paragraphs = []
    for art in articles:
        start = 0
        for line in art.text.split("\n"):
            if line.strip():
                paragraphs.append((art, start, line))
            start += len(line) + 1
    if cache is not None and cache.is_file():
        docs = list(DocBin().from_bytes(cache.read_bytes()).get_docs(nlp.vocab))
        if len(docs) == len(paragraphs):
            yield from ((a, b, line, d) for (a, b, line), d in zip(paragraphs, docs, strict=True))
            return
    store = DocBin()
    for (art, base, line), doc in zip(
        paragraphs, nlp.pipe((match_text(line) for _, _, line in paragraphs), batch_size=64), strict=True
    ):
        store.add(doc)
        yield art, base, line, doc
    if cache is not None:
        cache.write_bytes(store.to_bytes())


def fit_cue_model(examples, min_feature: int = MODEL_MIN_FEATURE, c: float = MODEL_C) -> dict:
    """Logistic regression (scikit-learn, training time only) -> {"bias", "weights"} for speakers/cues."""
    from sklearn.feature_extraction import DictVectorizer
    from sklearn.linear_model import LogisticRegression

    rows, labels = [], []
    counts: Counter[str] = Counter()
    for feats, label in examples:
        rows.append(feats)
        labels.append(label)
        counts.update(feats)
    kept = [{f: 1 for f in feats if counts[f] >= min_feature} for feats in rows]
    vec = DictVectorizer()
    x = vec.fit_transform(kept)
    model = LogisticRegression(C=c, max_iter=3000)
    model.fit(x, labels)
    names = vec.get_feature_names_out()
    weights = {
        str(n): round(float(w), 4)
        for n, w in zip(names, model.coef_[0], strict=True)
        if abs(w) >= MODEL_MIN_WEIGHT
    }
    return {
        "bias": round(float(model.intercept_[0]), 4),
        "weights": dict(sorted(weights.items())),
        "examples": len(rows),
        "positives": int(sum(labels)),
    }


if __name__ == "__main__":
    sys.exit(main())
