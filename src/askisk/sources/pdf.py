"""PDF files for the kb: the text layer of each page -> paragraphs under `<!-- page N -->` markers.

Reads only; `importing.draft` calls `read_pdf` and writes nothing itself. Never prints.
Extraction is pypdfium2 (PDFium, the engine of Chromium): the fastest of the three maintained libraries
measured and the one whose text order follows the page's columns (see docs/sources.md for the comparison).
Decisions:
- Lines come from PDFium's text rectangles; a paragraph ends where the gap to the next line is clearly
  larger than the usual line spacing, or where a line ending in . ! ? : is clearly shorter than the column.
- Lines repeated at the top or bottom of most pages (digits ignored: "Page 3 of 9") are running headers and
  footers, and a lone page number there is a page number: none of them is text.
- "inter-\\nnational" becomes "international" unless the document writes "inter-national" elsewhere.
- A paragraph left unfinished at the bottom of a page (no . ! ? at its end) continues on the next page and
  keeps the page where it starts.
- No text at all on pages that hold images: a scanned PDF (run OCR first); a password: encrypted; anything
  PDFium cannot parse: damaged. Each is one `IngestError` sentence.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from askisk.errors import AskiskError

MAX_PDF_BYTES = 50 * 1024 * 1024
MAX_PAGES = 2000
PAGE_MARKER = "<!-- page {} -->"
_PAGE_NUMBER = re.compile(r"(?i)^(?:page\s+)?[-–—]?\s*\d{1,4}\s*[-–—]?(?:\s*(?:of|/)\s*\d{1,4})?$")
_TERMINAL = re.compile(r"[.!?:][\"'”’)\]]*$")
_HYPHENATED_END = re.compile(r"(\w+)[-\u00ad\u2010\x02]$")
_WORD_START = re.compile(r"^([a-z]\w*)")


class PdfError(AskiskError):
    """The PDF cannot give text; the message says why in one sentence."""


@dataclass(frozen=True)
class Line:
    text: str
    left: float
    right: float
    top: float
    bottom: float


@dataclass(frozen=True)
class PdfText:
    body: str  # paragraphs separated by blank lines, a page marker before each page's first paragraph
    title: str | None
    pages: int
    notice: str | None = None


# -- opening -------------------------------------------------------------------------------------------
def _open(path: Path):
    import pypdfium2 as pdfium

    try:
        return pdfium.PdfDocument(str(path))
    except pdfium.PdfiumError as exc:
        message = str(exc).lower()
        if "password" in message:
            raise PdfError(
                "encrypted PDF (it needs a password); decrypt it first, e.g. qpdf --decrypt"
            ) from None
        if "security" in message:
            raise PdfError("PDF with an unsupported security handler; decrypt it first") from None
        raise PdfError("damaged PDF (PDFium cannot parse it); re-export or repair it first") from None


def page_lines(path: Path) -> tuple[list[list[Line]], str | None, int]:
    """The text lines of every page in PDFium's order, the document title, and how many pages hold images."""
    import pypdfium2 as pdfium
    import pypdfium2.raw as raw

    doc = _open(path)
    try:
        if len(doc) == 0:
            raise PdfError("PDF with no pages")
        if len(doc) > MAX_PAGES:
            raise PdfError(f"PDF of {len(doc)} pages; the limit is {MAX_PAGES}")
        title = (doc.get_metadata_dict().get("Title") or "").strip() or None
        pages: list[list[Line]] = []
        with_images = 0
        for page in doc:
            try:
                textpage = page.get_textpage()
                pages.append(_lines(textpage))
                if any(obj.type == raw.FPDF_PAGEOBJ_IMAGE for obj in page.get_objects(max_depth=2)):
                    with_images += 1
            except pdfium.PdfiumError:
                raise PdfError(f"damaged PDF (page {len(pages) + 1} cannot be read)") from None
        return pages, title, with_images
    finally:
        doc.close()


def _lines(textpage) -> list[Line]:
    """PDFium's text rectangles, merged into lines (rectangles sharing a baseline and touching)."""
    lines: list[Line] = []
    for i in range(textpage.count_rects()):
        left, bottom, right, top = textpage.get_rect(i)
        text = _clean(textpage.get_text_bounded(left, bottom, right, top))
        if not text:
            continue
        height = top - bottom
        near = lines and -1 <= left - lines[-1].right < 1.5 * height  # a wider gap is a column gutter
        if near and abs(lines[-1].bottom - bottom) < 0.5 * height:
            prev = lines[-1]
            gap = " " if left - prev.right > 0.15 * height else ""
            lines[-1] = Line(prev.text + gap + text, prev.left, right, max(prev.top, top), prev.bottom)
        else:
            lines.append(Line(text, left, right, top, bottom))
    return reading_order(lines)


def reading_order(lines: list[Line]) -> list[Line]:
    """Columns read one after the other, whatever order the PDF drew them in.

    A gutter is an x that no line crosses, with at least MIN_COLUMN_LINES lines on each side; lines that
    span it (a title over both columns) come before or after the columns by height. A page without a gutter
    keeps PDFium's order. Applied again to the right side for three columns or more.
    """
    gutter = _gutter(lines)
    if gutter is None:
        return lines
    left = [ln for ln in lines if ln.right <= gutter]
    right = [ln for ln in lines if ln.left >= gutter]
    spanning = [ln for ln in lines if ln.left < gutter < ln.right]
    top = max(ln.top for ln in left + right)
    above = [ln for ln in spanning if ln.bottom >= top]
    below = [ln for ln in spanning if ln.bottom < top]
    by_height = lambda group: sorted(group, key=lambda ln: -ln.top)  # noqa: E731
    return by_height(above) + by_height(left) + reading_order(by_height(right)) + by_height(below)


MIN_COLUMN_LINES = 3


def _gutter(lines: list[Line]) -> float | None:
    if len(lines) < 2 * MIN_COLUMN_LINES:
        return None
    height = _median([ln.top - ln.bottom for ln in lines], 10.0)
    for start in sorted({round(ln.left) for ln in lines}):
        x = start - 0.5 * height
        left = [ln for ln in lines if ln.right <= x]
        right = [ln for ln in lines if ln.left >= x]
        if len(left) < MIN_COLUMN_LINES or len(right) < MIN_COLUMN_LINES:
            continue
        crossing = [ln for ln in lines if ln.left < x < ln.right]
        overlap = min(max(a.top for a in left), max(b.top for b in right)) - max(
            min(a.bottom for a in left), min(b.bottom for b in right)
        )
        if overlap > 2 * height and len(crossing) < min(len(left), len(right)):
            return x
    return None


def _clean(text: str) -> str:
    text = text.replace("\r", " ").replace("\n", " ").replace("\ufffe", "-").replace("\x02", "-")
    return " ".join(text.split())


# -- headers, footers, page numbers -------------------------------------------------------------------
def _key(text: str) -> str:
    return re.sub(r"\d+", "#", text.casefold())


def _edges(lines: list[Line], edge: int) -> set[int]:
    """Indexes of the `edge` highest and `edge` lowest lines of a page (by position, not stream order)."""
    by_height = sorted(range(len(lines)), key=lambda i: -lines[i].top)
    return set(by_height[:edge]) | set(by_height[-edge:])


def strip_furniture(pages: list[list[Line]], edge: int = 2) -> list[list[Line]]:
    """Drop running headers/footers (same text, digits aside, at a page edge on most pages), page numbers."""
    counts: Counter[str] = Counter()
    for lines in pages:
        counts.update({_key(lines[i].text) for i in _edges(lines, edge)})
    need = max(2, (len(pages) + 1) // 2)
    repeated = {k for k, n in counts.items() if n >= need} if len(pages) > 1 else set()
    out = []
    for lines in pages:
        edges = _edges(lines, edge)
        out.append(
            [
                line
                for i, line in enumerate(lines)
                if not (i in edges and (_key(line.text) in repeated or _PAGE_NUMBER.match(line.text)))
            ]
        )
    return out


# -- lines -> paragraphs -------------------------------------------------------------------------------
def _median(values: list[float], default: float) -> float:
    values = sorted(values)
    return values[len(values) // 2] if values else default


def paragraphs(lines: list[Line]) -> list[list[str]]:
    """Group one page's lines into paragraphs (lists of lines) by spacing and short last lines."""
    if not lines:
        return []
    heights = [ln.top - ln.bottom for ln in lines]
    height = _median(heights, 10.0)
    gaps = [
        a.bottom - b.top for a, b in zip(lines, lines[1:], strict=False) if 0 <= a.bottom - b.top < 3 * height
    ]
    usual_gap = _median(gaps, 0.3 * height)
    width = _median([ln.right - ln.left for ln in lines], 0.0)
    out: list[list[str]] = [[lines[0].text]]
    for prev, line in zip(lines, lines[1:], strict=False):
        gap = prev.bottom - line.top
        new_column = line.top > prev.bottom + height  # moved up: the next column or a new block
        ends = bool(_TERMINAL.search(prev.text))
        short = prev.right - prev.left < 0.8 * width
        spaced = not new_column and gap > usual_gap + 0.5 * height
        if spaced or (ends and short):
            out.append([line.text])
        else:
            out[-1].append(line.text)
    return out


def join_lines(lines: list[str], vocabulary: set[str]) -> str:
    """One paragraph's lines as one line of text, with words split across line ends put back together."""
    text = lines[0]
    for line in lines[1:]:
        end = _HYPHENATED_END.search(text)
        start = _WORD_START.match(line)
        if end and start:
            head, tail = end.group(1), start.group(1)
            keep = f"{head}-{tail}".casefold() in vocabulary and (head + tail).casefold() not in vocabulary
            text = text[: end.start()] + head + ("-" if keep else "") + line
        else:
            text = f"{text} {line}"
    return text


def _vocabulary(pages: list[list[Line]]) -> set[str]:
    words: set[str] = set()
    for lines in pages:
        for line in lines:
            words.update(w.casefold() for w in re.findall(r"\w+(?:-\w+)*", line.text))
    return words


def compose(pages: list[list[Line]]) -> str:
    """Pages of lines -> the kb body: paragraphs, a page marker where each page's text begins."""
    vocabulary = _vocabulary(pages)
    blocks: list[str] = []
    open_paragraph = False
    for number, lines in enumerate(pages, 1):
        paras = [join_lines(p, vocabulary) for p in paragraphs(lines)]
        if not paras:
            continue
        if open_paragraph and paras[0][:1].islower():
            blocks[-1] = join_lines([blocks[-1], paras[0]], vocabulary)
            paras = paras[1:]
        if paras:
            blocks.append(PAGE_MARKER.format(number))
            blocks.extend(paras)
        open_paragraph = not _TERMINAL.search(blocks[-1])
    return "\n\n".join(blocks) + "\n"


def read_pdf(path: Path) -> PdfText:
    size = path.stat().st_size
    if size > MAX_PDF_BYTES:
        raise PdfError(f"PDF is {size / 1e6:.1f} MB; the limit is {MAX_PDF_BYTES // (1024 * 1024)} MB")
    pages, title, with_images = page_lines(path)
    words = sum(len(line.text.split()) for lines in pages for line in lines)
    if words == 0:
        if with_images:
            raise PdfError("scanned PDF: no text layer, only images; run OCR first (e.g. ocrmypdf)")
        raise PdfError("PDF without any text")
    body = compose(strip_furniture(pages))
    empty = sum(1 for lines in pages if not lines)
    notice = (
        f"{empty} of {len(pages)} pages have no text layer (scanned?); they are left out" if empty else None
    )
    return PdfText(body, title, len(pages), notice)
