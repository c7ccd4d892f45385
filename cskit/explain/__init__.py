"""Explainers: move the quantities behind a KPI and watch it respond.

Each ``cskit.explain.<kpi>(data=None, ...)`` shows the KPI's inputs as
sliders, toggles or lists, a figure, the numbers, the formula with today's
numbers in it and one sentence on what moved. With no ``data`` it uses the
sample company; pass your own table (``cskit.explain.churn(mrr_frame)``) to
explain your numbers. Keyword arguments named like an input set its starting
value (``cskit.explain.ltv(churn=0.01)``).

In a live notebook the result is an ipywidgets widget (:class:`Explainer`).
Headless — papermill, nbconvert, nbval, ``CI=true``, or no widget front end
— it is a static figure and text of that state (:class:`StaticExplainer`),
the same on every run; see :mod:`cskit.explain._headless` for how that is
decided and :func:`set_mode` to override it.

The numbers come from plain functions in :mod:`cskit.explain.logic`, which
you can call (and which are tested) without widgets.

>>> import cskit
>>> cskit.set_language("en")
>>> ex = cskit.explain.ltv(arpa=100.0, churn=0.05, margin=1.0, mode="static")
>>> round(ex.view.numbers["ltv"])
2000
"""

from __future__ import annotations

from typing import Any

import pandas as pd

from cskit.explain import logic
from cskit.explain._headless import is_headless, mode, reason, set_mode

__all__ = [
    "EXPLAINERS",
    "ces",
    "churn",
    "csat",
    "dau_mau",
    "fcr",
    "health",
    "is_headless",
    "logic",
    "ltv",
    "mode",
    "mrr_movements",
    "nps",
    "reason",
    "retention",
    "set_mode",
    "stickiness",
    "survey_scales",
]


def build(name: str, data: Any = None, *, mode: str | None = None,
          options: dict[str, Any] | None = None, values: dict[str, Any] | None = None) -> Any:
    """Prepare the base data of explainer ``name`` and return a widget or a static view.

    ``mode`` is ``"widget"``, ``"static"`` or None (decide as :func:`is_headless` says).
    """
    from cskit.errors import InvalidParameterError
    from cskit.explain._widget import Explainer, StaticExplainer, initial_values

    if name not in logic.MODULES:
        raise InvalidParameterError(
            f"No explainer {name!r}; available: {', '.join(sorted(logic.MODULES))}."
        )
    if mode not in (None, "widget", "static"):
        raise InvalidParameterError(f"mode={mode!r} is not known; use 'widget' or 'static'.")
    module = logic.MODULES[name]
    base = module.prepare(data, **(options or {}))
    start = initial_values(module.controls(base), values or {})
    static = is_headless() if mode is None else mode == "static"
    cls = StaticExplainer if static else Explainer
    return cls(name, module, base, start)


def nps(data: pd.DataFrame | None = None, *, month: str | None = None, mode: str | None = None,
        **values: Any) -> Any:
    """NPS: move promoters, passives and detractors; watch the score and its interval.

    ``data`` is a ``surveys`` frame (NPS rows are used); one month of answers
    (``month``, default the latest). Inputs: ``promoters``, ``passives``,
    ``detractors`` (counts), ``detractor_answer`` (``"as_answered"`` or 0–6:
    every detractor gives that answer — NPS does not move, the mean does),
    ``confidence`` (confidence level of the interval).
    """
    return build("nps", data, mode=mode, options={"month": month}, values=values)


def churn(data: pd.DataFrame | None = None, *, mode: str | None = None, **values: Any) -> Any:
    """Customer churn rate: the same data under three denominators and two switches.

    ``data`` is an ``mrr`` frame. Inputs: ``period`` (``"M"``, ``"Q"``, ``"Y"``),
    ``join_and_churn`` (``"exclude"`` / ``"count"``), ``reactivated``
    (``"count"`` / ``"net"``).
    """
    return build("churn", data, mode=mode, values=values)


def mrr_movements(data: pd.DataFrame | None = None, *, month: str | None = None,
                  mode: str | None = None, **values: Any) -> Any:
    """MRR movements: build a month from new, expansion, contraction, churn and reactivation.

    ``data`` is an ``mrr`` frame; the month's real movements are the starting
    values (``month``, default the latest). The waterfall updates as you move them.
    """
    return build("mrr_movements", data, mode=mode, options={"month": month}, values=values)


def retention(data: pd.DataFrame | None = None, *, month: str | None = None, window: int = 12,
              mode: str | None = None, **values: Any) -> Any:
    """NRR vs GRR: what expansion, contraction, churn and new business do to each.

    ``data`` is an ``mrr`` frame; the cohort is the customers paying ``window``
    months before ``month`` (default: 12 months before the latest month).
    """
    return build("retention", data, mode=mode, options={"month": month, "window": window},
                 values=values)


def ltv(data: pd.DataFrame | None = None, *, month: str | None = None, margin: float = 1.0,
        mode: str | None = None, **values: Any) -> Any:
    """LTV = ARPA × margin ÷ churn: move ARPA, churn and margin — and see LTV explode as churn → 0.

    ``data`` is an ``mrr`` frame: ARPA of ``month`` and the trailing 12-month
    mean monthly churn are the starting values; ``margin`` (not in billing
    data) defaults to 1.0: the revenue LTV (before gross margin) of
    :func:`cskit.metrics.ltv`, the number notebook 09 shows; another margin is
    shown as a hypothesis beside that baseline.
    """
    return build("ltv", data, mode=mode, options={"month": month, "margin": margin},
                 values=values)


def survey_scales(data: pd.DataFrame | None = None, *, survey: str = "csat",
                  month: str | None = None, months: int = 3, mode: str | None = None,
                  **values: Any) -> Any:
    """CSAT and CES: top-box share vs mean score on the same answers.

    ``data`` is a ``surveys`` frame; ``survey`` is ``"csat"`` (1–5) or
    ``"ces"`` (1–7); answers of the ``months`` months up to ``month``.
    Inputs: ``threshold`` (lowest answer counted as positive), ``polarise``
    (pairs of middle answers moved to both ends: the mean stays, the top-box
    share moves), ``inverted`` (``"yes"``: the survey stored 1 as the best answer).
    """
    return build("survey_scales", data, mode=mode,
                 options={"survey": survey, "month": month, "months": months}, values=values)


def csat(data: pd.DataFrame | None = None, **kwargs: Any) -> Any:
    """:func:`survey_scales` for CSAT (1–5, top-2-box)."""
    return survey_scales(data, survey="csat", **kwargs)


def ces(data: pd.DataFrame | None = None, **kwargs: Any) -> Any:
    """:func:`survey_scales` for CES (1–7, share answering 5–7)."""
    return survey_scales(data, survey="ces", **kwargs)


def fcr(data: pd.DataFrame | None = None, *, month: str | None = None, months: int = 3,
        mode: str | None = None, **values: Any) -> Any:
    """First contact resolution: each definitional question changes the rate.

    ``data`` is a ``tickets`` frame (tickets created in the ``months`` months up
    to ``month``). Inputs: ``max_replies``, ``exclude_reopened``,
    ``exclude_spam`` (``"yes"`` / ``"no"``), ``denominator`` (``"resolved"`` /
    ``"all"``), ``channel``.
    """
    return build("fcr", data, mode=mode, options={"month": month, "months": months},
                 values=values)


def stickiness(data: pd.DataFrame | None = None, *, month: str | None = None,
               mode: str | None = None, **values: Any) -> Any:
    """DAU/MAU: the window length and the activity definition move stickiness.

    ``data`` is an ``events`` frame. Inputs: ``window`` (days of the trailing
    MAU window, 7–30) and ``activity`` (the events that count as activity).
    """
    return build("stickiness", data, mode=mode, options={"month": month}, values=values)


dau_mau = stickiness


def health(data: Any = None, *, month: str | None = None, horizon: int = 3,
           mode: str | None = None, **values: Any) -> Any:
    """Health-score weights: sliders re-rank accounts and the backtest AUC updates.

    ``data`` is the sample company (default), an object with the tables as
    attributes, or a frame of your own component scores with a ``churned``
    column. The score is taken ``horizon`` months before ``month`` and checked
    against churn by ``month``. Inputs: one weight (0–5) per component.
    """
    return build("health", data, mode=mode, options={"month": month, "horizon": horizon},
                 values=values)


#: Explainer name → the function that builds it, in the order of the training path.
EXPLAINERS = {
    "nps": nps,
    "churn": churn,
    "mrr_movements": mrr_movements,
    "retention": retention,
    "ltv": ltv,
    "survey_scales": survey_scales,
    "fcr": fcr,
    "stickiness": stickiness,
    "health": health,
}
