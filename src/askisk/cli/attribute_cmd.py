"""`askisk attribute FILE|-`: who speaks each sentence of one text, without touching the kb or index.

One JSON object per passage with `--json` (the fields of `speakers.annotate.AttributedPassage`), else a
readable listing. .txt, .md and .html files are read as `askisk add` reads them (HTML: its main text);
offsets index that main text. `-` reads plain text from stdin. URLs are refused: askisk never fetches.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(
        "attribute",
        help="who speaks each sentence of a file (no kb, no index)",
        description="Split a text into passages and attribute each to its speaker: text, offsets into "
        "the main text, speaker, kind (quote / reported / narration), cue, role, and the mention.",
    )
    p.add_argument("input", metavar="FILE", help="a .txt, .md or .html file, or - for stdin")
    p.add_argument("--json", action="store_true", help="one JSON object per passage")
    p.add_argument(
        "--convention", choices=("news", "polnear"), default="news",
        help="news (default): a reported act (\"declined to comment\", \"plans to\") is narration; polnear: "
        "PolNeAR's scheme, where an act that conveys a position is an attribution",
    )  # fmt: skip
    p.set_defaults(run=run)


def _read(arg: str):
    from askisk.errors import InputError
    from askisk.models import Source
    from askisk.sources.importing import IngestError, Meta, decode, draft, slugify

    if arg == "-":
        try:
            text, _ = decode(sys.stdin.buffer.read())
        except IngestError as exc:
            raise InputError(f"stdin: {exc}") from None
        return Source(id="stdin", title="stdin", path="-", body=text)
    if "://" in arg:
        raise InputError(f"{arg}: askisk does not fetch URLs; save the page and pass the file")
    path = Path(arg)
    if not path.is_file():
        raise InputError(f"{arg}: no such file")
    try:
        d = draft(path, Meta())
    except IngestError as exc:
        raise InputError(f"{arg}: {exc}") from None
    except OSError as exc:
        raise InputError(f"{arg}: {exc.strerror or exc}") from None
    return Source(id=slugify(d.id_hint) or "input", title=d.meta["title"], path=str(path), body=d.body)


def run(args: argparse.Namespace) -> int:
    from askisk.cli.output import json_line
    from askisk.errors import InputError
    from askisk.speakers.annotate import attribute_source

    source = _read(args.input)
    if not source.body.strip():
        raise InputError(f"{args.input}: no text")
    passages = attribute_source(source, args.convention)
    for p in passages:
        if args.json:
            json_line(p.to_json())
        else:
            who = f"{p.speaker} ({p.attribution})" if p.speaker else p.attribution
            cue = f"  [{p.cue}]" if p.cue else ""
            print(f"{p.start}-{p.end}  {who}{cue}\n    {p.text}")
    return 0
