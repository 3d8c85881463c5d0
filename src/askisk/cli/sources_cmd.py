"""`askisk sources`: the sources in the index (refreshed first when the kb changed)."""

from __future__ import annotations

import argparse


def register(sub: argparse._SubParsersAction) -> None:
    from askisk.cli import add_location_args

    p = sub.add_parser("sources", help="list the sources of the knowledge base")
    p.add_argument("--json", action="store_true", help="one JSON object per source, one per line")
    add_location_args(p)
    p.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from dataclasses import asdict

    from askisk.cli.output import console, json_line
    from askisk.cli.progress import BuildProgress
    from askisk.service import Askisk
    from askisk.text import printable

    with BuildProgress() as progress:
        summaries = Askisk.open(args.kb, args.index, store=args.store, notify=progress).sources()
    if args.json:
        for s in summaries:
            json_line(asdict(s))
        return 0
    from rich.table import Table

    table = Table("id", "title", "date", "passages", "speakers")
    for s in summaries:
        row = (s.id, s.title, s.date or "", str(s.passages), ", ".join(s.speakers))
        table.add_row(*(printable(cell) for cell in row))
    console().print(table)
    return 0
