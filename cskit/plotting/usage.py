"""Plots of product-usage results: DAU/WAU/MAU, stickiness, sessions, feature adoption."""

from __future__ import annotations

from collections.abc import Mapping

import numpy as np
import pandas as pd
from matplotlib.axes import Axes
from matplotlib.ticker import PercentFormatter

from cskit.errors import InvalidParameterError
from cskit.i18n import t
from cskit.plotting._axes import _axes, _date_axis, _period_x, _pick_month
from cskit.plotting._style import COLORS

__all__ = ["active_users_trend", "feature_adoption_bars", "session_histogram", "stickiness_trend"]

_LINE_STYLES = ("-", "--", ":", "-.")


def _need(frame: object, columns: tuple[str, ...], what: str, how: str) -> pd.DataFrame:
    if not isinstance(frame, pd.DataFrame) or any(c not in frame.columns for c in columns):
        raise InvalidParameterError(f"{what} needs the result of {how} (columns {', '.join(columns)}).")
    if isinstance(frame.index, pd.MultiIndex):
        raise InvalidParameterError(
            f"{what} draws one series; the result is split by segment. Select one segment "
            f"first, e.g. result.xs('SMB', level='segment')."
        )
    return frame


def active_users_trend(result: pd.DataFrame, ax: Axes | None = None, *, ratio: bool = True) -> Axes:
    """DAU, WAU and MAU per day, with DAU/MAU on a second axis.

    Parameters
    ----------
    result : pandas.DataFrame
        ``events.cs.active_users()`` (daily, not split by segment).
    ax : matplotlib Axes, optional
    ratio : bool, default True
        Also draw DAU/MAU (dashed, right-hand percentage axis). The days whose
        trailing window is incomplete are shaded.

    Returns
    -------
    matplotlib Axes
        The left axes: lines DAU, WAU, MAU in that order (the ratio line sits
        on a twin axes, ``ax.right_ax``).

    Examples
    --------
    >>> import pandas as pd, cskit
    >>> from cskit.plotting import active_users_trend
    >>> ev = pd.DataFrame({"user_id": [1, 2, 1], "timestamp": pd.to_datetime(
    ...     ["2026-10-01", "2026-10-01", "2026-10-03"])})
    >>> ax = active_users_trend(ev.cs.active_users(window=2))
    >>> [line.get_ydata().tolist() for line in ax.lines]
    [[2, 0, 1], [2, 2, 2], [2, 2, 1]]
    """
    result = _need(result, ("dau", "wau", "mau"), "active_users_trend",
                   "events.cs.active_users()")
    if not isinstance(result.index, pd.DatetimeIndex):
        raise InvalidParameterError(
            "active_users_trend draws daily values; pass events.cs.active_users(freq='D')."
        )
    ax = _axes(ax)
    x = result.index
    for col, color, width in (("dau", COLORS["new"], 0.8), ("wau", COLORS["reactivation"], 1.4),
                              ("mau", COLORS["line"], 1.8)):
        ax.plot(x, result[col].to_numpy(), label=t(f"usage.{col}"), color=color, lw=width)
    if "complete" in result.columns and not result["complete"].all():
        partial = x[~result["complete"].to_numpy()]
        ax.axvspan(partial[0], partial[-1], color=COLORS["band"], alpha=0.3, lw=0,
                   label=t("usage.incomplete_window"))
    top = float(result["mau"].max()) if len(result) else 0.0
    ax.set_ylim(0, max(top, 1.0) * 1.35)  # room for the legend above the lines
    ax.set_ylabel(t("usage.axis.users"))
    ax.set_xlabel(t("usage.axis.date"))
    ax.set_title(t("usage.title.active_users"))
    _date_axis(ax)
    handles, labels = ax.get_legend_handles_labels()
    if ratio and "dau_mau" in result.columns:
        right = ax.twinx()
        (line,) = right.plot(x, result["dau_mau"].to_numpy(dtype=float), color=COLORS["churn"],
                             lw=1.0, ls="--", label=t("usage.dau_mau"))
        shown = result["dau_mau"]
        if "complete" in result.columns and result["complete"].any():
            shown = shown[result["complete"].to_numpy()]  # early days reach 100 %: off scale
        top = float(np.nanmax(shown.to_numpy(dtype=float))) if shown.notna().any() else 0.0
        right.set_ylim(0, max(top, 0.01) * 1.4)
        right.yaxis.set_major_formatter(PercentFormatter(1.0, decimals=0))
        right.set_ylabel(t("usage.dau_mau"))
        right.grid(False)
        handles.append(line)
        labels.append(line.get_label())
        ax.right_ax = right  # type: ignore[attr-defined]
    ax.legend(handles, labels, frameon=False, loc="upper left", fontsize=9, ncol=3)
    return ax


def stickiness_trend(
    results: pd.DataFrame | Mapping[str, pd.DataFrame], ax: Axes | None = None
) -> Axes:
    """Stickiness per period: one line, or one per labelled result (to compare definitions).

    Parameters
    ----------
    results : pandas.DataFrame or dict of str to DataFrame
        ``events.cs.stickiness(period="M")``, or e.g. ``{"any event": ...,
        "created a report": ...}``: the keys are the legend's labels.
    ax : matplotlib Axes, optional

    Returns
    -------
    matplotlib Axes
        One line per result on a percentage axis.

    Examples
    --------
    >>> import pandas as pd, cskit
    >>> from cskit.plotting import stickiness_trend
    >>> ev = pd.DataFrame({"user_id": list(range(10)) + [0] * 6,
    ...     "timestamp": pd.Timestamp("2026-10-01")
    ...                  + pd.to_timedelta([0] * 10 + [1, 2, 3, 4, 5, 6], unit="D")})
    >>> ax = stickiness_trend(ev.cs.stickiness(period="M"))
    >>> [round(float(v), 3) for v in ax.lines[0].get_ydata()]
    [0.229]
    """
    named = {t("usage.stickiness"): results} if isinstance(results, pd.DataFrame) else results
    if not named:
        raise InvalidParameterError("stickiness_trend needs at least one stickiness result.")
    ax = _axes(ax)
    for i, (name, frame) in enumerate(named.items()):
        frame = _need(frame, ("stickiness",), "stickiness_trend",
                      "events.cs.stickiness(period='M')")
        ax.plot(_period_x(frame.index), frame["stickiness"].to_numpy(dtype=float), label=str(name),
                lw=1.8, ls=_LINE_STYLES[i % len(_LINE_STYLES)], marker="o", ms=3)
    ax.set_ylim(bottom=0)
    ax.yaxis.set_major_formatter(PercentFormatter(1.0, decimals=0))
    ax.set_ylabel(t("usage.kpi.stickiness"))
    ax.set_xlabel(t("axis.month"))
    ax.set_title(t("usage.title.stickiness"))
    _date_axis(ax)
    if len(named) > 1:
        ax.legend(frameon=False)
    return ax


def session_histogram(
    sessions: pd.DataFrame, ax: Axes | None = None, *, max_minutes: float = 60.0, bins: int = 60
) -> Axes:
    """How long sessions last: a histogram in minutes, with the mean and the median.

    Parameters
    ----------
    sessions : pandas.DataFrame
        ``events.cs.sessions()`` (one row per session with ``duration_s``).
    ax : matplotlib Axes, optional
    max_minutes : float, default 60
        Longer sessions are gathered in the last bin (the mean and median use
        every session).
    bins : int, default 60

    Returns
    -------
    matplotlib Axes
        The bars, then two vertical lines: mean (solid) and median (dashed).

    Examples
    --------
    >>> import pandas as pd
    >>> from cskit.plotting import session_histogram
    >>> s = pd.DataFrame({"duration_s": [60.0, 120.0, 540.0]})  # 1, 2 and 9 minutes
    >>> ax = session_histogram(s, max_minutes=10, bins=10)
    >>> [float(line.get_xdata()[0]) for line in ax.lines]
    [4.0, 2.0]
    """
    sessions = _need(sessions, ("duration_s",), "session_histogram", "events.cs.sessions()")
    if max_minutes <= 0 or bins < 1:
        raise InvalidParameterError("max_minutes must be > 0 and bins >= 1.")
    minutes = sessions["duration_s"].to_numpy(dtype=float) / 60.0
    minutes = minutes[np.isfinite(minutes)]
    if len(minutes) == 0:
        raise InvalidParameterError("session_histogram got no session with a duration.")
    ax = _axes(ax)
    ax.hist(np.clip(minutes, 0, max_minutes), bins=bins, range=(0, max_minutes),
            color=COLORS["band"], edgecolor="white", lw=0.3)
    mean, median = float(minutes.mean()), float(np.median(minutes))
    ax.axvline(mean, color=COLORS["line"], lw=1.6,
               label=t("usage.mean_minutes", value=f"{mean:.1f}"))
    ax.axvline(median, color=COLORS["churn"], lw=1.6, ls="--",
               label=t("usage.median_minutes", value=f"{median:.1f}"))
    ax.set_xlabel(t("usage.axis.minutes", limit=f"{max_minutes:g}"))
    ax.set_ylabel(t("usage.axis.sessions"))
    ax.set_title(t("usage.title.sessions"))
    ax.legend(frameon=False)
    return ax


def feature_adoption_bars(
    result: pd.DataFrame, period: str | pd.Period | None = None, ax: Axes | None = None
) -> Axes:
    """Adoption of each feature in one period, as horizontal bars (highest on top).

    Parameters
    ----------
    result : pandas.DataFrame
        ``events.cs.feature_adoption(features=[...])`` (by period, or with ``period=None``).
    period : str or Period, optional
        The period to draw ("2026-10"); the last one by default.
    ax : matplotlib Axes, optional

    Returns
    -------
    matplotlib Axes
        One bar per feature, annotated with its share.

    Examples
    --------
    >>> import pandas as pd, cskit
    >>> from cskit.plotting import feature_adoption_bars
    >>> ev = pd.DataFrame({"account_id": ["a", "a", "b", "c"],
    ...     "timestamp": pd.to_datetime(["2026-10-01"] * 4),
    ...     "event": ["login", "report", "login", "report"]})
    >>> ax = feature_adoption_bars(ev.cs.feature_adoption(features=["report", "export"]))
    >>> [round(float(p.get_width()), 3) for p in ax.patches]
    [0.0, 0.667]
    """
    if not isinstance(result, pd.DataFrame) or "feature_adoption" not in result.columns:
        raise InvalidParameterError(
            "feature_adoption_bars needs the result of events.cs.feature_adoption(features=[...])."
        )
    if isinstance(result.index, pd.MultiIndex):
        periods = result.index.get_level_values("period").unique()
        chosen = _pick_month(pd.PeriodIndex(periods), period)
        rows = result.xs(chosen, level="period")
        title = t("usage.title.adoption_in", period=str(chosen))
    else:
        rows = result
        title = t("usage.title.adoption")
    rows = rows.sort_values("feature_adoption")
    ax = _axes(ax)
    y = np.arange(len(rows))
    ax.barh(y, rows["feature_adoption"].to_numpy(dtype=float), color=COLORS["new"], height=0.6)
    ax.set_yticks(y, [str(v) for v in rows.index])
    for yi, v in zip(y, rows["feature_adoption"].to_numpy(dtype=float), strict=True):
        ax.annotate(f"{v:.0%}", (v, yi), xytext=(3, 0), textcoords="offset points",
                    va="center", fontsize=9)
    ax.set_xlim(0, 1.08)
    ax.xaxis.set_major_formatter(PercentFormatter(1.0, decimals=0))
    ax.set_xlabel(t("usage.axis.adoption"))
    ax.set_title(title)
    ax.grid(axis="y", visible=False)
    return ax
