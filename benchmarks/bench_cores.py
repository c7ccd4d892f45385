"""Benchmark: does each heavy KPI use the cores it is given? cskit and DuckDB on 1 core, then 2.

Usage::

    .venv/bin/python benchmarks/bench_cores.py                     # 1M customers, 20M events
    .venv/bin/python benchmarks/bench_cores.py --customers 100000 --events 2000000  # quick
    .venv/bin/python benchmarks/bench_cores.py --cpus 0 0,1 0-15   # on a bigger machine

The script starts itself once per CPU set, pinned with ``taskset -c`` (Linux), so
cskit sees only those cores (it sizes its thread pool from the process' CPU
affinity) and DuckDB is given one thread per core. Each child generates the same
seeded data, then for every KPI times cskit's public function (validation
included) and one DuckDB query computing the same numbers on the same in-memory
frame (best of ``--repeat``), checks the two results are equal, and reports the
growth of the process' peak RSS during the first call of each (MiB; see
``_memory.py``).

Writes ``results/cores.csv`` (one row per KPI and CPU set: ``kpi, rows, cores,
cskit_s, duckdb_threads, duckdb_s, ratio, cskit_peak_mib, duckdb_peak_mib``) and
``results/cores.md``: the one-core-vs-two table — cskit's speed-up from the first
CPU set to the last, DuckDB's, and the rule each KPI meets at the last (``≥ 1.7×``
from one core to two, or ``≤ ¼`` of DuckDB's time, or under 0.3 s).
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

import numpy as np
import pandas as pd
from _memory import cpu_count, fix_mmap_threshold, reset_peak, status_kib  # benchmarks/ on sys.path

HERE = Path(__file__).resolve().parent
RESULTS = HERE / "results"
DAY_US = 86_400_000_000

SQL_STICKINESS = """
WITH ud AS (
    SELECT DISTINCT user_id, CAST(epoch_us("timestamp") // {day_us} AS BIGINT) AS d FROM ev
), b AS (SELECT min(d) AS lo, max(d) AS hi FROM ud),
days AS (SELECT unnest(range(lo, hi + 1)) AS d FROM b),
dm AS (SELECT d, date_trunc('month', DATE '1970-01-01' + CAST(d AS INTEGER)) AS m FROM days),
n_days AS (SELECT m, count(*) AS days FROM dm GROUP BY m),
users AS (
    SELECT m, count(DISTINCT user_id) AS mau, count(*) AS user_days
    FROM ud JOIN dm USING (d) GROUP BY m
)
SELECT m, days, user_days / days AS mean_dau, mau, user_days / days / mau AS stickiness
FROM n_days JOIN users USING (m) ORDER BY m
"""

# stickiness's default: the mean over each month's days of DAU / trailing-28-day MAU, with
# the trailing MAU by the same cover sweep as bench_usage.py (each active user-day covers
# [d, min(d + 28, next active day)); +1 / −1 at the ends; a running sum over the days).
SQL_STICKINESS_TRAILING = """
WITH ud AS MATERIALIZED (
    SELECT DISTINCT user_id, CAST(epoch_us("timestamp") // {day_us} AS BIGINT) AS d FROM ev
), b AS (SELECT min(d) AS lo, max(d) AS hi FROM ud),
days AS (SELECT unnest(range(lo, hi + 1)) AS d FROM b),
nx AS (SELECT d, LEAD(d) OVER (PARTITION BY user_id ORDER BY d) AS nd FROM ud),
deltas AS (
    SELECT d AS day, 1 AS dau, 1 AS m FROM nx
    UNION ALL SELECT LEAST(d + {window}, COALESCE(nd, d + {window})), 0, -1 FROM nx
), per_day AS (SELECT day, SUM(dau) AS dau, SUM(m) AS m FROM deltas GROUP BY day),
daily AS (
    SELECT days.d, COALESCE(p.dau, 0) AS dau,
           SUM(COALESCE(p.m, 0)) OVER (ORDER BY days.d) AS mau
    FROM days LEFT JOIN per_day AS p ON p.day = days.d
)
SELECT date_trunc('month', DATE '1970-01-01' + CAST(d AS INTEGER)) AS m, count(*) AS days,
       avg(dau) AS mean_dau, avg(mau) AS mau,
       sum(dau / mau) FILTER (WHERE mau > 0) AS numerator,
       count(*) FILTER (WHERE mau > 0) AS denominator,
       sum(dau / mau) FILTER (WHERE mau > 0) / count(*) FILTER (WHERE mau > 0) AS stickiness
FROM daily GROUP BY m ORDER BY m
"""

SQL_SESSIONS = """
WITH g AS (
    SELECT user_id, epoch_us("timestamp") AS t,
           CASE WHEN epoch_us("timestamp") - lag(epoch_us("timestamp"))
                     OVER (PARTITION BY user_id ORDER BY "timestamp") <= {timeout_us}
                THEN 0 ELSE 1 END AS new
    FROM ev
), s AS (
    SELECT user_id, t,
           -- among events at the same instant, the one opening a session counts first
           sum(new) OVER (PARTITION BY user_id ORDER BY t, new DESC ROWS UNBOUNDED PRECEDING)
               AS sid
    FROM g
)
SELECT user_id, sid, min(t) AS start, max(t) AS "end", count(*) AS events,
       (max(t) - min(t)) / 1e6 AS duration_s
FROM s GROUP BY ALL
"""

SQL_SESSION_DURATION = """
WITH x AS ({sessions})
SELECT date_trunc('month', make_timestamp(start)) AS m, count(*) AS sessions,
       sum(duration_s) AS total_seconds, avg(duration_s) AS session_duration,
       median(duration_s) AS median_seconds
FROM x GROUP BY m ORDER BY m
"""


# cskit.health.inputs.health_inputs without surveys and tickets: per paying account-month,
# MRR, MRR growth over 3 months, active days, active users ÷ seats, key features used ÷ 2.
KEY_FEATURES = ("create_report", "export")
SQL_HEALTH = """
WITH p AS (
    SELECT customer_id AS account_id, m, sum(mrr) AS mrr FROM hm GROUP BY ALL HAVING sum(mrr) > 0
), g AS (
    SELECT p.account_id, p.m, p.mrr, p.mrr / b.mrr - 1 AS mrr_growth
    FROM p LEFT JOIN p AS b ON b.account_id = p.account_id AND b.m = p.m - 3
), u AS (
    SELECT CAST(account_id AS VARCHAR) AS account_id,
           (year("timestamp") - 1970) * 12 + month("timestamp") - 1 AS m,
           count(DISTINCT CAST(epoch_us("timestamp") // {day_us} AS BIGINT)) AS active_days,
           count(DISTINCT user_id) AS active_users,
           count(DISTINCT event) FILTER (WHERE CAST(event AS VARCHAR) IN {features})
               AS key_features_used
    FROM hev GROUP BY ALL
)
SELECT g.account_id, g.m, g.mrr, g.mrr_growth, coalesce(u.active_days, 0) AS frequency,
       coalesce(u.active_users, 0) / a.seats AS breadth,
       coalesce(u.key_features_used, 0) / {n_features} AS depth
FROM g LEFT JOIN u USING (account_id, m) LEFT JOIN hacc AS a USING (account_id)
ORDER BY g.m, g.account_id
"""


def health_frames(ev: pd.DataFrame, seed: int = 0) -> dict[str, pd.DataFrame]:
    """An mrr panel, accounts (with seats) and events whose account ids are the panel's."""
    import cskit

    accounts = ev["account_id"].cat.categories
    mrr = cskit.datasets.generate_mrr_panel(len(accounts), 36, seed=seed)
    ids = pd.Index(np.sort(mrr["customer_id"].unique()))
    ids = ids.append(pd.Index([f"X{i:07d}" for i in range(len(accounts) - len(ids))]))
    events = ev.assign(account_id=pd.Categorical.from_codes(ev["account_id"].cat.codes,
                                                            categories=ids.astype(str)))
    rng = np.random.default_rng(seed)
    acc = pd.DataFrame({"account_id": ids.astype(str),
                        "seats": rng.integers(1, 60, len(ids)).astype(np.int64)})
    return {"mrr": mrr, "events": events, "accounts": acc}


def measure(fn: Callable[[], object], repeat: int) -> tuple[object, float, float]:
    """Best time of ``repeat`` runs, and the peak extra MiB of the first run."""
    base = reset_peak()
    t = time.perf_counter()
    result = fn()
    best = time.perf_counter() - t
    peak = (status_kib("VmHWM") - base) / 1024
    for _ in range(repeat - 1):
        t = time.perf_counter()
        fn()
        best = min(best, time.perf_counter() - t)
    return result, best, peak


def _close(a: object, b: object, what: str) -> None:
    a, b = np.asarray(a, dtype=float), np.asarray(b, dtype=float)
    if a.shape != b.shape or not np.allclose(a, b, rtol=1e-9, atol=1e-6, equal_nan=True):
        raise SystemExit(f"cskit and DuckDB disagree on {what}")


# --------------------------------------------------------------------------- child
def child(args: argparse.Namespace) -> None:
    import bench_billing as bb
    import bench_usage as bu

    import cskit
    from cskit.health.inputs import health_inputs
    from cskit.metrics import (
        churn,
        cohort_retention,
        grr,
        mrr_movements,
        nrr,
        revenue_churn,
        session_duration,
        sessions,
        stickiness,
        to_mrr,
    )
    from cskit.metrics.activity import active_users

    if args.malloc == "fixed":
        fix_mmap_threshold()
    cores = cpu_count()
    mrr = cskit.datasets.generate_mrr_panel(args.customers, args.months)
    subs = cskit.datasets.generate_subscriptions(args.customers, args.months)
    ev = cskit.datasets.generate_events(args.events, args.users, args.days)
    health = health_frames(ev)
    frames = {"mrr": bb.duckdb_mrr_frame(mrr), "subs": subs, "ev": ev,
              "hm": bb.duckdb_mrr_frame(health["mrr"]), "hev": health["events"],
              "hacc": health["accounts"]}

    class Fresh:
        """A new DuckDB database per KPI (closed after it), so each KPI's peak memory is
        its own: a DuckDB database keeps the memory of earlier queries until it closes."""

        db: bb.DuckDB

        def df(self, sql: str) -> pd.DataFrame:
            return self.db.df(sql)

    db = Fresh()

    def movements_sql() -> pd.DataFrame:
        return db.df(bb.SQL_MOVEMENTS)

    def check_revenue_churn(ours: pd.DataFrame, theirs: pd.DataFrame) -> None:
        theirs = theirs.iloc[1:].assign(
            revenue_churn=lambda d: (d["churn"] + d["contraction"]) / d["start"])
        bb.check_frame(ours, theirs, ["start", "churn", "contraction", "revenue_churn"],
                       "revenue_churn")

    def check_grr(ours: pd.DataFrame, theirs: pd.DataFrame) -> None:
        kept = theirs["start"] - theirs["contraction"] - theirs["churn"]
        theirs = theirs.assign(grr=np.minimum(kept / theirs["start"], 1.0))
        bb.check_frame(ours, theirs, ["start", "contraction", "churn", "grr"], "grr")

    def check_days(ours: pd.DataFrame, theirs: pd.DataFrame) -> None:
        pd.testing.assert_frame_equal(ours[["dau", "wau", "mau", "dau_mau"]], theirs,
                                      check_freq=False, check_exact=False)

    def check_stickiness(ours: pd.DataFrame, theirs: pd.DataFrame) -> None:
        for col in ("days", "mean_dau", "mau", "numerator", "denominator", "stickiness"):
            _close(ours[col], theirs[col], f"stickiness {col}")

    def check_calendar(ours: pd.DataFrame, theirs: pd.DataFrame) -> None:
        for col in ("days", "mean_dau", "mau", "stickiness"):
            _close(ours[col], theirs[col], f"stickiness (calendar) {col}")

    def check_sessions(ours: pd.DataFrame, theirs: pd.DataFrame) -> None:
        if len(ours) != len(theirs):
            raise SystemExit(f"sessions: {len(ours)} in cskit, {len(theirs)} in DuckDB")
        for col in ("events", "duration_s"):
            _close(np.sort(ours[col].to_numpy()), np.sort(theirs[col].to_numpy()),
                   f"sessions {col}")

    def check_duration(ours: pd.DataFrame, theirs: pd.DataFrame) -> None:
        for col in ("sessions", "total_seconds", "session_duration", "median_seconds"):
            _close(ours[col], theirs[col], f"session_duration {col}")

    def check_health(ours: pd.DataFrame, theirs: pd.DataFrame) -> None:
        if len(ours) != len(theirs) or not (
                ours["account_id"].to_numpy() == theirs["account_id"].to_numpy()).all():
            raise SystemExit("health_inputs: cskit and DuckDB list other account-months")
        _close(ours["month"].array.asi8, theirs["m"], "health_inputs month")
        for col in ("mrr", "mrr_growth", "frequency", "breadth", "depth"):
            _close(ours[col], theirs[col], f"health_inputs {col}")

    health_sql = SQL_HEALTH.format(day_us=DAY_US, features=str(KEY_FEATURES),
                                   n_features=len(KEY_FEATURES))
    sessions_sql = SQL_SESSIONS.format(timeout_us=30 * 60 * 1_000_000)
    kpis = {
        "to_mrr": (len(subs), lambda: to_mrr(subs), lambda: db.df(bb.SQL_TO_MRR),
                   bb.check_to_mrr),
        "mrr_movements": (len(mrr), lambda: mrr_movements(mrr), movements_sql,
                          lambda o, t: bb.check_frame(o, t, ["start", "new", "expansion",
                                                             "contraction", "churn",
                                                             "reactivation", "end"],
                                                      "mrr_movements")),
        "churn": (len(mrr), lambda: churn(mrr), lambda: db.df(bb.SQL_CHURN),
                  lambda o, t: bb.check_frame(o, t, ["start_customers", "new_customers",
                                                     "end_customers", "churned", "churn"],
                                              "churn")),
        "revenue_churn": (len(mrr), lambda: revenue_churn(mrr), movements_sql,
                          check_revenue_churn),
        "nrr": (len(mrr), lambda: nrr(mrr), lambda: db.df(bb.SQL_NRR),
                lambda o, t: bb.check_frame(o, t, ["start_customers", "retained_customers",
                                                   "start", "expansion", "contraction", "churn",
                                                   "end", "nrr"], "nrr")),
        "grr": (len(mrr), lambda: grr(mrr), lambda: db.df(bb.SQL_NRR), check_grr),
        "cohort_retention": (len(mrr), lambda: cohort_retention(mrr),
                             lambda: bb.cohort_matrix(db.df(bb.SQL_COHORTS)), bb.check_cohorts),
        "active_users": (len(ev), lambda: active_users(ev, window=28),
                         lambda: bu.run_duckdb(ev, 28, cores), check_days),
        "stickiness": (len(ev), lambda: stickiness(ev),
                       lambda: db.df(SQL_STICKINESS_TRAILING.format(day_us=DAY_US, window=28)),
                       check_stickiness),
        "stickiness_calendar": (len(ev), lambda: stickiness(ev, mau="calendar"),
                                lambda: db.df(SQL_STICKINESS.format(day_us=DAY_US)),
                                check_calendar),
        "sessions": (len(ev), lambda: sessions(ev), lambda: db.df(sessions_sql), check_sessions),
        "session_duration": (len(ev), lambda: session_duration(ev),
                             lambda: db.df(SQL_SESSION_DURATION.format(sessions=sessions_sql)),
                             check_duration),
        "health_inputs": (len(ev), lambda: health_inputs(health["events"], health["accounts"],
                                                         health["mrr"],
                                                         key_features=list(KEY_FEATURES)),
                          lambda: db.df(health_sql), check_health),
    }
    for name, (rows, ours_fn, theirs_fn, check) in kpis.items():
        if args.only and name not in args.only:
            continue
        ours, c_s, c_mb = measure(ours_fn, args.repeat)
        db.db = bb.DuckDB(cores, **frames)
        theirs, d_s, d_mb = measure(theirs_fn, args.repeat)
        db.db.close()
        check(ours, theirs)
        del ours, theirs
        print(json.dumps({"kpi": name, "rows": rows, "cores": cores, "cskit_s": round(c_s, 3),
                          "duckdb_threads": cores, "duckdb_s": round(d_s, 3),
                          "ratio": round(c_s / d_s, 3), "cskit_peak_mib": round(c_mb),
                          "duckdb_peak_mib": round(d_mb)}), flush=True)


# --------------------------------------------------------------------------- parent
def rule(one: dict, two: dict) -> str:
    speedup = one["cskit_s"] / two["cskit_s"]
    if two["cskit_s"] < 0.3:
        return "under 0.3 s"
    if speedup >= 1.7:
        return f"{speedup:.2f}× ≥ 1.7×"
    if two["cskit_s"] <= two["duckdb_s"] / 4:
        return "≤ ¼ of DuckDB"
    return "**not met**"


def markdown(rows: list[dict], cpus: list[str], header: str) -> str:
    first, last = rows[0]["cores"], rows[-1]["cores"]
    table = pd.DataFrame(rows)
    lines = [
        "# One core vs two: cskit and DuckDB, same data, same run",
        "",
        f"Written by `python benchmarks/bench_cores.py`. {header} CPU sets: "
        + ", ".join(f"`taskset -c {c}`" for c in cpus)
        + ". DuckDB gets one thread per core. Times: best of the repeats, validation "
        "included; peak: growth of the process' peak RSS during the first call (MiB). "
        "Results of cskit and DuckDB checked equal in every row.",
        "",
        f"| KPI | rows | cskit {first} core (s) | cskit {last} cores (s) | cskit speed-up "
        f"| DuckDB {first} thread (s) | DuckDB {last} threads (s) | DuckDB speed-up "
        f"| cskit ÷ DuckDB at {last} | rule met at {last} | cskit peak (MiB) "
        f"| DuckDB peak (MiB) |",
        "|---|---:|---:|---:|---:|---:|---:|---:|---:|---|---:|---:|",
    ]
    for kpi, group in table.groupby("kpi", sort=False):
        one = group[group["cores"] == first].iloc[0].to_dict()
        two = group[group["cores"] == last].iloc[0].to_dict()
        lines.append(
            f"| {kpi} | {int(two['rows']):,} | {one['cskit_s']:.2f} | {two['cskit_s']:.2f} "
            f"| {one['cskit_s'] / two['cskit_s']:.2f}× | {one['duckdb_s']:.2f} "
            f"| {two['duckdb_s']:.2f} | {one['duckdb_s'] / two['duckdb_s']:.2f}× "
            f"| {two['cskit_s'] / two['duckdb_s']:.2f} | {rule(one, two)} "
            f"| {two['cskit_peak_mib']:,.0f} | {two['duckdb_peak_mib']:,.0f} |"
        )
    return "\n".join(lines) + "\n"


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--customers", type=int, default=1_000_000)
    ap.add_argument("--months", type=int, default=36)
    ap.add_argument("--events", type=int, default=20_000_000)
    ap.add_argument("--users", type=int, default=200_000)
    ap.add_argument("--days", type=int, default=365)
    ap.add_argument("--repeat", type=int, default=2)
    ap.add_argument("--cpus", nargs="+", default=["0", "0,1"], help="taskset CPU lists")
    ap.add_argument("--only", nargs="+", help="time only these KPIs")
    ap.add_argument("--malloc", choices=("default", "fixed"), default="default",
                    help="'fixed': every allocation over 128 KiB is its own mmap (as the other "
                         "scripts do); 'default': glibc's own policy, as in a user's process")
    ap.add_argument("--out", type=Path, default=RESULTS / "cores.csv")
    ap.add_argument("--child", action="store_true", help=argparse.SUPPRESS)
    args, unknown = ap.parse_known_args(argv)
    if args.child:
        child(args)
        return 0
    if unknown:  # benchmarks/run.py passes the same options to every script
        print(f"ignoring options meant for other benchmarks: {' '.join(unknown)}")
    import duckdb

    header = (f"{args.customers:,} customers × {args.months} months; "
              f"{args.events:,} events of {args.users:,} users over {args.days} days. "
              f"Machine: {os.cpu_count()} CPUs, Python {platform.python_version()}, pandas "
              f"{pd.__version__}, numpy {np.__version__}, duckdb {duckdb.__version__}; best of "
              f"{args.repeat}.")
    print(header, flush=True)
    passed = [f"--{k}={getattr(args, k)}" for k in ("customers", "months", "events", "users",
                                                     "days", "repeat", "malloc")]
    passed += ["--only", *args.only] if args.only else []
    rows: list[dict] = []
    for cpus in args.cpus:
        cmd = ["taskset", "-c", cpus, sys.executable, str(Path(__file__).resolve()), "--child", *passed]
        proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, text=True)
        assert proc.stdout is not None
        for line in proc.stdout:
            if line.startswith("{"):
                row = json.loads(line)
                rows.append(row)
                print(f"taskset -c {cpus}: {row['kpi']}: cskit {row['cskit_s']:.2f} s, DuckDB "
                      f"({row['duckdb_threads']} threads) {row['duckdb_s']:.2f} s; peak "
                      f"+{row['cskit_peak_mib']} / +{row['duckdb_peak_mib']} MiB; equal",
                      flush=True)
            else:
                print(line, end="")
        if proc.wait() != 0:
            raise SystemExit(f"the child on CPUs {cpus} failed")
    table = pd.DataFrame(rows)
    table.insert(0, "kpi_cores", table["kpi"] + " @ " + table["cores"].astype(str) + " core(s)")
    args.out.parent.mkdir(parents=True, exist_ok=True)
    table.drop(columns="kpi").rename(columns={"kpi_cores": "kpi"}).to_csv(args.out, index=False)
    md = markdown(rows, args.cpus, header)
    args.out.with_suffix(".md").write_text(md)
    print(md)
    print(f"written: {args.out} and {args.out.with_suffix('.md')}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
