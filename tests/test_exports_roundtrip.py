"""A company → raw exports of its tools (with their mess) → cskit.read_* → the same KPIs.

cskit.datasets.write_exports writes the contract tables in the layouts of Stripe,
Zendesk, Typeform, Mixpanel, HubSpot and a finance sheet; reading them back with the
loaders must give the KPIs computed on the original tables."""

from __future__ import annotations

import warnings

import pandas as pd
import pytest

import cskit
from cskit.errors import CskitWarning

LAST = "2026-10"


@pytest.fixture(scope="module")
def round_trip(tmp_path_factory):
    company = cskit.datasets.generate_sample(seed=7, n_accounts=120)
    exports = cskit.datasets.write_exports(company, tmp_path_factory.mktemp("exports"))
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always", CskitWarning)
        loaded = exports.read()  # each export with its cskit.read_* loader
    messages = [str(w.message) for w in caught]
    return company, exports, loaded, messages


def test_the_mess_is_reported(round_trip):
    _, exports, loaded, messages = round_trip
    text = "\n".join(messages)
    assert f"skipped {exports.mess['stripe_blank_rows']} blank row" in text
    assert f"{exports.mess['tickets_without_organization']} ticket(s) have no 'Organization'" \
        in text
    assert f"left out {exports.mess['partial_responses']} response(s) without a score " \
           f"({exports.mess['partial_responses']} of them partial" in text
    assert f"{exports.mess['anonymous_events']} event(s) have no 'company_id'" in text
    assert loaded["events"]["account_id"].notna().all()  # anonymous visits left out


def test_mrr_and_churn_come_back(round_trip):
    company, _, loaded, _ = round_trip
    original = company.subscriptions.cs.to_mrr(until=LAST)
    again = loaded["subscriptions"].cs.to_mrr(until=LAST)
    a = original.groupby("month")["mrr"].sum()
    b = again.groupby("month")["mrr"].sum()
    # Amounts are rounded to cents in the export: a few cents per month at most.
    pd.testing.assert_index_equal(a.index, b.index)
    assert (a - b).abs().max() < 0.01 * len(company.subscriptions)
    churn_a = original.cs.churn(period="M")["churned"]
    churn_b = again.cs.churn(period="M")["churned"]
    pd.testing.assert_series_equal(churn_a, churn_b)


def test_nps_comes_back(round_trip):
    company, _, loaded, _ = round_trip
    nps = company.surveys[company.surveys["survey"] == "nps"]
    pd.testing.assert_frame_equal(nps.cs.nps(period="M"), loaded["surveys"].cs.nps(period="M"))


def test_tickets_come_back(round_trip):
    company, exports, loaded, _ = round_trip
    tickets = loaded["tickets"]
    orphans = tickets["account_id"].isna()
    assert int(orphans.sum()) == exports.mess["tickets_without_organization"]
    kept = tickets[~orphans.to_numpy()].sort_values("ticket_id", ignore_index=True)
    original = company.tickets.sort_values("ticket_id", ignore_index=True)
    # Zendesk wrote local times with daylight-saving offsets; read back as the same UTC instants.
    assert kept["created_at"].tolist() == original["created_at"].tolist()
    assert kept["resolved_at"].isna().tolist() == original["resolved_at"].isna().tolist()
    pd.testing.assert_series_equal(
        kept.set_index("ticket_id")["created_at"].dt.to_period("M").value_counts().sort_index(),
        original.set_index("ticket_id")["created_at"].dt.to_period("M").value_counts()
        .sort_index())
    # First replies were written in minutes to two decimals: within a second.
    gap = (kept["first_response_at"] - original["first_response_at"]).abs().max()
    assert gap <= pd.Timedelta(seconds=1)
    assert kept["reopened"].tolist() == original["reopened"].tolist()


def test_events_come_back(round_trip):
    company, _, loaded, _ = round_trip
    pd.testing.assert_frame_equal(
        loaded["events"].cs.active_users(window=28).tail(60),
        company.events.cs.active_users(window=28).tail(60), check_dtype=False)


def test_accounts_and_costs_come_back(round_trip):
    company, _, loaded, _ = round_trip
    accounts = loaded["accounts"]
    original = company.accounts
    assert accounts["account_id"].tolist() == original["account_id"].tolist()
    for column in ("signup_at", "trial_start", "converted_at", "first_login_at"):
        assert accounts[column].tolist() == original[column].tolist(), column
    assert accounts["seats"].tolist() == original["seats"].tolist()
    assert accounts["segment"].tolist() == original["segment"].tolist()
    costs = loaded["costs"].set_index(["month", "category"])["amount"].sort_index()
    expected = company.costs.groupby(["month", "category"])["amount"].sum().sort_index()
    pd.testing.assert_series_equal(costs, expected, check_names=False, atol=0.005)
