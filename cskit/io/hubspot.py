"""HubSpot's companies export → the ``accounts`` table."""

from __future__ import annotations

import warnings
from collections.abc import Mapping

import pandas as pd

from cskit.errors import CskitWarning, InvalidParameterError, caller_stacklevel, format_values
from cskit.io._common import parse_number
from cskit.io._context import Context

#: Contract column → HubSpot property (column title in the export). Record ID,
#: Create Date and Became a Customer Date are HubSpot's own properties; the
#: others are properties a CS team usually adds (rename them with ``properties=``).
PROPERTIES: dict[str, str | None] = {
    "account_id": "Record ID",
    "name": "Company name",
    "signup_at": "Create Date",
    "segment": "Segment",
    "plan": "Plan",
    "seats": "Seats",
    "trial_start": "Trial start date",
    "converted_at": "Became a Customer Date",
    "first_login_at": "First login date",
}
_REQUIRED = ("account_id", "signup_at")


def read(raw: pd.DataFrame, ctx: Context, *,
         properties: Mapping[str, str | None] | None = None) -> pd.DataFrame:
    """HubSpot's companies export (CRM → Companies → Export) → ``accounts``.

    ``properties`` maps contract columns to the export's column titles, over
    :data:`PROPERTIES` (``{"segment": "Company size", "seats": "Licences",
    "first_login_at": None}``; ``None`` = you do not track it). Optional
    properties missing from the file are left out; ``Record ID`` and ``Create
    Date`` are required. HubSpot writes dates in your portal's zone: they are
    kept as written, or read in ``tz`` when you give it (the portal's zone);
    epoch milliseconds (timestamp properties synced by integrations) are UTC
    instants.
    """
    chosen = dict(PROPERTIES)
    unknown = [k for k in (properties or {}) if k not in PROPERTIES]
    if unknown:
        raise InvalidParameterError(
            f"properties: {format_values(unknown)} are not accounts columns; use "
            f"{', '.join(PROPERTIES)}."
        )
    chosen.update(properties or {})
    required = [chosen[k] for k in _REQUIRED if chosen[k]]
    if len(required) < len(_REQUIRED):
        raise InvalidParameterError("properties: account_id and signup_at cannot be None.")
    ctx.require(raw, required, "a HubSpot companies export",
                "export companies with these properties, or name yours with "
                "properties={'account_id': '...', 'signup_at': '...'}.")
    out = pd.DataFrame(index=raw.index)
    dates = {"signup_at", "trial_start", "converted_at", "first_login_at"}
    for column, title in chosen.items():
        if title is None or title not in raw.columns:
            continue
        if column in dates:
            out[column] = ctx.dates(raw, title, utc=False, allow_missing=column != "signup_at")
        else:
            out[column] = raw[title]
    if "seats" in out.columns:  # an empty "Seats" is unknown: 0 would be a wrong number
        seats = parse_number(out, "seats", ctx.where, allow_missing=True)
        if seats.isna().any():
            warnings.warn(
                f"The {ctx.where}: {int(seats.isna().sum())} compan(y/ies) have no "
                f"{chosen['seats']!r}; the column is kept as 'seats_known' (empty = unknown) "
                f"instead of 'seats'. Fill it in HubSpot to use seat-based KPIs.",
                CskitWarning, stacklevel=caller_stacklevel())
            out = out.drop(columns="seats").assign(seats_known=seats)
        else:
            out["seats"] = seats
    return out.reset_index(drop=True)
