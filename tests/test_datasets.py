"""The sample company and the large synthetic generators.

Shape and types of the seven tables, the patterns the generator promises
(checked with plain pandas on the loaded files), reproducibility of the
bundled files, and the benchmark generators at small sizes.
"""

from __future__ import annotations

import dataclasses
import subprocess
import sys
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

import cskit
from cskit.datasets import (
    generate_events,
    generate_mrr_panel,
    generate_subscriptions,
    load_sample,
    sample_dir,
    write_sample,
)
from cskit.errors import ColumnTypeError, CskitError, MissingColumnError

CONTRACT = {
    "subscriptions": [
        "customer_id",
        "start",
        "end",
        "amount",
        "interval",
        "plan",
        "product",
        "discount",
    ],
    "mrr": ["customer_id", "month", "mrr", "plan", "product"],
    "events": ["user_id", "account_id", "timestamp", "event", "session_id", "duration_s"],
    "surveys": ["respondent_id", "account_id", "submitted_at", "survey", "score", "comment"],
    "tickets": [
        "ticket_id",
        "account_id",
        "created_at",
        "first_response_at",
        "resolved_at",
        "agent_replies",
        "reopened",
        "channel",
        "category",
    ],
    "costs": ["month", "category", "amount"],
    "accounts": [
        "account_id",
        "signup_at",
        "segment",
        "plan",
        "seats",
        "trial_start",
        "converted_at",
        "first_login_at",
    ],
}
DATES = {
    "subscriptions": ["start", "end"],
    "events": ["timestamp"],
    "surveys": ["submitted_at"],
    "tickets": ["created_at", "first_response_at", "resolved_at"],
    "accounts": ["signup_at", "trial_start", "converted_at", "first_login_at"],
}
NUMBERS = {
    "subscriptions": {"amount": "float64", "discount": "float64"},
    "mrr": {"mrr": "float64"},
    "events": {"duration_s": "int64"},
    "surveys": {"score": "int64"},
    "tickets": {"agent_replies": "int64", "reopened": "bool"},
    "costs": {"amount": "float64"},
    "accounts": {"seats": "int64"},
}
FIRST, END = pd.Timestamp("2023-11-01"), pd.Timestamp("2026-11-01")
FILES = [
    "accounts.csv",
    "subscriptions.csv",
    "mrr.csv",
    "events.csv.gz",
    "surveys.csv",
    "tickets.csv",
    "costs.csv",
]


# --------------------------------------------------------------------------- shape and types


def test_seven_tables_with_contract_columns_and_dtypes(company):
    tables = company.tables()
    assert list(tables) == [
        "subscriptions",
        "mrr",
        "events",
        "surveys",
        "tickets",
        "costs",
        "accounts",
    ]
    for name, frame in tables.items():
        assert frame.columns.tolist() == CONTRACT[name], name
        assert len(frame) > 0, name
        for column in DATES.get(name, []):
            assert frame[column].dtype == "datetime64[us]", (name, column)
        for column, dtype in NUMBERS.get(name, {}).items():
            assert str(frame[column].dtype) == dtype, (name, column)
        for column in frame.columns:
            if (
                column not in DATES.get(name, [])
                and column not in NUMBERS.get(name, {})
                and column != "month"
            ):
                assert pd.api.types.is_string_dtype(frame[column].dtype), (name, column)
    for name in ("mrr", "costs"):
        assert tables[name]["month"].dtype == pd.PeriodDtype("M")
    assert str(company.latest_month) == "2026-10"
    assert "accounts=" in repr(company)


def test_sizes_and_time_span(company):
    assert 2_500 <= len(company.accounts) <= 3_500  # "about 3,000 accounts"
    assert company.accounts["account_id"].is_unique
    assert company.accounts["account_id"].iloc[0] == "A00001"
    months = company.mrr["month"]
    assert (months.min(), months.max()) == (pd.Period("2023-11"), pd.Period("2026-10"))
    for name, columns in DATES.items():
        frame = company.tables()[name]
        for column in columns:
            values = frame[column].dropna()
            assert values.min() >= FIRST and values.max() < END, (name, column)


def test_ids_refer_to_accounts(company):
    accounts = set(company.accounts["account_id"])
    assert set(company.mrr["customer_id"]) <= accounts
    assert set(company.subscriptions["customer_id"]) <= accounts
    for name in ("events", "surveys", "tickets"):
        assert set(company.tables()[name]["account_id"]) <= accounts, name
    assert company.tickets["ticket_id"].is_unique


def test_values_are_in_range(company):
    s = company.surveys
    scales = {"nps": (0, 10), "csat": (1, 5), "ces": (1, 7)}
    for survey, (lo, hi) in scales.items():
        scores = s.loc[s["survey"] == survey, "score"]
        assert scores.between(lo, hi).all() and scores.min() == lo and scores.max() == hi, survey
    subs = company.subscriptions
    assert (subs["end"].isna() | (subs["end"] > subs["start"])).all()
    assert (subs["amount"] > 0).all() and subs["discount"].between(0, 0.5).all()
    assert set(subs["interval"]) == {"month", "3", "year"}
    assert set(subs["product"]) == {"core", "insights"}
    t = company.tickets
    answered = t["first_response_at"].notna()
    assert (t.loc[answered, "first_response_at"] >= t.loc[answered, "created_at"]).all()
    done = t["resolved_at"].notna()
    assert (t.loc[done, "resolved_at"] >= t.loc[done, "first_response_at"]).all()
    a = company.accounts
    assert (a["trial_start"] >= a["signup_at"]).all()
    converted = a["converted_at"].notna()
    assert (a.loc[converted, "converted_at"] > a.loc[converted, "trial_start"]).all()
    assert (company.mrr["mrr"] > 0).all()
    assert (company.costs["amount"] > 0).all()
    assert {"acquisition", "cs_salaries", "support"} <= set(company.costs["category"])


# --------------------------------------------------------------------------- patterns


def _trial_end(accounts: pd.DataFrame) -> pd.Series:
    # The trial lasts 14 days from its start unless the account converts first.
    return accounts["converted_at"].fillna(accounts["trial_start"] + pd.Timedelta(days=14))


def test_events_only_while_the_account_is_active(company):
    events = company.events[["account_id", "timestamp"]].reset_index(names="event_row")
    lines = company.subscriptions.rename(columns={"customer_id": "account_id"})
    pairs = events.merge(lines[["account_id", "start", "end"]], on="account_id", how="left")
    paying = (pairs["timestamp"] >= pairs["start"]) & (
        pairs["end"].isna() | (pairs["timestamp"] < pairs["end"])
    )
    paying = paying.groupby(pairs["event_row"]).any().sort_index()
    acc = company.accounts.assign(trial_end=_trial_end(company.accounts))
    trial = events.merge(
        acc[["account_id", "first_login_at", "trial_end"]], on="account_id", how="left"
    )
    trialing = (trial["timestamp"] >= trial["first_login_at"]) & (
        trial["timestamp"] < trial["trial_end"]
    )
    outside = ~(paying.to_numpy() | trialing.to_numpy())
    assert outside.sum() == 0, events[outside].head()
    assert paying.sum() > 0.8 * len(events) and trialing.sum() > 1000


def test_event_months_have_mrr_or_a_trial(company):
    # Month by month: an account with events in a month pays that month, pays the month
    # before (it cancelled during this month), or is trialing in it.
    paying = company.mrr.groupby(["customer_id", "month"])["mrr"].sum()
    paying = set(paying[paying > 0].index)
    ev = company.events
    em = pd.DataFrame(
        {"a": ev["account_id"], "m": ev["timestamp"].dt.to_period("M")}
    ).drop_duplicates()
    acc = company.accounts.set_index("account_id")
    t_from = acc["first_login_at"].dt.to_period("M")
    t_to = _trial_end(acc).dt.to_period("M")
    in_trial = (em["m"] >= em["a"].map(t_from)) & (em["m"] <= em["a"].map(t_to))
    this_month = pd.Series(
        [(a, m) in paying for a, m in zip(em["a"], em["m"], strict=True)], index=em.index
    )
    last_month = pd.Series(
        [(a, m - 1) in paying for a, m in zip(em["a"], em["m"], strict=True)], index=em.index
    )
    assert (this_month | last_month | in_trial).all()
    # Most event months are paid months; the cancellation-month ones are few.
    assert this_month.mean() > 0.9
    assert (~this_month & ~in_trial).sum() < 0.03 * len(em)


def _churn_months(mrr: pd.DataFrame) -> pd.DataFrame:
    """(customer_id, churn month): paid in the month before, nothing this month."""
    totals = mrr.groupby(["customer_id", "month"])["mrr"].sum()
    paid = totals[totals > 0].reset_index()[["customer_id", "month"]]
    following = paid.assign(month=paid["month"] + 1)
    merged = following.merge(paid, on=["customer_id", "month"], how="left", indicator=True)
    gone = merged[(merged["_merge"] == "left_only") & (merged["month"] <= mrr["month"].max())]
    return gone[["customer_id", "month"]].rename(columns={"month": "churn_month"})


def test_tickets_rise_before_churn(company):
    churns = _churn_months(company.mrr)
    assert len(churns) > 300
    totals = company.mrr.groupby(["customer_id", "month"])["mrr"].sum()
    paid = totals[totals > 0].reset_index()[["customer_id", "month"]]
    t = company.tickets
    per_month = (
        pd.DataFrame({"customer_id": t["account_id"], "month": t["created_at"].dt.to_period("M")})
        .value_counts()
        .rename("tickets")
        .reset_index()
    )
    panel = paid.merge(per_month, on=["customer_id", "month"], how="left").fillna({"tickets": 0})
    ahead = panel.merge(churns, on="customer_id", how="left")
    months_left = (ahead["churn_month"] - ahead["month"]).map(lambda d: d.n, na_action="ignore")
    ahead["before_churn"] = months_left.between(1, 3)
    flags = ahead.groupby(["customer_id", "month"])["before_churn"].any()
    panel = panel.join(flags, on=["customer_id", "month"])
    rates = panel.groupby("before_churn")["tickets"].mean()
    # The generator doubles the rate (x 2.3) in the 3 months before a churn.
    assert rates[True] > 1.5 * rates[False]
    assert panel["before_churn"].sum() > 1000


def test_detractors_churn_more_than_promoters(company):
    churns = _churn_months(company.mrr)
    last = company.mrr["month"].max()
    s = company.surveys
    nps = s[s["survey"] == "nps"].reset_index(names="answer")
    nps = nps.assign(month=nps["submitted_at"].dt.to_period("M"))
    nps = nps[nps["month"] + 6 <= last]  # six months of follow-up in the data
    pairs = nps.merge(churns, left_on="account_id", right_on="customer_id", how="left")
    within = (pairs["churn_month"] >= pairs["month"]) & (pairs["churn_month"] <= pairs["month"] + 6)
    churned = within.groupby(pairs["answer"]).any()
    group = pd.cut(
        nps.set_index("answer")["score"],
        [-1, 6, 8, 10],
        labels=["detractor", "passive", "promoter"],
    )
    share = churned.groupby(group, observed=True).mean()
    assert share["detractor"] > 2 * share["promoter"]
    assert share["detractor"] > share["passive"] > share["promoter"]


def test_price_rise_for_lines_from_july_2025(company):
    # Price per seat of core lines (accounts with >= 10 seats, so no plan minimum applies),
    # for each plan and billing interval: about 10 % higher for lines starting on or after
    # 2025-07-01.
    subs = company.subscriptions.merge(
        company.accounts[["account_id", "seats"]], left_on="customer_id", right_on="account_id"
    )
    core = subs[(subs["product"] == "core") & (subs["seats"] >= 10)]
    per_seat = core["amount"] / core["seats"]
    after = core["start"] >= "2025-07-01"
    medians = per_seat.groupby([core["plan"], core["interval"], after]).median().unstack()
    ratio = medians[True] / medians[False]
    assert len(ratio.dropna()) == 9  # 3 plans x 3 intervals
    np.testing.assert_allclose(ratio.to_numpy(), 1.10, atol=0.002)
    # Existing lines keep their price: before the change there is one price per plan and interval.
    before = per_seat[~after & (core["interval"] == "month")].groupby(core["plan"]).nunique()
    assert (before == 1).all()


def test_insights_add_on_from_march_2025(company):
    subs = company.subscriptions
    insights = subs[subs["product"] == "insights"]
    assert insights["start"].min() >= pd.Timestamp("2025-03-01")
    assert (insights["start"] < pd.Timestamp("2025-04-01")).sum() > 20  # the launch push
    mrr = company.mrr
    assert mrr.loc[mrr["product"] == "insights", "month"].min() == pd.Period("2025-03")
    ev = company.events
    uses = ev.loc[ev["event"] == "use_insights", "timestamp"]
    assert uses.min() >= pd.Timestamp("2025-03-01") and len(uses) > 100
    # Cross-sell: insights is bought by accounts that also pay for core.
    both = mrr.groupby(["customer_id", "month"])["product"].nunique()
    assert (both == 2).sum() > 1000
    assert insights["customer_id"].isin(subs.loc[subs["product"] == "core", "customer_id"]).all()


# --------------------------------------------------------------------------- files


def test_command_line_reproduces_the_bundled_files_byte_for_byte(tmp_path, company):
    out = tmp_path / "sample"
    done = subprocess.run(
        [sys.executable, "-m", "cskit.datasets", "--out", str(out)],
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert done.returncode == 0, done.stderr
    assert sorted(p.name for p in out.iterdir()) == sorted(FILES)
    for name in FILES:
        assert (out / name).read_bytes() == (sample_dir() / name).read_bytes(), name
    assert done.stdout.count("wrote ") == 7
    # What was written loads back to the same tables.
    again = load_sample(out)
    for name, frame in company.tables().items():
        pd.testing.assert_frame_equal(getattr(again, name), frame, obj=name)


def test_months_are_written_as_year_month(tmp_path):
    # Regression: to_csv's date_format turned Period months into their last day,
    # "2023-11-30 00:00:00", in mrr.csv and costs.csv.
    for name in ("mrr.csv", "costs.csv"):
        text = pd.read_csv(sample_dir() / name, dtype=str)["month"]
        assert text.str.fullmatch(r"\d{4}-\d{2}").all(), text.head()
        assert text.iloc[0] == "2023-11"
    # A month written as any date inside it still loads (files made by hand or by older versions).
    from cskit.datasets import _read_table

    (tmp_path / "costs.csv").write_text(
        "month,category,amount\n2023-11-30 00:00:00,support,5.0\n2023-12,support,6\n"
    )
    costs = _read_table(tmp_path, "costs")
    assert costs["month"].tolist() == [pd.Period("2023-11"), pd.Period("2023-12")]


def test_load_sample_from_another_directory(tmp_path):
    code = (
        "import cskit\n"
        "c = cskit.datasets.load_sample()\n"
        "print(len(c.accounts), str(c.latest_month))\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", code], cwd=tmp_path, capture_output=True, text=True, timeout=120
    )
    assert done.returncode == 0, done.stderr
    n, month = done.stdout.split()
    assert int(n) > 2500 and month == "2026-10"
    assert sample_dir().is_absolute()
    assert (sample_dir() / "accounts.csv").exists()


def test_load_sample_names_a_missing_file(tmp_path):
    with pytest.raises(
        CskitError, match=r"accounts\.csv is missing.*python -m cskit\.datasets --out"
    ):
        load_sample(tmp_path)


def test_load_sample_names_a_missing_or_unreadable_column(tmp_path):
    # Regression: a data directory whose file lacks a column raised a bare KeyError.
    (tmp_path / "accounts.csv").write_text("account_id,segment\nA00001,SMB\n")
    with pytest.raises(
        MissingColumnError,
        match=r"Column 'signup_at' is missing from .*accounts\.csv "
        r"\(columns present: 'account_id', 'segment'\)",
    ):
        load_sample(tmp_path)
    (tmp_path / "accounts.csv").write_text(
        "account_id,signup_at,segment,plan,seats,trial_start,converted_at,first_login_at\n"
        "A00001,yesterday,SMB,starter,1,,,\n"
    )
    with pytest.raises(
        ColumnTypeError,
        match=r"Column 'signup_at' of .*accounts\.csv should hold "
        r"'%Y-%m-%d %H:%M:%S' dates; found 'yesterday'\. Fix those values",
    ):
        load_sample(tmp_path)


def test_generate_sample_is_seeded():
    a = cskit.datasets.generate_sample(seed=7, n_accounts=120)
    b = cskit.datasets.generate_sample(seed=7, n_accounts=120)
    c = cskit.datasets.generate_sample(seed=8, n_accounts=120)
    for name, frame in a.tables().items():
        pd.testing.assert_frame_equal(frame, getattr(b, name), obj=name)
    assert not a.subscriptions.equals(c.subscriptions)
    assert 60 <= len(a.accounts) <= 200


# --------------------------------------------------------------------------- large generators


def test_generate_mrr_panel():
    panel = generate_mrr_panel(n_customers=400, n_months=12, seed=3)
    assert panel.columns.tolist() == ["customer_id", "month", "mrr", "plan", "segment"]
    assert panel["customer_id"].nunique() == 400
    months = panel["month"]
    assert months.dtype == pd.PeriodDtype("M")
    assert (months.min(), months.max()) == (pd.Period("2023-11"), pd.Period("2024-10"))
    assert (panel["mrr"] > 0).all()
    assert not panel.duplicated(["customer_id", "month"]).any()
    ordered = panel.sort_values(["customer_id", "month"], ignore_index=True)
    pd.testing.assert_frame_equal(panel, ordered)
    # Same seed, same data; a valid mrr frame for the metrics, with comebacks in it.
    pd.testing.assert_frame_equal(panel, generate_mrr_panel(n_customers=400, n_months=12, seed=3))
    moves = panel.cs.mrr_movements()
    assert (moves[["new", "expansion", "contraction", "churn", "reactivation"]].sum() > 0).all()
    assert panel.cs.churn(period=None) > 0
    other = generate_mrr_panel(n_customers=50, n_months=6, seed=1, first_month="2026-01")
    assert other["month"].min() == pd.Period("2026-01") and other["customer_id"].nunique() == 50


def test_generate_subscriptions():
    subs = generate_subscriptions(n_customers=250, n_months=24, seed=2)
    assert len(subs) == 250 and subs["customer_id"].is_unique
    assert subs.columns.tolist() == CONTRACT["subscriptions"]
    assert (subs["end"].isna() | (subs["end"] > subs["start"])).all()
    assert subs["end"].isna().any() and subs["end"].notna().any()
    assert set(subs["interval"]) <= {"month", "year"}
    assert subs["start"].min() >= pd.Timestamp("2023-11-01")
    assert subs["start"].max() < pd.Timestamp("2025-11-01")
    mrr = subs.cs.to_mrr(until="2025-10")
    assert mrr["customer_id"].nunique() > 200
    # An annual line's MRR is 12 x monthly x 0.83 / 12 (less any discount).
    annual = subs[(subs["interval"] == "year") & (subs["discount"] == 0)].iloc[0]
    line = mrr[mrr["customer_id"] == annual["customer_id"]]
    assert line["mrr"].iloc[0] == pytest.approx(annual["amount"] / 12)


def test_generate_events():
    ev = generate_events(n_events=5000, n_users=120, days=30, seed=4, first_day="2026-03-01")
    assert len(ev) == 5000
    assert ev.columns.tolist() == ["user_id", "account_id", "timestamp", "event"]
    assert ev["user_id"].nunique() <= 120
    assert ev["timestamp"].min() >= pd.Timestamp("2026-03-01")
    assert ev["timestamp"].max() < pd.Timestamp("2026-03-31")
    assert ev["timestamp"].is_monotonic_increasing
    # Each user belongs to one account.
    assert (ev.groupby("user_id")["account_id"].nunique() == 1).all()
    assert Path(cskit.datasets.__file__).exists()


def test_ids_and_categories_round_trip_through_a_folder(tmp_path):
    # Issue 13 item 6: "00001" stays "00001" (so "2" and "002" stay two customers) and the
    # segment "NA" (North America) stays "NA", not a missing value.
    company = load_sample()
    accounts = company.accounts.head(3).assign(account_id=["00001", "2", "002"],
                                               segment=["NA", "EMEA", "NA"])
    subs = company.subscriptions.head(3).assign(customer_id=["00001", "2", "002"])
    small = dataclasses.replace(company, accounts=accounts, subscriptions=subs)
    write_sample(small, tmp_path)
    back = load_sample(tmp_path)
    assert back.accounts["account_id"].tolist() == ["00001", "2", "002"]
    assert back.accounts["segment"].tolist() == ["NA", "EMEA", "NA"]
    assert back.subscriptions["customer_id"].nunique() == 3
    pd.testing.assert_frame_equal(back.accounts, accounts.reset_index(drop=True))


def test_a_latin1_file_in_a_data_folder_is_one_clear_error(tmp_path):
    write_sample(load_sample(), tmp_path)
    (tmp_path / "costs.csv").write_bytes(
        "month,category,amount\n2026-01,Caf\xe9,5\n".encode("latin-1"))
    with pytest.raises(CskitError, match=r"costs.csv: not UTF-8 text.*encoding='cp1252'"):
        load_sample(tmp_path)
