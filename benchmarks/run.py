"""Run every KPI benchmark in this folder and write one summary table.

Usage::

    python benchmarks/run.py                      # run every bench_*.py, then summarise
    python benchmarks/run.py --only billing       # just bench_billing.py
    python benchmarks/run.py --summary-only       # summarise the CSVs already in results/
    python benchmarks/run.py -- --customers 100000  # arguments after -- go to every script

Each ``bench_<topic>.py`` runs on its own (a fresh process: its peak memory is its
own) and writes ``results/<topic>.csv`` with one row per KPI. The scripts are
written by different people, so this reads whatever columns they chose, as long
as they are recognisable (see :data:`ALIASES`: ``kpi``/``metric``, ``rows``/
``events``, ``cskit_s``, ``duckdb_s``/``reference_s``, ``peak_mb``…), and writes
``results/summary.md``: one table with KPI, rows, cskit time, reference time,
ratio (cskit ÷ reference; ≤ 1 means cskit is at least as fast) and peak memory.
A script whose results are not KPI timings (``bench_scale.py``: how much data each
path handles under one memory limit) writes ``results/<topic>.md`` too; those
sections follow the table. The README quotes that file.
"""

from __future__ import annotations

import argparse
import math
import os
import platform
import re
import subprocess
import sys
import time
from pathlib import Path

import pandas as pd

HERE = Path(__file__).resolve().parent
RESULTS = HERE / "results"

#: Column names each field may have in a script's CSV (after lower-casing and
#: replacing anything but letters and digits with "_").
ALIASES: dict[str, tuple[str, ...]] = {
    "kpi": ("kpi", "metric", "name", "benchmark", "operation", "task", "function", "step"),
    "rows": ("rows", "n_rows", "input_rows", "size", "n", "records", "events", "n_events",
             "customer_months", "rows_in"),
    "cskit_s": ("cskit_s", "cskit_time_s", "cskit_time", "cskit_seconds", "cskit_sec",
                "time_cskit", "cskit", "cskit_median_s", "cskit_best_s"),
    "reference_s": ("reference_s", "reference_time_s", "reference_time", "reference_seconds",
                    "ref_s", "duckdb_s", "duckdb_time_s", "duckdb_time", "duckdb_seconds",
                    "duckdb", "baseline_s", "reference_median_s", "duckdb_median_s",
                    "duckdb_best_s"),
    "ratio": ("ratio", "cskit_ratio", "speed_ratio", "ratio_cskit_reference",
              "ratio_cskit_duckdb"),
    "peak_mb": ("peak_mb", "peak_memory_mb", "peak_mem_mb", "cskit_peak_mb", "memory_mb",
                "peak_rss_mb", "peak_mib", "peak_memory_mib", "cskit_peak_mib"),
    "reference": ("reference", "reference_name", "engine", "baseline", "compared_with"),
}


def _norm(name: object) -> str:
    return re.sub(r"[^0-9a-z]+", "_", str(name).strip().lower()).strip("_")


def _find(columns: dict[str, str], field: str) -> str | None:
    """The original column holding ``field``: an alias, else a recognisable name."""
    for alias in ALIASES[field]:
        if alias in columns:
            return columns[alias]
    timed = re.compile(r"(^|_)(s|sec|secs|seconds|time|median|best)(_|$)")
    for norm, original in columns.items():
        if field == "cskit_s" and "cskit" in norm and timed.search(norm) and "peak" not in norm:
            return original
        if field == "reference_s" and re.search(r"duckdb|reference|baseline|(^|_)ref(_|$)",
                                                norm) and timed.search(norm):
            return original
        if field == "peak_mb" and ("peak" in norm or "mem" in norm):
            return original
    return None


def _megabytes(values: pd.Series, column: str) -> pd.Series:
    numbers = pd.to_numeric(values, errors="coerce")
    norm = _norm(column)
    if norm.endswith(("_gb", "_gib")):
        return numbers * 1024
    if norm.endswith(("_kb", "_kib")):
        return numbers / 1024
    if norm.endswith("bytes") or norm.endswith("_b"):
        return numbers / 2**20
    return numbers


def read_results(folder: Path = RESULTS) -> pd.DataFrame:
    """Every ``*.csv`` in ``folder`` as one table with the standard columns.

    Columns: ``topic`` (the file's name), ``kpi``, ``rows``, ``cskit_s``,
    ``reference_s``, ``ratio``, ``peak_mb``, ``reference``; missing ones are NaN.
    """
    frames = []
    for path in sorted(folder.glob("*.csv")):
        raw = pd.read_csv(path)
        if raw.empty:
            continue
        columns = {_norm(c): c for c in raw.columns}
        found = {field: _find(columns, field) for field in ALIASES}
        if found["cskit_s"] is None and found["reference_s"] is None:
            continue  # not a KPI timing table (e.g. scale.csv: it has its own scale.md)
        table = pd.DataFrame(index=raw.index)
        table["topic"] = path.stem
        table["kpi"] = raw[found["kpi"]].astype(str) if found["kpi"] else [
            f"{path.stem} #{i + 1}" for i in range(len(raw))]
        for field in ("rows", "cskit_s", "reference_s", "ratio"):
            table[field] = pd.to_numeric(raw[found[field]], errors="coerce") if found[field] \
                else math.nan
        table["peak_mb"] = _megabytes(raw[found["peak_mb"]], found["peak_mb"]) \
            if found["peak_mb"] else math.nan
        reference = found["reference"]
        if reference:
            table["reference"] = raw[reference].astype(str)
        else:
            name = found["reference_s"] or ""
            table["reference"] = "DuckDB" if "duckdb" in _norm(name) else (
                "reference" if name else "")
        missing_ratio = table["ratio"].isna()
        table.loc[missing_ratio, "ratio"] = table["cskit_s"] / table["reference_s"]
        frames.append(table)
    columns = ["topic", "kpi", "rows", "cskit_s", "reference_s", "ratio", "peak_mb",
               "reference"]
    if not frames:
        return pd.DataFrame(columns=columns)
    return pd.concat(frames, ignore_index=True)[columns]


def _fmt(value: float, pattern: str) -> str:
    return "–" if value is None or (isinstance(value, float) and math.isnan(value)) \
        else format(value, pattern)


def to_markdown(table: pd.DataFrame, *, failures: dict[str, str] | None = None,
                sections: list[str] | None = None) -> str:
    """The summary as a Markdown table (one line per KPI), with how it was measured."""
    lines = [
        "# Benchmark summary",
        "",
        "Written by `python benchmarks/run.py` from `benchmarks/results/*.csv`. Times in "
        "seconds (wall clock); ratio = cskit ÷ reference (≤ 1.00: cskit is at least as fast); "
        "peak memory in MiB as each script reports it.",
        "",
        f"Machine: {os.cpu_count()} CPU(s), Python {platform.python_version()}, "
        f"pandas {pd.__version__}, {platform.system()} {platform.machine()}.",
        "",
        "| KPI | rows | cskit time (s) | reference time (s) | ratio | peak memory (MiB) |",
        "|---|---:|---:|---:|---:|---:|",
    ]
    for row in table.itertuples(index=False):
        kpi = row.kpi if not row.reference else f"{row.kpi} (vs {row.reference})"
        rows = _fmt(float(row.rows), ",.0f") if not pd.isna(row.rows) else "–"
        lines.append(
            f"| {kpi} | {rows} | {_fmt(float(row.cskit_s), '.2f')} | "
            f"{_fmt(float(row.reference_s), '.2f')} | {_fmt(float(row.ratio), '.2f')} | "
            f"{_fmt(float(row.peak_mb), ',.0f')} |"
        )
    if table.empty:
        lines.append("| (no results yet) | | | | | |")
    for script, reason in (failures or {}).items():
        lines += ["", f"**{script} failed**: {reason}"]
    for section in sections or []:
        lines += ["", section.strip()]
    return "\n".join(lines) + "\n"


def extra_sections(folder: Path = RESULTS) -> list[str]:
    """Results a script reports in its own Markdown (``results/<topic>.md``, e.g. the
    larger-than-memory run of ``bench_scale.py``), appended to the summary as they are."""
    return [path.read_text(encoding="utf-8") for path in sorted(folder.glob("*.md"))
            if path.name != "summary.md"]


def scripts(only: list[str] | None = None) -> list[Path]:
    """The benchmark scripts: ``bench_*.py`` in this folder (``--only`` filters by topic)."""
    found = sorted(HERE.glob("bench_*.py"))
    if only:
        found = [p for p in found if p.stem.removeprefix("bench_") in only or p.stem in only]
    return found


def run_script(path: Path, extra: list[str], timeout: float) -> tuple[int, float, str]:
    """Run one benchmark in its own process; its output goes to this terminal."""
    started = time.monotonic()
    try:
        done = subprocess.run([sys.executable, str(path), *extra], cwd=HERE.parent,
                              timeout=timeout, stderr=subprocess.PIPE, text=True)
    except subprocess.TimeoutExpired:
        return 124, time.monotonic() - started, f"timed out after {timeout:.0f} s"
    tail = done.stderr.strip().splitlines()[-1] if done.returncode and done.stderr.strip() \
        else ""
    if done.stderr:
        sys.stderr.write(done.stderr)
    return done.returncode, time.monotonic() - started, tail


def main(argv: list[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    extra: list[str] = []
    if "--" in argv:
        cut = argv.index("--")
        argv, extra = argv[:cut], argv[cut + 1:]
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--only", nargs="+", metavar="TOPIC",
                        help="run only these scripts (billing, usage, …)")
    parser.add_argument("--summary-only", action="store_true",
                        help="do not run anything; summarise the existing results")
    parser.add_argument("--timeout", type=float, default=3 * 3600,
                        help="time limit per script in seconds (default 3 h)")
    parser.add_argument("--results", type=Path, default=RESULTS,
                        help="folder of the CSV results and of summary.md")
    args = parser.parse_args(argv)
    failures: dict[str, str] = {}
    if not args.summary_only:
        todo = scripts(args.only)
        if not todo:
            print("no benchmark scripts (benchmarks/bench_*.py) to run", file=sys.stderr)
        for path in todo:
            print(f"== {path.name}", file=sys.stderr, flush=True)
            status, seconds, reason = run_script(path, extra, args.timeout)
            print(f"== {path.name}: exit {status} after {seconds:.0f} s", file=sys.stderr)
            if status != 0:
                failures[path.name] = reason or f"exit status {status}"
    args.results.mkdir(parents=True, exist_ok=True)
    table = read_results(args.results)
    text = to_markdown(table, failures=failures, sections=extra_sections(args.results))
    target = args.results / "summary.md"
    temp = target.with_suffix(".md.tmp")
    temp.write_text(text, encoding="utf-8")
    os.replace(temp, target)
    print(text)
    print(f"written: {target}", file=sys.stderr)
    return 1 if failures else 0


if __name__ == "__main__":
    raise SystemExit(main())
