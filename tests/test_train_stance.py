"""scripts/train_stance.py's BECEL readers (SNLI, its negational set, RTE) on files in BECEL's own TSV
format, the de-duplication and balancing of the NLI pairs, and the "not entails" loss RTE trains with."""

from __future__ import annotations

import importlib.util
import math
import random
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def ts():
    spec = importlib.util.spec_from_file_location("train_stance", ROOT / "scripts" / "train_stance.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def write(path: Path, rows: list[list[str]]) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("\n".join("\t".join(r) for r in rows) + "\n", encoding="utf-8")


@pytest.fixture
def becel(tmp_path):
    """A BECEL data folder in miniature: rows as in the real files (SNLI dev/test have no index column)."""
    head = ["premise", "hypothesis", "label"]
    write(tmp_path / "snli" / "validation.tsv", [head,
        ["Two women are embracing.", "Two women are hugging.", "0"],
        ["Two women are embracing.", "The sisters are saying goodbye.", "1"],
        ["Two women are embracing.", "The men are fighting.", "2"],
        ["A dog runs.", "A cat sleeps.", "-1"]])  # fmt: skip
    choir = ["A church choir sings.", "The church is filled with song.", "0"]
    write(tmp_path / "snli" / "test.tsv", [head, choir])
    write(tmp_path / "snli" / "negational.tsv", [
        ["index", "premise", "hypothesis", "label", "hypothesis_neg", "neg_label", "tag"],
        ["0", "A church choir sings.", "The church is filled with song.", "0",
         "The church is not filled with song.", "2", "not"]])  # fmt: skip
    rte = ["index", "label", "sentence1", "sentence2"]
    write(tmp_path / "rte" / "train.tsv", [rte,
        ["0", "1", "No weapons were found in Iraq yet.", "Weapons were found in Iraq."],
        ["1", "0", "Benedict XVI was installed as the new pope.", "Benedict XVI is the pope."]])  # fmt: skip
    write(tmp_path / "rte" / "validation.tsv", [rte, ["0", "0", "Reeve died at 44.", "Reeve is dead."]])
    write(tmp_path / "rte" / "negational.tsv", [
        ["index", "sentence1", "sentence2", "label", "sentence2_neg", "neg_label", "tag"],
        ["0", "A female journalist was freed.", "A journalist was freed.", "0",
         "A journalist was not freed.", "1", "not"]])  # fmt: skip
    return tmp_path


def test_snli_labels_and_sides(ts, becel):
    pairs = ts.becel_snli_pairs(becel, negational=False)
    assert pairs == [
        ("Two women are hugging.", "Two women are embracing.", ts.LABELS.index("entails")),
        ("The sisters are saying goodbye.", "Two women are embracing.", ts.LABELS.index("neutral")),
        ("The men are fighting.", "Two women are embracing.", ts.LABELS.index("contradicts")),
        ("The church is filled with song.", "A church choir sings.", ts.LABELS.index("entails")),
    ]  # the unlabelled (-1) row is dropped; the hypothesis is the claim, the premise the passage


def test_negational_pairs_are_added_once(ts, becel):
    pairs = ts.unique(ts.becel_snli_pairs(becel, negational=True))
    assert len(pairs) == 5  # the negational set's original pair repeats a test pair: counted once
    assert ("The church is not filled with song.", "A church choir sings.", 1) in pairs


def test_rte_is_entails_or_not(ts, becel):
    pairs = ts.unique(ts.becel_rte_pairs(becel))
    labels = {claim: y for claim, _, y in pairs}
    assert labels == {
        "Weapons were found in Iraq.": ts.NOT_ENTAILS,
        "Benedict XVI is the pope.": 0,
        "Reeve is dead.": 0,
        "A journalist was freed.": 0,
        "A journalist was not freed.": ts.NOT_ENTAILS,
    }


def test_balanced_takes_the_same_number_of_each_label(ts):
    pairs = [(f"c{i}", "p", i % 3) for i in range(30)] + [(f"n{i}", "p", 2) for i in range(20)]
    sample = ts.balanced(pairs, 9, random.Random(1))
    assert sorted(y for _, _, y in sample) == [0, 0, 0, 1, 1, 1, 2, 2, 2]
    assert len(set(sample)) == 9
    few = ts.balanced(pairs[:4], 30, random.Random(1))  # fewer than asked: all of them
    assert sorted(few) == sorted(pairs[:4])


def test_not_entails_loss_is_minus_log_of_not_entailing(ts):
    torch = pytest.importorskip("torch")
    logits = torch.tensor([[2.0, 0.5, -1.0], [0.1, 0.2, 0.3]])
    p = torch.softmax(logits, dim=1)
    loss = ts.stance_loss(logits, torch.tensor([ts.NOT_ENTAILS, ts.NOT_ENTAILS]))
    expected = -(torch.log(1 - p[0, 0]) + torch.log(1 - p[1, 0])) / 2
    assert float(loss) == pytest.approx(float(expected), rel=1e-5)
    # the three labels: plain cross-entropy
    targets = torch.tensor([1, 2])
    ce = torch.nn.functional.cross_entropy(logits, targets)
    assert float(ts.stance_loss(logits, targets)) == pytest.approx(float(ce), rel=1e-5)
    # a model sure of "entails" pays a lot for a not-entailing pair, one sure of "contradicts" little
    sure = ts.stance_loss(torch.tensor([[9.0, 0.0, 0.0]]), torch.tensor([ts.NOT_ENTAILS]))
    other = ts.stance_loss(torch.tensor([[0.0, 9.0, 0.0]]), torch.tensor([ts.NOT_ENTAILS]))
    assert float(sure) > 8.0 and float(other) < math.log(1.01)
