"""Plots of MRR results: the month's movement waterfall and the MRR trend."""

from __future__ import annotations

import numpy as np
import pandas as pd
from matplotlib.axes import Axes
from matplotlib.ticker import FuncFormatter

from cskit.errors import InvalidParameterError
from cskit.i18n import t
from cskit.plotting._axes import _axes, _date_axis, _legend_title, _money, _period_x, _pick_month
from cskit.plotting._style import COLORS

__all__ = ["mrr_trend", "mrr_waterfall"]

#: Order of the floating bars: money coming in, then money going out.
WATERFALL_ORDER = ("new", "expansion", "reactivation", "contraction", "churn")
_UP = {"new", "expansion", "reactivation"}


def mrr_waterfall(
    movements: pd.DataFrame,
    month: str | pd.Period | None = None,
    ax: Axes | None = None,
    *,
    zoom: bool = True,
) -> Axes:
    """Waterfall of one month's MRR: start, each movement, end.

    Parameters
    ----------
    movements : pandas.DataFrame
        The result of ``mrr.cs.mrr_movements()`` (not grouped with ``by``):
        indexed by ``period`` with ``start, new, expansion, contraction, churn,
        reactivation, end``.
    month : str or Period, optional
        The row to draw (``"2026-09"``); the last row by default.
    ax : matplotlib Axes, optional
    zoom : bool, default True
        Movements are a few per cent of MRR; by default the value axis starts
        just below the lowest level so they are visible (the start and end bars
        are then cut, and their values are written on them). ``False`` starts it at 0.

    Returns
    -------
    matplotlib Axes
        Bars in order start, new, expansion, reactivation, contraction, churn,
        end; rising movements float up from the running level, falling ones
        hang down from it; each bar is annotated with its amount.

    Examples
    --------
    >>> import pandas as pd, cskit
    >>> from cskit.plotting import mrr_waterfall
    >>> moves = pd.DataFrame(
    ...     {"start": [100.0], "new": [30.0], "expansion": [20.0], "contraction": [5.0],
    ...      "churn": [15.0], "reactivation": [0.0], "end": [130.0]},
    ...     index=pd.PeriodIndex(["2026-10"], freq="M", name="period"))
    >>> ax = mrr_waterfall(moves)
    >>> [float(p.get_height()) for p in ax.patches]
    [100.0, 30.0, 20.0, 0.0, 5.0, 15.0, 130.0]
    """
    if isinstance(movements.index, pd.MultiIndex):
        raise InvalidParameterError(
            "mrr_waterfall draws one company-wide month; the movements are split by segment. "
            "Select one segment first, e.g. moves.xs('scale', level='plan')."
        )
    missing = [c for c in ("start", *WATERFALL_ORDER, "end") if c not in movements.columns]
    if missing:
        raise InvalidParameterError(
            f"The movements frame lacks {', '.join(map(repr, missing))}; pass the result of "
            f"mrr.cs.mrr_movements()."
        )
    index = movements.index
    if not isinstance(index, pd.PeriodIndex):
        _period_x(index)  # raises the explanation
    chosen = _pick_month(index, month)
    row = movements.loc[chosen]
    ax = _axes(ax)

    labels = [t("move.start")]
    bottoms = [0.0]
    heights = [float(row["start"])]
    colors = [COLORS["start"]]
    level = float(row["start"])
    levels = [level]
    for name in WATERFALL_ORDER:
        amount = float(row[name])
        if name in _UP:
            bottoms.append(level)
            level += amount
        else:
            level -= amount
            bottoms.append(level)
        heights.append(amount)
        labels.append(t(f"move.{name}"))
        colors.append(COLORS[name])
        levels.append(level)
    labels.append(t("move.end"))
    bottoms.append(0.0)
    heights.append(float(row["end"]))
    colors.append(COLORS["end"])

    x = np.arange(len(heights))
    bars = ax.bar(x, heights, bottom=bottoms, color=colors, width=0.65)
    # Connectors: the running level from one bar to the next.
    for i, lvl in enumerate(levels):
        ax.plot([x[i] + 0.33, x[i + 1] - 0.33], [lvl, lvl], color=COLORS["line"], lw=0.8, alpha=0.6)
    ax.set_xticks(x, labels, rotation=20, ha="right")
    ax.set_ylabel(t("axis.mrr"))
    ax.set_title(t("title.mrr_waterfall", month=str(chosen)))
    ax.yaxis.set_major_formatter(FuncFormatter(lambda v, _: _money(v)))
    ax.grid(axis="x", visible=False)

    top_all = max(b + h for b, h in zip(bottoms, heights, strict=True))
    if zoom:
        lows = min(levels + [heights[-1]])
        highs = max(levels + [heights[-1]])
        spread = max(highs - lows, 0.02 * max(highs, 1.0))
        ax.set_ylim(max(lows - 1.2 * spread, 0.0), highs + 0.35 * spread)
    else:
        ax.set_ylim(0.0, top_all * 1.08 if top_all > 0 else 1.0)
    for i, bar in enumerate(bars):
        value = heights[i]
        sign = "" if i in (0, len(bars) - 1) else ("+" if WATERFALL_ORDER[i - 1] in _UP else "−")
        ax.annotate(
            f"{sign}{_money(value)}",
            (bar.get_x() + bar.get_width() / 2, bottoms[i] + value),
            xytext=(0, 3),
            textcoords="offset points",
            ha="center",
            va="bottom",
            fontsize=9,
        )
    return ax


def mrr_trend(mrr_result: pd.DataFrame | pd.Series, ax: Axes | None = None) -> Axes:
    """MRR over time: one line, or stacked areas when split by segment.

    Parameters
    ----------
    mrr_result : pandas.DataFrame or Series
        The result of ``mrr.cs.mrr(period="M")`` (a frame indexed by ``period``
        with an ``mrr`` column), or of ``mrr.cs.mrr(period="M", by=...)``
        (indexed by ``period`` and the segment: one stacked area per segment),
        or a Series of MRR indexed by ``period``.
    ax : matplotlib Axes, optional

    Returns
    -------
    matplotlib Axes

    Examples
    --------
    >>> import pandas as pd, cskit
    >>> from cskit.plotting import mrr_trend
    >>> df = pd.DataFrame({"customer_id": ["a", "b", "a"],
    ...                    "month": ["2026-01", "2026-01", "2026-02"],
    ...                    "mrr": [100.0, 50.0, 120.0]})
    >>> ax = mrr_trend(df.cs.mrr(period="M"))
    >>> ax.lines[0].get_ydata().tolist()
    [150.0, 120.0]
    """
    values = mrr_result["mrr"] if isinstance(mrr_result, pd.DataFrame) else mrr_result
    if not isinstance(values, pd.Series):
        raise InvalidParameterError("mrr_trend needs the result of mrr.cs.mrr(period='M').")
    ax = _axes(ax)
    if isinstance(values.index, pd.MultiIndex):
        levels = list(values.index.names)
        if "period" not in levels:
            raise InvalidParameterError(
                "mrr_trend needs a result indexed by period; compute it with period='M'."
            )
        segment = next(name for name in levels if name != "period")
        wide = values.unstack(segment, fill_value=0.0).sort_index()
        x = _period_x(wide.index)
        ax.stackplot(
            x,
            *[wide[c].to_numpy(dtype=float) for c in wide.columns],
            labels=[str(c) for c in wide.columns],
            alpha=0.85,
        )
        ax.legend(title=_legend_title(segment), loc="upper left", frameon=False)
        ax.set_title(t("title.mrr_trend_by", segment=str(segment)))
    else:
        x = _period_x(values.index)
        ax.plot(x, values.to_numpy(dtype=float), color=COLORS["line"], lw=2, marker="o", ms=3)
        ax.set_title(t("title.mrr_trend"))
    _date_axis(ax)
    ax.set_xlabel(t("axis.month"))
    ax.set_ylabel(t("axis.mrr"))
    ax.yaxis.set_major_formatter(FuncFormatter(lambda v, _: _money(v)))
    ax.set_ylim(bottom=0)
    return ax
