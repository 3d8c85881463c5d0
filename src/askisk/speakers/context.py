"""What a sentence leaves to its neighbours, written out for retrieval: "they", "its leader", "the group"
and "such cells" resolved to the names they stand for.

Passages are single sentences so that answers stay quotable, but "The expert notes that they are a
continuation of local extremist groups" never names IS-K, so neither BM25 nor the embedding can connect it
to a question that does. At build time, every body paragraph already parsed by spaCy for attribution is
shown to a `ContextTracker`, which collects the group names of each sentence (spaCy ORG entities and
acronyms such as "IS-K", with the long form a text gives in "Islamic State-Khorasan Province (IS-K)") and
counts them over the source. A sentence that refers back (a third-person pronoun, "this"/"such", or a
definite group noun such as "the group") gets as context the group names of the nearest earlier sentence
that has any, and the source's most mentioned group (the title counts too), minus names it already says.

The context is internal: it is added to what the encoder and BM25 see (`speakers.corpus`), never to a
hit's `text`. Pure given the parsed paragraphs; never imports spaCy (it receives parsed docs).
No name is written in this code: every name comes from the text.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field

from askisk.models import Paragraph, Passage
from askisk.text import normalize

REFERRING_WORDS = frozenset({"they", "them", "their", "theirs", "it", "its", "this", "these", "such"})
GROUP_NOUNS = frozenset(
    {"group", "groups", "organisation", "organization", "movement", "affiliate", "militants", "cells"}
)
_DEFINITE = frozenset({"the", "this", "these", "such", "its", "their"})
_GROUP_LABELS = frozenset({"ORG"})
_ACRONYM = re.compile(r"(?<![\w-])[A-Z]{2,}(?:-[A-Z]+)?(?![\w-])")
# "Islamic State-Khorasan Province (IS-K)": a capitalised run, then an acronym in brackets
_LONG_FORM = re.compile(
    r"((?:[A-Z][\w’'.-]*\s+(?:(?:of|in|the|for|and)\s+)*){0,5}[A-Z][\w’'.-]*)\s*"
    r"\(([A-Z]{2,}(?:-[A-Z]+)?)\)"
)
_DROP = re.compile(r"^(?:the|a|an)\s+|[’']s$", re.IGNORECASE)
MAX_NAMES = 3


def _clean(name: str) -> str:
    return _DROP.sub("", normalize(name)).strip(" ,.;:")


def _key(name: str) -> str:
    return _clean(name).lower()


@dataclass
class _Sentence:
    refers: bool
    names: list[str]
    before: list[str]  # group names of the nearest earlier sentence that had any


@dataclass
class ContextTracker:
    """Fed paragraph by paragraph (in order) during attribution; `contexts()` at the end."""

    title: str = ""
    counts: Counter = field(default_factory=Counter)
    surface: dict[str, str] = field(default_factory=dict)  # key -> first spelling seen
    long_forms: dict[str, str] = field(default_factory=dict)  # acronym key -> long form
    sentences: dict[int, _Sentence] = field(default_factory=dict)  # passage index -> analysis
    _last: list[str] = field(default_factory=list)

    def observe(self, para: Paragraph, doc, idxs: list[int], passages: list[Passage]) -> None:
        for long, acronym in _LONG_FORM.findall(normalize(para.text)):
            self.long_forms.setdefault(_key(acronym), _clean(long))
        for i in idxs:
            p = passages[i]
            span = doc.char_span(p.start - para.start, p.end - para.start, alignment_mode="expand")
            tokens = list(span) if span is not None else []
            names = self._names(p.text, span)
            self.sentences[i] = _Sentence(_refers(tokens), names, list(self._last))
            if names:
                self._last = names

    def _names(self, text: str, span) -> list[str]:
        found = [e.text for e in (span.ents if span is not None else ()) if e.label_ in _GROUP_LABELS]
        found += _ACRONYM.findall(normalize(text))
        out: list[str] = []
        for name in found:
            key = _key(name)
            if len(key) < 2 or key in (_key(n) for n in out):
                continue
            self.surface.setdefault(key, _clean(name))
            self.counts[key] += 1
            out.append(_clean(name))
        return out

    def main_group(self) -> str | None:
        """The source's most mentioned group; a name in the title counts three more times."""
        if not self.counts:
            return None
        title = normalize(self.title).lower()
        scored = Counter({k: c + (3 if k in title else 0) for k, c in self.counts.items()})
        return scored.most_common(1)[0][0]

    def contexts(self, n: int) -> tuple[str, ...]:
        """One context per passage index 0..n-1 ("" when the sentence names what it is about)."""
        main = self.main_group()
        out = []
        for i in range(n):
            s = self.sentences.get(i)
            if s is None or not s.refers:
                out.append("")
                continue
            said = {_key(x) for x in s.names}
            near = [k for k in dict.fromkeys(_key(x) for x in s.before) if k not in said and k != main]
            chosen = near[: MAX_NAMES - 1] + ([main] if main and main not in said else [])
            out.append("; ".join(self._spell(k) for k in chosen))
        return tuple(out)

    def _spell(self, key: str) -> str:
        name = self.surface.get(key, key)
        long = self.long_forms.get(key)
        return f"{name} ({long})" if long else name


def _refers(tokens) -> bool:
    for i, tok in enumerate(tokens):
        word = tok.lower_
        if word in REFERRING_WORDS and tok.pos_ in ("PRON", "DET"):
            return True
        if word in GROUP_NOUNS and i and tokens[i - 1].lower_ in _DEFINITE:
            return True
    return False
