"""kb -> the corpus the index is built from: sources, paragraphs, passages, their attributions and their
retrieval context; and the texts the encoder and BM25 see for a passage.

Pure given the sources; the only I/O is reading the kb through `sources.load_sources`.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from askisk.models import Attribution, Paragraph, Passage, Source, Speaker
from askisk.sources.passages import split_passages
from askisk.speakers.context import ContextTracker, mentions, source_topic
from askisk.text import normalize


@dataclass(frozen=True)
class SourceDoc:
    source: Source
    paragraphs: tuple[Paragraph, ...]
    passages: tuple[Passage, ...]
    attributions: tuple[Attribution, ...]
    speakers: tuple[Speaker, ...]
    mentions: tuple[tuple[int, int] | None, ...] = ()  # per passage: where the text names its speaker
    contexts: tuple[str, ...] = ()  # per passage: the names its pronouns stand for ("" if none)
    resolved: tuple[str, ...] = ()  # per passage: its text with "they" -> the name ("" if unchanged)
    entities: tuple[tuple[str, ...], ...] = ()  # groups the text names more than one way, all their names

    def context(self, i: int) -> str:
        return self.contexts[i] if i < len(self.contexts) else ""

    def resolved_text(self, i: int) -> str:
        return self.resolved[i] if i < len(self.resolved) else ""


def analyse(source: Source, convention: str = "news") -> SourceDoc:
    """Passages, speakers and context of one source; `convention`: see `speakers.convention`."""
    paragraphs, passages = split_passages(source)
    tracker = ContextTracker(title=source.title, outlet=source.outlet or "")
    from askisk.speakers.attribution import attribute  # only builds need it: `ask` stays without it

    result = attribute(source, paragraphs, passages, observer=tracker.observe, convention=convention)
    return SourceDoc(
        source,
        tuple(paragraphs),
        tuple(passages),
        result.attributions,
        result.speakers,
        result.mentions,
        tracker.contexts(len(passages)),
        tracker.resolved(len(passages), [p.text for p in passages]),
        tracker.alias_groups(),
    )


def retrieval_texts(doc: SourceDoc) -> list[tuple[Passage, str, str]]:
    """(passage, text to embed, text for the context BM25) for every searchable passage, in order."""
    topic = source_topic(doc.source)
    return [
        (p, embed_text(p, a, doc.resolved_text(i), topic), lexical_text(p, doc.context(i), doc.source.title))
        for i, (p, a) in enumerate(zip(doc.passages, doc.attributions, strict=True))
        if p.searchable
    ]


def lexical_text(passage: Passage, context: str = "", title: str = "") -> str:
    """What the context BM25 indexes: the sentence, the names its pronouns stand for, its section question
    (as the encoder sees it) and the source's title (which tells sources apart, not the sentences of one
    source: its words are in all of them)."""
    return " ".join(part for part in (passage.text, context, passage.section or "", title) if part)


def embed_text(passage: Passage, attribution: Attribution, resolved: str = "", topic: str = "") -> str:
    """What the encoder sees for a passage: its section question, its speaker, then the sentence, with its
    first pronoun or description replaced by the group it stands for when one was resolved (`resolved`:
    "Accordingly, IS-K can use the tactics…").

    The section question ("What are the IS-K's goals?") names the topic that a sentence like "The group was
    created in 2015" leaves to coreference; the speaker's name lets "What did McKenzie say…" land on his
    sentences even when they only say "he". On the dev questions the section alone lifted dense MRR@10 from
    0.74 to 0.79. The resolved name goes in place of the pronoun, not in front of the sentence: prefixed
    (or pooled from the paragraph, "late chunking") it lowered dense R@1 on dev (0.72 -> 0.60-0.70), in
    place it raised it (0.72 -> 0.77; docs/eval.md). The returned `text` of a hit is always the passage alone.

    `topic`: what the source's title names when it names one thing (`context.topic_name`: "Antarctica",
    "Sea level rise"; never a headline), added in brackets after a sentence that does not name it. An
    encyclopedia article's sentences mostly leave its subject unsaid ("The mass balance of the East
    Antarctic Ice Sheet…" in "Antarctica"); on Climate-FEVER even-dev this lifted Hit@5 0.693 -> 0.727
    (docs/eval.md, round 4). The seed's title is a headline, so its passages are embedded as before.
    """
    parts = [passage.section] if passage.section else []
    if attribution.speaker:
        parts.append(f"{attribution.speaker}:")
    sentence = resolved or passage.text
    parts.append(sentence)
    if topic and not mentions(normalize(sentence).lower(), topic.lower()):
        parts.append(f"({topic})")
    return " ".join(parts)


def load_corpus(kb_dir: Path) -> list[SourceDoc]:
    from askisk.sources.kb import load_sources

    return [analyse(source) for source in load_sources(kb_dir)]
