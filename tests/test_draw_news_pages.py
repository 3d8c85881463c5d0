"""scripts/draw_news_pages.py on a small corpus laid out as the AllSides repository is (a git repository with
data/jsons/*.json), written for the test and run as a real process."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

SCRIPT = Path(__file__).resolve().parent.parent / "scripts" / "draw_news_pages.py"
REPO = Path(__file__).resolve().parent.parent


def _body(seed: int) -> str:
    """A page body no file of the repository shares an 8-word run with: its numbers are made here."""
    lines = [
        f"Resident {seed * 100 + i} said ferry {seed * 1000 + 7 * i} stopped at pier {i} on day {seed + i}."
        for i in range(40)
    ]
    return "\n".join(lines)


def _quoted_from_repository() -> str:
    """A line of the README, which the draw must leave out wherever it appears."""
    return next(
        line
        for line in (REPO / "README.md").read_text(encoding="utf-8").splitlines()
        if len(line.split()) > 12
    )


def _article(i: int, source: str, body: str) -> dict:
    return {
        "ID": f"id{i:04d}xyz",
        "source": source,
        "title": f"Ferry story {i}",
        "date": "2019-01-01",
        "url": f"https://example.org/{i}",
        "content_original": body,
    }


def _corpus(root: Path) -> Path:
    jsons = root / "corpus" / "data" / "jsons"
    jsons.mkdir(parents=True)
    articles = [
        _article(1, "Reuters", _body(1)),
        _article(2, "Politico", _body(2)),
        _article(3, "Vox", _body(3)),  # not a straight-news outlet
        _article(4, "Reuters", "Too short, said the editor."),
        _article(5, "CNBC", _body(5) + "\n" + _quoted_from_repository()),  # a run the repository holds
    ]
    for a in articles:
        (jsons / f"{a['ID']}.json").write_text(json.dumps(a), encoding="utf-8")
    git = ["git", "-C", str(root / "corpus"), "-c", "user.email=t@t", "-c", "user.name=t"]
    subprocess.run([*git, "init", "-q"], check=True)
    subprocess.run([*git, "add", "."], check=True)
    subprocess.run([*git, "commit", "-q", "-m", "corpus"], check=True)
    return root / "corpus" / ".git"


def test_pages_of_straight_news_are_drawn_one_per_outlet(tmp_path):
    git_dir = _corpus(tmp_path)
    out = tmp_path / "pages"
    args = [sys.executable, str(SCRIPT), str(git_dir), str(out), "--seed", "1", "--sets", "a", "b"]
    done = subprocess.run(args, capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    drawn = sorted(p.name for p in out.rglob("*.txt"))
    # no Vox, no short page, nothing the repository quotes; each page once
    assert drawn == ["politico_id0002.txt", "reuters_id0001.txt"]
    page = next(out.rglob("reuters_id0001.txt")).read_text(encoding="utf-8")
    first, second = _body(1).splitlines()[:2]
    assert page.startswith(f"Ferry story 1\n\n{first}\n\n{second}\n\n")  # a paragraph per line


def _draw(git_dir: Path, out: Path, *extra: str) -> subprocess.CompletedProcess:
    args = [sys.executable, str(SCRIPT), str(git_dir), str(out), "--seed", "1", *extra]
    return subprocess.run(args, capture_output=True, text=True)


def test_an_earlier_draw_rebuilt_from_the_same_pool_gives_no_page_twice(tmp_path):
    git_dir = _corpus(tmp_path)
    first = _draw(git_dir, tmp_path / "first", "--sets", "a")
    assert first.returncode == 0, first.stderr
    earlier = sorted(p.name for p in (tmp_path / "first").rglob("*.txt"))
    assert len(earlier) == 2
    again = _draw(git_dir, tmp_path / "again", "--sets", "b", "--after", "1=a")
    assert again.returncode == 0, again.stderr
    assert not list(
        (tmp_path / "again").rglob("*.txt")
    )  # the same seed draws the same two pages: both dropped
    assert again.stdout.count("drop repeat") == 2


def test_the_repository_text_can_be_read_at_a_commit(tmp_path):
    git_dir = _corpus(tmp_path)
    at_head = _draw(git_dir, tmp_path / "head", "--sets", "a", "--at", "HEAD")
    assert at_head.returncode == 0, at_head.stderr
    # the README line in article 5 is in HEAD's tree too: that page stays out
    assert sorted(p.name for p in (tmp_path / "head").rglob("*.txt")) == [
        "politico_id0002.txt",
        "reuters_id0001.txt",
    ]
    missing = _draw(git_dir, tmp_path / "none", "--sets", "a", "--at", "no-such-commit")
    assert missing.returncode == 2
    assert missing.stderr.strip().count("\n") == 0 and "no-such-commit" in missing.stderr
