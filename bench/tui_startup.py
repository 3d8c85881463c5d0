"""Time from launching `askisk chat` to a usable input (the first frame with the input focused).

Two measures, both printed in milliseconds (median of N runs):
  inprocess  import of the CLI + app construction + Textual start until the input has focus
             (App.run_test, headless; the service still loading in its worker);
  terminal   wall clock from spawning `askisk` in a real tmux terminal to the input's placeholder
             appearing on screen (includes the Python interpreter start-up), if tmux is installed.

Usage: python bench/tui_startup.py [--runs N] [--kb DIR] [--index DIR]
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path

PLACEHOLDER = "Ask a question"
HEAVY = ("torch", "sentence_transformers", "faiss", "numpy")


def inprocess_once(kb: str | None, index: str | None) -> tuple[float, list[str]]:
    """One run in a fresh interpreter; returns (ms to focused input, heavy modules loaded by then)."""
    argv = ["chat", *(["--kb", kb] if kb else []), *(["--index", index] if index else [])]
    code = f"""
import sys, time, asyncio
t0 = time.perf_counter()
from askisk.cli import build_parser
args = build_parser().parse_args({argv!r})
from askisk.tui.app import make_app
from askisk.tui.widgets.question_input import QuestionInput
async def main():
    app = make_app(args.kb, args.index)
    async with app.run_test(size=(80, 24)) as pilot:
        while not app.screen.query(QuestionInput) or not app.screen.query_one(QuestionInput).has_focus:
            await pilot.pause(0.001)
        ms = (time.perf_counter() - t0) * 1000
        heavy = [m for m in {HEAVY!r} if m in sys.modules]
        print(f"{{ms:.1f}} {{','.join(heavy)}}")
        app.exit()
asyncio.run(main())
"""
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    ms, _, heavy = out.strip().splitlines()[-1].partition(" ")
    return float(ms), [h for h in heavy.split(",") if h]


def terminal_once(kb: str | None, index: str | None) -> float | None:
    tmux = shutil.which("tmux")
    exe = Path(sys.executable).with_name("askisk")
    if tmux is None or not exe.exists():
        return None
    session = "askisk-bench"
    subprocess.run([tmux, "kill-session", "-t", session], capture_output=True)
    cmd = [str(exe), "chat", *(["--kb", kb] if kb else []), *(["--index", index] if index else [])]
    t0 = time.perf_counter()
    subprocess.run(
        [tmux, "new-session", "-d", "-s", session, "-x", "80", "-y", "24", " ".join(cmd)], check=True
    )
    try:
        while time.perf_counter() - t0 < 20:
            pane = subprocess.run([tmux, "capture-pane", "-p", "-t", session], capture_output=True, text=True)
            if PLACEHOLDER in pane.stdout:
                return (time.perf_counter() - t0) * 1000
            time.sleep(0.005)
        return None
    finally:
        subprocess.run([tmux, "kill-session", "-t", session], capture_output=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--kb")
    parser.add_argument("--index")
    args = parser.parse_args()
    print(f"load average before: {' '.join(f'{x:.2f}' for x in os.getloadavg())} on {os.cpu_count()} CPUs")
    runs = [inprocess_once(args.kb, args.index) for _ in range(args.runs)]
    heavy = sorted({m for _, mods in runs for m in mods})
    ms = [r[0] for r in runs]
    print(
        f"inprocess input-ready: median {statistics.median(ms):.0f} ms (min {min(ms):.0f}, max {max(ms):.0f})"
    )
    print(f"heavy modules imported before input-ready: {', '.join(heavy) or 'none'}")
    term = [t for t in (terminal_once(args.kb, args.index) for _ in range(args.runs)) if t is not None]
    if term:
        print(
            f"terminal (tmux) input visible: median {statistics.median(term):.0f} ms "
            f"(min {min(term):.0f}, max {max(term):.0f}, {len(term)} runs)"
        )
    else:
        print("terminal (tmux) measure skipped: tmux or the askisk script not found")


if __name__ == "__main__":
    main()
