"""Larger than memory: the DuckDB path over Parquet against pandas, under one memory limit.

A CS team's billing history and product events outgrow a laptop long before they
outgrow a disk. For each topic this benchmark builds a Parquet "lake" (written part by
part, so building it never needs the whole table in memory):

* ``billing`` – monthly MRR rows (``customer_id, month, mrr``): movements, churn and
  (DuckDB) cohort retention;
* ``usage`` – product events (``user_id, timestamp``): DAU, WAU and MAU for every day.

Then, with **the same hard memory limit** for every run (``--limit-mb``, enforced with a
cgroup, see :class:`_memory.MemoryCap`):

1. **pandas path** – ``cskit.read_mrr`` / ``cskit.read_events`` on a folder and the
   accessor's KPIs, on the first 1, 2, 4 … parts until a run is killed for exceeding the
   limit, then bisecting: the largest data pandas can hold.
2. **DuckDB path** – :class:`cskit.engines.Engine` with DuckDB capped below the limit (it
   spills to disk), over the whole lake.

Each run is a fresh process (its peak memory is its own). The numbers are checked: on the
largest data both paths handle, DuckDB's results equal pandas'; on the whole lake they
equal totals computed while the lake was written (billing: closing MRR and paying
customers per month, and the movements reconcile; usage: DAU per day, and
DAU ≤ WAU ≤ MAU).

Usage::

    python benchmarks/bench_scale.py                  # both topics, 1 GiB limit
    python benchmarks/bench_scale.py --only usage --limit-mb 512

Writes ``results/scale.csv`` (one row per run) and ``results/scale.md`` (tables and
conclusions), which ``benchmarks/run.py`` appends to its summary. Lakes are kept in
``--lake`` (default ``benchmarks/.lake``, git-ignored) and reused when their parameters
match. Needs the ``engines`` extra.
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


# ---------------------------------------------------------------- topics


def _part_size(i: int, total: int, per_part: int) -> int:
    return min(per_part, total - i * per_part)


def _write_part(path: Path, i: int, key: str, ids: pd.Series, **columns: np.ndarray) -> None:
    """One Parquet part; ids get the part's prefix (``P003-…``) so parts never share one."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    prefixed = pd.Series(f"P{i:03d}-", index=ids.index, dtype="str") + ids
    table = {key: pa.array(prefixed.to_numpy(dtype=object), pa.string())}
    table.update({name: pa.array(values) for name, values in columns.items()})
    pq.write_table(pa.table(table), path, row_group_size=1_000_000)


class Billing:
    """Monthly MRR rows of disjoint customers per part."""

    name = "billing"
    unit = "customer-months"
    pandas_kpis = "mrr_movements, churn"
    duckdb_kpis = "mrr_movements, churn, cohort_retention"

    @staticmethod
    def params(args) -> dict:
        return {"customers": args.customers, "part_customers": args.part_customers,
                "months": args.months, "seed": args.seed}

    @staticmethod
    def n_parts(params: dict) -> int:
        return -(-params["customers"] // params["part_customers"])

    @staticmethod
    def write_part(i: int, params: dict, path: Path) -> tuple[int, pd.DataFrame]:
        from cskit.datasets import generate_mrr_panel

        panel = generate_mrr_panel(
            n_customers=_part_size(i, params["customers"], params["part_customers"]),
            n_months=params["months"], seed=params["seed"] + i)
        months = panel["month"].astype(str)
        _write_part(path, i, "customer_id", panel["customer_id"],
                    month=months.to_numpy(dtype=object), mrr=panel["mrr"].to_numpy(np.float64))
        totals = panel.groupby(months).agg(mrr=("mrr", "sum"), customers=("customer_id", "size"))
        return len(panel), totals

    @staticmethod
    def run_pandas(folder: Path) -> tuple[int, dict[str, pd.DataFrame]]:
        import cskit

        mrr = cskit.read_mrr(folder)
        return len(mrr), {
            "movements": mrr.cs.mrr_movements(),
            "churn": mrr.cs.churn()[["start_customers", "churned", "numerator", "denominator",
                                       "churn"]],
        }

    @staticmethod
    def run_duckdb(engine, table) -> tuple[dict[str, pd.DataFrame], dict[str, float]]:
        frames, timings = {}, {}
        for key, method in (("movements", engine.mrr_movements), ("churn", engine.churn),
                            ("cohorts", engine.cohort_retention)):
            tick = time.perf_counter()
            frames[key] = method(table)
            timings[f"{method.__name__}_s"] = time.perf_counter() - tick
        return frames, timings

    @staticmethod
    def compare(pandas_frames: dict, duck_frames: dict) -> str:
        pd.testing.assert_frame_equal(duck_frames["movements"], pandas_frames["movements"],
                                      check_names=False, check_freq=False, rtol=1e-9)
        pd.testing.assert_frame_equal(duck_frames["churn"], pandas_frames["churn"],
                                      check_names=False, check_freq=False, check_dtype=False)
        return (f"DuckDB's movements and churn equal pandas' for all "
                f"{len(pandas_frames['movements'])} months")

    @staticmethod
    def check_totals(duck_frames: dict, totals: pd.DataFrame) -> str:
        mv, churn = duck_frames["movements"], duck_frames["churn"]
        months = mv.index.astype(str)
        np.testing.assert_allclose(mv["end"].to_numpy(), totals.loc[months, "mrr"].to_numpy(),
                                   rtol=1e-9)
        rebuilt = (mv["start"] + mv["new"] + mv["expansion"] - mv["contraction"]
                   - mv["churn"] + mv["reactivation"])
        np.testing.assert_allclose(rebuilt.to_numpy(), mv["end"].to_numpy(), rtol=1e-9)
        previous = totals["customers"].shift(1).loc[churn.index.astype(str)]
        np.testing.assert_array_equal(churn["start_customers"].to_numpy(),
                                      previous.to_numpy().astype(np.int64))
        assert bool((duck_frames["cohorts"][0] == 1).all()), "every cohort is 100 % at age 0"
        return (f"closing MRR and paying customers equal the lake's totals for all "
                f"{len(mv)} months, and the movements reconcile")


class Usage:
    """Product events of disjoint users per part."""

    name = "usage"
    unit = "events"
    pandas_kpis = "active_users (DAU, WAU, MAU)"
    duckdb_kpis = "active_users (DAU, WAU, MAU)"

    @staticmethod
    def params(args) -> dict:
        return {"events": args.events, "part_events": args.part_events,
                "events_per_user": args.events_per_user, "days": args.days, "seed": args.seed}

    @staticmethod
    def n_parts(params: dict) -> int:
        return -(-params["events"] // params["part_events"])

    @staticmethod
    def write_part(i: int, params: dict, path: Path) -> tuple[int, pd.DataFrame]:
        from cskit.datasets import generate_events

        n = _part_size(i, params["events"], params["part_events"])
        events = generate_events(n_events=n, n_users=max(n // params["events_per_user"], 1),
                                 days=params["days"], seed=params["seed"] + i)
        _write_part(path, i, "user_id", events["user_id"].astype("str"),
                    timestamp=events["timestamp"].to_numpy())
        days = events["timestamp"].dt.floor("D")
        dau = pd.DataFrame({"user": events["user_id"], "day": days}).drop_duplicates() \
            .groupby("day").size()
        totals = pd.DataFrame({"dau": dau}).set_axis(dau.index.strftime("%Y-%m-%d"), axis=0)
        return len(events), totals

    @staticmethod
    def run_pandas(folder: Path) -> tuple[int, dict[str, pd.DataFrame]]:
        import cskit

        events = cskit.read_events(folder)
        return len(events), {
            "active_users": events.cs.active_users(window=28)[["dau", "wau", "mau"]],
        }

    @staticmethod
    def run_duckdb(engine, table) -> tuple[dict[str, pd.DataFrame], dict[str, float]]:
        tick = time.perf_counter()
        active = engine.active_users(table, window=28)[["dau", "wau", "mau"]]
        return {"active_users": active}, {"active_users_s": time.perf_counter() - tick}

    @staticmethod
    def compare(pandas_frames: dict, duck_frames: dict) -> str:
        pd.testing.assert_frame_equal(duck_frames["active_users"], pandas_frames["active_users"],
                                      check_freq=False, check_dtype=False, check_names=False)
        return (f"DuckDB's DAU, WAU and MAU equal pandas' for all "
                f"{len(pandas_frames['active_users'])} days")

    @staticmethod
    def check_totals(duck_frames: dict, totals: pd.DataFrame) -> str:
        active = duck_frames["active_users"]
        days = active.index.strftime("%Y-%m-%d")
        expected = totals["dau"].reindex(days, fill_value=0)
        np.testing.assert_array_equal(active["dau"].to_numpy(), expected.to_numpy())
        assert bool(((active["dau"] <= active["wau"]) & (active["wau"] <= active["mau"])).all())
        return (f"DAU equals the lake's distinct users per day on all {len(active)} days, "
                f"and DAU ≤ WAU ≤ MAU")


TOPICS = {"billing": Billing, "usage": Usage}


# ---------------------------------------------------------------- the lakes


def build_lake(topic, lake: Path, params: dict) -> dict:
    """Write ``part-NNN.parquet`` files and the totals to check against (``totals.pkl``).

    Returns the manifest (also in ``manifest.json``): parameters, parts, rows per part.
    """
    manifest_path = lake / "manifest.json"
    if manifest_path.exists():
        manifest = json.loads(manifest_path.read_text())
        if manifest.get("params") == params and all(
                (lake / name).exists() for name in manifest["parts"]):
            print(f"reusing the {topic.name} lake in {lake}", file=sys.stderr)
            return manifest
    shutil.rmtree(lake, ignore_errors=True)
    lake.mkdir(parents=True)
    parts, rows, totals = [], [], None
    started = time.perf_counter()
    for i in range(topic.n_parts(params)):
        name = f"part-{i:03d}.parquet"
        n, part_totals = topic.write_part(i, params, lake / name)
        totals = part_totals if totals is None else totals.add(part_totals, fill_value=0)
        parts.append(name)
        rows.append(n)
        print(f"  {topic.name}/{name}: {n:,} rows", file=sys.stderr, flush=True)
    totals.sort_index().to_pickle(lake / "totals.pkl")
    manifest = {
        "params": params, "parts": parts, "rows": rows,
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


def worker_main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--worker", choices=["pandas", "duckdb"], required=True)
    parser.add_argument("--topic", choices=list(TOPICS), required=True)
    parser.add_argument("--folder", type=Path, required=True)
    parser.add_argument("--out", type=Path, required=True)
    parser.add_argument("--duckdb-memory-mb", type=int, default=512)
    parser.add_argument("--threads", type=int, default=2)
    args = parser.parse_args(argv)
    topic = TOPICS[args.topic]
    args.out.mkdir(parents=True, exist_ok=True)
    started = time.perf_counter()
    if args.worker == "pandas":
        rows, frames = topic.run_pandas(args.folder)
        result = {"rows": rows}
    else:
        from cskit.engines import Engine

        engine = Engine.duckdb(memory_limit=f"{args.duckdb_memory_mb}MB", threads=args.threads,
                               temp_directory=str(args.out / "spill"))
        table = engine.read_parquet(args.folder / "*.parquet")
        frames, timings = topic.run_duckdb(engine, table)
        result = {"rows": int(engine._run(table.count())), **timings}
    result["seconds"] = time.perf_counter() - started
    for key, frame in frames.items():
        frame.to_pickle(args.out / f"{key}.pkl")
    result["peak_mb"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # KiB
    print("RESULT " + json.dumps(result), flush=True)
    return 0


# ---------------------------------------------------------------- the parent


def run_capped(cap: MemoryCap, engine: str, topic, folder: Path, out: Path, args) -> dict:
    """One worker process under the cap; its result, or why it failed."""
    shutil.rmtree(out, ignore_errors=True)
    argv = [sys.executable, str(Path(__file__).resolve()), "--worker", engine,
            "--topic", topic.name, "--folder", str(folder), "--out", str(out),
            "--duckdb-memory-mb", str(args.duckdb_memory_mb), "--threads", str(args.threads)]
    env = dict(os.environ, OMP_NUM_THREADS=str(args.threads))
    cap.reset_peak()
    started = time.perf_counter()
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


def _frames(out: Path) -> dict[str, pd.DataFrame]:
    return {path.stem: pd.read_pickle(path) for path in sorted(out.glob("*.pkl"))}


def run_topic(topic, cap: MemoryCap, args) -> tuple[list[dict], list[str], dict]:
    """The pandas ladder and the DuckDB runs of one topic, with their checks."""
    lake = args.lake / topic.name
    print(f"building the {topic.name} lake in {lake}", file=sys.stderr, flush=True)
    manifest = build_lake(topic, lake, topic.params(args))
    parts = manifest["parts"]
    cumulative = np.cumsum(manifest["rows"])
    work = lake / "runs"
    runs: list[dict] = []
    checks: list[str] = []

    def run(engine: str, k: int) -> dict:
        out = work / f"{engine}-{k:03d}"
        result = run_capped(cap, engine, topic, subset_folder(lake, parts[:k]), out, args)
        result.update(topic=topic.name, engine=engine, parts=k, rows=int(cumulative[k - 1]))
        runs.append(result)
        print(f"{topic.name}: {engine}, {k} part(s), {result['rows']:,} rows: "
              f"{result['status']} ({result['seconds']:.1f} s)", file=sys.stderr, flush=True)
        return result

    # 1, 2, 4 … parts until pandas fails, then bisect between the last success and the
    # first failure: the largest number of parts pandas holds under the limit.
    ladder = sorted({min(2**k, len(parts)) for k in range(len(parts).bit_length() + 1)})
    last_ok, first_bad = None, None
    for k in ladder:
        if run("pandas", k)["status"] != "ok":
            first_bad = k
            break
        last_ok = k
    if last_ok is not None and first_bad is not None:
        low, high = last_ok, first_bad
        while high - low > 1:
            middle = (low + high) // 2
            if run("pandas", middle)["status"] == "ok":
                low = middle
            else:
                high = middle
        last_ok = low
    runs.sort(key=lambda r: r["parts"])
    sizes = ([last_ok] if last_ok is not None and last_ok < len(parts) else []) + [len(parts)]
    for k in sizes:
        if run("duckdb", k)["status"] != "ok":
            continue
        duck = _frames(work / f"duckdb-{k:03d}")
        if k == last_ok:
            pandas_frames = _frames(work / f"pandas-{k:03d}")
            checks.append(f"on {cumulative[k - 1]:,} {topic.unit}: "
                          f"{topic.compare(pandas_frames, duck)}")
        if k == len(parts):
            checks.append(f"on all {cumulative[-1]:,} {topic.unit}: "
                          f"{topic.check_totals(duck, pd.read_pickle(lake / 'totals.pkl'))}")
    shutil.rmtree(work, ignore_errors=True)
    return runs, checks, manifest


def section(topic, runs: pd.DataFrame, checks: list[str], manifest: dict) -> list[str]:
    ok = runs[runs["status"] == "ok"]
    best = ok[ok["engine"] == "pandas"]["rows"].max()
    whole = ok[(ok["engine"] == "duckdb") & (ok["parts"] == len(manifest["parts"]))]
    lines = [
        f"### {topic.name}: {sum(manifest['rows']):,} {topic.unit}",
        "",
        f"{len(manifest['parts'])} Parquet files, {manifest['bytes'] / 2**20:,.0f} MiB on disk "
        f"({json.dumps(manifest['params'])}).",
        "",
        f"| path | KPIs | {topic.unit} | result | time (s) | peak RSS (MiB) "
        f"| peak charged to the limit (MiB) |",
        "|---|---|---:|---|---:|---:|---:|",
    ]
    for row in runs.itertuples(index=False):
        kpis = topic.pandas_kpis if row.engine == "pandas" else topic.duckdb_kpis
        peak = "–" if pd.isna(row.peak_mb) else f"{row.peak_mb:,.0f}"
        charged = "–" if pd.isna(row.charged_mb) else f"{row.charged_mb:,.0f}"
        lines.append(f"| {row.engine} | {kpis} | {row.rows:,} | {row.status} | "
                     f"{row.seconds:.1f} | {peak} | {charged} |")
    lines.append("")
    if whole.empty:
        lines.append("**The DuckDB path did not finish on the whole lake.**")
    elif pd.isna(best):
        lines.append("pandas could not hold even the smallest part under this limit.")
    elif best >= whole["rows"].iloc[0]:
        lines.append("pandas held the whole lake under this limit: raise the lake's size or "
                     "lower `--limit-mb` to see where it stops.")
    else:
        total = whole["rows"].iloc[0]
        failed = runs[(runs["engine"] == "pandas") & (runs["status"] != "ok")]["rows"].min()
        killed = "" if pd.isna(failed) else (
            f" and failed at {failed:,.0f} (the lake is {total / failed:.1f}× that)")
        lines.append(
            f"**Under the same limit, DuckDB computed {total:,} {topic.unit} in "
            f"{whole['seconds'].iloc[0]:.0f} s; pandas held {best:,.0f}{killed}: DuckDB "
            f"handled {total / best:.1f}× the most pandas could hold.**")
    lines += ["", "Checks: " + "; ".join(checks) + "." if checks else "Checks: none ran.", ""]
    return lines


def to_markdown(runs: pd.DataFrame, sections: list[list[str]], cap: MemoryCap, args) -> str:
    lines = [
        "## Larger than memory: DuckDB over Parquet vs pandas, same memory limit",
        "",
        f"Written by `python benchmarks/bench_scale.py`. Memory limit: {cap.describe()}; "
        f"DuckDB's own `memory_limit` {args.duckdb_memory_mb:,} MB (the rest of the limit is "
        f"Python, pandas and Ibis), spilling to disk. {os.cpu_count()} CPU(s), "
        f"{args.threads} thread(s), Python {platform.python_version()}, "
        f"pandas {pd.__version__}.",
        "",
        "Peak RSS is a process's own high-water mark (it includes shared library pages the "
        "limit charges elsewhere). Peak charged is what the limit itself saw: process memory "
        "plus the page cache of the files read and spilled, which the kernel reclaims before "
        "it kills. A killed run's time is how long it ran before the kernel ended it.",
        "",
    ]
    for part in sections:
        lines += part
    return "\n".join(lines).rstrip() + "\n"


def main(argv: list[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    if "--worker" in argv:
        return worker_main(argv)
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--only", nargs="+", choices=list(TOPICS), default=list(TOPICS))
    parser.add_argument("--limit-mb", type=int, default=1024,
                        help="hard memory limit for every run, in MiB (default 1024)")
    parser.add_argument("--duckdb-memory-mb", type=int, default=None,
                        help="DuckDB's memory_limit (default: half of --limit-mb)")
    parser.add_argument("--customers", type=int, default=4_000_000)
    parser.add_argument("--part-customers", type=int, default=250_000)
    parser.add_argument("--months", type=int, default=36)
    parser.add_argument("--events", type=int, default=120_000_000)
    parser.add_argument("--part-events", type=int, default=6_000_000)
    parser.add_argument("--events-per-user", type=int, default=100)
    parser.add_argument("--days", type=int, default=365)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--threads", type=int, default=2)
    parser.add_argument("--timeout", type=float, default=3600)
    parser.add_argument("--lake", type=Path, default=HERE / ".lake")
    parser.add_argument("--results", type=Path, default=RESULTS)
    args = parser.parse_args(argv)
    if args.duckdb_memory_mb is None:
        args.duckdb_memory_mb = args.limit_mb // 2

    all_runs, sections = [], []
    with MemoryCap(args.limit_mb) as cap:
        print(f"memory limit: {cap.describe()}", file=sys.stderr, flush=True)
        for name in args.only:
            topic = TOPICS[name]
            runs, checks, manifest = run_topic(topic, cap, args)
            table = pd.DataFrame(runs)
            for column in ("peak_mb", "charged_mb"):
                if column not in table:
                    table[column] = np.nan
            sections.append(section(topic, table, checks, manifest))
            all_runs.append(table)
        text = to_markdown(pd.concat(all_runs), sections, cap, args)
        runs = pd.concat(all_runs, ignore_index=True)
        runs["limit_mb"] = args.limit_mb
        runs["enforced"] = cap.enforced
    args.results.mkdir(parents=True, exist_ok=True)
    first = ["topic", "engine", "parts", "rows", "status", "seconds", "peak_mb", "charged_mb"]
    runs = runs[first + [c for c in runs.columns if c not in first]]
    runs.to_csv(args.results / "scale.csv", index=False, float_format="%.3f")
    (args.results / "scale.md").write_text(text, encoding="utf-8")
    print(text)
    duck = runs[runs["engine"] == "duckdb"]
    whole_lake = duck.loc[duck.groupby("topic")["parts"].idxmax(), "status"]
    return 0 if len(whole_lake) == len(args.only) and (whole_lake == "ok").all() else 1


if __name__ == "__main__":
    raise SystemExit(main())
