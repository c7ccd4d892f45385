"""Stripe Billing's subscriptions export → the ``subscriptions`` table.

The export is a *snapshot*: one row per subscription as it is today. A
subscription upgraded in March shows its new price from its start date, so MRR
history rebuilt from it is rewritten by every upgrade. Use the invoice line
items export (:mod:`cskit.io.stripe_invoices`) for history.
"""

from __future__ import annotations

import pandas as pd

from cskit.io._common import first_of, interval, parse_number
from cskit.io._context import Context


def read(raw: pd.DataFrame, ctx: Context) -> pd.DataFrame:
    """Stripe Billing's subscriptions export → the ``subscriptions`` table.

    * ``Customer ID`` → customer_id (map another column to ``customer_id``, e.g.
      ``columns={"account_id (metadata)": "customer_id"}``, to use your CRM's ids);
      ``Plan`` → plan; ``Product`` → product; ``Currency`` → currency;
    * amount = ``Amount`` (in currency units, as the export shows it; ``amount_unit=
      "cents"`` for minor units) × ``Quantity``;
    * interval = ``Interval`` (``month``/``year``) × ``Interval Count`` when present;
    * start = ``Start Date (UTC)`` (or ``Start (UTC)``), moved to ``Trial End (UTC)``
      when a trial ended later: a trial is not revenue;
    * end = ``Ended At (UTC)``, else ``Canceled At (UTC)`` for canceled lines;
    * lines that never paid (status ``incomplete``, ``incomplete_expired``, or
      still ``trialing``) are left out; discount = 0 (the export names the
      coupon, not its percentage: join your coupons if you need it).
    """
    customer = "customer_id" if "customer_id" in raw.columns else "Customer ID"
    start_col = first_of(raw, "Start Date (UTC)", "Start (UTC)") or "Start Date (UTC)"
    ctx.require(raw, [customer, "Amount", "Interval", "Status", start_col],
                "a Stripe subscriptions export",
                "export it from Stripe's Subscriptions page with all columns, or read it "
                "with read_subscriptions(..., columns={...}) and no source.")
    status = raw["Status"].astype("str").str.strip().str.lower()
    keep = ~status.isin(["incomplete", "incomplete_expired", "trialing"])
    rows = raw[keep.to_numpy()]
    where = ctx.where
    quantity = (parse_number(rows, "Quantity", where, allow_missing=True).fillna(1.0)
                if "Quantity" in rows.columns else 1.0)
    amount = parse_number(rows, "Amount", where) * quantity
    period = interval(rows["Interval"], where, "Interval")
    if "Interval Count" in rows.columns:
        count = parse_number(rows, "Interval Count", where, allow_missing=True).fillna(1.0)
        months = period.map({"month": 1, "year": 12}).fillna(
            pd.to_numeric(period, errors="coerce")).astype(float) * count
        period = months.map(lambda m: "month" if m == 1 else ("year" if m == 12 else
                                                            str(int(m)))).astype(object)
    start = ctx.dates(rows, start_col)
    if "Trial End (UTC)" in rows.columns:
        trial_end = ctx.dates(rows, "Trial End (UTC)", allow_missing=True)
        start = start.where(~(trial_end > start), trial_end)
    end = (ctx.dates(rows, "Ended At (UTC)", allow_missing=True)
           if "Ended At (UTC)" in rows.columns
           else ctx.no_dates(rows.index))
    if "Canceled At (UTC)" in rows.columns:
        canceled = ctx.dates(rows, "Canceled At (UTC)", allow_missing=True)
        end = end.where(end.notna() | (status[keep] != "canceled"), canceled)
    out = pd.DataFrame({
        "customer_id": rows[customer],
        "start": start,
        "end": end,
        "amount": amount,
        "interval": period,
        "plan": rows["Plan"] if "Plan" in rows.columns else None,
        "product": rows["Product"] if "Product" in rows.columns else None,
        "discount": 0.0,
    })
    if "Currency" in rows.columns:
        out["currency"] = rows["Currency"]
    if "id" in rows.columns:
        out.insert(0, "subscription_id", rows["id"])
    return out.reset_index(drop=True)
