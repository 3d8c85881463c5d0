"""Load test of `askisk serve` on loopback: requests/s, p50/p99 latency and server memory at 1, 8 and 32
concurrent clients, each asking distinct questions (so the query-vector cache does not help), and counting
as "wrong" every request that failed or whose answer does not carry the question it asked.

Bounded: REQUESTS requests per level (at least 4 per client), 127.0.0.1 only, a private copy of the kb and
index in a temp dir (the index is built or refreshed there first, in its own process).

    .venv/bin/python bench/serve_load.py [--kb kb] [--index index] [--requests 200]
"""

from __future__ import annotations

import argparse
import asyncio
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
QUESTIONS = [
    "Who leads IS-K?",
    "When was IS-K created?",
    "What does Azizi say about the border?",
    "How many fighters does IS-K have?",
    "What did McKenzie say about attacks?",
    "Is Tajikistan stable?",
    "Where did the Crocus City Hall attack happen?",
    "What do the Taliban think of IS-K?",
]


def start(kb: Path, index: Path) -> tuple[subprocess.Popen, str]:
    proc = subprocess.Popen(
        [sys.executable, "-m", "askisk", "serve", "--kb", str(kb), "--index", str(index), "--port", "0"],
        stderr=subprocess.PIPE, stdout=subprocess.DEVNULL, text=True,
    )  # fmt: skip
    assert proc.stderr is not None
    for line in proc.stderr:
        if match := re.search(r"serving on (http://[^\s;]+)", line):
            return proc, match.group(1)
    raise SystemExit(f"server did not start (exit {proc.wait()})")


def rss_mb(pid: int) -> tuple[float, float]:
    fields = dict(line.split(":", 1) for line in Path(f"/proc/{pid}/status").read_text().splitlines())
    return int(fields["VmRSS"].split()[0]) / 1024, int(fields["VmHWM"].split()[0]) / 1024


async def level(url: str, clients: int, total: int) -> tuple[float, list[float], int]:
    import httpx

    queue: asyncio.Queue[str] = asyncio.Queue()
    for n in range(total):
        queue.put_nowait(f"{QUESTIONS[n % len(QUESTIONS)]} [{clients}-{n}]")
    latencies: list[float] = []
    wrong = 0

    async def worker(client: httpx.AsyncClient) -> None:
        nonlocal wrong
        while not queue.empty():
            question = queue.get_nowait()
            t0 = time.perf_counter()
            try:
                reply = await client.post(f"{url}/ask", json={"query": question, "top_k": 5})
            except httpx.HTTPError:  # counted, not fatal: a lost answer is what this measures
                wrong += 1
                continue
            latencies.append(time.perf_counter() - t0)
            if reply.status_code != 200 or reply.json().get("query") != question:
                wrong += 1

    limits = httpx.Limits(max_connections=clients)
    async with httpx.AsyncClient(timeout=120, limits=limits) as client:
        t0 = time.perf_counter()
        await asyncio.gather(*(worker(client) for _ in range(clients)))
        wall = time.perf_counter() - t0
    return wall, latencies, wrong


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--kb", default=str(ROOT / "kb"))
    parser.add_argument("--index", default=str(ROOT / "index"))
    parser.add_argument("--requests", type=int, default=200)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="askisk-load-") as tmp:
        kb, index = Path(tmp) / "kb", Path(tmp) / "index"
        shutil.copytree(args.kb, kb)
        if Path(args.index).is_dir():
            shutil.copytree(args.index, index, symlinks=True)
        # built (or refreshed) in its own process, so the server's memory is that of serving alone
        subprocess.run(
            [sys.executable, "-m", "askisk", "index", "--kb", str(kb), "--index", str(index)], check=True
        )
        proc, url = start(kb, index)
        try:
            rss, _ = rss_mb(proc.pid)
            print(f"server ready at {url}; RSS {rss:.0f} MB before load")
            heads = ("clients", "requests", "req/s", "p50 ms", "p99 ms", "wrong", "RSS MB")
            print(" ".join(f"{h:>8}" for h in heads))
            for clients in (1, 8, 32):
                total = max(args.requests, 4 * clients)
                wall, lat, wrong = asyncio.run(level(url, clients, total))
                q = statistics.quantiles([x * 1000 for x in lat], n=100)
                rss, peak = rss_mb(proc.pid)
                row = (
                    clients,
                    total,
                    f"{total / wall:.1f}",
                    f"{q[49]:.1f}",
                    f"{q[98]:.1f}",
                    wrong,
                    f"{rss:.0f}",
                )
                print(" ".join(f"{c:>8}" for c in row))
            print(f"peak server RSS {peak:.0f} MB")
        finally:
            proc.terminate()
            proc.wait(timeout=30)


if __name__ == "__main__":
    main()
