"""Token vectors for late interaction: each word piece of a passage, as the encoder's last layer gives it.

The dense side compares one pooled vector per text, so a question's rare word ("expendable", "Dushanbe")
weighs no more than its "what" and "does". MaxSim (ColBERT's late interaction) scores a passage by how well
each word piece of the question finds its best match among the passage's word pieces; weighted by the
word piece's IDF over the kb's passages, it is a soft BM25 in the encoder's space: "uneasy" finds
"concern", "outfit's founders" finds "initial leaders". The vectors come out of the same forward pass as
the pooled one, at build time for passages and at query time for the question, so it costs no extra model
call (docs/eval.md, round 10).

Only word pieces that hold a letter or a digit count: not [CLS] / [SEP], not punctuation. Passage vectors
are stored as int8 (unit vectors times 127: cosines within 0.01 of float32).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    import numpy as np

SPECIAL = frozenset({"[CLS]", "[SEP]", "[PAD]", "[UNK]", "[MASK]"})
SCALE = 127.0


@dataclass(frozen=True)
class TokenVectors:
    """One text's kept word pieces: their vocabulary ids and unit vectors (rows)."""

    ids: np.ndarray  # int32, (n,)
    vectors: np.ndarray  # float32 unit rows for a query; int8 (x 127) for a stored passage


def kept(tokens: list[str]) -> list[int]:
    """Positions of the word pieces that carry a letter or a digit."""
    return [i for i, t in enumerate(tokens) if t not in SPECIAL and any(c.isalnum() for c in t)]


def from_hidden(hidden: np.ndarray, encoding: Any) -> TokenVectors:
    """The kept word pieces of one encoded text from its last hidden layer (`hidden`: tokens x dim)."""
    import numpy as np

    keep = kept(encoding.tokens) or [0]  # a text of punctuation only keeps its [CLS]
    vectors = hidden[keep].astype(np.float32)
    vectors /= np.clip(np.linalg.norm(vectors, axis=1, keepdims=True), 1e-12, None)
    return TokenVectors(np.array([encoding.ids[i] for i in keep], dtype=np.int32), vectors)


def quantised(tokens: TokenVectors) -> TokenVectors:
    import numpy as np

    return TokenVectors(tokens.ids, np.round(tokens.vectors * SCALE).astype(np.int8))


def idf_table(ids: np.ndarray, offsets: np.ndarray, vocab: int) -> np.ndarray:
    """BM25's IDF of every vocabulary id over the passages (`ids` concatenated, passage i at
    offsets[i]:offsets[i+1]); an id no passage holds gets the highest value."""
    import numpy as np

    n = len(offsets) - 1
    df = np.zeros(vocab, dtype=np.float64)
    for i in range(n):
        df[np.unique(ids[offsets[i] : offsets[i + 1]])] += 1
    return np.log((n - df + 0.5) / (df + 0.5) + 1.0).astype(np.float32)


def maxsim(query: TokenVectors, idf: np.ndarray, passages: list[np.ndarray]) -> np.ndarray:
    """For each passage (int8 rows), the IDF-weighted mean over the query's word pieces of their best
    cosine with any of the passage's word pieces."""
    import numpy as np

    if not passages:
        return np.zeros(0, dtype=np.float64)
    inside = query.ids < len(idf)  # a word piece past the kb's highest id is in no passage: the top IDF
    weights = np.where(inside, idf[np.where(inside, query.ids, 0)], float(idf.max(initial=1.0)))
    total = float(weights.sum()) or 1.0
    starts = np.cumsum([0] + [len(p) for p in passages[:-1]])  # every stored row keeps >= 1 piece
    pieces = np.concatenate(passages).astype(np.float32)
    # one matrix-vector product per query piece: numpy hands a single matrix product of this size to
    # OpenBLAS's threads, whose start-up costs more than the product on 2 cores (docs/eval.md, round 10)
    sims = np.stack([pieces @ q for q in query.vectors])  # query pieces x all candidate pieces, x SCALE
    best = np.maximum.reduceat(sims, starts, axis=1) / SCALE  # query pieces x candidates
    return (weights @ best) / total


def over_floor(scores: np.ndarray, floor: float) -> np.ndarray:
    """Scores above `floor`, divided by the best one's: 1 for the best candidate, 0 at or under the floor."""
    import numpy as np

    top = float(scores.max(initial=floor))
    return np.clip(scores - floor, 0.0, None) / max(top - floor, 1e-9)
