"""benchmarks/bench_small.py: every accessor KPI on the sample company, timed in a fresh process."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pandas as pd

BENCH = Path(__file__).resolve().parent.parent / "benchmarks" / "bench_small.py"


def test_bench_small_times_every_kpi_it_can_call(tmp_path):
    out = tmp_path / "small.csv"
    proc = subprocess.run([sys.executable, str(BENCH), "--repeat", "1", "--out", str(out)],
                          capture_output=True, text=True, timeout=600)
    assert proc.returncode in (0, 1), proc.stderr  # 1: a KPI was not instant (reported)
    table = pd.read_csv(out)
    assert {"mrr_movements", "churn", "nrr", "active_users", "session_duration"} <= set(table["kpi"])
    assert (table["best_ms"] > 0).all() and (table["first_call_ms"] > 0).all()
    assert "import cskit:" in proc.stdout
