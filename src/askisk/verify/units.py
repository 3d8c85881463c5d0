"""Units and magnitudes spelled one way before a sentence is parsed for comparison, so that "12%" meets
"12 percent", "1,200 km" meets "1,200 kilometers" and "$5m" meets "5 million dollars". Pure text in,
text out; miles and kilometres stay different units (no conversion). Used by `verify.features`.
"""

from __future__ import annotations

import re

_CURRENCY = {"$": "dollars", "us$": "dollars", "usd": "dollars", "£": "pounds", "gbp": "pounds", "€": "euros",
             "eur": "euros"}  # fmt: skip
_MAGNITUDE_SHORT = {"k": "thousand", "m": "million", "mn": "million", "bn": "billion", "b": "billion",
                    "tn": "trillion"}  # fmt: skip
MAGNITUDES = {"thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12}
# durations, in days: "two to three years" and "12 to 18 months" count the same thing
DAYS = {"day": 1.0, "week": 7.0, "month": 365.25 / 12, "year": 365.25, "decade": 3652.5}
_NUM = r"(\d[\d,]*(?:\.\d+)?)"
_MONEY = re.compile(
    r"(?<![\w$£€])(US\$|\$|£|€|USD|GBP|EUR)\s?"
    + _NUM
    + r"(?:\s?(thousand|million|billion|trillion|bn|mn|tn|[kmb])\b)?",
    re.IGNORECASE,
)
_UNIT_REWRITES = [
    (re.compile(_NUM + r"\s?(bn|mn|tn)\b"), lambda m: f"{m.group(1)} {_MAGNITUDE_SHORT[m.group(2).lower()]}"),
    (re.compile(_NUM + r"k\b"), lambda m: f"{m.group(1)} thousand"),
    (re.compile(_NUM + r"\s?(USD|GBP|EUR)\b"), lambda m: f"{m.group(1)} {_CURRENCY[m.group(2).lower()]}"),
    (re.compile(r"(\d)\s?%"), lambda m: f"{m.group(1)} percent"),
    (re.compile(r"\bper\s?cent\b|\bpct\b", re.IGNORECASE), lambda m: "percent"),
    (re.compile(r"(\d)\s?kms?\b\.?"), lambda m: f"{m.group(1)} kilometres"),
    (re.compile(r"\bkilomet(?:er|re)s?\b", re.IGNORECASE), lambda m: "kilometres"),
    (re.compile(r"(\d)\s?mi\b\.?"), lambda m: f"{m.group(1)} miles"),
]


def _money(m: re.Match[str]) -> str:
    magnitude = (m.group(3) or "").lower()
    magnitude = _MAGNITUDE_SHORT.get(magnitude, magnitude)
    return " ".join(x for x in (m.group(2), magnitude, _CURRENCY[m.group(1).lower()]) if x)


def spell_units(text: str) -> str:
    """One spelling for units and magnitudes: %/per cent -> percent, km/kilometers -> kilometres,
    $/USD -> dollars (after the number), 5m/5mn/5bn/20k -> 5 million/5 billion/20 thousand."""
    text = _MONEY.sub(_money, text)
    for pattern, repl in _UNIT_REWRITES:
        text = pattern.sub(repl, text)
    return text
