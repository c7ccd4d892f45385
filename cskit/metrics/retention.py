"""Revenue per account, revenue retention (NRR / GRR), quick ratio and cohort retention.

Every function starts from the validated customer × month panel
(:func:`cskit.metrics._panel.customer_months`): one row per customer and month
with MRR > 0, sorted by customer then month, as NumPy arrays. A customer's
several lines in a month (plans, products) are combined first.

Conventions (KPI catalogue, "Revenue and retention"):

* **ARPA / ARPU** – a *monthly* figure: revenue of the period per account (or
  user) per month. The denominator is the mean number of paying accounts over
  the period's months (``average="actives"``, default) or the mean of the
  counts at the start and at the end of the period (``average="start_end"``).
* **NRR / GRR** – the customers paying at the start of a window and their MRR
  at its end; new business and reactivation are excluded.
  ``NRR = (start + expansion − contraction − churn) ÷ start`` and
  ``GRR = (start − contraction − churn) ÷ start``; each customer's retained
  MRR is capped at its start MRR for GRR, so GRR is never above 100 %.
  ``window=1`` is the monthly form, ``window=12`` the trailing-twelve-month
  (year-over-year) form that benchmarks quote.
* **Quick ratio** – ``(new + expansion + reactivation) ÷ (contraction + churn)``.
* **Cohort retention** – customers grouped by the month they first paid;
  logo or revenue retention after 0, 1, 2, … months, paying *on* that month or
  *on or after* it.

Rates are fractions (1.05 = 105 %).
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
from cskit.metrics._gaps import flag_gaps
from cskit.metrics._kernels import window_sums
from cskit.metrics._panel import (
    Panel,
    customer_months,
    previous_is_consecutive,
)
from cskit.metrics.mrr import mrr_movements
from cskit.registry import cs_method

TABLE = "mrr"
REQUIRES = ("customer_id", "month", "mrr")
FLOW_COLUMNS = [
    "start_customers", "retained_customers", "start", "expansion", "contraction", "churn", "end",
]
PER_HEAD = {"arpa": "accounts", "arpu": "users"}
_PERIOD_MONTHS = {"M": 1, "Q": 3, "Y": 12}

# --------------------------------------------------------------------------- helpers


def _segments(p: Panel) -> tuple[np.ndarray, int]:
    """Segment code of every row (all zero when not grouped) and the number of segments."""
    if p.segment is None:
        return np.zeros(len(p.mrr), dtype=np.int64), 1
    return p.segment.astype(np.int64), len(p.segments)


def _bins(at: np.ndarray, size: int, weights: np.ndarray | None = None) -> np.ndarray:
    """``np.bincount`` that always returns ``size`` floats (also for no rows)."""
    return np.bincount(at, weights=weights, minlength=size)[:size].astype(np.float64)


def _runs(p: Panel) -> tuple[np.ndarray, np.ndarray]:
    """First and last month of the unbroken paying run each row belongs to."""
    n = len(p.month)
    if n == 0:
        return p.month.copy(), p.month.copy()
    opens = np.flatnonzero(~previous_is_consecutive(p))
    closes = np.r_[opens[1:], n] - 1
    lengths = closes - opens + 1
    return np.repeat(p.month[opens], lengths), np.repeat(p.month[closes], lengths)


def _row_keys(p: Panel) -> np.ndarray:
    """``customer × span + month index``: ascending, since the panel is sorted."""
    span = p.last - p.first + 1
    return p.customer.astype(np.int64) * span + (p.month - p.first)


def _lookup(keys: np.ndarray, wanted: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Positions of ``wanted`` in the sorted ``keys`` and whether each is there."""
    if len(keys) == 0:
        return np.zeros(len(wanted), dtype=np.int64), np.zeros(len(wanted), dtype=bool)
    pos = np.minimum(np.searchsorted(keys, wanted), len(keys) - 1)
    return pos, keys[pos] == wanted


def _first_rows(p: Panel) -> tuple[np.ndarray, np.ndarray]:
    """Index of each customer's first row, and for every row that customer's first month."""
    n = len(p.customer)
    first_index = np.flatnonzero(np.r_[True, p.customer[1:] != p.customer[:-1]][:n])
    lengths = np.diff(np.r_[first_index, n])
    return first_index, np.repeat(p.month[first_index], lengths)


def _period_of_months(first: int, last: int, freq: str) -> np.ndarray:
    """Ordinal of the ``freq`` period of every month ordinal from ``first`` to ``last``."""
    months = pd.PeriodIndex.from_ordinals(np.arange(first, last + 1), freq="M")
    return np.asarray(months.asfreq(freq).asi8, dtype=np.int64)


def _label(index_periods: pd.PeriodIndex, segments: pd.Index | None, by: str | None,
           values: dict[str, np.ndarray], name: str = "period") -> pd.DataFrame:
    """A result frame indexed by period (and ``by``) from arrays shaped (segment, period)."""
    n_seg = 1 if segments is None else len(segments)
    n_per = len(index_periods)
    table = pd.DataFrame({k: np.asarray(v).reshape(n_seg, n_per).T.ravel() for k, v in values.items()})
    if by is None:
        table.index = pd.PeriodIndex(index_periods, name=name)
    else:
        table.index = pd.MultiIndex.from_arrays(
            [np.repeat(index_periods, n_seg), np.tile(np.asarray(segments, dtype=object), n_per)],
            names=[name, by],
        )
        table.index = table.index.set_levels(
            pd.PeriodIndex(table.index.levels[0], name=name), level=0
        )
    return table


def _check_window(window: object, span: int, freq: str | None) -> int:
    if window is None:
        return _PERIOD_MONTHS.get(freq or "M", 1)
    if isinstance(window, bool) or not isinstance(window, (int, np.integer)) or window < 1:
        raise InvalidParameterError(
            f"window={window!r} must be a whole number of months >= 1: 1 for monthly "
            f"retention, 12 for the trailing-twelve-month (year-over-year) form."
        )
    if window > span - 1:
        raise InvalidParameterError(
            f"window={window} needs at least {window + 1} months of data; the frame covers "
            f"{span}. Use a shorter window or more history."
        )
    return int(window)


def _end_months(p: Panel, freq: str | None, earliest: int) -> tuple[np.ndarray, pd.PeriodIndex]:
    """Month indexes (0 = first month) that close a reported period, and the periods.

    A period is reported when its last month is in the data and is at least
    ``earliest`` months after the data's first month (the start of a window).
    """
    span = p.last - p.first + 1
    rel = np.arange(earliest, span)
    if freq in (None, "M"):
        return rel, pd.PeriodIndex.from_ordinals(p.first + rel, freq="M")
    # One month past the data tells whether the data's last month closes its period.
    per = _period_of_months(p.first, p.last + 1, freq)
    closes = per[1:] != per[:-1]
    keep = rel[closes[rel]]
    return keep, pd.PeriodIndex.from_ordinals(per[keep], freq=freq)


# --------------------------------------------------------------------------- ARPA / ARPU


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
    seg, n_seg = _segments(p)
    cell = seg * span + (p.month - p.first)
    revenue = _bins(cell, n_seg * span, p.mrr).reshape(n_seg, span)
    count = _bins(cell, n_seg * span, heads).reshape(n_seg, span)
    month_freq = freq or "M"
    per = _period_of_months(p.first, p.last, month_freq)
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
        return _bins(flat, n_seg * n_per, values[:, rel].ravel()).reshape(n_seg, n_per)

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
        "denominator": denominator,
        kind: rate,
    }
    table = _label(kept_periods, p.segments, by, {k: v.ravel() for k, v in values.items()})
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
    customer: str = "customer_id",
    month: str = "month",
    mrr: str = "mrr",
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
    customer, month, mrr : str
        Column names.

    Returns
    -------
    pandas.DataFrame or float
        Indexed by ``period`` (and ``by``): ``revenue`` (total in the period),
        ``months``, ``start_accounts``, ``end_accounts``, ``active_accounts``,
        ``denominator`` and ``arpa``. A float with ``period=None`` (a frame
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
    p = customer_months(frame, customer=customer, month=month, mrr=mrr, by=by,
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
    require_columns(users, {"account": account, "seats": seats}, "users")
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
        pos, found = _lookup(keys[order], _row_keys(p))
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
    customer: str = "customer_id",
    month: str = "month",
    mrr: str = "mrr",
    account: str = "account_id",
    seats: str = "seats",
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
    customer, month, mrr : str
        Column names of ``frame``.
    account, seats : str
        Column names of ``users``.

    Returns
    -------
    pandas.DataFrame or float
        Indexed by ``period`` (and ``by``): ``revenue``, ``months``,
        ``start_users``, ``end_users``, ``active_users``, ``denominator`` and
        ``arpu``; a float with ``period=None``.

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
    p = customer_months(frame, customer=customer, month=month, mrr=mrr, by=by,
                        duplicates="sum")
    heads = _users_per_row(p, users, account, seats, month)
    return _per_head(p, heads, freq, average, by, "arpu")


# --------------------------------------------------------------------------- NRR / GRR


def _window_flows(
    p: Panel, w: int, reactivated: str, src: np.ndarray | None = None
) -> dict[str, np.ndarray]:
    """For start rows ``src`` (all rows when None): whether the customer still pays
    ``w`` months later, its MRR then (0 when not), and the window's movements.

    Without reactivation the customer's row ``w`` months later can only be the
    row ``w`` places further down (the panel is sorted and has no month twice),
    so no search is needed: compare customer and month there.
    """
    n = len(p.mrr)
    idx = np.arange(n) if src is None else src
    if reactivated == "exclude":
        if src is None:  # shifted views of the whole panel: no index arrays
            found = np.zeros(n, dtype=bool)
            end_v = np.zeros(n)
            if n > w:
                head, tail = slice(0, n - w), slice(w, n)
                found[head] = (p.customer[tail] == p.customer[head]) & (
                    p.month[tail] == p.month[head] + w)
                end_v[head] = np.where(found[head], p.mrr[tail], 0.0)
        else:
            there = np.minimum(idx + w, max(n - 1, 0))
            found = (idx + w < n) & (p.customer[there] == p.customer[idx]) & (
                p.month[there] == p.month[idx] + w) if n else np.zeros(0, dtype=bool)
            end_v = np.where(found, p.mrr[there], 0.0) if n else np.zeros(0)
    else:
        keys = _row_keys(p)
        pos, found = _lookup(keys, keys[idx] + w)
        end_v = np.where(found, p.mrr[pos], 0.0) if n else np.zeros(0)
    start_v = p.mrr if src is None else p.mrr[idx]
    diff = end_v - start_v
    return {
        "found": found,
        "start": start_v,
        "end": end_v,
        "expansion": np.where(found & (diff > 0), diff, 0.0),
        "contraction": np.where(found & (diff < 0), -diff, 0.0),
        "churn": np.where(found, 0.0, start_v),
    }


def _retention(
    frame: pd.DataFrame,
    *,
    period: str | None,
    window: int | None,
    reactivated: str,
    by: str | None,
    customer: str,
    month: str,
    mrr: str,
) -> tuple[pd.DataFrame, str | None]:
    freq = check_period(period)
    check_choice("reactivated", reactivated, ("exclude", "count"))
    p = customer_months(frame, customer=customer, month=month, mrr=mrr, by=by,
                        duplicates="sum")
    span = p.last - p.first + 1
    w = _check_window(window, span, freq)
    seg, n_seg = _segments(p)
    size = n_seg * span
    if reactivated == "exclude":  # block-parallel (cskit.metrics._kernels)
        sums = window_sums(p, w, grouped=p.segment is not None)
    else:
        flows = _window_flows(p, w, reactivated)
        # Rows whose window ends after the data go to a spare bin (no masked copies).
        target = p.month - p.first + w
        cell = np.where(target <= span - 1, seg * span + target, size)
        sums = {
            "start_customers": _bins(cell, size + 1)[:size],
            "retained_customers": _bins(cell, size + 1, flows["found"].astype(np.float64))[:size],
            **{k: _bins(cell, size + 1, flows[k])[:size]
               for k in ("start", "expansion", "contraction", "churn", "end")},
        }
    ends, periods = _end_months(p, freq, w)
    if len(ends) == 0:
        raise InvalidParameterError(
            f"No whole {freq or 'M'!r} period with a {w}-month window in the data; use a shorter "
            f"window or period, or more history."
        )
    values = {k: v.reshape(n_seg, span)[:, ends].ravel() for k, v in sums.items()}
    table = _label(periods, p.segments, by, values)
    for col in ("start_customers", "retained_customers"):
        table[col] = table[col].astype(np.int64)
    start = table["start"]
    kept = start - table["contraction"] - table["churn"]
    table["nrr"] = ((kept + table["expansion"]) / start).where(start > 0)
    # min(end, start) per customer summed: at most the start MRR.
    table["grr"] = np.minimum(kept / start, 1.0).where(start > 0)
    table.attrs = {}
    return flag_gaps(table, p.empty_months, window=w), freq


def _finish(table: pd.DataFrame, freq: str | None, by: str | None, column: str):
    out = table[FLOW_COLUMNS + [column] + (["data_gap"] if "data_gap" in table.columns else [])]
    if freq is None:
        if by is None:
            return float(out[column].iloc[-1])
        latest = out.index.get_level_values("period")[-1]
        return out.xs(latest, level="period")
    return out


_RETENTION_PARAMS = """
    Parameters
    ----------
    frame : pandas.DataFrame
        An ``mrr`` frame (``customer_id, month, mrr``).
    period : {"M", "Q", "Y", None}, default "M"
        Each period is reported with the window that ends at its last month.
        ``None`` returns the latest month's value as one number.
    window : int, optional
        Months between the start and the end of the window. Default: the
        length of ``period`` (1 for months and ``None``, 3 for quarters, 12 for
        years). ``window=12`` with ``period="M"`` gives the trailing-twelve-month
        (year-over-year) figure at every month end, the form benchmarks quote.
    reactivated : {"exclude", "count"}, default "exclude"
        A customer paying at the start of the window who stops during it and is
        back by its end: ``"exclude"`` counts it as churned (its return is
        reactivation, which retention leaves out); ``"count"`` keeps its MRR at
        the end. Irrelevant for ``window=1``.
    by : str, optional
        Segment column; a customer belongs to its segment at the window start.
    customer, month, mrr : str
        Column names.
"""

def _fill_doc(func):
    """Put the shared parameter text into ``func``'s docstring (before registration,
    so ``df.cs.<name>`` shows the same docstring)."""
    func.__doc__ = func.__doc__.replace("{params}", _RETENTION_PARAMS)
    return func



@cs_method(kpi="Net revenue retention (NRR)", table=TABLE, requires=REQUIRES)
@with_convention("nrr")
@_fill_doc
def nrr(
    frame: pd.DataFrame,
    *,
    period: str | None = "M",
    window: int | None = None,
    reactivated: str = "exclude",
    by: str | None = None,
    customer: str = "customer_id",
    month: str = "month",
    mrr: str = "mrr",
) -> pd.DataFrame | float:
    """Net revenue (dollar) retention: what the customers at the start pay at the end.

    NRR = (start MRR + expansion − contraction − churn) ÷ start MRR, over the
    customers paying at the start of the window; customers who join (new
    business) or come back (reactivation) during it are left out. Above 100 %,
    the existing base grows on its own.
    {params}
    Returns
    -------
    pandas.DataFrame or float
        Indexed by ``period`` (and ``by``): ``start_customers``,
        ``retained_customers``, ``start`` (their MRR at the window start),
        ``expansion``, ``contraction``, ``churn``, ``end`` (their MRR at the
        window end) and ``nrr``. A float with ``period=None``.
        A month without a single row inside the data's span adds a boolean
        ``data_gap`` column flagging the periods it feeds (with a warning).

    Examples
    --------
    Start MRR 100; one customer expands by 10, one contracts by 10, one
    churns 10: (100 + 10 − 10 − 10) ÷ 100 = 0.9. The newcomer d is left out.

    >>> import pandas as pd, cskit
    >>> df = pd.DataFrame({
    ...     "customer_id": ["a", "b", "c", "e", "a", "b", "e", "d"],
    ...     "month": ["2026-01"] * 4 + ["2026-02"] * 4,
    ...     "mrr": [40.0, 30.0, 10.0, 20.0, 50.0, 20.0, 20.0, 99.0]})
    >>> df.cs.nrr(period=None)
    0.9
    >>> df.cs.nrr()[["start", "expansion", "contraction", "churn", "end", "nrr"]]
    ... # doctest: +NORMALIZE_WHITESPACE
             start  expansion  contraction  churn   end  nrr
    period
    2026-02  100.0       10.0         10.0   10.0  90.0  0.9
    """
    table, freq = _retention(frame, period=period, window=window, reactivated=reactivated,
                             by=by, customer=customer, month=month, mrr=mrr)
    return _finish(table, freq, by, "nrr")


@cs_method(kpi="Gross revenue retention (GRR)", table=TABLE, requires=REQUIRES)
@with_convention("grr")
@_fill_doc
def grr(
    frame: pd.DataFrame,
    *,
    period: str | None = "M",
    window: int | None = None,
    reactivated: str = "exclude",
    by: str | None = None,
    customer: str = "customer_id",
    month: str = "month",
    mrr: str = "mrr",
) -> pd.DataFrame | float:
    """Gross revenue retention: the share of the starting MRR kept, expansion ignored.

    GRR = (start MRR − contraction − churn) ÷ start MRR over the customers
    paying at the start of the window; it is never above 100 % (each
    customer's MRR at the end counts up to its MRR at the start) and never
    above NRR.
    {params}
    Returns
    -------
    pandas.DataFrame or float
        The columns of :func:`nrr` with ``grr`` instead of ``nrr``.
        A month without a single row inside the data's span adds a boolean
        ``data_gap`` column flagging the periods it feeds (with a warning).

    Examples
    --------
    >>> import pandas as pd, cskit
    >>> df = pd.DataFrame({
    ...     "customer_id": ["a", "b", "c", "e", "a", "b", "e", "d"],
    ...     "month": ["2026-01"] * 4 + ["2026-02"] * 4,
    ...     "mrr": [40.0, 30.0, 10.0, 20.0, 50.0, 20.0, 20.0, 99.0]})
    >>> df.cs.grr(period=None)  # (100 - 10 - 10) / 100
    0.8
    """
    table, freq = _retention(frame, period=period, window=window, reactivated=reactivated,
                             by=by, customer=customer, month=month, mrr=mrr)
    return _finish(table, freq, by, "grr")




# --------------------------------------------------------------------------- quick ratio


@cs_method(kpi="SaaS quick ratio", table=TABLE, requires=REQUIRES)
@with_convention("quick_ratio")
def quick_ratio(
    frame: pd.DataFrame,
    *,
    period: str | None = "M",
    include_reactivation: bool = True,
    by: str | None = None,
    customer: str = "customer_id",
    month: str = "month",
    mrr: str = "mrr",
) -> pd.DataFrame | float:
    """SaaS quick ratio: MRR gained for each unit of MRR lost.

    quick ratio = (new + expansion + reactivation) ÷ (contraction + churn).
    Above 1 the MRR grows; 4 is the usual mark of efficient growth. It is
    undefined (NaN, not infinite) in a period that lost nothing.

    Parameters
    ----------
    frame : pandas.DataFrame
        An ``mrr`` frame.
    period : {"M", "Q", "Y", None}, default "M"
        Flows are summed over the period (whole periods only, see
        :func:`cskit.metrics.mrr_movements`). ``None`` sums every month after
        the first into one ratio.
    include_reactivation : bool, default True
        Count returning customers' MRR as gained. ``False`` leaves it out of
        the numerator (it is still not a loss).
    by : str, optional
        Segment column (see :func:`cskit.metrics.mrr_movements`).
    customer, month, mrr : str
        Column names.

    Returns
    -------
    pandas.DataFrame or float
        Indexed by ``period`` (and ``by``): ``new, expansion, reactivation,
        contraction, churn, gained, lost, quick_ratio``; a float with
        ``period=None`` when not grouped.
        A month without a single row inside the data's span adds a boolean
        ``data_gap`` column flagging the periods it feeds (with a warning).

    Examples
    --------
    >>> import pandas as pd, cskit
    >>> df = pd.DataFrame({
    ...     "customer_id": ["a", "b", "c", "a", "c", "d", "e"],
    ...     "month": ["2026-01"] * 3 + ["2026-02"] * 4,
    ...     "mrr": [100.0, 50.0, 50.0, 130.0, 40.0, 60.0, 10.0]})
    >>> df.cs.quick_ratio(period=None)  # (70 new + 30 expansion) / (10 + 50)
    1.6666666666666667
    """
    if not isinstance(include_reactivation, (bool, np.bool_)):
        raise InvalidParameterError(
            f"include_reactivation={include_reactivation!r} must be True or False."
        )
    freq = check_period(period)
    moves = mrr_movements(frame, period=freq or "M", by=by, customer=customer, month=month,
                          mrr=mrr)
    flows = ["new", "expansion", "reactivation", "contraction", "churn"]
    if freq is None:
        if by is None:
            moves = moves[flows].sum().to_frame().T
        else:
            moves = moves.groupby(level=by, sort=True)[flows].sum()
    table = moves[flows].copy()
    table["gained"] = table["new"] + table["expansion"]
    if include_reactivation:
        table["gained"] = table["gained"] + table["reactivation"]
    table["lost"] = table["contraction"] + table["churn"]
    table["quick_ratio"] = (table["gained"] / table["lost"]).where(table["lost"] > 0)
    if "data_gap" in moves.columns and freq is not None:
        table["data_gap"] = moves["data_gap"]
    if freq is None and by is None:
        return float(table["quick_ratio"].iloc[0])
    return table


# --------------------------------------------------------------------------- cohorts


def _cohort_setup(p: Panel, freq: str, include_first: bool):
    """Per row: cohort position and age; the cohorts; each cohort's latest first month.

    Cohorts are found on the (few) months, not on the rows: a month -> cohort
    lookup table is indexed with each row's first month.
    """
    first_index, cust_first = _first_rows(p)
    span = p.last - p.first + 1
    per_of_month = _period_of_months(p.first, p.last, freq)
    starts = p.month[first_index] - p.first  # one per customer
    if not include_first:
        starts = starts[starts > 0]
    opened = np.bincount(starts, minlength=span)[:span] > 0  # months in which someone started
    cohorts = np.unique(per_of_month[opened])
    position = np.searchsorted(cohorts, per_of_month)  # valid for months in a cohort
    rel_first = cust_first - p.first
    keep = np.ones(len(p.month), dtype=bool) if include_first else rel_first > 0
    cohort = np.where(keep, position[rel_first] if len(cohorts) else -1, -1)
    age = p.month - cust_first
    # The latest first month in each cohort: age a is observed for every customer
    # of the cohort only while that month + a is in the data.
    latest = np.full(len(cohorts), p.first, dtype=np.int64)
    months = np.flatnonzero(opened)
    np.maximum.at(latest, position[months], p.first + months)
    return cohort, age, keep, pd.PeriodIndex.from_ordinals(cohorts, freq=freq), latest, \
        first_index, cust_first


@cs_method(kpi="Cohort retention", table=TABLE, requires=REQUIRES)
def cohort_retention(
    frame: pd.DataFrame,
    *,
    kind: str = "logo",
    mode: str = "on",
    period: str = "M",
    by: str | None = None,
    include_first: bool = True,
    output: str = "rate",
    customer: str = "customer_id",
    month: str = "month",
    mrr: str = "mrr",
) -> pd.DataFrame:
    """Retention of each signup cohort, 0, 1, 2, … months after its start.

    A customer's cohort is the period of its first month with MRR > 0, and its
    age in a month is the number of months since that first month. The first
    column is 100 % by construction.

    Parameters
    ----------
    frame : pandas.DataFrame
        An ``mrr`` frame.
    kind : {"logo", "revenue"}, default "logo"
        ``"logo"``: share of the cohort's customers retained. ``"revenue"``:
        the cohort's MRR at that age ÷ its MRR at age 0 (expansion of the
        survivors can push it above 100 %: cohort net revenue retention).
    mode : {"on", "on_or_after"}, default "on"
        ``"on"`` (N-month retention): a customer counts at age N when it pays in
        month N. ``"on_or_after"`` (unbounded retention): it counts when it
        pays in month N *or any later month*, so a gap does not remove it and
        logo retention never rises with age. With ``kind="revenue"`` a customer
        in a gap counts with the MRR it comes back with.
    period : {"M", "Q", "Y"}, default "M"
        Size of the cohorts (ages stay in months).
    by : str, optional
        Segment column; a customer belongs to its segment of its first month.
    include_first : bool, default True
        Whether customers already paying in the data's first month form a
        cohort. If your data starts after the company did, they may have
        started earlier: pass ``False``.
    output : {"rate", "count"}, default "rate"
        ``"count"`` returns the numerators (customers, or MRR) instead of
        rates; column 0 is then the cohort size (or starting MRR).
    customer, month, mrr : str
        Column names.

    Returns
    -------
    pandas.DataFrame
        Cohort × months since start: indexed by ``cohort`` (a PeriodIndex; and
        ``by``), one column per age 0, 1, 2, …. Ages not yet observed for every
        customer of a cohort are NaN.

    Examples
    --------
    >>> import pandas as pd, cskit
    >>> df = pd.DataFrame({
    ...     "customer_id": ["a", "b", "c", "d", "a", "c", "a", "b", "c"],
    ...     "month": ["2026-01"] * 4 + ["2026-02"] * 2 + ["2026-03"] * 3,
    ...     "mrr": [10.0] * 9})
    >>> df.cs.cohort_retention()  # doctest: +NORMALIZE_WHITESPACE
    months_since_start    0    1     2
    cohort
    2026-01             1.0  0.5  0.75
    >>> df.cs.cohort_retention(mode="on_or_after")  # doctest: +NORMALIZE_WHITESPACE
    months_since_start    0     1     2
    cohort
    2026-01             1.0  0.75  0.75
    """
    check_choice("kind", kind, ("logo", "revenue"))
    check_choice("mode", mode, ("on", "on_or_after"))
    check_choice("output", output, ("rate", "count"))
    freq = check_period(period, ("M", "Q", "Y"))
    p = customer_months(frame, customer=customer, month=month, mrr=mrr, by=by,
                        duplicates="sum")
    span = p.last - p.first + 1
    cohort, age, keep, cohorts, latest, first_index, _ = _cohort_setup(p, freq, include_first)
    seg, n_seg = _segments(p)
    n_coh = len(cohorts)
    rows = n_coh * n_seg
    everyone = bool(keep.all())
    weights = p.mrr if kind == "revenue" else None  # None: count rows (no weights to add)

    def kept(values: np.ndarray | None) -> np.ndarray | None:
        return values if everyone or values is None else values[keep]

    group = kept(cohort * n_seg + seg if n_seg > 1 else cohort)
    if mode == "on":
        cells = _bins(group * span + kept(age), rows * span, kept(weights))
        counts = cells.reshape(rows, span)
    else:
        # Each row covers the ages since the customer's previous paying month:
        # +weight from (previous age + 1), -weight after its own age.
        n = len(p.mrr)
        same = np.r_[False, p.customer[1:] == p.customer[:-1]][:n]
        prev_age = np.where(same, np.r_[0, age[:-1]][:n] + 1, 0)
        size = rows * (span + 1)
        delta = _bins(group * (span + 1) + kept(prev_age), size, kept(weights))
        delta -= _bins(group * (span + 1) + kept(age) + 1, size, kept(weights))
        counts = np.cumsum(delta.reshape(rows, span + 1), axis=1)[:, :span]
    observed = (np.repeat(latest, n_seg)[:, None] + np.arange(span)[None, :]) <= p.last
    base = counts[:, :1]
    if output == "rate":
        with np.errstate(invalid="ignore", divide="ignore"):
            values = np.where(base > 0, counts / np.where(base > 0, base, 1.0), np.nan)
    else:
        values = counts
    values = np.where(observed, values, np.nan)
    columns = pd.RangeIndex(span, name="months_since_start")
    if by is None:
        index = pd.PeriodIndex(cohorts, name="cohort")
    else:
        index = pd.MultiIndex.from_arrays(
            [np.repeat(cohorts, n_seg), np.tile(np.asarray(p.segments, dtype=object), n_coh)],
            names=["cohort", by],
        )
    table = pd.DataFrame(values, index=index, columns=columns)
    if by is not None:  # segments without a customer in a cohort
        table = table[base[:, 0] > 0]
    return table


@cs_method(kpi="Cohort net revenue retention", table=TABLE, requires=REQUIRES)
@with_convention("cohort_nrr")
def cohort_nrr(
    frame: pd.DataFrame,
    *,
    window: int = 12,
    period: str | None = "M",
    reactivated: str = "exclude",
    by: str | None = None,
    include_first: bool = True,
    customer: str = "customer_id",
    month: str = "month",
    mrr: str = "mrr",
) -> pd.DataFrame | float:
    """Net and gross revenue retention of each signup cohort, ``window`` months in.

    For the customers who first paid in a cohort: their MRR ``window`` months
    after their own first month ÷ their MRR in that first month. Later joiners
    are not in the cohort (no new business); see :func:`nrr` for the
    ``reactivated`` switch. :func:`cohort_retention` with ``kind="revenue"``
    gives the whole curve, month by month.

    Parameters
    ----------
    frame : pandas.DataFrame
        An ``mrr`` frame.
    window : int, default 12
        Months after the first month (12: first-year net revenue retention).
    period : {"M", "Q", "Y", None}, default "M"
        Size of the cohorts. ``None`` pools every cohort with a whole window
        into one number.
    reactivated : {"exclude", "count"}, default "exclude"
        As in :func:`nrr`.
    by : str, optional
        Segment column (the customer's segment in its first month).
    include_first : bool, default True
        As in :func:`cohort_retention`.
    customer, month, mrr : str
        Column names.

    Returns
    -------
    pandas.DataFrame or float
        Indexed by ``cohort`` (and ``by``), only cohorts whose every customer
        has reached ``window`` months: ``start_customers, retained_customers,
        start, expansion, contraction, churn, end, nrr, grr``. A float (the
        pooled NRR) with ``period=None`` when not grouped.

    Examples
    --------
    >>> import pandas as pd, cskit
    >>> df = pd.DataFrame({
    ...     "customer_id": ["a", "b", "a", "b", "a", "c"],
    ...     "month": ["2026-01", "2026-01", "2026-02", "2026-02", "2026-03", "2026-03"],
    ...     "mrr": [100.0, 100.0, 150.0, 100.0, 180.0, 50.0]})
    >>> df.cs.cohort_nrr(window=2)[["start", "end", "nrr", "grr"]]
    ... # doctest: +NORMALIZE_WHITESPACE
             start    end  nrr  grr
    cohort
    2026-01  200.0  180.0  0.9  0.5
    """
    check_choice("reactivated", reactivated, ("exclude", "count"))
    freq = check_period(period)
    p = customer_months(frame, customer=customer, month=month, mrr=mrr, by=by,
                        duplicates="sum")
    span = p.last - p.first + 1
    w = _check_window(window, span, freq)
    cohort, _, keep, cohorts, latest, first_index, cust_first = _cohort_setup(
        p, freq or "M", include_first
    )
    src = first_index[keep[first_index]]
    src = src[p.month[src] + w <= p.last]
    flows = _window_flows(p, w, reactivated, src)
    seg, n_seg = _segments(p)
    complete = latest + w <= p.last
    if freq is None:
        group = seg[src]
        n_groups = 1
        mask = complete[cohort[src]]
    else:
        group = cohort[src] * n_seg + seg[src]
        n_groups = len(cohorts)
        mask = np.ones(len(src), dtype=bool)
    size = n_groups * n_seg
    g = group[mask]
    found = flows["found"][mask]
    sums = {
        "start_customers": _bins(g, size),
        "retained_customers": _bins(g[found], size),
        **{k: _bins(g, size, flows[k][mask]) for k in ("start", "expansion", "contraction",
                                                        "churn", "end")},
    }
    table = pd.DataFrame(sums)
    for col in ("start_customers", "retained_customers"):
        table[col] = table[col].astype(np.int64)
    start = table["start"]
    kept = start - table["contraction"] - table["churn"]
    table["nrr"] = ((kept + table["expansion"]) / start).where(start > 0)
    table["grr"] = np.minimum(kept / start, 1.0).where(start > 0)
    if freq is None:
        if by is None:
            return float(table["nrr"].iloc[0])
        table.index = pd.Index(p.segments, name=by)
        return table[table["start_customers"] > 0]
    if by is None:
        table.index = pd.PeriodIndex(cohorts, name="cohort")
    else:
        table.index = pd.MultiIndex.from_arrays(
            [np.repeat(cohorts, n_seg), np.tile(np.asarray(p.segments, dtype=object),
                                                len(cohorts))],
            names=["cohort", by],
        )
    rows_complete = np.repeat(complete, n_seg) & (table["start_customers"].to_numpy() > 0)
    return table[rows_complete]
