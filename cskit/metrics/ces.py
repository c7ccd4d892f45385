"""Customer Effort Score (CES).

CES asks how easy an action was ("The company made it easy to handle my
issue", 1 = strongly disagree … 7 = strongly agree). The source article's form
is the **share of positive answers**: answers 5–7 ÷ all answers. Many teams
report the **mean score** instead. The two are not comparable, so the statistic is
a parameter (``stat=``) and the result records it.

Some surveys run the other way round (1 = very easy, 7 = very hard). Pass
``inverted=True``: each answer *x* is turned into ``low + high − x`` before
anything is counted, so 1 becomes 7 and the easy band and the mean keep
meaning "higher is easier" in every result.

Intervals: Wilson for the share, t interval for the mean (see
:mod:`cskit.metrics.csat`).
"""

from __future__ import annotations

import pandas as pd

from cskit._conventions import with_convention
from cskit.metrics.csat import TABLE, scale_metric
from cskit.registry import cs_method


@cs_method(kpi="Customer effort score (CES)", table=TABLE, requires=("submitted_at", "score"))
@with_convention("ces")
def ces(
    frame: pd.DataFrame,
    *,
    period: str | None = "M",
    by: str | None = None,
    score_col: str = "score",
    submitted_col: str = "submitted_at",
    survey_col: str | None = "survey",
    survey_name: str = "ces",
    scale: tuple[int, int] = (1, 7),
    agree: tuple[int, int] = (5, 7),
    stat: str = "agree_share",
    inverted: bool = False,
    confidence: float = 0.95,
    small_n: int = 30,
    on_invalid: str = "drop",
) -> pd.DataFrame | float:
    """Customer effort score: share of "easy" answers (5–7 of 7) or mean score.

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
    survey_name : str, default "ces"
    scale : (int, int), default (1, 7)
        Lowest and highest possible answer.
    agree : (int, int), default (5, 7)
        The band of answers counted as "easy" (agreeing that it was easy),
        read on the scale *after* turning it round when ``inverted``.
    stat : {"agree_share", "mean"}, default "agree_share"
        ``"agree_share"``: easy answers ÷ answers, a fraction, Wilson
        interval (the article's form). ``"mean"``: mean score, t interval.
    inverted : bool, default False
        True when 1 means *very easy* on your survey; answers are mirrored
        (``low + high − x``) first, so higher always means easier.
    confidence : float, default 0.95
    small_n : int, default 30
        Groups with fewer answers get ``small_sample=True``.
    on_invalid : {"drop", "raise"}, default "drop"

    Returns
    -------
    float or pandas.DataFrame
        A float when ``period`` and ``by`` are None; otherwise a frame indexed
        by ``period`` and/or ``by`` with ``n, easy, ces, se, ci_low, ci_high,
        small_sample`` (share) or ``n, sd, ces, se, ci_low, ci_high,
        small_sample`` (mean).
        A month without a single row inside the data's span adds a boolean
        ``data_gap`` column flagging the periods it feeds (with a warning).

    Examples
    --------
    >>> import pandas as pd, cskit
    >>> answers = pd.DataFrame({"score": [7, 6, 5, 5, 4, 2, 1, 6]})
    >>> answers.cs.ces(period=None, small_n=0)  # 5 of 8 answers are 5-7
    0.625
    >>> answers.cs.ces(period=None, stat="mean", small_n=0)  # 36 / 8
    4.5
    >>> # the same answers on a survey where 1 = very easy: 1, 2 -> 7, 6 are easy
    >>> answers.cs.ces(period=None, inverted=True, small_n=0)  # 7->1, 6->2, 5->3, 4->4, 2->6, 1->7
    0.25
    """
    return scale_metric(
        frame,
        kpi="ces",
        top_name="easy",
        period=period,
        by=by,
        score_col=score_col,
        submitted_col=submitted_col,
        survey_col=survey_col,
        survey_name=survey_name,
        scale=scale,
        band=agree,
        band_name="agree",
        stat=stat,
        stats=("agree_share", "mean"),
        inverted=inverted,
        confidence=confidence,
        small_n=small_n,
        on_invalid=on_invalid,
    )
