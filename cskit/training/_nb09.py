"""Exercises of ``09_clv``: subscription and transactional LTV, margins, segments."""

from __future__ import annotations

from typing import Any

import pandas as pd

from cskit.training._core import Exercise


def _report_month(company: Any) -> pd.Period:
    from cskit.report_scope import default_month

    return pd.Period(default_month(company), freq="M")


def _ltv(company: Any, margin: float | None = None) -> float:
    """LTV of the report month with ``ltv``'s defaults (twelve-month window), times ``margin``."""
    from cskit.metrics import ltv

    table = ltv(company.mrr, period="M", gross_margin=margin)
    return float(table.loc[_report_month(company), "ltv"])


def _same_segment(company: Any) -> str:
    """"yes" when the segment with the highest ARPA also has the highest LTV (report month)."""
    from cskit.metrics import ltv

    accounts = company.accounts
    if accounts is None or "segment" not in accounts.columns:
        return "yes"  # one segment holds every customer
    frame = company.mrr.merge(accounts[["account_id", "segment"]].drop_duplicates("account_id"),
                              left_on="customer_id", right_on="account_id")
    table = ltv(frame, period="M", by="segment").xs(_report_month(company), level="period")
    return "yes" if table["arpa"].idxmax() == table["ltv"].idxmax() else "no"


EXERCISES: dict[str, Exercise] = {
    "09-1": Exercise(
        "ltv", lambda company: 120 / 0.04, 0.5,
        traps=(("margin", lambda company: 120 * 0.8 / 0.04),
               ("annual", lambda company: 120 * 12 / 0.04)),
    ),
    "09-2": Exercise(
        "ltv", lambda company: _ltv(company, 0.7), 0.5,
        traps=(("revenue", lambda company: _ltv(company)),
               ("divided", lambda company: _ltv(company) / 0.7)),
    ),
    "09-3": Exercise("ltv", _same_segment, choices=("yes", "no")),
    "09-4": Exercise(
        "ltv", lambda company: 25 * 4 * 2, 0.005,
        traps=(("no_lifespan", lambda company: 25 * 4),
               ("subtracted", lambda company: (25 - 4) * 2)),
    ),
}
