"""Benchmark: the billing KPIs, cskit vs the equivalent DuckDB SQL, on one million customers.

Usage::

    .venv/bin/python benchmarks/bench_billing.py                      # 1M customers x 36 months
    .venv/bin/python benchmarks/bench_billing.py --customers 100000  # a quick run

What is timed (wall clock, best of ``--repeat`` runs, in this one process)
--------------------------------------------------------------------------
* ``to_mrr`` on ``cskit.datasets.generate_subscriptions(N)`` (one line per
  customer, monthly and annual prices, discounts) and ``mrr_movements``,
  ``churn``, ``nrr`` and ``cohort_retention`` on
  ``cskit.datasets.generate_mrr_panel(N, 36)`` (about 12 rows per customer).
* **cskit** – the public function with its defaults, validation included,
  called on the pandas frame.
* **DuckDB** – one SQL query computing the same numbers, on the same pandas
  frame registered in DuckDB (read in place), fetched as a pandas frame
  (``.df()``). DuckDB cannot read ``Period`` columns, so before timing the
  months are given to it as integer month numbers; that preparation is not
  timed. The cohort matrix is pivoted from DuckDB's long result (timed).
  DuckDB gets ``--threads`` threads (default: the CPUs this process may use);
  cskit uses the same CPUs (its thread pool follows the process' CPU affinity).
  Every row records both (``cores``, ``duckdb_threads``).

The two results are compared (numbers equal to 1e-9 relative) before a row is
written; a mismatch stops the script.

Peak memory: the growth of the process' peak resident set during the first
run of each call (``VmHWM`` is reset through ``/proc/self/clear_refs`` before
the call, and freed memory is returned to the OS first), in MiB. It includes
the result, and for DuckDB the memory its engine allocates outside Python
(which ``tracemalloc`` would not see).

Output: a table on stdout and ``benchmarks/results/billing.csv`` with columns
``kpi, rows, cskit_s, duckdb_s, ratio, cskit_peak_mb, duckdb_peak_mb``
(ratio = cskit ÷ DuckDB; ≤ 1 means cskit is at least as fast).
"""

from __future__ import annotations

import argparse
import gc
import os
import platform
import time
from collections.abc import Callable
from pathlib import Path

import numpy as np
import pandas as pd
from _memory import cpu_count, fix_mmap_threshold, reset_peak, status_kib  # benchmarks/ on sys.path

import cskit
from cskit.metrics import churn, cohort_retention, mrr_movements, nrr, to_mrr

HERE = Path(__file__).resolve().parent
# Month numbers DuckDB computes from dates are year * 12 + month - 1; Period ordinals
# count from 1970-01 instead.
EPOCH_MONTH = 1970 * 12

# --------------------------------------------------------------------------- SQL
# The customer x month panel: one row per customer and month with MRR > 0, and for
# each row the customer's previous and next paying month and MRR.
PANEL = """
WITH cm AS (
    SELECT customer_id AS c, m, sum(mrr) AS v FROM mrr GROUP BY ALL HAVING sum(mrr) > 0
), bounds AS (SELECT min(m) AS lo, max(m) AS hi FROM mrr),
x AS (
    SELECT c, m, v,
           lag(m) OVER w AS pm, lag(v) OVER w AS pv,
           lead(m) OVER w AS nm, lead(v) OVER w AS nv
    FROM cm WINDOW w AS (PARTITION BY c ORDER BY m)
)
"""

SQL_MOVEMENTS = PANEL + """
, flows AS (
    SELECT m,
           sum(v) AS "end",
           sum(CASE WHEN pm IS NULL THEN v ELSE 0 END) AS new,
           sum(CASE WHEN pm = m - 1 AND v > pv THEN v - pv ELSE 0 END) AS expansion,
           sum(CASE WHEN pm = m - 1 AND v < pv THEN pv - v ELSE 0 END) AS contraction,
           sum(CASE WHEN pm < m - 1 THEN v ELSE 0 END) AS reactivation
    FROM x GROUP BY m
), lost AS (
    SELECT m + 1 AS m, sum(v) AS churn FROM x, bounds
    WHERE (nm IS NULL OR nm > m + 1) AND m < hi GROUP BY 1
)
SELECT m, lag("end") OVER (ORDER BY m) AS start, new, expansion, contraction,
       coalesce(churn, 0) AS churn, reactivation, "end"
FROM flows LEFT JOIN lost USING (m) ORDER BY m
"""

SQL_CHURN = PANEL + """
, starts AS (
    SELECT m + 1 AS m, count(*) AS start_customers,
           count(*) FILTER (WHERE nm IS NULL OR nm > m + 1) AS churned
    FROM x, bounds WHERE m < hi GROUP BY 1
), ends AS (
    SELECT m, count(*) AS end_customers,
           count(*) FILTER (WHERE pm IS NULL OR pm < m - 1) AS new_customers
    FROM x GROUP BY m
)
SELECT m, start_customers, new_customers, end_customers, churned,
       churned / start_customers AS churn
FROM starts JOIN ends USING (m) ORDER BY m
"""

SQL_NRR = PANEL + """
, w AS (
    SELECT m + 1 AS m, count(*) AS start_customers,
           count(*) FILTER (WHERE nm = m + 1) AS retained_customers,
           sum(v) AS start,
           sum(CASE WHEN nm = m + 1 AND nv > v THEN nv - v ELSE 0 END) AS expansion,
           sum(CASE WHEN nm = m + 1 AND nv < v THEN v - nv ELSE 0 END) AS contraction,
           sum(CASE WHEN nm = m + 1 THEN 0 ELSE v END) AS churn,
           sum(CASE WHEN nm = m + 1 THEN nv ELSE 0 END) AS "end"
    FROM x, bounds WHERE m < hi GROUP BY 1
)
SELECT *, "end" / start AS nrr FROM w ORDER BY m
"""

SQL_COHORTS = """
WITH cm AS (
    SELECT customer_id AS c, m FROM mrr GROUP BY ALL HAVING sum(mrr) > 0
), firsts AS (SELECT c, min(m) AS cohort FROM cm GROUP BY c),
counts AS (
    SELECT cohort, m - cohort AS age, count(*) AS n FROM cm JOIN firsts USING (c) GROUP BY ALL
)
SELECT cohort, age, n / first_value(n) OVER (PARTITION BY cohort ORDER BY age) AS retention
FROM counts
"""

SQL_TO_MRR = """
WITH s AS (
    SELECT customer_id, plan, product,
           CASE lower(interval) WHEN 'month' THEN 1 WHEN 'year' THEN 12
                ELSE try_cast(interval AS INTEGER) END AS k,
           amount * (1 - coalesce(discount, 0)) AS price,
           year(start) * 12 + month(start) - 1 AS first_m,
           year("end") * 12 + month("end") - 1 AS end_m
    FROM subs
), h AS (SELECT greatest(max(first_m), coalesce(max(end_m), max(first_m))) AS hi FROM s),
lines AS (
    SELECT customer_id, plan, product, price / k AS monthly, first_m,
           least(coalesce(end_m - 1, hi), hi) AS last_m
    FROM s, h WHERE k > 0 AND price > 0
), months AS (
    SELECT customer_id, plan, product, monthly, unnest(range(first_m, last_m + 1)) AS m
    FROM lines WHERE last_m >= first_m
)
SELECT customer_id, m, plan, product, sum(monthly) AS mrr
FROM months GROUP BY ALL ORDER BY customer_id, m, plan, product
"""


# --------------------------------------------------------------------------- memory
def measure(fn: Callable[[], object], repeat: int) -> tuple[object, float, float]:
    """Best time of ``repeat`` runs, and the peak extra MiB of the first run."""
    base = reset_peak()
    t = time.perf_counter()
    result = fn()
    best = time.perf_counter() - t
    peak = (status_kib("VmHWM") - base) / 1024
    for _ in range(repeat - 1):
        del result
        gc.collect()
        t = time.perf_counter()
        result = fn()
        best = min(best, time.perf_counter() - t)
    return result, best, peak


# --------------------------------------------------------------------------- DuckDB
class DuckDB:
    """A connection with the benchmark frames registered (read in place)."""

    def __init__(self, threads: int | None = None, **frames: pd.DataFrame) -> None:
        import duckdb

        self.con = duckdb.connect()
        self.threads = threads or cpu_count()
        self.con.execute(f"SET threads = {self.threads}")
        for name, frame in frames.items():
            self.con.register(name, frame)

    def df(self, sql: str) -> pd.DataFrame:
        return self.con.execute(sql).df()

    def close(self) -> None:
        self.con.close()


def duckdb_mrr_frame(mrr: pd.DataFrame) -> pd.DataFrame:
    """The mrr panel as DuckDB reads it: months as integers (not timed)."""
    return pd.DataFrame({
        "customer_id": mrr["customer_id"],
        "m": np.asarray(mrr["month"].array.asi8, dtype=np.int64),
        "mrr": mrr["mrr"],
    })


def cohort_matrix(long: pd.DataFrame) -> pd.DataFrame:
    wide = long.pivot(index="cohort", columns="age", values="retention").sort_index()
    return wide


# --------------------------------------------------------------------------- checks
def _close(a: object, b: object, what: str) -> None:
    a, b = np.asarray(a, dtype=float), np.asarray(b, dtype=float)
    if a.shape != b.shape or not np.allclose(a, b, rtol=1e-9, atol=1e-6, equal_nan=True):
        raise SystemExit(f"cskit and DuckDB disagree on {what}")


def check_to_mrr(ours: pd.DataFrame, theirs: pd.DataFrame) -> None:
    if len(ours) != len(theirs):
        raise SystemExit(f"to_mrr: {len(ours)} rows in cskit, {len(theirs)} in DuckDB")
    if not (ours["customer_id"].to_numpy() == theirs["customer_id"].to_numpy()).all():
        raise SystemExit("cskit and DuckDB disagree on to_mrr customers")
    months = np.asarray(ours["month"].array.asi8) + EPOCH_MONTH
    _close(months, theirs["m"], "to_mrr months")
    _close(ours["mrr"], theirs["mrr"], "to_mrr amounts")


def check_frame(ours: pd.DataFrame, theirs: pd.DataFrame, columns: list[str], what: str) -> None:
    theirs = theirs.iloc[1:] if len(theirs) == len(ours) + 1 else theirs  # first month
    months = np.asarray(ours.index.asi8)
    _close(months, theirs["m"], f"{what} months")
    for col in columns:
        _close(ours[col], theirs[col], f"{what} {col}")


def check_cohorts(ours: pd.DataFrame, theirs: pd.DataFrame) -> None:
    _close(np.asarray(ours.index.asi8), theirs.index, "cohorts")
    width = min(ours.shape[1], theirs.shape[1])
    _close(np.nan_to_num(ours.to_numpy()[:, :width]),
           np.nan_to_num(theirs.to_numpy()[:, :width]), "cohort retention")


# --------------------------------------------------------------------------- main
def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--customers", type=int, default=1_000_000)
    ap.add_argument("--months", type=int, default=36)
    ap.add_argument("--repeat", type=int, default=1, help="runs per call; the best is kept")
    ap.add_argument("--out", type=Path, default=HERE / "results" / "billing.csv")
    ap.add_argument("--only", nargs="+", help="time only these KPIs")
    ap.add_argument("--threads", type=int, help="DuckDB threads (default: the usable CPUs)")
    args = ap.parse_args(argv)
    fix_mmap_threshold()

    t0 = time.perf_counter()
    mrr = cskit.datasets.generate_mrr_panel(args.customers, args.months)
    subs = cskit.datasets.generate_subscriptions(args.customers, args.months)
    print(f"data: {len(subs):,} subscription lines, {len(mrr):,} customer-months "
          f"({args.customers:,} customers x {args.months} months), generated in "
          f"{time.perf_counter() - t0:.1f} s", flush=True)
    frames = {"mrr": duckdb_mrr_frame(mrr), "subs": subs}
    # A new DuckDB database per KPI, closed after it: a database keeps the memory of
    # earlier queries until it closes, which would hide the next query's peak.
    db = DuckDB(args.threads, **frames)

    def phase_to_mrr():
        ours, c_s, c_mb = measure(lambda: to_mrr(subs), args.repeat)
        theirs, d_s, d_mb = measure(lambda: db.df(SQL_TO_MRR), args.repeat)
        check_to_mrr(ours, theirs)
        return len(subs), c_s, d_s, c_mb, d_mb

    def phase_movements():
        ours, c_s, c_mb = measure(lambda: mrr_movements(mrr), args.repeat)
        theirs, d_s, d_mb = measure(lambda: db.df(SQL_MOVEMENTS), args.repeat)
        check_frame(ours, theirs, ["start", "new", "expansion", "contraction", "churn",
                                   "reactivation", "end"], "mrr_movements")
        return len(mrr), c_s, d_s, c_mb, d_mb

    def phase_churn():
        ours, c_s, c_mb = measure(lambda: churn(mrr), args.repeat)
        theirs, d_s, d_mb = measure(lambda: db.df(SQL_CHURN), args.repeat)
        check_frame(ours, theirs, ["start_customers", "new_customers", "end_customers",
                                   "churned", "churn"], "churn")
        return len(mrr), c_s, d_s, c_mb, d_mb

    def phase_nrr():
        ours, c_s, c_mb = measure(lambda: nrr(mrr), args.repeat)
        theirs, d_s, d_mb = measure(lambda: db.df(SQL_NRR), args.repeat)
        check_frame(ours, theirs, ["start_customers", "retained_customers", "start",
                                   "expansion", "contraction", "churn", "end", "nrr"], "nrr")
        return len(mrr), c_s, d_s, c_mb, d_mb

    def phase_cohorts():
        ours, c_s, c_mb = measure(lambda: cohort_retention(mrr), args.repeat)
        theirs, d_s, d_mb = measure(lambda: cohort_matrix(db.df(SQL_COHORTS)), args.repeat)
        check_cohorts(ours, theirs)  # both in Period ordinals (DuckDB got them as integers)
        return len(mrr), c_s, d_s, c_mb, d_mb

    phases = {
        "to_mrr": phase_to_mrr,
        "mrr_movements": phase_movements,
        "churn": phase_churn,
        "nrr": phase_nrr,
        "cohort_retention": phase_cohorts,
    }
    rows = []
    for name, run in phases.items():
        if args.only and name not in args.only:
            continue
        db.close()
        db = DuckDB(args.threads, **frames)
        n_rows, c_s, d_s, c_mb, d_mb = run()
        rows.append({"kpi": name, "rows": n_rows, "cskit_s": round(c_s, 3),
                     "duckdb_s": round(d_s, 3), "ratio": round(c_s / d_s, 3),
                     "cskit_peak_mb": round(c_mb), "duckdb_peak_mb": round(d_mb),
                     "cores": cpu_count(), "duckdb_threads": db.threads})
        print(f"{name}: cskit {c_s:.2f} s, DuckDB {d_s:.2f} s (ratio {c_s / d_s:.2f}); "
              f"peak +{c_mb:,.0f} / +{d_mb:,.0f} MiB; results equal", flush=True)
    db.close()

    table = pd.DataFrame(rows)
    print()
    print(f"{os.cpu_count()} CPU(s), {cpu_count()} usable, DuckDB {db.threads} thread(s), Python {platform.python_version()}, pandas "
          f"{pd.__version__}, numpy {np.__version__}, duckdb "
          f"{__import__('duckdb').__version__}; best of {args.repeat} run(s)")
    print(table.to_string(index=False))
    args.out.parent.mkdir(parents=True, exist_ok=True)
    temp = args.out.with_suffix(".csv.tmp")
    table.to_csv(temp, index=False)
    os.replace(temp, args.out)
    print(f"written: {args.out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
