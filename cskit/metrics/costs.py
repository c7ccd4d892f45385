"""What customers cost: retention cost (CRC), acquisition cost (CAC), unit economics.

* CRC = customer-success spend ÷ customers. The spend is the sum of the cost
  categories of CS work (default: ``cs_salaries, support, programs, training,
  customer_marketing``). The two articles divide by different things, so both
  are offered: ``denominator="customers"`` (16-KPI article: every customer
  served in the period) and ``denominator="retained"`` (6-metrics article:
  customers active just before the period and still active at its end).
  The 16-KPI article prints the CLV formula under its CRC heading by mistake;
  CRC has nothing to do with lifespan.
* CAC = acquisition spend ÷ new customers (first-time payers in the period;
  a returning customer is a reactivation, not an acquisition).
* :func:`unit_economics` puts CRC, CAC and LTV side by side and flags where
  retention spend per customer exceeds CAC or LTV, which the 6-metrics article
  calls a bad business decision.

Customer counts come from an ``mrr`` frame passed as ``mrr=``; spend from the
``costs`` frame (``month, category, amount``). Only periods wholly inside both
frames are reported, and the first month of the ``mrr`` frame is never part of
one (nobody can tell new from existing customers in it).
"""

from __future__ import annotations

import warnings
from collections.abc import Sequence

import numpy as np
import pandas as pd

from cskit._validate import (
    as_month,
    as_number,
    check_choice,
    check_frame,
    check_period,
    require_columns,
)
from cskit.errors import CskitWarning, InvalidParameterError
from cskit.metrics._panel import Panel, customer_months
from cskit.registry import cs_method

TABLE = "costs"
RETENTION_CATEGORIES = ("cs_salaries", "support", "programs", "training", "customer_marketing")
ACQUISITION_CATEGORIES = ("acquisition",)
UNIT_COLUMNS = [
    "customers", "retention_spend", "crc", "new_customers", "acquisition_spend", "cac", "ltv",
    "ltv_cac", "crc_above_cac", "crc_above_ltv", "flag",
]


def _check_mrr_frame(mrr: object) -> pd.DataFrame:
    if mrr is None:
        raise InvalidParameterError(
            "Customer counts come from an mrr frame: pass it as mrr=..., e.g. "
            "costs.cs.retention_cost(mrr=company.mrr)."
        )
    return check_frame(mrr, "mrr")


def _labels(months: np.ndarray, freq: str | None) -> np.ndarray:
    """Period ordinal of each month ordinal (0 for everything when ``freq`` is None)."""
    if freq is None:
        return np.zeros(len(months), dtype=np.int64)
    return np.asarray(
        pd.PeriodIndex.from_ordinals(months, freq="M").asfreq(freq).asi8, dtype=np.int64
    )


def _month_label(ordinal: int) -> str:
    return str(pd.PeriodIndex.from_ordinals([ordinal], freq="M")[0])


def _eligible(p: Panel, cost_months: np.ndarray, freq: str | None) -> tuple[np.ndarray, np.ndarray]:
    """Periods wholly inside both frames: their ordinals and their first and last month."""
    lo = max(p.first + 1, int(cost_months.min()))
    hi = min(p.last, int(cost_months.max()))
    if hi < lo:
        raise InvalidParameterError(
            "The costs and mrr frames share no month after the mrr frame's first month "
            "(which cannot tell new from existing customers); check that both cover the same dates."
        )
    months = np.arange(lo, hi + 1)
    present = np.isin(months, cost_months)
    labels = _labels(months, freq)
    if freq is None:
        return np.array([0]), np.array([[lo, hi]])
    per = pd.PeriodIndex.from_ordinals(np.unique(labels), freq=freq)
    first = np.asarray(per.asfreq("M", how="start").asi8)
    last = np.asarray(per.asfreq("M", how="end").asi8)
    # Whole periods only, with every month present in the costs frame.
    missing = np.bincount(np.searchsorted(per.asi8, labels), weights=~present, minlength=len(per))
    keep = (first >= lo) & (last <= hi) & (missing == 0)
    if not keep.any():
        raise InvalidParameterError(
            f"No whole period={freq!r} lies inside both the costs and the mrr frame (common "
            f"months {_month_label(lo)} to {_month_label(hi)}, "
            f"the mrr frame's first month excluded). Use a shorter period or period=None."
        )
    return np.asarray(per.asi8)[keep], np.c_[first[keep], last[keep]]


def _counts(p: Panel, periods: np.ndarray, bounds: np.ndarray, freq: str | None) -> pd.DataFrame:
    """Customers served, retained and new per (period, segment code)."""
    n_per = len(periods)
    span = p.last - p.first + 1
    key = p.customer.astype(np.int64) * span + (p.month - p.first)
    seg = np.zeros(len(key), dtype=np.int64) if p.segment is None else p.segment.astype(np.int64)
    n_seg = 1 if p.segments is None else len(p.segments)

    # Which eligible period each row's month falls in (-1 if none).
    if freq is None:
        inside = (p.month >= bounds[0, 0]) & (p.month <= bounds[0, 1])
        row_per = np.where(inside, 0, -1)
    else:
        lab = _labels(p.month, freq)
        pos_c = np.minimum(np.searchsorted(periods, lab), n_per - 1)
        row_per = np.where(periods[pos_c] == lab, pos_c, -1)

    def count(mask: np.ndarray, per: np.ndarray, segs: np.ndarray) -> np.ndarray:
        return np.bincount(per[mask] * n_seg + segs[mask], minlength=n_per * n_seg)

    # Served: each customer once per period, in its segment at its last month there.
    last_in_period = np.r_[
        (p.customer[1:] != p.customer[:-1]) | (row_per[1:] != row_per[:-1]), True
    ]
    served = count((row_per >= 0) & last_in_period, row_per, seg)
    # New: the customer's very first month falls in a period.
    first_row = np.r_[True, p.customer[1:] != p.customer[:-1]]
    new = count((row_per >= 0) & first_row, row_per, seg)
    # Retained: active in the month before the period and in its last month.
    before_month = bounds[:, 0] - 1  # sorted, one per period
    pos = np.minimum(np.searchsorted(before_month, p.month), n_per - 1)
    before = before_month[pos] == p.month
    end_key = p.customer.astype(np.int64) * span + (bounds[pos, 1] - p.first)
    hit = np.minimum(np.searchsorted(key, end_key), len(key) - 1)  # panel is sorted by key
    still = before & (key[hit] == end_key)
    retained = count(still, pos, seg[hit])
    out = pd.DataFrame({"customers": served, "retained": retained, "new_customers": new})
    out["_period"] = np.repeat(np.arange(n_per), n_seg)
    out["_segment"] = np.tile(np.arange(n_seg), n_per)
    return out


def _spend(
    costs: pd.DataFrame,
    categories: Sequence[str],
    freq: str | None,
    periods: np.ndarray,
    bounds: np.ndarray,
    month: str,
    category: str,
    amount: str,
    what: str,
) -> np.ndarray:
    """Total spend of ``categories`` per eligible period."""
    if isinstance(categories, str) or not len(categories):
        raise InvalidParameterError(
            f"categories={categories!r} must be a non-empty list of cost categories, "
            f"e.g. {list(RETENTION_CATEGORIES)!r}."
        )
    present = set(costs[category].dropna().astype(str))
    missing = [c for c in categories if c not in present]
    if len(missing) == len(categories):
        raise InvalidParameterError(
            f"None of the {what} categories {list(categories)!r} appears in column "
            f"{category!r} of the costs frame (found: {sorted(present)[:5]!r}). Pass the "
            f"categories your ledger uses, e.g. categories=[...]."
        )
    if missing:
        warnings.warn(
            f"{what.capitalize()} categories {missing!r} do not appear in the costs frame; "
            f"they count as 0.",
            CskitWarning,
            stacklevel=4,
        )
    months = np.asarray(as_month(costs, month, TABLE).array.asi8, dtype=np.int64)
    values = as_number(costs, amount, TABLE).to_numpy()
    use = costs[category].astype(str).isin(list(categories)).to_numpy()
    total = np.zeros(len(periods))
    for_period = np.searchsorted(bounds[:, 0], months, side="right") - 1
    ok = use & (for_period >= 0)
    ok[ok] &= months[ok] <= bounds[for_period[ok], 1]
    np.add.at(total, for_period[ok], values[ok])
    return total


def _prepare(
    costs: pd.DataFrame,
    mrr: pd.DataFrame | None,
    period: str | None,
    by: str | None,
    month: str,
    category: str,
    amount: str,
    customer: str,
    mrr_column: str,
) -> tuple[Panel, str | None, np.ndarray, np.ndarray, pd.DataFrame]:
    check_frame(costs, TABLE)
    require_columns(costs, {"month": month, "category": category, "amount": amount}, TABLE)
    frame = _check_mrr_frame(mrr)
    freq = check_period(period)
    p = customer_months(frame, customer=customer, month=month, mrr=mrr_column, by=by)
    cost_months = np.unique(np.asarray(as_month(costs, month, TABLE).array.asi8, dtype=np.int64))
    periods, bounds = _eligible(p, cost_months, freq)
    return p, freq, periods, bounds, _counts(p, periods, bounds, freq)


def _finish(
    table: pd.DataFrame, p: Panel, freq: str | None, periods: np.ndarray, by: str | None
) -> pd.DataFrame:
    per_codes = table.pop("_period").to_numpy()
    seg_codes = table.pop("_segment").to_numpy()
    if freq is None:
        if by is None:
            table.index = pd.Index(["all"], name="period")
        else:
            table.index = pd.Index(p.segments[seg_codes], name=by)
        return table
    per = pd.PeriodIndex.from_ordinals(periods, freq=freq)[per_codes]
    if by is None:
        table.index = pd.PeriodIndex(per, name="period")
    else:
        table.index = pd.MultiIndex.from_arrays([per, p.segments[seg_codes]], names=["period", by])
    return table


def _allocate(spend: np.ndarray, counts: pd.Series, n_seg: int) -> np.ndarray:
    """Spread each period's spend over segments in proportion to ``counts``."""
    c = counts.to_numpy(dtype=float).reshape(-1, n_seg)
    share = np.divide(c, c.sum(axis=1, keepdims=True), out=np.zeros_like(c), where=c.sum(
        axis=1, keepdims=True) > 0)
    return (share * spend[:, None]).ravel()


def _segment_spend(
    costs: pd.DataFrame,
    categories: Sequence[str],
    freq: str | None,
    periods: np.ndarray,
    bounds: np.ndarray,
    cols: tuple[str, str, str],
    by: str | None,
    p: Panel,
    counts: pd.Series,
    what: str,
) -> np.ndarray:
    """Spend per (period, segment), in the order of :func:`_counts`."""
    month, category, amount = cols
    if by is None:
        return _spend(costs, categories, freq, periods, bounds, month, category, amount, what)
    if by in costs.columns:
        codes = p.segments.get_indexer(costs[by])
        parts = [  # one pass per segment: a handful of segments, not rows
            _spend(costs[codes == code], categories, freq, periods, bounds, month, category,
                   amount, what) if (codes == code).any() else np.zeros(len(periods))
            for code in range(len(p.segments))
        ]
        return np.column_stack(parts).ravel()
    spend = _spend(costs, categories, freq, periods, bounds, month, category, amount, what)
    return _allocate(spend, counts, len(p.segments))


def _crc_table(
    costs: pd.DataFrame,
    mrr: pd.DataFrame | None,
    denominator: str,
    categories: Sequence[str],
    period: str | None,
    by: str | None,
    cols: tuple[str, str, str],
    customer: str,
    mrr_column: str,
) -> pd.DataFrame:
    check_choice("denominator", denominator, ("customers", "retained"))
    p, freq, periods, bounds, counts = _prepare(costs, mrr, period, by, *cols, customer, mrr_column)
    column = "customers" if denominator == "customers" else "retained"
    spend = _segment_spend(costs, categories, freq, periods, bounds, cols, by, p, counts[column],
                           "retention")
    table = pd.DataFrame({"spend": spend, "customers": counts[column].to_numpy(),
                          "_period": counts["_period"], "_segment": counts["_segment"]})
    table["crc"] = (table["spend"] / table["customers"]).where(table["customers"] > 0)
    return _finish(table, p, freq, periods, by)


def _cac_table(
    costs: pd.DataFrame,
    mrr: pd.DataFrame | None,
    categories: Sequence[str],
    period: str | None,
    by: str | None,
    cols: tuple[str, str, str],
    customer: str,
    mrr_column: str,
) -> pd.DataFrame:
    p, freq, periods, bounds, counts = _prepare(costs, mrr, period, by, *cols, customer, mrr_column)
    spend = _segment_spend(costs, categories, freq, periods, bounds, cols, by, p,
                           counts["new_customers"], "acquisition")
    table = pd.DataFrame({"spend": spend, "new_customers": counts["new_customers"].to_numpy(),
                          "_period": counts["_period"], "_segment": counts["_segment"]})
    table["cac"] = (table["spend"] / table["new_customers"]).where(table["new_customers"] > 0)
    return _finish(table, p, freq, periods, by)


@cs_method(kpi="Customer retention cost (CRC)", table=TABLE, requires=("month", "category", "amount"))
def retention_cost(
    costs: pd.DataFrame,
    *,
    mrr: pd.DataFrame | None = None,
    denominator: str = "customers",
    categories: Sequence[str] = RETENTION_CATEGORIES,
    period: str | None = "Y",
    by: str | None = None,
    month: str = "month",
    category: str = "category",
    amount: str = "amount",
    customer: str = "customer_id",
    mrr_column: str = "mrr",
) -> pd.DataFrame | float:
    """Customer retention cost (CRC): customer-success spend per customer.

    Parameters
    ----------
    costs : pandas.DataFrame
        Cost lines: ``month``, ``category``, ``amount``.
    mrr : pandas.DataFrame
        The ``mrr`` frame the customer counts come from (required keyword).
    denominator : {"customers", "retained"}, default "customers"
        ``"customers"``: distinct customers with MRR in the period (16-KPI
        article). ``"retained"``: customers active in the month before the
        period and in its last month (6-metrics article: "customers retained
        this year"). Fewer customers, so a higher CRC.
    categories : sequence of str
        Cost categories that count as retention spend; default
        ``("cs_salaries", "support", "programs", "training", "customer_marketing")``.
    period : {"M", "Q", "Y", None}, default "Y"
        Whole periods inside both frames; ``None`` uses their common span.
    by : str, optional
        Segment column of the ``mrr`` frame. If the costs frame has the same
        column, spend is taken per segment; otherwise it is shared out in
        proportion to the segment's customers (so CRC is equal across segments).
    month, category, amount : str
        Column names of the costs frame (``month`` also names the mrr frame's).
    customer, mrr_column : str
        Column names of the mrr frame.

    Returns
    -------
    pandas.DataFrame or float
        Indexed by ``period`` (and ``by``): ``spend, customers, crc``; a float
        when ``period=None`` and not grouped.

    Examples
    --------
    >>> import pandas as pd, cskit
    >>> mrr = pd.DataFrame({"customer_id": list("abcdabce"),
    ...                     "month": ["2026-01"] * 4 + ["2026-02"] * 4, "mrr": 50.0})
    >>> costs = pd.DataFrame({"month": ["2026-02", "2026-02", "2026-02"],
    ...                       "category": ["cs_salaries", "support", "acquisition"],
    ...                       "amount": [300.0, 100.0, 500.0]})
    >>> cs_costs = ["cs_salaries", "support"]
    >>> costs.cs.retention_cost(mrr=mrr, period=None, categories=cs_costs)  # 400 ÷ 4 customers
    100.0
    >>> costs.cs.retention_cost(mrr=mrr, period=None, categories=cs_costs,
    ...                         denominator="retained")  # 400 ÷ 3 (a, b, c)
    133.33333333333334
    """
    table = _crc_table(costs, mrr, denominator, categories, period, by, (month, category, amount),
                       customer, mrr_column)
    if period is None and by is None:
        return float(table["crc"].iloc[0])
    return table


@cs_method(kpi="Customer acquisition cost (CAC)", table=TABLE, requires=("month", "category", "amount"))
def cac(
    costs: pd.DataFrame,
    *,
    mrr: pd.DataFrame | None = None,
    categories: Sequence[str] = ACQUISITION_CATEGORIES,
    period: str | None = "Y",
    by: str | None = None,
    month: str = "month",
    category: str = "category",
    amount: str = "amount",
    customer: str = "customer_id",
    mrr_column: str = "mrr",
) -> pd.DataFrame | float:
    """Customer acquisition cost (CAC): acquisition spend ÷ new customers.

    New customers pay for the first time in the period; customers coming back
    after churning are reactivations and are not counted.

    Parameters
    ----------
    costs : pandas.DataFrame
        Cost lines: ``month``, ``category``, ``amount``.
    mrr : pandas.DataFrame
        The ``mrr`` frame new customers are counted in (required keyword).
    categories : sequence of str, default ("acquisition",)
    period : {"M", "Q", "Y", None}, default "Y"
    by : str, optional
        Segment column of the ``mrr`` frame; spend without that column is shared
        out in proportion to new customers (see :func:`retention_cost`).
    month, category, amount, customer, mrr_column : str
        Column names.

    Returns
    -------
    pandas.DataFrame or float
        Indexed by ``period`` (and ``by``): ``spend, new_customers, cac``; a
        float when ``period=None`` and not grouped.

    Examples
    --------
    >>> import pandas as pd, cskit
    >>> mrr = pd.DataFrame({"customer_id": list("abcdabce"),
    ...                     "month": ["2026-01"] * 4 + ["2026-02"] * 4, "mrr": 50.0})
    >>> costs = pd.DataFrame({"month": ["2026-02", "2026-02"],
    ...                       "category": ["support", "acquisition"], "amount": [100.0, 500.0]})
    >>> costs.cs.cac(mrr=mrr, period=None)  # 500 ÷ one new customer (e)
    500.0
    """
    table = _cac_table(costs, mrr, categories, period, by, (month, category, amount), customer,
                       mrr_column)
    if period is None and by is None:
        return float(table["cac"].iloc[0])
    return table


@cs_method(kpi="Unit economics (CRC, CAC, LTV)", table=TABLE, requires=("month", "category", "amount"))
def unit_economics(
    costs: pd.DataFrame,
    *,
    mrr: pd.DataFrame | None = None,
    period: str | None = "Y",
    by: str | None = None,
    crc_denominator: str = "customers",
    retention_categories: Sequence[str] = RETENTION_CATEGORIES,
    acquisition_categories: Sequence[str] = ACQUISITION_CATEGORIES,
    window: int = 12,
    gross_margin: float | None = None,
    month: str = "month",
    category: str = "category",
    amount: str = "amount",
    customer: str = "customer_id",
    mrr_column: str = "mrr",
) -> pd.DataFrame:
    """CRC, CAC and LTV side by side, flagging retention spend above CAC or LTV.

    The 6-metrics article warns that keeping a customer whose retention cost
    exceeds its acquisition cost, or worse its lifetime value, is a bad
    business decision: ``crc_above_cac`` and ``crc_above_ltv`` mark those rows
    and ``flag`` is True when either holds. CRC is spend per customer *per
    period*, so with ``period="Y"`` it is a year of retention spend.

    Parameters
    ----------
    costs : pandas.DataFrame
        Cost lines: ``month``, ``category``, ``amount``.
    mrr : pandas.DataFrame
        The ``mrr`` frame (required keyword).
    period : {"M", "Q", "Y", None}, default "Y"
    by : str, optional
        Segment column of the ``mrr`` frame.
    crc_denominator : {"customers", "retained"}, default "customers"
        See :func:`retention_cost`.
    retention_categories, acquisition_categories : sequence of str
    window, gross_margin
        Passed to :func:`cskit.metrics.ltv` (subscription form), evaluated at
        the last month of each period.
    month, category, amount, customer, mrr_column : str
        Column names.

    Returns
    -------
    pandas.DataFrame
        Indexed by ``period`` (and ``by``; ``"all"`` when ``period=None``):
        ``customers, retention_spend, crc, new_customers, acquisition_spend,
        cac, ltv, ltv_cac, crc_above_cac, crc_above_ltv, flag``.

    Examples
    --------
    >>> import pandas as pd, cskit
    >>> mrr = pd.DataFrame({"customer_id": [1, 2, 3, 4, 1, 2, 3, 5],
    ...                     "month": ["2026-01"] * 4 + ["2026-02"] * 4, "mrr": 100.0})
    >>> costs = pd.DataFrame({"month": ["2026-02", "2026-02"],
    ...                       "category": ["support", "acquisition"], "amount": [800.0, 300.0]})
    >>> ue = costs.cs.unit_economics(mrr=mrr, period=None, window=1,
    ...                              retention_categories=["support"])
    >>> ue[["crc", "cac", "ltv", "ltv_cac", "flag"]]  # doctest: +NORMALIZE_WHITESPACE
              crc    cac    ltv   ltv_cac   flag
    period
    all     200.0  300.0  400.0  1.333333  False

    CRC = 800 ÷ 4 customers, CAC = 300 ÷ 1 new customer, LTV = 100 ÷ 25 % churn.
    """
    from cskit.metrics.ltv import ltv as _ltv

    cols = (month, category, amount)
    crc = _crc_table(costs, mrr, crc_denominator, retention_categories, period, by, cols,
                     customer, mrr_column)
    acq = _cac_table(costs, mrr, acquisition_categories, period, by, cols, customer, mrr_column)
    out = pd.DataFrame(
        {
            "customers": crc["customers"],
            "retention_spend": crc["spend"],
            "crc": crc["crc"],
            "new_customers": acq["new_customers"],
            "acquisition_spend": acq["spend"],
            "cac": acq["cac"],
        }
    )
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", CskitWarning)
        life = _ltv(mrr, period="M", by=by, window=window, gross_margin=gross_margin,
                    customer=customer, month=month, mrr=mrr_column)
    out["ltv"] = _ltv_at_period_end(life, out.index, period, by)
    out["ltv_cac"] = (out["ltv"] / out["cac"]).where(out["cac"] > 0)
    out["crc_above_cac"] = (out["crc"] > out["cac"]).to_numpy(dtype=bool)
    out["crc_above_ltv"] = (out["crc"] > out["ltv"]).to_numpy(dtype=bool)
    out["flag"] = out["crc_above_cac"] | out["crc_above_ltv"]
    return out[UNIT_COLUMNS]


def _ltv_at_period_end(
    life: pd.DataFrame, index: pd.Index, period: str | None, by: str | None
) -> np.ndarray:
    """Subscription LTV at the last month of each row's period (NaN where undefined)."""
    ltv_m = life["ltv"]
    if period is None:
        last = life.index.get_level_values("period").max()
        if by is None:
            return np.full(len(index), float(ltv_m.loc[last]))
        return ltv_m.xs(last, level="period").reindex(index).to_numpy()
    per = index.get_level_values("period")
    end_month = per.asfreq("M", how="end")
    if by is None:
        return ltv_m.reindex(pd.PeriodIndex(end_month, name="period")).to_numpy()
    keys = pd.MultiIndex.from_arrays([end_month, index.get_level_values(by)], names=["period", by])
    return ltv_m.reindex(keys).to_numpy()
