"""Helpers shared by the revenue KPIs on the customer × month panel.

ARPA/ARPU (:mod:`cskit.metrics.revenue_per_head`), NRR/GRR and the quick ratio
(:mod:`cskit.metrics.revenue_retention`), cohorts (:mod:`cskit.metrics.cohorts`)
and the upsell rates (:mod:`cskit.metrics.expansion`) all work on the panel of
:func:`cskit.metrics._panel.customer_months`: one row per customer and month with
MRR > 0, sorted by customer then month, as NumPy arrays.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from cskit.errors import InvalidParameterError
from cskit.metrics._panel import (
    Panel,
    previous_is_consecutive,
)

TABLE = "mrr"
REQUIRES = ("customer_id", "month", "mrr")
FLOW_COLUMNS = [
    "start_customers", "retained_customers", "start", "expansion", "contraction", "churn", "end",
]
PERIOD_MONTHS = {"M": 1, "Q": 3, "Y": 12}


def segments(p: Panel) -> tuple[np.ndarray, int]:
    """Segment code of every row (all zero when not grouped) and the number of segments."""
    if p.segment is None:
        return np.zeros(len(p.mrr), dtype=np.int64), 1
    return p.segment.astype(np.int64), len(p.segments)


def bins(at: np.ndarray, size: int, weights: np.ndarray | None = None) -> np.ndarray:
    """``np.bincount`` that always returns ``size`` floats (also for no rows)."""
    return np.bincount(at, weights=weights, minlength=size)[:size].astype(np.float64)


def paying_runs(p: Panel) -> tuple[np.ndarray, np.ndarray]:
    """First and last month of the unbroken paying run each row belongs to."""
    n = len(p.month)
    if n == 0:
        return p.month.copy(), p.month.copy()
    opens = np.flatnonzero(~previous_is_consecutive(p))
    closes = np.r_[opens[1:], n] - 1
    lengths = closes - opens + 1
    return np.repeat(p.month[opens], lengths), np.repeat(p.month[closes], lengths)


def row_keys(p: Panel) -> np.ndarray:
    """``customer × span + month index``: ascending, since the panel is sorted."""
    span = p.last - p.first + 1
    return p.customer.astype(np.int64) * span + (p.month - p.first)


def lookup(keys: np.ndarray, wanted: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Positions of ``wanted`` in the sorted ``keys`` and whether each is there."""
    if len(keys) == 0:
        return np.zeros(len(wanted), dtype=np.int64), np.zeros(len(wanted), dtype=bool)
    pos = np.minimum(np.searchsorted(keys, wanted), len(keys) - 1)
    return pos, keys[pos] == wanted


def first_rows(p: Panel) -> tuple[np.ndarray, np.ndarray]:
    """Index of each customer's first row, and for every row that customer's first month."""
    n = len(p.customer)
    first_index = np.flatnonzero(np.r_[True, p.customer[1:] != p.customer[:-1]][:n])
    lengths = np.diff(np.r_[first_index, n])
    return first_index, np.repeat(p.month[first_index], lengths)


def period_of_months(first: int, last: int, freq: str) -> np.ndarray:
    """Ordinal of the ``freq`` period of every month ordinal from ``first`` to ``last``."""
    months = pd.PeriodIndex.from_ordinals(np.arange(first, last + 1), freq="M")
    return np.asarray(months.asfreq(freq).asi8, dtype=np.int64)


def label_table(index_periods: pd.PeriodIndex, segments: pd.Index | None, by: str | None,
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


def check_window(window: object, span: int, freq: str | None) -> int:
    if window is None:
        return PERIOD_MONTHS.get(freq or "M", 1)
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


def end_months(p: Panel, freq: str | None, earliest: int) -> tuple[np.ndarray, pd.PeriodIndex]:
    """Month indexes (0 = first month) that close a reported period, and the periods.

    A period is reported when its last month is in the data and is at least
    ``earliest`` months after the data's first month (the start of a window).
    """
    span = p.last - p.first + 1
    rel = np.arange(earliest, span)
    if freq in (None, "M"):
        return rel, pd.PeriodIndex.from_ordinals(p.first + rel, freq="M")
    # One month past the data tells whether the data's last month closes its period.
    per = period_of_months(p.first, p.last + 1, freq)
    closes = per[1:] != per[:-1]
    keep = rel[closes[rel]]
    return keep, pd.PeriodIndex.from_ordinals(per[keep], freq=freq)

def window_flows(
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
        keys = row_keys(p)
        pos, found = lookup(keys, keys[idx] + w)
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
