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
# # Customer churn rate (logo churn)
#
# **Customer churn** is the share of your customers who stop being customers in a
# period. It is also called *logo churn* (each customer is one logo, whatever it pays),
# 이탈률 / 해약률 in Korean, 解約率 in Japanese and 流失率 in Chinese.
#
# ## Why it matters
#
# Why a CS team watches it before anything else (the head of CS reports it monthly;
# CSMs act on the accounts behind it):
#
# * every other retention number leans on it: lifetime value is roughly ARPA ÷ churn,
#   so halving churn doubles LTV;
# * it compounds: 2 % a month loses about a fifth of the base in a year, which sales
#   must replace before the company grows at all;
# * it is the outcome most CS work (onboarding, health scores, renewals) tries to move.
#
# It looks like the simplest KPI there is — "lost customers ÷ customers" — and that is
# the trap: *which* customers go in the denominator, and which departures go in the
# numerator, are choices. The source articles make different ones, and one of them is
# wrong. This notebook shows each choice on data.

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
company = open_company(data_dir, needs=('mrr', 'subscriptions'))
month = notebook_month(company, month)

# %% [markdown]
# ## The formula
#
# A customer is **paying** in a month when its MRR that month is above zero (all its
# subscriptions added up). It **churns** in the first month it is no longer paying.
# For a period (a month, a quarter or a year):
#
# $$\text{churn rate} = \frac{\text{customers paying at the start who churned during the period}}
# {\text{denominator}}$$
#
# "At the start" means paying in the month *before* the period. The three
# denominators the sources use:
#
# | `denominator=` | divides by | source |
# |---|---|---|
# | `"start"` (default) | customers at the start of the period | 6-metrics article |
# | `"average"` | (start + end) ÷ 2 | common in finance teams |
# | `"start_plus_new"` | start + customers who joined during the period | 16-KPI article's "all customers in the period" |
#
# Two more switches matter only when a period is longer than a month:
#
# * `join_and_churn`: a customer who **joins and churns inside the period** — leave it
#   out (`"exclude"`, default: it was never in the start base) or `"count"` it;
# * `reactivated`: a start customer who **churns and is back before the period ends** —
#   keep the churn (`"count"`, default) or `"net"` it out.
#
# With monthly snapshots neither case fits inside one month, so monthly rates ignore
# both switches.

# %% [markdown]
# ## A small example by hand
#
# Six customers, December 2025 to March 2026 (✔ = paying that month):
#
# | customer | Dec | Jan | Feb | Mar | what happens |
# |---|---|---|---|---|---|
# | a | ✔ | ✔ | ✔ | ✔ | stays |
# | b | ✔ | ✔ |   |   | churns in February |
# | c | ✔ |   |   | ✔ | churns in January, comes back in March |
# | d | ✔ | ✔ | ✔ | ✔ | stays |
# | e |   | ✔ |   |   | joins in January, churns in February |
# | f |   |   | ✔ | ✔ | joins in February |
#
# **January** (start = December): start {a, b, c, d} = 4, end {a, b, d, e} = 4,
# churned {c} = 1, new {e} = 1.
# `start`: 1 ÷ 4 = **25 %**; `average`: 1 ÷ 4 = **25 %**; `start_plus_new`: 1 ÷ 5 = **20 %**.
#
# **Q1 2026 as one period** (start = December): start 4, new during the quarter {e, f} = 2
# (c is not new: it was a start customer), end {a, c, d, f} = 4.
# Start customers with a churn in the quarter: {b, c} = 2.
#
# | switches | churned | ÷ start (4) | ÷ average (4) | ÷ start + new (6) |
# |---|---|---|---|---|
# | defaults | {b, c} = 2 | 50 % | 50 % | 33.3 % |
# | `join_and_churn="count"` | {b, c, e} = 3 | 75 % | 75 % | 50 % |
# | `reactivated="net"` | {b} = 1 (c is back) | 25 % | 25 % | 16.7 % |
#
# The same data gives anything from 16.7 % to 75 %. cskit agrees:

# %%
paying = {  # customer: months with MRR > 0
    "a": ["2025-12", "2026-01", "2026-02", "2026-03"],
    "b": ["2025-12", "2026-01"],
    "c": ["2025-12", "2026-03"],
    "d": ["2025-12", "2026-01", "2026-02", "2026-03"],
    "e": ["2026-01"],
    "f": ["2026-02", "2026-03"],
}
toy = pd.DataFrame(
    [(c, m, 100.0) for c, months in paying.items() for m in months],
    columns=["customer_id", "month", "mrr"],
)
toy["month"] = pd.PeriodIndex(toy["month"], freq="M")

jan = toy.cs.churn(period="M").loc["2026-01"]
assert (jan["start_customers"], jan["churned"], jan["new_customers"]) == (4, 1, 1)

rows = {}
for label, switches in {
    "defaults": {},
    'join_and_churn="count"': {"join_and_churn": "count"},
    'reactivated="net"': {"reactivated": "net"},
}.items():
    rows[label] = {
        d: toy.cs.churn(period="Q", denominator=d, **switches).loc["2026Q1", "churn"]
        for d in ("start", "average", "start_plus_new")
    }
by_hand = pd.DataFrame(rows).T
expected = [[2 / 4, 2 / 4, 2 / 6], [3 / 4, 3 / 4, 3 / 6], [1 / 4, 1 / 4, 1 / 6]]
assert np.allclose(by_hand.to_numpy(), expected)
(by_hand * 100).round(1)

# %% [markdown]
# ## The three denominators on this data
#
# Monthly churn for the last twelve months (fewer when the data is younger), once per
# denominator:

# %%
last12 = pd.period_range(end=month, periods=12, freq="M")
last12 = last12[last12 > company.mrr["month"].min()]  # a month needs the one before it
results = {
    d: company.mrr.cs.churn(period="M", denominator=d).loc[last12]
    for d in ("start", "average", "start_plus_new")
}
counts = results["start"]
side = pd.DataFrame(
    {
        "churned": counts["churned"],
        "start": counts["start_customers"],
        "new": counts["new_customers"],
        "% ÷ start": results["start"]["churn"] * 100,
        "% ÷ average": results["average"]["churn"] * 100,
        "% ÷ start+new": results["start_plus_new"]["churn"] * 100,
    }
)
side["gap (points)"] = side["% ÷ start"] - side["% ÷ start+new"]
side.round(2)

# %%
rel = (side["% ÷ start"] / side["% ÷ start+new"] - 1) * 100
print(
    f"Monthly: the start-based rate is {rel.min():.1f}–{rel.max():.1f} % higher than the "
    f"start+new one (about {side['gap (points)'].mean():.2f} points)."
)


# %% [markdown]
# Month by month the gap is usually small: few customers join in a month compared
# with the base, so start and start + new are close. Over a **year** it is not — a
# growing company adds customers all year, and they all enter the `start_plus_new`
# denominator while few of them had time to churn. (A calendar year needs the
# December before it and its own December; when this data holds no whole year, the
# cell uses its last whole quarter instead and says so.)

# %%
def whole_periods(frame: pd.DataFrame) -> pd.DataFrame:
    # periods that end on or before the report month
    return frame[frame.index.asfreq("M", how="end") <= month]

# the longest whole period the data holds: a calendar year, else a quarter
long = "Y" if len(whole_periods(company.mrr.cs.churn(period="Y"))) else "Q"
if long == "Q":
    print("This data holds no whole calendar year: the last whole quarter instead.")
yearly = pd.DataFrame(
    {
        d: whole_periods(company.mrr.cs.churn(period=long, denominator=d)).iloc[-1]
        for d in ("start", "average", "start_plus_new")
    }
).T
counts_cols = ["start_customers", "new_customers", "end_customers", "churned"]
yearly[counts_cols] = yearly[counts_cols].astype("int64")
year = whole_periods(company.mrr.cs.churn(period=long)).index[-1]
print(f"Period {year}:")
yearly[["start_customers", "new_customers", "end_customers", "churned", "denominator",
        "churn"]].round(4)

# %% [markdown]
# Same customers, same departures: only the denominator changed. **Never compare churn rates without saying which denominator** — and
# compare yourself with benchmarks only when they state theirs (most SaaS benchmarks
# use customers at the start).
#
# `average` sits between the two while the base grows. It can even exceed 100 % if
# the base collapses (start 100, end 10, 95 churned → 95 ÷ 55 = 173 %), which is one
# reason cskit does not default to it.
#
# ## The join-and-churn and reactivation switches
#
# Quarters and years can hold a customer who joins and leaves inside the period, or
# one who leaves and comes back. The last four whole quarters and the last whole
# year, rate ÷ start (in %):

# %%
combos = {
    "defaults": {},
    "join_and_churn=count": {"join_and_churn": "count"},
    "reactivated=net": {"reactivated": "net"},
    "both": {"join_and_churn": "count", "reactivated": "net"},
}
def by_switch(freq: str, n: int) -> pd.DataFrame:
    runs = {name: whole_periods(company.mrr.cs.churn(period=freq, **kw)).tail(n)
            for name, kw in combos.items()}
    table = pd.DataFrame({name: r["churn"] * 100 for name, r in runs.items()})
    table.insert(0, "joined & left", runs["defaults"]["churned_after_joining"])
    table.insert(1, "left & returned", runs["defaults"]["returned_after_churn"])
    table.index = table.index.astype(str)
    return table

pd.concat([by_switch("Q", 4), by_switch("Y", 1)]).round(2)  # no year row: no whole year

# %% [markdown]
# The longer the period, the more room for customers to join and leave inside it,
# and the further the switches move the rate. Counting customers who joined and left inside the
# period adds churn the start base cannot explain; netting out returns removes churn that did
# happen (the customer *was* lost for a month or two, and its revenue with it).
# The defaults (`exclude`, `count`) keep numerator and denominator about the **same
# group of customers**: those present at the start.
#
# ## Where the source articles go wrong
#
# The 16-KPI article (Korean, Japanese and Chinese versions alike) says: *divide the
# total number of customers who churned in a period — monthly or yearly, it does not
# matter — by the total number of customers in that period.* The catalogue of cskit
# lists three traps in that sentence; here they are with numbers.
#
# **1. "All customers in the period" rewards growth, not retention.** Read literally,
# the denominator holds every customer of the period, including the ones who signed
# up last week and had no time to leave. In this data, the longest period above:

# %%
row_start, row_all = yearly.loc["start"], yearly.loc["start_plus_new"]
print(
    f"{year}: {row_start['churned']:,} of the {row_start['start_customers']:,} customers "
    f"at the start left, {row_start['churn']:.1%}. Dividing by all "
    f"{int(row_all['denominator']):,} customers of the period gives "
    f"{row_all['churn']:.1%}, only because {row_start['new_customers']:,} "
    "customers joined."
)

# %% [markdown]
# Nothing about retention changes with the denominator. The more a company sells, the
# lower its "churn" looks. The fix: divide by the customers who could churn, the
# customers at the start (the 6-metrics article's definition, cskit's default).
#
# **2. "Total churned" with the start denominator breaks the rate.** If the numerator
# takes *every* customer who left during the period — including those who joined in
# it — while the denominator is the start base, numerator and denominator describe
# different groups. For the first period of the data, when the company was smallest:

# %%
first_year = company.mrr.cs.churn(period=long, join_and_churn="count").iloc[[0]]
row = first_year.iloc[0]
print(f"{first_year.index[0]}: rate {row['churn']:.0%}; "
      f"{row['churned_after_joining']:,} of the {row['churned']:,} who left had joined "
      "during the period.")
first_year[["start_customers", "new_customers", "churned", "churned_after_joining",
            "churn"]]

# %% [markdown]
# The customers who joined and left inside the period inflate the numerator while the
# denominator never had them; a rate above 100 % is the tell-tale sign.
# Use `join_and_churn="count"` only with `denominator="start_plus_new"`, where the
# numerator's customers are all in the denominator.
#
# **3. Churn is about customers, not subscription lines or lost value.** The article's
# list of what counts as churn mixes cancelled subscriptions and closed accounts (a
# lost customer) with "loss of recurring value" (a downgrade: revenue churn, not
# customer churn). A customer who drops an add-on or changes plan is still a customer
# — that is **contraction**. The catalogue's rule: a customer with several
# subscriptions churns only when the last one ends. Counting ended subscription lines
# instead of customers, over the last twelve months:

# %%
subs = company.subscriptions
end_month = subs["end"].dt.to_period("M")
ended = subs[end_month.isin(last12)]
main_product = subs["product"].mode().iloc[0]  # the product most lines are for
paying_months = company.mrr.groupby(["customer_id", "month"])["mrr"].sum().gt(0)
paying_months = paying_months[paying_months].index
# a line ended, but the customer still pays at the close of that month
kept = pd.MultiIndex.from_arrays([ended["customer_id"], end_month[ended.index]]).isin(
    paying_months
)
lost_customers = int(results["start"]["churned"].sum())
pd.Series(
    {
        "subscription lines that ended": len(ended),
        "… while the customer kept paying (plan change, add-on dropped)": int(kept.sum()),
        "… of which lines of another product than the main one": int(
            (ended["product"][kept] != main_product).sum()),
        "customers who churned (cskit)": lost_customers,
    },
    name="last 12 months",
)
print(f"Counting ended lines would report {len(ended) / max(lost_customers, 1):.1f}× "
      "the customers who really churned.")

# %% [markdown]
# Counting lines overstates churn: a plan change ends one line
# and starts another the same day, and a customer with the core product and the add-on
# ends two lines when it leaves.
#
# Finally, "monthly or yearly, it does not matter" is wrong too: a yearly rate is not
# twelve monthly rates added up (see *Common mistakes*).
#
# The KPI-setting article's 해약률 (cancelled ÷ all customers) has the same ambiguity
# as trap 1; the 6-metrics article (lost in the period ÷ customers at its start) is the
# definition cskit uses by default.
#
# ## The same monthly churn by hand, in plain pandas
#
# No cskit: the set of customers paying in each month, then for each month the
# customers at its start (paying the month before) that are no longer paying at its
# end.

# %%
per_customer = company.mrr.groupby(["customer_id", "month"], as_index=False)["mrr"].sum()
paying = per_customer[per_customer["mrr"] > 0]
customers_in = paying.groupby("month")["customer_id"].agg(set)

rows = []
for m in last12:  # twelve months: a loop over months, not over customers
    at_start = customers_in.get(m - 1, set())
    at_end = customers_in.get(m, set())
    churned = at_start - at_end
    new = at_end - at_start
    rows.append(
        {"period": m, "start": len(at_start), "new": len(new), "end": len(at_end),
         "churned": len(churned)}
    )
manual = pd.DataFrame(rows).set_index("period")
manual["start"] = manual["start"].astype("int64")
manual["÷ start"] = manual["churned"] / manual["start"]
manual["÷ average"] = manual["churned"] / ((manual["start"] + manual["end"]) / 2)
manual["÷ start+new"] = manual["churned"] / (manual["start"] + manual["new"])

for d, column in [("start", "÷ start"), ("average", "÷ average"),
                  ("start_plus_new", "÷ start+new")]:
    assert np.allclose(manual[column], results[d]["churn"], rtol=0, atol=1e-12), d
assert (manual["churned"] == results["start"]["churned"]).all()
manual.tail(3).round(4)

# %% [markdown]
# All three denominators agree with cskit to the last digit, for every month.
#
# ## The plot

# %%
from cskit.plotting import churn_by_denominator

ax = churn_by_denominator(results)

# %% [markdown]
# Where the three lines move together, the **trend** does not depend on the
# denominator; the **level** always does. Pick one, write it next to the number, and keep it.
#
# ## Logo churn vs revenue churn
#
# Logo churn counts customers; **revenue churn** weighs them by what they pay,
# as a share of the MRR at the start of the month:
#
# * gross = (churned MRR + contraction) ÷ start MRR — never below 0;
# * net = (churned MRR + contraction − expansion − reactivation) ÷ start MRR — negative
#   when the customers you keep grow faster than you lose revenue (that is good).

# %%
gross = company.mrr.cs.revenue_churn(kind="gross").loc[last12]
net = company.mrr.cs.revenue_churn(kind="net").loc[last12]
compare = pd.DataFrame(
    {
        "logo %": results["start"]["churn"] * 100,
        "gross revenue %": gross["revenue_churn"] * 100,
        "net revenue %": net["revenue_churn"] * 100,
        "churned MRR per lost customer": gross["churn"] / results["start"]["churned"],
    }
)
compare.round(2)

# %% [markdown]
# They answer different questions. Logo churn: *how many relationships did we lose?*
# (what CSMs feel, and what LTV per customer needs). Revenue churn: *how much of the
# money did we lose?* (what finance feels). They can disagree — a month where few
# customers left, but large ones (see the last column):

# %%
low_logo, high_gross = compare["logo %"].idxmin(), compare["gross revenue %"].idxmax()
print(f"Lowest logo churn: {low_logo}; highest gross revenue churn: {high_gross}.")
print("Report both: the two rankings of months "
      + ("coincide here." if low_logo == high_gross else "differ here."))

# %% [markdown]
# Report both.
#
# ## Common mistakes
#
# 1. **No denominator stated.** "Churn is 2.2 %" means nothing until you say ÷ what.
# 2. **Dividing by everyone in the period** (trap 1): churn falls as sales grow.
# 3. **Counting lines or products instead of customers** (trap 3): plan changes and
#    dropped add-ons are contraction, not churn.
# 4. **A returning customer counted as new.** It is a reactivation; counting it as new
#    inflates acquisition and hides that it had churned.
# 5. **Annualising by multiplying by 12.** Churn compounds:
#    annual = 1 − (1 − monthly)¹², as computed below.
# 6. **Ignoring when churn is recognised.** An annual customer who cancels in month 3 can
#    be counted at the cancellation or when the paid year ends
#    (`subscriptions.cs.to_mrr(recognise_churn=...)`, notebook 01); the rate moves in time.
# 7. **Reading noise.** A segment with 40 customers moves 2.5 points per lost customer.

# %%
monthly = results["start"]["churn"].mean()
print(f"mean monthly churn over the last {len(last12)} months: {monthly:.2%}")
print(f"× 12:                   {12 * monthly:.1%}  (too high)")
print(f"1 − (1 − monthly)**12:  {1 - (1 - monthly) ** 12:.1%}")

# %% [markdown]
# ## Why your dashboard shows a different number
#
# ChartMogul, Baremetrics and Stripe compute churn from the same events with different
# conventions (`docs/conventions.md` lists each one with its source). cskit keeps its
# own default and reproduces each vendor with `convention=`:
#
# * **ChartMogul**: lost ÷ customers at the start — cskit's default.
# * **Baremetrics**: the same denominator, but a customer who signs up *and* cancels
#   inside the window counts as churned.
# * **Stripe**: lost ÷ (customers at the start + new customers), join-and-cancel
#   included, over the last 30 days.
#
# Month-end MRR cannot see a customer who joins and cancels within a month, so for
# Baremetrics and Stripe count from the subscription lines (`subscriptions.cs.churn`),
# here over calendar months and over Stripe's trailing 30 days.

# %%
from IPython.display import display

recent = pd.period_range(month - 5, month, freq="M")
vendors = ["chartmogul", "baremetrics", "stripe"]
from_lines = {"cskit": company.subscriptions.cs.churn(as_of=month.end_time)}
from_lines |= {v: company.subscriptions.cs.churn(as_of=month.end_time, convention=v)
               for v in vendors}
by_vendor = pd.DataFrame({name: table["churn"] for name, table in from_lines.items()})
print("monthly churn rate from subscription lines, %:")
display((by_vendor.loc[recent] * 100).round(2))
last_30 = {v: company.subscriptions.cs.churn(period="30D", as_of=month.end_time,
                                             convention=v).iloc[-1]
           for v in vendors}
last_30["cskit"] = company.subscriptions.cs.churn(period="30D", as_of=month.end_time).iloc[-1]
pd.DataFrame(last_30).T[["start_customers", "new_customers", "churned",
                         "churned_after_joining", "denominator", "churn"]]

# %% [markdown]
# Read the gap by its parts: the Stripe rate is lower whenever many customers join
# (its denominator adds them), and the Baremetrics and Stripe rates rise above cskit's
# by `churned_after_joining` — customers who joined and left inside the window. When
# that column is 0, nobody did, and only the denominator differs. The month-end
# `company.mrr.cs.churn()` used above agrees with the `cskit` column: both leave a
# join-and-cancel out.

# %% [markdown]
# ## Read it, act on it
#
# Is this number good? Published ranges (each with its source, year and caveats —
# compare like with like: segment, contract size and how the source defines the
# KPI), what moves the number, and the first three things a CSM does when it moves.

# %%
cskit.guide.read_it('churn')

# %% [markdown]
# ## Exercises
#
# Write your answer in place of `None` and run the cell; rates as fractions
# (0.05 = 5 %). A wrong answer gets a hint, a right one the explanation. The checker
# computes each answer from the data this notebook reads (`data=company`); no cell
# shows it.

# %% [markdown]
# **1.** In the small example, what is February's churn rate over the customers at the
# start? (Careful with e.)

# %%
answer_1 = None
cskit.training.check("02-1", answer_1, data=company)

# %% [markdown]
# **2.** On this data, the churn rate of the last whole quarter ending on or before the
# report month, counting customers who joined and left inside it, over the denominator
# where those customers belong. Four decimals.

# %%
answer_2 = None
cskit.training.check("02-2", answer_2, data=company)

# %% [markdown]
# **3.** A company grows every month. Which denominator gives the highest churn rate:
# "start", "average" or "start_plus_new"?

# %%
answer_3 = None
cskit.training.check("02-3", answer_3, data=company)

# %% [markdown]
# **4.** Monthly churn is a steady 2 %. What share of the customers is lost in a year? (A
# fraction.)

# %%
answer_4 = None
cskit.training.check("02-4", answer_4, data=company)
