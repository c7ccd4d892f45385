"""Exercises of ``17_quick_ratio``: gained ÷ lost, growth targets, the data's ratio."""

from __future__ import annotations

from typing import Any

from cskit.training._core import Exercise


def _last_whole(company: Any) -> float:
    """Quick ratio without reactivation of the last whole year ending on or before the
    report month (a quarter when the data holds no whole year)."""
    from cskit.metrics import quick_ratio
    from cskit.report_scope import default_month

    month = default_month(company)
    for freq in ("Y", "Q"):
        table = quick_ratio(company.mrr, period=freq, include_reactivation=False)
        table = table[table.index.asfreq("M", how="end") <= month]
        table = table[table.index.asfreq("M", how="start") > company.mrr["month"].min()]
        if len(table):
            return float(table["quick_ratio"].iloc[-1])
    return float("nan")


EXERCISES: dict[str, Exercise] = {
    "17-1": Exercise("quick_ratio", lambda company: (40 + 10) / (5 + 15), 0.005,
                     traps=(("net_over_lost", lambda company: (40 + 10 - 5 - 15) / (5 + 15)),)),
    "17-2": Exercise("quick_ratio", lambda company: 30_000 / 20_000, 0.005,
                     traps=(("company_a", lambda company: 12_000 / 2_000),)),
    "17-3": Exercise("quick_ratio", lambda company: (6 + 2) / 2, 0.005,
                     traps=(("net_over_lost", lambda company: 6 / 2),)),
    "17-4": Exercise("quick_ratio", _last_whole, 0.005),
}
