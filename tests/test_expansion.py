"""Upsell rate, cross-sell rate and churn after an upsell.

Hand-worked cases (arithmetic in the comments), plain-pandas computations on
the sample company, and hypothesis properties (rates in [0, 1]).
"""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest
from hypothesis import given
from hypothesis import strategies as st

import cskit
from cskit.errors import InvalidParameterError, InvalidValueError, MissingColumnError
from cskit.metrics import cross_sell_rate, post_upsell_churn, upsell_rate


def lines(rows: list[tuple]) -> pd.DataFrame:
    """An mrr frame from (customer, month, mrr, plan, product) tuples."""
    frame = pd.DataFrame(rows, columns=["customer_id", "month", "mrr", "plan", "product"])
    frame["month"] = pd.PeriodIndex(frame["month"], freq="M")
    frame["mrr"] = frame["mrr"].astype(float)
    return frame


# Five accounts, January to March (core product unless said otherwise):
# a: starter 10 -> growth 30 in Feb (upgrade, +20), growth 30 in Mar.
# b: growth 30 -> starter 40 in Feb (a plan change to a *lower* plan with a price rise),
#    then leaves.
# c: starter 10 all along; adds the insights add-on (5) in March (cross-sell).
# d: new in February on scale 50; adds insights (5) in March: a cross-sell too.
# e: starter 10 -> starter 12 in Feb (more seats: expansion, no plan change).
HAND = lines([
    ("a", "2026-01", 10, "starter", "core"), ("a", "2026-02", 30, "growth", "core"),
    ("a", "2026-03", 30, "growth", "core"),
    ("b", "2026-01", 30, "growth", "core"), ("b", "2026-02", 40, "starter", "core"),
    ("c", "2026-01", 10, "starter", "core"), ("c", "2026-02", 10, "starter", "core"),
    ("c", "2026-03", 10, "starter", "core"), ("c", "2026-03", 5, "starter", "insights"),
    ("d", "2026-02", 50, "scale", "core"), ("d", "2026-03", 50, "scale", "core"),
    ("d", "2026-03", 5, "scale", "insights"),
    ("e", "2026-01", 10, "starter", "core"), ("e", "2026-02", 12, "starter", "core"),
    ("e", "2026-03", 12, "starter", "core"),
])
ORDER = ["starter", "growth", "scale"]


def test_upsell_rate_by_hand():
    # February: 5 active accounts (a, b, c, d, e).
    # Without plan_order a plan change that raises MRR is an upgrade: a and b -> 2 / 5.
    feb = HAND.cs.upsell_rate().loc["2026-02"]
    assert feb[["accounts", "upsold"]].tolist() == [5, 2]
    assert feb["upsell_rate"] == pytest.approx(0.4)
    assert feb[["numerator", "denominator"]].tolist() == [2, 5]
    assert feb["upsell_mrr"] == pytest.approx(30.0)  # +20 (a) + 10 (b)
    # With the plan order, b moved down: only a -> 1 / 5.
    assert HAND.cs.upsell_rate(plan_order=ORDER).loc["2026-02", "upsold"] == 1
    # Any increase of an existing line: a, b and e (more seats) -> 3 / 5.
    assert HAND.cs.upsell_rate(upgrade="expansion").loc["2026-02", "upsell_rate"] == 0.6
    # "start": accounts paying in January (a, b, c, e): a and b upsold -> 2 / 4.
    assert HAND.cs.upsell_rate(denominator="start").loc["2026-02", "upsell_rate"] == 0.5
    # March: nobody upsold; 4 active accounts (a, c, d, e).
    assert upsell_rate(HAND, period=None) == 0.0
    # January is the data's first month: nothing to compare with, not reported.
    assert [str(p) for p in HAND.cs.upsell_rate().index] == ["2026-02", "2026-03"]


def test_cross_sell_rate_by_hand():
    # March: active a, c, d, e = 4. c and d added insights while paying in February -> 2 / 4.
    mar = HAND.cs.cross_sell_rate().loc["2026-03"]
    assert mar[["accounts", "cross_sold"]].tolist() == [4, 2]
    assert mar[["numerator", "denominator"]].tolist() == [2, 4]
    assert mar["cross_sell_mrr"] == 10.0
    # d's first products in February are new business, not a cross-sell.
    assert HAND.cs.cross_sell_rate().loc["2026-02", "cross_sold"] == 0
    # "start" (paying in February: a, b, c, d, e): c and d -> 2 / 5
    assert cross_sell_rate(HAND, period=None, denominator="start") == 0.4


def test_a_returning_product_line_is_a_cross_sell_again():
    frame = lines([
        ("a", "2026-01", 10, "p", "core"), ("a", "2026-01", 5, "p", "insights"),
        ("a", "2026-02", 10, "p", "core"),
        ("a", "2026-03", 10, "p", "core"), ("a", "2026-03", 5, "p", "insights"),
    ])
    assert frame.cs.cross_sell_rate()["cross_sold"].tolist() == [0, 1]


def test_quarters_count_each_account_once():
    # a upgrades twice in Q1 (Feb and Mar), b once; 3 active accounts in the quarter.
    frame = lines([
        ("a", "2025-12", 10, "starter", "core"), ("a", "2026-01", 10, "starter", "core"),
        ("a", "2026-02", 20, "growth", "core"), ("a", "2026-03", 40, "scale", "core"),
        ("b", "2025-12", 10, "starter", "core"), ("b", "2026-01", 20, "growth", "core"),
        ("b", "2026-02", 20, "growth", "core"), ("b", "2026-03", 20, "growth", "core"),
        ("c", "2026-02", 10, "starter", "core"), ("c", "2026-03", 10, "starter", "core"),
    ])
    q = frame.cs.upsell_rate(period="Q", plan_order=ORDER)
    assert q.index.tolist() == [pd.Period("2026Q1", "Q")]
    # accounts {a, b, c} = 3; upsold {a, b} = 2; MRR gained 10 + 20 (a) + 10 (b) = 40
    assert q.iloc[0][["accounts", "upsold", "upsell_mrr"]].tolist() == [3, 2, 40]
    assert frame.cs.upsell_rate(period="Q", denominator="start").iloc[0]["accounts"] == 2


def test_post_upsell_churn_by_hand():
    # Upsells in February: a (keeps paying in March) and b (gone in March).
    # Others paying in Jan and Feb without an upsell: c and e (both still paying in March).
    table = HAND.cs.post_upsell_churn(horizon=1)
    assert table.index.tolist() == [pd.Period("2026-02", "M")]
    row = table.iloc[0]
    assert row[["upsold", "upsold_churned", "others", "others_churned"]].tolist() == [2, 1, 2, 0]
    assert row["post_upsell_churn"] == 0.5
    assert row[["numerator", "denominator"]].tolist() == [1, 2]  # b of a and b
    assert row["others_churn_rate"] == 0.0
    assert np.isnan(row["churn_ratio"])  # the others did not churn: undefined, not infinite
    # after a cross-sell: the cross-sells happen in March, the last month, so they have no
    # month after them; February is reported, with none
    after_cross = HAND.cs.post_upsell_churn(horizon=1, after="cross_sell")
    assert after_cross["upsold"].tolist() == [0]
    assert np.isnan(after_cross["post_upsell_churn"].iloc[0])
    with pytest.raises(InvalidParameterError, match="horizon=2 needs at least 4 months"):
        HAND.cs.post_upsell_churn(horizon=2)
    assert post_upsell_churn(HAND, horizon=1, period=None) == 0.5


def test_bad_input():
    with pytest.raises(MissingColumnError, match="'plan' is missing.*upgrade='expansion'"):
        HAND.drop(columns="plan").cs.upsell_rate()
    # without a plan column, upgrade="expansion" still works
    assert HAND.drop(columns="plan").cs.upsell_rate(upgrade="expansion").iloc[0]["upsold"] == 3
    with pytest.raises(MissingColumnError, match="'product' is missing"):
        HAND[HAND["product"] == "core"].drop(columns="product").cs.cross_sell_rate()
    with pytest.raises(InvalidValueError, match="plans missing from plan_order: 'scale'"):
        HAND.cs.upsell_rate(plan_order=["starter", "growth"])
    with pytest.raises(InvalidParameterError, match="upgrade='seats'"):
        HAND.cs.upsell_rate(upgrade="seats")
    with pytest.raises(InvalidParameterError, match="denominator='all'"):
        HAND.cs.cross_sell_rate(denominator="all")
    for bad in (0, 1.5, True):
        with pytest.raises(InvalidParameterError, match="horizon="):
            HAND.cs.post_upsell_churn(horizon=bad)
    with pytest.raises(InvalidParameterError, match="after='renewal'"):
        HAND.cs.post_upsell_churn(after="renewal")


def test_frames_are_not_modified(unchanged):
    unchanged(upsell_rate, HAND, plan_order=ORDER)
    unchanged(cross_sell_rate, HAND, denominator="start")
    unchanged(post_upsell_churn, HAND, horizon=1)


# --------------------------------------------------------------------------- sample


@pytest.fixture(scope="module")
def sample():
    return cskit.datasets.load_sample()


@pytest.fixture(scope="module")
def product_lines(sample) -> pd.DataFrame:
    """Plain pandas: one row per customer, product and paying month, with the month before."""
    paid = sample.mrr[sample.mrr["mrr"] > 0]
    paid = paid.sort_values(["customer_id", "product", "month", "mrr"],
                            ascending=[True, True, True, False])
    per_line = paid.groupby(["customer_id", "product", "month"], as_index=False).agg(
        mrr=("mrr", "sum"), plan=("plan", "first"))
    grouped = per_line.groupby(["customer_id", "product"])
    per_line["prev_month"] = grouped["month"].shift()
    per_line["prev_mrr"] = grouped["mrr"].shift()
    per_line["prev_plan"] = grouped["plan"].shift()
    per_line["follows"] = per_line["prev_month"] == per_line["month"] - 1
    return per_line


def test_upsell_on_the_sample_matches_plain_pandas(sample, product_lines):
    pl = product_lines
    rank = {p: i for i, p in enumerate(ORDER)}
    up = pl[pl["follows"] & (pl["plan"].map(rank) > pl["prev_plan"].map(rank))]
    upsold = up.groupby("month")["customer_id"].nunique()
    active = sample.mrr[sample.mrr["mrr"] > 0].groupby("month")["customer_id"].nunique()
    got = sample.mrr.cs.upsell_rate(plan_order=ORDER)
    expected = (upsold.reindex(got.index, fill_value=0) / active.reindex(got.index))
    assert upsold.sum() > 100  # the sample company does upsell
    assert np.allclose(got["upsell_rate"], expected, rtol=1e-12)
    assert (got["upsold"].to_numpy() == upsold.reindex(got.index, fill_value=0).to_numpy()).all()


def test_cross_sell_on_the_sample_matches_plain_pandas(sample, product_lines):
    pl = product_lines
    paying = set(zip(sample.mrr.loc[sample.mrr["mrr"] > 0, "customer_id"],
                     sample.mrr.loc[sample.mrr["mrr"] > 0, "month"], strict=True))
    added = pl[~pl["follows"]]
    was_paying = [(c, m - 1) in paying for c, m in zip(added["customer_id"], added["month"],
                                                        strict=True)]
    cross = added[was_paying].groupby("month")["customer_id"].nunique()
    got = sample.mrr.cs.cross_sell_rate()
    cross = cross.reindex(got.index, fill_value=0)
    assert (got["cross_sold"].to_numpy() == cross.to_numpy()).all()
    # the insights add-on launches in March 2025: no cross-sell before it
    assert got.loc[:"2025-02", "cross_sold"].sum() == 0
    assert got.loc["2025-03", "cross_sold"] > 0


def test_post_upsell_churn_on_the_sample_matches_plain_pandas(sample, product_lines):
    horizon = 3
    pl = product_lines
    up = pl[pl["follows"] & (pl["plan"] != pl["prev_plan"]) & (pl["mrr"] > pl["prev_mrr"])]
    events = up[["customer_id", "month"]].drop_duplicates()
    totals = sample.mrr.groupby(["customer_id", "month"])["mrr"].sum()
    paying = set(totals[totals > 0].index)
    last = sample.mrr["month"].max()
    events = events[events["month"] + horizon <= last]
    churned = [
        any((c, m + k) not in paying for k in range(1, horizon + 1))
        for c, m in zip(events["customer_id"], events["month"], strict=True)
    ]
    got = sample.mrr.cs.post_upsell_churn(horizon=horizon, period=None)
    assert got == pytest.approx(np.mean(churned), rel=1e-12)
    table = sample.mrr.cs.post_upsell_churn(horizon=horizon)
    assert table["upsold"].sum() == len(events)
    assert table["upsold_churned"].sum() == sum(churned)


def test_by_segment_adds_up(sample):
    frame = sample.mrr.merge(sample.accounts[["account_id", "segment"]],
                             left_on="customer_id", right_on="account_id")
    split = frame.cs.upsell_rate(by="segment", period="Q")
    whole = frame.cs.upsell_rate(period="Q")
    summed = split.groupby(level="period")[["accounts", "upsold"]].sum()
    assert (summed.to_numpy() == whole[["accounts", "upsold"]].to_numpy()).all()
    churn_split = frame.cs.post_upsell_churn(by="segment", period=None)
    assert churn_split.index.name == "segment"
    # period=None pools every month with a whole horizon after it: the monthly rows summed
    monthly = frame.cs.post_upsell_churn(period="M")
    assert churn_split[["upsold", "upsold_churned", "others"]].sum().tolist() == \
        monthly[["upsold", "upsold_churned", "others"]].sum().tolist()


# --------------------------------------------------------------------------- properties


@st.composite
def billing(draw):
    """Up to five accounts over a few months, each month on a random plan and products."""
    n_accounts = draw(st.integers(1, 5))
    n_months = draw(st.integers(2, 8))
    rows = []
    for a in range(n_accounts):
        for m in range(n_months):
            if draw(st.booleans()):
                plan = draw(st.sampled_from(ORDER))
                rows.append((f"a{a}", str(pd.Period("2025-11", "M") + m),
                             (ORDER.index(plan) + 1) * draw(st.integers(1, 3)), plan, "core"))
                if draw(st.booleans()):
                    rows.append((f"a{a}", str(pd.Period("2025-11", "M") + m), 5, plan, "addon"))
    rows.append(("z", "2025-11", 0, "starter", "core"))
    rows.append(("z", str(pd.Period("2025-11", "M") + n_months - 1), 0, "starter", "core"))
    return lines(rows)


@given(billing(), st.sampled_from(["active", "start"]), st.sampled_from(["M", "Q"]))
def test_property_rates_in_range(frame, denominator, period):
    months = frame["month"].nunique()
    if period == "Q" and months < 5:
        return
    try:
        tables = [
            frame.cs.upsell_rate(period=period, denominator=denominator, plan_order=ORDER),
            frame.cs.upsell_rate(period=period, denominator=denominator, upgrade="expansion"),
            frame.cs.cross_sell_rate(period=period, denominator=denominator),
        ]
    except InvalidParameterError:  # no whole quarter after the first month
        return
    for table in tables:
        rate = table.iloc[:, -1].dropna()
        assert ((rate >= 0) & (rate <= 1)).all()
        counts = table.iloc[:, :2].to_numpy()
        assert (counts[:, 1] <= counts[:, 0]).all()
    churn = frame.cs.post_upsell_churn(horizon=1, upgrade="expansion") if months >= 3 else None
    if churn is not None:
        for col in ("post_upsell_churn", "others_churn_rate"):
            rate = churn[col].dropna()
            assert ((rate >= 0) & (rate <= 1)).all()
