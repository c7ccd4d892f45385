"""Odd input must never give a silent wrong number (issue 13).

One test per case: odd dates, time zones, placeholder dates, gaps, hostile cells
and parameters. Each checks the number worked out by hand, or the exception
class and that its message names the column or parameter and the fix.
"""

from __future__ import annotations

import csv
import io
import warnings
from pathlib import Path

import numpy as np
import pandas as pd
import pyarrow as pa
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import cskit
from cskit.errors import (
    ColumnTypeError,
    CskitError,
    CskitWarning,
    InvalidParameterError,
    InvalidValueError,
    MissingColumnError,
    TimezoneError,
)
from cskit.report import kpi_csv

PARIS = "Europe/Paris"
INVOICES = Path(__file__).parent / "fixtures" / "stripe_invoice_line_items.csv"


def months(result: pd.DataFrame, column: str) -> dict[str, float]:
    return {str(k): v for k, v in result[column].items()}


# ---------------------------------------------------------------- 1. numbers among dates


def test_number_inside_a_text_date_column_is_refused():
    subs = pd.DataFrame({"customer_id": ["a", "b"], "start": ["2026-01-15", 45292],
                         "end": [None, None], "amount": [10.0, 10.0], "interval": "month"})
    with pytest.raises(ColumnTypeError, match=r"Column 'start' of the subscriptions frame holds "
                       r"numbers among its dates: 45292 \(1 cell\(s\)\).*origin='1899-12-30'"):
        subs.cs.to_mrr()
    tickets = pd.DataFrame({"created_at": pd.Series(["2026-01-15", 45292.0], dtype=object)})
    with pytest.raises(ColumnTypeError, match=r"'created_at'.*45292\.0"):
        tickets.cs.ticket_volume()
    assert subs["start"].tolist() == ["2026-01-15", 45292]  # the caller's frame is untouched


# ---------------------------------------------------------------- 2. one day/month order


def test_day_first_dates_are_read_with_one_order_for_the_column():
    tickets = pd.DataFrame({"created_at": ["01/02/2026", "13/02/2026", "28/02/2026"]})
    volume = tickets.cs.ticket_volume()
    assert months(volume, "tickets") == {"2026-02": 3}  # 1 February, not 2 January


def test_ambiguous_day_month_order_is_refused_with_the_fix():
    tickets = pd.DataFrame({"created_at": ["01/02/2026", "03/04/2026"]})
    with pytest.raises(ColumnTypeError, match=r"Column 'created_at' .*cannot be told apart: "
                       r"'01/02/2026', '03/04/2026'.*dayfirst=True.*format='%d/%m/%Y'"):
        tickets.cs.ticket_volume()
    mixed = pd.DataFrame({"created_at": ["13/01/2026", "01/13/2026"]})
    with pytest.raises(ColumnTypeError, match=r"'created_at' .*mixes day-first .*'13/01/2026'"):
        mixed.cs.ticket_volume()


# ---------------------------------------------------------------- 3. instants, not wall clocks


def test_durations_across_daylight_saving_and_zones_are_between_instants():
    # 01:30 on the spring-forward night in Paris; answered 2 h later (04:30 on the clock).
    created = pd.Series(pd.to_datetime(["2026-03-29 01:30"])).dt.tz_localize(PARIS)
    answered = pd.Series(pd.to_datetime(["2026-03-29 04:30"])).dt.tz_localize(PARIS)
    tickets = pd.DataFrame({"created_at": created, "first_response_at": answered,
                            # the same instant as "answered", kept in UTC: 02:30 UTC
                            "resolved_at": answered.dt.tz_convert("UTC")})
    assert tickets.cs.response_time(period=None) == 2.0
    assert tickets.cs.resolution_time(period=None) == 2.0

    # Sessions: 01:50 and 03:10 on that night are 20 minutes apart, so one session.
    events = pd.DataFrame({
        "user_id": ["u", "u"],
        "timestamp": pd.Series(pd.to_datetime(["2026-03-29 01:50", "2026-03-29 03:10"]))
        .dt.tz_localize(PARIS),
    })
    one = events.cs.sessions(timeout="30min", session_col=None, duration_col=None)
    assert len(one) == 1 and one["duration_s"].tolist() == [1200.0]
    assert one["start"].tolist() == [pd.Timestamp("2026-03-29 01:50")]  # the data's own clock

    # FCR window: resolved 23:30 UTC, reopened 7 days later on a Tokyo clock (08:30 + 7 d):
    # 7 days exactly between the instants, so inside a 7-day window.
    fcr = pd.DataFrame({
        "resolved_at": pd.Series(pd.to_datetime(["2026-10-01 23:30"])).dt.tz_localize("UTC"),
        "reopened": pd.Series(pd.to_datetime(["2026-10-09 08:30"])).dt.tz_localize("Asia/Tokyo"),
        "agent_replies": [1],
    })
    assert fcr.cs.fcr(reopen_window_days=7, period=None) == 0.0
    assert fcr.cs.fcr(reopen_window_days=6.9, period=None) == 1.0


def test_aware_and_naive_columns_are_not_compared():
    tickets = pd.DataFrame({
        "created_at": pd.Series(pd.to_datetime(["2026-10-01 09:00"])).dt.tz_localize(PARIS),
        "first_response_at": pd.to_datetime(["2026-10-01 10:00"]),
    })
    with pytest.raises(TimezoneError, match=r"'created_at' .*Europe/Paris.*'first_response_at'"
                       r".*tz_localize"):
        tickets.cs.response_time(period=None)


# ---------------------------------------------------------------- 4. placeholder dates


def test_placeholder_end_and_start_dates_do_not_fill_months_up_to_them():
    subs = pd.DataFrame({
        "customer_id": ["a", "b", "c"],
        "start": ["2026-01-15", "2026-02-01", "2026-03-01"],
        "end": ["9999-12-31", None, "2026-05-10"],
        "amount": [100.0, 50.0, 10.0],
        "interval": "month",
    })
    with pytest.warns(CskitWarning, match=r"ends in 2026-05: 'end': 9999-12-31.*\(1 line\(s\)"):
        mrr = subs.cs.to_mrr()
    # a: Jan-May (5), b: Feb-May (4), c: Mar-Apr (2)
    assert len(mrr) == 11
    assert mrr.groupby("customer_id")["month"].max().astype(str).to_dict() == {
        "a": "2026-05", "b": "2026-05", "c": "2026-04"}
    late = subs.assign(start=["2026-01-15", "2300-02-01", "2026-03-01"])
    with pytest.warns(CskitWarning, match=r"'start': 2300-02-01.*left out"):
        mrr = late.cs.to_mrr()
    assert len(mrr) == 7 and "b" not in set(mrr["customer_id"])


# ---------------------------------------------------------------- 5. a month with no rows


def test_month_without_rows_is_flagged_not_read_as_full_churn():
    frame = pd.DataFrame({"customer_id": ["a", "b"] * 3,
                          "month": ["2026-01"] * 2 + ["2026-02"] * 2 + ["2026-04"] * 2,
                          "mrr": 10.0})
    with pytest.warns(CskitWarning, match=r"no row at all in '2026-03'"):
        table = frame.cs.churn()
    assert table["data_gap"].to_dict() == {
        pd.Period("2026-02", "M"): False, pd.Period("2026-03", "M"): True,
        pd.Period("2026-04", "M"): True}
    assert table.loc["2026-03", "churn"] == 1.0  # the number stays, flagged
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        full = frame[frame["month"] != "2026-04"].cs.churn()
    assert "data_gap" not in full.columns


# ---------------------------------------------------------------- 7. CSV cells


def test_kpi_csv_neutralises_line_breaks_in_every_cell():
    text = kpi_csv([{"kpi": "x\ny", "label": "\r=cmd|' /C calc'!A0", "value": 1.0,
                     "verdict": "a\r\nb"}])
    rows = list(csv.reader(io.StringIO(text)))
    assert len(rows) == 2 and len(text.splitlines()) == 2
    record = dict(zip(rows[0], rows[1], strict=True))
    assert record["kpi"] == "x y"
    assert record["label"] == "' =cmd|' /C calc'!A0"
    assert record["verdict"] == "a b"
    assert "\r" not in text


# ---------------------------------------------------------------- 8. Arrow timestamps


def _arrow(frame: pd.DataFrame, unit: str = "ns") -> pd.DataFrame:
    out = frame.copy()
    for column in out.columns:
        if pd.api.types.is_datetime64_any_dtype(out[column].dtype):
            out[column] = out[column].astype(f"datetime64[{unit}]").astype(
                pd.ArrowDtype(pa.timestamp(unit)))
    return out


def test_arrow_nanosecond_timestamps_give_the_same_results():
    company = cskit.datasets.load_sample()
    tickets, surveys = company.tickets.head(400), company.surveys
    events = company.events.head(3000)
    subs, accounts = company.subscriptions.head(300), company.accounts
    features = sorted(events["event"].unique())[:2]
    calls = [
        (tickets, lambda f: f.cs.ticket_volume()),
        (surveys, lambda f: f.cs.nps(period="M")),
        (subs, lambda f: f.cs.to_mrr(until="2026-10")),
        (accounts, lambda f: f.cs.trial_conversion()),
        (events, lambda f: f.cs.feature_adoption(features=features)),
        (accounts, lambda f: f.cs.first_login_rate()),
        (events, lambda f: f.cs.active_users()),
        (surveys, lambda f: f.cs.compare("2026-08", "2026-09")),
    ]
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", CskitWarning)
        for frame, call in calls:
            expected = call(frame)
            for unit in ("ns", "us"):
                pd.testing.assert_frame_equal(call(_arrow(frame, unit)), expected)


# ---------------------------------------------------------------- 9. LTV on zero MRR


def test_ltv_of_customers_with_all_zero_mrr():
    zero = pd.DataFrame({"customer_id": ["a", "a", "b", "b"],
                         "month": ["2026-01", "2026-02"] * 2, "mrr": 0.0})
    table = zero.cs.ltv(period="M")
    assert table["customers"].tolist() == [0, 0]
    assert table["mrr"].tolist() == [0.0, 0.0]
    assert table["undefined_reason"].tolist() == ["no_customers", "no_customers"]
    with pytest.raises(InvalidValueError, match=r"Column 'mrr' of the mrr frame has no value "
                       r"above 0"):
        zero.cs.ltv(model="cohort", period=None)


# ---------------------------------------------------------------- 12. hostile cells, parameters


def test_lists_in_id_cells_are_refused_naming_the_column():
    frame = pd.DataFrame({"customer_id": pd.Series([["a", "b"], "c"], dtype=object),
                          "month": ["2026-01", "2026-01"], "mrr": [10.0, 20.0]})
    with pytest.raises(ColumnTypeError, match=r"Column 'customer_id' of the mrr frame holds "
                       r"lists.*\['a', 'b'\] \(index 0\).*explode"):
        frame.cs.churn()


@pytest.mark.parametrize(
    ("call", "message"),
    [
        (lambda c: c.events.head(50).cs.active_users(start="zzz"),
         r"start='zzz' is not a date; pass e\.g\. start='2026-10-31'"),
        (lambda c: c.accounts.cs.first_login_rate(as_of="zzz"),
         r"as_of='zzz' is not a date; pass e\.g\. as_of="),
        (lambda c: c.surveys.cs.nps(confidence="0.9", period=None),
         r"confidence='0\.9' must be between 0 and 1.*confidence=0\.9\)"),
        (lambda c: c.surveys.cs.nps(period="M", confidence="0.9"), r"confidence='0\.9'"),
        (lambda c: c.accounts.cs.trial_conversion(trial_days=10**9),
         r"trial_days=1000000000 must be a whole number of days from 1 to 36,600"),
    ],
)
def test_bad_parameters_name_the_parameter_and_the_fix(call, message):
    with pytest.raises(InvalidParameterError, match=message):
        call(cskit.datasets.load_sample())


# ---------------------------------------------------------------- 13. reopened flags


def test_reopened_flags_with_an_empty_cell_are_read_as_flags():
    tickets = pd.DataFrame({
        "resolved_at": pd.to_datetime(["2026-10-01"] * 4),
        "agent_replies": [1, 1, 1, 1],
        # as read from a CSV with one empty cell
        "reopened": pd.Series([True, False, np.nan, False], dtype=object),
    })
    with pytest.warns(CskitWarning, match=r"1 ticket\(s\) .*empty 'reopened'"):
        table = tickets.assign(created_at=pd.Timestamp("2026-10-01")).cs.fcr(period="M")
    # one reopen of 4; the unknown one counts as not reopened (3 of 4 qualify)
    assert table["reopened"].tolist() == [1] and table["qualifying"].tolist() == [3]
    assert table.attrs["reopen_unknown"] == 1
    words = tickets.assign(reopened=["yes", "no", None, "NO"])
    with pytest.warns(CskitWarning):
        assert words.cs.fcr(period=None) == 0.75


# ---------------------------------------------------------------- 14. Period objects


def test_month_column_of_period_objects_is_accepted():
    typed = pd.DataFrame({"customer_id": ["a", "a", "b"],
                          "month": pd.PeriodIndex(["2026-01", "2026-02", "2026-02"], freq="M"),
                          "mrr": [10.0, 20.0, 5.0]})
    as_objects = typed.assign(month=typed["month"].astype(object))
    pd.testing.assert_frame_equal(as_objects.cs.mrr(), typed.cs.mrr())
    assert months(as_objects.cs.mrr(), "mrr") == {"2026-01": 10.0, "2026-02": 25.0}
    mixed = typed.assign(month=pd.Series([pd.Period("2026-01", "M"), pd.Period("2026-02-15", "D"),
                                          pd.Period("2026-02", "M")], dtype=object))
    assert months(mixed.cs.mrr(), "mrr") == {"2026-01": 10.0, "2026-02": 25.0}


# ---------------------------------------------------------------- 15. renamed line columns


def test_renamed_plan_and_product_columns_are_honoured_down_to_the_panel():
    subs = pd.DataFrame({"customer_id": ["a", "a"], "start": ["2026-01-01"] * 2,
                         "end": [None, "2026-02-01"], "amount": [10.0, 20.0],
                         "interval": "month", "tier": ["starter", "growth"],
                         "line": ["core", "insights"]})
    mrr = subs.cs.to_mrr(plan_col="tier", product_col="line", until="2026-02")
    moves = mrr.cs.mrr_movements()
    assert moves.loc["2026-02", ["start", "contraction", "end"]].tolist() == [30.0, 20.0, 10.0]
    plain = mrr.copy()
    plain.attrs = {}
    rate = plain.cs.cross_sell_rate(period=None, plan_col="tier", product_col="line")
    assert rate == 0.0


# ---------------------------------------------------------------- 17. FCR requirements


def test_fcr_and_kpis_agree_on_the_reopened_column():
    tickets = pd.DataFrame({"created_at": pd.to_datetime(["2026-10-01", "2026-10-01"]),
                            "resolved_at": pd.to_datetime(["2026-10-01", "2026-10-02"]),
                            "agent_replies": [1, 2]})
    listed = tickets.cs.kpis(all=True).set_index("method")
    assert "reopened" in listed.loc["fcr", "requires"]
    assert "fcr" not in set(tickets.cs.kpis()["method"])
    with pytest.raises(MissingColumnError, match=r"Column 'reopened' is missing.*reopened_col=None"):
        tickets.cs.fcr(period=None)
    assert tickets.cs.fcr(reopened_col=None, period=None) == 0.5
    assert "fcr" in set(tickets.assign(reopened=False).cs.kpis()["method"])


# ---------------------------------------------------------------- property: zones are views


ZONES = ["UTC", "Europe/Paris", "America/New_York", "Asia/Tokyo", "Australia/Lord_Howe",
         "America/St_Johns"]


@settings(max_examples=40, deadline=None)
@given(
    starts=st.lists(st.integers(0, 400 * 24 * 60), min_size=1, max_size=12),
    delays=st.lists(st.integers(1, 72 * 60), min_size=12, max_size=12),
    zones=st.tuples(*[st.sampled_from(ZONES)] * 3),
)
def test_durations_do_not_depend_on_the_zone_each_column_is_shown_in(starts, delays, zones):
    # Instants in UTC around two daylight-saving changes of 2026, each column then shown
    # in its own zone: the same instants, so the same durations.
    base = pd.Timestamp("2026-01-01", tz="UTC")
    created = pd.Series(base + pd.to_timedelta(starts, unit="min"))
    answered = created + pd.to_timedelta(delays[: len(starts)], unit="min")
    utc = pd.DataFrame({"created_at": created, "first_response_at": answered,
                        "resolved_at": answered, "user_id": "u", "timestamp": created})
    shown = pd.DataFrame({
        "created_at": created.dt.tz_convert(zones[0]),
        "first_response_at": answered.dt.tz_convert(zones[1]),
        "resolved_at": answered.dt.tz_convert(zones[2]),
        "user_id": "u",
        "timestamp": created.dt.tz_convert(zones[1]),
    })
    expected_hours = np.median(np.asarray(delays[: len(starts)], dtype=float) / 60.0)
    for frame in (utc, shown):
        assert frame.cs.response_time(stat="median", period=None) == pytest.approx(expected_hours)
        assert frame.cs.resolution_time(stat="mean", period=None) == pytest.approx(
            np.mean(delays[: len(starts)]) / 60.0)
    pd.testing.assert_series_equal(
        shown.cs.sessions(session_col=None, duration_col=None)["duration_s"],
        utc.cs.sessions(session_col=None, duration_col=None)["duration_s"],
    )


def test_every_new_error_is_a_cskit_error():
    assert issubclass(ColumnTypeError, CskitError) and issubclass(TimezoneError, CskitError)


# ---------------------------------------------------------------- 5. gaps in every period KPI


def _gap_mrr() -> pd.DataFrame:
    # two customers paying 10 each in January, February and April; March is missing
    return pd.DataFrame({"customer_id": ["a", "b"] * 3,
                         "month": ["2026-01"] * 2 + ["2026-02"] * 2 + ["2026-04"] * 2,
                         "mrr": 10.0})


def test_month_without_rows_is_flagged_in_every_mrr_kpi():
    frame = _gap_mrr()
    flows = [False, True, True]  # March (the gap) and April (its month before is the gap)
    with pytest.warns(CskitWarning, match=r"no row at all in '2026-03'"):
        moves = frame.cs.mrr_movements()
    assert moves["churn"].tolist() == [0.0, 20.0, 0.0]
    assert moves["reactivation"].tolist() == [0.0, 0.0, 20.0]
    assert moves["data_gap"].tolist() == flows
    with pytest.warns(CskitWarning):
        lost = frame.cs.revenue_churn()
    assert lost["revenue_churn"].tolist()[:2] == [0.0, 1.0] and lost["data_gap"].tolist() == flows
    for name in ("nrr", "grr"):
        with pytest.warns(CskitWarning):
            table = getattr(frame.cs, name)()
        assert table[name].tolist()[:2] == [1.0, 0.0] and table["data_gap"].tolist() == flows
    with pytest.warns(CskitWarning):
        assert frame.cs.quick_ratio()["data_gap"].tolist() == flows
    with pytest.warns(CskitWarning):
        stock = frame.cs.mrr()
    assert stock["mrr"].tolist() == [20.0, 20.0, 0.0, 20.0]
    assert stock["data_gap"].tolist() == [False, False, True, False]  # a stock: only March
    with pytest.warns(CskitWarning):  # a 2-month window ending in May still reaches March
        wide = frame.assign(month=frame["month"].replace("2026-04", "2026-05")).cs.nrr(window=2)
    assert wide["data_gap"].tolist() == [True, True, True]
    complete = frame[frame["month"] != "2026-04"]
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        for name in ("mrr_movements", "revenue_churn", "nrr", "grr", "quick_ratio", "mrr"):
            assert "data_gap" not in getattr(complete.cs, name)().columns


def test_month_without_rows_is_flagged_in_ticket_usage_and_survey_kpis():
    dates = pd.to_datetime(["2026-01-05", "2026-01-09", "2026-03-02"])
    tickets = pd.DataFrame({"created_at": dates})
    with pytest.warns(CskitWarning, match=r"tickets frame has no row at all in '2026-02' "
                      r"\(column 'created_at'"):
        volume = tickets.cs.ticket_volume()
    assert volume["tickets"].tolist() == [2, 0, 1]
    assert volume["data_gap"].tolist() == [False, True, False]
    with pytest.warns(CskitWarning):
        assert tickets.cs.ticket_volume(period="Q")["data_gap"].tolist() == [True]

    events = pd.DataFrame({"user_id": ["u", "v", "u"], "timestamp": dates})
    with pytest.warns(CskitWarning, match=r"events frame .*'2026-02' \(column 'timestamp'"):
        sticky = events.cs.stickiness(mau="calendar")
    assert sticky["mau"].tolist() == [2, 0, 1]
    assert sticky["data_gap"].tolist() == [False, True, False]
    with pytest.warns(CskitWarning):
        monthly = events.cs.active_users(freq="M")
    assert monthly["data_gap"].tolist() == [False, True, False]

    surveys = pd.DataFrame({"submitted_at": dates, "score": [9, 10, 3]})
    with pytest.warns(CskitWarning, match=r"surveys frame .*'2026-02' \(column 'submitted_at'"):
        table = surveys.cs.nps(period="M")
    assert table["n"].tolist() == [2, 0, 1]
    assert table["nps"].tolist()[0] == 100.0 and np.isnan(table["nps"].tolist()[1])
    assert table["data_gap"].tolist() == [False, True, False]
    with pytest.warns(CskitWarning):
        sat = surveys.assign(score=[5, 4, 1]).cs.csat(period="M")
    assert sat["n"].tolist() == [2, 0, 1] and sat["csat"].tolist()[0] == 1.0
    assert sat["data_gap"].tolist() == [False, True, False]
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        assert "data_gap" not in surveys.head(2).cs.nps(period="M").columns


# ---------------------------------------------------------------- warnings name the user's line


def test_warnings_point_at_the_callers_line():
    frame = _gap_mrr()
    calls = [lambda: frame.cs.churn(), lambda: frame.cs.mrr_movements(),
             lambda: frame.cs.nrr(), lambda: cskit.metrics.churn(frame),
             lambda: frame.cs.grr(convention="chartmogul"),
             # drop_missing in cskit._validate, two frames further in
             lambda: pd.DataFrame({"score": [9.0, np.nan]}).cs.nps(period=None),
             # a loader
             lambda: cskit.io.read_subscriptions(INVOICES, source="stripe_invoices")]
    for call in calls:
        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always")
            call()
        assert caught and {w.filename for w in caught} == {__file__}


# ---------------------------------------------------------------- 8. explainers and report


def test_explainers_and_report_read_arrow_nanosecond_timestamps():
    from cskit.explain import logic
    from cskit.report import customer_comments

    company = cskit.datasets.load_sample()
    surveys, tickets = company.surveys, company.tickets
    events = company.events.head(5000)
    for unit in ("ns", "us"):
        nps = logic.MODULES["nps"].prepare(_arrow(surveys, unit))
        expected = logic.MODULES["nps"].prepare(surveys)
        assert (nps.promoters, nps.passives, nps.detractors) == (
            expected.promoters, expected.passives, expected.detractors)
        assert logic.MODULES["survey_scales"].prepare(_arrow(surveys, unit)).counts == \
            logic.MODULES["survey_scales"].prepare(surveys).counts
        pd.testing.assert_frame_equal(logic.MODULES["fcr"].prepare(_arrow(tickets, unit)).counts,
                                      logic.MODULES["fcr"].prepare(tickets).counts)
        pd.testing.assert_frame_equal(
            logic.MODULES["stickiness"].prepare(_arrow(events, unit)).user_days,
            logic.MODULES["stickiness"].prepare(events).user_days)
        pd.testing.assert_frame_equal(customer_comments(_arrow(surveys, unit), "2026-09"),
                                      customer_comments(surveys, "2026-09"), check_dtype=False)


# ---------------------------------------------------------------- one value, two types


def test_one_id_as_number_and_as_text_is_refused():
    # 1 and "1" (a concat of a frame read as numbers and one read as text) would be
    # two customers: churn 100 % instead of 0 %
    frame = pd.DataFrame({"customer_id": pd.Series([1, 2, "1", "2"], dtype=object),
                          "month": ["2026-01", "2026-01", "2026-02", "2026-02"], "mrr": 10.0})
    with pytest.raises(ColumnTypeError, match=r"Column 'customer_id' of the mrr frame holds the "
                       r"same value as a number and as text: 1, 2 \(numbers\) and '1', '2' "
                       r"\(text\).*astype\(str\)"):
        frame.cs.churn()
    fixed = frame.assign(customer_id=frame["customer_id"].astype(str))
    assert fixed.cs.churn(period=None) == 0.0
    events = pd.DataFrame({"user_id": pd.Series([7, "7"], dtype=object),
                           "timestamp": pd.to_datetime(["2026-01-01", "2026-01-02"])})
    with pytest.raises(ColumnTypeError, match=r"'user_id' of the events frame"):
        events.cs.stickiness()
    distinct = pd.DataFrame({"customer_id": pd.Series([1, "a7"], dtype=object),
                             "month": "2026-01", "mrr": 10.0})
    assert distinct.cs.mrr(period=None) == 20.0  # mixed but distinct ids stay accepted


# ---------------------------------------------------------------- 1. numbers written as text


def test_bare_numbers_as_text_among_dates_are_refused():
    # As pd.read_csv gives them: "45292" (an Excel serial) and "2026" (a year alone, which
    # would land in January) are text, not dates; eight digits are year-month-day.
    for bad in ("45292", "2026", "1767225600"):
        tickets = pd.read_csv(io.StringIO(f"created_at\n2026-03-05\n{bad}\n"))
        with pytest.raises(ColumnTypeError, match=rf"Column 'created_at' of the tickets frame "
                           rf"holds bare numbers among its dates: '{bad}' \(1 cell\(s\)\).*"
                           rf"origin='1899-12-30'"):
            tickets.cs.ticket_volume()
    ymd = pd.read_csv(io.StringIO("created_at\n2026-03-05\n20260306\n"), dtype=str)
    assert months(ymd.cs.ticket_volume(), "tickets") == {"2026-03": 2}


# ---------------------------------------------------------------- 8. Arrow-backed months


def test_month_column_of_arrow_periods_from_parquet(tmp_path):
    # to_parquet of a Period[M] column read back with dtype_backend="pyarrow" gives
    # extension<pandas.period> cells (stored as ordinals, e.g. 673 for 2026-02)
    frame = pd.DataFrame({"customer_id": ["a", "b", "a", "c"],
                          "month": pd.PeriodIndex(["2026-01", "2026-01", "2026-02", "2026-02"],
                                                  freq="M"),
                          "mrr": [10.0, 20.0, 15.0, 5.0]})
    path = tmp_path / "mrr.parquet"
    frame.to_parquet(path)
    arrow = pd.read_parquet(path, dtype_backend="pyarrow")
    assert months(arrow.cs.mrr(), "mrr") == {"2026-01": 30.0, "2026-02": 20.0}
    assert arrow.cs.churn(period=None) == 0.5  # b left, of a and b
    moves = arrow.cs.mrr_movements()
    assert moves.loc["2026-02", ["expansion", "churn", "new"]].tolist() == [5.0, 20.0, 5.0]
    from cskit.explain import logic

    base = logic.MODULES["retention"].prepare(arrow, window=1)
    assert (base.month, base.start, base.churn, base.expansion) == ("2026-02", 30.0, 20.0, 5.0)


def test_placeholder_dates_in_churn_from_subscription_lines():
    # The same lines as above, counted from the lines themselves (no month column):
    # 9999-12-31 is an open line, not 95,000 months of history.
    subs = pd.DataFrame({
        "customer_id": ["a", "b", "c"],
        "start": ["2026-01-15", "2026-02-01", "2026-03-01"],
        "end": ["9999-12-31", None, "2026-05-10"],
        "amount": [100.0, 50.0, 10.0],
        "interval": "month",
    })
    with pytest.warns(CskitWarning, match=r"'end': 9999-12-31.*counted until 2026-05.*as_of="):
        table = subs.cs.churn()
    assert [str(p) for p in table.index] == ["2026-01", "2026-02", "2026-03", "2026-04",
                                             "2026-05"]
    # c (10 a month) leaves in May: 1 of the 3 customers there at the start of May
    assert table.loc["2026-05", ["start_customers", "churned"]].tolist() == [3, 1]
    late = subs.assign(start=["2026-01-15", "2300-02-01", "2026-03-01"])
    with pytest.warns(CskitWarning, match=r"'start': 2300-02-01.*left out"):
        moves = late.cs.subscription_movements()
    assert moves["new"].tolist() == [100.0, 0.0, 10.0, 0.0, 0.0]  # b never starts
    assert moves.loc["2026-05", "churn"] == 10.0


def test_placeholder_dates_in_event_tables_and_months_are_refused():
    # One 9999-12-31 among January-February dates would report 95,000 empty months.
    dates = ["2026-01-05", "2026-01-09", "2026-02-02", "9999-12-31"]
    calls = [
        (pd.DataFrame({"created_at": dates}), lambda f: f.cs.ticket_volume(),
         r"Column 'created_at' of the tickets frame"),
        (pd.DataFrame({"submitted_at": dates, "score": 9}), lambda f: f.cs.nps(period="M"),
         r"Column 'submitted_at' of the surveys frame"),
        (pd.DataFrame({"user_id": list("abcd"), "timestamp": dates}),
         lambda f: f.cs.active_users(freq="M"), r"Column 'timestamp' of the events frame"),
        (pd.DataFrame({"customer_id": list("abcd"), "month": [d[:7] for d in dates],
                       "mrr": 10.0}), lambda f: f.cs.mrr(), r"Column 'month' of the mrr frame"),
    ]
    for frame, call, column in calls:
        with pytest.raises(InvalidValueError, match=column + r" has dates years after the rest "
                           r"of its data \(which ends in 2026-02\), in '9999-12'.*< '2026-03-01'"):
            call(frame)
        assert len(call(frame.iloc[:3])) == 2  # January and February
