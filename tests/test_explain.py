"""Explainers: the logic (numbers by hand and by plain pandas), the widgets, and headless mode."""

from __future__ import annotations

import itertools
import math
import re

import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import cskit
from cskit.errors import InvalidParameterError
from cskit.explain import _headless, logic
from cskit.explain.logic import churn as churn_logic
from cskit.explain.logic import fcr as fcr_logic
from cskit.explain.logic import health as health_logic
from cskit.explain.logic import ltv as ltv_logic
from cskit.explain.logic import mrr as mrr_logic
from cskit.explain.logic import nps as nps_logic
from cskit.explain.logic import retention as retention_logic
from cskit.explain.logic import scales as scales_logic
from cskit.explain.logic import stickiness as stickiness_logic


@pytest.fixture(autouse=True)
def english():
    cskit.set_language("en")
    cskit.explain.set_mode("auto")
    yield
    cskit.set_language("en")
    cskit.explain.set_mode("auto")


@pytest.fixture(scope="module")
def company():
    return cskit.datasets.load_sample()


# --------------------------------------------------------------------------- NPS


def test_nps_reference_figure():
    # Catalogue: 60 % promoters, 8 % detractors → 52.
    base = nps_logic.NPSBase(promoters=60, passives=32, detractors=8)
    view = nps_logic.compute(base, promoters=60, passives=32, detractors=8)
    assert view.numbers["nps"] == pytest.approx(52.0)
    assert view.numbers["promoters"] == pytest.approx(0.60)


def test_nps_interval_matches_catalogue_standard_error():
    # ½ promoters, ⅓ passives, ⅙ detractors of 324: NPS 33.3, SE ≈ 4.1 points
    # (var = ½ + ⅙ − (⅓)² = 5/9; SE = √(5/9 / 324) = 0.0414 → 4.1 points; ±1.96 SE at 95 %).
    base = nps_logic.NPSBase(promoters=162, passives=108, detractors=54)
    view = nps_logic.compute(base, promoters=162, passives=108, detractors=54, confidence=0.95)
    assert view.numbers["nps"] == pytest.approx(100 / 3)
    assert view.numbers["se"] == pytest.approx(4.14, abs=0.01)
    assert view.numbers["ci_high"] - view.numbers["nps"] == pytest.approx(1.96 * 4.14, abs=0.05)


def test_nps_zero_and_six_count_the_same():
    # 2 promoters (half 9, half 10 → mean 9.5) and 2 detractors.
    # All detractors at 0: mean = (2·9.5 + 2·0) / 4 = 4.75; at 6: (19 + 12) / 4 = 7.75.
    base = nps_logic.NPSBase(promoters=2, passives=0, detractors=2)
    at0 = nps_logic.compute(base, promoters=2, passives=0, detractors=2, detractor_answer=0)
    at6 = nps_logic.compute(base, previous=at0, promoters=2, passives=0, detractors=2,
                            detractor_answer=6)
    assert at0.numbers["nps"] == at6.numbers["nps"] == 0.0
    assert at0.numbers["mean_score"] == pytest.approx(4.75)
    assert at6.numbers["mean_score"] == pytest.approx(7.75)
    assert "stays at 0.0" in at6.sentence
    assert "one detractor" in at6.sentence


def test_nps_no_answers_is_undefined_not_an_error():
    base = nps_logic.NPSBase(promoters=0, passives=0, detractors=0)
    view = nps_logic.compute(base, promoters=0, passives=0, detractors=0)
    assert math.isnan(view.numbers["nps"])
    assert dict(view.rows)["NPS"] == "—"


def test_nps_prepare_matches_plain_pandas(company):
    s = company.surveys
    rows = s[(s["survey"] == "nps") & (s["submitted_at"].dt.strftime("%Y-%m") == "2026-10")]
    base = nps_logic.prepare()
    assert base.month == "2026-10"
    assert base.promoters == int((rows["score"] >= 9).sum())
    assert base.passives == int(rows["score"].between(7, 8).sum())
    assert base.detractors == int((rows["score"] <= 6).sum())
    # The spread inside each group reproduces the real mean score.
    view = nps_logic.compute(base, promoters=base.promoters, passives=base.passives,
                             detractors=base.detractors)
    assert view.numbers["mean_score"] == pytest.approx(rows["score"].mean())


# --------------------------------------------------------------------------- churn


def _counts(**kw):
    row = {"start": 100, "new": 20, "end": 105, "churned_start": 10, "churned_joined": 5,
           "returned_start": 2, "returned_joined": 1} | kw
    return pd.DataFrame({k: [v] for k, v in row.items()},
                        index=pd.PeriodIndex(["2026Q3"], freq="Q"))


@pytest.mark.parametrize(
    ("join", "react", "churned"),
    [
        ("exclude", "count", 10),  # start customers only
        ("count", "count", 15),  # + 5 who joined and churned
        ("exclude", "net", 8),  # − 2 start customers back by the end
        ("count", "net", 12),  # 15 − 2 − 1
    ],
)
def test_churn_switches_by_hand(join, react, churned):
    base = churn_logic.ChurnBase(periods={"Q": _counts()})
    view = churn_logic.compute(base, period="Q", join_and_churn=join, reactivated=react)
    assert view.numbers["churned"] == churned
    assert view.numbers["rate_start"] == pytest.approx(churned / 100)
    assert view.numbers["rate_average"] == pytest.approx(churned / 102.5)  # (100 + 105) / 2
    assert view.numbers["rate_start_plus_new"] == pytest.approx(churned / 120)


def test_churn_sentence_names_the_switch_and_the_rates():
    base = churn_logic.ChurnBase(periods={"Q": _counts()})
    first = churn_logic.compute(base, period="Q")
    second = churn_logic.compute(base, previous=first, period="Q", join_and_churn="count")
    assert "10.00% → 15.00%" in second.sentence
    assert "5 customers joined and churned" in second.sentence


def test_churn_prepare_matches_plain_pandas(company):
    m = company.mrr
    per = m.groupby(["customer_id", "month"])["mrr"].sum()
    active = per[per > 0].reset_index()
    sep = set(active.loc[active["month"] == pd.Period("2026-09", "M"), "customer_id"])
    octo = set(active.loc[active["month"] == pd.Period("2026-10", "M"), "customer_id"])
    base = churn_logic.prepare()
    last = base.periods["M"].iloc[-1]
    assert str(base.periods["M"].index[-1]) == "2026-10"
    assert last["start"] == len(sep)
    assert last["end"] == len(octo)
    assert last["new"] == len(octo - sep)
    assert last["churned_start"] == len(sep - octo)
    # A month cannot hold a join and a churn, nor a churn and a return.
    assert (base.periods["M"][["churned_joined", "returned_start", "returned_joined"]] == 0).all().all()


@settings(max_examples=50, deadline=None)
@given(st.integers(0, 500), st.integers(0, 200), st.integers(0, 200), st.data())
def test_churn_rates_stay_ordered(start, new, lost_start, data):
    lost_start = min(lost_start, start)
    lost_new = data.draw(st.integers(0, new))
    counts = _counts(start=start, new=new, end=start + new - lost_start - lost_new,
                     churned_start=lost_start, churned_joined=lost_new, returned_start=0,
                     returned_joined=0)
    table = churn_logic.rates(counts, "count", "count")
    # start + new is never a smaller base than start, so its rate is never higher.
    if start > 0:
        assert table["rate_start_plus_new"].iloc[0] <= table["rate_start"].iloc[0] + 1e-12
    if start + new > 0:
        assert 0 <= table["rate_start_plus_new"].iloc[0] <= 1


# --------------------------------------------------------------------------- MRR movements


def test_mrr_reference_figures():
    # Catalogue: start 100; churn 10, contraction 10, expansion 10 → gross 20 %, net 10 %.
    base = mrr_logic.MRRBase(100.0, 0.0, 10.0, 10.0, 10.0, 0.0)
    view = mrr_logic.compute(base, new=0.0, expansion=10.0, contraction=10.0, churn=10.0,
                             reactivation=0.0)
    assert view.numbers["end"] == 90.0  # 100 + 10 − 10 − 10
    assert view.numbers["gross_churn"] == pytest.approx(0.2)
    assert view.numbers["net_churn"] == pytest.approx(0.1)
    assert [s for s, _ in view.figure["steps"]] == ["start", *mrr_logic.MOVES, "end"]


def test_mrr_prepare_reconciles_with_plain_pandas(company):
    m = company.mrr
    totals = m.groupby("month")["mrr"].sum()
    base = mrr_logic.prepare()
    values = {c.name: c.default for c in mrr_logic.controls(base)}
    view = mrr_logic.compute(base, **values)
    assert base.start == pytest.approx(totals[pd.Period("2026-09", "M")])
    assert view.numbers["end"] == pytest.approx(totals[pd.Period("2026-10", "M")])


# --------------------------------------------------------------------------- NRR vs GRR


def test_retention_reference_figures():
    # start 100, expansion 10, contraction 10, churn 10: NRR (100+10−10−10)/100 = 0.9, GRR 0.8.
    base = retention_logic.RetentionBase(100.0, 10.0, 10.0, 10.0, 0.0)
    view = retention_logic.compute(base, expansion=10.0, contraction=10.0, churn=10.0, new=50.0)
    assert view.numbers["nrr"] == pytest.approx(0.9)
    assert view.numbers["grr"] == pytest.approx(0.8)
    more = retention_logic.compute(base, previous=view, expansion=40.0, contraction=10.0,
                                   churn=10.0, new=50.0)
    assert more.numbers["nrr"] == pytest.approx(1.2)
    assert more.numbers["grr"] == pytest.approx(0.8)  # expansion never lifts GRR
    assert "GRR stays at 80.0%" in more.sentence


def test_retention_new_business_changes_neither_rate():
    base = retention_logic.RetentionBase(100.0, 10.0, 10.0, 10.0, 0.0)
    a = retention_logic.compute(base, expansion=10.0, contraction=10.0, churn=10.0, new=0.0)
    b = retention_logic.compute(base, previous=a, expansion=10.0, contraction=10.0, churn=10.0,
                                new=500.0)
    assert (a.numbers["nrr"], a.numbers["grr"]) == (b.numbers["nrr"], b.numbers["grr"])
    assert b.numbers["end"] == a.numbers["end"] + 500


def test_retention_prepare_matches_plain_pandas(company):
    # The explainer starts from cskit's NRR convention: the customers paying in 2025-10,
    # and a customer who stopped paying in any month of the window (even if back by
    # 2026-10) counts as churned at its start MRR ("returns excluded").
    m = company.mrr
    per = m.groupby(["customer_id", "month"])["mrr"].sum().unstack("month", fill_value=0.0)
    window = per.loc[:, pd.Period("2025-10", "M"):pd.Period("2026-10", "M")]
    then, now = window.iloc[:, 0], window.iloc[:, -1]
    cohort = then > 0
    stayed = cohort & (window > 0).all(axis=1)
    base = retention_logic.prepare()
    assert base.start == pytest.approx(then[cohort].sum())
    assert base.churn == pytest.approx(then[cohort & ~stayed].sum())
    diff = (now - then)[stayed]
    assert base.expansion == pytest.approx(diff[diff > 0].sum())
    assert base.contraction == pytest.approx(-diff[diff < 0].sum())
    assert base.new == pytest.approx(now.sum() - now[stayed].sum())
    # …and so it shows the number notebook 04 and the report compute with cskit.metrics.nrr.
    view = retention_logic.compute(base, expansion=base.expansion, contraction=base.contraction,
                                   churn=base.churn, new=base.new)
    metric = company.mrr.cs.nrr(period="M", window=12).loc[pd.Period("2026-10", "M"), "nrr"]
    assert view.numbers["nrr"] == pytest.approx(metric)


# --------------------------------------------------------------------------- LTV


def test_ltv_reference_and_explosion():
    # Catalogue: ARPA 100, churn 5 % per month → 2,000.
    base = ltv_logic.LTVBase(arpa=100.0, churn=0.05)
    view = ltv_logic.compute(base, arpa=100.0, churn=0.05, margin=1.0)
    assert view.numbers["ltv"] == pytest.approx(2000.0)
    halved = ltv_logic.compute(base, previous=view, arpa=100.0, churn=0.025, margin=1.0)
    assert halved.numbers["ltv"] == pytest.approx(4000.0)  # halving churn doubles LTV
    zero = ltv_logic.compute(base, previous=halved, arpa=100.0, churn=0.0, margin=1.0)
    assert math.isinf(zero.numbers["ltv"])
    assert "undefined" in zero.sentence
    curve = np.array(view.figure["ltv"])
    assert (np.diff(curve) < 0).all()  # LTV falls as churn rises along the curve


def test_ltv_margin_scales_linearly():
    base = ltv_logic.LTVBase(arpa=100.0, churn=0.05)
    view = ltv_logic.compute(base, arpa=100.0, churn=0.05, margin=0.8)
    assert view.numbers["ltv"] == pytest.approx(1600.0)  # 100 × 0.8 ÷ 0.05


def test_ltv_prepare_matches_plain_pandas(company):
    m = company.mrr
    october = m[m["month"] == pd.Period("2026-10", "M")].groupby("customer_id")["mrr"].sum()
    base = ltv_logic.prepare()
    assert base.arpa == pytest.approx(october[october > 0].mean())
    rates = company.mrr.cs.churn(period="M")["churn"]
    assert base.churn == pytest.approx(rates.loc[:"2026-10"].tail(12).mean())


# --------------------------------------------------------------------------- CSAT / CES


def test_scales_polarise_keeps_the_mean_and_moves_top_box():
    # 3,3,3,3,4,4,4,5,5,5: top-2-box 6/10, mean 39/10. One pair 3→1 and 3→5: top 7/10, mean 3.9.
    base = scales_logic.ScalesBase("csat", {1: 0, 2: 0, 3: 4, 4: 3, 5: 3})
    a = scales_logic.compute(base, threshold=4)
    b = scales_logic.compute(base, previous=a, threshold=4, polarise=1)
    assert (a.numbers["top_box"], a.numbers["mean"]) == (pytest.approx(0.6), pytest.approx(3.9))
    assert (b.numbers["top_box"], b.numbers["mean"]) == (pytest.approx(0.7), pytest.approx(3.9))
    assert "mean stays at 3.90" in b.sentence


def test_scales_inverted_ces_flips_answers():
    # Stored with 1 = best: two answers of 1 read as is are "very hard" (1); flipped they are 7.
    base = scales_logic.ScalesBase("ces", {1: 2, 2: 0, 3: 0, 4: 0, 5: 0, 6: 0, 7: 0})
    assert scales_logic.compute(base, threshold=5).numbers["top_box"] == 0.0
    flipped = scales_logic.compute(base, threshold=5, inverted="yes")
    assert flipped.numbers["top_box"] == 1.0
    assert flipped.numbers["mean"] == 7.0


@settings(max_examples=60, deadline=None)
@given(st.lists(st.integers(0, 40), min_size=5, max_size=5), st.integers(0, 30),
       st.integers(2, 5))
def test_scales_polarising_never_moves_the_mean(counts, pairs, threshold):
    if sum(counts) == 0:
        return
    base = scales_logic.ScalesBase("csat", dict(zip(range(1, 6), counts, strict=True)))
    plain = scales_logic.compute(base, threshold=threshold)
    moved = scales_logic.compute(base, threshold=threshold, polarise=pairs)
    assert moved.numbers["mean"] == pytest.approx(plain.numbers["mean"])
    if threshold > 3:  # a positive band above the middle answer gains the pairs moved up
        assert moved.numbers["top_box"] >= plain.numbers["top_box"] - 1e-12
    assert moved.numbers["n"] == plain.numbers["n"]


def test_scales_prepare_matches_plain_pandas(company):
    s = company.surveys
    months = s["submitted_at"].dt.to_period("M")
    rows = s[(s["survey"] == "csat") & (months >= pd.Period("2026-08", "M"))]
    base = scales_logic.prepare(survey="csat")
    assert sum(base.counts.values()) == len(rows)
    view = scales_logic.compute(base, threshold=4)
    assert view.numbers["top_box"] == pytest.approx((rows["score"] >= 4).mean())
    assert view.numbers["mean"] == pytest.approx(rows["score"].mean())


# --------------------------------------------------------------------------- FCR


def _fcr_base():
    counts = pd.DataFrame({
        "replies": [1, 1, 2, 1, 1],
        "reopened": [False, True, False, False, False],
        "spam": [False, False, False, True, False],
        "resolved": [True, True, True, True, False],
        "channel": ["chat", "chat", "chat", "chat", "email"],
        "tickets": [6, 1, 3, 2, 4],
    })
    return fcr_logic.FCRBase(counts=counts)


@pytest.mark.parametrize(
    ("change", "qualifying", "denominator"),
    [
        ({}, 6, 10),  # 6 one-reply, not reopened, not spam ÷ 10 resolved non-spam
        ({"max_replies": 2}, 9, 10),  # + 3 two-reply tickets
        ({"exclude_reopened": "no"}, 7, 10),  # + 1 reopened ticket
        ({"exclude_spam": "no"}, 8, 12),  # spam: +2 resolved at one reply, +2 in denominator
        ({"denominator": "all"}, 6, 14),  # + 4 unresolved email tickets
        ({"channel": "email"}, 0, 0),  # email tickets are all unresolved
    ],
)
def test_fcr_each_definitional_question(change, qualifying, denominator):
    values = {"max_replies": 1, "exclude_reopened": "yes", "exclude_spam": "yes",
              "denominator": "resolved", "channel": "all"} | change
    view = fcr_logic.compute(_fcr_base(), **values)
    assert view.numbers["qualifying"] == qualifying
    assert view.numbers["denominator"] == denominator
    expected = qualifying / denominator if denominator else float("nan")
    assert view.numbers["fcr"] == pytest.approx(expected, nan_ok=True)


def test_fcr_prepare_counts_every_ticket_of_the_window(company):
    t = company.tickets
    months = t["created_at"].dt.to_period("M")
    window = t[(months >= pd.Period("2026-08", "M")) & (months <= pd.Period("2026-10", "M"))]
    base = fcr_logic.prepare()
    assert base.counts["tickets"].sum() == len(window)
    view = fcr_logic.compute(base)
    plain = window[(window["category"] != "spam") & window["resolved_at"].notna()]
    first = plain[(plain["agent_replies"] <= 1) & ~plain["reopened"]]
    assert view.numbers["fcr"] == pytest.approx(len(first) / len(plain))


# --------------------------------------------------------------------------- DAU / MAU


def test_stickiness_reference_figure():
    # Catalogue: daily uniques 10, 1, 1, 1, 1, 1, 1 with MAU 10 → 16/7/10 = 0.229. The
    # trailing MAU is 10 on each of the seven days, so the mean daily ratio is the same.
    ev = pd.DataFrame({"user_id": list(range(10)) + [0] * 6, "event": "login",
                       "timestamp": pd.Timestamp("2026-10-01")
                       + pd.to_timedelta([0] * 10 + [1, 2, 3, 4, 5, 6], unit="D")})
    view = stickiness_logic.compute(stickiness_logic.prepare(ev), window=30,
                                    activity=("login",))
    assert view.numbers["mean_dau"] == pytest.approx(16 / 7)
    assert view.numbers["mau"] == 10
    assert view.numbers["stickiness"] == pytest.approx(0.229, abs=5e-4)
    assert view.numbers["calendar"] == pytest.approx(16 / 7 / 10)


@settings(max_examples=40, deadline=None)
@given(st.lists(st.tuples(st.integers(0, 6), st.integers(0, 40)), min_size=1, max_size=60),
       st.integers(1, 30))
def test_trailing_active_matches_a_brute_force_count(pairs, window):
    frame = pd.DataFrame(pairs, columns=["user", "day"]).drop_duplicates()
    n_days = 41
    fast = stickiness_logic.trailing_active(frame["user"].to_numpy(), frame["day"].to_numpy(),
                                            n_days, window)
    slow = [frame.loc[frame["day"].between(d - window + 1, d), "user"].nunique()
            for d in range(n_days)]
    assert fast.tolist() == slow


def test_stickiness_prepare_matches_plain_pandas(company):
    e = company.events
    october = e[e["timestamp"].dt.to_period("M") == pd.Period("2026-10", "M")]
    dau = october.groupby(october["timestamp"].dt.date)["user_id"].nunique()
    dau = dau.reindex(pd.date_range("2026-10-01", "2026-10-31").date, fill_value=0)
    last28 = e[(e["timestamp"] >= "2026-10-04") & (e["timestamp"] < "2026-11-01")]
    base = stickiness_logic.prepare()
    view = stickiness_logic.compute(base, window=28,
                                    activity=tuple(stickiness_logic.event_names(base)))
    assert view.numbers["mean_dau"] == pytest.approx(dau.mean())
    # the headline: mean over October's days of DAU ÷ users active in the 28 days to that day
    days = pd.date_range("2026-10-01", "2026-10-31")
    mau = [e.loc[(e["timestamp"] >= d - pd.Timedelta(days=27))
                 & (e["timestamp"] < d + pd.Timedelta(days=1)), "user_id"].nunique() for d in days]
    assert view.numbers["mau"] == pytest.approx(np.mean(mau))
    assert view.numbers["stickiness"] == pytest.approx(np.mean(dau.to_numpy() / np.array(mau)))
    # the labelled comparison: mean DAU ÷ users of the calendar month
    assert view.numbers["calendar"] == pytest.approx(dau.mean() / october["user_id"].nunique())
    assert last28["user_id"].nunique() == mau[-1]
    shorter = stickiness_logic.compute(base, previous=view, window=7,
                                       activity=view.values["activity"])
    assert shorter.numbers["mau"] < view.numbers["mau"]
    assert shorter.numbers["stickiness"] > view.numbers["stickiness"]


# --------------------------------------------------------------------------- health


def test_health_explainer_computes_through_the_library():
    import inspect

    source = inspect.getsource(health_logic)
    # no private copy of the score, the AUC, the grading or the bands
    for own in ("def weighted_score", "def auc", "def grade", "def band_of", ".rank("):
        assert own not in source
    rng = np.random.default_rng(7)
    comps = pd.DataFrame({"a": rng.integers(0, 5, 40) * 25.0, "b": rng.integers(0, 3, 40) * 50.0})
    churned = pd.Series(rng.random(40) < 0.3)
    view = health_logic.compute(health_logic.HealthBase(comps, churned), a=2, b=1)
    score = (2 * comps["a"] + comps["b"]) / 3
    pairs = list(itertools.product(score[~churned], score[churned]))
    by_hand = sum(1.0 if a > b else 0.5 if a == b else 0.0 for a, b in pairs) / len(pairs)
    assert view.numbers["auc"] == pytest.approx(by_hand)
    red = (score <= 50).sum()
    assert view.numbers["n_red"] == red and view.numbers["red_share"] == pytest.approx(red / 40)


def test_health_weights_rerank_and_backtest():
    # x is healthy on a, z on b; z churned. Weight on a ranks z lowest (AUC 1); weight on b, 0.
    comps = pd.DataFrame({"a": [100.0, 60.0, 0.0], "b": [0.0, 60.0, 100.0]}, index=["x", "y", "z"])
    base = health_logic.HealthBase(comps, pd.Series([False, False, True], index=comps.index))
    on_a = health_logic.compute(base, a=1, b=0)
    on_b = health_logic.compute(base, previous=on_a, a=0, b=1)
    assert on_a.numbers["auc"] == 1.0
    assert on_b.numbers["auc"] == 0.0
    assert on_a.figure["at_risk"][0] == "z"
    assert on_b.figure["at_risk"][0] == "x"
    nothing = health_logic.compute(base, a=0, b=0)
    assert math.isnan(nothing.numbers["auc"])


def test_health_prepare_labels_match_plain_pandas(company):
    m = company.mrr
    per = m.groupby(["customer_id", "month"])["mrr"].sum()
    paying = {mo: set(per[per > 0].xs(pd.Period(mo, "M"), level="month").index)
              for mo in ("2026-07", "2026-08", "2026-09", "2026-10")}
    july = paying["2026-07"]
    # churned within 3 months: paying in July, then a month without MRR in August–October
    stayed = paying["2026-08"] & paying["2026-09"] & paying["2026-10"]
    base = health_logic.prepare()
    assert base.snapshot == "2026-07"
    assert set(base.churned.index) == july
    assert set(base.churned[base.churned].index) == july - stayed
    assert ((base.components >= 0) & (base.components <= 100) | base.components.isna()).all().all()
    # the default view is health_score's default score (the same scores as the report's)
    view = health_logic.compute(base)
    assert view.values == {"frequency": 2, "nps": 1, "tickets": 1, "breadth": 0, "depth": 0,
                           "mrr_growth": 0}
    # day-one weights (every signal in, usage double) rank churners worse than frequency
    # alone; the fit, judged on later months, ranks better than them
    day_one = health_logic.compute(base, frequency=2, breadth=2, depth=1, mrr_growth=1, nps=1,
                                   tickets=1)
    assert day_one.numbers["auc"] < day_one.numbers["best_auc"]
    assert base.fitted and view.numbers["fitted_auc"] > day_one.numbers["auc"]


def test_health_accepts_a_component_frame():
    frame = pd.DataFrame({"usage": [1.0, 2.0, 3.0, 4.0], "churned": [True, True, False, False]},
                         index=["a", "b", "c", "d"])
    ex = cskit.explain.health(frame, mode="static")
    assert ex.view.numbers["auc"] == 1.0
    # ranked components: half of the accounts are below 50 whatever their health
    assert ex.view.numbers["red_share"] == 0.5
    assert "ranks among the accounts" in ex.view.sentence
    with pytest.raises(InvalidParameterError, match="churned"):
        cskit.explain.health(frame.drop(columns="churned"), mode="static")


# --------------------------------------------------------------------------- widgets

#: For each explainer: a control to change, its new value, and a number that must move.
CHANGES = {
    "nps": ("promoters", lambda v: v + 40, "nps"),
    "churn": ("period", lambda v: "M", "rate_start"),
    "mrr_movements": ("churn", lambda v: v + 5000.0, "end"),
    "retention": ("expansion", lambda v: v + 50000.0, "nrr"),
    "ltv": ("churn", lambda v: 0.01, "ltv"),
    "survey_scales": ("threshold", lambda v: 5, "top_box"),
    "fcr": ("max_replies", lambda v: 3, "fcr"),
    "stickiness": ("window", lambda v: 7, "stickiness"),
    "health": ("breadth", lambda v: 2, "auc"),
}


@pytest.mark.parametrize("name", list(CHANGES))
def test_widget_updates_when_a_control_changes(name):
    import ipywidgets

    widget = cskit.explain.EXPLAINERS[name](mode="widget")
    assert isinstance(widget, ipywidgets.VBox)
    assert not any(isinstance(w, ipywidgets.Output) for w in _descendants(widget))
    control, new_value, number = CHANGES[name]
    before_view, before_html = widget.view, widget.numbers.value
    before_png = widget.figure.value
    widget.controls[control].value = new_value(widget.controls[control].value)
    after = widget.view
    assert after is not before_view
    assert after.numbers[number] != pytest.approx(before_view.numbers[number])
    # The displayed numbers are the view's, and they changed.
    assert widget.numbers.value != before_html
    for _label, text in after.rows:
        assert _html(text) in widget.numbers.value
    assert widget.figure.value != before_png and widget.figure.value[:4] == b"\x89PNG"
    assert widget.controls[control].description in widget.sentence.value


def test_widget_numbers_equal_the_logic_function():
    widget = cskit.explain.ltv(mode="widget")
    widget.controls["arpa"].value = 100.0
    widget.controls["margin"].value = 1.0
    widget.controls["churn"].value = 0.05
    assert widget.view.numbers["ltv"] == pytest.approx(2000.0)
    assert "2,000" in widget.numbers.value
    assert "LTV = 100.00 × 100% ÷ 5.00% = 2,000" in widget.formula.value


def test_multi_select_activity_changes_stickiness():
    widget = cskit.explain.stickiness(mode="widget")
    before = widget.view.numbers["mau"]
    widget.controls["activity"].value = ("create_report",)
    assert widget.view.values["activity"] == ("create_report",)
    assert widget.view.numbers["mau"] < before


def _descendants(widget):
    yield widget
    for child in getattr(widget, "children", ()):
        yield from _descendants(child)


def _html(text):
    import html

    return html.escape(text)


# --------------------------------------------------------------------------- headless


def test_static_explainer_is_deterministic_and_has_no_widget():
    a = cskit.explain.nps(mode="static")
    b = cskit.explain.nps(mode="static")
    assert a.html() == b.html()
    assert repr(a) == repr(b)
    assert "Static view" in a.html()
    assert a.png()[:4] == b"\x89PNG"


def test_static_display_outputs(monkeypatch):
    shown = []
    import IPython.display

    monkeypatch.setattr(IPython.display, "display",
                        lambda obj, raw=False: shown.append(obj))
    cskit.explain.fcr(mode="static")._ipython_display_()
    assert [sorted(o) for o in shown] == [["image/png", "text/plain"], ["text/html", "text/plain"]]
    assert shown[0]["text/plain"] == "<cskit explainer figure: fcr>"
    assert "FCR" in shown[1]["text/html"]
    assert not re.search(r"0x[0-9a-f]{6,}", shown[1]["text/plain"])


@pytest.mark.parametrize("name", list(cskit.explain.EXPLAINERS))
def test_every_explainer_builds_static_on_the_sample(name):
    ex = cskit.explain.EXPLAINERS[name](mode="static")
    assert ex.view.sentence and ex.view.formula and ex.view.rows
    assert ex.html().startswith("<div class='cskit-explainer'>")


def test_outside_a_kernel_explainers_are_static(monkeypatch):
    monkeypatch.delenv("CSKIT_EXPLAIN", raising=False)
    monkeypatch.delenv("CI", raising=False)
    assert cskit.explain.is_headless()
    assert _headless.reason() == "no Jupyter kernel"
    assert type(cskit.explain.ltv()).__name__ == "StaticExplainer"


def test_mode_rules_in_order(monkeypatch):
    monkeypatch.delenv("CI", raising=False)
    monkeypatch.setenv("CSKIT_EXPLAIN", "widget")
    assert not cskit.explain.is_headless()
    monkeypatch.setenv("CI", "true")
    assert not cskit.explain.is_headless()  # the explicit variable wins over CI
    monkeypatch.delenv("CSKIT_EXPLAIN")
    assert _headless.reason() == "CI"
    cskit.explain.set_mode("widget")
    assert cskit.explain.mode() == "widget"  # set_mode wins over everything
    cskit.explain.set_mode("static")
    assert cskit.explain.is_headless()
    with pytest.raises(InvalidParameterError, match="mode"):
        cskit.explain.set_mode("browser")


@pytest.mark.parametrize(
    ("argv", "headless"),
    [
        (["/usr/bin/python", "/venv/bin/papermill", "in.ipynb", "out.ipynb"], True),
        (["python", "-m", "pytest", "--nbval", "notebooks"], True),
        (["/venv/bin/python", "/venv/bin/jupyter-nbconvert", "--execute"], True),
        (["/venv/bin/python", "/venv/bin/cskit", "report", "--month", "2026-10"], True),
        (["python", "tools/notebooks/build.py", "00_start_here"], True),
        (["/venv/bin/python", "/venv/bin/jupyter-lab"], False),
        (["python", "-m", "jupyterlab", "--port", "8888"], False),
        (["/home/me/cskit/.venv/bin/python", "/home/me/cskit/.venv/bin/jupyter-lab"], False),
        ([], False),
    ],
)
def test_headless_parent_detection(argv, headless):
    assert _headless._headless_parent(argv) is headless


def test_kernel_with_a_headless_parent_is_static(monkeypatch):
    class Shell:
        kernel = object()
        user_ns: dict = {}

    monkeypatch.delenv("CI", raising=False)
    monkeypatch.delenv("CSKIT_EXPLAIN", raising=False)
    monkeypatch.setenv("JPY_SESSION_NAME", "/work/notebook.ipynb")
    monkeypatch.setattr(_headless, "_kernel_shell", lambda: Shell())
    monkeypatch.setattr(_headless, "_ancestor_commands", lambda levels=3: [["papermill", "a"]])
    assert _headless.reason() == "headless executor"
    monkeypatch.setattr(_headless, "_ancestor_commands", lambda levels=3: [["jupyter-lab"]])
    assert _headless.reason() == "widget front end"
    monkeypatch.delenv("JPY_SESSION_NAME")
    monkeypatch.delenv("VSCODE_PID", raising=False)
    assert _headless.reason() == "no known widget front end"


# --------------------------------------------------------------------------- inputs


def test_starting_values_and_their_checks():
    ex = cskit.explain.ltv(mode="static", arpa=100.0, churn=0.05, margin=1.0)
    assert ex.view.numbers["ltv"] == pytest.approx(2000.0)
    with pytest.raises(InvalidParameterError, match="Unknown explainer input"):
        cskit.explain.ltv(mode="static", price=3)
    with pytest.raises(InvalidParameterError, match="outside the range"):
        cskit.explain.ltv(mode="static", churn=0.9)
    with pytest.raises(InvalidParameterError, match="not one of"):
        cskit.explain.churn(mode="static", period="W")
    with pytest.raises(InvalidParameterError, match="not in the data"):
        cskit.explain.nps(month="2019-01", mode="static")


def test_explainers_take_real_data(company):
    # A small mrr frame of one's own: 4 customers in January, 3 of them in February.
    mrr = pd.DataFrame({
        "customer_id": ["a", "b", "c", "d", "a", "b", "c"],
        "month": pd.PeriodIndex(["2026-01"] * 4 + ["2026-02"] * 3, freq="M"),
        "mrr": [10.0, 20.0, 30.0, 40.0, 10.0, 25.0, 30.0],
    })
    ex = cskit.explain.churn(mrr, mode="static", period="M")
    assert ex.view.numbers["rate_start"] == pytest.approx(0.25)  # d churned: 1 ÷ 4
    movements = cskit.explain.mrr_movements(mrr, mode="static")
    assert movements.view.numbers["end"] == 65.0  # 100 + 5 (b) − 40 (d)
    assert set(logic.MODULES) == set(cskit.explain.EXPLAINERS)


@pytest.mark.parametrize(
    ("name", "table"),
    [("nps", "surveys"), ("churn", "mrr"), ("mrr_movements", "mrr"), ("retention", "mrr"),
     ("ltv", "mrr"), ("survey_scales", "surveys"), ("fcr", "tickets"), ("stickiness", "events")],
)
def test_explainers_leave_the_callers_frame_alone(name, table, company, unchanged):
    frame = getattr(company, table).copy()
    unchanged(lambda f: cskit.explain.EXPLAINERS[name](f, mode="static"), frame)


def test_fcr_reopen_toggle_changes_the_view_on_the_sample():
    """On the sample every reopened ticket also has more than one reply, so the FCR cannot
    move when the reopen rule is turned off; the view must still show what the rule does."""
    t = cskit.datasets.load_sample().tickets
    months = t["created_at"].dt.to_period("M")
    base = fcr_logic.prepare()
    last = base.counts  # the window prepare() counted
    window = t[(months >= pd.Period(base.period.split(" – ")[0], "M"))
               & (months <= pd.Period(base.period.split(" – ")[-1], "M"))]
    assert last["tickets"].sum() == len(window)
    plain = window[(window["category"] != "spam") & window["resolved_at"].notna()]
    reopened = int(plain["reopened"].sum())
    reopened_few = int((plain["reopened"] & (plain["agent_replies"] <= 1)).sum())
    assert reopened > 0
    on = fcr_logic.compute(base)
    off = fcr_logic.compute(base, exclude_reopened="no")
    assert on.numbers["reopened"] == off.numbers["reopened"] == reopened
    assert on.numbers["reopened_few_replies"] == reopened_few
    # The funnel's reopen step loses the reopened tickets only when the rule is on.
    assert on.figure["counts"][3] == len(plain) - reopened
    assert off.figure["counts"][3] == len(plain)
    assert on.figure["counts"] != off.figure["counts"]
    assert on.figure["steps"][3] != off.figure["steps"][3]
    assert dict(on.rows) != dict(off.rows)
    # What the FCR does is exactly what the reopened tickets with few replies allow.
    assert off.numbers["qualifying"] - on.numbers["qualifying"] == reopened_few
    # Turned off from the default view, the sentence says why nothing moved.
    moved = fcr_logic.compute(base, on, exclude_reopened="no")
    if reopened_few == 0:
        assert f"all {reopened:,} reopened tickets" in moved.sentence
