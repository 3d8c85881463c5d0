"""`askisk serve`: the HTTP API (askisk.api) on uvicorn; loopback by default, ASKISK_TOKEN guards it.

FastAPI and uvicorn are the `serve` extra and are imported only here, when the command runs.
"""

from __future__ import annotations

import argparse
import os

from askisk.config import is_loopback

TOKEN_ENV = "ASKISK_TOKEN"


def register(sub: argparse._SubParsersAction) -> None:
    from askisk.cli import add_location_args

    p = sub.add_parser("serve", help="serve ask/check/speakers/sources over HTTP (OpenAPI at /docs)")
    p.add_argument("--host", default="127.0.0.1", help="address to bind (default: 127.0.0.1, loopback only)")
    p.add_argument("--port", type=int, default=8000, help="port (default: 8000; 0 picks a free one)")
    p.add_argument("--poll", type=float, default=2.0, metavar="S", help="seconds between index checks")
    add_location_args(p)
    p.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from askisk.cli import stderr_line
    from askisk.errors import InputError

    token = os.environ.get(TOKEN_ENV, "").strip() or None
    if not is_loopback(args.host) and token is None:
        raise InputError(
            f"binding to {args.host} exposes the kb to the network; set {TOKEN_ENV} to require a bearer token"
        )
    if not 0 <= args.port <= 65535:
        raise InputError(f"--port {args.port} is not a port number (0-65535)")
    try:
        import uvicorn

        from askisk.api.app import create_app
    except ModuleNotFoundError as exc:
        needs = f"askisk serve needs {exc.name}"
        raise InputError(f"{needs}; install it with: pip install 'askisk[serve]'") from None
    from askisk.api.live import Live
    from askisk.config import resolve_paths

    sock = _bind(args.host, args.port)  # first, so a busy port fails before the index loads
    live = Live(resolve_paths(args.kb, args.index), notify=stderr_line, poll=args.poll)
    live.load()  # before serving: connections wait in the backlog until the index is ready
    live.start()
    app = create_app(live, token)
    server = uvicorn.Server(uvicorn.Config(app, log_level="warning", access_log=False))
    host, port = sock.getsockname()[:2]
    guard = " (bearer token required)" if token else ""
    stderr_line(f"askisk: serving on http://{host}:{port}{guard}; OpenAPI at /docs")
    try:
        server.run(sockets=[sock])
    finally:
        live.stop()
        sock.close()
    return 0


def _bind(host: str, port: int):
    """The listening socket, bound here so a busy port is one line and --port 0 reports the real port."""
    import socket

    from askisk.errors import InputError

    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    sock = socket.socket(family, socket.SOCK_STREAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    try:
        sock.bind((host, port))
    except OSError as exc:
        sock.close()
        raise InputError(f"cannot listen on {host}:{port}: {exc.strerror or exc}") from None
    sock.listen(128)
    sock.set_inheritable(True)
    return sock
