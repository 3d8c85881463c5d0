"""Climate-FEVER evidence retrieval: each claim is a question, its SUPPORTS/REFUTES evidence sentences
are the gold passages, and the evidence sentences of every even claim form the kb (one source per
Wikipedia article), so the other claims' evidence are the distractors.

Owns writing that kb into a work folder, judging which indexed passages are a claim's evidence, and
turning claims into eval questions for `evaluate.retrieval.run_questions` (so the report, the tables
and `--json` are the seed's). Only the even half is ever read: the split is `even`, `even-dev` (tuning),
`even-dev-fit` / `even-dev-cal` (its two halves) or `even-test` (held out); `odd` and `all` are refused
here. Never prints.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from askisk.errors import InputError
from askisk.evaluate import climate_fever as cf
from askisk.evaluate import metrics as em
from askisk.evaluate.retrieval import EvalQuestion, EvalReport, Progress, run_questions
from askisk.search.fusion import CONFIGS
from askisk.text import normalize

if TYPE_CHECKING:
    from askisk.index.protocol import Store
    from askisk.service import Askisk

NAME = "climate-fever"
# the odd half is held out and never read here; even-dev-fit trained the learned fusion (search/learned.py),
# so its figures for `hybrid+learned` are in-sample: even-dev-cal is the even-dev half it never saw
SPLITS = ("even", "even-dev", "even-dev-fit", "even-dev-cal", "even-test")
POOL: cf.Split = "even"  # whose evidence sentences make up the kb
GOLD = ("supported", "refuted")


def check_split(split: str) -> cf.Split:
    if split not in SPLITS:
        raise InputError(
            f"Climate-FEVER retrieval runs on {', '.join(SPLITS)} only (odd claim ids are held out): "
            f"not {split!r}"
        )
    return split  # type: ignore[return-value]


def write_pool(dataset: Path, kb_dir: Path) -> int:
    """The kb: evidence sentences of every even claim, one source per article; returns the source count."""
    return cf.write_kb(cf.load_claims(dataset, POOL), kb_dir)


def questions(dataset: Path, split: str) -> list[tuple[EvalQuestion, tuple[cf.Evidence, ...]]]:
    """Claims of the split with at least one supporting or refuting evidence sentence, and that evidence."""
    out = []
    for claim in cf.load_claims(dataset, check_split(split)):
        gold = tuple(e for e in claim.evidences if e.label in GOLD)
        if gold:
            q = EvalQuestion(f"cf{claim.id}", claim.text, tuple(e.text for e in gold), None, split, "claim")
            out.append((q, gold))
    return out


def qrels(index: Store, items: Sequence[tuple[EvalQuestion, tuple[cf.Evidence, ...]]]) -> em.Qrels:
    """A passage is a claim's evidence when it comes from the evidence's article and lies inside the
    evidence sentence (the splitter may cut one Wikipedia sentence in two: both halves count)."""
    by_title: dict[str, list[tuple[str, str]]] = {}
    for p, _ in index.rows:
        title = index.docs[p.source_id].source.title
        by_title.setdefault(title, []).append((p.id, normalize(p.text)))
    out: em.Qrels = {}
    for q, gold in items:
        rels: dict[str, int] = {}
        for e in gold:
            needle = normalize(e.text)
            rels.update({pid: 1 for pid, text in by_title.get(e.article, ()) if text and text in needle})
        if not rels:
            raise InputError(f"claim {q.id}: no indexed passage is its evidence; rebuild the pool's index")
        out[q.id] = rels
    return out


def evaluate(
    service: Askisk,
    dataset: Path,
    split: str,
    configs: Sequence[str] = tuple(CONFIGS),
    progress: Progress | None = None,
) -> EvalReport:
    """Every configuration over the split's claims, on the index `service` holds of the even pool."""
    items = questions(dataset, split)
    judged = qrels(service.store(), items)
    label = f"{NAME} {dataset} ({split})"
    return run_questions(service, [q for q, _ in items], judged, label, configs, (split,), progress)
