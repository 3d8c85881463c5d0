"""The Climate-FEVER reader: the split rule, labels, and the kb it writes (which askisk then reads)."""

import json

import pytest

from askisk.errors import InputError
from askisk.evaluate import climate_fever as cf
from askisk.sources.kb import load_sources


def _row(cid: int, label: str, article: str, n: int) -> dict:
    return {
        "claim_id": str(cid),
        "claim": f"claim {cid}",
        "claim_label": label,
        "evidences": [
            {
                "evidence_id": f"{article}:{n}",
                "evidence_label": "SUPPORTS",
                "article": article,
                "evidence": f"Sentence {n} of {article}, with a comma.",
            },
            {
                "evidence_id": f"Shared, article:{n + 1}",
                "evidence_label": "NOT_ENOUGH_INFO",
                "article": "Shared, article",
                "evidence": f"Shared sentence {n + 1}.",
            },
        ],
    }


@pytest.fixture
def dataset(tmp_path):
    rows = [
        _row(0, "SUPPORTS", "Alpha", 3),
        _row(1, "REFUTES", "Beta", 1),
        _row(2, "DISPUTED", "Alpha", 1),
        _row(6, "NOT_ENOUGH_INFO", "Gamma", 2),
    ]
    path = tmp_path / "climate-fever.jsonl"
    path.write_text("\n".join(json.dumps(r) for r in rows) + "\n")
    return path


def test_splits_follow_the_parity_rule(dataset):
    assert [c.id for c in cf.load_claims(dataset, "even")] == [0, 2, 6]
    assert [c.id for c in cf.load_claims(dataset, "even-test")] == [0]
    assert [c.id for c in cf.load_claims(dataset, "even-dev")] == [2, 6]
    assert [c.id for c in cf.load_claims(dataset, "odd")] == [1]
    assert [c.label for c in cf.load_claims(dataset, "all")] == [
        "supported",
        "refuted",
        "disputed",
        "not_enough_info",
    ]


def test_kb_has_one_source_per_article_in_sentence_order(dataset, tmp_path):
    kb = tmp_path / "kb"
    assert cf.write_kb(cf.load_claims(dataset, "all"), kb) == 4
    sources = {s.title: s for s in load_sources(kb)}
    assert sorted(sources) == ["Alpha", "Beta", "Gamma", "Shared, article"]
    assert sources["Alpha"].body.strip().split("\n\n") == [
        "Sentence 1 of Alpha, with a comma.",
        "Sentence 3 of Alpha, with a comma.",
    ]
    assert sources["Shared, article"].id == "cf-shared-article"


def test_bad_file_and_split_are_one_line_errors(tmp_path, dataset):
    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"claim_id": "x"}\n')
    with pytest.raises(InputError, match="line 1 is not a Climate-FEVER claim"):
        cf.load_claims(bad, "even")
    with pytest.raises(InputError, match="unknown Climate-FEVER split"):
        cf.load_claims(dataset, "test")  # type: ignore[arg-type]


def test_dev_halves_split_even_dev_without_overlap():
    ids = range(0, 64)
    fit = {i for i in ids if cf.in_split(i, "even-dev-fit")}
    cal = {i for i in ids if cf.in_split(i, "even-dev-cal")}
    dev = {i for i in ids if cf.in_split(i, "even-dev")}
    assert fit | cal == dev and not fit & cal
    assert not any(cf.in_split(i, "even-test") for i in fit | cal)
    assert all(i % 2 == 0 for i in fit | cal)
