"""Plots of the foundation KPIs: what is drawn equals what was passed in."""

from __future__ import annotations

import matplotlib

matplotlib.use("Agg")

import matplotlib.dates as mdates  # noqa: E402
import matplotlib.pyplot as plt  # noqa: E402
import numpy as np  # noqa: E402
import pandas as pd  # noqa: E402
import pytest  # noqa: E402

import cskit  # noqa: E402
from cskit.errors import InvalidParameterError  # noqa: E402
from cskit.plotting import churn_by_denominator, mrr_trend, mrr_waterfall, nps_trend  # noqa: E402


@pytest.fixture(autouse=True)
def _close_figures():
    cskit.set_language("en")
    yield
    plt.close("all")
    cskit.set_language("en")


@pytest.fixture(scope="module")
def company():
    return cskit.datasets.load_sample()


def _moves(rows: dict[str, list[float]], months: list[str]) -> pd.DataFrame:
    frame = pd.DataFrame(rows, index=pd.PeriodIndex(months, freq="M", name="period"))
    frame["net_new"] = frame["end"] - frame["start"]
    return frame


def _x_months(line) -> list[str]:
    """The x data of a line on a date axis, as 'YYYY-MM'."""
    x = line.get_xdata()
    if np.issubdtype(np.asarray(x).dtype, np.number):
        x = mdates.num2date(x)
    return [pd.Timestamp(v).strftime("%Y-%m") for v in x]


# ---------------------------------------------------------------- waterfall


def test_plots_are_exported_from_the_package():
    for name in ("mrr_waterfall", "mrr_trend", "churn_by_denominator", "nps_trend"):
        assert name in cskit.plotting.__all__


def test_waterfall_by_hand():
    # start 100; +30 new, +20 expansion, +10 reactivation, -5 contraction, -15 churn:
    # levels 100 -> 130 -> 150 -> 160 -> 155 -> 140 = end.
    moves = _moves(
        {"start": [80.0, 100.0], "new": [20.0, 30.0], "expansion": [0.0, 20.0],
         "contraction": [0.0, 5.0], "churn": [0.0, 15.0], "reactivation": [0.0, 10.0],
         "end": [100.0, 140.0]},
        ["2026-09", "2026-10"],
    )
    ax = mrr_waterfall(moves)
    bars = ax.patches
    assert len(bars) == 7
    heights = [b.get_height() for b in bars]
    bottoms = [b.get_y() for b in bars]
    assert heights == pytest.approx([100, 30, 20, 10, 5, 15, 140])
    assert bottoms == pytest.approx([0, 100, 130, 150, 155, 140, 0])
    labels = [tick.get_text() for tick in ax.get_xticklabels()]
    assert labels == ["Start MRR", "New", "Expansion", "Reactivation", "Contraction", "Churn",
                      "End MRR"]
    assert ax.get_title() == "MRR movements, 2026-10"
    assert ax.get_ylabel() == "MRR"
    texts = [text.get_text() for text in ax.texts]
    assert texts == ["100", "+30", "+20", "+10", "−5", "−15", "140"]


def test_waterfall_picks_the_month_and_reconciles_on_sample(company):
    moves = company.mrr.cs.mrr_movements()
    ax = mrr_waterfall(moves, month="2026-09")
    bars = ax.patches
    row = moves.loc[pd.Period("2026-09", freq="M")]
    assert bars[0].get_height() == pytest.approx(row["start"])
    assert bars[-1].get_height() == pytest.approx(row["end"])
    # Floating bars: each starts where the previous one ended (up) or hangs below it (down).
    level = row["start"]
    for bar, name in zip(bars[1:-1], ["new", "expansion", "reactivation", "contraction", "churn"],
                         strict=True):
        assert bar.get_height() == pytest.approx(row[name])
        if name in ("new", "expansion", "reactivation"):
            assert bar.get_y() == pytest.approx(level)
            level += row[name]
        else:
            level -= row[name]
            assert bar.get_y() == pytest.approx(level)
    assert level == pytest.approx(bars[-1].get_height())
    assert "2026-09" in ax.get_title()


def test_waterfall_defaults_to_last_month_and_zoom_off_starts_at_zero(company):
    moves = company.mrr.cs.mrr_movements()
    ax = mrr_waterfall(moves, zoom=False)
    assert str(moves.index[-1]) in ax.get_title()
    assert ax.get_ylim()[0] == 0
    zoomed = mrr_waterfall(moves)
    assert zoomed.get_ylim()[0] > 0


def test_waterfall_uses_given_axes_and_translates():
    moves = _moves(
        {"start": [100.0], "new": [1.0], "expansion": [0.0], "contraction": [0.0],
         "churn": [0.0], "reactivation": [0.0], "end": [101.0]},
        ["2026-10"],
    )
    fig, ax = plt.subplots()
    cskit.set_language("ko")
    out = mrr_waterfall(moves, ax=ax)
    assert out is ax
    assert ax.get_xticklabels()[1].get_text() == cskit.t("move.new", "ko") == "신규"
    assert ax.get_title() == "MRR 변동, 2026-10"


def test_waterfall_rejects_a_month_not_in_the_data():
    moves = _moves(
        {"start": [100.0], "new": [1.0], "expansion": [0.0], "contraction": [0.0],
         "churn": [0.0], "reactivation": [0.0], "end": [101.0]},
        ["2026-10"],
    )
    with pytest.raises(InvalidParameterError, match="2026-10 to 2026-10"):
        mrr_waterfall(moves, month="2025-01")
    with pytest.raises(InvalidParameterError, match="YYYY-MM"):
        mrr_waterfall(moves, month="October")


def test_waterfall_rejects_segmented_movements(company):
    with pytest.raises(InvalidParameterError, match="segment"):
        mrr_waterfall(company.mrr.cs.mrr_movements(by="plan"))


# ---------------------------------------------------------------- MRR trend


def test_mrr_trend_line_equals_input(company):
    result = company.mrr.cs.mrr(period="M")
    ax = mrr_trend(result)
    assert len(ax.lines) == 1
    # Independent: total MRR per month in plain pandas.
    by_hand = company.mrr.groupby("month")["mrr"].sum()
    np.testing.assert_allclose(ax.lines[0].get_ydata(), by_hand.to_numpy())
    assert _x_months(ax.lines[0]) == [str(p) for p in by_hand.index]
    assert ax.get_ylabel() == "MRR"
    assert ax.get_xlabel() == "Month"


def test_mrr_trend_accepts_a_series():
    series = pd.Series([1.0, 2.0, 4.0], index=pd.PeriodIndex(["2026-01", "2026-02", "2026-03"],
                                                             freq="M", name="period"))
    ax = mrr_trend(series)
    assert ax.lines[0].get_ydata().tolist() == [1.0, 2.0, 4.0]


def test_mrr_trend_by_segment_stacks_one_area_per_segment(company):
    result = company.mrr.cs.mrr(period="M", by="plan")
    ax = mrr_trend(result)
    plans = sorted(company.mrr["plan"].unique())
    assert len(ax.collections) == len(plans)
    assert [text.get_text() for text in ax.get_legend().get_texts()] == plans
    # The top of the stack is total MRR per month.
    top = ax.collections[-1].get_paths()[0].vertices[:, 1].max()
    assert top == pytest.approx(company.mrr.groupby("month")["mrr"].sum().max())
    assert "plan" in ax.get_title()


def test_mrr_trend_rejects_unperiodised_input():
    with pytest.raises(InvalidParameterError, match="period"):
        mrr_trend(pd.Series([1.0, 2.0], index=["a", "b"]))


# ---------------------------------------------------------------- churn


def test_churn_by_denominator_one_line_each(company):
    names = ["start", "average", "start_plus_new"]
    results = {d: company.mrr.cs.churn(period="M", denominator=d) for d in names}
    ax = churn_by_denominator(results)
    assert len(ax.lines) == 3
    labels = [text.get_text() for text in ax.get_legend().get_texts()]
    assert labels == [cskit.t(f"denominator.{d}") for d in names]
    for line, d in zip(ax.lines, names, strict=True):
        np.testing.assert_allclose(line.get_ydata(), results[d]["churn"].to_numpy())
    assert ax.get_title() == cskit.t("title.churn_denominators")
    assert ax.get_ylabel() == "Churn rate"


def test_churn_by_denominator_by_hand():
    # Jan: a b c d; Feb: a b c e -> d churned; start 4, new 1 (e).
    # start: 1/4 = 0.25; start_plus_new: 1/5 = 0.2; a custom key keeps its name.
    df = pd.DataFrame({"customer_id": list("abcdabce"),
                       "month": ["2026-01"] * 4 + ["2026-02"] * 4, "mrr": [10.0] * 8})
    results = {"start": df.cs.churn(denominator="start"),
               "mine": df.cs.churn(denominator="start_plus_new")}
    ax = churn_by_denominator(results)
    assert [line.get_ydata().tolist() for line in ax.lines] == [[0.25], [0.2]]
    assert ax.lines[1].get_label() == "mine"


def test_churn_by_denominator_rejects_bad_input():
    with pytest.raises(InvalidParameterError):
        churn_by_denominator({})
    with pytest.raises(InvalidParameterError, match="churn result"):
        churn_by_denominator({"start": pd.DataFrame({"x": [1]})})


# ---------------------------------------------------------------- NPS


def test_nps_trend_line_and_band(company):
    frame = company.surveys.cs.nps(period="M")
    ax = nps_trend(frame)
    assert len(ax.lines) == 1
    np.testing.assert_allclose(ax.lines[0].get_ydata(), frame["nps"].to_numpy())
    # Independent NPS per month in plain pandas.
    nps = company.surveys[company.surveys["survey"] == "nps"]
    month = nps["submitted_at"].dt.to_period("M")
    by_hand = ((nps["score"] >= 9).groupby(month).mean()
               - (nps["score"] <= 6).groupby(month).mean()) * 100
    np.testing.assert_allclose(ax.lines[0].get_ydata(), by_hand.to_numpy())
    assert len(ax.collections) == 1
    band = ax.collections[0].get_paths()[0].vertices[:, 1]
    assert band.min() == pytest.approx(frame["ci_low"].min())
    assert band.max() == pytest.approx(frame["ci_high"].max())
    assert ax.get_title() == "NPS by month, with 95% interval"
    assert ax.get_ylabel() == "NPS (points)"


def test_nps_trend_reads_the_interval_level(company):
    frame = company.surveys.cs.nps(period="M", confidence=0.9)
    ax = nps_trend(frame)
    assert "90%" in ax.get_title()
    legend = [text.get_text() for text in ax.get_legend().get_texts()]
    assert legend == ["90% interval", "Net Promoter Score (NPS)"]


def test_nps_trend_by_hand():
    # Sep: 10 9 8 3 -> (2 - 1) / 4 = 25; Oct: 10 10 9 2 -> (3 - 1) / 4 = 50.
    answers = pd.DataFrame({
        "submitted_at": pd.to_datetime(["2026-09-03"] * 4 + ["2026-10-05"] * 4),
        "score": [10, 9, 8, 3, 10, 10, 9, 2]})
    ax = nps_trend(answers.cs.nps(period="M"))
    assert ax.lines[0].get_ydata().tolist() == [25.0, 50.0]
    assert _x_months(ax.lines[0]) == ["2026-09", "2026-10"]


def test_nps_trend_rejects_a_number():
    with pytest.raises(InvalidParameterError, match="period='M'"):
        nps_trend(pd.DataFrame({"nps": [1.0]}))
