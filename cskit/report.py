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
The scorecard is the list :data:`KPIS`; each entry is a :class:`KPI`. To add
one, append one entry, e.g. for CSAT::

    def _csat(data: ReportData) -> pd.DataFrame:
        result = data.table("surveys").cs.csat(period="M", confidence=data.level)
        return result.rename(columns={"csat": "value"})   # keeps se, ci_low, ci_high

    KPIS.append(KPI("csat", "kpi.csat", "rate", True, "voice", _csat, needs=("surveys",)))

* ``compute`` receives a :class:`ReportData` (the company, the month being
  reported, the confidence level, and :meth:`ReportData.cached` to share one
  computation between KPIs) and returns the KPI **for every month** — a Series
  indexed by a monthly ``PeriodIndex``, or a DataFrame with a ``value``
  column and optionally ``se`` (standard error, in the KPI's unit),
  ``ci_low`` and ``ci_high``. Months after the reported one are ignored.
* With ``se`` the change from the previous month is called better or worse
  only when it is significant (two-sample z test), as for NPS: give ``se``
  for every survey-based KPI (CSAT, CES).
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
"""

from __future__ import annotations

import csv
import html
import io
import math
import re
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

import numpy as np
import pandas as pd

from cskit._months import parse_month
from cskit._stats import normal_p_value
from cskit._validate import as_datetime
from cskit.errors import EmptyFrameError, InvalidParameterError, MissingColumnError
from cskit.i18n import t
from cskit.targets import Targets, tree_order
from cskit.targets import load_targets as _load_targets

__all__ = [
    "AREAS",
    "KPI",
    "KPIS",
    "ReportData",
    "check_month",
    "comments_html",
    "customer_comments",
    "format_scorecard",
    "kpi_csv",
    "kpi_history",
    "kpi_table",
    "kpi_xlsx",
    "last_months",
    "load_targets",
    "page_html",
    "export_header",
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

#: Sections of the report, in order; each KPI belongs to one.
AREAS: tuple[str, ...] = ("revenue", "retention", "voice", "usage", "support", "health")


_MONTH = re.compile(r"(\d{4})-(\d{2})")


def _months_of(company: Any) -> pd.PeriodIndex:
    frame = getattr(company, "mrr", None)
    if not isinstance(frame, pd.DataFrame):
        raise InvalidParameterError(
            "The company has no 'mrr' table; pass cskit.datasets.load_sample(data_dir) or an "
            "object with mrr and surveys frames."
        )
    if "month" not in frame.columns:
        raise MissingColumnError(
            "The mrr frame has no 'month' column; it needs customer_id, month, mrr."
        )
    months = frame["month"]
    if not isinstance(months.dtype, pd.PeriodDtype):
        from cskit._validate import as_month

        months = as_month(frame, "month", "mrr")
    if months.dropna().empty:
        raise EmptyFrameError("The mrr frame has no rows; a report needs at least three months.")
    return pd.PeriodIndex(months.dropna().unique(), freq="M").sort_values()


def reportable_months(company: Any) -> tuple[pd.Period, pd.Period]:
    """First and last month a report can be made for (see the module docstring).

    Examples
    --------
    >>> import cskit
    >>> first, last = reportable_months(cskit.datasets.load_sample())
    >>> str(first), str(last)
    ('2024-01', '2026-10')
    """
    months = _months_of(company)
    first, last = months[0] + 2, months[-1]
    if first > last:
        raise EmptyFrameError(
            f"The mrr data covers {months[0]} to {months[-1]}; a report compares a month with "
            f"the month before and needs at least three months of data."
        )
    return first, last


def check_month(company: Any, month: object) -> pd.Period:
    """The month as a Period, or a clear error if it is malformed or cannot be reported.

    Parameters
    ----------
    company : SampleCompany or similar
        Anything with an ``mrr`` frame (``customer_id, month, mrr``).
    month : str or Period
        ``"YYYY-MM"``.

    Returns
    -------
    pandas.Period

    Raises
    ------
    cskit.errors.InvalidParameterError
        A malformed month, or one outside :func:`reportable_months`.

    Examples
    --------
    >>> import cskit
    >>> company = cskit.datasets.load_sample()
    >>> check_month(company, "2026-09")
    Period('2026-09', 'M')
    >>> check_month(company, "2026-11")
    Traceback (most recent call last):
    ...
    cskit.errors.InvalidParameterError: month='2026-11' is outside the data: reports can be made for 2024-01 to 2026-10 (a month needs the two months before it).
    """
    wanted = parse_month(month)
    first, last = reportable_months(company)
    if not first <= wanted <= last:
        raise InvalidParameterError(
            f"month={str(month) if isinstance(month, pd.Period) else month!r} is outside the "
            f"data: reports can be made for {first} to {last} (a month needs the two months "
            f"before it)."
        )
    return wanted




# ---------------------------------------------------------------- the KPIs of the scorecard


class ReportData:
    """What a KPI's ``compute`` function receives.

    Attributes
    ----------
    company : object
        The tables (``company.mrr``, ``company.surveys``, …).
    month : pandas.Period
        The month being reported.
    level : float
        Confidence level of intervals and significance tests.
    """

    def __init__(self, company: Any, month: pd.Period, level: float = 0.95) -> None:
        self.company, self.month, self.level = company, month, level
        self._cache: dict[str, Any] = {}

    def has(self, name: str) -> bool:
        """Whether the company has a table ``name`` (a DataFrame)."""
        return isinstance(getattr(self.company, name, None), pd.DataFrame)

    def table(self, name: str) -> pd.DataFrame:
        """The company's table ``name``."""
        if not self.has(name):
            raise InvalidParameterError(
                f"The company has no {name!r} table; a KPI of the report needs it."
            )
        return getattr(self.company, name)

    def cached(self, key: str, make: Callable[[], Any]) -> Any:
        """``make()``, computed once per scorecard and shared by the KPIs that use ``key``."""
        if key not in self._cache:
            self._cache[key] = make()
        return self._cache[key]


@dataclass(frozen=True)
class KPI:
    """One KPI of the scorecard (see "Adding a KPI to the report" in the module docstring).

    Attributes
    ----------
    id : str
        Short name, used in ``targets.toml`` and as the scorecard's index.
    label : str
        :func:`cskit.t` key of its name.
    unit : {"money", "count", "rate", "points"}
        How to show it; rates are fractions.
    higher_is_better : bool
        Its natural direction (a ``targets.toml`` may say otherwise).
    area : str
        Its section of the report, one of :data:`AREAS`.
    compute : callable
        ``compute(data: ReportData)`` → Series or DataFrame by month.
    needs : tuple of str
        Tables of the company it reads.
    parent : str or None
        Default parent in the KPI tree.
    columns : mapping of str to tuple of str
        Optional columns it needs, by table; without them the KPI is left out.
    """

    id: str
    label: str
    unit: str
    higher_is_better: bool
    area: str
    compute: Callable[[ReportData], pd.Series | pd.DataFrame]
    needs: tuple[str, ...] = ("mrr",)
    parent: str | None = None
    columns: Mapping[str, tuple[str, ...]] = field(default_factory=dict)

    def available(self, company: Any) -> bool:
        """Whether the company has the tables and columns this KPI needs."""
        frames = [getattr(company, n, None) for n in self.needs]
        if not all(isinstance(f, pd.DataFrame) for f in frames):
            return False
        return all(c in getattr(company, table).columns
                   for table, cols in self.columns.items() for c in cols)


def _mrr_totals(data: ReportData) -> pd.DataFrame:
    return data.cached("mrr", lambda: data.table("mrr").cs.mrr(period="M"))


def _mrr(data: ReportData) -> pd.Series:
    return _mrr_totals(data)["mrr"]


def _customers(data: ReportData) -> pd.Series:
    return _mrr_totals(data)["customers"]


def _net_new_mrr(data: ReportData) -> pd.Series:
    return data.cached("movements", lambda: data.table("mrr").cs.mrr_movements(period="M"))[
        "net_new"
    ]


def _churn(data: ReportData) -> pd.Series:
    return data.table("mrr").cs.churn(period="M")["churn"]


def _revenue_churn(data: ReportData) -> pd.Series:
    return data.table("mrr").cs.revenue_churn(kind="gross", period="M")["revenue_churn"]


def _net_revenue_churn(data: ReportData) -> pd.Series:
    return data.table("mrr").cs.revenue_churn(kind="net", period="M")["revenue_churn"]


def _no_months() -> pd.DataFrame:
    return pd.DataFrame(columns=["value", "se", "ci_low", "ci_high"], dtype=float,
                        index=pd.PeriodIndex([], freq="M", name="period"))


def _nps(data: ReportData) -> pd.DataFrame:
    surveys = data.table("surveys")
    if "survey" in surveys.columns and not (surveys["survey"] == "nps").any():
        return _no_months()  # surveys of other kinds only (e.g. CSAT): no NPS row
    result = surveys.cs.nps(period="M", confidence=data.level)
    return result.rename(columns={"nps": "value"})[["value", "se", "ci_low", "ci_high"]]


def _first_login_rate(data: ReportData) -> pd.Series:
    # Sign-ups of each month that logged in within 7 days; the reported month's
    # last week of sign-ups has not had its 7 days yet and is left out.
    result = data.table("accounts").cs.first_login_rate(
        within_days=7, period="M", as_of=data.month.end_time
    )
    return result["first_login_rate"]


def _stickiness(data: ReportData) -> pd.Series:
    return data.table("events").cs.stickiness(period="M")["stickiness"]


def _nrr(data: ReportData) -> pd.Series:
    return data.table("mrr").cs.nrr(period="M")["nrr"]


def _grr(data: ReportData) -> pd.Series:
    return data.table("mrr").cs.grr(period="M")["grr"]


def _trailing(kind: str) -> Callable[[ReportData], pd.Series]:
    """NRR or GRR over the 12 months to each month end; left out of the scorecard
    unless the data hold the 13 months up to the reported one."""

    def compute(data: ReportData) -> pd.Series:
        months = _months_of(data.company)
        if (data.month - months[0]).n < 12:  # fewer than 13 months up to the reported one
            return pd.Series([], dtype=float, index=pd.PeriodIndex([], freq="M", name="period"))
        return getattr(data.table("mrr").cs, kind)(period="M", window=12)[kind]

    return compute


def _survey_share(kind: str):
    """CSAT or CES per month with its standard error, so only significant changes count."""

    def compute(data: ReportData) -> pd.DataFrame:
        surveys = data.table("surveys")
        if "survey" in surveys.columns and not (surveys["survey"] == kind).any():
            # No answers of this survey at all: the KPI has no months (shown as missing).
            return _no_months()
        result = getattr(surveys.cs, kind)(period="M", confidence=data.level)
        return result.rename(columns={kind: "value"})[["value", "se", "ci_low", "ci_high"]]

    return compute


def _fcr(data: ReportData) -> pd.Series:
    return data.table("tickets").cs.fcr(period="M")["fcr"]


def _tickets_per_100(data: ReportData) -> pd.Series:
    volume = data.table("tickets").cs.ticket_volume(period="M", mrr=data.table("mrr"))
    return volume["per_100_accounts"]


#: The scorecard's KPIs, in display order. Append a :class:`KPI` to add one.
KPIS: list[KPI] = [
    KPI("mrr", "kpi.mrr", "money", True, "revenue", _mrr),
    KPI("net_new_mrr", "kpi.net_new_mrr", "money", True, "revenue", _net_new_mrr),
    KPI("customers", "kpi.customers", "count", True, "retention", _customers),
    KPI("churn", "kpi.churn", "rate", False, "retention", _churn),
    KPI("revenue_churn", "kpi.revenue_churn", "rate", False, "retention", _revenue_churn),
    KPI("net_revenue_churn", "kpi.net_revenue_churn", "rate", False, "retention",
        _net_revenue_churn),
    KPI("nrr", "report.kpi.nrr_monthly", "rate", True, "retention", _nrr),
    KPI("grr", "report.kpi.grr_monthly", "rate", True, "retention", _grr),
    KPI("nrr_12m", "report.kpi.nrr_12m", "rate", True, "retention", _trailing("nrr")),
    KPI("grr_12m", "report.kpi.grr_12m", "rate", True, "retention", _trailing("grr")),
    KPI("nps", "kpi.nps", "points", True, "voice", _nps, needs=("surveys",)),
    KPI("csat", "kpi.csat", "rate", True, "voice", _survey_share("csat"), needs=("surveys",),
        columns={"surveys": ("survey",)}),
    KPI("ces", "kpi.ces", "rate", True, "voice", _survey_share("ces"), needs=("surveys",),
        columns={"surveys": ("survey",)}),
    KPI("fcr", "kpi.fcr", "rate", True, "support", _fcr, needs=("tickets",),
        columns={"tickets": ("resolved_at", "agent_replies")}),
    KPI("tickets_per_100", "axis.per_100_accounts", "count", False, "support",
        _tickets_per_100, needs=("tickets", "mrr"), columns={"tickets": ("account_id",)}),
    KPI("first_login_rate", "report.kpi.first_login_rate", "rate", True, "usage",
        _first_login_rate, needs=("accounts",), parent="churn",
        columns={"accounts": ("signup_at", "first_login_at")}),
    KPI("stickiness", "report.kpi.stickiness", "rate", True, "usage", _stickiness,
        needs=("events",), parent="churn", columns={"events": ("user_id",)}),
]


def _spec(kpi: str, kpis: Sequence[KPI] | None = None) -> KPI:
    for spec in KPIS if kpis is None else kpis:
        if spec.id == kpi:
            return spec
    raise InvalidParameterError(
        f"kpi={kpi!r} is not a KPI of the report; use one of "
        f"{', '.join(s.id for s in (KPIS if kpis is None else kpis))}."
    )


def load_targets(data_dir: object = None, kpis: Sequence[KPI] | None = None) -> Targets:
    """The ``targets.toml`` of a data folder, checked against the report's KPI ids.

    ``data_dir=None`` is the bundled sample, whose file sets targets for every
    KPI (see :mod:`cskit.targets` for the format). A folder without the file
    gives empty targets.

    Examples
    --------
    >>> targets = load_targets()
    >>> targets["churn"].target, targets.parents()["first_login_rate"]
    (0.025, 'churn')
    """
    return _load_targets(data_dir, known=[k.id for k in (KPIS if kpis is None else kpis)])


def _as_frame(result: pd.Series | pd.DataFrame, kpi: str) -> pd.DataFrame:
    frame = result.to_frame("value") if isinstance(result, pd.Series) else result
    if "value" not in frame.columns:
        raise InvalidParameterError(
            f"The compute function of KPI {kpi!r} returned no 'value' column; return a Series "
            f"or a DataFrame with a 'value' column."
        )
    index = frame.index
    if not isinstance(index, pd.PeriodIndex):
        raise InvalidParameterError(
            f"The compute function of KPI {kpi!r} returned a result indexed by "
            f"{type(index).__name__}; index it by month (a PeriodIndex)."
        )
    return frame.set_axis(index.asfreq("M"), axis=0)


def _at(frame: pd.DataFrame, column: str, month: pd.Period) -> float:
    if column not in frame.columns or month not in frame.index:
        return math.nan
    value = frame.loc[month, column]
    return math.nan if value is None or pd.isna(value) else float(value)


#: Months of history behind "how much a KPI usually moves".
TYPICAL_MONTHS = 12


def _typical_change(values: pd.Series, month: pd.Period) -> float:
    """Mean absolute month-to-month change over the 12 months before ``month``.

    NaN with fewer than three changes to average.
    """
    window = pd.period_range(month - TYPICAL_MONTHS, month - 1, freq="M")
    changes = values.reindex(window).astype(float).diff().abs().dropna()
    return float(changes.mean()) if len(changes) >= 3 else math.nan


def _p_value(change: float, se_now: float, se_before: float) -> float:
    """Two-sided p-value of a change between two independent estimates."""
    if math.isnan(change) or math.isnan(se_now) or math.isnan(se_before):
        return math.nan
    spread = math.hypot(se_now, se_before)
    if spread > 0:
        return float(normal_p_value(abs(change) / spread))
    return 0.0 if change != 0 else 1.0  # both months unanimous: any difference is real


def scorecard(
    company: Any,
    month: object,
    *,
    level: float = 0.95,
    targets: Targets | None = None,
    kpis: Sequence[KPI] | None = None,
) -> pd.DataFrame:
    """The month's KPIs next to the month before, with the change, target and status.

    Parameters
    ----------
    company : SampleCompany or similar
        Anything with the data contract's frames as attributes (``mrr`` at
        least); KPIs whose tables are missing are left out.
    month : str or Period
        ``"YYYY-MM"``, checked with :func:`check_month`.
    level : float, default 0.95
        Confidence level of intervals and of significance tests.
    targets : cskit.targets.Targets, optional
        Targets, directions and the KPI tree (from :func:`load_targets`).
    kpis : sequence of KPI, optional
        The KPIs to show (default :data:`KPIS`).

    Returns
    -------
    pandas.DataFrame
        One row per KPI, in KPI-tree order (each KPI followed by its
        sub-KPIs), indexed by ``kpi`` with columns

        * ``label`` – the KPI's name in the current language; ``unit`` –
          ``"money"``, ``"count"``, ``"rate"`` (a fraction) or ``"points"``;
          ``area`` – its report section;
        * ``parent``, ``depth`` – its place in the KPI tree (depth 0 at the top);
        * ``value``, ``previous``, ``change`` (= value − previous; for rates a
          difference of fractions, 0.01 = 1 percentage point);
        * ``ci_low``, ``ci_high`` – interval of the month for sampled KPIs (NPS);
        * ``p_value`` – sampled KPIs only: two-sided p-value of the two-sample z
          test ``z = change / √(se² + se_previous²)`` (independent samples);
        * ``direction`` – ``"up"``, ``"down"`` or ``"flat"``; ``better`` –
          ``"higher"`` or ``"lower"`` (the target file's direction, else the KPI's);
        * ``verdict`` – ``"better"``, ``"worse"``, ``"unchanged"``, or for sampled
          KPIs ``"not_significant"`` when ``p_value ≥ 1 − level``; ``None`` when
          a value is missing (e.g. no NPS answers that month);
        * ``target`` and ``status`` – ``"on_track"`` when the value meets the
          target in the better direction (≥ for higher, ≤ for lower),
          ``"off_track"`` otherwise, ``None`` without a target or a value;
        * ``typical_change`` – mean absolute monthly change over the 12 months
          before; ``surprise`` – ``|change| ÷ typical_change``, how unusual the
          month's move is (used to pick :func:`top_moves`).

    Examples
    --------
    >>> import cskit
    >>> company = cskit.datasets.load_sample()
    >>> card = scorecard(company, "2026-10", targets=load_targets())
    >>> card.loc["customers", ["value", "previous", "change"]].astype(float).tolist()
    [1367.0, 1318.0, 49.0]
    >>> card.loc["customers", "verdict"]
    'better'
    >>> float(card.loc["churn", "target"]), card.loc["churn", "status"]
    (0.025, 'on_track')
    >>> card.loc["first_login_rate", "parent"], int(card.loc["first_login_rate", "depth"])
    ('churn', 1)
    """
    month = check_month(company, month)
    if not 0 < level < 1:
        raise InvalidParameterError(f"level={level!r} must be between 0 and 1, e.g. 0.95.")
    data = ReportData(company, month, level)
    specs = [k for k in (KPIS if kpis is None else kpis) if k.available(company)]
    by_id = {k.id: k for k in specs}
    targets = targets if targets is not None else Targets(())
    parents: dict[str, str | None] = {k.id: k.parent for k in specs}
    for kpi, entry in targets.items():
        if kpi in parents:
            parents[kpi] = entry.parent
    rows = []
    has_children = {p for p in parents.values() if p is not None}
    for kpi, depth, parent in tree_order(list(by_id), parents):
        spec = by_id[kpi]
        frame = _as_frame(spec.compute(data), kpi)
        if frame.empty and kpi not in has_children:
            continue  # e.g. CSAT when the surveys table holds no CSAT answers at all
        value, previous = _at(frame, "value", month), _at(frame, "value", month - 1)
        change = value - previous
        entry = targets.get(kpi)
        better = (entry.direction if entry is not None and entry.direction else
                  ("higher" if spec.higher_is_better else "lower"))
        p_value = math.nan
        if "se" in frame.columns:
            p_value = _p_value(change, _at(frame, "se", month), _at(frame, "se", month - 1))
        if math.isnan(change):
            direction = verdict = None
        else:
            flat = abs(change) <= 1e-12 * max(1.0, abs(previous))
            direction = "flat" if flat else ("up" if change > 0 else "down")
            good = change > 0 if better == "higher" else change < 0
            verdict = "unchanged" if flat else ("better" if good else "worse")
            if verdict != "unchanged" and not math.isnan(p_value) and p_value >= 1.0 - level:
                verdict = "not_significant"
        target = entry.target if entry is not None and entry.target is not None else math.nan
        status = None
        if not (math.isnan(target) or math.isnan(value)):
            met = value >= target if better == "higher" else value <= target
            status = "on_track" if met else "off_track"
        typical = _typical_change(frame["value"], month)
        rows.append({
            "kpi": kpi, "label": t(spec.label), "unit": spec.unit, "area": spec.area,
            "parent": parent, "depth": depth, "value": value, "previous": previous,
            "change": change, "ci_low": _at(frame, "ci_low", month),
            "ci_high": _at(frame, "ci_high", month), "p_value": p_value,
            "direction": direction, "better": better, "verdict": verdict, "target": target,
            "status": status, "typical_change": typical,
            "surprise": abs(change) / typical if typical > 0 else math.nan,
        })
    table = pd.DataFrame(rows).set_index("kpi")
    # object dtype: keep None for "no value" (a str column would turn it into NaN).
    for column in ("parent", "direction", "verdict", "status"):
        table[column] = pd.Series([row[column] for row in rows], index=table.index,
                                  dtype=object)
    table["depth"] = table["depth"].astype(np.int64)
    return table


def kpi_history(
    company: Any,
    month: object,
    kpis: Iterable[str],
    *,
    months: int = 24,
    level: float = 0.95,
) -> pd.DataFrame:
    """The ``value`` of each KPI for the ``months`` months up to ``month`` (columns: KPI ids).

    Examples
    --------
    >>> import cskit
    >>> history = kpi_history(cskit.datasets.load_sample(), "2026-10", ["churn"], months=3)
    >>> history.index.astype(str).tolist()
    ['2026-08', '2026-09', '2026-10']
    """
    month = check_month(company, month)
    data = ReportData(company, month, level)
    window = pd.period_range(month - (months - 1), month, freq="M", name="period")
    columns = {}
    for kpi in kpis:
        columns[kpi] = _as_frame(_spec(kpi).compute(data), kpi)["value"].reindex(window)
    return pd.DataFrame(columns, index=window)


# ---------------------------------------------------------------- showing the scorecard


def _missing(value: object) -> bool:
    return value is None or (isinstance(value, float) and math.isnan(value))


def _number(value: float, unit: str, *, signed: bool = False) -> str:
    if _missing(value):
        return "–"
    sign = "+" if signed else ""
    if unit in ("money", "count"):
        return f"{value:{sign},.0f}"
    if unit == "rate":
        if signed:
            return f"{value * 100:+.2f} {t('report.pp')}"
        return f"{value:.2%}"
    return f"{value:{sign}.1f}"


def _size(value: float, unit: str) -> str:
    """An unsigned amount of change: rates in percentage points."""
    if unit == "rate":
        return f"{value * 100:.2f} {t('report.pp')}"
    return _number(value, unit)


def _target(row: pd.Series) -> str:
    if _missing(row["target"]):
        return "–"
    return f"{'≥' if row['better'] == 'higher' else '≤'} {_number(row['target'], row['unit'])}"


_ARROWS = {"up": "▲", "down": "▼", "flat": "="}
_VERDICT_KEYS = {
    "better": "report.better",
    "worse": "report.worse",
    "unchanged": "report.unchanged",
    "not_significant": "report.not_significant",
}
_STATUS_KEYS = {"on_track": "report.on_track", "off_track": "report.off_track"}


def _name(row: pd.Series, kpi: str) -> str:
    """The KPI's name in the current language (the scorecard may have been made in another)."""
    keys = {k.id: k.label for k in KPIS}
    return t(keys[kpi]) if kpi in keys else str(row["label"])


def _label(row: pd.Series, kpi: str) -> str:
    label = _name(row, kpi)
    depth = int(row["depth"]) if "depth" in row.index else 0
    return ("\u2003" * (depth - 1) + "└ " + label) if depth > 0 else label


def _value_text(row: pd.Series) -> str:
    value = _number(row["value"], row["unit"])
    if not _missing(row["ci_low"]):
        low, high = row["ci_low"], row["ci_high"]
        if row["unit"] == "rate":
            value = f"{value} [{low:.1%}, {high:.1%}]"
        else:
            value = f"{value} [{low:.1f}, {high:.1f}]"
    return value


def _trend_text(row: pd.Series) -> str:
    verdict = row["verdict"]
    if verdict not in _VERDICT_KEYS:
        return "–"
    return f"{_ARROWS.get(row['direction'], '–')} {t(_VERDICT_KEYS[verdict])}"


def format_scorecard(table: pd.DataFrame) -> pd.DataFrame:
    """The scorecard as text, with labels and headers in the current language, to display.

    Money and counts get thousands separators, rates are percentages and their
    change is in percentage points, sampled KPIs (NPS) show their interval in
    brackets, sub-KPIs are indented under their parent with ``└``. The target
    and status columns appear when a target is set.

    Examples
    --------
    >>> import cskit
    >>> card = scorecard(cskit.datasets.load_sample(), "2026-10")
    >>> format_scorecard(card).loc["Paying customers"].tolist()
    ['1,367', '1,318', '+49', '▲ better']
    """
    with_targets = "target" in table.columns and table["target"].notna().any()
    rows = []
    for kpi, row in table.iterrows():  # one row per KPI (a handful), not per data row
        shown = {
            t("report.value"): _value_text(row),
            t("report.previous"): _number(row["previous"], row["unit"]),
            t("report.change"): _number(row["change"], row["unit"], signed=True),
            t("report.trend"): _trend_text(row),
        }
        if with_targets:
            shown[t("report.target")] = _target(row)
            shown[t("report.status")] = (t(_STATUS_KEYS[row["status"]])
                                         if row["status"] in _STATUS_KEYS else "–")
        rows.append(pd.Series(shown, name=_label(row, kpi)))
    shown = pd.DataFrame(rows)
    shown.index.name = t("report.kpi")
    return shown


def top_moves(table: pd.DataFrame, n: int = 3) -> pd.DataFrame:
    """The ``n`` KPIs that moved most this month, relative to how much each usually moves.

    A KPI's move is ``|change| ÷ typical monthly change`` (the scorecard's
    ``surprise``), which puts money, counts, rates and points on one scale.
    Only real moves count: ``unchanged``, missing and not significant survey
    changes are left out. KPIs with too little history to know their usual
    move come after the others, by relative change ``|change| ÷ |previous|``.

    Examples
    --------
    >>> card = pd.DataFrame({
    ...     "change": [10.0, 0.02, 5.0, 1.0], "previous": [100.0, 0.1, 50.0, 10.0],
    ...     "surprise": [0.5, 3.0, np.nan, 2.0],
    ...     "verdict": ["better", "worse", "better", "not_significant"]},
    ...     index=pd.Index(["mrr", "churn", "nps", "csat"], name="kpi"))
    >>> top_moves(card, n=2).index.tolist()
    ['churn', 'mrr']
    """
    moved = table[table["verdict"].isin(["better", "worse"])]
    relative = (moved["change"].abs() / moved["previous"].abs()).replace(np.inf, np.nan)
    ranked = moved.assign(
        _known=moved["surprise"].notna(), _surprise=moved["surprise"].fillna(0.0),
        _relative=relative.fillna(0.0),
    ).sort_values(["_known", "_surprise", "_relative"], ascending=False, kind="stable")
    return ranked.drop(columns=["_known", "_surprise", "_relative"]).head(n)


def _move_sentence(kpi: str, row: pd.Series) -> str:
    unit = row["unit"]
    key = "report.move.up" if row["change"] > 0 else "report.move.down"
    text = t(key, label=_name(row, kpi),
             previous=_number(row["previous"], unit), value=_number(row["value"], unit),
             change=_number(row["change"], unit, signed=True),
             verdict=t(_VERDICT_KEYS[row["verdict"]]))
    if not _missing(row.get("typical_change")):
        text += " " + t("report.move.typical", typical=_size(row["typical_change"], unit))
    if row.get("status") in _STATUS_KEYS:
        text += " " + t("report.move.target", target=_target(row),
                        status=t(_STATUS_KEYS[row["status"]]))
    return text


def summary_top_moves(table: pd.DataFrame, n: int = 3) -> list[str]:
    """One sentence for each of the :func:`top_moves`, with its numbers.

    Examples
    --------
    >>> import cskit
    >>> card = scorecard(cskit.datasets.load_sample(), "2026-10")
    >>> summary_top_moves(card)[0]
    'First contact resolution (FCR) rose from 50.81% to 56.07% (+5.26 pp, better). It usually moves by about 3.31 pp a month.'
    """
    return [_move_sentence(kpi, row) for kpi, row in top_moves(table, n).iterrows()]


def summary_targets(table: pd.DataFrame) -> str:
    """How many KPIs are on track, and which are not (with value and target).

    Examples
    --------
    >>> import cskit
    >>> card = scorecard(cskit.datasets.load_sample(), "2026-10", targets=load_targets())
    >>> print(summary_targets(card))  # doctest: +ELLIPSIS
    3 of 8 KPIs with a target are on track. Off track: MRR (1,175,557; target ≥ 1,200,000); ...
    """
    judged = table[table["status"].isin(list(_STATUS_KEYS))]
    if judged.empty:
        return t("report.targets.none")
    on = int((judged["status"] == "on_track").sum())
    text = t("report.targets.summary", on=on, total=len(judged))
    off = judged[judged["status"] == "off_track"]
    if not off.empty:
        items = [f"{_name(row, kpi)} ({_number(row['value'], row['unit'])}; "
                 f"{t('report.target_of', target=_target(row))})" for kpi, row in off.iterrows()]
        text += " " + t("report.targets.off", items="; ".join(items))
    return text


def scorecard_records(table: pd.DataFrame) -> list[dict[str, object]]:
    """The scorecard as JSON-ready rows (``None`` for missing values), for exports.

    Examples
    --------
    >>> import cskit
    >>> rows = scorecard_records(scorecard(cskit.datasets.load_sample(), "2026-10"))
    >>> rows[2]["kpi"], rows[2]["value"], rows[2]["target"]
    ('customers', 1367.0, None)
    """
    columns = ["label", "parent", "depth", "unit", "value", "previous", "change", "target",
               "better", "status", "verdict", "p_value"]
    records = []
    for kpi, row in table.iterrows():
        record: dict[str, object] = {"kpi": str(kpi)}
        for column in columns:
            value = row[column] if column in row.index else None
            if isinstance(value, (np.integer, np.floating)):
                value = value.item()
            record[column] = None if _missing(value) else value
        records.append(record)
    return records


# ---------------------------------------------------------------- HTML fragments

SCORECARD_CSS = """
<style>
table.cskit-scorecard { border-collapse: collapse; font-size: 14px; margin: 0.5em 0 1em; }
table.cskit-scorecard th, table.cskit-scorecard td {
  padding: 4px 10px; border-bottom: 1px solid #dee2e6; text-align: right; white-space: nowrap; }
table.cskit-scorecard th { background: #f1f3f5; font-weight: 600; }
table.cskit-scorecard td.kpi, table.cskit-scorecard th.kpi { text-align: left; }
table.cskit-scorecard tr.depth-1 td.kpi { padding-left: 28px; color: #495057; }
table.cskit-scorecard tr.depth-2 td.kpi { padding-left: 46px; color: #495057; }
table.cskit-scorecard .better { color: #2b8a3e; }
table.cskit-scorecard .worse { color: #c92a2a; }
table.cskit-scorecard .not_significant, table.cskit-scorecard .unchanged { color: #868e96; }
table.cskit-scorecard .on_track { background: #d3f9d8; color: #2b8a3e; font-weight: 600; }
table.cskit-scorecard .off_track { background: #ffe3e3; color: #c92a2a; font-weight: 600; }
table.cskit-comments { border-collapse: collapse; font-size: 13px; margin: 0.5em 0 1em; }
table.cskit-comments td, table.cskit-comments th {
  padding: 4px 10px; border-bottom: 1px solid #dee2e6; text-align: left; vertical-align: top; }
table.cskit-comments td.comment { white-space: pre-wrap; max-width: 60em; }
</style>
""".strip()


def scorecard_html(table: pd.DataFrame) -> str:
    """The scorecard as an HTML table (every text escaped), coloured by verdict and status.

    Examples
    --------
    >>> import cskit
    >>> card = scorecard(cskit.datasets.load_sample(), "2026-10", targets=load_targets())
    >>> page = scorecard_html(card)
    >>> page.count("<tr class="), 'class="on_track"' in page
    (17, True)
    """
    shown = format_scorecard(table)
    esc = html.escape
    head = "".join(f"<th>{esc(str(c))}</th>" for c in shown.columns)
    lines = [SCORECARD_CSS, '<table class="cskit-scorecard">',
             f'<thead><tr><th class="kpi">{esc(str(shown.index.name))}</th>{head}</tr></thead>',
             "<tbody>"]
    for (kpi, row), (label, cells) in zip(table.iterrows(), shown.iterrows(), strict=True):
        depth = int(row["depth"]) if "depth" in row.index else 0
        classes = {t("report.trend"): row["verdict"], t("report.status"): row.get("status")}
        classes = {k: v if isinstance(v, str) else "" for k, v in classes.items()}
        tds = "".join(
            f'<td class="{esc(classes.get(column, ""))}">{esc(str(cell))}</td>'
            for column, cell in cells.items()
        )
        lines.append(f'<tr class="depth-{depth}" data-kpi="{esc(str(kpi))}">'
                     f'<td class="kpi">{esc(str(label).lstrip(chr(0x2003)))}</td>{tds}</tr>')
    lines.append("</tbody></table>")
    return "\n".join(lines)


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
    esc = html.escape
    if comments.empty:
        return f"<p>{esc(t('report.no_comments'))}</p>"
    lines = [SCORECARD_CSS, '<table class="cskit-comments">',
             f"<thead><tr><th>{esc(t('report.comment_date'))}</th>"
             f"<th>{esc(t('report.comment_score'))}</th>"
             f"<th>{esc(t('report.comment'))}</th></tr></thead><tbody>"]
    for when, score, comment in zip(comments["submitted_at"], comments["score"],
                                    comments["comment"], strict=True):
        lines.append(f"<tr><td>{esc(f'{when:%Y-%m-%d}')}</td><td>{esc(str(int(score)))}</td>"
                     f'<td class="comment">{esc(str(comment))}</td></tr>')
    lines.append("</tbody></table>")
    return "\n".join(lines)


PAGE_CSS = """
body { font-family: "Noto Sans", "Noto Sans CJK JP", "Noto Sans CJK KR", "Noto Sans CJK TC",
  -apple-system, "Segoe UI", Helvetica, Arial, sans-serif; color: #212529; margin: 0;
  background: #f8f9fa; line-height: 1.5; }
main.cskit-report { max-width: 980px; margin: 0 auto; padding: 24px 32px 48px;
  background: #ffffff; }
main.cskit-report h1 { font-size: 26px; margin: 8px 0 4px; }
main.cskit-report h2 { font-size: 20px; margin: 28px 0 6px; padding-top: 12px;
  border-top: 2px solid #e9ecef; }
main.cskit-report h3 { font-size: 16px; margin: 18px 0 4px; }
main.cskit-report img { max-width: 100%; height: auto; }
main.cskit-report ul { padding-left: 1.4em; }
main.cskit-report .jp-OutputPrompt, main.cskit-report .jp-InputPrompt { display: none; }
main.cskit-report a.anchor-link { display: none; }
.cskit-page-break { height: 0; }
@media print {
  body { background: #ffffff; }
  main.cskit-report { padding: 0; max-width: none; }
  .cskit-page-break { page-break-before: always; break-before: page; }
}
""".strip()


def page_html(body: str, *, title: str, lang: str = "en") -> str:
    """A self-contained HTML page around the report's body (no script, nothing fetched).

    Examples
    --------
    >>> page = page_html("<p>Hi</p>", title="A <report>", lang="ja")
    >>> page.startswith('<!DOCTYPE html>\\n<html lang="ja">'), "<title>A &lt;report&gt;</title>" in page
    (True, True)
    """
    esc = html.escape
    return (
        f'<!DOCTYPE html>\n<html lang="{esc(lang)}">\n<head>\n<meta charset="utf-8">\n'
        f'<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f"<title>{esc(title)}</title>\n<style>\n{PAGE_CSS}\n</style>\n</head>\n<body>\n"
        f'<main class="cskit-report">\n{body}\n</main>\n</body>\n</html>\n'
    )


# ---------------------------------------------------------------- the KPI table export

#: First characters that make a spreadsheet read a cell as a formula.
FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")

_EXPORT_COLUMNS = ("kpi", "label", "parent", "unit", "value", "previous", "change", "target",
                   "better", "status", "verdict", "p_value")


def safe_cell(value: object) -> object:
    """A value safe to put in a spreadsheet cell: text that a spreadsheet would run as a
    formula (starting with ``= + - @``, a tab or a carriage return) gets a leading ``'``.

    Numbers are left as numbers (a negative number is not text, and stays one).

    Examples
    --------
    >>> [safe_cell(v) for v in ["=HYPERLINK(\\"x\\")", "@SUM(A1)", "-2+3", "MRR", -2.5]]
    ['\\'=HYPERLINK("x")', "'@SUM(A1)", "'-2+3", 'MRR', -2.5]
    """
    if isinstance(value, str) and value.startswith(FORMULA_PREFIXES):
        return "'" + value
    return value


def kpi_table(records: Sequence[Mapping[str, object]]) -> pd.DataFrame:
    """The scorecard records as the export table, with every text cell made safe.

    Columns: ``kpi, label, parent, unit, value, previous, change, target,
    better, status, verdict, p_value`` (rates as fractions, as in the scorecard).
    """
    rows = [{c: safe_cell(r.get(c)) for c in _EXPORT_COLUMNS} for r in records]
    return pd.DataFrame(rows, columns=list(_EXPORT_COLUMNS))


def export_header(language: str | None = None) -> list[str]:
    """The export's column names in ``language`` (English: the machine names).

    >>> export_header("en")[:3], export_header("ko")[:3]
    (['kpi', 'label', 'parent'], ['KPI ID', '지표', '상위 지표'])
    """
    return [t(f"report.export.{c}", language) for c in _EXPORT_COLUMNS]


def kpi_csv(records: Sequence[Mapping[str, object]], *, language: str | None = None) -> str:
    """The KPI table as CSV text (write it with a UTF-8 BOM for spreadsheets).

    The header is in ``language`` (default: the current one; see :func:`export_header`).

    A line break inside a cell (CR, LF or both) becomes one space, so no cell can
    start a new row, and each line is one row of the table.

    Examples
    --------
    >>> print(kpi_csv([{"kpi": "x", "label": "=1+1", "value": -3.0}], language="en"), end="")
    kpi,label,parent,unit,value,previous,change,target,better,status,verdict,p_value
    x,'=1+1,,,-3.0,,,,,,,
    >>> print(kpi_csv([{"kpi": "y", "label": "a\\r=2+3"}], language="en").splitlines()[1])
    y,a =2+3,,,,,,,,,,
    """
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(export_header(language))
    for row in kpi_table(records).itertuples(index=False):
        writer.writerow([
            "" if _missing(v) else re.sub(r"\r\n|[\r\n]", " ", v) if isinstance(v, str) else v
            for v in row
        ])
    return buffer.getvalue()


def kpi_xlsx(
    records: Sequence[Mapping[str, object]], *, title: str = "KPIs", language: str | None = None
) -> bytes:
    """The KPI table as an Excel workbook (needs ``openpyxl``: ``pip install 'cskit[io]'``).

    Text cells are written as text (never as formulas) and made safe with
    :func:`safe_cell` too, so the sheet stays safe if saved as CSV again.
    """
    try:
        from openpyxl import Workbook
    except ImportError as exc:
        raise InvalidParameterError(
            "Writing .xlsx needs openpyxl: pip install 'cskit[io]' (or export CSV instead)."
        ) from exc
    book = Workbook()
    sheet = book.active
    sheet.title = re.sub(r"[\[\]:*?/\\]", "_", title)[:31] or "KPIs"
    sheet.append(export_header(language))
    for row in kpi_table(records).itertuples(index=False):
        sheet.append([None if _missing(v) else v for v in row])
    for cells in sheet.iter_rows(min_row=2):
        for cell in cells:
            if isinstance(cell.value, str):
                cell.data_type = "s"  # text, whatever it starts with
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


# ---------------------------------------------------------------- sentences and trends


def last_months(result: pd.DataFrame | pd.Series, month: object, months: int = 24):
    """Rows of a period-indexed result from ``months`` months before ``month`` up to it.

    A report for a past month must not show what came after it.

    Examples
    --------
    >>> s = pd.Series(range(5), index=pd.period_range("2026-01", periods=5, freq="M"))
    >>> last_months(s, "2026-04", months=2).tolist()
    [2, 3]
    """
    end = parse_month(month)
    periods = result.index.get_level_values(0) if isinstance(result.index, pd.MultiIndex) \
        else result.index
    if not isinstance(periods, pd.PeriodIndex):
        raise InvalidParameterError("last_months needs a result indexed by period.")
    start = end - (months - 1)
    keep = (periods >= start) & (periods <= end)
    return result[np.asarray(keep)]


def _short_money(value: float, signed: bool = False) -> str:
    return f"{value:+,.0f}" if signed else f"{value:,.0f}"


def summary_movements(movements: pd.DataFrame, month: object) -> str:
    """One sentence on the month's MRR movements (from ``mrr_movements()``).

    Examples
    --------
    >>> moves = pd.DataFrame(
    ...     {"start": [100.0], "new": [30.0], "expansion": [20.0], "contraction": [5.0],
    ...      "churn": [15.0], "reactivation": [0.0], "end": [130.0], "net_new": [30.0]},
    ...     index=pd.PeriodIndex(["2026-10"], freq="M", name="period"))
    >>> summary_movements(moves, "2026-10")
    'MRR went from 100 to 130 in 2026-10 (+30 net new): 50 came in and 20 went out.'
    """
    month = parse_month(month)
    row = movements.loc[month]
    inflow = row["new"] + row["expansion"] + row["reactivation"]
    outflow = row["contraction"] + row["churn"]
    return t(
        "report.summary.movements",
        month=str(month),
        start=_short_money(row["start"]),
        end=_short_money(row["end"]),
        net_new=_short_money(row["end"] - row["start"], signed=True),
        inflow=_short_money(inflow),
        outflow=_short_money(outflow),
    )


def summary_churn(churn: pd.DataFrame, month: object) -> str:
    """One sentence on the month's customer churn (from ``churn(period="M")``)."""
    month = parse_month(month)
    row = churn.loc[month]
    return t(
        "report.summary.churn",
        month=str(month),
        churned=f"{int(row['churned']):,}",
        start=f"{int(row['start_customers']):,}",
        rate=float(row["churn"]),
    )


def summary_nps(nps: pd.DataFrame, month: object, level: float = 0.95) -> str:
    """One sentence on the month's NPS and its interval (from ``nps(period="M")``)."""
    month = parse_month(month)
    if month not in nps.index or nps.loc[month, "n"] == 0:
        return t("report.no_nps", month=str(month))
    row = nps.loc[month]
    return t(
        "report.summary.nps",
        month=str(month),
        nps=float(row["nps"]),
        n=f"{int(row['n']):,}",
        level=level,
        low=float(row["ci_low"]),
        high=float(row["ci_high"]),
    )



# ---------------------------------------------------------------- customer health

#: File next to the data holding a fitted health score (``Calibration.save``): the
#: report scores with it when it is there, with the default score otherwise.
HEALTH_FILE = "health.json"
#: Months of known outcome the default score is checked on.
HEALTH_CHECK_MONTHS = 6


def load_health(data_dir: object = None):
    """The calibrated health score saved as ``health.json`` in ``data_dir``, or None.

    Write one with ``cskit.health.calibrate(inputs, mrr).save(Path(data_dir) / "health.json")``
    (notebook 08 shows how); next month's report then scores with the same weights and bands.
    """
    from pathlib import Path

    from cskit.health import load_calibration

    if data_dir is None or not (Path(str(data_dir)) / HEALTH_FILE).is_file():
        return None
    return load_calibration(Path(str(data_dir)) / HEALTH_FILE)


def _health_inputs(company: Any, month: pd.Period) -> tuple[pd.DataFrame, str | None]:
    """Raw health signals up to ``month`` (with the segment when the accounts have one)."""
    from cskit.health import health_inputs

    events, accounts = company.events, company.accounts
    key = sorted(set(events["event"].unique()) - {"login", "view_dashboard"}) or None
    inputs = health_inputs(events, accounts, company.mrr,
                           surveys=getattr(company, "surveys", None),
                           tickets=getattr(company, "tickets", None),
                           key_features=key, end=month)
    by = "segment" if "segment" in accounts.columns else None
    if by:
        inputs[by] = inputs["account_id"].map(accounts.set_index("account_id")[by])
    return inputs, by


def _health(company: Any, month: pd.Period, calibration: Any) -> tuple:
    """(inputs, scores, components, by) of the report's health score up to ``month``."""
    from cskit.health import DEFAULT_COMPONENTS, health_score

    inputs, by = _health_inputs(company, month)
    if calibration is not None:
        return inputs, calibration.score(inputs, by=by), calibration.components, by
    return inputs, health_score(inputs, by=by), DEFAULT_COMPONENTS, by


def health_scores(company: Any, month: str | pd.Period, calibration: Any = None) -> pd.DataFrame:
    """Health score and band per paying account and month, up to ``month``.

    With ``calibration`` (see :func:`load_health`) the fitted weights and bands;
    otherwise :data:`cskit.health.DEFAULT_COMPONENTS` and the default bands.
    """
    return _health(company, parse_month(month), calibration)[1]


def moved_to_red(
    company: Any, month: str | pd.Period, calibration: Any = None, reasons: int = 2
) -> pd.DataFrame:
    """Paying accounts whose health band fell to red in ``month``, most MRR at risk first.

    Accounts scored for the first time this month are not counted (they did not move).

    Columns ``account_id``, ``name`` (when the accounts table has ``name`` or
    ``account_name``), ``segment`` (when it has one), ``mrr`` (the account's MRR
    this month: the revenue at risk), ``previous_band, band, previous_score,
    score, change`` and ``reasons`` (the ``reasons`` components that pulled the
    score down most, as text in the current language).
    """
    from cskit.health import band_changes
    from cskit.health import reasons as why

    month = parse_month(month)
    inputs, scores, components, by = _health(company, month, calibration)
    moved = band_changes(scores, month, to="red")
    moved = moved.loc[moved["previous_band"].notna()]  # new accounts did not "move"
    now = (scores["month"] == month).to_numpy()
    text = why(scores.loc[now], components=components, inputs=inputs.loc[now], n=reasons, by=by)
    info = pd.DataFrame({"account_id": inputs.loc[now, "account_id"].to_numpy(),
                         "mrr": inputs.loc[now, "mrr"].to_numpy(),
                         "reasons": text["reasons"].to_numpy()})
    accounts = company.accounts.drop_duplicates("account_id").set_index("account_id")
    name = next((c for c in ("name", "account_name") if c in accounts.columns), None)
    out = moved.merge(info, on="account_id", how="left")
    front = ["account_id"]
    if name:
        out["name"] = out["account_id"].map(accounts[name])
        front.append("name")
    if by:
        out[by] = out["account_id"].map(accounts[by])
        front.append(by)
    cols = front + ["mrr", "previous_band", "band", "previous_score", "score", "change", "reasons"]
    out = out[cols].sort_values(["mrr", "account_id"], ascending=[False, True])
    return out.reset_index(drop=True)


def health_check(company: Any, month: str | pd.Period, calibration: Any = None) -> dict:
    """How the report's health score was checked, and each band's share this month.

    With a calibration: its AUC on the months it was judged on (never fitted on).
    Without: the default score's backtest over the last :data:`HEALTH_CHECK_MONTHS`
    months whose churn within the horizon is known by ``month`` (the default
    weights are not fitted to the data, so these months are later than the fit).

    Returns a dict with ``method`` ("calibrated", "default", or "unchecked" when
    no scored month before ``month`` has a known outcome yet), ``auc``,
    ``first``, ``last`` (judged months), ``horizon``, ``account_months``,
    ``fit_first``, ``fit_last`` and ``auc_fit`` (calibrated only), ``shares``
    (band → share of paying accounts in ``month``) and ``ranked`` (True when a
    component is a rank, so a fixed share is always in the lowest band).
    """
    from cskit.errors import CskitError
    from cskit.health import backtest

    month = parse_month(month)
    inputs, scores, components, _ = _health(company, month, calibration)
    now = scores.loc[(scores["month"] == month).to_numpy(), "band"]
    shares = now.value_counts(normalize=True, sort=False)
    ranked = any(c.method == "percentile" and c.weight > 0 for c in components)
    out: dict[str, Any] = {"shares": {str(b): float(v) for b, v in shares.items()},
                           "ranked": ranked}
    if calibration is not None:
        out.update(method="calibrated", auc=calibration.auc_test,
                   first=calibration.test_months[0], last=calibration.test_months[1],
                   horizon=calibration.horizon,
                   account_months=int(calibration.bands_test["accounts"].sum()),
                   fit_first=calibration.fit_months[0], fit_last=calibration.fit_months[1],
                   auc_fit=calibration.auc_fit)
        return out
    horizon = 3
    last = month - horizon
    first = last - (HEALTH_CHECK_MONTHS - 1)
    months = scores["month"]
    window = scores.loc[((months >= first) & (months <= last)).to_numpy()]
    money = company.mrr.loc[np.asarray(pd.PeriodIndex(company.mrr["month"], freq="M") <= month)]
    out.update(first=str(first), last=str(last), horizon=horizon)
    try:
        bt = backtest(window, money, horizon=horizon, components=[])
    except CskitError:  # too early in the data: no scored month has a known outcome yet
        out.update(method="unchecked", auc=float("nan"), account_months=0)
        return out
    out.update(method="default", auc=bt.auc, account_months=bt.n)
    return out


def health_check_text(check: Mapping[str, Any], month: object) -> list[str]:
    """Sentences (current language) saying how the score was checked and the band shares."""
    keys = {"method": check["method"], "auc": f"{check['auc']:.2f}", "first": check["first"],
            "last": check["last"], "horizon": check["horizon"], "month": month,
            "n": f"{check['account_months']:,}"}
    if check["method"] == "calibrated":
        keys.update(fit_first=check["fit_first"], fit_last=check["fit_last"],
                    auc_fit=f"{check['auc_fit']:.2f}")
    lines = [t(f"report.health.checked_{check['method']}", **keys)]
    parts = [t("report.health.band_share", band=t(f"health.band.{b}") if b in
               ("red", "yellow", "green") else b, share=f"{v:.0%}")
             for b, v in check["shares"].items()]
    lines.append(t("report.health.shares", month=month, shares=", ".join(parts)))
    if check["ranked"]:
        lines.append(t("report.health.ranked"))
    return lines
