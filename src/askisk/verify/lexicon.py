"""Small, general English lexicons for comparing a claim's words with a passage's (not this article's):
opposite words, near-synonyms, and the word match the rules use. Pure; no spaCy."""

from __future__ import annotations

import os
import re
from functools import lru_cache

# Small, general lexicons (English, not this article): opposite words and near-synonyms.
ANTONYM_PAIRS = [
    ("more", "less"), ("more", "fewer"), ("more", "few"), ("greater", "less"), ("great", "less"),
    ("greater", "smaller"), ("higher", "lower"),
    ("increase", "decrease"), ("rise", "fall"), ("grow", "shrink"), ("ally", "enemy"), ("friend", "enemy"),
    ("ally", "foe"), ("friend", "foe"), ("win", "lose"), ("victory", "defeat"), ("strong", "weak"),
    ("well", "poorly"), ("effectively", "poorly"), ("effective", "ineffective"), ("good", "bad"),
    ("high", "low"), ("long", "short"), ("large", "small"), ("big", "small"), ("always", "never"),
    ("safe", "dangerous"), ("stable", "unstable"), ("possible", "impossible"), ("likely", "unlikely"),
    ("before", "after"), ("early", "late"), ("accept", "reject"), ("support", "oppose"), ("open", "closed"),
    ("open", "close"), ("allow", "ban"), ("allow", "forbid"), ("succeed", "fail"), ("success", "failure"),
    ("rising", "declining"), ("ascendance", "decline"), ("north", "south"), ("east", "west"),
    ("northern", "southern"), ("eastern", "western"), ("first", "last"), ("all", "none"), ("fully", "partly"),
    ("rise", "recede"), ("grow", "recede"), ("increase", "recede"), ("rise", "decline"), ("grow", "decline"),
    ("increase", "decline"), ("rise", "drop"), ("increase", "drop"), ("improve", "worsen"),
    ("strengthen", "weaken"), ("expand", "shrink"), ("expand", "contract"), ("gain", "lose"),
]  # fmt: skip
# fmt: off
SYNONYM_GROUPS = [
    "create found establish form", "consider regard view deem", "kill slay die",
    "capture arrest detain seize",
    "worry worried concern concerned fear", "attack strike assault", "say tell note", "begin start launch",
    "end finish stop", "big large", "enemy foe adversary", "ally partner", "leader head chief",
    "militant fighter insurgent", "member recruit", "country nation state", "people person", "able capable",
    "american u.s. us", "initial first", "group organization organisation", "photo photograph image picture",
    "aim goal objective purpose strive", "global worldwide", "charge control", "common shared mutual",
    "later subsequent",
]
# fmt: on
_NEGATIVE_PREFIXES = ("un", "im", "in", "ir", "il", "dis", "non")


@lru_cache(maxsize=1)
def lexicons() -> tuple[dict[str, set[str]], dict[str, str]]:
    antonyms: dict[str, set[str]] = {}
    for a, b in ANTONYM_PAIRS:
        antonyms.setdefault(a, set()).add(b)
        antonyms.setdefault(b, set()).add(a)
    synonyms = {w: group.split()[0] for group in SYNONYM_GROUPS for w in group.split()}
    return antonyms, synonyms


def stem(word: str) -> str:
    """A crude, deterministic stem for matching: lower case, no possessive, British spelling made American
    ("neighbours", "organised", "analyse"), common suffixes off."""
    w = word.lower().strip(".'")
    w = re.sub(r"'s$", "", w)
    if len(w) >= 6:
        w = _BRITISH.sub(lambda m: _AMERICAN[m.group(1)], w)
    for suffix in ("ations", "ation", "ings", "ing", "edly", "ed", "ies", "es", "s", "ly"):
        if w.endswith(suffix) and len(w) - len(suffix) >= 4:
            return w[: -len(suffix)]
    return w


# British endings and their American spelling, for words of six letters or more ("colour", not "four")
_AMERICAN = {"our": "or", "is": "iz", "isation": "ization", "yse": "yze", "ys": "yz", "tre": "ter"}
_BRITISH = re.compile(r"(our|isation|is(?=e|es|ed|ing)|yse|ys(?=ed|ing)|tre)(?=s?$|ed$|ing$|e$|es$|ite|able)")


def words_match(a: str, b: str) -> bool:
    """Same word for our purpose: equal lemmas/stems, a prefix ("Afghan"/"Afghanistan"), or synonyms."""
    if a == b:
        return True
    _, synonyms = lexicons()
    if a in synonyms and synonyms.get(a) == synonyms.get(b):
        return True
    sa, sb = stem(a), stem(b)
    if sa == sb or _nominal(a, b):
        return True
    short, long_ = sorted((sa, sb), key=len)
    if not long_.startswith(short):
        return False
    return len(short) >= 5 or (len(short) >= 4 and len(long_) - len(short) <= 3)  # "Asia"/"Asian"


_NOUN_ENDINGS = ("ion", "ment", "ance", "ence")


def _nominal(a: str, b: str) -> bool:
    """A verb and its noun: "create"/"creation", "evacuate"/"evacuation", "establish"/"establishment"."""
    noun, verb = (a, b) if a.endswith(_NOUN_ENDINGS) else (b, a)
    if not noun.endswith(_NOUN_ENDINGS) or verb.endswith(_NOUN_ENDINGS):
        return False
    shared = len(os.path.commonprefix([noun, verb]))
    return shared >= 5 and shared >= len(verb) - 1


def opposite(a: str, b: str) -> bool:
    """Antonyms from the list, or a negative prefix ("possible"/"impossible", "stable"/"unstable")."""
    antonyms, _ = lexicons()
    if b in antonyms.get(a, ()):
        return True
    for x, y in ((a, b), (b, a)):
        for prefix in _NEGATIVE_PREFIXES:
            if y == prefix + x and len(x) >= 4:
                return True
    return False
