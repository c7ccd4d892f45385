"""Customer (logo) churn rate, with every convention the sources disagree on.

A customer is *active* in a month when its MRR that month is above zero; it
*churns* in the first month it is no longer active. For a period made of
months m1 … mk (one month, a quarter or a year):

* ``start_customers`` – active in the month before m1;
* ``new_customers`` – active in some month of the period but not at its start
  (first-time customers and returning ones);
* ``end_customers`` – active in mk;
* ``churned`` – start customers with a churn in the period, plus (when
  ``join_and_churn="count"``) customers who joined during the period and churned
  in it. With ``reactivated="net"``, customers active again at the period's
  end are not counted.

Denominators (the three sources use different ones, and they give different
numbers for the same data): ``"start"`` (default; the 6-metrics article),
``"average"`` (mean of start and end customers) and ``"start_plus_new"``
(everyone who was a customer at some point in the period; the closest reading
of the 16-KPI article's "all customers in the period").
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from cskit._conventions import with_convention
from cskit._validate import check_choice, check_period
from cskit.metrics._kernels import churn_counts
from cskit.metrics._panel import (
    Panel,
    customer_months,
    next_is_consecutive,
)
from cskit.metrics._rates import add_churn_rate
from cskit.registry import cs_method

_START, _ACTIVE, _END, _CHURN = 1, 2, 4, 8
COLUMNS = [
    "start_customers",
    "new_customers",
    "end_customers",
    "churned",
    "churned_after_joining",
    "returned_after_churn",
    "numerator",
    "denominator",
    "churn",
]


def _period_bounds(panel: Panel, freq: str | None) -> tuple[np.ndarray, np.ndarray, pd.PeriodIndex]:
    """For each month ordinal from first to last: the index of its period, or -1.

    Only periods fully inside the data and with an observed month before them
    are kept (the first month of the data has no known start customers).
    """
    months = pd.PeriodIndex.from_ordinals(np.arange(panel.first, panel.last + 1), freq="M")
    if freq is None:
        labels = np.full(len(months), 0, dtype=np.int64)
        labels[0] = -1
        first_label = months[1] if len(months) > 1 else months[0]
        index = pd.PeriodIndex([first_label], freq="M")
        period_first = np.array([panel.first + 1])
        return labels, period_first, index
    periods = months.asfreq(freq)
    start_month = periods.asfreq("M", how="start").asi8
    end_month = periods.asfreq("M", how="end").asi8
    complete = (start_month > panel.first) & (end_month <= panel.last)
    kept = pd.PeriodIndex(pd.unique(periods[complete]), freq=freq) if complete.any() else None
    labels = np.full(len(months), -1, dtype=np.int64)
    if kept is None:
        return labels, np.array([], dtype=np.int64), pd.PeriodIndex([], freq=freq)
    labels[complete] = kept.get_indexer(periods[complete])
    period_first = kept.asfreq("M", how="start").asi8
    return labels, np.asarray(period_first, dtype=np.int64), kept


@cs_method(kpi="Customer churn rate", table="mrr", requires=("customer_id", "month", "mrr"))
@with_convention("churn")
def churn(
    frame: pd.DataFrame,
    *,
    period: str | None = "M",
    denominator: str = "start",
    join_and_churn: str = "exclude",
    reactivated: str = "count",
    by: str | None = None,
    customer_col: str = "customer_id",
    month_col: str = "month",
    mrr_col: str = "mrr",
    start_col: str = "start",
    end_col: str = "end",
    as_of: object = None,
) -> pd.DataFrame | float:
    """Customer (logo) churn rate per period, with its counts.

    Parameters
    ----------
    frame : pandas.DataFrame
        An ``mrr`` frame (``customer_id, month, mrr``). A customer with several
        subscriptions churns only when its total MRR reaches zero (losing one
        product is contraction, not churn).
    period : {"M", "Q", "Y", None}, default "M"
        Only whole periods inside the data are reported. ``None`` treats the
        span after the first month as one period. On subscription lines:
        ``"M"`` or a window of N days ending at ``as_of``, e.g. ``"30D"``.
    denominator : {"start", "average", "start_plus_new"}, default "start"
        ``"average"`` can exceed 1 when the base shrinks fast: read it with care.
    join_and_churn : {"exclude", "count"}, default "exclude"
        Whether customers who join and churn within the same period count as
        churned. Counting them with ``denominator="start"`` can push the rate
        above what the start base explains; pair it with ``"start_plus_new"``.
    reactivated : {"count", "net"}, default "count"
        A customer who churns and is back before the period ends: ``"count"``
        keeps the churn, ``"net"`` drops it. (Monthly periods cannot contain
        both; quarters and years can.)
    by : str, optional
        Segment column; a customer belongs to its segment at the start of the
        period (or when it joined, for new customers).
    customer_col, month_col, mrr_col : str
        Column names.
    start_col, end_col, as_of
        Subscription lines: when the frame has ``start``/``end`` columns and no
        ``month`` column, churn is counted from the lines themselves (see
        :func:`cskit.metrics.lines.line_churn`), so a customer who joins and
        cancels inside the period is seen (month-end MRR never shows it). A
        customer churns when its last paying line ends; ``as_of`` is the last
        day covered (default: the latest date in the lines). ``by`` is not
        supported there.

    Returns
    -------
    pandas.DataFrame or float
        Indexed by ``period`` (and ``by``): ``start_customers, new_customers,
        end_customers, churned, churned_after_joining, returned_after_churn,
        numerator, denominator, churn`` (``numerator`` is ``churned``); a float when ``period=None`` and not grouped.
        When the frame has a month without a single row inside its span, a
        warning names it and a ``data_gap`` column flags the periods it touches
        (the month itself and the one after): their rates are not churn.

    Examples
    --------
    >>> import pandas as pd, cskit
    >>> df = pd.DataFrame({
    ...     "customer_id": ["a", "b", "c", "d", "a", "b", "c", "e"],
    ...     "month": ["2026-01"] * 4 + ["2026-02"] * 4,
    ...     "mrr": [10.0] * 8})
    >>> df.cs.churn(period=None)
    0.25
    >>> df.cs.churn(period=None, denominator="average")
    0.25
    >>> df.cs.churn(period=None, denominator="start_plus_new")
    0.2

    From subscription lines: 20 customers at the start of March, 5 join, 2 of the 20
    and 1 of the newcomers cancel. Stripe counts 3 ÷ (20 + 5), Baremetrics 3 ÷ 20;
    cskit's default leaves the join-and-cancel out (2 ÷ 20):

    >>> subs = pd.DataFrame({"customer_id": range(25),
    ...     "start": ["2026-02-01"] * 20 + ["2026-03-05"] * 5,
    ...     "end": [None] * 18 + ["2026-03-12", "2026-03-20"] + [None] * 4 + ["2026-03-25"]})
    >>> rates = [float(subs.cs.churn(as_of="2026-03-31", convention=c).loc["2026-03", "churn"])
    ...          for c in ("stripe", "baremetrics")]
    >>> rates, float(subs.cs.churn(as_of="2026-03-31").loc["2026-03", "churn"])
    ([0.12, 0.15], 0.1)
    """
    check_choice("denominator", denominator, ("start", "average", "start_plus_new"))
    check_choice("join_and_churn", join_and_churn, ("exclude", "count"))
    check_choice("reactivated", reactivated, ("count", "net"))
    if (isinstance(frame, pd.DataFrame) and month_col not in frame.columns
            and start_col in frame.columns and end_col in frame.columns):
        from cskit.errors import InvalidParameterError
        from cskit.metrics.lines import line_churn

        if by is not None:
            raise InvalidParameterError(
                "by= is not supported for churn from subscription lines; filter the lines to "
                "one segment first, or compute month-end churn on to_mrr(...)."
            )
        return line_churn(frame, period=period,
                          denominator=denominator, join_and_churn=join_and_churn,
                          reactivated=reactivated, customer_col=customer_col,
                          start_col=start_col, end_col=end_col,
                          amount_col="amount", interval_col="interval", as_of=as_of)
    if as_of is not None:
        from cskit.errors import InvalidParameterError

        raise InvalidParameterError(
            f"as_of={as_of!r} is only used with subscription lines (start/end columns); an "
            f"mrr frame ends at its last month: filter the frame instead."
        )
    freq = check_period(period)
    p = customer_months(frame, customer=customer_col, month=month_col, mrr=mrr_col, by=by,
                        duplicates="sum")
    labels, period_first, index = _period_bounds(p, freq)
    n_periods = len(index)
    if freq == "M" and n_periods == p.last - p.first:
        # Months cannot hold a join-and-churn or a churn-and-return: count directly.
        table = _count_monthly(p, by is not None)
    else:
        table = _count(p, labels, period_first, n_periods, join_and_churn, reactivated,
                       by is not None)

    add_churn_rate(table, denominator)
    gap = _gap_periods(p, labels, n_periods)
    if gap is not None:  # said in the warning of customer_months, and in a column
        periods_of = table.index.get_level_values(0).to_numpy() if by is not None else \
            table.index.to_numpy()
        table["data_gap"] = gap[periods_of]

    if by is None:
        table.index = pd.PeriodIndex(index[table.index.to_numpy()], name="period")
        if freq is None:
            return float(table["churn"].iloc[0])
    else:
        per = index[table.index.get_level_values(0).to_numpy()]
        seg = p.segments[table.index.get_level_values(1).to_numpy()]
        table.index = pd.MultiIndex.from_arrays([per, seg], names=["period", by])
        if freq is None:
            table = table.droplevel("period")
    return table[COLUMNS + (["data_gap"] if gap is not None else [])]


def _gap_periods(p: Panel, labels: np.ndarray, n_periods: int) -> np.ndarray | None:
    """Per period: True when one of its months, or the month before it, has no row at all.

    None when the data has no such gap (the result then has no ``data_gap`` column).
    """
    if p.empty_months is None or not len(p.empty_months) or not n_periods:
        return None
    rel = p.empty_months - p.first
    touched = np.r_[rel, rel + 1]
    touched = touched[touched < len(labels)]
    hit = labels[touched]
    gap = np.zeros(n_periods, dtype=bool)
    gap[hit[hit >= 0]] = True
    return gap


def _count(
    p: Panel,
    labels: np.ndarray,
    period_first: np.ndarray,
    n_periods: int,
    join_and_churn: str,
    reactivated: str,
    grouped: bool,
) -> pd.DataFrame:
    """Flag each (customer, period) and count the flags per period (and segment)."""
    rel = p.month - p.first
    own = labels[rel]  # period of the row's own month
    n_months = len(labels)
    # The month after each row: it may open a period (start customer) or be a churn.
    nxt_rel = rel + 1
    in_range = nxt_rel < n_months
    nxt_label = np.where(in_range, labels[np.minimum(nxt_rel, n_months - 1)], -1)
    opens = np.zeros(len(rel), dtype=bool)
    if n_periods:  # no whole period in the data: nothing opens (and nothing to index)
        following_first = period_first[np.maximum(nxt_label[in_range], 0)]
        opens[in_range] = (p.month[in_range] + 1) == following_first
    opens &= nxt_label >= 0
    churns = ~next_is_consecutive(p) & (nxt_label >= 0)

    is_last = np.zeros(len(rel), dtype=bool)
    valid = own >= 0
    following = np.where(rel + 1 < n_months, labels[np.minimum(rel + 1, n_months - 1)], -2)
    is_last[valid] = following[valid] != own[valid]

    # Records: (customer, period, bits, priority) from the row's own period and
    # from the period of the following month.
    own_bits = np.where(valid, _ACTIVE | np.where(is_last, _END, 0), 0)
    next_bits = np.where(opens, _START, 0) | np.where(churns, _CHURN, 0)
    cust = np.r_[p.customer[valid], p.customer[next_bits > 0]]
    per = np.r_[own[valid], nxt_label[next_bits > 0]]
    bits = np.r_[own_bits[valid], next_bits[next_bits > 0]]
    # Segment: start-of-period records first (priority 0), then by month.
    prio = np.r_[rel[valid] + 1, np.where(opens, 0, rel + 1)[next_bits > 0]]
    seg = None
    if grouped:
        seg = np.r_[p.segment[valid], p.segment[next_bits > 0]]
    key = cust.astype(np.int64) * max(n_periods, 1) + per
    # Both halves of ``key`` are already sorted (the panel is sorted by customer and
    # month), so a stable sort is a linear merge; the priority only matters for the
    # segment a grouped count takes.
    order = np.lexsort((prio, key)) if grouped else np.argsort(key, kind="stable")
    key, bits = key[order], bits[order]
    starts = np.flatnonzero(np.r_[True, key[1:] != key[:-1]]) if len(key) else np.array([], int)
    flags = np.bitwise_or.reduceat(bits, starts) if len(starts) else np.array([], dtype=np.int64)
    period_of = key[starts] % max(n_periods, 1)
    seg_of = seg[order][starts] if grouped else np.zeros(len(starts), dtype=np.int64)

    was_start = (flags & _START) > 0
    active = (flags & _ACTIVE) > 0
    at_end = (flags & _END) > 0
    churned_any = (flags & _CHURN) > 0
    joined = ~was_start & active
    counted = churned_any & (was_start | (joined & (join_and_churn == "count")))
    if reactivated == "net":
        counted &= ~at_end
    n_seg = len(p.segments) if grouped else 1
    cell = period_of * n_seg + seg_of
    size = max(n_periods, 1) * n_seg
    columns = {
        "start_customers": was_start,
        "new_customers": joined,
        "end_customers": at_end,
        "churned": counted,
        "churned_after_joining": churned_any & joined,
        "returned_after_churn": churned_any & at_end,
    }
    counts = pd.DataFrame(
        {name: np.bincount(cell[flag], minlength=size)[: n_periods * n_seg].astype(np.int64)
         for name, flag in columns.items()}
    )
    if grouped:
        counts.index = pd.MultiIndex.from_product(
            [range(n_periods), range(n_seg)], names=["period", "segment"]
        )
    else:
        counts.index = pd.Index(range(n_periods), name="period")
    return counts


def _count_monthly(p: Panel, grouped: bool) -> pd.DataFrame:
    """:func:`_count` for monthly periods (every month after the first), with bincounts.

    A start customer of month j is a row at j - 1 (booked to its segment then); a
    customer at the end of j keeps its start segment, or takes its segment of j
    when it joined in j. Same result as :func:`_count`, about 3x faster.
    """
    span = p.last - p.first + 1
    n_seg = len(p.segments) if grouped else 1
    zeros = np.zeros((span - 1) * n_seg, dtype=np.int64)
    counts = pd.DataFrame({
        **churn_counts(p, grouped),  # block-parallel (cskit.metrics._kernels)
        "churned_after_joining": zeros,
        "returned_after_churn": zeros.copy(),
    })
    if grouped:
        counts.index = pd.MultiIndex.from_product(
            [range(span - 1), range(n_seg)], names=["period", "segment"]
        )
    else:
        counts.index = pd.Index(range(span - 1), name="period")
    return counts
