"""Build progress on the command line: messages as lines on stderr, counts as a rich bar (TTY only).

An instance is the `notify`/`progress` callable the service and `index.build_index` take; its `step`
method is what `build_index` looks for to report counts. Piped stderr gets the lines and no bar.
"""

from __future__ import annotations

import sys
from typing import Any


class BuildProgress:
    def __init__(self, enabled: bool | None = None) -> None:
        self.enabled = sys.stderr.isatty() if enabled is None else enabled
        self._bar: Any = None
        self._tasks: dict[str, tuple[Any, int]] = {}

    def __enter__(self) -> BuildProgress:
        return self

    def __exit__(self, *_exc: object) -> None:
        self.close()

    def __call__(self, message: str) -> None:
        if self._bar is not None:
            from rich.text import Text

            self._bar.console.print(Text(message))
        else:
            print(message, file=sys.stderr, flush=True)

    def step(self, stage: str, done: int, total: int) -> None:
        if not self.enabled or total <= 0:
            return
        if self._bar is None:
            from rich.console import Console
            from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

            self._bar = Progress(
                TextColumn("{task.description}"),
                BarColumn(),
                MofNCompleteColumn(),
                TimeElapsedColumn(),
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

    def close(self) -> None:
        if self._bar is not None:
            self._bar.stop()
            self._bar = None
            self._tasks.clear()
