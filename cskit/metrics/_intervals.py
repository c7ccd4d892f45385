"""Billing intervals of subscription lines, shared by :mod:`cskit.metrics.mrr` and the line-based
churn and movements (:mod:`cskit.metrics._lines`): the months an interval covers, and the warning
about placeholder end dates.
"""

from __future__ import annotations

import warnings

import numpy as np
import pandas as pd

from cskit._validate import offending
from cskit.errors import CskitWarning, InvalidValueError, caller_stacklevel

SUBSCRIPTIONS = "subscriptions"
INTERVAL_WORDS = {
    "month": 1, "monthly": 1, "mo": 1, "m": 1,
    "quarter": 3, "quarterly": 3, "q": 3,
    "half_year": 6, "semiannual": 6,
    "year": 12, "yearly": 12, "annual": 12, "annually": 12, "y": 12,
}
NON_RECURRING = {"one_off", "one-off", "once", "onetime", "one_time", "metered", "usage"}



def interval_months(values: pd.Series, column: str) -> np.ndarray:
    """Months per billing interval; 0 for one-off and metered charges."""
    if pd.api.types.is_numeric_dtype(values.dtype) and not pd.api.types.is_bool_dtype(values.dtype):
        numeric = values.astype("float64")
    elif isinstance(values.dtype, (pd.StringDtype, pd.CategoricalDtype)):
        # A handful of distinct intervals: parse each once, then look the rows up.
        codes, distinct = pd.factorize(values, use_na_sentinel=False)
        text = pd.Series(distinct).astype("str").str.strip().str.lower()
        parsed = pd.to_numeric(text, errors="coerce")
        parsed = parsed.fillna(text.map(INTERVAL_WORDS))
        parsed = parsed.mask(text.isin(NON_RECURRING), 0.0)
        numeric = pd.Series(parsed.to_numpy(dtype="float64")[codes], index=values.index)
    else:  # object columns may mix types that hash alike (1, 1.0, True): parse every row
        text = values.astype("str").str.strip().str.lower()
        numeric = pd.to_numeric(text, errors="coerce")
        numeric = numeric.fillna(text.map(INTERVAL_WORDS))
        numeric = numeric.mask(text.isin(NON_RECURRING), 0.0)
    bad = numeric.isna() | (numeric < 0) | (numeric != np.round(numeric))
    if bad.any():
        raise InvalidValueError(
            f"Column {column!r} of the {SUBSCRIPTIONS} frame has billing intervals cskit does not "
            f"know: {offending(values, bad)}. Use 'month', 'year', a whole number of months, "
            f"or 'one_off' / 'metered' for charges that are not recurring."
        )
    return numeric.to_numpy(dtype=np.int64)


def warn_placeholders(subscriptions: pd.DataFrame, starts: pd.Series, ends: pd.Series,
                       first: np.ndarray, end_month: np.ndarray, end_known: np.ndarray,
                       cutoff: int, start: str, end: str,
                       param: str = "until='YYYY-MM'") -> None:
    """Name the dates far after the data's last month (placeholders such as 9999-12-31)."""
    last = pd.PeriodIndex.from_ordinals([cutoff], freq="M")[0]
    parts = []
    late_start = first > cutoff
    if late_start.any():
        parts.append(f"{start!r}: {offending(starts, late_start)} ({int(late_start.sum())} "
                     f"line(s), left out: they start after the data ends)")
    late_end = end_known & (end_month > cutoff)
    if late_end.any():
        parts.append(f"{end!r}: {offending(ends, late_end)} ({int(late_end.sum())} line(s), "
                     f"counted until {last} like open lines)")
    warnings.warn(
        f"The {SUBSCRIPTIONS} frame has dates years after the rest of its data, which ends "
        f"in {last}: {'; '.join(parts)}. They look like placeholders; open lines end at "
        f"{last}. Fix those dates, leave an open line's {end!r} empty, or pass "
        f"{param} to choose the last month.",
        CskitWarning,
        stacklevel=caller_stacklevel(),
    )
