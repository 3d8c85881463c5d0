"""The main screen: the conversation, the speakers sidebar, the status and filter lines, the input.

It decides everything: loads the service in a worker, queues lines typed while loading, tells questions
from claims (`intent`), runs each in a worker, routes input commands and card messages. Filters live in
`chat_filters`, the knowledge-base work (stale, refresh, add, export) in `chat_kb`.
"""

from __future__ import annotations

import contextlib
from typing import TYPE_CHECKING, cast

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.content import Content
from textual.widgets import Footer, Input, Static

from askisk.config import DEFAULT_TOP_K
from askisk.search.scope import Filters
from askisk.tui.format import SpeakerColors
from askisk.tui.intent import Command, Kind, kind_of, parse_command
from askisk.tui.messages import (
    AnswerFailed,
    AnswerReady,
    KbState,
    ServiceFailed,
    ServiceProgress,
    ServiceReady,
    VerdictReady,
)
from askisk.tui.screens.chat_filters import FilterCommands
from askisk.tui.screens.chat_kb import KnowledgeBaseActions
from askisk.tui.screens.context import ContextScreen
from askisk.tui.session import Session, describe_error
from askisk.tui.widgets.answer_block import AnswerBlock
from askisk.tui.widgets.answer_card import AnswerCard
from askisk.tui.widgets.filter_bar import FilterBar
from askisk.tui.widgets.question_input import QuestionInput
from askisk.tui.widgets.speaker_sidebar import SpeakerSidebar
from askisk.tui.widgets.status_bar import StatusBar

if TYPE_CHECKING:
    from askisk.tui.app import AskiskApp

WELCOME = (
    "Ask a question, or state a claim to fact-check it. Answers are passages quoted from the sources, "
    "each with its speaker and source.\n/check CLAIM · /speaker NAME · /source ID · tab moves to the "
    "cards · f1 shows every key"
)
FILTER_COMMANDS = ("/speaker", "/source", "/since", "/until", "/filters", "/clear-filters")


class ChatScreen(FilterCommands, KnowledgeBaseActions):
    HORIZONTAL_BREAKPOINTS = [(0, "-narrow"), (100, "-wide")]
    BINDINGS = [
        Binding("ctrl+k", "toggle_claims", "Claims", priority=True),  # before the input's own ctrl+k / ctrl+e
        Binding("ctrl+e", "export", "Export", priority=True),
        Binding("ctrl+f", "filter_speaker", "Speaker"),
        Binding("ctrl+b", "toggle_sidebar", "Sidebar", show=False),
        Binding("ctrl+l", "clear", "Clear"),
        Binding("ctrl+r", "refresh", "Refresh", show=False),
    ]

    def __init__(self, session: Session, colors: SpeakerColors, top_k: int = DEFAULT_TOP_K) -> None:
        super().__init__()
        self.session = session
        self.speaker_colors = colors
        self.top_k = top_k
        self.state = "loading"  # loading | ready | busy (add, refresh) | failed
        self.load_error: str | None = None
        self.filters = Filters()  # the speaker as typed; the service resolves aliases
        self.claim_mode = False
        self.pending: list[AnswerBlock] = []
        self.selected: AnswerCard | None = None
        self._asked = 0

    def compose(self) -> ComposeResult:
        yield StatusBar(id="status")
        yield FilterBar(id="filters")
        with Horizontal(id="body"):
            yield SpeakerSidebar(id="sidebar")
            with Vertical(id="main"):
                with VerticalScroll(id="conversation"):
                    yield Static(Content(WELCOME), id="welcome")
                yield QuestionInput(id="question")
        yield Footer()

    def on_mount(self) -> None:
        self.query_one(QuestionInput).focus()
        self.call_after_refresh(self.load)  # first frame first: the worker's imports compete for the GIL

    # -- loading ---------------------------------------------------------------------------------
    def _say_progress(self, text: str) -> None:
        self.post_message(ServiceProgress(text))

    @work(thread=True, exclusive=True, group="load")
    def load(self) -> None:
        try:
            info = self.session.load(self._say_progress)
        except Exception as exc:  # every failure becomes a message in the app, never a crash
            self.post_message(ServiceFailed(describe_error(exc)))
        else:
            self.post_message(ServiceReady(info))

    def on_service_progress(self, message: ServiceProgress) -> None:
        self.query_one(StatusBar).detail = message.text

    def on_service_ready(self, message: ServiceReady) -> None:
        self.show_ready(message.info)
        pending, self.pending = self.pending, []
        for block in pending:
            self._start(block)

    def on_service_failed(self, message: ServiceFailed) -> None:
        self.state = "failed"
        self.load_error = message.error
        status = self.query_one(StatusBar)
        status.state = "failed"
        status.detail = "the knowledge base could not be opened"
        self.query_one(SpeakerSidebar).show_error()
        self.query_one("#conversation").mount(
            Static(
                Content.assemble(
                    ("Could not open the knowledge base\n", "bold"),
                    message.error,
                    ("\nFix it, then press ctrl+r to retry (or q / ctrl+c to quit).", "italic"),
                ),
                classes="load-error",
            )
        )
        pending, self.pending = self.pending, []
        for block in pending:
            block.show_error(message.error)

    def action_retry(self) -> None:
        if self.state != "failed":
            return
        self.state = "loading"
        self.query(".load-error").remove()
        status = self.query_one(StatusBar)
        status.state, status.detail = "loading", "retrying ..."
        self.load()

    # -- input -----------------------------------------------------------------------------------
    @on(Input.Submitted, "#question")
    def submitted(self, event: Input.Submitted) -> None:
        text = event.value.strip()
        field = self.query_one(QuestionInput)
        field.remember(text)
        field.value = ""
        if not text:
            return
        command = parse_command(text)
        if command is not None:
            self.command(command)
        else:
            self.submit(text, kind_of(text, self.claim_mode))

    def command(self, cmd: Command) -> None:
        name, arg = cmd.name, cmd.arg
        if name in ("/ask", "/check"):
            kind: Kind = "question" if name == "/ask" else "claim"
            if arg:
                self.submit(arg, kind)
            else:
                self.notify(f"type the {kind} after {name}", severity="warning")
        elif name in FILTER_COMMANDS:
            self.filter_command(name, arg)
        elif name == "/export":
            fmt = {"": "md", "md": "md", "markdown": "md", "json": "json"}.get(arg.lower())
            self.export(fmt) if fmt else self.notify("use /export md or /export json", severity="warning")
        elif name == "/add":
            self.add_source(arg)
        elif name == "/clear":
            self.action_clear()
        elif name == "/help":
            cast("AskiskApp", self.app).action_help()
        else:
            self.notify(f"unknown command {name}; f1 lists the commands", severity="warning")

    def action_toggle_claims(self) -> None:
        self.claim_mode = not self.claim_mode
        self.query_one(StatusBar).claim_mode = self.claim_mode
        field = self.query_one(QuestionInput)
        field.placeholder = field.claim_placeholder if self.claim_mode else field.question_placeholder
        self.notify(
            "every line is checked as a claim (ctrl+k: back to automatic)"
            if self.claim_mode
            else "automatic: questions are answered, statements are checked",
            title="Claim mode on" if self.claim_mode else "Claim mode off",
        )

    def action_export(self) -> None:
        self.export("md")

    # -- asking and checking ---------------------------------------------------------------------
    def submit(self, text: str, kind: Kind) -> None:
        self._asked += 1
        block = AnswerBlock(text, kind, self.filters, id=f"answer-{self._asked}")
        self.query("#welcome").remove()
        self.query_one("#conversation", VerticalScroll).mount(block)
        self.call_after_refresh(self._reveal, block)
        if self.state in ("ready", "busy"):
            self._start(block)
        elif self.state == "failed":
            block.show_error(self.load_error or "the knowledge base could not be opened")
        else:
            self.pending.append(block)

    def rerun_last(self) -> None:
        if last := self._last_block():
            self.submit(last.question, last.kind)

    def _start(self, block: AnswerBlock) -> None:
        block.set_pending("checking the claim ..." if block.kind == "claim" else "searching ...")
        self.run_query(block.id or "", block.question, block.kind, block.filters)

    @work(thread=True, group="ask")
    def run_query(self, block_id: str, text: str, kind: Kind, filters: Filters) -> None:
        with contextlib.suppress(Exception):  # the stale check must never stop an answer
            self.post_message(KbState(self.session.stale()))
        try:
            if kind == "claim":
                self.post_message(VerdictReady(block_id, self.session.check(text, self.top_k, filters)))
            else:
                self.post_message(AnswerReady(block_id, self.session.ask(text, self.top_k, filters)))
        except Exception as exc:
            self.post_message(AnswerFailed(block_id, describe_error(exc)))

    def _block(self, block_id: str) -> AnswerBlock | None:
        found = [b for b in self.query(AnswerBlock) if b.id == block_id]  # none once cleared meanwhile
        return found[0] if found else None

    async def on_answer_ready(self, message: AnswerReady) -> None:
        if block := self._block(message.block_id):
            await block.show_answer(message.answer, self.speaker_colors)
            self.call_after_refresh(self._reveal, block)

    async def on_verdict_ready(self, message: VerdictReady) -> None:
        if block := self._block(message.block_id):
            await block.show_verdict(message.verdict, self.speaker_colors)
            self.call_after_refresh(self._reveal, block)

    def _reveal(self, block: AnswerBlock) -> None:
        self.query_one("#conversation", VerticalScroll).scroll_to_widget(block, animate=False, top=True)

    def on_answer_failed(self, message: AnswerFailed) -> None:
        if block := self._block(message.block_id):
            block.show_error(message.error)

    # -- cards ---------------------------------------------------------------------------------
    def _last_block(self) -> AnswerBlock | None:
        blocks = list(self.query(AnswerBlock))
        return blocks[-1] if blocks else None

    def all_cards(self) -> list[AnswerCard]:
        return list(self.query(AnswerCard))

    @on(QuestionInput.ToCards)
    @on(AnswerCard.Leave)
    def _switch(self, event: QuestionInput.ToCards | AnswerCard.Leave) -> None:
        if isinstance(event, AnswerCard.Leave):
            self.query_one(QuestionInput).focus()
            return
        answered = [b for b in self.query(AnswerBlock) if b.cards]
        if answered:
            answered[-1].cards[0].focus()
            self._reveal(answered[-1])

    def on_answer_card_move(self, message: AnswerCard.Move) -> None:
        cards = self.all_cards()
        index = cards.index(message.card) + message.step
        if 0 <= index < len(cards):
            cards[index].focus()
        elif index >= len(cards):
            self.query_one(QuestionInput).focus()

    def on_descendant_focus(self, event) -> None:
        if isinstance(event.widget, AnswerCard):
            self.selected = event.widget

    def on_answer_card_opened(self, message: AnswerCard.Opened) -> None:
        self.selected = next((c for c in self.all_cards() if c.hit is message.hit), self.selected)
        self.open_context(message.hit)

    def open_context(self, hit) -> None:
        query = self.selected.question if self.selected else ""
        self.app.push_screen(
            ContextScreen(hit, query, self.session.article(hit), self.speaker_colors(hit.speaker))
        )

    def selected_hit(self):
        """The focused (or last focused) card's passage, else the first passage of the last answer."""
        if self.selected is not None and self.selected.is_attached:
            return self.selected.hit
        last = self._last_block()
        cards = last.cards if last else []
        return cards[0].hit if cards else None

    def action_clear(self) -> None:
        self.query(AnswerBlock).remove()
        self.selected = None
        conversation = self.query_one("#conversation", VerticalScroll)
        if not self.query("#welcome"):
            conversation.mount(Static(Content(WELCOME), id="welcome"))
        self.query_one(QuestionInput).focus()
