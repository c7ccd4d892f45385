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
# # Conversion rate: funnels and free-to-paid
#
# A **conversion rate** is the share of people (or accounts) who take the step you want:
# buy, start a paid plan, complete onboarding, use a key feature. The 16-KPI article
# (전환율 / コンバージョン率 / 轉化率) calls it one of the most important CS KPIs, and
# lists free-to-paid conversion (免費到付費轉換) among the onboarding KPIs.
#
# ## Why it matters
#
# Why a CS team owns part of it — the head of CS and the onboarding team use it to
# decide where onboarding effort goes:
#
# * in a product with a free trial, **the trial is onboarding**: whether a trial account
#   logs in, sets up and sees value decides whether it pays;
# * a **funnel** (trial → first login → first report → paid) shows *where* accounts
#   drop out, which is what onboarding work can change;
# * conversion moves revenue immediately, and poorly converted customers churn early.
#
# The number itself is a ratio of two counts. The work is choosing them.

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
company = open_company(data_dir, needs=('accounts', 'events'))
month = notebook_month(company, month)

# %% [markdown]
# ## The formula
#
# The article gives
#
# $$\text{conversion rate} = \frac{\text{conversions}}{\text{visitors}} \times 100 \%
# \quad\text{or}\quad \frac{\text{conversions}}{\text{leads}} \times 100 \%$$
#
# Two formulas, two denominators: the same 30 purchases are 3 % of 1,000 visitors and
# 30 % of 100 leads. Neither is wrong; a conversion rate without its denominator is.
#
# cskit makes the denominator a **stage** of an ordered funnel, `frame.cs.conversion(stages, period=None)`:
#
# * `entities` reaching each stage, `dropped` since the previous one;
# * `step_rate` = stage ÷ previous stage, `overall_rate` = stage ÷ first stage;
# * `ordered="time"` (default): a stage counts only after the previous one;
#   `"reached"`: all earlier stages reached, in any order; `"none"`: each on its own;
# * `within=30`: only steps reached within 30 days of the first stage.
#
# For **trials**, `accounts.cs.trial_conversion()` divides conversions by the trials that
# have **ended** in the period (a trial still running is not a failure yet).
#
# ## A small example by hand: a funnel
#
# | lead | visit | signup | paid |
# |---|---|---|---|
# | a | 1 Jan | 2 Jan | 20 Jan |
# | b | 2 Jan | 5 Jan | — |
# | c | 3 Jan | — | 9 Jan |
# | d | 4 Jan | 4 Jan | 1 Feb |
# | e | 6 Jan | 3 Jan | 7 Jan |
#
# In order: 5 visits; signups after the visit: a, b, d = 3 (e signed up *before* its
# recorded visit); paid after signing up: a, d = 2. Step rates 3/5 = 60 % and 2/3 = 66.7 %;
# overall 2/5 = **40 %**. Ignoring the order (`"reached"`): e counts too, 3/5 = 60 %.
# Counting payments on their own (`"none"`): c also counts, 4/5 = 80 %.

# %%
leads = pd.DataFrame({
    "visit": pd.to_datetime(["2026-01-01", "2026-01-02", "2026-01-03", "2026-01-04",
                             "2026-01-06"]),
    "signup": pd.to_datetime(["2026-01-02", "2026-01-05", None, "2026-01-04",
                              "2026-01-03"]),
    "paid": pd.to_datetime(["2026-01-20", None, "2026-01-09", "2026-02-01",
                            "2026-01-07"]),
}, index=list("abcde"))
stages = ["visit", "signup", "paid"]
funnel = leads.cs.conversion(stages, period=None)
assert funnel["entities"].tolist() == [5, 3, 2]
assert leads.cs.conversion(stages, ordered="reached", period=None)["entities"].tolist() == [5, 4, 3]
assert leads.cs.conversion(stages, ordered="none", period=None)["entities"].tolist() == [5, 4, 4]
funnel

# %% [markdown]
# ## The trial funnel of this data
#
# From the `accounts` table: trial start → first login → paid. Accounts without a trial
# start are not in the funnel, and neither are trials still running at the end of the
# report month (common mistake 3: a trial that has not ended has not failed). Steps
# after the report month's end are not counted either, so the funnel is what was
# known then. Trials last 14 days here (`TRIAL_DAYS`; set your own).

# %%
# The stages this data has: first logins only when the accounts table records them.
trial_stages = [c for c in ("trial_start", "first_login_at", "converted_at")
                if c in company.accounts]
if "first_login_at" not in trial_stages:
    print("No first_login_at column in this data: the funnel is trial → paid.")
TRIAL_DAYS = 14
as_of = month.end_time
acc = company.accounts
started = acc["trial_start"].notna() & (acc["trial_start"] <= as_of)
running = started & (acc["trial_start"] + pd.Timedelta(days=TRIAL_DAYS) > as_of)
finished = acc[started & ~running].copy()
for stage in trial_stages[1:]:  # what happened after the report month is not known yet
    finished[stage] = finished[stage].where(finished[stage] <= as_of)
print(f"{int(running.sum()):,} trials still running at the end of {month} are left out; "
      f"{len(finished):,} trials that had ended are in the funnel.")
funnel = finished.cs.conversion(trial_stages, period=None)
lost = funnel["dropped"].iloc[1:]
print(f"In this data the largest loss is at {lost.idxmax()!r}: "
      f"{int(lost.max()):,} of {int(funnel['entities'].iloc[0]):,} trials; "
      f"{1 - funnel['step_rate'].iloc[1]:.1%} of trials drop at the first step "
      f"({trial_stages[1]!r}).")
funnel.round(4)

# %% [markdown]
# Trials that never log in are an onboarding problem (the invitation email, the
# first-login experience), not a pricing one; trials that log in and do not pay are a
# value or pricing question. The same funnel by segment:

# %%
by_segment = finished.cs.conversion(trial_stages, by="segment", period=None)
by_segment["overall_rate"].unstack("stage")[trial_stages].round(4)

# %% [markdown]
# ### A product funnel from events
#
# With an events table the stages are event names, e.g. the first `login`, then a
# `create_report` after it, then a `share_report` after that — per account. Your events
# have their own names: below, the three most frequent events of this data, most
# frequent first (replace `steps` with the funnel you care about).

# %%
steps = company.events["event"].value_counts().index[:3].tolist()
print("steps:", steps)
product = company.events.cs.conversion(steps, user_col="account_id", period=None)
product.round(4)

# %% [markdown]
# ## Trial-to-paid conversion over time
#
# A trial is counted in the month it **ends** (`trial_days` after it starts, 14 by
# default — set your own trial length) and only once it
# has ended; conversions are counted when they happened by the data's end
# (`as_of`, here the end of the report month).

# %%
all_trials = company.accounts.cs.trial_conversion(as_of=as_of)
last12 = all_trials.index[all_trials.index <= month][-12:]  # up to 12 months of data
trials = all_trials.loc[last12]
trials["within 7 days"] = company.accounts.cs.trial_conversion(
    as_of=as_of, trial_days=7, grace_days=0).reindex(last12)["trial_conversion"]
trials.round(4)

# %% [markdown]
# The last column counts only conversions in the first seven days: for that question the
# trial is seven days long (`trial_days=7`) and a later conversion does not count
# (`grace_days=0`).
#
# ## Where the source articles go wrong: the naive monthly rate
#
# The 16-KPI article gives two denominators (visitors, leads) without saying which to
# use; its formula does not say *when* a conversion is counted either. The article's
# recipe applied to a month — *conversions this month ÷ trials started this
# month* — mixes two groups: this month's conversions come partly from last month's
# trials, and this month's late trials have not had time to convert. Month by month the
# two errors push in opposite directions, so the naive rate wobbles around the right
# one; in a month of fast growth it is too low.

# %%
started = acc.groupby(acc["trial_start"].dt.to_period("M")).size()
converted = acc.groupby(acc["converted_at"].dt.to_period("M")).size()
naive = (converted / started).reindex(last12)
pd.DataFrame({"naive (this month's conversions ÷ this month's trials)": naive,
              "cskit (÷ trials ended)": trials["trial_conversion"],
              "trials started": started.reindex(last12)}).round(4)

# %% [markdown]
# ## The same number by hand, in plain pandas
#
# No cskit: the trials whose 14 days ended in the report month, and how many of those
# accounts converted by its end.

# %%
trial_end = acc["trial_start"] + pd.Timedelta(days=14)
ended = acc[(trial_end.dt.to_period("M") == month) & (trial_end <= as_of)]
won = ended["converted_at"].notna() & (ended["converted_at"] <= as_of)
rate_by_hand = won.sum() / len(ended)
assert abs(rate_by_hand - trials.loc[month, "trial_conversion"]) < 1e-12
assert len(ended) == trials.loc[month, "trials_ended"]
print(f"{month}: {int(won.sum())} of {len(ended)} trials that ended converted: "
      f"{rate_by_hand:.2%}")

# %% [markdown]
# The funnel's first step by hand too — accounts that logged in after their trial
# started:

# %%
first_step = trial_stages[1]  # first login, or payment when logins are not recorded
seen = finished[first_step]
reached = seen.notna() & (seen >= finished["trial_start"])
step = reached.sum() / len(finished)
assert abs(step - funnel.loc[first_step, "step_rate"]) < 1e-12
print(f"{first_step}: {step:.2%} of trials")

# %% [markdown]
# ## The plots

# %%
from cskit.plotting import funnel_bars, rate_trend

ax = funnel_bars(funnel)

# %%
ax = rate_trend(company.accounts.cs.trial_conversion(as_of=as_of), "trial_conversion")

# %% [markdown]
# ## Read it, act on it
#
# Is this number good? Published ranges (each with its source, year and caveats —
# compare like with like: segment, contract size and how the source defines the
# KPI), what moves the number, and the first three things a CSM does when it moves.

# %%
cskit.guide.read_it('conversion')

# %% [markdown]
# ## Common mistakes
#
# 1. **No denominator stated.** The article gives two (visitors, leads); they differ by
#    an order of magnitude. Name the stage you divide by.
# 2. **Conversions this month ÷ trials started this month** (above): numerator and
#    denominator are different people. Count the trials that *ended*, and the
#    conversions *of those trials*.
# 3. **Running trials counted as failures.** A trial started yesterday has not failed.
#    cskit counts a trial only after its end.
# 4. **Steps out of order.** An account that paid without ever logging in did not go
#    through your onboarding funnel; `ordered="time"` leaves it out of the later stages
#    (`"none"` shows how many such accounts there are).
# 5. **No time limit.** "Converted" with no window keeps rising as old trials convert
#    late; compare like with like (`within=`, `grace_days=`).
# 6. **Multiplying by 100 twice.** cskit returns fractions (0.62 = 62 %).
#
# ## Exercises
#
# Write your answer in place of `None` and run the cell; rates as fractions
# (0.05 = 5 %). A wrong answer gets a hint, a right one the explanation. The checker
# computes each answer from the data this notebook reads (`data=company`); no cell
# shows it.

# %% [markdown]
# **1.** 1,000 visitors, 100 of them become leads, 30 of the leads buy. What is the
# conversion rate of leads?

# %%
answer_1 = None
cskit.training.check("07-1", answer_1, data=company)

# %% [markdown]
# **2.** 200 trials started in a month. By today 120 of them have ended and 48 of those
# converted; the other 80 are still running. What is the trial-to-paid conversion rate so
# far?

# %%
answer_2 = None
cskit.training.check("07-2", answer_2, data=company)

# %% [markdown]
# **3.** 1,000 trials: 400 never log in; of the 600 who do, 300 pay. Onboarding work gets
# 100 more trials to log in, and they pay like the others who log in. What is the new
# trial-to-paid rate?

# %%
answer_3 = None
cskit.training.check("07-3", answer_3, data=company)
