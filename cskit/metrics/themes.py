"""Recurring themes of open-text survey comments, per group.

A score says *how* customers feel; the comment says *why*. :func:`themes`
finds what comments in each group (segment, or detractors / passives /
promoters) keep coming back to, in two ways:

* **terms** (default, ``lexicon=None``): every comment is split into terms
  with :func:`cskit.text.tokenize` (English words; Korean words with particles
  stripped; Japanese words from the Janome analyser; Chinese words from
  rjieba — or character bigrams with ``cjk="ngram"``, and as the fallback,
  with a one-time warning, when the ``cskit[ja]`` / ``cskit[zh]`` extra is not
  installed), each term counted once per comment, and the most frequent terms
  of each group are listed;
* **themes** (``lexicon={theme: [words, …]}``, e.g.
  :data:`cskit.text.CS_THEMES`): a comment belongs to a theme when it
  contains one of the theme's words, in any of the four languages.

For each group and term/theme: ``count`` (comments that mention it),
``share`` (÷ the group's non-blank comments), and two example comments
(distinct, first in the frame's order, cut to ``example_chars``).

Awkward comments are handled and *reported* in ``result.attrs``: missing,
empty and whitespace-only answers are not comments (``blank``); emoji-only or
punctuation-only comments are comments without terms (``without_terms``,
they stay in the share's denominator); comments longer than ``max_chars`` are
cut before tokenising (``truncated``). The examples are plain text: write them
into HTML only through :func:`themes_html` or :func:`cskit.text.escape_html`.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence

import numpy as np
import pandas as pd

from cskit._validate import check_choice, check_frame, require_columns
from cskit.errors import EmptyFrameError, InvalidParameterError
from cskit.metrics.csat import survey_rows
from cskit.registry import cs_method
from cskit.text import clean, escape_html, shorten, tokenize

TABLE = "surveys"
NPS_GROUPS = ("detractor", "passive", "promoter")
COLUMNS = ["term", "count", "share", "comments", "example_1", "example_2"]


def _nps_groups(rows: pd.DataFrame, score: str) -> pd.Series:
    from cskit.metrics.nps import nps_scores  # the same 0–10 checks and messages as nps()

    values = nps_scores(rows, score, "drop")
    groups = np.select([values <= 6, values <= 8], ["detractor", "passive"], "promoter")
    return pd.Series(
        pd.Categorical(groups, categories=NPS_GROUPS, ordered=True),
        index=values.index,
        name="nps_group",
    )


def _lexicon_pattern(words: Sequence[str]) -> re.Pattern[str]:
    parts = []
    for word in words:
        word = clean(word).lower()
        if not word:
            continue
        escaped = re.escape(word)
        # Latin keywords must start a word ("api" is not in "rapid"); CJK ones are substrings.
        parts.append(rf"\b{escaped}" if word.isascii() else escaped)
    if not parts:
        raise InvalidParameterError("A lexicon theme has no words; give each theme at least one.")
    return re.compile("|".join(parts), flags=re.IGNORECASE)


def _lexicon_hits(texts: pd.Series, lexicon: Mapping[str, Sequence[str]]) -> pd.DataFrame:
    frames = []
    for theme, words in lexicon.items():  # one vectorised search per theme
        if isinstance(words, str):
            words = [words]
        found = texts.str.contains(_lexicon_pattern(list(words)), regex=True)
        frames.append(pd.DataFrame({"doc": texts.index[found.to_numpy()], "term": str(theme)}))
    return pd.concat(frames, ignore_index=True)


def _with_account_column(
    frame: pd.DataFrame, accounts: pd.DataFrame, by: str, account: str
) -> pd.DataFrame:
    """``frame`` with the accounts' ``by`` column added (a new frame)."""
    check_frame(accounts, "accounts")
    require_columns(accounts, {"account_col": account, "by": by}, "accounts")
    require_columns(frame, {"account_col": account}, TABLE)
    lookup = accounts.drop_duplicates(account).set_index(account)[by]
    return frame.assign(**{by: frame[account].map(lookup).to_numpy()})


@cs_method(kpi="Feedback themes (qualitative)", table=TABLE, requires=("comment",))
def themes(
    frame: pd.DataFrame,
    *,
    by: str | None = None,
    top: int = 10,
    comment_col: str = "comment",
    score_col: str = "score",
    survey_col: str | None = "survey",
    survey_name: str | None = None,
    lexicon: Mapping[str, Sequence[str]] | None = None,
    min_count: int = 2,
    cjk: str = "tokenizer",
    max_chars: int = 5000,
    example_chars: int = 160,
    accounts: pd.DataFrame | None = None,
    account_col: str = "account_id",
) -> pd.DataFrame:
    """Most frequent terms (or lexicon themes) of comments per group, with examples.

    Parameters
    ----------
    frame : pandas.DataFrame
        Survey answers with a comment column.
    by : str, optional
        Group column (e.g. ``"segment"`` after merging accounts), or
        ``"nps_group"``: detractors (0–6), passives (7–8), promoters (9–10)
        from ``score_col`` — NPS answers only unless ``survey_name`` says
        otherwise (a column named ``nps_group`` is used as it is).
    top : int, default 10
        Terms kept per group.
    comment_col, score_col, survey_col : str
        Column names (``survey_col=None``: the frame holds one survey's answers).
    survey_name : str, optional
        Only answers of this survey (``None``: every survey, or ``"nps"``
        with ``by="nps_group"``).
    lexicon : mapping of theme → words, optional
        Count themes instead of terms, e.g. ``cskit.text.CS_THEMES``.
    min_count : int, default 2
        A term must be in at least this many comments of the group.
    cjk : {"tokenizer", "ngram"}, default "tokenizer"
        How Japanese and Chinese text is split (see :mod:`cskit.text`);
        ``"tokenizer"`` uses bigrams, and warns once, for a language whose
        tokenizer extra (``cskit[ja]``, ``cskit[zh]``) is not installed.
    max_chars : int, default 5000
        Longer comments are cut before tokenising (counted in
        ``attrs["truncated"]``).
    example_chars : int, default 160
        Examples longer than this are shortened with "…".
    accounts : pandas.DataFrame, optional
        The accounts table: when ``by`` is not a column of ``frame`` but of
        ``accounts`` (e.g. ``"segment"``), each answer gets its account's
        value through the ``account_col`` column of both frames.
    account_col : str, default "account_id"

    Returns
    -------
    pandas.DataFrame
        Indexed by ``by`` (when given) and ``rank`` (1 = most frequent), with
        ``term, count, share, comments, example_1, example_2``;
        ``share = count / comments`` (the group's non-blank comments).
        ``attrs`` holds ``comments``, ``blank``, ``without_terms``,
        ``truncated`` and ``method``.

    Examples
    --------
    >>> import pandas as pd, cskit
    >>> answers = pd.DataFrame({
    ...     "score": [2, 3, 10, 9, 10, 5],
    ...     "comment": ["Support is slow", "Slow support, slow app", "Great reports",
    ...                 "Reports save hours", "  ", "サポートの返信が遅い"]})
    >>> out = answers.cs.themes(by="nps_group", top=2, survey_col=None)
    >>> out[["term", "count", "share", "comments"]]  # doctest: +NORMALIZE_WHITESPACE
                    term  count     share  comments
    nps_group rank
    detractor 1     slow      2  0.666667         3
              2  support      2  0.666667         3
    promoter  1   report      2  1.000000         2
    >>> out.attrs["blank"], out.attrs["without_terms"]
    (1, 0)
    """
    check_frame(frame, TABLE)
    check_choice("cjk", cjk, ("tokenizer", "ngram"))
    for name, value, least in (("top", top, 1), ("min_count", min_count, 1),
                               ("max_chars", max_chars, 1), ("example_chars", example_chars, 2)):
        if not isinstance(value, (int, np.integer)) or value < least:
            raise InvalidParameterError(f"{name}={value!r} must be a whole number >= {least}.")
    if by is not None and by not in frame.columns and by != "nps_group" and accounts is not None:
        frame = _with_account_column(frame, accounts, by, account_col)
    derive_nps = by == "nps_group" and "nps_group" not in frame.columns
    require_columns(frame, {"comment_col": comment_col, "by": None if derive_nps else by}, TABLE)
    wanted = survey_name if survey_name is not None else ("nps" if derive_nps else None)
    rows = survey_rows(frame, survey_col if wanted is not None else None, wanted or "")
    if derive_nps:
        require_columns(frame, {"score_col": score_col}, TABLE)
        groups = _nps_groups(rows, score_col)
        rows = rows.loc[groups.index]
    elif by is not None:
        groups = rows[by]
    else:
        groups = None

    texts = rows[comment_col].map(clean)
    blank = (texts == "").to_numpy()
    texts = texts[~blank]
    if texts.empty:
        raise EmptyFrameError(
            f"Column {comment_col!r} of the {TABLE} frame has no comments (all {len(rows)} answers "
            f"are missing, empty or whitespace). Check the column name or the filter."
        )
    docs = pd.RangeIndex(len(texts))
    original = pd.Series(texts.to_numpy(), index=docs)
    # Work on integer group codes (a missing group value is a group of its own) and
    # put the labels back at the end.
    if groups is None:
        codes, labels = np.zeros(len(docs), dtype=np.int64), pd.Index(["all"])
    else:
        codes, labels = pd.factorize(groups[~blank], sort=True, use_na_sentinel=False)
    group_of = pd.Series(codes, index=docs)
    truncated = int((original.str.len() > max_chars).sum())
    if lexicon is None:
        # Tokenisers work one text at a time: this is the one loop over comments.
        tokens = pd.Series([tokenize(t, cjk=cjk, max_chars=max_chars) for t in original], index=docs)
        hits = tokens.explode().dropna().rename("term").reset_index().rename(
            columns={"index": "doc"}
        )
        without_terms = int((tokens.str.len() == 0).sum())
        method = f"terms ({cjk})"
    else:
        if not isinstance(lexicon, Mapping) or not lexicon:
            raise InvalidParameterError(
                "lexicon must be a mapping {theme: [words, ...]}, e.g. cskit.text.CS_THEMES."
            )
        hits = _lexicon_hits(original.str.slice(0, max_chars).str.lower(), lexicon)
        without_terms = int((~docs.isin(hits["doc"])).sum())
        method = "lexicon"
    hits["group"] = group_of.to_numpy()[hits["doc"].to_numpy()]

    group_key = pd.Series(group_of.to_numpy(), name="group")
    comments = group_key.groupby(group_key, dropna=False, observed=True, sort=False).size()
    counts = hits.groupby(["group", "term"], dropna=False, observed=True).size().rename("count")
    counts = counts[counts >= min_count].reset_index()
    counts = counts.sort_values(["group", "count", "term"], ascending=[True, False, True])
    counts["rank"] = counts.groupby("group", dropna=False, observed=True).cumcount() + 1
    counts = counts[counts["rank"] <= top]
    counts["comments"] = counts["group"].map(comments).to_numpy(dtype="int64")
    counts["share"] = counts["count"] / counts["comments"]

    # Two distinct example comments per (group, term), first in the frame's order.
    kept = hits.merge(counts[["group", "term"]], on=["group", "term"])
    kept["text"] = original.to_numpy()[kept["doc"].to_numpy()]
    kept = kept.sort_values("doc").drop_duplicates(["group", "term", "text"])
    kept = kept.groupby(["group", "term"], dropna=False, observed=True).head(2)
    kept["slot"] = kept.groupby(["group", "term"], dropna=False, observed=True).cumcount() + 1
    examples = kept.pivot_table(
        index=["group", "term"], columns="slot", values="text", aggfunc="first", observed=True
    )
    examples = examples.reindex(columns=[1, 2]).map(
        lambda t: shorten(t, example_chars) if isinstance(t, str) else ""
    )
    examples.columns = ["example_1", "example_2"]
    out = counts.merge(examples.reset_index(), on=["group", "term"], how="left")
    out[["example_1", "example_2"]] = out[["example_1", "example_2"]].fillna("")
    if groups is None:
        out = out.set_index("rank")
    else:
        out[by] = labels.take(out["group"].to_numpy())
        out = out.set_index([by, "rank"])
    out = out[COLUMNS]
    out.attrs = {
        "comments": len(original),
        "blank": int(blank.sum()),
        "without_terms": without_terms,
        "truncated": truncated,
        "method": method,
    }
    return out


def themes_html(result: pd.DataFrame, *, caption: str | None = None) -> str:
    """An HTML table of a :func:`themes` result with every text cell escaped.

    Comments are customer-written: a ``<script>`` in a comment must show as
    text, not run. Use this (or :func:`cskit.text.escape_html`) whenever
    themes go into a report or a web page.

    Examples
    --------
    >>> import pandas as pd
    >>> frame = pd.DataFrame({"comment": ["<b>Bold</b> support", "support <script>x</script>"]})
    >>> html = themes_html(themes(frame, survey_col=None))
    >>> "<script>" in html, "&lt;script&gt;" in html
    (False, True)
    """
    if not isinstance(result, pd.DataFrame) or not set(COLUMNS) <= set(result.columns):
        raise InvalidParameterError("themes_html needs the frame returned by surveys.cs.themes().")
    from cskit.i18n import t

    flat = result.reset_index()
    headers = [c for c in flat.columns if c not in ("example_1", "example_2")]
    labels = {
        "term": t("voc.term"),
        "count": t("voc.count"),
        "share": t("voc.share"),
        "comments": t("voc.comments"),
        "rank": t("voc.rank"),
    }
    head = "".join(f"<th>{escape_html(labels.get(c, c))}</th>" for c in headers)
    head += f"<th>{escape_html(t('voc.examples'))}</th>"
    body = []
    for record in flat.to_dict("records"):  # one row per listed term (top × groups)
        cells = []
        for c in headers:
            value = record[c]
            text = f"{value:.0%}" if c == "share" else str(value)
            cells.append(f"<td>{escape_html(text)}</td>")
        examples = "<br>".join(
            f"“{escape_html(record[e])}”" for e in ("example_1", "example_2") if record[e]
        )
        cells.append(f"<td>{examples}</td>")
        body.append("<tr>" + "".join(cells) + "</tr>")
    cap = f"<caption>{escape_html(caption)}</caption>" if caption else ""
    return (
        f'<table class="cskit-themes">{cap}<thead><tr>{head}</tr></thead>'
        f"<tbody>{''.join(body)}</tbody></table>"
    )
