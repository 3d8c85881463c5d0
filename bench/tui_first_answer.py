"""Launch `askisk chat` in a real terminal (tmux), type a question as soon as the input shows, and time
the input becoming visible and the first answer appearing. Needs tmux and a built ./index.

    .venv/bin/python bench/tui_first_answer.py [--runs 3]
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import subprocess
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
QUESTION, ANSWER_TEXT = "When was IS-K created?", "January 2015"


def tmux(*args: str) -> str:
    return subprocess.run(["tmux", *args], capture_output=True, text=True).stdout or ""


def one_run(timeout: float = 60.0) -> tuple[float, float]:
    subprocess.run(["tmux", "kill-session", "-t", "askisk-bench"], stderr=subprocess.DEVNULL)
    start = time.perf_counter()
    tmux(
        "new-session",
        "-d",
        "-s",
        "askisk-bench",
        "-x",
        "100",
        "-y",
        "32",
        f"cd {ROOT} && .venv/bin/askisk chat",
    )
    ready = None
    try:
        while time.perf_counter() - start < timeout:
            screen = tmux("capture-pane", "-p", "-t", "askisk-bench")
            if ready is None and "Ask a question" in screen:
                ready = time.perf_counter() - start
                tmux("send-keys", "-t", "askisk-bench", QUESTION, "Enter")
            if ready is not None and ANSWER_TEXT in screen:
                return ready, time.perf_counter() - start
            time.sleep(0.02)
        raise SystemExit("no answer within the timeout")
    finally:
        subprocess.run(["tmux", "kill-session", "-t", "askisk-bench"], stderr=subprocess.DEVNULL)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    if not shutil.which("tmux"):
        raise SystemExit("tmux is needed (apt-get install tmux)")
    runs = [one_run() for _ in range(args.runs)]
    for ready, answer in runs:
        print(f"input visible {ready:.2f} s, first answer on screen {answer:.2f} s")
    print(
        f"median: input {statistics.median(r for r, _ in runs):.2f} s, "
        f"answer {statistics.median(a for _, a in runs):.2f} s"
    )


if __name__ == "__main__":
    main()
