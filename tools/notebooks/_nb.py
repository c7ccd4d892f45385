"""Build notebooks from Python: ``md()`` and ``code()`` cells, one ``parameters`` cell.

A notebook's generator lives in ``tools/notebooks/<notebook>.py`` and defines
``CELLS`` (a list of cells) and ``NAME`` (e.g. ``"01_churn_rate"``). Run
``python tools/notebooks/build.py 01_churn_rate`` to write and execute it.
"""

from __future__ import annotations

import textwrap

import nbformat

PARAMETERS = '''\
# Parameters (papermill can override them): a folder with your own seven tables,
# the month to look at, and the language of labels ("en", "ko", "ja", "zh-Hant").
data_dir = None
month = None  # "YYYY-MM"; None: the latest complete month of the data
lang = "en"'''

SETUP_TEMPLATE = '''\
%matplotlib inline
import cskit
import matplotlib.pyplot as plt
import numpy as np
import pandas as pd
from cskit._notebook import notebook_month, open_company

cskit.set_language(lang)
# The sample company when data_dir is None. When a table this notebook needs is
# absent, open_company says so and the rest of the notebook is skipped.
company = open_company(data_dir, needs={needs}{survey})
month = notebook_month(company, month)'''


def setup(*needs: str, survey: str | None = None) -> str:
    """The setup cell: imports, language, the data (stopping if ``needs`` are absent, or
    when the surveys table has no answers of the ``survey`` kind)."""
    extra = f", survey={survey!r}" if survey else ""
    return SETUP_TEMPLATE.format(needs=repr(tuple(needs)), survey=extra)


SETUP = setup()


def _dedent(text: str) -> str:
    """Remove the source's indentation, also when an inserted value (an f-string's
    multi-line list) brought lines without it: ``textwrap.dedent`` would then remove
    nothing, and Markdown would show the whole cell as a code block."""
    lines = text.split("\n")
    indents = [len(ln) - len(ln.lstrip(" ")) for ln in lines if ln.strip() and ln[:1] == " "]
    cut = min(indents, default=0)
    return "\n".join("" if not ln.strip() else ln[cut:] if ln[:cut].strip() == "" else ln
                     for ln in lines)


def md(text: str) -> nbformat.NotebookNode:
    return nbformat.v4.new_markdown_cell(_dedent(text).strip())


def code(source: str, *tags: str) -> nbformat.NotebookNode:
    cell = nbformat.v4.new_code_cell(textwrap.dedent(source).strip())
    if tags:
        cell.metadata["tags"] = list(tags)
    return cell


def parameters(extra: str = "") -> nbformat.NotebookNode:
    source = PARAMETERS + ("\n" + textwrap.dedent(extra).strip() if extra else "")
    return code(source, "parameters")


def notebook(cells: list) -> nbformat.NotebookNode:
    nb = nbformat.v4.new_notebook()
    nb.cells = cells
    for i, cell in enumerate(nb.cells):
        cell["id"] = f"cell-{i:02d}"  # stable ids: a rebuild changes only what really changed
    nb.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3", "language": "python"}
    nb.metadata["language_info"] = {"name": "python"}
    return nb


def before_exercises(cells: list, block: list) -> list:
    """``cells`` with ``block`` inserted before the markdown cell holding "## Exercises"
    (at the end when there is none): sections added by later work go in as one block."""
    for i, cell in enumerate(cells):
        if cell.cell_type == "markdown" and "## Exercises" in cell.source:
            return cells[:i] + block + cells[i:]
    return cells + block


def read_it(kpi: str) -> list:
    """The "Read it, act on it" section: published ranges with their source, year and
    caveats, what moves the number and the first three things a CSM does
    (:func:`cskit.guide.read_it`; the content lives in the library, one copy for all)."""
    return [
        md(
            """
            ## Read it, act on it

            Is this number good? Published ranges (each with its source, year and caveats —
            compare like with like: segment, contract size and how the source defines the
            KPI), what moves the number, and the first three things a CSM does when it moves.
            """
        ),
        code(f"cskit.guide.read_it({kpi!r})"),
    ]
