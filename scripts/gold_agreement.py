"""How far two annotators of the same news pages agree, under the rule `score_news.py` scores askisk by.

Each sentence of gold A is matched to the sentence of gold B that overlaps it most (character spans in
the body as `askisk attribute` reads it), and the two agree when their kinds agree and, for quote /
reported, a name of B's speaker has the head word of one of A's names (or the reverse). This is the
ceiling a program scored against one annotator can be expected to reach. With `--merged OUT` it writes
A's gold with `"agreed": true/false` on each sentence; `score_news.py` then also reports its accuracy on
the sentences both annotators label alike.

    .venv/bin/python scripts/gold_agreement.py A.jsonl B.jsonl --root DIR [--merged OUT] [-v]
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from score_news import _locate, _names_speaker, matched, pages  # noqa: E402


def _same(a: dict, b: dict) -> bool:
    if a["kind"] != b["kind"]:
        return False
    if a["kind"] == "narration":
        return True
    return any(_names_speaker(a["names"], n) for n in b["names"]) or any(
        _names_speaker(b["names"], n) for n in a["names"]
    )


def agreement(gold_a: Path, gold_b: Path, root: Path, verbose: bool) -> tuple[dict, list[dict]]:
    lines = gold_b.read_text(encoding="utf-8").splitlines()
    b_pages = {p["article"]: p for p in (json.loads(line) for line in lines if line.strip())}
    kinds: Counter[tuple[str, str]] = Counter()
    merged, agreed, total = [], 0, 0
    for page, source, spans in pages(gold_a, root):
        other = b_pages[page["article"]]
        other_spans = _locate(source.body, other["sentences"])
        out = dict(page, sentences=[])
        for sentence, span in zip(page["sentences"], spans, strict=True):
            if span is None:  # a headline the reader makes the title: not scored by score_news either
                out["sentences"].append(dict(sentence, agreed=None))
                continue
            best = matched(other, other_spans, *span)
            same = best is not None and _same(sentence, best)
            total += 1
            agreed += same
            kinds[(sentence["kind"], best["kind"] if best else "-")] += 1
            out["sentences"].append(dict(sentence, agreed=same))
            if verbose and not same:
                b = f"{best['speaker'] or '-'} ({best['kind']})" if best else "-"
                print(
                    f"{page['article']}: A={sentence['speaker'] or '-'} ({sentence['kind']}) B={b} | "
                    f"{sentence['text'][:100]}",
                    file=sys.stderr,
                )
        merged.append(out)
    labels = ("quote", "reported", "narration")
    n = sum(kinds.values())
    observed = sum(kinds[(k, k)] for k in labels) / n
    expected = sum(
        sum(kinds[(k, x)] for x in labels) * sum(kinds[(x, k)] for x in labels) for k in labels
    ) / (n * n)
    figures = {
        "sentences": total,
        "agreed": agreed,
        "agreement": round(agreed / total, 4),
        "kind_agreement": round(observed, 4),
        "kind_kappa": round((observed - expected) / (1 - expected), 4),
        "kinds_a_by_b": {f"{a}/{b}": c for (a, b), c in sorted(kinds.items())},
    }
    return figures, merged


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("gold_a", type=Path)
    ap.add_argument("gold_b", type=Path)
    ap.add_argument("--root", type=Path, required=True)
    ap.add_argument("--merged", type=Path, help="write A's gold with an `agreed` flag on each sentence")
    ap.add_argument("-v", "--verbose", action="store_true", help="each disagreement on stderr")
    args = ap.parse_args()
    figures, merged = agreement(args.gold_a, args.gold_b, args.root, args.verbose)
    if args.merged:
        args.merged.write_text("".join(json.dumps(p, ensure_ascii=False) + "\n" for p in merged), "utf-8")
    print(json.dumps(figures, indent=1))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
