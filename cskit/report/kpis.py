"""The KPIs of the scorecard: what each computes, from which tables, and how it is shown."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

import pandas as pd

from cskit._kpi import KPI
from cskit.errors import InvalidParameterError
from cskit.report.months import mrr_months
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


def available(spec: KPI, company: Any) -> bool:
    """Whether the company has the tables and columns the KPI ``spec`` needs."""
    frames = [getattr(company, n, None) for n in spec.needs]
    if not all(isinstance(f, pd.DataFrame) for f in frames):
        return False
    return all(c in getattr(company, table).columns
               for table, cols in spec.columns.items() for c in cols)


def _counted(value: pd.Series, numerator: pd.Series, denominator: pd.Series) -> pd.DataFrame:
    """A rate KPI with the counts behind it: the scorecard tests its change on them."""
    return pd.DataFrame({"value": value, "numerator": numerator, "denominator": denominator})


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


def _churn(data: ReportData) -> pd.DataFrame:
    result = data.table("mrr").cs.churn(period="M")
    return _counted(result["churn"], result["churned"], result["denominator"])


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


def _first_login_rate(data: ReportData) -> pd.DataFrame:
    # Sign-ups of each month that logged in within 7 days; the reported month's
    # last week of sign-ups has not had its 7 days yet and is left out.
    result = data.table("accounts").cs.first_login_rate(
        within_days=7, period="M", as_of=data.month.end_time
    )
    return _counted(result["first_login_rate"], result["logged_in"], result["new_accounts"])


def _stickiness(data: ReportData) -> pd.Series:
    # The headline convention: mean DAU / trailing-28-day MAU (a calendar-month MAU
    # makes short months look stickier).
    return data.table("events").cs.stickiness(period="M", mau="trailing")["stickiness"]


def _trailing(kind: str) -> Callable[[ReportData], pd.Series]:
    """The NRR or GRR headline: over the 12 months to each month end (customers who
    return after churning excluded) when the data hold the 13 months up to the
    reported one, otherwise the monthly figure; its ``attrs["label"]`` says which."""

    def compute(data: ReportData) -> pd.Series:
        months = mrr_months(data.company)
        if (data.month - months[0]).n < 12:  # fewer than 13 months up to the reported one
            result = getattr(data.table("mrr").cs, kind)(period="M")[kind]
            label = f"report.kpi.{kind}_monthly"
        else:
            result = getattr(data.table("mrr").cs, kind)(period="M", window=12)[kind]
            label = f"report.kpi.{kind}_12m"
        result = result.copy()
        result.attrs["label"] = label
        return result

    return compute


#: The count of "good" answers in the CSAT and CES results (the share's numerator).
_SURVEY_COUNTS = {"csat": "satisfied", "ces": "easy"}


def _survey_share(kind: str):
    """CSAT or CES per month with its counts, so only significant changes count."""

    def compute(data: ReportData) -> pd.DataFrame:
        surveys = data.table("surveys")
        if "survey" in surveys.columns and not (surveys["survey"] == kind).any():
            # No answers of this survey at all: the KPI has no months (shown as missing).
            return _no_months()
        result = getattr(surveys.cs, kind)(period="M", confidence=data.level)
        counted = _counted(result[kind], result[_SURVEY_COUNTS[kind]], result["n"])
        return counted.join(result[["se", "ci_low", "ci_high"]])

    return compute


def _fcr(data: ReportData) -> pd.DataFrame:
    result = data.table("tickets").cs.fcr(period="M")
    return _counted(result["fcr"], result["qualifying"], result["denominator"])


def _tickets_per_100(data: ReportData) -> pd.Series:
    volume = data.table("tickets").cs.ticket_volume(period="M", mrr=data.table("mrr"))
    return volume["per_100_accounts"]


#: The scorecard's KPIs, in display order. Append a :class:`KPI` (:mod:`cskit._kpi`, cskit's one KPI
#: class) to add one: ``name``, ``compute``, ``label``, ``unit``, ``higher_is_better``,
#: ``area``, ``needs``, ``columns`` and ``parent`` are the fields the report reads.
KPIS: list[KPI] = [
    KPI("mrr", _mrr, label="kpi.mrr", unit="money", area="revenue", needs=("mrr",)),
    KPI("net_new_mrr", _net_new_mrr, label="kpi.net_new_mrr", unit="money", area="revenue",
        needs=("mrr",)),
    KPI("customers", _customers, label="kpi.customers", unit="count", area="retention",
        needs=("mrr",)),
    KPI("churn", _churn, label="kpi.churn", higher_is_better=False, area="retention",
        needs=("mrr",)),
    KPI("revenue_churn", _revenue_churn, label="kpi.revenue_churn", higher_is_better=False,
        area="retention", needs=("mrr",)),
    KPI("net_revenue_churn", _net_revenue_churn, label="kpi.net_revenue_churn",
        higher_is_better=False, area="retention", needs=("mrr",)),
    KPI("nrr", _trailing("nrr"), label="report.kpi.nrr_12m", area="retention",
        needs=("mrr",)),
    KPI("grr", _trailing("grr"), label="report.kpi.grr_12m", area="retention",
        needs=("mrr",)),
    KPI("nps", _nps, label="kpi.nps", unit="points", area="voice", needs=("surveys",)),
    KPI("csat", _survey_share("csat"), label="kpi.csat", area="voice", needs=("surveys",),
        columns={"surveys": ("survey",)}),
    KPI("ces", _survey_share("ces"), label="kpi.ces", area="voice", needs=("surveys",),
        columns={"surveys": ("survey",)}),
    KPI("fcr", _fcr, label="kpi.fcr", area="support", needs=("tickets",),
        columns={"tickets": ("resolved_at", "agent_replies")}),
    KPI("tickets_per_100", _tickets_per_100, label="axis.per_100_accounts", unit="count",
        higher_is_better=False, area="support", needs=("tickets", "mrr"),
        columns={"tickets": ("account_id",)}),
    KPI("first_login_rate", _first_login_rate, label="report.kpi.first_login_rate",
        area="usage", needs=("accounts",), parent="churn",
        columns={"accounts": ("signup_at", "first_login_at")}),
    KPI("stickiness", _stickiness, label="report.kpi.stickiness", area="usage",
        needs=("events",), parent="churn", columns={"events": ("user_id",)}),
]


def kpi_spec(kpi: str, kpis: Sequence[KPI] | None = None) -> KPI:
    for spec in KPIS if kpis is None else kpis:
        if spec.name == kpi:
            return spec
    raise InvalidParameterError(
        f"kpi={kpi!r} is not a KPI of the report; use one of "
        f"{', '.join(s.name for s in (KPIS if kpis is None else kpis))}."
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
    return _load_targets(data_dir, known=[k.name for k in (KPIS if kpis is None else kpis)])
