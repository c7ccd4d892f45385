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
# # Customer lifetime value (CLV / LTV)
#
# **Lifetime value** is the revenue — or, better, the gross profit — you can expect
# from one customer over the whole relationship. Korean 고객 생애 가치, Japanese
# 顧客生涯価値, Chinese 客戶終身價值; the articles write CLV, CLTV or LTV for the same
# thing.
#
# ## Why it matters
#
# Who looks at it and what it decides:
#
# * it says **how much a customer is worth keeping**, so how much retention work a
#   segment can pay for (notebook 10 compares it with what retention costs);
# * divided by the cost of acquiring a customer (CAC) it is the **LTV:CAC** ratio
#   investors ask about;
# * it links the KPIs CS moves — churn above all — to money: halve churn and LTV
#   doubles.
#
# There are three ways to compute it, for three kinds of data, and cskit offers all of
# them with `df.cs.ltv(model=..., period=None)`.

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
import warnings

# %% [markdown]
# ## The formulas
#
# | `method=` | data | formula |
# |---|---|---|
# | `"subscription"` (default) | `mrr` frame | LTV = ARPA × gross margin ÷ churn rate |
# | `"transactional"` | purchase log (customer, date, amount) | LTV = average purchase value × purchase frequency × average lifespan |
# | `"cohort"` | `mrr` frame | realised LTV = revenue a signup cohort has paid so far ÷ its customers |
#
# **Subscription form.** ARPA is the month's MRR ÷ paying accounts (a customer's
# subscriptions added up first). With a constant monthly churn rate *c*, a customer
# stays 1 ÷ *c* months on average, so it pays ARPA × 1 ÷ *c*. The churn rate is logo
# churn ÷ customers at the start of the month (notebook 02), averaged over a trailing
# window: one month's churn is too noisy to divide by.
#
# **Transactional form.** For shops and other businesses without subscriptions:
# average purchase value (revenue ÷ orders) × purchase frequency (orders per customer
# per year) × lifespan (years). It is a **product** of three numbers.
#
# **Cohort form.** What each signup cohort has actually paid so far, per customer.
# No assumption at all — and no prediction either.
#
# The convention switches, each with its default:
#
# | switch | default | what it does |
# |---|---|---|
# | `window` | `12` | months of churn averaged (subscription) |
# | `churn_average` | `"mean"` | mean of the monthly rates, or `"pooled"`: lost ÷ sum of start customers |
# | `gross_margin` | `None` (= 1) | multiply by the margin to get profit LTV |
# | `period`, `by` | `None` | LTV per month / quarter / year end, per segment |
# | `unit` | `"Y"` | time unit of frequency and lifespan (transactional) |
# | `lifespan` | `None` | measured tenure so far; give your expected lifespan to project |
# | `same_day` | `"merge"` | several lines of one customer on one day are one order |
# | `as_of` | last date | end of the observation (transactional) |
#
# At **zero churn** the subscription LTV is *undefined*, not infinite: cskit returns
# NaN, says why in `undefined_reason` and warns.
#
# ## A small example by hand: the catalogue's figure
#
# ARPA 100 a month and 5 % monthly churn: 100 ÷ 0.05 = **2,000**. Twenty accounts pay
# 100 in January and one of them is gone in February:

# %%
toy = pd.DataFrame({"customer_id": list(range(20)) + list(range(19)),
                    "month": ["2026-01"] * 20 + ["2026-02"] * 19, "mrr": 100.0})
by_hand = 100 / (1 / 20)
value = toy.cs.ltv(window=1, period=None)
assert value == by_hand == 2000
with_margin = toy.cs.ltv(window=1, gross_margin=0.8, period=None)
assert abs(with_margin - 100 * 0.8 / 0.05) < 1e-9
print(f"LTV {value:,.0f}; at an 80 % gross margin {with_margin:,.0f}")

# %% [markdown]
# ## LTV of this data
#
# The headline, `ltv(period=None)` with its defaults: **revenue LTV (before gross margin)** = ARPA
# in the report month ÷ the mean monthly churn of the twelve months up to it — the
# number the LTV explainer of notebook 00 starts from and the glossary defines. A gross
# margin turns it into profit LTV; any margin you type in is an assumption, shown next
# to this baseline below.

# %%
# twelve months of churn, or as many as the data holds before `month` (young data)
w = int(min(12, (month - company.mrr["month"].min()).n))
if w < 12:
    print(f"Only {w} months of churn before {month}: a {w}-month average below.")
monthly = company.mrr.cs.ltv(period="M", window=w)
monthly.loc[month - 5 : month].round(4)

# %%
now = monthly.loc[month]
print(f"revenue LTV (before gross margin), {month}: ARPA {now['arpa']:,.2f} ÷ "
      f"trailing-{w}-month mean churn {now['churn_rate']:.2%} = {now['ltv']:,.0f} "
      f"(a customer stays {now['lifetime_months']:.1f} months)")
for margin in (0.8, 0.6):  # hypothetical margins, beside the baseline
    print(f"  hypothetical gross margin {margin:.0%}: profit LTV {margin * now['ltv']:,.0f}")

# %% [markdown]
# ### The same number by hand, in plain pandas
#
# The accounts paying each month (subscriptions of a customer added up), the twelve
# monthly churn rates ÷ customers at the start, their mean, and ARPA:

# %%
per_account = company.mrr.groupby(["customer_id", "month"])["mrr"].sum()
per_account = per_account[per_account > 0]
paying_in = per_account.reset_index().groupby("month")["customer_id"].agg(set)

rates = []
for m in pd.period_range(end=month, periods=w, freq="M"):  # twelve months (or w)
    start = paying_in[m - 1]
    rates.append(len(start - paying_in[m]) / len(start))
churn_by_hand = np.mean(rates)
arpa_by_hand = per_account.xs(month, level="month").mean()
ltv_by_hand = arpa_by_hand / churn_by_hand

assert abs(ltv_by_hand - now["ltv"]) < 1e-6 * ltv_by_hand
print(f"by hand: {arpa_by_hand:,.2f} ÷ {churn_by_hand:.4%} = {ltv_by_hand:,.0f}")

# %% [markdown]
# ### By segment
#
# The `mrr` frame has no segment: take it from `accounts`. When a segment pays more
# *and* stays longer, its LTV is of a different order of magnitude — one company-wide
# LTV says little about any segment.

# %%
if company.accounts is not None:
    mrr_seg = company.mrr.merge(company.accounts[["account_id", "segment"]],
                                left_on="customer_id", right_on="account_id")
else:  # no accounts table: one segment holds every customer
    print("No accounts table in this data: one segment, 'all customers'.")
    mrr_seg = company.mrr.assign(segment="all customers")
by_segment = mrr_seg.cs.ltv(period="M", by="segment", window=w).xs(month, level="period")
pooled = mrr_seg.cs.ltv(period="M", by="segment", churn_average="pooled", window=w)
by_segment["ltv (pooled churn)"] = pooled.xs(month, level="period")["ltv"]
top, bottom = by_segment["ltv"].idxmax(), by_segment["ltv"].idxmin()
print(f"In this data, {top} LTV is {by_segment.loc[top, 'ltv'] / by_segment.loc[bottom, 'ltv']:.1f}× "
      f"{bottom} LTV: ARPA {by_segment.loc[top, 'arpa'] / by_segment.loc[bottom, 'arpa']:.1f}×, "
      f"lifetime {by_segment.loc[top, 'lifetime_months'] / by_segment.loc[bottom, 'lifetime_months']:.1f}×.")
by_segment[["customers", "arpa", "churn_rate", "lifetime_months", "ltv",
            "ltv (pooled churn)"]].round(4)

# %% [markdown]
# The pooled average (customers lost in the twelve months ÷ the sum of the months'
# start customers) weighs big months more; in small segments it is steadier than the
# mean of twelve noisy rates.
#
# ## Why a trailing average, and why zero churn is "undefined"
#
# LTV divides by churn, so every wobble of churn is magnified. With one month of
# churn (`window=1`) instead of twelve, for the smallest segment:

# %%
small = by_segment["customers"].idxmin()
with warnings.catch_warnings(record=True) as caught:
    warnings.simplefilter("always")
    one_month = mrr_seg.cs.ltv(period="M", by="segment", window=1)
ent = pd.DataFrame({
    "churn, 1 month": one_month.xs(small, level="segment")["churn_rate"],
    "LTV, 1 month": one_month.xs(small, level="segment")["ltv"],
    "why undefined": one_month.xs(small, level="segment")["undefined_reason"],
    f"LTV, {w} months": mrr_seg.cs.ltv(period="M", by="segment", window=w)
                      .xs(small, level="segment")["ltv"],
})
ent = ent[ent.index <= month].tail(12)
print(f"segment {small!r}")
if caught:
    print(str(caught[0].message).split(" for ")[0])
spread = ent["LTV, 1 month"].replace(np.inf, np.nan)
print(f"single-month LTV ranges {spread.min():,.0f} to {spread.max():,.0f}; "
      f"{int(ent['why undefined'].notna().sum())} month(s) undefined.")
ent.round(4)

# %% [markdown]
# LTV computed from single months jumps around, and in a month when no account of
# the segment left it would be *infinite*. An infinite LTV is
# not a very valuable customer; it is a sign that the data cannot tell yet. cskit
# reports it as undefined (NaN, `undefined_reason="zero_churn"`, and a warning) and
# averages churn over twelve months by default.
#
# ## Where the source articles go wrong
#
# **1. "Subtract the purchase frequency" (6-metrics article).** The Korean 6-metrics
# article says: *determine the average purchase value and subtract the average
# purchase frequency rate*, then multiply by lifespan. That is a translation error:
# the 16-KPI article (in all three languages) and every textbook **multiply** value by
# frequency. A shop whose customers spend 37.5 per order, order twice a year and stay
# three years:

# %%
value_per_order, orders_per_year, years = 37.5, 2, 3
right = value_per_order * orders_per_year * years
wrong = (value_per_order - orders_per_year) * years
print(f"value × frequency × lifespan = {right:,.1f}")
print(f"(value − frequency) × lifespan = {wrong:,.1f}  <- money minus a rate: meaningless")

# %% [markdown]
# **2. The CLV formula under the CRC heading (16-KPI article).** The article prints
# "customer lifetime value = customer value × average customer lifespan" at the end of
# its *retention cost* section. CRC has nothing to do with lifespan; see notebook 10.
# What the articles get right: LTV links churn to money, and it belongs next to CAC.
#
# ## Common mistakes
#
# **1. Time units that do not agree.** ARPA is per month, so churn must be per month.
# Dividing monthly ARPA by an *annual* churn rate understates LTV about tenfold;
# dividing annual revenue by monthly churn overstates it twelvefold:

# %%
monthly_churn = now["churn_rate"]
annual_churn = 1 - (1 - monthly_churn) ** 12
print(f"monthly ARPA ÷ monthly churn: {now['arpa'] / monthly_churn:>12,.0f}  (right)")
print(f"monthly ARPA ÷ annual churn:  {now['arpa'] / annual_churn:>12,.0f}")
print(f"annual ARPA ÷ monthly churn:  {12 * now['arpa'] / monthly_churn:>12,.0f}")

# %% [markdown]
# **2. Revenue LTV compared with CAC.** Acquisition is paid with profit, not revenue:
# use `gross_margin=` before comparing LTV with CAC.
#
# **3. ARPA per subscription line instead of per account.** A customer with the core
# product and the add-on is one account; dividing MRR by lines lowers ARPA (cskit adds
# a customer's lines first).
#
# **4. Reading the formula as a forecast.** ARPA ÷ churn assumes churn stays constant
# and ignores expansion (a customer who upgrades is worth more) and the time value of
# money. It is a yardstick for comparing segments and periods, not a promise.
#
# ## Realised LTV by cohort
#
# The cohort form needs no churn assumption: what each signup month's customers have
# paid so far, per customer, month after month.

# %%
cohorts = company.mrr.cs.ltv(model="cohort", period=None)
triangle = cohorts["ltv"].unstack("months_since_start")
ages = [a for a in (0, 5, 11, 23) if a in triangle.columns]
triangle.loc[:, ages].iloc[::4].round(0)

# %% [markdown]
# Check one cell by hand: the oldest cohort, after 12 months (or as many as the data has).

# %%
paying = per_account.reset_index()
first_month = paying.groupby("customer_id")["month"].transform("min")
age = min(11, int(triangle.columns.max()))
cohort = triangle[age].dropna().index[0]
members = paying[first_month == cohort]
within = members[members["month"] <= cohort + age]
realised = within["mrr"].sum() / members["customer_id"].nunique()
assert abs(realised - triangle.loc[cohort, age]) < 1e-6
print(f"{cohort} cohort, first {age + 1} months: {realised:,.2f} per customer")

# %% [markdown]
# ## The plot

# %%
from cskit.plotting import ltv_cohort_curves

ax = ltv_cohort_curves(cohorts, cohorts=6);

# %% [markdown]
# Each line rises by about one ARPA a month and bends as its customers churn. A
# cohort's line is *realised* value: it only reaches the ARPA ÷ churn estimate after
# many years, if churn and prices stay as they are.
#
# ## The transactional form on real data: CDNOW
#
# The CDNOW purchase log (a music retailer, 23,570 customers who first bought in
# early 1997, followed to June 1998) ships with the `lifetimes` package, which cskit's
# test extra installs (it is no longer maintained, so the notebooks do not require it).
# Read from the installed package when it is there; without it the CDNOW cells say so
# and do nothing:

# %%
from IPython.display import display

cdnow = cskit.datasets.load_cdnow()
if cdnow is None:
    print("CDNOW section skipped: the log ships with `lifetimes` "
          "(pip install lifetimes, or cskit's test extra).")
else:
    parts = cdnow.assign(all="all customers").cs.ltv(model="transactional", by="all",
                                                     lifespan=3, period=None)
    row = parts.iloc[0]
    print(f"CDNOW: average order {row['average_purchase_value']:,.2f}, "
          f"{row['purchase_frequency']:.2f} orders a customer-year; with a 3-year "
          f"lifespan LTV = {row['average_purchase_value']:,.2f} × "
          f"{row['purchase_frequency']:.2f} × 3 = {row['ltv']:,.2f}")
    display(parts.round(3))

# %% [markdown]
# An order is one day's purchases of a customer. The frequency counts orders per
# customer-year *since each customer's first purchase*, so customers who joined late
# are not diluted.
#
# With `lifespan=None` cskit measures the lifespan as the customers' mean tenure so
# far. The formula then gives back exactly the revenue per customer realised by the
# end of the data — a floor:

# %%
if cdnow is None:
    print("CDNOW section skipped (no lifetimes).")
else:
    paid = cdnow[cdnow["amount"] > 0]
    realised = paid["amount"].sum() / paid["customer_id"].nunique()
    measured = cdnow.cs.ltv(model="transactional", period=None)
    assert abs(measured - realised) < 1e-9 * realised
    print(f"measured lifespan: LTV {measured:,.2f} = revenue per customer "
          f"{realised:,.2f}")

# %% [markdown]
# ## Why your dashboard shows a different number
#
# Subscription LTV is ARPA ÷ monthly churn everywhere; the tools differ in *which
# months' churn* (sources in `docs/conventions.md`):
#
# * **cskit**: the mean of the last 12 monthly churn rates, this month included;
#   undefined (NaN) when nobody churned.
# * **ChartMogul**: the mean of the *previous six* months, this month excluded
#   (`window=6, exclude_current=True`).
# * **Baremetrics**: the churn of the last 30 days (`window=1`).
# * **Stripe**: a lifetime of at most 60 months, used when churn is zero
#   (`max_lifetime_months=60`).
#
# Each result says which rule it used in its columns.

# %%
cols = ["arpa", "churn_window", "churn_window_excludes_current", "churn_rate",
        "lifetime_months", "max_lifetime_months", "ltv"]
import warnings

by_tool = {"cskit": company.mrr.cs.ltv(period="M")}
with warnings.catch_warnings():
    # A 1-month window (Baremetrics) can meet a month without churn somewhere in the
    # history: that month's LTV is NaN with undefined_reason="zero_churn".
    warnings.simplefilter("ignore", cskit.errors.CskitWarning)
    by_tool |= {v: company.mrr.cs.ltv(period="M", convention=v)
                for v in ["chartmogul", "baremetrics", "stripe"]}
pd.DataFrame({name: table.loc[month, cols] for name, table in by_tool.items()}).T

# %% [markdown]
# A short window follows the latest months (Baremetrics swings most); excluding the
# current month makes ChartMogul's figure lag one month behind a change in churn. The
# Stripe cap only matters when churn is below 1 ÷ 60 a month.

# %% [markdown]
# ## Read it, act on it
#
# Is this number good? Published ranges (each with its source, year and caveats —
# compare like with like: segment, contract size and how the source defines the
# KPI), what moves the number, and the first three things a CSM does when it moves.

# %%
cskit.guide.read_it('ltv')

# %% [markdown]
# ## Exercises
#
# Replace `None` by your answer and run the cell; `cskit.training.check` says whether it
# is right on the data this notebook reads (a hint after a wrong answer).
#
# **1.** ARPA is 120 a month and monthly churn 4 %. What is the revenue LTV?

# %%
answer_1 = None
cskit.training.check("09-1", answer_1, data=company)

# %% [markdown]
# **2.** This data's LTV in the report month at a 70 % gross margin, with the default
# twelve-month churn window (compute it: `company.mrr.cs.ltv(..., period=None)`).

# %%
answer_2 = None
cskit.training.check("09-2", answer_2, data=company)

# %% [markdown]
# **3.** In the report month, is the segment with the highest ARPA also the segment with
# the highest LTV? Answer `"yes"` or `"no"` — then say whether ARPA or lifetime makes
# more of the gap between the highest and the lowest LTV (the ratios printed under the
# segment table).

# %%
answer_3 = None
cskit.training.check("09-3", answer_3, data=company)

# %% [markdown]
# **4.** A shop's customers spend 25 per order, order 4 times a year and stay 2 years.
# What is their LTV?

# %%
answer_4 = None
cskit.training.check("09-4", answer_4, data=company)
