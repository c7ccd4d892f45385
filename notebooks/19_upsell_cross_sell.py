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
# # Upsell rate, cross-sell rate, and churn after an upsell
#
# ## Why it matters
#
# Account managers and the head of CS use these rates to see whether customers buy
# more as they succeed, and to plan expansion work; finance reads them into the
# expansion half of NRR (notebook 04).
#
# The KPI-setting article lists **고객 단가・업셀율・크로스셀율** (revenue per customer,
# upsell rate, cross-sell rate) as CS KPIs: when customers succeed they buy more, either
# a **higher plan** (upsell, アップセル, 向上銷售) or **another product** (cross-sell,
# クロスセル, 交叉銷售). Rising rates are a sign that CS "works" — that customers see
# enough value to pay more.
#
# The same article adds a warning worth a KPI of its own: upgrades won by a
# **time-limited campaign** are often cancelled later ("it was cheap in the campaign, so
# we tried the higher version, but saw little benefit"). Tracking what upsold accounts
# do *after* the upsell tells a real expansion from a borrowed one.

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
# From an `mrr` frame with `plan` and `product` columns (one row per account, month, plan
# and product — what `to_mrr()` produces):
#
# * an account **upsells** in month *m* when, on a product line it already paid for in
#   *m − 1*, it moves to a **higher plan**. Which plan is higher: give
#   `plan_order=["starter", "growth", "scale"]`; without it, a plan change that raises
#   the line's MRR counts. `upgrade="expansion"` counts *any* increase of an existing
#   line instead (more seats, a price rise);
# * an account **cross-sells** in month *m* when it pays for a product line it did not
#   pay for in *m − 1* while it was already paying. A new customer's first products are
#   new business, not a cross-sell;
# * **rate** = accounts with at least one such event in the period ÷ **paying** accounts
#   (paying in some month of the period, default) or ÷ accounts paying at the **start**
#   of the period (`denominator="start"`; then only their events count);
# * **churn after upsell** (`post_upsell_churn(horizon=3)`): of the accounts that upsold
#   in month *m*, the share that stopped paying in months *m + 1 … m + 3* — next to the
#   same share for the other existing accounts.
#
# ## A small example by hand
#
# | account | Jan | Feb | Mar | events |
# |---|---|---|---|---|
# | a | starter 10 | growth 30 | growth 30 | Feb: upsell (+20) |
# | b | growth 30 | starter 40 | — | Feb: plan change, MRR up, but to a *lower* plan |
# | c | starter 10 | starter 10 | starter 10 + insights 5 | Mar: cross-sell |
# | d | — | scale 50 | scale 50 + insights 5 | Feb: new; Mar: cross-sell |
# | e | starter 10 | starter 12 | starter 12 | Feb: more seats |
#
# **February**, 5 paying accounts: with the plan order only a upsold → 1/5 = **20 %**;
# without it, a and b (both raised MRR with a plan change) → 2/5; counting any increase
# (`upgrade="expansion"`), a, b and e → 3/5. **March**, 4 paying accounts (a, c, d, e):
# c and d cross-sold → 2/4 = **50 %**. **After the upsell** (horizon 1 month): a stays,
# b leaves in March → 1/2 of the February upsells churned (with `plan_order`, only a
# counts as an upsell and 0 of 1 churned).

# %%
rows = [("a", "2026-01", 10, "starter", "core"), ("a", "2026-02", 30, "growth", "core"),
        ("a", "2026-03", 30, "growth", "core"), ("b", "2026-01", 30, "growth", "core"),
        ("b", "2026-02", 40, "starter", "core"), ("c", "2026-01", 10, "starter", "core"),
        ("c", "2026-02", 10, "starter", "core"), ("c", "2026-03", 10, "starter", "core"),
        ("c", "2026-03", 5, "starter", "insights"), ("d", "2026-02", 50, "scale", "core"),
        ("d", "2026-03", 50, "scale", "core"), ("d", "2026-03", 5, "scale", "insights"),
        ("e", "2026-01", 10, "starter", "core"), ("e", "2026-02", 12, "starter", "core"),
        ("e", "2026-03", 12, "starter", "core")]
toy = pd.DataFrame(rows, columns=["customer_id", "month", "mrr", "plan", "product"])
order = ["starter", "growth", "scale"]
assert toy.cs.upsell_rate(plan_order=order).loc["2026-02", "upsell_rate"] == 1 / 5
assert toy.cs.upsell_rate().loc["2026-02", "upsell_rate"] == 2 / 5
assert toy.cs.upsell_rate(upgrade="expansion").loc["2026-02", "upsell_rate"] == 3 / 5
assert toy.cs.cross_sell_rate().loc["2026-03", "cross_sell_rate"] == 2 / 4
assert toy.cs.post_upsell_churn(horizon=1, period=None) == 1 / 2
toy.cs.upsell_rate(plan_order=order)

# %% [markdown]
# ## Upsell and cross-sell on this data
#
# Upsell needs the order of the plans. The data does not hold it; below, the plans are
# ordered by their median MRR per account and month (cheapest first) — write your own
# order in `plans` when you know it. Monthly rates for the twelve months up to the
# report month:

# %%
per_plan = company.mrr.groupby(["plan", "customer_id", "month"])["mrr"].sum()
plans = per_plan.groupby(level="plan").median().sort_values().index.tolist()
print("plan order:", " < ".join(plans))
last12 = pd.period_range(end=month, periods=12, freq="M")
last12 = last12[last12 > company.mrr["month"].min()]  # a month needs the one before
up = company.mrr.cs.upsell_rate(plan_order=plans)
cross = company.mrr.cs.cross_sell_rate()
both = pd.DataFrame({
    "paying accounts": up["accounts"],
    "upsold": up["upsold"],
    "upsell rate %": up["upsell_rate"] * 100,
    "upsell MRR": up["upsell_mrr"],
    "cross-sold": cross["cross_sold"],
    "cross-sell rate %": cross["cross_sell_rate"] * 100,
    "cross-sell MRR": cross["cross_sell_mrr"],
})
both.loc[last12].round(2)


# %% [markdown]
# Monthly rates are often small — one or two accounts in a hundred — so look at years
# (quarters when the data holds no whole year), and at the launch of the product that
# appears last, if there is one:

# %%
def whole_periods(frame: pd.DataFrame) -> pd.DataFrame:
    # periods that end by the report month and have the month before their start
    periods = pd.PeriodIndex(frame.index.get_level_values("period"))
    return frame[(periods.asfreq("M", how="end") <= month)
                 & (periods.asfreq("M", how="start") > company.mrr["month"].min())]

try:  # the longest whole period the data holds: a calendar year, else a quarter
    long = "Y" if len(whole_periods(company.mrr.cs.cross_sell_rate(period="Y"))) else "Q"
except cskit.errors.CskitError:
    long = "Q"
if long == "Q":
    print("This data holds no whole calendar year: quarters instead.")
yearly = pd.DataFrame({
    "upsell rate %": whole_periods(company.mrr.cs.upsell_rate(period=long,
                                                              plan_order=plans))[
        "upsell_rate"] * 100,
    "cross-sell rate %": whole_periods(company.mrr.cs.cross_sell_rate(period=long))[
        "cross_sell_rate"] * 100,
})
first_seen = company.mrr[company.mrr["mrr"] > 0].groupby("product")["month"].min()
newest = first_seen.idxmax()
if first_seen.nunique() > 1:
    launch = pd.period_range(first_seen[newest] - 1, periods=4, freq="M")
    print(f"{newest!r} first sold in {first_seen[newest]}:")
    print(cross.reindex(launch)[["accounts", "cross_sold", "cross_sell_rate"]].round(4))
else:
    print("Every product is sold from the data's first month: no launch to see.")
yearly.round(2)

# %% [markdown]
# A launch push can sell an add-on to a large part of the base at once, after which
# the rate settles lower: compare the launch month with the months after it.
#
# ### By segment

# %%
if company.accounts is not None:
    segments = company.accounts.set_index("account_id")["segment"]
    mrr_seg = company.mrr.assign(segment=company.mrr["customer_id"].map(segments))
else:  # no accounts table: one segment holds every customer
    print("No accounts table in this data: one segment, 'all customers'.")
    mrr_seg = company.mrr.assign(segment="all customers")
seg_year = whole_periods(mrr_seg.cs.upsell_rate(period=long, by="segment",
                                                plan_order=plans))
last_year = seg_year.index.get_level_values("period")[-1]
seg_year.xs(last_year, level="period").round(4)

# %% [markdown]
# ## What upsold accounts do next
#
# For each month, the accounts that upgraded and whether they stopped paying within
# three months, next to the other accounts that were paying that month and the month
# before:

# %%
after = company.mrr.cs.post_upsell_churn(horizon=3, period="Q", plan_order=plans)
after.round(4)

# %%
from scipy import stats

pooled = company.mrr.cs.post_upsell_churn(horizon=3, period=None, plan_order=plans)
n_up, k_up = int(after["upsold"].sum()), int(after["upsold_churned"].sum())
n_other, k_other = int(after["others"].sum()), int(after["others_churned"].sum())
others = k_other / n_other
print(f"Churn within 3 months: upsold accounts {pooled:.1%} ({k_up} of {n_up}), other "
      f"accounts {others:.1%} ({k_other:,} of {n_other:,}); each account-month is one case")
if n_up and n_other:
    # the difference of the two shares with a 95 % (Newcombe–Wilson) interval, and
    # Fisher's exact test, which holds with a handful of churn events
    def wilson(k, n, z=1.959964):
        centre = (k + z * z / 2) / (n + z * z)
        half = z * np.sqrt(k * (n - k) / n + z * z / 4) / (n + z * z)
        return centre - half, centre + half
    (l1, u1), (l2, u2) = wilson(k_up, n_up), wilson(k_other, n_other)
    p1, p2 = k_up / n_up, others
    diff = p1 - p2
    low = diff - np.sqrt((p1 - l1) ** 2 + (u2 - p2) ** 2)
    high = diff + np.sqrt((u1 - p1) ** 2 + (p2 - l2) ** 2)
    p_value = stats.fisher_exact([[k_up, n_up - k_up],
                                  [k_other, n_other - k_other]]).pvalue
    if p_value >= 0.05:
        verdict = "the data cannot tell the two groups apart"
    else:
        verdict = f"upsold accounts churn {'less' if diff < 0 else 'more'} (p < 0.05)"
    print(f"Difference {diff * 100:+.1f} points (95 % interval {low * 100:+.1f} to "
          f"{high * 100:+.1f}), Fisher p = {p_value:.2f}: {verdict}.")

# %% [markdown]
# Read the verdict before the two rates: with few upsells, a handful of churn events
# decides the gap, and the interval shows how little it pins down (the cases are also
# account-months, so one account can appear more than once — the interval is, if
# anything, too narrow). And even a clear difference is not an effect of the upsell:
# accounts that upgrade are usually the ones that were growing anyway. If your
# campaign's upsold accounts churn *more* than the rest (`churn_ratio` above 1), with
# an interval that excludes 0, the upsell borrowed revenue from the future — the case
# the KPI-setting article warns about. A campaign flag column passed as `by=` compares
# campaign and organic upsells directly.
#
# ## Where the source articles go wrong
#
# The KPI-setting article gets the important part right: it warns that upgrades won by
# a time-limited campaign are often cancelled, so upsells must be followed, not just
# counted. What it leaves out: a definition (what counts as an upsell, a plan move or
# any increase; which accounts are in the denominator), a comparison group (the churn
# of accounts that did not upsell), and the sample size that makes a churn gap mean
# anything. This notebook adds all three.
#
# ## The same numbers by hand, in plain pandas
#
# No cskit: each account's product lines month by month, compared with the month before.

# %%
paid = company.mrr[company.mrr["mrr"] > 0]
lines = (paid.sort_values("mrr", ascending=False)
         .groupby(["customer_id", "product", "month"], as_index=False)
         .agg(mrr=("mrr", "sum"), plan=("plan", "first"))
         .sort_values(["customer_id", "product", "month"]))
previous = lines.groupby(["customer_id", "product"])[["month", "plan"]].shift()
follows = previous["month"] == lines["month"] - 1
rank = {p: i for i, p in enumerate(plans)}
upgraded = follows & (lines["plan"].map(rank) > previous["plan"].map(rank))

this = lines["month"] == month
paying = paid.loc[paid["month"] == month, "customer_id"].nunique()
upsold = lines.loc[upgraded & this, "customer_id"].nunique()

# a cross-sell: a line that did not exist last month, of an account paying last month
paying_last_month = set(paid.loc[paid["month"] == month - 1, "customer_id"])
new_line = ~follows & this
cross_sold = lines.loc[new_line & lines["customer_id"].isin(paying_last_month),
                       "customer_id"].nunique()

assert abs(upsold / paying - up.loc[month, "upsell_rate"]) < 1e-12
assert abs(cross_sold / paying - cross.loc[month, "cross_sell_rate"]) < 1e-12
print(f"{month}: {upsold} of {paying} paying accounts upsold ({upsold / paying:.2%}), "
      f"{cross_sold} cross-sold ({cross_sold / paying:.2%})")

# %% [markdown]
# ## The plot

# %%
from cskit.plotting import rate_trend

rates = pd.DataFrame({"upsell_rate": up["upsell_rate"],
                      "cross_sell_rate": cross["cross_sell_rate"]})
ax = rate_trend(rates)

# %% [markdown]
# ## Read it, act on it
#
# Is this number good? Published ranges (each with its source, year and caveats —
# compare like with like: segment, contract size and how the source defines the
# KPI), what moves the number, and the first three things a CSM does when it moves.

# %%
cskit.guide.read_it('upsell')

# %% [markdown]
# ## Common mistakes
#
# 1. **A new customer's add-on counted as cross-sell.** Buying two products on day one is
#    new business; cross-sell needs an existing account.
# 2. **Price rises and seat growth counted as upsell.** With `upgrade="plan"` only a move
#    to a higher plan counts; say so if you use the broader `"expansion"`.
# 3. **Plan changes read without an order.** A move to a cheaper plan with a price rise
#    (the example's b) looks like an upgrade by MRR; give `plan_order`.
# 4. **Dividing by all customers ever**, or by accounts that could not upsell (not yet
#    paying). Use the paying accounts of the period, or those at its start.
# 5. **Stopping at the upsell.** The article's point: follow upsold accounts for a few
#    months and compare their churn with everyone else's.
# 6. **Months too close to the end of the data.** An upsell last month has no three
#    months after it yet; cskit leaves such months out of `post_upsell_churn`.
#
# ## Exercises
#
# Write your answer in place of `None` and run the cell; rates as fractions
# (0.05 = 5 %). A wrong answer gets a hint, a right one the explanation. The checker
# computes each answer from the data this notebook reads (`data=company`); no cell
# shows it.

# %% [markdown]
# **1.** In a month 400 accounts pay (380 of them already paid last month). 12 existing
# accounts move to a higher plan, and 5 new accounts start directly on the top plan. What
# is the upsell rate over paying accounts?

# %%
answer_1 = None
cskit.training.check("19-1", answer_1, data=company)

# %% [markdown]
# **2.** Upsold accounts churned 1 % in the following year, other accounts 3 %. Which
# conclusion does this support? a) upselling reduces churn; b) accounts healthy enough to
# be upsold churn less; the comparison cannot tell cause from effect; c) nothing at all.

# %%
answer_2 = None
cskit.training.check("19-2", answer_2, data=company)

# %% [markdown]
# **3.** 500 accounts pay at the start of a month; 20 of them add a second product; 10 new
# accounts start with two products. What is the cross-sell rate over the accounts at the
# start?

# %%
answer_3 = None
cskit.training.check("19-3", answer_3, data=company)
