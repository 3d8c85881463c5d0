"""One passage of an answer: who speaks, how it is attributed, where it comes from, the words.

Focusable; enter or a click asks to open its context, `c` to copy its citation (`C` to choose the
style), `s` to filter by its speaker. Everything from the source is rendered as literal text.
"""

from __future__ import annotations

from textual import events
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.message import Message
from textual.widgets import Static

from askisk.models import Hit
from askisk.tui.format import attribution_line, highlighted, source_line, speaker_name


class AnswerCard(Vertical, can_focus=True):
    BINDINGS = [
        Binding("enter,space", "open", "Context"),
        Binding("c", "copy('plain')", "Copy citation"),
        Binding("C", "copy('')", "Citation style", key_display="C"),
        Binding("s", "filter", "Filter speaker"),
        Binding("up,k", "move(-1)", "Previous", show=False),
        Binding("down,j", "move(1)", "Next", show=False),
        Binding("escape,i", "leave", "Back to input"),
    ]

    class Opened(Message):
        def __init__(self, hit: Hit) -> None:
            super().__init__()
            self.hit = hit

    class CopyRequested(Message):
        def __init__(self, hit: Hit, style: str | None = "plain") -> None:
            super().__init__()
            self.hit = hit
            self.style = style  # plain | markdown | json; None: let the user choose

    class FilterRequested(Message):
        def __init__(self, speaker: str | None) -> None:
            super().__init__()
            self.speaker = speaker

    class Move(Message):
        def __init__(self, card: AnswerCard, step: int) -> None:
            super().__init__()
            self.card = card
            self.step = step

    class Leave(Message):
        """Back to typing."""

    def __init__(self, hit: Hit, query: str, speaker_style: str) -> None:
        super().__init__(classes="card" if hit.speaker else "card -narration")
        self.hit = hit
        self.question = query
        self.speaker_style = speaker_style

    def compose(self) -> ComposeResult:
        hit = self.hit
        head: list[str | tuple[str, str]] = [
            (f"{hit.rank}. ", "bold"),
            (speaker_name(hit), self.speaker_style),
        ]
        if hit.speaker or hit.cue:
            head += ["  ", (attribution_line(hit), "italic $text-muted")]
        with Horizontal(classes="card-head"):
            yield Static(Content.assemble(*head), classes="card-who")
            yield Static(Content.styled(f"score {hit.score:.3f}", "dim"), classes="card-score")
        yield Static(Content(source_line(hit)), classes="card-source")
        yield Static(highlighted(hit.text, self.question), classes="card-text")

    def on_click(self, event: events.Click) -> None:
        self.focus()
        self.post_message(self.Opened(self.hit))

    def action_open(self) -> None:
        self.post_message(self.Opened(self.hit))

    def action_copy(self, style: str) -> None:
        self.post_message(self.CopyRequested(self.hit, style or None))

    def action_filter(self) -> None:
        self.post_message(self.FilterRequested(self.hit.speaker))

    def action_move(self, step: int) -> None:
        self.post_message(self.Move(self, step))

    def action_leave(self) -> None:
        self.post_message(self.Leave())
