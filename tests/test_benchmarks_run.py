"""benchmarks/run.py: one summary table from the CSVs the benchmark scripts write."""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest

RUN = Path(__file__).resolve().parent.parent / "benchmarks" / "run.py"


@pytest.fixture(scope="module")
def run():
    spec = importlib.util.spec_from_file_location("bench_run", RUN)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_summary_reads_different_column_names(run, tmp_path, capsys):
    (tmp_path / "billing.csv").write_text(
        "kpi,rows,cskit_s,duckdb_s,ratio,peak_mb\n"
        "mrr_movements,20000000,4.4,9.0,0.49,2100\n"
        "churn,20000000,2.0,4.0,,900\n"
    )
    (tmp_path / "usage.csv").write_text(
        "Metric,Events,cskit time (s),reference seconds,Peak memory bytes,engine\n"
        "active_users,50000000,4.3,4.9,1073741824,DuckDB SQL\n"
    )
    status = run.main(["--summary-only", "--results", str(tmp_path)])
    assert status == 0
    table = run.read_results(tmp_path)
    assert table["kpi"].tolist() == ["mrr_movements", "churn", "active_users"]
    # churn: no ratio given -> 2.0 / 4.0 = 0.5; usage: 1 GiB = 1024 MiB.
    assert table["ratio"].tolist() == pytest.approx([0.49, 0.5, 4.3 / 4.9])
    assert table["peak_mb"].tolist() == pytest.approx([2100, 900, 1024])
    assert table["reference"].tolist() == ["DuckDB", "DuckDB", "DuckDB SQL"]
    text = (tmp_path / "summary.md").read_text()
    assert "| KPI | rows | cskit time (s) | reference time (s) | ratio | peak memory (MiB) |" \
        in text
    assert "| mrr_movements (vs DuckDB) | 20,000,000 | 4.40 | 9.00 | 0.49 | 2,100 |" in text
    assert "| active_users (vs DuckDB SQL) | 50,000,000 | 4.30 | 4.90 | 0.88 | 1,024 |" in text
    assert "summary.md" in capsys.readouterr().err


def test_no_results_yet(run, tmp_path):
    assert run.main(["--summary-only", "--results", str(tmp_path)]) == 0
    assert "(no results yet)" in (tmp_path / "summary.md").read_text()


def test_a_failing_script_is_reported(run, tmp_path, monkeypatch):
    good = tmp_path / "bench_good.py"
    good.write_text("print('ok')\n")
    bad = tmp_path / "bench_bad.py"
    bad.write_text("import sys\nsys.exit('boom: out of memory')\n")
    monkeypatch.setattr(run, "HERE", tmp_path)
    assert [p.name for p in run.scripts()] == ["bench_bad.py", "bench_good.py"]
    assert [p.name for p in run.scripts(["good"])] == ["bench_good.py"]
    status, _, reason = run.run_script(bad, [], timeout=60)
    assert status == 1 and reason == "boom: out of memory"
    results = tmp_path / "results"
    assert run.main(["--results", str(results)]) == 1
    assert "**bench_bad.py failed**: boom: out of memory" in (results / "summary.md").read_text()


def test_other_results_follow_the_table(run, tmp_path):
    (tmp_path / "billing.csv").write_text("kpi,rows,cskit_s,duckdb_s\nchurn,100,1.0,2.0\n")
    # scale.csv has no KPI timing columns: it is not a row of the table...
    (tmp_path / "scale.csv").write_text("engine,parts,rows,status,seconds\npandas,1,10,ok,0.5\n")
    # ...its own Markdown section follows the table instead.
    (tmp_path / "scale.md").write_text("## Larger than memory\n\nDuckDB: 4.0x larger.\n")
    assert run.main(["--summary-only", "--results", str(tmp_path)]) == 0
    assert run.read_results(tmp_path)["kpi"].tolist() == ["churn"]
    text = (tmp_path / "summary.md").read_text()
    table_at = text.index("| churn (vs DuckDB) | 100 | 1.00 | 2.00 | 0.50 | – |")
    assert text.index("## Larger than memory") > table_at
    assert "DuckDB: 4.0x larger." in text
