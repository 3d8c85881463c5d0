"""The picture of how far `check` can be trusted: a reliability diagram (confidence vs accuracy per bin,
with the counts) beside the precision-coverage curve of the supported/refuted verdicts.

The only module that imports matplotlib (headless Agg backend), and only inside `write_plot`.
"""

from __future__ import annotations

from pathlib import Path

from askisk.errors import InputError


def check_plot_path(path: Path) -> None:
    """Fail before any work when the plot could not be written."""
    if path.suffix.lower() != ".png":
        raise InputError(f"--plot writes a PNG: {path} should end in .png")
    if not path.parent.is_dir():
        raise InputError(f"no folder {path.parent} for the plot")


def write_plot(scores, path: Path, title: str = "") -> None:
    """Draw `scores` (an `evaluate.verdicts.VerdictScores`) into a PNG at `path`."""
    check_plot_path(path)
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    fig, (left, right) = plt.subplots(1, 2, figsize=(11, 4.8))
    bins = scores.reliability
    left.plot([0, 1], [0, 1], color="grey", linestyle="--", linewidth=1, label="perfect calibration")
    left.bar([(b.low + b.high) / 2 for b in bins], [b.accuracy for b in bins], width=0.09,
             color="#4c72b0", alpha=0.8, label="accuracy in bin")  # fmt: skip
    left.plot([b.confidence for b in bins], [b.accuracy for b in bins], "o", color="#dd8452",
              label="mean confidence")  # fmt: skip
    for b in bins:
        left.annotate(str(b.count), ((b.low + b.high) / 2, b.accuracy), ha="center", va="bottom", fontsize=8)
    left.set(xlim=(0, 1), ylim=(0, 1.05), xlabel="confidence", ylabel="share of verdicts right",
             title=f"reliability (ECE {scores.ece:.3f}, n={scores.n})")  # fmt: skip
    left.legend(loc="upper left", fontsize=8)
    if scores.curve:
        right.plot([c for _, c, _ in scores.curve], [p for _, _, p in scores.curve], color="#55a868")
    right.axhline(0.85, color="grey", linestyle=":", linewidth=1, label="precision 0.85")
    overall = f"{scores.decisive_precision:.2f} @ {scores.coverage:.2f}"
    right.set(xlim=(0, 1), ylim=(0, 1.05), xlabel="coverage (share of claims given supported/refuted)",
              ylabel="precision of those verdicts", title=f"precision-coverage (all: {overall})")  # fmt: skip
    right.legend(loc="lower left", fontsize=8)
    fig.suptitle(f"{title}: accuracy {scores.accuracy:.3f}, macro-F1 {scores.macro_f1:.3f}")
    fig.tight_layout()
    try:
        fig.savefig(path, dpi=110)
    except OSError as exc:
        raise InputError(f"cannot write {path}: {exc.strerror}") from exc
    finally:
        plt.close(fig)
