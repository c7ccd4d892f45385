"""Purchase occasions: a purchase log validated and reduced to sorted NumPy arrays.

Shared by the repeat-purchase KPIs (:mod:`cskit.metrics.repeat`) and the transactional LTV
(:mod:`cskit.metrics.ltv`).
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd

from cskit._validate import (
    as_datetime,
    as_month,
    as_number,
    check_choice,
    check_frame,
    require_columns,
)
from cskit.errors import EmptyFrameError, InvalidParameterError, InvalidValueError

TABLE = "transactions"
UNITS = ("D", "M")
_EPOCH_DAY = np.datetime64("1970-01-01", "D")


@dataclass(frozen=True)
class Occasions:
    """Purchase occasions sorted by customer then time (NumPy arrays).

    ``t`` is a day number (days since 1970-01-01) for ``unit="D"`` or a month ordinal for
    ``unit="M"``; ``end`` is the last observed ``t`` (``as_of`` or the latest occasion).
    ``value`` is the amount of each occasion (summed over merged rows) or None;
    ``segment`` holds codes into ``segments`` (the ``by`` value of the occasion's first
    row) or is None.
    """

    customer: np.ndarray
    t: np.ndarray
    value: np.ndarray | None
    segment: np.ndarray | None
    segments: pd.Index | None
    customers: pd.Index
    end: int
    unit: str

    @property
    def first_row(self) -> np.ndarray:
        """True on each customer's first occasion."""
        c = self.customer
        return np.r_[True, c[1:] != c[:-1]][: len(c)]

    @property
    def starts(self) -> np.ndarray:
        """Row position of each customer's first occasion."""
        return np.flatnonzero(self.first_row)

    def labels(self, t: np.ndarray, freq: str) -> pd.PeriodIndex:
        """The period (``"M"``, ``"Q"``, ``"Y"``) of each time value ``t``."""
        if self.unit == "M":
            return pd.PeriodIndex.from_ordinals(t, freq="M").asfreq(freq)
        return pd.DatetimeIndex(_EPOCH_DAY + t.astype("timedelta64[D]")).to_period(freq)


def _resolve_unit(frame: pd.DataFrame, date: str, unit: str | None) -> str:
    if unit is None:
        return "M" if isinstance(frame[date].dtype, pd.PeriodDtype) else "D"
    check_choice("unit", unit, UNITS)
    return unit


def _as_of_ordinal(as_of: object, unit: str) -> int:
    """``as_of`` as a day number or month ordinal."""
    try:
        if unit == "M":
            return int(pd.Period(as_of, freq="M").ordinal)
        stamp = pd.Timestamp(as_of)
        if stamp.tzinfo is not None:
            stamp = stamp.tz_localize(None)
        return int((stamp.normalize() - pd.Timestamp("1970-01-01")) // pd.Timedelta(days=1))
    except (ValueError, TypeError):
        raise InvalidParameterError(
            f"as_of={as_of!r} is not a date; pass e.g. as_of='2026-10-31' "
            f"(or leave it None to use the latest date in the frame)."
        ) from None


def occasions(
    frame: pd.DataFrame,
    *,
    customer: str,
    date: str,
    amount: str | None,
    by: str | None,
    unit: str | None,
    same_day: str,
    as_of: object,
    table: str = TABLE,
) -> Occasions:
    """Validate a purchase log and reduce it to sorted purchase occasions."""
    check_frame(frame, table)
    check_choice("same_day", same_day, ("merge", "count"))
    require_columns(
        frame, {"customer_col": customer, "date_col": date, "amount_col": amount, "by": by}, table
    )
    unit = _resolve_unit(frame, date, unit)
    ids = frame[customer]
    if ids.isna().any():
        raise InvalidValueError(
            f"Column {customer!r} of the {table} frame has {int(ids.isna().sum())} missing "
            f"id(s); every purchase needs a customer. Drop or fill those rows first."
        )
    if unit == "M":
        t = np.asarray(as_month(frame, date, table).array.asi8, dtype=np.int64)
    else:
        days = as_datetime(frame, date, table).dt.normalize().to_numpy()
        t = (days.astype("datetime64[D]") - _EPOCH_DAY).astype(np.int64)
    keep = np.ones(len(t), dtype=bool)
    value = None
    if amount is not None:
        value = as_number(frame, amount, table).to_numpy()
        keep &= value > 0
    if as_of is not None:
        keep &= t <= _as_of_ordinal(as_of, unit)
    if not keep.any():
        raise EmptyFrameError(
            f"No purchases left in the {table} frame"
            + (f" with {amount!r} > 0" if amount is not None else "")
            + (f" on or before as_of={as_of!r}" if as_of is not None else "")
            + ". Check the amount column and the as_of date."
        )
    codes, uniques = pd.factorize(ids, sort=False)
    seg_codes = seg_index = None
    if by is not None:
        seg_all, seg_index = pd.factorize(frame[by], sort=True, use_na_sentinel=False)
        seg_codes = seg_all[keep]
    c, t = codes[keep].astype(np.int64), t[keep]
    if value is not None:
        value = value[keep]
    order = np.lexsort((t, c))  # stable: rows of one occasion keep the frame's order
    c, t = c[order], t[order]
    value = value[order] if value is not None else None
    seg_codes = seg_codes[order] if seg_codes is not None else None
    if same_day == "merge":
        head = np.flatnonzero(np.r_[True, (c[1:] != c[:-1]) | (t[1:] != t[:-1])])
        if value is not None:
            value = np.add.reduceat(value, head)
        c, t = c[head], t[head]
        seg_codes = seg_codes[head] if seg_codes is not None else None
    end = int(t.max()) if as_of is None else _as_of_ordinal(as_of, unit)
    return Occasions(
        customer=c,
        t=t,
        value=value,
        segment=seg_codes,
        segments=pd.Index(seg_index) if seg_index is not None else None,
        customers=pd.Index(uniques),
        end=end,
        unit=unit,
    )
