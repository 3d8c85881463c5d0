"""Cost of the learned attribution tagger (speakers/tagger.py) at build time, on the seed kb and its fixtures.

Times, per sentence, the tagger alone (one batched run over each source's body sentences, each read
alone) and the whole attribution (`analyse`) with the tagger on and off (its gate and
recall steps skipped). The first load of the model is timed on its own. Interleaved rounds, best of N,
so load from other processes falls on all alike.

    .venv/bin/python bench/tagger.py --rounds 5
"""

from __future__ import annotations

import argparse
import time
from pathlib import Path

from askisk.sources.kb import load_sources
from askisk.sources.passages import split_passages
from askisk.speakers import tagged
from askisk.speakers.corpus import analyse
from askisk.speakers.tagger import load_tagger

ROOT = Path(__file__).resolve().parents[1]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--rounds", type=int, default=5)
    args = parser.parse_args()
    sources = [*load_sources(ROOT / "kb"), *load_sources(ROOT / "tests" / "fixtures" / "speakers")]
    split = [split_passages(source)[1] for source in sources]
    sentences = sum(len(p) for p in split)
    t0 = time.perf_counter()
    if load_tagger() is None:
        raise SystemExit("the tagger model is not shipped (src/askisk/speakers/tagger_model/)")
    loading = time.perf_counter() - t0
    analyse(sources[0])  # spaCy loaded outside the timings
    best = {"tagger": float("inf"), "analyse, tagger on": float("inf"), "analyse, tagger off": float("inf")}
    real = tagged.tag_passages
    for _ in range(args.rounds):
        t0 = time.perf_counter()
        for passages in split:
            real(passages)
        best["tagger"] = min(best["tagger"], time.perf_counter() - t0)
        for label, fn in (("analyse, tagger on", real), ("analyse, tagger off", _off)):
            tagged.tag_passages = fn  # type: ignore[assignment]
            t0 = time.perf_counter()
            for source in sources:
                analyse(source)
            best[label] = min(best[label], time.perf_counter() - t0)
        tagged.tag_passages = real  # type: ignore[assignment]
    print(f"{len(sources)} sources, {sentences} sentences, best of {args.rounds} rounds")
    print(f"{'tagger load':>20}: {loading * 1000:8.1f} ms once per process")
    for label, seconds in best.items():
        print(
            f"{label:>20}: {seconds * 1000:8.1f} ms total, {seconds / sentences * 1000:6.2f} ms per sentence"
        )


def _off(passages):
    return [None] * len(passages)


if __name__ == "__main__":
    main()
