"""The explainers' logic: plain functions, no widgets, no plotting.

One module per explainer, each with the same three functions:

* ``prepare(data=None, **options)`` – the numbers behind the explainer, from
  your data or (by default) from the sample company, with plain pandas or the
  existing :mod:`cskit.metrics`;
* ``controls(base)`` – the inputs the explainer offers (:class:`Control`);
* ``compute(base, previous=None, **values)`` – control values in, a
  :class:`View` out: the numbers, the formula with today's numbers in it, the
  figure's data and one sentence (via :func:`cskit.t`) on what moved since
  ``previous``.

A new explainer adds a module here with those three functions, its texts in
``cskit/locales/explain.py``, a drawing in ``cskit/explain/_figures.py``, and
one line in :data:`MODULES`.

>>> from cskit.explain import logic
>>> view = logic.ltv.compute(logic.ltv.LTVBase(arpa=100.0, churn=0.05),
...                          arpa=100.0, churn=0.05, margin=1.0)
>>> round(view.numbers["ltv"])
2000
"""

from cskit.explain.logic import churn, fcr, health, ltv, mrr, nps, retention, scales, stickiness
from cskit.explain.logic._common import Control, View

#: Explainer name → logic module.
MODULES = {
    "nps": nps,
    "churn": churn,
    "mrr_movements": mrr,
    "retention": retention,
    "ltv": ltv,
    "survey_scales": scales,
    "fcr": fcr,
    "stickiness": stickiness,
    "health": health,
}

__all__ = [
    "MODULES",
    "Control",
    "View",
    "churn",
    "fcr",
    "health",
    "ltv",
    "mrr",
    "nps",
    "retention",
    "scales",
    "stickiness",
]
