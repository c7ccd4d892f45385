"""Exercises of notebooks 05, 06, 11, 12, 13, 21 and 22 (cskit/training/_nbNN.py).

Each right answer is worked out here independently — by hand for the questions with their
own numbers, with plain pandas for the questions about the data — and must pass on the
sample company and on a second, different company (:func:`cskit.datasets.make_company`).
Each trap (the other convention the notebook teaches against) is rejected with its reason;
no hint comes before a first answer, and a number typed as text is not a number.
"""

from __future__ import annotations

import math
import unicodedata

import pandas as pd
import pytest

import cskit
from cskit.locales.training_n2 import TEXTS
from cskit.text import CS_THEMES
from cskit.training import EXERCISES, check, hint

MINE = sorted(k for k in EXERCISES if k[:2] in {"05", "06", "11", "12", "13", "21", "22"})

#: Answers worked by hand (the arithmetic is in each comment).
BY_HAND = {
    "05-1": 30.0,  # 45 % − 15 %
    "05-2": 7.14,  # √((0.45 + 0.15 − 0.30²) ÷ 100) × 100 = √0.0051 × 100 = 7.141
    "05-4": "b",  # the interval of the change, −6 … +14, contains 0
    "06-1": 0.7,  # 7, 7, 6, 6, 6, 6, 6 of 10 in 6–7
    "06-2": 0.4345,  # 1.96² ÷ (5 + 1.96²) = 3.8415 ÷ 8.8415
    "06-4": "c",  # Wilson for 6 of 6: 6 ÷ (6 + 3.84) = 0.61 … 1, contains 0.85
    "11-2": "b",
    "11-3": 0.5,  # 10 of 20 comments
    "12-1": 0.5,  # 2 of 4 resolved (1, 1 replies; 3 replies and the reopened one fail)
    "12-2": "b",
    "13-1": 0.5,  # 7, 5, 5 of six answers
    "13-2": 5.0,  # 1 + 7 − 3
    "13-3": "b",
    "21-1": 15.0,  # 45 ÷ 300 × 100
    "21-2": "b",
    "22-1": 3.0,  # the third of 1, 2, 3, 4, 40
    "22-2": 4.0,  # Mon 16–18 h + Tue 9–11 h
    "22-3": "b",
}
#: Latest complete month of each company, read off the data: the sample ends on
#: 2026-10-31, the second company was exported on 2026-10-03.
LATEST = {"sample": pd.Period("2026-10", "M"), "second": pd.Period("2026-09", "M")}
#: So the last complete quarter is July–September 2026 for both.
QUARTER = (pd.Period("2026-07", "M"), pd.Period("2026-09", "M"))


pytestmark = pytest.mark.usefixtures("english")


@pytest.fixture(scope="module")
def companies(company, second_company):
    return {"sample": company, "second": second_company}


def _months(frame, column, first, last):
    months = frame[column].dt.to_period("M")
    return frame[(months >= first) & (months <= last)]


def _nps_quarter(company, _name):
    rows = _months(company.surveys, "submitted_at", *QUARTER)
    score = rows.loc[rows["survey"] == "nps", "score"]
    return 100 * ((score >= 9).mean() - (score <= 6).mean())


def _csat_quarter(company, _name):
    rows = _months(company.surveys, "submitted_at", *QUARTER)
    return (rows.loc[rows["survey"] == "csat", "score"] >= 4).mean()


def _price_share(company, name):
    s = company.surveys
    s = s[(s["submitted_at"].dt.to_period("M") <= LATEST[name]) & (s["survey"] == "nps")
          & (s["score"] <= 6)]
    text = s["comment"].fillna("").str.strip()
    text = text[text != ""].map(lambda c: unicodedata.normalize("NFKC", c).lower())
    words = [w.lower() for w in CS_THEMES["pricing"]]
    hit = text.map(lambda c: any(w in c for w in words))
    return hit.sum() / len(text)


def _fcr_all(company, name):
    t = _months(company.tickets, "created_at", LATEST[name] - 11, LATEST[name])
    reopened = t["reopened"].fillna(False).astype(bool)
    first = t["resolved_at"].notna() & (t["agent_replies"] <= 1) & ~reopened
    return first.sum() / len(t)


def _count_and_rate(company, name):
    last = LATEST[name]
    t = company.tickets
    t = t[~t["category"].isin(["spam", "general"])]
    count = t.groupby(t["created_at"].dt.to_period("M")).size()
    mrr = company.mrr
    paying = mrr[mrr["mrr"] > 0].groupby("month")["customer_id"].nunique()
    paying.index = pd.PeriodIndex(paying.index, freq="M")
    first = max(last - 12, count.index.min())
    rate = {m: count.get(m, 0) / paying[m] for m in (first, last)}
    if count.get(last, 0) <= count.get(first, 0):
        return "c"
    return "a" if rate[last] > rate[first] else "b"


BY_DATA = {"05-3": _nps_quarter, "06-3": _csat_quarter, "11-1": _price_share,
           "12-3": _fcr_all, "21-3": _count_and_rate}


def test_every_exercise_is_answered_here():
    assert set(BY_HAND) | set(BY_DATA) == set(MINE)


@pytest.mark.parametrize("name", ["sample", "second"])
@pytest.mark.parametrize("exercise", MINE)
def test_right_answer_passes_on_both_companies(companies, name, exercise):
    company = companies[name]
    answer = BY_HAND[exercise] if exercise in BY_HAND else BY_DATA[exercise](company, name)
    if isinstance(answer, float):
        answer = round(answer, 4)  # as a learner would type it
    result = check(exercise, answer, data=company)
    assert result, (name, exercise, answer, result.message)
    assert result.message.startswith("Correct!")


@pytest.mark.parametrize("name", ["sample", "second"])
@pytest.mark.parametrize("exercise", MINE)
def test_traps_are_rejected_with_their_reason(companies, name, exercise):
    company = companies[name]
    ex = EXERCISES[exercise]
    for trap_name, trap in ex.traps:
        value = trap(company)
        if math.isnan(value):  # this data gives the other convention the same number
            continue
        assert abs(value - ex.answer(company)) > 2 * ex.tolerance, (trap_name, value)
        result = check(exercise, value, data=company)
        assert not result
        assert cskit.t(f"training.{exercise}.trap.{trap_name}") in result.message
        assert hint(exercise) in result.message


def test_the_sample_has_the_traps_the_notebooks_teach(companies):
    sample = companies["sample"]
    # 11: the English word alone finds 62 of the 456 detractor comments, the lexicon 161.
    assert round(EXERCISES["11-1"].traps[0][1](sample) * 456) == 62
    assert round(EXERCISES["11-1"].answer(sample) * 456) == 161
    # 05, 06: the quarter asked about is July–September, not the one-month 2026Q4.
    assert check("05-3", round(_nps_quarter(sample, "sample"), 2), data=sample)
    assert not check("05-3", EXERCISES["05-3"].traps[1][1](sample), data=sample)


@pytest.mark.parametrize("exercise", MINE)
def test_no_hint_before_an_answer_and_text_is_not_a_number(exercise):
    result = check(exercise, None)
    assert not result and hint(exercise) not in result.message
    if not EXERCISES[exercise].choices:
        assert not check(exercise, "10")
        assert "text" in check(exercise, "10").message


@pytest.mark.parametrize("exercise", MINE)
def test_a_wrong_answer_gets_the_hint_not_the_explanation(exercise):
    wrong = "z" if EXERCISES[exercise].choices else -123.0
    result = check(exercise, wrong)
    assert not result
    assert hint(exercise) in result.message
    assert cskit.t(f"training.{exercise}.e") not in result.message


def test_every_text_in_four_languages():
    for exercise in MINE:
        keys = [f"training.{exercise}.{part}" for part in "qhe"]
        keys += [f"training.{exercise}.trap.{name}" for name, _ in EXERCISES[exercise].traps]
        for language, texts in TEXTS.items():
            missing = [k for k in keys if k not in texts]
            assert not missing, (language, missing)
