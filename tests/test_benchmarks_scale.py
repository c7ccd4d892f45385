"""benchmarks/bench_scale.py: the larger-than-memory run, on a lake small enough for a test.

The real figures come from running the script (see benchmarks/results/scale.md); here
the script runs end to end on 4 tiny parts and must find DuckDB's numbers equal to
pandas' and to the totals written with the lake, and the memory cap must really end
a process that exceeds it.
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


def test_small_lake_end_to_end(scale, tmp_path):
    results = tmp_path / "results"
    status = scale.main(["--customers", "8000", "--part-customers", "2000", "--months", "12",
                         "--limit-mb", "2048", "--lake", str(tmp_path / "lake"),
                         "--results", str(results)])
    assert status == 0
    runs = pd.read_csv(results / "scale.csv")
    pandas_runs = runs[runs["engine"] == "pandas"]
    # The ladder reads 1, 2 and 4 parts; 2 GiB holds them all.
    assert pandas_runs["parts"].tolist() == [1, 2, 4]
    assert (runs["status"] == "ok").all()
    manifest = scale.json.loads((tmp_path / "lake" / "manifest.json").read_text())
    assert runs["rows"].max() == sum(manifest["rows"])
    text = (results / "scale.md").read_text()
    # Both independent checks ran: equal to pandas, and to the lake's own totals.
    assert "DuckDB's movements and churn equal pandas' (equal for all 11 months)" in text
    assert "equal the lake's totals for all 11 months; movements reconcile" in text
    assert "pandas held the whole lake" in text
    # A second run reuses the lake instead of writing it again.
    before = (tmp_path / "lake" / "part-000.parquet").stat().st_mtime_ns
    assert scale.main(["--customers", "8000", "--part-customers", "2000", "--months", "12",
                       "--limit-mb", "2048", "--lake", str(tmp_path / "lake"),
                       "--results", str(results)]) == 0
    assert (tmp_path / "lake" / "part-000.parquet").stat().st_mtime_ns == before


def test_lake_totals_are_those_of_the_parts(scale, tmp_path):
    manifest = scale.build_lake(tmp_path / "lake", customers=3000, part_customers=1000,
                                months=6, seed=1)
    frame = pd.concat(pd.read_parquet(tmp_path / "lake" / name) for name in manifest["parts"])
    assert frame["customer_id"].is_unique is False  # many months per customer
    assert not frame.duplicated(["customer_id", "month"]).any()
    by_month = frame.groupby("month")["mrr"].agg(["sum", "size"])
    assert by_month.index.tolist() == manifest["months"]
    assert by_month["sum"].tolist() == pytest.approx(manifest["mrr"])
    assert by_month["size"].tolist() == manifest["customers"]
    # Parts hold disjoint customers.
    owners = frame.groupby("customer_id")["customer_id"].size()
    assert owners.index.str[:4].nunique() == 3


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
