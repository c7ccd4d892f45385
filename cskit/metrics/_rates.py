"""The churn rate's denominator, shared by the panel churn and the churn from lines."""

from __future__ import annotations

import pandas as pd


def add_churn_rate(table: pd.DataFrame, denominator: str) -> None:
    """Add ``numerator`` (``churned``), ``denominator`` and ``churn`` (their ratio; NaN at 0).

    ``denominator``: ``"start"`` customers, the ``"average"`` of start and end, or
    ``"start_plus_new"``. ``table`` needs ``start_customers``, ``end_customers``,
    ``new_customers`` and ``churned``.

    >>> t = pd.DataFrame({"start_customers": [20, 0], "end_customers": [22, 0],
    ...                   "new_customers": [5, 0], "churned": [3, 0]})
    >>> add_churn_rate(t, "start_plus_new")
    >>> t["churn"].tolist()
    [0.12, nan]
    """
    if denominator == "start":
        denom = table["start_customers"].astype("float64")
    elif denominator == "average":
        denom = (table["start_customers"] + table["end_customers"]) / 2.0
    else:
        denom = (table["start_customers"] + table["new_customers"]).astype("float64")
    table["numerator"] = table["churned"]
    table["denominator"] = denom
    table["churn"] = (table["churned"] / denom).where(denom > 0)
