"""Exercises of notebooks 08, 09, 16 and 20 (cskit/training/_nb08.py … _nb20.py).

Right answers (worked by hand, or recomputed here in plain pandas) pass on the sample and on
a second company; every trap is rejected with its reason; no answer gives no hint; a number
typed as text is not an answer.
"""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

import cskit
from cskit.report_scope import default_month
from cskit.training import EXERCISES, check

IDS = [k for k in EXERCISES if k[:3] in ("08-", "09-", "16-", "20-")]

#: Answers worked by hand (the arithmetic in each comment); true of any company.
BY_HAND = {
    "08-1": 60.0,  # (3·100 + 60 + 2·0) ÷ 6
    "08-2": "b",  # fitted and judged on the same months: too optimistic
    "08-4": "b",  # judge the change on months not looked at
    "09-1": 3000.0,  # 120 ÷ 0.04
    "09-4": 200.0,  # 25 × 4 × 2
    "16-1": "a",  # 28 days count fewer monthly users than 31
    "16-2": 0.143,  # DAU is everyone one day in seven, MAU everyone every day
    "16-3": "b",  # the definition changed, not the users
    "20-1": 0.2,  # observable a, b, c, e, f; only f within 20 days
    "20-2": "b",  # 継続率 in Japanese SaaS = 1 − churn
}


pytestmark = pytest.mark.usefixtures("english")


@pytest.fixture(scope="module")
def second(second_company):
    return second_company


@pytest.fixture(scope="module", params=["sample", "second"])
def company(request, second):
    return cskit.datasets.load_sample() if request.param == "sample" else second


def _month(company) -> pd.Period:
    return pd.Period(default_month(company), freq="M")


def _paying(mrr: pd.DataFrame) -> pd.Series:
    per = mrr.groupby(["customer_id", "month"])["mrr"].sum()
    return per[per > 0]


def ltv_by_hand(company, margin: float = 1.0) -> float:
    """ARPA of the report month × margin ÷ mean logo churn (÷ start) of the 12 months to it."""
    paying = _paying(company.mrr)
    sets = paying.reset_index().groupby("month")["customer_id"].agg(set)
    month = _month(company)
    rates = [len(sets[m - 1] - sets[m]) / len(sets[m - 1])
             for m in pd.period_range(end=month, periods=12, freq="M")]
    return float(paying.xs(month, level="month").mean() * margin / np.mean(rates))


def use_again_by_hand(events: pd.DataFrame, who: str) -> float:
    """New ``who`` with another active day within 7 days of the first, among the observable."""
    day = events["timestamp"].dt.tz_localize(None).dt.normalize() \
        if events["timestamp"].dt.tz is not None else events["timestamp"].dt.normalize()
    days = pd.DataFrame({"who": events[who].to_numpy(), "day": day.to_numpy()}).drop_duplicates()
    first = days.groupby("who")["day"].transform("min")
    back = days.loc[(days["day"] > first) & (days["day"] <= first + pd.Timedelta(days=7)), "who"]
    firsts = days.groupby("who")["day"].min()
    seen = firsts[firsts + pd.Timedelta(days=7) <= day.max()]
    return float(seen.index.isin(back.unique()).mean())


def red_over_green_by_hand(company) -> float:
    """Red ÷ green churn within 3 months, default score, judged months (after the cut)."""
    from cskit.report import health_scores

    paying = _paying(company.mrr)
    pays = set(paying.index)
    last = company.mrr["month"].max()
    # the cut: the month by which half of the paying account-months with a known outcome
    months = paying.index.get_level_values("month")
    counts = pd.Series(1, index=months[months + 3 <= last]).groupby(level=0).size().sort_index()
    cut = counts.index[int(np.argmax(counts.cumsum().to_numpy() >= counts.sum() / 2))]
    scores = health_scores(company, _month(company))
    rows = scores[(scores["month"] > cut) & (scores["month"] <= last - 3)]
    rows = rows[[(a, m) in pays for a, m in zip(rows["account_id"], rows["month"], strict=True)]]
    churned = pd.Series([any((a, m + k) not in pays for k in (1, 2, 3))
                         for a, m in zip(rows["account_id"], rows["month"], strict=True)], index=rows.index)
    rates = churned.groupby(rows["band"].astype(str)).mean()
    return float(rates["red"] / rates["green"])


def test_every_exercise_has_a_checked_answer():
    data = {"08-3", "09-2", "09-3", "20-3"}
    assert set(BY_HAND) | data == set(IDS)


@pytest.mark.parametrize(("exercise", "answer"), list(BY_HAND.items()))
def test_right_answers_pass(exercise, answer, company):
    result = check(exercise, answer, data=company)
    assert result, result.message
    assert result.message.startswith("Correct!")


def test_data_answers_pass(company):
    assert check("09-2", ltv_by_hand(company, 0.7), data=company)
    assert check("09-2", round(ltv_by_hand(company, 0.7)), data=company)
    revenue = check("09-2", ltv_by_hand(company), data=company)
    assert not revenue and "before the 70% margin" in revenue.message
    assert check("20-3", use_again_by_hand(company.events, "account_id"), data=company)
    per_user = check("20-3", use_again_by_hand(company.events, "user_id"), data=company)
    assert not per_user and "per user" in per_user.message
    assert check("08-3", red_over_green_by_hand(company), data=company)
    assert check("08-3", round(red_over_green_by_hand(company), 1), data=company)


def test_segment_answer(company):
    from cskit.metrics import ltv

    accounts = company.accounts[["account_id", "segment"]].drop_duplicates("account_id")
    frame = company.mrr.merge(accounts, left_on="customer_id", right_on="account_id")
    table = ltv(frame, period="M", by="segment").xs(_month(company), level="period")
    # ARPA by hand: the report month's MRR per paying customer of each segment
    paying = frame[pd.PeriodIndex(frame["month"], freq="M") == _month(company)]
    per = paying.groupby(["segment", "customer_id"])["mrr"].sum()
    arpa = per[per > 0].groupby(level="segment").mean()
    assert np.allclose(arpa.reindex(table.index), table["arpa"])
    expected = "yes" if arpa.idxmax() == table["ltv"].idxmax() else "no"
    assert check("09-3", expected, data=company)
    assert not check("09-3", "no" if expected == "yes" else "yes", data=company)


@pytest.mark.parametrize("exercise", [k for k in IDS if EXERCISES[k].traps])
def test_traps_are_rejected_with_their_reason(exercise, company):
    spec = EXERCISES[exercise]
    expected = spec.answer(company)
    for name, trap in spec.traps:
        value = trap(company)
        assert abs(value - expected) > 2 * spec.tolerance, (exercise, name)
        result = check(exercise, value, data=company)
        assert not result
        assert cskit.t(f"training.{exercise}.trap.{name}") in result.message


@pytest.mark.parametrize("exercise", IDS)
def test_no_answer_gives_no_hint(exercise):
    result = check(exercise, None)
    assert not result
    assert cskit.t(f"training.{exercise}.h") not in result.message


@pytest.mark.parametrize("exercise", [k for k in IDS if not EXERCISES[k].choices])
def test_a_number_typed_as_text_is_not_an_answer(exercise):
    assert not check(exercise, "10")


def test_wrong_answers_get_the_hint_not_the_answer():
    result = check("09-1", 1234)
    assert not result
    assert cskit.t("training.09-1.h") in result.message and "3,000" not in result.message


def test_texts_in_every_language():
    for lang in ("en", "ko", "ja", "zh-Hant"):
        cskit.set_language(lang)
        for exercise in IDS:
            for part in ("q", "h", "e"):
                text = cskit.t(f"training.{exercise}.{part}")
                assert text and not text.startswith("training."), (lang, exercise, part)
