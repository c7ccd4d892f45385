"""Exercises of ``20_repeat_rate``: the window, the name 継続率, and per-account repeat use."""

from __future__ import annotations

from typing import Any

from cskit.training._core import Exercise


def _use_again(company: Any, customer: str) -> float:
    """Share of new ``customer`` s of the events with another active day within 7 days."""
    from cskit.metrics.repeat import repeat_rate

    return float(repeat_rate(company.events, customer_col=customer, date_col="timestamp", window=7, period=None))


EXERCISES: dict[str, Exercise] = {
    # the notebook's small example: observable a, b, c, e, f; within 20 days only f
    "20-1": Exercise(
        "repeat_rate", lambda company: 1 / 5, 0.0005,
        traps=(("incomplete", lambda company: 1 / 6),
               ("window_30", lambda company: 2 / 5)),
    ),
    "20-2": Exercise("repeat_rate", lambda company: "b", choices=("a", "b", "c")),
    "20-3": Exercise(
        "repeat_rate", lambda company: _use_again(company, "account_id"), 0.0005,
        traps=(("per_user", lambda company: _use_again(company, "user_id")),),
    ),
}
