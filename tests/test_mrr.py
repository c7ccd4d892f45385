"""MRR from subscription lines, MRR per period, MRR movements and revenue churn.

Hand-worked cases (arithmetic in the comments), the KPI catalogue's reference
figures, and on the sample company an independent plain-pandas computation.
"""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

import cskit
from cskit.errors import InvalidParameterError

FLOWS = ["start", "new", "expansion", "contraction", "churn", "reactivation", "end"]


def subs_frame(rows: list[tuple], **columns: list) -> pd.DataFrame:
    """Subscription lines from (customer, start, end, amount, interval) tuples."""
    frame = pd.DataFrame(rows, columns=["customer_id", "start", "end", "amount", "interval"])
    frame["start"] = pd.to_datetime(frame["start"])
    frame["end"] = pd.to_datetime(frame["end"])
    for name, values in columns.items():
        frame[name] = values
    return frame


def months_of(result: pd.DataFrame, customer: str) -> list[str]:
    return [str(m) for m in result.loc[result["customer_id"] == customer, "month"]]


# --------------------------------------------------------------------------- to_mrr


def test_catalogue_mrr_reference():
    # 100 customers x 100/month + 50 customers x 600/year
    # = 10,000 + 50 x (600 / 12 = 50) = 12,500 per month.
    monthly = [(f"m{i}", "2026-01-01", None, 100.0, "month") for i in range(100)]
    annual = [(f"y{i}", "2026-01-01", None, 600.0, "year") for i in range(50)]
    mrr = subs_frame(monthly + annual).cs.to_mrr(until="2026-03")
    totals = mrr.groupby("month")["mrr"].sum()
    assert totals.to_dict() == {
        pd.Period(m, "M"): 12_500.0 for m in ("2026-01", "2026-02", "2026-03")
    }
    assert mrr.cs.mrr(period=None) == 12_500.0


def test_intervals_are_normalised_to_a_month():
    subs = subs_frame(
        [
            ("a", "2026-01-01", None, 600.0, "year"),  # 600 / 12 = 50
            ("b", "2026-01-01", None, 90.0, "3"),  # 90 / 3 = 30
            ("c", "2026-01-01", None, 90.0, 3),  # a number of months as a number
            ("d", "2026-01-01", None, 120.0, "quarterly"),  # 120 / 3 = 40
            ("e", "2026-01-01", None, 500.0, "one_off"),  # not recurring: left out
            ("f", "2026-01-01", None, 70.0, "metered"),  # not recurring: left out
            ("g", "2026-01-01", None, 0.0, "month"),  # free plan: left out
        ]
    )
    subs["interval"] = subs["interval"].astype(str)
    mrr = subs.cs.to_mrr(until="2026-01")
    assert dict(zip(mrr["customer_id"], mrr["mrr"], strict=True)) == {
        "a": 50.0,
        "b": 30.0,
        "c": 30.0,
        "d": 40.0,
    }


def test_discounts_subtracted_by_default_and_list_price_switch():
    subs = subs_frame(
        [("a", "2026-01-01", None, 100.0, "month"), ("b", "2026-01-01", None, 1200.0, "year")],
        discount=[0.2, 0.25],
    )
    net = subs.cs.to_mrr(until="2026-01").set_index("customer_id")["mrr"]
    # a: 100 x (1 - 0.2) = 80; b: 1200 x 0.75 / 12 = 75
    assert net.to_dict() == {"a": 80.0, "b": 75.0}
    listed = subs.cs.to_mrr(until="2026-01", price="list").set_index("customer_id")["mrr"]
    assert listed.to_dict() == {"a": 100.0, "b": 100.0}
    # Discounts as amounts per billing interval: b pays 1200 - 120 = 1080 a year = 90 a month.
    amounts = subs.assign(discount=[10.0, 120.0]).cs.to_mrr(until="2026-01", discount_as="amount")
    assert amounts.set_index("customer_id")["mrr"].to_dict() == {"a": 90.0, "b": 90.0}
    # A missing discount means none.
    missing = subs.assign(discount=[np.nan, 0.25]).cs.to_mrr(until="2026-01")
    assert missing.set_index("customer_id")["mrr"].to_dict() == {"a": 100.0, "b": 75.0}


def test_a_line_counts_in_the_months_it_is_active_at_month_close():
    subs = subs_frame(
        [
            ("a", "2026-01-15", "2026-03-10", 10.0, "month"),  # active at close of Jan, Feb
            ("b", "2026-01-31", "2026-03-01", 10.0, "month"),  # end is exclusive: Jan, Feb
            ("c", "2026-01-01", "2026-03-31", 10.0, "month"),  # gone at close of March: Jan, Feb
            ("d", "2026-02-03", "2026-02-20", 10.0, "month"),  # never active at a month close
            ("e", "2026-03-20", None, 10.0, "month"),  # open: until the horizon
        ]
    )
    mrr = subs.cs.to_mrr(until="2026-04")
    assert months_of(mrr, "a") == ["2026-01", "2026-02"]
    assert months_of(mrr, "b") == ["2026-01", "2026-02"]
    assert months_of(mrr, "c") == ["2026-01", "2026-02"]
    assert months_of(mrr, "d") == []
    assert months_of(mrr, "e") == ["2026-03", "2026-04"]
    # Without `until`, open lines run to the month of the latest start or end (2026-03).
    assert months_of(subs.cs.to_mrr(), "e") == ["2026-03"]


def test_recognise_churn_at_end_of_paid_period():
    subs = subs_frame(
        [
            # Annual line from 15 Jan 2026, cancelled 10 Mar: paid until 15 Jan 2027,
            # so it counts Jan ... Dec 2026 (12 months), not only Jan and Feb.
            ("a", "2026-01-15", "2026-03-10", 1200.0, "year"),
            # Monthly line from 15 Jan, cancelled 20 Mar: the month paid on 15 Mar runs
            # to 15 Apr, so it counts Jan, Feb, Mar (cancel date: Jan, Feb).
            ("b", "2026-01-15", "2026-03-20", 10.0, "month"),
            # Cancelled exactly on a renewal date: nothing more was paid.
            ("c", "2026-01-15", "2026-03-15", 10.0, "month"),
        ]
    )
    paid = subs.cs.to_mrr(until="2027-06", recognise_churn="period_end")
    assert months_of(paid, "a") == [str(p) for p in pd.period_range("2026-01", "2026-12", freq="M")]
    assert set(paid.loc[paid["customer_id"] == "a", "mrr"]) == {100.0}
    assert months_of(paid, "b") == ["2026-01", "2026-02", "2026-03"]
    assert months_of(paid, "c") == ["2026-01", "2026-02"]
    cancel = subs.cs.to_mrr(until="2027-06")
    assert months_of(cancel, "a") == ["2026-01", "2026-02"]
    assert months_of(cancel, "b") == ["2026-01", "2026-02"]


def test_period_end_does_not_count_a_plan_change_twice():
    subs = subs_frame(
        [
            # a upgrades on 10 Mar: the annual 1200 line ends the day the 2400 line starts.
            # A plan change, not a cancellation: 100 in Jan-Feb, then 200 - never 300.
            ("a", "2026-01-15", "2026-03-10", 1200.0, "year"),
            ("a", "2026-03-10", None, 2400.0, "year"),
            # b's second product starts the day the first one is cancelled: different
            # products, so the cancelled line still counts to the end of its paid year.
            ("b", "2026-01-15", "2026-03-10", 1200.0, "year"),
            ("b", "2026-03-10", None, 120.0, "year"),
            # c cancels on 10 Mar and comes back on 11 Mar: not the same day, so the
            # first line is a cancellation and counts to January 2027.
            ("c", "2026-01-15", "2026-03-10", 1200.0, "year"),
            ("c", "2026-03-11", None, 1200.0, "year"),
        ],
        product=["core", "core", "core", "insights", "core", "core"],
    )
    paid = subs.cs.to_mrr(until="2026-06", recognise_churn="period_end")
    a = paid[paid["customer_id"] == "a"].set_index("month")["mrr"]
    assert a.tolist() == [100.0, 100.0, 200.0, 200.0, 200.0, 200.0]
    b = paid[paid["customer_id"] == "b"].groupby("month")["mrr"].sum()
    assert b.tolist() == [100.0, 100.0, 110.0, 110.0, 110.0, 110.0]
    c = paid[paid["customer_id"] == "c"].groupby("month")["mrr"].sum()
    assert c.tolist() == [100.0, 100.0, 200.0, 200.0, 200.0, 200.0]
    # Without a product column, a same-day start of any line of the customer is a change.
    no_product = subs.drop(columns="product").cs.to_mrr(until="2026-06",
                                                         recognise_churn="period_end")
    b = no_product[no_product["customer_id"] == "b"].groupby("month")["mrr"].sum()
    assert b.tolist() == [100.0, 100.0, 10.0, 10.0, 10.0, 10.0]


def test_period_end_does_not_push_open_lines_past_the_data():
    # Regression: the default horizon was taken after "period_end" had moved end
    # months a year forward, so the open line b was filled up to 2027-01.
    subs = subs_frame(
        [
            ("a", "2026-01-15", "2026-03-10", 1200.0, "year"),
            ("b", "2026-01-01", None, 10.0, "month"),
        ]
    )
    paid = subs.cs.to_mrr(recognise_churn="period_end")
    assert paid["month"].max() == pd.Period("2026-03", "M")
    assert months_of(paid, "b") == ["2026-01", "2026-02", "2026-03"]


def test_until_must_be_a_month():
    subs = subs_frame([("a", "2026-01-01", None, 10.0, "month")])
    with pytest.raises(
        InvalidParameterError, match=r"until='soon' is not a month.*until='2026-10'"
    ):
        subs.cs.to_mrr(until="soon")
    # A Period of another frequency means its last month.
    assert months_of(subs.cs.to_mrr(until=pd.Period("2026Q1")), "a") == [
        "2026-01",
        "2026-02",
        "2026-03",
    ]


def test_end_column_read_from_csv_with_no_end_dates():
    # Regression: an `end` column that is all empty arrives from read_csv as float NaN;
    # it used to be rejected as "numbers". It means every line is still active.
    subs = pd.DataFrame(
        {
            "customer_id": ["a"],
            "start": ["2026-01-05"],
            "end": [np.nan],
            "amount": [30.0],
            "interval": ["month"],
        }
    )
    mrr = subs.cs.to_mrr(until="2026-02")
    assert mrr["mrr"].tolist() == [30.0, 30.0]


def test_plan_and_product_are_kept_one_row_each():
    subs = subs_frame(
        [
            ("a", "2026-01-01", None, 100.0, "month"),
            ("a", "2026-01-10", None, 20.0, "month"),
            ("a", "2026-01-20", None, 5.0, "month"),
        ],
        plan=["growth", "growth", "growth"],
        product=["core", "insights", "insights"],
    )
    mrr = subs.cs.to_mrr(until="2026-01")
    assert mrr.columns.tolist() == ["customer_id", "month", "mrr", "plan", "product"]
    # The two insights lines of the same plan are summed: 20 + 5 = 25.
    assert mrr[["product", "mrr"]].values.tolist() == [["core", 100.0], ["insights", 25.0]]
    assert isinstance(mrr["month"].dtype, pd.PeriodDtype)


def test_custom_column_names():
    subs = pd.DataFrame(
        {
            "acct": ["a"],
            "from": pd.to_datetime(["2026-01-01"]),
            "to": pd.NaT,
            "price": [240.0],
            "every": ["year"],
        }
    )
    mrr = subs.cs.to_mrr(
        customer_col="acct", start_col="from", end_col="to", amount_col="price", interval_col="every",
        until="2026-01",
    )
    assert mrr.columns.tolist() == ["acct", "month", "mrr"]
    assert mrr["mrr"].tolist() == [20.0]


def _independent_mrr(subs: pd.DataFrame, months: pd.PeriodIndex) -> pd.Series:
    """MRR per (customer, month) by a cross join of lines and months, in plain pandas."""
    per_interval = {"month": 1, "3": 3, "year": 12}
    lines = subs.assign(
        monthly=subs["amount"]
        * (1 - subs["discount"].fillna(0))
        / subs["interval"].map(per_interval)
    )
    grid = pd.DataFrame({"month": months, "close": (months + 1).to_timestamp()})
    pairs = lines.merge(grid, how="cross")
    active = (pairs["start"] < pairs["close"]) & (
        pairs["end"].isna() | (pairs["end"] >= pairs["close"])
    )
    pairs = pairs[active & (pairs["monthly"] > 0)]
    return pairs.groupby(["customer_id", "month"])["monthly"].sum()


def test_to_mrr_on_sample_matches_independent_computation(company):
    assert set(company.subscriptions["interval"]) == {"month", "3", "year"}
    months = pd.period_range("2023-11", "2026-10", freq="M")
    expected = _independent_mrr(company.subscriptions, months)
    got = company.subscriptions.cs.to_mrr(until="2026-10")
    got = got.groupby(["customer_id", "month"])["mrr"].sum()
    pd.testing.assert_series_equal(got, expected, check_names=False, rtol=1e-9)
    # The bundled mrr table is the same numbers (after the CSV round trip).
    bundled = company.mrr.groupby(["customer_id", "month"])["mrr"].sum()
    pd.testing.assert_series_equal(bundled, expected, check_names=False, rtol=1e-9)


# --------------------------------------------------------------------------- mrr()


def test_mrr_per_month_quarter_and_latest(make_mrr):
    df = make_mrr(
        {
            "a": {"2025-12": 100, "2026-01": 100, "2026-02": 120, "2026-03": 90, "2026-04": 90},
            "b": {"2025-12": 50, "2026-01": 50},
            "c": {"2026-02": 30, "2026-03": 30, "2026-04": 0},  # a zero row is not a customer
        }
    )
    monthly = df.cs.mrr()
    assert isinstance(monthly.index, pd.PeriodIndex) and monthly.index.name == "period"
    # Jan: 100 + 50; Feb: 120 + 30; Mar: 90 + 30; Apr: 90.
    assert monthly["mrr"].tolist() == [150.0, 150.0, 150.0, 120.0, 90.0]
    assert monthly["customers"].tolist() == [2, 2, 2, 2, 1]
    # MRR is a stock: a quarter's MRR is its last month's (Q4 2025 = Dec, Q1 2026 = Mar);
    # Q2 2026 has no last month (June) in the data and is not reported.
    quarterly = df.cs.mrr(period="Q")
    assert quarterly.index.tolist() == [pd.Period("2025Q4"), pd.Period("2026Q1")]
    assert quarterly["mrr"].tolist() == [150.0, 120.0]
    assert df.cs.mrr(period=None) == 90.0


def test_mrr_by_segment_splits_rows(make_mrr):
    df = pd.DataFrame(
        {
            "customer_id": ["a", "a", "b", "a"],
            "month": ["2026-01", "2026-01", "2026-01", "2026-02"],
            "mrr": [100.0, 20.0, 50.0, 100.0],
            "product": ["core", "insights", "core", "core"],
        }
    )
    table = df.cs.mrr(by="product")
    assert table.index.names == ["period", "product"]
    assert table.loc[(pd.Period("2026-01"), "core"), "mrr"] == 150.0
    assert table.loc[(pd.Period("2026-01"), "insights"), "mrr"] == 20.0
    assert table.loc[(pd.Period("2026-02"), "insights"), "mrr"] == 0.0
    assert table.loc[(pd.Period("2026-01"), "core"), "customers"] == 2
    # The total over products equals the unsplit MRR.
    totals = table["mrr"].groupby(level="period").sum()
    assert totals.tolist() == df.cs.mrr()["mrr"].tolist() == [170.0, 100.0]


def test_mrr_on_sample_matches_groupby(company):
    mrr = company.mrr
    expected = mrr.groupby("month")["mrr"].sum()
    customers = mrr[mrr["mrr"] > 0].groupby("month")["customer_id"].nunique()
    got = mrr.cs.mrr()
    np.testing.assert_allclose(got["mrr"].to_numpy(), expected.to_numpy(), rtol=1e-12)
    assert got["customers"].tolist() == customers.tolist()
    assert got.index.equals(pd.PeriodIndex(expected.index, name="period"))
    assert mrr.cs.mrr(period=None) == pytest.approx(expected.iloc[-1])
    assert str(got.index[-1]) == "2026-10"


# --------------------------------------------------------------------------- movements


@pytest.fixture
def movements_case() -> pd.DataFrame:
    """a expands then contracts, b churns then comes back, c is new then churns,
    d joins with two products and drops one (contraction, not churn)."""
    rows = [
        ("a", "2026-01", 100, "core"),
        ("a", "2026-02", 120, "core"),
        ("a", "2026-03", 90, "core"),
        ("a", "2026-04", 90, "core"),
        ("b", "2026-01", 50, "core"),
        ("b", "2026-04", 60, "core"),
        ("c", "2026-02", 30, "core"),
        ("c", "2026-03", 30, "core"),
        ("d", "2026-03", 25, "core"),
        ("d", "2026-03", 15, "insights"),
        ("d", "2026-04", 25, "core"),
    ]
    frame = pd.DataFrame(rows, columns=["customer_id", "month", "mrr", "product"])
    return frame.assign(mrr=frame["mrr"].astype(float))


def test_movements_hand_worked(movements_case):
    table = movements_case.cs.mrr_movements()
    assert table.index.tolist() == [pd.Period(m, "M") for m in ("2026-02", "2026-03", "2026-04")]
    # Feb: start 150 (a 100 + b 50); c new 30; a +20; b churns 50 -> end 120 + 30 = 150.
    # Mar: a -30; d new 25 + 15 = 40 -> end 90 + 30 + 40 = 160.
    # Apr: b back 60 (reactivation, not new); c churns 30; d drops insights -15
    #      -> end 90 + 60 + 25 = 175.
    expected = pd.DataFrame(
        {
            "start": [150.0, 150.0, 160.0],
            "new": [30.0, 40.0, 0.0],
            "expansion": [20.0, 0.0, 0.0],
            "contraction": [0.0, 30.0, 15.0],
            "churn": [50.0, 0.0, 30.0],
            "reactivation": [0.0, 0.0, 60.0],
            "end": [150.0, 160.0, 175.0],
        },
        index=table.index,
    )
    pd.testing.assert_frame_equal(table[FLOWS], expected)
    # Sign convention: every flow is >= 0; contraction and churn are subtracted.
    recon = (
        table["start"]
        + table["new"]
        + table["expansion"]
        + table["reactivation"]
        - table["contraction"]
        - table["churn"]
    )
    assert recon.tolist() == table["end"].tolist()
    assert table["net_new"].tolist() == [0.0, 10.0, 15.0]


def test_movements_include_first_month(movements_case):
    table = movements_case.cs.mrr_movements(include_first=True)
    first = table.iloc[0]
    # With no month before it, everything in January counts as new: 100 + 50.
    assert (first["start"], first["new"], first["end"]) == (0.0, 150.0, 150.0)


def test_movements_per_quarter_keep_whole_quarters_only(movements_case):
    # December 2025 added: a 100, b 50; January is then unchanged (start = end = 150).
    dec = pd.DataFrame(
        {
            "customer_id": ["a", "b"],
            "month": ["2025-12"] * 2,
            "mrr": [100.0, 50.0],
            "product": ["core"] * 2,
        }
    )
    frame = pd.concat([dec, movements_case], ignore_index=True)
    q = frame.cs.mrr_movements(period="Q")
    # Q1 2026 = Jan + Feb + Mar: start 150 (end of Dec), new 30 + 40, expansion 20,
    # contraction 30, churn 50 -> 150 + 70 + 20 - 30 - 50 = 160.
    # Q2 2026 holds only April: not a whole quarter, not reported (regression: it was).
    assert q.index.tolist() == [pd.Period("2026Q1", "Q")]
    assert q.iloc[0][FLOWS].tolist() == [150.0, 70.0, 20.0, 30.0, 50.0, 0.0, 160.0]
    assert frame.cs.mrr_movements(period="Y").empty
    # Revenue churn per quarter follows the same whole periods.
    assert frame.cs.revenue_churn(period="Q").index.tolist() == [pd.Period("2026Q1", "Q")]


def test_movements_by_segment_transfer(make_mrr):
    df = make_mrr(
        {"e": {"2026-01": 10, "2026-02": 15}, "f": {"2026-01": 20, "2026-02": 20}},
    )
    df["segment"] = ["SMB", "Mid-Market", "SMB", "SMB"]  # e moves SMB -> Mid-Market in Feb
    t = df.cs.mrr_movements(by="segment")
    feb = pd.Period("2026-02", "M")
    smb, mm = t.loc[(feb, "SMB")], t.loc[(feb, "Mid-Market")]
    # SMB: start 10 + 20 = 30, e's 10 moves out -> end 20.
    assert (smb["start"], smb["transfer_out"], smb["transfer_in"], smb["end"]) == (
        30.0,
        10.0,
        0.0,
        20.0,
    )
    # Mid-Market: 10 moves in, e expands by 5 in its new segment -> end 15.
    assert (mm["start"], mm["transfer_in"], mm["expansion"], mm["end"]) == (0.0, 10.0, 5.0, 15.0)
    recon = (
        t["start"]
        + t["new"]
        + t["expansion"]
        - t["contraction"]
        - t["churn"]
        + t["reactivation"]
        + t["transfer_in"]
        - t["transfer_out"]
    )
    np.testing.assert_array_equal(recon.to_numpy(), t["end"].to_numpy())
    # Segments add up to the whole.
    whole = df.cs.mrr_movements()
    summed = t[FLOWS].groupby(level="period").sum()
    pd.testing.assert_frame_equal(summed, whole[FLOWS], check_names=False)


def _independent_movements(mrr: pd.DataFrame) -> pd.DataFrame:
    """Movements from a customer x month pivot, in plain pandas."""
    months = pd.period_range(mrr["month"].min(), mrr["month"].max(), freq="M")
    wide = mrr.pivot_table(index="customer_id", columns="month", values="mrr", aggfunc="sum")
    wide = wide.reindex(columns=months).fillna(0.0)
    prev = wide.shift(1, axis=1)
    cur = wide.iloc[:, 1:]
    prev = prev.iloc[:, 1:]
    paid_before = (wide > 0).cumsum(axis=1).shift(1, axis=1).iloc[:, 1:] > 0
    both = (cur > 0) & (prev > 0)
    arrives = (cur > 0) & (prev == 0)
    delta = cur - prev
    return pd.DataFrame(
        {
            "start": prev.sum(),
            "new": cur.where(arrives & ~paid_before, 0).sum(),
            "expansion": delta.where(both & (delta > 0), 0).sum(),
            "contraction": (-delta).where(both & (delta < 0), 0).sum(),
            "churn": prev.where((prev > 0) & (cur == 0), 0).sum(),
            "reactivation": cur.where(arrives & paid_before, 0).sum(),
            "end": cur.sum(),
        }
    )


def test_movements_on_sample_match_pivot(company):
    expected = _independent_movements(company.mrr)
    got = company.mrr.cs.mrr_movements()
    assert got.index.tolist() == expected.index.tolist()
    np.testing.assert_allclose(
        got[FLOWS].to_numpy(), expected[FLOWS].to_numpy(), rtol=1e-9, atol=1e-6
    )
    # The sample has every kind of movement.
    assert (got[FLOWS].sum() > 0).all()
    recon = (
        got["start"]
        + got["new"]
        + got["expansion"]
        - got["contraction"]
        - got["churn"]
        + got["reactivation"]
    )
    np.testing.assert_allclose(recon, got["end"], rtol=1e-12)


# --------------------------------------------------------------------------- revenue churn


def test_revenue_churn_catalogue_reference(make_mrr):
    # Start MRR 100 (a 50, b 10, c 40); b churns (10), a contracts by 10, c expands by 10.
    # gross = (10 + 10) / 100 = 20 %; net = (10 + 10 - 10) / 100 = 10 %.
    df = make_mrr(
        {
            "a": {"2026-01": 50, "2026-02": 40},
            "b": {"2026-01": 10},
            "c": {"2026-01": 40, "2026-02": 50},
        }
    )
    assert df.cs.revenue_churn(period=None) == pytest.approx(0.20)
    assert df.cs.revenue_churn(kind="net", period=None) == pytest.approx(0.10)
    table = df.cs.revenue_churn(kind="net")
    assert table.columns.tolist() == [
        "start",
        "churn",
        "contraction",
        "expansion",
        "reactivation",
        "lost",
        "numerator",
        "denominator",
        "revenue_churn",
    ]
    assert table.loc[pd.Period("2026-02"), ["start", "lost"]].tolist() == [100.0, 10.0]
    # the net loss over the start MRR: 10 / 100
    assert table.loc[pd.Period("2026-02"), ["numerator", "denominator"]].tolist() == [10.0, 100.0]


def test_net_revenue_churn_can_be_negative(make_mrr):
    # Start 100; a churns 10, b expands by 25, c comes back with 5 (reactivation):
    # net = (10 - 25 - 5) / 100 = -20 % (the base grew on its own); gross = 10 %.
    df = make_mrr(
        {
            "a": {"2026-01": 10},
            "b": {"2026-01": 90, "2026-02": 115},
            "c": {"2025-11": 7, "2026-02": 5},
        }
    )
    net = df.cs.revenue_churn(kind="net")
    assert net.loc[pd.Period("2026-02"), "revenue_churn"] == pytest.approx(-0.20)
    assert df.cs.revenue_churn().loc[pd.Period("2026-02"), "revenue_churn"] == pytest.approx(0.10)
    # December starts with c's 7 (from November), which churns: gross 7 / 7 = 100 %.
    # January starts from nothing (a and b are new that month): start 0 -> NaN, not inf.
    gross = df.cs.revenue_churn()
    assert gross.loc[pd.Period("2025-12"), "revenue_churn"] == pytest.approx(1.0)
    assert np.isnan(gross.loc[pd.Period("2026-01"), "revenue_churn"])


def test_revenue_churn_on_sample_matches_movements(company):
    moves = _independent_movements(company.mrr)
    for kind in ("gross", "net"):
        lost = moves["churn"] + moves["contraction"]
        if kind == "net":
            lost = lost - moves["expansion"] - moves["reactivation"]
        got = company.mrr.cs.revenue_churn(kind=kind)
        np.testing.assert_allclose(got["revenue_churn"], lost / moves["start"], rtol=1e-9)
    # Over the whole span: summed flows over the MRR at the start of the second month.
    m = moves
    whole = (m["churn"].sum() + m["contraction"].sum()) / m["start"].iloc[0]
    assert company.mrr.cs.revenue_churn(period=None) == pytest.approx(whole, rel=1e-9)


def test_functions_are_the_accessor_methods(movements_case):
    pd.testing.assert_frame_equal(
        cskit.metrics.mrr_movements(movements_case), movements_case.cs.mrr_movements()
    )
    pd.testing.assert_frame_equal(cskit.metrics.mrr(movements_case), movements_case.cs.mrr())


def test_no_paying_customer_gives_zeros_not_an_error():
    # Regression: an mrr frame whose rows are all zero (free customers only) made
    # mrr_movements and revenue_churn fail with a NumPy IndexError.
    df = pd.DataFrame(
        {
            "customer_id": ["a", "a", "b"],
            "month": ["2026-01", "2026-02", "2026-02"],
            "mrr": [0.0, 0.0, 0.0],
            "segment": ["x", "y", "y"],
        }
    )
    moves = df.cs.mrr_movements()
    assert moves[FLOWS].to_numpy().tolist() == [[0.0] * 7]
    assert df.cs.mrr_movements(by="segment")["end"].tolist() == [0.0, 0.0]
    assert np.isnan(df.cs.revenue_churn(period=None))
    assert df.cs.mrr()["mrr"].tolist() == [0.0, 0.0]
    assert np.isnan(df.cs.churn(period=None))


def test_money_columns_stay_float_when_a_movement_never_happens(make_mrr):
    # Regression: np.bincount over nothing returns integers, so e.g. "expansion" came
    # out as int64 0 in a period without any expansion.
    df = make_mrr({"a": {"2026-01": 10, "2026-02": 10}})
    moves = df.cs.mrr_movements()
    assert all(str(moves[c].dtype) == "float64" for c in FLOWS + ["net_new"])
    assert str(df.cs.revenue_churn()["expansion"].dtype) == "float64"


def test_latest_month_by_segment_is_a_frame():
    # Grouped results are frames indexed by the `by` column (it used to be a bare Series).
    df = pd.DataFrame(
        {
            "customer_id": ["a", "b", "a", "b", "c"],
            "month": ["2026-01", "2026-01", "2026-02", "2026-02", "2026-02"],
            "mrr": [10.0, 20.0, 15.0, 20.0, 5.0],
            "plan": ["x", "y", "x", "y", "y"],
        }
    )
    latest = df.cs.mrr(period=None, by="plan")
    assert isinstance(latest, pd.DataFrame) and latest.index.name == "plan"
    # February: x = 15 (a); y = 20 + 5 (b, c).
    assert latest["mrr"].to_dict() == {"x": 15.0, "y": 25.0}
    assert latest["customers"].to_dict() == {"x": 1, "y": 2}
