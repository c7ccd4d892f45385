"""Zendesk Support's ticket export → the ``tickets`` table."""

from __future__ import annotations

import warnings

import pandas as pd

from cskit.errors import CskitWarning, caller_stacklevel
from cskit.io._common import first_of, parse_number
from cskit.io._context import Context


def read(raw: pd.DataFrame, ctx: Context) -> pd.DataFrame:
    """Zendesk Support's ticket export (Explore, or the classic CSV export).

    ``Id`` → ticket_id; ``Organization`` → account_id (B2B: the customer is the
    organisation; ``columns={"Requester id": "account_id"}`` uses the requester
    instead); ``Created at`` → created_at; first_response_at = created_at +
    ``First reply time in minutes`` (calendar minutes); ``Solved at`` →
    resolved_at; ``Replies`` → agent_replies; reopened = ``Reopens`` > 0;
    ``Via`` → channel; ``Ticket type`` → category. Times with an offset are
    instants (UTC, or in ``tz``); times without one are in the Zendesk account's
    zone: kept as written, or read in ``tz`` when you give it. A ticket without an organisation is kept with an empty
    account_id, and counted in a warning.
    """
    ident = first_of(raw, "Id", "ID", "Ticket ID") or "Id"
    account = "account_id" if "account_id" in raw.columns else "Organization"
    ctx.require(raw, [ident, account, "Created at"], "a Zendesk ticket export",
                "include these columns in the export, or map your own with columns={...}.")
    where = ctx.where
    # Zendesk writes times in the account's zone, with or without the offset.
    created = ctx.dates(raw, "Created at", utc=False)
    out = pd.DataFrame({"ticket_id": raw[ident], "account_id": raw[account],
                        "created_at": created})
    if "First reply time in minutes" in raw.columns:
        minutes = parse_number(raw, "First reply time in minutes", where, allow_missing=True)
        out["first_response_at"] = created + pd.to_timedelta(minutes, unit="min")
    if "Solved at" in raw.columns:
        out["resolved_at"] = ctx.dates(raw, "Solved at", utc=False, allow_missing=True)
    if "Replies" in raw.columns:
        out["agent_replies"] = parse_number(raw, "Replies", where, allow_missing=True).fillna(0)
    if "Reopens" in raw.columns:
        out["reopened"] = parse_number(raw, "Reopens", where, allow_missing=True).fillna(0) > 0
    if "Via" in raw.columns:
        out["channel"] = raw["Via"].astype("str").str.strip().str.lower().where(raw["Via"].notna())
    if "Ticket type" in raw.columns:
        out["category"] = raw["Ticket type"]
    text = out["account_id"].astype("str").str.strip()
    no_org = out["account_id"].isna() | (text == "")
    if no_org.any():
        out["account_id"] = out["account_id"].where(~no_org)
        warnings.warn(
            f"The {where}: {int(no_org.sum())} ticket(s) have no {account!r} (e.g. ticket "
            f"{', '.join(map(repr, out.loc[no_org, 'ticket_id'].astype(str).head(5)))}): kept with an "
            f"empty account_id (they count in ticket volume, not in per-account KPIs). Fill the "
            f"organisation in Zendesk, or map 'Requester id' to account_id.",
            CskitWarning, stacklevel=caller_stacklevel())
    return out
