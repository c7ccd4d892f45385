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
# # Repeat (continuation) rate
#
# The KPI-setting article defines the **repeat rate** — 리피트율 (재구매율) in Korean,
# リピート率 in Japanese, 回購率 in Chinese — as *the share of new customers who use or
# buy the product again at least once*. (The article's translations call it 계속률 and
# 継続率; in Japanese SaaS practice 継続率 means something else, retention = 1 − churn:
# see "Where the source articles go wrong" below.)
#
# ## Why it matters
#
# Continuity supports revenue in any business model. Whether new customers come back
# is the first evidence that the product delivers what they hoped: onboarding and CS
# teams watch it per signup cohort and act on the cohorts that do not come back, long
# before those customers would show up in churn.
#
# cskit computes it from any log of purchases or uses (one row per customer and date):
# an order log, product events, or the `mrr` frame, where a "purchase" is a paying
# month. A second form, the **returning-customer rate**, answers a different question:
# of the customers who bought in a month, how many are not first-timers?

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
company = open_company(data_dir, needs=('mrr', 'events'))
month = notebook_month(company, month)

# %% [markdown]
# ## The formulas
#
# $$\text{repeat rate} = \frac{\text{new customers who bought again within } W
# \text{ of their first purchase}}{\text{new customers whose window } W \text{ is over}}$$
#
# $$\text{returning-customer rate} = \frac{\text{customers who ordered in the period
# and have more than one order}}{\text{customers who ordered in the period}}$$
#
# "Again" needs a time limit: without one, old cohorts have had years to come back and
# new ones days, and the KPI falls every time customers are signed. So the repeat rate
# has a **window** *W* after the first purchase, and a customer whose window is not
# over yet is not judged.
#
# | switch | default | what it does |
# |---|---|---|
# | `window` | 90 days (3 months) | how soon the second purchase must follow the first (inclusive) |
# | `unit` | `"M"` for a monthly `Period` column, else `"D"` | days or months |
# | `period` | `None` | cohorts by the period of the first purchase |
# | `by` | `None` | segment of the first purchase |
# | `same_day` | `"merge"` | several rows on one day (month) are one occasion; `"count"` counts each |
# | `incomplete` | `"exclude"` | leave out customers whose window is not over; `"include"` counts them as non-repeaters |
# | `as_of` | latest date | end of the data; later purchases are ignored |
# | `amount` | `None` | rows with amount 0 are not purchases (`amount="mrr"` on an `mrr` frame) |
# | `history` | `"to_date"` | returning rate: orders up to the period's end, or `"in_period"`, or `"ever"` |
#
# ## A small example by hand
#
# | customer | purchases | within 30 days? |
# |---|---|---|
# | a | 1 Jan, 31 Jan | yes: 30 days (inclusive) |
# | b | 5 Jan, 5 Feb | no: 31 days |
# | c | 9 Jan | no |
# | d | 20 Mar | not observable: the data ends on 20 Mar |
# | e | 1 Feb 09:00, 1 Feb 17:30 | no: one visit (same day) |
# | f | 10 Feb, 1 Mar | yes: 19 days |
#
# Repeat rate (30 days) = {a, f} ÷ {a, b, c, e, f} = 2 ÷ 5 = **40 %**. Counting d as a
# non-repeater gives 2 ÷ 6; counting e's second line as a visit gives 3 ÷ 5.

# %%
toy = pd.DataFrame({
    "customer_id": ["a", "a", "b", "b", "c", "d", "e", "e", "f", "f"],
    "date": pd.to_datetime(["2026-01-01", "2026-01-31", "2026-01-05", "2026-02-05",
                            "2026-01-09", "2026-03-20", "2026-02-01 09:00",
                            "2026-02-01 17:30", "2026-02-10", "2026-03-01"],
                           format="ISO8601"),
})
forms = {
    "default": toy.cs.repeat_rate(window=30, period=None),
    'incomplete="include"': toy.cs.repeat_rate(window=30, incomplete="include", period=None),
    'same_day="count"': toy.cs.repeat_rate(window=30, same_day="count", period=None),
}
assert np.allclose(list(forms.values()), [2 / 5, 2 / 6, 3 / 5])
pd.Series(forms, name="repeat rate").round(4)

# %% [markdown]
# ## This data: do new subscribers pay a second month?
#
# On the `mrr` frame a purchase is a month with MRR (`amount="mrr"` skips months with
# none), and the window counts months. The share of new customers who pay again within
# three months of their first paying month, by quarter of signup:

# %%
paid_again = company.mrr.cs.repeat_rate(date_col="month", amount_col="mrr", window=3, period="Q")
paid_overall = company.mrr.cs.repeat_rate(date_col="month", amount_col="mrr", window=3, period=None)
print(f"In this data {paid_overall:.1%} of the observable new customers pay again "
      "within 3 months.")
paid_again.round(4)

# %% [markdown]
# For subscriptions the rate is usually close to 100 %: billing continues until the
# customer cancels. The last quarter's customers have no rate yet (their three months are not over) and
# the one before is only partly observable.
#
# ### The same number by hand, in plain pandas
#
# Paying months per customer, each customer's first one, any other paying month in
# the three months after it, and only customers whose three months end by the last
# month of the data:

# %%
per_account = company.mrr.groupby(["customer_id", "month"])["mrr"].sum()
paying = per_account[per_account > 0].reset_index()
paying["first"] = paying.groupby("customer_id")["month"].transform("min")
months_after = (paying["month"].dt.year - paying["first"].dt.year) * 12 + (
    paying["month"].dt.month - paying["first"].dt.month)
back = paying.loc[(months_after >= 1) & (months_after <= 3), "customer_id"].unique()

customers = paying.drop_duplicates("customer_id").set_index("customer_id")[["first"]]
last = company.mrr["month"].max()
seen = customers[customers["first"] + 3 <= last]
by_hand = seen.index.isin(back).mean()
overall = company.mrr.cs.repeat_rate(date_col="month", amount_col="mrr", window=3, period=None)
assert abs(by_hand - overall) < 1e-12
print(f"{seen.index.isin(back).sum()} of {len(seen)} observable new customers paid "
      f"again within 3 months: {by_hand:.2%}")

# %% [markdown]
# ### Product use: do new users come back within a week?
#
# The same KPI on the `events` table, per user: a new user is one whose first event is
# in the data; coming back means another active day within seven days.

# %%
use_again = company.events.cs.repeat_rate(customer_col="user_id", date_col="timestamp", window=7,
                                          period="Q")
use_overall = company.events.cs.repeat_rate(customer_col="user_id", date_col="timestamp",
                                            window=7, period=None)
print(f"In this data {use_overall:.1%} of new users come back within a week, against "
      f"{paid_overall:.1%} of new customers who pay again.")
use_again.round(4)

# %% [markdown]
# Coming back to *use* the product is a far more informative number for onboarding
# than paying again, because paying is automatic and using is not.
#
# ## Why the window and the "incomplete" rule matter
#
# Count customers whose window is not over as non-repeaters and the newest cohort
# always looks like a disaster:

# %%
naive = company.mrr.cs.repeat_rate(date_col="month", amount_col="mrr", window=3, period="Q",
                                   incomplete="include")
pd.DataFrame({"excluded (default)": paid_again["repeat_rate"],
              "counted as non-repeaters": naive["repeat_rate"]}).tail(4).round(4)

# %% [markdown]
# ## Real data: the CDNOW purchase log
#
# An online music retailer's customers who first bought in the first quarter of 1997,
# followed until June 1998. The log ships with the `lifetimes` package, which cskit's
# test extra installs (it is no longer maintained, so the notebooks do not require it):
# without it the CDNOW cells say so and do nothing.

# %%
from IPython.display import display

cdnow = cskit.datasets.load_cdnow()
if cdnow is None:
    print("CDNOW section skipped: the log ships with `lifetimes` "
          "(pip install lifetimes, or cskit's test extra).")
else:
    windows = pd.DataFrame({
        w: {"one visit per day (merge)": cdnow.cs.repeat_rate(window=w, period=None),
            "every line (count)": cdnow.cs.repeat_rate(window=w, same_day="count", period=None)}
        for w in (30, 90, 365)
    })
    windows.columns = [f"{w} days" for w in windows.columns]
    merged = windows.loc["one visit per day (merge)"]
    print(f"CDNOW: {cdnow['customer_id'].nunique():,} customers, {len(cdnow):,} order "
          f"lines; {merged['90 days']:.0%} came back within 90 days, "
          f"{merged['365 days']:.0%} within a year; counting every line as a visit "
          f"adds {(windows.iloc[1] - windows.iloc[0]).mean() * 100:.1f} points on "
          "average.")
    display(windows.round(4))

# %% [markdown]
# The log has several lines for some visits (the printed line says how much counting
# them as returns adds). By cohort month, in plain pandas as a check:

# %%
if cdnow is None:
    print("CDNOW section skipped (no lifetimes).")
else:
    cohorts = cdnow.cs.repeat_rate(window=90, period="M")
    days = cdnow[["customer_id", "date"]].drop_duplicates().sort_values(
        ["customer_id", "date"])
    first = days.groupby("customer_id")["date"].transform("min")
    again = days[(days["date"] > first) & (days["date"] <= first + pd.Timedelta(days=90))]
    firsts = days.groupby("customer_id")["date"].min()
    came_back = firsts.index.isin(again["customer_id"])
    manual = pd.Series(came_back, index=firsts.index).groupby(
        firsts.dt.to_period("M")).mean()
    assert np.allclose(manual.to_numpy(), cohorts["repeat_rate"].to_numpy())
    display(cohorts.round(4))

# %% [markdown]
# ## The returning-customer rate
#
# Of the customers who ordered in a quarter, how many had ordered more than once?
# `history` says which orders count: up to the end of the quarter (`"to_date"`,
# default), only inside it (`"in_period"`), or in the whole log (`"ever"`).

# %%
if cdnow is None:
    print("CDNOW section skipped (no lifetimes).")
else:
    returning = cdnow.cs.returning_customer_rate(period="Q")
    for history in ("in_period", "ever"):
        returning[history] = cdnow.cs.returning_customer_rate(
            period="Q", history=history)["returning_customer_rate"]
    later = returning["returning_customer_rate"].iloc[1:]
    print(f"CDNOW, from the second quarter on: returning-customer rate "
          f"{later.min():.0%} to {later.max():.0%}; repeat rate within 90 days "
          f"{cdnow.cs.repeat_rate(window=90, period=None):.0%}.")
    display(returning.round(4))

# %% [markdown]
# The CDNOW log only follows customers acquired in its first quarter, so every later
# buyer has bought before: the returning-customer rate there measures who is in the
# log, not loyalty (compare the two figures printed above). It mixes loyalty with how
# many new customers you sign; the repeat rate, a cohort measure, does not.
#
# ## The plot

# %%
from cskit.plotting import repeat_rate_trend

ax = repeat_rate_trend(use_again);

# %% [markdown]
# ## Common mistakes
#
# 1. **No window.** "Bought again at least once" with no time limit rewards old
#    cohorts; always state the window.
# 2. **Judging customers too early.** A customer whose window is still open is not a
#    non-repeater (see the table above).
# 3. **Counting lines as visits.** Several lines of one order or one day are one
#    occasion (`same_day="merge"`).
# 4. **Calling the returning-customer rate a repeat rate.** It depends on how many new
#    customers bought in the period (the CDNOW lines above).
# 5. **Reading 継続率 in a Japanese SaaS report as a repeat rate** (see below).
#
# ## Where the source articles go wrong
#
# The KPI-setting article calls the repeat rate 계속률 / 継続率 ("continuation rate") and
# introduces the cancellation rate (해약률 / 解約率) as its opposite. In Japanese SaaS
# practice that pairing is right for **継続率**: it normally means retention, the share
# of the customers at the start of a period still customers at its end — **1 − churn**
# (解約率). The confusion is the definition the article attaches to the name: *new
# customers who buy again at least once* is the **repeat purchase rate, リピート率**
# (리피트율 / 재구매율), a cohort measure with a window after the first purchase, which is
# not 1 − churn. Same name, two KPIs; say which one a number is. What the article gets
# right: coming back is evidence that the product delivers, and it deserves a KPI.
# Both on this data, for the last quarter whose repeat window is over:

# %%
quarterly_churn = company.mrr.cs.churn(period="Q")
judged = paid_again["repeat_rate"].dropna().index
q = quarterly_churn.index[(quarterly_churn.index.asfreq("M", how="end") <= month)
                          & quarterly_churn.index.isin(judged)][-1]
print(f"{q}: 継続率 (retention) = 1 − churn rate = "
      f"{1 - quarterly_churn.loc[q, 'churn']:.1%} of the customers at the start; "
      f"リピート率 (repeat rate, 3 months) = {paid_again.loc[q, 'repeat_rate']:.1%} of "
      "the quarter's new customers.")

# %% [markdown]
# ## Read it, act on it
#
# Is this number good? Published ranges (each with its source, year and caveats —
# compare like with like: segment, contract size and how the source defines the
# KPI), what moves the number, and the first three things a CSM does when it moves.

# %%
cskit.guide.read_it('repeat_rate')

# %% [markdown]
# ## Exercises
#
# Replace `None` by your answer and run the cell; `cskit.training.check` says whether it
# is right on the data this notebook reads (a hint after a wrong answer). Rates are
# fractions (5 % = 0.05).
#
# **1.** In the small example, what is the repeat rate with a 20-day window? (Which
# customers are observable when the data ends on 20 March?)

# %%
answer_1 = None
cskit.training.check("20-1", answer_1, data=company)

# %% [markdown]
# **2.** A Japanese SaaS company's board deck reports 継続率 95 % for the year. What is
# it most likely? **a** the share of new customers who bought again within a window;
# **b** 1 − the churn rate of the customers at the start of the year; **c** the share
# of the year's buyers who had bought before. Answer `"a"`, `"b"` or `"c"`.

# %%
answer_2 = None
cskit.training.check("20-2", answer_2, data=company)

# %% [markdown]
# **3.** This data's events, per **account** instead of per user: the share of new
# accounts with another active day within 7 days of the first (compute it with
# `company.events.cs.repeat_rate(..., period=None)`).

# %%
answer_3 = None
cskit.training.check("20-3", answer_3, data=company)
