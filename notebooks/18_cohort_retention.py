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
# # Cohort retention
#
# A **cohort table** (코호트 리텐션 / コホート継続率 / 世代留存率) follows the customers who
# started in the same month: how many of them are still paying 1, 2, 3, … months later.
# Each row is a signup cohort, each column a number of months since the start, and the
# first column is 100 % by construction.
#
# ## Why it matters
#
# Why CS teams live in this table (onboarding leads judge their work by its first
# columns; the head of CS uses it to tell a churn trend from a change of mix):
#
# * a churn rate mixes customers of every age; new customers churn more, so a month
#   with many new customers looks worse without anything getting worse. A cohort table
#   compares like with like: month 3 of this year's cohorts against month 3 of last
#   year's;
# * **onboarding shows up in the first columns**: if the January cohort keeps 95 % after
#   three months and the June cohort 85 %, something changed for new customers;
# * the **revenue** version shows whether the survivors grow (expansion) enough to make
#   up for those who leave — the cohort view of net revenue retention (notebook 04).
#
# The source articles do not discuss cohorts (see below); every product-analytics tool
# has them.

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
company = open_company(data_dir, needs=('mrr',))
month = notebook_month(company, month)

# %% [markdown]
# ## The formula: definitions
#
# * a customer's **cohort** is the month of its first MRR above zero (`period="Q"` or
#   `"Y"` groups cohorts by quarter or year; ages stay in months);
# * its **age** in a month is the number of months since that first month;
# * **logo retention** at age N = customers of the cohort paying in month N ÷ cohort size;
# * **revenue retention** at age N = the cohort's MRR in month N ÷ its MRR in month 0
#   (it can exceed 100 % when survivors expand);
# * `mode="on"` (**N-month retention**, default): a customer counts at age N if it pays
#   *in* month N. `mode="on_or_after"` (**unbounded retention**): it counts if it pays in
#   month N *or any later month* — a gap does not remove it, so the curve never rises;
# * a cell a cohort has not reached yet is empty (NaN), never 0.
#
# ## A small example by hand
#
# | customer | Jan | Feb | Mar | cohort |
# |---|---|---|---|---|
# | a | 10 | 10 | 20 | Jan |
# | b | 30 | — | 40 | Jan |
# | c | 60 | — | — | Jan |
# | d | — | 5 | 5 | Feb |
# | e | — | 15 | — | Feb |
#
# Logo, on: January cohort {a, b, c}: age 1 {a} = 1/3, age 2 {a, b} = 2/3. February
# cohort {d, e}: age 1 {d} = 1/2; age 2 not reached yet.
# On or after: January age 1 {a, b} = 2/3 (b is back in March).
# Revenue: January starts with 100; age 1: 10 → 10 %; age 2: 20 + 40 = 60 → 60 %.

# %%
rows = [("a", "2026-01", 10), ("a", "2026-02", 10), ("a", "2026-03", 20),
        ("b", "2026-01", 30), ("b", "2026-03", 40), ("c", "2026-01", 60),
        ("d", "2026-02", 5), ("d", "2026-03", 5), ("e", "2026-02", 15)]
toy = pd.DataFrame(rows, columns=["customer_id", "month", "mrr"]).astype({"mrr": float})
logo = toy.cs.cohort_retention()
assert np.allclose(logo.iloc[0], [1, 1 / 3, 2 / 3])
assert np.allclose(logo.iloc[1, :2], [1, 1 / 2]) and np.isnan(logo.iloc[1, 2])
assert np.allclose(toy.cs.cohort_retention(mode="on_or_after").iloc[0], [1, 2 / 3, 2 / 3])
assert np.allclose(toy.cs.cohort_retention(kind="revenue").iloc[0], [1, 0.1, 0.6])
logo

# %% [markdown]
# ## The cohort table of this data
#
# Quarterly cohorts, logo retention, the first twelve months (ages 0–12):

# %%
mrr_upto = company.mrr[company.mrr["month"] <= month]  # the data as of the report month
quarterly = mrr_upto.cs.cohort_retention(period="Q")
(quarterly.loc[:, :12] * 100).round(1)

# %% [markdown]
# Read it down a column to compare cohorts at the same age, along a row to follow one
# cohort. The empty lower-right triangle is the future: a young cohort has not reached
# those ages yet, and a cohort's age N is shown only once *every* customer of the
# cohort has reached it.
#
# ### N-month vs on-or-after
#
# At twelve months, the two modes side by side:

# %%
unbounded = mrr_upto.cs.cohort_retention(period="Q", mode="on_or_after")
age = 12 if 12 in quarterly.columns else int(quarterly.columns.max())  # young data: less
print(f"age {age}")
compare = pd.DataFrame({"on (N-month)": quarterly[age], "on or after": unbounded[age]})
(compare.dropna() * 100).round(1)

# %% [markdown]
# The difference is the customers who had left at month 12 but came back later. A
# product used in bursts (tax season, events) needs the unbounded form; for a
# subscription, N-month retention is the honest default.
#
# ### Revenue retention
#
# The same cohorts weighted by MRR. Above 100 %: the survivors' expansion outgrew the
# losses.

# %%
revenue = mrr_upto.cs.cohort_retention(period="Q", kind="revenue")
(revenue.loc[:, [a for a in (0, 3, 6, 9, 12) if a in revenue.columns]] * 100).round(1)

# %% [markdown]
# ### Averaging a column
#
# "What is our 6-month retention?" is the average of column 6. Weight each cohort by its
# size (pool the customers), and only over cohorts that reached six months:

# %%
counts = mrr_upto.cs.cohort_retention(output="count")  # monthly cohorts, customers
reached = counts[6].notna()
pooled = counts.loc[reached, 6].sum() / counts.loc[reached, 0].sum()
rates = mrr_upto.cs.cohort_retention()
unweighted = rates.loc[reached, 6].mean()
print(f"6-month logo retention, pooled over {int(reached.sum())} cohorts: {pooled:.1%} "
      f"(mean of the cohort rates: {unweighted:.1%})")

# %% [markdown]
# The two differ when cohorts differ in size: the unweighted mean lets a cohort of 20
# customers count as much as one of 150, while the pooled rate is the share of
# *customers* retained — the number to quote.
#
# ### By segment

# %%
if company.accounts is not None:
    segments = company.accounts.set_index("account_id")["segment"]
    seg = mrr_upto.assign(segment=mrr_upto["customer_id"].map(segments))
else:  # no accounts table: one segment holds every customer
    print("No accounts table in this data: one segment, 'all customers'.")
    seg = mrr_upto.assign(segment="all customers")
seg_counts = seg.cs.cohort_retention(by="segment", period="Y", output="count")
reached_ages = [a for a in seg_counts.columns if seg_counts[a].notna().any()]
seg_age = 12 if 12 in reached_ages else max(reached_ages)
if seg_age < 12:
    print(f"No yearly cohort has reached 12 months yet: retention at {seg_age} months.")
twelve = seg_counts[seg_age].notna()
pooled_12 = (seg_counts.loc[twelve, seg_age].groupby(level="segment").sum()
             / seg_counts.loc[twelve, 0].groupby(level="segment").sum())
(pooled_12 * 100).round(1).rename(f"{seg_age}-month logo retention, %")

# %% [markdown]
# ## The same numbers by hand, in plain pandas
#
# No cskit: each customer's first paying month, then for one cohort the share still
# paying N months later.

# %%
per_month = mrr_upto.groupby(["customer_id", "month"])["mrr"].sum()
paying = per_month[per_month > 0].reset_index()
first = paying.groupby("customer_id")["month"].min().rename("cohort")
paying = paying.join(first, on="customer_id")
paying["age"] = (paying["month"] - paying["cohort"]).apply(lambda offset: offset.n)

cohort = max(month - 12, rates.index.min())  # the oldest cohort when data is younger
members = paying[paying["cohort"] == cohort]
size = members["customer_id"].nunique()
by_hand = members.groupby("age")["customer_id"].nunique() / size
got = rates.loc[cohort].dropna()
assert np.allclose(by_hand.reindex(got.index, fill_value=0).to_numpy(), got.to_numpy())

revenue_by_hand = members.groupby("age")["mrr"].sum() / members.loc[members["age"] == 0,
                                                                     "mrr"].sum()
revenue_got = mrr_upto.cs.cohort_retention(kind="revenue").loc[cohort].dropna()
assert np.allclose(revenue_by_hand.reindex(revenue_got.index, fill_value=0).to_numpy(),
                   revenue_got.to_numpy())
print(f"cohort {cohort}: {size} customers; after 12 months {by_hand.get(12, 0):.1%} still "
      f"pay, {revenue_by_hand.get(12, 0):.1%} of the starting MRR")

# %% [markdown]
# ## The heatmap

# %%
from cskit.plotting import cohort_heatmap

ax = cohort_heatmap(quarterly, kind="logo")

# %% [markdown]
# ## Read it, act on it
#
# Is this number good? Published ranges (each with its source, year and caveats —
# compare like with like: segment, contract size and how the source defines the
# KPI), what moves the number, and the first three things a CSM does when it moves.

# %%
cskit.guide.read_it('cohort_retention')

# %% [markdown]
# ## Where the source articles stand
#
# None of the source articles has a cohort table. What they get right: the 6-metrics
# article divides churn by the customers at the *start* of the period, the same "follow
# a fixed group" idea a cohort takes further. What they leave out: every churn rate they
# give mixes customers of every age, so a month with many new customers looks worse
# without anything getting worse — the comparison only a cohort table makes (month 3
# of this year's cohorts against month 3 of last year's).
#
# ## Common mistakes
#
# 1. **Averaging a column over cohorts that have not all reached it**, or without
#    weights (above).
# 2. **Zeros for the future.** A cohort that is two months old has no 6-month retention;
#    writing 0 % drags every average down. Leave it empty.
# 3. **Mixing N-month and on-or-after** between reports. State the mode.
# 4. **"Retention = 1 − churn".** A cohort's 12-month retention is not one minus a
#    monthly churn rate, nor 1 − 12 × churn: retention compounds over the months and
#    churn rates mix customers of every age.
# 5. **Cohorts from the first month of your data.** If the data starts after the company
#    did, the first month's "cohort" holds every older customer: pass
#    `include_first=False`.
# 6. **Reading revenue retention as logo retention.** A revenue curve at 105 % may hide
#    a logo curve at 70 %: few big survivors grew.
#
# ## Exercises
#
# Write your answer in place of `None` and run the cell; rates as fractions
# (0.05 = 5 %). A wrong answer gets a hint, a right one the explanation. The checker
# computes each answer from the data this notebook reads (`data=company`); no cell
# shows it.

# %% [markdown]
# **1.** In the small example, what is the February cohort's revenue retention at age 1?
# Careful: it is not the logo rate.

# %%
answer_1 = None
cskit.training.check("18-1", answer_1, data=company)

# %% [markdown]
# **2.** What share of the customers who started three months before the report month
# still pay in the report month (3-month logo retention of that monthly cohort)?

# %%
answer_2 = None
cskit.training.check("18-2", answer_2, data=company)

# %% [markdown]
# **3.** A cohort's revenue retention at age 12 is 105 % while its logo retention is 70 %.
# Which is true? a) the customers who stayed grew by more than the leavers took with them;
# b) the cohort gained new customers; c) one of the two numbers must be wrong.

# %%
answer_3 = None
cskit.training.check("18-3", answer_3, data=company)
