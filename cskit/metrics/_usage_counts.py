"""The counts behind :func:`cskit.metrics.usage`, block by block on every core.

``usage`` needs, per (period, unit) group, three counts of *distinct* things:
active days, active users and key features used. Each is a set of integer pairs
(unit × day, period × user, group × feature) marked in a bitmap and then counted.
Here every block of rows marks its pairs in the shared bitmaps on its own worker
thread (NumPy releases the GIL in the gathers and scatters; two threads writing
``True`` to the same byte write the same value), so the passes over the rows run
on every core and keep their temporaries to one block. The day, period and group
of each row are computed the same way, straight from the timestamps.

A bitmap lists its pairs in sorted order, as the sorted distinct keys did
before, so the counts are exactly the ones of the whole-array version.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import numpy as np

from cskit.metrics._blocks import STEP, all_blocks, run_blocks
from cskit.metrics._events import _BITMAP_LIMIT


@dataclass
class RowCodes:
    """Each row's day (from the first day), period code and (period, unit) group, and the
    number of rows in each group (None when not counted on the way)."""

    day: np.ndarray
    pcode: np.ndarray
    group: np.ndarray
    events: np.ndarray | None = None


def row_codes(stamps: np.ndarray, d0: int, per_day: np.ndarray, unit_codes: np.ndarray,
              n_units: int, n_groups: int) -> RowCodes:
    """Day, period and group of every row, computed block by block on the workers.

    ``stamps`` are the rows' datetime64 values, ``d0`` the first day (days since
    1970), ``per_day`` the period code of each day from ``d0``. When the groups are
    no more than a step's rows, each step also counts its rows per group (the
    counts are integers: their sum is exact in any order).
    """
    n = len(stamps)
    wide = np.int32 if n_groups < 2**31 else np.int64
    out = RowCodes(day=np.empty(n, dtype=np.int32), pcode=np.empty(n, dtype=wide),
                   group=np.empty(n, dtype=wide))

    def block(lo: int, hi: int) -> None:
        day = stamps[lo:hi].astype("datetime64[D]").view("int64")  # floors, as days do
        day -= d0
        out.day[lo:hi] = day
        np.take(per_day, day, out=out.pcode[lo:hi])
        group = out.group[lo:hi]
        np.multiply(out.pcode[lo:hi], n_units, out=group)
        group += unit_codes[lo:hi]
        return np.bincount(group, minlength=n_groups) if count else None

    count = n_groups <= STEP
    parts = run_blocks(block, n, STEP)
    if count:
        out.events = parts[0]
        for part in parts[1:]:
            out.events += part
    return out



def fits(n_rows: int, n_units: int, n_days: int, n_groups: int, n_features: int) -> bool:
    """Whether the day and feature bitmaps stay within the size the whole-array version allows."""
    return n_units * n_days <= _BITMAP_LIMIT and n_groups * max(n_features, 1) <= _BITMAP_LIMIT


def counts(
    codes: RowCodes,
    *,
    mask: np.ndarray | None,
    unit_codes: np.ndarray,
    n_units: int,
    n_days: int,
    day_period: np.ndarray,
    n_groups: int,
    user_codes: np.ndarray | None,
    n_users: int,
    features: Callable[[int, int], np.ndarray] | None,
    n_features: int,
    monotone: bool = False,
) -> dict[str, np.ndarray | None]:
    """Active days, active users (when ``user_codes`` is given) and key features used per group.

    ``mask`` picks the active rows (None: all) for days and users; features count
    on every row, as in ``usage``. ``features(lo, hi)`` gives the rows' feature
    positions (−1 for other events). ``active_users`` is None when some user
    appears under two units, or the (period, user) bitmap would be too large:
    the caller then counts (period, unit, user) triples instead. ``monotone``:
    ``day_period`` never decreases (each period a run of days), so a unit's active
    days are added up per run instead of listing every (unit, day) pair.
    """
    n = len(codes.day)
    n_periods = n_groups // n_units
    seen_days = np.zeros(n_units * n_days, dtype=bool)
    home = seen_users = None
    if user_codes is not None:
        home = np.zeros(n_users, dtype=unit_codes.dtype)
        if n_periods * n_users <= max(16 * n, 1 << 24):
            seen_users = np.zeros(n_periods * n_users, dtype=bool)
    seen_features = np.zeros(n_groups * n_features, dtype=bool) if features else None

    def active(values: np.ndarray, lo: int, hi: int) -> np.ndarray:
        part = values[lo:hi]
        return part if mask is None else part[mask[lo:hi]]

    def block(lo: int, hi: int) -> None:
        unit = active(unit_codes, lo, hi).astype(np.int64)
        key = unit * n_days
        key += active(codes.day, lo, hi)
        seen_days[key] = True
        if home is not None:
            user = active(user_codes, lo, hi).astype(np.intp)  # intp: a scatter free of the GIL
            home[user] = unit  # one unit per user is checked once every block is done
            if seen_users is not None:
                key = active(codes.pcode, lo, hi).astype(np.int64)
                key *= n_users
                key += user
                seen_users[key] = True
        if seen_features is not None:
            feature = features(lo, hi)
            is_key = np.flatnonzero(feature >= 0)
            key = codes.group[lo:hi][is_key].astype(np.int64)
            key *= n_features
            key += feature[is_key]
            seen_features[key] = True

    run_blocks(block, n, STEP)
    out: dict[str, np.ndarray | None] = {}
    if monotone:  # periods are runs of days: add up each unit's days period by period
        period_start = np.flatnonzero(np.r_[True, day_period[1:] != day_period[:-1]])
        days = seen_days.reshape(n_units, n_days).view(np.uint8)
        longest = int(np.diff(np.r_[period_start, n_days]).max())
        # 2-byte sums when a period fits them (an 8-byte reduceat was measured to cost
        # ~70 ms on its first call in a process; the 2-byte one does not)
        total = np.uint16 if longest < 2**16 else np.int64
        per_unit = np.add.reduceat(days, period_start, axis=1, dtype=total)  # units × periods
        active_days = np.zeros(n_groups, dtype=np.int64)
        active_days.reshape(n_periods, n_units)[day_period[period_start]] = per_unit.T
        out["active_days"] = active_days
    else:
        pair_unit, pair_day = np.divmod(np.flatnonzero(seen_days), n_days)
        out["active_days"] = np.bincount(
            day_period[pair_day].astype(np.int64) * n_units + pair_unit, minlength=n_groups)
    out["active_users"] = None
    if home is not None and seen_users is not None and all_blocks(
        lambda lo, hi: bool((home[active(user_codes, lo, hi)]
                             == active(unit_codes, lo, hi)).all()), n
    ):
        period, user = np.divmod(np.flatnonzero(seen_users), n_users)
        out["active_users"] = np.bincount(period * n_units + home[user], minlength=n_groups)
    out["features_used"] = None
    if seen_features is not None:
        out["features_used"] = np.bincount(np.flatnonzero(seen_features) // n_features,
                                           minlength=n_groups)
    return out
