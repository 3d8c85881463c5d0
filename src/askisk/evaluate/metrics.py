"""The arithmetic of `askisk eval`: ranking metrics (through ranx), speaker accuracy, the not-found
score distribution and its threshold, quality floors, and TREC files.

Pure functions over plain dicts and lists. ranx (which pulls numba, a slow import) is imported only inside
`ranking_metrics`, so nothing pays for it unless an evaluation actually runs. Never prints.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

from askisk.errors import InputError
from askisk.speakers.names import name_key

DEPTH = 10  # ranked passages kept per question
SPEAKER_DEPTH = 5  # a question counts for speaker accuracy when a relevant passage is in this top
# hit_rate@5: share of questions with any relevant passage in the top 5 (recall@5 is the share of the
# relevant passages found, which differs when a question has several, as Climate-FEVER claims do)
RANKING_METRICS = ("recall@1", "recall@3", "recall@5", "recall@10", "hit_rate@5", "mrr@10", "ndcg@10")
SPEAKER_METRIC = "speaker_accuracy"
METRICS = (*RANKING_METRICS, SPEAKER_METRIC)

Qrels = dict[str, dict[str, int]]  # question id -> passage id -> relevance (1)
RunDict = dict[str, dict[str, float]]  # question id -> passage id -> score (higher ranks first)


def ranking_metrics(qrels: Qrels, run: RunDict) -> dict[str, float]:
    """Mean Recall@1/3/5/10, MRR@10 and nDCG@10 over the questions in `qrels` (trec_eval conventions).

    A question missing from `run`, or with an empty ranking, scores 0. Questions in `run` without
    relevant passages are ignored.
    """
    if not qrels:
        return {m: math.nan for m in RANKING_METRICS}
    import warnings

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # numba type-safety chatter on first use
        import ranx

        q = ranx.Qrels({qid: dict(rels) for qid, rels in qrels.items()})
        r = ranx.Run({qid: dict(run.get(qid, {})) for qid in qrels})
        scores = ranx.evaluate(q, r, list(RANKING_METRICS), make_comparable=True)
    return {m: float(scores[m]) for m in RANKING_METRICS}


def ranked_run(ranking: Sequence[str]) -> dict[str, float]:
    """A ranking as run scores: len..1 by position, so ties in the system's own scores cannot reorder it."""
    return {pid: float(len(ranking) - i) for i, pid in enumerate(ranking)}


def is_gold_speaker(
    hit: str | None, gold: str | None, aliases: Mapping[str, Iterable[str]] | None = None
) -> bool:
    """Whether the hit's speaker is the gold one; None is the article's narration.

    Stricter on purpose than `speakers.query.same_speaker`, which judges a claim's loose phrase ("the
    expert") against a passage: a gold name must be the speaker's name or one of its aliases.

    Names are compared leniently (case, curly quotes, "the Taliban" = "Taliban"), and the gold name may be
    any alias of the hit's speaker (`aliases`: canonical name -> its aliases, from the index).
    """
    if hit is None or gold is None:
        return hit is None and gold is None
    names = {name_key(hit), *(name_key(a) for a in (aliases or {}).get(hit, ()))}
    return name_key(gold) in names


def speaker_accuracy(outcomes: Iterable[bool | None]) -> tuple[float, int]:
    """(fraction correct, count) over the questions that have an outcome (None = not a hit: skipped)."""
    judged = [o for o in outcomes if o is not None]
    return (sum(judged) / len(judged) if judged else math.nan), len(judged)


@dataclass(frozen=True)
class Distribution:
    n: int
    mean: float
    min: float
    p25: float
    median: float
    p75: float
    max: float

    @classmethod
    def of(cls, values: Sequence[float]) -> Distribution:
        if not values:
            return cls(0, *(math.nan,) * 6)
        v = sorted(values)
        return cls(
            len(v), sum(v) / len(v), v[0], _quantile(v, 0.25), _quantile(v, 0.5), _quantile(v, 0.75), v[-1]
        )


def _quantile(sorted_values: Sequence[float], q: float) -> float:
    """Linear interpolation between closest ranks (numpy's default)."""
    pos = (len(sorted_values) - 1) * q
    lo, hi = math.floor(pos), math.ceil(pos)
    return sorted_values[lo] + (sorted_values[hi] - sorted_values[lo]) * (pos - lo)


def balanced_accuracy(answerable: Sequence[float], unanswerable: Sequence[float], threshold: float) -> float:
    """Mean of: answerable questions scored >= threshold, unanswerable ones scored below it."""
    parts = []
    if answerable:
        parts.append(sum(s >= threshold for s in answerable) / len(answerable))
    if unanswerable:
        parts.append(sum(s < threshold for s in unanswerable) / len(unanswerable))
    return sum(parts) / len(parts) if parts else math.nan


def calibrate_threshold(answerable: Sequence[float], unanswerable: Sequence[float]) -> float:
    """The cut between two neighbouring scores that best separates answerable from unanswerable."""
    scores = sorted(set(answerable) | set(unanswerable))
    if not answerable or not unanswerable or len(scores) < 2:
        return math.nan
    cuts = [(a + b) / 2 for a, b in zip(scores, scores[1:], strict=False)]
    return max(
        cuts, key=lambda t: (balanced_accuracy(answerable, unanswerable, t), -abs(t - cuts[len(cuts) // 2]))
    )


# -- quality floors ------------------------------------------------------------------------------------
@dataclass(frozen=True)
class Floor:
    config: str
    metric: str
    value: float

    def __str__(self) -> str:
        return f"{self.config}:{self.metric}={self.value:g}"


def parse_floor(text: str, default_config: str, configs: Iterable[str]) -> Floor:
    """`METRIC=VALUE` (for the default configuration) or `CONFIG:METRIC=VALUE`."""
    left, eq, value = text.rpartition("=")
    config, colon, metric = left.rpartition(":")
    config = config if colon else default_config
    if not eq or not metric:
        raise InputError(f"--fail-under {text!r}: write METRIC=VALUE or CONFIG:METRIC=VALUE, e.g. mrr@10=0.7")
    if metric not in METRICS:
        raise InputError(f"--fail-under {text!r}: unknown metric {metric!r}; known: {', '.join(METRICS)}")
    known = list(configs)
    if config not in known:
        raise InputError(
            f"--fail-under {text!r}: configuration {config!r} is not evaluated; evaluated: {', '.join(known)}"
        )
    try:
        number = float(value)
    except ValueError:
        raise InputError(f"--fail-under {text!r}: {value!r} is not a number") from None
    return Floor(config, metric, number)


def failed_floors(floors: Iterable[Floor], scores: Mapping[str, Mapping[str, float]]) -> list[str]:
    """One line per floor the scores fall under (a NaN score fails: nothing was measured)."""
    lines = []
    for f in floors:
        got = scores[f.config][f.metric]
        if math.isnan(got) or got < f.value:
            lines.append(f"{f.config} {f.metric} = {got:.4f}, under the floor {f.value:g}")
    return lines


# -- TREC files ----------------------------------------------------------------------------------------
def write_trec_run(path: Path, name: str, rankings: Mapping[str, Sequence[str]]) -> None:
    """`qid Q0 docid rank score name` lines, scores strictly decreasing so trec_eval keeps the order."""
    lines = []
    for qid, ranking in rankings.items():
        for rank, (pid, score) in enumerate(ranked_run(ranking).items(), start=1):
            lines.append(f"{qid} Q0 {pid} {rank} {score:g} {name}")
    _write_run_file(path, "".join(line + "\n" for line in lines))


def write_trec_qrels(path: Path, qrels: Qrels) -> None:
    """`qid 0 docid relevance` lines, the qrels format trec_eval reads."""
    lines = [f"{qid} 0 {pid} {rel}" for qid, rels in qrels.items() for pid, rel in rels.items()]
    _write_run_file(path, "".join(line + "\n" for line in lines))


def _write_run_file(path: Path, text: str) -> None:
    from askisk.fsutil import write_atomic

    path.parent.mkdir(parents=True, exist_ok=True)
    write_atomic(path, text)
