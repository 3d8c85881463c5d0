"""A headless Chromium driven over the Chrome DevTools Protocol, for the browser test of `chat --web`.

CDP over a websocket needs no driver binary and no browser download: Debian's `chromium` and aiohttp's
websocket client (aiohttp comes with textual-serve) are enough. Every wait is bounded; `close` kills the
browser's whole process group.
"""

from __future__ import annotations

import asyncio
import contextlib
import itertools
import json
import os
import shutil
import signal
import subprocess
import tempfile
import time
from pathlib import Path
from typing import Any

import aiohttp

CANDIDATES = ("chromium", "chromium-browser", "google-chrome")

# textual-serve's xterm.js draws on a canvas and keeps its Terminal in a closure: the test finds it among the
# page's objects (Runtime.queryObjects) by its public API, then reads the screen through `buffer.active`.
_FIND_TERMINAL = """function () {
  for (const o of this) {
    try {
      if (o && typeof o.loadAddon === "function" && o.buffer && o.buffer.active) {
        window.__askiskTerminal = o;
        return true;
      }
    } catch (e) {}
  }
  return false;
}"""
_SCREEN = """(() => {
  const t = window.__askiskTerminal, b = t.buffer.active, rows = [];
  for (let y = 0; y < t.rows; y++) {
    const line = b.getLine(b.viewportY + y);
    rows.push(line ? line.translateToString(true) : "");
  }
  return rows.join("\\n");
})()"""


def find_chromium() -> str | None:
    for name in CANDIDATES:
        found = shutil.which(name)
        if found:
            return found
    return None


class CDPError(RuntimeError):
    pass


class Browser:
    """One headless Chromium with one page; `call` sends a CDP command to the page and awaits its answer."""

    def __init__(self, binary: str, width: int = 1280, height: int = 800) -> None:
        self.binary, self.width, self.height = binary, width, height
        self.profile = Path(tempfile.mkdtemp(prefix="askisk-chromium-"))
        self.proc: subprocess.Popen | None = None
        self.http: aiohttp.ClientSession | None = None
        self.ws: aiohttp.ClientWebSocketResponse | None = None
        self.ids = itertools.count(1)
        self.pending: dict[int, asyncio.Future] = {}
        self.events: list[dict[str, Any]] = []
        self.reader: asyncio.Task | None = None

    async def start(self, timeout: float = 30.0) -> None:
        self.proc = subprocess.Popen(
            [
                self.binary,
                "--headless=new",
                "--no-sandbox",  # the tests run as root in CI, where Chromium's sandbox refuses to start
                "--disable-gpu",
                "--no-first-run",
                "--no-default-browser-check",
                "--disable-extensions",
                "--disable-background-networking",
                "--disable-component-update",
                f"--user-data-dir={self.profile}",
                "--remote-debugging-address=127.0.0.1",
                "--remote-debugging-port=0",
                f"--window-size={self.width},{self.height}",
                "about:blank",
            ],
            stdin=subprocess.DEVNULL,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            start_new_session=True,
        )
        port_file = self.profile / "DevToolsActivePort"
        deadline = time.monotonic() + timeout
        while not (port_file.exists() and port_file.read_text().count("\n") >= 1):
            if self.proc.poll() is not None:
                raise CDPError(f"chromium exited with {self.proc.returncode} before it listened")
            if time.monotonic() > deadline:
                raise CDPError("chromium did not open its debugging port in time")
            await asyncio.sleep(0.05)
        port = int(port_file.read_text().splitlines()[0])
        self.http = aiohttp.ClientSession()
        async with self.http.get(f"http://127.0.0.1:{port}/json/list") as response:
            targets = await response.json()
        page = next(t for t in targets if t["type"] == "page")
        self.ws = await self.http.ws_connect(page["webSocketDebuggerUrl"], max_msg_size=0)
        self.reader = asyncio.create_task(self._read())

    async def _read(self) -> None:
        assert self.ws is not None
        async for message in self.ws:
            data = json.loads(message.data)
            future = self.pending.pop(data.get("id", -1), None)
            if future is not None and not future.done():
                future.set_result(data)
            elif "method" in data:
                self.events.append(data)
        for future in self.pending.values():
            future.set_exception(CDPError("the browser closed the connection"))

    async def call(self, method: str, timeout: float = 15.0, **params: Any) -> dict[str, Any]:
        assert self.ws is not None
        n = next(self.ids)
        future = asyncio.get_running_loop().create_future()
        self.pending[n] = future
        await self.ws.send_str(json.dumps({"id": n, "method": method, "params": params}))
        answer = await asyncio.wait_for(future, timeout)
        if "error" in answer:
            raise CDPError(f"{method}: {answer['error'].get('message')}")
        return answer.get("result", {})

    async def evaluate(self, expression: str) -> Any:
        result = await self.call("Runtime.evaluate", expression=expression, returnByValue=True)
        if "exceptionDetails" in result:
            raise CDPError(f"{expression[:60]}: {result['exceptionDetails'].get('text')}")
        return result["result"].get("value")

    async def wait_for(self, expression: str, timeout: float, every: float = 0.2) -> Any:
        """Poll a JavaScript expression until it is truthy; its value, or CDPError after `timeout` s."""
        deadline = time.monotonic() + timeout
        value = None
        while time.monotonic() < deadline:
            value = await self.evaluate(expression)
            if value:
                return value
            await asyncio.sleep(every)
        raise CDPError(f"timed out after {timeout:.0f}s waiting for {expression[:80]} (last: {value!r})")

    async def find_terminal(self) -> bool:
        """Keep a handle on the page's xterm.js Terminal (true when found)."""
        base = await self.call("Runtime.evaluate", expression="Object.prototype")
        found = await self.call("Runtime.queryObjects", prototypeObjectId=base["result"]["objectId"])
        result = await self.call(
            "Runtime.callFunctionOn",
            objectId=found["objects"]["objectId"],
            functionDeclaration=_FIND_TERMINAL,
            returnByValue=True,
        )
        return bool(result["result"].get("value"))

    async def wait_for_terminal(self, timeout: float) -> None:
        deadline = time.monotonic() + timeout
        while not await self.find_terminal():
            if time.monotonic() > deadline:
                raise CDPError("no xterm.js terminal on the page")
            await asyncio.sleep(0.2)

    async def screen(self) -> str:
        """The terminal's visible rows as text, one line per row."""
        return await self.evaluate(_SCREEN)

    async def wait_for_screen(self, predicate, timeout: float, every: float = 0.25) -> str:
        """Poll the screen text until `predicate(text)` holds; the text, or CDPError after `timeout` s."""
        deadline = time.monotonic() + timeout
        text = ""
        while time.monotonic() < deadline:
            text = await self.screen()
            if predicate(text):
                return text
            await asyncio.sleep(every)
        raise CDPError(f"timed out after {timeout:.0f}s; the screen showed:\n{text}")

    async def type(self, text: str) -> None:
        """Key presses into the focused element, one character at a time, as a user types."""
        for ch in text:
            await self.call("Input.dispatchKeyEvent", type="keyDown", key=ch, text=ch, unmodifiedText=ch)
            await self.call("Input.dispatchKeyEvent", type="keyUp", key=ch)

    async def press_enter(self) -> None:
        key = {"key": "Enter", "code": "Enter", "windowsVirtualKeyCode": 13}
        await self.call("Input.dispatchKeyEvent", type="keyDown", text="\r", **key)
        await self.call("Input.dispatchKeyEvent", type="keyUp", **key)

    async def close(self) -> None:
        if self.reader is not None:
            self.reader.cancel()
        if self.ws is not None:
            await self.ws.close()
        if self.http is not None:
            await self.http.close()
        if self.proc is not None and self.proc.poll() is None:
            with contextlib.suppress(ProcessLookupError):
                os.killpg(self.proc.pid, signal.SIGKILL)
            self.proc.wait(timeout=10)
        shutil.rmtree(self.profile, ignore_errors=True)
