"""askisk's command line: argument parsing, output (JSON lines or readable), exit codes.

Every command lives in its own module with `register(subparsers)` and `run(args) -> int`. Errors a user
can act on (AskiskError) become one line on stderr and exit code 1; usage errors exit 2 (argparse).
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence

from askisk import __version__
from askisk.errors import AskiskError

COMMANDS = (
    "ask", "index", "speakers", "chat", "eval", "check", "add", "sources", "remove", "attribute", "serve",
)  # fmt: skip


def build_parser() -> argparse.ArgumentParser:
    import importlib

    parser = argparse.ArgumentParser(
        prog="askisk",
        description="Ask a small, trusted set of sources; see who says what, and where.",
        epilog="With no command, askisk opens the chat UI.",
    )
    parser.add_argument("--version", action="version", version=f"askisk {__version__}")
    parser.add_argument(
        "--store",
        metavar="URI",
        help="where the index lives: local (default), milvus-lite:///path/askisk.db or http://host:19530 "
        "(default: $ASKISK_STORE, else local)",
    )
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    for name in COMMANDS:
        try:
            module = importlib.import_module(f"askisk.cli.{name}_cmd")
        except ModuleNotFoundError as exc:
            if exc.name == f"askisk.cli.{name}_cmd":
                continue  # a command still being built
            raise
        module.register(sub)
    return parser


def add_location_args(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--kb", metavar="DIR", help="knowledge base folder (default: $ASKISK_KB or ./kb)")
    parser.add_argument("--index", metavar="DIR", help="index folder (default: $ASKISK_INDEX or ./index)")


def add_filter_args(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--speaker", metavar="NAME", help="only passages by this speaker (aliases accepted)")
    parser.add_argument(
        "--source", action="append", default=[], metavar="ID", help="only this source (repeatable)"
    )
    parser.add_argument("--since", metavar="DATE", help="only sources dated on/after DATE (YYYY[-MM[-DD]])")
    parser.add_argument("--until", metavar="DATE", help="only sources dated on/before DATE (YYYY[-MM[-DD]])")


def filters_from(args: argparse.Namespace):
    """The filter flags as core Filters; malformed dates are named by their flag here, on the command line."""
    from askisk.errors import InputError
    from askisk.search.scope import Filters, date_range

    for flag, value in (("--since", args.since), ("--until", args.until)):
        if value:
            date_range(value, f"{flag} date")
    if args.since and args.until and date_range(args.since)[0] > date_range(args.until)[1]:
        raise InputError(f"--since {args.since} is after --until {args.until}")
    return Filters(speaker=args.speaker, sources=tuple(args.source or ()), since=args.since, until=args.until)


def stderr_line(message: str) -> None:
    from askisk.text import printable

    print(printable(message), file=sys.stderr, flush=True)


class Terminated(KeyboardInterrupt):
    """SIGTERM, raised like Ctrl-C so that every `finally` and rollback on the way out runs."""


def _terminate(_signum: int, _frame: object) -> None:
    raise Terminated


def main(argv: Sequence[str] | None = None) -> int:
    import signal

    signal.signal(signal.SIGTERM, _terminate)
    parser = build_parser()
    args = parser.parse_args(argv)
    if args.command is None:
        store = ["--store", args.store] if args.store is not None else []
        rest = list(argv if argv is not None else sys.argv[1:])
        if args.store is not None:
            rest = [a for a in rest if a not in ("--store", args.store) and not a.startswith("--store=")]
        args = parser.parse_args([*store, "chat", *rest])
        if not hasattr(args, "run"):
            parser.print_help()
            return 0
    try:
        return int(args.run(args) or 0)
    except AskiskError as exc:
        stderr_line(f"askisk: error: {exc}")
        return 1
    except KeyboardInterrupt as exc:
        terminated = isinstance(exc, Terminated)
        stderr_line("askisk: terminated" if terminated else "askisk: interrupted")
        return 143 if terminated else 130
    except BrokenPipeError:
        # the reader went away (e.g. `| head`); silence the interpreter's own complaint at exit
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return 0
    except Exception as exc:  # the last line of defence: one line, never a traceback, unless asked for
        if os.environ.get("ASKISK_DEBUG"):
            raise
        first = str(exc).splitlines()[0] if str(exc) else ""
        stderr_line(f"askisk: internal error: {type(exc).__name__}: {first} (set ASKISK_DEBUG=1 for details)")
        return 3
