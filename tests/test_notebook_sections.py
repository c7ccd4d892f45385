"""Every KPI notebook (01–22) has the common sections (issue 17 item 7; DECISIONS.md).

A heading is a Markdown line starting with ``## `` and the section's name; it may go on
after the name ("## The formula, and who is in it"). One test per notebook and section,
so a failure names both.
"""

from __future__ import annotations

from pathlib import Path

import nbformat
import pytest

ROOT = Path(__file__).resolve().parents[1]
KPI_NOTEBOOKS = sorted(p.name for p in (ROOT / "notebooks").glob("[0-2][0-9]_*.ipynb")
                       if 1 <= int(p.name[:2]) <= 22)
SECTIONS = (
    "## Why it matters",
    "## The formula",
    "## A small example by hand",
    "## Where the source articles",
    "## Read it, act on it",
    "## Common mistakes",
    "## Exercises",
)


def headings(name: str) -> list[str]:
    notebook = nbformat.read(ROOT / "notebooks" / name, as_version=4)
    return [line.strip() for cell in notebook.cells if cell.cell_type == "markdown"
            for line in cell.source.splitlines() if line.startswith("## ")]


def test_there_are_22_kpi_notebooks():
    assert len(KPI_NOTEBOOKS) == 22


@pytest.mark.parametrize("notebook", KPI_NOTEBOOKS)
@pytest.mark.parametrize("section", SECTIONS)
def test_kpi_notebook_has_the_common_section(notebook, section):
    # "## The formula" also matches "## The formulas" (several forms of one KPI)
    assert any(h == section or (h.startswith(section) and not h[len(section)].isalnum())
               or h.startswith(section + "s") for h in headings(notebook)), \
        f"{notebook} has no {section!r} heading"


@pytest.mark.parametrize("notebook", KPI_NOTEBOOKS)
def test_why_it_matters_comes_first(notebook):
    """"Why it matters" is a short section near the top, before the formula."""
    found = headings(notebook)
    order = [next((i for i, h in enumerate(found) if h.startswith(s)), None)
             for s in SECTIONS[:2]]
    if None not in order:
        assert order[0] < order[1]
