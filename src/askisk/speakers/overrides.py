"""The per-source results of attribution: the overrides a source's front matter sets by hand, and the
speaker list (canonical name, aliases, role) of the names its passages carry. Pure."""

from __future__ import annotations

from askisk.models import Attribution, Passage, Source, Speaker
from askisk.text import normalize

OVERRIDE_CUE = "override in front matter"


def apply_overrides(source: Source, passages: list[Passage], attrs: list[Attribution]) -> list[Attribution]:
    if not source.overrides:
        return attrs
    out = list(attrs)
    for i, p in enumerate(passages):
        plain = normalize(p.text)
        for ov in source.overrides:
            key = ov.match.strip()
            hit = key == f"#{p.position}" if key.startswith("#") else normalize(key) in plain
            if hit:
                out[i] = Attribution(ov.speaker, ov.attribution, OVERRIDE_CUE)
    return out


def speaker_list(source_id, registry, decisions, attributions) -> tuple[Speaker, ...]:
    by_name = {r.display(): r for d in decisions if (r := d.record) is not None}
    out: dict[str, Speaker] = {}
    for a in attributions:
        if a.speaker is None or a.speaker in out:
            continue
        rec = by_name.get(a.speaker)
        if rec is None:  # named only by an override
            out[a.speaker] = Speaker(a.speaker, source_id)
        else:
            out[a.speaker] = Speaker(rec.display(), source_id, tuple(rec.all_aliases()), rec.role)
    return tuple(out.values())
