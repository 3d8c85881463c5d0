"""`askisk remove ID`: take one source out of the kb and update the index."""

from __future__ import annotations

import argparse


def register(sub: argparse._SubParsersAction) -> None:
    from askisk.cli import add_location_args

    p = sub.add_parser("remove", help="remove a source from the knowledge base (see `askisk sources`)")
    p.add_argument("source_id", metavar="ID", help="the id of the source, as `askisk sources` lists it")
    p.add_argument("--json", action="store_true", help="print the result as JSON")
    add_location_args(p)
    p.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from dataclasses import asdict

    from askisk.cli.output import json_line
    from askisk.cli.progress import BuildProgress
    from askisk.service import Askisk

    with BuildProgress() as progress:
        report = Askisk.open(args.kb, args.index, store=args.store, notify=progress).remove(
            args.source_id, progress=progress
        )
    if args.json:
        json_line(asdict(report))
        return 0
    from askisk.text import printable

    b = report.build
    print(
        printable(
            f"removed {report.id}: {report.title} ({report.path}); index now {b.sources} source(s), "
            f"{b.passages} passages, in {b.seconds:.2f}s"
        )
    )
    return 0
