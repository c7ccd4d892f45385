"""CES: agree share (5–7 of 7) and mean, inverted scales, intervals, sample data."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from cskit.errors import InvalidValueError


def answers(scores, month="2026-10-05") -> pd.DataFrame:
    return pd.DataFrame({"submitted_at": pd.to_datetime([month] * len(scores)), "score": scores})


def test_agree_share_and_mean_by_hand():
    # 7, 6, 5, 5 agree (4 of 8); 4, 3, 2, 1 do not -> 0.5. Mean = 33 / 8 = 4.125.
    frame = answers([7, 6, 5, 5, 4, 3, 2, 1])
    assert frame.cs.ces(small_n=0, period=None) == pytest.approx(0.5)
    assert frame.cs.ces(stat="mean", small_n=0, period=None) == pytest.approx(4.125)


def test_inverted_scale_mirrors_answers():
    # On a survey where 1 = very easy, answers 1, 1, 2, 6 mirror to 7, 7, 6, 2:
    # 3 of 4 easy; mean 22 / 4 = 5.5 (higher = easier).
    frame = answers([1, 1, 2, 6])
    assert frame.cs.ces(inverted=True, small_n=0, period=None) == pytest.approx(0.75)
    assert frame.cs.ces(inverted=True, stat="mean", small_n=0, period=None) == pytest.approx(5.5)
    # Not inverted, the same answers read as hard: only the 6 agrees.
    assert frame.cs.ces(small_n=0, period=None) == pytest.approx(0.25)


def test_interval_columns_and_flag():
    # 20 easy of 40 -> 0.5; Wilson at n = 40: centre 0.5, half = 1.96/1.09604 *
    # sqrt(0.00625 + 0.0006002) = 1.78826 * 0.082766 = 0.14801 -> [0.3520, 0.6480].
    table = answers([6] * 20 + [3] * 20).cs.ces(period="M")
    row = table.iloc[0]
    assert (row["n"], row["easy"], row["ces"]) == (40, 20, 0.5)
    assert row["ci_low"] == pytest.approx(0.3520, abs=1e-4)
    assert row["ci_high"] == pytest.approx(0.6480, abs=1e-4)
    assert not row["small_sample"]


def test_scale_checked():
    with pytest.raises(InvalidValueError, match="outside the scale 1–7: 9"):
        answers([9, 5]).cs.ces(period=None)
    # A 1-5 effort survey is fine when the scale says so: 4, 5 agree of 4, 5, 1 -> 2/3.
    assert answers([4, 5, 1]).cs.ces(scale=(1, 5), agree=(4, 5), small_n=0, period=None) == pytest.approx(2 / 3)


def test_sample_company_against_plain_pandas(company):
    surveys = company.surveys
    rows = surveys[surveys["survey"] == "ces"]
    quarter = rows["submitted_at"].dt.to_period("Q")
    table = surveys.cs.ces(period="Q")
    plain = rows.assign(easy=rows["score"].between(5, 7)).groupby(quarter)["easy"].agg(
        ["size", "sum", "mean"]
    )
    np.testing.assert_array_equal(table["n"].to_numpy(), plain["size"].to_numpy())
    np.testing.assert_array_equal(table["easy"].to_numpy(), plain["sum"].to_numpy())
    np.testing.assert_allclose(table["ces"].to_numpy(), plain["mean"].to_numpy())
    assert (table["ci_low"] <= table["ces"]).all() and (table["ces"] <= table["ci_high"]).all()
    mean = surveys.cs.ces(stat="mean", small_n=0, period=None)
    assert mean == pytest.approx(rows["score"].mean())
