"""Health score: components normalised to 0–100, the weighted mean and its bands."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

import numpy as np
import pandas as pd

from cskit._validate import (
    as_month,
    as_number,
    check_choice,
    check_frame,
    require_columns,
)
from cskit.errors import InvalidParameterError, InvalidValueError
from cskit.registry import cs_method

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


#: The default score: three signals every CS team has, on absolute scales.
#:
#: The rule that picks them (notebook 08 checks it on the sample company):
#:
#: * **a signal every account has, with one meaning in every company**: active
#:   days in the month (``frequency``, from events), the NPS answers (``nps``,
#:   graded by NPS's own promoter ≥ 9 / passive ≥ 7 / detractor cut) and the
#:   support load (``tickets`` in the last three months, fewer is better);
#: * **absolute scales, not ranks**: a ``"percentile"`` component puts half of
#:   the accounts below 50 whatever their health, so a fixed share is always
#:   red; on absolute scales the red share says how healthy the base is;
#: * **usage counts double**: it is the one signal measured every month for
#:   every account (NPS answers are sparse, tickets are noisy).
#:
#: Left out (see :data:`OTHER_COMPONENTS`): ``breadth`` (active users ÷ seats
#: depends on what the seats field counts: contracted seats are often far above
#: users, and a large account looks "unhealthy"), ``depth`` (needs the company's
#: own list of key features) and ``mrr_growth`` (moves with price changes and
#: contract dates more than with health). Add them back when
#: :func:`backtest` or :func:`calibrate` shows they predict churn on your data;
#: both flag components whose AUC is near 0.5 or below.
DEFAULT_COMPONENTS: tuple[Component, ...] = (
    Component("frequency", weight=2, low=0, high=10),  # active days in the month
    Component("nps", weight=1, method="grade", good=9, average=7),  # mean answer, 0-10
    Component("tickets", weight=1, low=0, high=6, higher_is_better=False),  # last 3 months
)

#: The other signals of :func:`health_inputs`, with starting thresholds, for
#: ``components=DEFAULT_COMPONENTS + OTHER_COMPONENTS`` once checked.
OTHER_COMPONENTS: tuple[Component, ...] = (
    Component("breadth", weight=1, low=0, high=0.8),  # share of seats active
    Component("depth", weight=1, low=0, high=1),  # share of key features used
    Component("mrr_growth", weight=1, low=-0.3, high=0.3),  # MRR vs 3 months earlier
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
    scores: pd.DataFrame, weights: Mapping[str, float] | None = None, *,
    on_invalid: str | float = "skip",
) -> pd.Series:
    """Σ wᵢxᵢ ÷ Σ wᵢ across the columns of ``scores`` (each already 0–100).

    Parameters
    ----------
    scores : pandas.DataFrame
        One column per component, values 0–100 (NaN = no value).
    weights : mapping, optional
        Weight per column (default 1 each); columns without a weight are left out.
    on_invalid : "skip" or float, default "skip"
        What a missing (NaN) component counts for. ``"skip"`` leaves it out of
        both sums (the weights of the others are scaled up); a number 0–100 is
        used in its place (0 = treat "no data" as the worst). A row with no
        component at all is NaN.

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
    if on_invalid != "skip":
        try:
            fill = float(on_invalid)
        except (TypeError, ValueError):
            fill = float("nan")
        if not 0 <= fill <= 100:
            raise InvalidParameterError(
                f"on_invalid={on_invalid!r} must be 'skip' or a score in 0–100 (e.g. 0 to "
                f"count a missing component as the worst)."
            )
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


# --------------------------------------------------------------------------- score
@cs_method(kpi="Customer health score", table="health inputs", requires=("account_id", "month"))
def health_score(
    frame: pd.DataFrame,
    *,
    components: Sequence[Component] = DEFAULT_COMPONENTS,
    band_edges: Sequence[tuple[float, str]] = DEFAULT_BANDS,
    grades: Mapping[str, float] = DEFAULT_GRADES,
    on_invalid: str | float = "skip",
    by: str | None = None,
    account_col: str = "account_id",
    month_col: str = "month",
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
    on_invalid : "skip" or float, default "skip"
        A missing component: left out (``"skip"``) or counted as this score
        (0–100); see :func:`weighted_score`.
    by : str, optional
        A segment column: ``"percentile"`` components are then ranked within
        each month *and segment* (an Enterprise account opens more tickets than
        a one-seat account without being less healthy); carried to the output.
    account_col, month_col : str
        Column names.

    Returns
    -------
    pandas.DataFrame
        ``account_id, month`` (named as in the input; and ``by``), one ``<component>`` column per
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
    reserved = {account_col, month_col, "score", "band", by} & set(names)
    if reserved:
        raise InvalidParameterError(f"A component cannot be called {sorted(reserved)}.")
    require_columns(
        frame, {"account_col": account_col, "month_col": month_col, "by": by,
                **{n: n for n in names}},
        "health inputs",
    )
    months = as_month(frame, month_col, "health inputs")
    out = pd.DataFrame(
        {account_col: frame[account_col].to_numpy(), month_col: months.array}, index=frame.index
    )
    groups = pd.factorize(months)[0]
    if by is not None:
        out[by] = frame[by].to_numpy()
        seg = pd.factorize(frame[by], use_na_sentinel=False)[0]
        groups = groups * (int(seg.max()) + 1) + seg
    for c in comps:
        raw = as_number(frame, c.name, "health inputs", allow_negative=True, allow_missing=True)
        out[c.name] = normalise(raw, c, groups=groups, grades=grades)
    out["score"] = weighted_score(out[names], {c.name: c.weight for c in comps},
                                  on_invalid=on_invalid)
    out["band"] = bands(out["score"], band_edges)
    return out.reset_index(drop=True)


def band_changes(
    scores: pd.DataFrame,
    month: str | pd.Period,
    *,
    to: str | None = None,
    account_col: str = "account_id",
    month_col: str = "month",
) -> pd.DataFrame:
    """Accounts whose band in ``month`` differs from the month before (e.g. ``to="red"``).

    ``month`` is the report month; ``account_col`` and ``month_col`` name the columns.
    Returns ``account_id, previous_band, band, previous_score, score, change``
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
        scores, {"account_col": account_col, "month_col": month_col, "score": "score",
                 "band": "band"},
        "scores",
    )
    m = pd.Period(month, "M")
    months = as_month(scores, month_col, "scores")
    cur = scores.loc[(months == m).to_numpy(), [account_col, "score", "band"]]
    prev = scores.loc[(months == m - 1).to_numpy(), [account_col, "score", "band"]]
    j = cur.merge(prev, on=account_col, how="left", suffixes=("", "_prev"))
    j = j.rename(columns={"score_prev": "previous_score", "band_prev": "previous_band"})
    changed = j["band"].astype(str) != j["previous_band"].astype(str)
    j = j.loc[changed]
    if to is not None:
        j = j.loc[j["band"].astype(str) == to]
    j["change"] = j["score"] - j["previous_score"]
    cols = [account_col, "previous_band", "band", "previous_score", "score", "change"]
    return j[cols].sort_values("score").reset_index(drop=True)


