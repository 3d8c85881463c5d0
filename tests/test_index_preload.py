"""The question encoder loads on a second thread while the index loads (index.preload): the first
question of a process gets the same encoder and the same answer, and nothing changes when it fails."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys

import numpy as np

from askisk.encoder.onnx_runtime import load_onnx_encoder
from askisk.index.layout import current_build_dir, read_manifest
from askisk.index.preload import EncoderPreload, preload_encoder
from askisk.service import Askisk

QUESTION = "When was IS-K created?"


def test_the_preloaded_encoder_is_the_builds_own(seed_built):
    _, index = seed_built
    build = current_build_dir(index)
    preloaded = EncoderPreload(index).take(build)
    assert preloaded is not None and preloaded.backend == "onnxruntime"
    direct = load_onnx_encoder(build, read_manifest(build))
    texts = [QUESTION, "Who is Rustam Azizi?"]
    np.testing.assert_allclose(preloaded.encode(texts), direct.encode(texts), atol=1e-6)


def test_an_encoder_preloaded_for_another_build_is_not_used(seed_built, tmp_path):
    _, index = seed_built
    other = tmp_path / "other-build"
    other.mkdir()
    assert EncoderPreload(index).take(other) is None


def test_nothing_is_preloaded_without_a_build_or_with_a_damaged_export(seed_copy, tmp_path):
    empty = tmp_path / "no-index"
    empty.mkdir()
    assert EncoderPreload(empty).take(empty) is None
    _, index = seed_copy
    build = current_build_dir(index)
    with open(build / "model.onnx", "r+b") as handle:
        handle.seek(os.path.getsize(build / "model.onnx") // 2)
        handle.write(b"\x00" * 64)
    assert EncoderPreload(index).take(build) is None  # silent: the service's own load says why


def test_forcing_the_torch_encoder_preloads_nothing(seed_built, monkeypatch):
    monkeypatch.setenv("ASKISK_QUERY_ENCODER", "sentence-transformers")
    assert preload_encoder(seed_built[1]) is None


def test_the_first_question_answers_as_with_an_encoder_loaded_after_the_index(seed_built, tmp_path):
    kb, index = seed_built
    shutil.copytree(index, tmp_path / "index")
    preloading = Askisk.open(str(kb), str(tmp_path / "index"))
    first = preloading.ask(QUESTION)
    assert preloading._preload is None and preloading.encoder().backend == "onnxruntime"

    serial = Askisk.open(str(kb), str(index))
    serial.encoder()  # index, then encoder, one after the other: the ask below starts no preload
    second = serial.ask(QUESTION)
    assert [h.passage_id for h in first.results] == [h.passage_id for h in second.results]
    assert [round(h.score, 6) for h in first.results] == [round(h.score, 6) for h in second.results]
    assert "January 2015" in first.results[0].text


def test_a_process_ending_while_the_encoder_loads_exits_cleanly(seed_built):
    # the process ends at several points of the load (before, during, after the onnxruntime session is
    # made); a daemon thread let the interpreter exit mid-creation and onnxruntime abort the process
    script = (
        "import sys, time\n"
        "from pathlib import Path\n"
        "from askisk.index.preload import EncoderPreload\n"
        "EncoderPreload(Path(sys.argv[1]))\n"
        "time.sleep(float(sys.argv[2]))\n"
    )
    for delay in ("0", "0.05", "0.1", "0.15", "0.2", "0.3", "0.4", "0.6"):
        proc = subprocess.run(
            [sys.executable, "-c", script, str(seed_built[1]), delay],
            capture_output=True,
            text=True,
            check=False,
        )
        assert (proc.returncode, proc.stderr) == (0, ""), (delay, proc.stderr)
