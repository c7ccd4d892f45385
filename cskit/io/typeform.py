"""A Typeform NPS form's responses export → the ``surveys`` table."""

from __future__ import annotations

import warnings

import pandas as pd

from cskit.errors import CskitWarning, MissingColumnError, caller_stacklevel
from cskit.io._context import Context

_META = {"#", "Response Type", "Start Date (UTC)", "Stage Date (UTC)", "Submit Date (UTC)",
         "Network ID", "Tags", "Ending"}


def read(raw: pd.DataFrame, ctx: Context) -> pd.DataFrame:
    """A Typeform NPS form's responses export → the ``surveys`` table.

    The score is the question whose text contains "recommend" (Typeform's NPS
    question: "How likely are you to recommend … ?"); the comment is the
    question right after it, when there is one. A hidden field named
    ``account_id`` becomes account_id. ``#`` → respondent_id, ``Submit Date
    (UTC)`` → submitted_at (``Stage Date (UTC)`` for a partial response, which
    has no submit date). Responses without a score (partial ones that stopped
    before the question) are left out and counted in a warning. Other layouts:
    pass ``columns={...}`` mapping your question columns to ``score`` and ``comment``.
    """
    ctx.require(raw, ["Submit Date (UTC)"], "a Typeform responses export",
                "download the responses as CSV or Excel from the form's Results page.")
    names = list(map(str, raw.columns))
    if "score" in raw.columns:
        score_col = "score"
    else:
        found = [c for c in names if "recommend" in c.lower() and c not in _META]
        if len(found) != 1:
            raise MissingColumnError(
                f"The {ctx.where}: cannot tell which question is the NPS score ("
                f"{'none' if not found else len(found)} question(s) mention 'recommend'). "
                f"Pass columns={{'<your NPS question>': 'score'}}."
            )
        score_col = found[0]
    score_text = raw[score_col].astype("str").str.strip().where(raw[score_col].notna())
    no_score = (score_text.fillna("") == "").to_numpy()
    rows = raw[~no_score]
    if no_score.any():
        partial = (raw["Response Type"].astype("str").str.lower() == "partial").to_numpy() \
            if "Response Type" in raw.columns else no_score & False
        warnings.warn(
            f"The {ctx.where}: left out {int(no_score.sum())} response(s) without a score "
            f"({int((partial & no_score).sum())} of them partial responses).",
            CskitWarning, stacklevel=caller_stacklevel())
    submitted = rows["Submit Date (UTC)"]
    if "Stage Date (UTC)" in rows.columns:
        empty = submitted.astype("str").str.strip().where(submitted.notna()).fillna("") == ""
        submitted = submitted.where(~empty, rows["Stage Date (UTC)"])
    frame = pd.DataFrame({"submitted_at": submitted})
    out = pd.DataFrame({
        "respondent_id": rows["#"] if "#" in rows.columns else None,
        "account_id": rows["account_id"] if "account_id" in rows.columns else None,
        "submitted_at": ctx.dates(frame, "submitted_at"),
        "survey": "nps",
        "score": rows[score_col],
    })
    if "comment" in rows.columns:
        out["comment"] = rows["comment"]
    else:
        position = names.index(score_col) + 1
        if position < len(names) and names[position] not in _META \
                and names[position] != "account_id":
            out["comment"] = rows[names[position]]
    return out.reset_index(drop=True)
