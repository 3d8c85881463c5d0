"""A sentence that opens with a connective ("Accordingly, they can use …", "Therefore, such cells …")
goes on from the sentence before it in its paragraph: what it says is an answer to what that sentence
raised. Retrieval finds the sentence before (it names the subject and states the premise) and misses the
one that answers; `previous_scores` lends each such sentence the score of the one before it.

Pure over a store's rows; adjacency is position - 1 within one source and one paragraph (a kb that keeps
only scattered sentences of an article, one paragraph each, never links them)."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import numpy as np

    from askisk.index.protocol import Store

# connectives that tie a sentence to the one before it: consequence, addition, contrast
CONNECTIVE = re.compile(
    r"^[\"“‘']?\s*(?:accordingly|therefore|so|thus|hence|consequently|as a result|and since|besides|and|but|"
    r"however|yet|then|that is why|this is why|for this reason)\b",
    re.IGNORECASE,
)


def previous_scores(store: Store, candidates: np.ndarray, scores: np.ndarray) -> np.ndarray:
    """For each candidate that opens with a connective, the score of the candidate right before it in its
    paragraph; 0 for every other candidate (and where the sentence before is no candidate)."""
    import numpy as np

    at = {}
    for i, row in enumerate(candidates):
        p = store.rows[int(row)][0]
        at[(p.source_id, p.paragraph, p.position)] = i
    out = np.zeros(len(candidates))
    for i, row in enumerate(candidates):
        p = store.rows[int(row)][0]
        before = at.get((p.source_id, p.paragraph, p.position - 1))
        if before is not None and CONNECTIVE.match(p.text):
            out[i] = scores[before]
    return out
