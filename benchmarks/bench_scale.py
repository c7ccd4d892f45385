"""Larger than memory: the DuckDB path over Parquet against pandas, under one memory limit.

A CS team's billing history outgrows a laptop long before it outgrows a disk. This
benchmark builds a Parquet "lake" of monthly MRR rows (``customer_id, month, mrr``,
written part by part so that building it never needs the whole table in memory),
then, with **the same hard memory limit** for both (``--limit-mb``, enforced with a
cgroup, see :class:`_memory.MemoryCap`):

1. **pandas path** – ``cskit.read_mrr`` then ``.cs.mrr_movements()`` and
   ``.cs.churn()`` on the first 1, 2, 4, 8 … parts, until a run is killed for
   exceeding the limit: the largest history pandas can hold.
2. **DuckDB path** – :class:`cskit.engines.Engine` with DuckDB capped below the limit
   (it spills to disk), ``mrr_movements``, ``churn`` and ``cohort_retention`` over the
   whole lake.

Each run is a fresh process (its peak memory is its own). The numbers are checked:
on the largest size both paths handle, DuckDB's movements and churn equal pandas'
(to 1e-9); on the whole lake, DuckDB's closing MRR and paying customers for every
month equal totals computed while writing the lake, and the movements reconcile
(start + new + expansion − contraction − churn + reactivation = end).

Usage::

    python benchmarks/bench_scale.py                      # 1 GiB limit, 4M customers (~48M rows)
    python benchmarks/bench_scale.py --limit-mb 512 --customers 1000000

Writes ``results/scale.csv`` (one row per run) and ``results/scale.md`` (the table and
the conclusion), which ``benchmarks/run.py`` appends to its summary. The lake is kept in
``--lake`` (default ``benchmarks/.lake``, git-ignored) and reused when its parameters match.
Needs the ``bench`` and ``engines`` extras.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import resource
import shutil
import sys
import time
from pathlib import Path

import numpy as np
import pandas as pd

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
from _memory import MemoryCap  # noqa: E402  (benchmarks/ is on sys.path)

RESULTS = HERE / "results"
COLUMNS = ["customer_id", "month", "mrr"]


# ---------------------------------------------------------------- the lake


def build_lake(lake: Path, *, customers: int, part_customers: int, months: int,
               seed: int) -> dict:
    """Write ``part-NNN.parquet`` files of disjoint customers and the monthly totals.

    Returns the manifest (also written to ``manifest.json``): parameters, rows per
    part, and per month the MRR total and the number of paying customers.
    """
    import pyarrow as pa
    import pyarrow.parquet as pq

    from cskit.datasets import generate_mrr_panel

    params = {"customers": customers, "part_customers": part_customers, "months": months,
              "seed": seed}
    manifest_path = lake / "manifest.json"
    if manifest_path.exists():
        manifest = json.loads(manifest_path.read_text())
        if manifest.get("params") == params and all(
                (lake / name).exists() for name in manifest["parts"]):
            print(f"reusing the lake in {lake}", file=sys.stderr)
            return manifest
    shutil.rmtree(lake, ignore_errors=True)
    lake.mkdir(parents=True)
    n_parts = -(-customers // part_customers)
    parts, rows, totals = [], [], None
    started = time.perf_counter()
    for i in range(n_parts):
        n = min(part_customers, customers - i * part_customers)
        panel = generate_mrr_panel(n_customers=n, n_months=months, seed=seed + i)
        ids = pd.Series(f"P{i:03d}-", index=panel.index, dtype="str") + panel["customer_id"]
        table = pa.table({
            "customer_id": pa.array(ids.to_numpy(dtype=object), pa.string()),
            "month": pa.array(panel["month"].astype(str).to_numpy(dtype=object), pa.string()),
            "mrr": pa.array(panel["mrr"].to_numpy(dtype=np.float64)),
        })
        name = f"part-{i:03d}.parquet"
        pq.write_table(table, lake / name, row_group_size=1_000_000)
        month_totals = panel.groupby(panel["month"].astype(str)).agg(
            mrr=("mrr", "sum"), customers=("customer_id", "size"))
        totals = month_totals if totals is None else totals.add(month_totals, fill_value=0)
        parts.append(name)
        rows.append(len(panel))
        print(f"  {name}: {len(panel):,} rows", file=sys.stderr, flush=True)
        del panel, ids, table
    manifest = {
        "params": params, "parts": parts, "rows": rows,
        "months": totals.index.tolist(), "mrr": totals["mrr"].tolist(),
        "customers": [int(c) for c in totals["customers"]],
        "bytes": sum((lake / name).stat().st_size for name in parts),
        "build_s": round(time.perf_counter() - started, 1),
    }
    manifest_path.write_text(json.dumps(manifest))
    return manifest


def subset_folder(lake: Path, parts: list[str]) -> Path:
    """A folder of links to the first ``len(parts)`` parts: one Parquet dataset to read."""
    folder = lake / "subsets" / f"{len(parts):03d}"
    if not folder.exists():
        folder.mkdir(parents=True)
        for name in parts:
            os.symlink(lake / name, folder / name)
    return folder


# ---------------------------------------------------------------- workers (capped processes)


def _peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # KiB on Linux


def worker_pandas(folder: Path, out: Path) -> dict:
    import cskit

    started = time.perf_counter()
    mrr = cskit.read_mrr(folder, format="parquet")
    loaded = time.perf_counter()
    movements = mrr.cs.mrr_movements()
    churn = mrr.cs.churn()[["start_customers", "churned", "churn_rate"]]
    done = time.perf_counter()
    movements.to_pickle(out / "pandas_movements.pkl")
    churn.to_pickle(out / "pandas_churn.pkl")
    return {"rows": len(mrr), "load_s": loaded - started, "kpi_s": done - loaded,
            "seconds": done - started}


def worker_duckdb(folder: Path, out: Path, memory_limit_mb: int, threads: int,
                  spill: Path) -> dict:
    from cskit.engines import Engine

    spill.mkdir(parents=True, exist_ok=True)
    started = time.perf_counter()
    engine = Engine.duckdb(memory_limit=f"{memory_limit_mb}MB", threads=threads,
                           temp_directory=str(spill))
    mrr = engine.read_parquet(str(folder / "*.parquet"))
    rows = int(mrr.count().execute())
    timings = {}
    tick = time.perf_counter()
    movements = engine.mrr_movements(mrr)
    timings["mrr_movements_s"] = time.perf_counter() - tick
    tick = time.perf_counter()
    churn = engine.churn(mrr)
    timings["churn_s"] = time.perf_counter() - tick
    tick = time.perf_counter()
    cohorts = engine.cohort_retention(mrr)
    timings["cohort_retention_s"] = time.perf_counter() - tick
    movements.to_pickle(out / "duckdb_movements.pkl")
    churn.to_pickle(out / "duckdb_churn.pkl")
    cohorts.to_pickle(out / "duckdb_cohorts.pkl")
    return {"rows": rows, "seconds": time.perf_counter() - started, **timings}


def worker_main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--worker", choices=["pandas", "duckdb"], required=True)
    parser.add_argument("--folder", type=Path, required=True)
    parser.add_argument("--out", type=Path, required=True)
    parser.add_argument("--duckdb-memory-mb", type=int, default=512)
    parser.add_argument("--threads", type=int, default=2)
    parser.add_argument("--spill", type=Path)
    args = parser.parse_args(argv)
    args.out.mkdir(parents=True, exist_ok=True)
    if args.worker == "pandas":
        result = worker_pandas(args.folder, args.out)
    else:
        result = worker_duckdb(args.folder, args.out, args.duckdb_memory_mb, args.threads,
                               args.spill or args.out / "spill")
    result["peak_mb"] = _peak_mb()
    print("RESULT " + json.dumps(result), flush=True)
    return 0


# ---------------------------------------------------------------- the parent


def run_capped(cap: MemoryCap, engine: str, folder: Path, out: Path, args) -> dict:
    """One worker process under the cap; its result, or why it failed."""
    shutil.rmtree(out, ignore_errors=True)
    argv = [sys.executable, str(Path(__file__).resolve()), "--worker", engine,
            "--folder", str(folder), "--out", str(out),
            "--duckdb-memory-mb", str(args.duckdb_memory_mb), "--threads", str(args.threads),
            "--spill", str(out / "spill")]
    started = time.perf_counter()
    env = dict(os.environ, OMP_NUM_THREADS=str(args.threads))
    cap.reset_peak()
    done = cap.run(argv, capture_output=True, text=True, timeout=args.timeout, env=env)
    wall = time.perf_counter() - started
    charged = cap.peak_mb() if cap.kind == "cgroup v1" else None  # v2: not reset per run
    lines = [ln for ln in done.stdout.splitlines() if ln.startswith("RESULT ")]
    if done.returncode == 0 and lines:
        result = json.loads(lines[-1].removeprefix("RESULT "))
        over = not cap.enforced and result["peak_mb"] > cap.limit_mb
        result["status"] = "over the limit (peak)" if over else "ok"
        result["charged_mb"] = charged
        return result
    if cap.oom_killed(done.returncode):
        status = "killed: out of memory"
    else:
        tail = (done.stderr.strip().splitlines() or ["no output"])[-1]
        status = "MemoryError" if "MemoryError" in done.stderr else \
            f"failed (exit {done.returncode}): {tail[:200]}"
    return {"status": status, "seconds": wall, "charged_mb": charged}


def check_against_pandas(out_pandas: Path, out_duck: Path) -> str:
    """DuckDB's movements and churn equal the pandas ones (same subset)."""
    mv_p = pd.read_pickle(out_pandas / "pandas_movements.pkl")
    mv_d = pd.read_pickle(out_duck / "duckdb_movements.pkl")
    pd.testing.assert_frame_equal(mv_d, mv_p, check_names=False, check_freq=False, rtol=1e-9)
    ch_p = pd.read_pickle(out_pandas / "pandas_churn.pkl")
    ch_d = pd.read_pickle(out_duck / "duckdb_churn.pkl")
    pd.testing.assert_frame_equal(ch_d, ch_p, check_names=False, check_freq=False,
                                  check_dtype=False)
    return f"equal for all {len(mv_p)} months"


def check_against_manifest(out_duck: Path, manifest: dict) -> str:
    """DuckDB's closing MRR and customers per month equal the totals written with the lake."""
    mv = pd.read_pickle(out_duck / "duckdb_movements.pkl")
    churn = pd.read_pickle(out_duck / "duckdb_churn.pkl")
    cohorts = pd.read_pickle(out_duck / "duckdb_cohorts.pkl")
    truth = pd.DataFrame({"mrr": manifest["mrr"], "customers": manifest["customers"]},
                         index=manifest["months"])
    months = mv.index.astype(str)
    np.testing.assert_allclose(mv["end"].to_numpy(), truth.loc[months, "mrr"].to_numpy(),
                               rtol=1e-9)
    rebuilt = (mv["start"] + mv["new"] + mv["expansion"] - mv["contraction"] - mv["churn"]
               + mv["reactivation"])
    np.testing.assert_allclose(rebuilt.to_numpy(), mv["end"].to_numpy(), rtol=1e-9)
    previous = truth["customers"].shift(1).loc[churn.index.astype(str)]
    np.testing.assert_array_equal(churn["start_customers"].to_numpy(),
                                  previous.to_numpy().astype(np.int64))
    assert bool((cohorts[0] == 1).all()), "every cohort is 100 % at age 0"
    return (f"closing MRR and paying customers equal the lake's totals for all {len(mv)} "
            f"months; movements reconcile")


def to_markdown(table: pd.DataFrame, cap: MemoryCap, manifest: dict, checks: list[str],
                args) -> str:
    ok = table[table["status"] == "ok"]
    best_pandas = ok[ok["engine"] == "pandas"]["rows"].max()
    duck = ok[(ok["engine"] == "duckdb") & (ok["parts"] == len(manifest["parts"]))]
    lines = [
        "## Larger than memory: DuckDB over Parquet vs pandas, same memory limit",
        "",
        f"Written by `python benchmarks/bench_scale.py`. Memory limit: {cap.describe()}; "
        f"DuckDB's own `memory_limit` {args.duckdb_memory_mb:,} MB (the rest of the limit is "
        f"Python, pandas and Ibis), spilling to disk. Lake: {sum(manifest['rows']):,} rows "
        f"(customer-months) of {manifest['params']['customers']:,} customers in "
        f"{len(manifest['parts'])} Parquet files, {manifest['bytes'] / 2**20:,.0f} MiB on "
        f"disk. {os.cpu_count()} CPU(s), {args.threads} thread(s), Python "
        f"{platform.python_version()}, pandas {pd.__version__}.",
        "",
        "| path | KPIs | rows | result | time (s) | peak RSS (MiB) | peak charged to the limit (MiB) |",
        "|---|---|---:|---|---:|---:|---:|",
    ]
    for row in table.itertuples(index=False):
        kpis = "mrr_movements, churn" if row.engine == "pandas" else \
            "mrr_movements, churn, cohort_retention"
        peak = "–" if pd.isna(row.peak_mb) else f"{row.peak_mb:,.0f}"
        charged = "–" if pd.isna(row.charged_mb) else f"{row.charged_mb:,.0f}"
        lines.append(f"| {row.engine} | {kpis} | {row.rows:,} | {row.status} | "
                     f"{row.seconds:.1f} | {peak} | {charged} |")
    lines += [
        "",
        "Peak RSS is the process's own high-water mark; it includes shared library pages "
        "the limit charges elsewhere. Peak charged is what the limit itself saw (process "
        "memory plus the page cache of the files read, which the kernel reclaims before "
        "it kills). A killed run shows how far it got before the kernel ended it.",
    ]
    lines.append("")
    if not duck.empty and not pd.isna(best_pandas) and best_pandas < duck["rows"].iloc[0]:
        factor = duck["rows"].iloc[0] / best_pandas
        lines.append(
            f"**DuckDB computed {duck['rows'].iloc[0]:,} rows in {duck['seconds'].iloc[0]:.0f} s "
            f"under the limit in which pandas could hold at most {best_pandas:,.0f} rows: "
            f"{factor:.1f}× larger.**")
    if not duck.empty and best_pandas == duck["rows"].iloc[0]:
        lines.append("pandas held the whole lake under this limit: raise `--customers` or "
                     "lower `--limit-mb` to see where it stops.")
    elif not duck.empty and pd.isna(best_pandas):
        lines.append("pandas could not hold even the smallest subset under this limit.")
    lines += ["", "Checks: " + "; ".join(checks) + "."]
    return "\n".join(lines) + "\n"


def main(argv: list[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    if "--worker" in argv:
        return worker_main(argv)
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--limit-mb", type=int, default=1024,
                        help="hard memory limit for every run, in MiB (default 1024)")
    parser.add_argument("--duckdb-memory-mb", type=int, default=None,
                        help="DuckDB's memory_limit (default: half of --limit-mb)")
    parser.add_argument("--customers", type=int, default=4_000_000)
    parser.add_argument("--part-customers", type=int, default=250_000)
    parser.add_argument("--months", type=int, default=36)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--threads", type=int, default=2)
    parser.add_argument("--timeout", type=float, default=3600)
    parser.add_argument("--lake", type=Path, default=HERE / ".lake")
    parser.add_argument("--results", type=Path, default=RESULTS)
    args = parser.parse_args(argv)
    if args.duckdb_memory_mb is None:
        args.duckdb_memory_mb = args.limit_mb // 2

    print(f"building the lake in {args.lake}", file=sys.stderr, flush=True)
    manifest = build_lake(args.lake, customers=args.customers,
                          part_customers=args.part_customers, months=args.months,
                          seed=args.seed)
    parts = manifest["parts"]
    cumulative = np.cumsum(manifest["rows"])
    runs, checks = [], []
    work = args.lake / "runs"
    with MemoryCap(args.limit_mb) as cap:
        print(f"memory limit: {cap.describe()}", file=sys.stderr, flush=True)

        def pandas_run(k: int) -> bool:
            folder = subset_folder(args.lake, parts[:k])
            result = run_capped(cap, "pandas", folder, work / f"pandas-{k:03d}", args)
            result.update(engine="pandas", parts=k, rows=int(cumulative[k - 1]))
            runs.append(result)
            print(f"pandas, {k} part(s), {result['rows']:,} rows: {result['status']} "
                  f"({result['seconds']:.1f} s)", file=sys.stderr, flush=True)
            return result["status"] == "ok"

        # 1, 2, 4 … parts until pandas fails, then bisect between the last success and
        # the first failure: the largest number of parts pandas holds under the limit.
        ladder = sorted({min(2**k, len(parts)) for k in range(len(parts).bit_length() + 1)})
        last_ok, first_bad = None, None
        for k in ladder:
            if not pandas_run(k):
                first_bad = k
                break
            last_ok = k
        if last_ok is not None and first_bad is not None:
            low, high = last_ok, first_bad
            while high - low > 1:
                middle = (low + high) // 2
                if pandas_run(middle):
                    low = middle
                else:
                    high = middle
            last_ok = low
        runs.sort(key=lambda run: run["parts"])
        if last_ok is not None and last_ok < len(parts):
            # DuckDB on the largest subset pandas managed: the same numbers?
            folder = subset_folder(args.lake, parts[:last_ok])
            result = run_capped(cap, "duckdb", folder, work / f"duckdb-{last_ok:03d}", args)
            result.update(engine="duckdb", parts=last_ok, rows=int(cumulative[last_ok - 1]))
            runs.append(result)
            if result["status"] == "ok":
                checks.append(f"on {result['rows']:,} rows DuckDB's movements and churn equal "
                              f"pandas' ({check_against_pandas(work / f'pandas-{last_ok:03d}', work / f'duckdb-{last_ok:03d}')})")
        folder = subset_folder(args.lake, parts)
        result = run_capped(cap, "duckdb", folder, work / f"duckdb-{len(parts):03d}", args)
        result.update(engine="duckdb", parts=len(parts), rows=int(cumulative[-1]))
        runs.append(result)
        if last_ok == len(parts) and result["status"] == "ok":
            checks.append(f"on {result['rows']:,} rows DuckDB's movements and churn equal "
                          f"pandas' ({check_against_pandas(work / f'pandas-{last_ok:03d}', work / f'duckdb-{last_ok:03d}')})")
        print(f"duckdb, all {len(parts)} parts, {result['rows']:,} rows: {result['status']} "
              f"({result['seconds']:.1f} s)", file=sys.stderr, flush=True)
        if result["status"] == "ok":
            checks.append(check_against_manifest(work / f"duckdb-{len(parts):03d}", manifest))
        table = pd.DataFrame(runs)
        for column in ("peak_mb", "charged_mb", "mrr_movements_s", "churn_s", "cohort_retention_s"):
            if column not in table:
                table[column] = np.nan
        table["limit_mb"] = args.limit_mb
        table["enforced"] = cap.enforced
        text = to_markdown(table, cap, manifest, checks, args)
    args.results.mkdir(parents=True, exist_ok=True)
    table[["engine", "parts", "rows", "status", "seconds", "peak_mb", "charged_mb",
           "mrr_movements_s",
           "churn_s", "cohort_retention_s", "limit_mb", "enforced"]].to_csv(
        args.results / "scale.csv", index=False, float_format="%.3f")
    (args.results / "scale.md").write_text(text, encoding="utf-8")
    print(text)
    shutil.rmtree(work, ignore_errors=True)
    duck_ok = table[(table["engine"] == "duckdb") & (table["parts"] == len(parts))]["status"]
    return 0 if (duck_ok == "ok").all() else 1


if __name__ == "__main__":
    raise SystemExit(main())
