"""`askisk eval --claims --dataset climate-fever PATH [--split S]`: `check` on a public benchmark.

Builds the kb from the dataset's evidence sentences into a temporary kb + index (or `--work DIR`, kept
and reused), checks every non-DISPUTED claim of the split, prints accuracy, macro-F1, per-class
precision/recall, the confusion matrix, decisive-verdict precision and coverage and ECE (or one JSON
object with --json); `--plot FILE.png` draws the reliability diagram and the precision-coverage curve.
The work is `askisk.evaluate.verdicts`; this module only parses, shows progress and prints.
"""

from __future__ import annotations

import argparse
import contextlib
import tempfile
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from askisk.evaluate.verdicts import VerdictScores

DATASETS = ("climate-fever",)


def run_dataset(args: argparse.Namespace) -> int:
    from askisk.cli import filters_from, stderr_line
    from askisk.cli.eval_cmd import _progress
    from askisk.cli.output import json_line
    from askisk.errors import InputError
    from askisk.evaluate import climate_fever as cf
    from askisk.evaluate.verdicts import climate_fever_kb, run_climate_fever, score
    from askisk.service import Askisk

    name, raw_path = args.dataset
    if name not in DATASETS:
        raise InputError(f"unknown dataset {name!r}; known: {', '.join(DATASETS)}")
    if filters_from(args).active:
        raise InputError("--speaker/--source/--since/--until do not apply to --dataset")
    split = args.split or "even-dev"
    if split not in cf.SPLITS:
        raise InputError(f"--split {split} is not a Climate-FEVER split ({', '.join(cf.SPLITS)})")
    if args.plot:
        from askisk.report.plots import check_plot_path

        check_plot_path(Path(args.plot))
    path = Path(raw_path)
    claims = cf.load_claims(path, split)  # type: ignore[arg-type]  # a bad file or split fails here, before any build
    if not claims:
        raise InputError(f"{path} has no claims in split {split}")
    with contextlib.ExitStack() as stack:
        if args.work:
            work = Path(args.work)
            work.mkdir(parents=True, exist_ok=True)
        else:
            work = Path(stack.enter_context(tempfile.TemporaryDirectory(prefix="askisk-cf-")))
        stderr_line(f"building the Climate-FEVER kb and index in {work} ...")
        kb, index = climate_fever_kb(path, split, work)
        service = Askisk.open(str(kb), str(index), notify=stderr_line)
        service.store()
        with _progress() as progress:
            check = lambda text: service.check(text, verifier=args.verifier)  # noqa: E731
            ids, gold, verdicts = run_climate_fever(check, path, split, progress)
    s = score(f"climate-fever {split}", ids, gold, verdicts)
    if args.plot:
        from askisk.report.plots import write_plot

        write_plot(s, Path(args.plot), title=f"Climate-FEVER {split}, verifier {args.verifier}")
        stderr_line(f"wrote {args.plot}")
    if args.json:
        json_line(s.to_json() | {"verifier": args.verifier, "split": split})
        return 0
    print(f"{s.name}, verifier {args.verifier}: n={s.n} (DISPUTED left out)")
    print(f"  accuracy {s.accuracy:.3f}  macro-F1 {s.macro_f1:.3f}  ECE {s.ece:.3f}")
    print(f"  supported/refuted verdicts: precision {s.decisive_precision:.3f}, coverage {s.coverage:.3f}")
    print_confusion(s, args.verbose)
    return 0


def print_confusion(s: VerdictScores, verbose: bool) -> None:
    """Per-class precision and recall beside each gold label's row of the confusion matrix."""
    from askisk.evaluate.verdicts import LABELS

    print("  gold label                    predicted: supported / refuted / not_enough_info")
    for label in LABELS:
        row = "  ".join(f"{s.confusion[label][p]:>3}" for p in LABELS)
        print(f"  {label:<16} P={s.precision[label]:.2f} R={s.recall[label]:.2f}  predicted [{row}]")
    if verbose and s.wrong:
        print(f"  wrong: {', '.join(s.wrong)}")
