"""Mixpanel's raw event export → the ``events`` table."""

from __future__ import annotations

import warnings

import pandas as pd

from cskit._validate import check_choice
from cskit.errors import CskitWarning, caller_stacklevel
from cskit.io._common import parse_number
from cskit.io._context import Context


def read(raw: pd.DataFrame, ctx: Context, *, account: str | None = "account_id",
         anonymous: str = "drop") -> pd.DataFrame:
    """Mixpanel's raw event export (JSON lines, or the same as CSV) → ``events``.

    Each record is ``{"event": ..., "properties": {"time": ..., "distinct_id":
    ..., ...}}``; nested properties are read as ``properties.<name>`` (a CSV
    with bare ``time``/``distinct_id`` columns works too). ``event`` → event;
    ``distinct_id`` → user_id; ``time`` (epoch seconds or milliseconds, UTC)
    → timestamp; the property named by ``account`` (default ``account_id``;
    e.g. ``"company_id"``, or ``"$groups.company"`` with Group Analytics) →
    account_id, ``None`` for none; ``$session_id`` → session_id and
    ``$duration`` → duration_s when present. Events without the account
    property (anonymous visits, events sent before the property was set) are
    not customer usage: they are left out and counted in a warning
    (``anonymous="keep"`` keeps them with an empty account_id).
    """
    check_choice("anonymous", anonymous, ("drop", "keep"))
    frame = raw.rename(columns={c: c[len("properties."):] for c in map(str, raw.columns)
                                if c.startswith("properties.")
                                and c[len("properties."):] not in raw.columns})
    needed = ["event", "time", "distinct_id"] + ([account] if account else [])
    ctx.require(frame, needed, "a Mixpanel raw event export",
                "export raw events (Export API / Data Pipelines) with their properties; name "
                "the property holding your account id with account='...' (or account=None).")
    out = pd.DataFrame({
        "user_id": frame["distinct_id"],
        "account_id": frame[account] if account else None,
        "timestamp": ctx.dates(frame, "time"),
        "event": frame["event"],
    })
    if "$session_id" in frame.columns:
        out["session_id"] = frame["$session_id"]
    if "$duration" in frame.columns:
        out["duration_s"] = parse_number(frame, "$duration", ctx.where, allow_missing=True)
    if account:
        text = out["account_id"].astype("str").str.strip()
        empty = (out["account_id"].isna() | (text == "")).to_numpy()
        if empty.any():
            out["account_id"] = out["account_id"].where(~empty)
            what = ("kept with an empty account_id" if anonymous == "keep" else
                    "left out (anonymous=\"keep\" keeps them)")
            warnings.warn(
                f"The {ctx.where}: {int(empty.sum())} event(s) have no {account!r} property "
                f"(anonymous visits, or events sent before the property was set): {what}.",
                CskitWarning, stacklevel=caller_stacklevel())
            if anonymous == "drop":
                out = out[~empty].reset_index(drop=True)
    return out
