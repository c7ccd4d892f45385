"""The monthly report's content: month checks, the scorecard and its sentences."""

from __future__ import annotations

import math
from statistics import NormalDist
from types import SimpleNamespace

import numpy as np
import pandas as pd
import pytest

import cskit
from cskit import report
from cskit.errors import CskitError, InvalidParameterError


@pytest.fixture(autouse=True)
def _english():
    cskit.set_language("en")
    yield
    cskit.set_language("en")


@pytest.fixture(scope="module")
def company():
    return cskit.datasets.load_sample()


def _tiny(latest_scores: list[int]) -> SimpleNamespace:
    """Four months, five customers, NPS answers in March and April (see the test)."""
    rows = [
        ("a", "2026-01", 100.0), ("b", "2026-01", 50.0), ("e", "2026-01", 10.0),
        ("a", "2026-02", 100.0), ("b", "2026-02", 50.0), ("c", "2026-02", 30.0),
        ("a", "2026-03", 100.0), ("b", "2026-03", 50.0), ("c", "2026-03", 30.0),
        ("e", "2026-03", 10.0),
        ("a", "2026-04", 120.0), ("c", "2026-04", 20.0), ("d", "2026-04", 40.0),
        ("e", "2026-04", 10.0),
    ]
    mrr = pd.DataFrame(rows, columns=["customer_id", "month", "mrr"])
    mrr["month"] = pd.PeriodIndex(mrr["month"], freq="M")
    march = [10] * 5 + [8] * 3 + [3] * 2
    surveys = pd.DataFrame({
        "submitted_at": pd.to_datetime(["2026-03-15"] * 10 + ["2026-04-15"] * len(latest_scores)),
        "score": march + latest_scores,
        "survey": "nps",
    })
    return SimpleNamespace(mrr=mrr, surveys=surveys)


# ---------------------------------------------------------------- months


@pytest.mark.parametrize("text", ["2026-13", "2026-00", "2026-1", "26-10", "2026/10", "October",
                                  "2026-10-01", "", " "])
def test_parse_month_rejects_malformed(text):
    with pytest.raises(InvalidParameterError, match="YYYY-MM"):
        report.parse_month(text)


@pytest.mark.parametrize("value", [None, 202610, 2026.1])
def test_parse_month_rejects_non_strings(value):
    with pytest.raises(InvalidParameterError, match="YYYY-MM"):
        report.parse_month(value)


def test_parse_month_accepts_periods_and_timestamps():
    assert report.parse_month(" 2026-09 ") == pd.Period("2026-09", freq="M")
    assert report.parse_month(pd.Period("2026-09-14", freq="D")) == pd.Period("2026-09", freq="M")
    assert report.parse_month(pd.Timestamp("2026-09-14")) == pd.Period("2026-09", freq="M")


def test_reportable_months_on_sample(company):
    # Independent: the data's months; a report needs the two months before it.
    months = sorted(company.mrr["month"].unique())
    first, last = report.reportable_months(company)
    assert first == months[2]
    assert last == months[-1] == company.latest_month
    assert str(first) == "2024-01"


def test_check_month(company):
    assert report.check_month(company, "2026-09") == pd.Period("2026-09", freq="M")
    assert report.check_month(company, "2024-01") == pd.Period("2024-01", freq="M")
    for outside in ("2023-12", "2026-11", "1999-01"):
        with pytest.raises(InvalidParameterError, match="2024-01 to 2026-10"):
            report.check_month(company, outside)
    with pytest.raises(InvalidParameterError, match="YYYY-MM"):
        report.check_month(company, "2026-9")


def test_check_month_needs_three_months():
    short = SimpleNamespace(mrr=pd.DataFrame({
        "customer_id": ["a", "a"], "month": pd.PeriodIndex(["2026-01", "2026-02"], freq="M"),
        "mrr": [1.0, 1.0]}))
    with pytest.raises(CskitError, match="three months"):
        report.check_month(short, "2026-02")


def test_check_month_without_mrr_table():
    with pytest.raises(InvalidParameterError, match="mrr"):
        report.check_month(SimpleNamespace(), "2026-02")


# ---------------------------------------------------------------- scorecard by hand


def test_scorecard_by_hand():
    # MRR by month: Jan a100 b50 e10 = 160; Feb a100 b50 c30 = 180;
    # Mar a100 b50 c30 e10 = 190; Apr a120 c20 d40 e10 = 190.
    # April vs March: start 190, new 40 (d), expansion 20 (a), contraction 10 (c), churn 50 (b).
    # March: start 180, reactivation 10 (e, back after a gap); net new 10.
    # Customer churn: Apr 1 (b) of 4 start (a b c e) = 0.25; Mar 0 of 3 (a b c) = 0.
    # Gross revenue churn: Apr (50 + 10) / 190; Mar 0 / 180.
    # Net revenue churn: Apr (60 - 20) / 190; Mar (0 - 10) / 180.
    # NPS: March 5 promoters, 3 passives, 2 detractors of 10 -> 30, se = sqrt((.5+.2-.09)/10);
    # April 9 promoters, 1 passive -> 90, se = sqrt((.9-.81)/10).
    # z = 60 / sqrt(610 + 90) = 2.268, p = 0.023 < 0.05 -> better.
    card = report.scorecard(_tiny([10] * 9 + [7]), "2026-04")
    assert card.index.tolist() == ["mrr", "net_new_mrr", "customers", "churn", "revenue_churn",
                                   "net_revenue_churn", "nps"]
    expected = {
        "mrr": (190, 190, "flat", "unchanged"),
        "net_new_mrr": (0, 10, "down", "worse"),
        "customers": (4, 4, "flat", "unchanged"),
        "churn": (0.25, 0.0, "up", "worse"),
        "revenue_churn": (60 / 190, 0.0, "up", "worse"),
        "net_revenue_churn": (40 / 190, -10 / 180, "up", "worse"),
        "nps": (90.0, 30.0, "up", "better"),
    }
    for kpi, (value, previous, direction, verdict) in expected.items():
        row = card.loc[kpi]
        assert row["value"] == pytest.approx(value), kpi
        assert row["previous"] == pytest.approx(previous), kpi
        assert row["change"] == pytest.approx(value - previous), kpi
        assert row["direction"] == direction, kpi
        assert row["verdict"] == verdict, kpi
    se_mar, se_apr = math.sqrt(0.61 / 10) * 100, math.sqrt(0.09 / 10) * 100
    z = 60 / math.hypot(se_mar, se_apr)
    assert z == pytest.approx(60 / math.sqrt(700))
    assert card.loc["nps", "p_value"] == pytest.approx(2 * (1 - NormalDist().cdf(z)))
    assert card.loc["nps", "p_value"] == pytest.approx(0.0233, abs=5e-4)
    z95 = NormalDist().inv_cdf(0.975)
    assert card.loc["nps", "ci_low"] == pytest.approx(90 - z95 * se_apr)
    assert card.loc["nps", "ci_high"] == pytest.approx(min(100.0, 90 + z95 * se_apr))
    assert np.isnan(card.loc["mrr", "ci_low"])
    assert card.loc["mrr", "label"] == "MRR"
    assert card.loc["churn", "unit"] == "rate"


def test_scorecard_nps_change_not_significant():
    # April: 6 promoters, 3 passives, 1 detractor -> 50 (+20 on March's 30).
    # se_apr^2 = (.6 + .1 - .25) / 10 * 100^2 = 450; z = 20 / sqrt(610 + 450) = 0.61 -> not significant.
    card = report.scorecard(_tiny([10] * 6 + [8] * 3 + [0]), "2026-04")
    assert card.loc["nps", "value"] == pytest.approx(50.0)
    assert card.loc["nps", "direction"] == "up"
    assert card.loc["nps", "verdict"] == "not_significant"
    assert card.loc["nps", "p_value"] == pytest.approx(
        2 * (1 - NormalDist().cdf(20 / math.sqrt(1060)))
    )
    # A stricter level flags the bigger change as not significant either (p = 0.023 > 0.01).
    strict = report.scorecard(_tiny([10] * 9 + [7]), "2026-04", level=0.99)
    assert strict.loc["nps", "verdict"] == "not_significant"


def test_scorecard_month_without_nps_answers():
    tiny = _tiny([10])
    tiny.surveys = tiny.surveys[tiny.surveys["submitted_at"] < "2026-04-01"]
    card = report.scorecard(tiny, "2026-04")
    assert np.isnan(card.loc["nps", "value"])
    assert card.loc["nps", "previous"] == pytest.approx(30.0)
    assert card.loc["nps", "verdict"] is None
    shown = report.format_scorecard(card)
    assert shown.loc["Net Promoter Score (NPS)"].tolist() == ["–", "30.0", "–", "–"]


def test_scorecard_rejects_bad_month():
    with pytest.raises(InvalidParameterError, match="outside"):
        report.scorecard(_tiny([10]), "2026-02")


def test_scorecard_does_not_modify_the_data():
    tiny = _tiny([10] * 9 + [7])
    before = (tiny.mrr.copy(), tiny.surveys.copy())
    report.scorecard(tiny, "2026-04")
    pd.testing.assert_frame_equal(tiny.mrr, before[0])
    pd.testing.assert_frame_equal(tiny.surveys, before[1])


# ---------------------------------------------------------------- scorecard on the sample


def _by_hand(company, month: pd.Period) -> dict[str, float]:
    """The scorecard's values for ``month`` in plain pandas, from the raw tables."""
    wide = company.mrr.pivot_table(index="customer_id", columns="month", values="mrr",
                                   aggfunc="sum", fill_value=0.0)
    cur, prev, prev2 = wide[month], wide[month - 1], wide[month - 2]
    paid_before = (wide.loc[:, wide.columns < month] > 0).any(axis=1)
    was = prev > 0
    lost = ((prev - cur).clip(lower=0) * was).sum()          # churn + contraction
    grown = ((cur - prev).clip(lower=0) * was).sum()          # expansion
    back = (cur * (~was & paid_before)).sum()                 # reactivation
    nps = company.surveys[company.surveys["survey"] == "nps"]
    nps = nps[nps["submitted_at"].dt.to_period("M") == month]["score"]
    return {
        "mrr": cur.sum(),
        "net_new_mrr": cur.sum() - prev.sum(),
        "previous_net_new": prev.sum() - prev2.sum(),
        "customers": (cur > 0).sum(),
        "churn": ((prev > 0) & (cur == 0)).sum() / (prev > 0).sum(),
        "revenue_churn": lost / prev.sum(),
        "net_revenue_churn": (lost - grown - back) / prev.sum(),
        "nps": ((nps >= 9).mean() - (nps <= 6).mean()) * 100,
        "nps_n": len(nps),
    }


@pytest.mark.parametrize("month", ["2026-10", "2026-09", "2025-03"])
def test_scorecard_matches_plain_pandas(company, month):
    month = pd.Period(month, freq="M")
    card = report.scorecard(company, month)
    now, before = _by_hand(company, month), _by_hand(company, month - 1)
    for kpi in ("mrr", "net_new_mrr", "customers", "churn", "revenue_churn", "net_revenue_churn",
                "nps"):
        assert card.loc[kpi, "value"] == pytest.approx(now[kpi]), kpi
        assert card.loc[kpi, "previous"] == pytest.approx(before[kpi]), kpi
    assert card.loc["net_new_mrr", "previous"] == pytest.approx(now["previous_net_new"])
    # NPS test by hand: Wald standard errors from the shares, two-sample z.
    def se(month_):
        scores = company.surveys.query("survey == 'nps'")
        scores = scores[scores["submitted_at"].dt.to_period("M") == month_]["score"]
        p, d = (scores >= 9).mean(), (scores <= 6).mean()
        return math.sqrt((p + d - (p - d) ** 2) / len(scores)) * 100
    z = (now["nps"] - before["nps"]) / math.hypot(se(month), se(month - 1))
    assert card.loc["nps", "p_value"] == pytest.approx(2 * (1 - NormalDist().cdf(abs(z))))
    significant = abs(z) > NormalDist().inv_cdf(0.975)
    if not significant:
        assert card.loc["nps", "verdict"] == "not_significant"
    else:
        assert card.loc["nps", "verdict"] == ("better" if z > 0 else "worse")
    # Better/worse for the exact KPIs follows the sign of the change.
    rise = card.loc["mrr", "value"] > card.loc["mrr", "previous"]
    assert card.loc["mrr", "verdict"] == ("better" if rise else "worse")
    fall = card.loc["churn", "value"] < card.loc["churn", "previous"]
    assert card.loc["churn", "verdict"] == ("better" if fall else "worse")


# ---------------------------------------------------------------- display and sentences


def test_format_scorecard_text():
    card = report.scorecard(_tiny([10] * 9 + [7]), "2026-04")
    shown = report.format_scorecard(card)
    assert shown.columns.tolist() == ["This month", "Previous month", "Change", "Trend"]
    assert shown.index.name == "KPI"
    assert shown.loc["MRR"].tolist() == ["190", "190", "+0", "= no change"]
    assert shown.loc["Net new MRR"].tolist() == ["0", "10", "-10", "▼ worse"]
    # 0.25 - 0 = +25 percentage points.
    assert shown.loc["Customer churn rate"].tolist() == ["25.00%", "0.00%", "+25.00 pp", "▲ worse"]
    nps = shown.loc["Net Promoter Score (NPS)"]
    assert nps.iloc[0].startswith("90.0 [")
    assert nps.iloc[1:].tolist() == ["30.0", "+60.0", "▲ better"]


def test_format_scorecard_translates():
    card = report.scorecard(_tiny([10] * 9 + [7]), "2026-04")
    cskit.set_language("ko")
    shown = report.format_scorecard(card)
    assert shown.columns.tolist() == ["이번 달", "지난달", "변화", "추세"]
    assert shown.loc["고객 이탈률", "변화"] == "+25.00 %p"
    assert shown.loc["고객 이탈률", "추세"] == "▲ 악화"


def test_labels_follow_language(company):
    cskit.set_language("ja")
    card = report.scorecard(company, "2026-10")
    assert card.loc["mrr", "label"] == "月次経常収益（MRR）"
    assert card.loc["net_new_mrr", "label"] == cskit.t("kpi.net_new_mrr", "ja")


def test_summaries():
    tiny = _tiny([10] * 9 + [7])
    moves = tiny.mrr.cs.mrr_movements()
    # In: new 40 + expansion 20 = 60; out: contraction 10 + churn 50 = 60.
    assert report.summary_movements(moves, "2026-04") == (
        "MRR went from 190 to 190 in 2026-04 (+0 net new): 60 came in and 60 went out."
    )
    churn = tiny.mrr.cs.churn(period="M")
    assert report.summary_churn(churn, "2026-04").startswith(
        "In 2026-04, 1 of 4 paying customers churned (25.00%)"
    )
    nps = tiny.surveys.cs.nps(period="M")
    assert report.summary_nps(nps, "2026-04").startswith("NPS in 2026-04: 90.0 from 10 answers")
    assert report.summary_nps(nps, "2026-01") == "No NPS answers in 2026-01."


def test_last_months():
    index = pd.period_range("2025-01", "2026-10", freq="M", name="period")
    frame = pd.DataFrame({"x": np.arange(len(index))}, index=index)
    window = report.last_months(frame, "2026-06", months=12)
    assert window.index[0] == pd.Period("2025-07", freq="M")
    assert window.index[-1] == pd.Period("2026-06", freq="M")
    assert len(window) == 12
    segmented = pd.DataFrame(
        {"x": range(4)},
        index=pd.MultiIndex.from_product([index[-2:], ["p", "q"]], names=["period", "plan"]),
    )
    assert len(report.last_months(segmented, "2026-09", months=1)) == 2


def test_every_report_key_in_every_language():
    from cskit.locales.report import TEXTS

    keys = set(TEXTS["en"])
    for lang in cskit.i18n.LANGUAGES:
        assert set(TEXTS[lang]) == keys, lang
        for key in keys:  # each formats with the values the report passes
            cskit.t(key, lang, month="2026-10", months=36, first="2023-11", last="2026-10",
                    previous="2026-09", level=0.95, segment="plan", start="1", end="2",
                    net_new="+1", inflow="3", outflow="2", churned="1", rate=0.02, nps=18.0,
                    n="161", low=6.1, high=29.9)
