"""Support tickets of the sample company.

Tickets arrive while an account is active, more for bigger segments and
trialing accounts, and about twice as often in the three months before a churn
(more bugs and billing questions then). First responses are quick in chat and
by phone, slow by e-mail and web form, and slower in the first half of 2025
(the support team was short-staffed: watch CSAT and the "support speed"
comments). A few tickets are still open at the end of the data.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from cskit.datasets._accounts import Accounts
from cskit.datasets._activity import Pieces
from cskit.datasets._common import (
    END,
    NAT,
    draw_times,
    expand,
    make_ids,
    pick,
    str_column,
    to_datetime,
)

CHANNELS = np.array(["email", "chat", "phone", "web"])
CATEGORIES = np.array(["how_to", "bug", "billing", "feature_request", "general", "spam"])
CHANNEL_BY_SEGMENT = np.array([[0.36, 0.36, 0.03, 0.25], [0.40, 0.30, 0.08, 0.22], [0.45, 0.20, 0.20, 0.15]])
# Rows: trial, paying, paying in the 3 months before churn.
CATEGORY_BY_STAGE = np.array([
    [0.55, 0.10, 0.07, 0.05, 0.17, 0.06],
    [0.33, 0.21, 0.11, 0.13, 0.16, 0.06],
    [0.20, 0.33, 0.22, 0.07, 0.13, 0.05],
])
MEDIAN_RESPONSE_S = np.array([3.5 * 3600, 240.0, 40.0, 5 * 3600])  # email, chat, phone, web
TICKETS_PER_MONTH = np.array([0.22, 0.55, 1.3])
SLOW_FROM = np.datetime64("2025-01-01", "s").astype(np.int64)
SLOW_UNTIL = np.datetime64("2025-07-01", "s").astype(np.int64)


def make_tickets(rng: np.random.Generator, acc: Accounts, pieces: Pieces) -> pd.DataFrame:
    """Draw tickets in the active pieces with their response and resolution times."""
    a = pieces.account
    before_churn = (pieces.to_churn >= 0) & (pieces.to_churn <= 3)
    rate = (TICKETS_PER_MONTH[acc.segment[a]] * np.exp(-0.2 * acc.health[a])
            * np.where(before_churn, 2.3, 1.0) * np.where(pieces.paid, 1.0, 1.6))
    count = rng.poisson(rate * pieces.days / 30.4)
    piece, _ = expand(count)
    created, keep = draw_times(rng, pieces.lo[piece], pieces.hi[piece], weekend_keep=0.25)
    order = np.flatnonzero(keep)[np.argsort(created[keep], kind="stable")]
    piece, created = piece[order], created[order]
    n = len(created)
    account = a[piece]
    stage = np.where(~pieces.paid[piece], 0, np.where(before_churn[piece], 2, 1))
    category = pick(rng, CATEGORY_BY_STAGE, stage)
    channel = pick(rng, CHANNEL_BY_SEGMENT, acc.segment[account])

    slow = np.where((created >= SLOW_FROM) & (created < SLOW_UNTIL), 1.8, 1.0)
    response = np.exp(rng.normal(np.log(MEDIAN_RESPONSE_S[channel] * slow), 0.9))
    first_response = created + np.maximum(response, 5).astype(np.int64)
    spam = category == 5
    replies = np.where(spam, 1, rng.geometric(np.where(category == 1, 0.4, 0.6)))
    reopened = ~spam & (rng.random(n) < np.where(category == 1, 0.13, 0.05))
    replies = replies + reopened
    work = np.where(replies == 1, np.exp(rng.normal(np.log(600), 1.0, n)),
                    (replies - 1) * np.exp(rng.normal(np.log(20 * 3600), 0.8, n)))
    work = np.where(spam, 0, work)
    resolved = first_response + work.astype(np.int64)

    answered = first_response < END
    first_response = np.where(answered, first_response, NAT)
    replies = np.where(answered, replies, 0)
    reopened = reopened & answered
    resolved = np.where(answered & (resolved < END), resolved, NAT)
    return pd.DataFrame(
        {
            "ticket_id": str_column(make_ids("T", np.arange(1, n + 1), 6)),
            "account_id": str_column(acc.ids[account]),
            "created_at": to_datetime(created),
            "first_response_at": to_datetime(first_response),
            "resolved_at": to_datetime(resolved),
            "agent_replies": replies.astype(np.int64),
            "reopened": reopened.astype(bool),
            "channel": str_column(CHANNELS[channel]),
            "category": str_column(CATEGORIES[category]),
        }
    )
