"""URL sources: `askisk add http://...` against a real HTTP server on 127.0.0.1 started by the test
(nothing here reaches the network)."""

from __future__ import annotations

import json
import threading
import time
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
from conftest import FIXTURES, run_cli
from pdfgen import REPORT_PAGES, write_pdf

from askisk.sources.importing import IngestError, Meta
from askisk.sources.url import USER_AGENT, draft_url, fetch

ARTICLE = (FIXTURES / "articles" / "harbour-flood.html").read_bytes()


class Handler(BaseHTTPRequestHandler):
    pdf: bytes = b""
    agents: list[str] = []

    def log_message(self, *args) -> None:  # keep the test output clean
        pass

    def _send(self, status: int, ctype: str, body: bytes, length: int | None = None) -> None:
        self.send_response(status)
        self.send_header("Content-Type", ctype)
        self.send_header("Content-Length", str(len(body) if length is None else length))
        self.end_headers()
        self.wfile.write(body)

    def _redirect(self, where: str) -> None:
        self.send_response(302)
        self.send_header("Location", where)
        self.send_header("Content-Length", "0")
        self.end_headers()

    def do_GET(self) -> None:
        Handler.agents.append(self.headers.get("User-Agent", ""))
        routes = {
            "/news/harbour-flood": lambda: self._send(200, "text/html; charset=utf-8", ARTICLE),
            "/old-link": lambda: self._redirect("/news/harbour-flood"),
            "/loop": lambda: self._redirect("/loop"),
            "/data.json": lambda: self._send(200, "application/json", b'{"a": 1}'),
            "/report.pdf": lambda: self._send(200, "application/pdf", Handler.pdf),
            "/huge": lambda: self._send(200, "text/html", b"<html>", length=50 * 1024 * 1024),
            "/endless": self._endless,
            "/slow": self._slow,
        }
        route = routes.get(self.path)
        if route is None:
            self._send(404, "text/html", b"<h1>Not Found</h1>")
        else:
            route()

    def _endless(self) -> None:
        self.send_response(200)
        self.send_header("Content-Type", "text/html")
        self.end_headers()  # no length: the body runs until the connection closes
        try:
            for _ in range(200):
                self.wfile.write(b"<p>" + b"x" * 1020 + b"</p>")
        except OSError:
            pass
        self.close_connection = True

    def _slow(self) -> None:
        time.sleep(3)
        self._send(200, "text/html", ARTICLE)


class QuietServer(ThreadingHTTPServer):
    def handle_error(self, request, client_address) -> None:  # a client hanging up on purpose is no news
        pass


@pytest.fixture(scope="module")
def site(tmp_path_factory) -> Iterator[str]:
    pdf = write_pdf(tmp_path_factory.mktemp("pdf") / "r.pdf", REPORT_PAGES, title="Monitoring Team report")
    Handler.pdf = pdf.read_bytes()
    httpd = QuietServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()
    httpd.server_close()


def test_fetch_an_article_after_a_redirect(site):
    d = draft_url(f"{site}/old-link", Meta())
    assert d.meta["url"] == f"{site}/old-link"
    assert d.meta["fetched_from"] == f"{site}/news/harbour-flood"
    assert d.meta["fetched_at"].endswith("Z") and d.meta["title"]
    assert "harbour" in d.body.lower()
    assert USER_AGENT in Handler.agents


def test_a_pdf_by_url_keeps_its_pages(site):
    d = draft_url(f"{site}/report.pdf", Meta())
    assert d.meta["title"] == "Monitoring Team report" and "<!-- page 2 -->" in d.body


@pytest.mark.parametrize(
    ("path", "kwargs", "reason"),
    [
        ("/missing", {}, "HTTP 404 Not Found"),
        ("/loop", {}, "more than 5 redirects; giving up"),
        ("/data.json", {}, "content type 'application/json' is neither an HTML page nor a PDF"),
        ("/huge", {}, "page is 50.0 MB; the limit is 10.0 MB"),
        ("/endless", {"max_bytes": 50 * 1024}, "page is over the 50 KB limit; stopped reading"),
        ("/slow", {"timeout": 0.5}, "no answer within 0.5 s (timed out)"),
    ],
)
def test_each_failure_is_one_sentence(site, path, kwargs, reason):
    with pytest.raises(IngestError) as info:
        fetch(f"{site}{path}", **kwargs)
    assert str(info.value) == reason


def test_nothing_listens(tmp_path):
    with pytest.raises(IngestError, match="cannot fetch"):
        fetch("http://127.0.0.1:9/")  # the discard port: closed on a test machine


def test_add_urls_from_the_cli(site, seed_copy):
    kb, index = seed_copy
    urls = [f"{site}/missing", f"{site}/old-link", f"{site}/data.json"]
    result = run_cli("add", *urls, "--kb", str(kb), "--index", str(index), "--json")
    assert result.returncode == 1, result.stderr
    errors = [line for line in result.stderr.splitlines() if line.startswith("askisk: error:")]
    assert errors == [
        f"askisk: error: {site}/missing: HTTP 404 Not Found",
        f"askisk: error: {site}/data.json: content type 'application/json' is neither an HTML page nor a PDF",
    ]
    events = [json.loads(line) for line in result.stdout.splitlines()]
    added = [e for e in events if e["event"] == "added"]
    assert [e["path"] for e in added] == [f"{site}/old-link"]
    stored = Path(added[0]["message"]).read_text()
    assert f"url: {site}/old-link" in stored and "fetched_at:" in stored
    listed = run_cli("sources", "--kb", str(kb), "--index", str(index), "--json")
    urls_listed = {json.loads(line)["url"] for line in listed.stdout.splitlines()}
    assert f"{site}/old-link" in urls_listed
    again = run_cli("add", f"{site}/news/harbour-flood", "--kb", str(kb), "--index", str(index))
    assert again.returncode == 0 and "same text as kb source" in again.stderr
