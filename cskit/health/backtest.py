"""Checking a health score (or any leading indicator) against churn that happened later."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

import numpy as np
import pandas as pd

from cskit._validate import (
    as_month,
    as_number,
    check_frame,
    check_unique,
    require_columns,
)
from cskit.errors import InvalidParameterError, InvalidValueError
from cskit.health.score import DEFAULT_BANDS, bands
from cskit.metrics._panel import customer_months


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
        (``churn_rate_<band>``, only for components on the 0–100 scale) and
        ``signal``: ``"predicts"`` (AUC ≥ 0.55), ``"weak"`` or ``"reversed"``
        (a higher value comes with more churn) – leave the last two out of the score.
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
    mrr: pd.DataFrame, *, horizon: int = 3, customer_col: str = "customer_id"
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
    p = customer_months(mrr, customer=customer_col)
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
    score_col: str = "score",
    band_col: str | None = "band",
    components: Sequence[str] | None = None,
    higher_is_better: bool = True,
    band_edges: Sequence[tuple[float, str]] = DEFAULT_BANDS,
    by: str | None = None,
    account_col: str = "account_id",
    month_col: str = "month",
    customer_col: str = "customer_id",
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
    score_col, band_col : str
        Columns of ``scores``; ``band_col=None`` (or a missing column) skips the band table.
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
    account_col, month_col, customer_col : str
        Column names (``customer_col`` in ``mrr``).

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
    >>> backtest(s, m, horizon=2, band_col=None)
    Backtest(horizon=2, n=3, churned=1, auc=1.000)
    """
    check_frame(scores, "scores")
    require_columns(
        scores, {"account_col": account_col, "month_col": month_col, "score_col": score_col,
                 "by": by}, "scores"
    )
    s = scores.copy()
    s["_month"] = as_month(scores, month_col, "scores").array
    check_unique(s, [account_col, "_month"], "scores",
                 hint="Score each account once per month (drop or average the duplicates).")
    labels = churn_labels(mrr, horizon=horizon, customer_col=customer_col)
    rows = s.merge(
        labels.rename(columns={"account_id": "_acct", "month": "_month"}),
        left_on=[account_col, "_month"],
        right_on=["_acct", "_month"],
        how="inner",
    )
    if rows.empty:
        raise InvalidValueError(
            f"No scored account-month can be checked: none is a paying month at least {horizon} "
            f"month(s) before the end of the mrr data, for an account id also found in "
            f"mrr[{customer_col!r}]. Score earlier months, or lower horizon."
        )
    sign = 1.0 if higher_is_better else -1.0
    y = rows["churned"].to_numpy(dtype=bool)
    raw = as_number(rows, score_col, "scores", allow_negative=True,
                    allow_missing=True).to_numpy()
    sc = raw * sign
    overall = float(y.mean())

    by_band = pd.DataFrame()
    if band_col is not None and band_col in rows.columns:
        g = rows.groupby(band_col, observed=False, sort=True)["churned"]
        by_band = pd.DataFrame({"accounts": g.size(), "churned": g.sum().astype(np.int64)})
        by_band["churn_rate"] = by_band["churned"] / by_band["accounts"].where(
            by_band["accounts"] > 0
        )
        by_band["lift"] = by_band["churn_rate"] / overall if overall > 0 else np.nan

    if components is None:
        skip = {account_col, month_col, score_col, band_col, by, "_month", "_acct", "churned",
                "churn_month"}
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

    keep = [account_col, "_month", score_col, "churned", "churn_month"] + ([by] if by else [])
    out_rows = rows[keep].rename(columns={"_month": month_col})
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
    out["signal"] = signal_of(out["auc"])
    return out


#: A component whose AUC alone is below this does not earn a place in the score.
MIN_AUC = 0.55


def signal_of(values: pd.Series | np.ndarray, min_auc: float = MIN_AUC) -> np.ndarray:
    """``"predicts"`` (AUC ≥ ``min_auc``), ``"reversed"`` (≤ 1 − ``min_auc``) or ``"weak"``.

    A reversed component points the wrong way: a higher value comes with *more*
    churn. NaN AUC (no churner or no stayer) is ``"weak"``.

    Examples
    --------
    >>> from cskit.health.backtest import signal_of
    >>> signal_of([0.70, 0.52, 0.40]).tolist()
    ['predicts', 'weak', 'reversed']
    """
    a = np.asarray(values, dtype="float64")
    return np.select([a >= min_auc, a <= 1 - min_auc], ["predicts", "reversed"], "weak")


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


