"""What `ask` and `check` share: items from arguments or stdin, one service load for all of them, a line
of output per item (JSON or readable), one stderr line per failed item, and the optional report."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True)
class Batch:
    noun: str  # "question" / "claim", for messages
    key: str  # the JSON key that echoes the item
    empty: str  # the JSON key of the (empty) result list on a failed item
    answer: Callable[[Any, str, argparse.Namespace, Any], Any]  # (service, item, args, filters) -> result
    show: Callable[[Any], None]  # readable output of one result
    render: str  # name of the askisk.report.render function for --report


def add_item_args(p: argparse.ArgumentParser, noun: str, what: str) -> None:
    from askisk.config import DEFAULT_TOP_K

    p.add_argument(
        "items",
        nargs="*",
        metavar=noun.upper(),
        help=f"{noun}s, one per quoted argument (bare words make one {noun}); none or '-' reads stdin",
    )
    p.add_argument("--top-k", "-k", type=int, default=DEFAULT_TOP_K, metavar="K", help=what)
    p.add_argument("--json", action="store_true", help=f"one JSON object per {noun}, one per line")


def add_report_args(p: argparse.ArgumentParser) -> None:
    p.add_argument(
        "--report", metavar="FILE", help="also write a report with provenance (.md, .json; check: .jsonld)"
    )
    p.add_argument(
        "--format", metavar="md|json|claimreview", help="report format (default: from FILE's suffix)"
    )
    p.add_argument("--force", action="store_true", help="overwrite an existing report file")


def items(args_items: list[str]) -> Iterator[str]:
    """Each quoted argument is one item; bare words (no argument holds a space) are joined into one.

    So `askisk ask "When was IS-K created?" "Who leads it?"` asks two questions, and
    `askisk ask When was IS-K created` one. With no argument, or `-`, one item per line of stdin.
    """
    if args_items and args_items != ["-"]:
        if any(" " in arg.strip() for arg in args_items):
            yield from args_items
        else:
            yield " ".join(args_items)
        return
    # bytes, not sys.stdin's text: a line that is not UTF-8 must fail alone (see validate_query), not
    # end the loop with a UnicodeDecodeError
    for raw in sys.stdin.buffer:
        line = raw.decode("utf-8", "surrogateescape")
        if line.strip():
            yield line.rstrip("\r\n")


def report_target(args: argparse.Namespace):
    """Where the report goes (checked before any work), or None without --report."""
    from askisk.errors import InputError
    from askisk.report.files import report_target as target

    if not args.report:
        if args.format or args.force:
            raise InputError("--format and --force only apply with --report FILE")
        return None
    chosen = target(args.report, args.format, args.force)
    if chosen.format == "claimreview" and getattr(args, "command", None) != "check":
        raise InputError(
            "ClaimReview reviews checked claims; use it with `askisk check --report FILE.jsonld`"
        )
    return chosen


def run_batch(args: argparse.Namespace, batch: Batch) -> int:
    from askisk.cli import filters_from, stderr_line
    from askisk.cli.output import json_line
    from askisk.errors import InputError
    from askisk.report import render as report
    from askisk.report.files import write_report
    from askisk.service import Askisk
    from askisk.text import scrub_surrogates

    if args.top_k < 1:
        raise InputError(f"--top-k must be at least 1, not {args.top_k}")
    target = report_target(args)  # a bad report path fails before the index and model load
    service = Askisk.open(args.kb, args.index, store=args.store, notify=stderr_line)
    filters = filters_from(args)
    service.scope(filters)  # fail once, up front, on an unknown speaker or a filter that matches nothing
    results: list[Any] = []
    failed: list[tuple[str, str]] = []
    count = 0
    for item in items(args.items):
        count += 1
        try:
            result = batch.answer(service, item, args, filters)
        except InputError as exc:
            shown = scrub_surrogates(item)
            failed.append((shown, str(exc)))
            stderr_line(f"askisk: error: {exc}")
            if args.json:
                json_line({batch.key: shown[:200], "error": str(exc), batch.empty: []})
            continue
        results.append(result)
        if args.json:
            json_line(result.to_json())
        else:
            batch.show(result)
    if count == 0:
        raise InputError(f"no {batch.noun} given; pass one as arguments or one per line on stdin")
    if target is not None:
        prov = report.provenance(service.build_info(), filters, top_k=args.top_k)
        render = getattr(report, batch.render)
        path = write_report(target, render(results, prov, target.format, failed))
        stderr_line(f"askisk: report written to {path}")
    return 1 if failed else 0
