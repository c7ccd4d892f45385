"""Fitting health-score weights and band cut-offs on past months, judged on later ones.

A score tuned and checked on the same months always looks good. :func:`calibrate`
splits time instead: the last ``test_months`` months whose outcome is known
are the *judged* months; everything it fits – which components count, their
weights, the band cut-offs – comes from the data up to the month before the
first judged month, and only the account-months whose churn horizon ends by
then. The judged months are scored with the fitted score and backtested
against churn that happened after them (out-of-time).

Weights are fitted by a plain search: every split of ``1 ÷ step`` points over the
components that predict churn on the past months (AUC ≥ ``min_auc`` alone), and
the split whose score ranks the past churners lowest (highest AUC) wins; ties
go to the most even split. The search is small (66 splits for three
components at ``step=0.1``) and its answer reads as "6 : 3 : 1".

Band cut-offs come from the past scores: a chosen share of account-months in
red and in yellow (``red_share``, ``yellow_share``), or, with ``red_risk``, the
highest score below which the past churn rate still reached that level.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from itertools import combinations
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd

from cskit._validate import as_month, check_frame, require_columns
from cskit.errors import InvalidParameterError, InvalidValueError
from cskit.health.backtest import MIN_AUC, backtest, churn_labels, signal_of
from cskit.health.score import DEFAULT_COMPONENTS, Component, health_score

__all__ = ["Calibration", "calibrate", "load_calibration"]

_FORMAT = "cskit.health.calibration/1"
_BAND_COLUMNS = ["accounts", "share", "churned", "churn_rate"]


@dataclass(frozen=True)
class Calibration:
    """A fitted health score and how it did on the months it was fitted on and on later ones.

    Attributes
    ----------
    components : tuple of Component
        The components with their fitted weights (0 = left out: see ``fit``).
    band_edges : tuple of (upper bound, label)
        Fitted cut-offs, for :func:`~cskit.health.health_score`'s ``band_edges``.
    horizon : int
        Months after a scored month in which a churn counts.
    by : str or None
        Segment column that ``"percentile"`` components are ranked within.
    fit_months, test_months : tuple of str
        First and last scored month used to fit, and judged on.
    data_end : str
        The last month of data the fit saw (the month before the first judged one).
    auc_fit, auc_test : float
        AUC of the fitted score on the fitted months and on the judged months.
    bands_fit, bands_test : pandas.DataFrame
        Per band: ``accounts, share, churned, churn_rate``.
    fit : pandas.DataFrame
        Per component: ``weight, auc_fit`` (alone, on the fitted months) and
        ``signal`` (``"predicts"``, ``"weak"`` or ``"reversed"``).
    """

    components: tuple[Component, ...]
    band_edges: tuple[tuple[float, str], ...]
    horizon: int
    by: str | None
    fit_months: tuple[str, str]
    test_months: tuple[str, str]
    data_end: str
    auc_fit: float
    auc_test: float
    bands_fit: pd.DataFrame = field(repr=False)
    bands_test: pd.DataFrame = field(repr=False)
    fit: pd.DataFrame = field(repr=False)

    def __repr__(self) -> str:
        weights = ", ".join(f"{c.name}={c.weight:g}" for c in self.components)
        return (
            f"Calibration({weights}; fitted {self.fit_months[0]}–{self.fit_months[1]} "
            f"auc={self.auc_fit:.3f}; judged {self.test_months[0]}–{self.test_months[1]} "
            f"auc={self.auc_test:.3f})"
        )

    def score(self, inputs: pd.DataFrame, **kwargs: Any) -> pd.DataFrame:
        """:func:`~cskit.health.health_score` of ``inputs`` with the fitted components and bands."""
        kwargs.setdefault("by", self.by)
        return health_score(inputs, components=self.components, band_edges=self.band_edges,
                            **kwargs)

    def summary(self) -> pd.DataFrame:
        """One row per part (fitted months, judged months): months, AUC, share and churn by band."""
        rows = {}
        for part, months, area, table in (
            ("fit", self.fit_months, self.auc_fit, self.bands_fit),
            ("test", self.test_months, self.auc_test, self.bands_test),
        ):
            row: dict[str, object] = {"first_month": months[0], "last_month": months[1],
                                      "account_months": int(table["accounts"].sum()),
                                      "auc": area}
            for band in table.index:
                row[f"share_{band}"] = float(table.loc[band, "share"])
            for band in table.index:
                row[f"churn_rate_{band}"] = float(table.loc[band, "churn_rate"])
            rows[part] = row
        return pd.DataFrame.from_dict(rows, orient="index")

    def to_dict(self) -> dict[str, Any]:
        """Plain JSON-ready content (what :meth:`save` writes)."""
        def table(t: pd.DataFrame) -> dict[str, dict[str, float]]:
            return {str(b): {c: _plain(t.loc[b, c]) for c in _BAND_COLUMNS} for b in t.index}

        return {
            "format": _FORMAT,
            "horizon": self.horizon,
            "by": self.by,
            "components": [
                {k: v for k, v in c.__dict__.items() if v is not None} for c in self.components
            ],
            "band_edges": [[float(u), str(lab)] for u, lab in self.band_edges],
            "checked": {
                "fit_months": list(self.fit_months),
                "test_months": list(self.test_months),
                "data_end": self.data_end,
                "auc_fit": _plain(self.auc_fit),
                "auc_test": _plain(self.auc_test),
                "bands_fit": table(self.bands_fit),
                "bands_test": table(self.bands_test),
                "fit": {str(n): {"weight": _plain(r["weight"]), "auc_fit": _plain(r["auc_fit"]),
                                 "signal": str(r["signal"])} for n, r in self.fit.iterrows()},
            },
        }

    def save(self, path: str | Path) -> Path:
        """Write the calibration to a small JSON file; :func:`load_calibration` reads it back."""
        target = Path(path)
        target.write_text(json.dumps(self.to_dict(), indent=2, ensure_ascii=False) + "\n",
                          encoding="utf-8")
        return target


def _plain(value: object) -> object:
    """A NumPy scalar as a JSON number (NaN as None)."""
    if isinstance(value, (np.integer, int)) and not isinstance(value, bool):
        return int(value)
    v = float(value)  # type: ignore[arg-type]
    return None if not np.isfinite(v) else v


def load_calibration(path: str | Path) -> Calibration:
    """Read a calibration written by :meth:`Calibration.save`.

    Examples
    --------
    See :func:`calibrate`.
    """
    source = Path(path)
    if not source.is_file():
        raise InvalidParameterError(
            f"No health calibration at {str(source)!r}; write one with "
            f"cskit.health.calibrate(...).save(path)."
        )
    try:
        d = json.loads(source.read_text(encoding="utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise InvalidValueError(f"{str(source)!r} is not a JSON file ({exc}).") from None
    if not isinstance(d, dict) or d.get("format") != _FORMAT:
        raise InvalidValueError(
            f"{str(source)!r} is not a cskit health calibration (expected \"format\": "
            f"{_FORMAT!r}); write one with cskit.health.calibrate(...).save(path)."
        )
    checked = d["checked"]

    def table(t: dict[str, dict[str, float]]) -> pd.DataFrame:
        out = pd.DataFrame.from_dict(t, orient="index", columns=_BAND_COLUMNS).astype("float64")
        out[["accounts", "churned"]] = out[["accounts", "churned"]].astype(np.int64)
        out.index = pd.Index(out.index, dtype=object, name="band")
        return out

    fit = pd.DataFrame.from_dict(checked["fit"], orient="index")
    fit.index.name = "component"
    fit[["weight", "auc_fit"]] = fit[["weight", "auc_fit"]].astype("float64")

    def nan(v: object) -> float:
        return float("nan") if v is None else float(v)  # type: ignore[arg-type]

    return Calibration(
        components=tuple(Component(**c) for c in d["components"]),
        band_edges=tuple((float(u), str(lab)) for u, lab in d["band_edges"]),
        horizon=int(d["horizon"]),
        by=d.get("by"),
        fit_months=tuple(checked["fit_months"]),  # type: ignore[arg-type]
        test_months=tuple(checked["test_months"]),  # type: ignore[arg-type]
        data_end=str(checked["data_end"]),
        auc_fit=nan(checked["auc_fit"]),
        auc_test=nan(checked["auc_test"]),
        bands_fit=table(checked["bands_fit"]),
        bands_test=table(checked["bands_test"]),
        fit=fit,
    )


# --------------------------------------------------------------------------- fitting
def _splits(k: int, points: int) -> np.ndarray:
    """Every way to share ``points`` whole points among ``k`` parts (stars and bars)."""
    bars = np.array(list(combinations(range(points + k - 1), k - 1)), dtype=np.int64)
    bars = bars.reshape(len(bars), k - 1)
    edges = np.hstack([np.full((len(bars), 1), -1), bars, np.full((len(bars), 1), points + k - 1)])
    return np.diff(edges, axis=1) - 1


def _auc_columns(scores: np.ndarray, churned: np.ndarray) -> np.ndarray:
    """AUC (higher score = healthier) of each column of ``scores``; NaN scores dropped."""
    ranks = pd.DataFrame(scores).rank(method="average").to_numpy()
    valid = ~np.isnan(scores)
    pos = valid & churned[:, None]
    n1 = pos.sum(axis=0)
    n0 = valid.sum(axis=0) - n1
    r1 = np.where(pos, ranks, 0.0).sum(axis=0)
    with np.errstate(invalid="ignore", divide="ignore"):
        out = 1.0 - (r1 - n1 * (n1 + 1) / 2.0) / (n1 * n0)
    return np.where((n1 > 0) & (n0 > 0), out, np.nan)


def _best_weights(x: np.ndarray, churned: np.ndarray, points: int) -> np.ndarray:
    """The split of ``points`` over the columns of ``x`` (0–100, NaN = missing) with the best AUC."""
    k = x.shape[1]
    if k == 1:
        return np.array([points], dtype=np.int64)
    splits = _splits(k, points)
    present = ~np.isnan(x)
    filled = np.where(present, x, 0.0)
    best: list[np.ndarray] = []
    for start in range(0, len(splits), 256):  # blocks of candidate weightings, not rows
        w = splits[start:start + 256].T.astype("float64")
        den = present @ w
        with np.errstate(invalid="ignore", divide="ignore"):
            s = np.where(den > 0, (filled @ w) / np.where(den > 0, den, 1.0), np.nan)
        best.append(_auc_columns(s, churned))
    aucs = np.concatenate(best)
    top = np.nanmax(aucs)
    candidates = np.flatnonzero(aucs >= top - 1e-12)
    evenness = (splits[candidates] ** 2).sum(axis=1)
    return splits[candidates[np.argmin(evenness)]]


def _cutoffs(
    score: np.ndarray, churned: np.ndarray, red_share: float, yellow_share: float,
    red_risk: float | None,
) -> tuple[float, float]:
    """Upper bounds of red and yellow from the fitted months' scores."""
    ok = ~np.isnan(score)
    s, y = score[ok], churned[ok]
    if red_risk is None:
        red = float(np.quantile(s, red_share))
    else:
        order = np.argsort(s, kind="stable")
        ss, yy = s[order], y[order]
        rate = np.cumsum(yy) / np.arange(1, len(ss) + 1)
        last = np.r_[ss[1:] != ss[:-1], True]  # rate once every tie of a score is in
        reach = last & (rate >= red_risk)
        if not reach.any():
            raise InvalidValueError(
                f"red_risk={red_risk}: no score cut-off reaches that churn rate on the fitted "
                f"months (the lowest-scored account-months churned at "
                f"{rate[last][:1].max() if last.any() else float('nan'):.1%} at most). "
                f"Lower red_risk, or use red_share."
            )
        red = float(ss[np.flatnonzero(reach).max()])
        red_share = float((s <= red).mean())
    yellow = float(np.quantile(s, min(red_share + yellow_share, 1.0)))
    red, yellow = round(red, 1), min(round(yellow, 1), 99.9)  # green keeps 100
    if yellow <= red:
        yellow = round(red + 0.1, 1)
    return red, yellow


def _band_table(bt_by_band: pd.DataFrame) -> pd.DataFrame:
    t = bt_by_band[["accounts", "churned", "churn_rate"]].copy()
    t["share"] = t["accounts"] / t["accounts"].sum()
    t.index = pd.Index(t.index.astype(str), dtype=object, name="band")
    return t[_BAND_COLUMNS]


def calibrate(
    inputs: pd.DataFrame,
    mrr: pd.DataFrame,
    *,
    components: Sequence[Component] = DEFAULT_COMPONENTS,
    horizon: int = 3,
    test_months: int = 6,
    red_share: float = 0.2,
    yellow_share: float = 0.3,
    red_risk: float | None = None,
    step: float = 0.1,
    min_auc: float = MIN_AUC,
    by: str | None = None,
    account_col: str = "account_id",
    month_col: str = "month",
    customer_col: str = "customer_id",
) -> Calibration:
    """Fit weights and band cut-offs on past months; judge them on later months only.

    Parameters
    ----------
    inputs : pandas.DataFrame
        Raw signals per account and month (e.g. :func:`~cskit.health.health_inputs`).
    mrr : pandas.DataFrame
        The ``mrr`` frame churn is read from.
    components : list of Component
        Candidates: how each signal is normalised (their weights are ignored:
        they are what is fitted).
    horizon : int, default 3
        Months after a scored month in which a churn counts.
    test_months : int, default 6
        The last ``test_months`` months whose outcome is known are judged; the
        fit uses only data up to the month before the first of them.
    red_share, yellow_share : float, default 0.2 and 0.3
        Share of the fitted account-months put in red, and in yellow.
    red_risk : float, optional
        Instead of ``red_share``: red holds the lowest scores down to the
        highest cut-off at which the fitted months' churn rate reached this level.
    step : float, default 0.1
        Resolution of the weights (as shares of the total).
    min_auc : float, default 0.55
        A component whose AUC alone on the fitted months is below this gets weight 0.
    by : str, optional
        Segment column of ``inputs`` for ``"percentile"`` components.
    account_col, month_col, customer_col : str
        Column names (``customer_col`` in ``mrr``).

    Returns
    -------
    Calibration

    Examples
    --------
    Ten accounts over twelve months: ``a`` tells churners from stayers, ``b``
    is noise. Churners (``c0``–``c3``) leave after month 8.

    >>> import numpy as np, pandas as pd
    >>> from cskit.health import Component, calibrate
    >>> ids = [f"c{i}" for i in range(4)] + [f"s{i}" for i in range(6)]
    >>> months = pd.period_range("2026-01", periods=12, freq="M")
    >>> grid = pd.MultiIndex.from_product([ids, months], names=["account_id", "month"])
    >>> x = grid.to_frame(index=False)
    >>> x["a"] = np.where(x["account_id"].str[0] == "c", 2.0, 8.0) + x.index % 3
    >>> x["b"] = (x.index * 7) % 10
    >>> m = x.assign(customer_id=x["account_id"], mrr=10.0)
    >>> m = m[(m["account_id"].str[0] == "s") | (m["month"] <= months[4])]
    >>> cal = calibrate(x, m, components=[Component("a", low=0, high=10),
    ...                 Component("b", low=0, high=10)], horizon=1, test_months=2)
    >>> [(c.name, c.weight) for c in cal.components]
    [('a', 1.0), ('b', 0.0)]
    >>> cal.fit["signal"].tolist()
    ['predicts', 'weak']
    """
    check_frame(inputs, "health inputs")
    comps = list(components)
    if not comps or not all(isinstance(c, Component) for c in comps):
        raise InvalidParameterError(
            "components must be a non-empty list of cskit.health.Component, e.g. "
            "cskit.health.DEFAULT_COMPONENTS."
        )
    require_columns(inputs, {"account_col": account_col, "month_col": month_col, "by": by},
                    "health inputs")
    for name, value, low, high in (("red_share", red_share, 0.0, 1.0),
                                   ("yellow_share", yellow_share, 0.0, 1.0),
                                   ("step", step, 0.0, 1.0), ("min_auc", min_auc, 0.0, 1.0)):
        if not isinstance(value, (int, float)) or not low < float(value) < high:
            raise InvalidParameterError(f"{name}={value!r} must be a number between {low} and "
                                        f"{high} (exclusive).")
    if red_risk is not None and not 0.0 < float(red_risk) < 1.0:
        raise InvalidParameterError(f"red_risk={red_risk!r} must be a churn rate between 0 and 1.")
    if red_share + yellow_share >= 1.0:
        raise InvalidParameterError(
            f"red_share + yellow_share = {red_share + yellow_share:g} leaves no green band; "
            f"keep their sum below 1."
        )
    if isinstance(test_months, bool) or not isinstance(test_months, (int, np.integer)) \
            or test_months < 1:
        raise InvalidParameterError(f"test_months={test_months!r} must be a whole number >= 1.")
    points = int(round(1.0 / step))

    # checks mrr and horizon
    labels = churn_labels(mrr, horizon=horizon, customer_col=customer_col)
    if labels.empty:
        raise InvalidValueError(
            f"The mrr data is too short to know any churn {horizon} month(s) ahead."
        )
    last_known = labels["month"].max()  # last month whose outcome is known
    first_test = last_known - (test_months - 1)
    data_end = first_test - 1  # the fit sees nothing after this month
    in_months = as_month(inputs, month_col, "health inputs")
    mrr_months = as_month(mrr, "month", "mrr")

    past = inputs.loc[(in_months <= data_end - horizon).to_numpy()]
    past_mrr = mrr.loc[(mrr_months <= data_end).to_numpy()]
    judged = inputs.loc[((in_months >= first_test) & (in_months <= last_known)).to_numpy()]
    if past.empty or judged.empty:
        raise InvalidValueError(
            f"Not enough months to fit and judge: the judged months are {first_test}–"
            f"{last_known} and the fit needs scored months up to {data_end - horizon} with "
            f"{horizon} month(s) of outcome after them (inputs run "
            f"{in_months.min()}–{in_months.max()}). Lower test_months or horizon, or give "
            f"more history."
        )

    unit = [replace(c, weight=1.0) for c in comps]
    past_scores = health_score(past, components=unit, by=by, account_col=account_col,
                               month_col=month_col)
    names = [c.name for c in comps]
    fit_bt = backtest(past_scores, past_mrr, horizon=horizon, band_col=None, components=names,
                      account_col=account_col, month_col=month_col, customer_col=customer_col)
    alone = fit_bt.components["auc"]
    signal = pd.Series(signal_of(alone, min_auc), index=alone.index)
    keep = [n for n in names if signal[n] == "predicts"]
    if not keep:
        raise InvalidValueError(
            f"No component predicts churn on the fitted months (AUC alone: "
            f"{alone.round(3).to_dict()}; min_auc={min_auc}). Check the inputs, or give other "
            f"components."
        )
    rows = fit_bt.rows[[account_col, month_col, "churned"]].merge(
        past_scores[[account_col, month_col, *keep]], on=[account_col, month_col], how="left"
    )
    churned = rows["churned"].to_numpy(dtype=bool)
    best = _best_weights(rows[keep].to_numpy(dtype="float64"), churned, points)
    weights = dict.fromkeys(names, 0.0) | {n: float(w) / points for n, w in zip(keep, best,
                                                                                 strict=True)}
    # weights as shares of 1, written with as many decimals as the step has
    decimals = max(0, int(np.ceil(-np.log10(step) - 1e-9)))
    fitted = tuple(replace(c, weight=round(weights[c.name], decimals)) for c in comps)

    def scored(frame: pd.DataFrame) -> pd.DataFrame:
        return health_score(frame, components=fitted, by=by, account_col=account_col,
                            month_col=month_col)

    past_fitted = scored(past)
    s = past_fitted.set_index([account_col, month_col])["score"]
    fit_scores = s.reindex(pd.MultiIndex.from_frame(rows[[account_col, month_col]])).to_numpy()
    red, yellow = _cutoffs(fit_scores, churned, red_share, yellow_share, red_risk)
    edges = ((red, "red"), (yellow, "yellow"), (100.0, "green"))

    def check(frame: pd.DataFrame, money: pd.DataFrame):
        out = health_score(frame, components=fitted, band_edges=edges, by=by,
                           account_col=account_col, month_col=month_col)
        return backtest(out, money, horizon=horizon, components=[], band_edges=edges,
                        account_col=account_col, month_col=month_col, customer_col=customer_col)

    on_fit = check(past, past_mrr)
    on_test = check(judged, mrr)
    fit_table = pd.DataFrame({"weight": [c.weight for c in fitted], "auc_fit": alone.to_numpy(),
                              "signal": signal.to_numpy()},
                             index=pd.Index(names, name="component"))
    span = on_fit.rows[month_col]
    return Calibration(
        components=fitted,
        band_edges=edges,
        horizon=int(horizon),
        by=by,
        fit_months=(str(span.min()), str(span.max())),
        test_months=(str(first_test), str(last_known)),
        data_end=str(data_end),
        auc_fit=on_fit.auc,
        auc_test=on_test.auc,
        bands_fit=_band_table(on_fit.by_band),
        bands_test=_band_table(on_test.by_band),
        fit=fit_table,
    )
