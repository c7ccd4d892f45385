"""FCR explainer logic: each definitional question changes the first-contact-resolution rate.

FCR = tickets resolved at the first contact ÷ tickets in the denominator. The
source article leaves the definition open; each answer below moves the rate:

* how many agent replies still count as "first contact" (1 by default);
* does a reopened ticket count as resolved at first contact (no by default); the view
  counts the reopened tickets and those only the reopen rule removes (reopened with few
  replies), and the funnel applies the reopen rule before the reply rule, so turning the
  rule off always changes the view — also on data where every reopened ticket already
  fails the reply rule and the FCR cannot move;
* are spam and dropped contacts left out (yes by default);
* is the denominator the resolved tickets (default) or all tickets;
* one channel or all of them.

>>> counts = pd.DataFrame({"replies": [1, 1, 2, 1], "reopened": [False, True, False, False],
...     "spam": [False, False, False, True], "resolved": [True, True, True, True],
...     "channel": ["chat"] * 4, "tickets": [6, 1, 3, 2]})
>>> base = FCRBase(counts=counts)
>>> v = compute(base, max_replies=1, exclude_reopened="yes", exclude_spam="yes",
...             denominator="resolved", channel="all")
>>> v.numbers["qualifying"], v.numbers["denominator"], v.numbers["fcr"]
(6.0, 10.0, 0.6)
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd

from cskit._validate import as_datetime
from cskit.explain.logic._common import (
    Control,
    View,
    label,
    month_of,
    num,
    pct,
    sample_company,
    sentence,
)

KPI = "fcr"
MAX_REPLIES = 5  # replies are clipped here: "5" means 5 or more


@dataclass
class FCRBase:
    """Ticket counts per (replies, reopened, spam, resolved, channel)."""

    counts: pd.DataFrame
    period: str = ""


def prepare(
    data: pd.DataFrame | None = None,
    *,
    month: str | pd.Period | None = None,
    months: int = 3,
    spam: tuple[str, ...] = ("spam",),
) -> FCRBase:
    """Count the tickets created in the ``months`` months up to ``month`` (default: latest)."""
    frame = sample_company().tickets if data is None else data
    created = as_datetime(frame, "created_at", "tickets", allow_missing=True)
    periods = created.dt.to_period("M")
    last = month_of(month, periods)
    first = last - (months - 1)
    rows = frame.loc[(periods >= first) & (periods <= last)]
    table = pd.DataFrame(
        {
            "replies": pd.to_numeric(rows["agent_replies"]).fillna(0).clip(upper=MAX_REPLIES)
            .astype(int),
            "reopened": rows["reopened"].fillna(False).astype(bool)
            if "reopened" in rows else False,
            "spam": rows["category"].isin(spam) if "category" in rows else False,
            "resolved": rows["resolved_at"].notna(),
            "channel": rows["channel"].astype(str) if "channel" in rows else "all",
        }
    )
    counts = table.value_counts().rename("tickets").reset_index()
    counts = counts.sort_values(list(table.columns), ignore_index=True)
    label_ = str(last) if months == 1 else f"{first} – {last}"
    return FCRBase(counts=counts, period=label_)


def controls(base: FCRBase) -> list[Control]:
    channels = sorted(base.counts["channel"].unique().tolist())
    yes_no = (("yes", label(KPI, "opt.yes")), ("no", label(KPI, "opt.no")))
    return [
        Control("max_replies", "int", 1, label(KPI, "ctl.max_replies"), 1, 3, 1),
        Control("exclude_reopened", "toggle", "yes", label(KPI, "ctl.exclude_reopened"),
                options=yes_no),
        Control("exclude_spam", "toggle", "yes", label(KPI, "ctl.exclude_spam"), options=yes_no),
        Control("denominator", "toggle", "resolved", label(KPI, "ctl.denominator"),
                options=(("resolved", label(KPI, "opt.resolved")), ("all", label(KPI, "opt.all")))),
        Control("channel", "choice", "all", label(KPI, "ctl.channel"),
                options=(("all", label(KPI, "opt.all_channels")),)
                + tuple((c, c) for c in channels)),
    ]


def compute(
    base: FCRBase,
    previous: View | None = None,
    *,
    max_replies: int = 1,
    exclude_reopened: str = "yes",
    exclude_spam: str = "yes",
    denominator: str = "resolved",
    channel: str = "all",
) -> View:
    """FCR under this definition, with each step of the funnel."""
    values = {"max_replies": max_replies, "exclude_reopened": exclude_reopened,
              "exclude_spam": exclude_spam, "denominator": denominator, "channel": channel}
    c = base.counts
    w = c["tickets"].to_numpy(dtype=float)
    in_channel = np.ones(len(c), bool) if channel == "all" else (c["channel"] == channel).to_numpy()
    not_spam = ~c["spam"].to_numpy(bool) if exclude_spam == "yes" else np.ones(len(c), bool)
    eligible = in_channel & not_spam
    resolved = eligible & c["resolved"].to_numpy(bool)
    few = resolved & (c["replies"].to_numpy() <= max_replies)
    reopened = resolved & c["reopened"].to_numpy(bool)
    # Each rule on its own, so the reopen rule shows even when every reopened ticket also
    # fails the reply rule (then turning it off leaves the FCR as it is, and says why).
    kept = resolved & ~reopened if exclude_reopened == "yes" else resolved
    qualifying = kept & few
    denom_mask = resolved if denominator == "resolved" else eligible
    total = w[in_channel].sum()
    numbers = {
        "tickets": float(total),
        "eligible": float(w[eligible].sum()),
        "resolved": float(w[resolved].sum()),
        "few_replies": float(w[few].sum()),
        "reopened": float(w[reopened].sum()),
        "reopened_few_replies": float(w[reopened & few].sum()),
        "over_replies": float(w[resolved & ~few].sum()),
        "not_reopened": float(w[kept].sum()),
        "qualifying": float(w[qualifying].sum()),
        "denominator": float(w[denom_mask].sum()),
    }
    numbers["fcr"] = (numbers["qualifying"] / numbers["denominator"]
                      if numbers["denominator"] else float("nan"))
    rows = [
        (label(KPI, "num.period"), base.period or "—"),
        (label(KPI, "num.tickets"), num(numbers["tickets"])),
        (label(KPI, "num.denominator"), num(numbers["denominator"])),
        (label(KPI, "num.over_replies", limit=max_replies), num(numbers["over_replies"])),
        (label(KPI, f"num.reopened_{exclude_reopened}"), num(numbers["reopened"])),
        (label(KPI, "num.reopened_few"),
         num(numbers["reopened_few_replies"])),
        (label(KPI, "num.qualifying"), num(numbers["qualifying"])),
        (label(KPI, "num.fcr"), pct(numbers["fcr"])),
    ]
    formula = label(KPI, "formula", qualifying=num(numbers["qualifying"]),
                    denominator=num(numbers["denominator"]), fcr=pct(numbers["fcr"]))
    extra = ""
    if previous is not None:
        for name in ("max_replies", "exclude_reopened", "exclude_spam", "denominator"):
            if previous.values.get(name) != values[name]:
                extra = label(KPI, f"why.{name}")
                if name == "exclude_reopened" and numbers["reopened_few_replies"] == 0:
                    # Nothing can move: every reopened ticket fails the reply rule too.
                    extra += " " + label(KPI, "why.reopened_all_over_limit",
                                         reopened=num(numbers["reopened"]))
                break
    start_text = label(KPI, "start", fcr=pct(numbers["fcr"]), n=num(numbers["denominator"]),
                       period=base.period or "—")
    text = sentence(KPI, controls(base), values, numbers, previous, "fcr", pct,
                    start=start_text, extra=extra)
    steps = ["tickets", "eligible", "resolved", f"not_reopened_{exclude_reopened}", "qualifying"]
    numbers_by_step = numbers | {f"not_reopened_{exclude_reopened}": numbers["not_reopened"]}
    figure = {"steps": [label(KPI, f"step.{s}") for s in steps],
              "counts": [numbers_by_step[s] for s in steps],
              "denominator": numbers["denominator"]}
    return View(KPI, values, numbers, rows, formula, text, figure, title=label(KPI, "title"),
                caption=label(KPI, "caption"), headline=label(KPI, "num.fcr"))
