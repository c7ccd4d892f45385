"""The KPI glossary: every KPI's name, definition and formula in the chosen language.

:func:`glossary` returns it as a DataFrame, following
:func:`cskit.set_language`; the texts live in :mod:`cskit.locales.glossary`
(``glossary.<kpi>.name`` / ``.definition`` / ``.formula``). The formulas are
the KPI catalogue's, with the catalogue's default conventions; where the
source articles are wrong, the definition says so.
"""

from __future__ import annotations

import pandas as pd

from cskit._display import TextTable
from cskit.i18n import LANGUAGES, get_language, t

#: KPI key → (``df.cs`` method, table it is computed from, explainer in cskit.explain or "").
TERMS: dict[str, tuple[str, str, str]] = {
    "churn": ("churn", "mrr", "churn"),
    "revenue_churn": ("revenue_churn", "mrr", "mrr_movements"),
    "mrr": ("mrr", "mrr", "mrr_movements"),
    "mrr_movements": ("mrr_movements", "mrr", "mrr_movements"),
    "arpa": ("arpa", "mrr", "ltv"),
    "nrr": ("nrr", "mrr", "retention"),
    "grr": ("grr", "mrr", "retention"),
    "ltv": ("ltv", "mrr", "ltv"),
    "crc": ("retention_cost", "costs", ""),
    "repeat_rate": ("repeat_rate", "mrr", ""),
    "upsell": ("upsell_rate", "mrr", ""),
    "quick_ratio": ("quick_ratio", "mrr", "mrr_movements"),
    "conversion": ("trial_conversion", "accounts", ""),
    "cohort_retention": ("cohort_retention", "mrr", ""),
    "nps": ("nps", "surveys", "nps"),
    "csat": ("csat", "surveys", "survey_scales"),
    "ces": ("ces", "surveys", "survey_scales"),
    "feedback": ("feedback_themes", "surveys", ""),
    "ticket_volume": ("ticket_volume", "tickets", ""),
    "response_time": ("response_time", "tickets", ""),
    "fcr": ("fcr", "tickets", "fcr"),
    "stickiness": ("stickiness", "events", "stickiness"),
    "session_duration": ("session_duration", "events", ""),
    "usage": ("usage", "events", ""),
    "first_login": ("first_login_rate", "accounts", ""),
    "health": ("health_score", "health inputs", "health"),
}
COLUMNS = ("term", "definition", "formula", "table", "method", "explainer")


def glossary(language: str | None = None) -> pd.DataFrame:
    """The KPI glossary in ``language`` (default: the one chosen with :func:`cskit.set_language`).

    Returns
    -------
    pandas.DataFrame
        Indexed by the KPI key, with the translated columns *term*,
        *definition*, *formula*, then *table* (the data-contract table it is
        computed from), *method* (``df.cs.<method>()``, when that method is
        registered, else empty) and *explainer* (``cskit.explain.<name>()``).

    Examples
    --------
    >>> import cskit
    >>> g = cskit.glossary("en")
    >>> g.loc["ltv", g.columns[2]]
    'LTV = ARPA × gross margin ÷ churn rate (same time unit)'
    >>> cskit.glossary("ko").loc["churn"].iloc[0]
    '고객 이탈률'
    """
    from cskit.errors import InvalidParameterError
    from cskit.registry import METHODS

    lang = language or get_language()
    if lang not in LANGUAGES:
        raise InvalidParameterError(
            f"language={lang!r} is not available; use one of {', '.join(LANGUAGES)}."
        )
    rows = []
    for kpi, (method, table, explainer) in TERMS.items():
        rows.append(
            {
                "kpi": kpi,
                "term": t(f"glossary.{kpi}.name", lang),
                "definition": t(f"glossary.{kpi}.definition", lang),
                "formula": t(f"glossary.{kpi}.formula", lang),
                "table": table,
                "method": method if method in METHODS else "",
                "explainer": explainer,
            }
        )
    frame = TextTable(rows).set_index("kpi")
    frame.columns = [t(f"glossary.col.{c}", lang) for c in COLUMNS]
    return frame
