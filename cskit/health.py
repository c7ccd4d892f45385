"""Customer health score, checked against churn that happened later.

A health score turns several signals about an account into one number from 0
to 100 (the 16-KPI article: frequency, breadth and depth of use, plus growth;
CS platforms add NPS, support load and more). cskit builds it in three steps,
each replaceable:

1. **Inputs** – one row per account and month with one column per signal,
   using only data up to the end of that month (:func:`health_inputs`).
2. **Normalise** each signal to 0–100 (:class:`Component`):

   * ``"linear"`` – ``low`` ↦ 0, ``high`` ↦ 100, straight line between, clipped
     outside (``higher_is_better=False`` flips it: ``low`` ↦ 100, ``high`` ↦ 0).
   * ``"percentile"`` – the account's rank among the accounts of the same month,
     0 = lowest, 100 = highest (ties share their average rank). Relative: half
     the base is always below 50, however healthy the base is.
   * ``"grade"`` – good / average / poor by two thresholds, scored 100 / 60 / 0
     by default (the ``grades`` mapping changes the points).

3. **Combine**: score = Σ wᵢxᵢ ÷ Σ wᵢ over the components the account has a
   value for (a missing NPS does not count as 0 unless ``missing=0``), then
   **bands**: ≤ 50 red, ≤ 75 yellow, above green by default (0–50 / 51–75 /
   76–100 for whole scores; a fractional 50.4 is yellow), or
   :data:`GRADE_BANDS` for poor / average / good.

A score is only useful if it predicts churn. :func:`backtest` checks it (or
any leading indicator) against churn in the ``horizon`` months *after* each
scored month — features of month m, label = churn in m+1 … m+horizon, so no
outcome leaks into the score: AUC, churn rate by band, the same per component
and a lift table by decile — the "check and replace" loop of the KPI-setting
article.

:class:`KPI` and :func:`kpi_tree` declare a KPI with its sub-KPIs (e.g. churn
← first-login rate, stickiness) and compute the whole tree into a tidy frame.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field

import numpy as np
import pandas as pd

from cskit._validate import (
    as_datetime,
    as_month,
    as_number,
    check_choice,
    check_frame,
    check_unique,
    require_columns,
)
from cskit.errors import InvalidParameterError, InvalidValueError
from cskit.metrics._panel import customer_months
from cskit.registry import cs_method

__all__ = [
    "Backtest",
    "Component",
    "DEFAULT_BANDS",
    "DEFAULT_COMPONENTS",
    "DEFAULT_GRADES",
    "GRADE_BANDS",
    "KPI",
    "auc",
    "backtest",
    "band_changes",
    "bands",
    "churn_labels",
    "health_inputs",
    "health_score",
    "kpi_tree",
    "normalise",
    "weighted_score",
]

#: Upper bounds (inclusive) of each band, lowest first; the last band takes the rest.
DEFAULT_BANDS: tuple[tuple[float, str], ...] = ((50.0, "red"), (75.0, "yellow"), (100.0, "green"))
#: The same cut points labelled as grades.
GRADE_BANDS: tuple[tuple[float, str], ...] = ((50.0, "poor"), (75.0, "average"), (100.0, "good"))
#: Points of the good / average / poor grades.
DEFAULT_GRADES: Mapping[str, float] = {"good": 100.0, "average": 60.0, "poor": 0.0}


@dataclass(frozen=True)
class Component:
    """One signal of the health score and how it becomes 0–100.

    Parameters
    ----------
    name : str
        Column of the inputs frame.
    weight : float, default 1.0
        Weight wᵢ in Σ wᵢxᵢ ÷ Σ wᵢ (0 keeps the component in the output
        without letting it move the score).
    method : {"linear", "percentile", "grade"}, default "linear"
    low, high : float
        ``"linear"``: the values scored 0 and 100 (reversed when
        ``higher_is_better`` is False).
    good, average : float
        ``"grade"``: at or beyond ``good`` is good, at or beyond ``average`` is
        average, the rest is poor ("beyond" = above, or below when lower is better).
    higher_is_better : bool, default True
    """

    name: str
    weight: float = 1.0
    method: str = "linear"
    low: float | None = None
    high: float | None = None
    good: float | None = None
    average: float | None = None
    higher_is_better: bool = True

    def __post_init__(self) -> None:
        if not isinstance(self.name, str) or not self.name:
            raise InvalidParameterError(f"Component name must be a column name, got {self.name!r}.")
        check_choice("method", self.method, ("linear", "percentile", "grade"))
        weight = float(self.weight)
        if not np.isfinite(weight) or weight < 0:
            raise InvalidParameterError(
                f"Component {self.name!r}: weight={self.weight!r} must be a number >= 0."
            )
        if self.method == "linear" and (
            self.low is None or self.high is None or self.low >= self.high
        ):
            raise InvalidParameterError(
                f"Component {self.name!r}: method='linear' needs low < high (the values scored "
                f"0 and 100), e.g. Component({self.name!r}, low=0, high=20)."
            )
        if self.method == "grade":
            if self.good is None or self.average is None:
                raise InvalidParameterError(
                    f"Component {self.name!r}: method='grade' needs good= and average= "
                    f"thresholds, e.g. Component({self.name!r}, method='grade', good=9, average=7)."
                )
            ordered = (
                self.good >= self.average if self.higher_is_better else self.good <= self.average
            )
            if not ordered:
                raise InvalidParameterError(
                    f"Component {self.name!r}: good={self.good} must be beyond "
                    f"average={self.average} ({'above' if self.higher_is_better else 'below'} "
                    f"it, as higher_is_better={self.higher_is_better})."
                )


#: The components :func:`health_inputs` produces, with common starting thresholds
#: (check them with :func:`backtest` before trusting them: notebook 08 does).
DEFAULT_COMPONENTS: tuple[Component, ...] = (
    Component("frequency", weight=2, low=0, high=20),  # active days in the month
    Component("breadth", weight=2, low=0, high=0.8),  # share of seats active
    Component("depth", weight=1, low=0, high=1),  # share of key features used
    Component("mrr_growth", weight=1, low=-0.3, high=0.3),  # MRR vs 3 months earlier
    Component("nps", weight=1, method="grade", good=9, average=7),  # mean answer, 0-10
    Component("tickets", weight=1, low=0, high=6, higher_is_better=False),  # last 3 months
)


# --------------------------------------------------------------------------- normalising
def normalise(
    values: pd.Series,
    component: Component,
    *,
    groups: pd.Series | np.ndarray | None = None,
    grades: Mapping[str, float] = DEFAULT_GRADES,
) -> pd.Series:
    """Map raw values to 0–100 as ``component`` says (NaN stays NaN).

    ``groups`` (e.g. the month) limits ``"percentile"`` ranks to each group.

    Examples
    --------
    >>> import pandas as pd
    >>> from cskit.health import Component, normalise
    >>> normalise(pd.Series([0, 5, 10, 40]), Component("frequency", low=0, high=20)).tolist()
    [0.0, 25.0, 50.0, 100.0]
    >>> normalise(pd.Series([10, 8, 3]), Component("nps", method="grade", good=9, average=7)).tolist()
    [100.0, 60.0, 0.0]
    >>> normalise(pd.Series([3, 1, 2]), Component("x", method="percentile")).tolist()
    [100.0, 0.0, 50.0]
    """
    x = pd.Series(np.asarray(values, dtype="float64"), index=values.index)
    if component.method == "linear":
        frac = ((x - component.low) / (component.high - component.low)).clip(0.0, 1.0)
        if not component.higher_is_better:
            frac = 1.0 - frac
        return frac * 100.0
    if component.method == "percentile":
        key = np.zeros(len(x), dtype=np.int64) if groups is None else np.asarray(groups)
        signed = x if component.higher_is_better else -x
        g = signed.groupby(key, sort=False)
        rank = g.rank(method="average")
        n = g.transform("count")
        return ((rank - 1) / (n - 1)).where(n > 1, 0.5).where(x.notna()) * 100.0
    missing = [k for k in ("good", "average", "poor") if k not in grades]
    if missing:
        raise InvalidParameterError(
            f"grades= lacks {', '.join(missing)}; give points for good, average and poor."
        )
    points = [float(grades[k]) for k in ("good", "average", "poor")]
    if any(not 0 <= p <= 100 for p in points):
        raise InvalidParameterError(f"grades= points must lie in 0–100, got {dict(grades)}.")
    if component.higher_is_better:
        good, avg = x >= component.good, x >= component.average
    else:
        good, avg = x <= component.good, x <= component.average
    out = np.where(good, points[0], np.where(avg, points[1], points[2]))
    return pd.Series(out, index=x.index, dtype="float64").where(x.notna())


def weighted_score(
    scores: pd.DataFrame, weights: Mapping[str, float] | None = None, *, missing: str | float = "skip"
) -> pd.Series:
    """Σ wᵢxᵢ ÷ Σ wᵢ across the columns of ``scores`` (each already 0–100).

    Parameters
    ----------
    scores : pandas.DataFrame
        One column per component, values 0–100 (NaN = no value).
    weights : mapping, optional
        Weight per column (default 1 each); columns without a weight are left out.
    missing : "skip" or float, default "skip"
        ``"skip"`` leaves a missing component out of both sums (the weights of
        the others are scaled up); a number is used in its place (0 = treat
        "no data" as the worst). A row with no component at all is NaN.

    Examples
    --------
    Five metrics good (100), three average (60), two poor (40) — the grades of
    the catalogue's worked example: (5·100 + 3·60 + 2·40) ÷ 10 = 76.

    >>> import pandas as pd
    >>> from cskit.health import weighted_score
    >>> grades = pd.DataFrame([[100] * 5 + [60] * 3 + [40] * 2])
    >>> float(weighted_score(grades).iloc[0])
    76.0
    """
    w = pd.Series(
        {c: 1.0 for c in scores.columns} if weights is None else dict(weights), dtype="float64"
    )
    unknown = [c for c in w.index if c not in scores.columns]
    if unknown:
        raise InvalidParameterError(
            f"weights name columns that are not scores: {', '.join(map(str, unknown))}."
        )
    if (~np.isfinite(w) | (w < 0)).any():
        raise InvalidParameterError(f"weights must be numbers >= 0, got {dict(w)}.")
    x = scores[list(w.index)].astype("float64")
    bad = (x < 0) | (x > 100)
    if bad.any().any():
        col = bad.any()[bad.any()].index[0]
        raise InvalidValueError(
            f"Component scores must lie in 0–100; column {col!r} has "
            f"{x.loc[bad[col], col].head(5).tolist()}. Normalise the raw values first "
            f"(cskit.health.normalise or health_score)."
        )
    if missing != "skip":
        fill = float(missing)
        if not 0 <= fill <= 100:
            raise InvalidParameterError(f"missing={missing!r} must be 'skip' or a score in 0–100.")
        x = x.fillna(fill)
    present = x.notna().to_numpy()
    wv = w.to_numpy()
    num = np.nansum(x.to_numpy() * wv, axis=1)
    den = (present * wv).sum(axis=1)
    with np.errstate(invalid="ignore", divide="ignore"):
        out = np.where(den > 0, num / np.where(den > 0, den, 1), np.nan)
    return pd.Series(np.clip(out, 0.0, 100.0), index=scores.index, name="score")


def bands(score: pd.Series, band_edges: Sequence[tuple[float, str]] = DEFAULT_BANDS) -> pd.Series:
    """Band label of each score: the first band whose upper bound is ≥ the score.

    The last band takes everything above the one before it (its bound is only
    a label). NaN scores get no band.

    Examples
    --------
    >>> import pandas as pd
    >>> from cskit.health import GRADE_BANDS, bands
    >>> bands(pd.Series([0, 50, 50.4, 75, 76, 100])).tolist()
    ['red', 'red', 'yellow', 'yellow', 'green', 'green']
    >>> bands(pd.Series([40, 90]), GRADE_BANDS).tolist()
    ['poor', 'good']
    """
    edges_in = list(band_edges)
    if not edges_in:
        raise InvalidParameterError("band_edges is empty; give (upper bound, label) pairs.")
    uppers = [float(u) for u, _ in edges_in]
    labels = [str(lab) for _, lab in edges_in]
    if any(b <= a for a, b in zip(uppers, uppers[1:], strict=False)):
        raise InvalidParameterError(
            "band_edges must be given lowest first with increasing upper bounds, e.g. "
            "((50, 'red'), (75, 'yellow'), (100, 'green'))."
        )
    if len(set(labels)) != len(labels):
        raise InvalidParameterError(f"band_edges repeats a label: {labels}.")
    edges = [-np.inf] + uppers[:-1] + [np.inf]
    cat = pd.cut(pd.Series(score, dtype="float64"), bins=edges, labels=labels, right=True)
    return cat.astype(pd.CategoricalDtype(labels, ordered=True))


# --------------------------------------------------------------------------- inputs
def health_inputs(
    events: pd.DataFrame,
    accounts: pd.DataFrame,
    mrr: pd.DataFrame,
    *,
    surveys: pd.DataFrame | None = None,
    tickets: pd.DataFrame | None = None,
    key_features: Sequence[str] | None = None,
    active: object = None,
    growth_months: int = 3,
    nps_months: int = 6,
    ticket_months: int = 3,
    start: str | pd.Period | None = None,
    end: str | pd.Period | None = None,
) -> pd.DataFrame:
    """Raw health signals per paying account and month, from data up to that month's end.

    Columns (one row per account with MRR > 0 in the month):

    * ``frequency`` – active days in the month (0 without events);
    * ``breadth`` – active users in the month ÷ seats (NaN when the account's
      seats are unknown);
    * ``depth`` – share of ``key_features`` used in the month (NaN without key features);
    * ``mrr_growth`` – MRR ÷ MRR ``growth_months`` earlier − 1 (NaN if not a
      customer then);
    * ``nps`` – the account's mean NPS answer (0–10) over the last ``nps_months``
      months, this one included (NaN without answers);
    * ``tickets`` – tickets opened in the last ``ticket_months`` months, this
      one included (NaN without a tickets frame).

    Nothing after the month is used, so the score of month m can be checked
    against churn after m without look-ahead.

    Parameters
    ----------
    events, accounts, mrr, surveys, tickets : pandas.DataFrame
        Frames with the data contract's default column names (``mrr`` uses
        ``customer_id``, equal to ``accounts.account_id``).
    key_features : list of str, optional
        Events that count for depth.
    active : optional
        What counts as activity for frequency and breadth (see
        :func:`cskit.metrics.usage`).
    growth_months, nps_months, ticket_months : int
        Look-back lengths in months.
    start, end : month-like, optional
        First and last month returned.

    Returns
    -------
    pandas.DataFrame
        ``account_id, month`` (Period[M]), ``mrr`` and the signal columns.

    Examples
    --------
    >>> import cskit
    >>> from cskit.health import health_inputs
    >>> c = cskit.datasets.load_sample()
    >>> x = health_inputs(c.events, c.accounts, c.mrr, surveys=c.surveys, tickets=c.tickets,
    ...                   key_features=["create_report", "export"], start="2026-10")
    >>> x.columns.tolist()
    ['account_id', 'month', 'mrr', 'mrr_growth', 'frequency', 'breadth', 'depth', 'nps', 'tickets']
    >>> bool((x["month"] == x["month"].max()).all())
    True
    """
    from cskit.metrics.usage import _seats, usage

    for name, value in (("growth_months", growth_months), ("nps_months", nps_months),
                        ("ticket_months", ticket_months)):
        if isinstance(value, bool) or not isinstance(value, (int, np.integer)) or value < 1:
            raise InvalidParameterError(f"{name}={value!r} must be a whole number of months >= 1.")
    p = customer_months(mrr)
    base = pd.DataFrame(
        {
            "account_id": p.customers[p.customer].to_numpy(),
            "month": pd.PeriodIndex.from_ordinals(p.month, freq="M"),
            "mrr": p.mrr,
        }
    )
    before = base.assign(month=base["month"] + growth_months).rename(columns={"mrr": "_before"})
    base = base.merge(before, on=["account_id", "month"], how="left")
    base["mrr_growth"] = base["mrr"] / base.pop("_before") - 1.0

    u = usage(events, period="M", level="account", key_features=key_features, active=active)
    u = u.reset_index().rename(columns={"period": "month"})
    cols = ["active_days", "active_users"] + (["depth"] if key_features is not None else [])
    base = base.merge(u[["account_id", "month", *cols]], on=["account_id", "month"], how="left")
    base["frequency"] = base.pop("active_days").fillna(0.0)
    seats = _seats(accounts, "account_id", "seats")
    base["breadth"] = base.pop("active_users").fillna(0.0) / base["account_id"].map(seats)
    depth = base.pop("depth").fillna(0.0) if key_features is not None else np.nan
    base["depth"] = depth

    base["nps"] = _recent(base, surveys, "submitted_at", nps_months, "mean", survey="nps")
    base["tickets"] = _recent(base, tickets, "created_at", ticket_months, "count")
    if start is not None:
        base = base[base["month"] >= pd.Period(start, "M")]
    if end is not None:
        base = base[base["month"] <= pd.Period(end, "M")]
    return base.sort_values(["month", "account_id"]).reset_index(drop=True)


def _recent(
    base: pd.DataFrame,
    frame: pd.DataFrame | None,
    date: str,
    months: int,
    how: str,
    survey: str | None = None,
) -> pd.Series:
    """Per base row: mean score or count of the account's rows in the last ``months`` months.

    Each (account, month) total is spread over the ``months`` months in which it
    is "recent" (``np.repeat``), then summed per (account, month): no loop.
    """
    if frame is None:
        return pd.Series(np.nan, index=base.index)
    table = "surveys" if survey else "tickets"
    check_frame(frame, table)
    require_columns(frame, {"account": "account_id", "date": date}, table)
    f = frame
    if survey is not None:
        require_columns(frame, {"score": "score", "survey": "survey"}, table)
        f = frame.loc[frame["survey"] == survey]
    when = as_datetime(f, date, table).dt.to_period("M")
    value = (
        as_number(f, "score", table) if survey is not None else pd.Series(1.0, index=f.index)
    )
    m = pd.DataFrame(
        {"account_id": f["account_id"].to_numpy(), "month": when.array, "v": value.to_numpy()}
    )
    agg = m.groupby(["account_id", "month"]).agg(s=("v", "sum"), n=("v", "size")).reset_index()
    spread = agg.loc[agg.index.repeat(months)].reset_index(drop=True)
    spread["month"] = spread["month"] + np.tile(np.arange(months), len(agg))
    spread = spread.groupby(["account_id", "month"])[["s", "n"]].sum()
    got = spread.reindex(pd.MultiIndex.from_arrays([base["account_id"], base["month"]]))
    if how == "count":
        return pd.Series(got["n"].fillna(0.0).to_numpy(), index=base.index)
    return pd.Series((got["s"] / got["n"]).to_numpy(), index=base.index)


# --------------------------------------------------------------------------- score
@cs_method(kpi="Customer health score", table="health inputs", requires=("account_id", "month"))
def health_score(
    frame: pd.DataFrame,
    *,
    components: Sequence[Component] = DEFAULT_COMPONENTS,
    band_edges: Sequence[tuple[float, str]] = DEFAULT_BANDS,
    grades: Mapping[str, float] = DEFAULT_GRADES,
    missing: str | float = "skip",
    by: str | None = None,
    account: str = "account_id",
    month: str = "month",
) -> pd.DataFrame:
    """Health score 0–100 and band per account and month from raw signals.

    Parameters
    ----------
    frame : pandas.DataFrame
        One row per account and month with one column per component (e.g. from
        :func:`health_inputs`).
    components : list of Component
        What to use, how to normalise it and its weight.
    band_edges : list of (upper bound, label), lowest first
        Default ≤ 50 red, ≤ 75 yellow, else green; :data:`GRADE_BANDS` for
        poor / average / good.
    grades : mapping, default good 100 / average 60 / poor 0
        Points of the grades for ``method="grade"`` components.
    missing : "skip" or float, default "skip"
        See :func:`weighted_score`.
    by : str, optional
        A segment column: ``"percentile"`` components are then ranked within
        each month *and segment* (an Enterprise account opens more tickets than
        a one-seat account without being less healthy); carried to the output.
    account, month : str
        Column names.

    Returns
    -------
    pandas.DataFrame
        ``account, month`` (and ``by``), one ``<component>`` column per
        component with its 0–100 score, ``score`` and ``band`` (ordered categorical).

    Examples
    --------
    Account a: frequency 20 → 100, no tickets → 100: score 100. Account b:
    frequency 4 → 20 (weight 3), 6 tickets → 0: (3·20 + 0) ÷ 4 = 15.

    >>> import pandas as pd, cskit
    >>> from cskit.health import Component, health_score
    >>> inputs = pd.DataFrame({"account_id": ["a", "b"], "month": ["2026-10"] * 2,
    ...                        "frequency": [20, 4], "tickets": [0, 6]})
    >>> parts = [Component("frequency", weight=3, low=0, high=20),
    ...          Component("tickets", low=0, high=6, higher_is_better=False)]
    >>> health_score(inputs, components=parts)[["account_id", "score", "band"]]
      account_id  score   band
    0          a  100.0  green
    1          b   15.0    red
    """
    check_frame(frame, "health inputs")
    comps = list(components)
    if not comps or not all(isinstance(c, Component) for c in comps):
        raise InvalidParameterError(
            "components must be a non-empty list of cskit.health.Component, e.g. "
            "[Component('frequency', low=0, high=20)]."
        )
    names = [c.name for c in comps]
    if len(set(names)) != len(names):
        raise InvalidParameterError("Two components share a name; give each column once.")
    reserved = {account, month, "score", "band", by} & set(names)
    if reserved:
        raise InvalidParameterError(f"A component cannot be called {sorted(reserved)}.")
    require_columns(
        frame, {"account": account, "month": month, "by": by, **{n: n for n in names}},
        "health inputs",
    )
    months = as_month(frame, month, "health inputs")
    out = pd.DataFrame(
        {account: frame[account].to_numpy(), month: months.array}, index=frame.index
    )
    groups = pd.factorize(months)[0]
    if by is not None:
        out[by] = frame[by].to_numpy()
        seg = pd.factorize(frame[by], use_na_sentinel=False)[0]
        groups = groups * (int(seg.max()) + 1) + seg
    for c in comps:
        raw = as_number(frame, c.name, "health inputs", allow_negative=True, allow_missing=True)
        out[c.name] = normalise(raw, c, groups=groups, grades=grades)
    out["score"] = weighted_score(out[names], {c.name: c.weight for c in comps}, missing=missing)
    out["band"] = bands(out["score"], band_edges)
    return out.reset_index(drop=True)


def band_changes(
    scores: pd.DataFrame,
    month: str | pd.Period,
    *,
    to: str | None = None,
    account: str = "account_id",
    month_col: str = "month",
) -> pd.DataFrame:
    """Accounts whose band in ``month`` differs from the month before (e.g. ``to="red"``).

    Returns ``account, previous_band, band, previous_score, score, change``
    sorted by score; accounts new this month have ``previous_band`` NaN.

    Examples
    --------
    >>> import pandas as pd
    >>> from cskit.health import band_changes, bands
    >>> s = pd.DataFrame({"account_id": ["a", "b", "a", "b"],
    ...     "month": pd.PeriodIndex(["2026-09", "2026-09", "2026-10", "2026-10"], freq="M"),
    ...     "score": [80.0, 60.0, 40.0, 62.0]})
    >>> s["band"] = bands(s["score"])
    >>> band_changes(s, "2026-10", to="red")[["account_id", "previous_band", "band"]]
      account_id previous_band band
    0          a         green  red
    """
    check_frame(scores, "scores")
    require_columns(
        scores, {"account": account, "month_col": month_col, "score": "score", "band": "band"},
        "scores",
    )
    m = pd.Period(month, "M")
    months = as_month(scores, month_col, "scores")
    cur = scores.loc[(months == m).to_numpy(), [account, "score", "band"]]
    prev = scores.loc[(months == m - 1).to_numpy(), [account, "score", "band"]]
    j = cur.merge(prev, on=account, how="left", suffixes=("", "_prev"))
    j = j.rename(columns={"score_prev": "previous_score", "band_prev": "previous_band"})
    changed = j["band"].astype(str) != j["previous_band"].astype(str)
    j = j.loc[changed]
    if to is not None:
        j = j.loc[j["band"].astype(str) == to]
    j["change"] = j["score"] - j["previous_score"]
    cols = [account, "previous_band", "band", "previous_score", "score", "change"]
    return j[cols].sort_values("score").reset_index(drop=True)


# --------------------------------------------------------------------------- backtest
def _auc_by(score: np.ndarray, churned: np.ndarray, group: np.ndarray | None = None) -> pd.DataFrame:
    """``n, churned, auc`` per group (one row when ``group`` is None), NaN scores dropped.

    AUC from average ranks within each group (Mann–Whitney), all groups at once.
    """
    g = np.zeros(len(score), dtype=np.int64) if group is None else np.asarray(group)
    d = pd.DataFrame({"g": g, "s": np.asarray(score, dtype="float64"),
                      "y": np.asarray(churned, dtype=bool)})
    d = d.loc[d["s"].notna()]
    d["r"] = d.groupby("g", sort=False)["s"].rank(method="average")
    grouped = d.groupby("g", sort=True)
    n = grouped.size()
    n1 = grouped["y"].sum()
    r1 = d["r"].where(d["y"], 0.0).groupby(d["g"], sort=True).sum()
    n0 = n - n1
    u = r1 - n1 * (n1 + 1) / 2.0  # pairs where the churner scored higher (+ ½ per tie)
    with np.errstate(invalid="ignore", divide="ignore"):
        value = (1.0 - u / (n1 * n0)).where((n1 > 0) & (n0 > 0))
    return pd.DataFrame({"n": n.astype(np.int64), "churned": n1.astype(np.int64), "auc": value})


def auc(score: pd.Series | np.ndarray, churned: pd.Series | np.ndarray) -> float:
    """Probability that a random churner scored *lower* than a random stayer (ties ½).

    Mann–Whitney U from average ranks: with R₁ the rank sum of the n₁
    churners and n₀ stayers, U = R₁ − n₁(n₁+1)/2 counts the pairs where the
    churner scored higher, so AUC = 1 − U ÷ (n₁·n₀). 0.5 = no signal, 1 =
    every churner scored below every stayer, below 0.5 = the score points the
    wrong way. NaN scores are dropped; NaN when there is no churner or no stayer.

    Examples
    --------
    >>> from cskit.health import auc
    >>> auc([10, 20, 30, 40], [True, True, False, False])
    1.0
    >>> auc([10, 20, 30, 40], [True, False, True, False])
    0.75
    """
    s = np.asarray(score, dtype="float64")
    y = np.asarray(churned, dtype=bool)
    if len(s) != len(y):
        raise InvalidParameterError(
            f"score and churned differ in length ({len(s)} vs {len(y)}); pass aligned values."
        )
    if len(s) == 0:
        return float("nan")
    return float(_auc_by(s, y)["auc"].iloc[0]) if np.isfinite(s).any() else float("nan")


@dataclass(frozen=True)
class Backtest:
    """What :func:`backtest` found.

    Attributes
    ----------
    horizon : int
        Months after the scored month in which churn counted.
    n, churned : int
        Account-months scored, and how many churned within the horizon.
    auc : float
        Discrimination of the score (see :func:`auc`).
    by_band : pandas.DataFrame
        Per band: ``accounts, churned, churn_rate, lift``.
    components : pandas.DataFrame
        Per component: ``n, auc`` and the churn rate in its own bands
        (``churn_rate_<band>``, only for components on the 0–100 scale).
    lift : pandas.DataFrame
        Per decile of the score (1 = least healthy): ``accounts, churned,
        churn_rate, lift, min_score, max_score``.
    by_month : pandas.DataFrame
        Per scored month: ``accounts, churned, churn_rate, auc``.
    rows : pandas.DataFrame
        The labelled account-months (``account, month, score, churned, churn_month``).
    by_group : pandas.DataFrame
        With ``by=``: per segment ``accounts, churned, churn_rate, auc`` (does the
        score rank accounts *within* a segment, or only tell segments apart?).
    """

    horizon: int
    n: int
    churned: int
    auc: float
    by_band: pd.DataFrame
    components: pd.DataFrame
    lift: pd.DataFrame
    by_month: pd.DataFrame
    rows: pd.DataFrame = field(repr=False)
    by_group: pd.DataFrame = field(default_factory=pd.DataFrame, repr=False)

    @property
    def churn_rate(self) -> float:
        """Share of the scored account-months that churned within the horizon."""
        return self.churned / self.n if self.n else float("nan")

    def __repr__(self) -> str:
        return (
            f"Backtest(horizon={self.horizon}, n={self.n}, churned={self.churned}, "
            f"auc={self.auc:.3f})"
        )


def churn_labels(
    mrr: pd.DataFrame, *, horizon: int = 3, customer: str = "customer_id"
) -> pd.DataFrame:
    """For each paying account-month m: did the account churn in months m+1 … m+horizon?

    Churn = the first month without MRR after a paying month. Months whose
    horizon reaches past the last month of the data are left out (their
    outcome is not known yet).

    Returns ``account_id, month, churned, churn_month``.

    Examples
    --------
    a pays January to March (its churn month is April); b pays January to June.

    >>> import pandas as pd
    >>> from cskit.health import churn_labels
    >>> m = pd.DataFrame({"customer_id": ["a"] * 3 + ["b"] * 6,
    ...     "month": ["2026-01", "2026-02", "2026-03"] + [f"2026-0{i}" for i in range(1, 7)],
    ...     "mrr": [10.0] * 9})
    >>> churn_labels(m, horizon=2)
      account_id    month  churned churn_month
    0          a  2026-01    False     2026-04
    1          a  2026-02     True     2026-04
    2          a  2026-03     True     2026-04
    3          b  2026-01    False         NaT
    4          b  2026-02    False         NaT
    5          b  2026-03    False         NaT
    6          b  2026-04    False         NaT
    """
    if isinstance(horizon, bool) or not isinstance(horizon, (int, np.integer)) or horizon < 1:
        raise InvalidParameterError(f"horizon={horizon!r} must be a whole number of months >= 1.")
    p = customer_months(mrr, customer=customer)
    cust, mon = p.customer, p.month
    n = len(mon)
    # last row of each run of consecutive months, found from the end (reverse running minimum)
    run_break = np.ones(n, dtype=bool)
    if n > 1:
        run_break[:-1] = (cust[1:] != cust[:-1]) | (mon[1:] != mon[:-1] + 1)
    idx = np.where(run_break, np.arange(n), n)
    run_end_idx = np.minimum.accumulate(idx[::-1])[::-1]
    churn_month = mon[run_end_idx] + 1  # first month without MRR
    churned_known = churn_month <= p.last  # a churn inside the data
    churned = churned_known & (churn_month <= mon + horizon)
    known = mon + horizon <= p.last
    cm = pd.Series(pd.PeriodIndex.from_ordinals(churn_month, freq="M")).where(churned_known)
    out = pd.DataFrame(
        {
            "account_id": p.customers[cust].to_numpy(),
            "month": pd.PeriodIndex.from_ordinals(mon, freq="M"),
            "churned": churned,
            "churn_month": cm.to_numpy(),
        }
    )
    return out.loc[known].reset_index(drop=True)


def backtest(
    scores: pd.DataFrame,
    mrr: pd.DataFrame,
    *,
    horizon: int = 3,
    score: str = "score",
    band: str | None = "band",
    components: Sequence[str] | None = None,
    higher_is_better: bool = True,
    band_edges: Sequence[tuple[float, str]] = DEFAULT_BANDS,
    by: str | None = None,
    account: str = "account_id",
    month: str = "month",
    customer: str = "customer_id",
) -> Backtest:
    """Check a health score (or any leading indicator) against later churn.

    Each (account, month m) row is labelled *churned* when the account's
    first month without MRR after m falls in m+1 … m+``horizon``. Rows of
    accounts not paying in m, and months whose horizon passes the end of the
    data, are left out. Only the future is used for the label; that the score
    itself uses no data after m is the score builder's job
    (:func:`health_inputs` keeps to it).

    Parameters
    ----------
    scores : pandas.DataFrame
        ``account, month, score`` (e.g. from :func:`health_score`), one row per
        account and month.
    mrr : pandas.DataFrame
        The ``mrr`` frame churn is read from.
    horizon : int, default 3
        Months after the scored month in which a churn counts.
    score, band : str
        Columns of ``scores``; ``band=None`` (or a missing column) skips the band table.
    components : list of str, optional
        Component columns to check one by one (higher = healthier). Default:
        every other numeric column.
    higher_is_better : bool, default True
        False for a risk indicator (e.g. ticket count): AUC and deciles are
        then computed on the negated values, so 1.0 still means "perfect".
    band_edges : list of (upper bound, label)
        Bands of the per-component churn rates.
    by : str, optional
        A segment column of ``scores``: adds the AUC within each segment
        (``Backtest.by_group``).
    account, month, customer : str
        Column names (``customer`` in ``mrr``).

    Returns
    -------
    Backtest

    Examples
    --------
    a churns in March (within 2 months of January), b and c stay; a had the
    lowest score, so every churner scored below every stayer: AUC 1.

    >>> import pandas as pd
    >>> from cskit.health import backtest
    >>> m = pd.DataFrame({"customer_id": ["a"] * 2 + ["b"] * 4 + ["c"] * 4,
    ...     "month": ["2026-01", "2026-02"] + ["2026-01", "2026-02", "2026-03", "2026-04"] * 2,
    ...     "mrr": 10.0})
    >>> s = pd.DataFrame({"account_id": ["a", "b", "c"], "month": ["2026-01"] * 3,
    ...                   "score": [20.0, 90.0, 70.0]})
    >>> backtest(s, m, horizon=2, band=None)
    Backtest(horizon=2, n=3, churned=1, auc=1.000)
    """
    check_frame(scores, "scores")
    require_columns(
        scores, {"account": account, "month": month, "score": score, "by": by}, "scores"
    )
    s = scores.copy()
    s["_month"] = as_month(scores, month, "scores").array
    check_unique(s, [account, "_month"], "scores",
                 hint="Score each account once per month (drop or average the duplicates).")
    labels = churn_labels(mrr, horizon=horizon, customer=customer)
    rows = s.merge(
        labels.rename(columns={"account_id": "_acct", "month": "_month"}),
        left_on=[account, "_month"],
        right_on=["_acct", "_month"],
        how="inner",
    )
    if rows.empty:
        raise InvalidValueError(
            f"No scored account-month can be checked: none is a paying month at least {horizon} "
            f"month(s) before the end of the mrr data, for an account id also found in "
            f"mrr[{customer!r}]. Score earlier months, or lower horizon."
        )
    sign = 1.0 if higher_is_better else -1.0
    y = rows["churned"].to_numpy(dtype=bool)
    raw = as_number(rows, score, "scores", allow_negative=True, allow_missing=True).to_numpy()
    sc = raw * sign
    overall = float(y.mean())

    by_band = pd.DataFrame()
    if band is not None and band in rows.columns:
        g = rows.groupby(band, observed=False, sort=True)["churned"]
        by_band = pd.DataFrame({"accounts": g.size(), "churned": g.sum().astype(np.int64)})
        by_band["churn_rate"] = by_band["churned"] / by_band["accounts"].where(
            by_band["accounts"] > 0
        )
        by_band["lift"] = by_band["churn_rate"] / overall if overall > 0 else np.nan

    if components is None:
        skip = {account, month, score, band, by, "_month", "_acct", "churned", "churn_month"}
        components = [
            c for c in scores.columns
            if c not in skip
            and pd.api.types.is_numeric_dtype(scores[c])
            and not pd.api.types.is_bool_dtype(scores[c])
        ]
    comp = _components(rows, list(components), y, band_edges)

    lift = _lift(sc, raw, y, overall)

    month_codes, month_index = pd.factorize(rows["_month"], sort=True)
    bm = _auc_by(sc, y, month_codes)
    counts = np.bincount(month_codes, minlength=len(month_index))
    churned_m = np.bincount(month_codes, weights=y, minlength=len(month_index)).astype(np.int64)
    by_month = pd.DataFrame(
        {"accounts": counts, "churned": churned_m, "churn_rate": churned_m / counts,
         "auc": bm["auc"].reindex(range(len(month_index))).to_numpy()},
        index=pd.PeriodIndex(month_index, name="month"),
    )

    by_group = pd.DataFrame()
    if by is not None:
        gcodes, glabels = pd.factorize(rows[by], sort=True, use_na_sentinel=False)
        res = _auc_by(sc, y, gcodes).reindex(range(len(glabels)))
        sizes = np.bincount(gcodes, minlength=len(glabels))
        churned_g = np.bincount(gcodes, weights=y, minlength=len(glabels)).astype(np.int64)
        by_group = pd.DataFrame(
            {"accounts": sizes, "churned": churned_g, "churn_rate": churned_g / sizes,
             "auc": res["auc"].to_numpy()},
            index=pd.Index(glabels, name=by),
        )

    keep = [account, "_month", score, "churned", "churn_month"] + ([by] if by else [])
    out_rows = rows[keep].rename(columns={"_month": month})
    return Backtest(
        horizon=int(horizon),
        n=len(rows),
        churned=int(y.sum()),
        auc=float(_auc_by(sc, y)["auc"].iloc[0]) if np.isfinite(sc).any() else float("nan"),
        by_band=by_band,
        components=comp,
        lift=lift,
        by_month=by_month,
        rows=out_rows,
        by_group=by_group,
    )


def _components(
    rows: pd.DataFrame, names: list[str], y: np.ndarray, band_edges: Sequence[tuple[float, str]]
) -> pd.DataFrame:
    """AUC and churn rate by band of each component column, all components at once."""
    if not names:
        return pd.DataFrame()
    missing = [c for c in names if c not in rows.columns]
    if missing:
        raise InvalidParameterError(
            f"components name columns that are not in the scores frame: {', '.join(missing)}."
        )
    values = np.column_stack(
        [as_number(rows, c, "scores", allow_negative=True, allow_missing=True).to_numpy()
         for c in names]  # one column per component (a handful), not per row
    )
    which = np.repeat(np.arange(len(names)), len(rows))
    flat = values.T.ravel()
    yy = np.tile(y, len(names))
    res = _auc_by(flat, yy, which).reindex(range(len(names)))
    out = pd.DataFrame(
        {"n": res["n"].fillna(0).astype(np.int64).to_numpy(), "auc": res["auc"].to_numpy()},
        index=pd.Index(names, name="component"),
    )
    scaled = np.nanmin(values, axis=0, initial=np.inf) >= 0
    scaled &= np.nanmax(values, axis=0, initial=-np.inf) <= 100
    b = bands(pd.Series(flat), band_edges)
    known = b.notna().to_numpy()
    rates = (
        pd.DataFrame({"c": which[known], "b": b[known].to_numpy(), "y": yy[known]})
        .groupby(["c", "b"], observed=False)["y"].mean().unstack("b")
        .reindex(range(len(names)))
    )
    for lab in b.cat.categories:
        col = rates[lab].to_numpy() if lab in rates.columns else np.full(len(names), np.nan)
        out[f"churn_rate_{lab}"] = np.where(scaled, col, np.nan)
    return out


def _lift(sc: np.ndarray, raw: np.ndarray, y: np.ndarray, overall: float) -> pd.DataFrame:
    """Churn by decile of the (signed) score, 1 = least healthy."""
    valid = np.isfinite(sc)
    nv = int(valid.sum())
    cols = ["accounts", "churned", "churn_rate", "lift", "min_score", "max_score"]
    if nv == 0:
        return pd.DataFrame(columns=cols)
    order = pd.Series(sc[valid]).rank(method="first").to_numpy()
    dec = np.clip(np.ceil(order * 10 / nv), 1, 10).astype(np.int64)
    lt = pd.DataFrame({"decile": dec, "churned": y[valid], "score": raw[valid]})
    g = lt.groupby("decile")
    lift = pd.DataFrame(
        {
            "accounts": g.size(),
            "churned": g["churned"].sum().astype(np.int64),
            "min_score": g["score"].min(),
            "max_score": g["score"].max(),
        }
    )
    lift["churn_rate"] = lift["churned"] / lift["accounts"]
    lift["lift"] = lift["churn_rate"] / overall if overall > 0 else np.nan
    return lift[cols]


# --------------------------------------------------------------------------- KPI tree
@dataclass
class KPI:
    """A KPI with the sub-KPIs that drive it (the KPI-setting article's structure).

    Parameters
    ----------
    name : str
        Short name, e.g. ``"churn"``.
    compute : callable, optional
        ``compute(data) -> pandas.Series`` indexed by period (or a float), where
        ``data`` is whatever :func:`kpi_tree` is given (e.g. the sample company).
    children : list of KPI
        Sub-KPIs.
    better : {"up", "down"}, default "up"
        Which direction is good (churn: "down").
    label : str, optional
        Text shown instead of the name.
    """

    name: str
    compute: Callable[[object], pd.Series | float] | None = None
    children: list[KPI] = field(default_factory=list)
    better: str = "up"
    label: str | None = None

    def walk(
        self, parent: str | None = None, level: int = 0
    ) -> Iterator[tuple[KPI, str | None, int]]:
        """Yield (kpi, parent name, depth) for the node and all its descendants, depth-first."""
        yield self, parent, level
        for child in self.children:
            yield from child.walk(self.name, level + 1)


def kpi_tree(root: KPI, data: object) -> pd.DataFrame:
    """Compute every KPI of a tree into a tidy frame.

    Returns one row per KPI and period: ``kpi, label, parent`` (missing for the
    root), ``level, better, period, value`` (``period`` is None for single
    numbers; KPIs without ``compute`` appear once with a NaN value, as headings).

    Examples
    --------
    >>> import pandas as pd
    >>> from cskit.health import KPI, kpi_tree
    >>> tree = KPI("churn", lambda d: d["churn"], better="down",
    ...            children=[KPI("first_login", lambda d: d["login"])])
    >>> kpi_tree(tree, {"churn": 0.03, "login": 0.8})[["kpi", "parent", "level", "value"]]
               kpi parent  level  value
    0        churn    NaN      0   0.03
    1  first_login  churn      1   0.80
    """
    if not isinstance(root, KPI):
        raise InvalidParameterError("kpi_tree needs a KPI as its root, e.g. KPI('churn', ...).")
    rows = []
    seen: set[str] = set()
    for node, parent, level in root.walk():  # walks KPIs (a handful), not rows
        if node.name in seen:
            raise InvalidParameterError(f"KPI name {node.name!r} appears twice in the tree.")
        seen.add(node.name)
        check_choice("better", node.better, ("up", "down"))
        meta = {"kpi": node.name, "label": node.label or node.name, "parent": parent,
                "level": level, "better": node.better}
        value = node.compute(data) if node.compute is not None else np.nan
        if isinstance(value, pd.DataFrame):
            raise InvalidParameterError(
                f"KPI {node.name!r}: compute must return a Series or a number, not a DataFrame; "
                f"select the column, e.g. lambda d: ...['churn_rate']."
            )
        if isinstance(value, pd.Series):
            rows.extend({**meta, "period": p, "value": float(v)} for p, v in value.items())
        else:
            rows.append({**meta, "period": None, "value": float(value)})
    return pd.DataFrame(rows, columns=["kpi", "label", "parent", "level", "better", "period",
                                       "value"])
