"""The scorecard and the month's results as text: table cells, verdicts and sentences."""

from __future__ import annotations

import math

import numpy as np
import pandas as pd

from cskit._months import parse_month
from cskit.i18n import t
from cskit.report.kpis import KPIS
from cskit.report.scoring import load_targets, scorecard  # noqa: F401


def is_missing(value: object) -> bool:
    return value is None or (isinstance(value, float) and math.isnan(value))


def _number(value: float, unit: str, *, signed: bool = False) -> str:
    if is_missing(value):
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
    if is_missing(row["target"]):
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
    if isinstance(row.get("label_key"), str):
        return t(row["label_key"])
    keys = {k.name: k.label for k in KPIS}
    return t(keys[kpi]) if kpi in keys else str(row["label"])


def _label(row: pd.Series, kpi: str) -> str:
    label = _name(row, kpi)
    depth = int(row["depth"]) if "depth" in row.index else 0
    return ("\u2003" * (depth - 1) + "└ " + label) if depth > 0 else label


def _value_text(row: pd.Series) -> str:
    value = _number(row["value"], row["unit"])
    if not is_missing(row["ci_low"]):
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
    """The ``n`` KPIs that moved most this month, by how sure we are that they moved.

    Only real moves count: ``unchanged``, missing and not significant changes
    are left out. Each remaining move is measured against its own noise:

    * a tested KPI (a rate with its counts, a survey with its standard error)
      by ``|z|``, the change in standard errors of the test — a small change
      measured on many customers comes before a large one measured on few;
    * an exact KPI (money, counts, revenue ratios) by its ``surprise``,
      ``|change| ÷ typical monthly change`` over the last 12 months, the same
      kind of "change in units of its usual noise".

    KPIs with neither (too little history) come last, by relative change
    ``|change| ÷ |previous|``.

    Examples
    --------
    >>> card = pd.DataFrame({
    ...     "change": [10.0, 0.10, 0.02, 5.0], "previous": [100.0, 0.30, 0.10, 50.0],
    ...     "z": [np.nan, 2.1, 6.4, np.nan], "surprise": [0.5, 3.0, 1.1, np.nan],
    ...     "verdict": ["better", "worse", "worse", "better"]},
    ...     index=pd.Index(["mrr", "noisy", "certain", "new"], name="kpi"))
    >>> top_moves(card, n=4).index.tolist()
    ['certain', 'noisy', 'mrr', 'new']
    """
    moved = table[table["verdict"].isin(["better", "worse"])]
    relative = (moved["change"].abs() / moved["previous"].abs()).replace(np.inf, np.nan)
    tested = moved["z"].abs() if "z" in moved.columns else pd.Series(np.nan, moved.index)
    strength = tested.where(tested.notna(), moved["surprise"]).replace(np.inf, np.nan)
    strength = strength.where(~tested.isin([np.inf]), np.finfo(float).max)
    ranked = moved.assign(
        _known=strength.notna(), _strength=strength.fillna(0.0),
        _relative=relative.fillna(0.0),
    ).sort_values(["_known", "_strength", "_relative"], ascending=False, kind="stable")
    return ranked.drop(columns=["_known", "_strength", "_relative"]).head(n)


def _move_sentence(kpi: str, row: pd.Series) -> str:
    unit = row["unit"]
    key = "report.move.up" if row["change"] > 0 else "report.move.down"
    text = t(key, label=_name(row, kpi),
             previous=_number(row["previous"], unit), value=_number(row["value"], unit),
             change=_number(row["change"], unit, signed=True),
             verdict=t(_VERDICT_KEYS[row["verdict"]]))
    if not is_missing(row.get("typical_change")):
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
    'Gross revenue retention (12-month GRR, returns excluded) fell from 82.69% to 80.86% (-1.83 pp, worse). It usually moves by about 1.28 pp a month.'
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
            record[column] = None if is_missing(value) else value
        records.append(record)
    return records


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
