"""The content of the monthly report, as plain functions.

``notebooks/monthly_report.ipynb`` (run by ``cskit report``) calls these; they
take a *company* — anything with ``mrr`` and ``surveys`` frames following the
data contract, such as :func:`cskit.datasets.load_sample`'s result — and a
month, and return pandas objects or sentences. Nothing here draws or prints.

Which months can be reported: the report compares a month with the month
before, and churn in a month needs the customers of the month before it, so a
month *m* needs *m − 1* and *m − 2* in the data. The reportable months are
therefore the third month of the data up to its last month (the data's last
month is taken to be complete, as :attr:`SampleCompany.latest_month` documents).
"""

from __future__ import annotations

import math
import re
from statistics import NormalDist
from typing import Any

import numpy as np
import pandas as pd

from cskit.errors import EmptyFrameError, InvalidParameterError, MissingColumnError
from cskit.i18n import t

__all__ = [
    "KPIS",
    "check_month",
    "format_scorecard",
    "last_months",
    "parse_month",
    "reportable_months",
    "scorecard",
    "summary_churn",
    "summary_movements",
    "summary_nps",
]

#: Rows of the scorecard: (id, label key, unit, is a rise good?).
KPIS: tuple[tuple[str, str, str, bool], ...] = (
    ("mrr", "kpi.mrr", "money", True),
    ("net_new_mrr", "kpi.net_new_mrr", "money", True),
    ("customers", "kpi.customers", "count", True),
    ("churn", "kpi.churn", "rate", False),
    ("revenue_churn", "kpi.revenue_churn", "rate", False),
    ("net_revenue_churn", "kpi.net_revenue_churn", "rate", False),
    ("nps", "kpi.nps", "points", True),
)

_MONTH = re.compile(r"(\d{4})-(\d{2})")


def parse_month(month: object) -> pd.Period:
    """A month given as ``"YYYY-MM"`` (or a Period / Timestamp) as a monthly Period.

    Strings must be exactly ``YYYY-MM`` with a month 01–12: pandas alone would
    read ``"October"`` as October of the current year, and a report must not
    depend on today's date.

    Examples
    --------
    >>> parse_month("2026-09")
    Period('2026-09', 'M')
    >>> parse_month("2026-13")
    Traceback (most recent call last):
    ...
    cskit.errors.InvalidParameterError: month='2026-13' is not a month: use YYYY-MM with a month 01-12, e.g. '2026-10'.
    """
    if isinstance(month, pd.Period):
        return month.asfreq("M")
    if isinstance(month, pd.Timestamp):
        return month.to_period("M")
    text = month.strip() if isinstance(month, str) else None
    found = _MONTH.fullmatch(text) if text is not None else None
    if found is None or not 1 <= int(found.group(2)) <= 12:
        raise InvalidParameterError(
            f"month={month!r} is not a month: use YYYY-MM with a month 01-12, e.g. '2026-10'."
        )
    return pd.Period(text, freq="M")


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


def _pair(series: pd.Series, month: pd.Period) -> tuple[float, float]:
    """The values at ``month`` and the month before (NaN where missing)."""
    def at(p: pd.Period) -> float:
        return float(series.loc[p]) if p in series.index else math.nan

    return at(month), at(month - 1)


def scorecard(company: Any, month: object, *, level: float = 0.95) -> pd.DataFrame:
    """The month's KPIs next to the month before, with the change and whether it is good.

    Parameters
    ----------
    company : SampleCompany or similar
        Anything with ``mrr`` and ``surveys`` frames following the data contract.
    month : str or Period
        ``"YYYY-MM"``, checked with :func:`check_month`.
    level : float, default 0.95
        Confidence level of the NPS interval and of its significance test.

    Returns
    -------
    pandas.DataFrame
        One row per KPI (index ``kpi``: ``mrr, net_new_mrr, customers, churn,
        revenue_churn, net_revenue_churn, nps``) with columns

        * ``label`` – the KPI's name in the current language;
        * ``unit`` – ``"money"``, ``"count"``, ``"rate"`` (a fraction) or ``"points"``;
        * ``value``, ``previous``, ``change`` (= value − previous; for rates a
          difference of fractions, 0.01 = 1 percentage point);
        * ``ci_low``, ``ci_high`` – NPS interval of the month (NaN for other KPIs);
        * ``p_value`` – NPS only: two-sided p-value of the two-sample z test
          ``z = change / √(se² + se_previous²)`` (the months' answers are
          independent samples);
        * ``direction`` – ``"up"``, ``"down"`` or ``"flat"``;
        * ``verdict`` – ``"better"``, ``"worse"``, ``"unchanged"``, or for NPS
          ``"not_significant"`` when ``p_value ≥ 1 − level``; a rise is better for
          MRR, net new MRR, customers and NPS, a fall for the three churn rates.
          ``None`` when a value is missing (e.g. no NPS answers that month).

    Examples
    --------
    >>> import cskit
    >>> card = scorecard(cskit.datasets.load_sample(), "2026-10")
    >>> card.loc["customers", ["value", "previous", "change"]].astype(float).tolist()
    [1367.0, 1318.0, 49.0]
    >>> card.loc["customers", "verdict"]
    'better'
    """
    month = check_month(company, month)
    mrr_frame = company.mrr
    surveys = getattr(company, "surveys", None)
    if not isinstance(surveys, pd.DataFrame):
        raise InvalidParameterError(
            "The company has no 'surveys' table; the scorecard needs it for NPS."
        )
    totals = mrr_frame.cs.mrr(period="M")
    moves = mrr_frame.cs.mrr_movements(period="M")
    churn = mrr_frame.cs.churn(period="M")
    gross = mrr_frame.cs.revenue_churn(kind="gross", period="M")
    net = mrr_frame.cs.revenue_churn(kind="net", period="M")
    nps = surveys.cs.nps(period="M", level=level)

    values = {
        "mrr": _pair(totals["mrr"], month),
        "net_new_mrr": _pair(moves["net_new"], month),
        "customers": _pair(totals["customers"], month),
        "churn": _pair(churn["churn_rate"], month),
        "revenue_churn": _pair(gross["revenue_churn"], month),
        "net_revenue_churn": _pair(net["revenue_churn"], month),
        "nps": _pair(nps["nps"], month),
    }
    rows = []
    for kpi, key, unit, rise_is_good in KPIS:
        value, previous = values[kpi]
        change = value - previous
        rows.append(
            {
                "kpi": kpi,
                "label": t(key),
                "unit": unit,
                "value": value,
                "previous": previous,
                "change": change,
                "rise_is_good": rise_is_good,
            }
        )
    table = pd.DataFrame(rows).set_index("kpi")
    change = table["change"].to_numpy(dtype=float)
    scale = np.maximum(1.0, np.abs(table["previous"].to_numpy(dtype=float)))
    flat = np.abs(change) <= 1e-12 * scale
    missing = np.isnan(change)
    direction = np.where(flat, "flat", np.where(change > 0, "up", "down")).astype(object)
    good = np.where(table["rise_is_good"].to_numpy(dtype=bool), change > 0, change < 0)
    verdict = np.where(flat, "unchanged", np.where(good, "better", "worse")).astype(object)
    direction[missing] = None
    verdict[missing] = None
    # object dtype: keep None for "no value" (a str column would turn it into NaN).
    table["direction"] = pd.Series(direction, index=table.index, dtype=object)
    table["verdict"] = pd.Series(verdict, index=table.index, dtype=object)

    table["ci_low"] = math.nan
    table["ci_high"] = math.nan
    table["p_value"] = math.nan
    if month in nps.index:
        table.loc["nps", ["ci_low", "ci_high"]] = nps.loc[month, ["ci_low", "ci_high"]].to_numpy(
            dtype=float
        )
    se_now, se_before = _pair(nps["se"], month)
    spread = math.hypot(se_now, se_before)
    nps_change = table.loc["nps", "change"]
    if not math.isnan(nps_change):
        if spread > 0:
            p = 2.0 * (1.0 - NormalDist().cdf(abs(nps_change) / spread))
        else:  # both months unanimous: any difference is real
            p = 0.0 if nps_change != 0 else 1.0
        table.loc["nps", "p_value"] = p
        if p >= 1.0 - level and table.loc["nps", "verdict"] != "unchanged":
            table.loc["nps", "verdict"] = "not_significant"
    columns = ["label", "unit", "value", "previous", "change", "ci_low", "ci_high", "p_value",
               "direction", "verdict"]
    return table[columns]


def _number(value: float, unit: str, *, signed: bool = False) -> str:
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return "–"
    sign = "+" if signed else ""
    if unit == "money":
        return f"{value:{sign},.0f}"
    if unit == "count":
        return f"{value:{sign},.0f}"
    if unit == "rate":
        if signed:
            return f"{value * 100:+.2f} {t('report.pp')}"
        return f"{value:.2%}"
    return f"{value:{sign}.1f}"


_ARROWS = {"up": "▲", "down": "▼", "flat": "="}
_VERDICT_KEYS = {
    "better": "report.better",
    "worse": "report.worse",
    "unchanged": "report.unchanged",
    "not_significant": "report.not_significant",
}


def format_scorecard(table: pd.DataFrame) -> pd.DataFrame:
    """The scorecard as text, with labels and headers in the current language, to display.

    Money and counts get thousands separators, rates are percentages and their
    change is in percentage points, NPS shows its interval in brackets.

    Examples
    --------
    >>> import cskit
    >>> card = scorecard(cskit.datasets.load_sample(), "2026-10")
    >>> format_scorecard(card).loc["Paying customers"].tolist()
    ['1,367', '1,318', '+49', '▲ better']
    """
    def show(row: pd.Series) -> pd.Series:
        value = _number(row["value"], row["unit"])
        if row["unit"] == "points" and not math.isnan(row["ci_low"]):
            value = f"{value} [{row['ci_low']:.1f}, {row['ci_high']:.1f}]"
        arrow = _ARROWS.get(row["direction"], "–")
        verdict = row["verdict"]
        trend = f"{arrow} {t(_VERDICT_KEYS[verdict])}" if verdict in _VERDICT_KEYS else "–"
        return pd.Series(
            {
                t("report.value"): value,
                t("report.previous"): _number(row["previous"], row["unit"]),
                t("report.change"): _number(row["change"], row["unit"], signed=True),
                t("report.trend"): trend,
            }
        )

    shown = table.apply(show, axis=1)
    keys = {kpi: key for kpi, key, _, _ in KPIS}
    labels = [t(keys[kpi]) if kpi in keys else label
              for kpi, label in zip(table.index, table["label"], strict=True)]
    shown.index = pd.Index(labels, name=t("report.kpi"))
    return shown


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
        rate=float(row["churn_rate"]),
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

