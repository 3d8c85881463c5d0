"""`askisk serve`: a real uvicorn server on 127.0.0.1 (a free port), started by the test, asked over HTTP."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager
from pathlib import Path

import httpx
import pytest
from conftest import FIXTURES, run_cli

QUESTIONS = [
    "Who leads IS-K?",
    "When was IS-K created?",
    "What does Azizi say about the border?",
    "How many fighters does IS-K have?",
    "What did McKenzie say?",
    "Is Tajikistan stable?",
    "Where did the Crocus City Hall attack happen?",
    "What do the Taliban think of IS-K?",
]


@contextmanager
def server(kb: Path, index: Path, token: str | None = None, poll: float = 0.5) -> Iterator[str]:
    """Start `askisk serve --port 0`, wait for its "serving on" line, yield the base URL, stop it."""
    env = {**os.environ, "ASKISK_TOKEN": token or ""}
    proc = subprocess.Popen(
        [sys.executable, "-m", "askisk", "serve", "--kb", str(kb), "--index", str(index), "--port", "0",
         "--poll", str(poll)],
        stderr=subprocess.PIPE, stdout=subprocess.DEVNULL, text=True, env=env,
    )  # fmt: skip
    lines: list[str] = []
    try:
        assert proc.stderr is not None
        for line in proc.stderr:
            lines.append(line)
            if match := re.search(r"serving on (http://[^\s;]+)", line):
                break
        else:
            raise AssertionError(f"server did not start: {''.join(lines)}")
        threading.Thread(target=lambda: lines.extend(proc.stderr), daemon=True).start()
        yield match.group(1)
    finally:
        proc.terminate()
        proc.wait(timeout=30)


@pytest.fixture(scope="module")
def served(seed_built, tmp_path_factory) -> Iterator[tuple[str, Path, Path]]:
    kb, index = seed_built
    base = tmp_path_factory.mktemp("serve")
    shutil.copytree(kb, base / "kb")
    shutil.copytree(index, base / "index")
    with server(base / "kb", base / "index") as url:
        yield url, base / "kb", base / "index"


def test_ask_is_the_cli_json(served):
    url, kb, index = served
    got = httpx.post(f"{url}/ask", json={"query": "Who leads IS-K?", "top_k": 3}, timeout=60)
    assert got.status_code == 200, got.text
    cli = run_cli("ask", "Who leads IS-K?", "--top-k", "3", "--json", "--kb", str(kb), "--index", str(index))
    assert got.json() == json.loads(cli.stdout)


def test_check_batches_and_lists(served):
    url, kb, index = served
    claims = ["The Taliban and IS-K are allies.", "", "Azizi says the border is controlled effectively."]
    got = httpx.post(f"{url}/check", json={"claim": claims}, timeout=60)
    assert got.status_code == 200, got.text
    body = got.json()
    assert [b.get("verdict") for b in body] == ["refuted", None, "supported"]
    assert body[1] == {
        "claim": "",
        "error": "the question is empty; type a question or a claim",
        "evidence": [],
    }
    speakers = httpx.get(f"{url}/speakers", timeout=30).json()
    cli = run_cli("speakers", "--json", "--kb", str(kb), "--index", str(index))
    assert speakers == [json.loads(line) for line in cli.stdout.splitlines()]
    sources = httpx.get(f"{url}/sources", timeout=30).json()
    assert [s["id"] for s in sources] == ["isk-central-asia"]
    spec = httpx.get(f"{url}/openapi.json", timeout=30).json()
    assert {"/ask", "/check", "/speakers", "/sources", "/healthz"} <= set(spec["paths"])


def test_concurrent_requests_get_their_own_answers(served):
    url, _, _ = served
    questions = [f"{q} ({n})" for n in range(4) for q in QUESTIONS]
    with httpx.Client(timeout=120) as client, ThreadPoolExecutor(16) as pool:
        replies = list(
            pool.map(lambda q: client.post(f"{url}/ask", json={"query": q, "top_k": 2}), questions)
        )
    assert [r.status_code for r in replies] == [200] * len(questions)
    assert [r.json()["query"] for r in replies] == questions


@pytest.mark.parametrize(
    ("kwargs", "status", "reason"),
    [
        ({"content": b"{not json", "headers": {"content-type": "application/json"}}, 400, "not valid JSON"),
        ({"json": {"query": "x", "colour": "red"}}, 422, "unknown field 'colour'"),
        ({"json": {"top_k": 3}}, 422, "missing field 'query'"),
        ({"json": {"query": "x", "top_k": 0}}, 422, "top_k"),
        ({"json": {"query": "x" * 3000}}, 400, "the limit is 2,000"),
        ({"json": {"query": "x " * 200_000}}, 413, "over 256 KiB"),
        ({"content": b"query=x", "headers": {"content-type": "text/plain"}}, 415, "must be JSON"),
        ({"json": {"query": "x", "speaker": "Nobody Atall"}}, 400, "no speaker matches"),
        ({"json": {"query": "x", "since": "yesterday"}}, 400, "malformed start date 'yesterday'"),
        ({"json": {"query": []}}, 400, "empty"),
    ],
)
def test_bad_requests_are_4xx_with_one_line(served, kwargs, status, reason):
    url, _, _ = served
    got = httpx.post(f"{url}/ask", timeout=60, **kwargs)
    assert got.status_code == status, got.text
    error = got.json()["error"]
    assert reason in error and "\n" not in error and "Traceback" not in got.text


def test_token_guards_all_but_healthz(seed_copy):
    kb, index = seed_copy
    with server(kb, index, token="s3cret") as url:
        assert httpx.get(f"{url}/healthz", timeout=30).status_code == 200
        refused = httpx.post(f"{url}/ask", json={"query": "Who leads IS-K?"}, timeout=30)
        assert refused.status_code == 401 and "bearer token" in refused.json()["error"]
        wrong = httpx.get(f"{url}/sources", headers={"Authorization": "Bearer nope"}, timeout=30)
        assert wrong.status_code == 401
        ok = httpx.get(f"{url}/sources", headers={"Authorization": "Bearer s3cret"}, timeout=30)
        assert ok.status_code == 200


def test_binding_beyond_loopback_needs_a_token():
    result = run_cli("serve", "--host", "0.0.0.0", "--port", "0", env={"ASKISK_TOKEN": ""})
    assert result.returncode == 1
    assert result.stderr.strip().splitlines() == [
        "askisk: error: binding to 0.0.0.0 exposes the kb to the network; set ASKISK_TOKEN to require a "
        "bearer token"
    ]


def test_an_add_while_serving_is_picked_up_whole(seed_copy):
    kb, index = seed_copy
    with server(kb, index) as url, httpx.Client(timeout=120) as client:
        before = client.get(f"{url}/healthz").json()["build_id"]
        statuses: list[int] = []
        stop = threading.Event()

        def keep_asking() -> None:
            while not stop.is_set():
                statuses.append(client.post(f"{url}/ask", json={"query": "Who leads IS-K?"}).status_code)

        asker = threading.Thread(target=keep_asking)
        asker.start()
        try:
            added = run_cli(
                "add",
                str(FIXTURES / "articles" / "harbour-flood.txt"),
                "--kb",
                str(kb),
                "--index",
                str(index),
            )
            assert added.returncode == 0, added.stderr
            deadline = time.monotonic() + 60
            while client.get(f"{url}/healthz").json()["build_id"] == before and time.monotonic() < deadline:
                time.sleep(0.2)
        finally:
            stop.set()
            asker.join()
        ids = [s["id"] for s in client.get(f"{url}/sources").json()]
        assert ids == ["harbour-flood", "isk-central-asia"]
        assert statuses and set(statuses) == {200}
        flood = client.post(
            f"{url}/ask", json={"query": "What flooded the harbour?", "sources": ["harbour-flood"]}
        )
        assert flood.status_code == 200 and flood.json()["results"][0]["source"]["id"] == "harbour-flood"


def test_the_cli_does_not_import_the_web_framework():
    code = (
        "import sys, askisk.cli as c; c.build_parser(); "
        "heavy = ('fastapi', 'uvicorn', 'starlette', 'httpx', 'pypdfium2'); "
        "print(sorted(m for m in heavy if m in sys.modules))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"
