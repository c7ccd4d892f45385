"""Text to dates, the one parser behind both readers of dates.

:func:`cskit.io` loaders (``cskit.io._dates.parse_dates``: permissive, for
exports: epoch numbers, Excel serials, offsets that change with daylight
saving) and the metrics' check of a frame's date column
(:func:`cskit._validate.as_datetime`: strict, one zone per column, the
day/month order decided from the data) both hand their text to
:func:`parse_text`: one format for the whole column when one fits, one
day/month order for the whole column, a clear error for what is not a date.
"""

from __future__ import annotations

import re
import warnings

import pandas as pd

from cskit.errors import ColumnTypeError, TimezoneError


def _offending(values: pd.Series, mask: pd.Series) -> str:
    from cskit._validate import offending  # _validate parses with this module: no cycle

    return offending(values, mask)


_DAY_MONTH = re.compile(r"^\s*(\d{1,2})[/.-](\d{1,2})[/.-]\d{2,4}")


def _plain(text: pd.Series, utc: bool, **kw) -> pd.Series | None:
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            return pd.to_datetime(text, utc=utc, **kw)
    except (ValueError, TypeError, OverflowError):
        return None


def _attempt(text: pd.Series, utc: bool, dayfirst: bool | None = None,
             **kw) -> pd.Series | None:
    """``pd.to_datetime`` of the column, or None when it fails.

    ``dayfirst`` is applied only to the cells written day/month-like
    (``13/02/2026``): an ISO date such as ``2026-03-05`` in the same column is
    never read year-day-month.
    """
    if dayfirst is None:
        return _plain(text, utc, **kw)
    ordered = text.str.match(_DAY_MONTH.pattern).fillna(False).astype(bool).to_numpy()
    if ordered.all() or not ordered.any():
        return _plain(text, utc, dayfirst=dayfirst and bool(ordered.any()), **kw)
    parts = [_plain(text[ordered], utc, dayfirst=dayfirst, **kw), _plain(text[~ordered], utc, **kw)]
    if parts[0] is None or parts[1] is None:
        return None
    return pd.concat(parts).reindex(text.index)


def parse_text(text: pd.Series, column: str, where: str, *, utc: bool,
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
        parsed = _attempt(text, utc, dayfirst=dayfirst, format="mixed", errors="coerce")
        if parsed is None:
            parsed = pd.Series(pd.NaT, index=text.index, dtype="datetime64[us]")
    if parsed.dtype == object:
        raise TimezoneError(
            f"Column {column!r} of the {where} mixes time zones: {_offending(text, text.notna())}."
            f" Convert every value to one zone first.")
    bad = parsed.isna() & text.notna()
    if bad.any():
        raise ColumnTypeError(
            f"Column {column!r} of the {where} has values that are not dates: "
            f"{_offending(text, bad)}. Correct them, or convert the column with "
            f"pd.to_datetime(df[{column!r}], errors='coerce') to treat them as missing."
        )
    return parsed
