"""Score `askisk attribute` against hand-annotated news pages (a gold JSON-lines file kept outside the repo).

Each gold line: {"article": "bbc/politics/348.txt", "sentences": [{"text", "speaker", "names", "kind"}]}, one
entry per sentence of the page as the annotator split it; `names` lists the names the speaker goes by
(canonical first), `kind` is quote / reported / narration. The page is read from ROOT/article exactly as
`askisk attribute FILE` reads it, and analysed by the same code (`speakers.annotate.attribute_source`).

Each passage askisk makes is matched to the gold sentence that overlaps it most (character offsets in the
analysed body). It is right when the kinds agree and, for quote/reported, the predicted speaker's head word
(its last word that is not a title or article) is the head word of one of the gold names. Gold sentences
that are not in the analysed body (a headline the reader turns into the title) are listed and not scored.
`right_but_described` counts right passages whose speaker is shown by a description the gold lists among
the names ("Search giant") rather than by the name the gold gives first ("Google").

    .venv/bin/python scripts/score_news.py /work/data/news-gold/gold.jsonl --root /work/data/bbc-news [-v]
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections import Counter
from pathlib import Path

from askisk.cli.attribute_cmd import _read
from askisk.evaluate.attribution import head_word, noun_head
from askisk.speakers.annotate import attribute_source

_SPACE = re.compile(r"\s+")


def _locate(body: str, sentences: list[dict]) -> list[tuple[int, int] | None]:
    """Character span of each gold sentence in the body (whitespace-insensitive, in order)."""
    flat, index = [], []
    for i, c in enumerate(body):
        if not c.isspace():
            flat.append(c)
            index.append(i)
    text = "".join(flat)
    out: list[tuple[int, int] | None] = []
    at = 0
    for s in sentences:
        key = _SPACE.sub("", s["text"])
        j = text.find(key, at)
        if j < 0 or not key:
            out.append(None)
            continue
        out.append((index[j], index[j + len(key) - 1] + 1))
        at = j + len(key)
    return out


# words that open a post-modifier: "people familiar with the talks", "two people briefed on …"
_POST = {"familiar", "briefed", "close", "with", "of", "on", "in", "at", "from", "for", "who", "that", "and"}
_POST |= {"here", "there"}  # "few managers here"


def _names_speaker(names: list[str], speaker: str) -> bool:
    """The speaker's head word is a gold name's, or the speaker is a gold name cut before its post-modifier
    ("Two people" for "two people briefed on the talks", "Businesses" for "businesses and residents")."""
    if head_word(speaker) in {head_word(n) for n in names}:
        return True
    if noun_head(speaker) in {noun_head(n) for n in names}:  # "Spokesman for X" / "the spokesman"
        return True
    said = speaker.lower().split()
    for name in names:
        words = name.lower().split()
        if words[: len(said)] == said and len(words) > len(said) and words[len(said)] in _POST:
            return True
    return False


def _right(gold: dict, speaker: str | None, kind: str) -> bool:
    if gold["kind"] == "narration":
        return kind == "narration"
    return kind == gold["kind"] and speaker is not None and _names_speaker(gold["names"], speaker)


def _category(gold: dict, speaker: str | None, kind: str) -> str:
    if gold["kind"] == "narration":
        return "false attribution"
    if kind == "narration":
        return "missed attribution"
    if speaker is None or not _names_speaker(gold["names"], speaker):
        return "wrong speaker"
    return f"wrong kind ({gold['kind']} read as {kind})"


def pages(gold_path: Path, root: Path):
    """(gold page, its source as `askisk attribute` reads it, each gold sentence's span in the body)."""
    for line in gold_path.read_text(encoding="utf-8").splitlines():
        if line.strip():
            page = json.loads(line)
            source = _read(str(root / page["article"]))
            yield page, source, _locate(source.body, page["sentences"])


def matched(page: dict, spans: list[tuple[int, int] | None], start: int, end: int) -> dict | None:
    """The gold sentence overlapping body[start:end] most, or None."""
    best, best_n = None, 0
    for g, sp in zip(page["sentences"], spans, strict=True):
        if sp is not None and min(sp[1], end) - max(sp[0], start) > best_n:
            best, best_n = g, min(sp[1], end) - max(sp[0], start)
    return best


def score(gold_path: Path, root: Path, verbose: bool, convention: str = "news") -> dict:
    rows, errors, unplaced = [], Counter(), []
    on_agreed: list[bool] = []  # right or not, on sentences both annotators label alike
    described = 0  # right, but shown by a description ("the search giant") rather than the gold's own name
    for page, source, spans in pages(gold_path, root):
        for sentence, span in zip(page["sentences"], spans, strict=True):
            if span is None:
                unplaced.append(f"{page['article']}: {sentence['text'][:60]}")
        for p in attribute_source(source, convention):
            best = matched(page, spans, p.start, p.end)
            if best is None:
                continue
            ok = _right(best, p.speaker, p.attribution)
            rows.append((page["article"], ok, best["kind"]))
            if best.get("agreed"):  # set in a gold merged by gold_agreement.py
                on_agreed.append(ok)
            if ok and best["kind"] != "narration":
                canonical = _names_speaker([best["speaker"]], p.speaker or "")
                described += not canonical
                if verbose and not canonical:
                    print(
                        f"{page['article']}#{p.position} described: {p.speaker} for {best['speaker']}",
                        file=sys.stderr,
                    )
            if not ok:
                errors[_category(best, p.speaker, p.attribution)] += 1
                if verbose:
                    print(
                        f"{page['article']}#{p.position} gold={best['speaker'] or '-'} ({best['kind']}) "
                        f"pred={p.speaker or '-'} ({p.attribution}; {p.cue}) | {p.text[:110]}",
                        file=sys.stderr,
                    )
    per_page = Counter(a for a, ok, _ in rows if ok)
    totals = Counter(a for a, _, _ in rows)
    attributed = [ok for _, ok, k in rows if k != "narration"]
    return {
        "pages": len(totals),
        "passages": len(rows),
        "right": sum(ok for _, ok, _ in rows),
        "accuracy": round(sum(ok for _, ok, _ in rows) / len(rows), 4) if rows else None,
        "accuracy_attributed": round(sum(attributed) / len(attributed), 4) if attributed else None,
        "right_but_described": described,
        **(
            {"agreed_passages": len(on_agreed), "accuracy_agreed": round(sum(on_agreed) / len(on_agreed), 4)}
            if on_agreed
            else {}
        ),
        "per_page": {a: f"{per_page[a]}/{n}" for a, n in totals.items()},
        "errors": dict(errors.most_common()),
        "gold_not_in_body": unplaced,
    }


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("gold", type=Path)
    ap.add_argument("--root", type=Path, required=True, help="the folder `article` paths are relative to")
    ap.add_argument("-v", "--verbose", action="store_true", help="each wrong passage on stderr")
    ap.add_argument(
        "--convention", choices=("news", "polnear"), default="news", help="see `askisk attribute`"
    )
    args = ap.parse_args()
    print(json.dumps(score(args.gold, args.root, args.verbose, args.convention), indent=1))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
