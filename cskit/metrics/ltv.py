"""Customer lifetime value (CLV / LTV) in its three usual forms.

* ``model="subscription"`` (an ``mrr`` frame): LTV = ARPA × gross margin ÷ monthly
  churn rate. ARPA is the month's MRR ÷ paying customers (a customer's subscriptions
  combined first); the churn rate is the logo churn of :func:`cskit.metrics.churn`
  (customers at the start of the month as denominator) averaged over a trailing window
  (12 months by default), so one quiet month does not make LTV explode. Both are
  monthly, so the time units agree. 1 ÷ churn is the expected lifetime in months. With
  no churn in the window LTV is *undefined*: the value is NaN, ``undefined_reason``
  says why and a :class:`~cskit.errors.CskitWarning` is raised — never ``inf``.
* ``model="transactional"`` (a purchase log: customer, date, amount): LTV = average
  purchase value × purchase frequency × average customer lifespan, with frequency and
  lifespan in the same ``unit``. It is a *product*: the 6-metrics article's "subtract
  the purchase frequency" is a translation error.
* ``model="cohort"`` (an ``mrr`` frame): realised LTV, the cumulative revenue per
  customer of each signup cohort after 0, 1, 2, … months. It predicts nothing, but
  needs no churn assumption either.
"""

from __future__ import annotations

import warnings

import numpy as np
import pandas as pd

from cskit._conventions import with_convention
from cskit._validate import check_choice, check_period
from cskit.errors import CskitWarning, InvalidParameterError, InvalidValueError, caller_stacklevel
from cskit.metrics._occasions import occasions
from cskit.metrics._panel import customer_months, month_index
from cskit.metrics.churn import churn as _churn
from cskit.registry import cs_method

SUBSCRIPTION_COLUMNS = [
    "customers", "mrr", "arpa", "churn_rate", "churn_window", "churn_window_excludes_current",
    "lifetime_months", "max_lifetime_months", "gross_margin", "ltv", "undefined_reason",
]
TRANSACTION_COLUMNS = [
    "customers", "orders", "revenue", "average_purchase_value", "purchase_frequency",
    "lifespan", "gross_margin", "ltv",
]
COHORT_COLUMNS = ["customers", "revenue", "cumulative_revenue", "ltv"]
#: Length of each time unit in days (a year is 365 days; a leap day moves LTV by 0.3 %).
UNIT_DAYS = {"D": 1.0, "W": 7.0, "M": 365.0 / 12.0, "Q": 365.0 / 4.0, "Y": 365.0}


def _check_margin(gross_margin: float | None) -> float:
    if gross_margin is None:
        return 1.0
    if isinstance(gross_margin, bool) or not isinstance(gross_margin, int | float) or not (
        0 < float(gross_margin) <= 1
    ):
        raise InvalidParameterError(
            f"gross_margin={gross_margin!r} must be a fraction in (0, 1], e.g. 0.8 for 80 %; "
            f"leave it None to report revenue LTV."
        )
    return float(gross_margin)


@cs_method(
    kpi="Customer lifetime value (LTV)", table="mrr", requires=("customer_id", "month", "mrr")
)
@with_convention("ltv")
def ltv(
    frame: pd.DataFrame,
    *,
    model: str = "subscription",
    period: str | None = "M",
    by: str | None = None,
    window: int = 12,
    churn_average: str = "mean",
    exclude_current: bool = False,
    max_lifetime_months: float | None = None,
    gross_margin: float | None = None,
    unit: str = "Y",
    lifespan: float | None = None,
    as_of: object = None,
    same_day: str = "merge",
    customer_col: str = "customer_id",
    month_col: str = "month",
    mrr_col: str = "mrr",
    date_col: str = "date",
    amount_col: str = "amount",
) -> pd.DataFrame | float:
    """Customer lifetime value: subscription (ARPA ÷ churn), transactional or cohort form.

    Parameters
    ----------
    frame : pandas.DataFrame
        An ``mrr`` frame for ``"subscription"`` and ``"cohort"``; a purchase log (one row
        per purchase: ``customer_col``, ``date_col``, ``amount_col``) for ``"transactional"``.
    model : {"subscription", "transactional", "cohort"}, default "subscription"
    period : {"M", "Q", "Y", None}, default "M"
        ``"subscription"``: LTV at the last month of each whole period in the data
        (``None``: one number, at the last month of the data). ``"cohort"``: the length
        of the signup cohorts (``None`` is ``"M"``). ``"transactional"``: has no time
        axis, ``"M"`` (the default) and ``None`` both take the frame as one observation
        window (filter it to the window you want); other values raise.
    by : str, optional
        Segment column (``"subscription"`` and ``"transactional"``). Subscription: ARPA
        uses the segment of each customer-month, churn the segment at the start of the
        month. Transactional: a customer counts in the segment of its first purchase.
    window : int, default 12
        ``"subscription"``: months of churn averaged. The first ``window`` months of the
        data have too little history: NaN with ``undefined_reason="insufficient_history"``.
    churn_average : {"mean", "pooled"}, default "mean"
        ``"subscription"``: ``"mean"`` averages the ``window`` monthly churn rates;
        ``"pooled"`` divides the customers lost in the window by the sum of the months'
        start customers (steadier for small segments, where one month's rate is noisy).
    exclude_current : bool, default False
        ``"subscription"``: average the ``window`` months *before* the month reported,
        leaving its own churn out (ChartMogul's six-month trailing average); the
        first ``window + 1`` months then lack history.
    max_lifetime_months : float, optional
        ``"subscription"``: cap the expected lifetime ``1 ÷ churn`` at this many
        months; with zero churn the lifetime is the cap instead of undefined
        (Stripe assumes 60 months). ``None``: no cap.
    gross_margin : float, optional
        Fraction in (0, 1]; multiplies every form (``None`` = revenue LTV, margin 1).
    unit : {"D", "W", "M", "Q", "Y"}, default "Y"
        ``"transactional"``: the time unit of purchase frequency and lifespan.
    lifespan : float, optional
        ``"transactional"``: the average customer lifespan you expect, in ``unit`` s.
        ``None`` measures it as the customers' mean tenure so far (first purchase to
        ``as_of``): a floor, since many customers are still buying when the data ends.
        With it the formula returns exactly the revenue per customer realised so far.
    as_of : date, optional
        ``"transactional"``: end of the observation (purchases after it are ignored);
        default the latest purchase date.
    same_day : {"merge", "count"}, default "merge"
        ``"transactional"``: whether several rows of a customer on one day are one order
        (it changes average purchase value and frequency, not their product).
    customer_col, month_col, mrr_col, date_col, amount_col : str
        Column names (``date_col`` and ``amount_col`` for purchase logs; rows with amount
        0 are not orders).

    Returns
    -------
    pandas.DataFrame or float
        ``"subscription"``: indexed by ``period`` (and ``by``) with ``customers, mrr, arpa,
        churn_rate, churn_window, churn_window_excludes_current, lifetime_months,
        max_lifetime_months, gross_margin, ltv, undefined_reason``;
        ``undefined_reason`` is ``"zero_churn"``, ``"insufficient_history"``,
        ``"no_churn_base"`` (a month of the window had no customers at its start) or
        ``"no_customers"`` where ``ltv`` is NaN, else missing. A float when
        ``period=None`` and not grouped. Zero churn also raises a
        :class:`~cskit.errors.CskitWarning`.
        ``"transactional"``: a float, or a DataFrame indexed by ``by`` with ``customers,
        orders, revenue, average_purchase_value, purchase_frequency, lifespan,
        gross_margin, ltv`` (frequency is orders per customer per ``unit`` of tenure).
        ``"cohort"``: indexed by ``cohort`` and ``months_since_start`` with ``customers``
        (observed at that age), ``revenue``, ``cumulative_revenue`` and ``ltv``
        (cumulative revenue per customer × margin); ``result["ltv"].unstack()`` is the
        cohort triangle.

    Examples
    --------
    The catalogue's figure: ARPA 100 and 5 % monthly churn give an LTV of 2,000.
    Twenty customers pay 100 in January, one of them is gone in February:

    >>> import pandas as pd, cskit
    >>> mrr = pd.DataFrame({"customer_id": list(range(20)) + list(range(19)),
    ...                     "month": ["2026-01"] * 20 + ["2026-02"] * 19,
    ...                     "mrr": 100.0})
    >>> mrr.cs.ltv(period=None, window=1)  # 100 ÷ (1 ÷ 20)
    2000.0
    >>> mrr.cs.ltv(period=None, window=1, gross_margin=0.8)  # 100 × 0.8 ÷ 0.05
    1600.0
    >>> mrr.cs.ltv(window=1)[["arpa", "churn_rate", "lifetime_months", "ltv"]]
    ... # doctest: +NORMALIZE_WHITESPACE
              arpa  churn_rate  lifetime_months     ltv
    period
    2026-01  100.0         NaN              NaN     NaN
    2026-02  100.0        0.05             20.0  2000.0

    A trailing window averages the monthly churn rates (``churn_average="mean"``) or
    pools the customers lost over the customers at risk (``"pooled"``). Here a month of
    10 % churn (1 of 10) is followed by one of 0 % (0 of 30):

    >>> grow = pd.DataFrame({"customer_id": list(range(10)) + list(range(1, 31)) * 2,
    ...                      "month": ["2026-01"] * 10 + ["2026-02"] * 30 + ["2026-03"] * 30,
    ...                      "mrr": 100.0})
    >>> grow.cs.ltv(period=None, window=2)  # 100 ÷ mean(0.10, 0.00) = 100 ÷ 0.05
    2000.0
    >>> grow.cs.ltv(period=None, window=2, churn_average="pooled")  # 100 ÷ (1 ÷ 40)
    4000.0

    With nobody lost, LTV is undefined, not infinite:

    >>> import warnings
    >>> with warnings.catch_warnings(record=True) as caught:
    ...     warnings.simplefilter("always")
    ...     value = mrr[mrr["customer_id"] < 19].cs.ltv(period=None, window=1)
    >>> value, str(caught[0].message)[:40]
    (nan, 'LTV is undefined in 2026-02: zero_churn ')

    Transactional form. Over 2025, a buys three times (30, 30, 40) and b once (50): an
    average purchase of 150 ÷ 4 = 37.5, 4 orders ÷ 2 customer-years = 2 a year; with a
    3-year lifespan LTV = 37.5 × 2 × 3 = 225. Measured (the customers' 1-year tenure so
    far) it is the realised 150 ÷ 2 = 75:

    >>> orders = pd.DataFrame({"customer_id": ["a", "a", "a", "b"],
    ...     "date": ["2025-01-01", "2025-04-01", "2025-09-01", "2025-01-01"],
    ...     "amount": [30.0, 30.0, 40.0, 50.0]})
    >>> orders.cs.ltv(model="transactional", lifespan=3, as_of="2025-12-31")
    225.0
    >>> orders.cs.ltv(model="transactional", as_of="2025-12-31")
    75.0

    Components per segment (``by``), and ``same_day``: two lines of one customer on one
    day are one order by default; counted apart they change the components, not LTV:

    >>> two = orders.assign(date=["2025-01-01", "2025-04-01", "2025-04-01", "2025-01-01"],
    ...                     shop="web")
    >>> parts = two.cs.ltv(model="transactional", by="shop", lifespan=3, as_of="2025-12-31")
    >>> parts[["orders", "average_purchase_value", "purchase_frequency", "ltv"]]
    ... # doctest: +NORMALIZE_WHITESPACE
          orders  average_purchase_value  purchase_frequency    ltv
    shop
    web      3.0                    50.0                 1.5  225.0
    >>> two.cs.ltv(model="transactional", by="shop", lifespan=3, as_of="2025-12-31",
    ...            same_day="count")[["orders", "average_purchase_value", "ltv"]]
    ... # doctest: +NORMALIZE_WHITESPACE
          orders  average_purchase_value    ltv
    shop
    web      4.0                    37.5  225.0

    Cohort form (revenue realised per customer of the January cohort: 100, then
    100 + 19 × 100 ÷ 20):

    >>> mrr.cs.ltv(model="cohort")["ltv"].unstack()  # doctest: +NORMALIZE_WHITESPACE
    months_since_start      0      1
    cohort
    2026-01             100.0  195.0
    """
    check_choice("model", model, ("subscription", "transactional", "cohort"))
    customer, month, mrr, date, amount = customer_col, month_col, mrr_col, date_col, amount_col
    margin = _check_margin(gross_margin)
    if model == "subscription":
        return _subscription(frame, period, by, window, churn_average, margin, customer,
                             month, mrr, exclude_current, max_lifetime_months)
    if model == "cohort":
        return _cohort(frame, period, by, margin, customer, month, mrr)
    if period not in (None, "M"):
        raise InvalidParameterError(
            f"period={period!r} is not used by model='transactional': the whole frame is one "
            f"observation window. Filter the frame to the window you want, and set the time "
            f"unit of frequency and lifespan with unit='M' / 'Q' / 'Y'."
        )
    return _transactional(frame, by, margin, unit, lifespan, as_of, same_day, customer, date,
                          amount)


def _subscription(
    frame: pd.DataFrame,
    period: str | None,
    by: str | None,
    window: int,
    churn_average: str,
    margin: float,
    customer: str,
    month: str,
    mrr: str,
    exclude_current: bool = False,
    max_lifetime_months: float | None = None,
) -> pd.DataFrame | float:
    freq = check_period(period)
    check_choice("churn_average", churn_average, ("mean", "pooled"))
    check_choice("exclude_current", exclude_current, (True, False))
    cap = max_lifetime_months
    if cap is not None and (isinstance(cap, bool) or not isinstance(cap, int | float)
                            or not np.isfinite(cap) or cap <= 0):
        raise InvalidParameterError(
            f"max_lifetime_months={cap!r} must be a positive number of months (Stripe uses "
            f"60), or None for no cap."
        )
    if isinstance(window, bool) or not isinstance(window, int | np.integer) or window < 1:
        raise InvalidParameterError(
            f"window={window!r} must be a whole number of months >= 1 (12 averages a year)."
        )
    p = customer_months(frame, customer=customer, month=month, mrr=mrr, by=by,
                        duplicates="sum")
    months = month_index(p.first, p.last)
    span = len(months)
    segments = pd.Index([None]) if by is None else p.segments
    n_seg = len(segments)
    seg = np.zeros(len(p.mrr), dtype=np.int64) if by is None else p.segment.astype(np.int64)
    cell = (p.month - p.first) * n_seg + seg  # months × segments, month-major
    # float even when no customer has MRR > 0 (a bincount of nothing is int)
    total = np.bincount(cell, weights=p.mrr, minlength=span * n_seg).reshape(span, n_seg)
    total = total.astype(np.float64)
    count = np.bincount(cell, minlength=span * n_seg).reshape(span, n_seg)

    # Monthly logo churn counts (÷ customers at the start of the month); month 0 has none.
    churned = np.full((span, n_seg), np.nan)
    start = np.full((span, n_seg), np.nan)
    if span > 1:
        ch = _churn(frame, period="M", by=by, customer_col=customer, month_col=month, mrr_col=mrr)
        for name, target in (("churned", churned), ("start_customers", start)):
            values = ch[name].astype("float64")
            wide = values.to_frame() if by is None else values.unstack(by)
            wide = wide.reindex(index=months)
            if by is not None:
                wide = wide.reindex(columns=segments)
            target[:] = wide.to_numpy()
    rate = np.divide(churned, start, out=np.full_like(churned, np.nan), where=start > 0)
    if churn_average == "mean":
        avg = pd.DataFrame(rate).rolling(window, min_periods=window).mean().to_numpy()
    else:
        lost = pd.DataFrame(churned).rolling(window, min_periods=window).sum().to_numpy()
        base = pd.DataFrame(start).rolling(window, min_periods=window).sum().to_numpy()
        avg = np.divide(lost, base, out=np.full_like(lost, np.nan), where=base > 0)
    if exclude_current:  # the window ends the month before the one reported
        avg = np.vstack([np.full((1, n_seg), np.nan), avg[:-1]])

    arpa = np.divide(total, count, out=np.full_like(total, np.nan), where=count > 0)
    life = np.full_like(avg, np.nan)
    life[avg > 0] = 1.0 / avg[avg > 0]
    if cap is not None:
        life = np.where(avg == 0, float(cap), np.minimum(life, float(cap)))
    defined = np.isfinite(life) & (count > 0)
    value = np.full_like(arpa, np.nan)
    if cap is None:  # divide (not multiply by 1 ÷ churn): the uncapped figures stay exact
        value[defined] = arpa[defined] * margin / avg[defined]
    else:
        value[defined] = arpa[defined] * margin * life[defined]
    young = np.broadcast_to((np.arange(span) < window + int(exclude_current))[:, None],
                            (span, n_seg))
    reason = np.select(
        [count == 0, young, np.isnan(avg), (avg == 0) & (cap is None)],
        ["no_customers", "insufficient_history", "no_churn_base", "zero_churn"],
        default="",
    )
    if by is None:
        index: pd.Index = pd.PeriodIndex(months, name="period")
    else:
        index = pd.MultiIndex.from_product([months, segments], names=["period", by])
    table = pd.DataFrame(
        {
            "customers": count.ravel(),
            "mrr": total.ravel(),
            "arpa": arpa.ravel(),
            "churn_rate": avg.ravel(),
            "churn_window": window,
            "churn_window_excludes_current": bool(exclude_current),
            "lifetime_months": life.ravel(),
            "max_lifetime_months": np.nan if cap is None else float(cap),
            "gross_margin": margin,
            "ltv": value.ravel(),
            "undefined_reason": pd.Series(reason.ravel()).replace("", np.nan).to_numpy(),
        },
        index=index,
    )
    if freq is None:
        last = months[-1]
        if by is None:
            row = table.loc[last]
            if pd.isna(row["ltv"]):
                warnings.warn(
                    f"LTV is undefined in {last}: {row['undefined_reason']} "
                    f"(see the undefined_reason column with period='M').",
                    CskitWarning,
                    stacklevel=caller_stacklevel(),
                )
            return float(row["ltv"])
        out = table.xs(last, level="period")
    elif freq == "M":
        out = table
    else:
        # The value at the last month of each period that ends inside the data.
        per = table.index.get_level_values("period")
        at_end = np.asarray(per.asfreq(freq).asfreq("M", how="end") == per)
        out = table[at_end]
        new_per = out.index.get_level_values("period").asfreq(freq)
        if by is None:
            out.index = pd.PeriodIndex(new_per, name="period")
        else:
            out.index = pd.MultiIndex.from_arrays(
                [new_per, out.index.get_level_values(by)], names=["period", by]
            )
    zero = out["undefined_reason"] == "zero_churn"
    if zero.any():
        shown = ", ".join(
            " ".join(map(str, k)) if isinstance(k, tuple) else str(k)
            for k in out.index[zero.to_numpy()][:5]
        )
        warnings.warn(
            f"LTV is undefined (zero churn in the {window}-month window) for {int(zero.sum())} "
            f"row(s): {shown}. They are NaN with undefined_reason='zero_churn'; a longer "
            f"window or churn_average='pooled' over a larger group may help.",
            CskitWarning,
            stacklevel=caller_stacklevel(),
        )
    return out


def _transactional(
    frame: pd.DataFrame,
    by: str | None,
    margin: float,
    unit: str,
    lifespan: float | None,
    as_of: object,
    same_day: str,
    customer: str,
    date: str,
    amount: str,
) -> pd.DataFrame | float:
    check_choice("unit", unit, tuple(UNIT_DAYS))
    if lifespan is not None and (
        isinstance(lifespan, bool) or not isinstance(lifespan, int | float) or not lifespan > 0
        or not np.isfinite(lifespan)
    ):
        raise InvalidParameterError(
            f"lifespan={lifespan!r} must be a positive number of {unit!r} units, or None to "
            f"measure it as the customers' mean tenure so far."
        )
    occ = occasions(frame, customer=customer, date=date, amount=amount, by=by, unit="D",
                     same_day=same_day, as_of=as_of)
    starts = occ.starts
    sizes = np.diff(np.r_[starts, len(occ.t)])
    revenue_c = np.add.reduceat(occ.value, starts)
    tenure_c = (occ.end - occ.t[starts] + 1) / UNIT_DAYS[unit]  # inclusive of the last day
    seg = np.zeros(len(starts), dtype=np.int64) if by is None else occ.segment[starts]
    n_seg = 1 if by is None else len(occ.segments)
    customers = np.bincount(seg, minlength=n_seg).astype(float)
    orders = np.bincount(seg, weights=sizes, minlength=n_seg)
    revenue = np.bincount(seg, weights=revenue_c, minlength=n_seg)
    tenure = np.bincount(seg, weights=tenure_c, minlength=n_seg)
    with np.errstate(divide="ignore", invalid="ignore"):
        apv = revenue / orders
        frequency = orders / tenure
        life = tenure / customers if lifespan is None else np.full(n_seg, float(lifespan))
    out = pd.DataFrame(
        {
            "customers": customers,
            "orders": orders,
            "revenue": revenue,
            "average_purchase_value": apv,
            "purchase_frequency": frequency,
            "lifespan": life,
            "gross_margin": margin,
        },
        index=pd.Index(occ.segments if by is not None else [None], name=by),
    )
    out["ltv"] = out["average_purchase_value"] * out["purchase_frequency"] * out["lifespan"]
    out["ltv"] *= margin
    if by is None:
        return float(out["ltv"].iloc[0])
    return out[out["customers"] > 0][TRANSACTION_COLUMNS]


def _cohort(
    frame: pd.DataFrame,
    period: str | None,
    by: str | None,
    margin: float,
    customer: str,
    month: str,
    mrr: str,
) -> pd.DataFrame:
    freq = check_period(period) or "M"
    if by is not None:
        raise InvalidParameterError(
            "by= is not supported with model='cohort'; filter the frame to one segment "
            "(e.g. frame[frame['segment'] == 'SMB']) and call it per segment."
        )
    p = customer_months(frame, customer=customer, month=month, mrr=mrr, duplicates="sum")
    if not len(p.mrr):
        raise InvalidValueError(
            f"Column {mrr!r} of the mrr frame has no value above 0, so no customer "
            f"has a cohort. Check the column (amounts may be in another column), or pass "
            f"model='subscription'."
        )
    first_row = np.r_[True, p.customer[1:] != p.customer[:-1]]
    starts = np.flatnonzero(first_row)
    sizes = np.diff(np.r_[starts, len(p.month)])
    start_c = p.month[starts]  # first paying month of each customer
    age = p.month - np.repeat(start_c, sizes)
    cohort_periods = pd.PeriodIndex.from_ordinals(start_c, freq="M").asfreq(freq)
    cohorts, cohort_c = np.unique(cohort_periods.asi8, return_inverse=True)
    max_age_c = p.last - start_c  # last age the data can show for each customer
    n_age = int(max_age_c.max()) + 1
    n_coh = len(cohorts)
    # Customers observed at age k: those whose last observable age is >= k.
    at_max = np.bincount(cohort_c * n_age + max_age_c, minlength=n_coh * n_age)
    observed = at_max.reshape(n_coh, n_age)[:, ::-1].cumsum(axis=1)[:, ::-1]
    # Revenue at age j adds to the cumulative totals of ages j … (its customer's last age).
    row_cohort = np.repeat(cohort_c, sizes)
    row_max = np.repeat(max_age_c, sizes)
    diff = np.bincount(row_cohort * (n_age + 1) + age, weights=p.mrr,
                       minlength=n_coh * (n_age + 1))
    diff -= np.bincount(row_cohort * (n_age + 1) + row_max + 1, weights=p.mrr,
                        minlength=n_coh * (n_age + 1))
    cumulative = diff.reshape(n_coh, n_age + 1).cumsum(axis=1)[:, :n_age]
    revenue = np.bincount(row_cohort * n_age + age, weights=p.mrr, minlength=n_coh * n_age)
    index = pd.MultiIndex.from_product(
        [pd.PeriodIndex.from_ordinals(cohorts, freq=freq), pd.RangeIndex(n_age)],
        names=["cohort", "months_since_start"],
    )
    out = pd.DataFrame(
        {"customers": observed.ravel(), "revenue": revenue, "cumulative_revenue":
         cumulative.ravel()},
        index=index,
    )
    out = out[out["customers"] > 0].copy()
    out["ltv"] = out["cumulative_revenue"] / out["customers"] * margin
    return out[COHORT_COLUMNS]
