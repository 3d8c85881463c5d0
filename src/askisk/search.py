"""Question -> ranked passages: dense + lexical rankings fused with reciprocal rank fusion (RRF),
plus a speaker-aware ranking when the question names or describes a speaker.

Fusion: each ranking contributes 1 / (RRF_K + rank) to a passage's score (Cormack et al. 2009); rankings
are the dense top-N by cosine, the BM25 top-N (positive scores only) and, when the question is about a
speaker, that speaker's passages by cosine. The choice of variant is made in one place, `rankings()`.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Literal

from askisk.models import Hit
from askisk.reader import LoadedIndex
from askisk.speakers import speakers_in_query
from askisk.store import source_ref

if TYPE_CHECKING:
    import numpy as np

Mode = Literal["bm25", "dense", "hybrid"]
RRF_K = 60
MIN_DEPTH = 50


@dataclass(frozen=True)
class SearchConfig:
    mode: Mode = "hybrid"
    speaker_boost: bool = True
    rrf_k: int = RRF_K

    @property
    def needs_vectors(self) -> bool:
        return self.mode != "bm25" or self.speaker_boost

    @property
    def name(self) -> str:
        return self.mode + ("+speaker" if self.speaker_boost else "")


CONFIGS: dict[str, SearchConfig] = {
    "bm25": SearchConfig("bm25", speaker_boost=False),
    "dense": SearchConfig("dense", speaker_boost=False),
    "hybrid": SearchConfig("hybrid", speaker_boost=False),
    "hybrid+speaker": SearchConfig("hybrid", speaker_boost=True),
}
DEFAULT_CONFIG = CONFIGS["hybrid+speaker"]


def allowed_rows(index: LoadedIndex, speakers: set[str] | None) -> np.ndarray | None:
    """Rows whose speaker is one of `speakers`; None means every row is allowed."""
    import numpy as np

    if speakers is None:
        return None
    return np.array([i for i, (_, a) in enumerate(index.rows) if a.speaker in speakers], dtype=np.int64)


def dense_ranking(index: LoadedIndex, qvec: np.ndarray, depth: int, allowed: np.ndarray | None):
    import numpy as np

    from askisk import dense

    if allowed is None:
        return dense.search(index.dense, qvec, depth)
    if len(allowed) == 0:
        return np.zeros(0, dtype=np.float32), allowed
    vectors = index.dense.reconstruct_batch(allowed)
    sims = vectors @ qvec
    order = np.argsort(-sims, kind="stable")[:depth]
    return sims[order], allowed[order]


def bm25_ranking(index: LoadedIndex, query: str, depth: int, allowed: np.ndarray | None):
    import numpy as np

    from askisk import lexical

    scores = lexical.scores(index.bm25, query)
    if allowed is not None:
        mask = np.zeros(len(scores), dtype=bool)
        mask[allowed] = True
        scores = np.where(mask, scores, 0.0)
    candidates = np.flatnonzero(scores > 0)
    order = candidates[np.argsort(-scores[candidates], kind="stable")][:depth]
    return scores[order], order


def rankings(
    index: LoadedIndex,
    query: str,
    qvec: np.ndarray | None,
    config: SearchConfig,
    depth: int,
    allowed: np.ndarray | None,
    boosted: set[str],
) -> tuple[list[np.ndarray], dict[int, dict[str, float]]]:
    """The ranked row lists to fuse, and each row's raw scores for display."""
    lists: list[np.ndarray] = []
    raw: dict[int, dict[str, float]] = {}
    if config.mode in ("dense", "hybrid"):
        assert qvec is not None
        sims, rows = dense_ranking(index, qvec, depth, allowed)
        lists.append(rows)
        for s, r in zip(sims, rows, strict=True):
            raw.setdefault(int(r), {})["dense"] = float(s)
    if config.mode in ("bm25", "hybrid"):
        scores, rows = bm25_ranking(index, query, depth, allowed)
        lists.append(rows)
        for s, r in zip(scores, rows, strict=True):
            raw.setdefault(int(r), {})["bm25"] = float(s)
    if config.speaker_boost and boosted and qvec is not None:
        speaker_rows = allowed_rows(index, boosted)
        if allowed is not None:
            import numpy as np

            speaker_rows = np.intersect1d(speaker_rows, allowed)
        _, rows = dense_ranking(index, qvec, depth, speaker_rows)
        lists.append(rows)
    return lists, raw


def fuse(lists: list[np.ndarray], k: int) -> dict[int, float]:
    fused: dict[int, float] = {}
    for ranked in lists:
        for rank, row in enumerate(ranked, start=1):
            fused[int(row)] = fused.get(int(row), 0.0) + 1.0 / (k + rank)
    return fused


def search(
    index: LoadedIndex,
    query: str,
    qvec: np.ndarray | None,
    *,
    top_k: int = 5,
    config: SearchConfig = DEFAULT_CONFIG,
    speakers: set[str] | None = None,
) -> tuple[list[Hit], list[str]]:
    """Top passages for the query, and the speakers the query was found to be about."""
    depth = max(MIN_DEPTH, top_k * 5)
    allowed = allowed_rows(index, speakers)
    boosted = set(speakers_in_query(query, index.speakers)) if config.speaker_boost else set()
    lists, raw = rankings(index, query, qvec, config, depth, allowed, boosted)
    if len(lists) == 1:  # a single ranking keeps its own score, so "dense" reports cosine
        only = lists[0]
        key = "dense" if config.mode == "dense" else "bm25"
        fused = {int(r): raw[int(r)][key] for r in only}
    else:
        fused = fuse(lists, config.rrf_k)
    ordered = sorted(fused.items(), key=lambda item: (-item[1], item[0]))[:top_k]
    hits = [_hit(index, rank, row, score, raw.get(row, {})) for rank, (row, score) in enumerate(ordered, start=1)]
    return hits, sorted(boosted)


def _hit(index: LoadedIndex, rank: int, row: int, score: float, raw: dict[str, float]) -> Hit:
    passage, attribution = index.rows[row]
    doc = index.docs[passage.source_id]
    return Hit(
        rank=rank,
        score=round(float(score), 6),
        text=passage.text,
        speaker=attribution.speaker,
        attribution=attribution.kind,
        cue=attribution.cue,
        source=source_ref(doc.source),
        passage_id=passage.id,
        paragraph=passage.paragraph,
        position=passage.position,
        context=index.paragraph_text(passage.source_id, passage.paragraph),
        section=passage.section,
        scores={k: round(v, 6) for k, v in raw.items()},
    )
