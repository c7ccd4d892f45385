"""Exercises of notebooks 01, 02, 03, 04, 07, 10, 14, 15, 17, 18, 19 (issue 17 item 5).

Each right answer passes on the sample and on a second company; each trap is rejected with
its reason; ``None`` gives no hint; a number typed as text is not an answer.
"""

from __future__ import annotations

import importlib

import pandas as pd
import pytest

import cskit
from cskit.i18n import t
from cskit.report_scope import default_month
from cskit.training import EXERCISES, check

NOTEBOOKS = ["01", "02", "03", "04", "07", "10", "14", "15", "17", "18", "19"]
OURS = {
    key: exercise
    for nb in NOTEBOOKS
    for key, exercise in importlib.import_module(f"cskit.training._nb{nb}").EXERCISES.items()
}

#: Answers worked by hand (the arithmetic in each comment); the same on every company.
BY_HAND = {
    "02-1": 0.5,  # start {a, b, d, e}; b and e gone: 2 ÷ 4
    "02-3": "start",  # the smallest base when growing
    "02-4": 0.2153,  # 1 − 0.98 ** 12
    "01-1": 12_500,  # 100 × 100 + 50 × 600 ÷ 12
    "01-2": 10_300,  # 10,000 + 500 + 300 + 100 − 200 − 400
    "01-3": 75,  # 1,200 × 0.75 ÷ 12, the paid year runs to 2027-01
    "01-4": "b",
    "03-1": 373.33,  # 2,800 ÷ 7.5
    "03-3": "start_end",
    "04-1": 0.55,  # (200 − 50 − 40) ÷ 200
    "04-2": 0.55,  # expansion left out of GRR
    "04-3": "a",
    "07-1": 0.3,  # 30 ÷ 100
    "07-2": 0.4,  # 48 ÷ 120 ended trials
    "07-3": 0.35,  # (300 + 50) ÷ 1,000
    "10-1": 300,  # 12,000 ÷ 40
    "10-2": 10,  # 1,200 ÷ (150 × 0.8)
    "10-3": "a",
    "10-4": "no",  # 40 < 90 × 0.8 = 72
    "14-1": 0.5,  # depth 1/2 × breadth 1/1
    "14-2": 0.0625,  # 30 ÷ 480 minutes
    "15-1": 950,  # (2,500 + 50 + 300) ÷ 3
    "15-2": 4,  # median of 2, 3, 4, 5, 86
    "15-3": 2,  # gaps 20, 40, 10 min: one over 30
    "17-1": 2.5,  # 50 ÷ 20
    "17-2": 1.5,  # 30,000 ÷ 20,000
    "17-3": 4,  # gained 8 % ÷ lost 2 %
    "18-1": 0.25,  # 5 ÷ 20
    "18-3": "a",
    "19-1": 0.03,  # 12 ÷ 400
    "19-2": "b",
    "19-3": 0.04,  # 20 ÷ 500
}
#: Exercises whose answer comes from the company's data.
FROM_DATA = {"02-2", "03-2", "04-4", "10-5", "14-3", "17-4", "18-2"}


pytestmark = pytest.mark.usefixtures("english")


@pytest.fixture(scope="module")
def companies(company, second_company):
    return {"sample": company, "second": second_company}


def _paying(company, month) -> set:
    rows = company.mrr[company.mrr["month"] == month]
    per = rows.groupby("customer_id")["mrr"].sum()
    return set(per.index[per > 0])


def _by_plain_pandas(exercise: str, company) -> float:
    """The data answers, computed without the exercise's code."""
    month = default_month(company)
    if exercise == "14-3":
        paying = _paying(company, month)
        stamps = company.events["timestamp"]
        in_month = stamps.dt.tz_convert("UTC") if stamps.dt.tz is not None else stamps
        seen = set(company.events.loc[in_month.dt.strftime("%Y-%m") == str(month), "account_id"])
        return len(paying - seen) / len(paying)
    if exercise == "18-2":
        upto = company.mrr[(company.mrr["month"] <= month) & (company.mrr["mrr"] > 0)]
        first = upto.groupby("customer_id")["month"].min()
        cohort = set(first.index[first == month - 3])
        return len(cohort & _paying(company, month)) / len(cohort)
    if exercise == "04-4":
        row = company.mrr.cs.nrr(window=12).loc[month]
        return row["expansion"] / row["start"]
    if exercise == "10-5":
        for freq in ("Y", "Q"):
            try:
                ue = company.costs.cs.unit_economics(mrr=company.mrr, period=freq)
            except cskit.errors.CskitError:
                continue
            ue = ue[ue.index.asfreq("M", how="end") <= month]
            if len(ue):
                return ue["cac"].iloc[-1] / (0.8 * ue["arpa"].iloc[-1])
    return OURS[exercise].answer(company)


def test_every_exercise_is_covered_and_registered():
    assert set(BY_HAND) | FROM_DATA == set(OURS)
    assert set(OURS) <= set(EXERCISES)


def test_every_text_exists_in_every_language():
    for lang in ("en", "ko", "ja", "zh-Hant"):
        cskit.set_language(lang)
        for key, exercise in OURS.items():
            for part in ("q", "h", "e"):
                assert t(f"training.{key}.{part}") != f"training.{key}.{part}", (lang, key)
            for name, _ in exercise.traps:
                assert t(f"training.{key}.trap.{name}") != f"training.{key}.trap.{name}"


@pytest.mark.parametrize(("exercise", "answer"), list(BY_HAND.items()))
def test_hand_worked_answers_pass(exercise, answer, companies):
    for company in companies.values():
        result = check(exercise, answer, data=company)
        assert result, (exercise, result.message)
        assert result.message.startswith("Correct!")


@pytest.mark.parametrize("exercise", sorted(FROM_DATA))
def test_data_answers_pass_on_both_companies(exercise, companies):
    for name, company in companies.items():
        if exercise == "10-5" and company.costs is None:
            continue  # the second company has no costs table: notebook 10 stops there
        expected = _by_plain_pandas(exercise, company)
        assert abs(expected - OURS[exercise].answer(company)) < 1e-9, (exercise, name)
        assert check(exercise, expected, data=company), (exercise, name)
        off = expected + 10 * OURS[exercise].tolerance + 0.01
        assert not check(exercise, off, data=company)


def test_the_retention_cost_verdict_answers_by_hand():
    # the CAC payback of 10-5 is CAC ÷ (ARPA × margin): check the arithmetic on one row
    table = pd.DataFrame({"cac": [900.0], "arpa": [75.0]})
    assert table.cs.cac_payback(gross_margin=0.8)["payback_months"].iloc[0] == 15.0


@pytest.mark.parametrize("exercise", sorted(k for k, e in OURS.items() if e.traps))
def test_traps_are_rejected_with_their_reason(exercise, companies):
    for company in companies.values():
        if exercise == "10-5" and company.costs is None:
            continue
        for name, trap in OURS[exercise].traps:
            value = trap(company)
            gap = abs(value - OURS[exercise].answer(company))
            assert gap > 2 * OURS[exercise].tolerance, (exercise, name, gap)
            result = check(exercise, value, data=company)
            assert not result
            assert t(f"training.{exercise}.trap.{name}") in result.message


@pytest.mark.parametrize("exercise", sorted(OURS))
def test_no_hint_before_an_answer(exercise):
    result = check(exercise, None)
    assert not result
    assert t(f"training.{exercise}.h") not in result.message
    assert "Hint" not in result.message


@pytest.mark.parametrize("exercise", sorted(k for k, e in OURS.items() if not e.choices))
def test_a_number_typed_as_text_is_not_an_answer(exercise):
    if exercise == "10-5":
        value = 10.0
    else:
        value = OURS[exercise].answer(cskit.datasets.load_sample())
    result = check(exercise, str(value))
    assert not result
    assert "text" in result.message


def test_a_wrong_answer_gets_the_hint_not_the_answer():
    result = check("04-2", 0.9)
    assert not result
    assert t("training.04-2.h") in result.message
    assert "0.55" not in result.message


def test_a_wrong_choice_is_refused():
    assert not check("19-2", "a")
    assert check("19-2", " B ")
