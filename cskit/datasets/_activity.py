"""When each account is active, cut into account-month pieces.

An account is active while trialing (from its first login to conversion or the
end of the trial) and while paying (each paid spell, from conversion or
reactivation to churn). Events, tickets and NPS answers are drawn inside these
pieces only, with rates that depend on how many months are left before the
spell ends in churn (``to_churn``; 0 = the churn month itself).
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from cskit.datasets._accounts import Accounts
from cskit.datasets._common import DAY, END, MONTH_START, NAT, TRIAL_DAYS, expand, month_of
from cskit.datasets._subscriptions import Billing

NOT_CHURNING = 99


@dataclass(frozen=True)
class Pieces:
    """One row per active account and month: ``[lo, hi)`` inside the month."""

    account: np.ndarray
    month: np.ndarray
    lo: np.ndarray
    hi: np.ndarray
    spell_hi: np.ndarray  # end of the whole active spell (END when still active)
    paid: np.ndarray
    to_churn: np.ndarray  # months until the churn month, NOT_CHURNING if none

    @property
    def days(self) -> np.ndarray:
        return (self.hi - self.lo) / DAY

    def decline(self, depth: float, scale: float = 1.5) -> np.ndarray:
        """Activity multiplier that drops by ``depth`` in the churn month, less before."""
        return 1.0 - depth * np.exp(-np.minimum(self.to_churn, 50) / scale)


def active_pieces(acc: Accounts, billing: Billing) -> Pieces:
    """Trial and paid spells of every account, split at month boundaries."""
    trial = acc.first_login != NAT
    trial_end = np.where(acc.converted != NAT, acc.converted,
                         np.minimum(acc.trial_start + TRIAL_DAYS * DAY, END))
    paid_end = np.where(billing.spell_end == NAT, END, billing.spell_end)
    account = np.r_[np.flatnonzero(trial), billing.spell_account]
    lo = np.r_[acc.first_login[trial], billing.spell_start]
    hi = np.r_[trial_end[trial], paid_end]
    paid = np.r_[np.zeros(trial.sum(), dtype=bool), np.ones(len(paid_end), dtype=bool)]
    churn_month = np.r_[np.full(trial.sum(), -1), np.where(billing.spell_end == NAT, -1,
                                                            month_of(paid_end))]
    keep = hi > lo
    account, lo, hi, paid, churn_month = account[keep], lo[keep], hi[keep], paid[keep], churn_month[keep]

    first, last = month_of(lo), month_of(hi - 1)
    spell, offset = expand(last - first + 1)
    month = first[spell] + offset
    piece_lo = np.maximum(lo[spell], MONTH_START[month])
    piece_hi = np.minimum(hi[spell], MONTH_START[month + 1])
    cm = churn_month[spell]
    to_churn = np.where(cm >= 0, cm - month, NOT_CHURNING)
    return Pieces(
        account=account[spell],
        month=month,
        lo=piece_lo,
        hi=piece_hi,
        spell_hi=hi[spell],
        paid=paid[spell],
        to_churn=to_churn,
    )
