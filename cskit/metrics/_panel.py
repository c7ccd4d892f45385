"""The customer × month panel every billing metric starts from.

An ``mrr`` frame may hold several rows per customer and month (one per plan or
product). :func:`customer_months` validates it and combines those rows into one
row per customer and month with positive MRR, as NumPy arrays sorted by
customer then month, so the metrics can work with vectorised array
operations instead of Python loops.
"""

from __future__ import annotations

import warnings
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
import pandas as pd

from cskit._validate import (
    FAR_MONTHS,
    as_month,
    as_number,
    check_frame,
    check_unique,
    require_columns,
)
from cskit.errors import CskitWarning, caller_stacklevel, format_values
from cskit.metrics._gaps import refuse_far_months

TABLE = "mrr"
LINES_ATTR = "cskit_line_columns"  # set by to_mrr: its plan/product columns


@dataclass(frozen=True)
class Panel:
    """One row per customer-month with MRR > 0, sorted by (customer, month).

    ``month`` holds month ordinals (``Period.ordinal``); ``first`` and ``last``
    are the first and last month present in the input (with or without MRR).
    ``segment`` holds codes into ``segments`` (the ``by`` column's value on the
    customer's largest row that month), or is None when not grouped.
    """

    customer: np.ndarray
    month: np.ndarray
    mrr: np.ndarray
    first: int
    last: int
    customers: pd.Index
    segment: np.ndarray | None = None
    segments: pd.Index | None = None
    segment_name: str | None = None
    empty_months: np.ndarray | None = None  # ordinals between first and last with no row


def customer_months(
    frame: pd.DataFrame,
    *,
    customer: str = "customer_id",
    month: str = "month",
    mrr: str = "mrr",
    by: str | None = None,
    lines: Sequence[str | None] | None = None,
    duplicates: str = "raise",
) -> Panel:
    """Validate an ``mrr`` frame and combine it into a :class:`Panel`.

    Several rows of one customer and month are fine when they differ in a
    ``lines`` column (plan, product): the columns passed, else those
    :func:`~cskit.metrics.mrr.to_mrr` recorded in ``frame.attrs`` (so renamed
    ``plan=``/``product=`` columns are honoured), else ``plan`` and ``product``.
    ``duplicates="sum"`` adds up several rows of one customer and month even when no
    such column tells them apart (per-customer KPIs: a customer's subscriptions are
    combined as one); ``"raise"`` refuses them.
    """
    check_frame(frame, TABLE)
    require_columns(frame, {"customer": customer, "month": month, "mrr": mrr, "by": by}, TABLE)
    months = as_month(frame, month, TABLE)
    values = as_number(frame, mrr, TABLE)
    if lines is None:
        lines = frame.attrs.get(LINES_ATTR, ("plan", "product"))
    keys = [customer, month] + [c for c in dict.fromkeys(lines)
                                if c is not None and c in frame.columns and c != by]
    if by is not None and by not in keys:
        keys.append(by)
    ids = frame[customer]
    if ids.isna().any():
        from cskit.errors import InvalidValueError

        raise InvalidValueError(
            f"Column {customer!r} of the {TABLE} frame has {int(ids.isna().sum())} missing id(s). "
            "Every row needs a customer; drop or fill those rows first."
        )
    codes, uniques = pd.factorize(ids, sort=False)
    ordinals = months.array.asi8 if hasattr(months.array, "asi8") else months.map(lambda p: p.ordinal).to_numpy()
    ordinals = np.asarray(ordinals, dtype=np.int64)
    first, last = int(ordinals.min()), int(ordinals.max())
    if last - first > FAR_MONTHS:  # a month typed as 9999-12 would fill the span up to it
        refuse_far_months(np.unique(ordinals), TABLE, month)
    empty = _empty_months(ordinals, first, last)
    v = values.to_numpy()
    span = last - first + 1
    key = codes.astype(np.int64) * span + (ordinals - first)
    seg_codes = seg_index = None
    if by is not None:
        seg_all, seg_index = pd.factorize(frame[by], sort=True, use_na_sentinel=False)
        # Order rows by key, then by descending MRR, so the first row of each key
        # carries the customer's main segment that month.
        order = np.lexsort((-v, key))
    else:
        order = np.argsort(key, kind="stable")
    key_sorted = key[order]
    starts = np.flatnonzero(np.r_[True, key_sorted[1:] != key_sorted[:-1]])
    # Duplicates can only sit inside a (customer, month) group of several rows (several
    # plans or products): check the full key on those rows only, which is cheap.
    sizes = np.diff(np.r_[starts, len(key_sorted)])
    if duplicates == "raise" and (sizes > 1).any():
        shared = np.repeat(sizes > 1, sizes)
        check_unique(
            frame.iloc[np.sort(order[shared])],
            keys,
            TABLE,
            hint=(
                "Each customer, month (and plan/product) needs one row; sum duplicates with "
                f"df.groupby({keys!r}, as_index=False)[{mrr!r}].sum()."
            ),
        )
    total = np.add.reduceat(v[order], starts) if len(starts) else np.array([], dtype=float)
    ukey = key_sorted[starts]
    if by is not None:
        seg_codes = seg_all[order][starts]
    positive = total > 0
    ukey, total = ukey[positive], total[positive]
    if seg_codes is not None:
        seg_codes = seg_codes[positive]
    return Panel(
        customer=ukey // span,
        month=ukey % span + first,
        mrr=total,
        first=first,
        last=last,
        customers=pd.Index(uniques),
        segment=seg_codes,
        segments=pd.Index(seg_index) if seg_index is not None else None,
        segment_name=by,
        empty_months=empty,
    )


def _empty_months(ordinals: np.ndarray, first: int, last: int) -> np.ndarray:
    """Months inside the frame's span without a single row, with a warning naming them.

    Such a month is a gap in the data (an export that missed it), not a month in
    which every customer left: read as data it would show 100 % churn.
    """
    seen = np.zeros(last - first + 1, dtype=bool)
    seen[ordinals - first] = True
    empty = np.flatnonzero(~seen) + first
    if len(empty):
        names = [str(m) for m in pd.PeriodIndex.from_ordinals(empty, freq="M")]
        warnings.warn(
            f"The {TABLE} frame has no row at all in {format_values(names)} (inside its span "
            f"{pd.PeriodIndex.from_ordinals([first, last], freq='M')[0]} to "
            f"{pd.PeriodIndex.from_ordinals([last], freq='M')[0]}): a gap in the data reads as "
            f"every customer leaving, so rates of that month and the next are extremes "
            f"(results by period flag them in a 'data_gap' column). Add the missing month's "
            f"rows, with "
            f"mrr 0 where a customer truly paid nothing, or keep to one side of the gap.",
            CskitWarning,
            stacklevel=caller_stacklevel(),
        )
    return empty


def next_is_consecutive(panel: Panel) -> np.ndarray:
    """True where the same customer also has MRR in the following month."""
    same = panel.customer[1:] == panel.customer[:-1]
    consecutive = panel.month[1:] == panel.month[:-1] + 1
    return np.r_[same & consecutive, False][: len(panel.customer)]  # [] for an empty panel


def previous_is_consecutive(panel: Panel) -> np.ndarray:
    """True where the same customer also had MRR in the month before."""
    return np.r_[False, next_is_consecutive(panel)[:-1]][: len(panel.customer)]


def month_index(first: int, last: int) -> pd.PeriodIndex:
    """Monthly PeriodIndex from ordinal ``first`` to ``last`` inclusive."""
    return pd.PeriodIndex.from_ordinals(np.arange(first, last + 1), freq="M")
