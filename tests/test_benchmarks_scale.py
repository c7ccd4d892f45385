"""benchmarks/bench_scale.py: the larger-than-memory run, on a lake small enough for a test.

The real figures come from running the script (see benchmarks/results/scale.md); here
the script runs end to end on two lakes of 4 tiny parts each and must find DuckDB's
numbers equal to pandas' and to the totals written with each lake, and the memory cap
must really end a process that exceeds it.
"""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import pandas as pd
import pytest

BENCH = Path(__file__).resolve().parent.parent / "benchmarks"

pytest.importorskip("ibis", reason="the DuckDB path needs pip install 'cskit[engines]'")
pytest.importorskip("pyarrow", reason="writing the lake needs pyarrow")


def _load(name: str):
    sys.path.insert(0, str(BENCH))
    spec = importlib.util.spec_from_file_location(name, BENCH / f"{name}.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def scale():
    return _load("bench_scale")


@pytest.fixture(scope="module")
def memory():
    return _load("_memory")


SMALL = ["--customers", "8000", "--part-customers", "2000", "--months", "12",
         "--events", "200000", "--part-events", "50000", "--days", "60", "--limit-mb", "2048"]


def test_small_lakes_end_to_end(scale, tmp_path):
    results, lake = tmp_path / "results", tmp_path / "lake"
    status = scale.main([*SMALL, "--lake", str(lake), "--results", str(results)])
    assert status == 0
    runs = pd.read_csv(results / "scale.csv")
    assert (runs["status"] == "ok").all()
    for topic in ("billing", "usage"):
        mine = runs[runs["topic"] == topic]
        # The ladder reads 1, 2 and 4 parts; 2 GiB holds them all, then DuckDB runs once.
        assert mine.loc[mine["engine"] == "pandas", "parts"].tolist() == [1, 2, 4]
        assert mine.loc[mine["engine"] == "duckdb", "parts"].tolist() == [4]
        manifest = scale.json.loads((lake / topic / "manifest.json").read_text())
        assert mine["rows"].max() == sum(manifest["rows"])
    assert runs.loc[runs["topic"] == "usage", "rows"].max() == 200_000
    text = (results / "scale.md").read_text()
    # Both independent checks ran for both topics: equal to pandas, equal to the lakes' totals.
    assert "DuckDB's movements and churn equal pandas' for all 11 months" in text
    assert "equal the lake's totals for all 11 months, and the movements reconcile" in text
    assert "DuckDB's DAU, WAU and MAU equal pandas' for all 60 days" in text
    assert "DAU equals the lake's distinct users per day on all 60 days" in text
    assert text.count("pandas held the whole lake") == 2
    # A second run reuses the lakes instead of writing them again.
    before = (lake / "usage" / "part-000.parquet").stat().st_mtime_ns
    assert scale.main([*SMALL, "--only", "usage", "--lake", str(lake),
                       "--results", str(results)]) == 0
    assert (lake / "usage" / "part-000.parquet").stat().st_mtime_ns == before


def test_lake_totals_are_those_of_the_parts(scale, tmp_path):
    params = {"customers": 3000, "part_customers": 1000, "months": 6, "seed": 1}
    manifest = scale.build_lake(scale.Billing, tmp_path / "mrr", params)
    frame = pd.concat(pd.read_parquet(tmp_path / "mrr" / name) for name in manifest["parts"])
    assert not frame.duplicated(["customer_id", "month"]).any()
    totals = pd.read_pickle(tmp_path / "mrr" / "totals.pkl")
    by_month = frame.groupby("month")["mrr"].agg(["sum", "size"])
    assert by_month.index.tolist() == totals.index.tolist()
    assert by_month["sum"].tolist() == pytest.approx(totals["mrr"].tolist())
    assert by_month["size"].tolist() == totals["customers"].tolist()
    assert frame["customer_id"].str[:4].nunique() == 3  # parts hold disjoint customers

    params = {"events": 30000, "part_events": 10000, "events_per_user": 50, "days": 40,
              "seed": 1}
    manifest = scale.build_lake(scale.Usage, tmp_path / "events", params)
    events = pd.concat(pd.read_parquet(tmp_path / "events" / n) for n in manifest["parts"])
    assert len(events) == 30000
    dau = events.groupby(events["timestamp"].dt.strftime("%Y-%m-%d"))["user_id"].nunique()
    totals = pd.read_pickle(tmp_path / "events" / "totals.pkl")
    assert dau.index.tolist() == totals.index.tolist()
    assert dau.tolist() == totals["dau"].tolist()


def test_memory_cap_ends_a_process_that_exceeds_it(memory):
    with memory.MemoryCap(200) as cap:
        if not cap.enforced:
            pytest.skip("no writable cgroup memory controller on this machine")
        small = cap.run([sys.executable, "-c", "import numpy as np; np.ones(2**20)"],
                        capture_output=True)
        assert small.returncode == 0
        big = cap.run([sys.executable, "-c",
                       "import numpy as np; a = np.ones(400 * 2**17); print(a.sum())"],
                      capture_output=True)  # 400 MiB under a 200 MiB cap
        assert cap.oom_killed(big.returncode), big.returncode
