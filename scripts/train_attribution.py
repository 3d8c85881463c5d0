"""Learn askisk's cue lexicon and first-name genders from PolNeAR train.

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

Only PolNeAR train is read (dev is for tuning the thresholds, test is held out and never opened).

    python scripts/train_attribution.py ../PolNeAR
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import time
from collections import Counter
from pathlib import Path

from askisk.evaluate.polnear import read_split
from askisk.speakers.rules import vocab

DATA = Path(__file__).resolve().parents[1] / "src" / "askisk" / "speakers" / "data"
OUT = DATA / "cue_lexicon.json"
NAMES_OUT = DATA / "first_names.json"
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


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("polnear", type=Path, help="the PolNeAR checkout (with data/train)")
    parser.add_argument("--out", type=Path, default=OUT)
    parser.add_argument("--min-count", type=int, default=MIN_COUNT)
    parser.add_argument("--min-precision", type=float, default=MIN_PRECISION)
    args = parser.parse_args(argv)
    t0 = time.perf_counter()
    articles = read_split(args.polnear, "train", coref=False)
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
        if n >= args.min_count and seen[w] and n / seen[w] >= args.min_precision
    }
    payload = {
        "about": "word forms that report speech, thought or findings, learned from PolNeAR train cue spans; "
        "[times inside a gold cue span, times in the train texts]",
        "corpus": "PolNeAR v1.0.0 (networkdynamics/PolNeAR), train compartment, first annotator per article",
        "articles": len(articles),
        "min_count": args.min_count,
        "min_precision": args.min_precision,
        "words": lexicon,
    }
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(payload, indent=0, ensure_ascii=False) + "\n", encoding="utf-8")
    names = first_name_genders(args.polnear)
    NAMES_OUT.write_text(
        json.dumps(
            {
                "about": "first names -> m/f, from he/she in CoreNLP coreference chains of PolNeAR train",
                "corpus": "PolNeAR v1.0.0 (networkdynamics/PolNeAR), train compartment",
                "min_votes": GENDER_MIN,
                "agreement": GENDER_AGREE,
                "names": names,
            },
            indent=0,
            ensure_ascii=False,
        )
        + "\n",
        encoding="utf-8",
    )
    print(f"{len(names)} first names -> {NAMES_OUT}", file=sys.stderr)
    print(
        f"{len(articles)} articles, {sum(as_cue.values())} cue words, {len(lexicon)} in the lexicon "
        f"-> {args.out} ({time.perf_counter() - t0:.1f} s)",
        file=sys.stderr,
    )
    return 0


def first_name_genders(root: Path) -> dict[str, str]:
    votes: dict[str, Counter[str]] = {}
    for art in read_split(root, "train"):
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


if __name__ == "__main__":
    sys.exit(main())
