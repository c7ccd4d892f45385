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
# # Customer retention cost (CRC), CAC and LTV
#
# **Customer retention cost** is what it costs to keep the customers you have: the
# salaries of the customer-success and support teams, engagement and adoption
# programmes, professional services and training, customer marketing — divided by the
# number of customers. Korean 고객 유지 비용, Japanese 顧客維持コスト, Chinese 客戶保留成本.
#
# ## Why it matters
#
# The head of CS and finance use it when they set the CS budget and decide which
# customers get a named CSM, which a pooled team and which self-service:
#
# * a company that lives on new sales alone is exposed when a campaign fails; the
#   16-KPI article calls a loyal base the cornerstone of financial stability, and CRC
#   says what that base costs;
# * the 6-metrics article adds a rule: *if retention spend exceeds the cost of acquiring
#   a customer (CAC), or worse, the customer's lifetime value (LTV), keeping that
#   customer is a bad business decision.* The second half is sound; the first half is
#   not, and this notebook shows why on the data.
#
# So this notebook computes CRC, CAC and LTV, puts them side by side, and replaces the
# CAC rule with the two comparisons that hold: lifetime retention cost vs LTV, and
# **CAC payback** (months of gross profit to recover CAC).

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
company = open_company(data_dir, needs=('mrr', 'costs', 'accounts'))
month = notebook_month(company, month)

# %% [markdown]
# ## The formulas
#
# $$\text{CRC} = \frac{\text{retention spend in the period}}{\text{customers}}
# \qquad
# \text{CAC} = \frac{\text{acquisition spend in the period}}{\text{new customers in the period}}$$
#
# The articles disagree on the denominator of CRC, so cskit offers both:
#
# | `denominator=` | divides by | source |
# |---|---|---|
# | `"customers"` (default) | every customer with MRR in the period | 16-KPI article: "the total number of customers" |
# | `"retained"` | customers paying just before the period and still paying at its end | 6-metrics article: "customers retained in the current year" |
#
# The other switches and their defaults:
#
# | switch | default | what it does |
# |---|---|---|
# | `categories` | `cs_salaries, support, programs, training, customer_marketing` | cost lines that are retention spend (CAC: `acquisition`) |
# | `period` | `"Y"` | whole years (or `"M"`, `"Q"`, `None` for the common span) inside both frames |
# | `by` | `None` | a segment column of the `mrr` frame (and of `costs`, if it has one) |
# | `allocate` | `"customers"` | spend with no segment is shared by customers, or by `"mrr"` |
# | `horizon` | `"lifetime"` | `unit_economics`: compare LTV with retention spend over a customer's lifetime, or per `"period"` |
#
# New customers in CAC are **first-time** payers: a customer who comes back after
# churning is a reactivation, not an acquisition. The first month of the `mrr` frame is
# never in a period: nobody can tell new customers from old ones in it.
#
# ## A small example by hand
#
# Customers a, b, c, d pay in January; a, b, c and a new customer e in February.
# February's costs: CS salaries 300, support 100, acquisition 500.
#
# * CRC ÷ customers: (300 + 100) ÷ 4 (a, b, c, e) = **100**
# * CRC ÷ retained: 400 ÷ 3 (a, b, c were there in January and still are) = **133.33**
# * CAC: 500 ÷ 1 (e) = **500**

# %%
toy_mrr = pd.DataFrame({"customer_id": list("abcdabce"),
                        "month": ["2026-01"] * 4 + ["2026-02"] * 4, "mrr": 50.0})
toy_costs = pd.DataFrame({"month": ["2026-02"] * 3,
                          "category": ["cs_salaries", "support", "acquisition"],
                          "amount": [300.0, 100.0, 500.0]})
cs_costs = ["cs_salaries", "support"]
crc_all = toy_costs.cs.retention_cost(mrr=toy_mrr, period=None, categories=cs_costs)
crc_kept = toy_costs.cs.retention_cost(mrr=toy_mrr, period=None, categories=cs_costs,
                                       denominator="retained")
cac_toy = toy_costs.cs.cac(mrr=toy_mrr, period=None)
assert (crc_all, round(crc_kept, 2), cac_toy) == (100.0, 133.33, 500.0)
print(f"CRC {crc_all:.2f} (÷ customers), {crc_kept:.2f} (÷ retained); CAC {cac_toy:.2f}")

# %% [markdown]
# ## This data's costs
#
# The `costs` table has one line per month and category:

# %%
by_year = company.costs.assign(year=company.costs["month"].dt.year).pivot_table(
    index="category", columns="year", values="amount", aggfunc="sum")
by_year.round(0)

# %% [markdown]
# Only whole periods count: a year needs its twelve months of costs *and* the month
# before it in `mrr` (for the customers at its start). When the data holds no whole
# calendar year, this notebook uses quarters instead (`freq` below) and says so.

# %%
first, last = company.costs["month"].min(), company.costs["month"].max()
try:
    company.costs.cs.retention_cost(mrr=company.mrr, period="Y")
    freq = "Y"
except cskit.errors.CskitError:  # no whole year in this data
    freq = "Q"
print(f"Costs from {first} to {last}: "
      + ("whole years exist, periods are years." if freq == "Y"
         else "no whole calendar year, periods are quarters."))
crc = company.costs.cs.retention_cost(mrr=company.mrr, period=freq)
crc_retained = company.costs.cs.retention_cost(mrr=company.mrr, period=freq,
                                               denominator="retained")
crc["crc ÷ retained"] = crc_retained["retention_cost"]
ratio = crc["crc ÷ retained"] / crc["retention_cost"]
print(f"÷ retained is {ratio.min():.1f}× to {ratio.max():.1f}× the ÷ customers figure.")
crc.round(2)

# %% [markdown]
# The two denominators can disagree wildly, most of all early on: when a company is
# young, few customers were there at the start of a period *and* are still there at
# its end, and a whole period of spend is divided by that handful. The 6-metrics
# article's denominator suits a mature base; in a growing company it mostly measures
# growth. Quarter by quarter the two come closer:

# %%
quarters = company.costs.cs.retention_cost(mrr=company.mrr, period="Q")
quarters_kept = company.costs.cs.retention_cost(mrr=company.mrr, period="Q",
                                                denominator="retained")
quarters["crc ÷ retained"] = quarters_kept["retention_cost"]
quarters.tail(4).round(2)

# %% [markdown]
# ### The same numbers by hand, in plain pandas
#
# The last whole period (`last_period`): retention spend of the five categories in it,
# the customers paying in some month of it, the customers paying both in the month
# before it and in its last month, and for CAC the customers whose *first* paying month
# is in it.

# %%
retention = ["cs_salaries", "support", "programs", "training", "customer_marketing"]
last_period = crc.index[crc.index.asfreq("M", how="end") <= month][-1]
months = pd.period_range(last_period.start_time, last_period.end_time, freq="M")
in_p = company.costs["month"].isin(months)
spend = company.costs.loc[in_p & company.costs["category"].isin(retention), "amount"].sum()
acquisition = company.costs.loc[in_p & (company.costs["category"] == "acquisition"),
                                "amount"].sum()

per_account = company.mrr.groupby(["customer_id", "month"])["mrr"].sum()
paying = per_account[per_account > 0].reset_index()
served = paying.loc[paying["month"].isin(months), "customer_id"].nunique()
ends = {m: set(paying.loc[paying["month"] == m, "customer_id"])
        for m in (months[0] - 1, months[-1])}
retained = len(ends[months[0] - 1] & ends[months[-1]])
first_paid = paying.groupby("customer_id")["month"].min()
new = int(first_paid.isin(months).sum())

cac = company.costs.cs.cac(mrr=company.mrr, period=freq)
assert abs(spend / served - crc.loc[last_period, "retention_cost"]) < 1e-9
assert abs(spend / retained - crc.loc[last_period, "crc ÷ retained"]) < 1e-9
assert abs(acquisition / new - cac.loc[last_period, "cac"]) < 1e-9
print(f"{last_period}: CRC {spend:,.0f} ÷ {served} = {spend / served:,.2f}; "
      f"÷ {retained} retained = {spend / retained:,.2f}; "
      f"CAC {acquisition:,.0f} ÷ {new} = {acquisition / new:,.2f}")

# %% [markdown]
# ## CRC vs CAC vs LTV
#
# `costs.cs.unit_economics(mrr=..., period="Y")` puts the three numbers side by side, with LTV as
# in notebook 09 (ARPA × margin ÷ trailing churn) at the last month of each period,
# and three flags. This notebook compares costs with **gross profit**, so its LTV is
# taken at an assumed 80 % gross margin (`gross_margin=0.8`, a hypothetical input:
# use your own); notebook 09's headline is the revenue LTV (before gross margin), which
# the first table below prints next to it:
#
# * `crc_above_cac`: the period's CRC is above CAC — the article's rule, examined (and
#   rejected) in *Where the source articles go wrong* below;
# * `crc_above_ltv`: retention spend is above LTV. CRC is *per period* and LTV covers a
#   *lifetime*, so by default cskit compares LTV with the **lifetime retention cost**:
#   spend per customer-month × expected lifetime in months (1 ÷ churn). As LTV is
#   ARPA × margin ÷ churn too, this flags exactly the segments where a month of
#   retention spend per customer exceeds a month of gross profit from it;
# * `flag`: either.
#
# Costs usually carry no segment, so they must be shared out. With
# `allocate="customers"` every account costs the same to serve:

# %%
mrr_seg = company.mrr.merge(company.accounts[["account_id", "segment"]],
                            left_on="customer_id", right_on="account_id")
columns = ["retention_cost", "cac", "ltv", "ltv_cac", "retention_cost_per_month",
           "lifetime_retention_cost", "crc_above_cac", "crc_above_ltv", "flag"]
equal = company.costs.cs.unit_economics(mrr=mrr_seg, by="segment", gross_margin=0.8,
                                        period=freq)
now_equal = equal.xs(last_period, level="period")
revenue_ltv = company.costs.cs.unit_economics(mrr=mrr_seg, by="segment",
                                              period=freq).xs(last_period, level="period")
print(f"{last_period}: segments failing the CAC test: "
      f"{list(now_equal.index[now_equal['crc_above_cac']]) or 'none'}; "
      f"failing the LTV test: {list(now_equal.index[now_equal['crc_above_ltv']]) or 'none'}.")
now_equal[columns].assign(**{"revenue LTV (baseline)": revenue_ltv["ltv"]}).round(2)

# %% [markdown]
# A segment fails the CAC test when the company spends more per customer and period on
# keeping its customers than on winning one. The LTV test separates the segments: at
# the same cost per account, a small account can cost more to look after over its
# lifetime than the gross profit it brings.
#
# But CS teams do not spend the same time on every account. Sharing the spend in
# proportion to revenue instead:

# %%
by_revenue = company.costs.cs.unit_economics(mrr=mrr_seg, by="segment", gross_margin=0.8,
                                             allocate="mrr", period=freq)
now_rev = by_revenue.xs(last_period, level="period")
print(f"Shared by revenue, failing the LTV test: "
      f"{list(now_rev.index[now_rev['crc_above_ltv']]) or 'none'}; the largest share of "
      f"spend goes to {now_rev['retention_spend'].idxmax()!r}.")
now_rev[columns].round(2)

# %% [markdown]
# Sharing by revenue moves the spend towards the segments that pay most, and the flags
# can move with it (compare the two lists printed above). **Which allocation is right is a fact about your CS team**, not a modelling
# choice: record the team's time by segment (a `segment` column in `costs`: cskit then
# charges each line to its segment and shares only the rest).
#
# ## Where the source articles go wrong
#
# **1. "Retention cost above acquisition cost ⇒ bad business" (6-metrics article).**
# The rule compares a **running** cost (CRC: spend per customer *per period*, paid again
# every period the customer stays) with a **one-off** cost (CAC: paid once, when the
# customer is won). Their ratio has a unit — periods — so the verdict depends on the
# length of the period you happen to measure: CRC per quarter is about a quarter of CRC
# per year, CAC stays the same. The same segments, the same spend, a year against a
# quarter (`crc_above_cac`):

# %%
quarterly = company.costs.cs.unit_economics(mrr=mrr_seg, by="segment", period="Q",
                                            gross_margin=0.8)
q_whole = quarterly.index.get_level_values("period")
last_q = q_whole[q_whole.asfreq("M", how="end") <= month].max()
if freq == "Q":
    print("This data holds no whole year: both columns below are quarters, and the "
          "flip shows only once a year of costs exists.")
verdicts = pd.DataFrame({
    f"CRC {last_period}": now_equal["retention_cost"],
    f"CRC {last_q}": quarterly.xs(last_q, level="period")["retention_cost"],
    "CAC (year)": now_equal["cac"],
    "LTV:CAC": now_equal["ltv_cac"],
    "rule says bad (year)": now_equal["crc_above_cac"],
    "rule says bad (quarter)": quarterly.xs(last_q, level="period")["crc_above_cac"],
})
flips = verdicts.index[verdicts["rule says bad (year)"].fillna(False)
                       != verdicts["rule says bad (quarter)"].fillna(False)]
print(f"The article's rule flags {int(verdicts['rule says bad (year)'].fillna(False).sum())} "
      f"of {len(verdicts)} segments on {last_period} and "
      f"{int(verdicts['rule says bad (quarter)'].fillna(False).sum())} on {last_q}; "
      f"the verdict flips for {list(flips) or 'no segment'} with nothing but the period "
      "length changed.")
worst = verdicts.loc[verdicts["rule says bad (year)"].fillna(False), "LTV:CAC"]
if len(worst):
    print(f"Among the segments it calls a bad business, LTV:CAC reaches {worst.max():,.1f} "
          f"({worst.idxmax()!r}): each customer brings back that many times its CAC.")
verdicts.round(2)

# %% [markdown]
# A rule whose answer changes when you switch from years to quarters measures the
# calendar, not the business. Both halves of a sound comparison must be in the same
# unit:
#
# * **lifetime retention cost vs LTV** (cskit's `crc_above_ltv`, above): both are
#   amounts over the customer's whole life;
# * **CAC vs the gross profit a customer brings per month**: the CAC payback, below.
#
# **2. The CLV formula under the CRC heading (16-KPI article).** The article (Korean,
# Japanese and Chinese versions alike) ends its *retention cost* section with "customer
# lifetime value = customer value × average customer lifespan". That formula is LTV's
# (notebook 09); CRC is spend ÷ customers and involves no lifespan. Multiply CRC by a
# lifespan only when you mean the lifetime retention cost, and say so.
#
# **3. Two denominators, one name.** ÷ all customers (16-KPI) and ÷ customers retained
# this year (6-metrics) can differ manyfold (the ratio is printed above).
#
# ## CAC payback
#
# $$\text{CAC payback (months)} = \frac{\text{CAC}}{\text{ARPA per month} \times \text{gross margin}}$$
#
# How many months of gross profit a new customer must pay before its acquisition cost is
# recovered. It is a duration, so it does not change with the period CAC and ARPA were
# measured over. `cac_payback` takes the unit-economics table (its `cac` and `arpa`
# columns), here at the 80 % gross margin this notebook assumes throughout (an input:
# use your own; without it the payback is on revenue, shorter than the true one):

# %%
payback = now_equal.cs.cac_payback(gross_margin=0.8)
payback["lifetime (months)"] = now_equal["lifetime_months"]
known = payback["payback_months"].notna() & payback["lifetime (months)"].notna()
payback["paid back within the lifetime"] = (
    payback["payback_months"] < payback["lifetime (months)"]).where(known)
late = payback.index[known & (payback["payback_months"]
                              >= payback["lifetime (months)"])]
unknown = payback.index[~known]
print(f"{last_period}, 80 % gross margin: CAC is paid back in "
      f"{payback['payback_months'].min():,.1f} to {payback['payback_months'].max():,.1f} "
      f"months across segments; segments whose expected lifetime ends first: "
      f"{list(late) or 'none'}"
      + (f"; no lifetime or payback known for {list(unknown)}." if len(unknown) else "."))
payback.round(2)

# %% [markdown]
# A payback longer than the expected lifetime means the customer leaves before it has
# paid for itself — that, not CRC above CAC, is the sign of a segment that loses money
# on every customer it wins. The published ranges for payback are in *Read it, act on
# it* below.

# %% [markdown]
# `horizon="period"` compares one period's CRC with LTV directly — the same unit
# mismatch the other way round (a period against a lifetime), which makes retention
# spend look small; the two horizons' counts of flagged segments:

# %%
per_period = company.costs.cs.unit_economics(mrr=mrr_seg, by="segment", gross_margin=0.8,
                                             horizon="period", period=freq)
now_period = per_period.xs(last_period, level="period")
print(f"{last_period}: horizon='period' flags {int(now_period['crc_above_ltv'].sum())} "
      f"segment(s), horizon='lifetime' {int(now_equal['crc_above_ltv'].sum())}.")
now_period[["retention_cost", "ltv", "crc_above_ltv"]].round(2)

# %% [markdown]
# ## The plot

# %%
from cskit.plotting import ltv_cac_bars

ax = ltv_cac_bars(equal.xs(last_period, level="period"));

# %% [markdown]
# ## Read it, act on it
#
# Is this number good? Published ranges (each with its source, year and caveats —
# compare like with like: segment, contract size and how the source defines the
# KPI), what moves the number, and the first three things a CSM does when it moves.

# %%
cskit.guide.read_it('crc')

# %% [markdown]
# Bars on a log scale (segments' LTVs can differ a hundredfold); LTV:CAC above each
# group; segments with a flag in red.
#
# ## Common mistakes
#
# 1. **Comparing a running cost with a one-off cost** (CRC per period against CAC): the
#    verdict depends on the period length. Use lifetime cost vs LTV, or CAC payback.
# 2. **Two denominators, one name**: say which CRC you report.
# 3. **Acquisition costs in retention spend** (or the reverse). Marketing to prospects
#    is CAC; marketing to customers (customer marketing) is CRC. Keep the categories
#    apart, as the `costs` table does.
# 4. **Comparing a yearly CRC with a lifetime LTV**: compare like with like (`horizon`).
# 5. **Revenue payback reported as payback**: apply the gross margin, and say which.
# 6. **Reactivations counted as new customers** make CAC look cheaper than it is.
# 7. **Equal cost per account by default.** Shared costs spread per customer make
#    small accounts look unprofitable; spread per MRR make them look cheap. Measure.
# 8. **Ignoring the period's start.** The first month of data, or a half year, is not
#    a whole period: cskit reports whole periods only.
#
# ## Exercises
#
# Write your answer in place of `None` and run the cell; rates as fractions
# (0.05 = 5 %). A wrong answer gets a hint, a right one the explanation. The checker
# computes each answer from the data this notebook reads (`data=company`); no cell
# shows it.

# %% [markdown]
# **1.** A CS team costs 12,000 a month and looks after 40 customers, all of whom stay.
# What is the monthly CRC?

# %%
answer_1 = None
cskit.training.check("10-1", answer_1, data=company)

# %% [markdown]
# **2.** CAC is 1,200; a new customer pays 150 a month at an 80 % gross margin. How many
# months does it take to pay back the CAC?

# %%
answer_2 = None
cskit.training.check("10-2", answer_2, data=company)

# %% [markdown]
# **3.** A segment's retention cost is 1,500 per customer a year and its CAC 1,000; per
# quarter the retention cost is 375. The article's rule calls the segment a bad business
# by year, a good one by quarter. What does the flip show? a) the rule compares a running
# cost with a one-off cost, so its verdict depends on the period; b) the segment improved
# between the two measures; c) quarters are more precise.

# %%
answer_3 = None
cskit.training.check("10-3", answer_3, data=company)

# %% [markdown]
# **4.** A segment's accounts pay 90 a month at an 80 % margin; serving one costs 40 a
# month. Is its lifetime retention cost above its LTV? Answer "yes" or "no".

# %%
answer_4 = None
cskit.training.check("10-4", answer_4, data=company)

# %% [markdown]
# **5.** For the whole company (no segments), what is the CAC payback in months of the
# last whole year up to the report month (a quarter when the data has no whole year), at
# the 80 % gross margin this notebook assumes? One decimal.

# %%
answer_5 = None
cskit.training.check("10-5", answer_5, data=company)
