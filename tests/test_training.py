"""Exercises of the training path: right answers pass, wrong ones get a hint, never the answer."""

from __future__ import annotations

import pandas as pd
import pytest

import cskit
from cskit.errors import InvalidParameterError
from cskit.explain.logic._common import sample_company
from cskit.training import EXERCISES, check, exercises, hint

SAMPLE = sample_company()


pytestmark = pytest.mark.usefixtures("english")


#: Answers worked by hand (the arithmetic is in each comment).
BY_HAND = {
    "nps-1": 10,  # 40 % − 30 %
    "nps-2": "a",  # 0 and 6 are both detractors
    "churn-2": "start_plus_new",  # the largest base
    "mrr-1": 10_300,  # 10,000 + 500 + 300 − 200 − 400 + 100
    "retention-1": 0.8,  # (100 − 10 − 10) ÷ 100
    "ltv-1": 2000,  # 100 ÷ 0.05
    "ltv-2": 2,  # 1/0.02 ÷ 1/0.04
    "csat-1": 0.6,  # 6 of 10 answers are 4 or 5
    "fcr-1": 0.65,  # (84 − 6) ÷ 120
    "stickiness-1": 0.229,  # 16 ÷ 7 ÷ 10, to 3 decimals
    "health-1": 76,  # (5·100 + 3·60 + 2·40) ÷ 10
}


def test_every_exercise_has_an_answer_here():
    # the training path's exercises (notebook 00); each notebook's have their own test file
    from cskit.training import _nb00

    assert set(BY_HAND) | {"churn-1"} == set(_nb00.EXERCISES)


@pytest.mark.parametrize(("exercise", "answer"), list(BY_HAND.items()))
def test_right_answers_pass(exercise, answer):
    result = check(exercise, answer)
    assert result
    assert result.message.startswith("Correct!")


def test_churn_1_is_computed_from_the_sample_by_plain_pandas():
    company = cskit.datasets.load_sample()
    per = company.mrr.groupby(["customer_id", "month"])["mrr"].sum()
    paying = per[per > 0].reset_index()
    sep = set(paying.loc[paying["month"] == pd.Period("2026-09", "M"), "customer_id"])
    octo = set(paying.loc[paying["month"] == pd.Period("2026-10", "M"), "customer_id"])
    rate = len(sep - octo) / len(sep)
    assert check("churn-1", rate)
    assert check("churn-1", round(rate, 4))  # rounded to four decimals, as asked, passes
    assert not check("churn-1", rate + 0.01)
    # The trap the exercise teaches: the same churned count over the average of the start
    # and end customer counts is a different convention, and must not pass as "close".
    average = len(sep - octo) / ((len(sep) + len(octo)) / 2)
    assert abs(average - rate) > 0  # the two conventions differ on this month
    trapped = check("churn-1", average)
    assert not trapped
    assert "average of start and end" in trapped.message
    assert not check("churn-1", round(average, 4))


def test_every_trap_is_further_than_the_tolerance():
    for exercise_id, exercise in EXERCISES.items():
        for name, trap in exercise.traps:
            gap = abs(trap(SAMPLE) - exercise.answer(SAMPLE))
            # NaN: a trap that this data cannot tell from the answer is switched off.
            assert gap > 2 * exercise.tolerance or gap != gap, (exercise_id, name, gap)


def test_a_number_typed_as_text_is_not_an_answer():
    rate = EXERCISES["churn-1"].answer(SAMPLE)
    result = check("churn-1", str(rate))
    assert not result
    assert "text" in result.message
    assert not check("nps-1", "10")
    assert check("nps-1", 10)


@pytest.mark.parametrize(
    ("exercise", "answer"),
    [("nps-1", 70), ("nps-2", "b"), ("mrr-1", 10_000), ("ltv-1", 20), ("fcr-1", 0.7),
     ("churn-2", "start"), ("health-1", "green")],
)
def test_wrong_answers_get_the_hint_not_the_answer(exercise, answer):
    result = check(exercise, answer)
    assert not result
    assert hint(exercise) in result.message
    assert result.message.startswith("Not yet")
    assert cskit.t(f"training.{exercise}.e") not in result.message


def test_percentages_get_a_reminder():
    result = check("retention-1", 80)
    assert not result and "fractions" in result.message


def test_no_answer_yet():
    for empty in (None, ...):
        result = check("ltv-1", empty)
        assert not result and result.message.startswith("No answer yet")
        assert hint("ltv-1") not in result.message  # the hint comes after a wrong answer


def test_choices_ignore_case_and_quotes():
    assert check("nps-2", " 'A' ")


def test_messages_follow_the_language():
    cskit.set_language("ja")
    assert check("ltv-1", 2000).message.startswith("正解です")
    assert "ヒント" in check("ltv-1", 3).message
    assert exercises().columns.tolist() == ["KPI", "問題"]


def test_unknown_exercise():
    with pytest.raises(InvalidParameterError, match="exercises"):
        check("churn-99", 1)


def test_exercise_list():
    table = exercises()
    assert table.index.tolist() == list(EXERCISES)
    assert table.loc["mrr-1", "KPI"] == "mrr_movements"
    # the training path's exercises (notebook 00) each follow an explainer
    from cskit.training import _nb00

    assert set(table.loc[list(_nb00.EXERCISES), "KPI"]) <= set(cskit.explain.EXPLAINERS)
