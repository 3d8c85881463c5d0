"""Test-only fault injection: `ASKISK_FAULT=<point>` makes the process kill itself with SIGKILL there.

The write paths (`add`, `remove`, `index`) call `point(name)` at the moments a crash is most harmful, so
tests can kill a real process at an exact step instead of guessing with timers. Unset (always, outside
tests), `point` is one dictionary lookup. Points, in the order an `add` passes them:

    after-journal      the journal names the change, the kb is untouched
    after-kb-write     the first new kb file is written (more may follow)
    before-index       every kb file is written, the rebuild has not started
    before-switch      the new build folder is complete, CURRENT still names the old one
    after-switch       CURRENT names the new build, the journal is not yet cleared (on the Milvus store:
                       not yet published to URI readers)
    before-pointer     (Milvus store) the new build's records are in the meta collection, its pointer is
                       not (`index.milvus_publish`)
    after-stash        (`remove`) the source is moved to its hidden name, the rebuild has not started

`ASKISK_FAULT=<point>:pause` stops the process there instead (SIGSTOP), so a test can send it a signal at
that exact step and let it go on (SIGCONT): a signal "during the rebuild" without racing a build that may
finish in a fraction of a second.

Never use it for anything but tests: it kills the process without cleanup, on purpose.
"""

from __future__ import annotations

import os
import signal

FAULT_ENV = "ASKISK_FAULT"
POINTS = (
    "after-journal",
    "after-kb-write",
    "before-index",
    "before-switch",
    "after-switch",
    "before-pointer",
    "after-stash",
)


def point(name: str) -> None:
    wanted = os.environ.get(FAULT_ENV)
    if wanted == name:
        os.kill(os.getpid(), signal.SIGKILL)
    elif wanted == f"{name}:pause":
        os.kill(os.getpid(), signal.SIGSTOP)
