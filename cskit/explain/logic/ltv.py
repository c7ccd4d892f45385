"""LTV explainer logic: ARPA, churn and margin — and why LTV explodes as churn → 0.

Subscription LTV = ARPA × gross margin ÷ churn rate, with ARPA and churn in
the same time unit (monthly ARPA with monthly churn). 1 ÷ churn is the
expected lifetime in months, so halving churn doubles LTV, and at zero churn
the formula has no value (an infinite lifetime): use a trailing average churn
and never report an LTV computed from a month with no churn.

>>> view = compute(LTVBase(arpa=100.0, churn=0.05), arpa=100.0, churn=0.05, margin=1.0)
>>> round(view.numbers["ltv"], 6), round(view.numbers["lifetime"], 6)
(2000.0, 20.0)
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
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

KPI = "ltv"
#: Churn rates of the curve (monthly, 0.5 % … 20 %).
CURVE = np.round(np.linspace(0.005, 0.20, 79), 4)


@dataclass
class LTVBase:
    """Monthly ARPA and trailing average monthly churn of the data, and a gross margin."""

    arpa: float
    churn: float
    margin: float = 1.0
    month: str = ""


def prepare(
    data: pd.DataFrame | None = None,
    *,
    month: str | pd.Period | None = None,
    trailing: int = 12,
    margin: float = 1.0,
) -> LTVBase:
    """ARPA of ``month`` and the mean monthly logo churn of the ``trailing`` months up to it.

    Both come from :func:`cskit.metrics.ltv` with its defaults (subscription
    model, trailing mean churn, no gross margin), so the starting view shows the
    revenue LTV that notebook 09 and the glossary show. ``margin`` is not in
    billing data: the default 1.0 is that revenue LTV; any other margin is a
    hypothesis, shown beside the baseline.
    """
    from cskit.metrics import ltv

    frame = sample_company().mrr if data is None else data
    table = ltv(frame, period="M", window=trailing)
    chosen = month_of(month, table.index)
    row = table.loc[chosen]
    return LTVBase(arpa=float(row["arpa"]), churn=float(row["churn_rate"]), margin=margin,
                   month=str(chosen))


def controls(base: LTVBase) -> list[Control]:
    top = max(3 * base.arpa, 100.0)
    step = slider_step(top)
    return [
        Control("arpa", "float", base.arpa, label(KPI, "ctl.arpa"), 0.0,
                float(np.ceil(top / step) * step), step),
        Control("churn", "float", base.churn, label(KPI, "ctl.churn"), 0.0, 0.20, 0.001,
                percent=True),
        Control("margin", "float", base.margin, label(KPI, "ctl.margin"), 0.0, 1.0, 0.01,
                percent=True),
    ]


def ltv_value(arpa: float, churn: float, margin: float = 1.0) -> float:
    """ARPA × margin ÷ churn; ``inf`` at zero churn (undefined: no finite lifetime)."""
    if churn <= 0:
        return float("inf") if arpa * margin > 0 else float("nan")
    return arpa * margin / churn


def compute(
    base: LTVBase,
    previous: View | None = None,
    *,
    arpa: float,
    churn: float,
    margin: float = 1.0,
) -> View:
    """LTV, expected lifetime, and the LTV-by-churn curve for this ARPA and margin."""
    values = {"arpa": arpa, "churn": churn, "margin": margin}
    value = ltv_value(arpa, churn, margin)
    lifetime = 1 / churn if churn > 0 else float("inf")
    numbers = {"arpa": arpa, "churn": churn, "margin": margin, "ltv": value, "lifetime": lifetime}
    rows = [
        (label(KPI, "ctl.arpa"), num(arpa, 2)),
        (label(KPI, "ctl.churn"), pct(churn, 2)),
        (label(KPI, "ctl.margin"), pct(margin, 0)),
        (label(KPI, "num.lifetime"), num(lifetime, 1)),
        (label(KPI, "num.ltv"), num(value)),
    ]
    changed = [name for name, given in values.items()
               if not np.isclose(float(given), float(getattr(base, name) if name != "margin"
                                                      else 1.0))]
    if changed:  # a hypothesis: show the data's revenue LTV beside it
        numbers["baseline_ltv"] = ltv_value(base.arpa, base.churn, 1.0)
        rows.append((label(KPI, "num.baseline"), num(numbers["baseline_ltv"])))
    formula = label(KPI, "formula", arpa=num(arpa, 2), margin=pct(margin, 0),
                    churn=pct(churn, 2), ltv=num(value))
    extra = ""
    if churn <= 0:
        extra = label(KPI, "why.zero")
    elif previous is not None and previous.values.get("churn") != churn and churn < 0.02:
        extra = label(KPI, "why.explodes", half=pct(churn / 2, 2), double=num(2 * value))
    start_text = label(KPI, "start", month=base.month or "—", arpa=num(arpa, 2),
                       churn=pct(churn, 2), ltv=num(value))
    text = sentence(KPI, controls(base), values, numbers, previous, "ltv", num,
                    start=start_text, extra=extra)
    if changed:
        names = ", ".join(label(KPI, f"ctl.{name}") for name in changed)
        text = f"{label(KPI, 'hypothetical', changed=names, ltv=num(numbers['baseline_ltv']))} " \
               f"{text}"
    figure = {
        "churn": CURVE.tolist(),
        "ltv": [arpa * margin / c for c in CURVE],
        "point": (churn, value),
    }
    return View(KPI, values, numbers, rows, formula, text, figure, title=label(KPI, "title"),
                caption=f"{label(KPI, 'convention')}. {label(KPI, 'caption')}",
                headline=label(KPI, "num.ltv"))
