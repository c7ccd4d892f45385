"""Customer retention cost (both denominators), CAC, and the CRC vs CAC vs LTV table.

A small company worked by hand (arithmetic in the comments), then the sample company
against plain pandas.
"""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

import cskit
from cskit.errors import (
    CskitWarning,
    InvalidParameterError,
    InvalidValueError,
    MissingColumnError,
)

FEB, MAR = pd.Period("2026-02", "M"), pd.Period("2026-03", "M")


@pytest.fixture
def mrr(make_mrr):
    """a stays; b leaves in March; c skips February; d joins in Feb; e in March."""
    return make_mrr(
        {
            "a": {"2026-01": 100, "2026-02": 100, "2026-03": 100},
            "b": {"2026-01": 100, "2026-02": 100},
            "c": {"2026-01": 1000, "2026-03": 1000},
            "d": {"2026-02": 1000, "2026-03": 1000},
            "e": {"2026-03": 50},
        },
        segment={"a": "SMB", "b": "SMB", "c": "Ent", "d": "Ent", "e": "SMB"},
    )


@pytest.fixture
def costs():
    return pd.DataFrame(
        {
            "month": ["2026-01", "2026-01", "2026-02", "2026-02", "2026-02",
                      "2026-03", "2026-03", "2026-03"],
            "category": ["cs_salaries", "acquisition", "cs_salaries", "support", "acquisition",
                         "cs_salaries", "programs", "acquisition"],
            "amount": [300.0, 999.0, 300.0, 100.0, 400.0, 300.0, 50.0, 200.0],
        }
    )


def test_crc_both_denominators_over_the_common_span(mrr, costs, unchanged):
    # January is the mrr frame's first month: the span is February–March.
    # Spend: salaries 300 + 300, support 100, programs 50 = 750.
    # Served: a, b, c, d, e = 5 -> 150. Retained (active in January and in March): a, c -> 375.
    value = unchanged(cskit.metrics.retention_cost, costs, mrr=mrr, period=None)
    assert value == pytest.approx(150.0)
    assert costs.cs.retention_cost(mrr=mrr, period=None, denominator="retained") == 375.0
    # Only the categories asked for: salaries alone, 600 / 5
    assert costs.cs.retention_cost(mrr=mrr, period=None, categories=["cs_salaries"]) == 120.0


def test_crc_by_month(mrr, costs):
    table = costs.cs.retention_cost(mrr=mrr, period="M")
    assert table.columns.tolist() == ["spend", "served", "retained", "denominator", "retention_cost"]
    assert isinstance(table.index, pd.PeriodIndex) and table.index.tolist() == [FEB, MAR]
    # February: 400 over a, b, d (3); retained a, b (active in January and February)
    # March: 350 over a, c, d, e (4); retained a, d
    assert table["spend"].tolist() == [400.0, 350.0]
    assert table["served"].tolist() == [3, 4]
    assert table["retained"].tolist() == [2, 2]
    assert table["retention_cost"].tolist() == pytest.approx([400 / 3, 350 / 4])
    retained = costs.cs.retention_cost(mrr=mrr, period="M", denominator="retained")
    assert retained["retention_cost"].tolist() == pytest.approx([200.0, 175.0])
    assert retained["denominator"].tolist() == [2, 2]


def test_cac_counts_first_time_payers_only(mrr, costs, unchanged):
    # New: d (February), e (March); c's return in March is a reactivation.
    # January's 999 falls in the mrr frame's first month and is left out: 600 / 2
    assert unchanged(cskit.metrics.cac, costs, mrr=mrr, period=None) == 300.0
    table = costs.cs.cac(mrr=mrr, period="M")
    assert table.columns.tolist() == ["spend", "new_customers", "cac"]
    assert table["new_customers"].tolist() == [1, 1]
    assert table["cac"].tolist() == [400.0, 200.0]


def test_segments_share_spend_by_customers_or_by_mrr(mrr, costs):
    table = costs.cs.retention_cost(mrr=mrr, period="M", by="segment")
    assert table.index.names == ["period", "segment"]
    # customers: February SMB a, b (2 of 3) -> 266.67, Ent d -> 133.33: the same CRC
    feb = table.xs(FEB, level="period")
    assert feb["spend"].tolist() == pytest.approx([400 / 3, 800 / 3])  # Ent, SMB (sorted)
    assert feb["retention_cost"].tolist() == pytest.approx([400 / 3, 400 / 3])
    # mrr: February MRR Ent 1,000 of 1,200 -> 333.33 for d; SMB 66.67 over a, b
    by_mrr = costs.cs.retention_cost(mrr=mrr, period="M", by="segment", allocate="mrr")
    feb = by_mrr.xs(FEB, level="period")
    assert feb["retention_cost"].tolist() == pytest.approx([1000 / 3, 200 / 6])
    # the spend adds up either way
    assert by_mrr["spend"].sum() == pytest.approx(750.0)
    # CAC by segment: February's new customer d is Ent, March's e is SMB
    acq = costs.cs.cac(mrr=mrr, period="M", by="segment")
    assert acq.loc[(FEB, "Ent"), "cac"] == 400.0 and np.isnan(acq.loc[(FEB, "SMB"), "cac"])
    assert acq.loc[(MAR, "SMB"), "cac"] == 200.0


def test_costs_with_a_segment_column_go_to_their_segment(mrr, costs):
    tagged = pd.concat(
        [
            costs.assign(segment=None),
            pd.DataFrame({"month": ["2026-03"], "category": ["support"], "amount": [90.0],
                          "segment": ["Ent"]}),
        ],
        ignore_index=True,
    )
    table = tagged.cs.retention_cost(mrr=mrr, period="M", by="segment")
    # March: shared 350 over a, c, d, e (SMB a, e = 2; Ent c, d = 2) -> 175 each; Ent + 90
    march = table.xs(MAR, level="period")
    assert march["spend"].tolist() == pytest.approx([265.0, 175.0])
    with pytest.raises(InvalidValueError, match="segments the mrr frame does not: 'Mid'"):
        tagged.assign(segment="Mid").cs.retention_cost(mrr=mrr, by="segment", period="M")


def test_unit_economics_by_hand(mrr, costs):
    ue = costs.cs.unit_economics(mrr=mrr, period="M", window=1)
    assert ue.index.tolist() == [FEB, MAR]
    # February: CRC 400/3, CAC 400. ARPA (100 + 100 + 1000) / 3 = 400, churn 1/3 (c) ->
    # LTV 1,200, lifetime 3 months. Retention per customer-month 400 / 3; over the lifetime
    # 400: below LTV. CRC below CAC.
    feb = ue.loc[FEB]
    assert feb[["retention_cost", "cac", "arpa", "churn_rate", "ltv", "ltv_cac"]].tolist() == pytest.approx(
        [400 / 3, 400.0, 400.0, 1 / 3, 1200.0, 3.0]
    )
    assert feb[["retention_cost_per_month", "lifetime_months", "lifetime_retention_cost"]].tolist() \
        == pytest.approx([400 / 3, 3.0, 400.0])
    assert not feb["crc_above_cac"] and not feb["crc_above_ltv"] and not feb["flag"]
    # March: ARPA 2,150 / 4 = 537.5, churn 1/3 (b) -> 1,612.5; CRC 87.5, CAC 200
    mar = ue.loc[MAR]
    assert mar[["retention_cost", "cac", "ltv"]].tolist() == pytest.approx([87.5, 200.0, 1612.5])
    assert str(ue["flag"].dtype) == "boolean"


def test_unit_economics_flags(mrr, costs):
    # Make retention expensive: 6,000 of programmes in March.
    dear = pd.concat([costs, pd.DataFrame({"month": ["2026-03"], "category": ["programs"],
                                           "amount": [6000.0]})], ignore_index=True)
    ue = dear.cs.unit_economics(mrr=mrr, period="M", window=1)
    mar = ue.loc[MAR]
    # CRC 6,350 / 4 = 1,587.5 > CAC 200; per customer-month 1,587.5 * 3 months = 4,762.5 > LTV
    assert mar["crc_above_cac"] and mar["crc_above_ltv"] and mar["flag"]
    # compared period by period, 1,587.5 < LTV 1,612.5
    per_period = dear.cs.unit_economics(mrr=mrr, period="M", window=1, horizon="period")
    assert not per_period.loc[MAR, "crc_above_ltv"] and per_period.loc[MAR, "flag"]
    # No new customer -> no CAC -> that comparison is unknown, not False
    no_new = costs.cs.unit_economics(mrr=mrr.query("customer_id != 'e'"), period="M", window=1)
    assert no_new.loc[MAR, "crc_above_cac"] is pd.NA


def test_unit_economics_by_segment_and_span(mrr, costs):
    life = mrr.cs.ltv(window=2, by="segment", period="M")
    ue = costs.cs.unit_economics(mrr=mrr, period=None, by="segment", window=2)
    assert ue.index.name == "segment" and ue.index.tolist() == ["Ent", "SMB"]
    # LTV at March, the span's last month. Ent: churn 1/1 (c, Feb) and 0/1 (Mar) -> 0.5;
    # ARPA 1,000 -> 2,000. SMB: 0/2 and 1/2 -> 0.25; ARPA (100 + 50) / 2 = 75 -> 300
    assert ue["ltv"].tolist() == pytest.approx([2000.0, 300.0])
    np.testing.assert_allclose(ue["ltv"], life.xs(MAR, level="period")["ltv"])
    whole = costs.cs.unit_economics(mrr=mrr, period=None, window=2)
    assert whole.index.tolist() == ["2026-02/2026-03"]
    assert whole["retention_cost"].iloc[0] == 150.0 and whole["cac"].iloc[0] == 300.0


@pytest.mark.parametrize(
    ("kwargs", "error", "match"),
    [
        ({"mrr": None}, InvalidParameterError, "pass it as mrr="),
        ({"denominator": "active"}, InvalidParameterError, "denominator='active'"),
        ({"allocate": "seats"}, InvalidParameterError, "allocate='seats'"),
        ({"categories": "support"}, InvalidParameterError, "non-empty list"),
        ({"categories": ["csm"]}, InvalidParameterError, "None of the retention categories"),
        ({"period": "Y"}, InvalidParameterError, "No whole period='Y'"),
        ({"by": "region"}, MissingColumnError, "Column 'region' is missing from the mrr frame"),
        ({"category_col": "kind"}, MissingColumnError, "Column 'kind' is missing from the costs"),
    ],
)
def test_bad_input(mrr, costs, kwargs, error, match):
    args = {"mrr": mrr, "period": "M", **kwargs}
    with pytest.raises(error, match=match):
        costs.cs.retention_cost(**args)


def test_bad_input_elsewhere(mrr, costs):
    with pytest.raises(InvalidParameterError, match="horizon='forever'"):
        costs.cs.unit_economics(mrr=mrr, horizon="forever", period="Y")
    later = costs.assign(month="2027-01")
    with pytest.raises(InvalidParameterError, match="share no month"):
        later.cs.cac(mrr=mrr, period="Y")
    with pytest.raises(InvalidValueError, match="negative values: -5.0"):
        costs.assign(amount=-5.0).cs.cac(mrr=mrr, period=None)


def test_warnings(mrr, costs):
    with pytest.warns(CskitWarning, match=r"categories \['training'\] do not appear"):
        costs.cs.retention_cost(mrr=mrr, period=None, categories=["support", "training"])
    gap = costs[costs["month"] != "2026-02"]
    with pytest.warns(CskitWarning, match="no line in 1 month.*2026-02"):
        costs_gap = gap.cs.retention_cost(mrr=mrr, period="M")
    assert costs_gap.loc[FEB, "spend"] == 0.0


def test_sample_company_against_plain_pandas(company):
    mrr, costs = company.mrr, company.costs
    table = costs.cs.retention_cost(mrr=mrr, period="Y")  # years wholly inside both frames
    assert table.index.tolist() == [pd.Period("2024", "Y"), pd.Period("2025", "Y")]
    paying = mrr.groupby(["customer_id", "month"])["mrr"].sum()
    paying = paying[paying > 0].reset_index()
    y2025 = paying[paying["month"].dt.year == 2025]
    in_month = paying.groupby("month")["customer_id"].agg(set)
    retention = ["cs_salaries", "support", "programs", "training", "customer_marketing"]
    spent = costs[(costs["month"].dt.year == 2025) & costs["category"].isin(retention)]
    spend = spent["amount"].sum()
    served = y2025["customer_id"].nunique()
    retained = len(in_month[pd.Period("2024-12", "M")] & in_month[pd.Period("2025-12", "M")])
    row = table.loc[pd.Period("2025", "Y")]
    assert (row["served"], row["retained"]) == (served, retained)
    assert row["retention_cost"] == pytest.approx(spend / served, rel=1e-12)
    by_retained = costs.cs.retention_cost(mrr=mrr, denominator="retained", period="Y")
    assert by_retained.loc[pd.Period("2025", "Y"), "retention_cost"] == pytest.approx(spend / retained)
    # CAC 2025: acquisition spend over customers whose first paying month is in 2025
    first = paying.groupby("customer_id")["month"].min()
    new = int((first.dt.year == 2025).sum())
    acquisition = costs[(costs["month"].dt.year == 2025) & (costs["category"] == "acquisition")]
    cac = costs.cs.cac(mrr=mrr, period="Y").loc[pd.Period("2025", "Y")]
    assert cac["new_customers"] == new
    assert cac["cac"] == pytest.approx(acquisition["amount"].sum() / new, rel=1e-12)
    # unit economics: LTV of December 2025, lifetime cost = spend per customer-month × lifetime
    ue = costs.cs.unit_economics(mrr=mrr, period="Y").loc[pd.Period("2025", "Y")]
    dec = mrr.cs.ltv(period="M").loc[pd.Period("2025-12", "M")]
    assert ue["ltv"] == pytest.approx(dec["ltv"])
    customer_months = len(y2025)
    assert ue["lifetime_retention_cost"] == pytest.approx(
        spend / customer_months / dec["churn_rate"], rel=1e-12
    )
    assert ue["ltv_cac"] == pytest.approx(dec["ltv"] / cac["cac"])
