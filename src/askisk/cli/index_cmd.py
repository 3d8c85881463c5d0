"""`askisk index`: build or refresh the index from the kb (incremental unless --full)."""

from __future__ import annotations

import argparse


def register(sub: argparse._SubParsersAction) -> None:
    from askisk.cli import add_location_args

    p = sub.add_parser("index", help="build or refresh the index from the knowledge base")
    p.add_argument("--full", action="store_true", help="re-analyse and re-embed everything")
    p.add_argument("--json", action="store_true", help="print the build summary as JSON")
    add_location_args(p)
    p.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from dataclasses import asdict

    from askisk.cli.output import json_line
    from askisk.cli.progress import BuildProgress
    from askisk.service import Askisk

    with BuildProgress() as progress:  # lines on stderr, and a bar when stderr is a terminal
        service = Askisk.open(args.kb, args.index, store=args.store, notify=progress)
        report = service.rebuild(full=args.full, progress=progress, take_over=True)
    if args.json:
        json_line(asdict(report))
    else:
        print(
            f"indexed {report.sources} source(s), {report.passages} passages: "
            f"{report.embedded} embedded now, {report.reused} reused, in {report.seconds:.2f}s "
            f"-> {service.paths.index} (build {report.build_id})"
        )
    return 0
