"""Write and execute notebooks from their generators in this folder.

Usage: python tools/notebooks/build.py 01_churn_rate [05_nps ...]   (or "all")
"""

from __future__ import annotations

import importlib.util
import os
import sys
from pathlib import Path

import nbformat

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent.parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(ROOT / "tools"))

from execute_notebooks import execute  # noqa: E402


def build(name: str) -> Path:
    spec = importlib.util.spec_from_file_location(f"nb_{name}", HERE / f"{name}.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    from _nb import notebook

    path = ROOT / "notebooks" / f"{name}.ipynb"
    nbformat.write(notebook(module.CELLS), path)
    execute(path)
    return path


def main(argv: list[str]) -> int:
    os.environ.setdefault("MPLBACKEND", "Agg")
    names = argv
    if argv == ["all"]:
        names = sorted(p.stem for p in HERE.glob("[0-9a-z]*.py") if p.stem not in {"build"})
    for name in names:
        build(name)
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
