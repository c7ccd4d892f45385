"""Customer lifetime value: subscription, transactional and cohort forms.

Hand-worked cases (the catalogue's reference figures among them, arithmetic in the
comments), the sample company against plain pandas, the CDNOW purchase log shipped by
``lifetimes`` against an independent computation, hypothesis properties, and the plots.
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
from cskit.errors import CskitWarning, InvalidParameterError, MissingColumnError
from cskit.plotting import ltv_cac_bars, ltv_cohort_curves

CDNOW_END = pd.Timestamp("1998-06-30")


@pytest.fixture(scope="module")
def cdnow() -> pd.DataFrame:
    """The CDNOW purchase log from the installed ``lifetimes`` package (see test_repeat)."""
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # its import sets an option pandas 3 deprecates
            path = Path(str(importlib.resources.files("lifetimes") / "datasets"))
    except Exception:  # noqa: BLE001 - read the file without running the old code
        spec = importlib.util.find_spec("lifetimes")
        if spec is None or not spec.submodule_search_locations:
            pytest.fail("The 'lifetimes' test dependency is not installed: pip install -e '.[test]'")
        path = Path(spec.submodule_search_locations[0]) / "datasets"
    raw = pd.read_csv(path / "CDNOW_master.txt", sep=r"\s+",
                      dtype={"customer_id": str, "date": str})
    raw["date"] = pd.to_datetime(raw["date"], format="%Y%m%d")
    return raw.rename(columns={"dollar_value": "amount"})


def churning(n_start: int, lost: int, mrr: float = 100.0) -> pd.DataFrame:
    """``n_start`` customers in January, ``lost`` of them gone in February."""
    ids = list(range(n_start))
    return pd.DataFrame(
        {
            "customer_id": ids + ids[: n_start - lost],
            "month": ["2026-01"] * n_start + ["2026-02"] * (n_start - lost),
            "mrr": mrr,
        }
    )


# --------------------------------------------------------------------------- subscription


def test_catalogue_reference_figure(unchanged):
    # ARPA 100, churn 5 % a month -> LTV 100 / 0.05 = 2,000 (20 customers, 1 lost)
    frame = churning(20, 1)
    assert unchanged(cskit.metrics.ltv, frame, window=1, period=None) == pytest.approx(2000.0)
    # with an 80 % gross margin: 100 * 0.8 / 0.05 = 1,600
    assert frame.cs.ltv(window=1, gross_margin=0.8, period=None) == pytest.approx(1600.0)
    row = frame.cs.ltv(window=1, period="M").loc["2026-02"]
    assert (row["arpa"], row["churn_rate"], row["lifetime_months"]) == pytest.approx(
        (100.0, 0.05, 20.0)
    )
    assert pd.isna(row["undefined_reason"])


def test_arpa_reference_figure(make_mrr):
    # Accounts paying 100, 100, 300, 500, 500 -> ARPA 1,500 / 5 = 300. f pays 50 in January
    # and leaves: churn 1 / 6, so LTV = 300 / (1/6) = 1,800.
    paying = {"a": 100, "b": 100, "c": 300, "d": 500, "e": 500}
    spec = {c: {"2026-01": v, "2026-02": v} for c, v in paying.items()}
    spec["f"] = {"2026-01": 50}
    table = make_mrr(spec).cs.ltv(window=1, period="M")
    assert table.loc["2026-02", "arpa"] == pytest.approx(300.0)
    assert table.loc["2026-02", "ltv"] == pytest.approx(1800.0)


def test_several_products_of_one_customer_are_one_account():
    # a has two lines (60 + 40): ARPA = (100 + 100) / 2 accounts, not 200 / 3 lines
    frame = pd.DataFrame(
        {
            "customer_id": ["a", "a", "b", "c", "a", "a", "b"],
            "month": ["2026-01"] * 4 + ["2026-02"] * 3,
            "mrr": [60.0, 40.0, 100.0, 100.0, 60.0, 40.0, 100.0],
            "product": ["core", "addon", "core", "core", "core", "addon", "core"],
        }
    )
    # February: ARPA 100; churn 1 (c) / 3 -> LTV 300
    assert frame.cs.ltv(window=1, period=None) == pytest.approx(300.0)


@pytest.fixture
def three_months(make_mrr):
    """Churn 10 %, 0 %, 5 % in February, March, April 2026 (starts 10, 20, 20)."""
    spec = {f"o{i}": {"2026-01": 100, "2026-02": 100, "2026-03": 100, "2026-04": 100}
            for i in range(9)}
    spec["gone"] = {"2026-01": 100}  # February: 1 of 10 lost
    for i in range(11):  # 11 join in February: March starts with 20
        months = ["2026-02", "2026-03"] + (["2026-04"] if i else [])  # n0 leaves in April
        spec[f"n{i}"] = dict.fromkeys(months, 100)
    return make_mrr(spec)


def test_trailing_mean_and_pooled_churn(three_months):
    table = three_months.cs.ltv(window=3, period="M")
    # mean of 0.10, 0.00, 0.05 = 0.05 -> ARPA 100 / 0.05 = 2,000
    assert table.loc["2026-04", "churn_rate"] == pytest.approx(0.05)
    assert table.loc["2026-04", "ltv"] == pytest.approx(2000.0)
    # pooled: (1 + 0 + 1) / (10 + 20 + 20) = 0.04 -> 2,500
    pooled = three_months.cs.ltv(window=3, churn_average="pooled", period=None)
    assert pooled == pytest.approx(2500.0)
    # The first three months cannot have three months of churn before them.
    assert table["undefined_reason"].iloc[:3].tolist() == ["insufficient_history"] * 3
    assert table["ltv"].iloc[:3].isna().all()
    # window 1 in March: zero churn -> undefined, never infinite
    with pytest.warns(CskitWarning, match="zero churn"):
        monthly = three_months.cs.ltv(window=1, period="M")
    assert monthly.loc["2026-03", "undefined_reason"] == "zero_churn"
    assert np.isnan(monthly.loc["2026-03", "ltv"]) and np.isnan(
        monthly.loc["2026-03", "lifetime_months"]
    )
    assert not np.isinf(monthly.select_dtypes("number").to_numpy()).any()


def test_zero_churn_is_undefined_not_infinite():
    with pytest.warns(CskitWarning, match="undefined in 2026-02: zero_churn"):
        value = churning(10, 0).cs.ltv(window=1, period=None)
    assert np.isnan(value)


def test_quarters_report_the_value_at_their_last_month(three_months):
    monthly = three_months.cs.ltv(window=3, period="M")
    quarterly = three_months.cs.ltv(window=3, period="Q")
    # Only Q1 ends inside the data (January–April); its value is March's.
    assert quarterly.index.tolist() == [pd.Period("2026Q1", "Q")]
    pd.testing.assert_series_equal(
        quarterly.iloc[0], monthly.loc["2026-03"], check_names=False
    )


def test_segments(make_mrr):
    spec = {f"s{i}": {"2026-01": 10, "2026-02": 10} for i in range(4)}
    spec["s_gone"] = {"2026-01": 10}  # SMB: churn 1 / 5, ARPA 10 -> LTV 50
    spec.update({f"e{i}": {"2026-01": 1000, "2026-02": 1000} for i in range(2)})  # no churn
    segment = {c: ("SMB" if c.startswith("s") else "Ent") for c in spec}
    frame = make_mrr(spec, segment=segment)
    with pytest.warns(CskitWarning, match="zero churn"):
        table = frame.cs.ltv(window=1, by="segment", period=None)
    assert table.index.name == "segment"
    assert table.loc["SMB", "ltv"] == pytest.approx(50.0)
    assert np.isnan(table.loc["Ent", "ltv"])
    assert table.loc["Ent", "undefined_reason"] == "zero_churn"
    with pytest.warns(CskitWarning, match="1 row\\(s\\): 2026-02 Ent"):
        monthly = frame.cs.ltv(window=1, by="segment", period="M")
    assert monthly.index.names == ["period", "segment"]


@pytest.mark.parametrize(
    ("kwargs", "match"),
    [
        ({"model": "magic"}, "model='magic'"),
        ({"window": 0}, "window=0"),
        ({"window": 1.5}, "window=1.5"),
        ({"gross_margin": 0}, "gross_margin=0"),
        ({"gross_margin": 80}, "gross_margin=80"),
        ({"churn_average": "median"}, "churn_average='median'"),
        ({"period": "W"}, "period='W'"),
        ({"model": "cohort", "by": "plan"}, "by= is not supported"),
    ],
)
def test_bad_parameters(kwargs, match):
    with pytest.raises(InvalidParameterError, match=match):
        churning(4, 1).assign(plan="x").cs.ltv(**kwargs)


def test_missing_column():
    with pytest.raises(MissingColumnError, match="Column 'mrr' is missing"):
        churning(4, 1).drop(columns="mrr").cs.ltv(period=None)


def test_sample_subscription_ltv_against_plain_pandas(company):
    mrr = company.mrr
    got = mrr.cs.ltv(period=None)  # October 2026, 12-month trailing mean churn
    per_customer = mrr.groupby(["customer_id", "month"])["mrr"].sum()
    per_customer = per_customer[per_customer > 0]
    customers_in = per_customer.reset_index().groupby("month")["customer_id"].agg(set)
    last = mrr["month"].max()
    rates = []
    for m in pd.period_range(end=last, periods=12, freq="M"):  # twelve months
        start = customers_in[m - 1]
        rates.append(len(start - customers_in[m]) / len(start))
    arpa = per_customer.xs(last, level="month").mean()
    assert got == pytest.approx(arpa / np.mean(rates), rel=1e-12)
    with_margin = mrr.cs.ltv(gross_margin=0.75, period=None)
    assert with_margin == pytest.approx(0.75 * arpa / np.mean(rates), rel=1e-12)
    # segments: pooled churn of SMB over the year to October 2026
    seg = mrr.merge(company.accounts[["account_id", "segment"]], left_on="customer_id",
                    right_on="account_id")
    table = seg.cs.ltv(by="segment", churn_average="pooled", period=None)
    churn = seg.cs.churn(by="segment").xs("SMB", level="segment").iloc[-12:]
    smb_rate = churn["churned"].sum() / churn["start_customers"].sum()
    smb = seg[seg["segment"] == "SMB"].groupby(["customer_id", "month"])["mrr"].sum()
    smb_arpa = smb[smb > 0].xs(last, level="month").mean()
    assert table.loc["SMB", "ltv"] == pytest.approx(smb_arpa / smb_rate, rel=1e-12)
    # Enterprise keeps its customers longer and pays more
    assert table.loc["Enterprise", "ltv"] > table.loc["Mid-Market", "ltv"] > table.loc["SMB", "ltv"]


# --------------------------------------------------------------------------- transactional


@pytest.fixture
def orders() -> pd.DataFrame:
    return pd.DataFrame(
        {
            "customer_id": ["a", "a", "a", "a", "b"],
            "date": ["2025-01-01", "2025-04-01", "2025-09-01", "2025-09-01", "2025-01-01"],
            "amount": [30.0, 30.0, 25.0, 15.0, 50.0],
            "segment": ["web", "shop", "shop", "web", "shop"],
        }
    )


def test_transactional_is_a_product(orders, unchanged):
    # as_of 2025-12-31: both customers 365 days (1 year) of tenure. a's two lines on 09-01
    # are one order: 4 orders, revenue 150 -> average purchase 37.5, frequency 4 / 2 years
    # = 2 a year; lifespan 3 years -> 37.5 * 2 * 3 = 225 (a sum, 37.5 - 2 + 3, would be 38.5)
    value = unchanged(cskit.metrics.ltv, orders, model="transactional", lifespan=3,
                      as_of="2025-12-31")
    assert value == pytest.approx(225.0)
    # in months: 36-month lifespan, frequency per month -> the same number
    assert orders.cs.ltv(model="transactional", unit="M", lifespan=36,
                         as_of="2025-12-31", period=None) == pytest.approx(225.0)
    # measured lifespan = mean tenure (1 year) -> realised revenue per customer 150 / 2
    assert orders.cs.ltv(model="transactional", as_of="2025-12-31", period=None) == pytest.approx(75.0)
    # gross margin 60 %: 225 * 0.6
    assert orders.cs.ltv(model="transactional", lifespan=3, gross_margin=0.6,
                         as_of="2025-12-31", period=None) == pytest.approx(135.0)


def test_transactional_components_and_segments(orders):
    orders = orders.assign(all="all")
    one = orders.cs.ltv(model="transactional", by="all", lifespan=3, as_of="2025-12-31", period=None)
    assert one.columns.tolist() == [
        "customers", "orders", "revenue", "average_purchase_value", "purchase_frequency",
        "lifespan", "gross_margin", "ltv",
    ]
    assert one.loc["all"].tolist() == pytest.approx([2, 4, 150, 37.5, 2.0, 3.0, 1.0, 225.0])
    # same_day="count": 5 orders of 30 each, 2.5 a year: components move, LTV does not
    counted = orders.cs.ltv(model="transactional", by="all", lifespan=3, as_of="2025-12-31",
                            same_day="count", period=None)
    assert counted.loc["all", ["orders", "average_purchase_value"]].tolist() == [5, 30.0]
    assert counted.loc["all", "ltv"] == pytest.approx(225.0)
    # by the segment of the first purchase: a -> web, b -> shop (all of a's orders in web)
    seg = orders.cs.ltv(model="transactional", by="segment", lifespan=3, as_of="2025-12-31", period=None)
    assert seg.loc["web", ["customers", "orders", "revenue"]].tolist() == [1, 3, 100]
    assert seg.loc["web", "ltv"] == pytest.approx(100 / 3 * 3 * 3)  # 33.3 * 3/year * 3
    assert seg.loc["shop", "ltv"] == pytest.approx(50 * 1 * 3)


def test_transactional_as_of_and_tenure(orders):
    # Default as_of = last purchase (2025-09-01): tenures 244 and 244 days.
    # LTV with lifespan None is still the realised revenue per customer.
    assert orders.cs.ltv(model="transactional", period=None) == pytest.approx(75.0)
    # No time axis: the default period="M" takes the frame as one window, like None.
    assert orders.cs.ltv(model="transactional") == pytest.approx(75.0)
    # as_of 2025-06-30 leaves a's September orders out: revenue 110 over 2 customers
    assert orders.cs.ltv(model="transactional", as_of="2025-06-30", period=None) == pytest.approx(55.0)


@pytest.mark.parametrize(
    ("kwargs", "match"),
    [
        ({"period": "Q"}, "not used by model='transactional'"),
        ({"lifespan": 0}, "lifespan=0"),
        ({"lifespan": float("inf")}, "lifespan=inf"),
        ({"unit": "H"}, "unit='H'"),
        ({"same_day": "drop"}, "same_day='drop'"),
    ],
)
def test_transactional_bad_parameters(orders, kwargs, match):
    with pytest.raises(InvalidParameterError, match=match):
        orders.cs.ltv(model="transactional", **kwargs)


def test_cdnow_transactional_ltv_against_plain_pandas(cdnow):
    paid = cdnow[cdnow["amount"] > 0]  # a zero-dollar line is not an order
    revenue = paid["amount"].sum()
    first = paid.groupby("customer_id")["date"].min()
    customers = len(first)
    # Measured lifespan: LTV is the revenue per customer realised by June 1998.
    assert cdnow.cs.ltv(model="transactional", period=None) == pytest.approx(revenue / customers, rel=1e-12)
    # A 3-year lifespan: (revenue / orders) * (orders / customer-years) * 3 = revenue * 3 / years
    tenure_years = ((CDNOW_END - first).dt.days + 1).sum() / 365
    got = cdnow.cs.ltv(model="transactional", lifespan=3, period=None)
    assert got == pytest.approx(revenue * 3 / tenure_years, rel=1e-12)
    orders = len(paid[["customer_id", "date"]].drop_duplicates())
    one = cdnow.assign(all="all").cs.ltv(model="transactional", by="all", lifespan=3, period=None)
    assert one.loc["all", "orders"] == orders
    assert one.loc["all", "average_purchase_value"] == pytest.approx(revenue / orders)
    assert one.loc["all", "purchase_frequency"] == pytest.approx(orders / tenure_years)
    # CDNOW: about $106 per customer in 18 months; ~1.9 visits a year at ~$37 a visit
    assert 100 < revenue / customers < 110
    assert 30 < revenue / orders < 40


# --------------------------------------------------------------------------- cohort


def test_cohort_ltv_by_hand(make_mrr):
    frame = make_mrr(
        {
            "a": {"2026-01": 100, "2026-02": 100, "2026-03": 100},
            "b": {"2026-01": 50},  # leaves after a month
            "c": {"2026-02": 200, "2026-03": 200},
            "d": {"2026-01": 10, "2026-03": 30},  # back in March
        }
    )
    table = frame.cs.ltv(model="cohort", period=None)
    jan = table.xs(pd.Period("2026-01", "M"), level="cohort")
    # January cohort a, b, d (3): 160 / 3; + 100 / 3; + 130 / 3
    assert jan["customers"].tolist() == [3, 3, 3]
    assert jan["revenue"].tolist() == [160.0, 100.0, 130.0]
    assert jan["ltv"].tolist() == pytest.approx([160 / 3, 260 / 3, 390 / 3])
    feb = table.xs(pd.Period("2026-02", "M"), level="cohort")
    assert feb["ltv"].tolist() == pytest.approx([200.0, 400.0])  # observed 2 months only
    # Quarterly cohorts: a, b, d (January) and c (February); at age 2 only the January
    # customers are observable (March is the last month): (160+200 + 100+200 + 130) ...
    q = frame.cs.ltv(model="cohort", period="Q", gross_margin=0.5).xs(
        pd.Period("2026Q1", "Q"), level="cohort"
    )
    assert q["customers"].tolist() == [4, 4, 3]
    # age 0: 160 + 200 = 360 over 4; age 1: 360 + 100 + 200 = 660 over 4;
    # age 2: January customers only, 160 + 100 + 130 = 390 over 3; margin halves it
    assert q["ltv"].tolist() == pytest.approx([0.5 * 360 / 4, 0.5 * 660 / 4, 0.5 * 390 / 3])


def test_sample_cohort_ltv_against_plain_pandas(company):
    mrr = company.mrr
    table = mrr.cs.ltv(model="cohort", period=None)
    paying = mrr.groupby(["customer_id", "month"])["mrr"].sum()
    paying = paying[paying > 0].reset_index()
    paying["cohort"] = paying.groupby("customer_id")["month"].transform("min")
    paying["age"] = (paying["month"] - paying["cohort"]).map(lambda offset: offset.n)
    cohort = pd.Period("2024-01", "M")
    members = paying[paying["cohort"] == cohort]
    size = members["customer_id"].nunique()
    by_age = members.groupby("age")["mrr"].sum().reindex(range(34), fill_value=0.0)
    want = by_age.cumsum() / size
    got = table.xs(cohort, level="cohort")["ltv"]
    np.testing.assert_allclose(got.to_numpy(), want.to_numpy(), rtol=1e-12)
    assert (table["customers"] > 0).all()
    # each cohort's realised LTV never falls as it ages
    assert (table["ltv"].groupby(level="cohort").diff().dropna() >= -1e-9).all()


# --------------------------------------------------------------------------- properties


@st.composite
def panels(draw):
    n = draw(st.integers(1, 8))
    months = pd.period_range("2025-01", periods=draw(st.integers(2, 8)), freq="M")
    rows = []
    for i in range(n):
        for m in months:
            value = draw(st.sampled_from([0.0, 0.0, 10.0, 25.0, 40.0]))
            if value:
                rows.append((f"c{i}", m, value))
    if not rows:
        rows.append(("c0", months[0], 10.0))
    return pd.DataFrame(rows, columns=["customer_id", "month", "mrr"])


@given(panels(), st.integers(1, 4), st.sampled_from(["mean", "pooled"]),
       st.floats(0.1, 1.0))
def test_subscription_ltv_is_finite_or_nan_and_scales_with_margin(frame, window, average, m):
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", CskitWarning)
        full = frame.cs.ltv(period="M", window=window, churn_average=average)
        part = frame.cs.ltv(period="M", window=window, churn_average=average, gross_margin=m)
    values = full["ltv"].to_numpy()
    assert not np.isinf(values).any()
    assert (values[~np.isnan(values)] >= 0).all()
    assert (full["ltv"].isna() == full["undefined_reason"].notna()).all()
    np.testing.assert_allclose(part["ltv"], m * full["ltv"])


@given(panels())
def test_transactional_default_is_the_realised_value(frame):
    log = frame.assign(date=frame["month"].dt.to_timestamp(), amount=frame["mrr"])
    assert log.cs.ltv(model="transactional", period=None) == pytest.approx(
        log["amount"].sum() / log["customer_id"].nunique()
    )


# --------------------------------------------------------------------------- plots


def test_ltv_cac_bars():
    ue = pd.DataFrame(
        {"retention_cost": [300.0, 120.0], "cac": [900.0, 400.0], "ltv": [9000.0, np.nan],
         "lifetime_retention_cost": [3000.0, 600.0], "flag": pd.array([False, pd.NA])},
        index=pd.Index(["Enterprise", "SMB"], name="segment"),
    )
    ax = ltv_cac_bars(ue)
    retention, acquisition, value = ax.containers
    assert [b.get_height() for b in retention] == [3000.0, 600.0]  # the lifetime cost
    assert [b.get_height() for b in acquisition] == [900.0, 400.0]
    assert [b.get_height() for b in value] == [9000.0, 0.0]  # undefined LTV: no bar
    assert [text.get_text() for text in ax.texts] == ["LTV:CAC 10.0×"]
    assert ax.get_yscale() == "log"
    assert ax.get_xlabel() == cskit.t("ltv.axis.segment")
    assert [lab.get_text() for lab in ax.get_legend().get_texts()] == [
        cskit.t("ltv.legend.lifetime_crc"), "CAC", "LTV"
    ]
    multi = ue.set_index(pd.MultiIndex.from_tuples(
        [(pd.Period("2025", "Y"), "Enterprise"), (pd.Period("2025", "Y"), "SMB")],
        names=["period", "segment"]))
    ax = ltv_cac_bars(multi.drop(columns="lifetime_retention_cost"), log=False)
    assert [t.get_text() for t in ax.get_xticklabels()] == ["2025 · Enterprise", "2025 · SMB"]
    assert [b.get_height() for b in ax.containers[0]] == [300.0, 120.0]  # the period CRC
    with pytest.raises(InvalidParameterError, match="retention_cost, cac and ltv"):
        ltv_cac_bars(ue[["retention_cost"]])


def test_ltv_cohort_curves(make_mrr):
    frame = make_mrr({f"c{i}": {f"2026-{m:02d}": 10 for m in range(i + 1, 9)} for i in range(8)})
    ax = ltv_cohort_curves(frame.cs.ltv(model="cohort", period=None), cohorts=3)
    assert [line.get_label() for line in ax.lines] == ["2026-01", "2026-05", "2026-08"]  # 0, 3.5 -> 4, 7
    assert ax.lines[0].get_ydata().tolist() == [10.0 * k for k in range(1, 9)]
    with pytest.raises(InvalidParameterError, match="model='cohort'"):
        ltv_cohort_curves(frame.cs.churn(period="M"))
