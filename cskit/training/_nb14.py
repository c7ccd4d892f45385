"""Exercises of ``14_product_usage``: depth and breadth, frequency vs time, who is left out."""

from __future__ import annotations

from typing import Any

from cskit.training._core import Exercise


def _silent_share(company: Any) -> float:
    """Share of the report month's paying accounts with no event at all in that month."""
    from cskit.metrics import usage
    from cskit.report_scope import default_month

    month = default_month(company)
    mrr = company.mrr[company.mrr["month"] == month]
    per_account = mrr.groupby("customer_id")["mrr"].sum()
    paying = per_account.index[per_account > 0]
    table = usage(company.events, period="M")
    active = table.index[table.index.get_level_values("period") == month]
    active = active.get_level_values("account_id")
    return float((~paying.isin(active)).sum() / len(paying))


EXERCISES: dict[str, Exercise] = {
    "14-1": Exercise("usage", lambda company: 0.5 * 1.0, 0.0005,
                     traps=(("breadth_only", lambda company: 1.0),)),
    "14-2": Exercise("usage", lambda company: 30 / 480, 0.0005,
                     traps=(("same_time", lambda company: 1.0),)),
    "14-3": Exercise("usage", _silent_share, 0.0005),
}
