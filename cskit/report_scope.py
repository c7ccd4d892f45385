"""What a company's data let the monthly report say: its month, currency, labels, gaps.

The report (:mod:`cskit.report`) runs on whatever tables a data folder holds
(:func:`cskit.datasets.load_company`). This module decides

* **which month** to report: by default the latest *complete* month — the
  as-of instant is the latest timestamp of something that happened across the
  tables (:mod:`cskit.datasets._folder` lists the columns), and a month is
  complete when the as-of instant falls on its last day; data exported on
  2026-10-03 give 2026-09. A month asked for explicitly after that is reported
  but marked partial (:func:`partial_note`);
* **the currency** shown next to money (a ``currency`` column of
  ``subscriptions`` or ``mrr``, or ``currency = "..."`` in ``labels.toml``);
  several currencies are refused, never summed;
* **readable labels** for plans (a ``labels=`` mapping, e.g. the ``[plan]``
  table of ``labels.toml`` in the data folder; ids without a label are shown as given);
* **what is missing**: one sentence per absent table saying what it would add
  (:func:`absent_lines`), and one per KPI left out for a missing column
  (:func:`column_notes`).
"""

from __future__ import annotations

import tomllib
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

import pandas as pd

from cskit.datasets._folder import TABLES, as_of, complete_month
from cskit.errors import CskitError, InvalidParameterError, format_values
from cskit.i18n import t

__all__ = [
    "AREA_TABLES",
    "absent_lines",
    "apply_labels",
    "column_notes",
    "company_as_of",
    "company_tables",
    "currency",
    "default_month",
    "is_partial",
    "load_labels",
    "partial_note",
]

#: Tables that feed each section of the report beyond revenue and retention.
AREA_TABLES: dict[str, tuple[str, ...]] = {
    "voice": ("surveys",),
    "usage": ("events", "accounts"),
    "support": ("tickets",),
    "health": ("events", "accounts", "tickets", "surveys"),
}


def company_tables(company: Any) -> dict[str, pd.DataFrame]:
    """The company's tables that are present (DataFrames), by name."""
    found = {n: getattr(company, n, None) for n in TABLES}
    return {n: f for n, f in found.items() if isinstance(f, pd.DataFrame)}


def company_as_of(company: Any) -> pd.Timestamp | None:
    """Latest timestamp of something that happened, across the company's tables."""
    return as_of(company_tables(company))


def default_month(company: Any) -> pd.Period:
    """The month a report covers when none is asked for: the latest complete month.

    The data's last ``mrr`` month when no table holds timestamps; never
    before the first reportable month.

    Examples
    --------
    >>> import pandas as pd
    >>> from types import SimpleNamespace
    >>> mrr = pd.DataFrame({"customer_id": ["a"] * 4, "mrr": 10.0,
    ...                     "month": pd.period_range("2026-07", periods=4, freq="M")})
    >>> surveys = pd.DataFrame({"submitted_at": pd.to_datetime(["2026-10-03 09:00"]),
    ...                         "score": [9]})
    >>> str(default_month(SimpleNamespace(mrr=mrr, surveys=surveys)))
    '2026-09'
    """
    from cskit.report import reportable_months

    first, last = reportable_months(company)
    instant = company_as_of(company)
    month = last if instant is None else min(last, complete_month(instant))
    if month < first:
        raise InvalidParameterError(
            f"The data end on {instant:%Y-%m-%d}; the latest complete month, {month}, comes "
            f"before the first month a report can cover ({first}: a month needs the two "
            f"months before it). Ask for a month explicitly with --month (it will be marked "
            f"partial) or add history."
        )
    return month


def is_partial(company: Any, month: object) -> bool:
    """Whether ``month`` ends after the data's as-of instant (it has only begun)."""
    from cskit.report import parse_month

    instant = company_as_of(company)
    return instant is not None and parse_month(month) > complete_month(instant)


def partial_note(company: Any, month: object) -> str | None:
    """The sentence marking a partial month (``None`` for a complete one).

    Examples
    --------
    >>> import pandas as pd
    >>> from types import SimpleNamespace
    >>> events = pd.DataFrame({"timestamp": pd.to_datetime(["2026-10-03 09:00"])})
    >>> print(partial_note(SimpleNamespace(events=events), "2026-10"))  # doctest: +ELLIPSIS
    **Partial month.** The data end on 2026-10-03, ... 3 of its 31 days ...
    """
    from cskit.report import parse_month

    month = parse_month(month)
    if not is_partial(company, month):
        return None
    instant = company_as_of(company)
    days = max(0, (instant.normalize() - month.start_time).days + 1)
    return t("report.scope.partial", month=str(month), as_of=f"{instant:%Y-%m-%d}",
             days=min(days, month.days_in_month), total=month.days_in_month)


def load_labels(data_dir: str | Path | None) -> dict[str, Any]:
    """``labels.toml`` of a data folder: ``{"plan": {id: name}, "currency": ...}`` (or ``{}``).

    The file has a ``[plan]`` table mapping the ids found in the data to the
    names to show, and optionally ``currency = "eur"``::

        currency = "eur"
        [plan]
        price_1NzQ = "Team"
    """
    if data_dir is None:
        return {}
    path = Path(data_dir) / "labels.toml"
    if not path.is_file():
        return {}
    try:
        labels = tomllib.loads(path.read_text(encoding="utf-8"))
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
        raise CskitError(f"{path}: not valid TOML ({exc}); see cskit.report_scope.") from exc
    plan = labels.get("plan", {})
    if not isinstance(plan, dict) or not all(isinstance(v, str) for v in plan.values()):
        raise CskitError(f"{path}: [plan] must map ids to names, e.g. price_1NzQ = \"Team\".")
    unknown = sorted(set(labels) - {"plan", "currency"})
    if unknown:
        raise CskitError(f"{path}: unknown key(s) {format_values(unknown)}; use [plan] and "
                         f"currency.")
    return labels


def apply_labels(frame: pd.DataFrame, labels: Mapping[str, Any] | None,
                 column: str = "plan") -> pd.DataFrame:
    """A copy of ``frame`` whose ``column`` shows the labels (ids without one kept as given).

    ``labels`` is the mapping of :func:`load_labels` (its ``[plan]`` table for
    ``column="plan"``) or directly ``{id: name}``.

    Examples
    --------
    >>> import pandas as pd
    >>> frame = pd.DataFrame({"plan": ["price_a", "price_b"]})
    >>> apply_labels(frame, {"plan": {"price_a": "Team"}})["plan"].tolist()
    ['Team', 'price_b']
    """
    if not labels or column not in frame.columns:
        return frame
    names = labels.get(column, labels) if isinstance(labels.get(column), Mapping) else labels
    names = {k: v for k, v in names.items() if isinstance(v, str)}
    if not names:
        return frame
    values = frame[column]
    return frame.assign(**{column: values.map(names).where(values.isin(list(names)), values)})


def currency(company: Any, labels: Mapping[str, Any] | None = None) -> str | None:
    """The one currency of the company's money (upper case), or ``None`` if unknown.

    Read from a ``currency`` column of ``subscriptions`` or ``mrr``, else the
    ``currency`` of ``labels``. Several currencies raise a :class:`CskitError`
    naming them: money is never summed across currencies.

    Examples
    --------
    >>> import pandas as pd
    >>> from types import SimpleNamespace
    >>> currency(SimpleNamespace(mrr=pd.DataFrame({"currency": ["eur", "eur"]})))
    'EUR'
    """
    found: set[str] = set()
    for name in ("subscriptions", "mrr"):
        frame = getattr(company, name, None)
        if isinstance(frame, pd.DataFrame) and "currency" in frame.columns:
            found |= {str(c).strip().upper() for c in frame["currency"].dropna().unique()}
    if len(found) > 1:
        raise CskitError(
            f"The data hold several currencies ({format_values(sorted(found))}); the report "
            f"never sums money across currencies. Convert to one currency when loading "
            f"(cskit.read_* with fx=...) or keep one (currency=...)."
        )
    if found:
        return found.pop()
    given = (labels or {}).get("currency")
    return str(given).upper() if given else None


def absent_lines(company: Any, areas: Sequence[str] | None = None) -> dict[str, str]:
    """For each report section whose tables are missing, the sentence saying what to add.

    Examples
    --------
    >>> import pandas as pd
    >>> from types import SimpleNamespace
    >>> lines = absent_lines(SimpleNamespace(mrr=pd.DataFrame(), surveys=pd.DataFrame()))
    >>> sorted(lines)
    ['health', 'support', 'usage']
    >>> print(lines["support"])
    *Support*: add tickets.csv for first contact resolution and tickets per 100 accounts.
    """
    present = company_tables(company)
    lines = {}
    for area, needed in AREA_TABLES.items():
        if areas is not None and area not in areas:
            continue
        missing = [n for n in needed if n not in present]
        if area == "usage" and len(missing) < len(needed):
            continue  # events or accounts alone give some usage KPIs
        if missing:
            files = ", ".join(f"{n}.csv" for n in missing)
            lines[area] = t("report.scope.absent", area=t("report.area." + area),
                            files=files, adds=t("report.scope.adds." + area))
    return lines


def column_notes(company: Any, kpis: Sequence[Any]) -> list[str]:
    """One sentence per KPI left out because a column it needs is missing from its table."""
    present = company_tables(company)
    notes = []
    for spec in kpis:
        if not all(n in present for n in spec.needs):
            continue
        for table, columns in getattr(spec, "columns", {}).items():
            frame = present.get(table)
            lacking = [c for c in columns if frame is not None and c not in frame.columns]
            if lacking:
                notes.append(t("report.scope.column", kpi=t(spec.label), table=table,
                               columns=", ".join(lacking)))
                break
    return notes
