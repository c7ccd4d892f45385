"""Exercises of ``04_net_dollar_retention``: who is in NRR, GRR vs NRR, reading the gap."""

from __future__ import annotations

from typing import Any

from cskit.training._core import Exercise


def _retention(company: Any) -> Any:
    """The report month's row of the headline NRR: 12 months (returns excluded), or
    monthly when the data holds fewer than 13 months."""
    from cskit.metrics import nrr
    from cskit.report_scope import default_month

    month = default_month(company)
    months = company.mrr["month"]
    window = 12 if (month - months.min()).n >= 12 else 1
    return nrr(company.mrr, window=window).loc[month]


def _expansion_share(company: Any) -> float:
    row = _retention(company)
    return float(row["expansion"] / row["start"])


def _grr(company: Any) -> float:
    row = _retention(company)
    return float((row["start"] - row["contraction"] - row["churn"]) / row["start"])


EXERCISES: dict[str, Exercise] = {
    "04-1": Exercise("nrr", lambda company: (200 - 50 - 40) / 200, 0.0005,
                     traps=(("with_new", lambda company: (200 - 50 - 40 + 1000) / 200),)),
    "04-2": Exercise("grr", lambda company: (200 - 50 - 40) / 200, 0.0005,
                     traps=(("nrr", lambda company: (200 + 50 - 50 - 40) / 200),)),
    "04-3": Exercise("nrr", lambda company: "a", choices=("a", "b", "c")),
    "04-4": Exercise(
        "nrr", _expansion_share, 0.0005,
        traps=(("nrr", lambda company: float(_retention(company)["nrr"])),
               ("grr", _grr)),
    ),
}
