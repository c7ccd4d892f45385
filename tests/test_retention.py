"""ARPA / ARPU, NRR / GRR, quick ratio and cohort retention.

Hand-worked cases (arithmetic in the comments, the catalogue's reference
figures included), independent plain-pandas computations on the sample company
(a customer × month pivot table, no cskit), and hypothesis properties.
"""

from __future__ import annotations

import matplotlib

matplotlib.use("Agg")

import matplotlib.pyplot as plt  # noqa: E402
import numpy as np  # noqa: E402
import pandas as pd  # noqa: E402
import pytest  # noqa: E402
from conftest import mrr_frame  # noqa: E402
from hypothesis import given  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

import cskit  # noqa: E402
from cskit.errors import (  # noqa: E402
    DuplicateRowsError,
    InvalidParameterError,
    InvalidValueError,
    MissingColumnError,
)
from cskit.metrics import arpa, arpu, cohort_nrr, cohort_retention, grr, nrr, quick_ratio  # noqa: E402
from cskit.plotting import (  # noqa: E402
    arpa_trend,
    cohort_heatmap,
    funnel_bars,
    nrr_grr_trend,
    quick_ratio_trend,
    rate_trend,
)

# --------------------------------------------------------------------------- fixtures


@pytest.fixture(scope="module")
def sample():
    return cskit.datasets.load_sample()


@pytest.fixture(scope="module")
def pivot(sample) -> pd.DataFrame:
    """Plain pandas: customer × month total MRR (0 when not paying), every month."""
    table = sample.mrr.pivot_table(index="customer_id", columns="month", values="mrr",
                                   aggfunc="sum", fill_value=0.0)
    months = pd.period_range(sample.mrr["month"].min(), sample.mrr["month"].max(), freq="M")
    return table.reindex(columns=months, fill_value=0.0)


@pytest.fixture(scope="module")
def with_segment(sample) -> pd.DataFrame:
    segments = sample.accounts.set_index("account_id")["segment"]
    frame = sample.mrr.copy()
    frame["segment"] = frame["customer_id"].map(segments)
    return frame


@pytest.fixture(autouse=True)
def _english():
    cskit.set_language("en")
    yield
    cskit.set_language("en")
    plt.close("all")


# The catalogue's MRR-churn reference as one month: start MRR 100 over a, b, c, e;
# a expands by 10, b contracts by 10, c (10) churns, e stays; d is new business.
REFERENCE = {
    "a": {"2026-01": 40, "2026-02": 50},
    "b": {"2026-01": 30, "2026-02": 20},
    "c": {"2026-01": 10},
    "e": {"2026-01": 20, "2026-02": 20},
    "d": {"2026-02": 99},
}

# --------------------------------------------------------------------------- ARPA / ARPU


def test_arpa_catalogue_reference():
    # accounts paying 100, 100, 300, 500, 500 -> 1,500 / 5 = 300
    frame = mrr_frame({k: {"2026-01": v} for k, v in zip("abcde", [100, 100, 300, 500, 500],
                                                          strict=True)})
    assert arpa(frame, period=None) == 300.0
    table = frame.cs.arpa()
    assert table.loc["2026-01", ["revenue", "active_accounts", "arpa"]].tolist() == [1500, 5, 300]
    # numerator: revenue per month (one month: 1,500); denominator: 5 paying accounts
    assert table.loc["2026-01", ["numerator", "denominator"]].tolist() == [1500, 5]


def test_arpa_combines_an_accounts_lines_first():
    # a pays 100 for core and 50 for an add-on: one account paying 150, not two lines of 75
    frame = mrr_frame({"a": {"2026-01": 100}, "b": {"2026-01": 50}})
    extra = mrr_frame({"a": {"2026-01": 50}})
    frame["product"], extra["product"] = "core", "addon"
    both = pd.concat([frame, extra], ignore_index=True)
    assert arpa(both, period=None) == 100.0  # (150 + 50) / 2 accounts


def test_arpa_averages_by_hand():
    # Dec: a, b (2 accounts). Jan: a, b, c, d (4). Feb: a, b, c, d (4). Mar: a, b, c (3).
    # Every account pays 100 a month.
    spec = {
        "a": dict.fromkeys(["2025-12", "2026-01", "2026-02", "2026-03"], 100),
        "b": dict.fromkeys(["2025-12", "2026-01", "2026-02", "2026-03"], 100),
        "c": dict.fromkeys(["2026-01", "2026-02", "2026-03"], 100),
        "d": dict.fromkeys(["2026-01", "2026-02"], 100),
    }
    frame = mrr_frame(spec)
    # Q1 2026: revenue 400 + 400 + 300 = 1,100 over 3 months = 366.67 a month.
    # actives: (4 + 4 + 3) / 3 = 3.667 accounts -> 366.67 / 3.667 = 100.
    # start_end: start = Dec's 2, end = Mar's 3 -> 2.5 accounts -> 366.67 / 2.5 = 146.67.
    q_act = frame.cs.arpa(period="Q")
    q_se = frame.cs.arpa(period="Q", average="start_end")
    assert q_act.index.tolist() == [pd.Period("2026Q1", "Q")]
    assert q_act.loc["2026Q1", "arpa"] == pytest.approx(100.0)
    assert q_act.loc["2026Q1", "revenue"] == 1100.0
    assert q_act.loc["2026Q1", "numerator"] == pytest.approx(1100 / 3)
    assert q_act.loc["2026Q1", "denominator"] == pytest.approx(11 / 3)
    assert q_se.loc["2026Q1", "arpa"] == pytest.approx(1100 / 3 / 2.5)
    assert q_se.loc["2026Q1", ["start_accounts", "end_accounts"]].tolist() == [2, 3]
    # Monthly start_end for January: start 2 (Dec), end 4 -> 400 / 3 = 133.33;
    # December has no month before it, so it is not reported.
    m_se = frame.cs.arpa(average="start_end")
    assert str(m_se.index[0]) == "2026-01"
    assert m_se.loc["2026-01", "arpa"] == pytest.approx(400 / 3)
    # The quarter's ARPA is monthly: compare with a month, not three times it.
    assert frame.cs.arpa().loc["2026-03", "arpa"] == 100.0


def test_arpa_by_segment_on_the_sample_matches_plain_pandas(with_segment):
    table = with_segment.cs.arpa(by="segment")
    paying = with_segment.groupby(["month", "segment", "customer_id"])["mrr"].sum()
    paying = paying[paying > 0]
    manual = paying.groupby(["month", "segment"]).agg(["sum", "count"])
    expected = manual["sum"] / manual["count"]
    got = table["arpa"].dropna()
    got.index = got.index.set_names(["month", "segment"])
    pd.testing.assert_series_equal(got.sort_index(), expected.sort_index(), check_names=False)


def test_arpa_on_the_sample_matches_plain_pandas(sample, pivot):
    table = sample.mrr.cs.arpa()
    paying = pivot.gt(0).sum()
    expected = pivot.sum() / paying
    assert np.allclose(table["arpa"].to_numpy(), expected.to_numpy(), rtol=1e-12)
    # start_end, quarterly: revenue of the quarter / 3 / mean(accounts before, accounts at end)
    q = sample.mrr.cs.arpa(period="Q", average="start_end")
    for period, row in q.iterrows():
        months = pd.period_range(period.asfreq("M", "start"), period.asfreq("M", "end"))
        before = months[0] - 1
        revenue = pivot[months].to_numpy().sum()
        accounts = (paying[before] + paying[months[-1]]) / 2
        assert row["arpa"] == pytest.approx(revenue / 3 / accounts, rel=1e-12)
    assert sample.mrr.cs.arpa(period=None) == pytest.approx(expected.iloc[-1], rel=1e-12)


def test_arpu_static_and_monthly_users():
    frame = mrr_frame({"a": {"2026-01": 100, "2026-02": 100}, "b": {"2026-01": 500}})
    seats = pd.DataFrame({"account_id": ["a", "b", "z"], "seats": [2, 10, 7]})
    # January: 600 / (2 + 10) = 50; February: 100 / 2 = 50.
    table = frame.cs.arpu(seats)
    assert table["arpu"].tolist() == [50.0, 50.0]
    assert table["active_users"].tolist() == [12.0, 2.0]
    # A Series of users indexed by account works the same.
    assert arpu(frame, seats.set_index("account_id")["seats"], period=None) == 50.0
    # Monthly counts: a has 4 users in February -> 100 / 4 = 25.
    monthly = pd.DataFrame({"account_id": ["a", "a", "b"], "month": ["2026-01", "2026-02",
                                                                     "2026-01"],
                            "seats": [2, 4, 10]})
    assert frame.cs.arpu(monthly)["arpu"].tolist() == [50.0, 25.0]


def test_arpu_on_the_sample_matches_plain_pandas(sample, pivot):
    seats = sample.accounts.set_index("account_id")["seats"]
    last = pivot.columns[-1]
    paying = pivot[last][pivot[last] > 0]
    expected = paying.sum() / seats.reindex(paying.index).sum()
    assert sample.mrr.cs.arpu(sample.accounts, period=None) == pytest.approx(expected, rel=1e-12)


def test_arpu_bad_users():
    frame = mrr_frame({"a": {"2026-01": 100}, "b": {"2026-01": 50}})
    with pytest.raises(InvalidValueError, match=r"no user count for 1 paying account.*'b'"):
        frame.cs.arpu(pd.DataFrame({"account_id": ["a"], "seats": [3]}))
    with pytest.raises(DuplicateRowsError, match="account_id"):
        frame.cs.arpu(pd.DataFrame({"account_id": ["a", "a", "b"], "seats": [1, 2, 3]}))
    with pytest.raises(MissingColumnError, match="'seats' is missing from the users frame"):
        frame.cs.arpu(pd.DataFrame({"account_id": ["a", "b"], "users": [1, 2]}))
    with pytest.raises(InvalidParameterError, match="users must be a DataFrame"):
        frame.cs.arpu([1, 2])
    with pytest.raises(InvalidParameterError, match="average='mean'"):
        frame.cs.arpa(average="mean")


# --------------------------------------------------------------------------- NRR / GRR


def test_nrr_grr_catalogue_reference():
    # start MRR 100; expansion 10, contraction 10, churn 10 (d is new business: left out)
    # NRR = (100 + 10 - 10 - 10) / 100 = 0.9 (= 1 - net revenue churn 10 %)
    # GRR = (100 - 10 - 10) / 100 = 0.8 (= 1 - gross revenue churn 20 %)
    frame = mrr_frame(REFERENCE)
    assert nrr(frame, period=None) == pytest.approx(0.9)
    assert grr(frame, period=None) == pytest.approx(0.8)
    row = frame.cs.nrr().loc["2026-02"]
    assert row[["start", "expansion", "contraction", "churn", "end"]].tolist() == [
        100, 10, 10, 10, 90]
    assert row[["start_customers", "retained_customers"]].tolist() == [4, 3]
    # NRR's numerator: 100 + 10 - 10 - 10 = 90; GRR's: 100 - 10 - 10 = 80; both over 100
    assert row[["numerator", "denominator"]].tolist() == [90, 100]
    assert frame.cs.grr().loc["2026-02", ["numerator", "denominator"]].tolist() == [80, 100]
    assert 1 - frame.cs.revenue_churn(kind="net", period=None) == pytest.approx(0.9)


def test_grr_is_capped_per_customer():
    # a: 100 -> 300 (expansion 200), b: 100 -> 0 (churn 100).
    # NRR = 300 / 200 = 1.5; GRR = (min(300, 100) + 0) / 200 = 0.5, not 1.5.
    frame = mrr_frame({"a": {"2026-01": 100, "2026-02": 300}, "b": {"2026-01": 100}})
    assert nrr(frame, period=None) == 1.5
    assert grr(frame, period=None) == 0.5


def test_reactivation_is_excluded_and_the_switch():
    # Window of 3 months, Jan -> Apr. a pays 100 throughout; b pays 100 in Jan, leaves in
    # Feb and is back with 100 in April; c joins in March (new business).
    spec = {
        "a": dict.fromkeys(["2026-01", "2026-02", "2026-03", "2026-04"], 100),
        "b": {"2026-01": 100, "2026-04": 100},
        "c": {"2026-03": 50, "2026-04": 50},
    }
    frame = mrr_frame(spec)
    # exclude (default): b's return is reactivation -> (200 - 100 churn) / 200 = 0.5
    assert frame.cs.nrr(window=3).loc["2026-04", "nrr"] == 0.5
    # count: b's April MRR counts -> 200 / 200 = 1.0
    assert frame.cs.nrr(window=3, reactivated="count").loc["2026-04", "nrr"] == 1.0
    # monthly NRR in April: start = March's a + c = 150, both stay -> 1.0 (b is reactivation)
    assert frame.cs.nrr().loc["2026-04", "nrr"] == 1.0
    with pytest.raises(InvalidParameterError, match="reactivated='net'"):
        frame.cs.nrr(reactivated="net")


def test_window_and_period():
    # 14 months; a grows 100 -> 113 by 1 a month, b pays 50 and leaves after 6 months.
    months = pd.period_range("2025-01", "2026-02", freq="M")
    spec = {
        "a": {str(m): 100 + i for i, m in enumerate(months)},
        "b": {str(m): 50 for m in months[:6]},
    }
    frame = mrr_frame(spec)
    yoy = frame.cs.nrr(window=12)
    # first window end: 2026-01 (start 2025-01: a 100 + b 50 = 150; end a 112, b gone)
    assert [str(p) for p in yoy.index] == ["2026-01", "2026-02"]
    assert yoy.loc["2026-01", "nrr"] == pytest.approx(112 / 150)
    assert frame.cs.grr(window=12).loc["2026-02", "grr"] == pytest.approx(101 / 151)
    # period="Q": the window of each quarter (default 3 months) ends at its last month.
    # 2025Q2: start Mar (a 102, b 50), end Jun (a 105, b 50) -> 155 / 152.
    q = frame.cs.nrr(period="Q")
    assert [str(p) for p in q.index] == ["2025Q2", "2025Q3", "2025Q4"]
    assert q.loc["2025Q2", "nrr"] == pytest.approx(155 / 152)
    # a quarter with one window of one month: the last month's monthly figure
    assert frame.cs.nrr(period="Q", window=1).loc["2025Q3", "nrr"] == pytest.approx(108 / 107)
    # a year: 2025 needs Dec 2024 as its start: not in the data
    with pytest.raises(InvalidParameterError, match="No whole 'Y' period"):
        frame.cs.nrr(period="Y")
    for bad in (0, -1, 1.5, True, "12"):
        with pytest.raises(InvalidParameterError, match="window="):
            frame.cs.nrr(window=bad)
    with pytest.raises(InvalidParameterError, match="needs at least 15 months"):
        frame.cs.nrr(window=14)


def test_nrr_window_1_matches_the_movements(sample):
    net, gross = sample.mrr.cs.nrr(), sample.mrr.cs.grr()
    moves = sample.mrr.cs.mrr_movements()
    kept = moves["start"] - moves["contraction"] - moves["churn"]
    assert np.allclose(net["nrr"], (kept + moves["expansion"]) / moves["start"], rtol=1e-12)
    assert np.allclose(gross["grr"], kept / moves["start"], rtol=1e-12)
    assert np.allclose(net["start"], moves["start"], rtol=1e-12)


def _manual_retention(pivot: pd.DataFrame, window: int, reactivated: str) -> pd.DataFrame:
    """Plain pandas: for each month m, the customers paying in m - window."""
    rows = {}
    months = pivot.columns
    for i in range(window, len(months)):  # a loop over months
        start = pivot[months[i - window]]
        end = pivot[months[i]]
        base = start > 0
        if reactivated == "exclude":
            stayed = (pivot[months[i - window: i + 1]] > 0).all(axis=1)
        else:
            stayed = end > 0
        end_kept = end.where(base & stayed, 0.0)
        rows[months[i]] = {
            "nrr": end_kept.sum() / start[base].sum(),
            "grr": np.minimum(end_kept, start)[base].sum() / start[base].sum(),
            "start_customers": int(base.sum()),
            "retained_customers": int((base & stayed).sum()),
        }
    return pd.DataFrame.from_dict(rows, orient="index")


@pytest.mark.parametrize(("window", "reactivated"), [(1, "exclude"), (12, "exclude"),
                                                     (12, "count"), (5, "count")])
def test_nrr_grr_on_the_sample_match_plain_pandas(sample, pivot, window, reactivated):
    manual = _manual_retention(pivot, window, reactivated)
    net = sample.mrr.cs.nrr(window=window, reactivated=reactivated)
    gross = sample.mrr.cs.grr(window=window, reactivated=reactivated)
    assert list(net.index) == list(manual.index)
    assert np.allclose(net["nrr"], manual["nrr"], rtol=1e-12)
    assert np.allclose(gross["grr"], manual["grr"], rtol=1e-12)
    assert (net["start_customers"].to_numpy() == manual["start_customers"].to_numpy()).all()
    assert (net["retained_customers"].to_numpy() == manual["retained_customers"]).all()


def test_nrr_by_segment_adds_up(with_segment):
    split = with_segment.cs.nrr(by="segment", window=12)
    whole = with_segment.cs.nrr(window=12)
    summed = split.groupby(level="period")[["start", "expansion", "contraction", "churn",
                                            "end", "start_customers"]].sum()
    assert np.allclose(summed.to_numpy(), whole[summed.columns].to_numpy())
    latest = with_segment.cs.nrr(by="segment", window=12, period=None)
    assert latest.index.name == "segment"
    assert latest["nrr"].tolist() == split.xs(split.index.levels[0][-1], level="period")[
        "nrr"].tolist()


# --------------------------------------------------------------------------- quick ratio


def test_quick_ratio_by_hand():
    # Jan: a 100, b 50, c 50, x 20. Feb: a 130 (+30), c 40 (-10), d 60 new, e 10 new;
    # b churns 50, x churns 20. Mar: x back with 20 (reactivation), everyone else the same.
    spec = {
        "a": {"2026-01": 100, "2026-02": 130, "2026-03": 130},
        "b": {"2026-01": 50},
        "c": {"2026-01": 50, "2026-02": 40, "2026-03": 40},
        "d": {"2026-02": 60, "2026-03": 60},
        "e": {"2026-02": 10, "2026-03": 10},
        "x": {"2026-01": 20, "2026-03": 20},
    }
    frame = mrr_frame(spec)
    table = frame.cs.quick_ratio()
    # Feb: (70 new + 30 expansion) / (10 contraction + 70 churn) = 100 / 80 = 1.25
    assert table.loc["2026-02", "quick_ratio"] == 1.25
    assert table.loc["2026-02", ["numerator", "denominator"]].tolist() == [100, 80]
    # Mar: 20 reactivation / nothing lost: undefined, not infinite
    assert np.isnan(table.loc["2026-03", "quick_ratio"])
    assert table.loc["2026-03", "gained"] == 20
    assert frame.cs.quick_ratio(include_reactivation=False).loc["2026-03", "gained"] == 0
    # whole span: (100 + 20) / 80 = 1.5; without reactivation 100 / 80
    assert quick_ratio(frame, period=None) == 1.5
    assert quick_ratio(frame, period=None, include_reactivation=False) == 1.25
    with pytest.raises(InvalidParameterError, match="include_reactivation"):
        frame.cs.quick_ratio(include_reactivation="yes")


def test_quick_ratio_on_the_sample_matches_plain_pandas(sample, pivot):
    before, after = pivot.iloc[:, :-1].to_numpy(), pivot.iloc[:, 1:].to_numpy()
    ever = np.maximum.accumulate(pivot.to_numpy() > 0, axis=1)[:, :-1]
    both = (before > 0) & (after > 0)
    new = np.where((before == 0) & (after > 0) & ~ever, after, 0).sum(axis=0)
    reactivation = np.where((before == 0) & (after > 0) & ever, after, 0).sum(axis=0)
    expansion = np.where(both & (after > before), after - before, 0).sum(axis=0)
    contraction = np.where(both & (after < before), before - after, 0).sum(axis=0)
    churn = np.where((before > 0) & (after == 0), before, 0).sum(axis=0)
    lost = contraction + churn
    # the first month lost nothing: undefined (NaN), not infinite
    expected = np.where(lost > 0, (new + expansion + reactivation) / np.where(lost > 0, lost, 1),
                        np.nan)
    assert np.isnan(expected[0])
    assert np.allclose(sample.mrr.cs.quick_ratio()["quick_ratio"], expected, rtol=1e-12,
                       equal_nan=True)


# --------------------------------------------------------------------------- cohorts

COHORT_SPEC = {
    # Jan cohort: a (all months, 10 -> 20 in Mar), b (Jan, then Mar), c (Jan only);
    # Feb cohort: d (Feb, Mar), e (Feb only).
    "a": {"2026-01": 10, "2026-02": 10, "2026-03": 20},
    "b": {"2026-01": 30, "2026-03": 40},
    "c": {"2026-01": 60},
    "d": {"2026-02": 5, "2026-03": 5},
    "e": {"2026-02": 15},
}


def test_cohort_retention_by_hand():
    frame = mrr_frame(COHORT_SPEC)
    logo = frame.cs.cohort_retention()
    # Jan: age 1 {a} = 1/3, age 2 {a, b} = 2/3. Feb: age 1 {d} = 1/2, age 2 not observed.
    expected = pd.DataFrame([[1.0, 1 / 3, 2 / 3], [1.0, 1 / 2, np.nan]],
                            index=pd.PeriodIndex(["2026-01", "2026-02"], freq="M", name="cohort"),
                            columns=pd.RangeIndex(3, name="months_since_start"))
    pd.testing.assert_frame_equal(logo, expected)
    # on or after: Jan age 1 {a, b (back in Mar)} = 2/3
    assert frame.cs.cohort_retention(mode="on_or_after").iloc[0].tolist() == pytest.approx(
        [1, 2 / 3, 2 / 3])
    # revenue: Jan start 100; age 1: 10 -> 0.1; age 2: 20 + 40 = 60 -> 0.6
    revenue = frame.cs.cohort_retention(kind="revenue")
    assert revenue.iloc[0].tolist() == pytest.approx([1, 0.1, 0.6])
    assert revenue.iloc[1, :2].tolist() == pytest.approx([1, 5 / 20])
    # revenue on or after: b in its gap (age 1) counts with what it comes back with (40)
    assert frame.cs.cohort_retention(kind="revenue", mode="on_or_after").iloc[0].tolist() == \
        pytest.approx([1, 0.5, 0.6])
    counts = frame.cs.cohort_retention(output="count")
    assert counts[0].tolist() == [3, 2]
    assert frame.cs.cohort_retention(kind="revenue", output="count")[0].tolist() == [100, 20]
    # quarterly cohort: all five customers in 2026Q1; age 1 is observed only until
    # Feb + 1 = Mar for every member: {a, d} = 2/5; age 2 would need April for d, e.
    q = frame.cs.cohort_retention(period="Q")
    assert q.iloc[0, :2].tolist() == pytest.approx([1, 2 / 5])
    assert np.isnan(q.iloc[0, 2])
    # customers in the data's first month left out
    late = frame.cs.cohort_retention(include_first=False)
    assert [str(c) for c in late.index] == ["2026-02"]
    with pytest.raises(InvalidParameterError, match="kind='mrr'"):
        frame.cs.cohort_retention(kind="mrr")
    with pytest.raises(InvalidParameterError, match="mode='after'"):
        frame.cs.cohort_retention(mode="after")


def test_cohort_retention_on_the_sample_matches_plain_pandas(sample, pivot):
    paying = pivot > 0
    months = pivot.columns
    first = paying.idxmax(axis=1)
    last = paying.iloc[:, ::-1].idxmax(axis=1)
    for kind, mode in [("logo", "on"), ("logo", "on_or_after"), ("revenue", "on")]:
        got = sample.mrr.cs.cohort_retention(kind=kind, mode=mode)
        for cohort in [months[0], months[5], months[20], months[-2]]:
            members = first.index[first == cohort]
            for age in range(len(months) - months.get_loc(cohort)):
                m = months[months.get_loc(cohort) + age]
                if kind == "revenue":
                    value = pivot.loc[members, m].sum() / pivot.loc[members, cohort].sum()
                elif mode == "on":
                    value = paying.loc[members, m].mean()
                else:
                    value = (last[members] >= m).mean()
                assert got.loc[cohort, age] == pytest.approx(value, rel=1e-12)
            assert got.loc[cohort].iloc[len(months) - months.get_loc(cohort):].isna().all()


def test_cohort_retention_by_segment(with_segment):
    split = with_segment.cs.cohort_retention(by="segment", output="count")
    whole = with_segment.cs.cohort_retention(output="count")
    summed = split.groupby(level="cohort").sum(min_count=1)
    pd.testing.assert_frame_equal(summed, whole, check_names=False)
    assert split.index.names == ["cohort", "segment"]


def test_cohort_nrr_by_hand_and_on_the_sample(sample, pivot):
    frame = mrr_frame(COHORT_SPEC)
    # window 1. Jan cohort: start 100, a 10 -> 10, b gone, c gone -> NRR 0.1.
    # Feb cohort: start 20, d 5 -> 5, e gone -> 0.25.
    table = frame.cs.cohort_nrr(window=1)
    assert table["nrr"].tolist() == pytest.approx([0.1, 0.25])
    # window 2: only the Jan cohort; b is back in Mar with 40 but that is reactivation.
    # exclude: a 10 -> 20 -> NRR 0.2, GRR 0.1; count: (20 + 40) / 100 = 0.6, GRR (10 + 30) / 100
    two = frame.cs.cohort_nrr(window=2)
    assert two.index.tolist() == [pd.Period("2026-01", "M")]
    assert two[["nrr", "grr"]].iloc[0].tolist() == pytest.approx([0.2, 0.1])
    counted = frame.cs.cohort_nrr(window=2, reactivated="count")
    assert counted[["nrr", "grr"]].iloc[0].tolist() == pytest.approx([0.6, 0.4])
    # pooled over cohorts with a whole window 1: (10 + 5) / (100 + 20)
    assert cohort_nrr(frame, window=1, period=None) == pytest.approx(15 / 120)
    # on the sample: 12-month cohort NRR, reactivation counted (no gap check needed)
    paying = pivot > 0
    first = paying.idxmax(axis=1)
    got = sample.mrr.cs.cohort_nrr(window=12, reactivated="count")
    months = pivot.columns
    for cohort in got.index:
        members = first.index[first == cohort]
        end_month = months[months.get_loc(cohort) + 12]
        start = pivot.loc[members, cohort]
        end = pivot.loc[members, end_month]
        assert got.loc[cohort, "nrr"] == pytest.approx(end.sum() / start.sum(), rel=1e-12)
        assert got.loc[cohort, "grr"] == pytest.approx(np.minimum(start, end).sum()
                                                       / start.sum(), rel=1e-12)
    assert str(got.index[-1]) == str(months[-13])


# --------------------------------------------------------------------------- common


def test_metrics_leave_the_frame_alone_and_are_accessor_methods(unchanged, sample):
    frame = mrr_frame(REFERENCE)
    for func, kwargs in [(arpa, {}), (nrr, {}), (grr, {"window": 1}), (quick_ratio, {}),
                         (cohort_retention, {"mode": "on_or_after"}), (cohort_nrr, {"window": 1})]:
        unchanged(func, frame, **kwargs)
    unchanged(arpu, frame, pd.DataFrame({"account_id": list("abcde"), "seats": [1] * 5}))
    methods = set(sample.mrr.cs.kpis()["method"])
    assert {"arpa", "arpu", "nrr", "grr", "cohort_nrr", "quick_ratio",
            "cohort_retention"} <= methods


def test_bad_input_gets_cskit_errors():
    frame = mrr_frame(REFERENCE)
    with pytest.raises(MissingColumnError, match="'revenue' is missing"):
        frame.cs.nrr(mrr_col="revenue")
    bad = frame.assign(mrr=frame["mrr"].astype(str).where(frame.index > 0, "ten"))
    with pytest.raises(cskit.errors.ColumnTypeError, match="'ten'"):
        bad.cs.grr()
    with pytest.raises(InvalidParameterError, match="period='W'"):
        frame.cs.arpa(period="W")
    with pytest.raises(InvalidParameterError, match="period=None"):
        frame.cs.cohort_retention(period=None)


# --------------------------------------------------------------------------- plots


def test_nrr_grr_trend_draws_the_results(sample):
    net, gross = sample.mrr.cs.nrr(window=12), sample.mrr.cs.grr(window=12)
    ax = nrr_grr_trend(net, gross)
    assert ax.lines[0].get_ydata().tolist() == net["nrr"].tolist()
    assert ax.lines[1].get_ydata().tolist() == gross["grr"].tolist()
    assert ax.get_title() == "Net and gross revenue retention"
    cskit.set_language("ja")
    ax = nrr_grr_trend(net)
    assert ax.get_title() == "ネット売上維持率とグロス売上維持率"
    assert len(ax.lines) == 2  # NRR and the 100 % line
    with pytest.raises(InvalidParameterError, match="split by segment"):
        nrr_grr_trend(sample.mrr.assign(s="x").cs.nrr(by="s"))
    with pytest.raises(InvalidParameterError, match="'nrr' column"):
        nrr_grr_trend(gross)


def test_cohort_heatmap_draws_the_matrix(sample):
    matrix = sample.mrr.cs.cohort_retention(period="Q")
    ax = cohort_heatmap(matrix, kind="logo")
    drawn = ax.images[0].get_array()
    assert np.array_equal(drawn.mask, matrix.isna().to_numpy())
    assert np.allclose(drawn.filled(0), matrix.fillna(0).to_numpy())
    assert ax.get_xlabel() == "Months since first payment"
    ax = cohort_heatmap(matrix, max_age=5, annotate=True)
    assert ax.images[0].get_array().shape == (len(matrix), 6)
    assert len(ax.texts) == int(matrix.iloc[:, :6].notna().to_numpy().sum())
    cskit.set_language("ko")
    assert cohort_heatmap(matrix, kind="revenue").get_title() == "가입 코호트별 매출 유지율"
    with pytest.raises(InvalidParameterError, match="select one"):
        cohort_heatmap(sample.mrr.assign(s="x").cs.cohort_retention(by="s"))


def test_arpa_trend_and_quick_ratio_trend_draw_the_results(sample, with_segment):
    table = sample.mrr.cs.arpa()
    ax = arpa_trend(table)
    assert ax.lines[0].get_ydata().tolist() == table["arpa"].tolist()
    split = with_segment.cs.arpa(by="segment")
    ax = arpa_trend(split)
    assert [t.get_text() for t in ax.get_legend().get_texts()] == ["Enterprise", "Mid-Market",
                                                                   "SMB"]
    smb = split.xs("SMB", level="segment")["arpa"]
    assert np.allclose(ax.lines[2].get_ydata(), smb.to_numpy(), equal_nan=True)
    qr = sample.mrr.cs.quick_ratio().iloc[-6:]
    ax = quick_ratio_trend(qr)
    heights = [p.get_height() for p in ax.patches]
    assert heights == qr["gained"].tolist() + (-qr["lost"]).tolist()
    assert ax.right_ax.lines[0].get_ydata().tolist() == qr["quick_ratio"].tolist()
    with pytest.raises(InvalidParameterError, match="quick_ratio"):
        quick_ratio_trend(table)
    with pytest.raises(InvalidParameterError, match="arpa"):
        arpa_trend(qr)


def test_rate_trend_and_funnel_bars(sample):
    ups = sample.mrr.cs.upsell_rate()
    ax = rate_trend(ups)
    assert ax.lines[0].get_ydata().tolist() == ups["upsell_rate"].tolist()
    assert ax.get_legend().get_texts()[0].get_text() == "Upsell rate"
    cskit.set_language("zh-Hant")
    assert rate_trend(ups).get_legend().get_texts()[0].get_text() == "向上銷售率"
    with pytest.raises(InvalidParameterError, match="no rate column"):
        rate_trend(ups, ["nrr"])
    funnel = sample.accounts.cs.conversion(["trial_start", "converted_at"], period=None)
    ax = funnel_bars(funnel)
    assert [p.get_width() for p in ax.patches] == funnel["entities"].tolist()
    converted = int(sample.accounts["converted_at"].notna().sum())
    assert funnel["entities"].tolist() == [len(sample.accounts), converted]
    assert f"{converted / len(sample.accounts):.1%}" in ax.texts[1].get_text()
    with pytest.raises(InvalidParameterError, match="grouped"):
        funnel_bars(sample.accounts.cs.conversion(["trial_start", "converted_at"],
                                                  by="segment", period=None))


# --------------------------------------------------------------------------- properties


@st.composite
def panels(draw):
    """A few customers over a few months, with gaps and two products (integer amounts)."""
    n_customers = draw(st.integers(1, 6))
    n_months = draw(st.integers(2, 14))
    first = pd.Period("2025-06", "M")
    rows = []
    for c in range(n_customers):
        for m in range(n_months):
            for product, values in (("core", [0, 0, 10, 20, 35]), ("addon", [0, 0, 0, 5])):
                v = draw(st.sampled_from(values))
                if v or draw(st.booleans()):
                    rows.append((f"c{c}", first + m, float(v), product))
    rows.append(("anchor", first, 0.0, "core"))  # keeps the first month in the data
    rows.append(("anchor", first + n_months - 1, 0.0, "core"))
    return pd.DataFrame(rows, columns=["customer_id", "month", "mrr", "product"])


@given(panels(), st.sampled_from([1, 2, 3]), st.sampled_from(["exclude", "count"]))
def test_property_grr_at_most_one_and_at_most_nrr(frame, window, reactivated):
    n_months = frame["month"].nunique()
    if window > n_months - 1:
        return
    net = frame.cs.nrr(window=window, reactivated=reactivated)
    gross = frame.cs.grr(window=window, reactivated=reactivated)
    defined = net["nrr"].notna()
    assert (gross["grr"].notna() == defined).all()
    assert (gross.loc[defined, "grr"] <= 1 + 1e-12).all()
    assert (gross.loc[defined, "grr"] >= 0).all()
    assert (net.loc[defined, "nrr"] >= gross.loc[defined, "grr"] - 1e-12).all()
    # the flows reconcile: start + expansion - contraction - churn = end
    recon = net["start"] + net["expansion"] - net["contraction"] - net["churn"]
    assert np.allclose(recon, net["end"])
    assert (net["retained_customers"] <= net["start_customers"]).all()


@given(panels(), st.sampled_from(["logo", "revenue"]), st.sampled_from(["on", "on_or_after"]),
       st.sampled_from(["M", "Q"]))
def test_property_cohort_matrix(frame, kind, mode, period):
    if not (frame["mrr"] > 0).any():
        return
    matrix = frame.cs.cohort_retention(kind=kind, mode=mode, period=period)
    assert (matrix[0] == 1.0).all()  # first column = 100 %
    values = matrix.to_numpy()
    observed = ~np.isnan(values)
    assert (values[observed] >= 0).all()
    if kind == "logo":
        assert (values[observed] <= 1 + 1e-12).all()
        if mode == "on_or_after":
            steps = np.diff(np.where(observed, values, 0.0), axis=1)
            assert (steps[observed[:, 1:]] <= 1e-12).all()  # never rises with age
            on = frame.cs.cohort_retention(kind=kind, mode="on", period=period).to_numpy()
            assert (values[observed] >= on[observed] - 1e-12).all()


@given(panels())
def test_property_arpa_and_quick_ratio(frame):
    if not (frame["mrr"] > 0).any():
        return
    table = frame.cs.arpa()
    months = pd.period_range(frame["month"].min(), frame["month"].max(), freq="M")
    totals = frame.groupby("month")["mrr"].sum().reindex(months, fill_value=0.0)
    paying = frame.groupby(["month", "customer_id"])["mrr"].sum().gt(0).groupby("month").sum()
    paying = paying.reindex(months, fill_value=0)
    paid = (paying > 0).to_numpy()
    assert np.allclose(table["arpa"].to_numpy()[paid], (totals / paying).to_numpy()[paid])
    assert table["arpa"][~paid].isna().all()
    qr = frame.cs.quick_ratio()
    lost = qr["lost"] > 0
    assert (qr.loc[lost, "quick_ratio"] >= 0).all()
    assert qr.loc[~lost, "quick_ratio"].isna().all()


def test_cohort_retention_without_first_month_joiners_is_empty():
    # every customer starts in the data's first month: with include_first=False there is
    # no cohort at all, so the table is empty (a regression: the rows of no cohort were
    # counted at position -1)
    frame = pd.DataFrame({"customer_id": ["a", "a", "b"],
                          "month": pd.PeriodIndex(["2026-01", "2026-02", "2026-01"], freq="M"),
                          "mrr": [10.0, 10.0, 5.0]})
    table = cskit.metrics.cohort_retention(frame, include_first=False)
    assert table.empty
    assert cskit.metrics.cohort_retention(frame).loc[pd.Period("2026-01", "M"), 1] == 0.5
