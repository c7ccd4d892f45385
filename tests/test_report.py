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
    # No CSAT or CES answers in this company: those KPIs are left out, not shown empty.
    assert card.index.tolist() == ["mrr", "net_new_mrr", "customers", "churn", "revenue_churn",
                                   "net_revenue_churn", "nrr", "grr", "nps"]
    # NRR / GRR, April: start MRR of March's customers a b c e = 100 + 50 + 30 + 10 = 190;
    # a expands +20, b churns -50, c contracts -10: NRR = 150 / 190, GRR = 130 / 190.
    # March: a b c (180) unchanged; e's return is reactivation, excluded -> both 1.
    assert card.loc["nrr", ["value", "previous"]].tolist() == pytest.approx([150 / 190, 1.0])
    assert card.loc["grr", ["value", "previous"]].tolist() == pytest.approx([130 / 190, 1.0])
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
                    n="161", low=6.1, high=29.9, label="MRR", value="2", change="+1",
                    verdict="better", typical="1", target="≥ 2", status="on track", on=1,
                    total=2, items="MRR", file="targets.toml")


# ---------------------------------------------------------------- targets and the KPI tree

TINY_TARGETS = """\
[mrr]
target = 200

[churn]
target = "30%"

  [churn.nps]
  target = 90

[net_new_mrr]
direction = "lower"
"""


def test_scorecard_with_targets_by_hand():
    from cskit.targets import parse_targets

    targets = parse_targets(TINY_TARGETS, known=[k.id for k in report.KPIS])
    card = report.scorecard(_tiny([10] * 9 + [7]), "2026-04", targets=targets)
    # NPS moves under churn; the rest keeps the KPI list's order.
    assert card.index.tolist() == ["mrr", "net_new_mrr", "customers", "churn", "nps",
                                   "revenue_churn", "net_revenue_churn", "nrr", "grr"]
    assert card.loc["nps", ["parent", "depth"]].tolist() == ["churn", 1]
    assert card.loc["churn", "depth"] == 0 and card.loc["churn", "parent"] is None
    # MRR 190 < 200 (higher is better) -> off track.
    assert card.loc["mrr", ["target", "better", "status"]].tolist() == [200.0, "higher",
                                                                        "off_track"]
    # Churn 0.25 <= 0.30 (lower is better by default) -> on track.
    assert card.loc["churn", ["target", "better", "status"]].tolist() == [0.3, "lower",
                                                                          "on_track"]
    # NPS 90 >= 90: meeting the target exactly is on track.
    assert card.loc["nps", "status"] == "on_track"
    # Direction overridden to "lower": net new MRR fell 10 -> 0, which is now better.
    assert card.loc["net_new_mrr", ["better", "verdict", "status"]].tolist() == [
        "lower", "better", None]
    assert np.isnan(card.loc["customers", "target"]) and card.loc["customers", "status"] is None
    # Without targets the verdicts are the KPIs' own.
    plain = report.scorecard(_tiny([10] * 9 + [7]), "2026-04")
    assert plain.loc["net_new_mrr", "verdict"] == "worse"
    assert plain["status"].isna().all()


def test_summary_targets_and_formatting_with_targets():
    from cskit.targets import parse_targets

    targets = parse_targets(TINY_TARGETS)
    card = report.scorecard(_tiny([10] * 9 + [7]), "2026-04", targets=targets)
    # Judged: mrr (off), churn (on), nps (on).
    assert report.summary_targets(card) == (
        "2 of 3 KPIs with a target are on track. Off track: MRR (190; target ≥ 200)."
    )
    shown = report.format_scorecard(card)
    assert shown.columns.tolist() == ["This month", "Previous month", "Change", "Trend",
                                      "Target", "Status"]
    assert shown.loc["MRR", ["Target", "Status"]].tolist() == ["≥ 200", "off track"]
    assert shown.loc["Customer churn rate", "Target"] == "≤ 30.00%"
    assert shown.loc["└ Net Promoter Score (NPS)", "Status"] == "on track"
    assert shown.loc["Paying customers", ["Target", "Status"]].tolist() == ["–", "–"]
    assert report.summary_targets(report.scorecard(_tiny([10]), "2026-04")).startswith(
        "No targets are set")


def _seasonal(data):
    """A KPI with a year of history: +2, -1, +2, -1, ... then a jump of 8."""
    index = pd.period_range("2025-04", "2026-04", freq="M")
    return pd.Series([10, 12, 11, 13, 12, 14, 13, 15, 14, 16, 15, 17, 25], index=index,
                     dtype=float)


def _sampled(data):
    """A survey-like KPI: 50 -> 55 with standard errors of 2 points."""
    index = pd.PeriodIndex(["2026-03", "2026-04"], freq="M")
    return pd.DataFrame({"value": [50.0, 55.0], "se": [2.0, 2.0]}, index=index)


def test_adding_a_kpi_is_one_entry():
    seasonal = report.KPI("seasonal", "kpi.customers", "count", True, "usage", _seasonal)
    sampled = report.KPI("sampled", "kpi.nps", "points", True, "voice", _sampled,
                         needs=("surveys",), parent="mrr")
    needs_tickets = report.KPI("tickets", "kpi.nps", "count", True, "support", _seasonal,
                               needs=("tickets",))
    kpis = [*report.KPIS, seasonal, sampled, needs_tickets]
    card = report.scorecard(_tiny([10] * 9 + [7]), "2026-04", kpis=kpis)
    assert "tickets" not in card.index  # the company has no tickets table: left out
    assert card.index.tolist()[:2] == ["mrr", "sampled"]  # its default parent
    row = card.loc["seasonal"]
    assert (row["value"], row["previous"], row["change"]) == (25.0, 17.0, 8.0)
    # Typical move over 2025-04..2026-03: |diffs| 2,1,2,1,2,1,2,1,2,1,2 -> 17 / 11.
    assert row["typical_change"] == pytest.approx(17 / 11)
    assert row["surprise"] == pytest.approx(8 / (17 / 11))
    # Sampled: z = 5 / sqrt(2^2 + 2^2) = 1.768, p = 0.077: not significant at 95 %...
    p = 2 * (1 - NormalDist().cdf(5 / math.sqrt(8)))
    assert card.loc["sampled", "p_value"] == pytest.approx(p)
    assert card.loc["sampled", "verdict"] == "not_significant"
    # ... but significant at 90 %.
    loose = report.scorecard(_tiny([10] * 9 + [7]), "2026-04", kpis=kpis, level=0.90)
    assert loose.loc["sampled", "verdict"] == "better"


def test_top_moves_by_hand():
    seasonal = report.KPI("seasonal", "kpi.customers", "count", True, "usage", _seasonal)
    card = report.scorecard(_tiny([10] * 9 + [7]), "2026-04", kpis=[*report.KPIS, seasonal])
    # Only "seasonal" has a year of history (surprise 5.2); the others are ranked by
    # relative change: net revenue churn (40/190 + 10/180) / (10/180) = 4.79, NPS 60/30 = 2,
    # net new MRR 10/10 = 1; churn and gross revenue churn came from 0 (no ratio).
    assert report.top_moves(card, n=4).index.tolist() == ["seasonal", "net_revenue_churn",
                                                          "nps", "net_new_mrr"]
    assert report.summary_top_moves(card, n=1) == [
        "Paying customers rose from 17 to 25 (+8, better). It usually moves by about 2 a month."
    ]
    # A not-significant survey change is not a "move".
    quiet = report.scorecard(_tiny([10] * 6 + [8] * 3 + [0]), "2026-04")
    assert "nps" not in report.top_moves(quiet, n=10).index


def test_summary_top_moves_in_japanese():
    card = report.scorecard(_tiny([10] * 9 + [7]), "2026-04")
    cskit.set_language("ja")
    first = report.summary_top_moves(card, n=1)[0]
    assert first == "収益チャーン率（ネット）は-5.56%から21.05%に上昇しました（+26.61 pt、悪化）。"


def test_kpi_history():
    history = report.kpi_history(_tiny([10]), "2026-04", ["mrr", "churn"], months=3)
    assert history.index.astype(str).tolist() == ["2026-02", "2026-03", "2026-04"]
    assert history["mrr"].tolist() == [180.0, 190.0, 190.0]
    assert history["churn"].tolist() == pytest.approx([1 / 3, 0.0, 0.25])  # e left in Feb
    with pytest.raises(InvalidParameterError, match="not a KPI of the report"):
        report.kpi_history(_tiny([10]), "2026-04", ["nope"])


def test_sub_kpis_on_the_sample_match_plain_pandas(company):
    card = report.scorecard(company, "2026-10", targets=report.load_targets())
    month = pd.Period("2026-10", freq="M")
    acc = company.accounts
    cutoff = month.end_time
    week = pd.Timedelta(days=7)
    mature = acc["signup_at"] + week <= cutoff
    logged = acc["first_login_at"].notna() & (acc["first_login_at"] - acc["signup_at"] <= week)

    def first_login(m):
        cohort = (acc["signup_at"].dt.to_period("M") == m) & mature
        return (cohort & logged).sum() / cohort.sum()

    assert card.loc["first_login_rate", "value"] == pytest.approx(first_login(month))
    assert card.loc["first_login_rate", "previous"] == pytest.approx(first_login(month - 1))

    ev = company.events

    def stickiness(m):
        # DAU / trailing-28-day MAU of each day of the month, averaged (the headline)
        day = ev["timestamp"].dt.normalize()
        ratios = []
        for d in pd.date_range(m.start_time, m.end_time.normalize()):
            dau = ev.loc[day == d, "user_id"].nunique()
            mau = ev.loc[(day > d - pd.Timedelta(days=28)) & (day <= d), "user_id"].nunique()
            ratios.append(dau / mau)
        return sum(ratios) / len(ratios)

    assert card.loc["stickiness", "value"] == pytest.approx(stickiness(month))
    assert card.loc["stickiness", "previous"] == pytest.approx(stickiness(month - 1))
    assert card.loc[["first_login_rate", "stickiness"], "parent"].tolist() == ["churn", "churn"]


# ---------------------------------------------------------------- HTML fragments and export


def test_scorecard_html_escapes_and_marks_status():
    from cskit.targets import parse_targets

    card = report.scorecard(_tiny([10] * 9 + [7]), "2026-04",
                            targets=parse_targets(TINY_TARGETS))
    card.loc["mrr", "label"] = "<b>not a label</b>"  # never used: labels come from cskit.t
    page = report.scorecard_html(card)
    assert page.count('<tr class="depth-') == 9
    assert '<tr class="depth-1" data-kpi="nps">' in page
    assert '<td class="off_track">off track</td>' in page
    assert "<b>" not in page
    assert "≥ 200" in page


def test_customer_comments_and_escaping():
    answers = pd.DataFrame({
        "submitted_at": pd.to_datetime(["2026-10-02", "2026-10-05", "2026-10-09", "2026-10-09",
                                        "2026-09-30", "2026-10-10"]),
        "survey": ["nps", "nps", "nps", "csat", "nps", "nps"],
        "score": [3, 9, 0, 1, 0, 6],
        "comment": ["Slow support", "Great", "<script>alert('x')</script>", "csat text",
                    "September", "x" * 400],
    })
    picked = report.customer_comments(answers, "2026-10", n=5, max_chars=50)
    # Detractors (0-6) of October's NPS only, lowest score first.
    assert picked["score"].tolist() == [0, 3, 6]
    assert picked["comment"].iloc[2] == "x" * 49 + "…"
    page = report.comments_html(picked)
    assert "&lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt;" in page
    assert "<script>" not in page
    assert "2026-10-09" in page
    assert "No comments" in report.comments_html(picked.iloc[:0])
    with pytest.raises(CskitError, match="'comment'"):
        report.customer_comments(answers.drop(columns="comment"), "2026-10")
    answers.loc[answers.index[1], "comment"] = None  # missing comments are skipped, not "None"
    assert len(report.customer_comments(answers, "2026-10")) == 3


@pytest.mark.parametrize(
    ("value", "expected"),
    [("=1+1", "'=1+1"), ("+SUM(A1)", "'+SUM(A1)"), ("-2", "'-2"), ("@cmd", "'@cmd"),
     ("\tx", "'\tx"), ("\rx", "'\rx"), ("MRR", "MRR"), (" =x", " =x"), (-2.0, -2.0),
     (None, None)],
)
def test_safe_cell(value, expected):
    assert report.safe_cell(value) == expected


def _hostile_records():
    card = report.scorecard(_tiny([10] * 9 + [7]), "2026-04")
    records = report.scorecard_records(card)
    records[0]["label"] = '=HYPERLINK("http://x","y")'
    records[1]["label"] = "@SUM(1)"
    return records


def test_kpi_csv_neutralises_formulas():
    import csv as csv_module
    import io as io_module

    text = report.kpi_csv(_hostile_records())
    rows = list(csv_module.DictReader(io_module.StringIO(text)))
    assert rows[0]["label"] == '\'=HYPERLINK("http://x","y")'
    assert rows[1]["label"] == "'@SUM(1)"
    assert rows[1]["value"] == "0.0" and rows[1]["change"] == "-10.0"  # numbers stay numbers
    assert rows[2]["target"] == ""  # missing -> empty
    for row in rows:
        for cell in row.values():
            assert not cell.startswith(("=", "+", "@", "\t", "\r")), cell
            if cell.startswith("-"):
                float(cell)  # only negative numbers may start with "-"


def test_kpi_xlsx_has_no_formulas():
    openpyxl = pytest.importorskip("openpyxl", reason="openpyxl is in the 'io' extra")
    import io as io_module

    book = openpyxl.load_workbook(io_module.BytesIO(report.kpi_xlsx(_hostile_records(),
                                                                     title="2026-04")))
    sheet = book.active
    assert sheet.title == "2026-04"
    header = [c.value for c in sheet[1]]
    assert header[:5] == ["kpi", "label", "parent", "unit", "value"]
    assert sheet["B2"].value == '\'=HYPERLINK("http://x","y")'
    assert sheet["B2"].data_type == "s"
    assert all(c.data_type != "f" for row in sheet.iter_rows() for c in row)
    assert sheet["E3"].value == 0.0 and sheet["G3"].value == -10.0  # numbers stay numbers


def test_scorecard_records_are_json_ready():
    import json

    records = report.scorecard_records(report.scorecard(_tiny([10]), "2026-04"))
    text = json.dumps(records, allow_nan=False)  # no NaN: None for missing values
    assert json.loads(text)[0]["kpi"] == "mrr"


def test_page_html_is_self_contained():
    page = report.page_html("<p>x</p>", title="T & <x>", lang="ko")
    assert '<html lang="ko">' in page and "<title>T &amp; &lt;x&gt;</title>" in page
    assert "<script" not in page and "http" not in page.split("<body>")[0]


def test_moved_to_red_matches_the_bands_by_hand():
    company = cskit.datasets.load_sample()
    scores = report.health_scores(company, "2026-10")
    # By hand: accounts red in October whose September band was known and not red.
    band = scores.pivot_table(index="account_id", columns="month", values="band",
                              aggfunc="first")
    oct_, sep = pd.Period("2026-10", "M"), pd.Period("2026-09", "M")
    expected = band.index[(band[oct_] == "red") & band[sep].notna() & (band[sep] != "red")]
    moved = report.moved_to_red(company, "2026-10")
    assert sorted(moved["account_id"]) == sorted(expected)
    assert len(moved) > 0
    assert np.allclose(moved["change"], moved["score"] - moved["previous_score"])
    # MRR at risk: the account's October MRR, by hand from the mrr table; largest first
    oct_mrr = company.mrr[company.mrr["month"].astype(str) == "2026-10"]
    by_hand = oct_mrr.groupby("customer_id")["mrr"].sum()
    assert np.allclose(moved["mrr"], by_hand.reindex(moved["account_id"]).to_numpy())
    assert (moved["mrr"].diff().dropna() <= 0).all()
    segment = company.accounts.set_index("account_id")["segment"]
    assert (moved["segment"] == moved["account_id"].map(segment)).all()
    assert moved["reasons"].str.len().gt(0).all()  # every red account has a reason
    assert "name" not in moved.columns  # the sample accounts have no name
    # with a name column in the accounts table, the name comes along
    from types import SimpleNamespace

    named = SimpleNamespace(**{k: getattr(company, k) for k in
                               ("events", "mrr", "tickets", "surveys")})
    named.accounts = company.accounts.assign(name="Co " + company.accounts["account_id"])
    with_names = report.moved_to_red(named, "2026-10")
    assert with_names.columns[:3].tolist() == ["account_id", "name", "segment"]
    assert (with_names["name"] == "Co " + with_names["account_id"]).all()


def test_health_section_states_the_check_and_band_shares(tmp_path):
    from cskit.health import calibrate, health_inputs

    company = cskit.datasets.load_sample()
    check = report.health_check(company, "2026-10")
    scores = report.health_scores(company, "2026-10")
    now = scores.loc[scores["month"] == pd.Period("2026-10", "M"), "band"]
    assert check["shares"]["red"] == pytest.approx((now == "red").mean())
    assert sum(check["shares"].values()) == pytest.approx(1.0)
    assert check["method"] == "default" and (check["first"], check["last"]) == ("2026-02",
                                                                               "2026-07")
    assert check["auc"] > 0.7 and not check["ranked"]
    lines = report.health_check_text(check, "2026-10")
    assert "AUC 0.73" in lines[0] and "2026-02" in lines[0]
    assert f"Red {check['shares']['red']:.0%}" in lines[1]
    early = report.health_check(company, "2024-01")  # no month before has 3 months of outcome
    assert early["method"] == "unchecked"
    assert "cannot be checked yet" in report.health_check_text(early, "2024-01")[0]
    # a saved calibration next to the data is what the report then scores with
    inputs = health_inputs(company.events, company.accounts, company.mrr,
                           surveys=company.surveys, tickets=company.tickets)
    calibrate(inputs, company.mrr).save(tmp_path / report.HEALTH_FILE)
    fit = report.load_health(tmp_path)
    assert report.load_health(None) is None and report.load_health(tmp_path / "none") is None
    checked = report.health_check(company, "2026-10", fit)
    assert checked["method"] == "calibrated" and checked["auc"] == fit.auc_test
    assert "judged only on later months" in report.health_check_text(checked, "2026-10")[0]
    red = report.moved_to_red(company, "2026-10", fit)
    redone = fit.score(report._health_inputs(company, pd.Period("2026-10", "M"))[0],
                       by="segment")
    last = redone[redone["month"] == pd.Period("2026-10", "M")].set_index("account_id")
    assert (last.loc[red["account_id"], "band"] == "red").all()
