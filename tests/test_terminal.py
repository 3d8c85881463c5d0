"""The CLI under a real pseudo-terminal (issue #18, defect 3): rich writes its own colours there, but no
escape sequence that comes from a source (OSC window title, clear screen, CSI as one C1 byte, BEL)
reaches the terminal; they arrive as visible symbols."""

from __future__ import annotations

import json
import os
import pty
import select
import subprocess
import sys
import time
from pathlib import Path

import pytest

TITLE = "Dam \x1b]0;PWNED\x07report \x1b[2J\x9b6n"
BODY = "The dam was finished in 2019 \x1b]0;OWNED\x07 and \x1b[2J it holds. Engineers praised the work.\n"
# what must never reach the terminal: the source's own sequences, byte for byte
FORBIDDEN = (b"\x1b]0;PWNED", b"\x1b]0;OWNED", b"PWNED\x07", b"\x1b[2J", b"\xc2\x9b", b"\x07")


def _run_in_pty(args: list[str], timeout: float = 300) -> tuple[int, bytes]:
    master, slave = pty.openpty()
    env = {**os.environ, "TERM": "xterm-256color", "COLUMNS": "160", "LINES": "50"}
    proc = subprocess.Popen(
        [sys.executable, "-m", "askisk", *args], stdin=slave, stdout=slave, stderr=slave, env=env
    )
    os.close(slave)
    out = bytearray()
    deadline = time.monotonic() + timeout
    try:
        while time.monotonic() < deadline:
            ready, _, _ = select.select([master], [], [], 0.2)
            if ready:
                try:
                    chunk = os.read(master, 65536)
                except OSError:  # EIO: the child closed its side
                    break
                if not chunk:
                    break
                out += chunk
            elif proc.poll() is not None:
                break
        code = proc.wait(timeout=30)
    finally:
        os.close(master)
        if proc.poll() is None:
            proc.kill()
    return code, bytes(out)


COMMANDS = (
    ["index"],  # the kb changed: the progress lines name the hostile file
    ["sources"],
    ["ask", "-k", "3", "When was the dam finished?"],
    ["check", "The dam was finished in 2019."],
    ["speakers"],
)


def test_no_escape_sequence_from_a_source_reaches_the_terminal(seed_copy):
    kb, index = seed_copy
    (kb / "dam \x1b]0;PWNED\x07.md").write_text(
        f"---\ntitle: {json.dumps(TITLE)}\n---\n{BODY}", encoding="utf-8"
    )
    for command in COMMANDS:
        code, out = _run_in_pty([*command, "--kb", str(kb), "--index", str(index)])
        assert code == 0, out.decode(errors="replace")[-2000:]
        for seq in FORBIDDEN:
            assert seq not in out, (command, seq, out.decode(errors="replace")[-2000:])
        if command[0] != "speakers":
            assert "␛" in out.decode("utf-8", errors="replace"), command  # there, as symbols


def test_pty_helper_sees_raw_sequences(tmp_path: Path):
    """The check above can fail: a program that prints a raw OSC sequence is caught by it."""
    script = tmp_path / "raw.py"
    script.write_text("import sys; sys.stdout.write('\\x1b]0;PWNED\\x07 hello\\n')\n")
    master, slave = pty.openpty()
    proc = subprocess.Popen([sys.executable, str(script)], stdout=slave, stderr=slave)
    os.close(slave)
    proc.wait(timeout=60)
    data = b""
    while select.select([master], [], [], 0.5)[0]:
        try:
            chunk = os.read(master, 4096)
        except OSError:
            break
        if not chunk:
            break
        data += chunk
    os.close(master)
    assert any(seq in data for seq in FORBIDDEN)


# -- the TUI's widgets: the same text, drawn by Textual ------------------------------------------------
def _hostile_hit():
    from askisk.models import Hit, SourceRef

    source = SourceRef("dam", TITLE, "/kb/dam.md", outlet="Out\x1b[5mlet", date="2019", url=None)
    return Hit(
        rank=1,
        score=0.9,
        text=BODY.strip(),
        speaker="Eng\x1b]0;X\x07ineer",
        attribution="quote",
        cue="said \x1b[31mthe engineer",
        source=source,
        passage_id="dam:0:abc",
        paragraph=1,
        position=0,
        context=BODY.strip(),
    )


@pytest.mark.anyio
async def test_tui_cards_and_context_show_controls_as_symbols():
    from textual.app import App
    from textual.widgets import Static

    from askisk.tui.screens.context import ContextScreen
    from askisk.tui.widgets.answer_card import AnswerCard

    hit = _hostile_hit()

    class One(App):
        def compose(self):
            yield AnswerCard(hit, "When was the dam finished?", "bold")

    app = One()
    async with app.run_test(size=(120, 30)) as pilot:
        await pilot.pause()
        texts = [str(w.render()) for w in app.screen.query(Static)]
        app.push_screen(ContextScreen(hit, "dam", [(1, BODY.strip())], "bold"))
        await pilot.pause()
        texts += [str(w.render()) for w in app.screen.query(Static)]
    joined = "\n".join(texts)
    assert "PWNED" in joined and "␛" in joined
    for ch in ("\x1b", "\x07", "\x9b"):
        assert ch not in joined, (ch, joined)


@pytest.fixture
def anyio_backend() -> str:
    return "asyncio"
