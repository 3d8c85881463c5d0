"""`askisk ask`: questions from arguments or stdin -> best passages with speaker and source."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Iterator

from askisk.config import DEFAULT_TOP_K


def register(sub: argparse._SubParsersAction) -> None:
    from askisk.cli import add_filter_args, add_location_args

    p = sub.add_parser("ask", help="answer questions with the best-matching passages")
    p.add_argument(
        "question",
        nargs="*",
        help="questions, one per quoted argument (unquoted words make one question); none or '-' reads stdin",
    )
    p.add_argument("--top-k", "-k", type=int, default=DEFAULT_TOP_K, metavar="K", help="passages per answer")
    p.add_argument("--json", action="store_true", help="one JSON object per question, one per line")
    add_filter_args(p)
    add_report_args(p)
    add_location_args(p)
    p.set_defaults(run=run)


def add_report_args(p: argparse.ArgumentParser) -> None:
    p.add_argument("--report", metavar="FILE", help="also write a report with provenance (.md or .json)")
    p.add_argument("--format", metavar="md|json", help="report format (default: from FILE's suffix)")
    p.add_argument("--force", action="store_true", help="overwrite an existing report file")


def report_target(args: argparse.Namespace):
    """Where the report goes (checked before any work), or None without --report."""
    from askisk.errors import InputError
    from askisk.reportio import report_target as target

    if not args.report:
        if args.format or args.force:
            raise InputError("--format and --force only apply with --report FILE")
        return None
    return target(args.report, args.format, args.force)


def write_report(target, service, filters, args, render, items, failures) -> None:
    from askisk.cli import stderr_line
    from askisk.report import provenance
    from askisk.reportio import write_report as write

    prov = provenance(service, filters, top_k=args.top_k)
    path = write(target, render(items, prov, target.format, failures))
    stderr_line(f"askisk: report written to {path}")


def questions(args: argparse.Namespace) -> Iterator[str]:
    """Each quoted argument is one item; bare words (no argument holds a space) are joined into one.

    So `askisk ask "When was IS-K created?" "Who leads it?"` asks two questions, and
    `askisk ask When was IS-K created` one. With no argument, or `-`, one item per line of stdin.
    """
    if args.question and args.question != ["-"]:
        if any(" " in arg.strip() for arg in args.question):
            yield from args.question
        else:
            yield " ".join(args.question)
        return
    for line in sys.stdin:
        if line.strip():
            yield line.rstrip("\n")


def run(args: argparse.Namespace) -> int:
    from askisk.cli import filters_from, stderr_line
    from askisk.cli.output import json_line, print_answer
    from askisk.errors import InputError
    from askisk.service import Askisk

    if args.top_k < 1:
        raise InputError("--top-k must be at least 1")
    target = report_target(args)
    service = Askisk.open(args.kb, args.index, notify=stderr_line)
    service.ready()
    filters = filters_from(args)
    service.resolve_speaker(filters.speaker)  # fail once, up front, on an unknown speaker or filter
    service.allowed_rows(filters)
    failures = asked = 0
    answers, failed = [], []
    for question in questions(args):
        asked += 1
        try:
            answer = service.ask(question, top_k=args.top_k, filters=filters)
        except InputError as exc:
            failures += 1
            failed.append((question, str(exc)))
            stderr_line(f"askisk: error: {exc}")
            if args.json:
                json_line({"query": question[:200], "error": str(exc), "results": []})
            continue
        answers.append(answer)
        if args.json:
            json_line(answer.to_json())
        else:
            print_answer(answer)
    if asked == 0:
        raise InputError("no question given; pass one as arguments or one per line on stdin")
    if target is not None:
        from askisk.report import render_ask

        write_report(target, service, filters, args, render_ask, answers, failed)
    return 1 if failures else 0
