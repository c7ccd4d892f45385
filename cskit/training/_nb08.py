"""Exercises of ``08_customer_health_score``: the score by hand, and reading a backtest."""

from __future__ import annotations

from typing import Any

import pandas as pd

from cskit.training._core import Exercise


def judged_months(mrr: pd.DataFrame, horizon: int = 3) -> list[pd.Period]:
    """The notebook's judged months: scored after the cut of the months whose outcome is known.

    The cut is the month by which half of the account-months whose ``horizon``-month
    churn outcome is known are scored; the explore months end ``horizon`` months before
    it (their outcome is known by then), the judged months start after it.
    """
    import numpy as np

    from cskit.health import churn_labels

    per_month = churn_labels(mrr, horizon=horizon)["month"].value_counts().sort_index()
    known = list(per_month.index)
    cut = known[int(np.argmax(per_month.cumsum().to_numpy() >= per_month.sum() / 2))]
    return [m for m in known if m > cut]


def _red_over_green(company: Any) -> float:
    """Churn rate of red ÷ green account-months on the judged months, default score."""
    from cskit.health import backtest
    from cskit.report import health_scores
    from cskit.report_scope import default_month

    scores = health_scores(company, default_month(company))
    later = scores[scores["month"].isin(judged_months(company.mrr))]
    rates = backtest(later, company.mrr, horizon=3).by_band["churn_rate"]
    return float(rates["red"] / rates["green"])


EXERCISES: dict[str, Exercise] = {
    "08-1": Exercise(
        "health", lambda company: (3 * 100 + 60 + 2 * 0) / 6, 0.05,
        traps=(("poor_40", lambda company: (3 * 100 + 60 + 2 * 40) / 6),),
    ),
    "08-2": Exercise("health", lambda company: "b", choices=("a", "b", "c")),
    "08-3": Exercise(
        "health", _red_over_green, 0.05,
        traps=(("inverted", lambda company: 1 / _red_over_green(company)),),
    ),
    "08-4": Exercise("health", lambda company: "b", choices=("a", "b", "c")),
}
