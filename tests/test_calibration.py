"""The arithmetic of trust, on inputs whose answers are known by hand: macro-F1, decisive precision and
coverage, ECE and its bins, the precision-coverage curve, the isotonic fit and its interpolation."""

from __future__ import annotations

import pytest

from askisk.evaluate import calibration as cal
from askisk.verify.aggregate import Settings, calibrate


def test_macro_f1_and_decisive_by_hand():
    gold = ["supported", "supported", "refuted", "not_enough_info"]
    pred = ["supported", "not_enough_info", "supported", "not_enough_info"]
    # supported: tp 1, fp 1, fn 1 -> 0.5; refuted: 0; nei: tp 1, fp 1 -> 2/3
    assert cal.macro_f1(gold, pred) == pytest.approx((0.5 + 0 + 2 / 3) / 3)
    precision, coverage = cal.decisive(gold, pred)
    assert (precision, coverage) == (0.5, 0.5)
    assert cal.decisive(gold, ["not_enough_info"] * 4) == (0.0, 0.0)


def test_ece_bins_and_perfect_calibration():
    conf = [0.95, 0.95, 0.15, 0.15, 0.15, 0.15]
    right = [True, False, False, False, False, True]
    bins = cal.reliability(conf, right)
    assert [(b.count, b.accuracy) for b in bins] == [(4, 0.25), (2, 0.5)]
    # |0.25 - 0.15| * 4/6 + |0.5 - 0.95| * 2/6
    assert cal.ece(conf, right) == pytest.approx(0.1 * 4 / 6 + 0.45 * 2 / 6)
    assert cal.ece([0.5, 0.5], [True, False]) == pytest.approx(0.0)
    assert cal.ece([1.0], [True]) == 0.0  # 1.0 falls in the last, closed bin
    assert cal.ece([], []) == 0.0


def test_precision_coverage_from_most_confident_down():
    gold = ["supported", "refuted", "supported", "refuted"]
    pred = ["supported", "supported", "not_enough_info", "refuted"]
    curve = cal.precision_coverage([0.9, 0.6, 0.99, 0.7], gold, pred)
    # abstention (0.99) is never counted; then 0.9 right, 0.7 right, 0.6 wrong
    assert curve == [(0.9, 0.25, 1.0), (0.7, 0.5, 1.0), (0.6, 0.75, pytest.approx(2 / 3))]


def test_isotonic_is_monotone_and_pools_violators():
    scores = [0.1, 0.2, 0.3, 0.4, 0.5, 0.6]
    right = [False, True, False, True, True, True]
    knots = cal.isotonic(scores, right)
    ys = [y for _, y in knots]
    assert ys == sorted(ys)
    assert knots[0] == (0.1, 0.0) and knots[-1][1] == 1.0
    assert (0.25, 0.5) in knots  # 0.2 (right) and 0.3 (wrong) violate order: pooled to their mean


def test_isotonic_min_block_and_prior_keep_small_ends_off_0_and_1():
    scores = [0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8]
    right = [False, False, True, False, True, True, True, True]
    plain = cal.isotonic(scores, right)
    assert plain[0][1] == 0.0 and plain[-1][1] == 1.0
    pooled = cal.isotonic(scores, right, min_block=3)
    assert all(y0 <= y1 for (_, y0), (_, y1) in zip(pooled, pooled[1:], strict=False))
    assert len(pooled) < len(plain)
    smooth = cal.isotonic(scores, right, min_block=3, prior=2.0)
    assert 0.0 < smooth[0][1] < 0.5 < smooth[-1][1] < 1.0  # shrunk towards the overall 5/8
    assert [x for x, _ in smooth] == [x for x, _ in pooled]


def test_calibrate_interpolates_and_clamps():
    knots = [(0.2, 0.1), (0.6, 0.5), (0.8, 0.9)]
    assert calibrate(0.1, knots) == 0.1
    assert calibrate(0.4, knots) == pytest.approx(0.3)
    assert calibrate(0.7, knots) == pytest.approx(0.7)
    assert calibrate(0.95, knots) == 0.9
    assert calibrate(0.42, []) == 0.42


def test_settings_round_trip():
    s = Settings(0.7, 0.65, 0.4, False, True, 1.0, {"supported": [(0.5, 0.6), (0.9, 0.95)]})
    assert Settings.from_json(s.to_json()) == s
