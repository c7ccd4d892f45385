"""Copy the notebooks, outputs cleared, to a folder a learner opens in JupyterLab (``make student``).

Usage: python tools/student_copy.py [--out student] [--force]

The committed notebooks (``notebooks/*.ipynb``) carry the outputs that nbval checks and the
documentation shows, so running one in place changes the checkout. A new hire works in a copy
instead: ``student/`` (git-ignored) gets every notebook with its outputs, execution counts and
widget state cleared and without the jupytext pairing (the ``.py`` halves are not needed there,
and JupyterLab would otherwise write one beside each copy). The notebooks load the bundled sample
company when ``data_dir`` is None, so they run from any folder.

A copy that already exists is kept (it may hold the learner's work) unless ``--force``.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

import nbformat

ROOT = Path(__file__).resolve().parent.parent
NOTEBOOKS = ROOT / "notebooks"


def cleared(nb: nbformat.NotebookNode) -> nbformat.NotebookNode:
    """``nb`` without outputs, execution counts, widget state or jupytext pairing."""
    nb = nbformat.from_dict(nb)
    for cell in nb.cells:
        if cell.cell_type == "code":
            cell.outputs = []
            cell.execution_count = None
        cell.metadata.pop("execution", None)
    nb.metadata.pop("widgets", None)
    nb.metadata.pop("jupytext", None)
    return nb


def copy(out: Path, force: bool = False, source: Path = NOTEBOOKS) -> list[Path]:
    """Write a cleared copy of every ``source/*.ipynb`` into ``out``; the files written."""
    out.mkdir(parents=True, exist_ok=True)
    written = []
    for path in sorted(source.glob("*.ipynb")):
        target = out / path.name
        if target.exists() and not force:
            print(f"kept {target} (yours; --force or make student FORCE=1 to replace it)")
            continue
        nbformat.write(cleared(nbformat.read(path, as_version=4)), target)
        written.append(target)
    print(f"{len(written)} notebooks copied to {out}/: open them with `jupyter lab {out}`")
    return written


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--out", default="student", help="the folder to write (default: student)")
    parser.add_argument("--force", action="store_true", help="replace copies that exist")
    args = parser.parse_args(argv)
    copy(Path(args.out), force=args.force)
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
