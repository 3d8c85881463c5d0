"""Citable output: fact-check reports (Verdicts) and question reports (Answers) as Markdown or JSON, each
with the provenance needed to reproduce it, and single citations in plain / markdown / json style.

Pure: data in, text out. Never prints, never writes files (that is `reportio`), never retrieves
(`provenance` takes the service's `BuildInfo`). Source text is quoted exactly; in Markdown it is
backslash-escaped so that `*`, `_`, `[`, `<`, `#` ... in a passage stay literal characters, and control
characters are shown as symbols (`askisk.text.printable`: a report is read in a terminal too); JSON
escapes every control character, so the data stays exact.
"""

from __future__ import annotations

import json
import re
from collections.abc import Sequence
from dataclasses import asdict, dataclass, field
from datetime import datetime
from typing import Any, Literal

from askisk import __version__
from askisk.errors import InputError
from askisk.models import VERDICT_LABELS, Answer, BuildInfo, Hit, Verdict, verdict_title
from askisk.search.scope import Filters
from askisk.text import json_inert, printable

Format = Literal["md", "json", "claimreview"]
Style = Literal["plain", "markdown", "json"]
FORMATS: tuple[str, ...] = ("md", "json", "claimreview")
STYLES: tuple[str, ...] = ("plain", "markdown", "json")
REPORT_VERSION = 1
NO_EVIDENCE = "No passage in the knowledge base is about this claim; nothing to quote."
Failure = tuple[str, str]  # (claim or question, error message): items the report could not answer


@dataclass(frozen=True)
class Provenance:
    """What a reader needs to reproduce a report: software, model, knowledge base, index, time, filters."""

    askisk_version: str
    model: str | None
    kb_hash: str | None
    index_built_at: str | None
    index_build_id: str | None
    checked_at: str
    filters: dict[str, Any] = field(default_factory=dict)
    top_k: int | None = None
    kb: str | None = None
    index: str | None = None

    def to_json(self) -> dict[str, Any]:
        return asdict(self)


def filters_json(filters: Filters | None) -> dict[str, Any]:
    f = filters or Filters()
    return {"speaker": f.speaker, "sources": list(f.sources), "since": f.since, "until": f.until}


def provenance(
    info: BuildInfo, filters: Filters | None = None, top_k: int | None = None, now: datetime | None = None
) -> Provenance:
    """Provenance of a report: the loaded index it was answered from, the filters, and when."""
    when = (now or datetime.now().astimezone()).isoformat(timespec="seconds")
    return Provenance(
        askisk_version=__version__,
        model=info.model,
        kb_hash=info.kb_hash,
        index_built_at=info.built_at,
        index_build_id=info.build_id,
        checked_at=when,
        filters=filters_json(filters),
        top_k=top_k,
        kb=info.kb,
        index=info.index,
    )


# -- Markdown escaping -----------------------------------------------------------------------------
_SPECIAL = re.compile(r"([\\`*_\[\]<>&|~$#])")  # backslash-escapable punctuation that can change meaning
_LINE_START = re.compile(r"^([-+=])|^(\d+)([.)])")  # list items, setext underlines, ordered lists


def md_escape(text: str) -> str:
    """Source text as Markdown that renders to the same characters (leading indentation dropped)."""
    lines = []
    for line in text.replace("\r\n", "\n").replace("\r", "\n").split("\n"):
        line = _SPECIAL.sub(r"\\\1", line.lstrip(" \t"))
        lines.append(_LINE_START.sub(lambda m: f"\\{m[1]}" if m[1] else f"{m[2]}\\{m[3]}", line))
    return "\n".join(lines)


def md_inline(text: str) -> str:
    """For a heading or list line: whitespace (newlines too) collapsed to single spaces, then escaped."""
    return md_escape(" ".join(text.split()))


def _quote_block(text: str) -> list[str]:
    return [f"> {line}" if line else ">" for line in md_escape(text).split("\n")]


# -- citations -------------------------------------------------------------------------------------
def _who(hit: Hit) -> str:
    if not hit.speaker:
        return "narration (no speaker)"
    cue = f"; cue: “{hit.cue}”" if hit.cue else ""
    return f"{hit.speaker} ({hit.attribution}{cue})"


def _where(hit: Hit) -> list[str]:
    s = hit.source
    return [s.outlet or "outlet unknown", s.date or "date unknown", hit.locator]


def _md_url(url: str) -> str:
    return f"<{url}>" if not re.search(r"[\s<>]", url) else md_inline(url)


def citation(hit: Hit, style: Style = "plain") -> str:
    """One passage, quoted exactly, with speaker, attribution, source, outlet, date, paragraph and URL."""
    if style == "json":
        return json.dumps(hit.citation_json(), ensure_ascii=False, indent=2)
    if style == "markdown":
        who = md_inline(_who(hit))
        title = f"*{md_inline(hit.source.title)}* ({md_inline(hit.source.id)})"
        where = " · ".join([title, *map(md_inline, _where(hit))])
        url = f" · {_md_url(hit.source.url)}" if hit.source.url else ""
        return "\n".join([*_quote_block(hit.text), ">", f"> — {who} · {where}{url}"])
    if style == "plain":
        tail = ", ".join([hit.source.title, *_where(hit), *([hit.source.url] if hit.source.url else [])])
        return f"{hit.text}\n— {_who(hit)}, {tail}"
    raise InputError(f"unknown citation style {style!r}; use one of: {', '.join(STYLES)}")


# -- the two questions of an "X said Y" claim ------------------------------------------------------
def attribution_check(v: Verdict) -> dict[str, Any] | None:
    """Did the claimed speaker say it? None when the claim names no speaker. answer: yes / no / unknown."""
    if not v.claim_speaker:
        return None
    from askisk.speakers.names import same_person

    by = v.evidence_speaker
    if not v.evidence:
        answer, detail = "unknown", "no passage in the knowledge base is about this claim"
    elif not by and v.verdict == "not_enough_info":
        answer, detail = "unknown", "no passage settles the claim; the closest are shown"
    elif not by:
        answer, detail = "unknown", "the deciding passage names no speaker"
    elif v.mismatch == "attribution" or not (
        v.same_speaker if v.same_speaker is not None else same_person(v.claim_speaker, by)
    ):
        answer, detail = "no", f"the deciding passage is attributed to {by}"
    else:
        answer, detail = "yes", f"the deciding passage is attributed to {by}"
    top = v.evidence[0] if v.evidence else None
    if top is not None and by:
        detail += f" ({top.attribution}; cue: “{top.cue}”)" if top.speaker and top.cue else ""
        detail += " (named in the passage's own text)" if not top.speaker else ""
    return {"claimed_speaker": v.claim_speaker, "evidence_speaker": by, "answer": answer, "detail": detail}


def content_check(v: Verdict) -> dict[str, Any]:
    """Do the sources support what is said, whoever said it? answer: supported / refuted / not_enough_info."""
    if v.mismatch == "attribution":
        return {"answer": "supported", "detail": f"the source states it, attributed to {v.evidence_speaker}"}
    if v.verdict == "supported":
        return {"answer": "supported", "detail": "the source states it"}
    return {"answer": v.verdict, "detail": v.reason}


# -- fact-check reports ----------------------------------------------------------------------------
def _summary(verdicts: Sequence[Verdict]) -> dict[str, int]:
    return {label: sum(v.verdict == label for v in verdicts) for label in VERDICT_LABELS}


def claim_json(v: Verdict) -> dict[str, Any]:
    return {
        "claim": v.claim,
        "verdict": v.verdict,
        "confidence": v.confidence,
        "reason": v.reason,
        "mismatch": v.mismatch,
        "attribution": attribution_check(v),
        "content": content_check(v),
        "evidence": [h.citation_json() for h in v.evidence],
    }


def check_json(verdicts: Sequence[Verdict], prov: Provenance, failures: Sequence[Failure] = ()) -> dict:
    return {
        "report": "fact-check",
        "report_version": REPORT_VERSION,
        "provenance": prov.to_json(),
        "summary": _summary(verdicts),
        "claims": [claim_json(v) for v in verdicts],
        "not_checked": [{"claim": text, "error": error} for text, error in failures],
    }


def _md_provenance(p: Provenance) -> list[str]:
    f = p.filters
    shown = Filters(f.get("speaker"), tuple(f.get("sources") or ()), f.get("since"), f.get("until"))
    rows = [
        f"- askisk {p.askisk_version}; model `{p.model}`",
        f"- knowledge base content hash `{p.kb_hash}`" + (f" ({md_inline(p.kb)})" if p.kb else ""),
        f"- index build `{p.index_build_id}`, built {p.index_built_at}",
        f"- checked {p.checked_at}",
        f"- filters: {md_inline(shown.describe()) or 'none'}",
    ]
    if p.top_k is not None:
        rows.append(f"- passages shown per item: at most {p.top_k}")
    return ["## Provenance", "", *rows, ""]


def _md_evidence(hits: Sequence[Hit], empty: str, label: str = "Evidence") -> list[str]:
    if not hits:
        return [empty, ""]
    out = []
    for i, hit in enumerate(hits, start=1):
        out += [f"**{label} {i}**", "", citation(hit, "markdown"), ""]
    return out


def _md_failures(failures: Sequence[Failure], what: str) -> list[str]:
    if not failures:
        return []
    rows = [f"- {md_inline(text[:200])}: {md_inline(error)}" for text, error in failures]
    return [f"## Not {what}", "", *rows, ""]


def _md_claim(n: int, v: Verdict) -> list[str]:
    out = [
        f"## {n}. {verdict_title(v.verdict)}: {md_inline(v.claim)}",
        "",
        f"- **Verdict:** {v.verdict} (confidence {v.confidence:.3f})",
        f"- **Reason:** {md_inline(v.reason)}",
    ]
    if v.mismatch:
        out.append(f"- **Mismatch:** {v.mismatch}")
    who = attribution_check(v)
    if who is not None:
        what = content_check(v)
        said = md_inline(who["claimed_speaker"])
        out.append(f"- **Did {said} say it?** {who['answer']}: {md_inline(who['detail'])}")
        out.append(
            f"- **Do the sources support what is said?** {what['answer']}: {md_inline(what['detail'])}"
        )
    out.append("")
    # an abstention's passages are the closest found, not evidence either way
    label = "Closest passage" if v.verdict == "not_enough_info" else "Evidence"
    return out + _md_evidence(v.evidence, NO_EVIDENCE, label)


def check_markdown(verdicts: Sequence[Verdict], prov: Provenance, failures: Sequence[Failure] = ()) -> str:
    counts = _summary(verdicts)
    summary = ", ".join(f"{counts[k]} {verdict_title(k).lower()}" for k in VERDICT_LABELS)
    out = ["# askisk fact-check report", "", f"{_count(len(verdicts), 'claim')} checked: {summary}.", ""]
    out += _md_provenance(prov)
    for n, v in enumerate(verdicts, start=1):
        out += _md_claim(n, v)
    out += _md_failures(failures, "checked")
    return _md("\n".join(out).rstrip("\n") + "\n")


# -- question reports ------------------------------------------------------------------------------
def answer_json(a: Answer) -> dict[str, Any]:
    return {
        "question": a.query,
        "found": a.found,
        "speaker_filter": a.speaker_filter,
        "detected_speaker": a.detected_speaker,
        "results": [{"rank": h.rank, "score": round(h.score, 4), **h.citation_json()} for h in a.results],
    }


def ask_json(answers: Sequence[Answer], prov: Provenance, failures: Sequence[Failure] = ()) -> dict:
    return {
        "report": "questions",
        "report_version": REPORT_VERSION,
        "provenance": prov.to_json(),
        "questions": [answer_json(a) for a in answers],
        "not_answered": [{"question": text, "error": error} for text, error in failures],
    }


def ask_markdown(answers: Sequence[Answer], prov: Provenance, failures: Sequence[Failure] = ()) -> str:
    out = ["# askisk question report", "", f"{_count(len(answers), 'question')} asked.", ""]
    out += _md_provenance(prov)
    for n, a in enumerate(answers, start=1):
        out += _md_answer(n, a)
    out += _md_failures(failures, "answered")
    return _md("\n".join(out).rstrip("\n") + "\n")


def _md_answer(n: int, a: Answer, prefix: str = "") -> list[str]:
    out = [f"## {n}. {prefix}{md_inline(a.query)}", ""]
    notes = [f"speaker filter: {a.speaker_filter}"] if a.speaker_filter else []
    notes += [f"about: {a.detected_speaker}"] if a.detected_speaker else []
    if notes:
        out += [md_inline("; ".join(notes)), ""]
    for hit in a.results:
        out += [f"**{hit.rank}.** score {hit.score:.3f}", "", citation(hit, "markdown"), ""]
    if not a.results:
        out += ["No passage in the knowledge base answers this.", ""]
    return out


def _count(n: int, noun: str) -> str:
    return f"{n} {noun}" + ("" if n == 1 else "s")


def _dump(obj: dict) -> str:
    return json_inert(json.dumps(obj, ensure_ascii=False, indent=2)) + "\n"


def _md(text: str) -> str:
    return printable(text)


def render_check(verdicts: Sequence[Verdict], prov: Provenance, fmt: Format, failures=()) -> str:
    """The fact-check report in `fmt` ("md", "json" or "claimreview": schema.org JSON-LD)."""
    if fmt == "claimreview":
        from askisk.report.claimreview import render_claimreview

        return render_claimreview(verdicts, prov.checked_at)
    if fmt == "json":
        return _dump(check_json(verdicts, prov, failures))
    return _md(check_markdown(verdicts, prov, failures))


def render_ask(answers: Sequence[Answer], prov: Provenance, fmt: Format, failures=()) -> str:
    """The question report in `fmt` ("md" or "json")."""
    if fmt == "claimreview":
        raise InputError("ClaimReview reviews checked claims; use it with `askisk check`")
    if fmt == "json":
        return _dump(ask_json(answers, prov, failures))
    return _md(ask_markdown(answers, prov, failures))


def render_session(items: Sequence[Answer | Verdict], prov: Provenance, fmt: Format) -> str:
    """A conversation (the TUI's export): questions and claims in the order they were asked."""
    if fmt == "json":
        rows = [
            {"type": "claim", **claim_json(x)}
            if isinstance(x, Verdict)
            else {"type": "question", **answer_json(x)}
            for x in items
        ]
        head = {"report": "session", "report_version": REPORT_VERSION, "provenance": prov.to_json()}
        return _dump({**head, "items": rows})
    claims = sum(isinstance(x, Verdict) for x in items)
    counts = f"{_count(len(items) - claims, 'question')} and {_count(claims, 'claim')}"
    out = ["# askisk session", "", f"{counts}, in the order asked.", "", *_md_provenance(prov)]
    for n, x in enumerate(items, start=1):
        out += _md_claim(n, x) if isinstance(x, Verdict) else _md_answer(n, x, "Q: ")
    return _md("\n".join(out).rstrip("\n") + "\n")
