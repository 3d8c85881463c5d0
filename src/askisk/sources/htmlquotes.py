"""Block quotations of an HTML page as Markdown block quotes ("> " before each line of the paragraph).

trafilatura's plain text drops the <blockquote> marking, so a quoted statement or blog post reads as the
author's narration. `mark_quotes` renders the same extracted tree again with every text node inside a
`quote` element wrapped in two sentinels; a line made only of wrapped text is a block-quote line. The
lines must come out exactly as trafilatura's plain text (sentinels removed); otherwise the plain text
is kept unmarked. Inline <q> quotations inside a paragraph leave that line unmarked (other text in it).
"""

from __future__ import annotations

import re
from copy import deepcopy

_OPEN, _CLOSE = "\u27ea\u27ea", "\u27eb\u27eb"  # printable (trafilatura keeps it), never in news text
_WRAPPED = re.compile(re.escape(_OPEN) + ".*?" + re.escape(_CLOSE), re.S)
QUOTE_PREFIX = "> "


def mark_quotes(body, plain_lines: list[str]) -> list[str]:
    """`plain_lines` (trafilatura's non-empty text lines) with "> " before the lines of block quotations."""
    if body is None or _OPEN in "".join(plain_lines) or not any(True for _ in body.iter("quote")):
        return plain_lines
    from trafilatura.utils import line_processing
    from trafilatura.xml import xmltotxt

    tree = deepcopy(body)
    for quote in tree.iter("quote"):
        for el in quote.iter():
            if el.text and el.text.strip():
                el.text = _OPEN + el.text.replace("\n", _CLOSE + "\n" + _OPEN) + _CLOSE
            if el is not quote and el.tail and el.tail.strip():
                el.tail = _OPEN + el.tail.replace("\n", _CLOSE + "\n" + _OPEN) + _CLOSE
    out: list[str] = []
    for line in xmltotxt(tree, include_formatting=False).split("\n"):
        clean = line_processing(line.replace(_OPEN, "").replace(_CLOSE, ""), True)
        if not clean or not clean.strip():
            continue
        quoted = _OPEN in line and not _WRAPPED.sub("", line).strip()
        out.append(QUOTE_PREFIX + clean.lstrip() if quoted else clean)
    if [line.removeprefix(QUOTE_PREFIX).strip() for line in out] != [line.strip() for line in plain_lines]:
        return plain_lines  # the marked rendering differs from the plain text: keep today's text
    return out
