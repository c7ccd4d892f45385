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
# # Monthly ticket volume
#
# **Ticket volume** is the number of support requests customers submit per month
# (월별 문의 건수 / 月間問い合わせ件数 / 每月工單量).
#
# The source article adds two instructions: **set apart general inquiries and spam**
# before counting, and look at volume **relative to the customer base** — a spike may only
# mean there are more customers. So cskit reports the count, what was excluded, and
# **tickets per 100 paying accounts** (MRR above zero in the month).

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
company = open_company(data_dir, needs=('tickets', 'mrr'))
month = notebook_month(company, month)

# %% [markdown]
# ## Why it matters
#
# Ticket volume is the support team's workload: the support lead plans staffing from
# it, and a rise is the first sign of a bad release or a confusing onboarding step. For
# a CSM it is an account signal: an account that suddenly files many tickets may be
# struggling. Whether accounts file more tickets before they churn differs between
# companies — so it is checked here: tickets per account-month in each churned
# account's last three paying months, against every other paying account-month.

# %%
paying = company.mrr.loc[company.mrr["mrr"] > 0, ["customer_id", "month"]].drop_duplicates()
month_no = paying["month"].dt.year * 12 + paying["month"].dt.month
last_no = month_no.groupby(paying["customer_id"]).transform("max")
churned = last_no < month_no.max()  # stopped paying before the data's last month
before_churn = churned & (last_no - month_no < 3)
per_month = (company.tickets.assign(month=company.tickets["created_at"].dt.to_period("M"))
             .groupby(["account_id", "month"]).size().rename("filed").reset_index()
             .rename(columns={"account_id": "customer_id"}))
filed = paying.merge(per_month, on=["customer_id", "month"], how="left")["filed"]
filed = filed.fillna(0).set_axis(paying.index)
period_kind = before_churn.map({True: "last 3 months before churn",
                                False: "other paying months"}).rename("account-months")
rates = filed.groupby(period_kind).agg(["mean", "size"]).set_axis(
    ["tickets per account-month", "account-months"], axis=1)
if len(rates) == 2:
    per = rates["tickets per account-month"]
    ratio = per["last 3 months before churn"] / per["other paying months"]
    print(f"In this data accounts filed {ratio:.2f} times as many tickets per month in "
          f"their last three paying months as in other paying months ("
          f"{'more' if ratio > 1 else 'not more'} before churn).")
else:
    print("No account stopped paying in this data: the link cannot be checked here.")
rates.round(3)

# %% [markdown]
# ## The formula
#
# $$\text{volume} = \#\{\text{tickets created in the month, not spam or general}\}
# \qquad \text{rate} = \frac{\text{volume}}{\text{paying accounts}} \times 100$$
#
# `ticket_volume(period="M", exclude=("spam", "general"), mrr=mrr)`: `active` is the
# `mrr` frame (an account counts in a month when its MRR is above zero — a paying
# account; for a quarter, the mean of its months) or a Series of counts. Months without
# tickets show 0.
#
# ## A small example by hand
#
# Six tickets in October: one spam, one general inquiry, four support requests; 80
# paying accounts. Volume 4; rate 4 ÷ 80 × 100 = 5 tickets per 100 paying accounts;
# November has no ticket and shows 0, not a gap.

# %%
six = pd.DataFrame({
    "created_at": pd.to_datetime(["2026-10-02", "2026-10-05", "2026-10-09",
                                  "2026-10-14", "2026-10-20", "2026-10-28"], utc=True),
    "category": ["spam", "general", "bug", "how_to", "billing", "bug"],
})
paying_accounts = pd.Series([80, 82], index=pd.period_range("2026-10", periods=2, freq="M"))
small = six.cs.ticket_volume(mrr=paying_accounts)
assert small.loc["2026-10", "tickets"] == 4 and small.loc["2026-10", "excluded"] == 2
assert small.loc["2026-10", "per_100_accounts"] == 4 / 80 * 100
small

# %% [markdown]
# ## Where the source articles go wrong
#
# The 6-metrics article gets the essentials right: **set apart general inquiries and
# spam** before counting, and a spike may come from **new users** rather than a broken
# feature. **What it leaves out**: how to tell the two apart — divide by the customer
# base (the rate per 100 paying accounts below); which date counts (creation, not
# closing); and that a month with no tickets is a 0. Its advice to "invest in CS to
# reduce ticket volume" is a recommendation, not a measurement: check it on your own data
# (volume per account before and after). The KPI catalogue records no wrong formula.
#
# ## Ticket volume of this data

# %%
tickets = company.tickets[company.tickets["created_at"].dt.to_period("M") <= month]
volume = tickets.cs.ticket_volume(mrr=company.mrr)
volume.tail(6).round(2)

# %% [markdown]
# `excluded` keeps the spam and general inquiries visible: they were set apart, not lost.
#
# ## The same numbers by hand

# %%
real = tickets[~tickets["category"].isin(["spam", "general"])]
count = real.groupby(real["created_at"].dt.to_period("M")).size()
paying = company.mrr[company.mrr["mrr"] > 0].groupby("month")["customer_id"].nunique()
rate = count / paying.reindex(count.index) * 100
assert (volume["tickets"] == count).all()
assert np.allclose(volume["per_100_accounts"], rate)
print(f"{month}: {count[month]} tickets from {paying[month]} paying accounts = "
      f"{rate[month]:.1f} per 100 paying accounts")

# %% [markdown]
# ## Volume and rate together

# %%
from cskit.plotting import ticket_volume_chart

ax = ticket_volume_chart(volume)
plt.show()
shown = volume[volume.index <= month]
first, last = shown.iloc[0], shown.iloc[-1]
print(f"In this data: {int(first['tickets'])} tickets in {shown.index[0]}, "
      f"{int(last['tickets'])} in {shown.index[-1]}; per 100 paying accounts "
      f"{first['per_100_accounts']:.1f} then {last['per_100_accounts']:.1f} "
      f"(range {shown['per_100_accounts'].min():.1f}–{shown['per_100_accounts'].max():.1f}).")

# %% [markdown]
# When the count climbs because the customer base does, the rate per 100 paying accounts
# stays flat and the support load per customer has not changed; reading the bars alone
# would send the wrong message to whoever plans support staffing. Which of the two
# happened in this data over the last year is exercise 3.
#
# ## By channel and by category

# %%
by_channel = tickets.cs.ticket_volume(by="channel")
by_channel["tickets"].unstack("channel").tail(3)

# %%
tickets.cs.ticket_volume(period="Q", by="category", exclude=())["tickets"].unstack(
    "category").tail(4)

# %% [markdown]
# ## Common mistakes
#
# * **Counting spam and general inquiries** as support load.
# * **Reading growth as trouble**: compare the rate per 100 paying accounts.
# * **Counting by the date the ticket was closed** instead of created: closing backlogs
#   then looks like a spike.
# * **Leaving out empty months**: a month with no tickets is a 0, not a gap.

# %% [markdown]
# ## Read it, act on it
#
# Is this number good? Published ranges (each with its source, year and caveats —
# compare like with like: segment, contract size and how the source defines the
# KPI), what moves the number, and the first three things a CSM does when it moves.

# %%
cskit.guide.read_it('ticket_volume')

# %% [markdown]
# ## Exercises
#
# Write your answer in place of `None` and run the cell: `cskit.training.check` says whether it is right on the data this notebook reads (`data=company`). A hint comes after a wrong answer, the explanation after a right one. Rates are fractions (5 % = 0.05); a choice is a letter.

# %% [markdown]
# **1.** 45 tickets in a month with 300 paying accounts: how many tickets per 100 accounts?

# %%
answer_1 = None
cskit.training.check('21-1', answer_1, data=company)

# %% [markdown]
# **2.** In a year the ticket count doubled and so did the number of paying accounts. What happened to the support load per customer? a) it doubled; b) it did not change; c) it halved.

# %%
answer_2 = None
cskit.training.check('21-2', answer_2, data=company)

# %% [markdown]
# **3.** In this data, compare the latest complete month with the same month a year earlier (or the first month of the data): a) the ticket count and the rate per 100 paying accounts both rose; b) the count rose but the rate did not; c) the count did not rise. Which is it?

# %%
answer_3 = None
cskit.training.check('21-3', answer_3, data=company)
