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
# # First contact resolution (FCR)
#
# **FCR** is the share of support requests solved at the first contact, with no
# follow-up (1차 해결률 / 一次解決率 / 首次聯絡解決率).
#
# The source article does not give one formula; it asks questions a team must answer
# first: *what counts as the first contact? do transfers count? do calls dropped while
# waiting count?* Different answers give different FCRs from the same tickets, so in
# cskit **each question is a parameter** with a documented default, and the result counts
# the tickets behind every number.

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
company = open_company(data_dir, needs=('tickets',))
month = notebook_month(company, month)

# %% [markdown]
# ## Why it matters
#
# Every follow-up contact is another wait for the customer and another piece of work for
# the team, so FCR is read by the support lead each month — per channel and category —
# to decide where agents need training or a better knowledge-base article, and which
# requests should be routed to someone who can solve them at once. For a CSM, accounts
# whose tickets keep coming back are a reason to look closer. Because the definition is
# a choice, the number is only useful with the definition written next to it.
#
# ## The formula and its questions
#
# $$\text{FCR} = \frac{\text{tickets that qualify}}{\text{resolved tickets}}$$
#
# | question | parameter | default |
# |---|---|---|
# | What is "first contact"? | `max_agent_replies` | 1 (solved with one agent reply; 0 also counts) |
# | Is a reopened ticket solved? | `reopen_window_days` | 7: a reopen within 7 days disqualifies (with only a True/False `reopened` column, any reopen does) |
# | Do transfers count? | `transferred=` column, `transfers_break_fcr` | no column; when given, a transfer disqualifies |
# | Do dropped calls count? | `dropped=` column | no column; when given, dropped contacts leave numerator *and* denominator |
# | Which contacts are out of scope? | `exclude_channels`, `exclude_categories` | no channel; the `spam` category |
# | Out of what? | `denominator` | `"resolved"`; `"all"` counts open tickets as not solved |
#
# Unresolved tickets are never silently dropped: they are counted in `unresolved`.
#
# ## A small example by hand
#
# Six tickets: resolved with 0, 1, 1 and 2 agent replies, one resolved with 1 reply and
# reopened, and one still open. The open one is not in the denominator (5 resolved);
# the ones with 0 and 1 replies qualify, the 2-reply and the reopened ones do not:
# FCR = 3 ÷ 5 = 0.6.

# %%
created = pd.Timestamp("2026-10-05 09:00", tz="UTC")
six = pd.DataFrame({
    "ticket_id": [f"T{i}" for i in range(1, 7)],
    "created_at": [created] * 6,
    "resolved_at": [created + pd.Timedelta(hours=2)] * 5 + [pd.NaT],
    "agent_replies": [0, 1, 1, 2, 1, 1],
    "reopened": [False, False, False, False, True, False],
    "channel": "email",
    "category": "billing",
})
by_hand = 3 / 5
assert six.cs.fcr(period=None) == by_hand
print(f"FCR by hand {by_hand:.2f}, by cskit {six.cs.fcr(period=None):.2f}")

# %% [markdown]
# ## Where the source articles go wrong
#
# The 16-KPI article gives **no formula** — and that is its strength: it lists the
# questions a team must answer before FCR means anything (what counts as the first
# contact? does a contact with another department or agent count? do calls dropped while
# waiting count?). cskit turns each into a parameter (the table above). **What it leaves
# out**: what to divide by (resolved tickets or all tickets), whether a reopened ticket
# was solved, and that spam, closed without help, inflates FCR. The KPI catalogue
# records no wrong formula for FCR.

# %%
tickets = company.tickets[company.tickets["created_at"].dt.to_period("M") <= month]
monthly = tickets.cs.fcr(period="M")
monthly.tail(4)

# %% [markdown]
# The reason columns (`too_many_replies`, `reopened`, `transferred`) count the tickets in
# the denominator that failed each test; a ticket can fail several.
#
# ## Same tickets, different definitions
#
# The last twelve months under each answer:

# %%
last_year = tickets[tickets["created_at"].dt.to_period("M") > month - 12]
definitions = {
    "default (1 reply, no reopen, spam out)": {},
    "up to 2 agent replies": {"max_agent_replies": 2},
    "reopens ignored": {"reopen_window_days": None},
    "2 replies and reopens ignored": {"max_agent_replies": 2, "reopen_window_days": None},
    "phone excluded": {"exclude_channels": ("phone",)},
    "spam counted": {"exclude": ()},
    "out of all tickets": {"denominator": "all"},
}
variants = pd.Series({name: last_year.cs.fcr(period=None, **kw) for name, kw in definitions.items()},
                     name="FCR")
spread = (variants.max() - variants.min()) * 100
print(f"In this data the definitions span {spread:.1f} points; allowing two replies adds "
      f"{(variants.iloc[1] - variants.iloc[0]) * 100:+.1f}, ignoring reopens "
      f"{(variants.iloc[2] - variants.iloc[0]) * 100:+.1f}.")
# What each rule removes on its own (a ticket can fail both).
solved = last_year[(last_year["category"] != "spam") & last_year["resolved_at"].notna()]
reopened = solved["reopened"].fillna(False).astype(bool)
few = solved["agent_replies"] <= 1
only_reopen = int((reopened & few).sum())
print(f"Of {len(solved):,} resolved tickets, {int((~few).sum()):,} had more than one agent "
      f"reply and {int(reopened.sum()):,} were reopened; {only_reopen:,} reopened tickets "
      "had at most one reply" + (" — so ignoring reopens alone cannot change the FCR "
      "here: the reply test already fails every reopened ticket." if only_reopen == 0
      else ", and those are what ignoring reopens adds."))
moves = monthly["fcr"].diff().abs().iloc[-12:] * 100
print(f"Largest month-to-month move in the last twelve months: {moves.max():.1f} points, "
      f"against {spread:.1f} points between definitions: the definition matters "
      + ("more." if spread > moves.max() else "less than the monthly swings here."))
variants.round(3)

# %% [markdown]
# Compare the two spans printed above before comparing FCRs from two tools or two
# teams. Pick a definition, write it next to the number, and keep it.
#
# ## The same number by hand

# %%
kept = tickets[tickets["category"] != "spam"]
resolved = kept[kept["resolved_at"].notna()]
first_time = (resolved["agent_replies"] <= 1) & ~resolved["reopened"]
by_hand = first_time.groupby(resolved["created_at"].dt.to_period("M")).mean()
assert np.allclose(monthly["fcr"], by_hand)
assert monthly["unresolved"].sum() == kept["resolved_at"].isna().sum()
print(f"{month}: FCR {by_hand[month]:.1%} of {len(resolved[resolved['created_at'].dt.to_period('M') == month])} "
      f"resolved tickets; {int(monthly.loc[month, 'unresolved'])} still open.")

# %% [markdown]
# ## By channel, with intervals

# %%
last_year.cs.fcr(by="channel", period=None)[["denominator", "qualifying", "fcr", "ci_low", "ci_high"]].round(3)

# %% [markdown]
# ## The trend

# %%
from cskit.plotting import fcr_trend

ax = fcr_trend(monthly)
plt.show()

# %% [markdown]
# ## Common mistakes
#
# * **Not writing the definition down**: FCR from two teams (or two tools) is only
#   comparable when the parameters above are the same.
# * **Dividing by all tickets while calling it "of resolved"** — or the other way round.
# * **Letting spam and dropped calls in**: auto-closed spam looks like perfect FCR.
# * **Counting a ticket reopened the next day as solved**: it was not.
# * **Judging a small channel by its rate alone**: look at the interval.

# %% [markdown]
# ## Why your dashboard shows a different number
#
# Zendesk's "one-touch tickets" count solved tickets with fewer than two agent replies.
# A customer who reopens a ticket just to say thank you, solved again without a reply,
# keeps it one-touch; a reopen that needs another reply does not (that reply is in
# `agent_replies`). cskit's default is stricter: any reopen within 7 days disqualifies
# the ticket. `fcr(convention="zendesk", period=None)` drops the reopen test (sources in
# `docs/conventions.md`).

# %%
recent = pd.period_range(month - 5, month, freq="M")
cols = ["denominator", "too_many_replies", "reopened", "qualifying", "fcr"]
both = {"cskit": company.tickets.cs.fcr(period="M"),
        "zendesk": company.tickets.cs.fcr(period="M", convention="zendesk")}
side_by_side = pd.concat({name: table.loc[table.index.isin(recent), cols]
                          for name, table in both.items()}, axis=1)
# Tickets one-touch for Zendesk only: at most one reply, but reopened.
side_by_side[("gap", "zendesk only")] = (side_by_side[("zendesk", "qualifying")]
                                - side_by_side[("cskit", "qualifying")])
side_by_side.round(3)

# %% [markdown]
# The gap is the last column: tickets with at most one agent reply that were reopened
# (cskit's `reopened` column also counts reopened tickets that failed on replies, so
# it can be larger). Where the gap is 0, every reopen led to another reply and both
# definitions agree; a team whose customers often answer "thanks" after a ticket is
# solved sees Zendesk's figure higher.

# %% [markdown]
# ## Read it, act on it
#
# Is this number good? Published ranges (each with its source, year and caveats —
# compare like with like: segment, contract size and how the source defines the
# KPI), what moves the number, and the first three things a CSM does when it moves.

# %%
cskit.guide.read_it('fcr')

# %% [markdown]
# ## Exercises
#
# Write your answer in place of `None` and run the cell: `cskit.training.check` says whether it is right on the data this notebook reads (`data=company`). A hint comes after a wrong answer, the explanation after a right one. Rates are fractions (5 % = 0.05); a choice is a letter.

# %% [markdown]
# **1.** Five tickets: resolved with 1, 1 and 3 agent replies, one resolved with 1 reply but reopened the next day, and one still open. What is the FCR with cskit's defaults?

# %%
answer_1 = None
cskit.training.check('12-1', answer_1, data=company)

# %% [markdown]
# **2.** On some data, turning the reopen rule off (reopen_window_days=None) does not change the FCR at all. Why? a) no ticket was ever reopened; b) every reopened ticket also had more than one agent reply, so the reply rule already left it out; c) reopened tickets are left out of the denominator.

# %%
answer_2 = None
cskit.training.check('12-2', answer_2, data=company)

# %% [markdown]
# **3.** What is the FCR of the last twelve months of this data (up to the latest complete month) out of all tickets, spam included?

# %%
answer_3 = None
cskit.training.check('12-3', answer_3, data=company)
