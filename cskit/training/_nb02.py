"""Exercises of ``02_churn_rate``: the denominators, join-and-churn, compounding."""

from __future__ import annotations

from typing import Any

from cskit.training._core import Exercise


def _last_quarter_churn(company: Any, denominator: str, join_and_churn: str) -> float:
    """Churn of the last whole quarter ending on or before the report month."""
    from cskit.metrics import churn
    from cskit.report_scope import default_month

    month = default_month(company)
    table = churn(company.mrr, period="Q", denominator=denominator,
                  join_and_churn=join_and_churn)
    whole = table[table.index.asfreq("M", how="end") <= month]
    return float(whole["churn"].iloc[-1])


EXERCISES: dict[str, Exercise] = {
    "02-1": Exercise(
        "churn", lambda company: 2 / 4, 0.0005,
        traps=(("average", lambda company: 2 / 3.5),
               ("start_plus_new", lambda company: 2 / 5)),
    ),
    "02-2": Exercise(
        "churn", lambda company: _last_quarter_churn(company, "start_plus_new", "count"), 0.0001,
        traps=(("start_count", lambda company: _last_quarter_churn(company, "start", "count")),),
    ),
    "02-3": Exercise("churn", lambda company: "start",
                     choices=("start", "average", "start_plus_new")),
    "02-4": Exercise("churn", lambda company: 1 - 0.98**12, 0.0005,
                     traps=(("times12", lambda company: 0.24),)),
}

__all__ = ["EXERCISES"]
