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
# # Start here
#
# **cskit** is a customer-success analytics toolkit for pandas. `import cskit` adds a
# `cs` accessor to every DataFrame: `mrr.cs.churn()`, `surveys.cs.nps()`,
# `mrr.cs.mrr_movements()` … compute the KPIs a CS team reports, each with the
# conventions the sources disagree on as explicit, documented parameters. Around the
# metrics: plots (`cskit.plotting`), explainers you can play with (`cskit.explain`),
# a glossary in four languages (`cskit.glossary()`) and one notebook per KPI.
#
# This notebook has two parts:
#
# 1. **A start page**: the data (the sample company by default), its tables, which KPIs each table
#    gives, and a 30-second tour.
# 2. **A training path for a new CS hire**: the KPIs one by one through their
#    explainers, each followed by an exercise that `cskit.training.check` marks.
#
# The first code cell holds the parameters (`lang` = `"en"`, `"ko"`, `"ja"` or
# `"zh-Hant"` switches every label, caption and the glossary).

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
company = open_company(data_dir, needs=('mrr', 'surveys', 'tickets', 'events'))
month = notebook_month(company, month)
from IPython.display import display

# %% [markdown]
# ## The data
#
# By default, the **sample company**: a seeded simulation of a B2B subscription
# business with all seven tables of the data contract consistent with each other
# (events only while an account is active, tickets rising before churn, detractors
# churning more often, a price change, an add-on launch). Point `data_dir` at a folder
# with your own tables (`<table>.csv`, as `cskit.datasets.write_sample` writes them) to
# run this notebook on your own data; a table the notebook needs and the folder lacks
# is named in the first output.

# %%
tables = {name: frame for name, frame in company.tables().items() if frame is not None}
first, last = company.mrr["month"].min(), company.mrr["month"].max()
print(f"{company.mrr['customer_id'].nunique():,} paying customers from {first} to {last}; "
      f"tables: {', '.join(tables)}.")
overview = pd.DataFrame(
    {
        "rows": [len(frame) for frame in tables.values()],
        "columns": [", ".join(map(str, frame.columns)) for frame in tables.values()],
    },
    index=pd.Index(list(tables), name="table"),
)
overview

# %% [markdown]
# ## Which KPIs does each table give?
#
# `df.cs.kpis()` lists the KPIs a frame's columns support (`df.cs.kpis(all=True)` also
# lists the others, with the columns they miss).

# %%
pd.concat(
    {name: frame.cs.kpis()[["kpi", "method"]] for name, frame in tables.items()},
    names=["table", None],
).droplevel(1)

# %% [markdown]
# ## A 30-second tour
#
# **MRR movements**: what changed recurring revenue each month. The reconciliation
# start + new + expansion − contraction − churn + reactivation = end holds exactly.

# %%
moves = company.mrr.cs.mrr_movements()
moves.tail(3).round(0)

# %%
from cskit.plotting import mrr_waterfall

ax = mrr_waterfall(moves, month=month)
display(ax.figure)
plt.close(ax.figure)

# %% [markdown]
# **Churn**: customers lost each month, divided by the customers at the start of the
# month (the default denominator; the churn explainer below shows the other two). The
# counts of the last three months up to the report month (the rate is an exercise
# below):

# %%
churn_table = company.mrr.cs.churn(period="M")
churn_table.loc[:month].tail(3)[["start_customers", "churned"]]

# %% [markdown]
# **NPS** per month, with its 95 % interval: with a hundred or so answers a month the
# interval is more than ±10 points wide, so most month-to-month moves are noise.

# %%
recent = company.surveys.cs.nps(period="M").tail(6)
half_width = (recent["ci_high"] - recent["ci_low"]).median() / 2
print(f"In this data: a median of {recent['n'].median():.0f} answers a month, "
      f"interval about ±{half_width:.0f} points.")
recent[["n", "nps", "ci_low", "ci_high"]].round(1)

# %% [markdown]
# ## Where to go next
#
# One notebook per KPI (definition, formula, common mistakes — including the errors in
# the source articles —, the number on the data, the same number by hand in plain
# pandas, a plot and exercises), and the monthly report that `cskit report` runs:
#
# - [`01_mrr`](01_mrr.ipynb)
# - [`02_churn_rate`](02_churn_rate.ipynb)
# - [`03_arpu`](03_arpu.ipynb)
# - [`04_net_dollar_retention`](04_net_dollar_retention.ipynb)
# - [`05_nps`](05_nps.ipynb)
# - [`06_csat`](06_csat.ipynb)
# - [`07_conversion_rate`](07_conversion_rate.ipynb)
# - [`08_customer_health_score`](08_customer_health_score.ipynb)
# - [`09_clv`](09_clv.ipynb)
# - [`10_retention_cost`](10_retention_cost.ipynb)
# - [`11_qualitative_feedback`](11_qualitative_feedback.ipynb)
# - [`12_first_contact_resolution`](12_first_contact_resolution.ipynb)
# - [`13_customer_effort_score`](13_customer_effort_score.ipynb)
# - [`14_product_usage`](14_product_usage.ipynb)
# - [`15_session_duration`](15_session_duration.ipynb)
# - [`16_dau_mau`](16_dau_mau.ipynb)
# - [`17_quick_ratio`](17_quick_ratio.ipynb)
# - [`18_cohort_retention`](18_cohort_retention.ipynb)
# - [`19_upsell_cross_sell`](19_upsell_cross_sell.ipynb)
# - [`20_repeat_rate`](20_repeat_rate.ipynb)
# - [`21_ticket_volume`](21_ticket_volume.ipynb)
# - [`22_response_time`](22_response_time.ipynb)
# - [`monthly_report`](monthly_report.ipynb)
#
# The KPI catalogue is in the project's documentation; `cskit.glossary()` (at the end of
# this notebook) has every KPI's definition and formula.

# %% [markdown]
# # Training path for a new CS hire
#
# Each KPI below comes with an **explainer**: the quantities behind the KPI as sliders,
# a figure, the formula with today's numbers in it, and one sentence on what moved.
# Opened in JupyterLab, the explainers are live widgets: move a slider and watch.
# Executed by a machine (papermill, nbconvert, CI) they show a static picture of their
# default state instead — as in the stored copy of this notebook.
# `cskit.explain.set_mode("widget")` forces the live version.
#
# After each explainer comes an exercise: replace `None` by your answer and run the cell.
# `cskit.training.check` says whether you are right, with a hint if not.
# Each explainer takes your own data too: `cskit.explain.churn(my_mrr_frame)`.

# %% [markdown]
# ## 1. NPS — Net Promoter Score
#
# "How likely are you to recommend us?" on **0–10**. 9–10 are promoters, 7–8 passives,
# 0–6 detractors; NPS = % promoters − % detractors, from −100 to 100.
# *Try*: set "Every detractor answers" to 0, then to 6 — the mean score jumps, NPS does
# not move. Halve the number of answers and watch the interval widen.

# %%
cskit.explain.nps(company.surveys, month=month)

# %% [markdown]
# The same explainer with every detractor answering 6 (NPS is unchanged, the mean is not):

# %%
cskit.explain.nps(company.surveys, month=month, detractor_answer=6)

# %%
print(cskit.training.question("nps-1"))
answer = None  # ← your answer here, then run the cell
cskit.training.check("nps-1", answer, data=company)

# %%
print(cskit.training.question("nps-2"))
answer = None  # ← your answer here, then run the cell
cskit.training.check("nps-2", answer, data=company)

# %% [markdown]
# ## 2. Customer churn rate
#
# The same customers under three denominators: customers at the start (the default),
# the average of start and end, start + new. Two more conventions: do customers who
# join and churn in the same period count, and is a churn followed by a return before
# the period ends still a churn? A month can hold neither case, a quarter can.

# %%
cskit.explain.churn(company.mrr)

# %%
print(cskit.training.question("churn-1"))
answer = None  # ← your answer here, then run the cell
cskit.training.check("churn-1", answer, data=company)

# %%
print(cskit.training.question("churn-2"))
answer = None  # ← your answer here, then run the cell
cskit.training.check("churn-2", answer, data=company)

# %% [markdown]
# ## 3. MRR movements
#
# Build a month from its movements; the waterfall follows. A churned customer who comes
# back is **reactivation**, not new business.

# %%
cskit.explain.mrr_movements(company.mrr, month=month)

# %%
print(cskit.training.question("mrr-1"))
answer = None  # ← your answer here, then run the cell
cskit.training.check("mrr-1", answer, data=company)

# %% [markdown]
# ## 4. NRR vs GRR
#
# Of the customers paying twelve months ago, what do they pay now? Expansion lifts net
# revenue retention (NRR) but never gross revenue retention (GRR, at most 100 %); new
# customers are in neither. The explainer starts from the headline, the **12-month NRR
# (returns excluded)** of the report month (`nrr(window=12)`): the number notebook 04
# and the monthly report show.

# %%
cskit.explain.retention(company.mrr, month=month)

# %%
print(cskit.training.question("retention-1"))
answer = None  # ← your answer here, then run the cell
cskit.training.check("retention-1", answer, data=company)

# %% [markdown]
# ## 5. Customer lifetime value (LTV)
#
# LTV = ARPA × gross margin ÷ churn rate, all monthly. 1 ÷ churn is the expected
# lifetime, so LTV **explodes** as churn goes to 0 — and is undefined at 0. The explainer
# starts from the headline, the **revenue LTV (before gross margin)** of `ltv()` (margin
# 100 %, trailing 12-month mean churn): the number notebook 09 shows. Any other margin or
# churn is a hypothesis, shown next to that baseline.

# %%
cskit.explain.ltv(company.mrr, month=month)

# %% [markdown]
# A hypothesis: the same ARPA with churn at 0.5 % a month (the baseline stays in the table):

# %%
cskit.explain.ltv(company.mrr, month=month, churn=0.005)

# %%
print(cskit.training.question("ltv-1"))
answer = None  # ← your answer here, then run the cell
cskit.training.check("ltv-1", answer, data=company)

# %%
print(cskit.training.question("ltv-2"))
answer = None  # ← your answer here, then run the cell
cskit.training.check("ltv-2", answer, data=company)

# %% [markdown]
# ## 6. CSAT and CES: top-box share vs mean
#
# CSAT (1–5) usually reports the share answering 4–5; CES (1–7) the share answering
# 5–7; either can report a mean. Moving middle answers to both ends keeps the mean and
# moves the share: the two summaries are not comparable.

# %%
cskit.explain.csat(company.surveys, month=month)

# %%
if (company.surveys["survey"] == "ces").any():
    display(cskit.explain.ces(company.surveys, month=month, polarise=5))
else:
    print("No CES answers in this data: the CES explainer needs rows with survey='ces'.")

# %%
print(cskit.training.question("csat-1"))
answer = None  # ← your answer here, then run the cell
cskit.training.check("csat-1", answer, data=company)

# %% [markdown]
# ## 7. First contact resolution (FCR)
#
# The article asks what counts as a first contact, whether transfers count and whether
# dropped calls count. Each answer moves the rate: how many agent replies, reopened
# tickets, spam, and the denominator.

# %%
cskit.explain.fcr(company.tickets, month=month)

# %%
print(cskit.training.question("fcr-1"))
answer = None  # ← your answer here, then run the cell
cskit.training.check("fcr-1", answer, data=company)

# %% [markdown]
# ## 8. DAU/MAU (stickiness)
#
# Define "active" first, then the window of MAU. The explainer starts from the headline,
# **DAU / trailing-28-day MAU** (the mean over the month's days of DAU ÷ users active in
# the 28 days to that day): the number notebook 16 shows. The calendar-month figure is
# in the table as a labelled comparison. A shorter window makes the same use look
# stickier; move it and compare.

# %%
cskit.explain.stickiness(company.events, month=month)

# %%
print(cskit.training.question("stickiness-1"))
answer = None  # ← your answer here, then run the cell
cskit.training.check("stickiness-1", answer, data=company)

# %% [markdown]
# ## 9. Health-score weights
#
# A health score is a weighted mean of component scores (0–100). The sliders start
# from cskit's default score, `health_score`'s weights (active days 2, NPS 1, support
# load 1, the other signals 0): the scores and bands notebook 08 and the monthly report
# show, taken three months before the report month. Change the weights: the accounts
# most at risk change, and the backtest (AUC against churn in the following three
# months) shows whether the new weights separate churners better; the last line shows
# weights fitted on past months and judged on later ones.

# %%
cskit.explain.health(company, month=month)

# %%
print(cskit.training.question("health-1"))
answer = None  # ← your answer here, then run the cell
cskit.training.check("health-1", answer, data=company)

# %% [markdown]
# ## Glossary
#
# Every KPI with its definition and formula, in the language chosen with
# `cskit.set_language` (the `lang` parameter above).

# %%
cskit.glossary().iloc[:, :3]

# %% [markdown]
# All the exercises of this path:

# %%
cskit.training.exercises()
