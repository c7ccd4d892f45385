"""Exercises of ``13_customer_effort_score``: the agree share, inverted scales, touchpoints."""

from __future__ import annotations

from cskit.training._core import Exercise

TOLERANCE = 0.0005

EXERCISES: dict[str, Exercise] = {
    # 7, 5, 5 of 7, 5, 5, 4, 2, 1 are in 5–7: 3 of 6.
    "13-1": Exercise("ces", lambda company: 0.5, TOLERANCE,
                     traps=(("four_up", lambda company: 4 / 6),)),
    # Inverted 1–7: x -> 1 + 7 − x, so 3 becomes 5.
    "13-2": Exercise("ces", lambda company: 5.0, 0.05,
                     traps=(("not_inverted", lambda company: 3.0),)),
    # Without a touchpoint column the answers cannot be split: report one pooled CES, say
    # so, and add the column.
    "13-3": Exercise("ces", lambda company: "b", choices=("a", "b", "c")),
}
