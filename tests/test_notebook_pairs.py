"""Every notebook is a jupytext pair, and its two halves hold the same cells.

A notebook lives in ``notebooks/`` twice: ``NAME.ipynb`` (the cells with their stored outputs,
which nbval checks and the documentation renders) and ``NAME.py`` (the same cells as text,
jupytext's percent format, which a trainer edits and reviews). A trainer may edit either;
JupyterLab with jupytext saves both, ``jupytext --sync`` or ``make notebooks NB=NAME`` brings
them together. This test fails when they drift: a half without the other, or a cell whose
type, source or tags differ (outputs and other metadata are not compared).
"""

from __future__ import annotations

import shutil
from pathlib import Path

import jupytext
import nbformat
import pytest

NOTEBOOKS = Path(__file__).resolve().parent.parent / "notebooks"
NAMES = sorted(p.stem for p in NOTEBOOKS.glob("*.ipynb"))
FORMATS = "ipynb,py:percent"


def _cells(nb: nbformat.NotebookNode) -> list[tuple[str, str, list[str]]]:
    """What the two halves must agree on: each cell's type, source and tags, in order."""
    return [(c.cell_type, c.source, list(c.metadata.get("tags", []))) for c in nb.cells]


def pair_problems(folder: Path) -> list[str]:
    """Every way the pairs of ``folder`` disagree (empty when all are in sync)."""
    problems = []
    ipynbs = {p.stem for p in folder.glob("*.ipynb")}
    texts = {p.stem for p in folder.glob("*.py")}
    problems += [f"{n}.ipynb has no {n}.py: run `jupytext --set-formats {FORMATS} "
                 f"notebooks/{n}.ipynb`" for n in sorted(ipynbs - texts)]
    problems += [f"{n}.py has no {n}.ipynb: run `make notebooks NB={n}`"
                 for n in sorted(texts - ipynbs)]
    for name in sorted(ipynbs & texts):
        nb = nbformat.read(folder / f"{name}.ipynb", as_version=4)
        text = jupytext.read(folder / f"{name}.py", fmt="py:percent")
        if nb.metadata.get("jupytext", {}).get("formats") != FORMATS:
            problems.append(f"{name}.ipynb is not paired: its metadata lacks "
                            f"jupytext.formats = {FORMATS!r}")
        a, b = _cells(nb), _cells(text)
        if a != b:
            where = next((i for i, (x, y) in enumerate(zip(a, b, strict=False)) if x != y),
                         min(len(a), len(b)))
            problems.append(
                f"{name}: the .ipynb ({len(a)} cells) and the .py ({len(b)} cells) differ from "
                f"cell {where} on; run `jupytext --sync notebooks/{name}.ipynb` (the newer file "
                f"wins) or `make notebooks NB={name}` (from the .py)"
            )
    return problems


def test_there_are_pairs() -> None:
    assert len(NAMES) >= 24, NAMES


def test_every_notebook_has_a_text_pair_and_back() -> None:
    assert not [p for p in pair_problems(NOTEBOOKS) if " has no " in p]


@pytest.mark.parametrize("name", NAMES)
def test_pair_in_sync(name: str, tmp_path: Path) -> None:
    for suffix in (".ipynb", ".py"):
        shutil.copy(NOTEBOOKS / f"{name}{suffix}", tmp_path)
    assert pair_problems(tmp_path) == []


# --- the check itself fails when it should -------------------------------------------------


@pytest.fixture
def pair(tmp_path: Path) -> Path:
    """A copy of one real pair (05_nps) in ``tmp_path``."""
    for suffix in (".ipynb", ".py"):
        shutil.copy(NOTEBOOKS / f"05_nps{suffix}", tmp_path)
    assert pair_problems(tmp_path) == []
    return tmp_path


def test_an_edited_text_half_is_out_of_sync(pair: Path) -> None:
    text = pair / "05_nps.py"
    source = text.read_text(encoding="utf-8")
    assert "data_dir = None" in source
    text.write_text(source.replace("data_dir = None", "data_dir = 'elsewhere'", 1), "utf-8")
    [problem] = pair_problems(pair)
    assert "05_nps" in problem and "differ from cell" in problem


def test_an_edited_ipynb_half_is_out_of_sync(pair: Path) -> None:
    path = pair / "05_nps.ipynb"
    nb = nbformat.read(path, as_version=4)
    nb.cells[-1].source += "\n\nOne more sentence."
    nbformat.write(nb, path)
    [problem] = pair_problems(pair)
    assert f"cell {len(nb.cells) - 1} on" in problem


def test_an_added_cell_a_changed_type_and_a_lost_tag_are_out_of_sync(pair: Path) -> None:
    path = pair / "05_nps.ipynb"
    original = nbformat.read(path, as_version=4)
    for change in ("add", "type", "tag"):
        nb = nbformat.from_dict(original)
        if change == "add":
            nb.cells.append(nbformat.v4.new_code_cell("1 + 1"))
        elif change == "type":
            first = nb.cells[0]
            nb.cells[0] = nbformat.v4.new_raw_cell(first.source, id=first.id)
        else:
            nb.cells[1].metadata["tags"] = []
        nbformat.write(nb, path)
        assert len(pair_problems(pair)) == 1, change


def test_outputs_and_other_metadata_are_not_compared(pair: Path) -> None:
    path = pair / "05_nps.ipynb"
    nb = nbformat.read(path, as_version=4)
    for cell in nb.cells:
        if cell.cell_type == "code":
            cell.outputs, cell.execution_count = [], None
        cell.metadata["collapsed"] = True
    nbformat.write(nb, path)
    assert pair_problems(pair) == []


def test_a_missing_half_or_pairing_is_reported(pair: Path) -> None:
    (pair / "05_nps.py").rename(pair / "05_other.py")
    problems = pair_problems(pair)
    assert any("05_nps.ipynb has no 05_nps.py" in p for p in problems)
    assert any("05_other.py has no 05_other.ipynb" in p for p in problems)
    (pair / "05_other.py").rename(pair / "05_nps.py")
    nb = nbformat.read(pair / "05_nps.ipynb", as_version=4)
    del nb.metadata["jupytext"]
    nbformat.write(nb, pair / "05_nps.ipynb")
    [problem] = pair_problems(pair)
    assert "not paired" in problem
