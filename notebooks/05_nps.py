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
# # Net Promoter Score (NPS)
#
# **NPS** asks one question — *"How likely are you to recommend us to a friend or
# colleague?"* — on a scale from **0 to 10** (순추천지수 in Korean, ネットプロモータースコア
# in Japanese, 淨推薦值 in Chinese). Answers fall in three groups:
#
# | answer | group |
# |---|---|
# | 9–10 | promoters |
# | 7–8 | passives |
# | 0–6 | detractors |
#
# and **NPS = % promoters − % detractors**, a number from −100 to +100.

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
# NPS is the relationship KPI: the CS lead and the executive team read its trend each
# month or quarter, and each CSM reads the answers of their own accounts. It drives two
# decisions: **whom to call** (a detractor's answer, and the comment next to it, is a
# reason to reach out this week) and **where to invest** (segments or touchpoints whose
# NPS sinks). It is cheap to ask and easy to trend. Its value as an early warning rests
# on one claim — detractors leave more often than promoters — which is true in many
# companies but has to be checked on your own data, so it is checked here: each
# account's latest NPS answer, and whether the account stopped paying afterwards.

# %%
from statistics import NormalDist

from IPython.display import display

nps_answers = company.surveys[company.surveys["survey"] == "nps"]
if company.mrr is None or nps_answers.empty:
    print("No mrr table (or no NPS answers) in this data: the link between NPS and "
          "churn cannot be checked here.")
else:
    paying = company.mrr[company.mrr["mrr"] > 0]
    last_paid = paying.groupby("customer_id")["month"].max()
    final = paying["month"].max()
    latest = nps_answers.sort_values("submitted_at").groupby("account_id").tail(1)
    latest = latest[latest["submitted_at"].dt.to_period("M") < final]  # time to churn
    group = pd.cut(latest["score"], [-1, 6, 8, 10],
                   labels=["detractor", "passive", "promoter"]).rename("latest answer")
    # churned: the account's last paying month is before the data's last month
    churned = latest["account_id"].map(last_paid).lt(final)
    link = churned.groupby(group, observed=True).agg(
        accounts="size", churned="sum", share="mean")
    if {"detractor", "promoter"} <= set(link.index):
        d, p = link.loc["detractor"], link.loc["promoter"]
        pooled = (d["churned"] + p["churned"]) / (d["accounts"] + p["accounts"])
        se = np.sqrt(pooled * (1 - pooled) * (1 / d["accounts"] + 1 / p["accounts"]))
        z_stat = (d["share"] - p["share"]) / se if se > 0 else 0.0
        p_value = 2 * (1 - NormalDist().cdf(abs(z_stat)))
        if p_value >= 0.05:
            verdict = "detractors and promoters did not churn at clearly different rates"
        elif d["share"] > p["share"]:
            verdict = "detractors churned more often than promoters"
        else:
            verdict = "promoters churned more often than detractors"
        print(f"In this data {verdict}: {d['share']:.1%} of {int(d['accounts'])} "
              f"detractor accounts and {p['share']:.1%} of {int(p['accounts'])} promoter "
              f"accounts stopped paying after their latest answer "
              f"(two-proportion test, p {'< 0.001' if p_value < 0.001 else f'= {p_value:.3f}'}).")
    display(link.round(3))

# %% [markdown]
# ## The formula, and why a 0 and a 6 count the same
#
# NPS throws away the exact score inside each group: a 0 and a 6 are both one detractor,
# a 9 and a 10 both one promoter, and passives count only in the denominator. The
# question is designed as "would you actively recommend us, or actively warn people?";
# a 6 is not "almost satisfied", it is someone who would not recommend you. Two teams with
# very different average scores can therefore have the same NPS:

# %%
team_a = pd.DataFrame({"score": [0, 0, 9, 9, 7]})   # two angry customers
team_b = pd.DataFrame({"score": [6, 6, 10, 10, 8]})  # two lukewarm ones
pd.DataFrame({
    "mean score": [team_a["score"].mean(), team_b["score"].mean()],
    "NPS": [team_a.cs.nps(period=None), team_b.cs.nps(period=None)],
}, index=["team A", "team B"])

# %% [markdown]
# Both have 2 promoters and 2 detractors out of 5: NPS = 40 % − 40 % = 0, while their mean
# scores are 5.0 and 8.0. If you need the nuance, look at the score distribution next to
# NPS — do not edit the bands.
#
# The **scale is 0–10**. The 16-KPI article says "1 to 10" and then groups 0–6 as
# detractors; that is a slip: with 1–10 the detractor band would start at 1, and
# answers of 0 would be impossible. cskit rejects scores outside 0–10 and scores that are
# not whole numbers (an *average* of scores cannot be put in a group).

# %% [markdown]
# ## A small example by hand
#
# The 6-metrics article's worked example: 60 % promoters and 8 % detractors give 52.
# Fifty answers — 30 promoters (20 tens, 10 nines), 16 passives, 4 detractors — by hand
# and by cskit:

# %%
example = pd.DataFrame({"score": [10] * 20 + [9] * 10 + [8] * 16 + [3, 5, 6, 0]})
by_hand = 100 * (30 / 50 - 4 / 50)  # 60 % − 8 %
assert by_hand == 52 and example.cs.nps(period=None) == by_hand
print(f"NPS by hand {by_hand:.0f}, by cskit {example.cs.nps(period=None):.0f}")

# %% [markdown]
# ## Where the source articles go wrong
#
# * **The scale.** The 16-KPI article asks the question "on a scale from 1 to 10" and then
#   puts 0–6 in the detractors: the scale is **0–10** (with 1–10 nobody could answer 0).
#   Its Korean version also describes the question as asked "on a scale from −100 to
#   100", confusing the range of the *score* with the scale of the *answers*.
# * **The direction of the subtraction.** The Korean version's prose says to subtract
#   the promoter share *from* the detractor share (비추천자 비율에서 추천자 비율을 빼서) —
#   backwards; the formula line under it (% promoters − % detractors) is right.
# * **What they get right**: the three bands (0–6, 7–8, 9–10), the formula, and the
#   6-metrics article's worked example (60 % − 8 % = 52, checked above).
# * **What they leave out**: NPS is computed from a *sample* of customers, so it comes
#   with an uncertainty that decides whether a move is news (the next sections), and
#   the number of answers belongs next to it.

# %% [markdown]
# ## How sure are we? The standard error of NPS
#
# Think of each answer as a draw of +1 (promoter), 0 (passive) or −1 (detractor). NPS is the
# mean of those draws (× 100). With shares *p* of promoters and *d* of detractors, the
# variance of one draw is
#
# $$\operatorname{var} = p + d - (p - d)^2, \qquad SE = \sqrt{\operatorname{var}/n}$$
#
# and a 95 % interval is NPS ± 1.96 × SE (the **Wald** interval). The catalogue's figure:
# ½ promoters, ⅓ passives, ⅙ detractors and n = 324 give NPS 33.3 with SE ≈ 4.1 points.

# %%
p, d, n = 1 / 2, 1 / 6, 324
se_by_hand = 100 * np.sqrt((p + d - (p - d) ** 2) / n)
se, low, high = cskit.metrics.nps_interval(162, 54, 324)
assert abs(float(se) - se_by_hand) < 1e-9
print(f"NPS {100 * (p - d):.1f}, SE {se_by_hand:.2f} points, "
      f"95 % interval {float(low):.1f} to {float(high):.1f}")

# %% [markdown]
# An interval of ±8 points from **324** answers: a month-to-month move of 5 points is well
# inside the noise. With 30 answers the interval is about three times wider.
#
# ## NPS of this data, month by month
#
# `surveys.cs.nps(period="M")` gives each month's counts, NPS, standard error and interval.

# %%
surveys = company.surveys[company.surveys["submitted_at"].dt.to_period("M") <= month]
monthly = surveys.cs.nps(period="M")
monthly.tail(6).round(1)

# %% [markdown]
# ## The same numbers by hand
#
# Plain pandas, no cskit: keep the NPS answers, put each score in its group, count per
# month, and apply the formula.

# %%
answers = surveys[surveys["survey"] == "nps"]
by_month = answers.groupby(answers["submitted_at"].dt.to_period("M"))["score"]
share_p = by_month.apply(lambda s: (s >= 9).mean())
share_d = by_month.apply(lambda s: (s <= 6).mean())
n_month = by_month.size()
nps_by_hand = 100 * (share_p - share_d)
se_month = 100 * np.sqrt((share_p + share_d - (share_p - share_d) ** 2) / n_month)

assert np.allclose(monthly["nps"].to_numpy(), nps_by_hand.to_numpy())
assert np.allclose(monthly["se"].to_numpy(), se_month.to_numpy())
from statistics import NormalDist

z = NormalDist().inv_cdf(0.975)  # 1.96: a 95 % interval
assert np.allclose(monthly["ci_low"], (nps_by_hand - z * se_month).clip(-100))
print(f"{month}: NPS {nps_by_hand[month]:.1f} ± {z * se_month[month]:.1f} "
      f"from {n_month[month]} answers — cskit and plain pandas agree.")

# %% [markdown]
# ## Wald against adjusted Wald
#
# The Wald interval misbehaves when *n* is small or when almost everyone is in one
# group: at 10 of 10 promoters its width is zero, as if we were certain. The **adjusted
# Wald** interval adds 3 answers — ¾ of a promoter, ¾ of a detractor and 1½ passives —
# before computing the interval; the NPS reported is still the raw score.

# %%
for method in ("wald", "adjusted_wald"):
    se, low, high = cskit.metrics.nps_interval(10, 0, 10, interval=method)
    print(f"10 promoters of 10, {method:>13}: {float(low):6.1f} to {float(high):6.1f}")

# %% [markdown]
# The two agree closely once a month has more than about 100 answers. On small
# months they differ: the adjusted interval is pulled
# towards 0 and is not always wider — what it improves is how often it contains the true
# NPS (its *coverage*) for small samples and lopsided months.

# %%
adjusted = surveys.cs.nps(period="M", interval="adjusted_wald")
side_by_side = pd.DataFrame({
    "n": monthly["n"],
    "NPS": monthly["nps"],
    "Wald width": monthly["ci_high"] - monthly["ci_low"],
    "adjusted Wald width": adjusted["ci_high"] - adjusted["ci_low"],
})
pd.concat([side_by_side.head(3), side_by_side.tail(3)]).round(1)

# %% [markdown]
# In a notebook cell you would write `surveys.cs.nps(period="M", interval="adjusted_wald")`;
# below about 30 answers prefer it. (`tests/test_interval_coverage.py` checks by
# simulation that both cover the true NPS in 93–97 % of 2,000 samples where they should.)
#
# ## The trend, with its interval

# %%
from cskit.plotting import nps_trend

ax = nps_trend(monthly)
plt.show()
low = monthly["nps"].idxmin()
print(f"In this data: {monthly['n'].iloc[0]:,} answers in {monthly.index[0]}, "
      f"{monthly['n'].iloc[-1]:,} in {monthly.index[-1]}; lowest NPS "
      f"{monthly.loc[low, 'nps']:.1f} in {low}.")

# %% [markdown]
# Two things to look for: the band narrows when a month has more answers (a growing
# company), and a dip that stays outside the band of the months around it is worth
# a cause — support delays, an outage, a price change.
#
# ## Is the report month's change real? `compare()`
#
# The standard error of a *difference* between two independent months is
# √(SE₁² + SE₂²). `surveys.cs.compare(a, b)` returns the change, its interval and a
# p-value, and flags months with fewer than 30 answers.

# %%
change = surveys.cs.compare(month - 1, month, kpi="nps")
change[["n_a", "n_b", "value_a", "value_b", "change", "change_low", "change_high",
        "p_value", "significant", "small_sample"]].round(3)

# %%
row = change.loc["nps"]
verdict = "a real change" if row["significant"] else "within the noise"
print(f"NPS went from {row['value_a']:.1f} to {row['value_b']:.1f} "
      f"({row['change']:+.1f} points, 95 % interval {row['change_low']:+.1f} to "
      f"{row['change_high']:+.1f}, p = {row['p_value']:.2f}): {verdict}.")

# %% [markdown]
# ## Common mistakes
#
# * **Reading a one-month move as news.** Check the interval of the change (or its
#   p-value) first; report only significant changes as changes.
# * **Using a 1–10 scale** (the 16-KPI article's slip) or averaging scores before grouping.
# * **Averaging monthly NPS values** to get a quarter: months with few answers then weigh
#   as much as busy ones. Compute NPS on the quarter's answers (`period="Q"`).
# * **Reporting NPS without n.** "NPS 50" from 8 answers and from 800 answers are
#   different statements.
# * **Comparing segments of very different sizes** without their intervals
#   (`surveys.cs.nps(by="segment", period=None)` after merging `accounts`).

# %% [markdown]
# ## Read it, act on it
#
# Is this number good? Published ranges (each with its source, year and caveats —
# compare like with like: segment, contract size and how the source defines the
# KPI), what moves the number, and the first three things a CSM does when it moves.

# %%
cskit.guide.read_it('nps')

# %% [markdown]
# ## Exercises
#
# Write your answer in place of `None` and run the cell: `cskit.training.check` says whether it is right on the data this notebook reads (`data=company`). A hint comes after a wrong answer, the explanation after a right one. Rates are fractions (5 % = 0.05); a choice is a letter.

# %% [markdown]
# **1.** 100 answers: 45 promoters, 40 passives, 15 detractors. What is the NPS, in points?

# %%
answer_1 = None
cskit.training.check('05-1', answer_1, data=company)

# %% [markdown]
# **2.** And the standard error of that NPS, in points?

# %%
answer_2 = None
cskit.training.check('05-2', answer_2, data=company)

# %% [markdown]
# **3.** What is the NPS of the last complete quarter of this data (all its answers pooled)? Answer to two decimals.

# %%
answer_3 = None
cskit.training.check('05-3', answer_3, data=company)

# %% [markdown]
# **4.** NPS went from 32 to 36; the 95 % interval of the change is −6 to +14 points. What do you report? a) NPS improved by 4 points; b) no significant change, the move is within the noise; c) NPS improved by up to 14 points.

# %%
answer_4 = None
cskit.training.check('05-4', answer_4, data=company)
