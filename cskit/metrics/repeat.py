"""Repeat (continuation) rate and returning-customer rate on purchase or usage data.

The KPI-setting article defines the repeat rate (계속률 / 継続率, リピート率) as the share
of *new* customers who buy or use the service again at least once. "Again" needs a time
limit to be comparable between cohorts, so :func:`repeat_rate` counts a customer as a
repeater when a second purchase falls within ``window`` days (or months) of the first,
and by default leaves out customers whose window is not over when the data ends: they
have not yet had the full chance to come back, and counting them as non-repeaters drags
the most recent cohorts down.

:func:`returning_customer_rate` is the e-commerce form of the catalogue: among the
customers who ordered in a period, the share who have ordered more than once.

Both take one row per purchase (``customer_col``, ``date_col``, optionally ``amount_col``): an order
log such as the CDNOW purchase log, product events, or an ``mrr`` frame with
``date_col="month"`` (then a "purchase" is a paying month and the window counts months).

Conventions shared by both functions:

* ``same_day="merge"`` (default): rows of one customer on the same day (same month with
  ``unit="M"``) are one occasion. Order logs often hold several lines for one visit, and
  a second line on the same day is not "coming back".
* ``amount_col=`` (optional): rows with an amount of 0 are not purchases (a free line, a
  month with no MRR); negative amounts are bad input (net refunds out first).
* ``unit=None`` picks ``"M"`` for a monthly ``Period`` column and ``"D"`` otherwise.
"""

from __future__ import annotations

import warnings

import numpy as np
import pandas as pd

from cskit._validate import (
    check_choice,
    check_period,
)
from cskit.errors import (
    CskitWarning,
    InvalidParameterError,
    caller_stacklevel,
)
from cskit.metrics._occasions import occasions
from cskit.registry import cs_method

TABLE = "transactions"
UNITS = ("D", "M")
DEFAULT_WINDOW = {"D": 90, "M": 3}
REPEAT_COLUMNS = ["new_customers", "observable", "repeaters", "numerator", "denominator",
                  "repeat_rate"]
RETURNING_COLUMNS = ["customers", "returning", "numerator", "denominator",
                     "returning_customer_rate"]
def _window(window: int | None, unit: str) -> int:
    if window is None:
        return DEFAULT_WINDOW[unit]
    if isinstance(window, bool) or not isinstance(window, int | np.integer) or window < 1:
        word = "days" if unit == "D" else "months"
        raise InvalidParameterError(
            f"window={window!r} must be a whole number of {word} >= 1 (e.g. "
            f"{DEFAULT_WINDOW[unit]})."
        )
    return int(window)


def _group(
    counts: pd.DataFrame, keys: list[pd.Series | pd.Index], columns: list[str]
) -> pd.DataFrame:
    out = counts.groupby(keys, sort=True, observed=True, dropna=False)[columns].sum()
    return out.astype("int64")


@cs_method(kpi="Repeat (continuation) rate", table=TABLE, requires=("customer_id", "date"))
def repeat_rate(
    frame: pd.DataFrame,
    *,
    window: int | None = None,
    period: str | None = "M",
    by: str | None = None,
    unit: str | None = None,
    same_day: str = "merge",
    incomplete: str = "exclude",
    as_of: object = None,
    customer_col: str = "customer_id",
    date_col: str = "date",
    amount_col: str | None = None,
) -> pd.DataFrame | float:
    """Share of new customers who come back at least once within ``window`` of their first purchase.

    A customer's first purchase in the frame makes it *new* on that day (so the frame
    must start early enough to hold every customer's real first purchase). It is a
    *repeater* when another purchase (another occasion, see ``same_day``) falls at most
    ``window`` days (months) after the first.

    Parameters
    ----------
    frame : pandas.DataFrame
        One row per purchase or use: ``customer_col``, ``date_col`` (and ``amount_col``).
    window : int, optional
        Days (``unit="D"``) or months (``unit="M"``) after the first purchase, inclusive,
        in which a second one counts. Default 90 days, or 3 months.
    period : {"M", "Q", "Y", None}, default "M"
        Cohorts by the period of the first purchase; ``None`` gives one number.
    by : str, optional
        Segment column; a customer counts in the segment of its first purchase.
    unit : {"D", "M"}, optional
        Time unit of occasions and of ``window``. ``None``: ``"M"`` when ``date`` is a
        monthly ``Period`` column (an ``mrr`` frame's ``month``), else ``"D"``.
    same_day : {"merge", "count"}, default "merge"
        ``"merge"``: rows on the same day (month) are one occasion, so a repeat must be on
        a later day. ``"count"``: a second row on the first day already counts.
    incomplete : {"exclude", "include"}, default "exclude"
        Customers whose window ends after ``as_of`` cannot be judged yet. ``"exclude"``
        leaves them out of the denominator; ``"include"`` judges them on what the data
        shows so far (not back yet = not a repeater), which biases recent cohorts down.
    as_of : date, optional
        End of the observed data (purchases after it are ignored); default the latest date.
    customer_col, date_col : str
        Column names.
    amount_col : str, optional
        Amount column; rows with amount 0 are not purchases (``amount_col="mrr"`` on an
        ``mrr`` frame skips months without MRR).

    Returns
    -------
    pandas.DataFrame or float
        Indexed by ``period`` (the cohort) and/or ``by``: ``new_customers``,
        ``observable`` (customers in the denominator), ``repeaters`` (observable customers
        who came back) and ``repeat_rate``; a float when neither is given (NaN, with a
        warning, when no customer's window is over).

    Examples
    --------
    >>> import pandas as pd, cskit
    >>> orders = pd.DataFrame({
    ...     "customer_id": ["a", "a", "b", "b", "c", "d", "e", "e"],
    ...     "date": ["2026-01-01", "2026-01-20", "2026-01-05", "2026-06-01",
    ...              "2026-01-09", "2026-06-01", "2026-02-01", "2026-02-01"]})

    a comes back on day 19; b only after 147 days; c never; e twice on one day (one
    visit); d's 30 days are not over when the data ends (2026-06-01), so it is left out:

    >>> orders.cs.repeat_rate(period=None, window=30)  # 1 repeater (a) of 4 observable (a, b, c, e)
    0.25
    >>> orders.cs.repeat_rate(period=None, window=30, incomplete="include")  # 1 of all 5
    0.2
    >>> orders.cs.repeat_rate(period=None, window=30, same_day="count")  # e's 2nd line: 2 of 4
    0.5
    >>> orders.cs.repeat_rate(period=None, window=150, incomplete="include")  # a, b of all 5
    0.4
    >>> orders.cs.repeat_rate(window=30)[["new_customers", "observable", "repeaters",
    ...                                   "repeat_rate"]]  # doctest: +NORMALIZE_WHITESPACE
             new_customers  observable  repeaters  repeat_rate
    period
    2026-01              3           3          1     0.333333
    2026-02              1           1          0     0.000000
    2026-06              1           0          0          NaN

    ``as_of`` looks at the data as it was on a date (later purchases are ignored), and
    ``by`` splits by the segment of the first purchase:

    >>> orders.cs.repeat_rate(period=None, window=30, as_of="2026-03-01")  # a of a, b, c
    0.3333333333333333
    >>> orders.assign(shop=["web"] * 4 + ["app"] * 4).cs.repeat_rate(
    ...     period=None, window=30, by="shop")[["numerator", "denominator", "repeat_rate"]]
    ... # doctest: +NORMALIZE_WHITESPACE
          numerator  denominator  repeat_rate
    shop
    app           0            2          0.0
    web           1            2          0.5

    On an ``mrr`` frame a purchase is a paying month and the window counts months:

    >>> mrr = pd.DataFrame({"customer_id": ["a", "a", "b", "c", "c"],
    ...                     "month": pd.PeriodIndex(["2026-01", "2026-02", "2026-01",
    ...                                              "2026-01", "2026-02"], freq="M"),
    ...                     "mrr": [50.0, 50.0, 80.0, 30.0, 0.0]})
    >>> mrr.cs.repeat_rate(period=None, date_col="month", amount_col="mrr", window=1)  # a of 3
    0.3333333333333333
    """
    check_choice("incomplete", incomplete, ("exclude", "include"))
    freq = check_period(period)
    occ = occasions(frame, customer=customer_col, date=date_col, amount=amount_col, by=by,
                     unit=unit, same_day=same_day, as_of=as_of)
    win = _window(window, occ.unit)
    starts = occ.starts
    sizes = np.diff(np.r_[starts, len(occ.t)])
    first_t = occ.t[starts]
    again = ~occ.first_row & (occ.t - np.repeat(first_t, sizes) <= win)
    n = len(starts)
    repeated = np.bincount(occ.customer[again], minlength=int(occ.customer.max()) + 1) > 0
    repeated = repeated[occ.customer[starts]]
    if incomplete == "exclude":
        observable = first_t + win <= occ.end
    else:
        observable = np.ones(n, dtype=bool)
    counts = pd.DataFrame(
        {
            "new_customers": np.ones(n, dtype=np.int64),
            "observable": observable.astype(np.int64),
            "repeaters": (repeated & observable).astype(np.int64),
        }
    )
    keys: list[pd.Series | pd.Index] = []
    if freq is not None:
        keys.append(pd.Series(occ.labels(first_t, freq), name="period"))
    if by is not None:
        keys.append(pd.Series(occ.segments[occ.segment[starts]], name=by))
    if not keys:
        obs = int(counts["observable"].sum())
        if obs == 0:
            warnings.warn(
                f"No customer's {win}-{'day' if occ.unit == 'D' else 'month'} window is over "
                f"by the end of the data; the repeat rate is undefined (NaN). Use a shorter "
                f"window or incomplete='include'.",
                CskitWarning,
                stacklevel=caller_stacklevel(),
            )
            return float("nan")
        return float(counts["repeaters"].sum() / obs)
    out = _group(counts, keys, ["new_customers", "observable", "repeaters"])
    out["numerator"] = out["repeaters"]
    out["denominator"] = out["observable"]
    out["repeat_rate"] = (out["repeaters"] / out["observable"]).where(out["observable"] > 0)
    return out[REPEAT_COLUMNS]


@cs_method(kpi="Returning-customer rate", table=TABLE, requires=("customer_id", "date"))
def returning_customer_rate(
    frame: pd.DataFrame,
    *,
    period: str | None = "M",
    by: str | None = None,
    history: str = "to_date",
    unit: str | None = None,
    same_day: str = "merge",
    customer_col: str = "customer_id",
    date_col: str = "date",
    amount_col: str | None = None,
) -> pd.DataFrame | float:
    """Customers with more than one order ÷ customers who ordered in the period.

    Parameters
    ----------
    frame : pandas.DataFrame
        One row per purchase: ``customer_col``, ``date_col`` (and ``amount_col``).
    period : {"M", "Q", "Y", None}, default "M"
        ``None`` treats the whole frame as one range.
    by : str, optional
        Segment column; a customer counts in the segment of its last order in the period.
    history : {"to_date", "in_period", "ever"}, default "to_date"
        Which orders count towards "more than one": ``"to_date"`` every order up to the
        end of the period, earlier ones included (a period's value never changes when
        later data arrives); ``"in_period"`` only orders inside the period;
        ``"ever"`` every order in the frame, later ones included (the catalogue's
        "more than one order ever"; past periods rise as data arrives).
    unit : {"D", "M"}, optional
        Granularity of an occasion (see :func:`repeat_rate`).
    same_day : {"merge", "count"}, default "merge"
        Whether several rows on one day (month) are one order.
    customer_col, date_col : str
        Column names.
    amount_col : str, optional
        Amount column; rows with amount 0 are not orders.

    Returns
    -------
    pandas.DataFrame or float
        Indexed by ``period`` and/or ``by``: ``customers`` (ordered in the period),
        ``returning`` (of those, with more than one order as ``history`` says),
        ``numerator`` (= returning), ``denominator`` (= customers) and
        ``returning_customer_rate``; a float when ``period=None`` and not grouped.

    Examples
    --------
    >>> import pandas as pd, cskit
    >>> orders = pd.DataFrame({"customer_id": ["a", "a", "b", "c", "c", "b"],
    ...     "date": ["2026-01-03", "2026-02-10", "2026-02-11", "2026-02-12", "2026-02-20",
    ...              "2026-03-01"]})

    In February a (thanks to January), c (two orders) and not b, out of a, b, c:

    >>> orders.cs.returning_customer_rate()["returning_customer_rate"].round(4).tolist()
    [0.0, 0.6667, 1.0]
    >>> orders.cs.returning_customer_rate(history="in_period")["returning"].tolist()
    [0, 1, 0]
    >>> orders.cs.returning_customer_rate(history="ever")["returning"].tolist()  # b too
    [1, 3, 1]
    >>> orders.cs.returning_customer_rate(period=None)  # every customer has 2 orders
    1.0
    """
    check_choice("history", history, ("to_date", "in_period", "ever"))
    freq = check_period(period)
    occ = occasions(frame, customer=customer_col, date=date_col, amount=amount_col, by=by,
                     unit=unit, same_day=same_day, as_of=None)
    c = occ.customer
    starts = occ.starts
    sizes = np.diff(np.r_[starts, len(c)])
    number = np.arange(len(c)) - np.repeat(starts, sizes) + 1  # 1, 2, … within a customer
    if freq is None:
        per = np.zeros(len(c), dtype=np.int64)
    else:
        per = np.asarray(occ.labels(occ.t, freq).asi8, dtype=np.int64)
    # Rows are sorted by customer then time, so each (customer, period) is one run.
    head = np.flatnonzero(np.r_[True, (c[1:] != c[:-1]) | (per[1:] != per[:-1])])
    last = np.r_[head[1:], len(c)] - 1
    if history == "to_date":
        returning = number[last] > 1
    elif history == "in_period":
        returning = (last - head + 1) > 1
    else:
        returning = np.repeat(sizes, sizes)[last] > 1
    counts = pd.DataFrame(
        {"customers": np.ones(len(head), dtype=np.int64), "returning": returning.astype(np.int64)}
    )
    keys: list[pd.Series | pd.Index] = []
    if freq is not None:
        keys.append(pd.Series(pd.PeriodIndex.from_ordinals(per[head], freq=freq), name="period"))
    if by is not None:
        keys.append(pd.Series(occ.segments[occ.segment[last]], name=by))
    if not keys:
        return float(counts["returning"].sum() / len(counts))
    out = _group(counts, keys, ["customers", "returning"])
    out["numerator"] = out["returning"]
    out["denominator"] = out["customers"]
    out["returning_customer_rate"] = out["returning"] / out["customers"]
    return out[RETURNING_COLUMNS]
