"""Draw fresh page sets of straight news for hand annotation (docs/annotation-brief.md), from the AllSides
crawl of Baly et al. (EMNLP 2020; `ramybaly/Article-Bias-Prediction`, 37,554 articles as JSON with their
newspaper3k text). The texts are their publishers': draw them outside the repository, never commit them.

    # fetch the corpus first (the workplace fetch tool, or git clone), then:
    .venv/bin/python scripts/draw_news_pages.py /work/.mirror/ramybaly+Article-Bias-Prediction/repo \\
        /work/data/news52 --seed 5201 --sets s85ab s86ab s87ab s88ab s89ab

Kept: straight-news outlets only, bodies of 1,500-6,000 characters with at least four said/says/told/
according, no 8-word run shared with any text file of this repository (so no page a test or a doc quotes),
one page per outlet in a set, no title twice. A page file is the title line, a blank line, then one
paragraph per newspaper3k paragraph. The draw is deterministic for a seed, a list of sets and the commit it
runs at (the repository's text decides which pages are left out; docs/attribution.md names each set's commit).
"""

from __future__ import annotations

import argparse
import json
import random
import re
import subprocess
from pathlib import Path

OUTLETS = frozenset(
    [
        "Reuters",
        "Associated Press",
        "NPR Online News",
        "USA TODAY",
        "New York Times - News",
        "Washington Times",
        "Fox Online News",
        "Politico",
        "BBC News",
        "The Guardian",
        "ABC News",
        "Wall Street Journal - News",
        "Bloomberg",
        "CBS News",
        "The Hill",
        "Christian Science Monitor",
        "CNBC",
        "Washington Post",
        "Al Jazeera",
        "Axios",
        "Chicago Sun-Times",
        "MarketWatch",
        "Fox News",
    ]
)
_WORD = re.compile(r"[a-z0-9']+")
_SPEECH = re.compile(r"\b(said|says|told|according)\b")
_REPO = Path(__file__).resolve().parent.parent
_TEXT = frozenset({".py", ".md", ".txt", ".jsonl", ".json", ".tsv"})


def grams(text: str, n: int = 8) -> set[str]:
    words = _WORD.findall(text.lower())
    return {" ".join(words[i : i + n]) for i in range(len(words) - n + 1)}


def repository_grams() -> set[str]:
    listed = subprocess.run(["git", "-C", str(_REPO), "ls-files"], capture_output=True, text=True)
    files = listed.stdout.split()
    out: set[str] = set()
    for name in files:
        path = _REPO / name
        if path.suffix in _TEXT and path.stat().st_size < 5_000_000:
            out |= grams(path.read_text(encoding="utf-8", errors="ignore"))
    return out


def articles(git_dir: Path) -> list[dict]:
    """Every article JSON of the corpus, read from its git objects (a bare mirror has no work tree)."""
    names = subprocess.run(
        ["git", "--git-dir", str(git_dir), "ls-tree", "-r", "--name-only", "HEAD", "data/jsons"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout.split()
    batch = subprocess.run(
        ["git", "--git-dir", str(git_dir), "cat-file", "--batch"],
        input="".join(f"HEAD:{n}\n" for n in names).encode(),
        capture_output=True,
        check=True,
    ).stdout
    out, at = [], 0
    while at < len(batch):
        header_end = batch.index(b"\n", at)
        size = int(batch[at:header_end].split()[2])
        out.append(json.loads(batch[header_end + 1 : header_end + 1 + size]))
        at = header_end + 1 + size + 1
    return out


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("corpus", type=Path, help="the git directory of ramybaly/Article-Bias-Prediction")
    ap.add_argument("out", type=Path, help="the folder the sets are written into (outside the repository)")
    ap.add_argument("--seed", type=int, required=True)
    ap.add_argument("--sets", nargs="+", required=True, help="set names, in the order they are drawn")
    ap.add_argument("--pages", type=int, default=8, help="pages per set (one per outlet)")
    args = ap.parse_args()
    seen = repository_grams()
    pool = [
        d
        for d in articles(args.corpus)
        if d["source"] in OUTLETS
        and 1500 <= len(d["content_original"] or "") <= 6000
        and len(_SPEECH.findall(d["content_original"])) >= 4
        and not grams(d["content_original"]) & seen
    ]
    random.Random(args.seed).shuffle(pool)
    used_ids: set[str] = set()
    used_titles: set[str] = set()
    for name in args.sets:
        outlets: set[str] = set()
        folder = args.out / name
        folder.mkdir(parents=True, exist_ok=True)
        for d in pool:
            if d["ID"] in used_ids or d["source"] in outlets or d["title"].lower() in used_titles:
                continue
            outlets.add(d["source"])
            used_ids.add(d["ID"])
            used_titles.add(d["title"].lower())
            paragraphs = [p.strip() for p in re.split(r"\n+", d["content_original"]) if p.strip()]
            slug = re.sub(r"[^a-z0-9]+", "_", d["source"].lower()).strip("_")[:12] + "_" + d["ID"][:6]
            (folder / f"{slug}.txt").write_text(d["title"].strip() + "\n\n" + "\n\n".join(paragraphs) + "\n")
            print(name, slug, d["source"], d["date"], d["url"][:90])
            if len(outlets) == args.pages:
                break
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
