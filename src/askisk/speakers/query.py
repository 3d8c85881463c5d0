"""Speakers named in a user's words: `--speaker NAME` and the speaker a question asks about.

Owns the query-time side of speaker attribution. Runs on every question, so: pure string work over
the stored registry, compiled once per registry and cached; never imports spaCy or the index.
"""

from __future__ import annotations

import re
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


@lru_cache(maxsize=64)
def _patterns(speakers: tuple[Speaker, ...]) -> tuple[tuple[re.Pattern[str], str], ...]:
    out = []
    for sp in speakers:
        for alias in _names(sp):
            plain = normalize(alias)
            if plain.isupper() and len(plain.replace(".", "")) <= 6:  # an acronym: match its case only
                core = re.escape(plain.replace(".", ""))
                out.append((re.compile(rf"\b{core}\b"), sp.name))
                continue
            words = name_key(plain).split()
            if not words:
                continue
            body = r"\s+".join(re.escape(w) for w in words)
            if alias.lower().startswith("the ") and len(words) == 1:
                # a description ("the expert"): needs its article, or a plural
                pattern = rf"\bthe\s+{body}\b|\b{body}s\b"
            else:
                pattern = rf"\b(?:the\s+)?{body}(?:'s)?\b"
            out.append((re.compile(pattern, re.IGNORECASE), sp.name))
    return tuple(out)


def speakers_in_query(query: str, speakers: list[Speaker]) -> list[str]:
    """Canonical names of the speakers a question names or describes, in the order they appear.

    "What did McKenzie tell lawmakers?" -> McKenzie; "What did the UN warn?" -> the UN's report.
    A speaker mentioned only as a topic ("... about the Taliban") is dropped when another speaker is
    named as the one speaking.
    """
    text = undot(query)
    found: dict[str, tuple[int, bool]] = {}
    for pattern, name in _patterns(tuple(speakers)):
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
