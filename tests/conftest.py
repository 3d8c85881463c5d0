"""Shared fixtures: every test works on its own copy of the kb and index in a temp dir.

The seed index is built once per session with the real model and copied for tests that change it.
Retrieval and lifecycle tests take `store_copy` / `store_service` / `store_built`, which run them once
per store in STORES: the local files, and Milvus Lite (a database file of its own per test). The seed is
built on Milvus Lite once per session (reusing the seed's embeddings and ONNX encoder, so it embeds
nothing); a test's Milvus copy is a copy of that build as `seed_copy` is of the local one: the index
folder and the Milvus Lite folder copied, the collection renamed to the copied kb's name and the
manifest pointed at the copy.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

import pytest
from hypothesis import HealthCheck, settings

ROOT = Path(__file__).resolve().parents[1]
SEED_KB = ROOT / "kb"
FIXTURES = ROOT / "tests" / "fixtures"


# Property tests: a fixed, bounded profile in CI (the same examples every run, no deadline on a shared
# machine); HYPOTHESIS_PROFILE=long for a search by hand. Counts: `pytest --hypothesis-show-statistics`.
settings.register_profile(
    "ci",
    max_examples=60,
    derandomize=True,
    deadline=None,
    print_blob=True,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
settings.register_profile(
    "long",
    max_examples=2000,
    deadline=None,
    print_blob=True,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci"))


@pytest.fixture(scope="session", autouse=True)
def _user_cache(tmp_path_factory):
    """One ONNX export cache for the whole session, as one user's machine has (never the real ~/.cache):
    the first build exports, every later one (in-process or a CLI subprocess) reuses it, without torch."""
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("ASKISK_CACHE", str(tmp_path_factory.mktemp("askisk-cache")))
        yield


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


STORES = ("local", "milvus-lite")


def store_uri(store: str, folder: Path) -> str:
    return "local" if store == "local" else f"milvus-lite://{folder / 'askisk.db'}"


def copy_for_store(seed: tuple[Path, Path], target: Path, uri: str) -> tuple[Path, Path]:
    """A writable copy of the seed kb and index in `target`, built for the store at `uri`."""
    from askisk.config import Paths
    from askisk.encoder.embeddings import sentence_transformer_encoder
    from askisk.index.select import backend_for

    kb, index = seed
    shutil.copytree(kb, target / "kb")
    shutil.copytree(index, target / "index")
    if uri != "local":
        backend_for(uri).build(Paths(target / "kb", target / "index"), sentence_transformer_encoder)
    return target / "kb", target / "index"


@pytest.fixture(scope="session")
def milvus_seed(seed_built, tmp_path_factory) -> tuple[Path, Path, str]:
    """The seed built on a Milvus Lite file of its own, once: the template of every test's Milvus copy.
    Nothing holds its file open (the build lets go of it), so it can be copied."""
    base = tmp_path_factory.mktemp("seed-milvus")
    uri = store_uri("milvus-lite", base / "store")
    kb, index = copy_for_store(seed_built, base, uri)
    return kb, index, uri


def copy_milvus(template: tuple[Path, Path, str], target: Path, uri: str) -> tuple[Path, Path]:
    """A writable copy of the Milvus-built seed: kb and index in `target`, the Milvus Lite folder at `uri`,
    its collection renamed after the copied kb and the live manifest naming the copy (what a build there
    would have written)."""
    import json

    from askisk.index import milvus_schema as ms
    from askisk.index.layout import MANIFEST, current_build_dir
    from askisk.index.milvus_publish import meta_name

    kb, index, template_uri = template
    shutil.copytree(kb, target / "kb")
    shutil.copytree(index, target / "index")
    source, copy = ms.parse_target(template_uri), ms.parse_target(uri)
    shutil.copytree(source.client_uri, copy.client_uri)
    name = ms.collection_name(target / "kb")
    client = ms.connect(copy)
    try:
        client.rename_collection(ms.collection_name(kb), name)
        client.rename_collection(meta_name(ms.collection_name(kb)), meta_name(name))
    finally:
        ms.disconnect(client, copy)
    build = current_build_dir(target / "index")
    assert build is not None
    manifest = json.loads((build / MANIFEST).read_text(encoding="utf-8"))
    manifest["milvus"].update(uri=copy.uri, collection=name)
    (build / MANIFEST).write_text(json.dumps(manifest, indent=1), encoding="utf-8")
    return target / "kb", target / "index"


@pytest.fixture(params=STORES)
def store(request, monkeypatch, tmp_path) -> str:
    """The store URI of this run of the test, also set as ASKISK_STORE for the service and the CLI."""
    uri = store_uri(request.param, tmp_path / "store")
    monkeypatch.setenv("ASKISK_STORE", uri)
    return uri


def _copy_on(request, seed_built, target: Path, uri: str) -> tuple[Path, Path]:
    """The seed copied into `target` for the store at `uri` (the Milvus template only when asked for)."""
    if uri == "local":
        return copy_for_store(seed_built, target, uri)
    return copy_milvus(request.getfixturevalue("milvus_seed"), target, uri)


@pytest.fixture
def store_copy(request, seed_built, store, tmp_path) -> tuple[Path, Path]:
    """`seed_copy` on the store of this run."""
    return _copy_on(request, seed_built, tmp_path / "copy", store)


@pytest.fixture(scope="session", params=STORES)
def store_built(request, seed_built, tmp_path_factory) -> tuple[Path, Path, str]:
    """The seed kb and index built once per store: (kb, index, store URI); read-only."""
    base = tmp_path_factory.mktemp(f"seed-{request.param}")
    uri = store_uri(request.param, base / "store")
    kb, index = _copy_on(request, seed_built, base, uri)
    return kb, index, uri


@pytest.fixture(scope="session", params=STORES)
def store_service(request, seed_built, tmp_path_factory):
    """The service on its own build of the seed, its index loaded (once per store). Its own: a Milvus Lite
    file is served to one process at a time, and this one stays open in the test process."""
    from askisk.config import Paths
    from askisk.index.select import backend_for
    from askisk.service import Askisk

    base = tmp_path_factory.mktemp(f"service-{request.param}")
    uri = store_uri(request.param, base / "store")
    kb, index = _copy_on(request, seed_built, base, uri)
    service = Askisk(Paths(kb, index), backend=backend_for(uri))
    service.store(refresh=False)
    return service


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


@pytest.fixture(scope="session")
def two_sources(seed_built, tmp_path_factory) -> tuple[Path, Path]:
    """The seed plus a dated border report with a speaker of its own: for source, date and speaker filters."""
    kb_seed, index_seed = seed_built
    base = tmp_path_factory.mktemp("two")
    shutil.copytree(kb_seed, base / "kb")
    shutil.copytree(index_seed, base / "index")
    shutil.copy(FIXTURES / "filters" / "border-report.md", base / "kb" / "border-report.md")
    assert run_cli("index", "--kb", str(base / "kb"), "--index", str(base / "index")).returncode == 0
    return base / "kb", base / "index"


# -- the chat app, driven through the pilot -------------------------------------------------------------
@pytest.fixture
def anyio_backend() -> str:
    return "asyncio"


async def wait_for(pilot, cond: Callable[[], object], timeout: float = 120) -> None:
    """Let the app run until `cond()` holds; fail after `timeout` seconds (a generous bound for a busy CI)."""
    start = time.monotonic()
    while not cond():
        if time.monotonic() - start > timeout:
            raise AssertionError("timed out waiting for the app")
        await pilot.pause(0.05)
    await pilot.pause()


def rendered(widget) -> str:
    """The text the widget (or, for a container, its Static children) actually puts on screen."""
    from textual.geometry import Region
    from textual.widgets import Static

    if not isinstance(widget, Static):
        return "\n".join(rendered(child) for child in widget.query(Static))
    strips = widget.render_lines(Region(0, 0, *widget.outer_size))
    return "\n".join(strip.text.strip() for strip in strips)


@pytest.fixture
def uri_reader(milvus_seed, tmp_path, monkeypatch) -> tuple[Path, Path, str, str, Path, Path]:
    """A writer and a reader of one Milvus store (tests/test_milvus_reader*.py): the writer (kb, index,
    URI) on a Milvus Lite copy of the seed, the reader's URI (the same file, the collection named in the
    URI) and the reader's kb and index folders, both empty."""
    from askisk.index.milvus_schema import collection_name

    uri = store_uri("milvus-lite", tmp_path / "store")
    monkeypatch.delenv("ASKISK_STORE", raising=False)
    kb, index = copy_milvus(milvus_seed, tmp_path / "writer", uri)
    reader_kb, reader_index = tmp_path / "reader" / "kb", tmp_path / "reader" / "index"
    reader_kb.mkdir(parents=True)
    reader_index.mkdir()
    return kb, index, uri, f"{uri}?collection={collection_name(kb)}", reader_kb, reader_index


def attributions(body: str, title: str = "t", convention: str = "news") -> dict[str, tuple[str | None, str]]:
    """passage text -> (speaker, kind) of a source with this body, analysed by the real pipeline under
    an attribution convention ("news", the default, or "polnear")."""
    from askisk.models import Source
    from askisk.speakers.corpus import analyse

    doc = analyse(Source(id="t", title=title, path="t.md", body=body), convention)
    return {p.text: (a.speaker, a.kind) for p, a in zip(doc.passages, doc.attributions, strict=True)}


# a headline and a paragraph naming no one: the page a test sentence is read on (sessions 60 on)
HARBOR_LEAD = "Harbor vote\n\nThe council met on Monday to vote on the ferry budget.\n\n"


def attribution_of(sentence: str, lead: str = HARBOR_LEAD) -> tuple[str | None, str]:
    """(speaker, kind) of `sentence` read after `lead` by the real pipeline (news convention)."""
    return attributions(lead + sentence + "\n")[sentence]


def misparsed(words, heads, deps, tags, pos, lemmas=None):
    """A real spaCy Doc carrying the parse the small model gave a page's sentence (a paraphrase written for a
    test does not always reproduce it)."""
    from spacy.tokens import Doc
    from spacy.vocab import Vocab

    lemmas = lemmas or [w.lower() for w in words]
    return Doc(Vocab(), words=words, heads=heads, deps=deps, tags=tags, pos=pos, lemmas=lemmas)
