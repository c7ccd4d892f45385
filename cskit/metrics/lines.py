"""Churn and MRR movements straight from subscription lines, between month closes.

:func:`cskit.metrics.churn` on a ``subscriptions`` frame (``start``/``end``
columns instead of ``month``/``mrr``) counts here, so a customer who joins and
cancels inside one period is seen, as Stripe's and Baremetrics' churn rates see
it. :func:`subscription_movements` splits MRR changes into new, expansion,
contraction, churn and reactivation either at month-end grain (what
``to_mrr().cs.mrr_movements()`` shows) or change by change (``intra_period=True``),
which shows an upgrade undone within the month.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from cskit._validate import check_choice
from cskit.metrics import _lines
from cskit.metrics._rates import add_churn_rate
from cskit.registry import cs_method

MOVEMENT_COLUMNS = ["start", "new", "expansion", "contraction", "churn", "reactivation", "end",
                    "net_new"]


def line_churn(
    subscriptions: pd.DataFrame,
    *,
    period: str,
    denominator: str,
    join_and_churn: str,
    reactivated: str,
    customer_col: str,
    start_col: str,
    end_col: str,
    amount_col: str | None,
    interval_col: str | None,
    as_of: object,
) -> pd.DataFrame:
    """Customer churn per period from subscription lines (see :func:`cskit.metrics.churn`)."""
    ch = _lines.changes(subscriptions, customer_col=customer_col, start_col=start_col,
                        end_col=end_col, amount_col=amount_col, interval_col=interval_col)
    edges, labels = _lines.period_bounds(ch, period, as_of)
    n_per = len(labels)
    size = n_per
    cust, edge, _ = _lines.active_at(ch, edges)
    at_start = edge < n_per  # edge k opens period k
    start_keys = np.unique(cust[at_start] * size + edge[at_start])
    at_end = edge > 0  # edge k closes period k - 1
    end_keys = np.unique(cust[at_end] * size + edge[at_end] - 1)
    k = _lines.period_of(ch, edges)
    inside = k >= 0
    churn_rows = inside & (ch.before > 0) & (ch.after == 0)
    join_rows = inside & (ch.before == 0) & (ch.after > 0)
    churn_keys = np.unique(ch.customer[churn_rows] * size + k[churn_rows])
    join_keys = np.unique(ch.customer[join_rows] * size + k[join_rows])
    joined = join_keys[~np.isin(join_keys, start_keys)]
    was_start = np.isin(churn_keys, start_keys)
    counted = was_start | (join_and_churn == "count")
    back = np.isin(churn_keys, end_keys)
    if reactivated == "net":
        counted &= ~back

    def per_period(keys: np.ndarray) -> np.ndarray:
        return np.bincount(keys % size, minlength=n_per)[:n_per].astype(np.int64)

    table = pd.DataFrame(
        {
            "start_customers": per_period(start_keys),
            "new_customers": per_period(joined),
            "end_customers": per_period(end_keys),
            "churned": per_period(churn_keys[counted]),
            "churned_after_joining": per_period(churn_keys[~was_start]),
            "returned_after_churn": per_period(churn_keys[back]),
        },
        index=labels,
    )
    add_churn_rate(table, denominator)
    return table


@cs_method(
    kpi="MRR movements from subscription lines",
    table="subscriptions",
    requires=("customer_id", "start", "end", "amount", "interval"),
)
def subscription_movements(
    subscriptions: pd.DataFrame,
    *,
    period: str = "M",
    intra_period: bool = False,
    as_of: object = None,
    customer_col: str = "customer_id",
    start_col: str = "start",
    end_col: str = "end",
    amount_col: str = "amount",
    interval_col: str = "interval",
    discount_col: str | None = "discount",
) -> pd.DataFrame:
    """MRR movements of subscription lines, at month-end grain or change by change.

    Each change of a customer's MRR (a line starting or ending; changes at the same
    instant are netted) is *new* (first time paying), *reactivation* (paying again),
    *expansion*, *contraction* or *churn* (down to zero). With
    ``intra_period=False`` only the MRR at each period's close is compared, as
    ``to_mrr()`` then ``mrr_movements()`` do: an upgrade undone before the close
    leaves no trace. With ``True`` every change inside the period is booked, so the
    same month shows the expansion and the contraction. Both satisfy
    ``start + new + expansion − contraction − churn + reactivation = end``.

    Parameters
    ----------
    subscriptions : pandas.DataFrame
        One row per subscription line (``customer_id, start, end, amount, interval``;
        ``end`` exclusive, empty while active; an optional ``discount`` column of
        rates is applied as in ``to_mrr``).
    period : str, default "M"
        ``"M"`` (calendar months) or windows of N days ending at ``as_of``, e.g. ``"30D"``.
    intra_period : bool, default False
        Book every change inside the period (True) or only the change between the
        MRR at the period's start and at its end (False).
    as_of : date, optional
        Last day covered; default the latest ``start``/``end`` date.
    customer_col, start_col, end_col, amount_col, interval_col, discount_col : str
        Column names (``discount_col=None`` ignores discounts).

    Returns
    -------
    pandas.DataFrame
        Indexed by ``period`` (a PeriodIndex for months, an IntervalIndex for N-day
        windows): ``start, new, expansion, contraction, churn, reactivation, end,
        net_new``.

    Examples
    --------
    A customer on 100 a month upgrades to 150 on 10 March and is back on 100 on
    20 March:

    >>> import pandas as pd, cskit
    >>> subs = pd.DataFrame({"customer_id": ["a", "a", "a"],
    ...     "start": pd.to_datetime(["2026-01-01", "2026-03-10", "2026-03-20"]),
    ...     "end": pd.to_datetime(["2026-03-10", "2026-03-20", None]),
    ...     "amount": [100.0, 150.0, 100.0], "interval": "month"})
    >>> cols = ["start", "expansion", "contraction", "end"]
    >>> subs.cs.subscription_movements(as_of="2026-03-31").loc["2026-03", cols].tolist()
    [100.0, 0.0, 0.0, 100.0]
    >>> subs.cs.subscription_movements(as_of="2026-03-31", intra_period=True
    ...     ).loc["2026-03", cols].tolist()
    [100.0, 50.0, 50.0, 100.0]
    """
    check_choice("intra_period", intra_period, (True, False))
    ch = _lines.changes(subscriptions, customer_col=customer_col, start_col=start_col,
                        end_col=end_col, amount_col=amount_col, interval_col=interval_col,
                        discount_col=discount_col)
    edges, labels = _lines.period_bounds(ch, period, as_of)
    n_per = len(labels)
    cust, edge, level = _lines.active_at(ch, edges)
    stock = np.bincount(edge, weights=level, minlength=n_per + 1).astype(np.float64)
    start_mrr, end_mrr = stock[:n_per], stock[1:n_per + 1]
    if intra_period:
        k = _lines.period_of(ch, edges)
        inside = k >= 0
        before, after, first = ch.before, ch.after, ch.first
        at = k
    else:
        # Compare each customer's MRR at consecutive edges (0 where not paying).
        n_cust = len(ch.customers)
        grid = np.zeros((n_cust, n_per + 1))
        grid[cust, edge] = level
        before = grid[:, :-1].ravel()
        after = grid[:, 1:].ravel()
        at = np.tile(np.arange(n_per), n_cust)
        inside = before != after
        # "new" when the customer paid at no earlier period close.
        first = ~(grid[:, :-1].cumsum(axis=1) > 0).ravel()
    delta = after - before

    def total(mask: np.ndarray, values: np.ndarray) -> np.ndarray:
        mask = mask & inside
        return np.bincount(at[mask], weights=values[mask], minlength=n_per)[:n_per].astype(float)

    joins = (before == 0) & (after > 0)
    out = pd.DataFrame(
        {
            "start": start_mrr,
            "new": total(joins & first, after),
            "expansion": total((before > 0) & (delta > 0), delta),
            "contraction": total((before > 0) & (after > 0) & (delta < 0), -delta),
            "churn": total((before > 0) & (after == 0), before),
            "reactivation": total(joins & ~first, after),
            "end": end_mrr,
        },
        index=labels,
    )
    out["net_new"] = out["end"] - out["start"]
    return out[MOVEMENT_COLUMNS]
