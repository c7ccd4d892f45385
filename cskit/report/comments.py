"""Comments of the month's unhappy respondents, as a table and as HTML."""

from __future__ import annotations

import pandas as pd

from cskit._months import parse_month
from cskit._validate import as_datetime
from cskit.errors import MissingColumnError
from cskit.i18n import t
from cskit.report.render import render_template


def customer_comments(
    surveys: pd.DataFrame,
    month: object,
    *,
    survey: str = "nps",
    max_score: int = 6,
    n: int = 5,
    max_chars: int = 280,
    date: str = "submitted_at",
    score: str = "score",
    comment: str = "comment",
) -> pd.DataFrame:
    """Up to ``n`` comments of the month's unhappy respondents (score ≤ ``max_score``).

    Lowest scores first, then the latest; comments longer than ``max_chars``
    are cut with ``…``. The text is returned as written: escape it before
    putting it in HTML (:func:`comments_html` does).

    Examples
    --------
    >>> answers = pd.DataFrame({
    ...     "submitted_at": pd.to_datetime(["2026-10-02", "2026-10-05", "2026-10-09"]),
    ...     "survey": "nps", "score": [3, 9, 0],
    ...     "comment": ["Slow support", "Great", "<b>Cancelling</b>"]})
    >>> customer_comments(answers, "2026-10")["comment"].tolist()
    ['<b>Cancelling</b>', 'Slow support']
    """
    month = parse_month(month)
    missing = [c for c in (date, score, comment) if c not in surveys.columns]
    if missing:
        raise MissingColumnError(
            f"Column {missing[0]!r} is missing from the surveys frame; the report's comments "
            f"need {date}, {score} and {comment}."
        )
    rows = surveys
    if "survey" in rows.columns:
        rows = rows[rows["survey"] == survey]
    text = rows[comment].astype("str").where(rows[comment].notna(), "").str.strip()
    when = as_datetime(rows, date, "surveys", allow_missing=True)
    keep = (when.dt.to_period("M") == month) & (rows[score] <= max_score) & (text != "")
    picked = pd.DataFrame({"submitted_at": when[keep], "score": rows.loc[keep, score],
                           "comment": text[keep]})
    picked = picked.sort_values(["score", "submitted_at"], ascending=[True, False],
                                kind="stable").head(n)
    long = picked["comment"].str.len() > max_chars
    picked["comment"] = picked["comment"].where(
        ~long, picked["comment"].str.slice(0, max_chars - 1).str.rstrip() + "…"
    )
    return picked.reset_index(drop=True)


def comments_html(comments: pd.DataFrame) -> str:
    """The comments of :func:`customer_comments` as an HTML table, all text escaped.

    Customer-written text may hold markup (``<script>``): it is shown as text.

    Examples
    --------
    >>> frame = pd.DataFrame({"submitted_at": pd.to_datetime(["2026-10-02"]), "score": [0],
    ...                       "comment": ["<script>alert(1)</script>"]})
    >>> "&lt;script&gt;alert(1)&lt;/script&gt;" in comments_html(frame)
    True
    """
    rows = [{"date": f"{when:%Y-%m-%d}", "score": str(int(score)), "comment": str(comment)}
            for when, score, comment in zip(comments["submitted_at"], comments["score"],
                                            comments["comment"], strict=True)]
    headers = {"date": t("report.comment_date"), "score": t("report.comment_score"),
               "comment": t("report.comment")}
    return render_template("comments.html.j2", rows=rows, headers=headers,
                           empty=t("report.no_comments"))
