"""cskit.io: CSV / Parquet / Excel loaders with a column mapping, and three real export layouts.

The fixtures in tests/fixtures/ follow the column layout of each tool's export:
Stripe Billing's subscriptions export, Zendesk Support's full ticket export and a
Typeform NPS form's responses export. Expected values are worked out by hand
from the fixture rows (see the comments).
"""

from __future__ import annotations

import gzip
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

import cskit
from cskit import io as cio
from cskit.errors import (
    ColumnTypeError,
    CskitError,
    CskitWarning,
    EmptyFrameError,
    InvalidParameterError,
    InvalidValueError,
    MissingColumnError,
)

FIXTURES = Path(__file__).parent / "fixtures"
STRIPE = FIXTURES / "stripe_subscriptions.csv"
ZENDESK = FIXTURES / "zendesk_tickets.csv"
TYPEFORM = FIXTURES / "typeform_nps.csv"


# ---------------------------------------------------------------- Stripe


def test_stripe_subscriptions_export():
    subs = cio.read_subscriptions(STRIPE, source="stripe")
    # Seven lines: D is still trialing and F never paid (incomplete_expired): left out.
    assert subs["subscription_id"].tolist() == ["sub_1Q0aA1", "sub_1Q0aB1", "sub_1Q0aC1",
                                                "sub_1Q0aE1", "sub_1Q0aA2"]
    assert subs["customer_id"].tolist() == ["cus_Q0aA", "cus_Q0aB", "cus_Q0aC", "cus_Q0aE",
                                            "cus_Q0aA"]
    # C: 3 seats x 20.00 = 60; the others quantity 1.
    assert subs["amount"].tolist() == [100.0, 1200.0, 60.0, 50.0, 30.0]
    assert subs["interval"].tolist() == ["month", "year", "month", "month", "month"]
    # E's trial ended 2026-01-15 10:00: revenue starts then, not at sign-up.
    assert subs.loc[3, "start"] == pd.Timestamp("2026-01-15 10:00")
    assert subs.loc[0, "start"] == pd.Timestamp("2026-01-10 09:12")
    # Only C has ended.
    assert subs["end"].isna().tolist() == [True, True, False, True, True]
    assert subs.loc[2, "end"] == pd.Timestamp("2026-03-20 16:31")
    assert subs["plan"].tolist()[-1] == "Insights Add-on"
    assert subs["product"].tolist()[-1] == "Insights"
    assert (subs["discount"] == 0).all()
    assert subs["start"].dtype == "datetime64[us]"


def test_stripe_export_gives_the_right_mrr():
    subs = cio.read_subscriptions(STRIPE, source="stripe")
    mrr = subs.cs.to_mrr(until="2026-04")
    april = mrr[mrr["month"] == pd.Period("2026-04", freq="M")]
    # April 2026: A 100 + A's add-on 30 + B 1,200 / 12 = 100 + E 50 = 280 (C ended in March).
    assert april["mrr"].sum() == pytest.approx(280.0)
    assert sorted(april["customer_id"].unique()) == ["cus_Q0aA", "cus_Q0aB", "cus_Q0aE"]
    assert april.groupby("customer_id")["mrr"].sum()["cus_Q0aA"] == pytest.approx(130.0)


def test_stripe_customer_column_can_be_mapped():
    subs = cio.read_subscriptions(STRIPE, source="stripe",
                                  columns={"account_id (metadata)": "customer_id"})
    assert subs["customer_id"].tolist() == ["A00001", "A00002", "A00003", "A00005", "A00001"]


def test_stripe_interval_count_and_bad_interval(tmp_path):
    raw = pd.read_csv(STRIPE, dtype=str, keep_default_na=False)
    raw["Interval Count"] = ["1", "1", "3", "1", "1", "1", "1"]
    path = tmp_path / "stripe.csv"
    raw.to_csv(path, index=False)
    subs = cio.read_subscriptions(path, source="stripe")
    assert subs["interval"].tolist() == ["month", "year", "3", "month", "month"]
    raw["Interval"] = ["week"] + ["month"] * 6
    raw.to_csv(path, index=False)
    with pytest.raises(InvalidValueError, match=r"Column 'Interval' .*'week'"):
        cio.read_subscriptions(path, source="stripe")


def test_not_a_stripe_export():
    with pytest.raises(MissingColumnError, match="does not look like a Stripe subscriptions"):
        cio.read_subscriptions(ZENDESK, source="stripe")


# ---------------------------------------------------------------- Zendesk


def test_zendesk_ticket_export():
    tickets = cio.read_tickets(ZENDESK, source="zendesk")
    assert tickets["ticket_id"].tolist() == ["4101", "4102", "4103", "4104"]
    assert tickets["account_id"].tolist() == ["Acme Ltd", "Blue Harbor Inc", "Cedar & Co",
                                              "Echo Retail"]
    # First response = created + "First reply time in minutes" (calendar minutes):
    # 09:15 + 90 min = 10:45; 22:40 + 555 min = 07:55 next day; 11:00 + 2 min = 11:02.
    assert tickets["first_response_at"].tolist()[:3] == [
        pd.Timestamp("2026-10-01 10:45"), pd.Timestamp("2026-10-03 07:55"),
        pd.Timestamp("2026-10-05 11:02")]
    assert pd.isna(tickets.loc[3, "first_response_at"])  # open, not answered yet
    assert pd.isna(tickets.loc[3, "resolved_at"])
    assert tickets.loc[2, "resolved_at"] == pd.Timestamp("2026-10-08 15:30")
    assert tickets["reopened"].tolist() == [False, False, True, False]  # Reopens 0, 0, 1, 0
    assert tickets["agent_replies"].tolist() == [2, 1, 4, 0]
    assert tickets["agent_replies"].dtype == np.int64
    assert tickets["channel"].tolist() == ["web form", "email", "chat", "api"]
    assert tickets["category"].tolist() == ["incident", "question", "problem", "question"]


def test_zendesk_requester_as_account():
    tickets = cio.read_tickets(ZENDESK, source="zendesk",
                               columns={"Requester id": "account_id"})
    assert tickets["account_id"].tolist() == ["38101", "38102", "38103", "38104"]


def test_zendesk_ticket_without_organization(tmp_path):
    raw = pd.read_csv(ZENDESK, dtype=str, keep_default_na=False)
    raw.loc[1, "Organization"] = ""
    path = tmp_path / "z.csv"
    raw.to_csv(path, index=False)
    # Kept with an empty account and counted: 1 of 4 tickets.
    with pytest.warns(CskitWarning, match=r"1 ticket\(s\) have no 'Organization' .*'4102'"):
        tickets = cio.read_tickets(path, source="zendesk")
    assert len(tickets) == 4
    assert tickets["account_id"].isna().tolist() == [False, True, False, False]
    assert tickets.cs.ticket_volume(period=None) == 4


# ---------------------------------------------------------------- Typeform


def test_typeform_nps_export():
    # Six completed answers; the partial one (no score) is left out and counted.
    with pytest.warns(CskitWarning, match=r"left out 1 response\(s\) without a score \(1 of "
                                          r"them partial"):
        answers = cio.read_surveys(TYPEFORM, source="typeform")
    assert len(answers) == 6
    assert answers["respondent_id"].tolist()[0] == "r7tq2x1k9m"
    assert answers["account_id"].tolist() == ["A00001", "A00002", "A00005", "A00002", "A00003",
                                              "A00001"]
    assert (answers["survey"] == "nps").all()
    assert answers["score"].tolist() == [10, 10, 9, 7, 3, 8]
    # Scores 10, 10, 9 promoters; 7, 8 passives; 3 detractor: (3 - 1) / 6 = 33.3 points.
    assert answers.cs.nps(period=None) == pytest.approx(100 * 2 / 6)
    # Comments are kept as written (escaping is the report's job): markup, formulas, Japanese.
    assert answers.loc[4, "comment"].startswith("<script>alert('report')</script>")
    assert answers.loc[3, "comment"] == '=HYPERLINK("http://example.invalid","click")'
    assert answers.loc[5, "comment"].startswith("ダッシュボード")
    assert pd.isna(answers.loc[1, "comment"])
    assert answers.loc[0, "submitted_at"] == pd.Timestamp("2026-10-02 08:12:40")


def test_typeform_question_can_be_named(tmp_path):
    raw = pd.read_csv(TYPEFORM, dtype=str, keep_default_na=False)
    raw = raw.rename(columns={raw.columns[1]: "Wie wahrscheinlich ist es, dass Sie uns "
                                              "weiterempfehlen?"})
    path = tmp_path / "tf.csv"
    raw.to_csv(path, index=False)
    with pytest.raises(MissingColumnError, match="cannot tell which question is the NPS score"):
        cio.read_surveys(path, source="typeform")
    with pytest.warns(CskitWarning, match="without a score"):
        answers = cio.read_surveys(path, source="typeform", columns={
            raw.columns[1]: "score", raw.columns[2]: "comment"})
    assert answers["score"].tolist() == [10, 10, 9, 7, 3, 8]
    assert answers.loc[0, "comment"].startswith("The cohort charts")


# ---------------------------------------------------------------- any file, any format


def _contract_mrr() -> pd.DataFrame:
    mrr = cskit.datasets.load_sample().mrr
    return mrr[mrr["customer_id"].isin(["A00001", "A00002", "A00003"])].reset_index(drop=True)


def test_csv_with_mapping_separator_and_bom(tmp_path):
    path = tmp_path / "revenue.csv"
    text = "Konto;Monat;Umsatz;Notiz\nA1;2026-09;100;x\nA1;2026-10;120;\nB7;2026-10;80;y\n"
    path.write_bytes("\ufeff".encode() + text.encode("utf-8"))
    mrr = cio.read_mrr(path, sep=";", columns={"Konto": "customer_id", "Monat": "month",
                                               "Umsatz": "mrr", "Notiz": None})
    assert mrr.columns.tolist() == ["customer_id", "month", "mrr"]
    assert mrr["month"].dtype == pd.PeriodDtype("M")
    # October: 120 + 80 = 200.
    assert mrr.cs.mrr(period="M")["mrr"].tolist() == [100.0, 200.0]


def test_parquet_round_trip(tmp_path):
    pytest.importorskip("pyarrow", reason="pyarrow is in the 'io' extra")
    original = _contract_mrr()
    path = tmp_path / "mrr.parquet"
    original.assign(month=original["month"].astype(str)).to_parquet(path)
    back = cio.read_table(path, "mrr")
    pd.testing.assert_frame_equal(back, original, check_dtype=False)
    assert back["month"].dtype == pd.PeriodDtype("M")


def test_a_folder_of_parquet_parts_is_one_table(tmp_path):
    pytest.importorskip("pyarrow", reason="pyarrow is in the 'io' extra")
    original = _contract_mrr()
    lake = tmp_path / "lake"
    lake.mkdir()
    text_months = original.assign(month=original["month"].astype(str))
    half = len(original) // 2
    text_months.iloc[:half].to_parquet(lake / "part-0.parquet")
    text_months.iloc[half:].to_parquet(lake / "part-1.parquet")
    back = cskit.read_mrr(lake)
    assert len(back) == len(original)
    key = ["customer_id", "month"]
    pd.testing.assert_frame_equal(
        back.sort_values(key, ignore_index=True),
        original.sort_values(key, ignore_index=True), check_dtype=False)
    (tmp_path / "empty").mkdir()
    with pytest.raises(CskitError, match="is a folder.*Parquet dataset"):
        cskit.read_mrr(tmp_path / "empty")
    with pytest.raises(CskitError, match="is a folder"):
        cskit.read_mrr(lake, format="csv")


def test_excel_round_trip(tmp_path):
    pytest.importorskip("openpyxl", reason="openpyxl is in the 'io' extra")
    tickets = cio.read_tickets(ZENDESK, source="zendesk")
    path = tmp_path / "tickets.xlsx"
    tickets.rename(columns={"ticket_id": "Ticket", "account_id": "Account"}).to_excel(
        path, index=False, sheet_name="Export")
    back = cio.read_tickets(path, sheet="Export",
                            columns={"Ticket": "ticket_id", "Account": "account_id"})
    pd.testing.assert_frame_equal(back, tickets, check_dtype=False)
    assert back["ticket_id"].tolist() == ["4101", "4102", "4103", "4104"]  # ids stay text
    # The Zendesk export itself, saved as Excel (Explore exports .xlsx), reads the same.
    xlsx = tmp_path / "zendesk.xlsx"
    pd.read_csv(ZENDESK, dtype=str, keep_default_na=False).to_excel(xlsx, index=False)
    pd.testing.assert_frame_equal(cio.read_tickets(xlsx, source="zendesk"), tickets,
                                  check_dtype=False)


def test_gzip_csv(tmp_path):
    path = tmp_path / "subs.csv.gz"
    path.write_bytes(gzip.compress(STRIPE.read_bytes()))
    assert len(cio.read_subscriptions(path, source="stripe")) == 5


@pytest.mark.filterwarnings("ignore::cskit.errors.CskitWarning")
def test_loader_leaves_nothing_shared():
    first = cio.read_surveys(TYPEFORM, source="typeform")
    first.loc[0, "score"] = 0
    assert cio.read_surveys(TYPEFORM, source="typeform").loc[0, "score"] == 10


# ---------------------------------------------------------------- bad files


def test_missing_required_column_says_how_to_map(tmp_path):
    path = tmp_path / "mrr.csv"
    path.write_text("account,month,mrr\nA1,2026-10,5\n")
    with pytest.raises(MissingColumnError) as caught:
        cio.read_mrr(path)
    message = str(caught.value)
    assert "Column 'customer_id' is missing from the mrr file mrr.csv" in message
    assert "'account'" in message and "columns={'<your column>': 'customer_id'}" in message


def test_mapping_names_a_column_the_file_lacks(tmp_path):
    path = tmp_path / "mrr.csv"
    path.write_text("account,month,mrr\nA1,2026-10,5\n")
    with pytest.raises(MissingColumnError, match=r"'acount' is missing .*Did you mean 'account'\? The column mapping names it"):
        cio.read_mrr(path, columns={"acount": "customer_id"})
    with pytest.raises(InvalidParameterError, match="several columns are called 'mrr'"):
        cio.read_mrr(path, columns={"account": "mrr"})


@pytest.mark.parametrize(
    ("text", "error", "message"),
    [
        ("customer_id,month,mrr\nA1,2026-10,-5\nA2,2026-10,3\n", InvalidValueError,
         r"Column 'mrr' of the mrr file revenue.csv has negative values: '-5'"),
        ("customer_id,month,mrr\nA1,2026-10,abc\n", ColumnTypeError,
         r"Column 'mrr' .*numeric; found 'abc'"),
        ("customer_id,month,mrr\nA1,Oktober,5\n", ColumnTypeError,
         r"Column 'month' .*not dates: 'Oktober'"),
        ("customer_id,month,mrr\n", EmptyFrameError, "has no rows"),
    ],
)
def test_bad_values_name_file_column_and_values(tmp_path, text, error, message):
    path = tmp_path / "revenue.csv"
    path.write_text(text)
    with pytest.raises(error, match=message) as caught:
        cio.read_mrr(path)
    assert "revenue.csv" in str(caught.value)


def test_bad_bool_and_int(tmp_path):
    path = tmp_path / "t.csv"
    path.write_text("ticket_id,account_id,created_at,reopened,agent_replies\n"
                    "1,A,2026-10-01,maybe,1\n")
    with pytest.raises(ColumnTypeError, match=r"'reopened' .*True / False.*'maybe'"):
        cio.read_tickets(path)
    path.write_text("ticket_id,account_id,created_at,reopened,agent_replies\n"
                    "1,A,2026-10-01,yes,1.5\n")
    with pytest.raises(ColumnTypeError, match=r"'agent_replies' .*whole numbers.*'1.5'"):
        cio.read_tickets(path)


def test_bad_arguments(tmp_path):
    with pytest.raises(InvalidParameterError, match="not a table of the data contract"):
        cio.read_table(STRIPE, "invoices")
    with pytest.raises(InvalidParameterError, match="'typeform' is not a known export of "
                                                    "subscriptions; known: stripe"):
        cio.read_subscriptions(STRIPE, source="typeform")
    with pytest.raises(InvalidParameterError, match="cannot tell the format"):
        cio.read_table(tmp_path / "x.xyz", "mrr")
    with pytest.raises(CskitError, match="no such file"):
        cio.read_table(tmp_path / "missing.csv", "mrr")
    latin = tmp_path / "latin.csv"
    latin.write_bytes("customer_id,month,mrr\nCaf\xe9,2026-10,5\n".encode("latin-1"))
    # Not UTF-8: read as Windows-1252 with a warning that says how to choose.
    with pytest.warns(CskitWarning, match="not UTF-8 .*cp1252.*encoding="):
        assert cio.read_mrr(latin)["customer_id"].tolist() == ["Café"]
    with pytest.raises(CskitError, match="not utf-8 text.*encoding="):
        cio.read_mrr(latin, encoding="utf-8")
    assert cio.read_mrr(latin, encoding="latin-1")["customer_id"].tolist() == ["Café"]


def test_loaded_sample_matches_bundled_tables():
    # The bundled sample's files are contract CSVs: read_table gives the same tables.
    sample = cskit.datasets.load_sample()
    folder = cskit.datasets.sample_dir()
    for table in ("mrr", "tickets", "accounts"):
        loaded = cio.read_table(folder / f"{table}.csv", table)
        pd.testing.assert_frame_equal(loaded, getattr(sample, table), check_dtype=False)
