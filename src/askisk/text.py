"""Normalisation for matching only (stored text is never changed), and the one guard for showing it.

`normalize` maps non-breaking spaces, curly quotes, dashes and Cyrillic look-alike letters (real-world
input: the seed has "groupе" with a Cyrillic "е") to plain forms, so search and comparisons see one
spelling. `printable` is what every face applies where source text leaves the program for a terminal
or a readable report: C0/C1 control characters (ESC, OSC, CSI, BEL, CR, ...) become visible symbols, so
a source can never move the cursor, recolour the screen or retitle the window. `validate_query` and
`validate_top_k` are what a question must pass before any face sends it on (one sentence with the fix).
"""

from __future__ import annotations

import re
import unicodedata

from askisk.config import MAX_QUERY_CHARS
from askisk.errors import InputError

_CONFUSABLES = str.maketrans(
    {
        "\u00a0": " ", "\u2009": " ", "\u202f": " ", "\u2007": " ",
        "\u2018": "'", "\u2019": "'", "\u201a": "'", "\u2032": "'",
        "\u201c": '"', "\u201d": '"', "\u201e": '"', "\u00ab": '"', "\u00bb": '"',
        "\u2013": "-", "\u2014": "-", "\u2212": "-", "\u2010": "-", "\u2011": "-",
        # Cyrillic letters that look Latin
        "а": "a", "е": "e", "о": "o", "р": "p", "с": "c", "у": "y", "х": "x", "і": "i",
        "А": "A", "В": "B", "Е": "E", "К": "K", "М": "M", "Н": "H", "О": "O", "Р": "P",
        "С": "C", "Т": "T", "Х": "X",
    }
)  # fmt: skip
_SPACES = re.compile(r"\s+")
# C0 except tab and newline, DEL, and C1: shown as the Unicode control pictures (ESC -> "␛"), C1 as "�"
_CONTROLS = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")
_SURROGATES = re.compile("[\ud800-\udfff]")
_PICTURES = {**{i: chr(0x2400 + i) for i in range(0x20)}, 0x7F: "\u2421"}


def normalize(text: str) -> str:
    """One spelling for matching: NFKC, plain quotes and dashes, Latin look-alikes, single spaces."""
    text = unicodedata.normalize("NFKC", text).translate(_CONFUSABLES)
    return _SPACES.sub(" ", text).strip()


def content_hash(text: str, length: int = 10) -> str:
    import hashlib

    return hashlib.sha1(normalize(text).encode("utf-8")).hexdigest()[:length]


def _picture(match: re.Match[str]) -> str:
    return _PICTURES.get(ord(match.group()), "\ufffd")


def printable(text: str) -> str:
    """The text safe to put on a terminal: control characters visible as symbols, lone surrogates
    (undecodable bytes) as "�"; tab and newline kept."""
    if not text.isprintable() and _CONTROLS.search(text):
        text = _CONTROLS.sub(_picture, text)
    return scrub_surrogates(text)


def scrub_surrogates(text: str) -> str:
    """Lone surrogates (bytes that were not UTF-8, kept by surrogateescape) replaced by "�"."""
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return _SURROGATES.sub("\ufffd", text)
    return text


def has_controls(text: str) -> bool:
    return _CONTROLS.search(text) is not None


def strip_controls(text: str) -> str:
    """For metadata on import: control characters removed (a title is one line of plain text)."""
    return _CONTROLS.sub("", text)


_JSON_RAW = str.maketrans({i: f"\\u{i:04x}" for i in range(0x7F, 0xA0)})


def json_inert(dumped: str) -> str:
    """JSON text from `json.dumps(..., ensure_ascii=False)` with DEL and C1 escaped too (dumps escapes
    only C0): the same data, and no byte a terminal would act on."""
    return dumped.translate(_JSON_RAW)


def validate_query(query: str) -> str:
    text = query.strip()
    if not text:
        raise InputError("the question is empty; type a question or a claim")
    bad = next((i for i, ch in enumerate(text) if "\ud800" <= ch <= "\udfff"), None)
    if bad is not None:  # bytes that were not UTF-8 (argv and stdin keep them as lone surrogates)
        raise InputError(
            f"the question is not UTF-8 text (undecodable byte at character {bad + 1}); fix its encoding"
        )
    if len(text) > MAX_QUERY_CHARS:
        raise InputError(f"the question is {len(text):,} characters long; the limit is {MAX_QUERY_CHARS:,}")
    return text


def validate_top_k(top_k: int) -> int:
    if top_k < 1:
        raise InputError(f"the number of passages to show must be at least 1, not {top_k}")
    return top_k
