"""The corpus <-> JSON records kept in an index build (safe formats only: JSON and .npy, never pickle)."""

from __future__ import annotations

from typing import Any

from askisk.models import Attribution, Paragraph, Passage, Source, SourceRef, Speaker
from askisk.speakers.corpus import SourceDoc


def source_ref(source: Source) -> SourceRef:
    return SourceRef(source.id, source.title, source.path, source.outlet, source.date, source.url)


def doc_to_record(doc: SourceDoc, content_hash: str) -> dict[str, Any]:
    s = doc.source
    return {
        "id": s.id,
        "title": s.title,
        "path": s.path,
        "outlet": s.outlet,
        "date": s.date,
        "url": s.url,
        "language": s.language,
        "topic": s.topic,
        "content_hash": content_hash,
        "paragraphs": [[p.number, p.text, p.start, p.kind, p.section, p.page] for p in doc.paragraphs],
        "passages": [
            [
                p.id,
                p.position,
                p.paragraph,
                p.text,
                p.start,
                p.end,
                p.kind,
                p.section,
                a.speaker,
                a.kind,
                a.cue,
                p.page,
            ]
            for p, a in zip(doc.passages, doc.attributions, strict=True)
        ],
        "speakers": [{"name": sp.name, "aliases": list(sp.aliases), "role": sp.role} for sp in doc.speakers],
        "contexts": list(doc.contexts),
        "resolved": list(doc.resolved),
        "entities": [list(g) for g in doc.entities],
    }


def record_to_doc(record: dict[str, Any]) -> SourceDoc:
    sid = record["id"]
    source = Source(
        id=sid,
        title=record["title"],
        path=record["path"],
        body="",  # the body lives in the kb; an index keeps paragraphs, which is all it shows
        outlet=record.get("outlet"),
        date=record.get("date"),
        language=record.get("language") or "en",
        url=record.get("url"),
        topic=record.get("topic"),
    )
    paragraphs = tuple(Paragraph(sid, *row) for row in record["paragraphs"])
    passages = []
    attributions = []
    for pid, pos, para, text, start, end, kind, section, speaker, akind, cue, *page in record["passages"]:
        passages.append(Passage(pid, sid, pos, para, text, start, end, kind, section, *page))
        attributions.append(Attribution(speaker, akind, cue))
    speakers = tuple(
        Speaker(sp["name"], sid, tuple(sp.get("aliases") or ()), sp.get("role")) for sp in record["speakers"]
    )
    contexts = tuple(str(c) for c in record.get("contexts") or ())
    resolved = tuple(str(c) for c in record.get("resolved") or ())
    entities = tuple(tuple(str(n) for n in g) for g in record.get("entities") or ())
    return SourceDoc(
        source,
        paragraphs,
        tuple(passages),
        tuple(attributions),
        speakers,
        contexts=contexts,
        resolved=resolved,
        entities=entities,
    )
