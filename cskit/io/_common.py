"""Helpers shared by every loader: reading a file (or taking a frame), blank rows,
column names, numbers and the data contract's types (dates: :mod:`cskit.io._dates`)."""

from __future__ import annotations

import difflib
import warnings
from collections import defaultdict
from collections.abc import Iterable, Mapping
from pathlib import Path

import numpy as np
import pandas as pd

from cskit._validate import as_month, as_number, offending
from cskit.errors import (
    ColumnTypeError,
    CskitError,
    CskitWarning,
    EmptyFrameError,
    InvalidParameterError,
    InvalidValueError,
    MissingColumnError,
    caller_stacklevel,
    format_values,
)
from cskit.io._dates import parse_dates

#: Columns of each table: required ones, and the type of every known column
#: (``date``, ``month``, ``number``, ``amount`` (number ≥ 0), ``int``, ``bool``,
#: ``text``, ``interval``; ``?`` = may be empty). Columns not listed are kept as they are.
CONTRACT: dict[str, dict[str, object]] = {
    "subscriptions": {
        "required": ("customer_id", "start", "amount", "interval"),
        "types": {"customer_id": "text", "start": "date", "end": "date?", "amount": "amount",
                  "interval": "interval", "plan": "text", "product": "text",
                  "discount": "amount", "currency": "text"},
    },
    "mrr": {
        "required": ("customer_id", "month", "mrr"),
        "types": {"customer_id": "text", "month": "month", "mrr": "amount", "plan": "text",
                  "product": "text", "currency": "text"},
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

FORMATS = {
    ".csv": "csv", ".txt": "csv", ".tsv": "tsv", ".parquet": "parquet", ".pq": "parquet",
    ".xlsx": "excel", ".xlsm": "excel", ".xls": "excel", ".json": "json", ".jsonl": "json",
    ".ndjson": "json",
}
_TRUE = {"true", "t", "yes", "y", "1"}
_FALSE = {"false", "f", "no", "n", "0"}
#: One-off and metered charges: kept as lines, left out of MRR by ``to_mrr``.
NON_RECURRING = {"one_off": "one_off", "one-off": "one_off", "once": "one_off",
                 "onetime": "one_off", "one_time": "one_off", "metered": "metered",
                 "usage": "metered"}


# ---------------------------------------------------------------- reading


def format_of(path: Path, given: str | None) -> str:
    """The file format: ``given``, else from the name's ending."""
    if given is not None:
        if given not in ("csv", "tsv", "parquet", "excel", "json"):
            raise InvalidParameterError(
                f"format={given!r} is not supported; use 'csv', 'tsv', 'parquet', 'excel' or "
                f"'json'."
            )
        return given
    if path.is_dir():  # a folder of Parquet files (a partitioned dataset, as lakes store them)
        return "parquet"
    suffixes = [s.lower() for s in path.suffixes]
    if suffixes and suffixes[-1] in (".gz", ".bz2", ".zip", ".xz", ".zst") and len(suffixes) > 1:
        suffixes = suffixes[:-1]
    found = FORMATS.get(suffixes[-1] if suffixes else "")
    if found is None:
        raise InvalidParameterError(
            f"{path}: cannot tell the format from the name; pass format='csv', 'parquet', "
            f"'excel' or 'json' (known endings: {', '.join(sorted(FORMATS))})."
        )
    return found


def _csv_options(options: dict, fmt: str) -> dict:
    """Defaults for CSV: every cell as text, only empty cells missing; the caller's
    ``na_values``/``dtype``/``keep_default_na`` are merged in, not clashing."""
    options = dict(options)
    options.setdefault("sep", "\t" if fmt == "tsv" else ",")
    options.setdefault("keep_default_na", False)
    na = options.pop("na_values", None)
    if na is None:
        options["na_values"] = [""]
    elif isinstance(na, Mapping):
        options["na_values"] = {k: [""] + ([v] if isinstance(v, str) else list(v))
                                for k, v in na.items()}
    else:
        options["na_values"] = [""] + ([na] if isinstance(na, str) else list(na))
    dtype = options.pop("dtype", None)
    if dtype is None:
        options["dtype"] = str
    elif isinstance(dtype, Mapping):  # the caller's types for some columns, text for the rest
        options["dtype"] = defaultdict(lambda: str, dtype)
    else:
        options["dtype"] = dtype
    options.setdefault("skip_blank_lines", False)  # blank lines are counted, then skipped
    return options


def _read_csv(path: Path, fmt: str, options: dict) -> pd.DataFrame:
    options = _csv_options(options, fmt)
    if "encoding" in options:
        return pd.read_csv(path, **options)
    try:
        # "utf-8-sig": exports from spreadsheets often start with a byte-order mark.
        return pd.read_csv(path, encoding="utf-8-sig", **options)
    except UnicodeDecodeError as exc:
        # Spreadsheets on Windows save "CSV" as Windows-1252 (a superset of Latin-1 for text).
        try:
            frame = pd.read_csv(path, encoding="cp1252", **options)
            used = "cp1252"
        except UnicodeDecodeError:
            frame = pd.read_csv(path, encoding="latin-1", **options)
            used = "latin-1"
        warnings.warn(
            f"{path.name}: not UTF-8 text (byte {exc.object[exc.start:exc.start + 1]!r} "
            f"cannot be decoded); read it as "
            f"{used} (Windows/Latin-1). Check accented names; pass encoding='...' to choose "
            f"the file's encoding, or save it as UTF-8.",
            CskitWarning, stacklevel=caller_stacklevel(),
        )
        return frame


def _read_json(path: Path, options: dict) -> pd.DataFrame:
    """JSON lines (one object per line, as Mixpanel's raw export) or a JSON array;
    nested objects become ``parent.child`` columns."""
    import json

    text = path.read_text(encoding=options.get("encoding", "utf-8-sig"))
    stripped = text.lstrip()
    if stripped.startswith("["):
        records = json.loads(stripped)
    else:
        records = [json.loads(line) for line in text.splitlines() if line.strip()]
    if records and not all(isinstance(r, dict) for r in records):
        raise CskitError(f"{path}: a JSON file is read as records (one object per line).")
    return pd.json_normalize(records, sep=".")


def load(data: object, fmt: str | None, sheet: str | int | None, options: dict
         ) -> tuple[pd.DataFrame, str, str]:
    """Read ``data`` (a path or a DataFrame): the raw frame, a name for messages and its format."""
    if isinstance(data, pd.DataFrame):
        if options:
            raise InvalidParameterError(
                f"Keywords {format_values(sorted(options))} are for reading a file; a DataFrame "
                f"is used as it is. Leave them out."
            )
        return data.copy(), "frame", "frame"
    if not isinstance(data, (str, Path)):
        raise InvalidParameterError(
            f"Expected a file path or a pandas DataFrame, got {type(data).__name__}."
        )
    path = Path(data)
    fmt = format_of(path, fmt)
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
            raw = _read_csv(path, fmt, options)
        elif fmt == "parquet":
            raw = pd.read_parquet(path, **options)
        elif fmt == "json":
            raw = _read_json(path, options)
        else:
            raw = pd.read_excel(path, sheet_name=0 if sheet is None else sheet, **options)
    except ImportError as exc:
        package = "pyarrow" if fmt == "parquet" else "openpyxl"
        raise CskitError(
            f"{path}: reading {fmt} files needs {package}: pip install 'cskit[io]'."
        ) from exc
    except UnicodeDecodeError as exc:
        raise CskitError(
            f"{path}: not {options.get('encoding', 'UTF-8')} text (byte "
            f"{exc.object[exc.start:exc.start + 1]!r} cannot be decoded); pass the file's "
            f"encoding (e.g. encoding='cp1252'), or save it as UTF-8."
        ) from None
    except TypeError as exc:  # an unknown keyword
        raise InvalidParameterError(
            f"{path}: a keyword is not one pandas accepts for {fmt} files nor one of this "
            f"loader's: {exc}."
        ) from None
    except (ValueError, OSError) as exc:
        first = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
        raise CskitError(f"{path}: cannot be read as {fmt}: {first}") from None
    return raw, path.name, fmt


def drop_blank_rows(raw: pd.DataFrame, where: str) -> pd.DataFrame:
    """Leave out rows whose every cell is empty (blank lines, ``,,,,``), with a warning."""
    if raw.empty or raw.shape[1] == 0:
        return raw
    blank = np.ones(len(raw), dtype=bool)
    for column in raw.columns:  # a loop over columns, not rows
        values = raw[column]
        empty = values.isna().to_numpy()
        if values.dtype == object or pd.api.types.is_string_dtype(values.dtype):
            text = values.astype("str").str.strip()
            empty = empty | ((text == "").to_numpy() & values.notna().to_numpy())
        blank = blank & empty
    n = int(blank.sum())
    if n:
        warnings.warn(f"The {where}: skipped {n} blank row(s) (no value in any column).",
                      CskitWarning, stacklevel=caller_stacklevel())
        return raw[~blank].reset_index(drop=True)
    return raw


# ---------------------------------------------------------------- column names


def near_miss(name: str, present: Iterable[object]) -> str:
    """`` Did you mean 'X'?`` for the closest present column name, or ``""``."""
    names = [str(c) for c in present]
    folded = {n.casefold().strip(): n for n in names}
    if name.casefold().strip() in folded:
        return f" Did you mean {folded[name.casefold().strip()]!r}?"
    found = difflib.get_close_matches(name, names, n=1, cutoff=0.6)
    return f" Did you mean {found[0]!r}?" if found else ""


def missing_column(where: str, name: str, present: Iterable[object], fix: str) -> MissingColumnError:
    """The error for a missing column: what is there, the nearest name, how to fix it."""
    names = [str(c) for c in present]
    return MissingColumnError(
        f"Column {name!r} is missing from the {where} (columns present: "
        f"{', '.join(map(repr, names))}).{near_miss(name, names)} {fix}"
    )


def first_of(raw: pd.DataFrame, *names: str) -> str | None:
    """The first of ``names`` the frame has (exports rename columns between versions)."""
    return next((n for n in names if n in raw.columns), None)


def rename(raw: pd.DataFrame, columns: Mapping[str, str | None] | None, where: str):
    """Apply ``{file column: contract column}`` (``None`` drops a column)."""
    if not columns:
        return raw
    for c in columns:
        if c not in raw.columns:
            raise missing_column(
                where, c, raw.columns,
                "The column mapping names it: fix the mapping's keys, they are the file's own "
                "column names.")
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


# ---------------------------------------------------------------- numbers


def parse_number(frame: pd.DataFrame, column: str, where: str, *, allow_negative: bool = False,
                 allow_missing: bool = False) -> pd.Series:
    """Numbers, also written with thousands separators (``"14,500.00"``), a currency
    sign or accounting parentheses (``"(1,200)"`` = −1,200)."""
    s = frame[column]
    if s.dtype == object or pd.api.types.is_string_dtype(s.dtype):
        text = s.astype("str").str.strip().where(s.notna())
        text = text.where(text != "")
        converted = pd.to_numeric(text, errors="coerce")
        clean = text
        odd = (converted.isna() & text.notna()).to_numpy()
        if odd.any():  # only cells that are not plain numbers: "14,500.00", "$49", "(300)"
            cells = text[odd]
            negative = cells.str.fullmatch(r"\(.*\)").fillna(False).astype(bool)
            cells = cells.str.strip("()").str.replace(r"^[$€£¥]|\s", "", regex=True)
            grouped = cells.str.fullmatch(r"-?\d{1,3}(,\d{3})+(\.\d+)?").fillna(False)
            cells = cells.where(~grouped.astype(bool), cells.str.replace(",", "", regex=False))
            cells = cells.where(~negative, "-" + cells)
            clean = text.astype(object).copy()
            clean[odd] = cells.astype(object)
            converted = converted.copy()
            converted[odd] = pd.to_numeric(cells, errors="coerce").to_numpy()
        bad = converted.isna() & clean.notna()
        if bad.any():
            raise ColumnTypeError(
                f"Column {column!r} of the {where} must be numeric; found "
                f"{offending(s, bad.to_numpy())}. Clean those values (or map another column)."
            )
        frame = pd.DataFrame({column: converted.astype("float64")})
        # keep the caller's text for messages about negative values
        out = as_number(frame, column, where, allow_negative=True, allow_missing=allow_missing)
        if not allow_negative and (out < 0).any():
            raise InvalidValueError(
                f"Column {column!r} of the {where} has negative values: "
                f"{offending(s, (out < 0).to_numpy())}. Amounts must be >= 0; record refunds and "
                f"credits outside recurring revenue, or fix the sign."
            )
        return out
    return as_number(frame, column, where, allow_negative=allow_negative,
                     allow_missing=allow_missing)


def as_bool(values: pd.Series, column: str, where: str) -> pd.Series:
    """True / False (also yes/no, 1/0)."""
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


def interval(values: pd.Series, where: str, column: str = "interval") -> pd.Series:
    """``month``, ``year``, a whole number of months (as text), ``one_off`` or ``metered``."""
    text = values.astype("str").str.strip().str.lower().where(values.notna())
    words = {"month": "month", "monthly": "month", "year": "year", "yearly": "year",
             "annual": "year", "annually": "year", "quarter": "3", "quarterly": "3",
             **NON_RECURRING}
    out = text.map(words)
    numeric = pd.to_numeric(text, errors="coerce")
    whole = numeric.notna() & (numeric == numeric.round()) & (numeric > 0)
    out = out.where(out.notna(), numeric.where(whole).map(
        lambda v: str(int(v)) if pd.notna(v) else None))
    bad = out.isna()
    if bad.any():
        raise InvalidValueError(
            f"Column {column!r} of the {where} should be 'month', 'year', a whole number of "
            f"months, 'one_off' or 'metered'; found {offending(values, bad)}. Weekly or daily "
            f"plans are not monthly recurring revenue: convert them, or map the column to "
            f"another name."
        )
    return out.astype(object)


def as_text(values: pd.Series) -> pd.Series:
    """Ids and names as text: ``00042`` stays ``00042``, 42.0 becomes ``42``."""
    if pd.api.types.is_float_dtype(values.dtype):
        whole = values.dropna()
        if (whole == whole.round()).all():
            values = values.astype("Int64")
    return values.astype("str").where(values.notna())


def typed(frame: pd.DataFrame, table: str, where: str, *, tz: str | None = None,
          excel: bool = False, dayfirst: bool | None = None) -> pd.DataFrame:
    """Check the table's required columns and give every known column its type."""
    spec = CONTRACT[table]
    for c in spec["required"]:
        if c not in frame.columns:
            raise missing_column(
                where, c, frame.columns,
                f"The {table} table needs {', '.join(spec['required'])}: pass "
                f"columns={{'<your column>': {c!r}}} to map it.")
    if frame.empty:
        raise EmptyFrameError(f"The {where} has no rows.")
    out = frame.copy()
    for column, kind in spec["types"].items():
        if column not in out.columns:
            continue
        optional = kind.endswith("?")
        kind = kind.rstrip("?")
        if kind == "date":
            out[column] = parse_dates(out[column], column, where, tz=tz, excel=excel,
                                      allow_missing=optional,
                                      dayfirst=dayfirst)
        elif kind == "month":
            if isinstance(out[column].dtype, pd.PeriodDtype):
                out[column] = as_month(out, column, where)
            else:
                dates = parse_dates(out[column], column, where, tz=tz, excel=excel,
                                    dayfirst=dayfirst)
                if tz:  # the month on the wall calendar of tz
                    dates = dates.dt.tz_localize(None)
                out[column] = dates.dt.to_period("M")
        elif kind in ("number", "amount"):
            out[column] = parse_number(out, column, where, allow_negative=kind == "number",
                                       allow_missing=optional)
        elif kind == "int":
            numbers = parse_number(out, column, where)
            fractional = numbers != numbers.round()
            if fractional.any():
                raise ColumnTypeError(
                    f"Column {column!r} of the {where} should hold whole numbers; found "
                    f"{offending(out[column], fractional)}."
                )
            out[column] = numbers.astype(np.int64)
        elif kind == "bool":
            out[column] = as_bool(out[column], column, where)
        elif kind == "interval":
            out[column] = interval(out[column], where)
        else:  # text: ids stay text even when they look like numbers ("00042")
            out[column] = as_text(out[column])
    return out
