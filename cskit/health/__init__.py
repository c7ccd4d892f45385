"""Customer health score, checked against churn that happened later.

A health score turns several signals about an account into one number from 0
to 100 (the 16-KPI article: frequency, breadth and depth of use, plus growth;
CS platforms add NPS, support load and more). cskit builds it in steps, each
replaceable, one module each:

1. **Inputs** (:mod:`~cskit.health.inputs`) – one row per account and month
   with one column per signal, using only data up to the end of that month
   (:func:`health_inputs`).
2. **Score** (:mod:`~cskit.health.score`) – each signal normalised to 0–100
   (:class:`Component`: ``"linear"`` between ``low`` and ``high``,
   ``"percentile"`` rank within the month, or a good / average / poor
   ``"grade"``), combined as Σ wᵢxᵢ ÷ Σ wᵢ over the components the account has,
   then banded (≤ 50 red, ≤ 75 yellow, above green by default). The default
   components and the rule that picks them are documented at
   :data:`DEFAULT_COMPONENTS`.
3. **Backtest** (:mod:`~cskit.health.backtest`) – the score of month m against
   churn in m+1 … m+horizon: AUC, churn by band, each component alone, lift.
4. **Calibrate** (:mod:`~cskit.health.calibrate`) – weights and band cut-offs
   fitted on past months and judged on later months only; saved to a small
   JSON file so next month's report uses the same score.
5. **Reasons** (:mod:`~cskit.health.reasons`) – per account and month, the
   components that pulled the score down most, as columns and as text.

:class:`KPI` and :func:`kpi_tree` (:mod:`~cskit.health.kpi_tree`) declare a KPI
with its sub-KPIs and compute the whole tree into a tidy frame.
"""

from cskit._kpi import KPI
from cskit.health.backtest import Backtest, auc, backtest, churn_labels
from cskit.health.calibrate import Calibration, calibrate, load_calibration
from cskit.health.inputs import health_inputs
from cskit.health.kpi_tree import kpi_tree
from cskit.health.reasons import reasons
from cskit.health.score import (
    DEFAULT_BANDS,
    DEFAULT_COMPONENTS,
    DEFAULT_GRADES,
    GRADE_BANDS,
    OTHER_COMPONENTS,
    Component,
    band_changes,
    bands,
    health_score,
    normalise,
    weighted_score,
)

__all__ = [
    "Backtest",
    "Calibration",
    "Component",
    "DEFAULT_BANDS",
    "DEFAULT_COMPONENTS",
    "DEFAULT_GRADES",
    "GRADE_BANDS",
    "KPI",
    "OTHER_COMPONENTS",
    "auc",
    "backtest",
    "band_changes",
    "bands",
    "calibrate",
    "churn_labels",
    "health_inputs",
    "health_score",
    "kpi_tree",
    "load_calibration",
    "normalise",
    "reasons",
    "weighted_score",
]
