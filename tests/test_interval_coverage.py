"""Do 95 % intervals cover the true value about 95 % of the time? (simulation)

Each test draws 2,000 samples from a known population at once (NumPy, no loop
over samples), computes the intervals with cskit, and checks that the share
of intervals containing the true value lies in 93–97 %. With 2,000 samples
the simulation's own standard error is √(0.95 × 0.05 / 2000) ≈ 0.5 points,
so the band is about ±4 standard errors around 95 %.
"""

from __future__ import annotations

import importlib

import numpy as np
import pandas as pd

import cskit
from cskit.metrics.nps import nps_interval

SAMPLES = 2000
csat_module = importlib.import_module("cskit.metrics.csat")


def assert_covers(low: np.ndarray, high: np.ndarray, truth: float) -> float:
    covered = float(np.mean((low <= truth) & (truth <= high)))
    assert 0.93 <= covered <= 0.97, f"coverage {covered:.3f} outside 93–97 %"
    return covered


def test_nps_wald_interval_coverage():
    # Catalogue population: 1/2 promoters, 1/3 passives, 1/6 detractors -> NPS 33.33.
    rng = np.random.default_rng(11)
    counts = rng.multinomial(324, [1 / 2, 1 / 3, 1 / 6], size=SAMPLES)
    _, low, high = nps_interval(counts[:, 0], counts[:, 2], 324)
    assert_covers(low, high, 100 / 3)


def test_nps_adjusted_wald_coverage_small_samples():
    # n = 30 with a skewed population (70 % promoters, 10 % detractors -> NPS 60).
    rng = np.random.default_rng(12)
    counts = rng.multinomial(30, [0.7, 0.2, 0.1], size=SAMPLES)
    _, low, high = nps_interval(counts[:, 0], counts[:, 2], 30, interval="adjusted_wald")
    assert_covers(low, high, 60.0)


def test_nps_through_the_accessor():
    # 2,000 "segments" of 120 answers each, scored by surveys.cs.nps(by=..., period=None).
    rng = np.random.default_rng(13)
    n = 120
    scores = rng.choice([10, 8, 3], p=[0.45, 0.35, 0.20], size=SAMPLES * n)
    frame = pd.DataFrame({"score": scores, "sample": np.repeat(np.arange(SAMPLES), n)})
    table = frame.cs.nps(by="sample", period=None)
    assert len(table) == SAMPLES
    assert_covers(table["ci_low"].to_numpy(), table["ci_high"].to_numpy(), 25.0)


def test_csat_wilson_and_mean_t_interval_coverage():
    # 1-5 answers with P = 5 %, 5 %, 10 %, 40 %, 40 %: true top-2-box 0.80, mean 4.05.
    rng = np.random.default_rng(14)
    n = 60
    scores = rng.choice([1, 2, 3, 4, 5], p=[0.05, 0.05, 0.10, 0.40, 0.40], size=SAMPLES * n)
    frame = pd.DataFrame({"score": scores, "sample": np.repeat(np.arange(SAMPLES), n)})
    share = cskit.metrics.csat(frame, by="sample", survey_col=None, period=None)
    assert_covers(share["ci_low"].to_numpy(), share["ci_high"].to_numpy(), 0.80)
    mean = cskit.metrics.csat(frame, by="sample", survey_col=None, stat="mean", period=None)
    assert_covers(mean["ci_low"].to_numpy(), mean["ci_high"].to_numpy(), 4.05)


def test_wilson_small_n_extreme_share():
    # Where the textbook interval fails worst: n = 40, true share 0.9.
    rng = np.random.default_rng(15)
    k = rng.binomial(40, 0.9, size=SAMPLES)
    low, high = csat_module.wilson_interval(k, 40)
    assert_covers(low, high, 0.9)


def test_nps_difference_interval_coverage():
    # Two months from populations with NPS 30 and 40: does compare()'s rule
    # (SE of the difference = sqrt(SE_a^2 + SE_b^2)) cover the true change of 10?
    rng = np.random.default_rng(16)
    a = rng.multinomial(250, [0.5, 0.3, 0.2], size=SAMPLES)
    b = rng.multinomial(250, [0.55, 0.30, 0.15], size=SAMPLES)
    se_a, _, _ = nps_interval(a[:, 0], a[:, 2], 250)
    se_b, _, _ = nps_interval(b[:, 0], b[:, 2], 250)
    change = (b[:, 0] - b[:, 2] - a[:, 0] + a[:, 2]) / 250 * 100
    se = np.hypot(se_a, se_b)
    assert_covers(change - 1.959964 * se, change + 1.959964 * se, 10.0)
