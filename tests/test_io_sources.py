"""cskit.io sources added for issue 12: Stripe invoice line items, Mixpanel, HubSpot,
a finance sheet, and currencies. Each fixture in tests/fixtures/ follows the tool's
export layout; expected numbers are worked out by hand in the comments."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

from cskit import io as cio
from cskit.errors import CskitWarning, InvalidParameterError, InvalidValueError, MissingColumnError

FIXTURES = Path(__file__).parent / "fixtures"
STRIPE = FIXTURES / "stripe_subscriptions.csv"
INVOICES = FIXTURES / "stripe_invoice_line_items.csv"
MIXPANEL = FIXTURES / "mixpanel_events.jsonl"
HUBSPOT = FIXTURES / "hubspot_companies.csv"
FINANCE = FIXTURES / "finance_costs.csv"


def _month(frame: pd.DataFrame, month: str) -> float:
    return float(frame.loc[frame["month"] == pd.Period(month, freq="M"), "mrr"].sum())


# ---------------------------------------------------------------- Stripe invoice line items


def _invoices() -> pd.DataFrame:
    with pytest.warns(CskitWarning, match="left out 2 line"):  # the one-off fee, the void one
        return cio.read_subscriptions(INVOICES, source="stripe_invoices")


def test_invoice_line_items_rebuild_the_upgrade():
    subs = _invoices()
    subs = subs.sort_values(["subscription_id", "start"], ignore_index=True)
    # sub_A: Basic 100/month from 1 Jan; upgraded to Pro on 15 Feb (the prorations: -50 for
    # the unused half of February on Basic, +100 for the rest of it on Pro); Pro 200/month
    # since, still running at the last invoice (1 Apr; its period ends 1 May).
    # sub_B: 1,200/year from 10 Jan. sub_C: 50/month, invoiced twice, not renewed on 5 Mar.
    assert subs["subscription_id"].tolist() == ["sub_A", "sub_A", "sub_B", "sub_C"]
    assert subs["plan"].tolist() == ["Basic", "Pro", "Scale", "Starter"]
    assert subs["amount"].tolist() == [100.0, 200.0, 1200.0, 50.0]
    assert subs["interval"].tolist() == ["month", "month", "year", "month"]
    assert subs["start"].tolist() == [pd.Timestamp("2026-01-01"), pd.Timestamp("2026-02-15"),
                                      pd.Timestamp("2026-01-10"), pd.Timestamp("2026-01-05")]
    assert subs["end"].tolist()[0] == pd.Timestamp("2026-02-15")
    assert pd.isna(subs["end"].tolist()[1]) and pd.isna(subs["end"].tolist()[2])
    assert subs["end"].tolist()[3] == pd.Timestamp("2026-03-05")
    assert (subs["currency"] == "usd").all()


def test_invoice_line_items_give_mrr_history_with_the_expansion():
    mrr = _invoices().cs.to_mrr(until="2026-04")
    # Jan: A 100 + B 1,200/12 + C 50 = 250. Feb: A is on Pro at the month's close: 200 + 100
    # + 50 = 350. Mar: C ended 5 Mar: 200 + 100 = 300. Apr: 300.
    assert [_month(mrr, m) for m in ("2026-01", "2026-02", "2026-03", "2026-04")] == [
        250.0, 350.0, 300.0, 300.0]
    moves = mrr.cs.mrr_movements()
    feb = moves.loc[pd.Period("2026-02", freq="M")]
    assert feb["expansion"] == pytest.approx(100.0)
    assert moves.loc[pd.Period("2026-03", freq="M"), "churn"] == pytest.approx(50.0)


def test_invoice_line_items_as_of_and_tz():
    # As of 20 March, sub_A's March period (to 1 Apr) is still running and sub_C's ended.
    with pytest.warns(CskitWarning):
        subs = cio.read_subscriptions(INVOICES, source="stripe_invoices", as_of="2026-03-20")
    assert subs.loc[subs["subscription_id"] == "sub_C", "end"].notna().all()
    # The export's times are UTC: in Los Angeles the upgrade happened on 14 Feb at 16:00.
    with pytest.warns(CskitWarning):
        local = cio.read_subscriptions(INVOICES, source="stripe_invoices",
                                       tz="America/Los_Angeles")
    pro = local[local["plan"] == "Pro"]
    assert pro["start"].tolist() == [pd.Timestamp("2026-02-14 16:00", tz="America/Los_Angeles")]


# ---------------------------------------------------------------- currencies


def _stripe_with_currency(tmp_path, currencies) -> Path:
    raw = pd.read_csv(STRIPE, dtype=str, keep_default_na=False)
    raw["Currency"] = currencies
    path = tmp_path / "stripe.csv"
    raw.to_csv(path, index=False)
    return path


def test_several_currencies_are_refused_with_both_ways_out(tmp_path):
    # Line B (1,200/year) is in euros, the others in dollars.
    path = _stripe_with_currency(tmp_path, ["usd", "eur", "usd", "usd", "usd", "usd", "usd"])
    with pytest.raises(InvalidValueError) as caught:
        cio.read_subscriptions(path, source="stripe")
    message = str(caught.value)
    assert "several currencies: 'eur', 'usd'" in message
    assert "fx={" in message and "currency='eur'" in message
    # fx: 1,200 EUR x 1.09 = 1,308 USD.
    subs = cio.read_subscriptions(path, source="stripe", fx={"eur": 1.09}, currency="usd")
    assert subs["amount"].tolist() == pytest.approx([100.0, 1308.0, 60.0, 50.0, 30.0])
    assert (subs["currency"] == "usd").all() and subs.attrs["currency"] == "usd"
    # currency="usd": the euro line is left out, with a warning.
    with pytest.warns(CskitWarning, match="left out 1 line"):
        kept = cio.read_subscriptions(path, source="stripe", currency="usd")
    assert kept["customer_id"].tolist() == ["cus_Q0aA", "cus_Q0aC", "cus_Q0aE", "cus_Q0aA"]
    with pytest.raises(InvalidParameterError, match="fx has no rate for 'gbp'"):
        cio.read_subscriptions(
            _stripe_with_currency(tmp_path, ["usd", "eur", "gbp", "usd", "usd", "usd", "usd"]),
            source="stripe", fx={"eur": 1.09}, currency="usd")


def test_amounts_in_cents(tmp_path):
    raw = pd.read_csv(STRIPE, dtype=str, keep_default_na=False)
    raw["Amount"] = (raw["Amount"].astype(float) * 100).astype(int).astype(str)
    path = tmp_path / "cents.csv"
    raw.to_csv(path, index=False)
    with pytest.warns(CskitWarning, match="in cents"):
        cio.read_subscriptions(path, source="stripe")
    subs = cio.read_subscriptions(path, source="stripe", amount_unit="cents")
    # Back to the export's own units: 100, 1,200, 3 x 20, 50, 30.
    assert subs["amount"].tolist() == [100.0, 1200.0, 60.0, 50.0, 30.0]
    with pytest.raises(InvalidParameterError, match="amount_unit='pence'"):
        cio.read_subscriptions(path, source="stripe", amount_unit="pence")


# ---------------------------------------------------------------- Mixpanel


def test_mixpanel_raw_export():
    with pytest.warns(CskitWarning, match="1 event\\(s\\) have no 'company_id'.*left out"):
        events = cio.read_events(MIXPANEL, source="mixpanel", account="company_id")
    assert events["user_id"].tolist() == ["u1", "u1", "u2", "u3"]
    assert events["account_id"].tolist() == ["A1", "A1", "A1", "A2"]
    # time 1772325000 s = 2026-03-01 00:30:00 UTC.
    assert events["timestamp"].iloc[0] == pd.Timestamp("2026-03-01 00:30:00")
    assert events["session_id"].tolist()[0] == "s1"
    assert events["duration_s"].tolist()[:2] == [30.0, 12.0]
    assert events["event"].tolist()[3] == "Export Clicked"
    with pytest.warns(CskitWarning, match="kept with an empty account_id"):
        kept = cio.read_events(MIXPANEL, source="mixpanel", account="company_id",
                               anonymous="keep")
    assert len(kept) == 5 and pd.isna(kept["account_id"].iloc[4])
    assert kept["user_id"].iloc[4] == "anon-7f3a"


def test_mixpanel_months_in_the_companys_zone():
    with pytest.warns(CskitWarning):
        utc = cio.read_events(MIXPANEL, source="mixpanel", account="company_id",
                              anonymous="keep")
    with pytest.warns(CskitWarning):
        local = cio.read_events(MIXPANEL, source="mixpanel", account="company_id",
                                tz="America/Los_Angeles", anonymous="keep")
    # 2026-03-01 00:30 UTC is 28 Feb 16:30 in Los Angeles (PST, UTC-8); 8 Mar 10:00 UTC is
    # 03:00 PDT (UTC-7: the clocks went forward at 10:00 UTC that day).
    la = "America/Los_Angeles"
    assert local["timestamp"].tolist()[:2] == [pd.Timestamp("2026-02-28 16:30", tz=la),
                                               pd.Timestamp("2026-03-08 03:00", tz=la)]
    assert utc["timestamp"].dt.to_period("M").value_counts().to_dict() == {
        pd.Period("2026-03", freq="M"): 5}
    months = local["timestamp"].dt.tz_localize(None).dt.to_period("M")
    assert months.value_counts().sort_index().tolist() == [1, 4]


def test_mixpanel_account_property_is_checked(tmp_path):
    with pytest.raises(MissingColumnError, match="'account_id' is missing.*Did you mean"):
        cio.read_events(MIXPANEL, source="mixpanel")
    events = cio.read_events(MIXPANEL, source="mixpanel", account=None)
    assert events["account_id"].isna().all()
    # A CSV with bare columns and epoch milliseconds reads the same.
    csv = tmp_path / "mp.csv"
    csv.write_text("event,time,distinct_id,company_id\nLogin,1772325000000,u1,A1\n")
    back = cio.read_events(csv, source="mixpanel", account="company_id")
    assert back["timestamp"].tolist() == [pd.Timestamp("2026-03-01 00:30:00")]


# ---------------------------------------------------------------- HubSpot


def test_hubspot_companies_export():
    accounts = cio.read_accounts(HUBSPOT, source="hubspot")
    assert accounts["account_id"].tolist() == ["9120001", "9120002", "9120003", "9120004"]
    assert accounts["segment"].tolist() == ["Mid-Market", "Enterprise", "SMB", "SMB"]
    assert accounts["seats"].tolist() == [25, 1200, 3, 5]  # "1,200" has a separator
    assert accounts["signup_at"].iloc[1] == pd.Timestamp("2026-01-20 16:45")
    assert accounts["converted_at"].notna().tolist() == [True, True, False, False]
    assert accounts["first_login_at"].notna().tolist() == [True, True, True, False]
    assert accounts["name"].iloc[2] == "Cedar & Co"
    # Trial conversion: 2 of the 4 trials converted.
    converted = accounts["converted_at"].notna().sum() / accounts["trial_start"].notna().sum()
    assert converted == pytest.approx(0.5)


def test_hubspot_property_names_are_configurable(tmp_path):
    raw = pd.read_csv(HUBSPOT, dtype=str, keep_default_na=False).rename(
        columns={"Segment": "Company size band", "Seats": "Licences"})
    path = tmp_path / "hs.csv"
    raw.to_csv(path, index=False)
    accounts = cio.read_accounts(path, source="hubspot", properties={
        "segment": "Company size band", "seats": "Licences", "first_login_at": None})
    assert accounts["segment"].tolist()[0] == "Mid-Market"
    assert accounts["seats"].tolist() == [25, 1200, 3, 5]
    assert "first_login_at" not in accounts.columns
    with pytest.raises(InvalidParameterError, match="'tier' are not accounts columns"):
        cio.read_accounts(path, source="hubspot", properties={"tier": "Plan"})
    with pytest.raises(MissingColumnError, match="'Create Date' is missing.*Did you mean"):
        cio.read_accounts(raw.rename(columns={"Create Date": "Created Date"}), source="hubspot")


# ---------------------------------------------------------------- a finance sheet


CATEGORIES = {"CSM salaries": "cs_salaries", "Support salaries": "support",
              "Zendesk licences": "support", "Refund of onboarding credits": "programs",
              "Rent": None}


def test_finance_sheet_with_a_category_mapping():
    with pytest.warns(CskitWarning) as caught:
        costs = cio.read_costs(FINANCE, source="finance", categories=CATEGORIES)
    messages = " ".join(str(w.message) for w in caught)
    assert "skipped 1 blank row" in messages
    assert "'Gainsight'" in messages  # not in the mapping: left out, named
    table = costs.pivot(index="month", columns="category", values="amount")
    # support = Support salaries + Zendesk: Jan 18,500 + 1,250 = 19,750; Mar 18,500 + 1,400.
    assert table["support"].tolist() == [19750.0, 19750.0, 19900.0]
    assert table["cs_salaries"].tolist() == [24000.0, 24000.0, 31500.0]
    # "(300.00)" is a negative amount in accounting notation; empty cells are 0.
    assert table["programs"].tolist() == [-300.0, 0.0, 0.0]
    assert costs["month"].dtype == pd.PeriodDtype("M")
    # The "Total" row is never counted: Jan total of the kept lines = 24,000 + 19,750 - 300.
    assert costs.loc[costs["month"] == pd.Period("2026-01", freq="M"), "amount"].sum() == \
        pytest.approx(43450.0)


def test_finance_sheet_in_long_layout(tmp_path):
    path = tmp_path / "costs.csv"
    path.write_text("Month,Account,Amount\n2026-01,Support,\"1,000\"\n2026-01,Support,500\n"
                    "2026-02,Support,700\n")
    costs = cio.read_costs(path, source="finance")
    assert costs["amount"].tolist() == [1500.0, 700.0]
    assert costs["category"].tolist() == ["Support", "Support"]


def test_typeform_partial_response_with_a_score_counts(tmp_path):
    raw = pd.read_csv(FIXTURES / "typeform_nps.csv", dtype=str, keep_default_na=False)
    # The partial response answered the NPS question (6) before leaving the form.
    raw.iloc[-1, 1] = "6"
    path = tmp_path / "tf.csv"
    raw.to_csv(path, index=False)
    answers = cio.read_surveys(path, source="typeform")
    assert len(answers) == 7
    # No submit date: dated by its Stage Date (UTC).
    assert answers["submitted_at"].iloc[-1] == pd.Timestamp("2026-10-21 10:00:20")
    # 3 promoters, 2 detractors (3 and 6) of 7: (3 - 2) / 7.
    assert answers.cs.nps(period=None) == pytest.approx(100 / 7)


def test_hubspot_company_without_seats_is_unknown_not_zero(tmp_path):
    raw = pd.read_csv(HUBSPOT, dtype=str, keep_default_na=False)
    raw.loc[3, "Seats"] = ""
    path = tmp_path / "hs.csv"
    raw.to_csv(path, index=False)
    with pytest.warns(CskitWarning, match="1 compan.*no 'Seats'.*seats_known"):
        accounts = cio.read_accounts(path, source="hubspot")
    assert "seats" not in accounts.columns
    assert accounts["seats_known"].tolist()[:3] == [25.0, 1200.0, 3.0]
    assert pd.isna(accounts["seats_known"].iloc[3])


def test_the_subscriptions_snapshot_rewrites_history():
    # The same three subscriptions as the invoice fixture, as Stripe's subscriptions export
    # shows them after the upgrade: sub_A is on Pro (200) since its start, 1 January.
    snapshot = pd.DataFrame({
        "id": ["sub_A", "sub_B", "sub_C"], "Customer ID": ["cus_A", "cus_B", "cus_C"],
        "Plan": ["Pro", "Scale", "Starter"], "Quantity": ["1", "1", "1"],
        "Currency": ["usd"] * 3, "Interval": ["month", "year", "month"],
        "Amount": ["200.00", "1,200.00", "50.00"], "Status": ["active", "active", "canceled"],
        "Start Date (UTC)": ["2026-01-01 00:00", "2026-01-10 00:00", "2026-01-05 00:00"],
        "Ended At (UTC)": ["", "", "2026-03-05 00:00"],
    })
    from_snapshot = cio.read_subscriptions(snapshot, source="stripe").cs.to_mrr(until="2026-04")
    from_invoices = _invoices().cs.to_mrr(until="2026-04")
    # January: the snapshot says 200 + 100 + 50 = 350; the invoices say 100 + 100 + 50 = 250.
    assert _month(from_snapshot, "2026-01") == 350.0
    assert _month(from_invoices, "2026-01") == 250.0
    # So the snapshot has no February expansion; the invoices have +100.
    feb = pd.Period("2026-02", freq="M")
    assert from_snapshot.cs.mrr_movements().loc[feb, "expansion"] == 0
    assert from_invoices.cs.mrr_movements().loc[feb, "expansion"] == pytest.approx(100.0)
