"""Load your own data: CSV, Parquet and Excel files into data-contract frames.

:func:`read_table` reads one file, renames its columns with a mapping
``{your column: contract column}``, checks that the table's required columns
are there and gives every known column its type (dates, months, numbers,
whole numbers, True/False). The result works with every ``df.cs`` method.
``read_subscriptions``, ``read_mrr``, ``read_events``, ``read_surveys``,
``read_tickets``, ``read_costs`` and ``read_accounts`` are the same for one
table each, and take ``source=`` to read a known export as it comes:

* ``read_subscriptions(path, source="stripe")`` – Stripe Billing's
  subscriptions export (Dashboard → Subscriptions → Export);
* ``read_tickets(path, source="zendesk")`` – Zendesk Support's ticket export
  (Explore or the classic CSV export: ``Id``, ``Created at``, ``Solved at``,
  ``First reply time in minutes``, …);
* ``read_surveys(path, source="typeform")`` – a Typeform NPS form's responses
  export (``#``, one column per question, ``Submit Date (UTC)``, …).

``docs/loading-data.md`` walks through each export. Every problem is a
:mod:`cskit.errors` exception naming the file and column, with up to five
offending values and how to fix it.

Parquet needs ``pyarrow`` and Excel ``openpyxl``: ``pip install 'cskit[io]'``.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from pathlib import Path

import numpy as np
import pandas as pd

from cskit._validate import as_datetime, as_month, as_number, offending
from cskit.errors import (
    ColumnTypeError,
    CskitError,
    EmptyFrameError,
    InvalidParameterError,
    InvalidValueError,
    MissingColumnError,
    format_values,
)

__all__ = [
    "CONTRACT",
    "read_accounts",
    "read_costs",
    "read_events",
    "read_mrr",
    "read_subscriptions",
    "read_surveys",
    "read_table",
    "read_tickets",
]

#: Columns of each table: required ones, and the type of every known column
#: (``date``, ``month``, ``number``, ``amount`` (number ≥ 0), ``int``, ``bool``,
#: ``text``). Columns not listed are kept as they are.
CONTRACT: dict[str, dict[str, object]] = {
    "subscriptions": {
        "required": ("customer_id", "start", "amount", "interval"),
        "types": {"customer_id": "text", "start": "date", "end": "date?", "amount": "amount",
                  "interval": "interval", "plan": "text", "product": "text",
                  "discount": "amount"},
    },
    "mrr": {
        "required": ("customer_id", "month", "mrr"),
        "types": {"customer_id": "text", "month": "month", "mrr": "amount", "plan": "text",
                  "product": "text"},
    },
    "events": {
        "required": ("user_id", "timestamp"),
        "types": {"user_id": "text", "account_id": "text", "timestamp": "date", "event": "text",
                  "session_id": "text", "duration_s": "number?"},
    },
    "surveys": {
        "required": ("submitted_at", "score"),
        "types": {"respondent_id": "text", "account_id": "text", "submitted_at": "date",
                  "survey": "text", "score": "number?", "comment": "text"},
    },
    "tickets": {
        "required": ("ticket_id", "account_id", "created_at"),
        "types": {"ticket_id": "text", "account_id": "text", "created_at": "date",
                  "first_response_at": "date?", "resolved_at": "date?", "agent_replies": "int",
                  "reopened": "bool", "channel": "text", "category": "text"},
    },
    "costs": {
        "required": ("month", "category", "amount"),
        "types": {"month": "month", "category": "text", "amount": "number"},
    },
    "accounts": {
        "required": ("account_id", "signup_at"),
        "types": {"account_id": "text", "signup_at": "date", "segment": "text", "plan": "text",
                  "seats": "int", "trial_start": "date?", "converted_at": "date?",
                  "first_login_at": "date?"},
    },
}

_FORMATS = {
    ".csv": "csv", ".txt": "csv", ".tsv": "tsv", ".parquet": "parquet", ".pq": "parquet",
    ".xlsx": "excel", ".xlsm": "excel", ".xls": "excel",
}
_TRUE = {"true", "t", "yes", "y", "1"}
_FALSE = {"false", "f", "no", "n", "0"}


# ---------------------------------------------------------------- reading a file


def _format_of(path: Path, given: str | None) -> str:
    if given is not None:
        if given not in ("csv", "tsv", "parquet", "excel"):
            raise InvalidParameterError(
                f"format={given!r} is not supported; use 'csv', 'tsv', 'parquet' or 'excel'."
            )
        return given
    if path.is_dir():  # a folder of Parquet files (a partitioned dataset, as lakes store them)
        return "parquet"
    suffixes = [s.lower() for s in path.suffixes]
    if suffixes and suffixes[-1] in (".gz", ".bz2", ".zip", ".xz", ".zst") and len(suffixes) > 1:
        suffixes = suffixes[:-1]
    found = _FORMATS.get(suffixes[-1] if suffixes else "")
    if found is None:
        raise InvalidParameterError(
            f"{path}: cannot tell the format from the name; pass format='csv', 'parquet' or "
            f"'excel' (known endings: {', '.join(sorted(_FORMATS))})."
        )
    return found


def _read_raw(path: Path, fmt: str, sheet: str | int | None, options: dict) -> pd.DataFrame:
    if path.is_dir():
        if fmt != "parquet" or not any(path.rglob("*.parquet")):
            raise CskitError(
                f"{path}: is a folder; a folder is read only as a Parquet dataset (files "
                f"ending .parquet inside it). Give the path of a file instead."
            )
    elif not path.is_file():
        raise CskitError(f"{path}: no such file.")
    try:
        if fmt in ("csv", "tsv"):
            options.setdefault("sep", "\t" if fmt == "tsv" else ",")
            # "utf-8-sig": exports from spreadsheets often start with a byte-order mark.
            options.setdefault("encoding", "utf-8-sig")
            return pd.read_csv(path, dtype=str, keep_default_na=False, na_values=[""],
                               **options)
        if fmt == "parquet":
            return pd.read_parquet(path, **options)
        return pd.read_excel(path, sheet_name=0 if sheet is None else sheet, **options)
    except ImportError as exc:
        package = "pyarrow" if fmt == "parquet" else "openpyxl"
        raise CskitError(
            f"{path}: reading {fmt} files needs {package}: pip install 'cskit[io]'."
        ) from exc
    except UnicodeDecodeError as exc:
        raise CskitError(
            f"{path}: not UTF-8 text ({exc.reason} at byte {exc.start}); pass "
            f"encoding='cp1252' (or the file's encoding), or save it as UTF-8."
        ) from None
    except (ValueError, OSError) as exc:
        first = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
        raise CskitError(f"{path}: cannot be read as {fmt}: {first}") from None


def _rename(raw: pd.DataFrame, columns: Mapping[str, str | None] | None, where: str):
    if not columns:
        return raw
    missing = [c for c in columns if c not in raw.columns]
    if missing:
        raise MissingColumnError(
            f"The {where}: the column mapping names {format_values(missing)}, which the file does "
            f"not have (columns present: {format_values(list(map(str, raw.columns)), len(raw.columns))}). "
            f"Fix the mapping's keys: they are the file's own column names."
        )
    dropped = [c for c, target in columns.items() if target is None]
    renamed = raw.drop(columns=dropped).rename(
        columns={c: t for c, t in columns.items() if t is not None}
    )
    duplicated = renamed.columns[renamed.columns.duplicated()].unique().tolist()
    if duplicated:
        raise InvalidParameterError(
            f"The {where}: after renaming, several columns are called {format_values(duplicated)}. "
            f"Map only one file column to each contract column (drop the others with None)."
        )
    return renamed


def _interval(values: pd.Series, where: str) -> pd.Series:
    """``month``, ``year`` or a whole number of months (as text, for to_mrr)."""
    text = values.astype("str").str.strip().str.lower().where(values.notna())
    words = {"month": "month", "monthly": "month", "year": "year", "yearly": "year",
             "annual": "year", "annually": "year", "quarter": "3", "quarterly": "3"}
    out = text.map(words)
    numeric = pd.to_numeric(text, errors="coerce")
    whole = numeric.notna() & (numeric == numeric.round()) & (numeric > 0)
    out = out.where(out.notna(), numeric.where(whole).map(
        lambda v: str(int(v)) if pd.notna(v) else None))
    bad = out.isna()
    if bad.any():
        raise InvalidValueError(
            f"Column 'interval' of the {where} should be 'month', 'year' or a whole number of "
            f"months; found {offending(values, bad)}. Weekly or daily plans are not recurring "
            f"monthly revenue: convert them, or map the column to another name."
        )
    return out.astype(object)


def _as_bool(values: pd.Series, column: str, where: str) -> pd.Series:
    if pd.api.types.is_bool_dtype(values.dtype):
        return values.astype(bool)
    if pd.api.types.is_numeric_dtype(values.dtype):
        text = values.map(lambda v: str(int(v)) if pd.notna(v) and v == int(v) else str(v))
    else:
        text = values.astype("str").str.strip().str.lower()
    known = text.isin(_TRUE | _FALSE) & values.notna()
    if not known.all():
        raise ColumnTypeError(
            f"Column {column!r} of the {where} should hold True / False (or yes/no, 1/0); found "
            f"{offending(values, ~known)}. Fix those values."
        )
    return text.isin(_TRUE)


def _typed(frame: pd.DataFrame, table: str, where: str) -> pd.DataFrame:
    spec = CONTRACT[table]
    missing = [c for c in spec["required"] if c not in frame.columns]
    if missing:
        raise MissingColumnError(
            f"Column {missing[0]!r} is missing from the {where} (columns present: "
            f"{format_values(list(map(str, frame.columns)), len(frame.columns))}). The "
            f"{table} table needs {', '.join(spec['required'])}: pass columns={{'<your "
            f"column>': {missing[0]!r}}} to map it."
        )
    if frame.empty:
        raise EmptyFrameError(f"The {where} has no rows.")
    out = frame.copy()
    for column, kind in spec["types"].items():
        if column not in out.columns:
            continue
        optional = kind.endswith("?")
        kind = kind.rstrip("?")
        if kind == "date":
            out[column] = as_datetime(out, column, where, allow_missing=optional).astype(
                "datetime64[us]")
        elif kind == "month":
            out[column] = as_month(out, column, where)
        elif kind in ("number", "amount"):
            out[column] = as_number(out, column, where, allow_negative=kind == "number",
                                    allow_missing=optional)
        elif kind == "int":
            numbers = as_number(out, column, where)
            fractional = numbers != numbers.round()
            if fractional.any():
                raise ColumnTypeError(
                    f"Column {column!r} of the {where} should hold whole numbers; found "
                    f"{offending(out[column], fractional)}."
                )
            out[column] = numbers.astype(np.int64)
        elif kind == "bool":
            out[column] = _as_bool(out[column], column, where)
        elif kind == "interval":
            out[column] = _interval(out[column], where)
        else:  # text: ids stay text even when they look like numbers ("00042")
            values = out[column]
            if pd.api.types.is_float_dtype(values.dtype):
                whole = values.dropna()
                if (whole == whole.round()).all():
                    values = values.astype("Int64")
            out[column] = values.astype("str").where(values.notna())
    return out


def read_table(
    path: str | Path,
    table: str,
    *,
    columns: Mapping[str, str | None] | None = None,
    format: str | None = None,
    sheet: str | int | None = None,
    **options: object,
) -> pd.DataFrame:
    """Read a CSV, Parquet or Excel file as one table of the data contract.

    Parameters
    ----------
    path : str or Path
        ``.csv`` (also ``.csv.gz``), ``.tsv``, ``.parquet`` / ``.pq``, ``.xlsx`` /
        ``.xls``; or any name with ``format=``. A folder is read as one Parquet
        dataset (every ``.parquet`` file in it, e.g. the parts a lake or Spark wrote).
    table : {"subscriptions", "mrr", "events", "surveys", "tickets", "costs", "accounts"}
        Which table the file holds (see :data:`CONTRACT` for its columns).
    columns : mapping, optional
        ``{file column: contract column}``; ``None`` as a value drops a column.
        Columns not in the mapping keep their names.
    format : {"csv", "tsv", "parquet", "excel"}, optional
        Default: from the file's ending.
    sheet : str or int, optional
        Excel sheet (default: the first).
    **options
        Passed to ``pandas.read_csv`` / ``read_parquet`` / ``read_excel`` (e.g.
        ``sep=";"``, ``encoding="cp1252"``, ``columns=`` is taken).

    Returns
    -------
    pandas.DataFrame
        A new frame with the contract's column names and types: dates as
        naive ``datetime64[us]`` (a UTC offset in the file is dropped, keeping
        the wall-clock time), months as ``Period[M]``, ids and names as text.

    Raises
    ------
    cskit.errors.CskitError
        A missing file or column, a value of the wrong type, … – the message
        names the file and column and shows up to five offending values.

    Examples
    --------
    >>> import tempfile, pathlib, cskit
    >>> folder = pathlib.Path(tempfile.mkdtemp())
    >>> _ = (folder / "mrr.csv").write_text("Account,Month,MRR\\nA1,2026-09,100\\nA1,2026-10,120\\n")
    >>> mrr = read_table(folder / "mrr.csv", "mrr",
    ...                  columns={"Account": "customer_id", "Month": "month", "MRR": "mrr"})
    >>> mrr.dtypes.astype(str).tolist()
    ['str', 'period[M]', 'float64']
    >>> float(mrr.cs.mrr(period=None))
    120.0
    """
    if table not in CONTRACT:
        raise InvalidParameterError(
            f"table={table!r} is not a table of the data contract; use one of "
            f"{', '.join(CONTRACT)}."
        )
    path = Path(path)
    where = f"{table} file {path.name}"
    raw = _read_raw(path, _format_of(path, format), sheet, dict(options))
    return _typed(_rename(raw, columns, where), table, where)


# ---------------------------------------------------------------- known exports


def _stripe_subscriptions(raw: pd.DataFrame, where: str) -> pd.DataFrame:
    """Stripe Billing's subscriptions export → the ``subscriptions`` table.

    * ``Customer ID`` → customer_id (map another column to ``customer_id``, e.g.
      ``columns={"account_id (metadata)": "customer_id"}``, to use your CRM's ids);
      ``Plan`` → plan; ``Product`` → product;
    * amount = ``Amount`` (in currency units, as the export shows it) × ``Quantity``;
    * interval = ``Interval`` (``month``/``year``) × ``Interval Count`` when present;
    * start = ``Start Date (UTC)`` (or ``Start (UTC)``), moved to ``Trial End (UTC)``
      when a trial ended later: a trial is not revenue;
    * end = ``Ended At (UTC)``, else ``Canceled At (UTC)`` for canceled lines;
    * lines that never paid (status ``incomplete``, ``incomplete_expired``, or
      still ``trialing``) are left out; discount = 0 (the export names the
      coupon, not its percentage: join your coupons if you need it).
    """
    customer = "customer_id" if "customer_id" in raw.columns else "Customer ID"
    need = [customer, "Amount", "Interval", "Status"]
    start_col = next((c for c in ("Start Date (UTC)", "Start (UTC)") if c in raw.columns), None)
    missing = [c for c in need if c not in raw.columns] + (
        ["Start Date (UTC)"] if start_col is None else [])
    if missing:
        raise MissingColumnError(
            f"The {where} does not look like a Stripe subscriptions export: no column "
            f"{format_values(missing)}. Export it from Stripe's Subscriptions page with all "
            f"columns, or read it with read_table(..., columns={{...}})."
        )
    status = raw["Status"].astype("str").str.strip().str.lower()
    keep = ~status.isin(["incomplete", "incomplete_expired", "trialing"])
    rows = raw[keep]
    quantity = (as_number(rows, "Quantity", where, allow_missing=True).fillna(1.0)
                if "Quantity" in rows.columns else 1.0)
    amount = as_number(rows, "Amount", where) * quantity
    interval = _interval(rows["Interval"], where)
    if "Interval Count" in rows.columns:
        count = as_number(rows, "Interval Count", where, allow_missing=True).fillna(1.0)
        months = interval.map({"month": 1, "year": 12}).fillna(
            pd.to_numeric(interval, errors="coerce")).astype(float) * count
        interval = months.map(lambda m: "month" if m == 1 else ("year" if m == 12 else
                                                               str(int(m)))).astype(object)
    start = as_datetime(rows, start_col, where)
    if "Trial End (UTC)" in rows.columns:
        trial_end = as_datetime(rows, "Trial End (UTC)", where, allow_missing=True)
        start = start.where(~(trial_end > start), trial_end)
    end = (as_datetime(rows, "Ended At (UTC)", where, allow_missing=True)
           if "Ended At (UTC)" in rows.columns else pd.Series(pd.NaT, index=rows.index))
    if "Canceled At (UTC)" in rows.columns:
        canceled = as_datetime(rows, "Canceled At (UTC)", where, allow_missing=True)
        end = end.where(end.notna() | (status[keep] != "canceled"), canceled)
    out = pd.DataFrame({
        "customer_id": rows[customer],
        "start": start,
        "end": end.astype("datetime64[us]"),
        "amount": amount,
        "interval": interval,
        "plan": rows["Plan"] if "Plan" in rows.columns else None,
        "product": rows["Product"] if "Product" in rows.columns else None,
        "discount": 0.0,
    })
    if "id" in rows.columns:
        out.insert(0, "subscription_id", rows["id"])
    return out.reset_index(drop=True)


def _zendesk_tickets(raw: pd.DataFrame, where: str) -> pd.DataFrame:
    """Zendesk Support's ticket export → the ``tickets`` table.

    ``Id`` → ticket_id; ``Organization`` → account_id (B2B: the customer is the
    organisation; ``columns={"Requester id": "account_id"}`` uses the requester
    instead); ``Created at``
    → created_at; first_response_at = created_at + ``First reply time in
    minutes`` (calendar minutes); ``Solved at`` → resolved_at; ``Replies`` →
    agent_replies; reopened = ``Reopens`` > 0; ``Via`` → channel; ``Ticket type``
    → category.
    """
    ident = next((c for c in ("Id", "ID", "Ticket ID") if c in raw.columns), None)
    account = "account_id" if "account_id" in raw.columns else "Organization"
    need = [account, "Created at"]
    missing = ([] if ident else ["Id"]) + [c for c in need if c not in raw.columns]
    if missing:
        raise MissingColumnError(
            f"The {where} does not look like a Zendesk ticket export: no column "
            f"{format_values(missing)}. Include them in the export, or map your own columns "
            f"with columns={{...}}."
        )
    created = as_datetime(raw, "Created at", where)
    out = pd.DataFrame({"ticket_id": raw[ident], "account_id": raw[account],
                        "created_at": created})
    if "First reply time in minutes" in raw.columns:
        minutes = as_number(raw, "First reply time in minutes", where, allow_missing=True)
        out["first_response_at"] = created + pd.to_timedelta(minutes, unit="min")
    if "Solved at" in raw.columns:
        out["resolved_at"] = as_datetime(raw, "Solved at", where, allow_missing=True)
    if "Replies" in raw.columns:
        out["agent_replies"] = as_number(raw, "Replies", where, allow_missing=True).fillna(0)
    if "Reopens" in raw.columns:
        out["reopened"] = as_number(raw, "Reopens", where, allow_missing=True).fillna(0) > 0
    if "Via" in raw.columns:
        out["channel"] = raw["Via"].astype("str").str.strip().str.lower().where(raw["Via"].notna())
    if "Ticket type" in raw.columns:
        out["category"] = raw["Ticket type"]
    no_org = out["account_id"].isna()
    if no_org.any():
        raise InvalidValueError(
            f"Column {account!r} of the {where} is empty for {int(no_org.sum())} ticket(s) "
            f"(e.g. ticket {offending(out['ticket_id'], no_org)}). Tickets must belong to an "
            f"account: fill the organisation in Zendesk, drop those rows, or map "
            f"'Requester id' to account_id."
        )
    return out


_TYPEFORM_META = {"#", "Response Type", "Start Date (UTC)", "Stage Date (UTC)",
                  "Submit Date (UTC)", "Network ID", "Tags", "Ending"}


def _typeform_nps(raw: pd.DataFrame, where: str) -> pd.DataFrame:
    """A Typeform NPS form's responses export → the ``surveys`` table.

    The score is the question whose text contains "recommend" (Typeform's NPS
    question: "How likely are you to recommend … ?"); the comment is the
    question right after it, when there is one. A hidden field named
    ``account_id`` becomes account_id. ``#`` → respondent_id, ``Submit Date
    (UTC)`` → submitted_at; partial responses (``Response Type`` ≠
    ``completed``) are left out. Other layouts: pass ``columns={...}``
    mapping your question columns to ``score`` and ``comment``.
    """
    if "Submit Date (UTC)" not in raw.columns:
        raise MissingColumnError(
            f"The {where} does not look like a Typeform responses export: no column "
            f"'Submit Date (UTC)'. Download the responses as CSV or Excel from the form's "
            f"Results page."
        )
    names = list(map(str, raw.columns))
    if "score" in raw.columns:
        score_col = "score"
    else:
        found = [c for c in names if "recommend" in c.lower() and c not in _TYPEFORM_META]
        if len(found) != 1:
            raise MissingColumnError(
                f"The {where}: cannot tell which question is the NPS score ("
                f"{'none' if not found else len(found)} question(s) mention 'recommend'). "
                f"Pass columns={{'<your NPS question>': 'score'}}."
            )
        score_col = found[0]
    rows = raw
    if "Response Type" in raw.columns:
        rows = raw[raw["Response Type"].astype("str").str.strip().str.lower() == "completed"]
    out = pd.DataFrame({
        "respondent_id": rows["#"] if "#" in rows.columns else None,
        "account_id": rows["account_id"] if "account_id" in rows.columns else None,
        "submitted_at": rows["Submit Date (UTC)"],
        "survey": "nps",
        "score": rows[score_col],
    })
    if "comment" in rows.columns:
        out["comment"] = rows["comment"]
    else:
        position = names.index(score_col) + 1
        if position < len(names) and names[position] not in _TYPEFORM_META \
                and names[position] != "account_id":
            out["comment"] = rows[names[position]]
    return out.reset_index(drop=True)


#: Known exports: (table, source) → function turning the raw file into the table.
SOURCES: dict[tuple[str, str], Callable[[pd.DataFrame, str], pd.DataFrame]] = {
    ("subscriptions", "stripe"): _stripe_subscriptions,
    ("tickets", "zendesk"): _zendesk_tickets,
    ("surveys", "typeform"): _typeform_nps,
}


def _read(table: str, path, source, columns, format, sheet, options) -> pd.DataFrame:
    if source is None:
        return read_table(path, table, columns=columns, format=format, sheet=sheet, **options)
    convert = SOURCES.get((table, str(source).lower()))
    if convert is None:
        known = [s for t, s in SOURCES if t == table]
        raise InvalidParameterError(
            f"source={source!r} is not a known export of {table}; known: "
            f"{', '.join(known) if known else 'none'} (or read any file with columns={{...}})."
        )
    path = Path(path)
    where = f"{source} {table} export {path.name}"
    raw = _read_raw(path, _format_of(path, format), sheet, dict(options))
    raw = _rename(raw, columns, where)
    if raw.empty:
        raise EmptyFrameError(f"The {where} has no rows.")
    return _typed(convert(raw, where), table, where)


def _reader(table: str, sources: str) -> Callable[..., pd.DataFrame]:
    def read(
        path: str | Path,
        *,
        source: str | None = None,
        columns: Mapping[str, str | None] | None = None,
        format: str | None = None,
        sheet: str | int | None = None,
        **options: object,
    ) -> pd.DataFrame:
        return _read(table, path, source, columns, format, sheet, options)

    read.__name__ = read.__qualname__ = f"read_{table}"
    read.__doc__ = (
        f"Read a file as the ``{table}`` table: :func:`read_table` with ``table={table!r}``.\n\n"
        f"``source=`` reads a known export as it comes ({sources}); ``columns=`` "
        f"maps your column names to the contract's (applied before the export's own layout, "
        f"so it can also fix a renamed export column).\n"
    )
    return read


read_subscriptions = _reader("subscriptions", "``'stripe'``")
read_mrr = _reader("mrr", "none yet")
read_events = _reader("events", "none yet")
read_surveys = _reader("surveys", "``'typeform'``")
read_tickets = _reader("tickets", "``'zendesk'``")
read_costs = _reader("costs", "none yet")
read_accounts = _reader("accounts", "none yet")
