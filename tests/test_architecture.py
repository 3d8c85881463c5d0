"""The import graph runs one way, down the pipeline: a module imports only its own stage, or stages before
it (ARCHITECTURE.md). Imports under `if TYPE_CHECKING:` are annotations only and are not counted."""

from __future__ import annotations

import ast
from pathlib import Path

from conftest import ROOT

SRC = ROOT / "src" / "askisk"
# Lower rank = earlier in the flow. The shared words and tools come first, the two faces last.
RANKS = {
    "models": 0, "config": 0, "errors": 0, "text": 0, "fsutil": 0, "nlp": 0, "faults": 0, "runtime": 0,
    "__init__": 0,
    "sources": 1, "speakers": 2, "encoder": 3, "index": 4, "search": 5, "verify": 6,
    "evaluate": 7, "report": 7, "service": 8, "cli": 9, "tui": 9, "api": 9, "__main__": 9,
}  # fmt: skip


def _stage(module: str) -> str:
    parts = module.split(".")
    return parts[1] if len(parts) > 1 and parts[1] != "__version__" else "__init__"


def _runtime_imports(path: Path) -> list[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    skip: set[int] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.If) and "TYPE_CHECKING" in ast.unparse(node.test):
            skip |= {id(n) for child in node.body for n in ast.walk(child)}
    found = []
    for node in ast.walk(tree):
        if id(node) in skip:
            continue
        if isinstance(node, ast.ImportFrom) and node.module and node.module.startswith("askisk"):
            found += [
                f"{node.module}.{a.name}" if node.module == "askisk" else node.module for a in node.names
            ]
        elif isinstance(node, ast.Import):
            found += [a.name for a in node.names if a.name.startswith("askisk")]
    return found


def _module(path: Path) -> str:
    return ".".join(("askisk", *path.relative_to(SRC).with_suffix("").parts))


def test_every_module_has_a_stage():
    stages = {_stage(_module(p)) for p in SRC.rglob("*.py")}
    assert stages <= set(RANKS), stages - set(RANKS)


def test_imports_only_run_down_the_pipeline():
    upward = []
    for path in sorted(SRC.rglob("*.py")):
        here = _stage(_module(path))
        for target in _runtime_imports(path):
            there = _stage(target)
            if RANKS[there] > RANKS[here]:
                upward.append(f"{_module(path)} imports {target}")
    assert upward == []


def test_no_module_outside_the_faces_imports_a_ui_library():
    for path in SRC.rglob("*.py"):
        if _stage(_module(path)) in ("cli", "tui"):
            continue
        tree = ast.parse(path.read_text(encoding="utf-8"))
        names = [a.name for n in ast.walk(tree) if isinstance(n, ast.Import) for a in n.names]
        names += [n.module or "" for n in ast.walk(tree) if isinstance(n, ast.ImportFrom)]
        assert not any(n.split(".")[0] in ("textual", "rich") for n in names), path
