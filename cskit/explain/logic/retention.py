"""NRR vs GRR explainer logic: what each retention rate counts.

Take the customers paying at the start of the window and their MRR then
(start MRR). At the end of the window the same customers pay more
(expansion), less (contraction) or nothing (churn).

* NRR (net dollar / net revenue retention) = (start + expansion − contraction − churn) ÷ start
* GRR (gross revenue retention) = (start − contraction − churn) ÷ start — never above 100 %

New customers (and customers who were not paying at the start) are in
neither: they change end MRR, not retention.

>>> base = RetentionBase(start=100.0, expansion=10.0, contraction=10.0, churn=10.0, new=0.0)
>>> v = compute(base, expansion=10.0, contraction=10.0, churn=10.0, new=0.0)
>>> round(v.numbers["nrr"], 4), round(v.numbers["grr"], 4)
(0.9, 0.8)
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd

from cskit._validate import as_month
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

KPI = "retention"
AMOUNTS = ("expansion", "contraction", "churn", "new")


@dataclass
class RetentionBase:
    """Start MRR of the cohort and what happened to it over the window."""

    start: float
    expansion: float
    contraction: float
    churn: float
    new: float
    window: int = 12
    month: str = ""


def prepare(
    data: pd.DataFrame | None = None,
    *,
    month: str | pd.Period | None = None,
    window: int = 12,
    customer_col: str = "customer_id",
    month_col: str = "month",
    mrr_col: str = "mrr",
) -> RetentionBase:
    """Cohort amounts from an ``mrr`` frame: customers paying ``window`` months before ``month``.

    Computed by :func:`cskit.metrics.nrr` (``period="M"``, returned customers
    excluded, its default), so the explainer starts from the number notebook 04
    and the report show: the 12-month NRR of the report month. With fewer than
    ``window + 1`` months of data the window falls back to one month (the
    monthly NRR, captioned so). ``new`` is the month's MRR from customers
    outside that cohort.
    """
    from cskit.metrics import nrr

    frame = sample_company().mrr if data is None else data
    months = pd.PeriodIndex(as_month(frame, month_col, "mrr"))
    end_month = month_of(month, months)
    span = int((months.max() - months.min()).n) + 1 if len(months) else 0
    if window > span - 1:
        window = 1
    table = nrr(frame, period="M", window=window, customer_col=customer_col, month_col=month_col,
                mrr_col=mrr_col)
    if end_month not in table.index:
        end_month = table.index[-1]
    row = table.loc[end_month]
    total_end = float(pd.Series(frame[mrr_col].to_numpy(dtype=float))[months == end_month].sum())
    return RetentionBase(
        start=float(row["start"]),
        expansion=float(row["expansion"]),
        contraction=float(row["contraction"]),
        churn=float(row["churn"]),
        new=max(total_end - float(row["end"]), 0.0),
        window=window,
        month=str(end_month),
    )


def convention(window: int) -> str:
    """The caption of the headline: "12-month NRR (returns excluded)" or "monthly NRR"."""
    if window == 1:
        return label(KPI, "convention.monthly")
    return label(KPI, "convention.window", window=window)


def controls(base: RetentionBase) -> list[Control]:
    out = []
    for name in AMOUNTS:
        current = getattr(base, name)
        top = base.start if name in ("contraction", "churn") else max(3 * current, 0.2 * base.start)
        top = max(top, current, 100.0)
        step = slider_step(top)
        out.append(Control(name, "float", current, t(f"move.{name}"), 0.0,
                           float(np.ceil(top / step) * step), step))
    return out


def compute(
    base: RetentionBase,
    previous: View | None = None,
    *,
    expansion: float,
    contraction: float,
    churn: float,
    new: float,
) -> View:
    """NRR and GRR of the cohort for these amounts."""
    values = {"expansion": expansion, "contraction": contraction, "churn": churn, "new": new}
    start = base.start
    lost = min(contraction + churn, start)  # a cohort cannot lose more than it had
    retained = start - lost
    numbers = {
        "start": start,
        "retained": retained,
        "nrr": (retained + expansion) / start if start else float("nan"),
        "grr": retained / start if start else float("nan"),
        "end": retained + expansion + new,
        **{k: float(v) for k, v in values.items()},
    }
    rows = [
        (label(KPI, "num.start"), num(start)),
        (t("move.expansion"), f"+{num(expansion)}"),
        (t("move.contraction"), f"−{num(contraction)}"),
        (t("move.churn"), f"−{num(churn)}"),
        (label(KPI, "num.nrr"), pct(numbers["nrr"])),
        (label(KPI, "num.grr"), pct(numbers["grr"])),
        (label(KPI, "num.new"), num(new)),
        (label(KPI, "num.end"), num(numbers["end"])),
    ]
    data_values = {name: float(getattr(base, name)) for name in AMOUNTS}
    if any(not np.isclose(float(values[k]), v) for k, v in data_values.items()):
        kept = start - min(base.contraction + base.churn, start)
        baseline = (kept + base.expansion) / start if start else float("nan")
        numbers["baseline_nrr"] = baseline
        rows.append((label(KPI, "num.baseline", convention=convention(base.window)),
                     pct(baseline)))
    formula = label(KPI, "formula", start=num(start), expansion=num(expansion),
                    contraction=num(contraction), churn=num(churn), nrr=pct(numbers["nrr"]),
                    grr=pct(numbers["grr"]))
    extra = ""
    if previous is not None:
        if previous.values.get("new") != new:
            extra = label(KPI, "why.new")
        elif previous.values.get("expansion") != expansion:
            extra = label(KPI, "why.expansion", grr=pct(numbers["grr"]))
    start_text = label(KPI, "start", window=base.window, month=base.month or "—",
                       nrr=pct(numbers["nrr"]), grr=pct(numbers["grr"]))
    text = sentence(KPI, controls(base), values, numbers, previous, "nrr", pct,
                    start=start_text, extra=extra)
    if "baseline_nrr" in numbers:
        text = f"{label(KPI, 'hypothetical', nrr=pct(numbers['baseline_nrr']))} {text}"
    figure = {
        "bars": [label(KPI, "num.grr"), label(KPI, "num.nrr")],
        "retained": [numbers["grr"], numbers["grr"]],
        "expansion": [0.0, numbers["nrr"] - numbers["grr"]],
        "values": [numbers["grr"], numbers["nrr"]],
    }
    return View(KPI, values, numbers, rows, formula, text, figure, title=label(KPI, "title"),
                caption=f"{convention(base.window)}. {label(KPI, 'caption', window=base.window)}",
                headline=label(KPI, "num.nrr"))
