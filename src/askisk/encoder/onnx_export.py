"""Build time: the index's copy of all-MiniLM-L6-v2 as an ONNX graph, for the torch-free query path.

The exporter is torch's own, `torch.onnx.export(..., dynamo=True)` (the maintained exporter since torch
2.9; it needs `onnxscript`). A small wrapper module gives the graph three plain inputs (input_ids,
attention_mask, token_type_ids) and one output, `last_hidden_state`; mean pooling and L2 normalisation
(the sentence-transformers 1_Pooling and 2_Normalize modules) are done in numpy by `onnx_encoder`.

An export costs seconds and needs torch, so it is reused: from the live build (hard link, else copy), from
an export made earlier in this process, or from the user's cache (`config.cache_dir()`, shared by every
index on the machine), when the model files and the exporter are the same and the file still matches its
checksum. Every fresh export is checked against torch on a few sentences before it is kept. With an export
at hand the build embeds its passages through it too (`index.build`), so only a machine's first build
imports torch.
torch, transformers and onnx are imported inside functions only.
"""

from __future__ import annotations

import contextlib
import hashlib
import io
import json
import logging
import os
import shutil
import warnings
from collections.abc import Callable
from pathlib import Path
from typing import Any

from askisk.config import cache_dir
from askisk.encoder.tuned import encoder_dir
from askisk.fsutil import file_sha256

ONNX_FILE = "model.onnx"
CACHE_META = "export.json"
TOKENIZER_FILE = "tokenizer.json"
# Bump when the wrapper, the inputs or the export settings below change, so older exports are redone.
EXPORT_VERSION = 1
INPUT_NAMES = ("input_ids", "attention_mask", "token_type_ids")
OUTPUT_NAME = "last_hidden_state"
KEEP_PREFIX = "askisk-onnx-"
MAX_ABS_DIFF = 1e-4  # fresh export vs torch on the check sentences (fp32 differences are ~1e-6)
MODEL_FILES = (
    "config.json",
    "model.safetensors",
    "tokenizer.json",
    "sentence_bert_config.json",
    "1_Pooling/config.json",
    "modules.json",
)
CHECK_SENTENCES = (
    "When was IS-K created?",
    "The group was created in January 2015 by disaffected Taliban in eastern Afghanistan.",
    "Who?",
)

# export key -> (private copy, sha256, opset): later builds in this process (tests make many) reuse it
_kept: dict[str, tuple[Path, str, int | None]] = {}


def _version(dist: str) -> str:
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version(dist)
    except PackageNotFoundError:
        return "missing"


def exporter_name() -> str:
    """Which exporter (and versions) made the file: part of the reuse key, and recorded in the manifest."""
    return (
        f"torch.onnx.export(dynamo=True) v{EXPORT_VERSION}; torch {_version('torch')}, "
        f"onnxscript {_version('onnxscript')}, transformers {_version('transformers')}"
    )


def model_settings(folder: Path) -> dict[str, Any]:
    """What the query side must do after the graph: read from the sentence-transformers config files."""
    pooling = json.loads((folder / "1_Pooling" / "config.json").read_text(encoding="utf-8"))
    modules = json.loads((folder / "modules.json").read_text(encoding="utf-8"))
    bert = json.loads((folder / "sentence_bert_config.json").read_text(encoding="utf-8"))
    kinds = [m["type"].rsplit(".", 1)[-1] for m in modules]
    modes = [k for k, v in pooling.items() if k.startswith("pooling_mode_") and v]
    if kinds != ["Transformer", "Pooling", "Normalize"] or modes != ["pooling_mode_mean_tokens"]:
        raise ValueError(f"unsupported sentence-transformers pipeline {kinds} with pooling {modes}")
    return {"max_seq_length": int(bert["max_seq_length"]), "pooling": "mean", "normalize": True}


def model_key(folder: Path) -> str:
    digest = hashlib.sha256()
    for name in MODEL_FILES:
        digest.update(f"{name}\0{file_sha256(folder / name)}\0".encode())
    return digest.hexdigest()


# The live build's folder and its manifest's "onnx" entry, handed in by the index build.
Previous = tuple[Path, dict[str, Any]]


def ensure_export(target: Path, previous: Previous | None, say: Callable[[str], None]) -> dict[str, Any]:
    """Put model.onnx and tokenizer.json into the build folder `target`; the manifest's "onnx" entry.

    `previous` is the live build (or None); its export is reused when it was made from the same model
    files by the same exporter and still matches its recorded checksum.
    """
    folder = encoder_dir()
    settings = model_settings(folder)
    key = model_key(folder)
    exporter = exporter_name()
    cached = _cached(key, exporter)
    found = (
        _reusable(previous, key, exporter) or (_check_file(*_kept[key]) if key in _kept else None) or cached
    )
    if found is not None:
        source, digest, opset = found
        _link_or_copy(source, target / ONNX_FILE)
    else:
        say("exporting the model to ONNX for fast queries")
        export_onnx(folder, target / ONNX_FILE, settings["max_seq_length"])
        digest, opset = file_sha256(target / ONNX_FILE), _opset(target / ONNX_FILE)
        _keep(key, target / ONNX_FILE, digest, opset)
    if cached is None:
        _store_in_cache(key, exporter, target / ONNX_FILE, digest, opset)
    shutil.copyfile(folder / TOKENIZER_FILE, target / TOKENIZER_FILE)
    return {
        "file": ONNX_FILE,
        "sha256": digest,
        "tokenizer": TOKENIZER_FILE,
        "tokenizer_sha256": file_sha256(target / TOKENIZER_FILE),
        "exporter": exporter,
        "opset": opset,
        "precision": "fp32",
        "model_key": key,
        "inputs": list(INPUT_NAMES),
        "output": OUTPUT_NAME,
        **settings,
        "reused": found is not None,
    }


def _reusable(previous: Previous | None, key: str, exporter: str) -> tuple[Path, str, int | None] | None:
    if previous is None:
        return None
    folder, info = previous
    try:
        if info.get("model_key") != key or info.get("exporter") != exporter:
            return None
        return _check_file(folder / str(info["file"]), str(info["sha256"]), info.get("opset"))
    except (OSError, ValueError, KeyError, TypeError, AttributeError):
        return None


def _check_file(path: Path, sha256: str, opset: int | None) -> tuple[Path, str, int | None] | None:
    """(path, sha256, opset) when the file exists and still matches `sha256`."""
    try:
        return (path, sha256, opset) if file_sha256(path) == sha256 else None
    except OSError:
        return None


def _keep(key: str, path: Path, digest: str, opset: int | None) -> None:
    """Keep a private link to a fresh export, so that other index builds in this process (tests build many)
    reuse it; removed at exit."""
    import atexit
    import tempfile

    _sweep_orphans(Path(tempfile.gettempdir()))
    folder = Path(tempfile.mkdtemp(prefix=f"{KEEP_PREFIX}{os.getpid()}-"))
    atexit.register(shutil.rmtree, folder, True)
    kept = folder / ONNX_FILE
    try:
        _link_or_copy(path, kept)
    except OSError:
        return
    _kept[key] = (kept, digest, opset)


def _sweep_orphans(temp: Path) -> None:
    """Remove the kept links of processes that were killed before their atexit ran (each holds a whole
    export, ~90 MB, once the index it came from is gone)."""
    for folder in temp.glob(f"{KEEP_PREFIX}*-*"):
        pid = folder.name[len(KEEP_PREFIX) :].split("-", 1)[0]
        if pid.isdigit() and not _alive(int(pid)):
            shutil.rmtree(folder, ignore_errors=True)


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:  # exists, owned by someone else
        return True
    return True


def _cache_folder(key: str, exporter: str) -> Path:
    name = hashlib.sha256(f"{key}\0{exporter}".encode()).hexdigest()[:16]
    return cache_dir() / "onnx" / name


def _cached(key: str, exporter: str) -> tuple[Path, str, int | None] | None:
    """The cached export for this model and exporter, when there is one and it matches its checksum."""
    folder = _cache_folder(key, exporter)
    try:
        meta = json.loads((folder / CACHE_META).read_text(encoding="utf-8"))
        if meta.get("model_key") != key or meta.get("exporter") != exporter:
            return None
        return _check_file(folder / ONNX_FILE, str(meta["sha256"]), meta.get("opset"))
    except (OSError, ValueError, KeyError, TypeError, AttributeError):
        return None


def _store_in_cache(key: str, exporter: str, path: Path, digest: str, opset: int | None) -> None:
    """Put a checked export into the user's cache, whole or not at all (a folder renamed into place); a
    cache that cannot be written only costs a later build an export."""
    import tempfile

    final = _cache_folder(key, exporter)
    try:
        final.parent.mkdir(parents=True, exist_ok=True)
        tmp = Path(tempfile.mkdtemp(prefix=".tmp-", dir=final.parent))
        try:
            _link_or_copy(path, tmp / ONNX_FILE)
            meta = {"model_key": key, "exporter": exporter, "sha256": digest, "opset": opset}
            (tmp / CACHE_META).write_text(json.dumps(meta), encoding="utf-8")
            if final.exists():  # present but unusable (checksum or versions): replaced
                shutil.rmtree(final)
            os.rename(tmp, final)
        finally:
            shutil.rmtree(tmp, ignore_errors=True)
    except OSError:
        return


def _link_or_copy(source: Path, dest: Path) -> None:
    try:
        os.link(source, dest)
    except OSError:
        shutil.copyfile(source, dest)


def _opset(path: Path) -> int | None:
    import onnx

    model = onnx.load(str(path), load_external_data=False)
    return next((o.version for o in model.opset_import if o.domain in ("", "ai.onnx")), None)


def export_onnx(folder: Path, dest: Path, max_seq_length: int) -> None:
    """Export the transformer of the model in `folder` to `dest` (one self-contained file), then check it."""
    import torch
    from tokenizers import Tokenizer
    from transformers import AutoModel

    class LastHiddenState(torch.nn.Module):
        """Plain positional inputs, keyword call, one tensor out: what the exporter handles cleanly."""

        def __init__(self, model: torch.nn.Module) -> None:
            super().__init__()
            self.model = model

        def forward(self, input_ids, attention_mask, token_type_ids):
            out = self.model(
                input_ids=input_ids, attention_mask=attention_mask, token_type_ids=token_type_ids
            )
            return out.last_hidden_state

    tokenizer = Tokenizer.from_file(str(folder / TOKENIZER_FILE))
    tokenizer.enable_truncation(max_seq_length)
    tokenizer.enable_padding(pad_id=tokenizer.token_to_id("[PAD]") or 0, pad_token="[PAD]")
    encoded = tokenizer.encode_batch(list(CHECK_SENTENCES))
    # real, padded, distinct tensors: the exporter must not see two inputs as one (all-ones ids and mask
    # would be deduplicated), nor specialise on a batch without padding
    ids = torch.tensor([e.ids for e in encoded], dtype=torch.long)
    mask = torch.tensor([e.attention_mask for e in encoded], dtype=torch.long)
    types = torch.tensor([e.type_ids for e in encoded], dtype=torch.long)
    with _quiet():
        model = AutoModel.from_pretrained(str(folder)).eval()
        wrapper = LastHiddenState(model).eval()
        with torch.no_grad():
            expected = wrapper(ids, mask, types).numpy()
        tmp = dest.with_name(dest.name + ".tmp")
        export_graph(wrapper, (ids, mask, types), tmp, OUTPUT_NAME, max_seq=max(512, max_seq_length))
    try:
        _verify(
            tmp,
            {"input_ids": ids.numpy(), "attention_mask": mask.numpy(), "token_type_ids": types.numpy()},
            expected,
            mask.numpy(),
        )
        os.replace(tmp, dest)
    finally:
        tmp.unlink(missing_ok=True)


def export_graph(
    module: Any, inputs: tuple, dest: Path, output: str = OUTPUT_NAME, max_seq: int = 512
) -> None:
    """Export a module taking (input_ids, attention_mask, token_type_ids) with dynamic batch and sequence
    axes to one ONNX file; the training scripts' heads use it too (their output is "logits")."""
    import torch

    batch = torch.export.Dim("batch", max=4096)
    seq = torch.export.Dim("sequence", max=max_seq)
    shapes = {name: {0: batch, 1: seq} for name in INPUT_NAMES}
    with torch.no_grad():
        program = torch.onnx.export(
            module,
            inputs,
            input_names=list(INPUT_NAMES),
            output_names=[output],
            dynamic_shapes=shapes,
            dynamo=True,
            verbose=False,
        )
    if program is None:
        raise RuntimeError("the ONNX exporter returned nothing")
    program.save(str(dest))


def _verify(path: Path, feed: dict, expected, mask) -> None:
    import numpy as np
    import onnxruntime as ort

    session = ort.InferenceSession(str(path), providers=["CPUExecutionProvider"])
    got = session.run([OUTPUT_NAME], feed)[0]
    keep = mask.astype(bool)
    diff = float(np.abs(got[keep] - expected[keep]).max())
    if not np.isfinite(diff) or diff > MAX_ABS_DIFF:
        raise RuntimeError(f"the ONNX export differs from the model by {diff:.2g}")


@contextlib.contextmanager
def _quiet():
    """The exporter talks (progress on stdout, warnings, log lines); none of it may reach our stdout."""
    loggers = [logging.getLogger(n) for n in ("torch.onnx", "torch.export", "torch._dynamo", "onnxscript")]
    levels = [lg.level for lg in loggers]
    for lg in loggers:
        lg.setLevel(logging.ERROR)
    try:
        with warnings.catch_warnings(), contextlib.redirect_stdout(io.StringIO()):
            warnings.simplefilter("ignore")
            yield
    finally:
        for lg, level in zip(loggers, levels, strict=True):
            lg.setLevel(level)


def export_for_build(
    target: Path, previous: Previous | None, say: Callable[[str], None]
) -> dict[str, Any] | None:
    """The index build's hook: the manifest's "onnx" entry, or None (queries then use sentence-transformers)
    when the export cannot be made; a failed export never fails the build."""
    try:
        return ensure_export(target, previous, say)
    except Exception as exc:
        for name in (ONNX_FILE, TOKENIZER_FILE, ONNX_FILE + ".tmp"):
            (target / name).unlink(missing_ok=True)
        first = str(exc).splitlines()[0] if str(exc) else ""
        say(f"ONNX export skipped ({type(exc).__name__}: {first[:200]}); queries use sentence-transformers")
        return None
