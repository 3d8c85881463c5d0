"""`askisk add PATH...`: import .txt, .md and .html files (or folders of them) into the kb and reindex.

Each file that cannot be added gets one line on stderr and the batch goes on; exit code 1 if any failed.
Links that lead out of a folder are skipped with a notice (not a failure). Ctrl-C or SIGTERM takes the
files just added out again; after a SIGKILL the next command completes or rolls back the add.
"""

from __future__ import annotations

import argparse


def register(sub: argparse._SubParsersAction) -> None:
    from askisk.cli import add_location_args

    p = sub.add_parser("add", help="add .txt, .md or .html files (or folders) to the knowledge base")
    p.add_argument("paths", nargs="+", metavar="PATH", help="files or folders to add")
    p.add_argument("--title", help="title (default: the page title, first heading, or file name)")
    p.add_argument("--outlet", help="publisher or outlet")
    p.add_argument("--date", help="publication date, YYYY-MM-DD")
    p.add_argument("--url", help="where the source was published")
    p.add_argument(
        "--topic",
        help="what the source is about, read with sentences that leave it unsaid ('false' for none; "
        "default: a title of at most four words)",
    )
    p.add_argument("--id", dest="source_id", metavar="ID", help="source id (default: from the file name)")
    p.add_argument(
        "--replace",
        action="store_true",
        help="a source with the same id is replaced (default: saved beside it)",
    )
    p.add_argument(
        "--max-size",
        type=float,
        metavar="MB",
        help="largest file accepted (default: $ASKISK_MAX_SOURCE_MB or 5)",
    )
    p.add_argument(
        "--max-passages",
        type=int,
        metavar="N",
        help="most sentences per source (default: $ASKISK_MAX_PASSAGES or 5000)",
    )
    p.add_argument("--json", action="store_true", help="one JSON object per file, then one for the build")
    add_location_args(p)
    p.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from dataclasses import asdict

    from askisk.cli import stderr_line
    from askisk.cli.output import json_line
    from askisk.cli.progress import BuildProgress
    from askisk.service import Askisk
    from askisk.sources.importing import Limits, Meta
    from askisk.text import printable

    topic = (
        False
        if args.topic is not None and args.topic.strip().lower() in ("false", "none", "")
        else args.topic
    )
    meta = Meta(
        title=args.title, outlet=args.outlet, date=args.date, url=args.url, id=args.source_id, topic=topic
    )
    limits = Limits.from_env(args.max_size, args.max_passages)
    with BuildProgress() as progress:
        service = Askisk.open(args.kb, args.index, store=args.store, notify=progress)
        report = service.add_paths(args.paths, meta, progress=progress, limits=limits, replace=args.replace)
    for o in report.outcomes:
        if o.status == "failed":
            stderr_line(f"askisk: error: {o.path}: {o.message}")
        elif o.status in ("duplicate", "skipped"):
            stderr_line(f"askisk: {o.path}: {o.message}")
        elif o.notice:
            stderr_line(f"askisk: {o.path}: {o.notice}")
        if args.json:
            json_line({"event": o.status, **asdict(o)})
        elif o.status == "added":
            print(printable(f"added {o.id}: {o.title} <- {o.path}"))
    b = report.build
    if args.json:
        json_line({"event": "build", **(asdict(b) if b else {})})
    elif b:
        print(
            f"indexed {b.sources} source(s), {b.passages} passages: {b.embedded} embedded now, "
            f"{b.reused} reused, in {b.seconds:.2f}s"
        )
    else:
        print("nothing added; the index is unchanged")
    return 1 if report.failed else 0
