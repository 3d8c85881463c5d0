"""The keys and input commands, on `?` or F1."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Static

KEYS: tuple[tuple[str, str], ...] = (
    ("enter", "ask the question / check the claim in the input"),
    ("up / down", "in the input: earlier / later lines"),
    ("ctrl+k", "claim mode on / off: check every line as a claim"),
    ("tab, escape", "from the input to the answer cards"),
    ("up / down, j / k", "on a card: previous / next card"),
    ("enter, click", "on a card: open the passage in its article"),
    ("c", "on a card or in the context: copy the citation"),
    ("C", "the same, choosing plain text, Markdown or JSON"),
    ("s", "on a card: show only this speaker"),
    ("escape, i", "on a card: back to the input"),
    ("ctrl+e", "export the conversation to a Markdown file here"),
    ("ctrl+f", "filter by speaker (the sidebar)"),
    ("ctrl+b", "show / hide the speakers sidebar"),
    ("ctrl+l", "clear the conversation"),
    ("ctrl+r", "refresh the index after the kb changed (or retry)"),
    ("ctrl+t", "light / dark theme"),
    ("ctrl+p", "command palette: every action (add a source file ...)"),
    ("? , f1", "this help"),
    ("q, ctrl+c", "quit (q when not typing)"),
)
COMMANDS: tuple[tuple[str, str], ...] = (
    ("/ask QUESTION", "answer it as a question, whatever it looks like"),
    ("/check CLAIM", "fact-check it: supported, refuted or not enough info"),
    ("/speaker NAME", "only this speaker (aliases work); alone: clear"),
    ("/source ID[,ID]", "only these sources (repeatable); alone: clear"),
    ("/since DATE", "only sources dated on or after (YYYY[-MM[-DD]])"),
    ("/until DATE", "only sources dated on or before"),
    ("/filters", "show the active filters"),
    ("/clear-filters", "remove every filter"),
    ("/export [md|json]", "write the conversation to a file in this folder"),
    ("/add PATH", "add a file to the knowledge base and rebuild"),
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
        Content("A line ending in ? or starting with a question word is a question; a statement is a"),
        Content("claim, checked against the sources (supported, refuted, not enough info)."),
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
