"""Gaps in the data: periods inside a table's span without a single row.

A month with no row at all is most often an export that missed it, not a month in
which nothing happened: read as data it gives extremes (every customer churned,
zero tickets, no active user). cskit keeps the number, warns, and flags the
periods it touches in a boolean ``data_gap`` column (present only when there is a
gap, so results on complete data are unchanged).
"""

from __future__ import annotations

import warnings

import numpy as np
import pandas as pd

from cskit._validate import placeholder_cutoff
from cskit.errors import CskitWarning, InvalidValueError, caller_stacklevel, format_values


def refuse_far_months(ordinals: np.ndarray, table: str, column: str) -> None:
    """Refuse dates years after the rest of the data (``9999-12-31``, a year typed 2300):
    every month up to them would be reported (see :func:`cskit._validate.placeholder_cutoff`).

    Examples
    --------
    >>> refuse_far_months(pd.PeriodIndex(["2026-01", "2026-02"], freq="M").asi8, "tickets", "at")
    """
    months = np.asarray(ordinals, dtype=np.int64)
    cutoff = placeholder_cutoff(months)
    if cutoff is None:
        return
    far = months > cutoff
    names = pd.PeriodIndex.from_ordinals(np.unique(months[far]), freq="M")
    last = pd.PeriodIndex.from_ordinals([cutoff], freq="M")[0]
    raise InvalidValueError(
        f"Column {column!r} of the {table} frame has dates years after the rest of its data "
        f"(which ends in {last}), in {format_values([str(m) for m in names])}. They look "
        f"like placeholders (9999-12-31) or typos, and every month up to them would be "
        f"reported. Correct those dates, or drop those rows, e.g. "
        f"df[df[{column!r}] < '{(last + 1).start_time.date()}']."
    )


def empty_months(months: pd.Series | pd.PeriodIndex, table: str, column: str) -> np.ndarray:
    """Ordinals of the months between the first and last of ``months`` that have no row,
    with a :class:`CskitWarning` naming them (none: an empty array, no warning).

    Examples
    --------
    >>> import warnings
    >>> seen = pd.Series(pd.PeriodIndex(["2026-01", "2026-03"], freq="M"))
    >>> with warnings.catch_warnings(record=True):
    ...     warnings.simplefilter("always")
    ...     gaps = empty_months(seen, "tickets", "created_at")
    >>> [str(m) for m in pd.PeriodIndex.from_ordinals(gaps, freq="M")]
    ['2026-02']
    """
    values = pd.PeriodIndex(months).dropna()
    if not len(values):
        return np.zeros(0, dtype=np.int64)
    ordinals = np.unique(np.asarray(values.asfreq("M").asi8, dtype=np.int64))
    refuse_far_months(ordinals, table, column)
    first, last = int(ordinals[0]), int(ordinals[-1])
    seen = np.zeros(last - first + 1, dtype=bool)
    seen[ordinals - first] = True
    empty = np.flatnonzero(~seen) + first
    if len(empty):
        names = [str(m) for m in pd.PeriodIndex.from_ordinals(empty, freq="M")]
        span = pd.PeriodIndex.from_ordinals([first, last], freq="M")
        warnings.warn(
            f"The {table} frame has no row at all in {format_values(names)} (column "
            f"{column!r}, inside its span {span[0]} to {span[1]}): most often an export that "
            f"missed those months, so their figures read as extremes; the result flags them "
            f"in its 'data_gap' column. Add the missing rows, or keep to one side of the gap.",
            CskitWarning,
            stacklevel=caller_stacklevel(),
        )
    return empty


def flag_gaps(table: pd.DataFrame, gaps: np.ndarray | None, *, back: int = 0,
              window: int | None = None) -> pd.DataFrame:
    """``table`` with a boolean ``data_gap`` column when one of ``gaps`` (month ordinals)
    feeds a row; ``table`` itself when there is no gap.

    A row of period P (index level ``period``) is fed by the months of P and the
    ``back`` months before it; with ``window``, by the ``window`` months before
    the end of P and that month itself (trailing windows such as NRR's).

    Examples
    --------
    >>> table = pd.DataFrame({"x": [1, 2, 3]},
    ...     index=pd.PeriodIndex(["2026-01", "2026-02", "2026-03"], freq="M", name="period"))
    >>> gap = pd.PeriodIndex(["2026-02"], freq="M").asi8
    >>> flag_gaps(table, gap, back=1)["data_gap"].tolist()
    [False, True, True]
    """
    if gaps is None or not len(gaps) or not isinstance(table, pd.DataFrame) \
            or "period" not in (table.index.names or []):
        return table
    periods = pd.PeriodIndex(table.index.get_level_values("period"))
    hi = np.asarray(periods.asfreq("M", how="end").asi8, dtype=np.int64)
    lo = (hi - window) if window is not None else \
        np.asarray(periods.asfreq("M", how="start").asi8, dtype=np.int64) - back
    hit = np.zeros(len(table), dtype=bool)
    for month in np.asarray(gaps, dtype=np.int64):  # a few months, not rows
        hit |= (lo <= month) & (month <= hi)
    return table.assign(data_gap=hit)


def add_gap_rows(table: pd.DataFrame, gaps: np.ndarray, freq: str,
                 fill: dict[str, object] | None = None) -> pd.DataFrame:
    """``table`` with a row for each period (× each ``by`` group) that ``gaps`` left out,
    and the ``data_gap`` column; for tables that list only the periods with rows.

    New rows hold ``fill`` (column → value, e.g. counts 0) and NaN elsewhere.

    Examples
    --------
    >>> table = pd.DataFrame({"n": [2, 1], "nps": [100.0, -100.0]},
    ...     index=pd.PeriodIndex(["2026-01", "2026-03"], freq="M", name="period"))
    >>> out = add_gap_rows(table, pd.PeriodIndex(["2026-02"], freq="M").asi8, "M", {"n": 0})
    >>> out["n"].tolist(), out["data_gap"].tolist()
    ([2, 0, 1], [False, True, False])
    """
    if gaps is None or not len(gaps):
        return table
    present = pd.PeriodIndex(table.index.get_level_values("period")).unique()
    wanted = pd.PeriodIndex.from_ordinals(np.asarray(gaps, dtype=np.int64), freq="M").asfreq(freq)
    missing = wanted.unique().difference(present).rename("period")
    if len(missing):
        if isinstance(table.index, pd.MultiIndex):
            groups = table.index.get_level_values(1).unique()
            index = pd.MultiIndex.from_product([missing, groups], names=table.index.names)
        else:
            index = missing
        extra = pd.DataFrame({c: pd.Series(np.nan, index=index) if c not in (fill or {})
                              else pd.Series((fill or {})[c], index=index)
                              for c in table.columns}, index=index)
        attrs = dict(table.attrs)
        out = pd.concat([table, extra]).sort_index()
        table = out.astype({c: table[c].dtype for c in (fill or {}) if c in table.columns})
        table.attrs = attrs
    return flag_gaps(table, gaps)
