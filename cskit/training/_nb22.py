"""Exercises of ``22_response_time``: median against mean, business hours, the tail."""

from __future__ import annotations

from cskit.training._core import Exercise

EXERCISES: dict[str, Exercise] = {
    # 1, 2, 3, 4, 40 hours: the median is the third, 3 h; the mean would be 10 h.
    "22-1": Exercise("response_time", lambda company: 3.0, 0.005,
                     traps=(("mean", lambda company: 10.0),)),
    # Monday 16:00–18:00 (2 h) + Tuesday 09:00–11:00 (2 h) = 4 business hours; 19 calendar.
    "22-2": Exercise("response_time", lambda company: 4.0, 0.005,
                     traps=(("calendar", lambda company: 19.0),)),
    # The mean doubled, the median did not move: a few tickets waited much longer.
    "22-3": Exercise("response_time", lambda company: "b", choices=("a", "b", "c")),
}
