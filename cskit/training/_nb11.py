"""Exercises of ``11_qualitative_feedback``: price complaints in every language, one vote each."""

from __future__ import annotations

from typing import Any

from cskit.training._company import distinct, latest_month
from cskit.training._core import Exercise

TOLERANCE = 0.0005


def _detractor_themes(company: Any, lexicon: Any = None) -> Any:
    """Themes (or, without a lexicon, every term) of the detractors' comments up to the
    company's latest complete month."""
    from cskit.metrics import themes

    surveys = company.surveys
    surveys = surveys[surveys["submitted_at"].dt.to_period("M") <= latest_month(company)]
    table = themes(surveys, by="nps_group", lexicon=lexicon, top=100_000, min_count=1)
    return table.loc["detractor"]


def _share(table: Any, term: str) -> float:
    rows = table[table["term"] == term]
    comments = float(table["comments"].iloc[0]) if len(table) else 0.0
    return float(rows["count"].iloc[0]) / comments if len(rows) and comments else 0.0


def price_share(company: Any) -> float:
    """Share of detractor comments in the pricing theme of the four-language lexicon."""
    from cskit.text import CS_THEMES

    return _share(_detractor_themes(company, CS_THEMES), "pricing")


def english_price_share(company: Any) -> float:
    """Share of detractor comments with the English word "price" (the one-language count)."""
    return distinct(_share(_detractor_themes(company), "price"), price_share(company), TOLERANCE)


EXERCISES: dict[str, Exercise] = {
    "11-1": Exercise("themes", price_share, TOLERANCE,
                     traps=(("english_only", english_price_share),)),
    # Each term counts once per comment: one long comment cannot outvote ten short ones.
    "11-2": Exercise("themes", lambda company: "b", choices=("a", "b", "c")),
    # 10 of 20 comments mention "slow" (the one with it three times counts once): 0.5;
    # counting mentions gives 12 of 20.
    "11-3": Exercise("themes", lambda company: 0.5, TOLERANCE,
                     traps=(("mentions", lambda company: 0.6),)),
}
