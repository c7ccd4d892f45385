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
# # Customer effort score (CES)
#
# **CES** asks how easy something was — *"The company made it easy to handle my
# issue"*, from 1 (strongly disagree) to 7 (strongly agree) — after onboarding, a support
# ticket or a self-service task (고객 노력 점수 in Korean, カスタマーエフォートスコア in
# Japanese, 客戶費力度 in Chinese).
#
# The source article's form: **CES = positive answers ÷ all answers**, positive meaning
# 5, 6 or 7 on the 7-point agreement scale. Many tools report the **mean score** instead.
# Both are offered, labelled, and never mixed.

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
company = open_company(data_dir, needs=('surveys',), survey='ces')
month = notebook_month(company, month)

# %% [markdown]
# ## Why it matters
#
# CES asks about one task — getting set up, getting an answer from support — so it
# points at a process a team can fix. The CEB (now Gartner) research that introduced it
# (Dixon, Freeman and Toman, *Harvard Business Review*, 2010) found effort a better
# predictor of repurchase than satisfaction: customers who had to fight to get something
# done leave even when they end up "satisfied". Onboarding leads read the onboarding
# CES, support leads the support CES; each decides which step of *their* process to
# simplify. That only works when each team sees the answers about its own touchpoint.
#
# ## The formula and the switches
#
# $$\text{CES}_{\text{agree share}} = \frac{\#\{\text{answers } 5\text{–}7\}}{n}
# \qquad \text{CES}_{\text{mean}} = \frac{\sum \text{answers}}{n}$$
#
# | option | default | meaning |
# |---|---|---|
# | `stat=` | `"agree_share"` | or `"mean"` — not comparable with each other |
# | `scale=` / `agree=` | `(1, 7)` / `(5, 7)` | the scale and the "easy" band |
# | `inverted=` | `False` | `True` when **1 = very easy** (some tools ask "how much effort did it take?") |
#
# With `inverted=True` each answer *x* becomes 1 + 7 − *x* first, so that in every
# result higher means easier and the band 5–7 still means easy.
#
# ## A small example by hand
#
# Five answers 7, 6, 5, 4, 3 on the agreement scale: three are in 5–7, so the agree
# share is 3 ÷ 5 = 0.6; the mean is 25 ÷ 5 = 5.0. Two different numbers of one survey,
# which is why each is labelled:

# %%
five = pd.DataFrame({"score": [7, 6, 5, 4, 3]})
assert five.cs.ces(small_n=0, period=None) == 3 / 5
assert five.cs.ces(stat="mean", small_n=0, period=None) == 25 / 5
print(f"agree share {3 / 5:.2f}, mean score {25 / 5:.1f} (by hand and by cskit)")

# %% [markdown]
# Reading an inverted survey (1 = very easy) without the switch turns your best month
# into your worst:

# %%
effort = pd.DataFrame({"score": [1, 1, 2, 2, 3, 6, 7]})  # a "1 = very easy" survey
pd.Series({
    "read as agreement (wrong)": effort.cs.ces(small_n=0, period=None),
    "inverted=True (right)": effort.cs.ces(inverted=True, small_n=0, period=None),
}).round(3)

# %% [markdown]
# ## Where the source articles go wrong
#
# The 16-KPI article defines **CES = positive answers ÷ all answers** without saying on
# which scale or which answers are positive (cskit: 5–7 of the 7-point agreement scale,
# and the mean as a labelled alternative); it does not mention scales asked the other
# way round (1 = very easy). And it lists very different tasks — setting up the product,
# signing up, getting support, buying or returning — under one score, which invites
# pooling them. **What it gets right**: CES is about one task, and it is best read next
# to NPS rather than alone.
#
# ## One CES per touchpoint — if the data says which
#
# Onboarding CES and support CES answer different questions; pooled, a better onboarding
# can hide a worse support queue. Splitting needs a column that says which touchpoint
# asked. Does this surveys table have one?

# %%
from IPython.display import display

surveys = company.surveys[company.surveys["submitted_at"].dt.to_period("M") <= month]
ces_answers = surveys[surveys["survey"] == "ces"]
candidates = ("touchpoint", "trigger", "context", "source", "channel")
touchpoint = next((c for c in candidates if c in surveys.columns), None)
print(f"Columns of the surveys table: {', '.join(surveys.columns)}.")
if touchpoint is None:
    print(f"None says which touchpoint asked: every CES below pools all "
          f"{len(ces_answers):,} CES answers, whatever the task. Add a touchpoint "
          "column to the survey export to split them.")
else:
    print(f"{touchpoint!r} says which touchpoint asked: CES per touchpoint.")
    display(surveys.cs.ces(by=touchpoint, period=None).round(3))

# %% [markdown]
# When such a column exists, `by=` gives one CES per touchpoint, each with its own
# interval. On a small frame with a `touchpoint` column (six answers by hand: onboarding
# 7, 6, 6 → 3 of 3 easy; support 6, 3, 2 → 1 of 3):

# %%
demo = pd.DataFrame({"touchpoint": ["onboarding"] * 3 + ["support"] * 3,
                     "score": [7, 6, 6, 6, 3, 2]})
split = demo.cs.ces(by="touchpoint", small_n=0, period=None)
assert list(split["ces"]) == [3 / 3, 1 / 3]
print(f"pooled: {demo.cs.ces(small_n=0, period=None):.2f} — onboarding {split['ces'].iloc[0]:.2f}, "
      f"support {split['ces'].iloc[1]:.2f}")
split.round(3)

# %% [markdown]
# ## CES of this data
#
# CES is often asked after onboarding and after some tickets only, so a month can have
# few answers (the count per month is printed below); a quarter pools more of them.
# Quarterly:

# %%
per_month = surveys.cs.ces(period="M")["n"]
print(f"CES answers per month in this data: median {per_month.median():.0f}, "
      f"{int((per_month < 30).sum())} of {len(per_month)} months under 30.")
quarterly = surveys.cs.ces(period="Q")
if touchpoint is None:
    print("All touchpoints pooled (the data does not say which asked).")
quarterly.tail(6).round(3)

# %% [markdown]
# ## The same number by hand

# %%
ces_rows = surveys[surveys["survey"] == "ces"]
quarter = ces_rows["submitted_at"].dt.to_period("Q")
easy_share = ces_rows["score"].between(5, 7).groupby(quarter).mean()
mean_score = ces_rows["score"].groupby(quarter).mean()
assert np.allclose(quarterly["ces"], easy_share)
assert np.allclose(surveys.cs.ces(period="Q", stat="mean")["ces"], mean_score)
last = quarterly.index[-1]
partial = last.asfreq("M", "end") > month
print(f"{last}: {easy_share[last]:.1%} found it easy (5-7); mean score {mean_score[last]:.2f}"
      + (f" (a quarter in progress: answers up to {month})" if partial else ""))

# %% [markdown]
# ## The trend, with its interval

# %%
from cskit.plotting import survey_trend

ax = survey_trend(quarterly)
plt.show()

# %% [markdown]
# ## Change from the previous quarter

# %%
change = surveys.cs.compare(quarterly.index[-2], quarterly.index[-1], kpi="ces", period="Q")
if quarterly.index[-1].asfreq("M", "end") > month:
    print(f"{quarterly.index[-1]} is still in progress (answers up to {month}): "
          "its interval is wider than a whole quarter's.")
change[["n_a", "n_b", "value_a", "value_b", "change", "change_low", "change_high",
        "p_value", "significant", "small_sample"]].round(3)

# %% [markdown]
# ## Common mistakes
#
# * **An inverted scale read as agreement** (1 = very easy): use `inverted=True`.
# * **Comparing the agree share with a mean**, or with another tool's 1–5 CES.
# * **Pooling onboarding and support CES** when they answer different questions: keep
#   them apart with `by=` on a column that says which touchpoint asked — and when the
#   data has none, say that the figure is pooled.
# * **Small samples**: CES is asked less often than CSAT; look at `small_sample` and the
#   interval before acting on a move.

# %% [markdown]
# ## Read it, act on it
#
# Is this number good? Published ranges (each with its source, year and caveats —
# compare like with like: segment, contract size and how the source defines the
# KPI), what moves the number, and the first three things a CSM does when it moves.

# %%
cskit.guide.read_it('ces')

# %% [markdown]
# ## Exercises
#
# Write your answer in place of `None` and run the cell: `cskit.training.check` says whether it is right on the data this notebook reads (`data=company`). A hint comes after a wrong answer, the explanation after a right one. Rates are fractions (5 % = 0.05); a choice is a letter.

# %% [markdown]
# **1.** Answers 7, 5, 5, 4, 2, 1 on the usual 1–7 agreement scale: what is the agree share?

# %%
answer_1 = None
cskit.training.check('13-1', answer_1, data=company)

# %% [markdown]
# **2.** On a survey where 1 means very easy, someone answers 3. What is the answer after inverted=True?

# %%
answer_2 = None
cskit.training.check('13-2', answer_2, data=company)

# %% [markdown]
# **3.** The surveys table has no column saying which touchpoint asked (onboarding or support). What do you report? a) one CES for onboarding and one for support, guessed from the dates; b) one pooled CES, labelled as pooled, and ask for a touchpoint column; c) no CES at all.

# %%
answer_3 = None
cskit.training.check('13-3', answer_3, data=company)
