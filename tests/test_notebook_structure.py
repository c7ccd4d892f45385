"""Every committed notebook is executed, parameterised and clean.

nbval checks that a notebook still produces its stored outputs; it cannot see
what is *not* stored. These checks catch the rest, for every
``notebooks/*.ipynb``:

* the first code cell is tagged ``parameters`` and defines ``data_dir``,
  ``month`` and ``lang`` (papermill and ``cskit report`` inject values after it);
* every code cell was executed (a cell without an execution count is run by
  nbval but never compared, so a stale or unexecuted notebook would pass);
* a cell that ends in a bare expression, or prints or displays something, has
  stored outputs;
* no error outputs, no ``0x…`` memory addresses, no ``<Axes: …>`` reprs and no
  ipywidgets ``Output`` widgets (their text reaches nbval as plain stdout).
"""

from __future__ import annotations

import ast
import json
import re
from pathlib import Path

import nbformat
import pytest

NOTEBOOKS = sorted((Path(__file__).resolve().parent.parent / "notebooks").glob("*.ipynb"))
PARAMETERS = {"data_dir", "month", "lang"}
ADDRESS = re.compile(r"0x[0-9a-fA-F]{4,}")
AXES_REPR = re.compile(r"<(Axes|AxesSubplot)[: ]")
# Calls that return None (a cell ending with one of them needs no output).
RETURNS_NONE = {"close", "show", "set_language", "set_mode", "tight_layout", "savefig", "seed"}
WIDGET_MIME = "application/vnd.jupyter.widget-view+json"


def _code_cells(nb: nbformat.NotebookNode) -> list[nbformat.NotebookNode]:
    return [cell for cell in nb.cells if cell.cell_type == "code"]


def _python(source: str) -> ast.Module | None:
    """The cell's source as Python, with IPython magics and shell lines removed."""
    lines = [line for line in source.splitlines() if not line.lstrip().startswith(("%", "!"))]
    try:
        return ast.parse("\n".join(lines))
    except SyntaxError:
        return None


def _shows(node: ast.AST) -> bool:
    """A print() or display() call that runs when the cell runs (not one inside a def)."""
    if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef, ast.Lambda)):
        return False
    if isinstance(node, ast.Call) and isinstance(node.func, ast.Name):
        if node.func.id in {"print", "display"}:
            return True
    return any(_shows(child) for child in ast.iter_child_nodes(node))


def _expects_output(source: str) -> bool:
    tree = _python(source)
    if tree is None or not tree.body:
        return False
    if any(_shows(stmt) for stmt in tree.body):
        return True
    last = tree.body[-1]
    if not isinstance(last, ast.Expr) or source.rstrip().endswith(";"):
        return False
    value = last.value
    if isinstance(value, ast.Call):
        func = value.func
        name = func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", "")
        return name not in RETURNS_NONE
    return not isinstance(value, ast.Constant)  # a bare docstring-like string shows nothing useful


def _texts(cell: nbformat.NotebookNode) -> list[str]:
    """Every text a cell's outputs store (stream text, text/* data, tracebacks)."""
    out = []
    for output in cell.get("outputs", []):
        if "text" in output:
            out.append(output["text"] if isinstance(output["text"], str) else "".join(output["text"]))
        for mime, value in output.get("data", {}).items():
            if mime.startswith("text/"):
                out.append(value if isinstance(value, str) else "".join(value))
    return out


@pytest.fixture(params=NOTEBOOKS, ids=[p.name for p in NOTEBOOKS])
def notebook(request: pytest.FixtureRequest) -> tuple[str, nbformat.NotebookNode]:
    path = request.param
    return path.name, nbformat.read(path, as_version=4)


def test_there_are_notebooks() -> None:
    assert NOTEBOOKS, "no notebooks found in notebooks/"


def test_first_code_cell_is_parameters(notebook) -> None:
    name, nb = notebook
    cells = _code_cells(nb)
    assert cells, f"{name} has no code cell"
    first = cells[0]
    assert "parameters" in first.metadata.get("tags", []), (
        f"{name}: the first code cell must be tagged 'parameters' (`# %% tags=[\"parameters\"]` in the .py)"
    )
    tree = _python(first.source)
    assert tree is not None, f"{name}: the parameters cell is not valid Python"
    assigned = {
        target.id
        for node in tree.body
        if isinstance(node, ast.Assign)
        for target in node.targets
        if isinstance(target, ast.Name)
    }
    assert PARAMETERS <= assigned, f"{name}: the parameters cell lacks {sorted(PARAMETERS - assigned)}"


def test_every_code_cell_executed_in_order(notebook) -> None:
    name, nb = notebook
    counts = [cell.execution_count for cell in _code_cells(nb) if cell.source.strip()]
    missing = [i for i, c in enumerate(counts) if c is None]
    assert not missing, f"{name}: code cells {missing} were not executed; rebuild the notebook"
    assert counts == sorted(counts), f"{name}: cells were executed out of order: {counts}"


def test_outputs_present_where_expected(notebook) -> None:
    name, nb = notebook
    silent = [
        i
        for i, cell in enumerate(_code_cells(nb))
        if _expects_output(cell.source) and not cell.get("outputs")
    ]
    assert not silent, f"{name}: code cells {silent} should show something but store no output"


def test_no_errors_addresses_axes_or_output_widgets(notebook) -> None:
    name, nb = notebook
    for i, cell in enumerate(_code_cells(nb)):
        for output in cell.get("outputs", []):
            assert output.output_type != "error", (
                f"{name}: code cell {i} stores an error: {output.get('ename')}: {output.get('evalue')}"
            )
            widget = output.get("data", {}).get(WIDGET_MIME)
            if widget is not None:
                state = nb.metadata.get("widgets", {}).get(
                    "application/vnd.jupyter.widget-state+json", {}
                ).get("state", {})
                model = state.get(widget.get("model_id", ""), {})
                assert model.get("model_name") != "OutputModel", (
                    f"{name}: code cell {i} stores an ipywidgets Output widget"
                )
        for text in _texts(cell):
            assert not ADDRESS.search(text), (
                f"{name}: code cell {i} stores a memory address: {ADDRESS.search(text).group()}"
            )
            assert not AXES_REPR.search(text), (
                f"{name}: code cell {i} stores an Axes repr; end the line with ';' or assign it"
            )
    widget_state = json.dumps(nb.metadata.get("widgets", {}))
    assert '"OutputModel"' not in widget_state, f"{name}: the notebook stores an Output widget"


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        ("x = 1", False),
        ("df.tail(3)", True),
        ("df.tail(3);", False),
        ("print('hi')", True),
        ("plt.close(fig)", False),
        ("%matplotlib inline\nimport cskit\ncskit.set_language(lang)", False),
        ("ax = plot(x)\ndisplay(ax.figure)\nplt.close(ax.figure)", True),
        ("total", True),
        ("def check(x):\n    print(x)", False),
        ("def check(x):\n    print(x)\ncheck(1)", True),
        ("for m in months:\n    print(m)", True),
    ],
)
def test_expects_output_rule(source: str, expected: bool) -> None:
    assert _expects_output(source) is expected
