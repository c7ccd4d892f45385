"""The heaviest KPIs where the data lives: DuckDB over Parquet, or Apache Spark.

One definition per KPI, written once as Ibis expressions
(:mod:`cskit.engines._definitions`), runs on every engine Ibis supports; cskit
tests it on DuckDB and on Spark (local mode) against the pandas metrics. See
``docs/scaling.md`` for why Ibis, and for the numbers.

>>> from cskit import engines                                   # doctest: +SKIP
>>> engine = engines.Engine.duckdb(memory_limit="2GB")           # doctest: +SKIP
>>> mrr = engine.read_parquet("lake/mrr/*.parquet")             # doctest: +SKIP
>>> engine.mrr_movements(mrr)   # same frame as mrr.cs.mrr_movements()   # doctest: +SKIP

Needs the ``engines`` extra (``pip install 'cskit[engines]'``: Ibis with DuckDB
and PySpark; Spark also needs Java 17).
"""

from __future__ import annotations

import warnings
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd

from cskit.errors import CskitError

__all__ = ["Engine"]

_EPOCH_MONTH = 1970 * 12  # month numbers are year * 12 + month - 1


def _ibis():
    try:
        import ibis
    except ImportError as exc:  # pragma: no cover - depends on the installation
        raise CskitError(
            "cskit.engines needs Ibis: pip install 'cskit[engines]'."
        ) from exc
    return ibis


#: Deprecation notices that Ibis 12 and PySpark 4.0 raise on every query under pandas 3
#: and DuckDB 2; they concern those libraries' own code, not the caller's.
_LIBRARY_NOTICES = (
    "The 'future.infer_string' option is deprecated",  # Ibis reads a pandas 3 option
    r"fetch_arrow_table\(\) is deprecated",  # Ibis' DuckDB backend
    "The copy keyword is deprecated",  # PySpark's pandas conversion
)


@contextmanager
def _quiet_libraries():
    with warnings.catch_warnings():
        for message in _LIBRARY_NOTICES:
            warnings.filterwarnings("ignore", message=message, category=DeprecationWarning)
        yield


def _periods(months: pd.Series | np.ndarray) -> pd.PeriodIndex:
    ordinals = np.asarray(months, dtype=np.int64) - _EPOCH_MONTH
    return pd.PeriodIndex.from_ordinals(ordinals, freq="M").rename("period")


class Engine:
    """A connection to DuckDB or Spark that computes cskit's heavy KPIs.

    Build one with :meth:`duckdb` or :meth:`spark`; give it tables with
    :meth:`read_parquet` or :meth:`table` (any table the engine already has);
    call a KPI method to get a pandas result in the same shape as the pandas
    metric of the same name. :attr:`definitions` holds the Ibis expressions, to
    inspect or compile (``ibis.to_sql(expr, dialect="pyspark")``).
    """

    def __init__(self, connection: Any, name: str) -> None:
        from cskit.engines import _definitions

        self.connection = connection
        self.name = name
        self.definitions = _definitions

    # ------------------------------------------------------------ connecting

    @classmethod
    def duckdb(cls, database: str = ":memory:", *, memory_limit: str | None = None,
               threads: int | None = None, temp_directory: str | None = None) -> Engine:
        """DuckDB in this process. ``memory_limit`` (e.g. ``"2GB"``) makes it spill
        to ``temp_directory`` instead of failing: data larger than memory is fine."""
        ibis = _ibis()
        config = {}
        if memory_limit is not None:
            config["memory_limit"] = memory_limit
        if threads is not None:
            config["threads"] = threads
        if temp_directory is not None:
            config["temp_directory"] = temp_directory
        return cls(ibis.duckdb.connect(database, **config), "duckdb")

    @classmethod
    def spark(cls, session: Any = None) -> Engine:
        """Apache Spark through PySpark: an existing ``SparkSession`` (a cluster), or
        a local one (``local[2]``) when none is given."""
        ibis = _ibis()
        if session is None:
            from pyspark.sql import SparkSession

            session = (SparkSession.builder.master("local[2]").appName("cskit")
                       .config("spark.sql.shuffle.partitions", "4")
                       .config("spark.ui.enabled", "false")
                       .config("spark.ui.showConsoleProgress", "false")
                       .config("spark.sql.session.timeZone", "UTC")
                       .getOrCreate())
        return cls(ibis.pyspark.connect(session), "spark")

    def read_parquet(self, path: str | Path, name: str | None = None):
        """A Parquet file or folder (or glob) as a table of this engine."""
        with _quiet_libraries():
            return self.connection.read_parquet(str(path), table_name=name)

    def table(self, name: str):
        """A table the engine already knows (a Spark/Hive table, a DuckDB table)."""
        return self.connection.table(name)

    def _run(self, expr) -> pd.DataFrame:
        with _quiet_libraries():
            return self.connection.execute(expr)

    # ------------------------------------------------------------ billing KPIs

    def _changes(self, mrr, customer_col: str, month_col: str, mrr_col: str):
        d = self.definitions
        cm = d.customer_months(d.prepare_mrr(mrr, customer=customer_col, month=month_col,
                                                   mrr=mrr_col))
        return cm, d.month_changes(cm)

    @staticmethod
    def _by_month(result: pd.DataFrame, fill: float | None = 0.0) -> pd.DataFrame:
        if result.empty:
            return result.drop(columns="m").set_axis(_periods([]), axis=0)
        months = np.arange(int(result["m"].min()), int(result["m"].max()) + 1)
        table = result.set_index("m").reindex(months)
        if fill is not None:
            table = table.fillna(fill)
        table.index = _periods(months)
        return table

    def mrr(self, mrr, *, customer_col: str = "customer_id",
            month_col: str = "month", mrr_col: str = "mrr") -> pd.DataFrame:
        """MRR and paying customers by month (as ``mrr.cs.mrr(period="M")``)."""
        d = self.definitions
        cm = d.customer_months(d.prepare_mrr(mrr, customer=customer_col, month=month_col,
                                                   mrr=mrr_col))
        table = self._by_month(self._run(d.mrr_totals(cm)))
        table["customers"] = table["customers"].astype(np.int64)
        return table[["mrr", "customers"]]

    def mrr_movements(self, mrr, *, customer_col: str = "customer_id",
                      month_col: str = "month", mrr_col: str = "mrr") -> pd.DataFrame:
        """Monthly movements (as ``mrr.cs.mrr_movements()``), with ``net_new``."""
        _, changes = self._changes(mrr, customer_col, month_col, mrr_col)
        table = self._by_month(self._run(self.definitions.mrr_movements(changes)))
        table = table[["start", "new", "expansion", "contraction", "churn", "reactivation",
                       "end"]].astype(np.float64)
        table["net_new"] = table["end"] - table["start"]
        return table

    def churn(self, mrr, *, customer_col: str = "customer_id",
              month_col: str = "month", mrr_col: str = "mrr") -> pd.DataFrame:
        """Monthly logo churn ÷ customers at start (``mrr.cs.churn()``'s defaults)."""
        _, changes = self._changes(mrr, customer_col, month_col, mrr_col)
        table = self._by_month(self._run(self.definitions.churn(changes)), fill=None)
        table[["start_customers", "churned"]] = table[["start_customers", "churned"]] \
            .fillna(0).astype(np.int64)
        table["numerator"] = table["churned"]
        table["denominator"] = table["start_customers"].astype(np.float64)
        table["churn"] = table["churn"].astype(np.float64)
        return table[["start_customers", "churned", "numerator", "denominator", "churn"]]

    def retention(self, mrr, *, customer_col: str = "customer_id",
                  month_col: str = "month", mrr_col: str = "mrr") -> pd.DataFrame:
        """Monthly NRR and GRR (new business and reactivation excluded)."""
        d = self.definitions
        _, changes = self._changes(mrr, customer_col, month_col, mrr_col)
        table = self._by_month(self._run(d.retention(d.mrr_movements(changes))), fill=None)
        return table.astype(np.float64)

    def cohort_retention(self, mrr, *, customer_col: str = "customer_id",
                         month_col: str = "month", mrr_col: str = "mrr") -> pd.DataFrame:
        """Logo retention, cohort × months since first payment (a wide matrix)."""
        d = self.definitions
        cm = d.customer_months(d.prepare_mrr(mrr, customer=customer_col, month=month_col,
                                                   mrr=mrr_col))
        long = self._run(d.cohort_retention(cm))
        wide = long.pivot(index="cohort", columns="age", values="retention").sort_index()
        wide.index = _periods(wide.index.to_numpy()).rename("cohort")
        wide.columns = wide.columns.astype(np.int64).rename("age")
        return wide.astype(np.float64)

    # ------------------------------------------------------------ usage KPIs

    def active_users(self, events, *, window: int = 28, user_col: str = "user_id",
                     time_col: str = "timestamp") -> pd.DataFrame:
        """DAU, WAU and MAU for every day from the first to the last event (as
        ``events.cs.active_users(window=...)``), with ``dau_mau``."""
        d = self.definitions
        steps = self._run(d.active_users(d.prepare_events(events, user=user_col,
                                                          timestamp=time_col), window=window))
        days = np.arange(int(steps["day"].min()), int(steps["day"].max()) + 1)
        table = steps.set_index("day").reindex(days)
        table["dau"] = table["dau"].fillna(0)
        table[["wau", "mau"]] = table[["wau", "mau"]].ffill()
        table = table.astype(np.int64)
        table.index = pd.DatetimeIndex(days.astype("datetime64[D]").astype("datetime64[us]"),
                                       name="date")
        table["dau_mau"] = table["dau"] / table["mau"].where(table["mau"] > 0)
        return table[["dau", "wau", "mau", "dau_mau"]]
