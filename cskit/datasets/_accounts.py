"""Accounts of the sample company: sign-ups, trials, conversions, users.

Every account starts a free trial of :data:`TRIAL_DAYS` days when it signs up
(sometimes a few days later). Most log in soon; the sooner they log in, the
likelier they are to convert (the "first-login" sub-KPI has something to show).
Each account carries a hidden *health* score ``z ~ N(0, 1)`` that the other
tables share: healthy accounts convert, use the product, answer surveys kindly
and churn less.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd

from cskit.datasets._common import (
    CALENDAR,
    DAY,
    END,
    MONTH_START,
    N_MONTHS,
    NAT,
    PLANS,
    SEGMENTS,
    TRIAL_DAYS,
    make_ids,
    pick,
    str_column,
    to_datetime,
)

#: Relative sign-ups by calendar month (quiet in summer and December).
SIGNUP_SEASON = np.array([1.15, 1.05, 1.10, 1.0, 1.0, 0.95, 0.85, 0.80, 1.10, 1.10, 1.0, 0.75])
SEGMENT_SHARE = np.array([0.62, 0.27, 0.11])
PLAN_BY_SEGMENT = np.array([[0.75, 0.22, 0.03], [0.25, 0.60, 0.15], [0.05, 0.35, 0.60]])
LANGUAGE_SHARE = np.array([0.55, 0.15, 0.15, 0.15])


@dataclass(frozen=True)
class Accounts:
    """Per-account arrays (seconds for instants, :data:`NAT` when missing)."""

    signup: np.ndarray
    trial_start: np.ndarray
    first_login: np.ndarray
    converted: np.ndarray
    segment: np.ndarray
    plan: np.ndarray
    seats: np.ndarray
    health: np.ndarray
    language: np.ndarray
    n_users: np.ndarray
    first_user: np.ndarray

    @property
    def n(self) -> int:
        return len(self.signup)

    @property
    def ids(self) -> np.ndarray:
        return make_ids("A", np.arange(1, self.n + 1), 5)

    def user_ids(self) -> np.ndarray:
        return make_ids("U", np.arange(1, int(self.n_users.sum()) + 1), 6)

    def frame(self) -> pd.DataFrame:
        return pd.DataFrame(
            {
                "account_id": str_column(self.ids),
                "signup_at": to_datetime(self.signup),
                "segment": str_column(SEGMENTS[self.segment]),
                "plan": str_column(PLANS[self.plan]),
                "seats": self.seats.astype(np.int64),
                "trial_start": to_datetime(self.trial_start),
                "converted_at": to_datetime(self.converted),
                "first_login_at": to_datetime(self.first_login),
            }
        )


def make_accounts(rng: np.random.Generator, n_accounts: int = 3000) -> Accounts:
    """Draw about ``n_accounts`` sign-ups over the 36 months, growing ~60 % over the period."""
    trend = 1.0 + 0.6 * np.arange(N_MONTHS) / (N_MONTHS - 1)
    weight = trend * SIGNUP_SEASON[CALENDAR - 1]
    per_month = rng.poisson(n_accounts * weight / weight.sum())
    month = np.repeat(np.arange(N_MONTHS), per_month)
    n = len(month)
    span = MONTH_START[month + 1] - MONTH_START[month]
    signup = np.sort(MONTH_START[month] + (rng.random(n) * span).astype(np.int64))

    segment = pick(rng, SEGMENT_SHARE[None, :], np.zeros(n, dtype=np.int64))
    plan = pick(rng, PLAN_BY_SEGMENT, segment)
    smb_seats = np.minimum(rng.geometric(0.3, n), 10)
    mid_seats = np.clip(np.round(np.exp(rng.normal(np.log(22), 0.4, n))), 10, 50)
    ent_seats = np.clip(np.round(np.exp(rng.normal(np.log(110), 0.5, n))), 50, 500)
    seats = np.choose(segment, [smb_seats, mid_seats, ent_seats]).astype(np.int64)
    health = rng.normal(0.0, 1.0, n)
    language = pick(rng, LANGUAGE_SHARE[None, :], np.zeros(n, dtype=np.int64))

    # Most trials start at sign-up; some after confirming an e-mail a few days later.
    lag = np.where(rng.random(n) < 0.15, (rng.exponential(2.0, n) * DAY).astype(np.int64), 0)
    trial_start = np.where(signup + lag < END, signup + lag, signup)

    logs_in = rng.random(n) < np.array([0.85, 0.90, 0.93])[segment] + 0.03 * health
    delay = np.minimum(rng.exponential(2.0, n), TRIAL_DAYS - 0.1)
    first_login = trial_start + (delay * DAY).astype(np.int64)
    p_convert = np.clip(0.86 * np.exp(-delay / 8.0) * (1.0 + 0.12 * health), 0.02, 0.97)
    converts = logs_in & (rng.random(n) < p_convert)
    at_trial_end = rng.random(n) < 0.45
    share = np.where(at_trial_end, 1.0, rng.uniform(0.05, 1.0, n))
    converted = first_login + (share * (TRIAL_DAYS - delay) * DAY).astype(np.int64)
    converted = np.maximum(converted, first_login + 60)
    first_login = np.where(logs_in & (first_login < END), first_login, NAT)
    converted = np.where(converts & (converted < END), converted, NAT)

    small = np.minimum(1 + rng.binomial(2, 0.4, n), seats)
    mid = np.minimum(2 + rng.poisson(2.0, n), seats)
    large = np.minimum(3 + rng.poisson(4.0, n), seats)
    n_users = np.choose(segment, [small, mid, large]).astype(np.int64)
    first_user = np.cumsum(n_users) - n_users
    return Accounts(
        signup=signup,
        trial_start=trial_start,
        first_login=first_login,
        converted=converted,
        segment=segment,
        plan=plan,
        seats=seats,
        health=health,
        language=language,
        n_users=n_users,
        first_user=first_user,
    )
