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
# # Active users: DAU, WAU, MAU and stickiness (DAU/MAU)
#
# **DAU**, **WAU** and **MAU** count the distinct people who were *active* in the last
# day, 7 days and month. Their ratio **DAU/MAU** — *stickiness* (고착도, スティッキネス,
# 黏著度) — says how often a monthly user comes back: 1.0 means every monthly user came
# every day, 1/30 that each came once a month.
#
# ## Why it matters
#
# Who watches them and what they decide:
#
# * a paying account whose people stop showing up is on its way out long before the
#   renewal date; usage is the earliest signal CS gets;
# * MAU grows with the customer base; **DAU/MAU** does not, so it compares a small month
#   with a big one, and one segment with another;
# * they are the input of the product-usage KPIs and of the health score (notebooks 14
#   and 08).
#
# The source article makes the right first point: **define "active" first**. A login
# is not use — for a design tool, "active" may be "created a design"; for a social
# network, "liked or shared". Different definitions give very different numbers,
# and this notebook shows how much.

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
company = open_company(data_dir, needs=('events', 'accounts', 'mrr'))
month = notebook_month(company, month)

# %% [markdown]
# ## The formulas
#
# For a day *d* and an activity definition (an event filter):
#
# * **DAU**(d) = distinct users with an activity on day *d*;
# * **WAU**(d) = distinct users active in the 7 days ending on *d*;
# * **MAU**(d) = distinct users active in the **trailing window** of *w* days ending on
#   *d* — `window=28` by default (four of each weekday, so no weekday bias) or `30`;
# * **DAU/MAU**(d) = DAU(d) ÷ MAU(d).
#
# A daily DAU/MAU jumps with weekends, so it is reported per month as the mean of the
# month's daily ratios — cskit's headline, **DAU / trailing-28-day MAU**
# (`events.cs.stickiness(period="M", mau="trailing")`, what a dashboard's daily chart
# averages to; the notebook 00 explainer and the report show the same figure):
#
# $$\text{stickiness}_{\text{month}} = \text{mean over the month's days } d \text{ of }
# \frac{\text{DAU}(d)}{\text{MAU}_{28}(d)}$$
#
# The catalogue's older form, `mau="calendar"` — mean DAU ÷ distinct users of the
# calendar month — is shown only as a labelled comparison: a calendar month has 28 to
# 31 days, so the same behaviour looks stickier in February.
#
# ## A small example by hand
#
# The catalogue's reference figure: ten users are active on day 1, and only one of them
# on each of the next six days. Daily uniques 10, 1, 1, 1, 1, 1, 1; monthly uniques 10.
#
# mean DAU = (10 + 6 × 1) ÷ 7 = 16 ÷ 7 = 2.286; stickiness = 2.286 ÷ 10 = **0.229**.

# %%
toy = pd.DataFrame({
    "user_id": [f"u{i}" for i in range(10)] + ["u0"] * 6,
    "timestamp": pd.Timestamp("2026-10-01 09:00")
    + pd.to_timedelta([0] * 10 + [1, 2, 3, 4, 5, 6], unit="D"),
})
by_hand = (16 / 7) / 10
assert round(toy.cs.stickiness(period=None), 3) == round(by_hand, 3) == 0.229
toy.cs.active_users(window=28)[["dau", "wau", "mau", "dau_mau"]]

# %% [markdown]
# MAU stays 10 all week: the ten users of day 1 are still inside every trailing window.
# DAU/MAU falls to 0.1 on the quiet days. The monthly figure averages them.
#
# ## DAU, WAU and MAU on this data
#
# Every event counts as activity first (we change that below). The last days of the
# report month:

# %%
au = company.events.cs.active_users(window=28)
in_month = au.loc[str(month)]
in_month.tail(7)

# %% [markdown]
# The same numbers by hand, with plain pandas: MAU on the month's last day is the
# number of distinct users with an event in the 28 days ending that day.

# %%
ev = company.events
day = ev["timestamp"].dt.normalize()
last_day = in_month.index[-1]
window = (day > last_day - pd.Timedelta(days=28)) & (day <= last_day)
mau_by_hand = ev.loc[window, "user_id"].nunique()
dau_by_hand = ev.loc[day == last_day, "user_id"].nunique()
wau_by_hand = ev.loc[(day > last_day - pd.Timedelta(days=7)) & (day <= last_day),
                     "user_id"].nunique()
assert (dau_by_hand, wau_by_hand, mau_by_hand) == tuple(
    in_month.loc[last_day, ["dau", "wau", "mau"]])
print(f"{last_day.date()}: DAU {dau_by_hand}, WAU {wau_by_hand}, MAU {mau_by_hand}, "
      f"DAU/MAU {dau_by_hand / mau_by_hand:.1%}")

# %%
from cskit.plotting import active_users_trend, kpi_tree_plot, stickiness_trend

fig, ax = plt.subplots(figsize=(9, 4.5))
_ = active_users_trend(au.loc[:last_day].iloc[-182:], ax=ax)

# %% [markdown]
# MAU climbs as a company grows; DAU/MAU need not. For a product used at work the
# daily ratio saw-tooths between weekdays and weekends, which is why it is averaged
# over a month — a month's last day, alone, says little about the month:

# %%
weekday = au.loc[au["complete"]].groupby(au.index[au["complete"]].day_name())["dau_mau"]
order = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
shares = (weekday.mean().reindex(order) * 100).round(1)
print(f"In this data: highest on {shares.idxmax()} ({shares.max()} %), lowest on "
      f"{shares.idxmin()} ({shares.min()} %); {last_day:%A} {last_day.date()} was "
      f"{au.loc[last_day, 'dau_mau']:.1%}.")
shares.rename("mean DAU/MAU (%)").rename_axis(None).to_frame().T

# %% [markdown]
# ## The definition moves the number
#
# Four ways to compute the month's stickiness on the same events: the headline (mean of
# the daily ratio with a trailing 28-day MAU), the same with a 30-day window, the
# calendar-month form (comparison), and the headline when only *real work* counts as
# activity (the key features: every
# event except the two most frequent ones, the logins and home-screen views everyone
# fires — as in notebooks 08 and 14; replace `work` with your own list).

# %%
work = ev["event"].value_counts().index[2:].tolist()
print("real work:", work)
variants = {
    "trailing 28 d, any event (headline)": ev.cs.stickiness(period="M", mau="trailing",
                                                            window=28),
    "trailing 30 d, any event": ev.cs.stickiness(period="M", mau="trailing", window=30),
    "calendar month, any event (comparison)": ev.cs.stickiness(period="M",
                                                               mau="calendar"),
    "trailing 28 d, real work only": ev.cs.stickiness(period="M", mau="trailing",
                                                      window=28, activity=work),
}
table = pd.DataFrame({name: r["stickiness"] * 100 for name, r in variants.items()})
table = table[table.index <= month].tail(6)
table.index = table.index.astype(str)
now = table.iloc[-1]
headline = variants["trailing 28 d, any event (headline)"].loc[month, "stickiness"]
calendar = variants["calendar month, any event (comparison)"].loc[month, "stickiness"]
print(f"DAU / trailing-28-day MAU, {month}: {headline:.2%}")
print(f"  comparison, DAU / calendar-month MAU: {calendar:.2%}")
print(f"{table.index[-1]}: the window moves stickiness by "
      f"{abs(now.iloc[0] - now.iloc[1]):.2f} points; the calendar month by "
      f"{abs(now.iloc[0] - now.iloc[2]):.2f}; the activity definition by "
      f"{abs(now.iloc[0] - now.iloc[3]):.2f} points.")
table.round(2)

# %%
# both forms by hand for the report month: the headline is the mean of the daily
# DAU ÷ trailing-28-day MAU of `au` (active_users) over the month's days
headline_by_hand = au.loc[str(month), "dau_mau"].mean()
assert abs(headline_by_hand - headline) < 1e-12
m_rows = ev["timestamp"].dt.to_period("M") == month
daily = ev[m_rows].groupby(day[m_rows])["user_id"].nunique()
daily = daily.reindex(pd.date_range(month.start_time, month.end_time.normalize()), fill_value=0)
by_hand = daily.mean() / ev.loc[m_rows, "user_id"].nunique()
assert abs(by_hand - calendar) < 1e-12
gap = (variants["calendar month, any event (comparison)"]["stickiness"]
       - variants["trailing 28 d, any event (headline)"]["stickiness"]).dropna() * 100
feb = gap.index.month == 2
if feb.any() and (~feb).any():
    print(f"calendar minus trailing, mean: {gap[feb].mean():+.2f} points in February, "
          f"{gap[~feb].mean():+.2f} in the other months")
fig, ax = plt.subplots(figsize=(9, 4))
_ = stickiness_trend(variants, ax=ax)


# %% [markdown]
# Read the printed lines: a 30-day window catches a few more occasional users than a
# 28-day one, so MAU is larger and the ratio smaller; the calendar month changes the
# window with the month's length; the **activity definition** changes who counts at
# all — a user who only logs in and glances at the
# dashboard counts in the first line and not in the last. Neither is wrong; a target
# such as "stickiness 20 %" means nothing until the definition is written next to it.
#
# ## Where the source articles go wrong
#
# * **"MAU/DAU ratio"**: the 16-KPI article (in all three translations) titles the metric
#   *MAU/DAU* and then gives the formula *DAU ÷ MAU*. The ratio is **DAU ÷ MAU**; MAU ÷
#   DAU is its inverse (e.g. 11 instead of 9 %), and a team that computes it that
#   way sees "improvement" when users come *less* often.
# * **"The higher the percentage, the better the platform performs"**: only against the
#   product's natural rhythm. A payroll tool used twice a month is healthy at 7 %; a
#   chat tool at 20 % is in trouble. Compare a product with its own past and its own
#   segments, not with another product's benchmark.
# * **"Active" left to the reader**: the article lists examples (visit a page, share,
#   complete a task, create content, scroll to the bottom) but the formula does not say
#   which. As the table shows, the choice moves the number more than anything else.
# * **The window**: "monthly" is not defined either. A calendar month (28–31 days)
#   makes February look stickier; cskit's headline uses a fixed trailing window (28
#   days) every day and averages the daily ratios over the month; the calendar-month
#   figure is only a labelled comparison.
#
# ## How cskit computes it (and why it is fast)
#
# The obvious way — for every day, take the events of the last 28 days and count
# distinct users — scans all events once per day: 365 scans for a year. cskit does one
# pass instead: it keeps one row per active (user, day), lets each row *cover* the next
# 28 days (up to the same user's next active day, so a user is never counted twice),
# and adds +1 where a cover starts and −1 where it ends; a running sum gives MAU for
# every day at once. `benchmarks/bench_usage.py` times it on fifty million events for
# 500,000 users over a year (2 CPU cores): DAU, WAU and MAU for all 365 days took
# **4.0 s** in cskit, **12.0 s** in DuckDB SQL running the same sweep, and the per-day
# loop about 0.74 s *per day* — some **270 s** for the year. The per-day loop, on this
# data, for the month's last week only:

# %%
def mau_naive(events: pd.DataFrame, day: pd.Timestamp, window: int = 28) -> int:
    d = events["timestamp"].dt.normalize()
    return events.loc[(d > day - pd.Timedelta(days=window)) & (d <= day), "user_id"].nunique()

last7 = in_month.index[-7:]
naive = [mau_naive(ev, d) for d in last7]  # one full scan per day
assert naive == in_month.loc[last7, "mau"].tolist()
print(f"per-day loop and sweep agree on the last 7 days: {naive}")

# %% [markdown]
# ## Common mistakes
#
# 1. **Counting logins as activity.** Decide what "active" means for the product and
#    pass it as `activity=[...]` (event names), a boolean mask or a function.
# 2. **Inverting the ratio** (the article's *MAU/DAU*).
# 3. **Adding up DAU**: the sum of a month's DAU counts user-days, not users.
# 4. **Adding segment MAUs**: a user active in two product areas counts in both
#    (`by="area"`), so the parts add up to more than the company's MAU.
# 5. **Reading the first weeks of the data**: until the trailing window is full, MAU is
#    understated and DAU/MAU overstated (`complete` is False there, and the plot shades it).
# 6. **Daily DAU/MAU without the weekly pattern**: compare Monday with Monday, or use
#    the monthly figure.
#
# ## A sub-KPI: first-login rate
#
# The KPI-setting article builds KPIs as a tree: with churn (해약률) as the KPI,
# **first-login rate** and site-usage rate are its sub-KPIs. They are known within days
# of a sign-up, so the plan–do–check–act loop on them is fast, while churn takes months
# to show.
#
# First-login rate = new accounts that logged in within *N* days of signing up ÷ new
# accounts. Accounts that signed up in the last *N* days before the cut-off have not had
# their full chance yet: cskit leaves them out (`too_recent`) instead of counting them
# as failures.

# %%
acc = company.accounts
if "first_login_at" not in acc:  # not exported: an account's first event is its login
    first_event = company.events.groupby("account_id")["timestamp"].min()
    acc = acc.assign(first_login_at=acc["account_id"].map(first_event))
    print("No first_login_at column in this data: each account's first event stands "
          "in for its first login.")
flr = acc.cs.first_login_rate(within_days=7, period="M", as_of=month.end_time)
flr[flr.index <= month].tail(6)

# %%
# by hand for the report month
cohort = acc[acc["signup_at"].dt.to_period("M") == month]
mature = cohort["signup_at"] + pd.Timedelta(days=7) <= month.end_time
quick = (cohort["first_login_at"] - cohort["signup_at"]) <= pd.Timedelta(days=7)
rate = (quick & mature).sum() / mature.sum()
assert abs(rate - flr.loc[month, "first_login_rate"]) < 1e-12
print(f"{month}: {(quick & mature).sum()} of {mature.sum()} new accounts logged in "
      f"within 7 days = {rate:.1%} ({(~mature).sum()} too recent to judge)")

# %% [markdown]
# Is it a good sub-KPI *of churn*? Check it, as the article itself asks: does a first
# login within 7 days go with conversion to paid, and with less churn in the first six
# paid months?

# %%
quick_all = (acc["first_login_at"] - acc["signup_at"]) <= pd.Timedelta(days=7)
paid_months = company.mrr.groupby("customer_id")["month"].agg(["min", "max"])
tenure = (paid_months["max"] - paid_months["min"]).map(lambda d: d.n) + 1
early_churn = (tenure <= 6) & (paid_months["max"] < company.latest_month)
check = pd.DataFrame({
    "accounts": quick_all.groupby(quick_all).size(),
    "converted to paid": acc["converted_at"].notna().groupby(quick_all).mean(),
    "churned within 6 paid months": early_churn.groupby(
        quick_all.set_axis(acc["account_id"]).reindex(early_churn.index)).mean(),
})
check.index = check.index.map({True: "logged in within 7 days", False: "later or never"})
gaps = check.diff().iloc[-1].abs() if len(check) == 2 else pd.Series(dtype=float)
if len(gaps):
    print(f"Gap between the two groups: conversion {gaps['converted to paid']:.1%}, "
          f"early churn {gaps['churned within 6 paid months']:.1%}.")
check.round(3)

# %% [markdown]
# If the conversion gap is the larger, first-login rate is a sub-KPI of **new revenue**
# (trial conversion) more than of churn: the tree should hang it where the data says it
# belongs. That is
# the article's "check the KPI regularly and replace it if it does not reflect reality".
#
# ## A KPI tree
#
# `cskit.health.KPI` declares a KPI with its sub-KPIs and how to compute each;
# `kpi_tree` computes them all into one tidy frame, and `kpi_tree_plot` draws the
# month's values with the change since the month before (green = moved the good way).

# %%
from cskit.health import KPI, kpi_tree


def work_adoption(c) -> pd.Series:
    result = c.events.cs.feature_adoption(features=[work[0]])
    return result.xs(work[0], level="feature")["feature_adoption"]

tree = KPI("churn", lambda c: c.mrr.cs.churn(period="M")["churn"],
           higher_is_better=False, label=cskit.t("kpi.churn"), children=[
    KPI("first_login", lambda c: acc.cs.first_login_rate(
        as_of=month.end_time)["first_login_rate"], label=cskit.t("usage.kpi.first_login_rate")),
    KPI("stickiness", lambda c: c.events.cs.stickiness(period="M", mau="trailing")[
        "stickiness"],
        label=cskit.t("usage.kpi.stickiness"), children=[
        KPI("feature_adoption", work_adoption, label=work[0]),
    ]),
])
values = kpi_tree(tree, company)
values[values["period"] == month][["kpi", "parent", "level", "better", "value"]].round(4)

# %%
fig, ax = plt.subplots(figsize=(8, 3.5))
_ = kpi_tree_plot(values, period=month, ax=ax,
                  formats={k: "{:.1%}" for k in values["kpi"].unique()})

# %% [markdown]
# ## Read it, act on it
#
# Is this number good? Published ranges (each with its source, year and caveats —
# compare like with like: segment, contract size and how the source defines the
# KPI), what moves the number, and the first three things a CSM does when it moves.

# %%
cskit.guide.read_it('stickiness')

# %% [markdown]
# ## Exercises
#
# Replace `None` by your answer and run the cell; `cskit.training.check` says whether it
# is right (a hint after a wrong answer). Rates are fractions (5 % = 0.05).
#
# **1.** Nobody changed how they use the product, yet the dashboard's monthly
# DAU/MAU, computed with calendar-month MAU, is higher in February than in January.
# Most likely: **a** the shorter month counts fewer distinct monthly users, so the same
# use looks stickier; **b** users came more often in February; **c** a data error.
# Answer `"a"`, `"b"` or `"c"`.

# %%
answer_1 = None
cskit.training.check("16-1", answer_1, data=company)

# %% [markdown]
# **2.** Every user of a product uses it every Monday and never on another day. What is
# its DAU / trailing-28-day MAU, averaged over a long stretch of days (3 decimals)?

# %%
answer_2 = None
cskit.training.check("16-2", answer_2, data=company)

# %% [markdown]
# **3.** A team changes "active" from *any event* to *created or shared a report*.
# DAU/MAU falls from 9 % to 6 %. What do they report? **a** engagement fell by a third;
# **b** nothing about engagement: the definition changed, so they restate the past
# months with the new definition and compare those; **c** the average of the two.
# Answer `"a"`, `"b"` or `"c"`.

# %%
answer_3 = None
cskit.training.check("16-3", answer_3, data=company)
