"""Exercises of ``19_upsell_cross_sell``: the denominators, and what a churn gap can tell."""

from __future__ import annotations

from cskit.training._core import Exercise

EXERCISES: dict[str, Exercise] = {
    "19-1": Exercise("upsell", lambda company: 12 / 400, 0.0005,
                     traps=(("with_new", lambda company: 17 / 400),
                            ("start", lambda company: 12 / 380))),
    "19-2": Exercise("upsell", lambda company: "b", choices=("a", "b", "c")),
    "19-3": Exercise("cross_sell", lambda company: 20 / 500, 0.0005,
                     traps=(("with_new", lambda company: 30 / 500),)),
}
