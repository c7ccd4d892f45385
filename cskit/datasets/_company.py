"""A second, smaller company unlike the sample, for trying cskit on "someone else's data".

:func:`make_company` simulates a young subscription business (14 months by
default) billing in euros, with Stripe-style price ids as plans
(``price_lite`` … and a ``labels.toml`` giving their names), its own segment
names, a main product and an add-on, and only some of the seven tables. Like real exports it is untidy in
places: survey times carry their local UTC offset, which changes with daylight
saving; ``events`` has no ``duration_s`` and ``accounts`` no ``first_login_at``. The folder is exported a few days
into the month after the last one, as a real export would be: the latest
complete month is the one before the export date.

Everything is vectorised and seeded: the same arguments write the same bytes.
"""

from __future__ import annotations

import gzip
import io
from collections.abc import Sequence
from pathlib import Path

import numpy as np
import pandas as pd

from cskit.datasets._folder import TABLES
from cskit.errors import InvalidParameterError

#: Tables written by default: no mrr (derived) and no costs file.
DEFAULT_TABLES: tuple[str, ...] = ("subscriptions", "surveys", "tickets", "events", "accounts")

#: Price ids of the plans, their display names and monthly list prices (euros).
PLANS: tuple[tuple[str, str, float], ...] = (
    ("price_lite", "Lite", 19.0),
    ("price_plus", "Plus", 59.0),
    ("price_max", "Max", 149.0),
)
#: The add-on (a second product, monthly): price id, name, monthly price.
ADDON: tuple[str, str, float] = ("price_auto", "Automations add-on", 9.0)
SEGMENTS: tuple[str, ...] = ("Self-serve", "Sales-assisted", "Partner")
PRODUCTS: tuple[str, str] = ("boards", "automations")

_FILES = {"subscriptions": "subscriptions.csv", "mrr": "mrr.csv", "events": "events.csv.gz",
          "surveys": "surveys.csv", "tickets": "tickets.csv", "costs": "costs.csv",
          "accounts": "accounts.csv"}


def _check(months: int, n_accounts: int, tables: Sequence[str]) -> tuple[str, ...]:
    if not isinstance(months, (int, np.integer)) or months < 3:
        raise InvalidParameterError(f"months={months!r}: give a whole number of months ≥ 3.")
    if not isinstance(n_accounts, (int, np.integer)) or n_accounts < 10:
        raise InvalidParameterError(f"n_accounts={n_accounts!r}: give a whole number ≥ 10.")
    unknown = [t for t in tables if t not in TABLES]
    if unknown or not tables:
        raise InvalidParameterError(
            f"tables={tuple(tables)!r}: choose among {', '.join(TABLES)} (at least one)."
        )
    return tuple(t for t in TABLES if t in tables)


def _seconds(rng: np.random.Generator, start: np.ndarray, span_s: np.ndarray) -> np.ndarray:
    """Instants uniformly inside ``[start, start + span_s)`` (datetime64[s])."""
    offset = (rng.random(len(start)) * np.maximum(span_s, 1)).astype(np.int64)
    return start + offset.astype("timedelta64[s]")


def make_company(
    seed: int = 12,
    *,
    months: int = 14,
    n_accounts: int = 400,
    end: str = "2026-09",
    tables: Sequence[str] = DEFAULT_TABLES,
    currency: str = "eur",
    out: str | Path | None = None,
) -> dict[str, pd.DataFrame]:
    """Simulate a second company and optionally write its data folder.

    Parameters
    ----------
    seed : int, default 12
        Seed of the random generator.
    months : int, default 14
        Months of history, ending with ``end``.
    n_accounts : int, default 400
        Accounts that sign up over the period.
    end : str, default "2026-09"
        Last complete month; the data run to the 3rd of the month after (the export day).
    tables : sequence of str
        Tables to produce (default: subscriptions, surveys, tickets, events, accounts
        without ``first_login_at``; events without ``duration_s``). ``mrr``
        is left out unless asked for: :func:`cskit.datasets.load_company` derives it.
    currency : str, default "eur"
        Written in the ``currency`` column of ``subscriptions`` and ``mrr``.
    out : str or Path, optional
        Folder to write ``<table>.csv`` (events ``.csv.gz``) and ``labels.toml`` to.

    Returns
    -------
    dict of str to DataFrame
        The tables, by name.

    Examples
    --------
    >>> tables = make_company(seed=1, months=6, n_accounts=50, tables=("subscriptions",))
    >>> sorted(tables), sorted(tables["subscriptions"]["plan"].unique())
    (['subscriptions'], ['price_auto', 'price_lite', 'price_max', 'price_plus'])
    >>> str(tables["subscriptions"]["start"].min().to_period("M"))
    '2026-04'
    """
    chosen = _check(months, n_accounts, tables)
    rng = np.random.default_rng(seed)
    last = pd.Period(end, freq="M")
    first = last - (months - 1)
    t0 = np.datetime64(first.start_time.to_datetime64(), "s")
    export = np.datetime64((last + 1).start_time.to_datetime64(), "s") + np.timedelta64(
        2 * 86400 + 10 * 3600, "s")  # the 3rd at 10:00
    span = (export - t0).astype(np.int64)
    n = int(n_accounts)

    # Accounts: a launch cohort (10 %) in the first two weeks, then sign-ups that grow
    # over time (young company); a 14-day trial, 70 % convert.
    ids = np.char.add("cus_", np.char.zfill(np.arange(1, n + 1).astype(str), 5))
    launch = rng.random(n) < 0.1
    at = np.where(launch, rng.random(n) * 14 * 86400, rng.random(n) ** 0.75 * span * 0.97)
    signup = t0 + np.sort(at.astype(np.int64)).astype("timedelta64[s]")
    segment = rng.choice(len(SEGMENTS), size=n, p=[0.6, 0.3, 0.1])
    plan = rng.choice(len(PLANS), size=n, p=[0.5, 0.35, 0.15])
    converts = rng.random(n) < 0.7
    start = (signup + np.timedelta64(14 * 86400, "s")).astype("datetime64[D]").astype(
        "datetime64[s]")
    paying = converts & (start < export)
    # Churn: about 4 % a month, a bit more on Lite; an end date after the export is open.
    hazard = np.where(plan == 0, 0.05, 0.03)
    life_days = rng.geometric(hazard) * 30 + rng.integers(0, 30, n)
    stop = start + (life_days * 86400).astype("timedelta64[s]")
    churned = stop < export
    yearly = rng.random(n) < 0.2
    seats = rng.integers(1, 8, n) * np.where(segment == 0, 1, 3)
    price = np.array([p[2] for p in PLANS])[plan] * seats
    amount = np.where(yearly, price * 10, price)  # two months free on yearly

    # Upgrades: 25 % of paying accounts on Lite/Plus move up one plan after 2 to 10 months.
    up = paying & (plan < 2) & (rng.random(n) < 0.25)
    end_first = np.where(churned, stop, np.datetime64("NaT", "s"))
    change = (start + (rng.integers(60, 300, n) * 86400).astype("timedelta64[s]")).astype(
        "datetime64[D]").astype("datetime64[s]")
    up &= change < np.minimum(export, np.where(churned, stop, export))
    end_first = np.where(up, change, end_first)
    rows = np.flatnonzero(paying)
    ups = np.flatnonzero(up)
    plan_ids = np.array([p[0] for p in PLANS])
    subscriptions = pd.DataFrame({
        "customer_id": np.concatenate([ids[rows], ids[ups]]),
        "start": np.concatenate([start[rows], change[ups]]).astype("datetime64[s]"),
        "end": np.concatenate([end_first[rows],
                               np.where(churned[ups], stop[ups], np.datetime64("NaT", "s"))]),
        "amount": np.concatenate([amount[rows],
                                  amount[ups] * np.array([p[2] for p in PLANS])[plan[ups] + 1]
                                  / np.array([p[2] for p in PLANS])[plan[ups]]]).round(2),
        "interval": np.where(np.concatenate([yearly[rows], yearly[ups]]), "year", "month"),
        "plan": np.concatenate([plan_ids[plan[rows]], plan_ids[plan[ups] + 1]]),
        "product": PRODUCTS[0],
        "currency": currency,
    })
    # The add-on: 12 % of paying accounts add it 1 to 7 months in, until they leave.
    addon_start = (start + (rng.integers(30, 210, n) * 86400).astype("timedelta64[s]")).astype(
        "datetime64[D]").astype("datetime64[s]")
    adds = np.flatnonzero(paying & (rng.random(n) < 0.12)
                          & (addon_start < np.where(churned, stop, export)))
    addons = pd.DataFrame({
        "customer_id": ids[adds], "start": addon_start[adds],
        "end": np.where(churned[adds], stop[adds], np.datetime64("NaT", "s")),
        "amount": ADDON[2], "interval": "month", "plan": ADDON[0], "product": PRODUCTS[1],
        "currency": currency,
    })
    subscriptions = pd.concat([subscriptions, addons], ignore_index=True).sort_values(
        ["start", "customer_id", "product"], kind="stable").reset_index(drop=True)
    subscriptions["start"] = subscriptions["start"].astype("datetime64[us]")
    subscriptions["end"] = subscriptions["end"].astype("datetime64[us]")

    active_from = signup
    active_to = np.where(paying & churned, stop, np.where(paying, export, start))
    active_to = np.minimum(active_to, export)
    active_s = np.maximum((active_to - active_from).astype(np.int64), 0)
    result: dict[str, pd.DataFrame] = {"subscriptions": subscriptions}

    # Surveys: NPS about every 3 months of activity, CSAT after some tickets; some comments.
    k = rng.poisson(active_s / (90 * 86400))
    who = np.repeat(np.arange(n), k)
    submitted = _seconds(rng, active_from[who], active_s[who])
    base = np.where(churned[who], 5.5, 8.0) + np.where(plan[who] == 2, 0.7, 0.0)
    score = np.clip(np.rint(rng.normal(base, 2.0)), 0, 10).astype(np.int64)
    survey = np.where(rng.random(len(who)) < 0.75, "nps", "csat")
    score = np.where(survey == "csat", np.clip((score + 1) // 2, 1, 5), score)
    comments = np.array(["", "", "", "Great value", "Too expensive for us",
                         "Support was slow", "Export to Excel please", "Hard to set up"])
    comment = comments[rng.integers(0, len(comments), len(who))]
    surveys = pd.DataFrame({
        "account_id": ids[who], "submitted_at": submitted.astype("datetime64[us]"),
        "survey": survey, "score": score, "comment": comment,
    }).replace({"comment": {"": None}})
    result["surveys"] = surveys.sort_values("submitted_at", kind="stable").reset_index(drop=True)

    # Tickets: about one a month per active account, more on Lite.
    k = rng.poisson(active_s / (30 * 86400) * np.where(plan == 0, 1.3, 0.8))
    who = np.repeat(np.arange(n), k)
    created = _seconds(rng, active_from[who], active_s[who])
    first_s = rng.exponential(3 * 3600, len(who)).astype(np.int64)
    resolve_s = first_s + rng.exponential(20 * 3600, len(who)).astype(np.int64)
    first_at = created + first_s.astype("timedelta64[s]")
    resolved = created + resolve_s.astype("timedelta64[s]")
    open_now = resolved > export
    tickets = pd.DataFrame({
        "ticket_id": np.char.add("T", np.char.zfill(np.arange(1, len(who) + 1).astype(str), 6)),
        "account_id": ids[who],
        "created_at": created.astype("datetime64[us]"),
        "first_response_at": np.where(first_at > export, np.datetime64("NaT", "s"),
                                      first_at).astype("datetime64[us]"),
        "resolved_at": np.where(open_now, np.datetime64("NaT", "s"),
                                resolved).astype("datetime64[us]"),
        "agent_replies": 1 + rng.poisson(0.8, len(who)),
        "reopened": rng.random(len(who)) < 0.06,
        "channel": rng.choice(np.array(["email", "chat"]), len(who)),
        "category": rng.choice(np.array(["question", "bug", "billing", "feature_request"]),
                               len(who), p=[0.4, 0.3, 0.2, 0.1]),
    }).sort_values("created_at", kind="stable").reset_index(drop=True)
    tickets["ticket_id"] = np.char.add(
        "T", np.char.zfill(np.arange(1, len(tickets) + 1).astype(str), 6))
    result["tickets"] = tickets

    # Events: a few users per account, a session on about 30 % of active days; no duration_s.
    users = 1 + (seats > 2) + (seats > 6)
    days = active_s // 86400
    k = rng.binomial(days * users, 0.3)
    who = np.repeat(np.arange(n), k)
    user = (rng.random(len(who)) * users[who]).astype(np.int64)
    when = _seconds(rng, active_from[who], active_s[who])
    names = np.array(["login", "open_board", "share", "export"])
    events = pd.DataFrame({
        "user_id": np.char.add(np.char.add(ids[who], "-u"), user.astype(str)),
        "account_id": ids[who],
        "timestamp": when.astype("datetime64[us]"),
        "event": names[rng.choice(len(names), len(who), p=[0.4, 0.35, 0.15, 0.1])],
    }).sort_values(["timestamp", "user_id"], kind="stable").reset_index(drop=True)
    result["events"] = events

    accounts = pd.DataFrame({
        "account_id": ids, "signup_at": signup.astype("datetime64[us]"),
        "segment": np.array(SEGMENTS)[segment], "plan": plan_ids[plan], "seats": seats,
        "trial_start": signup.astype("datetime64[us]"),
        "converted_at": np.where(paying, start, np.datetime64("NaT", "s")).astype(
            "datetime64[us]"),
    })
    result["accounts"] = accounts
    if "mrr" in chosen:
        from cskit.metrics.mrr import to_mrr

        result["mrr"] = to_mrr(subscriptions, until=last).assign(currency=currency)
    if "costs" in chosen:
        month = pd.period_range(first, last, freq="M")
        result["costs"] = pd.DataFrame({
            "month": np.repeat(month, 2), "category": ["support", "cs_salaries"] * len(month),
            "amount": np.round(np.tile([2500.0, 9000.0], len(month))
                               * np.repeat(np.linspace(0.6, 1.2, len(month)), 2), 2),
        })
    result = {name: result[name] for name in chosen}
    if out is not None:
        write_company(result, out)
    return result


#: Time zone of the survey tool's export: its timestamps carry the offset of the day
#: (+01:00 in winter, +02:00 in summer), as real exports across daylight saving do.
SURVEY_ZONE = "Europe/Paris"


def _with_offset(when: pd.Series, zone: str) -> pd.Series:
    """UTC instants written as local wall-clock time with their UTC offset (``+02:00``)."""
    local = when.dt.tz_localize("UTC").dt.tz_convert(zone).dt.strftime("%Y-%m-%d %H:%M:%S%z")
    return local.str.replace(r"(\d\d)(\d\d)$", r"\1:\2", regex=True).where(when.notna())


def write_company(tables: dict[str, pd.DataFrame], out: str | Path) -> list[Path]:
    """Write the tables as pandas CSV (events gzip, byte-identical) and ``labels.toml``.

    Survey times are written in :data:`SURVEY_ZONE` with their UTC offset;
    :func:`cskit.datasets.load_company` reads them back as the same UTC instants.
    """
    out = Path(out)
    out.mkdir(parents=True, exist_ok=True)
    written = []
    for name, frame in tables.items():
        path = out / _FILES[name]
        months = {c: frame[c].astype("str") for c in frame.columns
                  if isinstance(frame[c].dtype, pd.PeriodDtype)}
        if name == "surveys":
            months["submitted_at"] = _with_offset(frame["submitted_at"], SURVEY_ZONE)
        data = frame.assign(**months).to_csv(
            index=False, date_format="%Y-%m-%d %H:%M:%S", lineterminator="\n").encode("utf-8")
        if path.suffix == ".gz":
            buffer = io.BytesIO()
            with gzip.GzipFile(filename="", mode="wb", fileobj=buffer, mtime=0) as gz:
                gz.write(data)
            data = buffer.getvalue()
        path.write_bytes(data)
        written.append(path)
    labels = out / "labels.toml"
    labels.write_text(
        "# Display names of the plans (price ids as exported), read by the monthly report.\n"
        "[plan]\n" + "".join(f'{pid} = "{name}"\n' for pid, name, _ in (*PLANS, ADDON)),
        encoding="utf-8",
    )
    written.append(labels)
    return written
