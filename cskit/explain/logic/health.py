"""Health-score explainer logic: weights re-rank accounts; the backtest says if that helped.

A health score is a weighted mean of component scores on 0–100,
Σ wᵢxᵢ ÷ Σ wᵢ, banded red (≤ 50), yellow (≤ 75) and green. The KPI-setting
article asks that a KPI be checked against what happened: the score is
computed at a *snapshot* month and compared with churn in the months after it.
AUC is the chance that a randomly picked churned account scored lower than a
randomly picked retained one (0.5 = no better than a coin).

Everything is computed by :mod:`cskit.health`: the signals by
:func:`~cskit.health.health_inputs`, their 0–100 scales by
:func:`~cskit.health.health_score` (:data:`~cskit.health.DEFAULT_COMPONENTS`
and :data:`~cskit.health.OTHER_COMPONENTS`), the score by
:func:`~cskit.health.weighted_score`, bands by :func:`~cskit.health.bands`, the
check by :func:`~cskit.health.churn_labels` and :func:`~cskit.health.auc`, and
fitted weights by :func:`~cskit.health.calibrate` – fitted on months before the
snapshot's outcome, judged on later months only.

The starting weights are :func:`~cskit.health.health_score`'s defaults
(:data:`~cskit.health.DEFAULT_COMPONENTS`: active days twice, NPS and support
load once; the other signals at weight 0), so the default view shows the
scores and bands that ``health_score``, notebook 08 and the report show; the
explainer says when a choice of weights ranks churners worse than its best
single component alone.

>>> comps = pd.DataFrame({"a": [100.0, 60.0, 0.0], "b": [0.0, 60.0, 100.0]},
...                      index=["x", "y", "z"])
>>> base = HealthBase(components=comps, churned=pd.Series([False, False, True], index=comps.index))
>>> v = compute(base, a=1, b=0)
>>> v.numbers["auc"], v.numbers["best_auc"]
(1.0, 1.0)
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from typing import Any

import numpy as np
import pandas as pd

from cskit import health
from cskit.errors import CskitError, InvalidParameterError
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

KPI = "health"
BANDS = health.DEFAULT_BANDS
AT_RISK = 10
#: The weights the sliders start from: ``health_score``'s defaults, the other signals at 0.
START_WEIGHTS = {
    **{c.name: c.weight for c in health.DEFAULT_COMPONENTS},
    **{c.name: 0.0 for c in health.OTHER_COMPONENTS},
}


@dataclass
class HealthBase:
    """Component scores (0–100, one row per account) and whether each account churned later."""

    components: pd.DataFrame
    churned: pd.Series
    snapshot: str = ""
    horizon: int = 3
    #: True when the components are ranks among the accounts (a fixed share is always low).
    ranked: bool = False
    #: Weights fitted by :func:`cskit.health.calibrate` and how they did on later months.
    fitted: dict[str, float] = field(default_factory=dict)
    fitted_auc: float = float("nan")
    fitted_months: str = ""


def prepare(data: Any = None, *, month: str | pd.Period | None = None, horizon: int = 3) -> HealthBase:
    """Components at ``month − horizon`` and churn within ``horizon`` months (default: latest month).

    ``data`` is the sample company (default), any object with the tables as
    attributes (``mrr``, ``events``, ``tickets``, ``surveys``, ``accounts``), or a
    DataFrame of your own component values (numeric columns, one row per
    account) with a boolean ``churned`` column: each column is then scored as
    its percentile rank among the accounts.
    """
    if isinstance(data, pd.DataFrame):
        if "churned" not in data.columns:
            raise InvalidParameterError(
                "A frame of health components needs a boolean 'churned' column (did the account "
                "churn after the snapshot?) next to numeric component columns."
            )
        raw = data.drop(columns=["churned"]).select_dtypes("number")
        if raw.empty:
            raise InvalidParameterError(
                "The health components frame has no numeric columns besides 'churned'."
            )
        comps = pd.DataFrame(
            {c: health.normalise(raw[c], health.Component(c, method="percentile"))
             for c in raw.columns}, index=raw.index,
        )
        return HealthBase(components=comps, churned=data["churned"].astype(bool), ranked=True)
    company = sample_company() if data is None else data
    mrr = company.mrr
    end = month_of(month, pd.PeriodIndex(mrr["month"], freq="M"))
    snap = end - horizon
    events = company.events
    key = sorted(set(events["event"].unique()) - {"login", "view_dashboard"}) or None
    inputs = health.health_inputs(events, company.accounts, mrr,
                                  surveys=getattr(company, "surveys", None),
                                  tickets=getattr(company, "tickets", None),
                                  key_features=key, end=end)
    parts = [replace(c, weight=START_WEIGHTS[c.name])
             for c in health.DEFAULT_COMPONENTS + health.OTHER_COMPONENTS
             if inputs[c.name].notna().any()]
    known = mrr.loc[np.asarray(pd.PeriodIndex(mrr["month"], freq="M") <= end)]
    labels = health.churn_labels(known, horizon=horizon)
    labels = labels.loc[labels["month"] == snap].set_index("account_id")["churned"]
    at_snap = inputs.loc[inputs["month"] == snap].reset_index(drop=True)
    scored = health.health_score(at_snap, components=parts)
    comps = scored.set_index("account_id")[[c.name for c in parts]]
    order = [n for n in START_WEIGHTS if n in comps.columns]
    comps = comps[order]
    base = HealthBase(components=comps, churned=labels.reindex(comps.index).fillna(False),
                      snapshot=str(snap), horizon=horizon)
    try:  # fitted on months whose outcome was known before the judged ones
        fit = health.calibrate(inputs, known, components=[c for c in parts if c.name in order],
                               horizon=horizon)
    except CskitError:  # too little history to fit and judge: the sliders still work
        return base
    base.fitted = {c.name: c.weight for c in fit.components}
    base.fitted_auc = fit.auc_test
    base.fitted_months = f"{fit.fit_months[0]}–{fit.fit_months[1]} → " \
                         f"{fit.test_months[0]}–{fit.test_months[1]}"
    return base


def controls(base: HealthBase) -> list[Control]:
    return [
        Control(c, "int", _weight(START_WEIGHTS.get(c, 1)), _component_label(c), 0, 5, 1)
        for c in base.components.columns
    ]


def _weight(value: float) -> int | float:
    """A slider's starting weight: a whole number as an int (the sliders step by 1)."""
    return int(value) if float(value).is_integer() else float(value)


def _component_label(name: str) -> str:
    from cskit.i18n import EN

    return label(KPI, f"comp.{name}") if f"explain.health.comp.{name}" in EN else str(name)


def compute(base: HealthBase, previous: View | None = None, **weights: float) -> View:
    """Score, bands, AUC of the backtest and the accounts most at risk for these weights."""
    names = list(base.components.columns)
    defaults = {c.name: c.default for c in controls(base)}
    values = {c: weights.get(c, defaults[c]) for c in names}
    score = health.weighted_score(base.components, values)
    churned = base.churned.reindex(score.index).fillna(False).astype(bool)
    area = health.auc(score, churned)
    # each component alone (a handful of columns); "best" among those most accounts have:
    # a component missing for most accounts cannot rank the whole base on its own
    alone = {c: health.auc(base.components[c], churned) for c in names}
    covered = [c for c in names if base.components[c].notna().mean() >= 0.9] or names
    best = max(covered, key=lambda c: -np.inf if np.isnan(alone[c]) else alone[c])
    band = health.bands(score, BANDS)
    by_band = pd.DataFrame({"band": band, "churned": churned}).groupby(
        "band", observed=False)["churned"]
    keys = [b for _, b in BANDS]
    counts = by_band.size().reindex(keys, fill_value=0)
    rates = by_band.mean().reindex(keys)
    ranked = pd.DataFrame({"score": score, "id": score.index.astype(str)}).dropna()
    ranked = ranked.sort_values(["score", "id"])["score"]
    at_risk = ranked.index[:AT_RISK].tolist()
    scored = max(int(score.notna().sum()), 1)
    numbers: dict[str, float] = {
        "auc": area,
        "accounts": float(len(score)),
        "churned": float(churned.sum()),
        **{f"churn_{b}": float(rates[b]) for b in keys},
        **{f"n_{b}": float(counts[b]) for b in keys},
        "red_share": float(counts[keys[0]]) / scored,
        "best_auc": float(alone[best]),
        "fitted_auc": float(base.fitted_auc),
        "at_risk_churned": float(churned.reindex(at_risk).sum()),
    }
    rows = [
        (label(KPI, "num.accounts"), num(numbers["accounts"])),
        (label(KPI, "num.churned", horizon=base.horizon), num(numbers["churned"])),
        (label(KPI, "num.auc"), num(area, 3)),
        (label(KPI, "num.best"), f"{_component_label(best)}: {num(alone[best], 3)}"),
        *[(label(KPI, f"band.{b}") + " · " + label(KPI, "num.churn_rate"),
           f"{pct(numbers[f'churn_{b}'])} ({num(numbers[f'n_{b}'])})") for b in keys],
        (label(KPI, "num.red_share"), pct(numbers["red_share"])),
        (label(KPI, "num.at_risk", n=AT_RISK), ", ".join(map(str, at_risk))),
    ]
    if base.fitted:
        fitted = " + ".join(f"{w:g}·{_component_label(c)}" for c, w in base.fitted.items() if w)
        rows.append((label(KPI, "num.fitted", months=base.fitted_months),
                     f"{fitted}: AUC {num(base.fitted_auc, 3)}"))
    weight_text = " + ".join(f"{values[c]}·{_component_label(c)}" for c in names)
    formula = label(KPI, "formula", weights=weight_text,
                    total=num(float(sum(values.values()))), auc=num(area, 3))
    lessons = []
    if previous is not None:
        before = set(previous.figure.get("at_risk", []))
        entered = len([a for a in at_risk if a not in before])
        lessons.append(label(KPI, "why.rerank", n=entered, top=AT_RISK))
    if not np.isnan(area) and area < alone[best] - 0.005:
        lessons.append(label(KPI, "why.worse", best=_component_label(best),
                             best_auc=num(alone[best], 3)))
    if base.ranked:
        lessons.append(label(KPI, "why.ranked"))
    start_text = label(KPI, "start", snapshot=base.snapshot or "—", auc=num(area, 3),
                       horizon=base.horizon)
    if len(lessons) > (previous is not None):
        start_text = f"{start_text} {' '.join(lessons[int(previous is not None):])}"
    text = sentence(KPI, controls(base), values, numbers, previous, "auc",
                    lambda x: num(x, 3), start=start_text, extra=" ".join(lessons))
    figure = {
        "bands": [label(KPI, f"band.{b}") for b in keys],
        "band_keys": keys,
        "churn_rates": [numbers[f"churn_{b}"] for b in keys],
        "band_counts": [numbers[f"n_{b}"] for b in keys],
        "at_risk": at_risk,
        "at_risk_scores": ranked.iloc[:AT_RISK].tolist(),
        "at_risk_churned": churned.reindex(at_risk).tolist(),
    }
    return View(KPI, values, numbers, rows, formula, text, figure, title=label(KPI, "title"),
                caption=f"{label(KPI, 'convention')}. {label(KPI, 'caption')}",
                headline=label(KPI, "num.auc"))
