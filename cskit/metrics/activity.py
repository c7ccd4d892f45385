"""Active users from event data: DAU / WAU / MAU and stickiness.

What counts as *active* is the first decision (a like, a design created, a task
completed, a page visited …). Every function here takes ``activity=``: ``None`` (any
event), a list of event names, a boolean Series aligned with the frame, or a callable
``frame -> boolean Series``. Trailing-window distinct users are computed with the
sweep described in :mod:`cskit.metrics._events`.
"""


from __future__ import annotations

import numpy as np
import pandas as pd

from cskit._validate import (
    as_date_param,
    check_choice,
    check_period,
)
from cskit.metrics._events import (
    WAU_WINDOW,
    ActiveFilter,
    _check_window,
    _daily,
    _gap_months,
    _next_same,
    _trailing,
    _user_days,
)
from cskit.metrics._gaps import flag_gaps
from cskit.registry import cs_method


# --------------------------------------------------------------------------- DAU / MAU
@cs_method(kpi="DAU / WAU / MAU", table="events", requires=("user_id", "timestamp"))
def active_users(
    frame: pd.DataFrame,
    *,
    window: int = 28,
    freq: str = "D",
    activity: ActiveFilter = None,
    by: str | None = None,
    start: str | pd.Timestamp | None = None,
    end: str | pd.Timestamp | None = None,
    user_col: str = "user_id",
    time_col: str = "timestamp",
    event_col: str = "event",
) -> pd.DataFrame:
    """Daily, weekly (trailing 7 days) and monthly (trailing ``window`` days) active users.

    Parameters
    ----------
    frame : pandas.DataFrame
        An ``events`` frame (``user_id, timestamp`` and, to filter, ``event``).
    window : int, default 28
        Days in the trailing "month". 28 keeps four of each weekday in every
        window (no weekday bias); 30 is the other common choice. MAU on day d
        counts users active on any of the ``window`` days ending on d.
    freq : {"D", "W", "M"}, default "D"
        ``"D"``: one row per calendar day from the first to the last active day
        (days without activity have DAU 0). ``"W"`` / ``"M"``: one row per week
        / month, the values of its last day in the data (MAU at month end).
    activity : None, list of event names, boolean Series or callable
        What counts as activity; ``None`` counts every event.
    by : str, optional
        An event column to split on (product area, plan …); a user counts in
        every group it was active in.
    start, end : date-like, optional
        First and last day reported (default: the data's first and last active
        day). Activity before ``start`` still counts in the trailing windows.
    user_col, time_col, event_col : str
        Column names.

    Returns
    -------
    pandas.DataFrame
        Indexed by ``date`` (or ``period`` for ``"W"``/``"M"``; then ``by``):
        ``dau, wau, mau, dau_mau`` and ``complete`` (False while the trailing
        window reaches back before the first active day: MAU is understated there).
        A month without a single row inside the data's span adds a boolean
        ``data_gap`` column flagging the periods it feeds (with a warning).

    Examples
    --------
    >>> import pandas as pd, cskit
    >>> ev = pd.DataFrame({"user_id": [1, 2, 1, 3, 1],
    ...     "timestamp": pd.to_datetime(["2026-10-01 09:00", "2026-10-01 12:00",
    ...     "2026-10-02 09:00", "2026-10-09 08:00", "2026-10-09 10:00"])})
    >>> au = ev.cs.active_users(window=7)
    >>> au.loc["2026-10-07":, ["dau", "wau", "mau", "dau_mau"]]  # doctest: +NORMALIZE_WHITESPACE
                dau  wau  mau  dau_mau
    date
    2026-10-07    0    2    2      0.0
    2026-10-08    0    1    1      0.0
    2026-10-09    2    2    2      1.0
    """
    check_choice("freq", freq, ("D", "W", "M"))
    window = _check_window(window)
    ud = _user_days(frame, user=user_col, timestamp=time_col, event=event_col, active=activity,
                    by=by)
    dau = _daily(ud)
    same = _next_same(ud)
    wau = _trailing(ud, dau, same, WAU_WINDOW)
    mau = wau if window == WAU_WINDOW else _trailing(ud, dau, same, window)
    dates = ud.dates()
    complete = np.arange(ud.n_days) >= window - 1
    # (groups × days) arrays → rows ordered by day, then group
    cols = {
        "dau": dau.T.ravel(),
        "wau": wau.T.ravel(),
        "mau": mau.T.ravel(),
    }
    out = pd.DataFrame({k: v.astype(np.int64) for k, v in cols.items()})
    with np.errstate(invalid="ignore", divide="ignore"):
        out["dau_mau"] = np.where(out["mau"] > 0, out["dau"] / out["mau"].clip(lower=1), np.nan)
    out["complete"] = np.repeat(complete, ud.n_groups)
    day_of_row = np.repeat(dates, ud.n_groups)
    keep = np.ones(len(out), dtype=bool)
    if start is not None:
        keep &= day_of_row >= as_date_param("start", start)
    if end is not None:
        keep &= day_of_row <= as_date_param("end", end)
    if freq != "D":
        periods = dates.to_period(freq)
        last_day = np.r_[periods[1:] != periods[:-1], True]
        keep &= np.repeat(last_day, ud.n_groups)
        index0: pd.Index = pd.PeriodIndex(np.repeat(periods, ud.n_groups), name="period")
    else:
        index0 = pd.DatetimeIndex(day_of_row, name="date")
    if by is None:
        out.index = index0
    else:
        out.index = pd.MultiIndex.from_arrays(
            [index0, np.tile(ud.groups.to_numpy(), ud.n_days)], names=[index0.name, by]
        )
    if freq == "D":
        return out.loc[keep]
    return flag_gaps(out.loc[keep], _gap_months(ud, time_col))


@cs_method(kpi="Stickiness (DAU / trailing MAU)", table="events",
           requires=("user_id", "timestamp"))
def stickiness(
    frame: pd.DataFrame,
    *,
    period: str | None = "M",
    mau: str = "trailing",
    window: int = 28,
    activity: ActiveFilter = None,
    by: str | None = None,
    user_col: str = "user_id",
    time_col: str = "timestamp",
    event_col: str = "event",
) -> pd.DataFrame | float:
    """Stickiness: daily active users ÷ monthly active users, averaged over a period.

    1.0 means every monthly-active user came every day; 1/30 means each came
    once a month. By default (``mau="trailing"``) it is the mean over the
    period's days of DAU ÷ MAU, MAU counting the users active in the trailing
    ``window`` days ("DAU / trailing-28-day MAU"): calendar months of different
    lengths do not move it. The days are the period's calendar days inside the
    data's span (first to last active day), days without activity included, so
    a period cut by the data's edges is averaged over the days observed.

    Parameters
    ----------
    frame : pandas.DataFrame
        An ``events`` frame.
    period : {"M", "Q", "Y", None}, default "M"
        Calendar period; ``None`` = the whole span of the data as one period.
    mau : {"trailing", "calendar"}, default "trailing"
        ``"trailing"``: the mean over the period's days of the daily ratio
        DAU ÷ MAU, MAU over the trailing ``window`` days (what a daily DAU/MAU
        chart averages to); ``mau`` is then the mean trailing MAU, ``numerator``
        the sum of the daily ratios and ``denominator`` the days with MAU > 0.
        ``"calendar"``: mean DAU ÷ distinct users of the calendar period
        (``numerator`` = mean DAU, ``denominator`` = those users); a short
        month such as February looks stickier. The two differ: read the label.
    window : int, default 28
        Trailing window of ``mau="trailing"``.
    activity : None, list of event names, boolean Series or callable
        What counts as activity.
    by : str, optional
        An event column to split on.
    user_col, time_col, event_col : str
        Column names.

    Returns
    -------
    pandas.DataFrame or float
        Indexed by ``period`` (and ``by``): ``days, mean_dau, mau, numerator,
        denominator, stickiness`` (stickiness = numerator ÷ denominator); a
        float when ``period=None`` and not grouped.
        A month without a single row inside the data's span adds a boolean
        ``data_gap`` column flagging the periods it feeds (with a warning).

    Examples
    --------
    Daily uniques 10, 1, 1, 1, 1, 1, 1 (the same ten users on day one, one of
    them every day after). The trailing MAU is 10 on every day, so the daily
    ratios are 1.0 and six times 0.1: (1.0 + 0.6) / 7 = 0.229. With calendar
    MAU: mean DAU 16 / 7 over 10 monthly users, the same 0.229 here.

    >>> import pandas as pd, cskit
    >>> ev = pd.DataFrame({"user_id": list(range(10)) + [0] * 6,
    ...     "timestamp": pd.Timestamp("2026-10-01")
    ...                  + pd.to_timedelta([0] * 10 + [1, 2, 3, 4, 5, 6], unit="D")})
    >>> round(ev.cs.stickiness(period=None), 3)
    0.229
    >>> round(ev.cs.stickiness(period=None, mau="calendar"), 3)
    0.229
    """
    freq = check_period(period)
    check_choice("mau", mau, ("calendar", "trailing"))
    window = _check_window(window)
    ud = _user_days(frame, user=user_col, timestamp=time_col, event=event_col, active=activity,
                    by=by)
    if freq is None:
        pcode = np.zeros(ud.n_days, dtype=np.int64)
        pidx = None
    else:
        pcode, pidx = pd.factorize(ud.dates().to_period(freq), sort=True)
    n_p = int(pcode.max()) + 1
    n_g = ud.n_groups
    days_in = np.bincount(pcode, minlength=n_p)
    p_of = pcode[ud.day]
    cell = ud.slot * n_p + p_of
    dau_sum = np.bincount(cell, minlength=n_g * n_p)
    days = np.tile(days_in, n_g).astype(np.int64)
    mean_dau = dau_sum / days
    if mau == "calendar":
        # user-days are sorted by entity then day, and the period code never
        # decreases with the day: the first row of each (entity, period) run is
        # one distinct user of that period.
        first = np.ones(len(cell), dtype=bool)
        if len(cell) > 1:
            first[1:] = (ud.entity[1:] != ud.entity[:-1]) | (p_of[1:] != p_of[:-1])
        users = np.bincount(cell[first], minlength=n_g * n_p).astype(np.float64)
        numerator, denominator = mean_dau, users
        with np.errstate(invalid="ignore", divide="ignore"):
            ratio = np.where(users > 0, mean_dau / np.where(users > 0, users, 1), np.nan)
    else:
        dau = _daily(ud)
        trailing = _trailing(ud, dau, _next_same(ud), window).astype(np.float64)
        day_cell = (np.arange(n_g)[:, None] * n_p + pcode[None, :]).ravel()
        valid = (trailing > 0).ravel()
        with np.errstate(invalid="ignore", divide="ignore"):
            daily_ratio = (dau / np.where(trailing > 0, trailing, 1)).ravel()
        total = np.bincount(day_cell[valid], weights=daily_ratio[valid], minlength=n_g * n_p)
        counted = np.bincount(day_cell[valid], minlength=n_g * n_p)
        users = np.bincount(day_cell, weights=trailing.ravel(), minlength=n_g * n_p) / days
        numerator, denominator = total, counted
        with np.errstate(invalid="ignore", divide="ignore"):
            ratio = np.where(counted > 0, total / np.where(counted > 0, counted, 1), np.nan)
    out = pd.DataFrame({"days": days, "mean_dau": mean_dau, "mau": users,
                        "numerator": numerator, "denominator": denominator, "stickiness": ratio})
    out["denominator"] = out["denominator"].astype(np.int64)
    if mau == "calendar":
        out["mau"] = out["mau"].astype(np.int64)
    if by is None:
        if freq is None:
            return float(out["stickiness"].iloc[0])
        out.index = pd.PeriodIndex(pidx, name="period")
        return flag_gaps(out, _gap_months(ud, time_col))
    labels = ud.groups.to_numpy()
    if freq is None:
        out.index = pd.Index(labels, name=by)
        return out
    # rows are group-major; present them period-major like the other metrics
    order = np.arange(n_g * n_p).reshape(n_g, n_p).T.ravel()
    out = out.iloc[order]
    out.index = pd.MultiIndex.from_arrays(
        [pidx[order % n_p], labels[order // n_p]], names=["period", by]
    )
    return flag_gaps(out, _gap_months(ud, time_col))
