#!/usr/bin/env python3
"""Check a speaker-attribution gold file (JSON lines) against its pages.

    .venv/bin/python scripts/check_gold.py GOLD.jsonl --root ROOT

Each line: {"article": "<set>/<file>.txt", "sentences": [{"text", "speaker", "names", "kind"}, ...]}.
Checks: valid JSON; exact keys; kind in quote/reported/narration; narration has speaker null and names [];
quote/reported have a non-empty speaker and a non-empty list of names starting with the speaker; every
sentence's text is found in the page in order, whitespace-insensitive (as score_news.py's `_locate` does);
no sentence runs across a paragraph break; and the sentences together cover all non-whitespace text of the
page (title included). Prints OK, or the problems and exits 1.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from pathlib import Path

KINDS = {"quote", "reported", "narration"}
PAGE_KEYS = {"article", "sentences"}
SENTENCE_KEYS = {"text", "speaker", "names", "kind"}
_SPACE = re.compile(r"\s+")
_PARA_BREAK = re.compile(r"\n[ \t\r\f\v]*\n")


def flatten(page: str) -> tuple[str, list[int]]:
    """The page without whitespace, and each kept character's offset in the page."""
    index = [i for i, c in enumerate(page) if not c.isspace()]
    return "".join(page[i] for i in index), index


def short(s: str, n: int = 70) -> str:
    s = _SPACE.sub(" ", s).strip()
    return s if len(s) <= n else s[: n - 1] + "…"


def check_sentence_fields(where: str, s, problems: list[str]) -> bool:
    """Key, kind and speaker/names checks. True if the text can be located."""
    if not isinstance(s, dict):
        problems.append(f"{where}: not an object")
        return False
    keys = set(s)
    if keys != SENTENCE_KEYS:
        missing, extra = SENTENCE_KEYS - keys, keys - SENTENCE_KEYS
        problems.append(
            f"{where}: keys wrong"
            + (f"; missing {sorted(missing)}" if missing else "")
            + (f"; unexpected {sorted(extra)}" if extra else "")
        )
    text, kind = s.get("text"), s.get("kind")
    speaker, names = s.get("speaker"), s.get("names")
    if kind not in KINDS:
        problems.append(f"{where}: kind {kind!r} is not one of quote/reported/narration")
    if kind == "narration":
        if speaker is not None:
            problems.append(f"{where}: narration with speaker {speaker!r} (must be null)")
        if names != []:
            problems.append(f"{where}: narration with names {names!r} (must be [])")
    elif kind in ("quote", "reported"):
        if not isinstance(speaker, str) or not speaker.strip():
            problems.append(f"{where}: {kind} needs a speaker name, got {speaker!r}")
        if (
            not isinstance(names, list)
            or not names
            or not all(isinstance(n, str) and n.strip() for n in names)
        ):
            problems.append(f"{where}: {kind} needs a non-empty list of non-empty names, got {names!r}")
        elif isinstance(speaker, str) and names[0].strip() != speaker.strip():
            problems.append(f"{where}: names must start with the speaker {speaker!r}, got {names[0]!r}")
        if isinstance(speaker, str) and speaker.strip().lower() in {
            "he",
            "she",
            "they",
            "it",
            "him",
            "her",
            "them",
            "we",
            "i",
            "you",
        }:
            problems.append(f"{where}: pronoun {speaker!r} as speaker (resolve it to a name)")
    if not isinstance(text, str) or not _SPACE.sub("", text):
        problems.append(f"{where}: text missing or empty")
        return False
    return True


def check_page(n: int, page, root: Path, seen: set[str], problems: list[str]) -> int:
    if not isinstance(page, dict):
        problems.append(f"line {n}: not a JSON object")
        return 0
    if set(page) != PAGE_KEYS:
        problems.append(f"line {n}: keys {sorted(page)} (want {sorted(PAGE_KEYS)})")
    article, sentences = page.get("article"), page.get("sentences")
    if not isinstance(article, str) or not re.fullmatch(r"[^/]+/[^/]+\.txt", article):
        problems.append(f"line {n}: article {article!r} is not '<set>/<file>.txt'")
        return 0
    tag = f"line {n} ({article})"
    if article in seen:
        problems.append(f"{tag}: page annotated twice")
    seen.add(article)
    path = root / article
    if not path.is_file():
        problems.append(f"{tag}: no such page {path}")
        return 0
    if not isinstance(sentences, list) or not sentences:
        problems.append(f"{tag}: sentences must be a non-empty list")
        return 0
    body = path.read_text(encoding="utf-8")
    flat, index = flatten(body)
    covered = [False] * len(flat)
    at = 0
    for i, s in enumerate(sentences):
        where = f"{tag} sentence {i + 1}"
        if not check_sentence_fields(where, s, problems):
            continue
        key = _SPACE.sub("", s["text"])
        j = flat.find(key, at)
        if j < 0:
            earlier = flat.find(key)
            why = (
                "found only earlier in the page (out of order or repeated)"
                if earlier >= 0
                else "not found in the page"
            )
            problems.append(f"{where}: text {why}: {short(s['text'])!r}")
            continue
        start, end = index[j], index[j + len(key) - 1] + 1
        if _PARA_BREAK.search(body[start:end]):
            problems.append(f"{where}: runs across a paragraph break: {short(s['text'])!r}")
        for k in range(j, j + len(key)):
            covered[k] = True
        at = j + len(key)
    # uncovered stretches of non-whitespace text
    k = 0
    while k < len(flat):
        if covered[k]:
            k += 1
            continue
        m = k
        while m < len(flat) and not covered[m]:
            m += 1
        stretch = body[index[k] : index[m - 1] + 1]
        line = body.count("\n", 0, index[k]) + 1
        problems.append(
            f"{tag}: page text not covered by any sentence (page line {line}): {short(stretch, 120)!r}"
        )
        k = m
    return len(sentences)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("gold", type=Path)
    ap.add_argument(
        "--root", type=Path, default=Path("/work/data/news52"), help="folder `article` paths are relative to"
    )
    args = ap.parse_args()
    problems: list[str] = []
    seen: set[str] = set()
    pages = sentences = 0
    try:
        lines = args.gold.read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError) as e:
        print(f"cannot read {args.gold}: {e}")
        return 1
    for n, line in enumerate(lines, 1):
        if not line.strip():
            continue
        try:
            page = json.loads(line)
        except json.JSONDecodeError as e:
            problems.append(f"line {n}: invalid JSON: {e}")
            continue
        pages += 1
        sentences += check_page(n, page, args.root, seen, problems)
    if not pages and not problems:
        problems.append("no pages in the file")
    if problems:
        print("\n".join(problems))
        print(f"{len(problems)} problem(s) in {pages} page(s), {sentences} sentence(s)")
        return 1
    print(f"OK: {pages} page(s), {sentences} sentence(s)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
