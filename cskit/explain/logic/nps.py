"""NPS explainer logic: move promoters, passives and detractors; watch the score and its interval.

The lesson: NPS only counts *groups*. A detractor who answers 0 and one who
answers 6 weigh the same (−1), so moving every detractor from 0 to 6 leaves
NPS where it was while the mean score jumps; and a few answers give a wide
interval.

>>> base = NPSBase(promoters=60, passives=32, detractors=8)
>>> view = compute(base, promoters=60, passives=32, detractors=8)
>>> view.numbers["nps"]
52.0
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import numpy as np
import pandas as pd

from cskit._validate import as_datetime
from cskit.explain.logic._common import (
    Control,
    View,
    label,
    month_of,
    num,
    pct,
    sample_company,
    sentence,
)
from cskit.i18n import t

KPI = "nps"
AS_ANSWERED = "as_answered"


@dataclass
class NPSBase:
    """Counts of the three groups, and how each group spreads over the 0–10 scores."""

    promoters: int
    passives: int
    detractors: int
    #: Share of each score within its group (promoters 9–10, passives 7–8, detractors 0–6).
    spread: dict[int, float] = field(default_factory=dict)
    month: str = ""

    def __post_init__(self) -> None:
        if not self.spread:  # an even spread inside each group
            self.spread = {s: 1 / 7 for s in range(7)} | {7: 0.5, 8: 0.5, 9: 0.5, 10: 0.5}


def prepare(data: pd.DataFrame | None = None, *, month: str | pd.Period | None = None) -> NPSBase:
    """Group counts of one month of NPS answers (default: the sample company's latest month)."""
    from cskit.metrics import nps as nps_metric

    frame = sample_company().surveys if data is None else data
    table = nps_metric(frame)
    chosen = month_of(month, table.index)
    row = table.loc[chosen]
    rows = frame
    if "survey" in frame.columns:
        rows = frame[frame["survey"] == "nps"]
    in_month = as_datetime(rows, "submitted_at", "surveys",
                           allow_missing=True).dt.to_period("M") == chosen
    scores = pd.to_numeric(rows.loc[in_month, "score"]).dropna().astype(int)
    counts = scores.value_counts().reindex(range(11), fill_value=0).astype(float)
    spread: dict[int, float] = {}
    for lo, hi in ((0, 6), (7, 8), (9, 10)):
        group = counts.loc[lo:hi]
        total = group.sum()
        share = group / total if total > 0 else pd.Series(1 / len(group), index=group.index)
        spread.update({int(s): float(v) for s, v in share.items()})
    return NPSBase(
        promoters=int(row["promoters"]),
        passives=int(row["passives"]),
        detractors=int(row["detractors"]),
        spread=spread,
        month=str(chosen),
    )


def controls(base: NPSBase) -> list[Control]:
    top = max(50, 2 * (base.promoters + base.passives + base.detractors))
    answers = ((AS_ANSWERED, label(KPI, "opt.as_answered")),) + tuple(
        (s, str(s)) for s in range(7)
    )
    return [
        Control("promoters", "int", base.promoters, label(KPI, "ctl.promoters"), 0, top, 1),
        Control("passives", "int", base.passives, label(KPI, "ctl.passives"), 0, top, 1),
        Control("detractors", "int", base.detractors, label(KPI, "ctl.detractors"), 0, top, 1),
        Control("detractor_answer", "choice", AS_ANSWERED, label(KPI, "ctl.detractor_answer"),
                options=answers),
        Control("confidence", "float", 0.95, label(KPI, "ctl.level"), 0.80, 0.99, 0.01, percent=True),
    ]


def score_counts(base: NPSBase, promoters: float, passives: float, detractors: float,
                 detractor_answer: Any = AS_ANSWERED) -> np.ndarray:
    """Answers per score 0–10 implied by the group counts (groups keep their spread)."""
    counts = np.zeros(11)
    for lo, hi, n in ((0, 6, detractors), (7, 8, passives), (9, 10, promoters)):
        for s in range(lo, hi + 1):
            counts[s] = n * base.spread.get(s, 0.0)
    if detractor_answer != AS_ANSWERED:
        counts[:7] = 0.0
        counts[int(detractor_answer)] = detractors
    return counts


def compute(
    base: NPSBase,
    previous: View | None = None,
    *,
    promoters: int,
    passives: int,
    detractors: int,
    detractor_answer: Any = AS_ANSWERED,
    confidence: float = 0.95,
) -> View:
    """NPS, its interval and the mean score for these group counts."""
    from cskit.metrics.nps import nps_interval

    values = {"promoters": promoters, "passives": passives, "detractors": detractors,
              "detractor_answer": detractor_answer, "confidence": confidence}
    level = confidence
    n = promoters + passives + detractors
    counts = score_counts(base, promoters, passives, detractors, detractor_answer)
    if n > 0:
        score = (promoters - detractors) / n * 100.0
        se, low, high = (float(x) for x in nps_interval(promoters, detractors, n,
                                                                confidence=level))
        mean = float((counts * np.arange(11)).sum() / n)
    else:
        score = se = low = high = mean = float("nan")
    share = (lambda k: k / n) if n else (lambda k: float("nan"))
    numbers = {
        "n": float(n),
        "promoters": share(promoters),
        "passives": share(passives),
        "detractors": share(detractors),
        "nps": score,
        "ci_low": low,
        "ci_high": high,
        "se": se,
        "mean_score": mean,
    }

    def points(x: float) -> str:
        return num(x, 1)

    rows = [
        (label(KPI, "num.n"), num(n)),
        (label(KPI, "num.promoters"), pct(numbers["promoters"])),
        (label(KPI, "num.passives"), pct(numbers["passives"])),
        (label(KPI, "num.detractors"), pct(numbers["detractors"])),
        (label(KPI, "num.nps"), points(score)),
        (label(KPI, "num.interval", level=level), f"{points(low)} … {points(high)}"),
        (label(KPI, "num.mean_score"), num(mean, 2)),
    ]
    formula = label(KPI, "formula", p=pct(numbers["promoters"]), d=pct(numbers["detractors"]),
                    nps=points(score))
    controls_ = controls(base)
    extra = ""
    if previous is not None and previous.values.get("detractor_answer") != detractor_answer:
        extra = label(KPI, "why.same_group", before=num(previous.numbers["mean_score"], 2),
                      after=num(mean, 2))
    elif previous is not None and n and previous.values.get("confidence") == level:
        extra = label(KPI, "why.interval", half=points((high - low) / 2), n=num(n))
    start = label(KPI, "start", n=num(n), nps=points(score), low=points(low), high=points(high),
                  month=base.month or "—")
    text = sentence(KPI, controls_, values, numbers, previous, "nps", points, start=start,
                    extra=extra)
    figure = {
        "scores": list(range(11)),
        "counts": counts.tolist(),
        "groups": ["detractors"] * 7 + ["passives"] * 2 + ["promoters"] * 2,
        "nps": score,
        "ci": (low, high),
        "mean_score": mean,
    }
    return View(KPI, values, numbers, rows, formula, text, figure,
                title=t("kpi.nps"), caption=label(KPI, "caption"),
                headline=label(KPI, "num.nps"))
