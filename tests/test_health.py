"""Customer health score: normalising, weights, bands, the backtest against later churn, KPI trees."""

from __future__ import annotations

import matplotlib

matplotlib.use("Agg")

import matplotlib.pyplot as plt  # noqa: E402
import numpy as np  # noqa: E402
import pandas as pd  # noqa: E402
import pytest  # noqa: E402
from hypothesis import given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

import cskit  # noqa: E402
from cskit.errors import (  # noqa: E402
    DuplicateRowsError,
    InvalidParameterError,
    InvalidValueError,
    MissingColumnError,
)
from cskit.health import (  # noqa: E402
    DEFAULT_COMPONENTS,
    GRADE_BANDS,
    KPI,
    OTHER_COMPONENTS,
    Component,
    auc,
    backtest,
    band_changes,
    bands,
    calibrate,
    churn_labels,
    health_inputs,
    health_score,
    kpi_tree,
    load_calibration,
    normalise,
    reasons,
    weighted_score,
)
from cskit.plotting import (  # noqa: E402
    band_mix,
    churn_by_band,
    component_auc,
    kpi_tree_plot,
    lift_chart,
)

KEY_FEATURES = ["create_report", "share_report", "export", "api_call", "use_insights",
                "invite_user"]


@pytest.fixture(autouse=True)
def _english_and_close():
    cskit.set_language("en")
    yield
    plt.close("all")
    cskit.set_language("en")


@pytest.fixture(scope="module")
def inputs(company) -> pd.DataFrame:
    return health_inputs(company.events, company.accounts, company.mrr, surveys=company.surveys,
                         tickets=company.tickets, key_features=KEY_FEATURES)


@pytest.fixture(scope="module")
def scored(inputs) -> pd.DataFrame:
    return health_score(inputs)


def mrr_of(paying: dict[str, list[str]]) -> pd.DataFrame:
    return pd.DataFrame([(c, m, 10.0) for c, months in paying.items() for m in months],
                        columns=["customer_id", "month", "mrr"])


# ---------------------------------------------------------------- normalise, combine, band


def test_normalise_each_method_by_hand():
    x = pd.Series([0.0, 5.0, 10.0, 40.0, np.nan])
    # linear 0 → 0, 20 → 100: 5 → 25, 10 → 50, 40 clipped to 100; NaN stays NaN
    lin = normalise(x, Component("f", low=0, high=20))
    assert lin.tolist()[:4] == [0.0, 25.0, 50.0, 100.0] and np.isnan(lin.iloc[4])
    # fewer tickets is better: 0 → 100, 6 → 0, 3 → 50
    rev = normalise(pd.Series([0.0, 3.0, 6.0]), Component("t", low=0, high=6,
                                                          higher_is_better=False))
    assert rev.tolist() == [100.0, 50.0, 0.0]
    # percentile within each group: ranks 1..3 → 0, 50, 100; a group of one → 50
    pct = normalise(pd.Series([3.0, 1.0, 2.0, 9.0]), Component("p", method="percentile"),
                    groups=np.array([0, 0, 0, 1]))
    assert pct.tolist() == [100.0, 0.0, 50.0, 50.0]
    # grades: ≥ 9 good (100), ≥ 7 average (60), else poor (0); custom points
    nps = Component("nps", method="grade", good=9, average=7)
    assert normalise(pd.Series([10, 7, 6]), nps).tolist() == [100.0, 60.0, 0.0]
    custom = normalise(pd.Series([10, 7, 6]), nps, grades={"good": 100, "average": 60, "poor": 40})
    assert custom.tolist() == [100.0, 60.0, 40.0]


def test_weighted_score_catalogue_figure_and_missing():
    # 5 good (100), 3 average (60), 2 poor (40): (500 + 180 + 80) / 10 = 76
    grades = pd.DataFrame([[100.0] * 5 + [60.0] * 3 + [40.0] * 2])
    assert weighted_score(grades).iloc[0] == 76.0
    # weights 3 and 1: (3·80 + 1·40) / 4 = 70; a missing component is skipped: 80 ...
    two = pd.DataFrame({"a": [80.0, 80.0], "b": [40.0, np.nan]})
    w = {"a": 3, "b": 1}
    assert weighted_score(two, w).tolist() == [70.0, 80.0]
    # ... or counted as 0: (3·80 + 0) / 4 = 60
    assert weighted_score(two, w, on_invalid=0).tolist() == [70.0, 60.0]
    with pytest.raises(InvalidValueError, match="0–100.*'a'"):
        weighted_score(pd.DataFrame({"a": [120.0]}))
    with pytest.raises(InvalidParameterError, match="not scores: c"):
        weighted_score(two, {"c": 1})


def test_bands_default_and_grades():
    s = pd.Series([0, 50, 50.4, 75, 76, 100, np.nan])
    assert bands(s).astype(object).tolist()[:6] == ["red", "red", "yellow", "yellow", "green",
                                                    "green"]
    assert pd.isna(bands(s).iloc[6])
    assert bands(pd.Series([40.0, 60.0, 90.0]), GRADE_BANDS).tolist() == ["poor", "average",
                                                                            "good"]
    with pytest.raises(InvalidParameterError, match="increasing"):
        bands(s, ((75, "a"), (50, "b")))


def test_component_validation():
    with pytest.raises(InvalidParameterError, match="low < high"):
        Component("f", low=5, high=5)
    with pytest.raises(InvalidParameterError, match="good= and average="):
        Component("nps", method="grade")
    with pytest.raises(InvalidParameterError, match="beyond"):
        Component("t", method="grade", good=5, average=1, higher_is_better=False)
    with pytest.raises(InvalidParameterError, match="weight=-1"):
        Component("f", weight=-1, low=0, high=1)


def test_health_score_by_hand():
    # a: frequency 20 → 100 (weight 3), tickets 0 → 100: 100, green.
    # b: frequency 4 → 20, 6 tickets → 0: (3·20 + 1·0) / 4 = 15, red.
    # c: frequency 12 → 60, tickets missing → skipped: 60, yellow.
    inputs = pd.DataFrame({"account_id": ["a", "b", "c"], "month": ["2026-10"] * 3,
                           "frequency": [20, 4, 12], "tickets": [0, 6, np.nan]})
    parts = [Component("frequency", weight=3, low=0, high=20),
             Component("tickets", low=0, high=6, higher_is_better=False)]
    out = health_score(inputs, components=parts)
    assert out["score"].tolist() == [100.0, 15.0, 60.0]
    assert out["band"].astype(str).tolist() == ["green", "red", "yellow"]
    assert out["month"].iloc[0] == pd.Period("2026-10", "M")
    graded = health_score(inputs, components=parts, band_edges=GRADE_BANDS)
    assert graded["band"].astype(str).tolist() == ["good", "poor", "average"]


def test_percentile_within_segment():
    # Tickets ranked within the segment: the Enterprise account with 10 tickets is the best of
    # its segment (fewer than 20), the SMB account with 2 the worst of its (more than 0).
    inputs = pd.DataFrame({"account_id": list("abcd"), "month": ["2026-10"] * 4,
                           "segment": ["Ent", "Ent", "SMB", "SMB"], "tickets": [10, 20, 2, 0]})
    part = [Component("tickets", method="percentile", higher_is_better=False)]
    within = health_score(inputs, components=part, by="segment")
    assert within["score"].tolist() == [100.0, 0.0, 0.0, 100.0]
    overall = health_score(inputs, components=part)  # 0 < 2 < 10 < 20
    assert overall["score"].tolist() == pytest.approx([100 / 3, 0.0, 200 / 3, 100.0])


def test_health_score_input_errors():
    frame = pd.DataFrame({"account_id": ["a"], "month": ["2026-10"], "frequency": ["many"]})
    with pytest.raises(MissingColumnError, match="'depth'"):
        health_score(frame, components=[Component("depth", low=0, high=1)])
    with pytest.raises(Exception, match="'frequency'.*numeric"):
        health_score(frame, components=[Component("frequency", low=0, high=20)])
    with pytest.raises(InvalidParameterError, match="share a name"):
        health_score(frame, components=[Component("frequency", low=0, high=1)] * 2)


@given(
    values=st.lists(st.tuples(st.floats(-1e6, 1e6), st.floats(-1e6, 1e6) | st.none(),
                              st.integers(0, 10)), min_size=1, max_size=30),
    w=st.tuples(st.floats(0, 10), st.floats(0, 10), st.floats(0, 10)),
    method=st.sampled_from(["linear", "percentile"]),
)
def test_property_score_stays_in_range(values, w, method):
    frame = pd.DataFrame(values, columns=["x", "y", "nps"])
    frame["account_id"] = [f"a{i}" for i in range(len(frame))]
    frame["month"] = "2026-10"
    kw = {"low": -5.0, "high": 5.0} if method == "linear" else {}
    parts = [Component("x", weight=w[0], method=method, **kw),
             Component("y", weight=w[1], method=method, higher_is_better=False, **kw),
             Component("nps", weight=w[2], method="grade", good=9, average=7)]
    out = health_score(frame, components=parts)
    assert out["score"].dropna().between(0, 100).all()
    assert out.loc[out["score"].notna(), "band"].notna().all()
    if sum(w) > 0 and frame["nps"].notna().all() and w[2] > 0:
        assert out["score"].notna().all()


# ---------------------------------------------------------------- labels and leakage


def test_churn_labels_by_hand():
    # a pays Jan–Mar (churn month April), returns in June; b pays Jan–Jun. Data ends June.
    m = mrr_of({"a": ["2026-01", "2026-02", "2026-03", "2026-06"],
                "b": ["2026-01", "2026-02", "2026-03", "2026-04", "2026-05", "2026-06"]})
    lab = churn_labels(m, horizon=2).set_index(["account_id", "month"])
    # horizon 2: Jan → Feb, Mar (no churn); Feb → Mar, Apr (churn in Apr); Mar → Apr, May.
    assert lab.loc[("a", pd.Period("2026-01", "M")), "churned"] == np.False_
    assert lab.loc[("a", pd.Period("2026-02", "M")), "churned"] == np.True_
    assert lab.loc[("a", pd.Period("2026-03", "M")), "churned"] == np.True_
    # months whose horizon passes June (May, June) are unknown: left out; b never churns
    assert lab.index.get_level_values("month").max() == pd.Period("2026-04", "M")
    assert not lab.xs("b")["churned"].any()
    with pytest.raises(InvalidParameterError, match="horizon=0"):
        churn_labels(m, horizon=0)


def test_sample_labels_match_plain_pandas(company, scored):
    bt = backtest(scored, company.mrr, horizon=3)
    paying = company.mrr.groupby(["customer_id", "month"])["mrr"].sum()
    paying = set(paying[paying > 0].index)
    rows = bt.rows.sample(3000, random_state=1)
    # churned within 3 months ⇔ one of m+1, m+2, m+3 has no MRR
    expected = [any((a, m + k) not in paying for k in (1, 2, 3))
                for a, m in zip(rows["account_id"], rows["month"], strict=True)]
    assert rows["churned"].tolist() == expected
    last = company.mrr["month"].max()
    assert bt.rows["month"].max() == last - 3  # later months have no known outcome yet


def test_inputs_use_nothing_after_the_month(company, inputs):
    # Cut every table at the end of 2025-06: the inputs of 2025-06 must not change.
    end = pd.Timestamp("2025-07-01")
    cut = health_inputs(
        company.events[company.events["timestamp"] < end], company.accounts,
        company.mrr[company.mrr["month"] <= "2025-06"],
        surveys=company.surveys[company.surveys["submitted_at"] < end],
        tickets=company.tickets[company.tickets["created_at"] < end], key_features=KEY_FEATURES,
    )
    june = pd.Period("2025-06", "M")
    a = cut[cut["month"] == june].reset_index(drop=True)
    b = inputs[inputs["month"] == june].reset_index(drop=True)
    pd.testing.assert_frame_equal(a, b)


def test_sample_inputs_match_plain_pandas(company, inputs):
    m = pd.Period("2026-03", "M")
    row = inputs[inputs["month"] == m].set_index("account_id")
    ev = company.events[company.events["timestamp"].dt.to_period("M") == m]
    ev = ev[ev["account_id"].isin(row.index)]  # paying accounts (trials have events too)
    freq = ev.groupby("account_id")["timestamp"].agg(lambda s: s.dt.normalize().nunique())
    assert (row["frequency"].drop(freq.index) == 0).all()  # paying, no event: 0 days
    assert row["frequency"].reindex(freq.index).tolist() == freq.astype(float).tolist()
    seats = company.accounts.set_index("account_id")["seats"]
    breadth = ev.groupby("account_id")["user_id"].nunique() / seats.reindex(freq.index)
    assert row["breadth"].reindex(freq.index).tolist() == pytest.approx(breadth.tolist())
    s = company.surveys
    recent = s[(s["survey"] == "nps") & s["submitted_at"].dt.to_period("M").between(m - 5, m)]
    nps = recent.groupby("account_id")["score"].mean()
    both = nps.index.intersection(row.index)
    assert row.loc[both, "nps"].tolist() == pytest.approx(nps[both].tolist())
    t = company.tickets
    tk = t[t["created_at"].dt.to_period("M").between(m - 2, m)].groupby("account_id").size()
    assert row["tickets"].tolist() == tk.reindex(row.index, fill_value=0).astype(float).tolist()
    mrr = company.mrr.groupby(["customer_id", "month"])["mrr"].sum()
    growth = mrr.xs(m, level="month") / mrr.xs(m - 3, level="month") - 1
    common = growth.dropna().index.intersection(row.index)
    assert row.loc[common, "mrr_growth"].tolist() == pytest.approx(growth[common].tolist())


# ---------------------------------------------------------------- AUC and the backtest


def test_auc_by_hand():
    # churners 10, 20 vs stayers 30, 40: every pair ordered → 1
    assert auc([10, 20, 30, 40], [True, True, False, False]) == 1.0
    # churners 10, 30 vs stayers 20, 40: pairs (10<20 ✓, 10<40 ✓, 30<20 ✗, 30<40 ✓) = 3/4
    assert auc([10, 20, 30, 40], [True, False, True, False]) == 0.75
    # a tie counts ½: churner 5 vs stayers 5, 7 → (½ + 1) / 2
    assert auc([5, 5, 7], [True, False, False]) == 0.75
    assert np.isnan(auc([1, 2], [False, False]))
    assert auc([np.nan, 1, 2], [True, True, False]) == 1.0  # NaN dropped


@given(st.lists(st.tuples(st.integers(0, 5), st.booleans()), min_size=2, max_size=40))
def test_property_auc_equals_pairwise_share(pairs):
    s = np.array([p[0] for p in pairs], dtype=float)
    y = np.array([p[1] for p in pairs])
    if y.all() or not y.any():
        assert np.isnan(auc(s, y))
        return
    c, k = s[y][:, None], s[~y][None, :]
    expected = ((c < k) + 0.5 * (c == k)).mean()
    assert auc(s, y) == pytest.approx(expected)


def test_backtest_by_hand():
    # Scored in January, horizon 2 (churn in Feb or Mar counts). Data runs to April.
    # a (score 20) churns in March; d (score 50) churns in February; b (90), c (70) stay.
    # Pairs churner < stayer: a<b, a<c, d<b, d<c → AUC 1. Overall churn 2 / 4.
    m = mrr_of({"a": ["2026-01", "2026-02"], "d": ["2026-01"],
                "b": ["2026-01", "2026-02", "2026-03", "2026-04"],
                "c": ["2026-01", "2026-02", "2026-03", "2026-04"]})
    s = pd.DataFrame({"account_id": list("abcd"), "month": ["2026-01"] * 4,
                      "score": [20.0, 90.0, 70.0, 50.0], "tickets": [5.0, 0.0, 190.0, 1.0]})
    s["band"] = bands(s["score"])
    bt = backtest(s, m, horizon=2)
    assert (bt.n, bt.churned, bt.auc, bt.churn_rate) == (4, 2, 1.0, 0.5)
    # bands: red {a 20, d 50} both churned; yellow {c 70}; green {b 90}
    assert bt.by_band["accounts"].tolist() == [2, 1, 1]
    assert bt.by_band["churn_rate"].tolist() == [1.0, 0.0, 0.0]
    assert bt.by_band.loc["red", "lift"] == 2.0  # 100 % ÷ 50 %
    # a raw column as component: churners 5, 1 vs stayers 0, 190:
    # pairs churner < stayer: 5<190, 1<190 → 2 of 4 = 0.5
    assert bt.components.loc["tickets", "auc"] == 0.5
    assert np.isnan(bt.components.loc["tickets", "churn_rate_red"])  # not on the 0–100 scale
    assert bt.by_month.loc["2026-01", "churn_rate"] == 0.5
    # a risk indicator: higher = worse. Tickets as the score, reversed: same pairs, 1 − 0.5
    risk = backtest(s.drop(columns="band"), m, horizon=2, score_col="tickets", band_col=None,
                    higher_is_better=False)
    assert risk.auc == 0.5
    assert risk.lift["churned"].sum() == 2


def test_backtest_component_bands_and_lift_by_hand():
    # 10 accounts scored in January with scores 5, 15, …, 95; the three lowest churn.
    names = [f"a{i}" for i in range(10)]
    paying = {n: ["2026-01", "2026-02", "2026-03"] for n in names[3:]}
    paying.update({n: ["2026-01"] for n in names[:3]})
    m = mrr_of(paying)
    s = pd.DataFrame({"account_id": names, "month": "2026-01",
                      "score": np.arange(5.0, 100.0, 10.0)})
    s["comp"] = s["score"]
    bt = backtest(s, m, horizon=1, band_col=None)
    # deciles of 10 rows: one row each; churn 100 % in deciles 1–3 and 0 after; lift 1 / 0.3
    assert bt.lift["churn_rate"].tolist() == [1.0] * 3 + [0.0] * 7
    assert bt.lift.loc[1, "lift"] == pytest.approx(1 / 0.3)
    assert bt.lift["min_score"].tolist() == s["score"].tolist()
    # component bands: red (≤ 50) holds 5…45 (5 rows, 3 churned), yellow 55–75, green 85, 95
    comp = bt.components.loc["comp"]
    assert comp["churn_rate_red"] == pytest.approx(3 / 5)
    assert comp["churn_rate_yellow"] == 0.0 and comp["auc"] == 1.0


def test_backtest_rejects_bad_input(company):
    s = pd.DataFrame({"account_id": ["A00001", "A00001"], "month": ["2024-01"] * 2,
                      "score": [1.0, 2.0]})
    with pytest.raises(DuplicateRowsError, match="one row per"):
        backtest(s, company.mrr)
    late = pd.DataFrame({"account_id": ["A00001"], "month": ["2026-10"], "score": [1.0]})
    with pytest.raises(InvalidValueError, match="No scored account-month"):
        backtest(late, company.mrr)
    with pytest.raises(MissingColumnError, match="'score'"):
        backtest(s.drop(columns="score"), company.mrr)


def test_sample_backtest_auc_matches_pairwise_count(company, inputs, scored):
    bt = backtest(scored, company.mrr, horizon=3)
    r = bt.rows.dropna(subset=["score"])
    c = r.loc[r["churned"], "score"].to_numpy()[:, None]
    k = r.loc[~r["churned"], "score"].to_numpy()[None, :]
    pairwise = ((c < k).sum() + 0.5 * (c == k).sum()) / (c.size * k.size)
    assert bt.auc == pytest.approx(pairwise)
    assert bt.by_band["accounts"].sum() == bt.n
    assert bt.by_band["churned"].sum() == bt.churned
    assert bt.lift["accounts"].sum() == bt.n
    assert set(bt.components.index) == {"frequency", "nps", "tickets"}
    # the sample company: usage and NPS predict churn (AUC clearly above 0.5)
    assert bt.components.loc["frequency", "auc"] > 0.6
    assert bt.components.loc["nps", "auc"] > 0.6
    everything = backtest(health_score(inputs, components=DEFAULT_COMPONENTS + OTHER_COMPONENTS),
                          company.mrr, horizon=3)
    # MRR growth does not predict; breadth points the wrong way: both flagged
    assert abs(everything.components.loc["mrr_growth", "auc"] - 0.5) < 0.05
    assert everything.components.loc["mrr_growth", "signal"] == "weak"
    assert everything.components.loc["breadth", "auc"] < 0.5
    assert everything.components.loc["breadth", "signal"] != "predicts"


def test_backtest_within_segments(company, inputs):
    seg = inputs.merge(company.accounts[["account_id", "segment"]], on="account_id")
    scored = health_score(seg, by="segment")
    bt = backtest(scored, company.mrr, by="segment")
    assert bt.by_group.index.tolist() == ["Enterprise", "Mid-Market", "SMB"]
    smb = bt.rows[bt.rows["segment"] == "SMB"]
    assert bt.by_group.loc["SMB", "auc"] == pytest.approx(auc(smb["score"], smb["churned"]))
    assert bt.by_group["accounts"].sum() == bt.n


def test_band_changes_by_hand():
    s = pd.DataFrame({"account_id": ["a", "b", "c", "a", "b", "c", "d"],
                      "month": ["2026-09"] * 3 + ["2026-10"] * 4,
                      "score": [80.0, 60.0, 30.0, 40.0, 62.0, 20.0, 10.0]})
    s["band"] = bands(s["score"])
    moved = band_changes(s, "2026-10")
    # a green → red, d new (no previous band); b stays yellow, c stays red
    assert moved["account_id"].tolist() == ["d", "a"]
    to_red = band_changes(s, "2026-10", to="red")
    assert to_red.loc[to_red["account_id"] == "a", "change"].tolist() == [-40.0]


# ---------------------------------------------------------------- KPI tree


def test_kpi_tree_by_hand_and_errors():
    months = pd.period_range("2026-09", periods=2, freq="M")
    tree = KPI("churn", lambda d: pd.Series(d["churn"], index=months), higher_is_better=False,
               children=[KPI("first_login", lambda d: d["login"]), KPI("usage")])
    out = kpi_tree(tree, {"churn": [0.04, 0.03], "login": 0.8})
    assert out["kpi"].tolist() == ["churn", "churn", "first_login", "usage"]
    assert out["parent"].iloc[2] == "churn" and pd.isna(out["parent"].iloc[0])
    assert out["level"].tolist() == [0, 0, 1, 1]
    assert out["better"].tolist() == ["down", "down", "up", "up"]
    assert out["value"].iloc[:3].tolist() == [0.04, 0.03, 0.8] and np.isnan(out["value"].iloc[3])
    with pytest.raises(InvalidParameterError, match="twice"):
        kpi_tree(KPI("a", children=[KPI("a")]), None)
    with pytest.raises(InvalidParameterError, match="not a DataFrame"):
        kpi_tree(KPI("a", lambda d: pd.DataFrame({"x": [1]})), None)
    with pytest.raises(InvalidParameterError, match="higher_is_better="):
        kpi_tree(KPI("a", higher_is_better="down"), None)


def test_kpi_tree_on_sample(company):
    tree = KPI("churn", lambda c: c.mrr.cs.churn()["churn"], higher_is_better=False,
               children=[
        KPI("first_login", lambda c: c.accounts.cs.first_login_rate()["first_login_rate"]),
        KPI("stickiness", lambda c: c.events.cs.stickiness()["stickiness"]),
    ])
    out = kpi_tree(tree, company)
    oct_ = out[out["period"] == pd.Period("2026-10", "M")].set_index("kpi")["value"]
    assert oct_["churn"] == company.mrr.cs.churn().loc["2026-10", "churn"]
    ax = kpi_tree_plot(out, period="2026-10", formats={"churn": "{:.1%}"})
    assert [t.get_text().splitlines()[0] for t in ax.texts] == ["churn", "first_login",
                                                                  "stickiness"]
    assert ax.texts[0].get_text().splitlines()[1].startswith(f"{oct_['churn']:.1%}")


# ---------------------------------------------------------------- plots


def test_health_plots_draw_the_backtest(company, scored):
    bt = backtest(scored, company.mrr)
    ax = churn_by_band(bt)
    assert [p.get_height() for p in ax.patches] == pytest.approx(bt.by_band["churn_rate"].tolist())
    assert [t.get_text() for t in ax.get_xticklabels()] == ["Red", "Yellow", "Green"]
    ax = lift_chart(bt)
    assert [p.get_height() for p in ax.patches] == pytest.approx(bt.lift["churn_rate"].tolist())
    ax = component_auc(bt)
    widths = sorted(p.get_width() + 0.5 for p in ax.patches)
    assert widths == pytest.approx(sorted([*bt.components["auc"], bt.auc]))
    ax = band_mix(scored)
    tops = ax.collections[-1].get_paths()[0].vertices[:, 1]
    assert tops.max() == pytest.approx(1.0)
    cskit.set_language("ja")
    assert churn_by_band(bt).get_xticklabels()[0].get_text() == "赤（危険）"
    with pytest.raises(InvalidParameterError, match="backtest"):
        lift_chart(scored)


# ---------------------------------------------------------------- defaults that earn their place


def test_package_imports_and_accessor():
    import subprocess
    import sys

    import cskit.health.score as score_module

    assert cskit.health.health_score is score_module.health_score
    # in a fresh interpreter, `import cskit` alone is enough
    code = ("import cskit, pandas as pd; assert 'health_score' in dir(pd.DataFrame().cs); "
            "assert cskit.health.calibrate and cskit.health.reasons")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert done.returncode == 0, done.stderr


def test_default_score_beats_each_of_its_parts_on_the_sample(company, inputs, scored):
    bt = backtest(scored, company.mrr, horizon=3)
    # every signal alone, on its raw value (tickets: fewer is better), on the same months
    raw = inputs[["account_id", "month"]].copy()
    for name in ("frequency", "breadth", "depth", "mrr_growth", "nps"):
        raw[name] = inputs[name]
    raw["tickets"] = -inputs["tickets"]
    raw["score"] = 0.0
    alone = backtest(raw, company.mrr, horizon=3, band_col=None).components["auc"]
    assert alone.max() == pytest.approx(0.695, abs=0.005)  # frequency, as the issue measured
    assert bt.auc >= alone.max()
    assert bt.auc == pytest.approx(0.728, abs=0.005)
    share = bt.by_band["accounts"] / bt.n
    rate = bt.by_band["churn_rate"]
    # red is a minority (27 %) whose churn rate is several times green's (13.4 % vs 2.0 %)
    assert share["red"] == pytest.approx(0.27, abs=0.01)
    assert share["green"] == pytest.approx(0.34, abs=0.01)
    assert share["red"] < 0.5 and rate["red"] >= 5 * rate["green"]


# ---------------------------------------------------------------- reasons


def test_reasons_by_hand_with_raw_values_and_segments():
    parts = [Component("frequency", weight=2, low=0, high=10),
             Component("tickets", weight=1, low=0, high=6, higher_is_better=False)]
    raw = pd.DataFrame({"account_id": ["a", "b", "c", "d"], "month": ["2026-10"] * 4,
                        "segment": ["SMB", "SMB", "SMB", "Ent"],
                        "frequency": [2, 6, 8, 1], "tickets": [6, 0, 3, 6]})
    s = health_score(raw, components=parts, by="segment")
    r = reasons(s, components=parts, inputs=raw, by="segment", language="en")
    # SMB medians: frequency 60 (of 20, 60, 80), tickets 50 (of 0, 100, 50).
    # a: frequency 2·(20 − 60) ÷ 3 = −26.7; tickets (0 − 50) ÷ 3 = −16.7
    assert r.loc[0, "pull_frequency"] == pytest.approx(-80 / 3)
    assert r.loc[0, "pull_tickets"] == pytest.approx(-50 / 3)
    assert r.loc[0, ["reason_1", "reason_2"]].tolist() == ["frequency", "tickets"]
    assert r.loc[0, "reasons"] == ("active days: 2 (−27 pts vs segment median); "
                                   "recent tickets: 6 (−17 pts vs segment median)")
    # b: frequency at the median (0), tickets 100 − 50 → +16.7: no reason
    assert pd.isna(r.loc[1, "reason_1"]) and r.loc[1, "reasons"] == ""
    # c: frequency +13.3, tickets at the median: nothing pulls down
    assert r.loc[2, "reasons"] == ""
    # d is alone in its segment: it is its own median, so nothing pulls it down
    assert r.loc[3, "pull_frequency"] == 0.0
    ko = reasons(s, components=parts, inputs=raw, by="segment", language="ko")
    assert ko.loc[0, "reasons"].startswith("활동일 2일 (세그먼트 중앙값 대비 −27점)")
    for lang in ("ja", "zh-Hant"):
        text = reasons(s, components=parts, inputs=raw, by="segment", language=lang)
        assert "−27" in text.loc[0, "reasons"] and "active" not in text.loc[0, "reasons"]
    with pytest.raises(InvalidParameterError, match="rows"):
        reasons(s, components=parts, inputs=raw.iloc[:2])


# ---------------------------------------------------------------- calibration


def _tiny(months: int = 10):
    """Each month: churners (a, b) = (0, 100) and (47, 0) who pay only that month, and two
    stayers (35, 35) and (100, 100) who pay every month. Only weights a 0.7 / b 0.3 put both
    churners below both stayers: churners 30 and 32.9, stayers 35 and 100 (at a 0.6 the first
    churner scores 40; at a 0.8 the second scores 37.6)."""
    ms = pd.period_range("2026-01", periods=months, freq="M")
    rows, pay = [], []
    for i, m in enumerate(ms):  # builds a test fixture: a few rows per month
        for name, a, b in (("c1", 0.0, 100.0), ("c2", 47.0, 0.0)):
            rows.append((f"{name}_{i}", m, a, b))
            pay.append((f"{name}_{i}", m))
        for name, a, b in (("s1", 35.0, 35.0), ("s2", 100.0, 100.0)):
            rows.append((name, m, a, b))
            pay.append((name, m))
    x = pd.DataFrame(rows, columns=["account_id", "month", "a", "b"])
    mrr = pd.DataFrame(pay, columns=["customer_id", "month"]).assign(mrr=10.0)
    parts = [Component("a", low=0, high=100), Component("b", low=0, high=100)]
    return x, mrr, parts


def test_calibrate_finds_the_known_weights():
    x, mrr, parts = _tiny()
    cal = calibrate(x, mrr, components=parts, horizon=1, test_months=3, red_share=0.5,
                    yellow_share=0.25)
    assert [(c.name, c.weight) for c in cal.components] == [("a", 0.7), ("b", 0.3)]
    # alone: a ranks 3 of 4 churner–stayer pairs right (0.75), b 2.5 of 4 (0.625)
    assert cal.fit["auc_fit"].tolist() == [0.75, 0.625]
    assert cal.auc_fit == 1.0 and cal.auc_test == 1.0
    # months: data to 2026-10, outcome known to 2026-09; judged 07–09, fitted up to 05 (data 06)
    assert cal.test_months == ("2026-07", "2026-09") and cal.data_end == "2026-06"
    assert cal.fit_months == ("2026-01", "2026-05")
    # half of the fitted scores (30, 32.9 each month) are red: the cut-off is the median of
    # 30, 32.9, 35, 100 (five of each) = (32.9 + 35) ÷ 2 = 33.95, written to one decimal
    assert cal.band_edges[0][0] == pytest.approx(33.95, abs=0.051)
    assert cal.bands_test.loc["red", "churn_rate"] == 1.0
    assert cal.bands_test.loc["green", "churn_rate"] == 0.0


def test_calibrate_risk_cutoff_and_errors():
    x, mrr, parts = _tiny()
    cal = calibrate(x, mrr, components=parts, horizon=1, test_months=3, red_risk=0.9)
    # churn rate of the lowest scores stays 100 % up to 32.9, the highest churner
    assert cal.band_edges[0][0] == pytest.approx(32.9)
    with pytest.raises(InvalidParameterError, match="red_share"):
        calibrate(x, mrr, components=parts, red_share=0.7, yellow_share=0.4)
    with pytest.raises(InvalidValueError, match="Not enough months"):
        calibrate(x, mrr, components=parts, horizon=1, test_months=9)
    noise = x.assign(a=(x.index * 7) % 10, b=(x.index * 3) % 10)
    with pytest.raises(InvalidValueError, match="No component predicts"):
        calibrate(noise, mrr, components=parts, horizon=1, test_months=3)


@settings(max_examples=15, deadline=None)
@given(st.lists(st.floats(0, 100), min_size=24, max_size=24), st.integers(0, 5))
def test_calibration_never_sees_the_judged_months(values, dropped):
    x, mrr, parts = _tiny()
    cal = calibrate(x, mrr, components=parts, horizon=1, test_months=3)
    later = pd.Period(cal.data_end, "M")
    after = (pd.PeriodIndex(x["month"]) > later)
    changed = x.copy()
    changed.loc[after, "a"] = (values * (after.sum() // len(values) + 1))[: after.sum()]
    money = mrr.copy()
    late_rows = money.index[pd.PeriodIndex(money["month"]) > later]
    money = money.drop(late_rows[dropped::6])  # other churns after the fitted data
    again = calibrate(changed, money, components=parts, horizon=1, test_months=3)
    assert again.components == cal.components
    assert again.band_edges == cal.band_edges
    assert again.auc_fit == cal.auc_fit
    pd.testing.assert_frame_equal(again.bands_fit, cal.bands_fit)
    assert pd.Period(again.fit_months[1], "M") + 1 <= later < pd.Period(again.test_months[0], "M")


def test_calibration_saves_and_loads(tmp_path, company, inputs):
    cal = calibrate(inputs, company.mrr)
    # judged on months the fit never saw, the fitted score still ranks churners: AUC ≥ 0.7
    assert cal.auc_test > 0.7
    assert pd.Period(cal.data_end, "M") < pd.Period(cal.test_months[0], "M")
    assert cal.bands_test.loc["red", "churn_rate"] > 4 * cal.bands_test.loc["green", "churn_rate"]
    path = cal.save(tmp_path / "health.json")
    back = load_calibration(path)
    assert back.components == cal.components and back.band_edges == cal.band_edges
    assert back.auc_test == cal.auc_test and back.test_months == cal.test_months
    pd.testing.assert_frame_equal(back.bands_test, cal.bands_test, check_names=False)
    pd.testing.assert_frame_equal(back.score(inputs), cal.score(inputs))
    (tmp_path / "bad.json").write_text("{}")
    with pytest.raises(InvalidValueError, match="not a cskit health calibration"):
        load_calibration(tmp_path / "bad.json")
    with pytest.raises(InvalidParameterError, match="No health calibration"):
        load_calibration(tmp_path / "missing.json")
