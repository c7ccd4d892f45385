"""Cohort retention: customers grouped by the month they first paid.

Logo or revenue retention after 0, 1, 2, … months, paying *on* that month or
*on or after* it (:func:`cohort_retention`), and each cohort's net and gross
revenue retention ``window`` months in (:func:`cohort_nrr`).
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from cskit._conventions import with_convention
from cskit._validate import check_choice, check_period
from cskit.metrics._blocks import run_blocks
from cskit.metrics._panel import Panel, customer_months
from cskit.metrics._retention_common import (
    REQUIRES,
    TABLE,
    bins,
    check_window,
    first_rows,
    period_of_months,
    segments,
    window_flows,
)
from cskit.registry import cs_method


def _cohort_setup(p: Panel, freq: str, include_first: bool):
    """Per row: cohort position and age; the cohorts; each cohort's latest first month.

    Cohorts are found on the (few) months, not on the rows: a month -> cohort
    lookup table is indexed with each row's first month.
    """
    first_index, cust_first = first_rows(p)
    span = p.last - p.first + 1
    per_of_month = period_of_months(p.first, p.last, freq)
    starts = p.month[first_index] - p.first  # one per customer
    if not include_first:
        starts = starts[starts > 0]
    opened = np.bincount(starts, minlength=span)[:span] > 0  # months in which someone started
    cohorts = np.unique(per_of_month[opened])
    position = np.searchsorted(cohorts, per_of_month)  # valid for months in a cohort
    # per row, block by block on the workers: cohort position (−1: not in a cohort) and age
    n = len(p.month)
    keep = np.ones(n, dtype=bool)
    cohort = np.empty(n, dtype=np.int64)
    age = np.empty(n, dtype=np.int64)

    def rows(lo: int, hi: int) -> None:
        first_month = cust_first[lo:hi]
        np.subtract(p.month[lo:hi], first_month, out=age[lo:hi])
        rel_first = first_month - p.first
        if not include_first:
            np.greater(rel_first, 0, out=keep[lo:hi])
        if not len(cohorts):
            cohort[lo:hi] = -1
        elif include_first:
            np.take(position, rel_first, out=cohort[lo:hi], mode="clip")  # valid positions
        else:
            cohort[lo:hi] = np.where(keep[lo:hi], np.take(position, rel_first, mode="clip"), -1)

    run_blocks(rows, n)
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
    customer_col: str = "customer_id",
    month_col: str = "month",
    mrr_col: str = "mrr",
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
    customer_col, month_col, mrr_col : str
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
    p = customer_months(frame, customer=customer_col, month=month_col, mrr=mrr_col, by=by,
                        duplicates="sum")
    span = p.last - p.first + 1
    cohort, age, keep, cohorts, latest, first_index, _ = _cohort_setup(p, freq, include_first)
    seg, n_seg = segments(p)
    n_coh = len(cohorts)
    rows = n_coh * n_seg
    everyone = bool(keep.all())
    weights = p.mrr if kind == "revenue" else None  # None: count rows (no weights to add)

    def kept(values: np.ndarray | None) -> np.ndarray | None:
        return values if everyone or values is None else values[keep]

    group = kept(cohort * n_seg + seg if n_seg > 1 else cohort)
    if mode == "on":
        cells = bins(group * span + kept(age), rows * span, kept(weights))
        counts = cells.reshape(rows, span)
    else:
        # Each row covers the ages since the customer's previous paying month:
        # +weight from (previous age + 1), -weight after its own age.
        n = len(p.mrr)
        same = np.r_[False, p.customer[1:] == p.customer[:-1]][:n]
        prev_age = np.where(same, np.r_[0, age[:-1]][:n] + 1, 0)
        size = rows * (span + 1)
        delta = bins(group * (span + 1) + kept(prev_age), size, kept(weights))
        delta -= bins(group * (span + 1) + kept(age) + 1, size, kept(weights))
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
    customer_col: str = "customer_id",
    month_col: str = "month",
    mrr_col: str = "mrr",
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
    customer_col, month_col, mrr_col : str
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
    p = customer_months(frame, customer=customer_col, month=month_col, mrr=mrr_col, by=by,
                        duplicates="sum")
    span = p.last - p.first + 1
    w = check_window(window, span, freq)
    cohort, _, keep, cohorts, latest, first_index, cust_first = _cohort_setup(
        p, freq or "M", include_first
    )
    src = first_index[keep[first_index]]
    src = src[p.month[src] + w <= p.last]
    flows = window_flows(p, w, reactivated, src)
    seg, n_seg = segments(p)
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
        "start_customers": bins(g, size),
        "retained_customers": bins(g[found], size),
        **{k: bins(g, size, flows[k][mask]) for k in ("start", "expansion", "contraction",
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
