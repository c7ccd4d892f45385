"""benchmarks/bench_cores.py end to end on tiny data: pinned runs, equal results, a table.

The real figures come from running the script (benchmarks/results/cores.md). Here it
runs on one CPU set twice (so the table has a "first" and "last" column) with data
small enough for a test; every KPI's cskit and DuckDB results must agree (the
script stops otherwise) and every row must say how many cores and DuckDB threads it had.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pandas as pd
import pytest

BENCH = Path(__file__).resolve().parent.parent / "benchmarks" / "bench_cores.py"

pytest.importorskip("duckdb", reason="the reference needs pip install 'cskit[bench]'")


@pytest.mark.skipif(shutil.which("taskset") is None, reason="taskset (util-linux) not installed")
def test_bench_cores_runs_and_agrees_with_duckdb(tmp_path):
    out = tmp_path / "cores.csv"
    proc = subprocess.run(
        [sys.executable, str(BENCH), "--customers", "800", "--months", "12", "--events", "20000",
         "--users", "300", "--days", "40", "--repeat", "1", "--cpus", "0", "0",
         "--out", str(out)],
        capture_output=True, text=True, timeout=600,
    )
    assert proc.returncode == 0, proc.stdout + proc.stderr
    table = pd.read_csv(out)
    kpis = {k.split(" @ ")[0] for k in table["kpi"]}
    assert {"mrr_movements", "churn", "nrr", "grr", "revenue_churn", "cohort_retention",
            "to_mrr", "active_users", "stickiness", "sessions", "session_duration"} <= kpis
    assert (table["cores"] == 1).all() and (table["duckdb_threads"] == 1).all()
    md = out.with_suffix(".md").read_text()
    assert "| mrr_movements |" in md and "rule met" in md
