"""Plots of customer value: LTV vs CAC vs retention cost, cohort LTV, repeat rate."""

from __future__ import annotations

import numpy as np
import pandas as pd
from matplotlib.axes import Axes
from matplotlib.lines import Line2D
from matplotlib.ticker import FuncFormatter, PercentFormatter

from cskit.errors import InvalidParameterError
from cskit.i18n import EN, t
from cskit.plotting._axes import _axes, _date_axis, _money, _period_x
from cskit.plotting._style import COLORS

__all__ = ["ltv_cac_bars", "ltv_cohort_curves", "repeat_rate_trend"]

_FLAG_COLOR = "#c1121f"


def _labels(index: pd.Index) -> list[str]:
    if isinstance(index, pd.MultiIndex):
        return [" · ".join(str(v) for v in row) for row in index]
    return [str(v) for v in index]


def _axis_name(index: pd.Index) -> str:
    names = [n for n in index.names if n is not None]
    if not names:
        return ""
    return " · ".join(t(f"ltv.axis.{n}") if f"ltv.axis.{n}" in EN else str(n) for n in names)


def ltv_cac_bars(result: pd.DataFrame, ax: Axes | None = None, *, log: bool = True) -> Axes:
    """Retention cost, CAC and LTV per customer as grouped bars, LTV:CAC written above.

    Parameters
    ----------
    result : pandas.DataFrame
        The result of ``costs.cs.unit_economics(mrr=..., by=...)`` (one group of bars per
        row; a ``(period, segment)`` index is shown as "period · segment"), or any frame
        with ``retention_cost``, ``cac`` and ``ltv`` columns. With a ``lifetime_retention_cost``
        column the retention bar is the lifetime cost (the one compared with LTV);
        rows whose ``flag`` is True get a red label.
    ax : matplotlib Axes, optional
    log : bool, default True
        Logarithmic value axis (LTV is often a hundred times CAC).

    Returns
    -------
    matplotlib Axes
        Three bar containers: retention cost, CAC, LTV.

    Examples
    --------
    >>> import pandas as pd
    >>> from cskit.plotting import ltv_cac_bars
    >>> ue = pd.DataFrame({"retention_cost": [300.0, 120.0], "cac": [900.0, 400.0],
    ...                    "ltv": [9000.0, 1000.0], "flag": [False, True]},
    ...                   index=pd.Index(["Enterprise", "SMB"], name="segment"))
    >>> ax = ltv_cac_bars(ue)
    >>> [round(b.get_height()) for b in ax.containers[2]]
    [9000, 1000]
    >>> [tick.get_color() for tick in ax.get_xticklabels()]
    ['black', '#c1121f']
    """
    if not isinstance(result, pd.DataFrame) or not {"retention_cost", "cac", "ltv"} <= set(
            result.columns):
        raise InvalidParameterError(
            "ltv_cac_bars needs a frame with retention_cost, cac and ltv columns, e.g. "
            "costs.cs.unit_economics(mrr=mrr, by='segment')."
        )
    if result.empty:
        raise InvalidParameterError("ltv_cac_bars got an empty frame: nothing to plot.")
    ax = _axes(ax)
    lifetime = "lifetime_retention_cost" in result.columns
    retention = result["lifetime_retention_cost" if lifetime else "retention_cost"].to_numpy(dtype=float)
    series = [
        (retention, t("ltv.legend.lifetime_crc" if lifetime else "ltv.legend.crc"),
         COLORS["contraction"]),
        (result["cac"].to_numpy(dtype=float), t("ltv.legend.cac"), COLORS["start"]),
        (result["ltv"].to_numpy(dtype=float), t("ltv.legend.ltv"), COLORS["new"]),
    ]
    x = np.arange(len(result))
    width = 0.26
    for i, (values, label, color) in enumerate(series):
        ax.bar(x + (i - 1) * width, np.nan_to_num(values, nan=0.0), width, label=label,
               color=color)
    ltv = series[2][0]
    cac = series[1][0]
    tops = np.nanmax(np.vstack([s[0] for s in series]), axis=0)
    for xi, top, a, b in zip(x, tops, ltv, cac, strict=True):
        if np.isfinite(a) and np.isfinite(b) and b > 0:
            ax.annotate(t("ltv.label.ratio", ratio=a / b), (xi, top), xytext=(0, 4),
                        textcoords="offset points", ha="center", fontsize=8)
    ax.set_xticks(x, _labels(result.index))
    flagged = (
        result["flag"].fillna(False).to_numpy(dtype=bool)
        if "flag" in result.columns else np.zeros(len(result), dtype=bool)
    )
    for tick, bad in zip(ax.get_xticklabels(), flagged, strict=True):
        tick.set_color(_FLAG_COLOR if bad else "black")
    if log:
        ax.set_yscale("log")
    ax.yaxis.set_major_formatter(FuncFormatter(lambda v, _: _money(v)))
    ax.set_title(t("ltv.title.ltv_cac"))
    ax.set_xlabel(_axis_name(result.index))
    ax.set_ylabel(t("ltv.axis.per_customer"))
    handles, labels = ax.get_legend_handles_labels()
    if flagged.any():
        handles.append(Line2D([], [], color=_FLAG_COLOR, marker="s", ls=""))
        labels.append(t("ltv.legend.flagged"))
    ax.legend(handles, labels, frameon=False, fontsize=8, loc="upper left",
              bbox_to_anchor=(1.01, 1.0))  # outside: the LTV:CAC labels need the space
    ax.margins(y=0.15)
    return ax


def ltv_cohort_curves(
    result: pd.DataFrame, ax: Axes | None = None, *, cohorts: int | None = 6
) -> Axes:
    """Realised LTV by months since start, one line per signup cohort.

    Parameters
    ----------
    result : pandas.DataFrame
        The result of ``mrr.cs.ltv(model="cohort")`` (indexed by ``cohort`` and
        ``months_since_start``, with an ``ltv`` column).
    ax : matplotlib Axes, optional
    cohorts : int or None, default 6
        Draw this many cohorts, evenly spread from the first to the last (None: all).

    Returns
    -------
    matplotlib Axes

    Examples
    --------
    >>> import pandas as pd, cskit
    >>> from cskit.plotting import ltv_cohort_curves
    >>> mrr = pd.DataFrame({"customer_id": ["a", "a", "b"],
    ...                     "month": ["2026-01", "2026-02", "2026-02"], "mrr": 10.0})
    >>> ax = ltv_cohort_curves(mrr.cs.ltv(model="cohort"))
    >>> [line.get_ydata().tolist() for line in ax.lines]
    [[10.0, 20.0], [10.0]]
    """
    if (
        not isinstance(result, pd.DataFrame)
        or "ltv" not in result.columns
        or list(result.index.names) != ["cohort", "months_since_start"]
    ):
        raise InvalidParameterError(
            "ltv_cohort_curves needs the result of mrr.cs.ltv(model='cohort')."
        )
    wide = result["ltv"].unstack("cohort")
    names = list(wide.columns)
    if cohorts is not None and len(names) > cohorts:
        picks = np.unique(np.linspace(0, len(names) - 1, cohorts).round().astype(int))
        names = [names[i] for i in picks]
    ax = _axes(ax)
    for name in names:
        column = wide[name].dropna()
        ax.plot(column.index.to_numpy(), column.to_numpy(dtype=float), lw=1.6, marker="o",
                ms=2, label=str(name))
    ax.set_title(t("ltv.title.cohort"))
    ax.set_xlabel(t("ltv.axis.months_since_start"))
    ax.set_ylabel(t("ltv.axis.cumulative_revenue"))
    ax.yaxis.set_major_formatter(FuncFormatter(lambda v, _: _money(v)))
    ax.set_ylim(bottom=0)
    ax.legend(title=t("ltv.axis.cohort"), frameon=False, fontsize=8)
    return ax


def repeat_rate_trend(result: pd.DataFrame, ax: Axes | None = None) -> Axes:
    """Repeat rate by first-purchase cohort (a line), with the cohorts' sizes as bars.

    Parameters
    ----------
    result : pandas.DataFrame
        The result of ``frame.cs.repeat_rate(period="M")`` (or ``"Q"``, ``"Y"``), indexed
        by ``period`` with ``observable`` and ``repeat_rate`` columns.
    ax : matplotlib Axes, optional

    Returns
    -------
    matplotlib Axes
        The rate on a percentage axis; the cohort sizes on a twin axis (``ax.twin``).

    Examples
    --------
    >>> import pandas as pd, cskit
    >>> from cskit.plotting import repeat_rate_trend
    >>> orders = pd.DataFrame({"customer_id": ["a", "a", "b", "c"],
    ...     "date": ["2026-01-02", "2026-01-20", "2026-01-05", "2026-03-01"]})
    >>> ax = repeat_rate_trend(orders.cs.repeat_rate(window=30, period="M"))
    >>> ax.lines[0].get_ydata().tolist()
    [0.5]
    """
    if not isinstance(result, pd.DataFrame) or not {"repeat_rate", "observable"} <= set(
        result.columns
    ):
        raise InvalidParameterError(
            "repeat_rate_trend needs the result of frame.cs.repeat_rate(period='M')."
        )
    x = _period_x(result.index)
    ax = _axes(ax)
    twin = ax.twinx()
    sizes = result["observable"].to_numpy(dtype=float)
    step = pd.Timedelta(np.diff(x.to_numpy()).min()) if len(x) > 1 else pd.Timedelta(days=30)
    twin.bar(x, sizes, width=step * 0.7, align="edge", color=COLORS["band"], alpha=0.6,
             label=t("ltv.legend.observable"))
    twin.set_ylim(0, max(float(np.nanmax(sizes)), 1.0) * 2.5)  # bars low, the rate above
    twin.set_ylabel(t("ltv.axis.customers"))
    twin.grid(False)
    ax.set_zorder(twin.get_zorder() + 1)
    ax.patch.set_visible(False)
    rate = result["repeat_rate"].dropna()
    ax.plot(_period_x(rate.index), rate.to_numpy(dtype=float), color=COLORS["line"], lw=2,
            marker="o", ms=3, label=t("ltv.legend.repeat_rate"))
    ax.yaxis.set_major_formatter(PercentFormatter(1.0, decimals=0))
    ax.set_ylim(0, 1)
    _date_axis(ax)
    ax.set_title(t("ltv.title.repeat_rate"))
    ax.set_xlabel(t("ltv.axis.cohort"))
    ax.set_ylabel(t("ltv.axis.repeat_rate"))
    lines, labels = ax.get_legend_handles_labels()
    bars, bar_labels = twin.get_legend_handles_labels()
    ax.legend(lines + bars, labels + bar_labels, frameon=False, fontsize=8, loc="upper left")
    ax.twin = twin  # type: ignore[attr-defined]
    return ax
