"""Input checks shared by every metric.

Each helper either returns a clean, *new* object (the caller's frame is never
modified) or raises a :mod:`cskit.errors` exception whose message names the
column, shows up to five offending values and says how to fix it.
"""

from __future__ import annotations

import datetime
import warnings
from collections.abc import Iterable, Mapping, Sequence

import numpy as np
import pandas as pd

from cskit.errors import (
    ColumnTypeError,
    CskitWarning,
    DuplicateRowsError,
    EmptyFrameError,
    InvalidParameterError,
    InvalidValueError,
    MissingColumnError,
    TimezoneError,
    caller_stacklevel,
    format_values,
)

PERIODS = {"M": "M", "Q": "Q", "Y": "Y", "A": "Y"}

#: Whether pandas copies shared data before a write (copy-on-write: pandas 3, or opted into).
_COPY_ON_WRITE = int(pd.__version__.split(".")[0]) >= 3 or pd.get_option("mode.copy_on_write") is True


def check_frame(frame: object, table: str) -> pd.DataFrame:
    """Check that ``frame`` is a non-empty DataFrame."""
    if not isinstance(frame, pd.DataFrame):
        raise ColumnTypeError(
            f"Expected a pandas DataFrame of {table}, got {type(frame).__name__}. "
            f"Build one with pd.DataFrame(...) or a cskit.read_* loader."
        )
    if frame.empty:
        raise EmptyFrameError(
            f"The {table} frame is empty (0 rows). Check the filter or file that produced it."
        )
    return frame


def require_columns(frame: pd.DataFrame, columns: Mapping[str, str | None], table: str) -> None:
    """Raise :class:`MissingColumnError` for the first missing required column.

    ``columns`` maps the keyword a caller uses to name a column (``score``)
    to the column name (``"score"``). ``None`` values are optional columns
    that were switched off and are skipped.
    """
    for keyword, column in columns.items():
        if column is None:
            continue
        if column not in frame.columns:
            present = format_values([str(c) for c in frame.columns], len(frame.columns))
            raise MissingColumnError(
                f"Column {column!r} is missing from the {table} frame "
                f"(columns present: {present}). Rename your column to {column!r} "
                f"or pass {keyword}='<your column>'."
            )
    check_hashable(frame, columns.values(), table)
    for keyword, column in columns.items():
        if keyword.removesuffix("_col") in _KEY_KEYWORDS and column is not None:
            check_one_type(frame, column, table)


_KEY_KEYWORDS = {"customer", "user", "account", "by", "entity", "plan", "product", "event",
                 "category", "survey", "channel", "segment"}


def check_one_type(frame: pd.DataFrame, column: str, table: str) -> None:
    """Refuse a key column holding one value both as a number and as text (``1`` and ``"1"``).

    Such cells (a concat of a frame read as numbers and one read as text) would
    count as two customers, users or segments.

    Examples
    --------
    >>> check_one_type(pd.DataFrame({"id": [1, "a7"]}), "id", "mrr")  # distinct: fine
    """
    s = frame[column]
    if s.dtype != object or pd.api.types.infer_dtype(s, skipna=True) not in (
            "mixed", "mixed-integer", "mixed-integer-float"):
        return
    present = s.dropna()
    # only mixed columns reach this cell-by-cell look
    is_text = present.map(lambda v: isinstance(v, str)).to_numpy(dtype=bool)
    if is_text.all() or not is_text.any():
        return
    text = present[is_text].str.strip()
    numbers = present[~is_text].map(
        lambda v: str(int(v)) if isinstance(v, (float, np.floating)) and float(v).is_integer()
        else str(v))
    clash = numbers.isin(set(text))
    if clash.any():
        as_number = present[~is_text][clash.to_numpy()]
        as_text = text[text.isin(set(numbers[clash]))]
        raise ColumnTypeError(
            f"Column {column!r} of the {table} frame holds the same value as a number and as "
            f"text: {offending(as_number, np.ones(len(as_number), bool))} (numbers) and "
            f"{offending(as_text, np.ones(len(as_text), bool))} (text); they would count as different "
            f"{column!r} values. Give the column one type, e.g. "
            f"df[{column!r}] = df[{column!r}].astype(str).str.strip()."
        )


def check_period(period: str | None, allowed: Sequence[str | None] = ("M", "Q", "Y", None)) -> str | None:
    """Normalise a ``period`` keyword to ``"M"``, ``"Q"``, ``"Y"`` or ``None``."""
    if period is None and None in allowed:
        return None
    key = str(period).upper() if period is not None else None
    if key in PERIODS and PERIODS[key] in allowed:
        return PERIODS[key]
    raise InvalidParameterError(
        f"period={period!r} is not supported here; use one of "
        f"{', '.join(repr(p) for p in allowed)}."
    )


def check_choice(name: str, value: object, choices: Iterable[object]) -> None:
    """Raise :class:`InvalidParameterError` unless ``value`` is one of ``choices``."""
    choices = list(choices)
    if value not in choices:
        raise InvalidParameterError(
            f"{name}={value!r} is not one of {', '.join(repr(c) for c in choices)}."
        )


MAX_DAYS = 36_600  # a hundred years: longer spans are typos, and overflow timestamps


def check_days(name: str, value: object, *, minimum: int = 0, none_ok: bool = False) -> int | None:
    """Check a whole number of days between ``minimum`` and a hundred years.

    Examples
    --------
    >>> check_days("trial_days", 14, minimum=1)
    14
    """
    if value is None and none_ok:
        return None
    whole = isinstance(value, (int, np.integer)) and not isinstance(value, (bool, np.bool_))
    if not whole or not minimum <= value <= MAX_DAYS:
        also = " or None" if none_ok else ""
        raise InvalidParameterError(
            f"{name}={value!r} must be a whole number of days from {minimum} to {MAX_DAYS:,} "
            f"(a hundred years){also}; e.g. {name}=14."
        )
    return int(value)


def check_level(level: object) -> float:
    """A confidence level strictly between 0 and 1 (a number, not text).

    Examples
    --------
    >>> check_level(0.9)
    0.9
    """
    number = isinstance(level, (int, float, np.integer, np.floating)) and not isinstance(
        level, (bool, np.bool_))
    if not number or not 0 < level < 1:
        hint = (f" (a number, not text: confidence={float(level)})"
                if _is_number_text(level) else "")
        raise InvalidParameterError(
            f"confidence={level!r} must be between 0 and 1, e.g. 0.95 (a number: "
            f"confidence=0.95){hint}."
        )
    return float(level)


def _is_number_text(value: object) -> bool:
    try:
        return isinstance(value, str) and 0 < float(value) < 1
    except ValueError:
        return False


def as_date_param(name: str, value: object) -> pd.Timestamp:
    """A date keyword (``start=``, ``as_of=``…) as a naive ``Timestamp``.

    An aware value becomes its own wall-clock time, as dates in columns do.

    Examples
    --------
    >>> as_date_param("as_of", "2026-10-31")
    Timestamp('2026-10-31 00:00:00')
    """
    try:
        stamp = pd.Timestamp(value) if value is not None else pd.NaT
    except (ValueError, TypeError, OverflowError):
        stamp = pd.NaT
    if pd.isna(stamp):
        raise InvalidParameterError(
            f"{name}={value!r} is not a date; pass e.g. {name}='2026-10-31' or a "
            f"pd.Timestamp."
        )
    return stamp.tz_localize(None) if stamp.tzinfo is not None else stamp


def check_hashable(frame: pd.DataFrame, columns: Iterable[str | None], table: str) -> None:
    """Refuse cells holding lists, dicts, sets or arrays in columns used as keys or labels."""
    for column in columns:
        if column is None or column not in frame.columns:
            continue
        s = frame[column]
        if s.dtype != object or pd.api.types.infer_dtype(s, skipna=True) not in (
                "mixed", "mixed-integer", "unknown-array"):
            continue
        nested = s.map(lambda v: isinstance(v, (list, dict, set, tuple, np.ndarray))).to_numpy(
            dtype=bool)
        if nested.any():
            raise ColumnTypeError(
                f"Column {column!r} of the {table} frame holds lists or other containers in "
                f"{int(nested.sum())} cell(s): {offending(s, nested)} (index "
                f"{format_values(s.index[nested][:5].tolist(), int(nested.sum()))}). "
                f"Give each row one value: split such rows with df.explode({column!r}), or "
                f"join them to text with df[{column!r}].astype(str)."
            )


FAR_MONTHS = 24  # a gap this long after the bulk of the dates marks placeholder dates


def placeholder_cutoff(months: np.ndarray) -> int | None:
    """The last month of the data, when some later months are placeholders (else None).

    Placeholder dates (``9999-12-31`` for "no end", a start typed as 2300) sit
    far after everything else. Among the distinct month ordinals, the first gap
    of more than two years that follows the median month cuts them off; the month
    before the gap is returned. Data without such a gap returns None.

    Examples
    --------
    >>> months = pd.PeriodIndex(["2026-01", "2026-02", "2026-03", "9999-12"], freq="M").asi8
    >>> str(pd.PeriodIndex.from_ordinals([placeholder_cutoff(months)], freq="M")[0])
    '2026-03'
    >>> placeholder_cutoff(pd.PeriodIndex(["2026-01", "2027-06"], freq="M").asi8) is None
    True
    """
    distinct = np.unique(np.asarray(months, dtype=np.int64))
    if len(distinct) < 2:
        return None
    median = distinct[(len(distinct) - 1) // 2]
    gaps = np.flatnonzero((np.diff(distinct) > FAR_MONTHS) & (distinct[1:] > median))
    return int(distinct[gaps[0]]) if len(gaps) else None


def offending(series: pd.Series, mask: pd.Series | np.ndarray) -> str:
    """Up to five distinct offending values of ``series`` where ``mask`` holds."""
    values = series[np.asarray(mask)].to_numpy()
    try:
        bad = pd.unique(values).tolist()
    except TypeError:  # unhashable cells (lists, dicts): compare their text instead
        first: dict[str, object] = {}
        for value in values:  # only on the error path
            first.setdefault(repr(value), value)
        bad = list(first.values())
    return format_values(bad, len(bad))


def where_missing(series: pd.Series) -> str:
    """Index labels of up to five missing values, e.g. ``"index 3, 7"``."""
    labels = series.index[series.isna().to_numpy()]
    return "index " + format_values(labels[:5].tolist(), len(labels))


_NO_NUMBERS = {"string", "datetime", "datetime64", "date", "empty", "period"}
_NUMERIC_DATE = r"^\s*(\d{1,2})[/.\-](\d{1,2})[/.\-](\d{2}|\d{4})(?:$|[\sT])"


def _arrow_to_numpy(s: pd.Series) -> pd.Series:
    """Arrow-backed timestamps and dates as NumPy-backed datetimes (other dtypes unchanged)."""
    if not isinstance(s.dtype, pd.ArrowDtype):
        return s
    import pyarrow as pa

    kind = s.dtype.pyarrow_dtype
    if getattr(kind, "extension_name", None) == "pandas.period":  # Period written to parquet
        chunks = s.array.__arrow_array__().chunks
        storage = pa.chunked_array([c.storage for c in chunks], type=kind.storage_type)
        ordinals = storage.to_numpy(zero_copy_only=False)
        missing = pd.isna(ordinals)
        periods = pd.PeriodIndex.from_ordinals(np.where(missing, 0, ordinals).astype(np.int64),
                                               freq=kind.freq)
        return pd.Series(periods, index=s.index, name=s.name).where(~missing)
    if pa.types.is_timestamp(kind):
        unit = kind.unit if kind.unit in ("s", "ms", "us", "ns") else "ns"
        target = pd.DatetimeTZDtype(unit, kind.tz) if kind.tz else np.dtype(f"datetime64[{unit}]")
        return s.astype(target)
    if pa.types.is_date(kind):
        return s.astype("datetime64[s]")
    if pa.types.is_string(kind) or pa.types.is_large_string(kind):
        return s.astype(object).where(s.notna(), None)
    return s


def _refuse_numbers(s: pd.Series, column: str, table: str) -> None:
    """Refuse numbers among text dates: parsed as dates they would be nanoseconds since 1970."""
    if pd.api.types.infer_dtype(s, skipna=True) in _NO_NUMBERS:
        return
    values = s.to_numpy(dtype=object)  # a mixed column only: check cell by cell
    number = np.fromiter(
        (isinstance(v, (int, float, np.number, bool, np.bool_)) and not pd.isna(v) for v in values),
        dtype=bool,
        count=len(values),
    )
    if number.any():
        raise ColumnTypeError(
            f"Column {column!r} of the {table} frame holds numbers among its dates: "
            f"{offending(s, number)} ({int(number.sum())} cell(s)). cskit does not guess what "
            f"a number means as a date. Excel serial day numbers (45292 is 2024-01-01) convert "
            f"with pd.to_datetime(v, unit='D', origin='1899-12-30'); Unix seconds with "
            f"pd.to_datetime(v, unit='s'). Convert those cells, or drop them."
        )


def _refuse_number_text(text: pd.Series, column: str, table: str) -> None:
    """Refuse bare numbers written as text among dates (``"45292"``, ``"2026"``), except
    eight digits (``"20260105"``, year-month-day): a year alone would become 1 January, and
    an Excel serial or Unix seconds are no date either."""
    digits = text.str.fullmatch(r"\s*\d+(?:\.\d+)?\s*", na=False)
    bad = digits & ~text.str.fullmatch(r"\s*\d{8}\s*", na=False)
    if bad.any():
        raise ColumnTypeError(
            f"Column {column!r} of the {table} frame holds bare numbers among its dates: "
            f"{offending(text, bad)} ({int(bad.sum())} cell(s)). cskit does not guess what a "
            f"number means as a date. Excel serial day numbers (45292 is 2024-01-01) convert "
            f"with pd.to_datetime(pd.to_numeric(v), unit='D', origin='1899-12-30'); Unix "
            f"seconds with unit='s'; year-months like 202610 with format='%Y%m'. Convert those "
            f"cells, or drop them."
        )


def _dayfirst(text: pd.Series, column: str, table: str) -> tuple[pd.Series, bool]:
    """Which day/month order the column's ``dd/mm/yyyy``-like values use, decided on the whole
    column; returns the mask of such values and whether the day comes first."""
    parts = text.str.extract(_NUMERIC_DATE)
    numeric = parts[0].notna()
    if not numeric.any():
        return numeric, False
    first = parts.loc[numeric, 0].astype(int)
    second = parts.loc[numeric, 1].astype(int)
    day_first, month_first = (first > 12), (second > 12)
    how = (f"pd.to_datetime(df[{column!r}], dayfirst=True) or "
           f"pd.to_datetime(df[{column!r}], format='%d/%m/%Y') for day first, "
           f"dayfirst=False or format='%m/%d/%Y' for month first")
    if day_first.any() and month_first.any():
        raise ColumnTypeError(
            f"Column {column!r} of the {table} frame mixes day-first dates "
            f"({offending(text[numeric], day_first)}) and month-first dates "
            f"({offending(text[numeric], month_first)}). Correct them, then convert the "
            f"column yourself with {how}."
        )
    if not day_first.any() and not month_first.any() and (first != second).any():
        raise ColumnTypeError(
            f"Column {column!r} of the {table} frame has dates whose day and month cannot be "
            f"told apart: {offending(text[numeric], first != second)} (no day above 12 in the "
            f"column). Convert the column yourself with {how}."
        )
    return numeric, bool(day_first.any())


def _parse_dates(frame: pd.DataFrame, column: str, table: str) -> pd.Series:
    """``frame[column]`` as ``datetime64`` (naive) or ``datetime64[tz]`` (aware), a new object."""
    s = _arrow_to_numpy(frame[column])
    if isinstance(s.dtype, pd.PeriodDtype):
        return s.dt.to_timestamp()
    if isinstance(s.dtype, pd.DatetimeTZDtype) or pd.api.types.is_datetime64_dtype(s.dtype):
        # Under copy-on-write (always in pandas 3) a new Series on the same data is copied if
        # it is ever written to, so the caller's frame stays as it is without copying every
        # time; pandas 2 without it gets a real copy.
        return s.copy(deep=not _COPY_ON_WRITE)
    if (
        pd.api.types.is_numeric_dtype(s.dtype)
        and not pd.api.types.is_bool_dtype(s.dtype)
        and s.isna().all()
    ):
        # A column with no dates at all (e.g. an `end` column read from a CSV in
        # which no line has ended yet) comes in as float NaN: all missing.
        return pd.Series(pd.NaT, index=s.index, dtype="datetime64[us]", name=s.name)
    if pd.api.types.is_bool_dtype(s.dtype) or pd.api.types.is_numeric_dtype(s.dtype):
        raise ColumnTypeError(
            f"Column {column!r} of the {table} frame must hold dates; found numbers "
            f"{offending(s, s.notna())} (dtype {s.dtype}). Convert them with "
            f"pd.to_datetime(df[{column!r}], unit='s') (or the unit they are in), or, for "
            f"numbers like 202610, pd.to_datetime(df[{column!r}].astype(str), format='%Y%m')."
        )
    present = s.dropna()
    kind = pd.api.types.infer_dtype(present, skipna=True)
    if kind == "period" or (kind == "mixed" and present.map(type).eq(pd.Period).all()):
        try:
            stamps = pd.PeriodIndex(present.array).to_timestamp()
        except (ValueError, TypeError):  # several frequencies: read each by its text
            stamps = pd.to_datetime(present.astype(str), format="mixed")
        return pd.Series(stamps, index=present.index).reindex(s.index).rename(s.name)
    _refuse_numbers(s, column, table)
    zones = {
        str(v.tzinfo) if v.tzinfo is not None else "naive"
        for v in present
        if isinstance(v, (pd.Timestamp, datetime.datetime))
    }
    if len(zones) > 1:
        raise TimezoneError(
            f"Column {column!r} of the {table} frame mixes time zones: "
            f"{format_values(sorted(zones))}. Convert every value to one zone first, "
            f"e.g. pd.to_datetime(df[{column!r}], utc=True)."
        )
    text = s.astype("str").where(s.notna())
    has_offset = text.str.contains(r"(?:Z|[+-]\d\d:?\d\d)$", regex=True, na=False)
    if has_offset.any() and not has_offset[s.notna()].all():
        raise TimezoneError(
            f"Column {column!r} of the {table} frame mixes values with and without a UTC "
            f"offset: {offending(s, has_offset)} next to {offending(s, ~has_offset & s.notna())}. "
            f"Give every value the same offset (or none)."
        )
    _refuse_number_text(text, column, table)
    numeric, day_first = _dayfirst(text, column, table)
    offsets = text[has_offset].str.extract(r"(Z|[+-]\d\d:?\d\d)$", expand=False)
    if offsets.str.replace(":", "", regex=False).replace("Z", "+0000").nunique() > 1:
        raise TimezoneError(
            f"Column {column!r} of the {table} frame mixes time zones: "
            f"{offending(s, s.notna())}. Convert every value to one zone first, "
            f"e.g. pd.to_datetime(df[{column!r}], utc=True)."
        )
    # The day/month order is decided above, on the whole column; the parsing itself is
    # the loaders' (cskit._dates), so both readers of dates agree on what a date is.
    from cskit._dates import parse_text

    out = parse_text(text, column, f"{table} frame", utc=False,
                     dayfirst=day_first if numeric.any() else None)
    return out


def _check_missing(out: pd.Series, column: str, table: str, allow_missing: bool) -> pd.Series:
    if not allow_missing and out.isna().any():
        raise InvalidValueError(
            f"Column {column!r} of the {table} frame has {int(out.isna().sum())} missing date(s) "
            f"({where_missing(out)}). Fill or drop those rows first."
        )
    return out


def as_datetime(
    frame: pd.DataFrame,
    column: str,
    table: str,
    *,
    allow_missing: bool = False,
    instant: bool = False,
) -> pd.Series:
    """Return ``frame[column]`` as a naive ``datetime64`` series (a new object).

    Strings are parsed with one day/month order for the whole column (a column
    whose order cannot be told raises :class:`ColumnTypeError`); numbers among
    text dates are refused, as are Arrow-backed timestamps of any unit accepted.
    Time-zone-aware values become their own wall-clock time (so months are the
    months in the data's time zone), or, with ``instant=True``, UTC: use that for
    durations, which must be measured between instants. A column mixing zones,
    or aware and naive values, raises :class:`TimezoneError`.

    Examples
    --------
    >>> frame = pd.DataFrame({"at": ["01/02/2026", "13/02/2026"]})
    >>> as_datetime(frame, "at", "tickets").dt.strftime("%Y-%m-%d").tolist()
    ['2026-02-01', '2026-02-13']
    """
    out = _parse_dates(frame, column, table)
    if isinstance(out.dtype, pd.DatetimeTZDtype):
        out = (out.dt.tz_convert("UTC") if instant else out).dt.tz_localize(None)
    return _check_missing(out, column, table, allow_missing)


def as_instants(
    frame: pd.DataFrame,
    columns: Sequence[str],
    table: str,
    *,
    allow_missing: Sequence[bool] | bool = False,
    local: bool = False,
) -> list[pd.Series] | tuple[list[pd.Series], list[pd.Series]]:
    """Several datetime columns that are compared with each other, as instants.

    Aware columns are converted to UTC (so durations across a daylight-saving
    change, or between columns kept in different zones, are true elapsed
    times); naive columns are returned as they are. Mixing aware and naive
    columns raises :class:`TimezoneError`: a naive time is no instant.
    With ``local=True`` also returns every column on the wall clock of the
    first column's zone (for months, weekdays and business hours).

    Examples
    --------
    >>> frame = pd.DataFrame({
    ...     "created_at": pd.to_datetime(["2026-03-29 01:30"]).tz_localize("Europe/Paris"),
    ...     "first_response_at": pd.to_datetime(["2026-03-29 04:30"]).tz_localize("Europe/Paris")})
    >>> a, b = as_instants(frame, ["created_at", "first_response_at"], "tickets")
    >>> (b - a).dt.total_seconds().tolist()  # 2 hours: the clocks went forward at 02:00
    [7200.0]
    """
    allowed = [allow_missing] * len(columns) if isinstance(allow_missing, bool) else allow_missing
    parsed = [_parse_dates(frame, c, table) for c in columns]
    aware = [isinstance(p.dtype, pd.DatetimeTZDtype) for p in parsed]
    # A column without any date (all empty) has no zone to disagree with.
    dated = [bool(p.notna().any()) for p in parsed]
    zoned = [c for c, a, d in zip(columns, aware, dated, strict=True) if a and d]
    naive = [c for c, a, d in zip(columns, aware, dated, strict=True) if not a and d]
    if zoned and naive:
        zone = parsed[columns.index(zoned[0])].dt.tz
        raise TimezoneError(
            f"Column(s) {format_values(zoned)} of the {table} frame carry a time zone ({zone}) "
            f"but {format_values(naive)} do not, so the time between them is unknown. Give "
            f"the naive column(s) their zone, e.g. df[{naive[0]!r}].dt.tz_localize('{zone}')."
        )
    out = []
    for column, values, ok in zip(columns, parsed, allowed, strict=True):
        if isinstance(values.dtype, pd.DatetimeTZDtype):
            values = values.dt.tz_convert("UTC").dt.tz_localize(None)
        out.append(_check_missing(values, column, table, ok))
    if not local:
        return out
    clocks = out
    if any(aware):
        # every column read on the clock of the first zoned column
        zone = parsed[aware.index(True)].dt.tz
        clocks = [p.dt.tz_convert(zone).dt.tz_localize(None) if a else o
                  for p, a, o in zip(parsed, aware, out, strict=True)]
    return out, clocks


_TRUE_WORDS = ("true", "t", "yes", "y", "1", "1.0")
_FALSE_WORDS = ("false", "f", "no", "n", "0", "0.0")


def looks_like_flags(values: pd.Series) -> bool:
    """Whether ``values`` hold True/False flags (bool, 0/1, or their words), maybe with gaps.

    A CSV column of ``True``/``False`` with one empty cell is read by pandas as
    object values; it is still a column of flags, not of dates.

    Examples
    --------
    >>> looks_like_flags(pd.Series([True, None, False], dtype=object))
    True
    >>> looks_like_flags(pd.Series(["2026-10-01", None]))
    False
    """
    if pd.api.types.is_bool_dtype(values.dtype):
        return True
    present = values.dropna()
    if pd.api.types.is_numeric_dtype(values.dtype):
        return bool(present.isin([0, 1]).all())
    if pd.api.types.infer_dtype(present, skipna=True) in ("datetime", "datetime64", "date"):
        return False
    words = present.astype(str).str.strip().str.lower()
    return bool(len(words)) and bool(words.isin(_TRUE_WORDS + _FALSE_WORDS).all())


def as_flags(frame: pd.DataFrame, column: str, table: str) -> tuple[np.ndarray, np.ndarray]:
    """``frame[column]`` as True/False flags and the mask of empty (unknown) cells.

    Accepts bool, 0/1 and the words true/false, yes/no, t/f, y/n (any case).

    Examples
    --------
    >>> flags, unknown = as_flags(pd.DataFrame({"r": [True, None, "false"]}), "r", "tickets")
    >>> flags.tolist(), unknown.tolist()
    ([True, False, False], [False, True, False])
    """
    values = frame[column]
    unknown = values.isna().to_numpy()
    if pd.api.types.is_bool_dtype(values.dtype) or pd.api.types.is_numeric_dtype(values.dtype):
        numbers = pd.to_numeric(values, errors="coerce").astype("float64")
        bad = ~numbers.isin([0.0, 1.0]) & values.notna()
        truth = (numbers == 1.0).to_numpy()
    else:
        words = values.astype(str).str.strip().str.lower()
        bad = ~words.isin(_TRUE_WORDS + _FALSE_WORDS) & values.notna()
        truth = words.isin(_TRUE_WORDS).to_numpy() & ~unknown
    if bad.any():
        raise ColumnTypeError(
            f"Column {column!r} of the {table} frame must be True/False (or 1/0, yes/no); found "
            f"{offending(values, bad)}. Convert it, e.g. df[{column!r}] == 'reopened'."
        )
    return truth.astype(bool), unknown


def as_month(frame: pd.DataFrame, column: str, table: str) -> pd.Series:
    """Return ``frame[column]`` as a monthly ``Period`` series.

    Accepts ``Period[M]``, datetimes (any day of the month) and strings such as
    ``"2026-10"`` or ``"2026-10-01"``.
    """
    s = _arrow_to_numpy(frame[column])
    if isinstance(s.dtype, pd.PeriodDtype):
        if s.isna().any():
            raise InvalidValueError(
                f"Column {column!r} of the {table} frame has {int(s.isna().sum())} missing month(s) "
                f"({where_missing(s)}). Fill or drop those rows first."
            )
        if s.dtype != pd.PeriodDtype("M"):
            return s.dt.asfreq("M")
        return s
    return as_datetime(frame, column, table).dt.to_period("M")


def as_number(
    frame: pd.DataFrame,
    column: str,
    table: str,
    *,
    allow_negative: bool = False,
    allow_missing: bool = False,
) -> pd.Series:
    """Return ``frame[column]`` as float64, rejecting text and (by default) negatives."""
    s = frame[column]
    if pd.api.types.is_bool_dtype(s.dtype) or not pd.api.types.is_numeric_dtype(s.dtype):
        converted = pd.to_numeric(s, errors="coerce")
        bad = converted.isna() & s.notna()
        if bad.any() or pd.api.types.is_bool_dtype(s.dtype):
            raise ColumnTypeError(
                f"Column {column!r} of the {table} frame must be numeric; found "
                f"{offending(s, bad if bad.any() else s.notna())}. Convert it with "
                f"pd.to_numeric(df[{column!r}]) after cleaning those values."
            )
        s = converted
    out = s.astype("float64")
    if not allow_missing and out.isna().any():
        raise InvalidValueError(
            f"Column {column!r} of the {table} frame has {int(out.isna().sum())} missing value(s) "
            f"({where_missing(out)}). Fill them (e.g. with 0) or drop those rows first."
        )
    infinite = np.isinf(out)
    if infinite.any():
        raise InvalidValueError(
            f"Column {column!r} of the {table} frame has infinite values: "
            f"{offending(frame[column], infinite)}. Replace them (e.g. with the real amount) "
            f"or drop those rows first."
        )
    if not allow_negative:
        neg = out < 0
        if neg.any():
            raise InvalidValueError(
                f"Column {column!r} of the {table} frame has negative values: "
                f"{offending(frame[column], neg)}. Amounts must be >= 0; record refunds "
                f"and credits outside recurring revenue, or fix the sign."
            )
    return out


def check_unique(frame: pd.DataFrame, keys: Sequence[str], table: str, hint: str = "") -> None:
    """Raise :class:`DuplicateRowsError` if several rows share the same ``keys``."""
    # Arrow-backed periods and timestamps cannot be hashed by pandas: compare NumPy copies
    plain = frame
    if any(isinstance(d, pd.ArrowDtype) for d in frame[list(keys)].dtypes):
        plain = pd.DataFrame({k: _arrow_to_numpy(frame[k]) for k in keys}, index=frame.index)
    dup = plain.duplicated(list(keys), keep=False)
    if dup.any():
        examples = plain.loc[dup, list(keys)].drop_duplicates().head(5)
        shown = "; ".join(
            ", ".join(f"{k}={v!r}" if isinstance(v, str) else f"{k}={v}" for k, v in row.items())
            for row in examples.to_dict("records")
        )
        n = int(dup.sum())
        raise DuplicateRowsError(
            f"The {table} frame must have one row per {', '.join(repr(k) for k in keys)}; "
            f"{n} rows share a key, e.g. {shown}. {hint or 'Drop or aggregate the duplicates first.'}"
        )


def drop_missing(
    values: pd.Series, column: str, table: str, on_invalid: str
) -> pd.Series:
    """Drop missing values with a :class:`CskitWarning`, or raise, per ``on_invalid``."""
    check_choice("on_invalid", on_invalid, ("drop", "raise"))
    missing = values.isna()
    if not missing.any():
        return values
    n = int(missing.sum())
    if on_invalid == "raise":
        raise InvalidValueError(
            f"Column {column!r} of the {table} frame has {n} missing value(s) "
            f"({where_missing(values)}). Drop those rows, or pass on_invalid='drop' to skip "
            f"them with a warning."
        )
    warnings.warn(
        f"Dropped {n} row(s) of the {table} frame with a missing {column!r}; "
        f"pass on_invalid='raise' to stop instead.",
        CskitWarning,
        stacklevel=caller_stacklevel(),
    )
    return values[~missing]


def to_period(dates: pd.Series, period: str) -> pd.Series:
    """Bucket tz-naive datetimes (or monthly periods) into ``period`` ("M", "Q", "Y")."""
    if isinstance(dates.dtype, pd.PeriodDtype):
        return dates.dt.asfreq(period)
    return dates.dt.to_period(period)
