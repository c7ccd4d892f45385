"""Revenue retention (NRR / GRR) and the SaaS quick ratio.

* **NRR / GRR** – the customers paying at the start of a window and their MRR
  at its end; new business and reactivation are excluded.
  ``NRR = (start + expansion − contraction − churn) ÷ start`` and
  ``GRR = (start − contraction − churn) ÷ start``; each customer's retained
  MRR is capped at its start MRR for GRR, so GRR is never above 100 %.
  ``window=1`` is the monthly form, ``window=12`` the trailing-twelve-month
  (year-over-year) form that benchmarks quote.
* **Quick ratio** – ``(new + expansion + reactivation) ÷ (contraction + churn)``.

Rates are fractions (1.05 = 105 %).
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from cskit._conventions import with_convention
from cskit._validate import check_choice, check_period
from cskit.errors import InvalidParameterError
from cskit.metrics._gaps import flag_gaps
from cskit.metrics._kernels import window_sums
from cskit.metrics._panel import customer_months
from cskit.metrics._retention_common import (
    FLOW_COLUMNS,
    REQUIRES,
    TABLE,
    bins,
    check_window,
    end_months,
    label_table,
    segments,
    window_flows,
)
from cskit.metrics.mrr import mrr_movements
from cskit.registry import cs_method


def _retention(
    frame: pd.DataFrame,
    *,
    period: str | None,
    window: int | None,
    reactivated: str,
    by: str | None,
    customer_col: str,
    month_col: str,
    mrr_col: str,
) -> tuple[pd.DataFrame, str | None]:
    freq = check_period(period)
    check_choice("reactivated", reactivated, ("exclude", "count"))
    p = customer_months(frame, customer=customer_col, month=month_col, mrr=mrr_col, by=by,
                        duplicates="sum")
    span = p.last - p.first + 1
    w = check_window(window, span, freq)
    seg, n_seg = segments(p)
    size = n_seg * span
    if reactivated == "exclude":  # block-parallel (cskit.metrics._kernels)
        sums = window_sums(p, w, grouped=p.segment is not None)
    else:
        flows = window_flows(p, w, reactivated)
        # Rows whose window ends after the data go to a spare bin (no masked copies).
        target = p.month - p.first + w
        cell = np.where(target <= span - 1, seg * span + target, size)
        sums = {
            "start_customers": bins(cell, size + 1)[:size],
            "retained_customers": bins(cell, size + 1, flows["found"].astype(np.float64))[:size],
            **{k: bins(cell, size + 1, flows[k])[:size]
               for k in ("start", "expansion", "contraction", "churn", "end")},
        }
    ends, periods = end_months(p, freq, w)
    if len(ends) == 0:
        raise InvalidParameterError(
            f"No whole {freq or 'M'!r} period with a {w}-month window in the data; use a shorter "
            f"window or period, or more history."
        )
    values = {k: v.reshape(n_seg, span)[:, ends].ravel() for k, v in sums.items()}
    table = label_table(periods, p.segments, by, values)
    for col in ("start_customers", "retained_customers"):
        table[col] = table[col].astype(np.int64)
    start = table["start"]
    kept = start - table["contraction"] - table["churn"]
    table["nrr"] = ((kept + table["expansion"]) / start).where(start > 0)
    # min(end, start) per customer summed: at most the start MRR.
    table["grr"] = np.minimum(kept / start, 1.0).where(start > 0)
    table.attrs = {}
    return flag_gaps(table, p.empty_months, window=w), freq


def _finish(table: pd.DataFrame, freq: str | None, by: str | None, column: str):
    table = table.copy()
    kept = table["start"] - table["contraction"] - table["churn"]
    table["numerator"] = kept + table["expansion"] if column == "nrr" else kept
    table["denominator"] = table["start"]
    out = table[FLOW_COLUMNS + ["numerator", "denominator", column]
                + (["data_gap"] if "data_gap" in table.columns else [])]
    if freq is None:
        if by is None:
            return float(out[column].iloc[-1])
        latest = out.index.get_level_values("period")[-1]
        return out.xs(latest, level="period")
    return out


_RETENTION_PARAMS = """
    Parameters
    ----------
    frame : pandas.DataFrame
        An ``mrr`` frame (``customer_id, month, mrr``).
    period : {"M", "Q", "Y", None}, default "M"
        Each period is reported with the window that ends at its last month.
        ``None`` returns the latest month's value as one number.
    window : int, optional
        Months between the start and the end of the window. Default: the
        length of ``period`` (1 for months and ``None``, 3 for quarters, 12 for
        years). ``window=12`` with ``period="M"`` gives the trailing-twelve-month
        (year-over-year) figure at every month end, the form benchmarks quote.
    reactivated : {"exclude", "count"}, default "exclude"
        A customer paying at the start of the window who stops during it and is
        back by its end: ``"exclude"`` counts it as churned (its return is
        reactivation, which retention leaves out); ``"count"`` keeps its MRR at
        the end. Irrelevant for ``window=1``.
    by : str, optional
        Segment column; a customer belongs to its segment at the window start.
    customer_col, month_col, mrr_col : str
        Column names.
"""

def _fill_doc(func):
    """Put the shared parameter text into ``func``'s docstring (before registration,
    so ``df.cs.<name>`` shows the same docstring)."""
    func.__doc__ = func.__doc__.replace("{params}", _RETENTION_PARAMS)
    return func



@cs_method(kpi="Net revenue retention (NRR)", table=TABLE, requires=REQUIRES)
@with_convention("nrr")
@_fill_doc
def nrr(
    frame: pd.DataFrame,
    *,
    period: str | None = "M",
    window: int | None = None,
    reactivated: str = "exclude",
    by: str | None = None,
    customer_col: str = "customer_id",
    month_col: str = "month",
    mrr_col: str = "mrr",
) -> pd.DataFrame | float:
    """Net revenue (dollar) retention: what the customers at the start pay at the end.

    NRR = (start MRR + expansion − contraction − churn) ÷ start MRR, over the
    customers paying at the start of the window; customers who join (new
    business) or come back (reactivation) during it are left out. Above 100 %,
    the existing base grows on its own.
    {params}
    Returns
    -------
    pandas.DataFrame or float
        Indexed by ``period`` (and ``by``): ``start_customers``,
        ``retained_customers``, ``start`` (their MRR at the window start),
        ``expansion``, ``contraction``, ``churn``, ``end`` (their MRR at the
        window end), ``numerator`` (start + expansion − contraction − churn),
        ``denominator`` (= ``start``) and ``nrr``. A float with ``period=None``.
        A month without a single row inside the data's span adds a boolean
        ``data_gap`` column flagging the periods it feeds (with a warning).

    Examples
    --------
    Start MRR 100; one customer expands by 10, one contracts by 10, one
    churns 10: (100 + 10 − 10 − 10) ÷ 100 = 0.9. The newcomer d is left out.

    >>> import pandas as pd, cskit
    >>> df = pd.DataFrame({
    ...     "customer_id": ["a", "b", "c", "e", "a", "b", "e", "d"],
    ...     "month": ["2026-01"] * 4 + ["2026-02"] * 4,
    ...     "mrr": [40.0, 30.0, 10.0, 20.0, 50.0, 20.0, 20.0, 99.0]})
    >>> df.cs.nrr(period=None)
    0.9
    >>> df.cs.nrr()[["start", "expansion", "contraction", "churn", "end", "nrr"]]
    ... # doctest: +NORMALIZE_WHITESPACE
             start  expansion  contraction  churn   end  nrr
    period
    2026-02  100.0       10.0         10.0   10.0  90.0  0.9
    """
    table, freq = _retention(frame, period=period, window=window, reactivated=reactivated,
                             by=by, customer_col=customer_col, month_col=month_col,
                             mrr_col=mrr_col)
    return _finish(table, freq, by, "nrr")


@cs_method(kpi="Gross revenue retention (GRR)", table=TABLE, requires=REQUIRES)
@with_convention("grr")
@_fill_doc
def grr(
    frame: pd.DataFrame,
    *,
    period: str | None = "M",
    window: int | None = None,
    reactivated: str = "exclude",
    by: str | None = None,
    customer_col: str = "customer_id",
    month_col: str = "month",
    mrr_col: str = "mrr",
) -> pd.DataFrame | float:
    """Gross revenue retention: the share of the starting MRR kept, expansion ignored.

    GRR = (start MRR − contraction − churn) ÷ start MRR over the customers
    paying at the start of the window; it is never above 100 % (each
    customer's MRR at the end counts up to its MRR at the start) and never
    above NRR.
    {params}
    Returns
    -------
    pandas.DataFrame or float
        The columns of :func:`nrr` with ``grr`` instead of ``nrr``; ``numerator``
        is start − contraction − churn.
        A month without a single row inside the data's span adds a boolean
        ``data_gap`` column flagging the periods it feeds (with a warning).

    Examples
    --------
    >>> import pandas as pd, cskit
    >>> df = pd.DataFrame({
    ...     "customer_id": ["a", "b", "c", "e", "a", "b", "e", "d"],
    ...     "month": ["2026-01"] * 4 + ["2026-02"] * 4,
    ...     "mrr": [40.0, 30.0, 10.0, 20.0, 50.0, 20.0, 20.0, 99.0]})
    >>> df.cs.grr(period=None)  # (100 - 10 - 10) / 100
    0.8
    """
    table, freq = _retention(frame, period=period, window=window, reactivated=reactivated,
                             by=by, customer_col=customer_col, month_col=month_col,
                             mrr_col=mrr_col)
    return _finish(table, freq, by, "grr")


@cs_method(kpi="SaaS quick ratio", table=TABLE, requires=REQUIRES)
@with_convention("quick_ratio")
def quick_ratio(
    frame: pd.DataFrame,
    *,
    period: str | None = "M",
    include_reactivation: bool = True,
    by: str | None = None,
    customer_col: str = "customer_id",
    month_col: str = "month",
    mrr_col: str = "mrr",
) -> pd.DataFrame | float:
    """SaaS quick ratio: MRR gained for each unit of MRR lost.

    quick ratio = (new + expansion + reactivation) ÷ (contraction + churn).
    Above 1 the MRR grows; 4 is the usual mark of efficient growth. It is
    undefined (NaN, not infinite) in a period that lost nothing.

    Parameters
    ----------
    frame : pandas.DataFrame
        An ``mrr`` frame.
    period : {"M", "Q", "Y", None}, default "M"
        Flows are summed over the period (whole periods only, see
        :func:`cskit.metrics.mrr_movements`). ``None`` sums every month after
        the first into one ratio.
    include_reactivation : bool, default True
        Count returning customers' MRR as gained. ``False`` leaves it out of
        the numerator (it is still not a loss).
    by : str, optional
        Segment column (see :func:`cskit.metrics.mrr_movements`).
    customer_col, month_col, mrr_col : str
        Column names.

    Returns
    -------
    pandas.DataFrame or float
        Indexed by ``period`` (and ``by``): ``new, expansion, reactivation,
        contraction, churn, gained, lost, numerator`` (= ``gained``), ``denominator``
        (= ``lost``) and ``quick_ratio``; a float with
        ``period=None`` when not grouped.
        A month without a single row inside the data's span adds a boolean
        ``data_gap`` column flagging the periods it feeds (with a warning).

    Examples
    --------
    >>> import pandas as pd, cskit
    >>> df = pd.DataFrame({
    ...     "customer_id": ["a", "b", "c", "a", "c", "d", "e"],
    ...     "month": ["2026-01"] * 3 + ["2026-02"] * 4,
    ...     "mrr": [100.0, 50.0, 50.0, 130.0, 40.0, 60.0, 10.0]})
    >>> df.cs.quick_ratio(period=None)  # (70 new + 30 expansion) / (10 + 50)
    1.6666666666666667
    """
    if not isinstance(include_reactivation, (bool, np.bool_)):
        raise InvalidParameterError(
            f"include_reactivation={include_reactivation!r} must be True or False."
        )
    freq = check_period(period)
    moves = mrr_movements(frame, period=freq or "M", by=by, customer_col=customer_col,
                          month_col=month_col, mrr_col=mrr_col)
    flows = ["new", "expansion", "reactivation", "contraction", "churn"]
    if freq is None:
        if by is None:
            moves = moves[flows].sum().to_frame().T
        else:
            moves = moves.groupby(level=by, sort=True)[flows].sum()
    table = moves[flows].copy()
    table["gained"] = table["new"] + table["expansion"]
    if include_reactivation:
        table["gained"] = table["gained"] + table["reactivation"]
    table["lost"] = table["contraction"] + table["churn"]
    table["numerator"] = table["gained"]
    table["denominator"] = table["lost"]
    table["quick_ratio"] = (table["gained"] / table["lost"]).where(table["lost"] > 0)
    if "data_gap" in moves.columns and freq is not None:
        table["data_gap"] = moves["data_gap"]
    if freq is None and by is None:
        return float(table["quick_ratio"].iloc[0])
    return table
