"""Product usage from event data: DAU/WAU/MAU, stickiness, usage, adoption.

What counts as *active* is the first decision (the 16-KPI article: a like, a
design created, a task completed, a page visited …). Every function here takes
``active=``: ``None`` (any event), a list of event names, a boolean Series
aligned with the frame, or a callable ``frame -> boolean Series``.

Trailing-window distinct users (MAU) is computed with a sweep, not with a
per-day distinct count: the (user, day) pairs are deduplicated once (a bitmap
over user × day when it fits in memory, a sort otherwise), and each active
user-day *covers* the days ``[d, d + window)`` clipped at the same user's next
active day, so every (user, day) of the result is covered exactly once. A
difference array and a cumulative sum then give the distinct count for every
day at once: O(events + user-days) instead of O(days × events).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

import numpy as np
import pandas as pd

from cskit._validate import (
    as_datetime,
    as_number,
    check_choice,
    check_frame,
    check_period,
    offending,
    require_columns,
)
from cskit.errors import EmptyFrameError, InvalidParameterError, InvalidValueError
from cskit.registry import cs_method

TABLE = "events"
ActiveFilter = None | Sequence[str] | pd.Series | np.ndarray | Callable[[pd.DataFrame], pd.Series]
_DAY_US = 86_400_000_000
# Largest user × day bitmap (bytes) built for deduplication before falling back to a sort.
_BITMAP_LIMIT = 1_500_000_000


# --------------------------------------------------------------------------- helpers
def _active_mask(frame: pd.DataFrame, active: ActiveFilter, event: str) -> np.ndarray | None:
    """Boolean mask of the rows that count as activity (None = all rows)."""
    if active is None:
        return None
    if callable(active) and not isinstance(active, pd.Series):
        active = active(frame)
    if isinstance(active, (pd.Series, np.ndarray)) and (
        len(active) == len(frame) and (np.asarray(active).dtype == bool or pd.api.types.is_bool_dtype(active))
    ):
        if isinstance(active, pd.Series) and not active.index.equals(frame.index):
            raise InvalidParameterError(
                "active= is a boolean Series whose index differs from the events frame's; "
                "build it from the same frame, e.g. active=df['event'].isin([...])."
            )
        mask = np.asarray(active, dtype=bool)
        return mask
    if isinstance(active, str):
        active = [active]
    if isinstance(active, (list, tuple, set, frozenset, pd.Index, np.ndarray, pd.Series)):
        require_columns(frame, {"event": event}, TABLE)
        names = list(active)
        if not names:
            raise InvalidParameterError("active= is an empty list; name at least one event.")
        present = set(pd.unique(frame[event].to_numpy()).tolist())
        unknown = [n for n in names if n not in present]
        if len(unknown) == len(names):
            raise InvalidValueError(
                f"None of the events in active= occur in column {event!r}: "
                f"{offending(pd.Series(unknown), np.ones(len(unknown), bool))}. "
                f"Check the spelling against df[{event!r}].unique()."
            )
        return frame[event].isin(names).to_numpy()
    raise InvalidParameterError(
        "active= must be None, a list of event names, a boolean Series aligned with the "
        f"frame or a callable returning one; got {type(active).__name__}."
    )


def _day_codes(ts: pd.Series) -> np.ndarray:
    """Days since 1970-01-01 as int64 (tz-naive datetimes of any unit)."""
    return ts.to_numpy().astype("datetime64[D]").view("int64")


def _user_codes(values: pd.Series, column: str) -> tuple[np.ndarray, int]:
    """Dense-ish int64 codes for user ids and their count (upper bound).

    Integer ids spanning a small range are used as they are (offset to 0),
    which avoids a hash pass over tens of millions of rows; anything else is
    factorised.
    """
    if values.isna().any():
        raise InvalidValueError(
            f"Column {column!r} of the {TABLE} frame has {int(values.isna().sum())} missing id(s). "
            f"Drop those events or fill the id first."
        )
    arr = values.to_numpy()
    if arr.dtype.kind in "iu" and len(arr):
        lo, hi = int(arr.min()), int(arr.max())
        if hi - lo < 4 * len(arr) + 1024:
            return (arr.astype(np.int64, copy=False) - lo), hi - lo + 1
    codes, uniques = pd.factorize(values, sort=False)
    return codes.astype(np.int64, copy=False), len(uniques)


def _unique_keys(keys: np.ndarray, size: int) -> np.ndarray:
    """Sorted unique values of ``keys`` (all in ``[0, size)``).

    A bitmap of ``size`` bytes when that is small enough (a counting sort:
    linear time), else ``np.sort`` and a comparison with the neighbour.
    """
    if size <= _BITMAP_LIMIT:
        seen = np.zeros(size, dtype=bool)
        seen[keys] = True
        return np.flatnonzero(seen)
    keys = np.sort(keys)
    if len(keys) == 0:
        return keys
    keep = np.empty(len(keys), dtype=bool)
    keep[0] = True
    np.not_equal(keys[1:], keys[:-1], out=keep[1:])
    return keys[keep]

def _user_day_keys(
    frame: pd.DataFrame, *, user: str, timestamp: str, event: str, active: ActiveFilter
) -> tuple[np.ndarray, int, int]:
    """Sorted unique ``user * n_days + day`` keys of the active events, ``n_days`` and day 0.

    Works on NumPy arrays in place (one int64 array per column at most) so that
    tens of millions of events fit in memory.
    """
    check_frame(frame, TABLE)
    require_columns(frame, {"user": user, "timestamp": timestamp}, TABLE)
    mask = _active_mask(frame, active, event)
    sub = frame if mask is None else frame.loc[mask]
    if sub.empty:
        raise EmptyFrameError(
            "No event matches the activity definition (active=...). Widen it or check the event names."
        )
    days = _day_codes(as_datetime(sub, timestamp, TABLE))
    keys, n_users = _user_codes(sub[user], user)
    d0 = int(days.min())
    n_days = int(days.max()) - d0 + 1
    days -= d0
    if keys.base is not None or not keys.flags.writeable:
        keys = keys.copy()
    keys *= n_days
    keys += days
    del days
    return _unique_keys(keys, n_users * n_days), n_days, d0


def _trailing_distinct(user: np.ndarray, day: np.ndarray, n_days: int, window: int) -> np.ndarray:
    """Distinct users active in ``[d - window + 1, d]`` for every day d (the sweep).

    ``user``/``day`` are unique user-days sorted by user then day.
    """
    end = day + window
    same_user_next = np.zeros(len(day), dtype=bool)
    if len(day) > 1:
        same_user_next[:-1] = user[1:] == user[:-1]
        nxt = np.empty(len(day), dtype=day.dtype)
        nxt[:-1] = day[1:]
        nxt[-1] = 0
        np.minimum(end, nxt, out=end, where=same_user_next)
    diff = np.bincount(day, minlength=n_days + window + 1)
    diff -= np.bincount(end, minlength=n_days + window + 1)
    return np.cumsum(diff)[:n_days]


def _prepare(
    frame: pd.DataFrame,
    *,
    user: str,
    timestamp: str,
    event: str,
    active: ActiveFilter,
    extra: Sequence[str] = (),
) -> pd.DataFrame:
    """Validated events (only the active rows): user, day, timestamp and ``extra`` columns."""
    check_frame(frame, TABLE)
    require_columns(frame, {"user": user, "timestamp": timestamp, **{c: c for c in extra}}, TABLE)
    mask = _active_mask(frame, active, event)
    sub = frame if mask is None else frame.loc[mask]
    if sub.empty:
        raise EmptyFrameError(
            "No event matches the activity definition (active=...). Widen it or check the event names."
        )
    ts = as_datetime(sub, timestamp, TABLE)
    out = pd.DataFrame({"_user": sub[user].to_numpy(), "_ts": ts.to_numpy()}, index=sub.index)
    for c in extra:
        out[c] = sub[c].to_numpy()
    return out


# --------------------------------------------------------------------------- DAU / MAU
@cs_method(kpi="DAU / WAU / MAU", table="events", requires=("user_id", "timestamp"))
def active_users(
    frame: pd.DataFrame,
    *,
    window: int = 28,
    freq: str = "D",
    active: ActiveFilter = None,
    start: str | pd.Timestamp | None = None,
    end: str | pd.Timestamp | None = None,
    user: str = "user_id",
    timestamp: str = "timestamp",
    event: str = "event",
) -> pd.DataFrame:
    """Daily, weekly (7-day trailing) and monthly (trailing ``window`` days) active users.

    Parameters
    ----------
    frame : pandas.DataFrame
        An ``events`` frame (``user_id, timestamp`` and, to filter, ``event``).
    window : int, default 28
        Days in the trailing "month" (28 keeps four of each weekday; 30 is the
        other common choice). MAU on day d counts users active on any of the
        ``window`` days ending on d.
    freq : {"D"}
        One row per calendar day (days without events have DAU 0).
    active : None, list of event names, boolean Series or callable
        What counts as activity; ``None`` counts every event.
    start, end : date-like, optional
        First and last day reported (default: the data's first and last day).
        Activity before ``start`` still counts in the trailing windows.
    user, timestamp, event : str
        Column names.

    Returns
    -------
    pandas.DataFrame
        Indexed by ``date`` (one row per day): ``dau, wau, mau, dau_mau`` and
        ``complete`` (False while the trailing window reaches before the first
        event: MAU is understated there).

    Examples
    --------
    >>> import pandas as pd, cskit
    >>> ev = pd.DataFrame({"user_id": [1, 2, 1, 3, 1],
    ...     "timestamp": pd.to_datetime(["2026-10-01 09:00", "2026-10-01 12:00",
    ...     "2026-10-02 09:00", "2026-10-09 08:00", "2026-10-09 10:00"])})
    >>> au = ev.cs.active_users(window=7)
    >>> au.loc["2026-10-08":, ["dau", "wau", "mau", "dau_mau"]]  # doctest: +NORMALIZE_WHITESPACE
                dau  wau  mau  dau_mau
    date
    2026-10-08    0    1    1      0.0
    2026-10-09    2    2    2      1.0
    """
    check_choice("freq", freq, ("D",))
    if not isinstance(window, (int, np.integer)) or window < 1:
        raise InvalidParameterError(f"window={window!r} must be a positive number of days, e.g. 28 or 30.")
    window = int(window)
    keys, n_days, d0 = _user_day_keys(frame, user=user, timestamp=timestamp, event=event, active=active)
    u, d = np.divmod(keys, n_days)
    del keys
    dau = np.bincount(d, minlength=n_days)
    wau = _trailing_distinct(u, d, n_days, 7)
    mau = _trailing_distinct(u, d, n_days, window)
    index = pd.DatetimeIndex(
        (np.arange(n_days, dtype=np.int64) + d0).astype("datetime64[D]").astype("datetime64[us]"), name="date"
    )
    out = pd.DataFrame(
        {
            "dau": dau.astype(np.int64),
            "wau": wau.astype(np.int64),
            "mau": mau.astype(np.int64),
        },
        index=index,
    )
    with np.errstate(invalid="ignore", divide="ignore"):
        out["dau_mau"] = np.where(out["mau"] > 0, out["dau"] / out["mau"].where(out["mau"] > 0, 1), np.nan)
    out["complete"] = np.arange(n_days) >= window - 1
    if start is not None or end is not None:
        s = pd.Timestamp(start) if start is not None else None
        e = pd.Timestamp(end) if end is not None else None
        out = out.loc[s:e]
    return out


@cs_method(kpi="Stickiness (mean DAU / MAU)", table="events", requires=("user_id", "timestamp"))
def stickiness(
    frame: pd.DataFrame,
    *,
    period: str | None = "M",
    active: ActiveFilter = None,
    user: str = "user_id",
    timestamp: str = "timestamp",
    event: str = "event",
) -> pd.DataFrame | float:
    """Mean daily active users over a period ÷ distinct users active in that period.

    1.0 means every user of the month came every day; 1/30 means each came once.

    Parameters
    ----------
    frame : pandas.DataFrame
        An ``events`` frame.
    period : {"M", "Q", "Y", None}, default "M"
        Calendar period; ``None`` = the whole span of the data as one period.
        The mean DAU is over the period's calendar days that lie inside the data's
        span (first to last event day), zero-activity days included; so a period
        cut by the data's edges is averaged over the days actually observed.
    active : None, list of event names, boolean Series or callable
        What counts as activity.
    user, timestamp, event : str
        Column names.

    Returns
    -------
    pandas.DataFrame or float
        Indexed by ``period``: ``days, mean_dau, mau, stickiness``; a float when
        ``period=None``.

    Examples
    --------
    Daily uniques 10, 1, 1, 1, 1, 1, 1 (the same ten users on day one):
    (16 / 7) / 10 = 0.229.

    >>> import pandas as pd, cskit
    >>> ev = pd.DataFrame({"user_id": list(range(10)) + [0] * 6,
    ...     "timestamp": pd.Timestamp("2026-10-01")
    ...                  + pd.to_timedelta([0] * 10 + [1, 2, 3, 4, 5, 6], unit="D")})
    >>> round(ev.cs.stickiness(period=None), 3)
    0.229
    """
    freq = check_period(period)
    keys, n_days, d0 = _user_day_keys(frame, user=user, timestamp=timestamp, event=event, active=active)
    u, d = np.divmod(keys, n_days)
    all_days = pd.DatetimeIndex((np.arange(n_days) + d0).astype("datetime64[D]").astype("datetime64[us]"))
    if freq is None:
        dau_sum = len(keys)
        mau = len(np.unique(u))
        return float(dau_sum / n_days / mau)
    day_period = all_days.to_period(freq)
    pcodes, pidx = pd.factorize(day_period, sort=True)
    n_p = len(pidx)
    p_of = pcodes[d]
    days_in = np.bincount(pcodes, minlength=n_p)
    dau_sum = np.bincount(p_of, minlength=n_p)
    # distinct users per period: dedupe (period, user)
    pu = np.unique(p_of.astype(np.int64) * (int(u.max()) + 1) + u)
    mau = np.bincount(pu // (int(u.max()) + 1), minlength=n_p)
    out = pd.DataFrame(
        {"days": days_in.astype(np.int64), "mean_dau": dau_sum / days_in, "mau": mau.astype(np.int64)},
        index=pd.PeriodIndex(pidx, name="period"),
    )
    out["stickiness"] = (out["mean_dau"] / out["mau"]).where(out["mau"] > 0)
    return out


# --------------------------------------------------------------------------- usage
def _seats(accounts: pd.DataFrame, account: str, seats: str) -> pd.Series:
    check_frame(accounts, "accounts")
    require_columns(accounts, {"account": account, "seats": seats}, "accounts")
    s = as_number(accounts, seats, "accounts", allow_missing=True)
    bad = s <= 0
    if bad.any():
        raise InvalidValueError(
            f"Column {seats!r} of the accounts frame has values <= 0: {offending(accounts[seats], bad)}. "
            f"Seats must be a positive count; fix them or drop those accounts."
        )
    out = pd.Series(s.to_numpy(), index=accounts[account].to_numpy(), name="seats")
    return out[~out.index.duplicated(keep="last")]


@cs_method(kpi="Product usage rate", table="events", requires=("user_id", "account_id", "timestamp", "event"))
def usage(
    frame: pd.DataFrame,
    *,
    period: str = "M",
    level: str = "account",
    key_features: Sequence[str] | None = None,
    accounts: pd.DataFrame | None = None,
    active: ActiveFilter = None,
    user: str = "user_id",
    account: str = "account_id",
    timestamp: str = "timestamp",
    event: str = "event",
    seats: str = "seats",
) -> pd.DataFrame:
    """Frequency, breadth and depth of use per account (or user) and period.

    * **frequency** – ``active_days``: distinct days with activity in the period.
    * **breadth** – ``active_users ÷ seats`` (needs ``accounts`` with ``seats``;
      can exceed 1 when more people log in than were sold seats – shown as is).
    * **depth** – ``key_features_used ÷ len(key_features)``.

    Parameters
    ----------
    frame : pandas.DataFrame
        An ``events`` frame.
    period : {"M", "Q", "Y"}, default "M"
        Choose the interval first (the 16-KPI article): frequency is per period.
    level : {"account", "user"}, default "account"
        Unit of the rows. Breadth exists only for accounts.
    key_features : list of str, optional
        Event names that mark the product's key features (depth).
    accounts : pandas.DataFrame, optional
        ``accounts`` frame with ``account_id, seats`` for breadth.
    active : None, list of event names, boolean Series or callable
        What counts as activity (for frequency and breadth).
    user, account, timestamp, event, seats : str
        Column names.

    Returns
    -------
    pandas.DataFrame
        Indexed by ``period`` and the account (or user): ``events, active_days``,
        ``active_users, seats, breadth`` (accounts) and ``key_features_used, depth``
        (with ``key_features``). Only units with activity in the period appear.

    Examples
    --------
    >>> import pandas as pd, cskit
    >>> ev = pd.DataFrame({"user_id": [1, 1, 2, 3], "account_id": ["a", "a", "a", "b"],
    ...     "timestamp": pd.to_datetime(["2026-10-01", "2026-10-03", "2026-10-03", "2026-10-05"]),
    ...     "event": ["login", "report", "login", "login"]})
    >>> acc = pd.DataFrame({"account_id": ["a", "b"], "seats": [4, 1]})
    >>> ev.cs.usage(accounts=acc, key_features=["report", "export"])[["active_days", "breadth", "depth"]]
    ... # doctest: +NORMALIZE_WHITESPACE
                        active_days  breadth  depth
    period  account_id
    2026-10 a                     2      0.5    0.5
            b                     1      1.0    0.0
    """
    freq = check_period(period, ("M", "Q", "Y"))
    check_choice("level", level, ("account", "user"))
    unit = account if level == "account" else user
    extra = [account, event] if level == "account" else [event]
    ev = _prepare(frame, user=user, timestamp=timestamp, event=event, active=None, extra=extra)
    if level == "user":
        ev[user] = ev["_user"]
    mask = _active_mask(frame, active, event)
    act = np.ones(len(ev), dtype=bool) if mask is None else mask
    ev["_period"] = ev["_ts"].dt.to_period(freq)
    ev["_day"] = _day_codes(ev["_ts"])
    ev["_act"] = act
    keys = ["_period", unit]
    a = ev.loc[ev["_act"]]
    g = ev.groupby(keys, sort=True)
    out = pd.DataFrame({"events": g.size().astype(np.int64)})
    ga = a.groupby(keys, sort=True)
    out["active_days"] = ga["_day"].nunique().reindex(out.index, fill_value=0).astype(np.int64)
    if level == "account":
        out["active_users"] = ga["_user"].nunique().reindex(out.index, fill_value=0).astype(np.int64)
        if accounts is not None:
            s = _seats(accounts, account, seats)
            out["seats"] = s.reindex(out.index.get_level_values(unit)).to_numpy()
            out["breadth"] = out["active_users"] / out["seats"]
    if key_features is not None:
        feats = list(key_features)
        if not feats:
            raise InvalidParameterError("key_features is empty; name the product's key events.")
        k = ev.loc[ev[event].isin(feats)]
        used = k.groupby(keys, sort=True)[event].nunique()
        out["key_features_used"] = used.reindex(out.index, fill_value=0).astype(np.int64)
        out["depth"] = out["key_features_used"] / len(feats)
    out.index = out.index.set_names(["period", unit])
    return out


@cs_method(kpi="Feature adoption", table="events", requires=("account_id", "timestamp", "event"))
def feature_adoption(
    frame: pd.DataFrame,
    *,
    features: Sequence[str],
    period: str | None = "M",
    active: ActiveFilter = None,
    account: str = "account_id",
    timestamp: str = "timestamp",
    event: str = "event",
) -> pd.DataFrame:
    """Share of active accounts that used each feature, per period.

    Parameters
    ----------
    frame : pandas.DataFrame
        An ``events`` frame.
    features : list of str
        Event names, one per feature.
    period : {"M", "Q", "Y", None}, default "M"
        ``None`` = the whole span as one period.
    active : None, list of event names, boolean Series or callable
        Which accounts are *active* (the denominator): any event by default.
    account, timestamp, event : str
        Column names.

    Returns
    -------
    pandas.DataFrame
        Indexed by ``period`` (unless None) and ``feature``: ``adopters,
        active_accounts, adoption``.

    Examples
    --------
    >>> import pandas as pd, cskit
    >>> ev = pd.DataFrame({"account_id": ["a", "a", "b", "c"],
    ...     "timestamp": pd.to_datetime(["2026-10-01"] * 4),
    ...     "event": ["login", "report", "login", "export"]})
    >>> ev.cs.feature_adoption(features=["report", "export"], period=None)
    ... # doctest: +NORMALIZE_WHITESPACE
             adopters  active_accounts  adoption
    feature
    report          1                3  0.333333
    export          1                3  0.333333
    """
    freq = check_period(period)
    feats = list(features)
    if not feats:
        raise InvalidParameterError("features is empty; name at least one event.")
    check_frame(frame, TABLE)
    require_columns(frame, {"account": account, "timestamp": timestamp, "event": event}, TABLE)
    ts = as_datetime(frame, timestamp, TABLE)
    per = ts.dt.to_period(freq) if freq else pd.Series(0, index=frame.index)
    mask = _active_mask(frame, active, event)
    act = np.ones(len(frame), dtype=bool) if mask is None else mask
    base = pd.DataFrame({"p": per.to_numpy(), "a": frame[account].to_numpy(), "e": frame[event].to_numpy()})
    denom = base.loc[act].groupby("p")["a"].nunique()
    f = base.loc[base["e"].isin(feats)].drop_duplicates(["p", "a", "e"])
    # adopters must also be active accounts of that period
    f = f.merge(base.loc[act, ["p", "a"]].drop_duplicates(), on=["p", "a"])
    num = f.groupby(["p", "e"]).size()
    full = pd.MultiIndex.from_product([denom.index, pd.Index(feats)], names=["period", "feature"])
    num.index = num.index.set_names(["period", "feature"])
    out = pd.DataFrame({"adopters": num.reindex(full, fill_value=0).astype(np.int64)})
    out["active_accounts"] = denom.reindex(full.get_level_values(0)).to_numpy().astype(np.int64)
    out["adoption"] = out["adopters"] / out["active_accounts"]
    if freq is None:
        return out.droplevel("period")
    return out


# --------------------------------------------------------------------------- first login
@cs_method(kpi="First-login rate", table="accounts", requires=("account_id", "signup_at", "first_login_at"))
def first_login_rate(
    frame: pd.DataFrame,
    *,
    within_days: int = 7,
    period: str | None = "M",
    as_of: str | pd.Timestamp | None = None,
    by: str | None = None,
    account: str = "account_id",
    signup: str = "signup_at",
    first_login: str = "first_login_at",
) -> pd.DataFrame | float:
    """New accounts that logged in within ``within_days`` of signing up ÷ new accounts.

    A sub-KPI of churn (the KPI-setting article): accounts that never start
    using the product rarely renew.

    Parameters
    ----------
    frame : pandas.DataFrame
        An ``accounts`` frame (``account_id, signup_at, first_login_at``; an empty
        ``first_login_at`` means "never logged in").
    within_days : int, default 7
        A login at most this many days (24-hour days) after sign-up counts.
    period : {"M", "Q", "Y", None}, default "M"
        Cohort period of the sign-up.
    as_of : date-like, optional
        The data's cut-off. Accounts that signed up less than ``within_days``
        before it have not had their full chance yet: they are left out of
        both numerator and denominator and counted in ``too_recent``.
        Default: the latest ``signup_at`` or ``first_login_at`` in the frame.
    by : str, optional
        Segment column.
    account, signup, first_login : str
        Column names.

    Returns
    -------
    pandas.DataFrame or float
        Indexed by ``period`` (and ``by``): ``new_accounts, logged_in,
        too_recent, first_login_rate``; a float when ``period=None`` and not grouped.

    Examples
    --------
    >>> import pandas as pd, cskit
    >>> acc = pd.DataFrame({"account_id": ["a", "b", "c", "d"],
    ...     "signup_at": pd.to_datetime(["2026-10-01"] * 4),
    ...     "first_login_at": pd.to_datetime(["2026-10-01", "2026-10-06", "2026-10-20", None])})
    >>> acc.cs.first_login_rate(within_days=7, period=None, as_of="2026-10-31")
    0.5
    """
    freq = check_period(period)
    if not isinstance(within_days, (int, np.integer)) or within_days < 0:
        raise InvalidParameterError(f"within_days={within_days!r} must be a whole number of days >= 0.")
    check_frame(frame, "accounts")
    require_columns(frame, {"account": account, "signup": signup, "first_login": first_login, "by": by}, "accounts")
    s = as_datetime(frame, signup, "accounts")
    f = as_datetime(frame, first_login, "accounts", allow_missing=True)
    early = f.notna() & (f < s.dt.normalize())
    if early.any():
        raise InvalidValueError(
            f"Column {first_login!r} of the accounts frame is before {signup!r} for "
            f"{int(early.sum())} account(s), e.g. {offending(frame[account], early)}. Fix those dates."
        )
    cutoff = pd.Timestamp(as_of) if as_of is not None else max(s.max(), f.max() if f.notna().any() else s.max())
    limit = pd.Timedelta(days=int(within_days))
    mature = (s + limit) <= cutoff
    ok = f.notna() & ((f - s) <= limit)
    tab = pd.DataFrame(
        {
            "period": s.dt.to_period(freq).to_numpy() if freq else 0,
            "new_accounts": mature.to_numpy(),
            "logged_in": (ok & mature).to_numpy(),
            "too_recent": (~mature).to_numpy(),
        }
    )
    keys = ["period"] + ([by] if by else [])
    if by:
        tab[by] = frame[by].to_numpy()
    out = tab.groupby(keys, sort=True)[["new_accounts", "logged_in", "too_recent"]].sum().astype(np.int64)
    out["first_login_rate"] = (out["logged_in"] / out["new_accounts"]).where(out["new_accounts"] > 0)
    if freq is None:
        if by is None:
            return float(out["first_login_rate"].iloc[0])
        return out.droplevel("period")
    return out
