"""MRR movements explainer logic: build a month from its five movements.

start + new + expansion − contraction − churn + reactivation = end, exactly.
A churned customer who comes back is *reactivation*, not new business.

>>> base = MRRBase(start=100.0, new=0.0, expansion=10.0, contraction=10.0, churn=10.0,
...                reactivation=0.0)
>>> view = compute(base, new=0.0, expansion=10.0, contraction=10.0, churn=10.0,
...                reactivation=0.0)
>>> view.numbers["end"], view.numbers["gross_churn"], view.numbers["net_churn"]
(90.0, 0.2, 0.1)
"""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from cskit.explain.logic._common import (
    Control,
    View,
    label,
    month_of,
    num,
    pct,
    sample_company,
    sentence,
    slider_step,
)
from cskit.i18n import t

KPI = "mrr"
MOVES = ("new", "expansion", "contraction", "churn", "reactivation")
SIGN = {"new": 1, "expansion": 1, "contraction": -1, "churn": -1, "reactivation": 1}


@dataclass
class MRRBase:
    """Start MRR and the five movements of one month."""

    start: float
    new: float
    expansion: float
    contraction: float
    churn: float
    reactivation: float
    month: str = ""


def prepare(data: pd.DataFrame | None = None, *, month: str | pd.Period | None = None) -> MRRBase:
    """One month of :func:`cskit.metrics.mrr_movements` (default: the sample's latest month)."""
    from cskit.metrics import mrr_movements

    frame = sample_company().mrr if data is None else data
    table = mrr_movements(frame)
    chosen = month_of(month, table.index)
    row = table.loc[chosen]
    return MRRBase(month=str(chosen), start=float(row["start"]),
                   **{m: float(row[m]) for m in MOVES})


def controls(base: MRRBase) -> list[Control]:
    out = []
    for move in MOVES:
        current = getattr(base, move)
        top = max(3 * current, 0.05 * base.start, 100.0)
        step = slider_step(top)
        top = round(top / step) * step
        out.append(Control(move, "float", current, t(f"move.{move}"), 0.0, top, step))
    return out


def compute(
    base: MRRBase,
    previous: View | None = None,
    *,
    new: float,
    expansion: float,
    contraction: float,
    churn: float,
    reactivation: float,
) -> View:
    """End MRR, net new MRR, growth and revenue churn for these movements."""
    values = {"new": new, "expansion": expansion, "contraction": contraction, "churn": churn,
              "reactivation": reactivation}
    start = base.start
    end = start + new + expansion - contraction - churn + reactivation
    losses = contraction + churn
    gains = new + expansion + reactivation
    numbers = {
        "start": start,
        **{m: float(v) for m, v in values.items()},
        "end": end,
        "net_new": end - start,
        "growth": end / start - 1 if start else float("nan"),
        "gross_churn": losses / start if start else float("nan"),
        "net_churn": (losses - expansion - reactivation) / start if start else float("nan"),
        "quick_ratio": gains / losses if losses else float("nan"),
    }
    rows = [
        (t("move.start"), num(start)),
        *[(t(f"move.{m}"), f"{'+' if SIGN[m] > 0 else '−'}{num(values[m])}") for m in MOVES],
        (t("move.end"), num(end)),
        (label(KPI, "num.net_new"), f"{end - start:+,.0f}"),
        (label(KPI, "num.growth"), pct(numbers["growth"], 2)),
        (label(KPI, "num.gross_churn"), pct(numbers["gross_churn"], 2)),
        (label(KPI, "num.net_churn"), pct(numbers["net_churn"], 2)),
        (label(KPI, "num.quick_ratio"), num(numbers["quick_ratio"], 2)),
    ]
    formula = label(KPI, "formula", start=num(start), new=num(new), expansion=num(expansion),
                    contraction=num(contraction), churn=num(churn),
                    reactivation=num(reactivation), end=num(end))
    extra = ""
    if previous is not None and previous.values.get("reactivation") != reactivation:
        extra = label(KPI, "why.reactivation")
    elif previous is not None and previous.values.get("expansion") != expansion:
        extra = label(KPI, "why.net_churn", before=pct(previous.numbers["net_churn"], 2),
                      after=pct(numbers["net_churn"], 2))
    start_text = label(KPI, "start", month=base.month or "—", start=num(start), end=num(end),
                       net_new=f"{end - start:+,.0f}")
    text = sentence(KPI, controls(base), values, numbers, previous, "end", num,
                    start=start_text, extra=extra)
    steps = [("start", start)] + [(m, SIGN[m] * values[m]) for m in MOVES] + [("end", end)]
    # The figure is cskit.plotting.mrr_waterfall of this one month (no second waterfall).
    when = pd.Period(base.month, freq="M") if base.month else pd.Period("2000-01", freq="M")
    movements = pd.DataFrame(
        {"start": [start], **{m: [float(values[m])] for m in MOVES}, "end": [end]},
        index=pd.PeriodIndex([when], name="period"),
    )
    figure = {"steps": steps, "labels": [t(f"move.{k}") for k, _ in steps],
              "movements": movements, "month_known": bool(base.month)}
    return View(KPI, values, numbers, rows, formula, text, figure,
                title=label(KPI, "title"), caption=label(KPI, "caption"),
                headline=t("move.end"))
