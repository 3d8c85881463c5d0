"""`askisk chat` (and `askisk` alone): the Textual chat UI over the same service as `askisk ask`.

Imports only the app here; the service, the index and the model load in a worker after the first frame.
"""

from __future__ import annotations

import argparse

from askisk.config import DEFAULT_TOP_K


def register(sub: argparse._SubParsersAction) -> None:
    from askisk.cli import add_location_args

    p = sub.add_parser("chat", help="open the chat UI (the default with no command)")
    p.add_argument("--top-k", "-k", type=int, default=DEFAULT_TOP_K, metavar="K", help="passages per answer")
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
    from askisk.tui.app import make_app

    make_app(args.kb, args.index, top_k=args.top_k).run()
    return 0
