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
from cskit.metrics._blocks import all_blocks, flags, run_blocks
from cskit.metrics._gaps import refuse_far_months
from cskit.metrics._take import stable_order

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


def _factorize(ids: pd.Series) -> tuple[np.ndarray, pd.Index]:
    """Integer codes of ``ids`` in order of first appearance, and the distinct ids.

    The same codes and uniques as ``pd.factorize(ids, sort=False)``, but as
    4-byte integers; for Arrow-backed strings (pandas' default ``str``) without
    the intermediate copies, and without hashing every row when each id's rows
    are consecutive (:func:`_grouped_codes`).
    """
    array = ids.array
    if len(array) and isinstance(array, pd.arrays.ArrowStringArray):
        import pyarrow as pa

        data = pa.chunked_array(array.__arrow_array__())
        grouped = _grouped_codes(data)
        if grouped is not None:
            codes, values = grouped
        else:
            encoded = data.dictionary_encode().combine_chunks()
            codes = encoded.indices.to_numpy(zero_copy_only=False)
            values = encoded.dictionary
        return codes, pd.Index(type(array)(values, dtype=ids.dtype))
    codes, uniques = pd.factorize(ids, sort=False)
    if len(uniques) < np.iinfo(np.int32).max:
        codes = codes.astype(np.int32)
    return codes, pd.Index(uniques)


def _grouped_codes(data) -> tuple[np.ndarray, object] | None:
    """Codes of an Arrow string array whose equal values are all adjacent, else None.

    A frame sorted or grouped by customer has each id in one run of rows: comparing
    every row with the one before (in parallel blocks) finds the runs, and the ids
    are then numbered in run order, which is their order of first appearance. It
    only holds when no id has two runs, checked on the runs' first values (a
    strictly increasing list needs no hashing).
    """
    import pyarrow.compute as pc

    n = len(data)
    changes = np.empty(n, dtype=bool)
    changes[0] = True

    def block(lo: int, hi: int) -> None:  # rows lo + 1 .. hi compared with the row before
        size = hi - lo
        changes[lo + 1:hi + 1] = pc.not_equal(data.slice(lo + 1, size), data.slice(lo, size)) \
            .to_numpy(zero_copy_only=False)

    run_blocks(block, n - 1)
    starts = np.flatnonzero(changes)
    if len(starts) > n // 2:  # short runs: hashing is cheaper than checking them
        return None
    values = data.take(starts).combine_chunks()
    k = len(values)
    if k > 1 and not pc.all(pc.greater(values.slice(1), values.slice(0, k - 1))).as_py():
        if pc.count_distinct(values).as_py() != k:  # an id in two places: not grouped
            return None
    codes = np.cumsum(changes, dtype=np.int32)
    codes -= 1
    return codes, values


def _strictly_ordered(codes: np.ndarray, months: np.ndarray) -> bool:
    """True when rows are sorted by (customer, month) with one row per pair."""

    def block(lo: int, hi: int) -> bool:
        hi = min(hi + 1, len(codes))  # overlap one row with the next block
        c, m = codes[lo:hi], months[lo:hi]
        up = c[1:] > c[:-1]
        up |= (c[1:] == c[:-1]) & (m[1:] > m[:-1])
        return bool(up.all())

    return all_blocks(block, len(codes))


def _read_only(values: np.ndarray) -> np.ndarray:
    """A view of ``values`` that cannot be written (it may be the caller's data)."""
    view = values.view()
    view.flags.writeable = False
    return view


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

    A frame already sorted by customer and month with one row per pair (what
    ``to_mrr`` and most billing exports give) is used in place: the panel's
    ``month`` and ``mrr`` are read-only views of the frame's own arrays and only
    the customer codes are new (4 bytes a row). Anything else (unsorted rows,
    several rows per customer and month) is sorted and combined first.
    """
    check_frame(frame, TABLE)
    require_columns(frame, {"customer_col": customer, "month_col": month, "mrr_col": mrr, "by": by},
                    TABLE)
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
    codes, uniques = _factorize(ids)
    ordinals = months.array.asi8 if hasattr(months.array, "asi8") else months.map(lambda p: p.ordinal).to_numpy()
    ordinals = np.asarray(ordinals, dtype=np.int64)
    first, last = int(ordinals.min()), int(ordinals.max())
    seen = _months_seen(ordinals, first, last)
    if last - first > FAR_MONTHS:  # a month typed as 9999-12 would fill the span up to it
        refuse_far_months(np.flatnonzero(seen) + first, TABLE, month)  # the distinct months
    empty = _empty_months(seen, first, last)
    v = values.to_numpy()
    seg_all = seg_index = None
    if by is not None:
        seg_all, seg_index = pd.factorize(frame[by], sort=True, use_na_sentinel=False)
    if _strictly_ordered(codes, ordinals):
        cust, mon, total, seg = codes, _read_only(ordinals), _read_only(v), seg_all
    else:
        cust, mon, total, seg = _combine(frame, codes, ordinals, v, seg_all, first, last, keys,
                                         mrr, duplicates)
    positive = total > 0
    if not positive.all():
        cust, mon, total = cust[positive], mon[positive], total[positive]
        if seg is not None:
            seg = seg[positive]
    return Panel(
        customer=cust,
        month=mon,
        mrr=total,
        first=first,
        last=last,
        customers=uniques,
        segment=seg,
        segments=pd.Index(seg_index) if seg_index is not None else None,
        segment_name=by,
        empty_months=empty,
    )


def _combine(frame, codes, ordinals, v, seg_all, first, last, keys, mrr, duplicates):
    """Sort rows by (customer, month) and sum each pair's rows (several plans or products)."""
    span = last - first + 1
    key = codes.astype(np.int64)
    key *= span
    key += ordinals
    key -= first
    if seg_all is not None:
        # Order rows by key, then by descending MRR, so the first row of each key
        # carries the customer's main segment that month.
        order = np.lexsort((-v, key))
    else:
        order = stable_order(key)  # = np.argsort(key, kind="stable"), by radix passes
    key_sorted = key[order]
    del key
    if len(key_sorted) > 1 and bool((key_sorted[1:] != key_sorted[:-1]).all()):
        # One row per customer and month, only out of order: nothing to sum.
        seg_codes = seg_all[order] if seg_all is not None else None
        total = v[order]
        del order
        month_codes = key_sorted % span + first
        key_sorted //= span
        return key_sorted.astype(codes.dtype), month_codes, total, seg_codes
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
    del key_sorted
    seg_codes = seg_all[order][starts] if seg_all is not None else None
    month_codes = ukey % span + first
    ukey //= span
    return ukey.astype(codes.dtype), month_codes, total, seg_codes


def _months_seen(ordinals: np.ndarray, first: int, last: int) -> np.ndarray:
    """Which months of ``first … last`` have a row: one flag per month, marked block by block
    on the workers (a span of a few thousand months at most once far dates are refused;
    ordinals from any date pandas can hold stay under a few million)."""
    return flags(lambda lo, hi: ordinals[lo:hi] - first, len(ordinals), last - first + 1)


def _empty_months(seen: np.ndarray, first: int, last: int) -> np.ndarray:
    """Months inside the frame's span without a single row (``seen``: see
    :func:`_months_seen`), with a warning naming them.

    Such a month is a gap in the data (an export that missed it), not a month in
    which every customer left: read as data it would show 100 % churn.
    """
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
