"""The machinery of the exercises: :class:`Exercise`, :class:`Result` and :func:`check`.

Each notebook's exercises live in a module ``cskit/training/_nbNN.py`` holding a dict
``EXERCISES`` of id → :class:`Exercise`; they are gathered here when first needed. An
exercise's answer is a function of the company the notebook reads (``check(..., data=company)``;
the sample company when ``data`` is None), computed when checked, never stored or shown.
``check`` says whether an answer is right, in the current language; the hint comes only after a
wrong answer, never the answer itself. Rates are fractions (5 % = 0.05); an answer that looks
like a percentage gets a reminder instead of a plain "wrong"; an answer that matches a trap
(another convention the notebook teaches against) is told why it is not the one asked for.
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

#: Every exercise by id, gathered from the ``_nb*`` modules of this package (one per
#: notebook) by :func:`_registry`.
EXERCISES: dict[str, Exercise] = {}


@dataclass(frozen=True)
class Exercise:
    """One question: its KPI, how to get the answer, and how close an answer must be."""

    kpi: str
    #: The expected answer as a function of the company (an object with the tables as
    #: attributes: ``company.mrr``, ``company.surveys``...).
    answer: Callable[[Any], Any]
    tolerance: float = 1e-9
    choices: tuple[str, ...] = ()
    #: Answers of the other conventions the exercise teaches against, by name: each is
    #: rejected with its own explanation, and the tolerance must stay below half the
    #: distance to the nearest one (tested), so no trap is accepted as "close enough".
    traps: tuple[tuple[str, Callable[[Any], float]], ...] = ()


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


def _looks_numeric(text: str) -> bool:
    try:
        float(text)
    except ValueError:
        return False
    return True


def _registry() -> dict[str, Exercise]:
    """Every exercise of the ``_nb*`` modules of this package, loaded once."""
    if not EXERCISES:
        import importlib
        import pkgutil

        from cskit import training

        for info in sorted(pkgutil.iter_modules(training.__path__), key=lambda m: m.name):
            if info.name.startswith("_nb"):
                module = importlib.import_module(f"{training.__name__}.{info.name}")
                clash = set(module.EXERCISES) & set(EXERCISES)
                if clash:  # pragma: no cover - a programming error, caught by the tests
                    raise RuntimeError(f"exercise ids defined twice: {sorted(clash)}")
                EXERCISES.update(module.EXERCISES)
    return EXERCISES


def _company(data: Any) -> Any:
    if data is None:
        from cskit.explain.logic._common import sample_company

        return sample_company()
    return data


def _exercise(exercise_id: str) -> Exercise:
    from cskit.errors import InvalidParameterError

    if exercise_id not in _registry():
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


def check(exercise_id: str, answer: Any, data: Any = None) -> Result:
    """Check ``answer`` to exercise ``exercise_id``; the result is truthy when correct.

    Numbers are compared with the exercise's tolerance (e.g. a rate rounded to
    three decimals passes); choices are compared case-insensitively. ``None``
    or ``...`` (no answer yet) says so, without the hint: the hint comes after a
    wrong answer. ``data`` is the company the notebook reads (the object
    :func:`cskit._notebook.open_company` returns); the sample company when None.

    >>> import cskit
    >>> cskit.set_language("en")
    >>> cskit.training.check("mrr-1", None)
    No answer yet: write your answer in place of None and run the cell again.
    >>> cskit.training.check("retention-1", 80)
    You answered 80: that looks like a percentage. cskit writes rates as fractions (5% = 0.05).
    """
    exercise = _exercise(exercise_id)
    tip = t(f"training.{exercise_id}.h")
    if answer is None or answer is Ellipsis:
        return Result(exercise_id, False, t("training.no_answer"))
    company = _company(data)
    expected = exercise.answer(company)
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
            if not ok and abs(given_number - trap(company)) <= exercise.tolerance:
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
            t("training.col.kpi"): [e.kpi for e in _registry().values()],
            t("training.col.question"): [t(f"training.{k}.q") for k in _registry()],
        },
        index=pd.Index(list(_registry()), name=t("training.col.exercise")),
    )
    return frame
