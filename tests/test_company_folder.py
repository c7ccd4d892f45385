"""A company's own data folder: any subset of tables, the month it covers, what it lacks.

Hand-worked folders check load_company, the as-of date and the latest complete
month; the second company (cskit.datasets.make_company) checks the report's
scorecard against numbers recomputed here with plain pandas.
"""

from __future__ import annotations

import time
from types import SimpleNamespace

import numpy as np
import pandas as pd
import pytest

import cskit
from cskit import report
from cskit import report_scope as scope
from cskit.datasets import load_company, make_company
from cskit.errors import ColumnTypeError, CskitError, MissingColumnError
from cskit.i18n import LANGUAGES

SUBSCRIPTIONS = (
    "customer_id,start,end,amount,interval,plan\n"
    "a,2026-01-15 00:00:00,,600.0,year,price_9x\n"
    "b,2026-01-01 00:00:00,2026-03-10 00:00:00,100.0,month,price_1a\n"
)
SURVEYS = (
    "account_id,submitted_at,survey,score\n"
    "a,2026-02-10 10:00:00+09:00,nps,9\n"
    "b,2026-04-03 08:30:00,nps,3\n"
)


@pytest.fixture
def small(tmp_path):
    (tmp_path / "subscriptions.csv").write_text(SUBSCRIPTIONS)
    (tmp_path / "surveys.csv").write_text(SURVEYS)
    return tmp_path


def test_load_company_reads_a_subset_and_derives_mrr(small):
    company = load_company(small)
    assert company.missing == ("events", "tickets", "costs", "accounts")
    assert company.derived == ("mrr",)
    assert not hasattr(company, "events")
    # By hand: a pays 600 a year = 50 a month from January; b 100 a month, cancelled
    # on 2026-03-10 (counted up to the month close before the cancellation: Jan, Feb).
    # The data end in April (the survey of 2026-04-03), so mrr runs to April.
    by_month = company.mrr.groupby(["customer_id", "month"])["mrr"].sum()
    assert by_month["a"].tolist() == [50.0, 50.0, 50.0, 50.0]
    assert [str(m) for m in by_month["a"].index] == ["2026-01", "2026-02", "2026-03", "2026-04"]
    assert by_month["b"].tolist() == [100.0, 100.0]


def test_as_of_and_latest_complete_month(small):
    company = load_company(small)
    # The latest instant anywhere: the survey of 2026-04-03 08:30 (UTC).
    assert company.as_of == pd.Timestamp("2026-04-03 08:30")
    assert str(company.latest_complete_month) == "2026-03"
    assert str(scope.default_month(company)) == "2026-03"
    assert scope.is_partial(company, "2026-04") and not scope.is_partial(company, "2026-03")
    note = scope.partial_note(company, "2026-04")
    assert "3 of its 30 days" in note and "2026-04-03" in note
    assert scope.partial_note(company, "2026-03") is None


def test_utc_offsets_are_converted_to_utc(small):
    surveys = load_company(small).surveys
    # 10:00 in Tokyo (+09:00) is 01:00 UTC; a naive time is taken as UTC.
    assert surveys["submitted_at"].tolist() == [pd.Timestamp("2026-02-10 01:00"),
                                                 pd.Timestamp("2026-04-03 08:30")]


def test_csv_gz_and_parquet_give_the_same_tables(small, tmp_path_factory):
    pytest.importorskip("pyarrow")
    plain = load_company(small)
    other = tmp_path_factory.mktemp("formats")
    plain.subscriptions.to_parquet(other / "subscriptions.parquet")
    pd.read_csv(small / "surveys.csv").to_csv(other / "surveys.csv.gz", index=False)
    again = load_company(other)
    pd.testing.assert_frame_equal(again.subscriptions, plain.subscriptions)
    pd.testing.assert_frame_equal(again.surveys, plain.surveys)
    pd.testing.assert_frame_equal(again.mrr, plain.mrr)


def test_the_sample_loads_the_same_as_load_sample(company):
    folder = load_company()
    for name, frame in company.tables().items():
        pd.testing.assert_frame_equal(getattr(folder, name), frame)
    assert str(folder.latest_complete_month) == "2026-10"


def test_missing_required_column_lists_the_columns_present(tmp_path):
    (tmp_path / "surveys.csv").write_text("account_id,Submitted At,score\nx,2026-01-01,9\n")
    with pytest.raises(MissingColumnError, match="submitted_at") as info:
        load_company(tmp_path)
    assert "Submitted At" in str(info.value)


def test_unreadable_values_are_named(tmp_path):
    (tmp_path / "surveys.csv").write_text("submitted_at,score\n2026-01-01,nine\n")
    with pytest.raises(ColumnTypeError, match="'nine'"):
        load_company(tmp_path)


def test_empty_folder_is_refused(tmp_path):
    with pytest.raises(CskitError, match="holds none of the tables"):
        load_company(tmp_path)


# ---------------------------------------------------------------- the second company


@pytest.fixture(scope="module")
def second(tmp_path_factory):
    out = tmp_path_factory.mktemp("second")
    make_company(out=out)
    return out, load_company(out)


def test_make_company_is_deterministic_and_fast(tmp_path):
    started = time.perf_counter()
    make_company(seed=5, out=tmp_path / "one")
    assert time.perf_counter() - started < 10
    make_company(seed=5, out=tmp_path / "two")
    for path in (tmp_path / "one").iterdir():
        assert path.read_bytes() == (tmp_path / "two" / path.name).read_bytes(), path.name


def test_second_company_is_shaped_differently(second, company):
    out, other = second
    assert sorted(p.name for p in out.iterdir()) == [
        "accounts.csv", "events.csv.gz", "labels.toml", "subscriptions.csv", "surveys.csv",
        "tickets.csv"]
    months = other.mrr["month"]
    # 14 complete months and the partial month of the export (2026-10-03).
    assert [str(months.min()), str(months.max())] == ["2025-08", "2026-10"]
    assert str(other.latest_complete_month) == "2026-09"
    assert other.as_of.strftime("%Y-%m-%d") == "2026-10-03"
    assert not set(other.mrr["plan"]) & set(company.mrr["plan"])
    assert not set(other.accounts["segment"]) & set(company.accounts["segment"])
    assert scope.currency(other) == "EUR"
    assert "duration_s" not in other.events.columns
    assert "first_login_at" not in other.accounts.columns


def test_offsets_across_daylight_saving_read_back_as_utc(second):
    out, other = second
    written = pd.read_csv(out / "surveys.csv")["submitted_at"]
    assert written.str.endswith("+01:00").any() and written.str.endswith("+02:00").any()
    pd.testing.assert_series_equal(other.surveys["submitted_at"],
                                   make_company()["surveys"]["submitted_at"])


def _nrr_12_by_hand(mrr: pd.DataFrame, month: pd.Period) -> tuple[float, float]:
    """Trailing-12 NRR and GRR: customers paying 12 months before, their MRR then and now."""
    per = mrr.groupby(["customer_id", "month"])["mrr"].sum()
    start = per.xs(month - 12, level="month")
    end = per.xs(month, level="month").reindex(start.index, fill_value=0.0)
    return float(end.sum() / start.sum()), float(np.minimum(end, start).sum() / start.sum())


def test_scorecard_of_the_second_company(second):
    _, other = second
    month = scope.default_month(other)
    card = report.scorecard(other, month)
    # MRR of the month, summed here from the subscriptions-derived table.
    assert card.loc["mrr", "value"] == pytest.approx(
        other.mrr.loc[other.mrr["month"] == month, "mrr"].sum())
    nrr, grr = _nrr_12_by_hand(other.mrr, month)
    assert card.loc["nrr", "value"] == pytest.approx(nrr)
    assert card.loc["grr", "value"] == pytest.approx(grr)
    # No first_login_at column: that KPI is left out, with a note; nothing else is.
    assert "first_login_rate" not in card.index
    assert {"nps", "fcr", "stickiness", "tickets_per_100"} <= set(card.index)
    notes = scope.column_notes(other, report.KPIS)
    assert notes == ["First-login rate (7 days) is left out: the accounts table has no "
                     "first_login_at column."]


def test_trailing_twelve_months_need_thirteen_months(tmp_path):
    make_company(seed=3, months=12, n_accounts=60, tables=("subscriptions",), out=tmp_path)
    young = load_company(tmp_path)
    card = report.scorecard(young, scope.default_month(young))
    assert "nrr" in card.index and "nrr_12m" not in card.index and "grr_12m" not in card.index
    assert card.loc["nrr", "label"] == "Net revenue retention (NRR, monthly)"


def test_plan_labels_and_currency(second):
    out, other = second
    labels = scope.load_labels(out)
    assert labels["plan"]["price_plus"] == "Plus"
    shown = scope.apply_labels(other.mrr, labels)
    assert set(shown["plan"]) == {"Lite", "Plus", "Max", "Automations add-on"}
    assert other.mrr["plan"].str.startswith("price_").all()  # the caller's frame is unchanged
    # An id without a label is shown as given.
    partial = scope.apply_labels(other.mrr, {"plan": {"price_max": "Max"}})
    assert set(partial["plan"]) == {"price_lite", "price_plus", "Max", "price_auto"}


def test_several_currencies_are_refused():
    subs = pd.DataFrame({"currency": ["eur", "usd", "EUR"]})
    with pytest.raises(CskitError, match="'EUR', 'USD'"):
        scope.currency(SimpleNamespace(subscriptions=subs))


@pytest.mark.parametrize("lang", LANGUAGES)
def test_absent_tables_get_one_line_each_in_every_language(lang):
    only = SimpleNamespace(subscriptions=pd.DataFrame(), mrr=pd.DataFrame(),
                           surveys=pd.DataFrame())
    before = cskit.get_language()
    cskit.set_language(lang)
    try:
        lines = scope.absent_lines(only)
        english = {k: cskit.t("report.scope.adds." + k, language="en") for k in lines}
    finally:
        cskit.set_language(before)
    assert sorted(lines) == ["health", "support", "usage"]
    assert "tickets.csv" in lines["support"] and "events.csv" in lines["usage"]
    if lang != "en":  # translated, not the English sentence
        assert all(english[k] not in lines[k] for k in lines)


def test_csat_only_surveys_give_csat_and_no_nps(second):
    _, other = second
    csat = other.surveys[other.surveys["survey"] == "csat"]
    company = cskit.datasets.Company({"mrr": other.mrr, "surveys": csat})
    card = report.scorecard(company, "2026-09")
    assert "nps" not in card.index and "ces" not in card.index
    # CSAT by hand: share of 4s and 5s among the month's answers.
    month = csat[csat["submitted_at"].dt.to_period("M") == pd.Period("2026-09", freq="M")]
    assert card.loc["csat", "value"] == pytest.approx((month["score"] >= 4).mean())
