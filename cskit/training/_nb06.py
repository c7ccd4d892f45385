"""Exercises of ``06_csat``: another scale's band, Wilson at zero, a whole quarter, small n."""

from __future__ import annotations

import math
from statistics import NormalDist
from typing import Any

from cskit.training._company import (
    distinct,
    in_months,
    last_complete_quarter,
    latest_month,
)
from cskit.training._core import Exercise

TOLERANCE = 0.0005
_Z = NormalDist().inv_cdf(0.975)


def _quarter_answers(company: Any, quarter: Any, last: Any = None) -> Any:
    end = quarter.asfreq("M", "end") if last is None else last
    return in_months(company.surveys, "submitted_at", quarter.asfreq("M", "start"), end)


def quarter_csat(company: Any) -> float:
    """Top-2-box CSAT of all answers of the last complete quarter, pooled."""
    from cskit.metrics import csat

    return float(csat(_quarter_answers(company, last_complete_quarter(company)), period=None))


def _mean_of_months(company: Any) -> float:
    from cskit.metrics import csat

    answers = _quarter_answers(company, last_complete_quarter(company))
    trap = float(csat(answers, period="M")["csat"].mean())
    return distinct(trap, quarter_csat(company), TOLERANCE)


def _partial_quarter(company: Any) -> float:
    from cskit.metrics import csat

    quarter, last = last_complete_quarter(company) + 1, latest_month(company)
    answers = _quarter_answers(company, quarter, last)
    if quarter.asfreq("M", "start") > last or not (answers["survey"] == "csat").any():
        return math.nan
    return distinct(float(csat(answers, period=None)), quarter_csat(company), TOLERANCE)


EXERCISES: dict[str, Exercise] = {
    # 1–7 scale, band 6–7: 7, 7, 6, 6, 6, 6, 6 are satisfied -> 7 of 10.
    "06-1": Exercise("csat", lambda company: 0.7, TOLERANCE,
                     traps=(("four_up", lambda company: 0.8),)),
    # Wilson upper end at 0 of n: z² / (n + z²) = 3.84 / 8.84 = 0.434; Wald gives 0.
    "06-2": Exercise("csat", lambda company: _Z**2 / (5 + _Z**2), TOLERANCE,
                     traps=(("wald", lambda company: 0.0),)),
    "06-3": Exercise("csat", quarter_csat, TOLERANCE,
                     traps=(("mean_of_months", _mean_of_months),
                            ("partial_quarter", _partial_quarter))),
    # 6 of 6 satisfied: Wilson 61 %–100 % contains 85 %: the two teams cannot be told apart.
    "06-4": Exercise("csat", lambda company: "c", choices=("a", "b", "c")),
}
