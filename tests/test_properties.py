"""Hypothesis properties of the billing metrics on random customer x month panels.

Each property is checked against a plain-Python model written here (dicts and
sets, one customer at a time: slow, obvious, independent of the NumPy code).
"""

from __future__ import annotations

import itertools
import math

import numpy as np
import pandas as pd
from hypothesis import given
from hypothesis import strategies as st

FLOWS = ["new", "expansion", "contraction", "churn", "reactivation"]
DENOMINATORS = ("start", "average", "start_plus_new")
SWITCHES = list(itertools.product(("exclude", "count"), ("count", "net")))
FIRST_MONTHS = [pd.Period(m, "M") for m in ("2025-10", "2025-11", "2025-12", "2026-01")]


@st.composite
def panels(draw, max_customers: int = 7, max_months: int = 15, products: bool = True):
    """An mrr frame: a few customers over a few months, with gaps, zeros and
    (optionally) two products per customer-month; integer amounts keep sums exact."""
    n_customers = draw(st.integers(1, max_customers))
    n_months = draw(st.integers(2, max_months))
    first = draw(st.sampled_from(FIRST_MONTHS))
    value = st.sampled_from([0, 0, 0, 10, 20, 30, 55])
    rows = []
    for c in range(n_customers):
        for m in range(n_months):
            for product in ("core", "insights") if products else ("core",):
                v = draw(value) if product == "core" else draw(st.sampled_from([0, 0, 0, 5]))
                keep_zero = draw(st.booleans())
                if v or keep_zero:
                    rows.append(
                        (f"c{c}", first + m, float(v), product, draw(st.sampled_from("xy")))
                    )
    if not rows:
        rows.append(("c0", first, 10.0, "core", "x"))
    frame = pd.DataFrame(rows, columns=["customer_id", "month", "mrr", "product", "segment"])
    # Keep the month range fixed even if the last month's rows were dropped.
    return frame


def model_active(frame: pd.DataFrame) -> tuple[list[pd.Period], dict[pd.Period, dict[str, float]]]:
    """Months of the data and, per month, each customer's total MRR when above zero."""
    months = list(pd.period_range(frame["month"].min(), frame["month"].max(), freq="M"))
    paying: dict[pd.Period, dict[str, float]] = {m: {} for m in months}
    for (c, m), v in frame.groupby(["customer_id", "month"])["mrr"].sum().items():
        if v > 0:
            paying[m][c] = v
    return months, paying


def model_movements(frame: pd.DataFrame) -> pd.DataFrame:
    months, paying = model_active(frame)
    rows, ever = [], set(paying[months[0]])
    for prev, cur in itertools.pairwise(months):
        a, b = paying[prev], paying[cur]
        row = dict.fromkeys(FLOWS, 0.0)
        for c in set(a) | set(b):
            before, now = a.get(c, 0.0), b.get(c, 0.0)
            if before and now:
                row["expansion" if now > before else "contraction"] += abs(now - before)
            elif now:
                row["reactivation" if c in ever else "new"] += now
            else:
                row["churn"] += before
        ever |= set(b)
        rows.append({"start": sum(a.values()), **row, "end": sum(b.values())})
    return pd.DataFrame(
        rows,
        index=pd.PeriodIndex(months[1:], name="period", freq="M"),
        columns=["start", *FLOWS, "end"],
        dtype=float,
    )


@given(panels())
def test_movements_reconcile_and_match_the_model(frame):
    table = frame.cs.mrr_movements()
    expected = model_movements(frame)
    pd.testing.assert_frame_equal(table[["start", *FLOWS, "end"]], expected)
    assert (table[FLOWS] >= 0).all().all()
    recon = (
        table["start"]
        + table["new"]
        + table["expansion"]
        + table["reactivation"]
        - table["contraction"]
        - table["churn"]
    )
    np.testing.assert_array_equal(recon.to_numpy(), table["end"].to_numpy())
    # Each month starts where the last one ended, and ends at that month's MRR.
    np.testing.assert_array_equal(table["start"].to_numpy()[1:], table["end"].to_numpy()[:-1])
    np.testing.assert_array_equal(table["end"].to_numpy(), frame.cs.mrr()["mrr"].to_numpy()[1:])


@given(panels(), st.sampled_from(["Q", "Y"]))
def test_movements_reconcile_per_quarter_and_year(frame, period):
    table = frame.cs.mrr_movements(period=period)
    monthly = frame.cs.mrr_movements()
    recon = (
        table["start"]
        + table["new"]
        + table["expansion"]
        + table["reactivation"]
        - table["contraction"]
        - table["churn"]
    )
    np.testing.assert_array_equal(recon.to_numpy(), table["end"].to_numpy())
    # Only whole periods, each the sum of its three (twelve) months.
    size = 3 if period == "Q" else 12
    for p, row in table.iterrows():
        months = monthly[monthly.index.asfreq(period) == p]
        assert len(months) == size
        np.testing.assert_array_equal(
            row[FLOWS].to_numpy(dtype=float), months[FLOWS].sum().to_numpy()
        )
        assert row["start"] == months["start"].iloc[0] and row["end"] == months["end"].iloc[-1]


@given(panels())
def test_movements_by_segment_reconcile_with_transfers(frame):
    # The segment changes from row to row, so customers move between segments.
    table = frame.cs.mrr_movements(by="segment")
    recon = (
        table["start"]
        + table["new"]
        + table["expansion"]
        - table["contraction"]
        - table["churn"]
        + table["reactivation"]
        + table["transfer_in"]
        - table["transfer_out"]
    )
    np.testing.assert_array_equal(recon.to_numpy(), table["end"].to_numpy())
    assert (table[FLOWS + ["transfer_in", "transfer_out"]] >= 0).all().all()
    # Transfers cancel out; segments add up to the whole.
    by_month = table.groupby(level="period").sum()
    np.testing.assert_array_equal(by_month["transfer_in"], by_month["transfer_out"])
    whole = frame.cs.mrr_movements()
    np.testing.assert_array_equal(
        by_month[["start", "end"]].to_numpy(), whole[["start", "end"]].to_numpy()
    )


def model_monthly_churn(frame: pd.DataFrame) -> pd.DataFrame:
    months, paying = model_active(frame)
    rows = []
    for prev, cur in itertools.pairwise(months):
        a, b = set(paying[prev]), set(paying[cur])
        rows.append(
            {
                "start_customers": len(a),
                "new_customers": len(b - a),
                "end_customers": len(b),
                "churned": len(a - b),
            }
        )
    columns = ["start_customers", "new_customers", "end_customers", "churned"]
    return pd.DataFrame(
        rows,
        index=pd.PeriodIndex(months[1:], name="period", freq="M"),
        columns=columns,
        dtype="int64",
    )


@given(panels(products=False))
def test_monthly_churn_counts_match_sets(frame):
    expected = model_monthly_churn(frame)
    got = frame.cs.churn()
    pd.testing.assert_frame_equal(got[expected.columns.tolist()], expected)


def _check_rates(table: pd.DataFrame, denominator: str, join: str) -> None:
    rate, denom = table["churn"], table["denominator"]
    # NaN exactly where there is no one to churn from.
    assert (rate.isna() == (denom == 0)).all()
    rate = rate.dropna()
    assert (rate >= 0).all()
    if denominator == "start_plus_new" or (denominator == "start" and join == "exclude"):
        # The numerator is a subset of the denominator's customers: a true fraction.
        assert (rate <= 1).all()
    elif denominator == "average" and join == "exclude":
        # churned <= start, so the rate is <= 2 start / (start + end): at most 1 unless
        # the base shrank in the period (documented: "average" can exceed 1).
        t = table.loc[rate.index]
        assert (
            rate <= 2 * t["start_customers"] / (t["start_customers"] + t["end_customers"]) + 1e-12
        ).all()
        assert (rate[t["end_customers"] >= t["start_customers"]] <= 1).all()
    else:
        # Joiners counted against a base that excludes them: bounded by the joiners.
        t = table.loc[rate.index]
        assert (t["churned"] <= t["start_customers"] + t["churned_after_joining"]).all()


@given(
    panels(max_customers=6, max_months=14, products=False), st.sampled_from(["M", "Q", "Y", None])
)
def test_churn_rates_are_fractions_for_every_convention(frame, period):
    tables = {}
    for denominator in DENOMINATORS:
        for join, react in SWITCHES:
            result = frame.cs.churn(
                period=period, denominator=denominator, join_and_churn=join, reactivated=react
            )
            table = result if isinstance(result, pd.DataFrame) else None
            if table is None:  # period=None: recompute the single row to check it
                assert isinstance(result, float)
                table = frame.cs.churn(
                    period=None,
                    by="product",
                    denominator=denominator,
                    join_and_churn=join,
                    reactivated=react,
                )
                assert math.isclose(table["churn"].iloc[0], result) or (
                    math.isnan(result) and math.isnan(table["churn"].iloc[0])
                )
            _check_rates(table, denominator, join)
            tables[(denominator, join, react)] = table
    base = tables[("start", "exclude", "count")]
    # Counting joiners adds exactly the joiners who churned; netting removes only returners.
    counted = tables[("start", "count", "count")]
    np.testing.assert_array_equal(
        counted["churned"], base["churned"] + base["churned_after_joining"]
    )
    netted = tables[("start", "exclude", "net")]
    assert (netted["churned"] <= base["churned"]).all()
    assert (base["churned"] - netted["churned"] <= base["returned_after_churn"]).all()
    # Counts never depend on the denominator.
    for d in DENOMINATORS:
        np.testing.assert_array_equal(tables[(d, "exclude", "count")]["churned"], base["churned"])
    assert (base["end_customers"] <= base["start_customers"] + base["new_customers"]).all()


@st.composite
def subscription_lines(draw):
    n = draw(st.integers(1, 6))
    rows = []
    for i in range(n):
        start = pd.Timestamp("2025-11-01") + pd.Timedelta(days=draw(st.integers(0, 300)))
        length = draw(st.one_of(st.none(), st.integers(0, 400)))
        end = None if length is None else start + pd.Timedelta(days=length)
        term = draw(st.sampled_from([1, 3, 12]))
        amount = float(draw(st.integers(0, 40)) * 12)
        rows.append((f"c{draw(st.integers(0, 3))}", start, end, amount, str(term), f"p{i % 2}"))
    return pd.DataFrame(
        rows, columns=["customer_id", "start", "end", "amount", "interval", "product"]
    )


@given(subscription_lines())
def test_to_mrr_matches_a_month_by_month_model(subs):
    until = pd.Period("2026-12", "M")
    got = subs.cs.to_mrr(until=until, product_col=None)
    expected: dict[tuple[str, pd.Period], float] = {}
    for line in subs.itertuples():
        monthly = line.amount / int(line.interval)
        month = line.start.to_period("M")
        while month <= until and monthly > 0:
            close = (month + 1).to_timestamp()  # the first instant after the month
            if line.start < close and (pd.isna(line.end) or line.end >= close):
                expected[(line.customer_id, month)] = (
                    expected.get((line.customer_id, month), 0) + monthly
                )
            month += 1
    got_map = {
        (c, m): v for c, m, v in got[["customer_id", "month", "mrr"]].itertuples(index=False)
    }
    assert got_map.keys() == expected.keys()
    for key, v in expected.items():
        assert math.isclose(got_map[key], v, rel_tol=1e-12)
    # Recognising churn at the end of the paid period never removes a month.
    paid = subs.cs.to_mrr(until=until, product_col=None, recognise_churn="period_end")
    assert set(got_map) <= set(zip(paid["customer_id"], paid["month"], strict=True))


@given(
    st.lists(st.integers(0, 10), min_size=1, max_size=60),
    st.sampled_from(["wald", "adjusted_wald"]),
    st.sampled_from([0.8, 0.9, 0.95, 0.99]),
)
def test_nps_matches_counts_and_interval_is_on_the_scale(scores, method, level):
    frame = pd.DataFrame({"submitted_at": pd.Timestamp("2026-10-01"), "score": scores})
    row = frame.cs.nps(period="M", interval=method, confidence=level).iloc[0]
    p = sum(s >= 9 for s in scores)
    d = sum(s <= 6 for s in scores)
    assert row["n"] == len(scores) == row["promoters"] + row["passives"] + row["detractors"]
    assert (row["promoters"], row["detractors"]) == (p, d)
    assert math.isclose(row["nps"], 100 * (p - d) / len(scores), abs_tol=1e-9)
    assert -100 <= row["ci_low"] <= row["ci_high"] <= 100
    assert row["se"] >= 0
    if method == "wald":
        assert row["ci_low"] - 1e-9 <= row["nps"] <= row["ci_high"] + 1e-9
    assert frame.cs.nps(interval=method, confidence=level, period=None) == row["nps"]
