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
# # Average session duration
#
# **Average session duration** (평균 세션 시간, 平均セッション時間, 平均工作階段時間) is
# the time people spend in the product per visit. The 16-KPI article calls it a "raw"
# metric, like the usage rate, and gives the formula: total seconds of all sessions ÷
# number of sessions. It also says what makes it useful: seeing *which parts* of the
# product people spend longer or shorter in.
#
# ## Why it matters
#
# Product and CS teams read it per area of the product to see where people work and
# where they give up: a falling duration on a key workflow is an adoption problem a CSM
# can raise with the account; a rising one on a support page is friction to remove.
#
# The formula is the easy part. Two questions decide the number, and the article
# answers neither: **what is a session**, and **how long did the last screen of a
# session stay open**?

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
company = open_company(data_dir, needs=('events', 'accounts'))
month = notebook_month(company, month)

# %% [markdown]
# ## The formula
#
# $$\text{average session duration} = \frac{\sum_{\text{sessions}} \text{seconds}}
# {\#\text{sessions}}$$
#
# **Sessions.** When the events carry a `session_id` (the product logs it), cskit uses
# it. Otherwise a session is a run of one user's events with no gap longer than an
# inactivity **timeout** — 30 minutes by default, the usual web-analytics rule:
# `events.cs.sessions(timeout="30min")`.
#
# **Length of a session** (`length=`):
#
# * `"span"` (default): from the first event to the last, plus the `duration_s` of the
#   last event (the time on the last screen; 0 when the data has no such column);
# * `"sum"`: the sum of the events' `duration_s` (time on screens, pauses left out).
#
# Without `duration_s`, a session of one event lasts 0 seconds — a visit to read one
# dashboard counts as no time at all. Logs that record how long each screen stayed
# open avoid that.
#
# ## A small example by hand
#
# One user's events, with the seconds each screen stayed open:
#
# | time | event | seconds on screen | gap before |
# |---|---|---|---|
# | 09:00 | login | 10 | – |
# | 09:10 | report | 20 | 10 min |
# | 09:40 | export | 100 | 30 min (not *more* than 30: same session) |
# | 10:11 | login | 50 | 31 min → new session |
#
# Session 1: 09:00 → 09:40 = 2,400 s, plus 100 s on the last screen = **2,500 s**.
# Session 2: one event, **50 s**. Average (2,500 + 50) ÷ 2 = **1,275 s**.
# With `length="sum"`: (10 + 20 + 100 + 50) ÷ 2 = **90 s** — the same visits, a
# fourteen-fold difference, because the "span" counts the minutes between events as
# time in the product.

# %%
toy = pd.DataFrame({
    "user_id": 1,
    "timestamp": pd.to_datetime(["2026-10-01 09:00", "2026-10-01 09:10",
                                 "2026-10-01 09:40", "2026-10-01 10:11"]),
    "event": ["login", "report", "export", "login"],
    "duration_s": [10, 20, 100, 50],
})
s = toy.cs.sessions(timeout="30min")
assert s["duration_s"].tolist() == [2500.0, 50.0]
assert toy.cs.session_duration(period=None) == (2500 + 50) / 2
assert toy.cs.session_duration(period=None, length="sum") == (10 + 20 + 100 + 50) / 2
s

# %% [markdown]
# ## Session duration on this data
#
# With a `session_id` column cskit uses the logged sessions; without one it derives
# them from a 30-minute timeout (below), and without `duration_s` a session lasts from
# its first event to its last. Monthly averages:

# %%
ev = company.events
monthly = ev.cs.session_duration(period="M")
last6 = monthly.index[monthly.index <= month][-6:]
(monthly.loc[last6].assign(mean_minutes=lambda d: d["session_duration"] / 60)).round(1)

# %% [markdown]
# The report month by hand, from the session ids, in plain pandas:

# %%
if "session_id" in ev:  # the product logs its sessions
    sid = ev["session_id"]
else:  # derive them as cskit does: a new session after 30 minutes without an event
    order = ev.sort_values(["user_id", "timestamp"], kind="stable")
    new = (order["user_id"] != order["user_id"].shift()) | (
        order["timestamp"].diff() > pd.Timedelta("30min"))
    sid = new.cumsum().reindex(ev.index)
    print("No session_id in this data: sessions derived with a 30-minute timeout.")
g = ev.groupby(sid)
first, last = g["timestamp"].min(), g["timestamp"].max()
if "duration_s" in ev:  # the last screen's time on screen counts too
    last_screen = (ev.sort_values("timestamp", kind="stable")
                   .groupby(sid)["duration_s"].last().fillna(0))
else:
    last_screen = 0.0
seconds = (last - first).dt.total_seconds() + last_screen
in_month = first.dt.to_period("M") == month
by_hand = seconds[in_month].sum() / in_month.sum()
assert abs(by_hand - monthly.loc[month, "session_duration"]) < 1e-9
print(f"{month}: {in_month.sum():,} sessions, {seconds[in_month].sum():,.0f} s in total, "
      f"{by_hand:.1f} s per session ({by_hand / 60:.1f} min); median "
      f"{seconds[in_month].median():.0f} s")
print(f"The mean is {by_hand / seconds[in_month].median():.1f}× the median.")

# %% [markdown]
# ## The mean is not the typical session
#
# When the mean is well above the median (the ratio printed above), most visits are
# short and a few long working sessions pull the mean up.

# %%
from cskit.plotting import session_histogram

sessions = ev.cs.sessions()
fig, ax = plt.subplots(figsize=(8, 4))
_ = session_histogram(sessions[sessions["start"].dt.to_period("M") == month], ax=ax,
                      max_minutes=30)

# %% [markdown]
# Report the median next to the mean (cskit gives both), and watch the mean for a few
# tabs left open overnight: one eight-hour session moves a month's mean of a thousand
# sessions by half a minute.
#
# ## The timeout and the length definition move the number
#
# Sessions derived from the events with three timeouts, against the logged session
# ids, and both length definitions, for the report month:

# %%
rows = {}
options = {"logged session_id": {}} if "session_id" in ev else {}
for label, kw in {
    **options,
    "derived, 10 min": {"session_col": None, "timeout": "10min"},
    "derived, 30 min": {"session_col": None, "timeout": "30min"},
    "derived, 60 min": {"session_col": None, "timeout": "60min"},
}.items():
    span = ev.cs.session_duration(period="M", **kw).loc[month]
    rows[label] = {"sessions": int(span["sessions"]),
                   "mean s (span)": span["session_duration"],
                   "median s (span)": span["median_seconds"]}
    if "duration_s" in ev:  # "sum" needs each event's seconds on screen
        total = ev.cs.session_duration(period="M", length="sum", **kw).loc[month]
        rows[label]["mean s (sum)"] = total["session_duration"]
pd.DataFrame(rows).T.astype({"sessions": "int64"}).round(1)

# %% [markdown]
# A shorter timeout cuts long visits in two: more sessions, each shorter. Compare the
# derived rows with the logged session ids to see which timeout matches how this
# product logs sessions. `"sum"` leaves out
# the pauses between screens, so it is usually the smaller of the two. Any of these can be
# right; what is wrong is comparing two numbers made with different rules.
#
# ## Time per area of the product
#
# The article's best use of the metric: which parts of the product hold attention.
# Per event type, the seconds on screen (plain pandas on `duration_s`), and the
# average session by the feature it *started* with (`by="event"` takes the first
# event of each session — when every session starts with a login, the by-entry view
# has one row):

# %%
m_ev = ev[ev["timestamp"].dt.to_period("M") == month]
if "duration_s" not in m_ev:  # no time on screen logged: the gap to the next event
    m_ev = m_ev.sort_values(["user_id", "timestamp"], kind="stable")
    gap = m_ev.groupby("user_id")["timestamp"].shift(-1) - m_ev["timestamp"]
    m_ev = m_ev.assign(duration_s=gap.dt.total_seconds().where(
        gap <= pd.Timedelta("30min")).fillna(0))
    print("No duration_s in this data: time on screen = the gap to the user's next "
          "event (up to 30 minutes).")
per_feature = m_ev.groupby("event")["duration_s"].agg(["size", "sum", "median"])
per_feature["share of time"] = per_feature["sum"] / per_feature["sum"].sum()
per_feature = per_feature.rename(columns={"size": "events", "sum": "seconds",
                                          "median": "median s"})
print(ev.cs.session_duration(period=None, by="event").round(1).to_string())
per_use = per_feature["seconds"] / per_feature["events"]
print(f"Longest per use in {month}: {', '.join(per_use.nlargest(2).index)}; shortest: "
      f"{', '.join(per_use.nsmallest(2).index)}.")
per_feature.sort_values("seconds", ascending=False).round(3)

# %% [markdown]
# Compare the seconds per use across features in the table above. A feature whose time per use grows while its adoption does not is worth
# a look: people may be struggling with it.
#
# By segment (merge the accounts' segment onto the events first):

# %%
with_seg = ev.merge(company.accounts[["account_id", "segment"]], on="account_id")
seg = with_seg.cs.session_duration(period="M", by="segment").xs(month, level="period")
seg.assign(mean_minutes=seg["session_duration"] / 60).round(1)

# %% [markdown]
# ## Read it, act on it
#
# Is this number good? Published ranges (each with its source, year and caveats —
# compare like with like: segment, contract size and how the source defines the
# KPI), what moves the number, and the first three things a CSM does when it moves.

# %%
cskit.guide.read_it('session_duration')

# %% [markdown]
# ## Where the source articles fall short
#
# * **No definition of a session.** "Total seconds of all sessions ÷ number of
#   sessions" is right, but without a session rule (the product's own session ids, or
#   an inactivity timeout) two teams get different numbers from the same logs.
# * **The last screen.** Measuring a session from its first to its last event ignores
#   the time after the last event; short visits come out as 0 seconds.
# * **"Time spent" as a goal.** Longer is not always better: a support tool or a
#   billing page that takes longer is failing its user. Read the duration per area
#   next to the task it serves.
# * **Frequency ≠ duration.** The article's health-score section describes *frequency*
#   as "time spent in the product". They are different measures (notebook 14): how
#   often vs how long.
#
# ## Common mistakes
#
# 1. **Mean only.** Report the median too; the distribution is skewed.
# 2. **Changing the timeout between reports.** Keep it fixed, and state it.
# 3. **Counting a single-event session as zero** when screen times are available.
# 4. **Mixing bots and API traffic with people.** `api_call` events are machines; filter
#    them out with `activity=` when the question is about people.
# 5. **Sessions that span midnight or a month end** belong to the period in which they
#    start (cskit's rule); do not split them.
#
# ## Exercises
#
# Write your answer in place of `None` and run the cell; rates as fractions
# (0.05 = 5 %). A wrong answer gets a hint, a right one the explanation. The checker
# computes each answer from the data this notebook reads (`data=company`); no cell
# shows it.

# %% [markdown]
# **1.** Add to the small example a second user with one event at 09:00 that kept its
# screen open for 300 seconds. What is the average session duration now (span)?

# %%
answer_1 = None
cskit.training.check("15-1", answer_1, data=company)

# %% [markdown]
# **2.** Five sessions last 2, 3, 4, 5 and 86 minutes. What is the typical (median)
# session length, in minutes?

# %%
answer_2 = None
cskit.training.check("15-2", answer_2, data=company)

# %% [markdown]
# **3.** A user's events are at 09:00, 09:20, 10:00 and 10:10. With a 30-minute inactivity
# timeout, how many sessions is that?

# %%
answer_3 = None
cskit.training.check("15-3", answer_3, data=company)
