"""Customer (logo) churn rate: denominators, same-period switches, periods, segments.

Hand-worked cases with the arithmetic in comments, then the sample company
against an independent computation with Python sets of customers per month.
"""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

COUNTS = [
    "start_customers",
    "new_customers",
    "end_customers",
    "churned",
    "churned_after_joining",
    "returned_after_churn",
]


@pytest.fixture
def three_ways(make_mrr):
    """January a, b, c, d; February a, e, f (b, c, d churned; e, f new)."""
    return make_mrr(
        {
            "a": {"2026-01": 10, "2026-02": 10},
            "b": {"2026-01": 10},
            "c": {"2026-01": 10},
            "d": {"2026-01": 10},
            "e": {"2026-02": 10},
            "f": {"2026-02": 20},
        }
    )


def test_three_denominators_give_three_numbers(three_ways):
    # start 4, churned 3, new 2, end 3.
    # start: 3 / 4 = 0.75; average: 3 / ((4 + 3) / 2) = 3 / 3.5; start_plus_new: 3 / (4 + 2) = 0.5
    assert three_ways.cs.churn(period=None) == 0.75
    assert three_ways.cs.churn(period=None, denominator="average") == pytest.approx(3 / 3.5)
    assert three_ways.cs.churn(period=None, denominator="start_plus_new") == 0.5
    table = three_ways.cs.churn(denominator="start_plus_new")
    assert isinstance(table.index, pd.PeriodIndex) and table.index.name == "period"
    assert table.columns.tolist() == COUNTS + ["numerator", "denominator", "churn"]
    row = table.loc[pd.Period("2026-02", "M")]
    assert row[COUNTS].tolist() == [4, 2, 3, 3, 0, 0]
    assert (row["numerator"], row["denominator"], row["churn"]) == (3, 6.0, 0.5)
    assert all(str(table[c].dtype) == "int64" for c in COUNTS)


@pytest.fixture
def quarter(make_mrr):
    """Q1 2026 (start = customers active in December 2025) with every case in it."""
    return make_mrr(
        {
            "a": {"2025-12": 10, "2026-01": 10, "2026-02": 10, "2026-03": 10},  # stays
            "b": {"2025-12": 10},  # churns in January
            "c": {"2025-12": 10, "2026-02": 10, "2026-03": 10},  # churns, back in February
            "d": {"2026-01": 10},  # joins and churns in the quarter
            "e": {"2026-02": 10, "2026-03": 10},  # new
            "f": {"2026-01": 10, "2026-03": 10},  # joins, churns, comes back
            "z": {"2026-04": 10},  # April only: Q2 is not whole and is not reported
        }
    )


@pytest.mark.parametrize(
    ("join_and_churn", "reactivated", "churned"),
    [
        ("exclude", "count", 2),  # b, c
        ("count", "count", 4),  # b, c, d, f
        ("exclude", "net", 1),  # b (c is back by March)
        ("count", "net", 2),  # b, d (c and f are back by March)
    ],
)
def test_quarter_switches(quarter, join_and_churn, reactivated, churned):
    table = quarter.cs.churn(period="Q", join_and_churn=join_and_churn, reactivated=reactivated)
    assert table.index.tolist() == [pd.Period("2026Q1", "Q")]
    row = table.iloc[0]
    # start {a, b, c}; new {d, e, f}; end (March) {a, c, e, f};
    # joined and churned {d, f}; churned and back at the end {c, f}.
    assert row[
        [
            "start_customers",
            "new_customers",
            "end_customers",
            "churned_after_joining",
            "returned_after_churn",
        ]
    ].tolist() == [3, 3, 4, 2, 2]
    assert row["churned"] == churned
    assert row["churn"] == pytest.approx(churned / 3)


def test_quarter_denominators(quarter):
    # Default switches: churned 2 (b, c). average = (3 + 4) / 2 = 3.5; start_plus_new = 3 + 3.
    avg = quarter.cs.churn(period="Q", denominator="average").iloc[0]
    assert (avg["denominator"], avg["churn"]) == (3.5, pytest.approx(2 / 3.5))
    spn = quarter.cs.churn(period="Q", denominator="start_plus_new", join_and_churn="count")
    # Counting joiners who churned belongs with a denominator that holds them: 4 / 6.
    assert spn.iloc[0]["churn"] == pytest.approx(4 / 6)


def test_counting_joiners_against_the_start_base_can_exceed_one(quarter):
    # Documented: 4 churned (2 of them joined in the quarter) over 3 start customers.
    rate = quarter.cs.churn(period="Q", join_and_churn="count").iloc[0]["churn"]
    assert rate == pytest.approx(4 / 3)


def test_same_data_per_month(quarter):
    table = quarter.cs.churn()
    # Jan: start {a, b, c} -> b, c gone: 2/3. Feb: start {a, d, f} -> d, f gone: 2/3, new {c, e}.
    # Mar: start {a, c, e} -> none gone, f back (new). Apr: start {a, c, e, f} -> all gone.
    assert table.index.astype(str).tolist() == ["2026-01", "2026-02", "2026-03", "2026-04"]
    assert table["start_customers"].tolist() == [3, 3, 3, 4]
    assert table["churned"].tolist() == [2, 2, 0, 4]
    assert table["new_customers"].tolist() == [2, 2, 1, 1]
    np.testing.assert_allclose(table["churn"], [2 / 3, 2 / 3, 0.0, 1.0])
    # A month cannot hold a join and a churn, nor a churn and a return.
    assert (table["churned_after_joining"] == 0).all()
    assert (table["returned_after_churn"] == 0).all()
    # The switches change nothing per month.
    for kw in ({"join_and_churn": "count"}, {"reactivated": "net"}):
        pd.testing.assert_frame_equal(quarter.cs.churn(**kw), table)


def test_whole_span_as_one_period(quarter):
    # period=None: one period after the first month (Jan-Apr); start = active in December
    # {a, b, c}; all three are gone by April (b in Jan, c in Jan, a in Apr) -> 3 / 3.
    assert quarter.cs.churn(period=None) == 1.0
    # c came back in Feb but left again in April: netting only drops customers active at the end.
    assert quarter.cs.churn(period=None, reactivated="net") == 1.0


def test_losing_one_of_several_subscriptions_is_not_churn():
    df = pd.DataFrame(
        {
            "customer_id": ["a", "a", "a", "b", "b"],
            "month": ["2026-01", "2026-01", "2026-02", "2026-01", "2026-01"],
            "mrr": [30.0, 10.0, 30.0, 5.0, 5.0],
            "product": ["core", "insights", "core", "core", "insights"],
        }
    )
    table = df.cs.churn()
    # a keeps core (contraction, not churn); b loses both lines: 1 of 2 churned.
    assert table.loc[pd.Period("2026-02"), ["start_customers", "churned"]].tolist() == [2, 1]
    # A zero-MRR row is not an active customer either.
    zero = pd.DataFrame(
        {"customer_id": ["a", "a"], "month": ["2026-01", "2026-02"], "mrr": [9.0, 0.0]}
    )
    assert zero.cs.churn(period=None) == 1.0


def test_recognition_at_cancel_date_or_end_of_paid_period():
    # An annual line from 1 Jan 2026 cancelled 10 Mar 2026, plus a customer who stays.
    subs = pd.DataFrame(
        {
            "customer_id": ["a", "b"],
            "start": pd.to_datetime(["2026-01-01", "2026-01-01"]),
            "end": pd.to_datetime(["2026-03-10", None]),
            "amount": [1200.0, 10.0],
            "interval": ["year", "month"],
        }
    )
    at_cancel = subs.cs.to_mrr(until="2027-03").cs.churn()
    at_paid_end = subs.cs.to_mrr(until="2027-03", recognise_churn="period_end").cs.churn()
    # Cancel date: a is gone at the close of March. Paid period: a is gone from January 2027.
    assert at_cancel.index[at_cancel["churned"] > 0].astype(str).tolist() == ["2026-03"]
    assert at_paid_end.index[at_paid_end["churned"] > 0].astype(str).tolist() == ["2027-01"]


def test_by_segment_uses_segment_at_period_start(make_mrr):
    df = make_mrr(
        {
            "a": {"2026-01": 10, "2026-02": 10},
            "b": {"2026-01": 10},
            "c": {"2026-01": 10},
            "d": {"2026-02": 10},
        }
    )
    # a and b are SMB, c is Enterprise; d joins as Enterprise.
    df["segment"] = df["customer_id"].map(
        {"a": "SMB", "b": "SMB", "c": "Enterprise", "d": "Enterprise"}
    )
    table = df.cs.churn(by="segment")
    assert table.index.names == ["period", "segment"]
    feb = pd.Period("2026-02", "M")
    # SMB: start {a, b}, b churned -> 1/2. Enterprise: start {c}, c churned, d new -> 1/1.
    assert table.loc[(feb, "SMB"), ["start_customers", "churned"]].tolist() == [2, 1]
    assert table.loc[
        (feb, "Enterprise"), ["start_customers", "new_customers", "churned"]
    ].tolist() == [1, 1, 1]
    assert table.loc[(feb, "SMB"), "churn"] == 0.5
    # Segment counts add up to the ungrouped counts.
    whole = df.cs.churn()
    summed = table[COUNTS].groupby(level="period").sum()
    pd.testing.assert_frame_equal(summed, whole[COUNTS], check_names=False)
    one = df.cs.churn(by="segment", period=None)
    assert one.index.name == "segment" and one.loc["SMB", "churn"] == 0.5


def test_no_whole_period_gives_an_empty_table(make_mrr):
    # Regression: with no whole quarter after the first month this raised an IndexError.
    df = make_mrr({"a": {"2026-01": 10, "2026-02": 10, "2026-03": 10, "2026-04": 10}})
    df["segment"] = "SMB"
    for kw in ({}, {"by": "segment"}):
        table = df.cs.churn(period="Q", **kw)
        assert table.empty
        assert table.columns.tolist() == COUNTS + ["numerator", "denominator", "churn"]
        assert table.index.names[0] == "period"
    assert df.cs.churn(period="Y").index.dtype == pd.PeriodDtype("Y")


def test_moving_segment_is_counted_where_it_started(make_mrr):
    df = make_mrr({"a": {"2026-01": 10, "2026-02": 10, "2026-03": 10, "2026-04": 10}})
    df["segment"] = ["SMB", "SMB", "SMB", "Enterprise"]  # moves in April
    monthly = df.cs.churn(by="segment")
    apr = pd.Period("2026-04", "M")
    # At the start of April (end of March) a is SMB: counted there, not churned anywhere.
    assert monthly.loc[(apr, "SMB"), "start_customers"] == 1
    assert monthly.loc[(apr, "Enterprise"), "start_customers"] == 0
    assert monthly["churned"].sum() == 0


# --------------------------------------------------------------------------- sample data


def _active_sets(mrr: pd.DataFrame) -> dict[pd.Period, set]:
    totals = mrr.groupby(["month", "customer_id"])["mrr"].sum()
    paying = totals[totals > 0].reset_index()
    return {m: set(g["customer_id"]) for m, g in paying.groupby("month")}


def test_monthly_churn_on_sample_matches_sets(company):
    active = _active_sets(company.mrr)
    months = pd.period_range("2023-12", "2026-10", freq="M")
    rows = []
    for m in months:
        before, now = active.get(m - 1, set()), active.get(m, set())
        rows.append(
            {
                "start": len(before),
                "churned": len(before - now),
                "new": len(now - before),
                "end": len(now),
            }
        )
    expected = pd.DataFrame(rows, index=months)
    for denominator, denom in [
        ("start", expected["start"]),
        ("average", (expected["start"] + expected["end"]) / 2),
        ("start_plus_new", expected["start"] + expected["new"]),
    ]:
        got = company.mrr.cs.churn(denominator=denominator)
        assert got.index.tolist() == months.tolist()
        assert got["start_customers"].tolist() == expected["start"].tolist()
        assert got["churned"].tolist() == expected["churned"].tolist()
        assert got["new_customers"].tolist() == expected["new"].tolist()
        assert got["end_customers"].tolist() == expected["end"].tolist()
        np.testing.assert_allclose(got["churn"], expected["churned"] / denom, rtol=1e-12)
    assert expected["churned"].sum() > 400  # the sample really churns


def test_quarterly_churn_on_sample_matches_sets(company):
    active = _active_sets(company.mrr)
    months = pd.period_range("2023-11", "2026-10", freq="M")
    # Churn events: active in month k, not in k + 1 (within the data).
    churn_at = {m: active.get(m - 1, set()) - active.get(m, set()) for m in months[1:]}
    quarters = pd.period_range("2024Q1", "2026Q3", freq="Q")
    got = {
        (j, r): company.mrr.cs.churn(period="Q", join_and_churn=j, reactivated=r)
        for j in ("exclude", "count")
        for r in ("count", "net")
    }
    for q in quarters:
        qm = pd.period_range(q.asfreq("M", "start"), q.asfreq("M", "end"), freq="M")
        start = active[qm[0] - 1]
        seen = set().union(*(active.get(m, set()) for m in qm))
        joined = seen - start
        end = active[qm[-1]]
        churned = set().union(*(churn_at[m] for m in qm))
        for (j, r), table in got.items():
            counted = churned & (start | (joined if j == "count" else set()))
            if r == "net":
                counted -= end
            row = table.loc[q]
            assert row["start_customers"] == len(start)
            assert row["new_customers"] == len(joined)
            assert row["end_customers"] == len(end)
            assert row["churned_after_joining"] == len(churned & joined)
            assert row["returned_after_churn"] == len(churned & end)
            assert row["churned"] == len(counted), (q, j, r)
    assert got[("exclude", "count")].index.tolist() == quarters.tolist()
    # The switches matter on this data.
    assert (got[("count", "count")]["churned"] > got[("exclude", "count")]["churned"]).any()
    assert (got[("exclude", "net")]["churned"] < got[("exclude", "count")]["churned"]).any()


def test_churn_by_segment_on_sample(company):
    seg = company.accounts.set_index("account_id")["segment"]
    mrr = company.mrr.assign(segment=company.mrr["customer_id"].map(seg))
    table = mrr.cs.churn(by="segment")
    # Each account has one segment, so sets per segment give the same counts.
    active = _active_sets(mrr)
    feb = pd.Period("2026-02", "M")
    for name in ("SMB", "Mid-Market", "Enterprise"):
        members = set(seg.index[seg == name])
        before = active[feb - 1] & members
        churned = before - active[feb]
        assert table.loc[(feb, name), ["start_customers", "churned"]].tolist() == [
            len(before),
            len(churned),
        ]
    # SMB churns faster than Enterprise over the whole sample (as the generator intends).
    rates = table.groupby(level="segment")[["churned", "start_customers"]].sum()
    rate = rates["churned"] / rates["start_customers"]
    assert rate["SMB"] > rate["Enterprise"]
