"""The keys and input commands, on `?` or F1."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Static

KEYS: tuple[tuple[str, str], ...] = (
    ("enter", "ask the question in the input"),
    ("up / down", "in the input: earlier / later questions"),
    ("tab, escape", "from the input to the answer cards"),
    ("up / down, j / k", "on a card: previous / next card"),
    ("enter, click", "on a card: open the passage in its article"),
    ("c", "on a card or in the context: copy the citation"),
    ("s", "on a card: show only this speaker"),
    ("escape, i", "on a card: back to the input"),
    ("ctrl+f", "filter by speaker (the sidebar)"),
    ("ctrl+b", "show / hide the speakers sidebar"),
    ("ctrl+l", "clear the conversation"),
    ("ctrl+t", "light / dark theme"),
    ("ctrl+r", "retry loading the knowledge base"),
    ("ctrl+p", "command palette: every action by name"),
    ("? , f1", "this help"),
    ("q, ctrl+c", "quit (q when not typing)"),
)
COMMANDS: tuple[tuple[str, str], ...] = (
    ("/speaker NAME", "only passages by this speaker (aliases work)"),
    ("/speaker", "clear the speaker filter"),
    ("/clear", "clear the conversation"),
    ("/help", "this help"),
)


def help_text() -> Content:
    lines: list[Content] = [Content.styled("Keys", "bold $accent")]
    lines += [Content.assemble((f"  {k:<18}", "bold"), d) for k, d in KEYS]
    lines += [Content(""), Content.styled("Commands in the input", "bold $accent")]
    lines += [Content.assemble((f"  {k:<18}", "bold"), d) for k, d in COMMANDS]
    lines += [
        Content(""),
        Content("Answers are passages quoted from the sources, ranked by relevance; the summary line is the"),
        Content("first passage's own words. Source text is shown exactly as stored."),
    ]
    return Content("\n").join(lines)


class HelpScreen(ModalScreen[None]):
    BINDINGS = [Binding("escape,q,question_mark,f1", "dismiss", "Close")]

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="help-box"):
            yield Static(Content.styled("askisk help", "bold"), id="help-title")
            yield Static(help_text(), id="help-body")
