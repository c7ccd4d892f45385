"""Exercises of ``21_ticket_volume``: a rate per 100 accounts, and reading count vs rate."""

from __future__ import annotations

from typing import Any

from cskit.training._company import latest_month
from cskit.training._core import Exercise


def count_and_rate(company: Any) -> str:
    """How the ticket count and the rate per 100 paying accounts moved between the month
    twelve months before the latest complete month (or the data's first month) and it:
    "a" both rose, "b" the count rose but the rate did not, "c" the count did not rise."""
    from cskit.metrics import ticket_volume

    last = latest_month(company)
    tickets = company.tickets[company.tickets["created_at"].dt.to_period("M") <= last]
    volume = ticket_volume(tickets, mrr=company.mrr)
    volume = volume[volume.index <= last]
    first = max(last - 12, volume.index.min())
    start, end = volume.loc[first], volume.loc[last]
    if end["tickets"] <= start["tickets"]:
        return "c"
    return "a" if end["per_100_accounts"] > start["per_100_accounts"] else "b"


EXERCISES: dict[str, Exercise] = {
    # 45 ÷ 300 × 100 = 15 tickets per 100 paying accounts.
    "21-1": Exercise("ticket_volume", lambda company: 15.0, 0.005,
                     traps=(("per_account", lambda company: 45 / 300),)),
    # Twice the tickets from twice the accounts: the load per customer is unchanged.
    "21-2": Exercise("ticket_volume", lambda company: "b", choices=("a", "b", "c")),
    "21-3": Exercise("ticket_volume", count_and_rate, choices=("a", "b", "c")),
}
