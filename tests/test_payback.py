"""CAC payback: CAC ÷ (monthly revenue per account × gross margin), worked by hand."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

import cskit  # noqa: F401  (registers df.cs)
from cskit.errors import CskitError
from cskit.metrics import cac_payback


def test_payback_by_hand():
    table = pd.DataFrame({"cac": [1_200.0, 600.0, np.nan], "arpa": [150.0, 50.0, 80.0]},
                         index=pd.Index(["a", "b", "c"], name="segment"))
    got = cac_payback(table, gross_margin=0.8)
    # a: 1,200 ÷ (150 × 0.8 = 120) = 10; b: 600 ÷ 40 = 15; c: no CAC, no payback
    assert got["monthly_gross_profit"].tolist()[:2] == [120.0, 40.0]
    assert got["payback_months"].iloc[:2].tolist() == [10.0, 15.0]
    assert np.isnan(got.loc["c", "payback_months"])
    assert got.index.equals(table.index)
    # without a margin: the payback on revenue, 1,200 ÷ 150 = 8 months
    assert table.cs.cac_payback().loc["a", "payback_months"] == 8.0


def test_zero_revenue_has_no_payback_and_the_input_is_untouched():
    table = pd.DataFrame({"cac": [500.0], "arpa": [0.0]})
    before = table.copy()
    assert np.isnan(cac_payback(table)["payback_months"].iloc[0])
    pd.testing.assert_frame_equal(table, before)


def test_other_column_names():
    table = pd.DataFrame({"acq": [300.0], "rev": [100.0]})
    assert cac_payback(table, cac_col="acq", arpa_col="rev")["payback_months"].iloc[0] == 3.0


@pytest.mark.parametrize("margin", [0, 1.5, "0.8", True])
def test_a_bad_margin_is_named(margin):
    with pytest.raises(CskitError, match="gross_margin"):
        cac_payback(pd.DataFrame({"cac": [1.0], "arpa": [1.0]}), gross_margin=margin)


def test_a_missing_column_is_named():
    with pytest.raises(CskitError, match="arpa"):
        cac_payback(pd.DataFrame({"cac": [1.0]}))


def test_on_the_sample_unit_economics():
    company = cskit.datasets.load_sample()
    ue = company.costs.cs.unit_economics(mrr=company.mrr, period="Y", gross_margin=0.8)
    got = ue.cs.cac_payback(gross_margin=0.8)
    row = ue.iloc[-1]
    assert got["payback_months"].iloc[-1] == pytest.approx(row["cac"] / (row["arpa"] * 0.8))
