"""The one facade both faces (CLI and TUI) call: ask, check, speakers, sources, add/remove, rebuild.

Owns the lifecycle (find the index, refresh it when the kb changed, load it once, encode queries) and the
query scope (filters resolved once per question, cached per loaded store). Retrieval is `search`,
attribution is `speakers`, storage is `index` behind its `Backend` protocol. Never prints.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Sequence
from dataclasses import replace
from functools import partial
from typing import TYPE_CHECKING, cast

from askisk.config import DEFAULT_TOP_K, Paths, resolve_paths
from askisk.errors import AskiskError, InputError
from askisk.models import (
    OPEN_SCOPE,
    Answer,
    BuildInfo,
    BuildReport,
    Hit,
    IndexSummary,
    Scope,
    SourceSummary,
    SpeakerSummary,
    Verdict,
)
from askisk.search.fusion import DEFAULT_CONFIG, AliasGroups, Rerank, SearchConfig, alias_groups, search
from askisk.search.lru import Lru
from askisk.search.scope import Filters
from askisk.sources.watch import KbWatch
from askisk.speakers.summary import merge_counts, source_summaries, speaker_summaries
from askisk.text import validate_query, validate_top_k

if TYPE_CHECKING:
    import numpy as np

    from askisk.encoder.embeddings import Encoder
    from askisk.encoder.tokens import TokenVectors
    from askisk.index.layout import IndexState
    from askisk.index.preload import EncoderPreload
    from askisk.index.protocol import Backend, BuildListener, Store
    from askisk.search.learned import RowTokens
    from askisk.sources.importing import Limits, Meta
    from askisk.sources.journal import Journal
    from askisk.sources.kbwrite import AddReport, RemoveReport

Notify = Callable[[str], None]
QUERY_CACHE_SIZE = 512
SCOPE_CACHE_SIZE = 64
VERIFIERS = ("model", "rules")  # how `check` decides: the stance model with rule features, or rules alone


class Askisk:
    def __init__(self, paths: Paths, notify: Notify | None = None, backend: Backend | None = None) -> None:
        """`backend` defaults to the store named by $ASKISK_STORE, else the local files."""
        from askisk.index.select import backend_for

        self.paths = paths
        self.notify: Notify = notify or (lambda _msg: None)
        self.backend: Backend = backend or backend_for()
        self._store: Store | None = None
        self._encoder: Encoder | None = None
        self._preload: EncoderPreload | None = None
        # `askisk serve` asks from several threads at once: both caches lock their own reads and writes
        self._query_vectors: Lru[str, tuple[np.ndarray, TokenVectors | None]] = Lru(QUERY_CACHE_SIZE)
        self._scopes: Lru[Filters, Scope] = Lru(SCOPE_CACHE_SIZE)
        self._aliases: AliasGroups | None = None
        self._row_tokens: RowTokens | None = None
        self._kb_watch = KbWatch()
        self._reader = False  # the loaded store is a build another askisk published (`reader`)
        self._recovered = False

    @classmethod
    def open(
        cls,
        kb: str | None = None,
        index: str | None = None,
        notify: Notify | None = None,
        store: str | None = None,
    ) -> Askisk:
        """The service on these folders; `store` is a store URI (`index.select`; default $ASKISK_STORE,
        else the local files)."""
        from askisk.index.select import backend_for

        return cls(resolve_paths(kb, index), notify, backend_for(store))

    # -- lifecycle -------------------------------------------------------------------------------
    def recover(self) -> None:
        """Complete or roll back a kb change a killed `add`/`remove` left behind (once per service)."""
        if self._recovered:
            return
        self._recovered = True
        from askisk.sources import journal

        try:
            said = journal.recover(self.paths.kb)
        except OSError as exc:
            said = f"an earlier change to the kb was interrupted and cannot be recovered now ({exc.strerror})"
        if said:
            self.notify(said)

    def status(self) -> IndexState:
        from askisk.sources.kb import kb_hash

        self.recover()
        return self.backend.state(self.paths, kb_hash(self.paths.kb))

    @property
    def reader(self) -> bool:
        """The loaded index is a build another askisk published (`index.milvus`): this one never builds
        it from its own kb; it is out of date when a newer build is published, and reloads it."""
        return self._reader

    def rebuild(
        self, full: bool = False, progress: BuildListener | None = None, *, take_over: bool = False
    ) -> BuildReport:
        """Build the index from this kb. On a reader only with `take_over` (`askisk index` run there on
        purpose: it becomes the writer); anything else is refused before the kb or the store is touched."""
        from askisk.encoder.embeddings import sentence_transformer_encoder
        from askisk.index.local import messages_only

        if not take_over:
            self._refuse_on_reader("build the index from its own kb")
        self.recover()
        # a notify that can also count (the CLI's BuildProgress) gets the counts: progress for every build
        listener = progress or (
            cast("BuildListener", self.notify) if hasattr(self.notify, "step") else messages_only(self.notify)
        )
        report = self.backend.build(self.paths, sentence_transformer_encoder, full=full, progress=listener)
        self._forget_store()
        return report

    def _refuse_on_reader(self, what: str) -> None:
        if self.backend.reader(self.paths):
            raise InputError(
                f"this askisk reads the index another askisk published in the store, so it cannot {what}; "
                "change the kb where the index is written (or run `askisk index` here to become the writer)"
            )

    def reload(self) -> Store:
        """Load the live index again, without building: a reader's way to a newly published build."""
        self._forget_store()
        return self.store(refresh=False)

    def store(self, refresh: bool = True) -> Store:
        """The loaded index, built or refreshed first when it is missing or older than the kb."""
        if self._store is not None:
            return self._store
        state = self.status()
        if state.stale and refresh and not state.reader:
            self.notify(f"{state.reason}: building the index in {self.paths.index} ...")
            try:
                report = self.rebuild()
            except OSError as exc:
                if not state.exists:
                    raise
                # a read-only or full index folder: the old build still answers, and says so
                built = (state.manifest or {}).get("built_at", "earlier")
                self.notify(
                    f"warning: could not refresh the index in {self.paths.index} ({exc.strerror or exc}); "
                    f"answering from the index built {built}, without the latest kb changes"
                )
            else:
                self.notify(
                    f"index ready: {report.passages} passages from {report.sources} sources "
                    f"({report.embedded} embedded, {report.reused} reused) in {report.seconds:.1f}s"
                )
        self._store = self.backend.load(self.paths)
        self._reader = state.reader
        return self._store

    def _forget_store(self) -> None:
        self._store = None
        self._scopes.clear()
        self._aliases = None
        self._row_tokens = None
        self._kb_watch.forget()
        self._reader = False

    def summary(self) -> IndexSummary:
        store = self.store()
        return IndexSummary(len(store.docs), len(store.rows), tuple(merge_counts(self.speakers())))

    def build_info(self) -> BuildInfo:
        manifest = self.store().manifest
        return BuildInfo(
            model=manifest.get("encoder") or manifest.get("model"),  # the tuned encoder named as such
            kb_hash=manifest.get("kb_hash"),
            built_at=manifest.get("built_at"),
            build_id=manifest.get("build_id"),
            kb=str(self.paths.kb),
            index=str(self.paths.index),
        )

    def kb_changed(self) -> str | None:
        """Why the loaded index no longer matches the kb (None when it does). Cheap when no file moved:
        file stats first, the kb hash only when they changed; compared with the index loaded here, not the
        one on disk, since another askisk may have rebuilt that meanwhile. A reader's kb is not its index's:
        it is out of date only when a newer build was published (`published_newer`)."""
        store = self.store()
        if self._reader:
            return self.published_newer()
        return self._kb_watch.changed(self.paths.kb, store.manifest.get("kb_hash"))

    def published_newer(self) -> str | None:
        """Why a reader's loaded build is out of date: another build was published since (None when not)."""
        loaded = self.store().manifest.get("build_id")
        try:
            state = self.backend.state(self.paths, "")
        except AskiskError as exc:
            return f"the published index cannot be read ({exc})"
        if not state.reader:
            return "the index folder now holds a build of its own"
        newest = state.manifest or {}
        if newest.get("build_id") == loaded:
            return None
        return f"a newer build was published ({newest.get('built_at', 'just now')})"

    def article(self, source_id: str) -> list[tuple[int, str]]:
        """The numbered paragraphs of one source of the loaded index (empty when it has no such source)."""
        doc = self.store().docs.get(source_id)
        return [(p.number, p.text) for p in doc.paragraphs] if doc else []

    # -- queries ---------------------------------------------------------------------------------
    def encoder(self) -> Encoder:
        if self._encoder is None:
            from askisk.encoder.embeddings import query_encoder

            store = self.store()
            preload, self._preload = self._preload, None
            preloaded = preload.take(store.build_dir) if preload is not None else None
            self._encoder = preloaded or query_encoder(store.build_dir, store.manifest, self.notify)
        return self._encoder

    def embed_query(self, query: str) -> np.ndarray:
        return self.embed_query_tokens(query)[0]

    def embed_query_tokens(self, query: str) -> tuple[np.ndarray, TokenVectors | None]:
        """The query's vector and its word-piece vectors (`encoder.tokens`; None from sentence-transformers),
        from one pass of the encoder, cached."""

        def encode() -> tuple[np.ndarray, TokenVectors | None]:
            encoder = self.encoder()
            both = getattr(encoder, "encode_query", None)
            return both(query) if both is not None else (encoder.encode([query])[0], None)

        return self._query_vectors.get_or_compute(query, encode)

    def scope(self, filters: Filters | None) -> Scope:
        """The passages the filters let answer, resolved once per filters and loaded store; InputError
        (one sentence with the fix) when they are malformed, unknown, or let nothing through."""
        if filters is None or not filters.active:
            return OPEN_SCOPE
        from askisk.search.scope import resolve

        return self._scopes.get_or_compute(filters, lambda: resolve(filters, self.store()))

    def alias_groups(self) -> AliasGroups:
        """The kb's alias groups ("IS-K" / "Daesh-Khorasan"), gathered once per loaded store."""
        if self._aliases is None:
            self._aliases = alias_groups(self.store().docs)
        return self._aliases

    def row_tokens(self) -> RowTokens:
        """The learned fusion's per-row token memo (`search.learned.row_tokens`), one per loaded store."""
        if self._row_tokens is None:
            from askisk.search.learned import row_tokens

            self._row_tokens = row_tokens()
        return self._row_tokens

    def reranker(self) -> Rerank:
        """The stance cross-encoder's relatedness, for the configurations that rerank (`SLOW_CONFIGS`)."""
        from askisk.verify.stance import load_stance

        return load_stance().relatedness

    def ask(
        self,
        query: str,
        top_k: int = DEFAULT_TOP_K,
        speaker: str | None = None,
        config: SearchConfig = DEFAULT_CONFIG,
        filters: Filters | None = None,
    ) -> Answer:
        text = validate_query(query)
        validate_top_k(top_k)
        if speaker is not None:
            filters = replace(filters or Filters(), speaker=speaker)
        if self._store is None and self._encoder is None and self._preload is None and config.needs_vectors:
            from askisk.index.preload import preload_encoder

            self._preload = preload_encoder(self.paths.index)
        store = self.store()
        scope = self.scope(filters)
        qvec, qtokens = self.embed_query_tokens(text) if config.needs_vectors else (None, None)
        aliases = self.alias_groups() if config.aliases else ()
        tokens = self.row_tokens() if config.fusion == "learned" else None
        rerank = self.reranker() if config.rerank_depth else None
        hits, detected = search(
            store,
            text,
            qvec,
            top_k=top_k,
            config=config,
            scope=scope,
            aliases=aliases,
            tokens=tokens,
            rerank=rerank,
            qtokens=qtokens if config.maxsim else None,
        )
        return Answer(
            query=text,
            results=tuple(hits),
            speaker_filter=", ".join(sorted(scope.speakers)) if scope.speakers else None,
            detected_speaker=", ".join(detected) if detected else None,
        )

    def speakers(self) -> list[SpeakerSummary]:
        return speaker_summaries(self.store().docs)

    # -- sources: list, add, remove ---------------------------------------------------------------
    def sources(self) -> list[SourceSummary]:
        """The sources of the index (refreshed first when the kb changed), with passage and speaker counts."""
        return source_summaries(self.store().docs)

    def add_paths(
        self,
        paths: Sequence[str | os.PathLike[str]],
        meta: Meta | None = None,
        progress: BuildListener | None = None,
        *,
        limits: Limits | None = None,
        replace: bool = False,
    ) -> AddReport:
        """Import files/folders into the kb and update the index; journaled (`sources.changes`): if the
        build fails or the process is interrupted, the kb is rolled back."""
        from askisk.sources import changes

        self._refuse_on_reader("add sources to its own kb")
        rebuild = partial(self.rebuild, progress=progress)
        return changes.add(
            self.paths.kb, paths, rebuild, self.notify, self._opened, meta, limits=limits, replace=replace
        )

    def remove(self, source_id: str, progress: BuildListener | None = None) -> RemoveReport:
        """Take one source out of the kb and update the index; journaled, as `add_paths`."""
        from askisk.sources import changes

        self._refuse_on_reader("remove sources from its own kb")
        rebuild = partial(self.rebuild, progress=progress)
        return changes.remove(self.paths.kb, source_id, rebuild, self.notify, self._opened)

    def _opened(self, change: Journal) -> None:
        """A change journal is open: an interrupted earlier change has just been rolled back, if any."""
        self._recovered = True
        if change.recovered:
            self.notify(change.recovered)

    # -- claims ----------------------------------------------------------------------------------
    def check(
        self,
        claim: str,
        top_k: int = DEFAULT_TOP_K,
        filters: Filters | None = None,
        verifier: str | None = None,
    ) -> Verdict:
        """Supported, refuted or not_enough_info, with the deciding passages (see `verify`); `filters`
        limit the passages that may decide, as for `ask`. `verifier` "model" (the default) is the exact-rule
        step, then the stance model with the rule features (`verify.aggregate`); "rules" the rules alone
        (`verify.verdict`, for comparison)."""
        import os

        from askisk.search.fusion import VERIFY_CONFIG
        from askisk.verify import aggregate, counts, timeline, verdict

        # the default since it beats the rules on Climate-FEVER and ties them on the seed (docs/eval.md)
        verifier = verifier or os.environ.get("ASKISK_VERIFIER") or "model"
        if verifier not in VERIFIERS:
            raise InputError(f"unknown verifier {verifier!r}; choose one of {', '.join(VERIFIERS)}")
        text = validate_query(claim)
        validate_top_k(top_k)
        candidates = max(top_k, verdict.CANDIDATES)

        def search(query: str) -> tuple[Hit, ...]:
            return self.ask(query, top_k=candidates, filters=filters, config=VERIFY_CONFIG).results

        for two_events in (timeline.decide, counts.decide):  # no one passage orders or compares them
            found = two_events(text, search)
            if found is not None:
                return found
        hits = search(text)
        speakers = self.store().speakers  # "the expert notes ..." is the expert this kb introduces
        if verifier == "rules":
            return verdict.decide(text, hits, top_k=top_k, speakers=speakers)
        return aggregate.decide(text, hits, top_k=top_k, speakers=speakers)
