"""`askisk chat` (and `askisk` alone): the Textual chat UI over the same service as `askisk ask`;
`askisk chat --web` serves it to a browser (tui/web.py, the `web` extra, imported only then).

Imports only the app here; the service, the index and the model load in a worker after the first frame.
"""

from __future__ import annotations

import argparse

from askisk.config import DEFAULT_TOP_K


def register(sub: argparse._SubParsersAction) -> None:
    from askisk.cli import add_location_args

    p = sub.add_parser("chat", help="open the chat UI (the default with no command)")
    p.add_argument("--top-k", "-k", type=int, default=DEFAULT_TOP_K, metavar="K", help="passages per answer")
    p.add_argument("--web", action="store_true", help="serve the chat to a browser instead (textual-serve)")
    p.add_argument("--host", help="with --web: address to bind (default: 127.0.0.1, loopback only)")
    p.add_argument("--port", type=int, help="with --web: port (default: 8000; 0 picks a free one)")
    add_location_args(p)
    p.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from askisk.errors import InputError

    if args.top_k < 1:
        raise InputError("--top-k must be at least 1")
    if args.store is not None:
        import os

        from askisk.index.select import STORE_ENV, backend_for

        backend_for(args.store)  # a malformed URI fails here, before the app starts
        os.environ[STORE_ENV] = args.store  # the session opens the service in a worker of this process
    if args.web:
        return _serve_web(args)
    if args.host is not None or args.port is not None:
        raise InputError("--host and --port go with --web (serve the chat to a browser)")
    from askisk.tui.app import make_app

    make_app(args.kb, args.index, top_k=args.top_k).run()
    return 0


def _serve_web(args: argparse.Namespace) -> int:
    from askisk.cli import stderr_line
    from askisk.config import is_loopback, resolve_paths
    from askisk.errors import InputError

    host = "127.0.0.1" if args.host is None else args.host
    port = 8000 if args.port is None else args.port
    from askisk.tui import web

    web.check_installed()
    paths = resolve_paths(args.kb, args.index)
    if not paths.kb.is_dir():
        raise InputError(f"no knowledge base folder at {paths.kb} (give --kb DIR or set ASKISK_KB)")
    sock = web.bind(host, port)
    if not is_loopback(host):
        where = f"{host}:{sock.getsockname()[1]}"
        stderr_line(
            f"askisk: warning: {where} is not loopback: whoever reaches it can use the chat and add sources"
        )
    web.serve(web.chat_command(paths, args.top_k, args.store), sock, stderr_line)
    return 0
