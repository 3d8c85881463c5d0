"""Interrupted writes (issue #18, defect 6) with real processes and real signals: Ctrl-C and SIGTERM undo
an `add` or `remove` in the process; SIGKILL at each fault point (`askisk.faults`, ASKISK_FAULT) leaves a
journal that the next command completes or rolls back, saying which; kb and index agree afterwards."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from conftest import FIXTURES, run_cli

from askisk.config import Paths
from askisk.service import Askisk
from askisk.sources.journal import JOURNAL
from askisk.sources.kbwrite import add_files

ARTICLE = FIXTURES / "articles" / "harbour-flood.txt"
SEED_QUESTION = "When was IS-K created?"


def _loc(kb: Path, index: Path) -> list[str]:
    return ["--kb", str(kb), "--index", str(index)]


def _agree_and_answer(kb: Path, index: Path) -> None:
    """The index reflects the kb as it is, no journal is left, and the seed question is answered."""
    service = Askisk(Paths(kb, index))
    assert not service.status().stale
    assert not (kb / JOURNAL).exists()
    assert not list(kb.glob(".*.part")) and not list(kb.glob(".*.removed"))
    assert service.ask(SEED_QUESTION).results[0].source.id == "isk-central-asia"


def _wait_for_phase(kb: Path, phase: str, proc: subprocess.Popen, timeout: float = 240) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        assert proc.poll() is None, proc.communicate()
        try:
            if json.loads((kb / JOURNAL).read_text())["phase"] == phase:
                return
        except (FileNotFoundError, ValueError):
            pass
        time.sleep(0.05)
    raise AssertionError(f"the journal never reached phase {phase!r}")


def _wait_until_stopped(proc: subprocess.Popen, timeout: float = 240) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        assert proc.poll() is None, proc.communicate()
        state = Path(f"/proc/{proc.pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
        if state == "T":
            return
        time.sleep(0.05)
    raise AssertionError("the add never reached its pause point")


# As from a terminal: a runner started in the background (`cmd &`) passes SIGINT on ignored, so the child
# restores it and then becomes `askisk` by exec (same pid). Not `preexec_fn`: that forces a plain fork() of
# the test worker, and a worker that has run a Milvus Lite test holds gRPC threads, whose fork handlers then
# abort the child now and then (CI, stop 27: SIGABRT, "epoll_wait error: Bad file descriptor").
_WITH_SIGINT = (
    "import os, signal, sys; signal.signal(signal.SIGINT, signal.SIG_DFL); "
    "os.execv(sys.executable, [sys.executable, '-m', 'askisk', *sys.argv[1:]])"
)


@pytest.mark.parametrize(
    ("sig", "code", "said"), [(signal.SIGTERM, 143, "terminated"), (signal.SIGINT, 130, "interrupted")]
)
def test_a_signal_during_add_takes_the_new_files_out(seed_copy, sig, code, said):
    kb, index = seed_copy
    proc = subprocess.Popen(
        [sys.executable, "-c", _WITH_SIGINT, "add", str(ARTICLE), *_loc(kb, index)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env={**os.environ, "ASKISK_PROGRESS_EVERY": "0", "ASKISK_FAULT": "before-switch:pause"},
    )
    # the rebuild has made the new build folder and stopped itself before switching to it (a seed rebuild
    # takes a fraction of a second, so a timer would race it): the signal arrives mid-add, for certain
    _wait_until_stopped(proc)
    assert (kb / "harbour-flood.md").exists()
    assert json.loads((kb / JOURNAL).read_text())["phase"] == "indexing"
    proc.send_signal(sig)
    os.kill(proc.pid, signal.SIGCONT)
    _, err = proc.communicate(timeout=240)
    assert proc.returncode == code, err
    assert f"askisk: {said}" in err and "taken out of the kb again" in err
    assert "Traceback" not in err
    assert not (kb / "harbour-flood.md").exists()
    _agree_and_answer(kb, index)


CASES = [
    # (command, fault point, what the next command says, harbour-flood in the kb afterwards)
    ("add", "after-journal", "rolled it back", False),
    ("add", "after-kb-write", "rolled it back (1 half-added kb file(s) removed)", False),
    ("add", "before-index", "completed it (1 new kb file(s) kept)", True),
    ("add", "before-switch", "completed it", True),
    ("add", "after-switch", "completed it", True),
    ("remove", "after-stash", "completed it (the source stays removed)", False),
    ("remove", "before-switch", "completed it", False),
    ("index", "before-switch", None, True),
]


@pytest.mark.parametrize(("command", "point", "said", "kept"), CASES)
def test_sigkill_at_a_fault_point_is_recovered_by_the_next_command(seed_copy, command, point, said, kept):
    kb, index = seed_copy
    if command == "add":
        args = ["add", str(ARTICLE)]
    else:
        add_files(kb, [ARTICLE])  # a second source to remove or to index
        assert run_cli("index", *_loc(kb, index)).returncode == 0
        args = ["remove", "harbour-flood"] if command == "remove" else ["index", "--full"]
    killed = run_cli(*args, *_loc(kb, index), env={"ASKISK_FAULT": point})
    assert killed.returncode == -signal.SIGKILL, killed.stderr

    after = run_cli("sources", "--json", *_loc(kb, index))
    assert after.returncode == 0, after.stderr
    if said is None:
        assert "interrupted" not in after.stderr
    else:
        assert f"an earlier `{command}` was interrupted" in after.stderr and said in after.stderr
    ids = {json.loads(line)["id"] for line in after.stdout.splitlines()}
    assert ("harbour-flood" in ids) == kept
    assert (kb / "harbour-flood.md").exists() == kept
    _agree_and_answer(kb, index)


def test_a_live_add_is_not_recovered_by_another_command(seed_copy):
    """A journal held by a running process is left alone: only a dead one's is recovered."""
    kb, index = seed_copy
    proc = subprocess.Popen(
        [sys.executable, "-m", "askisk", "add", str(ARTICLE), *_loc(kb, index)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    _wait_for_phase(kb, "indexing", proc)
    from askisk.sources.journal import recover

    assert recover(kb) is None and (kb / "harbour-flood.md").exists()
    _, err = proc.communicate(timeout=300)
    assert proc.returncode == 0, err
    _agree_and_answer(kb, index)
