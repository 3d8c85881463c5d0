"""Cost of the learned cue detector (speakers/cues.py) and speaker ranker (speakers/ranker.py) at build
time, on the seed kb and its fixtures.

Parses every body paragraph of kb/*.md and tests/fixtures/speakers/*.md once with the real spaCy pipeline,
then times, per sentence, the detector alone (features + scoring of every candidate token) and the whole
attribution (`analyse`) with the detector on and with it switched off (CUE_AT above 1), and with the
speaker ranker switched off (the rules choose alone). Interleaved
rounds, best of N, so load from other processes falls on all alike.

    .venv/bin/python bench/cue_detector.py --rounds 5
"""

from __future__ import annotations

import argparse
import time
from pathlib import Path

from askisk.nlp import pipeline
from askisk.sources.kb import load_sources
from askisk.sources.passages import split_passages
from askisk.speakers import cues, ranker
from askisk.speakers.corpus import analyse
from askisk.speakers.quotes import match_text, quote_mask

ROOT = Path(__file__).resolve().parents[1]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--rounds", type=int, default=5)
    args = parser.parse_args()
    sources = [*load_sources(ROOT / "kb"), *load_sources(ROOT / "tests" / "fixtures" / "speakers")]
    nlp = pipeline()
    model = cues.cue_model()
    docs = []
    sentences = 0
    for source in sources:
        paragraphs, passages = split_passages(source)
        sentences += len(passages)
        for para in paragraphs:
            if para.kind == "body":
                docs.append((nlp(match_text(para.text)), quote_mask(para.text).inside))
    best = {
        "detector": float("inf"),
        "analyse, detector on": float("inf"),
        "analyse, detector off": float("inf"),
        "analyse, ranker off": float("inf"),
    }
    models = ranker._models
    at = cues.CUE_AT
    for _ in range(args.rounds):
        t0 = time.perf_counter()
        for doc, inside in docs:
            for tok in doc:
                if cues.is_candidate(tok):
                    model.score(tok, inside)
        best["detector"] = min(best["detector"], time.perf_counter() - t0)
        for label, value in (("analyse, detector on", at), ("analyse, detector off", 2.0)):
            cues.CUE_AT = value
            t0 = time.perf_counter()
            for source in sources:
                analyse(source)
            best[label] = min(best[label], time.perf_counter() - t0)
        cues.CUE_AT = at
        ranker._models = lambda: {}  # type: ignore[assignment]
        t0 = time.perf_counter()
        for source in sources:
            analyse(source)
        best["analyse, ranker off"] = min(best["analyse, ranker off"], time.perf_counter() - t0)
        ranker._models = models  # type: ignore[assignment]
    print(f"{len(sources)} sources, {sentences} sentences, best of {args.rounds} rounds")
    for label, seconds in best.items():
        print(
            f"{label:>24}: {seconds * 1000:8.1f} ms total, {seconds / sentences * 1000:6.2f} ms per sentence"
        )


if __name__ == "__main__":
    main()
