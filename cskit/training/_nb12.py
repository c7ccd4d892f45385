"""Exercises of ``12_first_contact_resolution``: the definition decides the number."""

from __future__ import annotations

from typing import Any

from cskit.training._company import distinct, in_months, latest_month
from cskit.training._core import Exercise

TOLERANCE = 0.0005


def _last_year(company: Any) -> Any:
    last = latest_month(company)
    return in_months(company.tickets, "created_at", last - 11, last)


def fcr_all_tickets(company: Any) -> float:
    """FCR of the last twelve months out of all tickets, spam included."""
    from cskit.metrics import fcr

    return float(fcr(_last_year(company), denominator="all", exclude=(), period=None))


def _default_definition(company: Any) -> float:
    from cskit.metrics import fcr

    return distinct(float(fcr(_last_year(company), period=None)), fcr_all_tickets(company), TOLERANCE)


def _all_spam_out(company: Any) -> float:
    from cskit.metrics import fcr

    trap = float(fcr(_last_year(company), denominator="all", period=None))
    return distinct(trap, fcr_all_tickets(company), TOLERANCE)


EXERCISES: dict[str, Exercise] = {
    # Resolved: 1, 1, 3 replies and 1 reply reopened -> 2 qualify of 4 resolved; the open
    # ticket is not in the denominator.
    "12-1": Exercise("fcr", lambda company: 0.5, TOLERANCE,
                     traps=(("open_counted", lambda company: 2 / 5),
                            ("reopen_ignored", lambda company: 3 / 4))),
    # Every reopened ticket also had a second reply: the reply rule already failed it.
    "12-2": Exercise("fcr", lambda company: "b", choices=("a", "b", "c")),
    "12-3": Exercise("fcr", fcr_all_tickets, TOLERANCE,
                     traps=(("default", _default_definition), ("spam_out", _all_spam_out))),
}
