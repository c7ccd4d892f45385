"""Rebuild notebooks from their text: sync each pair from its ``.py``, then execute the ``.ipynb``.

Usage: python tools/build_notebooks.py 05_nps [02_churn_rate ...]   (or "all"; commas work too)

A notebook is a jupytext pair in ``notebooks/``: ``NAME.py`` (percent format, the cells as text)
and ``NAME.ipynb`` (the same cells with their stored outputs, which nbval checks and the docs
show). For each name this script

1. reads the cells of ``NAME.py`` and writes them into ``NAME.ipynb``, keeping the outputs of
   the cells jupytext finds unchanged (as ``jupytext --update --to ipynb NAME.py`` does);
2. executes ``NAME.ipynb`` in place with the current environment's ``python3`` kernel
   (``tools/execute_notebooks.py``, run as its own process, so explainers know they run
   headless and store their static figure);
3. leaves ``NAME.py`` newer than ``NAME.ipynb`` (the text is where the cells come from).

If ``NAME.ipynb`` holds other cells than ``NAME.py`` *and* was saved after it (edited in a
front end without jupytext), nothing is overwritten: run ``jupytext --sync notebooks/NAME.ipynb``
(the newer file wins), check the diff, and build again.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import jupytext
import nbformat
from jupytext.combine import combine_inputs_with_outputs

ROOT = Path(__file__).resolve().parent.parent
NOTEBOOKS = ROOT / "notebooks"
EXECUTE = ROOT / "tools" / "execute_notebooks.py"
TEXT_FORMAT = "py:percent"


class OutOfSync(Exception):
    """The ``.ipynb`` was edited after its ``.py`` and their cells differ."""


def inputs(nb: nbformat.NotebookNode) -> list[tuple[str, str]]:
    """What a pair must agree on: each cell's type and source, in order."""
    return [(cell.cell_type, cell.source) for cell in nb.cells]


def names(argv: list[str]) -> list[str]:
    """The notebooks named on the command line ("all": every pair in ``notebooks/``)."""
    wanted = [name for arg in argv for name in arg.split(",") if name]
    if wanted == ["all"]:
        return sorted(path.stem for path in NOTEBOOKS.glob("*.py"))
    return [Path(name).stem for name in wanted]


def sync_from_text(name: str) -> Path:
    """Write the cells of ``notebooks/NAME.py`` into ``notebooks/NAME.ipynb`` (outputs kept)."""
    text, ipynb = NOTEBOOKS / f"{name}.py", NOTEBOOKS / f"{name}.ipynb"
    if not text.is_file():
        raise FileNotFoundError(f"{text} does not exist (names: {', '.join(names(['all']))})")
    source = jupytext.read(text, fmt=TEXT_FORMAT)
    if ipynb.is_file():
        stored = nbformat.read(ipynb, as_version=4)
        if inputs(stored) != inputs(source) and ipynb.stat().st_mtime > text.stat().st_mtime:
            raise OutOfSync(
                f"{ipynb.relative_to(ROOT)} was saved after {text.name} and their cells differ; "
                f"run `jupytext --sync {ipynb.relative_to(ROOT)}` (the newer file wins), check "
                f"`git diff`, then build again."
            )
        nb = combine_inputs_with_outputs(source, stored, fmt=TEXT_FORMAT)
    else:
        nb = source
    nb.metadata.setdefault("jupytext", {})["formats"] = "ipynb,py:percent"
    nb.metadata["jupytext"].pop("text_representation", None)
    nbformat.write(nb, ipynb)
    return ipynb


def build(name: str) -> Path:
    """Sync ``name`` from its text, execute it, and leave the text the newer file."""
    ipynb = sync_from_text(name)
    subprocess.run([sys.executable, str(EXECUTE), str(ipynb)], check=True)
    text = ipynb.with_suffix(".py")
    executed = jupytext.writes(nbformat.read(ipynb, as_version=4), fmt=TEXT_FORMAT)
    if text.read_text(encoding="utf-8") != executed:
        text.write_text(executed, encoding="utf-8")
    os.utime(text)
    return ipynb


def main(argv: list[str]) -> int:
    if not argv:
        print(__doc__.split("\n\n")[1], file=sys.stderr)
        return 2
    os.environ.setdefault("MPLBACKEND", "Agg")
    try:
        for name in names(argv):
            build(name)
    except (OutOfSync, FileNotFoundError) as error:
        print(f"error: {error}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
