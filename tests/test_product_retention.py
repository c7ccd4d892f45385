"""event_retention and active_days against plain pandas recounts, a few rows at a time.

The KPIs read the events a step of rows at a time (first starts, returns, the
distinct (user, day) pairs); the references here recount the same definitions
with ``groupby`` and ``drop_duplicates`` on the whole frame.
"""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from cskit.metrics import _ids, product_retention


def random_events(seed: int) -> pd.DataFrame:
    rng = np.random.default_rng(seed)
    n = 1_500
    users = rng.integers(0, 80, n)
    ev = pd.DataFrame({
        "user_id": np.char.add("u", users.astype(str)) if seed % 2 else users * 5 + 11,
        "timestamp": pd.Timestamp("2026-01-03") + pd.to_timedelta(
            rng.integers(0, 86_400 * 75, n), unit="s"),
        "event": rng.choice(["signup", "use", "view"], n),
    })
    return ev if seed % 3 else ev.sort_values("timestamp", ignore_index=True)


@pytest.fixture(autouse=True)
def small_steps(monkeypatch):
    monkeypatch.setattr(product_retention, "STEP", 37)
    monkeypatch.setattr(_ids, "STEP", 37)


@pytest.mark.parametrize("seed", range(4))
@pytest.mark.parametrize("period", ["W", "M"])
def test_active_days_is_a_recount_of_distinct_days(seed, period):
    ev = random_events(seed)
    days = ev.assign(day=ev["timestamp"].dt.normalize())[["user_id", "day"]].drop_duplicates()
    days["period"] = days["day"].dt.to_period("W-SUN" if period == "W" else "M")
    per_user = days.groupby(["period", "user_id"]).size()
    want = per_user.groupby(level="period").value_counts()
    got = product_retention.active_days(ev, period=period)
    for (p, k), users in got["users"].items():
        assert users == want.get((p, k), 0)
    assert got["users"].sum() == len(per_user)


@pytest.mark.parametrize("seed", range(4))
@pytest.mark.parametrize("mode", ["on", "on_or_after"])
def test_event_retention_is_a_recount_by_calendar_day(seed, mode):
    ev = random_events(seed)
    day = ev["timestamp"].dt.normalize()
    start = ev[ev["event"] == "signup"].groupby("user_id")["timestamp"].min().dt.normalize()
    horizon = (day.max() - start).dt.days  # the last day each user's age reaches
    back = ev[(ev["event"] == "use") & ev["user_id"].isin(start.index)]
    age = (back["timestamp"].dt.normalize() - start.loc[back["user_id"]].to_numpy()).dt.days
    back = back.assign(age=age.to_numpy(), horizon=horizon.loc[back["user_id"]].to_numpy())
    back = back[(back["age"] >= 0) & (back["age"] <= back["horizon"])]
    got = product_retention.event_retention(ev, start_event="signup", return_event="use",
                                            mode=mode)
    top = int(horizon.max())
    assert got["users"].tolist() == [len(start)] + [int((horizon >= n).sum())
                                                    for n in range(1, top + 1)]
    if mode == "on":
        want = [back[back["age"] == n]["user_id"].nunique() for n in range(1, top + 1)]
    else:
        # latest return per user, capped at the user's horizon: counted at every age up to it
        reach = back.groupby("user_id")["age"].max()
        want = [int((reach >= n).sum()) for n in range(1, top + 1)]
    assert got["retained"].tolist() == [len(start), *want]
