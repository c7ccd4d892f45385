"""Is a change in NPS, CSAT or CES between two periods real, or noise?

:func:`compare` computes each survey KPI in two periods (``period_a`` then
``period_b``) and the change ``b − a`` with its confidence interval and a
two-sided p-value:

* **NPS** (points): SE of the change = √(SE_a² + SE_b²) with each period's SE
  from :func:`cskit.metrics.nps_interval` (the catalogue's rule); z test.
* **Shares** (CSAT top-2-box, CES agree share): Newcombe's hybrid score
  interval for a difference of two proportions, built from the two Wilson
  intervals (it respects [−1, 1] and covers well for small n); p-value from the
  pooled two-proportion z test.
* **Means** (``stat="mean"``): Welch's t — SE = √(s_a²/n_a + s_b²/n_b),
  Welch–Satterthwaite degrees of freedom.

Groups with fewer than ``small_n`` answers in either period are flagged
``small_sample``; their rows are kept, never hidden. ``significant`` is
``p_value < 1 − confidence``: a monthly report should mark a change only there.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from typing import Any

import numpy as np
import pandas as pd

from cskit._stats import normal_p_value, t_pvalue, t_quantile, wilson_interval
from cskit._stats import z as _z
from cskit._validate import as_datetime, check_frame, check_period, require_columns, to_period
from cskit.errors import EmptyFrameError, InvalidParameterError
from cskit.metrics.ces import ces as _ces
from cskit.metrics.csat import TABLE
from cskit.metrics.csat import csat as _csat
from cskit.metrics.nps import nps as _nps
from cskit.registry import cs_method

KPIS = ("nps", "csat", "ces")
_PERIOD_TEXT = re.compile(r"\d{4}(-\d{1,2}(-\d{1,2})?)?|\d{4}-?[Qq][1-4]")
COLUMNS = [
    "period_a",
    "period_b",
    "method",
    "n_a",
    "n_b",
    "value_a",
    "value_b",
    "ci_low_a",
    "ci_high_a",
    "ci_low_b",
    "ci_high_b",
    "change",
    "se",
    "change_low",
    "change_high",
    "p_value",
    "significant",
    "small_sample",
]


def _as_period(value: object, freq: str, name: str) -> pd.Period:
    try:
        if isinstance(value, pd.Period):
            return value.asfreq(freq)
        if isinstance(value, str) and not _PERIOD_TEXT.fullmatch(value.strip()):
            raise ValueError(value)
        return pd.Period(value.strip() if isinstance(value, str) else value, freq=freq)
    except (ValueError, TypeError):
        raise InvalidParameterError(
            f"{name}={value!r} is not a period; pass it like '2026-10' (period='M'), "
            f"'2026Q3' (period='Q') or a pandas Period."
        ) from None


def _two_sided_z(stat: np.ndarray) -> np.ndarray:
    return np.asarray(normal_p_value(stat), dtype=float)


def _pvalue_z(change: np.ndarray, se: np.ndarray) -> np.ndarray:
    """Two-sided z p-value; 1 when nothing changed and SE is 0, 0 when it did."""
    with np.errstate(invalid="ignore", divide="ignore"):
        stat = change / se
    p = _two_sided_z(np.where(np.isfinite(stat), stat, 0.0))
    p = np.where(se > 0, p, np.where(change == 0, 1.0, 0.0))
    return np.where(np.isnan(change) | np.isnan(se), np.nan, p)


def _nps_change(a: pd.DataFrame, b: pd.DataFrame, z: float) -> dict[str, np.ndarray]:
    change = b["nps"].to_numpy(dtype=float) - a["nps"].to_numpy(dtype=float)
    se = np.sqrt(a["se"].to_numpy(dtype=float) ** 2 + b["se"].to_numpy(dtype=float) ** 2)
    return {
        "value_a": a["nps"].to_numpy(dtype=float),
        "value_b": b["nps"].to_numpy(dtype=float),
        "change": change,
        "se": se,
        "change_low": change - z * se,
        "change_high": change + z * se,
        "p_value": _pvalue_z(change, se),
    }


def _share_change(
    a: pd.DataFrame, b: pd.DataFrame, kpi: str, top: str, level: float
) -> dict[str, np.ndarray]:
    ka, na = a[top].to_numpy(dtype=float), a["n"].to_numpy(dtype=float)
    kb, nb = b[top].to_numpy(dtype=float), b["n"].to_numpy(dtype=float)
    with np.errstate(invalid="ignore", divide="ignore"):
        pa, pb = ka / na, kb / nb
        la, ua = wilson_interval(ka, na, level=level)
        lb, ub = wilson_interval(kb, nb, level=level)
        change = pb - pa
        # Newcombe (1998), method 10: combine the distances to each Wilson limit.
        low = change - np.sqrt((pb - lb) ** 2 + (ua - pa) ** 2)
        high = change + np.sqrt((ub - pb) ** 2 + (pa - la) ** 2)
        se = np.sqrt(pa * (1 - pa) / na + pb * (1 - pb) / nb)
        pooled = (ka + kb) / (na + nb)
        se0 = np.sqrt(pooled * (1 - pooled) * (1 / na + 1 / nb))
    return {
        "value_a": pa,
        "value_b": pb,
        "change": change,
        "se": se,
        "change_low": low,
        "change_high": high,
        "p_value": _pvalue_z(change, se0),
    }


def _mean_change(a: pd.DataFrame, b: pd.DataFrame, kpi: str, level: float) -> dict[str, np.ndarray]:
    ma, mb = a[kpi].to_numpy(dtype=float), b[kpi].to_numpy(dtype=float)
    va = a["sd"].to_numpy(dtype=float) ** 2 / a["n"].to_numpy(dtype=float)
    vb = b["sd"].to_numpy(dtype=float) ** 2 / b["n"].to_numpy(dtype=float)
    change = mb - ma
    with np.errstate(invalid="ignore", divide="ignore"):
        se = np.sqrt(va + vb)
        df = (va + vb) ** 2 / (
            va**2 / (a["n"].to_numpy(dtype=float) - 1) + vb**2 / (b["n"].to_numpy(dtype=float) - 1)
        )
    ok = np.isfinite(df) & (df > 0) & (se > 0)
    tq = t_quantile(0.5 + level / 2.0, np.where(ok, df, np.nan))
    with np.errstate(invalid="ignore", divide="ignore"):
        p = t_pvalue(np.where(ok, change / se, np.nan), np.where(ok, df, np.nan))
    return {
        "value_a": ma,
        "value_b": mb,
        "change": change,
        "se": se,
        "change_low": change - tq * se,
        "change_high": change + tq * se,
        "p_value": p,
    }


def _side(result: pd.DataFrame, when: pd.Period, by: str | None, groups: pd.Index) -> pd.DataFrame:
    """The rows of one period, one per group (all-NaN where the period has no answers)."""
    if by is None:
        return result.reindex(pd.PeriodIndex([when], name="period"))
    flat = result.reset_index()
    flat = flat[flat["period"] == when].drop(columns="period").set_index(by)
    return flat.reindex(groups)


@cs_method()
def compare(
    frame: pd.DataFrame,
    period_a: str | pd.Period,
    period_b: str | pd.Period,
    *,
    kpi: str | Sequence[str] = KPIS,
    period: str = "M",
    by: str | None = None,
    score_col: str = "score",
    submitted_col: str = "submitted_at",
    survey_col: str | None = "survey",
    confidence: float = 0.95,
    small_n: int = 30,
    nps_interval: str = "wald",
    options: Mapping[str, Mapping[str, Any]] | None = None,
) -> pd.DataFrame:
    """Change of NPS, CSAT and CES from ``period_a`` to ``period_b``: interval and p-value.

    Parameters
    ----------
    frame : pandas.DataFrame
        Survey answers (one frame may hold NPS, CSAT and CES answers, told
        apart by the ``survey_col`` column).
    period_a, period_b : str or pandas.Period
        The earlier and the later period, e.g. ``"2026-09"`` and ``"2026-10"``.
    kpi : {"nps", "csat", "ces"} or a sequence of them, default all three
        KPIs that have no answers in ``frame`` are left out when several are
        asked for; a single KPI with no answers raises.
    period : {"M", "Q", "Y"}, default "M"
    by : str, optional
        Segment column: one comparison per segment.
    score_col, submitted_col, survey_col : str
        Column names.
    confidence : float, default 0.95
        Confidence level of every interval; ``significant`` means
        ``p_value < 1 − confidence``.
    small_n : int, default 30
        ``small_sample`` is True when either period has fewer answers.
    nps_interval : {"wald", "adjusted_wald"}, default "wald"
        How each period's NPS standard error is computed.
    options : mapping, optional
        Extra keywords per KPI, e.g. ``{"csat": {"stat": "mean"},
        "ces": {"inverted": True}}`` (see :func:`csat` and :func:`ces`).

    Returns
    -------
    pandas.DataFrame
        Indexed by ``kpi`` (and ``by``), with ``period_a, period_b, method,
        n_a, n_b, value_a, value_b, ci_low_a, ci_high_a, ci_low_b, ci_high_b,
        change, se, change_low, change_high, p_value, significant,
        small_sample``. NPS values are points; shares are fractions; means are
        scores on the survey's scale.

    Examples
    --------
    >>> import pandas as pd, cskit
    >>> answers = pd.DataFrame({
    ...     "submitted_at": pd.to_datetime(["2026-09-10"] * 200 + ["2026-10-10"] * 200),
    ...     "score": [10] * 100 + [8] * 50 + [3] * 50 + [10] * 120 + [8] * 50 + [3] * 30})
    >>> out = answers.cs.compare("2026-09", "2026-10", kpi="nps", survey_col=None)
    >>> out[["value_a", "value_b", "change"]]  # doctest: +NORMALIZE_WHITESPACE
         value_a  value_b  change
    kpi
    nps     25.0     45.0    20.0
    >>> # SE: sqrt(5.863**2 + 5.232**2) = 7.858 points; z = 20 / 7.858 = 2.545
    >>> round(float(out["p_value"].iloc[0]), 4), bool(out["significant"].iloc[0])
    (0.0109, True)
    """
    check_frame(frame, TABLE)
    freq = check_period(period, allowed=("M", "Q", "Y"))
    kpis = [kpi] if isinstance(kpi, str) else list(kpi)
    if not kpis or any(k not in KPIS for k in kpis):
        raise InvalidParameterError(
            f"kpi={kpi!r}: choose among {', '.join(repr(k) for k in KPIS)} (one or several)."
        )
    options = dict(options or {})
    unknown = set(options) - set(KPIS)
    if unknown:
        raise InvalidParameterError(
            f"options has keys {sorted(unknown)}; use 'nps', 'csat' or 'ces' as keys."
        )
    level = confidence
    score, date, survey = score_col, submitted_col, survey_col
    z = _z(level)
    pa = _as_period(period_a, freq, "period_a")
    pb = _as_period(period_b, freq, "period_b")
    if pa == pb:
        raise InvalidParameterError(
            f"period_a and period_b are both {pa}; compare two different periods."
        )
    require_columns(frame, {"submitted_col": date, "score_col": score, "by": by}, TABLE)
    dates = as_datetime(frame, date, TABLE, allow_missing=True)
    periods = to_period(dates, freq)
    in_range = (periods == pa) | (periods == pb)
    if not in_range.any():
        raise EmptyFrameError(
            f"The {TABLE} frame has no answers in {pa} or {pb} (column {date!r} runs from "
            f"{periods.min()} to {periods.max()}). Pick periods inside the data."
        )
    rows = frame.loc[in_range.to_numpy()]
    has_survey = survey is not None and survey in frame.columns
    pieces = []
    for name in kpis:  # at most three KPIs
        if has_survey and len(kpis) > 1 and not (rows[survey] == name).any():
            continue
        keywords = {"period": freq, "by": by, "score_col": score, "submitted_col": date,
                    "survey_col": survey, "confidence": level, **options.get(name, {})}
        keywords.setdefault("small_n", small_n)
        if name == "nps":
            keywords.setdefault("interval", nps_interval)
            result = _nps(rows, **keywords)
            method = keywords["interval"]
        else:
            result = (_csat if name == "csat" else _ces)(rows, **keywords)
            method = result.attrs["stat"]
        groups = (
            pd.Index([], name=by)
            if by is None
            else pd.Index(result.index.get_level_values(by).unique(), name=by).sort_values()
        )
        a = _side(result, pa, by, groups)
        b = _side(result, pb, by, groups)
        if name == "nps":
            parts = _nps_change(a, b, z)
        elif method == "mean":
            parts = _mean_change(a, b, name, level)
        else:
            parts = _share_change(a, b, name, "satisfied" if name == "csat" else "easy", level)
        n_a = a["n"].fillna(0).to_numpy(dtype="int64")
        n_b = b["n"].fillna(0).to_numpy(dtype="int64")
        piece = pd.DataFrame(
            {
                "period_a": pd.PeriodIndex([pa] * len(a), freq=freq),
                "period_b": pd.PeriodIndex([pb] * len(a), freq=freq),
                "method": method,
                "n_a": n_a,
                "n_b": n_b,
                "value_a": parts["value_a"],
                "value_b": parts["value_b"],
                "ci_low_a": a["ci_low"].to_numpy(dtype=float),
                "ci_high_a": a["ci_high"].to_numpy(dtype=float),
                "ci_low_b": b["ci_low"].to_numpy(dtype=float),
                "ci_high_b": b["ci_high"].to_numpy(dtype=float),
                "change": parts["change"],
                "se": parts["se"],
                "change_low": parts["change_low"],
                "change_high": parts["change_high"],
                "p_value": parts["p_value"],
            }
        )
        piece["significant"] = piece["p_value"].to_numpy() < 1.0 - level
        piece["small_sample"] = (n_a < small_n) | (n_b < small_n)
        if by is None:
            piece.index = pd.Index([name], name="kpi")
        else:
            piece.index = pd.MultiIndex.from_arrays(
                [[name] * len(groups), groups], names=["kpi", by]
            )
        pieces.append(piece)
    if not pieces:
        raise EmptyFrameError(
            f"No NPS, CSAT or CES answers in {pa} or {pb}: column {survey!r} has none of "
            f"{', '.join(repr(k) for k in kpis)}. Pass survey_col=None for a frame of one survey."
        )
    out = pd.concat(pieces)
    out.attrs = {"confidence": level, "small_n": small_n}
    return out[COLUMNS]
