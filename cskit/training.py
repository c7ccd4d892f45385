"""Exercises for new CS staff, checked by :func:`check`.

The training path in ``notebooks/00_start_here.ipynb`` asks a question after
each explainer; ``cskit.training.check("churn-1", answer)`` says whether the
answer is right, in the current language, with a hint when it is not (never
the answer itself). Answers on the sample company are computed from it when
checked, not stored. Rates are fractions (5 % = 0.05); an answer that looks
like a percentage gets a reminder instead of a plain "wrong".

>>> import cskit
>>> cskit.set_language("en")
>>> cskit.training.check("ltv-1", 2000)
Correct! 100 ÷ 0.05 = 2,000 (a 20-month lifetime).
>>> bool(cskit.training.check("nps-1", 70))
False
"""

from __future__ import annotations

import math
import numbers
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import pandas as pd

from cskit._display import TextTable
from cskit.i18n import t

__all__ = ["EXERCISES", "Exercise", "Result", "check", "exercises", "hint", "question"]


@dataclass(frozen=True)
class Exercise:
    """One question: its KPI, how to get the answer, and how close an answer must be."""

    kpi: str
    answer: Callable[[], Any]
    tolerance: float = 1e-9
    choices: tuple[str, ...] = ()
    #: Answers of the other conventions the exercise teaches against, by name: each is
    #: rejected with its own explanation, and the tolerance must stay below half the
    #: distance to the nearest one (tested), so no trap is accepted as "close enough".
    traps: tuple[tuple[str, Callable[[], float]], ...] = ()


@dataclass(frozen=True)
class Result:
    """The outcome of :func:`check`: true when correct; shows its message."""

    exercise: str
    correct: bool
    message: str

    def __bool__(self) -> bool:
        return self.correct

    def __repr__(self) -> str:
        return self.message


def _sample_churn_october(denominator: str = "start") -> float:
    from cskit.explain.logic._common import sample_company
    from cskit.metrics import churn

    table = churn(sample_company().mrr, period="M", denominator=denominator)
    return float(table.loc[pd.Period("2026-10", freq="M"), "churn_rate"])


EXERCISES: dict[str, Exercise] = {
    "nps-1": Exercise("nps", lambda: 10.0, 0.05),
    "nps-2": Exercise("nps", lambda: "a", choices=("a", "b", "c")),
    "churn-1": Exercise(
        "churn", _sample_churn_october, 0.00015,
        traps=(("average", lambda: _sample_churn_october("average")),
               ("start_plus_new", lambda: _sample_churn_october("start_plus_new"))),
    ),
    "churn-2": Exercise("churn", lambda: "start_plus_new",
                        choices=("start", "average", "start_plus_new")),
    "mrr-1": Exercise("mrr_movements", lambda: 10_300.0, 0.5),
    "retention-1": Exercise("retention", lambda: 0.8, 0.0005),
    "ltv-1": Exercise("ltv", lambda: 2000.0, 0.5),
    "ltv-2": Exercise("ltv", lambda: 2.0, 0.005),
    "csat-1": Exercise("survey_scales", lambda: 0.6, 0.0005),
    "fcr-1": Exercise("fcr", lambda: 0.65, 0.0005),
    "stickiness-1": Exercise("stickiness", lambda: 16 / 7 / 10, 0.0006),
    "health-1": Exercise("health", lambda: 76.0, 0.05),
}


def _looks_numeric(text: str) -> bool:
    try:
        float(text)
    except ValueError:
        return False
    return True


def _exercise(exercise_id: str) -> Exercise:
    from cskit.errors import InvalidParameterError

    if exercise_id not in EXERCISES:
        raise InvalidParameterError(t("training.unknown", exercise=exercise_id))
    return EXERCISES[exercise_id]


def question(exercise_id: str) -> str:
    """The question of an exercise, in the current language.

    >>> import cskit
    >>> cskit.set_language("en")
    >>> cskit.training.question("ltv-2")
    'Churn halves from 4% to 2% a month. By what factor does LTV grow?'
    """
    _exercise(exercise_id)
    return t(f"training.{exercise_id}.q")


def hint(exercise_id: str) -> str:
    """The hint of an exercise, in the current language."""
    _exercise(exercise_id)
    return t(f"training.{exercise_id}.h")


def check(exercise_id: str, answer: Any) -> Result:
    """Check ``answer`` to exercise ``exercise_id``; the result is truthy when correct.

    Numbers are compared with the exercise's tolerance (e.g. a rate rounded to
    three decimals passes); choices are compared case-insensitively. ``None``
    or ``...`` (no answer yet) returns the hint.

    >>> import cskit
    >>> cskit.set_language("en")
    >>> cskit.training.check("mrr-1", None)
    No answer yet. Hint: start + new + expansion − contraction − churn + reactivation.
    >>> cskit.training.check("retention-1", 80)
    You answered 80: that looks like a percentage. cskit writes rates as fractions (5% = 0.05).
    """
    exercise = _exercise(exercise_id)
    tip = t(f"training.{exercise_id}.h")
    if answer is None or answer is Ellipsis:
        return Result(exercise_id, False, t("training.no_answer", hint=tip))
    expected = exercise.answer()
    if exercise.choices:
        given = str(answer).strip().lower().strip("'\"")
        ok = given == expected
    else:
        if isinstance(answer, str) and _looks_numeric(answer):
            return Result(exercise_id, False, t("training.not_number", answer=repr(answer)))
        if isinstance(answer, bool) or not isinstance(answer, numbers.Real):
            return Result(exercise_id, False, t("training.wrong", answer=repr(answer), hint=tip))
        given_number = float(answer)
        ok = math.isfinite(given_number) and abs(given_number - expected) <= exercise.tolerance
        for name, trap in exercise.traps:
            if not ok and abs(given_number - trap()) <= exercise.tolerance:
                why = t(f"training.{exercise_id}.trap.{name}")
                return Result(exercise_id, False,
                              t("training.trap", answer=answer, why=why, hint=tip))
        looks_like_percent = (
            not ok and abs(expected) <= 1 and abs(given_number / 100 - expected)
            <= max(exercise.tolerance, 0.0005)
        )
        if looks_like_percent:
            return Result(exercise_id, False, t("training.percent", answer=answer))
    if ok:
        return Result(exercise_id, True,
                      t("training.correct", explanation=t(f"training.{exercise_id}.e")))
    return Result(exercise_id, False, t("training.wrong", answer=answer, hint=tip))


def exercises() -> pd.DataFrame:
    """Every exercise with its KPI and question, in the current language.

    >>> import cskit
    >>> cskit.set_language("en")
    >>> cskit.training.exercises().index[:3].tolist()
    ['nps-1', 'nps-2', 'churn-1']
    """
    frame = TextTable(
        {
            t("training.col.kpi"): [e.kpi for e in EXERCISES.values()],
            t("training.col.question"): [t(f"training.{k}.q") for k in EXERCISES],
        },
        index=pd.Index(list(EXERCISES), name=t("training.col.exercise")),
    )
    return frame
