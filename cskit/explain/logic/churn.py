"""Churn explainer logic: the same customers under three denominators and two switches.

For one period the counts are fixed — customers at the start, new ones,
customers at the end, and who churned — yet the "churn rate" depends on what
you divide by (start, the average of start and end, start + new) and on two
conventions: do customers who join and churn in the same period count, and
does a churn followed by a return before the period ends count?

>>> counts = pd.DataFrame({"start": [100], "new": [20], "end": [105],
...     "churned_start": [10], "churned_joined": [5], "returned_start": [2],
...     "returned_joined": [1]}, index=pd.PeriodIndex(["2026-10"], freq="M"))
>>> base = ChurnBase(periods={"M": counts})
>>> view = compute(base, period="M", join_and_churn="exclude", reactivated="count")
>>> view.numbers["churned"], view.numbers["rate_start"]
(10.0, 0.1)
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np
import pandas as pd

from cskit.explain.logic._common import Control, View, label, num, pct, sample_company, sentence
from cskit.i18n import t

KPI = "churn"
DENOMINATORS = ("start", "average", "start_plus_new")
COUNTS = ["start", "new", "end", "churned_start", "churned_joined", "returned_start",
          "returned_joined"]
HISTORY = {"M": 12, "Q": 8, "Y": 5}


@dataclass
class ChurnBase:
    """Per frequency (``"M"``, ``"Q"``, ``"Y"``): counts per period, oldest first.

    Columns: ``start, new, end`` customers; ``churned_start`` (start customers
    who churned in the period), ``churned_joined`` (customers who joined and
    churned in it), ``returned_start`` / ``returned_joined`` (of those, the ones
    active again at the period's end).
    """

    periods: dict[str, pd.DataFrame] = field(default_factory=dict)


def prepare(data: pd.DataFrame | None = None) -> ChurnBase:
    """Counts from an ``mrr`` frame with :func:`cskit.metrics.churn` (default: the sample)."""
    from cskit.metrics import churn

    frame = sample_company().mrr if data is None else data
    periods: dict[str, pd.DataFrame] = {}
    for freq, keep in HISTORY.items():
        runs = {
            (j, r): churn(frame, period=freq, join_and_churn=j, reactivated=r)
            for j in ("exclude", "count")
            for r in ("count", "net")
        }
        first = runs[("exclude", "count")]
        if first.empty:
            continue
        a = first["churned"]
        b = runs[("count", "count")]["churned"] - a
        returned_start = a - runs[("exclude", "net")]["churned"]
        returned_all = (a + b) - runs[("count", "net")]["churned"]
        table = pd.DataFrame(
            {
                "start": first["start_customers"],
                "new": first["new_customers"],
                "end": first["end_customers"],
                "churned_start": a,
                "churned_joined": b,
                "returned_start": returned_start,
                "returned_joined": returned_all - returned_start,
            }
        ).astype("int64")
        periods[freq] = table.tail(keep)
    return ChurnBase(periods=periods)


def controls(base: ChurnBase) -> list[Control]:
    names = {"M": "opt.month", "Q": "opt.quarter", "Y": "opt.year"}
    available = tuple((f, label(KPI, names[f])) for f in ("M", "Q", "Y") if f in base.periods)
    # Quarters by default: a month cannot hold a join and a churn, or a churn and a return.
    default = "Q" if "Q" in base.periods else available[0][0]
    return [
        Control("period", "choice", default, label(KPI, "ctl.period"), options=available),
        Control("join_and_churn", "toggle", "exclude", label(KPI, "ctl.join_and_churn"),
                options=(("exclude", label(KPI, "opt.exclude")), ("count", label(KPI, "opt.count")))),
        Control("reactivated", "toggle", "count", label(KPI, "ctl.reactivated"),
                options=(("count", label(KPI, "opt.keep")), ("net", label(KPI, "opt.net")))),
    ]


def rates(counts: pd.DataFrame, join_and_churn: str, reactivated: str) -> pd.DataFrame:
    """Churned customers and the rate under each denominator, per period (vectorised)."""
    joined = join_and_churn == "count"
    churned = counts["churned_start"] + (counts["churned_joined"] if joined else 0)
    if reactivated == "net":
        churned = churned - counts["returned_start"] - (counts["returned_joined"] if joined else 0)
    denominators = {
        "start": counts["start"].astype(float),
        "average": (counts["start"] + counts["end"]) / 2.0,
        "start_plus_new": (counts["start"] + counts["new"]).astype(float),
    }
    out = pd.DataFrame({"churned": churned.astype(float)})
    for name, d in denominators.items():
        out[f"rate_{name}"] = (churned / d).where(d > 0)
    return out


def compute(
    base: ChurnBase,
    previous: View | None = None,
    *,
    period: str = "Q",
    join_and_churn: str = "exclude",
    reactivated: str = "count",
) -> View:
    """Rates of the latest complete period under the three denominators, and their history."""
    values = {"period": period, "join_and_churn": join_and_churn, "reactivated": reactivated}
    counts = base.periods[period]
    table = rates(counts, join_and_churn, reactivated)
    last = counts.iloc[-1]
    now = table.iloc[-1]
    numbers = {
        "start": float(last["start"]),
        "new": float(last["new"]),
        "end": float(last["end"]),
        "churned": float(now["churned"]),
        **{f"rate_{d}": float(now[f"rate_{d}"]) for d in DENOMINATORS},
    }
    label_of = {d: t(f"denominator.{d}") for d in DENOMINATORS}
    rows = [
        (label(KPI, "num.period"), str(counts.index[-1])),
        (label(KPI, "num.start"), num(numbers["start"])),
        (label(KPI, "num.new"), num(numbers["new"])),
        (label(KPI, "num.end"), num(numbers["end"])),
        (label(KPI, "num.churned"), num(numbers["churned"])),
    ] + [(label_of[d], pct(numbers[f"rate_{d}"], 2)) for d in DENOMINATORS]
    formula = label(
        KPI, "formula", churned=num(numbers["churned"]), start=num(numbers["start"]),
        average=num((numbers["start"] + numbers["end"]) / 2, 1),
        start_plus_new=num(numbers["start"] + numbers["new"]),
        r1=pct(numbers["rate_start"], 2), r2=pct(numbers["rate_average"], 2),
        r3=pct(numbers["rate_start_plus_new"], 2),
    )
    spread = np.nanmax([numbers[f"rate_{d}"] for d in DENOMINATORS]) - np.nanmin(
        [numbers[f"rate_{d}"] for d in DENOMINATORS])
    start = label(KPI, "start", period=str(counts.index[-1]), churned=num(numbers["churned"]),
                  low=pct(np.nanmin([numbers[f"rate_{d}"] for d in DENOMINATORS]), 2),
                  high=pct(np.nanmax([numbers[f"rate_{d}"] for d in DENOMINATORS]), 2))
    extra = ""
    joined_churned = float(last["churned_joined"])
    returned = float(last["returned_start"] + last["returned_joined"])
    if previous is not None and previous.values.get("join_and_churn") != join_and_churn:
        extra = (label(KPI, "why.join", n=num(joined_churned)) if joined_churned
                 else label(KPI, "why.none"))
    elif previous is not None and previous.values.get("reactivated") != reactivated:
        extra = label(KPI, "why.return", n=num(returned)) if returned else label(KPI, "why.none")
    elif previous is not None and previous.values.get("period") != period:
        extra = label(KPI, "why.period", spread=pct(float(spread), 2))
    text = sentence(KPI, controls(base), values, numbers, previous, "rate_start",
                    lambda x: pct(x, 2), start=start, extra=extra)
    figure = {
        "denominators": [label_of[d] for d in DENOMINATORS],
        "rates": [numbers[f"rate_{d}"] for d in DENOMINATORS],
        "periods": [str(p) for p in counts.index],
        "history": {label_of[d]: table[f"rate_{d}"].tolist() for d in DENOMINATORS},
    }
    return View(KPI, values, numbers, rows, formula, text, figure, title=t("kpi.churn"),
                caption=label(KPI, "caption"), headline=label_of["start"])
