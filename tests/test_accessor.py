"""The ``DataFrame.cs`` accessor: registration, forwarding, ``kpis()``."""

from __future__ import annotations

import inspect
import subprocess
import sys
import warnings

import pandas as pd
import pytest

import cskit
from cskit.accessor import CSAccessor
from cskit.registry import KPIS, METHODS

KPI_COLUMNS = ["kpi", "method", "table", "requires", "summary"]


def test_import_emits_no_warning(tmp_path):
    # A fresh interpreter with every warning turned into an error; also registering
    # the accessor a second time must stay silent.
    code = (
        "import pandas, cskit, cskit.metrics, cskit.datasets\n"
        "cskit.accessor.register()\n"
        "assert hasattr(pandas.DataFrame({'a': [1]}), 'cs')\n"
        "print('clean')\n"
    )
    done = subprocess.run(
        [sys.executable, "-W", "error", "-c", code],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "clean"
    assert done.stderr == ""


def test_register_again_in_process_is_silent():
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        cskit.accessor.register()
    assert pd.DataFrame.cs is CSAccessor


def test_every_registered_function_is_a_method_and_importable():
    frame = pd.DataFrame({"a": [1]})
    for name, func in METHODS.items():
        assert getattr(cskit.metrics, name) is func
        method = getattr(frame.cs, name)
        assert method.__doc__ == func.__doc__
        # The method's signature is the function's without the frame.
        params = list(inspect.signature(func).parameters)[1:]
        assert list(inspect.signature(getattr(CSAccessor, name)).parameters)[1:] == params
    for name in ("to_mrr", "mrr", "mrr_movements", "churn", "revenue_churn", "nps"):
        assert name in METHODS and name in KPIS


def test_accessor_passes_the_frame_and_arguments(make_mrr):
    df = make_mrr({"a": {"2026-01": 10, "2026-02": 5}, "b": {"2026-01": 10}})
    # Keyword-only arguments reach the function.
    assert df.cs.churn(period=None, denominator="start_plus_new") == cskit.metrics.churn(
        df, period=None, denominator="start_plus_new"
    )
    with pytest.raises(TypeError):
        df.cs.churn("M")  # keywords only, as in the function


def test_kpis_for_an_mrr_frame(company):
    table = company.mrr.cs.kpis()
    assert table.columns.tolist() == KPI_COLUMNS
    methods = set(table["method"])
    assert {"mrr", "mrr_movements", "churn", "revenue_churn"} <= methods
    assert not {"nps", "to_mrr"} & methods
    row = table.set_index("method").loc["churn"]
    assert row["kpi"] == "Customer churn rate"
    assert row["table"] == "mrr"
    assert row["requires"] == "customer_id, month, mrr"
    assert row["summary"] == "Customer (logo) churn rate per period, with its counts."
    # Every listed KPI's required columns are in the frame.
    for requires in table["requires"]:
        assert set(requires.split(", ")) <= set(company.mrr.columns)


def test_kpis_for_other_tables(company):
    assert "to_mrr" in set(company.subscriptions.cs.kpis()["method"])
    assert "nps" in set(company.surveys.cs.kpis()["method"])
    assert "mrr" not in set(company.surveys.cs.kpis()["method"])
    nothing = pd.DataFrame({"x": [1]}).cs.kpis()
    assert nothing.empty and nothing.columns.tolist() == KPI_COLUMNS


def test_kpis_all_names_the_missing_columns():
    frame = pd.DataFrame({"customer_id": ["a"], "month": ["2026-01"], "score": [9]})
    table = frame.cs.kpis(all=True).set_index("method")
    assert table.columns.tolist() == [c for c in KPI_COLUMNS if c != "method"] + ["missing"]
    assert set(table.index) == set(KPIS)
    assert table.loc["churn", "missing"] == "mrr"
    assert table.loc["nps", "missing"] == "submitted_at"
    assert table.loc["to_mrr", "missing"] == "start, end, amount, interval"
    # The default view keeps exactly the rows with nothing missing.
    available = set(frame.cs.kpis()["method"])
    assert available == set(table.index[table["missing"] == ""])
