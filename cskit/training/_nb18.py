"""Exercises of ``18_cohort_retention``: logo vs revenue, reading one cell of the table."""

from __future__ import annotations

from typing import Any

from cskit.training._core import Exercise


def _three_months(company: Any, kind: str) -> float:
    """Retention at age 3 of the monthly cohort that started three months before the
    report month, data up to the report month."""
    from cskit.metrics import cohort_retention
    from cskit.report_scope import default_month

    month = default_month(company)
    upto = company.mrr[company.mrr["month"] <= month]
    return float(cohort_retention(upto, kind=kind).loc[month - 3, 3])


EXERCISES: dict[str, Exercise] = {
    "18-1": Exercise("cohort_retention", lambda company: 5 / 20, 0.0005,
                     traps=(("logo", lambda company: 1 / 2),)),
    "18-2": Exercise("cohort_retention", lambda company: _three_months(company, "logo"), 0.0005,
                     traps=(("revenue", lambda company: _three_months(company, "revenue")),)),
    "18-3": Exercise("cohort_retention", lambda company: "a", choices=("a", "b", "c")),
}
