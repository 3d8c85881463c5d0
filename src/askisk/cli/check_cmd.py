"""`askisk check`: claims from arguments or stdin -> verdict (supported / refuted / not_enough_info),
the reason, and the deciding passages with speaker and source."""

from __future__ import annotations

import argparse

from askisk.config import DEFAULT_TOP_K

BADGES = {
    "supported": ("SUPPORTED", "bold white on green"),
    "refuted": ("REFUTED", "bold white on red"),
    "not_enough_info": ("NOT ENOUGH INFO", "bold black on yellow"),
}


def register(sub: argparse._SubParsersAction) -> None:
    from askisk.cli import add_filter_args, add_location_args
    from askisk.cli.ask_cmd import add_report_args

    p = sub.add_parser("check", help="fact-check claims against the knowledge base")
    p.add_argument("claim", nargs="*", help="claims, one per quoted argument; none or '-' reads stdin")
    p.add_argument(
        "--top-k", "-k", type=int, default=DEFAULT_TOP_K, metavar="K", help="evidence passages shown"
    )
    p.add_argument("--json", action="store_true", help="one JSON object per claim, one per line")
    add_filter_args(p)
    add_report_args(p)
    add_location_args(p)
    p.set_defaults(run=run)


def print_verdict(verdict, con=None) -> None:
    from rich.text import Text

    from askisk.cli.output import console, speaker_label

    con = con or console()
    label, style = BADGES[verdict.verdict]
    con.print(
        Text.assemble(
            (f" {label} ", style),
            "  ",
            (verdict.claim, "bold"),
            (f"  ·  confidence {verdict.confidence:.2f}", "dim"),
        )
    )
    con.print(Text("   " + verdict.reason, style="italic"))
    for hit in verdict.evidence:
        con.print(
            Text.assemble(
                ("   · ", "dim"),
                (speaker_label(hit.speaker, hit.attribution), "bold cyan" if hit.speaker else "dim"),
                ("  ·  ", "dim"),
                (f"{hit.source.title}, ¶{hit.paragraph}", "green"),
            )
        )
        body = Text("     ")
        body.append(hit.text)
        con.print(body)
    con.print()


def run(args: argparse.Namespace) -> int:
    from askisk.cli import filters_from, stderr_line
    from askisk.cli.ask_cmd import questions, report_target, write_report
    from askisk.cli.output import json_line
    from askisk.errors import InputError
    from askisk.service import Askisk

    if args.top_k < 1:
        raise InputError("--top-k must be at least 1")
    target = report_target(args)  # a bad report path fails before the index and model load
    service = Askisk.open(args.kb, args.index, notify=stderr_line)
    service.ready()
    filters = filters_from(args)
    service.resolve_speaker(filters.speaker)  # fail once, up front, on an unknown speaker or filter
    service.allowed_rows(filters)
    args.question = args.claim  # the same reader as `ask`
    failures = checked = 0
    verdicts, failed = [], []
    for claim in questions(args):
        checked += 1
        try:
            verdict = service.check(claim, top_k=args.top_k, filters=filters)
        except InputError as exc:
            failures += 1
            failed.append((claim, str(exc)))
            stderr_line(f"askisk: error: {exc}")
            if args.json:
                json_line({"claim": claim[:200], "error": str(exc), "evidence": []})
            continue
        verdicts.append(verdict)
        if args.json:
            json_line(verdict.to_json())
        else:
            print_verdict(verdict)
    if checked == 0:
        raise InputError("no claim given; pass one as arguments or one per line on stdin")
    if target is not None:
        from askisk.report import render_check

        write_report(target, service, filters, args, render_check, verdicts, failed)
    return 1 if failures else 0
