"""Exercises of ``07_conversion_rate``: the denominator, running trials, reading a funnel."""

from __future__ import annotations

from cskit.training._core import Exercise

EXERCISES: dict[str, Exercise] = {
    "07-1": Exercise("conversion", lambda company: 30 / 100, 0.0005,
                     traps=(("visitors", lambda company: 30 / 1000),)),
    "07-2": Exercise("trial_conversion", lambda company: 48 / 120, 0.0005,
                     traps=(("running_as_failed", lambda company: 48 / 200),)),
    "07-3": Exercise("conversion", lambda company: (300 + 50) / 1000, 0.0005,
                     traps=(("step", lambda company: (300 + 50) / 700),
                            ("unchanged", lambda company: 300 / 1000))),
}
