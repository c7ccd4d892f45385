"""Bad input: every case raises a cskit error whose message names the column,
shows the offending values and says how to fix it; the caller's frame is never
modified."""

from __future__ import annotations

import re
import warnings

import numpy as np
import pandas as pd
import pytest

import cskit
from cskit.errors import (
    ColumnTypeError,
    CskitError,
    CskitWarning,
    DuplicateRowsError,
    EmptyFrameError,
    InvalidParameterError,
    InvalidValueError,
    MissingColumnError,
    TimezoneError,
)
from cskit.metrics import churn, mrr, mrr_movements, nps, revenue_churn, to_mrr


@pytest.fixture
def mrr_df() -> pd.DataFrame:
    return pd.DataFrame(
        {
            "customer_id": ["a", "b", "a", "b"],
            "month": ["2026-01", "2026-01", "2026-02", "2026-02"],
            "mrr": [10.0, 20.0, 12.0, 20.0],
        }
    )


@pytest.fixture
def subs_df() -> pd.DataFrame:
    return pd.DataFrame(
        {
            "customer_id": ["a", "b"],
            "start": pd.to_datetime(["2026-01-01", "2026-01-15"]),
            "end": pd.to_datetime([None, "2026-03-10"]),
            "amount": [100.0, 1200.0],
            "interval": ["month", "year"],
            "discount": [0.0, 0.1],
        }
    )


@pytest.fixture
def survey_df() -> pd.DataFrame:
    return pd.DataFrame(
        {
            "submitted_at": pd.to_datetime(["2026-09-01", "2026-10-01", "2026-10-02"]),
            "score": [10, 7, 3],
        }
    )


MRR_METRICS = [mrr, mrr_movements, churn, revenue_churn]


# --------------------------------------------------------------------------- missing columns


@pytest.mark.parametrize("metric", MRR_METRICS)
def test_missing_mrr_column(metric, mrr_df):
    with pytest.raises(
        MissingColumnError,
        match=re.escape(
            "Column 'mrr' is missing from the mrr frame (columns present: 'customer_id', 'month'). "
            "Rename your column to 'mrr' or pass mrr_col='<your column>'."
        ),
    ):
        metric(mrr_df.drop(columns="mrr"))


def test_missing_custom_column_names_the_keyword(mrr_df):
    with pytest.raises(
        MissingColumnError, match=r"Column 'account' is missing.*pass customer_col='<your column>'"
    ):
        mrr_df.cs.churn(customer_col="account")
    # The renamed column is then accepted.
    renamed = mrr_df.rename(columns={"customer_id": "account"})
    assert renamed.cs.churn(customer_col="account", period=None) == 0.0


def test_missing_subscription_and_survey_columns(subs_df, survey_df):
    with pytest.raises(
        MissingColumnError, match=r"Column 'interval' is missing from the subscriptions frame"
    ):
        subs_df.drop(columns="interval").cs.to_mrr()
    with pytest.raises(
        MissingColumnError,
        match=r"Column 'score' is missing from the surveys frame.*'submitted_at'",
    ):
        survey_df.drop(columns="score").cs.nps(period=None)
    with pytest.raises(
        MissingColumnError, match=r"Column 'submitted_at' is missing.*pass submitted_col='<your column>'"
    ):
        survey_df.drop(columns="submitted_at").cs.nps(period="M")
    with pytest.raises(
        MissingColumnError, match=r"Column 'segment' is missing from the surveys frame"
    ):
        survey_df.cs.nps(by="segment", period=None)
    with pytest.raises(MissingColumnError, match=r"Column 'plan' is missing from the mrr frame"):
        pd.DataFrame({"customer_id": ["a"], "month": ["2026-01"], "mrr": [1.0]}).cs.mrr(by="plan")
    # A missing column is also a KeyError (what pandas users catch) and a CskitError.
    assert issubclass(MissingColumnError, KeyError) and issubclass(MissingColumnError, CskitError)
    # The message is not quoted as KeyError messages are.
    assert str(MissingColumnError("x y")) == "x y"


# --------------------------------------------------------------------------- wrong dtypes


def test_text_in_a_money_column(mrr_df):
    bad = mrr_df.assign(mrr=["10", "ten", "12.5", "n/a"])
    with pytest.raises(
        ColumnTypeError,
        match=r"Column 'mrr' of the mrr frame must be numeric; found 'ten', 'n/a'\. "
        r"Convert it with pd\.to_numeric\(df\['mrr'\]\)",
    ):
        bad.cs.mrr()
    # Text that is all numbers is fine.
    assert mrr_df.assign(mrr=["10", "20", "12", "20"]).cs.mrr(period=None) == 32.0


def test_numbers_in_a_date_column(mrr_df):
    with pytest.raises(
        ColumnTypeError,
        match=r"Column 'month' of the mrr frame must hold dates; found numbers 202601, 202602 "
        r"\(dtype int64\).*format='%Y%m'",
    ):
        mrr_df.assign(month=[202601, 202601, 202602, 202602]).cs.mrr_movements()


def test_text_that_is_not_a_date(mrr_df, subs_df):
    with pytest.raises(
        ColumnTypeError,
        match=r"Column 'month' of the mrr frame has values that are not dates: '2026-13'\. "
        r"Correct them.*errors='coerce'",
    ):
        mrr_df.assign(month=["2026-01", "2026-13", "2026-02", "2026-02"]).cs.churn()
    with pytest.raises(
        ColumnTypeError, match=r"Column 'start' of the subscriptions frame .*'soon'"
    ):
        subs_df.assign(start=["2026-01-01", "soon"]).cs.to_mrr()


def test_scores_of_the_wrong_type(survey_df):
    with pytest.raises(
        ColumnTypeError, match=r"Column 'score' of the surveys frame must be numeric; found 'nine'"
    ):
        survey_df.assign(score=["10", "nine", "3"]).cs.nps(period=None)
    with pytest.raises(
        ColumnTypeError, match=r"Column 'score' .* must be numeric; found True, False"
    ):
        survey_df.assign(score=[True, False, True]).cs.nps(period=None)


def test_not_a_dataframe():
    with pytest.raises(ColumnTypeError, match=r"Expected a pandas DataFrame of surveys, got list"):
        nps([9, 10], period=None)
    with pytest.raises(ColumnTypeError, match=r"Expected a pandas DataFrame of mrr, got Series"):
        churn(pd.Series([1.0]))


# --------------------------------------------------------------------------- NPS values


def test_scores_outside_zero_to_ten(survey_df):
    bad = survey_df.assign(score=[11, -1, 3])
    with pytest.raises(
        InvalidValueError,
        match=r"Column 'score' of the surveys frame has NPS scores outside 0–10: 11, -1\. "
        r"The NPS scale is 0 to 10; fix or drop those answers",
    ):
        bad.cs.nps(period=None)


def test_negative_score_gets_the_nps_message(survey_df):
    # Regression: a negative score was reported as a negative *amount* ("refunds and credits").
    with pytest.raises(InvalidValueError, match=r"NPS scores outside 0–10: -2") as info:
        survey_df.assign(score=[-2, 9, 9]).cs.nps(period=None)
    assert "refund" not in str(info.value)


def test_at_most_five_offending_values_are_shown(survey_df):
    bad = pd.DataFrame({"score": [11, 12, 13, 14, 15, 16, 17, 5]})
    with pytest.raises(
        InvalidValueError, match=r"outside 0–10: 11, 12, 13, 14, 15 \(and 2 more\)\."
    ):
        bad.cs.nps(period=None)


def test_scores_that_are_not_whole(survey_df):
    with pytest.raises(
        InvalidValueError,
        match=r"Column 'score' of the surveys frame has NPS scores that are not whole numbers: "
        r"7\.5, 8\.25\. NPS answers are integers 0–10",
    ):
        survey_df.assign(score=[7.5, 8.25, 9.0]).cs.nps(period=None)


def test_missing_scores_warn_with_count_or_raise(survey_df):
    holes = survey_df.assign(score=[np.nan, 10.0, np.nan])
    with pytest.warns(
        CskitWarning,
        match=r"Dropped 2 row\(s\) of the surveys frame with a missing 'score'; "
        r"pass on_invalid='raise' to stop instead\.",
    ):
        assert holes.cs.nps(period=None) == 100.0
    with pytest.raises(
        InvalidValueError,
        match=r"Column 'score' of the surveys frame has 2 missing value\(s\) \(index 0, 2\)\. "
        r"Drop those rows, or pass on_invalid='drop'",
    ):
        holes.cs.nps(on_invalid="raise", period=None)
    with pytest.raises(
        InvalidParameterError, match=r"on_invalid='skip' is not one of 'drop', 'raise'"
    ):
        holes.cs.nps(on_invalid="skip", period=None)


def test_all_scores_missing(survey_df):
    # Regression: this returned NaN silently (after the warning).
    with pytest.warns(CskitWarning, match="Dropped 3 row"):
        with pytest.raises(EmptyFrameError, match=r"'score' .* no scores left after dropping"):
            survey_df.assign(score=np.nan).cs.nps(period=None)


# --------------------------------------------------------------------------- empty frames


@pytest.mark.parametrize("metric", MRR_METRICS)
def test_empty_mrr_frame(metric, mrr_df):
    with pytest.raises(
        EmptyFrameError, match=r"The mrr frame is empty \(0 rows\)\. Check the filter"
    ):
        metric(mrr_df.iloc[:0])


def test_empty_subscriptions_and_surveys(subs_df, survey_df):
    with pytest.raises(EmptyFrameError, match=r"The subscriptions frame is empty \(0 rows\)"):
        subs_df.iloc[:0].cs.to_mrr()
    with pytest.raises(EmptyFrameError, match=r"The surveys frame is empty \(0 rows\)"):
        survey_df.iloc[:0].cs.nps(period=None)
    with pytest.raises(
        EmptyFrameError,
        match=r"No rows of the surveys frame have survey='nps' \(found: 'csat', 'ces'\)\. "
        r"Pass survey_name='<your label>' or survey_col=None",
    ):
        survey_df.assign(survey=["csat", "ces", "csat"]).cs.nps(period=None)


# --------------------------------------------------------------------------- dates


def test_end_before_start(subs_df):
    bad = subs_df.assign(end=pd.to_datetime([None, "2025-12-31"]))
    with pytest.raises(
        InvalidValueError,
        match=r"Column 'end' of the subscriptions frame is before 'start' in 1 row\(s\) "
        r"\(index 1\)\. "
        r"Swap or correct those dates",
    ):
        bad.cs.to_mrr()


def test_missing_dates_and_ids(subs_df, mrr_df):
    with pytest.raises(
        InvalidValueError, match=r"Column 'start' .* 1 missing date\(s\) \(index 1\)"
    ):
        subs_df.assign(start=pd.to_datetime(["2026-01-01", None])).cs.to_mrr()
    with pytest.raises(
        InvalidValueError, match=r"Column 'customer_id' of the mrr frame has 1 missing id"
    ):
        mrr_df.assign(customer_id=["a", None, "a", "b"]).cs.mrr()
    # Regression: to_mrr kept lines without a customer as a NaN customer.
    with pytest.raises(
        InvalidValueError,
        match=r"Column 'customer_id' of the subscriptions frame has 1 missing id\(s\) "
        r"\(index 0\)\. Every line needs a customer",
    ):
        subs_df.assign(customer_id=[None, "b"]).cs.to_mrr()
    with pytest.raises(
        InvalidValueError, match=r"Column 'mrr' .* 1 missing value\(s\) \(index 3\).*Fill them"
    ):
        mrr_df.assign(mrr=[1.0, 2.0, 3.0, np.nan]).cs.mrr_movements()


def test_mixed_time_zones(subs_df, survey_df, mrr_df):
    seoul, utc = pd.Timestamp("2026-01-01", tz="Asia/Seoul"), pd.Timestamp("2026-01-02", tz="UTC")
    with pytest.raises(
        TimezoneError,
        match=r"Column 'start' of the subscriptions frame mixes time zones: 'Asia/Seoul', 'UTC'\. "
        r"Convert every value to one zone first, e\.g\. pd\.to_datetime\(df\['start'\], utc=True\)",
    ):
        subs_df.assign(start=pd.Series([seoul, utc], dtype=object)).cs.to_mrr()
    with pytest.raises(
        TimezoneError,
        match=r"'submitted_at' of the surveys frame mixes time zones: "
        r"'2026-09-01T10:00\+09:00', '2026-10-01T10:00\+01:00'",
    ):
        survey_df.assign(
            submitted_at=[
                "2026-09-01T10:00+09:00",
                "2026-10-01T10:00+01:00",
                "2026-10-02T10:00+09:00",
            ]
        ).cs.nps(period="M")
    with pytest.raises(
        TimezoneError,
        match=r"'month' of the mrr frame mixes values with and without a UTC "
        r"offset: '2026-01-01T00:00Z' next to '2026-01-01'",
    ):
        mrr_df.assign(
            month=["2026-01-01T00:00Z", "2026-01-01", "2026-02-01", "2026-02-01"]
        ).cs.mrr()


def test_one_time_zone_uses_local_wall_clock(survey_df):
    # 00:30 on 1 February in Seoul is still 31 January in UTC: the month is February.
    answers = pd.DataFrame({"submitted_at": ["2026-02-01T00:30+09:00"], "score": [10]})
    assert answers.cs.nps(period="M").index.tolist() == [pd.Period("2026-02", "M")]
    aware = pd.DataFrame(
        {
            "submitted_at": pd.to_datetime(["2026-02-01 00:30"]).tz_localize("Asia/Seoul"),
            "score": [10],
        }
    )
    assert aware.cs.nps(period="M").index.tolist() == [pd.Period("2026-02", "M")]


# --------------------------------------------------------------------------- amounts


def test_negative_amounts(subs_df, mrr_df):
    with pytest.raises(
        InvalidValueError,
        match=r"Column 'amount' of the subscriptions frame has negative values: -5\.0\. "
        r"Amounts must be >= 0; record refunds and credits outside recurring revenue",
    ):
        subs_df.assign(amount=[-5.0, 100.0]).cs.to_mrr()
    with pytest.raises(
        InvalidValueError, match=r"Column 'mrr' of the mrr frame has negative values: -10\.0, -1\.0"
    ):
        mrr_df.assign(mrr=[-10.0, 1.0, -1.0, 2.0]).cs.churn()
    with pytest.raises(InvalidValueError, match=r"Column 'discount' .* negative values: -0\.1"):
        subs_df.assign(discount=[-0.1, 0.0]).cs.to_mrr()


def test_infinite_amounts(mrr_df):
    with pytest.raises(
        InvalidValueError, match=r"Column 'mrr' of the mrr frame has infinite values: inf\. Replace"
    ):
        mrr_df.assign(mrr=[np.inf, 1.0, 1.0, 1.0]).cs.mrr()


def test_bad_intervals_and_discounts(subs_df):
    with pytest.raises(
        InvalidValueError,
        match=r"Column 'interval' of the subscriptions frame has billing intervals "
        r"cskit does not know: "
        r"'weekly', '2\.5'\. Use 'month', 'year', a whole number of months",
    ):
        subs_df.assign(interval=["weekly", "2.5"]).cs.to_mrr()
    with pytest.raises(
        InvalidValueError,
        match=r"Column 'discount' .* discount rates above 1: 20\.0\. "
        r"Give rates as fractions .* discount_as='amount'",
    ):
        subs_df.assign(discount=[20.0, 0.0]).cs.to_mrr()
    with pytest.raises(InvalidValueError, match=r"discounts larger than the 'amount': 150\.0"):
        subs_df.assign(discount=[150.0, 0.0]).cs.to_mrr(discount_as="amount")


# --------------------------------------------------------------------------- duplicates


def test_duplicate_customer_months(mrr_df):
    dup = pd.concat([mrr_df, mrr_df.iloc[[0]]], ignore_index=True)
    with pytest.raises(
        DuplicateRowsError,
        match=r"The mrr frame must have one row per 'customer_id', 'month'; 2 rows share a key, "
        r"e\.g\. customer_id='a', month='2026-01'\..*df\.groupby\(\['customer_id', 'month'\], "
        r"as_index=False\)\['mrr'\]\.sum\(\)",
    ):
        dup.cs.mrr()  # per-customer KPIs sum such rows (tests/test_conventions.py)


def test_duplicates_are_per_plan_and_product(mrr_df):
    # One row per customer, month *and product* is fine (several subscriptions) ...
    two = pd.concat([mrr_df.assign(product="core"), mrr_df.assign(product="insights")])
    assert two.cs.mrr(period=None) == 2 * 32.0
    # ... two rows for the same product are not.
    with pytest.raises(DuplicateRowsError, match=r"one row per 'customer_id', 'month', 'product'"):
        pd.concat([two, two.iloc[[0]]]).cs.mrr()


# --------------------------------------------------------------------------- parameters


@pytest.mark.parametrize(
    ("call", "message"),
    [
        (
            lambda m, s, v: m.cs.churn(period="W"),
            r"period='W' is not supported here; use one of 'M', 'Q', 'Y', None",
        ),
        (
            lambda m, s, v: m.cs.mrr_movements(period=None),
            r"period=None is not supported here; use one of 'M', 'Q', 'Y'",
        ),
        (
            lambda m, s, v: m.cs.churn(denominator="end"),
            r"denominator='end' is not one of 'start', 'average', 'start_plus_new'",
        ),
        (
            lambda m, s, v: m.cs.churn(join_and_churn="yes"),
            r"join_and_churn='yes' is not one of 'exclude', 'count'",
        ),
        (
            lambda m, s, v: m.cs.churn(reactivated="no"),
            r"reactivated='no' is not one of 'count', 'net'",
        ),
        (
            lambda m, s, v: m.cs.revenue_churn(kind="total"),
            r"kind='total' is not one of 'gross', 'net'",
        ),
        (lambda m, s, v: s.cs.to_mrr(price="gross"), r"price='gross' is not one of 'net', 'list'"),
        (
            lambda m, s, v: s.cs.to_mrr(discount_as="pct"),
            r"discount_as='pct' is not one of 'rate', 'amount'",
        ),
        (
            lambda m, s, v: s.cs.to_mrr(recognise_churn="never"),
            r"recognise_churn='never' is not one of",
        ),
        (
            lambda m, s, v: v.cs.nps(interval="wilson", period=None),
            r"interval='wilson' is not one of 'wald', 'adjusted_wald'",
        ),
        (lambda m, s, v: v.cs.nps(confidence=95, period=None), r"confidence=95 must be between 0 and 1, e\.g\. 0\.95"),
    ],
)
def test_invalid_parameters(call, message, mrr_df, subs_df, survey_df):
    with pytest.raises(InvalidParameterError, match=message):
        call(mrr_df, subs_df, survey_df)


def test_period_aliases(mrr_df):
    # "A" (annual) is accepted as "Y"; lower case works.
    pd.testing.assert_frame_equal(mrr_df.cs.mrr(period="a"), mrr_df.cs.mrr(period="Y"))
    pd.testing.assert_frame_equal(mrr_df.cs.churn(period="m"), mrr_df.cs.churn(period="M"))


def test_every_error_is_a_value_error():
    for cls in (
        ColumnTypeError,
        DuplicateRowsError,
        EmptyFrameError,
        InvalidParameterError,
        InvalidValueError,
        MissingColumnError,
        TimezoneError,
    ):
        assert issubclass(cls, CskitError) and issubclass(cls, ValueError)
    assert issubclass(ColumnTypeError, TypeError)


# --------------------------------------------------------------------------- no side effects


def _awkward_mrr() -> pd.DataFrame:
    """Text months, text amounts, a repeated index label, attrs: everything a metric might touch."""
    frame = pd.DataFrame(
        {
            "customer_id": ["a", "b", "a", "c", "a"],
            "month": ["2026-01", "2026-01", "2026-02", "2026-02", "2026-03"],
            "mrr": ["100", "50", "120", "30", "90"],
            "plan": ["x", "y", "x", "y", "y"],
        },
        index=[5, 5, 7, 8, 9],
    )
    frame.attrs["source"] = "test"
    return frame


@pytest.mark.parametrize(
    ("func", "kwargs"),
    [
        (mrr, {}),
        (mrr, {"by": "plan", "period": "Q"}),
        (mrr_movements, {"by": "plan"}),
        (mrr_movements, {"period": "Q", "include_first": True}),
        (churn, {"denominator": "average", "join_and_churn": "count", "reactivated": "net"}),
        (churn, {"by": "plan", "period": None}),
        (revenue_churn, {"kind": "net", "period": None}),
    ],
)
def test_mrr_metrics_do_not_modify_the_frame(func, kwargs, unchanged):
    unchanged(func, _awkward_mrr(), **kwargs)


def test_to_mrr_does_not_modify_the_frame(subs_df, unchanged):
    frame = subs_df.assign(start=["2026-01-01", "2026-01-15"], end=[np.nan, np.nan])
    unchanged(to_mrr, frame, recognise_churn="period_end", until="2026-06")
    unchanged(to_mrr, subs_df.assign(discount=[np.nan, 10.0]), discount_as="amount")


def test_nps_does_not_modify_the_frame(unchanged):
    frame = pd.DataFrame(
        {
            "submitted_at": [
                "2026-09-01T10:00+09:00",
                "2026-10-01T10:00+09:00",
                "2026-10-02T10:00+09:00",
            ],
            "score": [10.0, np.nan, 3.0],
            "survey": ["nps", "nps", "nps"],
            "segment": ["a", "b", "a"],
        },
        index=[1, 1, 2],
    )
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", CskitWarning)
        unchanged(nps, frame, period="M", by="segment", interval="adjusted_wald")
        unchanged(nps, frame)


def test_sample_tables_survive_every_metric(company, unchanged):
    mrr_table = company.mrr.head(3000)
    for func in (mrr, mrr_movements, churn, revenue_churn):
        unchanged(func, mrr_table, by="plan")
    unchanged(to_mrr, company.subscriptions.head(300))
    unchanged(nps, company.surveys.head(1000), period="Q")
    unchanged(lambda f: f.cs.kpis(all=True), company.events.head(10))


def test_errors_are_cskit_errors_not_pandas_tracebacks(mrr_df):
    # A sample of awkward inputs: all must raise CskitError subclasses.
    bad_inputs = [
        mrr_df.assign(month=[None] * 4),
        mrr_df.assign(month=[True, False, True, False]),
        mrr_df.assign(mrr=[None] * 4),
        mrr_df.assign(mrr=[[1], [2], [3], [4]]),
        mrr_df.assign(month=[pd.Timestamp("2026-01-01"), "x", 3, None]),
    ]
    for frame in bad_inputs:
        for metric in MRR_METRICS:
            with pytest.raises(CskitError):
                metric(frame)
    assert cskit.errors.format_values(["a", 1, 2.5]) == "'a', 1, 2.5"


def test_both_date_readers_share_one_parser():
    # A frame's column (as_datetime: the day/month order read from "13/02") and a loader's
    # (parse_dates, told dayfirst=True) go through cskit._dates.parse_text: the same dates.
    from cskit._validate import as_datetime
    from cskit.io._dates import parse_dates

    text = pd.Series(["13/02/2026 10:00", "01/03/2026 09:30", "2026-03-05"])
    frame_dates = as_datetime(pd.DataFrame({"at": text}), "at", "tickets")
    loaded = parse_dates(text, "at", "tickets file", dayfirst=True)
    expected = [pd.Timestamp("2026-02-13 10:00"), pd.Timestamp("2026-03-01 09:30"),
                pd.Timestamp("2026-03-05")]
    assert frame_dates.tolist() == expected
    assert loaded.tolist() == expected
