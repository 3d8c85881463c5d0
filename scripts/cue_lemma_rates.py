"""How often each verb lemma of PolNeAR train is an attribution's cue when the article itself uses it.

For every verb of every train article (parsed by askisk's own spaCy pipeline), outside what a gold
attribution's content says ("I think", "we will play" inside a quotation are the speaker's words, not the
article's use of the verb): how many times it occurs, and how many of those lie in a gold *cue* span.
Verbs seen at least MIN_COUNT times go to src/askisk/speakers/data/cue_lemma_rates.json as
lemma -> [occurrences, as a cue]. `speakers.cues.learnable` reads it: a verb the corpus almost never uses
as a cue ("played", "held talks", "took", "rolled back") is no learned cue, whatever its context.

Only PolNeAR train is read (dev is for tuning, test is held out and never opened). ~4 min on 2 cores:

    python scripts/cue_lemma_rates.py /work/data/polnear
"""

from __future__ import annotations

import argparse
import json
from collections import Counter
from pathlib import Path

from askisk.evaluate.polnear import read_split
from askisk.nlp import pipeline

MIN_COUNT = 8
OUT = Path(__file__).resolve().parents[1] / "src/askisk/speakers/data/cue_lemma_rates.json"


def count(polnear: Path) -> tuple[Counter, Counter, int]:
    nlp = pipeline()
    seen: Counter = Counter()
    cued: Counter = Counter()
    articles = list(read_split(polnear, "train", coref=False))
    for art in articles:
        cues = [c for a in art.attributions for c in a.cue]
        content = [c for a in art.attributions for c in a.content]
        for tok in nlp(art.text):
            if tok.pos_ != "VERB":
                continue
            s, e = tok.idx, tok.idx + len(tok.text)
            if any(cs < e and s < ce for cs, ce in cues):
                cued[tok.lemma_.lower()] += 1
            elif any(cs <= s and e <= ce for cs, ce in content):
                continue
            seen[tok.lemma_.lower()] += 1
    return seen, cued, len(articles)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("polnear", type=Path, help="the fetched PolNeAR folder (its data/train is read)")
    ap.add_argument("--out", type=Path, default=OUT)
    args = ap.parse_args()
    seen, cued, n = count(args.polnear)
    rates = {lemma: [seen[lemma], cued[lemma]] for lemma in sorted(seen) if seen[lemma] >= MIN_COUNT}
    record = {
        "provenance": f"PolNeAR train ({n} articles), scripts/cue_lemma_rates.py, verbs seen >= {MIN_COUNT}x",
        "rates": rates,
    }
    args.out.write_text(json.dumps(record, separators=(",", ":")) + "\n", encoding="utf-8")
    print(f"{len(rates)} verb lemmas -> {args.out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
