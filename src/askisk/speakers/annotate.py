"""Attribution of one text on its own, without a kb or an index: what `askisk attribute` prints.

Owns the per-passage record (`AttributedPassage`): the passage fields the index stores (id, position,
paragraph, text, start, end, kind, section, speaker, attribution, cue) plus the speaker's role and the
span of the words that name the speaker. Offsets index the analysed body. Pure; never prints or writes.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass

from askisk.models import Source
from askisk.speakers.corpus import analyse


@dataclass(frozen=True)
class Mention:
    text: str
    start: int
    end: int


@dataclass(frozen=True)
class AttributedPassage:
    passage_id: str
    position: int
    paragraph: int
    text: str
    start: int  # character offsets into the analysed body: body[start:end] == text
    end: int
    kind: str  # body | heading | caption
    section: str | None
    speaker: str | None
    attribution: str  # quote | reported | narration
    cue: str | None
    role: str | None
    mention: Mention | None

    def to_json(self) -> dict:
        return asdict(self)


def attribute_source(source: Source, convention: str = "news") -> list[AttributedPassage]:
    doc = analyse(source, convention)
    roles = {sp.name: sp.role for sp in doc.speakers}
    mentions = doc.mentions or (None,) * len(doc.passages)
    out = []
    for p, a, m in zip(doc.passages, doc.attributions, mentions, strict=True):
        mention = Mention(source.body[m[0] : m[1]], m[0], m[1]) if m is not None and a.speaker else None
        out.append(
            AttributedPassage(
                p.id, p.position, p.paragraph, p.text, p.start, p.end, p.kind, p.section,
                a.speaker, a.kind, a.cue, roles.get(a.speaker) if a.speaker else None, mention,
            )
        )  # fmt: skip
    return out
