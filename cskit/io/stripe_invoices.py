"""Stripe's invoice line items export → the ``subscriptions`` table, history included.

Each invoice line of a subscription says what was billed for which period
(``Period Start (UTC)`` → ``Period End (UTC)``). Lines of consecutive periods
at the same price become one subscription line; a mid-period change (an
upgrade, a downgrade, more seats) shows as two *proration* lines: a credit for
the unused time of the old price and a charge for the rest of the period at
the new one. The old price's line ends where the credit starts; the new price
starts there, at the full price of the next regular invoice line (or, without
one, the prorated charge scaled to the whole period).
"""

from __future__ import annotations

import warnings

import numpy as np
import pandas as pd

from cskit.errors import CskitWarning, EmptyFrameError, caller_stacklevel
from cskit.io._common import as_bool, first_of, parse_number
from cskit.io._context import Context

_ALIASES = {
    "customer": ("customer_id", "Customer ID", "Customer", "customer"),
    "subscription": ("Subscription", "Subscription ID", "subscription_id", "subscription"),
    "amount": ("Amount", "amount"),
    "start": ("Period Start (UTC)", "period_start"),
    "end": ("Period End (UTC)", "period_end"),
    "proration": ("Proration", "proration"),
    "plan": ("Plan", "Price Nickname", "plan", "price_nickname"),
    "product": ("Product", "Product Name", "product"),
    "currency": ("Currency", "currency"),
    "status": ("Invoice Status", "invoice_status"),
    "invoice_date": ("Invoice Date (UTC)", "invoice_created", "Created (UTC)"),
    "price": ("Price ID", "Price", "price_id", "plan_id"),
}
_DAYS_PER_MONTH = 365.25 / 12


def _months(start: pd.Series, end: pd.Series) -> np.ndarray:
    days = (end - start).dt.total_seconds().to_numpy() / 86400
    return np.maximum(np.rint(days / _DAYS_PER_MONTH), 1).astype(int)


def _interval(months: np.ndarray) -> np.ndarray:
    return np.where(months == 1, "month",
                    np.where(months == 12, "year", months.astype(str))).astype(object)


def read(raw: pd.DataFrame, ctx: Context, *, as_of: object = None) -> pd.DataFrame:
    """Stripe's invoice line items export → ``subscriptions`` (one line per price period).

    Columns used (the export's titles; Sigma's snake_case names work too):
    ``Customer ID``, ``Subscription``, ``Amount`` (the line's total, in currency
    units; ``amount_unit="cents"`` for minor units), ``Currency``,
    ``Period Start (UTC)``, ``Period End (UTC)``, ``Proration``, ``Plan``,
    ``Product``, ``Invoice Status`` (``void`` and ``draft`` invoices are left
    out) and ``Invoice Date (UTC)``.

    Lines without a subscription (one-off invoice items) are left out. A
    line still running at ``as_of`` (default: the latest invoice date in the
    file) is open (empty ``end``); a line whose period ended by then and was
    not renewed ends there. Amounts are before discounts and tax.
    """
    col = {k: first_of(raw, *names) for k, names in _ALIASES.items()}
    needed = [col[k] or _ALIASES[k][1 if k == "customer" else 0]
              for k in ("customer", "subscription", "amount", "start", "end")]
    ctx.require(raw, needed, "a Stripe invoice line items export",
                "export Billing → Invoices → Export → 'Invoice line items', with the period "
                "columns.")
    rows = raw
    if col["status"]:
        status = rows[col["status"]].astype("str").str.strip().str.lower()
        rows = rows[~status.isin(["void", "draft"]).to_numpy()]
    sub = rows[col["subscription"]].astype("str").str.strip().where(
        rows[col["subscription"]].notna())
    rows = rows[(sub.fillna("") != "").to_numpy()].reset_index(drop=True)
    if rows.empty:
        raise EmptyFrameError(f"The {ctx.where} has no subscription line.")
    where = ctx.where
    lines = pd.DataFrame({
        "subscription_id": rows[col["subscription"]].astype("str").str.strip(),
        "customer_id": rows[col["customer"]],
        "start": ctx.dates(rows, col["start"]),
        "end": ctx.dates(rows, col["end"]),
        "amount": parse_number(rows, col["amount"], where, allow_negative=True),
        "plan": rows[col["plan"]] if col["plan"] else None,
        "product": rows[col["product"]] if col["product"] else None,
        "proration": (as_bool(rows[col["proration"]].fillna("false"), col["proration"], where)
                      if col["proration"] else False),
    })
    if col["currency"]:
        lines["currency"] = rows[col["currency"]]
    lines["price_key"] = (rows[col["price"]] if col["price"] else lines["plan"]).astype("str")

    regular = lines[~lines["proration"]].copy()
    regular["months"] = _months(regular["start"], regular["end"])
    credits = lines[lines["proration"] & (lines["amount"] < 0)]
    charges = lines[lines["proration"] & (lines["amount"] > 0)].copy()

    # A prorated charge: the new price from its period start. Its whole-period price is the
    # next regular line's (same subscription and price, starting where the charge ends) or,
    # without one, the charge scaled up from the time left to the covering period.
    if len(charges):
        charges["row"] = np.arange(len(charges))
        cover = charges.merge(
            regular[["subscription_id", "start", "end", "months"]].rename(
                columns={"start": "c_start", "end": "c_end"}), on="subscription_id")
        cover = cover[(cover["c_start"] <= cover["start"]) & (cover["start"] < cover["c_end"])]
        cover = cover.drop_duplicates("row").set_index("row")
        full = (cover["c_end"] - cover["c_start"]).dt.total_seconds()
        left = (cover["c_end"] - cover["start"]).dt.total_seconds()
        scaled = (cover["amount"] * full / left).round(2).reindex(charges["row"]).to_numpy()
        months = cover["months"].reindex(charges["row"]).to_numpy()
        fallback = _months(charges["start"], charges["end"])
        charges["months"] = np.where(np.isnan(months.astype(float)), fallback, months).astype(int)
        charges["amount"] = np.where(np.isnan(scaled), charges["amount"], scaled)
        nxt = charges[["row", "subscription_id", "price_key", "end"]].merge(
            regular[["subscription_id", "price_key", "start", "amount", "months"]].rename(
                columns={"start": "end", "amount": "next_amount", "months": "next_months"}),
            on=["subscription_id", "price_key", "end"]).drop_duplicates("row").set_index("row")
        known = nxt["next_amount"].reindex(charges["row"]).to_numpy()
        charges["amount"] = np.where(np.isnan(known), charges["amount"], known)
        nm = nxt["next_months"].reindex(charges["row"]).to_numpy().astype(float)
        charges["months"] = np.where(np.isnan(nm), charges["months"], nm).astype(int)
        charges = charges.drop(columns="row")

    segments = pd.concat([regular, charges], ignore_index=True)
    segments["derived"] = np.r_[np.zeros(len(regular), bool), np.ones(len(charges), bool)]
    # A credit for unused time ends the segment of that price that it falls inside.
    if len(credits):
        segments["seg"] = np.arange(len(segments))
        hit = segments[["seg", "subscription_id", "price_key", "start", "end"]].merge(
            credits[["subscription_id", "price_key", "start"]].rename(columns={"start": "t"}),
            on=["subscription_id", "price_key"])
        hit = hit[(hit["start"] < hit["t"]) & (hit["t"] < hit["end"])]
        cut = hit.groupby("seg")["t"].min()
        segments.loc[cut.index, "end"] = cut.to_numpy()
        segments = segments.drop(columns="seg")
    segments = segments[segments["end"] > segments["start"]]

    # Consecutive periods at the same price are one line.
    segments = segments.sort_values(["subscription_id", "start", "end"], kind="stable")
    segments["amount"] = segments["amount"].round(2)
    same = ["subscription_id", "price_key", "amount", "months"]
    prev = segments.shift(1)
    new_line = (segments[same] != prev[same]).any(axis=1) | (segments["start"] != prev["end"])
    segments["line"] = new_line.cumsum().to_numpy()
    first = {c: "first" for c in segments.columns if c not in ("line", "start", "end")}
    merged = segments.groupby("line", sort=True).agg({**first, "start": "min", "end": "max"})

    if as_of is None:
        stamp = (ctx.dates(rows, col["invoice_date"]).max() if col["invoice_date"]
                 else lines["start"].max())
    else:
        stamp = pd.Timestamp(as_of)
        if ctx.tz and stamp.tzinfo is None:
            stamp = stamp.tz_localize(ctx.tz)
    merged["end"] = merged["end"].where(merged["end"] <= stamp)
    left_out = len(raw) - len(rows)
    if left_out:
        warnings.warn(
            f"The {where}: left out {left_out} line(s) without a subscription or on void/draft "
            f"invoices (one-off charges are not recurring revenue).", CskitWarning, stacklevel=caller_stacklevel())
    out = pd.DataFrame({
        "subscription_id": merged["subscription_id"].to_numpy(),
        "customer_id": merged["customer_id"].to_numpy(),
        "start": merged["start"].reset_index(drop=True),
        "end": merged["end"].reset_index(drop=True),
        "amount": merged["amount"].to_numpy(),
        "interval": _interval(merged["months"].to_numpy().astype(int)),
        "plan": merged["plan"].to_numpy(),
        "product": merged["product"].to_numpy(),
        "discount": 0.0,
    })
    if "currency" in merged.columns:
        out["currency"] = merged["currency"].to_numpy()
    return out
