"""One month parser (cskit/_months.py) behind the CLI, the report, the plots and the explainers."""

from __future__ import annotations

import datetime as dt

import pandas as pd
import pytest

from cskit import _months, report
from cskit.errors import InvalidParameterError
from cskit.explain.logic._common import month_of
from cskit.plotting._axes import _pick_month

MONTHS = pd.period_range("2026-01", "2026-10", freq="M")


def test_the_report_uses_the_one_parser():
    assert report.parse_month is _months.parse_month


@pytest.mark.parametrize(
    ("value", "expected"),
    [(" 2026-09 ", "2026-09"), (pd.Period("2026-09-14", freq="D"), "2026-09"),
     (pd.Period("2026Q3", freq="Q"), "2026-09"), (pd.Timestamp("2026-09-30 23:00"), "2026-09"),
     (dt.date(2026, 2, 1), "2026-02")],
)
def test_accepted_spellings(value, expected):
    assert _months.parse_month(value) == pd.Period(expected, freq="M")


@pytest.mark.parametrize("value", ["Oct 2026", "October", "2026/10", "2026-1", "2026-13", "", None,
                                   202610])
def test_every_caller_refuses_the_same_spellings(value):
    # The report, the explainers and the plots answer the same input the same way.
    for parse in (_months.parse_month, lambda v: month_of(v, MONTHS),
                  lambda v: _pick_month(MONTHS, v)):
        if value is None and parse is not _months.parse_month:
            continue  # None means "the latest month" where a month is optional
        with pytest.raises(InvalidParameterError, match="YYYY-MM"):
            parse(value)


def test_a_month_outside_the_data_names_the_span():
    with pytest.raises(InvalidParameterError, match="2026-01 to 2026-10"):
        month_of("2025-12", MONTHS)
    assert month_of(None, MONTHS) == pd.Period("2026-10", freq="M")
