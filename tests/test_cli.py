"""The `askisk ask` contract, run as a real subprocess on a real index, and every bad input."""

from __future__ import annotations

import json
import shutil

from conftest import SEED_KB, run_cli

HIT_FIELDS = {"rank", "score", "text", "speaker", "attribution", "source", "passage_id", "context"}


def _loc(kb, index) -> list[str]:
    return ["--kb", str(kb), "--index", str(index)]


def _one_error_line(proc) -> str:
    lines = [line for line in proc.stderr.splitlines() if line.strip()]
    assert "Traceback" not in proc.stderr
    assert len(lines) == 1, proc.stderr
    return lines[0]


def test_ask_json_contract(store_built):
    kb, index, uri = store_built
    question = "When was IS-K created?"
    proc = run_cli("--store", uri, "ask", "--json", "--top-k", "3", *_loc(kb, index), question)
    assert proc.returncode == 0, proc.stderr
    lines = proc.stdout.splitlines()
    assert len(lines) == 1
    obj = json.loads(lines[0])
    assert obj["query"] == "When was IS-K created?"
    assert len(obj["results"]) == 3
    for hit in obj["results"]:
        assert hit.keys() >= HIT_FIELDS
        assert hit["attribution"] in ("quote", "reported", "narration")
        assert {"id", "title", "path"} <= hit["source"].keys()
        assert hit["text"] in hit["context"]
    assert obj["results"][0]["text"].startswith("The group was created in January 2015")


def test_ask_reads_fifty_questions_from_stdin_in_one_process(seed_built):
    questions = [f"What happened in {month} 2021?" for month in ("May", "August")] * 25
    proc = run_cli("ask", "--json", "-k", "2", *_loc(*seed_built), "-", stdin="\n".join(questions) + "\n")
    assert proc.returncode == 0, proc.stderr
    answers = [json.loads(line) for line in proc.stdout.splitlines()]
    assert [a["query"] for a in answers] == questions
    assert all(len(a["results"]) == 2 for a in answers)


def test_readable_output_lists_rank_speaker_source_and_passage(seed_built):
    proc = run_cli(
        "ask", "-k", "2", *_loc(*seed_built), "How many people did the May 2021 Kabul bombing kill?"
    )
    assert proc.returncode == 0, proc.stderr
    assert "In May 2021, an IS-K bombing killed 90 in Kabul." in proc.stdout
    assert " 1. " in proc.stdout and "IS-K and Central Asia" in proc.stdout


def test_empty_question_is_one_clear_error(seed_built):
    proc = run_cli("ask", *_loc(*seed_built), "   ")
    assert proc.returncode != 0
    assert "empty" in _one_error_line(proc)


def test_huge_question_is_one_clear_error(seed_built):
    proc = run_cli("ask", *_loc(*seed_built), "x" * 100_000)
    assert proc.returncode != 0
    assert "limit" in _one_error_line(proc)


def test_missing_kb_is_one_clear_error(tmp_path):
    proc = run_cli("ask", *_loc(tmp_path / "nope", tmp_path / "index"), "question?")
    assert proc.returncode != 0
    assert "not found" in _one_error_line(proc)


def test_empty_kb_is_one_clear_error(tmp_path):
    (tmp_path / "kb").mkdir()
    proc = run_cli("ask", *_loc(tmp_path / "kb", tmp_path / "index"), "question?")
    assert proc.returncode != 0
    assert "no sources" in proc.stderr.splitlines()[-1]
    assert "Traceback" not in proc.stderr


def test_index_of_another_model_is_refused(store_copy):
    kb, index = store_copy
    build = index / "builds" / (index / "CURRENT").read_text().strip()
    manifest = json.loads((build / "manifest.json").read_text())
    manifest["model"], manifest["dimension"] = "other/model", 768
    (build / "manifest.json").write_text(json.dumps(manifest))
    proc = run_cli("ask", *_loc(kb, index), "When was IS-K created?")
    assert proc.returncode != 0
    line = _one_error_line(proc)
    assert "other/model" in line and "askisk index --full" in line


def test_truncated_index_file_is_refused_then_a_full_rebuild_fixes_it(seed_copy):
    kb, index = seed_copy
    build = index / "builds" / (index / "CURRENT").read_text().strip()
    data = (build / "dense.faiss").read_bytes()
    (build / "dense.faiss").write_bytes(data[: len(data) // 2])
    proc = run_cli("ask", *_loc(kb, index), "When was IS-K created?")
    assert proc.returncode != 0
    assert "damaged or truncated" in _one_error_line(proc)
    assert run_cli("index", "--full", *_loc(kb, index)).returncode == 0
    assert run_cli("ask", *_loc(kb, index), "When was IS-K created?").returncode == 0


def test_stale_index_is_rebuilt_and_said_on_stderr(store_copy):
    kb, index = store_copy
    extra = kb / "extra.md"
    extra.write_text(
        "---\nid: extra\ntitle: Extra\n---\nThe Zarafshan dam was finished in 1987 by the river authority.\n",
        encoding="utf-8",
    )
    proc = run_cli("ask", "--json", "-k", "1", *_loc(kb, index), "When was the Zarafshan dam finished?")
    assert proc.returncode == 0, proc.stderr
    assert "changed" in proc.stderr
    assert json.loads(proc.stdout)["results"][0]["source"]["id"] == "extra"


def test_missing_index_is_built_on_first_ask(store, tmp_path):
    shutil.copytree(SEED_KB, tmp_path / "kb", ignore=shutil.ignore_patterns("eval"))
    proc = run_cli(
        "ask", "--json", "-k", "1", *_loc(tmp_path / "kb", tmp_path / "index"), "When was IS-K created?"
    )
    assert proc.returncode == 0, proc.stderr
    assert "building the index" in proc.stderr
    assert (tmp_path / "index" / "CURRENT").exists()


def test_unknown_speaker_is_one_clear_error(seed_built):
    proc = run_cli("ask", "--speaker", "Nobody Atall", *_loc(*seed_built), "What happened?")
    assert proc.returncode != 0
    assert "no speaker matches" in _one_error_line(proc)


def test_bad_top_k_is_one_clear_error(seed_built):
    proc = run_cli("ask", "--top-k", "0", *_loc(*seed_built), "What happened?")
    assert proc.returncode != 0
    assert "--top-k" in _one_error_line(proc)


def test_each_quoted_argument_is_one_question_and_bare_words_are_joined(seed_built):
    proc = run_cli(
        "ask", "--json", "-k", "1", *_loc(*seed_built), "When was IS-K created?", "Who captured Orokzai?"
    )
    assert [json.loads(line)["query"] for line in proc.stdout.splitlines()] == [
        "When was IS-K created?",
        "Who captured Orokzai?",
    ]
    proc = run_cli("ask", "--json", "-k", "1", *_loc(*seed_built), "When", "was", "IS-K", "created?")
    assert [json.loads(line)["query"] for line in proc.stdout.splitlines()] == ["When was IS-K created?"]
