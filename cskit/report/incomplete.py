"""What the data cannot say yet about the report month: open tickets, a partial survey month.

A month's figures are final only when everything that started in it has
finished by the data's as-of instant (:func:`cskit.report_scope.company_as_of`).
Tickets opened late in the month may still be open, or still wait for a first
reply, when the data are exported: FCR and response times leave them out, so
the month's figures can still move. Surveys of a month that has only begun
(:func:`cskit.report_scope.is_partial`) cover part of it. The report lists
these next to the scorecard.
"""

from __future__ import annotations

from typing import Any

import pandas as pd

from cskit._months import parse_month
from cskit._validate import as_datetime
from cskit.i18n import t


def incomplete_counts(company: Any, month: object) -> dict[str, int]:
    """Counts behind :func:`incomplete_notes`: tickets of ``month`` and how many are unfinished.

    ``tickets`` (opened in the month), ``open`` (no ``resolved_at``) and
    ``no_response`` (no ``first_response_at``); 0 for what the tickets table lacks.

    Examples
    --------
    >>> from types import SimpleNamespace
    >>> tickets = pd.DataFrame({
    ...     "created_at": pd.to_datetime(["2026-10-02", "2026-10-30", "2026-10-31", "2026-09-30"]),
    ...     "first_response_at": pd.to_datetime(["2026-10-02", "2026-10-30", None, None]),
    ...     "resolved_at": pd.to_datetime(["2026-10-03", None, None, None])})
    >>> incomplete_counts(SimpleNamespace(tickets=tickets), "2026-10")
    {'tickets': 3, 'open': 2, 'no_response': 1}
    """
    month = parse_month(month)
    counts = {"tickets": 0, "open": 0, "no_response": 0}
    tickets = getattr(company, "tickets", None)
    if not isinstance(tickets, pd.DataFrame) or "created_at" not in tickets.columns:
        return counts
    created = as_datetime(tickets, "created_at", "tickets", allow_missing=True)
    mask = (created.dt.to_period("M") == month).to_numpy()
    counts["tickets"] = int(mask.sum())
    for key, column in (("open", "resolved_at"), ("no_response", "first_response_at")):
        if column in tickets.columns:
            done = as_datetime(tickets, column, "tickets", allow_missing=True)
            counts[key] = int((done.isna().to_numpy() & mask).sum())
    return counts


def incomplete_notes(company: Any, month: object) -> list[str]:
    """Sentences (current language) on the report month's figures that may still change.

    Examples
    --------
    >>> from types import SimpleNamespace
    >>> tickets = pd.DataFrame({
    ...     "created_at": pd.to_datetime(["2026-10-02", "2026-10-31"]),
    ...     "first_response_at": pd.to_datetime(["2026-10-02", None]),
    ...     "resolved_at": pd.to_datetime(["2026-10-03", None])})
    >>> for line in incomplete_notes(SimpleNamespace(tickets=tickets), "2026-10"):
    ...     print(line)
    1 of the 2 tickets opened in 2026-10 was still open when the data end (2026-10-31): FCR leaves it out, so the month's FCR may still change.
    1 of the 2 tickets opened in 2026-10 had no first response yet: response times leave it out.
    """
    from cskit.report_scope import company_as_of, is_partial, partial_note

    month = parse_month(month)
    instant = company_as_of(company)
    as_of = f"{instant:%Y-%m-%d}" if instant is not None else t("report.incomplete.end")
    counts = incomplete_counts(company, month)
    lines = []
    for key in ("open", "no_response"):
        if counts[key]:
            number = "one" if counts[key] == 1 else "many"
            lines.append(t(f"report.incomplete.{key}.{number}", n=f"{counts[key]:,}",
                           total=f"{counts['tickets']:,}", month=str(month), as_of=as_of))
    surveys = getattr(company, "surveys", None)
    if isinstance(surveys, pd.DataFrame) and is_partial(company, month):
        if partial_note(company, month):
            days = max(0, (instant.normalize() - month.start_time).days + 1)
            lines.append(t("report.incomplete.surveys", month=str(month),
                           days=min(days, month.days_in_month), total=month.days_in_month))
    return lines
