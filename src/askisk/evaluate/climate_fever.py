"""Climate-FEVER (tdiggelm/climate-fever-dataset, dataset/climate-fever.jsonl) as askisk eval data.

Owns reading the file, the split rule and writing the evidence sentences as a kb. The split rule is
fixed here and nowhere else: claims whose numeric `claim_id` is even are for development; odd ids are
held out and are read only when the caller asks for them by name. Within the even half, ids divisible
by 4 form a held-out part that is never tuned on ("even-test"); the rest ("even-dev") is for tuning, itself
cut in two for the stance model: "even-dev-fit" (ids 2 mod 8) trains it, "even-dev-cal" (ids 6 mod 8)
sets the verdict thresholds and calibrates the confidence, so neither is judged on what it learned from.
The kb holds the evidence sentences of every claim (one source per Wikipedia article), so each claim is
judged against the others' evidence as distractors; only the text goes there, never a label.
Never prints; the data itself is fetched by the user and never committed.
"""

from __future__ import annotations

import json
import re
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from askisk.errors import InputError
from askisk.speakers.context import topic_name

Split = Literal["even", "even-dev", "even-dev-fit", "even-dev-cal", "even-test", "odd", "all"]
SPLITS: tuple[str, ...] = ("even", "even-dev", "even-dev-fit", "even-dev-cal", "even-test", "odd", "all")
Label = Literal["supported", "refuted", "not_enough_info", "disputed"]
LABELS: dict[str, Label] = {
    "SUPPORTS": "supported",
    "REFUTES": "refuted",
    "NOT_ENOUGH_INFO": "not_enough_info",
    "DISPUTED": "disputed",
}


@dataclass(frozen=True)
class Evidence:
    id: str  # "<article>:<sentence number>", as in the dataset
    article: str
    text: str
    label: Label  # this sentence's own label for the claim (never "disputed")


@dataclass(frozen=True)
class Claim:
    id: int
    text: str
    label: Label
    evidences: tuple[Evidence, ...]


def in_split(claim_id: int, split: Split) -> bool:
    if split == "all":
        return True
    if split == "odd":
        return claim_id % 2 == 1
    if claim_id % 2:
        return False
    if split == "even-test":
        return claim_id % 4 == 0
    if split == "even-dev":
        return claim_id % 4 == 2
    if split == "even-dev-fit":
        return claim_id % 8 == 2
    if split == "even-dev-cal":
        return claim_id % 8 == 6
    return True


def load_claims(path: Path, split: Split) -> list[Claim]:
    """The claims of one split. `odd` (held out) and `all` must be asked for explicitly."""
    if split not in SPLITS:
        raise InputError(f"unknown Climate-FEVER split {split!r}; choose one of {', '.join(SPLITS)}")
    return [c for c in _read(path) if in_split(c.id, split)]


def _read(path: Path) -> Iterable[Claim]:
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError) as exc:
        raise InputError(f"cannot read the Climate-FEVER file {path}: {exc}") from exc
    for number, line in enumerate(lines, 1):
        if not line.strip():
            continue
        try:
            row = json.loads(line)
            evidences = tuple(
                Evidence(
                    str(e["evidence_id"]), str(e["article"]), str(e["evidence"]), LABELS[e["evidence_label"]]
                )
                for e in row["evidences"]
            )
            yield Claim(int(row["claim_id"]), str(row["claim"]), LABELS[row["claim_label"]], evidences)
        except (ValueError, KeyError, TypeError) as exc:
            raise InputError(f"{path.name} line {number} is not a Climate-FEVER claim: {exc}") from exc


def articles(claims: Iterable[Claim]) -> dict[str, list[Evidence]]:
    """Every evidence sentence once, grouped by article, in the dataset's sentence order."""
    by_article: dict[str, dict[str, Evidence]] = defaultdict(dict)
    for claim in claims:
        for e in claim.evidences:
            by_article[e.article].setdefault(e.id, e)
    return {a: sorted(ev.values(), key=_sentence_number) for a, ev in sorted(by_article.items())}


def _sentence_number(e: Evidence) -> int:
    tail = e.id.rsplit(":", 1)[-1]
    return int(tail) if tail.isdigit() else 0


def source_id(article: str) -> str:
    slug = re.sub(r"[^a-z0-9]+", "-", article.lower()).strip("-")
    return f"cf-{slug or 'article'}"


def write_kb(claims: Iterable[Claim], kb_dir: Path) -> int:
    """Write one kb source per article (each evidence sentence its own paragraph); returns the count."""
    import yaml

    kb_dir.mkdir(parents=True, exist_ok=True)
    taken: set[str] = set()
    for article, evidences in articles(claims).items():
        sid = source_id(article)
        n = 2
        while sid in taken:
            sid, n = f"{source_id(article)}-{n}", n + 1
        taken.add(sid)
        body = "\n\n".join(_one_line(e.text) for e in evidences)
        meta = {"id": sid, "title": article, "outlet": "Wikipedia", "topic": topic_name(article)}
        front = yaml.safe_dump(meta, allow_unicode=True)
        (kb_dir / f"{sid}.md").write_text(f"---\n{front}---\n{body}\n", encoding="utf-8")
    return len(taken)


def _one_line(text: str) -> str:
    return " ".join(text.split())
