"""``import cskit`` alone registers every KPI on ``df.cs`` (issue 14, item 1)."""

from __future__ import annotations

import ast
import json
import subprocess
import sys
from pathlib import Path

import pandas as pd
import pytest

import cskit
from cskit.errors import MissingColumnError

ROOT = Path(cskit.__file__).resolve().parent


def _decorated_in_source() -> set[str]:
    """Every function decorated with ``@cs_method(...)`` anywhere in the package source."""
    names = set()
    for path in ROOT.rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.FunctionDef):
                for deco in node.decorator_list:
                    target = deco.func if isinstance(deco, ast.Call) else deco
                    if getattr(target, "id", getattr(target, "attr", None)) == "cs_method":
                        names.add(node.name)
    return names


def test_plain_import_registers_every_kpi_in_a_fresh_interpreter():
    code = (
        "import json, pandas as pd, cskit\n"
        "cs = pd.DataFrame({'a': [1]}).cs\n"
        "print(json.dumps({'methods': [n for n in dir(cs) if not n.startswith('_')],\n"
        "                  'health': hasattr(cskit, 'health')}))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         check=True, cwd=ROOT.parent)
    seen = json.loads(out.stdout)
    expected = _decorated_in_source()
    assert len(expected) >= 30  # the scan found the registered KPIs
    assert expected - set(seen["methods"]) == set()
    assert "health_score" in seen["methods"]
    assert seen["health"] is True


def test_the_registry_does_not_import_the_accessor():
    tree = ast.parse((ROOT / "registry.py").read_text(encoding="utf-8"))
    imported = {
        alias.name for node in ast.walk(tree) if isinstance(node, ast.ImportFrom | ast.Import)
        for alias in node.names
    } | {node.module for node in ast.walk(tree) if isinstance(node, ast.ImportFrom)}
    assert not any("accessor" in str(name) for name in imported)


def test_a_kpi_on_the_wrong_table_names_the_table_it_needs():
    mrr = pd.DataFrame({"customer_id": ["a"], "month": ["2026-10"], "mrr": [10.0],
                        "plan": ["x"]})
    with pytest.raises(MissingColumnError) as caught:
        mrr.cs.nps()
    message = str(caught.value)
    assert "'score'" in message                 # the missing column, as before
    assert "`surveys` table" in message          # the table nps needs
    assert "looks like the `mrr` table" in message


def test_a_metric_registered_later_is_reachable():
    from cskit.registry import METHODS, cs_method

    @cs_method()
    def rows_twice(frame: pd.DataFrame) -> int:
        """Twice the row count (a test metric)."""
        return 2 * len(frame)

    try:
        assert pd.DataFrame({"a": [1, 2]}).cs.rows_twice() == 4
    finally:
        METHODS.pop("rows_twice")
