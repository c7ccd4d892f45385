"""``python -m cskit`` runs the ``cskit`` command line (see :mod:`cskit.cli`).

Without a command it prints a short help that points to ``cskit report`` and the docs.
"""

from cskit.cli import main

if __name__ == "__main__":
    raise SystemExit(main())
