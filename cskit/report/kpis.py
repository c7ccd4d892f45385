"""The KPIs of the scorecard: what each computes, from which tables, and how it is shown."""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

import pandas as pd

from cskit.errors import InvalidParameterError
from cskit.report.months import _months_of
from cskit.targets import Targets
from cskit.targets import load_targets as _load_targets

#: Sections of the report, in order; each KPI belongs to one.
AREAS: tuple[str, ...] = ("revenue", "retention", "voice", "usage", "support", "health")


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
    return data.table("mrr").cs.churn(period="M")["churn_rate"]


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
    result = surveys.cs.nps(period="M", level=data.level)
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
        result = getattr(surveys.cs, kind)(period="M", level=data.level)
        return result.rename(columns={kind: "value"})[["value", "se", "ci_low", "ci_high"]]

    return compute


def _fcr(data: ReportData) -> pd.Series:
    return data.table("tickets").cs.fcr(period="M")["fcr"]


def _tickets_per_100(data: ReportData) -> pd.Series:
    volume = data.table("tickets").cs.ticket_volume(period="M", active=data.table("mrr"))
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
