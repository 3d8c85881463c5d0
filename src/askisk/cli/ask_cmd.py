"""`askisk ask`: questions from arguments or stdin -> best passages with speaker and source."""

from __future__ import annotations

import argparse


def register(sub: argparse._SubParsersAction) -> None:
    from askisk.cli import add_filter_args, add_location_args
    from askisk.cli.batch import add_item_args, add_report_args

    p = sub.add_parser("ask", help="answer questions with the best-matching passages")
    add_item_args(p, "question", "passages per answer")
    add_filter_args(p)
    add_report_args(p)
    add_location_args(p)
    p.set_defaults(run=run)


def _answer(service, question: str, args: argparse.Namespace, filters):
    return service.ask(question, top_k=args.top_k, filters=filters)


def run(args: argparse.Namespace) -> int:
    from askisk.cli.batch import Batch, run_batch
    from askisk.cli.output import print_answer

    return run_batch(args, Batch("question", "query", "results", _answer, print_answer, "render_ask"))
