"""The fine-tuned encoder (issue 17, round 6; docs/eval.md): the bundled all-MiniLM-L6-v2 plus a weight delta.

The package carries only what fine-tuning changed (the 36 matrices and 60 vectors of the six transformer
layers; the embeddings were frozen and the pooler is unused): each matrix's (tuned - stock) as int8 with one
float32 scale per row, each vector's delta in float32, in one .npz (`DELTA_FILE`). `scripts/
make_encoder_delta.py` writes it from the tuned sentence-transformers folder and reports its agreement.

`tuned_model_dir` rebuilds the tuned weights (stock + delta, in float32) once per machine into the user's
cache, beside the stock model's own layout files (config, tokenizer, pooling), so the ONNX export of the
build and the sentence-transformers fallback read a folder exactly like the bundled one. numpy and
safetensors only; torch is never imported here. Which encoder askisk uses is `config.encoder_choice()`.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import tempfile
from pathlib import Path
from typing import TYPE_CHECKING, Any

from askisk.config import TUNED_NAME, cache_dir, encoder_choice, model_dir
from askisk.fsutil import file_sha256

if TYPE_CHECKING:
    import numpy as np

DELTA_FILE = Path(__file__).parent / "data" / "minilm-tuned-delta.npz"
DELTA_FORMAT = 1
WEIGHTS = "model.safetensors"
DONE = "askisk-tuned.json"  # written last into a materialised folder: its presence means complete
QUANT = "q/"  # int8 rows of a matrix delta
SCALE = "s/"  # float32 per-row scale of a matrix delta
EXACT = "f/"  # float32 delta of a vector
META = "meta"


def quantise_rows(delta: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Symmetric int8 per row: delta ~= q * scale[:, None], |q| <= 127."""
    import numpy as np

    peak = np.abs(delta).max(axis=1)
    scale = (np.where(peak > 0, peak, 1.0) / 127.0).astype(np.float32)
    q = np.clip(np.rint(delta / scale[:, None]), -127, 127).astype(np.int8)
    return q, scale


def make_delta(base: dict[str, np.ndarray], tuned: dict[str, np.ndarray], meta: dict[str, Any]) -> dict:
    """The arrays of the .npz for `tuned` against `base` (both name -> float32 array); unchanged tensors
    and tensors absent from `base` (buffers) are left out."""
    import numpy as np

    arrays: dict[str, np.ndarray] = {}
    for name in sorted(tuned):
        if name not in base:
            continue
        delta = tuned[name].astype(np.float32) - base[name].astype(np.float32)
        if not np.any(delta):
            continue
        if delta.ndim == 2:
            arrays[QUANT + name], arrays[SCALE + name] = quantise_rows(delta)
        else:
            arrays[EXACT + name] = delta
    arrays[META] = np.array(json.dumps({**meta, "format": DELTA_FORMAT, "name": TUNED_NAME}))
    return arrays


def read_delta(path: Path = DELTA_FILE) -> tuple[dict[str, Any], dict[str, np.ndarray]]:
    """(meta, name -> float32 delta) from the .npz."""
    import numpy as np

    with np.load(path, allow_pickle=False) as npz:
        meta = json.loads(str(npz[META]))
        if meta.get("format") != DELTA_FORMAT or meta.get("name") != TUNED_NAME:
            raise ValueError(f"{path.name} is not a format-{DELTA_FORMAT} delta for {TUNED_NAME}")
        deltas = {k[len(EXACT) :]: npz[k].astype(np.float32) for k in npz.files if k.startswith(EXACT)}
        for key in (k for k in npz.files if k.startswith(QUANT)):
            name = key[len(QUANT) :]
            deltas[name] = npz[key].astype(np.float32) * npz[SCALE + name][:, None]
    return meta, deltas


def apply_delta(base: dict[str, np.ndarray], deltas: dict[str, np.ndarray]) -> dict[str, np.ndarray]:
    import numpy as np

    missing = sorted(set(deltas) - set(base))
    if missing:
        raise ValueError(f"the delta names tensors the base model lacks: {missing[:3]}")
    out = dict(base)
    for name, delta in deltas.items():
        if delta.shape != base[name].shape:
            raise ValueError(f"delta {name} has shape {delta.shape}, the base {base[name].shape}")
        out[name] = (base[name].astype(np.float32) + delta).astype(base[name].dtype)
    return out


def write_model(base_dir: Path, dest: Path, delta_file: Path = DELTA_FILE) -> None:
    """A sentence-transformers folder at `dest` (must not exist): the files of `base_dir` with the tuned
    weights. Refuses a base whose weights are not the ones the delta was made against."""
    from safetensors.numpy import load_file, save_file

    meta, deltas = read_delta(delta_file)
    base_weights = base_dir / WEIGHTS
    if file_sha256(base_weights) != meta.get("base_sha256"):
        raise ValueError(f"{base_weights} is not the model the tuned delta was made against")
    shutil.copytree(base_dir, dest, ignore=shutil.ignore_patterns(WEIGHTS, ".gitattributes", "README.md"))
    save_file(apply_delta(load_file(str(base_weights)), deltas), str(dest / WEIGHTS), {"format": "pt"})
    (dest / DONE).write_text(json.dumps(meta))


def encoder_dir() -> Path:
    """The sentence-transformers folder of the chosen encoder (`config.encoder_choice`): the bundled model,
    or the tuned one (made on first use)."""
    return model_dir() if encoder_choice() == "stock" else tuned_model_dir()


def tuned_model_dir() -> Path:
    """The tuned model's folder in the user's cache, made on first use (a few seconds), whole or not at
    all: written beside, then renamed into place. A cache that cannot be written costs a private copy
    for this process (removed at exit), never the build."""
    base = model_dir()
    stat = (base / WEIGHTS).stat()
    tag = f"{DELTA_FILE.stat().st_size}-{stat.st_size}-{stat.st_mtime_ns}-{base}"
    name = f"{TUNED_NAME}-{hashlib.sha256(tag.encode()).hexdigest()[:16]}"
    final = cache_dir() / "models" / name
    if (final / DONE).is_file():
        return final
    try:
        final.parent.mkdir(parents=True, exist_ok=True)
        tmp = Path(tempfile.mkdtemp(prefix=".tmp-", dir=final.parent))
    except OSError:
        return _private_copy(base, name)
    try:
        write_model(base, tmp / "model")
        if final.exists():  # incomplete (no DONE): replaced
            shutil.rmtree(final)
        try:
            os.rename(tmp / "model", final)
        except OSError:  # another process finished first
            if not (final / DONE).is_file():
                raise
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    return final


_private: dict[str, Path] = {}


def _private_copy(base: Path, name: str) -> Path:
    import atexit

    if name not in _private:
        folder = Path(tempfile.mkdtemp(prefix="askisk-tuned-"))
        atexit.register(shutil.rmtree, folder, True)
        write_model(base, folder / "model")
        _private[name] = folder / "model"
    return _private[name]
