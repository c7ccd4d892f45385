"""Net Promoter Score: classification, catalogue figures, intervals, grouping.

Hand-worked cases (arithmetic in comments) and the sample company's NPS
against plain value counts.
"""

from __future__ import annotations

import warnings
from statistics import NormalDist

import numpy as np
import pandas as pd
import pytest

import cskit
from cskit.errors import CskitWarning
from cskit.metrics.nps import nps_interval

COLUMNS = ["n", "promoters", "passives", "detractors", "nps", "se", "ci_low", "ci_high",
           "small_sample"]
Z95 = NormalDist().inv_cdf(0.975)  # 1.959964...


def answers(scores: list[float], month: str = "2026-10-05", **columns: list) -> pd.DataFrame:
    frame = pd.DataFrame({"submitted_at": pd.to_datetime([month] * len(scores)), "score": scores})
    for name, values in columns.items():
        frame[name] = values
    return frame


def test_catalogue_sixty_promoters_eight_detractors_is_52():
    # 50 answers: 30 promoters (9-10) = 60 %, 16 passives (7-8), 4 detractors (0-6) = 8 %.
    # NPS = 60 - 8 = 52.
    scores = [9] * 15 + [10] * 15 + [7] * 8 + [8] * 8 + [0, 3, 5, 6]
    assert answers(scores).cs.nps(period=None) == pytest.approx(52.0)


def test_band_edges():
    # 6 is a detractor, 7 and 8 are passives, 9 a promoter.
    table = answers([6, 7, 8, 9]).cs.nps(period="M")
    assert table.iloc[0][["n", "promoters", "passives", "detractors"]].tolist() == [4, 1, 2, 1]
    assert table.iloc[0]["nps"] == 0.0
    assert answers([0, 0]).cs.nps(period=None) == -100.0
    assert answers([10]).cs.nps(period=None) == 100.0


def test_catalogue_standard_error_n_324():
    # 1/2 promoters (162), 1/3 passives (108), 1/6 detractors (54), n = 324.
    # NPS = 50 - 16.67 = 33.33; var = p + d - (p - d)^2 = 1/2 + 1/6 - 1/9 = 0.5556;
    # SE = sqrt(0.5556 / 324) = 0.04141 -> 4.1 points.
    scores = [10] * 162 + [8] * 108 + [2] * 54
    table = answers(scores).cs.nps(period="M")
    row = table.iloc[0]
    assert row["nps"] == pytest.approx(100 / 3)
    assert row["se"] == pytest.approx(4.1, abs=0.05)
    assert row["se"] == pytest.approx(100 * np.sqrt((1 / 2 + 1 / 6 - 1 / 9) / 324))
    # Wald 95 %: 33.33 +/- 1.96 x 4.141 = 33.33 +/- 8.12 -> [25.2, 41.4].
    assert row["ci_low"] == pytest.approx(100 / 3 - Z95 * row["se"])
    assert row["ci_high"] == pytest.approx(100 / 3 + Z95 * row["se"])
    assert (round(row["ci_low"], 1), round(row["ci_high"], 1)) == (25.2, 41.4)
    # The helper gives the same from counts.
    se, low, high = nps_interval(162, 54, 324)
    assert float(se) == pytest.approx(row["se"])


def test_level_changes_the_width():
    scores = [10] * 162 + [8] * 108 + [2] * 54
    row = answers(scores).cs.nps(period="M", confidence=0.90).iloc[0]
    z90 = 1.6448536  # 95th percentile of the standard normal
    assert row["ci_high"] - row["nps"] == pytest.approx(z90 * row["se"], rel=1e-6)
    wide = answers(scores).cs.nps(period="M", confidence=0.99).iloc[0]
    assert wide["ci_high"] - wide["ci_low"] > row["ci_high"] - row["ci_low"]


def test_adjusted_wald_small_sample():
    # 6 promoters, 3 passives, 1 detractor (n = 10): NPS = 50 (raw, reported as is).
    # Adjusted: n' = 13, p' = 6.75 / 13, d' = 1.75 / 13, centre = 5 / 13 = 0.3846;
    # var = 8.5 / 13 - (5 / 13)^2 = 85.5 / 169 = 0.5059; SE = sqrt(0.5059 / 13) = 0.19727;
    # 95 %: 38.46 +/- 1.96 x 19.727 = [-0.20, 77.13].
    scores = [9, 10, 9, 10, 9, 10, 7, 8, 8, 4]
    row = answers(scores).cs.nps(period="M", interval="adjusted_wald").iloc[0]
    assert row["nps"] == 50.0
    assert row["se"] == pytest.approx(100 * np.sqrt(85.5 / 169 / 13))
    assert row["ci_low"] == pytest.approx(100 * 5 / 13 - Z95 * row["se"])
    assert (round(row["ci_low"], 2), round(row["ci_high"], 2)) == (-0.2, 77.13)
    wald = answers(scores).cs.nps(period="M").iloc[0]
    # Wald: p = .6, d = .1, var = .7 - .25 = .45, SE = sqrt(.045) = 21.21 points.
    assert wald["se"] == pytest.approx(100 * np.sqrt(0.045))


def test_interval_stays_on_the_scale():
    # All promoters: Wald has SE 0 ([100, 100]); adjusted Wald is wider but clipped at 100.
    wald = answers([10] * 5).cs.nps(period="M").iloc[0]
    assert (wald["se"], wald["ci_low"], wald["ci_high"]) == (0.0, 100.0, 100.0)
    adj = answers([10] * 5).cs.nps(period="M", interval="adjusted_wald").iloc[0]
    assert adj["ci_high"] == 100.0 and adj["ci_low"] < 100.0


def test_float_without_period_and_frames_with_period_or_by():
    frame = pd.concat(
        [
            answers([10, 10, 0], "2026-09-03", segment=["SMB", "Enterprise", "SMB"]),
            answers([8, 9], "2026-10-20", segment=["SMB", "SMB"]),
        ],
        ignore_index=True,
    )
    assert isinstance(frame.cs.nps(period=None), float)
    # All: 3 promoters, 1 detractor of 5 -> (3 - 1) / 5 = 40.
    assert frame.cs.nps(period=None) == pytest.approx(40.0)
    monthly = frame.cs.nps(period="M")
    assert isinstance(monthly.index, pd.PeriodIndex) and monthly.index.name == "period"
    assert monthly.columns.tolist() == COLUMNS
    # Sep: 2 P, 1 D of 3 -> 33.3; Oct: 1 P, 1 passive of 2 -> 50.
    np.testing.assert_allclose(monthly["nps"], [100 / 3, 50.0])
    # 3 and 2 answers: both months are below small_n=30; with small_n=3 only October is.
    assert monthly["small_sample"].tolist() == [True, True]
    assert frame.cs.nps(small_n=3)["small_sample"].tolist() == [False, True]
    # The default is one row per month: the same table as period="M".
    pd.testing.assert_frame_equal(frame.cs.nps(), monthly)
    assert monthly["n"].tolist() == [3, 2]
    by = frame.cs.nps(by="segment", period=None)
    assert by.index.name == "segment"
    # Enterprise: 1 P -> 100; SMB: 10, 0, 8, 9 -> (2 - 1) / 4 = 25.
    assert by.loc["Enterprise", "nps"] == 100.0 and by.loc["SMB", "nps"] == 25.0
    both = frame.cs.nps(period="Q", by="segment")
    assert both.index.names == ["period", "segment"]
    assert both.loc[(pd.Period("2026Q3"), "SMB"), "n"] == 2
    assert both.loc[(pd.Period("2026Q4"), "SMB"), "nps"] == 50.0


def test_survey_column_selects_nps_answers():
    frame = answers([10, 9, 2, 5, 1], survey=["nps", "nps", "nps", "csat", "csat"])
    # Only the 3 NPS answers: (2 - 1) / 3.
    assert frame.cs.nps(period=None) == pytest.approx(100 / 3)
    renamed = frame.assign(survey=frame["survey"].replace({"nps": "recommend"}))
    assert renamed.cs.nps(survey_name="recommend", period=None) == pytest.approx(100 / 3)
    # survey=None uses every row: 2 P, 3 D of 5 -> -20.
    assert frame.cs.nps(survey_col=None, period=None) == pytest.approx(-20.0)


def test_custom_columns_and_text_scores():
    frame = pd.DataFrame({"when": ["2026-10-01", "2026-11-02"], "likely": ["10", "3"]})
    table = frame.cs.nps(period="M", score_col="likely", submitted_col="when")
    assert table["nps"].tolist() == [100.0, -100.0]


def test_missing_scores_dropped_with_a_count():
    frame = answers([10.0, np.nan, 9.0, np.nan, 0.0])
    with pytest.warns(
        CskitWarning, match=r"Dropped 2 row\(s\) of the surveys frame with a missing 'score'"
    ):
        value = frame.cs.nps(period=None)
    # The 3 answers left: 2 P, 1 D -> 33.3.
    assert value == pytest.approx(100 / 3)
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        answers([10.0, 9.0]).cs.nps(period=None)  # nothing missing, nothing said


def test_repeated_index_labels():
    # Regression: frames glued with pd.concat (repeated index labels) raised a pandas
    # "cannot reindex on an axis with duplicate labels" error with period= or by=.
    part = answers([10, 0], segment=["a", "b"])
    part["submitted_at"] = pd.to_datetime(["2026-09-01", "2026-10-01"])
    frame = pd.concat([part, part])
    assert frame.index.tolist() == [0, 1, 0, 1]
    monthly = frame.cs.nps(period="M")
    assert monthly["n"].tolist() == [2, 2]
    assert monthly["nps"].tolist() == [100.0, -100.0]
    assert frame.cs.nps(by="segment", period=None)["nps"].to_dict() == {"a": 100.0, "b": -100.0}
    assert frame.cs.nps(period=None) == 0.0


def test_nps_on_sample_matches_value_counts(company):
    s = company.surveys
    nps_rows = s[s["survey"] == "nps"]
    band = pd.cut(nps_rows["score"], [-1, 6, 8, 10], labels=["detractors", "passives", "promoters"])
    counts = pd.crosstab(nps_rows["submitted_at"].dt.to_period("M"), band)
    n = counts.sum(axis=1)
    expected = (counts["promoters"] - counts["detractors"]) / n * 100
    got = s.cs.nps(period="M")
    assert got["n"].tolist() == n.tolist()
    assert got["promoters"].tolist() == counts["promoters"].tolist()
    assert got["detractors"].tolist() == counts["detractors"].tolist()
    np.testing.assert_allclose(got["nps"], expected, rtol=1e-12)
    # One number over all answers.
    shares = band.value_counts(normalize=True)
    assert s.cs.nps(period=None) == pytest.approx((shares["promoters"] - shares["detractors"]) * 100)
    # Per segment, after merging accounts.
    merged = s.merge(company.accounts[["account_id", "segment"]], on="account_id")
    seg = merged.cs.nps(by="segment", period=None)
    m = merged[merged["survey"] == "nps"]
    by_hand = m.groupby("segment")["score"].agg(lambda x: ((x >= 9).mean() - (x <= 6).mean()) * 100)
    np.testing.assert_allclose(seg["nps"], by_hand.loc[seg.index], rtol=1e-12)
    # The sample shows the slow-support dip: H1 2025 below H2 2024.
    half = s.cs.nps(period="Q")["nps"]
    assert half.loc["2025Q1":"2025Q2"].mean() < half.loc["2024Q3":"2024Q4"].mean()


def test_function_and_accessor_agree():
    frame = answers([10, 9, 2, 7])
    assert cskit.metrics.nps(frame, period=None) == frame.cs.nps(period=None) == 25.0
