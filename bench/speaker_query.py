"""Query-side speaker matching per call (speakers_in_query + resolve_speaker) on the seed's speakers.

    .venv/bin/python bench/speaker_query.py

Prints microseconds per call; reads the seed index (built if missing) in ./index.
"""

from __future__ import annotations

import time

from askisk.service import Askisk
from askisk.speakers.query import resolve_speaker, speakers_in_query


def main() -> None:
    speakers = Askisk.open().store().speakers
    speakers_in_query("warm up", speakers)
    runs = []
    for _ in range(5):
        start = time.perf_counter()
        for _ in range(1000):
            speakers_in_query("What did McKenzie tell lawmakers about the Taliban?", speakers)
            resolve_speaker("the expert", speakers)
        runs.append((time.perf_counter() - start) / 2000 * 1e6)
    runs.sort()
    print(f"speaker matching per call: median {runs[2]:.1f} us (min {runs[0]:.1f}, max {runs[-1]:.1f})")


if __name__ == "__main__":
    main()
