"""A finance sheet (cost lines by month) → the ``costs`` table."""

from __future__ import annotations

import warnings
from collections.abc import Mapping

import pandas as pd

from cskit.errors import (
    CskitWarning,
    InvalidValueError,
    MissingColumnError,
    caller_stacklevel,
    format_values,
)
from cskit.io._common import parse_number
from cskit.io._context import Context


def _month_of(name: object) -> pd.Period | None:
    """A column title read as a month ("2026-01", "Jan 2026", an Excel date), else None."""
    if isinstance(name, (pd.Timestamp, pd.Period)):
        return pd.Period(name, freq="M")
    text = str(name).strip()
    if not any(ch.isdigit() for ch in text) or len(text) > 20:
        return None
    try:
        stamp = pd.to_datetime(text, format="mixed")
    except (ValueError, TypeError, OverflowError):
        return None
    return None if pd.isna(stamp) else pd.Period(stamp, freq="M")


def read(raw: pd.DataFrame, ctx: Context, *, categories: Mapping[str, str | None] | None = None,
         category: str | None = None) -> pd.DataFrame:
    """A finance sheet → ``costs`` (month, category, amount).

    Two layouts: *long*, with ``Month``, a label column and ``Amount``; or
    *wide*, as finance teams keep budgets: one row per cost line, one column
    per month (titled ``2026-01``, ``Jan 2026`` or an Excel date). The label
    column is ``category=`` (default: the first column that is not a month).
    ``categories`` maps the sheet's labels to your cost categories
    (``{"Zendesk licences": "support", "CSM salaries": "cs_salaries",
    "Rent": None}``): lines mapped to the same category are summed, lines
    mapped to ``None`` or not in the mapping are left out (the unmapped ones
    named in a warning). Rows whose label starts with "Total" are left out (a
    total would count its lines twice). Amounts may have thousands separators
    and accounting parentheses for negatives.
    """
    columns = list(raw.columns)
    lowered = {str(c).strip().lower(): c for c in columns}
    months = {c: _month_of(c) for c in columns}
    wide = [c for c, m in months.items() if m is not None]
    if "month" in lowered and "amount" in lowered:
        label = category or next((c for c in columns if c not in (lowered["month"],
                                                                  lowered["amount"])), None)
        if label is None or label not in raw.columns:
            raise MissingColumnError(
                f"The {ctx.where}: no label column; name it with category='...'.")
        long = pd.DataFrame({"label": raw[label], "month": raw[lowered["month"]],
                             "amount": raw[lowered["amount"]]})
    elif wide:
        label = category or next((c for c in columns if months[c] is None), None)
        if label is None or label not in raw.columns:
            raise MissingColumnError(
                f"The {ctx.where}: no label column next to the month columns; name it with "
                f"category='...'.")
        long = raw[[label, *wide]].melt(id_vars=label, var_name="month", value_name="amount")
        long = long.rename(columns={label: "label"})
        long["month"] = long["month"].map(months).astype("period[M]")
    else:
        raise MissingColumnError(
            f"The {ctx.where} does not look like a finance sheet: no 'Month' and 'Amount' "
            f"columns, and no column titled with a month (columns present: "
            f"{format_values(list(map(str, columns)), len(columns))})."
        )
    text = long["label"].astype("str").str.strip().where(long["label"].notna())
    long = long.assign(label=text)[text.notna().to_numpy()]
    total = long["label"].str.lower().str.startswith("total").to_numpy()
    long = long[~total]
    amount_frame = pd.DataFrame({"amount": long["amount"].to_numpy()})
    empty = amount_frame["amount"].isna() | (
        amount_frame["amount"].astype("str").str.strip() == "")
    amount = parse_number(amount_frame.where(~empty, 0), "amount", ctx.where, allow_negative=True)
    long = long.assign(amount=amount.to_numpy())
    if categories is not None:
        mapped = long["label"].map(dict(categories))
        unmapped = sorted(set(long["label"][~long["label"].isin(list(categories))]))
        if unmapped:
            warnings.warn(
                f"The {ctx.where}: left out line(s) not in categories: "
                f"{format_values(unmapped)}. Map them (to None to leave them out quietly).",
                CskitWarning, stacklevel=caller_stacklevel())
        long = long.assign(category=mapped)[mapped.notna().to_numpy()]
    else:
        long = long.assign(category=long["label"])
    if long.empty:
        raise InvalidValueError(f"The {ctx.where}: no cost line left after the category mapping.")
    month = long["month"]
    if not isinstance(month.dtype, pd.PeriodDtype):
        month = ctx.dates(long.reset_index(drop=True), "month", utc=False).dt.to_period("M")
    out = (long.assign(month=month.to_numpy())
           .groupby(["month", "category"], as_index=False, sort=True)["amount"].sum())
    return out
