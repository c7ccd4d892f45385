"""Net Promoter Score with a confidence interval.

NPS asks "How likely are you to recommend us?" on a 0–10 scale (the 16-KPI
article says "1 to 10" and then groups 0–6: the scale is 0–10). Answers 9–10
are promoters, 7–8 passives, 0–6 detractors, and
NPS = % promoters − % detractors, from −100 to 100.

Each answer is a draw of +1 (promoter), 0 (passive) or −1 (detractor), so with
shares p and d the variance per answer is ``p + d − (p − d)²`` and the standard
error of NPS is ``√(var / n)`` (× 100 for points).

* ``"wald"`` – NPS ± z·SE, the textbook interval; too narrow for small n.
* ``"adjusted_wald"`` – add 3 to n and ¾ to promoters and to detractors before
  computing the interval (it stays inside [−100, 100] and covers better for
  small samples). The reported ``nps`` is the raw score either way.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from cskit._stats import z as _z
from cskit._validate import (
    as_datetime,
    as_number,
    check_choice,
    check_frame,
    check_level,
    check_period,
    drop_missing,
    offending,
    require_columns,
    to_period,
)
from cskit.errors import EmptyFrameError, InvalidParameterError, InvalidValueError
from cskit.metrics._gaps import add_gap_rows, empty_months
from cskit.registry import cs_method

TABLE = "surveys"
COLUMNS = ["n", "promoters", "passives", "detractors", "nps", "se", "ci_low", "ci_high",
           "small_sample"]


def nps_interval(
    promoters: np.ndarray | float,
    detractors: np.ndarray | float,
    n: np.ndarray | float,
    *,
    interval: str = "wald",
    confidence: float = 0.95,
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Standard error and interval of NPS (in points) from counts.

    Parameters
    ----------
    promoters, detractors, n : array-like
        Counts of promoters, detractors and all answers.
    interval : {"wald", "adjusted_wald"}
        The interval method.
    confidence : float
        Confidence level, between 0 and 1.

    Returns
    -------
    (se, low, high) : tuple of numpy arrays, in NPS points.

    Examples
    --------
    >>> se, low, high = nps_interval(162, 54, 324)
    >>> round(float(se), 1)
    4.1
    """
    check_choice("interval", interval, ("wald", "adjusted_wald"))
    confidence = check_level(confidence)
    promoters, detractors, n = (np.asarray(x, dtype=float) for x in (promoters, detractors, n))
    if interval == "adjusted_wald":
        n_adj = n + 3.0
        p = (promoters + 0.75) / n_adj
        d = (detractors + 0.75) / n_adj
    else:
        n_adj = n
        with np.errstate(invalid="ignore", divide="ignore"):
            p, d = promoters / n, detractors / n
    score = p - d
    var = p + d - score**2
    with np.errstate(invalid="ignore", divide="ignore"):
        se = np.sqrt(np.maximum(var, 0.0) / n_adj)
    z = _z(confidence)
    low = np.clip(score - z * se, -1.0, 1.0) * 100.0
    high = np.clip(score + z * se, -1.0, 1.0) * 100.0
    return se * 100.0, low, high


def nps_scores(frame: pd.DataFrame, score: str, on_invalid: str) -> pd.Series:
    # Negative scores are let through here so the 0–10 check below reports them.
    values = as_number(frame, score, TABLE, allow_missing=True, allow_negative=True)
    values = drop_missing(values, score, TABLE, on_invalid)
    if values.empty:
        raise EmptyFrameError(
            f"Column {score!r} of the {TABLE} frame has no scores left after dropping the "
            f"missing ones. Check that {score!r} is the column holding the 0–10 answers."
        )
    outside = (values < 0) | (values > 10)
    if outside.any():
        raise InvalidValueError(
            f"Column {score!r} of the {TABLE} frame has NPS scores outside 0–10: "
            f"{offending(frame.loc[values.index, score], outside)}. The NPS scale is 0 to 10; "
            f"fix or drop those answers (a 1–10 or 1–5 survey is not an NPS survey)."
        )
    fractional = values != np.round(values)
    if fractional.any():
        raise InvalidValueError(
            f"Column {score!r} of the {TABLE} frame has NPS scores that are not whole numbers: "
            f"{offending(frame.loc[values.index, score], fractional)}. NPS answers are integers "
            f"0–10; averaged scores cannot be classified as promoters or detractors."
        )
    return values


@cs_method(kpi="Net Promoter Score (NPS)", table=TABLE, requires=("submitted_at", "score"))
def nps(
    frame: pd.DataFrame,
    *,
    period: str | None = "M",
    by: str | None = None,
    score_col: str = "score",
    submitted_col: str = "submitted_at",
    survey_col: str | None = "survey",
    survey_name: str = "nps",
    interval: str = "wald",
    confidence: float = 0.95,
    small_n: int = 30,
    on_invalid: str = "drop",
) -> pd.DataFrame | float:
    """Net Promoter Score: % promoters (9–10) − % detractors (0–6), −100 to 100.

    Parameters
    ----------
    frame : pandas.DataFrame
        Survey answers. When a ``survey_col`` column is present only rows whose
        value is ``survey_name`` are used, so one frame can hold NPS, CSAT and
        CES answers.
    period : {"M", "Q", "Y", None}, default "M"
        One row per period; ``None`` returns one number for all answers
        (unless ``by`` is given).
    by : str, optional
        Segment column (e.g. ``"segment"`` after merging accounts).
    score_col, submitted_col, survey_col : str
        Column names (``survey_col=None`` uses every row).
    survey_name : str, default "nps"
    interval : {"wald", "adjusted_wald"}, default "wald"
        Interval method; prefer ``"adjusted_wald"`` below ~30 answers.
    confidence : float, default 0.95
        Confidence level of ``ci_low`` / ``ci_high``.
    small_n : int, default 30
        Groups with fewer answers get ``small_sample=True``.
    on_invalid : {"drop", "raise"}, default "drop"
        Answers with no score are dropped with a warning that says how many,
        or raise.

    Returns
    -------
    float or pandas.DataFrame
        A float when ``period`` and ``by`` are None; otherwise a frame indexed
        by ``period`` and/or ``by`` with ``n, promoters, passives, detractors,
        nps, se, ci_low, ci_high, small_sample``.
        A month without a single row inside the data's span adds a boolean
        ``data_gap`` column flagging the periods it feeds (with a warning).

    Examples
    --------
    >>> import pandas as pd, cskit
    >>> answers = pd.DataFrame({
    ...     "submitted_at": pd.to_datetime(["2026-10-01"] * 25),
    ...     "score": [10] * 15 + [8] * 8 + [3] * 2})
    >>> answers.cs.nps(period=None)
    52.0
    >>> answers.cs.nps()[["n", "promoters", "detractors", "nps", "small_sample"]]  # doctest: +NORMALIZE_WHITESPACE
              n  promoters  detractors   nps  small_sample
    period
    2026-10  25         15           2  52.0          True
    """
    check_frame(frame, TABLE)
    freq = check_period(period)
    if int(small_n) != small_n or small_n < 0:
        raise InvalidParameterError(f"small_n={small_n!r} must be a whole number >= 0, e.g. 30.")
    survey = survey_col if survey_col is not None and survey_col in frame.columns else None
    score, date = score_col, submitted_col
    require_columns(frame, {"score_col": score, "by": by}, TABLE)
    if freq is not None:
        require_columns(frame, {"submitted_col": date}, TABLE)
    # Rows are matched to their scores by index label below; an index that repeats
    # labels (e.g. after pd.concat) is replaced by positions 0..n-1 first.
    rows = frame if frame.index.is_unique else frame.reset_index(drop=True)
    if survey is not None:
        rows = rows[rows[survey] == survey_name]
        if rows.empty:
            found = format_found(frame[survey])
            raise EmptyFrameError(
                f"No rows of the {TABLE} frame have {survey}={survey_name!r} (found: {found}). "
                f"Pass survey_name='<your label>' or survey_col=None to use every row."
            )
    values = nps_scores(rows, score, on_invalid)
    keys: list[pd.Series] = []
    if freq is not None:
        dates = as_datetime(rows.loc[values.index], date, TABLE)
        keys.append(to_period(dates, freq).rename("period"))
    if by is not None:
        keys.append(rows.loc[values.index, by].rename(by))
    group = pd.DataFrame(
        {
            "promoters": (values >= 9).astype("int64"),
            "passives": ((values >= 7) & (values <= 8)).astype("int64"),
            "detractors": (values <= 6).astype("int64"),
        }
    )
    if not keys:
        counts = group.sum().to_frame().T
    else:
        counts = group.groupby(keys, sort=True, observed=True, dropna=False).sum()
    counts.insert(0, "n", counts.sum(axis=1))
    counts["nps"] = (counts["promoters"] - counts["detractors"]) / counts["n"] * 100.0
    se, low, high = nps_interval(
        counts["promoters"], counts["detractors"], counts["n"], interval=interval,
        confidence=confidence,
    )
    counts["se"], counts["ci_low"], counts["ci_high"] = se, low, high
    counts["small_sample"] = counts["n"] < small_n
    if not keys:
        return float(counts["nps"].iloc[0])
    if freq is None:
        return counts[COLUMNS]
    gaps = empty_months(dates.dt.to_period("M"), TABLE, date)
    return add_gap_rows(counts[COLUMNS], gaps, freq,
                        {"n": 0, "promoters": 0, "passives": 0, "detractors": 0,
                         "small_sample": bool(small_n > 0)})


def format_found(values: pd.Series) -> str:
    from cskit.errors import format_values

    distinct = pd.unique(values.dropna().to_numpy())
    return format_values(distinct.tolist(), len(distinct))
