"""`askisk attribute` run as the real command: JSON lines whose offsets slice back to the text."""

from __future__ import annotations

import json

from tests.conftest import run_cli

ARTICLE = (
    "Storm season\n\n"
    "The storm will hit the coast on Friday, forecaster Jane Doe said. The town has 3,000 residents.\n\n"
    "“We must prepare now,” she said. “Nobody here remembers a storm like this.”\n"
)


def _lines(stdout: str) -> list[dict]:
    return [json.loads(line) for line in stdout.splitlines()]


def test_attribute_file_json_offsets_and_speakers(tmp_path):
    path = tmp_path / "storm.txt"
    path.write_text(ARTICLE, encoding="utf-8")
    proc = run_cli("attribute", str(path), "--json")
    assert proc.returncode == 0, proc.stderr
    rows = _lines(proc.stdout)
    assert [r["position"] for r in rows] == list(range(len(rows)))
    for r in rows:
        assert ARTICLE[r["start"] : r["end"]] == r["text"]
        assert set(r) >= {
            "passage_id",
            "paragraph",
            "kind",
            "section",
            "speaker",
            "attribution",
            "cue",
            "role",
        }
        if r["mention"] is not None:
            m = r["mention"]
            assert ARTICLE[m["start"] : m["end"]] == m["text"]
    by_text = {r["text"]: r for r in rows}
    said = by_text["The storm will hit the coast on Friday, forecaster Jane Doe said."]
    assert said["speaker"] == "Jane Doe" and said["attribution"] == "reported"
    assert said["mention"]["text"] == "forecaster Jane Doe" or said["mention"]["text"] == "Jane Doe"
    assert said["role"] == "forecaster"
    assert by_text["The town has 3,000 residents."]["attribution"] == "narration"
    quote = by_text["“Nobody here remembers a storm like this.”"]
    assert quote["speaker"] == "Jane Doe" and quote["attribution"] == "quote"


def test_attribute_stdin_readable_and_json():
    proc = run_cli(
        "attribute", "-", "--json", stdin="Prices will rise, the central bank said in a statement.\n"
    )
    assert proc.returncode == 0, proc.stderr
    (row,) = _lines(proc.stdout)
    assert row["speaker"] and "bank" in row["speaker"].lower() and row["attribution"] == "reported"
    readable = run_cli("attribute", "-", stdin="Prices will rise, the central bank said in a statement.\n")
    assert readable.returncode == 0 and "(reported)" in readable.stdout


def test_attribute_bad_input_is_one_line(tmp_path):
    binary = tmp_path / "x.txt"
    binary.write_bytes(b"\x00\x01\x02" * 100)
    for arg in ("/nonexistent/file.txt", "https://example.com/a", str(binary)):
        proc = run_cli("attribute", arg)
        assert proc.returncode == 1, arg
        assert len(proc.stderr.strip().splitlines()) == 1 and "Traceback" not in proc.stderr


def test_attribute_mention_covers_the_qualified_name(tmp_path):
    text = (
        "The plan was approved on Monday.\n\n"
        "A spokesman for the city’s water department said the work would cost $5 million.\n\n"
        "Most of the residents said they would stay.\n"
    )
    path = tmp_path / "plan.txt"
    path.write_text(text, encoding="utf-8")
    proc = run_cli("attribute", str(path), "--json")
    assert proc.returncode == 0, proc.stderr
    by_speaker = {r["speaker"]: r["mention"] for r in _lines(proc.stdout) if r["speaker"]}
    spokesman = by_speaker["Spokesman for the city's water department"]
    assert spokesman["text"] == "A spokesman for the city’s water department"
    assert text[spokesman["start"] : spokesman["end"]] == spokesman["text"]
    assert by_speaker["Most of the residents"]["text"] == "Most of the residents"
