"""Exercises of ``05_nps``: NPS by hand, its standard error, a whole quarter, a verdict."""

from __future__ import annotations

import math
from typing import Any

from cskit.training._company import distinct, in_months, last_complete_quarter
from cskit.training._core import Exercise

#: The quarter's NPS is asked to two decimals: pooled and month-averaged NPS can be a few
#: hundredths apart.
QUARTER_TOLERANCE = 0.005


def quarter_nps(company: Any) -> float:
    """NPS of all answers of the last complete quarter, pooled."""
    from cskit.metrics import nps

    quarter = last_complete_quarter(company)
    answers = in_months(company.surveys, "submitted_at", quarter.asfreq("M", "start"),
                        quarter.asfreq("M", "end"))
    return float(nps(answers, period=None))


def _mean_of_months(company: Any) -> float:
    from cskit.metrics import nps

    quarter = last_complete_quarter(company)
    answers = in_months(company.surveys, "submitted_at", quarter.asfreq("M", "start"),
                        quarter.asfreq("M", "end"))
    trap = float(nps(answers, period="M")["nps"].mean())
    return distinct(trap, quarter_nps(company), QUARTER_TOLERANCE)


def _partial_quarter(company: Any) -> float:
    """NPS of the quarter after the last complete one, when the data has some of it."""
    from cskit.metrics import nps
    from cskit.training._company import latest_month

    quarter = last_complete_quarter(company) + 1
    last = latest_month(company)
    answers = in_months(company.surveys, "submitted_at", quarter.asfreq("M", "start"), last)
    if quarter.asfreq("M", "start") > last or not (answers["survey"] == "nps").any():
        return math.nan
    return distinct(float(nps(answers, period=None)), quarter_nps(company), QUARTER_TOLERANCE)


EXERCISES: dict[str, Exercise] = {
    # 45 promoters, 40 passives, 15 detractors of 100: 45 % − 15 % = 30 points.
    "05-1": Exercise("nps", lambda company: 30.0, 0.05,
                     traps=(("no_passives", lambda company: 100 * (45 - 15) / 60),)),
    # var = 0.45 + 0.15 − 0.30² = 0.51; SE = √(0.51 / 100) × 100 = 7.14 points.
    "05-2": Exercise("nps", lambda company: 100 * math.sqrt((0.45 + 0.15 - 0.30**2) / 100), 0.05,
                     traps=(("no_square", lambda company: 100 * math.sqrt(0.60 / 100)),)),
    "05-3": Exercise("nps", quarter_nps, QUARTER_TOLERANCE,
                     traps=(("mean_of_months", _mean_of_months),
                            ("partial_quarter", _partial_quarter))),
    # +4 points with a 95 % interval of the change from −6 to +14: inside the noise.
    "05-4": Exercise("nps", lambda company: "b", choices=("a", "b", "c")),
}
