"""The one month parser: what a user may write for "a month", everywhere cskit asks for one.

Accepted: a ``"YYYY-MM"`` string (surrounding spaces ignored), a pandas ``Period``
(any frequency: the month it ends in) or a ``Timestamp`` / ``datetime.date``.
Refused: every other spelling — ``"Oct 2026"``, ``"2026/10"``, ``"2026-1"`` — and
anything without a year (pandas would read ``"October"`` as October of *this*
year, and a number must not depend on today's date), and impossible months
(``"2026-13"``). One spelling everywhere: the CLI, the report, the plots and the
explainers say the same thing about the same input.
"""

from __future__ import annotations

import datetime as _dt
import re

import pandas as pd

from cskit.errors import InvalidParameterError

__all__ = ["parse_month", "pick_month"]

_MONTH = re.compile(r"(\d{4})-(\d{2})")


def parse_month(value: object, *, name: str = "month") -> pd.Period:
    """``value`` as a monthly Period, or a :class:`~cskit.errors.InvalidParameterError`.

    Parameters
    ----------
    value : str, pandas.Period, pandas.Timestamp or datetime.date
        The month. See the module docstring for the accepted spellings.
    name : str, default "month"
        The parameter's name, used in the error message.

    Examples
    --------
    >>> parse_month("2026-09")
    Period('2026-09', 'M')
    >>> parse_month(pd.Period("2026Q4", freq="Q"))
    Period('2026-12', 'M')
    >>> parse_month("2026-13")
    Traceback (most recent call last):
    ...
    cskit.errors.InvalidParameterError: month='2026-13' is not a month: use YYYY-MM with a month 01-12, e.g. '2026-10'.
    """
    if isinstance(value, pd.Period):
        return value.asfreq("M", how="end")
    if isinstance(value, pd.Timestamp | _dt.date) and not pd.isna(value):
        return pd.Timestamp(value).to_period("M")
    text = value.strip() if isinstance(value, str) else ""
    found = _MONTH.fullmatch(text)
    year, number = (int(found.group(1)), int(found.group(2))) if found else (0, 0)
    if not 1 <= number <= 12:
        raise InvalidParameterError(
            f"{name}={value!r} is not a month: use YYYY-MM with a month 01-12, e.g. '2026-10'."
        )
    return pd.Period(year=year, month=number, freq="M")


def pick_month(
    value: object, available: pd.PeriodIndex | pd.Series | pd.Index, *, name: str = "month"
) -> pd.Period:
    """The month ``value`` if the data has it, the latest month of ``available`` if None.

    Examples
    --------
    >>> months = pd.period_range("2026-01", "2026-03", freq="M")
    >>> pick_month(None, months), pick_month("2026-02", months)
    (Period('2026-03', 'M'), Period('2026-02', 'M'))
    """
    months = pd.PeriodIndex(pd.Series(available).dropna().unique(), freq="M").sort_values()
    if len(months) == 0:
        raise InvalidParameterError("The data holds no month; pass data with rows in it.")
    if value is None:
        return months[-1]
    month = parse_month(value, name=name)
    if month not in months:
        raise InvalidParameterError(
            f"{name}={str(month)!r} is not in the data (it spans {months[0]} to {months[-1]}); "
            f"pick a month inside that range."
        )
    return month
