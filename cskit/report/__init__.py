"""The content of the monthly report, as plain functions.

``notebooks/monthly_report.ipynb`` (run by ``cskit report``) calls these; they
take a *company* — anything with the data contract's frames as attributes
(``mrr`` at least; ``surveys``, ``accounts``, ``events``… when present), such
as :func:`cskit.datasets.load_company`'s result — and a month, and return
pandas objects, sentences or HTML fragments. Nothing here draws or prints.

Which months can be reported: the report compares a month with the month
before, and churn in a month needs the customers of the month before it, so a
month *m* needs *m − 1* and *m − 2* in the data. The reportable months are
therefore the third month of the data up to its last month. Which of them is
reported by default — the latest *complete* month, from the data's as-of date —
and how a partial month is marked is :mod:`cskit.report_scope`'s business, as
are the currency, plan labels and the lines for missing tables.

Adding a KPI to the report
--------------------------
The scorecard is the list :data:`KPIS`; each entry is a :class:`KPI` (cskit's one KPI
class, :mod:`cskit._kpi`). To add
one, append one entry, e.g. for CSAT::

    def _csat(data: ReportData) -> pd.DataFrame:
        result = data.table("surveys").cs.csat(period="M", confidence=data.level)
        return result.rename(columns={"csat": "value"})   # keeps se, ci_low, ci_high

    KPIS.append(KPI("csat", _csat, label="kpi.csat", unit="rate", area="voice",
                    needs=("surveys",)))

* ``compute`` receives a :class:`ReportData` (the company, the month being
  reported, the confidence level, and :meth:`ReportData.cached` to share one
  computation between KPIs) and returns the KPI **for every month** — a Series
  indexed by a monthly ``PeriodIndex``, or a DataFrame with a ``value``
  column and optionally ``se`` (standard error, in the KPI's unit),
  ``ci_low`` and ``ci_high``. Months after the reported one are ignored.
* A rate counted on customers, tickets or answers returns its counts too,
  ``numerator`` and ``denominator``: the change from the previous month is
  then called better or worse only when the pooled two-proportion z test on
  the counts says it is significant (churn, FCR, CSAT, CES, first-login rate).
  A sampled KPI that is not a share (NPS) gives ``se`` instead (two-sample z
  test). "What moved most" ranks tested KPIs by ``|z|``.
* A Series or DataFrame whose ``attrs["label"]`` is a :func:`cskit.t` key
  overrides ``label`` for that report (NRR says "12-month" or "monthly").
* ``needs`` names the company's tables it uses: a KPI whose tables are missing
  is left out of the scorecard, not an error. ``columns`` names optional
  columns it needs (``{"tickets": ("agent_replies",)}``): without them the KPI
  is left out with a note (:func:`cskit.report_scope.column_notes`).
* ``parent`` puts it under another KPI in the KPI tree (a ``targets.toml``
  next to the data can move it), and ``area`` chooses its section of the
  report (:data:`AREAS`). ``label`` is a key for :func:`cskit.t` that must
  exist in all four languages.

Targets come from :mod:`cskit.targets`; the scorecard then shows the target
and whether each KPI is on track.

Layout
------
One module per topic; every public name is importable from ``cskit.report``:
:mod:`~cskit.report.months` (which months can be reported),
:mod:`~cskit.report.kpis` (the KPI specs, :data:`KPIS`),
:mod:`~cskit.report.scoring` (the numbers and verdicts),
:mod:`~cskit.report.text` (cells and sentences),
:mod:`~cskit.report.render` (HTML), :mod:`~cskit.report.comments`,
:mod:`~cskit.report.export` (CSV/Excel), :mod:`~cskit.report.health` and
:mod:`~cskit.report.incomplete` (figures of the month that may still change).
"""

from __future__ import annotations

from cskit._months import parse_month
from cskit.report.comments import comments_html, customer_comments
from cskit.report.export import (
    FORMULA_PREFIXES,
    export_header,
    kpi_csv,
    kpi_table,
    kpi_xlsx,
    safe_cell,
)
from cskit.report.health import (
    HEALTH_CHECK_MONTHS,
    HEALTH_FILE,
    health_check,
    health_check_text,
    health_scores,
    load_health,
    moved_to_red,
)
from cskit.report.incomplete import incomplete_counts, incomplete_notes
from cskit.report.kpis import AREAS, KPI, KPIS, ReportData, load_targets
from cskit.report.months import check_month, last_months, reportable_months
from cskit.report.render import PAGE_CSS, SCORECARD_CSS, page_html, scorecard_html
from cskit.report.scoring import TYPICAL_MONTHS, kpi_history, scorecard
from cskit.report.text import (
    format_scorecard,
    scorecard_records,
    summary_churn,
    summary_movements,
    summary_nps,
    summary_targets,
    summary_top_moves,
    top_moves,
)

__all__ = [
    "AREAS",
    "FORMULA_PREFIXES",
    "HEALTH_CHECK_MONTHS",
    "HEALTH_FILE",
    "KPI",
    "KPIS",
    "PAGE_CSS",
    "SCORECARD_CSS",
    "TYPICAL_MONTHS",
    "ReportData",
    "check_month",
    "comments_html",
    "customer_comments",
    "export_header",
    "format_scorecard",
    "health_check",
    "health_check_text",
    "health_scores",
    "incomplete_counts",
    "incomplete_notes",
    "kpi_csv",
    "kpi_history",
    "kpi_table",
    "kpi_xlsx",
    "last_months",
    "load_health",
    "load_targets",
    "moved_to_red",
    "page_html",
    "parse_month",
    "reportable_months",
    "safe_cell",
    "scorecard",
    "scorecard_html",
    "scorecard_records",
    "summary_churn",
    "summary_movements",
    "summary_nps",
    "summary_targets",
    "summary_top_moves",
    "top_moves",
]
