"""Raw health signals per paying account and month, from data up to that month's end."""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import pandas as pd

from cskit._validate import (
    as_datetime,
    as_number,
    check_frame,
    require_columns,
)
from cskit.errors import InvalidParameterError
from cskit.metrics._panel import customer_months
from cskit.metrics._take import take_values


# --------------------------------------------------------------------------- inputs
def health_inputs(
    events: pd.DataFrame,
    accounts: pd.DataFrame,
    mrr: pd.DataFrame,
    *,
    surveys: pd.DataFrame | None = None,
    tickets: pd.DataFrame | None = None,
    key_features: Sequence[str] | None = None,
    activity: object = None,
    growth_months: int = 3,
    nps_months: int = 6,
    ticket_months: int = 3,
    start: str | pd.Period | None = None,
    end: str | pd.Period | None = None,
) -> pd.DataFrame:
    """Raw health signals per paying account and month, from data up to that month's end.

    Columns (one row per account with MRR > 0 in the month):

    * ``frequency`` – active days in the month (0 without events);
    * ``breadth`` – active users in the month ÷ seats (NaN when the account's
      seats are unknown);
    * ``depth`` – share of ``key_features`` used in the month (NaN without key features);
    * ``mrr_growth`` – MRR ÷ MRR ``growth_months`` earlier − 1 (NaN if not a
      customer then);
    * ``nps`` – the account's mean NPS answer (0–10) over the last ``nps_months``
      months, this one included (NaN without answers);
    * ``tickets`` – tickets opened in the last ``ticket_months`` months, this
      one included (NaN without a tickets frame).

    Nothing after the month is used, so the score of month m can be checked
    against churn after m without look-ahead.

    Parameters
    ----------
    events, accounts, mrr, surveys, tickets : pandas.DataFrame
        Frames with the data contract's default column names (``mrr`` uses
        ``customer_id``, equal to ``accounts.account_id``).
    key_features : list of str, optional
        Events that count for depth.
    activity : optional
        Which events count as activity for frequency and breadth (see
        :func:`cskit.metrics.usage`).
    growth_months, nps_months, ticket_months : int
        Look-back lengths in months.
    start, end : month-like, optional
        First and last month returned.

    Returns
    -------
    pandas.DataFrame
        ``account_id, month`` (Period[M]), ``mrr`` and the signal columns.

    Examples
    --------
    >>> import cskit
    >>> from cskit.health import health_inputs
    >>> c = cskit.datasets.load_sample()
    >>> x = health_inputs(c.events, c.accounts, c.mrr, surveys=c.surveys, tickets=c.tickets,
    ...                   key_features=["create_report", "export"], start="2026-10")
    >>> x.columns.tolist()
    ['account_id', 'month', 'mrr', 'mrr_growth', 'frequency', 'breadth', 'depth', 'nps', 'tickets']
    >>> bool((x["month"] == x["month"].max()).all())
    True
    """
    from cskit.metrics._events import _seats
    from cskit.metrics.usage import usage

    for name, value in (("growth_months", growth_months), ("nps_months", nps_months),
                        ("ticket_months", ticket_months)):
        if isinstance(value, bool) or not isinstance(value, (int, np.integer)) or value < 1:
            raise InvalidParameterError(f"{name}={value!r} must be a whole number of months >= 1.")
    p = customer_months(mrr)
    base = pd.DataFrame(
        {
            "account_id": take_values(pd.Series(p.customers), p.customer),
            "month": pd.PeriodIndex.from_ordinals(p.month, freq="M"),
            "mrr": p.mrr,
        }
    )
    base["mrr_growth"] = base["mrr"] / _months_earlier(p, growth_months) - 1.0

    u = usage(events, period="M", per="account", key_features=key_features, activity=activity)
    cols = ["active_days", "active_users"] + (["depth"] if key_features is not None else [])
    pos = _usage_rows(u, p)
    if pos is None:  # ids of another type than the panel's: the plain merge decides
        u = u.reset_index().rename(columns={"period": "month"})
        base = base.merge(u[["account_id", "month", *cols]], on=["account_id", "month"],
                          how="left")
    else:  # what the left merge gives: the row's values, NaN (float) where it has none
        hit = pos >= 0
        for c in cols:
            values = u[c].to_numpy()
            base[c] = values[pos] if hit.all() else np.where(hit, values[np.maximum(pos, 0)],
                                                              np.nan)
    base["frequency"] = base.pop("active_days").fillna(0.0)
    seats = _seats(accounts, "account_id", "seats")
    # seats looked up once per account (the map of the account column, without the text)
    per_account = seats.reindex(p.customers).to_numpy()
    base["breadth"] = base.pop("active_users").fillna(0.0) / per_account[p.customer]
    depth = base.pop("depth").fillna(0.0) if key_features is not None else np.nan
    base["depth"] = depth

    base["nps"] = _recent(base, surveys, "submitted_at", nps_months, "mean", survey="nps")
    base["tickets"] = _recent(base, tickets, "created_at", ticket_months, "count")
    keep = np.ones(len(base), dtype=bool)
    if start is not None:
        keep &= p.month >= pd.Period(start, "M").ordinal
    if end is not None:
        keep &= p.month <= pd.Period(end, "M").ordinal
    return base.take(_month_then_account(p, keep)).reset_index(drop=True)


def _month_then_account(p, keep: np.ndarray) -> np.ndarray:
    """Positions of the kept panel rows ordered by (month, account id), sorted on integers:
    the accounts are ranked once (one sort of the distinct ids), not compared per row.
    Each (account, month) is one row, so the order is the one ``sort_values`` gives."""
    rank = np.empty(len(p.customers), dtype=np.int64)
    rank[p.customers.argsort()] = np.arange(len(p.customers))
    rows = np.flatnonzero(keep)
    return rows[np.lexsort((rank[p.customer[rows]], p.month[rows]))]


def _usage_rows(u: pd.DataFrame, p) -> np.ndarray | None:
    """For each panel row, the row of ``usage``'s (period, account) result for its month
    and account (−1 when there is none), found on integer keys: the accounts are matched
    once per account, not once per row. None when the two id columns hold different types."""
    periods, labels = u.index.levels
    label_values = labels.categories if isinstance(labels, pd.CategoricalIndex) else labels
    if label_values.dtype != p.customers.dtype:
        return None
    acct = labels.get_indexer(p.customers)[p.customer]  # −1: no events
    n = len(labels) + 1
    per = np.asarray(periods.asi8, dtype=np.int64)
    lo = int(min(per.min(), p.month.min())) if len(per) else 0
    ukey = (per[u.index.codes[0]] - lo) * n + u.index.codes[1]
    key = (p.month - lo) * n + acct
    order = np.argsort(ukey, kind="stable")
    at = np.searchsorted(ukey, key, sorter=order)
    at = np.minimum(at, max(len(ukey) - 1, 0))
    found = (acct >= 0) & (len(ukey) > 0)
    found &= ukey[order[at]] == key if len(ukey) else found
    return np.where(found, order[at], -1)


def _months_earlier(p, months: int) -> np.ndarray:
    """Each panel row's MRR ``months`` months earlier (NaN when not a customer then).

    The panel holds one row per (customer, month), sorted: the earlier row is found by
    a binary search on one integer per row, not by a merge on the text ids.
    """
    span = p.last - p.first + 1 + months
    key = p.customer.astype(np.int64) * span + (p.month - p.first + months)
    if len(key) > 1 and not bool((key[1:] > key[:-1]).all()):  # not sorted: sort a copy
        order = np.argsort(key, kind="stable")
        key, mrr = key[order], np.asarray(p.mrr)[order]
        found = _months_earlier_sorted(key, mrr, months)
        out = np.empty_like(found)
        out[order] = found
        return out
    return _months_earlier_sorted(key, np.asarray(p.mrr), months)


def _months_earlier_sorted(key: np.ndarray, mrr: np.ndarray, months: int) -> np.ndarray:
    target = key - months  # same customer: months are offset by ``months``, never below 0
    pos = np.searchsorted(key, target)
    hit = pos < len(key)
    hit[hit] = key[pos[hit]] == target[hit]
    out = np.full(len(key), np.nan)
    out[hit] = mrr[pos[hit]]
    return out


def _recent(
    base: pd.DataFrame,
    frame: pd.DataFrame | None,
    date: str,
    months: int,
    how: str,
    survey: str | None = None,
) -> pd.Series:
    """Per base row: mean score or count of the account's rows in the last ``months`` months.

    Each (account, month) total is spread over the ``months`` months in which it
    is "recent" (``np.repeat``), then summed per (account, month): no loop.
    """
    if frame is None:
        return pd.Series(np.nan, index=base.index)
    table = "surveys" if survey else "tickets"
    check_frame(frame, table)
    require_columns(frame, {"account": "account_id", "date": date}, table)
    f = frame
    if survey is not None:
        require_columns(frame, {"score": "score", "survey": "survey"}, table)
        f = frame.loc[frame["survey"] == survey]
    when = as_datetime(f, date, table).dt.to_period("M")
    value = (
        as_number(f, "score", table) if survey is not None else pd.Series(1.0, index=f.index)
    )
    m = pd.DataFrame(
        {"account_id": f["account_id"].to_numpy(), "month": when.array, "v": value.to_numpy()}
    )
    agg = m.groupby(["account_id", "month"]).agg(s=("v", "sum"), n=("v", "size")).reset_index()
    spread = agg.loc[agg.index.repeat(months)].reset_index(drop=True)
    spread["month"] = spread["month"] + np.tile(np.arange(months), len(agg))
    spread = spread.groupby(["account_id", "month"])[["s", "n"]].sum()
    got = spread.reindex(pd.MultiIndex.from_arrays([base["account_id"], base["month"]]))
    if how == "count":
        return pd.Series(got["n"].fillna(0.0).to_numpy(), index=base.index)
    return pd.Series((got["s"] / got["n"]).to_numpy(), index=base.index)


