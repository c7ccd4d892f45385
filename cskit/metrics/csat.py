"""Customer satisfaction (CSAT), and the interval arithmetic of scale surveys.

CSAT asks "How satisfied were you with …?" on a 1–5 scale (1 = very
dissatisfied … 5 = very satisfied). The usual score is the **top-2-box share**:
answers of 4 or 5 ÷ all answers (a fraction here: 0.80 = 80 %). Some teams
report the **mean score** instead; the two are not comparable, so the statistic (``stat=``) is
a parameter and the result says which one it holds.

Intervals (every number comes with one):

* top-box share → **Wilson score interval**: it stays inside [0, 1] and covers
  close to its nominal level even for small n or shares near 0 or 1, where the
  textbook ``p ± z·√(p(1−p)/n)`` does not;
* mean score → **t interval** ``mean ± t(n−1)·s/√n``.

The helpers here (:func:`wilson_interval`, :func:`mean_interval`,
:func:`t_quantile`, :func:`t_pvalue`) are shared with :mod:`cskit.metrics.ces`
and :mod:`cskit.metrics.compare`. The t distribution is computed in NumPy
(regularised incomplete beta by continued fraction), so cskit needs no SciPy.
"""

from __future__ import annotations

import warnings

import numpy as np
import pandas as pd

from cskit._conventions import with_convention
from cskit._stats import mean_interval, wilson_interval, z
from cskit._validate import (
    as_datetime,
    as_number,
    check_choice,
    check_frame,
    check_period,
    drop_missing,
    offending,
    require_columns,
    to_period,
)
from cskit.errors import (
    CskitWarning,
    EmptyFrameError,
    InvalidParameterError,
    InvalidValueError,
    caller_stacklevel,
    format_values,
)
from cskit.metrics._gaps import add_gap_rows, empty_months
from cskit.registry import cs_method

TABLE = "surveys"

# Intervals and tests come from cskit._stats (SciPy); re-exported for the survey modules.
_z = z


# ---------------------------------------------------------------------------
# Scale surveys (CSAT, CES): shared steps
# ---------------------------------------------------------------------------


def _check_band(name: str, band: tuple[int, int], scale: tuple[int, int]) -> tuple[int, int]:
    try:
        lo, hi = (int(v) for v in band)
    except (TypeError, ValueError):
        raise InvalidParameterError(
            f"{name}={band!r} must be two whole numbers (lowest, highest), e.g. (4, 5)."
        ) from None
    if lo > hi or lo < scale[0] or hi > scale[1]:
        raise InvalidParameterError(
            f"{name}={band!r} must be a band (low, high) with low <= high inside the scale "
            f"{scale[0]}–{scale[1]}."
        )
    return lo, hi


def _check_scale(scale: tuple[int, int]) -> tuple[int, int]:
    try:
        lo, hi = (int(v) for v in scale)
    except (TypeError, ValueError):
        raise InvalidParameterError(
            f"scale={scale!r} must be two whole numbers (lowest, highest), e.g. (1, 5)."
        ) from None
    if lo >= hi:
        raise InvalidParameterError(f"scale={scale!r}: the lowest answer must be below the highest.")
    return lo, hi


def survey_rows(
    frame: pd.DataFrame, survey_col: str | None, survey_name: str
) -> pd.DataFrame:
    """Rows of one survey (all rows when there is no ``survey_col`` column), uniquely indexed."""
    survey = survey_col
    rows = frame if frame.index.is_unique else frame.reset_index(drop=True)
    if survey is None or survey not in frame.columns:
        return rows
    rows = rows[rows[survey] == survey_name]
    if rows.empty:
        distinct = pd.unique(frame[survey].dropna().to_numpy())
        raise EmptyFrameError(
            f"No rows of the {TABLE} frame have {survey}={survey_name!r} (found: "
            f"{format_values(distinct.tolist(), len(distinct))}). Pass survey_name='<your label>' "
            f"or survey_col=None to use every row."
        )
    return rows


def scale_scores(
    rows: pd.DataFrame, score: str, scale: tuple[int, int], on_invalid: str, what: str
) -> pd.Series:
    """Validated whole-number scores inside ``scale`` (missing ones dropped or raised)."""
    values = as_number(rows, score, TABLE, allow_missing=True, allow_negative=True)
    values = drop_missing(values, score, TABLE, on_invalid)
    if values.empty:
        raise EmptyFrameError(
            f"Column {score!r} of the {TABLE} frame has no {what} scores left after dropping the "
            f"missing ones. Check that {score!r} holds the answers."
        )
    outside = (values < scale[0]) | (values > scale[1])
    if outside.any():
        raise InvalidValueError(
            f"Column {score!r} of the {TABLE} frame has {what} scores outside the scale "
            f"{scale[0]}–{scale[1]}: {offending(rows.loc[values.index, score], outside)}. "
            f"Pass the survey's real scale, e.g. scale=(1, 7), or fix those answers."
        )
    fractional = values != np.round(values)
    if fractional.any():
        raise InvalidValueError(
            f"Column {score!r} of the {TABLE} frame has {what} scores that are not whole numbers: "
            f"{offending(rows.loc[values.index, score], fractional)}. Answers on a rating scale "
            f"are integers; pass the raw answers, not averages."
        )
    return values


def group_keys(
    rows: pd.DataFrame, index: pd.Index, freq: str | None, date: str, by: str | None
) -> list[pd.Series]:
    """The ``period`` and/or ``by`` keys of the rows at ``index``."""
    keys: list[pd.Series] = []
    if freq is not None:
        dates = as_datetime(rows.loc[index], date, TABLE)
        keys.append(to_period(dates, freq).rename("period"))
    if by is not None:
        keys.append(rows.loc[index, by].rename(by))
    return keys


def scale_metric(
    frame: pd.DataFrame,
    *,
    kpi: str,
    top_name: str,
    period: str | None,
    by: str | None,
    score_col: str,
    submitted_col: str,
    survey_col: str | None,
    survey_name: str,
    scale: tuple[int, int],
    band: tuple[int, int],
    band_name: str,
    stat: str,
    stats: tuple[str, str],
    inverted: bool,
    confidence: float,
    small_n: int,
    on_invalid: str,
) -> pd.DataFrame | float:
    """Top-box share or mean score of a rating-scale survey, with intervals (CSAT and CES)."""
    check_frame(frame, TABLE)
    freq = check_period(period)
    score, date, level = score_col, submitted_col, confidence
    check_choice("stat", stat, stats)
    scale = _check_scale(scale)
    band = _check_band(band_name, band, scale)
    _z(level)
    if int(small_n) != small_n or small_n < 0:
        raise InvalidParameterError(f"small_n={small_n!r} must be a whole number >= 0, e.g. 30.")
    require_columns(frame, {"score_col": score, "by": by}, TABLE)
    if freq is not None:
        require_columns(frame, {"submitted_col": date}, TABLE)
    rows = survey_rows(frame, survey_col, survey_name)
    values = scale_scores(rows, score, scale, on_invalid, kpi.upper())
    if inverted:  # 1 = best → turn it round so that high is good everywhere below
        values = scale[0] + scale[1] - values
    keys = group_keys(rows, values.index, freq, date, by)
    parts = pd.DataFrame(
        {"score": values, "top": ((values >= band[0]) & (values <= band[1])).astype("int64")}
    )
    if keys:
        grouped = parts.groupby(keys, sort=True, observed=True, dropna=False)
        table = grouped.agg(
            n=("score", "size"), top=("top", "sum"), mean=("score", "mean"), sd=("score", "std")
        )
    else:
        table = pd.DataFrame(
            {
                "n": [len(parts)],
                "top": [int(parts["top"].sum())],
                "mean": [float(parts["score"].mean())],
                "sd": [float(parts["score"].std())],
            }
        )
    n = table["n"].to_numpy(dtype=float)
    if stat == stats[0]:
        share = table["top"].to_numpy(dtype=float) / n
        low, high = wilson_interval(table["top"], table["n"], level=level)
        out = pd.DataFrame(
            {
                "n": table["n"].astype("int64"),
                top_name: table["top"].astype("int64"),
                kpi: share,
                "se": np.sqrt(share * (1 - share) / n),
                "ci_low": low,
                "ci_high": high,
            },
            index=table.index,
        )
    else:
        se, low, high = mean_interval(table["mean"], table["sd"], table["n"], level=level)
        out = pd.DataFrame(
            {
                "n": table["n"].astype("int64"),
                "sd": table["sd"].to_numpy(dtype=float),
                kpi: table["mean"].to_numpy(dtype=float),
                "se": se,
                "ci_low": low,
                "ci_high": high,
            },
            index=table.index,
        )
    out["small_sample"] = out["n"] < small_n
    out.attrs = {"kpi": kpi, "stat": stat, "scale": scale, band_name: band,
                 "confidence": level}
    if not keys:
        if bool(out["small_sample"].iloc[0]):
            warnings.warn(
                f"{kpi.upper()} rests on only {int(out['n'].iloc[0])} answer(s) (< small_n="
                f"{small_n}); its interval is {out['ci_low'].iloc[0]:.3g}–"
                f"{out['ci_high'].iloc[0]:.3g}. Treat it as a rough indication.",
                CskitWarning,
                stacklevel=caller_stacklevel(),
            )
        return float(out[kpi].iloc[0])
    if freq is None:
        return out
    months = as_datetime(rows.loc[values.index], date, TABLE).dt.to_period("M")
    return add_gap_rows(out, empty_months(months, TABLE, date), freq,
                        {"n": 0, top_name: 0, "small_sample": bool(small_n > 0)})


@cs_method(kpi="Customer satisfaction (CSAT)", table=TABLE, requires=("submitted_at", "score"))
@with_convention("csat")
def csat(
    frame: pd.DataFrame,
    *,
    period: str | None = "M",
    by: str | None = None,
    score_col: str = "score",
    submitted_col: str = "submitted_at",
    survey_col: str | None = "survey",
    survey_name: str = "csat",
    scale: tuple[int, int] = (1, 5),
    satisfied: tuple[int, int] = (4, 5),
    stat: str = "top_box",
    confidence: float = 0.95,
    small_n: int = 30,
    on_invalid: str = "drop",
) -> pd.DataFrame | float:
    """Customer satisfaction: share of satisfied answers (top-2-box) or mean score.

    Parameters
    ----------
    frame : pandas.DataFrame
        Survey answers. When a ``survey_col`` column is present only rows whose
        value is ``survey_name`` are used.
    period : {"M", "Q", "Y", None}, default "M"
        One row per period; ``None`` returns one number (unless ``by`` is given).
    by : str, optional
        Segment column.
    score_col, submitted_col, survey_col : str
        Column names (``survey_col=None`` uses every row).
    survey_name : str, default "csat"
    scale : (int, int), default (1, 5)
        Lowest and highest possible answer (e.g. ``(1, 7)`` or ``(1, 10)``);
        answers outside it are bad input.
    satisfied : (int, int), default (4, 5)
        The band of answers counted as satisfied (both ends included).
    stat : {"top_box", "mean"}, default "top_box"
        ``"top_box"``: satisfied ÷ answers, a fraction, with a Wilson
        interval. ``"mean"``: the mean score on ``scale``, with a t interval.
        The two are not comparable; the result's ``attrs["stat"]`` says
        which one a frame holds.
    confidence : float, default 0.95
        Confidence level of ``ci_low`` / ``ci_high``.
    small_n : int, default 30
        Groups with fewer answers get ``small_sample=True`` (a float result
        from fewer answers comes with a :class:`~cskit.errors.CskitWarning`).
    on_invalid : {"drop", "raise"}, default "drop"
        Answers with no score are dropped with a warning that says how many,
        or raise.

    Returns
    -------
    float or pandas.DataFrame
        A float when ``period`` and ``by`` are None; otherwise a frame indexed
        by ``period`` and/or ``by`` with ``n, satisfied, csat, se, ci_low,
        ci_high, small_sample`` (top box) or ``n, sd, csat, se, ci_low,
        ci_high, small_sample`` (mean).
        A month without a single row inside the data's span adds a boolean
        ``data_gap`` column flagging the periods it feeds (with a warning).

    Examples
    --------
    >>> import pandas as pd, cskit
    >>> answers = pd.DataFrame({
    ...     "submitted_at": pd.to_datetime(["2026-10-01"] * 10),
    ...     "score": [5, 5, 5, 4, 4, 4, 4, 4, 3, 1]})
    >>> answers.cs.csat(period=None, small_n=0)
    0.8
    >>> answers.cs.csat(period=None, stat="mean", small_n=0)
    3.9
    >>> answers.cs.csat().round(3)  # doctest: +NORMALIZE_WHITESPACE
              n  satisfied  csat     se  ci_low  ci_high  small_sample
    period
    2026-10  10          8   0.8  0.126    0.49    0.943          True
    """
    return scale_metric(
        frame,
        kpi="csat",
        top_name="satisfied",
        period=period,
        by=by,
        score_col=score_col,
        submitted_col=submitted_col,
        survey_col=survey_col,
        survey_name=survey_name,
        scale=scale,
        band=satisfied,
        band_name="satisfied",
        stat=stat,
        stats=("top_box", "mean"),
        inverted=False,
        confidence=confidence,
        small_n=small_n,
        on_invalid=on_invalid,
    )
