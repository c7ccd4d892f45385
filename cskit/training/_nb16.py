"""Exercises of ``16_dau_mau``: reading stickiness, not recomputing it."""

from __future__ import annotations

from cskit.training._core import Exercise

EXERCISES: dict[str, Exercise] = {
    "16-1": Exercise("stickiness", lambda company: "a", choices=("a", "b", "c")),
    "16-2": Exercise(
        "stickiness", lambda company: 1 / 7, 0.0006,
        traps=(("calendar", lambda company: 4 / 30),
               ("inverted", lambda company: 7.0),
               ("monthly", lambda company: 1 / 30)),
    ),
    "16-3": Exercise("stickiness", lambda company: "b", choices=("a", "b", "c")),
}
