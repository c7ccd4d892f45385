"""Plots of survey results: CSAT / CES trends, period-to-period changes, comment themes."""

from __future__ import annotations

import numpy as np
import pandas as pd
from matplotlib.axes import Axes

from cskit.errors import InvalidParameterError
from cskit.i18n import t
from cskit.plotting._axes import _axes, _date_axis, _period_x
from cskit.plotting._style import COLORS

__all__ = ["survey_trend", "theme_bars"]

_MUTED = "#adb5bd"
_STRONG = "#e76f51"


def survey_trend(result: pd.DataFrame, ax: Axes | None = None) -> Axes:
    """CSAT or CES by period as a line with its confidence band; small samples hollow.

    Parameters
    ----------
    result : pandas.DataFrame
        ``surveys.cs.csat(period="M")`` or ``surveys.cs.ces(period="M")``
        (either statistic).
    ax : matplotlib Axes, optional

    Returns
    -------
    matplotlib Axes

    Examples
    --------
    >>> import pandas as pd, cskit
    >>> answers = pd.DataFrame({
    ...     "submitted_at": pd.to_datetime(["2026-09-03"] * 4 + ["2026-10-05"] * 4),
    ...     "score": [5, 4, 2, 4, 5, 5, 5, 1]})
    >>> ax = survey_trend(answers.cs.csat(period="M"))
    >>> ax.lines[0].get_ydata().tolist()
    [0.75, 0.75]
    """
    needed = ["n", "se", "ci_low", "ci_high", "small_sample"]
    kpi = result.attrs.get("kpi") if isinstance(result, pd.DataFrame) else None
    if kpi not in ("csat", "ces") or any(c not in result for c in needed + [kpi]):
        raise InvalidParameterError(
            "survey_trend needs the frame from surveys.cs.csat(period='M') or "
            "surveys.cs.ces(period='M')."
        )
    if isinstance(result.index, pd.MultiIndex):
        raise InvalidParameterError(
            "survey_trend draws one series; select one segment first, e.g. "
            "result.xs('SMB', level='segment')."
        )
    x = _period_x(result.index)
    ax = _axes(ax)
    level = float(result.attrs.get("confidence", 0.95))
    mean = result.attrs.get("stat") == "mean"
    y = result[kpi].to_numpy(dtype=float)
    ax.fill_between(x, result["ci_low"].to_numpy(dtype=float),
                    result["ci_high"].to_numpy(dtype=float), color=COLORS["band"], alpha=0.5,
                    lw=0, label=t("legend.interval", level=level))
    ax.plot(x, y, color=COLORS["line"], lw=2, marker="o", ms=3, label=t(f"kpi.{kpi}"))
    small = result["small_sample"].to_numpy(dtype=bool)
    if small.any():
        ax.plot(x[small], y[small], ls="none", marker="o", ms=7, mfc="white",
                mec=COLORS["line"], label=t("legend.small_sample"))
    ax.set_title(t(f"title.{kpi}_trend", level=level))
    ax.set_ylabel(t(f"axis.{kpi}_{'mean' if mean else 'share'}"))
    ax.set_xlabel(t("axis.month"))
    if not mean:
        ax.yaxis.set_major_formatter(lambda v, _: f"{v:.0%}")
    _date_axis(ax)
    ax.legend(frameon=False, loc="lower left")
    return ax


def theme_bars(result: pd.DataFrame, ax: Axes | None = None, *, group: object = None) -> Axes:
    """Share of comments mentioning each term or theme, as horizontal bars.

    Parameters
    ----------
    result : pandas.DataFrame
        The result of ``surveys.cs.themes(...)``.
    ax : matplotlib Axes, optional
    group : optional
        With a grouped result, the group to draw (default: every group, one
        colour each).

    Returns
    -------
    matplotlib Axes
    """
    if not isinstance(result, pd.DataFrame) or not {"term", "share"} <= set(result.columns):
        raise InvalidParameterError("theme_bars needs the frame from surveys.cs.themes().")
    flat = result.reset_index()
    by = [c for c in flat.columns if c not in result.columns and c != "rank"]
    if group is not None:
        if not by:
            raise InvalidParameterError("group= needs a result computed with by=.")
        flat = flat[flat[by[0]] == group]
        by = []
    ax = _axes(ax)
    palette = ["#e76f51", "#adb5bd", "#2a9d8f", "#1d3557", "#f4a261", "#8ecae6"]
    if by:
        names = list(pd.unique(flat[by[0]]))
        colors = [palette[names.index(g) % len(palette)] for g in flat[by[0]]]
        labels = [f"{term} ({g})" for term, g in zip(flat["term"], flat[by[0]], strict=True)]
    else:
        names, colors, labels = [], [COLORS["line"]] * len(flat), list(flat["term"])
    y = np.arange(len(flat))[::-1]
    ax.barh(y, flat["share"].to_numpy(dtype=float), color=colors)
    ax.set_yticks(y, labels)
    ax.xaxis.set_major_formatter(lambda v, _: f"{v:.0%}")
    ax.set_xlabel(t("axis.share_of_comments"))
    ax.set_title(t("title.themes"))
    if names:
        from matplotlib.patches import Patch

        handles = [Patch(color=palette[i % len(palette)], label=str(name))
                   for i, name in enumerate(names)]
        ax.legend(handles=handles, frameon=False, loc="lower right")
    return ax
