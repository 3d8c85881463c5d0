"""The HTTP API: POST /ask, POST /check, GET /speakers, /sources, /healthz; OpenAPI at /docs.

Bodies and responses are the CLI's JSON: `askisk ask --json` gives the same object as POST /ask with
{"query": "..."}; a list of queries gives the list of objects the CLI prints one per line (a failed item is
the CLI's error object and the batch goes on). Endpoints are plain `def`s, so FastAPI runs them in its
thread pool and the model never blocks the event loop. Errors are JSON {"error": "one line"}: 400 for a
bad question or filter, 401 without the token, 413 for an oversized body, 415 for a body that is not JSON,
422 for a body of the wrong shape; never a traceback. Never prints.
"""

from __future__ import annotations

import hmac
from dataclasses import asdict
from typing import Annotated, Any

from fastapi import Depends, FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from pydantic import BaseModel, ConfigDict, Field

from askisk import __version__
from askisk.api.live import Live
from askisk.config import DEFAULT_TOP_K
from askisk.errors import AskiskError, InputError
from askisk.search.scope import Filters
from askisk.service import Askisk

MAX_BODY_BYTES = 256 * 1024
MAX_BATCH = 64
MAX_TOP_K = 50
OPEN_PATHS = {"/healthz"}


class Scope(BaseModel):
    model_config = ConfigDict(extra="forbid")

    top_k: int = Field(DEFAULT_TOP_K, ge=1, le=MAX_TOP_K)
    speaker: str | None = None
    sources: list[str] = Field(default_factory=list, max_length=100)
    since: str | None = None
    until: str | None = None

    def filters(self) -> Filters:
        return Filters(speaker=self.speaker, sources=tuple(self.sources), since=self.since, until=self.until)


class AskBody(Scope):
    query: str | list[str] = Field(description="a question, or a list of questions (a batch)")


class CheckBody(Scope):
    claim: str | list[str] = Field(description="a claim, or a list of claims (a batch)")


def _one_line(exc: RequestValidationError) -> str:
    err = exc.errors()[0] if exc.errors() else {}
    where = ".".join(str(p) for p in err.get("loc", ()) if p != "body")
    kind = err.get("type", "")
    if kind == "json_invalid":
        return "the body is not valid JSON"
    if kind == "extra_forbidden":
        return f"unknown field {where!r}"
    if kind == "missing":
        return f"missing field {where!r}"
    return f"{where or 'body'}: {err.get('msg', 'invalid value')}"


class BodyLimit:
    """ASGI middleware: refuse bodies over `limit` bytes (announced or streamed) with 413 before parsing."""

    def __init__(self, app, limit: int = MAX_BODY_BYTES) -> None:
        self.app, self.limit = app, limit

    async def __call__(self, scope, receive, send):
        if scope["type"] != "http":
            return await self.app(scope, receive, send)
        length = dict(scope.get("headers") or []).get(b"content-length", b"")
        if length.isdigit() and int(length) > self.limit:
            return await _too_large(self.limit)(scope, receive, send)
        seen = 0

        async def limited():
            nonlocal seen
            message = await receive()
            seen += len(message.get("body", b""))
            if seen > self.limit:
                raise _TooLarge
            return message

        try:
            return await self.app(scope, limited, send)
        except _TooLarge:
            return await _too_large(self.limit)(scope, receive, send)


class _TooLarge(Exception):
    pass


def _too_large(limit: int) -> JSONResponse:
    return JSONResponse({"error": f"the body is over {limit // 1024} KiB"}, status_code=413)


def _service(request: Request) -> Askisk:
    """The service current when the request arrived; a refresh swaps it for later requests only."""
    return request.app.state.live.service


Service = Annotated[Askisk, Depends(_service)]


def create_app(live: Live, token: str | None = None) -> FastAPI:
    """The app over one shared `Live` service; `token` (ASKISK_TOKEN) guards every route but /healthz."""
    app = FastAPI(
        title="askisk",
        version=__version__,
        description="Source-attributed fact-checking over a local knowledge base.",
    )

    @app.exception_handler(RequestValidationError)
    async def _invalid(_request: Request, exc: RequestValidationError):
        status = 400 if any(e.get("type") == "json_invalid" for e in exc.errors()) else 422
        return JSONResponse({"error": _one_line(exc)}, status_code=status)

    @app.exception_handler(AskiskError)
    async def _askisk_error(_request: Request, exc: AskiskError):
        return JSONResponse({"error": str(exc)}, status_code=400 if isinstance(exc, InputError) else 503)

    @app.exception_handler(Exception)
    async def _internal(_request: Request, exc: Exception):
        return JSONResponse({"error": f"internal error: {type(exc).__name__}"}, status_code=500)

    @app.middleware("http")
    async def _guard(request: Request, call_next):
        if token and request.url.path not in OPEN_PATHS:
            given = request.headers.get("authorization", "")
            if not hmac.compare_digest(given.encode(), f"Bearer {token}".encode()):
                return JSONResponse(
                    {"error": "missing or wrong bearer token (Authorization: Bearer $ASKISK_TOKEN)"},
                    status_code=401,
                    headers={"WWW-Authenticate": "Bearer"},
                )
        if request.method == "POST":
            ctype = request.headers.get("content-type", "application/json").split(";")[0].strip().lower()
            if ctype != "application/json":
                return JSONResponse(
                    {"error": f"the body must be JSON (Content-Type: application/json), not {ctype}"},
                    status_code=415,
                )
        return await call_next(request)

    app.state.live = live

    def _batch(items: str | list[str], key: str, empty: str, answer) -> Any:
        if isinstance(items, str):
            return answer(items).to_json()
        if not items:
            raise InputError(f"the list of {key}s is empty")
        if len(items) > MAX_BATCH:
            raise InputError(f"{len(items)} {key}s in one batch; the limit is {MAX_BATCH}")
        out = []
        for item in items:
            try:
                out.append(answer(item).to_json())
            except InputError as exc:
                out.append({key: item[:200], "error": str(exc), empty: []})
        return out

    @app.post("/ask", summary="Ask questions; the JSON of `askisk ask --json`")
    def ask(body: AskBody, svc: Service) -> Any:
        filters = body.filters()
        svc.scope(filters)  # a filter that is malformed or matches nothing fails the request, as in the CLI
        return _batch(body.query, "query", "results", lambda q: svc.ask(q, top_k=body.top_k, filters=filters))

    @app.post("/check", summary="Check claims; the JSON of `askisk check --json`")
    def check(body: CheckBody, svc: Service) -> Any:
        filters = body.filters()
        svc.scope(filters)
        return _batch(
            body.claim, "claim", "evidence", lambda c: svc.check(c, top_k=body.top_k, filters=filters)
        )

    @app.get("/speakers", summary="Speakers; the JSON of `askisk speakers --json`, as a list")
    def speakers(svc: Service) -> list[dict[str, Any]]:
        return [asdict(s) for s in svc.speakers()]

    @app.get("/sources", summary="Sources; the JSON of `askisk sources --json`, as a list")
    def sources(svc: Service) -> list[dict[str, Any]]:
        return [asdict(s) for s in svc.sources()]

    @app.get("/healthz", summary="Liveness, and which index build is served")
    def healthz() -> dict[str, Any]:
        return {"status": "ok", "build_id": live.build_id, "reloads": live.reloads, "version": __version__}

    app.add_middleware(BodyLimit, limit=MAX_BODY_BYTES)
    return app
