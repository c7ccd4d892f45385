"""Event retention and active-days stickiness as product-analytics tools define them.

* :func:`event_retention` – of the users who did a *start* event, the share who
  come back (any event, or a chosen *return* event) N days, weeks or months later.
  ``mode="on"`` counts a user at N when it returns in window N (Amplitude's N-day
  retention); ``"on_or_after"`` when it returns in window N or any later one
  (Amplitude's unbounded retention). Windows are calendar days/weeks/months
  (cskit's default), 24-hour blocks from the start event (``day_start="event"``,
  Mixpanel's intervals) or 24-hour blocks after both times are rounded down to
  the hour (``"event_hour"``, Amplitude's default). A week is 7 days and a month
  30 days in the 24-hour forms.
* :func:`active_days` – for each calendar week (or month), how many users were
  active on 1, 2, … 7 of its days: the stickiness distribution of Amplitude's
  Stickiness chart and Mixpanel's frequency report.

Times are wall-clock times in the data's own time zone, as everywhere in cskit.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from cskit._conventions import with_convention
from cskit._validate import as_datetime, check_choice, check_frame, require_columns
from cskit.errors import InvalidParameterError, InvalidValueError
from cskit.metrics._blocks import STEP, run_blocks
from cskit.metrics._events import _BITMAP_LIMIT, _codes, _unique_keys, _user_days
from cskit.registry import cs_method

TABLE = "events"
_DAY = 86_400 * 10**9
_HOUR = 3_600 * 10**9
_UNIT_DAYS = {"D": 1, "W": 7, "M": 30}
RETENTION_COLUMNS = ["users", "retained", "retention"]
ACTIVE_DAYS_COLUMNS = ["users", "share", "share_at_least", "complete"]


def _check_users(frame: pd.DataFrame, user: str, timestamp: str) -> None:
    check_frame(frame, TABLE)
    require_columns(frame, {"user_col": user, "time_col": timestamp}, TABLE)
    ids = frame[user]
    if ids.isna().any():
        raise InvalidValueError(
            f"Column {user!r} of the {TABLE} frame has {int(ids.isna().sum())} missing id(s). "
            f"Every event needs a user; drop or fill those rows first."
        )


def _times(frame: pd.DataFrame, user: str, timestamp: str) -> tuple[np.ndarray, np.ndarray, int]:
    """Each event's user code, its wall-clock time (int64 ns) and how many codes there are
    (short text ids are numbered without hashing; the codes only count)."""
    _check_users(frame, user, timestamp)
    ts = as_datetime(frame, timestamp, TABLE)
    codes, uniques = _codes(frame[user], user, sort=True)
    return codes, ts.to_numpy(dtype="datetime64[ns]").view(np.int64), len(uniques)


def _event_mask(frame: pd.DataFrame, event: str, name: object, keyword: str) -> np.ndarray | None:
    """Rows whose event is ``name``; None for "any event"."""
    if name is None:
        return None
    require_columns(frame, {"event_col": event}, TABLE)
    mask = (frame[event] == name).to_numpy(dtype=bool)
    if not mask.any():
        shown = ", ".join(repr(v) for v in pd.unique(frame[event].dropna())[:5])
        raise InvalidParameterError(
            f"{keyword}={name!r} never occurs in column {event!r} (values include {shown}); "
            f"pass one of them, or None for any event."
        )
    return mask


def _ordinal(ns: np.ndarray, unit: str) -> np.ndarray:
    """Calendar day, Monday-based week or month number of int64-ns wall-clock times."""
    days = ns // _DAY
    if unit == "D":
        return days
    if unit == "W":
        return (days + 3) // 7  # 1970-01-01 was a Thursday: weeks start on Monday
    return pd.DatetimeIndex(ns.astype("datetime64[ns]")).to_period("M").asi8.astype(np.int64)


@cs_method(kpi="Event retention (N-day / N-week)", table=TABLE, requires=("user_id", "timestamp"))
@with_convention("event_retention")
def event_retention(
    frame: pd.DataFrame,
    *,
    start_event: object = None,
    return_event: object = None,
    unit: str = "D",
    mode: str = "on",
    day_start: str = "calendar",
    max_age: int | None = None,
    as_of: object = None,
    user_col: str = "user_id",
    time_col: str = "timestamp",
    event_col: str = "event",
) -> pd.DataFrame:
    """N-day (or N-week / N-month) retention of users from a start event.

    Each user's start is its first ``start_event`` (any event when None). Age N is
    the number of whole windows between the start and a later ``return_event``.
    Only users whose window N has ended by ``as_of`` count at N, so a young user
    never lowers a late column.

    Parameters
    ----------
    frame : pandas.DataFrame
        An ``events`` frame (``user_id, timestamp``, and ``event`` to pick events).
    start_event, return_event : optional
        Values of the ``event`` column; None = any event.
    unit : {"D", "W", "M"}, default "D"
    mode : {"on", "on_or_after"}, default "on"
        ``"on"``: returned in window N. ``"on_or_after"``: in window N or later
        (never rises with N).
    day_start : {"calendar", "event", "event_hour"}, default "calendar"
        ``"calendar"``: windows are calendar days, Monday-based weeks or months.
        ``"event"``: blocks of 1, 7 or 30 days from the start instant.
        ``"event_hour"``: the same after rounding both times down to the hour.
    max_age : int, optional
        Last age reported (default: the oldest age any user reached).
    as_of : date, optional
        Last day of the data (default: the day of the latest event).
    user_col, time_col, event_col : str
        Column names.

    Returns
    -------
    pandas.DataFrame
        Indexed by ``age`` (0, 1, 2, … in ``unit`` s): ``users`` (observed at that age;
        at age 0 every user who did the start event),
        ``retained`` and ``retention`` (= retained ÷ users; 1 at age 0 by definition).

    Examples
    --------
    Three users start on 1 June; a returns on day 1 and day 3, b on day 2, c never:

    >>> import pandas as pd, cskit
    >>> ev = pd.DataFrame({"user_id": ["a", "b", "c", "a", "b", "a"],
    ...     "timestamp": pd.to_datetime(["2026-06-01 09:00", "2026-06-01 10:00",
    ...         "2026-06-01 11:00", "2026-06-02 08:00", "2026-06-03 12:00", "2026-06-04 07:00"])})
    >>> ev.cs.event_retention()["retention"].round(3).tolist()
    [1.0, 0.333, 0.333, 0.333]
    >>> ev.cs.event_retention(mode="on_or_after")["retention"].round(3).tolist()
    [1.0, 0.667, 0.667, 0.333]

    In 24-hour blocks from the start, a's return at 08:00 the next day is still day 0:

    >>> ev.cs.event_retention(day_start="event")["retained"].tolist()
    [3, 0, 2]
    """
    check_choice("unit", unit, tuple(_UNIT_DAYS))
    check_choice("mode", mode, ("on", "on_or_after"))
    check_choice("day_start", day_start, ("calendar", "event", "event_hour"))
    if max_age is not None and (isinstance(max_age, bool) or not isinstance(
            max_age, int | np.integer) or max_age < 0):
        raise InvalidParameterError(f"max_age={max_age!r} must be a whole number >= 0.")
    codes, ns, n_users = _times(frame, user_col, time_col)
    starting = _event_mask(frame, event_col, start_event, "start_event")
    returning = _event_mask(frame, event_col, return_event, "return_event")
    hourly = day_start == "event_hour"

    def times(lo: int, hi: int) -> np.ndarray:
        t = ns[lo:hi]
        return t - t % _HOUR if hourly else t  # rounded down to the hour: a monotone map

    never = np.iinfo(np.int64).max
    t0 = np.full(n_users, never, dtype=np.int64)
    for lo in range(0, len(ns), STEP):  # each user's first start, a step of rows at a time
        c, t = codes[lo:lo + STEP], times(lo, lo + STEP)
        if starting is not None:
            c, t = c[starting[lo:lo + STEP]], t[starting[lo:lo + STEP]]
        np.minimum.at(t0, c, t)
    last_day = (pd.Timestamp(as_of).normalize() if as_of is not None
                else pd.Timestamp(int(times(0, len(ns)).max() // _DAY * _DAY)))
    if last_day.tzinfo is not None:
        last_day = last_day.tz_localize(None)
    end = np.int64(last_day.value) + _DAY  # the end of the last day
    started = t0 != never
    length = _UNIT_DAYS[unit] * _DAY
    if day_start == "calendar":
        reach = _ordinal(np.array([end]), unit)[0] - _ordinal(t0[started], unit) - 1
    else:
        reach = (end - t0[started]) // length - 1
    horizon = np.full(n_users, -1, dtype=np.int64)
    horizon[started] = reach
    top = int(max(horizon.max(), 0)) if max_age is None else int(max_age)
    ages = np.arange(top + 1)
    observed = np.bincount(np.clip(horizon[horizon >= 0], 0, top), minlength=top + 1)
    observed = observed[::-1].cumsum()[::-1]  # users whose horizon reaches each age

    def returns(lo: int, hi: int) -> tuple[np.ndarray, np.ndarray]:
        """The user and age of each return among rows ``lo:hi`` (at or after the start)."""
        c, t = codes[lo:hi], times(lo, hi)
        keep = started[c] & (t >= t0[c])
        if returning is not None:
            keep &= returning[lo:hi]
        rc, rt = c[keep], t[keep]
        if day_start == "calendar":
            return rc, _ordinal(rt, unit) - _ordinal(t0[rc], unit)
        return rc, (rt - t0[rc]) // length

    if mode == "on":  # the distinct (user, age) pairs within each user's horizon
        size = n_users * (top + 1)
        flags = np.zeros(size, dtype=bool) if size <= _BITMAP_LIMIT else None

        def pairs(lo: int, hi: int) -> np.ndarray | None:
            rc, age = returns(lo, hi)
            seen = (age <= horizon[rc]) & (age <= top)
            keys = rc[seen] * (top + 1) + age[seen]
            if flags is None:
                return keys
            flags[keys.astype(np.intp, copy=False)] = True  # intp: a scatter free of the GIL
            return None

        found = run_blocks(pairs, len(ns), STEP)
        distinct = (np.flatnonzero(flags) if flags is not None
                    else _unique_keys(np.concatenate(found), size))
        retained = np.bincount(distinct % (top + 1), minlength=top + 1)
    else:
        latest = np.full(n_users, -1, dtype=np.int64)
        for lo in range(0, len(ns), STEP):  # each user's latest return
            rc, age = returns(lo, lo + STEP)
            np.maximum.at(latest, rc, age)
        # Returned at N or later, N within the user's horizon.
        reach_n = np.minimum(latest, horizon)
        ok = reach_n >= 0
        retained = np.bincount(np.clip(reach_n[ok], 0, top), minlength=top + 1)[::-1].cumsum()[::-1]
    retained = retained[: top + 1].astype(np.int64)
    observed[0] = int(started.sum())  # the cohort: everyone who did the start event
    retained[0] = observed[0]
    out = pd.DataFrame({"users": observed[: top + 1].astype(np.int64), "retained": retained},
                       index=pd.Index(ages, name="age"))
    out["retention"] = (out["retained"] / out["users"]).where(out["users"] > 0)
    return out[RETENTION_COLUMNS]


@cs_method(kpi="Active days per week (stickiness distribution)", table=TABLE,
           requires=("user_id", "timestamp"))
@with_convention("active_days")
def active_days(
    frame: pd.DataFrame,
    *,
    period: str = "W",
    user_col: str = "user_id",
    time_col: str = "timestamp",
) -> pd.DataFrame:
    """How many users were active on 1, 2, … days of each week (or month).

    Parameters
    ----------
    frame : pandas.DataFrame
        An ``events`` frame; any event makes its user active that day.
    period : {"W", "M"}, default "W"
        Monday-to-Sunday weeks, or calendar months.
    user_col, time_col : str
        Column names.

    Returns
    -------
    pandas.DataFrame
        Indexed by ``period`` and ``days_active`` (1 … 7, or 1 … days in the month):
        ``users``, ``share`` (of the period's active users), ``share_at_least``
        (active on that many days or more) and ``complete`` (False for a period
        the data covers only in part: read it with care).

    Examples
    --------
    >>> import pandas as pd, cskit
    >>> ev = pd.DataFrame({"user_id": ["a", "a", "a", "b", "b", "c"],
    ...     "timestamp": pd.to_datetime(["2026-06-01", "2026-06-02", "2026-06-02",
    ...                                  "2026-06-03", "2026-06-07", "2026-06-05"])})
    >>> week = ev.cs.active_days().xs(pd.Period("2026-06-01", "W-SUN"), level="period")
    >>> week.loc[[1, 2, 3], ["users", "share", "share_at_least"]]
    ... # doctest: +NORMALIZE_WHITESPACE
                 users     share  share_at_least
    days_active
    1                1  0.333333        1.000000
    2                2  0.666667        0.666667
    3                0  0.000000        0.000000
    """
    check_choice("period", period, ("W", "M"))
    _check_users(frame, user_col, time_col)
    # the distinct active (user, day) pairs, by user then day (shared with active_users)
    ud = _user_days(frame, user=user_col, timestamp=time_col, event="event", active=None)
    first_day, span = ud.d0, ud.n_days
    freq = "W-SUN" if period == "W" else "M"
    all_days = pd.date_range(pd.Timestamp(first_day * _DAY), periods=span, freq="D")
    labels = all_days.to_period(freq)
    periods = pd.PeriodIndex(pd.unique(labels), freq=freq)
    per_of_day = periods.get_indexer(labels)
    n_per = len(periods)
    width = 7 if period == "W" else 31
    # A user's days in one period are consecutive pairs (days in order, periods too):
    # the active days of each (user, period) are the lengths of those runs.
    per = per_of_day[ud.day]
    key = ud.entity.astype(np.int64) * n_per + per
    opens = np.flatnonzero(np.r_[True, key[1:] != key[:-1]])
    counts = np.diff(np.r_[opens, len(key)])
    hist = np.bincount(per[opens] * (width + 1) + counts, minlength=n_per * (width + 1))
    hist = hist.reshape(n_per, width + 1)[:, 1:]
    length = (periods.end_time.normalize() - periods.start_time.normalize()).days + 1
    inside = np.minimum(periods.end_time.normalize(), all_days[-1]) - \
        np.maximum(periods.start_time, all_days[0])
    complete = (np.asarray(inside.days) + 1) == np.asarray(length)
    n_days = np.tile(np.arange(1, width + 1), n_per)
    valid = n_days <= np.repeat(np.asarray(length), width)
    totals = hist.sum(axis=1, keepdims=True)
    with np.errstate(invalid="ignore", divide="ignore"):
        share = np.where(totals > 0, hist / np.where(totals > 0, totals, 1), np.nan)
        at_least = np.where(totals > 0, hist[:, ::-1].cumsum(axis=1)[:, ::-1]
                            / np.where(totals > 0, totals, 1), np.nan)
    index = pd.MultiIndex.from_arrays([np.repeat(periods, width), n_days],
                                      names=["period", "days_active"])
    out = pd.DataFrame({"users": hist.ravel().astype(np.int64), "share": share.ravel(),
                        "share_at_least": at_least.ravel(),
                        "complete": np.repeat(complete, width)}, index=index)
    return out[valid][ACTIVE_DAYS_COLUMNS]
