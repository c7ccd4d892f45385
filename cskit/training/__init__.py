"""Exercises for new CS staff, checked by :func:`check`.

Every notebook ends with exercises; ``cskit.training.check("05-1", answer, data=company)``
says whether an answer is right on the company the notebook reads, in the current language,
with a hint only after a wrong answer (never the answer itself). Answers are computed from the
data when checked, never stored in a cell. Each notebook's exercises are one module,
``cskit/training/_nbNN.py``; the machinery is in ``cskit/training/_core.py``.

>>> import cskit
>>> cskit.set_language("en")
>>> cskit.training.check("ltv-1", 2000)
Correct! 100 ÷ 0.05 = 2,000 (a 20-month lifetime).
>>> bool(cskit.training.check("nps-1", 70))
False
"""

from __future__ import annotations

from cskit.training import _core
from cskit.training._core import EXERCISES, Exercise, Result, check, exercises, hint, question

__all__ = ["EXERCISES", "Exercise", "Result", "check", "exercises", "hint", "question"]

_core._registry()
