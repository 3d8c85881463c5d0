"""Normalisation for matching only: stored text is never changed.

Maps non-breaking spaces, curly quotes, dashes and Cyrillic look-alike letters (real-world input:
the seed has "groupе" with a Cyrillic "е") to plain forms, so search and comparisons see one spelling.
"""

from __future__ import annotations

import re
import unicodedata

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


def normalize(text: str) -> str:
    """One spelling for matching: NFKC, plain quotes and dashes, Latin look-alikes, single spaces."""
    text = unicodedata.normalize("NFKC", text).translate(_CONFUSABLES)
    return _SPACES.sub(" ", text).strip()


def content_hash(text: str, length: int = 10) -> str:
    import hashlib

    return hashlib.sha1(normalize(text).encode("utf-8")).hexdigest()[:length]
