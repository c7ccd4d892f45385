"""Ticket volume, first response time and resolution time (calendar and business hours)."""

from __future__ import annotations

import warnings

import numpy as np
import pandas as pd
import pytest

import cskit
from cskit.errors import CskitWarning, InvalidParameterError, InvalidValueError
from cskit.metrics.tickets import BusinessHours

ts = pd.Timestamp


def tickets(created, responded=None, **columns) -> pd.DataFrame:
    frame = pd.DataFrame({"ticket_id": [f"T{i}" for i in range(1, len(created) + 1)],
                          "created_at": pd.to_datetime(created)})
    if responded is not None:
        frame["first_response_at"] = pd.to_datetime(responded)
    for name, values in columns.items():
        frame[name] = values
    return frame


def test_volume_zero_months_and_exclusions_reported():
    frame = tickets(["2026-07-03", "2026-07-09", "2026-09-01", "2026-09-02"],
                    category=["bug", "spam", "general", "how_to"])
    table = frame.cs.ticket_volume()
    # July: 1 ticket + 1 spam; August: none at all (0, not missing); September: 1 + 1 general.
    assert table["tickets"].tolist() == [1, 0, 1]
    assert table["excluded"].tolist() == [1, 0, 1]
    assert str(table.index[1]) == "2026-08"
    assert frame.cs.ticket_volume(exclude=()).loc["2026-09", "tickets"] == 2
    assert frame.cs.ticket_volume(period=None) == 2.0


def test_per_100_active_accounts_from_mrr():
    # Active (MRR > 0): September A, B (C pays 0) -> 2; October A, B, C, D -> 4.
    mrr = pd.DataFrame({"customer_id": ["A", "B", "C", "A", "B", "C", "D"],
                        "month": pd.PeriodIndex(["2026-09"] * 3 + ["2026-10"] * 4, freq="M"),
                        "mrr": [10.0, 20.0, 0.0, 10.0, 20.0, 5.0, 5.0]})
    frame = tickets(["2026-09-05", "2026-10-01", "2026-10-02", "2026-10-03"],
                    category=["bug"] * 4)
    table = frame.cs.ticket_volume(mrr=mrr)
    # 1 / 2 x 100 = 50; 3 / 4 x 100 = 75.
    assert table["active_accounts"].tolist() == [2.0, 4.0]
    assert table["per_100_accounts"].tolist() == [50.0, 75.0]
    # A year: 4 tickets / mean(2, 4) active = 4 / 3 x 100.
    quarter = frame.cs.ticket_volume(period="Y", mrr=mrr)
    assert quarter["per_100_accounts"].iloc[0] == pytest.approx(400 / 3)


def test_volume_by_channel_zero_filled():
    frame = tickets(["2026-09-05", "2026-10-01", "2026-10-02"], channel=["chat", "chat", "email"],
                    category=["bug"] * 3)
    table = frame.cs.ticket_volume(by="channel")
    assert table.loc[("2026-09", "email"), "tickets"] == 0
    assert table.loc[("2026-10", "chat"), "tickets"] == 1


def test_response_time_median_mean_and_missing():
    # Responses after 1 h, 2 h, 48 h, and one ticket not answered yet.
    frame = tickets(["2026-10-01 09:00"] * 4,
                    ["2026-10-01 10:00", "2026-10-01 11:00", "2026-10-03 09:00", None])
    assert frame.cs.response_time(period=None) == pytest.approx(2.0)
    assert frame.cs.response_time(stat="mean", period=None) == pytest.approx(17.0)  # 51 / 3
    row = frame.cs.response_time(period="M").iloc[0]
    assert (row["tickets"], row["measured"], row["no_response"], row["invalid"]) == (4, 3, 1, 0)
    assert row["p90"] == pytest.approx(2 + 0.8 * 46)  # 90th percentile of 1, 2, 48 (linear)


def test_business_hours_by_hand():
    hours = BusinessHours("09:00", "17:00", holidays=["2026-10-12"])
    created = pd.Series(pd.to_datetime([
        "2026-10-02 16:00",  # Friday 16:00 -> Monday 10:30: 1 h + 1.5 h = 2.5 h
        "2026-10-09 16:00",  # Friday -> Tuesday 10:30 (Monday 12th a holiday): 2.5 h
        "2026-10-03 12:00",  # Saturday -> Monday 09:30: 0.5 h
        "2026-10-06 20:00",  # Tuesday evening -> Wednesday 08:00: 0 h (closed all along)
        "2026-10-06 08:00",  # Tuesday 08:00 -> 10:00: 1 h (opens at 9)
        "2026-10-05 09:00",  # Monday 09:00 -> Tuesday 09:00: one full day, 8 h
    ]))
    answered = pd.Series(pd.to_datetime([
        "2026-10-05 10:30", "2026-10-13 10:30", "2026-10-05 09:30", "2026-10-07 08:00",
        "2026-10-06 10:00", "2026-10-06 09:00",
    ]))
    np.testing.assert_allclose(hours.elapsed(created, answered) / 3600, [2.5, 2.5, 0.5, 0, 1, 8])
    frame = tickets(created, answered)
    assert frame.cs.response_time(business_hours=hours, stat="mean", period=None) == pytest.approx(14.5 / 6)
    # A dict spec works too; with weekend support (Mon-Sun) the Saturday ticket takes
    # Saturday 12:00-17:00 (5 h) + Sunday 8 h + Monday 0.5 h = 13.5 h.
    every_day = {"start": "09:00", "end": "17:00", "weekdays": range(7)}
    one = tickets(["2026-10-03 12:00"], ["2026-10-05 09:30"])
    assert one.cs.response_time(business_hours=every_day, period=None) == pytest.approx(13.5)
    with pytest.raises(InvalidParameterError, match="end must be after the start"):
        one.cs.response_time(business_hours={"start": "22:00", "end": "06:00"}, period=None)


def test_response_before_creation_is_reported():
    frame = tickets(["2026-10-01 09:00", "2026-10-01 09:00", "2026-10-01 12:00"],
                    ["2026-10-01 10:00", "2026-10-01 13:00", "2026-10-01 11:00"])
    with pytest.warns(CskitWarning, match=r"1 ticket\(s\).*before 'created_at': 'T3'"):
        table = frame.cs.response_time(period="M")
    assert table["invalid"].tolist() == [1]
    assert table["median"].iloc[0] == pytest.approx(2.5)  # 1 h and 4 h; T3 left out
    with pytest.raises(InvalidValueError, match="'T3'"):
        frame.cs.response_time(on_invalid="raise", period=None)


def test_resolution_time_counts_unresolved(unchanged):
    frame = tickets(["2026-10-01 09:00"] * 3, resolved_at=pd.to_datetime(
        ["2026-10-01 13:00", "2026-10-02 09:00", None]))
    row = unchanged(cskit.metrics.resolution_time, frame, period="M").iloc[0]
    # 4 h and 24 h -> median 14 h; the open ticket is counted, not timed.
    assert (row["measured"], row["unresolved"], row["median"]) == (2, 1, 14.0)


def test_sample_company_against_plain_pandas(company):
    t = company.tickets
    kept = t[t["category"] != "spam"]
    hours = (kept["first_response_at"] - kept["created_at"]).dt.total_seconds() / 3600
    month = kept["created_at"].dt.to_period("M")
    plain = hours.groupby(month).median()
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        table = t.cs.response_time(period="M")
    np.testing.assert_allclose(table["response_time"].to_numpy(), plain.to_numpy())
    # Slow support in the first half of 2025: median response above the year before.
    assert plain["2025-01":"2025-06"].mean() > plain["2024-01":"2024-12"].mean()
    vol = t.cs.ticket_volume(mrr=company.mrr)
    counted = t[~t["category"].isin(["spam", "general"])]
    plain_vol = counted.groupby(counted["created_at"].dt.to_period("M")).size()
    np.testing.assert_array_equal(vol["tickets"].to_numpy(), plain_vol.to_numpy())
    paying = company.mrr[company.mrr["mrr"] > 0].groupby("month")["customer_id"].nunique()
    oct_rate = plain_vol[pd.Period("2026-10", "M")] / paying[pd.Period("2026-10", "M")] * 100
    assert vol.loc["2026-10", "per_100_accounts"] == pytest.approx(oct_rate)
    res = t.cs.resolution_time(period="Y")
    assert res["unresolved"].sum() == int(kept["resolved_at"].isna().sum())
