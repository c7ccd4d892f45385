"""Turn the notebook generators of ``tools/notebooks/`` into jupytext pairs, once.

Usage::

    python tools/generators_to_text.py              # generators in tools/notebooks/
    python tools/generators_to_text.py --ref REV    # generators as committed at git REV

Until version 0.1 every notebook ``notebooks/NAME.ipynb`` was written by a generator
``tools/notebooks/NAME.py`` (``md()`` / ``code()`` cells, helpers in ``_nb.py``). Since then a
notebook is a pair: ``notebooks/NAME.ipynb`` (with its outputs) and ``notebooks/NAME.py`` (the
same cells as text, jupytext's percent format). This script does the change, for every
generator:

1. builds the cells from the generator, so every source is exactly what the generator says;
2. writes them into ``notebooks/NAME.ipynb``, keeping the stored outputs (and execution count)
   of every code cell whose source and position in the sequence of unchanged cells is found
   in the stored notebook; the stored notebook metadata stays, and ``jupytext.formats`` says
   ``ipynb,py:percent`` so that JupyterLab keeps the pair together;
3. writes ``notebooks/NAME.py`` from those cells;

then pairs any ``notebooks/*.ipynb`` that had no generator, and deletes ``tools/notebooks/``
(the generators, ``_nb.py`` and ``build.py``). It is idempotent: a second run with the same
generators writes the same files, and a run without generators only pairs unpaired notebooks.

``--ref REV`` reads the generators from a git revision (e.g. the merge of everybody's generator
changes) instead of the working tree; ``--keep`` leaves ``tools/notebooks/`` in place. A
notebook whose code changed is listed at the end: run ``make notebooks NB=NAME`` to execute it.
"""

from __future__ import annotations

import argparse
import contextlib
import difflib
import importlib.util
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path

import jupytext
import nbformat

ROOT = Path(__file__).resolve().parent.parent
NOTEBOOKS = ROOT / "notebooks"
GENERATORS = ROOT / "tools" / "notebooks"
FORMATS = "ipynb,py:percent"
TEXT_FORMAT = "py:percent"
#: Files of the generator folder that are not generators.
NOT_GENERATORS = {"build"}
KERNELSPEC = {"name": "python3", "display_name": "Python 3", "language": "python"}


def generator_files(folder: Path) -> list[Path]:
    """Every generator of ``folder``: ``NAME.py``, not ``_``-prefixed, not ``build.py``."""
    return sorted(
        p for p in folder.glob("*.py") if not p.name.startswith("_") and p.stem not in NOT_GENERATORS
    )


def load_cells(path: Path) -> tuple[str, list]:
    """The notebook name and cells a generator defines (``NAME`` and ``CELLS``)."""
    added = str(path.parent)
    sys.path.insert(0, added)
    try:
        spec = importlib.util.spec_from_file_location(f"_generator_{path.stem}", path)
        module = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(module)
    finally:
        sys.path.remove(added)
    return getattr(module, "NAME", path.stem), list(module.CELLS)


def _key(cell: nbformat.NotebookNode) -> tuple[str, str]:
    return cell.cell_type, cell.source


def merge(cells: list, stored: nbformat.NotebookNode | None) -> tuple[nbformat.NotebookNode, int]:
    """A notebook of ``cells`` with the outputs of ``stored`` where the cell is unchanged.

    Returns the notebook and how many of its code cells have no stored run (they changed).
    """
    nb = nbformat.v4.new_notebook()
    if stored is not None:
        nb.metadata = nbformat.from_dict(dict(stored.metadata))
    nb.metadata["kernelspec"] = dict(KERNELSPEC)
    nb.metadata.setdefault("language_info", {"name": "python"})
    nb.metadata["jupytext"] = {"formats": FORMATS}
    new = []
    for i, cell in enumerate(cells):
        cell = nbformat.from_dict(dict(cell))
        cell["id"] = f"cell-{i:02d}"  # the ids the generators' build gave (stable diffs)
        if cell.cell_type == "code":
            cell["outputs"], cell["execution_count"] = [], None
        new.append(cell)
    old = list(stored.cells) if stored is not None else []
    matcher = difflib.SequenceMatcher(None, [_key(c) for c in old], [_key(c) for c in new],
                                      autojunk=False)
    for block in matcher.get_matching_blocks():
        for k in range(block.size):
            was, cell = old[block.a + k], new[block.b + k]
            if cell.cell_type == "code":
                cell["outputs"] = was.get("outputs", [])
                cell["execution_count"] = was.get("execution_count")
    nb.cells = new
    unrun = sum(1 for c in new if c.cell_type == "code" and c.source.strip()
                and c.execution_count is None)
    return nb, unrun


def write_pair(nb: nbformat.NotebookNode, ipynb: Path) -> None:
    """``ipynb`` and its percent-format ``.py`` beside it, from the same cells."""
    nb.metadata.setdefault("jupytext", {})["formats"] = FORMATS
    nbformat.validate(nb)
    nbformat.write(nb, ipynb)
    text = jupytext.writes(nb, fmt=TEXT_FORMAT)
    pair = ipynb.with_suffix(".py")
    if not pair.is_file() or pair.read_text(encoding="utf-8") != text:
        pair.write_text(text, encoding="utf-8")


@contextlib.contextmanager
def generators_at(ref: str | None) -> Iterator[Path]:
    """The generator folder: the working tree's, or a temporary copy of git revision ``ref``."""
    if ref is None:
        yield GENERATORS
        return
    with tempfile.TemporaryDirectory() as tmp:
        archive = subprocess.run(["git", "-C", str(ROOT), "archive", ref, "tools/notebooks"],
                                 check=True, capture_output=True).stdout
        subprocess.run(["tar", "-x", "-C", tmp], input=archive, check=True)
        yield Path(tmp) / "tools" / "notebooks"


def convert(ref: str | None = None, keep: bool = False) -> list[str]:
    """Convert every generator (see the module doc); the notebooks that need a run."""
    to_run = []
    with generators_at(ref) as folder:
        generators = generator_files(folder) if folder.is_dir() else []
        for path in generators:
            name, cells = load_cells(path)
            ipynb = NOTEBOOKS / f"{name}.ipynb"
            stored = nbformat.read(ipynb, as_version=4) if ipynb.is_file() else None
            nb, unrun = merge(cells, stored)
            write_pair(nb, ipynb)
            print(f"{path.name} -> notebooks/{name}.ipynb + notebooks/{name}.py"
                  + (f" ({unrun} code cell(s) to run)" if unrun else ""))
            if unrun:
                to_run.append(name)
    for ipynb in sorted(NOTEBOOKS.glob("*.ipynb")):
        if not ipynb.with_suffix(".py").is_file():
            write_pair(nbformat.read(ipynb, as_version=4), ipynb)
            print(f"paired notebooks/{ipynb.name} (no generator) with notebooks/{ipynb.stem}.py")
    if GENERATORS.exists() and not keep:
        shutil.rmtree(GENERATORS)
        print(f"removed {GENERATORS.relative_to(ROOT)}/")
    if not generators:
        print("no generators found: nothing to convert (already done?)")
    return to_run


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--ref", help="read the generators from this git revision")
    parser.add_argument("--keep", action="store_true", help="do not delete tools/notebooks/")
    args = parser.parse_args(argv)
    to_run = convert(args.ref, args.keep)
    if to_run:
        print("code changed, outputs to rebuild: make notebooks NB=" + ",".join(to_run))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
