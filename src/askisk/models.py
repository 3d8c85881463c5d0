"""The words every module shares: small frozen dataclasses, no behaviour beyond conversion.

Never imports anything heavier than the standard library.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any, Literal

AttributionKind = Literal["quote", "reported", "narration"]
PassageKind = Literal["body", "heading", "caption"]
VerdictLabel = Literal["supported", "refuted", "not_enough_info"]
VERDICT_LABELS: tuple[VerdictLabel, ...] = ("supported", "refuted", "not_enough_info")


def verdict_title(label: VerdictLabel) -> str:
    """The verdict as people read it: SUPPORTED, REFUTED, NOT ENOUGH INFO."""
    return label.replace("_", " ").upper()


@dataclass(frozen=True)
class Override:
    """A user's correction of one attribution, from a source's front matter."""

    match: str  # a substring of the passage text (normalised), or a passage position "#12"
    speaker: str | None
    attribution: AttributionKind


@dataclass(frozen=True)
class Source:
    id: str
    title: str
    path: str
    body: str  # exactly as stored, never normalised
    outlet: str | None = None
    date: str | None = None
    language: str = "en"
    url: str | None = None
    overrides: tuple[Override, ...] = ()
    # the one thing the source is about, added to the encoder's text of sentences that do not name it;
    # None: not given (taken from a short title), "": none
    topic: str | None = None


@dataclass(frozen=True)
class Paragraph:
    source_id: str
    number: int  # 1-based among the non-blank paragraphs of the source
    text: str
    start: int  # character offset in Source.body
    kind: PassageKind
    section: str | None = None  # the heading question this paragraph sits under
    page: int | None = None  # the PDF page it starts on (from `<!-- page N -->` markers); None elsewhere
    quoted: bool = False  # a Markdown block quote ("> " lines); text and start are past the markers


@dataclass(frozen=True)
class Passage:
    id: str  # "<source id>:<position>:<content hash>"
    source_id: str
    position: int  # 0-based order in the source
    paragraph: int  # Paragraph.number
    text: str
    start: int
    end: int
    kind: PassageKind
    section: str | None = None
    page: int | None = None

    @property
    def searchable(self) -> bool:
        return self.kind == "body"


@dataclass(frozen=True)
class Attribution:
    speaker: str | None
    kind: AttributionKind
    cue: str | None = None  # the words that decided it, e.g. "said the expert"


NARRATION = Attribution(speaker=None, kind="narration", cue=None)


@dataclass(frozen=True)
class Speaker:
    name: str  # canonical display name: the fullest form seen in the source
    source_id: str
    aliases: tuple[str, ...] = ()
    role: str | None = None


@dataclass(frozen=True)
class Scope:
    """Which passages may answer one question, resolved once by the service from the user's filters.

    None on a side means that side does not narrow. `speakers` are canonical names; `sources` are the
    source ids left after the source and date filters.
    """

    speakers: frozenset[str] | None = None
    sources: frozenset[str] | None = None

    @property
    def is_open(self) -> bool:
        return self.speakers is None and self.sources is None


OPEN_SCOPE = Scope()


@dataclass(frozen=True)
class SourceRef:
    id: str
    title: str
    path: str
    outlet: str | None = None
    date: str | None = None
    url: str | None = None


@dataclass(frozen=True)
class Hit:
    rank: int
    score: float
    text: str
    speaker: str | None
    attribution: AttributionKind
    cue: str | None
    source: SourceRef
    passage_id: str
    paragraph: int
    position: int
    context: str
    section: str | None = None
    scores: dict[str, float] = field(default_factory=dict)
    page: int | None = None  # PDF sources: the page the passage's paragraph starts on
    # the text with a subject that refers back resolved to the group it stands for ("The group was
    # created" -> "IS-K was created", `speakers.context.subject_resolution`); "" when there is none
    resolved: str = ""

    @property
    def read_text(self) -> str:
        """The text as the verifier reads it: resolved where a pronoun or description stands for a name."""
        return self.resolved or self.text

    @property
    def locator(self) -> str:
        """Where in the source, as cited: "p. 12, ¶40" for a PDF page, "¶40" otherwise."""
        return f"p. {self.page}, ¶{self.paragraph}" if self.page is not None else f"¶{self.paragraph}"

    def to_json(self) -> dict[str, Any]:
        """The full hit, as `askisk ask --json` prints it."""
        return asdict(self)

    def citation_json(self) -> dict[str, Any]:
        """What a citation needs (reports, `c` in the chat): the quote, its voice and where it stands."""
        s = self.source
        return {
            "text": self.text,
            "speaker": self.speaker,
            "attribution": self.attribution,
            "cue": self.cue,
            "source": {"id": s.id, "title": s.title, "outlet": s.outlet, "date": s.date, "url": s.url},
            "paragraph": self.paragraph,
            "page": self.page,
            "section": self.section,
            "passage_id": self.passage_id,
        }


@dataclass(frozen=True)
class Answer:
    query: str
    results: tuple[Hit, ...]
    speaker_filter: str | None = None
    detected_speaker: str | None = None

    @property
    def found(self) -> bool:
        return bool(self.results)

    def to_json(self) -> dict[str, Any]:
        return {
            "query": self.query,
            "found": self.found,
            "results": [h.to_json() for h in self.results],
            "speaker_filter": self.speaker_filter,
            "detected_speaker": self.detected_speaker,
        }


@dataclass(frozen=True)
class Verdict:
    """A checked claim: the verdict, why, and the passages that decide it; for not_enough_info the closest
    passages found (empty when none is near the claim).

    `mismatch` names what disagrees when refuted (number, date, entity, polarity, attribution);
    `claim_speaker` is who the claim says spoke, `evidence_speaker` who the deciding passage is by;
    `same_speaker` whether they are one speaker (by name or the kb's registry: "the expert" = the expert
    the source introduced), None when either is unknown.
    """

    claim: str
    verdict: VerdictLabel
    confidence: float
    reason: str
    evidence: tuple[Hit, ...]
    mismatch: str | None = None
    claim_speaker: str | None = None
    evidence_speaker: str | None = None
    same_speaker: bool | None = None

    def to_json(self) -> dict[str, Any]:
        return {
            "claim": self.claim,
            "verdict": self.verdict,
            "confidence": self.confidence,
            "reason": self.reason,
            "evidence": [h.to_json() for h in self.evidence],
            "mismatch": self.mismatch,
            "claim_speaker": self.claim_speaker,
            "evidence_speaker": self.evidence_speaker,
            "same_speaker": self.same_speaker,
        }


@dataclass(frozen=True)
class BuildReport:
    sources: int
    passages: int
    embedded: int
    reused: int
    seconds: float
    build_id: str


@dataclass(frozen=True)
class BuildInfo:
    """What a citation's provenance needs to know about the loaded index."""

    model: str | None
    kb_hash: str | None
    built_at: str | None
    build_id: str | None
    kb: str
    index: str


# What the service tells its faces about the kb (askisk sources / speakers, the TUI's side bar)
@dataclass(frozen=True)
class SpeakerSummary:
    name: str
    source_id: str
    role: str | None
    aliases: tuple[str, ...]
    passages: int
    quotes: int
    reported: int


@dataclass(frozen=True)
class SpeakerCount:
    """One speaker across every source: passages carried, of them quotes and reported speech."""

    name: str
    passages: int
    quotes: int
    reported: int


@dataclass(frozen=True)
class IndexSummary:
    sources: int
    passages: int
    speakers: tuple[SpeakerCount, ...]


@dataclass(frozen=True)
class SourceSummary:
    id: str
    title: str
    date: str | None
    outlet: str | None
    url: str | None
    path: str
    passages: int  # searchable passages (sentences) in the index
    speakers: tuple[str, ...]
