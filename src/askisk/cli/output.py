"""How results look: one JSON object per line for scripts, a readable listing for people.

Source text is data: it goes into rich `Text` objects, never through markup, so "[bold]" stays literal,
and through `askisk.text.printable`, so a control character in a source or a question is shown as a
symbol and never reaches the terminal as one. JSON lines escape every control character (C1 and DEL
too, which `json.dumps` leaves raw) so the data stays exact and the stream stays inert.
"""

from __future__ import annotations

import json
import sys
from typing import Any

from askisk.text import json_inert, printable


def json_line(obj: dict[str, Any]) -> None:
    sys.stdout.write(json_inert(json.dumps(obj, ensure_ascii=False)) + "\n")
    sys.stdout.flush()


def console():
    from rich.console import Console

    # piped output is not hard-wrapped at 80 columns: a passage stays on one line for grep and friends
    piped = not sys.stdout.isatty()
    return Console(highlight=False, soft_wrap=piped, width=160 if piped else None)


def speaker_label(speaker: str | None, attribution: str) -> str:
    return printable(f"{speaker} ({attribution})") if speaker else "narration"


def print_answer(answer: Any, con=None) -> None:
    from rich.text import Text

    con = con or console()
    con.print(Text.assemble(("Q: ", "bold"), (printable(answer.query), "bold")))
    notes = []
    if answer.speaker_filter:
        notes.append(f"speaker filter: {answer.speaker_filter}")
    if answer.detected_speaker:
        notes.append(f"about: {answer.detected_speaker}")
    if notes:
        con.print(Text(printable("   " + "; ".join(notes)), style="dim"))
    if not answer.results:
        con.print(Text("   no passage in the knowledge base answers this", style="yellow"))
    for hit in answer.results:
        head = Text.assemble(
            (f"{hit.rank:>2}. ", "bold"),
            (speaker_label(hit.speaker, hit.attribution), "bold cyan" if hit.speaker else "dim"),
            ("  ·  ", "dim"),
            (printable(f"{hit.source.title}, {hit.locator}"), "green"),
            (f"  ·  score {hit.score:.3f}", "dim"),
        )
        con.print(head)
        if hit.cue:
            con.print(Text(printable(f"    cue: {hit.cue}"), style="dim"))
        body = Text("    ")
        body.append(printable(hit.text))
        con.print(body)
    con.print()
