"""scripts/check_gold.py, the checker annotators run on a news gold before it is scored: run as a real
process on a page and golds written for the test."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

SCRIPT = Path(__file__).resolve().parent.parent / "scripts" / "check_gold.py"
PAGE = (
    "Ferry service cut\n\n"
    'The council voted on Monday to end the winter ferry. "It is a sad day," Mayor Ann Reyes said.\n'
)
SENTENCES = [
    {"text": "Ferry service cut", "speaker": None, "names": [], "kind": "narration"},
    {
        "text": "The council voted on Monday to end the winter ferry.",
        "speaker": None,
        "names": [],
        "kind": "narration",
    },
    {
        "text": '"It is a sad day," Mayor Ann Reyes said.',
        "speaker": "Ann Reyes",
        "names": ["Ann Reyes", "Mayor Ann Reyes"],
        "kind": "quote",
    },
]


def _run(tmp_path: Path, sentences: list[dict]) -> subprocess.CompletedProcess:
    (tmp_path / "set1").mkdir(exist_ok=True)
    (tmp_path / "set1" / "page.txt").write_text(PAGE, encoding="utf-8")
    gold = tmp_path / "gold.jsonl"
    gold.write_text(json.dumps({"article": "set1/page.txt", "sentences": sentences}) + "\n", encoding="utf-8")
    return subprocess.run(
        [sys.executable, str(SCRIPT), str(gold), "--root", str(tmp_path)], capture_output=True, text=True
    )


def test_a_complete_gold_passes(tmp_path):
    done = _run(tmp_path, SENTENCES)
    assert done.returncode == 0, done.stdout
    assert done.stdout.startswith("OK: 1 page(s), 3 sentence(s)")


def test_a_skipped_sentence_a_bad_kind_and_a_speakerless_quote_are_each_reported(tmp_path):
    bad = [dict(SENTENCES[0]), dict(SENTENCES[2], kind="quoted"), dict(SENTENCES[2], speaker=None)]
    done = _run(tmp_path, bad)
    assert done.returncode == 1
    assert "not covered by any sentence" in done.stdout  # the council sentence left out
    assert "quoted" in done.stdout
    assert "needs a speaker" in done.stdout
