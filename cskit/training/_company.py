"""Periods of a company that the notebooks' data exercises ask about (shared by ``_nbNN``)."""

from __future__ import annotations

import math
from typing import Any

import pandas as pd


def latest_month(company: Any) -> pd.Period:
    """The company's latest complete month: the month a notebook looks at by default."""
    from cskit.report_scope import default_month

    return pd.Period(default_month(company), freq="M")


def last_complete_quarter(company: Any) -> pd.Period:
    """The latest quarter whose three months are all complete in the data.

    >>> import cskit
    >>> str(last_complete_quarter(cskit.datasets.load_sample()))  # data end in 2026-10
    '2026Q3'
    """
    month = latest_month(company)
    quarter = month.asfreq("Q")
    return quarter if quarter.asfreq("M", "end") == month else quarter - 1


def in_months(frame: pd.DataFrame, column: str, first: pd.Period, last: pd.Period) -> pd.DataFrame:
    """The rows of ``frame`` whose ``column`` instant falls in months ``first`` … ``last``."""
    months = frame[column].dt.to_period("M")
    return frame[(months >= first) & (months <= last)]


def distinct(trap: float, answer: float, tolerance: float) -> float:
    """``trap``, or NaN when this data puts it within two tolerances of the answer: there the
    other convention gives the same number, and an answer near it is simply right."""
    return math.nan if abs(trap - answer) <= 2 * tolerance else trap
