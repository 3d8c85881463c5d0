"""Filters (--speaker, --source, --since, --until) on the seed plus a dated source of our own."""

from __future__ import annotations

import json

import pytest
from conftest import run_cli

from askisk.errors import InputError
from askisk.search.scope import Filters, date_range, source_in_range


def _ask(loc, *args):
    kb, index = loc
    return run_cli("ask", "--json", "--kb", str(kb), "--index", str(index), *args)


def test_partial_dates_cover_their_whole_period():
    assert [str(d) for d in date_range("2024")] == ["2024-01-01", "2024-12-31"]
    assert [str(d) for d in date_range("2024-02")] == ["2024-02-01", "2024-02-29"]
    assert source_in_range("2024-05-14", "2024-05", "2024")
    assert not source_in_range("2024-05-14", "2024-06", None)
    assert not source_in_range(None, "2000", None)  # undated sources cannot be shown to be in range
    with pytest.raises(InputError, match="malformed"):
        date_range("14/05/2024")


def test_source_filter_limits_hits_to_that_source(two_sources):
    proc = _ask(two_sources, "--source", "border-report", "-k", "5", "How many crossings?")
    results = json.loads(proc.stdout)["results"]
    assert results and {r["source"]["id"] for r in results} == {"border-report"}
    both = json.loads(
        _ask(
            two_sources,
            "-k",
            "10",
            "--source",
            "border-report",
            "--source",
            "isk-central-asia",
            "Tajikistan border",
        ).stdout
    )["results"]
    assert {r["source"]["id"] for r in both} == {"border-report", "isk-central-asia"}


def test_date_filters_keep_dated_sources_in_range(two_sources):
    hits = json.loads(_ask(two_sources, "--since", "2024-01", "-k", "3", "border crossings").stdout)[
        "results"
    ]
    assert hits and all(h["source"]["id"] == "border-report" for h in hits)
    proc = _ask(two_sources, "--until", "2023", "border crossings")
    assert proc.returncode != 0
    assert "no passage matches the filters: until 2023" in proc.stderr
    assert "isk-central-asia" in proc.stderr  # says the undated source was left out


def test_speaker_filter_uses_the_new_sources_speakers(two_sources):
    proc = _ask(two_sources, "--speaker", "nazarova", "-k", "3", "crossings")
    assert proc.returncode == 0, proc.stderr
    hits = json.loads(proc.stdout)["results"]
    assert hits and all("Farida Nazarova" in h["speaker"] for h in hits)
    assert {h["source"]["id"] for h in hits} == {"border-report"}


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--source", "nope"], "unknown source id nope"),
        (["--since", "2024-13"], "malformed --since date"),
        (["--since", "2025", "--until", "2024"], "is after --until"),
    ],
)
def test_bad_filters_are_one_clear_line(two_sources, args, message):
    proc = _ask(two_sources, *args, "question")
    assert proc.returncode != 0
    assert message in proc.stderr and "Traceback" not in proc.stderr
    assert len(proc.stderr.strip().splitlines()) == 1


def test_filters_describe_themselves():
    assert (
        Filters(speaker="x", sources=("a",), since="2020").describe() == "speaker 'x'; source a; since 2020"
    )
