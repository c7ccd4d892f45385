"""Plots of health-score results: bands over time, the backtest, and a KPI tree."""

from __future__ import annotations

from collections.abc import Mapping

import numpy as np
import pandas as pd
from matplotlib.axes import Axes
from matplotlib.ticker import PercentFormatter

from cskit.errors import InvalidParameterError
from cskit.i18n import EN, t
from cskit.plotting._axes import _axes, _date_axis
from cskit.plotting._style import COLORS

__all__ = ["band_mix", "churn_by_band", "component_auc", "kpi_tree_plot", "lift_chart"]

#: Colours of the default bands and grades (other labels cycle through the palette).
BAND_COLORS = {"red": "#e76f51", "yellow": "#e9c46a", "green": "#2a9d8f",
               "poor": "#e76f51", "average": "#e9c46a", "good": "#2a9d8f"}
_PALETTE = ("#e76f51", "#e9c46a", "#2a9d8f", "#8ecae6", "#6c757d", "#1d3557")


def _band_label(name: object) -> str:
    key = f"health.band.{name}"
    return t(key) if key in EN else str(name)


def _band_color(name: object, i: int) -> str:
    return BAND_COLORS.get(str(name), _PALETTE[i % len(_PALETTE)])


def _backtest(result: object, what: str) -> object:
    if not all(hasattr(result, a) for a in ("by_band", "lift", "components", "auc")):
        raise InvalidParameterError(f"{what} needs the result of cskit.health.backtest(...).")
    return result


def band_mix(scores: pd.DataFrame, ax: Axes | None = None, *, month: str = "month") -> Axes:
    """Share of accounts in each band, month by month (stacked areas).

    Parameters
    ----------
    scores : pandas.DataFrame
        ``cskit.health.health_score(...)``: one row per account and month with ``band``.
    ax : matplotlib Axes, optional
    month : str
        Month column.

    Returns
    -------
    matplotlib Axes
        One stacked area per band, lowest band at the bottom; shares add up to 100 %.

    Examples
    --------
    >>> import pandas as pd
    >>> from cskit.health import bands
    >>> from cskit.plotting import band_mix
    >>> s = pd.DataFrame({"month": pd.PeriodIndex(["2026-09"] * 2 + ["2026-10"] * 2, freq="M"),
    ...                   "score": [20.0, 90.0, 60.0, 95.0]})
    >>> s["band"] = bands(s["score"])
    >>> ax = band_mix(s)
    >>> [c.get_label() for c in ax.collections]
    ['Red', 'Yellow', 'Green']
    """
    if not isinstance(scores, pd.DataFrame) or "band" not in scores or month not in scores:
        raise InvalidParameterError(
            f"band_mix needs cskit.health.health_score(...) (columns {month!r} and 'band')."
        )
    table = pd.crosstab(scores[month], scores["band"], normalize="index")
    cats = getattr(scores["band"].dtype, "categories", table.columns)
    table = table.reindex(columns=[c for c in cats if c in table.columns])
    index = pd.PeriodIndex(table.index, freq="M")
    ax = _axes(ax)
    ax.stackplot(index.to_timestamp(), table.to_numpy().T,
                 labels=[_band_label(c) for c in table.columns],
                 colors=[_band_color(c, i) for i, c in enumerate(table.columns)], alpha=0.85)
    ax.set_ylim(0, 1)
    ax.set_xlim(index.to_timestamp()[0], index.to_timestamp()[-1])
    ax.yaxis.set_major_formatter(PercentFormatter(1.0, decimals=0))
    ax.set_ylabel(t("health.axis.accounts_share"))
    ax.set_xlabel(t("axis.month"))
    ax.set_title(t("health.title.band_mix"))
    _date_axis(ax)
    ax.legend(frameon=False, loc="upper left", fontsize=9)
    return ax


def _churn_axes(ax: Axes, bt: object, title: str) -> Axes:
    """Finish a chart of churn rates within the backtest's horizon (percent axis, legend)."""
    ax.yaxis.set_major_formatter(PercentFormatter(1.0, decimals=0))
    ax.set_ylabel(t("health.axis.churn_within", horizon=bt.horizon))
    ax.set_title(title)
    ax.grid(axis="x", visible=False)
    ax.legend(frameon=False)
    return ax


def churn_by_band(result: object, ax: Axes | None = None) -> Axes:
    """Churn rate within the horizon for each band, against the overall rate.

    Parameters
    ----------
    result : Backtest
        ``cskit.health.backtest(...)`` with a band table.
    ax : matplotlib Axes, optional

    Returns
    -------
    matplotlib Axes
        One bar per band (annotated with rate and account-months) and a dashed
        line at the overall churn rate.
    """
    bt = _backtest(result, "churn_by_band")
    table = bt.by_band
    if table is None or table.empty:
        raise InvalidParameterError(
            "This backtest has no band table: score with bands and call backtest(..., band_col='band')."
        )
    ax = _axes(ax)
    x = np.arange(len(table))
    rates = table["churn_rate"].to_numpy(dtype=float)
    ax.bar(x, np.nan_to_num(rates), color=[_band_color(b, i) for i, b in enumerate(table.index)],
           width=0.6)
    ax.set_xticks(x, [_band_label(b) for b in table.index])
    for xi, rate, n in zip(x, rates, table["accounts"].to_numpy(), strict=True):
        text = "–" if not np.isfinite(rate) else f"{rate:.1%}"
        ax.annotate(f"{text}\n(n={n:,})", (xi, np.nan_to_num(rate)), xytext=(0, 3),
                    textcoords="offset points", ha="center", va="bottom", fontsize=8)
    ax.axhline(bt.churn_rate, color=COLORS["line"], ls="--", lw=1,
               label=t("health.overall", value=f"{bt.churn_rate:.1%}"))
    top = np.nanmax(np.r_[rates, bt.churn_rate])
    ax.set_ylim(0, top * 1.3 if top > 0 else 1)
    return _churn_axes(ax, bt, t("health.title.churn_by_band", auc=f"{bt.auc:.2f}"))


def lift_chart(result: object, ax: Axes | None = None) -> Axes:
    """Churn rate by decile of the score (1 = least healthy), against the overall rate.

    Parameters
    ----------
    result : Backtest
        ``cskit.health.backtest(...)``.
    ax : matplotlib Axes, optional

    Returns
    -------
    matplotlib Axes
        Ten bars (deciles) and a dashed line at the overall churn rate; a useful
        score has tall bars on the left and short ones on the right.
    """
    bt = _backtest(result, "lift_chart")
    table = bt.lift
    ax = _axes(ax)
    x = table.index.to_numpy()
    ax.bar(x, table["churn_rate"].to_numpy(dtype=float), color=COLORS["churn"], width=0.7)
    ax.axhline(bt.churn_rate, color=COLORS["line"], ls="--", lw=1,
               label=t("health.overall", value=f"{bt.churn_rate:.1%}"))
    ax.set_xticks(x)
    ax.set_xlabel(t("health.axis.decile"))
    return _churn_axes(ax, bt, t("health.title.lift"))


def component_auc(result: object, ax: Axes | None = None) -> Axes:
    """AUC of the score and of each component: which ones predict churn, and which do not.

    Parameters
    ----------
    result : Backtest
        ``cskit.health.backtest(...)``.
    ax : matplotlib Axes, optional

    Returns
    -------
    matplotlib Axes
        One horizontal bar per component (and one for the score, on top),
        starting at 0.5 (no signal): right of the line = predicts churn,
        left = points the wrong way.
    """
    bt = _backtest(result, "component_auc")
    comp = bt.components
    names = list(comp.index) if comp is not None and not comp.empty else []
    values = [float(v) for v in comp["auc"]] if names else []
    labels = [_component_label(n) for n in names] + [t("health.score")]
    values = values + [float(bt.auc)]
    order = np.argsort(np.nan_to_num(values, nan=0.5), kind="stable")
    ax = _axes(ax)
    y = np.arange(len(values))
    vals = np.asarray(values)[order]
    colors = [COLORS["line"] if labels[i] == t("health.score") else
              (COLORS["new"] if values[i] >= 0.55 else
               COLORS["churn"] if values[i] < 0.5 else COLORS["start"]) for i in order]
    ax.barh(y, np.nan_to_num(vals - 0.5), left=0.5, color=colors, height=0.6)
    ax.set_yticks(y, [labels[i] for i in order])
    for yi, v in zip(y, vals, strict=True):
        if np.isfinite(v):
            ax.annotate(f"{v:.2f}", (v, yi), xytext=(3 if v >= 0.5 else -3, 0),
                        textcoords="offset points", va="center",
                        ha="left" if v >= 0.5 else "right", fontsize=9)
    ax.axvline(0.5, color="black", lw=0.8)
    lo = min(0.4, np.nanmin(vals) - 0.05) if len(vals) else 0.4
    hi = max(0.8, np.nanmax(vals) + 0.05) if len(vals) else 0.8
    ax.set_xlim(lo, hi)
    ax.set_xlabel(t("health.axis.auc"))
    ax.set_title(t("health.title.components", horizon=bt.horizon))
    ax.grid(axis="y", visible=False)
    return ax


def _component_label(name: object) -> str:
    key = f"health.component.{name}"
    return t(key) if key in EN else str(name)


def kpi_tree_plot(
    tree: pd.DataFrame,
    period: object = None,
    ax: Axes | None = None,
    *,
    formats: Mapping[str, str] | None = None,
) -> Axes:
    """A KPI and its sub-KPIs as boxes, with the value and the change since the previous period.

    Parameters
    ----------
    tree : pandas.DataFrame
        ``cskit.health.kpi_tree(root, data)``.
    period : Period or str, optional
        The period shown (default: the latest in the tree).
    ax : matplotlib Axes, optional
    formats : dict of str to str, optional
        A format per KPI name for its value and change, e.g. ``{"churn": "{:.1%}"}``;
        others get two decimals (no decimals from 100 up).

    Returns
    -------
    matplotlib Axes
        One box per KPI (``ax.texts`` in tree order), each linked to its parent;
        the change is green when it went the KPI's ``better`` way, red otherwise.

    Examples
    --------
    >>> import pandas as pd
    >>> from cskit.health import KPI, kpi_tree
    >>> from cskit.plotting import kpi_tree_plot
    >>> months = pd.period_range("2026-09", periods=2, freq="M")
    >>> tree = KPI("churn", lambda d: pd.Series([0.04, 0.03], index=months), higher_is_better=False,
    ...            children=[KPI("first_login", lambda d: pd.Series([0.8, 0.85], index=months))])
    >>> ax = kpi_tree_plot(kpi_tree(tree, None))
    >>> [text.get_text().splitlines()[1] for text in ax.texts]
    ['0.03 (−0.01)', '0.85 (+0.05)']
    """
    need = ("kpi", "label", "parent", "level", "better", "period", "value")
    if not isinstance(tree, pd.DataFrame) or any(c not in tree.columns for c in need):
        raise InvalidParameterError("kpi_tree_plot needs the result of cskit.health.kpi_tree(...).")
    nodes = tree.drop_duplicates("kpi")[["kpi", "label", "parent", "level", "better"]]
    periods = [p for p in pd.unique(tree["period"]) if p is not None and not pd.isna(p)]
    if period is None and periods:
        period = max(periods)
    elif period is not None and periods:
        period = pd.Period(period, freq=getattr(periods[0], "freqstr", "M"))
    ax = _axes(ax)
    ax.set_axis_off()
    n = len(nodes)
    depth = int(nodes["level"].max()) if n else 0
    pos = {}
    for row_i, (_, node) in enumerate(nodes.iterrows()):  # a handful of KPIs, not data rows
        pos[node["kpi"]] = (node["level"] / max(depth, 1) * 0.62 + 0.02, 1 - (row_i + 0.5) / n)
    for _, node in nodes.iterrows():
        values = tree.loc[tree["kpi"] == node["kpi"]]
        now, before = _values_at(values, period)
        spec = (formats or {}).get(node["kpi"])
        text = _fmt(now, spec)
        color = COLORS["start"]
        if np.isfinite(now) and np.isfinite(before):
            change = now - before
            text += f" ({'+' if change >= 0 else '−'}{_fmt(abs(change), spec)})"
            good = (change > 0) == (node["better"] == "up")
            color = COLORS["new"] if change == 0 or good else COLORS["churn"]
        x, y = pos[node["kpi"]]
        ax.text(x, y, f"{node['label']}\n{text}", va="center", ha="left", fontsize=9,
                bbox={"boxstyle": "round,pad=0.4", "fc": "white", "ec": color, "lw": 1.5})
        parent = node["parent"]
        if isinstance(parent, str) and parent in pos:
            px, py = pos[parent]
            ax.plot([px + 0.01, px + 0.01, x - 0.005], [py - 0.03, y, y], color=COLORS["start"],
                    lw=0.8)
    ax.set_xlim(0, 1)
    ax.set_ylim(0, 1)
    title = t("health.title.kpi_tree")
    ax.set_title(f"{title}, {period}" if period is not None else title)
    return ax


def _values_at(values: pd.DataFrame, period: object) -> tuple[float, float]:
    if period is None or values["period"].isna().all():
        return float(values["value"].iloc[-1]), float("nan")
    by_period = values.dropna(subset=["period"]).set_index("period")["value"]
    by_period.index = pd.PeriodIndex(by_period.index)
    now = float(by_period.get(period, np.nan))
    earlier = by_period[by_period.index < period]
    before = float(earlier.iloc[-1]) if len(earlier) else float("nan")
    return now, before


def _fmt(value: float, spec: str | None = None) -> str:
    if not np.isfinite(value):
        return "–"
    if spec is not None:
        return spec.format(value)
    if abs(value) >= 100:
        return f"{value:,.0f}"
    return f"{value:.2f}" if abs(value) >= 0.01 or value == 0 else f"{value:.4f}"
