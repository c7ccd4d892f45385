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
# # The SaaS quick ratio
#
# The **quick ratio** (퀵 레이쇼 / クイックレシオ / 快速比率) compares the recurring
# revenue a company adds with the recurring revenue it loses in the same period:
#
# * 4 means four dollars of new MRR for every dollar lost: growth that is efficient;
# * 1 means the company runs to stand still: sales replaces exactly what leaves;
# * below 1 MRR shrinks.
#
# ## Why it matters
#
# Founders, finance and investors use it to judge how efficient growth is; it belongs
# in a CS toolkit because its denominator — contraction and churn — is CS's to defend: two
# companies with the same sales can have quick ratios of 1.5 and 6 depending only on
# retention. It reads the MRR movements (notebook 01) in one number.

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
# ## The formula
#
# $$\text{quick ratio} = \frac{\text{new} + \text{expansion} + \text{reactivation}}
# {\text{contraction} + \text{churn}}$$
#
# all in MRR, summed over the period (a month, a quarter, a year).
#
# * `include_reactivation=True` (default) counts returning customers' MRR as gained;
#   `False` leaves it out (it is then neither gained nor lost). Some teams treat
#   reactivation as luck rather than growth and prefer the stricter form.
# * A period that lost **nothing** has no quick ratio: cskit returns NaN, not infinity.
# * For a quarter, the flows are summed first, then divided — not the three monthly
#   ratios averaged.
#
# ## A small example by hand
#
# | customer | January | February | March | movements |
# |---|---|---|---|---|
# | a | 100 | 130 | 130 | Feb: expansion +30 |
# | b | 50 | — | — | Feb: churn −50 |
# | c | 50 | 40 | 40 | Feb: contraction −10 |
# | d | — | 60 | 60 | Feb: new +60 |
# | e | — | 10 | 10 | Feb: new +10 |
# | x | 20 | — | 20 | Feb: churn −20; Mar: reactivation +20 |
#
# **February**: (60 + 10 new + 30 expansion) ÷ (10 contraction + 50 + 20 churn) =
# 100 ÷ 80 = **1.25**. **March** gained 20 (reactivation) and lost nothing: undefined.
# **Both months together**: (100 + 20) ÷ 80 = **1.5**, or 100 ÷ 80 = 1.25 without
# reactivation.

# %%
rows = [("a", "2026-01", 100), ("a", "2026-02", 130), ("a", "2026-03", 130),
        ("b", "2026-01", 50), ("c", "2026-01", 50), ("c", "2026-02", 40),
        ("c", "2026-03", 40), ("d", "2026-02", 60), ("d", "2026-03", 60),
        ("e", "2026-02", 10), ("e", "2026-03", 10), ("x", "2026-01", 20),
        ("x", "2026-03", 20)]
toy = pd.DataFrame(rows, columns=["customer_id", "month", "mrr"]).astype({"mrr": float})
table = toy.cs.quick_ratio()
assert table.loc["2026-02", "quick_ratio"] == 1.25
assert np.isnan(table.loc["2026-03", "quick_ratio"])
assert toy.cs.quick_ratio(period=None) == 1.5
assert toy.cs.quick_ratio(period=None, include_reactivation=False) == 1.25
table

# %% [markdown]
# ## The quick ratio of this data
#
# Monthly, for the twelve months up to the report month:

# %%
last12 = pd.period_range(end=month, periods=12, freq="M")
last12 = last12[last12 > company.mrr["month"].min()]  # a month needs the one before
monthly = company.mrr.cs.quick_ratio().loc[last12]
monthly["without reactivation"] = company.mrr.cs.quick_ratio(
    include_reactivation=False).loc[last12, "quick_ratio"]
spread = monthly["quick_ratio"].replace([np.inf, -np.inf], np.nan).dropna()
if len(spread):
    print(f"Monthly quick ratio over these months: {spread.min():.2f} to {spread.max():.2f}.")
monthly.round(2)


# %% [markdown]
# Monthly ratios can jump around (the range is printed above): one large cancellation
# can halve a month's ratio. Quarters and
# years are steadier, and they must be computed from summed flows:

# %%
def whole_periods(frame: pd.DataFrame) -> pd.DataFrame:
    # periods that end on or before the report month and whose every month has the
    # month before it in the data
    periods = pd.PeriodIndex(frame.index.get_level_values("period"))
    return frame[(periods.asfreq("M", how="end") <= month)
                 & (periods.asfreq("M", how="start") > company.mrr["month"].min())]

# the longest whole period the data holds: a calendar year, else a quarter
long = "Y" if len(whole_periods(company.mrr.cs.quick_ratio(period="Y"))) else "Q"
if long == "Q":
    print("This data holds no whole calendar year: yearly figures below use quarters.")

quarterly = whole_periods(company.mrr.cs.quick_ratio(period="Q")).tail(4)
monthly_all = company.mrr.cs.quick_ratio()
mean_of_months = monthly_all["quick_ratio"].groupby(
    monthly_all.index.asfreq("Q")).mean().reindex(quarterly.index)
pd.DataFrame({"gained": quarterly["gained"], "lost": quarterly["lost"],
              "quick ratio (summed flows)": quarterly["quick_ratio"],
              "mean of 3 monthly ratios (wrong)": mean_of_months}).round(2)

# %% [markdown]
# The mean of monthly ratios gives a quiet month with little loss as much weight as a
# month of heavy churn, and it is pulled up by any month with a tiny denominator.
#
# ### By segment
#
# Each customer's movements are booked to its segment, over the last whole year (or
# quarter, when the data holds no whole year):

# %%
if company.accounts is not None:
    segments = company.accounts.set_index("account_id")["segment"]
    mrr_seg = company.mrr.assign(segment=company.mrr["customer_id"].map(segments))
else:  # no accounts table: one segment holds every customer
    print("No accounts table in this data: one segment, 'all customers'.")
    mrr_seg = company.mrr.assign(segment="all customers")
year = whole_periods(mrr_seg.cs.quick_ratio(period=long, by="segment"))
year.xs(year.index.get_level_values("period")[-1], level="period")[
    ["new", "expansion", "reactivation", "contraction", "churn", "quick_ratio"]].round(2)

# %% [markdown]
# ## The same number by hand, in plain pandas
#
# No cskit: a customer × month table of MRR; compare the report month with the month
# before, customer by customer.

# %%
table = company.mrr.pivot_table(index="customer_id", columns="month", values="mrr",
                                aggfunc="sum", fill_value=0.0)
before, now = table[month - 1], table[month]
paid_before = (table.loc[:, :month - 1] > 0).any(axis=1)  # ever paid before this month
new = now[(before == 0) & (now > 0) & ~paid_before].sum()
reactivation = now[(before == 0) & (now > 0) & paid_before].sum()
change = (now - before)[(before > 0) & (now > 0)]
expansion, contraction = change[change > 0].sum(), -change[change < 0].sum()
churn = before[(before > 0) & (now == 0)].sum()
ratio_by_hand = (new + expansion + reactivation) / (contraction + churn)
assert abs(ratio_by_hand - company.mrr.cs.quick_ratio().loc[month, "quick_ratio"]) < 1e-12
print(f"{month}: gained {new + expansion + reactivation:,.0f}, lost "
      f"{contraction + churn:,.0f}, quick ratio {ratio_by_hand:.3f}")

# %% [markdown]
# ## The plot
#
# Bars: MRR gained (up) and lost (down) each month; line: the quick ratio, with marks
# at 1 and 4.

# %%
from cskit.plotting import quick_ratio_trend

ax = quick_ratio_trend(company.mrr.cs.quick_ratio().loc[last12])

# %% [markdown]
# ## Why your dashboard shows a different number
#
# The tools agree on the loss (contraction + churn) and differ on the gain: cskit and
# ChartMogul count **reactivation** (customers back after churning) as gained MRR,
# Baremetrics and Stripe count new and expansion MRR only (sources in
# `docs/conventions.md`).

# %%
recent = pd.period_range(month - 5, month, freq="M")
ratios = {"cskit / chartmogul": company.mrr.cs.quick_ratio(convention="chartmogul"),
          "baremetrics / stripe": company.mrr.cs.quick_ratio(convention="stripe")}
table = pd.DataFrame({name: result["quick_ratio"] for name, result in ratios.items()})
table["reactivation"] = ratios["cskit / chartmogul"]["reactivation"]
table.loc[recent].round(2)

# %% [markdown]
# The two ratios differ by reactivation ÷ lost MRR each month: a product that wins
# back many former customers looks healthier on ChartMogul (and cskit) than on Stripe.

# %% [markdown]
# ## Read it, act on it
#
# Is this number good? Published ranges (each with its source, year and caveats —
# compare like with like: segment, contract size and how the source defines the
# KPI), what moves the number, and the first three things a CSM does when it moves.

# %%
cskit.guide.read_it('quick_ratio')

# %% [markdown]
# ## Where the source articles stand
#
# None of the source articles has the quick ratio; every billing-analytics tool does.
# What they leave out is the point of it: the articles treat new business (conversion)
# and losses (churn, downgrades) in separate sections, never as one balance of MRR
# gained against MRR lost. Their MRR-movement vocabulary is enough to compute it
# (notebook 01); the sources to quote for what a good ratio is are in *Read it, act on
# it* below.
#
# ## Common mistakes
#
# 1. **Averaging monthly ratios** for a quarter or a year (above). Sum the flows, then
#    divide.
# 2. **Reporting infinity** for a month without losses. It is undefined; say "no losses".
# 3. **Counting a returning customer as new.** It is reactivation; with
#    `include_reactivation=False` it disappears from the ratio instead of inflating
#    acquisition.
# 4. **Customer counts instead of MRR.** "4 new customers per lost one" is a logo quick
#    ratio; the usual one is in MRR. Say which.
# 5. **Reading it alone.** A quick ratio of 4 on a base that loses 5 % of its MRR every
#    month still needs sales to replace that; look at GRR (notebook 04) next to it.
# 6. **Small numbers**: early on, one customer more or less makes the ratio meaningless.
#
# ## Exercises
#
# Write your answer in place of `None` and run the cell; rates as fractions
# (0.05 = 5 %). A wrong answer gets a hint, a right one the explanation. The checker
# computes each answer from the data this notebook reads (`data=company`); no cell
# shows it.

# %% [markdown]
# **1.** In a month a company adds 40 of new MRR and 10 of expansion, loses 5 to
# downgrades and 15 to cancellations. What is its quick ratio?

# %%
answer_1 = None
cskit.training.check("17-1", answer_1, data=company)

# %% [markdown]
# **2.** Two companies each grow MRR by 10,000 a month. A gains 12,000 and loses 2,000; B
# gains 30,000 and loses 20,000. What is B's quick ratio?

# %%
answer_2 = None
cskit.training.check("17-2", answer_2, data=company)

# %% [markdown]
# **3.** A company loses 2 % of its MRR every month (contraction + churn) and wants MRR to
# grow 6 % a month. What quick ratio does that take?

# %%
answer_3 = None
cskit.training.check("17-3", answer_3, data=company)

# %% [markdown]
# **4.** What is this data's quick ratio, without reactivation, for the last whole year up
# to the report month (a quarter when the data has no whole year)? Two decimals.

# %%
answer_4 = None
cskit.training.check("17-4", answer_4, data=company)
