"""DAU/MAU explainer logic: the window length and the activity definition move stickiness.

Stickiness = mean DAU over the month ÷ MAU, where DAU counts distinct users
active on a day and MAU distinct users active in the trailing window (28 or
30 days are common) ending on the month's last day. "Active" must be defined
first: a login alone, or a real action (create, share, export …)? A shorter
window counts fewer users as monthly-active, so the ratio rises without any
change in behaviour; a stricter activity definition lowers both DAU and MAU.

>>> days = pd.DataFrame({"user": [0] * 7 + list(range(1, 10)),
...     "day": list(range(7)) + [0] * 9, "event": ["login"] * 16})
>>> base = StickinessBase(user_days=days, first_day=0, last_day=6, lookback=0)
>>> round(compute(base, window=30, activity=("login",)).numbers["stickiness"], 3)
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


def prepare(
    data: pd.DataFrame | None = None,
    *,
    month: str | pd.Period | None = None,
    user: str = "user_id",
    timestamp: str = "timestamp",
    event: str = "event",
) -> StickinessBase:
    """Distinct user-day-events of ``month`` and the 30 days before it (default: latest month)."""
    frame = sample_company().events if data is None else data
    stamps = as_datetime(frame, timestamp, "events", allow_missing=True)
    chosen = month_of(month, stamps.dt.to_period("M"))
    first = chosen.start_time.normalize()
    last = chosen.end_time.normalize()
    lo = first - pd.Timedelta(days=MAX_WINDOW)
    keep = (stamps >= lo) & (stamps < last + pd.Timedelta(days=1))
    days = ((stamps[keep].dt.normalize() - lo) // pd.Timedelta(days=1)).astype("int64")
    codes, _ = pd.factorize(frame.loc[keep, user])
    events = frame.loc[keep, event].astype(str).to_numpy() if event in frame else "active"
    table = pd.DataFrame({"user": codes, "day": days.to_numpy(), "event": events})
    table = table.drop_duplicates(ignore_index=True)
    n_days = (last - first).days + 1
    labels = tuple(str(d.date()) for d in pd.date_range(first, periods=n_days))
    return StickinessBase(user_days=table, first_day=MAX_WINDOW, last_day=MAX_WINDOW + n_days - 1,
                          lookback=MAX_WINDOW, month=str(chosen), day_labels=labels)


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
    mean_dau = float(dau[month].mean())
    mau_end = float(mau[base.last_day])
    numbers = {
        "mean_dau": mean_dau,
        "mau": mau_end,
        "stickiness": mean_dau / mau_end if mau_end else float("nan"),
        "window": float(window),
    }
    rows = [
        (label(KPI, "num.month"), base.month or "—"),
        (label(KPI, "num.mean_dau"), num(mean_dau, 1)),
        (label(KPI, "num.mau", window=window), num(mau_end)),
        (label(KPI, "num.stickiness"), pct(numbers["stickiness"])),
    ]
    formula = label(KPI, "formula", dau=num(mean_dau, 1), mau=num(mau_end),
                    ratio=pct(numbers["stickiness"]), window=window)
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
                caption=label(KPI, "caption"), headline=label(KPI, "num.stickiness"))
