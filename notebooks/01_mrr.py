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
# # MRR: monthly recurring revenue
#
# **MRR** is the revenue your subscriptions bring in *per month*, normalised so that
# months can be compared: 월간 반복 수익 in Korean, 月次経常収益 in Japanese,
# 每月經常性收入 in Chinese. It is the pulse of a subscription business — finance
# forecasts with it, investors value with it, and a CS team's work (renewals,
# expansion, saving accounts) shows up in its **movements**.
#
# ## Why it matters
#
# Finance forecasts with MRR and investors value the company on it; the head of CS
# answers for the movements CS drives (expansion, contraction, churn) and plans
# renewals, saves and expansion work from them.
#
# ## The formula
#
# MRR is *not* what you invoiced or collected in a month. It is built from the
# subscription lines that are running at the month's close:
#
# * **normalise the price to a month**: 600 per year is 50 per month, 270 per quarter is
#   90 per month, whatever month the invoice goes out;
# * **discounts**: MRR is what the customer really pays (list price − discount), unless
#   you deliberately report list price;
# * **leave out** one-off charges (set-up, training), metered / usage charges, trials and
#   free plans — they do not recur at a known amount;
# * **a cancelled line stops counting** at the first month close after its end date
#   (cskit's default), or at the end of the period it has already paid for.

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
company = open_company(data_dir, needs=('mrr', 'subscriptions', 'accounts'))
month = notebook_month(company, month)

# %% [markdown]
# ## A small example by hand: from subscription lines to MRR
#
# Five lines, January to April 2026 (`end` is the first day a line no longer runs):
#
# | customer | start | end | amount | interval | discount | monthly net | counts in |
# |---|---|---|---|---|---|---|---|
# | a | 2026-01-01 | — | 1,200 | year | 10 % | 1,200 × 0.9 ÷ 12 = **90** | Jan–Apr |
# | b | 2026-01-15 | 2026-03-10 | 100 | month | — | **100** | Jan, Feb |
# | c | 2026-01-01 | 2026-02-20 | 270 | 3 months | — | 270 ÷ 3 = **90** | Jan |
# | d | 2026-02-01 | — | 500 | one-off | — | **0** (not recurring) | never |
# | e | 2026-01-20 | — | 0 | month | — | **0** (free plan) | never |
#
# A line counts in a month when it runs at the month's close: b ends on 10 March, so
# its last month is February; c ends on 20 February, so it counts in January only.
#
# MRR: January 90 + 100 + 90 = **280**, February 90 + 100 = **190**, March **90**,
# April **90**.
#
# Two switches change this:
#
# * `price="list"` ignores discounts: a counts 100, not 90 → 290, 200, 100, 100.
# * `recognise_churn="period_end"` keeps a cancelled line until the end of the period
#   already paid: c paid for January–March, so it counts three months → 280, 280, 180, 90.

# %%
lines = pd.DataFrame(
    {
        "customer_id": ["a", "b", "c", "d", "e"],
        "start": pd.to_datetime(["2026-01-01", "2026-01-15", "2026-01-01", "2026-02-01",
                                 "2026-01-20"]),
        "end": pd.to_datetime([None, "2026-03-10", "2026-02-20", None, None]),
        "amount": [1200.0, 100.0, 270.0, 500.0, 0.0],
        "interval": ["year", "month", "3", "one_off", "month"],
        "discount": [0.10, 0.0, 0.0, 0.0, 0.0],
    }
)
variants = {
    "default": {},
    "price=list": {"price": "list"},
    "period_end": {"recognise_churn": "period_end"},
}
toy = pd.DataFrame(
    {name: lines.cs.to_mrr(until="2026-04", **kw).cs.mrr()["mrr"]
     for name, kw in variants.items()}
)
assert toy.to_numpy().T.tolist() == [[280, 190, 90, 90], [290, 200, 100, 100],
                                     [280, 280, 180, 90]]
toy

# %% [markdown]
# `to_mrr()` returns one row per customer, month (and plan, product) — the `mrr` table
# of the data contract; `mrr()` adds the rows up per month.
#
# ## This data: subscriptions → MRR
#
# Is this data's `mrr` table the same as `subscriptions.cs.to_mrr()` (up to its last
# month)? If not, the `mrr` table was made with other rules — find out which before
# comparing numbers:

# %%
derived = company.subscriptions.cs.to_mrr(until=company.mrr["month"].max())
key = ["customer_id", "month", "plan", "product"]
same = derived.sort_values(key).reset_index(drop=True).equals(
    company.mrr.sort_values(key).reset_index(drop=True)[derived.columns]
)
print("mrr == subscriptions.cs.to_mrr():", "yes" if same else "no")
company.subscriptions["interval"].value_counts()

# %% [markdown]
# What the two switches are worth on real-looking data, for the last six months:

# %%
last6 = pd.period_range(end=month, periods=6, freq="M")
variants_mrr = {
    name: company.subscriptions.cs.to_mrr(**kw).cs.mrr().loc[last6, "mrr"]
    for name, kw in {"net (default)": {}, "list price": {"price": "list"},
                     "period_end": {"recognise_churn": "period_end"}}.items()
}
switches = pd.DataFrame(variants_mrr)
switches["discounts %"] = (switches["list price"] / switches["net (default)"] - 1) * 100
switches["period_end %"] = (switches["period_end"] / switches["net (default)"] - 1) * 100
switches.round(1)

# %% [markdown]
# * **List price** is higher by what the discounts cost. Report net
#   MRR (what customers pay); list MRR only tells sales how much they give away.
# * **`period_end`** adds revenue from lines that were cancelled but are paid up —
#   churn is booked later, at the end of the paid term. One trap: in line data a
#   **plan change** looks like a cancellation (the old line ends the day the new one
#   starts). Extending the old annual line to the end of its term *and* counting its
#   replacement would count the customer twice, so cskit treats a line replaced the
#   same day (same customer and product) as a change and stops it as usual. The check
#   below rebuilds `period_end` MRR by hand from the two kinds of ended line, and shows
#   what the naive rule (extend every ended line) would have added:

# %%
subs = company.subscriptions
# "replaced": the same customer and product has a line starting the day this one ends
replaced = pd.MultiIndex.from_frame(subs[["customer_id", "product", "end"]]).isin(
    pd.MultiIndex.from_frame(subs[["customer_id", "product", "start"]])
)
horizon = company.mrr["month"].max()
by_hand = (
    subs[~replaced].cs.to_mrr(recognise_churn="period_end", until=horizon).cs.mrr()["mrr"]
    .add(subs[replaced].cs.to_mrr(until=horizon).cs.mrr()["mrr"], fill_value=0)
)
pd.testing.assert_series_equal(by_hand.loc[last6], switches["period_end"],
                               check_names=False)
# The naive rule: give each replaced line an id of its own (no successor), so
# period_end extends it to the end of its paid term.
alone = subs[replaced].assign(
    customer_id=lambda d: d["customer_id"] + "#" + d.index.astype(str))
naive_extra = (
    alone.cs.to_mrr(recognise_churn="period_end", until=horizon).cs.mrr()["mrr"]
    .sub(alone.cs.to_mrr(until=horizon).cs.mrr()["mrr"], fill_value=0)
).reindex(last6, fill_value=0)
switches["double count if naive %"] = naive_extra / switches["net (default)"] * 100
print(f"{int(replaced.sum())} of {int(subs['end'].notna().sum())} ended lines were "
      f"replaced the same day (plan changes)")
switches[["net (default)", "period_end %", "double count if naive %"]].round(2)

# %% [markdown]
# The `period_end` difference is churn booked at the end of the paid term instead of
# at the cancellation; the last column is what a spreadsheet that extends every ended
# line would add on top of it — revenue nobody pays.
#
# ## MRR per month
#
# `mrr.cs.mrr(period="M")` gives MRR and the number of paying customers. MRR is a
# **stock** (a level at a moment, like a bank balance): a quarter's MRR is its last
# month's, not the sum of three months.

# %%
monthly = company.mrr.cs.mrr(period="M")
monthly["arpa"] = monthly["mrr"] / monthly["customers"]
monthly.loc[last6].round(1)

# %%
quarterly = company.mrr.cs.mrr(period="Q")
q_end = quarterly.index.asfreq("M", how="end")
assert np.allclose(quarterly["mrr"], monthly.loc[q_end, "mrr"])  # a stock: last month
quarterly.tail(4).round(1)

# %% [markdown]
# ## MRR movements
#
# Each month's change in MRR, split by cause. For each customer, this month against
# the month before:
#
# | movement | who | amount |
# |---|---|---|
# | **new** | pays for the first time ever | this month's MRR |
# | **expansion** | paid last month, pays more now (upgrade, seats, add-on) | the increase |
# | **contraction** | paid last month, pays less now (downgrade, dropped add-on) | the decrease |
# | **churn** | paid last month, pays nothing now | last month's MRR |
# | **reactivation** | paid once, stopped, pays again | this month's MRR |
#
# cskit stores every movement as a **positive** amount; contraction and churn are
# subtracted. The reconciliation holds for every month:
#
# $$\text{start} + \text{new} + \text{expansion} + \text{reactivation}
# - \text{contraction} - \text{churn} = \text{end}$$
#
# (the first month of the data is left out: with no month before it, everything in it
# would look new.)

# %%
movements = company.mrr.cs.mrr_movements()
cols = ["start", "new", "expansion", "reactivation", "contraction", "churn", "end"]
recon = movements.loc[last6, cols].copy()
recon["start + flows − end"] = (
    recon["start"] + recon["new"] + recon["expansion"] + recon["reactivation"]
    - recon["contraction"] - recon["churn"] - recon["end"]
)
assert np.allclose(recon["start + flows − end"], 0, atol=1e-6)
assert np.allclose(movements["end"], monthly.loc[movements.index, "mrr"])
assert np.allclose(movements["start"].iloc[1:], movements["end"].iloc[:-1])
recon.round(0) + 0.0  # + 0.0 turns a rounded -0.0 into 0.0

# %% [markdown]
# The end of one month is the start of the next, and `end` equals `mrr()` for the
# month. Quarters and years add the monthly flows up (`mrr_movements(period="Q")`).
#
# ### Events of a company, seen in the movements
#
# **A product launched later (an add-on).** Existing customers who buy it pay
# more: that is **expansion**, not new business (cross-sell). Expansion should jump
# the month of the launch, and the product's MRR starts from zero. The product of this
# data that first appears last, around its launch:

# %%
addon = company.mrr.cs.mrr(by="product")["mrr"].unstack("product")
first_seen = addon.gt(0).idxmax()  # first month with MRR, per product
newest = first_seen.idxmax()
launch = pd.period_range(first_seen[newest] - 2, periods=6, freq="M")
if first_seen.nunique() == 1:
    print("All products of this data start in its first month: no launch to see.")
else:
    print(f"Newest product: {newest!r}, first MRR in {first_seen[newest]}.")
pd.concat(
    [movements.reindex(launch)[["new", "expansion"]], addon.reindex(launch)], axis=1
).round(0)

# %% [markdown]
# **A price change.** Existing lines usually keep their price, so a rise reaches MRR
# only through lines that start after it: new customers, plan changes, returning
# customers. Look at the list price per seat of each new customer's first month, by
# plan and quarter (main product only) — a price change shows as a step:

# %%
list_mrr = company.subscriptions.cs.to_mrr(price="list")
main_product = list_mrr["product"].mode().iloc[0]
core = list_mrr[list_mrr["product"] == main_product]
first_month = core.groupby("customer_id")["month"].transform("min")
firsts = core[core["month"] == first_month].merge(
    company.accounts[["account_id", "seats"]], left_on="customer_id", right_on="account_id"
)
firsts["per_seat"] = firsts["mrr"] / firsts["seats"]
firsts["quarter"] = firsts["month"].dt.asfreq("Q")
per_seat = firsts.groupby(["quarter", "plan"])["per_seat"].median().unstack("plan")
per_seat.tail(6).round(2)

# %%
new_customers = company.mrr.cs.churn(period="M")["new_customers"]
per_new = (movements["new"] / new_customers.reindex(movements.index)).dropna()
per_new = per_new[per_new.index <= month].tail(12)
half = len(per_new) // 2
h1, h2 = per_new.iloc[:half], per_new.iloc[half:]
print(f"new MRR per new (or returning) customer: {h1.index[0]}–{h1.index[-1]} "
      f"{h1.mean():,.0f}, {h2.index[0]}–{h2.index[-1]} {h2.mean():,.0f}")
# Is the change more than month-to-month noise? Welch's t-test on the monthly values.
from scipy import stats

if min(len(h1), len(h2)) >= 2:
    test = stats.ttest_ind(h2, h1, equal_var=False)
    ci = test.confidence_interval(0.95)
    verdict = ("larger than the month-to-month noise" if test.pvalue < 0.05
               else "not distinguishable from month-to-month noise")
    print(f"change {h2.mean() - h1.mean():+,.0f} (95 % interval {ci.low:+,.0f} to "
          f"{ci.high:+,.0f}, p = {test.pvalue:.2f}): {verdict}.")
else:
    print("Too few months to test the change.")

# %% [markdown]
# Whatever the test says, this number cannot tell a price change from a change of
# **mix**: new MRR per customer is price per seat × seats × plan, so a price rise can
# come with *lower* new MRR per customer if the customers who sign are smaller, and a
# rise can come from larger customers at unchanged prices. To see a price effect,
# compare like with like (per seat, per plan, as in the table above), never the total.
#
# ## The same numbers by hand, in plain pandas
#
# **MRR of the report month, straight from the subscription lines**: keep the recurring
# lines running at the month's close, normalise each price to a month, subtract the
# discount, add up.

# %%
months_per_interval = pd.to_numeric(
    subs["interval"].replace({"month": "1", "quarter": "3", "year": "12"}), errors="coerce"
)  # one-off / metered → NaN → left out
close = (month + 1).start_time  # first instant after the month
running = (subs["start"] < close) & (subs["end"].isna() | (subs["end"] >= close))
discount = subs["discount"].fillna(0) if "discount" in subs else 0.0
monthly_price = subs["amount"] * (1 - discount) / months_per_interval
mrr_by_hand = monthly_price[running & (monthly_price > 0)].sum()

mrr_cskit = company.mrr.cs.mrr(period="M").loc[month, "mrr"]
assert np.isclose(mrr_by_hand, mrr_cskit)
print(f"MRR {month}: by hand {mrr_by_hand:,.2f}, cskit {mrr_cskit:,.2f}")

# %% [markdown]
# **The movements of the report month**: a customer × month table of total MRR, then
# compare the month with the one before, and remember who ever paid before.

# %%
totals = company.mrr.groupby(["customer_id", "month"])["mrr"].sum().unstack("month")
all_months = pd.period_range(totals.columns.min(), totals.columns.max(), freq="M")
totals = totals.reindex(columns=all_months).fillna(0.0)

before, now = totals[month - 1], totals[month]
paid_earlier = (totals.loc[:, : month - 1] > 0).any(axis=1)  # any month up to the last
both = (before > 0) & (now > 0)
change = (now - before)[both]
by_hand = pd.Series(
    {
        "start": before.sum(),
        "new": now[(now > 0) & ~paid_earlier].sum(),
        "expansion": change[change > 0].sum(),
        "reactivation": now[(now > 0) & (before == 0) & paid_earlier].sum(),
        "contraction": -change[change < 0].sum(),
        "churn": before[(before > 0) & (now == 0)].sum(),
        "end": now.sum(),
    }
)
check = pd.DataFrame({"by hand": by_hand, "cskit": movements.loc[month, by_hand.index]})
assert np.allclose(check["by hand"], check["cskit"])
check.round(2)

# %% [markdown]
# ## The plots

# %%
from cskit.plotting import mrr_trend, mrr_waterfall

ax = mrr_waterfall(movements, month=month)

# %% [markdown]
# The waterfall reads left to right: start, what came in (new, expansion,
# reactivation), what went out (contraction, churn), end. The value axis does not
# start at zero, so that the movements — a few per cent of MRR — are visible.

# %%
ax = mrr_trend(monthly)

# %% [markdown]
# ## Where the source articles go wrong (from the KPI catalogue)
#
# **"MRR = ARPU × number of users" is an identity, not a way to compute MRR.** The
# 16-KPI article gives MRR as ARPU × monthly users, and defines ARPU as revenue ÷
# average users. Both need the revenue first, so the formula goes in a circle; worse,
# if "revenue" is read as what was *invoiced* in the month, annual plans count twelve
# times in their renewal month and zero in the other eleven. This data's
# invoices against its MRR:

# %%
last12 = pd.period_range(end=month, periods=12, freq="M")
last12 = last12[last12 >= company.mrr["month"].min()]
# every line × every month of the window; a line bills on its start day every
# `interval` months (one-off lines bill once, in their start month)
grid = subs.merge(pd.DataFrame({"bill_month": last12}), how="cross")
step = pd.to_numeric(
    grid["interval"].replace({"month": "1", "quarter": "3", "year": "12"}), errors="coerce"
)
months_since = grid["bill_month"].array.asi8 - grid["start"].dt.to_period("M").array.asi8
day = np.minimum(grid["start"].dt.day, grid["bill_month"].dt.days_in_month)
bill_date = grid["bill_month"].dt.start_time + pd.to_timedelta(day - 1, unit="D")
due = np.where(step.isna(), months_since == 0, months_since % step.fillna(1) == 0)
billed = (months_since >= 0) & due & (grid["end"].isna() | (bill_date < grid["end"]))
amount = grid["amount"] * (1 - (grid["discount"].fillna(0) if "discount" in grid else 0.0))
invoiced = amount[billed].groupby(grid["bill_month"][billed]).sum()
versus = pd.DataFrame({"invoiced": invoiced, "MRR": monthly.loc[last12, "mrr"]})
versus["invoiced ÷ MRR"] = versus["invoiced"] / versus["MRR"]
swing = versus["invoiced ÷ MRR"]
mrr_step = versus["MRR"].pct_change().abs().max()
print(f"Last {len(versus)} months: invoices ran from {swing.min():.2f}× to {swing.max():.2f}× "
      f"MRR, while MRR moved by at most {mrr_step:.1%} from one month to the next.")
versus.round(2)

# %% [markdown]
# Where annual or quarterly plans are common, invoices swing around MRR (the range is
# printed above). An "ARPU × users" built on invoiced revenue inherits the swings. Compute MRR from the
# subscription lines (or a monthly snapshot), then derive ARPA = MRR ÷ customers from
# it — not the other way round.
#
# **A returning churned customer is reactivation, not new.** Calling it new overstates
# what sales brought in and hides that the customer had left:

# %%
window = movements.loc[movements.index.isin(last12)]
share = window["reactivation"].sum() / (window["new"] + window["reactivation"]).sum()
print(
    f"last 12 months: new {window['new'].sum():,.0f}, reactivation "
    f"{window['reactivation'].sum():,.0f} — {share:.1%} of 'new-looking' MRR was "
    f"customers coming back"
)

# %% [markdown]
# ## Why your dashboard shows a different number
#
# Two conventions move MRR between tools (sources in `docs/conventions.md`):
#
# * **When a cancellation leaves MRR.** cskit, Stripe and Baremetrics drop a line at
#   its cancellation; ChartMogul (by default) keeps it until the end of the period
#   already paid, so an annual customer who cancels in month 3 still counts for the
#   rest of the year. `to_mrr(convention="chartmogul")` does the same.
# * **Month-end grain.** MRR movements compare month closes. A customer who upgrades
#   and downgrades again inside one month shows no movement at all, while a dashboard
#   that books every change shows both. `subscription_movements(intra_period=True)`
#   books every change.

# %%
mrr_at = {v: company.subscriptions.cs.to_mrr(until=month, convention=v).cs.mrr(period=None)
          for v in ["stripe", "chartmogul"]}
print(f"MRR in {month}: cancellation date (cskit, Stripe, Baremetrics) "
      f"{mrr_at['stripe']:,.0f}; end of the paid period (ChartMogul) "
      f"{mrr_at['chartmogul']:,.0f}")
last12 = pd.period_range(month - 11, month, freq="M")
grains = {
    "month-end": company.subscriptions.cs.subscription_movements(as_of=month.end_time),
    "every change": company.subscriptions.cs.subscription_movements(
        as_of=month.end_time, intra_period=True),
}
flows = ["new", "expansion", "contraction", "churn", "reactivation"]
pd.DataFrame({name: table.loc[last12, flows].sum() for name, table in grains.items()}).round(0)

# %% [markdown]
# Where the two columns agree, no customer changed and changed back within a month
# in the last 12 months; where "every change" is larger, the difference is MRR that
# moved inside a month and was undone before its close. The month-end column equals
# `to_mrr()` followed by `mrr_movements()`.

# %% [markdown]
# ## Read it, act on it
#
# Is this number good? Published ranges (each with its source, year and caveats —
# compare like with like: segment, contract size and how the source defines the
# KPI), what moves the number, and the first three things a CSM does when it moves.

# %%
cskit.guide.read_it('mrr')

# %% [markdown]
# **Losing one product is contraction, not churn.** A customer who drops an add-on
# but keeps its main product is still paying: contraction. Churn is only when the
# customer's *total* MRR reaches zero (cskit adds a customer's lines up first).
#
# ## Common mistakes
#
# 1. **Invoices or cash as MRR** (above): annual prepayments make months incomparable.
# 2. **Annual price as if monthly, or not divided by the term**: 600 per year is 50 per
#    month; a 3-month price is divided by 3.
# 3. **One-off fees, usage charges, trials and free plans in MRR**: they are revenue, not
#    recurring revenue.
# 4. **List price when customers pay less**: overstates MRR by the discounts.
# 5. **Summing MRR over months** ("Q3 MRR = July + August + September"): MRR is a level;
#    sum the *movements*, take the *last* month's MRR.
# 6. **Movements that do not reconcile**: if start + flows ≠ end, some customer is counted
#    twice or not at all — always check the identity.
# 7. **Reading a price change off total new MRR**: the customer mix moves it too.
#
# ## Exercises
#
# Write your answer in place of `None` and run the cell; rates as fractions
# (0.05 = 5 %). A wrong answer gets a hint, a right one the explanation. The checker
# computes each answer from the data this notebook reads (`data=company`); no cell
# shows it.

# %% [markdown]
# **1.** 100 customers pay 100 a month; 50 customers pay 600 a year. What is the MRR?

# %%
answer_1 = None
cskit.training.check("01-1", answer_1, data=company)

# %% [markdown]
# **2.** Start MRR 10,000; new 500, expansion 300, contraction 200, churn 400,
# reactivation 100. What is the end MRR?

# %%
answer_2 = None
cskit.training.check("01-2", answer_2, data=company)

# %% [markdown]
# **3.** An annual plan at a list price of 1,200 a year with a 25 % discount starts on
# 2026-01-10 and is cancelled on 2026-04-05. With recognise_churn="period_end", how much
# MRR does it add in 2026-10?

# %%
answer_3 = None
cskit.training.check("01-3", answer_3, data=company)

# %% [markdown]
# **4.** New MRR per new customer fell from one half-year to the next, yet the company
# raised its list prices in between. Which reading fits? a) the price rise lost customers;
# b) the customers who signed were smaller (fewer seats, cheaper plans); c) the price rise
# never happened.

# %%
answer_4 = None
cskit.training.check("01-4", answer_4, data=company)
