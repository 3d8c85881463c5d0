"""`askisk chat --web`: the real server (a subprocess on a free loopback port) opened in a real headless
Chromium (Debian's `chromium`, driven over CDP, see cdp.py), plus its bad input and its lazy imports.

The browser test skips, saying why, only when no chromium binary exists (scripts/setup installs it where
it can). Every wait is bounded; the server's whole process group is killed whatever happens.
"""

from __future__ import annotations

import base64
import contextlib
import os
import re
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest
from cdp import Browser, find_chromium
from conftest import run_cli

pytestmark = pytest.mark.anyio

CHROMIUM = find_chromium()
QUESTION = "Who recruits Central Asians for IS-K?"
CARD = re.compile(r"▌ (\d+)\. (.+?)(?: {2,}|$)", re.M)  # a card's heading row: "▌ 2. Speaker  cue  score"


# -- the server ----------------------------------------------------------------------------------------
def start_web(
    kb: Path, index: Path, folder: Path, *extra: str, timeout: float = 60
) -> tuple[subprocess.Popen, str]:
    """`askisk chat --web --port 0 [extra]` in its own process group; the process and the URL it announced."""
    out, err = (folder / "web.out").open("w"), (folder / "web.err").open("w")
    argv = [
        sys.executable,
        "-m",
        "askisk",
        "chat",
        "--web",
        "--port",
        "0",
        "--kb",
        str(kb),
        "--index",
        str(index),
    ]
    argv += extra
    with out, err:  # the child keeps its own copies
        proc = subprocess.Popen(
            argv, stdin=subprocess.DEVNULL, stdout=out, stderr=err, start_new_session=True
        )
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        said = (folder / "web.err").read_text()
        found = re.search(r"in the browser at (http://\S+:\d+) ", said)
        if found:
            return proc, found.group(1)
        if proc.poll() is not None:
            raise AssertionError(f"chat --web exited with {proc.returncode}: {said}")
        time.sleep(0.1)
    kill_group(proc)
    raise AssertionError("chat --web did not announce its address in time")


def kill_group(proc: subprocess.Popen) -> None:
    with contextlib.suppress(ProcessLookupError):
        os.killpg(proc.pid, signal.SIGKILL)
    proc.wait(timeout=10)


def group_alive(pgid: int) -> list[int]:
    """Live (not zombie) processes of a process group, from /proc."""
    alive = []
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            state, _ppid, pgrp = (entry / "stat").read_text().rsplit(")", 1)[1].split()[:3]
        except OSError:
            continue
        if int(pgrp) == pgid and state != "Z":
            alive.append(int(entry.name))
    return alive


@pytest.fixture
def web_server(seed_copy, tmp_path):
    kb, index = seed_copy
    proc, url = start_web(kb, index, tmp_path)
    try:
        yield proc, url
    finally:
        kill_group(proc)


# -- the browser test --------------------------------------------------------------------------------
@pytest.mark.skipif(CHROMIUM is None, reason="no chromium binary (scripts/setup installs Debian's as root)")
async def test_chat_in_a_headless_chromium(web_server, seed_service):
    proc, url = web_server
    expected = seed_service.ask(QUESTION).results
    browser = Browser(CHROMIUM)  # type: ignore[arg-type]
    try:
        await browser.start()
        await browser.call("Network.enable")
        await browser.call("Page.navigate", url=url + "/")
        await browser.wait_for("document.body && document.body.classList.contains('-first-byte')", 60)
        await browser.wait_for_terminal(30)
        await browser.wait_for_screen(lambda text: "ready" in text.splitlines()[0], 120)
        await browser.evaluate("document.querySelector('.xterm-helper-textarea').focus()")
        await browser.type(QUESTION)
        await browser.press_enter()
        screen = await browser.wait_for_screen(lambda text: "▌ 1. " in text, 60)
        if os.environ.get("ASKISK_WEB_SCREENSHOT"):  # for a person checking the look; never committed
            shot = await browser.call("Page.captureScreenshot", format="png")
            Path(os.environ["ASKISK_WEB_SCREENSHOT"]).write_bytes(base64.b64decode(shot["data"]))
        fonts = await browser.evaluate(
            "[...document.fonts].filter(f => f.status === 'loaded').map(f => f.family).join(',')"
        )
        requested = [
            e["params"]["request"]["url"]
            for e in browser.events
            if e["method"] == "Network.requestWillBeSent"
        ]
        sockets = [e["params"]["url"] for e in browser.events if e["method"] == "Network.webSocketCreated"]
    finally:
        await browser.close()

    assert f"› {QUESTION}" in screen
    cards = [(int(rank), name.strip()) for rank, name in CARD.findall(screen)]
    assert cards and cards[0][0] == 1, screen
    # every card on screen is the service's answer at that rank, by the same speaker
    assert [name for _, name in cards] == [expected[r - 1].speaker or "Narration" for r, _ in cards], screen
    speakers = [name for _, name in cards if name != "Narration"]
    assert speakers, f"no card with a speaker on screen:\n{screen}"
    # the page loaded everything from this server: its font too, no CDN
    assert "Roboto Mono" in fonts
    assert requested and all(u.startswith(url + "/") for u in requested), requested
    assert len(sockets) == 1 and sockets[0].startswith(url.replace("http://", "ws://") + "/ws?"), sockets

    # SIGTERM to the server alone ends it and, through the closed websocket, the tab's chat process
    proc.send_signal(signal.SIGTERM)
    assert proc.wait(timeout=30) == 0
    deadline = time.monotonic() + 30
    while group_alive(proc.pid) and time.monotonic() < deadline:
        time.sleep(0.1)
    assert group_alive(proc.pid) == []


# -- bad input -----------------------------------------------------------------------------------------
def test_busy_port_bad_host_and_misplaced_flags_are_one_line(seed_copy):
    kb, _ = seed_copy
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen(1)
        port = taken.getsockname()[1]
        busy = run_cli("chat", "--web", "--port", str(port), "--kb", str(kb), timeout=60)
    cases = {
        "busy": (busy, f"cannot listen on 127.0.0.1:{port}: Address already in use"),
        "host": (
            run_cli("chat", "--web", "--host", "no-such-host.invalid", "--kb", str(kb), timeout=60),
            "cannot listen on 'no-such-host.invalid': not an address of this machine",
        ),
        "range": (run_cli("chat", "--web", "--port", "70000", "--kb", str(kb)), "--port 70000 is not a port"),
        "no-web": (run_cli("chat", "--port", "8000", "--kb", str(kb)), "--host and --port go with --web"),
        "no-kb": (
            run_cli("chat", "--web", "--port", "0", "--kb", str(kb / "missing")),
            "no knowledge base folder at",
        ),
    }
    for name, (result, reason) in cases.items():
        lines = result.stderr.strip().splitlines()
        assert result.returncode == 1 and len(lines) == 1, (name, result.stderr)
        assert lines[0].startswith("askisk: error: ") and reason in lines[0], (name, lines)


def test_beyond_loopback_it_warns_and_sigterm_stops_it(seed_copy, tmp_path):
    kb, index = seed_copy
    proc, url = start_web(kb, index, tmp_path, "--host", "0.0.0.0")
    try:
        port = int(url.rsplit(":", 1)[1])
        with socket.create_connection(("127.0.0.1", port), timeout=10) as conn:
            conn.sendall(b"GET / HTTP/1.0\r\n\r\n")
            page = b"".join(iter(lambda: conn.recv(65536), b"")).decode("utf-8", "replace")
        assert page.split("\r\n")[0].endswith(" 200 OK"), page[:200]
        # a wildcard bind names this machine in the page's websocket address, not 0.0.0.0
        assert f'data-session-websocket-url="ws://{socket.gethostname()}:{port}/ws"' in page
        proc.send_signal(signal.SIGTERM)
        assert proc.wait(timeout=30) == 0
    finally:
        kill_group(proc)
    lines = (tmp_path / "web.err").read_text().splitlines()
    assert lines[0] == (
        f"askisk: warning: 0.0.0.0:{port} is not loopback: "
        "whoever reaches it can use the chat and add sources"
    )
    assert lines[1].startswith("askisk: chat in the browser at http://")


def test_chat_and_ask_never_import_textual_serve():
    probe = (
        "import sys, askisk.cli; p = askisk.cli.build_parser(); p.parse_args(['chat', '--web']); "
        "import askisk.tui.app, askisk.cli.ask_cmd, askisk.service; "
        "print(sorted(m for m in ('textual_serve', 'aiohttp') if m in sys.modules))"
    )
    out = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "[]"


def test_the_page_loads_nothing_from_outside_the_server():
    from askisk.tui.web import TEMPLATES

    page = (TEMPLATES / "app_index.html").read_text(encoding="utf-8")
    links = re.findall(r"""(?:href|src)\s*=\s*["']([^"']+)""", page) + re.findall(
        r"url\(\s*\"?([^\")]+)", page
    )
    assert links and all(link.startswith("{{ config.static.url }}") for link in links), links
