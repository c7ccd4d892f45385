# ---
# jupyter:
#   jupytext:
#     formats: ipynb,py:percent
#     text_representation:
#       extension: .py
#       format_name: percent
#       format_version: '1.3'
#       jupytext_version: 1.19.6
#   kernelspec:
#     display_name: Python 3
#     language: python
#     name: python3
# ---

# %% [markdown]
# # Response time
#
# **First response time** is how long a customer waits for the first answer from a
# person (첫 응답 시간 / 初回応答時間 / 首次回應時間).
#
# cskit reports the **median** by default (a few tickets that wait for days pull the mean
# up, the median resists them), the mean and 90th percentile next to it, in calendar
# hours or **business hours**. Tickets with no response yet, and responses stamped before
# the ticket was created, are counted and reported — never silently dropped.

# %% tags=["parameters"]
# Parameters (papermill can override them): a folder with your own seven tables,
# the month to look at, and the language of labels ("en", "ko", "ja", "zh-Hant").
data_dir = None
month = None  # "YYYY-MM"; None: the latest complete month of the data
lang = "en"

# %%
# %matplotlib inline
import cskit
import matplotlib.pyplot as plt
import numpy as np
import pandas as pd
from cskit._notebook import notebook_month, open_company

cskit.set_language(lang)
# The sample company when data_dir is None. When a table this notebook needs is
# absent, open_company says so and the rest of the notebook is skipped.
company = open_company(data_dir, needs=('tickets',))
month = notebook_month(company, month)

# %% [markdown]
# ## Why it matters
#
# Waiting is what customers notice first. The support lead reads the first response
# time every week to staff the queue and to keep the promises made in contracts (a
# response "within 4 business hours"); the CS lead reads it next to CSAT, because the
# source article ties the two together — long waits can mean too few people or harder
# problems, and customers who wait are less satisfied. That link is a claim about *a*
# support team; whether it holds for this one is checked here, month by month: the
# median first response time against the CSAT of the same month (months with at least
# 30 CSAT answers).

# %%
from scipy.stats import spearmanr

in_range = company.tickets[company.tickets["created_at"].dt.to_period("M") <= month]
speed = in_range.cs.response_time(period="M")["median"]
if company.surveys is None or not (company.surveys["survey"] == "csat").any():
    print("No CSAT answers in this data: the link to satisfaction cannot be checked here.")
else:
    answers = company.surveys[company.surveys["submitted_at"].dt.to_period("M") <= month]
    satisfaction = answers.cs.csat(period="M")
    both = pd.concat({"median first response (h)": speed,
                      "CSAT": satisfaction.loc[satisfaction["n"] >= 30, "csat"]},
                     axis=1).dropna()
    if len(both) >= 6:
        rho, p_value = spearmanr(both.iloc[:, 0], both.iloc[:, 1])
        if p_value >= 0.05:
            verdict = "no clear link between slower months and CSAT"
        elif rho < 0:
            verdict = "slower months had lower CSAT"
        else:
            verdict = "slower months had higher CSAT"
        print(f"In this data {verdict}: Spearman rank correlation {rho:+.2f} over "
              f"{len(both)} months (p = {p_value:.3f}). A correlation of months is not "
              "a cause: look at what else changed in the slow months.")
    else:
        print(f"Only {len(both)} months with enough CSAT answers: too few to check.")

# %% [markdown]
# ## The formula
#
# $$\text{first response time} = \text{first\_response\_at} - \text{created\_at}
# \qquad \text{KPI} = \operatorname{median} \text{ (or mean) over the month's tickets}$$
#
# Options: `stat="median" | "mean"`; `business_hours=None` (calendar) or a spec such as
# `{"start": "09:00", "end": "18:00", "weekdays": (0, 1, 2, 3, 4), "holidays": [...]}`;
# `exclude=("spam",)`. A ticket belongs to the month it was **created** in.
#
# ## A small example by hand
#
# Five tickets answered after 0.5, 1, 2, 2.5 and 30 hours. Sorted, the middle one is
# **2 h** (the median); the mean is 36 ÷ 5 = **7.2 h**, more than three times as long,
# because of one ticket.

# %%
created = pd.Timestamp("2026-10-05 09:00", tz="UTC")
waits = pd.to_timedelta([0.5, 1, 2, 2.5, 30], unit="h")
five = pd.DataFrame({"created_at": [created] * 5, "first_response_at": created + waits})
assert five.cs.response_time(period=None) == 2.0
assert np.isclose(five.cs.response_time(stat="mean", period=None), 36 / 5)
print(f"median {five.cs.response_time(period=None):.1f} h, mean {five.cs.response_time(stat='mean', period=None):.1f} h "
      "(by hand and by cskit)")

# %% [markdown]
# ## Where the source articles go wrong
#
# The 6-metrics article calls the KPI **average** response time: a mean, which one ticket
# that waited a week moves more than a hundred answered in minutes (the example above).
# It does not say *which* response (the first, or every reply), nor whether nights and
# weekends count (calendar or business hours), so two teams following it can report
# different numbers for the same tickets. Its claims — long waits signal staff shortage or
# complex problems; response time is closely related to satisfaction (a Geckoboard
# finding); customers value timeliness above resolution (a survey it cites) — are findings
# about other companies, to be checked on your own data (as above). **What it gets
# right**: watch the number whenever a feature ships, churn rises or the team changes.
# The KPI catalogue records no wrong formula.
#
# ## First response time of this data

# %%
tickets = company.tickets[company.tickets["created_at"].dt.to_period("M") <= month]
monthly = tickets.cs.response_time(period="M")
monthly.tail(4).round(2)

# %% [markdown]
# ## Median and mean by hand

# %%
kept = tickets[tickets["category"] != "spam"]
hours = (kept["first_response_at"] - kept["created_at"]).dt.total_seconds() / 3600
created_month = kept["created_at"].dt.to_period("M")
assert np.allclose(monthly["median"], hours.groupby(created_month).median())
assert np.allclose(monthly["mean"], hours.groupby(created_month).mean())
this = hours[created_month == month]
tail = ("a long tail of slow tickets pulls the mean up" if this.mean() > this.median()
        else "no long tail of slow tickets")
print(f"{month}: median {this.median():.2f} h, mean {this.mean():.2f} h — the mean is "
      f"{this.mean() / this.median():.1f}x the median: {tail}")

# %% [markdown]
# ## The trend

# %%
from cskit.plotting import response_time_chart

ax = response_time_chart(monthly)
plt.show()
slowest = monthly["median"].idxmax()
print(f"Slowest month in this data: {slowest} (median {monthly.loc[slowest, 'median']:.1f} h, "
      f"against {monthly['median'].median():.1f} h in a typical month).")

# %% [markdown]
# Look for months that stand out in every line, and for the gap between mean and
# median: the long tail of slow tickets. Which channels hold it is printed below, by
# channel.
#
# ## Business hours
#
# A ticket created on Friday evening and answered on Monday morning waited 60 calendar
# hours but perhaps one business hour. If your team promises a response time "within
# business hours", measure it that way:

# %%
from cskit.metrics.tickets import BusinessHours

office = BusinessHours(start="09:00", end="18:00")
friday = pd.DataFrame({"created_at": pd.to_datetime(["2026-10-02 19:00"]),
                       "first_response_at": pd.to_datetime(["2026-10-05 10:00"])})
print(f"calendar: {friday.cs.response_time(period=None):.1f} h, "
      f"business: {friday.cs.response_time(business_hours=office, period=None):.1f} h")
by_channel = tickets[tickets["created_at"].dt.to_period("M") > month - 3].cs.response_time(
    by="channel", business_hours=office, period=None)
slowest = by_channel["p90"].idxmax()
print(f"Last three months: the slowest channel at the 90th percentile is {slowest!r} "
      f"({by_channel.loc[slowest, 'p90']:.1f} business hours), the fastest "
      f"{by_channel['p90'].idxmin()!r} ({by_channel['p90'].min():.1f}).")
by_channel[["measured", "median", "mean", "p90"]].round(2)

# %% [markdown]
# ## Resolution time, and tickets still open
#
# `resolution_time` measures creation → resolution the same way. Tickets without a
# resolution are counted in `unresolved`, not timed:

# %%
tickets.cs.resolution_time(period="Q").tail(3).round(1)

# %% [markdown]
# ## Bad timestamps are reported
#
# A response stamped before its ticket was created (a time-zone mix-up, usually) is left
# out of the times with a warning that names the tickets, and counted in `invalid`;
# `on_invalid="raise"` stops instead.

# %%
import warnings

broken = pd.DataFrame({"ticket_id": ["T1", "T2"],
                       "created_at": pd.to_datetime(["2026-10-01 10:00"] * 2),
                       "first_response_at": pd.to_datetime(["2026-10-01 12:00",
                                                            "2026-10-01 08:00"])})
with warnings.catch_warnings(record=True) as caught:
    warnings.simplefilter("always")
    result = broken.cs.response_time(period="M")
print(caught[0].message)
result[["tickets", "measured", "invalid", "median"]]

# %% [markdown]
# ## Common mistakes
#
# * **Reporting only the mean**: one ticket that waited a week moves it more than a
#   hundred that were answered in minutes.
# * **Mixing calendar and business hours** between teams or months.
# * **Dropping unanswered tickets**: the slowest tickets are the ones with no response
#   yet; count them (`no_response`).
# * **Time zones**: convert timestamps to the support team's zone before applying
#   business hours.

# %% [markdown]
# ## Read it, act on it
#
# Is this number good? Published ranges (each with its source, year and caveats —
# compare like with like: segment, contract size and how the source defines the
# KPI), what moves the number, and the first three things a CSM does when it moves.

# %%
cskit.guide.read_it('response_time')

# %% [markdown]
# ## Exercises
#
# Write your answer in place of `None` and run the cell: `cskit.training.check` says whether it is right on the data this notebook reads (`data=company`). A hint comes after a wrong answer, the explanation after a right one. Rates are fractions (5 % = 0.05); a choice is a letter.

# %% [markdown]
# **1.** Five tickets answered after 1, 2, 3, 4 and 40 hours: what is the median first response time, in hours?

# %%
answer_1 = None
cskit.training.check('22-1', answer_1, data=company)

# %% [markdown]
# **2.** A ticket created on Monday at 16:00 and answered on Tuesday at 11:00, with business hours 09:00–18:00 on weekdays: how many business hours did it wait?

# %%
answer_2 = None
cskit.training.check('22-2', answer_2, data=company)

# %% [markdown]
# **3.** The mean first response time doubled from one month to the next while the median stayed the same. What happened? a) every ticket waited twice as long; b) a few tickets waited much longer (the tail grew); c) the team answered faster.

# %%
answer_3 = None
cskit.training.check('22-3', answer_3, data=company)
