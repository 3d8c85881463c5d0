"""Web pages for the kb: `askisk add https://...` fetches one page and drafts it as an HTML (or PDF) file.

Reads the network only here, only when asked, and never writes (`kbwrite` does). Never prints.
Decisions:
- httpx with a timeout (TIMEOUT_S for connect and each read), a size cap (MAX_BYTES, checked on the
  announced length and again while streaming), an askisk user agent, and at most MAX_REDIRECTS redirects.
- HTML (text/html, application/xhtml+xml) is extracted as an .html file would be; a PDF as a .pdf file.
  Any other content type, an HTTP error status, a timeout, too many redirects or an oversized body is one
  `IngestError` sentence.
- The front matter records the URL asked for (`url`), where it ended after redirects (`fetched_from`, when
  different) and when it was fetched (`fetched_at`, UTC).
"""

from __future__ import annotations

import re
import tempfile
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from urllib.parse import urlsplit

from askisk import __version__
from askisk.sources.importing import Draft, IngestError, Meta, finish, from_html, slugify

TIMEOUT_S = 15.0
MAX_BYTES = 10 * 1024 * 1024
MAX_REDIRECTS = 5
USER_AGENT = f"askisk/{__version__} (source-attributed fact-checking; +local)"
HTML_TYPES = {"text/html", "application/xhtml+xml"}
PDF_TYPES = {"application/pdf", "application/x-pdf"}
_URL = re.compile(r"(?i)^https?://")


@dataclass(frozen=True)
class Fetched:
    url: str  # as asked
    final_url: str  # after redirects
    content_type: str
    body: bytes
    fetched_at: str


def is_url(text: str) -> bool:
    return bool(_URL.match(text))


def fetch(url: str, timeout: float = TIMEOUT_S, max_bytes: int = MAX_BYTES) -> Fetched:
    """GET one page within the limits; every way it can fail is one IngestError sentence."""
    import httpx

    parts = urlsplit(url)
    if not parts.hostname:
        raise IngestError("not a valid URL (no host name)")
    when = datetime.now(UTC).isoformat(timespec="seconds").replace("+00:00", "Z")
    headers = {"User-Agent": USER_AGENT, "Accept": "text/html,application/xhtml+xml,application/pdf;q=0.9"}
    try:
        with (
            httpx.Client(
                follow_redirects=True, max_redirects=MAX_REDIRECTS, timeout=timeout, headers=headers
            ) as client,
            client.stream("GET", url) as response,
        ):
            if response.status_code >= 400:
                raise IngestError(f"HTTP {response.status_code} {response.reason_phrase}".rstrip())
            ctype = response.headers.get("content-type", "").split(";")[0].strip().lower()
            if ctype not in HTML_TYPES | PDF_TYPES:
                raise IngestError(f"content type {ctype or '(none)'!r} is neither an HTML page nor a PDF")
            announced = response.headers.get("content-length", "")
            if announced.isdigit() and int(announced) > max_bytes:
                raise IngestError(f"page is {_size(int(announced))}; the limit is {_size(max_bytes)}")
            chunks, size = [], 0
            for chunk in response.iter_bytes():
                size += len(chunk)
                if size > max_bytes:
                    raise IngestError(f"page is over the {_size(max_bytes)} limit; stopped reading")
                chunks.append(chunk)
            final = str(response.url)
    except httpx.TooManyRedirects:
        raise IngestError(f"more than {MAX_REDIRECTS} redirects; giving up") from None
    except httpx.TimeoutException:
        raise IngestError(f"no answer within {timeout:g} s (timed out)") from None
    except httpx.InvalidURL as exc:
        raise IngestError(f"not a valid URL ({exc})") from None
    except httpx.HTTPError as exc:
        reason = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
        raise IngestError(f"cannot fetch: {reason}") from None
    return Fetched(url, final, ctype, b"".join(chunks), when)


def _size(n: int) -> str:
    return f"{n / 2**20:.1f} MB" if n >= 2**20 else f"{n / 1024:.0f} KB"


def draft_url(url: str, meta: Meta) -> Draft:
    """Fetch `url` and draft it for the kb, with the fetch recorded in the front matter."""
    page = fetch(url)
    extra = {"fetched_at": page.fetched_at}
    if page.final_url != url:
        extra["fetched_from"] = page.final_url
    name = Path(urlsplit(page.final_url).path).stem or urlsplit(page.final_url).hostname or "page"
    origin = Path(slugify(name))
    if page.content_type in PDF_TYPES:
        return _draft_pdf(page, meta, origin, extra)
    from askisk.sources.importing import decode

    text, notice = decode(page.body)
    found, body = from_html(text)
    found = {**found, "url": url}
    return finish(origin, meta, found, body, notice, extra)


def _draft_pdf(page: Fetched, meta: Meta, origin: Path, extra: dict) -> Draft:
    from askisk.sources.pdf import read_pdf

    with tempfile.TemporaryDirectory(prefix="askisk-url-") as tmp:
        path = Path(tmp) / "page.pdf"
        path.write_bytes(page.body)
        pdf = read_pdf(path)
    return finish(origin, meta, {"title": pdf.title, "url": page.url}, pdf.body, pdf.notice, extra)
