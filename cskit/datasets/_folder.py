"""A company's data folder: any subset of the seven tables, as CSV, gzip CSV or Parquet.

:func:`load_company` reads ``<table>.parquet``, ``<table>.csv.gz`` or
``<table>.csv`` for each table present (the first found, in that order),
types the columns it knows, and derives ``mrr`` from ``subscriptions`` when the
folder has no ``mrr`` file. Tables that are absent are listed in ``missing``.

**As-of date.** Exports are taken on a day; the month of that day has only
begun. The folder's *as-of* instant is the latest timestamp in the columns that
record something that already happened: ``events.timestamp``,
``tickets.created_at`` / ``first_response_at`` / ``resolved_at``,
``surveys.submitted_at``, ``accounts.signup_at`` / ``trial_start`` /
``converted_at`` / ``first_login_at`` and ``subscriptions.start``
(``subscriptions.end`` is left out: a cancellation can be scheduled for a
future date). The *latest complete month* is the month of the as-of instant
when it falls on that month's last day, otherwise the month before: data
exported on 2026-10-03 give 2026-09. A folder with no such timestamp (only
``mrr`` or ``costs``) has no as-of; its last month is taken as complete.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

import numpy as np
import pandas as pd

from cskit.errors import ColumnTypeError, CskitError, MissingColumnError, format_values

#: The seven tables of the data contract, in the order the report uses them.
TABLES: tuple[str, ...] = ("subscriptions", "mrr", "events", "surveys", "tickets", "costs",
                           "accounts")

#: File endings looked for, in order of preference.
SUFFIXES: tuple[str, ...] = (".parquet", ".csv.gz", ".csv")

#: Columns a table cannot do without (the others are optional).
REQUIRED: dict[str, tuple[str, ...]] = {
    "subscriptions": ("customer_id", "start", "end", "amount", "interval"),
    "mrr": ("customer_id", "month", "mrr"),
    "events": ("timestamp",),
    "surveys": ("submitted_at", "score"),
    "tickets": ("created_at",),
    "costs": ("month", "category", "amount"),
    "accounts": ("account_id",),
}

_DATES: dict[str, tuple[str, ...]] = {
    "subscriptions": ("start", "end"),
    "events": ("timestamp",),
    "surveys": ("submitted_at",),
    "tickets": ("created_at", "first_response_at", "resolved_at"),
    "accounts": ("signup_at", "trial_start", "converted_at", "first_login_at"),
}
_MONTHS: dict[str, tuple[str, ...]] = {"mrr": ("month",), "costs": ("month",)}
_NUMBERS: dict[str, tuple[str, ...]] = {
    "subscriptions": ("amount",), "mrr": ("mrr",), "events": ("duration_s",),
    "surveys": ("score",), "tickets": ("agent_replies",), "costs": ("amount",),
    "accounts": ("seats",),
}
_BOOLS: dict[str, tuple[str, ...]] = {"tickets": ("reopened",)}

#: Columns whose latest value says when the data were exported (see the module docstring).
AS_OF_COLUMNS: dict[str, tuple[str, ...]] = {
    "events": ("timestamp",),
    "tickets": ("created_at", "first_response_at", "resolved_at"),
    "surveys": ("submitted_at",),
    "accounts": ("signup_at", "trial_start", "converted_at", "first_login_at"),
    "subscriptions": ("start",),
}


class Company:
    """The tables of one company's data folder.

    Attributes
    ----------
    subscriptions, mrr, events, surveys, tickets, costs, accounts : DataFrame
        The tables present; an absent table is no attribute at all
        (``getattr(company, "events", None)`` is ``None``, see :attr:`missing`).
    directory : Path or None
        Where the tables were read from.
    derived : tuple of str
        Tables computed rather than read (``("mrr",)`` when built from subscriptions).
    """

    def __init__(self, tables: dict[str, pd.DataFrame | None], *, directory: Path | None = None,
                 derived: Iterable[str] = ()) -> None:
        unknown = sorted(set(tables) - set(TABLES))
        if unknown:
            raise CskitError(
                f"Unknown table(s) {format_values(unknown)}; the tables are "
                f"{', '.join(TABLES)}."
            )
        for name in TABLES:  # absent tables are not attributes: hasattr(company, "events")
            if tables.get(name) is not None:
                setattr(self, name, tables[name])
        self.directory = directory
        self.derived = tuple(derived)

    def tables(self) -> dict[str, pd.DataFrame]:
        """The tables present, by name."""
        found = {n: getattr(self, n, None) for n in TABLES}
        return {n: f for n, f in found.items() if isinstance(f, pd.DataFrame)}

    @property
    def missing(self) -> tuple[str, ...]:
        """The tables absent from the folder."""
        return tuple(n for n in TABLES if not isinstance(getattr(self, n, None), pd.DataFrame))

    @property
    def as_of(self) -> pd.Timestamp | None:
        """Latest timestamp of something that happened (see :mod:`cskit.datasets._folder`)."""
        return as_of(self.tables())

    @property
    def latest_complete_month(self) -> pd.Period | None:
        """The last month the data cover in full (``None`` without mrr or as-of)."""
        return latest_complete_month(self.tables())

    def __repr__(self) -> str:
        sizes = ", ".join(f"{n}={len(f):,}" for n, f in self.tables().items())
        return f"Company({sizes})"


def table_file(directory: str | Path, name: str) -> Path | None:
    """The file holding table ``name`` in ``directory`` (``None`` if there is none).

    Examples
    --------
    >>> from cskit.datasets import sample_dir
    >>> table_file(sample_dir(), "events").name, table_file(sample_dir(), "nothing")
    ('events.csv.gz', None)
    """
    for suffix in SUFFIXES:
        path = Path(directory) / f"{name}{suffix}"
        if path.is_file():
            return path
    return None


def _naive_utc(parsed: pd.Series) -> pd.Series:
    if isinstance(parsed.dtype, pd.DatetimeTZDtype):
        parsed = parsed.dt.tz_convert("UTC").dt.tz_localize(None)
    return parsed.astype("datetime64[us]")


def _bad(column: str, path: Path, expected: str, raw: pd.Series, bad: pd.Series) -> CskitError:
    shown = pd.unique(raw[bad].astype("str").to_numpy()).tolist()
    return ColumnTypeError(
        f"Column {column!r} of {path} should hold {expected}; found {format_values(shown)}. "
        f"Fix those values (or leave the cells empty)."
    )


def _type_columns(frame: pd.DataFrame, name: str, path: Path) -> pd.DataFrame:
    frame = frame.copy()
    for column in _DATES.get(name, ()):
        if column not in frame.columns:
            continue
        raw = frame[column]
        if pd.api.types.is_datetime64_any_dtype(raw.dtype):
            frame[column] = _naive_utc(raw)
            continue
        text = raw.astype("str").where(raw.notna())
        aware = text.str.contains(r"(?:[+-]\d\d:?\d\d|Z)$", regex=True, na=False).any()
        parsed = pd.to_datetime(text, format="mixed", errors="coerce", utc=bool(aware))
        bad = parsed.isna() & raw.notna()
        if bad.any():
            raise _bad(column, path, "dates such as '2026-10-03 14:05:00'", raw, bad)
        frame[column] = _naive_utc(parsed)
    for column in _MONTHS.get(name, ()):
        if column not in frame.columns:
            continue
        raw = frame[column]
        if isinstance(raw.dtype, pd.PeriodDtype):
            frame[column] = raw.dt.asfreq("M")
            continue
        text = raw.astype("str").where(raw.notna())
        parsed = pd.to_datetime(text, format="mixed", errors="coerce")
        bad = parsed.isna()
        if bad.any():
            raise _bad(column, path, "months such as '2026-10'", raw, bad)
        frame[column] = parsed.dt.to_period("M")
    for column in _NUMBERS.get(name, ()):
        if column not in frame.columns:
            continue
        raw = frame[column]
        parsed = pd.to_numeric(raw, errors="coerce")
        bad = parsed.isna() & raw.notna()
        if bad.any():
            raise _bad(column, path, "numbers", raw, bad)
        whole = parsed.notna().all() and bool((parsed == parsed.round()).all())
        frame[column] = parsed.astype(np.int64) if whole and column != "amount" and \
            column != "mrr" else parsed.astype(np.float64)
    for column in _BOOLS.get(name, ()):
        if column not in frame.columns:
            continue
        raw = frame[column]
        if raw.dtype == bool:
            continue
        text = raw.astype("str").str.strip().str.lower()
        bad = ~text.isin(["true", "false", "1", "0"])
        if bad.any():
            raise _bad(column, path, "True / False", raw, bad)
        frame[column] = text.isin(["true", "1"])
    return frame


def read_table_file(path: str | Path, name: str) -> pd.DataFrame:
    """One table from a ``.csv``, ``.csv.gz`` or ``.parquet`` file written by pandas.

    Dates become naive UTC datetimes (an offset such as ``+09:00`` is converted),
    months become monthly periods, numbers numbers; unknown columns are kept.

    Raises
    ------
    cskit.errors.MissingColumnError
        A column the table cannot do without is absent (the columns present are listed).
    cskit.errors.ColumnTypeError
        A known column holds values that cannot be read.
    """
    path = Path(path)
    if name not in REQUIRED:
        raise CskitError(f"{name!r} is not a table; use one of {', '.join(TABLES)}.")
    try:
        if path.name.endswith(".parquet"):
            frame = pd.read_parquet(path)
        else:
            frame = pd.read_csv(path, low_memory=False)
    except CskitError:
        raise
    except Exception as exc:  # noqa: BLE001 - an unreadable file: say which, in one line
        first = (str(exc).strip().splitlines() or [type(exc).__name__])[0]
        raise CskitError(f"Could not read {path}: {type(exc).__name__}: {first}") from exc
    missing = [c for c in REQUIRED[name] if c not in frame.columns]
    if missing:
        raise MissingColumnError(
            f"Column(s) {format_values(missing)} missing from {path} (columns present: "
            f"{format_values(list(map(str, frame.columns)))}). The {name!r} table needs "
            f"{', '.join(REQUIRED[name])}; rename the columns or leave the file out."
        )
    return _type_columns(frame, name, path)


def as_of(tables: dict[str, pd.DataFrame]) -> pd.Timestamp | None:
    """The latest timestamp in :data:`AS_OF_COLUMNS` across ``tables`` (``None`` if none).

    Examples
    --------
    >>> surveys = pd.DataFrame({"submitted_at": pd.to_datetime(["2026-09-30", "2026-10-03"])})
    >>> str(as_of({"surveys": surveys}))
    '2026-10-03 00:00:00'
    """
    latest = []
    for name, columns in AS_OF_COLUMNS.items():
        frame = tables.get(name)
        if not isinstance(frame, pd.DataFrame):
            continue
        for column in columns:
            if column in frame.columns and pd.api.types.is_datetime64_any_dtype(frame[column]):
                value = frame[column].max()
                if pd.notna(value):
                    latest.append(pd.Timestamp(value))
    return max(latest) if latest else None


def complete_month(instant: pd.Timestamp) -> pd.Period:
    """The last month complete at ``instant``: its own month on the month's last day.

    Examples
    --------
    >>> str(complete_month(pd.Timestamp("2026-10-03 08:00")))
    '2026-09'
    >>> str(complete_month(pd.Timestamp("2026-10-31 17:45")))
    '2026-10'
    """
    month = instant.to_period("M")
    return month if instant.normalize() >= month.end_time.normalize() else month - 1


def latest_complete_month(tables: dict[str, pd.DataFrame]) -> pd.Period | None:
    """The last complete month of the data: :func:`complete_month` of :func:`as_of`,
    never later than the last month of ``mrr``; the last ``mrr`` month without an as-of."""
    mrr = tables.get("mrr")
    last = None
    if isinstance(mrr, pd.DataFrame) and "month" in mrr.columns and mrr["month"].notna().any():
        last = pd.Period(mrr["month"].max(), freq="M")
    instant = as_of(tables)
    if instant is None:
        return last
    complete = complete_month(instant)
    return complete if last is None else min(complete, last)


def load_company(data_dir: str | Path | None = None) -> Company:
    """Read whatever tables a data folder holds (see :mod:`cskit.datasets._folder`).

    Parameters
    ----------
    data_dir : str or Path, optional
        A folder with some of ``subscriptions``, ``mrr``, ``events``,
        ``surveys``, ``tickets``, ``costs`` and ``accounts``, each as
        ``<table>.csv``, ``<table>.csv.gz`` or ``<table>.parquet``. Default: the
        bundled sample.

    Returns
    -------
    Company
        Absent tables are not attributes (:attr:`Company.missing`). Without an ``mrr`` file, ``mrr`` is derived
        from ``subscriptions`` up to the month of the as-of date
        (``company.derived == ("mrr",)``).

    Examples
    --------
    >>> company = load_company()
    >>> company.missing, str(company.latest_complete_month)
    ((), '2026-10')
    """
    from cskit.datasets import sample_dir

    directory = sample_dir() if data_dir is None else Path(data_dir).expanduser()
    if not directory.is_dir():
        raise CskitError(f"data_dir={str(directory)!r}: no such folder.")
    tables: dict[str, pd.DataFrame | None] = {}
    for name in TABLES:
        path = table_file(directory, name)
        tables[name] = None if path is None else read_table_file(path, name)
    derived = []
    if tables["mrr"] is None and tables["subscriptions"] is not None:
        from cskit.metrics.mrr import to_mrr

        instant = as_of({k: v for k, v in tables.items() if v is not None})
        until = instant.to_period("M") if instant is not None else None
        tables["mrr"] = to_mrr(tables["subscriptions"], until=until)
        derived.append("mrr")
    if not any(v is not None for v in tables.values()):
        names = ", ".join(f"{n}.csv" for n in TABLES)
        raise CskitError(
            f"{directory} holds none of the tables ({names}, or .csv.gz / .parquet); "
            f"`python -m cskit.datasets --out DIR` writes the sample company."
        )
    return Company(tables, directory=directory, derived=derived)
