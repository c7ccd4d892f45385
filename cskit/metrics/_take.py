"""Pick rows of an id column without turning every row into a Python object.

``series.to_numpy()[rows]`` builds one Python object per *input* row (for
Arrow-backed strings and categoricals) only to keep a few of them, and the
result is then parsed back into a string column. :func:`take_values` gives the
same values with the dtype pandas would infer from that object array, by taking
the rows first.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from cskit.metrics._blocks import BLOCK, all_blocks, run_tasks, workers

try:  # a compiled counting sort; see _one_order
    from pandas._libs.algos import groupsort_indexer as _counting_sort
except ImportError:  # pragma: no cover - every pandas this project supports has it
    _counting_sort = None

_STR = pd.StringDtype(storage="pyarrow", na_value=np.nan)


def take_values(series: pd.Series, rows: np.ndarray):
    """``series.to_numpy()[rows]``, as a column pandas stores identically, without the detour.

    Arrow strings (pandas' default ``str``) and categoricals of ``str`` categories
    (without missing values) are taken as Arrow strings; any other dtype is taken
    the plain way.
    """
    dtype = series.dtype
    if dtype == _STR:
        return series.array.take(rows)
    if isinstance(dtype, pd.CategoricalDtype) and dtype.categories.dtype == _STR:
        codes = series.cat.codes.to_numpy()[rows]
        if len(codes) == 0 or codes.min() >= 0:
            return dtype.categories.array.take(codes)
    return series.to_numpy()[rows]


def _radix_order(codes: np.ndarray, top: int) -> np.ndarray:
    """Stable order of non-negative codes below 2**32 (``top`` their maximum), by radix passes."""
    if top < 2**16:
        return np.argsort(codes.astype(np.uint16), kind="stable")
    order = np.argsort((codes & 0xFFFF).astype(np.uint16), kind="stable")
    high = (codes[order] >> 16).astype(np.uint16)
    return order[np.argsort(high, kind="stable")]


def _one_order(codes: np.ndarray, top: int, counts: bool) -> tuple[np.ndarray, np.ndarray | None]:
    """Stable order of non-negative codes (``top`` their maximum) and, when the sort counted
    them or ``counts`` asks for them, the count of each code (else None).

    A counting sort (one pass to count, one to place each row: pandas' own
    ``groupsort_indexer``, compiled and free of the GIL) when the codes are dense
    enough for a table of counts; radix passes otherwise, or if that pandas
    internal is ever missing or changes its signature (same order either way: a
    stable order is unique).
    """
    if _counting_sort is not None and top < 4 * len(codes) + 2**16:
        try:
            order, counts = _counting_sort(np.asarray(codes, dtype=np.intp), top + 1)
        except (TypeError, ValueError):  # a pandas whose internal takes other arguments
            pass
        else:
            return order, counts[1:]  # counts[0] is the count of missing codes (-1): none
    # sparse codes: a table of counts would be as long as the largest code
    return _radix_order(codes, top), np.bincount(codes, minlength=top + 1) if counts else None


#: Fewest rows for which :func:`stable_order` splits the work between threads.
_PARALLEL_ROWS = 2 * BLOCK


def _parallel_order(codes: np.ndarray, top: int, parts: int) -> tuple[np.ndarray, np.ndarray]:
    """:func:`_one_order` of ``parts`` slices at once, merged by counting.

    Each slice is sorted on its own thread (NumPy's sorts release the GIL) and
    counts its codes. A row of code ``c`` then lands after every row of a smaller
    code, after the rows of code ``c`` in earlier slices, and after the rows of
    code ``c`` before it in its own slice: its place is known without comparing
    anything across slices. A stable order is unique, so the result is the same
    permutation as one sort, whatever the number of slices. Returns the order and
    the count of each code (counted on the way).
    """
    n = len(codes)
    edges = np.linspace(0, n, parts + 1).astype(np.int64)

    def sort_slice(i: int) -> tuple[np.ndarray, np.ndarray]:
        piece = codes[edges[i]:edges[i + 1]]
        return _one_order(piece, top, counts=True)  # dense codes (see stable_order)

    sorted_slices = run_tasks([lambda i=i: sort_slice(i) for i in range(parts)])
    counts = np.stack([c for _, c in sorted_slices])  # parts × codes
    total = counts.sum(axis=0)
    first_of_code = np.cumsum(total) - total  # where each code starts in the result
    earlier = np.cumsum(counts, axis=0) - counts  # rows of the code in earlier slices
    out = np.empty(n, dtype=np.intp)

    def place(i: int) -> None:
        order, count = sorted_slices[i]
        shift = first_of_code + earlier[i] - (np.cumsum(count) - count)
        dest = np.repeat(shift, count)  # for the slice's k-th sorted row: shift[code] + k
        dest += np.arange(len(order))
        order += edges[i]
        out[dest] = order

    run_tasks([lambda i=i: place(i) for i in range(parts)])
    return out, total


def stable_order(codes: np.ndarray, *, counts: bool = False):
    """``np.argsort(codes, kind="stable")`` for non-negative integer codes, in linear time.

    Dense codes (the largest below about four times the number of rows) are placed
    by a counting sort; sparser ones below 2**32 by NumPy's radix sort of 16-bit
    keys, in one pass or two (low half, then high half: a least-significant-digit
    radix sort, stable by construction); others by NumPy's stable sort. Millions of
    rows are sorted in slices on every core and merged by counting
    (:func:`_parallel_order`) when the table of counts stays smaller than the rows.
    ``counts=True`` also returns ``np.bincount(codes)`` (free when the sort counted
    them).

    Examples
    --------
    >>> stable_order(np.array([2, 0, 2, 1, 0])).tolist()
    [1, 4, 3, 0, 2]
    """
    if len(codes) == 0:
        order = np.zeros(0, dtype=np.intp)
        return (order, np.zeros(0, dtype=np.intp)) if counts else order
    top = int(codes.max())
    parts = workers()
    if int(codes.min()) < 0 or top >= 2**32:
        order = np.argsort(codes, kind="stable")
    elif parts > 1 and len(codes) >= _PARALLEL_ROWS and (top + 1) * parts <= len(codes):
        order, total = _parallel_order(codes, top, parts)
        return (order, total) if counts else order
    else:
        order, total = _one_order(codes, top, counts)
        return (order, total) if counts else order
    return (order, np.bincount(codes)) if counts else order


def in_time_order(times: np.ndarray) -> bool:
    """Whether ``times`` never decrease (checked block by block on the workers)."""
    return len(times) < 2 or all_blocks(
        lambda lo, hi: bool((times[lo + 1:hi + 1] >= times[lo:hi]).all()), len(times) - 1)


def time_then_group_order(groups: np.ndarray, times: np.ndarray, *, counts: bool = False):
    """``np.lexsort((times, groups))``: rows by group, then time (ties in row order).

    An event log is usually in time order already; then one stable sort by group
    (:func:`stable_order`) keeps each group's rows in time order, which is the
    same permutation at a fraction of the cost of a two-key sort. ``counts=True``
    also returns ``np.bincount(groups)``.
    """
    if in_time_order(times):
        return stable_order(groups, counts=counts)
    # else: a stable sort by time, then the stable linear-time sort by group (the same
    # permutation as the two-key sort, which costs about 1.6× as much)
    by_time = np.argsort(times, kind="stable")
    found = stable_order(groups[by_time], counts=counts)
    if counts:
        return by_time[found[0]], found[1]
    return by_time[found]
