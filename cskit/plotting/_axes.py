"""Axes helpers shared by the plot modules: a fresh or given Axes, date axes, money labels."""

from __future__ import annotations

import matplotlib.dates as mdates
import matplotlib.ticker as mticker
import pandas as pd
from matplotlib.axes import Axes

from cskit._months import parse_month, pick_month
from cskit.errors import InvalidParameterError
from cskit.i18n import t
from cskit.plotting._style import apply_style


def _axes(ax: Axes | None) -> Axes:
    apply_style()
    if ax is None:
        import matplotlib.pyplot as plt

        _, ax = plt.subplots(figsize=(8, 4.5))
    return ax


def _money(value: float) -> str:
    """Short money label: 1,142,506 → '1.14M', 250,400 → '250k', 44,478 → '44.5k', 512 → '512'."""
    size = abs(value)
    if size >= 1e6:
        return f"{value / 1e6:.2f}M"
    if size >= 1e5:
        return f"{value / 1e3:.0f}k"
    if size >= 1e3:
        return f"{value / 1e3:.1f}k"
    return f"{value:.0f}"


class _MonthFormatter(mticker.Formatter):
    """Month ticks in the chosen language: ``May`` / ``5월`` / ``5月``, the year on January
    and on the first tick (``2026-01`` style ticks read the same in every language)."""

    def __call__(self, x: float, pos: int | None = None) -> str:
        when = mdates.num2date(x)
        first = pos == 0
        if when.month == 1 or first:
            return t("axis.tick.year_month", year=when.year, mon=t(f"month.abbr.{when.month}"))
        return t("axis.tick.month", mon=t(f"month.abbr.{when.month}"))


def _date_axis(ax: Axes) -> None:
    """Month labels on a date x axis, in the chosen language (years written on January)."""
    locator = mdates.AutoDateLocator(minticks=4, maxticks=8)
    ax.xaxis.set_major_locator(locator)
    ax.xaxis.set_major_formatter(_MonthFormatter())


def _period_x(index: pd.Index) -> pd.DatetimeIndex:
    """Positions on a date axis for a ``PeriodIndex`` (the first day of each period)."""
    if not isinstance(index, pd.PeriodIndex):
        raise InvalidParameterError(
            f"Expected a result indexed by period (a PeriodIndex), got {type(index).__name__}. "
            f"Compute the metric with period='M' (or 'Q' / 'Y')."
        )
    return index.to_timestamp(how="start")


def _pick_month(index: pd.PeriodIndex, month: object) -> pd.Period:
    """The period of a result to draw: ``month`` if the result has it, else its latest."""
    if index.freqstr == "M":
        return pick_month(month, index)
    if month is None:
        return index[-1]
    wanted = parse_month(month).asfreq(index.freq)
    if wanted not in index:
        raise InvalidParameterError(
            f"month={month!r} is not in the result (it covers {index[0]} to {index[-1]}); "
            f"pick a month in that range."
        )
    return wanted


def _legend_title(column: object) -> str:
    """A legend title for a segment column: the localised word for the usual columns
    (``plan``, ``segment``, ``product``, ``channel``), else the column's own name."""
    from cskit.i18n import EN

    key = f"legend.{column}"
    return t(key) if key in EN else str(column)
