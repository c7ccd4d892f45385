"""CSAT: top-2-box share and mean, Wilson and t intervals, the t distribution, bad input.

Hand-worked cases (arithmetic in comments) and the sample company's CSAT
against plain pandas.
"""

from __future__ import annotations

import importlib
import warnings

import numpy as np
import pandas as pd
import pytest
from hypothesis import given
from hypothesis import strategies as st

import cskit
from cskit.errors import CskitWarning, EmptyFrameError, InvalidParameterError, InvalidValueError

csat_module = importlib.import_module("cskit.metrics.csat")
stats_module = importlib.import_module("cskit._stats")  # intervals and tests (SciPy)
Z95 = 1.959963984540054


def answers(scores, month="2026-10-05", **columns) -> pd.DataFrame:
    frame = pd.DataFrame({"submitted_at": pd.to_datetime([month] * len(scores)), "score": scores})
    for name, values in columns.items():
        frame[name] = values
    return frame


def test_top_two_box_by_hand():
    # 10 answers: 5,5,5,4,4,4,4,4 satisfied (8), 3 and 1 not -> CSAT = 8/10 = 0.8.
    frame = answers([5, 5, 5, 4, 4, 4, 4, 4, 3, 1])
    assert frame.cs.csat(small_n=0, period=None) == pytest.approx(0.8)
    # Mean: (15 + 20 + 3 + 1) / 10 = 3.9.
    assert frame.cs.csat(stat="mean", small_n=0, period=None) == pytest.approx(3.9)


def test_wilson_interval_by_hand():
    # p = 0.8, n = 10, z = 1.96: z^2/n = 0.38415; denom = 1.38415;
    # centre = (0.8 + 0.19207) / 1.38415 = 0.71674;
    # half = 1.96 / 1.38415 * sqrt(0.016 + 0.0096037) = 1.41600 * 0.16001 = 0.22658
    # -> [0.4902, 0.9433].
    table = answers([5, 5, 5, 4, 4, 4, 4, 4, 3, 1]).cs.csat(period="M")
    row = table.iloc[0]
    assert row["ci_low"] == pytest.approx(0.4902, abs=1e-4)
    assert row["ci_high"] == pytest.approx(0.9433, abs=1e-4)
    assert row["se"] == pytest.approx(np.sqrt(0.8 * 0.2 / 10))
    # Wilson never leaves [0, 1], even at 10 of 10 (the Wald interval would be 1 +/- 0).
    low, high = stats_module.wilson_interval(10, 10)
    assert 0.69 < float(low) < 0.73 and float(high) == pytest.approx(1.0)


def test_mean_t_interval_by_hand():
    # Scores 5,5,5,4,4,4,4,4,3,1: mean 3.9; deviations^2 = 3*1.21 + 5*0.01 + 0.81 + 8.41
    # = 12.9; s^2 = 12.9/9 = 1.43333; s = 1.19722; se = s/sqrt(10) = 0.37859;
    # t(0.975, 9) = 2.262157 (table) -> 3.9 +/- 0.85643 = [3.0436, 4.7564].
    table = answers([5, 5, 5, 4, 4, 4, 4, 4, 3, 1]).cs.csat(period="M", stat="mean")
    row = table.iloc[0]
    assert row["sd"] == pytest.approx(np.sqrt(12.9 / 9))
    assert row["se"] == pytest.approx(0.37859, abs=1e-5)
    assert row["ci_low"] == pytest.approx(3.0436, abs=1e-4)
    assert row["ci_high"] == pytest.approx(4.7564, abs=1e-4)
    assert table.attrs["stat"] == "mean"


@pytest.mark.parametrize(
    ("prob", "df", "expected"),
    # Printed t tables.
    [(0.975, 1, 12.706), (0.975, 2, 4.303), (0.975, 9, 2.262), (0.975, 30, 2.042),
     (0.995, 5, 4.032), (0.95, 20, 1.725), (0.975, 1e6, 1.960)],
)
def test_t_quantile_matches_tables(prob, df, expected):
    assert float(stats_module.t_quantile(prob, df)) == pytest.approx(expected, abs=6e-4)


def test_t_pvalue_round_trip_and_known_values():
    # t = 1 with df = 1 (Cauchy): P(|T| >= 1) = 0.5 exactly.
    assert float(stats_module.t_pvalue(1.0, 1)) == pytest.approx(0.5, abs=1e-12)
    dfs = np.array([1.0, 2.5, 7.0, 40.0, 300.0])
    q = stats_module.t_quantile(0.975, dfs)
    np.testing.assert_allclose(stats_module.t_pvalue(q, dfs), 0.05, rtol=1e-8)
    assert float(stats_module.t_pvalue(0.0, 5)) == pytest.approx(1.0)


def test_other_scales_and_bands():
    # 1-10 scale, satisfied = 8-10: scores 10, 9, 8, 7, 2 -> 3 of 5 = 0.6.
    frame = answers([10, 9, 8, 7, 2])
    assert frame.cs.csat(scale=(1, 10), satisfied=(8, 10), small_n=0, period=None) == pytest.approx(0.6)
    # Top-1-box on 1-5: only 5s -> 1 of 5 in [5, 4, 4, 3, 2].
    assert answers([5, 4, 4, 3, 2]).cs.csat(satisfied=(5, 5), small_n=0, period=None) == pytest.approx(0.2)


def test_grouping_small_sample_flag_and_survey_column():
    frame = pd.concat(
        [
            answers([5] * 30 + [2] * 10, "2026-09-10", survey=["csat"] * 40),
            answers([4] * 5, "2026-10-10", survey=["csat"] * 5),
            answers([0, 10, 9], "2026-10-11", survey=["nps"] * 3),
        ],
        ignore_index=True,
    )
    table = frame.cs.csat(period="M")
    assert table.index.tolist() == [pd.Period("2026-09", "M"), pd.Period("2026-10", "M")]
    assert table["n"].tolist() == [40, 5]  # the NPS answers are not CSAT answers
    assert table["csat"].tolist() == [0.75, 1.0]
    assert table["small_sample"].tolist() == [False, True]
    with pytest.warns(CskitWarning, match="only 5 answer"):
        answers([4] * 5).cs.csat(period=None)


def test_by_segment():
    frame = answers([5, 4, 1, 2, 5], segment=["a", "a", "a", "b", "b"])
    table = frame.cs.csat(by="segment", small_n=0, period=None)
    # a: 5, 4, 1 -> 2/3; b: 2, 5 -> 1/2.
    assert table.loc["a", "csat"] == pytest.approx(2 / 3)
    assert table.loc["b", "csat"] == pytest.approx(1 / 2)


def test_bad_input_messages(unchanged):
    with pytest.raises(InvalidValueError, match=r"outside the scale 1–5: 7, 0.*scale=\(1, 7\)"):
        answers([5, 7, 0, 4]).cs.csat(period=None)
    with pytest.raises(InvalidValueError, match="not whole numbers: 4.5"):
        answers([5, 4.5]).cs.csat(period=None)
    with pytest.raises(InvalidParameterError, match="satisfied=.*inside the scale"):
        answers([5, 4]).cs.csat(satisfied=(4, 6), period=None)
    with pytest.raises(InvalidParameterError, match="stat='nps'"):
        answers([5, 4]).cs.csat(stat="nps", period=None)
    with pytest.raises(EmptyFrameError, match="survey='csat'"):
        answers([5], survey=["ces"]).cs.csat(period=None)
    with pytest.raises(cskit.errors.MissingColumnError, match="'score'"):
        pd.DataFrame({"x": [1]}).cs.csat(period=None)
    frame = answers([5, None, 4])
    with pytest.warns(CskitWarning, match="Dropped 1 row"):
        unchanged(cskit.metrics.csat, frame, small_n=0, period=None)


def test_sample_company_against_plain_pandas(company):
    surveys = company.surveys
    table = surveys.cs.csat(period="M")
    rows = surveys[surveys["survey"] == "csat"]
    month = rows["submitted_at"].dt.to_period("M")
    plain = rows.assign(sat=rows["score"] >= 4).groupby(month)["sat"].agg(["size", "mean"])
    np.testing.assert_array_equal(table["n"].to_numpy(), plain["size"].to_numpy())
    np.testing.assert_allclose(table["csat"].to_numpy(), plain["mean"].to_numpy())
    means = surveys.cs.csat(period="M", stat="mean")
    np.testing.assert_allclose(means["csat"].to_numpy(),
                               rows.groupby(month)["score"].mean().to_numpy())
    # The slow-support half of 2025 shows in CSAT: lower than the year before.
    by_half = rows.assign(sat=rows["score"] >= 4).groupby(month)["sat"].mean()
    slow = by_half[(by_half.index >= "2025-01") & (by_half.index <= "2025-06")].mean()
    assert slow < by_half[(by_half.index >= "2025-07")].mean()
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        assert surveys.cs.csat(period=None) == pytest.approx((rows["score"] >= 4).mean())


@given(st.lists(st.integers(1, 5), min_size=1, max_size=60),
       st.sampled_from(["top_box", "mean"]))
def test_value_inside_its_interval_and_shares_in_range(scores, method):
    row = answers(scores).cs.csat(period="M", stat=method).iloc[0]
    if method == "top_box":
        assert 0.0 <= row["ci_low"] <= row["csat"] <= row["ci_high"] <= 1.0
    elif len(scores) > 1 and row["sd"] > 0:
        assert row["ci_low"] < row["csat"] < row["ci_high"]
        assert row["csat"] == pytest.approx(sum(scores) / len(scores))
