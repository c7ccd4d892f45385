"""Sphinx configuration of the cskit documentation site (``make docs``).

Built with the PyData stack: Sphinx, myst-nb (Markdown pages and the notebooks, rendered from
their stored outputs: nothing is executed at build time), numpydoc (the API reference from the
docstrings) and pydata-sphinx-theme.

Two kinds of page are made at build time, from files that live elsewhere in the repository, so
no notebook or figure is stored twice (both folders are git-ignored):

* ``kpis/``: a copy of every KPI notebook ``notebooks/NN_*.ipynb`` and of the report
  notebook (myst-nb reads only files under the source folder; copying at build time keeps
  the repository free of duplicate notebooks);
* ``_generated/``: the static figure of each explainer, drawn by
  :func:`cskit.explain._figures.png` from the sample company, and the part of the explainers
  page that shows them under each explainer's own title.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("MPLBACKEND", "Agg")

import cskit  # noqa: E402

project = "cskit"
author = "cskit developers"
copyright = "cskit developers, BSD-3-Clause"  # noqa: A001
version = release = cskit.__version__

extensions = [
    "myst_nb",
    "numpydoc",
    "sphinx.ext.autodoc",
]
exclude_patterns = ["_build", "_generated/*.md", "Thumbs.db", ".DS_Store", "**.ipynb_checkpoints"]
source_suffix = {".md": "myst-nb", ".ipynb": "myst-nb", ".rst": "restructuredtext"}

# --- notebooks: stored outputs only --------------------------------------------------------
nb_execution_mode = "off"
# Explainers are stored as static figures; no widget JavaScript (nor its CDN) is needed.
nb_ipywidgets_js: dict = {}
# Formulas ($...$, $$...$$) are typeset by MathJax, the one resource loaded from outside (its
# CDN); offline, a reader sees the TeX source instead.
myst_enable_extensions = ["dollarmath", "amsmath", "colon_fence", "deflist"]
myst_heading_anchors = 3

# --- API reference -------------------------------------------------------------------------
autodoc_typehints = "none"  # numpydoc shows the types from the docstrings
autodoc_default_options = {"members": True, "undoc-members": False}
numpydoc_show_class_members = False
numpydoc_class_members_toctree = False
numpydoc_validation_checks: set[str] = set()

# --- HTML ----------------------------------------------------------------------------------
html_theme = "pydata_sphinx_theme"
html_title = f"cskit {release}"
html_static_path = ["_static"]
html_favicon = "_static/favicon.svg"
html_theme_options = {
    "navigation_with_keys": False,
    "show_toc_level": 2,
    "footer_start": ["copyright"],
    "footer_end": ["sphinx-version", "theme-version"],
}
html_show_sourcelink = False
# A first visit has no stored mode; without a default the theme logs a console error.
html_context = {"default_mode": "auto"}


def _copy_notebooks() -> None:
    """``kpis/NAME.ipynb``: a build-time copy of every ``notebooks/NN_*.ipynb`` and the report.

    A copy (not a symbolic link) so that the notebooks' links to each other resolve here; the
    folder is git-ignored and files are rewritten only when they changed (incremental builds).
    """
    target = HERE / "kpis"
    target.mkdir(exist_ok=True)
    notebooks = sorted((ROOT / "notebooks").glob("[0-9][0-9]_*.ipynb"))
    notebooks.append(ROOT / "notebooks" / "monthly_report.ipynb")
    wanted = {nb.name: nb for nb in notebooks if nb.is_file()}
    for old in target.iterdir():
        if old.name not in wanted:
            old.unlink()
    for name, notebook in wanted.items():
        copy = target / name
        data = notebook.read_bytes()
        if name == "monthly_report.ipynb":
            data = _with_title(data, REPORT_INTRO)
        if not copy.is_file() or copy.read_bytes() != data:
            copy.write_bytes(data)


#: The report notebook's title comes from a code cell's output; the page gets this heading.
REPORT_INTRO = (
    "# The monthly report notebook\n\n"
    "`cskit report --data DIR --month YYYY-MM` runs this notebook with papermill and writes it, "
    "executed, with an HTML rendering (code hidden). Below: its stored run on the sample company."
)


def _with_title(data: bytes, markdown: str) -> bytes:
    """The notebook ``data`` with a first Markdown cell ``markdown`` (JSON in, JSON out)."""
    import json

    notebook = json.loads(data)
    cell = {"cell_type": "markdown", "id": "docs-title", "metadata": {}, "source": markdown}
    notebook["cells"].insert(0, cell)
    return json.dumps(notebook, ensure_ascii=False, indent=1).encode()


def _explainer_figures() -> None:
    """The static figure of every explainer, in English, on the sample company."""
    from cskit.explain import EXPLAINERS
    from cskit.explain._figures import png

    out = HERE / "_generated" / "explainers"
    out.mkdir(parents=True, exist_ok=True)
    cskit.set_language("en")
    sections = []
    for name, build in EXPLAINERS.items():
        view = build(mode="static").view
        path = out / f"{name}.png"
        data = png(view)
        if not path.is_file() or path.read_bytes() != data:
            path.write_bytes(data)
        sections += [f"## {view.title}", "", f"{{func}}`cskit.explain.{name}`", "",
                     f"```{{image}} /_generated/explainers/{name}.png",
                     f":alt: The static figure of cskit.explain.{name}()", "```", ""]
    page = HERE / "_generated" / "explainers.md"
    text = "\n".join(sections)
    if not page.is_file() or page.read_text() != text:
        page.write_text(text)


def _optional_pages(app, docname: str, source: list[str]) -> None:
    """Drop toctree entries of pages that another change adds (e.g. ``conventions``) while
    their file is absent, so the site builds, warnings as errors, with or without them."""
    if docname != "index":
        return
    for page in OPTIONAL_PAGES:
        if not (HERE / f"{page}.md").is_file():
            source[0] = source[0].replace(f"\n{page}\n", "\n")


#: Pages listed in the index only when their file exists.
OPTIONAL_PAGES = ("conventions",)


def setup(app) -> None:  # noqa: ANN001 - the Sphinx application
    app.connect("source-read", _optional_pages)


_copy_notebooks()
_explainer_figures()
