"""Plots of NPS results."""

from __future__ import annotations

import numpy as np
import pandas as pd
from matplotlib.axes import Axes

from cskit._stats import normal_p_value
from cskit.errors import InvalidParameterError
from cskit.i18n import t
from cskit.plotting._axes import _axes, _date_axis, _period_x
from cskit.plotting._style import COLORS

__all__ = ["nps_trend"]


def _level(frame: pd.DataFrame) -> float:
    """Confidence level of the stored interval, read back from its width and ``se``.

    The interval is score ± z·se (clipped to ±100), so where it is not clipped
    z = (ci_high − ci_low) / (2·se). Rounded to whole per cent.
    """
    width = (frame["ci_high"] - frame["ci_low"]).to_numpy(dtype=float)
    se = frame["se"].to_numpy(dtype=float)
    usable = (se > 0) & (frame["ci_low"].to_numpy() > -100) & (frame["ci_high"].to_numpy() < 100)
    if not usable.any():
        return 0.95
    z = float(np.median(width[usable] / (2 * se[usable])))
    return round(1 - float(normal_p_value(z)), 2)


def nps_trend(nps_frame: pd.DataFrame, ax: Axes | None = None) -> Axes:
    """NPS by period as a line, with its confidence interval as a shaded band.

    Parameters
    ----------
    nps_frame : pandas.DataFrame
        The result of ``surveys.cs.nps(period="M")``: indexed by ``period``
        with ``nps, se, ci_low, ci_high`` (in points).
    ax : matplotlib Axes, optional

    Returns
    -------
    matplotlib Axes
        One line (NPS) and one band (the interval); the title names the
        interval's confidence level.

    Examples
    --------
    >>> import pandas as pd, cskit
    >>> from cskit.plotting import nps_trend
    >>> answers = pd.DataFrame({
    ...     "submitted_at": pd.to_datetime(["2026-09-03"] * 4 + ["2026-10-05"] * 4),
    ...     "score": [10, 9, 8, 3, 10, 10, 9, 2]})
    >>> ax = nps_trend(answers.cs.nps(period="M"))
    >>> ax.lines[0].get_ydata().tolist()
    [25.0, 50.0]
    """
    needed = ["nps", "se", "ci_low", "ci_high"]
    if not isinstance(nps_frame, pd.DataFrame) or any(c not in nps_frame for c in needed):
        raise InvalidParameterError(
            "nps_trend needs the frame from surveys.cs.nps(period='M') (columns nps, se, "
            "ci_low, ci_high)."
        )
    if isinstance(nps_frame.index, pd.MultiIndex):
        raise InvalidParameterError(
            "nps_trend draws one series; the NPS frame is split by segment. Select one "
            "segment first, e.g. frame.xs('scale', level='segment')."
        )
    x = _period_x(nps_frame.index)
    ax = _axes(ax)
    level = _level(nps_frame)
    ax.fill_between(
        x,
        nps_frame["ci_low"].to_numpy(dtype=float),
        nps_frame["ci_high"].to_numpy(dtype=float),
        color=COLORS["band"],
        alpha=0.5,
        lw=0,
        label=t("legend.interval", level=level),
    )
    ax.plot(
        x,
        nps_frame["nps"].to_numpy(dtype=float),
        color=COLORS["line"],
        lw=2,
        marker="o",
        ms=3,
        label=t("kpi.nps"),
    )
    ax.set_title(t("title.nps_trend", level=level))
    _date_axis(ax)
    ax.set_xlabel(t("axis.month"))
    ax.set_ylabel(t("axis.nps"))
    ax.legend(frameon=False, loc="lower left")
    return ax
