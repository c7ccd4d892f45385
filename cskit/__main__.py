"""``python -m cskit`` runs the ``cskit`` command line (see :mod:`cskit.cli`)."""

from cskit.cli import main

if __name__ == "__main__":
    raise SystemExit(main())
