"""Link cards a news site scrapes into its sentences: "… and Brett Kavanaugh Brett Michael KavanaughChristine
Blasey Ford pens honor … MORE said they …", the person's full name and their latest headlines after the name
they explain, ending at "MORE". The sentence goes on around the card: a stop inside a card's headlines ends
no sentence (`passages`), and the card is nobody's words (`speakers.formats.without_link_cards`). Pure.
"""

from __future__ import annotations

import re

# a name glued to the headline after it: "KavanaughChristine", "TrumpGOP senators …", the seam of a link card
_GLUED = re.compile(r"\b([A-Z][a-z]+)([A-Z][a-z]+|[A-Z]{2,}(?=\s))\b")
_CARD_END = re.compile(r"\sMORE\b")


def link_cards(text: str) -> list[tuple[int, int]]:
    """(start, end) of each link card: from just after the name's last mention before the seam (at most 40
    letters before the surname glued to a headline) to the end of "MORE"."""
    spans: list[tuple[int, int]] = []
    for glued in _GLUED.finditer(text):
        surname = glued.group(1)
        before = [m.end() for m in re.finditer(rf"\b{surname}\b", text[: glued.start()])]
        end = _CARD_END.search(text, glued.end(), glued.end() + 400)
        if not before or glued.start() - before[-1] > 40 or end is None:
            continue
        spans.append((before[-1] + 1, end.end()))
    return spans
