"""Block-parallel kernels of the heavy billing metrics, over a sorted :class:`Panel`.

Each kernel walks the panel (sorted by customer, then month) in fixed blocks of
rows (:mod:`cskit.metrics._blocks`): a block looks one row back and one row (or
``w`` rows) ahead across its edges, flags its rows, and adds them into small
per-month bins; the blocks' bins are then added up in block order. The flags and
bins are exactly those the metrics computed on the whole panel at once, so on a
panel of one block the results are bit-for-bit today's, and on a larger one
they differ at most in the last bits of a float sum (and not at all between
machines, since block edges depend only on the number of rows).
"""

from __future__ import annotations

import numpy as np

from cskit.metrics._blocks import sum_blocks
from cskit.metrics._panel import Panel

#: Rows per kernel block: temporaries stay at a few MiB per thread.
BLOCK = 1 << 18


def _edges(n: int, lo: int, hi: int, ahead: int = 1) -> tuple[int, int, int]:
    """Slice ``[a, b)`` around block ``[lo, hi)``: one row before, ``ahead`` rows after."""
    a = max(lo - 1, 0)
    return a, min(hi + ahead, n), lo - a


def _neighbours(p: Panel, lo: int, hi: int):
    """For rows ``lo:hi``: previous/next row is the same customer one month apart, first row."""
    a, b, o = _edges(len(p.mrr), lo, hi)
    k = hi - lo
    c, m = p.customer[a:b], p.month[a:b]
    same = c[1:] == c[:-1]
    cons = same & (m[1:] == m[:-1] + 1)
    prv = np.r_[False, cons][o:o + k]
    nxt = np.r_[cons, False][o:o + k]
    first_row = np.r_[True, ~same][o:o + k]
    return a, o, k, prv, nxt, first_row


MOVEMENTS = ("new", "expansion", "contraction", "churn", "reactivation", "end")
TRANSFERS = ("transfer_in", "transfer_out")


def movements(p: Panel, grouped: bool) -> dict[str, np.ndarray]:
    """Per (segment, month) cell: the MRR movements and the month's end MRR."""
    span = p.last - p.first + 1
    n_seg = len(p.segments) if grouped else 1
    size = n_seg * span
    names = MOVEMENTS + (TRANSFERS if grouped else ())

    def block(lo: int, hi: int) -> np.ndarray:
        a, o, k, prv, nxt, first_row = _neighbours(p, lo, hi)
        v = p.mrr[a:hi]
        val, mon = v[o:], p.month[lo:hi]
        prev_mrr = np.where(prv, v[o - 1:len(v) - 1] if o else np.r_[0.0, v[:-1]], 0.0)
        delta = val - prev_mrr
        churn_rows = ~nxt & (mon < p.last)
        rel = mon - p.first
        if grouped:
            sg = p.segment[a:hi].astype(np.int64)
            seg = sg[o:]
            idx = seg * span + rel
        else:
            idx = rel
        out = np.zeros((len(names), size))

        def total(row: int, mask: np.ndarray, values: np.ndarray, at: np.ndarray = idx) -> None:
            out[row] = np.bincount(at[mask], weights=values[mask], minlength=size)

        total(0, ~prv & first_row, val)
        total(1, prv & (delta > 0), delta)
        total(2, prv & (delta < 0), -delta)
        total(3, churn_rows, val, idx + 1)
        total(4, ~prv & ~first_row, val)
        out[5] = np.bincount(idx, weights=val, minlength=size)
        if grouped:
            prev_seg = sg[o - 1:len(sg) - 1] if o else np.r_[0, sg[:-1]]
            moved = prv & (prev_seg != seg)
            total(6, moved, prev_mrr)
            total(7, moved, prev_mrr, prev_seg * span + rel)
        return out

    sums = sum_blocks(block, len(p.mrr), BLOCK)
    return dict(zip(names, sums, strict=True))


def churn_counts(p: Panel, grouped: bool) -> dict[str, np.ndarray]:
    """Per (month, segment) cell after the first month: start, new, end and churned customers."""
    span = p.last - p.first + 1
    n_seg = len(p.segments) if grouped else 1
    size = span * n_seg

    def block(lo: int, hi: int) -> np.ndarray:
        a, o, k, prv, nxt, _ = _neighbours(p, lo, hi)
        rel = p.month[lo:hi] - p.first
        if grouped:
            sg = p.segment[a:hi].astype(np.int64)
            seg = sg[o:]
            prev_seg = sg[o - 1:len(sg) - 1] if o else np.r_[0, sg[:-1]]
        else:
            seg = prev_seg = 0
        has_next_month = rel + 1 < span
        start_cell = (rel + 1) * n_seg + seg
        end_cell = rel * n_seg + (np.where(prv, prev_seg, seg) if grouped else 0)
        out = np.zeros((4, size), dtype=np.int64)

        def count(row: int, cell: np.ndarray, mask: np.ndarray) -> None:
            out[row] = np.bincount(cell[mask], minlength=size)[:size]

        count(0, start_cell, has_next_month)
        count(1, rel * n_seg + seg, ~prv & (rel > 0))
        count(2, end_cell, rel > 0)
        count(3, start_cell, has_next_month & ~nxt)
        return out

    sums = sum_blocks(block, len(p.mrr), BLOCK)
    names = ("start_customers", "new_customers", "end_customers", "churned")
    return {name: row[n_seg:] for name, row in zip(names, sums, strict=True)}


WINDOW = ("start_customers", "retained_customers", "start", "expansion", "contraction",
          "churn", "end")


def window_sums(p: Panel, w: int, grouped: bool) -> dict[str, np.ndarray]:
    """Per (segment, end month) cell: customers and MRR ``w`` months before, and after.

    Without reactivation a customer's row ``w`` months later can only be the row
    ``w`` places further down (the panel is sorted, no month twice).
    """
    n = len(p.mrr)
    span = p.last - p.first + 1
    n_seg = len(p.segments) if grouped else 1
    size = n_seg * span

    def block(lo: int, hi: int) -> np.ndarray:
        b = min(hi + w, n)
        c, m, v = p.customer[lo:b], p.month[lo:b], p.mrr[lo:b]
        k = hi - lo
        found = np.zeros(k, dtype=bool)
        end_v = np.zeros(k)
        reach = len(c) - w  # rows of this block whose row w places down exists
        if reach > 0:
            head, tail = slice(0, reach), slice(w, w + reach)
            found[head] = (c[tail] == c[head]) & (m[tail] == m[head] + w)
            end_v[head] = np.where(found[head], v[tail], 0.0)
        start_v = v[:k]
        diff = end_v - start_v
        target = m[:k] - p.first + w
        seg = p.segment[lo:hi].astype(np.int64) if grouped else 0
        cell = np.where(target <= span - 1, seg * span + target, size)
        out = np.zeros((len(WINDOW), size + 1))
        out[0] = np.bincount(cell, minlength=size + 1)
        out[1] = np.bincount(cell, weights=found.astype(np.float64), minlength=size + 1)
        out[2] = np.bincount(cell, weights=start_v, minlength=size + 1)
        out[3] = np.bincount(cell, weights=np.where(found & (diff > 0), diff, 0.0), minlength=size + 1)
        out[4] = np.bincount(cell, weights=np.where(found & (diff < 0), -diff, 0.0), minlength=size + 1)
        out[5] = np.bincount(cell, weights=np.where(found, 0.0, start_v), minlength=size + 1)
        out[6] = np.bincount(cell, weights=end_v, minlength=size + 1)
        return out

    sums = sum_blocks(block, n, BLOCK)
    return {name: row[:size] for name, row in zip(WINDOW, sums, strict=True)}
