"""Survey answers of the sample company: NPS, CSAT and CES, with comments.

* **NPS** (0–10): a survey every six months of a paid spell, answered by a
  few users of each account. Scores follow the account's health and fall in
  the months before it churns, so detractors churn more often than promoters.
  Scores dip in the first half of 2025, when support was slow.
* **CSAT** (1–5): after about a third of resolved tickets; lower when the
  first response was slow or the ticket was reopened.
* **CES** (1–7, 7 = very easy): after onboarding (a few weeks after
  conversion; harder for accounts that logged in late) and after some tickets.

Comments are in the account's language, on themes that fit the score (price
complaints grow after the July 2025 price rise); :mod:`._comments` holds the
texts and the edge cases mixed in.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from cskit.datasets._accounts import Accounts
from cskit.datasets._activity import Pieces
from cskit.datasets._comments import (
    CLOSING,
    EMOJI_ONLY,
    N_VARIANTS,
    SCRIPT,
    SENTENCES,
    SEPARATOR,
    THEMES,
    long_comment,
)
from cskit.datasets._common import (
    DAY,
    END,
    NAT,
    PRICE_CHANGE,
    draw_times,
    expand,
    pick,
    str_column,
    to_datetime,
)
from cskit.datasets._tickets import SLOW_FROM, SLOW_UNTIL

SURVEYS = np.array(["nps", "csat", "ces"])
# Theme weights (onboarding, pricing, support_speed, reporting, performance, integrations)
# per survey and polarity: rows nps-, nps+, csat-, csat+, ces-, ces+.
THEME_WEIGHTS = np.array([
    [0.12, 0.22, 0.16, 0.18, 0.20, 0.12],
    [0.14, 0.06, 0.16, 0.32, 0.14, 0.18],
    [0.10, 0.05, 0.55, 0.05, 0.20, 0.05],
    [0.10, 0.02, 0.70, 0.05, 0.08, 0.05],
    [0.45, 0.05, 0.10, 0.10, 0.10, 0.20],
    [0.50, 0.02, 0.08, 0.10, 0.10, 0.20],
])
# After the price rise, negative comments mention the price 2.5 times as often.
THEME_WEIGHTS = np.vstack([THEME_WEIGHTS, THEME_WEIGHTS * np.where(
    (np.arange(6)[:, None] % 2 == 0) & (np.arange(len(THEMES)) == 1), 2.5, 1.0)])


def make_surveys(
    rng: np.random.Generator, acc: Accounts, pieces: Pieces, first_paid_month: np.ndarray,
    tickets: pd.DataFrame,
) -> pd.DataFrame:
    """Draw NPS, CSAT and CES answers and their comments."""
    parts = [_nps(rng, acc, pieces, first_paid_month), _csat_ces(rng, acc, tickets),
             _onboarding_ces(rng, acc)]
    account, user, when, survey, score = (np.concatenate([p[i] for p in parts]) for i in range(5))
    order = np.lexsort((user, when))
    account, user, when, survey, score = (x[order] for x in (account, user, when, survey, score))
    comment = _comments(rng, acc.language[account], survey, score, when)
    users = acc.user_ids()
    return pd.DataFrame(
        {
            "respondent_id": str_column(users[user]),
            "account_id": str_column(acc.ids[account]),
            "submitted_at": to_datetime(when),
            "survey": str_column(SURVEYS[survey]),
            "score": score.astype(np.int64),
            "comment": str_column(comment),
        }
    )


def _nps(rng, acc: Accounts, pieces: Pieces, first_paid_month: np.ndarray):
    a = pieces.account
    due = pieces.paid & ((pieces.month - first_paid_month[a]) % 6 == 3)
    count = np.where(due, rng.binomial(np.minimum(acc.n_users[a], 3), 0.45), 0)
    piece, rank = expand(count)
    when, keep = draw_times(rng, pieces.lo[piece], pieces.hi[piece], weekend_keep=0.2)
    piece, rank, when = piece[keep], rank[keep], when[keep]
    account = a[piece]
    first = rng.integers(0, acc.n_users[account])  # distinct users within one account-month
    user = acc.first_user[account] + (first + rank) % acc.n_users[account]
    slow = (when >= SLOW_FROM) & (when < SLOW_UNTIL)
    to_churn = np.minimum(pieces.to_churn[piece], 50)
    mean = 7.7 + 1.5 * acc.health[account] - 3.2 * np.exp(-to_churn / 2.0) - 0.6 * slow
    score = np.clip(np.round(rng.normal(mean, 1.6)), 0, 10)
    return account, user, when, np.zeros(len(when), dtype=np.int64), score


def _csat_ces(rng, acc: Accounts, tickets: pd.DataFrame):
    resolved = tickets["resolved_at"].to_numpy().astype("datetime64[s]").astype(np.int64)
    created = tickets["created_at"].to_numpy().astype("datetime64[s]").astype(np.int64)
    responded = tickets["first_response_at"].to_numpy().astype("datetime64[s]").astype(np.int64)
    account = tickets["account_id"].str.slice(1).astype(np.int64).to_numpy() - 1
    reopened = tickets["reopened"].to_numpy()
    replies = tickets["agent_replies"].to_numpy()
    n = len(tickets)
    survey = np.where(rng.random(n) < 0.85, 1, 2)
    asked = (resolved != NAT) & (tickets["category"].to_numpy() != "spam") & (
        rng.random(n) < np.where(survey == 1, 0.35, 0.15))
    when = np.where(asked, resolved, 0) + (rng.exponential(6 * 3600, n)).astype(np.int64)
    asked &= when < END
    hours = np.where(asked, responded - created, 0) / 3600
    z = acc.health[account]
    csat = 4.3 - 0.3 * np.log1p(hours) - 0.9 * reopened + 0.35 * z + rng.normal(0, 0.8, n)
    ces = 5.6 - 0.5 * (replies - 1) - 0.8 * reopened + 0.3 * z + rng.normal(0, 1.2, n)
    score = np.where(survey == 1, np.clip(np.round(csat), 1, 5), np.clip(np.round(ces), 1, 7))
    user = acc.first_user[account] + rng.integers(0, acc.n_users[account])
    return account[asked], user[asked], when[asked], survey[asked], score[asked]


def _onboarding_ces(rng, acc: Accounts):
    n = acc.n
    when = acc.converted + (rng.uniform(7, 30, n) * DAY).astype(np.int64)
    asked = (acc.converted != NAT) & (rng.random(n) < 0.5) & (when < END)
    login_days = np.where(asked, acc.first_login - acc.trial_start, 0) / DAY
    mean = 5.3 + 0.6 * acc.health - 0.15 * login_days
    score = np.clip(np.round(rng.normal(mean, 1.1)), 1, 7)
    account = np.flatnonzero(asked)
    return account, acc.first_user[account], when[asked], np.full(len(account), 2), score[asked]


def _comments(rng, language, survey, score, when) -> np.ndarray:
    n = len(score)
    low = np.select([survey == 0, survey == 1], [score <= 6, score <= 2], score <= 3)
    high = np.select([survey == 0, survey == 1], [score >= 9, score >= 4], score >= 5)
    positive = high | (~low & (rng.random(n) < 0.5))
    p_comment = np.where(survey == 0, np.where(low, 0.6, np.where(high, 0.45, 0.35)),
                         np.where(survey == 1, 0.3, 0.22))
    has = rng.random(n) < p_comment
    row = survey * 2 + positive + 6 * (when >= PRICE_CHANGE)
    theme = pick(rng, THEME_WEIGHTS, row)
    variant = rng.integers(0, N_VARIANTS, n)
    text = SENTENCES[((language * len(THEMES) + theme) * 2 + positive) * N_VARIANTS + variant]
    closer = CLOSING[(language * 2 + positive) * N_VARIANTS + rng.integers(0, N_VARIANTS, n)]
    text = np.where(rng.random(n) < 0.35, text + SEPARATOR[language] + closer, text)
    comment = np.where(has, text, None).astype(object)

    # Edge cases: emoji only, one very long comment, one with an HTML script tag.
    special = rng.choice(np.flatnonzero(has), size=len(EMOJI_ONLY) + 2, replace=False)
    comment[special[: len(EMOJI_ONLY)]] = EMOJI_ONLY
    comment[special[-2]] = long_comment()
    comment[special[-1]] = SCRIPT
    comment[~has] = np.nan
    return comment
