"""`askisk eval`: score retrieval and attribution on an eval set, every search configuration side by side.

Readable tables (configurations x metrics, for the full set and each split), or one JSON object with
`--json`; TREC run files with `--runs`; a non-zero exit under `--fail-under` floors, for CI.
The work is `askisk.evaluate.retrieval`; this module only parses, shows progress and prints.
"""

from __future__ import annotations

import argparse
import math
import sys
from pathlib import Path

# "all" + evaluate.retrieval.SPLITS, written out: importing that module pulls in the search stack at start-up
SPLIT_CHOICES = (
    "all",
    "dev",
    "test",
    "heldout2",
    "heldout3",
    "heldout4",
    "heldout5",
    "heldout6",
    "heldout7",
    "heldout8",
    "heldout9",
    "heldout10",
    "heldout11",
)
DATASET_SPLITS = ("even", "even-dev", "even-test")  # --dataset climate-fever: odd ids are held out
HEADERS = {
    "recall@1": "R@1",
    "recall@3": "R@3",
    "recall@5": "R@5",
    "recall@10": "R@10",
    "hit_rate@5": "Hit@5",
    "mrr@10": "MRR@10",
    "ndcg@10": "nDCG@10",
    "speaker_accuracy": "speaker",
}
TITLES = {
    "all": "full set",
    "dev": "dev split",
    "test": "test split (held out)",
    "heldout2": "heldout2 split (held out, written before tuning contextual retrieval)",
    "heldout3": "heldout3 split (held out, written blind to askisk's rankings)",
    "heldout4": "heldout4 split (held out, written blind to askisk's rankings, session 12)",
    "heldout5": "heldout5 split (held out, written blind to askisk's rankings, session 13)",
    "heldout6": "heldout6 split (held out, written blind to askisk's rankings, session 25)",
    "heldout7": "heldout7 split (held out, written blind to askisk's rankings, session 44)",
    "heldout8": "heldout8 split (held out, written blind to askisk's rankings, session 45)",
    "heldout9": "heldout9 split (held out, written blind to askisk's rankings, session 46)",
    "heldout10": "heldout10 split (held out, written blind to askisk's rankings, session 47)",
    "heldout11": "heldout11 split (held out, written blind to askisk's rankings, session 50)",
}


def register(sub: argparse._SubParsersAction) -> None:
    from askisk.cli import add_filter_args, add_location_args

    p = sub.add_parser(
        "eval",
        help="score retrieval and speaker attribution on an eval set",
        description="Run every search configuration over the eval set's questions and compare "
        "Recall@1/3/5/10, MRR@10, nDCG@10 and speaker accuracy (see kb/eval/README.md for the format).",
    )
    p.add_argument("--set", dest="eval_set", metavar="DIR", help="eval set folder (default: <kb>/eval)")
    p.add_argument(
        "--config",
        nargs="+",
        action="extend",
        metavar="NAME",
        help="configurations to compare (default: all but the slow reranking ones): bm25, dense, hybrid, "
        "hybrid+speaker, ..., hybrid+context+types+stance (named only)",
    )
    p.add_argument(
        "--split",
        metavar="SPLIT",
        help=f"questions to report: {', '.join(SPLIT_CHOICES)} (default: all); with --dataset: "
        f"{', '.join(DATASET_SPLITS)} (default: even-dev); with --claims --dataset also even-dev-fit, "
        "even-dev-cal, and odd/all (held out: for the final measurement only)",
    )
    p.add_argument(
        "--dataset",
        nargs=2,
        metavar=("NAME", "PATH"),
        help="a public dataset instead of the kb's eval set: climate-fever PATH/TO/climate-fever.jsonl. "
        "Alone: evidence retrieval (claims as questions; the kb of the even claims' evidence and its index "
        "go under --index DIR, reused by later runs); with --claims: score `check` on its claims",
    )
    p.add_argument("--json", action="store_true", help="one JSON object with every figure")
    p.add_argument("--runs", metavar="DIR", help="write TREC run files (<config>.trec) and qrels.txt here")
    p.add_argument(
        "--fail-under",
        action="append",
        default=[],
        metavar="METRIC=VALUE",
        help="exit 1 when METRIC of the default search configuration (the one `ask` uses) is under "
        "VALUE; CONFIG:METRIC=VALUE for another; repeatable",
    )
    p.add_argument("--verbose", "-v", action="store_true", help="list the misses: what ranked first instead")
    p.add_argument("--claims", action="store_true", help="score `askisk check` on claims.jsonl instead")
    p.add_argument(
        "--attribution",
        choices=("polnear",),
        help="score speaker attribution on a public corpus instead (needs PATH): polnear",
    )
    p.add_argument("path", nargs="?", metavar="PATH", help="with --attribution: the corpus checkout")
    p.add_argument("--limit", type=int, metavar="N", help="with --attribution: only the first N articles")
    p.add_argument(
        "--convention", choices=("polnear", "news"),
        help="with --attribution: the corpus's line between statement and act (default polnear) or the "
        "news line askisk draws for pages you add (see `askisk attribute --convention`)",
    )  # fmt: skip
    p.add_argument(
        "--verifier", choices=("model", "rules"), default="model",
        help="with --claims: the stance model with rule features (default, as `check`) or the rules alone",
    )  # fmt: skip
    p.add_argument(
        "--plot", metavar="FILE.png", help="with --claims: reliability diagram + precision-coverage"
    )
    p.add_argument(
        "--work", metavar="DIR", help="with --claims --dataset: keep the built kb and index here, reuse them"
    )
    add_filter_args(p)  # with --claims only: retrieval scores need every gold passage searchable
    add_location_args(p)
    p.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from askisk.errors import InputError

    if getattr(args, "attribution", None):
        from askisk.cli.eval_attribution import run_attribution

        return run_attribution(args)
    if args.path is not None or args.limit is not None or args.convention is not None:
        raise InputError("PATH, --limit and --convention go with --attribution polnear PATH")
    if args.split == "train":
        raise InputError("--split train goes with --attribution polnear")
    if (args.plot or args.work) and not (args.claims and args.dataset):
        raise InputError(
            f"--{'plot' if args.plot else 'work'} applies to `askisk eval --claims --dataset` only"
        )
    if args.claims and args.dataset:
        from askisk.cli.eval_dataset import run_dataset as run_claims_dataset

        return run_claims_dataset(args)
    if args.dataset:
        return run_dataset(args)
    args.split = args.split or "all"
    if args.split not in SPLIT_CHOICES:
        hint = " (a Climate-FEVER split: use it with --dataset)" if args.split in DATASET_SPLITS else ""
        raise InputError(f"unknown split {args.split!r}{hint}; choose one of {', '.join(SPLIT_CHOICES)}")
    if getattr(args, "claims", False):
        from askisk.cli.eval_claims import run_claims

        return run_claims(args)
    from askisk.cli import filters_from

    if filters_from(args).active:
        from askisk.errors import InputError

        raise InputError(
            "--speaker/--source/--since/--until apply to `askisk eval --claims` only: retrieval scores "
            "count gold passages that a filter would hide (use --set with an eval set of that source)"
        )
    from askisk.cli import stderr_line
    from askisk.evaluate import metrics as em
    from askisk.evaluate import retrieval as ev
    from askisk.search.fusion import CONFIGS
    from askisk.service import Askisk

    configs = list(dict.fromkeys(args.config or CONFIGS))
    ev.check_configs(configs)
    floors = [em.parse_floor(f, ev.DEFAULT_CONFIG_NAME, configs) for f in args.fail_under]
    service = Askisk.open(args.kb, args.index, store=args.store, notify=stderr_line)
    eval_dir = Path(args.eval_set) if args.eval_set else ev.default_eval_dir(service.paths.kb)
    splits = ("all", *ev.SPLITS) if args.split == "all" else (args.split,)
    ev.load_questions(eval_dir)  # a missing or malformed set fails before the index and model load
    service.store()
    with _progress() as progress:
        report = ev.evaluate(service, eval_dir, configs, splits, progress=progress)
    return _finish(args, report, floors, splits[0])


def run_dataset(args: argparse.Namespace) -> int:
    """`askisk eval --dataset climate-fever PATH`: evidence retrieval, every configuration side by side."""
    import tempfile

    from askisk.cli import stderr_line
    from askisk.errors import InputError
    from askisk.evaluate import cf_retrieval as cfr
    from askisk.evaluate import metrics as em
    from askisk.evaluate import retrieval as ev
    from askisk.search.fusion import CONFIGS
    from askisk.service import Askisk

    name, path = args.dataset
    if name != cfr.NAME:
        raise InputError(f"unknown dataset {name!r}; known: {cfr.NAME}")
    dataset = Path(path)
    if not dataset.is_file():
        raise InputError(f"no Climate-FEVER file at {dataset} (the repository's dataset/climate-fever.jsonl)")
    split = cfr.check_split(args.split or "even-dev")
    configs = list(dict.fromkeys(args.config or CONFIGS))
    ev.check_configs(configs)
    floors = [em.parse_floor(f, ev.DEFAULT_CONFIG_NAME, configs) for f in args.fail_under]
    with tempfile.TemporaryDirectory(prefix="askisk-cf-") as scratch:
        work = Path(args.index) if args.index else Path(scratch)
        kb, index = work / "kb", work / "index"
        stderr_line(f"writing the evidence of the {cfr.POOL} claims to {kb}")
        cfr.write_pool(dataset, kb)
        service = Askisk.open(str(kb), str(index), notify=stderr_line)
        service.store()
        with _progress() as progress:
            report = cfr.evaluate(service, dataset, split, configs, progress=progress)
    return _finish(args, report, floors, split)


def _finish(args: argparse.Namespace, report, floors, split: str) -> int:
    from askisk.cli import stderr_line
    from askisk.cli.output import json_line
    from askisk.evaluate import metrics as em
    from askisk.evaluate import retrieval as ev

    if args.runs:
        written = ev.write_runs(report, Path(args.runs))
        stderr_line(f"wrote {len(written)} files to {args.runs}: {', '.join(p.name for p in written)}")
    failed = em.failed_floors(floors, report.scores(split))
    if args.json:
        out = report.to_json(details=args.verbose)
        out["floors"] = [{"floor": str(f), "split": split} for f in floors]
        out["failed"] = failed
        json_line(out)
    else:
        _print_report(report, args.verbose)
    for line in failed:
        stderr_line(f"askisk: eval: {line}")
    return 1 if failed else 0


class _progress:
    """A rich progress bar on stderr while configurations run; nothing when stderr is not a terminal."""

    def __enter__(self):
        if not sys.stderr.isatty():
            return None
        from rich.console import Console
        from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

        self.bar = Progress(
            TextColumn("evaluating"),
            BarColumn(),
            MofNCompleteColumn(),
            TimeRemainingColumn(),
            console=Console(stderr=True),
            transient=True,
        )
        self.bar.start()
        self.task = self.bar.add_task("eval", total=None)
        return self.update

    def update(self, done: int, total: int) -> None:
        self.bar.update(self.task, completed=done, total=total)

    def __exit__(self, *exc) -> None:
        if hasattr(self, "bar"):
            self.bar.stop()


def _fmt(value: float) -> str:
    return "–" if value is None or math.isnan(value) else f"{value:.3f}"


def _print_report(report, verbose: bool) -> None:
    from rich import box
    from rich.table import Table
    from rich.text import Text

    from askisk.cli.output import console

    con = console()
    con.print(
        Text(f"eval set {report.eval_set}: {report.questions} questions; index {report.index}", style="dim")
    )
    for rep in report.reports:
        table = Table(
            box=box.SIMPLE_HEAD,
            show_edge=False,
            pad_edge=False,
            title=f"{TITLES.get(rep.split, rep.split)}: {rep.answerable} answerable questions",
            title_justify="left",
            caption=f"{rep.unanswerable} unanswerable questions are not ranked; "
            "speaker = share of the questions with a relevant passage in the top 5 (count) "
            "whose first such passage has the gold speaker",
            caption_justify="left",
        )
        table.add_column("config", no_wrap=True)
        for header in HEADERS.values():
            table.add_column(header, justify="right", no_wrap=True)
        best = {m: max((c.metrics[m] for c in rep.configs if not math.isnan(c.metrics[m])), default=None)
                for m in HEADERS}  # fmt: skip
        for c in rep.configs:
            cells = []
            for m in HEADERS:
                text = _fmt(c.metrics[m]) + (f" ({c.speaker_judged})" if m == "speaker_accuracy" else "")
                cells.append(
                    Text(text, style="bold" if c.metrics[m] == best[m] and len(rep.configs) > 1 else "")
                )
            table.add_row(c.config, *cells)
        con.print(table)
        nf = rep.not_found
        con.print(
            Text(
                f"not found: top-1 dense cosine, median [p25–p75]: answerable {_fmt(nf.answerable.median)} "
                f"[{_fmt(nf.answerable.p25)}–{_fmt(nf.answerable.p75)}], unanswerable "
                f"{_fmt(nf.unanswerable.median)} [{_fmt(nf.unanswerable.p25)}–{_fmt(nf.unanswerable.p75)}]; "
                f"threshold {_fmt(nf.threshold)} (from dev) separates them with balanced accuracy "
                f"{_fmt(nf.accuracy)}",
                style="dim",
            )
        )
        con.print()
    if verbose:
        _print_misses(report, con)


def _print_misses(report, con) -> None:
    """Per configuration: questions whose first relevant passage is not first, or has the wrong speaker."""
    from rich.text import Text

    from askisk.text import printable

    splits = {r.split for r in report.reports}
    for name, results in report.details.items():
        misses = [
            r
            for r in results
            if r.relevant
            and ("all" in splits or r.split in splits)
            and (r.first_relevant_rank != 1 or r.speaker_correct is False)
        ]
        con.print(Text(f"{name}: {len(misses)} misses", style="bold underline"))
        for r in misses:
            where = (
                f"gold at rank {r.first_relevant_rank}" if r.first_relevant_rank else "gold not in the top 10"
            )
            if r.speaker_correct is False:
                where += (
                    f"; speaker {r.hit_speaker or 'narration'} instead of {r.gold_speaker or 'narration'}"
                )
            con.print(
                Text.assemble((f"{r.id} ", "bold"), (f"[{r.type}, {r.split}] ", "dim"), (where, "yellow"))
            )
            con.print(Text(printable(f"   Q: {r.query}")))
            gold = r.relevant[0]
            con.print(
                Text(printable(f"   gold ({_speaker(report, gold)}): {report.passages[gold]}"), style="green")
            )
            if r.ranked and r.ranked[0] not in r.relevant:
                top = r.ranked[0]
                con.print(
                    Text(printable(f"   #1   ({_speaker(report, top)}): {report.passages[top]}"), style="red")
                )
        con.print()


def _speaker(report, passage_id: str) -> str:
    return report.speakers.get(passage_id) or "narration"
