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
# # ARPA and ARPU: revenue per account, revenue per user
#
# **ARPA** (average revenue per account) is what a paying customer brings in per month;
# **ARPU** (average revenue per user) divides the same revenue by people instead of
# accounts. The KPI-setting article calls it 고객 단가 (revenue per customer); the
# 16-KPI article (사용자당 평균 수익 / ユーザーあたりの平均収益 / 每用戶平均收入) calls
# it ARPU.
#
# ## Why it matters
#
# Why a CS team watches it (the head of CS uses it to decide which segments get a named
# CSM; account managers track their book's ARPA):
#
# * **expansion shows up here first.** Upsells, extra seats and add-ons raise revenue per
#   account before they move total MRR visibly; the KPI-setting article lists
#   고객 단가 next to the upsell and cross-sell rates for that reason;
# * **it prices the CS motion.** A segment paying 100 a month cannot carry a named CSM;
#   one paying 4,000 can. ARPA by segment tells where high-touch CS pays for itself;
# * **it is half of LTV**: LTV ≈ ARPA ÷ churn rate (notebook 09).
#
# It is also easy to get wrong by a factor of two, depending on *what* is divided by
# *which* count. This notebook makes each choice explicit.

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
company = open_company(data_dir, needs=('mrr', 'accounts'))
month = notebook_month(company, month)

# %% [markdown]
# ## The formula
#
# $$\text{ARPA} = \frac{\text{recurring revenue of the period} \div \text{months in the period}}
# {\text{paying accounts}}$$
#
# * **Revenue** is recurring revenue (MRR). One-off fees and usage charges are left out:
#   they would make ARPA jump in the month they are billed.
# * **An account's subscriptions are added up first.** A customer paying 100 for the
#   core product and 50 for an add-on is *one* account paying 150, not two paying 75.
# * **The count** (`average=`):
#   * `"actives"` (default): the mean number of paying accounts over the period's months —
#     for one month, simply the accounts paying in it, so ARPA = MRR ÷ customers;
#   * `"start_end"`: the mean of the accounts paying at the start (the month before the
#     period) and at its end, the finance textbook form.
# * **ARPA is monthly** in cskit, also for `period="Q"` or `"Y"`: the quarter's revenue
#   is divided by its three months. Multiply by 3 if you want revenue per account per
#   quarter. Keeping it monthly keeps it comparable with monthly churn (LTV) and with
#   the monthly figure.
#
# **ARPU** is the same with users (seats) in place of accounts:
# `mrr.cs.arpu(users=company.accounts)` reads each account's `seats`.
#
# ## A small example by hand
#
# The catalogue's reference: five accounts paying 100, 100, 300, 500 and 500 a month.
# ARPA = (100 + 100 + 300 + 500 + 500) ÷ 5 = 1,500 ÷ 5 = **300**.
#
# Then the next month two more accounts join (each paying 300) and nobody leaves:
# revenue 2,100 from 7 accounts.
#
# * `actives`: 2,100 ÷ 7 = **300**;
# * `start_end`: 2,100 ÷ ((5 + 7) ÷ 2) = 2,100 ÷ 6 = **350** — the newcomers' revenue
#   is counted in full, but they are only half in the denominator.

# %%
toy = pd.DataFrame({
    "customer_id": list("abcde") + list("abcdefg"),
    "month": ["2026-01"] * 5 + ["2026-02"] * 7,
    "mrr": [100.0, 100.0, 300.0, 500.0, 500.0] + [100.0, 100.0, 300.0, 500.0, 500.0,
                                                  300.0, 300.0],
})
jan = toy[toy["month"] == "2026-01"]
assert jan.cs.arpa(period=None) == 300.0          # the catalogue's reference
assert toy.cs.arpa(period=None) == 300.0          # February, actives
assert toy.cs.arpa(period=None, average="start_end") == 350.0
toy.cs.arpa(average="start_end")

# %% [markdown]
# The frame shows the parts: `revenue`, the counts at the start, the end and on average
# (`active_accounts`), the `denominator` used and `arpa`. January is missing from the
# `start_end` table: it has no month before it in the data, so its start is unknown.
#
# ## ARPA of this data
#
# The last twelve months up to the report month, with both averages:

# %%
last12 = pd.period_range(end=month, periods=12, freq="M")
last12 = last12[last12 > company.mrr["month"].min()]  # start/end needs the month before
actives = company.mrr.cs.arpa().loc[last12]
start_end = company.mrr.cs.arpa(average="start_end").loc[last12]
side = pd.DataFrame({
    "MRR": actives["revenue"],
    "paying accounts": actives["active_accounts"].astype(int),
    "ARPA (actives)": actives["arpa"],
    "ARPA (start/end)": start_end["arpa"],
})
side["gap %"] = (side["ARPA (start/end)"] / side["ARPA (actives)"] - 1) * 100
growing = (side["paying accounts"].diff().dropna() > 0).mean()
print(f"Paying accounts grew in {growing:.0%} of these months; the start/end ARPA was "
      f"higher in {(side['gap %'] > 0).mean():.0%} of them.")
side.round(1)


# %% [markdown]
# When a company grows, the start/end average is below the month's paying accounts
# and ARPA with `start_end` is a little higher: the gap is about half the month's net
# growth in accounts (and the other way round when it shrinks). Quarters:

# %%
def whole_periods(frame: pd.DataFrame) -> pd.DataFrame:
    return frame[frame.index.asfreq("M", how="end") <= month]

quarters = pd.DataFrame({
    "ARPA (actives)": whole_periods(company.mrr.cs.arpa(period="Q"))["arpa"],
    "ARPA (start/end)": whole_periods(company.mrr.cs.arpa(period="Q",
                                                          average="start_end"))["arpa"],
}).tail(4)
quarters.round(1)

# %% [markdown]
# ### Per account or per user
#
# When accounts have seats (users), ARPU divides the same revenue by the seats
# of the paying accounts:

# %%
arpa_now = company.mrr.cs.arpa().loc[month, "arpa"]
arpu_now = company.mrr.cs.arpu(company.accounts).loc[month, "arpu"]
seats_per_account = arpa_now / arpu_now
print(f"{month}: ARPA {arpa_now:,.2f} per account, ARPU {arpu_now:,.2f} per user "
      f"({seats_per_account:.1f} users per paying account on average)")

# %% [markdown]
# Neither is "the" right one. In B2B, where one contract covers a team, ARPA is what
# sales and CS plan with; ARPU tells whether the *price per seat* moves (a discount for
# large teams lowers ARPU while raising ARPA).
#
# ### By segment
#
# An average over very different customers hides more than it shows:

# %%
segments = company.accounts.set_index("account_id")["segment"]
mrr_seg = company.mrr.assign(segment=company.mrr["customer_id"].map(segments))
by_segment = mrr_seg.cs.arpa(by="segment")
now_by_segment = by_segment.xs(month, level="period")
top, bottom = now_by_segment["arpa"].idxmax(), now_by_segment["arpa"].idxmin()
print(f"In this data, {top} accounts pay "
      f"{now_by_segment.loc[top, 'arpa'] / now_by_segment.loc[bottom, 'arpa']:.1f} times "
      f"what {bottom} accounts pay.")
now_by_segment[["revenue", "active_accounts", "arpa"]].round(1)

# %% [markdown]
# When segments pay very different amounts, a change in the *mix* — more sign-ups
# in the cheapest segment — lowers the company's ARPA even when no account pays less.
# Before reading a falling ARPA as "customers are downgrading", look at it by segment.
#
# ## The same number by hand, in plain pandas
#
# No cskit: add up each account's MRR in the report month, keep the accounts that pay,
# divide.

# %%
this_month = company.mrr[company.mrr["month"] == month]
per_account = this_month.groupby("customer_id")["mrr"].sum()
paying = per_account[per_account > 0]
arpa_by_hand = paying.sum() / len(paying)

seats = company.accounts.set_index("account_id")["seats"]
arpu_by_hand = paying.sum() / seats.reindex(paying.index).sum()

assert abs(arpa_by_hand - company.mrr.cs.arpa().loc[month, "arpa"]) < 1e-9
assert abs(arpu_by_hand - company.mrr.cs.arpu(company.accounts).loc[month, "arpu"]) < 1e-9
print(f"ARPA by hand: {arpa_by_hand:,.4f}; ARPU by hand: {arpu_by_hand:,.4f}")

# %% [markdown]
# cskit and plain pandas agree to the last digit.
#
# ## The plot

# %%
from cskit.plotting import arpa_trend

ax = arpa_trend(by_segment)

# %% [markdown]
# ## Read it, act on it
#
# Is this number good? Published ranges (each with its source, year and caveats —
# compare like with like: segment, contract size and how the source defines the
# KPI), what moves the number, and the first three things a CSM does when it moves.

# %%
cskit.guide.read_it('arpa')

# %% [markdown]
# ## Where the source articles go wrong
#
# * **"ARPU × users = MRR" as a way to compute MRR.** The 16-KPI article (all three
#   translations) says to compute MRR by taking ARPU and multiplying it by the month's
#   users. That is an *identity*: ARPU is itself MRR ÷ users, so the formula only gives
#   MRR back if you already had it. Compute MRR from subscription lines (notebook 01),
#   then ARPU from MRR — never the other way round.
# * **"Total revenue ÷ average users" without saying which users or which average.**
#   Free users, and the average of start and end against the month's paying accounts,
#   each move the number (the two averages are compared above).
# * What the KPI-setting article gets right: it puts revenue per customer (고객 단가)
#   next to the upsell and cross-sell rates, because expansion shows there first.
#
# ## Common mistakes
#
# 1. **Computing MRR from ARPU × users** (above): compute ARPU from MRR.
# 2. **Counting subscriptions instead of accounts.** An account with a core plan and an
#    add-on counted twice halves its ARPA. cskit adds an account's lines first.
# 3. **Total revenue including one-off fees.** Set-up fees, services and usage overages
#    make ARPA jump in the month they are billed; use recurring revenue.
# 4. **Quarterly revenue ÷ accounts compared with a monthly ARPA.** A quarter's revenue
#    per account is three times the monthly figure; cskit reports monthly ARPA for every
#    period so they compare.
# 5. **Dividing by accounts at the end of a growing period** (or at the start of a
#    shrinking one) without saying so: the count moves the number. Say which average
#    you use — `actives` and `start_end` differ by the share of new accounts.
# 6. **Reading the mix as a trend**: more small customers lower ARPA without anyone
#    paying less. Split by segment.
# 7. **Free accounts in the denominator.** The 16-KPI article's "average users" may
#    include free users; ARPA as a CS KPI counts *paying* accounts (or ARPU their users).
#
# ## Exercises
#
# Write your answer in place of `None` and run the cell; rates as fractions
# (0.05 = 5 %). A wrong answer gets a hint, a right one the explanation. The checker
# computes each answer from the data this notebook reads (`data=company`); no cell
# shows it.

# %% [markdown]
# **1.** Continue the small example: in March every February account stays and one more
# joins, paying 700 (8 accounts, revenue 2,800). What is March's ARPA with
# average="start_end"?

# %%
answer_1 = None
cskit.training.check("03-1", answer_1, data=company)

# %% [markdown]
# **2.** In the report month, what does the segment with the highest ARPA earn per user
# (ARPU)? Two decimals.

# %%
answer_2 = None
cskit.training.check("03-2", answer_2, data=company)

# %% [markdown]
# **3.** A company adds accounts every month and loses none. Which average gives the
# higher monthly ARPA: "actives" or "start_end"?

# %%
answer_3 = None
cskit.training.check("03-3", answer_3, data=company)
