"""The scorecard: each KPI this month against the month before, its target and verdict."""

from __future__ import annotations

import math
from collections.abc import Iterable, Sequence
from typing import Any

import numpy as np
import pandas as pd

from cskit._stats import normal_p_value, two_proportion_test
from cskit.errors import InvalidParameterError
from cskit.i18n import t
from cskit.report.kpis import (  # noqa: F401
    KPI,
    KPIS,
    ReportData,
    available,
    kpi_spec,
    load_targets,
)
from cskit.report.months import check_month
from cskit.targets import Targets, tree_order


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
    return _z_test(change, se_now, se_before)[1]


def _z_test(change: float, se_now: float, se_before: float) -> tuple[float, float]:
    """z statistic and two-sided p-value of a change between two independent estimates."""
    if math.isnan(change) or math.isnan(se_now) or math.isnan(se_before):
        return math.nan, math.nan
    spread = math.hypot(se_now, se_before)
    if spread > 0:
        return change / spread, float(normal_p_value(abs(change) / spread))
    if change == 0:
        return 0.0, 1.0
    return math.copysign(math.inf, change), 0.0  # both months unanimous: any change is real


def _test(frame: pd.DataFrame, month: pd.Period, change: float) -> tuple[float, float, str | None]:
    """(z, p-value, test) of the change from the month before to ``month``.

    A rate with its counts (``numerator``, ``denominator``): the pooled
    two-proportion z test on the counts. A sampled KPI with a standard error
    (``se``, e.g. NPS): the two-sample z test. Anything else is exact (all
    customers, all money): no test, NaN.
    """
    if {"numerator", "denominator"} <= set(frame.columns):
        counts = [_at(frame, c, m) for m in (month - 1, month)
                  for c in ("numerator", "denominator")]
        z_value, p_value = two_proportion_test(*counts)
        return z_value, p_value, "two_proportion"
    if "se" in frame.columns:
        z_value, p_value = _z_test(change, _at(frame, "se", month), _at(frame, "se", month - 1))
        return z_value, p_value, "z_se"
    return math.nan, math.nan, None


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

        * ``label`` – the KPI's name in the current language, with its convention
          (``label_key``: the :func:`cskit.t` key; NRR and GRR say "12-month" or
          "monthly", whichever the data allow); ``unit`` –
          ``"money"``, ``"count"``, ``"rate"`` (a fraction) or ``"points"``;
          ``area`` – its report section;
        * ``parent``, ``depth`` – its place in the KPI tree (depth 0 at the top);
        * ``value``, ``previous``, ``change`` (= value − previous; for rates a
          difference of fractions, 0.01 = 1 percentage point);
        * ``ci_low``, ``ci_high`` – interval of the month for sampled KPIs (NPS);
        * ``test``, ``z``, ``p_value`` – how the change was tested, its z
          statistic and two-sided p-value: ``"two_proportion"`` for a rate with
          its counts (churn, FCR, CSAT, CES, first-login rate: the pooled
          two-proportion z test on this month's and last month's numerator and
          denominator), ``"z_se"`` for a sampled KPI with a standard error
          (NPS: ``z = change / √(se² + se_previous²)``), ``None`` and NaN for
          exact KPIs (money, counts, revenue ratios);
        * ``direction`` – ``"up"``, ``"down"`` or ``"flat"``; ``better`` –
          ``"higher"`` or ``"lower"`` (the target file's direction, else the KPI's);
        * ``verdict`` – ``"better"``, ``"worse"``, ``"unchanged"``, or for tested
          KPIs ``"not_significant"`` when ``p_value ≥ 1 − level`` (one more
          churned customer is not "worse"); ``None`` when a value is missing
          (e.g. no NPS answers that month);
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
    specs = [k for k in (KPIS if kpis is None else kpis) if available(k, company)]
    by_id = {k.name: k for k in specs}
    targets = targets if targets is not None else Targets(())
    parents: dict[str, str | None] = {k.name: k.parent for k in specs}
    for kpi, entry in targets.items():
        if kpi in parents:
            parents[kpi] = entry.parent
    rows = []
    has_children = {p for p in parents.values() if p is not None}
    for kpi, depth, parent in tree_order(list(by_id), parents):
        spec = by_id[kpi]
        result = spec.compute(data)
        # A compute may say which convention it used (NRR: 12-month or monthly).
        label = result.attrs.get("label", spec.label)
        frame = _as_frame(result, kpi)
        if frame.empty and kpi not in has_children:
            continue  # e.g. CSAT when the surveys table holds no CSAT answers at all
        value, previous = _at(frame, "value", month), _at(frame, "value", month - 1)
        change = value - previous
        entry = targets.get(kpi)
        better = (entry.direction if entry is not None and entry.direction else
                  ("higher" if spec.higher_is_better else "lower"))
        z_value, p_value, test = _test(frame, month, change)
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
            "kpi": kpi, "label": t(label), "label_key": label, "unit": spec.unit, "area": spec.area,
            "parent": parent, "depth": depth, "value": value, "previous": previous,
            "change": change, "ci_low": _at(frame, "ci_low", month),
            "ci_high": _at(frame, "ci_high", month), "p_value": p_value, "z": z_value,
            "test": test,
            "direction": direction, "better": better, "verdict": verdict, "target": target,
            "status": status, "typical_change": typical,
            "surprise": abs(change) / typical if typical > 0 else math.nan,
        })
    table = pd.DataFrame(rows).set_index("kpi")
    # object dtype: keep None for "no value" (a str column would turn it into NaN).
    for column in ("parent", "direction", "verdict", "status", "test"):
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
        columns[kpi] = _as_frame(kpi_spec(kpi).compute(data), kpi)["value"].reindex(window)
    return pd.DataFrame(columns, index=window)
