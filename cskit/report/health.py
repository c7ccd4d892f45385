"""The report's customer-health section: scores, accounts that moved to red, the check."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import numpy as np
import pandas as pd

from cskit._months import parse_month
from cskit.i18n import t

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
