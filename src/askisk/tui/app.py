"""The askisk chat app: global keys, theme, command palette, clipboard; wires the chat screen to a session.

`make_app` is the one factory used by `askisk chat` and by the tests. Nothing here imports the service:
the chat screen's worker does, after the first frame.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

from textual.app import App, SystemCommand
from textual.binding import Binding
from textual.screen import Screen

from askisk.config import DEFAULT_TOP_K
from askisk.tui.format import STYLE_NAMES, SpeakerColors, citation
from askisk.tui.screens.add_source import AddSourceScreen
from askisk.tui.screens.chat import ChatScreen
from askisk.tui.screens.cite_style import CiteStyleScreen
from askisk.tui.screens.context import ContextScreen
from askisk.tui.screens.help import HelpScreen
from askisk.tui.session import Session
from askisk.tui.widgets.answer_card import AnswerCard

if TYPE_CHECKING:
    from askisk.models import Hit
    from askisk.service import Askisk


class AskiskApp(App[None]):
    CSS_PATH = "askisk.tcss"
    TITLE = "askisk"
    BINDINGS = [
        Binding("ctrl+c", "quit", "Quit", priority=True, show=False),
        Binding("q", "quit", "Quit"),
        Binding("f1,question_mark", "help", "Help", key_display="f1"),
        Binding("ctrl+t", "toggle_theme", "Theme"),
    ]

    def __init__(self, session: Session, top_k: int = DEFAULT_TOP_K) -> None:
        super().__init__()
        self.session = session
        self.top_k = top_k
        self.speaker_colors = SpeakerColors()
        self.theme = "textual-dark"

    def get_default_screen(self) -> Screen:
        return ChatScreen(self.session, self.speaker_colors, self.top_k)

    @property
    def chat(self) -> ChatScreen:
        screen = self.screen_stack[0]
        assert isinstance(screen, ChatScreen)
        return screen

    # -- actions ---------------------------------------------------------------------------------
    def action_help(self) -> None:
        if not isinstance(self.screen, HelpScreen):
            self.push_screen(HelpScreen())

    def action_toggle_theme(self) -> None:
        self.theme = "textual-light" if self.theme == "textual-dark" else "textual-dark"

    def copy_citation(self, hit: Hit | None, style: str | None = "plain") -> None:
        """Copy the passage's citation in `style` (plain, markdown, json); None asks for the style first."""
        if hit is None:
            self.notify("ask a question first: there is no passage to cite", severity="warning")
        elif style is None:

            def chosen_style(chosen: str | None) -> None:
                if chosen:
                    self.copy_citation(hit, chosen)

            self.push_screen(CiteStyleScreen(), chosen_style)
        else:
            self.copy_to_clipboard(citation(hit, style))
            who = hit.speaker or "narration"
            self.notify(
                f"{who}, {hit.source.title}, {hit.locator}",
                title=f"Citation copied ({STYLE_NAMES.get(style, style)})",
            )

    def on_answer_card_copy_requested(self, message: AnswerCard.CopyRequested) -> None:
        self.copy_citation(message.hit, message.style)

    def on_context_screen_copy_requested(self, message: ContextScreen.CopyRequested) -> None:
        self.copy_citation(message.hit, message.style)

    def action_copy_citation(self, style: str = "plain") -> None:
        self.copy_citation(self.chat.selected_hit(), style or None)

    def action_add_source(self) -> None:
        def added(answer: tuple[str, str | None] | None) -> None:
            if answer is not None:
                self.chat.add_source(*answer)

        self.push_screen(AddSourceScreen(), added)

    def action_open_context(self) -> None:
        hit = self.chat.selected_hit()
        if hit is None:
            self.notify("ask a question first: there is no passage to open", severity="warning")
        else:
            self.chat.open_context(hit)

    def get_system_commands(self, screen: Screen) -> Iterable[SystemCommand]:
        chat = self.chat
        yield SystemCommand("Help", "Keys and input commands", self.action_help)
        yield SystemCommand(
            "Toggle claim mode",
            "Check every line as a claim, or decide by the input",
            chat.action_toggle_claims,
        )
        yield SystemCommand(
            "Export conversation as Markdown", "Write it to a .md file here", lambda: chat.export("md")
        )
        yield SystemCommand(
            "Export conversation as JSON", "Write it to a .json file here", lambda: chat.export("json")
        )
        yield SystemCommand(
            "Add source file…", "Import a file into the kb and rebuild", self.action_add_source
        )
        yield SystemCommand("Refresh the index", "Rebuild it from the kb as it is now", chat.action_refresh)
        yield SystemCommand("Clear conversation", "Remove every question and answer", chat.action_clear)
        yield SystemCommand("Filter by speaker", "Pick a speaker in the sidebar", chat.action_filter_speaker)
        yield SystemCommand(
            "Clear speaker filter", "Answer from every speaker", lambda: chat.set_filter(None)
        )
        yield SystemCommand(
            "Clear all filters",
            "Every speaker, source and date",
            lambda: chat.filter_command("/clear-filters", ""),
        )
        yield SystemCommand(
            "Toggle speakers sidebar", "Show or hide the speakers", chat.action_toggle_sidebar
        )
        yield SystemCommand("Open context", "The selected passage in its article", self.action_open_context)
        for style, name in STYLE_NAMES.items():
            yield SystemCommand(
                "Copy citation" if style == "plain" else f"Copy citation as {name}",
                f"The selected passage's citation as {name}",
                lambda style=style: self.action_copy_citation(style),
            )
        yield SystemCommand("Toggle theme", "Switch between light and dark", self.action_toggle_theme)
        yield SystemCommand("Retry loading", "Open the knowledge base again", chat.action_retry)
        yield from super().get_system_commands(screen)


def make_app(
    kb: str | None = None, index: str | None = None, service: Askisk | None = None, top_k: int = DEFAULT_TOP_K
) -> AskiskApp:
    """The app over a kb/index pair (paths resolved like the CLI's), or over an already open service."""
    return AskiskApp(Session(kb, index, service), top_k=top_k)
