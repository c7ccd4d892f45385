"""Exercises of ``10_retention_cost``: CRC, the article's rule, lifetime cost, CAC payback."""

from __future__ import annotations

from typing import Any

from cskit.training._core import Exercise

#: The gross margin notebook 10 assumes for its unit economics.
MARGIN = 0.8


def _payback(company: Any, gross_margin: float | None) -> float:
    """Whole-company CAC payback (months) of the last whole year ending on or before the
    report month (a quarter when the data holds no whole year)."""
    from cskit.errors import CskitError
    from cskit.metrics import cac_payback, unit_economics
    from cskit.report_scope import default_month

    month = default_month(company)
    for freq in ("Y", "Q"):
        try:
            table = unit_economics(company.costs, mrr=company.mrr, period=freq)
        except CskitError:  # no whole period of this length in the data
            continue
        table = table[table.index.asfreq("M", how="end") <= month]
        if len(table):
            months = cac_payback(table, gross_margin=gross_margin)["payback_months"]
            return float(months.iloc[-1])
    return float("nan")


EXERCISES: dict[str, Exercise] = {
    "10-1": Exercise("crc", lambda company: 12_000 / 40, 0.005),
    "10-2": Exercise("cac_payback", lambda company: 1_200 / (150 * 0.8), 0.05,
                     traps=(("revenue", lambda company: 1_200 / 150),)),
    "10-3": Exercise("crc", lambda company: "a", choices=("a", "b", "c")),
    "10-4": Exercise("crc", lambda company: "no", choices=("yes", "no")),
    "10-5": Exercise("cac_payback", lambda company: _payback(company, MARGIN), 0.06,
                     traps=(("revenue", lambda company: _payback(company, None)),)),
}
