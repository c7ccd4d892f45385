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
# # Net revenue retention (NRR) and gross revenue retention (GRR)
#
# **Net revenue retention** (NRR; 순매출 유지율,
# ネット売上維持率, 淨收入留存率 — answers one question: *of the recurring revenue our
# customers paid a year (or a month) ago, how much do those same customers pay now?*
# Upgrades and add-ons push it up; downgrades and cancellations pull it down.
#
# **Gross revenue retention** (GRR) asks the same without the upside: how much of that
# revenue did we *keep*? It ignores expansion, so it can never exceed 100 %.
#
# ## Why it matters
#
# Why a CS team owns these two (the head of CS reports them to the board; CSMs own the
# renewals and expansions behind them):
#
# * NRR above 100 % means the installed base grows on its own — the company would grow
#   even if sales signed nobody. It is the number investors ask about first;
# * GRR isolates what CS defends (renewals, downgrades); NRR adds what CS grows
#   (expansion). A company can have a fine NRR on the back of a few large expansions
#   while losing many small customers: GRR shows it;
# * unlike MRR growth, neither moves when sales has a good month: new business is
#   excluded by construction.

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
# ## The formula, and who is in it
#
# Take the customers paying at the **start** of a window (a month, or twelve months).
# Compare what *they* paid then with what *they* pay at its **end**:
#
# $$\text{NRR} = \frac{\text{start MRR} + \text{expansion} - \text{contraction} - \text{churn}}{\text{start MRR}}
# \qquad
# \text{GRR} = \frac{\text{start MRR} - \text{contraction} - \text{churn}}{\text{start MRR}}$$
#
# * **new business is out**: a customer who joins during the window is not in the start
#   MRR, so its revenue is not in the numerator either;
# * **reactivation is out**: a customer who had left before the window starts and comes
#   back is not a start customer either. One who is a start customer, leaves during a
#   twelve-month window and is back by its end is counted as churned by default
#   (`reactivated="exclude"`); `reactivated="count"` keeps its revenue;
# * **GRR is capped per customer**: each customer counts with at most its start MRR, so
#   one customer's expansion never hides another's downgrade.
#
# `window=1` gives the monthly figure; `window=12` the trailing-twelve-month (year-over-
# year) figure benchmarks quote — "our NRR is 110 %" almost always means this one. It is
# this notebook's headline, captioned "12-month NRR (returns excluded)"; with fewer
# than 13 months of data the headline is the monthly figure, captioned "monthly NRR".
#
# ## A small example by hand
#
# The catalogue's reference: start MRR 100 spread over four customers; one expands by
# 10, one contracts by 10, one (paying 10) churns. A fifth customer joins with 99.
#
# | customer | January | February | movement |
# |---|---|---|---|
# | a | 40 | 50 | expansion +10 |
# | b | 30 | 20 | contraction −10 |
# | c | 10 | — | churn −10 |
# | e | 20 | 20 | — |
# | d | — | 99 | new business (left out) |
#
# NRR = (100 + 10 − 10 − 10) ÷ 100 = **90 %**; GRR = (100 − 10 − 10) ÷ 100 = **80 %**.
# These are 1 − net revenue churn (10 %) and 1 − gross revenue churn (20 %), the
# catalogue's revenue-churn reference. MRR itself grew from 100 to 189.

# %%
toy = pd.DataFrame({
    "customer_id": ["a", "b", "c", "e", "a", "b", "e", "d"],
    "month": ["2026-01"] * 4 + ["2026-02"] * 4,
    "mrr": [40.0, 30.0, 10.0, 20.0, 50.0, 20.0, 20.0, 99.0],
})
assert abs(toy.cs.nrr(period=None) - 0.90) < 1e-12
assert abs(toy.cs.grr(period=None) - 0.80) < 1e-12
assert abs(1 - toy.cs.revenue_churn(kind="net", period=None) - 0.90) < 1e-12
toy.cs.nrr()

# %% [markdown]
# The result carries the parts: the start customers and those retained, start MRR, the
# three movements and the start customers' MRR at the end.
#
# **Why GRR is capped per customer.** Two customers: a grows from 100 to 300, b leaves
# (100). Netting the movements first would say "we lost 100 and gained 200: 150 %
# retention". GRR asks what was *kept*: a kept its 100 (the extra 200 is expansion), b
# kept nothing — 100 ÷ 200 = **50 %**.

# %%
cap = pd.DataFrame({"customer_id": ["a", "b", "a"], "month": ["2026-01", "2026-01", "2026-02"],
                    "mrr": [100.0, 100.0, 300.0]})
print(f"NRR {cap.cs.nrr(period=None):.0%}, GRR {cap.cs.grr(period=None):.0%}")

# %% [markdown]
# ## NRR and GRR of this data
#
# Monthly NRR and GRR, for the twelve months up to the report month:

# %%
last12 = pd.period_range(end=month, periods=12, freq="M")
last12 = last12[last12 > company.mrr["month"].min()]  # a month needs the one before
# the headline window: twelve months, or the monthly figure when the data holds
# fewer than 13 months
window = 12 if (month - company.mrr["month"].min()).n >= 12 else 1
headline = "12-month" if window == 12 else "monthly"
returns = " (returns excluded)" if window == 12 else ""
if window == 1:
    print(f"This data holds fewer than 13 months up to {month}: the headline below is "
          "the monthly NRR.")
monthly = company.mrr.cs.nrr().loc[last12]
monthly["grr"] = company.mrr.cs.grr().loc[last12, "grr"]
(monthly[["start", "expansion", "contraction", "churn", "end", "nrr", "grr"]]
 .round({"start": 0, "expansion": 0, "contraction": 0, "churn": 0, "end": 0,
         "nrr": 4, "grr": 4}))

# %% [markdown]
# Monthly figures sit close to 100 % (a month loses little) and one large cancellation
# can move them by a point. The trailing-twelve-month figure is the one to report and
# benchmark:

# %%
yearly_nrr = company.mrr.cs.nrr(window=window)
yearly_grr = company.mrr.cs.grr(window=window)
row = yearly_nrr.loc[month]
print(f"{window} months to {month}: {int(row['start_customers']):,} customers paying "
      f"{row['start']:,.0f} a month in {month - window}; {int(row['retained_customers']):,} "
      f"still pay, now {row['end']:,.0f}.")
print(f"{headline} NRR{returns}: {row['nrr']:.1%}  (expansion +{row['expansion']:,.0f}, "
      f"contraction -{row['contraction']:,.0f}, churn -{row['churn']:,.0f})")
print(f"{headline} GRR{returns}: {yearly_grr.loc[month, 'grr']:.1%}")

# %% [markdown]
# ### Twelve monthly figures are not a yearly one
#
# Multiplying the twelve monthly NRRs does not give the twelve-month NRR: each month's
# base includes the customers who joined during the year (new customers expand and
# churn differently), and a customer who expands then contracts within the year counts
# both movements in the monthly chain but only its net change over the year.

# %%
chained = monthly["nrr"].tail(window).prod()
print(f"product of {window} monthly NRRs: {chained:.1%}; trailing-{window}-month NRR: "
      f"{row['nrr']:.1%}")

# %% [markdown]
# ### The reactivation switch
#
# Over twelve months some start customers leave and come back. By default their
# return is reactivation and they count as churned; with `reactivated="count"` their
# revenue at the end is kept:

# %%
counted = company.mrr.cs.nrr(window=window, reactivated="count").loc[month]
pd.DataFrame({
    "exclude (default)": row[["retained_customers", "end", "nrr"]],
    "count": counted[["retained_customers", "end", "nrr"]],
}).T.astype({"retained_customers": int}).round({"end": 0, "nrr": 4})

# %% [markdown]
# ### By segment
#
# A customer belongs to its segment at the start of the window:

# %%
if company.accounts is not None:
    segments = company.accounts.set_index("account_id")["segment"]
    mrr_seg = company.mrr.assign(segment=company.mrr["customer_id"].map(segments))
else:  # no accounts table: one segment holds every customer
    print("No accounts table in this data: one segment, 'all customers'.")
    mrr_seg = company.mrr.assign(segment="all customers")
seg_nrr = mrr_seg.cs.nrr(window=window, by="segment").xs(month, level="period")
seg_nrr["grr"] = mrr_seg.cs.grr(window=window, by="segment").xs(month, level="period")["grr"]
seg_nrr[["start_customers", "start", "end", "nrr", "grr"]].round(
    {"start": 0, "end": 0, "nrr": 4, "grr": 4})

# %% [markdown]
# ### Cohort NRR
#
# The same question per signup cohort: what does each quarter's cohort pay twelve
# months after its own first month, compared with that first month?

# %%
cohorts = company.mrr.cs.cohort_nrr(window=window, period="Q")
cohorts[["start_customers", "retained_customers", "start", "end", "nrr", "grr"]].round(
    {"start": 0, "end": 0, "nrr": 4, "grr": 4})

# %% [markdown]
# Only cohorts whose every customer has had twelve months are shown. A cohort above
# 100 % grew on its own during its first year: its expansion (upgrades, add-ons)
# outweighed its losses. (A young company may have no cohort old enough yet: the
# table is then empty.) Comparing cohorts tells whether
# onboarding and first-year CS work are getting better; `cohort_retention(kind="revenue")`
# (notebook 18) draws the whole curve, month by month.
#
# ## The same numbers by hand, in plain pandas
#
# No cskit: a customer × month table of MRR, then for the report month the customers who
# paid twelve months earlier — kept only if they paid in every month in between (the
# default: a return after a gap is reactivation).

# %%
table = company.mrr.pivot_table(index="customer_id", columns="month", values="mrr",
                                 aggfunc="sum", fill_value=0.0)
start_m, end_m = month - window, month
start_mrr = table[start_m]
base = start_mrr > 0
stayed = (table.loc[:, start_m:end_m] > 0).all(axis=1)
end_mrr = table[end_m].where(base & stayed, 0.0)

nrr_by_hand = end_mrr[base].sum() / start_mrr[base].sum()
grr_by_hand = np.minimum(end_mrr, start_mrr)[base].sum() / start_mrr[base].sum()
assert abs(nrr_by_hand - yearly_nrr.loc[month, "nrr"]) < 1e-12
assert abs(grr_by_hand - yearly_grr.loc[month, "grr"]) < 1e-12

# and the monthly figure: customers of last month, this month
prev = table[month - 1]
now = table[month].where(prev > 0, 0.0)
assert abs(now.sum() / prev.sum() - company.mrr.cs.nrr().loc[month, "nrr"]) < 1e-12
print(f"NRR {nrr_by_hand:.4%}, GRR {grr_by_hand:.4%} — same as cskit")

# %% [markdown]
# ## The plot
#
# Trailing-twelve-month NRR and GRR at every month end. GRR stays below the 100 % line
# and below NRR; the distance between the two lines is expansion.

# %%
from cskit.plotting import nrr_grr_trend

ax = nrr_grr_trend(yearly_nrr, yearly_grr)

# %% [markdown]
# ## Where the source articles slip, and what they get right
#
# The 16-KPI article's formula is right:
# NRR = (start MRR + expansion − downgrade − churn) ÷ start MRR × 100. Three things
# around it need care:
#
# * **It does not say *whose* revenue.** Read carelessly, "start MRR" and "MRR now" are
#   the company's totals, and end MRR ÷ start MRR is **MRR growth**, which includes every
#   new customer. In this data, over the same window:

# %%
growth = table[month].sum() / table[month - window].sum()
print(f"MRR now ÷ MRR {window} months ago: {growth:.1%}   vs   {headline} NRR{returns} "
      f"{yearly_nrr.loc[month, 'nrr']:.1%}")

# %% [markdown]
# ## Why your dashboard shows a different number
#
# Revenue retention differs between tools in one place: **customers who leave and come
# back** (sources in `docs/conventions.md`).
#
# * cskit's NRR follows the customers paying at the window's start; one that left and
#   returned before the end counts as churned (its return is reactivation, left out).
#   ChartMogul counts it with the MRR it came back with (`convention="chartmogul"`).
# * Net revenue churn: ChartMogul (and cskit) subtract expansion *and* reactivation
#   from the loss; Baremetrics subtracts expansion only, so a returning customer makes
#   its figure worse than ChartMogul's.
# * Cohort NRR: ChartMogul keeps returning customers in their cohort.

# %%
last12 = pd.period_range(month - 11, month, freq="M")
last12 = last12[last12 > company.mrr["month"].min()]  # a month needs the one before
rows = {}
for name, convention in [("cskit", None), ("chartmogul", "chartmogul"),
                         ("baremetrics", "baremetrics")]:
    net_churn = company.mrr.cs.revenue_churn(kind="net", convention=convention)
    rows[name] = {
        f"{headline} NRR{returns}": company.mrr.cs.nrr(
            window=window, convention=convention).loc[month, "nrr"],
        f"net revenue churn, mean of {len(last12)} months":
            net_churn.loc[last12, "revenue_churn"].mean(),
    }
for name, convention in [("cskit", None), ("chartmogul", "chartmogul")]:
    try:
        pooled = company.mrr.cs.cohort_nrr(period=None, window=window,
                                           convention=convention)
    except cskit.errors.CskitError:  # no cohort old enough yet
        pooled = float("nan")
    rows[name][f"cohort NRR ({window} months, pooled)"] = pooled
(pd.DataFrame(rows) * 100).round(2)

# %% [markdown]
# The rows move only by the reactivation they let in: with few returning customers
# the columns nearly agree; a business that wins many customers back sees ChartMogul's
# NRR above cskit's and Baremetrics' net revenue churn above ChartMogul's. Quote the
# convention with the number.

# %% [markdown]
# ## Read it, act on it
#
# Is this number good? Published ranges (each with its source, year and caveats —
# compare like with like: segment, contract size and how the source defines the
# KPI), what moves the number, and the first three things a CSM does when it moves.

# %%
cskit.guide.read_it('nrr')

# %% [markdown]
# The gap is new business and reactivation — sales' work, not retention.
#
# * **The translations garble the list of examples.** The list of what moves NRR ends
#   with "churn" and "downgrade"; the Korean version renders churn as 휘젓다 ("to
#   stir") and downgrade as 좌초 ("running aground"), the Japanese as かき回す and the
#   Chinese as 攪動 ("stirring"). Read them as *customers who cancel* (churn) and
#   *customers who move to a cheaper plan* (contraction).
# * **It names no window.** A monthly NRR of 99 % and a yearly NRR of 90 % can describe
#   the same company; say which one you report.
#
# ## Common mistakes
#
# 1. **MRR growth reported as NRR** (above): new customers inflate it.
# 2. **Reactivated customers counted as retained revenue** over a window they were
#    partly absent from. cskit leaves them out by default; say so if you keep them.
# 3. **GRR computed with expansion netted against contraction**: it can then exceed
#    100 %, which GRR never does.
# 4. **Chaining or averaging monthly NRRs** to get a yearly one (above).
# 5. **Annual contracts and monthly windows**: an annual customer can only churn at
#    renewal, so a monthly GRR of 99.5 % says little; use twelve months.
# 6. **Small bases**: one enterprise customer can move a segment's NRR by ten points.
# 7. **Percent vs fraction**: cskit returns fractions (1.05 = 105 %).
#
# ## Exercises
#
# Write your answer in place of `None` and run the cell; rates as fractions
# (0.05 = 5 %). A wrong answer gets a hint, a right one the explanation. The checker
# computes each answer from the data this notebook reads (`data=company`); no cell
# shows it.

# %% [markdown]
# **1.** Three customers pay 100, 60 and 40 at the start of a year. A year later the first
# pays 100, the second 10 and the third has left; two new customers pay 500 each. What is
# the twelve-month NRR?

# %%
answer_1 = None
cskit.training.check("04-1", answer_1, data=company)

# %% [markdown]
# **2.** Same three customers, but this time the first grows from 100 to 150. What is the
# twelve-month GRR?

# %%
answer_2 = None
cskit.training.check("04-2", answer_2, data=company)

# %% [markdown]
# **3.** A segment shows NRR above 100 % and GRR of 80 %. Which is true? a) the customers
# who stay grew by more than the others shrank or left; b) the segment lost no customers;
# c) new customers made up for those who left.

# %%
answer_3 = None
cskit.training.check("04-3", answer_3, data=company)

# %% [markdown]
# **4.** Using the headline NRR and GRR of the report month (12 months, returns excluded;
# monthly when the data is younger): what share of the start MRR did expansion add? (A
# fraction.)

# %%
answer_4 = None
cskit.training.check("04-4", answer_4, data=company)
