"""Subscription lines as a stream of per-customer MRR changes.

Month-end MRR (``to_mrr``) cannot see what happens between two month closes: a
customer who joins and cancels in the same month, or an upgrade undone before
the month ends. Here every line's start adds its monthly amount to its customer's
MRR at that instant and its (exclusive) end removes it; the changes of one
customer at one instant are netted, and each remaining change is classified as
new, reactivation, expansion, contraction or churn. Periods are calendar months
(``"M"``) or windows of N days ending at ``as_of`` (``"30D"``, the "last 30
days" of billing dashboards). Everything is vectorised over lines.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import numpy as np
import pandas as pd

from cskit._validate import (
    as_datetime,
    as_number,
    check_frame,
    placeholder_cutoff,
    require_columns,
)
from cskit.errors import InvalidParameterError, InvalidValueError
from cskit.metrics._intervals import interval_months, warn_placeholders

TABLE = "subscriptions"
_NEVER = np.iinfo(np.int64).max


@dataclass(frozen=True)
class Changes:
    """One row per customer and instant where the customer's MRR changes.

    ``time`` is int64 nanoseconds (wall clock of the data), sorted by customer then
    time; ``before``/``after`` are the customer's MRR just before/after; ``first`` is
    True on the customer's first change. ``customers`` maps codes to ids.
    """

    customer: np.ndarray
    time: np.ndarray
    before: np.ndarray
    after: np.ndarray
    first: np.ndarray
    customers: pd.Index
    earliest: pd.Timestamp
    latest: pd.Timestamp


def _ns(values: pd.Series) -> np.ndarray:
    return np.asarray(values.to_numpy(dtype="datetime64[ns]")).astype(np.int64)


def changes(
    subscriptions: pd.DataFrame,
    *,
    customer_col: str,
    start_col: str,
    end_col: str,
    amount_col: str | None,
    interval_col: str | None,
    discount_col: str | None = None,
) -> Changes:
    """Validate subscription lines and turn them into :class:`Changes`.

    Without an ``amount_col`` column every line counts 1 (a paying line); lines with
    amount 0 or a non-recurring ``interval`` are left out, as in ``to_mrr``. A
    ``discount`` column holds fractions of the price (``to_mrr``'s ``discount_as="rate"``).
    """

    check_frame(subscriptions, TABLE)
    require_columns(subscriptions,
                    {"customer_col": customer_col, "start_col": start_col, "end_col": end_col},
                    TABLE)
    ids = subscriptions[customer_col]
    if ids.isna().any():
        raise InvalidValueError(
            f"Column {customer_col!r} of the {TABLE} frame has {int(ids.isna().sum())} missing id(s). "
            f"Every line needs a customer; drop or fill those rows first."
        )
    starts = as_datetime(subscriptions, start_col, TABLE)
    ends = as_datetime(subscriptions, end_col, TABLE, allow_missing=True)
    backwards = ends.notna() & (ends < starts)
    if backwards.any():
        rows = subscriptions.index[backwards.to_numpy()][:5].tolist()
        raise InvalidValueError(
            f"Column {end_col!r} of the {TABLE} frame is before {start_col!r} in {int(backwards.sum())} "
            f"row(s) (index {', '.join(map(str, rows))}). Swap or correct those dates; an empty "
            f"{end_col!r} means the line is still active."
        )
    starts, ends, late = _placeholders(subscriptions, starts, ends, start_col, end_col)
    monthly = np.ones(len(subscriptions))
    if amount_col is not None and amount_col in subscriptions.columns:
        monthly = as_number(subscriptions, amount_col, TABLE).to_numpy(dtype=float)
        if discount_col is not None and discount_col in subscriptions.columns:
            rate = as_number(subscriptions, discount_col, TABLE, allow_missing=True).fillna(0.0)
            if (rate > 1).any() or (rate < 0).any():
                raise InvalidValueError(
                    f"Column {discount_col!r} of the {TABLE} frame must hold discount rates "
                    f"between 0 and 1 (0.2 = 20 %); found {rate[(rate > 1) | (rate < 0)].iloc[:5].tolist()}. "
                    f"Convert amounts to rates, or pass discount_col=None."
                )
            monthly = monthly * (1.0 - rate.to_numpy(dtype=float))
        if interval_col is not None and interval_col in subscriptions.columns:
            months = interval_months(subscriptions[interval_col], interval_col)
            monthly = np.where(months > 0, monthly / np.maximum(months, 1), 0.0)
    keep = (monthly > 0) & ~(ends.notna() & (ends == starts)).to_numpy() & ~late
    codes, uniques = pd.factorize(ids, sort=False)
    t0 = _ns(starts)
    t1 = np.where(ends.notna().to_numpy(), _ns(ends.fillna(starts)), _NEVER)
    cust = np.r_[codes[keep], codes[keep & (t1 != _NEVER)]].astype(np.int64)
    time = np.r_[t0[keep], t1[keep & (t1 != _NEVER)]]
    delta = np.r_[monthly[keep], -monthly[keep & (t1 != _NEVER)]]
    order = np.lexsort((time, cust))
    cust, time, delta = cust[order], time[order], delta[order]
    new_key = np.r_[True, (cust[1:] != cust[:-1]) | (time[1:] != time[:-1])] if len(cust) else \
        np.zeros(0, dtype=bool)
    starts_at = np.flatnonzero(new_key)
    net = np.add.reduceat(delta, starts_at) if len(starts_at) else np.zeros(0)
    cust, time = cust[starts_at], time[starts_at]
    # Running MRR per customer: a global cumulative sum minus the customer's offset.
    total = np.cumsum(net)
    first_of_cust = np.r_[True, cust[1:] != cust[:-1]] if len(cust) else np.zeros(0, bool)
    offset = np.maximum.accumulate(np.where(first_of_cust, np.arange(len(cust)), 0)) \
        if len(cust) else np.zeros(0, dtype=np.int64)
    base = (total - net)[offset]
    after = total - base
    tol = 1e-9 * max(float(np.abs(monthly).max()) if len(monthly) else 1.0, 1.0)
    after = np.where(np.abs(after) < tol, 0.0, after)
    before = np.r_[0.0, after[:-1]]
    before = np.where(first_of_cust, 0.0, before)
    moved = np.abs(after - before) >= tol
    cust, time, before, after = cust[moved], time[moved], before[moved], after[moved]
    activations = (before == 0) & (after > 0)
    seen = np.r_[True, cust[1:] != cust[:-1]] if len(cust) else np.zeros(0, bool)
    # The first activation of each customer is "new"; later ones are reactivations.
    act_rank = np.cumsum(activations)
    first_act = np.zeros(len(cust), dtype=bool)
    if len(cust):
        cust_start = np.flatnonzero(seen)
        before_cust = np.r_[0, act_rank[:-1]][cust_start]
        idx = np.repeat(before_cust, np.diff(np.r_[cust_start, len(cust)]))
        first_act = activations & (act_rank - idx == 1)
    dates = pd.concat([starts[~late], ends.dropna()])
    return Changes(cust, time, before, after, first_act, pd.Index(uniques),
                   dates.min(), dates.max())


def _placeholders(subscriptions: pd.DataFrame, starts: pd.Series, ends: pd.Series, start: str,
                  end: str) -> tuple[pd.Series, pd.Series, np.ndarray]:
    """Placeholder dates years after the data (``9999-12-31``, a start typed as 2300), as
    in ``to_mrr``: such ends become open (the line runs to the data's end), such starts
    are left out (the mask returned), with a warning that names them."""

    first = np.asarray(starts.dt.to_period("M").array.asi8, dtype=np.int64)
    end_known = ends.notna().to_numpy()
    end_month = np.where(end_known, np.asarray(ends.dt.to_period("M").array.asi8), 0)
    cutoff = placeholder_cutoff(np.r_[first, end_month[end_known]])
    if cutoff is None:
        return starts, ends, np.zeros(len(starts), dtype=bool)
    warn_placeholders(subscriptions, starts, ends, first, end_month, end_known, cutoff,
                       start, end, param="as_of='YYYY-MM-DD'")
    late_end = end_known & (end_month > cutoff)
    return starts, ends.mask(late_end), first > cutoff


def period_bounds(ch: Changes, period: str, as_of: object = None) -> tuple[np.ndarray, pd.Index]:
    """Period starts plus the final end (int64 ns) and the period labels.

    ``"M"``: calendar months from the first line's month to ``as_of``'s month (default
    the latest date in the data). ``"<N>D"``: windows of N days ending at the end of
    ``as_of``'s day, as many whole windows as fit after the first line started.
    """
    end_day = (pd.Timestamp(as_of) if as_of is not None else ch.latest).normalize()
    if getattr(end_day, "tzinfo", None) is not None:
        end_day = end_day.tz_localize(None)
    text = str(period).strip().upper()
    if text == "M":
        months = pd.period_range(ch.earliest.to_period("M"), end_day.to_period("M"), freq="M")
        edges = [m.to_timestamp() for m in months] + [(months[-1] + 1).to_timestamp()]
        return _ns(pd.Series(edges)), pd.PeriodIndex(months, name="period")
    match = re.fullmatch(r"(\d+)D", text)
    if not match or int(match.group(1)) < 1:
        raise InvalidParameterError(
            f"period={period!r} is not supported for subscription lines; use 'M' (calendar "
            f"months) or a number of days such as '30D' (windows ending at as_of)."
        )
    days = int(match.group(1))
    stop = end_day + pd.Timedelta(days=1)
    count = int((stop - ch.earliest.normalize()).days // days)
    if count < 1:
        raise InvalidParameterError(
            f"period={period!r} is longer than the data ({ch.earliest.date()} to "
            f"{end_day.date()}); use a shorter window."
        )
    edges = pd.DatetimeIndex([stop - pd.Timedelta(days=days * k) for k in range(count, -1, -1)])
    labels = pd.IntervalIndex.from_breaks(edges, closed="left", name="period")
    return _ns(pd.Series(edges)), labels


def active_at(ch: Changes, edges: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Customers paying just before each edge: (customer, edge index, MRR) triples.

    A change row opens a spell [time, next change of the customer) at MRR ``after``;
    the spell covers the edges e with time < e <= next change.
    """
    n = len(ch.customer)
    nxt = np.r_[ch.time[1:], _NEVER] if n else np.zeros(0, dtype=np.int64)
    last_of_cust = np.r_[ch.customer[1:] != ch.customer[:-1], True] if n else np.zeros(0, bool)
    nxt = np.where(last_of_cust, _NEVER, nxt)
    paying = ch.after > 0
    lo = np.searchsorted(edges, ch.time[paying], side="right")
    hi = np.searchsorted(edges, nxt[paying], side="right")  # edges <= next change
    lengths = np.maximum(hi - lo, 0)
    rows = np.repeat(np.flatnonzero(paying), lengths)
    offsets = np.arange(lengths.sum()) - np.repeat(np.cumsum(lengths) - lengths, lengths)
    edge = np.repeat(lo, lengths) + offsets
    return ch.customer[rows], edge, ch.after[rows]


def period_of(ch: Changes, edges: np.ndarray) -> np.ndarray:
    """Index of the period each change falls in (-1 outside every period)."""
    k = np.searchsorted(edges, ch.time, side="right") - 1
    return np.where((k >= 0) & (k < len(edges) - 1), k, -1)
