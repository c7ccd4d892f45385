"""CAC payback: how many months of gross profit from a customer pay back what winning it cost.

CAC payback (months) = CAC ÷ (monthly revenue per account × gross margin). It answers the
question the "retention cost above acquisition cost" rule tries to answer, without comparing
a running cost with a one-off one: a one-off CAC is set against the monthly gross profit the
customer brings, and the result is a duration that does not change with the length of the
period the numbers were measured over.

The function takes any frame with a CAC column and a monthly-revenue-per-account column, such
as the result of :func:`cskit.metrics.unit_economics` (``cac``, ``arpa``), and returns it with
the gross profit per month and the payback in months. Without ``gross_margin`` the payback is
on revenue (before gross margin), which is shorter than the true payback: say which one you
report.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from cskit._validate import as_number, check_frame, require_columns
from cskit.errors import InvalidParameterError
from cskit.registry import cs_method

TABLE = "unit economics"
COLUMNS = ["cac", "monthly_gross_profit", "payback_months"]


def _check_margin(gross_margin: float | None) -> float:
    if gross_margin is None:
        return 1.0
    ok = (not isinstance(gross_margin, bool) and isinstance(gross_margin, int | float)
          and 0 < float(gross_margin) <= 1)
    if not ok:
        raise InvalidParameterError(
            f"gross_margin={gross_margin!r} must be a fraction in (0, 1], e.g. 0.8 for 80 %; "
            "leave it None for the payback on revenue (before gross margin)."
        )
    return float(gross_margin)


@cs_method(kpi="CAC payback (months)", table=TABLE, requires=("cac", "arpa"))
def cac_payback(
    table: pd.DataFrame,
    *,
    gross_margin: float | None = None,
    cac_col: str = "cac",
    arpa_col: str = "arpa",
) -> pd.DataFrame:
    """Months of gross profit per account needed to recover the cost of acquiring it.

    ``payback_months = cac ÷ (arpa × gross_margin)``. Missing (NaN) where CAC is missing
    (no new customers) or the monthly gross profit is zero or missing.

    Parameters
    ----------
    table : pandas.DataFrame
        One row per period (and segment) with a CAC and a monthly revenue per account, e.g.
        ``costs.cs.unit_economics(mrr=..., period="Y")``. Not modified.
    gross_margin : float, optional
        Fraction of revenue left after the cost of serving it, in (0, 1]. None: 1, the
        payback on revenue (before gross margin).
    cac_col, arpa_col : str
        Column names of the CAC and of the monthly revenue per account.

    Returns
    -------
    pandas.DataFrame
        Same index as ``table``: ``cac, monthly_gross_profit, payback_months``.

    Examples
    --------
    CAC 1,200 and 150 a month per account at an 80 % margin: 1,200 ÷ 120 = 10 months.

    >>> import pandas as pd, cskit
    >>> ue = pd.DataFrame({"cac": [1200.0, 500.0], "arpa": [150.0, 0.0]}, index=["a", "b"])
    >>> ue.cs.cac_payback(gross_margin=0.8)  # doctest: +NORMALIZE_WHITESPACE
          cac  monthly_gross_profit  payback_months
    a  1200.0                 120.0            10.0
    b   500.0                   0.0             NaN
    """
    table = check_frame(table, TABLE)
    require_columns(table, {"cac_col": cac_col, "arpa_col": arpa_col}, TABLE)
    margin = _check_margin(gross_margin)
    spend = as_number(table, cac_col, TABLE, allow_missing=True).to_numpy()
    revenue = as_number(table, arpa_col, TABLE, allow_missing=True).to_numpy()
    profit = revenue * margin
    with np.errstate(divide="ignore", invalid="ignore"):
        months = np.where(profit > 0, spend / np.where(profit > 0, profit, 1.0), np.nan)
    return pd.DataFrame(
        {"cac": spend, "monthly_gross_profit": profit, "payback_months": months},
        index=table.index,
    )[COLUMNS]
