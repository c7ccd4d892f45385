"""cskit.engines: one Ibis definition per heavy KPI, the same numbers on DuckDB (over
Parquet) and on Spark (local mode) as the pandas metrics.

Needs the ``engines`` extra (Ibis with DuckDB and PySpark); the Spark tests also need
Java. Each group skips, saying why, when its part is not installed.
"""

from __future__ import annotations

import shutil
import subprocess

import numpy as np
import pandas as pd
import pytest

import cskit

ibis = pytest.importorskip("ibis", reason="cskit.engines needs pip install 'cskit[engines]'")
from cskit.engines import Engine  # noqa: E402


def _java_ok() -> bool:
    java = shutil.which("java")
    if java is None:
        return False
    done = subprocess.run([java, "-version"], capture_output=True, text=True, timeout=60)
    return done.returncode == 0


try:
    import pyspark  # noqa: F401

    SPARK_REASON = None if _java_ok() else "Spark needs Java 17 (java not found on PATH)"
except ImportError:
    SPARK_REASON = "Spark needs pyspark: pip install 'cskit[engines]'"


@pytest.fixture(scope="module")
def company():
    return cskit.datasets.load_sample()


@pytest.fixture(scope="module")
def lake(company, tmp_path_factory):
    """The sample's mrr and events tables as Parquet files (months as 'YYYY-MM' text)."""
    pytest.importorskip("pyarrow", reason="writing Parquet needs pyarrow")
    folder = tmp_path_factory.mktemp("lake")
    company.mrr.assign(month=company.mrr["month"].astype(str)).to_parquet(folder / "mrr.parquet")
    company.events[["user_id", "account_id", "timestamp", "event"]].to_parquet(
        folder / "events.parquet")
    return folder


def _tiny() -> pd.DataFrame:
    """Worked by hand below: a pays Jan-Mar (100, 120, 90); b Jan, gap, Mar; c Feb only."""
    return pd.DataFrame({
        "customer_id": ["a", "b", "a", "c", "a", "b", "a"],
        "month": ["2026-01", "2026-01", "2026-02", "2026-02", "2026-03", "2026-03", "2026-03"],
        "mrr": [100.0, 50.0, 120.0, 30.0, 60.0, 50.0, 30.0],  # a's March: 60 + 30 = 90
    })


# ---------------------------------------------------------------- DuckDB


@pytest.fixture(scope="module")
def duck():
    return Engine.duckdb(threads=1)


def test_movements_by_hand(duck):
    tiny = ibis.memtable(_tiny())
    moves = duck.mrr_movements(tiny)
    # Feb: start 150 (a 100 + b 50); new c 30; a +20; b churns 50; end 150.
    # Mar: start 150 (a 120 + c 30); a -30; c churns 30; b back 50 (reactivation); end 140.
    assert moves.index.astype(str).tolist() == ["2026-02", "2026-03"]
    assert moves.loc["2026-02"].tolist() == [150.0, 30.0, 20.0, 0.0, 50.0, 0.0, 150.0, 0.0]
    assert moves.loc["2026-03"].tolist() == [150.0, 0.0, 0.0, 30.0, 30.0, 50.0, 140.0, -10.0]
    churn = duck.churn(tiny)
    # Feb: 1 of 2 (b); Mar: 1 of 2 (c).
    assert churn["churned"].tolist() == [1, 1]
    assert churn["churn"].tolist() == [0.5, 0.5]
    rr = duck.retention(tiny)
    # Feb: NRR (150 + 20 - 0 - 50) / 150 = 0.8, GRR (150 - 50) / 150; Mar: (150 - 30 - 30) / 150.
    assert rr["nrr"].tolist() == pytest.approx([120 / 150, 90 / 150])
    assert rr["grr"].tolist() == pytest.approx([100 / 150, 90 / 150])
    cohorts = duck.cohort_retention(tiny)
    # Jan cohort (a, b): Feb a only (1/2), Mar a and b (2/2). Feb cohort (c): Mar 0.
    assert cohorts.loc["2026-01"].tolist() == [1.0, 0.5, 1.0]
    assert cohorts.loc["2026-02", 0] == 1.0 and np.isnan(cohorts.loc["2026-02", 2])
    assert np.isnan(cohorts.loc["2026-02", 1])  # nobody of Feb's cohort paid in March


def test_duckdb_over_parquet_matches_pandas(duck, lake, company):
    mrr = duck.read_parquet(lake / "mrr.parquet")
    moves = duck.mrr_movements(mrr)
    expected = company.mrr.cs.mrr_movements()
    pd.testing.assert_frame_equal(moves, expected, check_names=False, check_freq=False,
                                  rtol=1e-9)
    churn = duck.churn(mrr)
    reference = company.mrr.cs.churn()
    pd.testing.assert_frame_equal(churn, reference[["start_customers", "churned", "numerator",
                                                         "denominator", "churn"]],
                                  check_names=False, check_freq=False, check_dtype=False)
    totals = duck.mrr(mrr)
    pd.testing.assert_frame_equal(totals, company.mrr.cs.mrr(period="M")[["mrr", "customers"]],
                                  check_names=False, check_freq=False, check_dtype=False)
    # NRR / GRR from the pandas movements.
    rr = duck.retention(mrr)
    kept = expected["start"] - expected["contraction"] - expected["churn"]
    assert rr["nrr"].to_numpy() == pytest.approx(
        ((kept + expected["expansion"]) / expected["start"]).to_numpy())
    assert rr["grr"].to_numpy() == pytest.approx((kept / expected["start"]).to_numpy())
    assert (rr["grr"] <= 1).all()


def test_queries_pass_on_no_library_warnings(duck, lake):
    """Ibis and DuckDB deprecation notices about their own code do not reach the caller."""
    import warnings

    with warnings.catch_warnings():
        warnings.simplefilter("error")
        moves = duck.mrr_movements(duck.read_parquet(lake / "mrr.parquet"))
    assert len(moves) == 35


def _cohorts_by_hand(mrr: pd.DataFrame) -> pd.DataFrame:
    paying = mrr.groupby(["customer_id", "month"])["mrr"].sum()
    paying = paying[paying > 0].reset_index()
    first = paying.groupby("customer_id")["month"].transform("min")
    paying["age"] = (paying["month"] - first).map(lambda offset: offset.n)
    paying["cohort"] = first
    counts = paying.groupby(["cohort", "age"])["customer_id"].nunique().unstack("age")
    return counts.div(counts[0], axis=0)


def test_cohort_retention_matches_plain_pandas(duck, lake, company):
    cohorts = duck.cohort_retention(duck.read_parquet(lake / "mrr.parquet"))
    expected = _cohorts_by_hand(company.mrr)
    assert cohorts.shape == expected.shape
    np.testing.assert_allclose(cohorts.to_numpy(), expected.to_numpy(), equal_nan=True)
    assert (cohorts[0] == 1).all()


def test_active_users_matches_pandas(duck, lake, company):
    result = duck.active_users(duck.read_parquet(lake / "events.parquet"), window=28)
    expected = company.events.cs.active_users(window=28)
    pd.testing.assert_frame_equal(result[["dau", "wau", "mau"]],
                                  expected[["dau", "wau", "mau"]], check_freq=False,
                                  check_dtype=False)


def test_one_definition_compiles_for_both_engines():
    pytest.importorskip("pyspark", reason="the Spark dialect needs pyspark")
    _ = ibis.pyspark  # loads the backend, which registers the dialect's options
    from cskit.engines import _definitions as d

    table = ibis.table({"customer_id": "string", "month": "string", "mrr": "float64"}, "mrr")
    expr = d.mrr_movements(d.month_changes(d.customer_months(d.prepare_mrr(table))))
    duck_sql = ibis.to_sql(expr, dialect="duckdb")
    spark_sql = ibis.to_sql(expr, dialect="pyspark")
    assert "FULL OUTER JOIN" in duck_sql.upper() and "FULL OUTER JOIN" in spark_sql.upper()
    assert duck_sql != spark_sql  # compiled for each engine, from one expression


def test_larger_than_memory_limit(tmp_path):
    """DuckDB with a small memory limit still computes movements by spilling to disk."""
    panel = cskit.datasets.generate_mrr_panel(n_customers=60_000, n_months=24, seed=3)
    panel = panel.assign(month=panel["month"].astype(str))
    path = tmp_path / "big.parquet"
    panel.to_parquet(path)
    engine = Engine.duckdb(memory_limit="64MB", threads=1, temp_directory=str(tmp_path / "spill"))
    moves = engine.mrr_movements(engine.read_parquet(path))
    expected = panel.assign(month=pd.PeriodIndex(panel["month"], freq="M")).cs.mrr_movements()
    pd.testing.assert_frame_equal(moves, expected, check_names=False, check_freq=False,
                                  rtol=1e-9)


# ---------------------------------------------------------------- Spark (local mode)


@pytest.fixture(scope="module")
def spark():
    if SPARK_REASON:
        pytest.skip(SPARK_REASON)
    engine = Engine.spark()
    yield engine
    engine.connection._session.stop()


@pytest.mark.skipif(SPARK_REASON is not None, reason=SPARK_REASON or "")
def test_spark_local_mode_matches_pandas(spark, lake, company):
    mrr = spark.read_parquet(lake / "mrr.parquet")
    pd.testing.assert_frame_equal(spark.mrr_movements(mrr), company.mrr.cs.mrr_movements(),
                                  check_names=False, check_freq=False, rtol=1e-9)
    churn = company.mrr.cs.churn()[["start_customers", "churned", "numerator", "denominator",
                                    "churn"]]
    pd.testing.assert_frame_equal(spark.churn(mrr), churn, check_names=False,
                                  check_freq=False, check_dtype=False)
    np.testing.assert_allclose(spark.cohort_retention(mrr).to_numpy(),
                               _cohorts_by_hand(company.mrr).to_numpy(), equal_nan=True)
    moves = company.mrr.cs.mrr_movements()
    kept = moves["start"] - moves["contraction"] - moves["churn"]
    retention = spark.retention(mrr)
    assert retention["grr"].to_numpy() == pytest.approx((kept / moves["start"]).to_numpy())
    assert retention["nrr"].to_numpy() == pytest.approx(
        ((kept + moves["expansion"]) / moves["start"]).to_numpy())
    pd.testing.assert_frame_equal(spark.mrr(mrr),
                                  company.mrr.cs.mrr(period="M")[["mrr", "customers"]],
                                  check_names=False, check_freq=False, check_dtype=False)
    events = spark.read_parquet(lake / "events.parquet")
    expected = company.events.cs.active_users(window=28)
    pd.testing.assert_frame_equal(spark.active_users(events)[["dau", "wau", "mau"]],
                                  expected[["dau", "wau", "mau"]], check_freq=False,
                                  check_dtype=False)
