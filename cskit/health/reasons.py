"""Why an account scored low: the components that pulled its health score down most.

Each component's **pull** on an account's score, in points, is its weighted
distance from the median component score of the same month (and segment, with
``by=``):

    pullᵢ = wᵢ · (xᵢ − medianᵢ) ÷ Σⱼ wⱼ   over the components the account has,

so a pull of −18 means "this component alone puts the score 18 points below an
account that is typical on it". The most negative pulls are the reasons, as
columns and as a sentence in the current language.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

import numpy as np
import pandas as pd

from cskit._validate import as_number, check_frame, require_columns
from cskit.errors import InvalidParameterError
from cskit.health.score import DEFAULT_COMPONENTS, Component
from cskit.i18n import EN, t

__all__ = ["reasons"]

#: How raw values are written in the reason text, per input of ``health_inputs``:
#: (decimals, as a percentage, with a sign).
_FORMATS = {"frequency": (0, False, False), "tickets": (0, False, False),
            "nps": (1, False, False), "breadth": (0, True, False), "depth": (0, True, False),
            "mrr_growth": (0, True, True)}


def _fill(template: str, values: dict[str, pd.Series], index: pd.Index) -> pd.Series:
    """``template`` with each ``{name}`` replaced by the row's value (column-wise, no row loop)."""
    parts = re.split(r"\{(\w+)\}", template)
    out = pd.Series(parts[0], index=index, dtype="object")
    for i in range(1, len(parts), 2):
        out = out + values[parts[i]].astype(str).to_numpy() + parts[i + 1]
    return out


def _signed(points: np.ndarray) -> np.ndarray:
    """Whole numbers written with a sign (a real minus sign)."""
    p = np.round(points).astype(np.int64)
    return np.where(p < 0, "−", "+").astype(object) + np.abs(p).astype(str).astype(object)


def _formatted(values: pd.Series, name: str) -> pd.Series:
    """Raw values as text, column-wise (unknown inputs: two decimals)."""
    decimals, percent, signed = _FORMATS.get(name, (2, False, False))
    v = values.fillna(0.0).astype("float64") * (100.0 if percent else 1.0)
    if decimals == 0:
        text = pd.Series(_signed(v.to_numpy()) if signed
                         else np.round(v.to_numpy()).astype(np.int64).astype(str),
                         index=values.index, dtype="object")
    else:
        text = v.round(decimals).astype(str).astype(object)
    return text + ("%" if percent else "")


def reasons(
    scores: pd.DataFrame,
    *,
    components: Sequence[Component] = DEFAULT_COMPONENTS,
    inputs: pd.DataFrame | None = None,
    n: int = 2,
    by: str | None = None,
    account_col: str = "account_id",
    month_col: str = "month",
    language: str | None = None,
) -> pd.DataFrame:
    """The ``n`` components that pulled each account-month's score down most.

    Parameters
    ----------
    scores : pandas.DataFrame
        :func:`~cskit.health.health_score` output (one 0–100 column per component).
    components : list of Component
        The components (and weights) the score was built with.
    inputs : pandas.DataFrame, optional
        The raw inputs, row-aligned with ``scores`` (same order): the text then
        quotes raw values ("3 active days") instead of component scores.
    n : int, default 2
        How many reasons per row (only components with a negative pull count).
    by : str, optional
        Segment column of ``scores``: medians are then per month *and* segment.
    account_col, month_col : str
        Column names.
    language : str, optional
        Language of the text (default: the current one, :func:`cskit.set_language`).

    Returns
    -------
    pandas.DataFrame
        ``account_id, month`` (named as in ``scores``; and ``by``), ``score``, ``pull_<component>`` for each
        component, ``reason_1 … reason_n`` (component names, NaN when fewer
        components pull down), ``pull_1 … pull_n`` and ``reasons`` (text).

    Examples
    --------
    Weights 2 and 1 (total 3). In month 2026-10 the medians are 50 (frequency)
    and 60 (nps). Account a: frequency 20 → 2·(20 − 50) ÷ 3 = −20 points; nps
    0 → (0 − 60) ÷ 3 = −20. Account b: frequency 50 → 0, nps 100 → +13.3.

    >>> import pandas as pd
    >>> from cskit.health import Component, reasons
    >>> s = pd.DataFrame({"account_id": ["a", "b", "c"], "month": ["2026-10"] * 3,
    ...                   "frequency": [20.0, 50.0, 80.0], "nps": [0.0, 100.0, 60.0],
    ...                   "score": [13.3, 66.7, 73.3]})
    >>> parts = [Component("frequency", weight=2, low=0, high=20),
    ...          Component("nps", method="grade", good=9, average=7)]
    >>> r = reasons(s, components=parts, n=2, language="en")
    >>> r[["account_id", "pull_frequency", "pull_nps", "reason_1"]].round(1)
      account_id  pull_frequency  pull_nps   reason_1
    0          a           -20.0     -20.0  frequency
    1          b             0.0      13.3        NaN
    2          c            20.0       0.0        NaN
    >>> r.loc[0, "reasons"]
    'active days: score 20/100 (−20 pts vs month median); NPS answers: score 0/100 (−20 pts vs month median)'
    """
    check_frame(scores, "scores")
    comps = list(components)
    if not comps or not all(isinstance(c, Component) for c in comps):
        raise InvalidParameterError(
            "components must be the list of cskit.health.Component the score was built with."
        )
    if isinstance(n, bool) or not isinstance(n, (int, np.integer)) or n < 1:
        raise InvalidParameterError(f"n={n!r} must be a whole number of reasons >= 1.")
    names = [c.name for c in comps]
    require_columns(scores, {"account_col": account_col, "month_col": month_col, "by": by,
                             **{c: c for c in names}}, "scores")
    if inputs is not None:
        check_frame(inputs, "inputs")
        require_columns(inputs, {c: c for c in names}, "inputs")
        if len(inputs) != len(scores):
            raise InvalidParameterError(
                f"inputs has {len(inputs)} rows and scores {len(scores)}; pass the inputs the "
                f"scores were computed from (health_score keeps their order)."
            )
    x = np.column_stack([as_number(scores, c, "scores", allow_negative=True,
                                   allow_missing=True).to_numpy() for c in names])
    keys = [scores[month_col].astype(str).to_numpy()]
    if by is not None:
        keys.append(scores[by].astype(str).to_numpy())
    group = pd.MultiIndex.from_arrays(keys).factorize()[0] if by else pd.factorize(keys[0])[0]
    median = pd.DataFrame(x).groupby(group).transform("median").to_numpy()
    w = np.array([c.weight for c in comps], dtype="float64")
    present = ~np.isnan(x)
    total = (present * w).sum(axis=1, keepdims=True)
    with np.errstate(invalid="ignore", divide="ignore"):
        pull = np.where(present & (total > 0), w * (x - median) / np.where(total > 0, total, 1),
                        0.0)
    pull = np.where(np.isnan(pull), 0.0, pull)

    base_cols = [account_col, month_col] + ([by] if by else [])
    out = scores[base_cols].copy().reset_index(drop=True)
    if "score" in scores.columns:
        out["score"] = scores["score"].to_numpy()
    for j, c in enumerate(names):
        out[f"pull_{c}"] = pull[:, j]

    order = np.argsort(pull, axis=1, kind="stable")[:, :n]
    rows = np.arange(len(out))
    lang = language
    ref = t("health.reason.ref_segment" if by else "health.reason.ref_month", lang)
    sep = t("health.reason.sep", lang)
    text = pd.Series("", index=out.index, dtype="object")
    for r in range(min(n, len(names))):  # a couple of reason slots, not rows
        idx = order[:, r]
        p = pull[rows, idx]
        down = p <= -0.5  # at least half a point
        out[f"reason_{r + 1}"] = pd.Series(np.array(names, dtype=object)[idx]).where(down)
        out[f"pull_{r + 1}"] = np.where(down, p, np.nan)
        part = pd.Series("", index=out.index, dtype="object")
        points_text = pd.Series(_signed(p), index=out.index)
        for j, c in enumerate(names):  # a handful of components, not rows
            here = down & (idx == j)
            if not here.any():
                continue
            if inputs is not None:
                raw = pd.Series(inputs[c].to_numpy(dtype="float64"), index=out.index)
                key = f"health.reason.{c}" if f"health.reason.{c}" in EN else "health.reason.other"
                value = _formatted(raw, c)
            else:
                key = "health.reason.score"
                value = _formatted(pd.Series(x[:, j], index=out.index), "frequency")
            label = (t(f"health.reason.name.{c}", lang)
                     if f"health.reason.name.{c}" in EN else c)
            filled = _fill(t(key, lang), {"value": value, "name": pd.Series(label, index=out.index)},
                           out.index)
            filled = filled + _fill(t("health.reason.points", lang),
                                    {"points": points_text, "ref": pd.Series(ref, index=out.index)},
                                    out.index)
            part = part.where(~here, filled)
        text = text.where(~down, np.where(text == "", part, text + sep + part))
    out["reasons"] = text
    return out
