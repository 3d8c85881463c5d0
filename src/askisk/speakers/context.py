"""What a sentence leaves to its neighbours, written out for retrieval: "they", "its leader", "the group"
and "such cells" resolved to the group they stand for, with every name the text gives that group.

Passages are single sentences so that answers stay quotable, but "The expert notes that they are a
continuation of local extremist groups" never names IS-K, so neither BM25 nor the embedding can connect it
to a question that does. At build time, every body paragraph already parsed by spaCy for attribution is
shown to a `ContextTracker`, which collects the group names of each sentence (spaCy ORG entities and
acronyms such as "IS-K") and the aliases the text declares ("Islamic State-Khorasan Province (IS-K)",
"IS-K group, or Daesh-Khorasan,"), and merges them into one entity per group.

A sentence that refers back (a third-person pronoun, "this"/"such", or a definite group noun such as "the
group") before naming any group itself is resolved to one entity: the group that was the grammatical
subject of the nearest earlier sentence naming a group (within this or the previous paragraph), else the
source's most salient group (mentions, plus the title and the section heading). Its context is that
entity's names. Names of other groups that merely stood near it are not added: on the seed they were the
wrong referent more often than the right one ("the Taliban" for the expert's "they").

The context is internal: it is added to what BM25 sees (`speakers.corpus`), never to a hit's `text`.
Pure given the parsed paragraphs; never imports spaCy (it receives parsed docs). No name is written in
this code: every name comes from the text.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field

from askisk.models import Paragraph, Passage, Source
from askisk.speakers.rules import PERSON_NOUNS
from askisk.text import normalize

# "this", "these" and "such" refer to a group only before a group noun ("such cells"): alone, "this" is
# mostly a proposition ("this is an objective risk")
REFERRING_WORDS = frozenset({"they", "them", "their", "theirs", "it", "its"})
GROUP_NOUNS = frozenset(
    {"group", "groups", "organisation", "organization", "movement", "affiliate", "militants", "cells"}
)
_DEFINITE = frozenset({"the", "this", "these", "such", "its", "their"})
_GROUP_LABELS = frozenset({"ORG"})
_SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass"})
# "United Nations (CNN)Tour groups…", "LONDON (Reuters) -": a place, then the agency credited in brackets
# (glued to the story, or a dash after it: "The Liberation Front (NLF) was founded" is a long form)
_DATELINE = re.compile(r"^[A-Z][\w .,'’-]{0,40}\(([A-Z][A-Za-z]{1,15})\)(?:(?=[A-Z\"“‘'])|\s*[-—–]\s)")
_ACRONYM = re.compile(r"(?<![\w-])[A-Z]{2,}(?:-[A-Z]+)?(?![\w-])")
_NAME = r"[A-Z][\w’'.–-]*(?:\s+(?:(?:of|in|the|for|and)\s+)*[A-Z][\w’'.–-]*){0,5}"
# "Islamic State-Khorasan Province (IS-K)": a capitalised run, then an acronym in brackets
_LONG_FORM = re.compile(rf"({_NAME})\s*\(([A-Z]{{2,}}(?:-[A-Z]+)?)\)")
# "IS-K group, or Daesh–Khorasan, is": a second name for the same group
_OR_FORM = re.compile(rf"({_NAME})(?:\s+group)?,\s+or\s+({_NAME}),")
# "it is to be noted", "it is impossible to": an "it" that stands for no one
_EXPLETIVE = re.compile(r"^it\s+(?:is|was|will be|would be)\s+(?:\w+\s+)?(?:to|that)\b", re.IGNORECASE)
# a title that names one thing, as an encyclopedia article's does ("Methane", "Sea level rise", "Mercury
# (planet)"): at most four words, no colon or clause; a headline ("IS-K and Central Asia: an expert on…")
# is not one. `corpus.embed_text` adds it to the sentences that leave it unsaid
_TOPIC = re.compile(r"^[\w’'.&-]+(?:\s+[\w’'.&-]+){0,3}$")
_QUALIFIER = re.compile(r"\s*\([^)]*\)\s*$")
_DROP = re.compile(r"^(?:the|a|an)\s+|[’']s$", re.IGNORECASE)
MAX_ALIASES = 5
TITLE_WEIGHT = 3  # a name in the title counts as this many mentions
SECTION_WEIGHT = 2  # a name in the section heading above the sentence, likewise
MIN_SALIENCE = 2


def subject_resolution(text: str, resolved: str) -> str:
    """`resolved` (a passage's text with its referring words resolved, "" if none) when what was resolved
    stands as a noun, as the subject does ("The group was created" -> "IS-K was created"); "" for a
    possessive ("its leader Abdullah Orokzai was captured" -> "IS-K's leader ..."), where the sentence is
    about someone else and the group's name would only make it look about the group."""
    if not resolved or resolved == text:
        return ""
    start = next((i for i, (a, b) in enumerate(zip(text, resolved, strict=False)) if a != b), len(text))
    tail = 0
    while tail < min(len(text), len(resolved)) - start and text[-1 - tail] == resolved[-1 - tail]:
        tail += 1
    inserted = resolved[start : len(resolved) - tail + 2]  # the name, and the "'s" the text may share
    return "" if re.search(r"['’]s\b", inserted) else resolved


def _clean(name: str) -> str:
    return _DROP.sub("", normalize(name)).strip(" ,.;:")


def _key(name: str) -> str:
    return _clean(name).lower()


@dataclass
class _Sentence:
    refers: bool  # refers back before naming a group of its own
    paragraph: int
    section: str
    subjects: list[str] = field(default_factory=list)  # keys of the groups that are its subject
    names: list[str] = field(default_factory=list)  # keys of the groups it names
    slot: tuple[int, int, bool] | None = None  # the referring words (offsets in the passage), possessive?
    plural_ref: bool = False  # the referring word is "they"/"them"/"their"
    people_subject: bool = False  # its main subject is people, a plural noun ("The scientists say …")


@dataclass
class ContextTracker:
    """Fed paragraph by paragraph (in order) during attribution; `contexts()` at the end."""

    title: str = ""
    # the publisher ("CNN", also read off a dateline credit, "Moscow (CNN)"): it reports, it is not what
    # "it" or "they" in the story stands for, however often "told CNN" names it
    outlet: str = ""
    counts: Counter = field(default_factory=Counter)
    surface: dict[str, str] = field(default_factory=dict)  # key -> first spelling seen
    same: dict[str, str] = field(default_factory=dict)  # alias key -> key it is merged into
    sentences: dict[int, _Sentence] = field(default_factory=dict)  # passage index -> analysis
    _cache: dict[str, Counter] = field(default_factory=dict)  # section heading -> salience (after observing)

    def observe(self, para: Paragraph, doc, idxs: list[int], passages: list[Passage]) -> None:
        text = normalize(para.text)
        credit = _DATELINE.match(text) if not self.sentences else None
        if credit and not self.outlet:
            self.outlet = credit.group(1)
        for long, acronym in _LONG_FORM.findall(text):
            if acronym != self.outlet:  # "United Nations (CNN)" is a dateline, not a long form
                self._merge(long, acronym)
        for first, second in _OR_FORM.findall(text):
            self._merge(second, first)
        for i in idxs:
            p = passages[i]
            span = doc.char_span(p.start - para.start, p.end - para.start, alignment_mode="expand")
            tokens = list(span) if span is not None else []
            found = self._names(p.text, span)
            first_name = min((pos for _, pos, _ in found), default=len(tokens))
            subjects = [k for k, _, subj in found if subj]
            slot = _referring_slot(tokens[:first_name], p.start - para.start)
            if slot is not None and _quoted_thing(p.text, slot):
                slot = None
            s = _Sentence(slot is not None, para.number, normalize(p.section or ""), subjects)
            s.names = [k for k, _, _ in found]
            s.slot = slot
            if slot is not None:
                s.plural_ref = p.text[slot[0] : slot[1]].lower() in _PLURAL_PRONOUNS
            s.people_subject = _people_subject(tokens)
            self.sentences[i] = s

    def _merge(self, alias: str, name: str) -> None:
        a, n = _key(alias), _key(name)
        if len(a) >= 2 and len(n) >= 2 and a != n:
            self.surface.setdefault(a, _clean(alias))
            self.surface.setdefault(n, _clean(name))
            self.same.setdefault(a, n)

    def _names(self, text: str, span) -> list[tuple[str, int, bool]]:
        """(key, token position in the sentence, is it the subject) of every group the sentence names."""
        found: list[tuple[str, int, bool]] = []
        start = span.start if span is not None else 0
        for e in span.ents if span is not None else ():
            if e.label_ in _GROUP_LABELS:
                found.append((e.text, e.start - start, _subject(e.root)))
        tokens = list(span) if span is not None else []
        for m in _ACRONYM.finditer(normalize(text)):
            pos = next((j for j, t in enumerate(tokens) if t.idx - tokens[0].idx >= m.start()), len(tokens))
            subj = pos < len(tokens) and _subject(tokens[pos])
            found.append((m.group(0), pos, subj))
        out: list[tuple[str, int, bool]] = []
        seen: set[str] = set()
        for name, pos, subj in sorted(found, key=lambda f: f[1]):
            key = _key(name)
            if len(key) < 2 or key in seen or (self.outlet and key == _key(self.outlet)):
                continue
            seen.add(key)
            self.surface.setdefault(key, _clean(name))
            out.append((key, pos, subj))
        return out

    def _root(self, key: str) -> str:
        seen = set()
        while key in self.same and key not in seen:
            seen.add(key)
            key = self.same[key]
        return key

    def _salience(self, section: str) -> Counter:
        """Mentions of each group over the source, plus the title's and this section heading's."""
        cached = self._cache.get(section)
        if cached is not None:
            return cached
        if "" not in self._cache:  # the counts and the title, once
            base: Counter = Counter()
            for s in self.sentences.values():
                for k in s.names:
                    base[self._root(k)] += 1
            title = normalize(self.title).lower()
            for key in list(base):
                base[key] += TITLE_WEIGHT * any(mentions(title, n) for n in self._all_names(key))
            self._cache[""] = base
        scores = Counter(self._cache[""])
        for key in list(scores):
            scores[key] += SECTION_WEIGHT * any(mentions(section.lower(), n) for n in self._all_names(key))
        self._cache[section] = scores
        return scores

    def _all_names(self, key: str) -> list[str]:
        return [k for k in self.surface if self._root(k) == key]

    def referent(self, i: int) -> str | None:
        """The entity (root key) a referring sentence stands for, or None."""
        s = self.sentences.get(i)
        if s is None or not s.refers:
            return None
        before = self.sentences.get(i - 1)
        if s.plural_ref and before is not None and before.people_subject and not before.names:
            return None  # "The scientists say they ran a simulation. They found …": the scientists
        for j in range(i - 1, -1, -1):
            prev = self.sentences.get(j)
            if prev is not None and prev.paragraph < s.paragraph - 1:
                break
            if prev is None or not prev.names:
                continue
            subjects = {self._root(k) for k in prev.subjects}
            if len(subjects) == 1:  # "X and Y consider each other…": two subjects, ambiguous
                return subjects.pop()
            break
        scores = self._salience(s.section)
        best = scores.most_common(1)
        # one stray mention (a surname tagged ORG by the parser) does not make a source's main group
        return best[0][0] if best and best[0][1] >= MIN_SALIENCE else None

    def _named(self, i: int, key: str | None) -> bool:
        s = self.sentences.get(i)
        return key is not None and s is not None and any(self._root(k) == key for k in s.names)

    def contexts(self, n: int) -> tuple[str, ...]:
        """One context per passage index 0..n-1 ("" when the sentence names what it is about)."""
        keys = [self.referent(i) for i in range(n)]
        return tuple("" if self._named(i, k) else self._spell(k) for i, k in enumerate(keys))

    def resolved(self, n: int, texts: list[str]) -> tuple[str, ...]:
        """Each passage's text with its first referring words replaced by the name they stand for ("they
        can use" -> "IS-K can use", "their goal" -> "IS-K's goal"), or "" when nothing was resolved."""
        out = []
        for i in range(n):
            key = self.referent(i)
            s = self.sentences.get(i)
            if key is None or s is None or s.slot is None or self._named(i, key) or i >= len(texts):
                out.append("")
                continue
            start, end, possessive = s.slot
            name = self.surface.get(key, key) + ("'s" if possessive else "")
            out.append(texts[i][:start] + name + texts[i][end:])
        return tuple(out)

    def alias_groups(self) -> tuple[tuple[str, ...], ...]:
        """Every group the text gives two or more names, each as (first spelling, other names...)."""
        groups: dict[str, list[str]] = {}
        for k in self.surface:
            groups.setdefault(self._root(k), []).append(k)
        out = []
        for root, keys in groups.items():
            if len(keys) > 1:
                ordered = [root, *(k for k in keys if k != root)]
                out.append(tuple(self.surface.get(k, k) for k in ordered))
        return tuple(out)

    def _spell(self, key: str | None) -> str:
        if key is None:
            return ""
        names = [key, *(k for k in self.surface if k != key and self._root(k) == key)]
        return "; ".join(self.surface.get(k, k) for k in names[:MAX_ALIASES])


def source_topic(source: Source) -> str:
    """The source's topic: its `topic` front matter when given ("" turns it off), else `topic_name`."""
    return source.topic if source.topic is not None else topic_name(source.title)


def topic_name(title: str) -> str:
    """The title without a trailing "(qualifier)" when it names one thing, else "" (see _TOPIC)."""
    name = _QUALIFIER.sub("", normalize(title)).strip()
    return name if _TOPIC.match(name) else ""


def mentions(text: str, key: str) -> bool:
    """Does the (normalised, lower-cased) text name `key` as a whole word?"""
    return re.search(rf"(?<![\w-]){re.escape(key)}(?![\w-])", text) is not None


def _subject(token) -> bool:
    """Is the token (or the phrase it heads, or its compound head) the subject of its clause?"""
    for t in (token, token.head, token.head.head):
        if t.dep_ in _SUBJECT_DEPS:
            return True
        if t.dep_ not in ("compound", "appos", "nmod", "amod", "conj"):
            return False
    return False


_POSSESSIVE = frozenset({"their", "theirs", "its"})
_PLURAL_PRONOUNS = frozenset({"they", "them", "their", "theirs"})


def _people_subject(tokens) -> bool:
    """The sentence's main clause has people as its subject, a plural noun for persons ("The scientists
    say …", "Researchers found …"), not a group the text names ("such cells" can be the group's)."""
    return any(
        t.dep_ in _SUBJECT_DEPS
        and t.tag_ == "NNS"
        and t.head.dep_ == "ROOT"
        and not t.ent_type_
        and t.lemma_.lower() in PERSON_NOUNS
        for t in tokens
    )


_SINGULAR_PRONOUNS = frozenset({"it", "its"})
_SINGULAR_GROUP = frozenset({"group", "organisation", "organization", "movement", "affiliate"})


def _quoted_thing(text: str, slot: tuple[int, int, bool]) -> bool:
    """An "it"/"its" inside a quotation ("If you compare it to the crimes of the regime…"): in a speaker's
    own words it is a thing far more often than the group the story is about, so it is left unresolved."""
    word = text[slot[0] : slot[1]].lower()
    before = normalize(text[: slot[0]])
    return word in _SINGULAR_PRONOUNS and before.count('"') % 2 == 1


def _referring_slot(tokens, offset: int) -> tuple[int, int, bool] | None:
    """Where the first words referring back lie in the sentence (character offsets from its start, with
    `offset` the sentence's start in the parsed text), and whether they are possessive; None if none."""
    nouns = False  # a singular common noun before the pronoun
    for i, tok in enumerate(tokens):
        word = tok.lower_
        start = tok.idx - offset
        if word in REFERRING_WORDS and tok.pos_ in ("PRON", "DET"):
            if word == "it" and _EXPLETIVE.match(tok.doc.text[tok.idx : tok.idx + 60]):
                continue
            if word in _SINGULAR_PRONOUNS and nouns:
                continue  # "The wall held, but it…": a thing named before it in the sentence
            # (a plural noun does not block "they": "Officials say they now recruit" is news style for
            # a group named before)
            return start, start + len(tok.text), word in _POSSESSIVE
        if tok.pos_ == "NOUN" and tok.tag_ == "NN":
            nouns = True
        if word in GROUP_NOUNS and i and tokens[i - 1].lower_ in _DEFINITE:
            det = tokens[i - 1]
            if word in _SINGULAR_GROUP:  # "the group" -> the name
                return det.idx - offset, start + len(tok.text), False
            # "such cells" -> "<name> cells"; "their militants" -> "<name>'s militants"
            return det.idx - offset, det.idx - offset + len(det.text), det.lower_ in _POSSESSIVE
    return None
