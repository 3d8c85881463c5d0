"""Build progress on the command line: messages as lines on stderr, counts as a rich bar with rate and
ETA on a terminal, and as a line every few seconds ("embedding 2,048/119,160 passages, 95/s, about
20m left") when stderr is piped or logged.

An instance is the `notify`/`progress` callable the service and `index.build_index` take; its `step`
method is what `build_index` looks for to report counts. $ASKISK_PROGRESS_EVERY sets the seconds
between piped lines (default 5; 0 prints every step).
"""

from __future__ import annotations

import os
import sys
import time
from typing import Any

PROGRESS_EVERY_ENV = "ASKISK_PROGRESS_EVERY"
LINE_STAGES = {"embedding": "passages"}  # stages long enough to report on piped stderr


def _duration(seconds: float) -> str:
    if seconds < 90:
        return f"{seconds:.0f}s"
    if seconds < 5400:
        return f"{seconds / 60:.0f}m"
    return f"{seconds / 3600:.1f}h"


def progress_line(stage: str, done: int, total: int, elapsed: float, counted: int) -> str:
    """One line of progress: counts, and rate and ETA once `counted` items took `elapsed` seconds."""
    noun = LINE_STAGES.get(stage, "")
    line = f"{stage} {done:,}/{total:,} {noun}".rstrip()
    if counted > 0 and elapsed > 0:
        rate = counted / elapsed
        line += f", {rate:,.0f}/s"
        if done < total:
            line += f", about {_duration((total - done) / rate)} left"
        else:
            line += f", in {_duration(elapsed)}"
    return line


class BuildProgress:
    def __init__(self, enabled: bool | None = None) -> None:
        self.enabled = sys.stderr.isatty() if enabled is None else enabled
        self._bar: Any = None
        self._tasks: dict[str, tuple[Any, int]] = {}
        self._started: dict[str, tuple[float, int]] = {}  # stage -> (time, count) at its first step
        self._last_line: dict[str, float] = {}
        try:
            self.every = float(os.environ.get(PROGRESS_EVERY_ENV) or 5.0)
        except ValueError:
            self.every = 5.0

    def __enter__(self) -> BuildProgress:
        return self

    def __exit__(self, *_exc: object) -> None:
        self.close()

    def __call__(self, message: str) -> None:
        from askisk.text import printable

        message = printable(message)  # file names and titles come from sources
        if self._bar is not None:
            from rich.text import Text

            self._bar.console.print(Text(message))
        else:
            print(message, file=sys.stderr, flush=True)

    def step(self, stage: str, done: int, total: int) -> None:
        if total <= 0:
            return
        if not self.enabled:
            self._line(stage, done, total)
            return
        if self._bar is None:
            from rich.console import Console
            from rich.progress import (
                BarColumn,
                MofNCompleteColumn,
                Progress,
                TextColumn,
                TimeElapsedColumn,
                TimeRemainingColumn,
            )

            self._bar = Progress(
                TextColumn("{task.description}"),
                BarColumn(),
                MofNCompleteColumn(),
                _Rate(),
                TimeElapsedColumn(),
                TimeRemainingColumn(),
                console=Console(stderr=True),
                transient=True,
            )
            self._bar.start()
        if stage not in self._tasks:
            for earlier, earlier_total in self._tasks.values():  # a new stage: the earlier ones are done
                self._bar.update(earlier, completed=earlier_total)
            self._tasks[stage] = (self._bar.add_task(stage, total=total), total)
        task, _ = self._tasks[stage]
        self._tasks[stage] = (task, total)
        self._bar.update(task, completed=done, total=total)

    def _line(self, stage: str, done: int, total: int) -> None:
        if stage not in LINE_STAGES:
            return
        now = time.monotonic()
        start = self._started.setdefault(stage, (now, done))
        last = self._last_line.get(stage)
        if done < total and last is not None and now - last < self.every:
            return
        self._last_line[stage] = now
        line = progress_line(stage, done, total, now - start[0], done - start[1])
        print(line, file=sys.stderr, flush=True)

    def close(self) -> None:
        if self._bar is not None:
            self._bar.stop()
            self._bar = None
            self._tasks.clear()


def _Rate():  # noqa: N802 - a rich column, built lazily so rich is imported only with a bar
    from rich.progress import ProgressColumn
    from rich.text import Text

    class Rate(ProgressColumn):
        def render(self, task: Any) -> Text:
            return Text(f"{task.speed:,.0f}/s" if task.speed else "", style="progress.data.speed")

    return Rate()
