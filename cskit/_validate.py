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
    format_values,
)

PERIODS = {"M": "M", "Q": "Q", "Y": "Y", "A": "Y"}


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


def as_datetime(frame: pd.DataFrame, column: str, table: str, *, allow_missing: bool = False) -> pd.Series:
    """Return ``frame[column]`` as a naive ``datetime64`` series (a new object).

    Strings are parsed; time-zone-aware values are converted to their own
    wall-clock time (so months are the months in the data's time zone). A column
    mixing zones, or aware and naive values, raises :class:`TimezoneError`.
    """
    s = frame[column]
    if isinstance(s.dtype, pd.PeriodDtype):
        out = s.dt.to_timestamp()
    elif isinstance(s.dtype, pd.DatetimeTZDtype):
        out = s.dt.tz_localize(None)
    elif pd.api.types.is_datetime64_dtype(s.dtype):
        out = s.copy()
    elif (
        pd.api.types.is_numeric_dtype(s.dtype)
        and not pd.api.types.is_bool_dtype(s.dtype)
        and s.isna().all()
    ):
        # A column with no dates at all (e.g. an `end` column read from a CSV in
        # which no line has ended yet) comes in as float NaN: all missing.
        out = pd.Series(pd.NaT, index=s.index, dtype="datetime64[us]", name=s.name)
    elif pd.api.types.is_bool_dtype(s.dtype) or pd.api.types.is_numeric_dtype(s.dtype):
        raise ColumnTypeError(
            f"Column {column!r} of the {table} frame must hold dates; found numbers "
            f"{offending(s, s.notna())} (dtype {s.dtype}). Convert them with "
            f"pd.to_datetime(df[{column!r}], unit='s') (or the unit they are in), or, for "
            f"numbers like 202610, pd.to_datetime(df[{column!r}].astype(str), format='%Y%m')."
        )
    else:
        present = s.dropna()
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
        try:
            out = pd.to_datetime(s, errors="coerce", format="mixed")
        except (ValueError, TypeError) as exc:
            if "mixed" in str(exc) or "tz" in str(exc).lower():
                raise TimezoneError(
                    f"Column {column!r} of the {table} frame mixes time zones: "
                    f"{offending(s, s.notna())}. Convert every value to one zone first, "
                    f"e.g. pd.to_datetime(df[{column!r}], utc=True)."
                ) from None
            raise ColumnTypeError(
                f"Column {column!r} of the {table} frame must hold dates; found "
                f"{offending(s, s.notna())}. Convert it with pd.to_datetime(df[{column!r}])."
            ) from None
        if isinstance(out.dtype, pd.DatetimeTZDtype):
            out = out.dt.tz_localize(None)
        elif out.dtype == object:
            raise TimezoneError(
                f"Column {column!r} of the {table} frame mixes time zones: "
                f"{offending(s, s.notna())}. Convert every value to one zone first, "
                f"e.g. pd.to_datetime(df[{column!r}], utc=True)."
            )
        unparsed = out.isna() & s.notna()
        if unparsed.any():
            raise ColumnTypeError(
                f"Column {column!r} of the {table} frame has values that are not dates: "
                f"{offending(s, unparsed)}. Correct them, or convert the column with "
                f"pd.to_datetime(df[{column!r}], errors='coerce') to treat them as missing."
            )
    if not allow_missing and out.isna().any():
        raise InvalidValueError(
            f"Column {column!r} of the {table} frame has {int(out.isna().sum())} missing date(s) "
            f"({where_missing(out)}). Fill or drop those rows first."
        )
    return out


def as_month(frame: pd.DataFrame, column: str, table: str) -> pd.Series:
    """Return ``frame[column]`` as a monthly ``Period`` series.

    Accepts ``Period[M]``, datetimes (any day of the month) and strings such as
    ``"2026-10"`` or ``"2026-10-01"``.
    """
    s = frame[column]
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
    dup = frame.duplicated(list(keys), keep=False)
    if dup.any():
        examples = frame.loc[dup, list(keys)].drop_duplicates().head(5)
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
    values: pd.Series, column: str, table: str, on_missing: str
) -> pd.Series:
    """Drop missing values with a :class:`CskitWarning`, or raise, per ``on_missing``."""
    check_choice("on_missing", on_missing, ("drop", "raise"))
    missing = values.isna()
    if not missing.any():
        return values
    n = int(missing.sum())
    if on_missing == "raise":
        raise InvalidValueError(
            f"Column {column!r} of the {table} frame has {n} missing value(s) "
            f"({where_missing(values)}). Drop those rows, or pass on_missing='drop' to skip "
            f"them with a warning."
        )
    warnings.warn(
        f"Dropped {n} row(s) of the {table} frame with a missing {column!r}; "
        f"pass on_missing='raise' to stop instead.",
        CskitWarning,
        stacklevel=4,
    )
    return values[~missing]


def to_period(dates: pd.Series, period: str) -> pd.Series:
    """Bucket tz-naive datetimes (or monthly periods) into ``period`` ("M", "Q", "Y")."""
    if isinstance(dates.dtype, pd.PeriodDtype):
        return dates.dt.asfreq(period)
    return dates.dt.to_period(period)
