"""Real PDFs for the tests and for bench/pdf_extract.py, typeset with reportlab.

A tiny typesetter: greedy line filling at a column width, long words hyphenated at line ends (so the PDF
really carries "inter-" / "national"), a running header and a page-number footer on every page, and one or
two columns. It knows the text it set, so tests compare extraction with the truth.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

PAGE_W, PAGE_H = 595.0, 842.0  # A4 in points
MARGIN = 56.0
FONT, SIZE, LEADING = "Helvetica", 10.5, 14.0


@dataclass(frozen=True)
class Page:
    paragraphs: tuple[str, ...]


def _wrap(text: str, width: float, hyphenate: bool) -> list[str]:
    from reportlab.pdfbase.pdfmetrics import stringWidth

    lines: list[str] = []
    line = ""
    for word in text.split():
        candidate = f"{line} {word}".strip()
        if stringWidth(candidate, FONT, SIZE) <= width:
            line = candidate
            continue
        if hyphenate and len(word) >= 9 and "-" not in word and word.isalpha():
            for cut in range(len(word) - 4, 3, -1):
                head = f"{line} {word[:cut]}-".strip()
                if stringWidth(head, FONT, SIZE) <= width:
                    lines.append(head)
                    line = word[cut:]
                    break
            else:
                lines.append(line)
                line = word
            continue
        if "-" in word and line:
            head, tail = word.split("-", 1)
            first = f"{line} {head}-".strip()
            if stringWidth(first, FONT, SIZE) <= width:
                lines.append(first)
                line = tail
                continue
        lines.append(line)
        line = word
    if line:
        lines.append(line)
    return lines


def write_pdf(
    path: Path,
    pages: list[Page],
    columns: int = 1,
    header: str | None = "Report of the Monitoring Team",
    footer: bool = True,
    title: str | None = None,
    hyphenate: bool = True,
    encrypt: str | None = None,
    interleave: bool = False,
) -> Path:
    """Typeset `pages` (each page's paragraphs start on that page) into a real PDF at `path`.

    `interleave` draws the columns' lines row by row across the page (as some layout programs and table
    exporters do), so the drawing order is not the reading order."""
    from reportlab.lib.pdfencrypt import StandardEncryption
    from reportlab.pdfgen.canvas import Canvas

    enc = StandardEncryption(encrypt, canPrint=0) if encrypt else None
    canvas = Canvas(str(path), pagesize=(PAGE_W, PAGE_H), encrypt=enc)
    if title:
        canvas.setTitle(title)
    gutter = 24.0
    col_w = (PAGE_W - 2 * MARGIN - gutter * (columns - 1)) / columns
    for number, page in enumerate(pages, 1):
        if header:
            canvas.setFont(FONT, 8)
            canvas.drawString(MARGIN, PAGE_H - 36, header)
        if footer:
            canvas.setFont(FONT, 8)
            canvas.drawCentredString(PAGE_W / 2, 30, f"Page {number} of {len(pages)}")
        canvas.setFont(FONT, SIZE)
        col, y = 0, PAGE_H - MARGIN - 20
        placed: list[tuple[float, float, str]] = []
        for para in page.paragraphs:
            for line in _wrap(para, col_w, hyphenate):
                if y < MARGIN + 20:
                    col, y = col + 1, PAGE_H - MARGIN - 20
                    if col >= columns:
                        raise ValueError("text does not fit on the page; give it fewer paragraphs")
                placed.append((MARGIN + col * (col_w + gutter), y, line))
                y -= LEADING
            y -= LEADING * 0.8  # the space between paragraphs
        if interleave:
            placed.sort(key=lambda item: (-item[1], item[0]))
        for x, y, line in placed:
            canvas.drawString(x, y, line)
        canvas.showPage()
    canvas.save()
    return path


def write_scanned_pdf(path: Path) -> Path:
    """A page that is only an image (what a scanner produces): no text layer at all."""
    import io
    import struct
    import zlib

    from reportlab.lib.utils import ImageReader
    from reportlab.pdfgen.canvas import Canvas

    w, h = 64, 32
    raw = b"".join(b"\0" + bytes([(x * 4 + y * 8) % 256 for x in range(w)]) for y in range(h))

    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    png = b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", w, h, 8, 0, 0, 0, 0))
    png += chunk(b"IDAT", zlib.compress(raw)) + chunk(b"IEND", b"")
    canvas = Canvas(str(path), pagesize=(PAGE_W, PAGE_H))
    canvas.drawImage(ImageReader(io.BytesIO(png)), MARGIN, MARGIN, PAGE_W - 2 * MARGIN, PAGE_H - 2 * MARGIN)
    canvas.showPage()
    canvas.save()
    return path


REPORT_PAGES = [
    Page(
        (
            "The Monitoring Team assessed the international situation along the northern border during "
            "the reporting period. Member States reported that recruitment networks remained active in "
            "three provinces, and that the group's financial resources had declined considerably.",
            "Ambassador Lena Okafor said the committee would publish its recommendations in March. "
            "\u201cThe sanctions regime has demonstrably reduced the flow of weapons,\u201d she said.",
        )
    ),
    Page(
        (
            "According to the report, approximately 4,000 fighters were present in the region at the end "
            "of the year, a well-known estimate that several delegations questioned during the "
            "consultations.",
            "The well-known estimate was revised after the consultations with neighbouring governments "
            "concluded in the autumn.",
        )
    ),
    Page(
        (
            "Professor Daniel Ivanov told the committee that cross-border smuggling of fuel had become "
            "the principal source of revenue. The committee recommended strengthening the monitoring of "
            "financial transactions and the exchange of information between intelligence services.",
        )
    ),
]
