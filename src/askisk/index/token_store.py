"""The passages' word-piece vectors on disk (`encoder.tokens`), for the MaxSim side of the fusion.

Three arrays in the build folder: every kept word piece's int8 vector and vocabulary id, row after row,
and each row's offset; plus the IDF of every vocabulary id over the rows. Loaded memory-mapped, so a
query reads only its candidates' rows. A kb of more than TOKEN_LIMIT searchable passages gets none (about
15 KB a passage: 50,000 passages hold ~0.75 GB), and the fusion then does without MaxSim, as it does
for a build whose encoder was sentence-transformers (no ONNX export).
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from askisk.config import PIPELINE_VERSION
from askisk.encoder import tokens as tk
from askisk.errors import AskiskError
from askisk.index.layout import CORPUS, current_build_dir, read_manifest

if TYPE_CHECKING:
    import numpy as np

    from askisk.encoder.tokens import TokenVectors

TOKEN_LIMIT = 50_000
VECTORS = "token_vectors.npy"
IDS = "token_ids.npy"
OFFSETS = "token_offsets.npy"
IDF = "token_idf.npy"
FILES = (VECTORS, IDS, OFFSETS, IDF)


@dataclass(frozen=True)
class TokenStore:
    vectors: np.ndarray  # int8, (pieces, dim)
    ids: np.ndarray  # int32, (pieces,)
    offsets: np.ndarray  # int64, (rows + 1,)
    idf: np.ndarray  # float32, (vocabulary,)

    def row(self, i: int) -> TokenVectors:
        a, b = int(self.offsets[i]), int(self.offsets[i + 1])
        return tk.TokenVectors(self.ids[a:b], self.vectors[a:b])

    def scores(self, query: TokenVectors, rows: np.ndarray) -> np.ndarray:
        """MaxSim of the query against each of these rows."""
        bounds = self.offsets
        return tk.maxsim(query, self.idf, [self.vectors[bounds[r] : bounds[r + 1]] for r in rows])


def save(folder: Path, rows: list[TokenVectors], vocab: int) -> None:
    import numpy as np

    offsets = np.zeros(len(rows) + 1, dtype=np.int64)
    offsets[1:] = np.cumsum([len(r.ids) for r in rows])
    ids = np.concatenate([r.ids for r in rows]).astype(np.int32)
    vectors = np.concatenate([r.vectors for r in rows]).astype(np.int8)
    np.save(folder / VECTORS, vectors, allow_pickle=False)
    np.save(folder / IDS, ids, allow_pickle=False)
    np.save(folder / OFFSETS, offsets, allow_pickle=False)
    np.save(folder / IDF, tk.idf_table(ids, offsets, vocab), allow_pickle=False)


def load(folder: Path, rows: int) -> TokenStore | None:
    """The build's token store, or None when it has none or it does not match the build's rows."""
    import numpy as np

    if not all((folder / name).is_file() for name in FILES):
        return None
    try:
        store = TokenStore(
            np.load(folder / VECTORS, mmap_mode="r", allow_pickle=False),
            np.load(folder / IDS, mmap_mode="r", allow_pickle=False),
            np.load(folder / OFFSETS, allow_pickle=False),
            np.load(folder / IDF, allow_pickle=False),
        )
    except (OSError, ValueError):
        return None
    pieces = int(store.offsets[-1]) if len(store.offsets) else -1
    if len(store.offsets) != rows + 1 or pieces != len(store.ids) or pieces != len(store.vectors):
        return None
    return store


def by_hash(folder: Path, hashes: list[str]) -> dict[str, TokenVectors]:
    """A previous build's rows by their embedding hash, for reuse; nothing when it has no token store."""
    store = load(folder, len(hashes))
    if store is None:
        return {}
    import numpy as np

    out = {}
    for i, h in enumerate(hashes):
        row = store.row(i)
        out[h] = tk.TokenVectors(np.array(row.ids), np.array(row.vectors))  # off the file being replaced
    return out


def reusable(index_dir: Path) -> dict[str, TokenVectors]:
    """The live build's rows by embedding hash, for a new build to reuse; nothing when it has none or an
    older pipeline wrote it."""
    try:
        build = current_build_dir(index_dir)
        if build is None or read_manifest(build).get("pipeline_version") != PIPELINE_VERSION:
            return {}
        return by_hash(build, json.loads((build / CORPUS).read_text(encoding="utf-8"))["embed_hashes"])
    except (AskiskError, OSError, ValueError, KeyError, TypeError):
        return {}


def write(
    folder: Path,
    texts: list[str],
    hashes: list[str],
    reuse: dict[str, TokenVectors],
    encoder: Callable[[], Any],
) -> None:
    """Every row's word pieces into a build folder, reused (by hash) or encoded; none when the passages'
    encoder cannot give them (sentence-transformers)."""
    rows: list[TokenVectors | None] = [reuse.get(h) for h in hashes]
    missing = [i for i, row in enumerate(rows) if row is None]
    if missing:  # passages whose vectors were reused from a build that kept no word pieces
        both = getattr(encoder(), "encode_with_tokens", None)
        if both is None:
            return
        for i, row in zip(missing, both([texts[i] for i in missing])[1], strict=True):
            rows[i] = row
    kept = [row for row in rows if row is not None]
    if kept:
        save(folder, kept, vocab=max(int(r.ids.max(initial=0)) for r in kept) + 1)
