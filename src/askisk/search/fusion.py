"""Question -> ranked passages: dense (cosine) and lexical (BM25) rankings from a `Store`, fused, plus a
boost for the speaker a question names or describes.

Fusion (default, "convex"): candidates are the union of the dense top-N and the BM25 top-N; each side's
scores are normalised (min-max over the candidates, or in the default over a floor, below) and mixed as
ALPHA * dense + (1 - ALPHA) * bm25.
On the dev questions of kb/eval this beat reciprocal rank fusion (RRF, kept as the "hybrid-rrf"
configuration for comparison), because BM25 alone is strong on this short, name-heavy text and RRF lets the
weaker dense rank pull good lexical hits down. A question about a speaker adds SPEAKER_BOOST to that
speaker's passages. The choice of variant is made in one place, `fused_scores()`.

"hybrid+context" (issue 17) ranks with the context BM25 (each sentence with the group its
pronouns stand for, every name the text gives that group, its section and source title:
`speakers.corpus.lexical_text`). The dense side needs nothing at query time: passages were embedded with
the pronoun replaced by the name. "hybrid+context+aliases" also adds to the lexical query the other names
of each group the question names ("Daesh-Khorasan" -> "IS-K", from the sources' own "X (ACR)" / "X, or Y,"
declarations); it tied on dev and is not the default (docs/eval.md). "hybrid+context+types" is
hybrid+context plus the answer-type cue: a "when" question favours passages with a date, "how many" one
with a number, "which countries" one with a place ("hybrid+learned": the learned fusion of all the signals,
measured and not the default; docs/eval.md). "hybrid+context+types+tmm" normalises each side
as the theoretical min-max of Bruch et al. (2023, "An Analysis of Fusion Functions for Hybrid Retrieval"):
divided by the best candidate's score above a fixed floor (cosine MIN_COSINE, BM25 0) rather than
min-max stretched over the candidates: on a short article every cosine is close, and min-max stretched a
gap of a few hundredths into the whole range, so the dense side's ranking outweighed how close it was.
Chosen on dev among floors and weights, then better on every blind split and on Climate-FEVER (docs/eval.md).
The default, "hybrid+context+types+tmm+source", adds to each candidate SOURCE_SUPPORT times the best score
of another candidate from the same source: a sentence whose article also answers elsewhere is likelier the
evidence than a lone match in an unrelated one (passage and document evidence combined, as in Callan 1994).
Within one source the order never changes (for a weight under 1 the best keeps its lead), so a one-source kb
ranks as before; across sources it lifted Climate-FEVER recall at 5 on every even split (docs/eval.md).
`SLOW_CONFIGS` hold the configurations that call a model per
candidate ("hybrid+context+types+stance": the top 20 reranked by the stance cross-encoder the caller hands
in as `rerank`); `askisk eval` runs them only when named, `ask` never.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING, Literal

from askisk.index.records import source_ref
from askisk.models import OPEN_SCOPE, Hit, Scope
from askisk.speakers.context import subject_resolution
from askisk.speakers.query import alias_expansion, speakers_in_query

if TYPE_CHECKING:
    from collections.abc import Mapping

    import numpy as np

    from askisk.encoder.tokens import TokenVectors
    from askisk.index.protocol import Store
    from askisk.search.learned import RowTokens
    from askisk.speakers.corpus import SourceDoc

Mode = Literal["bm25", "dense", "hybrid"]
Fusion = Literal["convex", "rrf", "learned"]
RRF_K = 60
ALPHA = 0.7  # weight of the dense side; tuned on the dev split of kb/eval (see bench/README.md)
SPEAKER_BOOST = 0.15
# "When ...?" -> a passage with a date, "How many ...?" -> a number, "In which countries ...?" -> a place
# (search/learned.py: answer_type); tuned on the dev split (0.05-0.2 give the same ranks there)
TYPE_BOOST = 0.1
# chosen on Climate-FEVER even-dev among 0.05-0.5 (the seed, one source, cannot tell them apart): 0.1 and
# up lifted Hit@5 more but cost MRR@10 (docs/eval.md, session 45)
SOURCE_SUPPORT = 0.05
# MaxSim of the question's word pieces (`encoder.tokens`), scaled over the candidates above a floor, added
# with this weight; chosen on seed dev/test/heldout2-7 and Climate-FEVER even-dev/even-dev-cal among
# weights 0.2-2 and floors 0-0.5, confirmed once on heldout8 (docs/eval.md, round 10)
MAXSIM_WEIGHT = 0.4
MAXSIM_FLOOR = 0.3
# a sentence opening with a connective gains this times the score of the sentence before it in its
# paragraph (`search.continuation`); chosen on seed dev/test/heldout2-10 among 0.2-0.4, with and without
# the same-paragraph condition, confirmed once on heldout11 (docs/eval.md, round 11)
CONTINUATION = 0.3
# "Is the kb about this at all?" Calibrated on kb/eval (69 answerable questions: top cosine 0.197-0.838;
# the one below 0.33 has BM25 2.15) and off-topic probes (weather, recipes, sport: cosine 0.07-0.19,
# BM25 <= 1.45). A question is off-topic when both sides fall below their floor.
MIN_COSINE = 0.20
MIN_BM25 = 2.0
MIN_DEPTH = 50
AliasGroups = tuple[tuple[str, ...], ...]
# (query, passage texts) -> how related each passage is to the query, in [0, 1]; a model that reads both
# together (the stance cross-encoder: verify.stance.StanceModel.relatedness), handed in by the caller
Rerank = Callable[[str, Sequence[str]], "np.ndarray"]


@dataclass(frozen=True)
class SearchConfig:
    mode: Mode = "hybrid"
    speaker_boost: bool = True
    fusion: Fusion = "convex"
    alpha: float = ALPHA
    rrf_k: int = RRF_K
    context: bool = False  # BM25 over sentences with their context (resolved pronouns, source title)
    aliases: bool = False  # the lexical query also carries the other names of each group it names
    type_boost: float = 0.0  # +/- this for a passage that has / lacks the answer type a question asks for
    rerank_depth: int = 0  # rerank this many of the best (at least top_k) by a `Rerank` model; 0: none
    rerank_weight: float = 0.0  # the model's share of the reranked score (the rest: min-max fused score)
    # convex fusion's normalisation of each side: "minmax" over the candidates, or "theoretical": divided by
    # the best candidate's score after subtracting the side's floor (cosine `dense_floor`, BM25 0), so a
    # spread of cosines that are all close is not stretched to [0, 1]
    normalise: Literal["minmax", "theoretical"] = "minmax"
    dense_floor: float = 0.0
    source_support: float = 0.0  # + this times the best score of another candidate from the same source
    maxsim: float = 0.0  # + this times the candidates' MaxSim over `maxsim_floor`, divided by the best one's
    maxsim_floor: float = MAXSIM_FLOOR
    continuation: float = 0.0  # + this times the score of the sentence before, for one that goes on from it

    @property
    def needs_vectors(self) -> bool:
        return self.mode != "bm25"


_TYPED = SearchConfig("hybrid", speaker_boost=True, context=True, type_boost=TYPE_BOOST)
_TMM = replace(_TYPED, normalise="theoretical", dense_floor=MIN_COSINE)
_SOURCE = replace(_TMM, source_support=SOURCE_SUPPORT)
CONFIGS: dict[str, SearchConfig] = {
    "bm25": SearchConfig("bm25", speaker_boost=False),
    "dense": SearchConfig("dense", speaker_boost=False),
    "hybrid-rrf": SearchConfig("hybrid", speaker_boost=False, fusion="rrf"),
    "hybrid": SearchConfig("hybrid", speaker_boost=False),
    "hybrid+speaker": SearchConfig("hybrid", speaker_boost=True),
    "bm25+context": SearchConfig("bm25", speaker_boost=False, context=True),
    "hybrid+context": SearchConfig("hybrid", speaker_boost=True, context=True),
    "hybrid+context+aliases": SearchConfig("hybrid", speaker_boost=True, context=True, aliases=True),
    "hybrid+context+types": _TYPED,
    # the same with each side divided by its best candidate above a floor instead of min-max stretched
    "hybrid+context+types+tmm": _TMM,
    # the same, plus the support of the best other candidate from each passage's source
    "hybrid+context+types+tmm+source": _SOURCE,
    # the same, plus each word piece of the question matched to its closest in the passage (late interaction)
    "hybrid+context+types+tmm+source+maxsim": replace(_SOURCE, maxsim=MAXSIM_WEIGHT),
    # the same, plus a sentence that opens with a connective lent the score of the one before it
    "hybrid+context+types+tmm+source+maxsim+connective": replace(
        _SOURCE, maxsim=MAXSIM_WEIGHT, continuation=CONTINUATION
    ),
    # the logistic model of search/learned.py over dense, both BM25s, coverage, speaker, answer type, ...
    "hybrid+learned": SearchConfig("hybrid", speaker_boost=True, fusion="learned", context=True),
}
DEFAULT_NAME = "hybrid+context+types+tmm+source+maxsim+connective"
DEFAULT_CONFIG = CONFIGS[DEFAULT_NAME]
# `check`'s candidates: the verdict thresholds, gates and calibration (verify/stance_model/aggregate.json)
# were fit on this fusion's; with the default's, Climate-FEVER even-test verdicts moved by 2-3 claims the
# wrong way (macro-F1 0.489 -> 0.482), seed claims unchanged (docs/eval.md, session 44)
VERIFY_CONFIG = CONFIGS["hybrid+context+types"]
# too slow for `ask` (a cross-encoder call per candidate) and for every `askisk eval`: run when named
SLOW_CONFIGS: dict[str, SearchConfig] = {
    # hybrid+context+types, then its top 20 reranked by the stance model's relatedness (1 - P(neutral)), 50/50
    "hybrid+context+types+stance": SearchConfig(
        "hybrid", speaker_boost=True, context=True, type_boost=TYPE_BOOST, rerank_depth=20, rerank_weight=0.5
    ),
}
ALL_CONFIGS: dict[str, SearchConfig] = {**CONFIGS, **SLOW_CONFIGS}


def alias_groups(docs: Mapping[str, SourceDoc]) -> AliasGroups:
    """The alias groups of every source, each once (the service keeps them per loaded store)."""
    return tuple(dict.fromkeys(g for d in docs.values() for g in d.entities))


def _rrf(ranked_lists: list[np.ndarray], k: int) -> dict[int, float]:
    fused: dict[int, float] = {}
    for ranked in ranked_lists:
        for rank, row in enumerate(ranked, start=1):
            fused[int(row)] = fused.get(int(row), 0.0) + 1.0 / (k + rank)
    return fused


def fused_scores(
    store: Store,
    query: str,
    qvec: np.ndarray | None,
    config: SearchConfig,
    depth: int,
    scope: Scope,
    boosted: set[str],
    aliases: AliasGroups = (),
    tokens: RowTokens | None = None,
    qtokens: TokenVectors | None = None,
) -> tuple[dict[int, float], dict[int, dict[str, float]]]:
    """Each candidate row's final score, and its raw per-side scores for display. `qtokens`: the question's
    word-piece vectors, read when `config.maxsim` is on and the store keeps the passages' (else skipped)."""
    import numpy as np

    raw: dict[int, dict[str, float]] = {}
    if config.aliases and config.mode != "dense":
        extra = alias_expansion(query, aliases)
        query = f"{query} {extra}" if extra else query
    if config.fusion == "learned" and qvec is not None:
        return _learned_scores(store, query, qvec, config, depth, scope, boosted, tokens)
    dense_rows = bm25_rows = np.zeros(0, dtype=np.int64)
    if config.mode in ("dense", "hybrid"):
        assert qvec is not None
        _, dense_rows = store.dense_top(qvec, depth, scope)
    if config.mode != "dense":
        _, bm25_rows = store.lexical_top(query, depth, scope, context=config.context)
    candidates = np.unique(np.concatenate([dense_rows, bm25_rows])).astype(np.int64)
    if len(candidates) == 0:
        return {}, raw
    cos = store.dense_scores(qvec, candidates) if qvec is not None else None
    bm = store.lexical_scores(query, candidates, context=config.context) if config.mode != "dense" else None
    for i, row in enumerate(candidates):
        entry = raw.setdefault(int(row), {})
        if cos is not None:
            entry["dense"] = float(cos[i])
        if bm is not None:
            entry["bm25"] = float(bm[i])
    if config.mode == "dense":
        final = cos
    elif config.mode == "bm25":
        final = bm
    elif config.fusion == "rrf":
        fused = _rrf([dense_rows, bm25_rows], config.rrf_k)
        final = np.array([fused.get(int(r), 0.0) for r in candidates])
    else:
        from askisk.search.learned import minmax

        assert cos is not None and bm is not None
        if config.normalise == "theoretical":
            dense_side, lexical_side = _over_best(cos, config.dense_floor), _over_best(bm, 0.0)
        else:
            dense_side, lexical_side = minmax(cos), minmax(bm)
        final = config.alpha * dense_side + (1 - config.alpha) * lexical_side
    assert final is not None
    if config.type_boost and config.mode != "bm25":
        from askisk.search.learned import type_match

        final = final + config.type_boost * type_match(store, query, candidates)
    if config.speaker_boost and boosted:
        bonus = np.array([store.rows[int(r)][1].speaker in boosted for r in candidates], dtype=np.float64)
        final = final + SPEAKER_BOOST * bonus
    if config.source_support:
        final = final + config.source_support * _best_other_of_source(store, candidates, final)
    if config.maxsim and qtokens is not None and config.mode != "bm25":
        late = store.token_scores(qtokens, candidates)
        if late is not None:
            from askisk.encoder.tokens import over_floor

            for i, row in enumerate(candidates):
                raw[int(row)]["maxsim"] = float(late[i])
            final = final + config.maxsim * over_floor(late, config.maxsim_floor)
    if config.continuation:
        from askisk.search.continuation import previous_scores

        final = final + config.continuation * previous_scores(store, candidates, final)
    return {int(r): float(v) for r, v in zip(candidates, final, strict=True)}, raw


def _best_other_of_source(store: Store, candidates: np.ndarray, scores: np.ndarray) -> np.ndarray:
    """For each candidate, the best score among the other candidates of its source (0 when it is alone)."""
    import numpy as np

    by_source: dict[str, list[int]] = {}
    for i, row in enumerate(candidates):
        by_source.setdefault(store.rows[int(row)][0].source_id, []).append(i)
    out = np.zeros(len(candidates))
    for members in by_source.values():
        if len(members) < 2:
            continue
        ranked = sorted(members, key=lambda i: -scores[i])
        first, second = ranked[0], ranked[1]
        out[members] = scores[first]
        out[first] = scores[second]
    return out


def _over_best(scores: np.ndarray, floor: float) -> np.ndarray:
    import numpy as np

    top = float(scores.max()) - floor if len(scores) else 0.0
    return np.clip(scores - floor, 0.0, None) / top if top > 0 else np.zeros_like(scores)


def _learned_scores(
    store: Store,
    query: str,
    qvec: np.ndarray,
    config: SearchConfig,
    depth: int,
    scope: Scope,
    boosted: set[str],
    tokens: RowTokens | None,
) -> tuple[dict[int, float], dict[int, dict[str, float]]]:
    from askisk.search import learned

    rows, cos, bm, feats = learned.gather(store, query, qvec, depth, scope, boosted, config.alpha, tokens)
    final = learned.score(learned.load_model(), feats)
    raw = {int(r): {"dense": float(c), "bm25": float(b)} for r, c, b in zip(rows, cos, bm, strict=True)}
    return {int(r): float(v) for r, v in zip(rows, final, strict=True)}, raw


def is_about(raw: dict[int, dict[str, float]]) -> bool:
    """False when neither side found anything close enough to count as an answer."""
    best_cos = max((r.get("dense", -1.0) for r in raw.values()), default=-1.0)
    best_bm25 = max((r.get("bm25", 0.0) for r in raw.values()), default=0.0)
    if all("dense" not in r for r in raw.values()):  # BM25-only: any matching word counts
        return best_bm25 > 0
    return best_cos >= MIN_COSINE or best_bm25 >= MIN_BM25


def search(
    store: Store,
    query: str,
    qvec: np.ndarray | None,
    *,
    top_k: int = 5,
    config: SearchConfig = DEFAULT_CONFIG,
    scope: Scope = OPEN_SCOPE,
    aliases: AliasGroups = (),
    tokens: RowTokens | None = None,
    rerank: Rerank | None = None,
    qtokens: TokenVectors | None = None,
) -> tuple[list[Hit], list[str]]:
    """Top passages for the query within `scope`, and the speakers the query was found to be about.
    `aliases`: the kb's alias groups (`alias_groups`), read when `config.aliases` is on; `tokens`: the
    store's token memo (`learned.row_tokens`, kept by the service), read by the learned fusion; `rerank`:
    the model a configuration with `rerank_depth` needs (ValueError without it)."""
    if config.rerank_depth and rerank is None:
        raise ValueError("this search configuration reranks: pass `rerank` (the stance model's relatedness)")
    depth = max(MIN_DEPTH, top_k * 5)
    boosted = set(speakers_in_query(query, store.speakers)) if config.speaker_boost else set()
    scores, raw = fused_scores(store, query, qvec, config, depth, scope, boosted, aliases, tokens, qtokens)
    if not is_about(raw):
        return [], sorted(boosted)
    ordered = sorted(scores.items(), key=lambda item: (-item[1], item[0]))
    if config.rerank_depth and rerank is not None:
        ordered = _reranked(store, query, ordered[: max(config.rerank_depth, top_k)], config, rerank, raw)
    ordered = ordered[:top_k]
    hits = [_hit(store, rank, row, score, raw.get(row, {})) for rank, (row, score) in enumerate(ordered, 1)]
    return hits, sorted(boosted)


def _reranked(
    store: Store,
    query: str,
    head: list[tuple[int, float]],
    config: SearchConfig,
    rerank: Rerank,
    raw: dict[int, dict[str, float]],
) -> list[tuple[int, float]]:
    """The head re-ordered by (1 - w) * its min-max fused score + w * the model's relatedness; the
    relatedness joins each hit's raw scores ("related")."""
    import numpy as np

    from askisk.search.learned import minmax

    if not head:
        return head
    related = np.asarray(rerank(query, [store.rows[row][0].text for row, _ in head]), dtype=np.float64)
    fused = minmax(np.array([score for _, score in head]))
    final = (1 - config.rerank_weight) * fused + config.rerank_weight * related
    for (row, _), r in zip(head, related, strict=True):
        raw.setdefault(row, {})["related"] = float(r)
    out = [(row, float(v)) for (row, _), v in zip(head, final, strict=True)]
    return sorted(out, key=lambda item: (-item[1], item[0]))


def _hit(store: Store, rank: int, row: int, score: float, raw: dict[str, float]) -> Hit:
    passage, attribution = store.rows[row]
    doc = store.docs[passage.source_id]
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
        context=store.paragraph_text(passage.source_id, passage.paragraph),
        section=passage.section,
        scores={k: round(v, 6) for k, v in raw.items()},
        page=passage.page,
        resolved=subject_resolution(passage.text, doc.resolved_text(passage.position)),
    )
