"""scripts/draw_news_pages.py on a small corpus laid out as the AllSides repository is (a git repository with
data/jsons/*.json), written for the test and run as a real process."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

SCRIPT = Path(__file__).resolve().parent.parent / "scripts" / "draw_news_pages.py"
BODY = (
    "The harbour board said on Monday that the winter ferry would stop running in {month}.\n"
    "Its chair told reporters the money had run out, and the mayor said she would ask the state for help.\n"
    "Residents of the island, who depend on the service, said they were told nothing in advance.\n"
    "According to the board, the ferry carried {n} passengers last year. "
) * 5


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
        _article(1, "Reuters", BODY.format(month="March", n="1,200")),
        _article(2, "Politico", BODY.format(month="April", n="3,400")),
        _article(3, "Vox", BODY.format(month="May", n="5,600")),  # not a straight-news outlet
        _article(4, "Reuters", "Too short, said the editor."),
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
    assert drawn == ["politico_id0002.txt", "reuters_id0001.txt"]  # no Vox, no short page, each once
    page = next(out.rglob("reuters_id0001.txt")).read_text(encoding="utf-8")
    assert page.startswith("Ferry story 1\n\nThe harbour board said on Monday")
    assert "\n\nIts chair told reporters" in page  # one paragraph per newspaper3k line
