"""Vendor conventions (issue 18): each vendor's worked example, asserted through its preset.

Numbers come from the vendors' own documentation where they publish an example
(ChartMogul's LTV and net MRR churn, Amplitude's 24-hour day, Baremetrics' and
Stripe's churn rules worked on the issue's 20 + 5 customers); otherwise from a
small case worked by hand from the vendor's stated rule (docs/conventions.md).
"""

from __future__ import annotations

import inspect

import numpy as np
import pandas as pd
import pytest
from conftest import mrr_frame

import cskit
from cskit import _conventions
from cskit.errors import CskitError, CskitWarning, InvalidParameterError

# --------------------------------------------------------------------------- presets


def test_unknown_convention_lists_the_known_ones(make_mrr):
    frame = make_mrr({"a": {"2026-01": 10, "2026-02": 10}})
    with pytest.raises(CskitError, match=r"convention='profitwell'.*'baremetrics', "
                                         r"'chartmogul', 'stripe'"):
        frame.cs.churn(convention="profitwell")
    with pytest.raises(InvalidParameterError, match=r"not a preset of fcr; known: 'zendesk'"):
        pd.DataFrame({"resolved_at": ["2026-01-01"], "agent_replies": [1]}).cs.fcr(
            convention="stripe", period=None)


def test_preset_sets_keywords_only_and_explicit_keyword_wins(make_mrr):
    frame = make_mrr({"a": {"2026-01": 100, "2026-02": 50, "2026-04": 40},
                      "b": {"2026-01": 100, "2026-02": 100, "2026-03": 130, "2026-04": 130}})
    stripe = frame.cs.quick_ratio(convention="stripe")
    pd.testing.assert_frame_equal(stripe, frame.cs.quick_ratio(include_reactivation=False))
    # An explicit keyword beats the preset.
    pd.testing.assert_frame_equal(
        frame.cs.quick_ratio(convention="stripe", include_reactivation=True),
        frame.cs.quick_ratio())
    # Case does not matter; None is cskit's defaults.
    pd.testing.assert_frame_equal(frame.cs.quick_ratio(convention="Baremetrics"), stripe)
    pd.testing.assert_frame_equal(frame.cs.quick_ratio(convention=None), frame.cs.quick_ratio())


def test_every_preset_keyword_is_a_real_keyword():
    for kpi, table in _conventions.PRESETS.items():
        func = cskit.metrics.__getattr__(kpi) if kpi not in dir(cskit.metrics) else getattr(
            cskit.metrics, kpi)
        params = inspect.signature(func).parameters
        assert "convention" in params, kpi
        for name, values in table.items():
            assert set(values) <= set(params), (kpi, name, set(values) - set(params))
        # The accessor shows the keyword and the docstring lists the presets.
        assert "convention" in inspect.signature(getattr(pd.DataFrame.cs, kpi)).parameters
        assert all(f"``{name!r}``" in func.__doc__ for name in table), kpi


def test_new_kpis_are_registered():
    methods = set(pd.DataFrame().cs.kpis(all=True)["method"])
    assert {"event_retention", "active_days", "subscription_movements"} <= methods


# --------------------------------------------------------------------------- churn from lines


def _issue_lines() -> pd.DataFrame:
    """20 customers at the start of March, 5 join on 5 March; 2 of the 20 and 1 newcomer cancel."""
    ids = [f"s{i}" for i in range(20)] + [f"n{i}" for i in range(5)]
    start = ["2026-01-15"] * 20 + ["2026-03-05"] * 5
    end = [None] * 18 + ["2026-03-12", "2026-03-20"] + [None] * 4 + ["2026-03-25"]
    return pd.DataFrame({"customer_id": ids, "start": pd.to_datetime(start),
                         "end": pd.to_datetime(end), "amount": 50.0, "interval": "month"})


@pytest.mark.parametrize("period", ["M", "30D"])
def test_stripe_and_baremetrics_churn_count_join_and_cancel(period):
    subs = _issue_lines()
    # The 30-day window ending 31 March is 2–31 March: the same customers as March.
    stripe = subs.cs.churn(period=period, as_of="2026-03-31", convention="stripe").iloc[-1]
    assert (stripe["churned"], stripe["denominator"]) == (3, 25)
    assert stripe["churn"] == pytest.approx(3 / 25)  # Stripe: 0.12
    bare = subs.cs.churn(period=period, as_of="2026-03-31", convention="baremetrics").iloc[-1]
    assert bare["churn"] == pytest.approx(3 / 20)  # Baremetrics: 0.15
    own = subs.cs.churn(period=period, as_of="2026-03-31").iloc[-1]
    assert own["churn"] == pytest.approx(2 / 20)  # cskit: the join-and-cancel is left out
    assert (own["churned_after_joining"], own["new_customers"]) == (1, 5)


def test_line_churn_agrees_with_month_end_churn_when_nothing_happens_within_a_month():
    subs = _issue_lines()
    subs = subs[~subs["customer_id"].eq("n4")]  # drop the join-and-cancel
    from_lines = subs.cs.churn(as_of="2026-03-31")
    month_end = subs.cs.to_mrr(until="2026-03").cs.churn()
    cols = ["start_customers", "churned", "churn"]
    pd.testing.assert_frame_equal(from_lines.loc[month_end.index, cols], month_end[cols],
                                  check_freq=False)


def test_line_churn_customer_with_two_lines_churns_once_at_its_last_cancel():
    subs = pd.DataFrame({"customer_id": ["a", "a", "b"],
                         "start": ["2026-01-01", "2026-01-01", "2026-01-01"],
                         "end": ["2026-02-10", "2026-02-20", None]})
    feb = subs.cs.churn(as_of="2026-02-28").loc["2026-02"]
    assert (feb["start_customers"], feb["churned"]) == (2, 1)
    with pytest.raises(InvalidParameterError, match="'30X'"):
        subs.cs.churn(period="30X")


def test_movements_from_lines_show_an_upgrade_undone_within_the_month():
    subs = pd.DataFrame({"customer_id": ["a", "a", "a", "b", "c", "c"],
                         "start": pd.to_datetime(["2026-01-01", "2026-03-10", "2026-03-20",
                                                  "2026-02-03", "2026-01-05", "2026-03-02"]),
                         "end": pd.to_datetime(["2026-03-10", "2026-03-20", None,
                                                "2026-02-20", "2026-02-01", None]),
                         "amount": [100.0, 150.0, 100.0, 10.0, 30.0, 30.0],
                         "interval": "month"})
    month_end = subs.cs.subscription_movements(as_of="2026-03-31")
    every = subs.cs.subscription_movements(as_of="2026-03-31", intra_period=True)
    # By hand, March: month-end sees only c coming back (reactivation 30).
    assert month_end.loc["2026-03", ["expansion", "contraction", "reactivation"]].tolist() == \
        [0.0, 0.0, 30.0]
    # Change by change: a's +50 and -50 show; b's February join-and-cancel shows too.
    assert every.loc["2026-03", ["expansion", "contraction"]].tolist() == [50.0, 50.0]
    assert every.loc["2026-02", ["new", "churn"]].tolist() == [10.0, 40.0]
    for table in (month_end, every):
        flows = (table["start"] + table["new"] + table["expansion"] - table["contraction"]
                 - table["churn"] + table["reactivation"])
        np.testing.assert_allclose(flows, table["end"])
    # Month-end grain equals to_mrr() then mrr_movements().
    ref = subs.cs.to_mrr(until="2026-03").cs.mrr_movements(include_first=True)
    cols = ["start", "new", "expansion", "contraction", "churn", "reactivation", "end"]
    np.testing.assert_allclose(month_end[cols].to_numpy(), ref[cols].to_numpy())


# --------------------------------------------------------------------------- LTV


def _ltv_months() -> pd.DataFrame:
    """20 customers paying 100; months 1–6 lose 1 of 20 (5 %), month 7 loses 4 (20 %).

    Each lost customer is replaced by a new one, so there are 20 at every start."""
    spec: dict[str, dict[str, float]] = {}
    months = pd.period_range("2026-01", periods=8, freq="M")
    alive = [f"c{i}" for i in range(20)]
    serial = 20
    for k, m in enumerate(months):
        if k > 0:
            lost = 4 if k == 7 else 1
            alive = alive[lost:] + [f"c{serial + j}" for j in range(lost)]
            serial += lost
        for c in alive:
            spec.setdefault(c, {})[str(m)] = 100.0
    return mrr_frame(spec)


def test_chartmogul_ltv_uses_previous_six_months():
    frame = _ltv_months()
    # ChartMogul's example: ARPA $100 and a 5 % six-month trailing average -> $2,000.
    row = frame.cs.ltv(period="M", convention="chartmogul").loc["2026-08"]
    assert row["churn_rate"] == pytest.approx(0.05)
    assert row["ltv"] == pytest.approx(2000.0)
    assert bool(row["churn_window_excludes_current"]) and row["churn_window"] == 6
    # cskit's window=6 includes the 20 % month: 100 / ((5 × 0.05 + 0.20) / 6) = 1,333.33.
    assert frame.cs.ltv(window=6, period=None) == pytest.approx(100 / ((5 * 0.05 + 0.20) / 6))
    # One month too young for a window that ends the month before.
    young = frame.cs.ltv(period="M", convention="chartmogul").loc["2026-07"]
    assert np.isnan(young["ltv"]) and young["undefined_reason"] == "insufficient_history"


def test_stripe_ltv_caps_the_lifetime_at_60_months():
    steady = mrr_frame({c: {"2026-01": 100, "2026-02": 100} for c in "abcd"})
    capped = steady.cs.ltv(window=1, period="M", convention="stripe").loc["2026-02"]
    assert capped["ltv"] == pytest.approx(100 * 60)  # zero churn: 60 months
    assert (capped["lifetime_months"], capped["max_lifetime_months"]) == (60.0, 60.0)
    assert pd.isna(capped["undefined_reason"])
    with pytest.warns(CskitWarning, match="zero_churn"):
        assert np.isnan(steady.cs.ltv(window=1, period=None))  # cskit: undefined
    # A 5 % churn means 20 months, under the cap: ARPA / churn as usual.
    assert _ltv_months().cs.ltv(window=1, period="M", convention="stripe").loc[
        "2026-02", "ltv"] == pytest.approx(2000.0)
    with pytest.raises(InvalidParameterError, match="max_lifetime_months"):
        steady.cs.ltv(max_lifetime_months=0, period=None)


# --------------------------------------------------------------------------- revenue KPIs


def _returning_customer() -> pd.DataFrame:
    """Start MRR 1,000 (a 500, b 450, c 50); in February c churns (50), a expands by 30,
    and d (paid in December, gone in January) comes back with 40."""
    return mrr_frame({
        "a": {"2025-12": 500, "2026-01": 500, "2026-02": 530},
        "b": {"2025-12": 450, "2026-01": 450, "2026-02": 450},
        "c": {"2025-12": 50, "2026-01": 50},
        "d": {"2025-12": 40, "2026-02": 40},
    })


def test_net_revenue_churn_with_and_without_reactivation():
    frame = _returning_customer()
    feb = "2026-02"
    # Baremetrics: (churned - expansion) / starting MRR = (50 - 30) / 1000 = +2 %.
    bare = frame.cs.revenue_churn(kind="net", convention="baremetrics").loc[feb]
    assert bare["revenue_churn"] == pytest.approx(0.02)
    # ChartMogul (and cskit's default): also subtract reactivation: (50 - 30 - 40) / 1000 = -2 %.
    cm = frame.cs.revenue_churn(kind="net", convention="chartmogul").loc[feb]
    assert cm["revenue_churn"] == pytest.approx(-0.02)
    assert frame.cs.revenue_churn(kind="net").loc[feb, "revenue_churn"] == pytest.approx(-0.02)


def test_chartmogul_net_mrr_churn_published_example():
    # $100 at the start; $10 churn, $10 contraction, one customer +$10: net 10 %, gross 20 %.
    frame = mrr_frame({"a": {"2026-01": 40, "2026-02": 30}, "b": {"2026-01": 10},
                       "c": {"2026-01": 50, "2026-02": 60}})
    assert frame.cs.revenue_churn(kind="net", period=None, convention="chartmogul") == \
        pytest.approx(0.10)
    assert frame.cs.revenue_churn(kind="gross", period=None, convention="chartmogul") == \
        pytest.approx(0.20)


def test_quick_ratio_reactivation_by_vendor():
    frame = _returning_customer().assign(
        mrr=lambda d: d["mrr"])  # same data: gained 30 expansion + 40 reactivation, lost 50
    feb = "2026-02"
    assert frame.cs.quick_ratio(convention="chartmogul").loc[feb, "quick_ratio"] == \
        pytest.approx((30 + 40) / 50)
    for vendor in ("baremetrics", "stripe"):  # (new + expansion) / (contraction + churn)
        assert frame.cs.quick_ratio(convention=vendor).loc[feb, "quick_ratio"] == \
            pytest.approx(30 / 50)


def test_baremetrics_nrr_is_one_minus_net_revenue_churn_without_reactivation():
    frame = _returning_customer()
    nrr = frame.cs.nrr(convention="baremetrics").loc["2026-02", "nrr"]
    assert nrr == pytest.approx(1 - (50 - 30) / 1000)  # 100 % − 2 %


def test_chartmogul_cohort_nrr_counts_returning_customers():
    # January cohort a (100) and b (100); b leaves in February and is back in March with 100.
    frame = mrr_frame({"a": {"2026-01": 100, "2026-02": 100, "2026-03": 120},
                       "b": {"2026-01": 100, "2026-03": 100}})
    own = frame.cs.cohort_nrr(window=2).loc["2026-01", "nrr"]
    assert own == pytest.approx(120 / 200)
    cm = frame.cs.cohort_nrr(window=2, convention="chartmogul").loc["2026-01", "nrr"]
    assert cm == pytest.approx(220 / 200)


def test_arpa_presets_are_mrr_per_paying_account():
    frame = mrr_frame({"a": {"2026-01": 100, "2026-02": 100}, "b": {"2026-02": 300}})
    for vendor in ("chartmogul", "baremetrics", "stripe"):  # Baremetrics calls it ARPU
        assert frame.cs.arpa(period=None, convention=vendor) == pytest.approx(400 / 2)


def test_chartmogul_recognises_churn_at_the_end_of_the_paid_period():
    # An annual plan (1,200 a year) from January, cancelled on 10 March.
    subs = pd.DataFrame({"customer_id": ["a"], "start": ["2026-01-01"], "end": ["2026-03-10"],
                         "amount": [1200.0], "interval": ["year"]})
    cm = subs.cs.to_mrr(until="2026-12", convention="chartmogul")
    assert cm["month"].astype(str).tolist() == [f"2026-{m:02d}" for m in range(1, 13)]
    assert set(cm["mrr"]) == {100.0}
    stripe = subs.cs.to_mrr(until="2026-12", convention="stripe")
    assert stripe["month"].astype(str).tolist() == ["2026-01", "2026-02"]


# --------------------------------------------------------------------------- several rows


def test_several_rows_per_customer_and_month_are_summed_for_per_customer_kpis():
    combined = mrr_frame({"a": {"2026-01": 100, "2026-02": 150, "2026-03": 150},
                          "b": {"2026-01": 50, "2026-02": 50}})
    # a's February and March come as two subscriptions (100 + 50), with no plan column.
    split = pd.concat([
        combined[~((combined["customer_id"] == "a") & (combined["month"] > "2026-01"))],
        mrr_frame({"a": {"2026-02": 100, "2026-03": 100}}),
        mrr_frame({"a": {"2026-02": 50, "2026-03": 50}}),
    ], ignore_index=True)
    for name in ("mrr_movements", "churn", "revenue_churn", "nrr", "grr", "arpa", "quick_ratio"):
        got = getattr(split.cs, name)()
        want = getattr(combined.cs, name)()
        pd.testing.assert_frame_equal(got, want, obj=name)
    assert split.cs.mrr_movements().loc["2026-02", "expansion"] == 50.0


# --------------------------------------------------------------------------- support & surveys


def test_zendesk_one_touch_counts_a_thank_you_reopen():
    tickets = pd.DataFrame({
        "created_at": pd.to_datetime(["2026-10-01"] * 4),
        "resolved_at": pd.to_datetime(["2026-10-01"] * 4),
        # one reply; one reply then a "thank you" reopen; two replies; no reply at all
        "agent_replies": [1, 1, 2, 0],
        "reopened": [False, True, False, False],
    })
    # Zendesk: solved tickets with fewer than two agent replies, reopens aside: 3 of 4.
    assert tickets.cs.fcr(convention="zendesk", period=None) == pytest.approx(3 / 4)
    assert tickets.cs.fcr(period=None) == pytest.approx(2 / 4)  # cskit: any reopen disqualifies


@pytest.mark.filterwarnings("ignore::cskit.errors.CskitWarning")  # 4–5 answers: small sample
def test_delighted_scales():
    ces = pd.DataFrame({"submitted_at": ["2026-10-01"] * 5, "score": [7, 5, 4, 2, 6]})
    # Delighted CES: the share of "agree" answers, 5–7 on its 7-point scale.
    assert ces.cs.ces(convention="delighted", period=None) == pytest.approx(3 / 5)
    five = pd.DataFrame({"submitted_at": ["2026-10-01"] * 4, "score": [5, 4, 3, 1]})
    # Its 5-point option: 4 or 5 agree (explicit keywords beat the preset).
    assert five.cs.ces(convention="delighted", scale=(1, 5), agree=(4, 5), period=None) == pytest.approx(0.5)
    csat = pd.DataFrame({"submitted_at": ["2026-10-01"] * 4, "score": [5, 4, 3, 2]})
    assert csat.cs.csat(convention="delighted", period=None) == pytest.approx(0.5)  # 4 and 5 of 5


# --------------------------------------------------------------------------- product analytics


def test_amplitude_rounds_to_the_hour_before_counting_24_hour_days():
    # Amplitude's example: first event 5:59 pm on 1 Dec, next 5:00 pm on 2 Dec -> day 1.
    ev = pd.DataFrame({"user_id": ["u1", "u1", "u1"],
                       "timestamp": pd.to_datetime(["2026-12-01 17:59", "2026-12-02 17:00",
                                                    "2026-12-04 23:00"])})
    amp = ev.cs.event_retention(convention="amplitude")
    assert amp.loc[1, "retained"] == 1
    # In plain 24-hour blocks (Mixpanel's intervals) 23 h 01 min is still interval 0.
    mix = ev.cs.event_retention(convention="mixpanel")
    assert mix.loc[1, "retained"] == 0
    # Calendar days (cskit's default): 2 Dec is day 1.
    assert ev.cs.event_retention().loc[1, "retained"] == 1


def test_amplitude_weeks_are_seven_days_from_the_start():
    # User 2 of Amplitude's example: first event 1 Dec, returns 6 Dec: week 0.
    ev = pd.DataFrame({"user_id": ["u2", "u2", "u3"],
                       "timestamp": pd.to_datetime(["2021-12-01", "2021-12-06", "2021-12-20"])})
    amp = ev.cs.event_retention(unit="W", convention="amplitude", start_event=None)
    # u3 starts on the last day: in the cohort (age 0) but not yet observed at week 1.
    assert amp["users"].tolist()[:2] == [2, 1] and amp.loc[1, "retained"] == 0
    # Calendar (Monday) weeks: Wed 1 Dec and Mon 6 Dec are in different weeks.
    assert ev.cs.event_retention(unit="W").loc[1, "retained"] == 1


def test_event_retention_on_and_on_or_after_by_hand():
    ev = pd.DataFrame({
        "user_id": ["a", "b", "c", "d", "a", "b", "a", "c", "x"],
        "event": ["signup"] * 4 + ["use"] * 5,
        "timestamp": pd.to_datetime(["2026-06-01", "2026-06-01", "2026-06-01", "2026-06-02",
                                     "2026-06-02", "2026-06-04", "2026-06-04", "2026-06-05",
                                     "2026-06-05"]),
    })
    on = ev.cs.event_retention(start_event="signup", return_event="use")
    # Data ends 5 June. a, b, c started 1 June (days 1–4 observed), d on 2 June (days 1–3).
    assert on["users"].tolist() == [4, 4, 4, 4, 3]
    # Day 1: a (2 June); d's day 1 is 3 June: no. Day 2: nobody. Day 3: a and b (4 June);
    # day 4: c (5 June). x never signed up and does not count.
    assert on["retained"].tolist() == [4, 1, 0, 2, 1]
    after = ev.cs.event_retention(start_event="signup", return_event="use", mode="on_or_after")
    # Last return: a day 3, b day 3, c day 4, d never: days 1–3 a, b, c; day 4 c.
    assert after["retained"].tolist() == [4, 3, 3, 3, 1]
    with pytest.raises(InvalidParameterError, match="never occurs in column 'event'"):
        ev.cs.event_retention(start_event="sign_up")
    with pytest.raises(InvalidParameterError, match="max_age=-1"):
        ev.cs.event_retention(max_age=-1)
    assert len(ev.cs.event_retention(max_age=2)) == 3


def test_active_days_distribution_by_hand():
    ev = pd.DataFrame({
        "user_id": ["a"] * 7 + ["b", "b", "c"],
        "timestamp": pd.to_datetime([f"2026-06-0{d} 09:00" for d in range(1, 8)]
                                    + ["2026-06-03 09:00", "2026-06-03 18:00",
                                       "2026-06-08 09:00"]),
    })
    table = ev.cs.active_days(convention="amplitude")
    week = table.xs(pd.Period("2026-06-01", "W-SUN"), level="period")
    assert week["users"].tolist() == [1, 0, 0, 0, 0, 0, 1]  # b once (twice the same day), a 7
    assert week["share_at_least"].tolist() == [1.0, 0.5, 0.5, 0.5, 0.5, 0.5, 0.5]
    assert bool(week["complete"].iloc[0])
    later = table.xs(pd.Period("2026-06-08", "W-SUN"), level="period")
    assert not bool(later["complete"].iloc[0])  # only Monday is in the data
    months = ev.cs.active_days(period="M")
    assert len(months) == 30  # June has 30 days


def test_product_plots(tmp_path):
    from cskit.plotting import active_days_bars, event_retention_curve

    ev = pd.DataFrame({"user_id": ["a", "b", "a", "a"], "timestamp": pd.to_datetime(
        ["2026-06-01", "2026-06-01", "2026-06-02", "2026-06-09"])})
    ax = event_retention_curve({"on": ev.cs.event_retention(),
                                "on or after": ev.cs.event_retention(mode="on_or_after")})
    assert [line.get_ydata()[1] for line in ax.lines] == [0.5, 0.5]
    assert ax.get_legend() is not None
    bars = active_days_bars(ev.cs.active_days())
    assert "2026-06-01" in bars.get_title()
    assert [round(float(p.get_height()), 2) for p in bars.patches][:2] == [0.5, 0.5]
    with pytest.raises(InvalidParameterError, match="event_retention"):
        event_retention_curve(pd.DataFrame({"x": [1]}))


def test_month_end_movements_from_lines_match_to_mrr_on_the_sample(company):
    month = company.latest_month
    from_lines = company.subscriptions.cs.subscription_movements(as_of=month.end_time)
    ref = company.subscriptions.cs.to_mrr(until=month).cs.mrr_movements()
    cols = ["start", "new", "expansion", "contraction", "churn", "reactivation", "end"]
    np.testing.assert_allclose(from_lines.loc[ref.index, cols].to_numpy(),
                               ref[cols].to_numpy(), rtol=1e-12, atol=1e-6)
    # The sample's own defaults are untouched by the presets' existence.
    assert company.mrr.cs.churn(convention=None).equals(company.mrr.cs.churn())


def test_line_churn_bad_input():
    subs = _issue_lines()
    with pytest.raises(InvalidParameterError, match="period=None is not supported for "
                                                    "subscription lines"):
        subs.cs.churn(period=None)
    with pytest.raises(InvalidParameterError, match="by= is not supported"):
        subs.assign(seg="x").cs.churn(by="seg")
    with pytest.raises(CskitError, match=r"'end' of the subscriptions frame is before 'start'"):
        subs.assign(end=pd.to_datetime("2025-01-01")).cs.churn()
    with pytest.raises(CskitError, match="missing id"):
        subs.assign(customer_id=None).cs.churn()
    with pytest.raises(InvalidParameterError, match="as_of=.*only used with subscription lines"):
        mrr_frame({"a": {"2026-01": 1, "2026-02": 1}}).cs.churn(as_of="2026-02-28")
    with pytest.raises(CskitError, match="discount rates"):
        subs.assign(discount=1.5).cs.subscription_movements()


def test_line_churn_matches_month_end_churn_on_the_sample(company):
    # cskit's default leaves join-and-cancel out, so counting from lines gives the
    # month-end panel's numbers wherever both are defined.
    month = company.latest_month
    lines = company.subscriptions.cs.churn(as_of=month.end_time)
    panel = company.subscriptions.cs.to_mrr(until=month).cs.churn()
    cols = ["start_customers", "churned", "end_customers"]
    pd.testing.assert_frame_equal(lines.loc[panel.index, cols], panel[cols], check_freq=False)
