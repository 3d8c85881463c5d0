"""The main screen: the conversation, the speakers sidebar, the status line and the question input.

It decides everything: loads the service in a worker, queues questions typed while loading, runs each
question in a worker, applies the speaker filter, and routes card messages (context, filter, focus).
"""

from __future__ import annotations

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.content import Content
from textual.screen import Screen
from textual.widgets import Footer, Input, OptionList, Static

from askisk.config import DEFAULT_TOP_K
from askisk.errors import AskiskError
from askisk.tui.format import SpeakerColors
from askisk.tui.messages import AnswerFailed, AnswerReady, ServiceFailed, ServiceProgress, ServiceReady
from askisk.tui.screens.context import ContextScreen
from askisk.tui.session import Session, describe_error
from askisk.tui.widgets.answer_block import AnswerBlock
from askisk.tui.widgets.answer_card import AnswerCard
from askisk.tui.widgets.question_input import QuestionInput
from askisk.tui.widgets.speaker_sidebar import SpeakerSidebar
from askisk.tui.widgets.status_bar import StatusBar

WELCOME = (
    "Ask a question about the sources. Answers are passages quoted from them, each with its speaker "
    "and source.\n/speaker NAME filters by speaker · tab moves to the cards · f1 shows every key"
)


class ChatScreen(Screen[None]):
    HORIZONTAL_BREAKPOINTS = [(0, "-narrow"), (100, "-wide")]
    BINDINGS = [
        Binding("ctrl+f", "filter_speaker", "Speaker"),
        Binding("ctrl+b", "toggle_sidebar", "Sidebar"),
        Binding("ctrl+l", "clear", "Clear"),
        Binding("ctrl+r", "retry", "Retry", show=False),
    ]

    def __init__(self, session: Session, colors: SpeakerColors, top_k: int = DEFAULT_TOP_K) -> None:
        super().__init__()
        self.session = session
        self.speaker_colors = colors
        self.top_k = top_k
        self.state = "loading"  # loading | ready | failed
        self.load_error: str | None = None
        self.speaker_filter: str | None = None  # as typed; the service resolves aliases
        self.pending: list[tuple[str, AnswerBlock]] = []
        self.selected: AnswerCard | None = None
        self._asked = 0

    def compose(self) -> ComposeResult:
        yield StatusBar(id="status")
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
    @work(thread=True, exclusive=True, group="load")
    def load(self) -> None:
        try:
            info = self.session.load(lambda text: self.post_message(ServiceProgress(text)))
        except Exception as exc:  # every failure becomes a message in the app, never a crash
            self.post_message(ServiceFailed(describe_error(exc)))
        else:
            self.post_message(ServiceReady(info))

    def on_service_progress(self, message: ServiceProgress) -> None:
        self.query_one(StatusBar).detail = message.text

    def on_service_ready(self, message: ServiceReady) -> None:
        info = message.info
        self.state = "ready"
        status = self.query_one(StatusBar)
        status.state = "ready"
        sources = "source" if info.sources == 1 else "sources"
        status.detail = f"ready · {info.sources} {sources}, {info.passages} passages"
        self.query_one(SpeakerSidebar).show_speakers(info.speakers, self.speaker_colors)
        pending, self.pending = self.pending, []
        for query, block in pending:
            self._start(query, block)

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
        for _query, block in pending:
            block.show_error(message.error)

    def action_retry(self) -> None:
        if self.state != "failed":
            return
        self.state = "loading"
        self.query(".load-error").remove()
        status = self.query_one(StatusBar)
        status.state, status.detail = "loading", "retrying ..."
        self.load()

    # -- asking ----------------------------------------------------------------------------------
    @on(Input.Submitted, "#question")
    def submitted(self, event: Input.Submitted) -> None:
        text = event.value.strip()
        field = self.query_one(QuestionInput)
        field.remember(text)
        field.value = ""
        if not text:
            return
        if text.startswith("/"):
            self.command(text)
        else:
            self.ask(text)

    def command(self, text: str) -> None:
        name, _, arg = text.partition(" ")
        if name == "/speaker":
            self.set_filter(arg.strip() or None)
        elif name == "/clear":
            self.action_clear()
        elif name == "/help":
            self.app.action_help()
        else:
            self.notify(f"unknown command {name}; try /speaker NAME, /clear or /help", severity="warning")

    def ask(self, query: str) -> None:
        self._asked += 1
        block = AnswerBlock(query, self.speaker_filter, id=f"answer-{self._asked}")
        conversation = self.query_one("#conversation", VerticalScroll)
        self.query("#welcome").remove()
        conversation.mount(block)
        self.call_after_refresh(self._reveal, block)
        if self.state == "ready":
            self._start(query, block)
        elif self.state == "failed":
            block.show_error(self.load_error or "the knowledge base could not be opened")
        else:
            self.pending.append((query, block))

    def _start(self, query: str, block: AnswerBlock) -> None:
        block.set_pending("searching ...")
        self.run_ask(block.id or "", query, block.speaker_filter)

    @work(thread=True, group="ask")
    def run_ask(self, block_id: str, query: str, speaker: str | None) -> None:
        try:
            answer = self.session.ask(query, self.top_k, speaker)
        except Exception as exc:
            self.post_message(AnswerFailed(block_id, describe_error(exc)))
        else:
            self.post_message(AnswerReady(block_id, answer))

    def _block(self, block_id: str) -> AnswerBlock | None:
        found = [b for b in self.query(AnswerBlock) if b.id == block_id]  # none once cleared meanwhile
        return found[0] if found else None

    async def on_answer_ready(self, message: AnswerReady) -> None:
        if block := self._block(message.block_id):
            await block.show_answer(message.answer, self.speaker_colors)
            self.call_after_refresh(self._reveal, block)

    def _reveal(self, block: AnswerBlock) -> None:
        self.query_one("#conversation", VerticalScroll).scroll_to_widget(block, animate=False, top=True)

    def on_answer_failed(self, message: AnswerFailed) -> None:
        if block := self._block(message.block_id):
            block.show_error(message.error)

    # -- speaker filter --------------------------------------------------------------------------
    def set_filter(self, name: str | None) -> None:
        if name is not None and self.state == "ready":
            try:
                shown = self.session.resolve_speaker(name)
            except AskiskError as exc:
                self.notify(str(exc), title="Speaker filter", severity="error")
                return
        else:
            shown = name
        self.speaker_filter = name
        self.query_one(StatusBar).speaker_filter = shown
        self.notify(f"only {shown} from now on" if name else "speaker filter cleared", title="Speaker filter")
        last = self._last_block()
        if name and last is not None:
            self.ask(last.question)  # show the effect at once on the last question

    def on_speaker_sidebar_chosen(self, message: SpeakerSidebar.Chosen) -> None:
        self.set_filter(message.speaker)

    def on_answer_card_filter_requested(self, message: AnswerCard.FilterRequested) -> None:
        if message.speaker is None:
            self.notify("this passage is narration: it has no speaker to filter by", severity="warning")
        else:
            self.set_filter(message.speaker)

    def action_filter_speaker(self) -> None:
        sidebar = self.query_one(SpeakerSidebar)
        sidebar.add_class("-open")
        sidebar.remove_class("-closed")
        self.query_one("#speaker-list", OptionList).focus()

    def action_toggle_sidebar(self) -> None:
        sidebar = self.query_one(SpeakerSidebar)
        if self.has_class("-narrow"):
            sidebar.toggle_class("-open")
        else:
            sidebar.toggle_class("-closed")

    # -- cards -----------------------------------------------------------------------------------
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
