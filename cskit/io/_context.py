"""What a source recipe knows about the file it converts."""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from cskit.io._common import missing_column
from cskit.io._dates import parse_dates


@dataclass(frozen=True)
class Context:
    """``where`` names the file in messages; ``tz`` is the zone wanted for wall-clock
    times (``None`` = UTC); ``excel`` says whether numbers in date cells are Excel serials; ``dayfirst``
    how to read ``01/02/2026`` (``None``: refuse when both readings fit)."""

    where: str
    tz: str | None = None
    excel: bool = False
    dayfirst: bool | None = None

    def dates(self, raw: pd.DataFrame, column: str, *, utc: bool = True,
              allow_missing: bool = False) -> pd.Series:
        """``raw[column]`` as dates (naive UTC, or aware in ``tz``); ``utc``: cells without
        an offset are UTC."""
        return parse_dates(raw[column], column, self.where, tz=self.tz, excel=self.excel,
                           naive_utc=utc, allow_missing=allow_missing, dayfirst=self.dayfirst)

    def no_dates(self, index: pd.Index) -> pd.Series:
        """An all-empty date column of the dtype :meth:`dates` returns."""
        dtype = f"datetime64[us, {self.tz}]" if self.tz else "datetime64[us]"
        return pd.Series(pd.NaT, index=index, dtype=dtype)

    def require(self, raw: pd.DataFrame, names: list[str], tool: str, fix: str) -> None:
        """Refuse a file without the export's key columns, naming the nearest ones."""
        for name in names:
            if name not in raw.columns:
                raise missing_column(
                    self.where, name, raw.columns,
                    f"It does not look like {tool}: {fix}")
