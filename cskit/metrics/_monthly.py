"""Sum subscription lines expanded to months, grouped on integer codes instead of strings.

``to_mrr`` turns each subscription line into one row per month it bills and sums the
rows that share a customer, month, plan and product. Grouping the expanded rows on
their text columns copies every string once per month and hashes it again;
:func:`sum_by_month` numbers each key column once per *line* (sorted codes, so code
order is value order, missing values last), combines the codes into one integer key
per expanded row and lets pandas sum by that key. The groups, their order and the
arithmetic (pandas' own grouped sum, over the same rows in the same order) are those of
``groupby([customer, month, plan, product], sort=True, dropna=False)``; the text is
looked up once per result row.
"""

from __future__ import annotations

import numpy as np
import pandas as pd


def _by_text(lines: pd.DataFrame, keys: list[str], rows: np.ndarray, months: np.ndarray,
             amounts: np.ndarray) -> pd.DataFrame:
    """The plain pandas form (also the fallback): expand the text columns, then group."""
    expanded = lines[keys].iloc[rows].reset_index(drop=True)
    expanded.insert(1, "_month", months)
    expanded["_mrr"] = amounts
    group = [keys[0], "_month", *keys[1:]]
    return expanded.groupby(group, sort=True, dropna=False, observed=True)["_mrr"].sum() \
        .reset_index()


def _one_line_per_key(per_line: np.ndarray, rows: np.ndarray) -> np.ndarray | None:
    """The order of the expanded rows by key when no two lines that bill share a key, else None.

    Each line's rows are consecutive and its months ascending, so ordering the *lines*
    by key (and keeping each line's run in place) orders the expanded rows by key: the
    permutation is built from the runs, without sorting millions of rows. A group of one
    row sums to that row's amount, so the grouped sum is not needed.
    """
    if len(rows) > 1 and (rows[1:] < rows[:-1]).any():  # runs not consecutive
        return None
    lengths = np.bincount(rows, minlength=len(per_line))
    billing = np.flatnonzero(lengths)
    order = billing[np.argsort(per_line[billing], kind="stable")]
    sorted_keys = per_line[order]
    if len(sorted_keys) > 1 and not (sorted_keys[1:] != sorted_keys[:-1]).all():
        return None
    starts = np.cumsum(lengths) - lengths  # first expanded row of each line
    run = lengths[order]
    shift = starts[order] - (np.cumsum(run) - run)
    return np.arange(len(rows)) + np.repeat(shift, run)


def sum_by_month(lines: pd.DataFrame, keys: list[str], rows: np.ndarray, months: np.ndarray,
                 amounts: np.ndarray) -> pd.DataFrame:
    """Columns ``keys[0], "_month", *keys[1:], "_mrr"``: ``amounts`` summed per key and month.

    ``rows`` gives the line of each expanded row, ``months`` its month ordinal.
    """
    if len(rows) == 0:
        return _by_text(lines, keys, rows, months, amounts)
    codes, uniques = [], []
    for key in keys:
        c, u = pd.factorize(lines[key], sort=True, use_na_sentinel=False)
        codes.append(c.astype(np.int64))
        uniques.append(u)
    lo = int(months.min())
    sizes = [len(uniques[0]), int(months.max()) - lo + 1, *(len(u) for u in uniques[1:])]
    if float(np.prod([float(s) for s in sizes])) >= 2.0**62:  # key would not fit: plain form
        return _by_text(lines, keys, rows, months, amounts)
    # One integer per (customer, month, plan, product), ordered like the tuple.
    strides = np.cumprod([1, *sizes[::-1]])[::-1][1:]
    per_line = codes[0] * strides[0]
    for c, stride in zip(codes[1:], strides[2:], strict=True):
        per_line = per_line + c * stride
    fast = _one_line_per_key(per_line, rows)
    if fast is not None:  # no two lines share a key: each expanded row is its own group
        line = rows[fast]
        out = {keys[0]: uniques[0].take(codes[0][line]), "_month": months[fast]}
        for name, c, u in zip(keys[1:], codes[1:], uniques[1:], strict=True):
            out[name] = u.take(c[line])
        total = amounts[fast]
    else:
        key = per_line[rows]
        key += (months - lo) * strides[1]
        sums = pd.Series(amounts).groupby(key, sort=True).sum()
        k = sums.index.to_numpy()
        total = sums.to_numpy()
        out = {keys[0]: uniques[0].take(k // strides[0])}
        out["_month"] = (k // strides[1]) % sizes[1] + lo
        for name, u, stride, size in zip(keys[1:], uniques[1:], strides[2:], sizes[2:],
                                         strict=True):
            out[name] = u.take((k // stride) % size)
    out["_mrr"] = total
    return pd.DataFrame({name: (v.array if isinstance(v, pd.Index) else v)
                         for name, v in out.items()}, copy=False)  # new arrays: no copy
