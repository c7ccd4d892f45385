"""Subscription lines of the sample company: one simulation step per month.

Each month, vectorised over all accounts, in this order:

1. **churn** – a paying account may cancel at a renewal date (monthly lines
   every month, quarterly and annual lines only in the month their term
   renews). The monthly hazard depends on segment, health, tenure (new
   customers churn more) and season (budget resets in January).
2. **plan changes** – upgrades any month, downgrades at renewal. The old line
   ends and the new one starts the same day.
3. **insights add-on** – from its launch in March 2025 (with a launch push),
   paying accounts add the ``insights`` product (cross-sell); a few drop it.
   It ends when the core product ends.
4. **reactivation** – accounts that churned 2–14 months ago may come back.
5. **conversions** – trials that convert this month start their first line.

Prices are per seat and month; lines starting on or after 2025-07-01 pay ~10 %
more (existing lines keep their price). Annual lines cost 12 × monthly × 0.83,
quarterly ones 3 × monthly × 0.95. Subscription dates are days (midnight);
``end`` is the first day a line is no longer active.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd

from cskit.datasets._accounts import Accounts
from cskit.datasets._common import (
    CALENDAR,
    DAY,
    INSIGHTS_LAUNCH,
    MONTH_DAYS,
    MONTH_START,
    N_MONTHS,
    NAT,
    PLANS,
    PRICE_CHANGE,
    month_of,
    pick,
    str_column,
    to_datetime,
)

PER_SEAT = np.array([12.0, 24.0, 39.0])  # starter, growth, scale; per seat and month
MIN_SEATS = np.array([1, 3, 10])
INSIGHTS_PER_SEAT = 6.0
TERM_FACTOR = {1: 1.0, 3: 0.95, 12: 0.83}
INTERVAL_BY_SEGMENT = np.array([[0.84, 0.03, 0.13], [0.60, 0.05, 0.35], [0.35, 0.05, 0.60]])
TERMS = np.array([1, 3, 12])
BASE_CHURN = np.array([0.030, 0.017, 0.009])  # monthly, by segment
DISCOUNTS = np.array([0.0, 0.10, 0.15, 0.20])
DISCOUNT_BY_SEGMENT = np.array([[0.88, 0.08, 0.03, 0.01], [0.75, 0.13, 0.08, 0.04], [0.55, 0.2, 0.15, 0.1]])


def list_price(per_seat: np.ndarray, seats: np.ndarray, start: np.ndarray, term: np.ndarray) -> np.ndarray:
    """List price per billing interval, in the price book valid on ``start``."""
    factor = np.select([term == 12, term == 3], [TERM_FACTOR[12], TERM_FACTOR[3]], TERM_FACTOR[1])
    uplift = np.where(start >= PRICE_CHANGE, 1.1, 1.0)
    return np.round(per_seat * uplift * seats * term * factor, 2)


def churn_season(month: int) -> float:
    """Churn seasonality: highest in January, lowest in July."""
    return 1.0 + 0.25 * np.cos(2 * np.pi * (CALENDAR[month] - 1) / 12)


@dataclass(frozen=True)
class Billing:
    """Subscription lines and paid spells, as arrays (seconds; :data:`NAT` = open)."""

    lines: dict[str, np.ndarray]
    spell_account: np.ndarray
    spell_start: np.ndarray  # first paid instant (conversion time or reactivation day)
    spell_end: np.ndarray  # churn day, or NAT when still paying at the end
    first_paid_month: np.ndarray  # per account, -1 if never paid

    def frame(self, accounts: Accounts) -> pd.DataFrame:
        ln = self.lines
        order = np.lexsort((ln["product"], ln["start"], ln["account"]))
        interval = np.where(ln["term"] == 1, "month", np.where(ln["term"] == 12, "year", "3"))
        return pd.DataFrame(
            {
                "customer_id": str_column(accounts.ids[ln["account"][order]]),
                "start": to_datetime(ln["start"][order]),
                "end": to_datetime(ln["end"][order]),
                "amount": ln["amount"][order],
                "interval": str_column(interval[order]),
                "plan": str_column(PLANS[ln["plan"][order]]),
                "product": str_column(np.where(ln["product"][order] == 1, "insights", "core")),
                "discount": ln["discount"][order],
            }
        )


class _Lines:
    """Collects closed lines month by month (a handful of array appends per month)."""

    def __init__(self) -> None:
        self.parts: list[dict[str, np.ndarray]] = []

    def add(self, account, start, end, plan, term, amount, product, discount) -> None:
        if len(account):
            self.parts.append(
                {
                    "account": account,
                    "start": start,
                    "end": end,
                    "plan": plan,
                    "term": term,
                    "amount": amount,
                    "product": np.full(len(account), product, dtype=np.int64),
                    "discount": discount,
                }
            )

    def arrays(self) -> dict[str, np.ndarray]:
        return {k: np.concatenate([p[k] for p in self.parts]) for k in self.parts[0]}


def simulate_billing(rng: np.random.Generator, acc: Accounts) -> Billing:
    """Run the month-by-month simulation and return every subscription line."""
    n = acc.n
    seats = acc.seats
    active = np.zeros(n, dtype=bool)
    plan = acc.plan.copy()
    term = np.ones(n, dtype=np.int64)
    line_start = np.zeros(n, dtype=np.int64)
    amount = np.zeros(n)
    discount = np.zeros(n)
    anchor_month = np.zeros(n, dtype=np.int64)
    anchor_day = np.zeros(n, dtype=np.int64)
    spell_start = np.zeros(n, dtype=np.int64)
    spell_month = np.zeros(n, dtype=np.int64)
    churn_month = np.full(n, -1, dtype=np.int64)
    has_ins = np.zeros(n, dtype=bool)
    ins_start = np.zeros(n, dtype=np.int64)
    ins_amount = np.zeros(n)

    conv_month = np.where(acc.converted != NAT, month_of(acc.converted), -1)
    first_term = TERMS[pick(rng, INTERVAL_BY_SEGMENT, acc.segment)]
    first_discount = DISCOUNTS[pick(rng, DISCOUNT_BY_SEGMENT, acc.segment)]
    lines = _Lines()
    spells: list[tuple[np.ndarray, np.ndarray, np.ndarray]] = []
    launch = month_of(np.array([INSIGHTS_LAUNCH]))[0]

    def close(who: np.ndarray, day: np.ndarray) -> None:
        lines.add(who, line_start[who], day, plan[who], term[who], amount[who], 0, discount[who])

    def close_insights(who: np.ndarray, day: np.ndarray) -> None:
        lines.add(who, ins_start[who], day, plan[who], np.ones(len(who), dtype=np.int64),
                  ins_amount[who], 1, np.zeros(len(who)))
        has_ins[who] = False

    for m in range(N_MONTHS):
        ms = MONTH_START[m]
        random_day = ms + rng.integers(0, MONTH_DAYS[m], n) * DAY
        u = rng.random((5, n))
        settled = active & (spell_month < m)
        renewal = (m - anchor_month) % term == 0

        # 1. churn at the renewal date
        tenure_boost = np.where(m - spell_month <= 3, 1.6, 1.0)
        hazard = (BASE_CHURN[acc.segment] * churn_season(m) * np.exp(-0.55 * acc.health)
                  * tenure_boost * np.where(plan == 0, 1.25, 1.0))
        churn = settled & renewal & (u[0] < 1 - (1 - np.minimum(hazard, 0.5)) ** term)
        who = np.flatnonzero(churn)
        end_day = ms + anchor_day[who] * DAY
        close(who, end_day)
        ins_who = who[has_ins[who]]
        close_insights(ins_who, ms + anchor_day[ins_who] * DAY)
        spells.append((who, spell_start[who], end_day))
        active[who] = False
        churn_month[who] = m

        # 2. plan changes (new line the same day the old one ends)
        movable = active & (spell_month < m) & (line_start < ms)
        up = movable & (plan < 2) & (u[1] < 0.012 * np.exp(0.4 * acc.health))
        down = movable & ~up & (plan > 0) & renewal & (u[2] < 0.006 * np.exp(-0.4 * acc.health))
        who = np.flatnonzero(up | down)
        day = random_day[who]
        close(who, day)
        plan[who] += np.where(up[who], 1, -1)
        line_start[who] = day
        amount[who] = list_price(PER_SEAT[plan[who]], np.maximum(seats[who], MIN_SEATS[plan[who]]),
                                 day, term[who])

        # 3. the insights add-on: cross-sell from its launch, a few cancel it
        if m >= launch:
            drop = has_ins & (ins_start < ms) & (u[3] < 0.02)
            who = np.flatnonzero(drop)
            close_insights(who, random_day[who])
            push = 3.0 if m == launch else 1.0
            p_add = push * np.array([0.02, 0.035, 0.05])[acc.segment] * np.exp(0.3 * acc.health)
            add = active & ~has_ins & ~drop & (spell_start < ms) & (u[3] > 1 - p_add)
            who = np.flatnonzero(add)
            has_ins[who] = True
            ins_start[who] = random_day[who]
            ins_amount[who] = list_price(INSIGHTS_PER_SEAT, seats[who], random_day[who],
                                         np.ones(len(who), dtype=np.int64))

        # 4. reactivation of accounts that left 2-14 months ago
        gone = m - churn_month
        back = (~active & (churn_month >= 0) & (gone >= 2) & (gone <= 14)
                & (u[4] < 0.016 * np.exp(0.3 * acc.health)))
        who = np.flatnonzero(back)
        day = random_day[who]
        term[who] = np.where(rng.random(len(who)) < 0.85, 1, 12)
        _start(who, day, m, active, line_start, spell_start, spell_month, anchor_month, anchor_day)
        discount[who] = 0.0
        amount[who] = list_price(PER_SEAT[plan[who]], np.maximum(seats[who], MIN_SEATS[plan[who]]),
                                 day, term[who])

        # 5. conversions: the first paid line starts on the day of conversion
        who = np.flatnonzero(conv_month == m)
        day = acc.converted[who] // DAY * DAY
        term[who] = first_term[who]
        discount[who] = first_discount[who]
        _start(who, day, m, active, line_start, spell_start, spell_month, anchor_month, anchor_day)
        spell_start[who] = acc.converted[who]
        amount[who] = list_price(PER_SEAT[plan[who]], np.maximum(seats[who], MIN_SEATS[plan[who]]),
                                 day, term[who])

    who = np.flatnonzero(active)
    close(who, np.full(len(who), NAT))
    spells.append((who, spell_start[who], np.full(len(who), NAT)))
    ins_who = np.flatnonzero(has_ins)
    close_insights(ins_who, np.full(len(ins_who), NAT))
    return Billing(
        lines=lines.arrays(),
        spell_account=np.concatenate([s[0] for s in spells]),
        spell_start=np.concatenate([s[1] for s in spells]),
        spell_end=np.concatenate([s[2] for s in spells]),
        first_paid_month=conv_month,
    )


def _start(who, day, m, active, line_start, spell_start, spell_month, anchor_month, anchor_day) -> None:
    """Start a paid spell (conversion or reactivation) on ``day`` of month ``m``."""
    active[who] = True
    line_start[who] = day
    spell_start[who] = day
    spell_month[who] = m
    anchor_month[who] = m
    anchor_day[who] = np.minimum((day - MONTH_START[m]) // DAY, 27)


def insights_lines(billing: Billing) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Account, start and end (NAT = open) of every insights line."""
    ln = billing.lines
    mask = ln["product"] == 1
    return ln["account"][mask], ln["start"][mask], ln["end"][mask]
