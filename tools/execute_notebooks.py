"""Execute notebooks in place so their stored outputs match what nbval will see.

Usage: python tools/execute_notebooks.py notebooks/02_churn_rate.ipynb [...]

Each notebook runs in its own directory with the ``python3`` kernel of the
current environment, as nbval does, and is saved with its outputs.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

import nbformat
from nbclient import NotebookClient


def execute(path: Path) -> None:
    nb = nbformat.read(path, as_version=4)
    nb.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3", "language": "python"}
    client = NotebookClient(
        nb, timeout=900, kernel_name="python3", resources={"metadata": {"path": str(path.parent)}}
    )
    client.execute()
    for cell in nb.cells:
        cell.metadata.pop("execution", None)
    nbformat.write(nb, path)
    print(f"executed {path}")


def main(argv: list[str]) -> int:
    os.environ.setdefault("MPLBACKEND", "Agg")
    for name in argv:
        execute(Path(name))
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
