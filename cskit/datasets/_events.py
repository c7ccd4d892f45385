"""Product events of the sample company, built session by session.

A session starts with ``login`` and holds a few more events; each event has
the seconds its screen stayed open (``duration_s``) and the next one follows
after a short pause. Sessions happen in office hours, rarely on weekends,
only while the account is active. Usage grows with the number of users and
the account's health and fades in the months before a churn. Every account
that logged in has a session at exactly ``accounts.first_login_at``.
``use_insights`` only occurs while the account has an active insights line.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from cskit.datasets._accounts import Accounts
from cskit.datasets._activity import Pieces
from cskit.datasets._common import (
    END,
    NAT,
    START,
    draw_times,
    expand,
    make_ids,
    pick,
    str_column,
    to_datetime,
)
from cskit.datasets._subscriptions import Billing, insights_lines

EVENTS = np.array(["login", "view_dashboard", "create_report", "share_report", "export",
                   "invite_user", "api_call", "use_insights"])
# Probabilities of the events after the login, by segment (SMB, Mid-Market, Enterprise).
NEXT_EVENT = np.array([
    [0.0, 0.46, 0.16, 0.06, 0.10, 0.02, 0.06, 0.14],
    [0.0, 0.40, 0.15, 0.08, 0.10, 0.02, 0.13, 0.12],
    [0.0, 0.33, 0.14, 0.09, 0.09, 0.02, 0.23, 0.10],
])
MEDIAN_SECONDS = np.array([6.0, 70.0, 260.0, 25.0, 15.0, 40.0, 1.0, 180.0])
SESSIONS_PER_USER_DAY = np.array([0.105, 0.09, 0.08])


def make_events(rng: np.random.Generator, acc: Accounts, billing: Billing, pieces: Pieces) -> pd.DataFrame:
    """Draw sessions in the active pieces, then the events of each session."""
    a = pieces.account
    rate = (SESSIONS_PER_USER_DAY[acc.segment[a]] * acc.n_users[a] * np.exp(0.35 * acc.health[a])
            * pieces.decline(0.6) * np.where(pieces.paid, 1.0, 1.5))
    count = rng.poisson(rate * pieces.days)
    piece, _ = expand(count)
    ts, keep = draw_times(rng, pieces.lo[piece], pieces.hi[piece])
    piece, ts = piece[keep], ts[keep]

    # The first session of every account that logged in, by its owner.
    logged = np.flatnonzero(acc.first_login != NAT)
    s_account = np.r_[a[piece], logged]
    s_ts = np.r_[ts, acc.first_login[logged]]
    s_until = np.r_[pieces.spell_hi[piece], _spell_end_after(pieces, logged, acc.first_login[logged])]
    skew = np.floor(acc.n_users[s_account] * rng.random(len(s_account)) ** 1.6).astype(np.int64)
    skew[len(piece):] = 0
    s_user = acc.first_user[s_account] + skew
    order = np.lexsort((s_user, s_ts))
    s_account, s_ts, s_until, s_user = s_account[order], s_ts[order], s_until[order], s_user[order]

    n_events = 1 + np.minimum(rng.geometric(1 / 2.9, len(s_ts)) - 1, 14)
    session, rank = expand(n_events)
    account = s_account[session]
    kind = np.where(rank == 0, 0, pick(rng, NEXT_EVENT, acc.segment[account]))
    duration = np.round(np.exp(rng.normal(np.log(MEDIAN_SECONDS[kind]), 0.8))).astype(np.int64)
    step = duration + np.round(np.exp(rng.normal(np.log(8.0), 0.7, len(kind)))).astype(np.int64)
    step_before = np.cumsum(step) - step
    offset = step_before - np.repeat(step_before[np.cumsum(n_events) - n_events], n_events)
    when = s_ts[session] + offset
    keep = (when < s_until[session]) & (when < END)
    session, kind, duration, when, account = (x[keep] for x in (session, kind, duration, when, account))
    kind = np.where((kind == 7) & ~_has_insights(billing, account, when), 1, kind)

    order = np.argsort(when, kind="stable")
    users = acc.user_ids()
    return pd.DataFrame(
        {
            "user_id": str_column(users[s_user[session[order]]]),
            "account_id": str_column(acc.ids[account[order]]),
            "timestamp": to_datetime(when[order]),
            "event": str_column(EVENTS[kind[order]]),
            "session_id": str_column(make_ids("S", session[order] + 1, 7)),
            "duration_s": duration[order],
        }
    )


def _spell_end_after(pieces: Pieces, account: np.ndarray, when: np.ndarray) -> np.ndarray:
    """End of the active spell holding each (account, instant) — here the trial pieces."""
    key = pieces.account.astype(np.int64) * 2**31 + (pieces.lo - START)
    order = np.argsort(key, kind="stable")
    idx = np.searchsorted(key[order], account * 2**31 + (when - START), side="right") - 1
    return pieces.spell_hi[order][idx]


def _has_insights(billing: Billing, account: np.ndarray, when: np.ndarray) -> np.ndarray:
    """Whether each (account, instant) falls inside one of the account's insights lines."""
    line_acc, line_start, line_end = insights_lines(billing)
    if len(line_acc) == 0:
        return np.zeros(len(account), dtype=bool)
    key = line_acc * 2**31 + (line_start - START)
    order = np.argsort(key, kind="stable")
    idx = np.searchsorted(key[order], account * 2**31 + (when - START), side="right") - 1
    found = idx >= 0
    idx = np.maximum(idx, 0)
    end = line_end[order][idx]
    return found & (line_acc[order][idx] == account) & ((end == NAT) | (when < end))
