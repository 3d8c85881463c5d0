"""Speakers named in a user's words: `--speaker NAME` and the speaker a question asks about.

Owns the query-time side of speaker attribution. Runs on every question, so: pure string work over
the stored registry, compiled once per registry and cached; never imports spaCy or the index.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from functools import lru_cache

from askisk.models import Speaker
from askisk.speakers.names import name_key, same_person, undot
from askisk.speakers.rules import vocab
from askisk.text import normalize

_TOPIC_WORDS = vocab("about on of regarding concerning against toward towards with by at to")
_WORD = re.compile(r"[\w'-]+")


def _names(sp: Speaker) -> list[str]:
    return [sp.name, *sp.aliases]


def _words(text: str) -> set[str]:
    return {w.rstrip("s") if len(w) > 3 else w for w in _WORD.findall(name_key(text))}


def resolve_speaker(name: str, speakers: list[Speaker]) -> list[str]:
    """Canonical names of the speakers a user's NAME means.

    Exact (case-insensitive) name or alias first ("UN", "the expert", "McKenzie"); otherwise every
    word of NAME found among one speaker's name, alias or role words ("kenneth mckenzie", "extremism").
    """
    want = name_key(name)
    if not want:
        return []
    exact = [s.name for s in speakers if want in {name_key(n) for n in _names(s)}]
    if exact:
        return exact
    wanted = _words(name)
    out = []
    for sp in speakers:
        have: set[str] = set()
        for n in _names(sp):
            have |= _words(n)
        if sp.role:
            have |= _words(sp.role)
        if wanted and wanted <= have:
            out.append(sp.name)
    return out


def same_speaker(
    phrase: str, speaker: str, speakers: Sequence[Speaker] = (), source_id: str | None = None
) -> bool:
    """Whether a claim's speaker phrase ("The expert", "McKenzie") means the passage's `speaker`.

    By name (`same_person`), else by the registry of the passage's source: a description or alias
    that `resolve_speaker` resolves to that speaker, and to no one else ("the expert" is the expert that
    source introduced, not any expert). A phrase the registry resolves to nobody, or to someone else
    ("the UN report" against a passage the expert speaks), is another speaker.
    """
    if same_person(phrase, speaker):
        return True
    local = [s for s in speakers if source_id is None or s.source_id == source_id]
    return set(resolve_speaker(phrase, local)) == {speaker}


def _pattern(alias: str) -> tuple[str, int, tuple[str, ...]] | None:
    """The regular expression that finds an alias in a question, its flags, and the words (runs of word
    characters, case folded) any text it matches holds: an acronym matches its case only, a description
    ("the expert") needs its article or a plural (so only its own word is sure: "expert" or "experts"), a
    name may take "the" and "'s"."""
    plain = normalize(alias)
    if plain.isupper() and len(plain.replace(".", "")) <= 6:
        core = plain.replace(".", "")
        return rf"\b{re.escape(core)}\b", 0, _runs(core)
    words = name_key(plain).split()
    if not words:
        return None
    body = r"\s+".join(re.escape(w) for w in words)
    if alias.lower().startswith("the ") and len(words) == 1:
        return rf"\bthe\s+{body}\b|\b{body}s\b", re.IGNORECASE, _runs(words[0])[:1]
    return rf"\b(?:the\s+)?{body}(?:'s)?\b", re.IGNORECASE, _runs(" ".join(words))


def _runs(text: str) -> tuple[str, ...]:
    return tuple(run.casefold() for run in _RUN.findall(text))


_RUN = re.compile(r"\w+")


class _AliasIndex:
    """Every alias pattern of a registry, filed under the rarest word a match needs ("azizi" of "Dr.
    Azizi", not "dr"), and compiled when first needed: a question runs only the patterns filed under its
    words. A kb of 75,000 speakers has 300,000 aliases; running each one's expression took half a second
    a question at 1M passages (bench/scale_default.py)."""

    def __init__(self, speakers: Sequence[Speaker]) -> None:
        self.patterns: list[tuple[str, int, str]] = []  # (expression, flags, speaker)
        self.by_word: dict[str, list[int]] = {}
        self.compiled: dict[int, re.Pattern[str]] = {}
        self.size = len(speakers)
        needs: list[tuple[tuple[str, ...], bool]] = []  # per pattern: its sure words, a description?
        for sp in speakers:
            for alias in _names(sp):
                if (entry := _pattern(alias)) is not None:
                    self.patterns.append((entry[0], entry[1], sp.name))
                    needs.append((entry[2], alias.lower().startswith("the ") and len(entry[2]) == 1))
        seen = Counter(w for words, _ in needs for w in set(words))
        for i, (words, description) in enumerate(needs):
            if not words:  # no word character: every question runs it
                self.by_word.setdefault("", []).append(i)
                continue
            rarest = min(words, key=lambda w: (seen[w], w))
            for word in (rarest, rarest + "s") if description else (rarest,):
                self.by_word.setdefault(word, []).append(i)

    def matching(self, text: str) -> list[tuple[re.Pattern[str], str]]:
        """The compiled patterns that may match `text`, in the registry's order, with their speaker."""
        words = {w.casefold() for w in _RUN.findall(text)} | {""}
        found = sorted({i for w in words for i in self.by_word.get(w, ())})
        out = []
        for i in found:
            if (pattern := self.compiled.get(i)) is None:
                expression, flags, _ = self.patterns[i]
                pattern = self.compiled[i] = re.compile(expression, flags)
            out.append((pattern, self.patterns[i][2]))
        return out


# the last registries read, by identity: a store's speaker list is built once and never changed in place,
# and hashing 75,000 speakers a question would cost as much as the search (a bounded few: tests, reloads)
_INDEXES: dict[int, tuple[Sequence[Speaker], _AliasIndex]] = {}


def _index(speakers: Sequence[Speaker]) -> _AliasIndex:
    held = _INDEXES.get(id(speakers))
    if held is not None and held[0] is speakers and len(held[0]) == held[1].size:
        return held[1]
    index = _AliasIndex(speakers)
    if len(_INDEXES) >= 8:
        _INDEXES.pop(next(iter(_INDEXES)))
    _INDEXES[id(speakers)] = (speakers, index)
    return index


def speakers_in_query(query: str, speakers: Sequence[Speaker]) -> list[str]:
    """Canonical names of the speakers a question names or describes, in the order they appear.

    "What did McKenzie tell lawmakers?" -> McKenzie; "What did the UN warn?" -> the UN's report.
    A speaker mentioned only as a topic ("... about the Taliban") is dropped when another speaker is
    named as the one speaking.
    """
    text = undot(query)
    found: dict[str, tuple[int, bool]] = {}
    for pattern, name in _index(speakers).matching(text):
        for m in pattern.finditer(text):
            before = text[: m.start()].split()
            topic = bool(before) and before[-1].lower() in _TOPIC_WORDS
            prev = found.get(name)
            if prev is None or (prev[1] and not topic) or (prev[1] == topic and m.start() < prev[0]):
                found[name] = (m.start(), topic)
    if any(not topic for _, topic in found.values()):
        found = {k: v for k, v in found.items() if not v[1]}
    return [name for name, _ in sorted(found.items(), key=lambda kv: kv[1][0])]


@lru_cache(maxsize=8)
def _alias_patterns(groups: tuple[tuple[str, ...], ...]) -> list[tuple[re.Pattern[str], tuple[str, ...]]]:
    out = []
    for names in groups:
        wanted = [re.escape(normalize(n).casefold()) for n in names if len(n) >= 2]
        if wanted:
            out.append((re.compile(rf"(?<![\w-])(?:{'|'.join(wanted)})(?![\w-])"), names))
    return out


def alias_expansion(query: str, groups: tuple[tuple[str, ...], ...]) -> str:
    """The other names of every group the question names ("IS-K" -> "Islamic State-Khorasan Province;
    Daesh-Khorasan"), for the lexical side: a question may use one name and the sentence another.
    `groups` are the alias groups the sources declare (`SourceDoc.entities`); "" when none is named."""
    text = normalize(query).casefold()
    extra: list[str] = []
    for pattern, names in _alias_patterns(groups):
        found = pattern.search(text)
        if found:
            extra += [n for n in names if normalize(n).casefold() != found.group(0)]
    return " ".join(dict.fromkeys(extra))
