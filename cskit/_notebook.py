"""Load a data folder for a KPI notebook, and stop cleanly when its tables are absent.

Every KPI notebook starts with::

    company = cskit._notebook.open_company(data_dir, needs=("mrr",))

``data_dir=None`` is the bundled sample company. Any other folder may hold any
subset of the seven tables (each in the file :func:`cskit.datasets.write_sample`
writes, e.g. ``mrr.csv``, ``events.csv.gz``, or as ``<table>.parquet``); an absent
table is ``None`` on the result, and ``mrr`` is derived from ``subscriptions``
when only the latter is there.

When a table in ``needs`` is absent, the notebook cannot say anything useful:
:func:`open_company` prints one localised line naming the missing tables and,
inside IPython/Jupyter, registers an input transformer that turns every later
cell into an empty one. The run then ends *without an error* (papermill and
nbval succeed) and the message is the notebook's first output. Outside IPython
(a plain script) it raises :class:`~cskit.errors.CskitError` with the same text.

>>> import cskit._notebook as nbk
>>> company = nbk.open_company(None, needs=("mrr", "tickets"))
>>> company.tickets is not None
True
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

import pandas as pd

from cskit.errors import CskitError
from cskit.i18n import t

__all__ = ["notebook_month", "open_company", "skip_rest", "skipping"]

_state = {"skipping": False}


def _skip_cell(lines: list[str]) -> list[str]:
    """IPython input transformer: every cell run after the stop becomes empty."""
    return []


def skipping() -> bool:
    """Whether :func:`skip_rest` has stopped this notebook."""
    return _state["skipping"]


def skip_rest(message: str) -> None:
    """Print ``message`` and make every later cell of this IPython session a no-op.

    Outside IPython there are no later cells to skip: raise
    :class:`~cskit.errors.CskitError` with ``message`` instead.
    """
    try:
        from IPython import get_ipython
    except ImportError:  # pragma: no cover - IPython is a dependency of the notebooks
        get_ipython = None  # noqa: N806
    shell = get_ipython() if get_ipython else None
    if shell is None:
        raise CskitError(message)
    print(message)
    if _skip_cell not in shell.input_transformers_cleanup:
        shell.input_transformers_cleanup.append(_skip_cell)
    _state["skipping"] = True


def open_company(
    data_dir: str | Path | None = None, needs: Iterable[str] = (), survey: str | None = None
):
    """The tables of ``data_dir`` (the sample when ``None``); stop if ``needs`` are absent.

    Parameters
    ----------
    data_dir : str or Path, optional
        A folder with some of the seven tables of the data contract.
    needs : iterable of str
        Tables without which the notebook cannot run (e.g. ``("mrr",)``).
    survey : str, optional
        A survey kind (``"ces"``) the surveys table must hold answers of.

    Returns
    -------
    cskit.datasets.SampleCompany
        With ``None`` for each absent table.
    """
    from cskit.datasets import SCHEMA, SampleCompany, load_sample

    needs = list(needs)
    unknown = [n for n in needs if n not in SCHEMA]
    if unknown:
        raise CskitError(f"needs={unknown!r}: unknown tables; use some of {list(SCHEMA)}.")
    if data_dir is None:
        sample = load_sample()
        _state["complete_month"] = sample.latest_month
        return sample
    directory = Path(data_dir)
    if not directory.is_dir():
        raise CskitError(f"data_dir={str(directory)!r} is not a folder; pass a folder that "
                         "holds your tables as <table>.csv (or None for the sample company).")
    # The same reader as `cskit report --data`: <table>.csv, .csv.gz or .parquet, UTC offsets
    # to UTC, mrr derived from subscriptions (up to the as-of month) when absent.
    from cskit.datasets import load_company

    loaded = load_company(directory)
    _state["complete_month"] = loaded.latest_complete_month
    tables = {name: getattr(loaded, name, None) for name in SCHEMA}
    company = SampleCompany(**tables)
    missing = [n for n in needs if tables[n] is None]
    answers = tables.get("surveys")
    if not missing and survey is not None and answers is not None and "survey" in answers:
        kinds = answers["survey"].astype("string").str.strip().str.lower()
        if not (kinds == survey).any():
            skip_rest(t("notebook.missing_survey", survey=survey, folder=str(directory),
                        present=", ".join(sorted(kinds.dropna().unique())) or
                        t("notebook.no_tables")))
            return company
    if missing:
        present = [n for n, frame in tables.items() if frame is not None]
        skip_rest(t(
            "notebook.missing_tables",
            missing=", ".join(missing),
            folder=str(directory),
            present=", ".join(present) or t("notebook.no_tables"),
            files=", ".join(SCHEMA[n]["file"] for n in missing),
        ))
    return company


def notebook_month(company, month: object = None) -> pd.Period | None:
    """The month a notebook looks at: ``month`` checked against the data, or by default
    (``None``) the latest *complete* month of the folder :func:`open_company` read.

    The same rule as ``cskit report``: data exported on 2026-10-03 gives 2026-09. A month
    outside the data's MRR months is a :class:`~cskit.errors.CskitError` naming the span.

    >>> import cskit._notebook as nbk
    >>> company = nbk.open_company(None, needs=("mrr",))
    >>> str(nbk.notebook_month(company)), str(nbk.notebook_month(company, "2026-09"))
    ('2026-10', '2026-09')
    """
    from cskit._months import parse_month, pick_month

    mrr = getattr(company, "mrr", None)
    if month is None:
        chosen = _state.get("complete_month")
        if chosen is None and isinstance(mrr, pd.DataFrame) and len(mrr):
            chosen = pd.PeriodIndex(mrr["month"], freq="M").max()
        if chosen is None and not skipping():
            raise CskitError("This data has no complete month to look at; pass month='YYYY-MM'.")
        return chosen
    if isinstance(mrr, pd.DataFrame) and len(mrr) and not skipping():
        return pick_month(month, pd.PeriodIndex(mrr["month"], freq="M"))
    return parse_month(month)
