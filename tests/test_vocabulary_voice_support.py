"""The vocabulary rules (README "Vocabulary") on the survey, support, conversion, cost, LTV and
repeat KPIs: keyword names, and what a call with defaults returns."""

from __future__ import annotations

import inspect

import pandas as pd
import pytest

import cskit

FUNCTIONS = ["nps", "csat", "ces", "compare", "ticket_volume", "response_time",
             "resolution_time", "fcr", "conversion", "trial_conversion", "retention_cost", "cac",
             "unit_economics", "ltv", "repeat_rate", "returning_customer_rate"]
# Keywords that name a column of the frame under the old vocabulary.
OLD = {"score", "date", "survey", "level", "method", "on_missing", "nps_method", "active",
       "created", "responded", "resolved", "replies", "reopened", "channel", "category",
       "ticket", "customer", "month", "amount", "entity", "event", "timestamp", "account",
       "trial_start", "converted", "trial_end", "transferred", "dropped", "mrr_column",
       "exclude_categories"}


@pytest.mark.parametrize("name", FUNCTIONS)
def test_no_old_keyword_is_left(name):
    params = set(inspect.signature(getattr(cskit.metrics, name)).parameters)
    assert not params & OLD, f"{name} still takes {sorted(params & OLD)}"


def test_mrr_is_a_frame_never_a_column():
    # ticket_volume and the cost KPIs take the mrr frame as mrr= and its column as mrr_col=.
    for name in ("ticket_volume", "retention_cost", "cac", "unit_economics"):
        params = inspect.signature(getattr(cskit.metrics, name)).parameters
        assert params["mrr"].default is None and params["mrr_col"].default == "mrr"


def _monthly(result: object) -> bool:
    return (isinstance(result, pd.DataFrame) and isinstance(result.index, pd.PeriodIndex)
            and result.index.freqstr == "M")


@pytest.mark.parametrize(
    ("table", "name", "kwargs"),
    [
        ("surveys", "nps", {}),
        ("surveys", "csat", {}),
        ("surveys", "ces", {}),
        ("tickets", "fcr", {}),
        ("tickets", "response_time", {}),
        ("tickets", "resolution_time", {}),
        ("mrr", "ltv", {}),
        ("mrr", "repeat_rate", {"date_col": "month", "amount_col": "mrr", "window": 3}),
    ],
)
def test_defaults_give_one_row_per_month_and_none_one_number(company, table, name, kwargs):
    frame = getattr(company, table)
    monthly = getattr(frame.cs, name)(**kwargs)
    assert _monthly(monthly)
    whole = getattr(frame.cs, name)(period=None, **kwargs)
    assert isinstance(whole, float)
    # the headline column is named after the function
    assert name in monthly.columns


def test_cost_kpis_default_to_months(company):
    table = company.costs.cs.retention_cost(mrr=company.mrr)
    assert _monthly(table) and "retention_cost" in table.columns
    yearly = company.costs.cs.retention_cost(mrr=company.mrr, period="Y")
    # the same spend over whole years as the twelve months of each year
    year = yearly.index[-1]
    months = table[table.index.asfreq("Y") == year]
    assert len(months) == 12
    assert yearly.loc[year, "spend"] == pytest.approx(months["spend"].sum())
