"""Exercises of ``15_session_duration``: span vs screen time, the median, the timeout."""

from __future__ import annotations

from cskit.training._core import Exercise

EXERCISES: dict[str, Exercise] = {
    "15-1": Exercise("session_duration", lambda company: (2500 + 50 + 300) / 3, 0.5,
                     traps=(("two_sessions", lambda company: (2500 + 50) / 2),)),
    "15-2": Exercise("session_duration", lambda company: 4.0, 0.05,
                     traps=(("mean", lambda company: (2 + 3 + 4 + 5 + 86) / 5),)),
    "15-3": Exercise("session_duration", lambda company: 2.0, 0.1,
                     traps=(("timeout_15", lambda company: 3.0),)),
}
