"""Dates in loaders: UTC offsets (daylight saving), epoch numbers, Excel serials,
one day/month reading per column, and the zone the caller wants."""

from __future__ import annotations

import re
import zoneinfo

import numpy as np
import pandas as pd

from cskit._dates import parse_text
from cskit._validate import offending
from cskit.errors import (
    ColumnTypeError,
    InvalidParameterError,
    InvalidValueError,
    TimezoneError,
    format_values,
)


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
                parsed = parse_text(text[offset], column, where, utc=True, dayfirst=dayfirst)
                instants = instants.copy()
                instants[text.index[offset]] = parsed.astype("datetime64[us, UTC]")
                is_instant = is_instant.copy()
                is_instant[np.flatnonzero(rest)[offset]] = True
            if (~offset).any():
                parsed = parse_text(text[~offset], column, where, utc=False, dayfirst=dayfirst)
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
