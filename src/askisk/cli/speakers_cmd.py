"""`askisk speakers`: the speakers of the kb with their passage counts and roles."""

from __future__ import annotations

import argparse


def register(sub: argparse._SubParsersAction) -> None:
    from askisk.cli import add_location_args

    p = sub.add_parser("speakers", help="list who speaks in the knowledge base")
    p.add_argument("--json", action="store_true", help="one JSON object per speaker, one per line")
    add_location_args(p)
    p.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from dataclasses import asdict

    from askisk.cli import stderr_line
    from askisk.cli.output import console, json_line
    from askisk.service import Askisk
    from askisk.text import printable

    summaries = Askisk.open(args.kb, args.index, store=args.store, notify=stderr_line).speakers()
    if args.json:
        for s in summaries:
            json_line(asdict(s))
        return 0
    from rich.table import Table

    table = Table("speaker", "passages", "quotes", "reported", "role", "source", "aliases")
    for s in summaries:
        row = (s.name, str(s.passages), str(s.quotes), str(s.reported), s.role or "", s.source_id)
        table.add_row(*(printable(cell) for cell in (*row, ", ".join(s.aliases))))
    console().print(table)
    return 0
