"""Plots of support results: ticket volume, response / resolution time, FCR."""

from __future__ import annotations

import pandas as pd
from matplotlib.axes import Axes

from cskit.errors import InvalidParameterError
from cskit.i18n import t
from cskit.plotting._axes import _axes, _date_axis, _period_x
from cskit.plotting._style import COLORS

__all__ = ["fcr_trend", "response_time_chart", "ticket_volume_chart"]


def _one_series(frame: object, needed: list[str], source: str) -> pd.DataFrame:
    if not isinstance(frame, pd.DataFrame) or any(c not in frame for c in needed):
        raise InvalidParameterError(f"This plot needs the frame from {source}.")
    if isinstance(frame.index, pd.MultiIndex):
        raise InvalidParameterError(
            "This plot draws one series; select one segment first, e.g. "
            "frame.xs('email', level='channel')."
        )
    return frame


def ticket_volume_chart(volume: pd.DataFrame, ax: Axes | None = None) -> Axes:
    """Tickets per period as bars and, when present, tickets per 100 paying accounts as a line.

    Parameters
    ----------
    volume : pandas.DataFrame
        ``tickets.cs.ticket_volume(mrr=mrr)`` (``mrr`` optional).
    ax : matplotlib Axes, optional

    Returns
    -------
    matplotlib Axes
        The bars' Axes; the rate line, if any, is on its twin (right) axis.

    Examples
    --------
    >>> import pandas as pd, cskit
    >>> tickets = pd.DataFrame({"created_at": pd.to_datetime(["2026-09-02", "2026-10-01"])})
    >>> ax = ticket_volume_chart(tickets.cs.ticket_volume())
    >>> [round(p.get_height()) for p in ax.patches]
    [1, 1]
    """
    volume = _one_series(volume, ["tickets"], "tickets.cs.ticket_volume(period='M')")
    x = _period_x(volume.index)
    ax = _axes(ax)
    ax.bar(x, volume["tickets"].to_numpy(dtype=float), width=20, color=COLORS["band"],
           label=t("axis.tickets"))
    ax.set_ylabel(t("axis.tickets"))
    ax.set_xlabel(t("axis.month"))
    ax.set_title(t("title.ticket_volume"))
    _date_axis(ax)
    if "per_100_accounts" in volume:
        twin = ax.twinx()
        twin.plot(x, volume["per_100_accounts"].to_numpy(dtype=float), color=COLORS["churn"],
                  lw=2, label=t("legend.rate"))
        twin.set_ylabel(t("axis.per_100_accounts"))
        twin.set_ylim(bottom=0)
        twin.grid(False)
        handles = ax.get_legend_handles_labels()
        extra = twin.get_legend_handles_labels()
        ax.legend(handles[0] + extra[0], handles[1] + extra[1], frameon=False, loc="upper left")
    return ax


def response_time_chart(result: pd.DataFrame, ax: Axes | None = None) -> Axes:
    """Median, mean and 90th percentile of first response (or resolution) time by period.

    Parameters
    ----------
    result : pandas.DataFrame
        ``tickets.cs.response_time(period="M")`` or ``resolution_time(period="M")``.
    ax : matplotlib Axes, optional

    Returns
    -------
    matplotlib Axes
    """
    result = _one_series(result, ["median", "mean", "p90"],
                         "tickets.cs.response_time(period='M')")
    x = _period_x(result.index)
    ax = _axes(ax)
    ax.plot(x, result["median"].to_numpy(dtype=float), color=COLORS["line"], lw=2,
            label=t("legend.median"))
    ax.plot(x, result["mean"].to_numpy(dtype=float), color=COLORS["churn"], lw=1.5,
            label=t("legend.mean"))
    ax.plot(x, result["p90"].to_numpy(dtype=float), color=COLORS["start"], lw=1, ls="--",
            label=t("legend.p90"))
    ax.set_ylim(bottom=0)
    ax.set_ylabel(t("axis.hours"))
    ax.set_xlabel(t("axis.month"))
    ax.set_title(t("title.response_time"))
    _date_axis(ax)
    ax.legend(frameon=False, loc="upper left")
    return ax


def fcr_trend(result: pd.DataFrame, ax: Axes | None = None) -> Axes:
    """FCR by period with its Wilson interval as a band.

    Parameters
    ----------
    result : pandas.DataFrame
        ``tickets.cs.fcr(period="M")``.
    ax : matplotlib Axes, optional

    Returns
    -------
    matplotlib Axes
    """
    result = _one_series(result, ["fcr", "ci_low", "ci_high"], "tickets.cs.fcr(period='M')")
    x = _period_x(result.index)
    ax = _axes(ax)
    ax.fill_between(x, result["ci_low"].to_numpy(dtype=float),
                    result["ci_high"].to_numpy(dtype=float), color=COLORS["band"], alpha=0.5,
                    lw=0, label=t("legend.interval", level=float(result.attrs.get("confidence", 0.95))))
    ax.plot(x, result["fcr"].to_numpy(dtype=float), color=COLORS["line"], lw=2, marker="o",
            ms=3, label=t("kpi.fcr"))
    ax.yaxis.set_major_formatter(lambda v, _: f"{v:.0%}")
    ax.set_ylabel(t("axis.fcr"))
    ax.set_xlabel(t("axis.month"))
    ax.set_title(t("title.fcr_trend"))
    _date_axis(ax)
    ax.legend(frameon=False, loc="lower left")
    return ax
