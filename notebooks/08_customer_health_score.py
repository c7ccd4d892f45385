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
# # Customer health score — and whether it predicts churn
#
# A **customer health score** (고객 건강 점수 / 헬스 스코어, ヘルススコア, 客戶健康分數)
# scores each account by how likely it is to grow, renew or churn, so a CS team knows
# where to spend its time before it is too late. The 16-KPI article names the usual
# inputs — **frequency** (how often the product is used), **breadth** (how many of the
# account's people use it), **depth** (how many key features are used) — plus
# **growth**; CS platforms add NPS answers, support load and more, combine them as a
# weighted average on 0–100 and colour the result red, yellow or green.
#
# ## Why it matters
#
# A CSM has more accounts than hours: the score decides which accounts get a call this
# week, and the accounts that **moved to red** are the monthly report's action list. A
# CS leader reads the share of red accounts as the health of the whole base and staffs
# renewals and save plays on it. Both decisions are only as good as the score's link
# with churn.
#
# Anyone can build such a score; the hard part is knowing whether it works. The
# KPI-setting article insists that a KPI be **checked regularly against what actually
# happened** and replaced when it does not reflect reality. This notebook builds the
# score and then does exactly that: it checks the score of each month against the
# churn of the months *after* it.

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
company = open_company(data_dir, needs=('mrr', 'accounts', 'events', 'surveys', 'tickets'))
month = notebook_month(company, month)

# %% [markdown]
# ## The formula
#
# Each signal *i* of an account is first turned into a **component score** xᵢ on 0–100
# (`cskit.health.Component`):
#
# * `method="linear"`: a value `low` scores 0, `high` scores 100, straight line between
#   (reversed when fewer is better, e.g. tickets);
# * `method="percentile"`: the account's rank among the accounts of the same month
#   (and segment, with `by=`), 0 = lowest, 100 = highest;
# * `method="grade"`: **good / average / poor** by two thresholds, scored 100 / 60 / 0 by
#   default (the `grades=` points are a parameter).
#
# Then
#
# $$\text{score} = \frac{\sum_i w_i x_i}{\sum_i w_i}$$
#
# over the components the account has (a missing NPS answer is left out, not counted as
# 0, unless `on_invalid=0`), and the **bands**: 0–50 red, 51–75 yellow, 76–100 green by
# default (`band_edges=`; `GRADE_BANDS` labels them poor / average / good).
#
# ## A small example by hand
#
# The catalogue's worked example grades ten metrics: five good (100), three average (60)
# and two poor — scored **40** in that example (the grading convention of CS platforms
# gives poor 0; the points are a choice, so cskit makes them a parameter):
#
# (5 × 100 + 3 × 60 + 2 × 40) ÷ 10 = 760 ÷ 10 = **76** → green (76–100).
#
# With poor = 0 the same grades give 680 ÷ 10 = **68** → yellow. Same account, another
# colour: write the points down with the score.

# %%
from dataclasses import replace

from cskit.health import (
    DEFAULT_COMPONENTS,
    GRADE_BANDS,
    OTHER_COMPONENTS,
    Component,
    backtest,
    bands,
    calibrate,
    health_inputs,
    health_score,
    load_calibration,
    weighted_score,
)

grades = pd.DataFrame([[100.0] * 5 + [60.0] * 3 + [40.0] * 2])
assert weighted_score(grades).iloc[0] == 76.0
poor_zero = grades.replace(40.0, 0.0)
assert weighted_score(poor_zero).iloc[0] == 68.0
scores = pd.Series([76.0, 68.0], index=["poor = 40", "poor = 0"])
pd.DataFrame({"score": scores, "band": bands(scores), "grade": bands(scores, GRADE_BANDS)})

# %% [markdown]
# ## The signals on this data
#
# `health_inputs` builds one row per **paying** account and month with six raw signals,
# each from data up to the end of that month only:
#
# | signal | what |
# |---|---|
# | `frequency` | active days in the month |
# | `breadth` | active users ÷ seats |
# | `depth` | share of the key features used (the events other than the two most frequent) |
# | `mrr_growth` | MRR vs three months earlier |
# | `nps` | mean NPS answer of the last six months |
# | `tickets` | tickets opened in the last three months |

# %%
KEY = company.events["event"].value_counts().index[2:].tolist()
print("key features:", KEY)
inputs = health_inputs(company.events, company.accounts, company.mrr,
                       surveys=company.surveys, tickets=company.tickets,
                       key_features=KEY, end=month)
segment = company.accounts.set_index("account_id")["segment"]
inputs["segment"] = inputs["account_id"].map(segment)
numeric = ["mrr", "mrr_growth", "frequency", "breadth", "depth", "nps", "tickets"]
inputs[inputs["month"] == month].head().round(dict.fromkeys(numeric, 3))

# %% [markdown]
# ## Explore on early months, judge on later ones
#
# Every choice below (which signals, which weights) is made by looking at how the
# signals relate to churn. Judged on the same account-months, any choice looks better
# than it is (mistake 4 at the end). So the months whose three-month outcome is known
# are cut in two, in time: the **explore** months (scored early enough that their
# outcome is known by the cut) are where we look; the **judged** months (scored after
# the cut) are used only once, at the end, for the verdict. The cut is the month by which
# half of those account-months are scored (a growing company has more accounts later).

# %%
from cskit.health import auc, churn_labels

labels = churn_labels(company.mrr, horizon=3)  # only months whose outcome is known
per_month = labels["month"].value_counts().sort_index()
known = list(per_month.index)
# the cut: the month by which half of these account-months are scored
cut = known[int(np.argmax(per_month.cumsum().to_numpy() >= per_month.sum() / 2))]
explore_months = [m for m in known if m + 3 <= cut]  # outcome known by the cut
judged_months = [m for m in known if m > cut]  # scored after everything we looked at


def explore(frame: pd.DataFrame) -> pd.DataFrame:
    return frame[frame["month"].isin(explore_months)]


def judged(frame: pd.DataFrame) -> pd.DataFrame:
    return frame[frame["month"].isin(judged_months)]


print(f"explore: {explore_months[0]}–{explore_months[-1]} "
      f"({len(explore(inputs)):,} account-months, outcomes known by {cut}); "
      f"judged: {judged_months[0]}–{judged_months[-1]} "
      f"({len(judged(inputs)):,} account-months)")

# %% [markdown]
# ## A score that looks plausible
#
# The kind of score a team writes down on day one: every signal in, usage counted
# double, thresholds that sound reasonable (20 active days a month is "daily use",
# 80 % of seats active is "broad").

# %%
from cskit.plotting import band_mix, churn_by_band, component_auc, lift_chart

day_one_parts = [
    Component("frequency", weight=2, low=0, high=20),
    Component("breadth", weight=2, low=0, high=0.8),
    Component("depth", weight=1, low=0, high=1),
    Component("mrr_growth", weight=1, low=-0.3, high=0.3),
    Component("nps", weight=1, method="grade", good=9, average=7),
    Component("tickets", weight=1, low=0, high=6, higher_is_better=False),
]
day_one = health_score(inputs, components=day_one_parts)
fig, ax = plt.subplots(figsize=(8, 3.5))
_ = band_mix(day_one, ax=ax)
mix = day_one["band"].value_counts(normalize=True)
print("In this data the day-one score puts "
      + ", ".join(f"{mix.get(b, 0):.0%} {b}" for b in ("red", "yellow", "green"))
      + " of all account-months.")

# %% [markdown]
# Look at the shares printed above: a band that holds half the base (or one that holds
# almost nobody) tells a CSM nothing — but the real question is whether red accounts
# churn more.
#
# ## The check: does the score predict churn?
#
# `backtest(scores, mrr, horizon=3)` labels every scored account-month *m* with whether
# the account churned (its first month without MRR) in **m+1 … m+3**. The score uses
# nothing after *m* and the label nothing before *m+1*, so no outcome leaks into the
# score. Months whose three-month outcome is not known yet (the last three) are left out.
#
# It reports the **AUC** — the chance that a randomly chosen churner scored *lower* than
# a randomly chosen account that stayed: 0.5 is a coin toss, 1.0 a perfect ranking —
# the churn rate **by band**, each **component alone**, and a **lift table** by decile.
# Here, on the explore months only:

# %%
bt = backtest(explore(day_one), company.mrr, horizon=3)
print(bt, f"– {bt.n:,} account-months, {bt.churned:,} churned within 3 months "
      f"({bt.churn_rate:.1%})")
bt.by_band.round(3)

# %% [markdown]
# The same by hand, in plain pandas: the label from the MRR table (churned ⇔ one of the
# next three months has no MRR) and the AUC by counting pairs.

# %%
paying = company.mrr.groupby(["customer_id", "month"])["mrr"].sum()
paying = set(paying[paying > 0].index)
rows = explore(day_one).copy()
rows["churned"] = [any((a, m + k) not in paying for k in (1, 2, 3))
                   for a, m in zip(rows["account_id"], rows["month"], strict=True)]
assert rows["churned"].sum() == bt.churned and len(rows) == bt.n
churners = rows.loc[rows["churned"], "score"].to_numpy()[:, None]
stayers = rows.loc[~rows["churned"], "score"].to_numpy()[None, :]
pairs = (churners < stayers).sum() + 0.5 * (churners == stayers).sum()
auc_by_hand = pairs / (churners.size * stayers.size)
assert abs(auc_by_hand - bt.auc) < 1e-12
by_band = rows.groupby("band", observed=True)["churned"].mean()
assert np.allclose(by_band.to_numpy(), bt.by_band["churn_rate"].to_numpy())
print(f"AUC by counting {churners.size:,} × {stayers.size:,} pairs: {auc_by_hand:.3f}")

# %% [markdown]
# ## Worse than one of its own parts?
#
# The same check for each component on its own (`bt.components`; `signal` flags a
# component whose AUC alone is below 0.55 as `weak`, or as `reversed` when it is below
# 0.45 — a higher value comes with *more* churn). A composite only earns its place if
# it beats its best part: averaging a signal that predicts with signals that do not
# (AUC near 0.5) or that point the wrong way dilutes it.

# %%
fig, ax = plt.subplots(figsize=(8, 4))
component_auc(bt, ax=ax)
best = bt.components["auc"].idxmax()
flagged = bt.components.loc[bt.components["signal"].isin(["weak", "reversed"]), "signal"]
print(f"explore months: day-one score AUC {bt.auc:.3f}, "
      f"{'below' if bt.auc < bt.components.loc[best, 'auc'] else 'at least'} "
      f"{best} alone ({bt.components.loc[best, 'auc']:.3f}); flagged: "
      + (", ".join(f"{k} ({v})" for k, v in flagged.items()) or "none"))
bt.components[["n", "auc", "signal"]].round(3)

# %% [markdown]
# A signal can point the wrong way company-wide because of the **segment mix**: if
# small accounts churn most and have only a few seats, any login makes their breadth
# high. Within each segment (explore months only) the picture can change:

# %%
raw = explore(inputs).merge(labels, on=["account_id", "month"])
signals = {"frequency": 1, "breadth": 1, "depth": 1, "mrr_growth": 1, "nps": 1,
           "tickets": -1}  # -1: fewer is healthier
within = pd.DataFrame({
    seg: {name: auc(sign * part[name], part["churned"]) for name, sign in signals.items()}
    for seg, part in raw.groupby("segment")
})
within["all accounts"] = [auc(sign * raw[name], raw["churned"])
                          for name, sign in signals.items()]
gain = within.drop(columns="all accounts").mean(axis=1) - within["all accounts"]
print("AUC within segments (mean) minus company-wide: "
      + ", ".join(f"{k} {v:+.2f}" for k, v in gain.items()))
within.round(3)

# %% [markdown]
# ## cskit's default score, and the rule behind it
#
# `DEFAULT_COMPONENTS` keeps three signals every CS team has and that mean the same in
# every company, on absolute scales:
#
# * **active days** (`frequency`, 0 → 10 days a month, weight 2: the one signal measured
#   every month for every account),
# * **NPS** (`nps`, graded by NPS's own cut: promoter ≥ 9 good, passive ≥ 7 average),
# * **support load** (`tickets` in the last three months, 0 → 6, fewer is better).
#
# Breadth (depends on what the seats field counts), depth (needs your list of key
# features) and MRR growth (moves with prices and contract dates) are left out; they
# are in `OTHER_COMPONENTS` to add back once a backtest on your data says they predict.
# It is the score of `health_score(inputs)`, of the monthly report and of the health
# explainer in notebook 00.
#
# ## The verdict, on the judged months
#
# Now, once, the months nobody looked at: does the default score rank churners better
# than the day-one score and than its best single signal?

# %%
scored = health_score(inputs)
bt_default = backtest(judged(scored), company.mrr, horizon=3)
bt_day_one = backtest(judged(day_one), company.mrr, horizon=3)
alone = backtest(judged(inputs.assign(tickets=-inputs["tickets"], score=0.0)),
                 company.mrr, horizon=3, band_col=None,
                 components=list(signals)).components["auc"]
print(f"judged months: default score AUC {bt_default.auc:.3f}, day-one score "
      f"{bt_day_one.auc:.3f}, best single signal ({alone.idxmax()}) {alone.max():.3f}")
share = bt_default.by_band["accounts"] / bt_default.n
bt_default.by_band.assign(share=share).round(3)

# %%
fig, axes = plt.subplots(1, 2, figsize=(11, 4))
churn_by_band(bt_default, ax=axes[0])
lift_chart(bt_default, ax=axes[1])
fig.tight_layout()
rates = bt_default.by_band["churn_rate"]
red_share = (bt_default.by_band["accounts"] / bt_default.n).get("red", np.nan)
print(f"On the judged months the default score's AUC is {bt_default.auc:.2f} "
      f"({'at least' if bt_default.auc >= alone.max() else 'below'} its best single "
      f"part, {alone.max():.2f}); red holds {red_share:.0%} of account-months, and a "
      f"red account churns within three months "
      f"{rates.get('red', np.nan) / rates.get('green', np.nan):.1f}× as often as a "
      "green one.")

# %% [markdown]
# Read the printed lines: a default worth keeping ranks at least as well as its best
# single part on months it was not chosen on, keeps red a minority, and red churns
# several times as often as green. On your data it may not — then calibrate (below).
#
# ## Why a ranked score always has a red share
#
# A tempting fix for thresholds that do not fit is to rank: `method="percentile"`
# scores each account by its rank among the month's accounts. But then **half of every
# component is below 50 by construction**, however healthy the base is — so a fixed
# share lands in red every month, in a great month as in a terrible one. Compare the red
# share month by month:

# %%
ranked_parts = [replace(c, method="percentile") for c in DEFAULT_COMPONENTS]
ranked = health_score(inputs, components=ranked_parts)
red_share = pd.DataFrame({
    "absolute scales": scored.groupby("month")["band"].apply(lambda b: (b == "red").mean()),
    "ranked": ranked.groupby("month")["band"].apply(lambda b: (b == "red").mean()),
})
fig, ax = plt.subplots(figsize=(8, 3.5))
red_share.plot(ax=ax)
ax.set_ylabel("share of accounts in red")
ax.yaxis.set_major_formatter(lambda v, _: f"{v:.0%}")
spread = red_share.max() - red_share.min()
print(f"red share, highest minus lowest month: absolute scales {spread.iloc[0]:.1%}, "
      f"ranked {spread.iloc[1]:.1%}")
red_share.describe().loc[["min", "max"]].round(3)

# %% [markdown]
# A ranked score's red share can only move with ties and with how the components
# combine: it measures the *position* of an account in this month's base, not its
# health. On absolute scales the red share rises and falls with the base, which is what
# a CS leader wants to see. If you do rank (it compares like with like within a
# segment), say so next to the bands — the monthly report does.
#
# ## Calibration: fitted on past months, judged on later ones
#
# Weights and cut-offs tuned on the same months they are judged on always look good.
# `calibrate` splits **time** the same way: the last six months whose outcome is known
# are the *judged* months; the fit (which components count, their weights, the band
# cut-offs) uses only data up to the month before them. Components whose AUC alone on
# the past months is below 0.55 get weight 0; the weights are the split (in tenths)
# whose score ranks past churners lowest; red and yellow hold 20 % and 30 % of the past
# account-months (or use `red_risk=` for a churn-rate level).

# %%
cal = calibrate(inputs, company.mrr, components=DEFAULT_COMPONENTS + OTHER_COMPONENTS,
                by="segment")
print(cal)
print("bands:", cal.band_edges)
cal.fit.round(3)

# %%
dropped = [c.name for c in cal.components if c.weight == 0]
print(f"AUC on the fitted months {cal.auc_fit:.3f}, on the judged months (never fitted "
      f"on) {cal.auc_test:.3f}; weight 0: {', '.join(dropped) or 'none'}")
cal.summary().T

# %% [markdown]
# The evidence a CS leader can trust is the AUC on the judged months and the churn rates
# of the bands there (the lines above), not the fit. A component can predict on its own
# and still get weight 0 when the others already carry what it says, or when most
# accounts lack it (NPS answers are sparse). Save the calibration next to the data
# (`health.json`); the monthly report then scores every month with its weights and bands
# and quotes how it was checked.

# %%
import tempfile
from pathlib import Path

folder = Path(tempfile.mkdtemp())
path = cal.save(folder / "health.json")
again = load_calibration(path)
assert again.components == cal.components and again.band_edges == cal.band_edges
print(path.read_text()[:400], "…")

# %% [markdown]
# ## The report month: accounts that moved to red, and why
#
# What a CSM acts on, exactly as the monthly report lists it
# (`cskit.report.moved_to_red`; one definition, not a second copy here): paying accounts
# whose band fell to red in the report month under the report's score (cskit's default
# score, or the saved calibration when `health.json` is next to the data), the most
# revenue at risk first, with the components that pulled the score down most (each
# component's weighted distance from the median of its segment, in points).

# %%
from cskit import report

report_scores = report.health_scores(company, month)
now_bands = report_scores.loc[report_scores["month"] == month, "band"].value_counts()
print(f"Bands in {month} (cskit's default score): "
      + ", ".join(f"{b} {now_bands.get(b, 0):,}" for b in ("red", "yellow", "green")))
moved = report.moved_to_red(company, month)
print(f"{len(moved)} accounts moved to red in {month} ({moved['mrr'].sum():,.0f} of MRR)")
with_cal = report.moved_to_red(company, month, calibration=cal)
both = len(set(moved["account_id"]) & set(with_cal["account_id"]))
print(f"With the calibration above (calibration=cal) the report would list "
      f"{len(with_cal)} accounts, {both} of them in both lists: a different score, a "
      f"different list — say which score the list comes from.")
columns = [c for c in ("account_id", "segment", "mrr", "previous_score", "score",
                       "change", "reasons") if c in moved.columns]
moved[columns].head(10).round(1).set_index("account_id")

# %% [markdown]
# The same reasons in the other languages (`cskit.set_language`):

# %%
for lang_code in ("ko", "ja", "zh-Hant"):
    cskit.set_language(lang_code)
    print(lang_code, report.moved_to_red(company, month).head(1)["reasons"].iloc[0])
cskit.set_language(lang)

# %% [markdown]
# ## Read it, act on it
#
# Is this number good? Published ranges (each with its source, year and caveats —
# compare like with like: segment, contract size and how the source defines the
# KPI), what moves the number, and the first three things a CSM does when it moves.

# %%
cskit.guide.read_it('health')

# %% [markdown]
# ## Where the source articles fall short
#
# * **Inputs without a method.** The 16-KPI article lists frequency, breadth, depth and
#   growth and stops: no scale, no weights, no bands, no way to tell whether the result
#   means anything. cskit's answer: explicit components, weights and bands, and a
#   backtest.
# * **"Frequency" described as time spent.** The article's frequency ("how much time
#   users spend in the product") is a duration; frequency is how *often* (active days).
#   They are different signals (notebooks 14 and 15).
# * **Growth as an input, untested.** MRR growth can carry no signal at all (check its
#   AUC above); the article's list is a starting point to check, not a recipe.
# * **The translation.** The Korean version calls the score *고객 상태 점수* ("customer
#   status score"); practitioners say 고객 건강 점수 or 헬스 스코어.
# * **The catalogue's worked example uses poor = 40**, while the usual platform grading
#   gives poor 0: both are conventions; the score is only comparable with the points
#   stated.
#
# ## Common mistakes
#
# 1. **Never checking the score.** A score that nobody backtests is an opinion with a
#    colour. Run `backtest` when you build it and every quarter after.
# 2. **Leakage.** Scoring a month with data from after it (a ticket opened during the
#    cancellation, an NPS answer given on the way out), or counting churn in the
#    scored month itself, makes any score look prophetic. Score with data up to the end
#    of *m*; label with churn from *m+1*.
# 3. **Comparing raw counts across account sizes.** Tickets and breadth mean different
#    things for a one-seat and a 400-seat account; compare within segments (and if
#    you rank, say that a fixed share is then always red).
# 4. **Tuning and judging on the same months.** Choose weights on one stretch of time
#    and check them on a later one — as this notebook does (explore, then judge) and as
#    `calibrate` does.
# 5. **Missing = 0.** An account that never answered NPS is not a detractor; leave the
#    component out (the default) unless you decide otherwise.
# 6. **Bands that do not separate.** If almost nobody is green, or red churns like
#    yellow, the thresholds are wrong even when the ranking is fine.
#
# ## Exercises
#
# Replace `None` by your answer and run the cell; `cskit.training.check` says whether it
# is right on the data this notebook reads (a hint after a wrong answer). Rates are
# fractions (5 % = 0.05).
#
# **1.** Six metrics, equally weighted: three good, one average, two poor, with the
# default points (good 100, average 60, poor 0). What is the score?

# %%
answer_1 = None
cskit.training.check("08-1", answer_1, data=company)

# %% [markdown]
# **2.** A team tunes its score's weights on all account-months of the last two years and
# reports the AUC on those same account-months. That AUC is most likely: **a** an honest
# estimate of how the score will do next quarter; **b** too optimistic; **c** too
# pessimistic. Answer `"a"`, `"b"` or `"c"`.

# %%
answer_2 = None
cskit.training.check("08-2", answer_2, data=company)

# %% [markdown]
# **3.** On the judged months, how many times as often does a red account churn within
# three months as a green one, under cskit's default score? Read it from the judged
# months' band table above (a ratio, e.g. 2.5).

# %%
answer_3 = None
cskit.training.check("08-3", answer_3, data=company)

# %% [markdown]
# **4.** On the explore months one signal alone ranks churners better than your
# composite score. What do you do first? **a** replace the score by that signal;
# **b** check on later months, which you have not looked at, whether the composite still
# loses before changing anything; **c** give that signal more weight and report the new
# AUC on the same months. Answer `"a"`, `"b"` or `"c"`.

# %%
answer_4 = None
cskit.training.check("08-4", answer_4, data=company)
