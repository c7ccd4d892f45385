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
# # Product usage rate (frequency, breadth, depth) and feature adoption
#
# ## Why it matters
#
# A customer who bought the product and does not use it will not renew. CSMs read usage
# every week to decide which accounts to call first, and it is the main input of the
# health score (notebook 08). **Product
# usage** (제품 사용률, 製品利用率, 產品使用率) measures, per account, how much of what was
# bought is used. The 16-KPI article names its parts — how often people use it, which
# tools and features they use, and the time spent — and gives one instruction that
# matters more than the formulas: **choose the interval first** (day, week, month),
# because "uses it often" means something different for a daily tool and a monthly one.
#
# cskit measures three things per account and period, the same three the article uses
# for the health score:
#
# * **frequency** – active days in the period;
# * **breadth** – how many of the account's seats were active: active users ÷ seats;
# * **depth** – how many of the product's *key features* the account used:
#   key features used ÷ key features;
#
# and, per feature, **feature adoption** = active accounts that used the feature ÷
# active accounts.

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
# For an account *a* and a period *p* (a month by default, `period="M"`):
#
# $$\text{frequency}_{a,p} = \#\{\text{days of } p \text{ with an activity of } a\}$$
#
# $$\text{breadth}_{a,p} = \frac{\#\{\text{users of } a \text{ active in } p\}}{\text{seats of } a}
# \qquad
# \text{depth}_{a,p} = \frac{\#\{\text{key features } a \text{ used in } p\}}{\#\{\text{key features}\}}$$
#
# $$\text{adoption}_{f,p} = \frac{\#\{\text{active accounts that used } f \text{ in } p\}}
# {\#\{\text{active accounts in } p\}}$$
#
# "Activity" is an event filter (`activity=`), as for DAU/MAU (notebook 16). Breadth can
# exceed 1 when more people use the product than seats were sold; cskit shows it as it
# is rather than clipping it — that account is an upsell conversation.
#
# ## A small example by hand
#
# Account **a** bought 4 seats; user 1 logs in on 1 October and creates a report on the
# 3rd, user 2 logs in on the 3rd. Account **b** bought 1 seat; user 3 logs in on the 5th.
# Key features: *report* and *export*.
#
# | account | active days | active users ÷ seats | key features used |
# |---|---|---|---|
# | a | {1 Oct, 3 Oct} = 2 | 2 ÷ 4 = 0.5 | {report} = 1 of 2 → 0.5 |
# | b | {5 Oct} = 1 | 1 ÷ 1 = 1.0 | none → 0 |
#
# Adoption of *report*: 1 of the 2 active accounts = 50 %; of *export*: 0 %.

# %%
toy = pd.DataFrame({
    "user_id": [1, 1, 2, 3],
    "account_id": ["a", "a", "a", "b"],
    "timestamp": pd.to_datetime(["2026-10-01", "2026-10-03", "2026-10-03", "2026-10-05"]),
    "event": ["login", "report", "login", "login"],
})
toy_accounts = pd.DataFrame({"account_id": ["a", "b"], "seats": [4, 1]})
u = toy.cs.usage(accounts=toy_accounts, key_features=["report", "export"])
assert u["active_days"].tolist() == [2, 1]
assert u["breadth"].tolist() == [0.5, 1.0] and u["depth"].tolist() == [0.5, 0.0]
adoption = toy.cs.feature_adoption(features=["report", "export"], period=None)
assert adoption["feature_adoption"].tolist() == [0.5, 0.0]
u

# %% [markdown]
# ## Usage on this data
#
# A product has entry events everyone fires (a *login*, a home *dashboard*) and
# features that mean real work (creating or exporting a report, an API call, inviting
# a colleague…): those are the **key features**. Below, every event of this data except
# the two most frequent ones — replace `KEY` with your own list. Usage of the report
# month, per account:

# %%
KEY = company.events["event"].value_counts().index[2:].tolist()
print("key features:", KEY)
ev, acc = company.events, company.accounts
usage = ev.cs.usage(period="M", accounts=acc, key_features=KEY)
this_month = usage.xs(month, level="period")
this_month.head()

# %% [markdown]
# The same numbers in plain pandas, for every account active in the month:

# %%
m_ev = ev[ev["timestamp"].dt.to_period("M") == month]
g = m_ev.groupby("account_id")
seats = acc.set_index("account_id")["seats"]
by_hand = pd.DataFrame({
    "active_days": g["timestamp"].agg(lambda t: t.dt.normalize().nunique()),
    "breadth": g["user_id"].nunique() / seats.reindex(g.size().index),
    "depth": m_ev[m_ev["event"].isin(KEY)].groupby("account_id")["event"].nunique()
    .reindex(g.size().index, fill_value=0) / len(KEY),
})
pd.testing.assert_frame_equal(this_month[["active_days", "breadth", "depth"]], by_hand,
                              check_names=False, check_dtype=False)
print(f"{len(by_hand)} active accounts in {month}: frequency, breadth and depth agree")

# %% [markdown]
# A company-wide average hides how different accounts are. By segment (medians, so
# one huge account does not move the number):

# %%
seg = acc.set_index("account_id")["segment"]
summary = this_month.assign(segment=this_month.index.map(seg)).groupby("segment")[
    ["active_days", "active_users", "seats", "breadth", "depth"]].median()
big = summary["seats"].idxmax()
print(f"In this data, {big!r} accounts (median {summary.loc[big, 'seats']:.0f} seats) have a "
      f"median breadth of {summary.loc[big, 'breadth']:.0%}, against "
      f"{summary['breadth'].drop(big).median():.0%} elsewhere.")
summary.round(2)

# %% [markdown]
# Large accounts may be active on more days and use more features, yet use only a small
# share of their seats; a one-seat account has a breadth of 1 as soon as its one user
# logs in. **Breadth is not comparable across account sizes** — remember this when
# it goes into a health score (notebook 08 shows it on data).
#
# ## Feature adoption

# %%
from cskit.plotting import feature_adoption_bars

adoption = ev.cs.feature_adoption(features=KEY, period="M")
fig, ax = plt.subplots(figsize=(8, 4))
_ = feature_adoption_bars(adoption, period=month, ax=ax)

# %%
# by hand: the share of the month's active accounts that used the first key feature
feature = KEY[0]
users = m_ev.loc[m_ev["event"] == feature, "account_id"].nunique()
share = users / m_ev["account_id"].nunique()
assert abs(share - adoption.loc[(month, feature), "feature_adoption"]) < 1e-12
# the key feature seen first the latest: a launch (an add-on, a new screen)
first_seen = ev[ev["event"].isin(KEY)].groupby("event")["timestamp"].min()
newest = first_seen.idxmax()
print(f"{feature!r}: {share:.1%} of active accounts in {month}. Newest key feature: "
      f"{newest!r}, first seen {first_seen[newest]:%Y-%m-%d}.")
launched = adoption.xs(newest, level="feature")["feature_adoption"]
quarter_ends = launched[launched.index.month.isin([3, 6, 9, 12])]
(quarter_ends * 100).round(1).rename(f"{newest} adoption (%)").to_frame().T

# %% [markdown]
# A feature launched later starts from nothing; watch how fast it climbs. Adoption of a
# feature sold separately (an add-on) is bounded by how many
# accounts bought it: divide by the buyers to see whether those who pay for it use it.
#
# ## Does usage tell healthy and churning accounts apart?
#
# The point of measuring usage in CS is to see trouble early. Compare the month's
# usage of accounts that churn in the next three months with those that stay (the
# data's last three months have no known outcome yet, so this looks at six months
# before the report month):

# %%
from cskit.health import churn_labels

look = month - 6
labels = churn_labels(company.mrr, horizon=3)
labels = labels[labels["month"] == look].set_index("account_id")["churned"]
then = usage.xs(look, level="period").reindex(labels.index)
then = then.fillna({"active_days": 0, "depth": 0})
then["outcome"] = labels.map({True: "churned within 3 months", False: "stayed"})
medians = then.groupby("outcome")[["active_days", "breadth", "depth"]].median()
if len(medians) == 2:
    lower = [c for c in medians.columns
             if medians.loc["churned within 3 months", c] < medians.loc["stayed", c]]
    print(f"{look}: accounts about to churn had a lower median of {lower or 'nothing'}.")
medians.round(2)

# %% [markdown]
# A measure that is lower for accounts about to churn is an early signal. Breadth can
# point the *other* way — the churners' median higher — when small accounts, which
# churn more, have a high breadth by construction (one seat, one user). Notebook 08 turns these signals into a health
# score and checks which of them really predict churn, within segments too.
#
# ## Where the source articles are unclear
#
# * **"Frequency" and "time spent" are mixed up.** In the 16-KPI article's health-score
#   section frequency is described as "how much time users spend in the product"; in
#   the usage section the two are separate items. They are different measures:
#   frequency is how *often* (active days), time is how *long* (session duration,
#   notebook 15). Two users of a 30-day month, in numbers:

# %%
days_in_month = 30
users_ab = pd.DataFrame({
    "active days": [days_in_month, 1, days_in_month],
    "minutes per active day": [1, 8 * 60, 16],
}, index=["every day, 1 minute", "once, 8 hours", "every day, 16 minutes"])
users_ab["minutes in the month"] = (users_ab["active days"]
                                    * users_ab["minutes per active day"])
a, b, c = users_ab["minutes in the month"]
print(f"A minute a day is {a} minutes a month against the {b} minutes of one "
      f"eight-hour day: opposite frequency and {'similar' if a == b else 'different'} "
      f"time. Sixteen minutes a day is {c} minutes: "
      f"{'the same time' if c == b else 'a different time'}, opposite frequency.")
users_ab

# %% [markdown]
# ## Read it, act on it
#
# Is this number good? Published ranges (each with its source, year and caveats —
# compare like with like: segment, contract size and how the source defines the
# KPI), what moves the number, and the first three things a CSM does when it moves.

# %%
cskit.guide.read_it('usage')

# %% [markdown]
# Frequency and time answer different questions; neither stands in for the other.
#
# * **No formula at all.** The 16-KPI article says usage is "easier to measure" and stops. The
#   three ratios above are the usual ones (and the catalogue's); each needs a decision
#   the article does not make: what counts as active, which features are key, the
#   interval.
# * **Usage vs health score.** The article calls usage a "raw version" of the health
#   score. Usage is an input; the health score combines it with other signals and must
#   be checked against churn (notebook 08).
#
# ## Common mistakes
#
# 1. **Counting events instead of active days.** One power user clicking all day makes
#    an account look busy; active days (or active users) do not inflate that way.
# 2. **Averaging breadth across account sizes.** A one-seat account is at 0 % or 100 %;
#    a 400-seat account rarely passes 20 %. Compare within a segment.
# 3. **Choosing key features after looking at churn.** Pick them from what the product
#    is for, then check them — otherwise depth "predicts" churn by construction.
# 4. **Ignoring the interval.** Monthly frequency of a weekly-reporting tool tops out
#    near 4–5; judge it against that, not against 20 working days.
# 5. **Leaving out inactive accounts.** `usage()` lists accounts with an event in the
#    period; a paying account with none has frequency 0 and must be added back (the
#    health-score inputs do this).
#
# ## Exercises
#
# Write your answer in place of `None` and run the cell; rates as fractions
# (0.05 = 5 %). A wrong answer gets a hint, a right one the explanation. The checker
# computes each answer from the data this notebook reads (`data=company`); no cell
# shows it.

# %% [markdown]
# **1.** In the small example, user 3 of account b also creates a report on 5 October.
# What is b's depth now, times its breadth?

# %%
answer_1 = None
cskit.training.check("14-1", answer_1, data=company)

# %% [markdown]
# **2.** In a 30-day month, user A logs in every day for one minute; user B logs in once,
# for eight hours. What is A's time in the product as a fraction of B's?

# %%
answer_2 = None
cskit.training.check("14-2", answer_2, data=company)

# %% [markdown]
# **3.** What share of the accounts paying in the report month had no event at all in that
# month? (A fraction; usage() does not list them.)

# %%
answer_3 = None
cskit.training.check("14-3", answer_3, data=company)
