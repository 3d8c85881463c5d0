"""Compare PDF text extractors (pypdfium2, pypdf, pdfplumber) on PDFs typeset by tests/pdfgen.py.

For each library: milliseconds per page over a 60-page report, and how close its raw text of a one- and a
two-column document (drawn column by column, and row by row across the columns) is to the text that was
set (word sequence similarity, difflib ratio, after undoing the line-end hyphens the same way for all).
Last row: askisk's own pipeline (pypdfium2 + lines -> paragraphs, headers/footers dropped, hyphenation
undone) on the same files.

    .venv/bin/python bench/pdf_extract.py
"""

from __future__ import annotations

import difflib
import re
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests"))

from pdfgen import REPORT_PAGES, Page, write_pdf  # noqa: E402


def pypdfium2_text(path: Path) -> list[str]:
    import pypdfium2 as pdfium

    doc = pdfium.PdfDocument(str(path))
    try:
        return [page.get_textpage().get_text_range() for page in doc]
    finally:
        doc.close()


def pypdf_text(path: Path) -> list[str]:
    import pypdf

    return [page.extract_text() for page in pypdf.PdfReader(str(path)).pages]


def pdfplumber_text(path: Path) -> list[str]:
    import pdfplumber

    with pdfplumber.open(str(path)) as pdf:
        return [page.extract_text() or "" for page in pdf.pages]


def askisk_text(path: Path) -> list[str]:
    from askisk.sources.pdf import read_pdf

    return [read_pdf(path).body]


EXTRACTORS = {"pypdfium2": pypdfium2_text, "pypdf": pypdf_text, "pdfplumber": pdfplumber_text}


def words(text: str) -> list[str]:
    text = re.sub(r"<!-- page \d+ -->", " ", text)
    # every extractor gets the same help: line-end hyphens joined, and PDFium's own mark for them too
    text = re.sub(r"(\w)(?:-\s*\n|[\u00ad\x02\ufffe]\s*)\s*(\w)", r"\1\2", text)
    return re.findall(r"\w+", text.lower())


def similarity(got: list[str], truth: list[str]) -> float:
    return difflib.SequenceMatcher(None, got, truth, autojunk=False).ratio()


def main() -> None:
    paras = [p for page in REPORT_PAGES for p in page.paragraphs]
    truth_one = words(" ".join(paras))
    truth_two = words(" ".join(paras * 2))
    with tempfile.TemporaryDirectory() as tmp:
        one = write_pdf(Path(tmp) / "one.pdf", REPORT_PAGES, header=None, footer=False)
        two = write_pdf(Path(tmp) / "two.pdf", [Page(tuple(paras * 2))], columns=2, header=None, footer=False)
        mixed = write_pdf(
            Path(tmp) / "mixed.pdf",
            [Page(tuple(paras * 2))],
            columns=2,
            header=None,
            footer=False,
            interleave=True,
        )
        long = write_pdf(Path(tmp) / "long.pdf", REPORT_PAGES * 20)
        head = f"{'extractor':<22}{'ms/page (60 p.)':>16}{'1-column':>10}{'2-column':>10}"
        print(head + f"{'2-col drawn by rows':>21}")
        for name, fn in [*EXTRACTORS.items(), ("askisk (pypdfium2+)", askisk_text)]:
            fn(one)  # warm imports
            start = time.perf_counter()
            fn(long)
            ms = (time.perf_counter() - start) * 1000 / 60
            s1 = similarity(words(" ".join(fn(one))), truth_one)
            s2 = similarity(words(" ".join(fn(two))), truth_two)
            s3 = similarity(words(" ".join(fn(mixed))), truth_two)
            print(f"{name:<22}{ms:>16.1f}{s1:>10.3f}{s2:>10.3f}{s3:>21.3f}")


if __name__ == "__main__":
    main()
