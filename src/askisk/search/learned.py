"""Learned fusion (issue 17): the per-candidate signals of a question and a tiny logistic model over them.

Owns the signals (`FEATURES`), how each is computed for the candidates `search.fusion` gathered, and the
model file (`fusion_model.json`: one weight per signal plus a bias, fitted by scripts/train_fusion.py on
public QA data, never on kb/eval; provenance in docs/fusion.md). The signals are cheap on purpose (a few
set lookups per candidate, no model call): the query path stays within its 10 ms budget.

- dense, bm25, bm25_context: each side min-max normalised over the candidates (as the convex fusion),
  plus the raw cosine, which says how close the best candidate is at all;
- coverage: the share of the question's content words (our BM25 tokenizer: stems, no stop words) found
  in the passage with its context (resolved names, section, source title); BM25 rewards a passage that
  repeats the topic's name, coverage one that answers the rest of the question;
- speaker: the passage is by a speaker the question names;
- answer type: a "when" question and a passage with a date, "how many" and a number, "where" / "which
  country" and a place-like capitalised word; +1 when a typed question meets its type, -1 when it does
  not, 0 for an untyped question;
- neighbour: the best convex score of another candidate of the same paragraph (a sentence whose
  neighbours match is more likely to be the one meant);
- length: log of the passage's token count (long "hub" sentences match many questions a little).
"""

from __future__ import annotations

import json
import math
import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING

from askisk.index.lexical import tokenize

if TYPE_CHECKING:
    import numpy as np

    from askisk.index.protocol import Store
    from askisk.models import Scope

MODEL_FILE = Path(__file__).with_name("fusion_model.json")
FEATURES = (
    "dense",
    "bm25",
    "bm25_context",
    "cosine",
    "coverage",
    "speaker",
    "answer_type",
    "neighbour",
    "length",
)

_WHEN = re.compile(
    r"^\s*(when\b|since when\b|(in |by )?(what|which) (year|month|date|day|decade|century)\b)", re.I
)
_HOW_MANY = re.compile(
    r"\b(how (many|much|long|old|far|large|big|often)|what (number|percentage|share|proportion|amount))\b",
    re.I,
)
_PLACE_NOUNS = "country|countries|city|cities|region|regions|place|places|province|provinces|state|states"
_WHERE = re.compile(rf"^\s*(where\b|(in |from )?(what|which) ({_PLACE_NOUNS})\b)", re.I)
_MONTHS = "January|February|March|April|May|June|July|August|September|October|November|December"
_DATE = re.compile(rf"\b(1[0-9]\d\d|20\d\d|{_MONTHS})s?\b")
_NUMBER = re.compile(
    r"\d|\b(one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty|thirty|forty|fifty|"
    r"hundred|hundreds|thousand|thousands|million|millions|billion|dozen|dozens|half|percent)\b",
    re.I,
)
# a capitalised word after "in/from/to/of/across/including" or in a comma list: a place, roughly
_PLACE = re.compile(r"\b(in|from|to|across|including|and|of|near|at)\s+(the\s+)?[A-Z][a-z]+|, [A-Z][a-z]+")


@dataclass(frozen=True)
class FusionModel:
    weights: tuple[float, ...]  # one per FEATURES, in order
    bias: float
    mean: tuple[float, ...]  # standardisation fitted with the weights
    scale: tuple[float, ...]


@cache
def load_model(path: Path = MODEL_FILE) -> FusionModel:
    data = json.loads(path.read_text(encoding="utf-8"))
    if tuple(data["features"]) != FEATURES:
        raise ValueError(f"{path}: features {data['features']} are not this code's {list(FEATURES)}")
    return FusionModel(tuple(data["weights"]), float(data["bias"]), tuple(data["mean"]), tuple(data["scale"]))


def answer_type(query: str) -> str | None:
    """The kind of answer the question asks for: a date or a place by its first words ("When…", "In which
    countries…"), a number by "how many/much…" anywhere in it ("And how many…")."""
    if _WHEN.search(query):
        return "date"
    if _HOW_MANY.search(query):
        return "number"
    if _WHERE.search(query):
        return "place"
    return None


def _has_type(text: str, kind: str) -> bool:
    if kind == "date":
        return bool(_DATE.search(text))
    if kind == "number":
        return bool(_NUMBER.search(text))
    return bool(_PLACE.search(text))


def type_match(store: Store, query: str, rows: np.ndarray) -> np.ndarray:
    """Per row: +1 when the passage has the answer type the question asks for, -1 when it lacks it, 0 for
    an untyped question."""
    import numpy as np

    kind = answer_type(query)
    if kind is None:
        return np.zeros(len(rows))
    return np.array([1.0 if _has_type(store.rows[int(r)][0].text, kind) else -1.0 for r in rows])


RowTokens = dict[int, frozenset[str]]  # store row -> its coverage tokens, filled on first use


def row_tokens() -> RowTokens:
    """An empty token memo for one store's rows; the service keeps one per loaded store (as its alias
    groups) and passes it to every search, so a row is tokenised once per store, not once per question."""
    return {}


def _tokens_of(store: Store, row: int, memo: RowTokens) -> frozenset[str]:
    got = memo.get(row)
    if got is None:
        passage, _ = store.rows[row]
        doc = store.docs[passage.source_id]
        context = doc.context(passage.position) if passage.position < len(doc.passages) else ""
        text = " ".join(x for x in (passage.text, context, passage.section or "", doc.source.title) if x)
        got = frozenset(tokenize(text))
        memo[row] = got
    return got


def minmax(values: np.ndarray) -> np.ndarray:
    """Scaled to [0, 1] over these candidates (all 1 when equal and positive, all 0 when equal and not)."""
    import numpy as np

    if len(values) == 0:
        return values
    lo, hi = float(values.min()), float(values.max())
    return (values - lo) / (hi - lo) if hi > lo else np.ones_like(values) * (1.0 if hi > 0 else 0.0)


def features(
    store: Store,
    query: str,
    candidates: np.ndarray,
    cos: np.ndarray,
    bm: np.ndarray,
    bm_context: np.ndarray,
    boosted: set[str],
    alpha: float,
    tokens: RowTokens | None = None,
) -> np.ndarray:
    """One row of FEATURES per candidate; `tokens` is the store's memo (`row_tokens`), a fresh one if None."""
    import numpy as np

    memo = tokens if tokens is not None else row_tokens()

    n = len(candidates)
    dense, lex, lex_ctx = minmax(cos), minmax(bm), minmax(bm_context)
    convex = alpha * dense + (1 - alpha) * lex_ctx
    q_tokens = set(tokenize(query))
    out = np.zeros((n, len(FEATURES)), dtype=np.float64)
    best_in_paragraph: dict[tuple[str, int], list[tuple[float, int]]] = {}
    for i, row in enumerate(candidates):
        passage, attribution = store.rows[int(row)]
        best_in_paragraph.setdefault((passage.source_id, passage.paragraph), []).append((float(convex[i]), i))
        passage_tokens = _tokens_of(store, int(row), memo)
        out[i, 4] = len(q_tokens & passage_tokens) / len(q_tokens) if q_tokens else 0.0
        out[i, 5] = 1.0 if attribution.speaker in boosted else 0.0
        out[i, 8] = math.log1p(len(passage.text.split()))
    for members in best_in_paragraph.values():
        if len(members) < 2:
            continue
        ordered = sorted(members, reverse=True)
        for _, i in members:
            out[i, 7] = ordered[1][0] if ordered[0][1] == i else ordered[0][0]
    out[:, 0], out[:, 1], out[:, 2], out[:, 3] = dense, lex, lex_ctx, cos
    out[:, 6] = type_match(store, query, candidates)
    return out


def score(model: FusionModel, feats: np.ndarray) -> np.ndarray:
    """The model's logit per candidate (a ranking score; the order is all that counts)."""
    import numpy as np

    mean, scale = np.asarray(model.mean), np.asarray(model.scale)
    return ((feats - mean) / scale) @ np.asarray(model.weights) + model.bias


def gather(
    store: Store,
    query: str,
    qvec: np.ndarray,
    depth: int,
    scope: Scope,
    boosted: set[str],
    alpha: float,
    tokens: RowTokens | None = None,
) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    """Candidates (the dense top `depth` and the context-BM25 top `depth`), their cosine, their context
    BM25 and their FEATURES; `tokens`: the store's token memo (`row_tokens`)."""
    import numpy as np

    _, dense_rows = store.dense_top(qvec, depth, scope)
    _, bm25_rows = store.lexical_top(query, depth, scope, context=True)
    candidates = np.unique(np.concatenate([dense_rows, bm25_rows])).astype(np.int64)
    if len(candidates) == 0:
        empty = np.zeros(0)
        return candidates, empty, empty, np.zeros((0, len(FEATURES)))
    cos = store.dense_scores(qvec, candidates)
    bm = store.lexical_scores(query, candidates, context=False)
    bm_context = store.lexical_scores(query, candidates, context=True)
    feats = features(store, query, candidates, cos, bm, bm_context, boosted, alpha, tokens)
    return candidates, cos, bm_context, feats
