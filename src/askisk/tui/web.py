"""`askisk chat --web`: the chat app served to a browser with textual-serve; every tab runs its own
`askisk chat` process (textual-serve starts it with Textual's web driver and relays the screen over a
websocket to xterm.js in the page).

Owns the listening socket, the command each tab runs, and the page template. Decisions:
- The socket is bound here, before serving, so a busy port or a bad host is one InputError line and
  `--port 0` reports the port it got.
- textual-serve's own page loads Roboto Mono from a font CDN; ours (templates/app_index.html, otherwise its
  template as it ships) takes the font from textual-serve's static folder, so the page loads nothing from
  outside this server and works offline.
- textual-serve and aiohttp are the `web` extra, imported only on this path (plain `chat` and `ask` never
  import them). Never prints: `notify` gets the one start-up line.
"""

from __future__ import annotations

import shlex
import socket
import sys
from collections.abc import Callable
from pathlib import Path

from askisk.config import Paths
from askisk.errors import InputError

TEMPLATES = Path(__file__).resolve().parent / "templates"
WILDCARD = {"0.0.0.0", "::", ""}


def check_installed() -> None:
    """One line naming the extra when textual-serve (or its aiohttp) is missing; nothing is imported yet."""
    import importlib.util

    for name in ("textual_serve", "aiohttp"):
        if importlib.util.find_spec(name) is None:
            raise InputError(f"askisk chat --web needs {name}; install it with: pip install 'askisk[web]'")


def chat_command(paths: Paths, top_k: int, store: str | None = None) -> str:
    """The shell command textual-serve runs for each browser tab: this Python's `askisk chat`."""
    argv = [sys.executable, "-m", "askisk"]
    if store:
        argv += ["--store", store]
    argv += ["chat", "--kb", str(paths.kb), "--index", str(paths.index), "--top-k", str(top_k)]
    return shlex.join(argv)


def bind(host: str, port: int) -> socket.socket:
    """The listening socket; a port out of range, a host that does not resolve or a busy port is one line."""
    if not 0 <= port <= 65535:
        raise InputError(f"--port {port} is not a port number (0-65535)")
    try:
        family, kind, proto, _, address = socket.getaddrinfo(
            host or None, port, type=socket.SOCK_STREAM, flags=socket.AI_PASSIVE
        )[0]
    except (socket.gaierror, UnicodeError) as exc:
        reason = exc.strerror if isinstance(exc, socket.gaierror) else str(exc)
        raise InputError(f"cannot listen on {host!r}: not an address of this machine ({reason})") from None
    sock = socket.socket(family, kind, proto)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    try:
        sock.bind(address)
    except OSError as exc:
        sock.close()
        raise InputError(f"cannot listen on {host}:{port}: {exc.strerror or exc}") from None
    sock.listen(128)
    return sock


def public_url(sock: socket.socket) -> str:
    """The address the page and its websocket are reached at (a wildcard bind names this machine)."""
    host, port = sock.getsockname()[:2]
    if host in WILDCARD:
        host = socket.gethostname()
    elif ":" in host:
        host = f"[{host}]"
    return f"http://{host}:{port}"


def serve(command: str, sock: socket.socket, notify: Callable[[str], None]) -> None:
    """Serve the chat on `sock` until interrupted (ctrl+c or SIGTERM); closes the socket."""
    from aiohttp import web
    from textual_serve.server import Server

    url = public_url(sock)

    class ChatServer(Server):
        async def on_startup(self, app: web.Application) -> None:
            notify(f"askisk: chat in the browser at {url} (ctrl+c stops)")

    host, port = sock.getsockname()[:2]
    server = ChatServer(
        command, host=host, port=port, title="askisk", public_url=url, templates_path=TEMPLATES
    )
    try:
        # aiohttp's own signal handling: ctrl+c and SIGTERM shut down gracefully, which closes each tab's
        # websocket and so ends its chat process
        web.run_app(server._make_app(), sock=sock, print=None, access_log=None, handle_signals=True)
    finally:
        sock.close()
