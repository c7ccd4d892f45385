"""Exercises of ``03_arpu``: the average in the denominator, ARPA vs ARPU."""

from __future__ import annotations

from typing import Any

from cskit.training._core import Exercise


def _top_segment(company: Any, what: str) -> float:
    """ARPA or ARPU, in the report month, of the segment with the highest ARPA."""
    from cskit.metrics import arpa, arpu
    from cskit.report_scope import default_month

    month = default_month(company)
    segments = company.accounts.set_index("account_id")["segment"]
    mrr = company.mrr[company.mrr["month"] == month]
    mrr = mrr.assign(segment=mrr["customer_id"].map(segments))
    by_arpa = arpa(mrr, by="segment", period=None)["arpa"]
    top = by_arpa.idxmax()
    if what == "arpa":
        return float(by_arpa.loc[top])
    return float(arpu(mrr, company.accounts, by="segment", period=None).loc[top, "arpu"])


EXERCISES: dict[str, Exercise] = {
    "03-1": Exercise("arpa", lambda company: 2_800 / ((7 + 8) / 2), 0.01,
                     traps=(("actives", lambda company: 2_800 / 8),)),
    "03-2": Exercise("arpu", lambda company: _top_segment(company, "arpu"), 0.01,
                     traps=(("arpa", lambda company: _top_segment(company, "arpa")),)),
    "03-3": Exercise("arpa", lambda company: "start_end", choices=("actives", "start_end")),
}
