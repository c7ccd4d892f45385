"""Average revenue per account (ARPA) and per user (ARPU).

Both are *monthly* figures: revenue of the period per account (or user) per
month. The denominator is the mean number of paying accounts over the period's
months (``average="actives"``, default) or the mean of the counts at the start
and at the end of the period (``average="start_end"``). An account's several
lines in a month (plans, products) are added up first.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from cskit._conventions import with_convention
from cskit._validate import (
    as_month,
    as_number,
    check_choice,
    check_period,
    check_unique,
    require_columns,
)
from cskit.errors import InvalidParameterError, InvalidValueError
from cskit.metrics._panel import Panel, customer_months
from cskit.metrics._retention_common import (
    REQUIRES,
    TABLE,
    bins,
    label_table,
    lookup,
    period_of_months,
    row_keys,
    segments,
)
from cskit.registry import cs_method

PER_HEAD = {"arpa": "accounts", "arpu": "users"}


def _per_head(
    p: Panel,
    heads: np.ndarray,
    freq: str | None,
    average: str,
    by: str | None,
    kind: str,
) -> pd.DataFrame | float:
    """Revenue per head (account or user) per month of each whole period."""
    check_choice("average", average, ("actives", "start_end"))
    span = p.last - p.first + 1
    seg, n_seg = segments(p)
    cell = seg * span + (p.month - p.first)
    revenue = bins(cell, n_seg * span, p.mrr).reshape(n_seg, span)
    count = bins(cell, n_seg * span, heads).reshape(n_seg, span)
    month_freq = freq or "M"
    per = period_of_months(p.first, p.last, month_freq)
    periods = pd.PeriodIndex.from_ordinals(per, freq=month_freq)
    opens_at = np.asarray(periods.asfreq("M", how="start").asi8) - p.first
    closes_at = np.asarray(periods.asfreq("M", how="end").asi8) - p.first
    need_before = 1 if average == "start_end" else 0
    whole = (opens_at >= need_before) & (closes_at <= span - 1)
    if not whole.any():
        raise InvalidParameterError(
            f"No whole {month_freq!r} period in the data"
            + (" with a month before it" if need_before else "")
            + "; use a shorter period or more history."
        )
    kept, label = np.unique(per[whole], return_inverse=True)
    n_per = len(kept)
    rel = np.flatnonzero(whole)
    flat = (np.arange(n_seg)[:, None] * n_per + label[None, :]).ravel()

    def by_period(values: np.ndarray) -> np.ndarray:  # (segment, month) -> (segment, period)
        return bins(flat, n_seg * n_per, values[:, rel].ravel()).reshape(n_seg, n_per)

    n_months = np.bincount(label, minlength=n_per).astype(np.float64)
    total = by_period(revenue)
    active = by_period(count) / n_months
    kept_periods = pd.PeriodIndex.from_ordinals(kept, freq=month_freq)
    first_rel = np.asarray(kept_periods.asfreq("M", how="start").asi8) - p.first
    last_rel = np.asarray(kept_periods.asfreq("M", how="end").asi8) - p.first
    at_start = np.where(first_rel >= 1, count[:, np.maximum(first_rel - 1, 0)], np.nan)
    at_end = count[:, last_rel]
    denominator = active if average == "actives" else (at_start + at_end) / 2.0
    safe = np.where(denominator > 0, denominator, 1.0)
    rate = np.where(denominator > 0, total / n_months / safe, np.nan)
    unit = PER_HEAD[kind]
    values = {
        "revenue": total,
        "months": np.broadcast_to(n_months, total.shape).astype(np.int64),
        f"start_{unit}": at_start,
        f"end_{unit}": at_end,
        f"active_{unit}": active,
        "numerator": total / n_months,
        "denominator": denominator,
        kind: rate,
    }
    table = label_table(kept_periods, p.segments, by, {k: v.ravel() for k, v in values.items()})
    if kind == "arpa":  # whole accounts (missing: no month before the period in the data)
        for col in (f"start_{unit}", f"end_{unit}"):
            table[col] = table[col].round().astype("Int64")
    if freq is None:
        if by is None:
            return float(table[kind].iloc[-1])
        return table.xs(kept_periods[-1], level="period")
    return table


@cs_method(kpi="ARPA (average revenue per account)", table=TABLE, requires=REQUIRES)
@with_convention("arpa")
def arpa(
    frame: pd.DataFrame,
    *,
    period: str | None = "M",
    by: str | None = None,
    average: str = "actives",
    customer_col: str = "customer_id",
    month_col: str = "month",
    mrr_col: str = "mrr",
) -> pd.DataFrame | float:
    """Average revenue per account (ARPA) per month of the period.

    ARPA = revenue of the period ÷ months in it ÷ paying accounts, so a
    quarter's ARPA is comparable with a month's (multiply by 3 for revenue per
    account over the quarter). An account's lines (plans, products) are added
    up first: ARPA is per account, not per subscription.

    Parameters
    ----------
    frame : pandas.DataFrame
        An ``mrr`` frame (``customer_id, month, mrr``).
    period : {"M", "Q", "Y", None}, default "M"
        Only whole periods inside the data are reported. ``None`` returns the
        latest month's ARPA as one number.
    by : str, optional
        Segment column; an account counts in its segment of that month.
    average : {"actives", "start_end"}, default "actives"
        The account count: ``"actives"`` is the mean number of paying accounts
        over the period's months (for a month: the accounts paying in it, the
        usual ``MRR ÷ customers``); ``"start_end"`` is the mean of the accounts
        paying at the start (the month before the period) and at its end.
    customer_col, month_col, mrr_col : str
        Column names.

    Returns
    -------
    pandas.DataFrame or float
        Indexed by ``period`` (and ``by``): ``revenue`` (total in the period),
        ``months``, ``start_accounts``, ``end_accounts``, ``active_accounts``,
        ``numerator`` (revenue per month: ``revenue ÷ months``), ``denominator``
        and ``arpa``. A float with ``period=None`` (a frame
        indexed by ``by`` when grouped).

    Examples
    --------
    The catalogue's reference: accounts paying 100, 100, 300, 500 and 500.

    >>> import pandas as pd, cskit
    >>> df = pd.DataFrame({"customer_id": list("abcde"), "month": "2026-01",
    ...                    "mrr": [100.0, 100.0, 300.0, 500.0, 500.0]})
    >>> df.cs.arpa(period=None)
    300.0

    With a start and an end, the two averages differ:

    >>> df2 = pd.DataFrame({"customer_id": ["a", "b", "a", "b", "c", "d"],
    ...                     "month": ["2026-01"] * 2 + ["2026-02"] * 4,
    ...                     "mrr": [100.0, 100.0, 100.0, 100.0, 100.0, 100.0]})
    >>> df2.cs.arpa(period=None)  # 400 / 4 paying accounts
    100.0
    >>> df2.cs.arpa(period=None, average="start_end")  # 400 / ((2 + 4) / 2)
    133.33333333333334
    """
    freq = check_period(period)
    p = customer_months(frame, customer=customer_col, month=month_col, mrr=mrr_col, by=by,
                        duplicates="sum")
    return _per_head(p, np.ones(len(p.mrr)), freq, average, by, "arpa")


def _users_per_row(
    p: Panel, users: pd.DataFrame | pd.Series, account: str, seats: str, month: str
) -> np.ndarray:
    """Users of each panel row's account (that month, if ``users`` is monthly)."""
    if isinstance(users, pd.Series):
        users = pd.DataFrame({account: users.index, seats: users.to_numpy()})
    if not isinstance(users, pd.DataFrame):
        raise InvalidParameterError(
            f"users must be a DataFrame with {account!r} and {seats!r} columns (e.g. the "
            f"accounts table) or a Series of users indexed by account, not {type(users).__name__}."
        )
    require_columns(users, {"account_col": account, "seats_col": seats}, "users")
    counts = as_number(users, seats, "users").to_numpy()
    codes = p.customers.get_indexer(users[account])
    span = p.last - p.first + 1
    monthly = month in users.columns
    if monthly:
        check_unique(users, [account, month], "users",
                     hint="Give one user count per account and month.")
        ords = np.asarray(as_month(users, month, "users").array.asi8, dtype=np.int64)
        inside = (codes >= 0) & (ords >= p.first) & (ords <= p.last)
        keys = codes[inside].astype(np.int64) * span + (ords[inside] - p.first)
        order = np.argsort(keys, kind="stable")
        pos, found = lookup(keys[order], row_keys(p))
        per_row = np.where(found, counts[inside][order][pos] if len(keys) else 0.0, np.nan)
    else:
        check_unique(users, [account], "users",
                     hint="Give one row per account, or add a month column for monthly counts.")
        by_code = np.full(len(p.customers), np.nan)
        by_code[codes[codes >= 0]] = counts[codes >= 0]
        per_row = by_code[p.customer]
    missing = np.isnan(per_row)
    if missing.any():
        ids = pd.Series(p.customers[np.unique(p.customer[missing])])
        where = " in the months they pay" if monthly else ""
        raise InvalidValueError(
            f"Column {account!r} of the users frame has no user count for {ids.size} paying "
            f"account(s){where}: {', '.join(map(repr, ids.head(5).tolist()))}"
            f"{' (and more)' if ids.size > 5 else ''}. Add a row for each (with {seats!r} = 0 "
            f"if the account has no users)."
        )
    return per_row


@cs_method(kpi="ARPU (average revenue per user)", table=TABLE, requires=REQUIRES)
def arpu(
    frame: pd.DataFrame,
    users: pd.DataFrame | pd.Series,
    *,
    period: str | None = "M",
    by: str | None = None,
    average: str = "actives",
    customer_col: str = "customer_id",
    month_col: str = "month",
    mrr_col: str = "mrr",
    account_col: str = "account_id",
    seats_col: str = "seats",
) -> pd.DataFrame | float:
    """Average revenue per user (ARPU) per month of the period.

    ARPU = revenue of the period ÷ months in it ÷ users of the paying accounts.
    It is ARPA with each account weighted by its number of users (seats).

    Parameters
    ----------
    frame : pandas.DataFrame
        An ``mrr`` frame (``customer_id, month, mrr``).
    users : pandas.DataFrame or pandas.Series
        Users per account: a frame with ``account`` and ``seats`` columns (one
        row per account, e.g. the ``accounts`` table; or one row per account
        and month when it has a ``month`` column), or a Series of user counts
        indexed by account. Every paying account needs a count.
    period : {"M", "Q", "Y", None}, default "M"
        As in :func:`arpa`.
    by : str, optional
        Segment column of ``frame``.
    average : {"actives", "start_end"}, default "actives"
        As in :func:`arpa`, counting users instead of accounts.
    customer_col, month_col, mrr_col : str
        Column names of ``frame``.
    account_col, seats_col : str
        Column names of ``users`` (a ``month_col`` column there makes the counts monthly).

    Returns
    -------
    pandas.DataFrame or float
        Indexed by ``period`` (and ``by``): ``revenue``, ``months``,
        ``start_users``, ``end_users``, ``active_users``, ``numerator``
        (revenue per month), ``denominator`` and ``arpu``; a float with ``period=None``.

    Examples
    --------
    >>> import pandas as pd, cskit
    >>> mrr = pd.DataFrame({"customer_id": ["a", "b"], "month": "2026-01",
    ...                     "mrr": [100.0, 500.0]})
    >>> accounts = pd.DataFrame({"account_id": ["a", "b"], "seats": [2, 10]})
    >>> mrr.cs.arpu(accounts, period=None)  # 600 / 12 users
    50.0
    """
    freq = check_period(period)
    p = customer_months(frame, customer=customer_col, month=month_col, mrr=mrr_col, by=by,
                        duplicates="sum")
    heads = _users_per_row(p, users, account_col, seats_col, month_col)
    return _per_head(p, heads, freq, average, by, "arpu")
