"""Which months a report can be made for, and the rows of a result up to one."""

from __future__ import annotations

from typing import Any

import numpy as np
import pandas as pd

from cskit._months import parse_month
from cskit.errors import EmptyFrameError, InvalidParameterError, MissingColumnError


def mrr_months(company: Any) -> pd.PeriodIndex:
    frame = getattr(company, "mrr", None)
    if not isinstance(frame, pd.DataFrame):
        raise InvalidParameterError(
            "The company has no 'mrr' table; pass cskit.datasets.load_sample(data_dir) or an "
            "object with mrr and surveys frames."
        )
    if "month" not in frame.columns:
        raise MissingColumnError(
            "The mrr frame has no 'month' column; it needs customer_id, month, mrr."
        )
    months = frame["month"]
    if not isinstance(months.dtype, pd.PeriodDtype):
        from cskit._validate import as_month

        months = as_month(frame, "month", "mrr")
    if months.dropna().empty:
        raise EmptyFrameError("The mrr frame has no rows; a report needs at least three months.")
    return pd.PeriodIndex(months.dropna().unique(), freq="M").sort_values()


def reportable_months(company: Any) -> tuple[pd.Period, pd.Period]:
    """First and last month a report can be made for (see the module docstring).

    Examples
    --------
    >>> import cskit
    >>> first, last = reportable_months(cskit.datasets.load_sample())
    >>> str(first), str(last)
    ('2024-01', '2026-10')
    """
    months = mrr_months(company)
    first, last = months[0] + 2, months[-1]
    if first > last:
        raise EmptyFrameError(
            f"The mrr data covers {months[0]} to {months[-1]}; a report compares a month with "
            f"the month before and needs at least three months of data."
        )
    return first, last


def check_month(company: Any, month: object) -> pd.Period:
    """The month as a Period, or a clear error if it is malformed or cannot be reported.

    Parameters
    ----------
    company : SampleCompany or similar
        Anything with an ``mrr`` frame (``customer_id, month, mrr``).
    month : str or Period
        ``"YYYY-MM"``.

    Returns
    -------
    pandas.Period

    Raises
    ------
    cskit.errors.InvalidParameterError
        A malformed month, or one outside :func:`reportable_months`.

    Examples
    --------
    >>> import cskit
    >>> company = cskit.datasets.load_sample()
    >>> check_month(company, "2026-09")
    Period('2026-09', 'M')
    >>> check_month(company, "2026-11")
    Traceback (most recent call last):
    ...
    cskit.errors.InvalidParameterError: month='2026-11' is outside the data: reports can be made for 2024-01 to 2026-10 (a month needs the two months before it).
    """
    wanted = parse_month(month)
    first, last = reportable_months(company)
    if not first <= wanted <= last:
        raise InvalidParameterError(
            f"month={str(month) if isinstance(month, pd.Period) else month!r} is outside the "
            f"data: reports can be made for {first} to {last} (a month needs the two months "
            f"before it)."
        )
    return wanted


def last_months(result: pd.DataFrame | pd.Series, month: object, months: int = 24):
    """Rows of a period-indexed result from ``months`` months before ``month`` up to it.

    A report for a past month must not show what came after it.

    Examples
    --------
    >>> s = pd.Series(range(5), index=pd.period_range("2026-01", periods=5, freq="M"))
    >>> last_months(s, "2026-04", months=2).tolist()
    [2, 3]
    """
    end = parse_month(month)
    periods = result.index.get_level_values(0) if isinstance(result.index, pd.MultiIndex) \
        else result.index
    if not isinstance(periods, pd.PeriodIndex):
        raise InvalidParameterError("last_months needs a result indexed by period.")
    start = end - (months - 1)
    keep = (periods >= start) & (periods <= end)
    return result[np.asarray(keep)]
