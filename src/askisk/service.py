"""The one facade both faces (CLI and TUI) call: ask, speakers, rebuild, status.

Owns the lifecycle (find the index, refresh it when the kb changed, load it once, encode queries) and
nothing else: retrieval is `search`, attribution is `speakers`, storage is `index`. Never prints.
"""

from __future__ import annotations

from collections import Counter, OrderedDict
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from askisk.config import DEFAULT_TOP_K, MAX_QUERY_CHARS, Paths, resolve_paths
from askisk.errors import InputError
from askisk.models import Answer, BuildReport, Verdict
from askisk.search.fusion import DEFAULT_CONFIG, SearchConfig, search
from askisk.search.scope import Filters

if TYPE_CHECKING:
    import numpy as np

    from askisk.encoder.embeddings import Encoder
    from askisk.index.layout import IndexState
    from askisk.index.load import LoadedIndex
    from askisk.sources.importing import Meta
    from askisk.sources.kbwrite import AddReport, RemoveReport

Notify = Callable[[str], None]
QUERY_CACHE_SIZE = 512


@dataclass(frozen=True)
class SpeakerSummary:
    name: str
    source_id: str
    role: str | None
    aliases: tuple[str, ...]
    passages: int
    quotes: int
    reported: int


def validate_query(query: str) -> str:
    text = query.strip()
    if not text:
        raise InputError("the question is empty; type a question or a claim")
    if len(text) > MAX_QUERY_CHARS:
        raise InputError(f"the question is {len(text):,} characters long; the limit is {MAX_QUERY_CHARS:,}")
    return text


class Askisk:
    def __init__(self, paths: Paths, notify: Notify | None = None) -> None:
        self.paths = paths
        self.notify: Notify = notify or (lambda _msg: None)
        self._index: LoadedIndex | None = None
        self._encoder: Encoder | None = None
        self._query_vectors: OrderedDict[str, np.ndarray] = OrderedDict()

    @classmethod
    def open(cls, kb: str | None = None, index: str | None = None, notify: Notify | None = None) -> Askisk:
        return cls(resolve_paths(kb, index), notify)

    # -- lifecycle -------------------------------------------------------------------------------
    def status(self) -> IndexState:
        from askisk.index.layout import index_state
        from askisk.sources.kb import kb_hash

        return index_state(self.paths, kb_hash(self.paths.kb))

    def rebuild(self, full: bool = False, progress: Notify | None = None) -> BuildReport:
        from askisk.encoder.embeddings import sentence_transformer_encoder
        from askisk.index.build import build_index

        report = build_index(
            self.paths, sentence_transformer_encoder, full=full, progress=progress or self.notify
        )
        self._index = None
        return report

    def ready(self, refresh: bool = True) -> LoadedIndex:
        """The loaded index, built or refreshed first when it is missing or older than the kb."""
        if self._index is not None:
            return self._index
        state = self.status()
        if state.stale and refresh:
            self.notify(f"{state.reason}: building the index in {self.paths.index} ...")
            report = self.rebuild()
            self.notify(
                f"index ready: {report.passages} passages from {report.sources} sources "
                f"({report.embedded} embedded, {report.reused} reused) in {report.seconds:.1f}s"
            )
        from askisk.index.load import load_index

        self._index = load_index(self.paths.index)
        return self._index

    # -- queries ---------------------------------------------------------------------------------
    def encoder(self) -> Encoder:
        if self._encoder is None:
            from askisk.encoder.embeddings import query_encoder

            self._encoder = query_encoder(self.ready().build_dir, self.notify)
        return self._encoder

    def embed_query(self, query: str) -> np.ndarray:
        cached = self._query_vectors.get(query)
        if cached is not None:
            self._query_vectors.move_to_end(query)
            return cached
        vector = self.encoder().encode([query])[0]
        self._query_vectors[query] = vector
        if len(self._query_vectors) > QUERY_CACHE_SIZE:
            self._query_vectors.popitem(last=False)
        return vector

    def resolve_speaker(self, name: str | None) -> set[str] | None:
        if name is None:
            return None
        from askisk.speakers.attribution import resolve_speaker

        index = self.ready()
        names = set(resolve_speaker(name, index.speakers))
        if not names:
            known = ", ".join(sorted({s.name for s in index.speakers})) or "none"
            raise InputError(f"no speaker matches {name!r}; known speakers: {known}")
        return names

    def allowed_rows(self, filters: Filters | None) -> np.ndarray | None:
        """Rows the filters let through (None: all); InputError when the filters match nothing."""
        if filters is None or not (filters.sources or filters.since or filters.until):
            return None
        from askisk.search.scope import source_in_range, validate

        index = self.ready()
        validate(filters, sorted(index.docs))
        keep = {
            sid
            for sid, doc in index.docs.items()
            if (not filters.sources or sid in filters.sources)
            and source_in_range(doc.source.date, filters.since, filters.until)
        }
        rows = index.rows_of_sources(keep)
        if len(rows) == 0:
            dated_filter = bool(filters.since or filters.until)
            undated = [sid for sid, doc in index.docs.items() if not doc.source.date] if dated_filter else []
            hint = f" (sources without a date are left out: {', '.join(undated)})" if undated else ""
            raise InputError(f"no passage matches the filters: {filters.describe()}{hint}")
        return rows

    def ask(
        self,
        query: str,
        top_k: int = DEFAULT_TOP_K,
        speaker: str | None = None,
        config: SearchConfig = DEFAULT_CONFIG,
        filters: Filters | None = None,
    ) -> Answer:
        text = validate_query(query)
        if top_k < 1:
            raise InputError("--top-k must be at least 1")
        index = self.ready()
        speakers = self.resolve_speaker(speaker or (filters.speaker if filters else None))
        allowed = self.allowed_rows(filters)
        qvec = self.embed_query(text) if config.needs_vectors else None
        hits, detected = search(
            index, text, qvec, top_k=top_k, config=config, speakers=speakers, allowed=allowed
        )
        return Answer(
            query=text,
            results=tuple(hits),
            speaker_filter=", ".join(sorted(speakers)) if speakers else None,
            detected_speaker=", ".join(detected) if detected else None,
        )

    def speakers(self) -> list[SpeakerSummary]:
        index = self.ready()
        counts: Counter[tuple[str, str, str]] = Counter()
        for doc in index.docs.values():
            for p, a in zip(doc.passages, doc.attributions, strict=True):
                if a.speaker and p.searchable:
                    counts[(doc.source.id, a.speaker, a.kind)] += 1
        out = []
        for doc in index.docs.values():
            for sp in doc.speakers:
                key = (doc.source.id, sp.name)
                quotes, reported = counts[(*key, "quote")], counts[(*key, "reported")]
                out.append(
                    SpeakerSummary(
                        sp.name, doc.source.id, sp.role, sp.aliases, quotes + reported, quotes, reported
                    )
                )
        return sorted(out, key=lambda s: (-s.passages, s.name))

    # -- sources: list, add, remove ---------------------------------------------------------------
    def sources(self) -> list[SourceSummary]:
        """The sources of the index (refreshed first when the kb changed), with passage and speaker counts."""
        index = self.ready()
        out = []
        for doc in index.docs.values():
            s = doc.source
            searchable = sum(1 for p in doc.passages if p.searchable)
            names = tuple(sp.name for sp in doc.speakers)
            out.append(SourceSummary(s.id, s.title, s.date, s.outlet, s.url, s.path, searchable, names))
        return sorted(out, key=lambda s: s.id)

    def add_paths(
        self, paths: list[str], meta: Meta | None = None, progress: Notify | None = None
    ) -> AddReport:
        """Import files/folders into the kb and update the index; the kb is rolled back if the build fails."""
        from askisk.sources.kbwrite import AddReport, add_files

        outcomes = add_files(self.paths.kb, paths, meta)
        added = [o for o in outcomes if o.status == "added"]
        if not added:
            return AddReport(tuple(outcomes), None)
        try:
            build = self.rebuild(progress=progress)
        except BaseException:
            for o in added:
                Path(o.message).unlink(missing_ok=True)
            raise
        return AddReport(tuple(outcomes), build)

    def remove(self, source_id: str, progress: Notify | None = None) -> RemoveReport:
        """Take one source out of the kb and update the index; the file comes back if the build fails."""
        from askisk.sources.kbwrite import RemoveReport, find_source, restore, stash

        source = find_source(self.paths.kb, source_id)
        path = Path(source.path)
        if len(list(self.paths.kb.glob(f"*{path.suffix}"))) <= 1:
            raise InputError(f"{source_id!r} is the only source; an index needs one (add another first)")
        hidden = stash(path)
        try:
            build = self.rebuild(progress=progress)
        except BaseException:
            restore(hidden, path)
            raise
        hidden.unlink(missing_ok=True)
        return RemoveReport(source.id, source.title, str(path), build)

    # -- claims ----------------------------------------------------------------------------------
    def check(self, claim: str, top_k: int = DEFAULT_TOP_K, filters: Filters | None = None) -> Verdict:
        """Supported, refuted or not_enough_info, with the deciding passages (see `verify`); `filters`
        limit the passages that may decide, as for `ask`."""
        from askisk.verify.verdict import CANDIDATES, decide

        text = validate_query(claim)
        if top_k < 1:
            raise InputError("--top-k must be at least 1")
        hits = self.ask(text, top_k=max(top_k, CANDIDATES), filters=filters).results
        return decide(text, hits, top_k=top_k)


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
