"""Drawings of the explainers' views (matplotlib only, from a :class:`View`'s figure data).

:func:`render` builds a :class:`matplotlib.figure.Figure` without pyplot (so
an inline backend never shows it twice) and :func:`png` turns it into bytes
for an ``ipywidgets.Image`` or a static display. Every label comes from the
view (already in the current language) or :func:`cskit.t`.
"""

from __future__ import annotations

import io
import math
from collections.abc import Callable

import numpy as np
from matplotlib.figure import Figure
from matplotlib.ticker import PercentFormatter

from cskit.explain.logic import View
from cskit.i18n import t
from cskit.plotting._style import COLORS, apply_style

SIZE = (9.0, 3.4)
GROUP_COLORS = {"detractors": COLORS["churn"], "passives": "#adb5bd", "promoters": COLORS["new"]}
BAND_COLORS = {"red": COLORS["churn"], "yellow": "#e9c46a", "green": COLORS["new"]}


def _l(kpi: str, name: str, **values: object) -> str:
    return t(f"explain.{kpi}.{name}", **values)


def _nps(view: View, fig: Figure) -> None:
    f = view.figure
    ax, gauge = fig.subplots(1, 2, gridspec_kw={"width_ratios": [2.2, 1]})
    colors = [GROUP_COLORS[g] for g in f["groups"]]
    ax.bar(f["scores"], f["counts"], color=colors)
    ax.set_xticks(f["scores"])
    ax.set_xlabel(_l("nps", "axis.score"))
    ax.set_ylabel(_l("nps", "axis.answers"))
    if not math.isnan(f["mean_score"]):
        ax.axvline(f["mean_score"], color=COLORS["line"], linestyle="--", linewidth=1)
        ax.annotate(_l("nps", "axis.mean", mean=f"{f['mean_score']:.1f}"),
                    (f["mean_score"], 1), xycoords=("data", "axes fraction"),
                    ha="center", va="bottom", fontsize=8)
    gauge.set_xlim(-100, 100)
    gauge.set_ylim(-1, 1)
    gauge.axvline(0, color="#adb5bd", linewidth=1)
    if not math.isnan(f["nps"]):
        low, high = f["ci"]
        gauge.hlines(0, low, high, color=COLORS["band"], linewidth=10)
        gauge.plot([f["nps"]], [0], "o", color=COLORS["line"])
        gauge.annotate(f"{f['nps']:.1f}", (f["nps"], 0.25), ha="center")
    gauge.set_yticks([])
    gauge.set_xlabel(t("axis.nps"))


def _churn(view: View, fig: Figure) -> None:
    f = view.figure
    bars, lines = fig.subplots(1, 2, gridspec_kw={"width_ratios": [1, 1.6]})
    palette = [COLORS["churn"], COLORS["contraction"], COLORS["line"]]
    y = np.arange(len(f["denominators"]))
    rates = [0.0 if math.isnan(r) else r for r in f["rates"]]
    bars.barh(y, rates, color=palette)
    bars.set_yticks(y, f["denominators"], fontsize=8)
    bars.invert_yaxis()
    bars.xaxis.set_major_formatter(lambda x, _: f"{x:.0%}" if x >= 0.1 else f"{x:.1%}")
    bars.set_xlabel(t("axis.churn_rate"))
    for yy, r in zip(y, rates, strict=True):
        bars.annotate(f"{r:.2%}", (r, yy), xytext=(3, 0), textcoords="offset points",
                      va="center", fontsize=8)
    x = np.arange(len(f["periods"]))
    for color, (name, series) in zip(palette, f["history"].items(), strict=True):
        lines.plot(x, series, marker="o", markersize=3, color=color, label=name)
    lines.set_xticks(x, f["periods"], rotation=45, ha="right", fontsize=7)
    lines.yaxis.set_major_formatter(lambda v, _: f"{v:.1%}")
    lines.legend(fontsize=7)


def _mrr(view: View, fig: Figure) -> None:
    from cskit.plotting.mrr import mrr_waterfall

    ax = mrr_waterfall(view.figure["movements"], ax=fig.subplots())
    ax.set_title("")  # the explainer writes its own title above the figure


def _retention(view: View, fig: Figure) -> None:
    f = view.figure
    ax = fig.subplots()
    y = np.arange(len(f["bars"]))
    ax.barh(y, f["retained"], color=COLORS["line"], label=_l("retention", "axis.retained"))
    ax.barh(y, f["expansion"], left=f["retained"], color=COLORS["expansion"],
            label=t("move.expansion"))
    ax.axvline(1.0, color=COLORS["end"], linestyle="--", linewidth=1)
    ax.set_yticks(y, f["bars"])
    for yy, v in zip(y, f["values"], strict=True):
        ax.annotate(f"{v:.1%}", (v, yy), xytext=(4, 0), textcoords="offset points", va="center")
    ax.set_xlim(0, max(1.25, max(f["values"]) * 1.15))
    ax.xaxis.set_major_formatter(lambda v, _: f"{v:.0%}")
    ax.set_xlabel(_l("retention", "axis.share_of_start"))
    ax.legend(fontsize=8, loc="lower right")


def _ltv(view: View, fig: Figure) -> None:
    f = view.figure
    ax = fig.subplots()
    ax.plot(f["churn"], f["ltv"], color=COLORS["line"])
    c, v = f["point"]
    if c > 0 and math.isfinite(v):
        ax.plot([c], [v], "o", color=COLORS["churn"])
        ax.annotate(f"{v:,.0f}", (c, v), xytext=(6, 6), textcoords="offset points")
    else:
        ax.annotate(_l("ltv", "axis.undefined"), (0.005, 1), xycoords=("data", "axes fraction"),
                    va="top", color=COLORS["churn"])
    finite = [x for x in f["ltv"] if math.isfinite(x)]
    top = max(finite) if finite else 1.0
    ax.set_ylim(0, top * 1.05 if top > 0 else 1)
    ax.set_xlim(0, max(f["churn"]))
    ax.xaxis.set_major_formatter(PercentFormatter(1.0))  # decimals follow the tick spacing
    ax.yaxis.set_major_formatter(lambda x, _: f"{x:,.0f}")
    ax.set_xlabel(_l("ltv", "ctl.churn"))
    ax.set_ylabel(_l("ltv", "num.ltv"))


def _scales(view: View, fig: Figure) -> None:
    f = view.figure
    ax = fig.subplots()
    colors = [COLORS["new"] if p else "#adb5bd" for p in f["positive"]]
    ax.bar(f["scores"], f["counts"], color=colors)
    ax.set_xticks(f["scores"])
    ax.set_xlabel(_l("scales", "axis.score"))
    ax.set_ylabel(_l("scales", "axis.answers"))
    if not math.isnan(f["mean"]):
        ax.axvline(f["mean"], color=COLORS["line"], linestyle="--", linewidth=1)
        ax.annotate(_l("scales", "axis.mean", mean=f"{f['mean']:.2f}"), (f["mean"], 1),
                    xycoords=("data", "axes fraction"), ha="center", va="bottom", fontsize=8)


def _fcr(view: View, fig: Figure) -> None:
    f = view.figure
    ax = fig.subplots()
    y = np.arange(len(f["steps"]))
    ax.barh(y, f["counts"], color=[COLORS["start"]] * (len(y) - 1) + [COLORS["new"]])
    ax.set_yticks(y, f["steps"], fontsize=8)
    ax.invert_yaxis()
    for yy, c in zip(y, f["counts"], strict=True):
        ax.annotate(f"{c:,.0f}", (c, yy), xytext=(3, 0), textcoords="offset points",
                    va="center", fontsize=8)
    ax.axvline(f["denominator"], color=COLORS["churn"], linestyle="--", linewidth=1)
    ax.set_xlabel(_l("fcr", "axis.tickets"))


def _stickiness(view: View, fig: Figure) -> None:
    f = view.figure
    ax = fig.subplots()
    x = np.arange(len(f["days"]))
    ax.plot(x, f["mau"], color=COLORS["line"], label=_l("stickiness", "axis.mau"))
    ax.plot(x, f["dau"], color=COLORS["new"], label=_l("stickiness", "axis.dau"))
    step = max(len(x) // 6, 1)
    ax.set_xticks(x[::step], [d[5:] for d in f["days"][::step]], fontsize=8)
    ax.set_ylim(0, None)
    ax.set_ylabel(_l("stickiness", "axis.users"))
    ax.legend(fontsize=8)


def _health(view: View, fig: Figure) -> None:
    f = view.figure
    bands, risk = fig.subplots(1, 2)
    rates = [0.0 if math.isnan(r) else r for r in f["churn_rates"]]
    bands.bar(f["bands"], rates, color=[BAND_COLORS[b] for b in f["band_keys"]])
    for i, (r, n) in enumerate(zip(rates, f["band_counts"], strict=True)):
        bands.annotate(f"{r:.0%} (n={n:,.0f})", (i, r), xytext=(0, 3), textcoords="offset points",
                       ha="center", fontsize=8)
    bands.yaxis.set_major_formatter(lambda v, _: f"{v:.0%}")
    bands.set_ylabel(_l("health", "num.churn_rate"))
    y = np.arange(len(f["at_risk"]))
    colors = [COLORS["churn"] if c else COLORS["start"] for c in f["at_risk_churned"]]
    risk.barh(y, f["at_risk_scores"], color=colors)
    risk.set_yticks(y, [str(a) for a in f["at_risk"]], fontsize=7)
    risk.invert_yaxis()
    risk.set_xlim(0, 100)
    risk.set_xlabel(_l("health", "axis.score"))
    risk.set_title(_l("health", "axis.at_risk"), fontsize=9)


DRAW: dict[str, Callable[[View, Figure], None]] = {
    "nps": _nps,
    "churn": _churn,
    "mrr": _mrr,
    "retention": _retention,
    "ltv": _ltv,
    "scales": _scales,
    "fcr": _fcr,
    "stickiness": _stickiness,
    "health": _health,
}


def render(view: View) -> Figure:
    """The figure of ``view`` (a new Figure, not registered with pyplot)."""
    apply_style()
    fig = Figure(figsize=SIZE, layout="constrained")
    DRAW[view.kpi](view, fig)
    fig.suptitle(view.title, fontsize=11)
    return fig


def png(view: View, dpi: int = 90) -> bytes:
    """The figure of ``view`` as PNG bytes (no timestamp in the metadata)."""
    fig = render(view)
    buffer = io.BytesIO()
    fig.savefig(buffer, format="png", dpi=dpi, metadata={"Software": None})
    return buffer.getvalue()
