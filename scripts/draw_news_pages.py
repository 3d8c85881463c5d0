"""Draw fresh page sets of straight news for hand annotation (docs/annotation-brief.md), from the AllSides
crawl of Baly et al. (EMNLP 2020; `ramybaly/Article-Bias-Prediction`, 37,554 articles as JSON with their
newspaper3k text). The texts are their publishers': draw them outside the repository, never commit them.

    # fetch the corpus first (the workplace fetch tool, or git clone), then:
    .venv/bin/python scripts/draw_news_pages.py /work/.mirror/ramybaly+Article-Bias-Prediction/repo \\
        /work/data/news52 --seed 5201 --sets s85ab s86ab s87ab s88ab s89ab

Kept: straight-news outlets only, bodies of 1,500-6,000 characters with at least four said/says/told/
according, no 8-word run shared with any text file of this repository (so no page a test or a doc quotes),
one page per outlet in a set, no title twice. A page file is the title line, a blank line, then one
paragraph per newspaper3k paragraph. The draw is deterministic for a seed, a list of sets and the repository
text it reads (which decides the pool): `--at COMMIT` reads that commit's tree, so a later draw can rebuild an
earlier one exactly even after the repository has grown. `--after SEED=SET,SET` (repeatable) rebuilds an
earlier draw from the same pool and drops any page it gave (by id or title) from this one:

    .venv/bin/python scripts/draw_news_pages.py CORPUS /work/data/news65 --at cf08ec1 --seed 6501 \
        --sets s192ab s193ab s194ab s195ab s196ab s197ab --after 6301=s180ab,s181ab,… --after 6401=…
"""

from __future__ import annotations

import argparse
import json
import random
import re
import subprocess
import sys
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


def repository_grams(at: str | None = None) -> set[str]:
    """The 8-word runs of the repository's text files: the work tree's, or those of commit `at`."""
    git = ["git", "-C", str(_REPO)]
    listing = ["ls-tree", "-r", "--name-only", at] if at else ["ls-files"]
    listed = subprocess.run([*git, *listing], capture_output=True, text=True, check=True).stdout.split()
    files = [n for n in listed if Path(n).suffix in _TEXT]
    if at is None:
        texts = [(_REPO / n).read_bytes() for n in files if (_REPO / n).stat().st_size < 5_000_000]
    else:
        texts = _blobs([*git, "cat-file", "--batch"], [f"{at}:{n}" for n in files])
    out: set[str] = set()
    for raw in texts:
        if len(raw) < 5_000_000:
            out |= grams(raw.decode("utf-8", errors="ignore"))
    return out


def _blobs(command: list[str], names: list[str]) -> list[bytes]:
    """The objects `git cat-file --batch` gives for `names`, in order."""
    batch = subprocess.run(
        command, input="".join(f"{n}\n" for n in names).encode(), capture_output=True, check=True
    ).stdout
    out, at = [], 0
    while at < len(batch):
        header_end = batch.index(b"\n", at)
        size = int(batch[at:header_end].split()[2])
        out.append(batch[header_end + 1 : header_end + 1 + size])
        at = header_end + 1 + size + 1
    return out


def articles(git_dir: Path) -> list[dict]:
    """Every article JSON of the corpus, read from its git objects (a bare mirror has no work tree)."""
    names = subprocess.run(
        ["git", "--git-dir", str(git_dir), "ls-tree", "-r", "--name-only", "HEAD", "data/jsons"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout.split()
    command = ["git", "--git-dir", str(git_dir), "cat-file", "--batch"]
    return [json.loads(raw) for raw in _blobs(command, [f"HEAD:{n}" for n in names])]


def draw(pool: list[dict], seed: int, sets: list[str], pages: int) -> list[tuple[str, dict]]:
    """(set, article) pairs: the pool shuffled by `seed`, then each set filled with one page per outlet, no
    article or title twice."""
    shuffled = list(pool)
    random.Random(seed).shuffle(shuffled)
    used_ids: set[str] = set()
    used_titles: set[str] = set()
    out: list[tuple[str, dict]] = []
    for name in sets:
        outlets: set[str] = set()
        for d in shuffled:
            if d["ID"] in used_ids or d["source"] in outlets or d["title"].lower() in used_titles:
                continue
            outlets.add(d["source"])
            used_ids.add(d["ID"])
            used_titles.add(d["title"].lower())
            out.append((name, d))
            if len(outlets) == pages:
                break
    return out


def _earlier(spec: str) -> tuple[int, list[str]]:
    seed, _, sets = spec.partition("=")
    if not seed.isdigit() or not sets:
        raise argparse.ArgumentTypeError(f"expected SEED=SET,SET…, got {spec!r}")
    return int(seed), sets.split(",")


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("corpus", type=Path, help="the git directory of ramybaly/Article-Bias-Prediction")
    ap.add_argument("out", type=Path, help="the folder the sets are written into (outside the repository)")
    ap.add_argument("--seed", type=int, required=True)
    ap.add_argument("--sets", nargs="+", required=True, help="set names, in the order they are drawn")
    ap.add_argument("--pages", type=int, default=8, help="pages per set (one per outlet)")
    ap.add_argument("--at", help="read the repository's text at this commit (default: the work tree)")
    ap.add_argument(
        "--after", type=_earlier, action="append", default=[], help="an earlier draw, SEED=SET,SET…"
    )
    args = ap.parse_args()
    try:
        seen = repository_grams(args.at)
    except subprocess.CalledProcessError:
        print(f"draw_news_pages: error: no commit {args.at!r} in this repository", file=sys.stderr)
        return 2
    pool = [
        d
        for d in articles(args.corpus)
        if d["source"] in OUTLETS
        and 1500 <= len(d["content_original"] or "") <= 6000
        and len(_SPEECH.findall(d["content_original"])) >= 4
        and not grams(d["content_original"]) & seen
    ]
    print("pool", len(pool))
    earlier_ids: set[str] = set()
    earlier_titles: set[str] = set()
    for seed, sets in args.after:
        got = draw(pool, seed, sets, args.pages)
        earlier_ids |= {d["ID"] for _, d in got}
        earlier_titles |= {d["title"].lower() for _, d in got}
    for name, d in draw(pool, args.seed, args.sets, args.pages):
        if d["ID"] in earlier_ids or d["title"].lower() in earlier_titles:
            print("drop repeat", name, d["title"][:60])
            continue
        folder = args.out / name
        folder.mkdir(parents=True, exist_ok=True)
        paragraphs = [p.strip() for p in re.split(r"\n+", d["content_original"]) if p.strip()]
        slug = re.sub(r"[^a-z0-9]+", "_", d["source"].lower()).strip("_")[:12] + "_" + d["ID"][:6]
        (folder / f"{slug}.txt").write_text(d["title"].strip() + "\n\n" + "\n\n".join(paragraphs) + "\n")
        print(name, slug, d["source"], d["date"], d["url"][:90])
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
