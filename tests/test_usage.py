"""Product usage: DAU/WAU/MAU (the sweep), stickiness, usage, feature adoption, first login.

Numbers are worked by hand in the comments, or recomputed on the sample company
with plain pandas written here (no cskit code), or checked as properties.
"""

from __future__ import annotations

import importlib

import matplotlib

matplotlib.use("Agg")

import matplotlib.pyplot as plt  # noqa: E402
import numpy as np  # noqa: E402
import pandas as pd  # noqa: E402
import pytest  # noqa: E402
from hypothesis import given  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

import cskit  # noqa: E402
from cskit.errors import (  # noqa: E402
    ColumnTypeError,
    CskitWarning,
    EmptyFrameError,
    InvalidParameterError,
    InvalidValueError,
    MissingColumnError,
)
from cskit.plotting import (  # noqa: E402
    active_users_trend,
    feature_adoption_bars,
    session_histogram,
    stickiness_trend,
)

# the shared helpers of the event KPIs (private module)
usage_mod = importlib.import_module("cskit.metrics._events")

KEY_FEATURES = ["create_report", "share_report", "export", "api_call", "use_insights",
                "invite_user"]


@pytest.fixture(autouse=True)
def _english_and_close():
    cskit.set_language("en")
    yield
    plt.close("all")
    cskit.set_language("en")


def events(rows: list[tuple[object, str]], **extra: list[object]) -> pd.DataFrame:
    """An events frame from (user, 'YYYY-MM-DD HH:MM') pairs."""
    frame = pd.DataFrame(rows, columns=["user_id", "timestamp"])
    frame["timestamp"] = pd.to_datetime(frame["timestamp"])
    for name, values in extra.items():
        frame[name] = values
    return frame


@pytest.fixture(scope="module")
def sample_days(company) -> pd.DataFrame:
    """Distinct (user, day) of the sample events, by plain pandas."""
    ev = company.events
    return pd.DataFrame({"user_id": ev["user_id"], "day": ev["timestamp"].dt.normalize()})


def brute_force(frame: pd.DataFrame, window: int) -> pd.Series:
    """Distinct users in the trailing ``window`` days for every day, by expanding user-days."""
    days = pd.DataFrame({"user": frame["user_id"].to_numpy(),
                         "day": frame["timestamp"].dt.normalize().to_numpy()}).drop_duplicates()
    first, last = days["day"].min(), days["day"].max()
    covered = days.loc[days.index.repeat(window)].copy()
    covered["day"] = covered["day"] + pd.to_timedelta(np.tile(np.arange(window), len(days)), "D")
    counts = covered.drop_duplicates().groupby("day")["user"].size()
    return counts.reindex(pd.date_range(first, last, freq="D"), fill_value=0)


# ---------------------------------------------------------------- active_users by hand


def test_active_users_by_hand():
    # u1 on Oct 1, 2, 9; u2 on Oct 1; u3 on Oct 9; window 7 (MAU) and WAU 7:
    # Oct 1: dau {u1,u2}=2, mau 2;  Oct 2: dau {u1}=1, window Sep 26–Oct 2 {u1,u2}=2;
    # Oct 7: window Oct 1–7 {u1,u2}=2;  Oct 8: window Oct 2–8 {u1}=1;
    # Oct 9: dau {u1,u3}=2, window Oct 3–9 {u1,u3}=2.
    ev = events([(1, "2026-10-01 09:00"), (2, "2026-10-01 12:00"), (1, "2026-10-02 09:00"),
                 (3, "2026-10-09 08:00"), (1, "2026-10-09 10:00"), (1, "2026-10-09 11:00")])
    au = ev.cs.active_users(window=7)
    assert au.index[0] == pd.Timestamp("2026-10-01") and len(au) == 9
    assert au["dau"].tolist() == [2, 1, 0, 0, 0, 0, 0, 0, 2]
    assert au["mau"].tolist() == [2, 2, 2, 2, 2, 2, 2, 1, 2]
    assert au["wau"].tolist() == au["mau"].tolist()  # same 7-day window
    assert au.loc["2026-10-09", "dau_mau"] == 1.0
    assert au.loc["2026-10-08", "dau_mau"] == 0.0
    assert au["complete"].tolist() == [False] * 6 + [True] * 3  # day 7 is the first full window


def test_trailing_window_28_vs_30():
    # User 1 on Oct 1 only: in MAU (28) through Oct 28 (window Oct 1–28), in MAU (30)
    # through Oct 30 (window Oct 1–30). User 2 on Oct 30.
    ev = events([(1, "2026-10-01 10:00"), (2, "2026-10-30 10:00")])
    m28 = ev.cs.active_users(window=28)["mau"]
    m30 = ev.cs.active_users(window=30)["mau"]
    assert m28.loc["2026-10-28"] == 1 and m28.loc["2026-10-29"] == 0
    assert m28.loc["2026-10-30"] == 1  # only user 2
    assert m30.loc["2026-10-29"] == 1 and m30.loc["2026-10-30"] == 2


def test_a_user_active_every_day_counts_once():
    # Daily activity for 10 days: MAU stays 1 (covers clipped at the next active day).
    ev = events([(7, f"2026-10-{d:02d} 10:00") for d in range(1, 11)])
    au = ev.cs.active_users(window=28)
    assert au["mau"].tolist() == [1] * 10
    assert au["dau_mau"].tolist() == [1.0] * 10


def test_start_end_keep_earlier_activity_in_the_window():
    ev = events([(1, "2026-09-20 10:00"), (2, "2026-10-05 10:00")])
    au = ev.cs.active_users(window=28, start="2026-10-01", end="2026-10-05")
    assert au.index[0] == pd.Timestamp("2026-10-01") and au.index[-1] == pd.Timestamp("2026-10-05")
    # Oct 1: window Sep 4 – Oct 1 holds user 1 (Sep 20), although Sep 20 is not reported.
    assert au.loc["2026-10-01", "mau"] == 1
    assert au.loc["2026-10-05", "mau"] == 2


def test_freq_month_reports_the_last_day_of_each_month():
    ev = events([(1, "2026-09-03 10:00"), (2, "2026-09-29 10:00"), (3, "2026-10-15 10:00")])
    daily = ev.cs.active_users(window=28)
    monthly = ev.cs.active_users(window=28, freq="M")
    assert monthly.index.tolist() == [pd.Period("2026-09", "M"), pd.Period("2026-10", "M")]
    assert monthly.index.name == "period"
    # Sep 30: window Sep 3–30 = {1, 2}; the data's last day Oct 15: window Sep 18–Oct 15 = {2, 3}.
    assert monthly["mau"].tolist() == [2, 2]
    assert monthly.loc["2026-09", "mau"] == daily.loc["2026-09-30", "mau"]


def test_active_filter_forms_agree():
    ev = events([(1, "2026-10-01 09:00"), (2, "2026-10-01 10:00"), (2, "2026-10-02 10:00")],
                event=["login", "create_report", "login"])
    by_list = ev.cs.active_users(activity=["create_report"], window=7)
    by_mask = ev.cs.active_users(activity=ev["event"] == "create_report", window=7)
    by_func = ev.cs.active_users(activity=lambda d: d["event"].eq("create_report"), window=7)
    pd.testing.assert_frame_equal(by_list, by_mask)
    pd.testing.assert_frame_equal(by_list, by_func)
    # only user 2 created a report, on Oct 1: one day, DAU 1
    assert by_list["dau"].tolist() == [1] and by_list["mau"].tolist() == [1]


def test_active_filter_errors_and_warning():
    ev = events([(1, "2026-10-01 09:00")], event=["login"])
    with pytest.raises(InvalidValueError, match="None of the events.*'creat_report'"):
        ev.cs.active_users(activity=["creat_report"])
    with pytest.warns(CskitWarning, match="'typo'"):
        ev.cs.active_users(activity=["login", "typo"])
    with pytest.raises(InvalidParameterError, match="length 2"):
        ev.cs.active_users(activity=np.array([True, False]))
    with pytest.raises(InvalidParameterError, match="empty list"):
        ev.cs.active_users(activity=[])
    with pytest.raises(EmptyFrameError, match="activity definition"):
        ev.cs.active_users(activity=ev["event"] == "export")
    with pytest.raises(InvalidParameterError, match="activity= function failed"):
        ev.cs.active_users(activity=lambda d: d["nope"] == 1)
    with pytest.raises(MissingColumnError, match="'event'"):
        ev.drop(columns="event").cs.active_users(activity=["login"])


def test_bad_input_is_reported():
    ev = events([(1, "2026-10-01 09:00"), (None, "2026-10-02 09:00")])
    with pytest.raises(InvalidValueError, match="'user_id'.*1 missing"):
        ev.cs.active_users()
    good = events([(1, "2026-10-01 09:00")])
    with pytest.raises(InvalidParameterError, match="window=0"):
        good.cs.active_users(window=0)
    with pytest.raises(InvalidParameterError, match="freq='H'"):
        good.cs.active_users(freq="H")
    with pytest.raises(MissingColumnError, match="'timestamp'.*pass time_col="):
        good.rename(columns={"timestamp": "ts"}).cs.active_users()
    with pytest.raises(ColumnTypeError, match="'timestamp'.*not dates"):
        pd.DataFrame({"user_id": [1], "timestamp": ["yesterday"]}).cs.active_users()
    with pytest.raises(EmptyFrameError):
        good.iloc[:0].cs.active_users()


def test_by_splits_and_a_user_counts_in_each_group():
    # u1 uses area A on Oct 1 and B on Oct 2; u2 uses A on Oct 2.
    ev = events([(1, "2026-10-01 09:00"), (1, "2026-10-02 09:00"), (2, "2026-10-02 10:00")],
                area=["A", "B", "A"])
    au = ev.cs.active_users(window=7, by="area")
    assert au.index.names == ["date", "area"]
    assert au.loc[(pd.Timestamp("2026-10-02"), "A"), "mau"] == 2  # u1 (Oct 1) and u2
    assert au.loc[(pd.Timestamp("2026-10-02"), "B"), "mau"] == 1
    assert au.loc[(pd.Timestamp("2026-10-01"), "B"), "mau"] == 0
    total = ev.cs.active_users(window=7)
    assert total.loc["2026-10-02", "mau"] == 2  # not 3: u1 counts once company-wide
    numbered = ev.assign(area=ev["area"].map({"A": 1, "B": 5})).cs.active_users(by="area")
    assert numbered.index.get_level_values("area").unique().tolist() == [1, 5]  # no 2, 3, 4


def test_int_and_string_ids_and_both_dedup_paths_agree(monkeypatch, company):
    ev = company.events[["user_id", "timestamp"]].iloc[:50_000]
    as_str = ev.cs.active_users()
    codes = ev.assign(user_id=ev["user_id"].str[1:].astype("int64") * 3 + 10)
    pd.testing.assert_frame_equal(codes.cs.active_users(), as_str)
    monkeypatch.setattr(usage_mod, "_BITMAP_LIMIT", 0)  # force the sort path
    pd.testing.assert_frame_equal(ev.cs.active_users(), as_str)


@given(st.lists(st.text(alphabet="ab0\x00é", max_size=4) | st.sampled_from(["U000001", "U000002",
                                                                          "abcdefgh", "x" * 9]),
                min_size=1, max_size=50))
def test_property_short_string_ids_code_like_factorize(ids):
    # Short ids are packed into integers and numbered without hashing; the codes must split
    # the rows exactly as pd.factorize does (same id ⇔ same code), whatever the lengths.
    values = pd.Series(ids, dtype="str")
    codes, uniques = usage_mod._codes(values, "user_id")
    reference = pd.factorize(values)[0]
    assert len(uniques) >= len(set(ids))
    assert (pd.Series(codes).groupby(reference).nunique() == 1).all()
    assert (pd.Series(reference).groupby(codes).nunique() == 1).all()


def test_sliced_and_chunked_string_ids_are_read_correctly():
    ids = pd.Series([f"U{i % 7:06d}" for i in range(40)], dtype="str")
    both = pd.concat([ids.iloc[5:20], ids.iloc[25:]])  # a slice and two Arrow chunks
    codes, _ = usage_mod._codes(both, "user_id")
    reference = pd.factorize(both)[0]
    assert (pd.Series(codes).groupby(reference).nunique() == 1).all()
    assert (pd.Series(reference).groupby(codes).nunique() == 1).all()


def test_caller_frame_is_not_modified(unchanged, company):
    ev = company.events.iloc[:5000].copy()
    unchanged(cskit.metrics.active_users, ev, activity=["login"], by="event")
    unchanged(cskit.metrics.stickiness, ev, mau="trailing")
    unchanged(cskit.metrics.usage, ev, key_features=["export"], accounts=company.accounts)
    unchanged(cskit.metrics.feature_adoption, ev, features=["export"])


# ---------------------------------------------------------------- on the sample company


def test_sample_dau_wau_mau_match_plain_pandas_on_every_day(company):
    ev = company.events
    au = ev.cs.active_users(window=28)
    day = ev["timestamp"].dt.normalize()
    dau = ev.groupby(day)["user_id"].nunique()
    dau = dau.reindex(pd.date_range(day.min(), day.max(), freq="D"), fill_value=0)
    assert au["dau"].tolist() == dau.tolist()
    assert au["mau"].tolist() == brute_force(ev, 28).tolist()
    assert au["wau"].tolist() == brute_force(ev, 7).tolist()


def test_sample_mau_on_given_days_is_trailing_nunique(company):
    ev = company.events
    day = ev["timestamp"].dt.normalize()
    au30 = ev.cs.active_users(window=30)
    for d in ["2024-02-29", "2025-06-15", "2026-10-31"]:
        d = pd.Timestamp(d)
        inside = (day > d - pd.Timedelta(days=30)) & (day <= d)
        assert au30.loc[d, "mau"] == ev.loc[inside, "user_id"].nunique()


def test_sample_activity_definition_and_segments(company):
    ev = company.events.merge(company.accounts[["account_id", "segment"]], on="account_id")
    au = ev.cs.active_users(activity=["create_report", "share_report"], by="segment")
    d = pd.Timestamp("2026-09-30")
    day = ev["timestamp"].dt.normalize()
    inside = (day > d - pd.Timedelta(days=28)) & (day <= d)
    acting = ev["event"].isin(["create_report", "share_report"])
    expected = ev.loc[inside & acting].groupby("segment")["user_id"].nunique()
    assert au.xs(d, level="date")["mau"].to_dict() == expected.to_dict()


# ---------------------------------------------------------------- stickiness


def test_stickiness_catalogue_figure():
    # Daily uniques 10, 1, 1, 1, 1, 1, 1 with MAU 10: mean DAU = 16 / 7 = 2.2857;
    # 2.2857 / 10 = 0.229 (the catalogue's reference figure).
    ev = events([(u, "2026-10-01 10:00") for u in range(10)]
                + [(0, f"2026-10-{d:02d} 10:00") for d in range(2, 8)])
    assert round(ev.cs.stickiness(period=None), 3) == 0.229
    monthly = ev.cs.stickiness(period="M", mau="calendar")
    assert monthly.loc["2026-10", "days"] == 7  # the data span, not the 31 days of October
    assert monthly.loc["2026-10", "mau"] == 10
    assert monthly.loc["2026-10", "mean_dau"] == pytest.approx(16 / 7)
    assert monthly.loc["2026-10", "stickiness"] == pytest.approx(16 / 70)
    assert monthly.loc["2026-10", "numerator"] == pytest.approx(16 / 7)
    assert monthly.loc["2026-10", "denominator"] == 10
    # default (trailing 28-day MAU = 10 every day): ratios 1.0 and six times 0.1 → 1.6 / 7
    trailing = ev.cs.stickiness(period="M")
    assert trailing.loc["2026-10", "stickiness"] == pytest.approx(1.6 / 7)
    assert trailing.loc["2026-10", "numerator"] == pytest.approx(1.6)
    assert trailing.loc["2026-10", "denominator"] == 7


def test_stickiness_trailing_by_hand():
    # u1 every day Oct 1–3, u2 on Oct 1, window 2:
    # Oct 1: dau 2, mau {1,2}=2 → 1;  Oct 2: dau 1, mau {1,2}=2 → 0.5;  Oct 3: dau 1, mau {1}=1 → 1.
    # mean of ratios = 2.5 / 3; mean trailing MAU = 5 / 3.
    ev = events([(1, "2026-10-01 10:00"), (2, "2026-10-01 11:00"), (1, "2026-10-02 10:00"),
                 (1, "2026-10-03 10:00")])
    res = ev.cs.stickiness(period="M", mau="trailing", window=2)
    assert res.loc["2026-10", "stickiness"] == pytest.approx(2.5 / 3)
    assert res.loc["2026-10", "mau"] == pytest.approx(5 / 3)
    # calendar: mean DAU 4/3 over 2 users of October = 2/3
    calendar = ev.cs.stickiness(period="M", mau="calendar")
    assert calendar.loc["2026-10", "stickiness"] == pytest.approx(2 / 3)
    assert ev.cs.stickiness(period="M", window=2).equals(res)  # trailing is the default


def test_sample_stickiness_matches_plain_pandas(company):
    ev = company.events
    got = ev.cs.stickiness(period="M", mau="calendar")
    day = ev["timestamp"].dt.normalize()
    oct_ = day.dt.to_period("M") == pd.Period("2026-10", "M")
    daily = ev[oct_].groupby(day[oct_])["user_id"].nunique()
    daily = daily.reindex(pd.date_range("2026-10-01", "2026-10-31"), fill_value=0)
    expected = daily.mean() / ev.loc[oct_, "user_id"].nunique()
    assert got.loc["2026-10", "stickiness"] == pytest.approx(expected)
    assert got.loc["2026-10", "days"] == 31
    # trailing form = the mean of the daily DAU/MAU ratios of active_users over October
    trailing = ev.cs.stickiness(period="M", mau="trailing", window=28)
    ratio = ev.cs.active_users(window=28).loc["2026-10", "dau_mau"].mean()
    assert trailing.loc["2026-10", "stickiness"] == pytest.approx(ratio)


def test_stickiness_by_segment_on_sample(company):
    ev = company.events.merge(company.accounts[["account_id", "segment"]], on="account_id")
    got = ev.cs.stickiness(by="segment", mau="calendar")
    assert got.index.names == ["period", "segment"]
    smb = ev[(ev["segment"] == "SMB") & (ev["timestamp"].dt.to_period("M") == "2026-09")]
    daily = smb.groupby(smb["timestamp"].dt.normalize())["user_id"].nunique()
    daily = daily.reindex(pd.date_range("2026-09-01", "2026-09-30"), fill_value=0)
    expected = daily.mean() / smb["user_id"].nunique()
    assert got.loc[(pd.Period("2026-09", "M"), "SMB"), "stickiness"] == pytest.approx(expected)
    whole = ev.cs.stickiness(by="segment", period=None)
    assert whole.index.name == "segment" and len(whole) == 3


# ---------------------------------------------------------------- properties

rows_strategy = st.lists(
    st.tuples(st.integers(0, 6), st.integers(0, 45), st.integers(0, 23)), min_size=1, max_size=60
)


def _from_rows(rows: list[tuple[int, int, int]]) -> pd.DataFrame:
    return pd.DataFrame({
        "user_id": [r[0] for r in rows],
        "timestamp": pd.Timestamp("2026-01-01") + pd.to_timedelta(
            [r[1] * 24 + r[2] for r in rows], unit="h"),
    })


@given(rows=rows_strategy, window=st.integers(7, 35))
def test_property_dau_le_wau_le_mau_and_equal_brute_force(rows, window):
    ev = _from_rows(rows)
    au = ev.cs.active_users(window=window)
    assert (au["dau"] <= au["wau"]).all() and (au["wau"] <= au["mau"]).all()
    assert au["mau"].tolist() == brute_force(ev, window).tolist()
    assert au["dau_mau"].dropna().between(0, 1).all()
    assert au["dau_mau"].isna().tolist() == (au["mau"] == 0).tolist()


@given(rows=rows_strategy, period=st.sampled_from(["M", "Q", None]),
       mau=st.sampled_from(["calendar", "trailing"]))
def test_property_stickiness_in_unit_interval(rows, period, mau):
    result = _from_rows(rows).cs.stickiness(period=period, mau=mau)
    values = pd.Series([result]) if period is None else result["stickiness"]
    assert values.dropna().between(0, 1).all()


# ---------------------------------------------------------------- usage, adoption


def test_usage_by_hand():
    # Account a (4 seats): u1 on Oct 1 and 3, u2 on Oct 3 → 2 active days, 2 users,
    # breadth 2/4 = 0.5; key features used {report} of 2 → depth 0.5.
    # Account b (1 seat): u3 on Oct 5 → 1 day, breadth 1/1, depth 0.
    ev = pd.DataFrame({"user_id": [1, 1, 2, 3], "account_id": ["a", "a", "a", "b"],
                       "timestamp": pd.to_datetime(["2026-10-01", "2026-10-03", "2026-10-03",
                                                    "2026-10-05"]),
                       "event": ["login", "report", "login", "login"]})
    acc = pd.DataFrame({"account_id": ["a", "b"], "seats": [4, 1]})
    u = ev.cs.usage(accounts=acc, key_features=["report", "export"])
    a = u.loc[(pd.Period("2026-10", "M"), "a")]
    assert (a["events"], a["active_days"], a["active_users"], a["seats"]) == (3, 2, 2, 4)
    assert (a["breadth"], a["key_features_used"], a["depth"]) == (0.5, 1, 0.5)
    b = u.loc[(pd.Period("2026-10", "M"), "b")]
    assert (b["breadth"], b["depth"]) == (1.0, 0.0)
    # activity = reports only: a has 1 active day and 1 active user; b none
    only = ev.cs.usage(accounts=acc, activity=["report"])
    assert only["active_days"].tolist() == [1, 0]
    by_user = ev.cs.usage(per="user", period=None)
    assert by_user.index.name == "user_id" and by_user.loc[1, "active_days"] == 2


def test_usage_on_sample_matches_plain_pandas(company):
    ev, acc = company.events, company.accounts
    u = ev.cs.usage(accounts=acc, key_features=KEY_FEATURES).xs(pd.Period("2026-10", "M"))
    oct_ = ev[ev["timestamp"].dt.to_period("M") == "2026-10"]
    g = oct_.groupby("account_id")
    seats = acc.set_index("account_id")["seats"]
    expected = pd.DataFrame({
        "active_days": g["timestamp"].agg(lambda s: s.dt.normalize().nunique()),
        "breadth": g["user_id"].nunique() / seats.reindex(g.size().index),
        "depth": oct_[oct_["event"].isin(KEY_FEATURES)].groupby("account_id")["event"]
        .nunique().reindex(g.size().index, fill_value=0) / len(KEY_FEATURES),
    })
    pd.testing.assert_frame_equal(u[["active_days", "breadth", "depth"]], expected,
                                  check_names=False, check_dtype=False)


def test_usage_rejects_bad_accounts(company):
    ev = company.events.iloc[:100]
    bad = company.accounts.assign(seats=0)
    with pytest.raises(InvalidValueError, match="'seats'.*<= 0"):
        ev.cs.usage(accounts=bad)
    dup = pd.concat([company.accounts.iloc[:3], company.accounts.iloc[:1]])
    with pytest.raises(InvalidValueError, match="repeats account ids.*'A00001'"):
        ev.cs.usage(accounts=dup)
    with pytest.raises(InvalidParameterError, match="key_features is empty"):
        ev.cs.usage(key_features=[])


def test_feature_adoption_by_hand():
    # Active accounts a, b, c; report used by a, export by c: 1/3 each; nobody used "api".
    ev = pd.DataFrame({"account_id": ["a", "a", "b", "c"],
                       "timestamp": pd.to_datetime(["2026-10-01"] * 4),
                       "event": ["login", "report", "login", "export"]})
    res = ev.cs.feature_adoption(features=["report", "export", "api"], period=None)
    assert res["adopters"].tolist() == [1, 1, 0]
    assert res["active"].tolist() == [3, 3, 3]
    assert res["feature_adoption"].tolist() == pytest.approx([1 / 3, 1 / 3, 0.0])
    assert res["numerator"].tolist() == [1, 1, 0] and res["denominator"].tolist() == [3, 3, 3]
    # active = logged in: c never logged in, so it is neither active nor an adopter
    logged = ev.cs.feature_adoption(features=["report", "export"], period=None, activity=["login"])
    assert logged["adopters"].tolist() == [1, 0] and logged["active"].tolist() == [2, 2]


def test_feature_adoption_on_sample_matches_plain_pandas(company):
    ev = company.events
    res = ev.cs.feature_adoption(features=["use_insights", "export"], period="Q")
    q = ev[ev["timestamp"].dt.to_period("Q") == "2026Q3"]
    active = q["account_id"].nunique()
    used = q[q["event"] == "use_insights"]["account_id"].nunique()
    row = res.loc[(pd.Period("2026Q3", "Q"), "use_insights")]
    assert (row["adopters"], row["active"]) == (used, active)
    users = ev.cs.feature_adoption(features=["export"], per="user", period=None)
    assert users.loc["export", "active"] == ev["user_id"].nunique()


# ---------------------------------------------------------------- first-login rate


def test_first_login_rate_by_hand():
    # Sign-ups Oct 1 (4) and Oct 28 (1), cut-off Oct 31, 7 days:
    # a (same day) and b (5 days) count; c (19 days) and d (never) do not: 2 / 4.
    # e signed up Oct 28: its 7 days end Nov 4, after the cut-off → too recent.
    acc = pd.DataFrame({
        "account_id": list("abcde"),
        "signup_at": pd.to_datetime(["2026-10-01"] * 4 + ["2026-10-28"]),
        "first_login_at": pd.to_datetime(["2026-10-01", "2026-10-06", "2026-10-20", None,
                                          "2026-10-29"]),
    })
    res = acc.cs.first_login_rate(within_days=7, as_of="2026-10-31")
    row = res.loc["2026-10"]
    assert (row["new_accounts"], row["logged_in"], row["too_recent"]) == (4, 2, 1)
    assert row["first_login_rate"] == 0.5
    assert (row["numerator"], row["denominator"]) == (2, 4)
    # 7 × 24 hours exactly still counts; a minute later does not
    edge = pd.DataFrame({"account_id": ["x", "y"],
                         "signup_at": pd.to_datetime(["2026-10-01 10:00"] * 2),
                         "first_login_at": pd.to_datetime(["2026-10-08 10:00",
                                                           "2026-10-08 10:01"])})
    assert edge.cs.first_login_rate(period=None, as_of="2026-12-01") == 0.5


def test_first_login_rate_on_sample_matches_plain_pandas(company):
    acc = company.accounts
    got = acc.cs.first_login_rate(within_days=7, period="Q", as_of="2026-10-31 23:59:59")
    q = acc[acc["signup_at"].dt.to_period("Q") == "2026Q2"]
    ok = (q["first_login_at"] - q["signup_at"]) <= pd.Timedelta(days=7)
    assert got.loc["2026Q2", "first_login_rate"] == pytest.approx(ok.sum() / len(q))
    seg = acc.cs.first_login_rate(by="segment", period=None)
    assert seg.index.name == "segment" and seg["first_login_rate"].between(0, 1).all()


def test_first_login_rate_bad_input():
    acc = pd.DataFrame({"account_id": ["a"], "signup_at": pd.to_datetime(["2026-10-05"]),
                        "first_login_at": pd.to_datetime(["2026-10-01"])})
    with pytest.raises(InvalidValueError, match="'first_login_at'.*before.*'a'"):
        acc.cs.first_login_rate()
    with pytest.raises(InvalidParameterError, match="within_days=-1"):
        acc.cs.first_login_rate(within_days=-1)


def test_kpis_lists_the_usage_metrics(company):
    methods = set(company.events.cs.kpis()["method"])
    assert {"active_users", "stickiness", "usage", "feature_adoption",
            "session_duration"} <= methods
    assert "first_login_rate" in set(company.accounts.cs.kpis()["method"])


# ---------------------------------------------------------------- plots


def test_active_users_trend_draws_the_result(company):
    au = company.events.cs.active_users()
    ax = active_users_trend(au)
    assert [line.get_label() for line in ax.lines] == ["DAU", "WAU (7 days)",
                                                        "MAU (trailing window)"]
    assert ax.lines[2].get_ydata().tolist() == au["mau"].tolist()
    np.testing.assert_allclose(ax.right_ax.lines[0].get_ydata(), au["dau_mau"].to_numpy())
    cskit.set_language("ko")
    assert active_users_trend(au).get_title() == "일간·주간·월간 활성 사용자"


def test_usage_plots_reject_other_results(company):
    with pytest.raises(InvalidParameterError, match="active_users"):
        active_users_trend(company.events.cs.stickiness())
    with pytest.raises(InvalidParameterError, match="split by segment"):
        stickiness_trend(company.events.cs.stickiness(by="event"))
    with pytest.raises(InvalidParameterError, match="feature_adoption"):
        feature_adoption_bars(pd.DataFrame({"x": [1]}))


def test_stickiness_trend_and_adoption_bars(company):
    ev = company.events
    runs = {"any": ev.cs.stickiness(), "reports": ev.cs.stickiness(activity=["create_report"])}
    ax = stickiness_trend(runs)
    assert [line.get_label() for line in ax.lines] == ["any", "reports"]
    assert ax.lines[1].get_ydata().tolist() == runs["reports"]["stickiness"].tolist()
    res = ev.cs.feature_adoption(features=["export", "use_insights"])
    ax = feature_adoption_bars(res, period="2026-09")
    widths = sorted(p.get_width() for p in ax.patches)
    assert widths == sorted(res.xs(pd.Period("2026-09", "M"))["feature_adoption"].tolist())
    assert ax.get_title() == "Feature adoption, 2026-09"


def test_session_histogram_mean_and_median(company):
    s = company.events.iloc[:20_000].cs.sessions()
    ax = session_histogram(s)
    assert ax.lines[0].get_xdata()[0] == pytest.approx(s["duration_s"].mean() / 60)
    assert ax.lines[1].get_xdata()[0] == pytest.approx(s["duration_s"].median() / 60)
    assert sum(p.get_height() for p in ax.patches) == len(s)  # long ones in the last bin
