"""Helpers shared by every loader: reading a file (or taking a frame), blank rows,
column names, dates, numbers and the data contract's types."""

from __future__ import annotations

import difflib
import re
import warnings
import zoneinfo
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
    TimezoneError,
    format_values,
)

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
            CskitWarning, stacklevel=5,
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
                      CskitWarning, stacklevel=4)
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


# ---------------------------------------------------------------- dates


def check_tz(tz: str | None) -> str | None:
    """``tz`` as an IANA zone name (``None`` = UTC)."""
    if tz is None:
        return None
    try:
        zoneinfo.ZoneInfo(str(tz))
    except (zoneinfo.ZoneInfoNotFoundError, ValueError, OSError):
        raise InvalidParameterError(
            f"tz={tz!r} is not an IANA time zone; use a name such as 'America/Los_Angeles', "
            f"'Europe/Paris' or 'UTC'."
        ) from None
    return str(tz)


_OFFSET = r"(?:Z|[+-]\d\d:?\d\d|\s?UTC|\s?GMT)$"


def _has_offset(text: pd.Series) -> np.ndarray:
    """Which cells end with a UTC offset: the regex runs on the distinct last six
    characters (a few thousand at most), not on every cell."""
    tails = text.str.slice(-6)
    distinct = pd.unique(tails.to_numpy(dtype=object))
    pattern = re.compile(_OFFSET)
    with_offset = [t for t in distinct if isinstance(t, str) and pattern.search(t)]
    return tails.isin(with_offset).to_numpy()


def _epoch(numbers: np.ndarray, excel: bool) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Classify numbers as epoch milliseconds, epoch seconds or (Excel) serial days."""
    ms = (numbers >= 1e11) & (numbers < 1e14)
    seconds = (numbers >= 1e8) & (numbers < 1e11)
    serial = (numbers >= 1) & (numbers < 1e6) & excel
    return ms, seconds, serial


def parse_dates(
    values: pd.Series,
    column: str,
    where: str,
    *,
    tz: str | None = None,
    excel: bool = False,
    naive_utc: bool = False,
    allow_missing: bool = False,
    dayfirst: bool | None = None,
) -> pd.Series:
    """A column of dates: naive UTC ``datetime64[us]``, or aware in ``tz`` when given.

    * text with a UTC offset (``2026-03-08T01:30:00-08:00``; offsets may change with
      daylight saving) and epoch numbers (seconds, or milliseconds from 1e11) are
      instants: converted to ``tz`` (default: UTC, returned naive);
    * text without an offset is wall-clock time as written (in ``tz`` when given), or
      UTC when the export says so (``naive_utc``) and is then converted to ``tz`` too;
    * a number among dates: an Excel serial day in an Excel file; refused in text.
    """
    s = values
    present = s.notna()
    if s.dtype == object or pd.api.types.is_string_dtype(s.dtype):
        text = s.astype("str").str.strip().where(present)
        present &= text.fillna("") != ""
    instants = pd.Series(pd.NaT, index=s.index, dtype="datetime64[us, UTC]")
    walls = pd.Series(pd.NaT, index=s.index, dtype="datetime64[us]")
    is_instant = np.zeros(len(s), dtype=bool)
    is_wall = np.zeros(len(s), dtype=bool)

    if isinstance(s.dtype, pd.DatetimeTZDtype):
        instants = s.dt.tz_convert("UTC").astype("datetime64[us, UTC]")
        is_instant = present.to_numpy()
    elif pd.api.types.is_datetime64_dtype(s.dtype):
        walls = s.astype("datetime64[us]")
        is_wall = present.to_numpy()
    elif isinstance(s.dtype, pd.PeriodDtype):
        walls = s.dt.to_timestamp().astype("datetime64[us]")
        is_wall = present.to_numpy()
    elif pd.api.types.is_bool_dtype(s.dtype):
        raise ColumnTypeError(
            f"Column {column!r} of the {where} must hold dates; found True/False values.")
    else:
        numeric_dtype = pd.api.types.is_numeric_dtype(s.dtype)
        if numeric_dtype:
            as_num = s.astype("float64")
            numeric = present.to_numpy()
        else:
            # Numbers among the cells (Excel numbers, or digits in text): one vectorised test
            # on their text (digits and at most one point); dates never look like that.
            text_cells = s.astype("str").str.strip()
            digits = text_cells.str.lstrip("-").str.replace(".", "", n=1, regex=False)
            numeric = (digits.str.isdecimal().fillna(False).astype(bool) & present).to_numpy()
            as_num = pd.Series(np.nan, index=s.index)
            if numeric.any():
                as_num[numeric] = pd.to_numeric(text_cells[numeric], errors="coerce").to_numpy()
        if numeric.any():
            numbers = as_num.to_numpy(dtype="float64", na_value=np.nan)
            if not numeric_dtype and not excel and not numeric[present.to_numpy()].all():
                raise ColumnTypeError(
                    f"Column {column!r} of the {where} mixes dates with bare numbers: "
                    f"{offending(s, numeric)}. A number in a date column is ambiguous (an Excel "
                    f"serial day? epoch seconds?): write those cells as dates, or convert the "
                    f"column yourself (pd.to_datetime(..., unit='s'), or origin='1899-12-30', "
                    f"unit='D' for Excel serials)."
                )
            ms, sec, serial = _epoch(numbers, excel)
            unknown = numeric & ~(ms | sec | serial)
            if unknown.any():
                raise ColumnTypeError(
                    f"Column {column!r} of the {where} holds numbers that are neither epoch "
                    f"seconds (10 digits) nor milliseconds (13 digits): "
                    f"{offending(s, unknown)}. Write them as dates, or convert them with "
                    f"pd.to_datetime(df[{column!r}], unit=...) first."
                )
            stamp = pd.Series(pd.NaT, index=s.index, dtype="datetime64[us, UTC]")
            stamp[ms] = pd.to_datetime(numbers[ms], unit="ms", utc=True)
            stamp[sec] = pd.to_datetime(numbers[sec], unit="s", utc=True)
            instants = stamp
            is_instant = ms | sec
            if serial.any():
                day = pd.to_datetime(numbers[serial], unit="D", origin="1899-12-30")
                walls = walls.copy()
                walls[serial] = day.astype("datetime64[us]")
                is_wall = serial
        rest = present.to_numpy() & ~numeric
        if rest.any():
            # Datetime objects (Excel) and text alike: their text, offset included, is parsed.
            text = s[rest].astype("str").str.strip()
            offset = _has_offset(text)
            if offset.any():
                parsed = _to_datetime(text[offset], column, where, utc=True, dayfirst=dayfirst)
                instants = instants.copy()
                instants[text.index[offset]] = parsed.astype("datetime64[us, UTC]")
                is_instant = is_instant.copy()
                is_instant[np.flatnonzero(rest)[offset]] = True
            if (~offset).any():
                parsed = _to_datetime(text[~offset], column, where, utc=False, dayfirst=dayfirst)
                walls = walls.copy()
                walls[text.index[~offset]] = parsed.astype("datetime64[us]")
                is_wall = is_wall.copy()
                is_wall[np.flatnonzero(rest)[~offset]] = True
    if naive_utc and is_wall.any():  # the export writes UTC without saying so in the cell
        instants = instants.copy()
        instants[is_wall] = walls[is_wall].dt.tz_localize("UTC")
        is_instant = is_instant | is_wall
        is_wall = np.zeros(len(s), dtype=bool)
    if is_instant.any() and is_wall.any():
        raise TimezoneError(
            f"Column {column!r} of the {where} mixes instants (a UTC offset or an epoch "
            f"number: {offending(s, is_instant)}) with local times without an offset "
            f"({offending(s, is_wall)}). Give every value an offset, or none."
        )
    if is_instant.any():
        out = instants.dt.tz_convert(tz) if tz else instants.dt.tz_localize(None)
    elif tz:  # wall-clock times in tz; refuse those a daylight-saving change makes ambiguous
        out = walls.dt.tz_localize(tz, ambiguous="NaT", nonexistent="NaT")
        unclear = out.isna() & walls.notna()
        if unclear.any():
            raise TimezoneError(
                f"Column {column!r} of the {where} has local times that do not exist or occur "
                f"twice in {tz} (a daylight-saving change): {offending(s, unclear)}. Write "
                f"them with their UTC offset."
            )
    else:
        out = walls
    out = out.astype(f"datetime64[us, {tz}]") if tz else out.astype("datetime64[us]")
    out = out.rename(values.name)
    if not allow_missing and out.isna().any():
        missing = out.index[out.isna().to_numpy()]
        raise InvalidValueError(
            f"Column {column!r} of the {where} has {len(missing)} missing date(s) (index "
            f"{format_values(missing[:5].tolist(), len(missing))}). Fill or drop those rows first."
        )
    return out


_DAY_MONTH = re.compile(r"^\s*(\d{1,2})[/.-](\d{1,2})[/.-]\d{2,4}")


def _attempt(text: pd.Series, utc: bool, **kw) -> pd.Series | None:
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            return pd.to_datetime(text, utc=utc, **kw)
    except (ValueError, TypeError, OverflowError):
        return None


def _to_datetime(text: pd.Series, column: str, where: str, *, utc: bool,
                 dayfirst: bool | None = None) -> pd.Series:
    """One format for the whole column when one fits; mixed formats otherwise.

    ``01/02/2026`` is 1 February or 2 January for the whole column, never row by
    row: when both readings fit every value, the column is refused unless
    ``dayfirst`` says which.
    """
    named = text.str.slice(-3).isin(["UTC", "GMT"]).to_numpy()
    if named.any():  # "2026-01-05 10:00 UTC": only those cells (replace is slow on arrow text)
        text = text.where(~named, text[named].str.replace(r"\s?(UTC|GMT)$", "+00:00",
                                                          regex=True))
    first = text.dropna().iloc[0] if text.notna().any() else ""
    numeric_day = _DAY_MONTH.match(str(first)) is not None
    if dayfirst is not None:
        parsed = _attempt(text, utc, dayfirst=dayfirst)
    elif numeric_day:
        month_first = _attempt(text, utc, dayfirst=False)
        day_first = _attempt(text, utc, dayfirst=True)
        if month_first is not None and day_first is not None \
                and not month_first.equals(day_first):
            raise ColumnTypeError(
                f"Column {column!r} of the {where} has dates such as {first!r} that read as "
                f"day/month and as month/day alike. Pass dayfirst=True (01/02 = 1 February) "
                f"or dayfirst=False (01/02 = 2 January) to the loader."
            )
        parsed = month_first if month_first is not None else day_first
    else:
        parsed = _attempt(text, utc)
    if parsed is None:
        try:
            parsed = pd.to_datetime(text, utc=utc, format="mixed", errors="coerce",
                                    dayfirst=bool(dayfirst))
        except (ValueError, TypeError, OverflowError):
            parsed = pd.Series(pd.NaT, index=text.index, dtype="datetime64[us]")
    if parsed.dtype == object:
        raise TimezoneError(
            f"Column {column!r} of the {where} mixes time zones: {offending(text, text.notna())}."
            f" Convert every value to one zone first.")
    bad = parsed.isna() & text.notna()
    if bad.any():
        raise ColumnTypeError(
            f"Column {column!r} of the {where} has values that are not dates: "
            f"{offending(text, bad)}. Correct them, or convert the column with "
            f"pd.to_datetime(df[{column!r}], errors='coerce') to treat them as missing."
        )
    return parsed


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
          excel: bool = False, utc_columns: Iterable[str] = (),
          dayfirst: bool | None = None) -> pd.DataFrame:
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
    utc_columns = set(utc_columns)
    for column, kind in spec["types"].items():
        if column not in out.columns:
            continue
        optional = kind.endswith("?")
        kind = kind.rstrip("?")
        if kind == "date":
            out[column] = parse_dates(out[column], column, where, tz=tz, excel=excel,
                                      naive_utc=column in utc_columns, allow_missing=optional,
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
