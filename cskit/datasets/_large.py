"""Large synthetic tables for benchmarks: simple, fast to make, seeded.

These skip the detail of the sample company (no surveys or comments) and are
built for size: a million customers over 36 months takes a few seconds.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

PLANS = np.array(["starter", "growth", "scale"])
PRICES = np.array([49.0, 199.0, 799.0])
EVENTS = np.array(["login", "view_dashboard", "create_report", "share_report", "export", "api_call"])


def _lifetimes(rng: np.random.Generator, n: int, n_months: int) -> tuple[np.ndarray, np.ndarray]:
    start = rng.integers(0, n_months, n)
    months = np.minimum(rng.geometric(0.04, n), n_months - start)
    return start, months


def generate_mrr_panel(
    n_customers: int = 1_000_000, n_months: int = 36, seed: int = 0, first_month: str = "2023-11"
) -> pd.DataFrame:
    """An ``mrr`` frame: customers that join, expand, contract, churn and come back.

    Parameters
    ----------
    n_customers : int, default 1,000,000
    n_months : int, default 36
    seed : int, default 0
    first_month : str, default "2023-11"

    Returns
    -------
    pandas.DataFrame
        Columns ``customer_id`` (str), ``month`` (Period[M]), ``mrr``, ``plan``,
        ``segment``; one row per customer and active month, sorted.

    Examples
    --------
    >>> panel = generate_mrr_panel(n_customers=1000, n_months=12, seed=1)
    >>> panel.columns.tolist()
    ['customer_id', 'month', 'mrr', 'plan', 'segment']
    >>> bool((panel["mrr"] > 0).all())
    True
    """
    rng = np.random.default_rng(seed)
    start, months = _lifetimes(rng, n_customers, n_months)
    # 8 % come back after a gap for a second spell.
    back = rng.random(n_customers) < 0.08
    gap = rng.integers(2, 8, n_customers)
    start2 = start + months + gap
    months2 = np.where(back & (start2 < n_months), np.minimum(rng.geometric(0.06, n_customers),
                                                               n_months - np.minimum(start2, n_months)), 0)
    owner = np.r_[np.arange(n_customers), np.arange(n_customers)]
    spell_start = np.r_[start, start2]
    length = np.r_[months, months2]
    row_owner = np.repeat(owner, length)
    offset = np.arange(length.sum()) - np.repeat(np.cumsum(length) - length, length)
    month = np.repeat(spell_start, length) + offset
    order = np.lexsort((month, row_owner))
    row_owner, month = row_owner[order], month[order]

    plan = rng.choice(3, n_customers, p=[0.6, 0.3, 0.1])
    seats = rng.geometric(0.25, n_customers)
    # Seats drift: each month a customer may add or remove seats.
    step = rng.choice(np.array([-1, 0, 1]), len(month), p=[0.04, 0.9, 0.06])
    first_row = np.r_[True, row_owner[1:] != row_owner[:-1]]
    step[first_row] = 0
    drift = np.cumsum(step)
    drift -= np.maximum.accumulate(np.where(first_row, drift, np.iinfo(np.int64).min))
    n_seats = np.maximum(seats[row_owner] + drift, 1)
    mrr = PRICES[plan[row_owner]] * n_seats
    ids = np.char.add("C", np.char.zfill(np.arange(n_customers).astype(str), 7)).astype(object)
    segment = np.array(["SMB", "Mid-Market", "Enterprise"])[plan]
    first = pd.Period(first_month, freq="M").ordinal
    return pd.DataFrame(
        {
            "customer_id": pd.Series(ids[row_owner], dtype="str"),
            "month": pd.PeriodIndex.from_ordinals(first + month, freq="M"),
            "mrr": mrr,
            "plan": pd.Series(PLANS[plan[row_owner]], dtype="str"),
            "segment": pd.Series(segment[row_owner], dtype="str"),
        }
    )


def generate_subscriptions(
    n_customers: int = 1_000_000, n_months: int = 36, seed: int = 0, first_month: str = "2023-11"
) -> pd.DataFrame:
    """A ``subscriptions`` frame with monthly and annual lines and some discounts.

    Examples
    --------
    >>> subs = generate_subscriptions(n_customers=100, seed=1)
    >>> subs.columns.tolist()
    ['customer_id', 'start', 'end', 'amount', 'interval', 'plan', 'product', 'discount']
    """
    rng = np.random.default_rng(seed)
    start, months = _lifetimes(rng, n_customers, n_months)
    first = pd.Timestamp(pd.Period(first_month, freq="M").start_time)
    day = rng.integers(0, 28, n_customers)
    start_ts = (first.to_datetime64().astype("datetime64[M]") + start.astype("timedelta64[M]"))
    start_ts = start_ts.astype("datetime64[D]") + day.astype("timedelta64[D]")
    end_ts = (start_ts.astype("datetime64[M]") + months.astype("timedelta64[M]")).astype(
        "datetime64[D]"
    ) + day.astype("timedelta64[D]")
    open_ = start + months >= n_months
    annual = rng.random(n_customers) < 0.25
    plan = rng.choice(3, n_customers, p=[0.6, 0.3, 0.1])
    seats = rng.geometric(0.25, n_customers)
    amount = PRICES[plan] * seats * np.where(annual, 12 * 0.83, 1.0)
    ids = np.char.add("C", np.char.zfill(np.arange(n_customers).astype(str), 7)).astype(object)
    end = pd.Series(end_ts.astype("datetime64[us]"))
    end[open_] = pd.NaT
    return pd.DataFrame(
        {
            "customer_id": pd.Series(ids, dtype="str"),
            "start": start_ts.astype("datetime64[us]"),
            "end": end,
            "amount": np.round(amount, 2),
            "interval": pd.Series(np.where(annual, "year", "month"), dtype="str"),
            "plan": pd.Series(PLANS[plan], dtype="str"),
            "product": pd.Series(np.full(n_customers, "core"), dtype="str"),
            "discount": np.where(rng.random(n_customers) < 0.2, 0.1, 0.0),
        }
    )


def generate_events(
    n_events: int = 50_000_000, n_users: int = 500_000, days: int = 365, seed: int = 0,
    first_day: str = "2026-01-01",
) -> pd.DataFrame:
    """An ``events`` frame: users with very different activity levels over ``days`` days.

    Activity per user follows a heavy-tailed (log-normal) rate, and each user
    is only around for part of the year, so DAU, WAU and MAU differ. ``user_id``,
    ``account_id`` and ``event`` are categoricals (integer codes into their
    distinct strings), as a large event log should be held in pandas.

    Examples
    --------
    >>> ev = generate_events(n_events=1000, n_users=50, days=30, seed=1)
    >>> ev.columns.tolist()
    ['user_id', 'account_id', 'timestamp', 'event']
    >>> len(ev)
    1000
    """
    rng = np.random.default_rng(seed)
    weight = rng.lognormal(0.0, 1.2, n_users)
    code = np.int32 if n_users < 2**31 else np.int64
    user = rng.choice(n_users, n_events, p=weight / weight.sum()).astype(code)
    join = rng.integers(-days // 2, days, n_users)
    span = rng.integers(min(30, days), days + 1, n_users)
    lo = np.maximum(join, 0)
    hi = np.minimum(join + span, days)
    hi = np.maximum(hi, lo + 1)
    seconds = rng.random(n_events)  # becomes the second of the year, in place
    seconds *= (hi - lo)[user]
    seconds = seconds.astype(np.int64)
    seconds += lo[user]
    seconds *= 86_400
    seconds += rng.integers(0, 86_400, n_events)
    order = np.argsort(seconds, kind="stable")
    user, seconds = user[order], seconds[order]
    del order
    # Ids as categoricals (4-byte codes into one string per user), not one Python
    # string per event: 50 M events take ~1 GB instead of ~13 GB.
    ids = pd.Index(np.char.add("U", np.char.zfill(np.arange(n_users).astype(str), 6)), dtype="str")
    n_accounts = (n_users - 1) // 5 + 1
    accounts = pd.Index(np.char.add("A", np.char.zfill(np.arange(n_accounts).astype(str), 6)),
                        dtype="str")
    event = rng.integers(0, len(EVENTS), n_events).astype(np.int8)
    seconds += np.datetime64(first_day, "s").astype(np.int64)
    return pd.DataFrame(
        {
            "user_id": pd.Categorical.from_codes(user, categories=ids),
            "account_id": pd.Categorical.from_codes(user // 5, categories=accounts),
            "timestamp": (seconds * 1_000_000).view("datetime64[us]"),
            "event": pd.Categorical.from_codes(event, categories=pd.Index(EVENTS, dtype="str")),
        }
    )
