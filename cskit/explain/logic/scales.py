"""CSAT and CES explainer logic: top-box share vs mean score on the same answers.

CSAT asks for 1–5 and usually reports the *top-2-box* share (answers 4–5 ÷
all answers); CES asks for 1–7 and reports the share of 5–7 — or either
survey reports a *mean* score. The two summaries are not comparable: moving
neutral answers to both ends of the scale (as many up as down) leaves the
mean exactly where it was and raises the top-box share. Some CES surveys are
inverted (1 = very easy): read them the wrong way round and "easy" becomes
"hard".

>>> base = ScalesBase(survey="csat", counts={1: 0, 2: 0, 3: 4, 4: 3, 5: 3})
>>> view = compute(base, threshold=4, polarise=0, inverted="no")
>>> view.numbers["top_box"], view.numbers["mean"]
(0.6, 3.9)
>>> view = compute(base, threshold=4, polarise=1, inverted="no")
>>> view.numbers["top_box"], view.numbers["mean"]
(0.7, 3.9)
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd

from cskit._validate import as_datetime
from cskit.errors import InvalidParameterError
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

KPI = "scales"
#: Highest answer and default lowest "positive" answer of each survey.
SCALES = {"csat": (5, 4), "ces": (7, 5)}


@dataclass
class ScalesBase:
    """Answers per score (1 … top) of one survey."""

    survey: str
    counts: dict[int, int]
    period: str = ""

    @property
    def top(self) -> int:
        return SCALES[self.survey][0]


def prepare(
    data: pd.DataFrame | None = None,
    *,
    survey: str = "csat",
    month: str | pd.Period | None = None,
    months: int = 3,
) -> ScalesBase:
    """Answers of ``survey`` in the ``months`` months up to ``month`` (default: the latest)."""
    if survey not in SCALES:
        raise InvalidParameterError(f"survey={survey!r} is not known; use 'csat' or 'ces'.")
    frame = sample_company().surveys if data is None else data
    rows = frame[frame["survey"] == survey] if "survey" in frame.columns else frame
    periods = as_datetime(rows, "submitted_at", "surveys", allow_missing=True).dt.to_period("M")
    last = month_of(month, periods)
    first = last - (months - 1)
    chosen = rows.loc[(periods >= first) & (periods <= last), "score"]
    scores = pd.to_numeric(chosen, errors="coerce").dropna().astype(int)
    top = SCALES[survey][0]
    counts = scores.value_counts().reindex(range(1, top + 1), fill_value=0)
    label_ = str(last) if months == 1 else f"{first} – {last}"
    return ScalesBase(survey=survey, counts={int(k): int(v) for k, v in counts.items()},
                      period=label_)


def controls(base: ScalesBase) -> list[Control]:
    top, positive = SCALES[base.survey]
    middle = (1 + top) // 2
    pairs = base.counts.get(middle, 0) // 2
    return [
        Control("threshold", "int", positive, label(KPI, "ctl.threshold"), 2, top, 1),
        Control("polarise", "int", 0, label(KPI, "ctl.polarise"), 0, max(pairs, 1), 1),
        Control("inverted", "toggle", "no", label(KPI, "ctl.inverted"),
                options=(("no", label(KPI, "opt.no")), ("yes", label(KPI, "opt.yes")))),
    ]


def answers(base: ScalesBase, polarise: int = 0, inverted: str = "no") -> np.ndarray:
    """Answers per score 1 … top after the two what-ifs (index 0 is score 1)."""
    top = base.top
    counts = np.array([base.counts.get(s, 0) for s in range(1, top + 1)], dtype=float)
    middle = (1 + top) // 2
    k = min(int(polarise), int(counts[middle - 1] // 2))
    counts[middle - 1] -= 2 * k
    counts[0] += k
    counts[-1] += k
    if inverted == "yes":  # the survey stored 1 = best: reading it as is flips every answer
        counts = counts[::-1]
    return counts


def compute(
    base: ScalesBase,
    previous: View | None = None,
    *,
    threshold: int,
    polarise: int = 0,
    inverted: str = "no",
) -> View:
    """Top-box share and mean score of the (possibly what-if) answers."""
    values = {"threshold": threshold, "polarise": polarise, "inverted": inverted}
    counts = answers(base, polarise, inverted)
    scores = np.arange(1, base.top + 1)
    n = counts.sum()
    top_box = float(counts[scores >= threshold].sum() / n) if n else float("nan")
    mean = float((counts * scores).sum() / n) if n else float("nan")
    numbers = {"n": float(n), "top_box": top_box, "mean": mean,
               "bottom_box": float(counts[scores <= base.top - threshold + 1].sum() / n)
               if n else float("nan")}
    name = label(KPI, f"name.{base.survey}")
    band = f"{threshold}–{base.top}" if threshold < base.top else str(base.top)
    rows = [
        (label(KPI, "num.survey"), name),
        (label(KPI, "num.period"), base.period or "—"),
        (label(KPI, "num.n"), num(n)),
        (label(KPI, "num.top_box_band", band=band), pct(top_box)),
        (label(KPI, "num.mean"), f"{num(mean, 2)} / {base.top}"),
    ]
    formula = label(KPI, "formula", band=band, positive=num(counts[scores >= threshold].sum()),
                    n=num(n), share=pct(top_box), mean=num(mean, 2))
    extra = ""
    if previous is not None and previous.values.get("polarise") != polarise:
        extra = label(KPI, "why.polarise", mean=num(mean, 2))
    elif previous is not None and previous.values.get("inverted") != inverted:
        extra = label(KPI, "why.inverted")
    start_text = label(KPI, "start", survey=name, n=num(n), share=pct(top_box), band=band,
                       mean=num(mean, 2), top=base.top)
    text = sentence(KPI, controls(base), values, numbers, previous, "top_box", pct,
                    start=start_text, extra=extra)
    figure = {"scores": scores.tolist(), "counts": counts.tolist(),
              "positive": (scores >= threshold).tolist(), "mean": mean, "top": base.top}
    return View(KPI, values, numbers, rows, formula, text, figure,
                title=label(KPI, "title", survey=name), caption=label(KPI, "caption"),
                headline=label(KPI, "num.top_box"))
