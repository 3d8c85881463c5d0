"""Shared fixtures: every test works on its own copy of the kb and index in a temp dir.

The seed index is built once per session with the real model and copied for tests that change it.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SEED_KB = ROOT / "kb"
FIXTURES = ROOT / "tests" / "fixtures"


@pytest.fixture(autouse=True)
def _isolate(monkeypatch, tmp_path_factory):
    """Point the default data paths away from the repository so no test touches the real kb/index."""
    home = tmp_path_factory.mktemp("askisk-home")
    monkeypatch.setenv("ASKISK_KB", str(home / "kb"))
    monkeypatch.setenv("ASKISK_INDEX", str(home / "index"))
    monkeypatch.setenv("HF_HUB_OFFLINE", "1")


@pytest.fixture(scope="session")
def seed_built(tmp_path_factory) -> tuple[Path, Path]:
    """A kb holding the seed source and an index built from it with the real model (built once)."""
    from askisk.config import Paths
    from askisk.encoder.embeddings import sentence_transformer_encoder
    from askisk.index.build import build_index

    base = tmp_path_factory.mktemp("seed")
    kb = base / "kb"
    kb.mkdir()
    for src in SEED_KB.glob("*.md"):
        shutil.copy(src, kb / src.name)
    index = base / "index"
    build_index(Paths(kb, index), sentence_transformer_encoder)
    return kb, index


@pytest.fixture
def seed_copy(seed_built, tmp_path) -> tuple[Path, Path]:
    """A private, writable copy of the seed kb and its built index."""
    kb, index = seed_built
    shutil.copytree(kb, tmp_path / "kb")
    shutil.copytree(index, tmp_path / "index")
    return tmp_path / "kb", tmp_path / "index"


@pytest.fixture(scope="session")
def seed_service(seed_built):
    from askisk.config import Paths
    from askisk.service import Askisk

    kb, index = seed_built
    service = Askisk(Paths(kb, index))
    service.store(refresh=False)
    return service


def run_cli(
    *args: str, stdin: str | None = None, env: dict[str, str] | None = None, timeout: float = 300
) -> subprocess.CompletedProcess[str]:
    """Run the real `askisk` command in a subprocess."""
    full_env = {**os.environ, **(env or {})}
    return subprocess.run(
        [sys.executable, "-m", "askisk", *args],
        input=stdin,
        capture_output=True,
        text=True,
        env=full_env,
        timeout=timeout,
    )
