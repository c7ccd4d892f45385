"""What customers cost: retention cost (CRC), acquisition cost (CAC), unit economics.

* CRC = customer-success spend ÷ customers. The spend is the sum of the cost categories
  of CS work (default ``cs_salaries, support, programs, training, customer_marketing``:
  the CS and support teams' salaries, engagement and adoption programmes, professional
  services and training, customer marketing). The two articles divide by different
  things, so both are offered: ``denominator="customers"`` (16-KPI article: every
  customer served in the period) and ``denominator="retained"`` (6-metrics article:
  customers retained this period, i.e. active just before it and still active at its
  end). The 16-KPI article prints the CLV formula under its CRC heading by mistake; CRC
  has nothing to do with lifespan.
* CAC = acquisition spend ÷ new customers (first-time payers in the period; a returning
  customer is a reactivation, not an acquisition).
* :func:`unit_economics` puts CRC, CAC and LTV side by side and flags the rows where
  retention spend exceeds CAC or LTV, which the 6-metrics article calls a bad business
  decision.

Customer counts come from an ``mrr`` frame passed as ``mrr=``; spend from the ``costs``
frame (``month, category, amount``). Only periods wholly inside both frames are
reported, and the first month of the ``mrr`` frame is never part of one (it cannot tell
new customers from existing ones, nor who was there the month before).

Segments (``by=``) are columns of the ``mrr`` frame. Spend is usually not split by
segment: if the costs frame has the same column, its lines go to their segment (lines
with no segment are shared); shared spend is divided among the segments in proportion
to ``allocate``: ``"customers"`` (default; the CRC, or CAC, is then the same in every
segment) or ``"mrr"`` (bigger accounts take more of the CS team's time).
"""

from __future__ import annotations

import warnings
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
import pandas as pd

from cskit._validate import (
    as_month,
    as_number,
    check_choice,
    check_frame,
    check_period,
    offending,
    require_columns,
)
from cskit.errors import CskitWarning, InvalidParameterError, InvalidValueError, caller_stacklevel
from cskit.metrics._panel import Panel, customer_months
from cskit.registry import cs_method

TABLE = "costs"
RETENTION_CATEGORIES = ("cs_salaries", "support", "programs", "training", "customer_marketing")
ACQUISITION_CATEGORIES = ("acquisition",)
CRC_COLUMNS = ["spend", "served", "retained", "denominator", "retention_cost"]
CAC_COLUMNS = ["spend", "new_customers", "cac"]
UNIT_COLUMNS = [
    "customers", "retention_spend", "retention_cost", "new_customers", "acquisition_spend", "cac",
    "arpa", "churn_rate", "ltv", "ltv_cac", "retention_cost_per_month", "lifetime_months",
    "lifetime_retention_cost", "crc_above_cac", "crc_above_ltv", "flag",
]


@dataclass(frozen=True)
class _Base:
    """Customer counts per (eligible period, segment), as (periods × segments) arrays."""

    panel: Panel
    freq: str | None
    periods: np.ndarray  # period ordinals (freq) or [0] (one span)
    bounds: np.ndarray  # first and last month ordinal of each period
    segments: pd.Index
    served: np.ndarray
    retained: np.ndarray
    new: np.ndarray
    customer_months: np.ndarray
    mrr: np.ndarray
    new_mrr: np.ndarray

    def index(self, by: str | None) -> pd.Index:
        n_seg = len(self.segments)
        if self.freq is None:
            if by is not None:
                return pd.Index(self.segments, name=by)
            first, last = pd.PeriodIndex.from_ordinals(self.bounds[0], freq="M")
            return pd.Index([f"{first}/{last}"], name="period")
        per = pd.PeriodIndex.from_ordinals(self.periods, freq=self.freq)
        if by is None:
            return pd.PeriodIndex(per, name="period")
        return pd.MultiIndex.from_arrays(
            [per.repeat(n_seg), np.tile(np.asarray(self.segments, dtype=object), len(per))],
            names=["period", by],
        )


def _check_mrr_frame(mrr: object) -> pd.DataFrame:
    if mrr is None:
        raise InvalidParameterError(
            "Customer counts come from an mrr frame: pass it as mrr=..., e.g. "
            "costs.cs.retention_cost(mrr=company.mrr)."
        )
    return check_frame(mrr, "mrr")


def _period_of(months: np.ndarray, bounds: np.ndarray) -> np.ndarray:
    """Index of the eligible period each month ordinal falls in, or -1."""
    k = np.searchsorted(bounds[:, 0], months, side="right") - 1
    inside = (k >= 0) & (months <= bounds[np.maximum(k, 0), 1])
    return np.where(inside, k, -1)


def _eligible(p: Panel, cost_months: np.ndarray, freq: str | None) -> tuple[np.ndarray, np.ndarray]:
    """Periods wholly inside both frames (ordinals) and their first and last month."""
    lo = max(p.first + 1, int(cost_months.min()))
    hi = min(p.last, int(cost_months.max()))
    if hi < lo:
        raise InvalidParameterError(
            "The costs and mrr frames share no month after the mrr frame's first month "
            "(which cannot tell new from existing customers); check that both cover the same "
            "dates."
        )
    if freq is None:
        return np.array([0]), np.array([[lo, hi]])
    per = pd.PeriodIndex.from_ordinals(np.arange(lo, hi + 1), freq="M").asfreq(freq).unique()
    first = np.asarray(per.asfreq("M", how="start").asi8)
    last = np.asarray(per.asfreq("M", how="end").asi8)
    keep = (first >= lo) & (last <= hi)
    if not keep.any():
        ends = pd.PeriodIndex.from_ordinals([lo, hi], freq="M")
        span = f"{ends[0]} to {ends[1]}"
        raise InvalidParameterError(
            f"No whole period={freq!r} lies inside both the costs and the mrr frame (common "
            f"months {span}, the mrr frame's first month excluded). Use a shorter period or "
            f"period=None."
        )
    return np.asarray(per.asi8)[keep], np.c_[first[keep], last[keep]]


def _base(
    costs: pd.DataFrame,
    mrr: object,
    period: str | None,
    by: str | None,
    month: str,
    customer: str,
    mrr_col: str,
) -> _Base:
    frame = _check_mrr_frame(mrr)
    freq = check_period(period)
    p = customer_months(frame, customer=customer, month=month, mrr=mrr_col, by=by)
    cost_months = np.asarray(as_month(costs, month, TABLE).array.asi8, dtype=np.int64)
    periods, bounds = _eligible(p, np.unique(cost_months), freq)
    covered = np.concatenate([np.arange(a, b + 1) for a, b in bounds])  # one range per period
    gaps = covered[~np.isin(covered, cost_months)]
    if len(gaps):
        shown = ", ".join(map(str, pd.PeriodIndex.from_ordinals(gaps[:5], freq="M")))
        warnings.warn(
            f"The costs frame has no line in {len(gaps)} month(s) of the periods reported "
            f"({shown}); those months count as no spend.",
            CskitWarning,
            stacklevel=caller_stacklevel(),
        )
    n_per = len(periods)
    segments = pd.Index([None]) if by is None else p.segments
    n_seg = len(segments)
    seg = np.zeros(len(p.month), dtype=np.int64) if by is None else p.segment.astype(np.int64)
    k = _period_of(p.month, bounds)
    inside = k >= 0
    cell = k * n_seg + seg
    size = n_per * n_seg

    def tally(mask: np.ndarray, cells: np.ndarray, weights: np.ndarray | None = None) -> np.ndarray:
        w = None if weights is None else weights[mask]
        return np.bincount(cells[mask], weights=w, minlength=size).reshape(n_per, n_seg)

    # Served: each customer once per period, in its segment at its last month there.
    c = p.customer
    last_in_period = np.r_[(c[1:] != c[:-1]) | (k[1:] != k[:-1]), True][: len(c)]
    served = tally(inside & last_in_period, cell)
    customer_month_count = tally(inside, cell)
    mrr_total = tally(inside, cell, p.mrr)
    # New: the customer's very first paying month falls in the period.
    first_row = np.r_[True, c[1:] != c[:-1]][: len(c)]
    new = tally(inside & first_row, cell)
    new_mrr = tally(inside & first_row, cell, p.mrr)
    # Retained: active in the month before the period and in its last month.
    span = p.last - p.first + 1
    key = c.astype(np.int64) * span + (p.month - p.first)  # sorted: the panel's order
    before_k = _period_of(p.month + 1, bounds)
    before = (before_k >= 0) & (p.month + 1 == bounds[np.maximum(before_k, 0), 0])
    end_key = c.astype(np.int64) * span + (bounds[np.maximum(before_k, 0), 1] - p.first)
    hit = np.minimum(np.searchsorted(key, end_key), len(key) - 1)
    still = before & (key[hit] == end_key)
    retained = tally(still, before_k * n_seg + seg[hit])
    return _Base(p, freq, periods, bounds, segments, served, retained, new,
                 customer_month_count, mrr_total, new_mrr)


def _spend(
    costs: pd.DataFrame,
    base: _Base,
    categories: Sequence[str],
    default: Sequence[str],
    allocate_by: np.ndarray,
    by: str | None,
    cols: tuple[str, str, str],
    what: str,
) -> np.ndarray:
    """Spend of ``categories`` per (period, segment); shared spend split by ``allocate_by``."""
    month, category, amount = cols
    if isinstance(categories, str) or not len(categories):
        raise InvalidParameterError(
            f"categories={categories!r} must be a non-empty list of cost categories, "
            f"e.g. {list(default)!r}."
        )
    labels = costs[category].astype("str").where(costs[category].notna())
    present = set(labels.dropna())
    missing = [c for c in categories if c not in present]
    if len(missing) == len(categories):
        raise InvalidParameterError(
            f"None of the {what} categories {list(categories)!r} appears in column "
            f"{category!r} of the costs frame (found: {sorted(present)[:5]!r}). Pass the "
            f"categories your ledger uses, e.g. categories=[...]."
        )
    if missing and tuple(categories) != tuple(default):
        warnings.warn(
            f"{what.capitalize()} categories {missing!r} do not appear in the costs frame; "
            f"they count as 0.",
            CskitWarning,
            stacklevel=caller_stacklevel(),
        )
    months = np.asarray(as_month(costs, month, TABLE).array.asi8, dtype=np.int64)
    values = as_number(costs, amount, TABLE).to_numpy()
    k = _period_of(months, base.bounds)
    use = labels.isin(list(categories)).to_numpy() & (k >= 0)
    n_per, n_seg = len(base.periods), len(base.segments)
    seg = np.full(len(costs), -1, dtype=np.int64)  # -1: shared by every segment
    if by is not None and by in costs.columns:
        tagged = costs[by].notna().to_numpy()
        found = base.segments.get_indexer(costs[by])
        unknown = tagged & (found < 0)
        if unknown.any():
            raise InvalidValueError(
                f"Column {by!r} of the costs frame has segments the mrr frame does not: "
                f"{offending(costs[by], unknown)}. Use the mrr frame's segment names, or leave "
                f"the segment empty for spend shared by all segments."
            )
        seg = np.where(tagged, found, -1)
    own = use & (seg >= 0)
    direct = np.bincount(k[own] * n_seg + seg[own], weights=values[own],
                         minlength=n_per * n_seg).reshape(n_per, n_seg)
    shared = use & (seg < 0)
    pool = np.bincount(k[shared], weights=values[shared], minlength=n_per)
    weights = allocate_by.astype(float)
    totals = weights.sum(axis=1, keepdims=True)
    share = np.divide(weights, totals, out=np.zeros_like(weights), where=totals > 0)
    return direct + share * pool[:, None]


def _ratio(num: np.ndarray, den: np.ndarray) -> np.ndarray:
    return np.divide(num, den, out=np.full(np.shape(num), np.nan), where=np.asarray(den) > 0)


def _prepare(
    costs: pd.DataFrame,
    mrr: object,
    period: str | None,
    by: str | None,
    allocate: str,
    cols: tuple[str, str, str],
    customer: str,
    mrr_col: str,
) -> _Base:
    check_frame(costs, TABLE)
    month, category, amount = cols
    require_columns(costs, {"month_col": month, "category_col": category, "amount_col": amount},
                    TABLE)
    check_choice("allocate", allocate, ("customers", "mrr"))
    return _base(costs, mrr, period, by, month, customer, mrr_col)


def _crc(
    costs: pd.DataFrame,
    base: _Base,
    denominator: str,
    categories: Sequence[str],
    allocate: str,
    by: str | None,
    cols: tuple[str, str, str],
) -> pd.DataFrame:
    check_choice("denominator", denominator, ("customers", "retained"))
    count = base.served if denominator == "customers" else base.retained
    weights = count if allocate == "customers" else base.mrr
    spend = _spend(costs, base, categories, RETENTION_CATEGORIES, weights, by, cols, "retention")
    return pd.DataFrame(
        {
            "spend": spend.ravel(),
            "served": base.served.ravel(),
            "retained": base.retained.ravel(),
            "denominator": count.ravel(),
            "retention_cost": _ratio(spend, count).ravel(),
            "customer_months": base.customer_months.ravel(),
        },
        index=base.index(by),
    )


def _cac(
    costs: pd.DataFrame,
    base: _Base,
    categories: Sequence[str],
    allocate: str,
    by: str | None,
    cols: tuple[str, str, str],
) -> pd.DataFrame:
    weights = base.new if allocate == "customers" else base.new_mrr
    spend = _spend(costs, base, categories, ACQUISITION_CATEGORIES, weights, by, cols,
                   "acquisition")
    return pd.DataFrame(
        {"spend": spend.ravel(), "new_customers": base.new.ravel(),
         "cac": _ratio(spend, base.new).ravel()},
        index=base.index(by),
    )


@cs_method(
    kpi="Customer retention cost (CRC)", table=TABLE, requires=("month", "category", "amount")
)
def retention_cost(
    costs: pd.DataFrame,
    *,
    mrr: pd.DataFrame | None = None,
    denominator: str = "customers",
    categories: Sequence[str] = RETENTION_CATEGORIES,
    period: str | None = "M",
    by: str | None = None,
    allocate: str = "customers",
    month_col: str = "month",
    category_col: str = "category",
    amount_col: str = "amount",
    customer_col: str = "customer_id",
    mrr_col: str = "mrr",
) -> pd.DataFrame | float:
    """Customer retention cost (CRC): customer-success spend per customer.

    Parameters
    ----------
    costs : pandas.DataFrame
        Cost lines: ``month``, ``category``, ``amount``.
    mrr : pandas.DataFrame
        The ``mrr`` frame the customers are counted in (required keyword).
    denominator : {"customers", "retained"}, default "customers"
        ``"customers"``: distinct customers with MRR in the period (16-KPI article's
        "total number of customers"). ``"retained"``: customers active in the month before
        the period and in its last month (6-metrics article's "customers retained this
        year"); fewer customers, so a higher CRC.
    categories : sequence of str
        Cost categories that count as retention spend; default ``("cs_salaries",
        "support", "programs", "training", "customer_marketing")``.
    period : {"M", "Q", "Y", None}, default "M"
        Whole periods inside both frames; ``None`` uses their common span as one period.
    by : str, optional
        Segment column of the ``mrr`` frame (and, if present, of the costs frame).
    allocate : {"customers", "mrr"}, default "customers"
        How spend with no segment is divided among segments: in proportion to the
        segment's customers (the denominator) or to its MRR in the period.
    month_col, category_col, amount_col : str
        Column names of the costs frame (``month_col`` also names the mrr frame's).
    customer_col, mrr_col : str
        Column names of the mrr frame.

    Returns
    -------
    pandas.DataFrame or float
        Indexed by ``period`` (and ``by``): ``spend, served, retained, denominator,
        retention_cost``;
        a float when ``period=None`` and not grouped.

    Examples
    --------
    a, b, c, d pay in January; a, b, c and the new e in February. February's CS spend:

    >>> import pandas as pd, cskit
    >>> mrr = pd.DataFrame({"customer_id": list("abcdabce"),
    ...                     "month": ["2026-01"] * 4 + ["2026-02"] * 4, "mrr": 50.0})
    >>> costs = pd.DataFrame({"month": ["2026-02", "2026-02", "2026-02"],
    ...                       "category": ["cs_salaries", "support", "acquisition"],
    ...                       "amount": [300.0, 100.0, 500.0]})
    >>> costs.cs.retention_cost(mrr=mrr, period=None)  # 400 ÷ 4 customers (a, b, c, e)
    100.0
    >>> costs.cs.retention_cost(mrr=mrr, period=None, denominator="retained")  # 400 ÷ 3
    133.33333333333334
    >>> costs.cs.retention_cost(mrr=mrr)  # doctest: +NORMALIZE_WHITESPACE
             spend  served  retained  denominator  retention_cost
    period
    2026-02  400.0       4         3            4  100.0

    By segment: the spend has no segment, so it is shared by customers (3 of 4 in
    "small": the same CRC everywhere) or by MRR (e pays 250 of the 400):

    >>> sized = mrr.assign(size=["small"] * 7 + ["large"],
    ...                    mrr=[50.0] * 7 + [250.0])
    >>> costs.cs.retention_cost(mrr=sized, period=None, by="size")["retention_cost"]
    size
    large    100.0
    small    100.0
    Name: retention_cost, dtype: float64
    >>> costs.cs.retention_cost(mrr=sized, period=None, by="size",
    ...                         allocate="mrr")["retention_cost"]
    size
    large    250.0
    small     50.0
    Name: retention_cost, dtype: float64
    """
    check_choice("denominator", denominator, ("customers", "retained"))
    cols = (month_col, category_col, amount_col)
    base = _prepare(costs, mrr, period, by, allocate, cols, customer_col, mrr_col)
    table = _crc(costs, base, denominator, categories, allocate, by, cols)[CRC_COLUMNS]
    if base.freq is None and by is None:
        return float(table["retention_cost"].iloc[0])
    return table


@cs_method(
    kpi="Customer acquisition cost (CAC)", table=TABLE, requires=("month", "category", "amount")
)
def cac(
    costs: pd.DataFrame,
    *,
    mrr: pd.DataFrame | None = None,
    categories: Sequence[str] = ACQUISITION_CATEGORIES,
    period: str | None = "M",
    by: str | None = None,
    allocate: str = "customers",
    month_col: str = "month",
    category_col: str = "category",
    amount_col: str = "amount",
    customer_col: str = "customer_id",
    mrr_col: str = "mrr",
) -> pd.DataFrame | float:
    """Customer acquisition cost (CAC): acquisition spend ÷ new customers.

    New customers pay for the first time in the period; customers coming back after
    churning are reactivations and are not counted.

    Parameters
    ----------
    costs : pandas.DataFrame
        Cost lines: ``month``, ``category``, ``amount``.
    mrr : pandas.DataFrame
        The ``mrr`` frame new customers are counted in (required keyword).
    categories : sequence of str, default ("acquisition",)
    period : {"M", "Q", "Y", None}, default "M"
    by : str, optional
        Segment column of the ``mrr`` frame (and, if present, of the costs frame).
    allocate : {"customers", "mrr"}, default "customers"
        How spend with no segment is divided: by new customers or by their first MRR.
    month_col, category_col, amount_col, customer_col, mrr_col : str
        Column names.

    Returns
    -------
    pandas.DataFrame or float
        Indexed by ``period`` (and ``by``): ``spend, new_customers, cac``; a float when
        ``period=None`` and not grouped.

    Examples
    --------
    >>> import pandas as pd, cskit
    >>> mrr = pd.DataFrame({"customer_id": list("abcdabce"),
    ...                     "month": ["2026-01"] * 4 + ["2026-02"] * 4, "mrr": 50.0})
    >>> costs = pd.DataFrame({"month": ["2026-02", "2026-02"],
    ...                       "category": ["support", "acquisition"], "amount": [100.0, 500.0]})
    >>> costs.cs.cac(mrr=mrr, period=None)  # 500 ÷ one new customer (e)
    500.0
    >>> costs.cs.cac(mrr=mrr, categories=["acquisition", "support"])
    ... # doctest: +NORMALIZE_WHITESPACE
             spend  new_customers    cac
    period
    2026-02  600.0              1  600.0
    """
    cols = (month_col, category_col, amount_col)
    base = _prepare(costs, mrr, period, by, allocate, cols, customer_col, mrr_col)
    table = _cac(costs, base, categories, allocate, by, cols)[CAC_COLUMNS]
    if base.freq is None and by is None:
        return float(table["cac"].iloc[0])
    return table


def _above(left: pd.Series | np.ndarray, right: pd.Series | np.ndarray) -> pd.Series:
    """``left > right`` as a nullable boolean: missing where either side is NaN."""
    a = np.asarray(left, dtype=float)
    b = np.asarray(right, dtype=float)
    unknown = np.isnan(a) | np.isnan(b)
    return pd.Series(pd.arrays.BooleanArray(np.where(unknown, False, a > b), unknown))


@cs_method(
    kpi="Unit economics (CRC vs CAC vs LTV)",
    table=TABLE,
    requires=("month", "category", "amount"),
)
def unit_economics(
    costs: pd.DataFrame,
    *,
    mrr: pd.DataFrame | None = None,
    period: str | None = "M",
    by: str | None = None,
    crc_denominator: str = "customers",
    retention_categories: Sequence[str] = RETENTION_CATEGORIES,
    acquisition_categories: Sequence[str] = ACQUISITION_CATEGORIES,
    allocate: str = "customers",
    horizon: str = "lifetime",
    window: int = 12,
    churn_average: str = "mean",
    gross_margin: float | None = None,
    month_col: str = "month",
    category_col: str = "category",
    amount_col: str = "amount",
    customer_col: str = "customer_id",
    mrr_col: str = "mrr",
) -> pd.DataFrame:
    """CRC, CAC and LTV side by side, flagging retention spend above CAC or LTV.

    The 6-metrics article warns that keeping a customer whose retention cost exceeds its
    acquisition cost or, worse, its lifetime value is a bad business decision.

    * ``crc_above_cac``: the period's CRC is above CAC (keeping a customer for one more
      period costs more than winning a new one).
    * ``crc_above_ltv``: retention spend is above LTV. CRC is spend per *period* while
      LTV covers a customer's whole lifetime, so by default (``horizon="lifetime"``) the
      comparison uses the lifetime retention cost: spend per customer-month × expected
      lifetime in months (1 ÷ the churn rate LTV uses). Since LTV = ARPA × margin ÷ churn
      too, this flags exactly the rows where a month of retention spend per customer
      exceeds a month of (margin-weighted) ARPA. ``horizon="period"`` compares the
      period's CRC with LTV as printed.
    * ``flag``: either of the two. Comparisons with a missing side (no new customers,
      LTV undefined at zero churn) are missing (``pd.NA``), not False.

    Parameters
    ----------
    costs : pandas.DataFrame
        Cost lines: ``month``, ``category``, ``amount``.
    mrr : pandas.DataFrame
        The ``mrr`` frame (required keyword).
    period : {"M", "Q", "Y", None}, default "M"
    by : str, optional
        Segment column of the ``mrr`` frame (and, if present, of the costs frame).
    crc_denominator : {"customers", "retained"}, default "customers"
        See :func:`retention_cost`.
    retention_categories, acquisition_categories : sequence of str
        See :func:`retention_cost` and :func:`cac`.
    allocate : {"customers", "mrr"}, default "customers"
        How spend with no segment is divided among segments (see :func:`retention_cost`).
    horizon : {"lifetime", "period"}, default "lifetime"
        What retention spend is compared with LTV (see above).
    window, churn_average, gross_margin
        Passed to :func:`cskit.metrics.ltv` (subscription form); LTV, ARPA and churn are
        taken at the last month of each period.
    month_col, category_col, amount_col, customer_col, mrr_col : str
        Column names.

    Returns
    -------
    pandas.DataFrame
        Indexed by ``period`` (and ``by``; with ``period=None`` by ``by``, or by one label
        ``"first/last month"``): ``customers`` (the CRC denominator), ``retention_spend,
        retention_cost, new_customers, acquisition_spend, cac, arpa, churn_rate, ltv, ltv_cac,
        retention_cost_per_month, lifetime_months, lifetime_retention_cost,
        crc_above_cac, crc_above_ltv, flag``.

    Examples
    --------
    Customers 1–4 pay 100 in January; 1, 2, 3 and the new 5 in February, when support
    costs 800 and acquisition 300:

    >>> import pandas as pd, cskit
    >>> mrr = pd.DataFrame({"customer_id": [1, 2, 3, 4, 1, 2, 3, 5],
    ...                     "month": ["2026-01"] * 4 + ["2026-02"] * 4, "mrr": 100.0})
    >>> costs = pd.DataFrame({"month": ["2026-02", "2026-02"],
    ...                       "category": ["support", "acquisition"], "amount": [800.0, 300.0]})
    >>> ue = costs.cs.unit_economics(mrr=mrr, period=None, window=1,
    ...                              retention_categories=["support"])
    >>> ue[["retention_cost", "cac", "ltv", "ltv_cac"]]  # doctest: +NORMALIZE_WHITESPACE
                     retention_cost    cac    ltv   ltv_cac
    period
    2026-02/2026-02  200.0  300.0  400.0  1.333333
    >>> ue[["lifetime_retention_cost", "crc_above_cac", "crc_above_ltv", "flag"]]
    ... # doctest: +NORMALIZE_WHITESPACE
                     lifetime_retention_cost  crc_above_cac  crc_above_ltv  flag
    period
    2026-02/2026-02                    800.0          False           True  True

    CRC = 800 ÷ 4 customers, CAC = 300 ÷ 1 new customer, LTV = 100 ÷ 25 % churn. A
    customer stays 4 months and costs 200 a month to retain: 800 over its lifetime, twice
    what it brings. Compared per period only, nothing would look wrong:

    >>> costs.cs.unit_economics(mrr=mrr, period=None, window=1, horizon="period",
    ...                         retention_categories=["support"])["flag"].tolist()
    [False]
    """
    from cskit.metrics.ltv import ltv as _ltv

    check_choice("horizon", horizon, ("lifetime", "period"))
    check_choice("crc_denominator", crc_denominator, ("customers", "retained"))
    cols = (month_col, category_col, amount_col)
    base = _prepare(costs, mrr, period, by, allocate, cols, customer_col, mrr_col)
    crc = _crc(costs, base, crc_denominator, retention_categories, allocate, by, cols)
    acq = _cac(costs, base, acquisition_categories, allocate, by, cols)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", CskitWarning)  # undefined LTV shows as NaN below
        life = _ltv(mrr, period="M", by=by, window=window, churn_average=churn_average,
                    gross_margin=gross_margin, customer_col=customer_col, month_col=month_col,
                    mrr_col=mrr_col)
    # LTV at the last month of each period (and segment).
    end = pd.PeriodIndex.from_ordinals(np.repeat(base.bounds[:, 1], len(base.segments)), freq="M")
    keys = end if by is None else pd.MultiIndex.from_arrays(
        [end, np.tile(np.asarray(base.segments, dtype=object), len(base.periods))]
    )
    at_end = life.reindex(keys)
    out = pd.DataFrame(
        {
            "customers": crc["denominator"].to_numpy(),
            "retention_spend": crc["spend"].to_numpy(),
            "retention_cost": crc["retention_cost"].to_numpy(),
            "new_customers": acq["new_customers"].to_numpy(),
            "acquisition_spend": acq["spend"].to_numpy(),
            "cac": acq["cac"].to_numpy(),
            "arpa": at_end["arpa"].to_numpy(),
            "churn_rate": at_end["churn_rate"].to_numpy(),
            "ltv": at_end["ltv"].to_numpy(),
        },
        index=crc.index,
    )
    out["ltv_cac"] = _ratio(out["ltv"].to_numpy(), out["cac"].to_numpy())
    out["retention_cost_per_month"] = _ratio(crc["spend"].to_numpy(),
                                             crc["customer_months"].to_numpy())
    out["lifetime_months"] = at_end["lifetime_months"].to_numpy()
    out["lifetime_retention_cost"] = out["retention_cost_per_month"] * out["lifetime_months"]
    against_ltv = (out["lifetime_retention_cost"] if horizon == "lifetime"
                   else out["retention_cost"])
    out["crc_above_cac"] = _above(out["retention_cost"], out["cac"]).array
    out["crc_above_ltv"] = _above(against_ltv, out["ltv"]).array
    out["flag"] = out["crc_above_cac"] | out["crc_above_ltv"]
    return out[UNIT_COLUMNS]
