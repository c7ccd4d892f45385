"""Customer lifetime value (CLV / LTV) in its three usual forms.

* ``method="subscription"`` (an ``mrr`` frame): LTV = ARPA × gross margin ÷
  monthly churn rate. ARPA is the month's MRR ÷ paying customers; the churn
  rate is the mean of the monthly logo churn rates (customers at the start of
  the month as denominator, see :func:`cskit.metrics.churn`) over a trailing
  window (12 months by default), so one quiet month does not make LTV explode.
  Both are monthly, so the time units agree. With no churn in the window LTV is
  undefined: the value is NaN and ``undefined_reason`` says why (never ``inf``).
* ``method="transactional"`` (a transactions frame: customer, date, amount):
  LTV = average purchase value × purchase frequency × average lifespan, with
  frequency and lifespan in the same ``unit``. It is a *product*: the 6-metrics
  article's "subtract the frequency" is a translation error.
* ``method="cohort"`` (an ``mrr`` frame): realised LTV, the cumulative revenue
  per customer of each signup cohort after 0, 1, 2, … months. It predicts
  nothing, but needs no churn assumption either.
"""

from __future__ import annotations

import warnings

import numpy as np
import pandas as pd

from cskit._validate import (
    as_datetime,
    as_number,
    check_choice,
    check_frame,
    check_period,
    require_columns,
)
from cskit.errors import CskitWarning, InvalidParameterError, InvalidValueError
from cskit.metrics._panel import customer_months, month_index
from cskit.metrics.churn import churn as _churn
from cskit.registry import cs_method

TRANSACTIONS = "transactions"
SUBSCRIPTION_COLUMNS = [
    "customers", "mrr", "arpa", "churn_rate", "churn_months", "gross_margin", "ltv",
    "undefined_reason",
]
TRANSACTION_COLUMNS = [
    "customers", "orders", "revenue", "average_purchase_value", "purchase_frequency",
    "lifespan", "gross_margin", "ltv",
]
COHORT_COLUMNS = ["customers", "revenue", "cumulative_revenue", "ltv"]
# A year is 365 days (a leap day makes a 0.3 % difference, far below the noise of LTV).
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


@cs_method(kpi="Customer lifetime value (LTV)", table="mrr", requires=("customer_id", "month", "mrr"))
def ltv(
    frame: pd.DataFrame,
    *,
    method: str = "subscription",
    period: str | None = None,
    by: str | None = None,
    window: int = 12,
    gross_margin: float | None = None,
    unit: str = "Y",
    lifespan: float | None = None,
    customer: str = "customer_id",
    month: str = "month",
    mrr: str = "mrr",
    date: str = "date",
    amount: str = "amount",
) -> pd.DataFrame | float:
    """Customer lifetime value: subscription (ARPA ÷ churn), transactional or cohort form.

    Parameters
    ----------
    frame : pandas.DataFrame
        An ``mrr`` frame for ``"subscription"`` and ``"cohort"``; a transactions
        frame (one row per purchase: ``customer``, ``date``, ``amount``) for
        ``"transactional"``.
    method : {"subscription", "transactional", "cohort"}, default "subscription"
    period : {"M", "Q", "Y", None}, default None
        ``"subscription"``: LTV at the last month of each period (``None``: at
        the last month of the data). ``"cohort"``: the signup cohorts' length
        (``None`` is treated as ``"M"``). ``"transactional"``: must be None
        (the whole frame is one observation window).
    by : str, optional
        Segment column (``"subscription"`` and ``"transactional"``).
    window : int, default 12
        ``"subscription"``: months of churn rates averaged. The first
        ``window`` months after the data starts have too little history and
        give NaN with ``undefined_reason="insufficient_history"``.
    gross_margin : float, optional
        Fraction in (0, 1]; multiplies every form (``None`` = revenue LTV).
    unit : {"D", "W", "M", "Q", "Y"}, default "Y"
        ``"transactional"``: the time unit of purchase frequency (purchases per
        customer per unit over the observed span) and of lifespan.
    lifespan : float, optional
        ``"transactional"``: average customer lifespan in ``unit``s. ``None``
        measures it as the mean time from a customer's first to last purchase,
        a lower bound, since customers still buying when the data ends are cut
        off.
    customer, month, mrr, date, amount : str
        Column names (``date`` and ``amount`` for transactions).

    Returns
    -------
    pandas.DataFrame or float
        ``"subscription"``: indexed by ``period`` (and ``by``) with ``customers,
        mrr, arpa, churn_rate, churn_months, gross_margin, ltv,
        undefined_reason`` (``undefined_reason`` is ``"zero_churn"``,
        ``"insufficient_history"`` or ``"no_customers"`` where ``ltv`` is NaN);
        a float when ``period=None`` and not grouped (NaN with a
        :class:`~cskit.errors.CskitWarning` naming the reason).
        ``"transactional"``: a float, or a DataFrame indexed by ``by`` with
        ``customers, orders, revenue, average_purchase_value,
        purchase_frequency, lifespan, gross_margin, ltv``.
        ``"cohort"``: indexed by ``cohort`` and ``months_since_start`` with
        ``customers`` (observed at that age), ``revenue``,
        ``cumulative_revenue`` and ``ltv`` (cumulative revenue per customer);
        ``result["ltv"].unstack()`` is the cohort triangle.

    Examples
    --------
    ARPA 100 and 5 % monthly churn give an LTV of 2,000:

    >>> import pandas as pd, cskit
    >>> mrr = pd.DataFrame({"customer_id": list(range(20)) + list(range(19)),
    ...                     "month": ["2026-01"] * 20 + ["2026-02"] * 19,
    ...                     "mrr": 100.0})
    >>> mrr.cs.ltv(window=1)
    2000.0
    >>> mrr.cs.ltv(window=1, gross_margin=0.8)
    1600.0

    Transactional form: (200 ÷ 4 orders) × (4 orders ÷ 2 customers ÷ 1 year)
    × 0.5 years of mean lifespan:

    >>> orders = pd.DataFrame({"customer_id": ["a", "a", "a", "b"],
    ...     "date": ["2026-01-01", "2026-04-02", "2026-07-02", "2026-12-31"],
    ...     "amount": [50.0, 50.0, 50.0, 50.0]})
    >>> orders.cs.ltv(method="transactional", unit="Y", lifespan=0.5)
    50.0

    Cohort form (realised revenue per customer):

    >>> mrr.cs.ltv(method="cohort")["ltv"].unstack()  # doctest: +NORMALIZE_WHITESPACE
    months_since_start      0      1
    cohort
    2026-01             100.0  195.0
    """
    check_choice("method", method, ("subscription", "transactional", "cohort"))
    margin = _check_margin(gross_margin)
    if method == "subscription":
        return _subscription(frame, period, by, window, margin, customer, month, mrr)
    if method == "cohort":
        return _cohort(frame, period, by, margin, customer, month, mrr)
    if period is not None:
        raise InvalidParameterError(
            f"period={period!r} is not used by method='transactional': the whole frame is one "
            f"observation window. Filter the frame to the window you want, and set the time "
            f"unit of frequency and lifespan with unit='M' / 'Q' / 'Y'."
        )
    return _transactional(frame, by, margin, unit, lifespan, customer, date, amount)


def _subscription(
    frame: pd.DataFrame,
    period: str | None,
    by: str | None,
    window: int,
    margin: float,
    customer: str,
    month: str,
    mrr: str,
) -> pd.DataFrame | float:
    freq = check_period(period)
    if isinstance(window, bool) or not isinstance(window, int | np.integer) or window < 1:
        raise InvalidParameterError(f"window={window!r} must be a whole number of months >= 1.")
    p = customer_months(frame, customer=customer, month=month, mrr=mrr, by=by)
    months = month_index(p.first, p.last)
    span = len(months)
    n_seg = 1 if by is None else len(p.segments)
    seg = np.zeros(len(p.mrr), dtype=np.int64) if by is None else p.segment.astype(np.int64)
    idx = seg * span + (p.month - p.first)
    total = np.bincount(idx, weights=p.mrr, minlength=n_seg * span)
    count = np.bincount(idx, minlength=n_seg * span)
    if by is None:
        index = pd.PeriodIndex(months, name="period")
    else:
        index = pd.MultiIndex.from_product([p.segments, months], names=[by, "period"])
    table = pd.DataFrame({"customers": count, "mrr": total}, index=index)

    # Monthly logo churn (denominator: customers at the start of the month).
    if span > 1:
        ch = _churn(frame, period="M", by=by, customer=customer, month=month, mrr=mrr)
        if by is not None:
            ch = ch.reorder_levels([by, "period"])
        rate = ch["churn_rate"].reindex(index)
    else:
        rate = pd.Series(np.nan, index=index)
    keys = None if by is None else rate.index.get_level_values(by)
    rolled = (
        rate.rolling(window, min_periods=window).mean()
        if by is None
        else rate.groupby(keys, sort=False).transform(
            lambda s: s.rolling(window, min_periods=window).mean()
        )
    )
    table["arpa"] = (table["mrr"] / table["customers"]).where(table["customers"] > 0)
    table["churn_rate"] = rolled
    table["churn_months"] = window
    table["gross_margin"] = margin
    defined = (table["churn_rate"] > 0) & table["arpa"].notna()
    table["ltv"] = (table["arpa"] * margin / table["churn_rate"]).where(defined)
    reason = np.select(
        [table["customers"].to_numpy() == 0, table["churn_rate"].isna().to_numpy(),
         (table["churn_rate"] == 0).to_numpy()],
        ["no_customers", "insufficient_history", "zero_churn"],
        default="",
    )
    table["undefined_reason"] = pd.Series(reason, index=table.index).replace("", np.nan)
    if by is not None:
        table = table.swaplevel().sort_index()
    table = table[SUBSCRIPTION_COLUMNS]
    if freq is None:
        last = months[-1]
        if by is None:
            row = table.loc[last]
            if pd.isna(row["ltv"]):
                warnings.warn(
                    f"LTV is undefined in {last}: {row['undefined_reason']} "
                    f"(see the undefined_reason column with period='M').",
                    CskitWarning,
                    stacklevel=4,
                )
            return float(row["ltv"])
        return table.xs(last, level="period")
    # Value at the last month of each period that ends inside the data.
    per = table.index.get_level_values("period")
    at_end = (per.asfreq(freq).asfreq("M", how="end") == per) if freq != "M" else np.ones(len(per), bool)
    out = table[np.asarray(at_end)]
    new_per = out.index.get_level_values("period").asfreq(freq)
    if by is None:
        out.index = pd.PeriodIndex(new_per, name="period")
    else:
        out.index = pd.MultiIndex.from_arrays(
            [new_per, out.index.get_level_values(by)], names=["period", by]
        )
    return out


def _transactional(
    frame: pd.DataFrame,
    by: str | None,
    margin: float,
    unit: str,
    lifespan: float | None,
    customer: str,
    date: str,
    amount: str,
) -> pd.DataFrame | float:
    check_choice("unit", unit, tuple(UNIT_DAYS))
    check_frame(frame, TRANSACTIONS)
    require_columns(frame, {"customer": customer, "date": date, "amount": amount, "by": by},
                    TRANSACTIONS)
    if lifespan is not None and (isinstance(lifespan, bool) or not isinstance(lifespan, int | float)
                                 or not lifespan > 0):
        raise InvalidParameterError(
            f"lifespan={lifespan!r} must be a positive number of {unit!r} units, or None to "
            f"measure it from first to last purchase."
        )
    dates = as_datetime(frame, date, TRANSACTIONS)
    values = as_number(frame, amount, TRANSACTIONS)
    if frame[customer].isna().any():
        raise InvalidValueError(
            f"Column {customer!r} of the {TRANSACTIONS} frame has "
            f"{int(frame[customer].isna().sum())} missing id(s); drop or fill those rows first."
        )
    days = UNIT_DAYS[unit]
    # The observed span: first to last date in the frame, inclusive of the last day.
    observed = ((dates.max() - dates.min()) / pd.Timedelta(days=1) + 1.0) / days
    work = pd.DataFrame({"c": frame[customer].to_numpy(), "d": dates.to_numpy(),
                         "v": values.to_numpy()})
    if by is not None:
        work["g"] = frame[by].to_numpy()
    per_customer = work.groupby(["c"] + (["g"] if by else []), sort=False).agg(
        first=("d", "min"), last=("d", "max"))
    per_customer["life"] = (per_customer["last"] - per_customer["first"]) / pd.Timedelta(days=1) / days
    keys = ["g"] if by else None

    def summarise(orders: pd.DataFrame, custs: pd.DataFrame) -> dict[str, float]:
        n_c = float(len(custs))
        n_o = float(len(orders))
        rev = float(orders["v"].sum())
        life = float(custs["life"].mean()) if lifespan is None else float(lifespan)
        apv = rev / n_o
        freq_ = n_o / n_c / observed
        return {"customers": n_c, "orders": n_o, "revenue": rev, "average_purchase_value": apv,
                "purchase_frequency": freq_, "lifespan": life, "gross_margin": margin,
                "ltv": apv * freq_ * life * margin}

    if keys is None:
        return float(summarise(work, per_customer)["ltv"])
    orders_g = work.groupby("g", sort=True)
    cust_g = per_customer.reset_index().groupby("g", sort=True)
    out = pd.DataFrame({
        "customers": cust_g.size().astype(float),
        "orders": orders_g.size().astype(float),
        "revenue": orders_g["v"].sum(),
    })
    out["average_purchase_value"] = out["revenue"] / out["orders"]
    out["purchase_frequency"] = out["orders"] / out["customers"] / observed
    out["lifespan"] = cust_g["life"].mean() if lifespan is None else float(lifespan)
    out["gross_margin"] = margin
    out["ltv"] = out["average_purchase_value"] * out["purchase_frequency"] * out["lifespan"] * margin
    out.index.name = by
    return out[TRANSACTION_COLUMNS]


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
            "by= is not supported with method='cohort'; filter the frame to one segment "
            "(e.g. frame[frame['segment'] == 'smb']) and call it per segment."
        )
    p = customer_months(frame, customer=customer, month=month, mrr=mrr)
    first_row = np.r_[True, p.customer[1:] != p.customer[:-1]]
    start = np.repeat(p.month[first_row], np.diff(np.r_[np.flatnonzero(first_row), len(p.month)]))
    age = p.month - start
    start_by_customer = p.month[first_row]
    cohort_periods = pd.PeriodIndex.from_ordinals(start_by_customer, freq="M").asfreq(freq)
    cohorts, cohort_code = np.unique(cohort_periods.asi8, return_inverse=True)
    max_age_c = p.last - start_by_customer  # last observable age of each customer
    n_age = int(max_age_c.max()) + 1
    n_coh = len(cohorts)
    # Customers observed at age k: those with max_age >= k (reverse cumulative count).
    at_max = np.bincount(cohort_code * n_age + max_age_c, minlength=n_coh * n_age).reshape(n_coh, n_age)
    observed = at_max[:, ::-1].cumsum(axis=1)[:, ::-1]
    # Revenue at age j counts in the cumulative total of ages j … max_age of its customer.
    row_cohort = np.repeat(cohort_code, np.diff(np.r_[np.flatnonzero(first_row), len(p.month)]))
    row_max = np.repeat(max_age_c, np.diff(np.r_[np.flatnonzero(first_row), len(p.month)]))
    diff = np.zeros(n_coh * (n_age + 1))
    np.add.at(diff, row_cohort * (n_age + 1) + age, p.mrr)
    np.add.at(diff, row_cohort * (n_age + 1) + row_max + 1, -p.mrr)
    cumulative = diff.reshape(n_coh, n_age + 1).cumsum(axis=1)[:, :n_age]
    revenue = np.bincount(row_cohort * n_age + age, weights=p.mrr, minlength=n_coh * n_age)
    cohort_index = pd.PeriodIndex.from_ordinals(cohorts, freq=freq)
    index = pd.MultiIndex.from_product(
        [pd.PeriodIndex(cohort_index, name="cohort"), pd.RangeIndex(n_age, name="months_since_start")]
    )
    out = pd.DataFrame(
        {"customers": observed.ravel(), "revenue": revenue, "cumulative_revenue": cumulative.ravel()},
        index=index,
    )
    out = out[out["customers"] > 0]
    out["ltv"] = out["cumulative_revenue"] / out["customers"] * margin
    return out[COHORT_COLUMNS]
