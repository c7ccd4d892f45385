"""``make student``: a cleared copy of the notebooks that runs outside the checkout.

The copy (``tools/student_copy.py``) must hold every notebook without outputs, execution counts,
widget state or jupytext pairing, keep a learner's edited copy unless forced, and run from its
own folder: the notebooks read the bundled sample company when ``data_dir`` is None and refer
to no path of the checkout.
"""

from __future__ import annotations

import importlib.util
import re
from pathlib import Path

import nbformat
import pytest
from nbclient import NotebookClient

ROOT = Path(__file__).resolve().parent.parent
NOTEBOOKS = ROOT / "notebooks"


def _tool():
    spec = importlib.util.spec_from_file_location("student_copy", ROOT / "tools" / "student_copy.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def student(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("checkout") / "student"
    _tool().copy(out)
    return out


def test_every_notebook_is_copied_and_nothing_else(student: Path) -> None:
    assert sorted(p.name for p in student.iterdir()) == sorted(
        p.name for p in NOTEBOOKS.glob("*.ipynb"))


def test_the_copies_are_cleared_and_unpaired(student: Path) -> None:
    for path in student.glob("*.ipynb"):
        nb = nbformat.read(path, as_version=4)
        nbformat.validate(nb)
        original = nbformat.read(NOTEBOOKS / path.name, as_version=4)
        assert [c.source for c in nb.cells] == [c.source for c in original.cells], path.name
        assert [c.metadata.get("tags") for c in nb.cells] == [
            c.metadata.get("tags") for c in original.cells]
        code = [c for c in nb.cells if c.cell_type == "code"]
        assert code and all(c.outputs == [] and c.execution_count is None for c in code)
        assert "jupytext" not in nb.metadata and "widgets" not in nb.metadata
        assert nb.metadata["kernelspec"]["name"] == "python3"


def test_the_committed_notebooks_are_left_alone(student: Path) -> None:
    nb = nbformat.read(NOTEBOOKS / "05_nps.ipynb", as_version=4)
    assert any(c.get("outputs") for c in nb.cells if c.cell_type == "code")
    assert nb.metadata["jupytext"]["formats"] == "ipynb,py:percent"


def test_a_learners_copy_is_kept_unless_forced(tmp_path: Path) -> None:
    tool = _tool()
    out = tmp_path / "student"
    tool.copy(out)
    mine = out / "05_nps.ipynb"
    mine.write_text(mine.read_text(encoding="utf-8").replace("data_dir = None", "data_dir = 'x'"),
                    encoding="utf-8")
    assert mine not in tool.copy(out)
    assert "data_dir = 'x'" in mine.read_text(encoding="utf-8")
    assert mine in tool.copy(out, force=True)
    assert "data_dir = 'x'" not in mine.read_text(encoding="utf-8")


def test_no_notebook_refers_to_a_path_of_the_checkout() -> None:
    checkout_path = re.compile(r"\.\./|data/sample|notebooks/|tools/")
    for path in NOTEBOOKS.glob("*.ipynb"):
        nb = nbformat.read(path, as_version=4)
        for cell in nb.cells:
            if cell.cell_type == "code":
                assert not checkout_path.search(cell.source), (path.name, cell.source[:200])


@pytest.mark.parametrize("name", ["00_start_here", "05_nps", "monthly_report"])
def test_the_data_is_found_from_the_student_folder(student: Path, name: str, monkeypatch) -> None:
    """The parameters and setup cells of the copy, run from inside ``student/``, load the sample."""
    monkeypatch.chdir(student)
    nb = nbformat.read(student / f"{name}.ipynb", as_version=4)
    code = [c.source for c in nb.cells if c.cell_type == "code"]
    namespace: dict = {}
    for source in code[:2]:
        lines = [ln for ln in source.splitlines() if not ln.lstrip().startswith("%")]
        exec(compile("\n".join(lines), f"{name}.ipynb", "exec"), namespace)  # noqa: S102
    assert namespace["data_dir"] is None
    company = namespace["company"]
    assert company.mrr is not None and len(company.mrr) > 0
    assert str(namespace["month"])[:4].isdigit()


def test_a_copy_runs_end_to_end_in_the_student_folder(student: Path) -> None:
    """One whole notebook, executed as JupyterLab would: its own folder is the working one."""
    nb = nbformat.read(student / "05_nps.ipynb", as_version=4)
    NotebookClient(nb, timeout=600, kernel_name="python3",
                   resources={"metadata": {"path": str(student)}}).execute()
    code = [c for c in nb.cells if c.cell_type == "code"]
    assert all(c.execution_count for c in code if c.source.strip())
    assert not [o for c in code for o in c.outputs if o.output_type == "error"]
    assert any(c.outputs for c in code)
