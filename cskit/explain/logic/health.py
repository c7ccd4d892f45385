"""Health-score explainer logic: weights re-rank accounts; the backtest says if that helped.

A health score is a weighted mean of component scores on 0–100,
Σ wᵢxᵢ ÷ Σ wᵢ, banded red (0–50), yellow (51–75) and green (76–100). The
KPI-setting article asks that a KPI be checked against what happened: so the
score is computed at a *snapshot* month and compared with churn in the
months after it. AUC is the chance that a randomly picked retained account
scores higher than a randomly picked churned one (0.5 = no better than a coin).

Components, each graded as CS platforms do — good (100) for the top third of
accounts, average (60) for the middle third, poor (0) for the bottom third —
so that different units can be weighed ("support" is reversed: more tickets
is worse):

* ``frequency`` – days with activity in the 30 days before the snapshot;
* ``breadth`` – share of the account's seats active in those 30 days;
* ``depth`` – share of the product's key features used (every event but login);
* ``support`` – tickets in the 90 days before the snapshot (fewer is better);
* ``nps`` – the latest NPS answer from the account (missing: the middle);
* ``growth`` – MRR change over the 3 months before the snapshot.

>>> comps = pd.DataFrame({"a": [100.0, 60.0, 0.0], "b": [0.0, 60.0, 100.0]},
...                      index=["x", "y", "z"])
>>> base = HealthBase(components=comps, churned=pd.Series([False, False, True], index=comps.index))
>>> v = compute(base, a=1, b=0)
>>> v.numbers["auc"]
1.0
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import numpy as np
import pandas as pd

from cskit.errors import InvalidParameterError
from cskit.explain.logic._common import (
    Control,
    View,
    label,
    month_of,
    num,
    pct,
    sample_company,
    sentence,
)

KPI = "health"
COMPONENTS = ("frequency", "breadth", "depth", "support", "nps", "growth")
BANDS = ((50.0, "red"), (75.0, "yellow"), (100.0, "green"))
AT_RISK = 10


@dataclass
class HealthBase:
    """Component scores (0–100, one row per account) and whether each account churned later."""

    components: pd.DataFrame
    churned: pd.Series
    snapshot: str = ""
    horizon: int = 3
    #: Percentile ranks (0–100) of the same components: they order accounts with equal scores.
    ranks: pd.DataFrame | None = None


def weighted_score(components: pd.DataFrame, weights: dict[str, float]) -> pd.Series:
    """Σ wᵢxᵢ ÷ Σ wᵢ per account (NaN when every weight is 0).

    >>> row = pd.DataFrame({"good": [100.0], "average": [60.0], "poor": [40.0]})
    >>> float(weighted_score(row, {"good": 5, "average": 3, "poor": 2}).iloc[0])
    76.0
    """
    w = pd.Series({c: float(weights.get(c, 0.0)) for c in components.columns})
    total = w.sum()
    if total <= 0:
        return pd.Series(np.nan, index=components.index)
    return components.mul(w, axis=1).sum(axis=1) / total


def auc(score: pd.Series, churned: pd.Series) -> float:
    """P(a retained account scores higher than a churned one), ties counting one half.

    Mann–Whitney from average ranks.

    >>> auc(pd.Series([3.0, 2.0, 1.0]), pd.Series([False, True, True]))
    1.0
    >>> auc(pd.Series([1.0, 1.0]), pd.Series([False, True]))
    0.5
    """
    ok = score.notna()
    s, y = score[ok], churned[ok].astype(bool)
    n_pos, n_neg = int((~y).sum()), int(y.sum())
    if n_pos == 0 or n_neg == 0:
        return float("nan")
    ranks = s.rank(method="average")
    return float((ranks[~y].sum() - n_pos * (n_pos + 1) / 2) / (n_pos * n_neg))


def band_of(score: pd.Series) -> pd.Series:
    """red (≤ 50), yellow (≤ 75) or green."""
    edges = [-np.inf] + [edge for edge, _ in BANDS]
    return pd.cut(score, edges, labels=[name for _, name in BANDS]).astype("object")


def grade(values: pd.Series, reverse: bool = False) -> pd.Series:
    """Good (100), average (60) or poor (0): the top, middle and bottom third of accounts.

    Missing values are average. ``reverse`` for components where less is better.

    >>> grade(pd.Series([1.0, 2.0, 3.0, None])).tolist()
    [0.0, 60.0, 100.0, 60.0]
    """
    share = (-values if reverse else values).rank(pct=True, method="average")
    graded = np.select([share > 2 / 3, share > 1 / 3], [100.0, 60.0], 0.0)
    return pd.Series(graded, index=values.index).where(share.notna(), 60.0)


def prepare(data: Any = None, *, month: str | pd.Period | None = None, horizon: int = 3) -> HealthBase:
    """Components at ``month − horizon`` and churn by ``month`` (default: the latest month).

    ``data`` is the sample company (default), any object with the tables as
    attributes (``mrr``, ``events``, ``tickets``, ``surveys``, ``accounts``), or a
    DataFrame of your own component scores (numeric columns, one row per
    account) with a boolean ``churned`` column.
    """
    if isinstance(data, pd.DataFrame):
        if "churned" not in data.columns:
            raise InvalidParameterError(
                "A frame of health components needs a boolean 'churned' column (did the account "
                "churn after the snapshot?) next to numeric component columns."
            )
        comps = data.drop(columns=["churned"]).select_dtypes("number")
        if comps.empty:
            raise InvalidParameterError(
                "The health components frame has no numeric columns besides 'churned'."
            )
        return HealthBase(components=comps.apply(grade), churned=data["churned"].astype(bool),
                          ranks=comps.rank(pct=True).fillna(0.5) * 100)
    company = sample_company() if data is None else data
    mrr = company.mrr
    months = pd.PeriodIndex(mrr["month"], freq="M")
    end = month_of(month, months)
    snap = end - horizon
    totals = (
        pd.DataFrame({"c": mrr["customer_id"].to_numpy(), "m": months, "v": mrr["mrr"].to_numpy()})
        .groupby(["c", "m"], observed=True)["v"].sum()
        .unstack("m")
        .reindex(columns=[snap - 3, snap, end])
        .fillna(0.0)
    )
    active = totals.index[totals[snap] > 0]
    churned = pd.Series(totals.loc[active, end] <= 0, index=active)
    snap_end = snap.end_time.normalize() + pd.Timedelta(days=1)
    events = company.events
    stamps = pd.to_datetime(events["timestamp"])
    recent = events.loc[(stamps >= snap_end - pd.Timedelta(days=30)) & (stamps < snap_end)]
    days = pd.to_datetime(recent["timestamp"]).dt.normalize()
    frequency = days.groupby(recent["account_id"]).nunique()
    users = recent.groupby("account_id")["user_id"].nunique()
    seats = company.accounts.set_index("account_id")["seats"]
    breadth = (users / seats.reindex(users.index)).clip(upper=1.0)
    features = recent.loc[recent["event"] != "login"]
    n_features = max(events.loc[events["event"] != "login", "event"].nunique(), 1)
    depth = features.groupby("account_id")["event"].nunique() / n_features
    tickets = company.tickets
    created = pd.to_datetime(tickets["created_at"])
    window = tickets.loc[(created >= snap_end - pd.Timedelta(days=90)) & (created < snap_end)]
    support = window.groupby("account_id").size()
    surveys = company.surveys
    answered = pd.to_datetime(surveys["submitted_at"])
    nps_rows = surveys.loc[(surveys["survey"] == "nps") & (answered < snap_end)]
    latest = nps_rows.assign(_t=answered).sort_values("_t").groupby("account_id")["score"].last()
    growth = (totals[snap] - totals[snap - 3]) / totals[snap - 3].where(totals[snap - 3] > 0)
    raw = pd.DataFrame(
        {
            "frequency": frequency.reindex(active).fillna(0),
            "breadth": breadth.reindex(active).fillna(0),
            "depth": depth.reindex(active).fillna(0),
            "support": support.reindex(active).fillna(0),
            "nps": latest.reindex(active),
            "growth": growth.reindex(active).fillna(0),
        },
        index=active,
    )
    comps = pd.DataFrame(
        {c: grade(raw[c], reverse=(c == "support")) for c in COMPONENTS}, index=active
    )
    comps.index.name = "account_id"
    ranks = pd.DataFrame(
        {c: (-raw[c] if c == "support" else raw[c]).rank(pct=True).fillna(0.5) * 100
         for c in COMPONENTS}, index=active,
    )
    return HealthBase(components=comps, churned=churned, snapshot=str(snap), horizon=horizon,
                      ranks=ranks)


def controls(base: HealthBase) -> list[Control]:
    return [
        Control(c, "int", 1, _component_label(c), 0, 5, 1) for c in base.components.columns
    ]


def _component_label(name: str) -> str:
    from cskit.i18n import EN

    return label(KPI, f"comp.{name}") if f"explain.health.comp.{name}" in EN else str(name)


def compute(base: HealthBase, previous: View | None = None, **weights: float) -> View:
    """Score, bands, AUC of the backtest and the accounts most at risk for these weights."""
    names = list(base.components.columns)
    values = {c: weights.get(c, 1) for c in names}
    score = weighted_score(base.components, values)
    churned = base.churned.reindex(score.index).fillna(False).astype(bool)
    area = auc(score, churned)
    bands = band_of(score)
    by_band = pd.DataFrame({"band": bands, "churned": churned}).groupby("band")["churned"]
    counts = by_band.size().reindex([b for _, b in BANDS], fill_value=0)
    rates = by_band.mean().reindex([b for _, b in BANDS])
    fine = weighted_score(base.ranks, values) if base.ranks is not None else score
    order = np.lexsort((fine.to_numpy(), score.to_numpy()))  # by score, then finer ranks
    ranked = score.iloc[order].dropna()
    at_risk = ranked.index[:AT_RISK].tolist()
    numbers: dict[str, float] = {
        "auc": area,
        "accounts": float(len(score)),
        "churned": float(churned.sum()),
        **{f"churn_{b}": float(rates[b]) for _, b in BANDS},
        **{f"n_{b}": float(counts[b]) for _, b in BANDS},
        "at_risk_churned": float(churned.reindex(at_risk).sum()),
    }
    rows = [
        (label(KPI, "num.accounts"), num(numbers["accounts"])),
        (label(KPI, "num.churned", horizon=base.horizon), num(numbers["churned"])),
        (label(KPI, "num.auc"), num(area, 3)),
        *[(label(KPI, f"band.{b}") + " · " + label(KPI, "num.churn_rate"),
           f"{pct(numbers[f'churn_{b}'])} ({num(numbers[f'n_{b}'])})") for _, b in BANDS],
        (label(KPI, "num.at_risk", n=AT_RISK), ", ".join(map(str, at_risk))),
    ]
    weight_text = " + ".join(f"{values[c]}·{_component_label(c)}" for c in names)
    formula = label(KPI, "formula", weights=weight_text,
                    total=num(float(sum(values.values()))), auc=num(area, 3))
    extra = ""
    if previous is not None:
        before = set(previous.figure.get("at_risk", []))
        entered = len([a for a in at_risk if a not in before])
        extra = label(KPI, "why.rerank", n=entered, top=AT_RISK)
    start_text = label(KPI, "start", snapshot=base.snapshot or "—", auc=num(area, 3),
                       horizon=base.horizon)
    text = sentence(KPI, controls(base), values, numbers, previous, "auc",
                    lambda x: num(x, 3), start=start_text, extra=extra)
    figure = {
        "bands": [label(KPI, f"band.{b}") for _, b in BANDS],
        "band_keys": [b for _, b in BANDS],
        "churn_rates": [numbers[f"churn_{b}"] for _, b in BANDS],
        "band_counts": [numbers[f"n_{b}"] for _, b in BANDS],
        "at_risk": at_risk,
        "at_risk_scores": ranked.iloc[:AT_RISK].tolist(),
        "at_risk_churned": churned.reindex(at_risk).tolist(),
    }
    return View(KPI, values, numbers, rows, formula, text, figure, title=label(KPI, "title"),
                caption=label(KPI, "caption"), headline=label(KPI, "num.auc"))
