"""Plot of one scorecard KPI over time, against its target (for the monthly report)."""

from __future__ import annotations

import math

import pandas as pd
from matplotlib.axes import Axes
from matplotlib.ticker import FuncFormatter, PercentFormatter

from cskit.i18n import t
from cskit.plotting._axes import _axes, _date_axis, _money, _period_x
from cskit.plotting._style import COLORS

__all__ = ["kpi_trend"]


def kpi_trend(
    values: pd.Series,
    *,
    unit: str = "rate",
    target: float | None = None,
    title: str | None = None,
    ax: Axes | None = None,
) -> Axes:
    """A KPI by month as a line, with its target as a dashed horizontal line.

    Parameters
    ----------
    values : pandas.Series
        The KPI by month (a ``PeriodIndex``), e.g. a column of
        :func:`cskit.report.kpi_history`.
    unit : {"rate", "money", "count", "points"}, default "rate"
        How to label the y axis (rates as percentages).
    target : float, optional
        Drawn as a dashed line when given (not NaN).
    title : str, optional
        Default: the series' name.
    ax : matplotlib Axes, optional

    Returns
    -------
    matplotlib Axes
        One line for the KPI, a second (dashed) for the target if any.

    Examples
    --------
    >>> import pandas as pd
    >>> from cskit.plotting import kpi_trend
    >>> s = pd.Series([0.02, 0.03, 0.025], name="Churn",
    ...               index=pd.period_range("2026-08", periods=3, freq="M"))
    >>> ax = kpi_trend(s, target=0.025)
    >>> len(ax.lines), ax.lines[1].get_ydata().tolist()
    (2, [0.025, 0.025])
    """
    ax = _axes(ax)
    x = _period_x(values.index)
    ax.plot(x, values.to_numpy(dtype=float), color=COLORS["line"], marker="o", markersize=3,
            label=str(values.name) if values.name is not None else None)
    if target is not None and not math.isnan(target):
        ax.plot([x[0], x[-1]], [target, target], linestyle="--", color=COLORS["churn"],
                linewidth=1.2, label=t("report.target"))
    if unit == "rate":
        ax.yaxis.set_major_formatter(PercentFormatter(xmax=1.0, decimals=1))
    elif unit == "money":
        ax.yaxis.set_major_formatter(FuncFormatter(lambda v, _: _money(v)))
    ax.set_title(title if title is not None else str(values.name or ""))
    ax.set_xlabel(t("axis.month"))
    _date_axis(ax)
    return ax
