"""Sessions (given or derived with an inactivity timeout) and average session duration."""

from __future__ import annotations

import importlib

import numpy as np
import pandas as pd
import pytest
from hypothesis import given
from hypothesis import strategies as st

import cskit  # noqa: F401  (registers the accessor)
from cskit.errors import EmptyFrameError, InvalidParameterError, InvalidValueError

sessions_module = importlib.import_module("cskit.metrics.sessions")
log_sessions_module = importlib.import_module("cskit.metrics._log_sessions")


def events(rows: list[tuple[object, str]], **extra: list[object]) -> pd.DataFrame:
    frame = pd.DataFrame(rows, columns=["user_id", "timestamp"])
    frame["timestamp"] = pd.to_datetime(frame["timestamp"])
    for name, values in extra.items():
        frame[name] = values
    return frame


def test_timeout_splits_sessions_by_hand():
    # u1: 09:00, 09:10 (gap 10 min), 09:40 (gap 30 min = the timeout: same session),
    #     10:11 (gap 31 min: new session). u2: one event.
    # Session 1: 09:00 → 09:40 = 2400 s + last event's 100 s = 2500 s; session 2: 50 s.
    ev = events([(1, "2026-10-01 09:00"), (1, "2026-10-01 09:10"), (1, "2026-10-01 09:40"),
                 (1, "2026-10-01 10:11"), (2, "2026-10-01 09:05")],
                duration_s=[10, 20, 100, 50, 7])
    s = ev.cs.sessions()
    assert s["user_id"].tolist() == [1, 1, 2]
    assert s["events"].tolist() == [3, 1, 1]
    assert s["duration_s"].tolist() == [2500.0, 50.0, 7.0]
    assert s["start"].tolist() == pd.to_datetime(
        ["2026-10-01 09:00", "2026-10-01 10:11", "2026-10-01 09:05"]).tolist()
    # length="sum": 10 + 20 + 100 = 130 s, then 50 s and 7 s
    assert ev.cs.sessions(length="sum")["duration_s"].tolist() == [130.0, 50.0, 7.0]
    # a 20-minute timeout also cuts at the 30-minute gap: 4 sessions
    assert len(ev.cs.sessions(timeout="20min")) == 4
    assert len(ev.cs.sessions(timeout=31 * 60)) == 2  # seconds: 10:11 joins the first session


def test_without_durations_a_single_event_session_lasts_zero():
    ev = events([(1, "2026-10-01 09:00"), (1, "2026-10-01 09:05"), (1, "2026-10-01 12:00")])
    s = ev.cs.sessions()
    assert s["duration_s"].tolist() == [300.0, 0.0]
    # (300 + 0) / 2 = 150 s
    assert ev.cs.session_duration(period=None) == 150.0
    with pytest.raises(InvalidParameterError, match="length='sum'.*'duration_s'"):
        ev.cs.sessions(length="sum")


def test_given_session_ids_are_used_per_user_and_ordered():
    # The same id "s1" for two users is two sessions; "s2" spans a 2-hour gap but is one session.
    ev = events([(2, "2026-10-01 08:00"), (1, "2026-10-01 09:00"), (1, "2026-10-01 11:00"),
                 (1, "2026-10-01 07:00")],
                session_id=["s1", "s2", "s2", "s1"], duration_s=[5, 5, 5, 5])
    s = ev.cs.sessions()
    assert list(zip(s["user_id"], s["session"], s["events"], strict=True)) == [
        (1, "s1", 1), (1, "s2", 2), (2, "s1", 1)]
    assert s["duration_s"].tolist() == [5.0, 7205.0, 5.0]
    # session=None ignores the ids: u1 at 07:00, 09:00, 11:00 are three sessions
    assert len(ev.cs.sessions(session_col=None)) == 4
    partly = ev.assign(session_id=["s1", None, "s2", "s1"])
    with pytest.raises(InvalidValueError, match="'session_id'.*missing for 1"):
        partly.cs.sessions()


def test_session_duration_by_period_and_column():
    # Oct: sessions of 60 s (entry "login") and 180 s (entry "report"); Nov: one of 30 s.
    ev = events([(1, "2026-10-01 09:00"), (1, "2026-10-01 09:01"), (2, "2026-10-02 09:00"),
                 (2, "2026-10-02 09:02"), (1, "2026-11-01 09:00")],
                event=["login", "view", "report", "view", "login"],
                duration_s=[0, 0, 0, 60, 30])
    by_month = ev.cs.session_duration()
    assert by_month.loc["2026-10", "sessions"] == 2
    assert by_month.loc["2026-10", "total_seconds"] == 60 + 180  # 60 s, and 120 + 60 s
    assert by_month.loc["2026-10", "session_duration"] == 120.0
    assert by_month.loc["2026-11", "session_duration"] == 30.0
    entry = ev.cs.session_duration(period=None, by="event")
    assert entry.loc["login", "sessions"] == 2 and entry.loc["report", "session_duration"] == 180.0
    assert ev.cs.session_duration(period=None) == pytest.approx((60 + 180 + 30) / 3)


def test_bad_input():
    ev = events([(1, "2026-10-01 09:00")], event=["login"])
    for bad in ("soon", -5, 0, True):
        with pytest.raises(InvalidParameterError, match="timeout="):
            ev.cs.sessions(timeout=bad)
    with pytest.raises(InvalidParameterError, match="length="):
        ev.cs.sessions(length="median")
    with pytest.raises(EmptyFrameError):
        ev.cs.sessions(activity=ev["event"] == "export")


def test_sample_derived_sessions_match_plain_pandas(company):
    ev = company.events
    got = ev.cs.sessions(session_col=None)
    e = ev.sort_values(["user_id", "timestamp"], kind="stable")
    gap = e["timestamp"].diff()
    new = (e["user_id"] != e["user_id"].shift()) | (gap > pd.Timedelta(minutes=30))
    sid = new.cumsum()
    g = e.groupby(sid)
    span = (g["timestamp"].max() - g["timestamp"].min()).dt.total_seconds()
    last = g["duration_s"].last()
    assert len(got) == new.sum()
    assert got["duration_s"].sum() == pytest.approx((span + last).sum())
    assert got["events"].tolist() == g.size().tolist()  # same order: user, then start


def test_sample_given_sessions_match_plain_pandas(company):
    ev = company.events
    got = ev.cs.session_duration(period="M")
    g = ev.groupby("session_id")
    span = (g["timestamp"].max() - g["timestamp"].min()).dt.total_seconds()
    last = ev.sort_values("timestamp", kind="stable").groupby("session_id")["duration_s"].last()
    per = pd.DataFrame({"seconds": span + last, "month": g["timestamp"].min().dt.to_period("M")})
    expected = per.groupby("month")["seconds"].agg(["size", "mean", "median"])
    oct_ = got.loc["2026-10"]
    assert oct_["sessions"] == expected.loc["2026-10", "size"]
    assert oct_["session_duration"] == pytest.approx(expected.loc["2026-10", "mean"])
    assert oct_["median_seconds"] == pytest.approx(expected.loc["2026-10", "median"])
    assert (got["session_duration"] == got["total_seconds"] / got["sessions"]).all()


@given(
    gaps=st.lists(st.integers(0, 7200), min_size=1, max_size=40),
    t1=st.integers(60, 3600),
    t2=st.integers(60, 3600),
)
def test_property_longer_timeout_never_makes_more_sessions(gaps, t1, t2):
    ts = pd.Timestamp("2026-10-01") + pd.to_timedelta(np.cumsum(gaps), unit="s")
    ev = pd.DataFrame({"user_id": 1, "timestamp": ts})
    short, long_ = sorted((t1, t2))
    n_short = len(ev.cs.sessions(timeout=short))
    n_long = len(ev.cs.sessions(timeout=long_))
    assert n_long <= n_short
    # a session per gap above the timeout, plus the first
    assert n_short == 1 + sum(g > short for g in gaps[1:])


@pytest.mark.parametrize("in_time_order", [True, False])
def test_user_session_cut_is_lexsort(in_time_order):
    # counting sorts by session then user = lexsort by (user, session, time) when the log is
    # in time order; many ties in time, sessions numbered across users
    rng = np.random.default_rng(11)
    ts = rng.integers(0, 40, 5_000)
    ts = np.sort(ts) if in_time_order else ts
    users, session_ids = rng.integers(0, 30, 5_000), rng.integers(0, 200, 5_000)
    order, new = sessions_module._user_session_cut(users, session_ids, ts)
    expected = np.lexsort((ts, session_ids, users))
    np.testing.assert_array_equal(order, expected)
    pair = users[expected] * 1_000 + session_ids[expected]
    np.testing.assert_array_equal(new, np.r_[True, pair[1:] != pair[:-1]])


@pytest.mark.parametrize("ids", [["s9", "s10", "s9", "a", "s10", "zz"], ["", "x", ""],
                                 ["세션-1", "세션-2", "세션-1"], [5, 3, 5]])
def test_first_seen_codes_are_factorize(ids):
    # packed short ids (the first three lists but the Korean one, over 8 bytes) and the rest
    values = pd.Series(ids, dtype="str" if isinstance(ids[0], str) else None)
    np.testing.assert_array_equal(log_sessions_module.first_seen_codes(values),
                                  pd.factorize(values)[0])



@pytest.mark.parametrize("rows", [[0, 1, 2, 3], [3, 1, 0, 2], [1, 0, 2, 3]])
def test_given_sessions_starting_together_keep_first_appearance(rows):
    # u1's sessions "b" and "a" both start at 09:00; "b" appears first in the log, so it is
    # listed first (by user, start, then first appearance), whatever path orders the events:
    # two counting sorts for a log in time order, a three-key sort for any other log
    ev = pd.DataFrame({
        "user_id": ["u0", "u1", "u1", "u1"],
        "session_id": ["z", "b", "a", "a"],
        "timestamp": pd.to_datetime(["2026-10-01 08:00", "2026-10-01 09:00",
                                     "2026-10-01 09:00", "2026-10-01 09:20"]),
    }).iloc[rows].reset_index(drop=True)
    out = ev.cs.sessions()
    first_b = rows.index(1) < min(rows.index(2), rows.index(3))  # which id appears first
    expected = ["z", "b", "a"] if first_b else ["z", "a", "b"]
    assert out["session"].tolist() == expected
    assert out["events"].tolist() == ([1, 1, 2] if first_b else [1, 2, 1])
    assert out["duration_s"].tolist() == ([0.0, 0.0, 1200.0] if first_b else [0.0, 1200.0, 0.0])


def test_log_in_time_order_is_cut_from_first_and_last_rows_by_hand():
    # u2's session x (rows 0, 3) and u1's sessions y (rows 1, 4) and z (row 2) interleave
    ev = pd.DataFrame({
        "user_id": ["u2", "u1", "u1", "u2", "u1"],
        "session_id": ["x", "y", "z", "x", "y"],
        "timestamp": pd.to_datetime(["2026-10-01 09:00", "2026-10-01 09:01", "2026-10-01 09:02",
                                     "2026-10-01 09:05", "2026-10-01 09:30"]),
        "duration_s": [10, 20, 30, 40, 50],
    })
    found = log_sessions_module.log_sessions(ev["user_id"], ev["session_id"], "user_id",
                                             events=True)
    assert found.first.tolist() == [0, 1, 2] and found.last.tolist() == [3, 4, 2]
    assert found.events.tolist() == [2, 2, 1]
    assert found.by_user.tolist() == [1, 2, 0]  # u1 (y, z), then u2 (x)
    out = ev.cs.sessions()
    assert out["session"].tolist() == ["y", "z", "x"]
    # y: 09:01 → 09:30 plus 50 s on its last screen; z: one event of 30 s; x: 5 min + 40 s
    assert out["duration_s"].tolist() == [29 * 60 + 50, 30, 5 * 60 + 40]
    assert ev.cs.session_duration(period=None) == pytest.approx((1790 + 30 + 340) / 3)


def test_a_session_id_used_by_two_users_is_two_sessions():
    ev = pd.DataFrame({"user_id": ["a", "b", "a"], "session_id": ["s", "s", "s"],
                       "timestamp": pd.to_datetime(["2026-10-01 09:00", "2026-10-01 09:01",
                                                    "2026-10-01 09:10"])})
    assert log_sessions_module.log_sessions(ev["user_id"], ev["session_id"], "user_id",
                                            events=False) is None  # the sort handles it
    out = ev.cs.sessions()
    assert out["user_id"].tolist() == ["a", "b"] and out["events"].tolist() == [2, 1]
    assert out["duration_s"].tolist() == [600.0, 0.0]


@pytest.mark.parametrize("seed", range(12))
def test_log_in_time_order_equals_sorting_the_events(monkeypatch, seed):
    # the cut from first and last rows against the sort by (user, session, time), in steps
    # of a few rows: ids of every kind, ties in time, one-event sessions, aware times
    from cskit.metrics import _ids

    rng = np.random.default_rng(seed)
    n_sessions = 120
    owner = rng.integers(0, 15, n_sessions)
    start = np.sort(rng.integers(0, 86_400 * 40, n_sessions)) // (60 if seed % 2 else 1)
    rows = [(owner[s], s, start[s] + gap) for s in range(n_sessions)
            for gap in np.sort(rng.integers(0, 1_800, int(rng.integers(1, 5))))]
    log = pd.DataFrame(rows, columns=["u", "s", "t"]).sort_values("t", kind="stable")
    user_ids = [np.char.add("user", log["u"].astype(str)), log["u"].to_numpy() * 3 - 7,
                np.char.add("고객-", log["u"].astype(str))][seed % 3]
    session_ids = [np.char.add("S", log["s"].astype(str)), log["s"].to_numpy() + 10**6,
                   np.char.add("session-", log["s"].astype(str))][seed // 3 % 3]
    ev = pd.DataFrame({"user_id": user_ids, "session_id": session_ids,
                       "timestamp": pd.Timestamp("2026-03-01") + pd.to_timedelta(log["t"], "s"),
                       "duration_s": rng.integers(0, 90, len(log)) if seed % 4 else
                       np.where(rng.random(len(log)) < 0.3, np.nan, rng.random(len(log)) * 60)})
    if seed % 5 == 4:
        ev["timestamp"] = ev["timestamp"].dt.tz_localize("Europe/Paris", nonexistent="shift_forward")
    if seed % 6 == 5:
        ev["user_id"] = ev["user_id"].astype("category")
    monkeypatch.setattr(log_sessions_module, "STEP", 8)
    monkeypatch.setattr(_ids, "STEP", 8)
    assert log_sessions_module.log_sessions(ev["user_id"], ev["session_id"], "user_id",
                                            events=True) is not None
    cut = (ev.cs.sessions(), ev.cs.session_duration(), ev.cs.session_duration(period=None))
    monkeypatch.setattr(sessions_module, "log_sessions", lambda *args, **kwargs: None)
    sort = (ev.cs.sessions(), ev.cs.session_duration(), ev.cs.session_duration(period=None))
    pd.testing.assert_frame_equal(cut[0], sort[0], check_exact=True)
    pd.testing.assert_frame_equal(cut[1], sort[1], check_exact=True)
    assert cut[2] == sort[2]
