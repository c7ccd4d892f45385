"""First contact resolution: every definitional question is a parameter."""

from __future__ import annotations

import pandas as pd
import pytest

import cskit
from cskit.errors import ColumnTypeError, InvalidParameterError, MissingColumnError


@pytest.fixture
def seven() -> pd.DataFrame:
    # t1 qualifies; t2 needed 2 replies; t3 was reopened; t4 was transferred;
    # t5 was a dropped call (0 replies); t6 is spam; t7 is not resolved yet.
    return pd.DataFrame(
        {
            "ticket_id": [f"t{i}" for i in range(1, 8)],
            "created_at": pd.to_datetime(["2026-10-01"] * 7),
            "resolved_at": pd.to_datetime(["2026-10-02"] * 6 + [None]),
            "agent_replies": [1, 2, 1, 1, 0, 1, 1],
            "reopened": [False, False, True, False, False, False, False],
            "transferred": [False, False, False, True, False, False, False],
            "dropped": [False, False, False, False, True, False, False],
            "channel": ["chat", "chat", "email", "phone", "phone", "email", "web"],
            "category": ["bug", "bug", "how_to", "how_to", "how_to", "spam", "bug"],
        }
    )


def test_default_definition(seven, unchanged):
    # Spam out; resolved t1..t5 = 5; qualifying t1, t4, t5 (transfer and drop not asked) -> 3/5.
    assert unchanged(cskit.metrics.fcr, seven, period=None) == pytest.approx(0.6)
    row = seven.cs.fcr(period="M").iloc[0]
    assert row[["tickets", "excluded", "unresolved", "denominator", "qualifying"]].tolist() == [
        7, 1, 1, 5, 3]
    assert (row["too_many_replies"], row["reopened"], row["transferred"]) == (1, 1, 0)


@pytest.mark.parametrize(
    ("keywords", "expected"),
    [
        ({"max_agent_replies": 2}, 4 / 5),  # t2 now qualifies
        ({"reopen_window_days": None}, 4 / 5),  # reopens ignored: t3 qualifies
        ({"transferred_col": "transferred"}, 2 / 5),  # t4 no longer qualifies
        ({"transferred_col": "transferred", "transfers_break_fcr": False}, 3 / 5),
        ({"dropped_col": "dropped"}, 2 / 4),  # t5 leaves the denominator
        ({"dropped_col": "dropped", "transferred_col": "transferred"}, 1 / 4),
        ({"exclude_channels": "phone"}, 1 / 3),  # t4, t5 out: t1 of t1..t3
        ({"exclude": ()}, 4 / 6),  # spam t6 counted and qualifies
        ({"denominator": "all"}, 3 / 6),  # the unresolved t7 counts against FCR
    ],
)
def test_each_question_is_a_parameter(seven, keywords, expected):
    assert seven.cs.fcr(period=None, **keywords) == pytest.approx(expected)


def test_reopen_window_with_reopen_dates():
    frame = pd.DataFrame({
        "created_at": pd.to_datetime(["2026-10-01"] * 3),
        "resolved_at": pd.to_datetime(["2026-10-02"] * 3),
        "agent_replies": [1, 1, 1],
        # reopened 3 days and 10 days after resolution, and never.
        "reopened_at": pd.to_datetime(["2026-10-05", "2026-10-12", None]),
    })
    assert frame.cs.fcr(reopened_col="reopened_at", period=None) == pytest.approx(2 / 3)  # 7-day window
    assert frame.cs.fcr(reopened_col="reopened_at", reopen_window_days=2, period=None) == pytest.approx(1.0)
    assert frame.cs.fcr(reopened_col="reopened_at", reopen_window_days=30, period=None) == pytest.approx(1 / 3)


def test_wilson_interval_and_groups(seven):
    table = seven.cs.fcr(by="channel", period=None)
    assert table.loc["chat", "fcr"] == pytest.approx(0.5)  # t1 of t1, t2
    # Wilson for 1 of 2: centre (0.5 + 0.96036) / 2.92073 = 0.5; half = 1.96/2.92073 *
    # sqrt(0.125 + 0.240092) = 0.67107 * 0.60423 = 0.40548 -> [0.0945, 0.9055].
    assert table.loc["chat", "ci_low"] == pytest.approx(0.0945, abs=1e-4)
    assert table.loc["chat", "ci_high"] == pytest.approx(0.9055, abs=1e-4)
    # se = sqrt(0.5 * 0.5 / 2) = 0.35355; 2 tickets in the denominator < small_n=30.
    assert table.loc["chat", "se"] == pytest.approx(0.35355, abs=1e-5)
    assert table.loc["chat", ["numerator", "denominator"]].tolist() == [1, 2]
    assert bool(table.loc["chat", "small_sample"])
    assert not seven.cs.fcr(by="channel", period=None, small_n=2).loc["chat", "small_sample"]


def test_bad_input(seven):
    with pytest.raises(InvalidParameterError, match="max_agent_replies"):
        seven.cs.fcr(max_agent_replies=-1, period=None)
    with pytest.raises(MissingColumnError, match="'transfer'"):
        seven.cs.fcr(transferred_col="transfer", period=None)
    with pytest.raises(ColumnTypeError, match="'dropped'.*'maybe'"):
        seven.assign(dropped=["maybe"] * 7).cs.fcr(dropped_col="dropped", period=None)
    with pytest.raises(InvalidParameterError, match="denominator='tickets'"):
        seven.cs.fcr(denominator="tickets", period=None)


def test_sample_company_against_plain_pandas(company):
    t = company.tickets
    kept = t[t["category"] != "spam"]
    resolved = kept[kept["resolved_at"].notna()]
    good = (resolved["agent_replies"] <= 1) & ~resolved["reopened"]
    assert t.cs.fcr(period=None) == pytest.approx(good.mean())
    by_month = t.cs.fcr(period="M")
    plain = good.groupby(resolved["created_at"].dt.to_period("M")).mean()
    pd.testing.assert_series_equal(by_month["fcr"], plain, check_names=False)
    assert by_month["unresolved"].sum() == int(kept["resolved_at"].isna().sum())
    # Allowing two replies raises FCR, and never lowers it.
    assert t.cs.fcr(max_agent_replies=2, period=None) > t.cs.fcr(period=None)
