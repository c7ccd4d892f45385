"""Benchmark: DAU / WAU / MAU for every day of a year, cskit vs DuckDB SQL.

Usage::

    /tmp/probe/bin/python benchmarks/bench_usage.py                 # 50M events, 500k users
    /tmp/probe/bin/python benchmarks/bench_usage.py --events 2000000 --users 20000

What is timed
-------------
* **cskit** – ``cskit.metrics.active_users(events, window=28)``: validation,
  day codes, user-day deduplication (bitmap) and the sweep.
* **DuckDB** – one SQL query computing the same three columns with the same
  sweep (distinct user-days, each covering ``[d, d + window)`` clipped at the
  user's next active day, summed as +1/−1 deltas), reading the pandas frame in
  place, plus filling the days without deltas. The sweep is DuckDB's fastest
  form we know; ``count(DISTINCT user_id) OVER (RANGE ...)`` was ~7× slower
  (see /work/shared/stack-notes.md), so comparing against it would flatter cskit.
* **naive pandas** – per day ``events[in window].user_id.nunique()``: timed on a
  few days only and extrapolated to the full year (printed as such).

Both engines' results are compared for equality (assert). Peak memory of the
cskit call is measured with ``tracemalloc`` in a separate, untimed call (NumPy
reports its buffers to tracemalloc); the process' peak RSS is printed too.
"""

from __future__ import annotations

import argparse
import resource
import time
import tracemalloc

import numpy as np
import pandas as pd

import cskit  # noqa: F401  (registers the accessor)
from cskit.metrics.usage import active_users

DAY_US = 86_400_000_000


def generate(n_events: int, n_users: int, days: int = 365, seed: int = 7) -> pd.DataFrame:
    """Vectorised synthetic events: users with a life span and a skewed activity level."""
    gen = getattr(getattr(cskit, "datasets", None), "generate_events", None)
    if gen is not None:  # pragma: no cover - depends on the datasets module's progress
        try:
            return gen(n_events=n_events, n_users=n_users, seed=seed)
        except TypeError:
            pass
    rng = np.random.default_rng(seed)
    start = rng.integers(0, days, n_users)
    life = rng.integers(14, days + 1, n_users)
    end = np.minimum(start + life, days) - 1
    start = np.minimum(start, end)
    weight = rng.pareto(1.5, n_users) + 1.0
    cdf = np.cumsum(weight)
    cdf /= cdf[-1]
    user = np.searchsorted(cdf, rng.random(n_events)).astype(np.int64)
    span = end[user] - start[user] + 1
    day = start[user] + (rng.random(n_events) * span).astype(np.int64)
    t0 = np.datetime64("2025-11-01T00:00:00", "us").astype(np.int64)
    ts = t0 + day * DAY_US + rng.integers(0, DAY_US, n_events)
    return pd.DataFrame({"user_id": user, "timestamp": ts.astype("datetime64[us]")})


SQL = """
WITH ud AS MATERIALIZED (
    SELECT DISTINCT user_id, CAST(epoch_us("timestamp") // 86400000000 AS BIGINT) AS d FROM ev
), nx AS (
    SELECT d, LEAD(d) OVER (PARTITION BY user_id ORDER BY d) AS nd FROM ud
), deltas AS (
    SELECT d AS day, 1 AS dau, 1 AS w, 1 AS m FROM nx
    UNION ALL SELECT LEAST(d + 7, COALESCE(nd, d + 7)), 0, -1, 0 FROM nx
    UNION ALL SELECT LEAST(d + {window}, COALESCE(nd, d + {window})), 0, 0, -1 FROM nx
)
SELECT day, SUM(dau) AS dau,
       SUM(SUM(w)) OVER (ORDER BY day) AS wau,
       SUM(SUM(m)) OVER (ORDER BY day) AS mau
FROM deltas GROUP BY day ORDER BY day
"""


def duckdb_active_users(ev: pd.DataFrame, window: int, con) -> pd.DataFrame:
    res = con.execute(SQL.format(window=window)).df()
    first, last = int(res["day"].min()), int(ev_last_day(ev))
    full = pd.RangeIndex(first, last + 1)
    res = res.set_index("day")
    out = pd.DataFrame(index=full)
    out["dau"] = res["dau"].reindex(full, fill_value=0).astype(np.int64)
    out["wau"] = res["wau"].reindex(full).ffill().astype(np.int64)
    out["mau"] = res["mau"].reindex(full).ffill().astype(np.int64)
    out.index = pd.DatetimeIndex(
        (full.to_numpy() * DAY_US).astype("datetime64[us]"), name="date"
    )
    return out


def ev_last_day(ev: pd.DataFrame) -> int:
    return int(ev["timestamp"].to_numpy().max().astype("datetime64[us]").astype(np.int64) // DAY_US)


def naive(ev: pd.DataFrame, window: int, n_days: int) -> tuple[float, list[int]]:
    days = ev["timestamp"].dt.floor("D")
    last = days.max()
    targets = [last - pd.Timedelta(days=k * 100) for k in range(n_days)]
    t0 = time.perf_counter()
    values = []
    for d in targets:  # the naive approach itself: one full scan per day
        inside = (days > d - pd.Timedelta(days=window)) & (days <= d)
        values.append(int(ev.loc[inside, "user_id"].nunique()))
    return (time.perf_counter() - t0) / n_days, values


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--events", type=int, default=50_000_000)
    ap.add_argument("--users", type=int, default=500_000)
    ap.add_argument("--window", type=int, default=28)
    ap.add_argument("--naive-days", type=int, default=3)
    ap.add_argument("--threads", type=int, default=2, help="DuckDB threads")
    args = ap.parse_args()
    import duckdb

    t = time.perf_counter()
    ev = generate(args.events, args.users)
    print(f"generated {len(ev):,} events for {args.users:,} users in {time.perf_counter() - t:.1f} s")

    t = time.perf_counter()
    ours = active_users(ev, window=args.window)
    t_cskit = time.perf_counter() - t
    print(f"cskit  active_users(window={args.window}): {t_cskit:6.2f} s  ({len(ours)} days)")

    con = duckdb.connect()
    con.execute(f"SET threads = {args.threads}")
    con.register("ev", ev)
    t = time.perf_counter()
    theirs = duckdb_active_users(ev, args.window, con)
    t_duck = time.perf_counter() - t
    print(f"duckdb sweep SQL (threads={args.threads}):      {t_duck:6.2f} s")
    pd.testing.assert_frame_equal(ours[["dau", "wau", "mau"]], theirs, check_freq=False)
    print("results equal: yes (dau, wau, mau for every day)")
    print(f"ratio cskit / duckdb: {t_cskit / t_duck:.2f}")

    per_day, _ = naive(ev, args.window, args.naive_days)
    print(
        f"naive per-day nunique: {per_day:.2f} s/day measured on {args.naive_days} days "
        f"-> extrapolated {per_day * len(ours):.0f} s for {len(ours)} days (not run in full)"
    )

    tracemalloc.start()
    active_users(ev, window=args.window)
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    frame_mb = ev.memory_usage(deep=True).sum() / 2**20
    print(f"peak memory of the cskit call (tracemalloc): {peak / 2**20:,.0f} MiB "
          f"(input frame itself: {frame_mb:,.0f} MiB)")
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"process peak RSS (generation + all engines): {rss:,.0f} MiB")


if __name__ == "__main__":
    main()
