"""Benchmark: DAU / WAU / MAU for every day of a year — cskit vs DuckDB SQL vs naive pandas.

Usage (from the repository root)::

    .venv/bin/python benchmarks/bench_usage.py                      # 50M events, 500k users
    .venv/bin/python benchmarks/bench_usage.py --events 2000000 --users 20000   # quick check

What is timed, in one process, on the same frame
------------------------------------------------
* **data** – ``cskit.datasets.generate_events(events, users, days)`` (not part of
  the comparison; its time and the process' peak memory are reported).
* **cskit** – ``cskit.metrics.active_users(events, window=28)``: validation,
  day codes, user codes, user-day deduplication (bitmap) and the sweep, ending
  in a DataFrame with ``dau, wau, mau, dau_mau`` for every day.
* **DuckDB** – one SQL query computing the same three counts with the fastest
  form we know, the same sweep (distinct user-days; each covers
  ``[d, d + window)`` clipped at the user's next active day; +1/−1 deltas
  summed by a running window sum), reading the pandas frame in place, fetched
  as a DataFrame and completed with the days that have no delta.
  ``count(DISTINCT user_id) OVER (RANGE …)`` is ~7× slower (see
  /work/shared/stack-notes.md): comparing against it would flatter cskit.
* **naive pandas** – for a day d, ``events[d − window < day ≤ d].user_id.nunique()``:
  one scan of all events per day. Timed on ``--naive-days`` days spread over the
  year and extrapolated to every day (the full loop would take minutes); its
  values are checked against cskit's on those days.

Each engine runs ``--repeat`` times; the best time counts (the machine is
shared). Results must be equal (asserted) and cskit must not be slower than
DuckDB (ratio = cskit ÷ DuckDB ≤ 1.0; the script exits 1 otherwise).

Peak memory: before each engine's first run the process' peak-RSS counter is
reset (``/proc/self/clear_refs``), so ``peak_extra_mib`` is the memory that
engine needed on top of what the process already held (the input frame).
NumPy, Arrow and DuckDB allocations are all counted, unlike ``tracemalloc``.

Writes ``benchmarks/results/usage.csv`` (one row: ``kpi, events, cskit_s, duckdb_s,
ratio, cskit_peak_mib, …``, the columns ``benchmarks/run.py`` summarises) and
prints a table.
"""

from __future__ import annotations

import argparse
import csv
import datetime
import os
import platform
import resource
import sys
import time
from collections.abc import Callable
from pathlib import Path

import numpy as np
import pandas as pd
from _memory import fix_mmap_threshold, reset_peak, status_kib  # benchmarks/ is on sys.path

import cskit
from cskit.metrics.activity import active_users

DAY_US = 86_400_000_000
RESULTS = Path(__file__).resolve().parent / "results" / "usage.csv"

SQL = """
WITH ud AS MATERIALIZED (
    SELECT DISTINCT user_id, CAST(epoch_us("timestamp") // {day_us} AS BIGINT) AS d FROM ev
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


# --------------------------------------------------------------------------- engines
def run_cskit(ev: pd.DataFrame, window: int) -> pd.DataFrame:
    return active_users(ev, window=window)


def run_duckdb(ev: pd.DataFrame, window: int, threads: int) -> pd.DataFrame:
    import duckdb

    con = duckdb.connect()
    con.execute(f"SET threads = {threads}")
    con.register("ev", ev)
    res = con.execute(SQL.format(window=window, day_us=DAY_US)).df()
    con.close()
    # days with no delta at all (no activity, no window ending) are missing: fill them
    last = int(res.loc[res["dau"] > 0, "day"].max())
    full = pd.RangeIndex(int(res["day"].min()), last + 1)
    res = res.set_index("day")
    out = pd.DataFrame(
        {
            "dau": res["dau"].reindex(full, fill_value=0).astype(np.int64).to_numpy(),
            "wau": res["wau"].reindex(full).ffill().astype(np.int64).to_numpy(),
            "mau": res["mau"].reindex(full).ffill().astype(np.int64).to_numpy(),
        },
        index=pd.DatetimeIndex(
            (full.to_numpy() * DAY_US).astype("datetime64[us]"), name="date"
        ),
    )
    out["dau_mau"] = (out["dau"] / out["mau"]).where(out["mau"] > 0)
    return out


def run_naive(ev: pd.DataFrame, window: int, targets: pd.DatetimeIndex) -> list[int]:
    """The naive approach itself: one full scan of the events per reported day."""
    day = ev["timestamp"].dt.floor("D")
    values = []
    for d in targets:  # a loop over days is exactly what this baseline is
        inside = (day > d - pd.Timedelta(days=window)) & (day <= d)
        values.append(int(ev.loc[inside, "user_id"].nunique()))
    return values


PEAKS: list[float] = []  # absolute peak RSS (MiB) seen in each measured stretch


def timed(fn: Callable[[], object], repeat: int) -> tuple[object, list[float], float]:
    """Run ``fn`` ``repeat`` times; return the last result, the times and the peak extra MiB."""
    times = []
    result = None
    base = reset_peak()
    peak = 0
    for i in range(repeat):
        t = time.perf_counter()
        result = fn()
        times.append(time.perf_counter() - t)
        if i == 0:
            peak = status_kib("VmHWM") - base
    PEAKS.append(status_kib("VmHWM") / 1024)
    return result, times, peak / 1024


# --------------------------------------------------------------------------- main
def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--events", type=int, default=50_000_000)
    ap.add_argument("--users", type=int, default=500_000)
    ap.add_argument("--days", type=int, default=365)
    ap.add_argument("--window", type=int, default=28)
    ap.add_argument("--repeat", type=int, default=2, help="runs per engine; the best counts")
    ap.add_argument("--naive-days", type=int, default=4, help="days the naive loop is timed on")
    ap.add_argument("--threads", type=int, default=2, help="DuckDB threads")
    ap.add_argument("--out", type=Path, default=RESULTS)
    args, unknown = ap.parse_known_args(argv)
    if unknown:  # benchmarks/run.py passes the same options to every script
        print(f"ignoring options meant for other benchmarks: {' '.join(unknown)}")
    import duckdb

    fix_mmap_threshold()
    print(f"cskit {cskit.__version__}, pandas {pd.__version__}, numpy {np.__version__}, "
          f"duckdb {duckdb.__version__}, Python {platform.python_version()}, "
          f"{os.cpu_count()} CPUs")
    t = time.perf_counter()
    ev = cskit.datasets.generate_events(args.events, args.users, args.days)
    t_gen = time.perf_counter() - t
    gen_peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    frame_mib = ev.memory_usage(deep=True).sum() / 2**20
    print(f"generate_events({args.events:,}, {args.users:,}, {args.days}): {t_gen:.1f} s, "
          f"frame {frame_mib:,.0f} MiB, process peak RSS so far {gen_peak:,.0f} MiB")

    ours, t_ours, m_ours = timed(lambda: run_cskit(ev, args.window), args.repeat)
    print(f"cskit  active_users: {' / '.join(f'{x:.2f}' for x in t_ours)} s")
    theirs, t_duck, m_duck = timed(lambda: run_duckdb(ev, args.window, args.threads), args.repeat)
    print(f"DuckDB sweep SQL:    {' / '.join(f'{x:.2f}' for x in t_duck)} s")
    pd.testing.assert_frame_equal(
        ours[["dau", "wau", "mau", "dau_mau"]], theirs, check_freq=False, check_exact=False
    )
    print(f"equal: dau, wau, mau and dau/mau for all {len(ours)} days")

    step = max(len(ours) // args.naive_days, 1)
    targets = ours.index[args.window - 1 :: step][: args.naive_days]
    naive_vals, t_naive, m_naive = timed(lambda: run_naive(ev, args.window, targets), 1)
    assert naive_vals == ours.loc[targets, "mau"].tolist(), "naive MAU differs from cskit"
    per_day = t_naive[0] / len(targets)
    print(f"naive nunique: {per_day:.2f} s per day on {len(targets)} days (values equal)")

    best_ours, best_duck = min(t_ours), min(t_duck)
    ratio = best_ours / best_duck
    n_days = len(ours)
    row = {
        "kpi": f"active_users (DAU, WAU, MAU for every day, window {args.window})",
        "events": args.events,
        "users": args.users,
        "days": n_days,
        "cskit_s": best_ours,
        "duckdb_s": best_duck,
        "ratio": ratio,
        "cskit_peak_mib": m_ours,
        "duckdb_peak_mib": m_duck,
        "naive_s": per_day * n_days,
        "naive_days_timed": len(targets),
        "reference": "DuckDB SQL (same sweep)",
        "equal": True,
        "runs": args.repeat,
        "generate_s": t_gen,
        "generate_peak_mib": gen_peak,
        "machine": f"{os.cpu_count()} CPUs, duckdb threads={args.threads}",
        "cores": len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count(),
        "duckdb_threads": args.threads,
        "timestamp": datetime.datetime.now(datetime.UTC).strftime("%Y-%m-%dT%H:%M:%SZ"),
    }
    write_results(args.out, row)
    print()
    print(f"DAU/WAU/MAU (window {args.window}) for {n_days} days, {args.events:,} events, "
          f"{args.users:,} users (best of {args.repeat} runs)")
    print(f"{'engine':<30}{'seconds':>10}{'× DuckDB':>10}{'peak extra MiB':>16}")
    for name, secs, peak in (("cskit active_users", best_ours, m_ours),
                             ("DuckDB sweep SQL", best_duck, m_duck),
                             (f"naive nunique (×{n_days} days)", per_day * n_days, m_naive)):
        print(f"{name:<30}{secs:>10.2f}{secs / best_duck:>10.2f}{peak:>16,.0f}")
    print(f"process peak RSS: {max([gen_peak, *PEAKS]):,.0f} MiB (while generating the data: "
          f"{gen_peak:,.0f} MiB; input frame {frame_mib:,.0f} MiB); wrote {args.out}")
    if ratio > 1.0:
        print(f"FAIL: cskit is slower than DuckDB (ratio {ratio:.2f} > 1.0)")
        return 1
    return 0


def write_results(path: Path, row: dict[str, object]) -> None:
    """One CSV row per comparison, in the columns ``benchmarks/run.py`` reads."""
    path.parent.mkdir(parents=True, exist_ok=True)
    with open(path, "w", newline="") as fh:
        writer = csv.DictWriter(fh, fieldnames=list(row))
        writer.writeheader()
        writer.writerow({k: f"{v:.3f}" if isinstance(v, float) else v for k, v in row.items()})


if __name__ == "__main__":
    sys.exit(main())
