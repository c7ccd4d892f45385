"""What every cskit.io loader does with real exports (issue 12 item 1, issue 13 items 1,
6, 10, 12, 16): a DataFrame or a path, blank rows, time zones across daylight saving,
epoch numbers, Excel serials, thousands separators, pandas keywords, near-miss names."""

from __future__ import annotations

import warnings
from pathlib import Path

import pandas as pd
import pytest

import cskit
from cskit import io as cio
from cskit.errors import ColumnTypeError, CskitWarning, InvalidParameterError, MissingColumnError

FIXTURES = Path(__file__).parent / "fixtures"
ZENDESK = FIXTURES / "zendesk_tickets.csv"
TYPEFORM = FIXTURES / "typeform_nps.csv"

LOADERS = ["read_subscriptions", "read_mrr", "read_events", "read_surveys", "read_tickets",
           "read_costs", "read_accounts"]


def _quiet(fn, *args, **kwargs):
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", CskitWarning)
        return fn(*args, **kwargs)


def test_every_loader_is_public():
    for name in LOADERS + ["read_table"]:
        assert getattr(cskit, name) is getattr(cio, name)


def test_a_dataframe_reads_like_its_file():
    raw = pd.read_csv(ZENDESK, dtype=str, keep_default_na=False, na_values=[""])
    from_frame = cio.read_tickets(raw, source="zendesk")
    pd.testing.assert_frame_equal(from_frame, cio.read_tickets(ZENDESK, source="zendesk"))
    before = raw.copy()
    cio.read_tickets(raw.rename(columns={"Id": "ticket_id", "Organization": "account_id",
                                         "Created at": "created_at"})[
        ["ticket_id", "account_id", "created_at"]])
    pd.testing.assert_frame_equal(raw, before)  # the caller's frame is untouched
    raw_tf = pd.read_csv(TYPEFORM, dtype=str, keep_default_na=False, na_values=[""])
    pd.testing.assert_frame_equal(_quiet(cio.read_surveys, raw_tf, source="typeform"),
                                  _quiet(cio.read_surveys, TYPEFORM, source="typeform"))
    with pytest.raises(InvalidParameterError, match="'sep' are for reading a file"):
        cio.read_mrr(pd.DataFrame({"customer_id": ["A"], "month": ["2026-01"], "mrr": [1]}),
                     sep=";")


def test_blank_rows_and_empty_delimiters_are_skipped_and_counted(tmp_path):
    path = tmp_path / "mrr.csv"
    path.write_text("customer_id,month,mrr\nA1,2026-09,100\n\n,,\nA1,2026-10,120\n , ,\n")
    with pytest.warns(CskitWarning, match="skipped 3 blank row"):
        mrr = cio.read_mrr(path)
    assert mrr["mrr"].tolist() == [100.0, 120.0]
    frame = pd.DataFrame({"customer_id": ["A1", None], "month": ["2026-10", None],
                          "mrr": [5.0, None]})
    with pytest.warns(CskitWarning, match="skipped 1 blank row"):
        assert len(cio.read_mrr(frame)) == 1


DST = ("ticket_id,account_id,created_at,first_response_at\n"
       # Spring forward in Los Angeles (8 Mar 2026, 02:00 PST -> 03:00 PDT): answered 2 h later.
       "1,A,2026-03-08T01:30:00-08:00,2026-03-08T04:30:00-07:00\n"
       # Fall back (1 Nov 2026): the two 01:30s are an hour apart.
       "2,A,2026-11-01T01:30:00-07:00,2026-11-01T01:30:00-08:00\n"
       # 1 Oct 03:00 UTC is still September in Los Angeles.
       "3,B,2026-10-01T03:00:00Z,\n")


def test_offsets_that_change_with_daylight_saving(tmp_path):
    path = tmp_path / "t.csv"
    path.write_text(DST)
    utc = cio.read_tickets(path)
    assert utc["created_at"].tolist() == [pd.Timestamp("2026-03-08 09:30"),
                                          pd.Timestamp("2026-11-01 08:30"),
                                          pd.Timestamp("2026-10-01 03:00")]
    local = cio.read_tickets(path, tz="America/Los_Angeles")
    # With tz: aware times in that zone (wall clock shown, instants kept).
    assert str(local["created_at"].dtype) == "datetime64[us, America/Los_Angeles]"
    assert local["created_at"].dt.tz_localize(None).tolist() == [
        pd.Timestamp("2026-03-08 01:30"), pd.Timestamp("2026-11-01 01:30"),
        pd.Timestamp("2026-09-30 20:00")]
    # Durations are between instants whatever the zone: 2 h and 1 h.
    for frame in (utc, local):
        hours = (frame["first_response_at"] - frame["created_at"]).dt.total_seconds() / 3600
        assert hours.tolist()[:2] == [2.0, 1.0]
    assert utc["created_at"].dt.to_period("M").astype(str).tolist()[2] == "2026-10"
    assert local["created_at"].dt.tz_localize(None).dt.to_period("M").astype(str).tolist()[2] \
        == "2026-09"
    # Months are assigned in the zone by the KPIs too: ticket 3 counts in September.
    volume = local.cs.ticket_volume(period="M")
    assert volume.loc[pd.Period("2026-09", freq="M"), "tickets"] == 1
    assert volume.loc[pd.Period("2026-10", freq="M"), "tickets"] == 0
    with pytest.raises(InvalidParameterError, match="tz='Pacific' is not an IANA time zone"):
        cio.read_tickets(path, tz="Pacific")


def test_epoch_seconds_and_milliseconds(tmp_path):
    path = tmp_path / "e.csv"
    # 1772325000 s and 1772325060000 ms: 2026-03-01 00:30:00 and 00:31:00 UTC.
    path.write_text("user_id,timestamp\nu1,1772325000\nu2,1772325060000\n")
    events = cio.read_events(path)
    assert events["timestamp"].tolist() == [pd.Timestamp("2026-03-01 00:30"),
                                            pd.Timestamp("2026-03-01 00:31")]
    frame = pd.DataFrame({"user_id": ["u1"], "timestamp": [1772325000]})
    assert cio.read_events(frame, tz="Asia/Seoul")["timestamp"].tolist() == [
        pd.Timestamp("2026-03-01 09:30", tz="Asia/Seoul")]
    path.write_text("user_id,timestamp\nu1,45292\n")
    with pytest.raises(ColumnTypeError, match=r"'timestamp' .*neither epoch seconds.*'45292'"):
        cio.read_events(path)


def test_a_bare_number_among_dates_in_text_is_refused(tmp_path):
    path = tmp_path / "s.csv"
    path.write_text("customer_id,start,amount,interval\nA,2026-01-15,10,month\nB,45292,10,month\n")
    with pytest.raises(ColumnTypeError, match=r"Column 'start' .*mixes dates with bare numbers: "
                                              r"'45292'"):
        cio.read_subscriptions(path)


def test_an_excel_serial_date_is_an_excel_date(tmp_path):
    pytest.importorskip("openpyxl", reason="openpyxl is in the 'io' extra")
    path = tmp_path / "tickets.xlsx"
    frame = pd.DataFrame({"ticket_id": ["1", "2"], "account_id": ["A", "B"],
                          "created_at": [pd.Timestamp("2026-01-15 10:00"), 45292.5]})
    frame.to_excel(path, index=False)
    tickets = cio.read_tickets(path)
    # Excel day 45292 is 2024-01-01 (days since 1899-12-30); .5 is noon.
    assert tickets["created_at"].tolist() == [pd.Timestamp("2026-01-15 10:00"),
                                              pd.Timestamp("2024-01-01 12:00")]


def test_thousands_separators(tmp_path):
    path = tmp_path / "s.csv"
    path.write_text('customer_id,start,amount,interval\nA,2026-01-01,"14,500.00",year\n'
                    'B,2026-01-01,"1,234,567",month\nC,2026-01-01, 99.5 ,month\n')
    assert cio.read_subscriptions(path, amount_unit="units")["amount"].tolist() == [
        14500.0, 1234567.0, 99.5]
    path.write_text('customer_id,start,amount,interval\nA,2026-01-01,"14,50",month\n')
    with pytest.raises(ColumnTypeError, match="'amount' .*numeric; found '14,50'"):
        cio.read_subscriptions(path)


def test_pandas_keywords_do_not_clash(tmp_path):
    path = tmp_path / "s.csv"
    path.write_text("customer_id,start,end,amount,interval,note\n"
                    "007,2026-01-01,n/a,10,month,x\n008,2026-01-01,2026-03-01,5,month,NA\n")
    with pytest.raises(ColumnTypeError, match="'end' .*not dates: 'n/a'"):
        cio.read_subscriptions(path)
    # na_values adds to "" (empty = missing) instead of clashing; ids stay text; "NA" is a
    # value, not a missing one, unless asked.
    subs = cio.read_subscriptions(path, na_values=["n/a"], keep_default_na=False,
                                  dtype={"note": "string"})
    assert subs["customer_id"].tolist() == ["007", "008"]
    assert subs["note"].tolist() == ["x", "NA"]
    assert pd.isna(subs.loc[0, "end"])
    # Open line 007 and line 008 ended 1 March: February MRR 10 + 5, March 10.
    mrr = subs.cs.to_mrr(until="2026-03")
    assert mrr.groupby("month")["mrr"].sum().tolist() == [15.0, 15.0, 10.0]
    again = cio.read_subscriptions(path, na_values="n/a", dtype=str)
    assert again["customer_id"].tolist() == ["007", "008"]
    assert cio.read_subscriptions(path, na_values={"end": ["n/a"]})["end"].isna().sum() == 1


def test_missing_column_suggests_the_near_miss(tmp_path):
    raw = pd.read_csv(ZENDESK, dtype=str, keep_default_na=False).rename(
        columns={"Created at": "Created At"})
    with pytest.raises(MissingColumnError) as caught:
        cio.read_tickets(raw, source="zendesk")
    message = str(caught.value)
    assert "Column 'Created at' is missing" in message
    assert "Did you mean 'Created At'?" in message and "'Organization'" in message
    assert "'On hold time in minutes within business hours'" in message  # all are listed
    path = tmp_path / "m.csv"
    path.write_text("customer,month,mrr\nA,2026-10,5\n")
    with pytest.raises(MissingColumnError, match="'customer_id' is missing.*Did you mean "
                                                 "'customer'"):
        cio.read_mrr(path)


def test_one_off_and_metered_lines_are_accepted(tmp_path):
    path = tmp_path / "s.csv"
    path.write_text("customer_id,start,end,amount,interval\nA,2026-01-01,,100,month\n"
                    "A,2026-01-10,,500,one_off\nA,2026-01-01,,30,metered\n")
    subs = cio.read_subscriptions(path)
    assert subs["interval"].tolist() == ["month", "one_off", "metered"]
    # Only the recurring line is MRR: 100 in January.
    mrr = subs.cs.to_mrr(until="2026-01")
    assert mrr["mrr"].sum() == pytest.approx(100.0)


def test_latin1_file_through_the_loaders(tmp_path):
    path = tmp_path / "accounts.csv"
    path.write_bytes("account_id,signup_at,segment\nA1,2026-01-01,Küche\n".encode("latin-1"))
    with pytest.warns(CskitWarning, match="not UTF-8"):
        assert cio.read_accounts(path)["segment"].tolist() == ["Küche"]


def test_times_without_offset_are_read_in_the_tools_zone():
    # Zendesk writes "2026-10-01 09:15:00" in the account's zone. Default: kept as written;
    # with tz="Europe/Paris" it is 09:15 in Paris (CEST, UTC+2) = 07:15 UTC.
    plain = cio.read_tickets(ZENDESK, source="zendesk")
    paris = cio.read_tickets(ZENDESK, source="zendesk", tz="Europe/Paris")
    assert plain.loc[0, "created_at"] == pd.Timestamp("2026-10-01 09:15")
    assert paris.loc[0, "created_at"] == pd.Timestamp("2026-10-01 07:15", tz="UTC")
    # The first reply 90 minutes later stays 90 minutes later.
    assert (paris.loc[0, "first_response_at"] - paris.loc[0, "created_at"]) == \
        pd.Timedelta(minutes=90)
    # Stripe's "(UTC)" columns are UTC: 2026-01-10 09:12 UTC is 01:12 in Los Angeles.
    subs = cio.read_subscriptions(FIXTURES / "stripe_subscriptions.csv", source="stripe",
                                  tz="America/Los_Angeles")
    assert subs.loc[0, "start"] == pd.Timestamp("2026-01-10 01:12", tz="America/Los_Angeles")


def test_day_first_dates_are_read_one_way_for_the_whole_column(tmp_path):
    # Issue 13 item 2: 13/02 can only be day-first, so 01/02 is 1 February too.
    path = tmp_path / "t.csv"
    path.write_text("ticket_id,account_id,created_at\n1,A,01/02/2026\n2,A,13/02/2026\n"
                    "3,A,28/02/2026\n")
    tickets = cio.read_tickets(path)
    assert tickets["created_at"].dt.month.tolist() == [2, 2, 2]
    # Both readings fit 01/02 and 03/02 alone: refused until dayfirst says which.
    path.write_text("ticket_id,account_id,created_at\n1,A,01/02/2026\n2,A,03/02/2026\n")
    with pytest.raises(ColumnTypeError, match=r"'created_at' .*'01/02/2026'.*dayfirst=True"):
        cio.read_tickets(path)
    assert cio.read_tickets(path, dayfirst=True)["created_at"].tolist() == [
        pd.Timestamp("2026-02-01"), pd.Timestamp("2026-02-03")]
    assert cio.read_tickets(path, dayfirst=False)["created_at"].tolist() == [
        pd.Timestamp("2026-01-02"), pd.Timestamp("2026-03-02")]
