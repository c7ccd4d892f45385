"""Currencies and units of money columns: never sum across currencies."""

from __future__ import annotations

import warnings
from collections.abc import Mapping, Sequence

import numpy as np
import pandas as pd

from cskit.errors import (
    CskitWarning,
    InvalidParameterError,
    InvalidValueError,
    caller_stacklevel,
    format_values,
)

#: Keywords the money tables (subscriptions, mrr) accept.
MONEY_KEYWORDS = ("fx", "currency", "amount_unit")


def apply_money(
    frame: pd.DataFrame,
    amounts: Sequence[str],
    where: str,
    *,
    fx: Mapping[str, float] | None = None,
    currency: str | None = None,
    amount_unit: str | None = None,
    check_units: bool = True,
) -> pd.DataFrame:
    """One currency per table, amounts in currency units.

    ``frame`` holds numeric ``amounts`` columns and, optionally, a ``currency``
    column. Several currencies are refused unless ``fx`` (rates into the
    reporting currency) or ``currency`` (keep only that one) says what to do.
    The result's ``currency`` column holds the one currency left, also in
    ``frame.attrs["currency"]``. With ``check_units``, amounts that look like minor
    units (all whole, median of 1,000 or more) get a warning unless ``amount_unit``
    says which they are.
    """
    if amount_unit not in (None, "units", "cents"):
        raise InvalidParameterError(
            f"amount_unit={amount_unit!r}: use 'units' (49.00) or 'cents' (4900, Stripe's "
            f"minor units)."
        )
    out = frame.copy()
    if "currency" in out.columns:
        codes = out["currency"].astype("str").str.strip().str.lower().where(out["currency"].notna())
    else:
        codes = pd.Series(np.nan, index=out.index, dtype=object)
    found = sorted(codes.dropna().unique().tolist())
    target = None if currency is None else str(currency).strip().lower()
    if fx is not None:
        rates = {str(k).strip().lower(): float(v) for k, v in fx.items()}
        bad = {k: v for k, v in rates.items() if not np.isfinite(v) or v <= 0}
        if bad:
            raise InvalidParameterError(f"fx: rates must be positive numbers; got {bad}.")
        if target is not None:
            rates.setdefault(target, 1.0)
        unrated = [c for c in found if c not in rates]
        if len(unrated) > 1 or (unrated and target is not None and unrated != [target]):
            raise InvalidParameterError(
                f"fx has no rate for {format_values(unrated)} (the {where} holds "
                f"{format_values(found)}). Give a rate into your reporting currency for each, "
                f"e.g. fx={{{', '.join(f'{c!r}: ...' for c in unrated)}}}."
            )
        if target is None:
            ones = [c for c, r in rates.items() if r == 1.0 and c in found]
            target = unrated[0] if unrated else (ones[0] if len(ones) == 1 else None)
            if target is None:
                raise InvalidParameterError(
                    "fx converts into a reporting currency: name it with currency='usd' (or "
                    "the code you report in)."
                )
        rates[target] = 1.0
        factor = codes.map(rates).fillna(1.0).astype("float64")
        for column in amounts:
            if column in out.columns:
                out[column] = out[column] * factor
        codes = codes.where(codes.isna(), target)
    elif len(found) > 1:
        if target is None:
            raise InvalidValueError(
                f"The {where} holds amounts in several currencies: {format_values(found)}. "
                f"Money is never summed across currencies: pass fx={{{found[1]!r}: 1.09, ...}} "
                f"(rates into one reporting currency, named with currency=...) or "
                f"currency={found[0]!r} to keep only the lines in that currency."
            )
        keep = codes == target
        if not keep.any():
            raise InvalidParameterError(
                f"currency={currency!r}: the {where} has no line in it; it holds "
                f"{format_values(found)}."
            )
        dropped = int((~keep).sum())
        warnings.warn(
            f"The {where}: left out {dropped} line(s) not in {target!r} "
            f"({format_values([c for c in found if c != target])}); pass fx={{...}} to convert "
            f"them instead.", CskitWarning, stacklevel=caller_stacklevel())
        out, codes = out[keep.to_numpy()].reset_index(drop=True), codes[keep].reset_index(drop=True)
    elif target is not None and found and found != [target]:
        raise InvalidParameterError(
            f"currency={currency!r}: the {where} holds only {format_values(found)}; pass fx= "
            f"to convert into {target!r}, or leave currency out."
        )
    if amount_unit == "cents":
        for column in amounts:
            if column in out.columns:
                out[column] = out[column] / 100.0
    elif amount_unit is None and check_units:
        values = pd.concat([out[c] for c in amounts if c in out.columns]).dropna()
        values = values[values != 0]
        if len(values) and (values == values.round()).all() and values.abs().median() >= 1000:
            warnings.warn(
                f"The {where}: every amount is a whole number and their median is "
                f"{values.abs().median():,.0f}: are they in cents (minor units)? Pass "
                f"amount_unit='cents' to divide by 100, or amount_unit='units' if they are right.",
                CskitWarning, stacklevel=caller_stacklevel())
    final = codes.dropna().unique().tolist()
    name = final[0] if len(final) == 1 else (target if target else None)
    if name is not None:
        out["currency"] = name
        out.attrs["currency"] = name
    return out
