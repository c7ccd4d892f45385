"""Repeat (continuation) rate and returning-customer rate on purchase data.

The KPI-setting article defines the repeat rate (継続率 / 계속률, リピート率) as
the share of new customers who buy or use the service again at least once.
"Again" needs a time limit to be comparable between cohorts, so
:func:`repeat_rate` counts a customer as a repeater when a second purchase
falls within ``window`` days of the first, and leaves out (by default)
customers whose window is not over when the data ends: they have not had the
full chance to come back, and counting them would drag recent cohorts down.

:func:`returning_customer_rate` is the e-commerce form: among the customers
who ordered in a period, the share who have ordered more than once so far
(counting their history before the period, never orders after it).

Purchases on the same calendar day are one shopping occasion by default
(``same_day="merge"``): purchase logs such as CDNOW record several lines for
one visit, and a second line the same day is not "coming back".
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from cskit._validate import (
    as_datetime,
    check_choice,
    check_frame,
    check_period,
    require_columns,
    to_period,
)
from cskit.errors import InvalidParameterError, InvalidValueError
from cskit.registry import cs_method

TABLE = "transactions"
REPEAT_COLUMNS = ["new_customers", "observable", "repeaters", "repeat_rate"]
RETURNING_COLUMNS = ["customers", "returning", "returning_rate"]


def _orders(
    frame: pd.DataFrame, customer: str, date: str, by: str | None, same_day: str
) -> pd.DataFrame:
    """Validated purchases as ``c`` (codes), ``d`` (datetimes), ``g`` (segment), sorted."""
    check_frame(frame, TABLE)
    check_choice("same_day", same_day, ("merge", "count"))
    require_columns(frame, {"customer": customer, "date": date, "by": by}, TABLE)
    if frame[customer].isna().any():
        raise InvalidValueError(
            f"Column {customer!r} of the {TABLE} frame has {int(frame[customer].isna().sum())} "
            f"missing id(s); drop or fill those rows first."
        )
    dates = as_datetime(frame, date, TABLE)
    codes, _ = pd.factorize(frame[customer])
    work = pd.DataFrame({"c": codes, "d": dates.to_numpy()})
    if by is not None:
        work["g"] = frame[by].to_numpy()
    if same_day == "merge":
        work["d"] = work["d"].dt.normalize()
        work = work.drop_duplicates(["c", "d"])
    return work.sort_values(["c", "d"], kind="stable").reset_index(drop=True)


def _group_keys(work: pd.DataFrame, freq: str | None, by: str | None, dates: pd.Series) -> list:
    keys = []
    if freq is not None:
        keys.append(to_period(dates, freq).rename("period"))
    if by is not None:
        keys.append(work["g"].rename(by))
    return keys


@cs_method(kpi="Repeat rate", table=TABLE, requires=("customer_id", "date"))
def repeat_rate(
    frame: pd.DataFrame,
    *,
    window: int = 90,
    period: str | None = None,
    by: str | None = None,
    same_day: str = "merge",
    incomplete: str = "exclude",
    as_of: str | pd.Timestamp | None = None,
    customer: str = "customer_id",
    date: str = "date",
) -> pd.DataFrame | float:
    """Share of new customers who buy again within ``window`` days of their first purchase.

    Parameters
    ----------
    frame : pandas.DataFrame
        One row per purchase (or use): ``customer``, ``date``.
    window : int, default 90
        Days after the first purchase (inclusive) in which a second one counts.
    period : {"M", "Q", "Y", None}, default None
        Cohorts by the period of the first purchase; ``None`` gives one number.
    by : str, optional
        Segment column; a customer is counted in the segment of its first purchase.
    same_day : {"merge", "count"}, default "merge"
        ``"merge"``: purchases on the first day are one occasion, so a repeat
        must be on a later day. ``"count"``: a second row the same day counts.
    incomplete : {"exclude", "include"}, default "exclude"
        Customers whose window ends after ``as_of`` cannot be judged yet:
        ``"exclude"`` leaves them out of the denominator; ``"include"`` counts
        them as not (yet) repeating, which biases recent cohorts down.
    as_of : date, optional
        End of the observed data; default the latest date in the frame.
    customer, date : str
        Column names.

    Returns
    -------
    pandas.DataFrame or float
        Indexed by ``period`` (cohort) and/or ``by``: ``new_customers``,
        ``observable`` (customers in the denominator), ``repeaters`` and
        ``repeat_rate``; a float when neither is given.

    Examples
    --------
    >>> import pandas as pd, cskit
    >>> orders = pd.DataFrame({
    ...     "customer_id": ["a", "a", "b", "b", "c", "d"],
    ...     "date": ["2026-01-01", "2026-01-20", "2026-01-05", "2026-06-01",
    ...              "2026-01-09", "2026-06-01"]})
    >>> orders.cs.repeat_rate(window=30)  # a repeats; b too late; c never; d not observable
    0.3333333333333333
    >>> orders.cs.repeat_rate(window=30, incomplete="include")
    0.25
    """
    check_choice("incomplete", incomplete, ("exclude", "include"))
    if isinstance(window, bool) or not isinstance(window, int | np.integer) or window < 0:
        raise InvalidParameterError(f"window={window!r} must be a whole number of days >= 0.")
    freq = check_period(period)
    work = _orders(frame, customer, date, by, same_day)
    end = work["d"].max() if as_of is None else pd.Timestamp(as_of)
    first_row = np.r_[True, work["c"].to_numpy()[1:] != work["c"].to_numpy()[:-1]]
    first_date = work["d"].where(first_row).ffill()
    limit = first_date + pd.Timedelta(days=int(window))
    again = ~first_row & (work["d"] <= limit)
    if same_day == "merge":
        again &= work["d"] > first_date
    per_customer = pd.DataFrame({"c": work["c"], "again": again}).groupby("c", sort=True)["again"].any()
    firsts = work[first_row].set_index("c").sort_index()
    observable = (firsts["d"] + pd.Timedelta(days=int(window))) <= end
    if incomplete == "include":
        observable = pd.Series(True, index=firsts.index)
    table = pd.DataFrame(
        {
            "new_customers": 1,
            "observable": observable.astype("int64"),
            "repeaters": (per_customer & observable).astype("int64"),
        }
    )
    keys = _group_keys(firsts, freq, by, firsts["d"])
    if not keys:
        counts = table.sum()
        obs = counts["observable"]
        return float(counts["repeaters"] / obs) if obs else float("nan")
    out = table.groupby(keys, sort=True, observed=True, dropna=False).sum()
    out["repeat_rate"] = (out["repeaters"] / out["observable"]).where(out["observable"] > 0)
    return out[REPEAT_COLUMNS]


@cs_method(kpi="Returning-customer rate", table=TABLE, requires=("customer_id", "date"))
def returning_customer_rate(
    frame: pd.DataFrame,
    *,
    period: str | None = "M",
    by: str | None = None,
    same_day: str = "merge",
    customer: str = "customer_id",
    date: str = "date",
) -> pd.DataFrame | float:
    """Customers with more than one order so far ÷ customers who ordered in the period.

    Parameters
    ----------
    frame : pandas.DataFrame
        One row per purchase: ``customer``, ``date``.
    period : {"M", "Q", "Y", None}, default "M"
        ``None`` treats the whole frame as one range.
    by : str, optional
        Segment column; a customer counts in the segment of its last order in
        the period.
    same_day : {"merge", "count"}, default "merge"
        Whether several orders on one day are one order (see :func:`repeat_rate`).
    customer, date : str
        Column names.

    Returns
    -------
    pandas.DataFrame or float
        Indexed by ``period`` and/or ``by``: ``customers`` (ordered in the
        period), ``returning`` (of those, with more than one order up to the
        period's end, history included) and ``returning_rate``; a float when
        ``period=None`` and not grouped.

    Examples
    --------
    >>> import pandas as pd, cskit
    >>> orders = pd.DataFrame({"customer_id": ["a", "a", "b", "c", "c"],
    ...     "date": ["2026-01-03", "2026-02-10", "2026-02-11", "2026-02-12", "2026-02-20"]})
    >>> orders.cs.returning_customer_rate()["returning_rate"].tolist()  # Feb: a and c of a, b, c
    [0.0, 0.6666666666666666]
    """
    freq = check_period(period)
    work = _orders(frame, customer, date, by, same_day)
    first_row = np.r_[True, work["c"].to_numpy()[1:] != work["c"].to_numpy()[:-1]]
    # Running number of the order within its customer (1, 2, …).
    starts = np.flatnonzero(first_row)
    number = np.arange(len(work)) - np.repeat(starts, np.diff(np.r_[starts, len(work)])) + 1
    work["n"] = number
    work["per"] = to_period(work["d"], freq) if freq is not None else 0
    # The last order of each customer in each period carries its running count.
    last = work.drop_duplicates(["c", "per"], keep="last")
    table = pd.DataFrame({"customers": 1, "returning": (last["n"] > 1).astype("int64")},
                         index=last.index)
    keys = []
    if freq is not None:
        keys.append(last["per"].rename("period"))
    if by is not None:
        keys.append(last["g"].rename(by))
    if not keys:
        return float(table["returning"].sum() / table["customers"].sum())
    out = table.groupby(keys, sort=True, observed=True, dropna=False).sum()
    out["returning_rate"] = out["returning"] / out["customers"]
    return out[RETURNING_COLUMNS]
