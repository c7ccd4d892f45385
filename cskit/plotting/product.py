"""Plots of product-analytics retention: the event retention curve and days active per week."""

from __future__ import annotations

import numpy as np
import pandas as pd
from matplotlib.axes import Axes
from matplotlib.ticker import PercentFormatter

from cskit.errors import InvalidParameterError
from cskit.i18n import t
from cskit.plotting._axes import _axes
from cskit.plotting._style import COLORS

__all__ = ["active_days_bars", "event_retention_curve"]


def event_retention_curve(
    result: pd.DataFrame | dict[str, pd.DataFrame],
    ax: Axes | None = None,
    *,
    unit: str = "D",
) -> Axes:
    """Retention by age after the start event, one line per result.

    Parameters
    ----------
    result : pandas.DataFrame or dict of str to DataFrame
        ``events.cs.event_retention()``; a dict draws several (e.g. ``{"on": ...,
        "on or after": ...}``) with their keys as labels.
    ax : matplotlib Axes, optional
    unit : {"D", "W", "M"}, default "D"
        The ``unit`` the results were computed with (labels the x axis).

    Returns
    -------
    matplotlib Axes
        One line per result, in order; y is the retention rate (age 0 = 100 %).

    Examples
    --------
    >>> import pandas as pd, cskit
    >>> from cskit.plotting import event_retention_curve
    >>> ev = pd.DataFrame({"user_id": ["a", "b", "a"], "timestamp": pd.to_datetime(
    ...     ["2026-06-01", "2026-06-01", "2026-06-03"])})
    >>> ax = event_retention_curve(ev.cs.event_retention())
    >>> ax.lines[0].get_ydata().tolist()
    [1.0, 0.0, 0.5]
    """
    series = result if isinstance(result, dict) else {None: result}
    if unit not in ("D", "W", "M"):
        raise InvalidParameterError(f"unit={unit!r} is not one of 'D', 'W', 'M'.")
    ax = _axes(ax)
    colors = (COLORS["line"], COLORS["new"], COLORS["churn"], COLORS["reactivation"])
    for i, (label, frame) in enumerate(series.items()):
        if not isinstance(frame, pd.DataFrame) or "retention" not in frame.columns:
            raise InvalidParameterError(
                "event_retention_curve needs the result of events.cs.event_retention() "
                "(column retention)."
            )
        ax.plot(frame.index.to_numpy(), frame["retention"].to_numpy(), marker="o", ms=3,
                color=colors[i % len(colors)], label=label)
    ax.set_ylim(0, 1.05)
    ax.yaxis.set_major_formatter(PercentFormatter(1.0))
    ax.set_xlabel(t(f"events.axis.age.{unit}"))
    ax.set_ylabel(t("events.axis.retained"))
    ax.set_title(t("events.title.retention"))
    if any(label is not None for label in series):
        ax.legend(frameon=False)
    return ax


def active_days_bars(result: pd.DataFrame, ax: Axes | None = None, *,
                     period: object = None) -> Axes:
    """Share of a week's (or month's) active users by the number of days they were active.

    Parameters
    ----------
    result : pandas.DataFrame
        ``events.cs.active_days()``.
    ax : matplotlib Axes, optional
    period : Period or str, optional
        Which period to draw; default the latest *complete* one.

    Returns
    -------
    matplotlib Axes
        Bars ``share`` by days active, and the line ``share_at_least``.

    Examples
    --------
    >>> import pandas as pd, cskit
    >>> from cskit.plotting import active_days_bars
    >>> ev = pd.DataFrame({"user_id": ["a", "a", "b"], "timestamp": pd.to_datetime(
    ...     ["2026-06-01", "2026-06-02", "2026-06-07"])})
    >>> ax = active_days_bars(ev.cs.active_days())
    >>> [round(float(p.get_height()), 2) for p in ax.patches][:3]
    [0.5, 0.5, 0.0]
    """
    if not isinstance(result, pd.DataFrame) or "share" not in result.columns or not (
            isinstance(result.index, pd.MultiIndex)):
        raise InvalidParameterError(
            "active_days_bars needs the result of events.cs.active_days() (columns users, share)."
        )
    periods = result.index.get_level_values("period")
    if period is None:
        done = periods[result["complete"].to_numpy()]
        chosen = done[-1] if len(done) else periods[-1]
    else:
        chosen = pd.Period(period, freq=periods.freq)
        if chosen not in set(periods):
            raise InvalidParameterError(
                f"period={period!r} is not in the result (periods {periods[0]} to {periods[-1]})."
            )
    rows = result[np.asarray(periods == chosen)]
    days = rows.index.get_level_values("days_active").to_numpy()
    ax = _axes(ax)
    ax.bar(days, rows["share"].to_numpy(), color=COLORS["new"], width=0.7)
    ax.plot(days, rows["share_at_least"].to_numpy(), color=COLORS["line"], marker="o", ms=3,
            label=t("events.at_least"))
    kind = "W" if periods.freqstr.startswith("W") else "M"
    name = t(f"events.period.{kind}")
    ax.set_xticks(days)
    ax.set_ylim(0, 1.05)
    ax.yaxis.set_major_formatter(PercentFormatter(1.0))
    ax.set_xlabel(t("events.axis.days_active", period=name))
    ax.set_ylabel(t("events.axis.share_users"))
    ax.set_title(t("events.title.active_days", period=name, label=str(chosen)))
    ax.legend(frameon=False)
    return ax
