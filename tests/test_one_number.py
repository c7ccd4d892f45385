"""One number per KPI (issue 17 item 1; conventions in the lead's DECISIONS).

For each headline KPI on the sample company and its report month, the explainer's default
view, the metric under the convention chosen for the headline, the report's scorecard and
the stored outputs of the notebooks show the same value:

* NRR / GRR: ``nrr(window=12)`` / ``grr(window=12)`` (returned customers excluded);
* LTV: ``ltv(period=None)`` with its defaults (revenue LTV, trailing-12-month mean churn, margin 1);
* stickiness: mean DAU ÷ trailing 28-day MAU (``stickiness(mau="trailing")``);
* health bands: ``health_score``'s default components and bands;
* moved to red: ``cskit.report.moved_to_red``;
* churn (monthly, start denominator) and NPS of the report month.
"""

from __future__ import annotations

import re
from pathlib import Path

import nbformat
import pandas as pd
import pytest

import cskit
from cskit import report
from cskit.explain._widget import initial_values
from cskit.explain.logic import MODULES
from cskit.report_scope import default_month

NOTEBOOKS = Path(__file__).resolve().parent.parent / "notebooks"
@pytest.fixture(scope="module")
def month(company) -> pd.Period:
    return pd.Period(default_month(company), freq="M")


@pytest.fixture(scope="module")
def card(company, month) -> pd.DataFrame:
    return report.scorecard(company, month)


def default_view(name: str, data=None, **options):
    """The explainer's default view, as ``cskit.explain.<name>()`` shows it."""
    cskit.set_language("en")
    module = MODULES[name]
    base = module.prepare(data, **options)
    return module.compute(base, **initial_values(module.controls(base), {}))


def stored(notebook: str) -> str:
    """Every text output of a notebook as stored in the repository."""
    nb = nbformat.read(NOTEBOOKS / f"{notebook}.ipynb", as_version=4)
    parts = []
    for cell in nb.cells:
        for out in cell.get("outputs", []):
            parts.append(out.get("text", ""))
            parts.append(out.get("data", {}).get("text/plain", ""))
    return "\n".join(parts)


def stored_row(notebook: str, label: str) -> str:
    """The value printed after ``label: `` in a notebook's stored explainer text."""
    found = re.findall(rf"^{re.escape(label)}: (.+)$", stored(notebook), flags=re.M)
    assert found, f"{notebook} shows no row {label!r}"
    return found[0].strip()


# --------------------------------------------------------------------------- NRR / GRR
@pytest.fixture(scope="module")
def retention(company, month):
    from cskit.metrics import grr, nrr

    return (float(nrr(company.mrr, window=12).loc[month, "nrr"]),
            float(grr(company.mrr, window=12).loc[month, "grr"]))


def test_nrr_grr_explainer_is_the_12_month_metric(company, month, retention):
    view = default_view("retention", company.mrr, month=month)
    assert view.numbers["nrr"] == pytest.approx(retention[0], abs=1e-12)
    assert view.numbers["grr"] == pytest.approx(retention[1], abs=1e-12)
    assert "12-month NRR (returns excluded)" in view.caption


def test_nrr_grr_stored_in_notebooks(retention):
    nrr, grr = retention
    assert stored_row("00_start_here", "NRR (net revenue retention)") == f"{nrr:.1%}"
    assert stored_row("00_start_here", "GRR (gross revenue retention)") == f"{grr:.1%}"
    text = stored("04_net_dollar_retention")
    # notebook 04 prints the headline with its convention (DECISIONS: 12 months, returns excluded)
    assert f"12-month NRR (returns excluded): {nrr:.1%}" in text
    assert f"12-month GRR (returns excluded): {grr:.1%}" in text


def test_nrr_grr_report_headline_is_the_12_month_metric(card, retention):
    assert card.loc["nrr", "value"] == pytest.approx(retention[0], abs=1e-9)
    assert card.loc["grr", "value"] == pytest.approx(retention[1], abs=1e-9)


def test_retention_overridden_amounts_are_a_hypothesis_beside_the_data(company, month,
                                                                       retention):
    module = MODULES["retention"]
    base = module.prepare(company.mrr, month=month)
    view = module.compute(base, expansion=base.expansion + 50_000, contraction=base.contraction,
                          churn=base.churn, new=base.new)
    assert view.numbers["nrr"] == pytest.approx(retention[0] + 50_000 / base.start)
    assert view.numbers["baseline_nrr"] == pytest.approx(retention[0])
    assert view.sentence.startswith("Hypothetical")


def test_short_history_falls_back_to_the_monthly_figure():
    mrr = pd.DataFrame({"customer_id": ["a", "b", "a"], "month": ["2026-01"] * 2 + ["2026-02"],
                        "mrr": [60.0, 40.0, 66.0]})
    view = default_view("retention", mrr)
    assert view.numbers["nrr"] == pytest.approx(0.66)  # 66 ÷ 100: b churned, a expanded
    assert view.caption.startswith("Monthly NRR")


# --------------------------------------------------------------------------- LTV
def test_ltv_explainer_is_the_revenue_ltv(company, month):
    from cskit.metrics import ltv

    expected = float(ltv(company.mrr, period="M").loc[month, "ltv"])
    assert float(ltv(company.mrr, period=None)) == pytest.approx(expected)  # the report month is the last
    view = default_view("ltv", company.mrr, month=month)
    assert view.values["margin"] == 1.0
    assert view.numbers["ltv"] == pytest.approx(expected, rel=1e-12)
    assert "before gross margin" in view.caption
    assert stored_row("00_start_here", "LTV") == f"{expected:,.0f}"
    assert f"{expected:,.0f}" in stored("09_clv")


def test_ltv_other_margin_is_a_hypothesis_beside_the_baseline(company, month):
    module = MODULES["ltv"]
    base = module.prepare(company.mrr, month=month)
    view = module.compute(base, arpa=base.arpa, churn=base.churn, margin=0.8)
    assert view.numbers["ltv"] == pytest.approx(0.8 * view.numbers["baseline_ltv"])
    assert view.sentence.startswith("Hypothetical")


# --------------------------------------------------------------------------- stickiness
@pytest.fixture(scope="module")
def sticky(company, month) -> float:
    from cskit.metrics import stickiness

    return float(stickiness(company.events, mau="trailing", window=28).loc[month, "stickiness"])


def test_stickiness_explainer_is_dau_over_trailing_28_day_mau(company, month, sticky):
    view = default_view("stickiness", company.events, month=month)
    assert view.numbers["stickiness"] == pytest.approx(sticky, rel=1e-12)
    assert "DAU / trailing-28-day MAU" in view.caption
    assert stored_row("00_start_here", "DAU/MAU") == f"{sticky:.1%}"
    assert f"DAU / trailing-28-day MAU, {month}: {sticky:.2%}" in stored("16_dau_mau")


def test_stickiness_report_headline_is_the_trailing_figure(card, sticky):
    assert card.loc["stickiness", "value"] == pytest.approx(sticky, rel=1e-9)


# --------------------------------------------------------------------------- health
def _band_counts(scores: pd.DataFrame, month: pd.Period) -> dict[str, int]:
    now = scores.loc[pd.PeriodIndex(scores["month"], freq="M") == month, "band"]
    return {str(k): int(v) for k, v in now.value_counts().items()}


def test_health_explainer_bands_are_the_default_score(company, month):
    view = default_view("health", company, month=month)
    snapshot = month - 3  # the explainer scores horizon = 3 months back
    from_report = _band_counts(report.health_scores(company, month), snapshot)
    assert {b: int(view.numbers[f"n_{b}"]) for b in ("red", "yellow", "green")} == from_report
    # churn rates fall from red to green under the default score
    assert view.numbers["churn_red"] > view.numbers["churn_yellow"] > view.numbers["churn_green"]
    assert stored_row("00_start_here", "Red · Churn rate").endswith(f"({from_report['red']:,})")


def test_health_bands_stored_in_08_are_the_reports(company, month):
    counts = _band_counts(report.health_scores(company, month), month)
    line = (f"Bands in {month} (cskit's default score): red {counts['red']:,}, "
            f"yellow {counts['yellow']:,}, green {counts['green']:,}")
    assert line in stored("08_customer_health_score")
    shares = report.health_check(company, month)["shares"]
    total = sum(counts.values())
    assert {b: pytest.approx(n / total) for b, n in counts.items()} == dict(shares)


def test_moved_to_red_in_08_is_the_reports_list(company, month):
    moved = report.moved_to_red(company, month)
    text = stored("08_customer_health_score")
    assert f"{len(moved)} accounts moved to red in {month} ({moved['mrr'].sum():,.0f} of MRR)" \
        in text
    assert all(account in text for account in moved["account_id"].head(10))


def test_glossary_states_the_headline_conventions():
    cskit.set_language("en")
    names = {"nrr": "12-month NRR", "ltv": "revenue LTV (before gross margin)",
             "stickiness": "trailing-28-day MAU"}
    for kpi, convention in names.items():
        text = cskit.t(f"glossary.{kpi}.definition") + cskit.t(f"glossary.{kpi}.formula")
        assert convention in text, kpi


# --------------------------------------------------------------------------- churn, NPS
def test_churn_explainer_report_and_metric(company, month, card):
    from cskit.metrics import churn

    monthly = churn(company.mrr, period="M")
    quarterly = churn(company.mrr, period="Q")
    view = default_view("churn", company.mrr)  # quarters by default, labelled so
    quarter = pd.Period(view.rows[0][1], freq="Q")
    assert view.numbers["rate_start"] == pytest.approx(quarterly.loc[quarter, "churn"])
    assert stored_row("00_start_here", "÷ customers at start") == \
        f"{quarterly.loc[quarter, 'churn']:.2%}"
    module = MODULES["churn"]
    by_month = module.compute(module.prepare(company.mrr), period="M",
                              join_and_churn="exclude", reactivated="count")
    assert by_month.numbers["rate_start"] == pytest.approx(monthly.loc[month, "churn"])
    assert card.loc["churn", "value"] == pytest.approx(monthly.loc[month, "churn"])


def test_nps_explainer_report_and_metric(company, month, card):
    from cskit.metrics import nps

    expected = float(nps(company.surveys, period="M").loc[month, "nps"])
    view = default_view("nps", company.surveys, month=month)
    assert view.numbers["nps"] == pytest.approx(expected)
    assert card.loc["nps", "value"] == pytest.approx(expected)
    assert stored_row("00_start_here", "NPS") == f"{expected:.1f}"
