"""Monthly costs of the sample company's customer-facing teams.

Driven by the simulated business: one customer success manager (CSM) per ~90
paying accounts plus a team lead, support agents per ~350 tickets a month,
engagement programmes and customer marketing that grow with the customer
base (with a push at the insights launch), quarterly training events, and
acquisition spend per sign-up (for comparisons with CAC). Salaries rise 4 %
each April.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from cskit.datasets._common import (
    CALENDAR,
    MONTH_START,
    MONTHS,
    N_MONTHS,
    NAT,
    month_of,
    str_column,
)
from cskit.datasets._subscriptions import Billing

CATEGORIES = np.array(["cs_salaries", "support", "programs", "training", "customer_marketing",
                       "acquisition"])


def make_costs(rng: np.random.Generator, billing: Billing, signup: np.ndarray,
               ticket_created: np.ndarray) -> pd.DataFrame:
    """One row per month and cost category."""
    close = MONTH_START[1:]
    end = np.where(billing.spell_end == NAT, np.iinfo(np.int64).max, billing.spell_end)
    paying = ((billing.spell_start[:, None] < close) & (end[:, None] >= close)).sum(axis=0)
    tickets = np.bincount(month_of(ticket_created), minlength=N_MONTHS)[:N_MONTHS]
    signups = np.bincount(month_of(signup), minlength=N_MONTHS)[:N_MONTHS]

    years_of_raises = np.cumsum(CALENDAR == 4)
    salary = 1.04**years_of_raises
    noise = rng.normal(1.0, 0.03, (len(CATEGORIES), N_MONTHS))
    launch = np.asarray(MONTHS[:N_MONTHS] == pd.Period("2025-03", freq="M"))
    amounts = np.vstack([
        (np.ceil(paying / 90) + 1) * 7800 * salary,
        ((np.ceil(tickets / 350) + 1) * 4500 * salary + 1200) * noise[1],
        (3000 + 4.0 * paying + 15000 * launch) * noise[2],
        (1500 + 4000 * np.isin(CALENDAR, [3, 6, 9, 12])) * noise[3],
        (2000 + 2.0 * paying) * noise[4],
        (20000 + 350 * signups) * noise[5],
    ])
    month = np.tile(np.arange(N_MONTHS), len(CATEGORIES))
    category = np.repeat(np.arange(len(CATEGORIES)), N_MONTHS)
    order = np.lexsort((category, month))
    return pd.DataFrame(
        {
            "month": pd.PeriodIndex(MONTHS[:N_MONTHS][month[order]], freq="M"),
            "category": str_column(CATEGORIES[category[order]]),
            "amount": np.round(amounts.ravel()[order], 2),
        }
    )
