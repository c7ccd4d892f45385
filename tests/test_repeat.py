"""Repeat (continuation) rate and returning-customer rate.

Hand-worked purchase logs (arithmetic in the comments), the sample company's ``mrr``
frame against plain pandas, and the CDNOW purchase log shipped by the ``lifetimes``
package (read from the installed package, never copied here) against an independent
pandas computation and against ``lifetimes``' own per-customer summary.
"""

from __future__ import annotations

import importlib.resources
import importlib.util
import warnings
from pathlib import Path

import numpy as np
import pandas as pd
import pytest
from hypothesis import given
from hypothesis import strategies as st

import cskit
from cskit.errors import (
    ColumnTypeError,
    CskitWarning,
    EmptyFrameError,
    InvalidParameterError,
    InvalidValueError,
    MissingColumnError,
)
from cskit.plotting import repeat_rate_trend

CDNOW_END = pd.Timestamp("1998-06-30")  # the log's last day (documented by CDNOW / lifetimes)


def cdnow_path() -> Path:
    """CDNOW_master.txt inside the installed ``lifetimes`` package.

    ``importlib.resources`` imports the package; should ``lifetimes`` ever stop importing
    (it is old code), the file is found from the package's spec, which runs none of it.
    """
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # its import sets an option pandas 3 deprecates
            path = importlib.resources.files("lifetimes") / "datasets" / "CDNOW_master.txt"
        return Path(str(path))
    except Exception:  # noqa: BLE001 - any import failure of the old package
        spec = importlib.util.find_spec("lifetimes")
        if spec is None or not spec.submodule_search_locations:
            pytest.fail("The 'lifetimes' test dependency is not installed: pip install -e '.[test]'")
        return Path(spec.submodule_search_locations[0]) / "datasets" / "CDNOW_master.txt"


@pytest.fixture(scope="module")
def cdnow() -> pd.DataFrame:
    """69,659 purchase lines of 23,570 CDNOW customers, January 1997 – June 1998."""
    raw = pd.read_csv(cdnow_path(), sep=r"\s+", dtype={"customer_id": str, "date": str})
    raw["date"] = pd.to_datetime(raw["date"], format="%Y%m%d")
    assert raw.shape == (69_659, 4) and raw["customer_id"].nunique() == 23_570
    assert raw["date"].max() == CDNOW_END
    return raw


# --------------------------------------------------------------------------- hand-worked


@pytest.fixture
def log() -> pd.DataFrame:
    return pd.DataFrame(
        {
            "customer_id": ["a", "a", "b", "b", "c", "d", "e", "e", "f", "f"],
            "date": pd.to_datetime(
                [
                    "2026-01-01", "2026-01-31",  # a: back after exactly 30 days
                    "2026-01-05", "2026-02-05",  # b: back after 31 days
                    "2026-01-09",  # c: never back
                    "2026-03-20",  # d: first purchase 12 days before the end
                    "2026-02-01 09:00", "2026-02-01 17:30",  # e: two lines, one day
                    "2026-02-10", "2026-03-01",  # f: back after 19 days
                ],
                format="ISO8601",
            ),
            "segment": ["x", "y", "y", "y", "x", "x", "y", "x", "x", "x"],
        }
    )


def test_window_is_inclusive_and_incomplete_windows_are_left_out(log, unchanged):
    # window 30: a (30 days) and f (19) repeat; b (31) does not; c never; e one visit.
    # End of data 2026-03-20: d's window (to 2026-04-19) is not over -> not observable.
    # observable a, b, c, e, f = 5; repeaters a, f = 2 -> 2 / 5
    assert unchanged(cskit.metrics.repeat_rate, log, window=30, period=None) == pytest.approx(2 / 5)
    # window 31 adds b: 3 / 5; but f's window (2026-02-10 + 31 = 2026-03-13) is still over
    assert log.cs.repeat_rate(window=31, period=None) == pytest.approx(3 / 5)
    # window 29: only f; a's 30 days are one too many -> 1 / 5
    assert log.cs.repeat_rate(window=29, period=None) == pytest.approx(1 / 5)
    # include d as a non-repeater: 2 / 6
    assert log.cs.repeat_rate(window=30, incomplete="include", period=None) == pytest.approx(2 / 6)


def test_same_day_lines_merge_by_default(log):
    # "count": e's second line on its first day is a repeat -> a, e, f of 5
    assert log.cs.repeat_rate(window=30, same_day="count", period=None) == pytest.approx(3 / 5)


def test_as_of_ignores_later_purchases_and_shrinks_what_is_observable(log):
    # as_of 2026-02-20: f's return (03-01) is ignored and d does not exist yet.
    # window 30 observable: first + 30 <= 02-20 -> a (01-01), b (01-05), c (01-09) only;
    # e (02-01) and f (02-10) are not. Repeaters: a -> 1 / 3
    assert log.cs.repeat_rate(window=30, as_of="2026-02-20", period=None) == pytest.approx(1 / 3)
    table = log.cs.repeat_rate(window=30, as_of="2026-02-20", period="M")
    assert table["new_customers"].tolist() == [3, 2]  # January a, b, c; February e, f


def test_cohorts_and_segments(log):
    table = log.cs.repeat_rate(window=30, period="M")
    assert table.index.name == "period" and isinstance(table.index, pd.PeriodIndex)
    assert table.columns.tolist() == ["new_customers", "observable", "repeaters", "numerator",
                                     "denominator", "repeat_rate"]
    assert (table["numerator"] == table["repeaters"]).all()
    assert (table["denominator"] == table["observable"]).all()
    # January: a, b, c (a repeats) 1/3; February: e, f (f repeats) 1/2; March: d, unobservable
    assert table["new_customers"].tolist() == [3, 2, 1]
    assert table["observable"].tolist() == [3, 2, 0]
    assert table["repeaters"].tolist() == [1, 1, 0]
    np.testing.assert_allclose(table["repeat_rate"], [1 / 3, 1 / 2, np.nan])
    # Segment of the FIRST purchase: a x, b y, c x, d x, e y, f x.
    # x: a, c, f observable (d not): a, f repeat -> 2/3; y: b, e: none -> 0
    seg = log.cs.repeat_rate(window=30, by="segment", period=None)
    assert seg.index.name == "segment"
    assert seg["repeaters"].tolist() == [2, 0]
    np.testing.assert_allclose(seg["repeat_rate"], [2 / 3, 0.0])
    both = log.cs.repeat_rate(window=30, period="Q", by="segment")
    assert both.index.names == ["period", "segment"]
    assert both.loc[(pd.Period("2026Q1", "Q"), "x"), "new_customers"] == 4


def test_no_complete_window_is_nan_with_a_warning(log):
    with pytest.warns(CskitWarning, match="window is over"):
        assert np.isnan(log.cs.repeat_rate(window=365, period=None))


def test_an_mrr_frame_counts_paying_months(make_mrr):
    mrr = make_mrr(
        {
            "a": {"2026-01": 10, "2026-02": 10},  # back the next month
            "b": {"2026-01": 10, "2026-04": 10},  # back after 3 months
            "c": {"2026-01": 10, "2026-02": 0},  # a zero month is not a purchase
            "d": {"2026-04": 10},  # window not over at the end (April)
        }
    )
    # window 1 month: a of a, b, c (d not observable: April + 1 > April) -> 1/3
    assert mrr.cs.repeat_rate(date_col="month", amount_col="mrr", window=1, period=None) == pytest.approx(1 / 3)
    # window 3 (the monthly default): a and b of a, b, c
    assert mrr.cs.repeat_rate(date_col="month", amount_col="mrr", period=None) == pytest.approx(2 / 3)
    # without amount= the zero month counts as a purchase for c
    assert mrr.cs.repeat_rate(date_col="month", window=1, period=None) == pytest.approx(2 / 3)
    # the same frame with days: a Period column read as days needs an explicit unit
    assert mrr.cs.repeat_rate(date_col="month", amount_col="mrr", unit="D", window=31, period=None) == pytest.approx(
        1 / 3
    )


def test_returning_customer_rate_by_hand():
    orders = pd.DataFrame(
        {
            "customer_id": ["a", "a", "b", "c", "c", "b", "d"],
            "date": ["2026-01-03", "2026-02-10", "2026-02-11", "2026-02-12", "2026-02-20",
                     "2026-03-01", "2026-03-02"],
            "segment": ["x", "y", "y", "x", "x", "y", "x"],
        }
    )
    # Jan: a (1st order) -> 0/1. Feb: a (2nd), b (1st), c (2 in Feb) -> 2/3.
    # Mar: b (2nd), d (1st) -> 1/2
    table = orders.cs.returning_customer_rate()
    assert table.columns.tolist() == ["customers", "returning", "numerator", "denominator",
                                     "returning_customer_rate"]
    assert table["customers"].tolist() == [1, 3, 2]
    assert table["returning"].tolist() == [0, 2, 1]
    assert table["numerator"].tolist() == [0, 2, 1] and table["denominator"].tolist() == [1, 3, 2]
    # in_period: only c has two orders inside a month (Feb)
    assert orders.cs.returning_customer_rate(history="in_period")["returning"].tolist() == [0, 1, 0]
    # ever: a, b, c have two orders in the whole log; d one -> Jan 1, Feb 3, Mar 1
    assert orders.cs.returning_customer_rate(history="ever")["returning"].tolist() == [1, 3, 1]
    # whole range: a, b, c of a, b, c, d
    assert orders.cs.returning_customer_rate(period=None) == 0.75
    # segment of the last order in the period: Feb a -> y, b -> y, c -> x
    seg = orders.cs.returning_customer_rate(by="segment")
    assert seg.loc[(pd.Period("2026-02", "M"), "y"), "customers"] == 2
    assert seg.loc[(pd.Period("2026-02", "M"), "x"), "returning"] == 1


# --------------------------------------------------------------------------- bad input


@pytest.mark.parametrize(
    ("kwargs", "error", "match"),
    [
        ({"window": 0}, InvalidParameterError, "whole number of days"),
        ({"window": 2.5}, InvalidParameterError, "window=2.5"),
        ({"same_day": "skip"}, InvalidParameterError, "same_day='skip'"),
        ({"incomplete": "drop"}, InvalidParameterError, "incomplete='drop'"),
        ({"unit": "W"}, InvalidParameterError, "unit='W'"),
        ({"period": "W"}, InvalidParameterError, "period='W'"),
        ({"as_of": "not a date"}, InvalidParameterError, "as_of='not a date'"),
        ({"as_of": "2020-01-01"}, EmptyFrameError, "on or before as_of"),
        ({"date_col": "when"}, MissingColumnError, "Column 'when' is missing"),
        ({"by": "region"}, MissingColumnError, "pass by="),
    ],
)
def test_bad_parameters(log, kwargs, error, match):
    with pytest.raises(error, match=match):
        log.cs.repeat_rate(**kwargs)


def test_bad_values():
    frame = pd.DataFrame({"customer_id": ["a", None], "date": ["2026-01-01", "2026-01-02"]})
    with pytest.raises(InvalidValueError, match="1 missing id"):
        frame.cs.repeat_rate(period=None)
    frame = pd.DataFrame({"customer_id": ["a", "b"], "date": ["2026-01-01", "soon"]})
    with pytest.raises(ColumnTypeError, match="'soon'"):
        frame.cs.returning_customer_rate()
    frame = pd.DataFrame(
        {"customer_id": ["a", "b"], "date": ["2026-01-01", "2026-01-02"], "amount": [5.0, -1.0]}
    )
    with pytest.raises(InvalidValueError, match="negative values: -1.0"):
        frame.cs.repeat_rate(amount_col="amount", period=None)
    with pytest.raises(EmptyFrameError, match="'amount' > 0"):
        frame.assign(amount=0.0).cs.repeat_rate(amount_col="amount", period=None)
    with pytest.raises(InvalidParameterError, match="history='all'"):
        frame.cs.returning_customer_rate(history="all")


# --------------------------------------------------------------------------- sample company


def test_sample_mrr_continuation_rate_against_plain_pandas(company):
    mrr = company.mrr
    window = 3
    got = mrr.cs.repeat_rate(date_col="month", amount_col="mrr", window=window, period="Q")
    # Independent: paying months per customer, the first one, any other within 3 months.
    paying = mrr.groupby(["customer_id", "month"])["mrr"].sum()
    paying = paying[paying > 0].reset_index()
    first = paying.groupby("customer_id")["month"].min().rename("first")
    paying = paying.join(first, on="customer_id")
    gap = (paying["month"] - paying["first"]).map(lambda offset: offset.n)
    came_back = paying[(gap >= 1) & (gap <= window)].groupby("customer_id").size() > 0
    customers = first.to_frame()
    customers["back"] = customers.index.isin(came_back[came_back].index)
    last = mrr["month"].max()
    customers["observable"] = customers["first"].map(lambda m: (m + window) <= last)
    customers["cohort"] = customers["first"].map(lambda m: m.asfreq("Q"))
    seen = customers[customers["observable"]]
    want = seen.groupby("cohort")["back"].mean()
    np.testing.assert_allclose(got["repeat_rate"].dropna().to_numpy(), want.to_numpy())
    assert got["new_customers"].to_numpy().tolist() == (
        customers.groupby("cohort").size().to_numpy().tolist()
    )
    overall = mrr.cs.repeat_rate(date_col="month", amount_col="mrr", window=window, period=None)
    assert overall == pytest.approx(seen["back"].mean())
    assert 0.5 < overall < 1.0  # most subscribers pay a second month


def test_sample_returning_rate_on_mrr_is_the_share_of_existing_customers(company):
    mrr = company.mrr
    got = mrr.cs.returning_customer_rate(date_col="month", amount_col="mrr")
    paying = mrr.groupby(["customer_id", "month"])["mrr"].sum()
    paying = paying[paying > 0].reset_index()
    first = paying.groupby("customer_id")["month"].transform("min")
    paying["returning"] = paying["month"] > first
    want = paying.groupby("month")["returning"].agg(["size", "sum"])
    assert got["customers"].tolist() == want["size"].tolist()
    assert got["returning"].tolist() == want["sum"].astype(int).tolist()


# --------------------------------------------------------------------------- CDNOW


def test_cdnow_repeat_rate_against_plain_pandas(cdnow):
    got90 = cdnow.cs.repeat_rate(window=90, period=None)
    # Independent: distinct purchase days, the first two per customer.
    days = cdnow[["customer_id", "date"]].drop_duplicates().sort_values(["customer_id", "date"])
    first = days.groupby("customer_id")["date"].min()
    second = days.groupby("customer_id")["date"].nth(1)
    second = pd.Series(second.to_numpy(), index=days.loc[second.index, "customer_id"])
    delay = (second - first.reindex(second.index)).dt.days
    # Every CDNOW customer first bought in Q1 1997, so every 90-day window is over by 1998-06-30.
    assert (first + pd.Timedelta(days=90) <= CDNOW_END).all()
    want90 = (delay <= 90).sum() / len(first)
    assert got90 == pytest.approx(want90, abs=1e-15)
    assert 0.25 < got90 < 0.35  # about 3 in 10 came back within a quarter
    by_month = cdnow.cs.repeat_rate(window=90, period="M")
    cohort = first.dt.to_period("M")
    back = pd.Series(False, index=first.index)
    back[delay[delay <= 90].index] = True
    want = back.groupby(cohort).mean()
    assert by_month.index.tolist() == want.index.tolist()  # January, February, March 1997
    np.testing.assert_allclose(by_month["repeat_rate"], want.to_numpy())
    # Counting same-day lines as visits can only add repeaters.
    assert cdnow.cs.repeat_rate(window=90, same_day="count", period=None) >= got90


def test_cdnow_against_lifetimes_summary(cdnow):
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # its import sets an option pandas 3 deprecates
        utils = pytest.importorskip("lifetimes.utils")  # the package's own per-customer numbers
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        summary = utils.summary_data_from_transaction_data(
            cdnow, "customer_id", "date", observation_period_end=CDNOW_END, freq="D"
        )
    # lifetimes' frequency = repeat purchase days. A window as long as the whole log (545
    # days), counting every customer, makes "repeated within the window" frequency > 0.
    span = (CDNOW_END - cdnow["date"].min()).days
    got = cdnow.cs.repeat_rate(window=span, incomplete="include", period=None)
    assert got == pytest.approx((summary["frequency"] > 0).mean(), abs=1e-15)
    # … and so is the returning-customer rate over the whole log.
    assert cdnow.cs.returning_customer_rate(period=None) == pytest.approx(got, abs=1e-15)
    # lifetimes counts the same purchase days as cskit's merged occasions.
    one = cdnow.assign(all="all").cs.ltv(model="transactional", by="all", amount_col="dollar_value", period=None)
    positive = cdnow[cdnow["dollar_value"] > 0]
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        paid = utils.summary_data_from_transaction_data(
            positive, "customer_id", "date", observation_period_end=CDNOW_END, freq="D"
        )
    assert one["orders"].iloc[0] == (paid["frequency"] + 1).sum()
    assert one["customers"].iloc[0] == len(paid)


# --------------------------------------------------------------------------- properties


@st.composite
def purchase_logs(draw):
    n = draw(st.integers(1, 12))
    rows = []
    for i in range(n):
        k = draw(st.integers(1, 5))
        days = draw(st.lists(st.integers(0, 200), min_size=k, max_size=k))
        rows += [(f"c{i}", pd.Timestamp("2026-01-01") + pd.Timedelta(days=d)) for d in days]
    return pd.DataFrame(rows, columns=["customer_id", "date"])


@given(purchase_logs(), st.integers(1, 120), st.integers(1, 120))
def test_rates_stay_in_range_and_grow_with_the_window(frame, w1, w2):
    small, large = sorted((w1, w2))
    table = frame.cs.repeat_rate(window=small, period="M", incomplete="include")
    assert (table["repeaters"] <= table["observable"]).all()
    assert (table["observable"] <= table["new_customers"]).all()
    rate = table["repeat_rate"].dropna()
    assert ((rate >= 0) & (rate <= 1)).all()
    a = frame.cs.repeat_rate(window=small, incomplete="include", period=None)
    b = frame.cs.repeat_rate(window=large, incomplete="include", period=None)
    assert 0 <= a <= b <= 1


@given(purchase_logs())
def test_returning_history_forms_are_ordered(frame):
    forms = {
        h: frame.cs.returning_customer_rate(history=h)["returning"]
        for h in ("in_period", "to_date", "ever")
    }
    assert (forms["in_period"] <= forms["to_date"]).all()
    assert (forms["to_date"] <= forms["ever"]).all()
    rate = frame.cs.returning_customer_rate()["returning_customer_rate"]
    assert ((rate >= 0) & (rate <= 1)).all()


# --------------------------------------------------------------------------- plot


def test_repeat_rate_trend_plots_the_result(log):
    table = log.cs.repeat_rate(window=30, period="M")
    ax = repeat_rate_trend(table)
    assert ax.lines[0].get_ydata().tolist() == pytest.approx([1 / 3, 1 / 2])  # March is NaN
    assert [p.get_height() for p in ax.twin.patches] == [3, 2, 0]
    assert ax.get_title() == cskit.t("ltv.title.repeat_rate")
    with pytest.raises(InvalidParameterError, match="repeat_rate_trend"):
        repeat_rate_trend(table[["new_customers"]])


def test_cdnow_is_found_without_importing_lifetimes(monkeypatch):
    # If the old package ever fails to import, the file is still read from its install.
    def broken(name):
        raise ImportError(f"pretend {name} is broken")

    monkeypatch.setattr(importlib.resources, "files", broken)
    path = cdnow_path()
    assert path.name == "CDNOW_master.txt" and path.is_file()
    assert "site-packages" in str(path) or "dist-packages" in str(path)  # not a copy in the repo
