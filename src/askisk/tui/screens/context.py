"""A passage in its article: the source's paragraphs with the hit's paragraph marked and scrolled to."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical, VerticalScroll
from textual.content import Content
from textual.message import Message
from textual.screen import ModalScreen
from textual.widgets import Footer, Static

from askisk.models import Hit
from askisk.tui.format import attribution_line, highlighted, shown, speaker_name


class ContextScreen(ModalScreen[None]):
    BINDINGS = [
        Binding("escape,q", "dismiss", "Close"),
        Binding("c", "copy('plain')", "Copy citation"),
        Binding("C", "copy('')", "Citation style", key_display="C"),
    ]

    class CopyRequested(Message):
        def __init__(self, hit: Hit, style: str | None = "plain") -> None:
            super().__init__()
            self.hit = hit
            self.style = style  # None: let the user choose

    def __init__(self, hit: Hit, query: str, paragraphs: list[tuple[int, str]], speaker_style: str) -> None:
        super().__init__()
        self.hit = hit
        self.question = query
        self.paragraphs = paragraphs
        self.speaker_style = speaker_style

    def compose(self) -> ComposeResult:
        hit = self.hit
        src = hit.source
        meta = [m for m in (src.outlet, src.date or "undated", src.url) if m]
        with Vertical(id="context-box"):
            yield Static(Content.styled(shown(src.title), "bold"), id="context-title")
            yield Static(Content(shown(" · ".join(meta))), id="context-meta")
            yield Static(
                Content.assemble(
                    (speaker_name(hit), self.speaker_style),
                    "  ",
                    (attribution_line(hit), "italic"),
                    (f"  · {hit.locator}", "dim"),
                ),
                id="context-who",
            )
            with VerticalScroll(id="context-article"):
                for number, text in self.paragraphs:
                    current = number == hit.paragraph
                    body = highlighted(text, self.question) if current else Content(shown(text))
                    yield Static(
                        Content.assemble((f"¶{number}  ", "dim"), body),
                        classes="paragraph -current" if current else "paragraph",
                        id=f"para-{number}",
                    )
        yield Footer()

    def on_mount(self) -> None:
        article = self.query_one("#context-article", VerticalScroll)
        article.focus()
        self.call_after_refresh(self._scroll_to_current)

    def _scroll_to_current(self) -> None:
        for para in self.query(".-current"):
            self.query_one("#context-article", VerticalScroll).scroll_to_widget(para, animate=False, top=True)
            break

    def action_copy(self, style: str) -> None:
        self.post_message(self.CopyRequested(self.hit, style or None))
