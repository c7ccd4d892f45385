"""Funnel conversion and trial-to-paid conversion.

Hand-worked cases (arithmetic in the comments), plain-pandas computations on
the sample company, and hypothesis properties (funnels never grow, rates in
range).
"""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest
from hypothesis import given
from hypothesis import strategies as st

import cskit
from cskit.errors import InvalidParameterError, InvalidValueError, MissingColumnError
from cskit.metrics import conversion, trial_conversion

NAT = None


def dates(*values: str | None) -> pd.Series:
    return pd.to_datetime(pd.Series(values, dtype="object"))


# Five leads: when they visited, signed up and paid.
# a: visit 1 Jan, signup 2 Jan, paid 20 Jan    -> through the whole funnel
# b: visit 2 Jan, signup 5 Jan, never paid
# c: visit 3 Jan, no signup, paid 9 Jan        -> paid without signing up
# d: visit 4 Jan, signup 4 Jan, paid 1 Feb
# e: visit 6 Jan, signup 3 Jan (before the visit!), paid 7 Jan
LEADS = pd.DataFrame({
    "lead": list("abcde"),
    "visit": dates("2026-01-01", "2026-01-02", "2026-01-03", "2026-01-04", "2026-01-06"),
    "signup": dates("2026-01-02", "2026-01-05", NAT, "2026-01-04", "2026-01-03"),
    "paid": dates("2026-01-20", NAT, "2026-01-09", "2026-02-01", "2026-01-07"),
    "channel": ["ads", "ads", "seo", "seo", "ads"],
})
STAGES = ["visit", "signup", "paid"]


def test_funnel_by_hand():
    # ordered="time": signup counts for a, b, d (e signed up before visiting) = 3 of 5;
    # paid after signup: a, d = 2.  step rates 3/5, 2/3; overall 2/5.
    funnel = LEADS.cs.conversion(STAGES, period=None)
    assert funnel.index.tolist() == STAGES
    assert funnel["entities"].tolist() == [5, 3, 2]
    assert funnel["dropped"].tolist() == [0, 2, 1]
    assert funnel["step_rate"].tolist() == pytest.approx([1, 3 / 5, 2 / 3])
    assert funnel["overall_rate"].tolist() == pytest.approx([1, 3 / 5, 2 / 5])
    # "reached": order of dates ignored -> signup a, b, d, e = 4; paid a, d, e = 3
    assert LEADS.cs.conversion(STAGES, ordered="reached", period=None)["entities"].tolist() == [5, 4, 3]
    # "none": each stage on its own -> paid a, c, d, e = 4 (c never signed up)
    assert LEADS.cs.conversion(STAGES, ordered="none", period=None)["entities"].tolist() == [5, 4, 4]
    # within 10 days of the visit: a paid after 19 days, d after 28 -> nobody pays in time
    assert LEADS.cs.conversion(STAGES, within=10, period=None)["entities"].tolist() == [5, 3, 0]
    assert LEADS.cs.conversion(STAGES, within="20D", period=None)["entities"].tolist() == [5, 3, 1]
    # booleans are stages too
    flags = pd.DataFrame({"lead": [True, True, True, False], "won": [True, False, True, True]})
    assert flags.cs.conversion(["lead", "won"], period=None)["entities"].tolist() == [3, 2]


def test_funnel_grouped():
    by_channel = LEADS.cs.conversion(STAGES, by="channel", period=None)
    # ads: a, b, e visited; signup (in time) a, b; paid a -> [3, 2, 1]
    # seo: c, d visited; signup d; paid d -> [2, 1, 1]
    assert by_channel.loc["ads", "entities"].tolist() == [3, 2, 1]
    assert by_channel.loc["seo", "entities"].tolist() == [2, 1, 1]
    assert by_channel.index.names == ["channel", "stage"]
    monthly = LEADS.cs.conversion(["signup", "paid"], period="M")
    # cohorts by signup month: all four signups in January; paid after signup: a, d, e
    assert monthly.loc["2026-01", "entities"].tolist() == [4, 3]
    with pytest.raises(InvalidParameterError, match="holds booleans"):
        pd.DataFrame({"a": [True], "b": [True]}).cs.conversion(["a", "b"], period="M")


def test_funnel_from_events_by_hand():
    # u1: login, view, export (in order); u2: login, export, then view (view after export
    # does not count once export is required after view); u3: view only (never entered).
    events = pd.DataFrame({
        "user_id": ["u1", "u1", "u1", "u2", "u2", "u2", "u3", "u1"],
        "event": ["login", "view", "export", "login", "export", "view", "view", "login"],
        "timestamp": pd.to_datetime([
            "2026-01-01 10:00", "2026-01-01 10:05", "2026-01-02 00:00", "2026-01-03 09:00",
            "2026-01-03 09:01", "2026-01-03 09:02", "2026-01-04 00:00", "2026-01-05 00:00"]),
    })
    funnel = events.cs.conversion(["login", "view", "export"], period=None)
    # login: u1, u2 = 2; view after login: u1, u2 = 2; export after that view: u1 only
    assert funnel["entities"].tolist() == [2, 2, 1]
    assert events.cs.conversion(["login", "view", "export"], ordered="reached", period=None)[
        "entities"].tolist() == [2, 2, 2]
    # by account: the account of the user's first login
    events["account_id"] = ["A", "A", "A", "B", "B", "B", "C", "A"]
    per_account = events.cs.conversion(["login", "export"], user_col="account_id", period=None)
    assert per_account["entities"].tolist() == [2, 2]


def test_funnel_on_the_sample_matches_plain_pandas():
    accounts = cskit.datasets.load_sample().accounts
    got = accounts.cs.conversion(["trial_start", "first_login_at", "converted_at"], period=None)
    a = accounts
    logged = a["first_login_at"].notna() & (a["first_login_at"] >= a["trial_start"])
    paid = logged & a["converted_at"].notna() & (a["converted_at"] >= a["first_login_at"])
    assert got["entities"].tolist() == [len(a), int(logged.sum()), int(paid.sum())]
    # the events funnel: login -> create_report, by account
    ev = cskit.datasets.load_sample().events
    first_login = ev[ev["event"] == "login"].groupby("account_id")["timestamp"].min()
    reports = ev[ev["event"] == "create_report"].merge(first_login.rename("login"),
                                                       left_on="account_id", right_index=True)
    made = reports.loc[reports["timestamp"] >= reports["login"], "account_id"].nunique()
    got_ev = ev.cs.conversion(["login", "create_report"], user_col="account_id", period=None)
    assert got_ev["entities"].tolist() == [len(first_login), made]


def test_funnel_bad_input():
    with pytest.raises(InvalidParameterError, match="at least two different stages"):
        LEADS.cs.conversion(["visit"], period=None)
    with pytest.raises(InvalidParameterError, match="at least two different stages"):
        LEADS.cs.conversion(["visit", "visit"], period=None)
    with pytest.raises(MissingColumnError, match="'demo'"):
        LEADS.cs.conversion(["visit", "demo"], period=None)
    with pytest.raises(InvalidParameterError, match="within='soon'"):
        LEADS.cs.conversion(STAGES, within="soon", period=None)
    with pytest.raises(InvalidParameterError, match="ordered='strict'"):
        LEADS.cs.conversion(STAGES, ordered="strict", period=None)
    bad = LEADS.assign(paid=["x", None, None, None, None])
    with pytest.raises(cskit.errors.CskitError, match="'paid'"):
        bad.cs.conversion(STAGES, period=None)


# --------------------------------------------------------------------------- trials

TRIALS = pd.DataFrame({
    "account_id": list("abcdefg"),
    # 14-day trials; ends: a 15 Jan, b 19 Jan, c 24 Jan, d 13 Feb, e 20 Feb, f 4 Mar
    "trial_start": pd.to_datetime(["2026-01-01", "2026-01-05", "2026-01-10", "2026-01-30",
                                   "2026-02-06", "2026-02-18", None]),
    "converted_at": pd.to_datetime(["2026-01-10", None, "2026-01-30", "2026-02-02", None,
                                    None, "2026-01-03"]),
    "segment": ["SMB", "SMB", "ENT", "ENT", "SMB", "ENT", "SMB"],
})


def test_trial_conversion_by_hand():
    # as_of 28 Feb: ended trials a, b, c (January) and d, e (February); f still running;
    # g bought without a trial. Converted: a, c (late, 6 days after its trial), d.
    table = TRIALS.cs.trial_conversion(as_of="2026-02-28")
    assert [str(p) for p in table.index] == ["2026-01", "2026-02"]
    assert table["trials_ended"].tolist() == [3, 2]
    assert table["converted"].tolist() == [2, 1]
    assert table["trial_conversion"].tolist() == pytest.approx([2 / 3, 1 / 2])
    assert table["numerator"].tolist() == [2, 1] and table["denominator"].tolist() == [3, 2]
    # one number: 3 of 5
    assert trial_conversion(TRIALS, period=None, as_of="2026-02-28") == pytest.approx(0.6)
    # conversions only during the trial: c is out -> 2 of 5
    assert TRIALS.cs.trial_conversion(period=None, as_of="2026-02-28", grace_days=0) == 0.4
    # a 7-day trial: ends a 8 Jan (converted after it), b 12 Jan, c 17 Jan, d 6 Feb,
    # e 13 Feb, f 25 Feb -> 6 trials ended, 3 converted (a, c, d at any time)
    assert TRIALS.cs.trial_conversion(period=None, as_of="2026-02-28", trial_days=7) == 0.5
    # by default the data ends at the latest date in it (converted 2 Feb, trial 18 Feb):
    # trials ended by 18 Feb are a, b, c, d -> a, c, d converted
    assert TRIALS.cs.trial_conversion(period=None) == 0.75
    # a trial_end column overrides trial_days (empty: trial_days applies)
    ends = TRIALS.assign(trial_end=pd.to_datetime(["2026-03-31"] + [None] * 6))
    assert ends.cs.trial_conversion(period=None, as_of="2026-02-28", trial_end_col="trial_end") \
        == pytest.approx(2 / 4)
    by_segment = TRIALS.cs.trial_conversion(period=None, by="segment", as_of="2026-02-28")
    # SMB: a, b, e ended; a converted -> 1/3. ENT: c, d ended, both converted.
    assert by_segment.loc["SMB", "trial_conversion"] == pytest.approx(1 / 3)
    assert by_segment.loc["ENT", "trial_conversion"] == 1.0
    # every month up to as_of is reported, also one where no trial ended
    march = TRIALS.cs.trial_conversion(as_of="2026-03-31")
    assert [str(p) for p in march.index] == ["2026-01", "2026-02", "2026-03"]
    assert march.loc["2026-03", "trials_ended"] == 1


def test_trial_conversion_bad_input():
    early = TRIALS.assign(converted_at=TRIALS["converted_at"].where(
        TRIALS["account_id"] != "b", pd.Timestamp("2025-12-01")))
    with pytest.raises(InvalidValueError, match=r"before 'trial_start' for 1 account.*'b'"):
        early.cs.trial_conversion()
    with pytest.raises(MissingColumnError, match="'trial_begin'"):
        TRIALS.cs.trial_conversion(trial_start_col="trial_begin")
    with pytest.raises(InvalidParameterError, match="trial_days=0"):
        TRIALS.cs.trial_conversion(trial_days=0)
    with pytest.raises(InvalidParameterError, match="grace_days=-1"):
        TRIALS.cs.trial_conversion(grace_days=-1)
    with pytest.raises(InvalidParameterError, match="as_of='yesterday'"):
        TRIALS.cs.trial_conversion(as_of="yesterday")
    with pytest.raises(InvalidValueError, match="No trial .* has ended"):
        TRIALS.cs.trial_conversion(as_of="2026-01-02")


def test_trial_conversion_on_the_sample_matches_plain_pandas():
    accounts = cskit.datasets.load_sample().accounts
    as_of = pd.Timestamp("2026-10-31 23:59:59")
    end = accounts["trial_start"] + pd.Timedelta(days=14)
    ended = accounts[end <= as_of]
    won = ended["converted_at"].notna() & (ended["converted_at"] <= as_of)
    by_month = won.groupby(end[ended.index].dt.to_period("M")).agg(["size", "sum", "mean"])
    got = accounts.cs.trial_conversion(as_of=as_of)
    assert got["trials_ended"].tolist() == by_month["size"].tolist()
    assert got["converted"].tolist() == by_month["sum"].tolist()
    assert np.allclose(got["trial_conversion"], by_month["mean"])
    assert accounts.cs.trial_conversion(period=None, as_of=as_of) == pytest.approx(won.mean())


def test_frames_are_not_modified(unchanged):
    unchanged(conversion, LEADS, STAGES, by="channel", within=30)
    unchanged(trial_conversion, TRIALS, by="segment")


# --------------------------------------------------------------------------- properties


@st.composite
def funnels(draw):
    n = draw(st.integers(1, 12))
    day = st.one_of(st.none(), st.integers(0, 40))
    rows = [[draw(day) for _ in range(3)] for _ in range(n)]
    frame = pd.DataFrame(rows, columns=["s1", "s2", "s3"], dtype="float64")
    base = pd.Timestamp("2026-01-01")
    return frame.apply(lambda c: base + pd.to_timedelta(c, unit="D"))


@given(funnels(), st.sampled_from(["time", "reached", "none"]),
       st.sampled_from([None, 5, 20]))
def test_property_funnel(frame, ordered, within):
    funnel = frame.cs.conversion(["s1", "s2", "s3"], ordered=ordered, within=within, period=None)
    counts = funnel["entities"].to_numpy()
    assert counts[0] == frame["s1"].notna().sum()
    assert (counts <= counts[0]).all()
    if ordered != "none":
        assert (np.diff(counts) <= 0).all()  # an ordered funnel never grows
        rates = funnel["step_rate"].dropna()
        assert ((rates >= 0) & (rates <= 1)).all()
    assert ((funnel["overall_rate"].dropna() >= 0) & (funnel["overall_rate"].dropna() <= 1)).all()
    assert (funnel["dropped"] == np.r_[0, -np.diff(counts)]).all()


@given(st.lists(st.tuples(st.integers(0, 60), st.one_of(st.none(), st.integers(0, 30))),
                min_size=1, max_size=15),
       st.sampled_from([None, 0, 3]))
def test_property_trial_conversion_in_range(trials, grace):
    base = pd.Timestamp("2026-01-01")
    frame = pd.DataFrame({
        "account_id": [f"a{i}" for i in range(len(trials))],
        "trial_start": [base + pd.Timedelta(days=s) for s, _ in trials],
        "converted_at": [pd.NaT if c is None else base + pd.Timedelta(days=s + c)
                         for s, c in trials],
    })
    try:
        table = frame.cs.trial_conversion(as_of="2026-04-30", grace_days=grace)
    except InvalidValueError:
        return  # no trial ended
    rate = table["trial_conversion"].dropna()
    assert ((rate >= 0) & (rate <= 1)).all()
    assert (table["converted"] <= table["trials_ended"]).all()
