"""Exercises of ``01_mrr``: normalising prices, movements that add up, mix vs price."""

from __future__ import annotations

from cskit.training._core import Exercise

EXERCISES: dict[str, Exercise] = {
    "01-1": Exercise("mrr", lambda company: 100 * 100 + 50 * 600 / 12, 0.5,
                     traps=(("not_divided", lambda company: 100 * 100 + 50 * 600.0),)),
    "01-2": Exercise("mrr_movements", lambda company: 10_000 + 500 + 300 + 100 - 200 - 400, 0.5,
                     traps=(("no_reactivation", lambda company: 10_000 + 500 + 300 - 200 - 400.0),)),
    "01-3": Exercise("mrr", lambda company: 1200 * 0.75 / 12, 0.05,
                     traps=(("cancel_date", lambda company: 0.0),
                            ("list_price", lambda company: 1200 / 12))),
    "01-4": Exercise("mrr", lambda company: "b", choices=("a", "b", "c")),
}
