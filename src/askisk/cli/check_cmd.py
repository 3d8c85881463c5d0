"""`askisk check`: claims from arguments or stdin -> verdict (supported / refuted / not_enough_info),
the reason, and the deciding passages with speaker and source."""

from __future__ import annotations

import argparse

BADGE_STYLES = {
    "supported": "bold white on green",
    "refuted": "bold white on red",
    "not_enough_info": "bold black on yellow",
}


def register(sub: argparse._SubParsersAction) -> None:
    from askisk.cli import add_filter_args, add_location_args
    from askisk.cli.batch import add_item_args, add_report_args

    p = sub.add_parser("check", help="fact-check claims against the knowledge base")
    add_item_args(p, "claim", "evidence passages shown")
    add_filter_args(p)
    add_report_args(p)
    add_location_args(p)
    p.set_defaults(run=run)


def print_verdict(verdict, con=None) -> None:
    from rich.text import Text

    from askisk.cli.output import console, speaker_label
    from askisk.text import printable

    con = con or console()
    from askisk.models import verdict_title

    label, style = verdict_title(verdict.verdict), BADGE_STYLES[verdict.verdict]
    con.print(
        Text.assemble(
            (f" {label} ", style),
            "  ",
            (printable(verdict.claim), "bold"),
            (f"  ·  confidence {verdict.confidence:.2f}", "dim"),
        )
    )
    con.print(Text(printable("   " + verdict.reason), style="italic"))
    for hit in verdict.evidence:
        con.print(
            Text.assemble(
                ("   · ", "dim"),
                (speaker_label(hit.speaker, hit.attribution), "bold cyan" if hit.speaker else "dim"),
                ("  ·  ", "dim"),
                (printable(f"{hit.source.title}, {hit.locator}"), "green"),
            )
        )
        body = Text("     ")
        body.append(printable(hit.text))
        con.print(body)
    con.print()


def _verdict(service, claim: str, args: argparse.Namespace, filters):
    return service.check(claim, top_k=args.top_k, filters=filters)


def run(args: argparse.Namespace) -> int:
    from askisk.cli.batch import Batch, run_batch

    return run_batch(args, Batch("claim", "claim", "evidence", _verdict, print_verdict, "render_check"))
