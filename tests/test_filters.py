"""Filters (--speaker, --source, --since, --until) on the seed plus a dated source of our own."""

from __future__ import annotations

import json

import pytest
from conftest import STORES, copy_for_store, run_cli, store_uri

from askisk.errors import InputError
from askisk.search.scope import Filters, date_range, source_in_range


@pytest.fixture(scope="module", params=STORES)
def sources_on_store(request, two_sources, tmp_path_factory):
    """conftest's `two_sources` (the seed plus a dated source with its own speaker) on each store:
    (kb, index, store URI). A copy of it, built for the store (its embeddings are reused: nothing is
    embedded again)."""
    base = tmp_path_factory.mktemp("two")
    uri = store_uri(request.param, base / "store")
    kb, index = copy_for_store(two_sources, base, uri)
    return kb, index, uri


def _ask(loc, *args):
    kb, index, uri = loc
    return run_cli("ask", "--json", "--kb", str(kb), "--index", str(index), *args, env={"ASKISK_STORE": uri})


def test_partial_dates_cover_their_whole_period():
    assert [str(d) for d in date_range("2024")] == ["2024-01-01", "2024-12-31"]
    assert [str(d) for d in date_range("2024-02")] == ["2024-02-01", "2024-02-29"]
    assert source_in_range("2024-05-14", "2024-05", "2024")
    assert not source_in_range("2024-05-14", "2024-06", None)
    assert not source_in_range(None, "2000", None)  # undated sources cannot be shown to be in range
    with pytest.raises(InputError, match="malformed"):
        date_range("14/05/2024")


def test_source_filter_limits_hits_to_that_source(sources_on_store):
    proc = _ask(sources_on_store, "--source", "border-report", "-k", "5", "How many crossings?")
    results = json.loads(proc.stdout)["results"]
    assert results and {r["source"]["id"] for r in results} == {"border-report"}
    both = json.loads(
        _ask(
            sources_on_store,
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


def test_date_filters_keep_dated_sources_in_range(sources_on_store):
    hits = json.loads(_ask(sources_on_store, "--since", "2024-01", "-k", "3", "border crossings").stdout)[
        "results"
    ]
    assert hits and all(h["source"]["id"] == "border-report" for h in hits)
    proc = _ask(sources_on_store, "--until", "2023", "border crossings")
    assert proc.returncode != 0
    assert "no passage matches the filters: until 2023" in proc.stderr
    assert "isk-central-asia" in proc.stderr  # says the undated source was left out


def test_speaker_filter_uses_the_new_sources_speakers(sources_on_store):
    proc = _ask(sources_on_store, "--speaker", "nazarova", "-k", "3", "crossings")
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
def test_bad_filters_are_one_clear_line(sources_on_store, args, message):
    proc = _ask(sources_on_store, *args, "question")
    assert proc.returncode != 0
    assert message in proc.stderr and "Traceback" not in proc.stderr
    assert len(proc.stderr.strip().splitlines()) == 1


def test_filters_describe_themselves():
    assert (
        Filters(speaker="x", sources=("a",), since="2020").describe() == "speaker 'x'; source a; since 2020"
    )
