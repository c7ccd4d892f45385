"""Exercises of ``00_start_here``: one after each explainer of the training path."""

from __future__ import annotations

from typing import Any

import pandas as pd

from cskit.training._core import Exercise


def _churn_latest(company: Any, denominator: str = "start") -> float:
    """Monthly logo churn of the company's latest complete month, with ``denominator``."""
    from cskit.metrics import churn
    from cskit.report_scope import default_month

    table = churn(company.mrr, period="M", denominator=denominator)
    return float(table.loc[pd.Period(default_month(company), freq="M"), "churn"])


EXERCISES: dict[str, Exercise] = {
    "nps-1": Exercise("nps", lambda company: 10.0, 0.05),
    "nps-2": Exercise("nps", lambda company: "a", choices=("a", "b", "c")),
    "churn-1": Exercise(
        "churn", _churn_latest, 0.00015,
        traps=(("average", lambda company: _churn_latest(company, "average")),
               ("start_plus_new", lambda company: _churn_latest(company, "start_plus_new"))),
    ),
    "churn-2": Exercise("churn", lambda company: "start_plus_new",
                        choices=("start", "average", "start_plus_new")),
    "mrr-1": Exercise("mrr_movements", lambda company: 10_300.0, 0.5),
    "retention-1": Exercise("retention", lambda company: 0.8, 0.0005),
    "ltv-1": Exercise("ltv", lambda company: 2000.0, 0.5),
    "ltv-2": Exercise("ltv", lambda company: 2.0, 0.005),
    "csat-1": Exercise("survey_scales", lambda company: 0.6, 0.0005),
    "fcr-1": Exercise("fcr", lambda company: 0.65, 0.0005),
    "stickiness-1": Exercise("stickiness", lambda company: 16 / 7 / 10, 0.0006),
    "health-1": Exercise("health", lambda company: 76.0, 0.05),
}
