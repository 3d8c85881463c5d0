"""Picture captions and credits: a paragraph with a picture credit is what the picture shows, and a name
inside the credit is the photographer's, nobody who speaks in the story. Pure; text in, booleans out."""

from __future__ import annotations

import re

_CREDIT = re.compile(r"\((?:[^()]*\b(?:photo|photos|credit|image|illustration)\b)[^()]*$", re.I)


# "(Photo: Jan Berg, Harbor Ledger)", "(AP Photo/Name)", "FILE PHOTO: …", "… REUTERS/Name", "… | Name/AP
# Photo"; a video player's caption kept with its "CLOSE" button ("CLOSE The mayor says the ferry will run.
# NEWS 12")
_PICTURE_CREDIT = re.compile(
    r"\b(?:PHOTO|Photo|Photos|Photograph):|\((?:AP )?Photos?\s?/|\bREUTERS/[A-Z]|^CLOSE [A-Z]"
    r"|\| (?:[A-Z][\w.'’ -]{2,40}/)?(?:AP|AFP|EPA|Getty|Reuters|REUTERS)\b"
)


def is_caption(text: str) -> bool:
    """A paragraph with a picture credit is a caption: what the picture or video shows, nobody's words, even
    when it tells what someone said ("…, police said Tuesday. (AP Photo/Jan Berg)")."""
    return _PICTURE_CREDIT.search(text) is not None


def in_credit(text: str, start: int) -> bool:
    """A name inside a picture credit: "(AP Photo/A24 Films, Atsushi Nishijima)" credits a photographer,
    who says nothing in the story."""
    if _AGENCY.match(text, start) or _AGENCY_BEFORE.search(text, max(0, start - 16), start):
        return True  # "… June 25, 2020. REUTERS/Denis Balibouse": the wire's photographer
    return _CREDIT.search(text, max(0, start - 80), start) is not None


_AGENCY = re.compile(r"(?:REUTERS|AFP|EPA|Getty Images|AP Photo)/\s?[A-Z]")
_AGENCY_BEFORE = re.compile(r"(?:REUTERS|AFP|EPA|Getty Images|AP Photo)/\s?$")
