"""What a line typed in the chat asks for: a question, a claim to check, or an input command. Pure.

A line is a question when it ends with "?" or starts with a question word (or a request such as "tell
me ..."); a declarative sentence is a claim. Short keyword searches ("drought rationing") stay questions:
a claim ends with "." / "!" or has at least CLAIM_MIN_WORDS words. `/ask` and `/check` override the guess,
and claim mode (ctrl+k) checks every line that is not a command.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Literal

Kind = Literal["question", "claim"]
CLAIM_MIN_WORDS = 6
# fmt: off
QUESTION_WORDS = frozenset((
    "what", "who", "whom", "whose", "which", "when", "where", "why", "how", "is", "are", "was", "were",
    "do", "does", "did", "can", "could", "should", "would", "will", "has", "have", "had", "may", "might",
    "tell", "show", "list", "find", "give", "explain", "describe", "summarise", "summarize", "compare",
))
# fmt: on
COMMANDS = (
    "/ask",
    "/check",
    "/speaker",
    "/source",
    "/since",
    "/until",
    "/filters",
    "/clear-filters",
    "/export",
    "/add",
    "/clear",
    "/help",
)  # fmt: skip


def kind_of(text: str, claim_mode: bool = False) -> Kind:
    """Question or claim, for a line that is not a command."""
    if claim_mode:
        return "claim"
    line = text.strip()
    words = re.findall(r"[\w'-]+", line.lower())
    if not words or line.endswith("?") or words[0] in QUESTION_WORDS:
        return "question"
    if (line.endswith((".", "!")) and len(words) >= 3) or len(words) >= CLAIM_MIN_WORDS:
        return "claim"
    return "question"


@dataclass(frozen=True)
class Command:
    name: str  # "/source" ...
    arg: str  # the rest of the line, stripped ("" when none)


def parse_command(text: str) -> Command | None:
    """An input command (a line starting with "/"), or None for an ordinary line."""
    line = text.strip()
    if not line.startswith("/"):
        return None
    name, _, arg = line.partition(" ")
    return Command(name.lower(), arg.strip())


def source_ids(arg: str) -> tuple[str, ...]:
    """`/source a, b c` -> ("a", "b", "c"): ids separated by commas or spaces, in order, unique."""
    seen: dict[str, None] = {}
    for part in re.split(r"[,\s]+", arg):
        if part:
            seen.setdefault(part, None)
    return tuple(seen)
