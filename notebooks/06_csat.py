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
# # Customer satisfaction (CSAT)
#
# **CSAT** asks right after an interaction — a resolved ticket, an onboarding call —
# *"How satisfied were you?"*, usually on a 1–5 scale from *very dissatisfied* to *very
# satisfied* (고객 만족도 in Korean, 顧客満足度 in Japanese, 客戶滿意度 in Chinese).
#
# The source articles define it as **satisfied answers (4 or 5) ÷ all answers × 100** —
# the *top-2-box* share. cskit returns it as a fraction (0.80 = 80 %) with a confidence
# interval, offers the mean score as an alternative, and lets you set the scale and the
# satisfied band for 1–7 or 1–10 surveys.

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
company = open_company(data_dir, needs=('surveys',))
month = notebook_month(company, month)

# %% [markdown]
# ## Why it matters
#
# Where NPS measures the relationship, CSAT measures a **moment** — the ticket just
# solved, the onboarding call just held. Support leads read it weekly, per team and
# channel; CSMs read the answers of their accounts. Because it is asked right after the
# interaction, it moves soon after the interaction changes (a slower queue, a broken
# release, a new onboarding script), which makes it a good short-term KPI: the one that
# tells whether last month's change to a support process helped. It does not say whether
# a customer will renew; read it next to NPS and churn for that.
#
# ## The formula
#
# $$\text{CSAT} = \frac{\text{answers in the satisfied band (default 4–5)}}
# {\text{all answers}}$$
#
# | option | default | meaning |
# |---|---|---|
# | `scale=` | `(1, 5)` | lowest and highest possible answer; anything outside is bad input |
# | `satisfied=` | `(4, 5)` | the band counted as satisfied (e.g. `(6, 7)` on a 1–7 scale) |
# | `method=` | `"top_box"` | or `"mean"`: the mean score — a different number, not comparable |
#
# **Interval.** A share from *n* answers gets a **Wilson score interval**: unlike the
# textbook p ± 1.96·√(p(1−p)/n) it never leaves 0–100 % and keeps its 95 % promise for
# small *n* and for shares near 100 %. The mean gets a *t* interval,
# mean ± t(n−1)·s/√n. Months with fewer than 30 answers are flagged `small_sample`.

# %% [markdown]
# ## A small example by hand
#
# 10 answers 5, 5, 5, 4, 4, 4, 4, 4, 3, 1 → 8 satisfied → CSAT 0.80. The Wilson interval
# by its formula, with z = 1.96: centre (p + z²/2n) ÷ (1 + z²/n), half-width
# z ÷ (1 + z²/n) × √(p(1−p)/n + z²/4n²) — about 0.49 to 0.94. Ten answers say little.

# %%
ten = pd.DataFrame({"score": [5, 5, 5, 4, 4, 4, 4, 4, 3, 1]})
p_hat, n_ten, z = 8 / 10, 10, 1.959963984540054
centre = (p_hat + z**2 / (2 * n_ten)) / (1 + z**2 / n_ten)
half = z / (1 + z**2 / n_ten) * np.sqrt(p_hat * (1 - p_hat) / n_ten + z**2 / (4 * n_ten**2))
from_cskit = ten.assign(all="all").cs.csat(by="all", period=None).iloc[0]
assert ten.cs.csat(small_n=0, period=None) == p_hat
assert np.isclose(from_cskit["ci_low"], centre - half)
assert np.isclose(from_cskit["ci_high"], centre + half)
print(f"CSAT {p_hat:.2f}, 95 % Wilson interval {centre - half:.2f} to {centre + half:.2f} "
      "(by hand and by cskit)")

# %% [markdown]
# ## Where the source articles go wrong
#
# The 16-KPI article's definition is right: on a 1–5 scale, answers 4 and 5 ÷ all
# respondents × 100. It rightly separates CSAT (satisfaction with one interaction,
# short term) from NPS (loyalty, long term). **What it leaves out**: that CSAT from a
# few answers is uncertain (the interval above); how to read other scales (1–7, 1–10:
# the satisfied band must be said); that a mean score is a different number from the
# top-2-box share; and that only customers who were asked — usually after a *resolved*
# ticket — can answer, so CSAT says nothing about tickets still open.

# %% [markdown]
# ## CSAT of this data
#
# Monthly CSAT with its interval:

# %%
surveys = company.surveys[company.surveys["submitted_at"].dt.to_period("M") <= month]
monthly = surveys.cs.csat(period="M")
n_csat = (surveys["survey"] == "csat").sum()
if company.tickets is not None:
    resolved = company.tickets["resolved_at"].notna().sum()
    print(f"In this data: {n_csat:,} CSAT answers for {resolved:,} resolved tickets "
          f"({n_csat / max(resolved, 1):.0%}).")
monthly.tail(6).round(3)

# %% [markdown]
# ## The same number by hand
#
# Plain pandas: keep the CSAT answers, flag 4 and 5, take the mean of the flag per month;
# the Wilson interval from its formula.

# %%
csat_rows = surveys[surveys["survey"] == "csat"]
flag = (csat_rows["score"] >= 4).groupby(csat_rows["submitted_at"].dt.to_period("M"))
k, n = flag.sum(), flag.size()
share = k / n
z = 1.959963984540054  # the 97.5 % point of the normal distribution
centre = (share + z**2 / (2 * n)) / (1 + z**2 / n)
half = z / (1 + z**2 / n) * np.sqrt(share * (1 - share) / n + z**2 / (4 * n**2))

assert np.allclose(monthly["csat"], share)
assert np.allclose(monthly["ci_low"], centre - half)
assert np.allclose(monthly["ci_high"], centre + half)
print(f"{month}: CSAT {share[month]:.1%} ({k[month]} of {n[month]}), "
      f"95 % interval {centre[month] - half[month]:.1%} to {centre[month] + half[month]:.1%}")

# %% [markdown]
# ## The trend

# %%
from cskit.plotting import survey_trend

ax = survey_trend(monthly)
plt.show()
low = monthly["csat"].idxmin()
print(f"Lowest month in this data: {low} ({monthly.loc[low, 'csat']:.1%}, "
      f"{int(monthly.loc[low, 'n'])} answers); months under 30 answers: "
      f"{int(monthly['small_sample'].sum())}.")

# %% [markdown]
# When CSAT sinks for several months, look for a cause — slower first responses (see
# the response-time notebook), a release, a staffing gap: that is what CSAT is meant to
# reveal. Hollow dots are small samples.
#
# ## Top box or mean?
#
# The mean uses every step of the scale (a move from 1 to 3 shows), the top-box share
# only the line between 3 and 4. Report one, say which, and never compare one with the
# other. Both for the last months:

# %%
means = surveys.cs.csat(period="M", stat="mean")
pd.DataFrame({"top-2-box": monthly["csat"], "mean score (1-5)": means["csat"],
              "mean: 95 % low": means["ci_low"], "mean: 95 % high": means["ci_high"]}
             ).tail(4).round(3)

# %% [markdown]
# ## Was the report month's change real?

# %%
change = surveys.cs.compare(month - 1, month, kpi="csat")
change[["n_a", "n_b", "value_a", "value_b", "change", "change_low", "change_high",
        "p_value", "significant"]].round(3)

# %% [markdown]
# The interval of a difference of two shares is Newcombe's, built from the two Wilson
# intervals; the p-value comes from the two-proportion z test. A monthly report should mark
# the change only when `significant` is True.
#
# ## Common mistakes
#
# * **Mixing scales**: a 1–7 survey read with the 1–5 band counts 4 and 5 as satisfied and
#   6, 7 as outside the scale. cskit rejects answers outside `scale` instead of guessing.
# * **Comparing top-box with mean**, or one team's top-2-box with another's top-1-box.
# * **Averaging monthly CSAT** for a quarter instead of pooling the quarter's answers.
# * **Surveying only happy paths**: CSAT after resolved tickets says nothing about the
#   tickets still open; read it next to response times and FCR.
# * **Ignoring n**: a team with 6 answers at 100 % is not better than one with 300 at 85 %.

# %% [markdown]
# ## Read it, act on it
#
# Is this number good? Published ranges (each with its source, year and caveats —
# compare like with like: segment, contract size and how the source defines the
# KPI), what moves the number, and the first three things a CSM does when it moves.

# %%
cskit.guide.read_it('csat')

# %% [markdown]
# ## Exercises
#
# Write your answer in place of `None` and run the cell: `cskit.training.check` says whether it is right on the data this notebook reads (`data=company`). A hint comes after a wrong answer, the explanation after a right one. Rates are fractions (5 % = 0.05); a choice is a letter.

# %% [markdown]
# **1.** A 1–7 survey with answers 7, 7, 6, 6, 6, 6, 6, 5, 3, 1 and the satisfied band 6–7. What is the CSAT, as a fraction?

# %%
answer_1 = None
cskit.training.check('06-1', answer_1, data=company)

# %% [markdown]
# **2.** 0 of 5 answers are satisfied. What is the upper end of the 95 % Wilson interval?

# %%
answer_2 = None
cskit.training.check('06-2', answer_2, data=company)

# %% [markdown]
# **3.** What is the CSAT of the last complete quarter of this data (all its answers pooled), as a fraction?

# %%
answer_3 = None
cskit.training.check('06-3', answer_3, data=company)

# %% [markdown]
# **4.** Team A: 6 answers, all satisfied (100 %). Team B: 300 answers, 85 % satisfied. Which is right? a) A is better; b) B is better; c) the data cannot tell them apart.

# %%
answer_4 = None
cskit.training.check('06-4', answer_4, data=company)
