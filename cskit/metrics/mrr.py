"""Monthly recurring revenue: from subscription lines to MRR and its movements.

Conventions (see ``notebooks/01_mrr.ipynb`` and the KPI catalogue):

* A subscription line counts in month *m* when it is active at the close of
  *m*: ``start < first day of m+1 <= end`` (``end`` is exclusive; empty means
  still active). A line cancelled on 10 March therefore last counts in February.
* Prices are normalised to a month: 600 per ``year`` is 50 per month; an
  ``interval`` of ``3`` (months) divides by three. One-off and metered charges
  carry no recurring revenue and are left out, as are free lines (amount 0).
* Rates are fractions (0.05 = 5 %); money keeps the input's currency.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from cskit._conventions import with_convention
from cskit._validate import (
    as_instants,
    as_number,
    check_choice,
    check_frame,
    check_period,
    offending,
    placeholder_cutoff,
    require_columns,
    where_missing,
)
from cskit.errors import InvalidParameterError, InvalidValueError
from cskit.metrics._gaps import flag_gaps
from cskit.metrics._intervals import interval_months, warn_placeholders
from cskit.metrics._kernels import movements
from cskit.metrics._monthly import sum_by_month
from cskit.metrics._panel import (
    LINES_ATTR,
    customer_months,
    month_index,
)
from cskit.registry import cs_method

SUBSCRIPTIONS = "subscriptions"
MOVEMENTS = ["new", "expansion", "contraction", "churn", "reactivation"]

def _until_ordinal(until: object) -> int:
    """Month ordinal of the ``until`` keyword (a month string, Period or date)."""
    try:
        if isinstance(until, pd.Period):
            return until.asfreq("M", how="end").ordinal
        return pd.Period(until, freq="M").ordinal
    except (ValueError, TypeError):
        raise InvalidParameterError(
            f"until={until!r} is not a month; pass e.g. until='2026-10' or "
            f"pd.Period('2026-10', 'M')."
        ) from None


def _month_ordinal(dates: pd.Series) -> np.ndarray:
    return np.asarray(dates.dt.to_period("M").array.asi8, dtype=np.int64)


@cs_method(
    kpi="MRR from subscription lines",
    table=SUBSCRIPTIONS,
    requires=("customer_id", "start", "end", "amount", "interval"),
)
@with_convention("to_mrr")
def to_mrr(
    subscriptions: pd.DataFrame,
    *,
    customer_col: str = "customer_id",
    start_col: str = "start",
    end_col: str = "end",
    amount_col: str = "amount",
    interval_col: str = "interval",
    plan_col: str | None = "plan",
    product_col: str | None = "product",
    discount_col: str | None = "discount",
    price: str = "net",
    discount_as: str = "rate",
    recognise_churn: str = "cancel_date",
    until: str | pd.Period | None = None,
) -> pd.DataFrame:
    """Turn subscription lines into a monthly ``mrr`` frame.

    Parameters
    ----------
    subscriptions : pandas.DataFrame
        One row per subscription line over an interval.
    customer_col, start_col, end_col, amount_col, interval_col : str
        Column names. ``amount_col`` is the list price per billing interval
        (``interval_col``: ``"month"``, ``"year"``, a number of months, or ``"one_off"`` /
        ``"metered"`` for charges left out of MRR). ``end_col`` is exclusive and
        may be empty for a line that is still active.
    plan_col, product_col, discount_col : str or None
        Optional columns, used when present in the frame (``None`` ignores them).
        The discount is a fraction of the list price (``discount_as="rate"``,
        e.g. 0.2) or an amount per billing interval (``discount_as="amount"``).
    price : {"net", "list"}, default "net"
        ``"net"`` subtracts discounts (what the customer really pays);
        ``"list"`` ignores them.
    recognise_churn : {"cancel_date", "period_end"}, default "cancel_date"
        ``"cancel_date"``: a line stops counting at the first month close after
        its ``end``. ``"period_end"``: it counts until the end of the billing
        period already paid (an annual plan cancelled in month 3 counts 12 months).
        A line whose ``end`` is the day another line of the same customer (and
        product) starts is a plan change, not a cancellation: it stops as with
        ``"cancel_date"``, so the paid-up term is not counted twice.
    until : str or Period, optional
        Last month to fill for open lines; defaults to the month of the latest
        date in ``start`` or ``end``.

    Returns
    -------
    pandas.DataFrame
        Columns ``customer_id, month, mrr`` (plus ``plan`` and ``product`` when
        present), one row per customer, month, plan and product with positive
        MRR; ``month`` is a monthly ``Period``. Column names follow the inputs.

    Examples
    --------
    >>> import pandas as pd, cskit
    >>> subs = pd.DataFrame({
    ...     "customer_id": ["a", "b"],
    ...     "start": pd.to_datetime(["2026-01-15", "2026-01-01"]),
    ...     "end": pd.to_datetime([None, "2026-03-10"]),
    ...     "amount": [600.0, 100.0],
    ...     "interval": ["year", "month"],
    ... })
    >>> subs.cs.to_mrr(until="2026-03")
      customer_id    month    mrr
    0           a  2026-01   50.0
    1           a  2026-02   50.0
    2           a  2026-03   50.0
    3           b  2026-01  100.0
    4           b  2026-02  100.0
    """
    customer, start, end, amount, interval = (customer_col, start_col, end_col, amount_col,
                                              interval_col)
    plan, product, discount = plan_col, product_col, discount_col
    check_frame(subscriptions, SUBSCRIPTIONS)
    check_choice("price", price, ("net", "list"))
    check_choice("discount_as", discount_as, ("rate", "amount"))
    check_choice("recognise_churn", recognise_churn, ("cancel_date", "period_end"))
    require_columns(
        subscriptions,
        {"customer_col": customer, "start_col": start, "end_col": end, "amount_col": amount,
         "interval_col": interval},
        SUBSCRIPTIONS,
    )
    optional = {
        "plan": plan if plan in subscriptions.columns else None,
        "product": product if product in subscriptions.columns else None,
    }
    use_discount = price == "net" and discount is not None and discount in subscriptions.columns

    no_id = subscriptions[customer].isna()
    if no_id.any():
        raise InvalidValueError(
            f"Column {customer!r} of the {SUBSCRIPTIONS} frame has {int(no_id.sum())} missing "
            f"id(s) ({where_missing(subscriptions[customer])}). Every line needs a customer; "
            f"drop or fill those rows first."
        )
    # Both on the clock of the start column's zone (an end kept in another zone is moved
    # to it), so months and the order of the two dates are those of the same instants.
    _, (starts, ends) = as_instants(subscriptions, [start, end], SUBSCRIPTIONS,
                                    allow_missing=[False, True], local=True)
    backwards = ends.notna() & (ends < starts)
    if backwards.any():
        rows = subscriptions.index[backwards.to_numpy()][:5].tolist()
        raise InvalidValueError(
            f"Column {end!r} of the {SUBSCRIPTIONS} frame is before {start!r} in "
            f"{int(backwards.sum())} row(s) (index {', '.join(map(str, rows))}). "
            f"Swap or correct those dates; an empty {end!r} means the line is still active."
        )
    price_per_interval = as_number(subscriptions, amount, SUBSCRIPTIONS)
    months_per_interval = interval_months(subscriptions[interval], interval)
    if use_discount:
        disc = as_number(subscriptions, discount, SUBSCRIPTIONS, allow_missing=True).fillna(0.0)
        if discount_as == "rate":
            too_big = disc > 1
            if too_big.any():
                raise InvalidValueError(
                    f"Column {discount!r} of the {SUBSCRIPTIONS} frame holds discount rates above 1: "
                    f"{offending(subscriptions[discount], too_big)}. Give rates as fractions "
                    f"(0.2 = 20 %), or pass discount_as='amount' if they are amounts."
                )
            price_per_interval = price_per_interval * (1.0 - disc)
        else:
            too_big = disc > price_per_interval
            if too_big.any():
                raise InvalidValueError(
                    f"Column {discount!r} of the {SUBSCRIPTIONS} frame has discounts larger than "
                    f"the {amount!r}: {offending(subscriptions[discount], too_big)}. Fix them, or pass "
                    f"discount_as='rate' if they are fractions."
                )
            price_per_interval = price_per_interval - disc

    recurring = months_per_interval > 0
    monthly = np.where(recurring, price_per_interval.to_numpy() / np.maximum(months_per_interval, 1), 0.0)

    first = _month_ordinal(starts)
    end_known = ends.notna().to_numpy()
    end_month = np.where(end_known, _month_ordinal(ends.fillna(starts)), 0)
    # The default horizon is the data's own last month, taken before "period_end"
    # moves end months forward (open lines must not run past the data).
    if until is None:
        horizon = int(max(first.max(), end_month[end_known].max() if end_known.any() else first.max()))
        cutoff = placeholder_cutoff(np.r_[first, end_month[end_known]])
        if cutoff is not None:  # open lines end at the data's last month, not at 9999
            warn_placeholders(subscriptions, starts, ends, first, end_month, end_known, cutoff,
                               start, end)
            horizon = cutoff
    else:
        horizon = _until_ordinal(until)
    if recognise_churn == "period_end":
        s_year, s_month, s_day = starts.dt.year, starts.dt.month, starts.dt.day
        e = ends.fillna(starts)
        whole = (e.dt.year - s_year) * 12 + (e.dt.month - s_month) - (e.dt.day < s_day).astype(int)
        whole = whole.to_numpy(dtype=np.int64)
        step = np.maximum(months_per_interval, 1)
        on_anniversary = (e.dt.day == s_day).to_numpy() & (whole % step == 0) & (whole > 0)
        periods = np.where(on_anniversary, whole // step, whole // step + 1)
        # A line replaced the same day (a plan change) ended by replacement, not by a
        # cancellation: its paid-up term is carried by the new line, so it stops as usual.
        replaced = _replaced_same_day(subscriptions[customer],
                                      subscriptions[optional["product"]]
                                      if optional["product"] else None, starts, ends)
        end_month = np.where(end_known & ~replaced, first + periods * step, end_month)
    last = np.where(end_known, np.minimum(end_month - 1, horizon), horizon)

    keep = recurring & (monthly > 0) & (last >= first)
    lengths = np.where(keep, last - first + 1, 0)
    rows = np.repeat(np.arange(len(subscriptions)), lengths)
    offsets = np.arange(lengths.sum()) - np.repeat(np.cumsum(lengths) - lengths, lengths)
    months = first[rows] + offsets

    out_cols = [customer] + [c for c in optional.values() if c is not None]
    result = sum_by_month(subscriptions, out_cols, rows, months, monthly[rows])
    result = result.rename(columns={"_month": "month", "_mrr": "mrr"})
    result["month"] = pd.PeriodIndex.from_ordinals(result["month"].to_numpy(), freq="M")
    result = result[[customer, "month", "mrr"] + [c for c in optional.values() if c is not None]]
    # Record the line columns, so the MRR metrics key rows by them even when renamed.
    result.attrs[LINES_ATTR] = [c for c in (plan, product) if c is not None]
    return result


def _replaced_same_day(customers: pd.Series, products: pd.Series | None, starts: pd.Series,
                       ends: pd.Series) -> np.ndarray:
    """Lines whose ``end`` day is the ``start`` day of another line of the same customer
    (and product, when known): plan changes, not cancellations."""
    n = len(customers)
    keys = {"c": customers.to_numpy()}
    if products is not None:
        keys["p"] = products.to_numpy()
    ended = pd.DataFrame({**keys, "day": ends.dt.normalize().to_numpy(), "row": np.arange(n)})
    begun = pd.DataFrame({**keys, "day": starts.dt.normalize().to_numpy(),
                          "other": np.arange(n)})
    pairs = ended.dropna(subset=["day"]).merge(begun, on=[*keys, "day"])
    rows = pairs.loc[pairs["row"] != pairs["other"], "row"].to_numpy()
    replaced = np.zeros(n, dtype=bool)
    replaced[rows] = True
    return replaced


def _monthly_totals(panel, by_segment: bool = False) -> np.ndarray:
    span = panel.last - panel.first + 1
    idx = panel.month - panel.first
    if by_segment:
        idx = panel.segment * span + idx
        totals = np.bincount(idx, weights=panel.mrr, minlength=span * len(panel.segments))
    else:
        totals = np.bincount(idx, weights=panel.mrr, minlength=span)
    return totals.astype(np.float64)  # bincount of nothing is int: keep money float


@cs_method(kpi="MRR", table="mrr", requires=("customer_id", "month", "mrr"))
def mrr(
    frame: pd.DataFrame,
    *,
    period: str | None = "M",
    by: str | None = None,
    customer_col: str = "customer_id",
    month_col: str = "month",
    mrr_col: str = "mrr",
) -> pd.DataFrame | pd.Series | float:
    """Monthly recurring revenue per period, with the number of paying customers.

    Parameters
    ----------
    frame : pandas.DataFrame
        An ``mrr`` frame (``customer_id, month, mrr``), e.g. from ``to_mrr()``.
    period : {"M", "Q", "Y", None}, default "M"
        MRR is a stock: a quarter's or year's MRR is its last month's.
        ``None`` returns the latest month's MRR as one number.
    by : str, optional
        A column to split MRR by (e.g. ``"plan"`` or ``"product"``); rows are
        summed within each value.
    customer_col, month_col, mrr_col : str
        Column names.

    Returns
    -------
    pandas.DataFrame or float
        Indexed by ``period`` (and ``by``): ``mrr`` and ``customers`` (with MRR > 0).
        With ``period=None``: the latest month's MRR as a float, or, with ``by``,
        a frame indexed by ``by``.
        A month without a single row inside the data's span adds a boolean
        ``data_gap`` column flagging the periods it feeds (with a warning).

    Examples
    --------
    >>> import pandas as pd, cskit
    >>> df = pd.DataFrame({"customer_id": ["a", "b", "a"],
    ...                    "month": ["2026-01", "2026-01", "2026-02"],
    ...                    "mrr": [100.0, 50.0, 120.0]})
    >>> df.cs.mrr()  # doctest: +NORMALIZE_WHITESPACE
             mrr  customers
    period
    2026-01  150.0          2
    2026-02  120.0          1
    >>> df.cs.mrr(period=None)
    120.0
    """
    freq = check_period(period)
    panel = customer_months(frame, customer=customer_col, month=month_col, mrr=mrr_col, by=by)
    months = month_index(panel.first, panel.last)
    span = len(months)
    if by is None:
        totals = _monthly_totals(panel)
        counts = np.bincount(panel.month - panel.first, minlength=span)
        table = pd.DataFrame({"mrr": totals, "customers": counts}, index=months)
        if freq is None:
            return float(table["mrr"].iloc[-1])
    else:
        # Split revenue by the segment of each row (not each customer's main segment).
        from cskit._validate import as_month

        months_col = as_month(frame, month_col, "mrr")
        values = frame[mrr_col].astype("float64")
        grouped = (
            pd.DataFrame({"period": months_col, by: frame[by], "mrr": values,
                          "c": frame[customer_col]})
            .loc[lambda d: d["mrr"] > 0]
            .groupby(["period", by], observed=True, dropna=False)
            .agg(mrr=("mrr", "sum"), customers=("c", "nunique"))
        )
        full = pd.MultiIndex.from_product([months, grouped.index.levels[1]], names=["period", by])
        table = grouped.reindex(full, fill_value=0)
        table["customers"] = table["customers"].astype("int64")
        if freq is None:
            return table.xs(months[-1], level="period")
    table.index = table.index.set_names("period", level=0) if by else table.index.rename("period")
    if freq == "M":
        return flag_gaps(table, panel.empty_months, window=0)
    # A stock: keep the last month of each period.
    month_level = table.index.get_level_values("period")
    last_of_period = month_level.asfreq(freq).asfreq("M", how="end") == month_level
    table = table[last_of_period]
    new_periods = table.index.get_level_values("period").asfreq(freq)
    if by is None:
        table.index = pd.PeriodIndex(new_periods, name="period")
    else:
        table.index = pd.MultiIndex.from_arrays(
            [new_periods, table.index.get_level_values(by)], names=["period", by]
        )
    return flag_gaps(table, panel.empty_months, window=0)  # a stock: its last month


@cs_method(kpi="MRR movements", table="mrr", requires=("customer_id", "month", "mrr"))
def mrr_movements(
    frame: pd.DataFrame,
    *,
    period: str = "M",
    by: str | None = None,
    customer_col: str = "customer_id",
    month_col: str = "month",
    mrr_col: str = "mrr",
    include_first: bool = False,
) -> pd.DataFrame:
    """Split the change in MRR into new, expansion, contraction, churn and reactivation.

    For each customer and month, compared with the month before:

    * **new** – MRR of a customer paying for the first time;
    * **reactivation** – MRR of a customer who paid before, stopped, and is back
      (a returning customer is *not* new);
    * **expansion** / **contraction** – increase / decrease of a paying customer;
    * **churn** – last month's MRR of a customer who pays nothing this month.

    ``start + new + expansion - contraction - churn + reactivation = end`` holds
    for every row.

    Parameters
    ----------
    frame : pandas.DataFrame
        An ``mrr`` frame; several rows per customer and month are summed.
    period : {"M", "Q", "Y"}, default "M"
        Quarterly and yearly rows sum the monthly movements; ``start`` is the
        first month's start and ``end`` the last month's end. Only periods
        whose months are all in the data (after the first month) are reported.
    by : str, optional
        Segment column. A customer's movement is booked to its segment this
        month; MRR of a customer that changed segment is moved with
        ``transfer_out`` / ``transfer_in`` columns, so each segment reconciles.
    customer_col, month_col, mrr_col : str
        Column names.
    include_first : bool, default False
        The first month in the data has no month before it, so everything in
        it would look new. It is left out unless this is True.

    Returns
    -------
    pandas.DataFrame
        Indexed by ``period`` (and ``by``): ``start, new, expansion,
        contraction, churn, reactivation, end``, plus ``net_new`` (= end - start).
        A month without a single row inside the data's span adds a boolean
        ``data_gap`` column flagging the periods it feeds (with a warning).

    Examples
    --------
    >>> import pandas as pd, cskit
    >>> df = pd.DataFrame({
    ...     "customer_id": ["a", "b", "a", "c", "a", "b"],
    ...     "month": ["2026-01", "2026-01", "2026-02", "2026-02", "2026-03", "2026-03"],
    ...     "mrr": [100.0, 50.0, 120.0, 30.0, 90.0, 50.0]})
    >>> cols = ["start", "new", "expansion", "contraction", "churn", "reactivation", "end"]
    >>> df.cs.mrr_movements()[cols]  # doctest: +NORMALIZE_WHITESPACE
             start   new  expansion  contraction  churn  reactivation    end
    period
    2026-02  150.0  30.0       20.0          0.0   50.0           0.0  150.0
    2026-03  150.0   0.0        0.0         30.0   30.0          50.0  140.0
    """
    freq = check_period(period, ("M", "Q", "Y"))
    p = customer_months(frame, customer=customer_col, month=month_col, mrr=mrr_col, by=by,
                        duplicates="sum")
    span = p.last - p.first + 1
    cols = movements(p, grouped=by is not None)  # block-parallel (cskit.metrics._kernels)
    end_total = cols.pop("end")
    start_total = np.r_[0.0, end_total[:-1]]
    start_total[::span] = 0.0  # the month before the first month of each segment block
    # With ``by``: transfer_in / transfer_out move a customer's MRR between segments;
    # expansion/contraction of a moved customer is booked in the new segment.
    table = pd.DataFrame({"start": start_total, **cols, "end": end_total})
    months = month_index(p.first, p.last)
    if by is None:
        table.index = pd.PeriodIndex(months, name="period")
    else:
        table.index = pd.MultiIndex.from_product([p.segments, months], names=[by, "period"])
        table = table.swaplevel().sort_index()
    if not include_first:
        keep = table.index.get_level_values("period") != months[0]
        table = table[keep]
    if freq != "M":
        table = _sum_flows(table, freq, by)
    table["net_new"] = table["end"] - table["start"]
    return flag_gaps(table, p.empty_months, back=1)  # a flow: the month before counts too


def _sum_flows(table: pd.DataFrame, freq: str, by: str | None) -> pd.DataFrame:
    """Aggregate monthly movements to quarters or years (start = first, end = last).

    Only whole periods are kept (as in :func:`cskit.metrics.churn`): a quarter
    with one month of data would otherwise be read as a full quarter.
    """
    months = table.index.get_level_values("period")
    keys = [months.asfreq(freq).rename("period")]
    if by is not None:
        keys.append(table.index.get_level_values(by))
    flows = [c for c in table.columns if c not in ("start", "end")]
    grouped = table.groupby(keys, sort=True)
    out = grouped[flows].sum()
    out.insert(0, "start", grouped["start"].first())
    out["end"] = grouped["end"].last()
    whole = grouped.size() == (3 if freq == "Q" else 12)
    return out[whole.to_numpy()]


@cs_method(kpi="Revenue churn", table="mrr", requires=("customer_id", "month", "mrr"))
@with_convention("revenue_churn")
def revenue_churn(
    frame: pd.DataFrame,
    *,
    kind: str = "gross",
    include_reactivation: bool = True,
    period: str | None = "M",
    by: str | None = None,
    customer_col: str = "customer_id",
    month_col: str = "month",
    mrr_col: str = "mrr",
) -> pd.DataFrame | float:
    """Revenue (MRR) churn rate: recurring revenue lost, as a share of starting MRR.

    * gross = (churn + contraction) ÷ start MRR
    * net = (churn + contraction − expansion − reactivation) ÷ start MRR;
      negative net churn means the base grew on its own (that is good).
      ``include_reactivation=False`` leaves reactivation out of the offset
      (Baremetrics' net revenue churn; ChartMogul's subtracts it, as cskit does).

    Parameters
    ----------
    frame : pandas.DataFrame
        An ``mrr`` frame.
    kind : {"gross", "net"}, default "gross"
    include_reactivation : bool, default True
        ``kind="net"``: subtract returning customers' MRR from the loss.
    period : {"M", "Q", "Y", None}, default "M"
        Flows are summed over the period and divided by the MRR at its start.
        ``None`` treats the whole span of the data as one period.
    by : str, optional
        Segment column (see :func:`mrr_movements`).
    customer_col, month_col, mrr_col : str
        Column names.

    Returns
    -------
    pandas.DataFrame or float
        Indexed by ``period``: ``start, churn, contraction, expansion,
        reactivation, lost``, ``numerator`` (= ``lost``), ``denominator``
        (= ``start``) and ``revenue_churn``; a float
        when ``period=None`` and not grouped.
        A month without a single row inside the data's span adds a boolean
        ``data_gap`` column flagging the periods it feeds (with a warning).

    Examples
    --------
    >>> import pandas as pd, cskit
    >>> df = pd.DataFrame({"customer_id": list("abcabc"),
    ...     "month": ["2026-01"] * 3 + ["2026-02"] * 3,
    ...     "mrr": [20.0, 30.0, 50.0, 0.0, 20.0, 60.0]})
    >>> df.cs.revenue_churn(kind="gross", period=None)
    0.3
    >>> round(df.cs.revenue_churn(kind="net", period=None), 2)
    0.2
    """
    check_choice("kind", kind, ("gross", "net"))
    check_choice("include_reactivation", include_reactivation, (True, False))
    freq = check_period(period)
    moves = mrr_movements(
        frame, period=freq or "M", by=by, customer_col=customer_col, month_col=month_col,
        mrr_col=mrr_col,
    )
    if freq is None:
        keys = [] if by is None else [by]
        if keys:
            g = moves.groupby(level=by, sort=True)
            moves = g[MOVEMENTS].sum().assign(start=g["start"].first())
        else:
            moves = moves[MOVEMENTS].sum().to_frame().T.assign(start=moves["start"].iloc[0])
    lost = moves["churn"] + moves["contraction"]
    if kind == "net":
        lost = lost - moves["expansion"]
        if include_reactivation:
            lost = lost - moves["reactivation"]
    out = pd.DataFrame(
        {
            "start": moves["start"],
            "churn": moves["churn"],
            "contraction": moves["contraction"],
            "expansion": moves["expansion"],
            "reactivation": moves["reactivation"],
            "lost": lost,
        }
    )
    out["numerator"] = out["lost"]
    out["denominator"] = out["start"]
    out["revenue_churn"] = (out["lost"] / out["start"]).where(out["start"] > 0)
    if "data_gap" in moves.columns:
        out["data_gap"] = moves["data_gap"]
    if freq is None and by is None:
        return float(out["revenue_churn"].iloc[0])
    return out
