"""compare(): change of NPS, CSAT and CES between two periods, its interval and p-value."""

from __future__ import annotations

from statistics import NormalDist

import numpy as np
import pandas as pd
import pytest
from hypothesis import given
from hypothesis import strategies as st

import cskit
from cskit.errors import EmptyFrameError, InvalidParameterError

Z95 = NormalDist().inv_cdf(0.975)


def survey(kind: str, month: str, scores: list[int], **columns) -> pd.DataFrame:
    frame = pd.DataFrame(
        {"submitted_at": pd.to_datetime([f"{month}-10"] * len(scores)), "survey": kind,
         "score": scores}
    )
    for name, values in columns.items():
        frame[name] = values
    return frame


def test_nps_change_by_hand():
    # September: 100 promoters, 50 passives, 50 detractors of 200 -> NPS 25;
    # var = 0.5 + 0.25 - 0.25^2 = 0.6875, SE = sqrt(0.6875/200) = 5.8630 points.
    # October: 120 / 50 / 30 -> NPS 45; var = 0.6 + 0.15 - 0.45^2 = 0.5475, SE = 5.2321.
    # Change 20; SE = sqrt(5.8630^2 + 5.2321^2) = 7.8581; z = 2.5451 -> p = 0.01092;
    # 95 % interval 20 +/- 1.96 x 7.8581 = [4.598, 35.402].
    frame = pd.concat([survey("nps", "2026-09", [10] * 100 + [8] * 50 + [3] * 50),
                       survey("nps", "2026-10", [9] * 120 + [7] * 50 + [6] * 30)])
    row = frame.cs.compare("2026-09", "2026-10", kpi="nps").loc["nps"]
    assert (row["value_a"], row["value_b"], row["change"]) == (25.0, 45.0, 20.0)
    assert row["se"] == pytest.approx(7.8581, abs=1e-4)
    assert row["change_low"] == pytest.approx(4.598, abs=1e-3)
    assert row["change_high"] == pytest.approx(35.402, abs=1e-3)
    assert row["p_value"] == pytest.approx(0.01092, abs=1e-4)
    assert row["significant"] and not row["small_sample"]
    assert (row["n_a"], row["n_b"]) == (200, 200)


def test_catalogue_se_of_a_difference():
    # Both months 1/2, 1/3, 1/6 of 324: SE 4.141 each; SE of the difference
    # = sqrt(2) x 4.141 = 5.857 points; no change -> p = 1.
    scores = [10] * 162 + [8] * 108 + [2] * 54
    frame = pd.concat([survey("nps", "2026-09", scores), survey("nps", "2026-10", scores)])
    row = frame.cs.compare("2026-09", "2026-10", kpi="nps").loc["nps"]
    assert row["se"] == pytest.approx(np.sqrt(2) * 100 * np.sqrt((1 / 2 + 1 / 6 - 1 / 9) / 324))
    assert row["se"] == pytest.approx(5.857, abs=1e-3)
    assert row["p_value"] == pytest.approx(1.0)
    assert not row["significant"]


def test_csat_share_change_newcombe_by_hand():
    # September 30 of 50 satisfied (0.6): Wilson [0.46181, 0.72393];
    # October 40 of 50 (0.8): Wilson [0.66963, 0.88757].
    # Newcombe: low = 0.2 - sqrt((0.8 - 0.66963)^2 + (0.72393 - 0.6)^2) = 0.2 - 0.17988 = 0.02012;
    # high = 0.2 + sqrt((0.88757 - 0.8)^2 + (0.6 - 0.46181)^2) = 0.2 + 0.16360 = 0.36360.
    # Pooled z test: p = 0.7, SE0 = sqrt(0.21 x 2/50) = 0.091652, z = 2.1822 -> p = 0.0291.
    frame = pd.concat([survey("csat", "2026-09", [5] * 30 + [2] * 20),
                       survey("csat", "2026-10", [4] * 40 + [1] * 10)])
    row = frame.cs.compare("2026-09", "2026-10", kpi="csat").loc["csat"]
    assert row["change"] == pytest.approx(0.2)
    assert row["ci_low_a"] == pytest.approx(0.46181, abs=1e-4)
    assert row["ci_high_b"] == pytest.approx(0.88757, abs=1e-4)
    assert row["change_low"] == pytest.approx(0.02012, abs=2e-4)
    assert row["change_high"] == pytest.approx(0.36360, abs=2e-4)
    assert row["p_value"] == pytest.approx(0.0291, abs=2e-4)
    assert row["method"] == "top_box"


def test_mean_change_welch_by_hand():
    # a: 1..5 (mean 3, s^2 2.5, n 5); b: 2..7 (mean 4.5, s^2 3.5, n 6).
    # va = 0.5, vb = 0.58333; SE = sqrt(1.08333) = 1.04083;
    # df = 1.08333^2 / (0.5^2/4 + 0.58333^2/5) = 1.17361 / 0.130556 = 8.9894;
    # t = 1.5 / 1.04083 = 1.4412 -> p about 0.18 (t table, 9 df: 1.383 at 0.20, 1.833 at 0.10).
    frame = pd.concat([survey("ces", "2026-09", [1, 2, 3, 4, 5]),
                       survey("ces", "2026-10", [2, 3, 4, 5, 6, 7])])
    row = frame.cs.compare("2026-09", "2026-10", kpi="ces",
                           options={"ces": {"stat": "mean"}}).loc["ces"]
    assert row["change"] == pytest.approx(1.5)
    assert row["se"] == pytest.approx(1.04083, abs=1e-5)
    assert 0.10 < row["p_value"] < 0.20
    half = (row["change_high"] - row["change_low"]) / 2
    assert half / row["se"] == pytest.approx(2.2636, abs=2e-3)  # t(0.975, 8.99)
    assert row["small_sample"] and not row["significant"]


def test_all_three_kpis_segments_and_flags():
    frame = pd.concat([
        survey("nps", "2026-09", [10, 9, 2, 8] * 10, segment=["a", "b"] * 20),
        survey("nps", "2026-10", [10, 10, 9, 8] * 10, segment=["a", "b"] * 20),
        survey("csat", "2026-09", [5, 4, 3] * 12, segment=["a", "b", "a"] * 12),
        survey("csat", "2026-10", [5, 5, 3] * 12, segment=["a", "b", "a"] * 12),
    ])
    out = frame.cs.compare("2026-09", "2026-10")
    assert out.index.tolist() == ["nps", "csat"]  # no CES answers: left out
    assert out["small_sample"].tolist() == [False, False]
    by = frame.cs.compare(pd.Period("2026-09", "M"), "2026-10", by="segment")
    assert by.index.tolist() == [("nps", "a"), ("nps", "b"), ("csat", "a"), ("csat", "b")]
    # Segment b NPS: September answers 9 and 8 -> 20 x (9, 8) -> 50; October 10, 8 -> 50.
    assert by.loc[("nps", "b"), "change"] == pytest.approx(0.0)
    assert by["small_sample"].all()  # 20, 12 or 24 answers per segment and month


def test_quarters_and_bad_arguments():
    frame = pd.concat([survey("nps", "2026-06", [10, 2] * 20), survey("nps", "2026-08", [10] * 40)])
    out = frame.cs.compare("2026Q2", "2026Q3", kpi="nps", period="Q")
    assert out.loc["nps", "change"] == pytest.approx(100.0)
    with pytest.raises(InvalidParameterError, match="both 2026-09"):
        frame.cs.compare("2026-09", "2026-09")
    with pytest.raises(InvalidParameterError, match="not a period"):
        frame.cs.compare("September", "2026-10")
    with pytest.raises(InvalidParameterError, match="kpi="):
        frame.cs.compare("2026-06", "2026-08", kpi="churn")
    with pytest.raises(EmptyFrameError, match="no answers in 2020-01 or 2020-02"):
        frame.cs.compare("2020-01", "2020-02")
    with pytest.raises(EmptyFrameError, match="survey='csat'"):
        frame.cs.compare("2026-06", "2026-08", kpi="csat")


def test_sample_company_against_plain_pandas(company, unchanged):
    surveys = company.surveys
    out = unchanged(cskit.metrics.compare, surveys, "2026-09", "2026-10")
    nps = surveys[surveys["survey"] == "nps"]
    month = nps["submitted_at"].dt.to_period("M")
    plain = {}
    for m in ("2026-09", "2026-10"):
        s = nps.loc[month == pd.Period(m, "M"), "score"]
        p, d = (s >= 9).mean(), (s <= 6).mean()
        plain[m] = (100 * (p - d), 100 * np.sqrt((p + d - (p - d) ** 2) / len(s)), len(s))
    row = out.loc["nps"]
    assert row["change"] == pytest.approx(plain["2026-10"][0] - plain["2026-09"][0])
    assert row["se"] == pytest.approx(np.hypot(plain["2026-10"][1], plain["2026-09"][1]))
    assert (row["n_a"], row["n_b"]) == (plain["2026-09"][2], plain["2026-10"][2])
    stat = abs(row["change"]) / row["se"]
    assert row["p_value"] == pytest.approx(2 * (1 - NormalDist().cdf(stat)))
    assert set(out.index) == {"nps", "csat", "ces"}


@given(
    st.integers(0, 60), st.integers(0, 60), st.integers(1, 60),
    st.integers(0, 60), st.integers(0, 60), st.integers(1, 60),
)
def test_nps_interval_and_p_value_agree(pa, da, ra, pb, db, rb):
    scores_a = [10] * pa + [0] * da + [7] * ra
    scores_b = [10] * pb + [0] * db + [7] * rb
    frame = pd.concat([survey("nps", "2026-09", scores_a), survey("nps", "2026-10", scores_b)])
    row = frame.cs.compare("2026-09", "2026-10", kpi="nps").loc["nps"]
    assert 0.0 <= row["p_value"] <= 1.0
    assert row["change_low"] <= row["change"] <= row["change_high"]
    if row["se"] > 0 and abs(abs(row["change"]) - Z95 * row["se"]) > 1e-9:
        # The z test and the interval are the same calculation: significant <=> 0 outside.
        excludes_zero = row["change_low"] > 0 or row["change_high"] < 0
        assert bool(row["significant"]) == excludes_zero
