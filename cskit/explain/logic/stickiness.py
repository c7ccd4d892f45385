"""DAU/MAU explainer logic: the window length and the activity definition move stickiness.

Stickiness (the headline everywhere in cskit) = the mean over the month's days
of DAU ÷ MAU, where DAU counts distinct users active on a day and MAU distinct
users active in the trailing window (28 days by default) ending on that day:
:func:`cskit.metrics.stickiness` with ``mau="trailing"``, which computes every
number shown here. The calendar-month figure (mean DAU ÷ users of the calendar
month) is shown beside it as a labelled comparison: it makes short months look
stickier. "Active" must be defined first: a login alone, or a real action
(create, share, export …)? A shorter window counts fewer users as
monthly-active, so the ratio rises without any change in behaviour; a stricter
activity definition lowers both DAU and MAU.

Ten users on 1 October, one of them every day to the 7th: each day's trailing
MAU is 10, the daily ratios 1.0, 0.1, …, 0.1, their mean (10 + 6) ÷ 7 ÷ 10:

>>> ev = pd.DataFrame({"user_id": list(range(10)) + [0] * 6, "event": "login",
...     "timestamp": pd.Timestamp("2026-10-01")
...                  + pd.to_timedelta([0] * 10 + [1, 2, 3, 4, 5, 6], unit="D")})
>>> round(compute(prepare(ev), window=28, activity=("login",)).numbers["stickiness"], 3)
0.229
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd

from cskit._validate import as_datetime
from cskit.explain.logic._common import (
    Control,
    View,
    label,
    month_of,
    num,
    pct,
    sample_company,
    sentence,
)

KPI = "stickiness"
MAX_WINDOW = 30


@dataclass
class StickinessBase:
    """Distinct (user, day, event) rows; days are integers, the month is first…last_day.

    ``lookback`` days before ``first_day`` are kept so trailing windows that start
    before the month are complete.
    """

    user_days: pd.DataFrame
    first_day: int
    last_day: int
    lookback: int = MAX_WINDOW
    month: str = ""
    day_labels: tuple[str, ...] = ()
    #: The events of the month and the days before it (columns ``user``, ``timestamp``,
    #: ``event``): what :func:`cskit.metrics.stickiness` computes the numbers from.
    events: pd.DataFrame | None = None


def prepare(
    data: pd.DataFrame | None = None,
    *,
    month: str | pd.Period | None = None,
    user_col: str = "user_id",
    time_col: str = "timestamp",
    event_col: str = "event",
) -> StickinessBase:
    """Distinct user-day-events of ``month`` and the 30 days before it (default: latest month)."""
    frame = sample_company().events if data is None else data
    stamps = as_datetime(frame, time_col, "events", allow_missing=True)
    chosen = month_of(month, stamps.dt.to_period("M"))
    first = chosen.start_time.normalize()
    last = chosen.end_time.normalize()
    lo = first - pd.Timedelta(days=MAX_WINDOW)
    keep = (stamps >= lo) & (stamps < last + pd.Timedelta(days=1))
    days = ((stamps[keep].dt.normalize() - lo) // pd.Timedelta(days=1)).astype("int64")
    codes, _ = pd.factorize(frame.loc[keep, user_col])
    events = frame.loc[keep, event_col].astype(str).to_numpy() if event_col in frame else "active"
    table = pd.DataFrame({"user": codes, "day": days.to_numpy(), "event": events})
    raw = pd.DataFrame({"user": codes, "timestamp": stamps[keep].to_numpy(), "event": events})
    table = table.drop_duplicates(ignore_index=True)
    n_days = (last - first).days + 1
    labels = tuple(str(d.date()) for d in pd.date_range(first, periods=n_days))
    return StickinessBase(user_days=table, first_day=MAX_WINDOW, last_day=MAX_WINDOW + n_days - 1,
                          lookback=MAX_WINDOW, month=str(chosen), day_labels=labels, events=raw)


def event_names(base: StickinessBase) -> list[str]:
    return sorted(base.user_days["event"].unique().tolist())


def controls(base: StickinessBase) -> list[Control]:
    names = event_names(base)
    return [
        Control("window", "int", 28, label(KPI, "ctl.window"), 7, MAX_WINDOW, 1),
        Control("activity", "multi", tuple(names), label(KPI, "ctl.activity"),
                options=tuple((n, n) for n in names)),
    ]


def trailing_active(user: np.ndarray, day: np.ndarray, n_days: int, window: int) -> np.ndarray:
    """Distinct users active in the ``window`` days ending on each day 0 … n_days − 1.

    A sweep instead of a distinct count per day: each active user-day covers
    [day, day + window) cut short at the same user's next active day, so one
    user's intervals never overlap; adding +1/−1 at their ends and summing
    gives the distinct count of every day at once.
    """
    order = np.lexsort((day, user))
    u, d = user[order], day[order]
    same_next = np.r_[u[1:] == u[:-1], False]
    nxt = np.r_[d[1:], 0]
    end = np.minimum(d + window, np.where(same_next, nxt, d + window))
    delta = np.zeros(n_days + window + 1, dtype=np.int64)
    np.add.at(delta, d, 1)
    np.add.at(delta, end, -1)
    return np.cumsum(delta)[:n_days]


def _metric(base: StickinessBase, window: int, activity: tuple[str, ...]) -> dict[str, float]:
    """Mean DAU, mean trailing MAU and stickiness of the month by
    :func:`cskit.metrics.stickiness` (``mau="trailing"``, the headline), and the
    calendar-month figure beside it (a labelled comparison)."""
    from cskit.metrics import stickiness

    nan = float("nan")
    out = {"mean_dau": nan, "mau": nan, "stickiness": nan, "calendar": nan,
           "calendar_mau": nan}
    events = base.events
    if events is None or not activity:
        return out
    events = events.loc[events["event"].isin(activity)]
    if events.empty:
        return out
    keys = {"user_col": "user", "time_col": "timestamp", "event_col": "event"}
    period = pd.Period(base.month, freq="M")
    trailing = stickiness(events, period="M", mau="trailing", window=window, **keys)
    calendar = stickiness(events, period="M", mau="calendar", **keys)
    if period in trailing.index:
        row = trailing.loc[period]
        out.update(mean_dau=float(row["mean_dau"]), mau=float(row["mau"]),
                   stickiness=float(row["stickiness"]))
    if period in calendar.index:
        out.update(calendar=float(calendar.loc[period, "stickiness"]),
                   calendar_mau=float(calendar.loc[period, "mau"]))
    return out


def compute(
    base: StickinessBase,
    previous: View | None = None,
    *,
    window: int = 28,
    activity: tuple[str, ...] = (),
) -> View:
    """DAU per day, trailing-window MAU and mean DAU ÷ MAU for this definition."""
    activity = tuple(activity)
    values = {"window": window, "activity": activity}
    rows_ = base.user_days[base.user_days["event"].isin(activity)]
    pairs = rows_[["user", "day"]].drop_duplicates()
    user, day = pairs["user"].to_numpy(), pairs["day"].to_numpy()
    n_days = base.last_day + 1
    dau = np.bincount(day, minlength=n_days)[:n_days].astype(float)
    mau = trailing_active(user, day, n_days, window).astype(float)
    month = slice(base.first_day, base.last_day + 1)
    numbers = _metric(base, window, activity)
    numbers["window"] = float(window)
    rows = [
        (label(KPI, "num.month"), base.month or "—"),
        (label(KPI, "num.mean_dau"), num(numbers["mean_dau"], 1)),
        (label(KPI, "num.mean_mau", window=window), num(numbers["mau"])),
        (label(KPI, "num.stickiness"), pct(numbers["stickiness"])),
        (label(KPI, "num.calendar"), pct(numbers["calendar"])),
    ]
    formula = label(KPI, "formula_trailing", dau=num(numbers["mean_dau"], 1),
                    mau=num(numbers["mau"]), ratio=pct(numbers["stickiness"]), window=window)
    extra = ""
    if previous is not None and previous.values.get("window") != window:
        extra = label(KPI, "why.window")
    elif previous is not None and tuple(previous.values.get("activity", ())) != activity:
        extra = label(KPI, "why.activity")
    start_text = label(KPI, "start", ratio=pct(numbers["stickiness"]), window=window,
                       month=base.month or "—")
    text = sentence(KPI, controls(base), values, numbers, previous, "stickiness", pct,
                    start=start_text, extra=extra)
    figure = {
        "days": list(base.day_labels) or [str(i) for i in range(base.first_day, n_days)],
        "dau": dau[month].tolist(),
        "mau": mau[month].tolist(),
    }
    return View(KPI, values, numbers, rows, formula, text, figure, title=label(KPI, "title"),
                caption=f"{label(KPI, 'convention', window=window)}. "
                        f"{label(KPI, 'caption_trailing')}",
                headline=label(KPI, "num.stickiness"))
