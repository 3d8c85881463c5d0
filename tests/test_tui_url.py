"""The chat app's add-source dialog with a URL: a page served by an HTTP server on 127.0.0.1 started here
(nothing reaches the network), through App.run_test() on a copy of the real seed index."""

from __future__ import annotations

import html
import re
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
from conftest import FIXTURES, wait_for

from askisk.tui.app import AskiskApp, make_app
from askisk.tui.screens.add_source import AddSourceScreen
from askisk.tui.widgets.answer_block import AnswerBlock
from askisk.tui.widgets.question_input import QuestionInput
from askisk.tui.widgets.status_bar import StatusBar

pytestmark = pytest.mark.anyio

PAGE = (FIXTURES / "articles" / "harbour-flood.html").read_bytes()
SIZE = (100, 40)


class Handler(BaseHTTPRequestHandler):
    def log_message(self, *args) -> None:
        pass

    def do_GET(self) -> None:
        found = self.path == "/news/harbour-flood"
        body = PAGE if found else b"<h1>Not Found</h1>"
        self.send_response(200 if found else 404)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)


@pytest.fixture(scope="module")
def site() -> Iterator[str]:
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()
    httpd.server_close()


def status(app: AskiskApp) -> StatusBar:
    return app.screen_stack[0].query_one(StatusBar)


def page_text() -> str:
    text = html.unescape(re.sub(r"<[^>]+>", " ", PAGE.decode("utf-8")))
    return " ".join(text.split())


async def add_from_dialog(pilot, url: str) -> None:
    """ctrl-palette's "Add source" action, the URL typed into the dialog, enter; waits for the rebuild."""
    app = pilot.app
    app.action_add_source()
    await wait_for(pilot, lambda: isinstance(app.screen, AddSourceScreen))
    await wait_for(pilot, lambda: app.focused is app.screen.query_one("#add-path"))
    await pilot.press(*url, "enter")
    await wait_for(pilot, lambda: not isinstance(app.screen, AddSourceScreen))
    await wait_for(pilot, lambda: status(app).state == "ready", timeout=300)


async def test_add_a_url_from_the_dialog_and_a_404_is_one_line(seed_copy, site):
    kb, index = seed_copy
    kb_before = {p.name: p.read_bytes() for p in kb.iterdir()}
    app = make_app(str(kb), str(index))
    async with app.run_test(size=SIZE) as pilot:
        await wait_for(pilot, lambda: status(app).state == "ready")

        await add_from_dialog(pilot, f"{site}/missing")
        note = list(app._notifications)[-1]
        assert note.message == f"{site}/missing: HTTP 404 Not Found" and note.severity == "error"
        assert "1 source," in str(status(app).render())
        assert {p.name: p.read_bytes() for p in kb.iterdir()} == kb_before  # the kb is as it was

        await add_from_dialog(pilot, f"{site}/news/harbour-flood")
        note = list(app._notifications)[-1]
        assert note.message.startswith("added ") and note.severity == "information", note.message
        assert "2 sources," in str(status(app).render())

        field = app.screen.query_one(QuestionInput)
        field.focus()
        field.value = "Who inspected the sea wall in Veldmark?"
        await pilot.press("enter")
        await wait_for(pilot, lambda: len(app.screen.query(AnswerBlock)) == 1)
        block = app.screen.query_one(AnswerBlock)
        await wait_for(pilot, lambda: block.result is not None or block._summary.has_class("-error"))
        from_page = [c.hit for c in block.cards if c.hit.source.url == f"{site}/news/harbour-flood"]
        assert from_page, [c.hit.source.id for c in block.cards]
        assert from_page[0].text in page_text()
