"""Upsell and cross-sell rates, and what upsold accounts do next.

The KPI-setting article counts revenue growth per customer through upgrades
(upsell) and through additional products (cross-sell), and warns that accounts
won over by a time-limited campaign often cancel later: track them after the
upsell. From an ``mrr`` frame with ``plan`` and ``product`` columns:

* an account **upsells** in month *m* when, on a product line it already paid
  for in *m − 1*, it moves to a higher plan (``upgrade="plan"``, default) or
  simply pays more (``upgrade="expansion"``: seats, price, plan);
* an account **cross-sells** in month *m* when it pays for a product line it
  did not pay for in *m − 1* while it was already a paying account then;
* the rate divides the accounts with at least one such event in the period by
  the **active** accounts (paying in some month of the period, default) or by
  the accounts paying at the **start** of the period;
* :func:`post_upsell_churn` compares the churn of upsold accounts in the
  ``horizon`` months after the upsell with that of the other existing accounts.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import pandas as pd

from cskit._validate import as_month, as_number, check_choice, check_period
from cskit.errors import InvalidParameterError, InvalidValueError, MissingColumnError
from cskit.metrics._panel import Panel, customer_months, previous_is_consecutive
from cskit.metrics._retention_common import (
    bins,
    lookup,
    paying_runs,
    period_of_months,
    row_keys,
    segments,
)
from cskit.registry import cs_method

TABLE = "mrr"


def _lines(
    frame: pd.DataFrame, p: Panel, customer: str, month: str, mrr: str, plan: str | None,
    product: str | None,
) -> dict[str, np.ndarray]:
    """One row per customer, product line and month with MRR > 0, sorted by
    (customer, product, month); ``plan`` is the plan of the line's largest row."""
    codes, _ = pd.factorize(frame[customer], sort=False)  # the panel's own codes
    months = np.asarray(as_month(frame, month, TABLE).array.asi8, dtype=np.int64)
    values = as_number(frame, mrr, TABLE).to_numpy()
    if product is not None:
        prod, _ = pd.factorize(frame[product], sort=True, use_na_sentinel=False)
    else:
        prod = np.zeros(len(frame), dtype=np.int64)
    plans = None
    if plan is not None:
        plan_codes, plans = pd.factorize(frame[plan], sort=True, use_na_sentinel=False)
    else:
        plan_codes = np.zeros(len(frame), dtype=np.int64)
    n_prod = int(prod.max()) + 1 if len(prod) else 1
    span = p.last - p.first + 1
    positive = values > 0
    key = (codes.astype(np.int64) * n_prod + prod) * span + (months - p.first)
    key, values, plan_codes = key[positive], values[positive], plan_codes[positive]
    order = np.lexsort((-values, key))
    key_sorted = key[order]
    starts = np.flatnonzero(np.r_[True, key_sorted[1:] != key_sorted[:-1]]) if len(key) else \
        np.array([], dtype=np.int64)
    total = np.add.reduceat(values[order], starts) if len(starts) else np.array([], dtype=float)
    ukey = key_sorted[starts]
    line = ukey // span
    return {
        "customer": line // n_prod,
        "line": line,
        "month": ukey % span + p.first,
        "mrr": total,
        "plan": plan_codes[order][starts],
        "plans": np.asarray(plans, dtype=object) if plans is not None else None,
    }


def _plan_rank(lines: dict, plan_order: Sequence[object] | None, plan: str) -> np.ndarray | None:
    if plan_order is None:
        return None
    order = list(plan_order)
    known = {value: i for i, value in enumerate(order)}
    plans = lines["plans"]
    unknown = [v for v in plans if v not in known]
    if unknown:
        shown = ", ".join(repr(v) for v in unknown[:5])
        raise InvalidValueError(
            f"Column {plan!r} of the {TABLE} frame has plans missing from plan_order: {shown}"
            f"{' (and more)' if len(unknown) > 5 else ''}. List every plan from lowest to "
            f"highest, e.g. plan_order={sorted(map(str, plans))!r} in the right order."
        )
    return np.array([known[v] for v in plans], dtype=np.int64)  # one entry per plan, not row


def _events(
    frame: pd.DataFrame, p: Panel, kind: str, *, customer: str, month: str, mrr: str,
    plan: str | None, product: str | None, upgrade: str, plan_order: Sequence[object] | None,
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Account-months with an upsell (or a cross-sell): customer codes, month ordinals,
    and the MRR it brought (increase for an upsell, the new line's MRR for a cross-sell)."""
    use_plan = plan if (plan is not None and plan in frame.columns) else None
    use_product = product if (product is not None and product in frame.columns) else None
    if kind == "upsell" and upgrade == "plan" and use_plan is None:
        raise MissingColumnError(
            f"Column {plan!r} is missing from the {TABLE} frame; an upsell is a move to a "
            f"higher plan. Pass plan_col='<your column>', or upgrade='expansion' to count any "
            f"increase of an existing product line."
        )
    if kind == "cross_sell" and use_product is None:
        raise MissingColumnError(
            f"Column {product!r} is missing from the {TABLE} frame; a cross-sell is a new "
            f"product line. Pass product_col='<your column>'."
        )
    lines = _lines(frame, p, customer, month, mrr, use_plan, use_product)
    n = len(lines["mrr"])
    same_line = np.r_[False, lines["line"][1:] == lines["line"][:-1]][:n]
    follows = same_line & (np.r_[0, lines["month"][:-1]][:n] + 1 == lines["month"])
    prev_mrr = np.r_[0.0, lines["mrr"][:-1]][:n]
    if kind == "upsell":
        if upgrade == "expansion":
            hit = follows & (lines["mrr"] > prev_mrr)
        else:
            prev_plan = np.r_[0, lines["plan"][:-1]][:n]
            changed = follows & (lines["plan"] != prev_plan)
            rank = _plan_rank(lines, plan_order, use_plan)
            if rank is None:
                hit = changed & (lines["mrr"] > prev_mrr)
            else:
                hit = changed & (rank[lines["plan"]] > rank[prev_plan])
        gain = lines["mrr"] - prev_mrr
    else:
        # A line that starts (or restarts) while the account was already paying.
        span = p.last - p.first + 1
        starts = ~follows & (lines["month"] > p.first)
        wanted = lines["customer"].astype(np.int64) * span + (lines["month"] - 1 - p.first)
        _, paying_before = lookup(row_keys(p), wanted)
        hit = starts & paying_before
        gain = lines["mrr"]
    span = p.last - p.first + 1
    keys = lines["customer"][hit].astype(np.int64) * span + (lines["month"][hit] - p.first)
    uniq, inverse = np.unique(keys, return_inverse=True)
    amount = np.bincount(inverse, weights=gain[hit], minlength=len(uniq)).astype(np.float64)
    return uniq // span, uniq % span + p.first, amount


def _periods(p: Panel, freq: str, need_after: int = 0) -> tuple[np.ndarray, pd.PeriodIndex]:
    """For each month index: its whole period's position (-1 outside), and the periods.

    Periods are kept when all their months are in the data, they start after the
    data's first month (events need the month before) and end ``need_after``
    months before the data's last month.
    """
    span = p.last - p.first + 1
    per = period_of_months(p.first, p.last, freq)
    periods = pd.PeriodIndex.from_ordinals(per, freq=freq)
    opens = np.asarray(periods.asfreq("M", how="start").asi8) - p.first
    closes = np.asarray(periods.asfreq("M", how="end").asi8) - p.first
    whole = (opens >= 1) & (closes <= span - 1 - need_after)
    labels = np.full(span, -1, dtype=np.int64)
    if not whole.any():
        raise InvalidParameterError(
            f"No whole {freq!r} period in the data after its first month"
            + (f" with {need_after} months after it" if need_after else "")
            + "; use a shorter period or more history."
        )
    kept, pos = np.unique(per[whole], return_inverse=True)
    labels[whole] = pos
    return labels, pd.PeriodIndex.from_ordinals(kept, freq=freq)


def _account_rate(
    p: Panel, ev_customer: np.ndarray, ev_month: np.ndarray, ev_amount: np.ndarray,
    freq: str | None, denominator: str, by: str | None, name: str, rate: str,
) -> pd.DataFrame | float:
    check_choice("denominator", denominator, ("active", "start"))
    month_freq = freq or "M"
    labels, periods = _periods(p, month_freq)
    n_per = len(periods)
    span = p.last - p.first + 1
    seg, n_seg = segments(p)
    rel = p.month - p.first
    lab = labels[rel]
    if denominator == "active":
        # distinct (account, period): the panel is sorted by customer then month
        ok = lab >= 0
        pair = p.customer[ok].astype(np.int64) * n_per + lab[ok]
        first_of_pair = np.r_[True, pair[1:] != pair[:-1]] if len(pair) else np.array([], bool)
        base_pair = pair[first_of_pair]
        base_seg = seg[ok][first_of_pair]
        base_per = base_pair % n_per
    else:
        # accounts paying in the month before the period opens
        opens_next = np.r_[labels[1:] != labels[:-1], False] & (np.r_[labels[1:], -1] >= 0)
        ok = opens_next[rel]
        base_per = labels[np.minimum(rel[ok] + 1, span - 1)]
        base_pair = p.customer[ok].astype(np.int64) * n_per + base_per
        base_seg = seg[ok]
        order = np.argsort(base_pair, kind="stable")
        base_pair, base_seg, base_per = base_pair[order], base_seg[order], base_per[order]
    ev_lab = labels[ev_month - p.first]
    inside = ev_lab >= 0
    ev_pair = ev_customer[inside].astype(np.int64) * n_per + ev_lab[inside]
    ev_amt = ev_amount[inside]
    pos, found = lookup(base_pair, ev_pair)
    # an account counts once per period; its MRR gained is summed
    counted_pairs = np.unique(pos[found])
    size = n_per * n_seg
    base_cell = base_per * n_seg + base_seg
    values = {
        "accounts": bins(base_cell, size),
        name: bins(base_cell[counted_pairs], size),
        f"{rate}_mrr": bins(base_cell[pos[found]], size, ev_amt[found]),
    }
    table = pd.DataFrame(values)
    for col in ("accounts", name):
        table[col] = table[col].astype(np.int64)
    table["numerator"] = table[name]
    table["denominator"] = table["accounts"]
    table[f"{rate}_rate"] = (table[name] / table["accounts"]).where(table["accounts"] > 0)
    if by is None:
        table.index = pd.PeriodIndex(periods, name="period")
        if freq is None:
            return float(table[f"{rate}_rate"].iloc[-1])
        return table
    table.index = pd.MultiIndex.from_arrays(
        [np.repeat(periods, n_seg), np.tile(np.asarray(p.segments, dtype=object), n_per)],
        names=["period", by],
    )
    if freq is None:
        return table.xs(periods[-1], level="period")
    return table


_COMMON = """
    frame : pandas.DataFrame
        An ``mrr`` frame with ``plan`` and ``product`` columns (one row per
        customer, month, plan and product, as :func:`cskit.metrics.to_mrr` makes).
    period : {"M", "Q", "Y", None}, default "M"
        Whole periods after the data's first month. ``None``: the latest month
        as one number.
    by : str, optional
        Segment column; an account belongs to its segment of that period's
        first paying month (or of the start month).
    denominator : {"active", "start"}, default "active"
        ``"active"``: accounts paying in at least one month of the period.
        ``"start"``: accounts paying in the month before it (and only their
        events count).
    customer_col, month_col, mrr_col, plan_col, product_col : str
        Column names.
"""

def _fill_doc(func):
    """Put the shared parameter text into ``func``'s docstring (before registration,
    so ``df.cs.<name>`` shows the same docstring)."""
    func.__doc__ = func.__doc__.replace("{common}", _COMMON)
    return func



@cs_method(kpi="Upsell rate", table=TABLE, requires=("customer_id", "month", "mrr", "plan"))
@_fill_doc
def upsell_rate(
    frame: pd.DataFrame,
    *,
    period: str | None = "M",
    by: str | None = None,
    upgrade: str = "plan",
    plan_order: Sequence[object] | None = None,
    denominator: str = "active",
    customer_col: str = "customer_id",
    month_col: str = "month",
    mrr_col: str = "mrr",
    plan_col: str = "plan",
    product_col: str = "product",
) -> pd.DataFrame | float:
    """Share of accounts that upgraded (upsell) in the period.

    Parameters
    ----------{common}
    upgrade : {"plan", "expansion"}, default "plan"
        ``"plan"``: the account moved a product line it already had to a higher
        plan. ``"expansion"``: any increase of such a line (more seats, a price
        rise, a plan change) counts.
    plan_order : sequence, optional
        Plans from lowest to highest (e.g. ``["starter", "growth", "scale"]``).
        Without it a plan change that raises the line's MRR is an upgrade.

    Returns
    -------
    pandas.DataFrame or float
        Indexed by ``period`` (and ``by``): ``accounts`` (the denominator),
        ``upsold`` (accounts with at least one upsell), ``upsell_mrr`` (the MRR
        increase of the upgraded lines), ``numerator`` (= ``upsold``), ``denominator``
        (= ``accounts``) and ``upsell_rate``. A float with
        ``period=None``.

    Examples
    --------
    >>> import pandas as pd, cskit
    >>> df = pd.DataFrame({
    ...     "customer_id": ["a", "b", "c", "a", "b", "c", "d"],
    ...     "month": ["2026-01"] * 3 + ["2026-02"] * 4,
    ...     "mrr": [10.0, 10.0, 10.0, 30.0, 12.0, 10.0, 10.0],
    ...     "plan": ["starter"] * 3 + ["growth", "starter", "starter", "starter"],
    ...     "product": "core"})
    >>> df.cs.upsell_rate(period=None)  # a upgraded; 4 active accounts in February
    0.25
    >>> df.cs.upsell_rate(period=None, upgrade="expansion")  # a and b pay more
    0.5
    """
    check_choice("upgrade", upgrade, ("plan", "expansion"))
    freq = check_period(period)
    p = customer_months(frame, customer=customer_col, month=month_col, mrr=mrr_col, by=by,
                        lines=(plan_col, product_col))
    ev = _events(frame, p, "upsell", customer=customer_col, month=month_col, mrr=mrr_col,
                 plan=plan_col, product=product_col, upgrade=upgrade, plan_order=plan_order)
    return _account_rate(p, *ev, freq, denominator, by, "upsold", "upsell")


@cs_method(kpi="Cross-sell rate", table=TABLE, requires=("customer_id", "month", "mrr", "product"))
@_fill_doc
def cross_sell_rate(
    frame: pd.DataFrame,
    *,
    period: str | None = "M",
    by: str | None = None,
    denominator: str = "active",
    customer_col: str = "customer_id",
    month_col: str = "month",
    mrr_col: str = "mrr",
    plan_col: str = "plan",
    product_col: str = "product",
) -> pd.DataFrame | float:
    """Share of accounts that added a product line (cross-sell) in the period.

    A new customer's first products are not a cross-sell: the account must
    have been paying in the month before it added the line.

    Parameters
    ----------{common}

    Returns
    -------
    pandas.DataFrame or float
        Indexed by ``period`` (and ``by``): ``accounts``, ``cross_sold``,
        ``cross_sell_mrr`` (MRR of the added lines), ``numerator`` (= ``cross_sold``),
        ``denominator`` (= ``accounts``) and ``cross_sell_rate``.
        A float with ``period=None``.

    Examples
    --------
    >>> import pandas as pd, cskit
    >>> df = pd.DataFrame({
    ...     "customer_id": ["a", "b", "a", "a", "b", "c", "c"],
    ...     "month": ["2026-01"] * 2 + ["2026-02"] * 5,
    ...     "mrr": [50.0, 50.0, 50.0, 10.0, 50.0, 50.0, 10.0],
    ...     "product": ["core", "core", "core", "insights", "core", "core", "insights"]})
    >>> df.cs.cross_sell_rate(period=None)  # a added insights; c is new, not a cross-sell
    0.3333333333333333
    """
    freq = check_period(period)
    p = customer_months(frame, customer=customer_col, month=month_col, mrr=mrr_col, by=by,
                        lines=(plan_col, product_col))
    ev = _events(frame, p, "cross_sell", customer=customer_col, month=month_col, mrr=mrr_col,
                 plan=plan_col, product=product_col, upgrade="plan", plan_order=None)
    return _account_rate(p, *ev, freq, denominator, by, "cross_sold", "cross_sell")


@cs_method(kpi="Churn after upsell", table=TABLE, requires=("customer_id", "month", "mrr", "plan"))
def post_upsell_churn(
    frame: pd.DataFrame,
    *,
    horizon: int = 3,
    after: str = "upsell",
    period: str | None = "M",
    by: str | None = None,
    upgrade: str = "plan",
    plan_order: Sequence[object] | None = None,
    customer_col: str = "customer_id",
    month_col: str = "month",
    mrr_col: str = "mrr",
    plan_col: str = "plan",
    product_col: str = "product",
) -> pd.DataFrame | float:
    """Churn of upsold accounts in the months after the upsell, next to everyone else's.

    For each account that upsold in month *m*: did it stop paying (churn) in
    one of the months *m + 1 … m + horizon*? The same is measured for the
    other accounts that were paying in *m − 1* and *m* without an upsell, so a
    campaign whose upgrades do not last shows as a ``churn_ratio`` above 1.

    Parameters
    ----------
    frame : pandas.DataFrame
        An ``mrr`` frame with ``plan`` (and ``product``) columns.
    horizon : int, default 3
        Months after the upsell month to watch. Only months followed by
        ``horizon`` months of data are used.
    after : {"upsell", "cross_sell"}, default "upsell"
        Which event to follow.
    period : {"M", "Q", "Y", None}, default "M"
        Groups the event months (each account-month is one case). ``None``
        pools every usable month into one number.
    by : str, optional
        Segment column.
    upgrade, plan_order
        As in :func:`upsell_rate`.
    customer_col, month_col, mrr_col, plan_col, product_col : str
        Column names.

    Returns
    -------
    pandas.DataFrame or float
        Indexed by ``period`` (and ``by``): ``upsold``, ``upsold_churned``,
        ``numerator`` (= ``upsold_churned``), ``denominator`` (= ``upsold``),
        ``post_upsell_churn`` (their ratio: the upsold accounts' churn), ``others``, ``others_churned``,
        ``others_churn_rate`` and ``churn_ratio`` (upsold ÷ others). A float
        (the upsold accounts' churn rate) with ``period=None`` when not grouped.

    Examples
    --------
    >>> import pandas as pd, cskit
    >>> rows = [("a", "2026-01", 10, "starter"), ("a", "2026-02", 30, "growth"),
    ...         ("b", "2026-01", 10, "starter"), ("b", "2026-02", 10, "starter"),
    ...         ("b", "2026-03", 10, "starter"), ("c", "2026-01", 10, "starter"),
    ...         ("c", "2026-02", 10, "starter"), ("c", "2026-03", 10, "starter")]
    >>> df = pd.DataFrame(rows, columns=["customer_id", "month", "mrr", "plan"])
    >>> df.cs.post_upsell_churn(horizon=1, period=None)  # a upgraded, then left
    1.0
    """
    check_choice("after", after, ("upsell", "cross_sell"))
    check_choice("upgrade", upgrade, ("plan", "expansion"))
    if isinstance(horizon, bool) or not isinstance(horizon, (int, np.integer)) or horizon < 1:
        raise InvalidParameterError(
            f"horizon={horizon!r} must be a whole number of months >= 1 (e.g. 3)."
        )
    freq = check_period(period)
    p = customer_months(frame, customer=customer_col, month=month_col, mrr=mrr_col, by=by,
                        lines=(plan_col, product_col))
    ev_customer, ev_month, _ = _events(
        frame, p, after, customer=customer_col, month=month_col, mrr=mrr_col, plan=plan_col,
        product=product_col, upgrade=upgrade, plan_order=plan_order,
    )
    span = p.last - p.first + 1
    if horizon > span - 2:
        raise InvalidParameterError(
            f"horizon={horizon} needs at least {horizon + 2} months of data; the frame covers "
            f"{span}."
        )
    labels, periods = _periods(p, freq or "M", need_after=horizon)
    n_per = len(periods)
    rel = p.month - p.first
    existing = previous_is_consecutive(p) & (labels[rel] >= 0)
    keys = row_keys(p)
    pos, found = lookup(keys, ev_customer.astype(np.int64) * span + (ev_month - p.first))
    event_row = np.zeros(len(p.mrr), dtype=bool)
    event_row[pos[found]] = True
    _, run_end = paying_runs(p)
    churned = run_end < p.month + horizon
    seg, n_seg = segments(p)
    group = np.zeros(len(rel), dtype=np.int64) if freq is None else labels[rel]
    n_groups = 1 if freq is None else n_per
    cell = group * n_seg + seg
    size = n_groups * n_seg
    up = existing & event_row
    other = existing & ~event_row
    table = pd.DataFrame({
        "upsold": bins(cell[up], size),
        "upsold_churned": bins(cell[up & churned], size),
        "others": bins(cell[other], size),
        "others_churned": bins(cell[other & churned], size),
    }).astype(np.int64)
    table.insert(2, "numerator", table["upsold_churned"])
    table.insert(3, "denominator", table["upsold"])
    table.insert(4, "post_upsell_churn",
                 (table["upsold_churned"] / table["upsold"]).where(table["upsold"] > 0))
    table["others_churn_rate"] = (table["others_churned"] / table["others"]).where(
        table["others"] > 0)
    table["churn_ratio"] = (table["post_upsell_churn"] / table["others_churn_rate"]).where(
        table["others_churn_rate"] > 0)
    if freq is None:
        if by is None:
            return float(table["post_upsell_churn"].iloc[0])
        table.index = pd.Index(p.segments, name=by)
        return table
    if by is None:
        table.index = pd.PeriodIndex(periods, name="period")
    else:
        table.index = pd.MultiIndex.from_arrays(
            [np.repeat(periods, n_seg), np.tile(np.asarray(p.segments, dtype=object), n_per)],
            names=["period", by],
        )
    return table


