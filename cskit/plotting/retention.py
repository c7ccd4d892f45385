"""Plots of revenue and retention results: NRR / GRR trend, cohort heatmap, ARPA trend,
rate trends (conversion, upsell, cross-sell), the quick ratio and a conversion funnel."""

from __future__ import annotations

import numpy as np
import pandas as pd
from matplotlib.axes import Axes
from matplotlib.ticker import FuncFormatter, PercentFormatter

from cskit.errors import InvalidParameterError
from cskit.i18n import t
from cskit.plotting._axes import _axes, _date_axis, _legend_title, _money, _period_x
from cskit.plotting._style import COLORS

__all__ = ["arpa_trend", "cohort_heatmap", "funnel_bars", "nrr_grr_trend", "quick_ratio_trend",
           "rate_trend"]

#: Rate columns of the retention results that :func:`rate_trend` can label.
RATE_COLUMNS = ("nrr", "grr", "upsell_rate", "cross_sell_rate", "post_upsell_churn",
                "others_churn_rate", "trial_conversion", "churn")
_LINE_STYLES = ("-", "--", ":", "-.")


def _rate_series(result: pd.DataFrame | pd.Series | None, column: str) -> pd.Series | None:
    if result is None:
        return None
    if isinstance(result, pd.Series):
        values = result
    elif isinstance(result, pd.DataFrame) and column in result.columns:
        values = result[column]
    else:
        raise InvalidParameterError(
            f"Expected a result with a {column!r} column; pass mrr.cs.{column}(period='M')."
        )
    if isinstance(values.index, pd.MultiIndex):
        raise InvalidParameterError(
            f"The {column} result is split by segment; plot one segment at a time "
            f"(e.g. result.xs('SMB', level='segment'))."
        )
    _period_x(values.index)  # a PeriodIndex, or a clear error
    return values


def nrr_grr_trend(
    nrr: pd.DataFrame | pd.Series,
    grr: pd.DataFrame | pd.Series | None = None,
    ax: Axes | None = None,
) -> Axes:
    """Net and gross revenue retention over time, with the 100 % line.

    Parameters
    ----------
    nrr : pandas.DataFrame or Series
        The result of ``mrr.cs.nrr(period="M")`` (any ``window``), or a Series
        of NRR indexed by period. A frame that also has a ``grr`` column draws
        both lines.
    grr : pandas.DataFrame or Series, optional
        The result of ``mrr.cs.grr(...)`` with the same arguments.
    ax : matplotlib Axes, optional

    Returns
    -------
    matplotlib Axes
        One line for NRR and, when given, one for GRR (never above the 100 %
        line, never above NRR); rates on a percentage axis.

    Examples
    --------
    >>> import pandas as pd, cskit
    >>> from cskit.plotting import nrr_grr_trend
    >>> df = pd.DataFrame({"customer_id": list("abab"),
    ...                    "month": ["2026-01"] * 2 + ["2026-02"] * 2,
    ...                    "mrr": [100.0, 100.0, 150.0, 30.0]})
    >>> ax = nrr_grr_trend(df.cs.nrr(), df.cs.grr())
    >>> [line.get_ydata().tolist() for line in ax.lines[:2]]
    [[0.9], [0.65]]
    """
    net = _rate_series(nrr, "nrr")
    if grr is None and isinstance(nrr, pd.DataFrame) and "grr" in nrr.columns:
        grr = nrr
    gross = _rate_series(grr, "grr")
    ax = _axes(ax)
    ax.plot(_period_x(net.index), net.to_numpy(dtype=float), color=COLORS["line"], lw=2,
            marker="o", ms=3, label=t("retention.legend.nrr"))
    if gross is not None:
        ax.plot(_period_x(gross.index), gross.to_numpy(dtype=float), color=COLORS["churn"],
                lw=1.8, ls="--", marker="o", ms=3, label=t("retention.legend.grr"))
    ax.axhline(1.0, color=COLORS["start"], lw=1, ls=":", label=t("retention.legend.full"))
    ax.set_title(t("retention.title.nrr_grr"))
    _date_axis(ax)
    ax.set_xlabel(t("axis.month"))
    ax.set_ylabel(t("retention.axis.retention"))
    ax.yaxis.set_major_formatter(PercentFormatter(1.0, decimals=0))
    ax.legend(frameon=False)
    return ax


def cohort_heatmap(
    matrix: pd.DataFrame,
    ax: Axes | None = None,
    *,
    kind: str = "logo",
    annotate: bool | None = None,
    max_age: int | None = None,
) -> Axes:
    """Cohort × months-since-start heatmap of retention.

    Parameters
    ----------
    matrix : pandas.DataFrame
        The result of ``mrr.cs.cohort_retention()`` (rates, not grouped with
        ``by``): cohorts as rows, months since start as columns.
    ax : matplotlib Axes, optional
    kind : {"logo", "revenue"}, default "logo"
        Which retention the matrix holds (only for the title).
    annotate : bool, optional
        Write each cell's percentage; by default when there are at most 400 cells.
    max_age : int, optional
        Draw only the first ``max_age + 1`` columns.

    Returns
    -------
    matplotlib Axes
        An image with one cell per cohort and age (empty where not yet
        observed) and a colour bar.

    Examples
    --------
    >>> import pandas as pd, cskit
    >>> from cskit.plotting import cohort_heatmap
    >>> df = pd.DataFrame({"customer_id": list("abcab"),
    ...                    "month": ["2026-01"] * 2 + ["2026-02"] * 3,
    ...                    "mrr": [10.0] * 5})
    >>> ax = cohort_heatmap(df.cs.cohort_retention())
    >>> ax.images[0].get_array().filled(-1).tolist()
    [[1.0, 1.0], [1.0, -1.0]]
    """
    if kind not in ("logo", "revenue"):
        raise InvalidParameterError(f"kind={kind!r} is not one of 'logo', 'revenue'.")
    if not isinstance(matrix, pd.DataFrame) or isinstance(matrix.index, pd.MultiIndex):
        raise InvalidParameterError(
            "cohort_heatmap needs one cohort matrix: the result of mrr.cs.cohort_retention() "
            "(for a result split by segment, select one, e.g. matrix.xs('SMB', level='segment'))."
        )
    data = matrix if max_age is None else matrix.loc[:, matrix.columns[: int(max_age) + 1]]
    values = np.ma.masked_invalid(data.to_numpy(dtype=float))
    ax = _axes(ax)
    top = max(1.0, float(values.max()) if values.count() else 1.0)
    image = ax.imshow(values, aspect="auto", cmap="YlGnBu", vmin=0.0, vmax=top,
                      interpolation="nearest")
    n_rows, n_cols = values.shape
    ax.grid(False)
    step_x = max(1, n_cols // 12)
    step_y = max(1, n_rows // 18)
    ax.set_xticks(np.arange(0, n_cols, step_x), [str(c) for c in data.columns[::step_x]])
    ax.set_yticks(np.arange(0, n_rows, step_y), [str(i) for i in data.index[::step_y]])
    if annotate is None:
        annotate = n_rows * n_cols <= 400
    if annotate:
        for (r, c), value in np.ndenumerate(values.filled(np.nan)):
            if not np.isnan(value):
                ax.text(c, r, f"{value:.0%}", ha="center", va="center", fontsize=7,
                        color="white" if value > 0.6 * top else "black")
    bar = ax.figure.colorbar(image, ax=ax, fraction=0.046, pad=0.02)
    bar.ax.yaxis.set_major_formatter(PercentFormatter(1.0, decimals=0))
    ax.set_title(t(f"retention.title.cohort_{kind}"))
    ax.set_xlabel(t("retention.axis.months_since_start"))
    ax.set_ylabel(t("retention.axis.cohort"))
    return ax


def _one_level(result: pd.DataFrame, what: str) -> pd.DataFrame:
    if not isinstance(result, pd.DataFrame):
        raise InvalidParameterError(f"{what} needs a result frame, not {type(result).__name__}.")
    if isinstance(result.index, pd.MultiIndex):
        raise InvalidParameterError(
            f"{what}: the result is split by segment; plot one segment at a time "
            f"(e.g. result.xs('SMB', level='segment'))."
        )
    _period_x(result.index)
    return result


def arpa_trend(result: pd.DataFrame, ax: Axes | None = None) -> Axes:
    """ARPA (or ARPU) over time; one line per segment when split with ``by``.

    Parameters
    ----------
    result : pandas.DataFrame
        The result of ``mrr.cs.arpa(period=...)`` or ``mrr.cs.arpu(users, period=...)``,
        optionally with ``by=``.
    ax : matplotlib Axes, optional

    Returns
    -------
    matplotlib Axes

    Examples
    --------
    >>> import pandas as pd, cskit
    >>> from cskit.plotting import arpa_trend
    >>> df = pd.DataFrame({"customer_id": ["a", "b", "a"],
    ...                    "month": ["2026-01", "2026-01", "2026-02"],
    ...                    "mrr": [100.0, 50.0, 120.0]})
    >>> arpa_trend(df.cs.arpa()).lines[0].get_ydata().tolist()
    [75.0, 120.0]
    """
    column = next((c for c in ("arpa", "arpu") if isinstance(result, pd.DataFrame)
                   and c in result.columns), None)
    if column is None:
        raise InvalidParameterError(
            "arpa_trend needs the result of mrr.cs.arpa(period='M') (or of mrr.cs.arpu(...))."
        )
    ax = _axes(ax)
    values = result[column]
    if isinstance(values.index, pd.MultiIndex):
        segment = next(n for n in values.index.names if n != "period")
        wide = values.unstack(segment).sort_index()
        for i, name in enumerate(wide.columns):
            ax.plot(_period_x(wide.index), wide[name].to_numpy(dtype=float), lw=1.8,
                    ls=_LINE_STYLES[i % len(_LINE_STYLES)], marker="o", ms=3, label=str(name))
        ax.legend(title=_legend_title(segment), frameon=False)
    else:
        ax.plot(_period_x(values.index), values.to_numpy(dtype=float), color=COLORS["line"],
                lw=2, marker="o", ms=3)
    ax.set_title(t(f"retention.kpi.{column}"))
    _date_axis(ax)
    ax.set_xlabel(t("axis.month"))
    ax.set_ylabel(t(f"retention.axis.{column}"))
    ax.yaxis.set_major_formatter(FuncFormatter(lambda v, _: _money(v)))
    ax.set_ylim(bottom=0)
    return ax


def rate_trend(
    result: pd.DataFrame, columns: str | list[str] | None = None, ax: Axes | None = None
) -> Axes:
    """One line per rate column of a result, on a percentage axis.

    Parameters
    ----------
    result : pandas.DataFrame
        A result indexed by period, e.g. of ``upsell_rate``, ``cross_sell_rate``,
        ``post_upsell_churn`` or ``trial_conversion`` (not split by segment).
    columns : str or list of str, optional
        The rate columns to draw; by default every column of :data:`RATE_COLUMNS`
        the result has.
    ax : matplotlib Axes, optional

    Returns
    -------
    matplotlib Axes

    Examples
    --------
    >>> import pandas as pd
    >>> from cskit.plotting import rate_trend
    >>> res = pd.DataFrame({"upsell_rate": [0.02, 0.03]},
    ...                    index=pd.PeriodIndex(["2026-01", "2026-02"], freq="M", name="period"))
    >>> rate_trend(res).lines[0].get_ydata().tolist()
    [0.02, 0.03]
    """
    result = _one_level(result, "rate_trend")
    if columns is None:
        columns = [c for c in RATE_COLUMNS if c in result.columns]
    elif isinstance(columns, str):
        columns = [columns]
    missing = [c for c in columns if c not in result.columns]
    if not columns or missing:
        raise InvalidParameterError(
            f"rate_trend: no rate column {missing or list(RATE_COLUMNS)!r} in the result "
            f"(columns: {list(result.columns)!r}); pass columns=[...]."
        )
    ax = _axes(ax)
    x = _period_x(result.index)
    for i, column in enumerate(columns):
        key = f"retention.col.{column}"
        label = t(key) if column in RATE_COLUMNS else str(column)
        ax.plot(x, result[column].to_numpy(dtype=float), lw=1.8, marker="o", ms=3,
                ls=_LINE_STYLES[i % len(_LINE_STYLES)], label=label)
    _date_axis(ax)
    ax.set_xlabel(t("axis.month"))
    ax.set_ylabel(t("retention.axis.rate"))
    ax.yaxis.set_major_formatter(PercentFormatter(1.0, decimals=1))
    ax.set_ylim(bottom=0)
    ax.legend(frameon=False)
    return ax


def quick_ratio_trend(result: pd.DataFrame, ax: Axes | None = None) -> Axes:
    """MRR gained (up) and lost (down) per period, with the quick ratio on a second axis.

    Parameters
    ----------
    result : pandas.DataFrame
        The result of ``mrr.cs.quick_ratio(period=...)`` (not split by segment).
    ax : matplotlib Axes, optional

    Returns
    -------
    matplotlib Axes
        The bars' axes; the quick ratio line (with the 1 and 4 marks) is on
        ``ax.right_ax``.

    Examples
    --------
    >>> import pandas as pd
    >>> from cskit.plotting import quick_ratio_trend
    >>> res = pd.DataFrame({"gained": [30.0, 40.0], "lost": [10.0, 20.0],
    ...                     "quick_ratio": [3.0, 2.0]},
    ...                    index=pd.PeriodIndex(["2026-01", "2026-02"], freq="M", name="period"))
    >>> ax = quick_ratio_trend(res)
    >>> [float(p.get_height()) for p in ax.patches]
    [30.0, 40.0, -10.0, -20.0]
    >>> ax.right_ax.lines[0].get_ydata().tolist()
    [3.0, 2.0]
    """
    result = _one_level(result, "quick_ratio_trend")
    missing = [c for c in ("gained", "lost", "quick_ratio") if c not in result.columns]
    if missing:
        raise InvalidParameterError(
            f"quick_ratio_trend needs the result of mrr.cs.quick_ratio(); {missing!r} missing."
        )
    ax = _axes(ax)
    x = _period_x(result.index)
    width = 20 if result.index.freqstr.startswith("M") else 60
    ax.bar(x, result["gained"].to_numpy(dtype=float), width=width, color=COLORS["new"],
           label=t("retention.legend.gained"))
    ax.bar(x, -result["lost"].to_numpy(dtype=float), width=width, color=COLORS["churn"],
           label=t("retention.legend.lost"))
    ax.axhline(0.0, color=COLORS["end"], lw=0.8)
    ax.yaxis.set_major_formatter(FuncFormatter(lambda v, _: _money(v)))
    ax.set_ylabel(t("axis.mrr"))
    right = ax.twinx()
    right.plot(x, result["quick_ratio"].to_numpy(dtype=float), color=COLORS["line"], lw=2,
               marker="o", ms=3, label=t("retention.kpi.quick_ratio"))
    for level in (1.0, 4.0):
        right.axhline(level, color=COLORS["start"], lw=0.8, ls=":")
    right.set_ylabel(t("retention.kpi.quick_ratio"))
    # Put the ratio's 0 on the bars' 0 line, so the line floats above it.
    low, high = ax.get_ylim()
    ratios = result["quick_ratio"].to_numpy(dtype=float)
    top = max(4.5, float(np.nanmax(ratios)) * 1.1 if np.isfinite(ratios).any() else 4.5)
    right.set_ylim(top * low / high if high > 0 else 0.0, top)
    right.yaxis.set_major_formatter(FuncFormatter(lambda v, _: "" if v < 0 else f"{v:g}"))
    right.grid(False)
    right.spines["right"].set_visible(True)
    ax.right_ax = right
    handles = ax.get_legend_handles_labels()
    more = right.get_legend_handles_labels()
    ax.legend(handles[0] + more[0], handles[1] + more[1], loc="lower left", fontsize=8,
              framealpha=0.85)
    ax.set_title(t("retention.title.quick_ratio"))
    _date_axis(ax)
    ax.set_xlabel(t("axis.month"))
    return ax


def funnel_bars(funnel: pd.DataFrame, ax: Axes | None = None) -> Axes:
    """A conversion funnel: one horizontal bar per stage, with step and overall rates.

    Parameters
    ----------
    funnel : pandas.DataFrame
        The result of ``frame.cs.conversion(stages, period=None)`` (not grouped).
    ax : matplotlib Axes, optional

    Returns
    -------
    matplotlib Axes
        Bars from the first stage (top) to the last, each labelled with its
        count, the rate from the previous stage and from the first.

    Examples
    --------
    >>> import pandas as pd, cskit
    >>> from cskit.plotting import funnel_bars
    >>> leads = pd.DataFrame({"visit": [True, True, True, True],
    ...                       "paid": [True, False, True, False]})
    >>> ax = funnel_bars(leads.cs.conversion(["visit", "paid"], period=None))
    >>> [float(p.get_width()) for p in ax.patches]
    [4.0, 2.0]
    """
    if not isinstance(funnel, pd.DataFrame) or "entities" not in funnel.columns:
        raise InvalidParameterError("funnel_bars needs the result of frame.cs.conversion(stages, period=None).")
    if isinstance(funnel.index, pd.MultiIndex):
        raise InvalidParameterError(
            "funnel_bars draws one funnel; the result is grouped. Select one group, e.g. "
            "funnel.xs('SMB', level='segment')."
        )
    ax = _axes(ax)
    counts = funnel["entities"].to_numpy(dtype=float)
    y = np.arange(len(counts))
    bars = ax.barh(y, counts, color=COLORS["new"], height=0.6)
    ax.set_yticks(y, [str(s) for s in funnel.index])
    ax.invert_yaxis()
    ax.grid(axis="y", visible=False)
    top = counts.max() if len(counts) else 1.0
    for i, bar in enumerate(bars):
        text = f"{counts[i]:,.0f}"
        if i:
            text += (f"  ({t('retention.legend.step')} {funnel['step_rate'].iloc[i]:.1%}, "
                     f"{t('retention.legend.overall')} {funnel['overall_rate'].iloc[i]:.1%})")
        ax.annotate(text, (bar.get_width(), bar.get_y() + bar.get_height() / 2),
                    xytext=(4, 0), textcoords="offset points", va="center", fontsize=9)
    ax.set_xlim(0, top * 1.6 if top > 0 else 1.0)
    ax.set_xlabel(t("retention.axis.entities"))
    ax.set_title(t("retention.title.funnel"))
    return ax
